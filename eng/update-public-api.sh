#!/usr/bin/env bash
# Adds the entries of new public symbols to each compiled package's PublicAPI.Unshipped.txt (the RS0016 code fix),
# after a deliberate change of public surface. Review the diff; remove the entries of deleted symbols by hand (RS0017
# names them). At a release, move the Unshipped entries to PublicAPI.Shipped.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
for project in src/Negotiations/Negotiations.csproj src/Negotiations.Marten/Negotiations.Marten.csproj src/Negotiations.Testing/Negotiations.Testing.csproj src/Negotiations.Scripts/Negotiations.Scripts.csproj; do
  echo "public api: $project"
  dotnet format analyzers "$project" --diagnostics RS0016 --severity warn
done

#!/usr/bin/env bash
# Proves the packages work as packages: packs the ones the consumers here need, with a version unique to this run,
# into the local feed artifacts/packages; restores each consumer from it into an isolated packages folder (so no
# cached package of an earlier build can stand in); runs the consumers' tests, writing TRX files to the results
# directory given as the first argument (test.sh passes artifacts/test-results, which .ci/run counts).
set -euo pipefail
cd "$(dirname "$0")/../.."

results="${1:?usage: tests/package-consumers/run.sh <results directory>}"
version="0.1.0-ci.$(date -u +%Y%m%d%H%M%S).$$"
feed="$PWD/artifacts/packages"
packages="$PWD/artifacts/package-consumers/packages"
mkdir -p "$feed" "$results"
rm -rf "$packages"

# Built once as usual (a no-op right after test.sh's solution build), then packed under the run's version without
# rebuilding: the package versions are unique to the run; the assemblies keep the version they were built with.
echo "package consumers: packing Negotiations and Negotiations.MediatR $version"
dotnet build src/Negotiations.MediatR/Negotiations.MediatR.csproj -c Release --nologo -v quiet
for project in src/Negotiations/Negotiations.csproj src/Negotiations.MediatR/Negotiations.MediatR.csproj; do
  dotnet pack "$project" -c Release --no-build -o "$feed" -p:NegotiationsVersion="$version" --nologo -v quiet
done

for consumer in tests/package-consumers/MediatRSource/MediatRSource.Tests.csproj; do
  name=$(basename "$consumer" .csproj)
  echo "package consumers: $name"
  dotnet restore "$consumer" -p:NegotiationsVersion="$version" -p:RestorePackagesPath="$packages" --nologo -v quiet
  dotnet test "$consumer" -c Release --no-restore -p:NegotiationsVersion="$version" -p:RestorePackagesPath="$packages" \
    --logger "trx;LogFileName=package-consumer-$name.trx" --results-directory "$results" --nologo
done

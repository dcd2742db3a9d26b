#!/usr/bin/env bash
# Proves the packages work as packages. Packs the solution, with a version unique to this run, into the local feed
# artifacts/packages (emptied first, so it holds this run's packages only); rebuilds the libraries (src/) from
# scratch and packs them again into artifacts/packages-again; checks each package's contents and metadata, and that
# the second pack is byte for byte the first (eng/check-packages.sh); then, for each consumer here (every
# */*.Tests.csproj), restores it by version from that feed into an isolated packages folder and runs its tests,
# writing TRX files to the results directory given as the first argument (test.sh passes artifacts/test-results,
# which .ci/run counts).
#
# The run's version is given to MinVer as -p:MinVerVersionOverride (otherwise the version comes from the git tags,
# see Directory.Build.props); the consumers take it as -p:NegotiationsVersion.
set -euo pipefail
cd "$(dirname "$0")/../.."

results="${1:?usage: tests/package-consumers/run.sh <results directory>}"
version="0.1.0-ci.$(date -u +%Y%m%d%H%M%S).$$"
feed="$PWD/artifacts/packages"
again="$PWD/artifacts/packages-again"
packages="$PWD/artifacts/package-consumers/packages"
rm -rf "$feed" "$again" "$packages"
mkdir -p "$feed" "$again" "$packages" "$results"

# Built as usual (a no-op right after test.sh's solution build), then packed under the run's version without
# rebuilding: the package versions are unique to the run; the assemblies keep the version they were built with.
started=$SECONDS
echo "package consumers: packing the solution as $version"
dotnet build Negotiations.sln -c Release --nologo -v quiet
dotnet pack Negotiations.sln -c Release --no-build -o "$feed" -p:MinVerVersionOverride="$version" --nologo -v quiet

# Reproducible: each library compiled again from scratch (its references are built already) and packed again must
# give the same bytes.
for project in src/*/*.csproj; do
  dotnet build "$project" -c Release --no-restore --no-incremental --no-dependencies --nologo -v quiet -clp:NoSummary
done
dotnet pack Negotiations.sln -c Release --no-build -o "$again" -p:MinVerVersionOverride="$version" --nologo -v quiet
eng/check-packages.sh "$feed" "$version" "$again"
echo "package consumers: packed twice and checked in $((SECONDS - started)) s"

# The consumers' other packages come from the machine's global packages folder when it has them (a fallback folder),
# so only the Negotiations packages, unique to this run, land in the isolated folder.
global_packages=$(dotnet nuget locals global-packages --list | sed -n 's/^global-packages: //p')
for consumer in tests/package-consumers/*/*.Tests.csproj; do
  name=$(basename "$consumer" .csproj)
  started=$SECONDS
  echo "package consumers: $name"
  properties=(-p:NegotiationsVersion="$version" -p:RestorePackagesPath="$packages" -p:RestoreAdditionalProjectFallbackFolders="$global_packages")
  dotnet restore "$consumer" "${properties[@]}" --nologo -v quiet
  dotnet test "$consumer" -c Release --no-restore "${properties[@]}" \
    --logger "trx;LogFileName=package-consumer-$name.trx" --results-directory "$results" --nologo
  echo "package consumers: $name in $((SECONDS - started)) s"
done

#!/usr/bin/env bash
# Runs every test of the solution, then the package consumers (tests/package-consumers/run.sh). Brings up
# PostgreSQL first (see eng/postgres.sh) and writes TRX results to artifacts/test-results. Extra arguments go to
# the solution's `dotnet test`.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# shellcheck source=eng/postgres.sh
source eng/postgres.sh
negotiations_postgres_up

results="$PWD/artifacts/test-results"
rm -rf "$results"
status=0
dotnet test Negotiations.sln -c Release --logger trx --results-directory "$results" "$@" || status=$?

# The packages as an outside project takes them: packed with a version unique to this run, restored by version.
tests/package-consumers/run.sh "$results" || status=$?
exit "$status"

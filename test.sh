#!/usr/bin/env bash
# Runs every test: front-end unit tests, the .NET suites (unit, HTTP, storage contract, bot flows, browser).
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "==> Browser for the end-to-end tests"
scripts/ensure-browser.sh
echo "==> Mobile web: install, unit tests, build, page-weight budget"
scripts/build-web.sh
if [ -f mobile-web/package.json ]; then (cd mobile-web && npm run --silent test && npm run --silent budget); fi

echo "==> .NET tests"
results="$(pwd)/TestResults"
rm -rf "$results"
status=0
dotnet build Assistant.sln -c Release -nologo -v quiet -clp:ErrorsOnly
dotnet test Assistant.sln -c Release --no-build --logger "trx" --results-directory "$results" || status=$?

echo "==> Crash safety (short form: 10 SIGKILLs under rating and bid load)"
crash_status=0
SKIP_BUILD=1 bench/crash.sh --kills 10 --workers 4 || crash_status=$?
[ $crash_status -eq 0 ] || echo "!! crash-safety check failed"

scripts/summarise-tests.sh "$results"
[ $status -eq 0 ] && [ $crash_status -eq 0 ]

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
dotnet test Assistant.sln -c Release --logger "trx" --results-directory "$results" || status=$?
scripts/summarise-tests.sh "$results"
exit $status

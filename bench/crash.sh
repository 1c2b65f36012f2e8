#!/usr/bin/env bash
# Crash safety: ratings and bids under load, SIGKILL at random moments (default 10 times), restart, then check
# every acknowledged submission is stored exactly once and the store opens cleanly; then the same for the bot's state
# log (every acknowledged state write present after each kill). Usage: bench/crash.sh [--kills N] [--workers N]
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
[ "${SKIP_BUILD:-}" = 1 ] || dotnet build Assistant.sln -c Release -nologo -v quiet -clp:ErrorsOnly
data=$(mktemp -d /tmp/assistant-crash.XXXXXX)
trap 'rm -rf "$data"' EXIT
bench_dll=bench/Assistant.Bench.Load/bin/Release/net10.0/Assistant.Bench.Load.dll
dotnet "$bench_dll" crash --api-dll "$PWD/api/Assistant.Api/bin/Release/net10.0/Assistant.Api.dll" --data "$data" "$@"
kills=10
while [ $# -gt 0 ]; do [ "$1" = --kills ] && kills=$2; shift; done
dotnet "$bench_dll" state-log-crash --kills "$kills"

#!/usr/bin/env bash
# The benchmark: starts the ceiling (bare Kestrel), the API and the bot on a fresh embedded store (or on MongoDB
# when ASSISTANT_MONGO_URL is set), drives load over real HTTP on loopback, prints a table and writes JSON.
# Usage: bench/run.sh [--seconds 5] [--levels 1,16,64] [--only bot-turn,rating-submit] [--first-warmup 6]
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
api_port=${BENCH_API_PORT:-5180}; bot_port=${BENCH_BOT_PORT:-3988}; ceiling_port=${BENCH_CEILING_PORT:-5199}
data=$(mktemp -d /tmp/assistant-bench.XXXXXX)
export ASSISTANT_DATA_DIR="$data" ASSISTANT_API_PORT=$api_port ASSISTANT_BOT_PORT=$bot_port
export ASSISTANT_API_URL="http://127.0.0.1:$api_port"
export ASSISTANT_BOT_SERVICE_KEY="bench-$(head -c 16 /dev/urandom | base64 | tr -d '=+/')"
# The benchmark measures capacity, so the abuse limits that protect a public deployment are lifted for this run.
export RateLimits__Enabled=false Logging__LogLevel__Default=Warning Logging__LogLevel__Microsoft=Warning

dotnet build Assistant.sln -c Release -nologo -v quiet -clp:ErrorsOnly
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$data"; }
trap cleanup EXIT
start() { ( cd "$1/bin/Release/net10.0" && exec dotnet "$2.dll" "${@:3}" ) >"$data/$2.log" 2>&1 & pids+=($!); }
start bench/Assistant.Bench.Load Assistant.Bench.Load ceiling "$ceiling_port"
start api/Assistant.Api Assistant.Api --contentRoot "$PWD/api/Assistant.Api/bin/Release/net10.0"
[ -d bot/Assistant.Bot ] && start bot/Assistant.Bot Assistant.Bot --contentRoot "$PWD/bot/Assistant.Bot/bin/Release/net10.0"
for url in "http://127.0.0.1:$api_port/health/ready" ${pids[2]:+"http://127.0.0.1:$bot_port/health/ready"}; do
  for _ in $(seq 1 120); do curl -fs "$url" >/dev/null 2>&1 && break; sleep 0.5; done
done
echo "store: ${ASSISTANT_MONGO_URL:+MongoDB}${ASSISTANT_MONGO_URL:-embedded log ($data)}; $(nproc) cores"
dotnet bench/Assistant.Bench.Load/bin/Release/net10.0/Assistant.Bench.Load.dll run \
  --api "http://127.0.0.1:$api_port" --bot "http://127.0.0.1:$bot_port" --ceiling "http://127.0.0.1:$ceiling_port/ceiling" \
  --out "bench/results/$(date -u +%Y%m%dT%H%M%SZ).json" "$@"

#!/usr/bin/env bash
# Starts the whole system on the embedded store with demo data: the API (which serves the mobile web) and the bot.
# Environment: ASSISTANT_API_PORT (5080), ASSISTANT_BOT_PORT (3978), ASSISTANT_DATA_DIR (./data), ASSISTANT_MONGO_URL.
set -euo pipefail
cd "$(dirname "$0")"
export ASSISTANT_API_PORT="${ASSISTANT_API_PORT:-5080}"
export ASSISTANT_BOT_PORT="${ASSISTANT_BOT_PORT:-3978}"
export ASSISTANT_DATA_DIR="$(realpath -m "${ASSISTANT_DATA_DIR:-./data}")"
export ASSISTANT_API_URL="${ASSISTANT_API_URL:-http://127.0.0.1:${ASSISTANT_API_PORT}}"
# Demo policy documents (loaded into an empty store on first start) live beside the repository.
[ -d ../shared/policies ] && export Demo__PolicyFolder="${Demo__PolicyFolder:-$(realpath ../shared/policies)}"
# The bot's service credential towards the API: one random value shared by both processes of this run.
export ASSISTANT_BOT_SERVICE_KEY="${ASSISTANT_BOT_SERVICE_KEY:-$(head -c 32 /dev/urandom | base64 | tr -d "=+/")}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "==> Building the mobile web"
scripts/build-web.sh
echo "==> Building the services"
dotnet build Assistant.sln -c Release -nologo -v quiet -clp:ErrorsOnly

pids=()
stop() {
  echo; echo "==> Stopping"
  # SIGTERM, not SIGINT: background jobs of a script ignore SIGINT. ASP.NET Core shuts down gracefully on SIGTERM.
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  echo "==> Stopped"
  exit 0
}
trap stop INT TERM

run() { # name, project dir, dll name; $! is the service itself (the log prefixer runs in a process substitution)
  local out="$2/bin/Release/net10.0"
  ( cd "$out" && exec dotnet "$3.dll" --contentRoot "$PWD" ) > >(sed -u "s/^/[$1] /") 2>&1 &
  pids+=($!)
}
run api api/Assistant.Api Assistant.Api
[ -d bot/Assistant.Bot ] && run bot bot/Assistant.Bot Assistant.Bot

wait_ready() {
  for _ in $(seq 1 120); do
    curl -fs "$1/health/ready" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "!! $1 did not become ready" >&2; return 1
}
wait_ready "http://127.0.0.1:${ASSISTANT_API_PORT}"
[ -d bot/Assistant.Bot ] && wait_ready "http://127.0.0.1:${ASSISTANT_BOT_PORT}"

cat <<MSG

==> 政府购买服务助手 is running (store: ${ASSISTANT_MONGO_URL:+MongoDB}${ASSISTANT_MONGO_URL:-LiteDB in $ASSISTANT_DATA_DIR})
    Mobile web      http://127.0.0.1:${ASSISTANT_API_PORT}/
    Chat page       http://127.0.0.1:${ASSISTANT_API_PORT}/chat.html
    API (Swagger)   http://127.0.0.1:${ASSISTANT_API_PORT}/swagger
    Bot endpoint    http://127.0.0.1:${ASSISTANT_BOT_PORT}/api/messages   (Bot Framework Emulator)
    Direct Line     http://127.0.0.1:${ASSISTANT_BOT_PORT}/v3/directline
    Demo accounts   staff / finance / org / admin, password: demo
    Press Ctrl-C to stop.
MSG
wait

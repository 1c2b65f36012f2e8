#!/usr/bin/env bash
# Installs the mobile web's npm packages when missing and builds it into mobile-web/dist (served by the API).
set -euo pipefail
cd "$(dirname "$0")/../mobile-web"
[ -f package.json ] || { echo "mobile-web: no package.json yet, skipping"; exit 0; }
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
npm run --silent build

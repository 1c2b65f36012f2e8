#!/usr/bin/env bash
# One closing line over every test assembly's TRX: "N passed, N failed, N skipped".
set -euo pipefail
passed=0; failed=0; skipped=0
for f in "$1"/*.trx; do
  [ -f "$f" ] || continue
  line=$(grep -o '<Counters [^>]*>' "$f" | head -1)
  get() { echo "$line" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  passed=$((passed + $(get passed))); failed=$((failed + $(get failed)))
  # Skipped tests are the ones counted in total but not executed.
  skipped=$((skipped + $(get total) - $(get executed)))
done
echo "${passed} passed, ${failed} failed, ${skipped} skipped"

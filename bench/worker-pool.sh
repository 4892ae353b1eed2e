#!/usr/bin/env bash
# bench/worker-pool.sh — page views while slow work runs (issue 15).
# A server with 2 network threads, first with handlers on the network threads
# (--workers 0, as before the worker pool), then with the worker pool (--workers 4).
# While 4 loops sign in (argon2id, ~90 ms each) and 2 loops render the half-year
# report as PDF, wrk -t1 -c10 measures a cached public page. Prints p50/p99 of the page
# views, req/s and how many sign-ins and PDFs were done meanwhile.
# Env: DURATION (10s), WORKERS ("0 4"), BIN.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
BIN=${BIN:-$ROOT/build/src/budgetspor}
DURATION=${DURATION:-10s}
WORKERS=${WORKERS:-"0 4"}
OUT=$HERE/results
mkdir -p "$OUT"
export BENCH_LUA_DIR=$HERE/lua
source "$HERE/lib.sh"
command -v wrk >/dev/null || { echo "wrk is missing: run scripts/install-deps.sh" >&2; exit 1; }

dir=$(mktemp -d)
db=$dir/bench.db
pid=
loops=()
cleanup() { for l in "${loops[@]}"; do kill "$l" 2>/dev/null || true; done; [ -n "$pid" ] && kill $pid 2>/dev/null || true; rm -rf "$dir"; }
trap cleanup EXIT
"$BIN" demo --db "$db" > "$dir/demo.out" 2>&1
pw=$(awk '$1=="okonomi" {print $2}' "$dir/demo.out")
field() { sed -n "s/.* $2=\([0-9.]*\).*/\1/p" <<< "$1"; }

echo "budgetspor worker-pool benchmark — $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, server threads 2, wrk -t1 -c10 -d$DURATION"
echo
echo "| workers | page p50 ms | page p99 ms | page req/s | sign-ins | PDFs | non-2xx |"
echo "|---|---|---|---|---|---|---|"
for W in $WORKERS; do
  bench_start_server "$db" "$dir" --threads 2 --workers "$W"
  [ -n "$url" ] || { echo "server did not start: $(tail -3 "$dir/serve.err")" >&2; exit 1; }
  bench_sign_in "$url" "$dir/demo.out" okonomi
  page="$url/planer/1/versioner/1"
  curl -s -o /dev/null "$page"
  curl -sf "${AUTH[@]}" -o "$dir/probe.pdf" "$url/planer/1/rapporter/half-year?format=pdf" || { echo "no PDF" >&2; exit 1; }
  : > "$dir/signins"; : > "$dir/pdfs"
  loops=()
  for i in 1 2 3 4; do
    ( while true; do curl -s -o /dev/null -H 'Content-Type: application/json' \
        -d "{\"username\":\"okonomi\",\"password\":\"$pw\"}" "$url/api/v1/session" && echo >> "$dir/signins"; done ) &
    loops+=($!)
  done
  for i in 1 2; do
    ( while true; do curl -s -o /dev/null "${AUTH[@]}" "$url/planer/1/rapporter/half-year?format=pdf" && echo >> "$dir/pdfs"; done ) &
    loops+=($!)
  done
  sleep 1
  wrk -t1 -c10 -d"$DURATION" --timeout 10s -s "$HERE/lua/get.lua" "$page" > "$OUT/worker-pool-$W.txt" 2>&1
  r=$(grep '^RESULT' "$OUT/worker-pool-$W.txt")
  for l in "${loops[@]}"; do kill "$l" 2>/dev/null || true; done
  wait "${loops[@]}" 2>/dev/null || true
  loops=()
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$W" "$(field "$r" p50)" "$(field "$r" p99)" "$(field "$r" rps)" \
    "$(wc -l < "$dir/signins")" "$(wc -l < "$dir/pdfs")" "$(field "$r" non2xx)"
  kill $pid; wait $pid 2>/dev/null || true; pid=
done
echo
echo "workers 0: handlers on the 2 network threads (as before); 4: the worker pool. Raw wrk output in bench/results/."

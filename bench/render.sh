#!/usr/bin/env bash
# bench/render.sh — rendering with the page cache bypassed (issue 12).
#  The BUU plan page (/planer/1?committee=BUU) and the JSON list of 100 BUU items at
#  N (5000) items, signed in as økonomi, every request with a new query parameter
#  (lua/uncached.lua) so the page cache never hits. Targets: the page at least
#  1,000 req/s with p99 under 20 ms, the JSON list at least 3,000 req/s.
#  What "uncached" means: the rendered page is never reused; the plan's decoded items
#  are (a snapshot per plans.revision, read from the database on every request). So a
#  third run measures the page right after a write, when the snapshot is rebuilt: one
#  status write then one page, RUNS (20) times, timed with curl.
#  Also prints the server's resident memory after the runs.
# Env: N (5000), DURATION (10s), CONNS (10), RUNS (20), BIN, BASE (a second binary,
#  e.g. the build before a change: measured the same way, right after, in this run).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
BIN=${BIN:-$ROOT/build/src/budgetspor}
N=${N:-5000}
DURATION=${DURATION:-10s}
CONNS=${CONNS:-10}
RUNS=${RUNS:-20}
export BENCH_LUA_DIR=$HERE/lua
source "$HERE/lib.sh"
command -v wrk >/dev/null || { echo "wrk is missing: run scripts/install-deps.sh" >&2; exit 1; }
dir=$(mktemp -d)
pid=""
trap 'kill $pid 2>/dev/null || true; rm -rf "$dir"' EXIT
echo "budgetspor rendering benchmark (page cache bypassed) — $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, N=$N"

measure() {
  local bin=$1 name=$2
  BIN=$bin
  rm -f "$dir"/bench.db*
  "$BIN" demo --db "$dir/bench.db" --items "$N" > "$dir/demo.out" 2>&1
  bench_start_server "$dir/bench.db" "$dir" --threads 2
  bench_sign_in "$url" "$dir/demo.out"
  bench_page_paths
  for u in "$PLANER/1?committee=BUU" "/api/v1/plans/1/items?committee=BUU&limit=100"; do
    curl -sf "${AUTH[@]}" -o /dev/null "$url$u" || { echo "$name: $u does not answer 200" >&2; exit 1; }
    printf '%-9s %-48s %s\n' "$name" "$u" "$(wrk -t1 -c"$CONNS" -d"$DURATION" -s "$BENCH_LUA_DIR/uncached.lua" "$url$u" | grep RESULT)"
  done
  # After a write: the snapshot is rebuilt on the next read.
  local item times=()
  item=$(curl -s "${AUTH[@]}" "$url/api/v1/plans/1/items?committee=BUU&limit=1" | sed -n 's/.*"id":\([0-9]*\).*/\1/p' | head -1)
  for i in $(seq 1 "$RUNS"); do
    code=$(curl -s "${AUTH[@]}" -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -H 'If-Match: *' \
      -d "{\"as_of\":\"31-05-2025\",\"author\":\"Bench\",\"status_text\":\"Benchstatus $i\",\"state\":\"in_progress\",\"traffic_light\":\"green\"}" \
      "$url/api/v1/items/$item/status-updates")
    [ "$code" = 201 ] || [ "$code" = 200 ] || { echo "$name: the status write answered $code" >&2; exit 1; }
    times+=("$(curl -s "${AUTH[@]}" -o /dev/null -w '%{time_total}' "$url$PLANER/1?committee=BUU&after=$i")")
  done
  printf '%-9s %-48s %s\n' "$name" "page right after a write" \
    "$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END{printf "median=%.1f ms slowest=%.1f ms runs=%d", a[int((NR+1)/2)]*1000, a[NR]*1000, NR}')"
  printf '%-9s %-48s %s\n' "$name" "server memory after the runs" "rss=$(awk '/VmRSS/ {printf "%.0f MB", $2/1024}' /proc/$pid/status) peak=$(awk '/VmHWM/ {printf "%.0f MB", $2/1024}' /proc/$pid/status)"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  pid=""
}

measure "$BIN" after
if [ -n "${BASE:-}" ]; then measure "$BASE" before; fi

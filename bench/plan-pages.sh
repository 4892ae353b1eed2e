#!/usr/bin/env bash
# bench/plan-pages.sh — the plan register under load (issue 3).
# For each N in $NS (default "500 5000"): a fresh SQLite file with the demo plus N
# generated items, the server started on a free port (time to first answer measured),
# then wrk -t1 -c10 -d15s on:
#   a  GET /planer/1?committee=BUU                      (HTML plan page, BUU)
#   b  GET /api/v1/plans/1/items?committee=BUU&limit=100 (JSON)
#   c  GET /emner/<a BUU item>                         (HTML item page)
#   d  PUT /api/v1/items/<id> state + status text      (JSON write)
# Prints a Markdown table with req/s, p50, p99 and the server's RSS; raw wrk output
# goes to bench/results/. Also times one uncached render of a and b (the first request).
# Env: NS, DURATION (15s), CONNS (10), THREADS (server threads, 2), BIN.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
BIN=${BIN:-$ROOT/build/src/budgetspor}
NS=${NS:-"500 5000"}
DURATION=${DURATION:-15s}
CONNS=${CONNS:-10}
THREADS=${THREADS:-2}
OUT=$HERE/results
mkdir -p "$OUT"
export BENCH_LUA_DIR=$HERE/lua
source "$HERE/lib.sh"
command -v wrk >/dev/null || { echo "wrk is missing: run scripts/install-deps.sh" >&2; exit 1; }
[ -x "$BIN" ] || { echo "build first: make build" >&2; exit 1; }

rss_mib() { awk '/^VmRSS/{printf "%.1f", $2/1024}' /proc/$1/status; }
ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

run_wrk() { # NAME SCRIPT URL -> prints "rps p50 p99 n non2xx errors"
  local name=$1 script=$2 url=$3
  wrk -t1 -c"$CONNS" -d"$DURATION" --timeout 10s -s "$HERE/lua/$script" "$url" > "$OUT/$name.txt" 2>&1
  sed -n 's/^RESULT rps=\([^ ]*\) p50=\([^ ]*\) p99=\([^ ]*\) max=[^ ]* n=\([^ ]*\) non2xx=\([^ ]*\) errors=\([^ ]*\)/\1 \2 \3 \4 \5 \6/p' "$OUT/$name.txt"
}

echo "budgetspor plan-pages benchmark — $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, wrk -t1 -c$CONNS -d$DURATION, server threads $THREADS"
for N in $NS; do
  dir=$(mktemp -d)
  db=$dir/bench.db
  t0=$(date +%s%N)
  "$BIN" demo --db "$db" --items "$N" > "$dir/demo.out" 2>&1
  load_ms=$(ms_since "$t0")
  t0=$(date +%s%N)
  bench_start_server "$db" "$dir" --threads "$THREADS"
  start_ms=$(ms_since "$t0")
  bench_sign_in "$url" "$dir/demo.out"  # live pages and writes need a signed-in person
  bench_page_paths
  items=$(curl -s "${AUTH[@]}" "$url/api/v1/plans/1/items?limit=1" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')
  buu=$(curl -s "${AUTH[@]}" "$url/api/v1/plans/1/items?committee=BUU&limit=1" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')
  ids=$(curl -s "${AUTH[@]}" "$url/api/v1/plans/1/items?committee=BUU&limit=200" | grep -o '"id":[0-9]*' | cut -d: -f2 | paste -sd, -)
  first=${ids%%,*}
  cold_a=$(curl -s "${AUTH[@]}" -o "$dir/a.html" -w '%{time_total}' "$url$PLANER/1?committee=BUU")
  cold_b=$(curl -s "${AUTH[@]}" -o "$dir/b.json" -w '%{time_total}' "$url/api/v1/plans/1/items?committee=BUU&limit=100")
  bytes_a=$(stat -c %s "$dir/a.html"); bytes_b=$(stat -c %s "$dir/b.json")
  bytes_c=$(curl -s "${AUTH[@]}" "$url$EMNER/$first" | wc -c)
  rss_idle=$(rss_mib $pid)
  ra=$(run_wrk "a-plan-buu-$N" get.lua "$url$PLANER/1?committee=BUU")
  rb=$(run_wrk "b-api-buu-$N" get.lua "$url/api/v1/plans/1/items?committee=BUU&limit=100")
  rc=$(run_wrk "c-item-$N" get.lua "$url$EMNER/$first")
  rss_reads=$(rss_mib $pid)
  rd=$(BENCH_ITEM_IDS=$ids run_wrk "d-put-$N" put_state.lua "$url")
  rss_after=$(rss_mib $pid)
  wal_kib=$(du -k "$db-wal" 2>/dev/null | cut -f1 || echo 0)
  kill "$pid"; wait "$pid" 2>/dev/null || true   # SIGTERM: clean stop, WAL checkpointed away
  db_kib=$(du -k "$db" | cut -f1)
  rm -rf "$dir"

  echo
  echo "### N = $N generated items ($items items in the plan, $buu of them BUU)"
  echo
  echo "Demo load $load_ms ms; start to first answer $start_ms ms; database file after the run ${db_kib} KiB (WAL before stop ${wal_kib} KiB)."
  echo "First (uncached) render: a $(awk "BEGIN{printf \"%.1f\", $cold_a*1000}") ms ($bytes_a bytes), b $(awk "BEGIN{printf \"%.1f\", $cold_b*1000}") ms ($bytes_b bytes); c is $bytes_c bytes."
  echo
  echo "| request | req/s | p50 ms | p99 ms | requests | non-2xx | socket errors |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  for row in "a HTML plan page, BUU|$ra" "b JSON list BUU, limit 100|$rb" "c HTML item page|$rc" "d PUT state (JSON)|$rd"; do
    label=${row%%|*}; set -- ${row#*|}
    echo "| $label | $1 | $2 | $3 | $4 | $5 | $6 |"
  done
  echo
  echo "Server RSS: idle $rss_idle MiB, after reads $rss_reads MiB, after writes $rss_after MiB."
done

#!/usr/bin/env bash
# bench/reports.sh — the generated reports (issue 11), at 500 and 5,000 items in one run.
# For each N in $NS: the demo plus N generated items; a version of every item, 10 % of
# the items changed, a second version (the half-yearly status compares the two); then
#   a  whole-plan PDF of the version   (one request at a time, cache missed: median, max)
#   b  whole-plan XLSX                 (the same)
#   c  CSV of all items under wrk -c10 (as served, and every request a cache miss)
#   d  the half-yearly status page     (every request a cache miss: one client at a time,
#                                       wrk -c1, for its latency; and wrk -c10: p50, p99)
# and the server's RSS before and its peak (VmHWM) after. With PEER=1 (default) it then
# runs Redmine's CSV export of 5,000 items on this machine in the same run
# (../shared/bench/peers/redmine/bench.sh 5000) and prints the ratio.
# Env: NS ("500 5000"), DURATION (10s), CONNS (10), RUNS (5), THREADS (2), PEER (1), BIN.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
BIN=${BIN:-$ROOT/build/src/budgetspor}
NS=${NS:-"500 5000"}
DURATION=${DURATION:-10s}
CONNS=${CONNS:-10}
RUNS=${RUNS:-5}
THREADS=${THREADS:-2}
PEER=${PEER:-1}
OUT=$HERE/results
mkdir -p "$OUT"
export BENCH_LUA_DIR=$HERE/lua
source "$HERE/lib.sh"
command -v wrk >/dev/null || { echo "wrk is missing: run scripts/install-deps.sh" >&2; exit 1; }
[ -x "$BIN" ] || { echo "build first: make build" >&2; exit 1; }

kib() { awk -v k="$2" '$1==k":" {printf "%.1f", $2/1024}' /proc/$1/status; }
run_wrk() { # NAME SCRIPT URL [CONNS] -> "rps p50 p99 n non2xx"
  wrk -t1 -c"${4:-$CONNS}" -d"$DURATION" --timeout 30s -s "$HERE/lua/$2" "$3" > "$OUT/$1.txt" 2>&1
  sed -n 's/^RESULT rps=\([^ ]*\) p50=\([^ ]*\) p99=\([^ ]*\) max=[^ ]* n=\([^ ]*\) non2xx=\([^ ]*\) .*/\1 \2 \3 \4 \5/p' "$OUT/$1.txt"
}
# N timed single requests, each a cache miss (a new month): "median max bytes" in ms.
timed() { # URL
  local times=() bytes=0 t
  for i in $(seq 1 "$RUNS"); do
    t=$(curl -s "${AUTH[@]}" -o "$dir/file" -w '%{time_total}' "$1&month=$(printf '%02d' "$i")-1999")
    times+=("$t")
    bytes=$(stat -c %s "$dir/file")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v b="$bytes" '{a[NR]=$1} END {printf "%.0f %.0f %d\n", a[int((NR+1)/2)]*1000, a[NR]*1000, b}'
}

echo "budgetspor reports benchmark — $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, wrk -t1 -c$CONNS -d$DURATION, server threads $THREADS"
declare -A CSV_RPS CSV_UNCACHED
rows=()
for N in $NS; do
  dir=$(mktemp -d)
  db=$dir/bench.db
  "$BIN" demo --db "$db" --items "$N" > "$dir/demo.out" 2>&1
  bench_start_server "$db" "$dir" --threads "$THREADS"
  bench_sign_in "$url" "$dir/demo.out"
  curl -s "${AUTH[@]}" -H 'Content-Type: application/json' -d '{"name":"Bench A","as_of":"31-05-2026"}' "$url/api/v1/plans/1/versions" > /dev/null
  # 10 % of the items change their status text and state between the two versions.
  for offset in $(seq 0 500 $(( N / 10 + 3 ))); do
    curl -s "${AUTH[@]}" "$url/api/v1/plans/1/items?limit=500&offset=$offset&sort=title" \
      | python3 -c 'import json,sys; [print(i["id"], i["revision"]) for i in json.load(sys.stdin)["items"]]'
  done > "$dir/ids.txt"
  head -n $(( N / 10 + 4 )) "$dir/ids.txt" | while read -r id rev; do
    curl -s -o /dev/null "${AUTH[@]}" -X PUT -H 'Content-Type: application/json' -H "If-Match: \"$rev\"" \
      -d '{"status_text":"Ændret til benchmark: fremdrift som planlagt efter ny aftale.","state":"in_progress"}' "$url/api/v1/items/$id"
  done
  curl -s "${AUTH[@]}" -H 'Content-Type: application/json' -d '{"name":"Bench B","as_of":"30-11-2026"}' "$url/api/v1/plans/1/versions" > /dev/null
  items=$(curl -s "${AUTH[@]}" "$url/api/v1/plans/1/items?limit=1" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')
  rss_idle=$(kib $pid VmRSS)
  read -r pdf_med pdf_max pdf_bytes < <(timed "$url/planer/1/rapporter/plan?version=latest&format=pdf")
  read -r xlsx_med xlsx_max xlsx_bytes < <(timed "$url/planer/1/rapporter/plan?version=latest&format=xlsx")
  csv_bytes=$(curl -s "${AUTH[@]}" "$url/planer/1/rapporter/plan?version=latest&format=csv" | wc -c)
  read -r c_rps c_p50 c_p99 c_n c_bad < <(run_wrk "csv-served-$N" get.lua "$url/planer/1/rapporter/plan?version=latest&format=csv")
  read -r cu_rps cu_p50 cu_p99 cu_n cu_bad < <(run_wrk "csv-uncached-$N" vary_month.lua "$url/planer/1/rapporter/plan?version=latest&format=csv")
  hy_bytes=$(curl -s "${AUTH[@]}" "$url/planer/1/rapporter/half-year?version=latest" | wc -c)
  read -r h1_rps h1_p50 h1_p99 h1_n h1_bad < <(run_wrk "half-year-uncached-c1-$N" vary_month.lua "$url/planer/1/rapporter/half-year?version=latest" 1)
  read -r h_rps h_p50 h_p99 h_n h_bad < <(run_wrk "half-year-uncached-$N" vary_month.lua "$url/planer/1/rapporter/half-year?version=latest")
  rss_peak=$(kib $pid VmHWM)
  CSV_RPS[$N]=$c_rps
  CSV_UNCACHED[$N]=$cu_rps
  rows+=("| $N ($items items) | PDF $pdf_med ms (max $pdf_max), $((pdf_bytes / 1024)) KiB | XLSX $xlsx_med ms (max $xlsx_max), $((xlsx_bytes / 1024)) KiB | CSV $((csv_bytes / 1024)) KiB: $c_rps req/s served (p99 $c_p99 ms), $cu_rps req/s uncached (p99 $cu_p99 ms) | half-year $((hy_bytes / 1024)) KiB uncached: -c1 p50 $h1_p50 ms, p99 $h1_p99 ms; -c$CONNS $h_rps req/s, p50 $h_p50 ms, p99 $h_p99 ms | RSS $rss_idle → peak $rss_peak MiB | non-2xx $c_bad/$cu_bad/$h1_bad/$h_bad |")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$dir"
done
echo
echo "| N | whole-plan PDF | XLSX | CSV, wrk -c$CONNS | half-yearly status page | server memory | non-2xx |"
echo "|---|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"

PEER_DIR=$ROOT/../shared/bench/peers/redmine
if [ "$PEER" = 1 ] && [ -x "$PEER_DIR/bench.sh" ] && [ -n "${CSV_RPS[5000]:-}" ]; then
  echo
  echo "Redmine peer (same machine, same run): $PEER_DIR/bench.sh 5000"
  peer=$(DURATION=15s "$PEER_DIR/bench.sh" 5000 2>&1 | tee "$OUT/redmine-5000.txt" | grep '^| c_csv_all' || true)
  rm_rps=$(awk -F'|' '{gsub(/ /,"",$3); print $3}' <<< "$peer")
  echo "$peer"
  if [ -n "$rm_rps" ]; then
    awk -v a="${CSV_RPS[5000]}" -v u="${CSV_UNCACHED[5000]}" -v b="$rm_rps" 'BEGIN {printf "CSV of all 5,000 items: budgetspor %.1f req/s as served (%.0fx Redmine), %.1f req/s with every request a cache miss (%.0fx); Redmine %.2f req/s\n", a, a / b, u, u / b, b}'
  fi
fi

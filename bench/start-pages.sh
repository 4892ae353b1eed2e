#!/usr/bin/env bash
# bench/start-pages.sh — the start pages and the meeting archive (issue 14) at scale.
# A demo plan with ITEMS (5,000) generated items and MEETINGS (1,000) more meetings of ØK
# and KB spread over 2019-2027 (created through the meetings form as the secretary), then
# wrk -t2 -c8 -d DURATION on:
#   /  as økonomi (the plan at a glance counts every item), fagchef, direktion,
#      sekretaer, politiker and the public;
#   /moeder?aar=2025 and /moeder (the archive's years count every meeting), public;
# each as served and with every request rendered (lua/uncached.lua: a new query
# parameter per request misses the page cache). Target: p99 under 10 ms served, under
# 50 ms rendered. Env: ITEMS, MEETINGS, DURATION (5s), BIN.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
BIN=${BIN:-$ROOT/build/src/budgetspor}
ITEMS=${ITEMS:-5000}
MEETINGS=${MEETINGS:-1000}
DURATION=${DURATION:-5s}
export BENCH_LUA_DIR=$HERE/lua
source "$HERE/lib.sh"
command -v wrk >/dev/null || { echo "wrk is missing: run scripts/install-deps.sh" >&2; exit 1; }

dir=$(mktemp -d)
db=$dir/bench.db
trap 'kill $pid 2>/dev/null || true; rm -rf "$dir"' EXIT
"$BIN" demo --db "$db" --items "$ITEMS" > "$dir/demo.out" 2>&1
bench_start_server "$db" "$dir"
echo "budgetspor start pages benchmark — $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores"

bench_sign_in "$url" "$dir/demo.out" sekretaer
start=$(date +%s.%N)
for i in $(seq 0 $((MEETINGS - 1))); do
  # every third day from 1 January 2019, alternately ØK and KB
  d=$(date -u -d "2019-01-01 + $((i * 3)) days" '+%d-%m-%Y')
  body=$([ $((i % 2)) -eq 0 ] && echo 'ØK' || echo 'KB')
  curl -s "${AUTH[@]}" -o /dev/null --data-urlencode "body=$body" --data-urlencode "date=$d" \
    -d 'start=14:00&end=16:00&place=R%C3%A5dhuset&kind=ordinaer' "$url/moeder"
done
echo "created $MEETINGS meetings in $(echo "$(date +%s.%N) - $start" | bc) s"

run() {  # label user path
  local label=$1 user=$2 path=$3
  if [ -n "$user" ]; then bench_sign_in "$url" "$dir/demo.out" "$user"; else export BENCH_COOKIE="" BENCH_CSRF=""; fi
  status=$(curl -s -o /dev/null -w '%{http_code}' ${BENCH_COOKIE:+-H "Cookie: $BENCH_COOKIE"} "$url$path")
  [ "$status" = 200 ] || { echo "$label: $path answered $status" >&2; exit 1; }
  wrk -t2 -c8 -d"$DURATION" -s "$BENCH_LUA_DIR/report.lua" "$url$path" | grep RESULT | sed "s|^RESULT|$label, served:|"
  wrk -t2 -c8 -d"$DURATION" -s "$BENCH_LUA_DIR/uncached.lua" "$url$path" | grep RESULT | sed "s|^RESULT|$label, rendered:|"
}
for user in okonomi fagchef direktion sekretaer politiker; do run "start page as $user" "$user" /; done
run "public home page" "" /
run "archive 2025 (public)" "" "/moeder?aar=2025"
run "meetings list with the archive's years (public)" "" /moeder
rss=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
echo "server RSS after the run: $((rss / 1024)) MiB"

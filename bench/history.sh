#!/usr/bin/env bash
# bench/history.sh — history, versions and redline (issue 4).
#  1. Redline between two versions of a plan with N (5,000) generated items where 10 %
#     of the items changed: time of the first (uncached) page render and API answer,
#     measured with curl, 5 runs each (a cache-busting parameter makes each run cold).
#  2. The history page of an item with 1,000 revisions: first render, then
#     wrk -t1 -c10 -d15s (p50/p99); the item page (last 10 entries) likewise.
#  3. Database growth per 10,000 status updates (file size after a clean stop).
# Env: N (5000), DURATION (15s), BIN.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
BIN=${BIN:-$ROOT/build/src/budgetspor}
N=${N:-5000}
DURATION=${DURATION:-15s}
OUT=$HERE/results
mkdir -p "$OUT"
export BENCH_LUA_DIR=$HERE/lua
source "$HERE/lib.sh"
command -v wrk >/dev/null || { echo "wrk is missing: run scripts/install-deps.sh" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "sqlite3 is missing: run scripts/install-deps.sh" >&2; exit 1; }

dir=$(mktemp -d)
db=$dir/bench.db
trap 'kill $pid 2>/dev/null || true; rm -rf "$dir"' EXIT
"$BIN" demo --db "$db" --items "$N" > "$dir/demo.out" 2>&1
start() {
  bench_start_server "$db" "$dir"
}
stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; }
ms() { awk "BEGIN{printf \"%.1f\", $1*1000}"; }
median() { sort -n | awk '{a[NR]=$1} END{print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
put() { curl -s "${AUTH[@]}" -o /dev/null -w '%{http_code}\n' -X PUT -H 'Content-Type: application/json' -H 'If-Match: *' -d "$2" "$url/api/v1/items/$1"; }

start
bench_sign_in "$url" "$dir/demo.out"
echo "budgetspor history benchmark — $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores"
total=$(curl -s "${AUTH[@]}" "$url/api/v1/plans/1/items?limit=1" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')
v1=$(curl -s "${AUTH[@]}" -X POST -H 'Content-Type: application/json' -d '{"name":"Bench A","as_of":"31-05-2025"}' "$url/api/v1/plans/1/versions" | sed -n 's/.*"id":\([0-9]*\).*/\1/p' | awk 'NR==1')
# Change every 10th item: half get a rewritten status text, half new amounts and state.
ids=$(for off in $(seq 0 500 $((total - 1))); do curl -s "${AUTH[@]}" "$url/api/v1/plans/1/items?limit=500&offset=$off" | grep -o '"url":"/api/v1/items/[0-9]*"' | sed 's/.*items\///; s/"//'; done)
changed=0
k=0
for id in $ids; do
  k=$((k + 1))
  [ $((k % 10)) -eq 0 ] || continue
  if [ $((k % 20)) -eq 0 ]; then
    put "$id" '{"status_text":"Arbejdet er genoptaget efter afklaring i direktionen; forventet afslutning i 4. kvartal."}' >/dev/null
  else
    put "$id" '{"state":"done","amounts":{"2025":-123,"2026":-456}}' >/dev/null
  fi
  changed=$((changed + 1))
done
v2=$(curl -s "${AUTH[@]}" -X POST -H 'Content-Type: application/json' -d '{"name":"Bench B","as_of":"30-11-2025"}' "$url/api/v1/plans/1/versions" | sed -n 's/.*"id":\([0-9]*\).*/\1/p' | awk 'NR==1')
page_runs=$(for r in 1 2 3 4 5; do curl -s "${AUTH[@]}" -o "$dir/redline.html" -w '%{time_total}\n' "$url/planer/1/aendringer?from=$v1&to=$v2&run=$r"; done)
api_runs=$(for r in 1 2 3 4 5; do curl -s "${AUTH[@]}" -o "$dir/redline.json" -w '%{time_total}\n' "$url/api/v1/plans/1/redline?from=$v1&to=$v2&run=$r"; done)
echo
echo "### 1. Redline, $total items, $changed changed (10 %)"
echo
echo "| what | median of 5 (ms) | min (ms) | max (ms) | bytes |"
echo "|---|---:|---:|---:|---:|"
echo "| page (compute + render + transfer) | $(ms "$(echo "$page_runs" | median)") | $(ms "$(echo "$page_runs" | sort -n | awk 'NR==1')") | $(ms "$(echo "$page_runs" | sort -n | awk 'END{print}')") | $(stat -c %s "$dir/redline.html") |"
echo "| API (structured diff) | $(ms "$(echo "$api_runs" | median)") | $(ms "$(echo "$api_runs" | sort -n | awk 'NR==1')") | $(ms "$(echo "$api_runs" | sort -n | awk 'END{print}')") | $(stat -c %s "$dir/redline.json") |"

# 2. An item with 1,000 revisions.
hid=$(echo "$ids" | awk 'NR==1')
for i in $(seq 1 999); do echo "{\"status_text\":\"Revision $i af statusteksten for punktet.\"}"; done > "$dir/bodies"
while read -r body; do put "$hid" "$body"; done < "$dir/bodies" | sort | uniq -c > "$dir/put-codes"
revs=$(curl -s "${AUTH[@]}" "$url/api/v1/items/$hid" | grep -o '"revision":[0-9]*' | cut -d: -f2)
cold=$(curl -s "${AUTH[@]}" -o "$dir/history.html" -w '%{time_total}' "$url/emner/$hid/historik")
wrk -t1 -c10 -d"$DURATION" --timeout 10s -s "$HERE/lua/get.lua" "$url/emner/$hid/historik" > "$OUT/history-page.txt" 2>&1
wrk -t1 -c10 -d"$DURATION" --timeout 10s -s "$HERE/lua/get.lua" "$url/emner/$hid" > "$OUT/item-page-1000.txt" 2>&1
row() { sed -n 's/^RESULT rps=\([^ ]*\) p50=\([^ ]*\) p99=\([^ ]*\) max=[^ ]* n=\([^ ]*\) non2xx=\([^ ]*\).*/| \1 | \2 | \3 | \4 | \5 |/p' "$1"; }
echo
echo "### 2. An item with $revs revisions (PUT answers: $(tr -s ' ' < "$dir/put-codes" | paste -sd' '))"
echo
echo "First (uncached) render of the history page: $(ms "$cold") ms, $(stat -c %s "$dir/history.html") bytes."
echo
echo "| page | req/s | p50 ms | p99 ms | requests | non-2xx |"
echo "|---|---:|---:|---:|---:|---:|"
echo "| history page (all revisions) $(row "$OUT/history-page.txt")"
echo "| item page (last 10 revisions) $(row "$OUT/item-page-1000.txt")"
stop

# 3. Database growth per 10,000 status updates.
before=$(stat -c %s "$db")
rows_before=$(sqlite3 "$db" 'select count(*) from status_updates')
start
sids=$(echo "$ids" | sed -n '1,500p' | paste -sd, -)
BENCH_ITEM_IDS=$sids BENCH_MAX_REQUESTS=10000 wrk -t1 -c10 -d120s --timeout 10s -s "$HERE/lua/post_status.lua" "$url" > "$OUT/status-updates.txt" 2>&1
stop
after=$(stat -c %s "$db")
rows_after=$(sqlite3 "$db" 'select count(*) from status_updates')
added=$((rows_after - rows_before))
echo
echo "### 3. Database growth per 10,000 status updates"
echo
echo "$added status updates added through the API ($(sed -n 's/^RESULT rps=[^ ]* p50=\([^ ]*\) p99=\([^ ]*\).*non2xx=\([^ ]*\).*/p50 \1 ms, p99 \2 ms, \3 non-2xx/p' "$OUT/status-updates.txt"); wrk's req\/s is not meaningful here: it divides by the whole -d window although the run stops at 10,000): file $((before / 1024)) KiB -> $((after / 1024)) KiB,"
echo "i.e. $(awk "BEGIN{printf \"%.1f\", ($after-$before)/1048576*10000/$added}") MiB per 10,000 status updates ($(awk "BEGIN{printf \"%.0f\", ($after-$before)/$added}") bytes each: the status row plus the item's full revision)."

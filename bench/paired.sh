#!/usr/bin/env bash
# bench/paired.sh — after/before ratios that survive a busy machine (issue 12). Two
# servers at N (5000) items run at once, BIN (this build) and BASE (e.g. the build
# before a change); 3-second wrk -c10 runs alternate between them, ROUNDS (8) pairs per
# request with the order flipped every pair, so drift in the machine's speed hits both
# alike. Prints each pair's after/before req/s ratio and the median, for
#   a the cached BUU plan page, b the cached JSON list of 100, c an item page, d PUT.
# Target of issue 12: no page more than 5 % slower (median ratio >= 0.95).
# Env: BASE (required), BIN, N, ROUNDS, DURATION (3s).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
NEW=${BIN:-$ROOT/build/src/budgetspor}
OLD=${BASE:?set BASE to the build to compare with}
N=${N:-5000}
ROUNDS=${ROUNDS:-8}
DURATION=${DURATION:-3s}
export BENCH_LUA_DIR=$HERE/lua
source "$HERE/lib.sh"
command -v wrk >/dev/null || { echo "wrk is missing: run scripts/install-deps.sh" >&2; exit 1; }
declare -A U P PL EM IDS CK CS
dirs=()
trap 'kill ${P[A]:-} ${P[B]:-} 2>/dev/null || true; rm -rf "${dirs[@]}"' EXIT
echo "budgetspor paired benchmark — $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, N=$N, $ROUNDS pairs of $DURATION"
for tag in A B; do
  BIN=$([ $tag = A ] && echo "$NEW" || echo "$OLD")
  d=$(mktemp -d); dirs+=("$d")
  "$BIN" demo --db "$d/x.db" --items "$N" > "$d/demo.out" 2>&1
  bench_start_server "$d/x.db" "$d" --threads 2
  bench_sign_in "$url" "$d/demo.out"
  bench_page_paths
  U[$tag]=$url P[$tag]=$pid PL[$tag]=$PLANER EM[$tag]=$EMNER CK[$tag]=$BENCH_COOKIE CS[$tag]=$BENCH_CSRF
  IDS[$tag]=$(curl -s "${AUTH[@]}" "$url/api/v1/plans/1/items?committee=BUU&limit=200" | grep -o '"id":[0-9]*' | cut -d: -f2 | paste -sd, -)
done
run() {  # TAG REQUEST -> req/s
  local t=$1 u=${U[$1]} first=${IDS[$1]%%,*}
  export BENCH_COOKIE=${CK[$t]} BENCH_CSRF=${CS[$t]}
  case $2 in
    a) wrk -t1 -c10 -d"$DURATION" -s "$BENCH_LUA_DIR/get.lua" "$u${PL[$t]}/1?committee=BUU" ;;
    b) wrk -t1 -c10 -d"$DURATION" -s "$BENCH_LUA_DIR/get.lua" "$u/api/v1/plans/1/items?committee=BUU&limit=100" ;;
    c) wrk -t1 -c10 -d"$DURATION" -s "$BENCH_LUA_DIR/get.lua" "$u${EM[$t]}/$first" ;;
    d) BENCH_ITEM_IDS=${IDS[$t]} wrk -t1 -c10 -d"$DURATION" -s "$BENCH_LUA_DIR/put_state.lua" "$u" ;;
  esac | sed -n 's/RESULT rps=\([0-9.]*\).*/\1/p'
}
declare -A names=([a]="cached BUU plan page" [b]="cached JSON list of 100" [c]="item page" [d]="PUT state")
for w in a b c d; do
  ratios=()
  for i in $(seq 1 "$ROUNDS"); do
    if [ $((i % 2)) = 1 ]; then x=$(run A $w); y=$(run B $w); else y=$(run B $w); x=$(run A $w); fi
    ratios+=("$(awk "BEGIN{printf \"%.3f\", $x/$y}")")
  done
  median=$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{v[NR]=$1} END{printf "%.3f", NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}')
  printf '%s %-24s after/before: %s  median %s\n' "$w" "${names[$w]}" "${ratios[*]}" "$median"
done

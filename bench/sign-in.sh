#!/usr/bin/env bash
# bench/sign-in.sh — the cost of people and access (issue 5).
#  1. Sign-in cost: POST /api/v1/session with the right password, 20 times in a row
#     (curl total time, so it includes HTTP on localhost); the same for a wrong password
#     and for unknown users (4 each, below the rate limits) to show they take as long.
#     Target: 50-150 ms per sign-in (argon2id parameters in src/crypto/sodium_crypto.h).
#  2. Session lookup: the same cached public page (/planer/1/versioner/1) served to the
#     public and to a signed-in person, wrk -t1 -c1 (latency) and -c10 (throughput).
#     The difference is what resolving the session adds. Target: under 0.1 ms.
# Env: DURATION (10s), BIN.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
BIN=${BIN:-$ROOT/build/src/budgetspor}
DURATION=${DURATION:-10s}
OUT=$HERE/results
mkdir -p "$OUT"
export BENCH_LUA_DIR=$HERE/lua
source "$HERE/lib.sh"
command -v wrk >/dev/null || { echo "wrk is missing: run scripts/install-deps.sh" >&2; exit 1; }

dir=$(mktemp -d)
db=$dir/bench.db
trap 'kill $pid 2>/dev/null || true; rm -rf "$dir"' EXIT
"$BIN" demo --db "$db" > "$dir/demo.out" 2>&1
bench_start_server "$db" "$dir"
pw=$(awk '$1=="okonomi" {print $2}' "$dir/demo.out")
stats() { sort -n | awk '{a[NR]=$1*1000; s+=$1*1000} END{printf "median %.1f ms, min %.1f, max %.1f, mean %.1f (n=%d)", (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2), a[1], a[NR], s/NR, NR}'; }
attempt() { curl -s -o /dev/null -w '%{time_total}\n' -H 'Content-Type: application/json' -d "{\"username\":\"$1\",\"password\":\"$2\"}" "$url/api/v1/session"; }

echo "budgetspor sign-in benchmark — $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores"
echo
echo "1. Sign-in (argon2id, opslimit 3, memlimit 48 MiB; curl total time on localhost)"
echo "   right password:   $(for i in $(seq 1 20); do attempt okonomi "$pw"; done | stats)"
echo "   wrong password:   $(for i in 1 2 3 4; do attempt direktion "forkert-kodeord-$i"; done | stats)"
echo "   unknown user:     $(for i in 1 2 3 4; do attempt "ukendt$i" "forkert-kodeord-$i"; done | stats)"

bench_sign_in "$url" "$dir/demo.out" okonomi
page="$url/planer/1/versioner/1"
curl -s -o /dev/null "$page"; curl -s "${AUTH[@]}" -o /dev/null "$page"  # warm both cache entries
run() { wrk -t1 -c"$1" -d"$DURATION" --timeout 10s -s "$HERE/lua/get.lua" "$page" > "$OUT/$2.txt" 2>&1; grep '^RESULT' "$OUT/$2.txt"; }
field() { sed -n "s/.* $2=\([0-9.]*\).*/\1/p" <<< "$1"; }
mean_ms() { awk '/Latency/ {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else {sub(/s/,"",v); v*=1000}; printf "%.3f", v}' "$OUT/$1.txt"; }
echo
echo "2. Session lookup: $page (cached; wrk -t1, $DURATION)"
a1=$(BENCH_COOKIE= run 1 signin-public-c1); m_pub=$(mean_ms signin-public-c1)
s1=$(run 1 signin-session-c1); m_ses=$(mean_ms signin-session-c1)
a10=$(BENCH_COOKIE= run 10 signin-public-c10)
s10=$(run 10 signin-session-c10)
printf '   -c1  public:    mean %s ms, p50 %s ms, p99 %s ms, %s req/s\n' "$m_pub" "$(field "$a1" p50)" "$(field "$a1" p99)" "$(field "$a1" rps)"
printf '   -c1  signed in: mean %s ms, p50 %s ms, p99 %s ms, %s req/s\n' "$m_ses" "$(field "$s1" p50)" "$(field "$s1" p99)" "$(field "$s1" rps)"
awk -v a="$m_pub" -v b="$m_ses" 'BEGIN{printf "   session lookup adds %.3f ms per request (mean latency difference at -c1)\n", b-a}'
printf '   -c10 public:    %s req/s, p99 %s ms\n' "$(field "$a10" rps)" "$(field "$a10" p99)"
printf '   -c10 signed in: %s req/s, p99 %s ms\n' "$(field "$s10" rps)" "$(field "$s10" p99)"
for r in "$a1" "$s1" "$a10" "$s10"; do [ "$(field "$r" non2xx)" = "0" ] || echo "   WARNING: non-2xx answers: $r"; done

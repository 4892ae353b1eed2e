#!/usr/bin/env bash
# bench/meetings.sh — meetings (issue 6).
#  1. The agenda PDF of a meeting with 30 items and 60 listed attachments (each item
#     with ~1,800 characters of sections): time from request to last byte, measured
#     with curl, RUNS (20) runs each for the members' edition (as the secretary) and the
#     public edition, rendered (a new query string each run misses the page cache) and
#     from the cache; median and slowest; file size. Target: rendering under 300 ms.
#  2. The public page of that meeting: wrk -t2 -c8 -d DURATION, anonymous, as served
#     (page cache, checked against the data stamp on every request) and with every
#     request rendered (lua/uncached.lua). Target: p99 under 10 ms.
# The meeting is built through the real pages and forms (cases, agenda, item texts,
# multipart uploads, publishing), so the numbers include storage and access checks.
# Env: RUNS (20), DURATION (10s), BIN.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
BIN=${BIN:-$ROOT/build/src/budgetspor}
RUNS=${RUNS:-20}
DURATION=${DURATION:-10s}
export BENCH_LUA_DIR=$HERE/lua
source "$HERE/lib.sh"
command -v wrk >/dev/null || { echo "wrk is missing: run scripts/install-deps.sh" >&2; exit 1; }

dir=$(mktemp -d)
db=$dir/bench.db
trap 'kill $pid 2>/dev/null || true; rm -rf "$dir"' EXIT
"$BIN" demo --db "$db" > "$dir/demo.out" 2>&1
bench_start_server "$db" "$dir"
bench_sign_in "$url" "$dir/demo.out" sekretaer
echo "budgetspor meetings benchmark — $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores"

post() { curl -s "${AUTH[@]}" -o /dev/null -w '%{http_code} %{redirect_url}\n' "$@"; }
meeting=$(post --data-urlencode 'body=ØK' --data-urlencode 'date=01-06-2026' -d 'start=14:00&end=17:00&place=R%C3%A5dhuset&kind=ordinaer' \
  "$url/moeder" | sed -n 's|.*/moeder/\([0-9]*\).*|\1|p')
[ -n "$meeting" ] || { echo "could not create the meeting" >&2; exit 1; }
text=$(printf 'Udmøntningsplanen er dynamisk og bliver løbende ajourført; de anførte tidspunkter er vejledende. %.0s' $(seq 1 6))
printf '%%PDF-1.4\n%% bench attachment\n' > "$dir/bilag.pdf"
for i in $(seq 1 30); do
  number="26/$((5000 + i))"
  post --data-urlencode "number=$number" --data-urlencode "title=Benchsag nummer $i om anlæg og drift" \
    --data-urlencode 'route=ØK → KB' "$url/sager" > /dev/null
  post --data-urlencode "sag=$number" "$url/moeder/$meeting/punkter" > /dev/null
done
items=$(curl -s "${AUTH[@]}" "$url/moeder/$meeting" | grep -o 'href="/punkter/[0-9]*/rediger"' | sed 's/[^0-9]//g')
n=0
for item in $items; do
  n=$((n + 1))
  post --data-urlencode "titel=Benchsag nummer $n om anlæg og drift" --data-urlencode "baggrund=$text" \
    --data-urlencode "sagsfremstilling=$text $text" --data-urlencode "oekonomi=$text" \
    --data-urlencode "indstilling=Direktøren indstiller, at sagen godkendes." "$url/punkter/$item" > /dev/null
  for k in 1 2; do
    closed=$([ $((n % 5)) -eq 0 ] && [ $k -eq 2 ] && echo 1 || echo 0)
    curl -s "${AUTH[@]}" -o /dev/null -F "titel=Bilag $k til punkt $n" -F "dokumentnummer=$((50000 + n * 2 + k))/26" \
      -F "lukket=$closed" -F "fil=@$dir/bilag.pdf;type=application/pdf" "$url/punkter/$item/bilag"
  done
done
post -d "" "$url/moeder/$meeting/offentliggoer" > /dev/null
attachments=$(curl -s "${AUTH[@]}" "$url/moeder/$meeting" | grep -o 'href="/bilag/[0-9]*"' | wc -l)
echo "meeting $meeting: $n items, $attachments attachments listed for the secretary"

stats() { sort -n | awk '{a[NR]=$1} END{printf "median %.1f ms, slowest %.1f ms", (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)*1000, a[NR]*1000}'; }
for edition in members public; do
  args=("${AUTH[@]}")
  [ "$edition" = public ] && args=()
  curl -s "${args[@]}" -o "$dir/$edition.pdf" "$url/moeder/$meeting/dagsorden.pdf"
  size=$(stat -c %s "$dir/$edition.pdf")
  pages=$(pdfinfo "$dir/$edition.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
  # A new query string each time misses the page cache: every run renders the PDF.
  cold=$(for i in $(seq 1 "$RUNS"); do curl -s "${args[@]}" -o /dev/null -w '%{time_total}\n' "$url/moeder/$meeting/dagsorden.pdf?run=$i"; done | stats)
  warm=$(for _ in $(seq 1 "$RUNS"); do curl -s "${args[@]}" -o /dev/null -w '%{time_total}\n' "$url/moeder/$meeting/dagsorden.pdf"; done | stats)
  echo "agenda PDF, $edition edition: rendered $cold; from the cache $warm ($RUNS runs each); $size bytes, ${pages:-?} pages"
done

BENCH_COOKIE="" BENCH_CSRF="" wrk -t2 -c8 -d"$DURATION" -s "$BENCH_LUA_DIR/report.lua" "$url/moeder/$meeting" | grep RESULT \
  | sed 's/^RESULT/public meeting page (30 items, anonymous):/'
BENCH_COOKIE="" BENCH_CSRF="" wrk -t2 -c8 -d"$DURATION" -s "$BENCH_LUA_DIR/uncached.lua" "$url/moeder/$meeting" | grep RESULT \
  | sed 's/^RESULT/public meeting page, every request rendered (cache bypassed):/'
rss=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
echo "server RSS after the run: $((rss / 1024)) MiB"

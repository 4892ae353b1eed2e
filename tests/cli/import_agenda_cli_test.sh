#!/usr/bin/env bash
# `budgetspor import agenda-text|kle` (issue 13): dry runs print the JSON (every seed has
# items); a KLE list with errors is refused and changes nothing, a clean one replaces the
# list; then an agenda item whose journal number the list does not know is refused with
# exit 1 and nothing saved, and a good text is saved into the meeting once.
set -uo pipefail
BIN=$1
SEEDS=${2:-}
DATA=${3:-}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# Dry runs of the seeds (skipped visibly when the seeds are not there).
if [ -d "$SEEDS" ]; then
  for seed in "$SEEDS"/*.txt; do
    out=$("$BIN" import agenda-text --dry-run --json "$seed" 2>"$dir/err") || fail "dry run $seed: $(cat "$dir/err")"
    grep -q '"items": \[' <<< "$out" || fail "$seed: no items in the JSON"
    grep -q '"title": ' <<< "$out" || fail "$seed: no item titles"
    grep -q "^Prøvekørsel: [1-9][0-9]* punkter" "$dir/err" || fail "$seed: summary: $(cat "$dir/err")"
  done
else
  echo "SKIPPED: no seeds at $SEEDS"
fi

# The KLE list: a dry run shows entries and problems; errors refuse the list.
out=$("$BIN" import kle --dry-run --json "$DATA/kle_sample.txt" 2>/dev/null) || fail "kle dry run"
grep -q '"number": "00.30.10"' <<< "$out" || fail "kle dry run: no entries"
grep -q '"severity": "error"' <<< "$out" || fail "kle dry run: no problems"
db=$dir/k.db
"$BIN" demo --db "$db" > /dev/null 2>&1 || fail "demo"
out=$("$BIN" import kle --db "$db" "$DATA/kle_sample.txt" 2>&1); [ $? -eq 1 ] || fail "a list with errors must exit 1"
grep -q "Intet er ændret" <<< "$out" || fail "kle refused: $out"
head -n 33 "$DATA/kle_sample.txt" > "$dir/kle.txt"
out=$("$BIN" import kle --db "$db" "$dir/kle.txt" 2>&1) || fail "kle apply: $out"
grep -q "^Indlæst: 32 numre" <<< "$out" || fail "kle apply summary: $out"

# An agenda for the directors' meeting of 07-12-2026 (open agenda in the demo).
meeting=$(sqlite3 "$db" "SELECT id FROM meetings WHERE body = 'DIR' AND date = '2026-12-07'" 2>/dev/null || true)
[ -n "$meeting" ] || meeting=17
agenda() {
  printf '1.  Budgetopfølgning\n\n%s   26/4711   Åben sag\n\nSagsgang\n\nDIR\n\nSagsfremstilling\n\nOpfølgning.\n' "$1"
}
agenda "00.30.99.S00" > "$dir/bad.txt"
out=$("$BIN" import agenda-text --db "$db" --meeting "$meeting" "$dir/bad.txt" 2>&1); [ $? -eq 1 ] || fail "unknown KLE must exit 1: $out"
grep -q "KLE-nummeret 00.30.99 findes ikke i KLE-listen." <<< "$out" || fail "unknown KLE message: $out"
grep -q "Intet er gemt" <<< "$out" || fail "unknown KLE: $out"
agenda "00.30.10.S00" > "$dir/good.txt"
out=$("$BIN" import agenda-text --db "$db" --dry-run --json "$dir/good.txt" 2>/dev/null) || fail "dry run with --db"
grep -q '"journal_title": "00.30.10 Budgetlægning, S00 Styring"' <<< "$out" || fail "journal title from the stored list: $out"
out=$("$BIN" import agenda-text --db "$db" --meeting "$meeting" "$dir/good.txt" 2>&1) || fail "import: $out"
grep -q "^Importeret: 1 punkter sættes på dagsordenen, 1 nye sager" <<< "$out" || fail "import summary: $out"
out=$("$BIN" import agenda-text --db "$db" --meeting "$meeting" "$dir/good.txt" 2>&1) || fail "second import: $out"
grep -q "^Importeret: 0 punkter" <<< "$out" || fail "second import must add nothing: $out"
grep -q "står allerede på dagsordenen" <<< "$out" || fail "second import: $out"

# Wrong arguments exit 2.
"$BIN" import agenda-text "$dir/good.txt" > /dev/null 2>&1; [ $? -eq 2 ] || fail "neither --dry-run nor --meeting: exit 2"
"$BIN" import agenda-text --db "$db" --meeting x "$dir/good.txt" > /dev/null 2>&1; [ $? -eq 2 ] || fail "bad meeting id: exit 2"
"$BIN" import kle "$dir/kle.txt" > /dev/null 2>&1; [ $? -eq 2 ] || fail "kle without --db: exit 2"
"$BIN" import agenda-text --layout ukendt --dry-run "$dir/good.txt" > /dev/null 2>&1; [ $? -eq 2 ] || fail "unknown layout: exit 2"
echo "OK"

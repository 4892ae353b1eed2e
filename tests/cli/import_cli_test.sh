#!/usr/bin/env bash
# `budgetspor import plan-sheet|realised` (issue 13) against a fresh demo database: the
# dry runs of three sheet layouts and of the rejects match their golden JSON
# (tests/data/import/plan/*.golden.json; BS_UPDATE_GOLDEN=1 rewrites them, then read the
# diff); a refused import writes nothing; applying and importing again changes nothing;
# realised amounts land per item; bad files and arguments get Danish errors and exit codes.
set -uo pipefail
BIN=${1:?usage: import_cli_test.sh BUDGETSPOR DATA_DIR}
DATA=${2:?usage: import_cli_test.sh BUDGETSPOR DATA_DIR}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }
db="$tmp/plan.db"
"$BIN" demo --db "$db" >/dev/null 2>&1 || { echo "demo failed"; exit 1; }

golden() {  # golden NAME FILE KIND
  local name=$1 file=$2 kind=$3 out="$tmp/$1.json" code
  "$BIN" import "$kind" --db "$db" --plan 1 --dry-run --json "$file" >"$out" 2>"$tmp/err"
  code=$?
  [ $code -eq 0 ] || bad "dry run of $name exited $code: $(cat "$tmp/err")"
  if [ "${BS_UPDATE_GOLDEN:-}" = 1 ]; then cp "$out" "$DATA/$name.golden.json"; fi
  diff -u "$DATA/$name.golden.json" "$out" >"$tmp/diff" || { bad "$name differs from its golden"; head -40 "$tmp/diff"; }
}

golden flat "$DATA/flat.xlsx" plan-sheet
golden document "$DATA/document.xlsx" plan-sheet
golden semicolon_windows1252 "$DATA/semicolon_windows1252.csv" plan-sheet
golden rejects "$DATA/rejects.csv" plan-sheet
grep -q "Windows-1252" "$tmp/err" 2>/dev/null || true

# A sheet with problems is refused whole: exit 1, and the same dry run afterwards.
"$BIN" import plan-sheet --db "$db" --plan 1 "$DATA/rejects.csv" >/dev/null 2>"$tmp/err"
[ $? -eq 1 ] || bad "applying the rejects should exit 1"
grep -q "Intet er ændret" "$tmp/err" || bad "the refusal should say nothing changed: $(tail -1 "$tmp/err")"
golden rejects "$DATA/rejects.csv" plan-sheet

# Apply, then the same sheet again changes nothing.
for f in flat.xlsx document.xlsx semicolon_windows1252.csv; do
  "$BIN" import plan-sheet --db "$db" --plan 1 "$DATA/$f" >/dev/null 2>"$tmp/err" || bad "applying $f failed: $(tail -3 "$tmp/err")"
  "$BIN" import plan-sheet --db "$db" --plan 1 --dry-run --json "$DATA/$f" >"$tmp/again.json" 2>/dev/null
  grep -q '"create": 0,' "$tmp/again.json" && grep -q '"update": 0,' "$tmp/again.json" \
    || bad "importing $f again should change nothing: $(grep -A4 '"summary"' "$tmp/again.json")"
done
# The mapping was remembered for the layout.
"$BIN" import plan-sheet --db "$db" --plan 1 --dry-run "$DATA/flat.xlsx" >/dev/null 2>"$tmp/err"
grep -q "sidst blev bekræftet" "$tmp/err" || bad "the confirmed mapping should be used again"

# Realised amounts: a line outside the plan's years refuses the file; without it, applied.
golden realised "$DATA/realised.csv" realised
"$BIN" import realised --db "$db" --plan 1 "$DATA/realised.csv" >/dev/null 2>&1
[ $? -eq 1 ] || bad "realised with a problem should exit 1"
grep -v 2031 "$DATA/realised.csv" >"$tmp/realised-ok.csv"
"$BIN" import realised --db "$db" --plan 1 "$tmp/realised-ok.csv" >/dev/null 2>"$tmp/err" || bad "realised failed: $(tail -2 "$tmp/err")"
grep -q "9.99.99-999" "$tmp/err" || bad "the unmatched line should be listed: $(cat "$tmp/err")"
"$BIN" import realised --db "$db" --plan 1 --dry-run --json "$tmp/realised-ok.csv" >"$tmp/r.json" 2>/dev/null
grep -q '"update": 0,' "$tmp/r.json" || bad "realised again should change nothing"
"$BIN" report plan --db "$db" --plan 1 --format csv --out "$tmp/plan.csv" >/dev/null 2>&1
grep -q "Skriftlige fremstillinger.*-400" "$tmp/plan.csv" \
  || bad "the plan report should show the realised -400,5 on R101"

# Bad input: Danish messages, the right exit codes.
expect() {  # expect CODE PATTERN ARGS...
  local want=$1 pattern=$2 code
  shift 2
  "$BIN" import "$@" >/dev/null 2>"$tmp/err"
  code=$?
  [ $code -eq "$want" ] || bad "import $* exited $code, not $want"
  grep -q "$pattern" "$tmp/err" || bad "import $*: expected «$pattern» in: $(cat "$tmp/err")"
}
printf '\x89PNG\r\n\x1a\n\0\0\0' >"$tmp/logo.png"
expect 1 "hverken et XLSX-regneark eller en CSV-fil" plan-sheet --db "$db" --plan 1 --dry-run "$tmp/logo.png"
printf 'not a zip' >"$tmp/plan.xlsx"
expect 1 "ikke et XLSX-regneark" plan-sheet --db "$db" --plan 1 --dry-run "$tmp/plan.xlsx"
truncate -s 51M "$tmp/big.csv"
expect 1 "større end 50 MB" plan-sheet --db "$db" --plan 1 --dry-run "$tmp/big.csv"
expect 1 "findes ikke" plan-sheet --db "$db" --plan 999 --dry-run "$DATA/flat.xlsx"
expect 2 "Mangler --db" plan-sheet --plan 1 --dry-run "$DATA/flat.xlsx"
expect 2 "Mangler filen" plan-sheet --db "$db" --plan 1 --dry-run
echo '{"columns": {"Emne": "titel"}}' >"$tmp/mapping.json"
expect 1 "ikke et felt" plan-sheet --db "$db" --plan 1 --dry-run --mapping "$tmp/mapping.json" "$DATA/flat.xlsx"
expect 2 "Ukendt import" spreadsheet --db "$db" "$DATA/flat.xlsx"

[ $fail -eq 0 ] && echo "import cli: ok"
exit $fail

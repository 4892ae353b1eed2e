#!/usr/bin/env bash
# `budgetspor report` (issue 11): every kind written as PDF, XLSX, CSV and HTML with one
# line saying what was written (exit 0); bad arguments exit 2 listing the valid values;
# other failures exit 1 with a Danish message and leave no file; the public edition
# leaves internal notes out.
set -uo pipefail
BIN=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
db=$dir/r.db
"$BIN" demo --db "$db" > /dev/null 2>&1 || fail "demo"

for kind in plan extract half-year monthly; do
  for format in pdf xlsx csv html; do
    out=$("$BIN" report "$kind" --db "$db" --plan 1 --version latest --committee BUU --format "$format" --out "$dir/$kind.$format" 2>&1) \
      || fail "$kind $format: $out"
    [ "$(wc -l <<< "$out")" -eq 1 ] || fail "$kind $format: one line expected: $out"
    grep -q "^Skrev «.*» (Halvårsstatus juni 2025 (pr. 31-05-2025)) som $format til $dir/$kind.$format: [0-9]* byte.$" <<< "$out" \
      || fail "$kind $format: $out"
    [ -s "$dir/$kind.$format" ] || fail "$kind $format: empty file"
  done
done
head -c 4 "$dir/plan.pdf" | grep -q "%PDF" || fail "not a PDF"
head -c 2 "$dir/plan.xlsx" | grep -q "PK" || fail "not an XLSX (zip)"
head -c 3 "$dir/plan.csv" | od -An -tx1 | grep -q "ef bb bf" || fail "CSV without a byte order mark"
pdftotext "$dir/half-year.pdf" "$dir/half-year.txt" && grep -q "Følgende emner står foran politisk behandling" "$dir/half-year.txt" || fail "half-year PDF text"

# The internal edition (default) holds OBS notes; the public one does not.
grep -q "Licitationen kom 18 % over budget" "$dir/plan.csv" || fail "internal edition without the OBS note"
"$BIN" report plan --db "$db" --plan 1 --version latest --format csv --edition offentlig --out "$dir/pub.csv" > /dev/null || fail "public"
grep -q "Licitationen kom 18 % over budget" "$dir/pub.csv" && fail "the public edition holds an internal OBS note"
out=$("$BIN" report plan --db "$db" --plan 1 --format csv --separator semicolon --out "$dir/semi.csv") && grep -q "Kladde" <<< "$out" || fail "no version: the live plan"
grep -q "^.*Kode;Titel;Kategori" "$dir/semi.csv" || fail "semicolon CSV"

# Bad arguments: exit 2, naming what is valid.
out=$("$BIN" report kvartal --db "$db" --plan 1 --format pdf --out "$dir/x" 2>&1); [ $? -eq 2 ] || fail "unknown kind: exit"
grep -q "Vælg en af: plan, extract, half-year, monthly." <<< "$out" || fail "unknown kind: $out"
out=$("$BIN" report plan --db "$db" --plan 1 --format docx --out "$dir/x" 2>&1); [ $? -eq 2 ] || fail "unknown format: exit"
grep -q "Vælg et af: html, pdf, xlsx, csv." <<< "$out" || fail "unknown format: $out"
"$BIN" report extract --db "$db" --plan 1 --format pdf --out "$dir/x" > /dev/null 2>&1; [ $? -eq 2 ] || fail "extract without --committee"
"$BIN" report plan --db "$db" --plan abc --format pdf --out "$dir/x" > /dev/null 2>&1; [ $? -eq 2 ] || fail "bad --plan"
"$BIN" report monthly --db "$db" --plan 1 --month 13-2025 --format pdf --out "$dir/x" > /dev/null 2>&1; [ $? -eq 2 ] || fail "bad --month"
# Other failures: exit 1 with a Danish message, no file written.
out=$("$BIN" report plan --db "$db" --plan 9 --format pdf --out "$dir/none.pdf" 2>&1); [ $? -eq 1 ] || fail "unknown plan: exit"
grep -q "Plan 9 findes ikke." <<< "$out" || fail "unknown plan: $out"
[ -e "$dir/none.pdf" ] && fail "a file was written for a failed report"
out=$("$BIN" report extract --db "$db" --plan 1 --committee XYZ --format pdf --out "$dir/none.pdf" 2>&1); [ $? -eq 1 ] || fail "unknown committee"
grep -q "Udvalget «XYZ» findes ikke i planen." <<< "$out" || fail "unknown committee: $out"
out=$("$BIN" report plan --db "$db" --plan 1 --version 99 --format pdf --out "$dir/none.pdf" 2>&1); [ $? -eq 1 ] || fail "unknown version"
"$BIN" report plan --db "$db" --plan 1 --format csv --out "$dir/no/such/dir/x.csv" > /dev/null 2>&1; [ $? -eq 1 ] || fail "unwritable path"
echo "ok: report command, every kind and format, exit codes"

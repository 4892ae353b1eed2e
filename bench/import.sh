#!/usr/bin/env bash
# bench/import.sh — the plan-sheet import of a 5,000-row XLSX (issue 13).
# Makes the sheet with tests/importers/make_plan_sheet_fixtures.cpp (--rows N), loads the
# demo, and times with farm-bench (whole process, median of RUNS):
#   dry run:        budgetspor import plan-sheet --dry-run (read, map, diff; writes nothing)
#   apply:          a copy of the demo database, then the import applied (5,000 items created
#                   in one transaction); the copy alone is timed too, to subtract
#   same again:     the same sheet dry-run against the database it was applied to (5,000
#                   unchanged)
# Target: each well under 1 s on this machine. Env: BUILD (build), ROWS (5000), RUNS (5).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
BUILD=${BUILD:-$ROOT/build}
ROWS=${ROWS:-5000}
RUNS=${RUNS:-5}
if [ ! -f "$BUILD/CMakeCache.txt" ]; then
  cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER_LAUNCHER=ccache >/dev/null
fi
cmake --build "$BUILD" -j2 --target budgetspor make_plan_sheet_fixtures >/dev/null
BIN=$BUILD/src/budgetspor
command -v farm-bench >/dev/null || { echo "farm-bench is not on PATH (../.library)" >&2; exit 1; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
echo "build type: $(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$BUILD/CMakeCache.txt"); rows: $ROWS"
"$BUILD/tests/make_plan_sheet_fixtures" --rows "$ROWS" "$dir/plan.xlsx"
echo "sheet: $(stat -c %s "$dir/plan.xlsx") bytes"
"$BIN" demo --db "$dir/base.db" >/dev/null 2>&1
sqlite3 "$dir/base.db" 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null 2>&1 || true

summary() { farm-bench -n "$RUNS" --timeout 600 -- "$@" 2>&1 | grep -E '^A (exit|cpu s|wall s|peak MiB)' || true; }

echo "== dry run ($ROWS rows to create)"
summary "$BIN" import plan-sheet --db "$dir/base.db" --plan 1 --dry-run "$dir/plan.xlsx"
echo "== copy of the demo database alone"
summary sh -c "cp '$dir/base.db' '$dir/run.db' && rm -f '$dir/run.db-wal' '$dir/run.db-shm'"
echo "== copy + apply ($ROWS items created in one transaction)"
summary sh -c "cp '$dir/base.db' '$dir/run.db' && rm -f '$dir/run.db-wal' '$dir/run.db-shm' && exec '$BIN' import plan-sheet --db '$dir/run.db' --plan 1 '$dir/plan.xlsx'"
echo "== the same sheet again (dry run, $ROWS unchanged)"
"$BIN" import plan-sheet --db "$dir/run.db" --plan 1 "$dir/plan.xlsx" >/dev/null 2>&1 || true
"$BIN" import plan-sheet --db "$dir/run.db" --plan 1 --dry-run "$dir/plan.xlsx" 2>&1 >/dev/null | tail -1
summary "$BIN" import plan-sheet --db "$dir/run.db" --plan 1 --dry-run "$dir/plan.xlsx"
echo "== agenda text of 500 pages: bash bench/import-agenda.sh"

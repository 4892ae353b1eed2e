#!/usr/bin/env bash
# bench/fuzz-import.sh — the sheet readers' mutation fuzzer (issue 13) for longer than the
# suite's 5 seconds: SECONDS_TOTAL (60) split 40/60 between CSV and XLSX, from SEED (13;
# "random" for a fresh one). Prints the iterations, how many inputs still read as a
# sheet, contract failures, and crashes; a crashing input is kept in bench/results/.
# Env: BIN (build/tests/import_sheet_test), SECONDS_TOTAL, SEED.
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
BIN=${BIN:-$ROOT/build/tests/import_sheet_test}
SECONDS_TOTAL=${SECONDS_TOTAL:-60}
SEED=${SEED:-13}
[ "$SEED" = random ] && SEED=$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')
[ -x "$BIN" ] || { echo "missing $BIN: cmake --build build --target import_sheet_test" >&2; exit 1; }
CRASH_DIR=$ROOT/bench/results/fuzz-import
mkdir -p "$CRASH_DIR"
echo "sheet reader fuzz — $(date -u '+%Y-%m-%d %H:%M UTC'), ${SECONDS_TOTAL} s, seed $SEED"
out=$(BS_FUZZ_SECONDS=$SECONDS_TOTAL BS_FUZZ_SEED=$SEED BS_FUZZ_CRASH_DIR=$CRASH_DIR \
      "$BIN" --gtest_filter='SheetFuzzTest.*' 2>&1)
rc=$?
echo "$out" | grep -E '^fuzz |Failure|iteration [0-9]+:' || true
crashes=0
if [ $rc -gt 128 ]; then
  crashes=1
  echo "CRASH: signal $((rc - 128)); input kept in $CRASH_DIR (reproduce with SEED=$SEED)"
  ls -t "$CRASH_DIR" | head -1
fi
total=$(echo "$out" | awk '/^fuzz / {n += $3} END {print n + 0}')
failures=$(echo "$out" | sed -nE 's/.* ([0-9]+) failures.*/\1/p' | awk '{n += $1} END {print n + 0}')
echo "total: ${total:-0} iterations, ${failures:-0} contract failures, $crashes crashes (exit $rc)"
[ $rc -eq 0 ]

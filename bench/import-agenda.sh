#!/usr/bin/env bash
# bench/import-agenda.sh — the agenda text import on a 500-page agenda (issue 13).
# Builds only the importer's test binary (RelWithDebInfo, in build/ unless BUILD is set)
# and runs its bench test: the seeds (../shared/seeds) repeated with renumbered items to
# ~25,000 lines, parsed with the norddjurs layout and with layout detection (which parses
# once per built-in layout); prints the best of RUNS runs. Target: well under 1 s.
# Env: BUILD (build), LINES (25000), RUNS (5).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
BUILD=${BUILD:-$ROOT/build}
if [ ! -f "$BUILD/CMakeCache.txt" ]; then
  cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER_LAUNCHER=ccache >/dev/null
fi
cmake --build "$BUILD" -j2 --target import_agenda_test >/dev/null
echo "build type: $(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$BUILD/CMakeCache.txt")"
BS_BENCH_LINES=${LINES:-25000} BS_BENCH_RUNS=${RUNS:-5} BUDGETSPOR_SEEDS=${BUDGETSPOR_SEEDS:-$ROOT/../shared/seeds} \
  "$BUILD/tests/import_agenda_test" --gtest_filter='ImportBenchTest.*' | grep -E '^\[ (bench|  SKIPPED|  FAILED)'

#!/usr/bin/env bash
# STYLE.md habit 2 and "adapters never include each other": each third-party library is
# included only in its adapter, and the inner layers include no outer one. Prints every
# offending line and fails when there is one.
set -uo pipefail
SRC=${1:?usage: layering_test.sh SRC_DIR}
cd "$SRC" || exit 2
fail=0
# library -> the only folder allowed to include it
check_lib() {
  local pattern=$1 allowed=$2 hits
  hits=$(grep -rnE "#include <($pattern)" --include='*.h' --include='*.cpp' . | grep -v "^\./$allowed/" || true)
  if [ -n "$hits" ]; then echo "only $allowed/ may include <$pattern>:"; echo "$hits"; fail=1; fi
}
check_lib 'sqlite3\.h' storage/sqlite
check_lib 'sodium\.h' crypto
check_lib 'cairo|pango' exporters/pdf
check_lib 'boost/' web
check_lib 'zip\.h|pugixml' importers/sheet
# layer -> folders it must not include
check_layer() {
  local dir=$1 forbidden=$2 hits
  hits=$(grep -rnE "#include \"($forbidden)/" "$dir" || true)
  if [ -n "$hits" ]; then echo "$dir/ must not include $forbidden:"; echo "$hits"; fail=1; fi
}
check_layer core 'domain|app|storage|web|exporters|importers|crypto|demo|main'
check_layer domain 'app|storage|web|exporters|importers|crypto|demo|main'
check_layer app 'storage|web|exporters|importers|crypto|demo|main'
check_layer storage 'web|exporters|importers|crypto|demo|main'
check_layer web 'storage|exporters|importers|crypto|demo|main'
check_layer exporters 'storage|web|importers|crypto|demo|main'
check_layer importers 'storage|web|exporters|crypto|demo|main'
check_layer crypto 'storage|web|exporters|demo|main'
check_layer demo 'storage|web|exporters|importers|crypto|main'
# Issue 12, one access model: web/ asks the use cases (app/plan_service.h, the meeting,
# people, round and report services), which take the viewer and return what they may
# see. No file in web/ asks the access rule, redacts, or reaches the unchecked register.
hits=$(grep -rnE '(^|[^A-Za-z_.])(Decide|Check|Redact|RedactAll|CapabilitiesOf|Authorize|AuthorizeItem)\(|(^|[^A-Za-z_])(Action|Resource)::|(^|[^A-Za-z_])PlanRegister([^A-Za-z_.]|$)' web \
  | grep -vE '^[^:]+:[0-9]+:\s*//' || true)
if [ -n "$hits" ]; then echo "web/ must not call the access rule or redaction directly (issue 12):"; echo "$hits"; fail=1; fi
[ $fail -eq 0 ] && echo "layering: ok"
exit $fail

#!/usr/bin/env bash
# The configuration file (issue 15): `budgetspor check-config FILE` prints the effective
# configuration or names each bad line and key; `serve --config FILE` runs on it, the
# environment overriding the file and flags the environment; a bad file stops the start.
set -uo pipefail
BIN=$1
dir=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

cat > "$dir/good.ini" <<INI
# budgetspor
[server]
listen = 127.0.0.1:0
threads = 2
base_url = https://budget.example.dk
trusted_proxies = 127.0.0.1

[database]
path = $dir/b.db

[uploads]
limit_mb = 5
INI
out=$("$BIN" check-config "$dir/good.ini") || fail "check-config refused a good file: $out"
for want in "listen = 127.0.0.1:0" "base_url = https://budget.example.dk" "trusted_proxies = 127.0.0.1" \
            "limit_mb = 5" "path = $dir/b.db" "dir = data"; do
  grep -qF "$want" <<< "$out" || fail "check-config does not print «$want»: $out"
done
out=$(BUDGETSPOR_SERVER_THREADS=3 "$BIN" check-config "$dir/good.ini") || fail "env: $out"
grep -qF "threads = 3" <<< "$out" || fail "the environment does not override the file: $out"

printf '[server]\nlisten = 127.0.0.1:0\nfarve = blå\nthreads = mange\n[database]\npath = x.db\n' > "$dir/bad.ini"
out=$("$BIN" check-config "$dir/bad.ini" 2>&1) && fail "check-config accepted a bad file"
grep -qF "bad.ini, linje 3: ukendt nøgle «farve» i [server]" <<< "$out" || fail "unknown key not named: $out"
grep -qF "bad.ini, linje 4: server.threads skal være et heltal" <<< "$out" || fail "wrong type not named: $out"
printf '[server]\nlisten = 127.0.0.1:0\n' > "$dir/nodb.ini"
out=$("$BIN" check-config "$dir/nodb.ini" 2>&1) && fail "a missing database was accepted"
grep -qF "database.path mangler" <<< "$out" || fail "the missing database is not named: $out"
out=$("$BIN" check-config "$dir/findes-ikke.ini" 2>&1) && fail "a missing file was accepted"
grep -qF "kan ikke læses" <<< "$out" || fail "a missing file is not said: $out"

out=$("$BIN" serve --config "$dir/bad.ini" 2>&1) && fail "serve started on a bad file"
grep -qF "linje 3" <<< "$out" || fail "serve does not name the line: $out"
out=$("$BIN" serve --config "$dir/good.ini" --farve blå 2>&1) && fail "serve took an unknown flag"
grep -qF "Ukendt flag --farve" <<< "$out" || fail "unknown flag not named: $out"
out=$("$BIN" serve --config "$dir/good.ini" --threads 0 2>&1) && fail "serve took --threads 0"
grep -qF -- "--threads: server.threads skal være et heltal fra 1 til 64" <<< "$out" || fail "bad flag not named: $out"

"$BIN" demo --db "$dir/b.db" > /dev/null || fail "demo"
"$BIN" serve --config "$dir/good.ini" > "$dir/serve.out" 2> "$dir/serve.err" &
pid=$!
url=
for _ in $(seq 1 400); do
  url=$(sed -n 's|.*\(http://[0-9.]*:[0-9]*\)/.*|\1|p' "$dir/serve.out")
  [ -n "$url" ] && break
  sleep 0.01
done
[ -n "$url" ] || fail "serve --config did not start: $(cat "$dir/serve.err")"
headers=$(curl -s -D - -o /dev/null "$url/")
grep -qi "^Strict-Transport-Security: max-age=31536000" <<< "$headers" || fail "no HSTS with an https base URL: $headers"
ics=$(curl -s -H 'Host: evil.example' "$url/organer/%C3%98K/moeder.ics")
grep -q "URL:https://budget.example.dk/moeder/" <<< "$ics" || fail "the feed's links do not use base_url"
grep -q "evil.example" <<< "$ics" && fail "the Host header reached the feed"
echo "ok: check-config, serve --config, environment and flags"

# Every key check-config prints is documented.
docs="$(cd "$(dirname "$0")/../.." && pwd)/docs/configuration.md"
section=
while IFS= read -r line; do
  case "$line" in
    \[*\]) section=${line#[}; section=${section%]} ;;
    *" = "*) key=${line%% = *}; grep -qF "\`$section.$key\`" "$docs" || fail "$section.$key is not in docs/configuration.md" ;;
  esac
done <<< "$("$BIN" check-config "$dir/good.ini")"
echo "ok: every key documented"

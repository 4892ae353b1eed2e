#!/usr/bin/env bash
# `budgetspor user add|password` (issue 5): the first administrator from the command
# line, a generated password printed once, bad input refused with exit code 1 and the
# field named, and a password from stdin that then signs in through the API.
set -uo pipefail
BIN=$1
dir=$(mktemp -d)
trap 'kill $pid 2>/dev/null; rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
db=$dir/u.db

out=$("$BIN" user add --db "$db" --username Chef --name "Lene Berg" --roles administrator) || fail "user add: $out"
grep -q "Brugeren «chef» (Lene Berg) er oprettet." <<< "$out" || fail "no confirmation: $out"
pw=$(sed -n 's/^Adgangskode (vises kun nu): //p' <<< "$out")
[ ${#pw} -eq 20 ] || fail "no generated password: $out"
! grep -q "$pw" "$db"* 2>/dev/null || fail "the password is stored in clear text"

out=$("$BIN" user add --db "$db" --username chef --name "X" --roles konge 2>&1) && fail "duplicate/bad role accepted"
grep -q -- "--roles: Ukendt rolle" <<< "$out" || fail "bad role not named: $out"
out=$("$BIN" user add --db "$db" --username x 2>&1) && fail "short username accepted"
grep -q -- "--username" <<< "$out" || fail "field not named: $out"

out=$(printf 'en-ny-adgangskode-42\n' | "$BIN" user password --db "$db" --username chef --password-stdin 1) || fail "password: $out"
grep -q "Ny adgangskode sat for «chef»." <<< "$out" || fail "no confirmation: $out"
grep -q "vises kun nu" <<< "$out" && fail "a password from stdin is echoed"
printf 'kort\n' | "$BIN" user password --db "$db" --username chef --password-stdin 1 > /dev/null 2>&1 && fail "short password accepted"

"$BIN" serve --db "$db" --listen 127.0.0.1:0 > "$dir/serve.out" 2> "$dir/serve.err" &
pid=$!
for _ in $(seq 1 400); do
  url=$(sed -n 's|.*\(http://[0-9.]*:[0-9]*\)/.*|\1|p' "$dir/serve.out")
  [ -n "$url" ] && break
  sleep 0.01
done
code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
  -d '{"username":"chef","password":"en-ny-adgangskode-42"}' "$url/api/v1/session")
[ "$code" = 200 ] || fail "sign-in with the new password: $code"
echo "ok: user add, user password, sign-in"

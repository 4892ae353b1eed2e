#!/usr/bin/env bash
# Backup, restore, scheduled backups and the files only the service may read (issue 15):
# `budgetspor backup` while the server runs, `restore` refused under a running server and
# done when it is stopped, retention in the backup folder, mode 0600/0700 everywhere, and
# a read-only database refused at start with a clear message.
set -uo pipefail
BIN=$1
dir=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
mode() { stat -c %a "$1"; }

start() {  # start CONFIG: sets pid and url
  "$BIN" serve --config "$1" > "$dir/serve.out" 2> "$dir/serve.err" &
  pid=$!
  url=
  for _ in $(seq 1 500); do
    url=$(sed -n 's|.*\(http://[0-9.]*:[0-9]*\)/.*|\1|p' "$dir/serve.out")
    [ -n "$url" ] && break
    kill -0 $pid 2>/dev/null || break
    sleep 0.01
  done
  [ -n "$url" ] || fail "serve did not start: $(cat "$dir/serve.err")"
}
stop() { kill $pid; wait $pid 2>/dev/null; pid=; }

"$BIN" demo --db "$dir/b.db" > /dev/null || fail "demo"
[ "$(mode "$dir/b.db")" = 600 ] || fail "the database is mode $(mode "$dir/b.db"), not 600"

mkdir -p "$dir/bk"
for n in 1 2 3 4; do touch -d 2020-01-0$n "$dir/bk/budgetspor-2020010$n-000000.db"; done
touch "$dir/bk/noter.txt"
cat > "$dir/b.ini" <<INI
[server]
listen = 127.0.0.1:0
[database]
path = $dir/b.db
[backup]
dir = $dir/bk
interval_minutes = 60
keep = 3
INI
start "$dir/b.ini"
[ "$(curl -s -o /dev/null -w '%{http_code}' "$url/")" = 200 ] || fail "the server does not answer"
[ "$(curl -s "$url/readyz")" = klar ] || fail "/readyz on a good database: $(curl -s "$url/readyz")"
grep -q '"path":"/readyz","status":200' "$dir/serve.err" || fail "no access log line on stderr: $(tail -3 "$dir/serve.err")"

# The first scheduled backup is due at start (the newest there is from 2020); then
# only the newest three budgetspor-*.db are kept, other files left alone.
for _ in $(seq 1 300); do
  [ "$(ls "$dir/bk" | grep -c '^budgetspor-2026\|^budgetspor-20[3-9]')" -ge 1 ] && break
  sleep 0.05
done
ls "$dir/bk" | grep -q '^budgetspor-20[2-9][0-9][01][0-9][0-3][0-9]-[0-9]*\.db$' || fail "no scheduled backup: $(ls "$dir/bk"); $(cat "$dir/serve.err")"
for _ in $(seq 1 100); do [ "$(ls "$dir/bk" | grep -c '^budgetspor-.*\.db$')" = 3 ] && break; sleep 0.05; done
[ "$(ls "$dir/bk" | grep -c '^budgetspor-.*\.db$')" = 3 ] || fail "retention keep=3: $(ls "$dir/bk")"
[ -e "$dir/bk/budgetspor-20200101-000000.db" ] && fail "the oldest backup was kept"
[ -e "$dir/bk/noter.txt" ] || fail "retention removed a file that is not a backup"
[ "$(mode "$dir/bk")" = 700 ] || fail "the backup folder is mode $(mode "$dir/bk")"
newest=$(ls "$dir/bk" | grep '^budgetspor-.*\.db$' | tail -1)
[ "$(mode "$dir/bk/$newest")" = 600 ] || fail "a scheduled backup is mode $(mode "$dir/bk/$newest")"
echo "ok: scheduled backup at start, keep = 3"

# A backup while serving.
out=$("$BIN" backup --db "$dir/b.db" --to "$dir/k1.db") || fail "backup: $out"
grep -q "Sikkerhedskopien er skrevet til $dir/k1.db: [0-9]* byte, skemaversion [0-9]*, [0-9]* tabeller, [0-9]* rækker, indholdstjek [0-9a-f]\{16\}" <<< "$out" \
  || fail "backup does not say what it wrote: $out"
[ "$(mode "$dir/k1.db")" = 600 ] || fail "the backup is mode $(mode "$dir/k1.db")"
for f in "$dir/b.db-wal" "$dir/b.db-shm" "$dir/b.db.lock"; do
  [ -e "$f" ] && { [ "$(mode "$f")" = 600 ] || fail "$f is mode $(mode "$f")"; }
done
digest=$(sed -n 's/.*indholdstjek \([0-9a-f]*\).*/\1/p' <<< "$out")
out=$("$BIN" backup --db "$dir/b.db" --to "$dir/k1.db" 2>&1) && fail "backup overwrote a file"
grep -qF "findes allerede" <<< "$out" || fail "an existing target is not named: $out"
out=$("$BIN" backup --db "$dir/b.db" --to "$dir/mangler/k.db" 2>&1) && fail "backup to a missing folder"
grep -qF "Sikkerhedskopien kan ikke skrives i $dir/mangler" <<< "$out" || fail "an unwritable target: $out"
out=$("$BIN" backup --db "$dir/b.db" 2>&1); [ $? = 2 ] || fail "backup without --to is not exit 2"
grep -qF "Mangler --to FIL" <<< "$out" || fail "missing --to not said: $out"
out=$("$BIN" backup --config "$dir/b.ini" --to "$dir/k2.db") || fail "backup --config: $out"

# Restore is refused while the server runs, and changes nothing.
out=$("$BIN" restore --db "$dir/b.db" --from "$dir/k1.db" 2>&1) && fail "restore under a running server"
grep -qF "bruges af en kørende budgetspor" <<< "$out" || fail "restore refusal not said: $out"
ls "$dir" | grep -q foer-gendannelse && fail "a refused restore moved the database"
echo "ok: backup while serving, bad targets, restore refused while serving"

# A change after the backup, then restore when stopped: the change is gone, the old
# database kept beside it, and the restored content equals the backup's.
"$BIN" user add --db "$dir/b.db" --username efterkopi --name "Efter Kopi" --roles okonomi > /dev/null || fail "user add"
stop
out=$("$BIN" restore --config "$dir/b.ini" --from "$dir/k1.db") || fail "restore: $out"
grep -qF "indholdstjek $digest, det samme som sikkerhedskopiens" <<< "$out" || fail "restore check: $out"
kept=$(ls "$dir" | grep '^b\.db\.foer-gendannelse-[0-9]\{8\}-[0-9]\{6\}$') || fail "the replaced database was not kept: $(ls "$dir")"
[ "$(mode "$dir/$kept")" = 600 ] || fail "the kept database is mode $(mode "$dir/$kept")"
[ -e "$dir/b.db-wal" ] && fail "an old -wal was left beside the restored database"
out=$("$BIN" user password --db "$dir/b.db" --username efterkopi 2>&1) && fail "the user added after the backup survived the restore"
out=$("$BIN" user password --db "$dir/$kept" --username efterkopi) || fail "the kept database lacks the later user: $out"
out=$("$BIN" restore --db "$dir/b.db" --from "$dir/findes-ikke.db" 2>&1) && fail "restore from nothing"
grep -qF "findes ikke" <<< "$out" || fail "a missing backup not said: $out"
start "$dir/b.ini"
[ "$(curl -s -o /dev/null -w '%{http_code}' "$url/")" = 200 ] || fail "the restored database does not serve"
stop
echo "ok: restore, old database kept, content checked"

# A database the service may not write is refused at start, naming it.
chmod 0711 "$dir"
mkdir -m 0777 "$dir/ro"
cp "$dir/k2.db" "$dir/ro/r.db"
chmod 0644 "$dir/ro/r.db"
if [ "$(id -u)" = 0 ]; then
  if setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
    out=$(setpriv --reuid=65534 --regid=65534 --clear-groups "$BIN" serve --db "$dir/ro/r.db" --listen 127.0.0.1:0 2>&1 < /dev/null)
  else
    echo "SKIP: read-only start (setpriv cannot drop to nobody here)"; exit 0
  fi
else
  chmod 0444 "$dir/ro/r.db"
  out=$("$BIN" serve --db "$dir/ro/r.db" --listen 127.0.0.1:0 2>&1 < /dev/null)
fi
[ $? = 1 ] || fail "serve started on a read-only database: $out"
grep -qF "Databasen $dir/ro/r.db kan kun læses" <<< "$out" || fail "the read-only database is not named: $out"
echo "ok: a read-only database is refused at start"

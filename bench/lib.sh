# Shared by the bench scripts: sign in through the API as a demo user, so that
# benchmarks of live pages and writes run as a signed-in person (issue 5).
# bench_sign_in URL DEMO_OUTPUT_FILE [USERNAME]: reads the user's password from the
# demo command's output, signs in, and sets AUTH (curl arguments) and exports
# BENCH_COOKIE and BENCH_CSRF (read by lua/report.lua for wrk).
AUTH=()
bench_sign_in() {
  local url=$1 demo_out=$2 user=${3:-okonomi} pw body
  pw=$(awk -v u="$user" '$1==u {print $2}' "$demo_out")
  [ -n "$pw" ] || { echo "no password for $user in $demo_out" >&2; return 1; }
  body=$(curl -s -D "$demo_out.headers" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$user\",\"password\":\"$pw\"}" "$url/api/v1/session")
  BENCH_CSRF=$(printf '%s' "$body" | sed -n 's/.*"csrf_token":"\([0-9a-f]*\)".*/\1/p')
  BENCH_COOKIE=$(sed -n 's/^Set-Cookie: \(bs_session=[0-9a-f]*\).*/\1/ip' "$demo_out.headers" | awk 'NR==1')
  [ -n "$BENCH_CSRF" ] && [ -n "$BENCH_COOKIE" ] || { echo "sign-in as $user failed: $body" >&2; return 1; }
  export BENCH_COOKIE BENCH_CSRF
  AUTH=(-H "Cookie: $BENCH_COOKIE" -H "X-CSRF-Token: $BENCH_CSRF")
}

# bench_start_server DB DIR [ARGS...]: starts `serve` on a free port, waits until it
# answers, and sets pid and url.
bench_start_server() {
  local db=$1 dir=$2
  shift 2
  "$BIN" serve --db "$db" --listen 127.0.0.1:0 "$@" > "$dir/serve.out" 2> "$dir/serve.err" &
  pid=$!
  url=""
  for _ in $(seq 1 400); do
    url=$(sed -n 's|.*\(http://[0-9.]*:[0-9]*\)/.*|\1|p' "$dir/serve.out" | awk 'NR==1')
    [ -n "$url" ] && curl -sf -o /dev/null "$url/api/v1/plans" && break
    sleep 0.005
  done
}

# bench_page_paths: sets PLANER and EMNER to the server's page paths for plans and items:
# /planer and /emner, or /plans and /items for a build from before the Danish page paths
# (issue 12), so BIN=<an older build> measures the same pages.
bench_page_paths() {
  PLANER=/planer EMNER=/emner
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "$url/planer")" = 404 ]; then PLANER=/plans EMNER=/items; fi
}

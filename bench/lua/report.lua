-- Shared by every wrk script: sends the session cookie and CSRF token when the bench
-- script signed in (bench/lib.sh), and done() prints one machine-readable line per run.
if os.getenv("BENCH_COOKIE") and os.getenv("BENCH_COOKIE") ~= "" then
  wrk.headers["Cookie"] = os.getenv("BENCH_COOKIE")
  wrk.headers["X-CSRF-Token"] = os.getenv("BENCH_CSRF")
end
-- RESULT rps=<req/s> p50=<ms> p99=<ms> max=<ms> n=<requests> non2xx=<count> errors=<socket errors>
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT rps=%.1f p50=%.2f p99=%.2f max=%.2f n=%d non2xx=%d errors=%d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.requests, e.status, e.connect + e.read + e.write + e.timeout))
end

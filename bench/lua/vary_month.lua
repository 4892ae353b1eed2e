-- Reports are cached by the parameters they depend on (unknown ones are ignored), so a
-- new `month` on every request (1,200 months from 2000 on) makes every request a miss:
-- measures building and rendering the report. The URL given to wrk must carry a query.
dofile((os.getenv("BENCH_LUA_DIR") or ".") .. "/report.lua")
local n = 0
request = function()
  local m = n % 1200
  n = n + 1
  return wrk.format("GET", wrk.path .. string.format("&month=%02d-%d", m % 12 + 1, 2000 + math.floor(m / 12)))
end

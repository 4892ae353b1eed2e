-- Each request asks for the URL with a new query string, so the page cache never hits:
-- measures rendering from the database.
dofile((os.getenv("BENCH_LUA_DIR") or ".") .. "/report.lua")
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", wrk.path .. "?n=" .. n)
end

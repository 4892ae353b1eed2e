-- Each request asks for the URL with a new query parameter, so the page cache never
-- hits: measures rendering from the database. Appends with "&" when the URL already
-- has a query string (before: "?committee=BUU?n=1" was a bad filter and a 400).
dofile((os.getenv("BENCH_LUA_DIR") or ".") .. "/report.lua")
local n = 0
local sep = string.find(wrk.path, "?", 1, true) and "&" or "?"
request = function()
  n = n + 1
  return wrk.format("GET", wrk.path .. sep .. "n=" .. n)
end

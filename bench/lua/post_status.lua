-- Write load: POST /api/v1/items/<id>/status-updates cycling through BENCH_ITEM_IDS;
-- each wrk thread stops after BENCH_MAX_REQUESTS responses.
dofile((os.getenv("BENCH_LUA_DIR") or ".") .. "/report.lua")
local ids = {}
for id in string.gmatch(os.getenv("BENCH_ITEM_IDS") or "1", "%d+") do ids[#ids + 1] = id end
local max = tonumber(os.getenv("BENCH_MAX_REQUESTS") or "10000")
local states = { "in_progress", "in_progress", "done", "not_started" }
local lights = { "green", "yellow", "red", "" }
local n, got = 0, 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["If-Match"] = "*"
function request()
  n = n + 1
  local id = ids[(n % #ids) + 1]
  local body = string.format(
    '{"as_of":"31-05-2025","author":"Fagchef %d","status_text":"Statusopdatering nr. %d: arbejdet skrider frem som planlagt, dog med enkelte forsinkelser.","state":"%s","traffic_light":"%s","realised":{"2025":-%d}}',
    n % 40, n, states[(n % 4) + 1], lights[(n % 4) + 1], n % 900)
  return wrk.format("POST", "/api/v1/items/" .. id .. "/status-updates", nil, body)
end
function response(status, headers, body)
  got = got + 1
  if got >= max then wrk.thread:stop() end
end

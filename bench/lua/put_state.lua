-- Write load: PUT /api/v1/items/<id> changing state and status text, cycling through
-- the item ids in BENCH_ITEM_IDS (comma separated) and the four states.
dofile((os.getenv("BENCH_LUA_DIR") or ".") .. "/report.lua")
local ids = {}
for id in string.gmatch(os.getenv("BENCH_ITEM_IDS") or "1", "%d+") do ids[#ids + 1] = id end
local states = { "not_started", "in_progress", "done", "in_progress" }
local n = 0
wrk.method = "PUT"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["If-Match"] = "*"  -- apply to the current revision (see docs/api.md)
function request()
  n = n + 1
  local id = ids[(n % #ids) + 1]
  local body = string.format('{"state":"%s","status_text":"Statusopdatering nr. %d (benchmark)"}', states[(n % 4) + 1], n)
  return wrk.format("PUT", "/api/v1/items/" .. id, nil, body)
end

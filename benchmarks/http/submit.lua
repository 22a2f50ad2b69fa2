-- wrk -s submit.lua: POST /api/mini/tickets as the families of $BENCH_FILE (lines "token body-json"), in turn,
-- each with a fresh Idempotency-Key (benchmarks/http.sh).
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
local families, turn, sent = {}, 0, 0
local run = os.getenv("BENCH_RUN_ID") or "r"
function thread_init()
  for line in io.lines(os.getenv("BENCH_FILE")) do
    local token, body = line:match("^(%S+) (.+)$")
    table.insert(families, {token = token, body = body})
  end
  turn = thread_index
end
function next_request()
  local f = families[(turn % #families) + 1]
  turn = turn + 1
  sent = sent + 1
  return wrk.format("POST", "/api/mini/tickets", {["Authorization"] = "Bearer " .. f.token,
    ["Content-Type"] = "application/json", ["Idempotency-Key"] = run .. "-" .. thread_index .. "-" .. sent}, f.body)
end

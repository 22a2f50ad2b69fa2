-- wrk -s get.lua: GET $BENCH_PATH with "Authorization: Bearer $BENCH_TOKEN" when set, or with the tokens of
-- $BENCH_FILE (one a line) in turn (benchmarks/http.sh)
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
local path = os.getenv("BENCH_PATH")
local requests, turn = {}, 0
function thread_init()
  local file = os.getenv("BENCH_FILE")
  local token = os.getenv("BENCH_TOKEN")
  if file and file ~= "" then
    for line in io.lines(file) do
      table.insert(requests, wrk.format("GET", path, {["Authorization"] = "Bearer " .. line}))
    end
  elseif token and token ~= "" then
    requests[1] = wrk.format("GET", path, {["Authorization"] = "Bearer " .. token})
  else
    requests[1] = wrk.format("GET", path)
  end
  turn = thread_index
end
function next_request()
  turn = turn + 1
  return requests[(turn % #requests) + 1]
end

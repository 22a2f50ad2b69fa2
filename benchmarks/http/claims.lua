-- wrk -s claims.lua: POST /api/mini/volunteer/tasks/{id}/claim for each line "taskId token" of $BENCH_FILE
-- (benchmarks/http.sh). Thread k of n takes lines k, k+n, k+2n ...: the contenders of a task sit next to each
-- other in the file, so they leave from different connections at the same moment and race.
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
local list, next_index = {}, 1
counters = {won = 0, lost = 0, too_many = 0, other = 0}
function thread_init()
  local n, k, i = tonumber(os.getenv("BENCH_THREADS")), thread_index, 0
  for line in io.lines(os.getenv("BENCH_FILE")) do
    if i % n == k then
      local task, token = line:match("^(%d+) (%S+)$")
      table.insert(list, wrk.format("POST", "/api/mini/volunteer/tasks/" .. task .. "/claim",
        {["Authorization"] = "Bearer " .. token, ["Content-Length"] = "0"}))
    end
    i = i + 1
  end
  done_after = #list
end
function remaining() return #list - next_index + 1 end
function next_request()
  local r = list[next_index]
  next_index = next_index + 1
  return r
end
function on_response(status, body)
  if status == 200 then counters.won = counters.won + 1
  elseif status == 409 and body and body:find("TOO_MANY_ACTIVE_TASKS", 1, true) then counters.too_many = counters.too_many + 1
  elseif status == 409 then counters.lost = counters.lost + 1
  else
    counters.other = counters.other + 1
    -- what else came back, kept for the reader of the run in $BENCH_WORK/claims-other.txt
    local log = io.open((os.getenv("BENCH_WORK") or "/tmp") .. "/claims-other.txt", "a")
    if log then log:write(status, " ", body or "", "\n"); log:close() end
  end
end

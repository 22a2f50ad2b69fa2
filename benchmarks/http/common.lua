-- Shared by the wrk scripts of benchmarks/http.sh (loaded with dofile). A script defines
-- next_request() -> request string or nil when its list is used up, and may define on_response(status, body).
--
-- Latency is measured here, not by wrk: from the moment a request was due to its response. Closed loop
-- (BENCH_RATE unset) a request is due when it is sent. Open loop (BENCH_RATE = offered requests/s over
-- all connections; run with one connection per wrk thread) each connection has its own schedule of
-- arrivals at rate/connections, and a request that leaves late because the previous answer came late
-- still counts from its due time (as wrk2 does: no coordinated omission).
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clk, bench_timespec *ts);
]]
local ts = ffi.new("bench_timespec")
function now_us()
  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) * 1000000 + tonumber(ts.tv_nsec) / 1000
end

local threads = {}
local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("thread_index", thread_count - 1)
  table.insert(threads, thread)
end

-- per thread state
hist = {}       -- log buckets of latency: floor(ln(us) * 100), about 1 % wide
statuses = {}   -- status -> count
answered = 0
first_due = nil
last_done = nil
local interval_us = nil
local due = nil
local exhausted = false

function init(args)
  local rate = tonumber(os.getenv("BENCH_RATE") or "")
  local connections = tonumber(os.getenv("BENCH_CONNECTIONS") or "")
  if rate and rate > 0 then
    interval_us = 1000000 * connections / rate
  end
  if thread_init then thread_init() end
end

function request()
  local r = next_request()
  if r == nil then
    exhausted = true
    -- nothing left for this connection: a harmless request that is never sent (delay keeps it back)
    return wrk.format("GET", "/__idle")
  end
  local now = now_us()
  if interval_us then
    if due == nil then due = now end
  else
    due = now
  end
  if first_due == nil then first_due = due end
  return r
end

function delay()
  -- wrk calls delay() after response() and before request() for the next request of a connection: a used-up list
  -- keeps it back here. response() has already moved `due` on to the next request's due time, so the wait is until
  -- `due` itself (waiting for due + interval, as this did until 2026-12-07, sent every request one interval late
  -- while its latency still counted from its due time: every open-loop latency read one interval too long)
  if exhausted or (remaining and remaining() == 0) then return 600000 end
  if interval_us == nil or due == nil then return 0 end
  local wait = (due - now_us()) / 1000
  return wait > 0 and math.floor(wait) or 0
end

function response(status, headers, body)
  -- the idle request of a used-up list does leave when another connection of the thread took the last entry
  -- between this one's delay() and request(): its 404 is no answer to count (counted, it ended the thread before
  -- the last real answers arrived, and the claims check saw winners without their 200)
  if exhausted and status == 404 and body and body:find('"code":"NOT_FOUND"', 1, true) then return end
  local now = now_us()
  local us = now - due
  if us < 1 then us = 1 end
  local b = math.floor(math.log(us) * 100)
  hist[b] = (hist[b] or 0) + 1
  statuses[status] = (statuses[status] or 0) + 1
  answered = answered + 1
  last_done = now
  if on_response then on_response(status, body) end
  if interval_us then due = due + interval_us end
  if done_after and answered >= done_after then
    -- wrk itself runs for its -d: tell benchmarks/http.sh this thread is through (it then stops wrk with SIGINT)
    local marker = io.open(os.getenv("BENCH_DONE_DIR") .. "/" .. thread_index, "w")
    marker:close()
    done_after = nil
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  local merged, total, by_status, t0, t1 = {}, 0, {}, nil, nil
  local extra = {}
  for _, thread in ipairs(threads) do
    for b, n in pairs(thread:get("hist")) do merged[b] = (merged[b] or 0) + n; total = total + n end
    for s, n in pairs(thread:get("statuses")) do by_status[s] = (by_status[s] or 0) + n end
    local f, l = thread:get("first_due"), thread:get("last_done")
    if f and (t0 == nil or f < t0) then t0 = f end
    if l and (t1 == nil or l > t1) then t1 = l end
    local x = thread:get("counters")
    if x then for k, n in pairs(x) do extra[k] = (extra[k] or 0) + n end end
  end
  local keys = {}
  for b in pairs(merged) do table.insert(keys, b) end
  table.sort(keys)
  local function pct(p)
    local want, seen = math.ceil(total * p), 0
    for _, b in ipairs(keys) do
      seen = seen + merged[b]
      if seen >= want then return math.exp((b + 0.5) / 100) / 1000 end
    end
    return 0
  end
  local parts = {}
  for s, n in pairs(by_status) do table.insert(parts, s .. ":" .. n) end
  for k, n in pairs(extra) do table.insert(parts, k .. ":" .. n) end
  local seconds = (t0 and t1) and (t1 - t0) / 1e6 or summary.duration / 1e6
  local p50, p90, p99, p999, max
  if (tonumber(os.getenv("BENCH_RATE") or "") or 0) > 0 then
    p50, p90, p99, p999 = pct(0.5), pct(0.9), pct(0.99), pct(0.999)
    max = total > 0 and math.exp((keys[#keys] + 1) / 100) / 1000 or 0
  else
    -- closed loop, several connections a thread: wrk's own figures (per connection, send to answer)
    p50, p90, p99, p999 = latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
      latency:percentile(99.9) / 1000
    max = latency.max / 1000
  end
  io.write(string.format("RESULT answered=%d seconds=%.3f p50=%.3f p90=%.3f p99=%.3f p999=%.3f max=%.3f socket_errors=%d statuses=%s\n",
    total, seconds, p50, p90, p99, p999, max,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, table.concat(parts, ",")))
end

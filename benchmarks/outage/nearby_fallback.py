"""The volunteers' board answered by the database (issue 16): 100,000 open tasks in a database of the run's
own, the packaged jar in the production profile with a redis-server of its own, volunteers signed in while
Redis is up, then Redis killed, so that every GET /api/mini/volunteer/tasks/nearby takes the database
fallback; wrk drives it from outside. Target: p99 <= 100 ms. Run through benchmarks/nearby-fallback.sh."""

import os
import random
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import qn  # noqa: E402
import seed  # noqa: E402

JAR = os.environ["QN_JAR"]
WORK = os.environ.get("QN_BENCH_WORK", "/tmp/qn-nearby-fallback")
APP_PORT = int(os.environ.get("NEARBY_APP_PORT", "20130"))
REDIS_PORT = int(os.environ.get("NEARBY_REDIS_PORT", "20131"))
DB = os.environ.get("NEARBY_DB", "qingnuan_bench_nearby")
DB_HOST = os.environ.get("QN_BENCH_DB_HOST", "127.0.0.1")
DB_PORT = int(os.environ.get("QN_BENCH_DB_PORT", "3306"))
DB_USER = os.environ.get("QN_BENCH_DB_USER", "root")
DB_PASSWORD = os.environ.get("QN_BENCH_DB_PASSWORD", "")
TASKS = int(os.environ.get("NEARBY_TASKS", "100000"))
VOLUNTEERS = int(os.environ.get("NEARBY_VOLUNTEERS", "200"))
DURATION = os.environ.get("WRK_DURATION", "30s")
CONNECTIONS = os.environ.get("WRK_CONNECTIONS", "4")
THREADS = os.environ.get("WRK_THREADS", "2")

LUA = r"""
local tokens = {}
for line in io.lines(os.getenv("NEARBY_TOKENS")) do tokens[#tokens + 1] = line end
local i = 0
local statuses = {}
request = function()
  i = i + 1
  return wrk.format("GET", "/api/mini/volunteer/tasks/nearby", {["Authorization"] = "Bearer " .. tokens[(i % #tokens) + 1]})
end
response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end
done = function(summary, latency, requests)
  io.write(string.format("wrk: %d requests, %d socket errors (connect %d, read %d, timeout %d), non-2xx %d\n",
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.connect, summary.errors.read, summary.errors.timeout, summary.errors.status))
  for _, p in ipairs({50, 90, 99, 99.9}) do
    io.write(string.format("latency p%s: %.1f ms\n", p, latency:percentile(p) / 1000))
  end
  io.write(string.format("latency max: %.1f ms, mean %.1f ms\n", latency.max / 1000, latency.mean / 1000))
end
"""


def main():
    os.makedirs(WORK, exist_ok=True)
    rnd = random.Random(42)
    keys = qn.Keys()
    admin = qn.Sql(DB_HOST, DB_PORT, DB_USER, DB_PASSWORD, DB)
    admin.run("DROP DATABASE IF EXISTS %s; CREATE DATABASE %s CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;" % (DB, DB), database=False)
    for port in (APP_PORT, REDIS_PORT):
        if not qn.free(port):
            sys.exit("port %d is taken" % port)
    redis = qn.start_redis(REDIS_PORT, os.path.join(WORK, "redis"), persist=False)
    app = None
    try:
        env = keys.env()
        env.update({"QN_DB_URL": "jdbc:mariadb://%s:%d/%s" % (DB_HOST, DB_PORT, DB), "QN_DB_USERNAME": DB_USER,
                    "QN_DB_PASSWORD": DB_PASSWORD, "QN_REDIS_PORT": str(REDIS_PORT), "QN_PUBLIC_BASE_URL": "https://qingnuan.bench"})
        started = time.time()
        app = qn.start_app(JAR, APP_PORT, env, os.path.join(WORK, "app.log"), ["--qingnuan.ticket.index-check=1h"])
        print("application ready in %.0f s (prod profile, port %d, Redis %d, database %s)" % (time.time() - started, APP_PORT, REDIS_PORT, DB))
        org_id = seed.org(admin)
        seconds = seed.open_tasks(admin, keys, org_id, TASKS, rnd)
        print("seeded %d open tasks over Guangdong (half around four cities, sigma 0.15 deg) in %.0f s" % (TASKS, seconds))
        admin.run("ANALYZE TABLE help_ticket;")
        signed_in = seed.volunteers(admin, keys, org_id, VOLUNTEERS, rnd, REDIS_PORT, "nb")
        print("%d volunteers (1-3 skills, radius 5-20 km, at random points of the same distribution), signed in" % VOLUNTEERS)
        tokens_file = os.path.join(WORK, "tokens.txt")
        with open(tokens_file, "w") as f:
            for token, _ in signed_in:
                f.write(token + "\n")
        # each session is checked once with Redis up (this instance keeps a copy, as it would for users active
        # before an outage)
        for token, _ in signed_in:
            status, body, _ = qn.http("GET", "http://127.0.0.1:%d/api/mini/volunteer/tasks/nearby" % APP_PORT, token)
            if status != 200:
                sys.exit("nearby answered %s before the kill: %s" % (status, body))
        redis.send_signal(signal.SIGKILL)
        redis.wait()
        status, body, elapsed = qn.http("GET", "http://127.0.0.1:%d/api/mini/volunteer/tasks/nearby" % APP_PORT, signed_in[0][0])
        print("Redis killed; first board request: %s in %.0f ms (%d tasks listed)" % (status, elapsed * 1000, len(body or [])))
        counts = []
        for token, _ in signed_in[:50]:
            status, body, _ = qn.http("GET", "http://127.0.0.1:%d/api/mini/volunteer/tasks/nearby" % APP_PORT, token)
            counts.append(len(body) if status == 200 and isinstance(body, list) else -1)
        print("tasks listed per volunteer from the database (first 50): min %d, median %d, max %d"
              % (min(counts), sorted(counts)[len(counts) // 2], max(counts)))
        lua = os.path.join(WORK, "nearby.lua")
        with open(lua, "w") as f:
            f.write(LUA)
        load = open("/proc/loadavg").read().split()[:3]
        print("machine load before wrk: %s (%d cores)" % (" ".join(load), os.cpu_count()))
        print("wrk -t%s -c%s -d%s (database fallback, Redis down)" % (THREADS, CONNECTIONS, DURATION))
        sys.stdout.flush()
        subprocess.run(["wrk", "-t" + THREADS, "-c" + CONNECTIONS, "-d" + DURATION, "--timeout", "10s", "-s", lua,
                        "http://127.0.0.1:%d" % APP_PORT], env=dict(os.environ, NEARBY_TOKENS=tokens_file), check=True)
        load = open("/proc/loadavg").read().split()[:3]
        print("machine load after wrk: %s" % " ".join(load))
        # the query alone, in one client session: the dense case (Guangzhou's centre, the three categories of
        # SHOPPING) with the first 2 km box the fallback tries, and with a whole 20 km box
        for km in (2, 20):
            d_lat, d_lng = km / 111.0, km / (111.0 * 0.9197)
            one = ("SELECT id, latitude, longitude FROM help_ticket WHERE status = 'OPEN' AND category IN"
                   " ('SUPPLIES','DAILY_LIVING','MEALS') AND latitude BETWEEN %.6f AND %.6f AND longitude BETWEEN %.6f AND %.6f"
                   " ORDER BY (latitude - 23.13) * (latitude - 23.13) + (longitude - 113.26) * (longitude - 113.26) * 0.8459"
                   " LIMIT 200;" % (23.13 - d_lat, 23.13 + d_lat, 113.26 - d_lng, 113.26 + d_lng))
            started = time.time()
            admin.run(one * 100)
            per = (time.time() - started) / 100 * 1000
            rows = admin.run("EXPLAIN " + one)[0][8]
            print("fallback query, %2d km box at Guangzhou: %.1f ms each over 100 runs (client included), EXPLAIN rows %s"
                  % (km, per, rows))
        explain = admin.run("EXPLAIN SELECT id, latitude, longitude FROM help_ticket WHERE status = 'OPEN'"
                            " AND category IN ('SUPPLIES','DAILY_LIVING','MEALS') AND latitude BETWEEN 22.95 AND 23.31"
                            " AND longitude BETWEEN 113.06 AND 113.46 ORDER BY (latitude - 23.13) * (latitude - 23.13)"
                            " + (longitude - 113.26) * (longitude - 113.26) * 0.846 LIMIT 200")
        for row in explain:
            print("EXPLAIN: " + " | ".join(row))
    finally:
        if app:
            app.terminate()
            app.wait(30)
        if redis.poll() is None:
            redis.kill()
        if os.environ.get("NEARBY_KEEP_DB") != "1":
            admin.run("DROP DATABASE IF EXISTS %s;" % DB, database=False, check=False)


if __name__ == "__main__":
    main()

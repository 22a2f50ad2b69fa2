#!/usr/bin/env bash
# Help-request submission benchmark (issue #4; not part of CI).
# Starts the real application in-process (profile prod, random port) on the local MariaDB and Redis,
# with the WeChat and OSS stubs of the integration tests; sets up a city, a district, a hospital and
# one family per client through the admin API; signs each client in through the mini-program API
# and binds its family phone; then, after a warm-up, the clients submit help requests
# (POST /api/mini/tickets, fresh Idempotency-Key each) in closed loops. Prints requests/s and
# p50/p90/p99/max, and the floor measured in the same run: plain JDBC autocommit INSERTs of a row of
# the same size into a copy of help_ticket, same count, same number of threads.
# Targets (issue #4): ratio app req/s / floor rows/s >= 0.4, p99 < 50 ms at 32 clients.
#
# Uses (and drops at start and end) the MariaDB database QN_BENCH_DB (qingnuan_bench) and flushes
# Redis database QN_BENCH_REDIS_DATABASE (10). Settings, from the environment (defaults in brackets):
#   QN_BENCH_CLIENTS [32]           concurrent clients, one signed-in family each
#   QN_BENCH_WARMUP_REQUESTS [10000] warm-up submissions ...
#   QN_BENCH_WARMUP_SECONDS [180]   ... or this many seconds, whichever ends first (at ~40 req/s the JIT
#                                   is still compiling after 60 s: 8 ms of JIT per request; ~1.4 ms after 180 s)
#   QN_BENCH_REQUESTS [20000]       measured submissions, and rows of each floor run ...
#   QN_BENCH_MAX_SECONDS [60]       ... or this many seconds per measured run, whichever ends first
#   QN_BENCH_SAMPLE_SECONDS [10]    extra phase with a wall-clock sampler of the request threads (0: none)
#   QN_BENCH_DB_HOST/PORT/USER/PASSWORD [QN_TEST_DB_*, else 127.0.0.1 3306 root, no password]
#   QN_BENCH_REDIS_HOST/PORT [127.0.0.1 6379]
#   QN_DB_POOL_SIZE [20]            the application's Hikari pool, as in prod
#   BENCH_JVM_ARGS [-Xms1g -Xmx1g]  MVN_ARGS [none; e.g. -o]
#   QN_BENCH_WHATIF_PARSER [unset]  experiment, not the app as shipped: "caller" parses SQL on the calling
#                                   thread, N on a pool of N threads (MyBatis-Plus's default: (cores + 1) / 2)
# Takes about 5 minutes on 2 cores. Exits non-zero only when the benchmark fails, not when a target is missed.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "Machine: $(nproc) cores, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
java -version 2>&1 | sed 's/^/  /'
# shellcheck disable=SC2086
exec mvn -B -ntp -q ${MVN_ARGS:-} -Pbench -pl backend -am process-test-classes \
  -Dskip.npm=true -Dskip.npm.test=true -Dskip.e2e=true \
  -Dstyle.color=never "-Dbench.jvm.args=${BENCH_JVM_ARGS:--Xms1g -Xmx1g}"

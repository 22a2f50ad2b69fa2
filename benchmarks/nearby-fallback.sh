#!/usr/bin/env bash
# Issue 16: the volunteers' board from the database while Redis is down, at 100,000 open tasks (not in CI).
# Seeds its own database (NEARBY_DB, default qingnuan_bench_nearby, on the MariaDB of QN_BENCH_DB_HOST/PORT/
# USER/PASSWORD, default 127.0.0.1:3306 root), starts its own redis-server (NEARBY_REDIS_PORT, 20131) and the
# jar in the production profile (NEARBY_APP_PORT, 20130), signs NEARBY_VOLUNTEERS (200) volunteers in, kills
# Redis, and drives GET /api/mini/volunteer/tasks/nearby with wrk (WRK_THREADS 2, WRK_CONNECTIONS 4,
# WRK_DURATION 30s). Target: p99 <= 100 ms. Needs mariadb (client), redis-server, wrk, java 17, python3 with
# the cryptography package. QN_JAR=<jar> uses a jar already built; otherwise it is packaged in a copy of the
# work tree under QN_BENCH_WORK (default /tmp/qn-nearby-fallback; outage/build-jar.sh).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
work=${QN_BENCH_WORK:-/tmp/qn-nearby-fallback}
# shellcheck source=outage/build-jar.sh
. "$here/benchmarks/outage/build-jar.sh"
export QN_BENCH_WORK="$work"
exec python3 "$here/benchmarks/outage/nearby_fallback.py"

#!/usr/bin/env bash
# Issue 16: the volunteers' board from the database while Redis is down, at 100,000 open tasks (not in CI).
# Seeds its own database (NEARBY_DB, default qingnuan_bench_nearby, on the MariaDB of QN_BENCH_DB_HOST/PORT/
# USER/PASSWORD, default 127.0.0.1:3306 root), starts its own redis-server (NEARBY_REDIS_PORT, 20131) and the
# jar in the production profile (NEARBY_APP_PORT, 20130), signs NEARBY_VOLUNTEERS (200) volunteers in, kills
# Redis, and drives GET /api/mini/volunteer/tasks/nearby with wrk (WRK_THREADS 2, WRK_CONNECTIONS 4,
# WRK_DURATION 30s). Target: p99 <= 100 ms. Needs mariadb (client), redis-server, wrk, java 17, python3 with
# the cryptography package. QN_JAR=<jar> uses a jar already built; otherwise the work tree is copied to
# QN_BENCH_WORK/src (default /tmp/qn-nearby-fallback) and packaged there, so that target/ here is untouched.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
work=${QN_BENCH_WORK:-/tmp/qn-nearby-fallback}
echo "Source: $(git -C "$here" log -1 --format='%h %s' 2>/dev/null | cut -c1-100 || true)"
if [ -z "${QN_JAR:-}" ]; then
  mkdir -p "$work"
  rsync -a --delete --exclude target --exclude node_modules --exclude .git --exclude 'admin-web/dist' "$here/" "$work/src/"
  (cd "$work/src" && mvn -B -ntp ${MVN_OFFLINE--o} -q -pl miniprogram-api,admin-web,miniprogram,backend -DskipTests \
      -Dskip.npm=true -Dskip.npm.test=true -Dskip.e2e=true package)
  export QN_JAR="$work/src/backend/target/qingnuan.jar"
fi
export QN_BENCH_WORK="$work"
exec python3 "$here/benchmarks/outage/nearby_fallback.py"

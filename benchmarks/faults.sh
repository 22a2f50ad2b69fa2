#!/usr/bin/env bash
# Issue 16 fault run (not in CI; a few minutes): the jar in the production profile on a mariadbd of its own
# (mariadb-install-db into QN_FAULTS_WORK/db, port FAULTS_DB_PORT 20141) and a redis-server of its own
# (append-only, FAULTS_REDIS_PORT 20142), app on FAULTS_APP_PORT 20140. A mixed load (families submit with an
# Idempotency-Key and retry with it, staff accept and publish, two volunteers press for each task) runs while
# Redis is killed for FAULTS_REDIS_DOWN (30) s and started again, MariaDB is restarted, then killed -9 and
# started again (FAULTS_CALM, 20 s, between faults). Prints acknowledged writes vs rows found, duplicates,
# answers by phase and status, the slowest failure, and the seconds to recover. docs/reliability.md has a run.
# Needs mariadbd, mariadb-install-db, redis-server, java 17, python3 with cryptography. QN_JAR=<jar> uses a
# jar already built; otherwise the work tree is packaged in a copy (QN_BENCH_WORK, /tmp/qn-faults-build).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
work=${QN_BENCH_WORK:-/tmp/qn-faults-build}
echo "Source: $(git -C "$here" log -1 --format='%h %s' 2>/dev/null | cut -c1-100 || true)"
if [ -z "${QN_JAR:-}" ]; then
  mkdir -p "$work"
  rsync -a --delete --exclude target --exclude node_modules --exclude .git --exclude 'admin-web/dist' "$here/" "$work/src/"
  (cd "$work/src" && mvn -B -ntp ${MVN_OFFLINE--o} -q -pl miniprogram-api,admin-web,miniprogram,backend -DskipTests \
      -Dskip.npm=true -Dskip.npm.test=true -Dskip.e2e=true package)
  export QN_JAR="$work/src/backend/target/qingnuan.jar"
fi
exec python3 "$here/benchmarks/outage/faults.py"

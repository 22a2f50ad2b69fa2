#!/usr/bin/env bash
# Issue 16 fault run (not in CI; a few minutes): the jar in the production profile on a mariadbd of its own
# (mariadb-install-db into QN_FAULTS_WORK/db, port FAULTS_DB_PORT 20141) and a redis-server of its own
# (append-only, FAULTS_REDIS_PORT 20142), app on FAULTS_APP_PORT 20140. A mixed load (families submit with an
# Idempotency-Key and retry with it, staff accept and publish, two volunteers press for each task) runs while
# Redis is killed for FAULTS_REDIS_DOWN (30) s and started again, MariaDB is restarted, then killed -9 and
# started again (FAULTS_CALM, 20 s, between faults). Prints acknowledged writes vs rows found, duplicates,
# answers by phase and status, the slowest failure, and the seconds to recover. docs/reliability.md has a run.
# Needs mariadbd, mariadb-install-db, redis-server, java 17, python3 with cryptography. QN_JAR=<jar> uses a
# jar already built; otherwise it is packaged in a copy (QN_BENCH_WORK, /tmp/qn-faults-build; outage/build-jar.sh).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
work=${QN_BENCH_WORK:-/tmp/qn-faults-build}
# shellcheck source=outage/build-jar.sh
. "$here/benchmarks/outage/build-jar.sh"
exec python3 "$here/benchmarks/outage/faults.py"

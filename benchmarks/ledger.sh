#!/usr/bin/env bash
# Issue #6 daily ledger benchmark (not part of CI): today's ledger for a province holding 1,000,000 requests over 60 days,
# and for one of its cities, in-process and over HTTP, with a bare COUNT(*) floor measured in the same run.
# Targets: 200 ms (province) and 50 ms (city).
#
# Needs MariaDB (root, empty password by default) and Redis on this machine. It drops and creates the
# database qingnuan_bench_ledger and empties Redis database 10 (QN_BENCH_DB_* / QN_BENCH_REDIS_* to change).
# Builds in a private copy of the work tree (QN_BENCH_WORK, default /tmp/qn-bench-ledger) so that a
# shared target/ is never clobbered; then runs org.qingnuan.bench.ledger.LedgerBenchmark on the test
# classpath (the bench profile). Parameters go through the environment: LEDGER_TICKETS (1000000), LEDGER_DAYS (60), LEDGER_CITIES (8),
# LEDGER_DISTRICTS (6), LEDGER_CALLS (40), LEDGER_WARMUP (5). Filling the database takes a few minutes.
# MVN_OFFLINE=-o (default) builds from the local repository only; set it empty to let Maven download.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
work=${QN_BENCH_WORK:-/tmp/qn-bench-ledger}
commit=$(git -C "$here" log -1 --format='%h %s' 2>/dev/null | cut -c1-100 || true)
if [ -n "$(git --no-optional-locks -C "$here" status --porcelain 2>/dev/null || true)" ]; then commit="$commit (+ uncommitted changes)"; fi
echo "Source: ${commit:-not a git checkout} ($here)"
offline=${MVN_OFFLINE--o}
mkdir -p "$work"
rsync -a --delete --exclude target --exclude node_modules --exclude .git --exclude 'admin-web/dist' "$here/" "$work/src/"
cd "$work/src"
echo "Machine: $(nproc) cores, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
# the bench profile of backend/pom.xml runs the main class on the test class path, in a JVM of its own
# shellcheck disable=SC2086
exec mvn -B -ntp $offline -q -Pbench -pl backend -am process-test-classes \
  -Dskip.npm=true -Dskip.npm.test=true -Dskip.e2e=true -Dstyle.color=never \
  -Dbench.main=org.qingnuan.bench.ledger.LedgerBenchmark "-Dbench.jvm.args=${BENCH_JVM_ARGS:--Xms1g -Xmx2g}"

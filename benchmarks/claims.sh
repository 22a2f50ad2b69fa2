#!/usr/bin/env bash
# Issue #5 claim benchmark (not part of CI): an HTTP claim race on the real MariaDB against a plain-JDBC
# conditional UPDATE measured in the same run, and the nearby-tasks query with 100,000 open tasks.
# Targets: ratio app/floor >= 0.5 and claim p99 < 50 ms at 64 clients; nearby p99 < 20 ms.
#
# Needs MariaDB (root, empty password by default) and Redis on this machine. It drops and creates the
# database qingnuan_bench2 and empties Redis database 9 (QN_BENCH_DB_* / QN_BENCH_REDIS_* to change).
# Builds in a private copy of the work tree (QN_BENCH_WORK, default /tmp/qn-bench-claims) so that a
# shared target/ is never clobbered; then runs org.qingnuan.bench.claims.ClaimBenchmark on the test
# classpath. Parameters go through the environment: CLAIM_VOLUNTEERS (640), CLAIM_CLIENTS (64),
# CLAIM_CONTENDERS (8), CLAIM_ROUNDS (4), CLAIM_WARMUP_ROUNDS (3), NEARBY_TASKS (100000), NEARBY_REQUESTS (2000), NEARBY_CLIENTS (16),
# NEARBY_FALLBACK_REQUESTS (40); BENCH_JFR=<file> records the measured claim rounds (JDK Flight Recorder).
# MVN_OFFLINE=-o (default) builds from the local repository only; set it empty to let Maven download.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
work=${QN_BENCH_WORK:-/tmp/qn-bench-claims}
commit=$(git -C "$here" log -1 --format='%h %s' 2>/dev/null | cut -c1-100 || true)
if [ -n "$(git --no-optional-locks -C "$here" status --porcelain 2>/dev/null || true)" ]; then commit="$commit (+ uncommitted changes)"; fi
echo "Source: ${commit:-not a git checkout} ($here)"
offline=${MVN_OFFLINE--o}
mkdir -p "$work"
rsync -a --delete --exclude target --exclude node_modules --exclude .git --exclude 'admin-web/dist' "$here/" "$work/src/"
cd "$work/src"
echo "Building test classes in $work/src ..."
# one Maven call, so that miniprogram-api resolves to its freshly compiled classes; dependency plugin 2.8
# because it resolves offline from what the build already downloaded
# shellcheck disable=SC2086
mvn -B -ntp $offline -q -pl backend -am -DskipTests -Dskip.npm=true -Dskip.npm.test=true -Dskip.e2e=true \
  test-compile org.apache.maven.plugins:maven-dependency-plugin:2.8:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt"
# the reactor puts admin-web/pom.xml on the classpath (a build-order-only dependency): leave it out
cp="$work/src/backend/target/test-classes:$work/src/backend/target/classes:$(tr ':' '\n' < "$work/cp.txt" | grep -v '\.pom$\|/pom\.xml$' | paste -sd:)"
mkdir -p "$work/run"
cd "$work/run" # the test logback configuration writes target/test-logs/ under the working directory
# shellcheck disable=SC2086
exec java ${BENCH_JAVA_OPTS:--Xms1g -Xmx2g} -cp "$cp" org.qingnuan.bench.claims.ClaimBenchmark

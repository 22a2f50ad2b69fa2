#!/usr/bin/env bash
# Issue 19 — run: benchmarks/http.sh   (25-35 minutes; BENCH_SECTIONS=G for the GETs alone, ~6 minutes)
# The application measured from outside, as a load test would: wrk (Debian package `wrk`) with the Lua scripts of
# benchmarks/http/ drives the application jar in its own JVM (profile prod, default JIT, its own MariaDB database
# qingnuan_perf, its own redis-server) and, in the same run, a bare Spring Boot JSON endpoint (benchmarks/bare-json,
# same JDK); the JDBC floors (conditional UPDATE, INSERT) run in the driver's JVM. Every figure is printed with its
# ratio. Exits 1 only on a wrong result (two winners for a task, a 201 without its row), never on a missed target.
# Settings (environment): BENCH_SECTIONS (GCSN), BENCH_ROUNDS (3), BENCH_SECONDS (12), BENCH_WARMUP_SECONDS (10),
# BENCH_HOLD=<file> (set up, write ports and tokens to <file>, then wait: profiling by hand; BENCH_HOLD_AT=end: after the sections), BENCH_THREADS/BENCH_CONNECTIONS (2/64), BENCH_OPEN_CONNECTIONS (16), BENCH_VOLUNTEERS (1280), BENCH_CLAIM_WARMUPS (2), BENCH_SUBMIT_WARMUPS (1) (at least; more until the JIT compiler threads take under BENCH_JIT_SETTLED (0.05) of the JVM's CPU in a warm-up, at most BENCH_WARMUP_MAX (16)), BENCH_FAMILIES (64),
# BENCH_NEARBY_TASKS (100000), BENCH_NEARBY_CLIENTS (16), BENCH_PORT_BASE (20600: app +1, reference +2, management ports +4/+5, redis +10,
# stubs +20/+21, a baseline build +3), BENCH_DB_* , BENCH_DB_BUFFER_POOL_MB (2048: MariaDB's buffer pool for the run, as deployed, put back at the end; 0 leaves it), BENCH_FLOOR_TASKS_FACTOR (4: claim rounds' worth of tasks per conditional-UPDATE floor round), BENCH_FLOOR_SERVER_PREPARED (true: the floors' JDBC as the application's, decision 332; false: the driver's text protocol, as before 2026-12-07 23:30), BENCH_APP_JAR=<jar> (another build measured in place of this tree's, with BENCH_SKIP_BUILD=1: an A/B of whole sections), BENCH_BASELINE_JAR=<jar> (another build measured in the G rounds,
# e.g. before a change), BENCH_JVM_OPTS (all JVMs under test), BENCH_APP_ARGS (what-ifs), BENCH_JFR=<file> (records the
# application's JVM only), MVN_OFFLINE=-o (default) to build from the local repository only, BENCH_SKIP_BUILD=1 to
# run what the last build left in $BENCH_WORK.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
work=${BENCH_WORK:-/tmp/qn-bench-http}
offline=${MVN_OFFLINE--o}
commit=$(git -C "$here" log -1 --format='%h %s' 2>/dev/null | cut -c1-100 || true)
if [ -n "$(git --no-optional-locks -C "$here" status --porcelain 2>/dev/null || true)" ]; then commit="$commit (+ uncommitted changes)"; fi
echo "Source: ${commit:-not a git checkout} ($here)"
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 2; }
mkdir -p "$work"
if [ "${BENCH_SKIP_BUILD:-}" != 1 ]; then
# a private copy of the tree, so a shared target/ is never clobbered
rsync -a --delete --exclude target --exclude node_modules --exclude .git --exclude 'admin-web/dist' "$here/" "$work/src/"
cd "$work/src"
echo "Building the application jar, the test classes and the reference in $work/src ..."
# shellcheck disable=SC2086
build() {
  mvn -B -ntp "$@" -q -pl backend -am -DskipTests -Dskip.npm=true -Dskip.npm.test=true -Dskip.e2e=true \
    package org.apache.maven.plugins:maven-dependency-plugin:2.8:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt"
}
# offline first; a fresh machine's local repository may lack the dependency plugin's own dependencies
build ${offline:+"$offline"} || { echo "offline build failed: trying again with Maven Central"; build; }
# shellcheck disable=SC2086
(cd benchmarks/bare-json && mvn -B -ntp $offline -q -DskipTests package)
fi
cd "$work/src"
cp="$work/src/backend/target/test-classes:$work/src/backend/target/classes:$(tr ':' '\n' < "$work/cp.txt" | grep -v '\.pom$\|/pom\.xml$' | paste -sd:)"
export BENCH_WORK="$work/run" BENCH_APP_JAR="${BENCH_APP_JAR:-$work/src/backend/target/qingnuan.jar}" \
  BENCH_BARE_JAR="$work/src/benchmarks/bare-json/target/bare-json.jar" BENCH_LUA_DIR="$work/src/benchmarks/http"
mkdir -p "$BENCH_WORK"
cd "$BENCH_WORK"
exec java -Xms256m -Xmx1g -cp "$cp" org.qingnuan.bench.http.HttpBenchmark

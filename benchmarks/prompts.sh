#!/usr/bin/env bash
# Issue #7 prompt fan-out benchmark (not part of CI): the daily prompt for 10,000 deployed teams, each with
# one bound follower, sent against a stub of WeChat, with one and two application instances; checks that
# every follower got exactly one template message. Target: all sent within 60 s.
#
# Needs MariaDB (root, empty password by default) and Redis on this machine. It drops and creates the
# database qingnuan_bench2 and empties Redis database 9 (QN_BENCH_DB_* / QN_BENCH_REDIS_* to change).
# Builds in a private copy of the work tree (QN_BENCH_WORK, default /tmp/qn-bench-prompts) so that a
# shared target/ is never clobbered; then runs org.qingnuan.bench.prompts.PromptBenchmark on the test
# classpath. Parameters go through the environment: PROMPT_TEAMS (10000), PROMPT_TESTS_STUB_TEAMS (600),
# PROMPT_LATENCY_MS (20), PROMPT_LATENCY_TEAMS (2000), PROMPT_STALE_TEAMS (600), PROMPT_STALE_AFTER_MS (3000),
# PROMPT_STALE_STAGGER_MS (4000).
# MVN_OFFLINE=-o (default) builds from the local repository only; set it empty to let Maven download.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
work=${QN_BENCH_WORK:-/tmp/qn-bench-prompts}
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
exec java ${BENCH_JAVA_OPTS:--Xms1g -Xmx2g} -cp "$cp" org.qingnuan.bench.prompts.PromptBenchmark

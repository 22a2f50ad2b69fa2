#!/usr/bin/env bash
# Issue 18 registry import benchmark (not part of CI): one city-wide sheet of 2,000 and of 20,000 rows imported
# in-process as a municipality's admin, each twice (new people, then the same file again = updates); prints the
# time and the heap growth of each import. Target: a 20,000-row import under 300 MB of heap growth.
#
# Needs MariaDB (root, empty password by default) and Redis on this machine. It drops and creates the database
# qingnuan_bench_registry and empties Redis database 10 (QN_BENCH_DB_* / QN_BENCH_REDIS_* to change).
# Builds in a private copy of the work tree (QN_BENCH_WORK, default /tmp/qn-bench-registry) so that a shared
# target/ is never clobbered; then runs org.qingnuan.bench.registry.RegistryImportBenchmark on the test class
# path (the bench profile) in a JVM of its own, by default with the production heap settings of README
# (-Xms256m -Xmx768m; BENCH_JVM_ARGS to change). REGISTRY_DISTRICTS (40) sets the number of districts.
# MVN_OFFLINE=-o (default) builds from the local repository only; set it empty to let Maven download.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
work=${QN_BENCH_WORK:-/tmp/qn-bench-registry}
commit=$(git -C "$here" log -1 --format='%h %s' 2>/dev/null | cut -c1-100 || true)
if [ -n "$(git --no-optional-locks -C "$here" status --porcelain 2>/dev/null || true)" ]; then commit="$commit (+ uncommitted changes)"; fi
echo "Source: ${commit:-not a git checkout} ($here)"
offline=${MVN_OFFLINE--o}
mkdir -p "$work"
rsync -a --delete --exclude target --exclude node_modules --exclude .git --exclude 'admin-web/dist' "$here/" "$work/src/"
cd "$work/src"
echo "Machine: $(nproc) cores, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
export QN_BENCH_DB_NAME=${QN_BENCH_DB_NAME:-qingnuan_bench_registry}
# shellcheck disable=SC2086
exec mvn -B -ntp $offline -q -Pbench -pl backend -am process-test-classes \
  -Dskip.npm=true -Dskip.npm.test=true -Dskip.e2e=true -Dstyle.color=never \
  -Dbench.main=org.qingnuan.bench.registry.RegistryImportBenchmark "-Dbench.jvm.args=${BENCH_JVM_ARGS:--Xms256m -Xmx768m}"

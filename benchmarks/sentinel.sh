#!/usr/bin/env bash
# Redis Sentinel for real (issues 16, 20; not in CI, about a minute): a master, a replica and three sentinels of its own
# (master +1, replica +2, three sentinels +3, +4, +6 of SENTINEL_BASE_PORT, default 20150; the app on +0, its actuator on +5), the jar in the production profile given only the
# sentinel (QN_REDIS_SENTINEL_MASTER / QN_REDIS_SENTINEL_NODES), a staff sign-in, then the master killed: the
# application must follow the promoted replica without a restart. Needs redis-server, java 17, the mariadb client
# and python3 with the cryptography package. QN_JAR=<jar> uses a jar already built (else packaged in a copy).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
work=${QN_BENCH_WORK:-/tmp/qn-sentinel}
# shellcheck source=outage/build-jar.sh
. "$here/benchmarks/outage/build-jar.sh"
export QN_BENCH_WORK="$work"
exec python3 "$here/benchmarks/outage/sentinel.py"

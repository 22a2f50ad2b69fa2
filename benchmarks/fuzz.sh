#!/usr/bin/env bash
# The long bad-input run (issue 16, not part of CI): the same generator as OpenApiFuzzIT (org.qingnuan.fuzz.BadRequests,
# from the live /v3/api-docs of the test application), with more requests and a seed of its own. Asserts what the
# build's 1,000-request run asserts: no 5xx, and every 4xx the JSON error with code, Chinese message and traceId.
#
#   benchmarks/fuzz.sh                  # 10,000 requests, a random seed (printed)
#   FUZZ_REQUESTS=50000 FUZZ_SEED=42 benchmarks/fuzz.sh
#
# Needs what `mvn verify` needs: MariaDB on 127.0.0.1:3306 and Redis on 127.0.0.1:6379 (QN_TEST_REDIS_DATABASE picks
# the Redis database; the test creates and drops its own MariaDB database). A failure lists the first 40 requests
# answered wrongly with their index; rerun with the printed seed to reproduce them.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
requests=${FUZZ_REQUESTS:-10000}
seed=${FUZZ_SEED:-$RANDOM$RANDOM}
echo "Fuzz: $requests requests, seed $seed"
cd "$here"
# shellcheck disable=SC2086
mvn -B -ntp ${MVN_OFFLINE--o} -Dskip.npm=true -Dskip.npm.test=true -Dskip.e2e=true \
  -pl miniprogram-api,admin-web,miniprogram,backend -Dtest=OpenApiFuzzIT -Dsurefire.failIfNoSpecifiedTests=false \
  -Dqn.fuzz.requests="$requests" -Dqn.fuzz.seed="$seed" verify 2>&1 | tee /tmp/qn-fuzz.log | grep -E '^Fuzz:|FAIL|Tests run:|BUILD|#[0-9]+ '

#!/usr/bin/env bash
# Start-up benchmark of the embedded default (not part of CI).
# Launches ./qingnuan RUNS times, measures launch -> /actuator/health UP and the resident memory of
# the JVM plus its embedded redis-server over the first seconds of use (sign-in and a few calls),
# and does the same for an empty Spring Boot web app (the floor) started with the same JVM options
# and class-data sharing. Prints p50/max per app and the ratio to the floor.
# Targets (issue #2): ready within 8 s, under 450 MB resident.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
PORT=${QN_PORT:-8080}
JVM_OPTS="-XX:TieredStopAtLevel=1 -Xss512k -Xmx256m -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=64m -XX:+UseSerialGC"

rss_kb() { # resident kB of a process and its children
  local total=0 pid
  for pid in "$1" $(pgrep -P "$1" || true); do
    total=$(( total + $(awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0) ))
  done
  echo "$total"
}

wait_healthy() { # $1 pid; prints seconds since $2 (epoch ns) when healthy
  for _ in $(seq 1 1200); do
    if curl -sf -o /dev/null "http://127.0.0.1:$PORT/actuator/health"; then
      echo "scale=3; ($(date +%s%N) - $2) / 1000000000" | bc
      return 0
    fi
    kill -0 "$1" 2>/dev/null || { echo "process died" >&2; return 1; }
    sleep 0.05
  done
  echo "not healthy within 60 s" >&2
  return 1
}

stop() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; sleep 1; }

measure() { # $1 label, rest: command
  local label=$1; shift
  local times=() peaks=()
  for run in $(seq 1 "$RUNS"); do
    local start; start=$(date +%s%N)
    QN_PORT=$PORT "$@" >/tmp/qingnuan-bench-$label.log 2>&1 &
    local pid=$!
    local t; t=$(wait_healthy "$pid" "$start")
    local peak=0
    for _ in $(seq 1 20); do # 5 s of light use
      if [ "$label" = qingnuan ]; then
        curl -s -o /dev/null -X POST "http://127.0.0.1:$PORT/api/admin/auth/login" -H 'Content-Type: application/json' \
          -d '{"username":"admin","password":"qingnuan-demo"}' || true
      fi
      curl -s -o /dev/null "http://127.0.0.1:$PORT/actuator/health" || true
      local r; r=$(rss_kb "$pid"); [ "$r" -gt "$peak" ] && peak=$r
      sleep 0.25
    done
    stop "$pid"
    times+=("$t"); peaks+=("$peak")
    printf '  %-9s run %d: ready %6.2f s, peak RSS %4d MB\n' "$label" "$run" "$t" $(( peak / 1024 ))
  done
  local sorted; sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  P50=$(echo "$sorted" | sed -n "$(( (RUNS + 1) / 2 ))p")
  MAX=$(echo "$sorted" | tail -1)
  PEAK=$(( $(printf '%s\n' "${peaks[@]}" | sort -n | tail -1) / 1024 ))
}

echo "Preparing (build + class-data archives) ..."
QN_PREPARE_ONLY=1 ./qingnuan >/dev/null
FLOOR_DIR=benchmarks/startup-floor
if [ ! -f "$FLOOR_DIR/target/floor.jar" ]; then
  (cd "$FLOOR_DIR" && mvn -q -B package)
fi
FLOOR_RUN=$FLOOR_DIR/target/run
if [ ! -f "$FLOOR_RUN/app.jsa" ]; then
  rm -rf "$FLOOR_RUN"
  java -Djarmode=tools -jar "$FLOOR_DIR/target/floor.jar" extract --destination "$FLOOR_RUN" >/dev/null
  # shellcheck disable=SC2086
  java -XX:ArchiveClassesAtExit="$FLOOR_RUN/app.jsa" $JVM_OPTS -jar "$FLOOR_RUN/floor.jar" --server.port=$PORT >/dev/null 2>&1 &
  trainer=$!
  wait_healthy "$trainer" "$(date +%s%N)" >/dev/null
  stop "$trainer"
fi

echo "Machine: $(nproc) cores, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
# shellcheck disable=SC2086
measure floor java -XX:SharedArchiveFile="$FLOOR_RUN/app.jsa" -Xlog:cds=off $JVM_OPTS -jar "$FLOOR_RUN/floor.jar" --server.port=$PORT
FLOOR_P50=$P50; FLOOR_MAX=$MAX; FLOOR_PEAK=$PEAK
measure qingnuan ./qingnuan
echo
printf '%-28s %8s %8s %10s\n' "" "p50 (s)" "max (s)" "peak RSS"
printf '%-28s %8s %8s %7d MB\n' "empty Spring Boot (floor)" "$FLOOR_P50" "$FLOOR_MAX" "$FLOOR_PEAK"
printf '%-28s %8s %8s %7d MB\n' "qingnuan embedded default" "$P50" "$MAX" "$PEAK"
printf 'ratio to floor (p50): %.2f\n' "$(echo "scale=3; $P50 / $FLOOR_P50" | bc)"
ok=yes
[ "$(echo "$MAX < 8" | bc)" = 1 ] || ok=no
[ "$PEAK" -lt 450 ] || ok=no
echo "targets (ready < 8 s on every run, RSS < 450 MB): $ok"

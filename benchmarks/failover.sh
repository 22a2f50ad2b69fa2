#!/usr/bin/env bash
# Two instances of the production jar behind a real nginx with deploy/nginx/qingnuan.conf, on one MariaDB database
# and one Redis. Phase 1: a mixed load through nginx, one instance SIGKILLed in the middle. Phase 2: the same load
# while both instances are restarted one after the other with SIGTERM (graceful). Prints answers by status,
# acknowledged writes vs rows found, duplicates, the failover window and the jobs each instance ran.
# Not part of CI (about 4 minutes). Results: docs/operations.md.
#
# Needs: the jar (mvn -DskipTests package), java, python3, nginx (Debian package), redis-server, the mysql client,
# and MariaDB on 127.0.0.1:3306 (root, no password); this script creates and drops its own database there and
# starts its own redis-server and nginx. Ports: BASE_PORT+0 Redis, +1 the WeChat stub, +11/+12 the instances,
# +21/+22 their management ports, +80 nginx (BASE_PORT defaults to 20700).
set -euo pipefail
cd "$(dirname "$0")/.."

BASE_PORT=${BASE_PORT:-20700}
LOAD_SECONDS=${LOAD_SECONDS:-60}
JAR=${QN_JAR:-backend/target/qingnuan.jar}
WORK=$(mktemp -d /tmp/qn-failover.XXXX)
DB=qn_failover_$(date +%s)
REDIS_PORT=$((BASE_PORT)); STUB_PORT=$((BASE_PORT + 1)); NGINX_PORT=$((BASE_PORT + 80))
PORTS=($((BASE_PORT + 11)) $((BASE_PORT + 12))); MGMT=($((BASE_PORT + 21)) $((BASE_PORT + 22)))
MINI_APP_ID=wxfailover00000001
PIDS=()
declare -A APP

[ -f "$JAR" ] || { echo "build the jar first: mvn -B -DskipTests package"; exit 1; }
mysqlx() { mysql -h127.0.0.1 -P3306 -uroot "$@"; }

cleanup() {
  # the run is over: no need for a graceful stop (an instance still starting would hold its port for a while)
  for name in "${!APP[@]}"; do kill -9 "${APP[$name]}" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$WORK/nginx/nginx.pid" ] && kill "$(cat "$WORK/nginx/nginx.pid")" 2>/dev/null || true
  sleep 1
  mysqlx -e "DROP DATABASE IF EXISTS $DB" || true
  echo "logs kept in $WORK"
}
trap cleanup EXIT

mysqlx -e "CREATE DATABASE $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"

redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --daemonize no >"$WORK/redis.log" 2>&1 &
PIDS+=($!)
python3 benchmarks/failover/wechat_stub.py "$STUB_PORT" "$MINI_APP_ID" &
PIDS+=($!)

KEY1=$(head -c32 /dev/urandom | base64); BLIND=$(head -c32 /dev/urandom | base64)
start_instance() { # name index [extra env...]
  local name=$1 i=$2; shift 2
  env QN_DB_URL="jdbc:mariadb://127.0.0.1:3306/$DB" QN_DB_USERNAME=root QN_DB_POOL_SIZE=10 \
    QN_REDIS_PORT="$REDIS_PORT" QN_PORT="${PORTS[$i]}" QN_MANAGEMENT_PORT="${MGMT[$i]}" \
    QN_CRYPTO_ACTIVE_KEY_ID=k1 QN_CRYPTO_KEYS="k1:$KEY1" QN_CRYPTO_BLIND_INDEX_KEY="$BLIND" \
    QN_BOOTSTRAP_ADMIN_PASSWORD=failover-bootstrap-1 QN_WX_MINI_APP_ID=$MINI_APP_ID QN_WX_MINI_SECRET=s \
    QN_WX_MP_APP_ID=wxfailovermp000001 QN_WX_MP_SECRET=s QN_WX_MP_TOKEN=t QN_PROMPT_TEMPLATE_ID=prompt-template \
    QN_SCHEDULER_THREADS=4 "$@" \
    java -Xms256m -Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar "$JAR" --spring.profiles.active=prod \
      --qingnuan.wechat.mini.api-host="http://127.0.0.1:$STUB_PORT" --qingnuan.wechat.mp.api-host="http://127.0.0.1:$STUB_PORT" \
      --qingnuan.prompt.scan-interval=2s --qingnuan.dispatch.scan=2s --qingnuan.ticket.auto-confirm-scan=2s \
      --qingnuan.prompt.reminder-time=00:00 --qingnuan.ledger.snapshot-cron="*/3 * * * * *" \
      --qingnuan.mini.throttle.limits.submissions.count=1000000 --qingnuan.mini.throttle.limits.submissions.per=1h \
      >>"$WORK/$name.log" 2>&1 &
  APP[$name]=$!
}
wait_ready() { # index
  for _ in $(seq 1 600); do
    curl -sf -o /dev/null "http://127.0.0.1:${MGMT[$1]}/actuator/health/readiness" && return 0
    sleep 0.5
  done
  echo "instance on ${PORTS[$1]} not ready"; tail -n 50 "$WORK"/*.log; exit 1
}

# nginx: the shipped file, with the instances' ports, a plain listener on our port and logs under $WORK
mkdir -p "$WORK/nginx/logs"
sed -e '/# BEGIN plain-http/,/# END plain-http/d' -e '/ssl_/d' -e '/Strict-Transport-Security/d' \
    -e "s|listen 443 ssl http2;|listen 127.0.0.1:$NGINX_PORT;|" \
    -e "s|server 10.0.0.11:8080|server 127.0.0.1:${PORTS[0]}|" -e "s|server 10.0.0.12:8080|server 127.0.0.1:${PORTS[1]}|" \
    -e "s|/var/log/nginx/|$WORK/nginx/logs/|" deploy/nginx/qingnuan.conf >"$WORK/nginx/qingnuan.conf"
cat >"$WORK/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log warn;
events { worker_connections 512; }
http {
  client_body_temp_path $WORK/nginx/body; proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fcgi; uwsgi_temp_path $WORK/nginx/uwsgi; scgi_temp_path $WORK/nginx/scgi;
  access_log off;
  include $WORK/nginx/qingnuan.conf;
}
CONF
/usr/sbin/nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf"
BASE="http://127.0.0.1:$NGINX_PORT"

echo "== starting two instances (prod profile) on :${PORTS[0]} and :${PORTS[1]}, nginx on :$NGINX_PORT"
start_instance a 0
wait_ready 0   # the first one migrates the schema and creates the first admin
start_instance b 1 QN_LOG_FORMAT=ecs
wait_ready 1

CALL_TIMEOUT=120 python3 benchmarks/failover/drive.py setup "$BASE" "$WORK/state.json"
# the jobs' material: followers bound to the teams, then the prompts switched on; 10 requests stuck in SUBMITTED
# for 3 h (overdue), 10 done 4 days ago (auto-confirm)
python3 - "$WORK/state.json" >"$WORK/seed.sql" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
for t in s["teams"]:
    for i in range(4):
        print(f"INSERT INTO team_binding (team_id, org_id, open_id, source, created_at, updated_at) "
              f"VALUES ({t}, {s['orgId']}, 'oFollower{t}x{i}', 'INVITE_CODE', NOW(3), NOW(3));")
    print(f"UPDATE medical_team SET prompt_enabled = 1 WHERE id = {t};")
now = "CONVERT_TZ(UTC_TIMESTAMP(3), '+00:00', '+08:00')"
for i, id in enumerate(s["jobTickets"]):
    if i % 2 == 0:
        print(f"UPDATE help_ticket SET status_since = {now} - INTERVAL 3 HOUR WHERE id = {id};")
    else:
        print(f"UPDATE help_ticket SET status = 'DONE', done_at = {now} - INTERVAL 4 DAY, status_since = {now} - INTERVAL 4 DAY WHERE id = {id};")
PY
mysqlx "$DB" <"$WORK/seed.sql"

echo "== phase 1: ${LOAD_SECONDS} s of load through nginx; SIGKILL to instance a at $((LOAD_SECONDS / 3)) s"
python3 benchmarks/failover/drive.py load "$BASE" "$WORK/state.json" "$WORK/phase1.json" "$LOAD_SECONDS" \
  "$((LOAD_SECONDS / 3))" "${APP[a]}" "${MGMT[0]},${MGMT[1]}"
wait "${APP[a]}" 2>/dev/null || true
echo "== phase 1 report (the jobs' figures so far)"
DB=$DB STUB="http://127.0.0.1:$STUB_PORT" python3 benchmarks/failover/drive.py report "$WORK/state.json" "$WORK/phase1.json"

echo "== restarting a; phase 2: load while a, then b, get SIGTERM and come back (rolling restart)"
start_instance a 0
wait_ready 0
STOP_FILE="$WORK/phase2.stop" python3 benchmarks/failover/drive.py load "$BASE" "$WORK/state.json" "$WORK/phase2.json" 1800 - 0 \
  "${MGMT[0]},${MGMT[1]}" &
LOAD=$!
sleep 10
# The procedure of docs/deploy.zh-CN.md: take the instance out of nginx (server ... down; reload: new workers
# send it nothing, old ones finish what they hold), SIGTERM (graceful), start, wait ready, put it back. A bare
# SIGTERM without the first step loses the connections waiting in the kernel's accept queue when Tomcat closes
# its listener (nginx logs "Connection reset by peer" and may not repeat a POST): ROLLING=bare shows that.
nginx_upstream() { # port up|down
  if [ "$2" = down ]; then
    sed -i "s|server 127.0.0.1:$1 max_fails=1 fail_timeout=5s;|server 127.0.0.1:$1 max_fails=1 fail_timeout=5s down;|" "$WORK/nginx/qingnuan.conf"
  else
    sed -i "s|server 127.0.0.1:$1 max_fails=1 fail_timeout=5s down;|server 127.0.0.1:$1 max_fails=1 fail_timeout=5s;|" "$WORK/nginx/qingnuan.conf"
  fi
  /usr/sbin/nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -s reload
}
for name in a b; do
  i=0; [ "$name" = b ] && i=1
  if [ "${ROLLING:-drain}" != bare ]; then
    nginx_upstream "${PORTS[$i]}" down
    sleep 2
    echo "   $name taken out of nginx"
  fi
  t0=$(date +%s.%N)
  kill -TERM "${APP[$name]}"; wait "${APP[$name]}" 2>/dev/null || true
  echo "   $name stopped after SIGTERM in $(echo "$(date +%s.%N) - $t0" | bc) s"
  extra=(); [ "$name" = b ] && extra=(QN_LOG_FORMAT=ecs)
  start_instance "$name" "$i" "${extra[@]}"
  wait_ready "$i"
  [ "${ROLLING:-drain}" != bare ] && nginx_upstream "${PORTS[$i]}" up
  echo "   $name ready again"
  sleep 5
done
touch "$WORK/phase2.stop"
wait "$LOAD"

DB=$DB STUB="http://127.0.0.1:$STUB_PORT" python3 benchmarks/failover/drive.py report "$WORK/state.json" "$WORK/phase1.json" "$WORK/phase2.json"

echo
echo "== logs: instance b writes JSON (QN_LOG_FORMAT=ecs); lines that are not JSON, JSON lines of a request without traceId"
python3 - "$WORK/b.log" <<'PY'
import json, sys
lines = [l for l in open(sys.argv[1], encoding="utf-8", errors="replace") if l.strip()]
bad, web, web_with_trace = 0, 0, 0
for l in lines:
    try:
        j = json.loads(l)
    except ValueError:
        bad += 1
        continue
    thread = j.get("process", {}).get("thread", {}).get("name", "")
    if thread.startswith("http-nio"):
        web += 1
        web_with_trace += 1 if j.get("traceId") else 0
print(f"  {len(lines)} lines, {bad} not JSON (the JVM's own, before logging starts); "
      f"{web} written by request threads, {web - web_with_trace} of them without traceId")
PY
echo "== jobs ran on: $(grep -c 'qn-job-' "$WORK/a.log" || true) log lines of a's job threads, $(grep -c 'qn-job-' "$WORK/b.log" || true) of b's"

"""Redis Sentinel, tried for real (issues 16 and 20): a master, a replica and three sentinels of the script's own,
the packaged jar in the production profile pointed at the sentinels only (QN_REDIS_SENTINEL_MASTER and
QN_REDIS_SENTINEL_NODES), a staff sign-in (its session lives in Redis), then the master killed: the sentinel
promotes the replica, and the application must find the new master by itself (no restart) — the session made
before the failover still answers and a new sign-in works. Prints each step and the seconds to recover; exits 1
when a step fails. Run through benchmarks/sentinel.sh."""

import os
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import qn  # noqa: E402

JAR = os.environ["QN_JAR"]
WORK = os.environ.get("QN_BENCH_WORK", "/tmp/qn-sentinel")
BASE_PORT = int(os.environ.get("SENTINEL_BASE_PORT", "20150"))
APP_PORT, MASTER_PORT, REPLICA_PORT = BASE_PORT, BASE_PORT + 1, BASE_PORT + 2
# three sentinels, quorum 2, as a deployment runs them: Redisson refuses to start with fewer than two
# ("SENTINEL SENTINELS command returns less than 2 nodes"), which the first run of this script found
SENTINEL_PORTS = (BASE_PORT + 3, BASE_PORT + 4, BASE_PORT + 6)
SENTINEL_PORT = SENTINEL_PORTS[0]
DB = os.environ.get("SENTINEL_DB", "qingnuan_bench_sentinel")
DB_HOST = os.environ.get("QN_BENCH_DB_HOST", "127.0.0.1")
DB_PORT = int(os.environ.get("QN_BENCH_DB_PORT", "3306"))
DB_USER = os.environ.get("QN_BENCH_DB_USER", "root")
DB_PASSWORD = os.environ.get("QN_BENCH_DB_PASSWORD", "")
ADMIN_PASSWORD = "sentinel-run-admin-1"
BASE = "http://127.0.0.1:%d" % APP_PORT


def sign_in():
    return qn.http("POST", BASE + "/api/admin/auth/login", None, {"username": "admin", "password": ADMIN_PASSWORD})


def sentinels_known():
    """How many other sentinels the first one has discovered (they find each other through the master)."""
    reply = qn.redis(SENTINEL_PORT, "SENTINEL", "sentinels", "qn")
    return reply.count("runid")


def until(check, timeout=60.0):
    started = time.time()
    while time.time() - started < timeout:
        try:
            if check():
                return time.time() - started
        except OSError:
            pass  # a server still starting (or the one just killed)
        time.sleep(0.25)
    return None


def main():
    os.makedirs(WORK, exist_ok=True)
    for port in (APP_PORT, MASTER_PORT, REPLICA_PORT, BASE_PORT + 5) + SENTINEL_PORTS:
        if not qn.free(port):
            sys.exit("port %d is taken" % port)
    sql = qn.Sql(DB_HOST, DB_PORT, DB_USER, DB_PASSWORD, DB)
    sql.run("DROP DATABASE IF EXISTS %s; CREATE DATABASE %s CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;" % (DB, DB),
            database=False)
    processes = []
    app = None
    try:
        master = qn.start_redis(MASTER_PORT, os.path.join(WORK, "master"), persist=False)
        processes.append(master)
        replica_dir = os.path.join(WORK, "replica")
        os.makedirs(replica_dir, exist_ok=True)
        processes.append(subprocess.Popen(["redis-server", "--port", str(REPLICA_PORT), "--bind", "127.0.0.1", "--dir", replica_dir,
                                           "--save", "", "--appendonly", "no", "--replicaof", "127.0.0.1", str(MASTER_PORT)],
                                          stdout=open(os.path.join(replica_dir, "redis.log"), "a"), stderr=subprocess.STDOUT))
        for port in SENTINEL_PORTS:
            conf = os.path.join(WORK, "sentinel-%d.conf" % port)
            with open(conf, "w") as f:
                f.write("port %d\nbind 127.0.0.1\ndir %s\nsentinel monitor qn 127.0.0.1 %d 2\n"
                        "sentinel down-after-milliseconds qn 1000\nsentinel failover-timeout qn 5000\n" % (port, WORK, MASTER_PORT))
            processes.append(subprocess.Popen(["redis-server", conf, "--sentinel"],
                                              stdout=open(os.path.join(WORK, "sentinel-%d.log" % port), "a"), stderr=subprocess.STDOUT))
        if until(lambda: "slave0:" in qn.redis(MASTER_PORT, "INFO", "replication"), 20) is None:
            sys.exit("the replica did not attach to the master")
        if until(lambda: sentinels_known() >= 2, 30) is None:
            sys.exit("the sentinels do not know each other")
        print("master :%d, replica :%d, sentinels :%s (master name qn, quorum 2)"
              % (MASTER_PORT, REPLICA_PORT, ",".join(str(p) for p in SENTINEL_PORTS)))

        env = qn.Keys().env()
        env.update({"QN_DB_URL": "jdbc:mariadb://%s:%d/%s" % (DB_HOST, DB_PORT, DB), "QN_DB_USERNAME": DB_USER,
                    "QN_DB_PASSWORD": DB_PASSWORD, "QN_REDIS_SENTINEL_MASTER": "qn",
                    "QN_REDIS_SENTINEL_NODES": ",".join("127.0.0.1:%d" % p for p in SENTINEL_PORTS), "QN_BOOTSTRAP_ADMIN_PASSWORD": ADMIN_PASSWORD,
                    "QN_MANAGEMENT_PORT": str(BASE_PORT + 5)})
        started = time.time()
        app = qn.start_app(JAR, APP_PORT, env, os.path.join(WORK, "app.log"))
        print("application ready in %.0f s, given only the sentinels' addresses" % (time.time() - started))
        status, body, _ = sign_in()
        if status != 200:
            sys.exit("staff sign-in through Sentinel failed: %s %s" % (status, body))
        token = body["token"]
        keys = qn.redis(MASTER_PORT, "DBSIZE")
        print("staff signed in (200); the master holds %s keys" % keys.strip())

        master.send_signal(signal.SIGKILL)
        master.wait()
        killed = time.time()
        print("master killed")
        promoted = until(lambda: str(REPLICA_PORT) in qn.redis(SENTINEL_PORT, "SENTINEL", "get-master-addr-by-name", "qn"), 60)
        if promoted is None:
            sys.exit("the sentinel did not promote the replica")
        print("sentinel promoted the replica after %.1f s" % promoted)
        session_back = until(lambda: qn.http("GET", BASE + "/api/admin/auth/me", token)[0] == 200, 60)
        print("the session made before the failover: %s" % ("answers again %.1f s after the kill" % (time.time() - killed)
                                                             if session_back is not None else "never answered again"))
        new_sign_in = until(lambda: sign_in()[0] == 200, 60)
        print("a new sign-in: %s" % ("works %.1f s after the kill" % (time.time() - killed)
                                     if new_sign_in is not None else "never worked"))
        if session_back is None or new_sign_in is None:
            sys.exit(1)
        print("SENTINEL CHECK PASSED")
    finally:
        if app:
            app.terminate()
            app.wait(30)
        for p in processes:
            if p.poll() is None:
                p.kill()
        sql.run("DROP DATABASE IF EXISTS %s;" % DB, database=False, check=False)


if __name__ == "__main__":
    main()

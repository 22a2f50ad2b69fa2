"""Fault run (issue 16), not in CI: the packaged jar in the production profile on a mariadbd and a redis-server
of its own, a mixed load (families submit requests, staff accept and publish them, volunteers claim them), and
three faults in a row: Redis killed for REDIS_DOWN seconds (then started again from its append-only file),
MariaDB restarted, MariaDB killed -9 (then started again). Prints acknowledged writes against the rows found,
duplicates, answers by status and phase, the slowest failure, and the seconds to recover.
Run through benchmarks/faults.sh."""

import collections
import os
import queue
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import qn  # noqa: E402
import seed  # noqa: E402

JAR = os.environ["QN_JAR"]
WORK = os.environ.get("QN_FAULTS_WORK", "/tmp/qn-faults")
APP_PORT = int(os.environ.get("FAULTS_APP_PORT", "20140"))
DB_PORT = int(os.environ.get("FAULTS_DB_PORT", "20141"))
REDIS_PORT = int(os.environ.get("FAULTS_REDIS_PORT", "20142"))
REDIS_DOWN = int(os.environ.get("FAULTS_REDIS_DOWN", "30"))
CALM = int(os.environ.get("FAULTS_CALM", "20"))
FAMILIES = int(os.environ.get("FAULTS_FAMILIES", "8"))
# enough volunteers that claims go on through every phase (each holds at most 3 active tasks)
VOLUNTEERS = int(os.environ.get("FAULTS_VOLUNTEERS", "600"))
ADMIN_PASSWORD = "fault-run-admin-1"
NEW_PASSWORD = "fault-run-admin-2"
BASE = "http://127.0.0.1:%d" % APP_PORT
DISTRICT = (30.58, 114.27)


class Log:
    """Every answer the load got: (phase, what, status, code, seconds)."""

    def __init__(self):
        self.phase = "warm-up"
        self.lock = threading.Lock()
        self.answers = []

    def add(self, what, status, body, seconds):
        code = body.get("code") if isinstance(body, dict) else None
        with self.lock:
            self.answers.append((self.phase, what, status, code or "", seconds))


class Mariadb:
    def __init__(self):
        self.datadir = os.path.join(WORK, "db")
        self.socket = os.path.join(WORK, "mysqld.sock")
        self.process = None

    def install(self):
        shutil.rmtree(self.datadir, ignore_errors=True)
        subprocess.run(["mariadb-install-db", "--no-defaults", "--datadir=" + self.datadir, "--user=root",
                        "--auth-root-authentication-method=normal", "--skip-test-db"],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def start(self):
        self.process = subprocess.Popen(
            ["mariadbd", "--no-defaults", "--datadir=" + self.datadir, "--port=%d" % DB_PORT, "--bind-address=127.0.0.1",
             "--socket=" + self.socket, "--user=root", "--innodb-buffer-pool-size=64M", "--skip-log-bin",
             "--max-connections=200", "--pid-file=" + os.path.join(WORK, "mysqld.pid")],
            stdout=open(os.path.join(WORK, "mariadb.log"), "a"), stderr=subprocess.STDOUT)
        started = time.time()
        while time.time() - started < 120:
            p = subprocess.run(["mariadb", "--socket=" + self.socket, "-u", "root", "-e", "SELECT 1"], capture_output=True)
            if p.returncode == 0:
                return time.time() - started
            time.sleep(0.1)
        raise RuntimeError("mariadbd did not start")

    def stop(self, sig):
        self.process.send_signal(sig)
        self.process.wait(120)

    def root(self, statements):
        subprocess.run(["mariadb", "--socket=" + self.socket, "-u", "root"], input=statements.encode(), check=True)


def api(log, what, method, path, token=None, body=None, headers=None):
    status, parsed, seconds = qn.http(method, BASE + path, token, body, headers, timeout=30)
    log.add(what, status, parsed, seconds)
    return status, parsed


def main():
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK)
    for port in (APP_PORT, DB_PORT, REDIS_PORT):
        if not qn.free(port):
            sys.exit("port %d is taken" % port)
    rnd = random.Random(7)
    keys = qn.Keys()
    db = Mariadb()
    db.install()
    db.start()
    db.root("CREATE DATABASE qingnuan CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
            " CREATE USER qn@'127.0.0.1' IDENTIFIED BY 'qn'; GRANT ALL ON qingnuan.* TO qn@'127.0.0.1';")
    sql = qn.Sql("127.0.0.1", DB_PORT, "qn", "qn", "qingnuan")
    redis = qn.start_redis(REDIS_PORT, os.path.join(WORK, "redis"), persist=True)
    app = None
    log = Log()
    stop = threading.Event()
    try:
        env = keys.env()
        env.update({"QN_DB_URL": "jdbc:mariadb://127.0.0.1:%d/qingnuan" % DB_PORT, "QN_DB_USERNAME": "qn", "QN_DB_PASSWORD": "qn",
                    "QN_REDIS_PORT": str(REDIS_PORT), "QN_PUBLIC_BASE_URL": "https://qingnuan.faults",
                    "QN_BOOTSTRAP_ADMIN_PASSWORD": ADMIN_PASSWORD})
        t0 = time.time()
        # a few families stand for many: the per-user submission limit (issue 17) is set out of reach
        app = qn.start_app(JAR, APP_PORT, env, os.path.join(WORK, "app.log"),
                           ["--qingnuan.mini.throttle.limits.submissions.count=1000000",
                            "--qingnuan.mini.throttle.limits.submissions.per=1h",
                            "--qingnuan.mini.throttle.limits.claims.count=1000000",
                            "--qingnuan.mini.throttle.limits.claims.per=10m"])
        print("application ready in %.0f s: prod profile, mariadbd :%d (own datadir), redis-server :%d (appendonly)"
              % (time.time() - t0, DB_PORT, REDIS_PORT))
        staff = sign_in_staff(log)
        families, volunteers, family_ids = set_up(sql, keys, staff, rnd, log)
        print("%d families signed in to the mini-program, %d volunteers, 1 super admin" % (len(families), len(volunteers)))

        acked = {"submit": {}, "accept": set(), "open": set(), "claim": {}}
        to_accept = queue.Queue()
        to_claim = queue.Queue()
        threads = []
        for i, (token, family_id) in enumerate(families):
            threads.append(threading.Thread(target=submitter, args=(log, stop, token, family_id, i, acked, to_accept)))
        for _ in range(2):
            threads.append(threading.Thread(target=acceptor, args=(log, stop, staff, acked, to_accept, to_claim)))
        for i in range(4):
            threads.append(threading.Thread(target=claimer, args=(log, stop, volunteers[i::4], acked, to_claim, rnd)))
        for t in threads:
            t.daemon = True
            t.start()

        recovery = {}
        time.sleep(CALM)
        log.phase = "Redis down"
        redis.send_signal(signal.SIGKILL)
        redis.wait()
        print("%5.0f s  Redis killed" % (time.time() - t0))
        time.sleep(REDIS_DOWN)
        redis = qn.start_redis(REDIS_PORT, os.path.join(WORK, "redis"), persist=True)
        back = time.time()
        log.phase = "Redis back"
        print("%5.0f s  Redis started again (from its append-only file)" % (time.time() - t0))
        recovery["Redis"] = until(lambda: qn.http("POST", BASE + "/api/admin/auth/login", None,
                                                  {"username": "admin", "password": NEW_PASSWORD})[0] == 200, back)
        time.sleep(CALM)

        log.phase = "MariaDB restart"
        down = time.time()
        db.stop(signal.SIGTERM)
        stopped = time.time() - down
        started = db.start()
        back = time.time()
        print("%5.0f s  MariaDB restarted (stopped in %.1f s, ready %.1f s later)" % (time.time() - t0, stopped, started))
        log.phase = "MariaDB back"
        recovery["MariaDB restart"] = until(lambda: qn.http("GET", BASE + "/api/admin/tickets?page=1&size=1", staff["token"])[0] == 200, back)
        time.sleep(CALM)

        log.phase = "MariaDB kill -9"
        db.stop(signal.SIGKILL)
        print("%5.0f s  MariaDB killed -9" % (time.time() - t0))
        time.sleep(5)
        started = db.start()
        back = time.time()
        print("%5.0f s  MariaDB started again (crash recovery, ready in %.1f s)" % (time.time() - t0, started))
        log.phase = "MariaDB back after kill"
        recovery["MariaDB kill -9"] = until(lambda: qn.http("GET", BASE + "/api/admin/tickets?page=1&size=1", staff["token"])[0] == 200, back)
        time.sleep(CALM)
        stop.set()
        for t in threads:
            t.join(60)
        report(log, sql, keys, acked, recovery, family_ids)
    finally:
        stop.set()
        if app:
            app.terminate()
            try:
                app.wait(30)
            except subprocess.TimeoutExpired:
                app.kill()
        if redis.poll() is None:
            redis.kill()
        if db.process and db.process.poll() is None:
            db.stop(signal.SIGTERM)


def until(check, since, limit=120):
    while time.time() - since < limit:
        if check():
            return time.time() - since
        time.sleep(0.2)
    return float("inf")


def sign_in_staff(log):
    status, body = api(log, "staff login", "POST", "/api/admin/auth/login", None, {"username": "admin", "password": ADMIN_PASSWORD})
    if status != 200:
        sys.exit("admin sign-in failed: %s %s" % (status, body))
    status, body = api(log, "password", "POST", "/api/admin/auth/password", body["token"],
                       {"currentPassword": ADMIN_PASSWORD, "newPassword": NEW_PASSWORD})
    if status >= 300:
        sys.exit("password change failed: %s %s" % (status, body))
    status, body = api(log, "staff login", "POST", "/api/admin/auth/login", None, {"username": "admin", "password": NEW_PASSWORD})
    return {"token": body["token"]}


def set_up(sql, keys, staff, rnd, log):
    root = int(sql.value("SELECT id FROM org_unit WHERE parent_id IS NULL"))
    city = child(sql, root, "武汉市团委", "CITY_LEAGUE", "武汉市")
    district = child(sql, city, "江岸区团委", "DISTRICT_LEAGUE", "江岸区")
    status, hospital = api(log, "setup", "POST", "/api/admin/hospitals", staff["token"], {"name": "市第一医院", "city": "武汉市", "level": "CITY_RUN"})
    if status != 201:
        sys.exit("hospital: %s %s" % (status, hospital))
    families, family_ids, commands = [], [], []
    for i in range(FAMILIES):
        status, worker = api(log, "setup", "POST", "/api/admin/medical-workers", staff["token"], {
            "hospitalId": hospital["id"], "orgId": district, "name": "王医生%d" % i, "gender": "MALE",
            "ownPhone": "1380000%04d" % i, "familyPhone": "1390000%04d" % i, "homeAddress": "武汉市江岸区解放大道%d号" % (i + 1),
            "aidedHubei": True, "batch": 1})
        if status != 201:
            sys.exit("medical worker: %s %s" % (status, worker))
        family_id = worker["family"]["id"]
        sql.run("INSERT INTO wx_user (open_id, last_login_at, created_at, updated_at) VALUES ('oFaultFamily%d', NOW(3), NOW(3), NOW(3));"
                " INSERT INTO wx_user_role (user_id, role, subject_id, org_id, source, created_at, updated_at)"
                " VALUES (LAST_INSERT_ID(), 'FAMILY', %d, %d, 'PHONE', NOW(3), NOW(3));" % (i, family_id, district))
        user_id = int(sql.value("SELECT id FROM wx_user WHERE open_id = 'oFaultFamily%d'" % i))
        token, cmds = qn.open_session(user_id)
        commands += cmds
        families.append((token, family_id))
        family_ids.append(family_id)
    qn.redis_pipeline(REDIS_PORT, commands)
    # a request takes its family's point; volunteers may claim only what lies within their radius (issue 17), so
    # the families live in the district the volunteers are placed around
    sql.run("UPDATE family SET latitude = %.6f, longitude = %.6f WHERE id IN (%s);"
            % (DISTRICT[0], DISTRICT[1], ",".join(str(f) for f in family_ids)))
    volunteers = seed.volunteers(sql, keys, district, VOLUNTEERS, rnd, REDIS_PORT, "f",
                                 skills="SHOPPING,DRIVER,TUTOR,ELDERLY_CARE,PSYCHOLOGIST", radius=20, near=DISTRICT)
    for token, _ in volunteers + [(t, 0) for t, _ in families]:
        qn.http("GET", BASE + "/api/mini/me", token)  # each session checked once while Redis is up
    return families, volunteers, family_ids


def child(sql, parent, name, kind, region):
    sql.run("INSERT INTO org_unit (parent_id, path, depth, name, type, region, version, deleted, created_at, updated_at)"
            " SELECT id, path, depth + 1, %s, %s, %s, 0, 0, NOW(3), NOW(3) FROM org_unit WHERE id = %d;"
            " UPDATE org_unit SET path = CONCAT(path, LAST_INSERT_ID(), '/') WHERE id = LAST_INSERT_ID();"
            % (qn.q(name), qn.q(kind), qn.q(region), parent))
    return int(sql.value("SELECT MAX(id) FROM org_unit"))


def submitter(log, stop, token, family_id, n, acked, to_accept):
    i = 0
    while not stop.is_set():
        i += 1
        tag = "F%d-%d" % (n, i)
        key = str(uuid.uuid4())
        body = {"familyId": family_id, "category": "SUPPLIES", "description": "故障演练 %s 请帮忙买米和油" % tag,
                "address": "武汉市江岸区解放大道1号", "contactMethod": "PHONE_CALL", "contactPhone": "13900001234"}
        for attempt in range(4):  # the mini-program's 重试: the same key
            status, answer = api(log, "submit", "POST", "/api/mini/tickets", token, body, {"Idempotency-Key": key})
            if status in (200, 201):
                acked["submit"][tag] = answer["id"]
                to_accept.put(answer["id"])
                break
            if stop.is_set():
                break
            time.sleep(1)
        time.sleep(0.3)


def acceptor(log, stop, staff, acked, to_accept, to_claim):
    while not stop.is_set():
        try:
            ticket = to_accept.get(timeout=0.5)
        except queue.Empty:
            continue
        status, _ = api(log, "accept", "POST", "/api/admin/tickets/%d/accept" % ticket, staff["token"], {"note": "演练受理"})
        if status == 200:
            acked["accept"].add(ticket)
            status, _ = api(log, "open", "POST", "/api/admin/tickets/%d/open" % ticket, staff["token"], {})
            if status == 200:
                acked["open"].add(ticket)
                to_claim.put(ticket)
        elif status >= 500 or status == 0:
            to_accept.put(ticket)  # staff press again later
            time.sleep(0.5)


def claimer(log, stop, volunteers, acked, to_claim, rnd):
    while not stop.is_set():
        try:
            ticket = to_claim.get(timeout=0.5)
        except queue.Empty:
            continue
        # two volunteers press for the same task, one after the other: the second must lose
        for token, volunteer_id in rnd.sample(volunteers, 2):
            status, _ = api(log, "claim", "POST", "/api/mini/volunteer/tasks/%d/claim" % ticket, token, "")
            if status == 200:
                if ticket in acked["claim"]:
                    acked["claim"][ticket] = -1  # two acknowledged winners
                else:
                    acked["claim"][ticket] = volunteer_id


def report(log, sql, keys, acked, recovery, family_ids):
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    import base64
    rows = sql.run("SELECT id, description_sealed, status, claimed_by FROM help_ticket")
    tags = collections.Counter()
    by_id = {}
    for ticket_id, sealed, status, claimed_by in rows:
        raw = base64.b64decode(sealed.split(":", 1)[1])
        text = AESGCM(keys.seal_key).decrypt(raw[:12], raw[12:], qn.KEY_ID.encode()).decode()
        tags[text.split()[1]] += 1
        by_id[int(ticket_id)] = (status, None if claimed_by == "NULL" else int(claimed_by))
    events = collections.Counter()
    for ticket_id, action, n in sql.run("SELECT ticket_id, action, COUNT(*) FROM help_ticket_event GROUP BY ticket_id, action"):
        events[(int(ticket_id), action)] = int(n)
    print()
    print("== acknowledged writes vs rows found ==")
    submitted = acked["submit"]
    missing = [t for t, i in submitted.items() if int(i) not in by_id]
    print("submissions: %d acknowledged (201), %d rows in help_ticket, %d acknowledged but missing, %d duplicated (same request twice)"
          % (len(submitted), len(rows), len(missing), sum(1 for n in tags.values() if n > 1)))
    print("  rows without an acknowledgement (a retry's first attempt got through but its answer was lost, or the"
          " last retry failed): %d" % sum(1 for t in tags if t not in submitted))
    accepted_lost = [t for t in acked["accept"] if events[(t, "ACCEPT")] != 1]
    print("accepts: %d acknowledged, %d without exactly one ACCEPT in the history" % (len(acked["accept"]), len(accepted_lost)))
    opened_lost = [t for t in acked["open"] if events[(t, "OPEN")] != 1]
    print("publications: %d acknowledged, %d without exactly one OPEN in the history" % (len(acked["open"]), len(opened_lost)))
    claims = acked["claim"]
    wrong = [t for t, v in claims.items() if v == -1 or by_id.get(t, (None, None))[1] != v or events[(t, "CLAIM")] != 1]
    double = sum(1 for t in by_id if events[(t, "CLAIM")] > 1)
    print("claims: %d acknowledged, %d not held by the acknowledged volunteer, %d tasks claimed twice" % (len(claims), len(wrong), double))
    print()
    print("== answers by phase and status ==")
    table = collections.Counter((p, s, c) for p, _, s, c, _ in log.answers)
    phases = []
    for p, _, _, _, _ in log.answers:
        if p not in phases:
            phases.append(p)
    for p in phases:
        parts = ["%s %s" % (s if s else "no-answer", c) if s >= 300 or s == 0 else str(s) for (pp, s, c) in sorted(table) if pp == p]
        counts = ["%s × %d" % (label, table[key]) for label, key in zip(parts, [k for k in sorted(table) if k[0] == p])]
        slowest = max((sec for pp, _, s, _, sec in log.answers if pp == p and (s >= 500 or s == 0)), default=0)
        print("%-24s %s%s" % (p, ", ".join(counts), "; slowest failure %.2f s" % slowest if slowest else ""))
    fives = collections.Counter(c for _, _, s, c, _ in log.answers if s == 500)
    print("500 answers: %d %s" % (sum(fives.values()), dict(fives) if fives else ""))
    print()
    print("== seconds to recover (from the service being back to the first success) ==")
    for what, seconds in recovery.items():
        print("%-16s %.1f s" % (what, seconds))


if __name__ == "__main__":
    main()

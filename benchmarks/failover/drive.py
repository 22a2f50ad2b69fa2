#!/usr/bin/env python3
"""Load driver of benchmarks/failover.sh (stdlib only). Subcommands:
  setup  BASE STATE                       admin password, a hospital, teams due for their prompt, families signed in
  load   BASE STATE OUT SECONDS [KILL_AT PID] [MGMT_PORT,...]
                                          mixed load through nginx; SIGKILLs PID at KILL_AT s; scrapes the instances
  report STATE OUT... -- reads the database (mysql CLI, env DB) and the WeChat stub (env STUB) and prints the answers
"""
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid

BOOT_PW, ADMIN_PW = "failover-bootstrap-1", "failover-admin-pw-2"


def call(base, method, path, token=None, body=None, headers=None, timeout=None):
    # set-up calls may wait long on a loaded machine (first calls after a start); the load uses 15 s
    timeout = timeout or float(os.environ.get("CALL_TIMEOUT", "15"))
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(base + path, data=data, method=method)
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    for k, v in (headers or {}).items():
        req.add_header(k, v)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            raw = r.read()
            return r.status, (json.loads(raw) if raw else None)
    except urllib.error.HTTPError as e:
        raw = e.read()
        try:
            return e.code, json.loads(raw)
        except ValueError:
            return e.code, raw.decode(errors="replace")[:200]
    except Exception as e:  # refused, reset, timeout: no answer at all
        return 0, type(e).__name__


def must(answer, *ok):
    status, body = answer
    if status not in ok:
        raise SystemExit(f"setup failed: {status} {body}")
    return body


def setup(base, state_file):
    must(call(base, "POST", "/api/admin/auth/login", body={"username": "admin", "password": BOOT_PW}), 200)
    token = must(call(base, "POST", "/api/admin/auth/login", body={"username": "admin", "password": BOOT_PW}), 200)["token"]
    must(call(base, "POST", "/api/admin/auth/password", token, {"currentPassword": BOOT_PW, "newPassword": ADMIN_PW}), 204)
    admin = must(call(base, "POST", "/api/admin/auth/login", body={"username": "admin", "password": ADMIN_PW}), 200)["token"]
    me = must(call(base, "GET", "/api/admin/auth/me", admin), 200)
    hospital = must(call(base, "POST", "/api/admin/hospitals", admin,
                         {"name": "故障切换医院", "city": "广州市", "level": "CITY_RUN", "orgId": me["orgId"]}), 201)["id"]
    teams = []
    for i in range(3):
        team = must(call(base, "POST", "/api/admin/medical-teams", admin, {"name": f"切换测试医疗队{i}", "destination": "湖北武汉",
                                                                            "aidingHubei": True, "batch": 1, "status": "DEPLOYED"}), 201)["id"]
        must(call(base, "PUT", f"/api/admin/medical-teams/{team}/prompt-schedule", admin,
                  {"promptTime": "00:00", "enabled": False}), 200)
        teams.append(team)
    families = []
    for i in range(12):
        phone = f"1370000{i:04d}"
        worker = must(call(base, "POST", "/api/admin/medical-workers", admin, {
            "hospitalId": hospital, "orgId": me["orgId"], "name": f"切换医生{i}", "gender": "MALE",
            "ownPhone": f"1390000{i:04d}", "familyPhone": phone, "homeAddress": "广州市天河区体育西路1号",
            "aidedHubei": True, "batch": 1}), 201)
        openid = f"oFailover{i:04d}"
        mini = must(call(base, "POST", "/api/mini/auth/login", body={"code": "code-" + openid}), 200)["token"]
        must(call(base, "POST", "/api/mini/me/phone", mini, {"code": "phone-" + phone}), 200)
        families.append({"familyId": worker["family"]["id"], "token": mini, "openid": openid})
    # requests the jobs will work on (the shell moves them: overdue, done 4 days ago)
    job_tickets = []
    for i in range(20):
        f = families[i % len(families)]
        t = must(call(base, "POST", "/api/mini/tickets", f["token"], ticket(f, "任务数据"),
                      {"Idempotency-Key": f"failover-job-{i:04d}"}), 200, 201)
        job_tickets.append(t["id"])
    json.dump({"admin": admin, "families": families, "teams": teams, "jobTickets": job_tickets,
               "orgId": me["orgId"]}, open(state_file, "w"))
    print(f"setup: {len(families)} families signed in, {len(teams)} teams, {len(job_tickets)} requests for the jobs")


def ticket(family, text):
    return {"familyId": family["familyId"], "category": "SUPPLIES", "urgency": "NORMAL",
            "description": f"负载测试：{text}，请帮忙买些米和油", "contactMethod": "PHONE_CALL"}


def load(base, state_file, out_file, seconds, kill_at=None, pid=None, mgmt_ports=()):
    state = json.load(open(state_file))
    start = time.time()
    stop = start + seconds
    stop_file = os.environ.get("STOP_FILE")

    def running():
        # SECONDS at most; the shell ends it earlier by creating STOP_FILE (the rolling restart's length is not known)
        return time.time() < stop and not (stop_file and os.path.exists(stop_file))
    attempts, acked, given_up, scrapes = [], {}, [], {}
    lock = threading.Lock()

    def note(op, status, t0):
        with lock:
            attempts.append({"t": round(t0 - start, 3), "op": op, "status": status})

    def family_worker(f):
        rnd = random.Random(f["openid"])
        while running():
            r = rnd.random()
            if r < 0.5:
                key = str(uuid.uuid4())
                body = ticket(f, key[:8])
                deadline = time.time() + 20
                while True:
                    t0 = time.time()
                    status, answer = call(base, "POST", "/api/mini/tickets", f["token"], body, {"Idempotency-Key": key})
                    note("submit", status, t0)
                    if status in (200, 201):
                        with lock:
                            acked[key] = answer["id"]
                        break
                    if time.time() > deadline or 400 <= status < 500:
                        with lock:
                            given_up.append(key)
                        break
                    time.sleep(0.2)  # the same key again: at most one request, whatever happened to the first
            elif r < 0.8:
                t0 = time.time()
                note("mini-list", call(base, "GET", "/api/mini/tickets?page=1&size=10", f["token"])[0], t0)
            else:
                t0 = time.time()
                note("admin-list", call(base, "GET", "/api/admin/tickets?page=1&size=10", state["admin"])[0], t0)

    def scraper():
        while running():
            for port in mgmt_ports:
                status, _ = 0, None
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/actuator/prometheus", timeout=2) as r:
                        text = r.read().decode()
                    scrapes[port] = {k: v for k, v in metrics(text).items()}
                except Exception:
                    pass  # killed or restarting: keep its last scrape
            time.sleep(1)

    threads = [threading.Thread(target=family_worker, args=(f,)) for f in state["families"]]
    threads.append(threading.Thread(target=scraper))
    for t in threads:
        t.start()
    killed_at = None
    if kill_at is not None:
        time.sleep(max(0, start + kill_at - time.time()))
        os.kill(pid, signal.SIGKILL)
        killed_at = round(time.time() - start, 3)
        print(f"load: SIGKILL to pid {pid} at {killed_at} s")
    for t in threads:
        t.join()
    json.dump({"attempts": attempts, "acked": acked, "givenUp": given_up, "killedAt": killed_at,
               "scrapes": scrapes}, open(out_file, "w"))


def metrics(text):
    wanted = ("qn_prompt_issued_total", "qn_prompt_deliveries_total", "qn_prompt_reminders_total",
              "qn_dispatch_overdue_total", "qn_ledger_snapshots_total", "qn_ticket_steps_total")
    out = {}
    for line in text.splitlines():
        if line.startswith(wanted):
            name, value = line.rsplit(" ", 1)
            if "qn_ticket_steps_total" in name and "AUTO_CONFIRM" not in name:
                continue
            key = name.split("{")[0]
            if key == "qn_ticket_steps_total":
                key = "auto-confirm"
            out[key] = out.get(key, 0) + float(value)
    return out


def sql(query):
    db = os.environ["DB"]
    # the query on stdin: a phase's key list is longer than a command line may be
    return subprocess.run(["mysql", "-h127.0.0.1", "-P3306", "-uroot", "-N", "-B", db], input=query,
                          check=True, capture_output=True, text=True).stdout.strip()


def report(state_file, outs):
    state = json.load(open(state_file))
    for out in outs:
        r = json.load(open(out))
        print(f"\n== {os.path.basename(out)}")
        by = {}
        for a in r["attempts"]:
            by.setdefault(a["op"], {}).setdefault(a["status"], 0)
            by[a["op"]][a["status"]] += 1
        for op, statuses in sorted(by.items()):
            print(f"  {op:11s} " + "  ".join(f"{s if s else 'no answer'}: {n}" for s, n in sorted(statuses.items())))
        failed = [a for a in r["attempts"] if a["status"] == 0 or a["status"] >= 500]
        print(f"  failed answers (5xx or none): {len(failed)}")
        if r["killedAt"] is not None:
            after = [a["t"] for a in failed if a["t"] >= r["killedAt"] - 1]
            window = (max(after) - r["killedAt"]) if after else 0.0
            print(f"  killed at {r['killedAt']} s; last failure after it at +{window:.2f} s (failover window)")
        acked = r["acked"]
        ids = list(acked.values())
        found = int(sql(f"SELECT COUNT(*) FROM help_ticket WHERE id IN ({','.join(map(str, ids))})")) if ids else 0
        keys = ",".join("'" + k + "'" for k in list(acked) + r["givenUp"])
        per_key = sql(f"SELECT COUNT(*) FROM idempotency_record WHERE idem_key IN ({keys}) GROUP BY scope, idem_key "
                      f"HAVING COUNT(*) > 1") if keys else ""
        distinct_ids = len(set(ids))
        print(f"  acknowledged writes: {len(acked)}; rows found: {found}; lost: {len(acked) - found}; "
              f"two keys answered with one row: {len(ids) - distinct_ids}; keys stored twice: {len(per_key.split()) if per_key else 0}; "
              f"given up (never acknowledged): {len(r['givenUp'])}")
        for port, m in sorted(r["scrapes"].items()):
            print(f"  instance :{port} last scrape: " + ", ".join(f"{k}={v:g}" for k, v in sorted(m.items())))
    # the jobs, across both instances and the whole run
    tickets_total = sql("SELECT COUNT(*) FROM help_ticket")
    rows_vs_records = sql("SELECT (SELECT COUNT(*) FROM help_ticket) - (SELECT COUNT(*) FROM idempotency_record)")
    print(f"\n== requests in the database: {tickets_total}; rows without exactly one idempotency record: {rows_vs_records}")
    print("== scheduled jobs, exactly once per period across the instances")
    teams = ",".join(map(str, state["teams"]))
    print("  daily prompts (team, day) rows:", sql(f"SELECT COUNT(*) FROM daily_prompt WHERE team_id IN ({teams})"),
          "for", len(state["teams"]), "teams; days with more than one:",
          sql(f"SELECT COUNT(*) FROM (SELECT team_id FROM daily_prompt GROUP BY team_id, prompt_date HAVING COUNT(*) > 1) d"))
    sent = [json.loads(l) for l in urllib.request.urlopen(os.environ["STUB"] + "/_sent").read().decode().splitlines() if l]
    templates = [s["to"] for s in sent if s["kind"] == "template"]
    reminders = [s["to"] for s in sent if s["kind"] == "custom" and s["text"] and "还没有报告" in s["text"]]
    bound = int(sql(f"SELECT COUNT(*) FROM team_binding WHERE team_id IN ({teams})"))
    print(f"  prompt template messages: {len(templates)} to {len(set(templates))} followers (bound: {bound}); "
          f"deliveries SENT: {sql('SELECT COUNT(*) FROM prompt_delivery WHERE status = ' + chr(39) + 'SENT' + chr(39))}")
    print(f"  reminders: {len(reminders)} to {len(set(reminders))} followers; prompts reminded: "
          + sql("SELECT COUNT(*) FROM daily_prompt WHERE reminded_at IS NOT NULL"))
    jobs = ",".join(map(str, state["jobTickets"]))
    print("  overdue misses:", sql("SELECT COUNT(*) FROM ticket_overdue"), "rows,",
          sql("SELECT COUNT(DISTINCT ticket_id, miss_key) FROM ticket_overdue"), "distinct (ticket, miss)")
    print("  auto-confirmed:", sql(f"SELECT COUNT(*) FROM help_ticket_event WHERE action = 'AUTO_CONFIRM' AND ticket_id IN ({jobs})"),
          "steps for", sql(f"SELECT COUNT(DISTINCT ticket_id) FROM help_ticket_event WHERE action = 'AUTO_CONFIRM' AND ticket_id IN ({jobs})"),
          "requests")
    print("  ledger snapshots:", sql("SELECT COUNT(*) FROM ledger_snapshot"), "rows,",
          sql("SELECT COUNT(DISTINCT org_id, ledger_date) FROM ledger_snapshot"), "distinct (org, day)")


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "setup":
        setup(sys.argv[2], sys.argv[3])
    elif cmd == "load":
        base, state_file, out_file, seconds = sys.argv[2], sys.argv[3], sys.argv[4], float(sys.argv[5])
        kill_at = float(sys.argv[6]) if len(sys.argv) > 6 and sys.argv[6] != "-" else None
        pid = int(sys.argv[7]) if kill_at is not None else None
        ports = [int(p) for p in sys.argv[8].split(",")] if len(sys.argv) > 8 else []
        load(base, state_file, out_file, seconds, kill_at, pid, ports)
    elif cmd == "report":
        report(sys.argv[2], sys.argv[3:])

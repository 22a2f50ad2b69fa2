"""Pieces shared by the outage scripts (nearby_fallback.py, faults.py): run the packaged jar in the
production profile against a MariaDB and a redis-server of the script's own, seal personal data the way
PersonalDataCipher does (AES-256-GCM, key id as associated data), seed rows with the mariadb client, open
mini-program sessions straight in Redis (as TokenSessions does), and call the HTTP API.

Standard library only, plus the `cryptography` package (Debian: python3-cryptography) for AES-GCM."""

import base64
import hashlib
import hmac
import json
import os
import secrets
import socket
import subprocess
import time
import urllib.error
import urllib.request

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

KEY_ID = "b1"


class Keys:
    """Fresh personal-data keys for one run (QN_CRYPTO_*)."""

    def __init__(self):
        self.seal_key = secrets.token_bytes(32)
        self.blind_key = secrets.token_bytes(32)

    def env(self):
        return {
            "QN_CRYPTO_ACTIVE_KEY_ID": KEY_ID,
            "QN_CRYPTO_KEYS": KEY_ID + ":" + base64.b64encode(self.seal_key).decode(),
            "QN_CRYPTO_BLIND_INDEX_KEY": base64.b64encode(self.blind_key).decode(),
        }

    def seal(self, plain):
        iv = secrets.token_bytes(12)
        sealed = AESGCM(self.seal_key).encrypt(iv, plain.encode("utf-8"), KEY_ID.encode("utf-8"))
        return KEY_ID + ":" + base64.b64encode(iv + sealed).decode()

    def blind_index(self, value):
        return hmac.new(self.blind_key, value.encode("utf-8"), hashlib.sha256).hexdigest()


class Sql:
    """The mariadb command-line client against one database."""

    def __init__(self, host, port, user, password, database):
        self.base = ["mariadb", "-h", host, "-P", str(port), "-u", user, "--batch", "--skip-column-names"]
        if password:
            self.base.append("-p" + password)
        self.database = database

    def run(self, statements, database=True, check=True):
        args = self.base + ([self.database] if database else [])
        p = subprocess.run(args, input=statements.encode("utf-8"), capture_output=True, timeout=600)
        if check and p.returncode != 0:
            raise RuntimeError("mariadb failed: " + p.stderr.decode("utf-8", "replace")[:500])
        return [line.split("\t") for line in p.stdout.decode("utf-8").splitlines()]

    def value(self, query):
        rows = self.run(query)
        return rows[0][0] if rows else None


def q(value):
    """A SQL literal."""
    if value is None:
        return "NULL"
    if isinstance(value, (int, float)):
        return repr(value)
    return "'" + str(value).replace("\\", "\\\\").replace("'", "''") + "'"


def redis(port, *args, host="127.0.0.1", timeout=2.0):
    """One Redis command over RESP; returns the raw reply (enough for OK, integers, errors)."""
    payload = bytearray(b"*%d\r\n" % len(args))
    for a in args:
        b = str(a).encode("utf-8")
        payload += b"$%d\r\n" % len(b) + b + b"\r\n"
    with socket.create_connection((host, port), timeout=timeout) as s:
        s.sendall(bytes(payload))
        return s.recv(65536).decode("utf-8", "replace")


def redis_pipeline(port, commands, host="127.0.0.1"):
    """Many commands in one connection (seeding thousands of sessions)."""
    payload = bytearray()
    for args in commands:
        payload += b"*%d\r\n" % len(args)
        for a in args:
            b = str(a).encode("utf-8")
            payload += b"$%d\r\n" % len(b) + b + b"\r\n"
    with socket.create_connection((host, port), timeout=30) as s:
        s.sendall(bytes(payload))
        s.shutdown(socket.SHUT_WR)
        while s.recv(65536):
            pass


def open_session(user_id, namespace="wx", idle_seconds=3 * 24 * 3600):
    """A bearer token and the Redis commands that make it a live session (TokenSessions.open)."""
    token = base64.urlsafe_b64encode(secrets.token_bytes(32)).decode().rstrip("=")
    sid = hashlib.sha256(token.encode()).hexdigest()
    now = str(int(time.time() * 1000))
    key = "qn:%s:session:%s" % (namespace, sid)
    return token, [
        ["HSET", key, "subjectId", user_id, "issuedAt", now, "lastSeenAt", now, "attachment", ""],
        ["EXPIRE", key, idle_seconds],
        ["SADD", "qn:%s:sessions-of:%s" % (namespace, user_id), sid],
    ]


def http(method, url, token=None, body=None, headers=None, timeout=30):
    """(status, parsed JSON or None, seconds)."""
    data = None if body is None else json.dumps(body).encode("utf-8")
    req = urllib.request.Request(url, data=data, method=method)
    if body is not None:
        req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    for k, v in (headers or {}).items():
        req.add_header(k, v)
    started = time.monotonic()
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            raw = r.read()
            status = r.status
    except urllib.error.HTTPError as e:
        raw = e.read()
        status = e.code
    except Exception as e:  # connection refused, reset, timeout
        return 0, {"code": type(e).__name__}, time.monotonic() - started
    elapsed = time.monotonic() - started
    try:
        parsed = json.loads(raw) if raw else None
    except ValueError:
        parsed = {"code": "NOT_JSON"}
    return status, parsed, elapsed


def free(port):
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) != 0


def start_redis(port, workdir, persist):
    os.makedirs(workdir, exist_ok=True)
    args = ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--dir", workdir, "--save", ""]
    args += ["--appendonly", "yes", "--appendfsync", "everysec"] if persist else ["--appendonly", "no"]
    p = subprocess.Popen(args, stdout=open(os.path.join(workdir, "redis.log"), "a"), stderr=subprocess.STDOUT)
    deadline = time.time() + 10
    while time.time() < deadline:
        try:
            if "PONG" in redis(port, "PING"):
                return p
        except OSError:
            pass
        time.sleep(0.05)
    raise RuntimeError("redis-server did not start on %d" % port)


def start_app(jar, port, env, log_path, extra_args=()):
    full = dict(os.environ)
    full.update(env)
    full["QN_PORT"] = str(port)
    # QN_BENCH_JAVA_OPTS adds JVM options, e.g. -XX:StartFlightRecording=filename=app.jfr to profile a run
    args = ["java", "-Xms256m", "-Xmx768m"] + os.environ.get("QN_BENCH_JAVA_OPTS", "").split() + ["-jar", jar, "--spring.profiles.active=prod"] + list(extra_args)
    p = subprocess.Popen(args, env=full, stdout=open(log_path, "a"), stderr=subprocess.STDOUT)
    deadline = time.time() + 600
    while time.time() < deadline:
        if p.poll() is not None:
            raise RuntimeError("the application stopped at start; see " + log_path)
        status, _, _ = http("GET", "http://127.0.0.1:%d/readyz" % port, timeout=5)
        if status == 200:
            return p
        time.sleep(1)
    raise RuntimeError("the application did not become ready in 10 minutes")


def percentile(values, p):
    if not values:
        return float("nan")
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100.0 * (len(s) - 1))))]

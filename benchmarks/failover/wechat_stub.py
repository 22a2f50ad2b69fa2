#!/usr/bin/env python3
"""A stand-in for WeChat's API for benchmarks/failover.sh: sign-in, phone numbers, content check, and the
sends (template, customer-service, subscribe), each recorded so the script can count duplicates.
Usage: wechat_stub.py PORT MINI_APP_ID. GET /_sent answers every recorded send as JSON lines."""
import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlparse, parse_qs

PORT, MINI_APP_ID = int(sys.argv[1]), sys.argv[2]
SENT = []
LOCK = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def answer(self, body, status=200):
        data = body.encode() if isinstance(body, str) else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        self.route(b"")

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        self.route(self.rfile.read(length) if length else b"")

    def route(self, raw):
        url = urlparse(self.path)
        path, query = url.path, parse_qs(url.query)
        body = {}
        if raw:
            try:
                body = json.loads(raw)
            except ValueError:
                body = {}
        if path == "/_sent":
            with LOCK:
                return self.answer("\n".join(json.dumps(s, ensure_ascii=False) for s in SENT))
        if path.endswith("/token") or path.endswith("/stable_token"):
            return self.answer({"access_token": "stub-token", "expires_in": 7200})
        if path.endswith("/jscode2session"):
            code = query.get("js_code", [""])[0]
            return self.answer({"openid": code.removeprefix("code-"), "session_key": "c3R1Yi1zZXNzaW9uLWtleQ=="})
        if path.endswith("/getuserphonenumber"):
            phone = str(body.get("code", "")).removeprefix("phone-")
            return self.answer({"errcode": 0, "errmsg": "ok", "phone_info": {
                "phoneNumber": phone, "purePhoneNumber": phone, "countryCode": "86",
                "watermark": {"appid": MINI_APP_ID, "timestamp": 0}}})
        if path.endswith("/msg_sec_check"):
            return self.answer({"errcode": 0, "errmsg": "ok", "result": {"suggest": "pass", "label": 100}})
        for kind in ("template/send", "custom/send", "subscribe/send"):
            if path.endswith(kind):
                with LOCK:
                    SENT.append({"kind": kind.split("/")[0], "to": body.get("touser"),
                                 "text": (body.get("text") or {}).get("content"), "template": body.get("template_id")})
                return self.answer({"errcode": 0, "errmsg": "ok", "msgid": len(SENT)})
        return self.answer({"errcode": 0, "errmsg": "ok"})


ThreadingHTTPServer(("127.0.0.1", PORT), Handler).serve_forever()

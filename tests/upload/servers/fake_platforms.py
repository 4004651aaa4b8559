#!/usr/bin/env python3
"""Loopback-only test servers for the upload queue: a tus 1.0 server, a Douyin-open-platform-style part-upload
server, a plain PUT endpoint and a multipart form endpoint, all with fault injection.

Started by the tests: `fake_platforms.py --dir DIR` binds 127.0.0.1 on a free port and prints `PORT n`.
Control (JSON): POST /_ctl/config {...}, POST /_ctl/faults [{...}], GET /_ctl/state, POST /_ctl/reset.

A fault is {"match": {"method": "PATCH", "path": "/files/", "endpoint": "upload_video_part"}, "times": 1, ...}
with one action:
  "status": 500, "headers": {...}, "body": "..."    answer with that (after reading the request body)
  "reset_at": N                                     tus: RST once the upload reaches byte N; douyin: N bytes into the part
  "delay": seconds                                  sleep before answering (a stall)
  "bad_json": true                                  douyin: a 200 whose body is not JSON
  "drop_field": "upload_id"                         douyin: omit that field from data
  "wrong_offset": N                                 tus PATCH: claim Upload-Offset N in the reply
  "head_offset": N                                  tus HEAD: claim Upload-Offset N
  "expire_token": true                              douyin: the current access token stops working now
  "expire_session": true                            douyin: the upload id expires now
  "hang_after": seconds                             process the request fully, then wait before answering
"""
import argparse
import base64
import hashlib
import json
import os
import socket
import struct
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MIN_PART = 5 * 1024 * 1024
TOKEN_EXPIRED = 2190008
UPLOAD_EXPIRED = 2190015


class Reset(Exception):
    pass


class State:
    def __init__(self, root, discard):
        self.root = root
        self.discard = discard
        self.lock = threading.Lock()
        self.reset()

    def reset(self):
        self.config = {
            "checksum": True, "max_size": 0, "access_token": "AT-1", "refresh_token": "RT-1",
            "client_key": "test-client", "session_ttl": 3600, "refresh_fails": False, "tokens_never_valid": False,
            "require_auth": "",
        }
        self.faults = []
        self.tus = {}
        self.next_id = 1
        self.requests = []  # (method, path) in order
        self.inflight = 0
        self.peak_inflight = 0
        self.open_uploads = 0
        self.peak_open_uploads = 0
        self.dy_uploads = {}
        self.videos = {}
        self.items = []
        self.create_calls = 0
        self.refresh_calls = 0
        self.puts = {}
        self.forms = []
        self.token_gen = 1
        for sub in ("tus", "douyin", "put", "form"):
            os.makedirs(os.path.join(self.root, sub), exist_ok=True)

    def take_fault(self, method, path, endpoint=""):
        with self.lock:
            for fault in self.faults:
                m = fault.get("match", {})
                if m.get("method") and m["method"] != method:
                    continue
                if m.get("path") and not path.startswith(m["path"]):
                    continue
                if m.get("endpoint") and m["endpoint"] != endpoint:
                    continue
                if fault.get("times", 1) == 0:
                    continue
                if fault.get("times", 1) > 0:
                    fault["times"] = fault.get("times", 1) - 1
                fault["used"] = fault.get("used", 0) + 1
                return fault
        return None

    def snapshot(self):
        with self.lock:
            return {
                "tus": self.tus, "requests": self.requests[-5000:], "peak_inflight": self.peak_inflight,
                "peak_open_uploads": self.peak_open_uploads, "douyin_uploads": self.dy_uploads,
                "videos": self.videos, "items": self.items, "create_calls": self.create_calls,
                "refresh_calls": self.refresh_calls, "access_token": self.config["access_token"], "puts": self.puts,
                "forms": self.forms, "faults": self.faults, "request_count": len(self.requests),
            }


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "FakePlatforms/1.0"

    def log_message(self, fmt, *args):
        pass

    # ---- plumbing -------------------------------------------------------------------------------------------
    def handle_one_request(self):
        try:
            super().handle_one_request()
        except Reset:
            self.close_connection = True
            try:
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                self.connection.close()
            except OSError:
                pass
        except (ConnectionError, BrokenPipeError, socket.timeout):
            self.close_connection = True

    def reset_connection(self):
        raise Reset()

    def body_length(self):
        return int(self.headers.get("Content-Length") or 0)

    def read_body(self, limit=64 * 1024 * 1024):
        n = self.body_length()
        data = bytearray()
        while len(data) < n:
            chunk = self.rfile.read(min(1 << 20, n - len(data)))
            if not chunk:
                break
            data += chunk
        return bytes(data[:limit])

    def drain(self):
        n = self.body_length()
        while n > 0:
            chunk = self.rfile.read(min(1 << 20, n))
            if not chunk:
                break
            n -= len(chunk)

    def reply(self, status, headers=None, body=b""):
        if isinstance(body, str):
            body = body.encode()
        self.send_response(status)
        for k, v in (headers or {}).items():
            self.send_header(k, str(v))
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body and self.command != "HEAD":
            self.wfile.write(body)

    def reply_json(self, status, obj, headers=None):
        h = {"Content-Type": "application/json"}
        h.update(headers or {})
        self.reply(status, h, json.dumps(obj))

    def apply_simple_fault(self, fault):
        """Status and delay faults, common to every endpoint. Returns True when the request was answered."""
        if fault is None:
            return False
        if fault.get("delay"):
            time.sleep(fault["delay"])
        if fault.get("status"):
            self.drain()
            self.reply(fault["status"], fault.get("headers"), fault.get("body", ""))
            return True
        return False

    def track(self, delta):
        with S.lock:
            S.inflight += delta
            S.peak_inflight = max(S.peak_inflight, S.inflight)

    def dispatch(self):
        with S.lock:
            S.requests.append([self.command, self.path])
        path = urllib.parse.urlsplit(self.path).path
        if path.startswith("/_ctl/"):
            return self.control(path)
        self.track(+1)
        try:
            if path.startswith("/files"):
                return self.tus(path)
            if path.startswith("/api/douyin/") or path.startswith("/oauth/"):
                return self.douyin(path)
            if path.startswith("/put/"):
                return self.put(path)
            if path.startswith("/form/"):
                return self.form(path)
            self.drain()
            self.reply(404, body="no such endpoint")
        finally:
            self.track(-1)

    do_GET = do_POST = do_PUT = do_PATCH = do_HEAD = do_OPTIONS = do_DELETE = dispatch

    # ---- control --------------------------------------------------------------------------------------------
    def control(self, path):
        body = self.read_body()
        if path == "/_ctl/state":
            return self.reply_json(200, S.snapshot())
        if path == "/_ctl/reset":
            with S.lock:
                S.reset()
            return self.reply_json(200, {"ok": True})
        if path == "/_ctl/config":
            with S.lock:
                S.config.update(json.loads(body or b"{}"))
            return self.reply_json(200, {"ok": True})
        if path == "/_ctl/faults":
            with S.lock:
                S.faults = json.loads(body or b"[]")
            return self.reply_json(200, {"ok": True})
        if path == "/_ctl/complete_tus":
            # Test setup: an upload that already holds a whole file (as if a crash hit the last byte).
            req = json.loads(body)
            with S.lock:
                uid = str(S.next_id)
                S.next_id += 1
                dest = os.path.join(S.root, "tus", uid + ".bin")
                with open(req["source"], "rb") as src, open(dest, "wb") as out:
                    out.write(src.read())
                size = os.path.getsize(dest)
                S.tus[uid] = {"length": size, "offset": size, "received": size, "patches": [], "conflicts": 0,
                              "complete": True, "path": dest, "metadata": ""}
            return self.reply_json(200, {"id": uid, "location": "/files/" + uid})
        return self.reply(404)

    def check_auth(self):
        need = S.config.get("require_auth")
        if need and self.headers.get("Authorization") != need:
            self.drain()
            self.reply(401, body="authorization required")
            return False
        return True

    # ---- tus ------------------------------------------------------------------------------------------------
    def tus_headers(self, extra=None):
        h = {"Tus-Resumable": "1.0.0", "Cache-Control": "no-store"}
        h.update(extra or {})
        return h

    def tus(self, path):
        fault = S.take_fault(self.command, path)
        if self.apply_simple_fault(fault):
            return
        if not self.check_auth():
            return
        if self.command == "OPTIONS":
            ext = "creation,termination" + (",checksum" if S.config["checksum"] else "")
            h = {"Tus-Version": "1.0.0", "Tus-Extension": ext, "Tus-Checksum-Algorithm": "md5,sha1"}
            if S.config["max_size"]:
                h["Tus-Max-Size"] = S.config["max_size"]
            return self.reply(204, self.tus_headers(h))
        if self.command == "POST" and path.rstrip("/") == "/files":
            self.drain()
            length = int(self.headers.get("Upload-Length", "-1"))
            if length < 0:
                return self.reply(400, self.tus_headers(), "Upload-Length required")
            if S.config["max_size"] and length > S.config["max_size"]:
                return self.reply(413, self.tus_headers({"Content-Type": "application/json"}),
                                  json.dumps({"message": "upload exceeds the server limit of %d bytes"
                                              % S.config["max_size"]}))
            with S.lock:
                uid = str(S.next_id)
                S.next_id += 1
                dest = os.path.join(S.root, "tus", uid + ".bin")
                if not S.discard:
                    open(dest, "wb").close()
                S.tus[uid] = {"length": length, "offset": 0, "received": 0, "patches": [], "conflicts": 0,
                              "complete": length == 0, "path": dest,
                              "metadata": self.headers.get("Upload-Metadata", "")}
                S.open_uploads += 0 if length == 0 else 1
                S.peak_open_uploads = max(S.peak_open_uploads, S.open_uploads)
            return self.reply(201, self.tus_headers({"Location": "/files/" + uid}))
        uid = path.rstrip("/").rsplit("/", 1)[-1]
        with S.lock:
            up = S.tus.get(uid)
        if up is None:
            self.drain()
            return self.reply(404, self.tus_headers(), "no such upload")
        if self.command == "HEAD":
            offset = up["offset"]
            if fault and "head_offset" in fault:
                offset = fault["head_offset"]
            return self.reply(200, self.tus_headers({"Upload-Offset": offset, "Upload-Length": up["length"]}))
        if self.command == "DELETE":
            with S.lock:
                S.tus.pop(uid, None)
            return self.reply(204, self.tus_headers())
        if self.command != "PATCH":
            self.drain()
            return self.reply(405, self.tus_headers())
        if self.headers.get("Content-Type") != "application/offset+octet-stream":
            self.drain()
            return self.reply(415, self.tus_headers())
        start = int(self.headers.get("Upload-Offset", "-1"))
        if start != up["offset"]:
            self.drain()
            with S.lock:
                up["conflicts"] += 1
            return self.reply(409, self.tus_headers({"Upload-Offset": up["offset"]}), "offset mismatch")
        n = self.body_length()
        if start + n > up["length"]:
            self.drain()
            return self.reply(400, self.tus_headers(), "beyond Upload-Length")
        checksum = self.headers.get("Upload-Checksum")
        digest = None
        if checksum:
            algo, _, expected = checksum.partition(" ")
            if algo not in ("sha1", "md5"):
                self.drain()
                return self.reply(400, self.tus_headers(), "unsupported checksum")
            digest = hashlib.new(algo)
        reset_at = fault.get("reset_at") if fault else None
        patch = {"offset": start, "length": n, "received": 0, "accepted": False}
        with S.lock:
            up["patches"].append(patch)
        got = 0
        out = None if S.discard else open(up["path"], "r+b")
        try:
            if out:
                out.seek(start)
            while got < n:
                want = min(1 << 20, n - got)
                if reset_at is not None:
                    want = min(want, max(0, reset_at - (start + got)))
                    if want == 0:
                        break
                chunk = self.rfile.read(want)
                if not chunk:
                    break
                if out:
                    out.write(chunk)
                if digest:
                    digest.update(chunk)
                got += len(chunk)
                with S.lock:
                    patch["received"] = got
                    up["received"] += len(chunk)
                    if not digest:
                        up["offset"] = start + got  # without a checksum, every byte that arrived counts
        finally:
            if out:
                out.close()
        if got < n:
            if digest:
                with S.lock:
                    up["offset"] = start  # an unverifiable partial chunk is discarded
            if reset_at is not None:
                self.reset_connection()
            self.close_connection = True
            return
        if digest and base64.b64encode(digest.digest()).decode() != expected:
            with S.lock:
                up["offset"] = start
            return self.reply(460, self.tus_headers(), "checksum mismatch")
        with S.lock:
            up["offset"] = start + n
            patch["accepted"] = True
            if up["offset"] == up["length"] and not up["complete"]:
                up["complete"] = True
                S.open_uploads -= 1
        if fault and fault.get("hang_after"):
            time.sleep(fault["hang_after"])
        offset = up["offset"]
        if fault and "wrong_offset" in fault:
            offset = fault["wrong_offset"]
        return self.reply(204, self.tus_headers({"Upload-Offset": offset}))

    # ---- Douyin-style -----------------------------------------------------------------------------------------
    def dy_error(self, code, description, status=200):
        return self.reply_json(status, {"data": {"error_code": code, "description": description},
                                        "extra": {"error_code": code, "description": description}})

    def dy_ok(self, data, fault):
        data = dict(data, error_code=0, description="")
        if fault and fault.get("drop_field"):
            data.pop(fault["drop_field"], None)
        if fault and fault.get("bad_json"):
            return self.reply(200, {"Content-Type": "application/json"}, '{"data": {"upload_id": ')
        return self.reply_json(200, {"data": data, "extra": {"error_code": 0}})

    def token_ok(self):
        token = self.headers.get("access-token", "")
        with S.lock:
            return not S.config["tokens_never_valid"] and token == S.config["access_token"], token

    def douyin(self, path):
        endpoint = path.rstrip("/").rsplit("/", 1)[-1]
        query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(self.path).query))
        fault = S.take_fault(self.command, path, endpoint)
        if self.apply_simple_fault(fault):
            return
        if fault and fault.get("expire_token"):
            with S.lock:
                S.token_gen += 1
                S.config["access_token"] = "AT-%d-expired-by-test" % S.token_gen
        if endpoint == "refresh_token":
            form = dict(urllib.parse.parse_qsl(self.read_body().decode()))
            with S.lock:
                S.refresh_calls += 1
                ok = (not S.config["refresh_fails"] and form.get("refresh_token") == S.config["refresh_token"]
                      and form.get("client_key") == S.config["client_key"])
                if ok:
                    S.token_gen += 1
                    S.config["access_token"] = "AT-%d" % S.token_gen
                    S.config["refresh_token"] = "RT-%d" % S.token_gen
                    token, refresh = S.config["access_token"], S.config["refresh_token"]
            if not ok:
                return self.dy_error(10010, "refresh_token %s is invalid" % form.get("refresh_token"))
            return self.reply_json(200, {"data": {"access_token": token, "refresh_token": refresh,
                                                  "expires_in": 1296000, "error_code": 0, "description": ""},
                                         "message": "success"})
        valid, token = self.token_ok()
        if not valid:
            self.drain()
            # Like some real platforms, the error echoes the token: the client must not repeat it anywhere.
            return self.dy_error(TOKEN_EXPIRED, "access_token %s expired, please refresh" % token)
        if endpoint == "init_video_part_upload":
            self.drain()
            with S.lock:
                uid = "u%d" % S.next_id
                S.next_id += 1
                S.dy_uploads[uid] = {"parts": {}, "expires": time.time() + S.config["session_ttl"],
                                     "received": 0, "video_id": ""}
            os.makedirs(os.path.join(S.root, "douyin", uid), exist_ok=True)
            return self.dy_ok({"upload_id": uid, "expires_in": S.config["session_ttl"]}, fault)
        uid = query.get("upload_id", "")
        if endpoint in ("upload_video_part", "complete_video_part_upload"):
            with S.lock:
                up = S.dy_uploads.get(uid)
                if up is not None and fault and fault.get("expire_session"):
                    up["expires"] = 0
            if up is None or up["expires"] < time.time():
                self.drain()
                return self.dy_error(UPLOAD_EXPIRED, "upload_id %s expired or unknown" % uid)
        if endpoint == "upload_video_part":
            part = int(query.get("part_number", "0"))
            n = self.body_length()
            reset_at = fault.get("reset_at") if fault else None
            dest = os.path.join(S.root, "douyin", uid, "%d.part" % part)
            got = 0
            with open(dest + ".tmp", "wb") as out:
                while got < n:
                    want = min(1 << 20, n - got)
                    if reset_at is not None:
                        want = min(want, max(0, reset_at - got))
                        if want == 0:
                            break
                    chunk = self.rfile.read(want)
                    if not chunk:
                        break
                    out.write(chunk)
                    got += len(chunk)
                    with S.lock:
                        up["received"] += len(chunk)
            if got < n:
                if reset_at is not None:
                    self.reset_connection()
                self.close_connection = True
                return
            os.replace(dest + ".tmp", dest)
            with S.lock:
                up["parts"][str(part)] = n
            return self.dy_ok({}, fault)
        if endpoint == "complete_video_part_upload":
            self.drain()
            with S.lock:
                parts = up["parts"]
                numbers = sorted(int(p) for p in parts)
                if not numbers or numbers != list(range(1, len(numbers) + 1)):
                    return self.dy_error(2190016, "parts missing: %s" % numbers)
                if any(parts[str(p)] < MIN_PART for p in numbers[:-1]):
                    return self.dy_error(2190017, "a part other than the last is under 5 MB")
                if not up["video_id"]:
                    vid = "v.%s" % uid
                    dest = os.path.join(S.root, "douyin", vid + ".mp4")
                    sha = hashlib.sha256()
                    with open(dest, "wb") as out:
                        for p in numbers:
                            with open(os.path.join(S.root, "douyin", uid, "%d.part" % p), "rb") as src:
                                while True:
                                    block = src.read(1 << 20)
                                    if not block:
                                        break
                                    out.write(block)
                                    sha.update(block)
                    up["video_id"] = vid
                    S.videos[vid] = {"path": dest, "sha256": sha.hexdigest(), "size": os.path.getsize(dest)}
                vid = up["video_id"]
            return self.dy_ok({"video": {"video_id": vid, "width": 1080, "height": 1920}}, fault)
        if endpoint == "create_video":
            body = json.loads(self.read_body() or b"{}")
            with S.lock:
                S.create_calls += 1
                vid = body.get("video_id", "")
                if vid not in S.videos:
                    return self.dy_error(2190020, "unknown video_id")
                item = "i%d" % (len(S.items) + 1)
                S.items.append({"item_id": item, "video_id": vid, "text": body.get("text", "")})
            if fault and fault.get("hang_after"):
                time.sleep(fault["hang_after"])
            return self.dy_ok({"item_id": item}, fault)
        if endpoint == "video_data":
            body = json.loads(self.read_body() or b"{}")
            wanted = set(body.get("video_ids", []))
            with S.lock:
                found = [dict(i) for i in S.items if i["video_id"] in wanted]
            return self.dy_ok({"list": found}, fault)
        self.drain()
        return self.dy_error(404, "unknown endpoint", 404)

    # ---- plain PUT and multipart form -----------------------------------------------------------------------
    def put(self, path):
        fault = S.take_fault(self.command, path)
        if self.apply_simple_fault(fault):
            return
        if not self.check_auth():
            return
        name = urllib.parse.unquote(path[len("/put/"):])
        dest = os.path.join(S.root, "put", os.path.basename(name))
        if self.command == "HEAD":
            if not os.path.exists(dest):
                return self.reply(404)
            self.send_response(200)
            self.send_header("Content-Length", str(os.path.getsize(dest)))
            self.end_headers()
            return
        if self.command != "PUT":
            self.drain()
            return self.reply(405)
        n = self.body_length()
        got = 0
        with open(dest + ".tmp", "wb") as out:
            while got < n:
                chunk = self.rfile.read(min(1 << 20, n - got))
                if not chunk:
                    break
                out.write(chunk)
                got += len(chunk)
        if got < n:
            self.close_connection = True
            return
        os.replace(dest + ".tmp", dest)
        with S.lock:
            S.puts[name] = {"path": dest, "size": n, "count": S.puts.get(name, {}).get("count", 0) + 1}
        return self.reply(201, {"Location": path})

    def form(self, path):
        fault = S.take_fault(self.command, path)
        if self.apply_simple_fault(fault):
            return
        import email.parser
        import email.policy
        body = self.read_body(limit=1 << 31)
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
            b"Content-Type: " + self.headers.get("Content-Type", "").encode() + b"\r\n\r\n" + body)
        fields, stored = {}, None
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            filename = part.get_filename()
            payload = part.get_payload(decode=True)
            if filename:
                stored = os.path.join(S.root, "form", os.path.basename(filename))
                with open(stored, "wb") as out:
                    out.write(payload)
            else:
                fields[name] = payload.decode()
        with S.lock:
            S.forms.append({"fields": fields, "path": stored})
        return self.reply_json(201, {"ok": True})


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request, client_address):
        pass  # clients that vanish mid-request are part of the tests


def main():
    global S
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", required=True)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--discard", action="store_true", help="count uploaded bytes without storing them")
    args = parser.parse_args()
    S = State(args.dir, args.discard)
    server = Server(("127.0.0.1", args.port), Handler)
    print("PORT %d" % server.server_address[1], flush=True)
    try:
        server.serve_forever(poll_interval=0.1)
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()

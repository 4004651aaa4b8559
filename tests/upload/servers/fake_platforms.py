#!/usr/bin/env python3
"""Loopback-only test servers for the upload queue: a tus 1.0 server, a strict fake of Douyin's open platform
(the documented /api/douyin/v1/video/* upload and publish API), a plain PUT endpoint and a multipart form endpoint,
all with fault injection.

Started by the tests: `fake_platforms.py --dir DIR [--host 127.x.y.z] [--tls-cert PEM]` binds a loopback address on
a free port and prints `PORT n`.
Control (JSON): POST /_ctl/config {...}, POST /_ctl/faults [{...}], GET /_ctl/state, POST /_ctl/reset.

A fault is {"match": {"method": "PATCH", "path": "/files/", "endpoint": "upload_video_part"}, "times": 1, ...}
with one action:
  "status": 500, "headers": {...}, "body": "..."    answer with that (after reading the request body)
  "reset_at": N                                     tus: RST once the upload reaches byte N; douyin: N bytes into the body
  "location": "http://127.0.0.2:9/files/{id}"       tus POST: answer with this Location ({id}, {port} filled in)
  "error_code": N, "description": "..."             douyin: HTTP 200 with that data.error_code
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
import email.parser
import email.policy
import hashlib
import json
import os
import socket
import ssl
import struct
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MIN_PART = 5 * 1024 * 1024
MAX_SINGLE_UPLOAD = 128 * 1024 * 1024
DY_API = "/api/douyin/v1/video/"
# Codes from the platform's documentation (see studio/upload/douyintarget.cpp).
PARAMETER_ERROR = 2100005
TOKEN_INVALID = 28001003
TOKEN_EXPIRED = 28001008
REFRESH_EXPIRED = 10010
INVALID_VIDEO_ID = 2190007


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
            "client_key": "test-client", "refresh_fails": False, "tokens_never_valid": False,
            "require_auth": "", "open_id": "open-1", "session_ttl": 7200, "list_hides_video_id": False,
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
        self.part_receipts = 0
        self.rejected = []
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
                "part_receipts": self.part_receipts, "rejected": self.rejected,
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
            location = "/files/" + uid
            if fault and "location" in fault:
                # Test what a client does with other Locations: relative forms, or another host, port, scheme.
                location = fault["location"].replace("{id}", uid).replace("{port}", str(self.server.server_address[1]))
            return self.reply(201, self.tus_headers({"Location": location}))
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

    # ---- Douyin open platform ----------------------------------------------------------------------------
    # As documented (see studio/upload/douyintarget.cpp for the pages): /api/douyin/v1/video/* with the token
    # in an access-token header and open_id in the query, clips as the multipart/form-data field "video",
    # HTTP 200 with data.error_code for every platform error. Strict on purpose: a client that drifts from the
    # documented API fails here the way it would fail against the platform.
    def dy_error(self, code, description, status=200):
        return self.reply_json(status, {
            "data": {"error_code": code, "description": description},
            "extra": {"error_code": code, "description": description, "sub_error_code": 0, "sub_description": "",
                      "logid": "2026%016d" % S.next_id, "now": int(time.time() * 1000)}})

    def dy_ok(self, data, fault, code_as_string=False):
        # The documentation's own samples give error_code sometimes as a string: clients must take both.
        data = dict(data, error_code="0" if code_as_string else 0, description="")
        if fault and fault.get("drop_field"):
            data.pop(fault["drop_field"], None)
        if fault and fault.get("bad_json"):
            return self.reply(200, {"Content-Type": "application/json"}, '{"data": {"upload_id": ')
        return self.reply_json(200, {"data": data, "extra": {"error_code": 0, "description": "", "sub_error_code": 0,
                                                             "sub_description": "", "logid": "2026", "now": 0}})

    def dy_reject(self, reason):
        with S.lock:
            S.rejected.append(reason)
        return self.dy_error(PARAMETER_ERROR, "参数不合法: " + reason)

    def read_limited(self, reset_at):
        """The whole body, or None after resetting the connection reset_at bytes in (a fault)."""
        n = self.body_length()
        data = bytearray()
        while len(data) < n:
            want = min(1 << 20, n - len(data))
            if reset_at is not None:
                want = min(want, max(0, reset_at - len(data)))
                if want == 0:
                    self.reset_connection()
            chunk = self.rfile.read(want)
            if not chunk:
                self.close_connection = True
                return None
            data += chunk
        return bytes(data)

    def video_field(self, body):
        """The "video" file of a multipart/form-data body, parsed by the standard library, or an error text."""
        ctype = self.headers.get("Content-Type", "")
        if not ctype.lower().startswith("multipart/form-data"):
            return None, "the body must be multipart/form-data, not %r" % ctype
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
            b"Content-Type: " + ctype.encode() + b"\r\n\r\n" + body)
        if not message.is_multipart():
            return None, "the multipart body could not be parsed"
        names = []
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            names.append(name)
            if name == "video" and part.get_filename():
                return part.get_payload(decode=True), None
        return None, "no file in the form field \"video\" (fields: %s)" % names

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
        if fault and fault.get("error_code"):
            self.drain()
            return self.dy_error(fault["error_code"], fault.get("description", ""))
        if fault and fault.get("expire_token"):
            with S.lock:
                S.token_gen += 1
                S.config["access_token"] = "AT-%d-expired-by-test" % S.token_gen
        if path == "/oauth/refresh_token/":
            return self.dy_refresh()
        if not path.startswith(DY_API) or not path.endswith("/"):
            self.drain()
            return self.reply(404, body="no such endpoint")
        if "access_token" in query:
            self.drain()
            return self.dy_reject("access_token belongs in the access-token header, not in the query")
        valid, token = self.token_ok()
        if not valid:
            self.drain()
            # Like some real platforms, the error echoes the token: the client must not repeat it anywhere.
            code = TOKEN_EXPIRED if token.startswith("AT-") or token.startswith("tok-") else TOKEN_INVALID
            return self.dy_error(code, "access_token %s 过期,请刷新或重新授权" % token)
        if query.get("open_id") != S.config["open_id"]:
            self.drain()
            return self.dy_reject("open_id %r is not the authorised user" % query.get("open_id"))
        expected = "GET" if endpoint == "video_list" else "POST"
        if self.command != expected:
            self.drain()
            return self.reply(405, body="method not allowed")
        handler = getattr(self, "dy_" + endpoint, None)
        if handler is None:
            self.drain()
            return self.reply(404, body="no such endpoint")
        return handler(query, fault)

    def dy_refresh(self):
        if self.command != "POST" or self.headers.get("Content-Type") != "application/x-www-form-urlencoded":
            self.drain()
            return self.dy_reject("refresh_token takes a POST of application/x-www-form-urlencoded")
        form = dict(urllib.parse.parse_qsl(self.read_body().decode()))
        with S.lock:
            S.refresh_calls += 1
            ok = (not S.config["refresh_fails"] and form.get("grant_type") == "refresh_token"
                  and form.get("refresh_token") == S.config["refresh_token"]
                  and form.get("client_key") == S.config["client_key"])
            if ok:
                S.token_gen += 1
                S.config["access_token"] = "AT-%d" % S.token_gen
                token = S.config["access_token"]
        if not ok:
            return self.dy_error(REFRESH_EXPIRED, "refresh_token %s 已过期" % form.get("refresh_token"))
        # The refresh_token itself is not renewed by this call (its 30 days keep running).
        return self.reply_json(200, {"data": {"access_token": token, "refresh_token": form["refresh_token"],
                                              "expires_in": 1296000, "refresh_expires_in": 2592000,
                                              "open_id": S.config["open_id"], "scope": "video.create.bind",
                                              "error_code": 0, "description": ""}, "message": "success"})

    def dy_json_body(self):
        if self.headers.get("Content-Type", "").split(";")[0].strip() != "application/json":
            self.drain()
            return None, "the body must be application/json"
        try:
            return json.loads(self.read_body() or b"{}"), None
        except ValueError:
            return None, "the body is not JSON"

    def new_video(self, data, mode):
        with S.lock:
            vid = "v0200f%08d0000bn8c6aa0ifki8fikg1b0" % S.next_id
            S.next_id += 1
            dest = os.path.join(S.root, "douyin", vid + ".mp4")
        with open(dest, "wb") as out:
            out.write(data)
        with S.lock:
            S.videos[vid] = {"path": dest, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data),
                             "mode": mode, "published": False}
        return vid

    def dy_upload_video(self, query, fault):
        if self.body_length() > MAX_SINGLE_UPLOAD:
            self.drain()
            return self.reply(413, body="413 Request Entity Too Large")
        body = self.read_limited(fault.get("reset_at") if fault else None)
        if body is None:
            return
        video, problem = self.video_field(body)
        if problem:
            return self.dy_reject(problem)
        vid = self.new_video(video, "single")
        return self.dy_ok({"video": {"video_id": vid, "width": 720, "height": 1280}}, fault, code_as_string=True)

    def dy_init_video_part_upload(self, query, fault):
        _, problem = self.dy_json_body()
        if problem:
            return self.dy_reject(problem)
        with S.lock:
            # Real upload ids carry '@', '+', '/' and '=': a client that does not encode them loses the upload.
            uid = "@8hx+dh/auTCM%d==" % S.next_id
            S.next_id += 1
            S.dy_uploads[uid] = {"parts": {}, "accepted": {}, "expires": time.time() + S.config["session_ttl"],
                                 "received": 0, "video_id": "", "dir": "up%d" % S.next_id}
            folder = os.path.join(S.root, "douyin", S.dy_uploads[uid]["dir"])
        os.makedirs(folder, exist_ok=True)
        return self.dy_ok({"upload_id": uid}, fault)

    def dy_upload(self, query, fault, drain=True):
        uid = query.get("upload_id", "")
        with S.lock:
            up = S.dy_uploads.get(uid)
            if up is not None and fault and fault.get("expire_session"):
                up["expires"] = 0
        if up is None or up["expires"] < time.time():
            if drain:
                self.drain()
            self.dy_reject("upload_id %s 已过期或不存在" % uid)
            return None
        return up

    def dy_upload_video_part(self, query, fault):
        try:
            part = int(query.get("part_number", ""))
        except ValueError:
            part = 0
        if part < 1:
            self.drain()
            return self.dy_reject("part_number must count from 1, not %r" % query.get("part_number"))
        up = self.dy_upload(query, fault)
        if up is None:
            return
        body = self.read_limited(fault.get("reset_at") if fault else None)
        with S.lock:
            up["received"] += len(body) if body is not None else 0
        if body is None:
            return
        video, problem = self.video_field(body)
        if problem:
            return self.dy_reject(problem)
        with open(os.path.join(S.root, "douyin", up["dir"], "%d.part" % part), "wb") as out:
            out.write(video)
        with S.lock:
            up["parts"][str(part)] = len(video)
            up["accepted"][str(part)] = up["accepted"].get(str(part), 0) + 1
            S.part_receipts += 1
        if fault and fault.get("hang_after"):
            time.sleep(fault["hang_after"])
        return self.dy_ok({}, fault)

    def dy_complete_video_part_upload(self, query, fault):
        _, problem = self.dy_json_body()
        if problem:
            return self.dy_reject(problem)
        up = self.dy_upload(query, fault, drain=False)
        if up is None:
            return
        with S.lock:
            parts = dict(up["parts"])
        numbers = sorted(int(p) for p in parts)
        if not numbers or numbers != list(range(1, len(numbers) + 1)):
            return self.dy_reject("parts missing: %s" % numbers)
        if any(parts[str(p)] < MIN_PART for p in numbers[:-1]):
            return self.dy_reject("every part but the last must be at least 5 MB: %s" % parts)
        if not up["video_id"]:
            data = b"".join(open(os.path.join(S.root, "douyin", up["dir"], "%d.part" % p), "rb").read()
                            for p in numbers)
            up["video_id"] = self.new_video(data, "parts")
        return self.dy_ok({"video": {"video_id": up["video_id"], "width": 720, "height": 1280}}, fault,
                          code_as_string=True)

    def dy_create_video(self, query, fault):
        body, problem = self.dy_json_body()
        if problem:
            return self.dy_reject(problem)
        with S.lock:
            S.create_calls += 1
            vid = body.get("video_id", "")
            video = S.videos.get(vid)
            if video is None or video["published"]:
                code = INVALID_VIDEO_ID
            else:
                code = 0
                video["published"] = True
                item = "@8hxdhauTCMppanGnM4ltGM780mDqPP+KPpR0qQOmLVAXb/T060zdRmYqig%d==" % (len(S.items) + 1)
                S.items.append({"item_id": item, "video_id": vid, "text": body.get("text", ""),
                                "create_time": int(time.time())})
        if code:
            return self.dy_error(code, "无效的 video_id %s" % vid)
        if fault and fault.get("hang_after"):
            time.sleep(fault["hang_after"])
        return self.dy_ok({"item_id": item, "video_id": vid}, fault)

    def dy_video_list(self, query, fault):
        cursor, count = int(query.get("cursor", "0")), int(query.get("count", "10"))
        with S.lock:
            newest = list(reversed(S.items))[cursor:cursor + count]
            found = [{"item_id": i["item_id"], "title": i["text"], "create_time": i["create_time"],
                      "video_status": 1, "is_reviewed": True, "is_top": False, "media_type": 4,
                      **({} if S.config["list_hides_video_id"] else {"video_id": i["video_id"]})} for i in newest]
            more = cursor + count < len(S.items)
        return self.dy_ok({"list": found, "cursor": cursor + len(found), "has_more": more}, fault)

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
    parser.add_argument("--host", default="127.0.0.1", help="a loopback address (127.0.0.0/8)")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--discard", action="store_true", help="count uploaded bytes without storing them")
    parser.add_argument("--tls-cert", help="serve https with this certificate (PEM, key included)")
    args = parser.parse_args()
    if not args.host.startswith("127."):
        parser.error("loopback addresses only")
    S = State(args.dir, args.discard)
    server = Server((args.host, args.port), Handler)
    if args.tls_cert:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(args.tls_cert)
        server.socket = context.wrap_socket(server.socket, server_side=True)
    print("PORT %d" % server.server_address[1], flush=True)
    try:
        server.serve_forever(poll_interval=0.1)
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()

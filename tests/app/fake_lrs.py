"""A small in-process LRS for the sync tests: the xAPI 1.0.3 POST rules on a real HTTP socket.

Stores statements by id; a batch with an id already stored under other content is refused with
409 (the whole batch, as xAPI requires); a batch with nothing new gets 204, otherwise 200 with the
new ids. `fail_next` makes the next POSTs answer 503. Records every request's headers.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class FakeLrs:
    def __init__(self):
        self.stored: dict[str, str] = {}
        self.requests: list[dict] = []
        self.fail_next = 0
        lrs = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                lrs.requests.append({"path": self.path, "headers": {key.lower(): value for key, value in self.headers.items()}, "body": body})
                status, answer = lrs.answer(json.loads(body))
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                if answer is not None:
                    self.wfile.write(json.dumps(answer).encode())

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/xAPI/"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def answer(self, batch: list[dict]):
        if self.fail_next:
            self.fail_next -= 1
            return 503, {"detail": "busy"}
        texts = {statement["id"]: json.dumps(statement, sort_keys=True) for statement in batch}
        for statement_id, text in texts.items():
            if statement_id in self.stored and self.stored[statement_id] != text:
                return 409, {"detail": f"Differing statements already exist with the same ID: {statement_id}"}
        new = [statement_id for statement_id in texts if statement_id not in self.stored]
        self.stored.update({statement_id: texts[statement_id] for statement_id in new})
        return (200, new) if new else (204, None)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

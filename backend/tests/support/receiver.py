"""A real HTTP server that receives task callbacks, answering each path from a script.

`Receiver.url(name, script)` gives a callback URL whose requests are answered in turn by
the script's entries (a status code, or "hang": answer nothing until the test ends); the
last entry is repeated. Every request is kept (headers and raw body) and can be waited for.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HANG = "hang"


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes


class Receiver:
    def __init__(self) -> None:
        self.scripts: dict[str, list[int | str]] = {}
        self.received: list[Received] = []
        self.changed = threading.Condition()
        self.released = threading.Event()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                with receiver.changed:
                    receiver.received.append(Received(self.path, dict(self.headers), body))
                    script = receiver.scripts.get(self.path) or [200]
                    answer = script.pop(0) if len(script) > 1 else script[0]
                    receiver.changed.notify_all()
                if answer == HANG:
                    receiver.released.wait(60)
                    return
                self.send_response(int(answer))
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *_: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def url(self, name: str, script: list[int | str]) -> str:
        path = f"/hooks/{name}"
        self.scripts[path] = list(script)
        return f"http://127.0.0.1:{self.server.server_address[1]}{path}"

    def answer(self, name: str, script: list[int | str]) -> None:
        """Answer the next requests to `name` from this script instead."""
        with self.changed:
            self.scripts[f"/hooks/{name}"] = list(script)

    def of(self, name: str) -> list[Received]:
        with self.changed:
            return [r for r in self.received if r.path == f"/hooks/{name}"]

    def wait_for(self, name: str, count: int, timeout: float = 30.0) -> list[Received]:
        """The first `count` requests to `name`, once they have come."""
        deadline = time.monotonic() + timeout
        with self.changed:
            while len(found := [r for r in self.received if r.path == f"/hooks/{name}"]) < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"{len(found)} of {count} callbacks to {name} came")
                self.changed.wait(left)
            return found[:count]

    def close(self) -> None:
        self.released.set()
        self.server.shutdown()
        self.server.server_close()

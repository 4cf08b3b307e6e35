"""ASGI middleware that breaks an agent's first N protocol calls on purpose.

FAULT=<kind>:<count> in the environment of the test agent, kind one of
  http500  answer HTTP 500
  drop     close the connection without an answer
  garbage  answer 200 with a body that is not A2A
  rpcerror answer 200 with a JSON-RPC error object (Internal error, -32603), which the
           A2A client raises as the protocol's own error, not as a client error
Only POSTs (SendMessage and friends) are broken; the card and GETs keep working, so the
agent still looks alive to the registry.
"""

from __future__ import annotations

import json
import os
from typing import Any

Scope = dict[str, Any]


class FaultInjector:
    def __init__(self, app: Any, spec: str | None = None) -> None:
        self.app = app
        kind, _, count = (spec or os.environ.get("FAULT", "")).partition(":")
        self.kind = kind
        self.remaining = int(count or 0)

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] != "POST" or self.remaining <= 0:
            await self.app(scope, receive, send)
            return
        self.remaining -= 1
        if self.kind == "drop":
            raise ConnectionResetError("fault injected: connection dropped")
        status, body = (500, b"internal error") if self.kind == "http500" else (200, b"<html>")
        if self.kind == "rpcerror":
            error = {"code": -32603, "message": "fault injected: internal error"}
            body = json.dumps({"jsonrpc": "2.0", "id": 1, "error": error}).encode()
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [(b"content-type", b"application/json")],
            }
        )
        await send({"type": "http.response.body", "body": body})

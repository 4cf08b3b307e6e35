"""ASGI middleware that breaks an agent's first N protocol calls on purpose.

FAULT=<kind>:<count> in the environment of the test agent, kind one of
  http500  answer HTTP 500
  drop     close the connection without an answer
  garbage  answer 200 with a body that is not A2A
Only POSTs (SendMessage and friends) are broken; the card and GETs keep working, so the
agent still looks alive to the registry.
"""

from __future__ import annotations

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
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [(b"content-type", b"application/json")],
            }
        )
        await send({"type": "http.response.body", "body": body})

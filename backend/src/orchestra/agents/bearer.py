"""Our agents' A2A endpoints behind a bearer token (AGENT_TOKEN), declared on their card.

With AGENT_TOKEN set, every request but the card, `/health` and `/metrics` needs
`Authorization: Bearer <AGENT_TOKEN>`; without it the answer is 401 with the A2A error for
it (-32603 in a JSON-RPC error at `/`, UNAUTHENTICATED elsewhere), as the orchestrator's own
A2A endpoint answers. The card declares the scheme, so a client knows what to send.
"""

from __future__ import annotations

import hmac

from a2a.server.request_handlers import build_error_response
from a2a.types import (
    AgentCard,
    HTTPAuthSecurityScheme,
    SecurityRequirement,
    SecurityScheme,
    StringList,
)
from a2a.utils.constants import AGENT_CARD_WELL_KNOWN_PATH
from a2a.utils.error_handlers import build_rest_error_payload
from a2a.utils.errors import A2AError
from starlette.datastructures import Headers
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

__all__ = ["SCHEME", "RequireToken", "declare"]

SCHEME = "bearer"
OPEN_PATHS = frozenset({AGENT_CARD_WELL_KNOWN_PATH, "/health", "/metrics"})


def declare(card: AgentCard) -> None:
    """State on the card that calls need the bearer token."""
    card.security_schemes[SCHEME].CopyFrom(
        SecurityScheme(
            http_auth_security_scheme=HTTPAuthSecurityScheme(
                scheme="Bearer",
                description="The agent's token (AGENT_TOKEN of its server).",
            )
        )
    )
    card.security_requirements.append(SecurityRequirement(schemes={SCHEME: StringList()}))


class _Unauthenticated(A2AError):
    """No valid token (HTTP 401)."""


class RequireToken:
    """ASGI middleware: 401 for requests to the A2A endpoints without the token."""

    def __init__(self, app: ASGIApp, *, token: str, jsonrpc_path: str) -> None:
        self.app = app
        self.expected = f"Bearer {token}".encode()
        self.jsonrpc_path = jsonrpc_path

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in OPEN_PATHS:
            await self.app(scope, receive, send)
            return
        given = Headers(scope=scope).get("authorization", "").encode()
        scheme, _, token = given.partition(b" ")
        # Constant time: the comparison tells nothing of how much of a guess was right.
        if scheme.lower() == b"bearer" and hmac.compare_digest(b"Bearer " + token, self.expected):
            await self.app(scope, receive, send)
            return
        error = _Unauthenticated(
            message="This agent needs 'Authorization: Bearer <token>' (its AGENT_TOKEN)."
        )
        if scope["path"] == self.jsonrpc_path:
            payload = build_error_response(None, error)
            details = payload["error"]["data"]
        else:
            payload = build_rest_error_payload(error)
            payload["error"]["code"] = 401
            payload["error"]["status"] = "UNAUTHENTICATED"
            details = payload["error"]["details"]
        for detail in details:
            detail["reason"] = "UNAUTHENTICATED"
        response = JSONResponse(payload, status_code=401, headers={"WWW-Authenticate": "Bearer"})
        await response(scope, receive, send)

"""Who is calling the A2A endpoints: the API key, resolved as the REST API resolves it.

`KeyCheck` (ASGI middleware, on the A2A paths only) answers 401 without a valid key when
AUTH_ENABLED, and leaves the caller's `Principal` in the request's state; `CallerContext`
puts it in the SDK's call context, where the executor and the task store read it back
(`principal`). Non-JSON bodies on those paths get the agents' 415 (`RequireJsonBody`).
"""

from __future__ import annotations

from a2a.auth.user import User
from a2a.server.context import ServerCallContext
from a2a.server.request_handlers import build_error_response
from a2a.server.routes import DefaultServerCallContextBuilder
from a2a.utils.error_handlers import build_rest_error_payload
from a2a.utils.errors import A2AError
from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from orchestra.a2a_server.card import JSONRPC_PATH, PREFIX
from orchestra.agents.content_type import RequireJsonBody
from orchestra.api.deps import principal_of
from orchestra.auth import LOCAL, Principal
from orchestra.errors import Unauthorized

__all__ = ["CallerContext", "KeyCheck", "principal"]

_STATE = "orchestra.principal"


class _Unauthenticated(A2AError):
    """No valid API key (HTTP 401). A2A has no error code of its own for it: JSON-RPC
    shows it as -32603 and HTTP+JSON as UNAUTHENTICATED, both with reason UNAUTHENTICATED
    and the message saying what to send."""


class KeyCheck:
    """ASGI middleware: API keys and JSON bodies on the A2A paths, nothing elsewhere."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.json_only = RequireJsonBody(app, jsonrpc_path=JSONRPC_PATH)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "") if scope["type"] == "http" else ""
        if path != PREFIX and not path.startswith(PREFIX + "/"):
            await self.app(scope, receive, send)
            return
        services = scope["app"].state.services
        try:
            caller = await principal_of(services, Headers(scope=scope).get("authorization", ""))
        except Unauthorized as error:
            a2a_error = _Unauthenticated(message=error.message)
            if path in (JSONRPC_PATH, PREFIX):
                payload = build_error_response(None, a2a_error)
                details = payload["error"]["data"]
            else:
                payload = build_rest_error_payload(a2a_error)
                payload["error"]["code"] = 401
                payload["error"]["status"] = "UNAUTHENTICATED"
                details = payload["error"]["details"]
            for detail in details:
                detail["reason"] = "UNAUTHENTICATED"
            response = JSONResponse(
                payload, status_code=401, headers={"WWW-Authenticate": "Bearer"}
            )
            await response(scope, receive, send)
            return
        scope.setdefault("state", {})[_STATE] = caller
        await self.json_only(scope, receive, send)


class _Caller(User):
    def __init__(self, caller: Principal) -> None:
        self.caller = caller

    @property
    def is_authenticated(self) -> bool:
        return True

    @property
    def user_name(self) -> str:
        return self.caller.id


class CallerContext(DefaultServerCallContextBuilder):
    """The SDK's call context, with the caller `KeyCheck` found."""

    def build(self, request: Request) -> ServerCallContext:
        context = super().build(request)
        caller = request.scope.get("state", {}).get(_STATE, LOCAL)
        context.user = _Caller(caller)
        context.state[_STATE] = caller
        return context


def principal(context: ServerCallContext | None) -> Principal:
    """The caller of an A2A request (the local admin when authentication is off)."""
    if context is None:
        return LOCAL
    found = context.state.get(_STATE)
    return found if isinstance(found, Principal) else LOCAL

"""Refuses A2A requests whose body is not JSON, with the A2A error for it (HTTP 415).

A2A 1.0 carries both bindings as JSON (`application/json`, or `application/a2a+json`);
a2a-sdk 1.3 parses any body whatever its Content-Type. This ASGI middleware answers a
request with a body of another media type with `ContentTypeNotSupportedError`: -32005
in a JSON-RPC error on the JSON-RPC endpoint, the AIP-193 error elsewhere, both with
HTTP 415 as the spec's error mapping table says.
"""

from __future__ import annotations

from a2a.server.request_handlers import build_error_response
from a2a.utils.error_handlers import build_rest_error_payload
from a2a.utils.errors import ContentTypeNotSupportedError
from starlette.datastructures import Headers
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

__all__ = ["RequireJsonBody", "is_json_media_type"]

_BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})


def is_json_media_type(content_type: str) -> bool:
    """`application/json`, or any `application/...+json` (parameters such as charset allowed)."""
    media_type = content_type.split(";", 1)[0].strip().lower()
    return media_type == "application/json" or (
        media_type.startswith("application/") and media_type.endswith("+json")
    )


class RequireJsonBody:
    """ASGI middleware; pure ASGI so streamed (SSE) responses pass through untouched."""

    def __init__(self, app: ASGIApp, *, jsonrpc_path: str) -> None:
        self.app = app
        self.jsonrpc_path = jsonrpc_path

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in _BODY_METHODS:
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        has_body = headers.get("content-length", "0") != "0" or "transfer-encoding" in headers
        content_type = headers.get("content-type", "")
        if not has_body or is_json_media_type(content_type):
            await self.app(scope, receive, send)
            return
        error = ContentTypeNotSupportedError(
            message=f"Content-Type {content_type or '(none)'} is not supported; "
            "send the request as application/json."
        )
        if scope["path"] == self.jsonrpc_path:
            # No request id: the body was not read, as it is not JSON.
            payload = build_error_response(None, error)
        else:
            payload = build_rest_error_payload(error)
            # a2a-sdk 1.3 maps this error to 400; the A2A 1.0 mapping table says 415.
            payload["error"]["code"] = 415
        await JSONResponse(payload, status_code=415)(scope, receive, send)

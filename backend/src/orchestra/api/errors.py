"""One JSON error shape for every failure: {"error": {"code", "message", "details"}}."""

from __future__ import annotations

import logging
import traceback
import uuid
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from sqlalchemy.exc import SQLAlchemyError
from starlette.exceptions import HTTPException

from orchestra.db.errors import transient
from orchestra.errors import DatabaseUnavailable, OrchestraError

log = logging.getLogger(__name__)

HTTP_CODES = {
    400: "bad_request",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "invalid_input",
}


def error_response(
    status: int, code: str, message: str, details: dict[str, Any] | None = None
) -> JSONResponse:
    body = {"error": {"code": code, "message": message, "details": details or {}}}
    return JSONResponse(body, status_code=status)


def _where(location: tuple[Any, ...]) -> str:
    parts = [str(p) for p in location if p not in ("body",)]
    return ".".join(parts) or "body"


async def _validation(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    problems = []
    for error in exc.errors():
        if error.get("type") == "json_invalid":
            return error_response(
                400, "malformed_json", "The request body is not valid JSON.", {"errors": []}
            )
        problems.append({"field": _where(tuple(error.get("loc", ()))), "problem": error["msg"]})
    summary = "; ".join(f"{p['field']}: {p['problem']}" for p in problems)
    return error_response(422, "invalid_input", f"Invalid request: {summary}", {"errors": problems})


async def _domain(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, OrchestraError)
    response = error_response(exc.status_code, exc.code, exc.message, exc.details)
    retry_after = exc.details.get("retry_after")
    if retry_after is not None:
        response.headers["Retry-After"] = str(retry_after)
    if exc.status_code == 401:
        response.headers["WWW-Authenticate"] = "Bearer"
    return response


async def _http(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    code = HTTP_CODES.get(exc.status_code, "http_error")
    response = error_response(exc.status_code, code, str(exc.detail))
    response.headers.update(exc.headers or {})
    if exc.status_code == 405:
        # Starlette names only the first route that matched the path; list them all.
        response.headers["Allow"] = ", ".join(_allowed(request))
    return response


def _allowed(request: Request) -> list[str]:
    methods: set[str] = set()
    for route in request.app.routes:
        if isinstance(route, APIRoute) and route.path_regex.match(request.url.path):
            methods |= route.methods or set()
    if "GET" in methods:
        methods.add("HEAD")
    return sorted(methods)


# Where a database error is raised: a bare socket error raised elsewhere is not one.
DATABASE_MODULES = ("sqlalchemy.", "asyncpg.", "psycopg.", "aiosqlite.", "dbos.")


def database_away(exc: BaseException) -> bool:
    """The database is unreachable or busy: `transient`, and raised by the database layer."""
    if not transient(exc):
        return False
    error: BaseException | None = exc
    while error is not None:
        if isinstance(error, SQLAlchemyError):
            return True
        for frame, _ in traceback.walk_tb(error.__traceback__):
            if frame.f_globals.get("__name__", "").startswith(DATABASE_MODULES):
                return True
        error = error.__cause__
    return False


async def _database(request: Request, exc: Exception) -> JSONResponse:
    """A database that is away or busy is a 503 the client may retry; any other error a 500.

    Registered for the classes database errors come as (SQLAlchemy's, and the OSError of a
    refused connection), so they are answered here rather than re-raised to the server.
    """
    if not database_away(exc):
        return await _unexpected(request, exc)
    first_line = str(exc).split("\n", 1)[0]
    log.warning(
        "database unavailable on %s %s: %s: %s",
        request.method,
        request.url.path,
        type(exc).__name__,
        first_line,
    )
    return await _domain(request, DatabaseUnavailable())


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    if database_away(exc):  # a database error a library wrapped in one of its own
        return await _database(request, exc)
    correlation = uuid.uuid4().hex
    log.exception("unhandled error %s on %s %s", correlation, request.method, request.url.path)
    return error_response(
        500,
        "internal_error",
        f"Something went wrong on our side. Quote {correlation} when reporting it.",
        {"correlation_id": correlation},
    )


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(OrchestraError, _domain)
    app.add_exception_handler(HTTPException, _http)
    app.add_exception_handler(SQLAlchemyError, _database)
    app.add_exception_handler(OSError, _database)
    app.add_exception_handler(Exception, _unexpected)

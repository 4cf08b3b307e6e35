"""`GET /api/tasks/{id}` answered from the task views before FastAPI's routing.

It is the request clients make most by far: every client polls its own task, and a
dashboard its open ones. Through FastAPI's router, dependency resolution and response
classes a poll cost several times what reading the view does; here it costs about what
`/health` does. Only the plain case is answered here: a query string (`?wait=`), a task
that is unknown or not the caller's, or a missing or bad key all go on to the route, which
answers them as documented.
"""

from __future__ import annotations

from typing import Any

from orchestra.api.deps import principal_of
from orchestra.errors import OrchestraError

PREFIX = "/api/tasks/"
# The route's bound on the header (api/routes/tasks.py).
MAX_IF_NONE_MATCH = 1000
Scope = dict[str, Any]


class TaskReads:
    def __init__(self, app: Any, state: Any) -> None:
        self.app = app
        self.state = state

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if (
            scope["type"] == "http"
            and scope["method"] == "GET"
            and not scope["query_string"]
            and scope["path"].startswith(PREFIX)
        ):
            task_id = scope["path"][len(PREFIX) :]
            if task_id and "/" not in task_id and await self._answer(scope, send, task_id):
                return
        await self.app(scope, receive, send)

    async def _answer(self, scope: Scope, send: Any, task_id: str) -> bool:
        services = getattr(self.state, "services", None)
        if services is None:  # still starting
            return False
        headers = dict(scope["headers"])
        try:
            principal = await principal_of(
                services, headers.get(b"authorization", b"").decode("latin-1")
            )
        except OrchestraError:
            return False
        wanted = headers.get(b"if-none-match")
        if wanted is not None and len(wanted) > MAX_IF_NONE_MATCH:
            return False  # the route refuses it, as its schema says
        view = await services.views.get(task_id)
        if view is None or not principal.owns(view.owner):
            return False
        etag = view.etag.encode()
        if wanted is not None and matches(wanted.decode("latin-1"), view.etag):
            await send({"type": "http.response.start", "status": 304, "headers": [(b"etag", etag)]})
            await send({"type": "http.response.body", "body": b""})
            return True
        body = view.body
        extra = []
        position = services.executor.rt.admission.position(task_id)
        if position is not None:
            extra.append((b"queue-position", str(position).encode()))
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                    (b"etag", etag),
                    (b"cache-control", b"no-cache"),
                    *extra,
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})
        return True


def matches(if_none_match: str | None, etag: str) -> bool:
    """Whether an `If-None-Match` header's value names `etag` (or is `*`)."""
    if not if_none_match:
        return False
    tags = {t.strip().removeprefix("W/") for t in if_none_match.split(",")}
    return etag in tags or "*" in tags

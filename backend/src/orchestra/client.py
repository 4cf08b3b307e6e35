"""A Python client of Orchestra's REST API: `AsyncOrchestra`, and `Orchestra` for blocking code.

    from orchestra.client import Orchestra

    with Orchestra("http://127.0.0.1:8000", key) as orchestra:
        task = orchestra.run("Compute the median of 4, 8, 15 and 16")
        print(task.status, task.result)

Answers are the API's own models (`orchestra.api.schemas`), so the client reads exactly what
the server writes; the tests check each call against the OpenAPI document, so an API change
the client does not follow fails them. Errors are `ApiError` subclasses chosen by the
answer's status, with the API's error `code`, `message` and `details`.

`Orchestra` runs an `AsyncOrchestra` on an event loop of its own thread: one implementation,
and blocking callers keep their connections between calls.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import AsyncIterator, Coroutine, Iterator, Mapping
from typing import Any, TypeVar

import httpx
from httpx_sse import aconnect_sse

from orchestra.api.schemas import (
    AgentList,
    AgentPublic,
    DeliveryList,
    DeliveryPublic,
    HookSecret,
    PlanVersionList,
    PlanVersionPublic,
    SchedulePublic,
    TaskEventPublic,
    TaskPublic,
    WorkflowList,
    WorkflowPublic,
)
from orchestra.callbacks import signing
from orchestra.planner import Plan
from orchestra.workflows.definition import WorkflowDefinition

__all__ = [
    "ApiError",
    "AsyncOrchestra",
    "BadRequest",
    "Conflict",
    "Forbidden",
    "InvalidSignature",
    "NotFound",
    "Orchestra",
    "RateLimited",
    "Unauthorized",
    "Unavailable",
    "Unreachable",
    "verify_callback",
]

T = TypeVar("T")

# How long one read may wait for a change (the server allows up to a minute).
WAIT_SECONDS = 30.0
# Pause before reopening an event stream that broke, so a server restarting is not hammered.
RECONNECT_SECONDS = 1.0


def verify_callback(key: str | bytes, headers: Mapping[str, str], body: bytes) -> int:
    """Check a callback Orchestra sent to your `callback_url`; returns its timestamp.

    `key`: `callback_key()` of the client that submitted the task (hex). `headers` and
    `body`: the request as received, the body unparsed. Refuse the request when this raises.

    Raises:
        InvalidSignature: not signed with `key`, altered, or older than five minutes.
    """
    return signing.verify(key, headers, body)


InvalidSignature = signing.InvalidSignature


class ApiError(Exception):
    """The API refused a request: `status`, and the error body's `code`, `message`, `details`."""

    def __init__(
        self, status: int, code: str, message: str, details: dict[str, Any] | None = None
    ) -> None:
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.details = details or {}

    @property
    def retry_after(self) -> float | None:
        """Seconds to wait before sending the request again, when the server said."""
        value = self.details.get("retry_after")
        return float(value) if value is not None else None


class BadRequest(ApiError):
    """400, 413 or 422: the request is wrong (`details` says where); sending it again fails."""


class Unauthorized(ApiError):
    """401: no key, or a key the server does not know."""


class Forbidden(ApiError):
    """403: the key may not do this (an admin's call)."""


class NotFound(ApiError):
    """404: no such task, agent or session, or it belongs to another key."""


class Conflict(ApiError):
    """409: the request contradicts the current state (e.g. cancelling a finished task)."""


class RateLimited(ApiError):
    """429: too many requests from this key; `retry_after` says when to try again."""


class Unavailable(ApiError):
    """503: the database is away or too many tasks wait to run; nothing was changed."""


class Unreachable(ApiError):
    """The server could not be reached, or answered something that is not the API's."""

    def __init__(self, message: str) -> None:
        super().__init__(0, "unreachable", message)


_BY_STATUS: dict[int, type[ApiError]] = {
    400: BadRequest,
    401: Unauthorized,
    403: Forbidden,
    404: NotFound,
    409: Conflict,
    413: BadRequest,
    422: BadRequest,
    429: RateLimited,
    503: Unavailable,
}


def _error(response: httpx.Response) -> ApiError:
    try:
        body = response.json()["error"]
        code, message, details = body["code"], body["message"], dict(body.get("details") or {})
    except (ValueError, KeyError, TypeError):
        code, message, details = "http_error", response.text[:500] or response.reason_phrase, {}
    if "retry_after" not in details and "retry-after" in response.headers:
        details["retry_after"] = response.headers["retry-after"]
    kind = _BY_STATUS.get(response.status_code, ApiError)
    return kind(response.status_code, code, message, details)


class AsyncOrchestra:
    """Orchestra's API from asyncio code. Use it as an async context manager, or `aclose()` it.

    Args:
        url: The orchestrator's address, e.g. ``http://127.0.0.1:8000``.
        key: An API key (sent as a bearer token) when the server has keys turned on.
        timeout: Seconds for connecting and for each answer (waits add their own time).
        transport: An httpx transport to use instead of the network (tests, proxies).
    """

    def __init__(
        self,
        url: str,
        key: str | None = None,
        *,
        timeout: float = 30.0,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        headers = {"Authorization": f"Bearer {key}"} if key else {}
        self._timeout = timeout
        self._http = httpx.AsyncClient(
            base_url=url.rstrip("/"), headers=headers, timeout=timeout, transport=transport
        )

    async def __aenter__(self) -> AsyncOrchestra:
        return self

    async def __aexit__(self, *_: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._http.aclose()

    async def _send(
        self, method: str, path: str, *, ok: tuple[int, ...] = (200,), **kwargs: Any
    ) -> httpx.Response:
        try:
            response = await self._http.request(method, path, **kwargs)
        except httpx.HTTPError as exc:
            raise Unreachable(f"{method} {path}: {exc!r}") from exc
        if response.status_code not in ok:
            raise _error(response)
        return response

    async def submit(
        self,
        description: str,
        *,
        session_id: str | None = None,
        metadata: dict[str, Any] | None = None,
        plan: Plan | dict[str, Any] | None = None,
        idempotency_key: str | None = None,
        wait: float = 0,
        callback_url: str | None = None,
    ) -> TaskPublic:
        """Submit a task and return it as stored (with `wait`, as it is when it has ended or
        `wait` seconds have passed). The same `idempotency_key` gives the same task;
        `callback_url` is POSTed the task once it has ended (see `verify_callback`)."""
        body: dict[str, Any] = {"description": description, "session_id": session_id}
        if metadata:
            body["metadata"] = metadata
        if callback_url is not None:
            body["callback_url"] = callback_url
        if plan is not None:
            body["plan"] = plan.model_dump() if isinstance(plan, Plan) else plan
        headers = {"Idempotency-Key": idempotency_key} if idempotency_key else {}
        response = await self._send(
            "POST",
            "/api/tasks",
            ok=(200, 202),
            json=body,
            headers=headers,
            params={"wait": wait} if wait else None,
            timeout=self._timeout + wait,
        )
        return TaskPublic.model_validate_json(response.content)

    async def task(self, task_id: str) -> TaskPublic:
        """The task as it is now: plan, steps, result."""
        response = await self._send("GET", f"/api/tasks/{task_id}")
        return TaskPublic.model_validate_json(response.content)

    async def changes(self, task_id: str) -> AsyncIterator[TaskPublic]:
        """The task now, then each time it changes, until it has ended: one request per
        change (the server holds each read until the task differs from the last one seen)."""
        response = await self._send("GET", f"/api/tasks/{task_id}")
        while True:
            task = TaskPublic.model_validate_json(response.content)
            yield task
            if task.status.terminal:
                return
            etag = response.headers.get("etag", "")
            while True:
                response = await self._send(
                    "GET",
                    f"/api/tasks/{task_id}",
                    ok=(200, 304),
                    params={"wait": WAIT_SECONDS},
                    headers={"If-None-Match": etag},
                    timeout=self._timeout + WAIT_SECONDS,
                )
                if response.status_code == 200:
                    break

    async def wait(self, task_id: str, timeout: float | None = None) -> TaskPublic:
        """The task once it has ended.

        Raises:
            TimeoutError: it had not ended after `timeout` seconds.
        """
        async with asyncio.timeout(timeout):
            async for task in self.changes(task_id):
                last = task
        return last

    async def run(
        self,
        description: str,
        *,
        wait: bool = True,
        timeout: float | None = None,
        session_id: str | None = None,
        metadata: dict[str, Any] | None = None,
        plan: Plan | dict[str, Any] | None = None,
        idempotency_key: str | None = None,
        callback_url: str | None = None,
    ) -> TaskPublic:
        """Submit a task and, with `wait` (the default), return it once it has ended.

        Raises:
            TimeoutError: it had not ended after `timeout` seconds (it goes on running).
        """
        async with asyncio.timeout(timeout):
            task = await self.submit(
                description,
                session_id=session_id,
                metadata=metadata,
                plan=plan,
                idempotency_key=idempotency_key,
                wait=WAIT_SECONDS if wait else 0,
                callback_url=callback_url,
            )
            return await self._ended(task) if wait else task

    async def deliveries(self, task_id: str) -> list[DeliveryPublic]:
        """The deliveries of the task to its callback_url (none before it has ended)."""
        response = await self._send("GET", f"/api/tasks/{task_id}/deliveries")
        return DeliveryList.model_validate_json(response.content).items

    async def callback_key(self) -> str:
        """The key that signs the callbacks of this client's tasks (for `verify_callback`)."""
        response = await self._send("GET", "/api/auth/callback-key")
        return str(response.json()["key"])

    async def workflows(self, limit: int = 50, offset: int = 0) -> list[WorkflowPublic]:
        """The caller's saved workflows (an admin's: every one), newest first."""
        response = await self._send(
            "GET", "/api/workflows", params={"limit": limit, "offset": offset}
        )
        return WorkflowList.model_validate_json(response.content).items

    async def save_workflow(
        self, definition: WorkflowDefinition | dict[str, Any], workflow_id: str | None = None
    ) -> WorkflowPublic:
        """Save a new workflow, or (with `workflow_id`) a new version of one.

        Raises:
            BadRequest: the definition has problems; `details["errors"]` lists every one.
        """
        body = definition.model_dump() if isinstance(definition, WorkflowDefinition) else definition
        if workflow_id is None:
            response = await self._send("POST", "/api/workflows", ok=(201,), json=body)
        else:
            response = await self._send("PUT", f"/api/workflows/{workflow_id}", json=body)
        return WorkflowPublic.model_validate_json(response.content)

    async def save_task_as_workflow(self, task_id: str, name: str) -> WorkflowPublic:
        """Save a task that has ended as a new workflow named `name`: its plan, with the
        numbers and quoted texts of its description as inputs.

        Raises:
            NotFound: no such task (or another user's).
            Conflict: the task has not ended, or ended with no plan.
            BadRequest: the name is blank or one of your workflows has it.
        """
        response = await self._send(
            "POST", f"/api/tasks/{task_id}/save-as-workflow", ok=(201,), json={"name": name}
        )
        return WorkflowPublic.model_validate_json(response.content)

    async def run_workflow(
        self,
        workflow_id: str,
        inputs: dict[str, Any] | None = None,
        *,
        wait: bool = True,
        timeout: float | None = None,
        idempotency_key: str | None = None,
        callback_url: str | None = None,
    ) -> TaskPublic:
        """Start a run of the workflow's newest version (a task) and, with `wait` (the
        default), return it once it has ended.

        Raises:
            BadRequest: the inputs do not fit the workflow's input schema (each field named).
            TimeoutError: it had not ended after `timeout` seconds (it goes on running).
        """
        headers = {"Idempotency-Key": idempotency_key} if idempotency_key else {}
        async with asyncio.timeout(timeout):
            response = await self._send(
                "POST",
                f"/api/workflows/{workflow_id}/runs",
                ok=(200, 202),
                json={"inputs": inputs or {}, "callback_url": callback_url},
                headers=headers,
                params={"wait": WAIT_SECONDS} if wait else None,
                timeout=self._timeout + WAIT_SECONDS,
            )
            task = TaskPublic.model_validate_json(response.content)
            return await self._ended(task) if wait else task

    async def schedule_workflow(
        self, workflow_id: str, cron: str, inputs: dict[str, Any] | None = None, **options: Any
    ) -> SchedulePublic:
        """Run the workflow at the cron expression's times with these inputs; `options`:
        `timezone`, `catch_up`, `overlap` (see `ScheduleCreate`).

        Raises:
            BadRequest: the cron expression, time zone or inputs are wrong (each field named).
        """
        body = {"cron": cron, "inputs": inputs or {}, **options}
        response = await self._send(
            "POST", f"/api/workflows/{workflow_id}/schedules", ok=(201,), json=body
        )
        return SchedulePublic.model_validate_json(response.content)

    async def rotate_hook(self, workflow_id: str, signed: bool = False) -> HookSecret:
        """Make the workflow's webhook or give it a new token; the answer's token and signing
        secret are shown this once."""
        response = await self._send(
            "POST", f"/api/workflows/{workflow_id}/hooks", ok=(201,), json={"signed": signed}
        )
        return HookSecret.model_validate_json(response.content)

    async def _ended(self, task: TaskPublic) -> TaskPublic:
        # A submit's own wait gives up after WAIT_SECONDS; reads that wait take over.
        return task if task.status.terminal else await self.wait(task.id)

    async def stream(self, task_id: str, after: int = 0) -> AsyncIterator[TaskEventPublic]:
        """The task's events in order, from the one after `after`, until the task has ended.

        A stream that breaks is opened again after the last event received, so no event is
        lost or repeated.
        """
        last = after
        while True:
            try:
                async with aconnect_sse(
                    self._http,
                    "GET",
                    f"/api/tasks/{task_id}/events",
                    headers={"Last-Event-ID": str(last)},
                    timeout=httpx.Timeout(self._timeout, read=None),
                ) as source:
                    if source.response.status_code != 200:
                        await source.response.aread()
                        raise _error(source.response)
                    async for message in source.aiter_sse():
                        if not message.data:
                            continue
                        event = TaskEventPublic.model_validate_json(message.data)
                        last = event.id
                        yield event
                return  # the server ends the stream when the task has ended
            except (httpx.TransportError, httpx.RemoteProtocolError):
                await asyncio.sleep(RECONNECT_SECONDS)

    async def cancel(self, task_id: str) -> TaskPublic:
        """Stop the task: no new step starts and agents are asked to stop theirs."""
        response = await self._send("POST", f"/api/tasks/{task_id}/cancel")
        return TaskPublic.model_validate_json(response.content)

    async def reply(
        self, task_id: str, step: str, text: str, data: dict[str, Any] | None = None
    ) -> TaskPublic:
        """Reply to the question of a step in `input_required` (its agent asked: the step's
        `question`); the agent goes on with it. Returns the task once the reply is taken.

        Raises:
            Conflict: that step is not waiting for a reply.
            BadRequest: the reply is empty, or the task has no such step.
        """
        body: dict[str, Any] = {"step": step, "text": text}
        if data is not None:
            body["data"] = data
        response = await self._send("POST", f"/api/tasks/{task_id}/input", json=body)
        return TaskPublic.model_validate_json(response.content)

    async def approve(self, task_id: str, step: str, comment: str = "") -> TaskPublic:
        """Approve an approval step waiting for a person: the steps after it run.

        Raises:
            Conflict: the step is not waiting (decided already, or the task ended).
            BadRequest: the task has no such step, or it is not an approval step.
        """
        return await self._decide(task_id, step, "approve", comment)

    async def reject(self, task_id: str, step: str, comment: str) -> TaskPublic:
        """Reject an approval step waiting for a person, saying why: the task fails.

        Raises:
            Conflict: the step is not waiting (decided already, or the task ended).
            BadRequest: no comment, no such step, or it is not an approval step.
        """
        return await self._decide(task_id, step, "reject", comment)

    async def _decide(self, task_id: str, step: str, decision: str, comment: str) -> TaskPublic:
        path = f"/api/tasks/{task_id}/steps/{step}/{decision}"
        response = await self._send("POST", path, json={"comment": comment})
        return TaskPublic.model_validate_json(response.content)

    async def plans(self, task_id: str) -> list[PlanVersionPublic]:
        """The task's plan versions, oldest first: empty unless a failed step was replanned."""
        response = await self._send("GET", f"/api/tasks/{task_id}/plans")
        return PlanVersionList.model_validate_json(response.content).items

    async def delete(self, task_id: str) -> None:
        """Delete the task with its steps, events and messages (canceled first if running)."""
        await self._send("DELETE", f"/api/tasks/{task_id}", ok=(204,))

    async def agents(self) -> list[AgentPublic]:
        """The registered agents with their skills and instances."""
        response = await self._send("GET", "/api/agents")
        return AgentList.model_validate_json(response.content).items

    async def register_agent(self, card_url: str, credential: str | None = None) -> AgentPublic:
        """Register the A2A agent whose card is at `card_url` (an admin's key); `credential`:
        the token its card's security scheme asks for (kept encrypted, never shown again)."""
        body = {"card_url": card_url}
        if credential is not None:
            body["credential"] = credential
        response = await self._send("POST", "/api/agents", ok=(201,), json=body)
        return AgentPublic.model_validate_json(response.content)


class Orchestra:
    """Orchestra's API from blocking code: the same calls as `AsyncOrchestra`, answered in
    the caller's thread. Use it as a context manager, or `close()` it."""

    def __init__(
        self,
        url: str,
        key: str | None = None,
        *,
        timeout: float = 30.0,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(
            target=self._loop.run_forever, name="orchestra-client", daemon=True
        )
        self._thread.start()
        self._client = self._call(_make(url, key, timeout, transport))

    def __enter__(self) -> Orchestra:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        if self._loop.is_closed():
            return
        self._call(self._client.aclose())
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join()
        self._loop.close()

    def _call(self, work: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(work, self._loop).result()

    def _iterate(self, source: AsyncIterator[T]) -> Iterator[T]:
        try:
            while True:
                try:
                    yield self._call(anext(source))  # type: ignore[arg-type]
                except StopAsyncIteration:
                    return
        finally:
            with contextlib.suppress(RuntimeError):  # the loop was closed first
                self._call(source.aclose())  # type: ignore[attr-defined]

    def submit(self, description: str, **options: Any) -> TaskPublic:
        """See `AsyncOrchestra.submit`."""
        return self._call(self._client.submit(description, **options))

    def task(self, task_id: str) -> TaskPublic:
        """See `AsyncOrchestra.task`."""
        return self._call(self._client.task(task_id))

    def changes(self, task_id: str) -> Iterator[TaskPublic]:
        """See `AsyncOrchestra.changes`."""
        return self._iterate(self._client.changes(task_id))

    def wait(self, task_id: str, timeout: float | None = None) -> TaskPublic:
        """See `AsyncOrchestra.wait`."""
        return self._call(self._client.wait(task_id, timeout))

    def run(self, description: str, **options: Any) -> TaskPublic:
        """See `AsyncOrchestra.run`."""
        return self._call(self._client.run(description, **options))

    def stream(self, task_id: str, after: int = 0) -> Iterator[TaskEventPublic]:
        """See `AsyncOrchestra.stream`."""
        return self._iterate(self._client.stream(task_id, after))

    def cancel(self, task_id: str) -> TaskPublic:
        """See `AsyncOrchestra.cancel`."""
        return self._call(self._client.cancel(task_id))

    def reply(
        self, task_id: str, step: str, text: str, data: dict[str, Any] | None = None
    ) -> TaskPublic:
        """See `AsyncOrchestra.reply`."""
        return self._call(self._client.reply(task_id, step, text, data))

    def approve(self, task_id: str, step: str, comment: str = "") -> TaskPublic:
        """See `AsyncOrchestra.approve`."""
        return self._call(self._client.approve(task_id, step, comment))

    def reject(self, task_id: str, step: str, comment: str) -> TaskPublic:
        """See `AsyncOrchestra.reject`."""
        return self._call(self._client.reject(task_id, step, comment))

    def plans(self, task_id: str) -> list[PlanVersionPublic]:
        """See `AsyncOrchestra.plans`."""
        return self._call(self._client.plans(task_id))

    def delete(self, task_id: str) -> None:
        """See `AsyncOrchestra.delete`."""
        self._call(self._client.delete(task_id))

    def agents(self) -> list[AgentPublic]:
        """See `AsyncOrchestra.agents`."""
        return self._call(self._client.agents())

    def register_agent(self, card_url: str, credential: str | None = None) -> AgentPublic:
        """See `AsyncOrchestra.register_agent`."""
        return self._call(self._client.register_agent(card_url, credential))

    def deliveries(self, task_id: str) -> list[DeliveryPublic]:
        return self._call(self._client.deliveries(task_id))

    def callback_key(self) -> str:
        return self._call(self._client.callback_key())

    def workflows(self, limit: int = 50, offset: int = 0) -> list[WorkflowPublic]:
        """See `AsyncOrchestra.workflows`."""
        return self._call(self._client.workflows(limit, offset))

    def save_workflow(
        self, definition: WorkflowDefinition | dict[str, Any], workflow_id: str | None = None
    ) -> WorkflowPublic:
        """See `AsyncOrchestra.save_workflow`."""
        return self._call(self._client.save_workflow(definition, workflow_id))

    def save_task_as_workflow(self, task_id: str, name: str) -> WorkflowPublic:
        """See `AsyncOrchestra.save_task_as_workflow`."""
        return self._call(self._client.save_task_as_workflow(task_id, name))

    def run_workflow(
        self, workflow_id: str, inputs: dict[str, Any] | None = None, **options: Any
    ) -> TaskPublic:
        """See `AsyncOrchestra.run_workflow`."""
        return self._call(self._client.run_workflow(workflow_id, inputs, **options))

    def schedule_workflow(
        self, workflow_id: str, cron: str, inputs: dict[str, Any] | None = None, **options: Any
    ) -> SchedulePublic:
        """See `AsyncOrchestra.schedule_workflow`."""
        return self._call(self._client.schedule_workflow(workflow_id, cron, inputs, **options))

    def rotate_hook(self, workflow_id: str, signed: bool = False) -> HookSecret:
        """See `AsyncOrchestra.rotate_hook`."""
        return self._call(self._client.rotate_hook(workflow_id, signed))


async def _make(
    url: str, key: str | None, timeout: float, transport: httpx.AsyncBaseTransport | None
) -> AsyncOrchestra:
    # Made on the client's own loop: httpx binds its connection pool to the loop using it.
    return AsyncOrchestra(url, key, timeout=timeout, transport=transport)

"""Tasks: submit, list, read, cancel, follow."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Header, Query, Response, status
from pydantic import BeforeValidator
from sse_starlette.sse import EventSourceResponse

from orchestra import events
from orchestra.api.deps import PrincipalDep, ServicesDep
from orchestra.api.schemas import TaskCreate, TaskList, TaskPublic, TaskSummary, error_responses
from orchestra.db import TaskStatus

router = APIRouter(prefix="/api/tasks", tags=["tasks"])
# Event ids are 64-bit integers in the database.
MAX_EVENT_ID = 2**62
ERRORS = error_responses(400, 401, 404, 422)


@router.post(
    "",
    status_code=status.HTTP_202_ACCEPTED,
    responses={
        200: {"model": TaskPublic, "description": "The task an earlier request with this "
              "Idempotency-Key created."},
        **error_responses(400, 401, 404, 413, 422, 429),
    },
)  # fmt: skip
async def create_task(
    body: TaskCreate,
    services: ServicesDep,
    principal: PrincipalDep,
    response: Response,
    idempotency_key: Annotated[str | None, Header(max_length=200)] = None,
) -> TaskPublic:
    """Accept a task; it is planned and run in the background. Poll it or follow its events."""
    services.task_rate.hit(principal.id)
    task, created = await services.tasks.create(
        principal, body.description, body.session_id, body.metadata, idempotency_key, body.plan
    )
    if not created:
        response.status_code = status.HTTP_200_OK
    response.headers["Location"] = f"/api/tasks/{task.id}"
    return TaskPublic.of(task)


def _iso_time(value: object) -> object:
    """A time as ISO 8601 text only: pydantic would also read a bare number as a Unix time."""
    if isinstance(value, str):
        try:
            float(value)
        except ValueError:
            return value
        raise ValueError("expected an ISO 8601 date and time, such as 2026-01-31T12:00:00Z")
    return value


@router.get("")
async def list_tasks(
    services: ServicesDep,
    principal: PrincipalDep,
    status_: Annotated[TaskStatus | None, Query(alias="status")] = None,
    session_id: Annotated[str | None, Query(max_length=64)] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000_000)] = 0,
    finished_after: Annotated[
        datetime | None,
        BeforeValidator(_iso_time),
        Query(
            description="Only tasks that finished after this time (ISO 8601, UTC when it has "
            "no zone), in the order they finished: pass the last `finished_at` seen to get "
            "what finished since."
        ),
    ] = None,
) -> TaskList:
    """Newest first; with `finished_after`, in the order the tasks finished."""
    rows, total = await services.tasks.list(
        principal, status_, session_id, limit, offset, finished_after
    )
    return TaskList(
        items=[TaskSummary.of(t) for t in rows], total=total, limit=limit, offset=offset
    )


@router.get("/{task_id}", responses=ERRORS)
async def get_task(task_id: str, services: ServicesDep, principal: PrincipalDep) -> TaskPublic:
    """The task with its plan, steps (agent, timings, output) and result."""
    return TaskPublic.of(await services.tasks.get(task_id, principal))


@router.post("/{task_id}/cancel", responses=error_responses(401, 404, 409, 422))
async def cancel_task(task_id: str, services: ServicesDep, principal: PrincipalDep) -> TaskPublic:
    """Stop the task: no new step starts and agents are asked to stop theirs."""
    return TaskPublic.of(await services.tasks.cancel(task_id, principal))


@router.get(
    "/{task_id}/events",
    responses={200: {"content": {"text/event-stream": {}}}, **ERRORS},
    response_class=EventSourceResponse,
)
async def task_events(
    task_id: str,
    services: ServicesDep,
    principal: PrincipalDep,
    last_event_id: Annotated[int, Header(ge=0, le=MAX_EVENT_ID)] = 0,
    after: Annotated[
        int, Query(ge=0, le=MAX_EVENT_ID, description="Resume after this event id.")
    ] = 0,
) -> EventSourceResponse:
    """Server-Sent Events of every state change, in order, until the task ends.

    Resume with the `Last-Event-ID` header (or `?after=`).
    """
    await services.tasks.get(task_id, principal)
    services.streams.acquire(principal.id)

    async def stream() -> AsyncIterator[dict[str, str]]:
        async with services.streams.held(principal.id):
            async for message in events.follow(
                services.db, services.bus, task_id, max(last_event_id, after)
            ):
                yield message

    return EventSourceResponse(stream(), ping=15)

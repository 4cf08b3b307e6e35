"""Tasks: submit, list, read (or wait for a change), cancel, follow, delete."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Header, Query, Response, status
from pydantic import BeforeValidator
from sse_starlette.sse import EventSourceResponse

from orchestra import events
from orchestra.api.deps import PrincipalDep, ServicesDep
from orchestra.api.reads import MAX_IF_NONE_MATCH, matches
from orchestra.api.schemas import (
    DeliveryList,
    DeliveryPublic,
    PlanDecision,
    PlanVersionList,
    PlanVersionPublic,
    StepDecision,
    StepDeltaPublic,
    StepInput,
    TaskCreate,
    TaskEventPublic,
    TaskList,
    TaskPublic,
    TaskSummary,
    error_responses,
)
from orchestra.api.state import Services
from orchestra.auth import Principal
from orchestra.db import TaskStatus
from orchestra.planner import Plan
from orchestra.views import TaskView

router = APIRouter(prefix="/api/tasks", tags=["tasks"])
# Event ids are 64-bit integers in the database.
MAX_EVENT_ID = 2**62
ERRORS = error_responses(400, 401, 404, 422)
DECISION_ERRORS = error_responses(400, 401, 404, 409, 422)
# Tasks ahead of this one in its process's line (see executor.admission); absent: not waiting.
QUEUE_POSITION = "Queue-Position"
# Longest wait a request may ask for (`?wait=`); clients wait again for longer.
MAX_WAIT_SECONDS = 60.0
WAIT_QUERY = Query(
    ge=0,
    le=MAX_WAIT_SECONDS,
    description="Seconds to wait for the task to change (or end) before answering.",
)


# Each Server-Sent Event of a task's stream, as OpenAPI 3.2 describes stream items (and
# FastAPI's own SSE routes): its `data` is a `TaskEventPublic` (a `StepDeltaPublic` for a
# `step.delta`), added to the schema's components by the app (`STREAMED`), since FastAPI
# registers only the models of JSON bodies.
STREAMED = (TaskEventPublic, StepDeltaPublic)
EVENT_STREAM = {
    "description": "Server-Sent Events, one per entry of the task's event log, and the "
    "`step.delta` events of a running step's answer as its agent writes it (no id, not stored).",
    "content": {
        "text/event-stream": {
            "itemSchema": {
                "oneOf": [
                    {
                        "type": "object",
                        "required": ["id", "event", "data"],
                        "properties": {
                            "id": {
                                "type": "string",
                                "description": "The entry's id; send it as `Last-Event-ID` to "
                                "resume.",
                            },
                            "event": {"$ref": "#/components/schemas/EventType"},
                            "data": {
                                "type": "string",
                                "contentMediaType": "application/json",
                                "contentSchema": {"$ref": "#/components/schemas/TaskEventPublic"},
                            },
                        },
                    },
                    {
                        "type": "object",
                        "required": ["event", "data"],
                        "properties": {
                            "event": {"const": "step.delta"},
                            "data": {
                                "type": "string",
                                "contentMediaType": "application/json",
                                "contentSchema": {"$ref": "#/components/schemas/StepDeltaPublic"},
                            },
                        },
                    },
                ]
            }
        }
    },
}


async def accepted(
    view: TaskView, created: bool, services: Services, principal: Principal, wait: float
) -> Response:
    """The answer to a request that started a task: 202 with where to follow it (and its
    place in line, when it waits its turn), or 200 when the task had been started by an
    earlier request with the same Idempotency-Key or has ended within `wait` seconds."""
    if wait:
        view = await services.tasks.wait(view.id, principal, None, wait, until_end=True)
    code = status.HTTP_200_OK if not created or view.terminal else status.HTTP_202_ACCEPTED
    headers = {"Location": f"/api/tasks/{view.id}"}
    position = services.executor.rt.admission.position(view.id)
    if position is not None:
        headers[QUEUE_POSITION] = str(position)
    return task_json(view, code, headers)


def task_json(
    view: TaskView, status_code: int = 200, headers: dict[str, str] | None = None
) -> Response:
    """The task's JSON as kept by its view (made once per change), with its ETag."""
    return Response(
        view.body,
        status_code=status_code,
        media_type="application/json",
        headers={"ETag": view.etag, "Cache-Control": "no-cache", **(headers or {})},
    )


@router.post(
    "",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=TaskPublic,
    responses={
        200: {"model": TaskPublic, "description": "The task an earlier request with this "
              "Idempotency-Key created, or the finished task when `wait` was given."},
        **error_responses(400, 401, 404, 413, 422, 429),
    },
)  # fmt: skip
async def create_task(
    body: TaskCreate,
    services: ServicesDep,
    principal: PrincipalDep,
    idempotency_key: Annotated[str | None, Header(max_length=200)] = None,
    wait: Annotated[float, WAIT_QUERY] = 0,
) -> Response:
    """Accept a task; it is planned and run in the background. Poll it, wait for it or follow
    its events.

    With `?wait=S` the answer comes when the task has ended (200, the finished task) or after
    S seconds (202, the task as it is then): one request instead of polling.

    When the process runs MAX_RUNNING_TASKS tasks already, the task waits in line: the
    `Queue-Position` header says how many are ahead of it. When MAX_WAITING_TASKS wait
    already, the answer is 503 `executor_saturated` with `Retry-After`, and nothing is stored.
    """
    view, created = await submit(services, principal, body, idempotency_key)
    return await accepted(view, created, services, principal, wait)


async def submit(
    services: Services, principal: Principal, body: TaskCreate, idempotency_key: str | None = None
) -> tuple[TaskView, bool]:
    """Accept a task within the caller's TASKS_PER_MINUTE: REST and MCP submit through here."""
    services.task_rate.hit(principal.id)
    return await services.tasks.create(
        principal,
        body.description,
        body.session_id,
        body.metadata,
        idempotency_key,
        body.plan,
        review_plan=body.review_plan,
        callback_url=body.callback_url,
    )


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


@router.get(
    "/{task_id}",
    response_model=TaskPublic,
    responses={304: {"description": "The task is as the `If-None-Match` ETag says."}, **ERRORS},
)
async def get_task(
    task_id: str,
    services: ServicesDep,
    principal: PrincipalDep,
    if_none_match: Annotated[str | None, Header(max_length=MAX_IF_NONE_MATCH)] = None,
    wait: Annotated[float, WAIT_QUERY] = 0,
) -> Response:
    """The task with its plan, steps (agent, timings, output) and result.

    Every answer carries an `ETag`; send it back as `If-None-Match` to get 304 while the task
    has not changed. With `?wait=S` the answer comes as soon as the task differs from that
    ETag (or, without one, from how it is when the request arrives) or has ended, and after
    S seconds at the latest: one request instead of polling.
    """
    if wait:
        view = await services.tasks.wait(task_id, principal, if_none_match, wait)
    else:
        view = await services.tasks.view(task_id, principal)
    if matches(if_none_match, view.etag):
        return Response(status_code=status.HTTP_304_NOT_MODIFIED, headers={"ETag": view.etag})
    position = services.executor.rt.admission.position(task_id)
    return task_json(view, headers=None if position is None else {QUEUE_POSITION: str(position)})


@router.post(
    "/{task_id}/cancel", response_model=TaskPublic, responses=error_responses(401, 404, 409, 422)
)
async def cancel_task(task_id: str, services: ServicesDep, principal: PrincipalDep) -> Response:
    """Stop the task: no new step starts and agents are asked to stop theirs."""
    return task_json(await services.tasks.cancel(task_id, principal))


@router.post("/{task_id}/plan", response_model=TaskPublic, responses=DECISION_ERRORS)
async def replace_plan(
    task_id: str, body: Plan, services: ServicesDep, principal: PrincipalDep
) -> Response:
    """Replace the plan of a task awaiting approval (checked as a submitted plan is)."""
    return task_json(await services.tasks.replace_plan(task_id, principal, body))


@router.post("/{task_id}/approve", response_model=TaskPublic, responses=DECISION_ERRORS)
async def approve_plan(
    task_id: str,
    services: ServicesDep,
    principal: PrincipalDep,
    body: PlanDecision | None = None,
) -> Response:
    """Approve the plan of a task awaiting approval: it runs the plan as it is now."""
    return await _decide(services, principal, task_id, "approve", body)


@router.post("/{task_id}/reject", response_model=TaskPublic, responses=DECISION_ERRORS)
async def reject_plan(
    task_id: str,
    services: ServicesDep,
    principal: PrincipalDep,
    body: PlanDecision | None = None,
) -> Response:
    """Reject the plan of a task awaiting approval: the task is canceled, with the comment."""
    return await _decide(services, principal, task_id, "reject", body)


async def _decide(
    services: Services, principal: Principal, task_id: str, decision: str, body: PlanDecision | None
) -> Response:
    comment = body.comment if body else ""
    return task_json(await services.tasks.decide(task_id, principal, decision, comment))


@router.post("/{task_id}/input", response_model=TaskPublic, responses=DECISION_ERRORS)
async def reply_to_step(
    task_id: str, body: StepInput, services: ServicesDep, principal: PrincipalDep
) -> Response:
    """Reply to the question of a step in input_required (its agent answered A2A
    `input-required`): the reply goes to the agent's task as a follow-up message, and the
    step goes on. 409 when that step is not waiting, or (`task_settling`) when the task's
    other steps still run after 10 s (send it again then); 422 for an empty reply or an
    unknown step."""
    view = await services.tasks.reply(task_id, principal, body.step, body.text, body.data)
    return task_json(view)


@router.post(
    "/{task_id}/steps/{step_id}/approve", response_model=TaskPublic, responses=DECISION_ERRORS
)
async def approve_step(
    task_id: str,
    step_id: str,
    services: ServicesDep,
    principal: PrincipalDep,
    body: StepDecision | None = None,
) -> Response:
    """Approve an approval step waiting in input_required: it completes, with the comment,
    and the steps after it run. 409 when it is not waiting (decided already), or
    (`task_settling`) when the task's other steps still run after 10 s; 422 for an unknown
    step or one that is not an approval step."""
    comment = body.comment if body else ""
    return task_json(
        await services.tasks.decide_step(task_id, principal, step_id, "approve", comment)
    )


@router.post(
    "/{task_id}/steps/{step_id}/reject", response_model=TaskPublic, responses=DECISION_ERRORS
)
async def reject_step(
    task_id: str, step_id: str, body: StepDecision, services: ServicesDep, principal: PrincipalDep
) -> Response:
    """Reject an approval step waiting in input_required: it fails with "Rejected: <comment>"
    and the task with it (the steps after it are skipped). The comment is needed. 409 when
    it is not waiting (decided already); 422 for an unknown step, one that is not an
    approval step, or no comment."""
    return task_json(
        await services.tasks.decide_step(task_id, principal, step_id, "reject", body.comment)
    )


@router.delete(
    "/{task_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=error_responses(401, 404, 409, 422),
)
async def delete_task(task_id: str, services: ServicesDep, principal: PrincipalDep) -> Response:
    """Delete the task with its steps, events and session messages; a running task is
    canceled first. The owner or an admin only."""
    await services.history.delete_task(task_id, principal)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/{task_id}/deliveries", responses=ERRORS)
async def task_deliveries(
    task_id: str, services: ServicesDep, principal: PrincipalDep
) -> DeliveryList:
    """The deliveries of the task to its callback_url: none until it has ended (or when it has
    no callback_url), then one, with its status, attempts and the receiver's last answer;
    then those of its A2A push notifications (`kind` push), one per config, the latest."""
    rows = await services.tasks.deliveries_of(task_id, principal)
    return DeliveryList(items=[DeliveryPublic.model_validate(r._mapping) for r in rows])


@router.get("/{task_id}/plans", responses=ERRORS)
async def task_plans(
    task_id: str, services: ServicesDep, principal: PrincipalDep
) -> PlanVersionList:
    """The versions of the task's plan, once it was replanned (a step failed for good and
    the planner planned the work left): each with its planner, reason and steps."""
    rows = await services.tasks.plans_of(task_id, principal)
    return PlanVersionList(items=[PlanVersionPublic.model_validate(r._mapping) for r in rows])


@router.get(
    "/{task_id}/events",
    responses={200: EVENT_STREAM, **ERRORS},
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

    Resume with the `Last-Event-ID` header (or `?after=`). While a step's agent streams its
    answer, `step.delta` events (no id, never stored) carry the text as it comes; the
    step's `step.completed` carries the answer that replaces it.
    """
    await services.tasks.view(task_id, principal)
    services.streams.acquire(principal.id)

    async def stream() -> AsyncIterator[dict[str, str]]:
        async with services.streams.held(principal.id):
            async for message in events.follow(
                services.db, services.views, task_id, max(last_event_id, after), live=True
            ):
                yield message

    return EventSourceResponse(stream(), ping=15)

"""Workflow schedules: create, list, read, pause, resume, delete, and preview their times."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, status

from orchestra.api.deps import PrincipalDep, ServicesDep
from orchestra.api.schemas import (
    ScheduleCreate,
    ScheduleList,
    SchedulePreview,
    SchedulePublic,
    error_responses,
)
from orchestra.db import WorkflowSchedule
from orchestra.workflows.schedules import Schedules, ScheduleSpec

router = APIRouter(prefix="/api/workflows/{workflow_id}/schedules", tags=["schedules"])
# 400: a body that is not JSON; 413: one past MAX_REQUEST_BYTES, refused unread.
ERRORS = error_responses(400, 401, 404, 413, 422)
PREVIEW = 5


def _public(row: WorkflowSchedule) -> SchedulePublic:
    paused = row.paused_at is not None
    return SchedulePublic(
        id=row.id,
        workflow_id=row.workflow_id,
        cron=row.cron,
        timezone=row.timezone,
        inputs=row.inputs,
        catch_up=row.catch_up,  # type: ignore[arg-type]
        overlap=row.overlap,  # type: ignore[arg-type]
        paused=paused,
        next_fire_at=None if paused else row.next_fire_at,
        last_fire_at=row.last_fire_at,
        last_task_id=row.last_task_id,
        last_error=row.last_error,
        skipped=row.skipped,
        preview=Schedules.preview(row, PREVIEW),
        created_by=row.created_by,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


@router.post("", status_code=status.HTTP_201_CREATED, responses=ERRORS)
async def create_schedule(
    workflow_id: str, body: ScheduleCreate, services: ServicesDep, principal: PrincipalDep
) -> SchedulePublic:
    """Run the workflow at the cron expression's times with these inputs, from now on.

    422 `invalid_schedule` names a cron expression or time zone that cannot be used; 422
    `invalid_inputs` each input that does not fit the workflow's input schema. The answer's
    `preview` lists the next times."""
    spec = ScheduleSpec(body.cron, body.timezone, body.inputs, body.catch_up, body.overlap)
    return _public(await services.schedules.create(principal, workflow_id, spec))


@router.get("", responses=ERRORS)
async def list_schedules(
    workflow_id: str, services: ServicesDep, principal: PrincipalDep
) -> ScheduleList:
    """The workflow's schedules, oldest first."""
    rows = await services.schedules.all(principal, workflow_id)
    return ScheduleList(items=[_public(r) for r in rows])


@router.get("/{schedule_id}", responses=ERRORS)
async def get_schedule(
    workflow_id: str, schedule_id: str, services: ServicesDep, principal: PrincipalDep
) -> SchedulePublic:
    return _public(await services.schedules.get(principal, workflow_id, schedule_id))


@router.post("/{schedule_id}/pause", responses=ERRORS)
async def pause_schedule(
    workflow_id: str, schedule_id: str, services: ServicesDep, principal: PrincipalDep
) -> SchedulePublic:
    """Stop starting runs until resumed (a run under way goes on)."""
    return _public(await services.schedules.pause(principal, workflow_id, schedule_id))


@router.post("/{schedule_id}/resume", responses=ERRORS)
async def resume_schedule(
    workflow_id: str, schedule_id: str, services: ServicesDep, principal: PrincipalDep
) -> SchedulePublic:
    """Start runs again from the next time on; the times passed while paused are not made up."""
    return _public(await services.schedules.resume(principal, workflow_id, schedule_id))


@router.delete("/{schedule_id}", status_code=status.HTTP_204_NO_CONTENT, responses=ERRORS)
async def delete_schedule(
    workflow_id: str, schedule_id: str, services: ServicesDep, principal: PrincipalDep
) -> None:
    """Delete the schedule; the runs it started stay tasks as they were."""
    await services.schedules.delete(principal, workflow_id, schedule_id)


@router.get("/{schedule_id}/preview", responses=ERRORS)
async def preview_schedule(
    workflow_id: str,
    schedule_id: str,
    services: ServicesDep,
    principal: PrincipalDep,
    count: Annotated[int, Query(ge=1, le=100)] = PREVIEW,
) -> SchedulePreview:
    """The schedule's next `count` times from now, in UTC."""
    row = await services.schedules.get(principal, workflow_id, schedule_id)
    return SchedulePreview(times=Schedules.preview(row, count))

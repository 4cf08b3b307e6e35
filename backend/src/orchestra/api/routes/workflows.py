"""Workflows: save (a new version each time), read, list, delete, and run them as tasks."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Query, Response, status

from orchestra.api.deps import PrincipalDep, ServicesDep
from orchestra.api.routes.tasks import WAIT_QUERY, accepted
from orchestra.api.schemas import (
    TaskList,
    TaskPublic,
    TaskSaveAsWorkflow,
    TaskSummary,
    WorkflowList,
    WorkflowPublic,
    WorkflowRunCreate,
    WorkflowVersionList,
    WorkflowVersionPublic,
    error_responses,
)
from orchestra.db import TaskStatus
from orchestra.workflows.definition import WorkflowDefinition
from orchestra.workflows.service import Saved

router = APIRouter(prefix="/api/workflows", tags=["workflows"])
from_tasks = APIRouter(prefix="/api/tasks", tags=["workflows"])
ERRORS = error_responses(400, 401, 404, 422)
# A body larger than MAX_REQUEST_BYTES is refused unread (413), on any route.
SAVE_ERRORS = error_responses(400, 401, 404, 413, 422)
LIMIT = Query(ge=1, le=200)
OFFSET = Query(ge=0, le=1_000_000_000)


def public(saved: Saved) -> WorkflowPublic:
    """The API's shape of a saved workflow (REST and MCP)."""
    definition = saved.definition
    return WorkflowPublic(
        id=saved.id,
        owner=saved.owner,
        version=saved.version,
        name=definition.name,
        description=definition.description,
        input_schema=definition.input_schema,
        steps=definition.steps,
        outputs=definition.outputs,
        replan=definition.replan,
        created_at=saved.created_at,
        updated_at=saved.updated_at,
        runs=saved.runs,
    )


@router.post("", status_code=status.HTTP_201_CREATED, responses=ERRORS)
async def create_workflow(
    body: WorkflowDefinition, services: ServicesDep, principal: PrincipalDep
) -> WorkflowPublic:
    """Save a workflow (version 1). Every problem of the definition is answered at once: 422
    `invalid_workflow`, each problem in `details.errors` with its `field`."""
    return public(await services.workflows.create(principal, body))


@router.get("", responses=ERRORS)
async def list_workflows(
    services: ServicesDep,
    principal: PrincipalDep,
    limit: Annotated[int, LIMIT] = 50,
    offset: Annotated[int, OFFSET] = 0,
) -> WorkflowList:
    """The caller's workflows (an admin's: every one), newest first."""
    items, total = await services.workflows.page(principal, limit, offset)
    return WorkflowList(items=[public(s) for s in items], total=total, limit=limit, offset=offset)


@router.get("/{workflow_id}", responses=ERRORS)
async def get_workflow(
    workflow_id: str, services: ServicesDep, principal: PrincipalDep
) -> WorkflowPublic:
    """The workflow at its newest version."""
    return public(await services.workflows.get(principal, workflow_id))


@router.put("/{workflow_id}", responses=SAVE_ERRORS)
async def update_workflow(
    workflow_id: str, body: WorkflowDefinition, services: ServicesDep, principal: PrincipalDep
) -> WorkflowPublic:
    """Save a new version of the workflow; runs started before keep the version they ran."""
    return public(await services.workflows.update(principal, workflow_id, body))


@router.delete("/{workflow_id}", status_code=status.HTTP_204_NO_CONTENT, responses=ERRORS)
async def delete_workflow(workflow_id: str, services: ServicesDep, principal: PrincipalDep) -> None:
    """Delete the workflow: it can no longer be read or run; its runs stay tasks as they were."""
    await services.workflows.delete(principal, workflow_id)


@router.get("/{workflow_id}/versions", responses=ERRORS)
async def list_versions(
    workflow_id: str,
    services: ServicesDep,
    principal: PrincipalDep,
    limit: Annotated[int, LIMIT] = 50,
    offset: Annotated[int, OFFSET] = 0,
) -> WorkflowVersionList:
    """Every version of the workflow, newest first."""
    rows, total = await services.workflows.versions(principal, workflow_id, limit, offset)
    items = [
        WorkflowVersionPublic(
            workflow_id=r.workflow_id,
            version=r.version,
            definition=WorkflowDefinition.model_validate(r.definition),
            created_by=r.created_by,
            created_at=r.created_at,
        )
        for r in rows
    ]
    return WorkflowVersionList(items=items, total=total, limit=limit, offset=offset)


@router.post(
    "/{workflow_id}/runs",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=TaskPublic,
    responses={
        200: {"model": TaskPublic, "description": "The run an earlier request with this "
              "Idempotency-Key started, or the finished run when `wait` was given."},
        **error_responses(400, 401, 404, 413, 422, 429),
    },
)  # fmt: skip
async def run_workflow(
    workflow_id: str,
    body: WorkflowRunCreate,
    services: ServicesDep,
    principal: PrincipalDep,
    idempotency_key: Annotated[str | None, Header(max_length=200)] = None,
    wait: Annotated[float, WAIT_QUERY] = 0,
) -> Response:
    """Start a run of the workflow's newest version: a task (planner `workflow`) whose steps
    are the workflow's. Follow it as any task (`/api/tasks/{id}`, its events, cancel).

    The inputs are checked against the workflow's input schema, its defaults applied: 422
    `invalid_inputs` names each field that is wrong and why. With `?wait=S` the answer comes
    when the run has ended (200) or after S seconds (202), as for `POST /api/tasks`.
    """
    services.task_rate.hit(principal.id)
    view, created = await services.workflows.run(
        principal,
        workflow_id,
        body.inputs,
        body.session_id,
        body.metadata,
        idempotency_key,
        callback_url=body.callback_url,
    )
    return await accepted(view, created, services, principal, wait)


@router.get("/{workflow_id}/runs", responses=ERRORS)
async def list_runs(
    workflow_id: str,
    services: ServicesDep,
    principal: PrincipalDep,
    status_: Annotated[TaskStatus | None, Query(alias="status")] = None,
    limit: Annotated[int, LIMIT] = 50,
    offset: Annotated[int, OFFSET] = 0,
) -> TaskList:
    """The workflow's runs (tasks) the caller may see, newest first."""
    rows, total = await services.workflows.runs(principal, workflow_id, status_, limit, offset)
    return TaskList(
        items=[TaskSummary.of(t) for t in rows], total=total, limit=limit, offset=offset
    )


@from_tasks.post(
    "/{task_id}/save-as-workflow",
    status_code=status.HTTP_201_CREATED,
    responses=error_responses(400, 401, 404, 409, 413, 422),
)
async def save_task_as_workflow(
    task_id: str, body: TaskSaveAsWorkflow, services: ServicesDep, principal: PrincipalDep
) -> WorkflowPublic:
    """Save a task that has ended as a new workflow (version 1) running its plan again. The
    numbers and quoted texts of its description become inputs (`number_1`, `text_1`...,
    typed, defaulting to the values given), named by the steps' instructions where those
    values are written in them. 409 `task_not_finished` while it runs, `task_has_no_plan`
    when it ended before it was planned; 422 `invalid_name`, `duplicate_workflow_name`."""
    return public(await services.workflows.from_task(principal, task_id, body.name))

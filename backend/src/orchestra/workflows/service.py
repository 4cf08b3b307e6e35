"""Workflows as a resource: save (each save a new immutable version), read, list, delete, and
run, a run being a task planned by the workflow's version rather than by the planner.

Ownership follows the tasks' rules: a workflow belongs to the key that saved it, an admin
sees every one, and another owner's workflow is "not found". A run is created through
`Tasks.create`, like any task with its plan given, so it has the same API, events, admission,
cancel and crash recovery.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy import ColumnElement, Connection, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from orchestra.auth import Principal
from orchestra.config import Settings
from orchestra.db import EVENTS, Database, Task, TaskStatus, Workflow, WorkflowVersion
from orchestra.db.base import utcnow
from orchestra.errors import ConflictError, InvalidInputError, NotFoundError
from orchestra.planner import Plan
from orchestra.registry import Registry
from orchestra.tasks import Tasks, WorkflowOrigin
from orchestra.views import TaskView
from orchestra.workflows import run
from orchestra.workflows.definition import WorkflowDefinition
from orchestra.workflows.from_task import workflow_of
from orchestra.workflows.templates import TemplateProblem
from orchestra.workflows.validation import (
    Problem,
    apply_defaults,
    input_problems,
    workflow_problems,
)

__all__ = ["Saved", "Workflows", "check_inputs"]


@dataclass(frozen=True)
class Saved:
    """A workflow and the definition of one of its versions (the newest, unless asked)."""

    id: str
    owner: str
    version: int
    definition: WorkflowDefinition
    created_at: datetime
    updated_at: datetime
    version_created_at: datetime
    version_created_by: str
    runs: int = 0
    """Its runs the reader may see (an admin: all), as `runs` lists them."""


def _invalid(summary: str, code: str, problems: list[Problem]) -> InvalidInputError:
    listed = "; ".join(f"{p['field']}: {p['problem']}" for p in problems)
    return InvalidInputError(f"{summary}: {listed}", code=code, errors=problems)


class Workflows:
    def __init__(self, db: Database, registry: Registry, tasks: Tasks, settings: Settings) -> None:
        self.db = db
        self.registry = registry
        self.tasks = tasks
        self.max_steps = settings.max_plan_steps

    async def _check(self, definition: WorkflowDefinition) -> None:
        """Every problem of the definition, as a 422 `invalid_workflow`."""
        capabilities = await self.registry.capabilities()
        context = self.tasks.consensus_context(capabilities)
        problems = workflow_problems(definition, capabilities.keys(), self.max_steps, context)
        if problems:
            # An agent registered by another process a moment ago? Look in the database.
            capabilities = await self.registry.capabilities(fresh=True)
            context = self.tasks.consensus_context(capabilities)
            problems = workflow_problems(definition, capabilities.keys(), self.max_steps, context)
        if problems:
            raise _invalid("The workflow is invalid", "invalid_workflow", problems)

    async def create(self, principal: Principal, definition: WorkflowDefinition) -> Saved:
        await self._check(definition)
        now = utcnow()
        row = Workflow(
            owner=principal.id,
            name=definition.name,
            description=definition.description,
            version=1,
            created_at=now,
            updated_at=now,
        )
        async with self.db.transaction() as tx:
            tx.add(row)
            await tx.flush()
            tx.add(_version(row.id, 1, definition, principal, now))
        return _saved(row, definition, now, principal.id)

    async def update(
        self, principal: Principal, workflow_id: str, definition: WorkflowDefinition
    ) -> Saved:
        """Save a new version; the versions before it stay as they were."""
        await self._visible(principal, workflow_id)
        await self._check(definition)
        now = utcnow()
        async with self.db.transaction() as tx:
            # One statement takes the next number: two saves at once get two versions.
            number = await tx.scalar(
                update(Workflow)
                .where(Workflow.id == workflow_id, Workflow.deleted_at.is_(None))
                .values(
                    version=Workflow.version + 1,
                    name=definition.name,
                    description=definition.description,
                    updated_at=now,
                )
                .returning(Workflow.version)
            )
            if number is None:  # deleted meanwhile
                raise NotFoundError("workflow", workflow_id)
            tx.add(_version(workflow_id, number, definition, principal, now))
        return await self.get(principal, workflow_id)

    async def delete(self, principal: Principal, workflow_id: str) -> None:
        """Remove the workflow from use; its versions stay, as the tasks that ran them say."""
        await self._visible(principal, workflow_id)
        async with self.db.transaction() as tx:
            await tx.execute(
                update(Workflow)
                .where(Workflow.id == workflow_id, Workflow.deleted_at.is_(None))
                .values(deleted_at=utcnow())
            )

    async def _visible(self, principal: Principal, workflow_id: str) -> Workflow:
        async with self.db.reading() as tx:
            row = await tx.get(Workflow, workflow_id)
        if row is None or row.deleted_at is not None or not principal.owns(row.owner):
            raise NotFoundError("workflow", workflow_id)
        return row

    async def get(
        self, principal: Principal, workflow_id: str, version: int | None = None
    ) -> Saved:
        row = await self._visible(principal, workflow_id)
        number = row.version if version is None else version
        async with self.db.reading() as tx:
            stored = await tx.scalar(
                select(WorkflowVersion).where(
                    WorkflowVersion.workflow_id == workflow_id, WorkflowVersion.version == number
                )
            )
            runs = await _runs(tx, principal, [workflow_id])
        if stored is None:
            raise NotFoundError("workflow_version", f"{workflow_id}@{number}")
        definition = WorkflowDefinition.model_validate(stored.definition)
        saved = _saved(row, definition, stored.created_at, stored.created_by, number)
        return replace(saved, runs=runs.get(workflow_id, 0))

    async def page(self, principal: Principal, limit: int, offset: int) -> tuple[list[Saved], int]:
        """The caller's workflows (an admin's: all), newest first, each at its newest version."""
        visible: list[ColumnElement[bool]] = [Workflow.deleted_at.is_(None)]
        if not principal.is_admin:
            visible.append(Workflow.owner == principal.id)
        async with self.db.reading() as tx:
            total = await tx.scalar(select(func.count()).select_from(Workflow).where(*visible))
            rows = (
                await tx.execute(
                    select(Workflow, WorkflowVersion)
                    .join(
                        WorkflowVersion,
                        (WorkflowVersion.workflow_id == Workflow.id)
                        & (WorkflowVersion.version == Workflow.version),
                    )
                    .where(*visible)
                    .order_by(Workflow.created_at.desc(), Workflow.id)
                    .limit(limit)
                    .offset(offset)
                )
            ).all()
            # One count for the page, not one request per workflow from the dashboard.
            runs = await _runs(tx, principal, [row.id for row, _ in rows])
        items = [
            replace(
                _saved(
                    row,
                    WorkflowDefinition.model_validate(stored.definition),
                    stored.created_at,
                    stored.created_by,
                ),
                runs=runs.get(row.id, 0),
            )
            for row, stored in rows
        ]
        return items, total or 0

    async def versions(
        self, principal: Principal, workflow_id: str, limit: int, offset: int
    ) -> tuple[list[WorkflowVersion], int]:
        """Every version of the workflow, newest first."""
        await self._visible(principal, workflow_id)
        async with self.db.reading() as tx:
            total = await tx.scalar(
                select(func.count())
                .select_from(WorkflowVersion)
                .where(WorkflowVersion.workflow_id == workflow_id)
            )
            rows = await tx.scalars(
                select(WorkflowVersion)
                .where(WorkflowVersion.workflow_id == workflow_id)
                .order_by(WorkflowVersion.version.desc())
                .limit(limit)
                .offset(offset)
            )
            return list(rows), total or 0

    async def run(
        self,
        principal: Principal,
        workflow_id: str,
        inputs: dict[str, Any],
        session_id: str | None,
        metadata: dict[str, Any],
        idempotency_key: str | None = None,
        within: Callable[[Connection], None] | None = None,
        task_id: str | None = None,
        callback_url: str | None = None,
    ) -> tuple[TaskView, bool]:
        """Start a run of the workflow's newest version with these inputs (defaults applied):
        a task whose plan is the workflow's steps. Returns (task, created). `within` and
        `task_id`: see `Tasks.create`."""
        saved = await self.get(principal, workflow_id)
        definition = saved.definition
        given = check_inputs(definition, inputs)
        try:
            plan, record = run.start(definition, given)
        except TemplateProblem as exc:
            problem = {"field": "inputs", "problem": str(exc)}
            raise _invalid(
                "The inputs do not fit the workflow", "invalid_inputs", [problem]
            ) from exc
        if len(plan.steps) > self.max_steps:
            # Steps run once per item: the items make the plan longer than a plan may be.
            problems = [
                {
                    "field": str(step.for_each),
                    "problem": f"{len(run.fanned(record)[step.id])} items make the run "
                    f"{len(plan.steps)} steps; at most {self.max_steps} are allowed "
                    "(MAX_PLAN_STEPS)",
                }
                for step in definition.steps
                if step.for_each is not None
            ]
            raise _invalid("The inputs make too many steps", "invalid_inputs", problems)
        origin = WorkflowOrigin(
            workflow_id,
            saved.version,
            record,
            f"a run of workflow {definition.name!r}, version {saved.version}",
        )
        return await self.tasks.create(
            principal,
            definition.name,
            session_id,
            metadata,
            idempotency_key,
            plan,
            origin,
            task_id,
            within,
            callback_url=callback_url,
        )

    async def from_task(self, principal: Principal, task_id: str, name: str) -> Saved:
        """Save a finished task's plan as a new workflow named `name`, the values its
        description gave made into inputs (`orchestra.workflows.from_task`).

        Raises:
            NotFoundError: no such task, or another owner's.
            ConflictError: the task has not ended, or ended with no plan.
            InvalidInputError: the name is blank or one of the caller's workflows has it,
                or the plan no longer makes a valid workflow (`invalid_workflow`).
        """
        name = name.strip()
        if not name:
            raise InvalidInputError("name must not be blank.", code="invalid_name")
        view = await self.tasks.view(task_id, principal)
        if not view.terminal:
            raise ConflictError(
                f"Task {task_id} is {view.status}: save it as a workflow once it has ended.",
                code="task_not_finished",
            )
        plan = await self.db.read(lambda connection: _planned(connection, task_id))
        if plan is None:
            raise ConflictError(
                f"Task {task_id} ended before it had a plan: there are no steps to save.",
                code="task_has_no_plan",
            )
        await self._name_free(principal, name)
        try:
            definition = workflow_of(name, str(view.task["description"]), plan)
        except ValidationError as exc:
            problems = [
                {"field": ".".join(str(p) for p in e["loc"]), "problem": e["msg"]}
                for e in exc.errors()
            ]
            summary = "The task's plan is not a valid workflow"
            raise _invalid(summary, "invalid_workflow", problems) from exc
        return await self.create(principal, definition)

    async def _name_free(self, principal: Principal, name: str) -> None:
        async with self.db.reading() as tx:
            taken = await tx.scalar(
                select(Workflow.id).where(
                    Workflow.owner == principal.id,
                    Workflow.name == name,
                    Workflow.deleted_at.is_(None),
                )
            )
        if taken is not None:
            raise InvalidInputError(
                f"You have a workflow named {name!r} already ({taken}): choose another name.",
                code="duplicate_workflow_name",
                field="name",
            )

    async def runs(
        self,
        principal: Principal,
        workflow_id: str,
        status: TaskStatus | None,
        limit: int,
        offset: int,
    ) -> tuple[list[Task], int]:
        """The workflow's runs the caller may see (an admin: all), newest first."""
        await self._visible(principal, workflow_id)
        return await self.tasks.list(
            principal, status, None, limit, offset, workflow_id=workflow_id
        )


def check_inputs(definition: WorkflowDefinition, inputs: dict[str, Any]) -> dict[str, Any]:
    """The inputs with the schema's defaults applied.

    Raises:
        InvalidInputError: 422 `invalid_inputs`, each field that is wrong and why.
    """
    given = apply_defaults(definition.input_schema, inputs)
    problems = input_problems(definition.input_schema, given)
    if problems:
        raise _invalid("The inputs are invalid", "invalid_inputs", problems)
    return given


async def _runs(tx: AsyncSession, principal: Principal, workflow_ids: list[str]) -> dict[str, int]:
    """The number of runs of each workflow the principal may see, by workflow id."""
    if not workflow_ids:
        return {}
    query = (
        select(Task.workflow_id, func.count())
        .where(Task.workflow_id.in_(workflow_ids))
        .group_by(Task.workflow_id)
    )
    if not principal.is_admin:
        query = query.where(Task.owner == principal.id)
    return {str(workflow_id): int(n) for workflow_id, n in (await tx.execute(query)).all()}


def _planned(connection: Connection, task_id: str) -> Plan | None:
    """The task's plan as last planned (a plan replaced under review is planned again)."""
    data = connection.scalar(
        select(EVENTS.c.data)
        .where(EVENTS.c.task_id == task_id, EVENTS.c.type == "task.planned")
        .order_by(EVENTS.c.id.desc())
        .limit(1)
    )
    if not data or not data.get("plan"):
        return None
    return Plan.model_validate(data["plan"])


def _version(
    workflow_id: str,
    number: int,
    definition: WorkflowDefinition,
    principal: Principal,
    at: datetime,
) -> WorkflowVersion:
    return WorkflowVersion(
        workflow_id=workflow_id,
        version=number,
        definition=definition.model_dump(mode="json"),
        created_by=principal.id,
        created_at=at,
    )


def _saved(
    row: Workflow,
    definition: WorkflowDefinition,
    version_created_at: datetime,
    version_created_by: str,
    version: int | None = None,
) -> Saved:
    return Saved(
        id=row.id,
        owner=row.owner,
        version=row.version if version is None else version,
        definition=definition,
        created_at=row.created_at,
        updated_at=row.updated_at,
        version_created_at=version_created_at,
        version_created_by=version_created_by,
    )

"""Task service: accept a task, list and read tasks, wait for one to change, cancel one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from dbos import DBOS
from sqlalchemy import Connection, delete, func, insert, select
from sqlalchemy.exc import IntegrityError

from orchestra import tracing
from orchestra.auth import Principal
from orchestra.callbacks import push
from orchestra.callbacks import records as callbacks
from orchestra.changes import Change
from orchestra.config import Settings
from orchestra.db import (
    MESSAGES,
    PLANS,
    STEPS,
    TASKS,
    Database,
    Session,
    StepKind,
    StepStatus,
    Task,
    TaskStatus,
)
from orchestra.db.base import new_id, utcnow
from orchestra.errors import ConflictError, InvalidInputError, NotFoundError, Saturated
from orchestra.executor import Executor, approvals
from orchestra.executor.planning import Assigned, assign, given, record_plan, summary_of
from orchestra.executor.review import PLAN_TOPIC
from orchestra.llm import ModelProfiles
from orchestra.planner import Plan, PlannerKind, PlanOutcome, validate_plan
from orchestra.planner.errors import PlannerError
from orchestra.planner.validation import ConsensusContext
from orchestra.registry import Capability, Registry
from orchestra.views import TaskView, TaskViews
from orchestra.workflows.run import fan_outs

# How long a decision on a plan waits for the task's workflow to apply it before answering.
DECISION_WAIT_SECONDS = 10.0


@dataclass(frozen=True)
class WorkflowOrigin:
    """What a task that runs a workflow records of it (`orchestra.workflows`)."""

    workflow_id: str
    version: int
    run: dict[str, Any]
    """`tasks.workflow_run`: inputs, what is left to render, outputs."""
    reason: str
    """Why this plan: the planner reason the task shows."""


class Tasks:
    def __init__(
        self,
        db: Database,
        executor: Executor,
        registry: Registry,
        views: TaskViews,
        settings: Settings,
        profiles: ModelProfiles | None = None,
    ) -> None:
        """`profiles`: the deployment's model profiles (read from `settings` if not given),
        which consensus steps name."""
        self.db = db
        self.executor = executor
        self.registry = registry
        self.views = views
        self.max_description_length = settings.max_description_length
        self.max_plan_steps = settings.max_plan_steps
        self.review_plans = settings.review_plans
        self.profiles = profiles if profiles is not None else ModelProfiles.from_settings(settings)
        self.aggregator_profile = settings.synthesis_model
        self.deliveries = executor.rt.deliveries

    async def deliveries_of(self, task_id: str, principal: Principal) -> list[Any]:
        """The deliveries of the task, if the caller may see it: to its callback_url, then
        to its A2A push-notification configs (those notified at least once)."""
        await self.view(task_id, principal)

        def read(connection: Connection) -> list[Any]:
            return callbacks.of_task(connection, task_id) + push.deliveries_of(connection, task_id)

        return await self.db.read(read)

    async def plans_of(self, task_id: str, principal: Principal) -> list[Any]:
        """The task's plan versions, oldest first, if the caller may see it."""
        await self.view(task_id, principal)
        query = (
            select(
                PLANS.c.version, PLANS.c.planner, PLANS.c.reason, PLANS.c.plan, PLANS.c.created_at
            )
            .where(PLANS.c.task_id == task_id)
            .order_by(PLANS.c.version)
        )
        return await self.db.read(lambda c: list(c.execute(query)))

    async def create(
        self,
        principal: Principal,
        description: str,
        session_id: str | None,
        metadata: dict[str, Any],
        idempotency_key: str | None = None,
        plan: Plan | None = None,
        workflow: WorkflowOrigin | None = None,
        task_id: str | None = None,
        within: Callable[[Connection], None] | None = None,
        review_plan: bool | None = None,
        callback_url: str | None = None,
        hops: int = 0,
    ) -> tuple[TaskView, bool]:
        """Store the task and hand it to the executor; returns (task, created).

        A repeated idempotency key returns the task it created first. `workflow`: the task
        is a run of that workflow, whose `plan` it is. `task_id` is the id the caller chose
        (the A2A server names its tasks before they exist); else a new one. `within` runs
        first in the transaction that stores the task: what it raises stores nothing (a
        schedule moves on to its next time in it, so the time and its run are one write).
        `callback_url`: where the task is POSTed once it has ended (checked against the
        egress rules now). `hops`: how many orchestrators the request came through
        (`orchestra.hops`); its steps tell their agents one more.
        """
        admission = self.executor.rt.admission
        if admission.full:
            # Seconds for the line ahead to move on a little at the usual pace.
            raise Saturated(admission.waiting, retry_after=5)
        description = description.strip()
        if not description:
            raise InvalidInputError("description must not be empty.", code="empty_description")
        if len(description) > self.max_description_length:
            raise InvalidInputError(
                f"description is {len(description)} characters long; the limit is "
                f"{self.max_description_length}.",
                code="description_too_long",
            )
        if callback_url is not None:
            if self.deliveries is None:
                raise InvalidInputError(
                    "This process delivers no callbacks.", code="callbacks_unavailable"
                )
            await self.deliveries.check_url(callback_url)
        if idempotency_key:
            # Keys are per principal: one caller's key never returns another's task.
            idempotency_key = f"{principal.id}:{idempotency_key}"
            existing = await self._by_key(idempotency_key)
            if existing is not None:
                return existing, False
        agents: list[Assigned] = []
        if plan is not None:
            capabilities = await self._check(plan)
            try:
                agents = assign(self.registry, plan, capabilities)
            except PlannerError as exc:
                raise InvalidInputError(str(exc), code="invalid_plan", errors=[str(exc)]) from exc
        task_id = task_id or new_id()
        now = utcnow()
        change = Change(task_id)
        change.new_task = {
            "id": task_id,
            "owner": principal.id,
            "session_id": session_id,
            "description": description,
            "status": TaskStatus.PENDING.value,
            "planner": None,
            "planner_reason": None,
            "requested_plan": plan.model_dump(mode="json") if plan else None,
            "result": None,
            "result_data": None,
            "error": None,
            "metadata": metadata,
            "idempotency_key": idempotency_key,
            # REVIEW_PLANS is for planned tasks: a workflow's run follows its saved steps.
            "review_plan": (
                self.review_plans and workflow is None if review_plan is None else review_plan
            ),
            # The request's trace: the task's steps, run later, join it.
            "trace_context": tracing.carrier() or None,
            "tokens_in": 0,
            "tokens_out": 0,
            "created_at": now,
            "started_at": None,
            "finished_at": None,
            "workflow_id": workflow.workflow_id if workflow else None,
            "workflow_version": workflow.version if workflow else None,
            "workflow_run": workflow.run if workflow else None,
            "callback_url": callback_url,
            "hops": hops,
            # This process runs it until it must wait; its restart or adopter resumes it.
            "executor_id": self.executor.id,
        }
        change.event("task.created", status="pending")
        if plan is not None:
            # Stored now: the task's workflow starts with its steps, without a planning step.
            outcome = given(plan)
            if workflow is not None:
                outcome = PlanOutcome(plan, PlannerKind.WORKFLOW, workflow.reason)
            record_plan(change, outcome, agents)
            if workflow is not None:
                per_item = fan_outs(workflow.run)
                for row in change.new_steps:
                    if row["step_id"] in per_item:  # its items are made as it starts
                        row["kind"] = StepKind.FAN_OUT.value

        def work(connection: Connection) -> None:
            if within is not None:
                within(connection)
            if session_id is not None:
                owner = connection.scalar(select(Session.owner).where(Session.id == session_id))
                if owner is None or not principal.owns(owner):
                    raise NotFoundError("session", session_id)
            change.write(connection, at=now)
            if session_id is not None:
                connection.execute(
                    insert(MESSAGES).values(
                        id=new_id(),
                        session_id=session_id,
                        role="user",
                        content=description,
                        task_id=task_id,
                        created_at=now,
                    )
                )

        try:
            await self.db.run(work)
        except IntegrityError:
            # Two requests with one idempotency key raced; the other one won.
            existing = await self._by_key(idempotency_key or "")
            if existing is None:
                raise
            return existing, False
        view = self.views.add(change)
        self.executor.submit(
            task_id,
            summary_of(change) if plan is not None else None,
            review_asked=bool(change.new_task["review_plan"]),
        )
        return view, True

    def consensus_context(self, capabilities: dict[str, Capability]) -> ConsensusContext:
        """What consensus steps are checked against: the profiles, the agents by name."""
        agents: dict[str, set[str]] = {}
        for name, capability in capabilities.items():
            for agent_id in capability.agent_ids:
                instances = self.registry.instances(agent_id)
                if instances:
                    agents.setdefault(instances[0].agent_name, set()).add(name)
        return ConsensusContext(
            profiles={name: not p.offline for name, p in self.profiles.items()},
            agents=agents,
            aggregator_profile=self.aggregator_profile,
        )

    async def _check(self, plan: Plan) -> dict[str, Capability]:
        capabilities = await self.registry.capabilities()
        errors = validate_plan(
            plan, capabilities.keys(), self.max_plan_steps, self.consensus_context(capabilities)
        )
        if errors:
            # An agent registered by another process a moment ago? Look in the database.
            capabilities = await self.registry.capabilities(fresh=True)
            errors = validate_plan(
                plan, capabilities.keys(), self.max_plan_steps, self.consensus_context(capabilities)
            )
        if errors:
            raise InvalidInputError(
                "The plan is invalid: " + "; ".join(errors), code="invalid_plan", errors=errors
            )
        return capabilities

    async def _by_key(self, key: str) -> TaskView | None:
        task_id = await self.db.read(
            lambda c: c.scalar(select(TASKS.c.id).where(TASKS.c.idempotency_key == key))
        )
        return None if task_id is None else await self.views.get(task_id)

    async def view(self, task_id: str, principal: Principal) -> TaskView:
        """The task, if the caller may see it; another owner's task is 'not found' too."""
        view = await self.views.get(task_id)
        if view is None or not principal.owns(view.owner):
            raise NotFoundError("task", task_id)
        return view

    async def wait(
        self,
        task_id: str,
        principal: Principal,
        etag: str | None,
        timeout: float,
        until_end: bool = False,
    ) -> TaskView:
        """The task once it differs from `etag` (or from now) or has ended, within `timeout`;
        with `until_end`, once it has ended."""
        await self.view(task_id, principal)
        view = await self.views.wait(task_id, etag, timeout, until_end)
        if view is None:
            raise NotFoundError("task", task_id)
        return view

    async def list(
        self,
        principal: Principal,
        status: TaskStatus | None,
        session_id: str | None,
        limit: int,
        offset: int,
        finished_after: datetime | None = None,
        workflow_id: str | None = None,
    ) -> tuple[list[Task], int]:
        query = select(Task)
        count = select(func.count()).select_from(Task)
        if workflow_id is not None:
            query = query.where(Task.workflow_id == workflow_id)
            count = count.where(Task.workflow_id == workflow_id)
        if not principal.is_admin:
            query = query.where(Task.owner == principal.id)
            count = count.where(Task.owner == principal.id)
        if status is not None:
            query = query.where(Task.status == status)
            count = count.where(Task.status == status)
        if session_id is not None:
            query = query.where(Task.session_id == session_id)
            count = count.where(Task.session_id == session_id)
        if finished_after is not None:
            if finished_after.tzinfo is None:
                finished_after = finished_after.replace(tzinfo=UTC)
            query = query.where(Task.finished_at > finished_after)
            count = count.where(Task.finished_at > finished_after)
            order: tuple[Any, ...] = (Task.finished_at, Task.id)
        else:
            order = (Task.created_at.desc(), Task.id)
        async with self.db.reading() as tx:
            total = await tx.scalar(count)
            rows = await tx.scalars(query.order_by(*order).limit(limit).offset(offset))
            return list(rows), total or 0

    async def cancel(self, task_id: str, principal: Principal) -> TaskView:
        view = await self.view(task_id, principal)
        if view.terminal or not await self.executor.cancel(task_id):
            view = await self.view(task_id, principal)
            raise ConflictError(
                f"Task {task_id} has already ended ({view.status}); there is nothing to cancel.",
                code="task_already_finished",
            )
        return await self.view(task_id, principal)

    async def decide(
        self, task_id: str, principal: Principal, decision: str, comment: str
    ) -> TaskView:
        """Approve or reject the plan of a task awaiting approval; returns the task once
        its workflow has applied the decision (or as it is after a few seconds).

        Raises:
            ConflictError: the task is not awaiting approval.
        """
        view = await self._awaiting(task_id, principal)
        message = {"decision": decision, "comment": comment, "by": principal.id}
        await DBOS.send_async(task_id, message, PLAN_TOPIC)
        return await self.views.wait(task_id, view.etag, DECISION_WAIT_SECONDS) or view

    async def reply(
        self,
        task_id: str,
        principal: Principal,
        step_id: str,
        text: str,
        data: dict[str, Any] | None = None,
    ) -> TaskView:
        """Reply to the question of a step in input_required; returns the task once its
        workflow has taken the reply (or as it is after a few seconds). The reply goes to
        the agent's own task, which goes on from where it asked (`executor.questions`).

        Raises:
            InvalidInputError: the reply is empty, or the task has no such step.
            ConflictError: that step is not waiting for a reply.
        """
        text = text.strip()
        if not text and not data:
            raise InvalidInputError(
                "The reply is empty: give its text (or data).", code="empty_reply"
            )
        view = await self.view(task_id, principal)
        step = _waiting_step(view, step_id)
        if step.get("kind") == StepKind.APPROVAL:
            raise InvalidInputError(
                f"Step {step_id} is an approval step: approve or reject it with POST "
                f"/api/tasks/{task_id}/steps/{step_id}/approve or /reject.",
                code="approval_step",
                step=step_id,
            )
        asked_at = (step.get("question") or {}).get("asked_at")
        message = {
            "step": step_id,
            "text": text,
            "data": data,
            "by": principal.id,
            "asked_at": asked_at,  # the question it answers (`executor.questions`)
        }
        await self.executor.send_input(task_id, message)
        return await self.views.wait(task_id, view.etag, DECISION_WAIT_SECONDS) or view

    async def decide_step(
        self, task_id: str, principal: Principal, step_id: str, decision: str, comment: str
    ) -> TaskView:
        """Approve or reject an approval step waiting in input_required; returns the task
        once its workflow has applied the decision (or as it is after a few seconds).
        Approved, the step completes and the steps after it run; rejected, it fails, and
        the task with it (`executor.approvals`).

        Raises:
            InvalidInputError: the task has no such step, it is not an approval step, or a
                rejection gives no reason.
            ConflictError: that step is not waiting for a decision (decided already).
        """
        comment = comment.strip()
        view = await self.view(task_id, principal)
        step = view.steps.get(step_id)
        if step is not None and step.get("kind") != StepKind.APPROVAL:
            raise InvalidInputError(
                f"Step {step_id} of task {task_id} is not an approval step: only a step of "
                "kind approval is approved or rejected.",
                code="not_an_approval_step",
                step=step_id,
            )
        step = _waiting_step(view, step_id)
        if decision == approvals.REJECT and not comment:
            raise InvalidInputError(
                "A rejection needs a comment saying why.", code="empty_comment", step=step_id
            )
        message = {
            "step": step_id,
            "decision": decision,
            "comment": comment,
            "by": principal.id,
            "asked_at": (step.get("question") or {}).get("asked_at"),
        }
        await self.executor.send_input(task_id, message)
        return await self.views.wait(task_id, view.etag, DECISION_WAIT_SECONDS) or view

    async def replace_plan(self, task_id: str, principal: Principal, plan: Plan) -> TaskView:
        """Replace the plan of a task awaiting approval with `plan`, checked as a plan given
        with a task is.

        Raises:
            ConflictError: the task is not awaiting approval (any more).
            InvalidInputError: the plan is invalid.
        """
        await self._awaiting(task_id, principal)
        capabilities = await self._check(plan)
        try:
            agents = assign(self.registry, plan, capabilities)
        except PlannerError as exc:
            raise InvalidInputError(str(exc), code="invalid_plan", errors=[str(exc)]) from exc
        change = Change(task_id)
        outcome = PlanOutcome(plan, PlannerKind.USER, f"the plan was replaced by {principal.id}")
        record_plan(change, outcome, agents)
        change.event("task.plan_changed", by=principal.id)

        def work(connection: Connection) -> bool:
            status = connection.scalar(select(TASKS.c.status).where(TASKS.c.id == task_id))
            if status != TaskStatus.AWAITING_APPROVAL:
                return False
            connection.execute(delete(STEPS).where(STEPS.c.task_id == task_id))
            change.write(connection)
            return True

        if not await self.db.run(work):
            raise _not_awaiting(task_id)
        self.views.forget(task_id)  # steps went away: no patch says so
        return await self.view(task_id, principal)

    async def _awaiting(self, task_id: str, principal: Principal) -> TaskView:
        view = await self.view(task_id, principal)
        if view.status != TaskStatus.AWAITING_APPROVAL:
            raise _not_awaiting(task_id, view.status)
        return view


def _not_awaiting(task_id: str, status: str | None = None) -> ConflictError:
    now = f" (it is {status})" if status else ""
    return ConflictError(
        f"Task {task_id} is not awaiting approval of its plan{now}.",
        code="task_not_awaiting_approval",
    )


def _waiting_step(view: TaskView, step_id: str) -> dict[str, Any]:
    """The task's step `step_id`, waiting for a person (a reply or a decision).

    Raises:
        InvalidInputError: the task has no such step.
        ConflictError: the step is not waiting (answered or decided already, or never asked).
    """
    step = view.steps.get(step_id)
    if step is None:
        raise InvalidInputError(
            f"Task {view.id} has no step {step_id!r}.", code="unknown_step", step=step_id
        )
    if step["status"] != StepStatus.INPUT_REQUIRED:
        raise ConflictError(
            f"Step {step_id} of task {view.id} is not waiting for a reply or decision "
            f"(it is {step['status']}).",
            code="step_not_waiting",
        )
    return step

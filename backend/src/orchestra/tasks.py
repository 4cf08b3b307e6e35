"""Task service: accept a task, list and read tasks, cancel one."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from orchestra import events, tracing
from orchestra.auth import Principal
from orchestra.config import Settings
from orchestra.db import Database, Message, Session, Task, TaskStatus
from orchestra.errors import ConflictError, InvalidInputError, NotFoundError
from orchestra.executor import Executor
from orchestra.planner import Plan, validate_plan
from orchestra.registry import Registry


class Tasks:
    def __init__(
        self, db: Database, executor: Executor, registry: Registry, settings: Settings
    ) -> None:
        self.db = db
        self.executor = executor
        self.registry = registry
        self.max_description_length = settings.max_description_length
        self.max_plan_steps = settings.max_plan_steps

    async def create(
        self,
        principal: Principal,
        description: str,
        session_id: str | None,
        metadata: dict[str, Any],
        idempotency_key: str | None = None,
        plan: Plan | None = None,
    ) -> tuple[Task, bool]:
        """Store the task and hand it to the executor; returns (task, created).

        A repeated idempotency key returns the task it created first.
        """
        description = description.strip()
        if not description:
            raise InvalidInputError("description must not be empty.", code="empty_description")
        if len(description) > self.max_description_length:
            raise InvalidInputError(
                f"description is {len(description)} characters long; the limit is "
                f"{self.max_description_length}.",
                code="description_too_long",
            )
        if idempotency_key:
            # Keys are per principal: one caller's key never returns another's task.
            idempotency_key = f"{principal.id}:{idempotency_key}"
            existing = await self._by_key(idempotency_key)
            if existing is not None:
                return existing, False
        if plan is not None:
            capabilities = await self.registry.capabilities()
            errors = validate_plan(plan, capabilities.keys(), self.max_plan_steps)
            if errors:
                raise InvalidInputError(
                    "The plan is invalid: " + "; ".join(errors),
                    code="invalid_plan",
                    errors=errors,
                )
        try:
            async with self.db.session() as session:
                if session_id is not None:
                    owner = await session.scalar(
                        select(Session.owner).where(Session.id == session_id)
                    )
                    if owner is None or not principal.owns(owner):
                        raise NotFoundError("session", session_id)
                task = Task(
                    owner=principal.id,
                    description=description,
                    session_id=session_id,
                    metadata_=metadata,
                    idempotency_key=idempotency_key,
                    requested_plan=plan.model_dump(mode="json") if plan else None,
                    # The request's trace: the task's steps, run later, join it.
                    trace_context=tracing.carrier() or None,
                )
                session.add(task)
                await session.flush()
                if session_id is not None:
                    session.add(
                        Message(
                            session_id=session_id, role="user", content=description, task_id=task.id
                        )
                    )
                events.record(session, task.id, "task.created", status="pending")
        except IntegrityError:
            # Two requests with one idempotency key raced; the other one won.
            existing = await self._by_key(idempotency_key or "")
            if existing is None:
                raise
            return existing, False
        await self.executor.submit(task.id)
        return await self.get(task.id, principal), True

    async def _by_key(self, key: str) -> Task | None:
        async with self.db.session() as session:
            return await session.scalar(select(Task).where(Task.idempotency_key == key))

    async def get(self, task_id: str, principal: Principal) -> Task:
        """The task, if the caller may see it; another owner's task is 'not found' too."""
        async with self.db.session() as session:
            task = await session.get(Task, task_id)
            if task is None or not principal.owns(task.owner):
                raise NotFoundError("task", task_id)
            return task

    async def list(
        self,
        principal: Principal,
        status: TaskStatus | None,
        session_id: str | None,
        limit: int,
        offset: int,
        finished_after: datetime | None = None,
    ) -> tuple[list[Task], int]:
        query = select(Task)
        count = select(func.count()).select_from(Task)
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
        async with self.db.session() as session:
            total = await session.scalar(count)
            rows = await session.scalars(query.order_by(*order).limit(limit).offset(offset))
            return list(rows), total or 0

    async def cancel(self, task_id: str, principal: Principal) -> Task:
        task = await self.get(task_id, principal)
        if TaskStatus(task.status).terminal or not await self.executor.cancel(task_id):
            task = await self.get(task_id, principal)
            raise ConflictError(
                f"Task {task_id} has already ended ({task.status}); there is nothing to cancel.",
                code="task_already_finished",
            )
        return await self.get(task_id, principal)

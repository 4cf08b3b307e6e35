"""Workflow schedules: cron times at which a workflow runs with fixed inputs.

A schedule belongs to its workflow: whoever may manage the workflow (its owner, an admin)
manages its schedules, and its runs are the workflow owner's tasks. The executor's clock
calls `tick` once per tick across all processes. Each due schedule starts at most one run
per tick, for its latest due time (`cron.due` applies the catch-up policy), unless its
previous run is still going and its overlap policy is `skip`.

A time fires once whichever process looks and however often a tick is retried: the run's
idempotency key is the schedule id and the time, and the schedule moves on to its next time
in the transaction that stores the run, on condition that it still waited for that time.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import cast

from sqlalchemy import Connection, Update, delete, select, update

from orchestra.auth import Principal
from orchestra.config import Settings
from orchestra.db import SCHEDULES, TASKS, Database, TaskStatus, Workflow, WorkflowSchedule
from orchestra.db.base import new_id, utcnow
from orchestra.errors import InvalidInputError, NotFoundError, Saturated
from orchestra.workflows.cron import CatchUp, Cron, Overlap, due
from orchestra.workflows.service import Workflows, check_inputs

__all__ = ["ScheduleSpec", "Schedules"]

log = logging.getLogger(__name__)

# Due schedules handled per tick; the rest are due still at the next one.
TICK_BATCH = 200


@dataclass(frozen=True)
class ScheduleSpec:
    """What a schedule is made of (the API's `ScheduleCreate`)."""

    cron: str
    timezone: str
    inputs: dict[str, object]
    catch_up: CatchUp
    overlap: Overlap


class TimeTaken(Exception):
    """Another tick moved the schedule on first: this time is theirs."""


class Schedules:
    def __init__(self, db: Database, workflows: Workflows, settings: Settings) -> None:
        self.db = db
        self.workflows = workflows
        self.late = settings.schedule_late_seconds

    async def create(
        self, principal: Principal, workflow_id: str, spec: ScheduleSpec
    ) -> WorkflowSchedule:
        """A new schedule, active at once.

        Raises:
            InvalidInputError: 422 `invalid_schedule` (the cron expression or time zone) or
                `invalid_inputs` (the inputs against the workflow's input schema), naming
                the field.
        """
        saved = await self.workflows.get(principal, workflow_id)
        problem = Cron.problem(spec.cron, spec.timezone)
        if problem is not None:
            field, what = problem
            raise InvalidInputError(
                f"The schedule is invalid: {field}: {what}",
                code="invalid_schedule",
                errors=[{"field": field, "problem": what}],
            )
        check_inputs(saved.definition, dict(spec.inputs))
        now = utcnow()
        row = WorkflowSchedule(
            id=new_id(),
            workflow_id=workflow_id,
            owner=saved.owner,
            cron=spec.cron,
            timezone=spec.timezone,
            inputs=dict(spec.inputs),
            catch_up=spec.catch_up,
            overlap=spec.overlap,
            next_fire_at=Cron(spec.cron, spec.timezone).after(now),
            skipped=0,
            created_by=principal.id,
            created_at=now,
            updated_at=now,
        )
        async with self.db.transaction() as tx:
            tx.add(row)
        return row

    async def all(self, principal: Principal, workflow_id: str) -> list[WorkflowSchedule]:
        await self.workflows.get(principal, workflow_id)
        async with self.db.reading() as tx:
            rows = await tx.scalars(
                select(WorkflowSchedule)
                .where(WorkflowSchedule.workflow_id == workflow_id)
                .order_by(WorkflowSchedule.created_at, WorkflowSchedule.id)
            )
            return list(rows)

    async def get(
        self, principal: Principal, workflow_id: str, schedule_id: str
    ) -> WorkflowSchedule:
        await self.workflows.get(principal, workflow_id)
        async with self.db.reading() as tx:
            row = await tx.get(WorkflowSchedule, schedule_id)
        if row is None or row.workflow_id != workflow_id:
            raise NotFoundError("schedule", schedule_id)
        return row

    async def pause(
        self, principal: Principal, workflow_id: str, schedule_id: str
    ) -> WorkflowSchedule:
        """Stop firing until resumed; a paused schedule keeps its settings."""
        row = await self.get(principal, workflow_id, schedule_id)
        if row.paused_at is None:
            now = utcnow()
            await self._set(schedule_id, paused_at=now, updated_at=now)
        return await self.get(principal, workflow_id, schedule_id)

    async def resume(
        self, principal: Principal, workflow_id: str, schedule_id: str
    ) -> WorkflowSchedule:
        """Fire again from the next time on: the times passed while paused are not made up."""
        row = await self.get(principal, workflow_id, schedule_id)
        if row.paused_at is not None:
            now = utcnow()
            next_at = Cron(row.cron, row.timezone).after(now)
            await self._set(schedule_id, paused_at=None, next_fire_at=next_at, updated_at=now)
        return await self.get(principal, workflow_id, schedule_id)

    async def delete(self, principal: Principal, workflow_id: str, schedule_id: str) -> None:
        await self.get(principal, workflow_id, schedule_id)
        async with self.db.transaction() as tx:
            await tx.execute(delete(WorkflowSchedule).where(WorkflowSchedule.id == schedule_id))

    @staticmethod
    def preview(row: WorkflowSchedule, count: int) -> list[datetime]:
        """The schedule's next `count` times from now (paused or not)."""
        return Cron(row.cron, row.timezone).next_times(utcnow(), count)

    async def _set(self, schedule_id: str, **values: object) -> None:
        async with self.db.transaction() as tx:
            await tx.execute(
                update(WorkflowSchedule).where(WorkflowSchedule.id == schedule_id).values(values)
            )

    async def tick(self, at: datetime) -> None:
        """Start the runs of every schedule due now (the clock calls this once per tick)."""
        now = utcnow()
        async with self.db.reading() as tx:
            rows = list(
                await tx.scalars(
                    select(WorkflowSchedule)
                    .join(Workflow, Workflow.id == WorkflowSchedule.workflow_id)
                    .where(
                        WorkflowSchedule.paused_at.is_(None),
                        WorkflowSchedule.next_fire_at <= now,
                        Workflow.deleted_at.is_(None),
                    )
                    .order_by(WorkflowSchedule.next_fire_at)
                    .limit(TICK_BATCH)
                )
            )
        for row in rows:
            try:
                await self._fire(row, now)
            except TimeTaken:
                pass
            except Saturated:
                log.warning("schedule %s: the executor is saturated; trying again", row.id)
            except Exception:
                # One schedule's trouble (the database away a moment) does not stop the
                # others; it is due still at the next tick.
                log.exception("schedule %s: could not fire", row.id)

    async def _fire(self, row: WorkflowSchedule, now: datetime) -> None:
        catch_up = cast(CatchUp, row.catch_up)
        decision = due(Cron(row.cron, row.timezone), row.next_fire_at, now, catch_up, self.late)
        fire_at, next_at = decision.fire_at, decision.next_at
        if fire_at is None:
            log.info("schedule %s: missed its times while down; next at %s", row.id, next_at)
            await self._move_on(row, next_at, skipped=True)
            return
        if row.overlap == "skip" and await self._running(row.last_task_id):
            log.info("schedule %s: its previous run is still going; skipping %s", row.id, fire_at)
            await self._move_on(row, next_at, skipped=True)
            return
        task_id = new_id()

        def claim(connection: Connection) -> None:
            moved = connection.execute(
                self._moving(row, next_at).values(
                    last_fire_at=fire_at, last_task_id=task_id, last_error=None
                )
            ).rowcount
            if moved != 1:
                raise TimeTaken()

        metadata = {"schedule": {"id": row.id, "fire_at": fire_at.isoformat()}}
        try:
            view, created = await self.workflows.run(
                Principal(row.owner, "user"),
                row.workflow_id,
                dict(row.inputs),
                None,
                metadata,
                f"schedule:{row.id}:{fire_at.isoformat()}",
                within=claim,
                task_id=task_id,
            )
        except (InvalidInputError, NotFoundError) as exc:
            # The workflow changed since (its inputs, its capabilities): say so on the
            # schedule and wait for the next time rather than failing every tick.
            await self._move_on(row, next_at, skipped=True, error=exc.message)
            return
        if not created:  # started already for this time (a tick retried): move on
            await self._move_on(row, next_at)
        else:
            log.info("schedule %s: started run %s for %s", row.id, view.id, fire_at)

    def _moving(self, row: WorkflowSchedule, next_at: datetime) -> Update:
        """An update of the schedule that applies only if it still waits for this time."""
        return (
            update(SCHEDULES)
            .where(
                SCHEDULES.c.id == row.id,
                SCHEDULES.c.next_fire_at == row.next_fire_at,
                SCHEDULES.c.paused_at.is_(None),
            )
            .values(next_fire_at=next_at, updated_at=utcnow())
        )

    async def _move_on(
        self,
        row: WorkflowSchedule,
        next_at: datetime,
        skipped: bool = False,
        error: str | None = None,
    ) -> None:
        statement = self._moving(row, next_at)
        if skipped:
            statement = statement.values(skipped=SCHEDULES.c.skipped + 1)
        if error is not None:
            statement = statement.values(last_error=error[:2000])
        await self.db.run(lambda connection: connection.execute(statement))

    async def _running(self, task_id: str | None) -> bool:
        if task_id is None:
            return False
        found = await self.db.read(
            lambda c: c.scalar(select(TASKS.c.status).where(TASKS.c.id == task_id))
        )
        return found is not None and not TaskStatus(found).terminal

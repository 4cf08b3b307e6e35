"""Agent concurrency slots: how AGENT_CONCURRENCY holds across all orchestrator processes.

A step takes one of its agent's numbered slots (a row in `agent_slots`) in the transaction
that starts it, and frees it in the one that finishes it. The slot number is the primary
key with the agent, so two processes can never hold the same slot: the cap needs no lock
and no queue. A step that finds every slot taken waits: a slot freed in this process wakes
it at once; one freed by another process is seen at the next look, `SLOT_POLL_SECONDS` later.

Slots of a process that dies are freed when it starts again or when a survivor adopts its
tasks; the instances' in-flight counts are then recounted from the slots still held.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from orchestra.db import AgentInstance, AgentSlot

# Free slot numbers tried in one look before the step waits for a slot to be freed.
TRIES = 3


def _insert(session: AsyncSession) -> Any:
    dialect = session.get_bind().dialect.name
    return (postgresql if dialect == "postgresql" else sqlite).insert(AgentSlot)


async def take(
    session: AsyncSession,
    *,
    agent_id: str,
    task_id: str,
    key: str,
    instance_id: str,
    executor_id: str,
    cap: int,
) -> bool:
    """Take a free slot of the agent for this step; True if the step holds one now."""
    taken = set(await session.scalars(select(AgentSlot.slot).where(AgentSlot.agent_id == agent_id)))
    free = [n for n in range(cap) if n not in taken]
    # Processes starting steps at once would all pick the lowest free number, and on
    # PostgreSQL each would wait for the other's insert to commit: draw at random instead.
    for slot in random.sample(free, min(len(free), TRIES)):
        inserted = await session.execute(
            _insert(session)
            .values(
                agent_id=agent_id,
                slot=slot,
                task_id=task_id,
                step_key=key,
                instance_id=instance_id,
                executor_id=executor_id,
            )
            .on_conflict_do_nothing()
        )
        if inserted.rowcount:  # type: ignore[attr-defined]
            return True
        held = await session.scalar(
            select(AgentSlot.slot).where(AgentSlot.task_id == task_id, AgentSlot.step_key == key)
        )
        if held is not None:  # a step run again (after a database error) keeps its slot
            return True
    if free:
        return False
    held = await session.scalar(
        select(AgentSlot.slot).where(AgentSlot.task_id == task_id, AgentSlot.step_key == key)
    )
    return held is not None


async def move(session: AsyncSession, task_id: str, key: str, instance_id: str) -> None:
    """The step's next attempt goes to another instance of the same agent."""
    await session.execute(
        update(AgentSlot)
        .where(AgentSlot.task_id == task_id, AgentSlot.step_key == key)
        .values(instance_id=instance_id)
    )


async def free(session: AsyncSession, task_id: str, key: str) -> None:
    await session.execute(
        delete(AgentSlot).where(AgentSlot.task_id == task_id, AgentSlot.step_key == key)
    )


async def free_of_executors(session: AsyncSession, executor_ids: list[str]) -> int:
    """Free the slots of processes that are gone; their steps take new ones when they rerun."""
    freed = await session.execute(delete(AgentSlot).where(AgentSlot.executor_id.in_(executor_ids)))
    count: int = freed.rowcount  # type: ignore[attr-defined]
    if count:
        await recount(session)
    return count


async def recount(session: AsyncSession) -> None:
    """Set every instance's in-flight count to the slots held for it."""
    held = (
        select(func.count())
        .select_from(AgentSlot)
        .where(AgentSlot.instance_id == AgentInstance.id)
        .scalar_subquery()
    )
    await session.execute(update(AgentInstance).values(in_flight=held))


class Waiters:
    """Wakes the steps of this process that wait for a slot when one is freed here."""

    def __init__(self) -> None:
        self._freed = asyncio.Event()

    def freed(self) -> None:
        self._freed.set()

    async def wait(self, timeout: float) -> None:
        """Until a slot is freed in this process, or `timeout` seconds (one of another's)."""
        event = self._freed
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(event.wait(), timeout)
        if event.is_set():
            # Every waiter woken by this event looks again; later frees need a new event.
            self._freed = asyncio.Event()

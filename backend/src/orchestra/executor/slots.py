"""Agent concurrency slots: how AGENT_CONCURRENCY holds across all orchestrator processes.

A step takes one of its agent's numbered slots (a row in `agent_slots`) in the transaction
that starts it, and frees it in the one that finishes it. The slot number is the primary
key with the agent, so two processes can never hold the same slot: the cap needs no lock
and no queue. A step that finds every slot taken waits in line (`Waiters`): a slot freed in
this process wakes the first in line at once; one freed by another process is seen at a
later look.

Slots of a process that dies are freed when it starts again or when a survivor adopts its
tasks; the instances' in-flight counts are then recounted from the slots still held.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
from collections import deque
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
        if await _holds(session, task_id, key):  # run again after a database error
            return True
    return not free and await _holds(session, task_id, key)


async def _holds(session: AsyncSession, task_id: str, key: str) -> bool:
    """The step holds a slot already."""
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
    """The steps of this process waiting for a slot, per agent, and the slots it holds.

    A slot freed here wakes the longest waiting step of that agent, and only that one. While
    this process itself holds every slot of an agent, its steps do not ask the database.
    Slots freed by other processes are seen by polling: the first waiter every
    `SLOT_POLL_SECONDS`, the n-th every n times that, so a long line does not flood the
    database with looks.
    """

    def __init__(self) -> None:
        self._lines: dict[str, deque[asyncio.Future[None]]] = {}
        self._held: dict[str, int] = {}

    def took(self, agent_id: str) -> None:
        self._held[agent_id] = self._held.get(agent_id, 0) + 1

    def freed(self, agent_id: str) -> None:
        self._held[agent_id] = max(0, self._held.get(agent_id, 0) - 1)
        line = self._lines.get(agent_id)
        while line:
            first = line.popleft()
            if not first.done():
                first.set_result(None)
                return

    def full(self, agent_id: str, cap: int) -> bool:
        """True when this process alone holds every slot of the agent."""
        return self._held.get(agent_id, 0) >= cap

    async def wait(self, agent_id: str, poll: float) -> None:
        """Until a slot of the agent is freed here, or it is time to look again."""
        line = self._lines.setdefault(agent_id, deque())
        waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        line.append(waiter)
        try:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(waiter, poll * len(line))
        finally:
            if waiter in line:
                line.remove(waiter)
            if not line:
                self._lines.pop(agent_id, None)

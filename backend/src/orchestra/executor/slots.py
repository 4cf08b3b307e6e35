"""Agent concurrency slots: how AGENT_CONCURRENCY holds across all orchestrator processes.

A step takes one of its agent's numbered slots (a row in `agent_slots`) in the transaction
that starts it, and frees it in the one that finishes it. The slot number is the primary
key with the agent, so two processes can never hold the same slot: the cap needs no lock
and no queue. A step that finds every slot taken waits in line (`Waiters`): a slot freed in
this process wakes the first in line at once; one freed by another process is seen at a
later look.

Slots of a process that dies are freed when it starts again or when a survivor adopts its
tasks. The slots held are also what the API shows as an instance's steps in flight.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
from collections import deque
from typing import Any

from sqlalchemy import Connection, bindparam, delete, select, update
from sqlalchemy.dialects import postgresql, sqlite

from orchestra.db import SLOTS
from orchestra.db.base import utcnow

# Free slot numbers tried in one look before the step waits for a slot to be freed.
TRIES = 3
DIALECTS: dict[str, Any] = {"postgresql": postgresql, "sqlite": sqlite}


INSERT = {
    name: dialect.insert(SLOTS).on_conflict_do_nothing() for name, dialect in DIALECTS.items()
}
THIS_STEP = (SLOTS.c.task_id == bindparam("_task"), SLOTS.c.step_id == bindparam("_step_id"))
HELD = select(SLOTS.c.slot).where(*THIS_STEP)
TAKEN = select(SLOTS.c.slot).where(SLOTS.c.agent_id == bindparam("_agent"))
MOVE = update(SLOTS).where(*THIS_STEP)
FREE = delete(SLOTS).where(*THIS_STEP)


def take(
    connection: Connection,
    *,
    agent_id: str,
    task_id: str,
    step_id: str,
    instance_id: str,
    executor_id: str,
    cap: int,
) -> bool:
    """Take a free slot of the agent for this step; True if the step holds one now."""
    # Processes starting steps at once would all pick the lowest free number, and on
    # PostgreSQL each would wait for the other's insert to commit: draw at random instead.
    # Most draws find a free slot at once, without reading which are taken.
    tried: set[int] = set()
    for slot in random.sample(range(cap), min(cap, TRIES)):
        if _try(connection, slot, agent_id, task_id, step_id, instance_id, executor_id):
            return True
        tried.add(slot)
    if _holds(connection, task_id, step_id):  # run again after a database error
        return True
    taken: set[int] = set(
        connection.scalars(select(SLOTS.c.slot).where(SLOTS.c.agent_id == agent_id))
    )
    free = [n for n in range(cap) if n not in taken and n not in tried]
    for slot in random.sample(free, min(len(free), TRIES)):
        if _try(connection, slot, agent_id, task_id, step_id, instance_id, executor_id):
            return True
    return False


def _try(
    connection: Connection,
    slot: int,
    agent_id: str,
    task_id: str,
    step_id: str,
    instance_id: str,
    executor_id: str,
) -> bool:
    inserted = connection.execute(
        INSERT[connection.dialect.name],
        {
            "agent_id": agent_id,
            "slot": slot,
            "task_id": task_id,
            "step_id": step_id,
            "instance_id": instance_id,
            "executor_id": executor_id,
            "taken_at": utcnow(),
        },
    )
    return bool(inserted.rowcount)


def _holds(connection: Connection, task_id: str, step_id: str) -> bool:
    """The step holds a slot already."""
    held = connection.scalar(HELD, {"_task": task_id, "_step_id": step_id})
    return held is not None


def move(connection: Connection, task_id: str, step_id: str, instance_id: str) -> None:
    """The step's next attempt goes to another instance of the same agent."""
    connection.execute(MOVE, {"_task": task_id, "_step_id": step_id, "instance_id": instance_id})


def free(connection: Connection, task_id: str, step_id: str) -> None:
    connection.execute(delete(SLOTS).where(SLOTS.c.task_id == task_id, SLOTS.c.step_id == step_id))


def free_of_executors(connection: Connection, executor_ids: list[str]) -> int:
    """Free the slots of processes that are gone; their steps take new ones when they rerun."""
    freed = connection.execute(delete(SLOTS).where(SLOTS.c.executor_id.in_(executor_ids)))
    return int(freed.rowcount)


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
            # Not wait_for, which in Python 3.11 can swallow the cancel of a canceled task's
            # step (as a slot is freed), and the step would go on waiting and then run.
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(poll * len(line)):
                    await waiter
        finally:
            if waiter in line:
                line.remove(waiter)
            if not line:
                self._lines.pop(agent_id, None)

"""Admission: at most MAX_RUNNING_TASKS tasks of a process run at once; the rest wait in line.

Without it, a burst of submissions starts every task at once: their steps interleave, each
task takes as long as the whole burst, and the database line every write waits in grows
with them, so a submission waits behind all of it. With it, tasks run in the order they
came and end at the rate the process can sustain, and a submission waits behind a bounded
line. Past MAX_WAITING_TASKS waiting, a submission is refused (503, Retry-After) instead.

The line is in memory: a task waiting in it has its durable workflow already, so a crash
loses nothing (the workflow is resumed, and takes its place in the line again).
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager


class Admission:
    def __init__(self, running: int, waiting: int) -> None:
        self.limit = running
        self.max_waiting = waiting
        self.running = 0
        self._line: OrderedDict[str, tuple[int, asyncio.Future[None]]] = OrderedDict()
        self._tickets = 0
        self._admitted = 0

    @property
    def waiting(self) -> int:
        return len(self._line)

    @property
    def full(self) -> bool:
        """No more tasks may wait: a submission now is refused."""
        return len(self._line) >= self.max_waiting

    def ahead(self) -> int | None:
        """How many tasks a task submitted now would wait behind (None: it runs at once)."""
        return len(self._line) if self.running >= self.limit or self._line else None

    def position(self, task_id: str) -> int | None:
        """How many tasks are ahead of this one in line (None: it is not waiting)."""
        entry = self._line.get(task_id)
        return None if entry is None else max(0, entry[0] - self._admitted)

    @asynccontextmanager
    async def turn(self, task_id: str) -> AsyncIterator[None]:
        """Run the block as one of the running tasks, after waiting in line if need be."""
        if self.running < self.limit and not self._line:
            self.running += 1
        else:
            waiter = asyncio.get_running_loop().create_future()
            self._line[task_id] = (self._tickets, waiter)
            self._tickets += 1
            try:
                await waiter  # the task that ends hands its place over: `running` stays
            except BaseException:
                if self._line.pop(task_id, None) is None and waiter.done():
                    self._leave()  # it had been let in just then: pass the place on
                raise
        try:
            yield
        finally:
            self._leave()

    def _leave(self) -> None:
        while self._line:
            _, (ticket, waiter) = self._line.popitem(last=False)
            self._admitted = ticket + 1
            if not waiter.done():
                waiter.set_result(None)
                return
        self.running -= 1

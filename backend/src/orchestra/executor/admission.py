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
        self._let_in: set[str] = set()

    @property
    def waiting(self) -> int:
        return len(self._line)

    @property
    def full(self) -> bool:
        """No more tasks may wait: a submission now is refused."""
        return len(self._line) >= self.max_waiting

    def reserve(self, task_id: str) -> None:
        """Give a task submitted just now its place, before its workflow starts: at once if
        there is room, else at the end of the line (so the line and positions count it)."""
        if task_id in self._let_in or task_id in self._line:
            return
        if self.running < self.limit and not self._line:
            self.running += 1
            self._let_in.add(task_id)
        else:
            self._line[task_id] = (self._tickets, asyncio.get_running_loop().create_future())
            self._tickets += 1

    def withdraw(self, task_id: str) -> None:
        """A reserved task whose workflow will not start here after all."""
        if task_id in self._let_in:
            self._let_in.discard(task_id)
            self._leave()
        else:
            self._line.pop(task_id, None)

    def position(self, task_id: str) -> int | None:
        """How many tasks are ahead of this one in line (None: it is not waiting)."""
        entry = self._line.get(task_id)
        return None if entry is None else max(0, entry[0] - self._admitted)

    @asynccontextmanager
    async def turn(self, task_id: str) -> AsyncIterator[None]:
        """Run the block as one of the running tasks, after waiting in line if need be."""
        if task_id not in self._let_in:
            self.reserve(task_id)
        entry = self._line.get(task_id)
        if entry is not None:
            waiter = entry[1]
            try:
                await waiter  # the task that ends hands its place over: `running` stays
            except BaseException:
                if self._line.pop(task_id, None) is None:  # let in just then: pass it on
                    self._let_in.discard(task_id)
                    self._leave()
                raise
        self._let_in.discard(task_id)
        try:
            yield
        finally:
            self._leave()

    def _leave(self) -> None:
        """A running task ends: its place goes to the first in line, or becomes free."""
        if self._line:
            task_id, (ticket, waiter) = self._line.popitem(last=False)
            self._admitted = ticket + 1
            self._let_in.add(task_id)
            if not waiter.done():
                waiter.set_result(None)
            return
        self.running -= 1

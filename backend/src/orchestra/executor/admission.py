"""Admission: at most MAX_RUNNING_TASKS tasks of a process run at once; the rest wait in line.

Without it, a burst of submissions starts every task at once: their steps interleave, each
task takes as long as the whole burst, and the database line every write waits in grows
with them, so a submission waits behind all of it. With it, tasks run in the order they
came and end at the rate the process can sustain, and a submission waits behind a bounded
line. Past MAX_WAITING_TASKS waiting, a submission is refused (503, Retry-After) instead.

The limit moves with the event loop's lag. Past MIN_RUNNING_TASKS running, a task is let
in only while the loop answers within LAG_TARGET_SECONDS: when the steps of the running
tasks keep the loop busy (quick agents), more of them would not end sooner, and every
request to the API (a submit, /health, a poll) would wait behind them. Tasks whose steps
wait on slow agents leave the loop idle, and run up to MAX_RUNNING_TASKS at once.

The line is in memory: a task waiting in it is stored, and started again after a crash
(see `Executor.resubmit_pending`), when it takes its place in the line again.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

# Tasks let in whatever the lag: enough to keep quick agents busy between two steps.
MIN_RUNNING_TASKS = 16
# Mean lag of the event loop over a window above which fewer tasks may run.
LAG_TARGET_SECONDS = 0.010
# How often the lag is measured (the pause asked of the loop), and the window judged.
LAG_TICK_SECONDS = 0.010
WINDOW_SECONDS = 0.1
# How the number of tasks allowed to run moves after a window: down when the loop lags,
# up when it keeps up and every allowed place is taken.
SHRINK = 0.75
GROW = 1.5


class Admission:
    def __init__(
        self,
        running: int,
        waiting: int,
        least: int = MIN_RUNNING_TASKS,
        target: float = LAG_TARGET_SECONDS,
    ) -> None:
        self.limit = running
        self.least = min(least, running)
        self.target = target
        self.allowed = self.least
        self.lag = 0.0  # mean of the last window judged
        self._lags: list[float] = []
        self._window_end = 0.0
        self.max_waiting = waiting
        self.running = 0
        self._line: OrderedDict[str, tuple[int, asyncio.Future[None]]] = OrderedDict()
        self._tickets = 0
        self._admitted = 0
        self._let_in: set[str] = set()
        self._turning: set[str] = set()  # tasks whose workflow here is in `turn`

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
        if not self._line and self._room():
            self.running += 1
            self._let_in.add(task_id)
        else:
            self._line[task_id] = (self._tickets, asyncio.get_running_loop().create_future())
            self._tickets += 1

    def withdraw(self, task_id: str) -> None:
        """A reserved task whose workflow will not start here after all.

        Nothing to give back when a workflow of this process holds the place already (a
        second start of the task, here, took it)."""
        if task_id in self._turning:
            return
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
        self._turning.add(task_id)
        try:
            async with self._turn(task_id):
                yield
        finally:
            self._turning.discard(task_id)

    @asynccontextmanager
    async def _turn(self, task_id: str) -> AsyncIterator[None]:
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

    def _room(self) -> bool:
        return self.running < self.allowed

    def _leave(self) -> None:
        """A running task ends: its place goes to the first in line, or becomes free."""
        self.running -= 1
        self._let_waiting_in()

    def _let_waiting_in(self) -> None:
        while self._line and self._room():
            task_id, (ticket, waiter) = self._line.popitem(last=False)
            self._admitted = ticket + 1
            self.running += 1
            self._let_in.add(task_id)
            if not waiter.done():
                waiter.set_result(None)

    def note_lag(self, seconds: float, now: float) -> None:
        """One measurement of the loop's lag; at the end of a window, the number of tasks
        allowed to run follows the window's mean lag, and waiting tasks may be let in."""
        self._lags.append(max(0.0, seconds))
        if now < self._window_end:
            return
        self._window_end = now + WINDOW_SECONDS
        lag = self.lag = sum(self._lags) / len(self._lags)
        self._lags.clear()
        if lag > self.target:
            self.allowed = max(self.least, int(self.allowed * SHRINK))
        elif self.running >= self.allowed:
            self.allowed = min(self.limit, max(self.allowed + 1, int(self.allowed * GROW)))
        self._let_waiting_in()

    async def watch_lag(self) -> None:
        """Measure the event loop's lag until cancelled: how late a short pause ends."""
        loop = asyncio.get_running_loop()
        while True:
            asked = loop.time()
            await asyncio.sleep(LAG_TICK_SECONDS)
            now = loop.time()
            self.note_lag(now - asked - LAG_TICK_SECONDS, now)

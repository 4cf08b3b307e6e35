"""The orchestrator's clock: one DBOS scheduled workflow that ticks every few seconds.

DBOS fires a scheduled workflow once per tick across every process that shares its system
database (the workflow id is the schedule's name and the tick's time), so what hangs on the
clock (`on_tick`: the workflow schedules) runs once per tick, in whichever process dequeues
it, and again after a crash (DBOS recovers the tick's workflow). What it does must be
idempotent; the schedules' is (see `orchestra.workflows.schedules`).
"""

from __future__ import annotations

import asyncio
import contextvars
import logging
from collections.abc import Callable, Coroutine
from datetime import datetime
from typing import Any

from dbos import DBOS

__all__ = ["CLOCK_TICK", "TICK_SCHEDULE", "cron_of", "on_tick", "start"]

log = logging.getLogger(__name__)

TICK_SCHEDULE = "orchestra.clock"
"""The DBOS schedule's name, one for all processes (each start applies it again)."""
CLOCK_TICK = "orchestra.clock.tick"
"""The name of the DBOS workflow each tick runs (`orchestra.history` prunes their records)."""

Tick = Callable[[datetime], Coroutine[Any, Any, None]]
_on_tick: Tick | None = None


def on_tick(callback: Tick | None) -> None:
    """What the clock calls with each tick's time (None: nothing, in this process)."""
    global _on_tick
    _on_tick = callback


@DBOS.workflow(name=CLOCK_TICK)
async def tick(scheduled_at: datetime, context: Any) -> None:
    callback = _on_tick
    if callback is None:
        return
    # Outside DBOS's context: the task workflows it starts are tasks of their own, not
    # children of the tick (which ends at once).
    job = asyncio.get_running_loop().create_task(
        callback(scheduled_at), context=contextvars.Context()
    )
    await job


def cron_of(seconds: int) -> str:
    """A six-field cron expression that fires every `seconds` (a divisor of 60, or a
    multiple of 60 that divides an hour)."""
    if seconds < 60 and 60 % seconds == 0:
        return f"*/{seconds} * * * * *"
    if seconds % 60 == 0 and 60 % (seconds // 60) == 0:
        return f"0 */{seconds // 60} * * * *"
    raise ValueError(f"a tick of {seconds} s does not divide a minute or an hour")


async def start(seconds: int) -> None:
    """Ask DBOS to tick every `seconds` (the last process to start sets the pace)."""
    await DBOS.apply_schedules_async(
        [{"schedule_name": TICK_SCHEDULE, "workflow_fn": tick, "schedule": cron_of(seconds)}]
    )

"""CPU-bound reading of requests, run in worker processes with a deadline.

The offline planner and the analyst read a request with hundreds of regular expressions.
`re` holds the GIL while it matches, so in a thread one long request (13 KB of numbers: 2 s
to plan, 10 s to answer) stalls the server's event loop, and every other client with it,
for as long; and no thread can be stopped in the middle of a match that backtracks without
end. Here that work runs in a small pool of worker processes (pebble's): the event loop
stays free, and work that passes its deadline has its worker killed and replaced.

Workers come from a fork server, not from forking the server itself: a worker then holds
none of the server's sockets or threads. The fork server imports the reading modules once
(`PRELOAD`), so a new worker starts at once and shares their memory.
"""

from __future__ import annotations

import asyncio
import atexit
import multiprocessing
import os
import threading
from collections.abc import Callable
from typing import ParamSpec, TypeVar

import pebble

__all__ = ["Overtime", "offload"]

P = ParamSpec("P")
T = TypeVar("T")

#: Imported by the fork server, before it forks the first worker.
PRELOAD = ("orchestra.planner.deterministic", "orchestra.agents.analyst.operations")
# Two cores is the machine this is sized for; more workers than cores only queue in the
# kernel instead of in the pool.
WORKERS = max(1, min(4, os.cpu_count() or 1))


class Overtime(Exception):
    """The work passed its deadline; its worker was killed."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"stopped after {seconds:g} s")
        self.seconds = seconds

    def __reduce__(self) -> tuple[type[Overtime], tuple[float]]:
        return (Overtime, (self.seconds,))


_lock = threading.Lock()
_pool: pebble.ProcessPool | None = None


def _running_pool() -> pebble.ProcessPool:
    """The process's pool, started on first use (and again if it was stopped).

    Not at the server's start: most servers of a test run, and an orchestrator given only
    explicit plans, never read a request offline, and the fork server's imports cost about
    a second of CPU. The first offline request waits for them instead; its deadline counts
    from when a worker takes it, so the start is not charged to it."""
    global _pool
    with _lock:
        if _pool is None or not _pool.active:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(list(PRELOAD))
            _pool = pebble.ProcessPool(max_workers=WORKERS, context=context)
        return _pool


def _stop() -> None:
    if _pool is not None:
        _pool.stop()
        _pool.join(timeout=5)


atexit.register(_stop)


async def offload(
    deadline: float, function: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs
) -> T:
    """Run ``function(*args, **kwargs)`` in a worker process; wait at most ``deadline`` s.

    The function, its arguments, its result and its exceptions travel pickled. Cancelling
    the caller kills the worker running it.

    Raises:
        Overtime: It ran for ``deadline`` seconds and was stopped.
        pebble.ProcessExpired: Its worker died (killed from outside, out of memory).
    """
    future = _running_pool().schedule(function, args, kwargs, timeout=deadline)
    try:
        return await asyncio.wrap_future(future)
    except TimeoutError as exc:
        # pebble's own timeout, not a TimeoutError the function raised and sent back.
        if exc.args[:1] != ("Task timeout",):
            raise
        raise Overtime(deadline) from None

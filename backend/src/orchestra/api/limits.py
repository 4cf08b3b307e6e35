"""Per-key limits held in this process: task submissions per minute, open event streams.

Each orchestrator replica counts on its own, so with N replicas behind a balancer the
effective limit is up to N times the setting.
"""

from __future__ import annotations

import math
import time
from collections import defaultdict, deque
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from orchestra.errors import TooManyRequests


class RateLimit:
    """At most `limit` events per key in any 60-second window."""

    def __init__(self, limit: int, window: float = 60.0) -> None:
        self.limit = limit
        self.window = window
        self._hits: dict[str, deque[float]] = defaultdict(deque)

    def hit(self, key: str) -> None:
        now = time.monotonic()
        hits = self._hits[key]
        while hits and hits[0] <= now - self.window:
            hits.popleft()
        if len(hits) >= self.limit:
            wait = math.ceil(hits[0] + self.window - now)
            raise TooManyRequests(
                f"At most {self.limit} tasks per minute per key; try again in {wait} s.",
                retry_after=max(1, wait),
            )
        hits.append(now)


class StreamLimit:
    """At most `limit` open event streams per key."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._open: dict[str, int] = defaultdict(int)

    def acquire(self, key: str) -> None:
        if self._open[key] >= self.limit:
            raise TooManyRequests(
                f"At most {self.limit} open event streams per key; close one first.",
                retry_after=5,
            )
        self._open[key] += 1

    def release(self, key: str) -> None:
        self._open[key] = max(0, self._open[key] - 1)

    @asynccontextmanager
    async def held(self, key: str) -> AsyncIterator[None]:
        try:
            yield
        finally:
            self.release(key)

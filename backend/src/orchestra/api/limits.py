"""Per-key limits held in this process: task submissions per minute, open event streams.

Each orchestrator replica counts on its own, so with N replicas behind a balancer the
effective limit is up to N times the setting. Keys that fall silent are forgotten (at most
a window after their last hit, or when their last stream closes), so a process that sees
many keys over its life holds only the ones in use.
"""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

from orchestra.errors import TooManyRequests


class RateLimit:
    """At most `limit` events per key in any `window` seconds."""

    def __init__(
        self, limit: int, window: float = 60.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.limit = limit
        self.window = window
        self._clock = clock
        self._hits: dict[str, deque[float]] = {}
        self._pruned_at = clock()

    def __len__(self) -> int:
        """Keys held now."""
        return len(self._hits)

    def hit(self, key: str) -> None:
        now = self._clock()
        if now - self._pruned_at >= self.window:
            self._prune(now)
        hits = self._hits.setdefault(key, deque())
        while hits and hits[0] <= now - self.window:
            hits.popleft()
        if len(hits) >= self.limit:
            wait = math.ceil(hits[0] + self.window - now)
            raise TooManyRequests(
                f"At most {self.limit} tasks per minute per key; try again in {wait} s.",
                retry_after=max(1, wait),
            )
        hits.append(now)

    def _prune(self, now: float) -> None:
        """Forget keys whose every hit is out of the window: once a window, O(keys)."""
        expired = now - self.window
        for key in [k for k, hits in self._hits.items() if not hits or hits[-1] <= expired]:
            del self._hits[key]
        self._pruned_at = now


class StreamLimit:
    """At most `limit` open event streams per key."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._open: dict[str, int] = {}

    def __len__(self) -> int:
        """Keys with a stream open now."""
        return len(self._open)

    def acquire(self, key: str) -> None:
        if self._open.get(key, 0) >= self.limit:
            raise TooManyRequests(
                f"At most {self.limit} open event streams per key; close one first.",
                retry_after=5,
            )
        self._open[key] = self._open.get(key, 0) + 1

    def release(self, key: str) -> None:
        left = self._open.get(key, 0) - 1
        if left > 0:
            self._open[key] = left
        else:
            self._open.pop(key, None)

    @asynccontextmanager
    async def held(self, key: str) -> AsyncIterator[None]:
        try:
            yield
        finally:
            self.release(key)

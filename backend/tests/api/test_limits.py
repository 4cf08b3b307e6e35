"""The in-process per-key limits keep only the keys in use."""

from __future__ import annotations

import pytest

from orchestra.api.limits import RateLimit, StreamLimit
from orchestra.errors import TooManyRequests


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_rate_limit_forgets_keys_a_window_after_their_last_hit() -> None:
    clock = Clock()
    limit = RateLimit(2, window=60, clock=clock)
    for n in range(1000):
        limit.hit(f"once-{n}")
    limit.hit("busy")
    limit.hit("busy")
    assert len(limit) == 1001
    clock.now += 30
    limit.hit("recent")  # within the window of the others: nothing is forgotten yet
    assert len(limit) == 1002
    clock.now += 31  # the first thousand and "busy" are now a window old, "recent" is not
    limit.hit("late")
    assert len(limit) == 2
    limit.hit("recent")
    with pytest.raises(TooManyRequests):
        limit.hit("recent")  # what is kept still counts


def test_rate_limit_still_limits_across_a_prune() -> None:
    clock = Clock()
    limit = RateLimit(2, window=60, clock=clock)
    clock.now += 30
    limit.hit("a")
    limit.hit("a")
    clock.now += 31  # a prune runs: "a" has hits inside the window and stays
    limit.hit("b")
    with pytest.raises(TooManyRequests) as refused:
        limit.hit("a")
    assert refused.value.retry_after == 29


def test_stream_limit_forgets_keys_whose_streams_closed() -> None:
    limit = StreamLimit(2)
    for n in range(100):
        limit.acquire(f"k{n}")
        limit.acquire(f"k{n}")
    with pytest.raises(TooManyRequests):
        limit.acquire("k0")
    for n in range(100):
        limit.release(f"k{n}")
    assert len(limit) == 100  # one stream each still open
    for n in range(100):
        limit.release(f"k{n}")
    assert len(limit) == 0
    limit.release("never-opened")
    assert len(limit) == 0

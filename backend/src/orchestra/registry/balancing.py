"""Choosing an instance of an agent: healthy first, then by the agent's balancing strategy.

Strategies (chosen per agent, `BALANCING_DEFAULT` otherwise):

- ``least_loaded``: the fewest calls in flight, then the lowest latency;
- ``round_robin``: the instance whose turn came longest ago (each in its order of
  registration), so consecutive calls go around the instances;
- ``fastest``: the lowest recent latency (moving average; an instance not measured yet is
  tried first, so that it gets a figure);
- ``random``: any, uniformly.

Whatever the strategy, healthy instances come before unhealthy ones, and a retry excludes
the instances already tried while any other is left.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Collection, Sequence
from typing import Any, Protocol, TypeVar, get_args

from orchestra.config import BalancingStrategy as Strategy
from orchestra.db.models import InstanceHealth

STRATEGIES: tuple[Strategy, ...] = get_args(Strategy)


class Candidate(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def health(self) -> str: ...
    @property
    def in_flight(self) -> int: ...
    @property
    def latency_ms(self) -> float | None: ...
    @property
    def turn(self) -> int:
        """When it was last chosen (a growing number; 0: never)."""
        ...


C = TypeVar("C", bound=Candidate)


def _least_loaded(pool: Sequence[C], _rng: random.Random) -> C:
    return min(pool, key=lambda i: (i.in_flight, i.latency_ms or 0.0))


def _round_robin(pool: Sequence[C], _rng: random.Random) -> C:
    # min() keeps the first of equals: never-chosen instances go in registration order.
    return min(pool, key=lambda i: i.turn)


def _fastest(pool: Sequence[C], _rng: random.Random) -> C:
    # Not measured yet counts as 0 ms: the new instance is tried, and so gets a figure.
    return min(pool, key=lambda i: (i.latency_ms or 0.0, i.in_flight))


def _random(pool: Sequence[C], rng: random.Random) -> C:
    return rng.choice(list(pool))


PICKERS: dict[str, Callable[[Sequence[Any], random.Random], Any]] = {
    "least_loaded": _least_loaded,
    "round_robin": _round_robin,
    "fastest": _fastest,
    "random": _random,
}

_RNG = random.Random()


def choose_instance(
    instances: Sequence[C],
    exclude: Collection[str] = (),
    strategy: Strategy = "least_loaded",
    rng: random.Random | None = None,
) -> C | None:
    """An instance not yet tried (any, once all were), healthy if one is, by `strategy`.

    An unhealthy instance is still better than none: a probe may simply not have run yet.
    """
    candidates = [i for i in instances if i.id not in exclude] or list(instances)
    if not candidates:
        return None
    healthy = [i for i in candidates if i.health == InstanceHealth.HEALTHY]
    chosen: C = PICKERS[strategy](healthy or candidates, rng or _RNG)
    return chosen

"""Choosing an instance of an agent: healthy first, then the least loaded."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Protocol, TypeVar

from orchestra.db.models import InstanceHealth


class Candidate(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def health(self) -> str: ...
    @property
    def in_flight(self) -> int: ...
    @property
    def latency_ms(self) -> float | None: ...


C = TypeVar("C", bound=Candidate)


def choose_instance(instances: Sequence[C], exclude: Collection[str] = ()) -> C | None:
    """Least in-flight work among healthy instances not yet tried; unhealthy ones last.

    An unhealthy instance is still better than none: a probe may simply not have run yet.
    """
    candidates = [i for i in instances if i.id not in exclude] or list(instances)
    if not candidates:
        return None
    return min(
        candidates,
        key=lambda i: (i.health != InstanceHealth.HEALTHY, i.in_flight, i.latency_ms or 0.0),
    )

"""Health of the endpoints Orchestra calls: agent instances and the hosts of a model profile.

One rule for both. An endpoint is healthy until a call finds it unreachable (a connection
error, a timeout, a 5xx) or a probe (`probe`: one GET that must answer 200) fails; it is
healthy again when a call or a probe gets through. Calls go to healthy endpoints first
(`orchestra.registry.balancing.choose_instance`), so a failing one gets no new work while
others answer, and is still tried when none does (a probe may simply not have run yet).
Each endpoint also keeps the figures balancing reads: calls in flight, a moving average of
latency, when it was last chosen.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

import httpx

from orchestra.db.base import utcnow
from orchestra.db.models import InstanceHealth

__all__ = ["LATENCY_ALPHA", "Endpoint", "probe"]

log = logging.getLogger(__name__)

# Weight of the newest call in the moving average of an endpoint's latency.
LATENCY_ALPHA = 0.2


@dataclass(kw_only=True)
class Endpoint:
    """An endpoint's health and balancing figures, as this process sees them.

    `in_flight` counts this process's calls at it now; `calls` and `errors` the calls
    counted since they were last written (`Registry.flush`); `changed` marks health,
    latency or last error set here and not written yet.
    """

    health: str = InstanceHealth.HEALTHY
    latency_ms: float | None = None
    last_error: str | None = None
    last_seen_at: datetime | None = None
    in_flight: int = 0
    calls: int = 0
    errors: int = 0
    changed: bool = False
    turn: int = 0
    """When a call last chose it (a growing number; 0: never): round robin goes by it."""

    @property
    def label(self) -> str:
        """How log lines name it."""
        return repr(self)

    def began(self) -> None:
        self.in_flight += 1

    def ended(self, latency_ms: float, error: str | None, reachable: bool) -> None:
        """Count one finished call; an unreachable endpoint is marked unhealthy."""
        self.in_flight = max(0, self.in_flight - 1)
        self.calls += 1
        if error:
            self.errors += 1
            self.last_error = error
        previous = self.latency_ms
        self.latency_ms = (
            latency_ms
            if previous is None
            else (1 - LATENCY_ALPHA) * previous + LATENCY_ALPHA * latency_ms
        )
        if reachable:
            self.health = InstanceHealth.HEALTHY
            self.last_seen_at = utcnow()
        else:
            if self.health != InstanceHealth.UNHEALTHY:
                log.warning("%s is now unhealthy (%s)", self.label, error)
            self.health = InstanceHealth.UNHEALTHY
        self.changed = True

    def probed(self, problem: str | None) -> None:
        """Record a probe's outcome (`probe`): None is healthy, else why not."""
        health = InstanceHealth.UNHEALTHY if problem else InstanceHealth.HEALTHY
        if self.health != health:
            log.warning("%s is now %s (%s)", self.label, health, problem)
        self.health = health
        if problem:
            self.last_error = problem
        else:
            self.last_seen_at = utcnow()
        self.changed = True


async def probe(
    http: httpx.AsyncClient,
    url: str,
    timeout: float,
    what: str,
    headers: dict[str, str] | None = None,
) -> str | None:
    """GET `url` once: None when it answers 200; otherwise why not ("<what> probe ...")."""
    try:
        response = await http.get(url, timeout=timeout, headers=headers)
    except httpx.HTTPError as exc:
        return f"{what} probe failed: {exc.__class__.__name__} {exc}".strip()
    if response.status_code != 200:
        return f"{what} probe answered HTTP {response.status_code}"
    return None

"""Periodic probes of every agent instance's card: failing instances get no new steps.

Each round also writes what this process counted on its instances (calls, errors, latency)
and reads the registry again, so every process sees the others' agents and health.
"""

from __future__ import annotations

import asyncio
import logging

import httpx
from a2a.utils.constants import VERSION_HEADER

from orchestra.registry.service import Registry

log = logging.getLogger(__name__)


class HealthProbe:
    def __init__(
        self, registry: Registry, http: httpx.AsyncClient, interval: float, timeout: float
    ) -> None:
        self.registry = registry
        self.http = http
        self.interval = interval
        self.timeout = timeout

    async def check(self, card_url: str) -> str | None:
        """None when the card answers 200; otherwise why not."""
        try:
            response = await self.http.get(
                card_url, timeout=self.timeout, headers={VERSION_HEADER: "1.0"}
            )
        except httpx.HTTPError as exc:
            return f"card probe failed: {exc.__class__.__name__} {exc}".strip()
        if response.status_code != 200:
            return f"card probe answered HTTP {response.status_code}"
        return None

    async def round(self) -> dict[str, str]:
        """Probe every instance once (concurrently); returns instance id -> health."""
        await self.registry.reload()
        targets = [
            state for agent in self.registry.agent_ids() for state in self.registry.instances(agent)
        ]
        problems = await asyncio.gather(*(self.check(state.card_url) for state in targets))
        for state, problem in zip(targets, problems, strict=True):
            state.probed(problem)
        await self.registry.flush()
        return {state.id: state.health for state in targets}

    async def run(self) -> None:
        while True:
            try:
                await self.round()
            except Exception:  # a lost database round is retried at the next interval
                log.exception("health probe round failed")
            await asyncio.sleep(self.interval)

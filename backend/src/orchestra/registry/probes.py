"""Periodic probes of every agent instance's card, and of every model host: failing ones get
no new work (`orchestra.registry.health`).

Each round also writes what this process counted on its instances (calls, errors, latency)
and reads the registry again, so every process sees the others' agents and health.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence

import httpx
from a2a.utils.constants import VERSION_HEADER

from orchestra.llm.hosts import HostPool
from orchestra.registry.health import probe
from orchestra.registry.service import Registry

log = logging.getLogger(__name__)


class HealthProbe:
    def __init__(
        self,
        registry: Registry,
        http: httpx.AsyncClient,
        interval: float,
        timeout: float,
        hosts: Sequence[HostPool] = (),
    ) -> None:
        """`hosts`: the host pools of the model profiles that have several hosts."""
        self.registry = registry
        self.http = http
        self.interval = interval
        self.timeout = timeout
        self.hosts = tuple(hosts)

    async def check(self, card_url: str) -> str | None:
        """None when the card answers 200; otherwise why not."""
        return await probe(self.http, card_url, self.timeout, "card", {VERSION_HEADER: "1.0"})

    async def round(self) -> dict[str, str]:
        """Probe every instance once (concurrently); returns instance id -> health."""
        await self.registry.reload()
        targets = [
            state for agent in self.registry.agent_ids() for state in self.registry.instances(agent)
        ]
        problems, _ = await asyncio.gather(
            asyncio.gather(*(self.check(state.card_url) for state in targets)),
            asyncio.gather(*(pool.probe(self.http, self.timeout) for pool in self.hosts)),
        )
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

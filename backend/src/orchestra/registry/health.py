"""Periodic probes of every agent instance's card: failing instances get no new steps."""

from __future__ import annotations

import asyncio
import logging

import httpx
from a2a.utils.constants import VERSION_HEADER
from sqlalchemy import select

from orchestra.db import AgentInstance, Database, InstanceHealth
from orchestra.db.base import utcnow

log = logging.getLogger(__name__)


class HealthProbe:
    def __init__(
        self, db: Database, http: httpx.AsyncClient, interval: float, timeout: float
    ) -> None:
        self.db = db
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
        async with self.db.session() as session:
            targets = list(await session.execute(select(AgentInstance.id, AgentInstance.card_url)))
        problems = await asyncio.gather(*(self.check(url) for _, url in targets))
        result: dict[str, str] = {}
        async with self.db.session() as session:
            for (instance_id, card_url), problem in zip(targets, problems, strict=True):
                instance = await session.get(AgentInstance, instance_id)
                if instance is None:
                    continue
                health = InstanceHealth.UNHEALTHY if problem else InstanceHealth.HEALTHY
                if instance.health != health:
                    log.warning("agent instance %s is now %s (%s)", card_url, health, problem)
                instance.health = health
                if problem:
                    instance.last_error = problem
                else:
                    instance.last_seen_at = utcnow()
                result[instance_id] = health
        return result

    async def run(self) -> None:
        while True:
            try:
                await self.round()
            except Exception:  # a lost database round is retried at the next interval
                log.exception("health probe round failed")
            await asyncio.sleep(self.interval)

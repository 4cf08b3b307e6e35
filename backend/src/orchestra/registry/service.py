"""The agent registry: register agents from their cards, look up capabilities, track instances."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import httpx
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from orchestra.db import Agent, AgentInstance, Database, InstanceHealth
from orchestra.db.base import utcnow
from orchestra.errors import NotFoundError
from orchestra.planner import CapabilitySpec
from orchestra.registry.cards import CardInfo, fetch_card, normalize_card_url
from orchestra.registry.egress import Egress

log = logging.getLogger(__name__)

# Weight of the newest call in the moving average of an instance's latency.
LATENCY_ALPHA = 0.2


@dataclass(frozen=True)
class Capability:
    """A capability and the agents that offer it."""

    spec: CapabilitySpec
    agent_ids: tuple[str, ...]


class Registry:
    def __init__(
        self, db: Database, http: httpx.AsyncClient, card_timeout: float, egress: Egress
    ) -> None:
        self.db = db
        self.http = http
        self.card_timeout = card_timeout
        self.egress = egress

    async def register(self, card_url: str) -> Agent:
        """Fetch the card (no DB session open meanwhile), then add the agent or a new instance.

        An agent is identified by the name on its card: a second server with the same name is
        another instance of it. Registering a card URL again refreshes what we know of it.
        """
        card_url = normalize_card_url(card_url)
        await self.egress.check(card_url)
        info = await fetch_card(self.http, card_url, self.card_timeout)
        # The card names where to send work: that must be allowed too, or a card could aim
        # the orchestrator at an internal service.
        await self.egress.check(info.url)
        async with self.db.session() as session:
            agent = await self._upsert(session, info)
            agent_id = agent.id
        return await self.get(agent_id)

    async def _upsert(self, session: AsyncSession, info: CardInfo) -> Agent:
        agent = await session.scalar(select(Agent).where(Agent.name == info.name))
        if agent is None:
            agent = Agent(name=info.name)
            session.add(agent)
        agent.description = info.description
        agent.version = info.version
        agent.skills = info.skills
        agent.card = info.card
        await session.flush()
        instance = await session.scalar(
            select(AgentInstance).where(AgentInstance.card_url == info.card_url)
        )
        if instance is None:
            instance = AgentInstance(agent_id=agent.id, card_url=info.card_url)
            session.add(instance)
        instance.agent_id = agent.id
        instance.url = info.url
        instance.protocol_binding = info.protocol_binding
        instance.card = info.card
        instance.health = InstanceHealth.HEALTHY
        instance.last_seen_at = utcnow()
        instance.last_error = None
        await session.flush()
        log.info("registered agent %s instance %s", info.name, info.card_url)
        return agent

    async def all(self) -> list[Agent]:
        async with self.db.session() as session:
            return list(await session.scalars(select(Agent).order_by(Agent.name)))

    async def get(self, agent_id: str) -> Agent:
        async with self.db.session() as session:
            agent = await session.get(Agent, agent_id)
            if agent is None:
                raise NotFoundError("agent", agent_id)
            return agent

    async def delete(self, agent_id: str) -> None:
        async with self.db.session() as session:
            agent = await session.get(Agent, agent_id)
            if agent is None:
                raise NotFoundError("agent", agent_id)
            await session.delete(agent)

    async def capabilities(self) -> dict[str, Capability]:
        """Every capability of every agent with at least one instance, by name."""
        found: dict[str, tuple[CapabilitySpec, list[str]]] = {}
        for agent in await self.all():
            if not agent.instances:
                continue
            for skill in agent.skills:
                name = str(skill.get("id") or "")
                if not name:
                    continue
                if name not in found:
                    spec = CapabilitySpec(
                        name=name,
                        description=str(skill.get("description") or ""),
                        tags=tuple(str(t) for t in skill.get("tags") or ()),
                        examples=tuple(str(e) for e in skill.get("examples") or ()),
                    )
                    found[name] = (spec, [])
                found[name][1].append(agent.id)
        return {name: Capability(spec, tuple(ids)) for name, (spec, ids) in found.items()}

    @staticmethod
    async def instances_of(session: AsyncSession, agent_id: str) -> list[AgentInstance]:
        return list(
            await session.scalars(select(AgentInstance).where(AgentInstance.agent_id == agent_id))
        )


def record_call(
    instance: AgentInstance, latency_ms: float, error: str | None, reachable: bool
) -> None:
    """Count one finished call at an instance; an unreachable instance is marked unhealthy.

    Called inside the transaction that finishes the step (or its attempt), so the figures
    cost no write of their own.
    """
    instance.in_flight = max(0, instance.in_flight - 1)
    instance.calls += 1
    if error:
        instance.errors += 1
        instance.last_error = error
    previous = instance.latency_ms
    instance.latency_ms = (
        latency_ms
        if previous is None
        else (1 - LATENCY_ALPHA) * previous + LATENCY_ALPHA * latency_ms
    )
    if reachable:
        instance.health = InstanceHealth.HEALTHY
        instance.last_seen_at = utcnow()
    else:
        instance.health = InstanceHealth.UNHEALTHY

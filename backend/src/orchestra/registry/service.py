"""The agent registry: register agents from their cards, look up capabilities, track instances.

Agents and their instances live in the database; each process keeps a copy in memory
(`InstanceState`), which the executor reads to pick an instance for every step and on which
it counts calls, errors and latency. Those figures reach the database in batches
(`flush`, once per health round), never in a step's own transaction; the copy is read again
then, so agents registered or marked unhealthy by other processes are seen within a round.
"""

from __future__ import annotations

import dataclasses
import itertools
import logging
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, cast

import httpx
from sqlalchemy import Connection, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from orchestra.db import INSTANCES, SLOTS, Agent, AgentInstance, Database, InstanceHealth
from orchestra.db.base import utcnow
from orchestra.errors import AgentCardError, InvalidInputError, NotFoundError
from orchestra.llm.profiles import card_model
from orchestra.planner import CapabilitySpec
from orchestra.registry.balancing import STRATEGIES, Strategy, choose_instance
from orchestra.registry.cards import CardInfo, fetch_card, normalize_card_url
from orchestra.registry.credentials import Vault, access
from orchestra.registry.egress import Egress
from orchestra.registry.health import Endpoint

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Capability:
    """A capability and the agents that offer it."""

    spec: CapabilitySpec
    agent_ids: tuple[str, ...]


@dataclass
class InstanceState(Endpoint):
    """One agent instance as this process sees it: from the database, plus its own calls.

    Its health and figures follow the rule of every endpoint (`orchestra.registry.health`):
    `in_flight` counts this process's calls at the instance now; `calls` and `errors` are
    the calls counted here since the last flush; `changed` marks health, latency or last
    error set here and not written yet.
    """

    id: str
    agent_id: str
    agent_name: str
    card_url: str
    url: str
    card: dict[str, Any]
    headers: dict[str, str] = field(default_factory=dict)
    """What calls to it carry to satisfy its card's security schemes (`credentials`)."""

    @property
    def label(self) -> str:
        return f"agent instance {self.card_url}"


@dataclass(frozen=True)
class InstanceFigures:
    """An instance's figures across processes: the database's, plus this process's unwritten."""

    health: str
    in_flight: int
    calls: int
    errors: int
    latency_ms: float | None
    last_error: str | None
    last_seen_at: datetime | None


class Registry:
    def __init__(
        self,
        db: Database,
        http: httpx.AsyncClient,
        card_timeout: float,
        egress: Egress,
        balancing_default: Strategy = "least_loaded",
        own_urls: Collection[str] = (),
        vault: Vault | None = None,
    ) -> None:
        """`own_urls`: where this orchestrator itself answers A2A; its own card is refused
        (an orchestrator that were its own agent would send its tasks to itself forever)."""
        self.own_urls = frozenset(own_urls)
        self.vault = vault  # None: no credentials (an agent that needs one is unusable)
        self.db = db
        self.http = http
        self.card_timeout = card_timeout
        self.egress = egress
        self.balancing_default: Strategy = balancing_default
        self._instances: dict[str, InstanceState] = {}
        self._by_agent: dict[str, list[InstanceState]] = {}
        self._capabilities: dict[str, Capability] | None = None
        self._balancing: dict[str, Strategy] = {}  # the agents that have their own
        self._turns = itertools.count(1)

    async def register(self, card_url: str, credential: str | None = None) -> Agent:
        """Fetch the card (no transaction open meanwhile), then add the agent or a new instance.

        An agent is identified by the name on its card: a second server with the same name is
        another instance of it. Registering a card URL again refreshes what we know of it.
        `credential`: the token its card's security scheme asks for (kept encrypted; one
        given before is kept when none is given). An agent whose card needs one Orchestra
        does not have is registered unusable, with the reason.
        """
        if credential is not None and self.vault is None:
            raise InvalidInputError(
                "This orchestrator keeps no agent credentials.", code="credentials_unavailable"
            )
        card_url = normalize_card_url(card_url)
        await self.egress.check(card_url)
        info = await fetch_card(self.http, card_url, self.card_timeout)
        if info.url in self.own_urls:
            raise AgentCardError(
                f"{card_url} is this orchestrator's own card: it cannot be its own agent "
                "(its tasks would be sent back to it without end). Register another "
                "orchestrator, or the agents themselves.",
                code="agent_is_this_orchestrator",
            )
        # The card names where to send work: that must be allowed too, or a card could aim
        # the orchestrator at an internal service.
        await self.egress.check(info.url)
        async with self.db.transaction() as tx:
            agent = await self._upsert(tx, info)
            if credential is not None and self.vault is not None:
                agent.credential = self.vault.seal(credential)
            known = self._credential(agent.credential) if credential is None else credential
            agent.unusable_reason = access(info.card, known).problem
            if agent.unusable_reason:
                log.warning("agent %s is unusable: %s", info.name, agent.unusable_reason)
            agent_id = agent.id
        await self.reload()
        return await self.get(agent_id)

    async def _upsert(self, tx: AsyncSession, info: CardInfo) -> Agent:
        agent = await tx.scalar(select(Agent).where(Agent.name == info.name))
        if agent is None:
            agent = Agent(name=info.name)
            tx.add(agent)
        agent.description = info.description
        agent.version = info.version
        agent.skills = info.skills
        agent.card = info.card
        await tx.flush()
        instance = await tx.scalar(
            select(AgentInstance).where(AgentInstance.card_url == info.card_url)
        )
        if instance is None:
            instance = AgentInstance(agent_id=agent.id, card_url=info.card_url)
            tx.add(instance)
        instance.agent_id = agent.id
        instance.url = info.url
        instance.protocol_binding = info.protocol_binding
        instance.card = info.card
        instance.health = InstanceHealth.HEALTHY
        instance.last_seen_at = utcnow()
        instance.last_error = None
        await tx.flush()
        known = self._instances.get(instance.id)
        if known is not None:  # registered again: what the card says now wins
            known.health, known.last_error, known.changed = InstanceHealth.HEALTHY, None, False
        log.info("registered agent %s instance %s", info.name, info.card_url)
        return agent

    def _credential(self, sealed: str | None) -> str | None:
        if sealed is None or self.vault is None:
            return None
        return self.vault.open(sealed)

    def headers_of(self, instance_id: str) -> dict[str, str]:
        """The headers a call to the instance carries (its agent's credential), if any."""
        state = self._instances.get(instance_id)
        return state.headers if state is not None else {}

    async def all(self) -> list[Agent]:
        async with self.db.reading() as tx:
            return list(await tx.scalars(select(Agent).order_by(Agent.name)))

    async def get(self, agent_id: str) -> Agent:
        async with self.db.reading() as tx:
            agent = await tx.get(Agent, agent_id)
            if agent is None:
                raise NotFoundError("agent", agent_id)
            return agent

    async def delete(self, agent_id: str) -> None:
        async with self.db.transaction() as tx:
            agent = await tx.get(Agent, agent_id)
            if agent is None:
                raise NotFoundError("agent", agent_id)
            await tx.delete(agent)
        await self.reload()

    async def set_balancing(self, agent_id: str, strategy: Strategy | None) -> Agent:
        """Give the agent its own balancing strategy; None: back to BALANCING_DEFAULT.

        Other processes follow within a health round (`reload`).
        """
        async with self.db.transaction() as tx:
            agent = await tx.get(Agent, agent_id)
            if agent is None:
                raise NotFoundError("agent", agent_id)
            agent.balancing = strategy
        await self.reload()
        log.info("agent %s balances by %s", agent_id, strategy or "the default")
        return await self.get(agent_id)

    def strategy(self, agent_id: str, own: str | None = None) -> Strategy:
        """The agent's balancing strategy: its own (`own`, else as last read), else the
        default."""
        if own is None:
            return self._balancing.get(agent_id, self.balancing_default)
        return cast(Strategy, own) if own in STRATEGIES else self.balancing_default

    def choose(
        self, agent_id: str, exclude: Collection[str] = (), profile: str | None = None
    ) -> InstanceState | None:
        """The instance a call of the agent goes to now, by the agent's strategy (healthy
        first, `exclude`: the instances already tried), and mark its turn. `profile`: only
        among the instances whose card names that model profile (a consensus participant)."""
        instances = self.instances(agent_id)
        if profile is not None:
            instances = [i for i in instances if serves(i, profile)]
        chosen = choose_instance(instances, exclude, self.strategy(agent_id))
        if chosen is not None:
            chosen.turn = next(self._turns)
        return chosen

    def serving(self, profile: str, agent_ids: Collection[str]) -> tuple[str, ...]:
        """The agents among `agent_ids` with an instance that serves the model profile."""
        return tuple(
            agent_id
            for agent_id in agent_ids
            if any(serves(i, profile) for i in self.instances(agent_id))
        )

    async def capabilities(self, fresh: bool = False) -> dict[str, Capability]:
        """Every capability of every agent with at least one instance, by name.

        From memory; `fresh` reads the database first (an agent another process registered
        a moment ago is not in memory until the next round).
        """
        if fresh or self._capabilities is None:
            await self.reload()
        assert self._capabilities is not None
        return self._capabilities

    def instances(self, agent_id: str) -> list[InstanceState]:
        """The agent's instances as this process knows them (from memory)."""
        return self._by_agent.get(agent_id, [])

    def agent_ids(self) -> list[str]:
        return list(self._by_agent)

    def instance(self, instance_id: str) -> InstanceState | None:
        return self._instances.get(instance_id)

    async def figures(self) -> dict[str, InstanceFigures]:
        """Every instance's figures: the database's, the slots held in all processes, and
        what this process counted and has not written yet."""

        def read(connection: Connection) -> tuple[list[Any], dict[str, int]]:
            rows = connection.execute(
                select(
                    INSTANCES.c.id,
                    INSTANCES.c.health,
                    INSTANCES.c.calls,
                    INSTANCES.c.errors,
                    INSTANCES.c.latency_ms,
                    INSTANCES.c.last_error,
                    INSTANCES.c.last_seen_at,
                )
            ).all()
            return list(rows), held_per_instance(connection)

        rows, held = await self.db.read(read)
        figures: dict[str, InstanceFigures] = {}
        for row in rows:
            local = self._instances.get(row.id)
            if local is not None and local.changed:
                health, latency = local.health, local.latency_ms
                last_error, last_seen = local.last_error, local.last_seen_at
            else:
                health, latency = row.health, row.latency_ms
                last_error, last_seen = row.last_error, row.last_seen_at
            figures[row.id] = InstanceFigures(
                health=health,
                in_flight=held.get(row.id, 0),
                calls=row.calls + (local.calls if local else 0),
                errors=row.errors + (local.errors if local else 0),
                latency_ms=latency,
                last_error=last_error,
                last_seen_at=last_seen,
            )
        return figures

    async def flush(self) -> None:
        """Write what this process counted and saw of its instances, then read them again."""
        pending = [i for i in self._instances.values() if i.changed or i.calls or i.errors]
        written = [(i, i.calls, i.errors) for i in pending]

        def write(connection: Connection) -> None:
            for instance, calls, errors in written:
                connection.execute(
                    update(INSTANCES)
                    .where(INSTANCES.c.id == instance.id)
                    .values(
                        calls=INSTANCES.c.calls + calls,
                        errors=INSTANCES.c.errors + errors,
                        health=instance.health,
                        latency_ms=instance.latency_ms,
                        last_error=instance.last_error,
                        last_seen_at=instance.last_seen_at,
                    )
                )

        if written:
            await self.db.run(write)
            for instance, calls, errors in written:
                instance.calls -= calls
                instance.errors -= errors
                instance.changed = False
        await self.reload()

    async def reload(self) -> None:
        """Read agents and instances again; keep what this process counted on them."""

        def read(connection: Connection) -> list[Any]:
            agents = {
                row.id: row for row in connection.execute(select(Agent.__table__).order_by("name"))
            }
            instances = connection.execute(select(INSTANCES).order_by(INSTANCES.c.created_at)).all()
            return [(agents.get(i.agent_id), i) for i in instances] + [
                (agent, None) for agent in agents.values()
            ]

        rows = await self.db.read(read)
        self._balancing = {
            agent.id: self.strategy(agent.id, agent.balancing)
            for agent, row in rows
            if agent is not None and row is None and agent.balancing
        }
        instances: dict[str, InstanceState] = {}
        by_agent: dict[str, list[InstanceState]] = {}
        found: dict[str, tuple[CapabilitySpec, list[str]]] = {}
        for agent, row in rows:
            if agent is None:
                continue
            if agent.unusable_reason:
                continue  # steps cannot be sent to it: it offers no capability
            if row is None:  # the agent itself: its skills are capabilities if it has instances
                if agent.id not in by_agent:
                    continue
                for skill in agent.skills or ():
                    _add_capability(found, skill, agent.id)
                continue
            state = self._instances.get(row.id)
            if state is None:
                state = InstanceState(
                    id=row.id,
                    agent_id=row.agent_id,
                    agent_name=agent.name,
                    card_url=row.card_url,
                    url=row.url,
                    card=dict(row.card or {}),
                    health=row.health,
                    latency_ms=row.latency_ms,
                    last_error=row.last_error,
                    last_seen_at=row.last_seen_at,
                )
            else:
                state.agent_id, state.agent_name = row.agent_id, agent.name
                state.card_url, state.url, state.card = row.card_url, row.url, dict(row.card or {})
                if not state.changed:  # what another process wrote is news; ours is newer
                    state.health, state.latency_ms = row.health, row.latency_ms
                    state.last_error, state.last_seen_at = row.last_error, row.last_seen_at
            state.headers = (
                access(state.card, self._credential(agent.credential)).headers
                if agent.credential
                else {}
            )
            instances[row.id] = state
            by_agent.setdefault(row.agent_id, []).append(state)
        self._instances = instances
        self._by_agent = by_agent
        self._capabilities = {
            name: Capability(_with_profiles(spec, ids, by_agent), tuple(ids))
            for name, (spec, ids) in found.items()
        }


def _with_profiles(
    spec: CapabilitySpec, agent_ids: list[str], by_agent: dict[str, list[InstanceState]]
) -> CapabilitySpec:
    """The capability with the model profiles its agents' instances serve."""
    profiles: dict[str, None] = {}
    for agent_id in agent_ids:
        for instance in by_agent.get(agent_id, ()):
            model = card_model(instance.card)
            if model is not None and model["profile"]:
                profiles.setdefault(model["profile"])
    return dataclasses.replace(spec, profiles=tuple(profiles)) if profiles else spec


def serves(instance: InstanceState, profile: str) -> bool:
    """Whether the instance's card names this model profile (`MODEL_EXTENSION_URI`)."""
    model = card_model(instance.card)
    return model is not None and model["profile"] == profile


def held_per_instance(connection: Connection) -> dict[str, int]:
    """Steps in flight at each instance across every process: the agent slots they hold."""
    rows = connection.execute(
        select(SLOTS.c.instance_id, func.count()).group_by(SLOTS.c.instance_id)
    )
    return {str(row[0]): int(row[1]) for row in rows}


def _add_capability(
    found: dict[str, tuple[CapabilitySpec, list[str]]], skill: dict[str, Any], agent_id: str
) -> None:
    name = str(skill.get("id") or "")
    if not name:
        return
    if name not in found:
        spec = CapabilitySpec(
            name=name,
            description=str(skill.get("description") or ""),
            tags=tuple(str(t) for t in skill.get("tags") or ()),
            examples=tuple(str(e) for e in skill.get("examples") or ()),
        )
        found[name] = (spec, [])
    found[name][1].append(agent_id)

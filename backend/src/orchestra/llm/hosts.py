"""Several servers for one model profile: a healthy host per call, failover to another.

A profile with ``hosts`` (Ollama servers, or OpenAI-compatible ones) is served by each of
them alike. Their health follows the rule of every endpoint Orchestra calls, agent
instances included (`orchestra.registry.health`): a call that cannot connect, times out or
gets a 5xx marks its host unhealthy and goes on at another host; a probe (Ollama's
``GET /api/tags``, an OpenAI-compatible server's ``GET /v1/models``) or a call that gets
through makes it healthy again. Which host a call goes to is the registry's choice too
(`choose_instance`: healthy first, then the fewest calls in flight and the lowest latency,
each host once per call while another is left).

The profile's LangChain chat model over a pool is `orchestra.llm.failover.FailoverChatModel`.
A stream fails over only before its first token: text already handed on cannot be taken
back.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

import httpx
import openai

from orchestra.db.models import InstanceHealth
from orchestra.llm.errors import describe_provider_error
from orchestra.llm.profiles import ModelProfile, url_host
from orchestra.registry.balancing import choose_instance
from orchestra.registry.health import Endpoint, probe

__all__ = ["Host", "HostPool", "fails_over"]

log = logging.getLogger(__name__)

T = TypeVar("T")

# A host marked unhealthy by a call is probed again after this long at the earliest, in
# processes that run no probe rounds of their own (an agent): calls never wait for it.
REVIVE_SECONDS = 10.0
PROBE_TIMEOUT_SECONDS = 5.0


def fails_over(error: BaseException) -> bool:
    """Whether another host may well answer: the host is unreachable, slow or broken (a
    connection error, a timeout, a 5xx), not the request (4xx)."""
    if isinstance(error, openai.APIConnectionError | httpx.TransportError | TimeoutError):
        return True
    return isinstance(error, openai.APIStatusError) and error.status_code >= 500


@dataclass(kw_only=True)
class Host(Endpoint):
    """One server of a profile: its root URL, where it is probed, its health."""

    id: str
    """The host's URL as the profile lists it."""
    api_url: str
    """Its OpenAI-style API root (what the chat model's client is given)."""
    probe_url: str
    probed_at: float = 0.0

    @property
    def label(self) -> str:
        return f"model host {url_host(self.id)}"


class HostPool:
    """The hosts of one profile and their health, as this process sees them."""

    def __init__(self, profile: ModelProfile) -> None:
        self.profile = profile
        self.hosts = [_host(profile, url) for url in profile.hosts]
        self._turns = 0
        self._reviving: asyncio.Task[None] | None = None

    def order(self, tried: Sequence[str]) -> Host:
        """The host the next attempt of a call goes to (`tried`: its hosts so far)."""
        chosen = choose_instance(self.hosts, tried)
        assert chosen is not None  # a pool has at least one host
        self._turns += 1
        chosen.turn = self._turns
        return chosen

    async def probe(self, http: httpx.AsyncClient, timeout: float = PROBE_TIMEOUT_SECONDS) -> None:
        """Probe every host once, concurrently, and record what each answered."""
        problems = await asyncio.gather(
            *(probe(http, host.probe_url, timeout, "model host") for host in self.hosts)
        )
        now = time.monotonic()
        for host, problem in zip(self.hosts, problems, strict=True):
            host.probed_at = now
            host.probed(problem)

    def _revive(self) -> None:
        """Probe the unhealthy hosts in the background (at most every REVIVE_SECONDS), so a
        host that is back gets calls again in a process with no probe rounds."""
        now = time.monotonic()
        stale = [
            h
            for h in self.hosts
            if h.health == InstanceHealth.UNHEALTHY and now - h.probed_at >= REVIVE_SECONDS
        ]
        if not stale or (self._reviving is not None and not self._reviving.done()):
            return
        for host in stale:
            host.probed_at = now

        async def revive() -> None:
            async with httpx.AsyncClient() as http:
                problems = await asyncio.gather(
                    *(probe(http, h.probe_url, PROBE_TIMEOUT_SECONDS, "model host") for h in stale)
                )
            for host, problem in zip(stale, problems, strict=True):
                host.probed(problem)

        self._reviving = asyncio.create_task(revive(), name=f"revive-hosts:{self.profile.name}")

    def attempts(self, retries: int) -> int:
        """How many hosts one call may try: each once, and at least `retries` + 1 times."""
        return max(len(self.hosts), retries + 1)

    async def call(self, retries: int, attempt: Callable[[Host], Awaitable[T]]) -> T:
        """Run `attempt` on a host, then on another while it fails over (`fails_over`).

        Raises:
            The last attempt's error once every attempt failed, or at once an error that
            another host would not fix.
        """
        self._revive()
        tried: list[str] = []
        total = self.attempts(retries)
        for number in range(total):
            host = await self._next(tried)
            started = time.monotonic()
            try:
                result = await attempt(host)
            except BaseException as error:
                last = number + 1 == total
                self._failed(host, started, error, last)
                if last or not fails_over(error):
                    raise
                continue
            host.ended(_ms(started), None, reachable=True)
            return result
        raise AssertionError("unreachable: the last attempt raises")  # pragma: no cover

    async def _next(self, tried: list[str]) -> Host:
        """The host of a call's next attempt, counted as in flight; once every host has
        failed the call, after a pause (0.5 s, doubling, at most 8 s)."""
        host = self.order(tried)
        if len(tried) >= len(self.hosts):
            await asyncio.sleep(min(0.5 * 2 ** (len(tried) - len(self.hosts)), 8.0))
        tried.append(host.id)
        host.began()
        return host

    def _failed(self, host: Host, started: float, error: BaseException, last: bool) -> None:
        if isinstance(error, asyncio.CancelledError | GeneratorExit):  # not the host's doing
            host.in_flight = max(0, host.in_flight - 1)
            return
        unreachable = fails_over(error)
        host.ended(_ms(started), describe_provider_error(error), reachable=not unreachable)
        if unreachable and not last:
            log.warning(
                "profile %s: %s failed (%s); trying another host",
                self.profile.name,
                host.label,
                describe_provider_error(error),
            )

    async def stream(
        self, retries: int, attempt: Callable[[Host], AsyncIterator[T]]
    ) -> AsyncIterator[T]:
        """Like `call` for a stream: fails over until its first item, not after."""
        self._revive()
        tried: list[str] = []
        total = self.attempts(retries)
        for number in range(total):
            host = await self._next(tried)
            started = time.monotonic()
            given = False
            try:
                async for item in attempt(host):
                    given = True
                    yield item
            except BaseException as error:
                self._failed(host, started, error, last=given or number + 1 == total)
                if given or not fails_over(error) or number + 1 == total:
                    raise
                continue
            host.ended(_ms(started), None, reachable=True)
            return


def _ms(started: float) -> float:
    return (time.monotonic() - started) * 1000


def _host(profile: ModelProfile, url: str) -> Host:
    if profile.provider == "ollama":
        return Host(id=url, api_url=f"{url}/v1", probe_url=f"{url}/api/tags")
    return Host(id=url, api_url=url, probe_url=f"{url}/models")

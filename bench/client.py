"""Submitting tasks, noticing when they end, and the figures computed from their timestamps.

Completion is noticed by one monitor per run instead of one poller per task. With one task
at a time it follows the task's event stream (SSE), which ends when the task does, then
reads the task once: no polling load on the orchestrator. With many it lists the
tasks that finished since its last look (`GET /api/tasks?finished_after=...`, in finish
order) every `poll_seconds` and reads those it waits for. Latencies come from the server's
`finished_at` (same machine, same clock as the client's submit time), so how soon the
monitor notices a task does not inflate them.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import statistics
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from a2a.client import ClientConfig, ClientFactory
from a2a.client.card_resolver import parse_agent_card
from a2a.types import SendMessageRequest, TaskState

from bench.agent import CAPABILITY, instruction_for
from orchestra.executor.dispatch import TERMINAL, build_message

FINISHED = ("completed", "failed", "canceled")
PAGE = 200
MAX_READ_ERRORS = 200


class BenchError(Exception):
    """A benchmark saw an error (rejected submit, failed task, timeout)."""


# --- plan shapes ----------------------------------------------------------------------------


def _step(key: str, delay: float, depends_on: Sequence[str] = ()) -> dict[str, Any]:
    return {
        "id": key,
        "title": f"bench {key}",
        "instruction": instruction_for(delay),
        "capability": CAPABILITY,
        "depends_on": list(depends_on),
    }


def chain(n: int, delay: float = 0.0) -> dict[str, Any]:
    """n steps in a row: s1 -> s2 -> ... -> sn."""
    return {
        "steps": [
            _step(f"s{i}", delay, [f"s{i - 1}"] if i > 1 else [])
            for i in range(1, n + 1)
        ]
    }


def wide(width: int, delay: float) -> dict[str, Any]:
    """`width` independent steps, then a join depending on all of them."""
    steps = [_step(f"w{i}", delay) for i in range(1, width + 1)]
    steps.append(_step("join", delay, [s["id"] for s in steps]))
    return {"steps": steps}


def diamond(delay: float) -> dict[str, Any]:
    """a -> (b, c) -> d."""
    return {
        "steps": [
            _step("a", delay),
            _step("b", delay, ["a"]),
            _step("c", delay, ["a"]),
            _step("d", delay, ["b", "c"]),
        ]
    }


# --- figures --------------------------------------------------------------------------------


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100); NaN for no values."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[min(rank, len(ordered)) - 1]


def summary(values: Sequence[float]) -> dict[str, float]:
    """n, median, p95, p99, min, max of `values`, rounded for reading."""
    if not values:
        return {"n": 0}
    return {
        "n": len(values),
        "median": round(statistics.median(values), 2),
        "p95": round(percentile(values, 95), 2),
        "p99": round(percentile(values, 99), 2),
        "min": round(min(values), 2),
        "max": round(max(values), 2),
    }


def ts(value: str | None) -> float:
    """An API timestamp as seconds since the epoch."""
    if value is None:
        raise BenchError("a finished task has no timestamp")
    return datetime.fromisoformat(value).timestamp()


# --- submitting and waiting -----------------------------------------------------------------


@dataclass
class Run:
    """One task as the client saw it: submit time (wall clock) and its final JSON."""

    submitted: float
    task: dict[str, Any]

    @property
    def latency_ms(self) -> float:
        """Submit (client) to finished_at (server), in ms."""
        return (ts(self.task["finished_at"]) - self.submitted) * 1000


@dataclass
class Monitor:
    """Notices finished tasks for every waiter of one run (see the module docstring)."""

    api: httpx.AsyncClient
    poll_seconds: float = 0.02
    waiting: dict[str, asyncio.Future[dict[str, Any]]] = field(default_factory=dict)
    requests: int = 0
    #: Failed reads (HTTP errors, 5xx): counted as errors of the run; the sweep goes on.
    errors: list[str] = field(default_factory=list)
    _wake: asyncio.Event = field(default_factory=asyncio.Event)
    # What finished before the monitor started is not waited for.
    _since: datetime = field(default_factory=lambda: datetime.now(UTC))
    _done: set[str] = field(default_factory=set)

    #: Follow each task's event stream instead of polling (runs with few tasks at once).
    stream: bool = False
    _followers: set[asyncio.Task[None]] = field(default_factory=set)

    def watch(self, task_id: str) -> asyncio.Future[dict[str, Any]]:
        future: asyncio.Future[dict[str, Any]] = (
            asyncio.get_running_loop().create_future()
        )
        if self.stream:
            follower = asyncio.create_task(self._follow(task_id, future))
            self._followers.add(follower)
            follower.add_done_callback(self._followers.discard)
            return future
        self.waiting[task_id] = future
        self._wake.set()
        return future

    async def _follow(
        self, task_id: str, future: asyncio.Future[dict[str, Any]]
    ) -> None:
        """Read the task's event stream to its end (the task's end), then read the task."""
        for _ in range(MAX_READ_ERRORS):
            try:
                self.requests += 1
                async with self.api.stream(
                    "GET", f"/api/tasks/{task_id}/events"
                ) as response:
                    response.raise_for_status()
                    async for _line in response.aiter_lines():
                        pass
                task = await self._get(task_id)
            except httpx.HTTPError as exc:
                self.errors.append(f"following task {task_id} failed: {exc!r}"[:300])
                await asyncio.sleep(0.5)
                continue
            if task["status"] in FINISHED:
                if not future.done():
                    future.set_result(task)
                return
        if not future.done():
            future.set_exception(BenchError("too many failed reads"))

    async def _get(self, task_id: str) -> dict[str, Any]:
        self.requests += 1
        response = await self.api.get(f"/api/tasks/{task_id}")
        response.raise_for_status()
        task: dict[str, Any] = response.json()
        return task

    async def _finished(self) -> list[str]:
        """Ids of the waited-for tasks that have finished (those seen since the last look
        included: a task may finish before its submitter starts waiting for it)."""
        while True:
            self.requests += 1
            # A millisecond of overlap, so tasks finishing in the same instant as the last
            # one seen are not missed.
            since = (self._since - timedelta(milliseconds=1)).isoformat()
            response = await self.api.get(
                "/api/tasks", params={"finished_after": since, "limit": PAGE}
            )
            response.raise_for_status()
            items = response.json()["items"]
            self._done.update(item["id"] for item in items)
            if items:
                self._since = max(
                    self._since, datetime.fromisoformat(items[-1]["finished_at"])
                )
            if len(items) < PAGE:
                return [i for i in self.waiting if i in self._done]

    async def _sweep(self) -> None:
        ids = list(self.waiting)
        if len(ids) > 4:
            ids = await self._finished()
        tasks = await asyncio.gather(*(self._get(i) for i in ids[:100]))
        for task in tasks:
            if task["status"] in FINISHED:
                future = self.waiting.pop(task["id"], None)
                if future is not None and not future.done():
                    future.set_result(task)

    async def run(self) -> None:
        """Sweep until cancelled; each sweep is followed by `poll_seconds` of rest."""
        while True:
            if not self.waiting:
                self._wake.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), 1.0)
                continue
            try:
                await self._sweep()
            except httpx.HTTPError as exc:
                self.errors.append(f"reading tasks failed: {exc!r}"[:300])
                if len(self.errors) > MAX_READ_ERRORS:
                    for future in self.waiting.values():
                        if not future.done():
                            future.set_exception(BenchError("too many failed reads"))
                    self.waiting.clear()
                await asyncio.sleep(max(self.poll_seconds, 0.5))
            await asyncio.sleep(self.poll_seconds)


@contextlib.asynccontextmanager
async def monitoring(
    api: httpx.AsyncClient, poll_seconds: float = 0.1, stream: bool = False
):  # type: ignore[no-untyped-def]
    monitor = Monitor(api, poll_seconds, stream=stream)
    runner = asyncio.create_task(monitor.run())
    try:
        yield monitor
    finally:
        runner.cancel()
        for follower in list(monitor._followers):
            follower.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await runner


async def submit(
    api: httpx.AsyncClient, plan: dict[str, Any], label: str
) -> tuple[str, float]:
    """POST the task; returns its id and the wall-clock time just before the request."""
    started = time.time()
    response = await api.post("/api/tasks", json={"description": label, "plan": plan})
    if response.status_code != 202:
        raise BenchError(
            f"submit answered {response.status_code}: {response.text[:300]}"
        )
    return response.json()["id"], started


async def run_task(
    api: httpx.AsyncClient,
    monitor: Monitor,
    plan: dict[str, Any],
    label: str,
    timeout: float = 300.0,
) -> Run:
    """Submit one task and wait until it has finished; BenchError unless it completed."""
    task_id, started = await submit(api, plan, label)
    try:
        task = await asyncio.wait_for(monitor.watch(task_id), timeout)
    except TimeoutError as exc:
        raise BenchError(f"task {task_id} not finished after {timeout:g} s") from exc
    if task["status"] != "completed":
        raise BenchError(f"task {task_id} ended {task['status']}: {task.get('error')}")
    return Run(started, task)


# --- the floor: the same A2A calls without an orchestrator ----------------------------------


async def direct_calls(agent_url: str, count: int, delay: float = 0.0) -> list[float]:
    """Send `count` steps straight to the agent with the a2a-sdk client, one after the other.

    Messages are built as the orchestrator builds them (text part plus data part, streamed
    to a final state). Returns each call's time in ms.
    """
    timings: list[float] = []
    async with httpx.AsyncClient(timeout=30) as http:
        card = (await http.get(f"{agent_url}/.well-known/agent-card.json")).json()
        factory = ClientFactory(
            ClientConfig(
                httpx_client=http,
                streaming=True,
                supported_protocol_bindings=["JSONRPC", "HTTP+JSON"],
            )
        )
        client = factory.create(parse_agent_card(card))
        try:
            for n in range(count):
                key = uuid.uuid4().hex
                data = {
                    "task": "direct floor",
                    "step": {"id": f"s{n}", "title": "bench", "capability": CAPABILITY},
                    "inputs": {},
                }
                message = build_message(
                    f"{key}:s{n}", key, instruction_for(delay), data
                )
                started = time.perf_counter()
                final = None
                async with asyncio.timeout(30):
                    async for event in client.send_message(
                        SendMessageRequest(message=message)
                    ):
                        state = None
                        if event.HasField("task"):
                            state = event.task.status.state
                        elif event.HasField("status_update"):
                            state = event.status_update.status.state
                        if state in TERMINAL:
                            final = state
                            break
                if final != TaskState.TASK_STATE_COMPLETED:
                    raise BenchError(f"direct call {n} ended {final}")
                timings.append((time.perf_counter() - started) * 1000)
        finally:
            await client.close()
    return timings

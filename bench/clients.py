"""The polling-clients workload: load the way users make it.

N clients, each with its own HTTP client, submit a 3-step chain (explicit plan, instant
agent) and poll their own task until it ends: first poll at once, then after 10 ms, each
wait 1.5 times the last, up to 250 ms. Then they submit the next, until the run's tasks are
done. Beside them a dashboard lists the newest tasks every 2 s and a prober reads `/health`
every 50 ms. With two orchestrators, client i talks to orchestrator i mod 2 throughout.

Figures: tasks/s (completed tasks over the run's wall time), submit→end latency as the
client saw it (p50/p95/p99, poll quantisation included), submit latency p95, `/health` p95
under load, and the orchestrators' (and agents') CPU time per completed task.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import ssl
import time
from collections.abc import Coroutine
from multiprocessing.connection import Connection
from typing import Any, TypeVar

import httpx

from bench.client import chain, summary
from bench.stack import Stack, cpu_seconds

T = TypeVar("T")

POLL_FIRST = 0.010
POLL_GROWTH = 1.5
POLL_MAX = 0.250
DASHBOARD_SECONDS = 2.0
HEALTH_SECONDS = 0.05
OBSERVER_SUBMIT_SECONDS = 0.5
FINISHED = ("completed", "failed", "canceled")


# Built once: a context per client would cost each of 500 clients milliseconds of CPU.
SSL_CONTEXT = ssl.create_default_context()


def _client(url: str) -> httpx.AsyncClient:
    # One connection per client, like a browser tab or a script; idle ones are dropped on
    # this side before uvicorn's 5 s keep-alive ends them.
    limits = httpx.Limits(
        max_connections=1, max_keepalive_connections=1, keepalive_expiry=2.0
    )
    return httpx.AsyncClient(
        base_url=url, timeout=120, limits=limits, trust_env=False, verify=SSL_CONTEXT
    )


class _Figures:
    def __init__(self) -> None:
        self.latencies: list[float] = []
        self.submits: list[float] = []
        self.health: list[float] = []
        self.polls = 0
        self.errors: list[str] = []


async def _one_task(
    http: httpx.AsyncClient, plan: dict[str, Any], figures: _Figures
) -> None:
    started = time.perf_counter()
    response = await http.post(
        "/api/tasks", json={"description": "polling client", "plan": plan}
    )
    figures.submits.append((time.perf_counter() - started) * 1000)
    if response.status_code not in (200, 202):
        figures.errors.append(f"submit {response.status_code}: {response.text[:200]}")
        return
    task_id = response.json()["id"]
    delay = POLL_FIRST
    while True:
        response = await http.get(f"/api/tasks/{task_id}")
        figures.polls += 1
        if response.status_code != 200:
            figures.errors.append(f"poll {response.status_code}: {response.text[:200]}")
            return
        status = response.json()["status"]
        if status in FINISHED:
            break
        await asyncio.sleep(delay)
        delay = min(delay * POLL_GROWTH, POLL_MAX)
    if status != "completed":
        figures.errors.append(f"task {task_id} {status}")
        return
    figures.latencies.append((time.perf_counter() - started) * 1000)


async def _dashboard(url: str, figures: _Figures, stop: asyncio.Event) -> None:
    async with _client(url) as http:
        while not stop.is_set():
            response = await http.get("/api/tasks", params={"limit": 25})
            if response.status_code != 200:
                figures.errors.append(f"dashboard {response.status_code}")
            await _pause(stop, DASHBOARD_SECONDS)


async def _observe(url: str, plan: dict[str, Any], stop: Connection) -> dict[str, Any]:
    health: list[float] = []
    submits: list[float] = []
    errors: list[str] = []
    loop = asyncio.get_running_loop()
    stopped = asyncio.Event()
    loop.add_reader(stop.fileno(), stopped.set)
    next_submit = time.perf_counter()
    async with _client(url) as http:
        while not stopped.is_set():
            started = time.perf_counter()
            response = await http.get("/health")
            if response.status_code == 200:
                health.append((time.perf_counter() - started) * 1000)
            else:
                errors.append(f"health {response.status_code}")
            if started >= next_submit:
                next_submit = started + OBSERVER_SUBMIT_SECONDS
                started = time.perf_counter()
                response = await http.post(
                    "/api/tasks", json={"description": "observer", "plan": plan}
                )
                if response.status_code in (200, 202):
                    submits.append((time.perf_counter() - started) * 1000)
                else:
                    errors.append(f"observer submit {response.status_code}")
            await _pause(stopped, HEALTH_SECONDS)
    loop.remove_reader(stop.fileno())
    return {"health": health, "submits": submits, "errors": errors}


def _observer(url: str, plan: dict[str, Any], stop: Connection, out: Connection) -> None:
    """The observer process: runs until `stop` is readable, then sends its figures."""
    out.send(run_loop(_observe(url, plan, stop)))


def run_loop(main: Coroutine[Any, Any, T]) -> T:
    """Run `main` on uvloop (the loop uvicorn uses) when it is installed."""
    try:
        import uvloop
    except ImportError:
        return asyncio.run(main)
    return uvloop.run(main)


class Observer:
    """The observer process, started and stopped around a run."""

    def __init__(self, url: str, plan: dict[str, Any]) -> None:
        context = multiprocessing.get_context("spawn")
        self._stop_read, self._stop = context.Pipe(duplex=False)
        self._results, out = context.Pipe(duplex=False)
        self._process = context.Process(
            target=_observer, args=(url, plan, self._stop_read, out), daemon=True
        )

    def start(self) -> None:
        self._process.start()

    async def stop(self) -> dict[str, Any]:
        self._stop.send(None)
        ready = await asyncio.to_thread(self._results.poll, 60)
        try:
            figures = self._results.recv() if ready else {"errors": ["observer silent"]}
        except EOFError:
            figures = {"errors": [f"observer died (exit code {self._process.exitcode})"]}
        await asyncio.to_thread(self._process.join, 10)
        return figures


async def _pause(stop: asyncio.Event, seconds: float) -> None:
    try:
        await asyncio.wait_for(stop.wait(), seconds)
    except TimeoutError:
        pass


def _cpu(stack: Stack) -> tuple[float, float]:
    return (
        sum(cpu_seconds(p.pid) for p in stack.orchestrators),
        sum(cpu_seconds(p.pid) for p in stack.agents),
    )


async def polling_clients(stack: Stack, clients: int, total: int) -> dict[str, Any]:
    """Run `total` tasks with `clients` polling clients at once; return the run's figures."""
    urls = [o.url for o in stack.orchestrators]
    plan = chain(3)
    figures = _Figures()
    issued = 0
    stop = asyncio.Event()
    dashboard = asyncio.create_task(_dashboard(urls[0], figures, stop))
    observer = Observer(urls[-1], plan)
    observer.start()

    async def client(n: int) -> None:
        nonlocal issued
        async with _client(urls[n % len(urls)]) as http:
            while issued < total:
                issued += 1
                try:
                    await _one_task(http, plan, figures)
                except httpx.HTTPError as exc:
                    figures.errors.append(f"{type(exc).__name__}: {exc}")

    orchestrators_before, agents_before = _cpu(stack)
    clients_before = time.process_time()
    started = time.perf_counter()
    try:
        await asyncio.gather(*(client(n) for n in range(clients)))
    finally:
        wall = time.perf_counter() - started
        stop.set()
        observed = await observer.stop()
        await asyncio.gather(dashboard, return_exceptions=True)
    orchestrators_after, agents_after = _cpu(stack)
    clients_cpu = time.process_time() - clients_before
    done = len(figures.latencies)
    run = done + len(observed.get("submits", []))
    return {
        "clients": clients,
        "tasks": total,
        "completed": done,
        "tasks_per_second": round(done / wall, 2) if wall > 0 else None,
        "wall_seconds": round(wall, 2),
        "latency_ms": summary(figures.latencies),
        "submit_ms": summary(figures.submits),
        "observed_submit_ms": summary(observed.get("submits", [])),
        "health_ms": summary(observed.get("health", [])),
        "polls_per_task": round(figures.polls / max(1, done), 1),
        "cpu_ms_per_task": {
            "orchestrators": round(
                (orchestrators_after - orchestrators_before) * 1000 / max(1, run), 1
            ),
            "agents": round((agents_after - agents_before) * 1000 / max(1, run), 1),
            # This process's own: the clients and the dashboard (not the observer).
            "clients": round(clients_cpu * 1000 / max(1, done), 1),
        },
        "errors": figures.errors + observed.get("errors", []),
    }

"""The benchmarks: overhead, throughput, parallelism, scale, scale-out and polling clients. Each returns a `Result`; none fails on a target.

Sizes: `small` runs in seconds (CI checks that every benchmark runs); `full` is the size
the issue asks for and the one docs/benchmarks.md reports.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import statistics
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import httpx

from bench import client, scale
from bench.client import (
    BenchError,
    Run,
    chain,
    diamond,
    monitoring,
    run_task,
    summary,
    ts,
    wide,
)
from bench.clients import polling_clients
from bench.report import Result, ms
from bench.stack import (
    Stack,
    cpu_seconds,
    postgres_available,
    postgres_database,
    rss_bytes,
    running,
)

SIZES: dict[str, dict[str, Any]] = {
    "small": {
        "warm_up": 1,
        "overhead_tasks": 1,
        "floor_calls": 3,
        "throughput": [(1, 2), (4, 4)],
        "parallel_delay": 0.1,
        "parallel_repeats": 1,
        "scale_rows": 300,
        "scale_tasks": 4,
        "scale_requests": 5,
        "scaleout": [(2, 2)],
        "clients": [(1, 2), (4, 8)],
        "clients_setups": [("sqlite", 1)],
    },
    "full": {
        "warm_up": 3,
        "overhead_tasks": 50,
        "floor_calls": 50,
        "throughput": [(1, 50), (50, 300), (500, 500)],
        "parallel_delay": 1.0,
        "parallel_repeats": 3,
        "scale_rows": 100_000,
        "scale_tasks": 10_000,
        "scale_requests": 200,
        "scaleout": [(50, 300), (500, 500)],
        "clients": [(1, 30), (50, 400), (500, 1000)],
        "clients_setups": [
            ("sqlite", 1),
            ("sqlite", 2),
            ("postgres", 1),
            ("postgres", 2),
        ],
    },
}

TARGETS = {
    "overhead": "overhead per step < 15 ms median (SQLite)",
    "throughput": "3-step task < 200 ms median at concurrency 1; >= 45 tasks/s at 50; "
    "500 concurrent all completed, no error",
    "parallelism": "makespan / critical path <= 1.10",
    "scale": "task list p95 < 50 ms at 100,000 tasks",
    "scaleout": "two processes >= 1.6 x the throughput of one (PostgreSQL)",
    "clients": ">= 50 tasks/s at 50 and 500 clients with no error, submit p95 <= 100 ms at "
    "500, p50 <= 150 ms at 1 client, orchestrator CPU <= 25 ms per 3-step task (SQLite, one "
    "process); two processes >= 1.6 x one (PostgreSQL)",
}


def _api(url: str) -> httpx.AsyncClient:
    # uvicorn closes a connection idle for 5 s; reusing one just then fails the request
    # (ReadError), so idle connections are dropped on this side first.
    limits = httpx.Limits(
        max_connections=600, max_keepalive_connections=600, keepalive_expiry=2.0
    )
    return httpx.AsyncClient(base_url=url, timeout=120, limits=limits)


# --- 1. overhead per step -------------------------------------------------------------------


def _breakdown(run: Run) -> dict[str, Any]:
    """Where a chain's time went, from the server's timestamps (ms)."""
    task = run.task
    steps = sorted(task["steps"], key=lambda s: ts(s["started_at"]))
    created = ts(task["created_at"])
    gaps = [
        (ts(b["started_at"]) - ts(a["finished_at"])) * 1000
        for a, b in itertools.pairwise(steps)
    ]
    return {
        "accept": (created - run.submitted) * 1000,
        "to_first_step": (ts(steps[0]["started_at"]) - created) * 1000,
        "step": [s["duration_ms"] for s in steps],
        "between_steps": gaps,
        "after_last_step": (ts(task["finished_at"]) - ts(steps[-1]["finished_at"]))
        * 1000,
    }


async def overhead(size: str, work: Path) -> Result:
    config = SIZES[size]
    count = config["overhead_tasks"]
    result = Result("overhead", size)
    floor: list[float] = []
    per_plan: dict[int, list[Run]] = {}
    with running(work) as stack:
        agent = stack.agents[0].url
        async with (
            _api(stack.orchestrators[0].url) as api,
            monitoring(api, stream=True) as monitor,
        ):
            for _ in range(config["warm_up"]):  # imports, connections, caches
                await run_task(api, monitor, chain(3), "warm-up")
            await client.direct_calls(agent, config["warm_up"])
            for n in (1, 3, 10):
                runs = []
                for i in range(count):
                    runs.append(
                        await run_task(
                            api, monitor, chain(n), f"overhead {n}-step #{i}"
                        )
                    )
                per_plan[n] = runs
                floor += await client.direct_calls(agent, config["floor_calls"])
    floor_median = statistics.median(floor)
    result.header = [
        "plan",
        "tasks",
        "end-to-end median",
        "end-to-end p95",
        "per step median",
        "per step p95",
        "per step minus floor (median)",
    ]
    figures: dict[str, Any] = {"floor_ms": summary(floor)}
    for n, runs in per_plan.items():
        total = [r.latency_ms for r in runs]
        per_step = [t / n for t in total]  # agents answer at once: their own time is ~0
        parts = [_breakdown(r) for r in runs]
        figures[f"{n}_step"] = {
            "end_to_end_ms": summary(total),
            "per_step_ms": summary(per_step),
            "per_step_minus_floor_ms": round(
                statistics.median(per_step) - floor_median, 2
            ),
            "breakdown_median_ms": {
                "accept": round(statistics.median(p["accept"] for p in parts), 2),
                "to_first_step": round(
                    statistics.median(p["to_first_step"] for p in parts), 2
                ),
                "step": round(
                    statistics.median(x for p in parts for x in p["step"]), 2
                ),
                "between_steps": round(
                    statistics.median(
                        [x for p in parts for x in p["between_steps"]] or [0]
                    ),
                    2,
                ),
                "after_last_step": round(
                    statistics.median(p["after_last_step"] for p in parts), 2
                ),
            },
        }
        f = figures[f"{n}_step"]
        result.rows.append(
            [
                f"{n}-step chain",
                str(len(runs)),
                ms(f["end_to_end_ms"]["median"]),
                ms(f["end_to_end_ms"]["p95"]),
                ms(f["per_step_ms"]["median"]),
                ms(f["per_step_ms"]["p95"]),
                ms(f["per_step_minus_floor_ms"]),
            ]
        )
    result.rows.append(
        [
            "direct a2a-sdk call (floor)",
            str(len(floor)),
            ms(figures["floor_ms"]["median"]),
            ms(figures["floor_ms"]["p95"]),
            ms(figures["floor_ms"]["median"]),
            ms(figures["floor_ms"]["p95"]),
            "–",
        ]
    )
    b = figures["3_step"]["breakdown_median_ms"]
    result.notes.append(
        "3-step chain, median ms by phase (server timestamps): "
        f"submit→row {b['accept']}, row→first step started {b['to_first_step']}, "
        f"step started→finished {b['step']}, step finished→next started {b['between_steps']}, "
        f"last step→task finished {b['after_last_step']}"
    )
    result.notes.append(f"target: {TARGETS['overhead']}")
    result.figures = figures
    return result


# --- 2. throughput --------------------------------------------------------------------------


def _cpu(stack: Stack) -> dict[str, float]:
    return {
        "orchestrators": sum(cpu_seconds(p.pid) for p in stack.orchestrators),
        "agents": sum(cpu_seconds(p.pid) for p in stack.agents),
    }


async def _closed_loop(
    stack: Stack, concurrency: int, total: int, plan: dict[str, Any]
) -> dict[str, Any]:
    """`concurrency` workers, each submitting a task and waiting for it, `total` in all.

    Submissions go round-robin to the stack's orchestrators; completion is watched on the
    first. Returns throughput and latency figures, the CPU time the orchestrators and the
    agents used per completed task (the benchmark client's own is not counted), and the
    errors seen.
    """
    apis = [_api(o.url) for o in stack.orchestrators]
    cpu_before = _cpu(stack)
    runs: list[Run] = []
    errors: list[str] = []
    issued = 0
    try:
        async with monitoring(apis[0], 0.1, stream=concurrency <= 4) as monitor:

            async def worker(n: int) -> None:
                nonlocal issued
                while issued < total:
                    issued += 1
                    api = apis[(issued + n) % len(apis)]
                    try:
                        runs.append(
                            await run_task(api, monitor, plan, "throughput", 600)
                        )
                    except (BenchError, httpx.HTTPError) as exc:
                        errors.append(f"{type(exc).__name__}: {exc}")

            wall = time.time()
            await asyncio.gather(*(worker(n) for n in range(concurrency)))
            wall_seconds = time.time() - wall
            requests = monitor.requests
            errors += [f"monitor: {e}" for e in monitor.errors]
    finally:
        for api in apis:
            await api.aclose()
    cpu_after = _cpu(stack)
    cpu_per_task = {
        side: round((cpu_after[side] - cpu_before[side]) * 1000 / max(1, len(runs)), 1)
        for side in cpu_before
    }
    latencies = [r.latency_ms for r in runs]
    first = min((r.submitted for r in runs), default=0.0)
    last = max((ts(r.task["finished_at"]) for r in runs), default=0.0)
    span = last - first
    return {
        "concurrency": concurrency,
        "tasks": total,
        "completed": len(runs),
        "errors": errors,
        "tasks_per_second": round(len(runs) / span, 2) if span > 0 else None,
        "wall_seconds": round(wall_seconds, 2),
        "latency_ms": summary(latencies),
        "monitor_requests": requests,
        "cpu_ms_per_task": cpu_per_task,
    }


def _throughput_rows(result: Result, label: str, runs: list[dict[str, Any]]) -> None:
    for r in runs:
        lat = r["latency_ms"]
        result.rows.append(
            [
                label,
                str(r["concurrency"]),
                f"{r['completed']}/{r['tasks']}",
                f"{r['tasks_per_second']}",
                ms(lat.get("median")),
                ms(lat.get("p95")),
                ms(lat.get("p99")),
                f"{r['cpu_ms_per_task']['orchestrators']:g} / {r['cpu_ms_per_task']['agents']:g}",
                str(len(r["errors"])),
            ]
        )
        result.errors += r["errors"]


THROUGHPUT_HEADER = [
    "setup",
    "concurrency",
    "completed",
    "tasks/s",
    "p50 submit→completed",
    "p95",
    "p99",
    "CPU ms per task: orchestrators / agents",
    "errors",
]


async def throughput(size: str, work: Path) -> Result:
    result = Result("throughput", size)
    measured = []
    with running(work) as stack:
        warm_up = SIZES[size]["warm_up"]
        await _closed_loop(stack, warm_up, 2 * warm_up, chain(3))
        for concurrency, total in SIZES[size]["throughput"]:
            measured.append(await _closed_loop(stack, concurrency, total, chain(3)))
    result.header = THROUGHPUT_HEADER
    _throughput_rows(result, "1 orchestrator, SQLite", measured)
    result.figures = {"plan": "3-step chain, instant agent", "runs": measured}
    result.notes.append(
        "workload: 3-step chain, instant agent; closed loop (each worker "
        "submits, waits for completion, submits again)"
    )
    result.notes.append(f"target: {TARGETS['throughput']}")
    return result


# --- 3. parallelism -------------------------------------------------------------------------


async def parallelism(size: str, work: Path) -> Result:
    config = SIZES[size]
    delay = config["parallel_delay"]
    shapes = {
        "wide (10 parallel + join)": (wide(10, delay), 2 * delay),
        "diamond (a → b,c → d)": (diamond(delay), 3 * delay),
    }
    result = Result("parallelism", size)
    result.header = [
        "plan",
        "critical path",
        "makespan median",
        "ratio median",
        "ratio worst",
        "ratio, first step start → last step end",
    ]
    figures: dict[str, Any] = {"step_seconds": delay}
    with running(work) as stack:
        async with (
            _api(stack.orchestrators[0].url) as api,
            monitoring(api, stream=True) as monitor,
        ):
            await run_task(api, monitor, chain(2), "warm-up")
            for name, (plan, critical) in shapes.items():
                spans, inner = [], []
                for _ in range(config["parallel_repeats"]):
                    run = await run_task(api, monitor, plan, name, 120)
                    spans.append(run.latency_ms / 1000)
                    steps = run.task["steps"]
                    inner.append(
                        max(ts(s["finished_at"]) for s in steps)
                        - min(ts(s["started_at"]) for s in steps)
                    )
                ratios = [s / critical for s in spans]
                figures[name] = {
                    "critical_path_s": critical,
                    "makespan_s": [round(s, 3) for s in spans],
                    "ratio_median": round(statistics.median(ratios), 3),
                    "ratio_worst": round(max(ratios), 3),
                    "steps_only_ratio_median": round(
                        statistics.median(inner) / critical, 3
                    ),
                }
                f = figures[name]
                result.rows.append(
                    [
                        name,
                        f"{critical:g} s",
                        f"{statistics.median(spans):.3f} s",
                        f"{f['ratio_median']:.3f}",
                        f"{f['ratio_worst']:.3f}",
                        f"{f['steps_only_ratio_median']:.3f}",
                    ]
                )
    result.figures = figures
    result.notes.append(
        f"each step takes {delay:g} s at the agent; makespan = submit → task finished"
    )
    result.notes.append(f"target: {TARGETS['parallelism']}")
    return result


# --- 4. scale -------------------------------------------------------------------------------


async def _latencies(
    api: httpx.AsyncClient, params: dict[str, Any], count: int
) -> list[float]:
    timings = []
    for _ in range(count):
        started = time.perf_counter()
        response = await api.get("/api/tasks", params=params)
        timings.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise BenchError(f"GET /api/tasks answered {response.status_code}")
    return timings


async def scale_benchmark(size: str, work: Path, database: str = "sqlite") -> Result:
    config = SIZES[size]
    result = Result("scale", size)
    figures: dict[str, Any] = {"database": database}

    async def body(url: str) -> None:
        with running(work, database_url=url) as stack:
            orchestrator = stack.orchestrators[0]
            api_url = orchestrator.url
            memory: list[tuple[int, int]] = [(0, rss_bytes(orchestrator.pid))]
            done = 0
            tasks = config["scale_tasks"]
            checkpoints = sorted({tasks // 10, tasks // 2, tasks} - {0})
            started = time.monotonic()
            for checkpoint in checkpoints:
                r = await _closed_loop(stack, 50, checkpoint - done, chain(1))
                result.errors += r["errors"]
                done = checkpoint
                memory.append((done, rss_bytes(orchestrator.pid)))
            figures["tasks_run_seconds"] = round(time.monotonic() - started, 1)
            figures["rss_mib_after_tasks"] = {
                str(n): round(b / 2**20, 1) for n, b in memory
            }
            await asyncio.to_thread(stack.upgrade_database)  # a no-op: serve ran it
            inserted = await asyncio.to_thread(
                scale.fill, stack.env(), config["scale_rows"] - done
            )
            figures["rows_inserted"] = inserted
            figures["tasks_in_database"] = inserted["tasks"] + done
            async with _api(api_url) as api:
                await _latencies(api, {}, 5)
                requests = config["scale_requests"]
                first = await _latencies(api, {}, requests)
                failed = await _latencies(api, {"status": "failed"}, requests)
                deep_offset = config["scale_rows"] // 2
                deep = await _latencies(api, {"offset": deep_offset}, min(20, requests))
            figures["first_page_ms"] = summary(first)
            figures["failed_page_ms"] = summary(failed)
            figures["deep_page_ms"] = summary(deep)
            figures["rss_mib_end"] = round(rss_bytes(orchestrator.pid) / 2**20, 1)

    started = time.monotonic()
    if database == "postgres":
        with postgres_database("bench_scale") as url:
            await body(url)
    else:
        await body("")
    figures["seconds"] = round(time.monotonic() - started, 1)
    result.figures = figures
    total = figures["tasks_in_database"]
    result.header = ["measure", "median", "p95", "p99"]
    for label, key in (
        (f"GET /api/tasks (first page of 50) at {total:,} tasks", "first_page_ms"),
        (f"GET /api/tasks?status=failed at {total:,} tasks", "failed_page_ms"),
        (f"GET /api/tasks?offset={config['scale_rows'] // 2:,}", "deep_page_ms"),
    ):
        s = figures[key]
        result.rows.append([label, ms(s["median"]), ms(s["p95"]), ms(s["p99"])])
    rss = figures["rss_mib_after_tasks"]
    result.rows.append(
        [
            "orchestrator RSS after N tasks run",
            " → ".join(f"{n}: {v} MiB" for n, v in rss.items()),
            "",
            "",
        ]
    )
    result.notes.append(
        f"database: {database}; rows inserted directly: {figures['rows_inserted']}; "
        f"tasks run through the API (1-step, concurrency 50): {config['scale_tasks']:,} "
        f"in {figures['tasks_run_seconds']} s"
    )
    result.notes.append(f"target: {TARGETS['scale']}")
    return result


async def scale_run(size: str, work: Path) -> Result:
    return await scale_benchmark(size, work)


# --- 5. scale-out ---------------------------------------------------------------------------


async def scaleout(size: str, work: Path) -> Result:
    result = Result("scaleout", size)
    if not postgres_available():
        result.errors.append("PostgreSQL not reachable: scale-out not measured")
        return result
    figures: dict[str, Any] = {}
    result.header = THROUGHPUT_HEADER
    for processes in (1, 2):
        with postgres_database("bench_scaleout") as url:
            sub = work / f"{processes}p"
            sub.mkdir(parents=True, exist_ok=True)
            # Two agent instances in both runs, so the agent side is the same.
            with running(
                sub, database_url=url, agents=2, orchestrators=processes
            ) as stack:
                warm_up = SIZES[size]["warm_up"]
                await _closed_loop(stack, warm_up, 2 * warm_up, chain(3))
                runs = [
                    await _closed_loop(stack, concurrency, total, chain(3))
                    for concurrency, total in SIZES[size]["scaleout"]
                ]
        figures[f"{processes}_process"] = runs
        _throughput_rows(result, f"{processes} orchestrator(s), PostgreSQL", runs)
    ratios = {}
    for one, two in zip(figures["1_process"], figures["2_process"], strict=True):
        if one["tasks_per_second"] and two["tasks_per_second"]:
            ratios[str(one["concurrency"])] = round(
                two["tasks_per_second"] / one["tasks_per_second"], 2
            )
    figures["speedup_two_over_one"] = ratios
    result.figures = figures
    result.notes.append(
        "speed-up of two processes over one, by concurrency: "
        + ", ".join(f"{c}: {r}x" for c, r in ratios.items())
    )
    result.notes.append(
        "workload: 3-step chain, instant agents (two instances of one agent)"
    )
    result.notes.append(f"target: {TARGETS['scaleout']}")
    return result


# --- 6. polling clients ----------------------------------------------------------------------


CLIENTS_HEADER = [
    "setup",
    "clients",
    "completed",
    "tasks/s",
    "p50 submit→end",
    "p95",
    "p99",
    "submit p95 (clients / observer)",
    "/health p95 (observer)",
    "polls per task",
    "CPU ms per task: orchestrators / agents / clients",
    "errors",
]


async def clients_benchmark(size: str, work: Path) -> Result:
    """Many clients, each submitting a 3-step chain and polling its own task (bench.clients)."""
    result = Result("clients", size)
    result.header = CLIENTS_HEADER
    figures: dict[str, Any] = {}
    for database, processes in SIZES[size]["clients_setups"]:
        label = f"{processes} orchestrator(s), {'PostgreSQL' if database == 'postgres' else 'SQLite'}"
        if database == "postgres" and not postgres_available():
            result.errors.append(f"PostgreSQL not reachable: {label} not measured")
            continue
        sub = work / f"{database}-{processes}"
        sub.mkdir(parents=True, exist_ok=True)
        with contextlib.ExitStack() as scope:
            url = (
                scope.enter_context(postgres_database("bench_clients"))
                if database == "postgres"
                else ""
            )
            stack = scope.enter_context(
                running(sub, database_url=url, orchestrators=processes)
            )
            await polling_clients(stack, 2, 4)  # warm-up
            runs = [
                await polling_clients(stack, c, n) for c, n in SIZES[size]["clients"]
            ]
        figures[f"{database}_{processes}"] = runs
        for r in runs:
            lat = r["latency_ms"]
            cpu = r["cpu_ms_per_task"]
            result.rows.append(
                [
                    label,
                    str(r["clients"]),
                    f"{r['completed']}/{r['tasks']}",
                    f"{r['tasks_per_second']}",
                    ms(lat.get("median")),
                    ms(lat.get("p95")),
                    ms(lat.get("p99")),
                    (
                        f"{ms(r['submit_ms'].get('p95'))} / "
                        f"{ms(r['observed_submit_ms'].get('p95'))}"
                    ),
                    ms(r["health_ms"].get("p95")),
                    f"{r['polls_per_task']:g}",
                    f"{cpu['orchestrators']:g} / {cpu['agents']:g} / {cpu['clients']:g}",
                    str(len(r["errors"])),
                ]
            )
            result.errors += r["errors"][:20]
    one, two = figures.get("postgres_1"), figures.get("postgres_2")
    if one and two:
        ratios = {
            str(a["clients"]): round(b["tasks_per_second"] / a["tasks_per_second"], 2)
            for a, b in zip(one, two, strict=True)
            if a["tasks_per_second"] and b["tasks_per_second"]
        }
        figures["postgres_speedup_two_over_one"] = ratios
        result.notes.append(
            "PostgreSQL, two processes over one, by clients: "
            + ", ".join(f"{c}: {r}x" for c, r in ratios.items())
        )
    result.figures = figures
    result.notes.append(
        "workload: each client submits a 3-step chain (instant agent) and polls its own task "
        "(at once, then 10 ms growing x1.5 to 250 ms); a dashboard lists tasks every 2 s; "
        "an observer process reads /health every 50 ms and submits a task every 500 ms"
    )
    result.notes.append(f"target: {TARGETS['clients']}")
    return result


BENCHMARKS: dict[str, Callable[[str, Path], Awaitable[Result]]] = {
    "overhead": overhead,
    "throughput": throughput,
    "parallelism": parallelism,
    "scale": scale_run,
    "scaleout": scaleout,
    "clients": clients_benchmark,
}

"""Prometheus metrics of an agent process, served at GET /metrics."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest

REGISTRY = CollectorRegistry(auto_describe=True)

RUNS = Counter(
    "orchestra_agent_runs",
    "Steps this agent ran, by capability and outcome (completed, failed, canceled).",
    ["capability", "outcome"],
    registry=REGISTRY,
)
SECONDS = Histogram(
    "orchestra_agent_run_duration_seconds",
    "Time an agent spent on a step, by capability.",
    ["capability"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60),
    registry=REGISTRY,
)
RUNNING = Gauge("orchestra_agent_running", "Steps being worked on now.", registry=REGISTRY)


@asynccontextmanager
async def measured(capability: str) -> AsyncIterator[None]:
    """Count one run and its duration; the outcome follows from how the block ends."""
    started = time.monotonic()
    RUNNING.inc()
    outcome = "failed"
    try:
        yield
        outcome = "completed"
    except asyncio.CancelledError:
        outcome = "canceled"
        raise
    finally:
        RUNNING.dec()
        RUNS.labels(capability or "inferred", outcome).inc()
        SECONDS.labels(capability or "inferred").observe(time.monotonic() - started)


def render() -> bytes:
    return generate_latest(REGISTRY)

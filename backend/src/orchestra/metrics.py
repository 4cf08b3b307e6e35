"""Prometheus metrics of an orchestrator process, served at GET /metrics.

Counters and histograms count what this process did; gauges of tasks, steps and agent
health are read from the database at scrape time, so every replica reports the same totals.
"""

from __future__ import annotations

import gc
from typing import cast

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from sqlalchemy import func, select

from orchestra.db import (
    Agent,
    AgentInstance,
    AgentSlot,
    Database,
    InstanceHealth,
    StepStatus,
    Task,
    TaskStatus,
    TaskStep,
)

REGISTRY = CollectorRegistry(auto_describe=True)

TASKS = Gauge("orchestra_tasks", "Tasks by status.", ["status"], registry=REGISTRY)
STEPS_WAITING = Gauge(
    "orchestra_steps_waiting",
    "Steps of running tasks not started yet (the queue's depth, as far as plans go).",
    registry=REGISTRY,
)
STEPS_RUNNING = Gauge("orchestra_steps_running", "Steps being run by an agent.", registry=REGISTRY)
AGENT_UP = Gauge(
    "orchestra_agent_instance_healthy",
    "1 if the agent instance answered its last probe or call.",
    ["agent", "instance"],
    registry=REGISTRY,
)
AGENT_IN_FLIGHT = Gauge(
    "orchestra_agent_instance_in_flight",
    "Steps in flight at the instance.",
    ["agent", "instance"],
    registry=REGISTRY,
)
STEP_SECONDS = Histogram(
    "orchestra_step_duration_seconds",
    "Time from a step's start to its end, by agent, capability and outcome.",
    ["agent", "capability", "status"],
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300),
    registry=REGISTRY,
)
GC_FROZEN = Gauge(
    "orchestra_gc_frozen_objects",
    "Objects moved out of the garbage collector's sight once the process started.",
    registry=REGISTRY,
)
ADMISSION = Gauge(
    "orchestra_admission_tasks",
    "This process's tasks: running, allowed to run now (it follows the event loop's lag), "
    "and waiting in line.",
    ["state"],
    registry=REGISTRY,
)
LOOP_LAG = Gauge(
    "orchestra_event_loop_lag_seconds",
    "Mean lag of this process's event loop over the last window admission judged.",
    registry=REGISTRY,
)
RETRIES = Counter(
    "orchestra_step_retries", "Attempts after the first, by reason.", ["reason"], registry=REGISTRY
)
FAILOVERS = Counter(
    "orchestra_step_failovers",
    "Attempts sent to another instance than the previous attempt.",
    registry=REGISTRY,
)
TASKS_FINISHED = Counter(
    "orchestra_tasks_finished", "Tasks this process finished, by status.", ["status"],
    registry=REGISTRY,
)  # fmt: skip
LLM_TOKENS = Counter(
    "orchestra_llm_tokens",
    "LLM tokens used by this process's tasks (their steps' agents and its own planner, "
    "synthesis and consensus calls), by model, model profile and direction (in/out).",
    ["model", "profile", "direction"],
    registry=REGISTRY,
)
LLM_COST = Counter(
    "orchestra_llm_cost_usd",
    "What those tokens cost in USD at their profile's prices, by model profile; tokens of a "
    "profile without prices add nothing here (see orchestra_llm_tokens_total).",
    ["profile"],
    registry=REGISTRY,
)


def admission(running: int, allowed: int, waiting: int, lag: float) -> None:
    """Set the gauges of the executor's line (see `orchestra.executor.admission`)."""
    ADMISSION.labels("running").set(running)
    ADMISSION.labels("allowed").set(allowed)
    ADMISSION.labels("waiting").set(waiting)
    LOOP_LAG.set(lag)


def count_tokens(
    model: object, profile: object, tokens_in: int, tokens_out: int, cost_usd: float | None
) -> None:
    """Count one LLM use (a step's, or the orchestrator's own call) once it is stored."""
    if tokens_in or tokens_out:
        labels = (str(model or "unknown"), str(profile or "unknown"))
        LLM_TOKENS.labels(*labels, "in").inc(tokens_in)
        LLM_TOKENS.labels(*labels, "out").inc(tokens_out)
        if cost_usd is not None:
            LLM_COST.labels(labels[1]).inc(cost_usd)


def usage_by_profile() -> dict[str, dict[str, float | None]]:
    """This process's totals per profile since it started: tokens in and out, and cost
    (None for a profile whose tokens were never priced)."""
    totals: dict[str, dict[str, float | None]] = {}
    for metric in LLM_TOKENS.collect():
        for sample in metric.samples:
            if sample.name.endswith("_total"):
                entry = totals.setdefault(
                    sample.labels["profile"], {"tokens_in": 0, "tokens_out": 0, "cost_usd": None}
                )
                key = "tokens_in" if sample.labels["direction"] == "in" else "tokens_out"
                entry[key] = (entry[key] or 0) + sample.value
    for metric in LLM_COST.collect():
        for sample in metric.samples:
            if sample.name.endswith("_total") and sample.labels["profile"] in totals:
                totals[sample.labels["profile"]]["cost_usd"] = sample.value
    return totals


async def refresh(db: Database) -> None:
    """Set the database-backed gauges."""
    async with db.reading() as tx:
        rows = await tx.execute(select(Task.status, func.count()).group_by(Task.status))
        counts: dict[str, int] = {status: count for status, count in rows.all()}
        waiting = await tx.scalar(
            select(func.count())
            .select_from(TaskStep)
            .join(Task, Task.id == TaskStep.task_id)
            .where(Task.status == TaskStatus.RUNNING, TaskStep.status == StepStatus.PENDING)
        )
        running = await tx.scalar(
            select(func.count()).select_from(TaskStep).where(TaskStep.status == StepStatus.RUNNING)
        )
        held = (
            select(func.count())
            .select_from(AgentSlot)
            .where(AgentSlot.instance_id == AgentInstance.id)
            .scalar_subquery()
        )
        instances = (
            await tx.execute(
                select(Agent.name, AgentInstance.url, AgentInstance.health, held).join(
                    Agent, Agent.id == AgentInstance.agent_id
                )
            )
        ).all()
    for status in TaskStatus:
        TASKS.labels(status.value).set(counts.get(status, 0))
    STEPS_WAITING.set(waiting or 0)
    STEPS_RUNNING.set(running or 0)
    AGENT_UP.clear()
    AGENT_IN_FLIGHT.clear()
    for name, url, health, in_flight in instances:
        AGENT_UP.labels(name, url).set(1 if health == InstanceHealth.HEALTHY else 0)
        AGENT_IN_FLIGHT.labels(name, url).set(float(cast(int, in_flight) or 0))


def render() -> bytes:
    GC_FROZEN.set(gc.get_freeze_count())
    return generate_latest(REGISTRY)

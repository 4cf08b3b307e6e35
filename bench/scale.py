"""Bulk-inserting finished tasks, with their steps, straight into the orchestrator's tables.

Rows look like what the executor writes for a 3-step task (planner `user`, steps with
agent, timings and outputs); statuses are mixed (completed, failed, canceled) so a
status-filtered page has something to filter. Inserted with SQLAlchemy Core in batches,
not through the API: 100,000 tasks through the API would take an hour here.
"""

from __future__ import annotations

import random
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, insert
from sqlalchemy.engine import make_url

from orchestra.db import Task, TaskStep

BATCH = 5_000
STEPS_PER_TASK = 3


def sync_url(env: dict[str, str]) -> str:
    """The orchestrator's database as a synchronous SQLAlchemy URL."""
    url = (
        env.get("DATABASE_URL") or f"sqlite:///{Path(env['DATA_DIR']) / 'orchestra.db'}"
    )
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        parsed = parsed.set(drivername="sqlite")
    else:
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def _rows(
    n: int, now: datetime, rng: random.Random
) -> tuple[list[dict[str, Any]], list[Any]]:
    tasks: list[dict[str, Any]] = []
    steps: list[dict[str, Any]] = []
    for i in range(n):
        task_id = uuid.uuid4().hex
        # Older than anything the API run created: spread over the last 30 days.
        created = now - timedelta(seconds=60 + (n - i) * 25.0)
        roll = rng.random()
        status = (
            "completed" if roll < 0.9 else ("failed" if roll < 0.97 else "canceled")
        )
        finished = created + timedelta(milliseconds=200 + rng.random() * 3000)
        tasks.append(
            {
                "id": task_id,
                "session_id": None,
                "description": f"Summarize report #{i} and compute its key figures",
                "status": status,
                "planner": "user",
                "planner_reason": None,
                "requested_plan": None,
                "result": f"## Result of task {i}\n\nAll steps done."
                if status == "completed"
                else None,
                "result_data": {"steps": STEPS_PER_TASK}
                if status == "completed"
                else None,
                "error": "Step s2 (bench, bench s2) failed: the agent failed"
                if status == "failed"
                else None,
                "metadata": {},
                "idempotency_key": None,
                "tokens_in": 0,
                "tokens_out": 0,
                "created_at": created,
                "started_at": created + timedelta(milliseconds=20),
                "finished_at": finished,
            }
        )
        for position in range(STEPS_PER_TASK):
            step_id = f"s{position + 1}"
            step_status = status
            if status == "failed":
                step_status = ("completed", "failed", "skipped")[position]
            elif status == "canceled":
                step_status = ("completed", "canceled", "skipped")[position]
            ran = step_status in ("completed", "failed", "canceled")
            steps.append(
                {
                    "id": uuid.uuid4().hex,
                    "task_id": task_id,
                    "step_id": step_id,
                    "position": position,
                    "title": f"bench {step_id}",
                    "instruction": "answer now",
                    "capability": "bench",
                    "depends_on": [f"s{position}"] if position else [],
                    "expected_output": "",
                    "status": step_status,
                    "agent_id": None,
                    "agent_name": "bench-agent",
                    "instance_id": None,
                    "remote_task_id": uuid.uuid4().hex if ran else None,
                    "attempts": 1 if ran else 0,
                    "output": f"done {step_id}" if step_status == "completed" else None,
                    "output_data": {"step": step_id}
                    if step_status == "completed"
                    else None,
                    "error": None,
                    "tokens_in": 0,
                    "tokens_out": 0,
                    "started_at": created + timedelta(milliseconds=30 + 50 * position)
                    if ran
                    else None,
                    "finished_at": created + timedelta(milliseconds=70 + 50 * position)
                    if ran
                    else None,
                }
            )
    return tasks, steps


def fill(env: dict[str, str], count: int, seed: int = 9) -> dict[str, int]:
    """Insert `count` finished tasks (and their steps); returns the row counts."""
    if count <= 0:
        return {"tasks": 0, "steps": 0}
    engine = create_engine(sync_url(env))
    rng = random.Random(seed)
    now = datetime.now(UTC)
    done = {"tasks": 0, "steps": 0}
    try:
        for start in range(0, count, BATCH):
            n = min(BATCH, count - start)
            tasks, steps = _rows(
                n, now - timedelta(seconds=25.0 * (count - start - n)), rng
            )
            with engine.begin() as conn:
                conn.execute(insert(Task.__table__), tasks)
                conn.execute(insert(TaskStep.__table__), steps)
            done["tasks"] += len(tasks)
            done["steps"] += len(steps)
    finally:
        engine.dispose()
    return done

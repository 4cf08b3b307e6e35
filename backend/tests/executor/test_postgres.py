"""The same orchestrator on PostgreSQL: our tables and DBOS's state in one database."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from tests.conftest import start_stack
from tests.stack import wait_for_task


@pytest.mark.postgres
def test_task_runs_on_postgres(tmp_path: Path, postgres_url: str) -> None:
    stack = start_stack(tmp_path, postgres_url)
    try:
        with httpx.Client(base_url=stack["orchestrator"].url, timeout=30) as api:
            created = api.post(
                "/api/tasks",
                json={"description": "compute the average of 3, 5 and 10"},
            ).json()
            task = wait_for_task(api, created["id"], ("completed", "failed"))
            assert task["status"] == "completed", task
            stats = next(s for s in task["steps"] if s["capability"] == "statistics")
            assert stats["output_data"]["result"] == pytest.approx(6.0)
    finally:
        stack.stop()

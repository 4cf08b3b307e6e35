"""`orchestra run`: submits a task, follows it to its end, prints it, and exits 0 on success."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.stack import Stack


def test_run_follows_a_task_to_its_end_and_prints_it(stack: Stack) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "orchestra",
            "run",
            "--url",
            stack["orchestrator"].url,
            "--json",
            "Compute the median of 4, 8, 15 and 16",
        ],
        env=stack.env(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    task = json.loads(done.stdout)
    assert task["status"] == "completed"
    assert "11.5" in task["result"]
    assert all(step["status"] == "completed" for step in task["steps"])

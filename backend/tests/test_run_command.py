"""`orchestra run` submits a task, follows it to its end, prints it, and exits 0 on success;
`orchestra agents` lists agents and says why a registration is refused."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import httpx

from tests.stack import Stack


def orchestra(
    stack: Stack, *args: str, reply: str | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run the `orchestra` command against the stack, as a user's terminal would."""
    return subprocess.run(
        [sys.executable, "-m", "orchestra", *args],
        env=stack.env() | {"COLUMNS": "200"},
        input=reply,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def test_run_follows_a_task_to_its_end_and_prints_it(stack: Stack) -> None:
    done = orchestra(
        stack,
        "run",
        "--url",
        stack["orchestrator"].url,
        "--json",
        "Compute the median of 4, 8, 15 and 16",
    )
    assert done.returncode == 0, done.stderr[-2000:]
    task = json.loads(done.stdout)
    assert task["status"] == "completed"
    assert "11.5" in task["result"]
    assert all(step["status"] == "completed" for step in task["steps"])


def test_agents_command_lists_and_refuses_with_the_apis_message(stack: Stack) -> None:
    def agents(*args: str) -> subprocess.CompletedProcess[str]:
        return orchestra(stack, "agents", *args, timeout=60)

    url = stack["orchestrator"].url
    listed = agents("list", "--url", url)
    assert listed.returncode == 0, listed.stderr
    assert "Analyst Agent" in listed.stdout and "statistics" in listed.stdout
    refused = agents("register", stack["orchestrator"].url, "--url", url)
    assert refused.returncode == 1
    assert "cannot be its own agent" in refused.stderr


def test_run_asks_an_agents_question_on_the_terminal_and_sends_the_reply(stack: Stack) -> None:
    url = stack["orchestrator"].url

    def run(reply: str) -> subprocess.CompletedProcess[str]:
        return orchestra(stack, "run", "--url", url, "--json", "compute the average", reply=reply)

    answered = run("4, 8 and 15\n")
    assert answered.returncode == 0, answered.stderr[-2000:]
    assert "asks: No numbers found to compute on." in answered.stderr
    task = json.loads(answered.stdout)
    assert task["status"] == "completed" and "Mean (average): 9" in task["result"]
    unanswered = run("")
    assert unanswered.returncode == 1
    waiting = re.search(r"No reply: task (\w+) waits", unanswered.stderr)
    assert waiting, unanswered.stderr[-2000:]
    # It still waits: the next run of the command could answer it; here it is canceled.
    canceled = httpx.post(f"{url}/api/tasks/{waiting.group(1)}/cancel", timeout=30)
    assert canceled.status_code == 200


def test_run_prints_why_a_request_was_not_planned_and_exits_non_zero(stack: Stack) -> None:
    url = stack["orchestrator"].url
    done = orchestra(stack, "run", "--url", url, "which of my invoices is overdue")
    assert done.returncode != 0
    # Written to a pipe, the live view ends its line before the reason follows.
    assert "no steps were planned\n" in done.stdout, done.stdout
    assert 'I could not plan "which of my invoices is overdue"' in done.stdout

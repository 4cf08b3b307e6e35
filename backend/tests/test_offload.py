"""Reading requests in worker processes: the event loop stays free, and a deadline holds.

Unit tests drive `orchestra.offload` directly; the last two run a real orchestrator and a
real analyst agent with short deadlines and send them requests that read for seconds.
"""

from __future__ import annotations

import asyncio
import os
import pickle
import random
import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from orchestra.offload import Overtime, offload
from orchestra.planner import plan_deterministic
from orchestra.planner.cli import REFERENCE_CAPABILITIES
from orchestra.planner.errors import (
    EmptyTaskError,
    InvalidPlanError,
    NoCapabilityError,
    OvertimeError,
    PlannerError,
    UnclearRequestError,
)
from tests.stack import Stack, wait_for_task


def _backtrack(length: int) -> bool:
    """A match that backtracks through 2**length ways, holding the GIL all along."""
    return re.match(r"(a+)+$", "a" * length + "b") is not None


async def _ticks_while(work: asyncio.Future[object]) -> int:
    ticks = 0
    while not work.done():
        await asyncio.sleep(0.01)
        ticks += 1
    return ticks


async def test_work_past_its_deadline_is_stopped_while_the_event_loop_runs_on() -> None:
    work = asyncio.ensure_future(offload(1.0, _backtrack, 40))
    ticks = await _ticks_while(work)
    with pytest.raises(Overtime) as stopped:
        await work
    assert stopped.value.seconds == 1.0
    # A thread would have held the GIL for the whole match: no tick at all.
    assert ticks >= 20
    # The killed worker was replaced.
    assert await offload(10.0, os.getpid) != os.getpid()


async def test_a_planners_refusal_comes_back_from_the_worker_as_it_was_raised() -> None:
    with pytest.raises(EmptyTaskError, match="The task description is empty"):
        await offload(30.0, plan_deterministic, "  ", REFERENCE_CAPABILITIES, 8, ())


@pytest.mark.parametrize(
    "error",
    [
        EmptyTaskError(),
        NoCapabilityError(),
        UnclearRequestError("the part", "the reason"),
        InvalidPlanError(["one", "two"]),
        OvertimeError(2.5),
        PlannerError("plain"),
    ],
    ids=lambda error: type(error).__name__,
)
def test_planner_errors_survive_pickling(error: PlannerError) -> None:
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert str(copy) == str(error)
    assert copy.__dict__ == error.__dict__


def _numbers(count: int) -> str:
    """A long list of numbers: seconds of regular-expression reading for the offline path."""
    rng = random.Random(1)
    return " ".join(str(rng.randint(1, 2000)) for _ in range(count))


@pytest.fixture
def slow_stack(tmp_path: Path) -> Iterator[Stack]:
    """An orchestrator and an analyst whose deadlines are far shorter than these readings."""
    stack = Stack(tmp_path, settings={"PLAN_TIMEOUT_SECONDS": "0.05"})
    try:
        stack.add("analyst-agent")
        stack["analyst-agent"].env["ANALYSIS_TIMEOUT_SECONDS"] = "0.1"
        stack["analyst-agent"].start()
        stack.add("orchestrator").start()
        with httpx.Client(base_url=stack["orchestrator"].url, timeout=30) as client:
            response = client.post("/api/agents", json={"card_url": stack["analyst-agent"].url})
            assert response.status_code == 201, response.text
        yield stack
    finally:
        stack.stop()


def test_a_request_too_long_to_read_fails_saying_so_and_the_servers_stay_responsive(
    slow_stack: Stack,
) -> None:
    with httpx.Client(base_url=slow_stack["orchestrator"].url, timeout=30) as api:
        # Planned offline, 13 KB of numbers reads for about two seconds.
        planned = api.post("/api/tasks", json={"description": _numbers(3000)})
        assert planned.status_code == 202, planned.text
        # The analyst: the same numbers as a statistics step, given as a plan.
        step = {
            "id": "s1",
            "title": "Statistics",
            "capability": "statistics",
            "instruction": "the lowest and highest of " + _numbers(3000),
        }
        analysed = api.post("/api/tasks", json={"description": "x", "plan": {"steps": [step]}})
        assert analysed.status_code == 202, analysed.text
        assert api.get("/health").status_code == 200

        task = wait_for_task(api, planned.json()["id"], ("completed", "failed"))
        assert task["status"] == "failed", task
        assert "Reading this request offline took longer than 0.05 s" in task["error"]

        task = wait_for_task(api, analysed.json()["id"], ("completed", "failed"))
        assert task["status"] == "failed", task
        (failed,) = task["steps"]
        assert "The analysis took longer than 0.1 s, so it was stopped" in failed["error"]
        assert failed["attempts"] == 1

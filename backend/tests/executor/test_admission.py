"""Admission: a bounded number of tasks run at once, the rest wait in line in order, and a
full line refuses submissions with 503 and Retry-After."""

from __future__ import annotations

import asyncio
from pathlib import Path

from orchestra.executor.admission import Admission
from tests.executor.slow import Slow
from tests.stack import wait_for_task


async def test_tasks_run_in_turn_in_the_order_they_came() -> None:
    admission = Admission(running=2, waiting=10)
    gate = asyncio.Event()
    order: list[str] = []
    peak = 0

    async def task(name: str) -> None:
        nonlocal peak
        async with admission.turn(name):
            order.append(name)
            peak = max(peak, admission.running)
            await gate.wait()

    jobs = [asyncio.create_task(task(f"t{n}")) for n in range(5)]
    while admission.waiting < 3:  # noqa: ASYNC110 - no event to wait on; each pass yields once
        await asyncio.sleep(0)
    assert order == ["t0", "t1"]
    assert [admission.position(f"t{n}") for n in range(5)] == [None, None, 0, 1, 2]
    gate.set()
    await asyncio.gather(*jobs)
    assert order == ["t0", "t1", "t2", "t3", "t4"]
    assert peak == 2
    assert admission.running == 0 and admission.waiting == 0


async def test_a_task_canceled_in_line_or_just_let_in_leaves_no_place_taken() -> None:
    admission = Admission(running=1, waiting=10)
    release = asyncio.Event()

    async def task(name: str) -> None:
        async with admission.turn(name):
            await release.wait()

    first = asyncio.create_task(task("a"))
    waiting = asyncio.create_task(task("b"))
    later = asyncio.create_task(task("c"))
    while admission.waiting < 2:  # noqa: ASYNC110 - no event to wait on; each pass yields once
        await asyncio.sleep(0)
    waiting.cancel()  # leaves the line
    await asyncio.gather(waiting, return_exceptions=True)
    assert admission.position("c") is not None and admission.waiting == 1
    release.set()
    await asyncio.gather(first, later)
    assert admission.running == 0 and admission.waiting == 0


async def test_a_task_has_its_place_from_its_submission_before_its_workflow_starts() -> None:
    admission = Admission(running=1, waiting=2)
    admission.reserve("a")
    admission.reserve("b")
    admission.reserve("c")
    assert admission.position("a") is None  # let in
    assert [admission.position("b"), admission.position("c")] == [0, 1]
    assert admission.full
    admission.withdraw("b")  # its workflow did not start after all
    assert admission.position("c") == 1 and not admission.full
    async with admission.turn("a"):
        assert admission.running == 1
    async with admission.turn("c"):
        assert admission.waiting == 0
    assert admission.running == 0


def test_a_full_line_refuses_submissions_and_the_line_moves_on(tmp_path: Path) -> None:
    slow = Slow(tmp_path, 1.0, settings={"MAX_RUNNING_TASKS": "1", "MAX_WAITING_TASKS": "1"})
    plan = {"steps": [{"id": "a", "title": "a", "instruction": "a", "capability": "wait-a"}]}
    body = {"description": "one", "plan": plan}
    try:
        first = slow.api.post("/api/tasks", json=body)
        assert first.status_code == 202 and "queue-position" not in first.headers
        wait_for_task(slow.api, first.json()["id"], ("running",))
        second = slow.api.post("/api/tasks", json=body)
        assert second.status_code == 202
        assert second.headers["queue-position"] == "0"
        refused = slow.api.post("/api/tasks", json=body)
        assert refused.status_code == 503, refused.text
        assert refused.json()["error"]["code"] == "executor_saturated"
        assert int(refused.headers["retry-after"]) > 0
        waiting = slow.api.get(f"/api/tasks/{second.json()['id']}")
        assert waiting.json()["status"] == "pending"
        assert waiting.headers["queue-position"] == "0"
        done = [
            wait_for_task(slow.api, r.json()["id"], ("completed", "failed"))
            for r in (first, second)
        ]
        assert [t["status"] for t in done] == ["completed", "completed"]
        assert done[1]["started_at"] >= done[0]["finished_at"]
        listed = slow.api.get("/api/tasks").json()
        assert listed["total"] == 2, "the refused submission stored nothing"
    finally:
        slow.close()


async def test_past_the_least_tasks_start_only_while_the_event_loop_keeps_up() -> None:
    """Quick agents keep the loop busy: more running tasks would not end sooner, and every
    request to the API would wait behind them. Slow agents leave it idle: all may run."""
    admission = Admission(running=6, waiting=10, least=2, target=0.01)
    admission.note_lag(1.0, now=0.0)  # a loop far behind
    for n in range(5):
        admission.reserve(f"t{n}")
    assert (admission.running, admission.waiting) == (2, 3)
    for window in range(1, 10):  # it keeps up: the waiting ones are let in
        admission.note_lag(0.0, now=window * 1.0)
    assert (admission.running, admission.waiting) == (5, 0)
    admission.reserve("t5")
    admission.reserve("t6")  # never past the most
    assert (admission.running, admission.waiting) == (6, 1)
    admission.note_lag(1.0, now=20.0)  # behind again: a place freed is not taken again
    admission.withdraw("t0")
    assert (admission.running, admission.waiting) == (5, 1)


async def test_a_start_lost_to_a_second_start_here_keeps_the_place_in_line() -> None:
    """A task's workflow started twice in this process (its own start, and another that
    adopted pending tasks): the start that lost gives back nothing the other holds."""
    admission = Admission(running=1, waiting=10)
    release = asyncio.Event()

    async def task(name: str) -> None:
        async with admission.turn(name):
            await release.wait()

    first = asyncio.create_task(task("a"))
    while admission.running < 1:  # noqa: ASYNC110 - no event to wait on
        await asyncio.sleep(0)
    admission.reserve("b")  # submitted: waits in line
    second = asyncio.create_task(task("b"))  # its workflow, started by the other start
    while "b" not in admission._turning:  # noqa: ASYNC110 - no event to wait on
        await asyncio.sleep(0)
    admission.withdraw("b")  # the start that lost
    assert admission.position("b") == 0
    release.set()
    await asyncio.wait_for(asyncio.gather(first, second), 5)
    assert admission.running == 0 and admission.waiting == 0

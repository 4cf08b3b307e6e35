"""Agents that ask, end to end: the analyst answers input-required, the task waits for a
reply (through an orchestrator crash), the reply goes to the same A2A task, and the task
completes with it. Real processes: orchestrator and agents (tests/stack.py)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from orchestra.agents.analyst.numeric import NO_NUMBERS
from tests.conftest import start_stack
from tests.executor.slow import Slow, remote_state, wait_until_step_status
from tests.llm.fake_provider import FakeProvider, Reply
from tests.stack import Stack, task_events, wait_for_task


@pytest.fixture(scope="module")
def asking(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    stack = start_stack(tmp_path_factory.mktemp("asking"))
    yield stack
    stack.stop()


def _client(stack: Stack) -> httpx.Client:
    return httpx.Client(base_url=stack["orchestrator"].url, timeout=30)


def _ask(api: httpx.Client, description: str = "compute the average") -> dict[str, object]:
    created = api.post("/api/tasks", json={"description": description})
    assert created.status_code == 202, created.text
    return wait_for_task(api, created.json()["id"], ("input_required", "failed", "completed"))


def test_a_question_waits_through_a_crash_and_the_reply_completes_the_task(
    asking: Stack,
) -> None:
    with _client(asking) as api:
        task = _ask(api)
        assert task["status"] == "input_required", task
        task_id = str(task["id"])
        [step] = task["steps"]  # type: ignore[misc]
        assert step["status"] == "input_required" and step["agent"] == "Analyst Agent"
        assert step["question"]["text"] == NO_NUMBERS
        remote = step["remote_task_id"]
        assert remote_state(asking["analyst-agent"].url, remote, 0.5) == "TASK_STATE_INPUT_REQUIRED"

        asking["orchestrator"].kill()  # kill -9 while the task waits
        asking["orchestrator"].start()
        assert api.get(f"/api/tasks/{task_id}").json()["status"] == "input_required"

        replied = api.post(
            f"/api/tasks/{task_id}/input", json={"step": step["id"], "text": "4, 8 and 15"}
        )
        assert replied.status_code == 200, replied.text
        done = wait_for_task(api, task_id, ("completed", "failed"))
        assert done["status"] == "completed", done
        [answered] = done["steps"]  # type: ignore[misc]
        assert "Mean (average): 9" in str(done["result"])
        assert answered["output_data"]["mean"] == 9
        assert answered["remote_task_id"] == remote  # the same A2A task went on
        assert answered["question"]["text"] == NO_NUMBERS
        assert answered["reply"]["text"] == "4, 8 and 15"
        assert remote_state(asking["analyst-agent"].url, remote, 0.5) == "TASK_STATE_COMPLETED"

        events = task_events(api, task_id)
        types = [e["type"] for e in events]
        asked = next(e for e in events if e["type"] == "task.input_required")
        assert asked["data"]["text"] == NO_NUMBERS and asked["data"]["step"] == step["id"]
        assert types.index("step.input_required") < types.index("task.input_required")
        assert types.index("task.input_required") < types.index("step.replied")
        assert types.index("step.replied") < types.index("step.completed")

        again = api.post(f"/api/tasks/{task_id}/input", json={"step": step["id"], "text": "1"})
        assert again.status_code == 409
        assert again.json()["error"]["code"] == "step_not_waiting"


def test_bad_replies_are_refused(asking: Stack) -> None:
    with _client(asking) as api:
        task = _ask(api)
        task_id = task["id"]
        step = task["steps"][0]["id"]  # type: ignore[index]
        empty = api.post(f"/api/tasks/{task_id}/input", json={"step": step, "text": "  "})
        assert empty.status_code == 422 and empty.json()["error"]["code"] == "empty_reply"
        wrong = api.post(f"/api/tasks/{task_id}/input", json={"step": "s9", "text": "4"})
        assert wrong.status_code == 422 and wrong.json()["error"]["code"] == "unknown_step"
        unknown = api.post("/api/tasks/" + "0" * 32 + "/input", json={"step": step, "text": "4"})
        assert unknown.status_code == 404
        assert api.get(f"/api/tasks/{task_id}").json()["status"] == "input_required"
        assert api.post(f"/api/tasks/{task_id}/cancel").status_code == 200


def test_a_cancel_ends_the_wait_and_the_agents_task(asking: Stack) -> None:
    with _client(asking) as api:
        task = _ask(api)
        remote = task["steps"][0]["remote_task_id"]  # type: ignore[index]
        assert api.post(f"/api/tasks/{task['id']}/cancel").status_code == 200
        done = wait_for_task(api, str(task["id"]), ("canceled",), timeout=10)
        assert done["steps"][0]["status"] == "canceled"  # type: ignore[index]
        assert remote_state(asking["analyst-agent"].url, remote) == "TASK_STATE_CANCELED"
        late = api.post(f"/api/tasks/{task['id']}/input", json={"step": "s1", "text": "4"})
        assert late.status_code == 409


def test_a_question_with_no_reply_in_time_fails_its_task_and_holds_no_place(
    tmp_path: Path,
) -> None:
    """INPUT_WAIT_HOURS bounds the wait; meanwhile, with room for one running task, the
    waiting task lets another run."""
    stack = Stack(tmp_path, settings={"INPUT_WAIT_HOURS": "0.002", "MAX_RUNNING_TASKS": "1"})
    try:
        stack.add("analyst-agent").start()
        stack.add("orchestrator").start()
        with _client(stack) as api:
            agent = api.post("/api/agents", json={"card_url": stack["analyst-agent"].url})
            assert agent.status_code == 201, agent.text
            waiting = _ask(api)
            assert waiting["status"] == "input_required"
            other = api.post("/api/tasks", json={"description": "compute the sum of 2 and 3"})
            done = wait_for_task(api, other.json()["id"], ("completed", "failed"))
            assert done["status"] == "completed" and "5" in str(done["result"])
            started = time.monotonic()
            failed = wait_for_task(api, str(waiting["id"]), ("failed", "completed"), timeout=60)
            assert failed["status"] == "failed"
            assert "No one replied to the question of step" in str(failed["error"])
            assert time.monotonic() - started < 30
    finally:
        stack.stop()


async def test_the_python_client_replies(asking: Stack) -> None:
    from orchestra.client import AsyncOrchestra, BadRequest, Conflict

    async with AsyncOrchestra(asking["orchestrator"].url) as orchestra:
        task = await orchestra.submit("what is the median?")
        async for seen in orchestra.changes(task.id):
            if seen.status == "input_required":
                break
        step = next(s for s in seen.steps if s.status == "input_required")
        assert step.question is not None and step.question.text == NO_NUMBERS
        with pytest.raises(BadRequest) as empty:
            await orchestra.reply(task.id, step.id, " ")
        assert empty.value.code == "empty_reply"
        await orchestra.reply(task.id, step.id, "2, 3 and 5")
        done = await orchestra.wait(task.id, timeout=60)
        assert done.status == "completed" and "Median: 3" in str(done.result)
        with pytest.raises(Conflict):
            await orchestra.reply(task.id, step.id, "7")


ASKING_PLAN = {
    "steps": [
        {"id": "ask", "title": "Ask", "instruction": "ask how long", "capability": "wait-a"},
        {"id": "other", "title": "Other", "instruction": "wait 0.1", "capability": "wait-b"},
        {"id": "after", "title": "After", "instruction": "wait 0.1", "capability": "wait-c",
         "depends_on": ["ask", "other"]},
    ]
}  # fmt: skip


def test_other_steps_go_on_and_a_reply_in_flight_at_a_crash_is_not_sent_twice(
    tmp_path: Path,
) -> None:
    """With a model writing the result, finishing the task is a durable step of its own:
    the workflow, run again after the crash, must take its steps in the order it took them
    (the run before the reply waits, as it did), else DBOS refuses to go on."""
    with FakeProvider() as provider:
        provider.answer("fake-model", Reply(content="All three steps are done."))
        settings = {
            "LLM_PROVIDER": "openai",
            "LLM_MODEL": "fake-model",
            "OPENAI_API_KEY": "test-key",
            "OPENAI_BASE_URL": f"{provider.url}/v1",
            "LLM_MAX_RETRIES": "0",
        }
        slow = Slow(tmp_path, 0.1, settings=settings)
        try:
            _other_steps_go_on_and_the_reply_is_sent_once(slow)
        finally:
            slow.close()


def _other_steps_go_on_and_the_reply_is_sent_once(slow: Slow) -> None:
    task_id = slow.submit(ASKING_PLAN)
    task = wait_for_task(slow.api, task_id, ("input_required", "failed"), timeout=30)
    wait_until_step_status(slow.api, task_id, "other", "completed")
    task = slow.api.get(f"/api/tasks/{task_id}").json()
    steps = {s["id"]: s for s in task["steps"]}
    assert task["status"] == "input_required"
    assert steps["ask"]["question"] == {
        "text": "How many seconds shall I wait?",
        "data": {"unit": "s"},
        "asked_at": steps["ask"]["question"]["asked_at"],
    }
    assert steps["after"]["status"] == "pending"  # it needs the step that waits

    assert (
        slow.api.post(f"/api/tasks/{task_id}/input", json={"step": "ask", "text": "3"}).status_code
        == 200
    )
    wait_until_step_status(slow.api, task_id, "ask", "running")
    deadline = time.monotonic() + 30
    while f"{task_id} ask reply 3" not in slow.calls.read_text():  # the agent works on it
        assert time.monotonic() < deadline
        time.sleep(0.05)
    slow.orchestrator.kill()
    slow.orchestrator.start()
    done = wait_for_task(slow.api, task_id, ("completed", "failed"), timeout=60)
    assert done["status"] == "completed", done
    lines = [line for line in slow.calls.read_text().splitlines() if line.startswith(task_id)]
    # The reply reached the agent once: after the crash its task was followed, not sent again.
    assert [line for line in lines if line.split()[1] == "ask"] == [
        f"{task_id} ask asked",
        f"{task_id} ask reply 3",
    ]
    assert slow.received(task_id).count("after") == 1
    steps = {s["id"]: s for s in done["steps"]}
    assert steps["ask"]["output"].startswith("waited 3.0 s for ask")
    assert done["result"] == "All three steps are done."  # written by the model


def _other_step_takes(seconds: int) -> dict[str, object]:
    """ASKING_PLAN with its step "other" (beside the step that asks) running `seconds`."""
    ask, other, after = ASKING_PLAN["steps"]
    return {"steps": [ask, {**other, "instruction": f"wait {seconds}"}, after]}


def test_a_reply_sent_while_other_steps_still_run_is_taken_once_they_settle(
    tmp_path: Path,
) -> None:
    """A task runs outside a durable workflow until it must wait; its workflow starts once
    the steps still running have settled. A reply sent before that start waits for it."""
    plan = _other_step_takes(2)
    slow = Slow(tmp_path, 0.1)
    try:
        task_id = slow.submit(plan)
        task = wait_for_task(slow.api, task_id, ("input_required", "failed"), timeout=30)
        assert task["status"] == "input_required", task
        other = next(s for s in task["steps"] if s["id"] == "other")
        assert other["status"] == "running"  # the reply comes before the task's workflow
        replied = slow.api.post(f"/api/tasks/{task_id}/input", json={"step": "ask", "text": "0"})
        assert replied.status_code == 200, replied.text
        done = wait_for_task(slow.api, task_id, ("completed", "failed"), timeout=30)
        assert done["status"] == "completed", done
        assert f"{task_id} ask reply 0" in slow.calls.read_text()
    finally:
        slow.close()


def test_a_reply_sent_while_a_long_step_still_runs_is_refused_until_it_settles(
    tmp_path: Path,
) -> None:
    """The reply waits for the task's workflow a few seconds at most; then it is refused with
    409, nothing is taken, and the same reply sent once the step has settled is."""
    plan = _other_step_takes(14)
    slow = Slow(tmp_path, 0.1)
    try:
        task_id = slow.submit(plan)
        wait_for_task(slow.api, task_id, ("input_required", "failed"), timeout=30)
        reply = {"step": "ask", "text": "0"}
        refused = slow.api.post(f"/api/tasks/{task_id}/input", json=reply)
        assert refused.status_code == 409, refused.text
        assert refused.json()["error"]["code"] == "task_settling"
        assert f"{task_id} ask reply" not in slow.calls.read_text()
        wait_until_step_status(slow.api, task_id, "other", "completed")
        deadline = time.monotonic() + 30
        while (
            taken := slow.api.post(f"/api/tasks/{task_id}/input", json=reply)
        ).status_code == 409:
            assert time.monotonic() < deadline, taken.text  # its workflow starts just after
            time.sleep(0.2)
        assert taken.status_code == 200, taken.text
        done = wait_for_task(slow.api, task_id, ("completed", "failed"), timeout=30)
        assert done["status"] == "completed", done
    finally:
        slow.close()

"""Consensus steps in real processes: three research-agent instances, each on its own model
profile, answer one instruction; the orchestrator aggregates their answers.

The LLM vendor is the fake OpenAI-compatible server, whose models answer differently (two
say 42, one says 41); everything else is real. Participants are ordinary steps of the task
(`<id>@<label>`), so crash-resume, cancel and retries are the executor's, as for any step
(tests/executor/test_execution.py, test_faults.py); the kill -9 test here shows it for a
consensus in flight. The rest covers what a consensus adds.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.executor.slow import wait_until_step_status
from tests.llm.fake_provider import FakeProvider, Reply
from tests.stack import Stack, task_events, wait_for_task

ANSWERS = {
    "fast": "The answer is 42.",
    "smart": "The answer is 42, I am sure of it.",
    "local": "Perhaps it is 41, or so.",
    "spare": "It is 42.",
}


@dataclass
class Consensus:
    api: httpx.Client
    stack: Stack
    provider: FakeProvider
    calls: Path


@pytest.fixture(scope="module")
def consensus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Consensus]:
    tmp_path = tmp_path_factory.mktemp("consensus")
    with FakeProvider(models=tuple(f"{p}-model" for p in ANSWERS)) as provider:
        for profile, text in ANSWERS.items():
            provider.answer(f"{profile}-model", Reply(content=text, model=f"{profile}-model"))
        shared = {"provider": "openai", "base_url": f"{provider.url}/v1", "api_key_env": "FAKE_KEY"}
        profiles = {p: {**shared, "model": f"{p}-model"} for p in ANSWERS}
        profiles["quiet"] = {"provider": "offline"}
        settings = {
            "MODEL_PROFILES": json.dumps(profiles),
            "FAKE_KEY": "test-key",
            "LLM_MAX_RETRIES": "0",
            "STEP_MAX_ATTEMPTS": "2",
        }
        stack = Stack(tmp_path, settings=settings)
        calls = tmp_path / "calls.txt"
        try:
            for profile in ANSWERS:
                stack.add("research-agent", key=profile, options=("--model", profile)).start()
            for name in ("alpha", "beta"):
                stack.add_slow_agent(name, 0.0, calls, capabilities=("opinion",)).start()
            orchestrator = stack.add("orchestrator").start()
            with httpx.Client(base_url=orchestrator.url, timeout=30) as api:
                for key in [*ANSWERS, "alpha", "beta"]:
                    registered = api.post("/api/agents", json={"card_url": stack[key].url})
                    assert registered.status_code == 201, registered.text
                yield Consensus(api, stack, provider, calls)
        finally:
            stack.stop()


def _plan(**step: Any) -> dict[str, Any]:
    consensus = {
        "id": "s1",
        "title": "Ask the models",
        "instruction": "What is six times seven?",
        "capability": "research",
        "kind": "consensus",
        "participants": {"profiles": ["fast", "smart", "local"]},
        **step,
    }
    return {"steps": [consensus]}


def _run(api: httpx.Client, plan: dict[str, Any]) -> dict[str, Any]:
    created = api.post("/api/tasks", json={"description": "Six times seven?", "plan": plan})
    assert created.status_code == 202, created.text
    return wait_for_task(api, created.json()["id"], ("completed", "failed", "canceled"), 90)


def _steps(task: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {s["id"]: s for s in task["steps"]}


def test_vote_takes_the_majority_of_three_models(consensus: Consensus) -> None:
    task = _run(consensus.api, _plan(aggregator="vote"))
    assert task["status"] == "completed", task
    steps = _steps(task)
    assert list(steps) == ["s1@fast", "s1@smart", "s1@local", "s1"]
    # Each participant went to the instance serving its profile, so to its model.
    for label in ("fast", "smart", "local"):
        participant = steps[f"s1@{label}"]
        assert (participant["kind"], participant["profile"]) == ("participant", label)
        assert participant["participant"] == {"of": "s1", "label": label}
        assert participant["output"] == ANSWERS[label]
    step = steps["s1"]
    assert step["kind"] == "consensus"
    assert step["agent"] is None
    assert step["depends_on"] == ["s1@fast", "s1@smart", "s1@local"]
    assert step["consensus"]["participants"] == {"profiles": ["fast", "smart", "local"]}
    assert (step["consensus"]["aggregator"], step["consensus"]["quorum"]) == ("vote", 1)
    found = step["output_data"]["consensus"]
    assert set(found) == {"aggregator", "answer", "value", "agreement", "participants"}
    assert (found["aggregator"], found["value"]) == ("vote", 42)
    assert found["answer"] == step["output"] == ANSWERS["fast"]
    agreement = found["agreement"]
    assert agreement["vote_share"] == pytest.approx(2 / 3, abs=1e-3)
    assert agreement["labels"] == ["fast", "smart", "local"]
    matrix = agreement["similarity"]
    assert [len(row) for row in matrix] == [3, 3, 3]
    assert [matrix[i][i] for i in range(3)] == [1.0, 1.0, 1.0]
    assert matrix[0][1] == matrix[1][0] and 0 < matrix[0][2] < matrix[0][1] < 1
    pairs = (matrix[0][1], matrix[0][2], matrix[1][2])
    assert agreement["score"] == pytest.approx(sum(pairs) / 3, abs=1e-3)
    by_label = {p["label"]: p for p in found["participants"]}
    assert set(by_label["local"]) == {
        "label",
        "step_id",
        "agent",
        "profile",
        "model",
        "status",
        "answer",
        "value",
        "error",
        "sentiment",
    }
    assert by_label["local"]["value"] == 41
    assert by_label["smart"]["model"] == "smart-model"
    assert by_label["fast"]["agent"] == "Research Agent"
    assert by_label["fast"]["status"] == "completed" and by_label["fast"]["error"] is None
    assert by_label["smart"]["sentiment"]["label"] in {"positive", "negative", "neutral", "mixed"}
    # The task's result is the consensus, not the three answers again.
    assert task["result"] == f"## Ask the models\n\n{ANSWERS['fast']}"
    models = {r.body["model"] for r in consensus.provider.chat_requests}
    assert {"fast-model", "smart-model", "local-model"} <= models


def test_central_picks_the_answer_most_like_the_others(consensus: Consensus) -> None:
    task = _run(consensus.api, _plan(aggregator="central"))
    assert task["status"] == "completed", task
    found = _steps(task)["s1"]["output_data"]["consensus"]
    assert found["aggregator"] == "central"
    # "...42, I am sure of it." shares words with both others; the other two less so.
    assert found["answer"] == ANSWERS["smart"]
    assert found["value"] is None and found["agreement"]["vote_share"] is None


def test_a_participant_down_fails_alone_and_the_consensus_completes(
    consensus: Consensus,
) -> None:
    consensus.stack["spare"].stop()
    plan = _plan(participants={"profiles": ["fast", "local", "spare"]}, aggregator="vote")
    task = _run(consensus.api, plan)
    assert task["status"] == "completed", task
    steps = _steps(task)
    assert steps["s1@spare"]["status"] == "failed"
    assert steps["s1"]["status"] == "completed"
    found = steps["s1"]["output_data"]["consensus"]
    spare = next(p for p in found["participants"] if p["label"] == "spare")
    assert spare["status"] == "failed" and spare["answer"] is None
    assert spare["error"] == steps["s1@spare"]["error"]
    assert found["agreement"]["labels"] == ["fast", "local"]
    assert len(found["agreement"]["similarity"]) == 2
    # Two answered, one each: a tie, said as such.
    assert found["value"] is None
    assert found["answer"] == "No majority: 42 and 41 got 1 vote each."


def test_too_few_answers_for_the_quorum_fail_the_task(consensus: Consensus) -> None:
    plan = _plan(participants={"profiles": ["fast", "quiet"]}, quorum=2)
    task = _run(consensus.api, plan)
    assert task["status"] == "failed", task
    steps = _steps(task)
    # No instance serves `quiet`: that participant fails with the reason, at run time.
    assert "serves the model profile 'quiet'" in steps["s1@quiet"]["error"]
    assert steps["s1@fast"]["status"] == "completed"
    assert "1 of 2 participants answered; the consensus needs 2" in task["error"]


def test_agents_can_be_the_participants(consensus: Consensus) -> None:
    plan = _plan(capability="opinion", participants={"agents": ["alpha", "beta"]})
    task = _run(consensus.api, plan)
    assert task["status"] == "completed", task
    steps = _steps(task)
    assert (steps["s1@alpha"]["agent"], steps["s1@beta"]["agent"]) == ("alpha", "beta")
    found = steps["s1"]["output_data"]["consensus"]
    assert [p["agent"] for p in found["participants"]] == ["alpha", "beta"]
    assert [p["profile"] for p in found["participants"]] == [None, None]
    sent = [line.split() for line in consensus.calls.read_text().splitlines()]
    assert sorted(step for task_id, step in sent if task_id == task["id"]) == [
        "s1@alpha",
        "s1@beta",
    ]


@pytest.mark.parametrize(
    ("step", "says"),
    [
        ({"participants": {"profiles": ["fast", "nope"]}}, "unknown model profile 'nope'"),
        ({"participants": {"profiles": ["fast"]}}, "at least 2 participants"),
        ({"participants": {"agents": ["alpha", "ghost"]}}, "no agent named 'ghost'"),
        (
            {"capability": "research", "participants": {"agents": ["alpha", "beta"]}},
            "does not offer the capability 'research'",
        ),
        ({"aggregator": "llm"}, "llm aggregation needs a model"),
        ({"aggregator": "llm", "aggregator_profile": "quiet"}, "the profile 'quiet' is offline"),
        ({"quorum": 4}, "4 is more than the 3 participants"),
    ],
)
def test_a_bad_consensus_step_is_422_naming_the_field(
    consensus: Consensus, step: dict[str, Any], says: str
) -> None:
    response = consensus.api.post("/api/tasks", json={"description": "x", "plan": _plan(**step)})
    assert response.status_code == 422, response.text
    assert says in response.text
    assert "Step 's1' " in response.json()["error"]["message"]


def test_an_unknown_aggregator_is_422_naming_the_field(consensus: Consensus) -> None:
    plan = _plan(aggregator="median")
    response = consensus.api.post("/api/tasks", json={"description": "x", "plan": plan})
    assert response.status_code == 422, response.text
    assert "plan.steps.0.aggregator" in response.text and "central" in response.text


def test_llm_aggregation_writes_the_consensus_with_the_named_profile(
    consensus: Consensus,
) -> None:
    consensus.provider.answer("spare-model", Reply(content="They agree: 42.", model="spare-model"))
    task = _run(consensus.api, _plan(aggregator="llm", aggregator_profile="spare"))
    consensus.provider.answer("spare-model", Reply(content=ANSWERS["spare"], model="spare-model"))
    assert task["status"] == "completed", task
    step = _steps(task)["s1"]
    found = step["output_data"]["consensus"]
    assert found["aggregator"] == "llm" and found["answer"] == "They agree: 42."
    assert step["tokens_in"] > 0
    assert step["llm_profile"] == "spare"  # the aggregator's tokens are its profile's
    written = [r for r in consensus.provider.chat_requests if r.body["model"] == "spare-model"]
    assert all(text in written[-1].prompt for text in ANSWERS.values() if text != ANSWERS["spare"])


def test_a_workflow_step_can_be_a_consensus(consensus: Consensus) -> None:
    definition: dict[str, Any] = {
        "name": "Ask twice",
        "input_schema": {"type": "object", "properties": {"a": {"type": "integer"}}},
        "steps": [
            {
                "id": "pre",
                "title": "Prepare",
                "capability": "opinion",
                "instruction": "Get ready",
            },
            {
                "id": "ask",
                "title": "Ask the models",
                "capability": "research",
                "instruction": "What is {{ inputs.a }} times seven? ({{ steps.pre.data.step }})",
                "depends_on": ["pre"],
                "condition": "inputs.a < 100",
                "kind": "consensus",
                "participants": {"profiles": ["fast", "smart", "local"]},
            },
            {
                "id": "check",
                "title": "Check",
                "capability": "opinion",
                "instruction": "The models said {{ steps.ask.data.consensus.value }}",
                "depends_on": ["ask"],
            },
        ],
        "outputs": {"value": "steps.ask.data.consensus.value"},
    }
    saved = consensus.api.post("/api/workflows", json=definition)
    assert saved.status_code == 201, saved.text
    runs = f"/api/workflows/{saved.json()['id']}/runs"
    started = consensus.api.post(runs, json={"inputs": {"a": 6}})
    assert started.status_code == 202, started.text
    task = wait_for_task(consensus.api, started.json()["id"], ("completed", "failed"), 90)
    assert task["status"] == "completed", task
    steps = _steps(task)
    # Each participant is prepared as the step would be: its template sees `pre`'s data.
    assert steps["ask@fast"]["instruction"] == "What is 6 times seven? (pre)"
    assert steps["check"]["instruction"] == "The models said 42"
    assert task["result_data"]["outputs"] == {"value": 42}
    # A false condition skips every participant, so the consensus, and what needs it.
    skipped = consensus.api.post(runs, json={"inputs": {"a": 500}})
    task = wait_for_task(consensus.api, skipped.json()["id"], ("completed", "failed"), 90)
    assert task["status"] == "completed", task
    statuses = {s["id"]: s["status"] for s in task["steps"]}
    assert statuses == {
        "pre": "completed",
        "ask@fast": "skipped",
        "ask@smart": "skipped",
        "ask@local": "skipped",
        "ask": "skipped",
        "check": "skipped",
    }
    bad = {**definition, "steps": [{**definition["steps"][1], "participants": {"profiles": []}}]}
    refused = consensus.api.post("/api/workflows", json=bad)
    assert refused.status_code == 422, refused.text
    assert "steps.0.participants" in refused.text


def _slow_pair(tmp_path: Path, delays: tuple[float, float]) -> tuple[Stack, httpx.Client, Path]:
    """An orchestrator and two slow test agents, alpha and beta, offering `opinion`."""
    calls = tmp_path / "calls.txt"
    calls.touch()
    stack = Stack(tmp_path)
    try:
        for key, delay in zip(("alpha", "beta"), delays, strict=True):
            stack.add_slow_agent(key, delay, calls, capabilities=("opinion",)).start()
        orchestrator = stack.add("orchestrator").start()
        api = httpx.Client(base_url=orchestrator.url, timeout=30)
        for key in ("alpha", "beta"):
            registered = api.post("/api/agents", json={"card_url": stack[key].url})
            assert registered.status_code == 201, registered.text
    except BaseException:
        stack.stop()
        raise
    return stack, api, calls


def test_cancel_mid_consensus_cancels_the_participants_and_the_consensus(
    tmp_path: Path,
) -> None:
    stack, api, _ = _slow_pair(tmp_path, (0.1, 30.0))
    try:
        plan = _plan(capability="opinion", participants={"agents": ["alpha", "beta"]})
        created = api.post("/api/tasks", json={"description": "cancel", "plan": plan})
        assert created.status_code == 202, created.text
        task_id = created.json()["id"]
        wait_until_step_status(api, task_id, "s1@alpha", "completed")
        wait_until_step_status(api, task_id, "s1@beta", "running")
        assert api.post(f"/api/tasks/{task_id}/cancel").status_code == 200
        task = wait_for_task(api, task_id, ("canceled",), 10)
    finally:
        api.close()
        stack.stop()
    statuses = {s["id"]: s["status"] for s in task["steps"]}
    assert statuses == {"s1@alpha": "completed", "s1@beta": "canceled", "s1": "canceled"}


def test_kill_9_mid_consensus_then_restart_completes_without_resending_answered_participants(
    tmp_path: Path,
) -> None:
    stack, api, calls = _slow_pair(tmp_path, (0.1, 3.0))
    orchestrator = stack["orchestrator"]
    try:
        plan = _plan(capability="opinion", participants={"agents": ["alpha", "beta"]})
        after = {"id": "s2", "title": "After", "instruction": "step s2",
                 "capability": "opinion", "depends_on": ["s1"]}  # fmt: skip
        plan["steps"].append(after)
        created = api.post("/api/tasks", json={"description": "crash", "plan": plan})
        assert created.status_code == 202, created.text
        task_id = created.json()["id"]
        wait_until_step_status(api, task_id, "s1@alpha", "completed")
        wait_until_step_status(api, task_id, "s1@beta", "running")
        orchestrator.kill()
        orchestrator.start()
        task = wait_for_task(api, task_id, ("completed", "failed"), 90)
        attempts = [e["step_id"] for e in task_events(api, task_id) if e["type"] == "step.attempt"]
    finally:
        api.close()
        stack.stop()
    assert task["status"] == "completed", task
    assert attempts.count("s1@alpha") == 1, attempts  # the orchestrator never sent it again
    received = [line.split()[1] for line in calls.read_text().splitlines() if task_id in line]
    # Answered before the crash: never sent again; in flight: may be sent again.
    assert received.count("s1@alpha") == 1, received
    assert "s1@beta" in received and received.count("s2") == 1, received
    found = _steps(task)["s1"]["output_data"]["consensus"]
    assert [p["status"] for p in found["participants"]] == ["completed", "completed"]

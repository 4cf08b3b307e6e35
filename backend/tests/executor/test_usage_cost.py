"""Token usage and cost: a step carries the profile that answered, its tokens and their cost
at that profile's prices; the task adds its own synthesis call; /metrics and /api/models count
them per profile.

Real orchestrator and agents; the models are the fake OpenAI-compatible server.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import httpx
import pytest

from tests.llm.fake_provider import FakeProvider, Reply
from tests.stack import Stack, wait_for_task

PLAN = {
    "steps": [
        {"id": "s1", "title": "Tides", "instruction": "Explain tides", "capability": "research"},
        {
            "id": "s2",
            "title": "Mean",
            "instruction": "Compute the mean of 4, 8 and 15",
            "capability": "statistics",
        },
    ]
}


def _metric(text: str, name: str, **labels: str) -> float:
    """The value of the sample of `name` with (at least) these labels."""
    for line in text.splitlines():
        match = re.match(rf"^{name}\{{(.*)\}} (\S+)$", line)
        if match and all(f'{k}="{v}"' in match.group(1) for k, v in labels.items()):
            return float(match.group(2))
    raise AssertionError(f"no {name} with {labels} in /metrics")


def test_steps_and_task_carry_tokens_and_cost_at_the_profiles_prices(tmp_path: Path) -> None:
    with FakeProvider(models=("research-model", "writer-model")) as provider:
        provider.answer(
            "research-model",
            Reply(content="Tides come from the moon.", tokens=(1000, 500), model="research-model"),
        )
        provider.answer("writer-model", Reply(content="The moon makes the tides; mean 9.",
                                              tokens=(300, 100), model="writer-model"))  # fmt: skip
        served = {"provider": "openai", "base_url": f"{provider.url}/v1", "api_key_env": "FK"}
        profiles = {
            # $2 per million prompt tokens, $8 per million completion tokens.
            "priced": {**served, "model": "research-model", "input_price": 2, "output_price": 8},
            "writer": {**served, "model": "writer-model", "input_price": 1, "output_price": 4},
        }
        settings = {
            "MODEL_PROFILES": json.dumps(profiles),
            "FK": "test-key",
            "SYNTHESIS_MODEL": "writer",
        }
        stack = Stack(tmp_path, settings=settings)
        try:
            research = stack.add("research-agent", options=("--model", "priced")).start()
            analyst = stack.add("analyst-agent").start()
            orchestrator = stack.add("orchestrator").start()
            with httpx.Client(base_url=orchestrator.url, timeout=30) as api:
                for agent in (research, analyst):
                    assert api.post("/api/agents", json={"card_url": agent.url}).status_code == 201
                created = api.post("/api/tasks", json={"description": "tides", "plan": PLAN})
                task = wait_for_task(api, created.json()["id"], ("completed", "failed"))
                listed = api.get("/api/tasks").json()["items"]
                metrics = api.get("/metrics").text
                models = {m["name"]: m for m in api.get("/api/models").json()["items"]}
        finally:
            stack.stop()
    assert task["status"] == "completed", task
    researched, computed = task["steps"]  # type: ignore[misc]
    step_cost = 1000 * 2 / 1e6 + 500 * 8 / 1e6
    assert (researched["tokens_in"], researched["tokens_out"]) == (1000, 500)
    assert researched["llm_profile"] == "priced"  # the profile that answered
    assert researched["llm_model"] == "research-model"
    assert researched["cost_usd"] == pytest.approx(step_cost)
    # An agent without a model: no usage, no cost, not in the bill.
    assert (computed["llm_profile"], computed["cost_usd"], computed["tokens_in"]) == (None, None, 0)
    synthesis_cost = 300 * 1 / 1e6 + 100 * 4 / 1e6
    assert task["usage"] == [
        {"profile": "writer", "model": "writer-model", "tokens_in": 300, "tokens_out": 100,
         "cost_usd": pytest.approx(synthesis_cost)},
        {"profile": "priced", "model": "research-model", "tokens_in": 1000, "tokens_out": 500,
         "cost_usd": pytest.approx(step_cost)},
    ]  # fmt: skip
    assert task["cost_usd"] == pytest.approx(step_cost + synthesis_cost)
    assert task["cost_complete"] is True
    assert (task["tokens_in"], task["tokens_out"]) == (1300, 600)
    summary = next(t for t in listed if t["id"] == task["id"])
    assert summary["cost_usd"] == pytest.approx(step_cost + synthesis_cost)
    # Per profile in /metrics, by direction; the model label stays for older dashboards.
    tokens = "orchestra_llm_tokens_total"
    assert _metric(metrics, tokens, profile="priced", direction="in") == 1000
    out = _metric(metrics, tokens, profile="priced", direction="out", model="research-model")
    assert out == 500
    assert _metric(metrics, tokens, profile="writer", direction="in") == 300
    cost = "orchestra_llm_cost_usd_total"
    assert _metric(metrics, cost, profile="priced") == pytest.approx(step_cost)
    assert _metric(metrics, cost, profile="writer") == pytest.approx(synthesis_cost)
    # The models list: prices, and what this process's tasks used of each profile.
    assert (models["priced"]["input_price"], models["priced"]["output_price"]) == (2.0, 8.0)
    assert models["priced"]["usage"]["tokens_in"] == 1000
    assert models["priced"]["usage"]["cost_usd"] == pytest.approx(step_cost)
    assert models["default"]["usage"] == {"tokens_in": 0, "tokens_out": 0, "cost_usd": None}

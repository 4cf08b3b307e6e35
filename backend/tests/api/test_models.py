"""Model profiles in real processes: listed by the API, chosen by the planner, synthesis and
each agent server, refused at start when unknown.

The LLM vendor is the fake OpenAI-compatible server; everything else is real.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import httpx

from orchestra.llm.profiles import MODEL_EXTENSION_URI
from tests.llm.fake_provider import FakeProvider, Reply
from tests.stack import Stack, free_port, wait_for_task

PLAN = {
    "steps": [
        {
            "id": "s1",
            "title": "Research tides",
            "instruction": "Explain what causes tides",
            "capability": "research",
            "depends_on": [],
            "expected_output": "an explanation",
        }
    ]
}


def _profiles(provider: FakeProvider) -> str:
    shared = {"provider": "openai", "base_url": f"{provider.url}/v1", "api_key_env": "FAKE_KEY"}
    return json.dumps(
        {
            "smart": {**shared, "model": "smart-model", "max_tokens": 300},
            "writer": {**shared, "model": "writer-model", "temperature": 0.7},
            "quiet": {"provider": "offline"},
        }
    )


def test_planner_and_agent_run_the_profiles_they_name(tmp_path: Path) -> None:
    with FakeProvider(models=("smart-model", "writer-model")) as provider:
        provider.script(
            Reply(tool_args=PLAN, model="smart-model"),  # the planner (PLANNER_MODEL=smart)
            Reply(content="Tides come from the moon.", model="writer-model"),  # --model writer
        )
        settings = {
            "MODEL_PROFILES": _profiles(provider),
            "FAKE_KEY": "test-key",
            "PLANNER_MODEL": "smart",
            "SYNTHESIS_MODEL": "quiet",  # offline: the step outputs are joined
            "LLM_MAX_RETRIES": "0",
        }
        stack = Stack(tmp_path, settings=settings)
        try:
            agent = stack.add("research-agent", options=("--model", "writer")).start()
            orchestrator = stack.add("orchestrator").start()
            with httpx.Client(base_url=orchestrator.url, timeout=30) as api:
                registered = api.post("/api/agents", json={"card_url": agent.url})
                assert registered.status_code == 201, registered.text
                created = api.post("/api/tasks", json={"description": "Why are there tides?"})
                task = wait_for_task(api, created.json()["id"], ("completed", "failed"))
                models = api.get("/api/models").json()
            card = httpx.get(f"{agent.url}/.well-known/agent-card.json").json()
        finally:
            stack.stop()
    assert task["status"] == "completed", task
    assert task["planner"] == "llm"
    assert task["result"] == "## Research tides\n\nTides come from the moon."  # joined
    # The planner's call is the task's own, at PLANNER_MODEL's profile; neither has prices.
    assert task["usage"] == [
        {"profile": "smart", "model": "smart-model", "tokens_in": 120, "tokens_out": 30,
         "cost_usd": None},
        {"profile": "writer", "model": "writer-model", "tokens_in": 120, "tokens_out": 30,
         "cost_usd": None},
    ]  # fmt: skip
    assert (task["cost_usd"], task["cost_complete"]) == (None, False)
    planned, researched = provider.chat_requests
    assert (planned.body["model"], planned.body["max_completion_tokens"]) == ("smart-model", 300)
    assert (researched.body["model"], researched.body["temperature"]) == ("writer-model", 0.7)
    # The agent's card says which model it runs, and the registry shows it.
    (extension,) = [
        e for e in card["capabilities"]["extensions"] if e["uri"] == MODEL_EXTENSION_URI
    ]
    assert extension["params"] == {
        "profile": "writer",
        "provider": "openai",
        "model": "writer-model",
    }
    (instance,) = registered.json()["instances"]
    assert instance["model"] == {"profile": "writer", "provider": "openai", "model": "writer-model"}
    # Every profile is listed, with whether its key is set but never the key.
    assert (models["planner"], models["synthesis"]) == ("smart", "quiet")
    listed = {m["name"]: m for m in models["items"]}
    assert sorted(listed) == ["default", "quiet", "smart", "writer"]
    host = provider.url.removeprefix("http://")
    assert listed["smart"] == {
        "name": "smart",
        "provider": "openai",
        "model": "smart-model",
        "base_url_host": host,
        "temperature": 0.0,
        "max_tokens": 300,
        "key_set": True,
        "hosts": [],  # one endpoint: its base URL
        "input_price": None,  # no prices: its cost is unknown
        "output_price": None,
        "usage": {"tokens_in": 120, "tokens_out": 30, "cost_usd": None},  # the planner's call
    }
    assert listed["default"]["provider"] == "offline"
    assert listed["quiet"]["key_set"] is False
    assert "test-key" not in json.dumps(models)


def _serve(tmp_path: Path, argv: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    environment = Stack(tmp_path).env(**env)
    return subprocess.run(
        [sys.executable, "-m", "orchestra", "serve", *argv, "--port", str(free_port())],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_an_unknown_planner_or_synthesis_profile_stops_the_orchestrator(tmp_path: Path) -> None:
    for setting in ("PLANNER_MODEL", "SYNTHESIS_MODEL"):
        ended = _serve(tmp_path, ["orchestrator"], **{setting: "smart"})
        assert ended.returncode == 2, ended.stderr
        assert f"{setting} names the model profile 'smart', which is not defined" in ended.stderr
        assert "the profiles are: default" in ended.stderr


def test_an_agent_started_on_an_unknown_profile_stops_with_a_clear_message(
    tmp_path: Path,
) -> None:
    ended = _serve(tmp_path, ["research-agent", "--model", "smart"])
    assert ended.returncode == 2, ended.stderr
    assert "--model names the model profile 'smart', which is not defined" in ended.stderr
    refused = _serve(tmp_path, ["analyst-agent", "--model", "default"])
    assert refused.returncode == 2, refused.stderr
    assert "The analyst agent runs no model" in refused.stderr
    orchestrator = _serve(tmp_path, ["orchestrator", "--model", "default"])
    assert orchestrator.returncode == 2, orchestrator.stderr
    assert "The orchestrator takes no --model: set PLANNER_MODEL" in orchestrator.stderr


def test_broken_model_and_balancing_settings_are_named(tmp_path: Path) -> None:
    for setting, value, expected in (
        ("MODEL_PROFILES", "{fast: groq}", "MODEL_PROFILES: Value error, is not valid JSON"),
        ("MODEL_PROFILES", "[1, 2]", "MODEL_PROFILES: Input should be a valid dictionary"),
        ("BALANCING_DEFAULT", "zigzag", "BALANCING_DEFAULT: Input should be 'least_loaded'"),
        ("LLM_INPUT_PRICE", "-1", "LLM_INPUT_PRICE: Input should be greater than or equal to 0"),
    ):
        ended = _serve(tmp_path, ["orchestrator"], **{setting: value})
        assert ended.returncode == 2, ended.stderr
        assert ended.stderr.startswith("Invalid settings: "), ended.stderr
        assert expected in ended.stderr
    negative = json.dumps({"cheap": {"provider": "offline", "output_price": -0.5}})
    ended = _serve(tmp_path, ["orchestrator"], MODEL_PROFILES=negative)
    assert ended.returncode == 2, ended.stderr
    assert "the profile 'cheap' is not valid: output_price: Input should be greater" in ended.stderr

"""`orchestra planner evaluate`: offline score always, LLM path when configured."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from orchestra.cli import build_parser
from orchestra.planner.cli import evaluate_command
from tests.llm.fake_provider import FakeProvider, Reply, settings_for

from .test_llm_planner import GOOD


def run(argv: list[str], **kwargs: object) -> tuple[int, str]:
    out = io.StringIO()
    code = evaluate_command(argv, out=out, **kwargs)  # type: ignore[arg-type]
    return code, out.getvalue()


def test_offline_score_is_printed(server: FakeProvider) -> None:
    code, text = run([], settings=settings_for("offline", server))
    assert code == 0
    assert text.startswith("Offline planner (deterministic):\nall       44/50  passed")
    assert "LLM path: skipped" in text


def test_min_score_fails_the_command(server: FakeProvider) -> None:
    code, _ = run(
        ["--offline-only", "--min-score", "0.99"], settings=settings_for("offline", server)
    )
    assert code == 1


def cases_file(tmp_path: Path) -> Path:
    path = tmp_path / "cases.jsonl"
    cases = [
        {
            "id": "report",
            "description": "Research electric cars, then write a short report based on it",
            "capabilities": ["research", "writing"],
            "edges": [["research", "writing"]],
        },
        {
            "id": "average",
            "description": "Compute the average of 3, 5 and 10",
            "capabilities": ["statistics"],
        },
    ]
    path.write_text("\n".join(json.dumps(c) for c in cases) + "\n", encoding="utf-8")
    return path


def test_the_llm_path_is_scored_when_configured(server: FakeProvider, tmp_path: Path) -> None:
    # The first case gets a good plan; the second a server error, so it falls back.
    server.script(Reply(tool_args=GOOD, tokens=(400, 50)), Reply(status=500))
    settings = settings_for("groq", server, llm_max_retries=0)
    argv = ["--cases", str(cases_file(tmp_path)), "--concurrency", "1", "-v"]
    code, text = run(argv, settings=settings)
    assert code == 0
    llm_part = text.split("LLM path (groq, fake-model")[1]
    assert "all        2/2   passed  score 1.00" in llm_part
    assert "plans by kind: fallback 1, llm 1" in llm_part
    assert "tokens: 400 in, 50 out" in llm_part
    assert "fallback: the LLM call failed: HTTP 500: scripted error;" in llm_part


def test_a_rejected_key_stops_before_planning(
    server: FakeProvider, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = settings_for("openai", server, openai_api_key="wrong")
    code, _ = run(["--cases", str(cases_file(tmp_path))], settings=settings)
    assert code == 2
    assert "rejected the API key" in capsys.readouterr().err
    assert server.chat_requests == []


def test_the_orchestra_command_has_the_subcommand() -> None:
    args = build_parser().parse_args(["planner", "evaluate", "--offline-only", "-v"])
    assert (args.command, args.action, args.options) == (
        "planner",
        "evaluate",
        ["--offline-only", "-v"],
    )

"""`orchestra planner evaluate`: offline score always, LLM path when configured."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from orchestra.cli import build_parser
from orchestra.planner import evaluate
from orchestra.planner.cli import evaluate_command
from tests.llm.fake_provider import FakeProvider, Reply, settings_for

from .test_llm_planner import GOOD


def run(argv: list[str], **kwargs: object) -> tuple[int, str]:
    out = io.StringIO()
    code = evaluate_command(argv, out=out, **kwargs)  # type: ignore[arg-type]
    return code, out.getvalue()


def test_offline_plans_and_answers_are_scored(server: FakeProvider, tmp_path: Path) -> None:
    # A slice of the packaged set, dev and held out: the whole set is scored against its
    # floors in test_evaluate, once.
    lines = (Path(evaluate.__file__).parent / "evaluation.jsonl").read_text().splitlines()
    cases = tmp_path / "cases.jsonl"
    cases.write_text("\n".join([*lines[:20], *lines[-20:]]) + "\n")
    code, text = run(["--cases", str(cases)], settings=settings_for("offline", server))
    assert code == 0
    lines = text.splitlines()
    assert lines[0] == "Offline planner (deterministic):"
    for label, line in zip(("all", "dev", "holdout"), lines[1:4], strict=True):
        assert line.startswith(label)
        for figure in ("plans", "right", "refused", "wrong", "errors", "right or refused"):
            assert figure in line
    assert "LLM path: skipped" in text


def test_held_out_failures_are_listed_only_when_asked(tmp_path: Path) -> None:
    path = tmp_path / "cases.jsonl"
    wrong = {"capabilities": ["calculation"], "answers": [{"result": 5}]}
    cases = [
        {"id": "d", "split": "dev", "description": "What is 2 + 2?", **wrong},
        {"id": "h", "split": "holdout", "description": "What is 3 + 3?", **wrong},
    ]
    path.write_text("\n".join(json.dumps(c) for c in cases) + "\n", encoding="utf-8")
    _, hidden = run(["--cases", str(path), "--offline-only"])
    assert "WRONG d (dev)" in hidden and "WRONG h" not in hidden
    assert "(1 held-out cases not right; not listed: --show-holdout lists them)" in hidden
    _, shown = run(["--cases", str(path), "--offline-only", "--show-holdout"])
    assert "WRONG h (holdout): What is 3 + 3?" in shown
    assert "expected {'result': 5}" in shown


def test_the_cases_are_scored_said_another_way(tmp_path: Path) -> None:
    path = tmp_path / "cases.jsonl"
    case = {"id": "d", "split": "dev", "description": "What is 2 + 2?"}
    path.write_text(
        json.dumps({**case, "capabilities": ["calculation"], "answers": [{"result": 5}]})
    )
    _, said = run(["--cases", str(path), "--offline-only", "--reworded", "greeting"])
    assert "WRONG d (dev): hi, quick one: what is 2 + 2?" in said


def test_min_score_and_min_right_fail_the_command(server: FakeProvider, tmp_path: Path) -> None:
    # Two cases (not the whole set, which takes long): one right, one labelled so that
    # neither its plan nor its answer can hold. Score and right answers are both 1/2.
    path = tmp_path / "cases.jsonl"
    cases = [
        {"id": "mean", "description": "Compute the average of 3, 5 and 10",
         "capabilities": ["statistics"], "answers": [{"result": 6}]},
        {"id": "mislabelled", "description": "Compute the average of 2 and 4",
         "capabilities": ["research"], "answers": [{"result": 5}]},
    ]  # fmt: skip
    path.write_text("\n".join(json.dumps(c) for c in cases) + "\n", encoding="utf-8")
    offline = settings_for("offline", server)
    given = ["--offline-only", "--cases", str(path)]
    assert run([*given, "--min-score", "0.999"], settings=offline)[0] == 1
    assert run([*given, "--min-score", "0.5"], settings=offline)[0] == 0
    assert run([*given, "--min-right", "0.999"], settings=offline)[0] == 1
    assert run([*given, "--min-right", "0.5"], settings=offline)[0] == 0


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
    assert (
        "all           2  plans   2 (100.0%)  right   2 (100.0%)  refused   0  wrong   0"
        in llm_part
    )
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


def test_the_llm_path_scores_the_planners_own_profile(server: FakeProvider, tmp_path: Path) -> None:
    server.models = ("smart-model",)
    server.script(Reply(tool_args=GOOD), Reply(tool_args=GOOD))
    smart = {
        "provider": "groq",
        "model": "smart-model",
        "base_url": server.url,
        "api_key_env": "GROQ_API_KEY",
    }
    settings = settings_for(
        "offline",
        server,
        groq_api_key=server.api_key,
        model_profiles={"smart": smart},
        planner_model="smart",
    )
    code, text = run(
        ["--cases", str(cases_file(tmp_path)), "--concurrency", "1"], settings=settings
    )
    assert code == 0
    assert "LLM path (groq, smart-model" in text
    assert {r.body["model"] for r in server.chat_requests} == {"smart-model"}


def test_an_unknown_planner_profile_stops_the_evaluation(
    server: FakeProvider, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    settings = settings_for("offline", server, planner_model="smart")
    given = ["--cases", str(cases_file(tmp_path)), "--offline-only"]
    assert run(given, settings=settings)[0] == 2
    assert "PLANNER_MODEL names the model profile 'smart'" in capsys.readouterr().err

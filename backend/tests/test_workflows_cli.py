"""`orchestra workflows apply|list|show|run` with the shipped example workflows, against a
real orchestrator and its agents."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.stack import Stack

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "workflows"


def _cli(stack: Stack, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "orchestra", "workflows", *args],
        env=stack.env(ORCHESTRA_URL=stack["orchestrator"].url),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_examples_apply_and_run(stack: Stack) -> None:
    applied = _cli(stack, "apply", *sorted(str(p) for p in EXAMPLES.glob("*.yaml")))
    assert applied.returncode == 0, applied.stderr
    assert "Content analysis" in applied.stdout and "Data analysis" in applied.stdout
    again = _cli(stack, "apply", str(EXAMPLES / "content-analysis.yaml"))
    assert "v2" in again.stdout and "updated" in again.stdout
    assert "Content analysis" in _cli(stack, "list").stdout
    assert (
        "condition: steps.tone.data.label == 'positive'"
        in _cli(stack, "show", "Content analysis").stdout
    )

    text = "The new release is fast and reliable. Support answered every question in an hour."
    positive = _cli(stack, "run", "Content analysis", "--input", f"text={text}")
    assert positive.returncode == 0, positive.stderr
    outputs = json.loads(positive.stdout)
    assert outputs["sentiment"] == "positive"
    # The summary is of the text (its instruction rendered at submit though its condition
    # names a step), not of the sentiment step's answer (the mapping replaces it).
    assert "Support answered every question" in outputs["summary"]
    assert "{{" not in outputs["summary"] and "Positive terms" not in outputs["summary"]

    negative = _cli(stack, "run", "Content analysis", "--input", "text=It broke and nobody helped.")
    assert json.loads(negative.stdout)["sentiment"] == "negative"
    assert json.loads(negative.stdout)["summary"] == ""  # skipped

    table = "region,amount\nnorth,30\nsouth,70\neast,55"
    data = _cli(
        stack, "run", "Data analysis", "--input", "column=amount", "--input", f"raw_data={table}"
    )
    assert data.returncode == 0, data.stderr
    statistics = json.loads(data.stdout)
    assert statistics["rows"] == 3
    assert statistics["statistics"]["amount"]["median"] == 55


def test_bad_inputs_and_unknown_workflows_are_said_so(stack: Stack) -> None:
    assert _cli(stack, "apply", str(EXAMPLES / "data-analysis.yaml")).returncode == 0
    missing = _cli(stack, "run", "Data analysis", "--input", "column=amount")
    assert missing.returncode == 1
    assert "raw_data" in missing.stderr
    unknown = _cli(stack, "run", "No such workflow")
    assert unknown.returncode == 1
    assert "No workflow is named" in unknown.stderr
    malformed = _cli(stack, "run", "Data analysis", "--input", "column")
    assert "KEY=VALUE" in malformed.stderr


def test_a_workflow_is_scheduled_and_given_a_webhook(stack: Stack) -> None:
    applied = _cli(stack, "apply", str(EXAMPLES / "data-analysis.yaml"))
    assert applied.returncode == 0, applied.stderr
    table = "region,amount\nnorth,30"
    made = _cli(
        stack, "schedule", "Data analysis", "--cron", "0 6 * * *", "--timezone", "Asia/Tokyo",
        "--input", "column=amount", "--input", f"raw_data={table}",
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert "0 6 * * * (Asia/Tokyo)" in made.stdout
    assert made.stdout.count("next: ") == 5 and "T21:00:00+00:00" in made.stdout
    wrong = _cli(stack, "schedule", "Data analysis", "--cron", "0 6 * *")
    assert wrong.returncode == 1 and "cron: has 4 fields" in wrong.stderr

    hook = _cli(stack, "hook", "Data analysis", "--signed")
    assert hook.returncode == 0, hook.stderr
    assert f"POST {stack['orchestrator'].url}/api/hooks/whk_" in hook.stdout
    assert "signing secret: whsec_" in hook.stdout

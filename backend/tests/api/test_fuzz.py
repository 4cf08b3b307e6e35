"""Schemathesis against the live OpenAPI schema: no 5xx, no answer outside the schema."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import start_stack

# positive_data_acceptance expects every schema-valid body to be accepted, but some are
# refused on purpose after parsing (an agent card that does not answer, a plan naming a
# capability nobody offers): those are documented 422s with a reason, not defects.
EXCLUDED = "positive_data_acceptance"
# 413 (a body past MAX_REQUEST_BYTES, refused unread) counts as a rejection of invalid data.
CONFIG = Path(__file__).parent / "schemathesis.toml"
# One worker: with two, Hypothesis describes its strategies' lambdas by parsing source in both
# threads at once, and CPython 3.11's parser then fails with "AST constructor recursion depth
# mismatch" (a runtime error of the tool, not an answer of the API) on some schemas.


# About a minute alone; longer on a shared, busy machine.
@pytest.mark.timeout(300)
def test_schemathesis_finds_no_server_error_and_no_schema_violation(tmp_path: Path) -> None:
    stack = start_stack(tmp_path)
    try:
        st = shutil.which("st", path=str(Path(__file__).parents[3] / ".venv" / "bin")) or "st"
        done = subprocess.run(
            [
                st, "--config-file", str(CONFIG),
                "run", f"{stack['orchestrator'].url}/openapi.json",
                "--checks", "all", "--exclude-checks", EXCLUDED,
                "--max-examples", "25", "--workers", "1",
                "--generation-deterministic", "--request-timeout", "15",
                "--report", "junit", "--report-dir", str(tmp_path / "report"),
            ],
            capture_output=True, text=True, timeout=600,
        )  # fmt: skip
        assert done.returncode == 0, done.stdout[-8000:] + done.stderr[-2000:]
        assert "passed" in done.stdout
    finally:
        stack.stop()

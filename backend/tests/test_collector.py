"""Started services set the garbage collector for a long-running server (see collector.py)."""

from __future__ import annotations

import subprocess
import sys

import httpx

from tests.stack import Stack


def test_settle_freezes_what_exists_and_collects_less_often() -> None:
    code = (
        "import gc; from orchestra import collector; before = gc.get_threshold(); "
        "collector.settle(); print(gc.get_freeze_count() > 1000, before, gc.get_threshold())"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split(maxsplit=1)
    assert out[0] == "True"
    assert out[1].strip() == "(700, 10, 10) (20000, 20, 20)"


def test_a_running_orchestrator_has_settled_its_collector(stack: Stack) -> None:
    metrics = httpx.get(f"{stack['orchestrator'].url}/metrics", timeout=10).text
    frozen = next(
        line for line in metrics.splitlines() if line.startswith("orchestra_gc_frozen_objects ")
    )
    assert float(frozen.split()[1]) > 1000

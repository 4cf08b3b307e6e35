"""Turning the outputs of a task's steps into its result (offline: ordered concatenation)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from orchestra.db import TaskStep


def synthesize(steps: Sequence[TaskStep]) -> tuple[str, dict[str, Any]]:
    """Markdown with one section per step, in plan order, and each step's data by step key."""
    sections = []
    data: dict[str, Any] = {}
    for step in steps:
        body = (step.output or "").strip() or "_(no text output)_"
        sections.append(f"## {step.title}\n\n{body}")
        data[step.key] = {
            "title": step.title,
            "capability": step.capability,
            "agent": step.agent_name,
            "data": step.output_data,
        }
    return "\n\n".join(sections), {"steps": data}

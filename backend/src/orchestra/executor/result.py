"""A task's result without an LLM: the outputs of its steps joined in plan order.

The answer leads with each step's headline (the first line of its output), so the result of
a chain shows every intermediate value, then one section per step with its whole output.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

__all__ = ["join_step_outputs"]

HEADLINE_MAX = 300


def join_step_outputs(steps: Sequence[Any]) -> tuple[str, dict[str, Any]]:
    """Markdown for people and each step's data by step id, both in plan order.

    `steps`: rows with the columns of `task_steps` a result needs (step_id, depends_on, title,
    capability, agent_name, output, output_data).
    """
    headlines = []
    sections = []
    data: dict[str, Any] = {}
    for step in steps:
        body = (step.output or "").strip() or "_(no text output)_"
        after = f" (after {', '.join(step.depends_on)})" if step.depends_on else ""
        headlines.append(f"- {step.step_id}{after}, {step.title}: {_headline(body)}")
        sections.append(f"## {step.title}\n\n{body}")
        data[step.step_id] = {
            "title": step.title,
            "capability": step.capability,
            "agent": step.agent_name,
            "depends_on": list(step.depends_on),
            "data": step.output_data,
        }
    if len(steps) > 1:
        sections.insert(0, "\n".join(headlines))
    return "\n\n".join(sections), {"steps": data}


def _headline(body: str) -> str:
    """The first non-empty line of an output, without Markdown heading marks."""
    for line in body.splitlines():
        stripped = line.strip().lstrip("#").strip()
        if stripped:
            if len(stripped) > HEADLINE_MAX:
                return stripped[: HEADLINE_MAX - 1].rstrip() + "\u2026"
            return stripped
    return body

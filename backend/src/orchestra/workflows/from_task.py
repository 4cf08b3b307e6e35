"""A finished task's plan as a workflow: the same steps, with the values the user gave made
into inputs.

The numbers and the quoted texts of the task's description become inputs (`number_1`,
`text_1`... in the order given), each typed by its value and defaulting to it, so a run
with no inputs asks what the task asked. Where an input's value is written in a step's
instruction, the instruction names the input there instead (`{{ inputs.number_1 }}`); the
rest of the instruction stays as the planner wrote it (escaped, so that braces in it are
not read as a template). Nothing is guessed beyond that: a value the planner rephrased (a
number spelled out, a text translated) stays as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from orchestra.planner import Plan
from orchestra.workflows.definition import STEP_ID_PATTERN, WorkflowDefinition, WorkflowStep

__all__ = ["Given", "given_values", "workflow_of"]

# Quoted texts: "...", '...' (not an apostrophe inside a word), and typographic quotes.
QUOTED = re.compile(
    r'"(?P<d>[^"\n]{1,500})"|(?<!\w)\'(?P<s>[^\'\n]{1,500})\'(?!\w)|“(?P<t>[^”\n]{1,500})”'
)
# A number on its own: not part of a word, an id or a longer number (`s1`, `v2.0.1`).
NUMBER = re.compile(r"(?<![\w.])-?\d+(?:\.\d+)?(?![\w]|\.\d)")
SAFE_ID = re.compile(STEP_ID_PATTERN)
TEMPLATE_MARK = re.compile(r"\{[{%#]")


@dataclass(frozen=True)
class Given:
    """A value the user gave in the description, and the input it becomes."""

    name: str
    value: int | float | str
    written: str
    """As it was written in the description (and is looked for in instructions)."""


def given_values(description: str) -> list[Given]:
    """The quoted texts, then the numbers outside them, of a task's description; each value
    once, in the order they come."""
    found: list[Given] = []
    seen: set[str] = set()
    texts = 0
    for match in QUOTED.finditer(description):
        text = next(group for group in match.groups() if group is not None)
        if text.strip() and text not in seen:
            seen.add(text)
            texts += 1
            found.append(Given(f"text_{texts}", text, text))
    outside = QUOTED.sub(" ", description)
    numbers = 0
    for match in NUMBER.finditer(outside):
        written = match.group(0)
        if written in seen:
            continue
        seen.add(written)
        numbers += 1
        value: int | float = float(written) if "." in written else int(written)
        found.append(Given(f"number_{numbers}", value, written))
    return found


def _schema(values: list[Given]) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    for given in values:
        kind = (
            "string"
            if isinstance(given.value, str)
            else "integer"
            if isinstance(given.value, int)
            else "number"
        )
        properties[given.name] = {
            "type": kind,
            "default": given.value,
            "description": f"Given in the task as {given.written!r}.",
        }
    return {"type": "object", "properties": properties}


def _pattern(given: Given) -> re.Pattern[str]:
    if isinstance(given.value, str):
        return re.compile(re.escape(given.written))
    return re.compile(rf"(?<![\w.]){re.escape(given.written)}(?![\w]|\.\d)")


def _literal(text: str) -> str:
    """Text a template renders as it is: each `{{`, `{%` or `{#` written as a string."""
    return TEMPLATE_MARK.sub(lambda mark: "{{ '" + mark.group(0) + "' }}", text)


def templated(instruction: str, values: list[Given]) -> str:
    """The instruction with each given value written in it replaced by its input; texts
    first (a number inside a quoted text belongs to the text), longer ones before shorter."""
    spans: list[tuple[int, int, str]] = []
    ordered = sorted(values, key=lambda g: (not isinstance(g.value, str), -len(g.written)))
    for given in ordered:
        for match in _pattern(given).finditer(instruction):
            start, end = match.span()
            if any(start < e and s < end for s, e, _ in spans):
                continue  # inside a value already taken
            spans.append((start, end, given.name))
    out: list[str] = []
    at = 0
    for start, end, name in sorted(spans):
        out.append(_literal(instruction[at:start]))
        out.append(f"{{{{ inputs.{name} }}}}")
        at = end
    out.append(_literal(instruction[at:]))
    return "".join(out)


def _ids(plan: Plan) -> dict[str, str]:
    """Each plan step's id as a workflow step id (letters, digits, `_`), kept when it is one."""
    ids: dict[str, str] = {}
    for position, step in enumerate(plan.steps, 1):
        if SAFE_ID.match(step.id):
            ids[step.id] = step.id
            continue
        cleaned = re.sub(r"\W", "_", step.id)[:36]
        if not cleaned or not SAFE_ID.match(cleaned) or cleaned in ids.values():
            cleaned = f"s{position}"
        ids[step.id] = cleaned
    return ids


def workflow_of(name: str, description: str, plan: Plan) -> WorkflowDefinition:
    """The workflow that runs `plan` again, with the description's values as inputs."""
    values = given_values(description)
    ids = _ids(plan)
    steps = [
        WorkflowStep(
            id=ids[step.id],
            title=step.title,
            capability=step.capability,
            instruction=templated(step.instruction, values),
            depends_on=[ids[d] for d in step.depends_on],
            expected_output=step.expected_output,
            kind=step.kind,
            participants=step.participants,
            aggregator=step.aggregator,
            aggregator_profile=step.aggregator_profile,
            quorum=step.quorum,
        )
        for step in plan.steps
    ]
    return WorkflowDefinition(
        name=name,
        description=description,
        input_schema=_schema(values),
        steps=steps,
    )

"""A workflow's run as the executor sees it: the record a task keeps of its workflow
(`tasks.workflow_run`) and the decisions taken from it, with no database or network access.

At submit (`start`) the instructions that use only `inputs` are rendered into the task's plan;
the rest keep their template in the record. Just before a step is sent (`prepare`, called in
the transaction that would start it, once the steps it reads have finished) its condition is
evaluated, its template rendered and its mappings selected from those steps' results; or it
is skipped. When the run completes, `outputs` shapes its result.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from orchestra.planner import Plan, PlanStep
from orchestra.workflows.definition import WorkflowDefinition
from orchestra.workflows.templates import (
    TemplateProblem,
    evaluate,
    expression_references,
    parse_path,
    render,
    select,
    template_references,
)

__all__ = ["Prepared", "Skip", "outputs_of", "prepare", "reads", "start"]

Run = dict[str, Any]
"""`tasks.workflow_run`: {"inputs", "outputs", "steps": {step id: what is left to do}}."""
Results = Mapping[str, Mapping[str, Any]]
"""Finished steps by id: their `status`, `title`, `text` and `data`."""


def start(definition: WorkflowDefinition, inputs: dict[str, Any]) -> tuple[Plan, Run]:
    """The plan a run starts with, and its record.

    Raises:
        TemplateProblem: an instruction that uses only inputs failed with these inputs.
    """
    context = {"inputs": inputs}
    planned: list[PlanStep] = []
    specs: dict[str, dict[str, Any]] = {}
    for step in definition.steps:
        spec: dict[str, Any] = {}
        named = {r.path[0] for r in template_references(step.instruction) if r.root == "steps"}
        instruction = step.instruction
        if named:
            spec["instruction"] = step.instruction  # shown as written until it is rendered
        else:
            try:
                instruction = render(step.instruction, context)
            except TemplateProblem as exc:
                raise TemplateProblem(f"step {step.id}'s instruction: {exc}") from exc
        if step.condition is not None:
            spec["condition"] = step.condition
            named |= {r.path[0] for r in expression_references(step.condition) if r.root == "steps"}
        if step.inputs:
            spec["inputs"] = dict(step.inputs)
            for path in step.inputs.values():
                reference = parse_path(path)
                if reference.root == "steps":
                    named.add(reference.path[0])
        if step.when_skipped != "skip":
            spec["when_skipped"] = step.when_skipped
        if step.timeout_seconds is not None:
            spec["timeout_seconds"] = step.timeout_seconds
        if step.max_attempts is not None:
            spec["max_attempts"] = step.max_attempts
        if named - set(step.depends_on):
            # Steps further up the graph than its own dependencies: read them too.
            spec["reads"] = sorted(named | set(step.depends_on))
        if spec:
            specs[step.id] = spec
        planned.append(
            PlanStep(
                id=step.id,
                title=step.title,
                instruction=instruction,
                capability=step.capability,
                depends_on=list(step.depends_on),
                expected_output=step.expected_output,
            )
        )
    run = {"inputs": inputs, "outputs": dict(definition.outputs), "steps": specs}
    return Plan(steps=planned), run


def reads(run: Run, step_id: str, depends_on: Iterable[str]) -> list[str]:
    """The steps whose results the step needs to be prepared."""
    spec = run.get("steps", {}).get(step_id, {})
    return list(spec.get("reads") or depends_on)


@dataclass(frozen=True)
class Skip:
    """The step is not to run, for this reason."""

    reason: str


@dataclass(frozen=True)
class Prepared:
    """What the step is sent with: its instruction rendered (None: as stored), the values its
    mappings selected (None: no mapping), and its own limits (None: the defaults)."""

    instruction: str | None = None
    data: dict[str, Any] | None = None
    timeout_seconds: float | None = None
    max_attempts: int | None = None


def _context(run: Run, results: Results) -> dict[str, Any]:
    steps = {
        step_id: {
            "status": r.get("status"),
            "title": r.get("title"),
            "text": r.get("text") or "",
            "data": r.get("data"),
        }
        for step_id, r in results.items()
    }
    return {"inputs": run.get("inputs") or {}, "steps": steps}


def prepare(run: Run, step_id: str, depends_on: Iterable[str], results: Results) -> Prepared | Skip:
    """Decide whether the step runs, and render what it is sent with.

    A step one of whose dependencies was skipped is skipped too, unless it says
    `when_skipped: run`; then its condition, if any, decides.

    Raises:
        TemplateProblem: the condition or the template failed on these results.
    """
    spec = run.get("steps", {}).get(step_id, {})
    if spec.get("when_skipped", "skip") == "skip":
        for dependency in depends_on:
            if (results.get(dependency) or {}).get("status") == "skipped":
                return Skip(f"it depends on {dependency}, which was skipped")
    context = _context(run, results)
    condition = spec.get("condition")
    if condition is not None and not evaluate(condition, context):
        return Skip(f"its condition is false: {condition}")
    template = spec.get("instruction")
    mapping = spec.get("inputs")
    return Prepared(
        instruction=None if template is None else render(template, context),
        data=None if not mapping else {name: select(p, context) for name, p in mapping.items()},
        timeout_seconds=spec.get("timeout_seconds"),
        max_attempts=spec.get("max_attempts"),
    )


def outputs_of(run: Run, results: Results) -> dict[str, Any]:
    """The run's result as its workflow's `outputs` mapping shapes it."""
    context = _context(run, results)
    return {name: select(path, context) for name, path in (run.get("outputs") or {}).items()}

"""A workflow's run as the executor sees it: the record a task keeps of its workflow
(`tasks.workflow_run`) and the decisions taken from it, with no database or network access.

At submit (`start`) the instructions that use only `inputs` are rendered into the task's plan;
the rest keep their template in the record. Just before a step is sent (`prepare`, called in
the transaction that would start it, once the steps it reads have finished) its condition is
evaluated, its template rendered and its mappings selected from those steps' results; or it
is skipped. When the run completes, `outputs` shapes its result.

A step run once per item of an earlier step's data (`for_each: steps.s1.data.items`) is one
step of the plan until that data is known; then (`items_of`, `with_items`) its items become
steps `<id>#<n>` of their own, recorded in the run as the runs of a list input are.

A run whose workflow says `replan: true` may have a failed step's work planned again
(`orchestra.executor.replanning`). A replanned step `r<n>-<id>` that does a workflow step's
work again takes its place (`replanned`): it is prepared as that step was, and templates,
conditions and outputs that name `steps.<id>` read its result (`current`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from orchestra.consensus.plan import participant_step_id
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

__all__ = [
    "Prepared",
    "Skip",
    "current",
    "fan_outs",
    "item_id",
    "items_of",
    "outputs_of",
    "prepare",
    "reads",
    "replanned",
    "start",
    "with_items",
]

Run = dict[str, Any]
"""`tasks.workflow_run`: {"inputs", "outputs", "steps": {step id: what is left to do}}, and
`"replan": true` when its workflow may be replanned, `"replaced"` once it was (`replanned`)."""
Results = Mapping[str, Mapping[str, Any]]
"""Finished steps by id: their `status`, `title`, `text` and `data`."""


def start(definition: WorkflowDefinition, inputs: dict[str, Any]) -> tuple[Plan, Run]:
    """The plan a run starts with, and its record.

    A step with `for_each` over a list input becomes one plan step per item (`<id>#<n>`,
    see `fanned`), and the steps that depend on it depend on each of them. One over an
    earlier step's data stays one plan step (`fan_outs`) until that data is known. A
    consensus step stays one plan step (expanded when stored: `orchestra.consensus.expand`);
    each of its participants `<id>@<label>` is prepared as the step itself would be.

    Raises:
        TemplateProblem: an instruction that uses only inputs failed with these inputs, or a
            `for_each` input is not a list.
    """
    groups = _groups(definition, inputs)
    planned: list[PlanStep] = []
    specs: dict[str, dict[str, Any]] = {}
    for step in definition.steps:
        shared: dict[str, Any] = {}
        named = {r.path[0] for r in template_references(step.instruction) if r.root == "steps"}
        over_steps = step.for_each is not None and parse_path(step.for_each).root == "steps"
        # An instruction that names no step is rendered now, whatever else names steps; one
        # run per item of a step's data is rendered with its item, once the items are known.
        rendered_later = bool(named) or over_steps
        if over_steps:
            shared["for_each"] = step.for_each
            named.add(parse_path(str(step.for_each)).path[0])
        if rendered_later:
            shared["instruction"] = step.instruction  # shown as written until it is rendered
        if step.condition is not None:
            shared["condition"] = step.condition
            named |= {r.path[0] for r in expression_references(step.condition) if r.root == "steps"}
        if step.inputs:
            shared["inputs"] = dict(step.inputs)
            for path in step.inputs.values():
                reference = parse_path(path)
                if reference.root == "steps":
                    named.add(reference.path[0])
        if step.when_skipped != "skip":
            shared["when_skipped"] = step.when_skipped
        if step.timeout_seconds is not None:
            shared["timeout_seconds"] = step.timeout_seconds
        if step.max_attempts is not None:
            shared["max_attempts"] = step.max_attempts
        depends_on = _runs_of(groups, step.depends_on)
        if named - set(step.depends_on):
            # Steps further up the graph than its own dependencies: read them too.
            shared["reads"] = _runs_of(groups, sorted(named | set(step.depends_on)))
        if step.for_each is None or over_steps:
            runs: list[tuple[str, dict[str, Any]]] = [(step.id, {})]
        else:
            items = select(step.for_each, {"inputs": inputs})
            runs = [
                (item_id(step.id, n), {"item": item, "index": n}) for n, item in enumerate(items)
            ]
        for step_id, own in runs:
            spec = {**shared, **own}
            if step.kind == "consensus" and step.participants is not None and spec:
                for label in step.participants.labels:
                    specs[participant_step_id(step_id, label)] = spec
            instruction = step.instruction
            if not rendered_later:
                try:
                    instruction = render(step.instruction, {"inputs": inputs, **own})
                except TemplateProblem as exc:
                    raise TemplateProblem(f"step {step_id}'s instruction: {exc}") from exc
            if spec:
                specs[step_id] = spec
            planned.append(
                PlanStep(
                    id=step_id,
                    title=step.title,
                    instruction=instruction,
                    capability=step.capability,
                    depends_on=depends_on,
                    expected_output=step.expected_output,
                    kind=step.kind,
                    participants=step.participants,
                    aggregator=step.aggregator,
                    aggregator_profile=step.aggregator_profile,
                    quorum=step.quorum,
                )
            )
    run: Run = {"inputs": inputs, "outputs": dict(definition.outputs), "steps": specs}
    if groups:
        run["groups"] = groups
    if definition.replan:
        run["replan"] = True
    return Plan(steps=planned), run


def _groups(definition: WorkflowDefinition, inputs: dict[str, Any]) -> dict[str, list[str]]:
    """The runs of each step with `for_each`, by step id, in the items' order."""
    groups: dict[str, list[str]] = {}
    for step in definition.steps:
        if step.for_each is None or parse_path(step.for_each).root != "inputs":
            continue
        items = select(step.for_each, {"inputs": inputs})
        if not isinstance(items, list):
            raise TemplateProblem(f"{step.for_each} is not a list: step {step.id} runs per item")
        groups[step.id] = [item_id(step.id, n) for n in range(len(items))]
    return groups


def item_id(step_id: str, index: int) -> str:
    """The plan step of one item of a step run per item."""
    return f"{step_id}#{index}"


def fan_outs(run: Run) -> set[str]:
    """The steps run once per item of an earlier step's data, whose items are not known
    when the run starts (stored as one step of kind `fan_out` until they are)."""
    return {step_id for step_id, spec in run.get("steps", {}).items() if "for_each" in spec}


def _runs_of(groups: dict[str, list[str]], step_ids: Iterable[str]) -> list[str]:
    """The plan steps of these workflow steps: a fanned-out step's runs in its place."""
    return [run for step_id in step_ids for run in groups.get(step_id, [step_id])]


def current(run: Run, step_id: str) -> str:
    """The plan step doing this step's work now: the step itself, or the replanned step
    that took it over (`r<n>-<id>`, the newest when it was replanned more than once)."""
    replaced = run.get("replaced") or {}
    seen = {step_id}
    while step_id in replaced and replaced[step_id] not in seen:
        step_id = replaced[step_id]
        seen.add(step_id)
    return step_id


def replanned(run: Run, replaced: Mapping[str, str], rewritten: Iterable[str] = ()) -> Run:
    """The run's record once a replan's steps took over the work of these steps
    (`replaced`: old plan step id -> new one). Each new step, and each participant of a
    new consensus step, is prepared as the one it replaces was (its condition, mappings,
    limits, item, template), but keeps the instruction the replan gave it when that
    differs from the old one (`rewritten`). The steps that read the old step then read
    the new one (`current`)."""
    rewritten = set(rewritten)
    specs = dict(run.get("steps") or {})
    for old, new in replaced.items():
        for step_id, spec in list(specs.items()):
            if step_id == old:
                made = new
            elif step_id.startswith(old + "@"):
                made = new + step_id[len(old) :]
            else:
                continue
            copied = dict(spec)
            if new in rewritten:
                copied.pop("instruction", None)
            specs[made] = copied
    return {**run, "steps": specs, "replaced": {**(run.get("replaced") or {}), **replaced}}


def fanned(run: Run) -> dict[str, list[str]]:
    """The runs of each fanned-out step (`for_each`), by the workflow's step id."""
    return dict(run.get("groups") or {})


def reads(run: Run, step_id: str, depends_on: Iterable[str]) -> list[str]:
    """The steps whose results the step needs to be prepared (a fanned-out step's items in
    its place, once they are known)."""
    spec = run.get("steps", {}).get(step_id, {})
    wanted = [current(run, r) for r in spec.get("reads") or depends_on]
    return [current(run, r) for r in _runs_of(fanned(run), wanted)]


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


def _result(r: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "status": r.get("status"),
        "title": r.get("title"),
        "text": r.get("text") or "",
        "data": r.get("data"),
    }


def _context(run: Run, results: Results, spec: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """What templates, conditions and paths see: the inputs, the results (a fanned-out
    step's as lists in the items' order) and, in a step run per item, `item` and `index`."""
    groups = fanned(run)
    members = {m for runs in groups.values() for m in runs}
    steps = {step_id: _result(r) for step_id, r in results.items() if step_id not in members}
    for step_id, runs in groups.items():
        now_runs = [current(run, m) for m in runs]
        found = [_result(results[m]) for m in now_runs if m in results]
        if len(found) != len(now_runs):
            continue  # not read here
        skipped = bool(found) and all(r["status"] == "skipped" for r in found)
        steps[step_id] = {
            "status": "skipped" if skipped else "completed",
            "title": found[0]["title"] if found else None,
            "text": [r["text"] for r in found],
            "data": [r["data"] for r in found],
        }
    for old in run.get("replaced") or {}:
        # A replanned step's result stands for the step whose work it took over.
        now = current(run, old)
        if old not in members and now in steps:
            steps[old] = steps[now]
    context = {"inputs": run.get("inputs") or {}, "steps": steps}
    for name in ("item", "index"):
        if spec is not None and name in spec:
            context[name] = spec[name]
    return context


def prepare(run: Run, step_id: str, depends_on: Iterable[str], results: Results) -> Prepared | Skip:
    """Decide whether the step runs, and render what it is sent with.

    A step one of whose dependencies was skipped is skipped too (a fanned-out step: all its
    runs), unless it says `when_skipped: run`; then its condition, if any, decides.

    Raises:
        TemplateProblem: the condition or the template failed on these results.
    """
    spec = run.get("steps", {}).get(step_id, {})
    context = _context(run, results, spec)
    if spec.get("when_skipped", "skip") == "skip":
        of_run = {m: step for step, runs in fanned(run).items() for m in runs}
        for dependency in dict.fromkeys(of_run.get(d, d) for d in depends_on):
            if context["steps"].get(dependency, {}).get("status") == "skipped":
                return Skip(f"it depends on {dependency}, which was skipped")
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


def items_of(
    run: Run, step_id: str, depends_on: Iterable[str], results: Results
) -> list[Any] | Skip:
    """The items of a step run once per item of an earlier step's data, now that the steps
    it reads have ended (none: the step is skipped, and the steps after it see empty lists,
    as after an empty list input); or why it is skipped, as a step it needs was skipped.

    Raises:
        TemplateProblem: the path does not select a list.
    """
    spec = run["steps"][step_id]
    path = spec["for_each"]
    context = _context(run, results)
    if spec.get("when_skipped", "skip") == "skip":
        of_run = {m: step for step, runs in fanned(run).items() for m in runs}
        for dependency in dict.fromkeys(of_run.get(d, d) for d in depends_on):
            if context["steps"].get(dependency, {}).get("status") == "skipped":
                return Skip(f"it depends on {dependency}, which was skipped")
    items = select(path, context)
    source = context["steps"].get(parse_path(path).path[0], {})
    if items is None and source.get("status") == "skipped":
        items = []  # `when_skipped: run` after a skipped step: nothing to run per
    if not isinstance(items, list):
        kind = "null" if items is None else type(items).__name__
        raise TemplateProblem(f"{path} is {kind}, not a list: step {step_id} runs once per item")
    return items


def with_items(run: Run, step_id: str, items: list[Any]) -> Run:
    """The run's record once the items of a step run per item of a step's data are known:
    each item's step `<id>#<n>` is prepared as the step would be, with its `item` and
    `index`, and the steps after it read the items' results as a list (`fanned`)."""
    shared = {k: v for k, v in run["steps"][step_id].items() if k != "for_each"}
    ids = [item_id(step_id, n) for n in range(len(items))]
    specs = dict(run.get("steps") or {})
    for n, (run_id, item) in enumerate(zip(ids, items, strict=True)):
        specs[run_id] = {**shared, "item": item, "index": n}
    return {**run, "steps": specs, "groups": {**fanned(run), step_id: ids}}


def outputs_of(run: Run, results: Results) -> dict[str, Any]:
    """The run's result as its workflow's `outputs` mapping shapes it."""
    context = _context(run, results)
    return {name: select(path, context) for name, path in (run.get("outputs") or {}).items()}

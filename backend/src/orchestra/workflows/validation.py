"""Checking a workflow when it is saved, and a run's inputs when it is started.

Every problem is reported, not only the first, each with where it is (`steps.1.depends_on`,
`input_schema.properties.n.type`, `outputs.mean`), in the shape FastAPI's own 422 answers
use (`{"field", "problem"}`). The graph (ids, capabilities, dependencies, cycles) is checked
by the planner's `plan_problems`, as for any plan; templates, conditions and mappings by
what they name: an input the schema declares, a step the step depends on (directly or not).
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

import jsonschema_rs

from orchestra.planner import Plan, PlanStep
from orchestra.planner.validation import ConsensusContext, plan_problems
from orchestra.workflows.definition import WorkflowDefinition
from orchestra.workflows.templates import (
    STEP_FIELDS,
    Reference,
    TemplateProblem,
    expression_references,
    parse_path,
    template_references,
)

__all__ = [
    "Problem",
    "apply_defaults",
    "input_problems",
    "plan_of",
    "validator",
    "workflow_problems",
]

Problem = dict[str, str]
"""{"field": where, "problem": what}"""

# Every JSON Schema keyword of the 2020-12 draft, checked against its meta-schema (bundled
# with jsonschema_rs: nothing is fetched).
META_SCHEMA = jsonschema_rs.Draft202012Validator(
    {"$ref": "https://json-schema.org/draft/2020-12/schema"}
)


def plan_of(definition: WorkflowDefinition) -> Plan:
    """The workflow's steps as a plan (instructions as written, templates included)."""
    return Plan(
        steps=[
            PlanStep(
                id=s.id,
                title=s.title,
                instruction=s.instruction,
                capability=s.capability,
                depends_on=list(s.depends_on),
                expected_output=s.expected_output,
                kind=s.kind,
                participants=s.participants,
                aggregator=s.aggregator,
                aggregator_profile=s.aggregator_profile,
                quorum=s.quorum,
            )
            for s in definition.steps
        ]
    )


def _where(*parts: object) -> str:
    return ".".join(str(p) for p in parts)


def workflow_problems(
    definition: WorkflowDefinition,
    capabilities: Collection[str],
    max_steps: int,
    consensus: ConsensusContext | None = None,
) -> list[Problem]:
    """Every problem of the definition; an empty list means it may be saved.

    `consensus`: what consensus steps' profiles and agents are checked against."""
    problems: list[Problem] = []
    index: dict[str, int] = {}
    for position, step in enumerate(definition.steps):
        index.setdefault(step.id, position)
        if step.kind == "consensus" and step.for_each is not None:
            problems.append(
                _problem(
                    ("steps", position, "for_each"),
                    "a consensus step runs once, with its participants: it cannot run per item",
                )
            )
        if step.kind == "approval" and step.for_each is not None:
            problems.append(
                _problem(
                    ("steps", position, "for_each"),
                    "an approval step is one decision of a person: it cannot run per item",
                )
            )
    for found in plan_problems(plan_of(definition), capabilities, max_steps, consensus):
        if found.step is None or found.step not in index:
            where = "steps"
        else:
            where = _where("steps", index[found.step], found.field or "id")
        problems.append({"field": where, "problem": found.message})

    inputs = _schema_problems(definition.input_schema, problems)
    ancestors = _ancestors(definition)
    every_step = set(index)
    for position, step in enumerate(definition.steps):
        here = ancestors.get(step.id, set())
        names: tuple[str, ...] = ()
        if step.for_each is not None:
            names = ITEM_NAMES
            _check_for_each(
                step.for_each,
                definition.input_schema,
                inputs,
                (here, every_step),
                position,
                problems,
            )
        sources = [("instruction", step.instruction, template_references)]
        if step.condition is not None:
            sources.append(("condition", step.condition, expression_references))
        for field, source, read in sources:
            at: tuple[object, ...] = ("steps", position, field)
            try:
                references = read(source)
            except TemplateProblem as exc:
                problems.append(_problem(at, f"does not parse: {exc}"))
            else:
                _check(references, inputs, here, every_step, at, problems, names)
        for name, path in step.inputs.items():
            at = ("steps", position, "inputs", name)
            _check_path(path, inputs, here, every_step, at, problems)
    for name, path in definition.outputs.items():
        _check_path(path, inputs, every_step, every_step, ("outputs", name), problems)
    return _unique(problems)


def _problem(where: tuple[object, ...], problem: str) -> Problem:
    return {"field": _where(*where), "problem": problem}


def _unique(problems: list[Problem]) -> list[Problem]:
    seen: set[tuple[str, str]] = set()
    kept = []
    for problem in problems:
        key = (problem["field"], problem["problem"])
        if key not in seen:
            seen.add(key)
            kept.append(problem)
    return kept


def _refuse(uri: str) -> Any:
    """Schemas are not fetched from anywhere: a `$ref` resolves within the schema or not at
    all (the orchestrator must not be made to call addresses a user names)."""
    raise ValueError(f"{uri} is not fetched: keep the definitions in the schema ($defs)")


def validator(schema: dict[str, Any]) -> jsonschema_rs.Validator:
    """A validator of the schema, references resolved within it only.

    Raises:
        ValueError: a reference that does not resolve, or a pattern that is not a regex.
    """
    try:
        return jsonschema_rs.Draft202012Validator(schema, retriever=_refuse)
    except (jsonschema_rs.ValidationError, jsonschema_rs.ReferencingError) as exc:
        raise ValueError(str(exc).split("\n", 1)[0]) from exc


def _schema_problems(schema: dict[str, Any], problems: list[Problem]) -> set[str] | None:
    """Check the input schema; returns the names of the inputs it declares (None when any
    name may do, as the schema is broken: its problems are reported instead)."""
    errors = list(META_SCHEMA.iter_errors(schema))
    for error in errors:
        where = _where("input_schema", *error.instance_path)
        problems.append({"field": where, "problem": error.message})
    if errors:
        return None
    try:
        check = validator(schema)
    except ValueError as exc:
        problems.append(_problem(("input_schema",), str(exc)))
        return None
    if schema.get("type") != "object":
        problems.append(
            _problem(
                ("input_schema", "type"),
                'must be "object": a run\'s inputs are named values (inputs.<name>)',
            )
        )
        return None
    properties = schema.get("properties") or {}
    defaults = {
        name: declared["default"]
        for name, declared in properties.items()
        if isinstance(declared, dict) and "default" in declared
    }
    for error in check.iter_errors(defaults):
        # Only what is wrong inside a default: the object of defaults need not be complete.
        if list(error.instance_path):
            name, *inside = error.instance_path
            at = ("input_schema", "properties", name, "default", *inside)
            problems.append(_problem(at, f"the default is invalid: {error.message}"))
    for name in schema.get("required") or ():
        if name not in properties:
            problems.append(
                _problem(("input_schema", "required"), f"{name!r} is required but not declared")
            )
    return set(properties)


def _ancestors(definition: WorkflowDefinition) -> dict[str, set[str]]:
    """The steps each step depends on, directly or not (unknown ids and cycles tolerated:
    they are reported by the plan's checks)."""
    needs = {s.id: set(s.depends_on) for s in definition.steps}
    found: dict[str, set[str]] = {}
    for step_id in needs:
        seen: set[str] = set()
        todo = list(needs[step_id])
        while todo:
            other = todo.pop()
            if other in seen or other not in needs:
                continue
            seen.add(other)
            todo.extend(needs[other])
        seen.discard(step_id)
        found[step_id] = seen
    return found


def _check(
    references: list[Reference],
    inputs: set[str] | None,
    ancestors: set[str],
    steps: set[str],
    where: tuple[object, ...],
    problems: list[Problem],
    names: tuple[str, ...] = (),
) -> None:
    for reference in references:
        if reference.root in names:
            continue
        problem = _reference_problem(reference, inputs, ancestors, steps)
        if problem:
            problems.append(_problem(where, problem))


def _check_path(
    path: str,
    inputs: set[str] | None,
    ancestors: set[str],
    steps: set[str],
    where: tuple[object, ...],
    problems: list[Problem],
) -> None:
    try:
        reference = parse_path(path)
    except TemplateProblem as exc:
        problems.append(_problem(where, str(exc)))
        return
    problem = _reference_problem(reference, inputs, ancestors, steps)
    if problem:
        problems.append(_problem(where, problem))


ITEM_NAMES = ("item", "index")
"""What a step with `for_each` sees besides inputs and steps: its item, and its position."""


def _check_for_each(
    path: str,
    schema: dict[str, Any],
    inputs: set[str] | None,
    steps: tuple[set[str], set[str]],
    position: int,
    problems: list[Problem],
) -> None:
    """A list input (`inputs.<name>`) or a list in an earlier step's data
    (`steps.<id>.data...`, `steps.<id>.text` of a fanned-out step); `steps`: the step's
    ancestors and every step."""
    where = ("steps", position, "for_each")
    try:
        reference = parse_path(path)
    except TemplateProblem as exc:
        problems.append(_problem(where, str(exc)))
        return
    if reference.root == "steps":
        ancestors, every_step = steps
        problem = _reference_problem(reference, inputs, ancestors, every_step)
        if problem is None and len(reference.path) < 2:
            problem = f"{path!r} names a step, not its data: write steps.<id>.data.<list>"
        if problem:
            problems.append(_problem(where, problem))
        return
    if len(reference.path) != 1:
        problems.append(
            _problem(
                where,
                f"{path!r}: for_each names a list input (inputs.<name>) or a list in an "
                "earlier step's data (steps.<id>.data.<name>)",
            )
        )
        return
    name = reference.path[0]
    if inputs is None:
        return
    if name not in inputs:
        problems.append(_problem(where, f"names input {name!r}, which the schema does not declare"))
        return
    declared = (schema.get("properties") or {}).get(name)
    kind = declared.get("type") if isinstance(declared, dict) else None
    if kind is not None and kind != "array" and not (isinstance(kind, list) and "array" in kind):
        problems.append(
            _problem(where, f"input {name!r} must be an array to run once per item, not {kind}")
        )


def _reference_problem(
    reference: Reference, inputs: set[str] | None, ancestors: set[str], steps: set[str]
) -> str | None:
    if reference.root == "inputs":
        if not reference.path or inputs is None or reference.path[0] in inputs:
            return None
        declared = ", ".join(sorted(inputs)) or "none"
        return (
            f"names input {reference.path[0]!r}, which the input schema does not declare "
            f"(declared: {declared})"
        )
    if reference.root != "steps":
        return f"names {reference.root!r}: only inputs and steps are known here"
    if not reference.path:
        return "names steps without a step: write steps.<step id>.data (or .text, .status)"
    step_id = reference.path[0]
    if step_id not in steps:
        return f"names step {step_id!r}, which is not a step of this workflow"
    if step_id not in ancestors:
        return (
            f"names step {step_id!r}, which is not a step this one depends on (directly or "
            "not): its result would not exist yet"
        )
    if len(reference.path) > 1 and reference.path[1] not in STEP_FIELDS:
        return f"names steps.{step_id}.{reference.path[1]}: a step has {', '.join(STEP_FIELDS)}"
    return None


def apply_defaults(schema: dict[str, Any], inputs: dict[str, Any]) -> dict[str, Any]:
    """The inputs with the schema's defaults for the properties not given."""
    given = dict(inputs)
    for name, declared in (schema.get("properties") or {}).items():
        if name not in given and isinstance(declared, dict) and "default" in declared:
            given[name] = declared["default"]
    return given


def input_problems(schema: dict[str, Any], inputs: dict[str, Any]) -> list[Problem]:
    """What is wrong with a run's inputs (defaults applied first), each naming the field."""
    problems = []
    for error in validator(schema).iter_errors(inputs):
        path = list(error.instance_path)
        missing = getattr(error.kind, "property", None)
        if isinstance(error.kind, jsonschema_rs.ValidationErrorKind.Required) and missing:
            path.append(missing)  # the field that is missing, not the object around it
        problems.append({"field": _where("inputs", *path), "problem": error.message})
    return problems

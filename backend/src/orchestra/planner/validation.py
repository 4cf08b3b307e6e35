"""Structural validation of a plan before it is stored or executed."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from orchestra.planner.schema import Plan

__all__ = ["PlanProblem", "plan_problems", "validate_plan"]


@dataclass(frozen=True)
class PlanProblem:
    """One problem of a plan: the step it is about (None: the whole plan), the field of
    that step, and the message `validate_plan` gives for it."""

    step: str | None
    field: str | None
    message: str


def validate_plan(plan: Plan, capabilities: Collection[str], max_steps: int) -> list[str]:
    """Check a plan and describe every problem found.

    The messages are written to be sent back to an LLM for repair as well as shown to
    people, so each one names the step and says what would be valid.

    Args:
        plan: The plan to check.
        capabilities: Names of the capabilities registered agents offer.
        max_steps: The largest number of steps a plan may have.

    Returns:
        Human-readable errors; an empty list means the plan is valid. Checked: empty
        plan, more than ``max_steps`` steps, duplicate ids, unknown capability, dangling
        dependency, self-dependency, cycle.
    """
    return [problem.message for problem in plan_problems(plan, capabilities, max_steps)]


def plan_problems(plan: Plan, capabilities: Collection[str], max_steps: int) -> list[PlanProblem]:
    """`validate_plan`'s problems, each with the step and field it is about."""
    errors: list[PlanProblem] = []
    steps = plan.steps
    if not steps:
        return [PlanProblem(None, None, "The plan has no steps: a plan needs at least one step.")]
    if len(steps) > max_steps:
        errors.append(
            PlanProblem(
                None,
                None,
                f"The plan has {len(steps)} steps but at most {max_steps} are allowed: "
                "merge related steps.",
            )
        )

    ids = [step.id for step in steps]
    seen: set[str] = set()
    for step_id in ids:
        if step_id in seen:
            errors.append(
                PlanProblem(
                    step_id,
                    "id",
                    f"Step id {step_id!r} is used more than once: step ids must be unique.",
                )
            )
        seen.add(step_id)
    for index, step in enumerate(steps, start=1):
        if not step.id.strip():
            errors.append(PlanProblem(step.id, "id", f"Step {index} has an empty id."))

    known = sorted(set(capabilities))
    for step in steps:
        if step.capability not in known:
            errors.append(
                PlanProblem(
                    step.id,
                    "capability",
                    f"Step {step.id!r} needs unknown capability {step.capability!r}: "
                    f"use one of {', '.join(known) if known else '(none available)'}.",
                )
            )

    for step in steps:
        for dependency in step.depends_on:
            if dependency == step.id:
                errors.append(
                    PlanProblem(step.id, "depends_on", f"Step {step.id!r} depends on itself.")
                )
            elif dependency not in seen:
                errors.append(
                    PlanProblem(
                        step.id,
                        "depends_on",
                        f"Step {step.id!r} depends on {dependency!r}, which is not a step of "
                        "this plan.",
                    )
                )

    cycle = _find_cycle(plan)
    if cycle:
        errors.append(
            PlanProblem(
                cycle[0],
                "depends_on",
                "The dependencies form a cycle: " + " -> ".join(cycle) + ".",
            )
        )
    return errors


def _find_cycle(plan: Plan) -> list[str]:
    """Return one cycle as a path of step ids (first id repeated at the end), or []."""
    # Self-loops are reported separately, and edges to unknown steps cannot close a
    # cycle, so both are left out here to keep each problem reported once.
    edges: dict[str, list[str]] = {}
    for step in plan.steps:
        edges.setdefault(step.id, [])
    for step in plan.steps:
        edges[step.id].extend(d for d in step.depends_on if d in edges and d != step.id)

    white, grey, black = 0, 1, 2
    colour = dict.fromkeys(edges, white)
    for root in edges:
        if colour[root] != white:
            continue
        # Iterative depth-first search: plans are small, but recursion limits are not ours
        # to spend on a malformed LLM answer.
        path: list[str] = [root]
        iterators = [iter(edges[root])]
        colour[root] = grey
        while iterators:
            successor = next(iterators[-1], None)
            if successor is None:
                colour[path.pop()] = black
                iterators.pop()
                continue
            if colour[successor] == grey:
                start = path.index(successor)
                return [*path[start:], successor]
            if colour[successor] == white:
                colour[successor] = grey
                path.append(successor)
                iterators.append(iter(edges[successor]))
    return []

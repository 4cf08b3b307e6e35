"""Structural validation of a plan before it is stored or executed."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

from orchestra.planner.schema import Plan, PlanStep

__all__ = ["ConsensusContext", "PlanProblem", "plan_problems", "validate_plan"]

STEP_ID_MAX = 50
"""A stored step id's length limit (`task_steps.step_id`): a participant's `<id>@<label>` too."""
MIN_PARTICIPANTS = 2


@dataclass(frozen=True)
class PlanProblem:
    """One problem of a plan: the step it is about (None: the whole plan), the field of
    that step, and the message `validate_plan` gives for it."""

    step: str | None
    field: str | None
    message: str


@dataclass(frozen=True)
class ConsensusContext:
    """What checking a consensus step's participants needs beyond the plan.

    Attributes:
        profiles: Every model profile, by name: True when it runs a model (not offline).
        agents: Every registered agent with an instance, by name: the capabilities it offers.
        aggregator_profile: The profile an llm aggregation uses when its step names none.
    """

    profiles: Mapping[str, bool] = field(default_factory=dict)
    agents: Mapping[str, Collection[str]] = field(default_factory=dict)
    aggregator_profile: str = "default"


def validate_plan(
    plan: Plan,
    capabilities: Collection[str],
    max_steps: int,
    consensus: ConsensusContext | None = None,
) -> list[str]:
    """Check a plan and describe every problem found.

    The messages are written to be sent back to an LLM for repair as well as shown to
    people, so each one names the step and says what would be valid.

    Args:
        plan: The plan to check.
        capabilities: Names of the capabilities registered agents offer.
        max_steps: The largest number of steps a plan may have.

    Returns:
        Human-readable errors; an empty list means the plan is valid. Checked: empty
        plan, more than ``max_steps`` steps, duplicate ids, unknown or missing capability
        (none on an approval step), dangling dependency, self-dependency, cycle.
    """
    return [problem.message for problem in plan_problems(plan, capabilities, max_steps, consensus)]


def plan_problems(
    plan: Plan,
    capabilities: Collection[str],
    max_steps: int,
    consensus: ConsensusContext | None = None,
) -> list[PlanProblem]:
    """`validate_plan`'s problems, each with the step and field it is about.

    Consensus steps are checked too: at least two participants, distinct, ids that fit, a
    quorum they can meet; with `consensus`, also that each profile is defined, each agent
    registered with the capability, and that an llm aggregation has a model. Whether an
    instance serves a profile is not checked: instances may come later (the participant
    fails at run time, saying so).
    """
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
        if step.kind == "approval":
            # A person decides it: no agent, so no capability to look for.
            if step.capability:
                errors.append(
                    PlanProblem(
                        step.id,
                        "capability",
                        f"Step {step.id!r} is an approval step: a person approves it and no "
                        f"agent runs it, so it takes no capability (remove {step.capability!r}).",
                    )
                )
        elif not step.capability:
            errors.append(
                PlanProblem(
                    step.id,
                    "capability",
                    f"Step {step.id!r} has no capability: an agent step needs one of "
                    f"{', '.join(known) if known else '(none available)'}.",
                )
            )
        elif step.capability not in known:
            errors.append(
                PlanProblem(
                    step.id,
                    "capability",
                    f"Step {step.id!r} needs unknown capability {step.capability!r}: "
                    f"use one of {', '.join(known) if known else '(none available)'}.",
                )
            )

    for step in steps:
        errors.extend(_consensus_problems(step, seen, consensus))

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


def _consensus_problems(
    step: PlanStep, ids: Collection[str], context: ConsensusContext | None
) -> list[PlanProblem]:
    """A consensus step's problems (and consensus fields on a step that is not one)."""
    found: list[PlanProblem] = []

    def problem(field: str, message: str) -> None:
        found.append(PlanProblem(step.id, field, f"Step {step.id!r} {field}: {message}"))

    if step.kind != "consensus":
        for name in ("participants", "aggregator", "aggregator_profile", "quorum"):
            if getattr(step, name) is not None:
                problem(name, 'only a step of kind "consensus" has this field.')
        return found
    if step.participants is None:
        problem(
            "participants",
            'a consensus step needs participants: {"profiles": [...]} or {"agents": [...]}.',
        )
        return found
    labels = step.participants.labels
    which = "profiles" if step.participants.profiles is not None else "agents"
    if len(labels) < MIN_PARTICIPANTS:
        problem(
            "participants",
            f"a consensus needs at least {MIN_PARTICIPANTS} participants; it has {len(labels)}.",
        )
    repeated = sorted({label for label in labels if labels.count(label) > 1})
    if repeated:
        problem("participants", f"{', '.join(map(repr, repeated))} named more than once.")
    for label in dict.fromkeys(labels):
        step_id = f"{step.id}@{label}"
        if not label.strip() or "@" in label:
            problem("participants", f"{label!r} is not a usable participant name.")
        elif len(step_id) > STEP_ID_MAX:
            problem(
                "participants",
                f"the participant step id {step_id!r} is longer than {STEP_ID_MAX} characters: "
                "shorten the step id.",
            )
        elif step_id in ids:
            problem("participants", f"{step_id!r} is also the id of another step.")
    if step.quorum is not None and step.quorum > len(labels):
        problem("quorum", f"{step.quorum} is more than the {len(labels)} participants.")
    if step.aggregator_profile is not None and step.aggregator != "llm":
        problem("aggregator_profile", 'only the "llm" aggregator uses a model profile.')
    if context is None:
        return found
    if which == "profiles":
        unknown = [label for label in labels if label not in context.profiles]
        if unknown:
            problem(
                "participants",
                f"unknown model profile {', '.join(map(repr, unknown))}; the profiles are: "
                f"{', '.join(sorted(context.profiles))}.",
            )
    else:
        for label in dict.fromkeys(labels):
            offered = context.agents.get(label)
            if offered is None:
                known = ", ".join(sorted(context.agents)) or "(none)"
                problem(
                    "participants",
                    f"no agent named {label!r} is registered; the agents are: {known}.",
                )
            elif step.capability not in offered:
                problem(
                    "participants",
                    f"the agent {label!r} does not offer the capability {step.capability!r}.",
                )
    if step.aggregator == "llm":
        name = step.aggregator_profile or context.aggregator_profile
        field_name = "aggregator_profile"
        if name not in context.profiles:
            problem(
                field_name,
                f"unknown model profile {name!r}; the profiles are: "
                f"{', '.join(sorted(context.profiles))}.",
            )
        elif not context.profiles[name]:
            problem(
                field_name,
                f"llm aggregation needs a model, and the profile {name!r} is offline: name a "
                "profile that runs a model, or use the vote or central aggregator.",
            )
    return found


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

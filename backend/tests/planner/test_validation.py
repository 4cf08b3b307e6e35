"""validate_plan: one test per kind of error, and the valid cases."""

from __future__ import annotations

from orchestra.planner import Plan, PlanStep, validate_plan

CAPS = ["research", "writing", "statistics"]


def step(step_id: str, capability: str = "research", *deps: str) -> PlanStep:
    return PlanStep(
        id=step_id,
        title=step_id,
        instruction=f"do {step_id}",
        capability=capability,
        depends_on=list(deps),
    )


def test_valid_plan_has_no_errors() -> None:
    plan = Plan(steps=[step("s1"), step("s2", "statistics"), step("s3", "writing", "s1", "s2")])
    assert validate_plan(plan, CAPS, max_steps=3) == []


def test_empty_plan() -> None:
    errors = validate_plan(Plan(steps=[]), CAPS, max_steps=5)
    assert len(errors) == 1
    assert "no steps" in errors[0]


def test_too_many_steps() -> None:
    plan = Plan(steps=[step(f"s{i}") for i in range(1, 5)])
    errors = validate_plan(plan, CAPS, max_steps=3)
    assert errors == ["The plan has 4 steps but at most 3 are allowed: merge related steps."]


def test_duplicate_ids() -> None:
    errors = validate_plan(Plan(steps=[step("s1"), step("s1", "writing")]), CAPS, 5)
    assert any("'s1' is used more than once" in e for e in errors)


def test_unknown_capability_lists_the_known_ones() -> None:
    errors = validate_plan(Plan(steps=[step("s1", "astrology")]), CAPS, 5)
    assert len(errors) == 1
    assert "unknown capability 'astrology'" in errors[0]
    assert "research, statistics, writing" in errors[0]


def test_dangling_dependency() -> None:
    errors = validate_plan(Plan(steps=[step("s1", "research", "s9")]), CAPS, 5)
    assert errors == ["Step 's1' depends on 's9', which is not a step of this plan."]


def test_self_dependency_is_reported_once_not_as_a_cycle() -> None:
    errors = validate_plan(Plan(steps=[step("s1", "research", "s1")]), CAPS, 5)
    assert errors == ["Step 's1' depends on itself."]


def test_cycle() -> None:
    plan = Plan(
        steps=[
            step("s1", "research", "s3"),
            step("s2", "research", "s1"),
            step("s3", "writing", "s2"),
        ]
    )
    errors = validate_plan(plan, CAPS, 5)
    assert len(errors) == 1
    assert errors[0].startswith("The dependencies form a cycle: ")
    path = errors[0].removeprefix("The dependencies form a cycle: ").rstrip(".").split(" -> ")
    assert path[0] == path[-1] and set(path) == {"s1", "s2", "s3"}


def test_two_node_cycle_next_to_valid_steps() -> None:
    plan = Plan(steps=[step("s1"), step("s2", "research", "s3"), step("s3", "writing", "s2")])
    errors = validate_plan(plan, CAPS, 5)
    assert len(errors) == 1 and "cycle" in errors[0]


def test_empty_step_id() -> None:
    errors = validate_plan(Plan(steps=[step(" ")]), CAPS, 5)
    assert errors == ["Step 1 has an empty id."]


def test_all_errors_are_reported_together() -> None:
    plan = Plan(steps=[step("s1", "magic", "s1"), step("s1", "research", "nope"), step("s3")])
    errors = validate_plan(plan, CAPS, max_steps=2)
    joined = "\n".join(errors)
    for fragment in ("at most 2", "more than once", "unknown capability", "itself", "'nope'"):
        assert fragment in joined


def test_no_capabilities_available() -> None:
    errors = validate_plan(Plan(steps=[step("s1")]), [], 5)
    assert errors == ["Step 's1' needs unknown capability 'research': use one of (none available)."]

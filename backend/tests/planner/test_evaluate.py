"""The evaluation set and its scoring."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import pytest

from orchestra.planner import CapabilitySpec, Plan, PlanStep, plan_deterministic
from orchestra.planner.evaluate import (
    EvaluationCase,
    PlannerFn,
    _matches,
    evaluate,
    format_report,
    load_cases,
)

from .capabilities import BUILTIN


def test_packaged_cases_load_and_use_known_capabilities() -> None:
    cases = load_cases()
    assert len(cases) >= 150
    assert len({c.id for c in cases}) == len(cases)
    names = {c.name for c in BUILTIN}
    for case in cases:
        for acceptable in case.acceptable:
            assert acceptable <= names, case.id
        for before, after in case.edges:
            assert {before, after} <= names, case.id
    assert {c.split for c in cases} == {"dev", "holdout"}
    held_out = [c for c in cases if c.split == "holdout"]
    assert len(held_out) >= 80
    assert sum(1 for c in held_out if c.answers or c.refuse) >= 60


# Floors for CI, from the figures recorded in docs/planner.md; raise them as it improves.
FLOORS = {
    # split: (plans that hold, right answers, right or honestly refused)
    "dev": (0.98, 0.97, 0.99),
    # Batches 14 to 16, written furthest from the earlier wordings, leave 52, 47 and 52
    # honest refusals after their fixes, batches 26 and 27 43 and 67, and batches 28 to
    # 30, measured in one round (batch 30 with only its wrong answers mended), 78, 79 and
    # about a hundred, batches 31 and 32 90 and 80, batches 33 and 34 90 and 88, then batch
    # 35 (its wrong answers mended) 105, batches 36 and 37 67 and 83, batches 38 and 39 69
    # and 77, batch 40 (its wrong answers mended) 99, batch 41 (its wrong answers mended)
    # 85, batch 42 (its wrong answers mended) 89, batch 43 (its wrong answers mended) 109:
    # right 75.6 % over the held-out part (6749 cases), under the issue's own bar of 85 %,
    # which is not met; plans 97.7 % (batches 31 to 43 hold plans refused where another
    # capability was expected).
    "holdout": (0.975, 0.75, 0.99),
}
# Wrong answers reported as completed: the goal is none, and none is left on either part.
WRONG_ALLOWED = {"dev": 0, "holdout": 0}


# The whole set (5,000 requests and growing) takes about a minute on a quiet machine: a
# bounded run, given longer than the default limit so that a busy machine does not fail it.
@pytest.mark.timeout(600)
def test_offline_plans_and_answers_do_not_regress() -> None:
    report = evaluate(plan_deterministic, load_cases(), BUILTIN)
    for split, (plans, right, answered) in FLOORS.items():
        part = report.split(split)
        assert part.score >= plans, format_report(part)
        assert part.rate("right") >= right, format_report(part)
        assert part.rate("right", "refused") >= answered, format_report(part)
        # A wrong answer reported as completed is the worst outcome: none, on either part.
        assert part.count("wrong") <= WRONG_ALLOWED[split], format_report(part)
        assert part.count("error") == 0, format_report(part)


def fixed(*steps: tuple[str, list[str]]) -> Plan:
    return Plan(
        steps=[
            PlanStep(
                id=f"s{i}", title="t", instruction=f"do {cap}", capability=cap, depends_on=deps
            )
            for i, (cap, deps) in enumerate(steps, start=1)
        ]
    )


def planner_returning(result: Plan) -> PlannerFn:
    def planner(
        description: str, caps: Sequence[CapabilitySpec], max_steps: int, history: Sequence[str]
    ) -> Plan:
        return result

    return planner


CASE = EvaluationCase(
    id="c",
    description="Research X, then write about it",
    capabilities=frozenset({"research", "writing"}),
    edges=(("research", "writing"),),
)


def test_passing_case() -> None:
    report = evaluate(planner_returning(fixed(("research", []), ("writing", ["s1"]))), [CASE])
    assert report.score == 1.0 and report.precision == 1.0 and report.recall == 1.0


def test_missing_edge_fails_with_full_precision() -> None:
    report = evaluate(planner_returning(fixed(("research", []), ("writing", []))), [CASE])
    (result,) = report.results
    assert not result.passed
    assert result.precision == result.recall == 1.0
    assert result.problems == ("no writing step depends on a research step",)


def test_transitive_edge_holds() -> None:
    plan = fixed(("research", []), ("summarization", ["s1"]), ("writing", ["s2"]))
    case = EvaluationCase(
        "t", "d", frozenset({"research", "summarization", "writing"}), edges=CASE.edges
    )
    assert evaluate(planner_returning(plan), [case]).score == 1.0


def test_wrong_capabilities_give_partial_precision_and_recall() -> None:
    report = evaluate(planner_returning(fixed(("research", []), ("sentiment", []))), [CASE])
    (result,) = report.results
    assert not result.passed
    assert result.precision == 0.5 and result.recall == 0.5 and result.f1 == 0.5


def test_alternatives_independence_and_mentions() -> None:
    case = EvaluationCase(
        "a",
        "d",
        frozenset({"keywords", "sentiment"}),
        alternatives=(frozenset({"analysis"}),),
        independent=True,
        must_mention=("do analysis",),
    )
    assert evaluate(planner_returning(fixed(("analysis", []))), [case]).score == 1.0
    dependent = fixed(("keywords", []), ("sentiment", ["s1"]))
    (result,) = evaluate(planner_returning(dependent), [case]).results
    assert "steps should be independent but some depend on others" in result.problems
    assert "no instruction mentions 'do analysis'" in result.problems


def test_invalid_plan_fails() -> None:
    report = evaluate(planner_returning(fixed(("research", ["s9"]), ("writing", []))), [CASE])
    assert any(p.startswith("invalid plan") for p in report.results[0].problems)


def test_planner_error_is_a_refusal_and_bugs_propagate() -> None:
    report = evaluate(plan_deterministic, [CASE], capabilities=())
    assert report.results[0].problems[0].startswith("planner failed")
    assert report.results[0].outcome == "refused"

    # Refusing to plan what cannot be answered is the plan that holds for it.
    (refused,) = evaluate(plan_deterministic, [replace(CASE, refuse=True)], capabilities=()).results
    assert refused.passed and refused.outcome == "right"

    def broken(*_: object) -> Plan:
        raise RuntimeError("bug")

    with pytest.raises(RuntimeError):
        evaluate(broken, [CASE])


def analyst(*steps: tuple[str, str, list[str]]) -> Plan:
    """A plan of analyst steps: (capability, instruction, depends_on)."""
    return Plan(
        steps=[
            PlanStep(id=f"s{i}", title=f"t{i}", instruction=text, capability=cap, depends_on=deps)
            for i, (cap, text, deps) in enumerate(steps, start=1)
        ]
    )


def answers_case(**fields: object) -> EvaluationCase:
    defaults: dict[str, object] = {
        "id": "a",
        "description": "d",
        "capabilities": frozenset({"statistics"}),
        "alternatives": (frozenset({"statistics", "calculation"}),),
    }
    return EvaluationCase(**{**defaults, **fields})  # type: ignore[arg-type]


CHAIN_PLAN = analyst(
    ("statistics", "Compute the sum of 12.5 and 7.25.", []),
    ("statistics", "Compute the average of the result of step s1 (Sum) and 10.", ["s1"]),
)


def test_answers_are_computed_by_the_analyst_and_judged_in_order() -> None:
    case = answers_case(answers=({"result": 19.75}, {"result": 14.875}))
    (result,) = evaluate(planner_returning(CHAIN_PLAN), [case]).results
    assert result.outcome == "right", result.answer_problems
    assert [r.data["result"] for r in result.runs] == [19.75, 14.875]
    # The same values in the other order are not the answer asked for.
    swapped = answers_case(answers=({"result": 14.875}, {"result": 19.75}))
    (result,) = evaluate(planner_returning(CHAIN_PLAN), [swapped]).results
    assert result.outcome == "wrong"
    assert "expected {'result': 19.75}" in result.answer_problems[0]


def test_a_merged_chain_that_shows_each_value_is_right() -> None:
    plan = analyst(("calculation", "Take 250, subtract 15%, then add 20", []))
    case = answers_case(
        capabilities=frozenset({"calculation"}), answers=({"result": 212.5}, {"result": 232.5})
    )
    assert evaluate(planner_returning(plan), [case]).results[0].outcome == "right"


def test_a_wrong_value_reported_completed_is_wrong() -> None:
    plan = analyst(("statistics", "Compute the average of 12.5, 7.25 and 10.", []))
    case = answers_case(answers=({"result": 14.875},))
    (result,) = evaluate(planner_returning(plan), [case]).results
    assert result.outcome == "wrong" and result.passed


def test_a_refusal_is_counted_apart_and_is_right_when_the_case_asks_for_one() -> None:
    plan = analyst(("statistics", "What is the average?", []))
    (refused,) = evaluate(planner_returning(plan), [answers_case(answers=({"result": 1},))]).results
    assert refused.outcome == "refused"
    assert "No numbers found" in refused.answer_problems[0]
    (right,) = evaluate(planner_returning(plan), [answers_case(refuse=True)]).results
    assert right.outcome == "right"
    answered = analyst(("statistics", "What is the average of 1 and 3?", []))
    (wrong,) = evaluate(planner_returning(answered), [answers_case(refuse=True)]).results
    assert wrong.outcome == "wrong"


def test_steps_of_other_agents_and_their_dependents_are_not_run() -> None:
    plan = Plan(
        steps=[
            PlanStep(id="s1", title="R", instruction="Research tides", capability="research"),
            PlanStep(
                id="s2",
                title="S",
                instruction="Summarize it",
                capability="summarization",
                depends_on=["s1"],
            ),
            PlanStep(id="s3", title="C", instruction="What is 2 + 3?", capability="calculation"),
        ]
    )
    case = answers_case(
        capabilities=frozenset({"research", "summarization", "calculation"}),
        answers=({"result": 5},),
    )
    (result,) = evaluate(planner_returning(plan), [case]).results
    assert [r.state for r in result.runs] == ["not run", "not run", "completed"]
    assert result.outcome == "right"


@pytest.mark.parametrize(
    ("expected", "data", "holds"),
    [
        ({"result": 3.15}, {"result": 3.1415}, False),
        ({"result": 3.14}, {"result": 3.1415}, True),  # within 0.1 %
        ({"result": 0.3333}, {"result": 1 / 3}, True),
        ({"result": 1}, {"result": True}, False),
        ({"label": "Positive"}, {"label": "positive"}, True),
        ({"output": "a,b\n1,2\n"}, {"output": "a,b\n1,2\n"}, True),
        ({"keywords": ["solar power"]}, {"keywords": [{"phrase": "solar power"}]}, True),
        ({"#sentences": 2}, {"sentences": ["a", "b"]}, True),
        ({"#sentences": 1}, {"sentences": ["a", "b"]}, False),
        ({"records": [{"a": 1}]}, {"records": [{"a": 1, "b": 2}]}, True),
        ({"mean": 5}, {"median": 5}, False),
        ({"rows": [{"episode": "44"}]}, {"rows": [{"episode": 44, "downloads": 9}]}, True),
        ({"rows": [{"episode": "44"}]}, {"rows": [{"episode": 4.4}]}, False),
        ({"code": "007"}, {"code": 7}, False),
    ],
)
def test_how_an_expected_answer_is_compared(
    expected: dict[str, object], data: dict[str, object], holds: bool
) -> None:
    assert _matches(expected, data) is holds


def test_format_report() -> None:
    report = evaluate(plan_deterministic, load_cases()[:3], BUILTIN)
    text = format_report(report, verbose=True)
    assert text.splitlines()[0].startswith("all")
    assert "s1 [research]" in text
    assert "-> **Mean (average): 6**" in text  # the analyst's answer to the first case


def test_empty_report() -> None:
    report = evaluate(plan_deterministic, [])
    assert report.score == 0.0 and report.total == 0


def test_invalid_case_file_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "cases.jsonl"
    path.write_text('{"id": "a", "description": "x", "capabilities": ["research"]}\n{"id": 1}\n')
    with pytest.raises(ValueError, match=r"cases\.jsonl:2"):
        load_cases(path)


def test_each_held_out_batch_is_reported_on_its_own(tmp_path: Path) -> None:
    path = tmp_path / "cases.jsonl"
    path.write_text(
        '{"id": "a", "split": "holdout", "description": "What is 2 + 3?", '
        '"capabilities": ["calculation"], "answers": [{"result": 5}]}\n'
        '{"id": "b", "split": "holdout", "batch": 2, "description": "What is 2 + 3?", '
        '"capabilities": ["calculation"], "answers": [{"result": 6}]}\n'
    )
    cases = load_cases(path)
    assert [c.batch for c in cases] == [1, 2]
    report = evaluate(plan_deterministic, cases, BUILTIN)
    assert report.batch(1).count("right") == 1 and report.batch(2).count("wrong") == 1
    lines = format_report(report).splitlines()
    assert [ln.split()[0] for ln in lines[:4]] == ["all", "holdout", "holdout#1", "holdout#2"]
    assert "wrong   1" in lines[3]

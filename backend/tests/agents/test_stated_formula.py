"""A formula stated as "figure = arithmetic of named quantities" with each name's value
given elsewhere in the request (`orchestra.agents.analyst.stated_formula`)."""

from __future__ import annotations

import pytest

from orchestra.agents.analyst.operations import run_operation
from orchestra.agents.analyst.stated_formula import read_stated_formula
from orchestra.agents.protocol import AgentInputError, StepRequest
from orchestra.planner.deterministic import plan_deterministic
from orchestra.planner.evaluate import REFERENCE_CAPABILITIES


def run(instruction: str) -> float:
    data = run_operation(StepRequest(instruction=instruction, capability="calculation")).data
    return float(data["result"])


@pytest.mark.parametrize(
    ("asked", "value"),
    [
        # Values said after their names, a name of two words, brackets.
        ("hit rate = hits / shots x 100. hits is 18, shots 40. whats my hit rate", 45),
        ("net = (gross - tax) x 0.9. gross was 500 and tax is 100", 360),
        ("stock needed = weekly use x weeks + buffer. weekly use 30, weeks 4, buffer 25", 145),
        # A value said before its name, and the one number left for the one name left.
        ("club: 3 dart average = points / darts x 3. scored 1,200 with 80 darts, average?", 45),
        ("strength = weight x (1 + reps/40). lifted 60 kg for 8 reps, estimated strength?", 72),
        # A percentage for a name the formula adds to 1: a fraction.
        ("grown = amount x (1 + r)^n. amount is 1000, r is 10%, n is 2. grown?", 1210),
        (
            "loan: pay = p x r / (1 - (1 + r)^-n). p is 12,000, r is 6% divided by 12, n is 24",
            531.8455,
        ),
    ],
)
def test_a_stated_formula_takes_the_values_given_for_its_names(asked: str, value: float) -> None:
    assert run(asked) == pytest.approx(value, rel=1e-4)


@pytest.mark.parametrize(
    "asked",
    [
        "hit rate = hits / shots x 100. hits is 18. whats my hit rate",  # shots not given
        "hit rate = hits / shots x 100. hits is 18, shots 40, misses 22",  # a number left over
        "score = total x pct / 100. total 80, pct 15%",  # 15 or 0.15: not said
        "bmi = weight / height^2. height 1.8 and im 30",  # whose the 30 is: not said
        "hit rate = hits / shots x 100. hits is 18, shots 40 and 7 games",  # 7 left over
    ],
)
def test_a_stated_formula_not_fully_given_is_refused(asked: str) -> None:
    with pytest.raises(AgentInputError):
        run(asked)


def test_a_stated_formula_and_its_values_are_one_calculation() -> None:
    plan = plan_deterministic(
        "margin = (price - cost) / price x 100. price 40, cost 30", REFERENCE_CAPABILITIES, 8
    )
    assert [s.capability for s in plan.steps] == ["calculation"]
    assert "cost 30" in plan.steps[0].instruction


@pytest.mark.parametrize(
    "asked",
    [
        "hit rate = hits / shots x 100. hits is 18, shots 40. hit rate per game?",
        "net = (gross - tax) x 0.9. gross was 500 and tax is 100. net in euros",
    ],
)
def test_words_asking_more_than_the_figure_leave_it_unread(asked: str) -> None:
    assert read_stated_formula(None, asked) is None

"""Corrections said after a request (`analyst.corrections`): applied, or refused."""

from __future__ import annotations

import pytest

from orchestra.agents.analyst.corrections import apply_corrections
from orchestra.agents.analyst.operations import run_operation
from orchestra.agents.protocol import AgentInputError, StepRequest


@pytest.mark.parametrize(
    ("instruction", "capability", "result"),
    [
        # "I meant X not Y" after the question
        ("what's 36 times 12? oops, I meant 63 not 36", "calculation", 756),
        # ... as the planner puts it, in the context
        ("Context: Sorry, I meant 7 not 9. Task: What is 9 x 11?", "calculation", 77),
        # "the Y should be X" after a list
        ("median of 4, 18, 9, 30, 12 - sorry, the 30 should be 3", "statistics", 9),
        # "not Y but X", with thousands written with a comma
        ("total of 1,200 and 300. correction: not 1,200 but 1,500", "statistics", 1800),
        # "make that X": the one number of its kind replaced
        ("work out 15% of 240 - actually no sorry, make that 25%", "calculation", 60),
        # percentages corrected, each with its sign
        ("knock 17.5% off 480, no wait, the discount is 12.5% not 17.5%", "calculation", 420),
        # the pair said again, its second number new
        ("times 48 by 15 for me - wait no, sorry, 48 by 16", "calculation", 768),
        ("what's 12 times 7? oops, 12 times 8", "calculation", 96),
        # how many there are now: the count of those who share, as the planner sets it first
        (
            "Context: No hang on, there's 8 now. Task: Split 240 between 6 of us...",
            "statistics",
            30,
        ),
        ("split 90 between 5 people. wait, there are 6 of us now", "calculation", 15),
        # ... and in the ask's own sentence, as the planner keeps it with the ask
        ("Split 240 between 6 of us, no hang on, there's 8 now.", "statistics", 30),
        # ... or the count alone with who it counts
        ("the meal was 180 between 4 of us, sorry, 5 of us. how much each?", "calculation", 36),
        # "it's X": the one plain number replaced
        ("what's 15% of 80? actually it's 20%", "calculation", 16),
        # "it was X hours": the one number said in that unit replaced
        (
            "Context: I worked 36 hours at 12.40... No wait, it was 38 hours. Task: What's my pay.",
            "statistics",
            471.2,
        ),
        ("drove 120 miles in 3 hours, sorry, it was 150 miles. average speed?", "calculation", 50),
        # the new number with its unit straight after the cue
        ("sold 14 dozen eggs at 3.20 a dozen - no sorry, 16 dozen. how much", "calculation", 51.2),
        ("bought 6 boxes at 4.50 a box - oops, 8 boxes. how much did i spend", "calculation", 36),
        # "it was X": the one number of its kind (whole, or with decimals) replaced
        ("Context: Did 30 hrs at 12.50 - oh wait, no, it was 32. Task: Pay?", "statistics", 400),
        (
            "Context: Did 30 hrs at 12.50 - oh wait, no, it was 13.25. Task: Pay?",
            "statistics",
            397.5,
        ),
    ],
)
def test_a_correction_is_applied_before_the_request_is_read(
    instruction: str, capability: str, result: float
) -> None:
    data = run_operation(StepRequest(instruction=instruction, capability=capability)).data
    assert data["result"] == pytest.approx(result)


def test_a_correction_the_step_leaves_out_is_applied_from_the_whole_request() -> None:
    said = "whats 54 x 18? sorry, I meant 45 not 54"
    assert apply_corrections("Whats 54 x 18?", said) == "Whats 45 x 18?"
    assert apply_corrections("Multiply s1 by 2", said) == "Multiply s1 by 2"


@pytest.mark.parametrize(
    "instruction",
    [
        # which number is wrong is not said
        "whats 54 x 18? sorry typo",
        "average of 3, 8 and 10, sorry I meant 12",
        # the number corrected is given twice
        "sum of 5, 7 and 5 - the 5 should be 6",
        # ... or not at all
        "what is 8 times 9? I meant 4 not 3",
        # "make that X" with two numbers it may replace
        "what is 12 times 4? oops make that 5",
        # "it's X" with two numbers it may replace
        "split 240 between 6 of us. actually it's 8",
        # "it was X" with two whole numbers it may replace
        "did 30 hrs at 12 - oh wait, no, it was 32. pay?",
        # "it was X hours" with two numbers in hours it may replace
        "worked 5 hours at 12 and 6 hours at 14, no wait, it was 7 hours. my pay?",
    ],
)
def test_a_correction_that_cannot_be_applied_is_refused(instruction: str) -> None:
    with pytest.raises(AgentInputError, match=r"correct|typo|replaces"):
        run_operation(StepRequest(instruction=instruction, capability="calculation"))


@pytest.mark.parametrize(
    "instruction",
    [
        "sorry to bother you, what's 5 + 3",
        "is 45 not 54 the answer to 5 x 9",
        "what's 12.5 + 3.75",
    ],
)
def test_no_correction_leaves_the_request_as_it_is(instruction: str) -> None:
    assert apply_corrections(instruction) == instruction

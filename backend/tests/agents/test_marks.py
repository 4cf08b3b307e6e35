"""Marks and shares of a whole: needed, weighted, attended, in percent (`analyst.marks`)."""

from __future__ import annotations

from typing import Any

import pytest

from orchestra.agents.analyst.operations import run_operation
from orchestra.agents.protocol import AgentInputError, StepRequest


def run(instruction: str, capability: str = "calculation") -> dict[str, Any]:
    return run_operation(StepRequest(instruction=instruction, capability=capability)).data


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # the mark needed in the part left, for an overall target
        (
            "Context: coursework counts 40% and the exam 60%. i got 72 in the coursework. "
            "Task: what do i need in the exam to get 65 overall",
            (65 - 72 * 0.4) / 0.6,
        ),
        (
            "the exam is worth 70% and coursework 30%. I scored 80 on coursework, what do i "
            "need on the exam to get 70 overall?",
            (70 - 80 * 0.3) / 0.7,
        ),
        # an average weighted by what each mark is worth
        (
            "Context: module marks: 68 (20 credits), 74 (20 credits), 59 (40 credits) and 81 "
            "(10 credits). Task: what's my average weighted by credits",
            (68 * 20 + 74 * 20 + 59 * 40 + 81 * 10) / 90,
        ),
        (
            "weighted average of 70 (30%), 60 (30%) and 80 (40%)",
            (70 * 30 + 60 * 30 + 80 * 40) / 100,
        ),
        # attendance: the days not missed, in percent of all of them
        (
            "Context: my son missed 9 days out of 190 school days this year. Task: what's his "
            "attendance %",
            (190 - 9) / 190 * 100,
        ),
        ("she was absent for 6 of the 38 lessons, what's her attendance rate", 32 / 38 * 100),
    ],
)
def test_marks_needed_weighted_and_attended(instruction: str, result: float) -> None:
    assert run(instruction)["result"] == pytest.approx(result)


def test_each_mark_in_percent() -> None:
    data = run("got 18/25, 22/30 and 41/50 on my three quizzes, what's the percentage for each")
    assert [s["result"] for s in data["steps"]] == pytest.approx([72, 220 / 3, 82])
    data = run("scores 7/10 and 45/60, each as a percentage please")
    assert [s["result"] for s in data["steps"]] == pytest.approx([70, 75])


@pytest.mark.parametrize(
    "instruction",
    [
        "mocks: 34/40 on paper 1, 27/35 on paper 2, 45/60 on paper 3. add the marks together "
        "- what's that as a % overall",
        "Context: 34/40 in test 1 and 27/35 in test 2 and 45/60 in test 3. "
        "Task: overall percentage?",
    ],
)
def test_marks_together_in_percent(instruction: str) -> None:
    # The marks pooled over the marks possible: 106 / 135, not the mean of the percentages.
    assert run(instruction)["result"] == pytest.approx(106 / 135 * 100)


@pytest.mark.parametrize(
    "instruction",
    [
        # an average of the marks' percentages is another figure than the marks pooled
        "got 18/25 and 22/30, what's the average percentage overall",
        # a number left out: the 5 bonus marks
        "got 18/25 and 22/30 plus 5 bonus marks, what's that as a % overall",
        # the weights of the parts are not the whole grade
        "coursework counts 40% and the exam 50%. i got 72 in the coursework. what do i need "
        "in the exam to get 65 overall",
        # weighted by something the brackets do not hold
        "module marks: 68 (20 credits), 74 (3 attempts). what's my average weighted by hours",
        # more missed than there were
        "missed 12 days out of 10, what's his attendance %",
        # a mark over more than its whole is no mark out of it
        "got 18/25 and 31/30, what's the percentage for each",
    ],
)
def test_marks_that_do_not_add_up_are_not_read(instruction: str) -> None:
    with pytest.raises(AgentInputError):
        run(instruction)


def test_marks_together_are_not_each_one() -> None:
    # "overall" asks one figure of the marks together, not each one's percentage.
    with pytest.raises(AgentInputError):
        run("got 18/25 and 22/30, what's the overall percentage for each")


def test_each_mark_said_out_of_in_percent() -> None:
    data = run("she got 34 out of 40 in maths and 27 out of 35 in science. percentage for each?")
    assert [s["result"] for s in data["steps"]] == pytest.approx([85, 27 / 35 * 100])
    data = run("he scored 18 out of 25 on the quiz and 41 out of 50 on the test, each as a %")
    assert [s["result"] for s in data["steps"]] == pytest.approx([72, 82])


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        (
            "4 tests so far averaging 68, one left. what does he need on the last one to "
            "average 72 over all 5",
            72 * 5 - 68 * 4,
        ),
        (
            "she's averaged 70 over 3 quizzes and has one more to go. what does she need on "
            "the final quiz to get an average of 75 across all 4",
            75 * 4 - 70 * 3,
        ),
        (
            "after 5 exams my average is 62. what do i need in the last exam to average 65 "
            "over 6 exams",
            65 * 6 - 62 * 5,
        ),
    ],
)
def test_mark_on_the_last_test_for_an_average(instruction: str, result: float) -> None:
    assert run(instruction)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "instruction",
    [
        # two tests left: no one mark on the last makes the average
        "4 tests so far averaging 68, two left. what does he need on the last one to "
        "average 72 over all 6",
        "4 tests so far averaging 68, two left. what does he need on the last one to "
        "average 72 over them all",
    ],
)
def test_mark_for_an_average_with_more_than_one_left_is_not_read(instruction: str) -> None:
    with pytest.raises(AgentInputError):
        run(instruction)


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        ("grade 7 boundary is 186 out of 240. what % is that", 77.5),
        ("level 4 needs 52 out of 80, what percentage is that", 65),
        ("i got 45 out of 60 on paper 2. as a percentage?", 75),
    ],
)
def test_one_mark_out_of_its_whole_in_percent_beside_a_numbered_name(
    instruction: str, result: float
) -> None:
    assert run(instruction)["result"] == pytest.approx(result)


def test_one_mark_missed_out_of_its_whole_is_not_read_as_got() -> None:
    with pytest.raises(AgentInputError):
        run("grade 7: i missed 3 out of 12. what % is that")


@pytest.mark.parametrize(
    ("text", "result"),
    [
        ("paper is out of 80 and the grade 7 boundary is 61%. how many marks is that", 48.8),
        ("the exam is out of 120 and i need 65% to pass. how many marks do i need", 78),
        ("test out of 50, the pass mark is 40%. how many marks is that", 20),
    ],
)
def test_marks_for_a_percentage_of_the_marks_possible(text: str, result: float) -> None:
    assert run(text)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "text",
    [
        # A mark got, or a number left over: not the marks for the percentage alone.
        "got 34 out of 50 and need 70%. how many marks",
        "paper is out of 80 and the boundary is 61%, i got 40. how many marks more",
    ],
)
def test_marks_for_a_percentage_with_other_numbers_are_not_read(text: str) -> None:
    with pytest.raises(AgentInputError):
        run(text)

"""A cost shared by the nights each person stays (`analyst.shares`)."""

from __future__ import annotations

from typing import Any

import pytest

from orchestra.agents.analyst.operations import run_operation
from orchestra.agents.protocol import AgentInputError, StepRequest

_COTTAGE = (
    "Context: Cottage is 840 for the week (7 nights). 4 of us stay all 7 nights and 2 only "
    "come for 3 nights. Task: "
)


def run(instruction: str) -> dict[str, Any]:
    return run_operation(StepRequest(instruction=instruction, capability="calculation")).data


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        (
            f"{_COTTAGE}Splitting by nights stayed, what does each full-week person pay",
            840 / 34 * 7,
        ),
        (f"{_COTTAGE}What does each 3-night person pay", 840 / 34 * 3),
        (
            "villa is 1200. 3 friends stay 5 nights and 2 others stay 2 nights. what does each "
            "2-night person pay",
            1200 / 19 * 2,
        ),
    ],
)
def test_a_share_by_nights_stayed(instruction: str, result: float) -> None:
    assert run(instruction)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "instruction",
    [
        # no group stays 4 nights
        f"{_COTTAGE}What does each 4-night person pay",
        # a number left over (a deposit?) that the sharing would leave out
        "villa is 1200 plus 150. 3 friends stay 5 nights and 2 others stay 2 nights. what does "
        "each 2-night person pay",
    ],
)
def test_a_share_by_nights_not_said_whole_is_not_read(instruction: str) -> None:
    with pytest.raises(AgentInputError):
        run(instruction)


@pytest.mark.parametrize(
    ("instruction", "results"),
    [
        (
            "bake sale made 486.40 and we're splitting it 60/40 between the pta and the "
            "hospice. how much does each get",
            [486.40 * 0.6, 486.40 * 0.4],
        ),
        (
            "prize of 900 split 2:3:4 between me, my brother and my sister, how much does each get",
            [200, 300, 400],
        ),
        ("we split the 120 bill 2:1 between jo and sam. how much does sam get?", [40]),
        (
            "we raised 1,250 and are sharing it 3:2 between the school and the church. how "
            "much does the church get",
            [500],
        ),
    ],
)
def test_a_whole_split_in_a_ratio(instruction: str, results: list[float]) -> None:
    data = run(instruction)
    assert [s["result"] for s in data["steps"]] == pytest.approx(results)


@pytest.mark.parametrize(
    ("instruction", "results"),
    [
        ("share 96 sweets in the ratio 3:5", [36, 60]),
        ("Divide £120 in the ratio 2:3:5.", [24, 36, 60]),
        ("split 45 marbles into the ratio of 4 : 5", [20, 25]),
    ],
)
def test_a_whole_in_a_ratio_said_alone_gives_each_part(
    instruction: str, results: list[float]
) -> None:
    data = run(instruction)
    assert [s["result"] for s in data["steps"]] == pytest.approx(results)


def test_a_whole_in_a_ratio_with_more_said_is_not_read_alone() -> None:
    with pytest.raises(AgentInputError):
        run("share 96 sweets in the ratio 3:5 and eat 10, how many left")


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        (
            "rent is 1,950 and we split by room size. mine is 14 m², the other two are 11 and "
            "10 m². whats my share",
            780,
        ),
        (
            "bills come to 240 and we divide them by bedroom size. my room is 12 sq m and the "
            "other three are 9, 10 and 15 sq m. what do i pay",
            240 * 12 / 46,
        ),
        (
            "rent of 2,400 split in proportion to room size: mine is 16 m2, the others are 12 "
            "and 12 m2. how much is my share?",
            960,
        ),
    ],
)
def test_my_share_by_room_size(instruction: str, result: float) -> None:
    assert run(instruction)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "instruction",
    [
        # a part no one named
        "we split the 120 bill 2:1 between jo and sam. how much does kim get?",
        # two amounts: which is split?
        "made 300 and 20 tips, split it 50/50 between tom and me. how much does each get",
        # two others said, three sizes given
        "rent is 1,950 and we split by room size. mine is 14 m², the other two are 11, 9 and "
        "10 m². whats my share",
        # square metres against square feet
        "rent is 1,950 and we split by room size. mine is 14 m², the other two are 110 and "
        "100 sq ft. whats my share",
    ],
)
def test_splits_that_do_not_add_up_are_not_read(instruction: str) -> None:
    with pytest.raises(AgentInputError):
        run(instruction)


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        (
            "3 large pizzas at 17.99 each, the student deal knocks 40% off, split between 5 of "
            "us. each?",
            3 * 17.99 * 0.6 / 5,
        ),
        ("2 curries at 11.50 and 3 naans at 2.40, split 4 ways. how much each?", 30.2 / 4),
    ],
)
def test_a_total_split_evenly_asked_each(instruction: str, result: float) -> None:
    # The total read as if asked alone, then shared by the count it is split between.
    assert run(instruction)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    ("asked", "value"),
    [
        ("water bill was £1,386 split evenly across 63 plots, how much each?", 22.0),
        (
            "Context: Electric bill came to £318.60. Task: Split evenly between 4 flats, each?",
            79.65,
        ),
    ],
)
def test_one_sum_said_alone_split_by_a_count_is_each_share(asked: str, value: float) -> None:
    assert run(asked)["result"] == pytest.approx(value)


@pytest.mark.parametrize(
    "asked",
    [
        "Context: The taxi was £12 each. Task: Split between 3, how much each?",
        "Context: Bill was £40 for 2 nights. Task: Split between 4, how much each?",
    ],
)
def test_a_sum_per_thing_or_beside_another_number_is_not_split_alone(asked: str) -> None:
    with pytest.raises(AgentInputError):
        run(asked)

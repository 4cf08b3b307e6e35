from __future__ import annotations

from typing import Any

import pytest

from orchestra.agents.analyst.operations import run_operation
from orchestra.agents.analyst.periods import without_spanned_period
from orchestra.agents.analyst.tables import parse_table
from orchestra.agents.protocol import AgentInputError, StepRequest

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def months_table(names: list[str]) -> str:
    return "month,kwh\n" + "".join(f"{m},{10 * (i + 1)}\n" for i, m in enumerate(names))


def run(instruction: str) -> dict[str, Any]:
    return run_operation(StepRequest(instruction=instruction, capability="statistics")).data


@pytest.mark.parametrize(
    ("months", "question", "expected"),
    [
        (MONTHS[:6], "total kwh for the first half of the year?", 210),
        (MONTHS[6:], "total kwh over the second half of the year", 210),
        (MONTHS[:3], "total kwh in Q1", 60),
        (MONTHS, "total kwh for the whole year", 780),
    ],
)
def test_a_frame_the_rows_are_exactly_is_the_whole_column(
    months: list[str], question: str, expected: float
) -> None:
    data = run(months_table(months) + question)
    assert data["operation"] == "sum" and data["result"] == expected


@pytest.mark.parametrize(
    ("months", "question"),
    [
        (MONTHS, "total kwh for the first half of the year"),  # only some of the rows
        (MONTHS[:5], "total kwh for the first half of the year"),  # June is missing
        (MONTHS[:6], "total kwh for the last week"),  # rows are months, not days
    ],
)
def test_a_frame_that_is_not_all_the_rows_is_still_refused(
    months: list[str], question: str
) -> None:
    with pytest.raises(AgentInputError):
        run(months_table(months) + question)


def test_last_week_of_one_row_a_weekday_is_every_row() -> None:
    table = parse_table("day,visitors\nMon,5\nTue,3\nWed,4\nThu,6\nFri,2\n")
    assert "week" not in without_spanned_period("total visitors last week", table)
    dated = parse_table("day,visitors\n2024-01-01,5\n2024-01-02,3\n")
    assert "last week" in without_spanned_period("total visitors last week", dated)
    repeated = parse_table("day,visitors\nMon,5\nTue,3\nWed,4\nThu,6\nMon,2\n")
    assert "last week" in without_spanned_period("total visitors last week", repeated)


MUSEUM = (
    '[{"day":"Mon","visitors":132},{"day":"Tue","visitors":98},{"day":"Wed","visitors":115},'
    '{"day":"Thu","visitors":104},{"day":"Fri","visitors":167}] '
)


@pytest.mark.parametrize(
    ("question", "expected", "day"),
    [
        ("quietest day at the museum last week?", 98, "Tue"),
        ("which was the busiest day this week", 167, "Fri"),
    ],
)
def test_quietest_and_busiest_are_of_the_column_of_visitors(
    question: str, expected: float, day: str
) -> None:
    data = run(MUSEUM + question)
    assert data["result"] == expected
    assert [row["day"] for row in data["matchingRows"]] == [day]


def test_quietest_of_a_table_with_no_column_of_visits_is_refused() -> None:
    with pytest.raises(AgentInputError, match="quietest"):
        run("day,revenue,cost\nMon,5,3\nTue,3,1\nquietest day?")


@pytest.mark.parametrize(
    "question",
    [
        "total kwh for the first half of the year and how does it compare to the second half",
        "total kwh in the first half of the year vs last year",
    ],
)
def test_a_frame_said_beside_another_is_still_refused(question: str) -> None:
    with pytest.raises(AgentInputError):
        run(months_table(MONTHS[:6]) + question)


def test_this_week_against_last_week_is_still_refused() -> None:
    with pytest.raises(AgentInputError):
        run(
            "day,visitors\nMon,5\nTue,3\nWed,4\nThu,6\nFri,2\ntotal visitors this week vs last week"
        )

"""Unit tests for a price list by kind, then how many of each kind (tariffs)."""

from __future__ import annotations

from typing import Any

import pytest

from orchestra.agents.analyst.operations import run_operation
from orchestra.agents.analyst.tariffs import read_priced_counts
from orchestra.agents.protocol import AgentInputError, StepRequest


def run(instruction: str, capability: str = "calculation") -> dict[str, Any]:
    return run_operation(StepRequest(instruction=instruction, capability=capability)).data


@pytest.mark.parametrize(
    ("instruction", "expected"),
    [
        # The name before its price.
        ("small box 4.50, large box 7.20. sent 30 small and 12 large, how much?", 221.4),
        ("mini valet 25, full valet 65. did 14 minis and 5 fulls on saturday, takings?", 675),
        # The name after its price.
        ("entry is 6 for members and 11 for guests. 40 members and 25 guests came, total "
         "takings", 515),
        ("tickets £9 adult £5 child, sold 214 adult and 96 child. takings", 2406),
        ("room is 95/day in summer and 60 off peak. booked 12 summer days and 9 off peak. "
         "total", 1680),
        ("classes are 8 for juniors and 12 for seniors. 10 seniors and 6 juniors, total", 168),
    ],
)  # fmt: skip
def test_counts_at_the_prices_named_for_them(instruction: str, expected: float) -> None:
    assert run(instruction)["result"] == pytest.approx(expected)


@pytest.mark.parametrize(
    "instruction",
    [
        # A count that names both prices, or neither.
        "mini valet 25, full valet 65. did 14 valets and 5 fulls, takings?",
        "mini valet 25, full valet 65. did 14 washes and 5 fulls, takings?",
        # Another figure asked than the total.
        "mini valet 25, full valet 65. did 14 minis and 5 fulls, average takings?",
        "mini valet 25, full valet 65. did 14 minis and 5 fulls, 10% off, takings?",
    ],
)
def test_counts_not_named_by_one_price_are_refused(instruction: str) -> None:
    with pytest.raises(AgentInputError):
        run(instruction)


@pytest.mark.parametrize(
    "instruction",
    [
        # Not the money taken: how many.
        "mini valet 25, full valet 65. did 14 minis and 5 fulls, total cars?",
        # A total a year of prices a month: how many months?
        "mini valet 25 a month, full valet 65. 14 minis and 5 fulls signed up, total a year",
    ],
)
def test_another_total_than_the_takings_is_not_read(instruction: str) -> None:
    assert read_priced_counts(instruction) is None

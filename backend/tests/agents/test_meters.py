"""Unit tests for meter readings: the kWh used between two readings and their cost (meters)."""

from __future__ import annotations

from typing import Any

import pytest

from orchestra.agents.analyst.operations import run_operation
from orchestra.agents.protocol import AgentInputError, StepRequest


def run(instruction: str, capability: str = "calculation") -> dict[str, Any]:
    return run_operation(StepRequest(instruction=instruction, capability=capability)).data


@pytest.mark.parametrize(
    ("instruction", "expected"),
    [
        ("gas meter said 2200 last time and 2300 now. each unit is 11 kWh and we pay 7p per "
         "kWh. how many kWh was that and what's the cost in \u00a3", [1100, 77]),
        ("gas meter read 4812 last time and 4907 now. times the difference by 11.2 to get kWh. "
         "how many kWh is that", [1064]),
        ("electric meter read 45210 last month and 45530 now, 0.27 per kWh. what's the cost",
         [86.4]),
        # a year's saving from a lower-powered swap: (100 - 20) W x 4 h x 365 x 0.30
        ("swapping a 100 W bulb for a 20 W LED, on 4 hours a day every day of the year "
         "(365), electricity 30p/kWh. yearly saving in \u00a3", [35.04]),
        # prices by one unit added, times the amount used
        ("water is 2 per m3 for the water plus 2.5 per m3 sewerage, and we used 40 m3 this "
         "quarter. whats the total", [180]),
    ],
)  # fmt: skip
def test_units_between_two_readings(instruction: str, expected: list[float]) -> None:
    data = run(instruction)
    assert [s["result"] for s in data["steps"]] == pytest.approx(expected)


@pytest.mark.parametrize(
    "instruction",
    [
        # A standing charge, which is not read.
        "electric meter said 45210 last month and 45530 now, 27p per kWh, plus a standing "
        "charge of 53p a day for 30 days. what's the cost in \u00a3",
        # A gas meter reads units, not kWh, and no factor is said.
        "gas meter said 2200 last time and 2300 now and we pay 7p per kWh. what's the cost in "
        "\u00a3",
        # A charge not by the unit, besides the prices by it.
        "water is 2 per m3 plus 2.5 per m3 sewerage plus a 40 standing charge, and we used "
        "40 m3. whats the total",
        # A swap to a higher power saves nothing.
        "swapping a 20 W LED for a 100 W bulb, on 4 hours a day, 365 days a year, 30p/kWh. "
        "yearly saving in \u00a3",
        # A number besides those read (how many bulbs?).
        "swapping a 100 W bulb for a 20 W LED in 3 rooms, on 4 hours a day, 365 days a year, "
        "30p/kWh. yearly saving in \u00a3",
        # The later reading is the smaller.
        "electric meter said 45530 last month and 45210 now, 0.27 per kWh. what's the cost",
    ],
)
def test_meter_readings_not_all_said_are_refused(instruction: str) -> None:
    with pytest.raises(AgentInputError):
        run(instruction)

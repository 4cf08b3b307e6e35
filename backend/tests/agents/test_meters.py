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


@pytest.mark.parametrize(
    ("instruction", "expected"),
    [
        # each appliance's kW x its own time a use, at the price, in pence as asked
        ("microwave is 0.9 kW for 6 mins, hob is 1.8 kW for 15 mins. 27p/kWh, cost of each "
         "in pence", [2.43, 12.15]),
        ("toaster is 1.2 kW for 5 mins and grill is 2 kW for 12 mins. electric is 30p per "
         "kWh, cost of each in pence", [3, 12]),
        # two powers on the same hours a day, added, over the days: in £ from a price in p
        ("a 2 kW heater and a 500W fan, both on 5 hrs a day. 30p per kWh, cost for a 7 day "
         "week", [26.25]),
        ("dehumidifier is 0.3 kW and a fan is 40W, both on 8 hours a day. 28p/kWh, cost for "
         "30 days", [22.848]),
        # minutes a use, uses a day and the days
        ("iron is 2.4 kW, each use takes 20 mins, used 3 times a day. 26p per kWh, cost per "
         "year (365 days)", [227.76]),
        ("hairdryer is 2 kW, 2 uses a day of 6 mins each. 25p per kWh, cost for 30 days",
         [3]),
        # a lower-powered swap of a count of them, the days a year in brackets
        ("swapping 6 x 60W bulbs for 8W LEDs, on 5 hrs a day. 30p per kWh, saving per year "
         "(365 days)", [170.82]),
    ],
)  # fmt: skip
def test_running_appliances_at_a_price_per_kwh(instruction: str, expected: list[float]) -> None:
    data = run(instruction)
    assert [s["result"] for s in data["steps"]] == pytest.approx(expected)


@pytest.mark.parametrize(
    "instruction",
    [
        # Two appliances: the cost of each or of both, not said.
        "microwave is 0.9 kW for 6 mins, hob is 1.8 kW for 15 mins. 27p/kWh, cost in pence",
        # Hours a day over days of a week, then a month: not read.
        "heater is 2 kW on 3 hours a day, 5 days a week. 25p per kWh, cost for 30 days",
        # A battery's kWh besides the charger's power: no running time to read.
        "charger is 7.4 kW for 3 hours and the battery is 64 kWh. 25p per kWh, cost",
        # So much a day, the days not said.
        "fan is 40W, on 8 hours a day. 28p/kWh, cost for the summer",
    ],
)
def test_running_appliances_not_all_said_are_refused(instruction: str) -> None:
    with pytest.raises(AgentInputError):
        run(instruction)


@pytest.mark.parametrize(
    ("instruction", "expected"),
    [
        # kWh at the price plus the days at the standing charge, pence said, in £
        ("electric is 30p per kWh plus 50p a day standing charge. used 200 kWh over 30 days, "
         "bill in \u00a3", [75]),
        ("gas is 6p per kWh + 30p a day standing charge, we used 1,000 kWh over 90 days. "
         "what's the bill", [87]),
        # the kWh priced after it, a year's days in brackets, and the bill over 12 months
        ("used 2,000 kWh last year at 25p plus 50p a day standing charge (365 days). annual "
         "bill and the monthly direct debit over 12", [682.5, 56.875]),
        # two tariffs, the cost of each; a year's use with no days said is 365 of them
        ("tariff A: 20p/kWh + 40p/day. tariff B: 22p/kWh + 20p/day. we use 3,000 kWh a year - "
         "annual cost of each", [746, 733]),
        ("tariff is 24p per kWh plus 45p a day standing charge, we use 2,900 kWh a year, "
         "annual cost?", [860.25]),
    ],
)  # fmt: skip
def test_a_bill_with_a_standing_charge(instruction: str, expected: list[float]) -> None:
    data = run(instruction)
    assert [s["result"] for s in data["steps"]] == pytest.approx(expected)


@pytest.mark.parametrize(
    "instruction",
    [
        # Two tariffs, which one's cost is asked not said.
        "tariff A: 20p/kWh + 40p/day. tariff B: 22p/kWh + 20p/day. we use 3,000 kWh a year - "
        "annual cost",
        # The days of the standing charge not said.
        "electric is 30p per kWh plus 50p a day standing charge. used 200 kWh, bill in \u00a3",
    ],
)
def test_a_bill_with_a_standing_charge_not_all_said_is_refused(instruction: str) -> None:
    with pytest.raises(AgentInputError):
        run(instruction)

"""Itemised bills: lines of a count at a price or one thing at a price, a fee on top or money
off, the total or the change from what is paid with; refused when a number has no part."""

from __future__ import annotations

from typing import Any

import pytest

from orchestra.agents.analyst.operations import run_operation
from orchestra.agents.protocol import AgentInputError, StepRequest


def run(instruction: str) -> dict[str, Any]:
    return run_operation(StepRequest(instruction=instruction, capability="calculation")).data


@pytest.mark.parametrize(
    ("request_text", "result"),
    [
        ("Context: 12 pens at 1.20, 3 pads at 2.50 and a stapler for 6. Task: Total.", 27.9),
        (
            "Context: 4 bread rolls at 45p and a jar of jam for 2.10. "
            "Task: Paying with a fiver, how much change do i get.",
            1.1,
        ),
        (
            "Context: Window cleaning: 6 windows at 8 each plus the conservatory at 30, "
            "then 5% off for paying cash. Task: Total?",
            74.1,
        ),
        (
            "Context: Theatre tickets are 40 each plus a 10% booking fee. Task: Buying 3, total?",
            132,
        ),
    ],
)
def test_a_bill_of_lines_is_added_up(request_text: str, result: float) -> None:
    assert run(request_text)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "request_text",
    [
        # split between people, or a number that is no line of the bill: not a total
        "Context: 12 pens at 1.20 and a stapler for 6, split between 3. Task: Each pays?",
        "Context: 12 pens at 1.20 and a stapler for 6 for 2 weeks. Task: Total.",
    ],
)
def test_a_bill_with_a_number_it_does_not_read_is_refused(request_text: str) -> None:
    with pytest.raises(AgentInputError):
        run(request_text)


@pytest.mark.parametrize(
    ("request_text", "result"),
    [
        (
            "Context: Sold 60 mugs at £9 each, clay and glaze cost me 2.50 a mug and the "
            "market pitch was 45. Task: Profit?",
            345,
        ),
        (
            "Context: The site takes a 10% selling fee plus 0.35 to list it. Sold a lamp for 40. "
            "Task: What do i actually keep.",
            35.65,
        ),
    ],
)
def test_takings_less_their_costs(request_text: str, result: float) -> None:
    assert run(request_text)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "request_text",
    [
        # a cost for something else than each thing sold, or a number with no part
        "Context: Sold 60 mugs at 9 each and the van cost 2.50 a mile. Task: Profit?",
        "Context: Sold 60 mugs at 9 each over 3 days, the pitch was 45. Task: Profit?",
    ],
)
def test_takings_with_a_number_not_read_are_refused(request_text: str) -> None:
    with pytest.raises(AgentInputError):
        run(request_text)


def test_an_amount_in_instalments_each_one() -> None:
    data = run(
        "Context: The car insurance is £960 and they take it in 12 monthly instalments. "
        "Task: How much is each one."
    )
    assert data["result"] == pytest.approx(80)


def test_instalments_with_another_amount_are_refused() -> None:
    with pytest.raises(AgentInputError):
        run(
            "Context: The sofa is 900, delivery 50, paid in 12 payments. "
            "Task: How much is each one."
        )


@pytest.mark.parametrize(
    ("request_text", "result"),
    [
        # fares each, no more than the cap
        (
            "Context: Tram fares are 2.10 a trip but capped at 6 a day. "
            "Task: Doing 5 trips today, what will i pay.",
            6,
        ),
        (
            "Context: Tram fares are 2.10 a trip but capped at 6 a day. "
            "Task: Doing 2 trips today, what will i pay.",
            4.2,
        ),
        # a day rate, then a rate for the distance past the allowance
        (
            "Context: Car hire is 40 a day for 5 days, first 200 miles included then 20p a mile "
            "after that. Task: We drove 350 miles, total?",
            230,
        ),
        # a cost each and a share of a shared cost
        (
            "Context: Museum trip: entry is 8 per pupil and the minibus is 150 shared between "
            "the 30 pupils. Task: What does each pupil pay in total.",
            13,
        ),
        # a bill with a tip, split
        (
            "Context: Bill is $120, we're tipping 15% and splitting it between 4. Task: Each pays?",
            34.5,
        ),
    ],
)
def test_charges_with_a_cap_an_allowance_a_share_or_a_tip(request_text: str, result: float) -> None:
    assert run(request_text)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "request_text",
    [
        # a number that has no part in the reading
        "Context: Tram fares are 2.10 a trip but capped at 6 a day, 3 zones. "
        "Task: Doing 5 trips today, what will i pay.",
        # driven within the allowance, or the allowance in another unit
        "Context: Car hire is 40 a day for 5 days, first 200 miles included then 20p a mile "
        "after that. Task: We drove 150 miles, total?",
        "Context: Car hire is 40 a day for 5 days, first 200 km included then 20p a mile "
        "after that. Task: We drove 350 miles, total?",
        "Context: Entry is 8 per pupil and the minibus is 150 shared between the 30 pupils, "
        "plus 2 teachers. Task: What does each pupil pay.",
        "Context: Bill is $120, we're tipping 15% and splitting it between 4, 2 kids free. "
        "Task: Each pays?",
    ],
)
def test_charges_with_a_number_not_read_are_refused(request_text: str) -> None:
    with pytest.raises(AgentInputError):
        run(request_text)


def test_the_price_per_100_g_of_each_size() -> None:
    data = run(
        "Context: Rice comes in a 1kg bag for 2.40 or a 500g bag for 1.30. "
        "Task: Price per 100 g of each?"
    )
    assert [step["result"] for step in data["steps"]] == [pytest.approx(0.24), pytest.approx(0.26)]


@pytest.mark.parametrize(
    "request_text",
    [
        # grams against millilitres, or a number with no part
        "Context: A 1kg bag for 2.40 or a 500ml bottle for 1.30. Task: Price per 100 g of each?",
        "Context: A 1kg bag for 2.40 or a 500g bag for 1.30, 3 left. Task: Price per 100 g each?",
    ],
)
def test_prices_per_size_that_do_not_compare_are_refused(request_text: str) -> None:
    with pytest.raises(AgentInputError):
        run(request_text)


@pytest.mark.parametrize(
    ("request_text", "results"),
    [
        (
            "Context: Cottage is 1,200 for the week, 2 adults and 4 kids, and a kid pays half of "
            "an adult share. Task: What's an adult share and a kid share.",
            [300, 150],
        ),
        (
            "Context: Rent's 1,500 plus 300 bills, 4 of us. I pay 60 more than each of the "
            "others. Task: What do i pay and what do they each pay.",
            [495, 435],
        ),
    ],
)
def test_shares_that_are_not_equal(request_text: str, results: list[float]) -> None:
    data = run(request_text)
    assert [step["result"] for step in data["steps"]] == [pytest.approx(r) for r in results]


@pytest.mark.parametrize(
    "request_text",
    [
        # "the other two" of four people, or a number with no part
        "Context: Rent's 1,500 plus 300 bills, 4 of us. I pay 60 more than each of the other "
        "two. Task: What do i pay and what do they each pay.",
        "Context: Cottage is 1,200 for 7 nights, 2 adults and 4 kids, and a kid pays half of "
        "an adult share. Task: What's an adult share and a kid share.",
    ],
)
def test_unequal_shares_with_a_number_not_read_are_refused(request_text: str) -> None:
    with pytest.raises(AgentInputError):
        run(request_text)


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        (
            "case weighs 26.4 kg, limit is 23 kg and they charge £12 per kg or part of a kg "
            "over. how much will i pay",
            48,
        ),
        (
            "my bag is 25.2 kg and the allowance is 20 kg. excess is 15 per kg or part thereof, "
            "what will it cost",
            90,
        ),
        # no part charged as a whole unless said
        (
            "suitcase is 27.5 kg, there's a 23 kg limit and they charge 10 a kg over, how much "
            "do i pay",
            45,
        ),
    ],
)
def test_a_charge_for_each_unit_over_a_limit(instruction: str, result: float) -> None:
    assert run(instruction)["result"] == pytest.approx(result)


def test_within_the_limit_is_not_read() -> None:
    with pytest.raises(AgentInputError):
        run(
            "case weighs 21 kg, limit is 23 kg and they charge £12 per kg or part of a kg over. "
            "how much will i pay"
        )

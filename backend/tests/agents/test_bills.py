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
        # a price each for how many there are, said with it or apart
        ("Context: Tickets for the panto were 23 each for 6 of us. Task: Total?", 138),
        ("tickets were 23 each for 6 of us, total?", 138),
        # a thing bought once ("for 300") beside a price each for every guest
        ("a venue for 300 and meals at 25 each, 40 guests, total?", 1300),
        # things one after the other, the last said "each", are each for every guest
        (
            "Context: Wedding favours for 95 guests: a mini jar of honey at 1.35 and a name "
            "tag at 12p each. Task: Total cost",
            139.65,
        ),
        (
            "party bags for 20 kids: a bubble tube at 60p, a balloon at 15p and a lolly at "
            "25p each. total?",
            20,
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


def test_a_line_named_first_and_the_question_naming_the_fee_added() -> None:
    # "rat job is 3 visits at 85": the line's name first; "total inc vat" names the vat on
    # top, no part of the bill left without its amount.
    assert run("rat job is 3 visits at 85, plus 20% vat. total inc vat")["result"] == 306
    assert (
        run("Context: the order is 4 boxes at 12.50 and delivery for 6. Task: Total.")["result"]
        == 56
    )
    with pytest.raises(AgentInputError):
        run("4 boxes at 12.50 plus delivery. total inc delivery")  # delivery has no amount


@pytest.mark.parametrize(
    ("request_text", "result"),
    [
        # what was done with the things counted, said before the count
        ("Context: We sold 40 scones at 1.50 and 25 brownies at 2. Task: Total takings?", 110),
        ("Context: Ordered 6 chairs at 45 and 2 tables this week at 180. Task: Total?", 630),
        # another count at a price of the same things, their name left out
        ("Context: Returned 12 shirts at 19.99 and 3 at 35. Task: Total?", 344.88),
    ],
)
def test_counted_lines_said_with_a_verb_or_without_their_name(
    request_text: str, result: float
) -> None:
    assert run(request_text)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "request_text",
    [
        # bought and sold: a cost and money taken are no one bill
        "Context: Bought 40 mugs at 2 and sold 30 mugs at 5. Task: Total?",
        # a count with no price
        "Context: Sold 40 scones at 1.50 and 25 more. Task: Total?",
    ],
)
def test_counted_lines_not_of_one_bill_are_refused(request_text: str) -> None:
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
        # several things sold, and what was raised once the costs are paid
        (
            "Context: Bake sale: sold 64 brownies at 1.50 and 40 flapjacks at 1.20, "
            "ingredients cost 38.70. Task: How much did we raise for the hospice after costs.",
            105.3,
        ),
        (
            "Sold 12 candles at 8, 10 soaps at 4.50 and 5 mugs at 6, stall fees were 25, profit?",
            146,
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
        # a cost for each thing sold, when more than one thing was sold
        "Sold 12 candles at 8 and 10 soaps at 4.50, materials cost 1.20 a candle, profit?",
    ],
)
def test_takings_with_a_number_not_read_are_refused(request_text: str) -> None:
    with pytest.raises(AgentInputError):
        run(request_text)


@pytest.mark.parametrize(
    ("request_text", "result"),
    [
        # what was taken after paying the one cost the question names
        ("Context: Sold 120 teas at 1.50 and 80 cakes at 2.25. Stall hire was 40. "
         "Task: What did we take after paying the stall hire?", 320),
        # or after every cost said
        ("Context: Sold 120 teas at 1.50. Stall hire was 40. Task: what did we take after "
         "costs", 140),
    ],
)  # fmt: skip
def test_takings_after_paying_a_cost(request_text: str, result: float) -> None:
    assert run(request_text)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "request_text",
    [
        # the cost named is not the one said, or is one of several
        "Context: Sold 120 teas at 1.50. Stall hire was 40. Task: What did we take after "
        "paying the van?",
        "Context: Sold 120 teas at 1.50. Stall hire was 40, insurance was 15. Task: What did "
        "we take after paying the stall?",
    ],
)
def test_takings_after_a_cost_not_the_only_one_said_are_refused(request_text: str) -> None:
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
        # one of those sharing pays a part of a share
        (
            "Context: Electric bill is 214.60 for the quarter. 4 of us, but one moved in halfway "
            "so pays half a share. Task: What does a full share come to, and the half share.",
            [61.3142857, 30.6571429],
        ),
        (
            "Context: Rent is 1,800 a month, 5 of us but one has the box room and pays a third "
            "of a share. Task: Whats a full share and the third share.",
            [415.3846154, 138.4615385],
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
    ("request_text", "result"),
    [
        (
            "Context: Sponsors pledged 2.50, 4 and 1.75 per mile and i ran 13 miles. "
            "Task: How much have i raised.",
            107.25,
        ),
        # a pledge in pence among them, and the lengths said first
        ("my sponsors gave 50p, 1 and 2 a length and i swam 40 lengths, total raised?", 140),
        ("i did 18 holes and got pledges of 1, 2.50 and 3 per hole, how much did i raise", 117),
    ],
)
def test_pledges_for_each_length_done(request_text: str, result: float) -> None:
    assert run(request_text)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "request_text",
    [
        # pledged per km, miles done; a number that is neither a pledge nor the lengths
        "people pledged 3 and 5 per km, i walked 10 miles. total raised?",
        "sponsors pledged 2, 3 and 4 per mile and i ran 13 miles, 5 of us. how much did i raise",
    ],
)
def test_pledges_that_do_not_match_the_lengths_are_refused(request_text: str) -> None:
    with pytest.raises(AgentInputError):
        run(request_text)


def test_a_share_each_when_one_pays_part_of_a_share_is_refused() -> None:
    # not 214.60 / 4: the shares are not equal, and which one is asked is not said
    with pytest.raises(AgentInputError):
        run(
            "Context: Electric bill is 214.60. 4 of us, but one pays half a share. "
            "Task: What does each pay."
        )


@pytest.mark.parametrize(
    ("request_text", "result"),
    [
        # what gift aid adds, on a share of what was raised
        (
            "Context: Raised 640 on my sponsored walk and 70% of that is eligible for gift aid "
            "at 25%. Task: How much extra does gift aid add.",
            112,
        ),
        # the total with it, on an amount of what was raised
        (
            "Context: Fun run raised 3,450 and 2,100 of that is eligible for gift aid at 25%. "
            "Task: Total once gift aid is added?",
            3975,
        ),
        (
            "Context: Charity bake sale raised 420, and gift aid adds 25% on top of donations. "
            "300 of the 420 was donations eligible for gift aid. Task: Total with gift aid?",
            495,
        ),
    ],
)
def test_what_gift_aid_adds(request_text: str, result: float) -> None:
    assert run(request_text)["result"] == pytest.approx(result)


def test_gift_aid_on_a_part_of_another_amount_is_refused() -> None:
    with pytest.raises(AgentInputError):
        run(
            "Context: Raised 420, and 300 of the 500 was donations eligible for gift aid at 25%. "
            "Task: Total with gift aid?"
        )


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


@pytest.mark.parametrize(
    ("instruction", "expected"),
    [
        (
            "festival in portugal: ticket \u20ac185, camping \u20ac45 and \u20ac30 a day spending "
            "for 4 days. total in euros",
            350,
        ),
        ("hotel at 120 a night for 3 nights and parking at 12 a day for 3 days. total", 396),
    ],
)
def test_a_price_each_day_for_the_days_said_is_a_line_of_the_bill(
    instruction: str, expected: float
) -> None:
    assert run(instruction)["result"] == pytest.approx(expected)


@pytest.mark.parametrize(
    "instruction",
    [
        # a total in another currency than the prices' needs a rate of exchange
        "ticket \u00a3185, camping \u00a345 and \u00a330 a day for 4 days. total in euros",
        # a price with neither verb nor sign may be a number of another kind ("room 12")
        "ticket 185, camping 45 and 30 a day for 4 days. total?",
    ],
)
def test_a_bill_not_wholly_said_is_not_totalled(instruction: str) -> None:
    with pytest.raises(AgentInputError):
        run(instruction)


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        ("3 weddings at 1,450 and 5 portrait sessions at 180 this month. whats my turnover", 5250),
        ("3 weddings at 1,450 and 5 sessions at 180, total?", 5250),
        ("12 cakes at 2.50 and 4 tarts at 6 today, takings?", 54),
    ],
)
def test_lines_with_thousands_and_when_said_and_turnover_asked(
    instruction: str, result: float
) -> None:
    assert run(instruction)["result"] == pytest.approx(result)


def test_turnover_of_lines_with_a_cost_among_them_is_refused() -> None:
    with pytest.raises(AgentInputError):
        run("20 mugs at 8, stall for 30. turnover?")

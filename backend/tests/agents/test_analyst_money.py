"""Everyday money word problems: a balance and its interest, a share of income, a change
in percent said in everyday words, prices each or for a count, asked in one line."""

from __future__ import annotations

from typing import Any

import pytest

from orchestra.agents.analyst.operations import run_operation
from orchestra.agents.protocol import AgentInputError, StepInput, StepRequest


def run(instruction: str) -> dict[str, Any]:
    return run_operation(StepRequest(instruction=instruction, capability="calculation")).data


def test_the_balance_then_the_interest_in_it_when_both_are_asked() -> None:
    data = run(
        "putting 2,500 in a fixed saver at 4.5% a year compounded annually for 2 years. "
        "what will it be at the end and how much of that is interest"
    )
    results = [step["result"] for step in data["steps"]]
    assert results == [pytest.approx(2730.0625), pytest.approx(230.0625)]


@pytest.mark.parametrize(
    ("request_text", "result"),
    [
        (
            "Context: Lent my brother 1,500 at 3% a year simple interest for 18 months. "
            "Task: What does he owe me back in total.",
            1567.5,
        ),
        ("2000 at 4% per year simple interest for 9 months, how much interest", 60),
        # A month taken as a twelfth of the year is simple interest for that month; the
        # card's balance is said, the interest asked.
        (
            "Context: card balance is 2,350 at 24.9% a year, taking a month as one twelfth of "
            "that. Task: interest this month?",
            48.7625,
        ),
        (
            "overdraft of 1,200 at 19.9% a year, a month is 1/12 of the yearly rate. how much "
            "interest for one month",
            19.9,
        ),
    ],
)
def test_simple_interest_for_a_number_of_months(request_text: str, result: float) -> None:
    assert run(request_text)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "request_text",
    [
        # a rate a month, or compounding over part of a year: not read as a share of a year
        "lent my brother 1,500 at 3% a month simple interest for 18 months. what's owed",
        "2000 at 4% a year compound interest for 9 months, how much interest",
        # simple or compound, unsaid
        "Context: card balance is 2,350 at 24.9% a year. Task: interest this month?",
    ],
)
def test_interest_for_months_without_a_yearly_simple_rate_is_refused(request_text: str) -> None:
    with pytest.raises(AgentInputError):
        run(request_text)


def test_the_amount_at_the_end_is_the_balance_not_the_interest() -> None:
    data = run("2000 at 5% compound interest for 3 years, what will it be at the end")
    assert data["result"] == pytest.approx(2315.25)


@pytest.mark.parametrize(
    ("request_text", "result"),
    [
        (
            "Context: I earn 2800 a month and rent is 950. "
            "Task: What percent of my income goes to rent?",
            33.93,
        ),
        (
            "Context: I make 3200 a month and rent is 1100. "
            "Task: what % of our take-home pay goes on rent?",
            34.375,
        ),
        # what is earned unsaid in the question; the outgoing named first, in two words
        (
            "Context: chair rent \u00a3180 a week and i take \u00a31,120 a week. "
            "Task: what % goes on chair rent",
            16.071429,
        ),
        (
            "Context: the mortgage is \u00a3950 a month and i earn \u00a32,800 a month. "
            "Task: what % goes on the mortgage?",
            33.928571,
        ),
    ],
)
def test_a_share_of_income_named_in_the_question(request_text: str, result: float) -> None:
    assert run(request_text)["result"] == pytest.approx(result, rel=1e-3)


@pytest.mark.parametrize(
    "request_text",
    [
        # A weekly rent against a monthly income; more paid than earned; three amounts.
        "Context: I make 3200 a month and rent is 250 a week. Task: what % of my income goes "
        "to rent?",
        "Context: I make 3200 a month and rent is 4100. Task: what % of my income goes to rent?",
        "Context: I make 3200 a month, rent is 1100 and food 300. Task: what % of my income "
        "goes to rent?",
        "Context: I make 3200 a month and rent is 250 a week. Task: what % goes to rent?",
        "Context: chair rent \u00a31,300 a week and i take \u00a31,120 a week. "
        "Task: what % goes on chair rent",
    ],
)
def test_a_share_of_income_is_refused_when_not_one_period_or_amount(request_text: str) -> None:
    with pytest.raises(AgentInputError):
        run(request_text)


@pytest.mark.parametrize(
    ("request_text", "result"),
    [
        ("My salary went up from 42,000 to 45,360. What percentage raise did I get?", 8),
        ("tickets were 40 last year and 50 now, how big a rise is that in %", 25),
        ("rent up from 1200 to 1320 this year, what's that in percent", 10),
        ("dress was 80, it's 56 in the sale. how many % off is that", 30),
        # The way alone after "%"; the months say when, and are no values.
        ("class sizes went from 25 to 30, % up?", 20),
        ("members went from 240 in january to 180 in june, what's the % drop", 25),
    ],
)
def test_a_change_in_percent_said_in_everyday_words(request_text: str, result: float) -> None:
    assert run(request_text)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    ("request_text", "results"),
    [
        (
            "Context: approval went from 62% to 55%. Task: by how many percentage points did it "
            "drop, and what's the percentage decrease",
            [7, 11.290323],
        ),
        (
            "Context: conversion was 3.2% in march and 4% in april. "
            "Task: change in pp and % change",
            [0.8, 25],
        ),
        (
            "mock 40%, final 52%, how many percentage points up and what % increase is that",
            [12, 30],
        ),
        ("Context: pass mark was 45%, now 50%. Task: how many percentage points higher", [5]),
    ],
)
def test_a_change_between_percentages_in_points_and_in_percent(
    request_text: str, results: list[float]
) -> None:
    data = run(request_text)
    found = [step["result"] for step in data["steps"]] if "steps" in data else [data["result"]]
    assert found == [pytest.approx(r) for r in results]


@pytest.mark.parametrize(
    "request_text",
    [
        # percent of a percentage, not said apart from points: either may be meant
        "Context: mock was 58%, final was 71%. Task: what % increase is that",
        # said the other way round: which came first is not the order written
        "Context: 71% this year vs 58% last year. Task: how many percentage points up and what "
        "% increase",
        # a rise asked of values that fell
        "Context: approval went from 62% to 55%. Task: how many points up and what % increase",
    ],
)
def test_a_change_between_percentages_not_said_apart_is_refused(request_text: str) -> None:
    with pytest.raises(AgentInputError):
        run(request_text)


@pytest.mark.parametrize(
    "request_text",
    [
        # A rise asked of a price that fell; "off" of a price that went up.
        "tickets were 50 last year and 40 now, how big a rise is that in %",
        "dress was 56, it's 80 in the sale. how many % off is that",
        "class sizes went from 30 to 25, % up?",
    ],
)
def test_a_change_the_other_way_than_asked_is_refused(request_text: str) -> None:
    with pytest.raises(AgentInputError):
        run(request_text)


@pytest.mark.parametrize(
    ("request_text", "result"),
    [
        ("5 notebooks at 3.20 each, total?", 16),
        ("tickets are 12.50 each, how much for 6?", 75),
        ("62 for 4 concert passes, price of a single pass?", 15.5),
    ],
)
def test_prices_each_or_for_a_count_asked_in_one_line(request_text: str, result: float) -> None:
    assert run(request_text)["result"] == pytest.approx(result)


def test_a_price_each_beside_another_amount_is_not_multiplied() -> None:
    with pytest.raises(AgentInputError):
        run("tickets are 12.50 each and parking is 5, how much for 6?")


@pytest.mark.parametrize(
    ("request_text", "result"),
    [
        # A verb of taking carried over to the amount after "and".
        (
            "Context: I had 1000 and paid rent of 650 and a phone bill of 40. Task: What's left?",
            310,
        ),
        # A monthly saving asked for a year.
        ("Context: I earn 3200 a month and spend 2450. Task: How much do I save in a year?", 9000),
        # The change from a note handed over.
        (
            "Context: Groceries cost 63.40 and I paid with a 100 note. "
            "Task: How much change do I get?",
            36.6,
        ),
        # A target less what is done so far.
        (
            "Context: uni essay limit is 3000 words and ive done 2,170 so far. "
            "Task: how many more do i need to write",
            830,
        ),
    ],
)
def test_what_is_left_after_amounts_taken(request_text: str, result: float) -> None:
    assert run(request_text)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "request_text",
    [
        # A refund comes in; a week is no whole part of a month; more spent than handed over.
        "Context: I had 1000 and paid rent of 650 and a refund of 40. Task: What's left?",
        "Context: I earn 3200 a month and spend 2450. Task: How much do I save in a week?",
        "Context: Groceries cost 163.40 and I paid with a 100 note. Task: How much change?",
        "Context: essay limit is 3000 words and ive done 3,170 so far. Task: how many more?",
    ],
)
def test_what_is_left_is_refused_when_not_all_taken(request_text: str) -> None:
    with pytest.raises(AgentInputError):
        run(request_text)


@pytest.mark.parametrize(
    ("request_text", "results"),
    [
        # The share of a named whole reached and what is still to go, in the order asked.
        (
            "Context: venue capacity is 350 and we've sold 280 tickets. "
            "Task: how many are left and what % have we sold",
            [70, 80],
        ),
        (
            "Context: savings goal of 5k, saved 3,200 so far. "
            "Task: what % of the goal is that and how much to go",
            [64, 1800],
        ),
        ("Context: reading target 40, on 26 so far. Task: % of target and how many left", [65, 14]),
    ],
)
def test_the_share_of_a_whole_reached_and_what_is_still_to_go(
    request_text: str, results: list[float]
) -> None:
    data = run(request_text)
    assert [step["result"] for step in data["steps"]] == pytest.approx(results)


@pytest.mark.parametrize(
    "request_text",
    [
        # The share asked by another verb, or of another whole; a third number; over budget.
        "Context: capacity 240, sold 183 so far. Task: % spent and how many left",
        "Context: goal is 2,000, on 1,365 so far. Task: what % of my income is that and how "
        "much to go",
        "Context: target 2,000, raised 1,365 so far and 200 pledged. Task: % raised and how "
        "much to go",
        "Context: budget 500, we've spent 620. Task: what % have we spent and how much is left",
    ],
)
def test_a_share_reached_not_of_the_whole_named_is_refused(request_text: str) -> None:
    with pytest.raises(AgentInputError):
        run(request_text)


@pytest.mark.parametrize(
    ("request_text", "result"),
    [
        # The tax already in a bill, asked without the apostrophe.
        (
            "Context: electrician's bill is 2,910 with 20% vat already in it. "
            "Task: whats the vat bit",
            485,
        ),
        # A value after one loss, asked as what it is worth.
        ("Context: A car bought for 24000 loses 15% of its value. Task: whats it worth now", 20400),
        # A loss each year, of what is left at the start of that year.
        (
            "Context: van cost 24,000 new and loses 15% of its value every year (15% of whatever "
            "its worth at the start of that year). Task: value after 3 yrs?",
            14739,
        ),
        # A share of the income set aside.
        (
            "Context: I earn 2,800 a month and save 15% of it. "
            "Task: how much do I save each month?",
            420,
        ),
        # A count at a price each, and one more thing.
        (
            "bought 3 bags of dog food at £18.75 each and a £6 chew toy \u2014 whats that come to",
            62.25,
        ),
        # The one more thing comes with each of them: as many of it.
        ("5 dresses at 149 each plus a 12.50 sash for each, whats the total", 807.5),
        ("6 mugs at £8 each and a £1.50 box for each - whats that come to", 57),
    ],
)
def test_shares_losses_and_totals_of_everyday_money(request_text: str, result: float) -> None:
    assert run(request_text)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "request_text",
    [
        # Another rate in the text; a count of days unsaid.
        "Context: van cost 24,000 and loses 15% of its value every year, 10% in the first. "
        "Task: value after 3 yrs?",
        "bought 3 bags of dog food at £18.75 each and a £6 chew toy every week, whats that come to",
    ],
)
def test_shares_losses_and_totals_are_refused_when_unsure(request_text: str) -> None:
    with pytest.raises(AgentInputError):
        run(request_text)


@pytest.mark.parametrize(
    ("request_text", "result"),
    [
        (
            "Context: been given 360 for my birthday and already spent 45 lol. "
            "Task: what % is gone",
            12.5,
        ),
        ("Context: I had 200 and spent 50. Task: what percentage have I spent?", 25),
        (
            "Context: lent my brother 600, he paid back 175 and then another 240. "
            "Task: how much does he still owe",
            185,
        ),
    ],
)
def test_shares_spent_and_amounts_still_owed(request_text: str, result: float) -> None:
    assert run(request_text)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "request_text",
    [
        # More spent than had; an amount spent is no amount paid back.
        "Context: I had 200 and spent 250. Task: what percentage have I spent?",
        "Context: lent my brother 600, he spent 175 and then another 240. "
        "Task: how much does he still owe",
    ],
)
def test_shares_spent_and_amounts_owed_are_refused_when_unsure(request_text: str) -> None:
    with pytest.raises(AgentInputError):
        run(request_text)


@pytest.mark.parametrize(
    ("request_text", "result"),
    [
        # The amount before a rise said as "went up by ... and it's now".
        ("the price went up by 8% and it's now 54, what was it before the rise", 50),
        # ... and a change said with a passive verb: "was cut by 20%, it's now".
        ("Context: the sofa was cut by 20%, it's now 640. Task: what was the original price", 800),
        (
            "Context: season ticket has been increased by 6% and now costs 477. "
            "Task: what was it before",
            450,
        ),
        # The whole a part was a share of, asked by the whole's own name.
        ("Context: sold 45 tickets, that's 30% of our capacity. Task: what's the capacity?", 150),
        ("Context: i've put away 1,200, which is 40% of my goal. Task: what's my goal", 3000),
        # A rise said as "putting the rent up".
        (
            "Context: landlord is putting the rent up 4.5% from 1,320 a month. Task: new rent?",
            1379.4,
        ),
        # A count at a price each, and one more thing named before its price.
        ("3 notebooks at 2.49 each and a pen for 1.25 - what's the bill", 8.72),
        # A share of a bill split between flatmates.
        ("Context: gas bill came to 143.40 split between 3 flatmates. Task: whats my share", 47.8),
        # A sale price, then the price it used to be: the saving in percent.
        (
            "Context: kettle's on sale for 39, it used to be 52. Task: what percentage am i saving",
            25,
        ),
    ],
)
def test_prices_before_and_after_a_change(request_text: str, result: float) -> None:
    assert run(request_text)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "request_text",
    [
        # Another whole than the one named; what is left of it; a third number.
        "Context: i've put away 1,200, which is 40% of my goal. Task: what's my budget",
        "Context: i've put away 1,200, which is 40% of my goal. Task: how much is left of my goal",
        "Context: i've put away 1,200 in 3 months, which is 40% of my goal. Task: what's my goal",
    ],
)
def test_a_whole_not_asked_by_the_name_its_share_was_of_is_refused(request_text: str) -> None:
    with pytest.raises(AgentInputError):
        run(request_text)


def test_a_saving_asked_of_a_price_that_rose_is_refused() -> None:
    with pytest.raises(AgentInputError):
        run("Context: kettle's on sale for 59, it used to be 52. Task: what percentage am i saving")


def test_a_discount_then_a_voucher_shows_both_prices() -> None:
    data = run(
        "Context: trainers are 85 with 20% off, then I've got a £5 voucher on top of that. "
        "Task: what do I pay"
    )
    assert [step["result"] for step in data["steps"]] == [pytest.approx(68), pytest.approx(63)]


@pytest.mark.parametrize(
    ("request_text", "results"),
    [
        # cashback or a rebate after the discount comes off as a voucher does
        ("Context: lens is £849, theres 10% off and then £75 cashback from canon. Task: what "
         "does it actually cost me", [764.1, 689.1]),
        ("Context: the tv is 1,299 with 15% off, then a 100 cash back from samsung on top. "
         "Task: what do i pay", [1104.15, 1004.15]),
        ("Context: fridge 640, 20% off in the sale then £50 rebate after. Task: what does it "
         "cost in the end", [512, 462]),
    ],
)  # fmt: skip
def test_a_discount_then_cashback(request_text: str, results: list[float]) -> None:
    data = run(request_text)
    assert [step["result"] for step in data["steps"]] == pytest.approx(results)


def test_a_voucher_before_the_discount_is_refused() -> None:
    with pytest.raises(AgentInputError):
        run(
            "Context: trainers are 85 with 20% off and a £5 voucher that comes off before the "
            "discount. Task: what do I pay"
        )


@pytest.mark.parametrize(
    ("request_text", "result"),
    [
        # A service charge is a share of the bill it is on.
        ("12.5% service charge on a 96 restaurant bill, how much is it", 12),
        # A price for each one of the things counted.
        (
            "school trip is 18 per kid and there are 27 kids in the class, how much should i "
            "collect altogether",
            486,
        ),
    ],
)
def test_a_share_on_a_bill_and_a_price_for_each_counted(request_text: str, result: float) -> None:
    assert run(request_text)["result"] == pytest.approx(result)


def test_a_price_for_each_of_other_things_than_counted_is_refused() -> None:
    with pytest.raises(AgentInputError):
        run("school trip is 18 per kid and there are 27 adults, how much altogether")


def test_an_interest_only_payment_a_month() -> None:
    data = run("interest only mortgage of 165,000 at 4.6% a year, what's the monthly payment")
    assert data["result"] == pytest.approx(632.5)


@pytest.mark.parametrize(
    ("request_text", "results"),
    [
        (
            "15,000 loan at 5.5% apr over 5 years, standard amortisation (5.5%/12 a month). "
            "monthly payment and total repaid",
            [286.5192, 17191.15],
        ),
        ("repayment mortgage 180k at 4% over 30 years, monthly payment?", [859.3521]),
        (
            "borrowing 15,000 over 60 months at 5.5% apr, amortised. monthly payment and total "
            "interest?",
            [286.5192, 2191.046],
        ),
    ],
)
def test_an_amortised_loan_pays_the_same_each_month(
    request_text: str, results: list[float]
) -> None:
    data = run(request_text)
    found = [step["result"] for step in data["steps"]] if "steps" in data else [data["result"]]
    assert found == [pytest.approx(r, rel=1e-5) for r in results]


@pytest.mark.parametrize(
    "request_text",
    [
        # amortisation not said: simple, flat or amortised is not known
        "20k car loan at 7% over 5 years, monthly payment?",
        # a fee the reading would leave out
        "20k car loan at 7% over 5 years with a 500 fee, amortised. monthly payment?",
        # a month's rate that is not the year's over 12
        "8,000 loan at 6.9% apr over 4 years, amortised (7%/12 a month). monthly payment",
    ],
)
def test_an_amortised_loan_with_terms_not_read_is_refused(request_text: str) -> None:
    with pytest.raises(AgentInputError):
        run(request_text)


def test_a_loan_repaid_shows_the_total_then_the_interest() -> None:
    data = run(
        "Context: borrowed 12,000 for the car and pay 238.60 a month for 60 months. "
        "Task: total interest paid?"
    )
    assert [step["result"] for step in data["steps"]] == [
        pytest.approx(14316),
        pytest.approx(2316),
    ]


@pytest.mark.parametrize(
    "request_text",
    [
        "Context: paying 289 a month for 48 months on an 11,500 loan. "
        "Task: total repaid and how much of it is interest",
        "Context: took a 11,500 car loan and im paying 289 a month for 48 months. "
        "Task: how much interest",
    ],
)
def test_a_loan_named_by_its_amount_shows_the_total_then_the_interest(request_text: str) -> None:
    data = run(request_text)
    assert [step["result"] for step in data["steps"]] == [
        pytest.approx(13872),
        pytest.approx(2372),
    ]


@pytest.mark.parametrize(
    "request_text",
    [
        # Not said to be interest only; less repaid than borrowed.
        "mortgage of 165,000 at 4.6% a year, what's the monthly payment",
        "Context: borrowed 12,000 and pay 138.60 a month for 60 months. Task: interest paid?",
    ],
)
def test_loans_are_refused_when_their_terms_are_not_said(request_text: str) -> None:
    with pytest.raises(AgentInputError):
        run(request_text)


def test_paying_yearly_against_twelve_months() -> None:
    data = run(
        "Context: gym wants 420 up front for the year or 39 a month. "
        "Task: how much cheaper is paying yearly?"
    )
    assert data["result"] == pytest.approx(48)


@pytest.mark.parametrize(
    ("request_text", "result"),
    [
        (
            "Context: car insurance is 684 paid upfront or 12 monthly payments of 62.40. "
            "Task: how much extra is paying monthly",
            64.8,
        ),
        (
            "Context: home insurance is 310 up front or 12 payments of 27.50. "
            "Task: how much more do i pay monthly",
            20,
        ),
    ],
)
def test_twelve_payments_against_one_paid_at_once(request_text: str, result: float) -> None:
    assert run(request_text)["result"] == pytest.approx(result)


def test_paying_yearly_said_cheaper_but_dearer_is_refused() -> None:
    with pytest.raises(AgentInputError):
        run(
            "Context: gym wants 520 up front for the year or 39 a month. "
            "Task: how much cheaper is paying yearly?"
        )


@pytest.mark.parametrize(
    ("request_text", "result"),
    [
        (
            "Context: take-home 2,850 a month, 1,140 of it is rent. Task: what share is that in %",
            40,
        ),
        (
            "Context: the pizza had 8 slices and i ate 3 of them. "
            "Task: what percent of the pizza was that lol",
            37.5,
        ),
    ],
)
def test_a_part_said_of_the_whole_before_it(request_text: str, result: float) -> None:
    assert run(request_text)["result"] == pytest.approx(result)


def test_a_part_larger_than_the_whole_before_it_is_refused() -> None:
    with pytest.raises(AgentInputError):
        run(
            "Context: the pizza had 8 slices and i ate 10 of them. "
            "Task: what percent of the pizza was that lol"
        )


@pytest.mark.parametrize(
    ("request_text", "result"),
    [
        (
            "Context: phone cases cost me 2.40 each from the supplier and i flog them at 9. "
            "Task: markup on cost in %?",
            275,
        ),
        (
            "Context: stall costs 63 for the day, each bracelet costs me 1.80 in beads and i "
            "sell them at 6. Task: how many do i need to sell to break even",
            15,
        ),
        # Not a whole number: one more must be sold.
        (
            "Context: stall costs 64 for the day, each bracelet costs me 1.80 in beads and i "
            "sell them at 6. Task: how many do i need to sell to break even",
            16,
        ),
        # What each sells for said before what each costs.
        (
            "Context: overheads are 2,400 a month and each candle sells for 12 and costs 4.50 "
            "to make. Task: how many candles do i need to sell to break even?",
            320,
        ),
        (
            "Context: the stall is 90 for the day, each cake is sold for 3.50, costs 1.25. "
            "Task: break even point?",
            40,
        ),
        # A margin is on the selling price; the cost said as the price bought at.
        (
            "Context: i buy the candles at 4.50 each and sell them for 12. "
            "Task: what's my margin in %",
            62.5,
        ),
        (
            "Context: cards cost me 0.80 each and i sell them at 2.50. "
            "Task: gross margin as a percentage?",
            68,
        ),
        ("Context: we buy them in at 20 and sell at 25. Task: markup in %?", 25),
    ],
)
def test_a_markup_on_cost_and_a_break_even(request_text: str, result: float) -> None:
    assert run(request_text)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    ("request_text", "result"),
    [
        # The costs named one by one, the ticket price no cost of them.
        ("Context: costs: hall 1,200, set 650, costumes 480, rights 900. tickets are 12 each. "
         "Task: total costs", 3230),
        ("Context: costs: venue 500, band 300. tickets are 10 each. Task: total costs", 800),
        ("Context: expenses are hall hire 240 and costumes 130. entry is 5. Task: what are the "
         "total expenses?", 370),
        # "just divide": the break-even count as it is, not rounded up.
        ("Context: costs: hall 1,200, set 650, costumes 480, rights 900. tickets are 12 each. "
         "Task: how many tickets to break even (just divide)", 3230 / 12),
        ("Context: costs: venue 500, band 330. tickets are 12 each. Task: break even, don't "
         "round", 830 / 12),
    ],
)  # fmt: skip
def test_listed_costs_beside_a_ticket_price(request_text: str, result: float) -> None:
    assert run(request_text)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "request_text",
    [
        # Costs named, another total asked: of the costs, or with the tickets?
        "Context: costs: venue 500, band 300. tickets are 10 each. Task: total expenses",
        # A cost for each one sold is no fixed cost of the list.
        "Context: costs: venue 500, printing 0.50 per ticket. tickets are 10 each. Task: total "
        "costs",
    ],
)
def test_listed_costs_not_wholly_said_are_refused(request_text: str) -> None:
    with pytest.raises(AgentInputError):
        run(request_text)


def test_a_margin_said_on_cost_is_refused() -> None:
    with pytest.raises(AgentInputError):
        run(
            "Context: cards cost me 0.80 each and i sell them at 2.50. "
            "Task: margin on cost as a percentage?"
        )


@pytest.mark.parametrize(
    ("request_text", "results"),
    [
        # the price with the markup, then the margin on it: each ask, in the order asked
        ("Context: cost price 12.50 and i put a 60% markup on. Task: selling price and whats "
         "my margin %", [20, 37.5]),
        ("i buy them for 20 with a markup of 35%. what's the margin % and what do i sell them "
         "for", [100 * 7 / 27, 27]),
        # the margin alone
        ("Context: each candle costs me 4 and i mark them up 150%. Task: whats my margin as a "
         "%", [60]),
    ],
)  # fmt: skip
def test_a_markup_then_the_margin(request_text: str, results: list[float]) -> None:
    data = run(request_text)
    assert [s["result"] for s in data["steps"]] == pytest.approx(results)


@pytest.mark.parametrize(
    "request_text",
    [
        # a margin in money or in percent? and an ask that is not read
        "Context: cost price 12.50 and i put a 60% markup on. Task: whats my margin",
        "Context: cost price 12.50 and i put a 60% markup on. Task: whats my margin % and the vat",
        # a markup is no margin: not the price with a 60% markup alone
        "Context: cost price 12.50 and i put a 60% markup on. Task: selling price and my "
        "margin in pounds",
    ],
)
def test_a_markup_with_a_margin_not_wholly_read_is_refused(request_text: str) -> None:
    with pytest.raises(AgentInputError):
        run(request_text)


def test_a_break_even_selling_below_cost_is_refused() -> None:
    with pytest.raises(AgentInputError):
        run(
            "Context: stall costs 64 for the day, each bracelet costs me 6.80 in beads and i "
            "sell them at 6. Task: how many do i need to sell to break even"
        )


@pytest.mark.parametrize(
    ("request_text", "result"),
    [
        (
            "Context: choir concert costs: hall 320, accompanist 150, printing 45. tickets are "
            "£12. Task: how many do we need to sell to break even (round up)",
            43,
        ),
        (
            "Context: gig costs: venue 500, sound engineer 200 and posters 60. tickets sell at "
            "£8. Task: how many to break even",
            95,
        ),
        (
            "Context: school play expenses are hall hire 240 and costumes 130, tickets are 5 "
            "each. Task: how many tickets to break even",
            74,
        ),
    ],
)
def test_a_break_even_of_listed_costs_over_a_ticket_price(request_text: str, result: float) -> None:
    assert run(request_text)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "request_text",
    [
        # a cost for each sheet printed, which the count sold changes
        "Context: quiz night costs: hall 120, prizes 60, printing 0.20 per sheet. tickets are "
        "6. Task: how many to break even",
        # a number after the price, which is no cost
        "Context: costs: hall 120, prizes 60. tickets are 6 and raffle 50. Task: how many to "
        "break even",
    ],
)
def test_a_break_even_of_costs_not_all_fixed_is_refused(request_text: str) -> None:
    with pytest.raises(AgentInputError):
        run(request_text)


def test_equity_as_a_share_of_the_value() -> None:
    data = run(
        "Context: house is valued at 340,000 and there's 212,500 left on the mortgage. "
        "Task: what % of the value is our equity"
    )
    assert data["result"] == pytest.approx(37.5)


def test_equity_with_more_owed_than_the_value_is_refused() -> None:
    with pytest.raises(AgentInputError):
        run(
            "Context: house is valued at 340,000 and there's 412,500 left on the mortgage. "
            "Task: what % of the value is our equity"
        )


# --- shopping and bills (analyst/money.py) -------------------------------------------------


@pytest.mark.parametrize(
    ("request_text", "result"),
    [
        ("Context: Dinner in dublin came to 212 euro. Task: Add 10% service.", 233.2),
        ("Context: The bill is 80. Task: then add 12.5% service", 90),
        ("Context: Groceries came to 84.60. Task: Take off the 10 coupon.", 74.6),
        ("paid 68 for a coat in a 15% off sale. what was the original price", 80),
        ("got it for 42 with 30% off. what was the full price?", 60),
        (
            "wedding budget is 18,000. the venue takes 35% and food 25%. how much money is "
            "left for everything else",
            7200,
        ),
        (
            "my book's rrp is 16.99 and the shop gets 40% trade discount. they've ordered 50 "
            "copies, what do i invoice",
            509.7,
        ),
        ("shower gel is 3.75 each and it's 3 for 2. i'm buying 6, what do i pay", 15),
        ("crisps are 1.20 each, 3 for 2 on now. buying 7, what's the total?", 6.0),
        # every nth one free, for the count asked the price of
        (
            "Context: Dog groomer is 42 a visit and every 5th visit is free. "
            "Task: What do 10 visits cost me.",
            336,
        ),
        ("the car wash is 8 a wash and every 6th one is free, what do 14 washes cost", 96),
        ("coffee is 3.20 each and every 10th coffee is free. buying 25, what do i pay", 73.6),
        ("buy 2 get 1 free on candles at 4 each, i want 6, what do i pay?", 16),
        (
            "meal deal is 3.85. bought separately the sandwich is 2.90, crisps 1.25 and the "
            "drink 1.65. how much does the deal save me",
            1.95,
        ),
        (
            "parking is 6.50 a day or 95 for a monthly permit, and i'm in 16 days a month. how "
            "much does the permit save me each month",
            9,
        ),
        (
            "bus is 2 each way and a weekly pass is 17 i do 5 return trips a week how much "
            "does the pass save me",
            3,
        ),
        (
            "car tax is 195 for the year, or by monthly direct debit which adds 5%. what's the "
            "monthly payment",
            17.0625,
        ),
        (
            "road trip across texas is 620 miles, the car gets 28 mpg and gas is $3.19 a "
            "gallon. fuel cost in dollars?",
            70.635714,
        ),
        ("it's 300 km, the car does 15 km per litre and fuel is 1.80 a litre. fuel cost?", 36),
        (
            "boiler cover is 14.50 a month. without it i'd pay 95 for the annual service plus "
            "one 160 callout this year. how much more is paying as i go than having the "
            "cover, over the year",
            81,
        ),
        (
            "phone contract is 38.99 a month for 36 months plus 30 upfront. or i buy the "
            "phone outright for 799 and go sim only at 12 a month for 36 months. how much "
            "cheaper is the outright route over the 36 months",
            202.64,
        ),
    ],
)
def test_shopping_and_bills(request_text: str, result: float) -> None:
    assert run(request_text)["result"] == pytest.approx(result, rel=1e-6)


@pytest.mark.parametrize(
    "request_text",
    [
        # paying each time is cheaper: the pass saves nothing
        "bus is 2 each way and a weekly pass is 25 i do 5 return trips a week how much does "
        "the pass save me",
        # a weekly pass against days counted a month: no one period
        "parking is 6.50 a day or 25 for a weekly permit, and i'm in 16 days a month. how much "
        "does the permit save me",
        # miles to the gallon and a price a litre
        "trip is 620 miles, the car gets 28 mpg and fuel is 1.45 a litre. fuel cost?",
        # the way asked about is not told
        "plan a is 20 a month for 12 months. or plan b is 200 upfront. how much cheaper is "
        "it over the 12 months",
    ],
)
def test_shopping_and_bills_not_read_are_refused(request_text: str) -> None:
    with pytest.raises(AgentInputError):
        run(request_text)


@pytest.mark.parametrize(
    ("request_text", "results"),
    [
        # what the offer saves: the count at the price each, less what is paid with it
        ("crisps are 1.20 each, 3 for 2 on now. buying 7, how much do i save?", [2.4]),
        (
            "buy 2 get 1 free on candles at 4 each, i want 6. what do i pay and what's the saving",
            [16, 8],
        ),
        (
            "3 for 2 on shower gel at 3.75 each, im getting 7. what's the total and how much "
            "do i save",
            [18.75, 7.5],
        ),
    ],
)
def test_what_a_multibuy_offer_saves(request_text: str, results: list[float]) -> None:
    data = run(request_text)
    shown = [step["result"] for step in data["steps"]] if len(results) > 1 else [data["result"]]
    assert shown == [pytest.approx(r, rel=1e-6) for r in results]


def test_a_step_result_split_is_not_the_context_amount_split() -> None:
    inputs = (StepInput("s1", "Add 10% service", "**233.2**", {"result": 233.2}),)
    data = run_operation(
        StepRequest(
            instruction="Context: Dinner in dublin came to 212 euro. Task: Split the result "
            "of step s1 (Add 10% service) four ways. Each?",
            capability="statistics",
            step_id="s2",
            inputs=inputs,
        )
    ).data
    assert data["result"] == pytest.approx(58.3)


def test_a_price_each_asked_in_pence_is_never_given_in_pounds() -> None:
    # 12 / 52 is 0.23 pounds: in pence it is 23.08, or, unread, a refusal.
    try:
        data = run("52 pods cost 12 pounds, how much per pod in pence?")
    except AgentInputError:
        return
    assert data["result"] == pytest.approx(1200 / 52, rel=1e-4)


def test_a_tax_named_after_its_percentage_is_added_to_the_result_named() -> None:
    mean = StepInput(
        step_id="s1", title="Average them", text="**Mean: 4200**", data={"result": 4200.0}
    )
    said = (
        "Context: three roofers quoted 4,200, 3,750 and 4,650 before vat. Task: Add 20% vat to "
        "the average. Use the result of step s1 (Average them)."
    )
    request = StepRequest(instruction=said, capability="calculation", inputs=[mean])
    assert run_operation(request).data["result"] == pytest.approx(5040)
    assert run("add 20% vat to 350")["result"] == pytest.approx(420)


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # the German, French word for a sum, after amounts with a currency and a dash
        ("Ausgaben vom Wochenende: 12,40 € / 7,95 € / 23,10 € / 9,55 € - Summe?", 53),
        ("Dépenses: 12,40 € / 7,95 € / 23,10 € - somme?", 43.45),
        ("12.40 €, 7.95 €, 9.55 € - sum?", 29.9),
        # the Spanish for a mean, asked at the end: no slip for "median"
        ("compras del super: 23,40 € / 17,85 € / 31,20 € / 19,55 € - media?", 23),
    ],
)
def test_a_sum_asked_after_amounts_with_their_currency(instruction: str, result: float) -> None:
    assert run(instruction)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    ("request_text", "result"),
    [
        (
            "Context: Candles are 7.99 each, buy one and the second is half price. "
            "Task: I'm getting two, total?",
            11.985,
        ),
        ("Context: Mugs are 6 each, buy 1 get the 2nd half price. Task: Getting 5, total?", 24),
    ],
)
def test_buy_one_and_the_second_half_price(request_text: str, result: float) -> None:
    assert run(request_text)["result"] == pytest.approx(result)


def test_second_half_price_with_a_number_not_read_is_refused() -> None:
    with pytest.raises(AgentInputError):
        run(
            "Context: Mugs are 6 each, buy 1 get the 2nd half price, 3 colours. "
            "Task: Getting 5, total?"
        )


@pytest.mark.parametrize(
    ("request_text", "result"),
    [
        # The balance asked as what is paid back or owed, after the interest asked first.
        (
            "Context: Borrowed 4,000 at 6.5% simple interest per year for 3 years. "
            "Task: Whats \u27e8s1\u27e9 to pay back.",
            4780,
        ),
        ("lent 2,000 at 5% simple interest a year for 2 years. how much will he owe me", 2200),
        ("borrowed 4,000 at 6.5% simple interest per year for 3 years. how much interest", 780),
    ],
)
def test_a_loan_paid_back_is_the_amount_with_its_interest(request_text: str, result: float) -> None:
    assert run(request_text)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    ("request_text", "result"),
    [
        (
            "car finance on 9,600 over 48 months, flat 4.9% a year simple interest on the "
            "full amount. monthly payment?",
            239.2,
        ),
        (
            "loan of 6,000 at 5% a year simple interest over 24 months, what's the monthly "
            "repayment",
            275,
        ),
    ],
)
def test_a_flat_rate_loan_paid_monthly(request_text: str, result: float) -> None:
    assert run(request_text)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "request_text",
    [
        # A monthly figure of compound interest, or the interest a month: not read.
        "9,600 over 48 months at 4.9% a year compound interest. monthly payment?",
        "9,600 over 48 months at 4.9% a year simple interest. how much interest a month?",
        # A monthly payment with the term in years: how many payments is not said.
        "9,600 over 4 years at 4.9% a year simple interest. monthly payment?",
    ],
)
def test_a_monthly_figure_of_a_loan_not_read_is_refused(request_text: str) -> None:
    with pytest.raises(AgentInputError):
        run(request_text)


@pytest.mark.parametrize(
    ("request_text", "result"),
    [
        ("bought for 185k, sold for 232k. whats the gain in %", 25.405405),
        ("bought the van for 20,000 and sold it for 15,000. what's the loss in %", 25),
        ("bought shares for 400, sold for 500. profit in %?", 25),
    ],
)
def test_a_gain_or_loss_in_percent_is_a_change_on_what_was_paid(
    request_text: str, result: float
) -> None:
    assert run(request_text)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "request_text",
    [
        # A gain asked of a sale at a loss, or a loss of one at a gain.
        "bought for 185k, sold for 150k. whats the gain in %",
        "bought for 185k, sold for 232k. whats the loss in %",
    ],
)
def test_a_gain_asked_the_wrong_way_is_refused(request_text: str) -> None:
    with pytest.raises(AgentInputError):
        run(request_text)


@pytest.mark.parametrize(
    ("request_text", "result"),
    [
        (
            "3,000 at 6% a year compounded monthly (so 0.5% a month) for 2 years. final balance?",
            3381.479329,
        ),
        (
            "10,000 at 4% a year compounded quarterly (i.e. 1% a quarter) for 3 years. "
            "how much interest?",
            10000 * 1.01**12 - 10000,
        ),
    ],
)
def test_the_rate_each_time_said_again_in_brackets_adds_nothing(
    request_text: str, result: float
) -> None:
    assert run(request_text)["result"] == pytest.approx(result)


def test_a_rate_each_time_that_is_not_the_yearly_rate_shared_is_refused() -> None:
    with pytest.raises(AgentInputError):
        run("3,000 at 6% a year compounded monthly (so 0.6% a month) for 2 years. final balance?")


@pytest.mark.parametrize(
    ("request_text", "result"),
    [
        (
            "need 12,000 for a deposit in 3 years, i've got 2,400 saved already. how much do "
            "i need to put away per month",
            266.666667,
        ),
        ("need 5,000 within 10 months and i have 1,000. how much to save a month?", 400),
        ("i need 3,000 in 2 years, i've got 400. how much should i set aside each week", 25),
    ],
)
def test_what_to_save_each_period_to_reach_a_target(request_text: str, result: float) -> None:
    assert run(request_text)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "request_text",
    [
        # no whole number of weeks in months; a number left over; more held than needed
        "need 12,000 in 3 months, i've got 2,400. how much do i need to save a week",
        "need 12,000 in 3 years, i've got 2,400 and 500 in bonds. how much to save a month",
        "need 2,000 in 3 years, i've got 2,400. how much to save a month",
    ],
)
def test_saving_to_a_target_not_read_is_refused(request_text: str) -> None:
    with pytest.raises(AgentInputError):
        run(request_text)


@pytest.mark.parametrize(
    ("request_text", "result"),
    [
        (
            "Context: saving 15 a week for the first 26 weeks then 25 a week for the next 26. "
            "Task: how much will i have at the end of the year",
            1040,
        ),
        (
            "Context: I put away 100 a month for 4 months, then 150 a month for another 3 "
            "months. Task: How much have I saved?",
            850,
        ),
    ],
)
def test_amounts_at_a_rate_for_stretches_in_turn_are_added(
    request_text: str, result: float
) -> None:
    assert run(request_text)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "request_text",
    [
        # stretches that are not the year asked; two periods; asked per period
        "saving 15 a week for the first 26 weeks then 25 a week for the next 20. how much "
        "will i have at the end of the year",
        "saving 15 a week for 26 weeks then 100 a month for 6 months. how much will i have",
        "saving 15 a week for 26 weeks then 25 a week for 26 weeks. how much a month is that",
    ],
)
def test_stretches_at_a_rate_not_read_are_refused(request_text: str) -> None:
    with pytest.raises(AgentInputError):
        run(request_text)


@pytest.mark.parametrize(
    ("request_text", "result"),
    [
        (
            "Context: bonus is 1,250, they add an 8% uplift and then pay it over 12 months. "
            "Task: how much a month",
            112.5,
        ),
        (
            "Context: the course is 900, they knock 10% off and then spread it over 6 months. "
            "Task: how much is that per month?",
            135,
        ),
    ],
)
def test_an_amount_changed_then_paid_over_periods(request_text: str, result: float) -> None:
    assert run(request_text)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "request_text",
    [
        # the way not said; another period asked; the change said after the spreading
        "Context: bonus is 1,250, they take 20% tax off and pay it over 10 months. "
        "Task: how much a month",
        "Context: bonus is 1,250, they add an 8% uplift and then pay it over 12 months. "
        "Task: how much a week",
        "Context: bonus is 1,250, they pay it over 12 months and add 8%. Task: how much a month",
    ],
)
def test_an_amount_changed_then_spread_not_read_is_refused(request_text: str) -> None:
    with pytest.raises(AgentInputError):
        run(request_text)


def test_amounts_a_month_totalled_for_a_year_show_the_month_then_the_year() -> None:
    data = run_operation(
        StepRequest(
            instruction="netflix 10.99, spotify 11.99 and disney+ 7.99 a month - how much is "
            "that a year on subs altogether",
            capability="calculation",
        )
    ).data
    assert [step["result"] for step in data["steps"]] == pytest.approx([30.97, 371.64])


def test_a_figure_of_amounts_a_month_asked_a_week_is_refused_saying_so() -> None:
    # a month is no whole number of weeks
    with pytest.raises(AgentInputError, match="each month and the request asks for a week"):
        run_operation(
            StepRequest(
                instruction="Context: Phone 22 and broadband 28 a month. Task: Average a week?",
                capability="statistics",
            )
        )


def test_a_charge_that_changed_is_no_charge_made_once_plus_a_rate() -> None:
    # it gave 0.5335 + 0.6099 * 365
    with pytest.raises(AgentInputError):
        run_operation(
            StepRequest(
                instruction="standing charge went from 53.35p to 60.99p a day. how much more "
                "is that over a year of 365 days, in £",
                capability="calculation",
            )
        )


def test_points_for_a_win_and_a_count_of_wins_are_no_list() -> None:
    # it summed the 10 wins and 3 draws (13), the points for a win left out
    with pytest.raises(AgentInputError):
        run_operation(
            StepRequest(
                instruction="Context: 2 points for a win. 10 wins and 3 draws. Task: Total points?",
                capability="statistics",
            )
        )


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        (
            "Context: Long story but my hairdresser put her prices up - colour was 65 and is now "
            "72, cut was 38 and now 42. Task: Whats the % rise on the two together.",
            10.6796117,
        ),
        (
            "gym went from 30 to 35 a month and the pool went from 12 to 14, what's the "
            "percentage increase overall",
            16.6666667,
        ),
    ],
)
def test_prices_risen_taken_together(instruction: str, result: float) -> None:
    assert run(instruction)["result"] == pytest.approx(result)


def test_prices_risen_asked_each_are_not_taken_together() -> None:
    with pytest.raises(AgentInputError):
        run("colour was 65 and is now 72, cut was 38 and now 42. whats the % rise on each")


def test_a_monthly_share_asked_for_a_year_is_twelve_of_it() -> None:
    data = run("Context: I earn 2,800 a month and save 15% of it. Task: how much do I save a year?")
    assert data["result"] == pytest.approx(5040)


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # each monthly payment grows from the month it is paid: 150 * ((1 + r)^60 - 1) / r
        ("putting 150 in at the end of every month for 5 years at 4.5% a year compounded "
         "monthly. whats the pot at the end", 10071.832821),
        ("Context: I pay 200 into an isa at the start of each month for 3 years, 5% a year "
         "compounded monthly. Task: How much will i have", 7782.961550),
        ("putting 100 in at the end of every month for 4 years at 6% a year compounded "
         "monthly. how much interest do i earn", 609.783222),
    ],
)  # fmt: skip
def test_a_payment_made_every_month_grows_from_when_it_is_paid(
    instruction: str, result: float
) -> None:
    assert run(instruction)["result"] == pytest.approx(result, rel=1e-6)


@pytest.mark.parametrize(
    "instruction",
    [
        # paid at the start or the end of each month: not said
        "put 150 in every month for 5 years at 4.5% a year compounded monthly. whats the pot",
        # paid monthly, compounded yearly: a convention unsaid
        "saving 150 at the end of each month for 5 years at 4.5% compounded yearly. total",
    ],
)
def test_a_payment_every_month_with_its_timing_or_compounding_unsaid_is_refused(
    instruction: str,
) -> None:
    with pytest.raises(AgentInputError):
        run(instruction)


@pytest.mark.parametrize(
    ("instruction", "expected"),
    [
        (
            "Context: Yearly car costs: insurance 540, road tax 190, service 260, fuel 1,850, "
            "mot 54.85. Task: What's that per month.",
            [2894.85, 241.2375],
        ),
        (
            "Context: Annual bills: water 480, council tax 1,620, tv licence 169.50. "
            "Task: Total a month.",
            [2269.5, 189.125],
        ),
        (
            "Context: Monthly outgoings: rent 950, phone 20, gym 35. Task: Total for a year?",
            [1005, 12060],
        ),
    ],
)
def test_amounts_under_a_heading_of_their_period_totalled_for_another(
    instruction: str, expected: list[float]
) -> None:
    data = run_operation(StepRequest(instruction=instruction, capability="statistics")).data
    assert [step["result"] for step in data["steps"]] == pytest.approx(expected)


def test_amounts_with_no_period_asked_for_a_year_are_refused() -> None:
    with pytest.raises(AgentInputError):
        run_operation(
            StepRequest(
                instruction="Context: Rent 950, phone 20, gym 35. Task: What's that a year?",
                capability="statistics",
            )
        )


def test_what_that_is_a_year_of_an_income_and_a_spend_is_refused() -> None:
    # Which of the amounts "that" is, is not said: no total of them.
    with pytest.raises(AgentInputError):
        run_operation(
            StepRequest(
                instruction="Context: I earn 3200 a month and spend 2450. Task: How much is "
                "that a year?",
                capability="statistics",
            )
        )

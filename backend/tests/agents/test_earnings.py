"""Pay at an hourly rate, rates in bands, a pay rise, a share named by what it pays for, tax
and a tip before tax (`analyst.earnings`)."""

from __future__ import annotations

from typing import Any

import pytest

from orchestra.agents.analyst.earnings import read_earnings
from orchestra.agents.analyst.operations import run_operation
from orchestra.agents.protocol import AgentInputError, StepRequest


def run(instruction: str, capability: str = "calculation") -> dict[str, Any]:
    return run_operation(StepRequest(instruction=instruction, capability=capability)).data


@pytest.mark.parametrize(
    ("request_text", "result"),
    [
        # a premium on the rate, over a count of shifts
        (
            "Context: Nights pay 12.60 an hour plus a 25% night premium. I did 4 nights of 10 "
            "hours. Task: Gross pay?",
            630,
        ),
        ("3 shifts of 8 hours at 11 an hour plus a 10% weekend premium. what do i earn", 290.4),
        # overtime past a number of hours, said as a multiple or in words
        (
            "Context: I make $22/hr and worked 46 hours this week. Anything over 40 is paid at "
            "1.5x. Task: Gross pay?",
            1078,
        ),
        (
            "i earn 18.50 an hour and worked 45 hours, overtime over 37.5 hours is paid at time "
            "and a half. what's my gross pay",
            901.875,
        ),
        # the rate right after the hours
        ("Context: I worked 38 hours at 12.40. Task: What's my pay.", 471.2),
        # "what's the shift worth": the pay for the time worked
        (
            "bank shift on a saturday, 12.5 hrs at 22.10 an hour with a 30% enhancement. "
            "what's the shift worth",
            359.125,
        ),
        ("worked 8 hours at 12 an hour. whats my day worth", 96),
    ],
)
def test_gross_pay_at_an_hourly_rate(request_text: str, result: float) -> None:
    assert run(request_text, "statistics")["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "request_text",
    [
        # pay taken out, or a premium with overtime (is it paid on the overtime?)
        "i worked 36 hours at 12.40 less 20% tax. what's my pay",
        "22 an hour plus a 10% night premium, worked 46 hours, anything over 40 is paid at "
        "1.5x. gross pay?",
        # "the pay" said in the statement, the question asking another thing
        "the pay is 12 an hour and i worked 30 hours. how long did i work",
    ],
)
def test_pay_with_what_this_reading_leaves_out_is_not_read(request_text: str) -> None:
    assert read_earnings(None, request_text) is None


@pytest.mark.parametrize(
    ("request_text", "result"),
    [
        # hours said with minutes, the rate after "/" or "@"
        ("logged 3 hrs 20 mins on the job at £30/hour. what do i bill", 100),
        ("worked 7 hours and 30 minutes at 12 an hour, what's my pay", 90),
        # a day's hours for a count of days, a week's hours over the weeks paid in a year
        ("8 hrs 15 mins a day for 3 days at 20 an hour. total pay?", 495),
        ("20 hrs a week @ 10.50. what's that over a year if i'm paid for 50 weeks", 10500),
        # clocked in and out, less a break said to be unpaid, on days a week
        (
            "i clock in 09:00 and out at 17:30 with a 30 min unpaid lunch, 4 days a week at "
            "£10/hr. weekly pay?",
            320,
        ),
        # only the overtime asked: the hours past the limit at their rate
        (
            "contracted 35 hrs, did 40 this week. hours over 35 get 1.5x my 12 rate. how much "
            "is the overtime pay",
            90,
        ),
    ],
)
def test_hours_said_other_ways_at_an_hourly_rate(request_text: str, result: float) -> None:
    assert run(request_text, "statistics")["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "request_text",
    [
        # a year asked with the weeks paid unsaid (holidays taken out, or not?)
        "20 hrs a week @ 10.50. what's that over a year",
        # a day's hours on days not counted
        "8 hrs 15 mins a day at 20 an hour. total pay?",
        # a break not said to be unpaid, or a second number of days
        "i clock in 09:00 and out at 17:30 with a 30 min lunch, 4 days a week at £10/hr. "
        "weekly pay?",
        # the hours contracted other than the limit of the overtime
        "contracted 37 hrs, did 40 this week. hours over 35 get 1.5x my 12 rate. how much is "
        "the overtime pay",
        # overtime asked, none said
        "worked 40 hours at 12 an hour. how much is the overtime pay",
    ],
)
def test_hours_said_other_ways_with_a_number_unplaced_are_not_read(request_text: str) -> None:
    assert read_earnings(None, request_text) is None


@pytest.mark.parametrize(
    ("context", "task", "result"),
    [
        # an entitlement for a full week, pro rata by the days worked
        (
            "Full timers get 25 days holiday for a 5 day week.",
            "I work 4 days a week - whats my pro rata entitlement.",
            20,
        ),
        # a week's pay worked out per day: the weeks, and each day's share of a week
        (
            "My sick pay is 100 a week, worked out per day on a 5 day week.",
            "I was off 2 weeks and 3 days, how much do i get.",
            260,
        ),
    ],
)
def test_pro_rata_by_days_a_week(context: str, task: str, result: float) -> None:
    found = read_earnings(context, task)
    assert found is not None
    assert run(f"Context: {context} Task: {task}", "statistics")["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    ("context", "task"),
    [
        # more days worked than the full week
        ("Full timers get 25 days holiday for a 5 day week.", "I work 6 days a week - pro rata?"),
        # a number not placed (a second amount a week)
        (
            "My sick pay is 100 a week, worked out per day on a 5 day week, plus 20 a week.",
            "I was off 2 weeks and 3 days, how much do i get.",
        ),
    ],
)
def test_pro_rata_with_what_this_reading_leaves_out_is_not_read(context: str, task: str) -> None:
    assert read_earnings(context, task) is None


@pytest.mark.parametrize(
    ("context", "task", "result"),
    [
        (
            "Commission is 5% on the first 20k of sales and 8% on anything above that. I sold "
            "34,500 this quarter.",
            "What's my commission.",
            2160,
        ),
        (
            "Tax on a house purchase: 0% on the first 125,000, 2% on the next 125,000 and 5% "
            "on the rest.",
            "House is 310,000, how much tax.",
            5500,
        ),
        # an amount inside the first band
        (
            "commission is 5% on the first 20k of sales and 8% on anything above that. i sold "
            "15,000.",
            "commission?",
            750,
        ),
    ],
)
def test_rates_in_bands(context: str, task: str, result: float) -> None:
    assert run(f"Context: {context} Task: {task}")["result"] == pytest.approx(result)


def test_an_amount_past_the_bands_said_is_not_read() -> None:
    text = "5% on the first 20k and 8% on the next 10k. i sold 34,500. what's my commission"
    assert read_earnings(None, text) is None


def test_a_pay_rise_the_new_salary_then_the_rise_a_month() -> None:
    data = run(
        "Context: Getting a 4.2% pay rise on 28,750. Task: What's the new salary and how much "
        "more is that per month."
    )
    results = [step["result"] for step in data["steps"]]
    assert results == [pytest.approx(29957.5), pytest.approx(100.625)]


@pytest.mark.parametrize(
    ("request_text", "result"),
    [
        ("my salary is 41,000 and i'm getting a 3% raise. what's my new salary", 42230),
        ("a 5% pay rise on 2,400 a month. how much more is that per year", 1440),
    ],
)
def test_a_pay_rise_said_other_ways(request_text: str, result: float) -> None:
    assert run(request_text)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    ("request_text", "result"),
    [
        (
            "Context: Salary is 95,000 AUD and super is 11.5% on top. Task: How much super goes "
            "in over the year.",
            10925,
        ),
        (
            "Context: Mortgage balance is 186,400 and we're allowed to overpay 10% of it a year. "
            "Task: What's the max overpayment.",
            18640,
        ),
        (
            "Context: Mortgage balance is 186,400 and we're allowed to overpay 10% of it a year. "
            "Task: What's that per month over 12 months.",
            1553.3333,
        ),
        (
            "Context: salary is 3,000 a month and pension is 5% of it. Task: how much pension "
            "goes in a year",
            1800,
        ),
        # asked by its name alone
        ("Context: commission is 5% and we sold 3,400 this month. Task: Commission?", 170),
    ],
)
def test_a_share_named_by_what_it_pays_for(request_text: str, result: float) -> None:
    assert run(request_text)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    ("context", "task"),
    [
        # the question names another thing; a period longer than the share's year
        ("Salary is 95,000 and super is 11.5% on top.", "How much tax do I pay."),
        ("Balance is 186,400 and we can overpay 10% of it a year.", "What's that over 18 months."),
    ],
)
def test_a_named_share_not_asked_is_not_read(context: str, task: str) -> None:
    assert read_earnings(context, task) is None


def test_tax_and_a_tip_on_the_amount_before_tax() -> None:
    data = run(
        "Context: Dinner was 86 CAD before tax. HST is 13% and i'm tipping 18% on the pre-tax "
        "amount. Task: Total?"
    )
    assert data["result"] == pytest.approx(112.66)


def test_a_tip_not_said_to_be_before_tax_is_refused() -> None:
    with pytest.raises(AgentInputError):
        run("bill was 60 before tax. tax is 8% and tip 15%. total?")


@pytest.mark.parametrize(
    ("request_text", "result"),
    [
        (
            "earning 32,000. first 12,570 is tax free and the rest is taxed at 20%. "
            "how much tax is that",
            3886,
        ),
        (
            "earning 60,000. first 12,570 is tax free, the next 37,700 is taxed at 20% and "
            "the rest is taxed at 40%. how much tax",
            11432,
        ),
        # under the free band: no tax
        (
            "earning 10,000. first 12,570 is tax free and the rest is taxed at 20%. "
            "how much tax is that",
            0,
        ),
    ],
)
def test_bands_said_as_tax_free_and_taxed_at(request_text: str, result: float) -> None:
    assert run(request_text)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    ("request_text", "results"),
    [
        # an allowance, then a band said by where it ends
        (
            "allowance is 10,000 and 15% on the rest (up to 40,000). earning 25k, how much tax",
            [2250],
        ),
        (
            "earning 70,000. tax free 12,000, then 20% up to 45,000, then 40% above. "
            "total income tax",
            [16600],
        ),
        # a band said by where it starts and ends, below it nothing
        (
            "levy is 5% on profits between 10,000 and 30,000 and 9% above 30,000. on 42k how "
            "much levy",
            [2080],
        ),
        (
            "the first 2,000 of rental income is tax free, the rest taxed at 20%. got 5,500 "
            "rent, how much tax",
            [700],
        ),
        (
            "royalty allowance is 500 and anything over is taxed at 10%. had 1,800 in "
            "royalties, tax owed?",
            [130],
        ),
        ("earning 20k, first 12,570 tax free then 20%. tax a year?", [1486]),
        # the year's amount, and a month's
        (
            "Context: allowance of 12,000 then 20% on the rest (up to 50,000). Task: on a 30k "
            "salary what's the income tax for the year and per month",
            [3600, 300],
        ),
        (
            "NI is 8% on pay between 12,000 and 50,000 and 2% above 50,000. on 20k how much NI",
            [640],
        ),
    ],
)
def test_bands_said_by_where_they_end(request_text: str, results: list[float]) -> None:
    data = run(request_text)
    found = [step["result"] for step in data["steps"]] if "steps" in data else [data["result"]]
    assert found == [pytest.approx(r) for r in results]


@pytest.mark.parametrize(
    "request_text",
    [
        # a gap between the bands
        "NI is 8% on pay between 12,570 and 50,270 and 2% above 60,000. on 70k how much NI",
        # a band ending below the one before
        "earning 40,000. tax free 12,570, then 20% up to 10,000, then 40% above. how much tax",
        # an amount past the last end, at a rate not said
        "allowance is 12,570 and 20% on the rest (up to 50,270). on a 60k salary how much tax",
    ],
)
def test_bands_said_by_ends_that_do_not_follow_on_are_refused(request_text: str) -> None:
    with pytest.raises(AgentInputError):
        run(request_text)


def test_bands_said_as_taxed_with_a_number_left_over_are_refused() -> None:
    with pytest.raises(AgentInputError):
        run(
            "earning 32,000 and a 2,000 bonus. first 12,570 is tax free and the rest is taxed "
            "at 20%. how much tax is that"
        )


@pytest.mark.parametrize(
    ("request_text", "result"),
    [
        (
            "full time salary is 34.5k for 37.5 hrs a week and i do 22.5 hrs. pro rata salary?",
            20700,
        ),
        (
            "the salary is 28,000 for a 5 day week and i work 3 days a week. "
            "what's my pro rata pay",
            16800,
        ),
        ("full-time pay is 40k on 40 hours a week; i only work 30 hours. pro rata?", 30000),
    ],
)
def test_a_salary_pro_rata_by_the_part_of_the_week_worked(request_text: str, result: float) -> None:
    assert run(request_text, "statistics")["result"] == pytest.approx(result)


def test_a_salary_pro_rata_from_days_to_hours_is_not_read() -> None:
    assert (
        read_earnings(None, "salary is 30k for 5 days a week and i do 20 hours. pro rata?") is None
    )


@pytest.mark.parametrize(
    ("request_text", "result"),
    [
        # hours at the base rate, then hours at a multiple said after them
        ("paid 16 an hour. i did 40 hours and 5 hrs extra at time and a half, gross pay?", 760),
        ("worked 20 regular hours and 4 hours at double time, base rate 10/hr. total pay?", 280),
        # the only hours, at a multiple said after them
        ("my rate is 20 an hour. did 7.5 hours on the bank holiday at double time, my pay?", 300),
        ("paid 11.50 per hour, 12 hours at time and a quarter, how much do i get paid", 172.5),
        # a multiple said of overtime, and the hours said to be overtime
        ("overtime is paid at time and a half and my base is 12. i did 9 hrs overtime. pay?", 162),
        # a rate said as a multiple of the normal one, and the one block of hours
        (
            "the weekend rate is 2x my normal 30/hr. 3 hrs 30 mins on saturday, what do i charge",
            210,
        ),
        # a time of day is no amount
        ("callout rate is 1.5x my normal 40/hr. 2 hrs at 11pm, what's the charge", 120),
        # only the overtime pay asked, of hours all at a multiple
        ("base rate 20/hr. 3 hrs at time and a half and 2 hrs at double time. overtime pay?", 170),
    ],
)
def test_hours_at_multiples_of_a_base_rate(request_text: str, result: float) -> None:
    assert run(request_text)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "request_text",
    [
        # overtime paid at a multiple, but the hours are not said to be overtime: all at base?
        "base rate is 18/hr and overtime is paid at time and a half. did 40 hrs, gross pay?",
        "my rate is 18 an hour and overtime is paid at time and a half. worked 40 hours. pay?",
        # a number left over: hours for each of 3 days, or 10 in all?
        "rate is 12 an hour and i did 10 hours at time and a half for 3 days. total pay?",
        # two base rates: which is multiplied?
        "day rate 12/hr, night rate 15/hr, did 8 hrs at double time. total pay?",
        # tax taken off, which this reading does not do
        "base rate 15/hr, 10 hours at double time, pay after tax?",
        # the overtime pay asked, but some hours are at the base rate
        "base 14/hr, 37.5 hours and 5 hours at time and a half. overtime pay?",
    ],
)
def test_hours_at_multiples_with_what_this_reading_leaves_out_are_not_read(
    request_text: str,
) -> None:
    assert read_earnings(None, request_text) is None


@pytest.mark.parametrize(
    ("request_text", "result"),
    [
        # what hours at a rate "come to", asked so
        ("can you tell me what 6 hours at 12.20 an hour comes to?", 73.2),
        ("30 hours a week at 15 per hour comes to how much a week", 450),
    ],
)
def test_pay_asked_as_what_it_comes_to(request_text: str, result: float) -> None:
    assert run(request_text)["result"] == pytest.approx(result)

"""Word problems of `problems`: a count of things at a price, asked in one question."""

from __future__ import annotations

from typing import Any

import pytest

from orchestra.agents.analyst.operations import run_operation
from orchestra.agents.analyst.problems import period_asked_apart, read_asked_count_at_price
from orchestra.agents.protocol import AgentInputError, StepRequest


def run(instruction: str) -> dict[str, Any]:
    return run_operation(StepRequest(instruction=instruction, capability="calculation")).data


@pytest.mark.parametrize(
    ("question", "result"),
    [
        ("whats 7 nights at 135", 945),
        ("What's 7 nights at £135?", 945),
        ("how much is 7 nights at 135 a night", 945),
        ("whats 3 adult tickets at 12.50 each", 37.5),
        ("what is 5 hours at 40 an hour", 200),
        # An area or a volume at a price per its unit.
        ("whats 22.5 m2 at 34 per m2", 765),
        ("cost of 14 m\u00b2 at 42.50 per m\u00b2", 595),
        ("whats 6 m3 at 45 a m3", 270),
    ],
)
def test_a_count_at_a_price_asked_alone_is_their_product(question: str, result: float) -> None:
    data = run(question)
    assert data["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "question",
    [
        # A length or minutes at a number is a speed, a pace or an oven's heat.
        "whats 60 miles at 30",
        "whats 40 minutes at 180",
        # A price for another unit than the thing counted; a number left over; a rate.
        "whats 7 nights at 135 a week",
        "whats 7 nights at 135 plus 20",
        "whats 7 nights at 5%",
        # A price per another unit than the amount's.
        "whats 22.5 m2 at 34 per m3",
    ],
)
def test_other_things_at_a_number_are_not_read_as_a_price(question: str) -> None:
    assert read_asked_count_at_price(question) is None
    with pytest.raises(AgentInputError):
        run(question)


@pytest.mark.parametrize(
    ("instruction", "results"),
    [
        (
            "Context: Rent is 1,380 a month and going up 6.5%. Task: New rent, and how much "
            "extra a year.",
            [1469.7, 1076.4],
        ),
        (
            "Context: Gym is 42 a month and rising 5%. Task: Whats the new price and how much "
            "more per year is that.",
            [44.1, 25.2],
        ),
    ],
)
def test_a_rise_asked_as_the_new_amount_and_the_extra_over_a_year(
    instruction: str, results: list[float]
) -> None:
    data = run(instruction)
    assert [step["result"] for step in data["steps"]] == pytest.approx(results)


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        ("Context: Rent is 1,380 a month and going up 6.5%. Task: What's the new rent.", 1469.7),
        ("Context: The train fare is 45 and going down 10%. Task: What will it be?", 40.5),
        ("Context: The bill is 80 a month with 20% off. Task: How much do i save a year?", 192),
    ],
)
def test_a_change_said_going_up_or_down_and_its_share_over_a_longer_period(
    instruction: str, result: float
) -> None:
    assert run(instruction)["result"] == pytest.approx(result)


def test_what_is_left_over_another_period_is_still_refused() -> None:
    with pytest.raises(AgentInputError):
        run("Context: My 2,000 monthly budget goes up 5%. Task: What's the total per year?")


def test_a_number_naming_a_place_is_no_amount_to_raise() -> None:
    with pytest.raises(AgentInputError):
        run("i live at number 27 and the rent's going up 5%, what will i be paying")


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # an amount grown by a share once a period, after so many times
        ("Context: running 20 km a week now and adding 10% each week. Task: how many km will "
         "i do in week 4 (so after 3 increases)", 26.62),
        ("my plank is 60 seconds and i'm increasing it by 10% every week, how long after 4 "
         "weeks", 60 * 1.1**4),
    ],
)  # fmt: skip
def test_an_amount_grown_each_period(instruction: str, result: float) -> None:
    assert run(instruction)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "instruction",
    [
        # a total over the weeks, or a week that disagrees with the count: not read
        "running 20 km a week now and adding 10% each week. how many km in total after 3 weeks",
        "running 20 km a week now and adding 10% each week. how many km in week 3, after 3 "
        "increases",
    ],
)
def test_growth_asked_as_a_total_or_said_two_ways_is_refused(instruction: str) -> None:
    with pytest.raises(AgentInputError):
        run(instruction)


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # the day's energy times the share from a macro, over that macro's energy a gram
        ("Context: on 2,200 kcal a day with 30% from protein, protein is 4 kcal per gram. "
         "Task: how many grams of protein", 165),
        ("Context: i eat 1800 calories a day and want 25% of it from fat, fat has 9 kcal per "
         "gram. Task: how many grams of fat", 50),
        ("Context: on 2,000 kcal a day with 50% from carbs, carbs are 4 kcal per gram. Task: "
         "how many grams of carbs", 250),
    ],
)  # fmt: skip
def test_grams_of_a_macro_from_its_share_of_the_energy(instruction: str, result: float) -> None:
    assert run(instruction)["result"] == pytest.approx(result)


def test_grams_of_another_macro_are_refused() -> None:
    with pytest.raises(AgentInputError):
        run(
            "Context: on 2,200 kcal a day with 30% from protein, protein is 4 kcal per gram. "
            "Task: how many grams of fat"
        )


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        ("sold 16 dozen eggs at 3.20 a dozen. how much", 51.2),
        ("bought 5 dozen rolls at 4.50 per dozen. how much did i spend", 22.5),
        ("7 dozen eggs at 2.80 a dozen, how much altogether", 19.6),
    ],
)
def test_dozens_priced_by_the_dozen_are_counted_in_dozens(instruction: str, result: float) -> None:
    assert run(instruction)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    ("instruction", "expected"),
    [
        ("taxi is 3.20 flag fall plus 2.10 a mile, the trip is 7.4 miles. fare?", 18.74),
        ("cab: flagfall 4.50 then 1.80 per km, 12 km ride, how much", 26.1),
        ("plumber charges 45 call-out plus 30 an hour, job took 3 hours. total?", 135),
        # several rates charged on one amount, with the unit said with its power
        (
            "water meter: used 48 m\u00b3 this half year. water is 1.92 per m\u00b3, sewerage "
            "2.31 per m\u00b3 and theres a 38 standing charge for the half year. bill?",
            241.04,
        ),
        (
            "used 60 m3 of water. water is 1.50 per m3 and waste water 2.00 per m3, plus a 40 "
            "standing charge. total bill?",
            250,
        ),
    ],
)
def test_a_charge_made_once_plus_rates_on_an_amount(instruction: str, expected: float) -> None:
    assert run(instruction)["result"] == pytest.approx(expected, rel=1e-6)


@pytest.mark.parametrize(
    "instruction",
    [
        # a count times one price ignores the second dog at half price (877.5, not 585)
        "Context: Dog sitting for the neighbours: 65 a night, 9 nights, and their second dog "
        "is half price. Task: Total.",
        "Context: Cat sitting: 20 a visit, 14 visits, the second cat is half price. "
        "Task: How much altogether.",
        "Context: 4 tickets at 12 each, and kids go half-price. Task: What's the total?",
    ],
)
def test_a_price_changed_in_words_is_not_one_price_times_a_count(instruction: str) -> None:
    with pytest.raises(AgentInputError):
        run(instruction)


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        ("i measured g as 9.62 and the real value is 9.81. percentage error?", 1.936799),
        ("my estimate was 48 and the actual figure is 50, what's the % error", 4),
        (
            "Context: The accepted value is 343 m/s and i got 330. "
            "Task: What's the percentage error?",
            3.790087,
        ),
        ("we measured it at 2.4 and the true value was 2.5, percent error?", 4),
    ],
)
def test_a_percentage_error_of_a_value_measured(instruction: str, result: float) -> None:
    assert run(instruction)["result"] == pytest.approx(result)


def test_an_error_not_asked_in_percent_is_refused() -> None:
    with pytest.raises(AgentInputError):
        run("Context: We measured it at 2.4 and the true value was 2.5. Task: Give the error.")


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        ("chance of getting at least one six in 4 rolls of a normal die, as a %", 51.774691),
        ("what's the probability of at least 1 head in 3 tosses of a fair coin", 0.875),
        ("chance of rolling at least one 2 in six throws of a die, in percent?", 66.510202),
    ],
)
def test_the_chance_of_at_least_one_face_in_several_goes(instruction: str, result: float) -> None:
    assert run(instruction)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # a target and where it stands now, a step a period: the periods to reach it
        (
            "playing the piece at 84 bpm, target is 120. if i add 4 bpm a week how many weeks "
            "will it take",
            9,
        ),
        (
            "squat is currently at 60 kg and my goal is 100. going up 2.5 kg each session, "
            "how many sessions",
            16,
        ),
        ("running at 20 km a week now, target is 50. adding 3 km a week, how many weeks", 10),
    ],
)
def test_periods_to_a_target_from_where_it_stands(instruction: str, result: float) -> None:
    assert run(instruction)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "instruction",
    [
        # Not a fair die; a face a coin has not; odds are not a chance.
        "chance of at least one six in 4 rolls of a loaded die",
        "chance of at least one six in 4 flips of a coin",
        "odds of rolling at least one 2 in six throws of a die, in percent?",
    ],
)
def test_the_chance_of_at_least_one_otherwise_is_refused(instruction: str) -> None:
    with pytest.raises(AgentInputError):
        run(instruction)


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        (
            "Context: 94 guests, top table seats 8 and the round tables seat 10. "
            "Task: How many round tables (just divide).",
            8.6,
        ),
        (
            "Context: 120 people coming, the head table seats 12 and the other tables seat 8 "
            "each. Task: How many other tables do we need?",
            14,
        ),
        (
            "Context: we have 75 guests, the top table takes 10 and the round tables hold 6. "
            "Task: how many round tables",
            11,
        ),
    ],
)
def test_the_other_tables_after_a_top_table(instruction: str, result: float) -> None:
    assert run(instruction)["result"] == pytest.approx(result)


def test_tables_asked_bare_after_a_top_table_are_refused() -> None:
    # "how many tables" may count the top table too.
    with pytest.raises(AgentInputError):
        run(
            "Context: we have 75 guests, the top table takes 10 and the round tables hold 6. "
            "Task: how many tables"
        )


@pytest.mark.parametrize(
    "instruction",
    [
        # the step in another period than the one asked
        "playing at 84 bpm, target is 120. if i add 4 bpm a week how many months",
        # already past the target
        "playing at 130 bpm, target is 120. if i add 4 bpm a week how many weeks",
    ],
)
def test_periods_to_a_target_that_do_not_fit_are_refused(instruction: str) -> None:
    with pytest.raises(AgentInputError):
        run(instruction)


@pytest.mark.parametrize(
    ("text", "periods"),
    [
        # every adverb of a period is known, "daily" and "quarterly" too (a second, shorter
        # table of them once shadowed the first, and "daily" raised KeyError)
        (
            "netflix 10.99 a month and spotify 11.99 a month. how much is that daily",
            ("month", "day"),
        ),
        ("gym 30 a month, phone 12 a month, whats that quarterly", ("month", "quarter")),
    ],
)
def test_a_period_asked_by_its_adverb(text: str, periods: tuple[str, str]) -> None:
    assert period_asked_apart(text) == periods


@pytest.mark.parametrize(
    ("question", "result"),
    [
        ("got a pay rise from 34,500 to 36,800, what % is that", 6.666667),
        ("rent went up from 850 to 900, what percentage is that", 5.882353),
        ("my hours were cut from 40 to 32 a week. what % is that", 20),
    ],
)
def test_what_percent_is_that_of_a_change_said_with_its_way(question: str, result: float) -> None:
    assert run(question)["result"] == pytest.approx(result, rel=1e-5)


def test_what_percent_is_that_of_two_values_with_no_way_said_is_refused() -> None:
    with pytest.raises(AgentInputError):
        run("the price went from 40 to 50, what % is that")


@pytest.mark.parametrize(
    ("question", "result"),
    [
        ("bonus of 4k, taxed at 40% plus 2% ni. what do i actually get", 2320),
        ("my overtime was 340, 20% tax and 8% ni come off. what do i take home", 244.8),
        (
            "cycle to work scheme takes 300 a month off my gross, saving me 20% tax and 8% ni. "
            "what does the bike really cost me per month",
            216,
        ),
        (
            "salary sacrifice of 50 a month for a gym, saving 40% tax and 2% ni. "
            "whats the real cost",
            29,
        ),
    ],
)
def test_pay_less_its_deductions_in_percent(question: str, result: float) -> None:
    assert run(question)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "question",
    [
        # another period asked than the amount's
        "cycle to work scheme takes 300 a month off my gross, saving me 20% tax and 8% ni. "
        "what does the bike really cost me a year",
        # money off is no deduction of pay
        "bonus of 2000 and i get 10% off. what do i actually get",
    ],
)
def test_pay_less_deductions_not_said_so_is_refused(question: str) -> None:
    with pytest.raises(AgentInputError):
        run(question)


@pytest.mark.parametrize(
    ("question", "result"),
    [
        (
            "vat threshold is 90k and ive turned over 71,400 in the last 12 months. how much more "
            "before i hit it",
            18600,
        ),
        (
            "vat threshold is 90k and ive turned over 71,400. what % of the threshold am i at",
            79.333333,
        ),
        ("isa allowance 20k, ive put 650 a month in for 7 months. how much allowance left", 15450),
        ("my overdraft limit is 1,500 and i've used 640. how much is left", 860),
        (
            "pension annual allowance is 60k, i've paid in 2,500 a month for 12 months. what % of "
            "the allowance have i used",
            50,
        ),
    ],
)
def test_what_is_left_of_a_limit_and_the_share_of_it_reached(question: str, result: float) -> None:
    assert run(question)["result"] == pytest.approx(result, rel=1e-5)


def test_a_limit_gone_toward_in_another_period_than_counted_is_refused() -> None:
    with pytest.raises(AgentInputError):
        run("isa allowance 20k, ive put 650 a month in for 7 weeks. how much allowance left")


@pytest.mark.parametrize(
    ("question", "result"),
    [
        (
            "personal savings allowance is 1,000 tax free. earned 1,480 interest, rest taxed at "
            "20%. tax?",
            96,
        ),
        (
            "dividend allowance is 500 tax free, i got 2,300 in dividends and anything over "
            "that is taxed at 8.75%. how much tax",
            157.5,
        ),
        ("the first 3k is tax free, i made 14k gain, rest taxed at 18%. whats the tax", 1980),
    ],
)
def test_the_tax_on_what_is_over_an_allowance(question: str, result: float) -> None:
    assert run(question)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        (
            "Context: Rota is 75 hours over the fortnight and i get 2,640 gross for it. "
            "Task: Effective hourly rate?",
            35.2,
        ),
        ("Context: I get 2,640 for 75 hours. Task: Hourly rate?", 35.2),
        (
            "Context: We got 1,200 for a job that took 40 hours. Task: What did we make per hour.",
            30,
        ),
    ],
)
def test_money_a_person_gets_for_the_hours_is_made_per_hour(
    instruction: str, result: float
) -> None:
    assert run(instruction)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        ("Context: Adult fee is 240, committee wants a 7.5% rise. Task: New fee?", 258),
        (
            "Context: The membership is 60 a year and going up 5%. Task: Whats the new membership.",
            63,
        ),
        ("Context: The bus fare is 3.20 and it's going down 10%. Task: New fare?", 2.88),
    ],
)
def test_any_price_asked_new_is_the_amount_after_the_change(
    instruction: str, result: float
) -> None:
    assert run(instruction)["result"] == pytest.approx(result)


def test_a_new_fee_said_with_a_rise_and_a_discount_is_still_refused() -> None:
    with pytest.raises(AgentInputError):
        run("Context: The fee is 240, they want a 10% discount. Task: New fee?")


@pytest.mark.parametrize(
    "instruction",
    [
        "Context: Interest only mortgage of 140,000 at 4.79% a year. Task: Monthly interest?",
        "Context: Interest only mortgage of 140,000 at 4.79% a year. Task: How much interest "
        "per month.",
    ],
)
def test_the_monthly_interest_of_an_interest_only_loan_is_its_payment(instruction: str) -> None:
    assert run(instruction)["result"] == pytest.approx(558.833333)


@pytest.mark.parametrize(
    ("instruction", "results"),
    [
        (
            "Context: Target 15,000, raised 9,870 so far. Task: % of target and how much left.",
            [65.8, 5130],
        ),
        (
            "Context: Step goal of 10,000 and i've walked 6,500 so far. Task: What % of my "
            "goal and how many more.",
            [65, 3500],
        ),
        (
            "Context: Our goal is 2,000 and we've raised 1,450 so far. Task: What percentage "
            "of the goal is that.",
            [72.5],
        ),
    ],
)
def test_a_target_asked_as_the_share_reached_and_what_is_left(
    instruction: str, results: list[float]
) -> None:
    data = run(instruction)
    assert [step["result"] for step in data["steps"]] == pytest.approx(results)


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        (
            "Context: Card takings 2,845 this week, the card machine takes 1.69%. Task: How "
            "much do we lose to fees.",
            48.0805,
        ),
        ("Context: The agency takes 15% of my 3,000 invoice. Task: How much do i lose.", 450),
        ("Context: Sold 1,200 on the site and it keeps 12%. Task: What's left for me.", 1056),
    ],
)
def test_a_share_a_taker_keeps_is_taken_off_whatever_it_is_called(
    instruction: str, result: float
) -> None:
    assert run(instruction)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "instruction",
    [
        # What is paid of an amount a share is kept of: the share, or what is left?
        "Context: The agency takes 15% of my 3,000 invoice. Task: How much do i pay in total.",
        # A discount is no loss.
        "Context: Jacket is 50 with 20% off. Task: How much do we lose.",
    ],
)
def test_a_kept_share_asked_as_paid_or_a_discount_asked_as_lost_is_refused(
    instruction: str,
) -> None:
    with pytest.raises(AgentInputError):
        run(instruction)


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        (
            "holiday is in 7 months and costs £2,940, we've saved £800 so far. how much a "
            "month do we need to save",
            305.714286,
        ),
        (
            "the car costs 6,000 and i need it in 2 years, i've saved 1,200. how much a month "
            "do i need to put away",
            200,
        ),
        ("the bike costs 900, i've saved 300 and i save 50 a week. how many weeks", 12),
    ],
)
def test_a_price_saved_for_is_the_amount_needed(instruction: str, result: float) -> None:
    assert run(instruction)["result"] == pytest.approx(result)


def test_a_price_a_period_is_no_amount_saved_for() -> None:
    with pytest.raises(AgentInputError):
        run("rent costs 900 a month, i've saved 300, in 3 months how much a month should i save")


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        ("band 5 going from 29,970 to 31,049 - what % rise is that", 3.600267),
        ("my grade 3 pay went from 24,000 to 25,200, what's the percentage increase", 5),
        ("Context: Level 4 fell from 80 to 60. Task: Whats the percentage decrease.", 25),
    ],
)
def test_a_number_naming_a_rank_is_no_value_of_a_change(instruction: str, result: float) -> None:
    assert run(instruction)["result"] == pytest.approx(result)


def test_a_change_between_ranks_is_no_change_of_values() -> None:
    with pytest.raises(AgentInputError):
        run("went from level 3 to level 5, what percentage increase")


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        ("paper 1 is 25%, paper 2 35%, paper 3 40%. i got 71, 64 and 58. overall mark?", 63.35),
        ("coursework is 40% and the exam 60%. i got 72 and 58. overall mark?", 63.6),
        (
            "component 1 is worth 30% and component 2 is worth 70%. i scored 65 and 80, whats "
            "my overall mark",
            75.5,
        ),
        # A part that "counts" its weight, the pupil named; parts named with their number.
        ("coursework counts 40% and the exam 60%. Sam scored 70 and 55. his overall mark?", 61),
        ("20% quiz 1, 20% quiz 2 and 60% the exam. he got 50, 80 and 70, his year grade?", 68),
    ],
)
def test_marks_listed_in_the_order_of_the_weighted_parts(instruction: str, result: float) -> None:
    assert run(instruction)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "instruction",
    [
        # Fewer or more marks than parts, or a listed mark said of one part.
        "paper 1 is 25%, paper 2 35%, paper 3 40%. i got 71 and 64. overall mark?",
        "paper 1 is 25%, paper 2 35%, paper 3 40%. i got 71, 64, 58 and 60. overall mark?",
        "paper 1 is 25%, paper 2 35%, paper 3 40%. i got 71, 64 and 58 on paper 2. overall mark?",
        "coursework counts 40% and the exam 60%. Sam scored 70, 55 and 60. his overall mark?",
        # Weights that do not make 100%.
        "20% quiz 1, 20% quiz 2 and 50% the exam. he got 50, 80 and 70, his year grade?",
    ],
)
def test_marks_listed_that_do_not_match_the_parts_are_refused(instruction: str) -> None:
    with pytest.raises(AgentInputError):
        run(instruction)


@pytest.mark.parametrize(
    ("question", "result"),
    [
        # the call-out covers the first hour: the rate is charged on the hours after it
        (
            "call out is 65 which covers the first hour, then 48 an hour after that. job "
            "took 3 hrs, what do i charge",
            161,
        ),
        ("call out fee 80 including the first hour, then 40 per hour. 4 hours, total?", 200),
    ],
)
def test_a_charge_made_once_that_covers_the_first_unit(question: str, result: float) -> None:
    assert run(question)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    ("question", "result"),
    [
        # a minimum charge is a floor: the rate when it comes to more, else the minimum
        ("dry cleaning is 3.50 per item with a 12 minimum charge. 2 items, what do i pay", 12),
        ("dry cleaning is 3.50 per item with a 12 minimum charge. 5 items, what do i pay",
         17.5),
        ("ironing is 1.80 per shirt, minimum fee of 10. 4 shirts, how much", 10),
    ],
)  # fmt: skip
def test_a_minimum_charge_is_not_added_to_the_rate(question: str, result: float) -> None:
    assert run(question)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "instruction",
    [
        # a rate said by its adverb, and counts of its period: not values of one list
        "xmas bonus is 2 weeks pay and summer bonus 1 week. weekly pay is 420, total bonus?",
        "daily rate of 85 and she was away 3 days then 2 days. total?",
    ],
)
def test_a_rate_said_by_its_adverb_and_counts_of_its_period_are_refused(
    instruction: str,
) -> None:
    with pytest.raises(AgentInputError, match="rate"):
        run_operation(StepRequest(instruction=instruction, capability="statistics"))


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        ("1,240 packs of paracetamol in stock, selling 85 a day. days of stock left", 1240 / 85),
        ("we have 600 litres of diesel in stock and use 45 a week, how many weeks", 600 / 45),
        ("320 bags of feed on hand, using 14 a day. how long will it last", 320 / 14),
    ],
)
def test_how_long_a_stock_lasts_at_what_goes_out_each_period(
    instruction: str, result: float
) -> None:
    assert run(instruction)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "instruction",
    [
        # another period than the one it goes out in; a third number
        "we have 600 litres left and use 45 a week, how many months",
        "320 bags of feed on hand, using 14 a day and 2 more on sundays. how many days left",
    ],
)
def test_a_stock_lasting_that_does_not_fit_is_refused(instruction: str) -> None:
    with pytest.raises(AgentInputError):
        run(instruction)


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        ("ep got 18,400 downloads, ad cpm is $22 (per 1000). ad revenue?", 404.8),
        ("whats 12,500 downloads at $18 cpm", 225),
        ("video got 250,000 views, cpm of 4.50, what do i earn", 1125),
    ],
)
def test_a_count_at_a_price_per_thousand_cpm(instruction: str, result: float) -> None:
    assert run(instruction)["result"] == pytest.approx(result)


def test_a_cpm_with_a_share_taken_too_is_refused() -> None:
    with pytest.raises(AgentInputError):
        run("50,000 impressions at $3 cpm and 20% goes to the network, what do i make")


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # the count a sum buys at a price per thousand: the reverse of the revenue
        ("50,000 impressions at $3 cpm, how many impressions for $500", 166666.666667),
        ("how many views do i need for $200 at $4 cpm", 50000),
        ("podcast cpm is \u00a318. how many downloads to earn \u00a3900", 50000),
        ("at a $2.50 cpm how many plays will 400 dollars buy", 160000),
    ],
)
def test_the_count_a_sum_buys_at_a_cpm(instruction: str, result: float) -> None:
    assert run(instruction)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "instruction",
    [
        # a count of other things than those asked; more than what; a share taken too
        "20,000 views at $3 cpm, how many impressions for $500",
        "50,000 impressions at $3 cpm, how many more impressions for $500",
        "at a $3 cpm and 20% to the network, how many impressions for $500",
    ],
)
def test_the_count_at_a_cpm_that_does_not_fit_is_refused(instruction: str) -> None:
    with pytest.raises(AgentInputError):
        run(instruction)


@pytest.mark.parametrize(
    "instruction",
    [
        "Context: rent \u00a3240 a week and i earn \u00a32,800 a month. Task: what % goes on rent",
        "Context: rent is 240 a week and i earn 2,800 a month. Task: what percent is rent",
        "Context: got paid 2800 a month, spent 240 a week on rent. Task: what share is rent",
        "Context: donations 12,400 a year and 1,860 a month went on admin. "
        "Task: what percent is admin",
        "Context: i earn 15 an hour and rent is 240 a week. Task: rent as a percentage of pay?",
        "Context: weekly rent is 240 and my monthly salary is 2,400. "
        "Task: what fraction of my salary is rent",
    ],
)
def test_a_share_of_amounts_over_different_periods_is_refused(instruction: str) -> None:
    with pytest.raises(AgentInputError, match="different periods"):
        run(instruction)


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # both amounts over one period: the share as it stands
        (
            "Context: rent \u00a3240 a week and i earn \u00a3700 a week. Task: what % goes on rent",
            34.285714,
        ),
        (
            "Context: i spend \u00a390 on food every week and take home \u00a3400 each week. "
            "Task: what share is food",
            22.5,
        ),
        (
            "Context: donations 12,400 a month and 1,860 a month went on admin. "
            "Task: what percent is admin",
            15,
        ),
        # a difference in money over two periods, no share of one in the other
        ("Context: gym is 420 a year or 39 a month. Task: how much cheaper is paying yearly", 48),
    ],
)
def test_a_share_of_amounts_over_one_period_is_read(instruction: str, result: float) -> None:
    assert run(instruction)["result"] == pytest.approx(result, rel=1e-6)


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # the total is the two parts together, not the other part
        ("Context: rent \u00a3240, bills \u00a3300. Task: what % of the total is rent", 44.444444),
        ("Context: food was 120 and fuel 80. Task: what share of the total is fuel", 40),
        ("Context: spent 120 on food and 80 on fuel. Task: what percent of the total is fuel", 40),
        # the whole said by name
        (
            "Context: budget 12,400 and 1,860 went on admin. "
            "Task: what percent of the budget is admin",
            15,
        ),
    ],
)
def test_a_named_share_of_the_total(instruction: str, result: float) -> None:
    assert run(instruction)["result"] == pytest.approx(result, rel=1e-6)


def test_a_named_share_of_a_whole_not_said_is_refused() -> None:
    with pytest.raises(AgentInputError):
        run("rent \u00a3240, bills \u00a3300. what % of the budget is rent")


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # costs of a list, each named before its amount, shared by those counted
        ("Context: 4 of us in the flat. gas 90 a month, internet 30, cleaner 40. "
         "Task: whats my share", 40),
        ("Context: Camping: pitch 84, firewood 16 and gas 20. 6 of us. Task: How much each?", 20),
        # a rate for each one, named between its amount and "each"
        ("Context: 20 entry each for 3 of us, taxi came to 24. Task: How much each?", 28),
        # the share asked per one of those counted, by their own name
        ("Context: Tour costs: bus 900, guide 300. 30 members. Task: Cost per member?", 40),
    ],
)  # fmt: skip
def test_a_share_each_of_listed_costs(instruction: str, result: float) -> None:
    assert run(instruction)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "instruction",
    [
        # money shared out, not costs shared: a fee earned less the costs?
        "Context: Wedding fee 600, fuel 40, strings 20. 3 of us in the band. "
        "Task: What does each get?",
        # an amount taken away, not a cost of the list
        "Context: 4 of us put in 50 each, we spent 130. Task: whats left per person?",
        "Context: Trip for 4 of us: hotel 300, we paid 100. Task: How much each?",
        # a number that names no cost ("room 6") and a rate each way
        "Context: Room 6 party: cake 30, balloons 12. 8 kids. Task: How much each?",
        "Context: 4 of us, train 20 each way, snacks 12. Task: How much each?",
        # costs of different periods, or a share asked per something not counted
        "Context: 3 of us. gas 90 a month, internet 8 a week. Task: whats my share?",
        "Context: Tour costs: bus 900, guide 300. 30 members. Task: Cost per hour?",
        # money paid towards the bill, and what is left of it shared: never a sum
        "Context: 4 of us, the villa is 2,400, the voucher covers 400. Task: How much each?",
        "Context: Dinner 310, work chips in 100 and the rest is split 5 ways. Task: each?",
        "Context: Repair is 900, insurance 500, the remainder shared by 3 of us. Task: each?",
    ],
)
def test_a_share_each_of_costs_not_all_read_is_refused(instruction: str) -> None:
    with pytest.raises(AgentInputError):
        run(instruction)


@pytest.mark.parametrize(
    "instruction",
    [
        "laptop is 899 inc vat, student discount is 10%. what do i pay, and how much of that "
        "is the 20% vat",
        "laptop is 899 inc vat, knock 10% off then add 20% vat",
    ],
)
def test_a_tax_already_in_the_amount_is_not_added_again(instruction: str) -> None:
    # Added in turn, 899 less 10% then plus 20% VAT is 970.92: the VAT counted twice.
    with pytest.raises(AgentInputError):
        run(instruction)


def test_changes_in_turn_with_the_tax_added_on_top() -> None:
    assert run("Shelf price is 45 ex VAT, knock 10% off then add 20% VAT on top")[
        "result"
    ] == pytest.approx(48.6)


def test_each_ones_share_asked_in_the_clause_that_gives_the_amounts() -> None:
    instruction = (
        "Work out how much each of the 9 of us needs to pay towards a £1,323 villa deposit."
    )
    assert run(instruction)["result"] == pytest.approx(147)


def test_a_rate_per_person_is_no_share_asked() -> None:
    # Read as each one's share, 14.50 * 2 / 2 = 14.5.
    with pytest.raises(AgentInputError):
        run("add breakfast at 14.50 per person per night for 2 of us")


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # the old value, then "down to" the new, without "from"
        ("64 down to 48 - what's the percentage change?", -25),
        ("subs: 2,400 up to 3,000. percentage change?", 25),
        # the whole said as "a possible" one
        ("scored 542 out of a possible 720, whats that as a %", 542 / 720 * 100),
        ("got 38 out of a maximum of 50. what percentage is that?", 76),
    ],
)
def test_a_change_or_a_part_said_in_fewer_words(instruction: str, result: float) -> None:
    assert run(instruction)["result"] == pytest.approx(result)


def test_up_to_inside_a_sentence_is_no_change() -> None:
    with pytest.raises(AgentInputError):
        run("we save 20 up to 40 a week. percentage change?")


@pytest.mark.parametrize(
    ("instruction", "results"),
    [
        (
            "Context: room rent is 18% of my takings, took £2,340 this month. "
            "Task: how much is rent and what do i keep",
            [421.2, 1918.8],
        ),
        (
            "Context: techs get 40% commission, sarah took 1,860 this week. "
            "Task: her pay and what the salon keeps",
            [744, 1116],
        ),
        (
            "Context: invoiced 4,750 this month, putting 28% aside for tax and ni. "
            "Task: whats left and how much to put aside",
            [3420, 1330],
        ),
    ],
)
def test_a_share_taken_and_what_is_kept_in_the_order_asked(
    instruction: str, results: list[float]
) -> None:
    steps = run(instruction)["steps"]
    assert [s["result"] for s in steps] == pytest.approx(results)


def test_a_share_put_aside_for_tax_is_no_tax_added() -> None:
    # Read as tax on top, "put 28% aside for tax" completed 1240 * 1.28 = 1587.2.
    with pytest.raises(AgentInputError):
        run("Context: Took 1,240 this month. Task: Put 28% aside for tax and ni.")

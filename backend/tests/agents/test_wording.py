"""Reading numeric requests in words: expressions, clauses, references, confidence."""

from __future__ import annotations

from typing import Any

import pytest

from orchestra.agents.analyst.calculator import CalculationError, evaluate
from orchestra.agents.analyst.formulas import read_formula
from orchestra.agents.analyst.wording import (
    CONFIDENCE_THRESHOLD,
    Call,
    Num,
    read_numeric_request,
    render,
    spell_thousands,
)


def value(text: str, references: dict[str, Any] | None = None, **kwargs: Any) -> float:
    reading = read_numeric_request(text, references, **kwargs)
    assert reading.trusted, (reading.understood(), reading.doubts)
    assert reading.expression is not None
    return evaluate(render(reading.expression), references)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("What is 144 divided by 12, plus 3?", 15),
        ("whats 3 plus 4 times 2", 11),
        # A comma before an operator closes what came before, as the sentence says it.
        ("2 plus 3, times 4", 20),
        ("what is (4 + 6) * 3 / 5", 6),
        ("What is the square root of 81 plus 4?", 13),
        ("9 squared minus 3 cubed", 54),
        ("2 to the power of 8", 256),
        ("What's 2 to the 10th power?", 1024),
        ("18% of 250", 45),
        ("15 percent of 2,400 dollars", 360),
        ("100 minus 37 percent", 63),
        ("15% off 80", 68),
        ("1/3 of 90", 30),
        ("half of 250", 125),
        ("twice 21", 42),
        ("3 and a half times 4", 14),
        ("twenty five plus five", 30),
        # A scale word multiplies the digits before it.
        ("7.5% of 1.2 million", 90000),
        ("2.5 million plus 500 thousand", 3_000_000),
        # "population" divides by n; a plain or "sample" standard deviation by n - 1.
        ("population standard deviation of 2, 4, 4, 4, 5, 5, 7, 9", 2),
        ("population variance of 2, 4, 4, 4, 5, 5, 7, 9", 4),
        ("sample standard deviation of 2, 4, 4, 4, 5, 5, 7, 9", 2.138089935),
        # "negative" and a leading "minus" are a sign.
        ("negative nine times six", -54),
        ("minus 8 plus 20", 12),
        ("10 minus negative 4", 14),
        # A part of a scale, and dozens, are amounts too.
        ("what's half a million plus 250,000", 750_000),
        ("a quarter of a million divided by 5", 50_000),
        ("two dozen minus 5", 19),
        ("half a dozen times 3", 18),
        # Every digit written counts.
        ("3 and a half times 1.23456789", 4.320987615),
        ("the percent change from 80 to 100", 25),
        ("If the price goes from 40 to 50, what's the percentage increase?", 25),
        ("what percentage is 45 of 180?", 25),
        ("what percent of 200 is 50?", 25),
        ("What's the percentage of 18 out of 24?", 75),
        ("18 out of 24 as a percentage", 75),
        ("Round 3.14159 to 2 decimals", 3.14),
        ("What's 40% of 250, rounded to the nearest whole number?", 100),
        ("the difference between 100 and 37", 63),
        ("the difference between 5 and 12", 7),  # a distance, whichever comes first
        ("Add 10% to 200", 220),
        ("subtract 10% from 200", 180),
        ("25 + 25%", 31.25),
        # Only powers bind inside a list.
        ("the sum of 2 and 4 times 3", 18),
        ("Split 300 between 4 people", 75),
        ("Increase 200 by 10%", 220),
        ("Subtract 5 from 12", 7),
        ("10 mod 3", 1),
        ("compute 3 x 4", 12),
        # "of" is often left out of a power.
        ("3 to the power 4", 81),
        ("2 raised to the power 5 minus 2", 30),
        # ... and "the power" too, where the power ends the phrase.
        ("1000 divided by 1.035 to the 4", 871.442228),
        ("3 to the 4 times 2", 162),
        ("5 factorial", 120),
        ("4 factorial plus 1", 25),
        ("take away 5 from 20", 15),
        ("take 5 away from 20", 15),
        ("what do you get if you add 7 to 5", 12),
        ("What would I get when I multiply 3 by 4", 12),
        ("round 4567.89 to the nearest hundred", 4600),
        ("round 5678 to the nearest thousand", 6000),
        ("Round 45 to the nearest ten", 50),
        ("how spread out is this data: 3, 5, 7", 2),
        ("the first quartile of 10, 20, 30", 15),
        ("lower quartile of 10, 20, 30", 15),
        ("third quartile of 1, 2, 3, 4, 5", 4),
    ],
)
def test_arithmetic_in_words(text: str, expected: float) -> None:
    assert value(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        # A list, then the figure alone after a dash or a colon.
        ("5, 10, 15 - total?", "sum"),
        ("3, 8, 1, 9 - median", "median"),
        ("4, 9, 2: average?", "mean"),
        # A figure's second name in brackets.
        ("average (mean) of 4, 8, 6", "mean"),
        ("what's the median (middle value) of 4, 9, 2", "median"),
        ("range of 3, 9, 4 (max minus min)", "range"),
    ],
)
def test_a_figure_said_beside_its_list(text: str, figure: str) -> None:
    reading = read_numeric_request(text)
    assert reading.trusted, reading.doubts
    assert reading.figures == (figure,)
    assert len(reading.values) in (3, 4)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("son's homework: 3/4 + 2/5, as a decimal", 1.15),
        ("daughter's maths homework: 2/3 + 1/6, as a decimal", 2 / 3 + 1 / 6),
        ("hw question: 5/8 - 1/4", 0.375),
        ("7/8 - 1/3 for my homework", 7 / 8 - 1 / 3),
    ],
)
def test_whose_homework_it_is_says_nothing(text: str, expected: float) -> None:
    assert value(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "references", "expected"),
    [
        ("split 356.5 between me and my 2 flatmates", None, 356.5 / 3),
        ("share 250 among me and my 4 housemates", None, 50),
        ("split \u27e8s1\u27e9 between me and three friends", {"s1": 96.0}, 24),
    ],
)
def test_shares_between_me_and_others_count_the_asker(
    text: str, references: dict[str, Any] | None, expected: float
) -> None:
    assert value(text, references) == pytest.approx(expected)


def test_a_percentage_added_to_an_earlier_result() -> None:
    assert value("add 20% tax to \u27e8s1\u27e9", {"s1": 150}) == pytest.approx(180)


@pytest.mark.parametrize(
    "text",
    [
        # a charge named after the percentage, put on or added on the whole amount
        "put 20% vat on top. use \u27e8s1\u27e9",
        "add 20% contingency on the lot. use \u27e8s1\u27e9",
        "add 20% gift aid on all of \u27e8s1\u27e9",
        "add a 20% markup on top. use \u27e8s1\u27e9",
        "put 20% service charge on top of \u27e8s1\u27e9",
    ],
)
def test_a_charge_put_on_top_of_an_earlier_result_is_added(text: str) -> None:
    assert value(text, {"s1": 150}) == pytest.approx(180)


@pytest.mark.parametrize(
    "text",
    [
        # an amount taken off, "off" said before it or right after it
        "take off 40. use \u27e8s1\u27e9",
        "take 40 off \u27e8s1\u27e9",
        "knock 40 off. use \u27e8s1\u27e9",
        "take off the 40 voucher we already used. use \u27e8s1\u27e9",
        "take the 40 down payment off \u27e8s1\u27e9",
    ],
)
def test_an_amount_taken_off_an_earlier_result_is_subtracted(text: str) -> None:
    assert value(text, {"s1": 150}) == pytest.approx(110)


@pytest.mark.parametrize(
    "text",
    [
        # an amount of a unit, or named as something not known to be taken off
        "take off 40 kg. use \u27e8s1\u27e9",
        "take off the 40 fee. use \u27e8s1\u27e9",
        # "off" twice, or not at all
        "take off 40 off \u27e8s1\u27e9",
        "take 40 off the list. use \u27e8s1\u27e9",
    ],
)
def test_an_amount_taken_off_that_is_not_plainly_a_deduction_is_not_read(text: str) -> None:
    assert not read_numeric_request(text, {"s1": 150}).trusted


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "on top of" an amount is that amount with the percentage added, not a share of it
        ("what's 15% on top of 60", 69),
        ("put 10% vat on top of 250", 275),
    ],
)
def test_a_percentage_on_top_of_an_amount_is_added_to_it(text: str, expected: float) -> None:
    assert value(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    "text",
    [
        # the charge itself may be what is asked
        "what's the 15% tip on top of 60",
        "how much is 15% on top of 60",
        # a charge not known to be added
        "put 20% deposit on top. use \u27e8s1\u27e9",
    ],
)
def test_a_percentage_on_top_that_may_be_the_charge_itself_is_not_read_as_added(
    text: str,
) -> None:
    reading = read_numeric_request(text, {"s1": 150})
    assert (
        not reading.trusted or reading.expression is None or "1 +" not in render(reading.expression)
    )


@pytest.mark.parametrize(
    "text",
    [
        "what's \u27e8s1\u27e9 per month over 12 months",
        "\u27e8s1\u27e9 a month across the 12 months",
    ],
)
def test_an_earlier_result_spread_over_periods(text: str) -> None:
    assert value(text, {"s1": 816}) == pytest.approx(68)


def test_a_rate_over_periods_is_not_spread() -> None:
    assert not read_numeric_request("what's 50 a month over 12 months").trusted


def test_figures_asked_after_the_list_they_are_of() -> None:
    reading = read_numeric_request("for 2, 8, 5 i need the mean and the biggest one")
    assert reading.trusted, reading.doubts
    assert reading.figures == ("mean", "max")


def test_a_round_of_work_named_before_a_total_is_no_rounding() -> None:
    # "the new round total": the round a window cleaner does, with "new" before it; the
    # figure is the total, which the analyst then refuses of a count and a price.
    reading = read_numeric_request("38 at 16.50 and 12 at 22, whats the new round total")
    assert "round" not in reading.understood()
    reading = read_numeric_request("whats each round total of 12.4, 13.6 and 11.2")
    assert reading.figures == ("sum",)
    # With no such word before it, "round" still rounds.
    assert value("whats the round total of 12.4, 13.6 and 11.2") == 37


def test_a_bracket_naming_another_figure_is_not_dropped() -> None:
    assert not read_numeric_request("sum of 4, 9, 2 (median)").trusted
    # "- 5" after a list is no figure.
    assert read_numeric_request("5, 10, 15 - 5").figures != ("sum",)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Number words in "go into"; a fraction hyphenated.
        ("how many times does seven go into eighty-four", 12),
        ("how many times does 15 go into 225.", 15),
        ("two-thirds of 1,350", 900),
        # A percentage added "to a 65 bill", asked as "the total if I add".
        ("add a 10% tip to the 80 bill", 88),
        ("what's the total if I add a 15% tip to a 40 bill", 46),
        ("what's the sq root of 625", 25),
        ("12 x 12 real quick", 144),
        ("gimme 14 x 12", 168),
        ("3,456 to the nearest 100 please", 3500),
        ("what's 17.6 to the nearest whole number", 18),
        ("increase 800 by eleven and a half percent", 892),
        ("fifteen and a half plus 1", 16.5),
    ],
)
def test_everyday_shorthand(text: str, expected: float) -> None:
    assert value(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "figures", "expected"),
    [
        ("Compute the average of 3, 5 and 10", ("mean",), [6]),
        ("median of 5 3 9 1 7", ("median",), [5]),
        ("Average of these numbers:\n12\n15\n18\n21", ("mean",), [16.5]),
        ("the highest and lowest of 14, 3, 27, 9", ("max", "min"), [27, 3]),
        ("the mean, median and standard deviation of 2, 4, 4, 4, 5, 5, 7, 9", None, None),
        ("Count how many numbers are in this list: 4, 8, 15", ("count",), [3]),
        ("the 90th percentile of 1 2 3 4 5 6 7 8 9 10", ("percentile",), None),
        ("Give me the total of these expenses: 12.99, 45.50, 8.25, 100", ("sum",), [166.74]),
    ],
)
def test_figures_of_one_list(
    text: str, figures: tuple[str, ...] | None, expected: list[float] | None
) -> None:
    reading = read_numeric_request(text)
    assert reading.trusted, reading.doubts
    if figures is not None:
        assert reading.figures == figures
    assert reading.values and all(isinstance(v, Num) for v in reading.values)
    if expected is not None:
        expression = reading.expression
        assert isinstance(expression, Call)
        calls = expression.args if len(reading.figures) > 1 else (expression,)
        assert [evaluate(render(c)) for c in calls] == pytest.approx(expected)


def test_each_clause_of_a_chain_works_on_the_value_before() -> None:
    reading = read_numeric_request("Take 250, subtract 15%, then add 20")
    assert [evaluate(render(c.expression)) for c in reading.clauses] == [250, 212.5, 232.5]
    reading = read_numeric_request("Compute the average of 15, 22 and 30 and round it to 1 decimal")
    assert [render(c.expression) for c in reading.clauses] == [
        "mean(15, 22, 30)",
        "round(mean(15, 22, 30), 1)",
    ]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Take 49, take its square root, then add 1", [49, 7, 8]),
        ("Triple 12 and then take away 6", [36, 30]),
        ("Take 20% of 90 and take away 3", [18, 15]),
        # "take off" a percentage, another one; a dash before "then"; the largest "out of".
        ("30 times 4, then take off 10%", [120, 108]),
        ("take 300, take off 10%, then take off another 5%", [300, 270, 256.5]),
        # "take off the 15% commission (the market keeps)": the share named, of the value.
        ("add up 120 and 280, then take off the 15% commission the market keeps", [400, 340]),
        ("take 250, then take off the 20% deposit", [250, 200]),
        # "take 15% staff discount off it": the discount named, off the value before.
        ("add up 12 and 4, then take 15% staff discount off the total", [16, 13.6]),
        ("take 50, then knock 10% loyalty discount off it", [50, 45]),
        ("take the average of 2, 4, 9 - then times it by 3", [5, 15]),
        # "then times by 12": the verb "to times" with the value before left unsaid.
        ("average of 2, 4 and 9 then times by 12", [5, 60]),
        ("total of 10 and 20, and times by 3", [30, 90]),
        ("out of 12, 40 and 33 take the biggest, then 10 percent of it", [40, 4]),
        # "total" before a sum written out; the value at hand shared among people.
        ("total 10 + 20 + 30 and share it equally among 3 people", [60, 20]),
        # A percentage added "to that", the value before.
        ("what is 50 times 3, then add 10% tax to that", [150, 165]),
        ("compute 20% of 50, after which add 3", [10, 13]),
        # "3 days at 240 + 165 materials": so many at a price each, a line of the sum.
        ("van lettering 3 days at 240 + 165 materials, then 20% vat", [885, 1062]),
        ("3 nights at 90 a night + 25 parking, then add 10%", [295, 324.5]),
        # "times by my 35/hr rate": the words after the number only name it.
        ("avg hours per board 6.5, 8, 7.25, 5.75 then times by my 35/hr rate", [6.875, 240.625]),
        ("average of 4, 6, 3, 5, 7 then times that by my £85 avg job value", [5, 425]),
        # "then charge at 32/hr" after hours: the hours at the rate.
        ("add up my hours on the job 3.5, 2.25, 4, 1.75, 5.5 then charge at 32/hr", [17, 544]),
        ("total my hrs 2, 3, 4 then bill at 40 an hour", [9, 360]),
        # "then 20% vat": the tax added to the value before, as "then add 20%".
        ("battery 96 plus 20 fitting, then 20% vat on the lot", [116, 139.2]),
        ("paint 45 plus 155 labour then 10% gst", [200, 220]),
    ],
)
def test_take_works_on_the_value_before(text: str, values: list[float]) -> None:
    reading = read_numeric_request(text)
    assert reading.trusted, reading.doubts
    assert [evaluate(render(c.expression)) for c in reading.clauses] == pytest.approx(values)


def test_a_count_at_a_price_for_another_unit_is_no_line_of_a_sum() -> None:
    # 2 vans at 60 a day: for how many days?
    assert not read_numeric_request("2 vans at 60 a day + 30 fuel").trusted


def test_minutes_charged_at_an_hourly_rate_are_not_multiplied() -> None:
    # 95 minutes at 32 an hour is not 95 * 32.
    reading = read_numeric_request("add up my times 30, 45, 20 mins then charge at 32/hr")
    assert not reading.trusted


def test_independent_questions_are_separate_clauses() -> None:
    reading = read_numeric_request("What's the average of 4 and 10, and what's 3 squared?")
    assert [render(c.expression) for c in reading.clauses] == ["mean(4, 10)", "3 ** 2"]
    reading = read_numeric_request("Calculate 2+2 and 3*3")
    assert [render(c.expression) for c in reading.clauses] == ["2 + 2", "3 * 3"]


def test_an_earlier_steps_result_is_a_name_bound_to_its_data() -> None:
    references = {"s1": 19.75}
    assert value("Compute the average of \u27e8s1\u27e9 and 10.", references) == 14.875
    # "Use the result of step s1" names what a clause without its own operand works on.
    assert value("Multiply the result by 3. Use \u27e8s1\u27e9.", references) == 59.25
    assert value("Use \u27e8s1\u27e9 to calculate 10 times that", references) == 197.5
    assert value("With \u27e8s1\u27e9, compute its square root", {"s1": 49.0}) == 7
    assert value("Add 10.", references, implicit="s1") == 29.75
    assert value("mean of \u27e8s1\u27e9", {"s1": [1.0, 2.0, 6.0]}) == 3


def test_numbers_given_apart_from_the_request_are_its_material() -> None:
    assert value("I have the numbers 10, 20, 30 and 40. What is their average?") == 25
    material = (Num(2, "2"), Num(4, "4"))
    assert value("What is the average?", material=material) == 3


def test_selections() -> None:
    assert value("the average of the last three numbers: 4, 8, 15, 16") == 13
    assert value("the median of the top 3 values: 5, 9, 2, 8, 7") == 8
    assert value("the sum of the 2 smallest of 5, 1, 9, 3") == 4


def test_typos_of_the_vocabulary_are_read_with_a_small_doubt() -> None:
    reading = read_numeric_request("waht is the avrage of 6, 8 and 10")
    assert evaluate(render(reading.expression)) == 8  # type: ignore[arg-type]
    assert reading.doubts == ("read 'waht' as 'what'", "read 'avrage' as 'average'")
    assert CONFIDENCE_THRESHOLD < reading.confidence < 1


def test_what_spelt_as_it_sounds_is_no_doubt() -> None:
    # "wat" is "what", as "whats" is; with one slip beside it the request stays answered.
    reading = read_numeric_request("need 65 pecent of 1,340 for the deposit, wat is it")
    assert evaluate(render(reading.expression)) == 871  # type: ignore[arg-type]
    assert reading.confidence >= CONFIDENCE_THRESHOLD


def test_n_for_and_joins_two_figures() -> None:
    reading = read_numeric_request("lowest n highest of 1013, 1008, 1021, 998")
    assert reading.figures == ("min", "max")


def test_ordinary_words_near_the_vocabulary_are_not_slips() -> None:
    # A column named "time" is not the word "times"; "different" is not "difference".
    # Nor is "present" the word "percent": an English word is meant as itself.
    for text in (
        "the total time of 12 and 15",
        "what is different about 3 and 4",
        "24 students and 9 are absent. what percent are present?",
    ):
        reading = read_numeric_request(text)
        assert not [d for d in reading.doubts if d.startswith("read '")], reading.doubts


@pytest.mark.parametrize(
    ("text", "doubt"),
    [
        # A number the reading does not use: never an answer that leaves part out.
        ("Calculate the compound interest on $5,000 at 4% yearly for 10 years", "did not use"),
        ("I drove 240 km in 3 hours, what was my average speed?", "did not use 3"),
        # A qualifier it cannot apply.
        ("the average of all numbers above 3: 1, 5, 9", "cannot apply 'above'"),
        # An operator word left out of the reading changes what is computed.
        ("Subtract 15% 20.", "did not use 'subtract'"),
        # An aggregate of one number is a misreading ("how many days in 6 weeks").
        ("How many apples are in 6 boxes?", "a count of a single number"),
        # A clause that only repeats a value answers nothing.
        ("Add 20. \u27e8s2\u27e9", "asks nothing"),
        ("What is the average?", "could not read"),
        # A number alone is not a computation.
        ("Calculate the area of a circle with radius 3", "asks nothing of its numbers"),
        ("the average of 10 and 20 percent", "percentages and plain numbers"),
        # Nor is a percentage of nothing.
        ("What's a 15% tip?", "asks nothing of its numbers"),
        # Numbers joined by slashes name a date or a thing.
        ("Explain the 50/30/20 budgeting rule", "a date or a name"),
        ("How long ago was 12/05/2024?", "a date or a name"),
    ],
)
def test_doubtful_readings_are_not_trusted(text: str, doubt: str) -> None:
    reading = read_numeric_request(text, {"s2": 15.0})
    assert not reading.trusted
    assert any(doubt in d for d in reading.doubts), reading.doubts


def test_a_long_request_is_not_quoted_whole_in_its_doubts() -> None:
    # The doubts become a task's reason, shown in the dashboard's list of tasks: 400 amounts
    # pasted in a request the reader cannot take come back as the first few and a count.
    amounts = ", ".join(f"{n} quid or so" for n in range(100, 500))
    doubts = read_numeric_request(f"what is the total of these amounts: {amounts}").doubts
    unused = next(d for d in doubts if d.startswith("did not use"))
    assert unused == "did not use 101, 102, 103, 104, 105, 106, 107, 108 and 391 more"
    unread = read_numeric_request("the average of " + "fish and chips " * 40 + "please").doubts
    quoted = next(d for d in unread if d.startswith("could not read"))
    assert len(quoted) < 150 and quoted.endswith("\u2026'")


def test_an_unknown_name_in_symbols_is_kept_so_the_answer_names_it() -> None:
    reading = read_numeric_request("what is 2 * x")
    assert reading.expression is not None and render(reading.expression) == "2 * x"
    with pytest.raises(CalculationError, match="Unknown name 'x'"):
        evaluate(render(reading.expression))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Convert 5 miles to km", 8.04672),
        ("Convert 3 feet to cm", 91.44),
        ("Convert 100 degrees Fahrenheit to Celsius", (100 - 32) * 5 / 9),
        ("What's 30 degrees Celsius in Fahrenheit?", 86),
        ("how many minutes are in 3 hours?", 180),
        ("Calculate the average speed if a car travels 150 km in 2 hours", 75),
        ("compound interest on 1000 at 5% for 3 years", 157.625),
        ("simple interest on 1000 at 5% for 3 years", 150),
        ("convert 60 mph to km/h", 96.56064),
        ("what's 10 m/s in km/h", 36),
        ("convert 6 feet 2 inches to cm", 187.96),
        ("5 ft 6 inches to meters", 1.6764),
        # Two units of one dimension, a thing named before its size, a slip in the verb.
        ("convert 2 hours 30 minutes to minutes", 150),
        ("what's 1 week 2 days in days", 9),
        ("how many meters is a lap of 400 yards", 365.76),
        ("conver 20 kilometres into miles", 20_000 / 1609.344),
        # A speed asked in a unit of its own, or with "how fast".
        ("A car travels 150 km in 2 hours. What's its average speed in mph?", 75_000 / 1609.344),
        ("A runner covers 10 km in 50 minutes. How fast is that in km/h?", 12),
        # One of a unit, said in words.
        ("how many seconds are in an hour", 3600),
        ("how many minutes in a week?", 10080),
        ("how many feet in one mile", 5280),
    ],
)
def test_everyday_formulas(text: str, expected: float) -> None:
    found = read_formula(text)
    assert found is not None
    assert evaluate(render(found[0])) == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An amount stated with its unit, then the unit it is asked in.
        ("the thermostat says 70 F. what is that in C?", (70 - 32) * 5 / 9),
        ("the bag weighs 3 kg, how many grams is that?", 3000),
        ("the room is 4 m wide, what's it in feet", 4 / 0.3048),
        ("2 pounds of butter in grams", 907.18474),
        ("10 km is how many miles?", 10_000 / 1609.344),
        ("it's 30 \u00b0C outside, what's that in \u00b0F please", 86),
    ],
)
def test_an_amount_stated_then_asked_in_another_unit(text: str, expected: float) -> None:
    found = read_formula(text)
    assert found is not None
    assert evaluate(render(found[0])) == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize(
    "text",
    [
        # Arithmetic said on the amount, a second number, a unit of another measure.
        "I ran 5 km twice, what's that in miles",
        "half of 10 km, what's that in miles",
        "10 km there and back, what's that in miles",
        "I swam 800 m and 200 m, what's that in km",
        "the bag weighs 3 kg, how many minutes is that",
    ],
)
def test_an_amount_stated_with_more_than_a_unit_is_not_converted(text: str) -> None:
    assert read_formula(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "and it took" joins a distance to its time; "and a half" in the time.
        ("ran 10 km and it took 50 minutes, avg speed in km/h?", 12),
        ("drove 120 km in 1 and a half hours, average speed?", 80),
    ],
)
def test_a_speed_said_the_everyday_way(text: str, expected: float) -> None:
    found = read_formula(text)
    assert found is not None
    assert evaluate(render(found[0])) == pytest.approx(expected)


def test_units_of_different_kinds_do_not_convert() -> None:
    assert read_formula("Convert 5 miles to kg") is None
    assert read_formula("convert 6 feet 2 inches to kg") is None
    assert read_formula("convert 3 minutes 2 hours to minutes") is None  # the larger first
    assert read_formula("convert 2 hours 30 km to minutes") is None
    # A speed over two legs is not the first leg's.
    assert (
        read_formula("average speed if a car goes 150 km in 2 hours, then 50 km in 1 hour") is None
    )
    assert read_formula("convert 5 km/h to minutes") is None
    assert read_formula("What is 5 plus 3") is None


def test_a_thousands_separator_before_a_comma_of_the_sentence() -> None:
    assert value("How much is 5% of 1,250, rounded to 2 decimals?") == 62.5
    assert value("the sum of 1,250, 2,500 and 10") == 3760


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ran 10k in 52:30", "ran 10 km in 52:30"),
        ("Jogged 8k this morning", "Jogged 8 km this morning"),
        ("ran a 5k", "ran a 5 km"),
        # thousands after "ran" when they are steps or money
        ("ran 10k steps", "ran 10 thousand steps"),
        ("ran up 3k on the card", "ran up 3 thousand on the card"),
        ("ran 2k of debt", "ran 2 thousand of debt"),
    ],
)
def test_a_run_said_in_k_is_kilometres(text: str, expected: str) -> None:
    assert spell_thousands(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("what's 2.5k plus 750", 3250),
        ("4K times 3", 12000),
        ("two thirds of 90", 60),
        ("a quarter of 300", 75),
        ("how many percent is 9 of 60?", 15),
        ("bump 200 up by 15%", 230),
        ("knock 80 down by 25%", 60),
        ("what is 20 percent more than 50", 60),
        ("what is 30% less than 200", 140),
        ("whats 12 percnt of 50", 6),
        ("rent went up from 925 to 990 wats the precentage incrase", 7.027027),
        # The hyphen of a number in words joins its tens and units; spaced, it subtracts.
        ("forty-two times three", 126),
        ("sixty-five minus twelve", 53),
        ("ninety - nine", 81),
        ("twenty-five percent of eighty", 20),
        # "a" before a scale is one of it.
        ("5% of a hundred", 5),
        ("a million divided by 4", 250000),
        # Powers said as ordinals, superlatives "out of" a list, the middle value.
        ("2 to the fifth power", 32),
        ("5 to the 3rd power", 125),
        ("the biggest number out of 4, 19, 7", 19),
        ("the middle value of 3, 9, 1", 3),
        # A split between more words than one noun.
        ("Split a 90 dollar bill among 4 friends", 22.5),
    ],
)
def test_everyday_ways_of_writing_numbers(text: str, expected: float) -> None:
    assert value(text) == pytest.approx(expected)


def test_whatever_that_comes_to_is_the_value_before() -> None:
    reading = read_numeric_request("Multiply 6 by 7, then 50% of whatever that comes to")
    assert reading.trusted
    values = [evaluate(render(c.expression)) for c in reading.clauses]
    assert values == [42, 21]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("add up all the numbers from 1 to 10", 55),
        ("what's the sum of the integers from 1 to 100", 5050),
        ("average of the whole numbers from 5 through 9", 7),
        ("median of 4 9 1 7 3", 4),
    ],
)
def test_ranges_and_lists_without_commas(text: str, expected: float) -> None:
    reading = read_numeric_request(text)
    assert reading.trusted, reading.doubts
    assert reading.expression is not None
    assert evaluate(render(reading.expression)) == pytest.approx(expected)


def test_a_range_written_backwards_is_not_listed() -> None:
    assert not read_numeric_request("sum of all numbers from 10 to 1").trusted


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "rounded" without a comma rounds the whole expression, not its last number.
        ("what is 100 divided by 3 rounded to the nearest whole number", 33),
        ("what is 100 divided by 7 rounded to 1 decimal", 14.3),
        ("5 plus 2.46 rounded to 1 decimal", 7.5),
    ],
)
def test_rounded_applies_to_the_whole_expression(text: str, expected: float) -> None:
    assert value(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("natural log of 10", 2.302585092994046),
        ("log base 10 of 1000", 3),
        ("log base 2 of 64", 6),
        ("common log of 1000", 3),
    ],
)
def test_a_logarithm_with_its_base(text: str, expected: float) -> None:
    assert value(text) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["what's the log of 1000", "what is the logarithm of 100"])
def test_a_logarithm_without_a_base_is_not_guessed(text: str) -> None:
    reading = read_numeric_request(text)
    assert not reading.trusted
    assert any("names no base" in d for d in reading.doubts)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A drop asked "by what percentage" is as large as the drop: 20, not -20.
        ("the price dropped from 125 to 100, by what percentage?", 20),
        ("the percent decrease from 80 to 60", 25),
        ("By how many percent did the rent go up from 1,200 to 1,290?", 7.5),
        # A change with no way said keeps its sign.
        ("percent change from 50 to 40", -20),
    ],
)
def test_a_relative_change_goes_the_way_the_words_say(text: str, expected: float) -> None:
    assert value(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    "text",
    ["it rose from 20 to 15, by what percent?", "it dropped from 20 to 25, by what percent?"],
)
def test_a_change_said_one_way_of_numbers_that_went_the_other_is_not_read(text: str) -> None:
    assert not read_numeric_request(text).trusted


def test_the_whole_thing_is_the_value_before() -> None:
    reading = read_numeric_request("take 50, add 10, then divide the whole thing by 3")
    assert reading.trusted and [c.expression for c in reading.clauses][-1] is not None
    assert evaluate(render(reading.clauses[-1].expression)) == 20


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("45 miles per hour to km per hour", 72.42048),
        ("10 meters per second in km per hour", 36),
        ("convert 100 kilometers per hour to miles per hour", 62.1371),
    ],
)
def test_a_speed_in_words_converts(text: str, expected: float) -> None:
    found = read_formula(text)
    assert found is not None
    assert evaluate(render(found[0])) == pytest.approx(expected, rel=1e-4)


def test_another_adds_nothing_to_the_arithmetic() -> None:
    reading = read_numeric_request("500 minus 20 percent, and then minus another 5 percent of that")
    assert reading.trusted
    assert evaluate(render(reading.clauses[-1].expression)) == pytest.approx(380)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The amount a change leaves.
        ("what is 250 after a 20% discount", 200),
        ("how much is 120 after 25% off", 90),
        ("what's 80 after a 5% raise", 84),
        # Numbers listed with semicolons, written with thousands separators.
        ("Highest of the following: 1,200; 950; 1,450; 1,100", 1450),
        ("average of 4; 8; 12", 8),
        # Prices, so the lowest and the highest.
        ("cheapest of 4.99, 3.49 and 5.25", 3.49),
        ("what's the most expensive: 12, 40, 33", 40),
        # The range said as the gap between the two ends, in either order.
        ("quotes 2,350 2,890 3,100 2,640 - range between cheapest and dearest?", 750),
        ("quotes 120, 95, 140 and 110 - difference between the highest and lowest?", 45),
        ("bids of 45, 60 and 52: the gap between the cheapest and the most expensive one", 15),
    ],
)
def test_changes_after_a_percentage_lists_with_semicolons_and_prices(
    text: str, expected: float
) -> None:
    assert value(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("what's 2/3 as a percentage", 66.6667),
        ("what is 1/8 in percent", 12.5),
        ("what's 0.45 as a percent", 45),
    ],
)
def test_a_fraction_or_a_decimal_as_a_percentage(text: str, expected: float) -> None:
    assert value(text) == pytest.approx(expected, rel=1e-4)


def test_a_gap_between_two_ends_of_one_side_is_not_trusted() -> None:
    reading = read_numeric_request(
        "bids of 45, 60 and 52: the gap between the cheapest and the lowest"
    )
    assert not reading.trusted


def test_a_percentage_asked_and_not_computed_is_not_trusted() -> None:
    # Read as 7 / 9 it was answered 0.778, a hundred times off.
    assert not read_numeric_request("what's 7 divided by 9 as a percentage").trusted


@pytest.mark.parametrize(
    ("text", "expected"),
    [("what is one point five times four", 6), ("two point five plus three point two five", 5.75)],
)
def test_a_decimal_said_in_words(text: str, expected: float) -> None:
    assert value(text) == pytest.approx(expected)


def test_the_amount_after_a_discount_on_it_is_not_the_discount() -> None:
    # Read as "15% of 80" it was 12.
    assert value("what's the price after a 15% discount on 80") == pytest.approx(68)
    assert value("what do I pay after a 10% tax on 50") == pytest.approx(55)


@pytest.mark.parametrize(
    ("text", "expected", "references"),
    [
        # "add up" before a sum written out with plus signs: the sum as written.
        ("add up 1,250 + 980 + 3,400", 5630, None),
        ("total up 40 + 2", 42, None),
        # A share counted in "ways".
        ("split 90 3 ways", 30, None),
        ("split \u27e8s1\u27e9 4 ways", 25, {"s1": 100}),
        # Whole times one number goes into another, as at school.
        ("how many times does 15 go into 225", 15, None),
        ("how many times does 4 go into 10?", 2, None),
        # The sign alone for the word.
        ("what % of 80 is 20", 25, None),
        # "times" as a verb, a power said as an ordinal alone, "over" between numbers, an
        # amount with a percentage "on top", the whole a part is a percentage of, a share
        # "evenly", the value before as "whatever you get".
        ("times \u27e8s1\u27e9 by 5", 60, {"s1": 12}),
        ("2 to the tenth", 1024, None),
        ("7 factorial over 5 factorial", 42, None),
        ("640 with 5 percent on top", 672, None),
        ("18 is 12 percent of what amount", 150, None),
        ("900 shared equally 4 ways", 225, None),
        ("153 split 3 ways", 51, None),
        ("what's 20% of 450, then add 10 to whatever you get", 100, None),
    ],
)
def test_everyday_sums_shares_and_signs(
    text: str, expected: float, references: dict[str, Any] | None
) -> None:
    assert value(text, references) == pytest.approx(expected)


@pytest.mark.parametrize(
    "text",
    ["min and max of half of 8, 5, 9", "the mean of a quarter of 20, 40", "sum of twice 4, 6, 8"],
)
def test_a_fraction_or_multiple_before_a_list_is_not_skipped_as_its_name(text: str) -> None:
    assert not read_numeric_request(text).trusted


@pytest.mark.parametrize("text", ["10 x 10 room ideas", "4x6 photo frame designs"])
def test_a_size_naming_a_thing_is_no_product_asked(text: str) -> None:
    assert not read_numeric_request(text).trusted


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("what's 10 x 10 for the room", 100),
        ("25 x 4 then add 6", 106),
        ("the average of these figures: 3, 5", 4),
    ],
)
def test_sizes_asked_and_named_lists_are_still_read(text: str, expected: float) -> None:
    assert value(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("seven eighths of 240", 210),
        ("one and a half times 60", 90),
        ("4 and a quarter times 4", 17),
        ("27 is how many percent of 180", 15),
        ("what fraction of 240 is 60, as a percent", 25),
        ("begin with 200, knock off 20%", 160),
    ],
)
def test_parts_and_shares_said_in_words(text: str, expected: float) -> None:
    assert value(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("how far is 26.2 miles in kilometres", 42.1648), ("a 7 ft ceiling in metres", 2.1336)],
)
def test_a_conversion_asked_with_how_far_or_of_a_thing_named(text: str, expected: float) -> None:
    formula = read_formula(text)
    assert formula is not None
    assert evaluate(render(formula[0])) == pytest.approx(expected, rel=1e-4)


def test_a_word_of_arithmetic_after_the_unit_is_no_thing_measured() -> None:
    assert read_formula("5 km more in miles") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("average of 21°C, 24°C, 19°C", 21.3333), ("whats 45 pluss 17", 62)],
)
def test_a_degree_sign_after_each_number_and_a_slip_in_plus(text: str, expected: float) -> None:
    assert value(text) == pytest.approx(expected, rel=1e-4)


def test_a_word_one_slip_from_plus_is_not_read_as_it() -> None:
    assert "plug" in read_numeric_request("plug 5 into 3 + 2").unread


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a 0.5% fee on 20000 is how much.", 100),
        ("tip of 15 percent on a 18.40 lunch", 2.76),
        ("add 8% sales tax to 75", 81),
        ("difference between the biggest and smallest of 45, 12, 78, 33", 66),
    ],
)
def test_shares_and_spreads_in_everyday_wordings(text: str, expected: float) -> None:
    assert value(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "expected"), [("reduce 3,600 by a third", 2400), ("increase 90 by a half", 135)]
)
def test_an_amount_changed_by_a_part_of_it(text: str, expected: float) -> None:
    assert value(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    "text",
    [
        # "3 quarters" is no 3: a fraction word left out of a reading changes its value.
        "half of 3 quarters",
        "what's a third of 3 thirds",
        "half a billion over 100",
    ],
)
def test_a_fraction_or_multiple_left_unread_is_not_trusted(text: str) -> None:
    reading = read_numeric_request(text)
    assert not reading.trusted, (reading.understood(), reading.confidence)


def test_a_figure_with_no_numbers_of_its_own_is_of_the_values_it_is_told_to_use() -> None:
    values = {"s1": 8.0, "s1_values": [3.0, 9.0, 12.0]}
    assert value("give me the median. use \u27e8s1_values\u27e9", values) == 9


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Number words join only as numbers are said: "fifteen and twenty-one" is two.
        ("the average of ten, sixteen and thirty-four", 20),
        ("the sum of fifteen and twenty one", 36),
        ("the median of forty, seventeen and twenty-two", 22),
        # "and" after a scale word stays inside the number.
        ("one hundred and five plus twenty-two", 127),
        ("two thousand and twenty minus ten", 2010),
    ],
)
def test_number_words_join_only_as_one_number_is_said(text: str, expected: float) -> None:
    assert value(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("what is 4 1/2 times 2", 9),
        ("add 1 1/4 and 3 3/4", 5),
        ("5 3/8 minus 3", 2.375),
    ],
)
def test_a_mixed_number_is_one_number(text: str, expected: float) -> None:
    assert value(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the mean of these marks out of 20: 12, 16 and 17", 15),
        ("grades (out of 10): 6, 8, 7 - what's the median", 7),
        # ... or said in brackets after the list
        ("median of my scores: 14, 18, 11, 20, 16 (out of 20)", 16),
        # A share and a list said after "out of" are no scale's maximum.
        ("what is 18 out of 24 as a percentage", 75),
        ("out of 44, 91 and 67 take the largest", 91),
    ],
)
def test_the_maximum_of_a_scale_is_no_value(text: str, expected: float) -> None:
    assert value(text) == pytest.approx(expected)


def test_a_number_against_letters_is_not_cut_at_its_point() -> None:
    reading = read_numeric_request("the mean of 4.1xy and 3")
    assert not reading.trusted, reading.understood()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A choice among numbers lists them with "or".
        ("which is the lowest: 6, -3, 2.5 or -0.5", -3),
        ("the biggest of 8, 21 or 13", 21),
    ],
)
def test_a_choice_among_numbers_lists_them_with_or(text: str, expected: float) -> None:
    assert value(text) == pytest.approx(expected)


def test_or_lists_no_numbers_to_add_up() -> None:
    assert not read_numeric_request("the average of 3, 4 or 5").trusted


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A dash or an arrow after a list starts what is asked of it.
        ("bills 20.50, 30.50, 40.50 \u2014 average", 30.5),
        ("4, 9, 2, 7 -> median", 5.5),
        ("water readings 12, 16, 14 \u2192 the mean", 14),
    ],
)
def test_a_dash_or_arrow_after_a_list_asks_of_it(text: str, expected: float) -> None:
    assert value(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("the sd of 1, 2, 3, 4", "stdev"),
        ("the sample sd of 1, 2, 3, 4", "stdev"),
        ("the population sd of 1, 2, 3, 4", "pstdev"),
    ],
)
def test_sd_is_the_standard_deviation(text: str, figure: str) -> None:
    reading = read_numeric_request(text)
    assert reading.trusted and isinstance(reading.expression, Call)
    assert reading.expression.function == figure


def test_a_figure_named_short_beside_another_is_not_dropped() -> None:
    reading = read_numeric_request("the mean and sd of 10, 20, 30")
    assert reading.figures == ("mean", "stdev")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "totals" names the values, as "amounts" does: no slip of "total".
        ("the mean of the daily totals: 40, 50, 60", 50),
        ("add up these subtotals 12.5, 7.5", 20),
    ],
)
def test_totals_named_are_the_values(text: str, expected: float) -> None:
    assert value(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2 and three quarters times 4", 11),
        ("one and two thirds times 3", 5),
        ("5 and a half minus 1", 4.5),
    ],
)
def test_a_whole_and_several_parts(text: str, expected: float) -> None:
    assert value(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    "text", ["the mean and kurtosis of 10, 20, 30", "the sum and the cv of 1, 2, 3"]
)
def test_a_figure_not_known_beside_one_known_is_not_dropped(text: str) -> None:
    reading = read_numeric_request(text)
    assert not reading.trusted, (reading.understood(), reading.confidence)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("480 + gst (10%)", 528), ("200 plus vat (20 %)", 240)],
)
def test_a_tax_with_its_rate_in_brackets_is_no_function(text: str, expected: float) -> None:
    assert value(text) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["add 20% vat on top", "add 20% on top"])
def test_a_percentage_on_top_of_an_earlier_result(text: str) -> None:
    assert value(text, {"s1": 90}, implicit="s1") == pytest.approx(108)


def test_a_dash_between_words_is_no_minus_sign() -> None:
    reading = read_numeric_request("ok so - the median of 4, 9 and 7")
    assert render(reading.expression) == "median(4, 9, 7)"
    # A dash after a number, or after a word that is an operand, still subtracts.
    assert render(read_numeric_request("10 - half of 4").expression) == "10 - 4 / 2"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("he's 6 ft 2, how many cm is that", 187.96),
        ("she is 5'4\" - what's that in metres?", 1.6256),
    ],
)
def test_a_height_in_feet_and_inches_unit_unsaid(text: str, expected: float) -> None:
    found = read_formula(text)
    assert found is not None
    assert evaluate(render(found[0])) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("our circular patio is 4 m across, what's the area in m2", 12.566370614359172),
        ("area of a circle with a radius of 5 cm", 78.53981633974483),
        # "(use pi not 22/7)": pi itself, as this reading has it
        ("area of a circle with radius 7 cm (use pi not 22/7)", 153.93804002589985),
        ("area of a circle with a diameter of 10 m (using the pi button, not 3.14)", 78.5398163),
        ("whats the area of a circle, radius 4.5 cm? (use pi rather than 3.142)", 63.6172512),
    ],
)
def test_the_area_of_a_circle_from_its_one_size(text: str, expected: float) -> None:
    found = read_formula(text)
    assert found is not None
    assert evaluate(render(found[0])) == pytest.approx(expected)


@pytest.mark.parametrize(
    "text",
    [
        "the round table is 120 cm across, what's its area in m2",
        "a round pond of 3 m, area?",
        # pi taken as an approximation: not the reading's pi
        "area of a circle with radius 7 cm (use 3.14 for pi)",
    ],
)
def test_a_circle_area_in_another_unit_or_of_an_unsaid_size_is_not_read(text: str) -> None:
    assert read_formula(text) is None


@pytest.mark.parametrize(
    ("text", "results"),
    [
        # asks listed with commas and "and", a root among them: each one on its own
        ("what's the square root of 2,025, 15% of 86, and 1,000 divided by 16", [45, 12.9, 62.5]),
        ("what is 1000 divided by 16, 15% of 86 and the square root of 2025", [62.5, 12.9, 45]),
        ("what is the square root of 2025 and the square root of 16", [45, 4]),
    ],
)
def test_asks_listed_with_a_root_are_read_each(text: str, results: list[float]) -> None:
    reading = read_numeric_request(text)
    assert reading.trusted, (reading.understood(), reading.doubts)
    assert [evaluate(render(c.expression)) for c in reading.clauses] == pytest.approx(results)


def test_a_root_of_a_list_is_not_split_into_asks() -> None:
    assert not read_numeric_request("the square root of 9, 16 and 25").trusted


def test_times_by_after_a_number_is_no_verb() -> None:
    # "5 times by 3" has no value before it to multiply: not read as "multiply by".
    assert not read_numeric_request("5 times by 3").trusted


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "in" after an amount in feet is inches, when the unit asked follows
        ("6 ft 2 in to cm", 187.96),
        ("5 feet 10 in in metres", 1.778),
        # what is measured may be named again in the question
        ("16 oz steak, how many grams of meat is that", 453.59237),
        ("a 2 lb joint, how many kilos of beef is that", 0.90718474),
    ],
)
def test_feet_and_in_and_the_thing_measured_named_in_the_question(
    text: str, expected: float
) -> None:
    found = read_formula(text)
    assert found is not None
    assert evaluate(render(found[0])) == pytest.approx(expected)


@pytest.mark.parametrize(
    "text", ["6 m 2 in to cm", "16 oz steak and 2 eggs, how many grams of meat is that"]
)
def test_in_after_another_unit_or_another_number_is_not_converted(text: str) -> None:
    assert read_formula(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("average hours i worked each week this month 41.5, 37.5, 48, 36, 45", 41.6),
        ("median miles i ran each day this week 3, 5, 4, 6", 4.5),
        ("max hours we were open per day this season 8, 10, 12", 12),
    ],
)
def test_a_time_said_of_the_material_is_one_word_of_its_description(
    text: str, expected: float
) -> None:
    assert value(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("take 15% of \u27e8s1\u27e9 for the firm's cut", 30),
        ("work out 20% of \u27e8s1\u27e9 for the agent's share", 40),
    ],
)
def test_what_a_result_is_for_changes_nothing(text: str, expected: float) -> None:
    assert value(text, {"s1": 200}) == pytest.approx(expected)


def test_a_time_after_a_result_is_not_dropped_as_its_purpose() -> None:
    assert not read_numeric_request(
        "take 20% of \u27e8s1\u27e9 for the first 3 months", {"s1": 200}
    ).trusted


def test_mins_is_minutes_not_a_slip_of_minus() -> None:
    reading = read_numeric_request("fittings took in mins: 25, 40, 15, 55 - mean")
    assert not any("minus" in doubt for doubt in reading.doubts)


@pytest.mark.parametrize(
    "text",
    ["28% of 4750 and whats left", "15% of 200 and what remains", "15% of 200, and the rest?"],
)
def test_what_is_left_after_a_share_is_not_dropped(text: str) -> None:
    # The share alone (1330) would answer one of the two figures asked as if it were all.
    reading = read_numeric_request(text)
    assert not reading.trusted
    assert any("after the share" in doubt for doubt in reading.doubts), reading.doubts


@pytest.mark.parametrize(
    ("text", "expected"),
    [("take off 15% for stock, whats left", 850), ("take 25% off it, what's left?", 750)],
)
def test_what_is_left_once_a_share_is_taken_off_is_the_value_read(
    text: str, expected: float
) -> None:
    # s1 * (1 - 15 / 100) is what is left: "whats left" asks that value, no second figure.
    assert value(text, {"s1": 1000}, implicit="s1") == pytest.approx(expected)


def test_a_share_alone_is_still_answered() -> None:
    assert value("what is 15% of 200") == pytest.approx(30)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("average these 4 mat quotes 18.99, 22.50, 16.75, 20.40", 19.66),
        ("whats the median of my 5 race times 61, 59, 63, 58 and 60", 60),
    ],
)
def test_a_count_of_the_list_after_it_is_not_one_of_its_values(text: str, expected: float) -> None:
    assert value(text) == pytest.approx(expected)


def test_a_number_before_a_list_of_another_length_is_not_its_count() -> None:
    # "the 2 numbers 3, 4, 5": 2 counts no list given; the reading is not trusted.
    assert not read_numeric_request("sum of the 2 numbers 3, 4, 5").trusted


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("what % is that of the 1,950 deposits taken. use \u27e8s1\u27e9", 220 / 1950 * 100),
        ("what percentage is it of our 400 members. use \u27e8s1\u27e9", 220 / 400 * 100),
        ("what percent is \u27e8s1\u27e9 of my 260 customers", 220 / 260 * 100),
    ],
)
def test_a_share_of_the_value_worked_on_in_a_number_said_with_its_noun(
    text: str, expected: float
) -> None:
    assert value(text, {"s1": 220.0}, implicit="s1") == pytest.approx(expected)


def test_a_share_of_a_number_alone_needs_a_value_worked_on() -> None:
    assert not read_numeric_request("what percent is that of my 260 customers").trusted


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("total the cancellations this quarter 4, 7, 3", 14),
        ("add up the refunds this quarter 12, 30 and 8", 50),
        ("a quarter of 80", 20),
    ],
)
def test_a_quarter_said_as_a_period_is_no_fraction(text: str, expected: float) -> None:
    assert value(text) == pytest.approx(expected)

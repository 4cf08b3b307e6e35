"""Figures of data pasted into a request: lists said in other ways (slashes, a label that
asks first, superlatives of what is measured) and counts of a table's rows by a condition."""

from __future__ import annotations

from typing import Any

import pytest

from orchestra.agents.analyst.operations import run_operation
from orchestra.agents.protocol import AgentInputError, StepRequest


def run(instruction: str, capability: str = "statistics") -> dict[str, Any]:
    return run_operation(StepRequest(instruction=instruction, capability=capability)).data


def test_numbers_run_together_by_slashes_are_a_list_when_a_figure_is_asked() -> None:
    asked = "ages of the kids coming to the party 6/7/6/8/7/6/5/6 - which age is most common"
    assert run(asked, "calculation")["result"] == 6
    assert run("scores this season 3/1/4/2/2 - median?")["result"] == 2


def test_spanish_opening_question_mark_subtracts_nothing() -> None:
    asked = "gastos de la semana: 15,60 € / 8,90 € / 22,40 € / 11,10 € - ¿total?"
    assert run(asked)["result"] == 58


def test_shortest_and_tallest_of_a_list_are_its_lowest_and_highest() -> None:
    data = run("sunflower heights in cm: 182, 167, 203, 149, 191, 176. shortest and tallest?")
    assert (data["min"], data["max"]) == (149, 203)
    assert run("lengths of the planks: 1.2, 2.4, 0.9 m. shortest?")["result"] == 0.9


def test_heaviest_and_lightest_of_weights_are_their_highest_and_lowest() -> None:
    data = run("heaviest and lightest rucksack weight 8.5 11.2 9.8 12.4 10.1 7.9 10.6 kg")
    assert (data["min"], data["max"]) == (7.9, 12.4)
    assert run("parcels weigh 2.4, 3.1, 0.8 and 5.6 - lightest?")["result"] == 0.8
    # Of values said to be no weights, "heaviest" is not read.
    with pytest.raises(AgentInputError):
        run("prices 3.40 5.10 2.20 8.90 heaviest and lightest")


def test_max_temps_label_each_value_and_ask_no_figure() -> None:
    asked = (
        "greenhouse max temps this week: 31, 27, 34, 29, 36, 33, 28 - how many days went over 30"
    )
    assert run(asked)["result"] == 4
    asked = "Context: Min temps last week: 2, -1, 0, 3, -2. Task: How many nights were below 0?"
    assert run(asked)["result"] == 2


def test_a_figure_asked_before_the_list_and_its_label() -> None:
    asked = "sample variance of my 5k times in mins: 26.4, 25.8, 27.1, 26.0, 25.2"
    assert run(asked)["result"] == 0.5
    assert (
        run("what's the median of our shop's daily takings in £: 320, 415, 290, 388")["result"]
        == 354
    )


def test_a_label_said_as_how_long_each_took_asks_nothing_itself() -> None:
    asked = "how long each alteration took in mins: 25, 40, 15, 55, 30, 20, 45 - mean and median"
    figures = run(asked)["figures"]
    assert (round(figures["mean"], 4), figures["median"]) == (32.8571, 30)
    assert run("how far each walk was in km: 3.2, 5.1, 4.4, 6.0 - average")["result"] == 4.675
    assert run("how many each kid ate: 3, 5, 2, 4, 4. median?")["result"] == 4


def test_a_number_describing_what_the_values_are_of_is_no_value() -> None:
    assert run("2 bed rents on my street 875 950 1020 910 985 1100 940 - median")["result"] == 950
    assert run("5 star ratings this month 4 5 3 5 4, mean")["result"] == 4.2
    assert run("3 bedroom house prices near us 310000 295000 340000 - average")["result"] == 315000
    with pytest.raises(AgentInputError):
        run("the 3 shops made 200, 300 and 250 - total")  # is the 3 a value? unsaid
    # "per week the last 6 weeks" and six values: the periods the values are of, no rate
    said = "callouts per week the last 6 weeks 18 24 15 31 22 20 - sample sd pls"
    assert run(said)["result"] == pytest.approx(5.5377492)
    # a unit after the last value is what the list measures, no count of things
    said = "Context: lengths of stay this month 7 14 3 10 5 21 7 4 nights. Task: median"
    assert run(said)["result"] == 7


def test_wettest_and_driest_name_the_one_rainfall_column() -> None:
    data = run("month,rainfall_mm\nJun,48\nJul,62\nAug,91\nSep,77\nwhich was the wettest month")
    assert data["result"] == 91
    assert data["matchingRows"][0]["month"] == "Aug"
    assert run("which day was driest?\nday,rain (mm)\nMon,4\nTue,0.5\nWed,9")["result"] == 0.5


def test_windiest_and_busiest_name_the_one_column_of_their_kind() -> None:
    data = run("day,max_knots\nmon,14\ntue,22\nwed,27\nthu,19\nwhich day was windiest")
    assert data["result"] == 27
    assert data["matchingRows"][0]["day"] == "wed"
    jobs = "| month | jobs |\n|---|---|\n| jan | 14 |\n| feb | 19 |\n| mar | 27 |\n"
    data = run(f"{jobs}busiest month?")
    assert data["matchingRows"][0]["month"] == "mar"
    with pytest.raises(AgentInputError):
        run("day,rain_mm\nmon,4\ntue,9\nwhich day was windiest")  # no column of wind


def test_cheapest_of_values_the_request_calls_rates() -> None:
    asked = (
        "nursery day rates, which is cheapest?\n"
        '[{"nursery":"Little Acorns","daily":62},{"nursery":"Sunbeams","daily":58.5},'
        '{"nursery":"Tiny Steps","daily":66}]'
    )
    data = run(asked)
    assert data["result"] == 58.5
    assert data["matchingRows"][0]["nursery"] == "Sunbeams"


def test_finished_in_under_a_bound_counts_the_rows_within_it() -> None:
    table = "| runner | time_min |\n|---|---|\n| Kat | 24.5 |\n| Lee | 31.2 |\n| Max | 28.9 |\n"
    assert run(table + "how many of us finished in under 30 minutes")["result"] == 2


def test_how_many_of_a_value_are_booked_in() -> None:
    table = "pet,type\nMilo,dog\nLuna,cat\nBella,dog\nNala,cat\n"
    assert run(table + "how many cats are booked in")["result"] == 2


def test_how_many_have_not_done_what_a_yes_or_no_column_says() -> None:
    table = '{"kid":"Ella","paid":true}\n{"kid":"Josh","paid":false}\n{"kid":"Isla","paid":false}\n'
    assert run(table + "how many kids havent paid for the trip yet")["result"] == 2
    assert run("name,paid\nAnn,yes\nBob,no\nCy,no\nhow many are unpaid")["result"] == 2


def test_how_many_hours_has_each_one_done_is_each_ones_total() -> None:
    table = "volunteer,hours\nDee,3\nFin,2.5\nDee,4\nGus,6\nFin,3.5\n"
    data = run(table + "how many hours has each volunteer done at the food bank")
    totals = {group["volunteer"]: group["sum"]["hours"] for group in data["result"]}
    assert totals == {"Dee": 7, "Fin": 6, "Gus": 6}


def test_bullets_whose_first_is_run_on_after_the_colon_are_a_list() -> None:
    asked = (
        "Add up the party costs: - hall 120\n- food 86.40\n- entertainer 150\n- party bags 42.60"
    )
    assert run(asked)["result"] == 399


def test_a_service_charge_on_top_is_a_percentage_added() -> None:
    assert run("the bill was 80, add 12.5% service on top", "calculation")["result"] == 90
    assert run("add 12.5% service to 80", "calculation")["result"] == 90
    assert run("the meal was 64, add 10% service charge", "calculation")["result"] == 70.4


def test_a_figure_of_some_of_the_list_asked_first_keeps_which_ones() -> None:
    assert run("What's the average of the last three numbers: 4, 8, 15, 16")["result"] == 13
    # "my last five" of five values is all of them
    assert (
        run("Average of my last five 5k times in minutes:\n27, 25.5, 26, 24.5, 27")["result"] == 26
    )


def test_cheapest_of_a_rate_or_charge_column_is_its_lowest() -> None:
    table = "| tutor | rate |\n|---|---|\n| Hana | 38 |\n| Olu | 32 |\n| Greg | 45 |\n"
    data = run(table + "which tutor is cheapest per hour")
    assert (data["result"], data["matchingRows"][0]["tutor"]) == (32, "Olu")
    assert run("van,charge\nA,80\nB,65\nC,90\nwhich van hire is cheapest")["result"] == 65


def test_what_was_spent_on_a_table_of_costs_is_their_total() -> None:
    table = "| item | cost |\n|---|---|\n| strings | 12.99 |\n| tuner | 18.50 |\n| capo | 9.95 |\n"
    assert run(table + "what have i spent on guitar stuff")["result"] == 41.44
    assert (
        run("thing,price\nsofa,300\nlamp,45\nhow much did we spend on the lounge?")["result"] == 345
    )


def test_how_many_sold_of_a_sold_column_adds_it_up() -> None:
    table = "item,sold\njam,14\nchutney,9\nhoney,11\n"
    assert run(table + "how many jars did we shift at the stall in total")["result"] == 34
    assert (
        run("flavour,units\nvanilla,40\nmint,25\nhow many tubs did we sell today?")["result"] == 65
    )


def test_top_of_the_league_is_the_most_of_its_one_column() -> None:
    asked = (
        '[{"member":"Dot","wins":12},{"member":"Raj","wins":15},{"member":"Kit","wins":9}] '
        "who's top of the catan league"
    )
    data = run(asked)
    assert (data["result"], data["matchingRows"][0]["member"]) == (15, "Raj")


def test_shifts_of_a_rota_counted_by_their_value() -> None:
    rota = "shift,type\nMon,day\nTue,night\nWed,night\nThu,day\nFri,night\nSun,off\n"
    assert run(rota + "how many nights am i on this week")["result"] == 3
    rota = "date,shift\n1 May,early\n2 May,late\n3 May,late\n"
    assert run(rota + "how many earlies is she down for this month")["result"] == 1


def test_a_numbered_column_after_which_names_the_rows_not_the_figure() -> None:
    data = run("table,covers\n1,4\n2,6\n3,2\nwhich table had the fewest covers")
    assert (data["column"], data["result"]) == ("covers", 2)


def test_a_figure_said_as_a_verb_of_a_list_counted_by_its_label() -> None:
    # "over the last 4 weeks" of four values counts them; it is no value.
    asked = "average my dog walking income over the last 4 weeks (420, 465, 390, 505)"
    assert run(asked)["result"] == 445
    assert run("average my income over the last 4 weeks: 420, 465, 390, 505")["result"] == 445
    assert run("total my last 3 weeks (5, 6, 8)")["result"] == 19
    # A unit in brackets before the colon is no list.
    asked = "sample variance of the lambs birth weights (kg): 4.2, 5.1, 3.8, 4.6, 4.9, 4.4"
    assert round(run(asked)["result"], 3) == 0.224


def test_a_figure_asked_right_after_the_list_with_no_dash() -> None:
    assert run("runs this week km 5.2 8.0 6.4 12.1 5.0 total?")["result"] == 36.7
    asked = "times in minutes 24.2, 23.8, 25.1, 24.6, 23.5, 24.0 sample standard deviation"
    assert round(run(asked)["result"], 6) == 0.576194
    assert run("parcel weights 2.5 3.1 4.2 kg total")["result"] == 9.8
    assert run("scores 12, 15, 18 median")["result"] == 15


def test_words_after_the_list_that_ask_more_than_a_figure_are_no_figure_of_it() -> None:
    # A unit that is also a figure's name stays the unit: minutes, not the lowest.
    with pytest.raises(AgentInputError):
        run("lap times 24, 25, 26 min")
    with pytest.raises(AgentInputError):
        run("5, 8, 6 total cost at 4 each")


def test_mins_before_a_list_are_minutes_not_minus() -> None:
    data = run("how long each fitting took in mins: 25, 40, 15, 55 - mean and median")
    assert (data["mean"], data["median"]) == (33.75, 32.5)


def test_amounts_each_with_their_sign_and_spaces_between_are_a_list() -> None:
    assert run("tips tonight £4.50 £2 £0 £6 £3.20 median?")["result"] == 3.2
    assert run("lunch this week $8.20 $11 $6.75 $9.40 total?")["result"] == pytest.approx(35.35)


def test_the_figure_asked_with_the_labels_noun_again() -> None:
    assert run("tips tonight 4.50, 2, 0, 6, 3.20 median tip?")["result"] == 3.2
    assert run("scores 14 17 9 12 average score?")["result"] == 13


@pytest.mark.parametrize(
    ("asked", "figure", "value"),
    [
        (
            "cat weights at the clinic in kg 4.1, 3.8, 5.2, 4.6, 3.9, 4.4 mean and median pls",
            "median",
            4.25,
        ),
        ("lap times in secs 61, 64, 59, 62 average please", "mean", 61.5),
    ],
)
def test_asking_nicely_after_the_figure_asks_nothing_more(
    asked: str, figure: str, value: float
) -> None:
    assert run(asked)[figure] == pytest.approx(value)


@pytest.mark.parametrize(
    ("asked", "value"),
    [
        ("average these weigh-ins for rex 28.4, 27.9, 29.1, 28.6 kg", 28.5),
        ("average these check-ins 28, 27, 29", 28),
        ("total of the add-ons 4.50, 3, 2.25", 9.75),
    ],
)
def test_a_noun_of_a_verb_and_its_particle_is_one_word_not_a_minus(
    asked: str, value: float
) -> None:
    assert run(asked)["result"] == pytest.approx(value)


def test_the_period_a_list_covers_is_no_value_of_it() -> None:
    asked = "bins done per day last 2 wks 84 112 96 128 74 90 102 88 115 79 - mean and median"
    data = run(asked)
    assert (data["mean"], data["median"]) == (96.8, 93)
    assert run("calls taken last 5 days 40 52 47 61 38 - mean")["result"] == 47.6
    with pytest.raises(AgentInputError):
        run("the last 2 shops made 200, 300 and 250 - total")  # is the 2 a value? unsaid


def test_whose_highest_values_names_the_list_when_another_figure_is_asked() -> None:
    data = run("my highest breaks this month 34 52 41 67 28 45 - mean and median")
    assert (data["mean"], data["median"]) == (44.5, 43)
    assert run("his fastest laps 61.2 60.8 62.5, mean")["result"] == pytest.approx(61.5)


_TICKETS = '{"ticket": "T1", "state": "closed"}\n{"ticket": "T2", "state": "open"}\n' + (
    '{"ticket": "T3", "state": "closed"}\n{"ticket": "T4", "state": "on hold"}\n'
)
_CLASSES = "kid,grade\nAda,gold\nBen,silver\nCal,gold\nDee,bronze\nEve,gold\n"


@pytest.mark.parametrize(
    ("asked", "count"),
    [
        (_TICKETS + "how many tickets still closed", 2),
        (_TICKETS + "how many tickets are on hold at the moment", None),
        (_TICKETS + "how many CLOSEDs in that list", 2),
        (_CLASSES + "how many got a gold", 3),
        (_CLASSES + "how many kids came back with silver", 1),
        ("room,state,nights\n1,clean,2\n2,dirty,3\n3,clean,1\nhow many rooms are clean so far", 2),
    ],
)
def test_how_many_hold_a_value_named_in_the_question(asked: str, count: int | None) -> None:
    if count is None:
        with pytest.raises(AgentInputError):
            run(asked)
    else:
        assert run(asked)["result"] == count


@pytest.mark.parametrize(
    "asked",
    [
        _TICKETS + "how many tickets are not closed",
        _TICKETS + "how many tickets are closed or open",
        _TICKETS + "how many urgent tickets are closed",
        _TICKETS + "how many tickets were closed late",
        _CLASSES + "how many more got gold than silver",
        "item,kg\nplum,3\npear,2\nplum,4\nhow many plums",
    ],
)
def test_a_value_named_with_another_condition_is_not_counted(asked: str) -> None:
    with pytest.raises(AgentInputError):
        run(asked)


@pytest.mark.parametrize(
    ("asked", "count"),
    [
        ("invoice_id,total\n501,80\n502,240\n503,310\nhow many invoices over 200", 2),
        ('how many parcels over 2 in this lot\n{"parcel":11,"kg":1.5}\n{"parcel":12,"kg":3}', 1),
        (
            "fund,balance\ncash,400\nbonds,2500\nshares,9000\nhow many funds have over 1000 in",
            2,
        ),
        ("part,stock\nbolt,12\nnut,70\nwasher,30\nhow many parts are under 40 in stock", 2),
    ],
)
def test_how_many_rows_beyond_a_bound_of_the_one_amount(asked: str, count: int) -> None:
    assert run(asked)["result"] == count


@pytest.mark.parametrize(
    "instruction",
    [
        "total quantity ordered\norder\tqty\n1001\t3\n1002\t5\n1003\t2",
        "Sum the qty column\norder,qty\n1001,3\n1002,5\n1003,2",
    ],
)
def test_a_table_sent_for_arithmetic_is_read_by_its_column(instruction: str) -> None:
    # Read as arithmetic, every cell was added, the order numbers too: 3016.
    result = run_operation(StepRequest(instruction=instruction, capability="calculation"))
    assert result.data["column"] == "qty"
    assert result.data["sum"] == 10

"""An amount in one currency at an exchange rate the request states (`analyst.exchange`)."""

from __future__ import annotations

from typing import Any

import pytest

from orchestra.agents.analyst.exchange import read_exchanged
from orchestra.agents.analyst.operations import run_operation
from orchestra.agents.protocol import AgentInputError, StepInput, StepRequest


def run(instruction: str) -> dict[str, Any]:
    return run_operation(StepRequest(instruction=instruction, capability="calculation")).data


@pytest.mark.parametrize(
    ("request_text", "results"),
    [
        # the rate said as "1 X = r Y", asked in Y: times it
        ("1 euro = 0.86 pounds. how many euros is 100 pounds", [116.2791]),
        # asked in X: divided by it
        ("Context: 1 GBP = 1.27 USD. Task: How many pounds is 450 dollars.", [354.3307]),
        ("1 GBP = 1.25 USD. how much is 450 dollars in pounds?", [360]),
        ("\u00a31 = $1.27. what's 300 dollars in pounds", [236.2205]),
        # a price a unit for a count: the amount first, then changed
        (
            "hotel in zurich is 320 CHF a night for 3 nights. 1 CHF = 0.89 GBP. total in pounds?",
            [960, 854.4],
        ),
        (
            "Context: The rental is 40 euros a day for 5 days. 1 euro is 0.86 pounds. "
            "Task: How much is that in pounds?",
            [200, 172],
        ),
        # a tip added before the change
        (
            "Context: Dinner in rome was 96 euros and we added a 10% tip. Task: With 1 euro = "
            "0.86 pounds, what did it cost us in pounds.",
            [90.816],
        ),
    ],
)
def test_an_amount_at_the_rate_stated(request_text: str, results: list[float]) -> None:
    data = run(request_text)
    steps = data.get("steps") or [data]
    assert [step["result"] for step in steps] == [pytest.approx(r) for r in results]


@pytest.mark.parametrize(
    "request_text",
    [
        # two rates
        "1 GBP = 1.27 USD and 1 GBP = 1.17 EUR. how many pounds is 450 dollars",
        # an amount in neither currency of the rate
        "1 GBP = 1.27 USD. how many pounds is 450 euros",
        # the currency asked is neither of the rate's
        "hotel is 320 CHF a night for 3 nights. 1 CHF = 0.89 GBP. total in dollars?",
        # a number left over: a fee this reading would leave out
        "1 GBP = 1.27 USD. how many pounds is 450 dollars after a 5 dollar fee",
    ],
)
def test_a_rate_that_does_not_fit_is_not_read(request_text: str) -> None:
    assert read_exchanged(None, request_text) is None


@pytest.mark.parametrize(
    ("request_text", "result"),
    [
        # "at 1.16 to the pound": the other side unnamed, the currency asked
        ("\u00a3300 in euros at 1.16 to the pound", 348),
        ("how many dollars is \u00a3250 at 1.27 to the pound", 317.5),
        # ... or the amount's
        ("\u20ac500 in pounds at 1.17 to the pound", 427.3504),
    ],
)
def test_a_rate_to_the_pound_with_its_other_side_unnamed(request_text: str, result: float) -> None:
    assert run(request_text)["result"] == pytest.approx(result, rel=1e-5)


@pytest.mark.parametrize(
    "request_text",
    [
        # no currency by the amount: which way round is not said
        "500 in euros at 1.16 to the pound",
        # asked in the pound the rate is to
        "\u00a3300 in pounds at 1.16 to the pound",
    ],
)
def test_a_rate_to_the_pound_unsure_of_its_other_side_is_not_read(request_text: str) -> None:
    assert read_exchanged(None, request_text) is None


def test_an_earlier_result_changed_at_the_rate_stated() -> None:
    # "Convert to pounds at 1.17 euros per £" of a total worked out before: in euros.
    request = StepRequest(
        instruction="Convert to pounds at 1.17 euros per \u00a3. "
        "Use the result of step s1 (Total).",
        capability="calculation",
        inputs=(StepInput(step_id="s1", title="Total", text="527", data={"result": 527.0}),),
    )
    assert run_operation(request).data["result"] == pytest.approx(450.42735)


def test_a_currency_asked_that_the_rate_does_not_name_is_refused() -> None:
    with pytest.raises(AgentInputError):
        run("hotel is 320 CHF a night for 3 nights. 1 CHF = 0.89 GBP. total in dollars?")


@pytest.mark.parametrize(
    ("request_text", "results"),
    [
        # "¥" and "₹" kept as the currency's name where a rate names them
        (
            "ryokan is \u00a542,000 a night for 2 nights and $1 = \u00a5149.5. "
            "what's that in dollars",
            [84000, 561.87291],
        ),
        ("\u00a31 = \u20b9105. how many pounds is \u20b921,000", [200]),
    ],
)
def test_a_rate_said_with_yen_or_rupee_signs(request_text: str, results: list[float]) -> None:
    data = run(request_text)
    steps = data.get("steps") or [data]
    assert [step["result"] for step in steps] == [pytest.approx(r) for r in results]


@pytest.mark.parametrize(
    ("request_text", "result"),
    [
        ("got 500 euros for \u00a3436 at the bureau. how many euros per pound is that", 1.146789),
        ("got 500 euros for \u00a3436. how many pounds to the euro", 0.872),
        ("bought $300 for 41,000 yen, how many yen per dollar did i get", 136.666667),
    ],
)
def test_the_rate_an_exchange_gave(request_text: str, result: float) -> None:
    assert run(request_text)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "request_text",
    [
        # a fee left over; a rate asked of a currency not exchanged
        "got 500 euros for \u00a3436 and paid a 3 fee. how many euros per pound is that",
        "got 500 euros for \u00a3436. how many dollars per pound is that",
    ],
)
def test_a_rate_got_that_does_not_fit_is_refused(request_text: str) -> None:
    with pytest.raises(AgentInputError):
        run(request_text)


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        (
            "bureau takes 3% commission off the pounds first then gives 1.16 euros per pound. "
            "changing 600 quid, how many euros do i get",
            675.12,
        ),
        ("changing 600 quid at 1.16 euros per pound, how many euros do i get", 696),
        (
            "the kiosk gives 1.25 dollars to the pound and charges a 2% fee. exchanging 400 "
            "pounds, how many dollars",
            490,
        ),
    ],
)
def test_a_rate_per_unit_and_a_commission_off_what_is_changed(
    instruction: str, result: float
) -> None:
    assert run(instruction)["result"] == pytest.approx(result)


def test_a_commission_on_an_amount_wanted_is_refused() -> None:
    # the pounds needed for 600 euros would have the commission added, not taken off
    with pytest.raises(AgentInputError):
        run(
            "bureau gives 1.16 euros per pound and takes 3% commission. i need 600 euros, how "
            "many pounds"
        )


@pytest.mark.parametrize(
    ("request_text", "results"),
    [
        # the rate written with signs, the other way about
        ("\u20ac1,450 in \u00a3 at 0.86 \u00a3 per \u20ac", [1247]),
        # two amounts of one currency added, asked in both currencies
        (
            "rack quote is $2,340 plus $410 shipping, rate 0.79 \u00a3 per $. total in $ and in "
            "\u00a3",
            [2750, 2172.5],
        ),
        # an amount in the currency asked taken off what the change gives
        (
            "doing a week of runs: \u20ac1,450 for the week, 0.86 \u00a3 per \u20ac, minus "
            "\u00a3120 in tolls i pay. what i get in \u00a3",
            [1247, 1127],
        ),
        ("paid 800 euros, minus \u00a340 fees, 1 euro = 0.86 pounds. in pounds", [688, 648]),
    ],
)
def test_amounts_added_or_taken_off_around_a_rate_said_with_signs(
    request_text: str, results: list[float]
) -> None:
    data = run(request_text)
    steps = data.get("steps") or [data]
    assert [step["result"] for step in steps] == [pytest.approx(r) for r in results]


@pytest.mark.parametrize(
    "request_text",
    [
        # amounts added in two currencies
        "flights $640 plus \u00a380 bags, 0.79 \u00a3 per $. total in \u00a3",
        # asked in two currencies, neither the amount's
        "$300 in \u00a3 and in \u20ac, 0.79 \u00a3 per $",
        # taken off in the amount's currency, not the one asked
        "paid 800 euros minus 40 euros deposit back, 1 euro = 0.86 pounds. in pounds",
    ],
)
def test_amounts_around_a_rate_that_do_not_fit_are_not_read(request_text: str) -> None:
    assert read_exchanged(None, request_text) is None

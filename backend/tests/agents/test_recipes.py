"""A recipe scaled, the parts of a mix, a roasting time by weight (`analyst.recipes`)."""

from __future__ import annotations

from typing import Any

import pytest

from orchestra.agents.analyst.operations import run_operation
from orchestra.agents.analyst.recipes import read_recipe
from orchestra.agents.protocol import AgentInputError, StepRequest


def run(instruction: str, capability: str = "calculation") -> dict[str, Any]:
    return run_operation(StepRequest(instruction=instruction, capability=capability)).data


@pytest.mark.parametrize(
    ("instruction", "results"),
    [
        # for more people than the recipe is for: each amount asked times wanted / given
        ("lasagne recipe for 6 people uses 750 g mince and 450 ml passata. making it for 10 - "
         "how much mince and how much passata", [1250, 750]),
        ("recipe serves 4 and uses 2 eggs, i'm cooking for 6 people, how many eggs", [3]),
        ("recipe for 4 uses 200 g flour. how much flour for 6", [300]),
        # ... asked in another unit of the same kind: converted
        ("lasagne recipe serves 4 with 600g mince. cooking for 18 how much mince in kg",
         [2.7]),
        ("curry recipe for 6 people uses 900 g chicken and 400 ml coconut milk. making it "
         "for 9, how much chicken in kilos", [1.35]),
        ("soup recipe serves 2 and needs 1.5 litres stock. cooking for 5 how much stock in ml",
         [3750]),
        # only what is asked, in the order asked
        ("recipe for 6 people uses 750 g mince and 2 onions. making it for 10 - how much "
         "mince", [1250]),
        # a word of scale
        ("halving a brownie recipe: it needs 185 g butter, 275 g sugar and 3 eggs. how much "
         "butter, sugar and how many eggs for half", [92.5, 137.5, 1.5]),
        ("doubling a pancake recipe: 250 ml milk, 2 eggs and 120 g flour. how much milk and "
         "flour", [500, 240]),
        # a mix in parts, from the amount of one part
        ("pour over at 1:16 coffee to water by weight and i'm using 500 g of water. grams of "
         "coffee?", [31.25]),
        ("brew ratio 1:15 coffee to water, i have 20 g of coffee, how much water", [300]),
        # ... or from the whole
        ("concrete mix is 1:2:4 cement:sand:gravel by volume and i need 0.35 m3 in total. how "
         "much cement, sand and gravel in m3", [0.05, 0.1, 0.2]),
        ("mortar is 1:4 cement to sand and i need 50 kg in total. how much sand in kg", [40]),
        # ... asked in another unit of the same kind: converted
        ("mortar is 1:4 cement to sand and i need 50 kg in total. how much sand in grams",
         [40000]),
        ("2 stroke mix for the strimmer is 50:1 petrol to oil. how many ml of oil for 5 litres "
         "of petrol", [100]),
        # parts said each with its thing, and the whole the size of what is filled
        ("cleaning mix is 1 part bleach to 10 parts water and i'm filling a 500 ml spray "
         "bottle. how many ml of bleach", [500 / 11]),
        ("1 part cordial to 4 parts water, i have 250 ml of cordial, how much water in litres",
         [1]),
        ("weedkiller is 1 part concentrate to 9 parts water, making a 5 litre watering can, "
         "how many ml of concentrate", [500]),
        # a time for each unit of weight, plus a time added once
        ("how long to roast a 2.4 kg chicken at 20 min per kg plus 20 min", [68]),
        ("roast beef 1.5 kg at 20 minutes per 500 g plus 20 minutes, how long", [80]),
    ],
)  # fmt: skip
def test_recipes_and_mixes(instruction: str, results: list[float]) -> None:
    data = run(instruction)
    steps = data["steps"] if len(results) > 1 else [data]
    assert [s["result"] for s in steps] == pytest.approx(results)


@pytest.mark.parametrize(
    "text",
    [
        # asks what the recipe does not give
        # an amount asked in a unit of another kind, or a count asked in a unit
        "recipe serves 4 with 600 g mince. cooking for 8 how much mince in litres",
        "recipe serves 4 with 3 eggs. cooking for 8 how many eggs in grams",
        "recipe for 6 uses 750 g mince. making it for 10, how much will it cost",
        # a number neither an amount nor how many it is for
        "recipe for 4 uses 200 g flour. making it for 8. how much flour for 6",
        # the whole asked in a unit of another kind, or in two units: not converted here
        "mortar is 1:4 cement to sand and i need 50 kg in total. how much sand in litres",
        "50:1 petrol to oil, 5 litres of petrol, how much oil in ml and in cl",
        # asks for what is no part named ("squash" is the mix, or its concentrate?)
        "squash is 1 part concentrate to 7 parts water. making a 2 litre jug, how many ml of "
        "squash",
        # the engine's kind is no number of the mix, but another number is
        "2 stroke mix is 50:1 petrol to oil. how many ml of oil for 5 litres of petrol and 2 cans",
        # the amount given is of no part named
        "mix is 1:3 cement to sand and the mixer holds 120 l. how much sand",
    ],
)
def test_recipes_not_wholly_read_are_left(text: str) -> None:
    assert read_recipe(None, text) is None


def test_a_recipe_not_read_is_refused() -> None:
    with pytest.raises(AgentInputError):
        run("recipe for 6 uses 750 g mince. making it for 10, how much will it cost")


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # the pack less each amount taken, in the smallest unit said
        ("1 kg bag of sugar, already used 450 g of it and the recipe needs 340 g. how much "
         "will be left", 210),
        ("a 2 litre bottle of milk, i used 300 ml and poured 250 ml. how much milk is left",
         1450),
    ],
)  # fmt: skip
def test_what_is_left_in_a_pack(instruction: str, result: float) -> None:
    assert run(instruction)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "text",
    [
        # more taken than there is, a number of another kind, or a number left over
        "1 kg bag of sugar, already used 450 g of it and the recipe needs 640 g. how much "
        "will be left",
        "1 kg bag of sugar, already used 450 g of it and the recipe needs 3 eggs. how much "
        "will be left",
        "1 kg bag of sugar, used 450 g of it for 2 cakes. how much will be left",
    ],
)
def test_what_is_left_in_a_pack_not_wholly_read_is_left(text: str) -> None:
    assert read_recipe(None, text) is None


@pytest.mark.parametrize(
    ("instruction", "results"),
    [
        # the unit asked, or each of two units asked in turn: not the rate's unit alone
        ("turkey is 6.4 kg, recipe says 20 mins per kg plus 90 mins. how long in minutes and "
         "in hours", [218, 218 / 60]),
        ("5 kg turkey, 20 mins per kg plus 70 mins - how many minutes and how many hours",
         [170, 170 / 60]),
        ("beef joint 1.8 kg, cook 25 minutes per 500 g plus 25 minutes. time in mins and in "
         "hrs?", [115, 115 / 60]),
        ("a 3.2 kg chicken takes 25 minutes per kg plus 30 minutes, how long in hours",
         [110 / 60]),
        ("lamb leg 2 kg at 1 hour per kg plus 20 mins, how long in minutes", [140]),
    ],
)  # fmt: skip
def test_a_roasting_time_in_the_units_asked(instruction: str, results: list[float]) -> None:
    data = run(instruction)
    assert [s["result"] for s in data["steps"]] == pytest.approx(results)


def test_a_roasting_time_in_hours_and_minutes_is_left() -> None:
    # "in hours and minutes" asks one time said in both ("1 h 50 min"), not two answers
    assert (
        read_recipe(
            None,
            "a 3.2 kg chicken takes 25 minutes per kg plus 30 minutes, how long in hours and "
            "minutes",
        )
        is None
    )


@pytest.mark.parametrize(
    ("instruction", "results"),
    [
        # the time asked as "total minutes" or "total hours", the weight glued to its unit
        ("chicken is 1.6kg, cook 20 mins per 500g plus an extra 20 mins. total minutes in the "
         "oven", [84]),
        ("pork joint 2 kg, roast 30 minutes per kg plus 30 minutes. total hours?", [1.5]),
        ("a 1.2kg chicken at 25 mins per 500g plus 15 mins, total mins", [75]),
    ],
)  # fmt: skip
def test_a_roasting_time_asked_as_a_total(instruction: str, results: list[float]) -> None:
    data = run(instruction)
    steps = data["steps"] if len(results) > 1 else [data]
    assert [s["result"] for s in steps] == pytest.approx(results)


@pytest.mark.parametrize(
    ("instruction", "results"),
    [
        # the names of the parts in brackets, and "how much of each": every part
        ("feeding the starter 1:2:2 (starter:flour:water) and i want 150g total. how much of "
         "each", [30, 60, 60]),
        ("concrete mix 1:2:3 (cement:sand:gravel), need 0.6 m3 in total - how much of each",
         [0.1, 0.2, 0.3]),
        ("bread dough is 5:3 (flour:water), 400 g in total, how much of each", [250, 150]),
    ],
)  # fmt: skip
def test_a_mix_named_in_brackets_asked_of_each(instruction: str, results: list[float]) -> None:
    data = run(instruction)
    assert [s["result"] for s in data["steps"]] == pytest.approx(results)


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # one amount given, and "how much for 10" asks for it, whatever it is of
        ("stew recipe for 4 uses 800g beef, how much for 10", 2000),
        ("curry recipe for 6 needs 900 g chicken. how much for 4?", 600),
        ("risotto recipe for 2 uses 150 g rice, how much for 5", 375),
    ],
)
def test_the_one_amount_of_a_recipe_for_more_people(instruction: str, result: float) -> None:
    assert run(instruction)["result"] == pytest.approx(result)


def test_how_much_for_more_people_of_two_amounts_is_left() -> None:
    # of the rice or of the onions?
    assert (
        read_recipe(None, "recipe serves 4 and uses 300 g rice and 2 onions, how much for 6")
        is None
    )


@pytest.mark.parametrize(
    ("instruction", "results"),
    [
        (
            "2,500g flour, salt at 2%, yeast 1.5%, water 68% (bakers %). grams of salt, yeast "
            "and water",
            [50, 37.5, 1700],
        ),
        (
            "500 g flour, water 65%, salt 2% (baker's percentages). how much water and salt",
            [325, 10],
        ),
        (
            "1 kg strong flour with 70% water and 2% salt, bakers percent. how many kg of water "
            "and salt",
            [0.7, 0.02],
        ),
    ],
)
def test_bakers_percentages_are_shares_of_the_flour(instruction: str, results: list[float]) -> None:
    data = run(instruction)
    assert [step["result"] for step in data["steps"]] == pytest.approx(results)


@pytest.mark.parametrize(
    "instruction",
    [
        # An ingredient asked that is not given, and a price asked of a weight.
        "500 g flour, water 65%, salt 2% (baker's percentages). how much water and sugar",
        "500 g flour, water 65%, salt 2% (baker's percentages). how much does the salt cost",
    ],
)
def test_bakers_percentages_asked_of_something_else_are_not_read(instruction: str) -> None:
    assert read_recipe(None, instruction) is None

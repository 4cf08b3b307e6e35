"""Word problems read by the units of their amounts (`analyst.quantities`)."""

from __future__ import annotations

import contextlib
from typing import Any

import pytest

from orchestra.agents.analyst.operations import run_operation
from orchestra.agents.analyst.quantities import (
    _per_one,
    _quantities,
    read_first_then_each,
    read_quantities,
    read_upfront_plus_rate,
    split_question,
    unit_asked_apart,
)
from orchestra.agents.analyst.wording import render
from orchestra.agents.protocol import AgentInputError, StepRequest


def run(instruction: str) -> dict[str, Any]:
    return run_operation(StepRequest(instruction=instruction, capability="calculation")).data


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # an amount over an area, asked per one of the area's unit
        ("we picked 12.6 tonnes of apples off 1.8 ha, whats that per hectare", 7.0),
        # a dose by weight, times the weight
        ("the dose is 10 mg/kg and he weighs 31 kg, how many mg is that", 310),
        # a volume over a time at drops per millilitre, asked per minute
        (
            "Context: 500 ml bag to run over 4 hours, the set gives 15 drops/ml. "
            "Task: How many drops per minute?",
            31.25,
        ),
        # a rate per area on an area, in bags of a weight: whole bags
        (
            "need 180 kg of seed per hectare on a 4.2 ha field and it comes in 25 kg bags, "
            "how many bags",
            31,
        ),
        # stitches per 10 cm, for a width
        ("my gauge is 18 stitches per 10 cm and the hat is 55 cm round, how many stitches", 99),
        # a price for a count, asked per 100 of them
        ("1,000 gems cost 9.99, so how much is that per 100 gems", 0.999),
        # a duration in two units
        ("rode 60 km in 2 h 30 min, avg speed km/h?", 24.0),
        # a speed in one word, a distance, and a time asked
        ("train's doing 125 mph and we've got 87 miles to go. how many minutes", 41.76),
        # a rate per month, days in the month, and days asked
        (
            "Context: it's a 31 day month and the rent is 930 a month. "
            "Task: Pro rata rent for 10 days?",
            300.0,
        ),
        # a recipe's pair, and the amount wanted of one of them
        ("the recipe makes 3 L from 1.5 kg of bones, i need 9 L. how many kg of bones", 4.5),
        ("sauce for 8 covers uses 500 ml cream, i'm doing 20 covers. how much cream", 1250.0),
        # the amount wanted said in the question, though the recipe "needs" its own
        ("the recipe needs 200 g flour for 4 people, how much flour for 6 people", 300.0),
        # money for people
        ("the meal came to $240 for the 6 of us, per head?", 40.0),
        # a unit of units asked with a slash
        ("my ftp is 300 W and i weigh 75 kg, what's my w/kg", 4.0),
        # a price said with no word of buying before it, in a request about cost
        ("jam jar is 340 g for 2.72 — what's the price per 100 g", 0.8),
        # a part of a whole, in percent: the smaller over the larger
        ("18 of our 24 seedlings came up, wat's the germination rate as a %", 75.0),
        ("Context: Scored 45 of my 60 penalties this season. Task: Conversion rate %?", 75.0),
        ("the pizza costs me 2.10 in ingredients and sells for 10.50, food cost percentage?", 20.0),
        ("the path climbs 150 m over 2.5 km, average gradient in %?", 6.0),
        ("loaf is 400 g flour and 300 g water, what's the hydration %", 75.0),
        # things named by their first letters, as a ratio
        ("150 kills and 60 deaths in ranked, whats my k/d", 2.5),
        # the body mass index of a height and a weight, in any units
        ("she is 160 cm tall and weighs 64 kg, what's her BMI", 25.0),
        # ... asked first, the amounts after it, written against their units or not
        ("bmi for 82 kg and 1.78m", 82 / 1.78**2),
        ("bmi for 82kg and 1.78m", 82 / 1.78**2),
        ("what's the bmi of 95kg and 190cm", 95 / 1.9**2),
        ("body mass index for 70 kg and 175 cm", 70 / 1.75**2),
        # money asked in hundredths of it, per thing
        ("the tub of 40 chocolates costs £12.50, how many pence per chocolate", 31.25),
        # a weight and a rate said in grams and kilograms
        ("the dog gets through 400g of food a day. bag is 12kg. how many days will it last", 30),
        # a volume is a length cubed: sides and a depth in litres, or at tonnes per m³
        (
            "the raised bed is 120 cm by 60 cm and i'll fill it 30 cm deep, how many litres of "
            "compost",
            216,
        ),
        (
            "patio is 4 m x 2.5 m and i want 10 cm of sand on it. sand is 1.5 tonnes per cubic "
            "metre - how many tonnes",
            1.5,
        ),
        # a rule of units said beside the amounts, which the units keep already
        ("the bed is 2 m by 1 m and 20 cm deep (1 m\u00b3 is 1000 litres), how many litres", 400),
        # what an amount gives, said as "1 litre covers 10 m2": a rate of it
        (
            "the shed wall is 3 m by 2 m and 1 litre covers 10 m2, doing 2 coats. how many litres",
            1.2,
        ),
        # things asked for, each of a size said: a whole number of them
        (
            "Context: Our 3 hives gave about 12 kg of honey each. Task: How many 400 g jars can i "
            "fill?",
            90,
        ),
        # two sides said with one unit after the second
        (
            "the hall floor is 5 by 2.4 m, 2 coats, varnish says 8 m² per litre. how many "
            "litres do i need",
            3.0,
        ),
        # things done so often a period times what each one takes; pence of a price in
        # pence per kWh
        (
            "Context: 2 kW kettle, 3 min per boil, 5 boils a day, 30p per kWh. Task: Cost per "
            "day in pence.",
            15.0,
        ),
        # "a wash" is per wash, as washes are counted
        (
            "Context: Dishwasher uses 1.2 kWh a wash, we do 4 washes a week, 52 weeks, at 25p "
            "per kWh. Task: Yearly cost in \u00a3.",
            62.4,
        ),
        # "litres needed" asks how many litres
        (
            "Context: Painting a wall 5 m long and 2.4 m high, two coats, 1 litre covers "
            "12 m\u00b2. Task: Litres needed.",
            2.0,
        ),
        # a yield is yearly: a monthly rent times 12
        ("Context: The house cost 300,000 and lets for 1,250 pcm. Task: Gross yield in %?", 5.0),
        # a price of a pack over a rate of using it, grams against kilograms: money a day
        (
            "Context: The bag is 2.8 kg and costs 11.49, the dog gets 140 g a day. "
            "Task: Cost per day?",
            0.5745,
        ),
        # a bare "how much" at the end, a price a litre among the amounts: what it comes to
        ("petrol's 1.48 a litre and i put 42 litres in, how much", 62.16),
        # the question is the unit alone
        ("8 g of salt per litre of stock, making 3.5 litres, grams?", 28),
        ("the lawn is 12 m by 9 m and seed goes on at 35 g per m2. kg?", 3.78),
        # a rate of a thing named between its unit and "per": the thing asked in its unit
        ("the dietitian says 0.8 g protein per kg and i weigh 65 kg, how much protein", 52),
        ("mix 30 ml concentrate per litre, my sprayer holds 5 litres. how much concentrate", 150),
        ("spread 250 kg of fertiliser per hectare on a 12 ha field, how much fertiliser", 3000),
        # the one price, of what lasts, is no part of how long it lasts
        ("a 10 kg sack costs 18 and the hens eat 400 g a day, how many days will it last", 25),
        (
            "the bird seed is 12.5 kg a sack and costs 21.99, they get through 250 g a day. "
            "how many days does a sack last and what's the cost per day",
            21.99 / 50,
        ),
        # things of a size asked first, what they come from said after
        ("how many 30 cm shelves can i cut from a 2.4 m plank", 8),
        ("how many 200 ml cups will a 3 litre flask pour", 15),
        # a ratio of two amounts of one kind, of the thing said before it, asked in its unit
        (
            "the conditioner is 5 ml per 50 litres, the tank is 270 litres, how much conditioner",
            27,
        ),
        ("lawn feed says 20 ml per 5 litres of water, how much feed for my 12 litre can", 48),
    ],
)
def test_amounts_with_units_give_the_unit_asked(instruction: str, result: float) -> None:
    assert run(instruction)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    ("context", "task"),
    [
        # two ways fit (which is the recipe's amount?) and nothing says which is wanted
        ("A recipe makes 4 L from 2.5 kg and 10 L from something.", "How many kg?"),
        # the amount saved is a difference, which no product gives
        ("I earn 3200 a month and spend 2450.", "How much do I save in a year?"),
        # "7 a day" says no unit: which thing, or money?
        ("A pack of 84 nappies is 21.99 and the baby goes through 7 a day.", "Cost per day?"),
        # a number of the question without a unit
        ("12 eggs cost 3.60.", "How much is it for 30?"),
        # amounts of one unit added, not multiplied
        ("I walked 5 km and then 3 km.", "How many km?"),
        # two numbers with no unit in a request about cost: 7 nappies or 7 pounds a day?
        ("A pack of 60 wipes is 3.00 and we use 5 a day, price is what?", "Cost per day?"),
        # a change in percent is no part of a whole
        ("The price dropped from 125 to 100.", "By what percentage?"),
        ("The price went from 80 to 60.", "Drop %?"),
        # a margin is a difference over the price, not the cost over it
        ("It costs me 4 and sells for 10.", "Margin %?"),
        # a letter that starts no thing given, or two
        ("150 kills and 60 knockouts in ranked.", "Whats my k/d?"),
        # a body mass index of two heights
        ("He was 1.5 m and is now 1.8 m.", "BMI?"),
        # money squared is no amount per anything
        ("A flat costs 200,000 and the rent is 900.", "What's that per month?"),
        # 7 L in 300 ml tubs is 23 and a part: the part tub, counted or not?
        ("We made 7 litres of soup.", "How many 300 ml tubs will it fill?"),
        # pence of dollars: the money has none
        ("A tub of 40 chocolates costs $12.50.", "How many pence per chocolate?"),
        ("Ink cartridge costs $24.99 and prints about 350 pages.", "Pence per page?"),
        # how often a thing is done, but how long each one takes not said of it
        ("2 kW heater, 6 uses a day, 30p per kWh.", "Cost per day in pence?"),
        # "a wash" with no washes counted: per wash, or one wash?
        ("Dishwasher uses 1.2 kWh a wash, 52 weeks, at 25p per kWh.", "Yearly cost in \u00a3?"),
        # a rate asked per another period with no unit asked: grams or kilograms a week?
        ("The dog gets 140 g a day for 30 days.", "Per week?"),
        # a bare "how much" with no price among the amounts: how much of what?
        ("Flour is 200 g a cake and i'm making 3 cakes.", "How much"),
        # a rule of units said that is not so: which is meant?
        ("The bed is 2 m by 1 m and 20 cm deep.", "How many litres (1 m3 = 100 L)?"),
        # a unit alone asked of amounts that give it two ways, or none
        ("The tank is 40 litres and the jug holds 2 litres.", "Litres?"),
        ("Salt goes in at 2 g per kg of meat, 3 kg of meat and 5 kg of fish.", "Grams?"),
        # the rate of one thing, another thing of its unit: of which is the amount asked?
        ("2 g salt per kg of meat, 3 kg of meat and 5 kg of fish.", "How much salt?"),
        # two sums of money: one may be a budget, which is no price of what lasts
        ("A 10 kg sack costs 18, I have 40 and the hens eat 400 g a day.", "How many days?"),
        # things of a size asked first, with an amount taken off that no product gives
        (None, "how many 500 ml bottles can i fill from a 20 litre batch if i lose 2 litres"),
        (None, "how many 30 cm shelves from a 2.4 m plank with a 5 mm saw cut each"),
        # a ratio of one thing, and another thing asked
        ("The conditioner is 5 ml per 50 litres and the tank is 270 litres.", "How much water?"),
        # a price said with another question asks something of it
        (
            "At \u00a318.50 a sack what's the cost per day.",
            "The hens eat 400 g a day and the sack is 10 kg, how many days does it last?",
        ),
    ],
)
def test_amounts_whose_units_do_not_settle_the_answer_are_not_read(
    context: str | None, task: str
) -> None:
    assert read_quantities(context, task) is None


def test_a_container_count_is_rounded_up_and_says_so() -> None:
    found = read_quantities(
        None, "need 240 kg of seed per hectare on 6.6 ha, in 25 kg bags, how many bags"
    )
    assert found is not None
    assert render(found[0]) == "ceil(240 * 6.6 / 25)"


def test_a_count_rounded_up_shows_the_exact_amount_first() -> None:
    data = run(
        "Context: walls are 40 m², paint does 10 m² per litre and comes in 2.5 litre tins. "
        "Task: How many tins for two coats."
    )
    assert data["result"] == 4
    assert [s["result"] for s in data["steps"]] == [pytest.approx(3.2), 4]


def test_the_question_is_the_last_piece_that_asks() -> None:
    assert split_question("Gauge is 22 stitches per 10 cm, scarf 35 cm, how many stitches") == (
        "Gauge is 22 stitches per 10 cm, scarf 35 cm,",
        "how many stitches",
    )
    assert split_question("dinner came to 80 for 4 of us, per head?") == (
        "dinner came to 80 for 4 of us,",
        "per head?",
    )
    assert split_question("won 36 of my 48 matches, win rate as a %") == (
        "won 36 of my 48 matches,",
        "win rate as a %",
    )
    assert split_question("the average of 3, 5 and 10") is None


def test_a_unit_word_alone_is_still_refused() -> None:
    with pytest.raises(AgentInputError):
        run("the tank holds 40 and the car does 12 km, how many km per l")


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # pence a mile, asked in pounds
        ("Context: I drove 38 miles, claiming 45p a mile. Task: How much in pounds?", 17.1),
        # ... there and back: twice the distance each way
        ("drove 20 miles each way to the client, mileage is 45p a mile. how much in pounds", 18),
        # power for a time, at a price per kWh said in pence
        ("a 2 kW heater on for three and a half hours, at 30p per kWh. how much is that in £", 2.1),
        # one price in pence said as a rate makes the other pence too
        ("unit rate went from 24.5p to 27.03p per kWh, whats that as a % rise", 10.3265306),
        ("petrol was 142.9p a litre and is now 151.3p, % increase?", 5.8782365),
    ],
)
def test_pence_energy_and_both_ways(instruction: str, result: float) -> None:
    assert run(instruction)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # a distance in nautical miles at a speed in knots
        ("the crossing is 26 nautical miles and we make 5.2 knots, how many hours", 5),
        # beats per minute over a duration in minutes and seconds
        ("the song is 90 bpm and 4 min 20 s long, how many beats", 390),
        # a time said as a clock, hours:minutes:seconds, over a distance
        ("did a half marathon of 21.1 km in 1:45:30, what was my pace in minutes per km", 5.0),
        # one rate, asked per another period
        ("the queue takes 600 jobs per hour, how many is that per day", 14400),
    ],
)
def test_knots_beats_clock_times_and_one_rate(instruction: str, result: float) -> None:
    assert run(instruction)["result"] == pytest.approx(result)


def test_one_rate_of_a_unit_per_another_period_is_left_to_the_other_readers() -> None:
    # litres per minute keeps the litre's size only by luck: refused, as before
    with pytest.raises(AgentInputError):
        run("the pump moves 40 litres per minute, how much is that per hour")


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # how often, times a duration, asked per period in another unit
        ("the backup takes 6 min 30 s and runs 24 times a day, how many hours a day is that", 2.6),
        # what a thing holds over what is used per day, "twice a day"
        (
            "he takes 3 drops twice a day and a bottle holds 240 drops. how many days will it last",
            40,
        ),
        # people fed, said by the verb: "serves", "cooking for"
        ("the recipe serves 4 with 600 g of chicken, i'm cooking for 10, how much chicken", 1500),
    ],
)
def test_how_often_what_a_thing_holds_and_people_fed(instruction: str, result: float) -> None:
    assert run(instruction)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "instruction",
    [
        "driving 620 km and the car uses 6.2 L/100km, how many litres will i use",
        "driving 620 km and the car uses 6.2 litres per 100km, how many litres will i use",
    ],
)
def test_a_rate_per_a_count_written_against_its_unit(instruction: str) -> None:
    # "L/100km" is litres per 100 km: the 100 divides, it is not left out
    assert run(instruction)["result"] == pytest.approx(38.44)


def test_a_number_against_letters_is_not_left_out() -> None:
    # "2trips": a number not read as an amount, so the request is not read without it
    assert read_quantities(None, "620 km at 6.2 L/km on 2trips, how many litres") is None


@pytest.mark.parametrize(
    ("instruction", "kinds"),
    [
        # two measures, and things counted beside them
        ("bought 2 kg of potatoes, 1.5 litres of milk and 6 eggs, how much is that altogether",
         "'2 kg of potatoes' and '1.5 litres of milk'"),
        ("recipe has 250 g sugar and 3 eggs, what's the total weight", "'250 g' and '3 eggs'"),
        # three currencies, said by word or by sign
        ("on holiday i spent 40 euros, 25 dollars and 30 pounds, what's the total",
         "'40 euros' and '25 dollars'"),
        ("on holiday i spent \u20ac40, $25 and \u00a330, what's the total", "'\u20ac40' and '$25'"),
    ],
)  # fmt: skip
def test_a_total_of_amounts_of_different_kinds_is_refused(instruction: str, kinds: str) -> None:
    with pytest.raises(AgentInputError, match="different kinds") as refused:
        run_operation(StepRequest(instruction=instruction, capability="statistics"))
    assert kinds in str(refused.value)


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # things counted are joined: 5 fruit
        ("i bought 3 apples and 2 pears, what's the total", 5),
        # amounts of one currency, by word and by sign
        ("spent 40 euros, 25 euros and \u20ac30, what's the total", 95),
        # "sold 14" is money only by the verb before it: no kind said
        ("we sold 14, 22 and 9 tickets, what's the total", 45),
        # a number that is none of the values joined ("5 intervals")
        ("power on my last 5 intervals was 310, 305, 318, 297, 322 watts. mean?", 310.4),
    ],
)
def test_a_total_of_amounts_of_one_kind_is_read(instruction: str, result: float) -> None:
    found = run_operation(StepRequest(instruction=instruction, capability="statistics")).data
    assert found["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # an area said as a square, covered twice over ("2 coats"), at an area per litre
        (
            "walls come to 38 m\u00b2 and i'm doing 2 coats. the paint covers 12 m\u00b2 per "
            "litre, how many litres do i need",
            6.333333,
        ),
        # what one thing gives is per that thing when the question counts it; a share
        # added for waste grows the amount
        (
            "Hallway is 5 m by 1.2 m. I add 10% for cutting waste and one pack of laminate "
            "covers 2.2 m\u00b2. How many packs?",
            3,
        ),
        ("each crate holds 24 bottles, we need 100 bottles. how many crates", 5),
        # ... and "3 glasses each" is per the one other thing counted
        (
            "42 guests, we're planning on 3 glasses each and a bottle of prosecco pours 6 "
            "glasses. how many bottles",
            21,
        ),
        # what one batch uses, for the batches made, asked "altogether"
        (
            "one batch uses 185 g butter, im making two and a half batches for the bake sale. how "
            "much butter altogether",
            462.5,
        ),
        # money an hour, days a week and hours a day, asked as a weekly bill
        (
            "nursery charges 7.20 an hour, she goes 3 days a week for 8.5 hours a day. "
            "weekly bill?",
            183.6,
        ),
        # how many a day, said by the parts of a day, of the one thing counted
        (
            "90 tablets in the bottle, i take 1 in the morning and 2 at night. how many days "
            "will it last",
            30,
        ),
        # "a recipe for 6" counts people; "how much for 9 people" asks the other amount
        ("Recipe for 6 uses 450 g of rice, how much for 9 people.", 675),
    ],
)
def test_shares_for_waste_what_one_thing_gives_and_periodic_bills(
    instruction: str, result: float
) -> None:
    assert run(instruction)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    ("context", "task"),
    [
        # the "a litre" of a price said in the question is no rate asked
        ("Staining 42 m2 of fence, 3 coats, and the stain covers 8 m2 per litre.",
         "What does that cost at 9.80 a litre."),
        # 1 in the morning of what? No thing counted says.
        ("The bottle holds 90 ml, i take 1 in the morning and 2 at night.",
         "How many days will it last?"),
        # a month is no whole number of weeks
        ("The cleaner charges 15 an hour and comes 3 hours a week.", "Monthly bill?"),
        # amounts of one unit added, asked "altogether"
        ("I bought 3 kg rice, 2 kg flour and 5 kg sugar.", "How many kg altogether?"),
    ],
)  # fmt: skip
def test_a_price_in_the_question_a_month_and_a_total_are_not_read(context: str, task: str) -> None:
    assert read_quantities(context, task) is None


def test_each_of_two_things_counted_stays_as_said() -> None:
    # "6 apples each" of the boxes or of the bags? Neither is chosen.
    given = _quantities("I have 3 boxes and 4 bags, 6 apples each")
    assert given is not None
    assert _per_one(given, "how many apples")[2].dims == (("#apple", 1),)


@pytest.mark.parametrize("square", ["m\u00b2", "m2", "sq m", "square metre"])
def test_an_area_said_as_a_square_is_length_squared(square: str) -> None:
    found = read_quantities(
        None, f"lawn is 6 m by 8.5 m, seed goes on at 35 g per {square}. how many g"
    )
    assert found is not None
    assert render(found[0]) == "6 * 8.5 * 35"


@pytest.mark.parametrize(
    ("instruction", "shown", "result"),
    [
        (
            "phone contract: 49 upfront then 31.50 a month for 24 months. total over the whole "
            "contract?",
            "49 + 31.50 * 24",
            805,
        ),
        (
            "sofa: a deposit of 100 then 45 a week for 20 weeks. how much altogether",
            "100 + 45 * 20",
            1000,
        ),
    ],
)
def test_money_paid_upfront_plus_the_rest(instruction: str, shown: str, result: float) -> None:
    found = read_upfront_plus_rate(None, instruction)
    assert found is not None
    assert render(found[0]) == shown
    assert run(instruction)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "instruction",
    [
        # a part of the total asked, not the whole
        "phone contract: 49 upfront then 31.50 a month for 24 months. total per month?",
        # no total asked
        "phone contract: 49 upfront then 31.50 a month for 24 months. how much is that?",
        # two amounts paid upfront
        "49 upfront and a 20 deposit, then 31.50 a month for 24 months. total?",
        # an amount in the question, which the statement's amounts leave out
        "phone contract: 49 upfront then 31.50 a month for 24 months. what total for 2 phones?",
        # "a month" said twice: which is the month's?
        "49 upfront then 31.50 a month and 10 a month. total for 24 months?",
        # a chain after the amount paid upfront
        "49 upfront then 31.50 a month for 24 months then 20 a month for 12 months. total?",
    ],
)
def test_money_paid_upfront_is_not_added_to_an_unsettled_rest(instruction: str) -> None:
    assert read_upfront_plus_rate(None, instruction) is None


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        (
            "ev has a 64 kWh battery, it's on 20% and i want it at 80%. home charger does 7.4 kW "
            "- how many hours will that take (ignore losses)",
            5.189189,
        ),
        ("a 50 kWh battery, charging from 10% to 90% on a 7 kW charger. how many hours", 40 / 7),
    ],
)
def test_a_share_of_a_whole_filled(instruction: str, result: float) -> None:
    assert run(instruction)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "instruction",
    [
        # a share that falls is no filling
        "a 50 kWh battery, charging from 90% to 10% on a 7 kW charger. how many hours",
        # a rate that changes is no share filled
        "tax went from 20% to 25% on 40,000 income, how much tax",
    ],
)
def test_a_share_that_falls_or_a_rate_that_changes_is_not_filled(instruction: str) -> None:
    assert read_quantities(None, instruction) is None


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        (
            "car park is 2.20 for the first hour then 1.60 for every hour after that. i was there "
            "5 hours, how much",
            8.6,
        ),
        (
            "parking is 5 for the first 2 hours then 2 for each additional hour. we stayed 6 "
            "hours, what do we pay",
            13,
        ),
    ],
)
def test_a_price_for_the_first_periods_then_each_after(instruction: str, result: float) -> None:
    assert run(instruction)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "instruction",
    [
        # within the first periods: no period after them
        "parking is 5 for the first 2 hours then 2 for each additional hour. we stayed 1 hour, "
        "what do we pay",
        # a number besides the periods spent: 2 cars
        "car park is 2.20 for the first hour then 1.60 for every hour after that. i was there 5 "
        "hours with 2 cars, how much",
        # nothing asked of what it comes to
        "car park is 2.20 for the first hour then 1.60 for every hour after that. i was there 5 "
        "hours.",
    ],
)
def test_a_price_for_the_first_periods_is_not_read_past_them(instruction: str) -> None:
    assert read_first_then_each(None, instruction) is None


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # a stop of an hour, in words, added to the time on the way
        (
            "the walk is 14 km, i do about 4.5 km/h, and we'll stop an hour for lunch. how "
            "many hours all in",
            14 / 4.5 + 1,
        ),
        # a stop in minutes, in hours asked
        ("drive is 300 km at 100 km/h with a 30 minute break, how many hours", 3.5),
        # in minutes asked
        ("drive is 300 km at 100 km/h with a 30 minute break, how many minutes", 210),
        ("cycle 45 km at 15 km/h and rest for half an hour, how many hours", 3.5),
    ],
)
def test_a_stop_on_the_way_is_added_to_the_time(instruction: str, result: float) -> None:
    assert run(instruction)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "instruction",
    [
        # a stop whose time is not said
        "the walk is 14 km, i do about 4.5 km/h, and we'll stop for lunch. how many hours all in",
        # a stop, and no time asked
        "drive is 300 km with a 30 minute break, i do 100 km/h. how many km per hour",
    ],
)
def test_a_stop_without_its_time_or_with_no_time_asked_is_not_read(instruction: str) -> None:
    assert read_quantities(None, instruction) is None


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # a rate of a rate: ml per kg per day, over feeds a day
        (
            "Context: Baby should have 150 ml per kg per day, she's 4.8 kg and has 6 feeds a "
            "day. Task: How many ml per feed.",
            120,
        ),
        # food energy per km, a trip each way on 4 days a week, asked as the unit per week
        (
            "Context: Cycling burns me about 38 kcal per km. Commute is 9.5 km each way and i "
            "ride in 4 days a week. Task: Kcal per week from commuting?",
            2888,
        ),
        # days a week as days, where that gives the answer
        ("i walk 5 km a day, 4 days a week, how many km a week", 20),
        # "x" between sides whose first is no whole count; waste wanted; packs covering each
        (
            "Context: Living room floor is 5.2 x 3.9 m. Laminate packs cover 2.13 m\u00b2 each "
            "and i want 10% extra for waste. Task: How many packs (just divide, i'll round up).",
            5.2 * 3.9 * 1.1 / 2.13,
        ),
        ("the floor is 4 x 3 m and tile packs cover 1.5 m\u00b2 each. how many packs", 8),
        # what the question supposes after "if"; the bags' weight only names them
        (
            "Context: Shed base is 2.4 m by 1.8 m and 100 mm deep. Task: How many 20 kg bags "
            "of concrete mix if each bag makes 0.01 m3 (just divide).",
            43.2,
        ),
        # an intake by body weight is a day's
        (
            "Context: Aiming for 1.6 g of protein per kg and i weigh 68 kg. Task: How many "
            "grams a day.",
            108.8,
        ),
    ],
)
def test_rates_of_rates_energy_sides_and_intakes(instruction: str, result: float) -> None:
    assert run(instruction)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "instruction",
    [
        # "3 x 2.4 m": three lengths of 2.4 m, or sides? not read as sides
        "i have 3 x 2.4 m boards and each board covers 0.3 m\u00b2. how many m\u00b2 in all",
        # a dose per kg is per dose or per day: not made a day's
        "the dose is 15 mg per kg and he weighs 22 kg, how many mg a day",
    ],
)
def test_counts_before_x_and_doses_are_not_read_as_sides_or_days(instruction: str) -> None:
    with pytest.raises(AgentInputError):
        run(instruction)


def test_a_rate_whose_units_cancel_is_not_kept_per_another_unit() -> None:
    # 16 km a litre is a length over a length cubed: nothing of it is "per 200 km".
    assert (
        read_quantities("my car does 16 km per litre.", "what is that in litres per 200 km") is None
    )


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # pence asked without "how many": the money given, in hundredths of it
        ("ink cartridge costs 24.99 and prints about 350 pages. pence per page?", 7.14),
        ("a pack of 25 candles costs 4.50. cents per candle?", 18),
        ("Context: A tub of 40 chocolates costs \u00a312.50. Task: Pence per chocolate?", 31.25),
    ],
)
def test_pence_asked_of_pounds_are_hundredths(instruction: str, result: float) -> None:
    assert run(instruction)["result"] == pytest.approx(result, rel=1e-4)


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # a thing counted in the singular after one or less, a fraction as its decimal
        ("3/4 cup of sugar makes 12 cookies. i want 30 cookies, how many cups", 1.875),
        ("1 cup of flour makes 12 cookies. i want 30 cookies, how many cups", 2.5),
        ("1/2 cup of oil makes 8 muffins. i want 20 muffins, how many cups", 1.25),
    ],
)
def test_a_thing_counted_in_the_singular_of_one_or_less(instruction: str, result: float) -> None:
    assert run(instruction)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # the amount wanted said as an order
        ("1 kg flour makes 3 loaves, order for 40 loaves, how many kg of flour", 40 / 3),
        ("2 eggs make 12 pancakes, we have an order of 30 pancakes, how many eggs", 5),
        ("500 g of mince makes 4 burgers, order for 18 burgers, how much mince in g", 2250),
    ],
)
def test_the_amount_wanted_said_as_an_order(instruction: str, result: float) -> None:
    assert run(instruction)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "instruction",
    [
        # a fraction with no short decimal is not guessed at
        "1/3 cup of flour makes 12 cookies. i want 30 cookies, how many cups",
        # a number left over
        "3/4 cup of sugar makes 12 cookies. i want 30 cookies and 2 cakes, how many cups",
    ],
)
def test_a_fraction_with_no_decimal_or_a_number_left_over_is_refused(instruction: str) -> None:
    with pytest.raises(AgentInputError):
        run(instruction)


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # a strength said as a mass in a volume is that mass per that volume
        ("dose is 15 mg per kg, she weighs 14 kg, and the syrup is 120 mg in 5 ml. how many "
         "ml do i give", 8.75),
        ("the syrup is 250 mg in 5 ml, she needs 300 mg, how many ml", 6),
    ],
)  # fmt: skip
def test_a_mass_in_a_volume_is_a_strength(instruction: str, result: float) -> None:
    assert run(instruction)["result"] == pytest.approx(result)


def test_a_strength_with_a_number_left_over_is_refused() -> None:
    with pytest.raises(AgentInputError):
        run(
            "dose is 15 mg per kg, she weighs 14 kg and 3 years, and the syrup is 120 mg in 5 "
            "ml. how many ml do i give"
        )


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # "how much" naming no thing asks money, with one bare number the price
        ("a box of 24 cans is 9.60, how much per can", 0.4),
        ("the tank holds 55 litres and diesel is 1.52 a litre, how much to fill it", 83.6),
        # "the recipe needs": the recipe's amount, and "i want" the amount wanted
        ("the recipe needs 250 g flour for 12 muffins, i want 18 muffins, how much flour", 375),
        # hours worked a week given: no working week guessed
        ("i earn 12 an hour and work 38 hours a week, how much is that a week", 456),
    ],
)
def test_how_much_naming_no_thing_asks_money(instruction: str, result: float) -> None:
    assert run(instruction)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "instruction",
    [
        # a working week: 5 days or 7?
        "I earn £50 a day. How much is that per week?",
        "I earn £100 a day for 2 weeks, how much do I make",
        "my day rate is £350, what do i charge a week",
        # a working day: 8 hours or 24?
        "I earn £12 an hour, how much is that a day",
        # money for an hour or a day, with no word of work: open or hired for how long?
        "£12 an hour, how much a day",
        "the hall is £40 an hour to hire, what's that for a day",
    ],
)
def test_time_worked_is_not_turned_into_days_or_weeks_by_the_clock(instruction: str) -> None:
    with pytest.raises(AgentInputError):
        run(instruction)


@pytest.mark.parametrize(
    ("instruction", "said"),
    [
        ("I earn £50 a day. How much is that per week?", "a day and a week is asked"),
        ("£12 an hour, how much a day", "an hour and a day is asked"),
    ],
)
def test_a_working_period_not_said_is_what_the_refusal_names(instruction: str, said: str) -> None:
    with pytest.raises(AgentInputError) as refused:
        run(instruction)
    assert said in str(refused.value)


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        (
            "Context: removal men charge 95 an hour plus a flat 60 travel charge. "
            "Task: the job took 5 hrs 15 mins, total?",
            558.75,
        ),
        (
            "Context: the plumber charges 70 per hour and a flat call-out fee of 45. "
            "Task: he was here 2 hours 40 minutes, what's the total",
            45 + 70 * 160 / 60,
        ),
        ("electrician is 60 an hour plus a flat 30 callout charge. took 1 hr 45 mins. total?", 135),
    ],
)
def test_a_flat_charge_is_paid_once_on_top_of_hours_and_minutes(
    instruction: str, result: float
) -> None:
    assert run(instruction)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # what one thing has is per that thing; yarn's balls and skeins are bought whole
        ("jumper pattern needs 1,150 m of yarn and each ball has 133 m. how many balls is "
         "that (just divide)", 1150 / 133),
        ("blanket takes 2,500 m of wool and one skein has 200 m. how many skeins do i need", 13),
        ("i need 45 m of cable and each reel has 20 m, how many reels", 3),
    ],
)  # fmt: skip
def test_what_one_thing_has_is_per_that_thing(instruction: str, result: float) -> None:
    assert run(instruction)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # things so often a period, each of an amount; a period asked of one thing
        ("baby has 5 bottles of 210 ml a day and one tin makes 5.6 litres of made-up milk. "
         "how many days does a tin last", 5.6 / 1.05),
        ("we go through 4 cups of 250 ml a day and a carton holds 2 litres, how many days "
         "does a carton last", 2),
    ],
)  # fmt: skip
def test_things_of_an_amount_a_period_and_how_long_one_lasts(
    instruction: str, result: float
) -> None:
    assert run(instruction)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    ("instruction", "expected"),
    [
        ("ran a 10k this morning, how many miles is that", 10_000 / 1609.344),
        ("doing a 5k run on saturday, how many miles is it", 5_000 / 1609.344),
        ("salary went from 30k to 33k, what percent rise", 10),
    ],
)
def test_a_race_said_in_k_is_kilometres_and_money_in_k_thousands(
    instruction: str, expected: float
) -> None:
    assert run(instruction)["result"] == pytest.approx(expected)


@pytest.mark.parametrize(
    ("context", "task", "result"),
    [
        # a rate said with its amount in the question is the amount's, not asked per
        ("Driveway is 6 m x 4 m and i want gravel 50 mm deep.", "How many tonnes at 1.6 t per m³.",
         1.92),
        ("the patio is 5 m by 3 m and the slab is 40 mm thick", "how many kg at 2400 kg per m3",
         1440),
        # a slash after an amount's unit is its rate (this was refused, read as hours per hour)
        ("the ride is 100 km.", "how many hours at 25 km/h", 4),
    ],
)  # fmt: skip
def test_a_rate_given_in_the_question_is_not_asked_per(
    context: str, task: str, result: float
) -> None:
    found = read_quantities(context, task)
    assert found is not None
    assert run(f"Context: {context} Task: {task}")["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        (
            "Context: Filled up with 41.3 litres after doing 412 miles. Task: Whats my mpg if a "
            "gallon is 4.546 litres.",
            412 / 41.3 * 4.546,
        ),
        (
            "Context: Used 52 litres for 540 miles. Task: Taking a gallon as 3.785 litres, how "
            "many miles per gallon.",
            540 / 52 * 3.785,
        ),
        # the unit defined aside, in brackets
        (
            "went 430 miles on 39.5 litres, what mpg is that (4.546 l per gallon)",
            430 / 39.5 * 4.546,
        ),
        # ... and the cost of a thing named ("petrol cost", "what will the diesel cost")
        (
            "the trip is 180 miles and the car does 45 mpg (us gallons, 3.785 litres each), "
            "petrol is 0.95 a litre, what will the petrol cost",
            180 / (45 / 3.785) * 0.95,
        ),
        (
            "a 95 mile run, the van does 30 mpg (uk gallons, call it 4.546 litres each) and "
            "diesel is 1.50 a litre. diesel cost?",
            95 / (30 / 4.546) * 1.50,
        ),
    ],
)
def test_a_unit_the_request_defines_is_read_in_a_rate_per_it(
    instruction: str, result: float
) -> None:
    assert run(instruction)["result"] == pytest.approx(result)


def test_an_amount_of_a_unit_the_request_defines_is_not_read_here() -> None:
    with pytest.raises(AgentInputError):
        run(
            "Context: Did 380 miles on 38 litres. Task: How many gallons is that if a gallon is "
            "4.546 litres."
        )


@pytest.mark.parametrize(
    "instruction",
    [
        # mpg with no gallon defined: UK or US?
        "the trip is 180 miles and the car does 45 mpg, petrol is 0.95 a litre. fuel cost?",
        # a cost added that no product of the amounts gives
        "the trip is 180 miles and the car does 45 mpg (us gallons, 3.785 litres each), petrol "
        "is 0.95 a litre and parking is 12, what will the petrol cost",
    ],
)
def test_a_cost_of_amounts_not_all_read_is_refused(instruction: str) -> None:
    with pytest.raises(AgentInputError):
        run(instruction)


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # "each a day": of each thing counted, and a rate too
        ("Context: 14 tomato plants, 1.5 litres each a day, for the 31 days of july. "
         "Task: how many litres for the month", 651),
        # the unit asked named first and alone
        ("Context: 14 tomato plants, 1.5 litres each a day, for the 31 days of july. "
         "Task: Litres for the month.", 651),
        ("Context: 6 hens, 120 g of feed each a day. Task: kg for a 30 day month", 21.6),
    ],
)  # fmt: skip
def test_each_a_period_and_a_unit_asked_first(instruction: str, result: float) -> None:
    assert run(instruction)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # fills of a container of a size: the amount over the size, the quotient when asked
        ("Context: 14 tomato plants, 1.5 litres each a day, for the 31 days of july. "
         "Task: How many fills of my 200 litre water butt (just divide).", 3.255),
        ("Context: we use 40 litres of water a day for 7 days. Task: how many fills of the "
         "25 litre can (just divide)", 11.2),
        ("Context: 9 m3 of soil to shift. Task: how many trips with my 0.5 m3 trailer", 18),
    ],
)  # fmt: skip
def test_fills_of_a_container_of_a_size(instruction: str, result: float) -> None:
    assert run(instruction)["result"] == pytest.approx(result)


def test_a_part_fill_not_asked_as_a_quotient_is_refused() -> None:
    with pytest.raises(AgentInputError):
        run(
            "Context: 14 tomato plants, 1.5 litres each a day, for the 31 days of july. "
            "Task: how many fills of my 200 litre water butt?"
        )


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # another ingredient of the same kind is no part of the one asked; "scaling to" wants
        ("Context: recipe is for 23 litres using 4.6 kg of malt and 50 g of hops. Task: "
         "scaling down to 15 litres, how much malt in kg", 3),
        ("Context: a batch for 20 litres uses 3 kg of malt and 40 g of hops. Task: scale it "
         "to 10 litres, how many g of hops", 20),
    ],
)  # fmt: skip
def test_one_ingredient_of_a_scaled_recipe(instruction: str, result: float) -> None:
    assert run(instruction)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # the amount wanted takes the place of the one of the same thing, not the other's
        ("Context: bread uses 500 g flour and 350 g water. Task: how much water for 800 g of "
         "flour at the same hydration", 560),
        ("Context: my dough is 1000 g of flour with 720 g of water. Task: how many g of water "
         "for 650 g of flour", 468),
        ("Context: dressing uses 90 ml oil and 30 ml vinegar. Task: how much vinegar for "
         "150 ml of oil", 50),
    ],
)  # fmt: skip
def test_the_same_proportion_for_another_amount_of_one_thing(
    instruction: str, result: float
) -> None:
    assert run(instruction)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # a rate, and an amount of the unit it gives added once
        ("Context: turkey needs 20 mins per kg plus 70 mins. its 5.4 kg. Task: how many "
         "minutes", 178),
        ("Context: turkey needs 20 mins per kg plus 70 mins. its 5.4 kg. Task: how many "
         "hours", 178 / 60),
        ("Context: roast beef takes 15 minutes per 500 g plus an extra 15 minutes. Task: my "
         "joint is 2 kg, how many minutes", 75),
    ],
)  # fmt: skip
def test_a_rate_plus_an_amount_added_once(instruction: str, result: float) -> None:
    assert run(instruction)["result"] == pytest.approx(result)


def test_a_rate_plus_an_amount_asked_twice_is_not_half_answered() -> None:
    # each ask answered in turn, "that" the minutes of the first: both, not the hours alone
    data = run(
        "a chicken roasts 40 min per kg plus 20 min, it weighs 1.8 kg. how many minutes, "
        "and how many hours is that"
    )
    assert [step["result"] for step in data["steps"]] == pytest.approx([92, 92 / 60])


def test_an_ingredient_named_in_the_question_is_not_set_apart() -> None:
    # "how much flour and how much sugar" asks both: the flour alone would be half an answer
    assert (
        read_quantities(
            "recipe makes 12 cupcakes with 180 g flour and 150 g sugar. i need 30 cupcakes.",
            "how much flour and how much sugar",
        )
        is None
    )


@pytest.mark.parametrize(
    ("instruction", "expected"),
    [
        (
            "supposed to swap the chain every 3,000 km and i ride about 85 km a week. how many "
            "weeks does a chain last (just divide)",
            3000 / 85,
        ),
        (
            "tyres are good for 12000 miles and i drive 250 miles a week. how many weeks does a "
            "set last",
            48,
        ),
    ],
)
def test_a_thing_named_after_the_verb_is_what_is_asked_of(
    instruction: str, expected: float
) -> None:
    assert run(instruction)["result"] == pytest.approx(expected, rel=1e-6)


@pytest.mark.parametrize(
    ("instruction", "expected"),
    [
        # what one of a counted thing eats, per that thing
        (
            "each cow gets about 12 kg of hay a day, 45 cows, 150 days of winter. how many "
            "tonnes of hay",
            81,
        ),
        ("each hen eats about 120 g of feed a day and i have 6 hens. how many kg a week", 5.04),
        # things of a size asked, a word of which kind before them
        (
            "Context: Each cow gets about 12 kg of hay a day, 45 cows, 150 days of winter. Task: "
            "How many 250 kg round bales (just divide).",
            324,
        ),
        (
            "4 of us camping for 3 days, reckon 3.5 litres each per day for drinking and "
            "cooking. how many 10 l jerry cans is that (just divide)",
            4.2,
        ),
    ],
)
def test_feed_per_animal_and_things_of_a_size_of_a_kind(instruction: str, expected: float) -> None:
    assert run(instruction)["result"] == pytest.approx(expected, rel=1e-6)


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # the things counted named before the rate asked: drops per minute
        ("Context: 1,000 ml infusion over 8 hours, giving set is 20 drops per ml. "
         "Task: drops per minute?", 1000 * 20 / 8 / 60),
        ("500 ml bag over 4 hours, the set gives 15 drops per ml. drops per minute?", 31.25),
    ],
)  # fmt: skip
def test_things_counted_named_before_the_rate_asked(instruction: str, result: float) -> None:
    assert run(instruction)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        (
            "Context: Planting a beech hedge 14 m long, 5 whips per metre, bare root whips "
            "are £1.35 each. Task: Cost?",
            94.5,
        ),
        (
            "Context: Laying a path 6 m long, 4 slabs per metre, slabs are £3.20 each. "
            "Task: What will it cost.",
            76.8,
        ),
        (
            "Context: Fence is 20 m, 2 posts per metre and the posts cost 7.50 each. "
            "Task: Total cost?",
            300,
        ),
    ],
)
def test_things_priced_each_and_counted_per_length_and_a_bare_cost_asked(
    instruction: str, result: float
) -> None:
    assert run(instruction)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "instruction",
    [
        # every adverb of a period asked of money is known, "annual" and "hourly" too (a
        # second, shorter table of them once shadowed the first, and these raised KeyError)
        "rent is 1200 a month, annual rent?",
        "i earn 420 a week for 35 hours, hourly pay?",
    ],
)
def test_money_asked_by_a_period_adverb_is_read_or_refused(instruction: str) -> None:
    with contextlib.suppress(AgentInputError):  # an honest refusal; a KeyError is a crash
        run(instruction)


def test_money_a_month_asked_annual_is_a_year_of_it() -> None:
    assert run("rent is 1200 a month, annual rent?")["result"] == pytest.approx(14400)


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        (
            "set book is 352 pages, she reads 18 pages a night. how many nights (just divide)",
            19.555556,
        ),
        ("the path is 120 m long, he paves 8 m a session. how many sessions", 15),
        (
            "borrowed 500 off my brother, paying back 35 a week. how many weeks (just divide)",
            14.285714,
        ),
        ("i owe my mum 1200 and i'm repaying 150 a month. how many months", 8),
    ],
)
def test_an_amount_over_a_rate_a_thing_the_question_counts(instruction: str, result: float) -> None:
    assert run(instruction)["result"] == pytest.approx(result, rel=1e-5)


@pytest.mark.parametrize(
    ("context", "task", "result"),
    [
        (
            "charge 0.08 per word and i do about 450 words an hour",
            "whats that as an hourly rate",
            36,
        ),
        ("i charge 15 a dog and walk 3 dogs an hour", "whats that as an hourly rate", 45),
        ("i charge 1.20 per mile and drive 35 miles a day", "whats that as a daily rate?", 42),
    ],
)
def test_money_asked_as_a_rate_a_period(context: str, task: str, result: float) -> None:
    found = read_quantities(context, task)
    assert found is not None
    assert run(f"Context: {context}. Task: {task}")["result"] == pytest.approx(result)


def test_an_hourly_rate_of_no_money_is_not_read() -> None:
    assert read_quantities("i type 3,000 words in 2 hours", "whats my hourly rate") is None


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        ("luton holds 18 m3, the house is about 52 m3. how many loads (just divide)", 52 / 18),
        ("the van holds 18 m3, the house is about 52 m3. how many trips (just divide)", 52 / 18),
        (
            "a bucket holds 9 litres and the tank takes 120 litres. how many fills (just divide)",
            120 / 9,
        ),
    ],
)
def test_loads_of_the_one_thing_that_holds_an_amount_are_a_count_of_it(
    instruction: str, result: float
) -> None:
    assert run(instruction)["result"] == pytest.approx(result)


def test_loads_asked_without_just_divide_are_refused() -> None:
    # 2.9 loads are 3 trips: whether the part trip is asked is not said.
    with pytest.raises(AgentInputError):
        run("the van holds 18 m3, the house is about 52 m3. how many trips")


def test_a_price_per_thousand_is_no_price_of_the_count_said() -> None:
    # "$3 cpm" is $3 a thousand impressions, not $3 for the 50,000 (50000 * 500 / 3)
    assert (
        read_quantities(None, "50,000 impressions at $3 cpm, how many impressions for $500") is None
    )


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # hours and minutes with the minutes' unit left out, glued or after "hrs"
        ("the court is 12.40/hr and we booked it for 1h30. cost?", 18.6),
        ("hired the room at 30/hr and stayed 3 hrs 20. how much do we owe?", 100.0),
        # minutes and seconds: one time
        ("ran 400 m in 1 min 20 sec, whats that in metres per second", 5.0),
        ("12 clips of 2 min 30 sec, how many minutes altogether", 30.0),
        # things counted of a time: each one takes it
        ("9 meetings of 40 minutes this week, how many hours is that", 6.0),
        # an average time of the things counted: each one took it
        ("we fixed 30 bikes and the average repair time was 24 min. how many hours in total", 12.0),
        # the question first, of the amounts after it
        ("how many hours is 15 sessions of 20 minutes", 5.0),
        ("how many minutes are 4 episodes of 1 h 5 min", 260.0),
        # a frequency of the things the question counts
        ("recording at 48 kHz for 5 seconds, how many samples", 240_000.0),
    ],
)
def test_times_said_in_parts_and_each(instruction: str, result: float) -> None:
    assert run(instruction)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    ("context", "task"),
    [
        # "3 hrs 20 staff": the number after the hours counts something else
        ("We need 3 hrs 20 staff and pay 12 an hour.", "How many hours?"),
        # an average of something that is no time: not what each one took
        ("We served 40 customers and the average bill was 18 kg.", "How many minutes?"),
        # a frequency, but the question counts no things
        ("The note is 440 Hz and lasts 2 seconds.", "How long?"),
    ],
)
def test_times_in_parts_not_read(context: str, task: str) -> None:
    assert read_quantities(context, task) is None


def test_a_frequency_asked_of_in_one_piece_counts_the_things_asked() -> None:
    found = read_quantities(None, "at 48 kHz, how many samples in 5 s")
    assert found is not None
    assert render(found[0]) == "48000 * 5"


def test_the_s_of_whats_is_no_unit_asked() -> None:
    # Read apart, the "s" of "what's" was seconds asked of hours: refused.
    context = "worked 8 hrs saturday at time and a half and 8 hrs sunday at double time"
    assert unit_asked_apart(context, "what's the total for the weekend") is None
    assert unit_asked_apart("mon 510 minutes, tue 450 minutes.", "total hours?") == (
        "minutes",
        "hours",
    )


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # money a period named by what it brings in: "weekly revenue", "takings?"
        ("cargo bike does 38 drops a day at 4.20 a drop, 5 days a week. weekly revenue?", 798),
        ("a stall sells 40 coffees a day at 3.10 each, open 6 days a week. weekly takings", 744),
    ],
)
def test_money_asked_by_what_it_brings_in(instruction: str, result: float) -> None:
    assert run(instruction)["result"] == pytest.approx(result)


def test_a_bare_number_beside_money_said_as_money_is_no_money() -> None:
    # Read as money, 148 (parcels) made "148 / (1.10 * 9.5)" parcels per pound-hour.
    with pytest.raises(AgentInputError):
        run("Context: £1.10 per parcel, delivered 148 today in 9.5 hrs. Task: Pay per hour?")
    # A bare number that is a rate stays money: "saves 650 a year".
    assert run("solar cost 7,800 and saves 650 a year. how many years to pay back")[
        "result"
    ] == pytest.approx(12)


def test_a_thing_the_question_asks_per_is_a_rate_per_it() -> None:
    # "25 ml a treatment" with "cost per treatment": per treatment, as "per" would say
    said = "Context: oil is 24 a litre and i use about 25 ml a treatment. Task: cost per treatment"
    assert run(said)["result"] == pytest.approx(0.6)


def test_each_said_before_an_amount_is_of_each_thing_counted() -> None:
    assert run("3 bags, each 25 kg. how many kg altogether")["result"] == 75
    assert run("4 shelves each 80 cm, how many metres of wood")["result"] == pytest.approx(3.2)
    # Read as one 68 cm, "5 * 2.4 / 68 * 100" shelves per plank completed 17.65.
    with pytest.raises(AgentInputError):
        run("Context: 5 shelves each 68 cm from 2.4 m planks. Task: How many shelves per plank.")


def test_a_factor_said_in_words_is_not_left_out() -> None:
    # With each panel's area read, "staining both sides" was left out: half the litres.
    with pytest.raises(AgentInputError):
        run("15 fence panels, each 1.83 m x 1.83 m, staining both sides. 5 m² per litre. litres?")

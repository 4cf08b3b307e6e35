"""The user's material: found wherever it starts, and given to the agent byte for byte."""

from __future__ import annotations

import pytest

from orchestra.planner import plan_deterministic
from orchestra.planner.material import mask_material, placeholders_in

from .capabilities import BUILTIN

PASTED = [
    # (task, the data in it)
    ("Convert this CSV to JSON:\nname,age\nBob,25", "name,age\nBob,25"),
    ("Convert to CSV: | a | b |\n|---|---|\n| 1 | 2 |", "| a | b |\n|---|---|\n| 1 | 2 |"),
    (
        "Find the max temperature | day | temp |\n|---|---|\n| Mon | 21 |",
        "| day | temp |\n|---|---|\n| Mon | 21 |",
    ),
    ("Total the units: region,units\nnorth,5\nsouth,7", "region,units\nnorth,5\nsouth,7"),
    ("Average the scores:\nname\tscore\nA\t80\nB\t90", "name\tscore\nA\t80\nB\t90"),
    (
        "What's the average price?\nitem,price\napple,1.20\nmilk,0.99",
        "item,price\napple,1.20\nmilk,0.99",
    ),
    ('What is the total? [{"a": 1}, {"a": 2.5}]', '[{"a": 1}, {"a": 2.5}]'),
    ("Average of these numbers:\n12\n15\n18", "12\n15\n18"),
]


@pytest.mark.parametrize(("task", "data"), PASTED)
def test_pasted_data_is_one_piece_of_material_kept_exactly(task: str, data: str) -> None:
    masked = mask_material(task)
    assert masked.restore(masked.text) == task
    pieces = [masked.restore(p) for p in placeholders_in(masked.text)]
    assert data in pieces
    # No line of the data is left to be read as words of the request.
    assert "\n" not in masked.text.split("\u27e6")[-1].replace("\u27e7", "")


@pytest.mark.parametrize(("task", "data"), PASTED)
def test_the_step_instruction_carries_the_data_byte_for_byte(task: str, data: str) -> None:
    plan = plan_deterministic(task, BUILTIN, 8)
    assert len(plan.steps) == 1
    # Ending with the data exactly: a full stop after it would change its last row
    # ("Bob,25." is not 25).
    assert plan.steps[0].instruction.endswith(data), plan.steps[0].instruction


def test_numbers_apart_by_spaces_then_a_dash_and_a_question_are_data() -> None:
    masked = mask_material("shoe sizes returned this month: 38 39 40 39 41 - which size most")
    assert masked.material == ("38 39 40 39 41",)
    assert masked.text.endswith(". which size most")


def test_a_colon_before_instructions_is_not_material() -> None:
    masked = mask_material("Do the following: research tides, then write a poem")
    assert not placeholders_in(masked.text)


def test_text_after_a_material_colon_keeps_its_separator() -> None:
    task = "Summarize this text:\nThe council met. It agreed."
    masked = mask_material(task)
    assert masked.text == "Summarize this text:\n\u27e60\u27e7"
    assert masked.restore(masked.text) == task


def test_text_on_the_lines_after_a_first_line_naming_it_is_material() -> None:
    # No colon: the line break introduces the text the first line names.
    task = "can you give me a 2 sentence summary of this text\nThe city met. It costs 4 million."
    masked = mask_material(task)
    assert masked.text == "can you give me a 2 sentence summary of this text\n\u27e60\u27e7"
    assert masked.restore(masked.text) == task
    plan = plan_deterministic(task, BUILTIN, 8)
    assert [s.capability for s in plan.steps] == ["summarization"]


def test_text_on_the_lines_after_main_points_is_material() -> None:
    masked = mask_material("Boil it down to the main points:\nThe 9:15 train is late. Buses run.")
    assert masked.text == "Boil it down to the main points:\n\u27e60\u27e7"


def test_points_presented_are_not_material_that_swallows_the_request_after_them() -> None:
    masked = mask_material("Here are my talking points:\n- prices rise\nTurn them into an email")
    assert not placeholders_in(masked.text)


def test_key_points_listed_on_their_line_are_not_material() -> None:
    masked = mask_material("Research remote work and give me the key points: costs and risks")
    assert not placeholders_in(masked.text)


def test_a_sentence_is_not_a_table() -> None:
    masked = mask_material("Research cats, dogs and birds.\nThen write a poem, a song and a haiku.")
    assert not placeholders_in(masked.text)


def test_a_reference_after_the_data_starts_on_a_new_line() -> None:
    data = "name,age\nAnn,30\nBob,40"
    plan = plan_deterministic(
        f"Convert this CSV to JSON and then compute the average of the age column: {data}",
        BUILTIN,
        8,
    )
    assert data + "\nUse the result of step s1" in plan.steps[1].instruction


@pytest.mark.parametrize(
    ("task", "data"),
    [
        # A list after a colon, even one of labelled numbers, with a question after it.
        (
            "Here are my sales: Mon 120, Tue 95, Wed 140. Which day was best?",
            "Mon 120, Tue 95, Wed 140",
        ),
        ("Sum these: 3, 5 and 10", "3, 5 and 10"),
        ("Add these numbers: 4 and 6", "4 and 6"),
        # Numbers right after the question they answer to.
        ("What's the spread of these prices? 10, 12, 15, 30", "10, 12, 15, 30"),
        # A table's header on the line of the question.
        ("Which city is warmest? city,temp\nRome,21\nOslo,8", "city,temp\nRome,21\nOslo,8"),
    ],
)
def test_pasted_data_is_told_from_other_material(task: str, data: str) -> None:
    masked = mask_material(task)
    assert [masked.restore(p) for p in sorted(masked.data)] == [data]


@pytest.mark.parametrize(
    ("task", "data"),
    [
        # The list's unit after its last number; "this" before the colon is no material noun.
        ("My rides this week: 12, 8.5 and 20 km. What's the average?", "12, 8.5 and 20 km"),
        ("Bills this month: 45, 60, 38 dollars. What's the total?", "45, 60, 38 dollars"),
        ("my weigh-ins: 71.2, 70.8, 70.1 kg. what's the lowest?", "71.2, 70.8, 70.1 kg"),
        # ... or the scale of its values, in brackets.
        (
            "my kid's quiz scores this term: 14, 18, 11 (out of 20). what's the median?",
            "14, 18, 11 (out of 20)",
        ),
    ],
)
def test_a_list_in_its_unit_leaves_the_question_after_it_a_request(task: str, data: str) -> None:
    masked = mask_material(task)
    assert [masked.restore(p) for p in sorted(masked.data)] == [data]
    assert masked.text.endswith("?") and "the" in masked.text.split(":")[-1]


def test_a_quote_is_material_but_not_data() -> None:
    masked = mask_material("How does this sound: 'Not great, not terrible.'")
    assert placeholders_in(masked.text) and not masked.data


def test_text_after_a_one_word_request_and_a_colon_is_material() -> None:
    masked = mask_material("Summarize: The train left at noon. It arrived late.")
    assert masked.text == "Summarize: " + placeholders_in(masked.text)[0]
    # A heading is not a request.
    assert not placeholders_in(mask_material("Task: research tea, then write a poem").text)


def test_a_list_in_degrees_after_a_colon_is_data() -> None:
    masked = mask_material("Temperatures: 12°C, 15°C, 9°C. What's the mean?")
    assert masked.text == "Temperatures: \u27e60\u27e7. What's the mean?"
    assert masked.data == frozenset({"\u27e60\u27e7"})


@pytest.mark.parametrize(
    "description",
    [
        "my grades: 78, 85, 91 - what's my average",
        "costs: 12, 30, 8 \u2014 total?",
    ],
)
def test_a_dash_after_listed_numbers_ends_their_sentence(description: str) -> None:
    masked = mask_material(description)
    # The list is data; the question after the dash is a sentence of its own, not a minus.
    assert masked.data and "-" not in masked.text and "\u2014" not in masked.text
    assert masked.text.split(". ", 1)[1].startswith(("what", "total"))


def test_a_question_on_the_line_below_number_lines_is_a_request() -> None:
    masked = mask_material("numbers:\n14\n22\n9\n31\naverage?")
    assert masked.text.endswith("\naverage?")
    assert masked.material == ("14\n22\n9\n31",)


def test_blank_lines_between_number_lines_keep_one_list() -> None:
    # A number left after a blank line would be a statement of its own, and left out.
    masked = mask_material("average of these\n\n12\n18\n\n30")
    assert masked.material == ("12\n18\n\n30",)


def test_a_figure_of_listed_numbers_without_a_verb_is_a_request() -> None:
    result = plan_deterministic("total of 5, 7. The mean of 1, 2, 3", BUILTIN, 8)
    assert [s.instruction for s in result.steps] == ["Total of 5, 7.", "The mean of 1, 2, 3."]
    # A sentence that says something of its numbers stays a statement.
    stated = plan_deterministic("The total of my bills was 300. What's 10% of it?", BUILTIN, 8)
    assert stated.steps[0].instruction.startswith("Context: The total of my bills was 300.")


def test_a_one_word_request_with_please_before_a_colon_takes_the_text() -> None:
    masked = mask_material("tl;dr please: The council met. It voted yes.")
    assert masked.material == ("The council met. It voted yes.",)


def test_a_topic_and_a_colon_before_numbers_to_add_up_is_no_text() -> None:
    # "mocks:" is one word before a colon, like "Summarize:", but what follows states
    # numbers and asks to add them: the request itself, not a text to work on.
    masked = mask_material("mocks: 34/40 on paper 1, 27/35 on paper 2. add the marks together")
    assert masked.material == ()


def test_a_text_noun_and_a_colon_before_numbers_and_a_list_of_their_figures_is_no_text() -> None:
    # "quote:" names a price quote here: its numbers, then the figures asked, each by a word
    # of the sentence before or by a figure's name.
    masked = mask_material(
        "quote: 18 hrs labour at 28/hr, plus 15% handling on the 520 of materials. labour, "
        "handling, and the total inc materials"
    )
    assert masked.material == ()
    # A list of words the sentence before never says is a text to work on.
    kept = mask_material("review: stayed 3 nights in room 12. lovely staff, great view and food")
    assert kept.material != ()


def test_a_topic_and_a_colon_before_numbers_and_a_short_ask_is_no_text() -> None:
    # "karvonen:" names a formula; what follows states numbers and asks a few words of them.
    masked = mask_material(
        "karvonen: target = (max - resting) x 0.7 + resting. max is 185, resting 58. "
        "target heart rate?"
    )
    assert masked.material == ()


@pytest.mark.parametrize(
    "text",
    [
        # The ask as a figure's name, with no question mark.
        "fundraiser: 40 cakes at 1.50, ingredients were 22. profit",
        # The ask after a dash.
        "paint: 1 litre covers 12 m2 and the walls are 38 m2 - how many litres",
        # The ask holding a decimal point of its own.
        "trip: 3 nights at 85 and 2 dinners at 40. whats the total if i add 12.50 parking",
        # The ask as what is paid: a fare, a bill, a fee (they came back as a text's tone).
        "courier: 6 base and 0.90 per km. 14 km with 3 stops - fare?",
        "plumber: 2 hours at 45 plus 30 callout - bill?",
        "agency: 12% of 2,400 rent, plus 60 admin. fee",
    ],
)
def test_a_topic_and_a_colon_before_numbers_and_an_ask_of_them_is_no_text(text: str) -> None:
    assert mask_material(text).material == ()


@pytest.mark.parametrize(
    "text",
    [
        # A formula in words, then its values, nothing asked in words.
        "karvonen: target hr = resting + % x (max - resting). resting 58, max 184, at 70%",
        "bmi: bmi = weight / (height x height). weight 82 kg, height 1.8 m",
        "tiling: tiles needed = area / tile area. area 12 m2, tile area 0.09 m2",
        # The ask as the names of the figures ("number of ..."), with no question's words.
        "timelapse: one shot every 5 s for 2 hours, played back at 25 fps. number of frames "
        "and length of the clip in seconds",
        "sprinklers: one head every 3 m along a 45 m bed. the number of heads",
    ],
)
def test_a_topic_and_a_colon_before_a_formula_or_figures_named_is_no_text(text: str) -> None:
    # read as a text, the request was judged for its sentiment
    assert mask_material(text).material == ()


@pytest.mark.parametrize(
    "text",
    [
        "restring: string 14, grip 4, plus 20 mins of my time at 36/hr, cost of a restring",
        "timelapse: one shot every 5 s for 2 hours, played back at 25 fps, number of frames "
        "and length of the clip in seconds",
        "quote: 18 hrs labour at 28/hr, plus 15% handling on the 520 of materials, labour, "
        "handling, and the total inc materials",
    ],
)
def test_a_topic_and_a_colon_before_amounts_and_an_ask_all_after_commas_is_no_text(
    text: str,
) -> None:
    # Sentences run together with commas: the amounts and the figures asked of them are the
    # request, not a text to judge for its sentiment.
    assert mask_material(text).material == ()
    # A text said so keeps it.
    kept = mask_material("review: stayed 3 nights in room 12, lovely staff, great view")
    assert kept.material != ()


def test_a_text_with_numbers_after_a_topic_keeps_its_text() -> None:
    masked = mask_material("tone: we sold 40 cakes in 2 hours. the length of the queue was mad")
    assert masked.material == ("we sold 40 cakes in 2 hours. the length of the queue was mad",)


def test_a_one_word_request_before_a_colon_still_takes_its_text() -> None:
    # "tone:" asks of the text after it, however it ends.
    masked = mask_material("tone: we sold 40 cakes in an hour. what a day")
    assert masked.material == ("we sold 40 cakes in an hour. what a day",)


def test_commas_that_group_thousands_make_no_csv() -> None:
    masked = mask_material("Jan 4,200\nFeb 3,950\nMar 4,610\nwhat's the total")
    assert not masked.data


def test_bullet_lines_of_an_item_and_its_amount_are_one_list() -> None:
    masked = mask_material("spend so far, add it up:\n- dress £1,150\n- suit hire £185\n- cake 310")
    assert masked.material == ("- dress £1,150\n- suit hire £185\n- cake 310",)
    plan = plan_deterministic(
        "trip costs, total?\n- fuel 62.40\n- tolls 18\n- parking 12", BUILTIN, 8
    )
    assert len(plan.steps) == 1


def test_bullet_lines_of_numbered_items_are_one_list() -> None:
    # "- washer 2 38.00": an item's number before its amount keeps the line in the list.
    masked = mask_material("coin boxes\n- washer 1 42.50\n- washer 2 38.00\nwhats the total")
    assert masked.material == ("- washer 1 42.50\n- washer 2 38.00",)


def test_bullet_lines_of_words_are_no_list_of_amounts() -> None:
    # Only bullets of an item and its amount: a list of things to do stays words.
    masked = mask_material("plan:\n- book the venue\n- send 40 invites\n- order cake")
    assert all("- book the venue" not in m or "order cake" in m for m in masked.material)
    assert not masked.data


def test_a_topic_and_numbers_asked_in_spanish_is_no_text() -> None:
    # "¿total?" opens with its mark: still a few words asked of the numbers before.
    assert mask_material("gastos: 15,60 € / 8,90 € / 22,40 €. ¿total?").material == ()


def test_a_pointer_saying_when_before_numbers_and_a_question_is_no_text() -> None:
    # "this morning" says when; what follows states numbers and asks of them
    masked = mask_material(
        "car boot this morning: pitch was 12, sold 23 bits at 2 quid each and an old bike for "
        "40. what did i clear after the pitch fee"
    )
    assert masked.material == ()
    # ... while a list of numbers after it is still data
    assert mask_material("daily max this week: 24.5 31.2 28.8 - hottest?").material


@pytest.mark.parametrize(
    "text",
    [
        # a text's name, then numbers and a figure asked of them: the request itself
        "builder's quote: 2 days at 250 a day and materials 310. whats the total",
        "invoice: 6 hours at 40 plus 35 parts. net, vat and total pls",
    ],
)
def test_a_texts_name_before_numbers_and_a_figure_asked_is_no_text(text: str) -> None:
    assert mask_material(text).material == ()


def test_a_texts_name_before_numbers_and_a_text_ask_keeps_its_text() -> None:
    masked = mask_material("email from the boss: we hit 120% of target and 3 new clients. tone?")
    assert masked.material == ("we hit 120% of target and 3 new clients. tone?",)


def test_a_texts_name_before_lines_of_numbers_and_a_figure_asked_is_no_text() -> None:
    # the ask on a line of its own after the lines it is asked of
    masked = mask_material("invoice:\n- labour 6 hours at 40\n- parts 35\ntotal?")
    assert masked.material == ()

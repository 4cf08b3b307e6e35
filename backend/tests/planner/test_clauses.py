"""Text handling: stemming, masking of the user's material, and clause splitting."""

from __future__ import annotations

import pytest

from orchestra.planner.clauses import (
    content_stems,
    split_clauses,
    stem,
    strip_request_prefix,
    topic_of,
)
from orchestra.planner.material import mask_material


@pytest.mark.parametrize(
    ("words", "key"),
    [
        (
            ["summarize", "summarise", "summary", "summaries", "summarization", "summarizing"],
            "summar",
        ),
        (["calculate", "calculation", "calculations", "calculating", "calculator"], "calcul"),
        (["average", "averages", "averaging", "avg"], "averag"),
        (["analysis", "analyse", "analyze", "analyzing", "analytics"], "analy"),
        (["statistics", "statistical", "statistic", "stats"], "statistic"),
        (["convert", "conversion", "converting", "converted"], "convert"),
        (["positive", "positively"], "positiv"),
        (["write", "writing", "written", "writes"], "writ"),
        # a weight, not a tone
        (["ton", "tons", "tonnes"], "tonne"),
    ],
)
def test_stem_maps_word_forms_to_one_key(words: list[str], key: str) -> None:
    assert {stem(w) for w in words} == {key}


def test_content_stems_drop_stopwords_and_material_and_add_number_shapes() -> None:
    masked = mask_material("Compute the average of 3, 5 and 10 for 'my summary'")
    stems = content_stems(masked.text)
    assert {"comput", "averag", "<num>", "<numlist>"} <= stems
    assert "summar" not in stems  # words inside the user's quote are data, not intent
    assert "the" not in stems
    assert "<op>" in content_stems("calculate (12 + 30) * 2")
    assert "percent" in content_stems("What is 15% of 80?")


def text_of(description: str) -> list[str]:
    masked = mask_material(description)
    return [masked.restore(c.text) for c in split_clauses(masked.text)]


@pytest.mark.parametrize(
    ("description", "clauses"),
    [
        (
            "Summarize the main arguments for and against remote work and compute the "
            "average of 3, 5 and 10",
            [
                "Summarize the main arguments for and against remote work",
                "compute the average of 3, 5 and 10",
            ],
        ),
        (
            "Research electric cars, then write a short report based on it",
            ["Research electric cars", "write a short report based on it"],
        ),
        (
            "Find the sentiment of 'I love this product' and extract keywords from it",
            ["Find the sentiment of 'I love this product'", "extract keywords from it"],
        ),
        ("List the pros and cons of nuclear power", ["List the pros and cons of nuclear power"]),
        ("Compare cats and dogs as pets", ["Compare cats and dogs as pets"]),
        (
            "Give me the mean, median and mode of 1, 2, 2, 3",
            ["Give me the mean, median and mode of 1, 2, 2, 3"],
        ),
        (
            "Research X; summarize the findings; then convert them to JSON",
            ["Research X", "summarize the findings", "convert them to JSON"],
        ),
        (
            "Research solar power. After that, write a blog post.",
            ["Research solar power.", "write a blog post."],
        ),
        (
            "1. Research the market\n2. Write a report",
            ["Research the market", "Write a report"],
        ),
        (
            "Research the history of the printing press, summarize the key milestones, and "
            "then write a tweet about it",
            [
                "Research the history of the printing press",
                "summarize the key milestones",
                "write a tweet about it",
            ],
        ),
        # A noun that can be a verb only starts a clause when an object follows it.
        (
            "Write an analysis and report on the results",
            ["Write an analysis and report on the results"],
        ),
        ("Research and write a report on tides", ["Research", "write a report on tides"]),
        # A percentage of its own amount after another is a second ask; "and 30" is not.
        ("work out 15 percent of 200 and 5% of 60", ["work out 15 percent of 200", "5% of 60"]),
        ("what is 10% of 50 and 30", ["what is 10% of 50 and 30"]),
        # An ask about a text after "plus" or "and", its article left out, is its own.
        ("mean of 2, 4, 6 plus sentiment of 'ok'", ["mean of 2, 4, 6", "sentiment of 'ok'"]),
        ("the median of 1, 3 plus the sum of 2, 2", ["the median of 1, 3 plus the sum of 2, 2"]),
        # A conversion of its own after one.
        ("convert 3 kg to lb and 10 km to miles", ["convert 3 kg to lb", "10 km to miles"]),
        # Sums of their own numbers, listed; "times 4" after a comma goes on with the sum.
        (
            "1,250 divided by 8, 17 squared, and 6% of 3,300",
            ["1,250 divided by 8", "17 squared", "6% of 3,300"],
        ),
        # ... after a header that names them.
        (
            "quick maths: 365 x 24, 1000 divided by 7",
            ["quick maths: 365 x 24", "1000 divided by 7"],
        ),
        ("2 plus 3, times 4", ["2 plus 3, times 4"]),
        # A second ask told apart ("and separately") after a piece to write.
        (
            "write a reminder that timesheets are due friday, and separately what's 7.5 x 22",
            ["write a reminder that timesheets are due friday", "separately what's 7.5 x 22"],
        ),
        # ... after a dash, with a comma after "separately"; "10 - 3" stays a subtraction.
        (
            "is this review negative 'damp room' - and separately, what's 153 split 3 ways",
            ["is this review negative 'damp room'", "separately, what's 153 split 3 ways"],
        ),
        # ... a sum with no verb, told apart.
        (
            "how does this read 'parts arrived smashed' and separately 3 x 14.99",
            ["how does this read 'parts arrived smashed'", "separately 3 x 14.99"],
        ),
        ("what is 10 - 3 and then double it", ["what is 10 - 3", "double it"]),
        # A dash after a list of numbers, before the figures asked of them, parts them; a
        # dash after one number subtracts.
        (
            "relay splits in seconds 31.4, 33.8, 30.9, 32.6 - total time and average per leg",
            ["relay splits in seconds 31.4, 33.8, 30.9, 32.6", "total time", "average per leg"],
        ),
        (
            "daily steps 8200, 10400, 7650 \u2013 total steps and average per day",
            ["daily steps 8200, 10400, 7650", "total steps", "average per day"],
        ),
        # Two figures named one after the other ask one thing of the numbers before them:
        # "average" after "total and" is no verb.
        (
            "daily steps 8200, 10400, 7650, total and average per day",
            ["daily steps 8200, 10400, 7650, total and average per day"],
        ),
        ("what's 100 - the sum of 20 and 30", ["what's 100 - the sum of 20 and 30"]),
        # A dash before a verb of converting parts the statement from its first ask.
        (
            "flour sack says 5 lb - convert that to grams and after that halve it",
            ["flour sack says 5 lb", "convert that to grams", "halve it"],
        ),
        (
            "ran 6.2 miles – turn that into km then work out my pace",
            ["ran 6.2 miles", "turn that into km", "work out my pace"],
        ),
        # The user's own doings go on after "and"; a request to the reader does not.
        (
            "i read 40 pages an hour and read 45 mins a night. how many nights for 384 pages",
            ["i read 40 pages an hour and read 45 mins a night.", "how many nights for 384 pages"],
        ),
        ("i have 4, 5, 6 and calculate the mean", ["i have 4, 5, 6", "calculate the mean"]),
        (
            "saving for a holiday, i've got 950 and put away 220 a month. how many months",
            ["saving for a holiday, i've got 950 and put away 220 a month.", "how many months"],
        ),
        # An auxiliary followed by a verb goes on with the subject; followed by who it asks
        # about, it asks.
        (
            "solar panels cost 7,400 and should save about 620 a year. how many years to pay back",
            [
                "solar panels cost 7,400 and should save about 620 a year.",
                "how many years to pay back",
            ],
        ),
        (
            "the battery costs 4,500 and will save 300 a year. years to pay back?",
            ["the battery costs 4,500 and will save 300 a year.", "years to pay back?"],
        ),
        ("what is 5 + 5 and should i add 10% to 80", ["what is 5 + 5", "should i add 10% to 80"]),
    ],
)
def test_split_clauses(description: str, clauses: list[str]) -> None:
    assert text_of(description) == clauses


def test_no_split_inside_quotes_or_after_a_material_colon() -> None:
    assert text_of(
        "Summarize this text: The council met. Members argued, and then agreed to wait."
    ) == ["Summarize this text: The council met. Members argued, and then agreed to wait."]
    assert text_of('Find the sentiment of "I came, I saw, and then I left"') == [
        'Find the sentiment of "I came, I saw, and then I left"'
    ]


def test_apostrophes_are_not_quotes() -> None:
    masked = mask_material("Analyze our competitor's pricing and don't forget users' reviews")
    assert masked.material == ()


def test_do_the_following_colon_is_not_material() -> None:
    assert text_of("Do the following: research tides, then write a poem") == [
        "Do the following: research tides",
        "write a poem",
    ]


def test_a_list_with_spaces_only_is_a_list_of_numbers() -> None:
    assert "<numlist>" in content_stems("tank litres 1870 1912 1845 1901 1888 - sample sd")
    assert "<numlist>" in content_stems("rucksack weight 8.5 11.2 9.8 kg")
    # Three digits after the first are as often one number grouped by spaces.
    assert "<numlist>" not in content_stems("it costs 12 500 000")


def test_a_figure_named_before_its_list_asks_beside_another_ask() -> None:
    masked = mask_material(
        "2 things: median stops per route 112, 98, 121, 105, 117 and separately whats 12% of 852.50"
    )
    assert [c.is_request for c in split_clauses(masked.text)] == [True, True]
    masked = mask_material("mode shoe size 7, 8, 8, 9 kg and also whats 250 divided by 4")
    assert [c.is_request for c in split_clauses(masked.text)] == [True, True]
    # A figure said of its numbers is stated, not asked.
    masked = mask_material("median prices were 120, 130, 140 and whats 10% of that")
    assert not split_clauses(masked.text)[0].is_request


def test_connectives_are_recorded() -> None:
    masked = mask_material("Research tides, then write a poem and also compute 2 + 2")
    clauses = split_clauses(masked.text)
    assert [c.sequential for c in clauses] == [False, True, False]
    assert "also" in clauses[2].connectives


def test_statements_are_context_not_requests() -> None:
    masked = mask_material("I have the numbers 10, 20 and 30. What is their average?")
    clauses = split_clauses(masked.text)
    assert [c.is_request for c in clauses] == [False, True]


def test_a_question_after_the_form_of_its_answer_is_a_request() -> None:
    masked = mask_material(
        "my rate went from 4% to 5%. as a percentage increase (not points) how much is that"
    )
    assert [c.is_request for c in split_clauses(masked.text)] == [False, True]


@pytest.mark.parametrize(
    ("text", "requests"),
    [
        # a shape said of a thing, its subject: a statement
        ("Round planter is 40 cm across. How many litres?", [False, True]),
        ("Square patio, 3 m each side. What's its area?", [False, True]),
        # the verb, its object after it
        ("Round 3.456 to 2 places.", [True]),
        ("Round the total to the nearest 10. The total is 456.", [True, False]),
    ],
)
def test_a_shape_said_of_a_thing_is_no_request(text: str, requests: list[bool]) -> None:
    masked = mask_material(text)
    assert [c.is_request for c in split_clauses(masked.text)] == requests


@pytest.mark.parametrize(
    "text",
    [
        "3 kW kettle, 4 min per boil, 6 boils a day, 26p per kWh. Cost per day in pence.",
        "Fence 15 m long, 1 litre covers 8 m2. Litres needed.",
        "Uses 1.1 kWh a wash, 5 washes a week, 25p per kWh. Yearly cost in \u00a3.",
        # ... asked nicely, with no "?".
        "The 1 litre bottle is 8.40 and the 500ml one is 4.50. pence per 100 ml for both pls",
        # A share named in percent.
        "38 in the choir, 29 came tonight. attendance %",
        "Sowed 72 chilli seeds and 58 germinated. Germination rate %.",
        "40 on the register and 33 turned up. attendance percentage",
    ],
)
def test_the_answer_named_alone_asks_of_the_statement_before(text: str) -> None:
    masked = mask_material(text)
    assert [c.is_request for c in split_clauses(masked.text)][-1:] == [True]
    assert not split_clauses(masked.text)[0].is_request


def test_a_task_with_no_request_form_is_taken_whole() -> None:
    masked = mask_material("A short history of jazz.")
    assert [c.is_request for c in split_clauses(masked.text)] == [True]


def test_abbreviations_and_decimals_do_not_end_sentences() -> None:
    assert text_of("Compare e.g. Rust vs. Go for 2.5 times faster builds") == [
        "Compare e.g. Rust vs. Go for 2.5 times faster builds"
    ]


def test_strip_request_prefix() -> None:
    assert strip_request_prefix("Please summarize it") == "summarize it"
    assert strip_request_prefix("Can you compute 2 + 2?") == "compute 2 + 2."
    assert strip_request_prefix("I want you to write a poem") == "write a poem"
    assert strip_request_prefix("Write a poem") == "Write a poem"


@pytest.mark.parametrize(
    ("clause", "topic"),
    [
        ("Research electric cars", "electric cars"),
        ("Summarize the main arguments for and against remote work", "remote work"),
        ("Write a haiku about autumn", "autumn"),
        ("Investigate the causes of the 2008 financial crisis", "2008 financial crisis"),
    ],
)
def test_topic_of(clause: str, topic: str) -> None:
    assert topic_of(clause) == topic


def test_a_year_is_not_a_quantity() -> None:
    assert "<num>" not in content_stems("electric car sales in 2024")
    assert "<num>" not in content_stems("how the 1929 crash started")
    assert "<num>" in content_stems("the average of 2010 and 2020")


def test_tldr_is_not_split_at_its_semicolon() -> None:
    assert [c.text for c in split_clauses("tl;dr the report")] == ["tl;dr the report"]


@pytest.mark.parametrize(
    "task",
    [
        "Give me the sentiment of \u27e60\u27e7 and also 10% of 70",
        "What's the tone of \u27e60\u27e7 and what is 30% of 50?",
    ],
)
def test_a_second_ask_with_its_own_operands_is_a_clause_of_its_own(task: str) -> None:
    clauses = split_clauses(task)
    assert len(clauses) == 2
    assert "30% of 50" in clauses[1].text or "10% of 70" in clauses[1].text


def test_and_what_without_operands_on_both_sides_stays_one_clause() -> None:
    clauses = split_clauses("Explain what inflation is and what causes it")
    assert len(clauses) == 1


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("first quartile of the scores: 12, 15, 20", "first quartile of the scores: 12, 15, 20"),
        ("First five values: 3, 1, 4, 1, 5, 9", "First five values: 3, 1, 4, 1, 5, 9"),
        ("First research solar power", "research solar power"),
    ],
)
def test_first_is_the_order_of_steps_unless_it_qualifies_a_noun(text: str, kept: str) -> None:
    assert strip_request_prefix(text) == kept


@pytest.mark.parametrize(
    "text", ["Give me 3 tips for better sleep", "List 10 reasons to learn Spanish"]
)
def test_how_many_ideas_to_write_is_not_a_number_to_compute_on(text: str) -> None:
    assert "<num>" not in content_stems(text)
    assert "<num>" in content_stems("What's the average of 3 and 10")


def test_a_yes_or_no_question_after_then_starts_a_clause() -> None:
    clauses = split_clauses("shorten this to a line, then is it polite? ⟦1⟧")
    assert [c.text for c in clauses] == ["shorten this to a line", "is it polite? ⟦1⟧"]


def test_incl_and_excl_end_no_sentence() -> None:
    clauses = split_clauses("price is 200 excl. VAT at 20%, so incl. VAT what is it?")
    assert len(clauses) == 1


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        # a measure named alone, then another ask: two asks, each a request
        (
            "driveway is 6 m x 4 m and i want gravel 50 mm deep. volume in m³, and tonnes at "
            "1.6 t per m³",
            ["volume in m³", "tonnes at 1.6 t per m³"],
        ),
        (
            "14 tomato plants, 1.5 litres each a day, for the 31 days of july. litres for the "
            "month, and how many fills of my 200 litre water butt",
            ["litres for the month", "how many fills of my 200 litre water butt"],
        ),
    ],
)
def test_a_measure_named_alone_is_an_ask_of_its_own(text: str, asks: list[str]) -> None:
    clauses = split_clauses(text)
    assert [c.text for c in clauses[1:]] == asks
    assert all(c.is_request for c in clauses[1:])


def test_a_measure_said_with_its_amount_is_no_ask() -> None:
    clauses = split_clauses("volume in the tank is 200 litres, and how many days will it last")
    assert clauses[0].text.startswith("volume in the tank is 200 litres")


def test_a_number_in_words_before_a_unit_is_a_number() -> None:
    assert "<num>" in content_stems("ten mile race, how many km")
    assert "<num>" not in content_stems("write five ideas for a party")


def test_avg_starts_an_ask_unless_it_labels_a_list_after_a_colon() -> None:
    asked = split_clauses("avg visits per month 8, 12, 5 then times by 12")
    assert [c.is_request for c in asked] == [True, True]
    labelled = split_clauses("avg speeds from my last rides (km/h): 42.5, 38.0. mean and median")
    assert [c.is_request for c in labelled] == [False, True]

"""The deterministic planner: acceptance cases, dependencies, merging, capping, history."""

from __future__ import annotations

import itertools
import random

import pytest

from orchestra.planner import (
    CapabilitySpec,
    EmptyTaskError,
    NoCapabilityError,
    Plan,
    PlannerError,
    UnclearRequestError,
    plan_deterministic,
    validate_plan,
)
from orchestra.planner.deterministic import with_apostrophes

from .capabilities import BUILTIN, THIRD_PARTY


def plan(description: str, max_steps: int = 8, history: tuple[str, ...] = ()) -> Plan:
    result = plan_deterministic(description, BUILTIN, max_steps, history)
    assert validate_plan(result, [c.name for c in BUILTIN], max_steps) == []
    return result


def shape(result: Plan) -> list[tuple[str, list[str]]]:
    return [(s.capability, s.depends_on) for s in result.steps]


# --- acceptance ----------------------------------------------------------------------


def test_arguments_and_average_are_two_independent_steps() -> None:
    result = plan(
        "Summarize the main arguments for and against remote work and compute the average "
        "of 3, 5 and 10"
    )
    assert shape(result) == [("research", []), ("statistics", [])]
    research, statistics = result.steps
    assert "arguments for and against remote work" in research.instruction
    assert "average of 3, 5 and 10" in statistics.instruction
    assert "remote" not in statistics.instruction


def test_sentiment_and_keywords_of_a_quote() -> None:
    result = plan("Find the sentiment of 'I love this product' and extract keywords from it")
    assert shape(result) == [("sentiment", []), ("keywords", [])]
    # "it" is resolved, so the keywords agent sees the text itself.
    assert "'I love this product'" in result.steps[1].instruction


def test_research_then_report_based_on_it() -> None:
    result = plan("Research electric cars, then write a short report based on it")
    assert shape(result) == [("research", []), ("writing", ["s1"])]
    report = result.steps[1].instruction
    assert "step s1" in report and "electric cars" in report


# --- dependencies --------------------------------------------------------------------


def test_then_after_parallel_work_waits_for_all_of_it() -> None:
    result = plan(
        "Research tidal energy and compute the average of 4, 8 and 9, then write a report"
    )
    assert shape(result) == [("research", []), ("statistics", []), ("writing", ["s1", "s2"])]


def test_using_the_results_refers_to_all_previous_work() -> None:
    result = plan(
        "Research wind power. Compute the sum of 1, 2 and 3. Write a memo using the results."
    )
    assert result.steps[-1].capability == "writing"
    assert result.steps[-1].depends_on == ["s1", "s2"]


def test_also_keeps_steps_independent() -> None:
    result = plan("Research solar power and also compute the median of 1, 7 and 3")
    assert all(not s.depends_on for s in result.steps)


def test_pronoun_without_material_depends_on_the_previous_step() -> None:
    result = plan("Investigate the causes of inflation and write an essay about them")
    assert shape(result) == [("research", []), ("writing", ["s1"])]
    assert "the result of step s1" in result.steps[1].instruction


def test_clause_without_its_own_subject_works_on_the_previous_result() -> None:
    result = plan("Research solar and wind power and write a comparison")
    assert shape(result) == [("research", []), ("writing", ["s1"])]


def test_definite_description_refers_back() -> None:
    result = plan("Research the history of jazz and summarize the key milestones")
    assert shape(result) == [("research", []), ("summarization", ["s1"])]


def test_lone_verb_shares_the_next_clause_subject() -> None:
    result = plan("Research and write a report on ocean tides")
    assert shape(result) == [("research", []), ("writing", ["s1"])]
    assert "ocean tides" in result.steps[0].instruction


def test_material_after_a_colon_belongs_to_every_part() -> None:
    result = plan(
        "Tell me the main keywords and the overall sentiment: 'Great camera, weak battery.'"
    )
    assert shape(result) == [("keywords", []), ("sentiment", [])]
    assert all("'Great camera, weak battery.'" in s.instruction for s in result.steps)


def test_a_statement_becomes_context_of_the_steps() -> None:
    result = plan("I have the numbers 10, 20, 30 and 40. What is their average?")
    assert shape(result) == [("statistics", [])]
    assert "10, 20, 30 and 40" in result.steps[0].instruction


# --- merging and capping -------------------------------------------------------------


def test_same_capability_continuation_is_one_step() -> None:
    result = plan("Research coral reefs, then research the threats to them")
    assert shape(result) == [("research", [])]
    assert "Then research" in result.steps[0].instruction


def test_independent_questions_for_one_capability_stay_parallel() -> None:
    result = plan("Compute the average of 1, 2 and 3 and compute the median of 7, 8 and 10")
    assert shape(result) == [("statistics", []), ("statistics", [])]


FIVE_CLAUSES = (
    "Research bees; compute the average of 1, 2 and 3; extract keywords from 'sun and sea'; "
    "find the sentiment of 'great day'; then write a poem about it"
)


def test_max_steps_merges_the_tail() -> None:
    full = plan(FIVE_CLAUSES)
    assert len(full.steps) == 5
    capped = plan(FIVE_CLAUSES, max_steps=3)
    assert len(capped.steps) == 3
    assert [s.capability for s in capped.steps[:2]] == ["research", "statistics"]
    tail = capped.steps[2].instruction
    assert "'sun and sea'" in tail and "'great day'" in tail and "poem" in tail


def test_max_steps_one_gives_a_single_general_step() -> None:
    capped = plan(FIVE_CLAUSES, max_steps=1)
    assert shape(capped) == [("research", [])]


def test_invalid_max_steps() -> None:
    with pytest.raises(ValueError, match="max_steps"):
        plan_deterministic("Research bees", BUILTIN, 0)


# --- follow-ups ----------------------------------------------------------------------


def test_follow_up_repeats_the_previous_task_with_a_new_subject() -> None:
    history = ("Research electric cars, then write a short report based on it",)
    result = plan("Now do the same for hydrogen cars", history=history)
    assert shape(result) == [("research", []), ("writing", ["s1"])]
    assert "hydrogen cars" in result.steps[0].instruction
    assert "electric" not in " ".join(s.instruction for s in result.steps)


@pytest.mark.parametrize(
    ("previous", "follow_up", "expected"),
    [
        ("Compute the average of 3, 5 and 10", "do the same for 8, 12 and 20", "8, 12 and 20"),
        ("Find the sentiment of 'cold food'", "Same for 'lovely staff'", "'lovely staff'"),
        ("Summarize the sales figures of 2024 for Europe", "now do the same for 2025", "2025"),
        ("Write a haiku about autumn", "What about spring?", "haiku about spring"),
        ("What's the sentiment of 'Great coffee'", "and this one: 'Cold tea'", "of 'Cold tea'"),
        ("Is it positive? 'Fast shipping'", "how about this: 'Broken'", "Is it positive? 'Broken'"),
        ("What is 10% of 80?", "what about 40%?", "What is 40% of 80?"),
        ("Calculate 5% of 300", "now 12%", "Calculate 12% of 300"),
        ("Convert 5 km to miles", "and 12 km?", "Convert 12 km to miles"),
        # A lone number keeps the unit of the one it replaces.
        ("Convert 50 fahrenheit to celsius", "what about 100?", "Convert 100 fahrenheit to"),
        # Another figure of the same numbers; the same percentage of another amount.
        ("What is the average of 3, 9 and 12?", "and the median?", "median of 3, 9 and 12"),
        ("Compute the mean of 2, 7, 5", "what about the max", "max of 2, 7, 5"),
        # "sd", "std dev": the standard deviation, shortened, swapped for the figure asked.
        ("fps readings 144 138 151 129 sample sd", "mean and median too", "129 mean and median"),
        ("weights 3.1, 2.8, 3.4 - std dev", "and the range?", "3.4 - range"),
        # two figures at once, a superlative among them
        ("mean of my times: 26.5, 25.8", "and the fastest and slowest?", "slowest of my times"),
        # two figures asked before, two others in their place
        ("scores 9.2 8.8 9.6 7.9, mean and median?", "lowest and highest?", "7.9, lowest and"),
        ("laps 61 58 64: the mean and the median", "and the max and min?", "64: the max and"),
        ("Calculate 15% of 80", "and of 300?", "15% of 300"),
        ("What is 10% of 640?", "same but 25%", "25% of 640"),
        ("What is 10% of 640?", "and if it were 25%?", "25% of 640"),
        # "its" and "thats" with the apostrophe left out
        ("What is 10% of 640?", "and if its 25%", "25% of 640"),
        ("membership is 240, 7% rise, new fee?", "what if thats 9%", "240, 9% rise"),
        ("Convert 5 km to miles", "what if it was 8 km", "Convert 8 km to miles"),
        ("Calculate 15% of 80", "make it 20%", "20% of 80"),
        # A new subject asked for with "make it about": one article, not two.
        (
            "Write a story about a lighthouse keeper",
            "make it about a baker instead",
            "story about a baker",
        ),
        (
            "Write a haiku about the sea",
            "can you make it about mountains instead?",
            "haiku about the mountains",
        ),
        # The same piece, changed.
        ("Write a poem about cats", "make it shorter", "poem about cats"),
        ("Draft an email to my landlord", "can you make it more formal?", "more formal"),
        ("Write a toast for a wedding", "ok make it a bit funnier", "wedding"),
        (
            "Write a short poem about my dog",
            "make it rhyme",
            "rhyme",
        ),
        ("Write a story about a dragon", "now make it kid-friendly", "kid-friendly"),
        ("Write a poem about autumn", "can you cut it down to four lines", "in four lines"),
        ("Draft an email to my landlord", "trim it", "shorter"),
        # The same amount in another unit.
        ("Convert 3 meters to inches", "now in feet", "Convert 3 meters to feet"),
        ("2 kg in pounds", "what about in ounces", "2 kg in ounces"),
        ("What's 50 fahrenheit in celsius?", "and in kelvin?", "50 fahrenheit in kelvin"),
        ("convert 2 miles to km", "what is that in metres", "2 miles to metres"),
        ("convert 100 f to c", "what would that be in kelvin", "100 f to kelvin"),
        ("what is 30 celsius in kelvin", "same thing in fahrenheit", "30 celsius in fahrenheit"),
        ("what is 7 plus 5", "times it by 3", "Times the result of step s1"),
        ("what is 1234 times 3", "round that to the nearest hundred", "nearest hundred"),
        ("what is 15 times 3", "what's double that?", "Double the result"),
        ("what is 250 plus 150", "and half of it?", "then half of it"),
        # "instead" says the subject replaces another; "for" says for whom; "what's the".
        ("What is 10% of 640?", "how about 25% instead", "25% of 640"),
        ("Split 120 dollars between 4 people", "what about for 6 people?", "between 6 people"),
        ("Compute the mean of 2, 7, 5", "what's the max?", "max of 2, 7, 5"),
        ("Compute the mean of 2, 7, 5", "median too?", "median of 2, 7, 5"),
        ("Compute the mean of 2, 7, 5", "sum of them?", "sum of 2, 7, 5"),
        # A new quote after a verb that names no skill: the earlier request with it.
        ("sentiment of 'nice view'", "now do 'noisy room'", "Sentiment of 'noisy room'"),
        ("Is 'fast delivery' positive?", "check this one: 'late again'", "Is 'late again'"),
        # A closing "then" only says it follows on.
        ("Compute the mean of 2, 7, 5", "what's the max then", "max of 2, 7, 5"),
        # The number after "for" in the question, not the recipe's.
        ("recipe for 6 uses 450 g of rice, how much for 4 people", "and for 9?", "for 9 people"),
        # What the user does, by another amount.
        (
            "the bike is 1,600 and i save 50 a week, how many weeks",
            "what if i saved 80 a week instead",
            "save 80 a week",
        ),
        ("median of 4.8, 5.2, 3.6", "what about the smallest one", "Smallest of 4.8, 5.2"),
        # The kind of a figure said in brackets after it.
        ("mean of 18, 22, 25", "and the standard deviation (sample)?", "Sample standard"),
        # "which is the ...": the figure, said of one of the numbers.
        ("average of 14, 22, 9, 31, 18", "and which is the biggest?", "Biggest of 14, 22"),
        # The length asked alone: of the piece, before the text it was given.
        (
            "Summarize this: The wing opens in May. Tickets go on sale in April.",
            "now in one sentence",
            "Summarize this in one sentence: The wing opens in May.",
        ),
        ("write a poem about autumn", "as 3 bullet points", "autumn in 3 bullet points"),
        # "what do they add up to?": the sum of the same numbers.
        ("mean of 3, 6, 9, 12", "what do they add up to?", "Sum of 3, 6, 9, 12"),
        # The same, for another amount: "do", "same again with", "put in".
        ("convert 150 lb to kg", "now do 172", "Convert 172 lb to kg"),
        ("what is 18% of 2,750", "same again with 23%", "23% of 2,750"),
        (
            "i need 2,200 for a laptop and save 110 a month, how many months",
            "what if i put in 137.50 a month",
            "save 137.50 a month",
        ),
        # pieces laid over the area asked before
        (
            "area of a patio 3 m by 2.4 m",
            "how many 60x60 cm slabs would that take",
            "patio 3 m by 2.4 m, how many 60x60 cm slabs",
        ),
    ],
)
def test_follow_up_subject_kinds(previous: str, follow_up: str, expected: str) -> None:
    result = plan(follow_up, history=(previous,))
    assert expected in " ".join(s.instruction for s in result.steps)
    assert "a a " not in " ".join(s.instruction for s in result.steps)


@pytest.mark.parametrize(
    ("previous", "follow_up", "asked"),
    [
        # one figure more after a list of them, of the same values (those were answered)
        ("Give me the mean and the max of 1, 2, 3", "and the median?", "median of 1, 2, 3"),
        ("calls per shift 31 27 35 29 33 30, mean and median?", "and the sd", "31 27 35"),
        # the figures said of the items the earlier list counts ("each day")
        (
            "eggs collected each day 158, 171, 149, 166, 175, 162, 159 - total?",
            "lowest and highest day?",
            "159 - lowest and highest?",
        ),
        ("sales each week 120, 135, 98, 141 - average?", "the biggest week", "- biggest?"),
        # superlatives of weights
        (
            "average rucksack weight 8.5 11.2 9.8 12.4 10.1 7.9 10.6 kg",
            "heaviest and lightest?",
            "heaviest and lightest rucksack weight",
        ),
    ],
)
def test_figures_of_an_earlier_list_said_of_its_items(
    previous: str, follow_up: str, asked: str
) -> None:
    result = plan(follow_up, history=(previous,))
    assert [s.capability for s in result.steps] == ["statistics"]
    assert asked in result.steps[0].instruction.lower()


def test_a_figure_of_a_noun_the_earlier_list_does_not_name_is_left_as_said() -> None:
    result = plan("and the highest price?", history=("rainfall per month 80 95 60 72 mm",))
    assert "rainfall" not in " ".join(s.instruction for s in result.steps)


def test_a_list_with_spaces_only_and_a_figure_after_it_is_statistics() -> None:
    result = plan("tank litres each day this week 1870 1912 1845 1901 1888 1856 1930 - sample sd")
    assert [s.capability for s in result.steps] == ["statistics"]


@pytest.mark.parametrize(
    ("previous", "follow_up", "absent"),
    [
        ("Research electric cars", "and the median?", "electric"),
        ("What is 3 + 4?", "and of 300?", "3 + 4"),
        # pieces over something that was no area asked
        ("What is 3 + 4?", "how many 60x60 cm tiles would that take", "3 + 4"),
    ],
)
def test_a_figure_or_an_amount_with_no_place_in_the_previous_task_is_planned_alone(
    previous: str, follow_up: str, absent: str
) -> None:
    result = plan(follow_up, history=(previous,))
    assert all(absent not in s.instruction for s in result.steps)


def test_take_its_square_root_is_a_step_not_a_preparation() -> None:
    result = plan("Start with 81, take its square root, and multiply the answer by 2")
    assert shape(result) == [
        ("calculation", []),
        ("calculation", ["s1"]),
        ("calculation", ["s2"]),
    ]
    assert "square root" in result.steps[1].instruction


def test_take_the_square_root_is_a_step_not_a_preparation() -> None:
    result = plan("Start with 81, take the square root, then add 2")
    assert len(result.steps) == 3
    assert "square root" in result.steps[1].instruction


def test_take_a_figure_of_a_table_is_a_step_not_a_preparation() -> None:
    result = plan(
        "Take the highest value of the amount column and subtract 5 from it:\n"
        "day,amount\nMon,12\nTue,30"
    )
    assert shape(result) == [("statistics", []), ("calculation", ["s1"])]
    assert "day,amount\nMon,12\nTue,30" in result.steps[0].instruction


@pytest.mark.parametrize(
    "task",
    [
        "Draft a thank you email to a client and check that it sounds friendly",
        "Write a short apology to my team, then check whether it comes across as rude",
        "Draft a reply to the customer and make sure it sounds polite",
    ],
)
def test_how_an_earlier_result_sounds_is_its_sentiment(task: str) -> None:
    assert shape(plan(task)) == [("writing", []), ("sentiment", ["s1"])]


def test_a_rule_named_with_slashes_is_not_arithmetic() -> None:
    assert shape(plan("Explain the 50/30/20 budgeting rule")) == [("research", [])]


def test_take_a_look_at_figures_is_still_a_preparation() -> None:
    result = plan("Take a look at the total sales figures and summarize the trends")
    assert shape(result) == [("summarization", [])]


@pytest.mark.parametrize(
    "task",
    [
        "Come up with three taglines for a coffee shop",
        "give me 5 instagram captions for a beach photo",
        "Brainstorm slogans for a bike shop",
    ],
)
def test_short_copy_without_a_verb_of_writing_is_writing(task: str) -> None:
    assert shape(plan(task)) == [("writing", [])]


@pytest.mark.parametrize(
    ("previous", "follow_up"),
    [
        ("What's 15 + 6?", "double that"),
        ("Compute the average of 3, 6 and 9", "now divide it by 3"),
        ("What is 20% of 80?", "add 5 to the result"),
        ("Spent 45.20 on fuel and 31 on lunch, total?", "split that between the three of us"),
        ("What's 12% of 860?", "ok now take that off 860"),
        ("What is 12 times 8?", "take it away from 500"),
    ],
)
def test_arithmetic_on_the_answer_before_computes_it_again_first(
    previous: str, follow_up: str
) -> None:
    result = plan(follow_up, history=(previous,))
    assert [step.depends_on for step in result.steps] == [[], ["s1"]]
    assert previous.rstrip("?") in result.steps[0].instruction


def test_the_answer_before_taken_off_an_amount_is_a_subtraction_from_it() -> None:
    result = plan("ok now take that off 860", history=("what's 12% of 860",))
    assert "Subtract the result of step s1" in result.steps[1].instruction
    assert "from 860" in result.steps[1].instruction


def test_a_percentage_taken_off_the_answer_before_is_not_read_as_a_subtraction() -> None:
    # "take that off 20%": no amount to take it from.
    result = plan("take that off 20%", history=("What is 12 times 8?",))
    assert all("Subtract" not in s.instruction for s in result.steps)


@pytest.mark.parametrize("history", [(), ("Research electric cars",)])
def test_arithmetic_on_nothing_goes_to_the_calculator_which_can_refuse(
    history: tuple[str, ...],
) -> None:
    assert shape(plan("double that", history=history)) == [("calculation", [])]


@pytest.mark.parametrize(
    "follow_up",
    ["and if i overseed the old lawn at half that rate", "what about at double that rate"],
)
def test_a_change_of_earlier_figures_not_applied_is_refused_not_researched(
    follow_up: str,
) -> None:
    # Planned on its own it went to research, which looks up its words and finds nothing.
    with pytest.raises(UnclearRequestError) as raised:
        plan(follow_up, history=("lawn is 7 x 5 m and the seed rate is 35 g per m2, grams?",))
    assert "Ask it again in full with the new figures" in str(raised.value)


@pytest.mark.parametrize("follow_up", ["how much will all that cost", "how many calories is that"])
def test_a_figure_of_what_came_before_with_no_figures_is_refused(follow_up: str) -> None:
    with pytest.raises(UnclearRequestError) as raised:
        plan(follow_up, history=("write me a shopping list for a roast dinner for 6",))
    assert "a figure of what came before" in str(raised.value)


def test_a_new_question_after_figures_is_still_researched() -> None:
    result = plan(
        "and what about the history of lawns",
        history=("lawn is 7 x 5 m and the seed rate is 35 g per m2, grams?",),
    )
    assert shape(result) == [("research", [])]


def test_a_follow_up_with_a_new_quote_after_for() -> None:
    result = plan("and now for 'I loved every minute'", history=("Is this negative? 'Dull'",))
    assert shape(result) == [("sentiment", [])]
    assert "'I loved every minute'" in result.steps[0].instruction


@pytest.mark.parametrize(
    "follow_up",
    ["try this one: loved the pool", "and this: loved the pool", "this one too: loved the pool"],
)
def test_a_follow_up_with_a_new_text_after_a_colon_unquoted(follow_up: str) -> None:
    result = plan(follow_up, history=('sentiment of "the room was clean"',))
    assert shape(result) == [("sentiment", [])]
    assert '"loved the pool"' in result.steps[0].instruction


def test_a_lone_verb_before_another_kind_of_work_shares_only_the_material() -> None:
    result = plan("summarise and give keywords: 'Pandas eat bamboo. Pandas sleep a lot.'")
    assert shape(result) == [("summarization", []), ("keywords", [])]
    assert all("'Pandas eat bamboo. Pandas sleep a lot.'" in s.instruction for s in result.steps)
    # A subject of its own is still shared, and the work follows the order of the verbs.
    shared = plan("Research and write a report on solar power")
    assert shape(shared) == [("research", []), ("writing", ["s1"])]
    assert "solar power" in shared.steps[0].instruction


def test_follow_up_chain_and_current_message_in_history() -> None:
    history = (
        "Research electric cars",
        "Now do the same for hydrogen cars",
        "Now do the same for bicycles",
    )
    result = plan("Now do the same for bicycles", history=history)
    assert shape(result) == [("research", [])]
    assert "bicycles" in result.steps[0].instruction


def test_follow_up_without_history_is_planned_as_it_is() -> None:
    result = plan("Now do the same for hydrogen cars")
    assert len(result.steps) == 1
    assert "hydrogen cars" in result.steps[0].instruction


def test_history_is_ignored_for_a_new_task() -> None:
    result = plan("Write a haiku about rain", history=("Compute the average of 1, 2 and 3",))
    assert shape(result) == [("writing", [])]


# --- errors and general properties ---------------------------------------------------


def test_no_capability() -> None:
    with pytest.raises(NoCapabilityError) as caught:
        plan_deterministic("Research bees", [], 5)
    assert isinstance(caught.value, PlannerError)


@pytest.mark.parametrize("description", ["", "   ", "?!"])
def test_empty_description(description: str) -> None:
    with pytest.raises(EmptyTaskError):
        plan_deterministic(description, BUILTIN, 5)


def test_third_party_capabilities() -> None:
    result = plan_deterministic(
        "Search the web for reviews of the Fairphone 5, then translate them into German",
        THIRD_PARTY,
        5,
    )
    assert shape(result) == [("web-search", []), ("translate", ["s1"])]


def test_single_capability_takes_every_step() -> None:
    only = (CapabilitySpec("statistics", tags=("average",)),)
    result = plan_deterministic("Write a poem and compute the average of 1, 2 and 3", only, 5)
    assert {s.capability for s in result.steps} == {"statistics"}


def test_titles_are_short_and_ids_sequential() -> None:
    long = "Research " + "very " * 30 + "long topics, then write a report about it"
    result = plan(long)
    assert [s.id for s in result.steps] == ["s1", "s2"]
    assert all(len(s.title) <= 60 and s.title for s in result.steps)
    assert all(s.expected_output for s in result.steps)


def test_deterministic() -> None:
    assert plan(FIVE_CLAUSES) == plan(FIVE_CLAUSES)


FRAGMENTS = (
    "Summarize the main arguments for and against remote work",
    "compute the average of 3, 5 and 10",
    "then write a short report based on it",
    "Find the sentiment of 'I love this product'",
    "extract keywords from it",
    "also convert this CSV to JSON: a,b\n1,2",
    "What is 2 + 2?",
    "I like turtles.",
    "and then",
    "Please summarize them; then",
    "'unterminated quote",
    "Convert it.",
)


def test_any_combination_gives_a_valid_plan_or_an_honest_refusal() -> None:
    rng = random.Random(7)
    subsets = [BUILTIN, THIRD_PARTY, BUILTIN[:1], BUILTIN[3:5]]
    for size, caps, max_steps in itertools.product((1, 2, 4), subsets, (1, 2, 8)):
        for _ in range(8):
            description = " ".join(rng.choice(FRAGMENTS) for _ in range(size))
            try:
                result = plan_deterministic(description, caps, max_steps)
            except UnclearRequestError as error:
                # A jumble may be refused, saying which part of it was not understood.
                assert error.part.split()[0] in description
                continue
            names = [c.name for c in caps]
            assert validate_plan(result, names, max_steps) == [], description
            assert all(s.instruction.strip() and len(s.title) <= 60 for s in result.steps)


# --- chains of computations ---------------------------------------------------------------

CHAIN = "Compute the sum of 12.5 and 7.25, then compute the average of that result and 10"


def test_a_chain_is_two_dependent_steps_that_name_the_earlier_result() -> None:
    result = plan(CHAIN)
    assert shape(result) == [("statistics", []), ("statistics", ["s1"])]
    first, second = result.steps
    assert first.instruction == "Compute the sum of 12.5 and 7.25."
    # "that result" says which result, where it stands.
    assert second.instruction == (
        "Compute the average of the result of step s1 (Compute the sum of 12.5 and 7.25) and 10."
    )


@pytest.mark.parametrize(
    ("description", "steps"),
    [
        ("increase 80 by 15%, then decrease the answer by 15%. what do you get each time", 2),
        ("double 45, then subtract 12 from that. give me both", 2),
        ("take 250, add 10% and then take 10% off the result. what are the two results?", 3),
        ("increase 80 by 15%. what do you get?", 1),
    ],
)
def test_a_last_question_asking_only_the_results_is_no_step(description: str, steps: int) -> None:
    result = plan(description)
    assert len(result.steps) == steps
    assert all(s.capability == "calculation" for s in result.steps)
    assert not any("what" in s.instruction.lower() for s in result.steps)


@pytest.mark.parametrize(
    ("description", "second"),
    [
        ("Add 5 to 10, then multiply the result by 3", "Multiply the result of step s1"),
        ("First compute 6 times 7. Then subtract 2 from it.", "Subtract 2 from the result"),
        ("Double 45 then add 10", "Add 10. Use the result of step s1"),
        ("Calculate 2 + 3 and after that square it", "Square the result of step s1"),
        (
            "Find the sum of 1, 2, 3 and 4. Use it to compute the average of that result and 20",
            "average of the result of step s1",
        ),
        # "that per month": the value before, over a period.
        (
            "phone is 720 with 10% off. what do i pay, and what's that per month over 24 months",
            "the result of step s1 (What do i pay) per month",
        ),
        (
            "the sofa is 900 and is marked down 10%. what do i pay, and what is that a week over "
            "40 weeks",
            "the result of step s1 (What do i pay) a week",
        ),
        # "that average": the figure found before, not a new average of its numbers.
        (
            "mean of 12, 15 and 18 then take 10% off that mean",
            "Take 10% off the result of step s1",
        ),
        (
            "work out the median of 3, 9, 4 and 7 then double this median",
            "Double the result of step s1",
        ),
    ],
)
def test_chains_in_other_words(description: str, second: str) -> None:
    result = plan(description)
    assert len(result.steps) == 2 and result.steps[1].depends_on == ["s1"]
    assert second in result.steps[1].instruction


def test_an_operation_without_its_operand_goes_on_from_the_value_before() -> None:
    result = plan("Take 250, subtract 15%, then add 20")
    assert [s.depends_on for s in result.steps] == [[], ["s1"], ["s2"]]
    assert result.steps[0].instruction == "Take 250."  # its number is not preparation


def test_same_capability_work_on_words_still_merges() -> None:
    # Only computations on numbers or data stay apart; see the coral reefs case above.
    assert len(plan("Research coral reefs, then research the threats to them").steps) == 1


@pytest.mark.parametrize(
    "description",
    [
        "What's the average of 4 and 10, and what's 3 squared?",
        "Compute the median of 1, 3, 5 and also the sum of 2, 2, 2",
    ],
)
def test_two_questions_in_one_sentence_are_two_independent_steps(description: str) -> None:
    result = plan(description)
    assert len(result.steps) == 2 and not any(s.depends_on for s in result.steps)


def test_a_follow_up_swaps_the_arithmetic() -> None:
    result = plan("what about 20% of 80", history=("What is 15% of 80?",))
    assert result.steps[0].instruction == "What is 20% of 80?"


# --- questions about the user's material ----------------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        'What\'s the highest amount? [{"id": 1, "amount": 40}, {"id": 2, "amount": 65}]',
        "Which product sold the most?\nproduct,units\nLamp,12\nDesk,30",
        "Who scored highest?\n| name | score |\n|---|---|\n| Ana | 81 |\n| Ben | 92 |",
        "Which city has the highest temp? city,temp\nRome,21\nOslo,8",
        "What's the average price here? price\n4.50\n3.20\n5.10",
        "Here are my sales: Mon 120, Tue 95, Wed 140. Which day was best?",
    ],
)
def test_a_question_about_pasted_data_goes_to_the_data_capability(task: str) -> None:
    assert shape(plan(task)) == [("statistics", [])]


@pytest.mark.parametrize(
    "task",
    [
        "How does this sound: 'Not great, not terrible.'",
        "how does this come off: 'great job everyone, truly amazing work'",
        "Check how this tweet reads: 'worst airline ever, lost my bag again'",
        'Is this too harsh? "Your report was sloppy and full of mistakes."',
    ],
)
def test_how_a_quoted_message_sounds_is_its_sentiment(task: str) -> None:
    assert shape(plan(task)) == [("sentiment", [])]


@pytest.mark.parametrize(
    "task", ["What is the speed of sound in water?", "Research how sound affects sleep"]
)
def test_sound_without_a_message_to_judge_is_research(task: str) -> None:
    assert shape(plan(task)) == [("research", [])]


@pytest.mark.parametrize(
    "task",
    [
        "is coffee bad for my teeth",
        "is sugar good for kids",
        "is it bad to run every day",
        "are energy drinks terrible for teenagers",
    ],
)
def test_whether_a_thing_is_good_or_bad_is_looked_up_not_its_words_tone(task: str) -> None:
    # Judged as a text, "is coffee bad for my teeth" was 'negative': the question's own
    # word, no answer to it.
    assert shape(plan(task)) == [("research", [])]


def test_whether_a_text_named_is_good_or_bad_stays_its_tone() -> None:
    # The review is not given: the sentiment skill says so, where research would look for it.
    task = "is the latest review on my google business page good or bad"
    assert shape(plan(task)) == [("sentiment", [])]


@pytest.mark.parametrize(
    ("task", "expected"),
    [
        (
            "Find out what experts say about four-day work weeks, analyze the main "
            "trade-offs, and write a recommendation for our company",
            [("research", []), ("analysis", ["s1"]), ("writing", ["s2"])],
        ),
        (
            "Investigate why customers cancel subscriptions and write a short memo for the board",
            [("research", []), ("writing", ["s1"])],
        ),
        (
            "Find out what customers think of our app, summarize the main complaints, and "
            "draft an email to the dev team",
            [("research", []), ("summarization", ["s1"]), ("writing", ["s2"])],
        ),
        (
            "Look into the main CRM tools, compare their pricing and draft a proposal",
            [("research", []), ("analysis", ["s1"]), ("writing", ["s2"])],
        ),
        (
            "find out how competitors price their plans, compare them with ours and suggest "
            "a pricing strategy",
            [("research", []), ("analysis", ["s1"]), ("research", ["s2"])],
        ),
        (
            "Compare the Pixel 8 and the iPhone 15 and tell me the best one for photos",
            [("analysis", []), ("research", ["s1"])],
        ),
        (
            "Read up on composting at home and write a beginner's guide",
            [("research", []), ("writing", ["s1"])],
        ),
        (
            "Research heat pumps versus gas boilers, weigh the costs, and give me a recommendation",
            [("research", []), ("analysis", ["s1"])],
        ),
    ],
)
def test_a_later_clause_works_on_what_the_earlier_ones_produced(
    task: str, expected: list[tuple[str, list[str]]]
) -> None:
    assert shape(plan(task)) == expected


def test_a_clause_with_a_subject_of_its_own_stays_apart() -> None:
    result = plan("Find out about the history of chess and also write a haiku about autumn")
    assert shape(result) == [("research", []), ("writing", [])]


@pytest.mark.parametrize(
    "task",
    [
        "Research electric car sales in 2024",
        "Find out how the 1929 crash started",
        "Look into remote work trends since 2020",
        "Delve into why bees are disappearing",
    ],
)
def test_a_year_or_an_unlisted_verb_does_not_make_research_arithmetic(task: str) -> None:
    assert shape(plan(task)) == [("research", [])]


def test_delving_into_a_subject_is_a_step_of_its_own() -> None:
    result = plan("Delve into why bees are disappearing and write a short memo")
    assert shape(result) == [("research", []), ("writing", ["s1"])]


@pytest.mark.parametrize(
    ("task", "capability"),
    [
        ("whats the sentimnt of 'Lovely hotel, friendly staff'", "sentiment"),
        ("extarct keywords from 'Solar power is cheap. Solar power is clean.'", "keywords"),
        ("summerize: The council met on Monday. It approved the budget.", "summarization"),
        ("Is this feedback ok? 'The answer was impolite and unclear.'", "sentiment"),
    ],
)
def test_slips_of_the_keyboard_and_short_asks(task: str, capability: str) -> None:
    assert shape(plan(task)) == [(capability, [])]


def test_numbers_stated_before_a_question_make_it_arithmetic() -> None:
    task = "A laptop is 900 dollars and the tax is 8%. How much tax do I pay?"
    # Numbers stated, not a list of values: the calculator's (it was the statistics
    # skill's, which handed it on to the same arithmetic).
    assert shape(plan(task)) == [("calculation", [])]
    # A statement of numbers does not turn a request for writing into arithmetic.
    writing = plan("My company has 40 employees. Write a welcome email for new hires.")
    assert shape(writing) == [("writing", [])]


def test_questions_joined_by_commas_are_separate_steps() -> None:
    result = plan("what's the max of 3, 7, 1, what's 2 to the power of 8?")
    assert shape(result) == [("statistics", []), ("calculation", [])]


def test_data_at_a_chains_end_goes_to_the_clause_that_reads_it() -> None:
    result = plan("Sum the price column and then take 15% of it:\nitem,price\na,10\nb,30")
    assert shape(result) == [("statistics", []), ("calculation", ["s1"])]
    assert result.steps[0].instruction.endswith("item,price\na,10\nb,30")
    assert "item,price" not in result.steps[1].instruction


@pytest.mark.parametrize(
    ("description", "capability"),
    [
        ("Write a summary of this: The pool opens at 6. Lessons start in May.", "summarization"),
        (
            "Write me a brief summary: 'The shop moves to Elm Street. It reopens Monday.'",
            "summarization",
        ),
        ("Draft an email summarizing this: 'The shop moves. It reopens Monday.'", "writing"),
        # "this report" names the text to summarise.
        ("Summarize this report in one line: 'Sales grew. Costs fell.'", "summarization"),
        ("Write a report summarizing this: 'Sales grew. Costs fell.'", "writing"),
    ],
)
def test_a_summary_of_the_users_text_is_extractive(description: str, capability: str) -> None:
    # A summary asked of the user's own text is the summarizer's; a document that summarises
    # it (an email, a report) is still the writer's.
    assert [s.capability for s in plan(description).steps] == [capability]


@pytest.mark.parametrize(
    ("description", "capabilities"),
    [
        # A target format decides between statistics and conversion.
        ('make this into a csv: [{"team": "red", "wins": 4}]', ["conversion"]),
        ("make it a json\nname,age\nIvy,31", ["conversion"]),
        ("what's the total of this csv?\nx,y\n1,2\n3,4", ["statistics"]),
        # Things compared are explained; numbers are subtracted.
        ("what's the difference between a virus and a bacterium", ["research"]),
        ("what's the difference between 45 and 18", ["statistics"]),
        # "this" is the text that the next clause of the sentence gives.
        ("Summarize this and give me the keywords: 'Solar is cheap. Wind varies.'", None),
        # An ask about a text after one about numbers is a clause of its own ...
        ("Give me the average of 2, 4, 9 and the tone of 'Great work team'", None),
        # ... while two asks of one text stay one request on it.
        ("What are the keywords and the tone of this message: 'Late again.'", None),
    ],
)
def test_what_kind_of_work_the_words_name(description: str, capabilities: list[str] | None) -> None:
    result = plan(description)
    if capabilities is not None:
        assert [s.capability for s in result.steps] == capabilities
    for step in result.steps:
        if step.capability in {"summarization", "keywords", "sentiment"}:
            assert "'" in step.instruction, step.instruction  # the text travels with the step
    if "average of 2, 4, 9" in description:
        assert shape(result) == [("statistics", []), ("sentiment", [])]


def test_a_piece_changed_stays_with_the_writer() -> None:
    result = plan("ok make it a bit funnier", history=("Write a toast for a wedding",))
    assert [s.capability for s in result.steps] == ["writing"]


def test_a_piece_changed_in_the_same_request_stays_one_step() -> None:
    result = plan("Write a toast for a wedding, then make it funnier")
    assert [s.capability for s in result.steps] == ["writing"]


@pytest.mark.parametrize(
    ("previous", "follow_up"),
    [
        ("Write a short poem about my dog", "make it rhyme"),
        ("Draft a note to my team about the new schedule", "make it sound more professional"),
        ("Write a slogan for a bike shop", "can you make it snappier?"),
    ],
)
def test_a_change_to_the_piece_stays_with_the_writer(previous: str, follow_up: str) -> None:
    assert [s.capability for s in plan(follow_up, history=(previous,)).steps] == ["writing"]


@pytest.mark.parametrize(
    ("description", "history"),
    [
        # Units of one unit said in words: the calculator's, not a topic to look up.
        ("how many seconds in a day", ()),
        ("how many grams are there in a kilogram", ()),
        # A unit with nothing to convert: the calculator says what it misses.
        ("and in feet?", ()),
        ("now in miles", ("Write a poem about running",)),
    ],
)
def test_units_asked_without_digits_go_to_the_calculator(
    description: str, history: tuple[str, ...]
) -> None:
    assert [s.capability for s in plan(description, history=history).steps] == ["calculation"]


@pytest.mark.parametrize(
    "description",
    [
        "find the max of 8, 3, 12 and explain what a median is",
        "find the minimum of 5, 2, 9 and tell me what a mode is",
        "compute the average of 4, 8 and 9 and explain what a mean is",
    ],
)
def test_a_notion_explained_beside_a_figure_is_researched_on_its_own(description: str) -> None:
    assert shape(plan(description)) == [("statistics", []), ("research", [])]


def test_what_an_earlier_result_means_still_waits_for_it() -> None:
    result = plan("compute the average of 4, 8 and 9 and explain what the result means")
    assert shape(result) == [("statistics", []), ("research", ["s1"])]


@pytest.mark.parametrize(
    "task",
    [
        "Can I get a short summary plus the key terms of this: 'Rain today. Sun tomorrow.'",
        "could you give me a summary as well as the keywords of: 'Rain today. Sun tomorrow.'",
    ],
)
def test_two_asks_joined_by_plus_or_as_well_as_are_two_steps(task: str) -> None:
    result = plan(task)
    assert shape(result) == [("summarization", []), ("keywords", [])]
    # The request words before the verb stay with both asks.
    assert all(s.instruction.lower().startswith(("can i get", "give me")) for s in result.steps)
    wanted = plan("I want the keywords along with the sentiment of 'The battery is excellent.'")
    assert wanted.steps[1].instruction.startswith("I want the sentiment")


@pytest.mark.parametrize(
    "description",
    [
        "vibe of 'the fitter never rang me back' and whats 3 rugs at 40 each",
        "sentiment of 'lovely staff' and what is 6 x 15",
    ],
)
def test_a_text_ask_without_its_article_then_a_sum_are_two_asks(description: str) -> None:
    result = plan(description)
    assert sorted(s.capability for s in result.steps) == ["calculation", "sentiment"]


@pytest.mark.parametrize(
    ("previous", "follow_up", "capability", "kept"),
    [
        # The change alone, the piece understood.
        ("Write a haiku about autumn leaves", "funnier please", "writing", "funnier"),
        ("Draft a welcome email for new staff", "a bit more formal?", "writing", "more formal"),
        # A new quote said with "and" alone.
        (
            "What's the sentiment of 'The staff were friendly'",
            "and 'the lift was broken'?",
            "sentiment",
            "'the lift was broken'",
        ),
    ],
)
def test_follow_ups_said_in_a_word_or_two(
    previous: str, follow_up: str, capability: str, kept: str
) -> None:
    result = plan(follow_up, history=(previous,))
    assert [s.capability for s in result.steps] == [capability]
    assert kept in result.steps[0].instruction


def test_an_amount_only_the_user_knows_goes_to_the_calculator_which_refuses() -> None:
    # The general capability would make the amount up.
    assert shape(plan("How much did we spend on fuel last month?")) == [("calculation", [])]
    assert plan("later", history=("Write a haiku about rain",)).steps[0].capability == "research"


@pytest.mark.parametrize(
    ("task", "capability"),
    [
        ("sum up in two sentences: The park opens at 8. Dogs must be on a lead.", "summarization"),
        ("can you sum this up: 'The meeting moved to Friday. Bring laptops.'", "summarization"),
        # With numbers to add, "sum up" is a total.
        ("sum up 3, 4 and 5", "statistics"),
        ("sum up these numbers:\n4\n5\n6", "statistics"),
    ],
)
def test_sum_up_is_a_summary_of_text_and_a_total_of_numbers(task: str, capability: str) -> None:
    assert [s.capability for s in plan(task).steps] == [capability]


def test_a_speed_in_words_to_convert_is_a_calculation() -> None:
    # "per" made it sound like a figure per group.
    assert shape(plan("10 meters per second in km per hour")) == [("calculation", [])]


def test_plus_after_a_figure_or_its_numbers_is_arithmetic_not_a_second_ask() -> None:
    # The first ask was dropped as a statement: "the sum plus the average of 3, 4, 5" was 4.
    assert shape(plan("the sum plus the average of 3, 4, 5")) == [("statistics", [])]
    assert shape(plan("the median of 1, 3, 5 plus the sum of 2, 2, 2")) == [("statistics", [])]


def test_an_ask_whose_verb_is_left_out_before_another_is_still_an_ask() -> None:
    result = plan("the median of 1, 3, 5 and also the sum of 2, 2, 2")
    assert shape(result) == [("statistics", []), ("statistics", [])]
    assert "Context:" not in result.steps[1].instruction
    # A statement of what something is stays the context of the question after it.
    assert (
        len(plan("the average of the class was 72, and also the median of 60, 70, 90").steps) == 1
    )


def test_a_figure_asked_after_a_comma_and_a_quote_for_the_text_ask_only() -> None:
    result = plan("What's 30% of 120, the average of 2, 4 and 9, and the tone of 'Lovely work'?")
    assert shape(result) == [("calculation", []), ("statistics", []), ("sentiment", [])]
    # The quote at the end is the tone's, not more operands of the arithmetic.
    assert "'Lovely work'" not in result.steps[0].instruction
    assert "'Lovely work'" in result.steps[2].instruction
    # A noun after a comma that names no figure is no ask.
    assert len(plan("Research the history of Rome, the capital of Italy").steps) == 1


@pytest.mark.parametrize(
    ("previous", "follow_up", "capability", "kept"),
    [
        # Another piece, and the same piece about something else.
        ("Write a limerick about a frog", "another one", "writing", "limerick about a frog"),
        ("Write a limerick about a frog", "now about a cat", "writing", "limerick about a cat"),
        # Another ask of the same text.
        (
            "Sentiment of 'the soup was cold'",
            "what about the keywords?",
            "keywords",
            "'the soup was cold'",
        ),
        (
            "Sentiment of 'the soup was cold'",
            "and the summary",
            "summarization",
            "'the soup was cold'",
        ),
    ],
)
def test_follow_ups_for_another_piece_or_another_ask_of_the_text(
    previous: str, follow_up: str, capability: str, kept: str
) -> None:
    result = plan(follow_up, history=(previous,))
    assert [s.capability for s in result.steps] == [capability]
    assert kept in result.steps[0].instruction
    # After arithmetic, "another one" says nothing to repeat.
    assert plan("another one", history=("What's 5 + 5?",)).steps[0].instruction == "Another one."


@pytest.mark.parametrize(
    ("previous", "follow_up", "expected"),
    [
        # Another piece of the same kind, on a new subject.
        ("Write a haiku about autumn", "now one about spring", "Write a haiku about spring"),
        ("Write a limerick about cats", "another one on owls please", "limerick about owls"),
        # The number after the same word, swapped.
        ("Split 120 dollars between 4 people", "and between 5?", "between 5 people"),
        ("Split a 90 euro bill among 3 friends", "what about among 6?", "among 6 friends"),
        # A new number of a thing the earlier request gave a number of.
        (
            "walls are 40 m2, paint does 10 m2 per litre in 2.5 litre tins. how many tins for "
            "one coat",
            "and for two coats?",
            "tins for two coats",
        ),
        ("parking is 2.50 an hour, what do i pay for 4 hours", "what about 6 hours", "6 hours"),
        ("what's 20% off 65", "what about 35% off", "35% off 65"),
        (
            "car park is 1.80 an hour and i'll be there 3 and a half hours, how much",
            "and if i stay 6 hours",
            "there 6 hours,",
        ),
        # People joining: the count shared among, grown.
        ("split 96 between 4 people", "actually 2 more are coming", "between 6 people"),
        # More of the people the earlier request was for, named as they were.
        ("party bags for 18 kids at 2.75 each, total?", "and if 4 more kids come", "for 22 kids"),
        ("buffet for 40 guests at 14.50 a head", "what if 3 more guests come", "for 43 guests"),
        # The new amount said of the thing it is for: the amount is the subject.
        ("3.2 m of wool at 38 per metre, cost?", "and for a 3 piece that needs 3.9 m", "3.9 m of"),
        ("3.2 m of wool at 38 per metre, cost?", "and for a coat that needs 2.5 m", "2.5 m of"),
        # A new rate an hour for the one rate of the earlier request, the hours the same.
        (
            "12.40 an hour for 30 hours, what's my pay",
            "they've bumped me up to 13, same hours?",
            "13 an hour for 30 hours",
        ),
        ("worked 20 hours at 11.50, my pay?", "i got a raise to 12.25 an hour", "hours at 12.25"),
        # "what if it was 1.39": the one decimal of the earlier request, replaced.
        (
            "petrol's 1.48 a litre and i put 42 litres in, how much",
            "what if it was 1.39",
            "1.39 a litre and i put 42 litres in",
        ),
        # "and if full valet was 70": the amount said right after the thing named, changed.
        (
            "mini valet 25, full valet 65. did 14 minis and 5 fulls, takings?",
            "and if full valet was 70",
            "full valet 70.",
        ),
        (
            "small box 4.50, large box 7.20. sent 30 small and 12 large, how much?",
            "what if the large box was 8",
            "large box 8.",
        ),
        # A charge at the same rate per period, on top: the rate, grown.
        (
            "b&b is 80 a night for 3 nights, total?",
            "oh and breakfast is another 12.50 a night on top, whats the new total",
            "92.50 a night for 3 nights",
        ),
    ],
)
def test_another_piece_and_a_new_count_follow_the_previous_request(
    previous: str, follow_up: str, expected: str
) -> None:
    result = plan(follow_up, history=(previous,))
    assert expected in result.steps[0].instruction
    assert result.steps[0].capability == plan(previous).steps[0].capability


@pytest.mark.parametrize(
    ("previous", "follow_up", "expected"),
    [
        (
            "10k loan at 6% apr over 3 years, monthly payment? (standard amortisation)",
            "what if its over 5 years",
            "over 5 years",
        ),
        (
            "2k at 3% compounded annually for 2 years, how much at the end",
            "and after 6 years?",
            "for 6 years",
        ),
        ("saving 200 a month for 18 months, how much", "what about 24 months", "for 24 months"),
    ],
)
def test_a_new_length_of_time_replaces_the_one_said_before(
    previous: str, follow_up: str, expected: str
) -> None:
    assert expected in plan(follow_up, history=(previous,)).steps[0].instruction


@pytest.mark.parametrize(
    ("previous", "follow_up", "expected"),
    [
        (
            "hall is 18 x 12 m, seal does 10 m2 a litre, 2 coats, how many litres?",
            "and the gym is 22 x 15",
            "22 x 15 m, seal",
        ),
        (
            "patio is 6 by 4 m, slabs cost 30 per m2, total cost?",
            "what about the driveway at 10 by 3?",
            "10 by 3 m, slabs",
        ),
        # A unit of its own: the size as said, converted by the analyst.
        (
            "bedroom is 4 x 3 m, carpet costs 20 per m2, total cost?",
            "and the lounge is 16 x 12 ft",
            "16 x 12 ft, carpet",
        ),
    ],
)
def test_a_new_size_replaces_the_one_said_before(
    previous: str, follow_up: str, expected: str
) -> None:
    assert expected in plan(follow_up, history=(previous,)).steps[0].instruction


@pytest.mark.parametrize(
    ("previous", "follow_up"),
    [
        # Two sizes before: which one the new size replaces is not said.
        (
            "hall 18 x 12 m and corridor 10 x 2 m, seal does 10 m2 a litre, how many litres?",
            "and the gym is 22 x 15",
        ),
        # A floor's size for a room's: the height is not said.
        ("room is 5 x 4 x 2.5 m, paint covers 12 m2 a litre, litres for the walls?", "and 6 x 5"),
    ],
)
def test_a_new_size_that_replaces_none_said_before_is_refused(
    previous: str, follow_up: str
) -> None:
    with pytest.raises(UnclearRequestError, match="new size"):
        plan(follow_up, history=(previous,))


@pytest.mark.parametrize(
    ("previous", "follow_up"),
    [
        (
            "clock loses 7 secs a day, how many secs in a week",
            "and over a year (365 days), in mins",
        ),
        (
            "balance is 150k and the allowance is 10% a year, how much can i overpay",
            "and per month?",
        ),
    ],
)
def test_a_new_period_that_could_not_be_applied_is_refused(previous: str, follow_up: str) -> None:
    # Planned alone, the first would be the minutes in 365 days: an answer to another question.
    with pytest.raises(UnclearRequestError, match="another period"):
        plan(follow_up, history=(previous,))


def test_a_period_alone_with_nothing_before_is_planned() -> None:
    assert plan("how many minutes in a year (365 days)").steps


def test_an_ask_of_a_size_after_one_is_its_own_request() -> None:
    previous = "hall is 18 x 12 m, seal does 10 m2 a litre, 2 coats, how many litres?"
    assert "seal" not in plan("area of 22 x 15", history=(previous,)).steps[0].instruction


def test_a_new_length_of_time_with_two_of_its_unit_before_is_not_substituted() -> None:
    # 2 years or 5 years: which one the new length replaces is not said.
    previous = "5k fixed for 2 years at 4% then 3% for 5 years, how much at the end"
    assert "5k" not in plan("and after 7 years?", history=(previous,)).steps[0].instruction


def test_what_if_with_two_numbers_of_its_kind_before_is_not_substituted() -> None:
    # 1.48 or 3.20: which one the new figure replaces is not said.
    previous = "fuel is 1.48 a litre, 42 litres and 3.20 for parking, total?"
    result = plan("what if it was 1.39", history=(previous,))
    assert "1.39 a litre" not in result.steps[0].instruction


def test_a_thing_named_before_two_amounts_is_not_substituted() -> None:
    # "box" is said before 4.50 and before 7.20: which one is 8 is not said.
    previous = "small box 4.50, large box 7.20. sent 30 small and 12 large, how much?"
    result = plan("and if box was 8", history=(previous,))
    assert "box 8" not in result.steps[0].instruction


def test_a_new_rate_with_two_rates_before_is_planned_alone() -> None:
    follow_up = "they've bumped me up to 13, same hours?"
    previous = "12 an hour for 30 hours and 15 an hour for 5 hours, what's my pay"
    assert plan(follow_up, history=(previous,)).steps[0].instruction.startswith("They've")


@pytest.mark.parametrize(
    "task",
    [
        "How much will my rent be next year?",
        "how much is our electricity bill this month?",
        "What will my tax refund be?",
    ],
)
def test_an_amount_of_the_users_own_goes_to_the_calculator_which_refuses(task: str) -> None:
    # The research agent would make an amount up that only the user knows.
    assert shape(plan(task)) == [("calculation", [])]


def test_numbers_and_no_text_are_not_the_keywords_of_the_question() -> None:
    # "score" is a word of the keyword skill's card; the keywords of the question itself
    # were an answer to nothing.
    assert shape(plan("what will my score be if I get 8 out of 10?")) == [("calculation", [])]
    assert shape(plan("give me 5 keywords")) == [("keywords", [])]
    # With a topic and no text, it is research, not a summary of its own words.
    assert shape(plan("research the top 3 coding languages and summarize them")) == [
        ("research", []),
        ("summarization", ["s1"]),
    ]


@pytest.mark.parametrize(
    "task",
    [
        "sum 12, 18 and 30, with that compute 25% of it",
        "add 7 and 8, with that multiply by 4",
        "multiply 6 by 7 and with the result divide by 2",
    ],
)
def test_with_that_carries_the_result_on(task: str) -> None:
    result = plan(task)
    assert len(result.steps) == 2
    assert result.steps[1].depends_on == [result.steps[0].id]


@pytest.mark.parametrize("task", ["average of 4; 8; 12", "Highest of: 1,200; 950; 1,450"])
def test_numbers_listed_with_semicolons_are_one_list(task: str) -> None:
    assert len(plan(task).steps) == 1


def test_arithmetic_in_words_is_not_a_summary_of_its_points() -> None:
    assert shape(plan("what is one point five times four")) == [("calculation", [])]


@pytest.mark.parametrize(
    ("description", "expected"),
    [
        # Two asks of one text, the verb left out.
        ("keywords and sentiment of 'Great food, slow service.'", ["keywords", "sentiment"]),
        # Numbers and a word of a text skill's card ("people"), but no text: no sentiment.
        ("a recipe needs 250g of flour for 4 people, how much for 6 people?", ["calculation"]),
        # A figure of its own numbers after one of others.
        ("median of 8, 1, 6 and the mean of 10, 20", ["statistics", "statistics"]),
        # "whats" without its apostrophe is a question like "what's".
        ("whats 15% of 80, the average of 3, 5, 10", ["calculation", "statistics"]),
        # A tip is on the user's own bill: the calculator says what it misses.
        ("how much should I tip?", ["calculation"]),
    ],
)
def test_asks_read_apart_and_text_skills_kept_for_text(
    description: str, expected: list[str]
) -> None:
    assert [s.capability for s in plan(description).steps] == expected


def test_asks_named_without_a_verb_each_keep_their_own_words() -> None:
    result = plan("keywords and sentiment of 'Great food, slow service.'")
    assert [s.instruction.split()[0].lower() for s in result.steps] == ["keywords:", "sentiment"]


def test_arithmetic_after_a_sum_works_on_the_sum_not_on_its_numbers() -> None:
    result = plan("sum these: 2, 4, 6. Then double it")
    assert shape(result) == [("statistics", []), ("calculation", ["s1"])]
    assert "2, 4, 6" not in result.steps[1].instruction
    # "split it 3 ways" goes on from the total with the calculator.
    split = plan("What's the total of 120, 85 and 60? After that, split it 3 ways")
    assert shape(split) == [("statistics", []), ("calculation", ["s1"])]


@pytest.mark.parametrize(
    "description",
    [
        "add up the bar tabs 22, 31, 18, 40 then split it between the 4 of us",
        "add up the raffle takings 120, 85, 64 then split it between the 2 of us",
        "add up the fuel receipts 31, 44, 27 then divide it between the 4 of us",
    ],
)
def test_a_result_shared_out_between_a_count_is_a_division(description: str) -> None:
    result = plan(description)
    assert [s.capability for s in result.steps][-1] == "calculation"
    assert result.steps[-1].depends_on


def test_a_table_below_a_chain_is_the_first_steps_only() -> None:
    result = plan("sum the amount column, then take 20% of it\nitem,amount\nrent,900\nfood,350")
    assert shape(result) == [("statistics", []), ("calculation", ["s1"])]
    assert "rent,900" in result.steps[0].instruction
    assert "rent,900" not in result.steps[1].instruction


@pytest.mark.parametrize(
    ("follow_up", "instruction"),
    [("now times 2", "times 2"), ("that minus 15", "that minus 15"), ("plus 10%", "plus 10%")],
)
def test_an_operator_and_its_operand_go_on_from_the_answer_before(
    follow_up: str, instruction: str
) -> None:
    result = plan(follow_up, history=("What's 120 plus 45?",))
    assert [s.capability for s in result.steps] == ["calculation"]
    assert result.steps[0].instruction.startswith("What's 120 plus 45, then " + instruction)


@pytest.mark.parametrize(
    "description",
    [
        # An amount only the user knows: what they did, their bill, prices they have in mind.
        "how many calories did I burn on my walk?",
        "work out everyone's share of the rent",
        "which one of them is more expensive?",
    ],
)
def test_an_amount_of_what_the_user_did_or_has_goes_to_the_calculator(
    description: str,
) -> None:
    assert [s.capability for s in plan(description).steps] == ["calculation"]


def test_a_named_text_not_given_goes_to_the_summariser_which_refuses() -> None:
    # Writing would make a report up; the summariser says there is no text.
    assert [s.capability for s in plan("summarise the memo").steps] == ["summarization"]
    assert [s.capability for s in plan("write a report on tides").steps] == ["writing"]


def test_what_a_given_text_is_about_is_a_summary() -> None:
    result = plan("what's this letter about? 'Dear Sam, the rent goes up in May. Regards, Jo'")
    assert [s.capability for s in result.steps] == ["summarization"]


def test_an_amount_read_off_something_asked_in_another_unit_is_a_calculation() -> None:
    result = plan("the scale says 3 kg, what's that in pounds?")
    assert [s.capability for s in result.steps] == ["calculation"]


def test_a_question_to_find_out_is_research_whatever_words_it_shares() -> None:
    result = plan("find out what the main topics of the summit were")
    assert [s.capability for s in result.steps] == ["research"]


def test_a_unit_follow_up_closed_by_then_converts_the_earlier_amount() -> None:
    result = plan("in ounces then?", history=("convert 2 kg to pounds",))
    assert [s.capability for s in result.steps] == ["conversion"]
    assert "2 kg" in result.steps[0].instruction


def test_classifying_a_given_text_is_its_sentiment() -> None:
    result = plan("classify this: 'The room was cold and the staff ignored us'")
    assert [s.capability for s in result.steps] == ["sentiment"]


def test_an_amount_only_the_user_knows_goes_to_no_text_skill() -> None:
    # "steps" and "walk" may match a text skill's card; the question is no text to judge.
    result = plan("how many steps did I walk yesterday")
    assert [s.capability for s in result.steps] == ["calculation"]


def test_arithmetic_words_below_a_table_work_on_its_columns() -> None:
    # "add up" matches the calculator's card; with no number of its own, the clause works on
    # the table, which the statistics skill reads.
    table = "| item | cost |\n|---|---|\n| rent | 300 |\n| food | 250 |"
    result = plan(f"{table}\nwhat do these add up to?")
    assert [s.capability for s in result.steps] == ["statistics"]


@pytest.mark.parametrize("task", ["what is twice that", "that squared?", "and half of it"])
def test_arithmetic_on_a_value_pointed_at_is_the_calculators(task: str) -> None:
    # With nothing before, the calculator says what it misses; research would make it up.
    assert [s.capability for s in plan(task).steps] == ["calculation"]


@pytest.mark.parametrize(
    ("task", "capability"),
    [
        # A measure of the user's own life: only numbers the user gives can answer it.
        ("how long did I sleep last night?", "calculation"),
        ("how far is it from my house to work?", "calculation"),
        ("how much did the heating cost us last winter", "calculation"),
        # Advice asked about the user's own things is a question for research.
        ("how often should we water our plants", "research"),
        ("how many hours of sleep does my baby need", "research"),
        ("what do i need to get a passport", "research"),
        ("how many calories in a glass of wine", "research"),
        ("which country won the most medals in 2012", "research"),
    ],
)
def test_a_measure_of_the_users_own_life_is_not_researched(task: str, capability: str) -> None:
    assert [s.capability for s in plan(task).steps] == [capability]


def test_arithmetic_after_a_unit_conversion_is_the_calculators() -> None:
    result = plan("convert 4 kg to pounds and then halve it")
    assert shape(result)[1] == ("calculation", ["s1"])


def test_a_clause_read_whole_as_arithmetic_goes_to_the_calculator() -> None:
    # Its words share more with the research agent's card than the calculator's.
    assert shape(plan("split 90 3 ways")) == [("calculation", [])]
    assert shape(plan("Give me 3 tips for better sleep"))[0][0] != "calculation"
    # Numbers said in words count as numbers; "negative" is their sign, not an opinion.
    assert shape(plan("negative nine times six")) == [("calculation", [])]


@pytest.mark.parametrize(
    "description",
    [
        'a csv version of this: [{"a": 1, "b": 2}]',
        'csv please: [{"a": 1, "b": 2}]',
        "json version please: a,b\n1,2\n3,4",
        "make it comma separated\n| a | b |\n|---|---|\n| 1 | 2 |",
        "replace the semicolons with commas:\na;b\n1;2\n3;4",
        "can I get this as plain json\na,b\n1,2",
    ],
)
def test_a_format_named_before_a_table_is_a_conversion(description: str) -> None:
    assert shape(plan(description)) == [("conversion", [])]


def test_arithmetic_without_a_verb_is_a_request_not_context() -> None:
    result = plan("3 times 45, then add 5")
    assert shape(result) == [("calculation", []), ("calculation", ["s1"])]


def test_a_new_quote_after_a_request_with_no_text_is_planned_on_its_own() -> None:
    result = plan("check 'the food was fine'", history=("what's 5 + 5",))
    assert result.steps[0].instruction.startswith("Check 'the food was fine'")


def test_a_summary_of_a_review_is_a_summary() -> None:
    # "review" is the sentiment skill's word, but a summary is what is asked of it.
    result = plan("give me a summary of this review: 'Slow start. Great ending. Worth it.'")
    assert shape(result) == [("summarization", [])]


def test_a_plus_between_words_joins_two_asks() -> None:
    result = plan("keywords + a summary please: 'Bees pollinate crops. Bees make honey.'")
    assert sorted(c for c, _ in shape(result)) == ["keywords", "summarization"]
    # Between numbers it stays arithmetic.
    assert shape(plan("what's 3 + 4")) == [("calculation", [])]


def test_a_length_is_no_subject_of_its_own() -> None:
    # "300-word" is the piece's form: the essay is about what was researched.
    result = plan("research the causes of inflation and write a 300-word essay for my class")
    assert shape(result) == [("research", []), ("writing", ["s1"])]


@pytest.mark.parametrize(
    ("previous", "follow_up", "expected"),
    [
        # A share of the value found just before.
        ("what's 60 times 5", "right, now take 10% of that", "10% of the result of step s1"),
        # "hmm", and "what if it's": the same request with a new percentage.
        ("what's 30% of 90?", "hmm, what if it's 40 percent", "40 percent of 90"),
    ],
)
def test_arithmetic_follow_ups_with_fillers(previous: str, follow_up: str, expected: str) -> None:
    result = plan(follow_up, history=(previous,))
    assert expected in " ".join(s.instruction for s in result.steps)


def test_a_share_of_it_after_a_share_is_not_guessed() -> None:
    # Of 360, or of the 90 found? Planned alone, the request is refused for want of a value.
    result = plan("and 40 percent of it?", history=("What's 25% of 360?",))
    assert all("360" not in s.instruction for s in result.steps)


def test_a_figure_asked_after_another_is_of_the_same_values() -> None:
    result = plan("what's the average of 3, 9, 12? and give me the median")
    assert shape(result) == [("statistics", []), ("statistics", ["s1"])]
    assert "Use the values of step s1" in result.steps[1].instruction
    # Arithmetic on the earlier figure is on its result.
    doubled = plan("sum these: 2, 4, 6. Then double it")
    assert "the result of step s1" in doubled.steps[1].instruction


def test_arithmetic_after_a_figure_of_a_table_works_on_the_figure() -> None:
    result = plan("total the amount column, then subtract 10% discount:\nid,amount\n1,30\n2,70")
    assert shape(result) == [("statistics", []), ("calculation", ["s1"])]
    assert "id,amount" not in result.steps[1].instruction


def test_arithmetic_on_a_computed_result_is_no_text_to_judge() -> None:
    # "people" is a word of the sentiment skill's card; the result before is a number.
    result = plan("add 45, 30 and 25 and split it among 4 people")
    assert shape(result) == [("calculation", []), ("calculation", ["s1"])]


def test_whether_a_quote_is_sarcastic_is_asked_of_the_sentiment_skill() -> None:
    result = plan("is this sarcastic: 'Great, my flight got cancelled again.'")
    assert shape(result) == [("sentiment", [])]
    # Sarcasm as a subject, or as a style to write in, is not.
    assert shape(plan("write a sarcastic tweet about mondays")) == [("writing", [])]


@pytest.mark.parametrize(
    "description",
    [
        "seven to the third",
        "nine hundred shared out twelve ways",
        "the pasta needs 300 g for 4 people and we are 6, how much pasta is that",
        "a parcel weighs 9 stone, how many kg is that",
        "3,480 visitors came, round that to the nearest hundred for the poster",
    ],
)
def test_a_quantity_asked_of_numbers_given_goes_to_the_calculator(description: str) -> None:
    # Words of the research or writing cards ("poster", "people") do not make it theirs:
    # the calculator answers or refuses; a general agent would make a figure up.
    assert [c for c, _ in shape(plan(description))] in (["calculation"], ["statistics"])


@pytest.mark.parametrize(
    "description",
    [
        "how many moons does jupiter have",
        "how many people died in the 1918 flu",
        # "people" is no word of the sentiment card's: the tag "how people feel" made it one.
        "how many people live in tokyo",
    ],
)
def test_a_quantity_to_look_up_stays_research(description: str) -> None:
    assert [c for c, _ in shape(plan(description))] == ["research"]


def test_what_happened_told_in_one_breath_is_not_two_asks() -> None:
    result = plan("we paid 60 and got 20% back, how much did we get back")
    assert [c for c, _ in shape(result)] == ["calculation"]


@pytest.mark.parametrize(
    "description",
    [
        "how does this email from my landlord read: 'Rent is due. Late fees apply.'",
        "what's the mood of this race report: 'We ran well and won by a mile.'",
    ],
)
def test_how_a_quoted_message_reads_is_its_tone(description: str) -> None:
    assert shape(plan(description)) == [("sentiment", [])]
    # A report to write is still the writer's.
    assert shape(plan("write a race report about sunday's 10k")) == [("writing", [])]


@pytest.mark.parametrize(
    ("description", "expected"),
    [
        # "6 year olds", "a 5-day plan", "my first 5k" say what is meant; nothing to compute.
        ("look into how much sleep 6 year olds need", ["research"]),
        ("put together a 5-day workout plan for a beginner", ["research"]),
        ("read up on running a first 5k, then turn it into a 4-week plan", ["research", "writing"]),
        # As an operand, the same number is arithmetic.
        ("how many hours are in a 5-day week", ["calculation"]),
    ],
)
def test_a_number_that_says_what_is_meant_is_no_operand(
    description: str, expected: list[str]
) -> None:
    assert [c for c, _ in shape(plan(description))] == expected


def test_boiled_down_is_a_summary_of_the_quote() -> None:
    # The apostrophe of "players'" is no quote mark; the quote after the colon is the text.
    text = "boil this down for the players' chat: 'Kick-off is at 2. Bring boots. Be early.'"
    assert shape(plan(text)) == [("summarization", [])]


@pytest.mark.parametrize("follow_up", ["could the ending be happier", "make the title punchier"])
def test_a_change_to_a_part_of_the_piece_stays_with_the_writer(follow_up: str) -> None:
    result = plan(follow_up, history=("write a story about a lighthouse",))
    assert shape(result) == [("writing", [])]
    assert "lighthouse" in result.steps[0].instruction


@pytest.mark.parametrize(
    ("previous", "follow_up", "expected"),
    [
        ("how much is a 10% tip on 60", "ok make it 20% instead", "20% tip on 60"),
        # One unit said two ways: "ft" for "feet".
        ("4 feet in cm", "what about 7 ft then", "7 ft in cm"),
        # One amount said in two units, for the amount in the larger one.
        ("15 stone in kg", "and 12 st 4 lb?", "12 stone 4 lb in kg"),
        ("convert 11 stone to kg", "what about 9 st 10 lbs?", "9 stone 10 lbs to kg"),
        ("convert 2 hours to minutes", "and 3 hours 20 minutes?", "3 hours 20 minutes to"),
    ],
)
def test_a_new_quantity_said_another_way(previous: str, follow_up: str, expected: str) -> None:
    result = plan(follow_up, history=(previous,))
    assert expected in result.steps[0].instruction


@pytest.mark.parametrize(
    ("previous", "follow_up", "expected"),
    [
        (
            "how long to drive 210 miles at 60 mph",
            "what if i only average 50",
            "210 miles at 50 mph",
        ),
        ("how long to cycle 45 km at 18 km/h", "so what if i only manage 15", "45 km at 15 km/h"),
        ("how long to drive 280 miles at 56 mph", "what if we drive at 70 instead?", "at 70 mph"),
    ],
)
def test_a_journey_at_another_speed(previous: str, follow_up: str, expected: str) -> None:
    result = plan(follow_up, history=(previous,))
    assert expected in result.steps[0].instruction


def test_a_journey_at_a_speed_in_another_unit_is_not_swapped() -> None:
    result = plan(
        "what if i only average 50 km/h", history=("how long to drive 210 miles at 60 mph",)
    )
    assert "210 miles" not in result.steps[0].instruction


@pytest.mark.parametrize(
    ("previous", "follow_up"),
    [
        (
            "floor tiles are 24.50 per m² and the floor is 12 m², how much",
            "and with 10% extra for cuts?",
        ),
        ("what's 40 times 12", "and add 5% on top?"),
        ("what's 40 times 12", "plus 15% for waste"),
        # A tax named after the share: added as the share is.
        ("what's 40 times 12", "and with 20% vat"),
        ("add up 45, 12 and 30", "and with 15% tax"),
    ],
)
def test_a_share_extra_is_added_to_the_earlier_answer(previous: str, follow_up: str) -> None:
    result = plan(follow_up, history=(previous,))
    assert len(result.steps) == 2
    assert result.steps[1].instruction.startswith("Add ")
    assert "% to the result of step s1" in result.steps[1].instruction


@pytest.mark.parametrize(
    ("follow_up", "figure"), [("and the largest one?", "largest"), ("now the greatest", "greatest")]
)
def test_a_figure_said_of_one_of_the_numbers_follows_up_the_numbers(
    follow_up: str, figure: str
) -> None:
    result = plan(follow_up, history=("add up 12, 30 and 7",))
    assert shape(result) == [("statistics", [])]
    assert f"{figure} of 12, 30 and 7" in result.steps[0].instruction


@pytest.mark.parametrize(
    ("follow_up", "change"),
    [
        ("hmm too formal", "less formal"),
        ("way too long, tone it down a bit", "a bit softer"),
        ("can you jazz it up", "livelier"),
        ("too gloomy, make it happier", "happier"),
    ],
)
def test_a_complaint_or_a_phrasal_change_revises_the_piece(follow_up: str, change: str) -> None:
    result = plan(follow_up, history=("write a thank-you note to my neighbour",))
    assert shape(result) == [("writing", [])]
    instruction = result.steps[0].instruction
    assert "thank-you note" in instruction and change in instruction


def test_a_complaint_is_no_revision_of_arithmetic() -> None:
    result = plan("too high", history=("what's 15% of 80",))
    assert "15%" not in result.steps[0].instruction


@pytest.mark.parametrize(
    "description",
    [
        "my suitcase weighed 23 kg at the airport. pounds?",
        "the oven dial says 180°C — fahrenheit?",
        "passport says 6'1\", in centimetres?",
    ],
)
def test_a_unit_asked_alone_of_an_amount_in_another_unit_is_a_conversion(
    description: str,
) -> None:
    assert shape(plan(description)) == [("calculation", [])]


@pytest.mark.parametrize(
    ("description", "expected"),
    [
        ("is this kind? 'I saved you a seat.'", "sentiment"),
        ("would you say this is a nice thing to write? 'Your garden looks lovely.'", "sentiment"),
        # Whether a text is so in fact is no tone.
        ("is this accurate? 'The Nile is the longest river.'", "research"),
    ],
)
def test_a_yes_or_no_question_of_a_quote_in_a_word_of_opinion_is_its_tone(
    description: str, expected: str
) -> None:
    assert shape(plan(description)) == [(expected, [])]


def test_a_summary_for_a_newsletter_is_a_summary_of_the_text() -> None:
    text = "sum it up for the parish newsletter: 'The fete raised 900 pounds. Thanks to all.'"
    assert shape(plan(text)) == [("summarization", [])]


@pytest.mark.parametrize(
    "description", ["give me a punny name for my bakery", "tell me a joke about penguins"]
)
def test_playful_short_pieces_are_written(description: str) -> None:
    assert shape(plan(description)) == [("writing", [])]


def test_a_quantity_asked_of_what_was_found_is_arithmetic() -> None:
    text = (
        "look up the heights of Everest and K2, then tell me which is taller and by how many metres"
    )
    assert shape(plan(text)) == [("research", []), ("calculation", ["s1"])]


@pytest.mark.parametrize(
    "description",
    [
        "the target is 10000 steps and i've walked 6,420. how many more to go",
        "the essay can be 1500 words; i've written 1,120. how many words left",
    ],
)
def test_what_remains_of_numbers_stated_is_arithmetic(description: str) -> None:
    assert shape(plan(description)) == [("calculation", [])]


@pytest.mark.parametrize(
    "description",
    [
        "how long would it take me to cycle to the coast",
        "how much did that gym session burn, roughly?",
    ],
)
def test_the_users_own_measures_go_to_the_calculator(description: str) -> None:
    # The calculator refuses for want of numbers; a general agent would make one up.
    assert shape(plan(description)) == [("calculation", [])]


def test_a_unit_asked_after_a_statement_of_the_amount_is_one_conversion() -> None:
    # "in km please" alone asks; the statement before it is its amount.
    result = plan("my commute is 9.5 miles. in km please")
    assert shape(result) == [("calculation", [])]
    assert "9.5 miles" in result.steps[0].instruction


def test_convert_that_to_a_unit_is_arithmetic_on_the_amount_stated() -> None:
    assert shape(plan("the box is 12 lb, convert that to kg")) == [("calculation", [])]


def test_a_format_wanted_of_a_table_in_the_converters_words_is_a_conversion() -> None:
    text = "i want it comma separated please\nname\tage\nAna\t31\nBo\t27"
    assert shape(plan(text)) == [("conversion", [])]


def test_this_alone_points_at_the_text_a_later_clause_gives() -> None:
    text = "shorten this to one line then tell me if it sounds cross: 'Late again. Fix it.'"
    result = plan(text)
    assert shape(result) == [("summarization", []), ("sentiment", ["s1"])]
    assert "'Late again. Fix it.'" in result.steps[0].instruction


def test_a_decade_is_no_operand() -> None:
    text = "find some tips on taking up running in your 50s and write a short guide"
    assert shape(plan(text)) == [("research", []), ("writing", ["s1"])]


def test_a_figure_to_look_up_is_research() -> None:
    text = "look up the median age in Japan and in Italy, then work out the difference"
    assert shape(plan(text))[0][0] == "research"


@pytest.mark.parametrize(
    ("description", "expected"),
    [
        # A temperature's scale as a letter after the number.
        ("the bath water is 38 C. what is that in fahrenheit", "calculation"),
        # A topic and a colon, numbers stated, then the question of them.
        ("party: 45 kids, 6 per car. how many cars do we need", "calculation"),
        # A figure of numbers said in words.
        ("which is smallest: forty, fourteen or four hundred", "statistics"),
        # A quote after a colon, then the ask of it.
        ("feedback on my stall: 'cheap and cheerful' what's the vibe", "sentiment"),
        ("my boss's email: 'See me at five.' — tone?", "sentiment"),
        ("the gist of this memo? 'The meeting moved to three. Bring laptops.'", "summarization"),
        # A message named, not given: the skill of its kind, which says it is missing.
        ("is my dad's text passive aggressive?", "sentiment"),
        ("summarize the report my manager forwarded", "summarization"),
        # The user's own case, which only the user's numbers settle.
        ("which of my invoices took the longest", "calculation"),
        ("how much grout do i need for my bathroom", "calculation"),
        ("what mark do i need in the exam to get a B", "calculation"),
        ("how many hours behind me is new york", "calculation"),
        ("about how many calories were in the burger i just ate", "calculation"),
    ],
)
def test_after_batch_16(description: str, expected: str) -> None:
    assert shape(plan(description)) == [(expected, [])]


def test_a_change_then_why_revises_the_piece_and_keeps_the_why() -> None:
    result = plan(
        "make it shorter, they won't read a long one", history=("write a memo on parking",)
    )
    assert shape(result) == [("writing", [])]
    instruction = result.steps[0].instruction
    assert "parking" in instruction and "shorter" in instruction and "long one" in instruction


def test_the_one_someone_sent_is_the_same_ask_of_a_text_not_given() -> None:
    result = plan("now the one my friend sent", history=("sentiment of 'great gig'",))
    assert shape(result) == [("sentiment", [])]
    assert "great gig" not in result.steps[0].instruction


@pytest.mark.parametrize(
    ("description", "expected"),
    [
        # "commute" is a word of its own, no slip for "compute".
        ("weigh up e-bikes against buses for a 5 mile commute", "analysis"),
        # A time of day is no operand.
        ("an announcement that the gym opens at 6am now", "writing"),
        # A unit asked of an amount stated before, in other words.
        ("i swam 1500 m this morning... how many miles is that", "calculation"),
        ("the tank holds 30 US gallons. litres?", "calculation"),
    ],
)
def test_after_batch_16_more(description: str, expected: str) -> None:
    assert shape(plan(description)) == [(expected, [])]


def test_a_question_after_a_comma_makes_its_sentence_the_ask() -> None:
    text = "paint covers 12 square metres a litre. we have 3 walls of 10, how many litres"
    result = plan(text)
    assert len(result.steps) == 1
    assert "Task: We have 3 walls of 10, how many litres" in result.steps[0].instruction


@pytest.mark.parametrize(
    ("description", "expected"),
    [
        # A few words after the quote are what is asked of it, not more text.
        (
            "course evaluation comment: 'Labs were fun, marking was slow.' sentiment pls",
            "sentiment",
        ),
        (
            "office message: 'The lift is out until Friday.' positive, negative or neutral",
            "sentiment",
        ),
        # With the text given, "letter", "post", "newsletter" name it: what is asked decides.
        (
            "note from my neighbour: 'Your hedge is blocking the path again.' how cross is it",
            "sentiment",
        ),
        (
            "gist of this from the church newsletter? 'Choir moves to Tuesday. Tea follows.'",
            "summarization",
        ),
        (
            "what's this blog post about in keywords: 'Solar panels cut bills. Solar needs sun.'",
            "keywords",
        ),
        # A yes-or-no question of the text after saying what the text is.
        ("text from my boss, is it rude? 'Come to my office at 9.'", "sentiment"),
        # A piece to make from the text stays writing.
        ("email from a parent, draft a reply: 'Can Sam leave early on Friday?'", "writing"),
    ],
)
def test_a_text_given_is_judged_not_written(description: str, expected: str) -> None:
    assert shape(plan(description)) == [(expected, [])]


@pytest.mark.parametrize(
    ("description", "expected"),
    [
        # A thing of the user's own doing: the calculator, which says what it misses.
        ("how much salt is in the bread we baked on sunday", [("calculation", [])]),
        # A figure of today is found, then computed on.
        (
            "find the latest price of heating oil per litre, then work out 900 litres",
            [("research", []), ("calculation", ["s1"])],
        ),
        # "the next" is no order of steps; "separately" opens a request of its own.
        (
            "look up when the next total lunar eclipse is, and separately work out 12 times 31",
            [("research", []), ("calculation", [])],
        ),
        # Rules are looked up; a trader trades nothing off.
        ("what are the rules for vat registration as a sole trader", [("research", [])]),
    ],
)
def test_after_batch_17(description: str, expected: list[tuple[str, list[str]]]) -> None:
    assert shape(plan(description)) == expected


@pytest.mark.parametrize(
    ("description", "expected"),
    [
        # A ratio asked in its short name, of the amounts given, is arithmetic.
        ("my deadlift is 180 kg and i weigh 80 kg, what's my kg/bw", [("calculation", [])]),
        # Amounts in rupees or yen are a list of numbers like any other.
        ("sales: ₹2,10,000, ₹1,80,500, ₹1,95,000 — what's the average?", [("statistics", [])]),
        # A reader of four words is whom the piece is for, not its topic.
        (
            "research two budget apps, compare them and write advice for a first time home buyer",
            [("research", []), ("analysis", ["s1"]), ("writing", ["s2"])],
        ),
        # More words put into the piece are the same piece.
        ("write a poem about rain and add a line about umbrellas", [("writing", [])]),
    ],
)
def test_after_batch_17_more(description: str, expected: list[tuple[str, list[str]]]) -> None:
    assert shape(plan(description)) == expected


@pytest.mark.parametrize(
    "follow_up",
    [
        "make it funnier and add a line about my dog",
        "add a line about my dog",
        "and mention my dog",
    ],
)
def test_a_follow_up_adds_to_the_piece_before(follow_up: str) -> None:
    result = plan(follow_up, history=("write a bio for my podcast about birds",))
    assert shape(result) == [("writing", [])]
    assert "podcast" in result.steps[0].instruction and "dog" in result.steps[0].instruction


def test_adding_numbers_up_after_a_piece_is_no_addition_to_it() -> None:
    result = plan("now add those up", history=("write a haiku about the sea",))
    assert "haiku" not in result.steps[0].instruction


def test_a_figure_in_another_unit_after_a_figure_is_arithmetic() -> None:
    result = plan("average of my swims in yards 800, 1200, 1000 then convert that average to m")
    assert shape(result) == [("statistics", []), ("calculation", ["s1"])]


def test_a_qualified_figure_follows_up_on_the_same_numbers() -> None:
    result = plan("and the population variance", history=("median of 4, 8, 15",))
    assert shape(result) == [("statistics", [])]
    assert "population variance of 4, 8, 15" in result.steps[0].instruction.lower()


@pytest.mark.parametrize(
    ("previous", "follow_up", "expected"),
    [
        # A figure shortened ("sd", "std dev"), said by its full name.
        ("weekly km 212 185 240 198 226 - mean?", "and the sample sd",
         "212 185 240 198 226 - sample standard deviation"),
        ("test marks 67, 72, 81, 59, 90 average?", "and the std dev?",
         "67, 72, 81, 59, 90 standard deviation"),
        # The mode said in words, of a noun any list of values is of.
        ("goals per game 3 1 4 0 2 5 2 1 3 2, mean?", "whats the most common score",
         "3 1 4 0 2 5 2 1 3 2, most common"),
        ("dice rolls 3 6 2 6 1 6 4, whats the median", "most common number?",
         "3 6 2 6 1 6 4, what's the most common"),
    ],
)  # fmt: skip
def test_a_short_or_worded_figure_follows_up_on_the_same_numbers(
    previous: str, follow_up: str, expected: str
) -> None:
    # they were planned as research of the follow-up's words alone
    result = plan(follow_up, history=(previous,))
    assert shape(result) == [("statistics", [])]
    assert expected in result.steps[0].instruction


@pytest.mark.parametrize(
    ("previous", "follow_up", "expected"),
    [
        ("gel mani is £28, how much is 15% off for new clients",
         "and whats the price after that discount", "£28, less 15%"),
        ("jacket is $65 and theres a 20% discount, how much do i save",
         "so what do i pay with the discount?", "$65 less 20%"),
        ("what's 12.5% off 1,240", "discounted price?", "1,240 less 12.5%"),
    ],
)  # fmt: skip
def test_the_price_after_the_earlier_discount_is_the_amount_less_it(
    previous: str, follow_up: str, expected: str
) -> None:
    result = plan(follow_up, history=(previous,))
    assert shape(result) == [("calculation", [])]
    assert expected in result.steps[0].instruction


@pytest.mark.parametrize(
    "previous",
    [
        # Which amount the discount is of, or which discount, is not said.
        "3 tickets at £28 each, 15% off, how much off",
        "£40 with 10% off, then 5% loyalty discount, saving?",
        # No discount before.
        "what is 15% of 80",
    ],
)
def test_the_price_after_a_discount_not_said_once_is_not_guessed(previous: str) -> None:
    with pytest.raises(PlannerError):
        plan("and the price after the discount", history=(previous,))


@pytest.mark.parametrize(
    "description",
    [
        # Numbers apart by spaces alone, then the question of them.
        "goals per match this season: 2 0 1 3 1 1. which comes up most often",
        # Figures named alone after the numbers are the ask of them.
        "miles i ran each day: 3.5, 5, 2, 6. mean and median pls",
        # ... with a slip of the keys in a figure's name.
        "miles i ran each day: 3.5, 5, 2, 6. avrage and meidan",
        # The extremes named by superlatives.
        "fitted flooring quotes per m2: 38.50, 42, 35.75, 46.20 - cheapest and dearest",
        "quotes 38.50, 42, 35.75, 46.20. lowest and highest",
        # ... and named with the items they are.
        "rainfall in mm\n12\n30.5\n7\nsmallest and biggest number",
        "quotes 38.50, 42, 35.75, 46.20. the lowest value",
    ],
)
def test_numbers_stated_then_asked_of_are_one_step_on_them(description: str) -> None:
    result = plan(description)
    assert shape(result) == [("statistics", [])]
    assert result.steps[0].instruction.startswith("Context:")


@pytest.mark.parametrize(
    ("description", "expected"),
    [
        # Questions counted are items of a piece to make.
        ("make a 12 question quiz on volcanoes for my class", "writing"),
        # A measure of the user's own, whatever piece it names, is no piece to make.
        ("what was my mark on the last quiz?", "calculation"),
        # A piece's name labelling numbers given is no piece to write.
        ("spelling quiz scores: 7, 9, 10, 6. mean please", "statistics"),
    ],
)
def test_a_quiz_made_counted_or_scored(description: str, expected: str) -> None:
    assert shape(plan(description)) == [(expected, [])]


@pytest.mark.parametrize(
    ("follow_up", "previous", "expected"),
    [
        # An amount said of whom it is ("a 30 kg dog") takes the place of the same unit's.
        ("and for a 30 kg dog?", "dose is 5 mg/kg, the dog is 12 kg, how many mg", "is 30 kg"),
        # "on" an amount, beside a percentage: the one number that is no percentage.
        ("and on 2,450?", "add 12% tax to 300", "12% tax to 2,450"),
    ],
)
def test_a_new_amount_takes_the_place_of_its_like(
    follow_up: str, previous: str, expected: str
) -> None:
    result = plan(follow_up, history=(previous,))
    assert expected in result.steps[0].instruction


@pytest.mark.parametrize(
    ("description", "expected"),
    [
        # A message's header is no request, and its colons give no text to work on.
        (
            "---------- Forwarded message ---------\nFrom: Ann <ann@example.org>\n"
            "Subject: Minutes\n\n'The hall is booked for May. Tea is at four.'\n\nsummarise this",
            [("summarization", [])],
        ),
        # Lines of an invoice state amounts; what is still owed of them is arithmetic.
        (
            "Total due: £820.00.\nPaid so far: £300.00.\n\ncan you say what's still outstanding",
            [("calculation", [])],
        ),
        # A message stated apart, and how it reads.
        (
            "how does this read?\n\nHi team,\nThe office closes early on Friday.",
            [("sentiment", [])],
        ),
    ],
)
def test_messages_pasted_whole(description: str, expected: list[tuple[str, list[str]]]) -> None:
    result = plan(description)
    assert shape(result) == expected
    assert "From:" not in result.steps[0].instruction


@pytest.mark.parametrize(
    ("description", "expected"),
    [
        # A text said to be written or posted by someone is given, not to write.
        ("my aunt wrote 'The flowers you sent were gorgeous.' sentiment pls", [("sentiment", [])]),
        (
            "someone posted about our bakery 'Bread was stale again.' how bad is it",
            [("sentiment", [])],
        ),
        # "boil this down" asks, then what is asked of its result.
        (
            "boil this down to one sentence then tell me if it reads upbeat: 'The fete raised 900. "
            "Everyone loved the dog show.'",
            [("summarization", []), ("sentiment", ["s1"])],
        ),
        # A piece of so many words is form, not a subject: it uses what was gathered.
        (
            "gather what you can on the history of our village hall and write a 200 word piece",
            [("research", []), ("writing", ["s1"])],
        ),
        # A contract named, not given: the summariser says it is missing.
        ("summarise the lease the landlord emailed me", [("summarization", [])]),
        # Thousands said with k.
        ("sold prices on our road this year: 250k, 270k, 262k — median?", [("statistics", [])]),
        # A quote for a job with its numbers and what to do with them is no text to summarise.
        (
            "quote for a job: 4 hrs at £40/hr plus parts 60, add those up then add 20% vat",
            [("calculation", []), ("calculation", ["s1"])],
        ),
        # A quantity asked in a unit, of amounts given.
        ("forecast says gusts of 30 knots, what's that in km/h", [("calculation", [])]),
        (
            "sparky question - 12 V across a 4 ohm element, what current in amps",
            [("calculation", [])],
        ),
    ],
)
def test_after_batch_18(description: str, expected: list[tuple[str, list[str]]]) -> None:
    assert shape(plan(description)) == expected


def test_a_change_and_an_addition_after_a_piece_are_the_same_piece() -> None:
    result = plan(
        "make it shorter and mention the bake sale", history=("write a school newsletter intro",)
    )
    assert shape(result) == [("writing", [])]


def test_a_piece_to_write_that_names_hours_is_still_writing() -> None:
    result = plan("write a job ad for a part time barista, 16 hrs a week, weekends included")
    assert shape(result) == [("writing", [])]


def test_a_figure_of_today_for_a_group_named_by_number_is_looked_up() -> None:
    result = plan("look up the current minimum wage for under 18s and then work out a 20 hour week")
    assert shape(result) == [("research", []), ("calculation", ["s1"])]


def test_an_addition_to_a_piece_that_names_numbers() -> None:
    result = plan(
        "add a quote from our coach, her name is Mia Lund",
        history=("write a press release about our club's 5k fun run",),
    )
    assert {s.capability for s in result.steps} == {"writing"}
    assert "5k" in result.steps[0].instruction and "Mia Lund" in result.steps[-1].instruction


@pytest.mark.parametrize(
    ("description", "expected"),
    [
        # A message given with only what it is, nothing asked: how it reads.
        ("note from the plumber: 'Boiler fixed, all working now.'", "sentiment"),
        # A question of a quote is no message pasted alone.
        ("is this true: 'the great wall is visible from space'", "research"),
    ],
)
def test_a_message_pasted_with_nothing_asked(description: str, expected: str) -> None:
    assert shape(plan(description)) == [(expected, [])]


# --- requests of a shape the planner does not know ------------------------------------


@pytest.mark.parametrize(
    ("description", "why"),
    [
        # The user's text, with nothing asked of it that a skill's words name.
        (
            "my gran's birthday card: 'Eighty years young and still beating everyone at "
            "bingo.' thoughts?",
            "gives a text or data",
        ),
        # A text of the user's, named and not given.
        ("which of my invoices is overdue", "names a text of yours"),
        ("the contract the agency sent over - anything dodgy?", "names a text of yours"),
        ("what does my tenancy agreement say about pets", "names a text of yours"),
        # A reading of where the user is, now.
        ("what's the temperature outside right now in fahrenheit", "where you are, now"),
        # A live reading, of a place named too.
        ("what's the temperature in edinburgh right now in fahrenheit", "a live reading"),
        ("how cold is it in oslo at the moment", "a live reading"),
        # Arithmetic on a price never given.
        ("what's half price on the jacket", "a price it does not give"),
        ("how much is double the cost of the tickets", "a price it does not give"),
        # A figure of the user's own affairs, with none of its figures.
        ("what does my commute cost me a year", "figure of your own affairs"),
        ("what do i need to get on the final to pass the module", "figure of your own affairs"),
        # What a serving of something measures depends on the thing.
        ("how many grams is a cup of rice", "a serving of something"),
        # A figure worked out of none of its numbers.
        ("work out the vat on the quote", "none of its numbers"),
        # The user's own day, and someone close to them.
        ("which stall made the most at the fete on saturday", "your own things"),
        ("so how many days has he missed", "your own things"),
        ("how many days has it been broken now", "your own things"),
        # How much a space of the user's takes, with none of its measurements.
        ("how many tins of paint for the hallway", "a space of yours"),
        ("what will the petrol cost to get to my mum's", "figure of your own affairs"),
        ("how much stamp duty will i pay on a 400k house", "figure of your own affairs"),
        ("how much should i be putting away each month for retirement", "your own affairs"),
        ("our fixed rate ends next month, what will the new payment be", "your own affairs"),
        ("how many miles until the car's next service", "figure of your own affairs"),
        ("is it cheaper to drive or get the train to leeds", "figure of your own affairs"),
        ("which month did we spend the most on takeaways", "your own things"),
        # A price in the future.
        ("what will petrol cost next month", "a price in the future"),
        ("how did the team take the announcement yesterday", "how someone came across"),
        # How someone came across, with nothing of what they said.
        ("did my boss sound annoyed in the meeting this morning", "how someone came across"),
        ("did they sound apologetic in their reply", "how someone came across"),
        # The weather where the user is, with no place named.
        (
            "will it rain enough tomorrow that i can skip watering the veg beds",
            "without saying where",
        ),
        ("is it going to snow tonight", "without saying where"),
        # A fare at a time to come, which only a live search could give.
        ("how much would it cost to fly to lisbon next friday", "a fare or price"),
        # What a thing of the user's needs, with none of its figures.
        ("knitting a jumper for my dad, how many balls of wool do i need", "how much you need"),
        # How long a text takes to read, with no text.
        ("how long will it take to read out", "without the text"),
        ("how much is a taxi from the station to mine", "a fare or price"),
        # A thing of the user's, with none of its figures.
        ("fuel gauge is on a quarter, how far can i get", "a thing of yours"),
        ("how much should i ask for it", "a thing of yours"),
        # A figure of the user's own affairs, or of a thing of theirs said with its owner,
        # with none of its figures: research would find no source.
        ("what will the plumber charge for our boiler service", "figure of your own affairs"),
        ("whats the going rate for a cleaner near me", "figure of your own affairs"),
        ("work out the school's profit on the summer fair", "figure of your own affairs"),
        ("how many guests are coming to the wedding", "figure of your own affairs"),
        # Where a price or a market is going.
        ("is the euro going to get weaker before we go", "where a price or a market"),
        ("will house prices go down", "where a price or a market"),
        # How long a text takes to say, asked in minutes; how people took what was sent.
        ("how many minutes would it take to read aloud", "without the text"),
        ("how did everyone react", "how someone came across"),
        # when a goal of the user's is met; how long a text takes, said with where
        ("when will we reach our savings goal", "figure of your own affairs"),
        ("how long will it take to say at the wedding", "without the text"),
        # a choice of the user's own, with none of its figures
        ("should we book the hotel or the airbnb", "your own choices"),
        # a change said in words, with no figure
        ("what if we go on a weekday", "no new figure"),
        # things as they are now: live prices, rankings and timetables
        ("which supermarket has the best prices at the moment", "as they are now"),
        ("whats diesel at the asda today", "as they are now"),
        ("when does the next bus to town leave", "as they are now"),
        ("who is top of the premier league", "as they are now"),
        # a figure of the user's own to set or to come, asked with "what X should/will i"
        ("what rent should we charge the lodger", "figure of your own affairs"),
        ("what hourly rate should i charge for tutoring", "figure of your own affairs"),
        # a figure to work out named with a word or two, none of its numbers
        ("work out the monthly fuel bill for the van", "work out a figure"),
        # how someone took it, said without "sound" or "seem"
        ("were they upset in the meeting", "how someone came across"),
        # ... which is no text to judge: its own "upset" or "happy" would be the answer
        ("was my boss upset in the meeting", "how someone came across"),
        ("is she happy with the quote", "how someone came across"),
        # a contest as it stands; the weather of a season where the user is; a choice of a
        # thing of theirs; when a thing of theirs is done
        ("who's leading the tour de france at the moment", "as they are now"),
        ("will my tomatoes ripen before the first frost this year", "without saying where"),
        ("should we pay off our car loan or keep the cash", "your own choices"),
        ("when will my student loan be paid off", "figure of your own affairs"),
        # which of two things had or bought is better, with no figures
        ("whats better, a heat pump or a new gas boiler", "which of two things"),
        ("what is best, an electric car or a hybrid", "which of two things"),
        # a price going now, a place open today, a schedule of theirs, a judgement of their
        # own affairs, a recommendation, how people or a customer came across
        ("whats a bag of coffee beans going for at the co-op right now", "as they are now"),
        ("is the swimming pool open today", "as they are now"),
        ("how many shifts is tom down for on the rota next week", "figure of your own affairs"),
        ("is it fair that i pay more of the bills than my flatmate", "judgement of your own"),
        ("whats the best flour for a sourdough loaf", "a recommendation"),
        ("are customers happy with our new menu", "how someone came across"),
        ("does the tenant sound like theyll renew", "how someone came across"),
        # a clause that only names figures, after the arithmetic that gives them
        (
            "parts cost me 86.40, i add 15% markup and then 20% vat on top of the marked up "
            "price. price with markup and price with vat",
            "names figures",
        ),
        # things as they are now: a surge price, a waiting list, how busy a place is
        ("whats the surge pricing on bolt in glasgow tonight", "as they are now"),
        ("how long is the waiting list for a gp in york at the moment", "as they are now"),
        ("how busy is the tip today", "as they are now"),
        # a forecast, wherever it is of
        ("is it going to be windy in whitby tomorrow", "weather forecast"),
        ("will there be snow in the lake district next week", "weather forecast"),
        # where a thing of the user's is, or when it comes
        ("where's our takeaway order", "only its tracking"),
        ("when will my refund arrive", "only its tracking"),
        # whether a medicine may be taken, in the user's own case
        ("can i take paracetamol with my antidepressants", "medical advice"),
        ("is it safe to drink alcohol on antibiotics", "medical advice"),
        # a change by a rate named and not given
        ("my pension rises in line with inflation, what will i get", "names but does not give"),
        ("service charge is going up by the rpi, whats the new charge", "names but does not give"),
        # the weather to come where the user is, asked as the wind or a temperature, or as a
        # judgement of the day's heat or cold
        ("what will the temperature be like for the bbq tomorrow", "without saying where"),
        ("whats the wind doing on sunday for the sail", "without saying where"),
        ("will it be too cold to take the baby out tonight", "without saying where"),
        ("is it warm enough to sit out this afternoon", "without saying where"),
        # ... and of a place named
        ("whats the wind going to be like in whitby on sunday", "weather forecast"),
        # what is in fashion, and what things cost, go for or sell for these days
        ("what colours are on trend this winter", "as they are now"),
        ("whats the most popular baby name this year", "as they are now"),
        ("what do electricians charge nowadays", "as they are now"),
        ("what does a new boiler fit cost these days", "as they are now"),
        # which of many things are worth one's while: a recommendation
        ("which walking boots are worth buying", "a recommendation"),
        ("what podcasts are worth listening to", "a recommendation"),
        # whether a thing pays in the user's own case, with none of its figures
        ("would an electric car be worth it for me", "pays in your own case"),
        ("is a heat pump worth the money for us", "pays in your own case"),
        # the user's own case: a thing, a pet, a body only someone who sees it can judge
        ("is my chimney safe to use this winter", "your own case"),
        ("are our gutters blocked", "your own case"),
        ("is this soap safe for my son's eczema", "your own case"),
        ("are these boots ok for my flat feet", "your own case"),
        ("why is my cat not eating since she came home", "your own case"),
        ("why does my car pull to the left", "your own case"),
        ("do i need glasses?", "your own case"),
        ("do we need planning permission for our extension", "your own case"),
        # a thing found on or in something of the user's; what a remedy will do for them
        ("is this lump on my heel anything serious", "your own case"),
        ("is the ash in my back garden going to come down in the next storm", "your own case"),
        ("will a sports massage fix my sciatica", "your own case"),
        ("would a dehumidifier sort out our damp", "your own case"),
        # a count from the user's own records of a recent day or season
        ("how many kids signed up for tap last september", "your own records"),
        ("how many people came to the open day last saturday", "your own records"),
        # what is to come: of the user's own affairs, a contest, a time to come
        ("will our new single get in the charts", "what is to come"),
        ("will i pass my driving test", "what is to come"),
        ("how busy will we be this bank holiday", "what is to come"),
        ("who will win the world snooker championship this year", "what is to come"),
        ("who's going to win the league", "what is to come"),
        ("will the river be too high to hire boats out this weekend", "what is to come"),
        ("what wedding dress styles are going to be in next year", "what is to come"),
        ("will it be warm enough to glamp in the lakes in april", "what is to come"),
        # a choice of taste; what buyers would pay for a thing described
        ("what font would look best on my bakery sign", "a recommendation"),
        ("which colour would go best with our grey sofa", "a recommendation"),
        ("what would an etsy buyer pay for a handmade leather journal", "what buyers would pay"),
        ("how much would a collector pay for a signed first edition", "what buyers would pay"),
        # prices now, said short; the weather tomorrow, said short; how news was taken
        ("how much are locksmiths charging for a lockout rn", "as they are now"),
        ("is it going to rain for the school run tmrw", "without saying where"),
        ("did the hirers take it well", "came across"),
        ("did my mum take the news badly", "came across"),
        # how a piece of the user's was received
        ("did folks react well to it", "came across"),
        ("did it go down well", "came across"),
        ("was it well received", "came across"),
        # whether a thing named suits a pet or a body of the user's
        ("is raw feeding safe for my dog with kidney problems", "your own case"),
        ("are grapes ok for our rabbit", "your own case"),
        ("is ibuprofen fine for my son's asthma", "your own case"),
        # someone else's decision to come, about the user
        ("will the vicar let us ring for the anniversary", "what is to come"),
        ("will my landlord let me keep a cat", "what is to come"),
        ("is the headteacher going to let us use the hall", "what is to come"),
        # what a thing is going to do or be like; a time named by what comes next
        ("what are hop prices going to do after next harvest", "what is to come"),
        ("what's the pound gonna do after the election", "what is to come"),
        ("whats the sea gonna be like at saltburn tomorrow", "what is to come"),
        ("how is the wedding going to go", "what is to come"),
        ("what will the barley price be after the next harvest", "what is to come"),
        # an opinion asked of the assistant
        ("is the old gaol actually haunted do u reckon", "an opinion"),
        ("d'you think the loch ness monster is real", "an opinion"),
        ("was the moon landing faked, what's your take", "an opinion"),
        # "do u think": a question of opinion, no "do me a poster"
        ("do u think he enjoyed the party", "an opinion"),
        ("do ya think they'll want the spare room", "an opinion"),
        # a day to come named without "on"; a time possessive; compared with the last
        ("will the surf be any good at polzeath sunday afternoon", "what is to come"),
        ("will the beach be busy friday evening", "what is to come"),
        ("will next years plums be bigger", "what is to come"),
        ("will the strawberries be sweeter than last summer", "what is to come"),
        # a decision to come whose words match a text skill's card
        ("will the council let our son stay in the school long term", "what is to come"),
        ("will the judge let my sister keep the house", "what is to come"),
        # how things will sell; how busy a place will be, with no time named
        ("which snacks will sell best in the new gym machine", "what is to come"),
        ("will the lavender candles sell well at the fair", "what is to come"),
        ("will town be dead", "what is to come"),
        ("is the beach going to be rammed", "what is to come"),
        # whether a thing of the user's own pays them, said with "worth me ...ing"
        ("is it worth me working new years eve or will town be dead", "pays in your own case"),
        ("is it worth our while opening on sundays", "pays in your own case"),
        # whether a thing done to a pet or a thing of the user's is good for it
        ("is it bad to wash my spaniel every week", "your own case"),
        ("is it ok to leave our rabbit out at night", "your own case"),
        # whether people liked a piece or an event of the user's, with nothing they said
        ("did people like it", "how someone came across"),
        ("did the kids enjoy our show", "how someone came across"),
    ],
)
def test_a_clause_of_a_shape_it_does_not_know_is_refused_not_guessed(
    description: str, why: str
) -> None:
    with pytest.raises(UnclearRequestError) as raised:
        plan_deterministic(description, BUILTIN, 8)
    assert why in str(raised.value)
    # The refusal quotes the part it did not understand, so the user knows what to rephrase
    # (with "whats" written "what's", as it was read).
    assert raised.value.part.split()[0] in with_apostrophes(description)


@pytest.mark.parametrize(
    "description",
    [
        # Advice on a body's needs is what sources give, first person or not.
        "how much water should I drink each day",
        # A figure of the world, no one's own.
        "how many people live in lisbon",
        # A choice that is no one's own; a question of what if, of the world.
        "should i learn python or javascript",
        "what if the moon disappeared",
        # the best way to do a thing today is advice, not a ranking of the moment
        "what's the best way to learn python today",
        # a ranking of all time is no standing of the moment
        "what is the best chess opening",
        # how a price is set, what a medicine is for, where an organ is, what an index is
        "how does surge pricing work",
        "what is ibuprofen used for",
        "where is my appendix",
        "what is cpi inflation",
        # facts of a thing, and whether it pays for nobody in particular, are looked up
        "what is a heat pump",
        "how do solar panels work",
        "history of the electric car",
        "is a phd worth it",
        # the research or analysis asked for in its own words
        "research whether solar panels are worth it on my house",
        # a judgement of heat or cold asked of no day, and why it is hot or cold
        "is it too hot to walk dogs",
        "why is it colder in winter",
        # a verb "wind", no weather; a popularity of all time
        "how do i wind down before my exam tomorrow",
        "what is the most popular colour in the world",
        # a rule of the world, and why a thing of nobody's own is as it is
        "do i need a visa for canada",
        "will i need a visa for japan",
        "why do cats stop eating",
        "what's the weather usually like in paris in may",
        # reactions of history, what a thing does, a suitability of nobody's own
        "did the public react well to the poll tax",
        "what will baking soda do to a stain",
        "is raw feeding safe for dogs",
        "is the old gaol haunted",
        # sales as known, not to come; a place's quiet asked of no time to come
        "which snacks sell best in vending machines",
        "why is the high street so quiet",
        # whether a thing pays for nobody in particular; a care of dogs in general
        "is it worth learning latin",
        "is it bad to wash dogs every week",
        # a reception of history, and of a thing of the world at a time named
        "did people like the poll tax",
        "did people like titanic when it came out",
    ],
)
def test_a_figure_of_the_world_is_researched_not_refused(description: str) -> None:
    plan = plan_deterministic(description, BUILTIN, 8)
    assert [s.capability for s in plan.steps] == ["research"]


def test_whether_people_liked_a_piece_asked_for_before_is_refused_not_researched() -> None:
    # The post was only asked for: nobody has said what they thought of it.
    with pytest.raises(UnclearRequestError) as raised:
        plan(
            "did people like it",
            history=("write a post for our panto auditions on tuesday at the village hall",),
        )
    assert "how someone came across" in str(raised.value)


@pytest.mark.parametrize(
    ("description", "expected"),
    [
        # "what i spent ...: <data>" says what the data is; the question after it asks.
        (
            "what i spent on lunch each day this week: 6.50, 4.20, 8.75 - cheapest and dearest?",
            [("statistics", [])],
        ),
        # "then times it by": arithmetic on the figure of the table before it, whose
        # column is named ("the hours column") or said as the user's ("my hours").
        (
            "add up the hours column then times it by 12.50 an hour\nday,hours\nMon,4\nSat,7.5",
            [("statistics", []), ("calculation", ["s1"])],
        ),
        (
            "add up my hours then times it by my rate of 12.60\nday,hours\nMon,6.5\nSat,8",
            [("statistics", []), ("calculation", ["s1"])],
        ),
        # "what that gives per head": the figure of the table before, not the table again.
        (
            "whip round - total it up and then tell me what that gives per head if 5 of us go"
            "\nname,chipped_in\nAde,35\nBea,20",
            [("statistics", []), ("statistics", ["s1"])],
        ),
        # ... and so does it with its items on the lines below: bullets of an item and its
        # amount are one list of data, and its total a figure of the list.
        (
            "what ive spent on xmas bits so far:\n* cards 12.99\n* wrapping 4.50\n"
            "* crackers 15.60\nhow much altogether",
            [("statistics", [])],
        ),
        # A time asked with no number to compute on is a fact to look up.
        ("when's the best time to see cherry blossom in kyoto?", [("research", [])]),
        # What a message basically says is its summary.
        (
            "what's this email basically saying? 'The gym opens at 6am. The sauna will close.'",
            [("summarization", [])],
        ),
        # A summary asked with a verb of giving, the text at the end of the next ask.
        (
            "give me a one sentence summary, then tell me how it comes across: 'We waited. "
            "Nobody came.'",
            [("summarization", []), ("sentiment", ["s1"])],
        ),
        # A relative clause after a comma says more; the question after it asks.
        (
            "we've raised 3,780 for the school roof, which is 63% of our target. what's the "
            "target?",
            [("statistics", [])],
        ),
        # "sum up:" before a text is a summary; before numbers, a sum.
        (
            "sum up: The gym is closing for renovation from June 1. Members get two free months.",
            [("summarization", [])],
        ),
        ("sum up: 3, 4, 5", [("statistics", [])]),
        # The price of one of several is arithmetic.
        ("62 for 4 concert passes, price of a single pass?", [("calculation", [])]),
        # What is paid, named alone after the amounts, or asked as the price of a job.
        (
            "rickshaw is 50 to start, 15 a km and 2 a minute waiting. 6 km with 8 mins of "
            "waiting, fare?",
            [("calculation", [])],
        ),
        (
            "water taxi costs 4 to board and 3 per stop, waiting is 50p a minute. 5 stops and "
            "10 minutes of waiting - fare?",
            [("calculation", [])],
        ),
        (
            "i charge 10p a word. a magazine wants 3 blog posts of 800 words and a 2,000 word "
            "essay - what should i quote",
            [("calculation", [])],
        ),
        (
            "my rate is 15p a word. client wants 5 newsletters of 600 words and a 1,500 word "
            "article, what do i quote",
            [("calculation", [])],
        ),
        # Asks listed after their count, each a percentage of its own amount.
        (
            "need three quick ones: 12% of 300, 40% of 85 and 7% of 1,200",
            [("calculation", []), ("calculation", []), ("calculation", [])],
        ),
        # How a text comes across, said with "say how".
        (
            "summarise this in a sentence and then say how it comes across: 'We waited. "
            "Nobody came.'",
            [("summarization", []), ("sentiment", ["s1"])],
        ),
        # Sums listed after a header: each its own ask, the first too.
        (
            "quick maths: 365 x 24, 1000 divided by 7, and 2 to the power of 10",
            [("calculation", []), ("calculation", []), ("calculation", [])],
        ),
        # "is that" before a remark in brackets is the figure before.
        (
            "lawn is 9 m by 6 m, seed rate is 35 g per m2. how many grams of seed, and how "
            "many 500 g boxes is that (just divide)",
            [("calculation", []), ("calculation", ["s1"])],
        ),
        # A flyer is no flying.
        ("is it legal to fly a small drone over a beach in france", [("research", [])]),
        # Why a place is as it is, or a price is said, asks for no live reading or figure.
        ("why is edinburgh colder than london", [("research", [])]),
        ("why do shops sell things at half price", [("research", [])]),
        # "sum them up" of words is a summary, of numbers a sum.
        (
            "research the rules for e-scooters in germany and sum them up in 3 bullet points",
            [("research", []), ("summarization", ["s1"])],
        ),
        ("here are my costs 3, 4, 5, sum them up", [("statistics", [])]),
        # A piece asked with "can u", for an ordinal birthday.
        (
            "can u write a short speech for my nan's 90th, she loves gardening and bingo",
            [("writing", [])],
        ),
        # A text in so many lines is its summary.
        (
            "one line for the swim club group chat: 'The pool will be closed from 1 to 14 "
            "August for retiling. Squad sessions will move to Riverside.'",
            [("summarization", [])],
        ),
        # A figure of data pasted after the next ask, then split between a number of "our".
        (
            "total up the raffle money then split it evenly between our 3 charities\n"
            "seller,amount\nJune,46\nPat,38.50",
            [("statistics", []), ("statistics", ["s1"])],
        ),
        # Words in brackets after a question are of it.
        (
            "golf scores: 88, 92, 85, 90, 87. best and worst? (lowest and highest)",
            [("statistics", [])],
        ),
        # A correction "X not Y" after the ask is part of it.
        (
            "knock 17.5% off 480 for me... no wait, the discount is 12.5% not 17.5%",
            [("calculation", [])],
        ),
        # A change stated, then the question of it.
        (
            "average daily passengers on the 42 bus fell from 1,600 to 1,368. by what percent "
            "did they fall",
            [("calculation", [])],
        ),
        # ... said with "gone from", in surprise ("??"), still no ask of its own.
        (
            "broadband's gone from 28.50 to 31.35 a month?? what % rise is that",
            [("calculation", [])],
        ),
        # The ask after a dash, after what it is of; a figure then asked in a unit.
        (
            "lake temps this week 14, 16.5, 15 and 17.5 c - average them then give me that in "
            "fahrenheit",
            [("statistics", []), ("calculation", ["s1"])],
        ),
        # How a thing works and whether it is worth it are looked up.
        (
            "how does the japan rail pass work now, is it still worth it for a 10 day trip",
            [("research", [])],
        ),
        # A format wanted of a table, "csv" naming the format and no figure.
        (
            "item;owner;packed\ntent;Dan;yes\nstove;Ruth;no\nthis is semicolon separated, i "
            "need a normal csv",
            [("conversion", [])],
        ),
        # A target set is no ask; the question after it is.
        (
            "i need my average across 3 tests to be 80. i got 72 and 85 on the first two, "
            "what do i need on the third",
            [("statistics", [])],
        ),
        # A number corrected after the ask is no ask of its own.
        ("work out 15% of 240 for me - actually no sorry, make that 25%", [("calculation", [])]),
    ],
)
def test_shapes_people_write(description: str, expected: list[tuple[str, list[str]]]) -> None:
    assert shape(plan(description)) == expected


@pytest.mark.parametrize(
    "description",
    [
        "total these up and convert to pounds at 1.17 euros per \u00a3\n- ferry \u20ac142\n"
        "- tolls \u20ac38.60\n- gite deposit \u20ac250",
        "add these up and then convert to euros at 1.16 euros to the pound\n- hotel \u00a3320\n"
        "- meals \u00a3145.50",
        "add up the costs and then convert it to dollars at 1.27 dollars per pound\n"
        "- hotel \u00a3320\n- meals \u00a3145.50",
    ],
)
def test_a_list_pointed_at_totalled_then_changed_at_a_rate(description: str) -> None:
    # The list is what is totalled; the total is changed at the rate, no table converted.
    result = plan(description)
    assert shape(result) == [("statistics", []), ("calculation", ["s1"])]
    assert "- " not in result.steps[1].instruction


def test_a_figure_of_data_pasted_after_the_next_ask_then_what_is_left() -> None:
    result = plan(
        "add up what i've spent and then tell me how much is left of my 250 budget\n"
        "category,spent\nfood,86.40\nfun,45.00"
    )
    assert shape(result) == [("statistics", []), ("calculation", ["s1"])]
    assert "food,86.40" in result.steps[0].instruction
    assert "food,86.40" not in result.steps[1].instruction


@pytest.mark.parametrize(
    "description",
    [
        "EV has a 64 kWh battery. charging it from 20% to 80% at 7.5p/kWh costs how much in £",
        "the car does 3.8 miles per kWh. for a 250 mile trip how many kWh is that",
    ],
)
def test_a_sentence_that_asks_in_its_middle_is_the_ask_of_the_one_before(
    description: str,
) -> None:
    (step,) = plan(description).steps
    assert step.instruction.startswith("Context: ")


def test_a_bar_tab_listed_after_the_charge_on_top_is_what_is_totalled() -> None:
    result = plan("total the bar tab then add 12.5% service on top: 18.50, 24.00, 31.75, 9.25")
    assert shape(result) == [("statistics", []), ("calculation", ["s1"])]
    assert "31.75" in result.steps[0].instruction
    assert "31.75" not in result.steps[1].instruction


def test_a_sum_of_receipts_pasted_after_the_split_of_it() -> None:
    result = plan(
        "add up the fuel receipts from the road trip then split it between the 4 of us\n"
        "stop,cost\nPenrith,58.40\nPerth,54.50"
    )
    # the split of the sum is a division, the calculator's
    assert shape(result) == [("statistics", []), ("calculation", ["s1"])]
    assert "Penrith,58.40" in result.steps[0].instruction
    assert "Penrith,58.40" not in result.steps[1].instruction


def test_a_summary_asked_before_the_text_is_of_that_text() -> None:
    result = plan("give me a one sentence summary, then tell me how it comes across: 'We waited.'")
    assert "'We waited.'" in result.steps[0].instruction


@pytest.mark.parametrize(
    "description",
    [
        "two things: mean of 3.2, 4.8, 5.1 and 2.9, and separately whats 15% of 80",
        "2 unrelated things: mean of 3.2, 4.8, 5.1, 2.9 and how many metres is 30 feet",
        # A question, shortened: "q's", "qs", "qns".
        "two separate q's: mean of 3.2, 4.8, 5.1, 2.9 and what's 15% of 860",
        "2 quick qs: mean of 3.2, 4.8, 5.1 and whats 20% of 55",
        "couple of qns - mean of 3.2, 4.8, 5.1, 7 and what is 12% of 300",
        # asks named loosely: "bits", "jobs"
        "couple of bits - mean of 3.2, 4.8, 5.1, 7 and separately whats 12% of 300",
        "two quick jobs: mean of 3.2, 4.8, 5.1 and what's 20% of 55",
    ],
)
def test_the_count_of_the_asks_before_a_colon_is_no_ask_and_no_text(description: str) -> None:
    result = plan(description)
    assert shape(result) == [("statistics", []), ("calculation", [])]
    assert result.steps[0].instruction.startswith("Mean of 3.2")


@pytest.mark.parametrize(
    ("description", "expected"),
    [
        # A general capability's work named in the clause's own words is no guess.
        ("analyse the pros and cons of going freelance after 10 years", "research"),
        ("is this accurate? 'Bats are blind.'", "research"),
        ("did einstein actually say 'insanity is doing the same thing over and over'?", "research"),
        ("who really wrote 'to be or not to be'", "research"),
        ("what does 'break a leg' actually mean?", "research"),
        # Advice is looked up, not the user's own measure.
        ("how much water should I drink each day", "research"),
        ("how many hours of sleep does my baby need", "research"),
        ("what do i need to get a passport", "research"),
        ("how many calories in a glass of wine", "research"),
        ("which country won the most medals in 2012", "research"),
    ],
)
def test_a_general_capability_named_or_fitting_is_planned(description: str, expected: str) -> None:
    assert {s.capability for s in plan(description).steps} == {expected}


def test_with_only_research_registered_a_computation_goes_to_research() -> None:
    # No agent computes, so research is the only one to ask: no guess among agents.
    only = tuple(c for c in BUILTIN if c.name == "research")
    result = plan_deterministic("compute the average of 3, 5 and 10", only, 8)
    assert [s.capability for s in result.steps] == ["research"]


def test_a_greeting_asks_for_nothing() -> None:
    result = plan("Hello! Could you turn this into JSON for me please:\nname,ext\nDesk,100")
    assert shape(result) == [("conversion", [])]


def test_a_piece_asked_after_research_is_made_of_it() -> None:
    result = plan(
        "research four budgeting apps, compare them and write a recommendation for a "
        "student on a tight budget"
    )
    assert shape(result) == [("research", []), ("analysis", ["s1"]), ("writing", ["s2"])]
    result = plan(
        "find out about the causes of the 1929 crash and put together a one page handout "
        "for my year 10s"
    )
    assert shape(result) == [("research", []), ("writing", ["s1"])]


def test_a_summary_asked_as_a_noun_before_then_gets_the_text() -> None:
    result = plan(
        "one sentence summary and then tell me if it sounds positive: 'The under 10s won "
        "the cup. Every player got a medal.'"
    )
    assert shape(result) == [("summarization", []), ("sentiment", ["s1"])]
    assert "won the cup" in result.steps[0].instruction


def test_a_question_of_a_table_is_a_figure_not_its_keywords() -> None:
    result = plan(
        '[{"airline":"Ryanair","price":89.99},{"airline":"easyJet","price":74.5}] which '
        "is cheapest for the half term trip"
    )
    assert shape(result) == [("statistics", [])]


def test_a_message_named_by_its_kind_is_judged_not_its_keywords() -> None:
    result = plan("text from my tenant: 'The new kitchen looks amazing, thank you so much!'")
    assert shape(result) == [("sentiment", [])]


@pytest.mark.parametrize(
    "description",
    [
        "how many bags of compost do i need for the new border",
        "how many tins of paint do we need for the back bedroom",
    ],
)
def test_what_the_users_own_job_takes_is_computed_not_looked_up(description: str) -> None:
    # The calculator says which measurements it misses; research would make a figure up.
    assert shape(plan(description)) == [("calculation", [])]


def test_a_change_and_a_fact_to_mention_revise_the_piece() -> None:
    result = plan(
        "make it shorter and mention that i'm a sworn translator",
        history=("write a cover letter for a freelance translation role at a legal firm",),
    )
    assert {s.capability for s in result.steps} == {"writing"}
    assert "sworn translator" in result.steps[-1].instruction


def test_a_change_and_a_fact_said_with_that_revise_the_piece() -> None:
    # "mention that everything ..." says what to mention; "add that to the total" would not.
    result = plan(
        "make it warmer and mention that everything is glazed by hand",
        history=("write a bio for my etsy shop, i make ceramic mugs",),
    )
    assert {s.capability for s in result.steps} == {"writing"}
    assert "glazed by hand" in result.steps[-1].instruction


@pytest.mark.parametrize(
    "description",
    ["will it rain in leeds tomorrow", "what's the weather like in paris this weekend"],
)
def test_the_weather_to_come_of_a_place_named_is_refused(description: str) -> None:
    # A forecast is a live fact, as a reading now is ("what's the temperature in edinburgh
    # right now"): no source here has it, wherever it is of.
    with pytest.raises(UnclearRequestError, match="weather forecast"):
        plan(description)


@pytest.mark.parametrize(
    "description",
    ["what's the weather usually like in paris in may", "why does it rain so much in manchester"],
)
def test_the_climate_of_a_place_named_is_looked_up(description: str) -> None:
    assert shape(plan(description)) == [("research", [])]


def test_a_figure_worked_out_of_a_fact_looked_up_is_arithmetic_on_it() -> None:
    # "comes to" is no tone of a text: the weekly amount found, then a year of it.
    result = plan(
        "look up the current full uk state pension weekly amount and then work out what "
        "that comes to over a year"
    )
    assert shape(result) == [("research", []), ("calculation", ["s1"])]


@pytest.mark.parametrize(
    ("description", "history"),
    [
        # Arithmetic on a value pointed at, with nothing before: the calculator says what
        # it misses.
        ("now knock a third off that", ()),
        # Figures of things named, never given.
        ("ok which of them has the lowest monthly fee", ("find three cheap gyms near the centre",)),
        ("which of them is cheapest to lisbon", ("research the best budget airlines in europe",)),
    ],
)
def test_arithmetic_with_nothing_to_work_on_goes_to_the_calculator(
    description: str, history: tuple[str, ...]
) -> None:
    assert shape(plan(description, history=history)) == [("calculation", [])]


@pytest.mark.parametrize(
    ("description", "arithmetic"),
    [
        ("my calculator says 15% of 80 is 10.5 which seems off?? what is it actually", "15% of 80"),
        ("my mate reckons adding 20% vat to 75 gives 95?? whats the actual figure", "Add 20% vat"),
        ("my teacher says 3 times 14 is 52. is she right?", "3 times 14"),
    ],
)
def test_arithmetic_claimed_and_doubted_is_computed_without_the_figure_claimed(
    description: str, arithmetic: str
) -> None:
    # The figure claimed (10.5, 95, 52) is no number to compute on.
    result = plan(description)
    assert shape(result) == [("calculation", [])]
    assert result.steps[0].instruction.startswith(arithmetic)
    assert not any(n in result.steps[0].instruction for n in ("10.5", "95", "52"))


def test_pieces_asked_by_their_number_are_written_whatever_numbers_they_name() -> None:
    assert shape(plan("give me 5 ideas for a 3 x 4 m garden")) == [("writing", [])]


def test_which_of_two_sums_is_bigger_works_out_each() -> None:
    result = plan("which is bigger, a third of 870 or 35% of 820? give me both")
    assert shape(result) == [("calculation", []), ("calculation", [])]
    assert [s.instruction for s in result.steps] == [
        "What is a third of 870.",
        "What is 35% of 820?",
    ]
    # Two things that are no sums are looked up.
    assert shape(plan("which is bigger, a lion or a tiger?")) == [("research", [])]


def test_a_format_named_with_what_it_is_for_is_a_conversion() -> None:
    table = "| voice | singers |\n|---|---|\n| soprano | 12 |\n| alto | 9 |"
    assert shape(plan(f"{table}\ncsv please for the choir spreadsheet")) == [("conversion", [])]


def test_good_or_bad_below_a_message_asks_its_tone() -> None:
    text = "From: Trustpilot\n\n'Ordered twice and the wrong size arrived.'\n\ngood or bad?"
    assert shape(plan(text)) == [("sentiment", [])]


def test_an_unrelated_second_ask_is_its_own_step() -> None:
    result = plan("range of 41, 37, 52, 46? and unrelated but how many km is 13.1 miles")
    assert shape(result) == [("statistics", []), ("calculation", [])]
    assert "13.1 miles" in result.steps[1].instruction


def test_figures_of_two_words_ask_of_the_numbers_stated() -> None:
    result = plan("lap times: 61.2, 60.8, 62.1. mean and sample standard deviation")
    assert shape(result) == [("statistics", [])]
    assert "61.2" in result.steps[0].instruction


def test_a_title_cut_inside_brackets_closes_them() -> None:
    # The title goes in brackets after "the result of step s1": left open, it would run on
    # into the rest of the instruction.
    result = plan(
        "average our last 5 months of sales (4200, 3850, 4600, 4100, 3950) and then add 15% on top"
    )
    instruction = result.steps[1].instruction
    assert "\u2026)" in instruction
    assert instruction.count("(") == instruction.count(")")


def test_a_number_corrected_in_a_sentence_after_the_ask_stays_with_the_ask() -> None:
    # As context the new number went unread and the old one was computed on.
    result = plan("split 240 between 6 of us... no hang on, there's 8 now")
    assert len(result.steps) == 1
    instruction = result.steps[0].instruction
    assert "Context" not in instruction
    assert "there's 8 now" in instruction


def test_a_charge_on_top_of_two_rates_is_not_added_to_either() -> None:
    follow_up = "oh and parking is another 15 a night on top, whats the new total"
    previous = "hotel is 94 a night and the dog 20 a night for 5 nights, total?"
    result = plan(follow_up, history=(previous,))
    assert "94" not in result.steps[0].instruction
    assert "109" not in result.steps[0].instruction


def test_which_table_of_a_table_of_tables_is_a_figure_not_a_format() -> None:
    takings = "table,takings\nBrownies,64.50\nCupcakes,81.20\nwhich table took the most"
    assert shape(plan(takings)) == [("statistics", [])]
    covers = "table,covers\n1,4\n2,6\nwhich table had the fewest covers"
    assert shape(plan(covers)) == [("statistics", [])]
    assert shape(plan("table,takings\nA,64\nB,81\nturn this into a markdown table")) == [
        ("conversion", [])
    ]


@pytest.mark.parametrize(
    ("follow_up", "amount"),
    [
        ("what about 62 miles for the audax", "62 miles"),
        ("how about 26.2 miles for the marathon", "26.2 miles"),
    ],
)
def test_a_new_quantity_said_with_what_it_is_for_replaces_the_old_one(
    follow_up: str, amount: str
) -> None:
    result = plan(follow_up, history=("how many km is 50 miles",))
    assert [step.capability for step in result.steps] == ["calculation"]
    assert result.steps[0].instruction.lower().startswith(f"how many km is {amount}")


@pytest.mark.parametrize(
    ("description", "history"),
    [
        (
            "and the highest and lowest?",
            ("mean of his maths homework marks out of 20: 14, 17, 11",),
        ),
        ("and the smallest?", ("average of my maths exam marks out of 100: 67, 72, 81",)),
        ("maths test scores out of 50: 12, 48, 35, 29. which is the highest", ()),
    ],
)
def test_maths_as_the_subject_marked_is_no_arithmetic(
    description: str, history: tuple[str, ...]
) -> None:
    assert shape(plan(description, history=history)) == [("statistics", [])]


def test_maths_asked_for_is_still_arithmetic() -> None:
    assert shape(plan("quick maths: 365 x 24")) == [("calculation", [])]


@pytest.mark.parametrize(
    "description",
    [
        "vet bills: 62.50, 118.00, 45.90, 83.60 - average them and times by 12 for a year",
        "weekly shop: 84.20, 91.75, 77.10. average them and times by 52",
    ],
)
def test_times_by_after_a_figure_multiplies_that_figure(description: str) -> None:
    assert shape(plan(description)) == [("statistics", []), ("calculation", ["s1"])]


@pytest.mark.parametrize(
    ("follow_up", "previous", "expected"),
    [
        (
            "what about at 74.9p",
            "heating oil, 900 litres at 68.5p a litre. total?",
            "74.9p a litre",
        ),
        ("and at £1.62?", "40 litres of diesel at £1.55 a litre, total?", "£1.62 a litre"),
        ("what if it was at 2.40", "12 kg of apples at 2.10 per kg, total?", "2.40 per kg"),
    ],
)
def test_a_new_price_at_replaces_the_one_price_said_after_at(
    follow_up: str, previous: str, expected: str
) -> None:
    assert expected in plan(follow_up, history=(previous,)).steps[0].instruction


def test_a_new_price_at_with_no_money_before_is_not_substituted() -> None:
    result = plan("what about at 80", history=("heating oil, 900 litres at 68.5p a litre",))
    assert "at 80 a litre" not in result.steps[0].instruction


@pytest.mark.parametrize(
    ("follow_up", "previous", "expected"),
    [
        ("add 35 a day for the excess waiver", "van hire is 79 a day for 2 days, total?", "114"),
        ("plus another 12 a night for parking", "hotel is 94 a night for 5 nights, total?", "106"),
    ],
)
def test_a_charge_to_add_per_period_is_added_to_the_one_rate_before(
    follow_up: str, previous: str, expected: str
) -> None:
    assert f"{expected} a " in plan(follow_up, history=(previous,)).steps[0].instruction


@pytest.mark.parametrize(
    ("follow_up", "previous", "expected"),
    [
        (
            "and if i skip sundays so 26 days",
            "practice 40 mins a day for 30 days, how many hours",
            "for 26 days",
        ),
        (
            "what if we miss the weekends, so 22 days",
            "walk 45 mins a day for 30 days, how many hours",
            "for 22 days",
        ),
    ],
)
def test_a_new_quantity_after_the_reason_for_it_replaces_the_old_one(
    follow_up: str, previous: str, expected: str
) -> None:
    assert expected in plan(follow_up, history=(previous,)).steps[0].instruction


@pytest.mark.parametrize(
    "description",
    [
        # a text skill's word ("term", "key") with no text to work on, and numbers given
        "shop job pays 10.90/hr, i do two 6 hr shifts a week. weekly pay over a 12 week term?",
        "the key costs 4.50 and i need 6 of them, total?",
    ],
)
def test_numbers_with_no_text_are_not_given_to_a_text_skill(description: str) -> None:
    plan = plan_deterministic(description, BUILTIN, 8)
    assert {s.capability for s in plan.steps} <= {"calculation", "statistics"}


@pytest.mark.parametrize(
    "description",
    [
        "roofer quotes £2,100 £1,850 £2,400 - cheapest and dearest",
        "caterer quotes £8,950 £7,420 £9,380 £8,120 - cheapest and most expensive",
        "van hire quotes £420 £385 £510 - the most expensive",
    ],
)
def test_a_list_then_a_dash_and_its_ends_is_statistics(description: str) -> None:
    # the dash ends the list; nothing is subtracted
    plan = plan_deterministic(description, BUILTIN, 8)
    assert [s.capability for s in plan.steps] == ["statistics"]


@pytest.mark.timeout(20)
def test_a_long_list_of_grouped_amounts_then_other_words_is_planned_at_once() -> None:
    # "£1,240 £1,085 ..." can be cut into numbers many ways; the list-then-its-ends rule
    # backtracked through all of them for minutes when the request ended otherwise.
    amounts = " ".join(f"£{n:,}" for n in range(1_001, 1_241, 15))
    plan = plan_deterministic(f"stall takings: {amounts} - lowest and highest please", BUILTIN, 8)
    assert plan.steps


@pytest.mark.parametrize(
    "description",
    [
        "average our last 4 quarterly water bills then times by 4 for the yearly: 88.20, 91.40, "
        "79.10, 85.30",
        "add up this shop then take 10% off the total\n- eggs 2.10\n- tea 3.40\n- jam 1.95",
        "total the kwh for the week then multiply by 0.27 for the cost: 12.4, 10.9, 13.1",
    ],
)
def test_a_figure_of_the_list_pasted_after_the_next_ask_is_of_the_list(description: str) -> None:
    # "our last 4 ... bills", "this shop", "the kwh": the list at the end is what the first
    # ask totals or averages; the next ask goes on from its result.
    result = plan(description)
    assert shape(result) == [("statistics", []), ("calculation", ["s1"])]
    assert "1" in result.steps[0].instruction.split(":", 1)[-1]
    assert ":" not in result.steps[1].instruction.split("Use the result")[0]


@pytest.mark.parametrize(
    "description",
    [
        "microwave is 0.9 kW for 6 mins, hob is 1.8 kW for 15 mins. 27p/kWh, cost of each in pence",
        "fan heater is 2 kW, on 3 hrs a day. 25p per kWh, cost for a 30 day month",
        "swapping 6 x 60W bulbs for 8W LEDs, on 5 hrs a day. 30p per kWh, saving per year "
        "(365 days)",
        # what the amounts bring in, named as a sentence of its own
        "ep got 18,400 downloads, ad cpm is $22 (per 1000). ad revenue for the episode",
        "video had 90,000 views and the cpm is 3.20. earnings",
    ],
)
def test_a_cost_named_after_the_last_amount_is_the_ask_of_the_sentences_before(
    description: str,
) -> None:
    # No sentence asks with a verb or a question word; the cost named after a comma does,
    # and the sentence before is the amounts it is of: one step, not one per sentence.
    (step,) = plan(description).steps
    assert step.instruction.startswith("Context: ")


@pytest.mark.parametrize(
    ("previous", "follow_up", "expected"),
    [
        ("etsy takes 6.5% of each sale, sold 38 at £22, fees?", "and if i sell 50",
         "6.5% of each sale, sold 50 at £22"),
        ("ebay keeps 12.8% of every sale, i sold 40 at 15, fees?", "what if i sold 65",
         "i sold 65 at 15"),
        ("i bake 24 loaves a day at 3.20 each, takings a week?", "and if we bake 30",
         "bake 30 loaves a day at 3.20"),
    ],
)  # fmt: skip
def test_a_new_number_of_what_was_done_follows_the_previous_request(
    previous: str, follow_up: str, expected: str
) -> None:
    # the number alone took the place of the words of the request ("6.5% of 50")
    result = plan(follow_up, history=(previous,))
    assert expected in result.steps[0].instruction


@pytest.mark.parametrize(
    ("previous", "follow_up", "expected"),
    [
        ("18,400 downloads at $22 cpm, ad revenue?", "and if we hit 25,000",
         "25,000 downloads at $22 cpm"),
        ("we sold 40 tickets at £12.50, takings?", "what if we reach 55", "sold 55 tickets"),
    ],
)  # fmt: skip
def test_a_count_reached_takes_the_place_of_the_one_count(
    previous: str, follow_up: str, expected: str
) -> None:
    result = plan(follow_up, history=(previous,))
    assert expected in result.steps[0].instruction


def test_a_count_reached_with_two_counts_before_is_not_placed() -> None:
    # 1,240 or 85: which one is reached is not said
    previous = "1,240 packs in stock, selling 85 a day, days left"
    result = plan("and if we hit 200", history=(previous,))
    assert "1,240" not in result.steps[0].instruction


def test_a_number_alone_takes_the_place_of_no_words() -> None:
    result = plan("and if i shift 50", history=("etsy takes 6.5% of each sale, sold 38 at £22",))
    assert "6.5%" not in result.steps[0].instruction


@pytest.mark.parametrize(
    ("previous", "follow_up", "expected"),
    [
        # amounts alone: each in the place of the one amount of its unit, or clock time
        ("rowed 3000 m in 13:05, split per 500m?", "and 5000 m in 22:40", "rowed 5000 m in 22:40"),
        ("walked 8 km in 1:36:00, pace per km?", "what about if i do 1:30:00",
         "walked 8 km in 1:30:00"),
        ("90 l rain butt, we use 15 l a day, how many days", "and if we cut down to 10 l a day",
         "we use 10 l a day"),
        # a unit's definition holds no amount to replace
        ("gust of 30 knots, in km/h? (1 knot = 1.852 km/h)", "and 45 knots", "gust of 45 knots"),
        ("cat is 4 kg and the dose is 0.5 mg/kg, how many mg", "and for the 6.2 kg tabby?",
         "cat is 6.2 kg"),
        ("paid 9,400 won for a taxi, £1 = 1700 won. in pounds?",
         "and 25,500 won for the hotel dinner", "paid 25,500 won for a taxi, £1 = 1700 won"),
        # a new rate after "at", or per the same thing
        ("$500 in euros at 0.92 to the dollar", "and at 0.95", "at 0.95 to the dollar"),
        ("180 pages at 45 pages an hour, how many hours", "and at 60 an hour",
         "at 60 pages an hour"),
        ("2 kw heater on 6 hours, 28p per kwh, cost?", "and at 19.5p", "19.5p per kwh"),
        ("trim is 3.20 a metre, need 6.5 m, cost?", "and the velvet one at 4.75 a metre",
         "trim is 4.75 a metre"),
        ("r$200 in dollars at 5.4 reais to the dollar", "and if the rate goes up to 5.6",
         "at 5.6 reais to the dollar"),
        ("10 shirts at 12 and 4 coats at 30, total?", "and if coats go up to 35", "4 coats at 35"),
        ("we use 4,200 kWh a year at 25p per kWh, annual cost?", "and if we use 3,900",
         "we use 3,900 kwh"),
        ("got 31 out of 40 on the test, as a %", "and 36 out of 40 in the retake",
         "got 36 out of 40 on the test"),
        ("meal is 62.40 for the table", "and with a 12.5% service charge", "add 12.5% to that"),
    ],
)  # fmt: skip
def test_new_amounts_take_the_place_of_the_earlier_ones_of_their_kind(
    previous: str, follow_up: str, expected: str
) -> None:
    result = plan(follow_up, history=(previous,))
    assert expected in " ".join(s.instruction for s in result.steps).lower()


@pytest.mark.parametrize(
    ("previous", "follow_up", "placed"),
    [
        # two amounts of the unit: which one is meant is not said
        ("ran 5 km to work and 7 km home, total km?", "and 6 km", "ran 6 km"),
        # two clock times for one
        ("ran 10 km in 48:00, pace per km?", "and 47:00 and 46:00", "10 km in 4"),
        # a rate per another thing than the one before
        ("90 l rain butt, we use 15 l a day, how many days", "and 10 l a week", "rain butt"),
        # words that are no follow-up's
        ("swam 1500 m in 27:45, pace per 100m?", "and 2000 m in 38:20 in the sea, colder",
         "swam 2000"),
        # a rate when a price was said
        ("40 litres of diesel at £1.55 a litre", "and if the rate was 1.60", "diesel at"),
        # two scores out of a total
        ("got 31 out of 40 and 22 out of 30, overall %", "and 36 out of 40", "overall"),
    ],
)  # fmt: skip
def test_new_amounts_with_no_one_place_are_not_placed(
    previous: str, follow_up: str, placed: str
) -> None:
    result = plan(follow_up, history=(previous,))
    assert placed not in " ".join(s.instruction for s in result.steps).lower()


@pytest.mark.parametrize(
    ("previous", "follow_up", "expected"),
    [
        # a share taken off the earlier answer
        ("shoes 60, socks 12, laces 4, total?", "take 20% off that",
         "take 20% off the result of step s1"),
        ("what is 250 + 40", "knock 10 percent off it", "take 10 percent off"),
        # the adding said twice
        ("mean of 4, 9, 11", "what do those come to added together", "sum of 4, 9, 11"),
        # the parts of the period a list is over
        ("sales this week: 210, 185, 240, 199, 305", "and the mean and median day?",
         "mean and median of"),
        # a percentage spelled out, and "per cent"
        ("what's 15% of 240", "what if it was twenty five percent", "25 percent of 240"),
        ("what's 15% of 240", "and 18 per cent?", "18 percent of 240"),
    ],
)  # fmt: skip
def test_follow_ups_said_in_other_words_go_on_from_the_earlier_request(
    previous: str, follow_up: str, expected: str
) -> None:
    result = plan(follow_up, history=(previous,))
    assert expected in " ".join(s.instruction for s in result.steps).lower()


def test_a_list_over_a_period_is_not_of_other_parts() -> None:
    # the weeks are no parts of a week: "day" names the parts, "month" does not
    result = plan("and the mean month?", history=("sales this week: 210, 185, 240, 199",))
    assert "mean of" not in " ".join(s.instruction for s in result.steps).lower()


@pytest.mark.parametrize(
    ("previous", "follow_up", "expected"),
    [
        ("45 on the register, 39 came today. attendance %?", "and yesterday 41 came",
         "41 came today"),
        ("30 in the squad, 24 trained this week, what %?", "and 27 trained last week",
         "27 trained this week"),
    ],
)  # fmt: skip
def test_a_new_number_of_those_who_did_it_follows_the_previous_request(
    previous: str, follow_up: str, expected: str
) -> None:
    result = plan(follow_up, history=(previous,))
    assert expected in " ".join(s.instruction for s in result.steps).lower()


def test_a_new_number_of_those_who_did_it_needs_one_number_of_them() -> None:
    # 18 or 4 voted: which one is meant is not said
    result = plan("and 20 voted", history=("24 members, 18 voted yes, 4 voted no, turnout %?",))
    assert "20 voted yes" not in " ".join(s.instruction for s in result.steps).lower()


@pytest.mark.parametrize(
    ("request_text", "history"),
    [
        # Refused as the user's own case whatever opens it.
        ("hi, quick one: is my horse overweight", ()),
        ("pls is my horse overweight", ()),
        ("hey there - quick question: will the council approve our plans for the extension", ()),
        # A follow-up said with a greeting is still about the request before it.
        (
            "hi, quick one: and over a year (365 days), in mins",
            ("clock loses 7 secs a day, secs in a week?",),
        ),
    ],
)
def test_a_greeting_first_changes_no_refusal(request_text: str, history: tuple[str, ...]) -> None:
    with pytest.raises(UnclearRequestError):
        plan(request_text, history=history)


def test_a_greeting_first_keeps_every_ask() -> None:
    # After "quick one:" the asks were read as material of one: only the average was answered.
    steps = plan("hi, quick one: what's 9% of 700 and what's the average of 11, 13 and 18?").steps
    assert len(steps) == 2
    assert "9% of 700" in steps[0].instruction


def test_thanks_after_a_follow_up_keep_it_a_follow_up() -> None:
    steps = plan("and the largest? thanks!", history=("mean of 4, 30, 12",)).steps
    assert "4, 30, 12" in steps[0].instruction


def test_please_said_last_is_no_part_of_the_request() -> None:
    # Planned as a clause of its own, ", please" was a second step looking up nothing, and
    # "minus 25, please" lost the answer before it.
    assert [s.capability for s in plan("how many seconds in a day, please").steps] == [
        "calculation"
    ]
    steps = plan("minus 25, please", history=("what is 50 + 25",)).steps
    assert [s.instruction for s in steps] == ["What is 50 + 25, then minus 25."]


def test_thanks_after_a_request_are_no_text_to_judge() -> None:
    # Judged, "thanks" was positive: the request has no text, and its step is to say so.
    assert "thanks" not in plan("What's the sentiment? thanks!").steps[0].instruction


@pytest.mark.parametrize(
    "description",
    [
        "car finance on 9,600 over 48 months, flat 4.9% a year simple interest on the full "
        "amount. monthly payment",
        "sample sale - 40% off the 1,295 dress then another 10% off that for paying cash. "
        "final price",
        # ... with what it is of
        "got 14 m3 of oak logs, sells at 95 a m3 and splitting costs me 20 a m3. profit on the "
        "logs",
    ],
)
def test_a_quantity_named_alone_after_the_amounts_is_their_question(description: str) -> None:
    # Without "?", the statement was a step of its own (the interest, 1881.6) and "monthly
    # payment" a question for research.
    steps = plan(description).steps
    assert len(steps) == 1
    assert steps[0].instruction.startswith("Context: ")


def test_a_quantity_named_after_an_ask_of_its_own_is_not_its_question() -> None:
    steps = plan("work out 10% of 50. total").steps
    assert steps[0].instruction == "Work out 10% of 50."


def test_whats_typed_short_reads_as_what_is() -> None:
    # Typed "whats", the follow-up was planned alone and refused for want of an amount.
    previous = "convert 2 miles to km"
    steps = plan("whats that in metres", history=(previous,)).steps
    assert "2 miles" in steps[0].instruction


def test_the_own_case_refusal_suggests_nothing_about_another_thing() -> None:
    with pytest.raises(UnclearRequestError) as raised:
        plan("is my horse overweight")
    assert "own case" in str(raised.value)
    assert "chimney" not in str(raised.value)


def test_an_amount_asked_in_a_speed_unit_is_arithmetic() -> None:
    # "in km/h" was no unit asked (its slash), and the reading went to statistics.
    steps = plan("rib does 18 knots flat out. what is that in km/h").steps
    assert [s.capability for s in steps] == ["calculation"]
    # ... but a speed asked after a step of its own is asked of that step's result
    steps = plan(
        "walked 7.5 miles in 2 h 15 min. convert the distance to km and then give me my speed "
        "in km/h"
    ).steps
    assert len(steps) == 2 and steps[1].depends_on == ["s1"]

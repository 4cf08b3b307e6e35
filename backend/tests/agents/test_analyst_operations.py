"""Unit tests for the analyst's operations, called directly with parsed requests."""

from __future__ import annotations

from typing import Any

import pytest

from orchestra.agents.analyst.additions import unpriced_addition
from orchestra.agents.analyst.calculator import evaluate
from orchestra.agents.analyst.formulas import units_apart
from orchestra.agents.analyst.numeric import _bulleted_amounts
from orchestra.agents.analyst.operations import infer_operation, run_operation
from orchestra.agents.analyst.portions import read_result_at_rate
from orchestra.agents.analyst.problems import (
    read_percentage_problem,
    read_price_for_margin,
    read_share_or_flat,
)
from orchestra.agents.analyst.statistics import choose_headline, extract_numbers
from orchestra.agents.analyst.wording import render
from orchestra.agents.protocol import REPLY_INPUT, AgentInputError, StepInput, StepRequest

SALES_CSV = "region,price,units\nnorth,10,5\nsouth,20,3\nnorth,30,4\neast,40,1\n"


def run(instruction: str, **fields: Any) -> dict[str, Any]:
    return run_operation(StepRequest(instruction=instruction, **fields)).data


def test_extract_numbers_from_prose() -> None:
    assert extract_numbers("the average of 3, 5 and 10") == [3, 5, 10]
    assert extract_numbers("1,234.5 and -2 and 1e3 and .5") == [1234.5, -2, 1000, 0.5]


@pytest.mark.parametrize(
    ("instruction", "operation"),
    [
        ("compute the average of 3, 5 and 10", "mean"),
        ("what is the median", "median"),
        ("total sales", "sum"),
        ("how many values", "count"),
        ("standard deviation of the scores", "stdev"),
        ("the highest value", "max"),
        ("90th percentile of latency", "percentile"),
        ("correlation between a and b", "correlation"),
        ("describe these numbers", "mean"),
    ],
)
def test_headline_follows_instruction_words(instruction: str, operation: str) -> None:
    assert choose_headline(instruction).operation == operation


@pytest.mark.parametrize(
    ("instruction", "percentile"),
    [("the first quartile of price", 25), ("the lower quartile", 25), ("upper quartile", 75)],
)
def test_a_named_quartile_is_its_percentile(instruction: str, percentile: float) -> None:
    assert choose_headline(instruction).percentile == percentile


def test_average_of_three_numbers() -> None:
    data = run("compute the average of 3, 5 and 10")
    assert data["operation"] == "mean"
    assert data["result"] == pytest.approx(6.0)
    assert data["values"] == [3, 5, 10]
    assert data["median"] == 5 and data["sum"] == 18 and data["count"] == 3


@pytest.mark.parametrize(
    ("instruction", "expected"),
    [
        ("what is the median of 4, 1, 9, 7?", 5.5),
        ("total of 1,200 and 300", 1500),
        ("the 90th percentile of 1 2 3 4 5 6 7 8 9 10", 9.1),
        ("the mode of 2, 2, 3, 4", 2),
        ("the max of 3, 9, 4", 9),
        ("the standard deviation of 2, 4, 4, 4, 5, 5, 7, 9", 2.138089935),
    ],
)
def test_statistics_headlines(instruction: str, expected: float) -> None:
    assert run(instruction)["result"] == pytest.approx(expected)


def test_statistics_on_dependency_output() -> None:
    request = StepRequest(
        instruction="compute the mean of the figures from step 1",
        capability="statistics",
        inputs=(StepInput("s1", "Collect", "Sales were 10, 20 and 30 units."),),
    )
    data = run_operation(request).data
    assert data["result"] == 20 and data["source"] == "inputs"


def test_statistics_on_csv_column() -> None:
    data = run(f"What is the total of units?\n{SALES_CSV}")
    assert data["column"] == "units" and data["result"] == 13
    assert data["columns"]["units"]["mean"] == pytest.approx(3.25)


def test_group_by() -> None:
    data = run(f"Sum units by region\n{SALES_CSV}")
    assert data["operation"] == "group_by" and data["aggregate"] == "sum"
    groups = {g["region"]: g for g in data["result"]}
    assert groups["north"]["sum"]["units"] == 9 and groups["north"]["count"] == 2


def test_group_by_json_records_mean() -> None:
    records = [{"team": "a", "score": 1}, {"team": "a", "score": 3}, {"team": "b", "score": 5}]
    data = run("average score per team", data=records)
    groups = {g["team"]: g for g in data["result"]}
    assert groups["a"]["mean"]["score"] == 2 and groups["b"]["mean"]["score"] == 5


def test_correlation() -> None:
    data = run(f"correlation between price and units\n{SALES_CSV}")
    assert data["operation"] == "correlation"
    assert data["result"] == pytest.approx(-0.8315, abs=1e-4)


def test_the_average_per_day_of_one_row_a_day_is_over_the_rows() -> None:
    data = run("What's the average sales per month?\nmonth,sales\nJan,10\nFeb,20\nMar,30")
    assert data["operation"] == "mean" and data["result"] == 20
    # With several rows per team, "per team" groups them.
    grouped = run("Average revenue per team:\nteam,revenue\nred,10\nblue,30\nred,20")
    assert grouped["operation"] == "group_by"


@pytest.mark.parametrize(
    ("question", "value", "result"),
    [("Sum of sales for north:", "north", 15), ("Total of the south sales?", "south", 20)],
)
def test_a_value_named_takes_the_rows_that_hold_it(
    question: str, value: str, result: float
) -> None:
    table = "region,sales,units\nnorth,10,2\nsouth,20,4\nnorth,5,1"
    data = run(f"{question}\n{table}", capability="statistics")
    assert data["result"] == result and data["where"] == {"region": value}


@pytest.mark.parametrize(
    ("question", "because"),
    [
        ("Sum of sales for north and south:", "'north', 'south', values in the table"),
        ("What percentage of all sales is that?", "'percentage'"),
        ("Total revenue (sales times units)?", "'times'"),
    ],
)
def test_table_figures_refuse_rows_named_shares_and_arithmetic_between_columns(
    question: str, because: str
) -> None:
    table = "region,sales,units\nnorth,10,2\nsouth,20,4\nnorth,5,1"
    with pytest.raises(AgentInputError, match=because):
        run(f"{question}\n{table}", capability="statistics")
    # Naming a column, or its values' kind, is not a condition.
    assert run(f"Total sales per region:\n{table}", capability="statistics")["result"]


def test_conversion_csv_to_json_types_numbers() -> None:
    data = run("Convert to JSON:\nname,age\nann,30\nbob,41")
    assert data["from"] == "csv" and data["to"] == "json"
    assert data["records"] == [{"name": "ann", "age": 30}, {"name": "bob", "age": 41}]


@pytest.mark.parametrize("arrow", ["->", "=>", "\u2192"])
def test_conversion_to_the_format_after_an_arrow(arrow: str) -> None:
    data = run(f'json {arrow} csv: [{{"a": 1}}, {{"a": 2}}]', capability="conversion")
    assert data["to"] == "csv" and data["output"] == "a\n1\n2\n"


def test_conversion_markdown_to_csv() -> None:
    data = run("convert this table to csv\n| a | b |\n|---|---|\n| 1 | x |\n| 2 | y |")
    assert data["output"] == "a,b\n1,x\n2,y\n"


@pytest.mark.parametrize(
    "instruction",
    [
        "make this comma separated\n| a | b |\n|---|---|\n| 1 | x |",
        "csv version please\n| a | b |\n|---|---|\n| 1 | x |",
        # Already CSV: the format asked is the one given, not another one.
        "put this in comma-separated values\na,b\n1,x",
        "swap the tabs for commas\na\tb\n1\tx",
        "as plain csv please\n| a | b |\n|---|---|\n| 1 | x |",
        # The format wanted of it, though the table is in it already ("need", "want").
        "need this comma separated for my sheet\na\tb\n1\tx",
        "i want it as csv\na,b\n1,x",
    ],
)
def test_conversion_to_a_format_said_in_words(instruction: str) -> None:
    data = run(instruction, capability="conversion")
    assert data["to"] == "csv" and data["output"] == "a,b\n1,x\n"


def test_conversion_to_tsv_is_refused_not_made_another_format() -> None:
    with pytest.raises(AgentInputError, match="TSV"):
        run('convert to tab separated: [{"a": 1}]', capability="conversion")


def test_conversion_json_to_markdown() -> None:
    data = run("turn into a markdown table", data=[{"a": 1, "b": "x|y"}])
    assert data["output"] == "| a | b |\n|---:|---|\n| 1 | x\\|y |\n"


def test_summarization_of_input_is_bounded() -> None:
    text = " ".join(
        f"Sentence number {i} talks about solar panels and batteries." for i in range(20)
    )
    request = StepRequest(
        instruction="Summarize in 2 sentences",
        inputs=(StepInput("s1", "Research", text),),
    )
    data = run_operation(request).data
    assert len(data["sentences"]) == 2 and data["sourceSentences"] == 20


@pytest.mark.parametrize(
    ("instruction", "wanted"),
    [
        ("Summarize this as a one-liner", 1),
        ("Give me a single-sentence summary", 1),
        ("Write a two-sentence summary of this", 2),
    ],
)
def test_summary_length_joined_by_a_hyphen(instruction: str, wanted: int) -> None:
    text = " ".join(f"Item {i} of the notice concerns the new bus timetable." for i in range(8))
    request = StepRequest(instruction=instruction, inputs=(StepInput("s1", "Text", text),))
    assert len(run_operation(request).data["sentences"]) == wanted


@pytest.mark.parametrize(
    ("instruction", "wanted"),
    [
        ("can I get a 3 sentence summary of the notice", 3),
        ("write a two line summary", 2),
        ("summarise this in a couple of sentences", 2),
        ("a summary in a couple sentences please", 2),
    ],
)
def test_summary_length_after_a(instruction: str, wanted: int) -> None:
    # "a 3 sentence summary" is three, not the one of its "a"; "a couple" is two.
    text = " ".join(f"Item {i} of the notice concerns the new bus timetable." for i in range(20))
    request = StepRequest(instruction=instruction, inputs=(StepInput("s1", "Text", text),))
    assert len(run_operation(request).data["sentences"]) == wanted


def test_summary_of_a_few_sentences_is_not_one() -> None:
    # "a few" says no count: the default length (a third of 20), not the one of its "a".
    text = " ".join(f"Item {i} of the notice concerns the new bus timetable." for i in range(20))
    request = StepRequest(
        instruction="summarise this in a few sentences", inputs=(StepInput("s1", "Text", text),)
    )
    assert len(run_operation(request).data["sentences"]) == 5


def test_keywords_top_n() -> None:
    data = run(
        "Extract the top 3 keywords: solar power is cheap; solar power is clean; wind is variable"
    )
    assert len(data["keywords"]) == 3
    assert data["keywords"][0]["phrase"] == "solar power"


def test_sentiment() -> None:
    data = run("What is the sentiment of: 'The staff were friendly and the food was excellent.'")
    assert data["label"] == "positive" and data["score"] > 0


@pytest.mark.parametrize(
    ("instruction", "operation"),
    [
        ("what is 12 * (3 + 4)?", "calculation"),
        ("compute the average of 3, 5 and 10", "statistics"),
        ("convert this CSV to JSON", "conversion"),
        ("summarize the findings", "summarization"),
        ("list the keywords", "keywords"),
        ("what's the tone of this review", "sentiment"),
    ],
)
def test_infer_operation(instruction: str, operation: str) -> None:
    assert infer_operation(StepRequest(instruction=instruction)) == operation


def test_capability_overrides_words_and_unknown_is_rejected() -> None:
    assert infer_operation(StepRequest(instruction="summarize 1+2", capability="calculation")) == (
        "calculation"
    )
    with pytest.raises(AgentInputError, match="Unknown operation 'astrology'"):
        infer_operation(StepRequest(instruction="x", capability="astrology"))


def test_no_numbers_is_a_clear_error() -> None:
    with pytest.raises(AgentInputError, match="No numbers found"):
        run("compute the average", capability="statistics")


# --- reading requests in words, earlier results as data, honest refusals -------------------


def step(step_id: str, data: dict[str, Any], text: str = "", title: str = "t") -> StepInput:
    return StepInput(step_id, title, text, data)


def test_a_chain_computes_on_the_earlier_steps_data_not_on_numbers_in_its_title() -> None:
    request = StepRequest(
        instruction="Compute the average of the result of step s1 (Compute the sum of 12.5 "
        "and 7.25) and 10.",
        capability="statistics",
        inputs=(step("s1", {"operation": "sum", "result": 19.75}, "**Sum: 29.75**"),),
    )
    result = run_operation(request)
    assert result.data["result"] == pytest.approx(14.875)
    assert result.data["values"] == [19.75, 10]
    assert result.data["inputs"] == {"s1": 19.75}
    assert "19.75 is the result of step s1" in result.text


def test_a_number_given_in_a_reply_to_the_agent_s_question_is_named_as_the_reply() -> None:
    request = StepRequest(
        instruction="Add 10 to the number in the reply",
        capability="calculation",
        inputs=(StepInput(REPLY_INPUT, "the reply to the question", "it was 45"),),
    )
    result = run_operation(request)
    assert result.data["result"] == 55
    assert "45 is read from the text of your reply." in result.text


def test_an_operation_without_its_own_operand_works_on_the_one_earlier_result() -> None:
    request = StepRequest(
        instruction="Add 10. Use the result of step s1 (Double 45).",
        capability="calculation",
        inputs=(step("s1", {"operation": "calculation", "result": 90}),),
    )
    data = run_operation(request).data
    assert data["result"] == 100 and data["expression"] == "s1 + 10"
    assert data["confidence"] == 1.0


def test_a_list_of_values_from_an_earlier_step_feeds_an_aggregate() -> None:
    request = StepRequest(
        instruction="What is the median of the values from step 1?",
        capability="statistics",
        inputs=(step("s1", {"values": [3, 1, 10], "result": 4.67}),),
    )
    # "result" is a mean over the values; "the values" are the numbers themselves.
    data = run_operation(request).data
    assert data["result"] == 3 and data["values"] == [3, 1, 10]


def test_numbers_from_the_context_of_a_task() -> None:
    data = run(
        "Context: I have the numbers 10, 20, 30 and 40. Task: What is their average?",
        capability="statistics",
    )
    assert data["result"] == 25 and data["values"] == [10, 20, 30, 40]


@pytest.mark.parametrize(
    "context",
    [
        # Nothing says whether the percentage is added or taken off.
        "The price is $899 and the rate is 8%.",
        "Our budget is 1200 and 5 percent of it.",
        "It was 80 and 10 per cent.",
    ],
)
def test_a_percentage_beside_an_amount_in_the_context_is_not_added_to_it(context: str) -> None:
    with pytest.raises(AgentInputError, match="percentages and plain numbers together"):
        run(f"Context: {context} Task: How much do I pay in total?", capability="statistics")


@pytest.mark.parametrize(
    ("context", "task", "result"),
    [
        ("The bill is 64 dollars and I add a 15% tip.", "What do I pay altogether?", 73.6),
        ("My rent is 1,200 and it goes up 5 percent.", "What will I pay in total?", 1260),
        ("The TV is 500 and it's 20% off in the sale.", "How much will I pay?", 400),
        ("A shirt is 40 with a 10% discount.", "How much do I save?", 4),
        ("I have 200 and spend 30% of it.", "How much is left?", 140),
        # The percentage may be in the question.
        ("The bill is 80.", "What's a 15% tip?", 12),
        ("The bill is 80.", "What do I pay with a 15% tip?", 92),
        # An amount in the question is the one it is about.
        ("The bill is 80.", "What's a 15% tip on 90?", 13.5),
        # The share asked as "what's the ...", an amount "marked down".
        ("Lunch was 40 and we add a 10% tip.", "What is the tip?", 4),
        ("The sofa is 900 and is marked down 10%.", "What do I pay?", 810),
        # A share of the price saved is taken off it.
        (
            "Bike is 1,200 and i save 32% through salary sacrifice.",
            "What does it actually cost me?",
            816,
        ),
        ("The laptop is 899 and i save 15% with my student card.", "What do i pay?", 764.15),
        # Told to add a charge named after its percentage: the amount with it.
        ("The repair came to 450.", "Add 20% vat.", 540),
        ("The meal was 60.", "Then put a 15% tip on.", 69),
    ],
)
def test_an_amount_changed_by_a_percentage(context: str, task: str, result: float) -> None:
    data = run(f"Context: {context} Task: {task}", capability="calculation")
    assert data["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        ("If 3 tickets cost 45 dollars, how much is one ticket?", 15),
        ("Context: 5 notebooks cost 12.50. Task: What does one cost?", 2.5),
        ("6 mugs come to 27, how much for each?", 4.5),
        ("If 4 chairs cost 1,200, what does one cost?", 300),
        ("If 3 tickets cost 45 dollars, how much are 5 tickets?", 75),
        ("Context: 4 pens cost 10. Task: What do 6 cost?", 15),
        # The total paid first, then the count of things.
        ("Context: I spent 45 on 3 books. Task: What did each book cost?", 15),
    ],
)
def test_the_price_of_some_items(instruction: str, result: float) -> None:
    assert run(instruction, capability="calculation")["result"] == result


@pytest.mark.parametrize(
    "instruction",
    [
        "If 3 tickets cost 45 dollars and 2 mugs cost 8, how much are 5 tickets?",
        "3 tickets cost 45 dollars and 10% tax, how much is one?",
        "If 3 tickets cost 45 dollars, how much do they cost altogether?",
        # A count and a price are not values of one list to add up.
        "Context: 3 tickets cost 45 dollars. Task: What's the total?",
        # Nor are a number of people and an amount.
        "Context: There are 3 of us. Each person pays 20. Task: What's the total?",
        "Context: My 3 friends are 20, 25 and 30 years old. Task: What's the average?",
    ],
)
def test_the_price_of_one_item_with_more_numbers_is_refused(instruction: str) -> None:
    with pytest.raises(AgentInputError):
        run(instruction, capability="calculation")


@pytest.mark.parametrize(
    "instruction",
    [
        # A price a head, each or per unit beside counts or amounts is a product to work out,
        # not one more value of a list (these came back as sums of every number).
        "Context: 110 day guests and 45 evening guests. Day meal is 68 a head, evening buffet "
        "is 14 a head. Task: Total catering.",
        # (Read as the products they are, "total costs" of these costs and "total" of these
        # lines are answered: test_analyst_money, test_measures.) A total of what, here?
        "Context: Costs: hall 1,200, set 650, rights 900. Tickets are 12 each. Task: Total.",
        "Context: 22 m2 of oak flooring at 34.99/m2 plus fitting 18. Task: Total.",
        # A price a unit of measure beside an amount in another unit (this was 97.45).
        "Context: fuel at 1.45 a litre for 96 miles. Task: Total.",
        "Context: diesel is 1.52 a litre and i drove 340 miles. Task: What's the total?",
    ],
)
def test_a_price_beside_amounts_is_no_value_of_a_list(instruction: str) -> None:
    with pytest.raises(AgentInputError, match="price or rate"):
        run(instruction, capability="statistics")


def test_prices_alone_are_values_of_a_list() -> None:
    data = run("Context: coffee 3.50 each, cake 2.80 each. Task: Total.", capability="statistics")
    assert data["result"] == pytest.approx(6.3)


@pytest.mark.parametrize(
    ("context", "task"),
    [
        # Which way the percentage goes, or what is asked, is not said.
        ("I have 200 and give 30% of it.", "How much is left?"),
        ("The price is 50 and tax is 10%.", "How much is left?"),
        # Tax on income is taken off, tax on a price added: which one is not said.
        ("I earn 3000 and tax is 20%.", "What's my total?"),
        ("A jacket is 100 and 20% off, plus shipping.", "What do I pay?"),
        ("Two shirts are 40 and 25 and 10% off.", "What do I pay?"),
        ("A jacket is 100, 20% off, and tax adds 8%.", "What do I pay?"),
        ("The bill is 64 and the tip is 15%.", "How much do I save and what do I pay?"),
    ],
)
def test_a_percentage_problem_not_fully_said_is_refused(context: str, task: str) -> None:
    with pytest.raises(AgentInputError):
        run(f"Context: {context} Task: {task}", capability="calculation")


def test_percentages_alone_in_the_context_are_numbers_of_a_kind() -> None:
    data = run(
        "Context: My grades were 80%, 90% and 70%. Task: What's my average?",
        capability="statistics",
    )
    assert data["result"] == 80


@pytest.mark.parametrize(
    ("context", "result"),
    [
        ("Sales were 1.2 million in Q1 and 1.5 million in Q2.", 2_700_000),
        ("The scores were 7/10, 8/10 and 9/10.", 2.4),
        # A date gives no number to add.
        ("On 12/05/2024 we sold 30, 40 and 50.", 120),
    ],
)
def test_numbers_of_the_context_as_they_are_written(context: str, result: float) -> None:
    data = run(f"Context: {context} Task: What's the total?", capability="statistics")
    assert data["result"] == pytest.approx(result)


def test_several_figures_are_each_reported() -> None:
    data = run("Give me the mean, median and standard deviation of 4, 8, 15, 16, 23, 42")
    assert data["figures"] == pytest.approx({"mean": 18, "median": 15.5, "stdev": 13.4907}, 1e-4)
    assert data["result"] == 18


def test_figures_asked_one_after_another_of_one_list_are_each_reported() -> None:
    data = run("Context: Scores: 7, 9, 6, 8. Task: Total please. Then average please.")
    assert data["figures"] == {"sum": 30, "mean": 7.5}
    # A later figure of the earlier one's result stays a chain.
    assert run("the sum of 7, 9, 6, 8, then the square root of it")["result"] == pytest.approx(
        30**0.5
    )


def test_a_sum_then_at_a_price_each_is_the_sum_times_the_price() -> None:
    data = run(
        "add up the papers returned this week 14, 9, 22, 11, 16, 8, 20 then at 1.85 each "
        "whats the credit",
        capability="calculation",
    )
    assert [s["result"] for s in data["steps"]] == pytest.approx([100, 185])
    said_in_sq_m = "add up the pane areas 1.08, 0.72, 1.44, 0.96 sq m then at 58 a sq m, cost?"
    assert run(said_in_sq_m, capability="calculation")["result"] == pytest.approx(243.6)
    # a price per a unit the amounts are not said in: kg at a price a lb is no product
    with pytest.raises(AgentInputError):
        run("add up the weights 3, 4 kg then at 2 a lb whats the cost", capability="calculation")


def test_how_many_of_what_a_column_measures_is_its_total_not_the_rows() -> None:
    table = '[{"dish":"soup","kcal":180},{"dish":"pasta","kcal":640}]'
    data = run(f"{table} how many calories altogether", capability="statistics")
    assert (data["operation"], data["result"]) == ("sum", 820)
    with pytest.raises(AgentInputError, match="not how many rows"):
        run(f"{table} how many calories are there", capability="statistics")
    with pytest.raises(AgentInputError, match="no column"):
        run("how many calories altogether\ndish,price\nsoup,4", capability="statistics")


def test_a_figure_of_a_column_asked_in_another_unit_is_refused_not_left_unconverted() -> None:
    table = "day,km\nSat,12\nSun,20"
    with pytest.raises(AgentInputError, match="'miles'"):
        run(f"what is the total of the km column in miles\n{table}", capability="statistics")
    # A conversion step asked for a unit is not asked for a table format.
    with pytest.raises(AgentInputError, match="a unit, not a table format"):
        run(f"convert the total to miles\n{table}", capability="conversion")
    assert (
        run(f"the total of the km column in km\n{table}", capability="statistics")["result"] == 32
    )


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # Number words are read as digits before the everyday phrasings that need digits.
        ("seven to the third", 343),
        ("eighteen hundred shared out twelve ways", 150),
        ("six hundred lots of two point five", 1500),
        ("30 lots of 1.5", 45),
        # A fraction said in words stays a fraction.
        ("three quarters of 96", 72),
    ],
)
def test_amounts_in_number_words_read_in_everyday_phrasings(
    instruction: str, result: float
) -> None:
    assert run(instruction, capability="calculation")["result"] == pytest.approx(result)


def test_stones_convert_to_kilograms() -> None:
    assert run("convert 9 stone to kg", capability="calculation")["result"] == pytest.approx(
        57.1526, 1e-5
    )


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # One amount in two units of one way of measuring.
        ("i'm 11 stone 4 lb, what's that in kg", 71.6676),
        ("the film is 2 hours 15 minutes, how many minutes is that", 135),
        ("the flight is 11 hours 40 minutes, how many minutes is that in total", 700),
        # Areas in "sq ft", "square metres", "m²".
        ("the flat is advertised at 650 sq ft, how many square metres is that", 60.387),
        ("what is 24 m² in sq ft", 258.3339),
        # An amount in brackets; which ounce is meant, said in brackets.
        ("whats a marathon (42.195 km) in miles", 26.2188),
        ("250 g of butter in ounces (weight, not fluid ounces)", 8.8185),
    ],
)
def test_amounts_said_in_everyday_ways_convert(instruction: str, result: float) -> None:
    assert run(instruction, capability="calculation")["result"] == pytest.approx(result, 1e-4)


def test_numbers_listed_in_brackets_after_what_they_are_are_the_values() -> None:
    data = run("Average my last 4 electric bills (72, 81, 69, 78).", capability="statistics")
    assert data["result"] == 75
    # A function's arguments stay its arguments.
    assert run("what is max(3, 5) plus 2", capability="calculation")["result"] == 7


def test_the_value_before_asked_back_is_that_value() -> None:
    total = step("s1", {"operation": "calculation", "result": 99.12})
    data = run(
        "Whats the result of step s1 (Dinner was 84 plus an 18% tip).",
        capability="calculation",
        inputs=(total,),
    )
    assert data["result"] == pytest.approx(99.12)
    # The planner's own words for the value before, in a chain.
    root = step("s1", {"operation": "calculation", "result": 8})
    data = run(
        "Then double the result of the previous part.", capability="calculation", inputs=(root,)
    )
    assert data["result"] == 16


def test_a_code_written_with_a_number_is_no_amount() -> None:
    with pytest.raises(AgentInputError, match="RX-2450"):
        run(
            "the model number is RX-2450 and it's 20% off, what's the sale price",
            capability="calculation",
        )
    assert run("what is 20 - 5", capability="calculation")["result"] == 15


def test_a_figure_said_for_what_it_is_for() -> None:
    mean = step("s1", {"operation": "mean", "result": 650})
    data = run(
        "Take 10% off the result of step s1 as a cautious forecast.",
        capability="calculation",
        inputs=(mean,),
    )
    assert data["result"] == 585
    data = run(
        "Context: Golf scores: 88, 92, 85, 90, 87. Task: Best and worst (lowest and highest)?",
        capability="statistics",
    )
    assert data["figures"] == {"min": 85, "max": 92}


def test_the_heaviest_is_the_highest_of_the_one_column_of_weights() -> None:
    data = run(
        "Which parcel is heaviest?\nparcel\tkg\nP-101\t2.4\nP-102\t7.9", capability="statistics"
    )
    assert data["result"] == 7.9
    with pytest.raises(AgentInputError, match="no column of weights"):
        run("Which parcel is heaviest?\nparcel,cost\nP-101,2.4\nP-102,7.9", capability="statistics")


def test_counts_and_prices_named_in_other_words() -> None:
    # The verb of a value: "failed" counts the rows that hold "fail".
    table = "| reg | result |\n|---|---|\n| A1 | pass |\n| B2 | fail |\n| C3 | fail |"
    data = run(f"{table}\nhow many failed their MOT today", capability="statistics")
    assert data["result"] == 2
    # Quotes are prices.
    quotes = '[{"garage": "Kwik", "quote": 645}, {"garage": "Hall", "quote": 580}]'
    assert run(f"which is cheapest? {quotes}", capability="statistics")["result"] == 580


def test_a_value_the_rows_came_in_as_or_paid_of_two_words_is_counted() -> None:
    fees = '{"member": "Gaz", "league_fee": "paid"}\n{"member": "Tony", "league_fee": "owed"}'
    fees += '\n{"member": "Ray", "league_fee": "paid"}'
    data = run(f"{fees}\nhow many have paid their league fee", capability="statistics")
    assert data["result"] == 2
    orders = "order,state\nA1,late\nB2,on time\nC3,late\nD4,late"
    assert run(f"{orders}\nhow many orders arrived late", capability="statistics")["result"] == 3
    deliveries = "supplier,delivery\nhughes,complete\nmarket,short\nfarm,short"
    data = run(f"{deliveries}\nhow many deliveries came short", capability="statistics")
    assert data["result"] == 2
    # "late" a value of two columns: which is counted is unsaid
    both = "order,state,note\nA1,late,late\nB2,on time,ok"
    with pytest.raises(AgentInputError):
        run(f"{both}\nhow many orders arrived late", capability="statistics")


def test_a_normal_csv_of_a_table_with_semicolons() -> None:
    data = run(
        "item;owner\ntent;Dan\nstove;Ruth\nthis is semicolon separated, i need a normal csv",
        capability="conversion",
    )
    assert data["to"] == "csv" and data["output"].startswith("item,owner\ntent,Dan")


def test_the_mark_the_last_test_needs_for_an_average() -> None:
    data = run(
        "Context: I need my average across 3 tests to be 80. Task: I got 72 and 85 on the "
        "first two, what do i need on the third.",
        capability="calculation",
    )
    assert data["result"] == 83
    # A mark no part of the average accounts for, or one missing: not read.
    for said in ("i got 72 and 85 on the first two and 90 last week", "i got 72"):
        with pytest.raises(AgentInputError):
            run(
                f"Context: I need my average across 3 tests to be 80. Task: {said}, what do i "
                "need on the third.",
                capability="calculation",
            )


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        # the average wanted said before the word, the test asked "the last one"
        ("need a 70 average across 4 tests. got 64, 72 and 68 so far, what do i need on the "
         "last one", 76),
        ("i want an 80 average over 3 quizzes. i got 75 and 78, what do i need on the final "
         "one", 87),
    ],
)  # fmt: skip
def test_the_mark_needed_for_an_average_said_before_it(said: str, expected: float) -> None:
    assert run(said, capability="calculation")["result"] == expected


@pytest.mark.parametrize(
    "said",
    [
        # a mark missing, or "the last 2" tests asked: not read
        "need a 70 average across 4 tests. got 64 and 72 so far, what do i need on the last one",
        "need a 70 average across 4 tests. got 64, 72 and 68 so far, what do i need on the last 2",
    ],
)
def test_the_mark_needed_for_an_average_not_all_said_is_refused(said: str) -> None:
    with pytest.raises(AgentInputError):
        run(said, capability="calculation")


def test_tires_are_no_slip_of_times() -> None:
    with pytest.raises(AgentInputError) as refused:
        run(
            "what is 4 tires",
            capability="calculation",
        )
    assert "as 'times'" not in str(refused.value)


def test_split_between_our_number_of_them() -> None:
    total = step("s1", {"operation": "sum", "result": 180})
    data = run(
        "Split the result of step s1 evenly between our 3 charities.",
        capability="calculation",
        inputs=(total,),
    )
    assert data["result"] == 60


@pytest.mark.parametrize(
    "instruction",
    [
        "Tell me what that gives per head if 5 of us go for the meal.",
        "what is that per head for 5 people",
    ],
)
def test_the_value_worked_on_per_head_of_a_number_of_people(instruction: str) -> None:
    total = step("s1", {"operation": "sum", "result": 125})
    assert run(instruction, capability="statistics", inputs=(total,))["result"] == 25
    # With no value before it there is nothing to share.
    with pytest.raises(AgentInputError):
        run(instruction, capability="calculation")


def test_so_much_a_day_times_a_number_of_days() -> None:
    assert run("what's 7.5 hours x 22 days", capability="calculation")["result"] == 165
    # Two amounts of time multiplied are no such thing.
    with pytest.raises(AgentInputError):
        run("2 hours x 3 hours", capability="calculation")


def test_what_is_left_of_an_amount_after_the_value_worked_on() -> None:
    spent = step("s1", {"operation": "sum", "result": 183.49})
    data = run(
        "Tell me how much is left of my 250 budget.", capability="calculation", inputs=(spent,)
    )
    assert data["result"] == pytest.approx(66.51)
    # With no value before it, nothing is taken from the amount.
    with pytest.raises(AgentInputError):
        run("how much is left of my 250 budget", capability="calculation")


def test_a_conversion_read_apart_from_a_context_of_words() -> None:
    data = run(
        "Context: 'Lovely staff but the rooms were tired.'\nTask: Convert 5 miles to km.",
        capability="conversion",
    )
    assert data["result"] == pytest.approx(8.04672)


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # The one amount of that measure the statement before gives.
        ("Context: My bag is 55 lb. Task: Convert that to kg.", 24.9476),
        ("Context: Half marathon = 13.1 miles. Task: In km please.", 21.0824),
        ("Context: Commute is 18 km each way. Task: Convert that to miles.", 11.1847),
        (
            "Context: The pump shows bar and the tyres want 80 psi. Task: What's that in bar.",
            5.5158,
        ),
        # What is measured after "of"; "too" for "to" after a slip in the verb.
        ("Convert 3 lb of mince to kg.", 1.36078),
        ("cnvert 12 miles too km", 19.3121),
        ("220 c to fahrenheit please", 428),
        # What or where the amount is of, after it.
        ("car handbook says 2.4 bar for the front tyres, whats that in psi", 34.809),
        ("it's -5 °F in Chicago today, what is that in celsius", -20.5556),
        # Slips in a fraction's words; what a figure is for.
        ("wat's 3 quaters of 1,260", 945),
        # Doubled for the round trip: the trip says why.
        ("double 11 for the round trip", 22),
        # A few words after the amount of what or where it is; the unit alone, asked
        # after a break; the scale's name misspelt; a pint whose size is said.
        ("the yogurt wants 43 degrees c to set, what's that in F", 109.4),
        ("ran the 5 mile loop yesterday, how many km is that", 8.04672),
        ("the oven dial says 180°C — fahrenheit?", 356),
        ("my podcast queue is 600 minutes long — hours?", 10),
        ("weighed 150 lb at the doctor's in texas, kg?", 68.0388555),
        ("its 20 degrees c out whats that in farenheit", 68),
        ("keg holds 50 litres, how many uk pints is that", 87.9877),
        ("how many ml in 3 US pints", 1419.5294),
        # Which way the amount is measured, after the unit asked.
        ("a 20 inch wheel is how many cm across", 50.8),
    ],
)
def test_a_conversion_of_an_amount_stated_before(instruction: str, result: float) -> None:
    assert run(instruction, capability="calculation")["result"] == pytest.approx(result, 1e-4)


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # The unit alone asked of the one amount the context states.
        ("Context: The plot is 2 hectares. Task: Acres?", 4.94210763),
        ("Context: The screen is sold as 81.3 cm. Task: Inches?", 32.007874),
        # A weight in stones and pounds, written against its numbers.
        ("Context: Weighed 12st 6lb in march. Task: In kg?", 78.92505238),
    ],
)
def test_the_unit_alone_asked_of_an_amount_stated(instruction: str, result: float) -> None:
    assert run(instruction, capability="calculation")["result"] == pytest.approx(result, 1e-6)


@pytest.mark.parametrize(
    "instruction",
    [
        # Arithmetic on the amount stated is no conversion of it.
        "I ran 5 km twice, what's that in miles",
        # Two amounts of the measure: which one is not said.
        "Context: I ran 5 km and then 3 km. Task: Convert that to miles.",
        # The amount shared out, or a second number beside it, is no amount to convert.
        "a 10 kg sack split between us, how many lbs is that",
        "Context: weighed 13st 2 at new year. Task: In kg?",
        # A pint whose size is not said.
        "how many ml in 3 pints",
    ],
)
def test_a_conversion_or_rate_not_read_is_refused(instruction: str) -> None:
    with pytest.raises(AgentInputError):
        run(instruction, capability="calculation")


def test_an_amount_in_units_of_two_ways_of_measuring_is_not_one_amount() -> None:
    with pytest.raises(AgentInputError):
        run("i weigh 70 kg and 3 lb, what's that in stone", capability="calculation")


def test_a_dash_between_listed_numbers_and_a_question_ends_the_list() -> None:
    data = run("the plants are 12, 15, 9, 20 - what's the mean height", capability="statistics")
    assert data["result"] == 14
    assert run("20 - 5", capability="calculation")["result"] == 15


def test_a_part_of_a_whole_asked_as_a_percentage_with_its_own_verb() -> None:
    data = run("12 of my 30 bulbs flowered, what percentage flowered", capability="calculation")
    assert data["result"] == 40
    with pytest.raises(AgentInputError):
        run("12 of my 30 bulbs flowered, what percentage increase", capability="calculation")


@pytest.mark.parametrize(
    ("instruction", "expected"),
    [
        ("sowed 72 chilli seeds and 58 germinated, germination rate %?", 80.555556),
        ("Context: Planted 40 bulbs and 34 came up. Task: What % came up.", 85),
        ("Context: 38 in the choir, 29 came tonight. Task: Attendance %.", 76.315789),
        ("40 on the register, 33 turned up - attendance %?", 82.5),
        # The rate's noun, the part's verb in other words.
        ("group of 32 sat the exam, 24 passed. pass rate %", 75),
        ("posted 640 parcels this month and 48 came back. return rate %", 7.5),
        ("sent 250 orders, 15 were returned. returns rate %", 6),
        ("planted 150 seeds, 123 came up. germination %", 82),
    ],
)
def test_the_whole_then_the_part_said_with_the_verb_the_question_names(
    instruction: str, expected: float
) -> None:
    assert run(instruction, capability="calculation")["result"] == pytest.approx(expected)


@pytest.mark.parametrize(
    "instruction",
    [
        # The part the question names is not the one given.
        "sowed 30 seeds and 12 failed, germination rate %?",
        # Two parts, each said with the verb: no whole.
        "72 came last week and 58 came this week, attendance %",
        # A rate whose part is not the one said.
        "group of 32 sat the exam, 24 passed. fail rate %",
        "group of 32 sat the exam, 8 failed. pass rate %",
        "posted 640 parcels this month and 48 came back. pass rate %",
    ],
)
def test_a_part_said_with_another_verb_than_the_question_names_is_refused(
    instruction: str,
) -> None:
    with pytest.raises(AgentInputError):
        run(instruction, capability="calculation")


def test_an_amount_at_a_price_per_its_unit_is_their_product() -> None:
    data = run("put 40 litres in at 1.65 a litre, how much did that cost", capability="calculation")
    assert data["result"] == pytest.approx(66)
    # A price per another unit is not the amount's.
    with pytest.raises(AgentInputError):
        run("40 litres at 1.65 a gallon, how much did that cost", capability="calculation")


def test_the_value_that_came_up_most_often_is_the_mode() -> None:
    data = run(
        "dice rolls: 3, 5, 3, 6, 2. which number appeared most often", capability="statistics"
    )
    assert (data["operation"], data["result"]) == ("mode", 3)
    # Of returns, the size that comes back most.
    data = run(
        "sizes returned: 38 39 40 39 41. which size comes back most", capability="statistics"
    )
    assert (data["operation"], data["result"]) == ("mode", 39)


def test_each_value_of_a_chain_in_one_step_is_shown() -> None:
    result = run_operation(StepRequest(instruction="Take 250, subtract 15%, then add 20"))
    assert result.data["result"] == 232.5
    assert [s["result"] for s in result.data["steps"]] == [250, 212.5, 232.5]
    assert "212.5" in result.text


@pytest.mark.parametrize(
    ("instruction", "capability", "reason"),
    [
        ("Average of the three biggest numbers over 4: 4, 9, 1", "statistics", "Not sure"),
        ("Calculate the interest on 1000 at 5% for 3 months", "calculation", "did not use"),
        ("What is the average?", "statistics", "No numbers found"),
        ("Calculate it.", "calculation", "No numbers found"),
    ],
)
def test_a_doubtful_request_is_refused_with_what_was_understood(
    instruction: str, capability: str, reason: str
) -> None:
    with pytest.raises(AgentInputError, match=reason) as refused:
        run(instruction, capability=capability)
    assert "Rephrase" in str(refused.value) or "No numbers found" in str(refused.value)


def test_a_table_is_found_where_it_starts_on_the_line_of_the_request() -> None:
    data = run("Turn this into CSV: | name | qty |\n|---|---|\n| pens | 4 |\n| pads | 2 |")
    assert data["output"] == "name,qty\npens,4\npads,2\n"
    assert run("Total the units: region,units\nnorth,5\nsouth,7")["result"] == 12
    assert run("Find the max temperature | day | temp |\n|---|---|\n| Mon | 21 |")["result"] == 21


def test_table_statistics_refuse_conditions_they_cannot_apply() -> None:
    with pytest.raises(AgentInputError, match="'above'"):
        run(f"Average price above 15\n{SALES_CSV}", capability="statistics")
    with pytest.raises(AgentInputError, match="which column"):
        run(f"What is the average?\n{SALES_CSV}", capability="statistics")


def test_a_table_from_an_earlier_step_is_used_by_its_column() -> None:
    records = [{"name": "Ann", "age": 30}, {"name": "Bob", "age": 40}]
    request = StepRequest(
        instruction="Compute the average of the age column of the result of step s1 "
        "(Convert this CSV to JSON).",
        capability="statistics",
        inputs=(step("s1", {"operation": "conversion", "records": records}),),
    )
    data = run_operation(request).data
    assert data["column"] == "age" and data["result"] == 35


def test_conversion_of_units_is_arithmetic() -> None:
    data = run("Convert 100 degrees Fahrenheit to Celsius", capability="conversion")
    assert data["result"] == pytest.approx(37.7778, 1e-4)


@pytest.mark.parametrize(
    ("instruction", "expected"),
    [
        ("convert 72 km/h to m/s for my physics hw", 20),
        ("Convert 90 km/h to m/s for homework", 25),
        ("change 30 m/s to km/h for my son's homework", 108),
    ],
)
def test_a_conversion_said_with_what_it_is_for(instruction: str, expected: float) -> None:
    data = run(instruction, capability="conversion")
    assert data["result"] == pytest.approx(expected)


def test_every_quoted_text_is_the_material() -> None:
    data = run(
        "Analyze the sentiment of these comments: 'Great service!', 'Terrible wait times'",
        capability="sentiment",
    )
    assert data["positiveTerms"] == ["great"] and data["negativeTerms"] == ["terrible"]
    assert len(data["sentences"]) == 2


def test_a_quote_inside_a_quote_is_part_of_its_text() -> None:
    # The inner quote is not a second text: read again after the outer one, its words
    # would come after the closing praise and hide the sarcasm.
    data = run(
        "'Oh great, \"unexpected item in the bagging area\" again. Love that for me.' "
        "real sentiment?",
        capability="sentiment",
    )
    assert data["label"] == "negative"
    assert len(data["sentences"]) == 2
    # Texts side by side are each their own.
    data = run("tone of 'Great service!' and \"Terrible wait times\"", capability="sentiment")
    assert data["positiveTerms"] == ["great"] and data["negativeTerms"] == ["terrible"]


def test_a_text_operation_without_text_is_refused() -> None:
    with pytest.raises(AgentInputError, match="no text to work on"):
        run("What is the sentiment of the reviews?", capability="sentiment")


@pytest.mark.parametrize(
    ("instruction", "capability"),
    [
        (
            "tl;dr this pls https://www.example-news.co.uk/2025/03/council-budget-cuts",
            "summarization",
        ),
        ("summarise the article at https://example.com/x", "summarization"),
        ("keywords for www.example.com/council-budget-cuts-announced-today", "keywords"),
        ("what's the tone of this https://example.com/terrible-awful-review", "sentiment"),
        ("summarise this: bbc.co.uk/news/uk-politics-123", "summarization"),
    ],
)
def test_a_bare_link_is_no_text(instruction: str, capability: str) -> None:
    # The words of an address ("terrible-awful-review") are not the page, not fetched here.
    with pytest.raises(AgentInputError, match="gives a link"):
        run(instruction, capability=capability)


def test_a_summary_longer_than_its_text_is_refused() -> None:
    # Sentences run together with commas are one sentence: two of it would be the text whole.
    text = "summarise in 2 sentences: The park opens at 8, Dogs must be on a lead, Cafe shuts at 6."
    with pytest.raises(AgentInputError, match="already one sentence long"):
        run(text, capability="summarization")
    # As many sentences as asked for are still given.
    data = run("summarise in 2 sentences: The park opens at 8. Dogs must be on a lead.")
    assert len(data["sentences"]) == 2


def test_a_text_with_a_link_in_it_is_read() -> None:
    text = "summarise: The council cuts the budget, see https://example.com/x. Libraries close."
    assert run(text, capability="summarization")["sourceSentences"] == 2
    # The colon of a link sets no text apart: the words before it are the text.
    data = run("The new update is brilliant https://example.com/a", capability="sentiment")
    assert data["label"] == "positive"


def test_a_question_is_not_the_text_to_judge() -> None:
    # Asked with no text, the question itself would be judged ("neutral").
    with pytest.raises(AgentInputError, match="no text to work on"):
        run("How many steps did I walk yesterday?", capability="sentiment")


def test_a_question_naming_the_label_it_wants_is_not_the_text() -> None:
    # Judged as the text, "positive or negative" would be "mixed".
    with pytest.raises(AgentInputError, match="no text to work on"):
        run("was my last facebook comment positive or negative", capability="sentiment")
    # The text after the colon is judged.
    data = run("positive or negative: I am so tired of this", capability="sentiment")
    assert data["label"] == "negative"


@pytest.mark.parametrize(
    "instruction",
    [
        "Was my latest facebook update negative?",
        "does my reply to the landlord come across as positive or neutral",
        # How a message not given sounds: its own words are no message.
        "did my sister's last message seem annoyed",
    ],
)
def test_a_question_naming_a_label_is_not_the_text_to_judge(instruction: str) -> None:
    # Its own "positive" and "negative" would be judged ("mixed").
    with pytest.raises(AgentInputError, match="no text to work on"):
        run(instruction, capability="sentiment")


@pytest.mark.parametrize(
    "instruction",
    [
        "did my text to the neighbours sound rude",
        "Is my complaint email too harsh?",
        "does the note from my landlord come across as annoyed",
    ],
)
def test_a_question_of_how_a_text_sounds_is_not_the_text_to_judge(instruction: str) -> None:
    # Its own "rude", "harsh" or "annoyed" would be judged ("negative").
    with pytest.raises(AgentInputError, match="no text to work on"):
        run(instruction, capability="sentiment")
    # Asked of a quoted text, the quote is judged.
    data = run("does 'thanks so much, you were wonderful' sound rude", capability="sentiment")
    assert data["label"] == "positive"


@pytest.mark.parametrize(
    ("instruction", "capability"),
    [
        ("Is the tone of my neighbour's note ok?", "sentiment"),
        ("sentiment of the customer's complaint letter", "sentiment"),
        ("Pull the main topics from my thesis chapter.", "keywords"),
        ("Give me the short version of the meeting minutes.", "summarization"),
    ],
)
def test_a_text_named_but_not_given_is_not_the_text_to_work_on(
    instruction: str, capability: str
) -> None:
    # The request's own words ("ok", "complaint", "short version") are not the text.
    with pytest.raises(AgentInputError, match=r"names '(my|the) .*' but does not give it"):
        run(instruction, capability=capability)
    # Given after a colon, a text that mentions a letter is judged.
    data = run("sentiment: I loved the letter you sent", capability="sentiment")
    assert data["label"] == "positive"


def test_table_statistics_make_up_no_figure_the_request_does_not_name() -> None:
    with pytest.raises(AgentInputError, match="names no figure"):
        run(
            "Put this in CSV format:\n| name | score |\n|---|---|\n| Ann | 3 |",
            capability="statistics",
        )
    described = run(
        "Describe the scores:\n| name | score |\n|---|---|\n| Ann | 3 |", capability="statistics"
    )
    assert described["result"] == 3


def test_a_conversions_records_are_its_table_although_it_counts_rows() -> None:
    converted = run("Convert to JSON:\nname,age\nAnn,30\nBob,40")
    assert converted["rows"] == 2
    request = StepRequest(
        instruction="Compute the average of the age column of the result of step s1.",
        capability="statistics",
        inputs=(step("s1", converted),),
    )
    assert run_operation(request).data["result"] == 35


# --- questions about a table ------------------------------------------------------------


@pytest.mark.parametrize(
    ("instruction", "result", "row"),
    [
        ("Which product sold the most?\nproduct,units\nLamp,12\nDesk,30\nChair,18", 30, "Desk"),
        ("which product had the fewest units?\nproduct,units\nLamp,12\nDesk,30", 12, "Lamp"),
        ("I pasted our costs below, what's the biggest one?\nproduct,cost\nA,5\nB,9", 9, "B"),
    ],
)
def test_which_row_holds_the_extreme_value(instruction: str, result: int, row: str) -> None:
    answer = run_operation(StepRequest(instruction=instruction, capability="statistics"))
    assert answer.data["result"] == result
    assert [r["product"] for r in answer.data["matchingRows"]] == [row]
    assert f"(product: {row})" in answer.text


def test_which_row_of_a_figure_per_group_is_refused() -> None:
    with pytest.raises(AgentInputError, match="asks which row"):
        run(
            "Which region has the highest average sale?\nregion,sale\nnorth,10\nsouth,30",
            capability="statistics",
        )


def test_how_many_counts_the_rows_whatever_the_columns() -> None:
    # The total is missing in one row: the orders are still three.
    records = '[{"id": "a", "total": 20}, {"id": "b", "total": null}, {"id": "c", "total": 5}]'
    data = run(f"how many orders are in here? {records}", capability="statistics")
    assert data["operation"] == "count" and data["result"] == 3


def test_how_many_rows_meet_a_condition_is_refused() -> None:
    records = '[{"name": "a", "active": 1}, {"name": "b", "active": 0}]'
    with pytest.raises(AgentInputError, match="condition on the rows"):
        run(f"how many users are active? {records}", capability="statistics")


def test_a_json_list_of_numbers_is_numbers() -> None:
    data = run("whats the biggest number in [3, 9, 4, 12, 7]", capability="statistics")
    assert data["result"] == 12


def test_a_question_is_not_a_conversion() -> None:
    with pytest.raises(AgentInputError, match="does not ask for another format"):
        run(
            'From this JSON, how many users are there? [{"a": 1}, {"a": 2}]',
            capability="conversion",
        )
    assert (
        run("Make this a CSV:\n| a | b |\n|---|---|\n| 1 | 2 |", capability="conversion")["to"]
        == "csv"
    )


def test_sarcasm_is_refused_rather_than_read_at_face_value() -> None:
    with pytest.raises(AgentInputError, match="sarcasm"):
        run("Tell me if this sounds sarcastic: 'Oh great, another Monday.'", capability="sentiment")
    # The word inside the quoted text is material, not the question.
    assert run("Sentiment of: 'No sarcasm here, just love it'", capability="sentiment")["label"]


@pytest.mark.parametrize(
    "instruction",
    [
        "is this sarcastic or sincere: 'Thanks so much for breaking my headphones.'",
        "sarcasm check: 'Oh wonderful, the heating broke again.'",
        "is this ironic? 'Delivered late and damaged. Great.'",
    ],
)
def test_sarcasm_asked_of_praise_read_as_irony_is_answered(instruction: str) -> None:
    # The analysis read the only praise as irony of a complaint: negative either way.
    data = run(instruction, capability="sentiment")
    assert data["label"] == "negative" and data["ironic"]


def test_sarcasm_asked_of_praise_beside_sincere_praise_is_refused() -> None:
    # Praise that was not read as irony ("nice lobby") may be sarcastic too: no answer,
    # though the text reads negative.
    with pytest.raises(AgentInputError, match="sarcasm"):
        run(
            "is this sarcastic: 'Nice lobby. Thanks so much for breaking my headphones, "
            "the staff were rude.'",
            capability="sentiment",
        )


def test_numbers_given_without_a_figure_are_refused_as_such() -> None:
    with pytest.raises(AgentInputError, match="names no figure to compute on the numbers given"):
        run(
            "Context: Here are my sales: Mon 120, Tue 95, Wed 140. Task: Which day was best?",
            capability="statistics",
        )


def test_a_table_may_start_after_the_question_on_its_line() -> None:
    data = run(
        "Which city has the highest temp? city,temp\nRome,21\nCairo,30", capability="statistics"
    )
    assert data["result"] == 30 and data["matchingRows"] == [{"city": "Cairo", "temp": 30}]


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        ("How much is 7% sales tax on 250?", 17.5),
        ("Calculate a 3% commission on 12000", 360),
        ("split 240 among 6 friends", 40),
        ("Round 7.666 to a whole number", 8),
    ],
)
def test_everyday_arithmetic(instruction: str, result: float) -> None:
    assert run(instruction, capability="calculation")["result"] == result


def test_how_many_of_what_the_numbers_measure_is_refused() -> None:
    # 24 bottles in all, or in each box?
    with pytest.raises(AgentInputError, match="not how many numbers there are"):
        run(
            "Context: We have 12 boxes with 24 bottles. Task: How many bottles is that?",
            capability="statistics",
        )
    # "24 bottles each" says which: per box (`analyst.quantities`)
    each = "Context: We have 12 boxes with 24 bottles each. Task: How many bottles is that?"
    assert run(each, capability="statistics")["result"] == 288
    assert (
        run("How many numbers are in this list: 4, 8, 15", capability="statistics")["result"] == 3
    )


@pytest.mark.parametrize(
    "instruction",
    [
        # points a number measures elsewhere in the request: not how many numbers there are
        "Context: 3 points for a win, 1 for a draw. played 10, won 8, drawn 4. Task: how many "
        "points",
        "Context: a win is 3 points and a draw 1. played 12, won 9, drawn 5. Task: how many "
        "points?",
    ],
)
def test_how_many_points_a_number_measures_is_not_a_count(instruction: str) -> None:
    with pytest.raises(AgentInputError, match="not how many numbers there are"):
        run(instruction, capability="statistics")


def test_how_many_points_of_a_list_of_data_is_its_count() -> None:
    assert (
        run("data: 3, 5, 8, 13. how many points are there", capability="statistics")["result"] == 4
    )


@pytest.mark.parametrize(
    ("question", "rows"),
    [
        # The value named, in its column: the rows holding it (`count_of_named_value`).
        ("How many orders came from Spain?", 2),
        # A condition besides it is not applied, and not ignored either.
        ("How many orders came from Spain after March?", None),
        ("How many rows does the table contain?", 3),
        ("How many orders do we have?", 3),
    ],
)
def test_how_many_rows_with_and_without_a_condition(question: str, rows: int | None) -> None:
    request = f"{question}\norder,country\n1,Spain\n2,France\n3,Spain"
    if rows is None:
        with pytest.raises(AgentInputError, match="condition on the rows"):
            run(request, capability="statistics")
    else:
        assert run(request, capability="statistics")["result"] == rows


@pytest.mark.parametrize(
    ("context", "task", "result"),
    [
        # A relative change stated before the question, which says which way it goes.
        ("Revenue went from 40k to 50k.", "What's the percentage increase?", 25),
        ("The price dropped from 80 to 60.", "By what percent did it drop?", 25),
        ("Users went from 200 to 150.", "What's the percentage change?", -25),
        ("Visitors went from 1,200 to 1,500.", "What's the percentage increase?", 25),
        # Dated values: the years are no values.
        ("Sales went from 400 in 2021 to 500 in 2023.", "By what percent did they grow?", 25),
        # An amount split between people.
        ("There are 5 of us and dinner was 210.", "How much does each of us pay?", 42),
        ("The taxi was 48 dollars for 3 friends.", "How much each?", 16),
        # An amount per period, asked per another period.
        ("A gym membership costs 35 a month.", "What's that per year?", 420),
        ("My rent is 14,400 a year.", "How much is it per month?", 1200),
        # The price after a discount, asked as the sale price.
        ("A coat is 150 and it's 20% off.", "What's the sale price?", 120),
        ("A jacket is 90, now 10% off.", "What's the sale price?", 81),
        # An amount at a rate, for a number of those periods.
        ("I earn 18 an hour and worked 40 hours.", "How much did I make?", 720),
        ("I put away 200 a month for 6 months.", "How much have I saved?", 1200),
        # An amount held, less one amount taken from it.
        ("I had 500 dollars and spent 120 on groceries.", "How much do I have left?", 380),
        ("My budget is 80. I paid 34.50 for a jacket.", "How much is left?", 45.5),
        ("I have 10 apples and eat 3.", "How many are left?", 7),
        # A statement whose subject is the share: "it" is the share.
        ("A 15% tip on a $60 bill.", "How much is it?", 9),
        ("A discount of 30% on a 90 dollar coat.", "How much is that?", 27),
    ],
)
def test_word_problems_stated_before_the_question(context: str, task: str, result: float) -> None:
    data = run(f"Context: {context} Task: {task}", capability="calculation")
    assert data["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    ("context", "task"),
    [
        # A decrease asked of values that rose; a scale on one value only.
        ("Visitors rose from 1,200 to 1,500.", "What's the percentage decrease?"),
        # Two percentages: a change in points, or relative to the first? Unsaid.
        ("My rate went from 4% to 5%.", "What's the percentage increase?"),
        # No number of people, or another number beside them.
        ("The bill is 138.", "How much does each person pay?"),
        ("We are 4 people and the bill is 138 with a 10% tip.", "How much does each pay?"),
        # Two amounts, or a month to a week (no whole number of weeks in a month).
        ("I earn 3200 a month and spend 2450.", "How much is that a year?"),
        ("Rent is 1,300 a month.", "How much is that per week?"),
        # How many days a week are worked is not said.
        ("I earn 50 a day.", "How much is that per week?"),
        ("I'm paid 120 a day.", "What's that a year?"),
        # Taken more than once, more than held, or at a rate.
        ("I have 200, spend 45 and then 30.", "How much is left?"),
        ("I have 50 and spent 80.", "How much is left?"),
        ("I have 300 and spend 20 a day.", "How much is left?"),
        # "that" may be the price or the discount.
        ("The coat is 90 with 30% off.", "How much is that?"),
    ],
)
def test_word_problems_not_read_are_refused(context: str, task: str) -> None:
    with pytest.raises(AgentInputError):
        run(f"Context: {context} Task: {task}", capability="calculation")


def test_the_sale_price_is_the_amount_after_the_discount() -> None:
    read = read_percentage_problem("A jacket is 90, now 10% off.", "What's the sale price?")
    assert read is not None and read[1] == "the amount less it"


@pytest.mark.parametrize(
    ("context", "task", "result"),
    [
        ("A car travels 150 km in 2 hours.", "What's its average speed?", 75),
        ("We drove 300 miles in 5 hours.", "What was our average speed?", 60),
    ],
)
def test_a_speed_stated_before_the_question_is_not_an_average(
    context: str, task: str, result: float
) -> None:
    data = run(f"Context: {context} Task: {task}", capability="statistics")
    assert data["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # A statement and its question in one sentence.
        ("I spent 12, 30 and 8, what's the total?", 50),
        ("my test scores were 88 92 79 95, what's my average", 88.5),
        # Arithmetic asked and then questioned is read whole.
        ("Multiply 6 by 7, what do you get?", 42),
        ("Subtract 5 from 20, what's left?", 15),
        # A year says when; it is no value to add.
        ("Context: In 2023 we sold 40, 50 and 60 units. Task: What's the total?", 150),
        ("Context: In March 2024 we had 12, 15 and 9 visitors. Task: What's the average?", 12),
        # A noun said after each number is what they measure, not a count of things.
        ("Context: We sold 40 units on Monday and 50 units on Tuesday. Task: Total?", 90),
        ("Context: I worked 8 hours on Monday and 6 on Tuesday. Task: What's the total?", 14),
    ],
)
def test_numbers_stated_before_the_question(instruction: str, result: float) -> None:
    assert run(instruction, capability="statistics")["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "instruction",
    [
        "Context: I have 3 kids aged 4, 7 and 10. Task: What's their average age?",
        "Context: We have 2 dogs that weigh 12 and 30 kg. Task: What's the total weight?",
        "Context: We ordered 5 pizzas for 12, 14 and 15 dollars. Task: What's the total?",
        "I have 3 kids aged 4, 7 and 10, what's their average age?",
    ],
)
def test_a_count_of_things_is_not_one_of_the_values(instruction: str) -> None:
    with pytest.raises(AgentInputError, match="number of items or people"):
        run(instruction, capability="statistics")


@pytest.mark.parametrize(
    "instruction",
    [
        "i spent money on 12.03, 15.03 and 20.03, what's the total i spent",
        "i paid on 12.03.2024, what's the total",
        "i spent 12.50 on 12.03 and 8 on 15.03, what's the total",
    ],
)
def test_dates_said_after_on_are_no_amounts(instruction: str) -> None:
    with pytest.raises(AgentInputError, match="reads as dates"):
        run(instruction, capability="statistics")


def test_an_amount_after_a_percentage_on_is_no_date() -> None:
    # "a 10% tip on 12.10": the amount tipped on
    assert run("a 10% tip on 12.10", capability="calculation")["result"] == pytest.approx(1.21)


def test_a_speed_over_two_legs_is_refused_not_averaged() -> None:
    with pytest.raises(AgentInputError, match="one distance covered in one time"):
        run(
            "Context: A car travels 150 km in 2 hours and then 50 km in 1 hour. "
            "Task: What's its average speed?",
            capability="statistics",
        )


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        (
            "Context: I put 1500 in a savings account at 4% a year. "
            "Task: How much interest do I earn in 2 years without compounding?",
            120,
        ),
        ("How much simple interest will 5000 earn at 3% over 4 years?", 600),
        (
            "Context: My savings of 1,200 earn 2.5% interest a year. "
            "Task: How much do I have after one year with simple interest?",
            1230,
        ),
        ("What's the compound interest on 1000 at 10% after 2 years?", 210),
        # "in total" of the interest asked is the interest, not the amount with it
        (
            "borrowing 8,000 at 6.9% simple interest a year for 3 years - how much interest "
            "do i pay in total",
            1656,
        ),
        ("2000 at 5% simple interest for 3 years, what's the total interest", 300),
        ("2000 at 5% simple interest for 3 years, how much will i have in total", 2300),
        # a yearly rate compounded more often: its share each time, that many times a year
        (
            "Context: 5,000 at 3.5% a year compounded monthly. Task: what will it be after 4 years",
            5000 * (1 + 0.035 / 12) ** 48,
        ),
        ("compound interest on 5000 at 4% a year compounded quarterly for 3 years", 634.12515),
    ],
)
def test_interest_said_in_everyday_words(instruction: str, result: float) -> None:
    assert run(instruction, capability="calculation")["result"] == pytest.approx(result)


def test_interest_of_an_unsaid_kind_is_refused() -> None:
    with pytest.raises(AgentInputError):
        run(
            "Context: I borrow 2000 at 6% for 2 years. Task: How much interest do I pay?",
            capability="calculation",
        )


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        ("Context: I make 60k a year. Task: What's that per month?", 5000),
        ("Context: The budget is 1.2 million a year. Task: How much per month?", 100000),
        ("Context: A car costs 25k and it's 10% off. Task: What do I pay?", 22500),
        ("If 4 laptops cost 3.2k, how much is one?", 800),
    ],
)
def test_word_problems_read_an_amount_with_its_scale(instruction: str, result: float) -> None:
    assert run(instruction, capability="calculation")["result"] == pytest.approx(result)


def test_a_first_amount_with_its_noun_is_not_a_count() -> None:
    data = run(
        "Context: I sold 12 apples on Monday and 18 on Tuesday. Task: What's the total?",
        capability="statistics",
    )
    assert data["result"] == 30


def test_a_count_that_does_not_match_its_values_is_still_a_count() -> None:
    with pytest.raises(AgentInputError, match="number of items or people"):
        run(
            "Context: I have 2 kids aged 4, 7 and 10. Task: What's their average age?",
            capability="statistics",
        )


def test_how_many_are_left_is_not_how_many_numbers() -> None:
    data = run(
        "Context: I have 10 apples and eat 3. Task: How many are left?", capability="statistics"
    )
    assert data["result"] == 7
    # each amount taken said with its verb: all of them taken off
    data = run(
        "Context: I have 10 apples, eat 3 and give away 2. Task: How many are left?",
        capability="statistics",
    )
    assert data["result"] == 5
    with pytest.raises(AgentInputError, match="not how many numbers there are"):
        run(
            "Context: I have 10 apples, eat 3 and 2 more turn up. Task: How many are left?",
            capability="statistics",
        )


@pytest.mark.parametrize(
    "instruction",
    [
        "Give me a short summary of the French Revolution",
        "Summarize the French Revolution in 3 sentences",
        "keywords of the history of jazz",
    ],
)
def test_a_request_for_a_summary_is_not_its_own_text(instruction: str) -> None:
    # Summarising the request itself would answer with the request.
    with pytest.raises(AgentInputError, match="no text to work on"):
        run(instruction)


def test_text_in_the_instruction_is_still_summarised() -> None:
    data = run("Summarize: The board met. Profits rose. A new chief starts in May.")
    assert data["operation"] == "summarization"


@pytest.mark.parametrize(
    "instruction",
    [
        "average of 1,5 and 2,5",
        "Context: I paid 3,50 and 2,25. Task: What's the total?",
    ],
)
def test_a_decimal_comma_is_not_guessed(instruction: str) -> None:
    with pytest.raises(AgentInputError, match="decimal comma"):
        run(instruction, capability="statistics")


def test_thousands_separators_and_lists_without_spaces_are_still_read() -> None:
    assert run("Context: I spent 1,200 and 3,400. Task: What's the total?")["result"] == 4600
    assert run("sum of 3,5,7", capability="statistics")["result"] == 15


@pytest.mark.parametrize(
    ("instruction", "capability"),
    [
        ("Context: I walked 2 km and then 500 m. Task: How far did I walk in total?", "statistics"),
        ("2 hours plus 30 minutes in minutes", "calculation"),
        # Clock spans are hours; the break is minutes (they summed to 52.75 with the 30).
        (
            "Context: My cafe shifts this week - thu 07:30-14:00, fri 07:30-15:15, sat "
            "08:00-16:30. 30 min unpaid break on each one. Task: Paid hrs total?",
            "statistics",
        ),
    ],
)
def test_amounts_in_two_units_of_one_measure_are_not_added_as_they_stand(
    instruction: str, capability: str
) -> None:
    # 2 km and 500 m made 502.
    with pytest.raises(AgentInputError, match="does not convert"):
        run(instruction, capability=capability)
    assert run("double 40 minutes", capability="calculation")["result"] == 80
    assert run("convert 3 hours 45 minutes to minutes", capability="calculation")["result"] == 225


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # The arithmetic in its one unit, then its result in the unit asked (it was 0.75).
        ("what's 25% of 3 kilograms, in grams", 750),
        ("half of 90 minutes in hours", 0.75),
        ("double 3 km in meters", 6000),
    ],
)
def test_arithmetic_in_one_unit_is_converted_to_the_unit_asked(
    instruction: str, result: float
) -> None:
    assert run(instruction, capability="calculation")["result"] == pytest.approx(result)


def test_a_sentiment_the_lexicon_cannot_read_is_refused() -> None:
    with pytest.raises(AgentInputError, match="does not know"):
        run("What's the sentiment of 'Great screen but the speakers crackle constantly.'")
    assert run("What's the sentiment of 'Great screen and loud speakers.'")["label"] == "positive"


def test_a_sentiment_with_no_word_read_is_refused_unless_plainly_factual() -> None:
    # No word of opinion read is not evidence of neutrality: an account of an experience
    # in words the lexicon lacks is refused; a plain statement of when or what stays neutral.
    with pytest.raises(AgentInputError, match="no word or phrase of opinion"):
        run("What's the sentiment of 'The waiter rolled his eyes at us.'", capability="sentiment")
    for text in ("The parcel arrives on Friday.", "Please find the report attached."):
        assert run(f"sentiment of '{text}'", capability="sentiment")["label"] == "neutral"


def test_altogether_asks_for_the_total() -> None:
    data = run(
        "Context: Lunch was 12.50, coffee 3.20 and a snack 2.30. Task: What did I spend "
        "altogether?",
        capability="statistics",
    )
    assert data["result"] == 18


def test_a_rate_for_periods_of_another_kind_is_refused() -> None:
    # How many days a week are worked is not said.
    with pytest.raises(AgentInputError):
        run(
            "Context: I earn 50 a day and worked 3 weeks. Task: How much did I make?",
            capability="calculation",
        )


@pytest.mark.parametrize(
    ("instruction", "expected"),
    [
        # A rate over a longer period counted in the shorter one, where the count is exact.
        ("I set 80 aside every month for 3 years, how much have I saved", 2880),
        ("Context: rent is 900 a month. Task: how much over 2 years?", 21600),
        ("I spend 12 a day on lunch for 2 weeks, what's the total", 168),
        # "the sum" asks the amount too.
        ("I pay 45 a month for 6 months, what's the sum", 270),
    ],
)
def test_a_rate_over_a_longer_period_is_multiplied(instruction: str, expected: float) -> None:
    assert run(instruction, capability="statistics")["result"] == expected


@pytest.mark.parametrize(
    "instruction",
    [
        # An amount for one period asked, not the total; days worked not said.
        "Context: I save 175 each month for 2 years. Task: how much per year",
        "Context: I saved 150 a month for 8 months. Task: How much per month?",
        "Context: I earn 100 a day for 2 weeks. Task: how much do I make",
        # 80 is what was saved, not the price paid; a rise of 10 C is 18 F, not 50.
        "Context: after a 20% discount I saved 80. Task: what was the original price?",
        "Context: after a 10% raise I earn 3300 a month. Task: what did I earn before per year",
        # The amounts are for one period, the question for another.
        "Context: I buy 2 coffees at 3 each every day. Task: what's the total for a week",
        "Context: 40% of my 2,000 monthly budget went on rent. Task: what's left per year",
        "Context: the temperature rose by 10 C. Task: what's that in F",
    ],
)
def test_word_problems_that_would_be_misread_are_refused(instruction: str) -> None:
    with pytest.raises(AgentInputError):
        run(instruction, capability="calculation")


def test_dozens_counted_are_that_many_twelves() -> None:
    data = run("Context: two dozen eggs cost 6. Task: how much is one?", capability="calculation")
    assert data["result"] == 0.25


def test_a_rate_and_its_duration_are_not_one_list() -> None:
    # "a week for 3 months" is not a whole number of weeks; the total is not 53.
    with pytest.raises(AgentInputError, match="amount at a rate"):
        run("I save 50 a week for 3 months, what's the total", capability="statistics")


@pytest.mark.parametrize(
    "instruction",
    [
        # A rate for one night and a count of nights (two counts, even): no list to add.
        "we'll be away 10 or 11 nights at 85 a night, what's the total",
        "Context: hotel is 320 CHF a night for 3 nights. 1 CHF = 0.89 GBP. Task: total?",
        "Context: i burn 38 kcal per km and ride 9.5 km each way. Task: what's the total",
        # ... the rate in brackets.
        "hotel is (94 + 15) a night for 5 nights, total?",
    ],
)
def test_a_rate_for_one_and_a_count_of_it_are_not_one_list(instruction: str) -> None:
    with pytest.raises(AgentInputError, match="amount at a rate"):
        run(instruction, capability="statistics")


@pytest.mark.parametrize(
    ("instruction", "expected"), [("work out 7!", 5040), ("whats 10!", 3628800)]
)
def test_a_factorial_sign_after_the_only_number(instruction: str, expected: float) -> None:
    assert run(instruction, capability="calculation")["result"] == expected


def test_a_factorial_sign_beside_other_numbers_is_not_read() -> None:
    # The planner's split of "what is 5! plus 1": the "!" ends a sentence.
    with pytest.raises(AgentInputError):
        run("Context: 1. Task: What is 5!", capability="calculation")


@pytest.mark.parametrize(
    ("instruction", "expected"),
    [
        ("Context: 15 of the 60 students passed. Task: what percent is that", 25),
        ("Context: we sold 30 out of 120 tickets. Task: what's that as a percentage?", 25),
    ],
)
def test_a_part_of_a_whole_as_a_percentage(instruction: str, expected: float) -> None:
    assert run(instruction, capability="calculation")["result"] == expected


@pytest.mark.parametrize(
    ("instruction", "expected"),
    [
        # Small counts in words, dozens, "/hr" and "hrs", "yrs", and more names of people.
        ("Context: four of us are splitting a 90 bill. Task: what does each person pay", 22.5),
        ("Context: 2 million shared equally across 400 staff. Task: how much each", 5000),
        (
            "Context: The cottage was 840 for the week and there are 6 adults. "
            "Task: Tell me how much each of us owes.",
            140,
        ),
        ("Context: I worked 20 hrs at 15.50/hr. Task: what's my pay", 310),
        (
            "Context: 5000 deposit, 3% simple interest per year. "
            "Task: how much interest after 4 yrs?",
            600,
        ),
        ("Context: a dozen bagels cost 9. Task: how much is that per bagel", 0.75),
        ("Context: half a dozen muffins cost 7.50. Task: how much per muffin", 1.25),
    ],
)
def test_word_problems_said_the_short_way(instruction: str, expected: float) -> None:
    assert run(instruction, capability="calculation")["result"] == pytest.approx(expected)


@pytest.mark.parametrize(
    ("instruction", "expected"),
    [
        # A rate for each one counted is their total, not one amount to share out.
        (
            "caterer is £12.50 a head for 45 people plus £60 delivery, what does that "
            "actually work out per head",
            (12.5 * 45 + 60) / 45,
        ),
        (
            "venue is $30 per person for 20 guests plus $150 cleaning, how much is that per person",
            37.5,
        ),
        ("tickets are 12 each for 5 of us plus 10 booking fee, what's that each", 14),
    ],
)
def test_a_rate_a_head_plus_a_fixed_cost_shared_per_head(instruction: str, expected: float) -> None:
    assert run(instruction, capability="calculation")["result"] == pytest.approx(expected)


@pytest.mark.parametrize(
    ("instruction", "expected"),
    [
        ("Context: 4 boxes of tea at 3.50 each. Task: what's the total", 14),
        ("Context: 40% of my 2,000 budget went on rent. Task: what's left", 1200),
        ("Context: the bill is 500 before VAT and VAT is 20%. Task: what's the gross amount", 600),
        ("Context: after a 20% pay cut I now earn 2,400. Task: what did I earn before?", 3000),
        ("Context: after a 10% raise my rent is 1,100. Task: what was it before?", 1000),
    ],
)
def test_money_problems_of_everyday_shapes(instruction: str, expected: float) -> None:
    assert run(instruction, capability="calculation")["result"] == pytest.approx(expected)


@pytest.mark.parametrize(
    ("instruction", "expected"),
    [
        ("Context: we're 3 at lunch and the bill is 60. Task: how much is a 15% tip on that", 9),
        (
            "Context: there are 4 of us and the bill is 100. Task: what's the total with a 10% tip",
            110,
        ),
        ("Context: a table for 2, the check is 50. Task: what's a 20% tip", 10),
    ],
)
def test_the_size_of_a_party_is_no_amount(instruction: str, expected: float) -> None:
    assert run(instruction, capability="calculation")["result"] == pytest.approx(expected)
    # Asked for each person, the count matters: not read as a percentage problem.
    with pytest.raises(AgentInputError):
        run(
            "Context: we're 4 and the bill is 100 with a 20% tip. "
            "Task: how much does each person pay",
            capability="calculation",
        )


@pytest.mark.parametrize(
    "instruction",
    [
        "Context: 22 per person, group of 5 students, we do 15% off for students. Task: Total.",
        "Context: 25pp for a party of 6, 10% off on tuesdays. Task: what's the bill",
    ],
)
def test_a_party_priced_per_head_is_not_dropped(instruction: str) -> None:
    # The price is for each of them: the party's size multiplies it, so 22 less 15% (18.7)
    # would be one person's price given as the total.
    with pytest.raises(AgentInputError):
        run(instruction, capability="calculation")


@pytest.mark.parametrize(
    ("instruction", "expected"),
    [
        ("Context: I had 500, 120 went on a jacket. Task: what remains", 380),
        ("Context: I got 9 right out of 12. Task: what's my score in percent", 75),
    ],
)
def test_word_problems_said_in_other_words(instruction: str, expected: float) -> None:
    assert run(instruction, capability="calculation")["result"] == pytest.approx(expected)


def test_a_score_asked_of_the_ones_missed_is_refused() -> None:
    with pytest.raises(AgentInputError):
        run(
            "Context: I missed 3 out of 12. Task: what's my score in percent",
            capability="calculation",
        )


def test_two_discounts_one_after_the_other_show_each_price() -> None:
    data = run(
        "Context: a 200 coat is 25% off, then another 10% off the reduced price. "
        "Task: what do I pay?",
        capability="calculation",
    )
    assert data["result"] == 135
    assert [step["result"] for step in data["steps"]] == [150, 135]
    # Two discounts not said to follow each other: one after the other, or added?
    with pytest.raises(AgentInputError):
        run(
            "Context: a 80 lamp is 50% off and 20% off. Task: what's the final price",
            capability="calculation",
        )


def test_a_conversion_then_arithmetic_on_its_result() -> None:
    data = run("20 c in f then minus 10", capability="calculation")
    assert [step["result"] for step in data["steps"]] == [68, 58]
    assert run("8 mi in km, and then half of that", capability="calculation")["result"] == (
        pytest.approx(6.437376)
    )
    # The planner's split of "5 kg in lbs and then add 2".
    data = run("Context: 5 kg in lbs. Task: Add 2.", capability="calculation")
    assert data["result"] == pytest.approx(13.0231131092)
    # An amount in a unit after "then" would be added as it stands: refused.
    with pytest.raises(AgentInputError):
        run("5 miles to km, then add 3 km", capability="calculation")


def test_warmest_and_coldest_name_the_one_temperature_column() -> None:
    data = run(
        "which city is the hottest\ncity;temp\nLisbon;24\nDublin;16", capability="statistics"
    )
    assert data["result"] == 24
    data = run("which town was coldest\ntown,temperature\nA,4\nB,9", capability="statistics")
    assert data["result"] == 4
    with pytest.raises(AgentInputError, match="no column of temperatures"):
        run("which day was warmest\nday,rain\nMon,4\nTue,9", capability="statistics")


def test_a_format_named_alone_before_a_table_asks_for_it() -> None:
    data = run("json please:\n| sku | qty |\n|---|---|\n| B2 | 7 |", capability="conversion")
    assert data["to"] == "json" and data["records"] == [{"sku": "B2", "qty": 7}]


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        ("total quantity sold\nsku\tqty\n11\t3\n12\t5", 8),
        ("average amount\nid,amt\n1,30\n2,50", 40),
    ],
)
def test_a_column_written_short_is_found_by_its_word(instruction: str, result: float) -> None:
    # With two numeric columns, "which column?" was asked.
    assert run(instruction, capability="statistics")["result"] == result


def test_the_values_of_a_json_object_of_numbers_are_its_numbers() -> None:
    # It was refused as "not a table".
    data = run('{"a": 5, "b": 7, "c": 9} whats the sum of the values', capability="statistics")
    assert data["result"] == 21
    # A key named says which value is meant: that is not a figure of them all.
    with pytest.raises(AgentInputError):
        run('{"a": 5, "b": 7} what is the average of b', capability="statistics")


def test_figures_of_amounts_in_a_unit_asked_in_another_are_refused() -> None:
    # Not converted, the mean would be 4, in km, for a request asking meters.
    with pytest.raises(AgentInputError):
        run("the average of 2, 4 and 6 km in meters", capability="statistics")


@pytest.mark.parametrize(
    ("context", "task", "expected"),
    [
        # A raise on a salary goes one way only; spending from an income leaves the rest.
        ("My salary is 3200 a month and I get a 4% raise,", "what's my new salary", 3328),
        ("I earn 3000 and spend 40% on rent.", "How much is left?", 1800),
    ],
)
def test_a_raise_on_an_income_and_an_income_spent(context: str, task: str, expected: float) -> None:
    found = read_percentage_problem(context, task)
    assert found is not None
    assert evaluate(render(found[0])) == pytest.approx(expected)


def test_tax_on_an_income_is_still_not_read() -> None:
    # Whether the tax is taken off the income or added is not said.
    context = "I earn 4000 a month and pay 20% tax."
    assert read_percentage_problem(context, "What do I end up with?") is None


@pytest.mark.parametrize(
    ("instruction", "expected", "row"),
    [
        (
            "cheapest item?\n| item | price |\n|---|---|\n| pen | 1.20 |\n| clip | 0.15 |",
            0.15,
            "clip",
        ),
        ("which product is the most expensive?\nproduct,price,stock\nA,10,5\nB,25,1", 25, "B"),
        # No column is named for prices, and the request names the one that holds them.
        ("hotel,per_night\nInn,112\nGrange,98.5\nwhich one's cheapest per night", 98.5, "Grange"),
    ],
)
def test_the_cheapest_and_the_dearest_on_one_column_of_prices(
    instruction: str, expected: float, row: str
) -> None:
    data = run(instruction)
    assert data["result"] == expected
    assert row in str(data["matchingRows"])


@pytest.mark.parametrize(
    "instruction",
    [
        "which car is the most expensive?\ncar,horsepower\nA,120\nB,300",
        "cheapest hotel?\nhotel,stars\nA,3\nB,5",
        "cheapest?\nhotel,per_night,stars\nA,100,3\nB,90,5",  # no column named
    ],
)
def test_the_cheapest_with_no_column_of_prices_is_refused(instruction: str) -> None:
    # "most" alone was the largest of whatever column there was.
    with pytest.raises(AgentInputError, match="no column of prices"):
        run(instruction)


@pytest.mark.parametrize(
    "instruction",
    [
        "what's the lowest price and the total stock?\nitem,price,stock\nx,5,10\ny,3,4",
        "average price and max qty\nitem,price,qty\na,2,5\nb,4,9",
    ],
)
def test_figures_of_several_columns_in_one_ask_are_refused(instruction: str) -> None:
    # One figure of one column was the answer, the other ask dropped.
    with pytest.raises(AgentInputError, match="several figures of the columns"):
        run(instruction)


@pytest.mark.parametrize(
    ("question", "table", "result", "row"),
    [
        ("who has the top score?", "name,score\nAna,71\nBen,94\nCy,88", 94, {"name": "Ben"}),
        ("who had the bottom mark?", "student,mark\nA,50\nB,70", 50, {"student": "A"}),
    ],
)
def test_top_and_bottom_of_a_column_are_its_highest_and_lowest(
    question: str, table: str, result: float, row: dict[str, str]
) -> None:
    data = run(f"{question}\n{table}", capability="statistics")
    assert data["result"] == result
    assert row.items() <= data["matchingRows"][0].items()


def test_top_with_a_count_is_still_a_condition_on_the_rows() -> None:
    with pytest.raises(AgentInputError, match="condition on the rows"):
        run("top 2 marks?\nstudent,mark\nA,50\nB,70\nC,60", capability="statistics")


def test_a_table_figure_is_named_as_a_list_figure_is() -> None:
    # "standard deviation of the time column" gives "stdev" as "of 12, 15, 18" does.
    data = run(
        "standard deviation of the time column\nrunner\ttime\nA\t12\nB\t15\nC\t18",
        capability="statistics",
    )
    assert data["column"] == "time"
    assert data["stdev"] == data["result"] == 3
    assert run("standard deviation of 12, 15, 18", capability="statistics")["stdev"] == 3


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # An old and a new value said with "was" and "now"; the change as a discount.
        ("Context: The lamp was 50 and now it's 40. Task: What percent off is that?", 20),
        ("Context: The fare was 20 and now it is 25. Task: What's the increase in percent?", 25),
        # Periods of a rate counted in the question.
        ("Context: I put away 40 every week. Task: How much will I have after 10 weeks?", 400),
        # Shares between housemates.
        ("Context: The bill of 120 is split between 4 housemates. Task: How much each?", 30),
    ],
)
def test_word_problems_said_in_other_orders(instruction: str, result: float) -> None:
    assert run(instruction, capability="calculation")["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        ("whole thing came to 18,450 for 123 guests, cost per head", 150),
        ("coach hire is 650 for 26 players, price per player", 25),
        ("the meal was 540 for 12 people, cost per person", 45),
        # an amount changed by a percentage, the new one asked after a comma
        ("adult membership is 240, 7% rise, new fee?", 256.8),
        ("rent is 900, 5% rise, new rent?", 945),
        ("gym is 35 a month, going up 4%, new fee?", 36.4),
    ],
)
def test_a_share_or_a_changed_amount_asked_after_a_comma(instruction: str, result: float) -> None:
    assert run(instruction, capability="calculation")["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "instruction",
    [
        # A discount asked of a price that rose.
        "Context: The lamp was 40 and now it's 50. Task: What percent off is that?",
        # What is left of an amount never given.
        "Context: I spend 20 a day. Task: How much will be left after 10 days?",
    ],
)
def test_word_problems_that_do_not_hold_are_refused(instruction: str) -> None:
    with pytest.raises(AgentInputError):
        run(instruction, capability="calculation")


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # "was ... and now its ...": the old and the new value, "its" without its apostrophe
        ("a jumper was £35 and now its £28, what is the percentage decrease", 20),
        ("the bike was 240 but now its 180. percentage decrease?", 25),
        ("ticket was 12.50 and now its 15, whats the percentage increase", 20),
        # the new value against the old, said to be of a time before; "184k" in thousands
        ("q3 sales were 184k vs 152k in the same quarter last year. growth %?", 3200 / 152),
        ("revenue was 42,300 against 39,800 last month. growth %?", 2500 / 398),
        ("we had 1,250 compared to 1,400 the year before. percentage decrease?", 150 / 14),
        # a part "from" its whole, the share named in a word and asked after a comma
        ("our GS scored 38 from 51 attempts on saturday, shooting %?", 3800 / 51),
        ("keeper saved 12 of 15 penalties this season, save percentage?", 80),
        ("she made 45 from 60 free throws, what's her shooting %", 75),
        # the part's things named before "out of", the share's name then "as a %"
        ("9 mispicks out of 3,600 picks this week, error rate as a %?", 0.25),
        ("14 late deliveries out of 560 this month, late rate as a percentage?", 2.5),
        ("12 defects out of 400 units, defect rate %?", 3),
        # a rate or an earlier time said of the old value, between it and "to"
        ("output went from 40 units a day to 50, % increase?", 25),
        ("went from 142 picks an hour to 167 after the new scanners, % increase?", 2500 / 142),
        ("members went from 310 last season to 280 this season, % decrease", 3000 / 310),
        ("sales went from 12,800 last year to 15,360 this year, % increase", 20),
    ],
)
def test_relative_changes_and_shares_said_the_short_way(instruction: str, result: float) -> None:
    assert run(instruction, capability="calculation")["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "instruction",
    [
        # a growth asked of values that fell, a scale on one value only, no time before
        "sales were 184k vs 152k last year. whats the percentage decrease",
        "sales 184k vs 152k. growth %?",
        # a range, not a part of a whole
        "temperature went from 12 to 20, shooting %?",
        "scored 38 from 51 attempts, growth %?",
        # a part of another unit than its whole; things of a count that is no whole
        "20 minutes out of 24 hours, what % is that",
        "3 boxes of 12 eggs, what % is that",
        # rates of two periods; the later time said first
        "went from 2 a day to 10 a week, % increase",
        "went from 15,360 this year to 12,800 last year, % change",
    ],
)
def test_relative_changes_and_shares_not_read_are_refused(instruction: str) -> None:
    with pytest.raises(AgentInputError):
        run(instruction, capability="calculation")


def test_negative_numbers_are_values_of_a_list_with_several_figures() -> None:
    data = run("lowest and highest of 9, -3, 14, 0", capability="statistics")
    assert data["figures"] == {"min": -3, "max": 14}


def test_numbers_one_a_line_with_blank_lines_between_are_one_list() -> None:
    data = run("Average of these\n12\n18\n\n30", capability="statistics")
    assert data["result"] == 20


def test_several_figures_of_values_not_one_list_are_refused_not_cut_to_one() -> None:
    with pytest.raises(AgentInputError, match="several figures"):
        run("the lowest and highest of 2 squared, 5 and 7", capability="statistics")


def test_one_unit_after_each_listed_number_is_the_lists_unit() -> None:
    assert (
        run("average heart rate: 72 bpm, 80 bpm, 76 bpm", capability="statistics")["result"] == 76
    )
    # Different words after the numbers are not one unit.
    with pytest.raises(AgentInputError):
        run("sum of 3 apples, 5 pears", capability="statistics")


def test_shares_said_in_words() -> None:
    assert run("split 390 three ways", capability="calculation")["result"] == 130


@pytest.mark.parametrize(
    "instruction", ["what is 2 + 2 in binary", "7 times 8 in roman numerals", "15 + 5 in words"]
)
def test_a_result_asked_in_a_form_not_written_is_refused(instruction: str) -> None:
    with pytest.raises(AgentInputError, match="not written"):
        run(instruction, capability="calculation")


@pytest.mark.parametrize(
    ("instruction", "expected"),
    [
        ("Context: Sales went from 500 down to 400. Task: What's the percentage decrease?", 20),
        ("Context: Bought a TV for 600 and sold it for 450. Task: What percent did I lose?", 25),
        # two percentages, their change asked relative to the first (not in points)
        (
            "Context: my rate went from 4% to 5%. "
            "Task: as a percentage increase (not percentage points) how much is that",
            25,
        ),
        ("Context: I had 900 and paid 150 for tyres. Task: What's my balance now?", 750),
        (
            "Context: I make 3,200 a month and spend 2,450. Task: How much do I save each month?",
            750,
        ),
        ("Context: 8 tickets cost 120 altogether. Task: How much per ticket?", 15),
        ("Context: I pay 1,200 in 6 equal installments. Task: How much is each one?", 200),
    ],
)
def test_word_problems_stated_then_asked(instruction: str, expected: float) -> None:
    assert run(instruction, capability="calculation")["result"] == expected


@pytest.mark.parametrize(
    "instruction",
    [
        # A loss asked of a resale that gained; periods that differ; "per hour" of tickets.
        "Context: Bought a bike for 300 and sold it for 450. Task: What percent did I lose?",
        "Context: I make 3000 a month and spend 100 a day. Task: How much do I save?",
        "Context: I make 3000 a month and spend 100 daily. Task: How much do I save?",
        "Context: 8 tickets cost 120. Task: How much per hour?",
    ],
)
def test_word_problems_that_do_not_hold_together_are_refused(instruction: str) -> None:
    with pytest.raises(AgentInputError):
        run(instruction, capability="calculation")


def test_a_percentage_alone_asked_of_the_value_at_hand() -> None:
    request = "Work out 20%. Use the result of step s1 (3 times 45)."
    inputs = (StepInput("s1", "3 times 45", "135", {"result": 135}),)
    assert run(request, capability="calculation", inputs=inputs)["result"] == 27
    with pytest.raises(AgentInputError):
        run("What's 20%?", capability="calculation")


def test_a_format_named_before_from_asks_for_a_conversion() -> None:
    data = run("markdown table from this tsv\nname\tteam\nIvy\tred", capability="conversion")
    assert data["to"] == "markdown"


def test_take_a_percentage_of_nothing_is_refused() -> None:
    # "take 49, ..." starts a chain from 49; "take 15%" is a share of nothing, not 0.15.
    with pytest.raises(AgentInputError, match="asks nothing"):
        run("take 15%", capability="calculation")


def test_a_share_for_a_count_of_people_is_not_a_share_of_the_count() -> None:
    # "a 20% tip for 3 people" was 0.6; "a 15% tip on 64" is 9.6.
    with pytest.raises(AgentInputError):
        run("a 20% tip for 3 people", capability="calculation")
    assert run("a 15% tip on 64", capability="calculation")["result"] == 9.6


@pytest.mark.parametrize("capability", ["sentiment", "keywords", "summarization"])
def test_a_text_skill_given_a_computed_number_refuses(capability: str) -> None:
    # The tone of "**Result: 96**" would be "neutral", an answer to nothing asked.
    computed = StepInput("s1", "Compute 12 times 8", "**Result: 96**", {"result": 96})
    with pytest.raises(AgentInputError, match="number it computed"):
        run(
            "Tell me about it. Use the result of step s1 (Compute 12 times 8).",
            capability=capability,
            inputs=(computed,),
        )


@pytest.mark.parametrize(
    ("instruction", "expected"),
    [
        ("Context: parcel weights: 2.4kg, 1.6kg, 3.5kg. Task: what's the mean?", 2.5),
        ("total of 1.5h, 2.25h and 0.75h", 4.5),
    ],
)
def test_a_unit_written_against_its_number_leaves_the_number_whole(
    instruction: str, expected: float
) -> None:
    assert run(instruction, capability="statistics")["result"] == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "apart"),
    [
        # A whole number against a unit no product is named by.
        ("soup needs 600ml stock", "soup needs 600 ml stock"),
        # Metres and grams said to measure something; stones beside pounds.
        ("a wall 4.2m wide by 2.5m high", "a wall 4.2 m wide by 2.5 m high"),
        ("the ceiling is 4.5 by 3.8m", "the ceiling is 4.5 by 3.8 m"),
        ("we use 18g of beans", "we use 18 g of beans"),
        ("weighed 13st 2lb", "weighed 13 stone 2 lb"),
        ("weighed 12 st 4 lb", "weighed 12 stone 4 lb"),
        ("9 st 10lbs in kg", "9 stone 10 lbs in kg"),
        # Alone, "st" may be a street.
        ("lives at 12 st john's road", "lives at 12 st john's road"),
        # Millions, a network, an ordinal: left as written.
        ("the house went for 1.2m and", "the house went for 1.2m and"),
        ("5g speeds", "5g speeds"),
        ("on the 21st at noon", "on the 21st at noon"),
        # A network is named by one digit: more are grams, whatever follows.
        ("6 dough balls of 260g each", "6 dough balls of 260 g each"),
        ("uses 800g beef", "uses 800 g beef"),
        ("seed at 35g per m2", "seed at 35 g per m2"),
        # Metres beside metres said surely; money in millions stays.
        (
            "add 0.6m for overlap to the 2.5m long side",
            "add 0.6 m for overlap to the 2.5 m long side",
        ),
        (
            "sold for \u00a31.2m and the plot is 30m wide",
            "sold for \u00a31.2m and the plot is 30 m wide",
        ),
    ],
)
def test_units_written_against_their_numbers_are_set_apart_when_sure(text: str, apart: str) -> None:
    assert units_apart(text) == apart


@pytest.mark.parametrize(
    ("instruction", "glued"),
    [
        ("Context: times were 12.5q, 14 and 16. Task: what's the mean?", "12.5q"),
        # A whole number with a unit said once may be a name, no amount: neither a value
        # nor left out.
        ("Context: 5g speeds: 120, 150, 180. Task: what's the mean?", "5g"),
    ],
)
def test_a_number_against_letters_is_refused_not_left_out(instruction: str, glued: str) -> None:
    with pytest.raises(AgentInputError, match=f"'{glued}'"):
        run(instruction, capability="statistics")


@pytest.mark.parametrize(
    ("instruction", "expected"),
    [
        # "35g per m2": grams, set apart from their number, not a number against letters
        ("Context: new lawn is 7.5m x 6m and the seed rate is 35g per m2. Task: how many grams "
         "of seed", 1575),
        ("Context: the bed is 4m x 3m, sown at 50g per m2. Task: how many grams of seed?", 600),
        ("Context: the border is 5m by 2m and feed goes on at 70g per m2. Task: how many "
         "grams of feed?", 700),
    ],
)  # fmt: skip
def test_grams_written_against_their_number_are_read(instruction: str, expected: float) -> None:
    assert run(instruction, capability="calculation")["result"] == pytest.approx(expected)


def test_a_rate_and_a_count_of_named_periods_multiply() -> None:
    instruction = "Context: a meal costs 3.20 a day and there are 180 term days. Task: total?"
    assert run(instruction, capability="calculation")["result"] == pytest.approx(576)


def test_how_many_of_a_thing_is_not_how_many_numbers_inside_arithmetic() -> None:
    # Read as count(2, 3) / 4: a count of the numbers, inside arithmetic, is no answer.
    with pytest.raises(AgentInputError, match="how many of something"):
        run("how many cups: 2, 3/4")


@pytest.mark.parametrize(
    ("instruction", "expected"),
    [
        ("i'm doubling a recipe that needs 3 1/4 cups of stock, how many cups now", 6.5),
        ("Context: halving the batch, which takes 300 g of sugar. Task: how much sugar?", 150),
    ],
)
def test_an_amount_scaled_as_a_recipe_is(instruction: str, expected: float) -> None:
    assert run(instruction, capability="calculation")["result"] == pytest.approx(expected)


def test_group_by_a_column_written_short() -> None:
    table = "dept,salary\nOps,30\nIT,50\nOps,40"
    data = run(f"average salary by department\n{table}", capability="statistics")
    groups = {g["dept"]: g["mean"]["salary"] for g in data["result"]}
    assert data["operation"] == "group_by" and groups == {"Ops": 35, "IT": 50}


def test_group_by_two_words_takes_the_head_noun_and_not_the_row_numbers() -> None:
    # "per order category": the groups are the categories; "order" numbers the rows 1, 2,
    # 3, ... and is neither the group nor an amount to add up.
    table = "order,category,price\n1,tea,3\n2,cake,4\n3,tea,2.5\n4,cake,5"
    data = run(f"total per order category\n{table}", capability="statistics")
    groups = {g["category"]: g["sum"] for g in data["result"]}
    assert data["groupBy"] == "category" and groups == {"tea": {"price": 5.5}, "cake": {"price": 9}}


def test_group_by_a_word_no_column_names_is_refused() -> None:
    table = "team,salary\nOps,30\nIT,50\nOps,40"
    with pytest.raises(AgentInputError, match="'department'"):
        run(f"average salary by department\n{table}", capability="statistics")


KITTY = "| who | paid |\n|---|---|\n| Tom | 42.50 |\n| Aisha | 18 |\n| Tom | 12.75 |\n"


@pytest.mark.parametrize(
    "question",
    [
        "how much has each person put in altogether",
        "what did each of us pay in total",
        "total paid per person",
    ],
)
def test_each_person_is_a_group_of_the_column_of_names(question: str) -> None:
    # Not the total of all rows: each person's own, by the one column naming them ("who").
    data = run(f"{KITTY}{question}", capability="statistics")
    groups = {g["who"]: g["sum"]["paid"] for g in data["result"]}
    assert data["operation"] == "group_by" and groups == {"Tom": 55.25, "Aisha": 18}


@pytest.mark.parametrize(
    "question",
    [
        "how much has each person put into the kitty",
        "how much did everyone chip in, for each person",
        "how much has each of us contributed",
    ],
)
def test_what_each_person_put_in_is_their_total(question: str) -> None:
    # Put into a pot: each one's total, by the column of names.
    data = run(f"{KITTY}{question}", capability="statistics")
    groups = {g["who"]: g["sum"]["paid"] for g in data["result"]}
    assert data["operation"] == "group_by" and groups == {"Tom": 55.25, "Aisha": 18}


@pytest.mark.parametrize(
    ("table", "question", "column", "expected"),
    [
        (
            "| km | split_min |\n|---|---|\n| 5 | 27 |\n| 10 | 29 |\n| 15 | 30 |\n",
            "median split",
            "split_min",
            29,
        ),
        ("item,price_usd,weight_kg\na,4,1\nb,6,9\n", "average price", "price_usd", 5),
    ],
)
def test_a_column_is_named_without_the_unit_it_ends_with(
    table: str, question: str, column: str, expected: float
) -> None:
    data = run(f"{table}{question}", capability="statistics")
    assert data["column"] == column and data["result"] == expected


def test_a_word_two_columns_begin_with_names_neither() -> None:
    with pytest.raises(AgentInputError, match="which column"):
        run("km,split_min,split_sec\n5,27,1620\n10,29,1740\nmedian split", capability="statistics")


def test_average_each_person_of_one_row_a_person_is_over_the_rows() -> None:
    data = run("name,score\nJo,5\nSam,3\nthe average each person scored", capability="statistics")
    assert data["operation"] == "mean" and data["result"] == 4


def test_each_named_column_is_a_group_where_it_repeats() -> None:
    table = "name,team,km\nJo,a,5\nSam,a,3\nLi,b,2\n"
    data = run(f"{table}what did each team run in total", capability="statistics")
    assert [(g["team"], g["sum"]["km"]) for g in data["result"]] == [("a", 8), ("b", 2)]


@pytest.mark.parametrize(
    ("table", "question", "said"),
    [
        (KITTY, "average paid per person", "per person"),  # each one's, or shared out?
        (KITTY, "how much did each of us pay", "which figure"),
        (KITTY, "total paid by each runner", "'runner'"),
        (KITTY, "spread of payments for each person", "stdev"),  # not given to groups
        ("name,team,km\nJo,a,5\nSam,a,3\n", "the spread of km each team ran", "stdev"),
        ("name,team,km\nJo,a,5\nSam,b,3\n", "total km for each person", "name, team"),
    ],
)
def test_each_person_unclear_is_refused(table: str, question: str, said: str) -> None:
    with pytest.raises(AgentInputError, match=said):
        run(f"{table}{question}", capability="statistics")


@pytest.mark.parametrize(
    ("instruction", "expected"),
    [
        ("Context: I'm paid 26,000 a year. Task: what is that per week (52 weeks)?", 500),
        ("Context: I make 150 a day. Task: how much a year if I work 200 days?", 30_000),
    ],
)
def test_an_amount_per_period_over_a_count_of_periods_the_question_says(
    instruction: str, expected: float
) -> None:
    assert run(instruction, capability="calculation")["result"] == pytest.approx(expected)


@pytest.mark.parametrize(
    ("instruction", "operation", "result"),
    [
        ("lap times 62.1, 61.4, 63.0 and 60.8 s: mean and standard deviation", "mean", 61.825),
        ("finish times 31, 29, 35, 33 seconds - the lowest", "min", 29),
        ("delivery times 3, 5 and 4 days: total", "sum", 12),
        ("scores 12, 18, 15 - median?", "median", 15),
        ("darts 60 45 81 — the highest", "max", 81),
        ("golf rounds 88 92 85 90: mean", "mean", 88.75),
    ],
)
def test_a_list_then_its_figure_after_a_colon_or_dash(
    instruction: str, operation: str, result: float
) -> None:
    # "lap times" names the material, not a product; the colon or dash (after the list's
    # unit) ends the list and starts what is asked of it.
    data = run(instruction, capability="statistics")
    assert data["operation"] == operation
    assert data["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "instruction", ["5, 10 and 20 - 5", "3, 4 and 5 dozen: total", "2 km, 500 m: total"]
)
def test_a_list_before_a_dash_keeps_what_changes_its_values(instruction: str) -> None:
    # "- 5" is a subtraction, "dozen" scales, and mixed units are not converted: no answer.
    with pytest.raises(AgentInputError):
        run(instruction, capability="statistics")


@pytest.mark.parametrize(
    ("question", "operation", "city"),
    [
        ("where is it cheapest?", "min", "Lima"),
        ("Where was the fare highest", "max", "Oslo"),
        ("where do we pay the least fare", "min", "Lima"),
    ],
)
def test_where_opening_a_question_asks_which_row(question: str, operation: str, city: str) -> None:
    # "where is it cheapest" asks which row, as "which" does; it is no condition.
    data = run(f"city,fare\nOslo,80\nRome,20\nLima,5\n{question}", capability="statistics")
    assert data["operation"] == operation
    assert data["matchingRows"][0]["city"] == city


@pytest.mark.parametrize(
    "question", ["the total fare where city is Rome", "where is the average fare"]
)
def test_where_as_a_condition_or_of_no_row_is_refused(question: str) -> None:
    with pytest.raises(AgentInputError):
        run(f"city,fare\nOslo,80\nRome,20\nLima,5\n{question}", capability="statistics")


@pytest.mark.parametrize(
    ("question", "operation", "result"),
    [("longest ride?", "max", 67.2), ("the shortest one", "min", 38.9)],
)
def test_longest_is_the_highest_of_the_one_column_of_lengths(
    question: str, operation: str, result: float
) -> None:
    # "longest ride" names no column, but the table has one of distances: its highest value.
    table = "day,km\nSat,42.5\nSun,67.2\nMon,38.9\n"
    data = run(f"{table}{question}", capability="statistics")
    assert data["operation"] == operation
    assert data["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    ("table", "question"),
    [
        ("day,km,minutes\nSat,42,90\nSun,67,150\n", "longest ride?"),  # distance or time
        ("car,miles_per_gallon\nA,30\nB,41\n", "which car is the longest"),  # a rate
        ("name,km\nBartholomew,3\nAl,5\n", "who has the longest name?"),  # long in letters
    ],
)
def test_longest_of_no_one_length_is_refused(table: str, question: str) -> None:
    with pytest.raises(AgentInputError):
        run(f"{table}{question}", capability="statistics")


@pytest.mark.parametrize(
    ("question", "operation", "result"),
    [
        ("what did it all come to?", "sum", 42),
        ("how much do the items come to", "sum", 42),
        ("what do they come to on average?", "mean", 21),
    ],
)
def test_come_to_asks_the_total_of_a_table(question: str, operation: str, result: float) -> None:
    # "what did it come to" is what the column adds up to, unless another figure is named.
    data = run(f"item,price\npizza,24\nwine,18\n{question}", capability="statistics")
    assert data["operation"] == operation
    assert data["result"] == pytest.approx(result)


def test_come_to_per_head_is_no_total() -> None:
    with pytest.raises(AgentInputError):
        table = "item,price\npizza,24\nwine,18\n"
        run(f"{table}what does it come to per head?", capability="statistics")


@pytest.mark.parametrize(
    ("context", "task", "result"),
    [
        ("The hens laid 5, 6 and 4 eggs.", "How many eggs altogether?", 15),
        ("We sold 12, 15 and 9 tickets.", "How many tickets did we sell in total?", 36),
    ],
)
def test_how_many_of_the_listed_thing_in_all_is_their_total(
    context: str, task: str, result: float
) -> None:
    # Each number is an amount of what is counted: they add up, and are not counted.
    data = run(f"Context: {context} Task: {task}", capability="statistics")
    assert data["operation"] == "sum"
    assert data["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    ("context", "task"),
    [
        ("I have 3 boxes of 12 eggs.", "How many eggs altogether?"),  # a product
        ("The hens laid 5, 6 and 4 eggs.", "How many hens altogether?"),  # another thing
        ("The hens laid 5, 6 and 4 eggs.", "How many eggs except the brown altogether?"),
    ],
)
def test_how_many_in_all_of_something_else_is_refused(context: str, task: str) -> None:
    with pytest.raises(AgentInputError):
        run(f"Context: {context} Task: {task}", capability="statistics")


@pytest.mark.parametrize(
    ("question", "condition", "result"),
    [
        ("how many orders were over 50?", "total > 50", 2),
        ("how many orders are 58 or above", "total >= 58", 2),
        ("count the orders with a total of at most 45", "total <= 45", 2),
        ("How many orders came to less than £40?", "total < 40", 1),
    ],
)
def test_how_many_rows_beyond_one_bound(question: str, condition: str, result: int) -> None:
    # One bound on the one column of amounts (not the order numbers, which name the rows).
    table = "order,total\n101,45\n102,72\n103,58\n104,30\n"
    data = run(f"{table}{question}", capability="statistics")
    assert data["operation"] == "count"
    assert data["condition"] == condition
    assert data["result"] == result


FLIGHTS = (
    "| flight | delay_min |\n|---|---|\n| BA12 | 0 |\n| FR88 | 45 |\n| U21 | 12 |\n| KL7 | 15 |\n"
)


@pytest.mark.parametrize(
    ("question", "condition", "result"),
    [
        # "by" says how much of what the column measures, and the bound is in its unit.
        ("how many were delayed by 15 minutes or more", "delay_min >= 15", 2),
        ("how many were delayed by 15 or more", "delay_min >= 15", 2),
        ("how many were delayed by more than 15 minutes", "delay_min > 15", 1),
    ],
)
def test_how_many_rows_beyond_a_bound_said_by_how_much(
    question: str, condition: str, result: int
) -> None:
    data = run(f"{FLIGHTS}{question}", capability="statistics")
    assert (data["condition"], data["result"]) == (condition, result)


@pytest.mark.parametrize(
    "question",
    [
        "how many were early by 15 minutes or more",  # not what the column measures
        "how many were delayed by 15 kg or more",  # not the column's unit
    ],
)
def test_how_many_beyond_a_bound_said_of_another_measure_is_refused(question: str) -> None:
    with pytest.raises(AgentInputError):
        run(f"{FLIGHTS}{question}", capability="statistics")


@pytest.mark.parametrize(
    "question",
    [
        "how many orders were over 50 in March?",  # a second condition, not applied
        "how many orders were over 50 and under 70?",  # two bounds
        "how many are over 12",  # which of two columns
    ],
)
def test_how_many_rows_beyond_an_unclear_bound_is_refused(question: str) -> None:
    with pytest.raises(AgentInputError):
        run(f"order,total,items\n101,45,3\n102,72,14\n{question}", capability="statistics")


def test_a_bound_said_with_the_name_of_the_one_column_is_of_that_column() -> None:
    days = "day,bins\nmon,84\ntue,112\nwed,96\nthu,128\nfri,74\nsat,58\n"
    data = run(f"{days}how many days did i do over 90 bins", capability="statistics")
    assert data["result"] == 3
    shifts = "shift,calls\nam,40\npm,55\nnight,20\n"
    data = run(f"{shifts}how many shifts did i take over 30 calls", capability="statistics")
    assert data["result"] == 2
    with pytest.raises(AgentInputError):  # emails: no column of the table
        run(f"{shifts}how many shifts did i take over 30 emails", capability="statistics")


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        ("the canal walk is 14 km \u2014 how many miles is that", 8.69919669),
        ("the run was 12 km - how many miles is that?", 7.45645431),
    ],
)
def test_a_statement_then_its_question_after_a_dash(instruction: str, result: float) -> None:
    # The dash ends the statement as a comma does: its amount is what the question asks of.
    data = run(instruction, capability="calculation")
    assert data["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    ("instruction", "figures"),
    [
        # A list written with spaces only, after a label and before its question.
        ("resting heart rate mornings 61 58 64 60 59, median?", {"median": 60}),
        ("goals each match: 2 0 3 1 2 2. which number comes up most", {"mode": 2}),
        # The label's numbers, before a colon, say what the values are.
        ("class 4 spelling marks out of 10: 8, 6, 9, 7 - mean please", {"mean": 7.5}),
        ("blood pressure mmHg/day: 120, 124, 118. average?", {"mean": 120.666666667}),
        # A count of the values after "last": 3 is not one of them.
        ("Context: my last 3 runs took 31, 29 and 30 minutes. Task: Average?", {"mean": 30}),
    ],
)
def test_a_labelled_list_is_read_without_its_label(
    instruction: str, figures: dict[str, float]
) -> None:
    data = run(instruction, capability="statistics")
    assert data["figures"] == pytest.approx(figures)


@pytest.mark.parametrize(
    "instruction",
    [
        # Is the 3 a value, or a count of them? Unsaid without "last" or a colon.
        "the 3 shops made 200, 300 and 250, what's the average?",
        "Context: I have 3 kids aged 4, 7 and 10. Task: What's their average age?",
        # A count that is not the list's length is no count of it.
        "Context: my last 4 runs took 31, 29 and 30 minutes. Task: Average?",
    ],
)
def test_a_label_number_that_may_be_a_value_is_not_left_out(instruction: str) -> None:
    with pytest.raises(AgentInputError):
        run(instruction, capability="statistics")


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # A lakh is 100,000 and a crore 10,000,000: "8.5 lakh a year" a month is not 0.71.
        ("salary is 6 lakh a year, how much is that per month", 50_000),
        ("the average of 2 crore and 3 crore", 25_000_000),
    ],
)
def test_lakh_and_crore_scale_the_number_before_them(instruction: str, result: float) -> None:
    assert run(instruction, capability="calculation")["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        ("the total of 1.999,90 € and 250,10 €", 2250),  # a point groups thousands
        ("CHF 1'250.50 split 2 ways, how much each", 625.25),  # an apostrophe does
        ("the average of ₹2,50,000 and ₹1,50,000", 200_000),  # lakhs grouped by two
        ("the total of 4 500 kr and 1 500 kr", 6000),  # a space, beside its currency
        ("R 12 000 split 4 ways, how much each", 3000),
        ("the total of 19,90 € and 5,10 €", 25),  # a comma before two digits, beside €
        ("the sum of 10,00 € / 20,50 € / 30,00 €", 60.5),  # slashes between amounts list them
    ],
)
def test_amounts_written_in_other_countries_ways_are_read(instruction: str, result: float) -> None:
    assert run(instruction, capability="calculation")["result"] == pytest.approx(result)


def test_a_point_that_may_group_thousands_or_mark_decimals_is_not_guessed() -> None:
    with pytest.raises(AgentInputError, match="group thousands"):
        run("the total of 1.500 € and 2.250 €", capability="calculation")


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        ("the paddock is 12 acres, how many hectares is that", 4.856227707),
        ("2.5 hectares in acres", 6.177653795),
        # An amount and what it measures, then the unit asked in at the end.
        ("the curtains need 3 yards of lining fabric, how many metres", 2.7432),
        ("she says she's 150 lbs, what do i write down in kg", 68.0388555),
        # Miles per gallon, whose gallon is said, in litres per 100 km.
        ("my van does 30 mpg (imperial), what is that in l/100km", 9.416),
        ("25 miles per US gallon in litres per 100 km", 9.408),
        ("how many litres is 10 UK gallons", 45.4609),
    ],
)
def test_everyday_conversions(instruction: str, result: float) -> None:
    data = run(instruction, capability="calculation")
    assert data["result"] == pytest.approx(result, rel=1e-3)


@pytest.mark.parametrize(
    "instruction",
    [
        # A US gallon is 3.785 L and a UK one 4.546 L: which is unsaid.
        "how many litres is 5 gallons",
        "20 gallons in liters",
        "my car does 40 mpg, what's that in L/100km",
    ],
)
def test_a_gallon_whose_size_is_unsaid_is_refused(instruction: str) -> None:
    with pytest.raises(AgentInputError, match="US gallon"):
        run(instruction, capability="calculation")


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # Kilometres per litre in litres per 100 km, and back: 100 over the amount.
        ("my car does 16 km per litre. what is that in litres per 100 km", 6.25),
        ("Context: My car does 16 km per litre. Task: What is that in litres per 100 km.", 6.25),
        ("my car uses 6.25 L/100km, what's that in km per litre", 16),
        # "(as a decimal)" says how the answer is written, which it is already.
        ("i'm 71 kg, what is that in stone (as a decimal)", 11.180586),
        ("i weigh 80 kg, how many stone is that as a decimal", 12.597845),
        # The thing measured, named after its size, in a question of "how many".
        ("how many US gallons is a 20 litre water cooler bottle", 5.283441),
        ("how many cm is a 5 ft shelf", 152.4),
        # "by weight": the ounce of weight, the one read.
        ("recipe says 225 g of butter, how many ounces is that by weight", 7.936641),
        # An ordinal says which, not how much.
        ("the 7th hole is 410 yards, how many metres", 374.904),
        ("our 2nd leg is 12 miles, how many km is that", 19.312128),
        # Nautical miles.
        ("ferry crossing is 21 nautical miles, how far in km", 38.892),
    ],
)
def test_conversions_of_one_amount_said_in_more_ways(instruction: str, result: float) -> None:
    data = run(instruction, capability="calculation")
    assert data["result"] == pytest.approx(result, rel=1e-6)


@pytest.mark.parametrize(
    "instruction",
    [
        # 16 km a litre over 200 km is no fuel economy: not read as one.
        "my car does 16 km per litre. what is that in litres per 200 km",
        # Arithmetic after the thing measured is no conversion alone.
        "how many km is a 5 mile run there and back",
    ],
)
def test_conversions_said_with_more_than_an_amount_are_refused(instruction: str) -> None:
    with pytest.raises(AgentInputError):
        run(instruction, capability="calculation")


def test_a_conversion_of_the_task_alone_does_not_leave_the_context_numbers_out() -> None:
    # The scale 1:87 is no part of "19.5 m in cm".
    with pytest.raises(AgentInputError):
        run(
            "Context: HO scale is 1:87. Task: The loco is 19.5 m long, how long is the model "
            "in cm?",
            capability="calculation",
        )


@pytest.mark.parametrize(
    ("table", "question", "result"),
    [
        # A bound word as it is often typed.
        ("order,total\nA,40\nB,75\nC,120\n", "how many orders were ovr 50", 2),
        # The unit of the column the bound is said in.
        ("runner;time_min\nA;25\nB;31\nC;28\n", "how many took more than 27 minutes", 2),
        ("parcel,weight_kg\nA,1.5\nB,4\nC,6\n", "how many weigh over 3 kg", 2),
    ],
)
def test_rows_beyond_a_bound_are_counted(table: str, question: str, result: int) -> None:
    assert run(f"{table}{question}", capability="statistics")["result"] == result


def test_a_bound_in_another_unit_than_the_column_is_not_compared() -> None:
    with pytest.raises(AgentInputError):
        run(
            "call,wait_sec\nA,50\nB,70\n" + "how many waited more than 1 minute",
            capability="statistics",
        )


def test_the_best_seller_is_the_row_with_the_most_sold() -> None:
    data = run(
        "book,units\nDune,14\nEmma,31\nUlysses,9\nwhich was the best seller",
        capability="statistics",
    )
    assert data["result"] == 31
    assert data["matchingRows"] == [{"book": "Emma", "units": 31}]


def test_a_best_seller_by_its_column_is_no_grouping_by_it() -> None:
    data = run(
        "top seller by units\nproduct,units\npens,120\npads,95\nclips,140", capability="statistics"
    )
    assert data["result"] == 140


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # A trip said to be its distance, in hours and minutes, the unit said after "speed".
        ("the loop was 42 km in 1 h 45 min, avg speed km/h?", 24),
        ("the walk was 9 km in 2 hours 15 minutes, what speed", 4),
        # Height over length, in percent, in units converted.
        ("the hill rises 45 m over 1.5 km, what's the gradient", 3),
        ("Context: The pass climbs 1200 m over 20 km. Task: Average gradient in %?", 6),
        # A box's volume in the unit asked; 231 cubic inches make the US gallon.
        (
            "the tank is 24 x 12 x 12 inches, how many US gallons (231 cubic inches to a gallon)",
            14.961,
        ),
        ("a planter 100 x 30 x 40 cm, how many litres of compost", 120),
    ],
)
def test_speed_gradient_and_volume_formulas(instruction: str, result: float) -> None:
    data = run(instruction, capability="calculation")
    assert data["result"] == pytest.approx(result, rel=1e-3)


def test_a_box_in_gallons_whose_size_is_unsaid_is_refused() -> None:
    with pytest.raises(AgentInputError):
        run("a tank 100 x 40 x 50 cm, how many gallons is that", capability="calculation")


def test_a_gallon_is_still_a_word_of_a_unit() -> None:
    # Only its size is unsaid: the planner still reads "30 US gallons. litres?" as units.
    from orchestra.agents.analyst.formulas import is_unit, names_unit

    assert names_unit("gallons") and is_unit("gal")


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # a share of an amount named, or a flat amount: whichever is higher, or lower
        (
            "card minimum payment is 2.5% of the balance or 25, whichever's higher. balance is "
            "1,840 - what's the minimum",
            46,
        ),
        ("late fee is 10 or 5% of the invoice, whichever is greater. invoice is 120", 10),
        ("fee is 3% of the price or 50, whichever is lower. the price is 1,000", 30),
    ],
)
def test_a_share_or_a_flat_amount_whichever_is_more(instruction: str, result: float) -> None:
    assert run(instruction, capability="calculation")["result"] == pytest.approx(result)


def test_a_share_or_a_flat_amount_of_an_amount_not_named_is_not_read() -> None:
    assert read_share_or_flat("2.5% of the balance or 25, whichever's higher. i owe 1,840") is None


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # one thing's parts of the whole, in the unit asked or the whole's own
        ("squash is 1 part to 7 parts water, making a 2 litre jug. how much squash in ml", 250),
        ("squash is 1 part to 4 parts water, making a 1.5 litre jug. how much water", 1.2),
    ],
)
def test_one_things_parts_of_a_whole_mixed(instruction: str, result: float) -> None:
    assert run(instruction, capability="calculation")["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # a margin is a share of the price asked, not of the cost
        (
            "each mug costs me 6.30 to make and i want a 40% margin on the selling price. what "
            "should i charge",
            10.5,
        ),
        ("candles cost £3 each, i want a 25% gross margin. what price do i sell them at", 4),
    ],
)
def test_the_price_that_leaves_a_margin(instruction: str, result: float) -> None:
    assert run(instruction, capability="calculation")["result"] == pytest.approx(result)


def test_a_margin_on_cost_is_no_margin_of_the_price() -> None:
    assert (
        read_price_for_margin("it costs 6.30 and i want a 40% margin on cost. what to charge")
        is None
    )


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # the tax inside an amount that includes it, and the amount before it
        ("the till receipt says 36.00 including 20% vat, how much of that is the vat", 6.0),
        ("the invoice is 240 incl. 20% VAT, what was it before vat?", 200.0),
        # ... said as what the amount includes, as the planner puts it
        (
            "Context: The gas bill is 63 and that includes 5% vat. "
            "Task: How much of it is the vat.",
            3.0,
        ),
        # ... a service charge or a tip said to be included, as a tax is
        (
            "Context: Restaurant bill was 137.60 and that already includes a 12.5% service "
            "charge. Task: How much of it is the service.",
            15.2888889,
        ),
        ("the bill came to 90 including a 10% tip, whats the tip", 8.1818182),
        ("dinner was 112.50 inclusive of 12.5% service, how much was it before service", 100),
        # a markup on a cost, asked as the price to sell for
        ("mugs cost me 5.00 each and i want a 40% markup on cost, what do i sell them for", 7.0),
        # a period said as "a full year"
        ("the lease is 1,250 a month, what's that for a full year", 15000),
        # a share taken once a year, asked a month or a week
        ("Pension pot is 240,000, if i draw 5% a year how much is that a month.", 1000.0),
        ("savings of 52,000 and i take out 2% a year, how much is that a week", 20.0),
    ],
)
def test_taxes_markups_and_shares_a_period_in_words(instruction: str, result: float) -> None:
    assert run(instruction, capability="calculation")["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "instruction",
    [
        # the amount includes the VAT already: "what do i pay" is no sum to make
        "the bill is 64.80 including 20% vat, what do i pay",
        # "with" a service charge may be on top of the amount as well as in it
        "the bill was 80 with a 12.5% service charge, how much is the service charge",
        # interest is its own reading
        "I have 10,000 at 4% a year interest, how much is that a month",
    ],
)
def test_an_amount_with_its_tax_in_it_is_not_taxed_again(instruction: str) -> None:
    with pytest.raises(AgentInputError):
        run(instruction, capability="calculation")


@pytest.mark.parametrize(
    ("instruction", "results"),
    [
        # changes in turn, each on the amount before it
        ("the list price is 80 before tax, take 25% off then add 10% vat on top", [60.0, 66.0]),
        # a count at a price, then a percentage taken off it
        (
            "Context: Sold 1,500 kg of apples at 0.80 a kg. "
            "Task: Take off the 5% market fee, what do i actually get?",
            [1200.0, 1140.0],
        ),
        # a share taken, then what is left
        (
            "Context: Fees are 2,000 a term and the bursary takes 15%. "
            "Task: Work out their share, then how much is left.",
            [300.0, 1700.0],
        ),
        # ... with the first ask put in the context by the planner
        (
            "Context: The bursary takes 15% of 2,000. Their share. Task: How much is left.",
            [300.0, 1700.0],
        ),
        # a price that went down, then another share off it, asked as what it is now
        (
            "Context: the bike was 500, went down 10% in march and then another 20% off that "
            "in may. Task: what is it now",
            [450.0, 360.0],
        ),
        # a change for this year, then one for the next, the same way
        (
            "a weekly shop that costs 50 now - if prices go up 10% this year and 4% next year, "
            "what will it cost after both",
            [55.0, 57.2],
        ),
        # what is left, then spread over periods ("take", not only "takes")
        (
            "the bursary is 2,500 this year and fees take 1,300 of it, then whatever's left "
            "has to last 10 weeks. how much a week",
            [1200.0, 120.0],
        ),
        (
            "the grant is 3,000 and rent takes 1,800 of it, then what's left has to last "
            "10 weeks. how much a week",
            [1200.0, 120.0],
        ),
        # the periods said as left, or as due; what is done of it so far
        (
            "on a 20 GB plan, i've used 8 GB and there are 10 days left. how many GB a day",
            [12.0, 1.2],
        ),
        (
            "the book is 300 pages, i'm on page 120, it's due back in 6 days. how many pages a "
            "day do i need to read",
            [180.0, 30.0],
        ),
    ],
)
def test_chains_of_word_problems_show_each_stage(instruction: str, results: list[float]) -> None:
    data = run(instruction, capability="calculation")
    shown = [step["result"] for step in data["steps"]]
    assert shown == pytest.approx(results)
    assert data["result"] == pytest.approx(results[-1])


@pytest.mark.parametrize(
    "instruction",
    [
        # "20% off and 10% off": one after the other, or 30% off?
        "the coat is 200, 20% off and 10% off, what do i pay",
        # a chain asked for something else than its end
        "price is 80, add 10% then take 10% off, how much is the discount",
        # more taken than there is
        "the grant is 1,000 and rent takes 1,800 of it, then what's left has to last 10 weeks. "
        "how much a week",
    ],
)
def test_chains_not_fully_said_are_refused(instruction: str) -> None:
    with pytest.raises(AgentInputError):
        run(instruction, capability="calculation")


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # a scale: the real length over it, in the unit asked
        (
            "Context: N scale is 1:160. "
            "Task: The real coach is 24 m long, how long is the model in cm?",
            15.0,
        ),
        # ... and the model's times it, for the real one
        ("my 1/24 scale model car is 18 cm long, how long is the real car in m", 4.32),
        # a start, then an amount for each of a number of things
        ("i'm at 4,000 coins and each level gives 250, where will i be after 12 levels", 7000),
    ],
)
def test_scales_and_starts_with_an_amount_for_each(instruction: str, result: float) -> None:
    assert run(instruction, capability="calculation")["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "instruction",
    [
        # neither length is said to be the real one or the model's
        "the scale is 1:87 and it is 19.5 m long, how long in cm",
        # what is counted is not what each gives for
        "i'm at 4,000 coins and each level gives 250, where will i be after 12 days",
    ],
)
def test_scales_and_starts_not_fully_said_are_refused(instruction: str) -> None:
    with pytest.raises(AgentInputError):
        run(instruction, capability="calculation")


@pytest.mark.parametrize(
    ("context", "task", "figures"),
    [
        # rows of a numbered label and a value: the values, not the week numbers
        (
            "Band rehearsal attendance: Week 1: 6. Week 2: 4. Week 3: 7. Week 4: 5.",
            "Lowest and highest?",
            {"min": 4, "max": 7},
        ),
        # one row a line, bulleted, with a unit shared by the rows
        (
            "Lap times:\n\u2022 lap 1: 61.2 s\n\u2022 lap 2: 59.8 s\n\u2022 lap 3: 60.4 s",
            "Whats the lowest and highest?",
            {"min": 59.8, "max": 61.2},
        ),
    ],
)
def test_rows_of_a_numbered_label_and_a_value_give_the_values(
    context: str, task: str, figures: dict[str, float]
) -> None:
    data = run(f"Context: {context} Task: {task}", capability="statistics")
    for key, value in figures.items():
        assert data[key] == pytest.approx(value)


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # of times, the fastest is the lowest and the slowest the highest
        ("Context: My 5k times (mins): 24.1, 23.5, 25.0. Task: Which was my quickest?", 23.5),
        ("swim splits in seconds: 41.2, 39.8, 40.5 - slowest?", 41.2),
        # of speeds, the other way round
        ("top speeds in km/h: 41, 38, 44 - fastest?", 44),
        # of temperatures, the hottest is the highest and the coolest the lowest
        ("Context: thermometer this week: 24.5, 31.2, 22.1. Task: Coolest day?", 22.1),
        ("Context: temps this week: 24.5, 31.2, 22.1. Task: Hottest day?", 31.2),
    ],
)
def test_fastest_and_slowest_follow_what_the_values_are(instruction: str, result: float) -> None:
    assert run(instruction, capability="statistics")["result"] == pytest.approx(result)


def test_fastest_of_values_said_to_be_neither_times_nor_speeds_is_refused() -> None:
    with pytest.raises(AgentInputError):
        run("which is fastest: 3, 4, 5", capability="statistics")


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # what there was less each amount taken, each said with its verb
        (
            "the hall seats 250, we sold 180 tickets and reserved 20 for staff. how many are left",
            50,
        ),
        ("i had 40 eggs, used 12 and gave 6 to my sister, how many are left", 22),
        # the verb after the number it takes
        ("the minibus seats 16, 9 are booked and 2 are reserved, how many seats are left", 5),
    ],
)
def test_what_is_left_after_several_amounts_taken(instruction: str, result: float) -> None:
    assert run(instruction, capability="calculation")["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "instruction",
    [
        # an amount added, not taken
        "i had 40 eggs, bought 12 and used 6, how many are left",
        "i had 40 eggs, got 12 more and used 6, how many are left",
        # more taken than there was
        "the hall seats 100, we sold 80 tickets and reserved 30, how many are left",
    ],
)
def test_what_is_left_with_an_amount_not_taken_is_refused(instruction: str) -> None:
    with pytest.raises(AgentInputError):
        run(instruction, capability="calculation")


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        (
            "the stall made 540 on saturday, the pitch cost 45 and stock cost 210. whats my profit",
            285,
        ),
        ("Context: The quiz night raised 1,120 and the hall cost 150. Task: Net profit?", 970),
        # the period asked is the one the amounts are said of
        ("Context: daily takings 900 and costs 310. Task: profit a day?", 590),
    ],
)
def test_profit_is_the_money_taken_less_each_cost(instruction: str, result: float) -> None:
    assert run(instruction, capability="calculation")["result"] == pytest.approx(result)


def test_profit_of_a_price_each_is_refused() -> None:
    with pytest.raises(AgentInputError):
        run("we sold 30 cakes at 2 each and ingredients cost 18, profit?", capability="calculation")


@pytest.mark.parametrize(
    "instruction",
    [
        # a figure per period of amounts said of no period: the count of periods is missing
        "Context: the fair took 2,300 and the marquee cost 400. Task: profit per day?",
        "Context: the fair took 2,300 and the marquee cost 400. Task: weekly profit?",
        "margin = price - cost. price 24, cost 15. margin per week?",
    ],
)
def test_a_figure_per_period_not_said_is_refused(instruction: str) -> None:
    with pytest.raises(AgentInputError):
        run(instruction, capability="calculation")


def test_a_fee_on_two_amounts_added_is_the_share_of_their_sum() -> None:
    instruction = (
        "the agent charges 12% of the rent plus bills. rent is 900 and bills are 150, fee?"
    )
    assert run(instruction, capability="calculation")["result"] == pytest.approx(126)


def test_a_share_of_two_amounts_is_refused_when_the_fee_is_not_asked() -> None:
    with pytest.raises(AgentInputError):
        run(
            "the agent charges 12% of the rent plus bills. rent is 900 and bills are 150, "
            "what do i pay in total",
            capability="calculation",
        )


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        ("30 pupils in teams of 5 and each team needs 2 balls, how many balls do i need", 12),
        # A team left part-full: whether it gets a full set is not said.
        ("30 pupils in teams of 4 and each team needs 2 balls, how many balls do i need", None),
        ("30 pupils in teams of 5 and each team needs 2 balls, how many bibs", None),
    ],
)
def test_what_groups_of_a_size_each_need(instruction: str, result: float | None) -> None:
    if result is None:
        with pytest.raises(AgentInputError):
            run(instruction, capability="calculation")
    else:
        assert run(instruction, capability="calculation")["result"] == pytest.approx(result)


def test_profit_then_its_margin_answers_both() -> None:
    result = run(
        "Context: sales came to 52,000 and expenses were 39,000. "
        "Task: the profit, then the profit as a % of sales",
        capability="calculation",
    )
    assert [step["result"] for step in result["steps"]] == pytest.approx([13000, 25])


def test_profit_then_a_share_of_money_not_named_is_refused() -> None:
    with pytest.raises(AgentInputError):
        run(
            "Context: the cafe took 2,400 and spent 1,800 on stock. "
            "Task: profit, then as a % of revenue",
            capability="calculation",
        )


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        ("walked 3 dogs, got paid 20, 25 and 30, took 3 hours. what did i make per hour", 25),
        (
            "Context: did 2 gigs, was paid 300 and 250 and spent 60 on travel, 9 hours in all. "
            "Task: what did i clear an hour after travel",
            490 / 9,
        ),
    ],
)
def test_made_per_hour_is_the_money_made_less_spent_over_the_hours(
    instruction: str, result: float
) -> None:
    assert run(instruction, capability="statistics")["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "instruction",
    [
        # A count that is not of the amounts; spent but the net not asked; a rate, not an amount.
        "walked 4 dogs, got paid 20, 25 and 30, took 3 hours. what did i make per hour",
        "drove 40 hours, earned 1,000 and spent 150 on fuel. what's my hourly",
        "earned 15 an hour for 40 hours. what did i make per hour after tax",
    ],
)
def test_made_per_hour_refuses_what_it_does_not_read(instruction: str) -> None:
    with pytest.raises(AgentInputError):
        run(instruction, capability="statistics")


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        ("a class of 24, every pupil needs 3 pencils at 0.45 and a ruler at 1.20. total?", 61.2),
        # The last price said just before the question, with no stop between them.
        ("Context: a team of 11 and each one gets 2 socks at 3.25. Task: whats the total", 71.5),
    ],
)
def test_a_groups_items_at_their_prices_are_the_size_times_one_members_cost(
    instruction: str, result: float
) -> None:
    assert run(instruction, capability="calculation")["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "instruction",
    [
        # One member's cost asked; a number that is no count or price.
        "a class of 24, every pupil needs 3 pencils at 0.45 and a ruler at 1.20. cost per pupil?",
        "a class of 24, every pupil needs 3 pencils at 0.45, plus 10 for the trip. how much in all",
    ],
)
def test_a_groups_items_refuse_what_they_do_not_read(instruction: str) -> None:
    with pytest.raises(AgentInputError):
        run(instruction, capability="calculation")


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # the amount the question names, out of the other
        (
            "Context: The club took 8,000 in subs and 1,200 went on insurance. "
            "Task: What percentage went on insurance?",
            15,
        ),
        # how far one amount is under the one named, in percent of it
        ("list price was 20,000 and we paid 18,500, what % below list is that", 7.5),
        ("Context: Guide price 400,000, it sold at 420,000. Task: What % over guide?", 5),
    ],
)
def test_a_share_or_gap_of_the_amount_named(instruction: str, result: float) -> None:
    assert run(instruction, capability="calculation")["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "instruction",
    [
        # "under" the amount named, which is the lower one
        "Context: Guide price 400,000, it sold at 420,000. Task: What % under guide?",
        # the name said beside neither amount alone
        "Context: Admin 40 and admin 60. Task: What percent is admin?",
    ],
)
def test_a_share_or_gap_not_said_so_is_refused(instruction: str) -> None:
    with pytest.raises(AgentInputError):
        run(instruction, capability="calculation")


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # a deposit paid, the balance asked
        ("the kitchen quote is 8,400 and we put down a 25% deposit, how much is outstanding", 6300),
        ("Context: The course is 1,200 and I paid a 15% deposit. Task: What's the balance?", 1020),
        # pro rata: the full amount times the part of the whole worked
        ("full time salary is 32,000 and she works 4 days out of 5, what's that pro rata", 25600),
    ],
)
def test_balance_after_a_deposit_and_pro_rata(instruction: str, result: float) -> None:
    assert run(instruction, capability="calculation")["result"] == pytest.approx(result)


def test_pro_rata_of_two_amounts_is_refused() -> None:
    with pytest.raises(AgentInputError):
        run("holiday is 28 days plus 8 bank holidays, works 3 days out of 5, pro rata?")


def test_how_many_of_a_value_counts_the_rows_holding_it() -> None:
    table = "guest,coming\nAli,no\nBea,yes\nCal,yes\nDee,maybe\n"
    data = run(f"{table}how many yeses do we have", capability="statistics")
    assert data["result"] == 2
    assert data["where"] == {"coming": "yes"}
    assert run(f"{table}how many said no", capability="statistics")["result"] == 1


def test_how_many_rows_are_a_value_of_several_words_counts_them() -> None:
    table = "order,state\n1,awaiting payment\n2,shipped\n3,awaiting payment\n"
    data = run(f"{table}how many orders are awaiting payment?", capability="statistics")
    assert data["result"] == 2 and data["where"] == {"state": "awaiting payment"}
    # A value no cell holds whole is not counted.
    with pytest.raises(AgentInputError):
        run(f"{table}how many orders are awaiting stock?", capability="statistics")


def test_how_many_rows_are_still_a_value_counts_them() -> None:
    table = "order,status\n5501,shipped\n5502,pending\n5503,cancelled\n5504,pending\n"
    data = run(f"{table}how many orders are still pending", capability="statistics")
    assert data["result"] == 2
    assert data["where"] == {"status": "pending"}
    # "refunds" are not what the rows are: no count of them is read.
    with pytest.raises(AgentInputError):
        run(f"{table}how many refunds are still pending", capability="statistics")


def test_how_many_failed_counts_the_rows_a_yes_or_no_column_says_no() -> None:
    lines = "\n".join(
        f'{{"user":"{user}","event":"{event}","ok":{ok}}}'
        for user, event, ok in (
            ("amy", "login", "true"),
            ("raj", "login", "false"),
            ("raj", "logout", "false"),
            ("sue", "login", "false"),
        )
    )
    data = run(f"how many failed logins in this\n{lines}", capability="statistics")
    assert data["result"] == 2
    assert data["where"] == {"event": "login", "ok": False}
    table = "user,success\namy,yes\nraj,no\nsue,yes\n"
    assert run(f"{table}how many successful users", capability="statistics")["result"] == 2


def test_how_many_scored_over_a_bound_counts_the_score_column() -> None:
    table = "| student | score |\n|---|---|\n| Asha | 81 |\n| Ben | 64 |\n| Cara | 77 |\n"
    assert run(f"{table}how many scored over 70", capability="statistics")["result"] == 2


def test_a_change_between_two_amounts_in_one_unit_in_percent() -> None:
    said = "went from 96.4 kg to 88.7 kg since january. what % of my body weight have i lost"
    assert run(said, capability="calculation")["result"] == pytest.approx(7.7 / 96.4 * 100)


def test_a_bound_in_thousands_on_a_column() -> None:
    table = "| flat | rent |\n|---|---|\n| A | 1450 |\n| B | 1800 |\n| C | 2100 |\n"
    assert run(f"{table}how many flats are under 2k", capability="statistics")["result"] == 2


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        (
            '[{"shop":"North","sales":410},{"shop":"South","sales":560}] which shop is doing best',
            560,
        ),
        ('[{"post":"a","likes":41},{"post":"b","likes":12}] which post is least popular', 12),
    ],
)
def test_doing_best_of_one_column_of_counts(instruction: str, result: float) -> None:
    assert run(instruction, capability="statistics")["result"] == result


def test_doing_best_of_a_column_where_less_is_better_is_refused() -> None:
    with pytest.raises(AgentInputError):
        run('[{"runner":"a","time":41.2},{"runner":"b","time":39.9}] who is doing best')


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # "my last five ...": a count in words of the values, no value
        ("my last five essays were 1200, 950, 1100, 1300 and 1050 words, avg length?", 1120),
        # a plural's apostrophe in the label
        ("sample variance of the foals' birth weights in kg: 50, 46, 54, 50", 32 / 3),
    ],
)
def test_labels_with_a_count_in_words_or_an_apostrophe(instruction: str, result: float) -> None:
    assert run(instruction, capability="statistics")["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # a conversion the request states itself, either way round
        ("the horse is 64 inches, how tall in hands if 1 hand = 4 inches", 16),
        ("boiler is 30,000 BTU/h, what's that in W given 1 W = 3.412 BTU/h", 30000 / 3.412),
        # a unit defined in brackets, asked in a third unit of its measure
        ("the pony is 13 hands (a hand is 4 inches), what's that in metres", 1.3208),
        ("horse is 15 hands (1 hand = 4 inches). how tall is that in cm", 152.4),
    ],
)
def test_a_conversion_factor_stated_in_the_request(instruction: str, result: float) -> None:
    assert run(instruction, capability="calculation")["result"] == pytest.approx(result)


def test_a_stated_factor_for_neither_unit_given_is_refused() -> None:
    with pytest.raises(AgentInputError):
        run("the horse is 64 cm, how tall in hands if 1 hand = 4 inches", capability="calculation")


def test_a_unit_defined_in_another_measure_than_the_one_asked_is_refused() -> None:
    with pytest.raises(AgentInputError):
        run(
            "the pony is 13 hands (a hand is 4 kg), what's that in metres", capability="calculation"
        )


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        (
            "the plumber has a call-out fee of 60 then charges 45 an hour, "
            "the job took 3.5 hours, how much",
            217.5,
        ),
        (
            "Context: Cab is 2.80 flag-fall charge plus 1.90 per km. Task: 12 km trip, total fare?",
            25.6,
        ),
    ],
)
def test_a_charge_made_once_plus_a_rate(instruction: str, result: float) -> None:
    assert run(instruction, capability="calculation")["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "instruction",
    [
        "electric last month: 312 kWh at 24.5p per kWh plus a 53p daily standing charge, "
        "30 day month. total in \u00a3?",
        "312 kWh at 24.5p per kWh plus a standing charge of 53p a day, for 30 days. total "
        "in \u00a3?",
    ],
)
def test_a_charge_made_each_day_plus_a_rate(instruction: str) -> None:
    # the daily charge for each of the days given, in pounds: 76.44 + 15.90
    assert run(instruction, capability="calculation")["result"] == pytest.approx(92.34)


@pytest.mark.parametrize(
    "instruction",
    [
        # a charge made each day, and no number of days: not once
        "312 kWh at 24.5p per kWh plus a 53p daily standing charge. total in \u00a3?",
        # asked in pence: pence written as pounds would give pounds
        "312 kWh at 24.5p per kWh plus a 53p daily standing charge, 30 day month. total in pence?",
        # the amount used is each month too: not 10 * 3 + 2 * 5
        "monthly fee of 10 plus 2 per GB, i use 5 GB a month, what's the total cost for 3 months",
        # "53p" left against its letter is no number to leave out ("30 day" is no charge)
        "312 kWh at 24.5 per kWh plus a 53p daily standing charge, 30 day month. how much?",
    ],
)
def test_a_charge_made_each_day_without_its_days_is_refused(instruction: str) -> None:
    with pytest.raises(AgentInputError):
        run(instruction, capability="calculation")


def test_a_rate_and_two_amounts_none_said_as_a_charge_is_refused() -> None:
    with pytest.raises(AgentInputError):
        run(
            "parking is 2 per hour, we stayed 3 hours and paid 5, how much",
            capability="calculation",
        )


@pytest.mark.parametrize(
    "instruction",
    [
        "menu for the website, json pls\nitem\tprice\ntea\t2",
        "json for the stock app\nitem,price\ntea,2",
    ],
)
def test_conversion_to_a_format_named_without_a_verb(instruction: str) -> None:
    assert run(instruction, capability="conversion")["records"] == [{"item": "tea", "price": 2}]


def test_slowest_is_the_highest_of_the_one_column_of_durations() -> None:
    data = run(
        'which job was slowest? [{"job":"a","seconds":12},{"job":"b","seconds":40}]',
        capability="statistics",
    )
    assert data["result"] == 40 and data["matchingRows"][0]["job"] == "b"


def test_top_scorer_is_the_highest_of_the_one_column_scored() -> None:
    data = run("team,points\nReds,30\nBlues,41\nwho was the top scorer", capability="statistics")
    assert data["result"] == 41 and data["matchingRows"][0]["team"] == "Blues"


def test_an_aside_with_no_number_adds_no_condition() -> None:
    table = "name,mark\na,55\nb,62\nc,48\n"
    data = run(f"{table}how many got 50 or more (that's a pass)", capability="statistics")
    assert data["result"] == 2


def test_json_lines_are_a_table() -> None:
    logs = '{"level":"fail","ms":5}\n{"level":"ok","ms":9}\n{"level":"fail","ms":7}'
    assert run(f"how many fails are in here?\n{logs}", capability="statistics")["result"] == 2


def test_my_count_of_things_counts_the_values_listed() -> None:
    data = run("prices at my 4 stalls are 12, 15, 9, 20 - median?", capability="statistics")
    assert data["result"] == 13.5


def test_the_scale_maximum_of_a_tables_values_is_no_value() -> None:
    data = run(
        "Context: quiz marks out of 10\nname,mark\na,7\nb,9\nTask: average?",
        capability="statistics",
    )
    assert data["result"] == 8


def test_how_many_of_a_list_are_beyond_a_bound() -> None:
    data = run(
        "Context: my times were 12, 15, 9, 20, 11. Task: How many were under 12?",
        capability="statistics",
    )
    assert data["result"] == 2
    with pytest.raises(AgentInputError):
        run(
            "Context: I bought 3 boxes of 12 eggs. Task: How many were over 10?",
            capability="statistics",
        )


def test_figures_listed_without_commas() -> None:
    data = run("weights 4 6 8 10, median range and mean", capability="statistics")
    assert data["figures"] == {"median": 7, "range": 6, "mean": 7}


def test_how_many_of_a_numeric_column_someone_did_is_its_total() -> None:
    table = "rider,miles\nAnn,12\nBo,30\nAnn,8\n"
    data = run(f"{table}how many miles did we ride for each rider", capability="statistics")
    assert data["result"] == [
        {"rider": "Ann", "count": 2, "sum": {"miles": 20}},
        {"rider": "Bo", "count": 1, "sum": {"miles": 30}},
    ]
    with pytest.raises(AgentInputError):
        run(f"{table}how many miles did we ride in May", capability="statistics")


def test_a_dash_the_sentence_broke_off_at_is_no_subtraction() -> None:
    data = run("Average weekly takings were 1,200 1,500 1,350 -.", capability="statistics")
    assert data["result"] == 1350


@pytest.mark.parametrize("capability", ["statistics", "calculation"])
def test_a_figure_of_a_list_asked_against_a_bound(capability: str) -> None:
    data = run("my grades are 55%, 61%, 58% - is my average over 60?", capability=capability)
    assert data["result"] == 58 and data["holds"] is False
    with pytest.raises(AgentInputError):
        run("the 3 shops made 200, 300 and 250 - is the total over 700?", capability=capability)


@pytest.mark.parametrize("capability", ["statistics", "calculation"])
def test_a_dash_setting_the_question_apart_subtracts_nothing(capability: str) -> None:
    assert run("btw - median of 14, 9, 22, 17", capability=capability)["result"] == 15.5
    assert run("20 - median of 14, 9, 22, 17", capability=capability)["result"] == 4.5


def test_a_value_of_several_words_names_its_rows() -> None:
    table = "client,hours\nBlue Sky Ltd,3\nRed Fox,5\nBlue Sky Ltd,4\n"
    assert run(f"{table}total hours for Blue Sky Ltd", capability="statistics")["result"] == 7


def test_a_month_no_row_says_is_a_condition_not_applied() -> None:
    with pytest.raises(AgentInputError, match="no row of the table says it"):
        run("client,hours\nA,3\nB,5\ntotal hours in June", capability="statistics")
    assert (
        run("month,hours\nJune,3\nJuly,5\ntotal hours in June", capability="statistics")["result"]
        == 3
    )


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        ("how many days from 3rd of March 2024 to 1 feb 2025?", 335),
        ("she started on July 4 2023, how many days had she worked by 1 jan 2024", 181),
        # the days asked without "how many"; a day of the calendar named
        ("days between 10 january 2028 and 10 april 2028?", 91),
        ("how many days from 3 august 2025 to christmas day 2025", 144),
    ],
)
def test_days_between_two_dates(instruction: str, result: float) -> None:
    assert run(instruction, capability="calculation")["result"] == result


@pytest.mark.parametrize(
    "instruction",
    [
        # No year to the second date (a leap day may lie between); a day that is no date.
        "how many days from 3 March 2024 to 1 feb?",
        "how many days from 30 feb 2025 to 3 march 2025?",
    ],
)
def test_dates_not_whole_are_refused(instruction: str) -> None:
    with pytest.raises(AgentInputError):
        run(instruction, capability="calculation")


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        ("the hall was booked 09:20 until 13:05 at 24 an hour, what do we owe", 90),
        ("Context: shifts: 22:00-06:30, 07:00-15:00. Task: total hours?", 16.5),
    ],
)
def test_a_span_between_clock_times_is_how_long_it_lasts(instruction: str, result: float) -> None:
    assert run(instruction, capability="calculation")["result"] == pytest.approx(result)


def test_a_span_that_may_be_either_clock_is_refused() -> None:
    # 9:40 to 5:10 is 7 h 30 min on a 12-hour clock and 19 h 30 min on a 24-hour one.
    with pytest.raises(AgentInputError):
        run("booked 9:40 to 5:10 at 24 an hour, what do we owe", capability="calculation")


@pytest.mark.parametrize(
    ("instruction", "result", "answer"),
    [
        ("is 15% of 300 bigger than 40?", 45, "yes"),
        ("is 7 times 8 less than 50", 56, "no"),
        ("what's 25% of 80 and 100 divided by 5, are they equal?", 20, "yes"),
        ("what's 5 times 3 and 20 divided by 4", 5, None),
    ],
)
def test_two_amounts_compared_yes_or_no(instruction: str, result: float, answer: str) -> None:
    data = run(instruction, capability="calculation")
    assert data["result"] == result
    assert data.get("answer") == answer


@pytest.mark.parametrize(
    ("instruction", "results"),
    [
        (
            "sold 2,000 downloads at 0.45 per download and the store keeps 30%, "
            "what do i actually receive",
            [900, 630],
        ),
        ("proofreading 6,000 words at 0.02 a word plus 20% vat, before and after", [120, 144]),
        (
            "4 nights at 95 plus a 40 cleaning fee, and the site takes 5% of it all. "
            "what's my payout",
            [420, 399],
        ),
    ],
)
def test_a_count_at_a_price_then_a_share_kept(instruction: str, results: list[float]) -> None:
    data = run(instruction, capability="calculation")
    assert [step["result"] for step in data["steps"]] == pytest.approx(results)


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        ("Context: The float was 150. Expenses today: 20, 14.50 and 9. Task: What's left?", 106.5),
        (
            "Context: Her deposit was 900. Task: Deductions are 120 for paint and 45 for "
            "a lost fob, how much do we give back?",
            735,
        ),
    ],
)
def test_a_list_taken_from_an_amount_held(instruction: str, result: float) -> None:
    assert run(instruction, capability="statistics")["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        ("my shift is 07:00 to 15:30 with a 30 minute lunch break, how many paid hours?", 8),
        ("Context: Late shift is 22:00 till 06:00 with a 1 hour break. Task: Hours worked?", 7),
        # a count of shifts, each with its break
        ("three long days 07:30 to 20:00 each with a 1 hr unpaid break. how many paid hours", 34.5),
        ("i did 4 nights of 12 hours each with a 45 min unpaid break. paid hours?", 45),
        (
            "5 days 09:00 to 17:30 each with a 30 minute unpaid lunch break. how many hours worked",
            40,
        ),
    ],
)
def test_hours_less_a_break(instruction: str, result: float) -> None:
    assert run(instruction, capability="calculation")["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        ("i need 1,200 for the trip, i have 300 and save 75 a week, how many weeks to go", 12),
        ("need 5,000 xp for the next level, got 3,200 and earn 450 an hour, how many hours", 4),
    ],
)
def test_periods_until_a_target_at_a_rate(instruction: str, result: float) -> None:
    assert run(instruction, capability="calculation")["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "instruction",
    [
        "Context: Mon 510 minutes, tue 450 minutes, wed 270 minutes. Task: Total hours?",
        "Context: Runs this week: 5 km, 8 km, 10 km. Task: Total distance in miles?",
    ],
)
def test_a_total_asked_in_another_unit_than_its_amounts_is_refused(instruction: str) -> None:
    # Summed as they are, 1230 minutes would be reported as 1230 hours.
    with pytest.raises(AgentInputError, match="the numbers are in"):
        run(instruction, capability="statistics")


def test_a_total_asked_in_the_unit_of_its_amounts_is_summed() -> None:
    instruction = "Context: Mon 510 minutes, tue 450 minutes. Task: Total minutes?"
    assert run(instruction, capability="statistics")["result"] == 960


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        ("80 psi in bar", 5.5158),
        ("boiler pressure is 1.5 bar, what is that in psi", 21.7557),
        ("1013 hPa in atm", 0.99975),
    ],
)
def test_pressures_convert(instruction: str, result: float) -> None:
    assert run(instruction, capability="calculation")["result"] == pytest.approx(result, rel=1e-4)


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        ("channel went from 2,400 subs to 3,150 in a month, % growth?", 31.25),
        (
            "Context: started at 92 kg, now i'm 84.64 kg. "
            "Task: what percentage of my body weight have i lost",
            8,
        ),
        ("the price dropped from 125 to 100, by what percentage?", 20),
        (
            "Context: 2000 in savings at 5% compound interest. "
            "Task: how much will there be after 2 years?",
            2205,
        ),
        (
            "Context: paid 68 for boots in the sale after 15% off. "
            "Task: what was the original price",
            80,
        ),
        (
            "Context: my commission is 3.5% of sales and i sold 46,800 this quarter. "
            "Task: what do i get",
            1638,
        ),
        (
            "Context: 5,000 sitting in savings at 4% a year, compounded annually. "
            "Task: how much will there be after 3 years?",
            5624.32,
        ),
    ],
)
def test_percentage_problems_of_wider_shapes(instruction: str, result: float) -> None:
    assert run(instruction, capability="calculation")["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        (
            "Context: module is 40% coursework and 60% exam. Task: got 72 on the coursework "
            "and 58 in the exam, what's my overall mark?",
            63.6,
        ),
        (
            "Context: coursework is worth 40% and i got 62. The exam is the other 60%. "
            "Task: what do i need in the exam to finish on 70 overall",
            (70 - 24.8) / 0.6,
        ),
        (
            "4.0 in a 3 credit class, 3.3 in a 4 credit class and 3.7 in a 3 credit class. "
            "credit weighted gpa?",
            3.63,
        ),
        (
            "Context: house is 285,000 and we have a 42,750 deposit. "
            "Task: what LTV would the mortgage be, in %",
            85,
        ),
        (
            "Context: my screen time averaged 4 h 48 min a day. "
            "Task: what % of the 24 hour day is that",
            20,
        ),
        (
            "Context: the brine should be 6% salt by weight of the water. Task: i'm using 2.5 "
            "litres of water (2,500 g), how many grams of salt",
            150,
        ),
    ],
)
def test_weighted_figures_and_shares_of_named_wholes(instruction: str, result: float) -> None:
    assert run(instruction, capability="calculation")["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "instruction",
    [
        # The way the statement says is not the way the values went.
        "the price rose from 20 to 15, by what percent?",
        # Two times of day, no two amounts of one thing.
        "shop went from 9 am to 5 pm, % change?",
        # 68 is what was paid after the discount: 15% of it is not the saving.
        "Context: paid 68 for boots after 15% off. Task: how much did i save",
        # A commission of profit, and an amount sold: not the same amount.
        "Context: my commission is 3.5% of profit and i sold 46,800. Task: what do i get",
        # A bonus of the sales over a target only.
        "Context: my bonus is 10% of sales over target and i sold 50,000. Task: what do i get",
        # A commission of sales, and an amount not said to be sold.
        "Context: my commission is 3.5% of sales and my target is 46,800. Task: what do i get",
        # A yearly rate compounded daily (365 or 360 days?); what it earns, interest not named.
        "Context: 5,000 at 3.5% a year compounded daily. Task: what will it be after 4 years",
        "Context: 5,000 at 3.5% a year compounded annually. Task: how much will it earn in 4 years",
        # Weights that do not make 100%, or a part without its mark.
        "Context: module is 40% coursework and 50% exam. Task: got 72 on the coursework and 58 "
        "in the exam, what's my overall mark?",
        "Context: module is 40% coursework and 60% exam. Task: got 72 on the coursework, "
        "what's my overall mark?",
        # A deposit no smaller than the price: no loan to speak of.
        "Context: flat is 40,000 and we have a 50,000 deposit. Task: what LTV would it be",
        # The plain mean of the grades is asked.
        "4.0 in a 3 credit class and 3.3 in a 4 credit class. unweighted gpa?",
        # A time a day asked as a share of a week.
        "Context: i spend 2 hours a day on my phone. Task: what % of the week is that",
        # The water in kg, the salt asked in grams: no amount in the unit asked.
        "Context: the brine should be 6% salt by weight of the water. Task: i'm using 2.5 kg of "
        "water, how many grams of salt",
    ],
)
def test_weighted_and_percentage_shapes_not_fully_said_are_refused(instruction: str) -> None:
    with pytest.raises(AgentInputError):
        run(instruction, capability="calculation")


@pytest.mark.parametrize(
    ("instruction", "capability", "expected"),
    [
        (
            "Context: daily steps: 8,412 / 11,250 / 9,870 / 12,034. "
            "Task: how many days was i over 10,000",
            "statistics",
            2,
        ),
        ("températures : 18,5 / 21,0 / 19,5 — moyenne ?", "calculation", 19.666666666666668),
        ("readings: 4 / 6 / 11 / 3 - what's the median?", "statistics", 5),
    ],
)
def test_numbers_with_slashes_after_a_label_are_a_list(
    instruction: str, capability: str, expected: float
) -> None:
    data = run(instruction, capability=capability)
    assert data["result"] == pytest.approx(expected)


def test_numbers_with_slashes_the_label_asks_of_still_divide() -> None:
    assert run("work out: 100 / 5 / 2", capability="calculation")["result"] == 10


def test_slashes_between_decimals_and_thousands_are_refused() -> None:
    with pytest.raises(AgentInputError):
        run("readings: 1,5 / 2,500 / 3 - average?", capability="statistics")


@pytest.mark.parametrize(
    ("instruction", "expected"),
    [
        ("wedding spend so far, add it up:\n- dress £1,150\n- suit hire £185\n- cake £310", 1645),
        ("my shop:\n• bread: 1.20\n• milk: 0.95\nwhat's the total?", 2.15),
        ("lap times\n- first lap 61\n- second lap 59\n- third lap 63\naverage?", 61),
        # Items numbered among others of their name: the numbers name them.
        ("tips by week\n- week 1 £120\n- week 2 £95.50\n- week 3 £88\ntotal?", 303.5),
        ("coin boxes\n- washer 1 42.50\n- washer 2 38.00\n- dryer 1 27\n- dryer 2 31\nsum", 138.5),
    ],
)
def test_bullet_lines_of_items_and_amounts_are_a_list(instruction: str, expected: float) -> None:
    data = run(instruction, capability="statistics")
    assert data["result"] == pytest.approx(expected)


def test_bullet_lines_of_numbered_items_are_a_list_in_a_calculation() -> None:
    data = run(
        "takings\n* till 1: 310\n* till 2: 295.40\n* bar: 120\nadd them up",
        capability="calculation",
    )
    assert data["result"] == pytest.approx(725.4)


def test_a_bullet_number_not_one_of_a_numbered_run_is_not_a_name() -> None:
    # "- eggs 12 3.20": twelve eggs, or egg number 12? Not read as a list of amounts.
    assert _bulleted_amounts("shopping\n- eggs 12 3.20\n- milk 2 1.80\ntotal") is None


@pytest.mark.parametrize(
    ("instruction", "capability"),
    [
        ("shopping\n- eggs 12 3.20\n- milk 2 1.80\ntotal", "statistics"),
        ("room 1 42\nroom 2 30\nadd up", "calculation"),
        # As the planner passes lines: sentences.
        ("Context: Room 1 42. Room 2 30. Task: Add up.", "calculation"),
        ("bolts 40 0.15\nwashers 40 0.05\nnuts 40 0.10\nwhats the sum", "statistics"),
    ],
)
def test_lines_naming_a_thing_with_two_numbers_are_not_one_list(
    instruction: str, capability: str
) -> None:
    # Every number added would be 19 for the eggs and milk, 75 for the rooms: which of the
    # two on each line is the value is not said.
    with pytest.raises(AgentInputError, match="two numbers"):
        run(instruction, capability=capability)


@pytest.mark.parametrize(
    "instruction",
    [
        # A number of its own beside the list: what it is for is not said.
        "budget 5,000, spent so far:\n- dress £1,150\n- rings £640\nhow much is left",
        # Pounds and dollars are not added as they stand.
        "costs, add them up:\n- dress £1,150\n- rings $640",
    ],
)
def test_bullet_lines_with_a_number_or_a_currency_apart_are_refused(instruction: str) -> None:
    with pytest.raises(AgentInputError):
        run(instruction, capability="statistics")


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # amounts said with "plus" added, shared by those who pay: one counted pays nothing
        (
            "Context: Hen do cottage is 1,560 plus 240 for activities. 12 of us including the "
            "bride, and the bride doesn't pay. Task: What does each of the others pay.",
            163.6363636,
        ),
        (
            "Context: The cottage is 1800. 12 of us, and the bride doesn't pay. "
            "Task: What does each of the others pay.",
            163.6363636,
        ),
        (
            "Context: Stag weekend is 2,400 plus 300 for paintball, 10 of us and the groom goes "
            "free. Task: How much each.",
            300,
        ),
    ],
)
def test_a_share_each_when_one_of_those_counted_pays_nothing(
    instruction: str, result: float
) -> None:
    assert run(instruction, capability="calculation")["result"] == pytest.approx(result)


def test_a_share_each_when_some_pay_nothing_is_refused() -> None:
    with pytest.raises(AgentInputError):
        run(
            "dinner is 240 for 6 people and the kids go free, how much each",
            capability="calculation",
        )


@pytest.mark.parametrize(
    ("instruction", "key", "sums"),
    [
        # "how many <a numeric column> of each <group>": the column added up in each group
        (
            "crop,kg\nbeans,1.2\ncourgette,2.5\nbeans,0.8\ntomato,1.9\ncourgette,3.1\n"
            "tomato,2.4\nhow many kg of each crop have we picked",
            "crop",
            {"beans": 2.0, "courgette": 5.6, "tomato": 4.3},
        ),
        (
            "how many hours of each project?\nproject,hours\nA,3\nB,4\nA,2.5",
            "project",
            {"A": 5.5, "B": 4},
        ),
    ],
)
def test_how_many_of_a_column_for_each_group_is_its_total(
    instruction: str, key: str, sums: dict[str, float]
) -> None:
    data = run(instruction, capability="statistics")
    column = next(iter(data["result"][0]["sum"]))
    assert {g[key]: g["sum"][column] for g in data["result"]} == pytest.approx(sums)


def test_how_many_rows_of_each_group_is_still_refused() -> None:
    with pytest.raises(AgentInputError, match="count of the rows"):
        run(
            "how many rows of each team?\nteam,points\nred,3\nblue,1\nred,1",
            capability="statistics",
        )


@pytest.mark.parametrize(
    ("instruction", "results"),
    [
        # a yearly amount changed by a percentage, then the new amount over a shorter period
        (
            "Context: Salary is 31,200 and getting a 3.5% rise. Task: New annual and then monthly?",
            [32292, 2691],
        ),
        (
            "Context: My salary is 28,500 and i'm getting a 4% pay rise. Task: What's the new "
            "salary, and per month?",
            [29640, 2470],
        ),
        (
            "Context: Earning 40,000 a year and taking a 5% pay cut. Task: New yearly figure and "
            "then weekly?",
            [38000, 38000 / 52],
        ),
    ],
)
def test_a_yearly_amount_changed_then_per_month(instruction: str, results: list[float]) -> None:
    data = run(instruction, capability="calculation")
    assert [s["result"] for s in data["steps"]] == pytest.approx(results)


def test_a_monthly_amount_asked_new_annual_is_refused() -> None:
    # "900 a month": not yearly, so "new annual and then monthly" is not read so
    with pytest.raises(AgentInputError):
        run(
            "Context: Rent is 900 a month and going up 5%. Task: New annual and then monthly?",
            capability="calculation",
        )


@pytest.mark.parametrize(
    ("instruction", "expected"),
    [
        ("Context: Tank is 40 US gallons. Task: Convert to litres.", 151.416471),
        ("Context: The run is 10 km. Task: Convert to miles.", 6.213712),
        ("Context: Her case weighs 23 kg. Task: convert into lb", 50.706),
    ],
)
def test_convert_to_a_unit_alone_converts_the_one_amount_stated(
    instruction: str, expected: float
) -> None:
    data = run(instruction, capability="calculation")
    assert data["result"] == pytest.approx(expected, rel=1e-5)


@pytest.mark.parametrize(
    ("instruction", "title", "value", "expected"),
    [
        (
            "Work out a 20% water change in litres. Use the result of step s1 (Convert to litres).",
            "Convert to litres",
            151.416471,
            30.283294,
        ),
        (
            "Take 10% of the result of step s1 (Convert to miles) in miles.",
            "Convert to miles",
            6.2,
            0.62,
        ),
        (
            "What's half of the result of step s1 (How many kg of flour), in kg?",
            "How many kg of flour",
            9,
            4.5,
        ),
    ],
)
def test_a_share_of_a_result_asked_in_the_unit_it_is_in_needs_no_conversion(
    instruction: str, title: str, value: float, expected: float
) -> None:
    request = StepRequest(
        instruction=instruction,
        capability="calculation",
        inputs=(step("s1", {"operation": "calculation", "result": value}, title=title),),
    )
    assert run_operation(request).data["result"] == pytest.approx(expected, rel=1e-5)


def test_a_result_asked_in_another_unit_than_its_own_is_still_refused() -> None:
    request = StepRequest(
        instruction="Take 20% of the result of step s1 (Convert to litres) in gallons.",
        capability="calculation",
        inputs=(
            step("s1", {"operation": "calculation", "result": 151.4}, title="Convert to litres"),
        ),
    )
    with pytest.raises(AgentInputError):
        run_operation(request)


@pytest.mark.parametrize(
    ("title", "asked", "value", "expected"),
    [
        # A figure of values that all carry one unit is in that unit.
        ("Mean of my swims 1.2 km, 0.8 km, 1.5 km", "metres", 1.1667, 1166.7),
        ("Total the walks 3, 4.5 and 6 miles", "km", 13.5, 21.7261),
        ("The median of 2.5, 3 and 4 kg", "grams", 3, 3000),
    ],
)
def test_a_figure_of_a_list_in_one_unit_is_converted_from_that_unit(
    title: str, asked: str, value: float, expected: float
) -> None:
    request = StepRequest(
        instruction=f"Convert the result of step s1 ({title}) to {asked}.",
        capability="calculation",
        inputs=(step("s1", {"operation": "statistics", "result": value}, title=title),),
    )
    assert run_operation(request).data["result"] == pytest.approx(expected, rel=1e-4)


@pytest.mark.parametrize(
    ("instruction", "title", "value", "expected"),
    [
        # an amount priced, dosed or scaled at a rate per the unit its step's title says
        (
            "What would the result of step s1 (How many litres in the tank) cost to fill at "
            "1.40 a litre.",
            "How many litres in the tank",
            50,
            70,
        ),
        (
            "Work out her dose at 2 mg per kg. Use the result of step s1 (Mean of 30, 31 kg).",
            "Mean of 30, 31 kg",
            30.5,
            61,
        ),
        (
            "How many kg of seed at 0.05 kg per m2. Use the result of step s1 (The lawn in m2).",
            "The lawn in m2",
            120,
            6,
        ),
        # an amount used up at a rate of its unit per period
        (
            "How many weeks will that last at 2.5 litres a week. Use the result of step s1 "
            "(Total the cans 5, 10 and 5 litres).",
            "Total the cans 5, 10 and 5 litres",
            20,
            8,
        ),
    ],
)
def test_an_earlier_amount_in_a_titled_unit_at_a_rate_of_it(
    instruction: str, title: str, value: float, expected: float
) -> None:
    request = StepRequest(
        instruction=instruction,
        capability="calculation",
        inputs=(step("s1", {"operation": "calculation", "result": value}, title=title),),
    )
    assert run_operation(request).data["result"] == pytest.approx(expected, rel=1e-6)


@pytest.mark.parametrize(
    ("instruction", "title"),
    [
        # the title does not say the amount is in the rate's unit
        ("What does the result of step s1 (How much cream) cost at 2.40 per litre.",
         "How much cream"),
        # the rate is per another unit than the amount's
        ("Work out her dose at 2 mg per lb. Use the result of step s1 (Mean of 30, 31 kg).",
         "Mean of 30, 31 kg"),
        # another amount than the rate's is asked
        ("How many litres of seed at 0.05 kg per m2. Use the result of step s1 (The lawn in "
         "m2).", "The lawn in m2"),
        # days asked of a rate a week, and a rate in grams of an amount in kg
        ("How many days will that last at 2.5 litres a week. Use the result of step s1 (Total "
         "the cans 5, 10 and 5 litres).", "Total the cans 5, 10 and 5 litres"),
        ("How many days will that last at 300 g a day. Use the result of step s1 (Total the "
         "sacks 20, 25 kg).", "Total the sacks 20, 25 kg"),
        # another number in the question
        ("What would 3 of the result of step s1 (How many litres in the tank) cost at 1.40 a "
         "litre.", "How many litres in the tank"),
    ],
)  # fmt: skip
def test_an_earlier_amount_at_a_rate_not_per_its_unit_is_refused(
    instruction: str, title: str
) -> None:
    request = StepRequest(
        instruction=instruction,
        capability="calculation",
        inputs=(step("s1", {"operation": "calculation", "result": 20.0}, title=title),),
    )
    with pytest.raises(AgentInputError):
        run_operation(request)


@pytest.mark.parametrize(
    "title",
    [
        "Mean of my swims 1.2 km, 800 m, 1.5 km",  # units of one kind, but not one unit
        "Total the walks 3, 4.5 km and 6 miles",  # values in different units
        "Average of 3, 4 and 5 km in 2 days",  # more said after the list
        "Count of 2.5, 3 and 4 kg",  # a count is no amount in kg
        "Average of my runs 5.2, 6.8, 4.5 and 7.5\u2026",  # cut short: the unit is not seen
    ],
)
def test_a_figure_of_a_list_not_in_one_unit_is_not_converted(title: str) -> None:
    request = StepRequest(
        instruction=f"Convert the result of step s1 ({title}) to miles.",
        capability="calculation",
        inputs=(step("s1", {"operation": "statistics", "result": 5.0}, title=title),),
    )
    with pytest.raises(AgentInputError):
        run_operation(request)


@pytest.mark.parametrize(
    ("instruction", "capability"),
    [
        ("Context: Ucas points: A* = 56, A = 48, B = 40. I got A*, B and B. Task: Total points.",
         "statistics"),
        ("Context: Ucas points: A* = 56, A = 48, B = 40, C = 32. She got A, A and C. Task: Total "
         "points?", "statistics"),
        ("Context: Grade points: A = 4, B = 3, C = 2. My modules came out B, C and A. Task: "
         "Total?", "calculation"),
    ],
)  # fmt: skip
def test_a_table_of_values_by_name_with_the_names_got_is_not_totalled(
    instruction: str, capability: str
) -> None:
    # the sum of the table (144) is not what the names got are worth (136)
    with pytest.raises(AgentInputError, match="worth"):
        run(instruction, capability=capability)


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # The 3 of "m3" is a power of its unit, no value of the list.
        ("Median of these van loads in m3 14.5, 17, 12.8, 18, 15.2.", 15.2),
        ("average of the room sizes in m2 12, 15, 18", 15),
    ],
)
def test_a_units_power_is_no_value(instruction: str, result: float) -> None:
    assert run(instruction, capability="statistics")["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "instruction",
    [
        "overtime is time and a half or double depending on the day, i did 10 hrs at 18/hr "
        "base, how much overtime pay",
        "the pitch is either 25 or 40 depending on where they put me, how many candles at 6 "
        "cover it",
    ],
)
def test_values_that_depend_on_what_is_not_said_are_refused(instruction: str) -> None:
    with pytest.raises(AgentInputError, match="does not say which applies"):
        run(instruction, capability="calculation")


@pytest.mark.parametrize(
    "instruction",
    [
        "Context: takings mon 90, tue 85, and sunday was double. Task: total?",
    ],
)
def test_numbers_some_word_multiplies_are_no_list(instruction: str) -> None:
    with pytest.raises(AgentInputError, match="changes some of its numbers"):
        run(instruction, capability="statistics")


def test_hours_a_word_multiplies_are_paid_at_that_multiple_not_listed() -> None:
    # not 33.9 (the numbers as one list): each block of hours at its multiple of the base
    data = run(
        "Context: worked 8 hrs saturday at time and a half and 8 hrs sunday at double time, "
        "base 17.90. Task: whats the total for the weekend",
        capability="statistics",
    )
    assert data["result"] == pytest.approx(501.2)


@pytest.mark.parametrize(
    "instruction",
    [
        "Context: 6 exams, 35 days left, revising 4 hours a day. Task: total hours and hours "
        "per exam if split evenly",
        "Context: 6 exams, 4 hours a day for 35 days. Task: total hours and hours per exam",
    ],
)
def test_a_total_and_another_ask_read_as_one_expression_is_refused(instruction: str) -> None:
    with pytest.raises(AgentInputError, match="asks two things"):
        run(instruction, capability="statistics")


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # A reminder of the factor the table holds is no pair of numbers to read.
        ("room is 180 sq ft, in m2? (1 ft = 0.3048 m)", 16.7225472),
        ("a 10 mile race, how many km (1 mile = 1.609344 km)", 16.09344),
        # ... said the other way round, a size per unit
        ("summit is 3,209 ft, in metres? (0.3048 m per ft)", 978.1032),
        ("a 10 mile race, how many km (1.609344 km to the mile)", 16.09344),
        # Volumes in cubic units, the reminder beside them or not.
        ("old gas bill shows 1,250 cubic feet, whats that in m3 (1 ft = 0.3048 m)", 35.396058),
        ("the shed is 300 cu ft, how many cubic metres", 8.4950539776),
        # A rounder factor than the table's is the request's own, and is used.
        ("5 miles in km (1 mile = 1.6 km)", 8),
    ],
)
def test_a_reminder_of_a_known_factor_and_cubic_units(instruction: str, result: float) -> None:
    assert run(instruction, capability="calculation")["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # A gallon defined by its size in litres says whose gallon it is.
        ("how many litres is 11 gallons (4.546 l each)", 50.00699),
        ("how many litres is 11 gallons (1 gallon = 4.546 l)", 50.00699),
        ("20 gallons in litres (3.785 litres to the gallon)", 75.70823568),
    ],
)
def test_a_gallon_defined_in_litres(instruction: str, result: float) -> None:
    assert run(instruction, capability="calculation")["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "instruction",
    [
        "how many litres is 11 gallons (4.55 l each)",  # neither gallon's size
        "how many litres is 11 US gallons (4.546 l each)",  # the UK one's, of US gallons
        "3 cans (4.546 l each), how many gallons",  # cans, not gallons, of that size
    ],
)
def test_a_gallon_defined_otherwise_is_still_refused(instruction: str) -> None:
    with pytest.raises(AgentInputError):
        run(instruction, capability="calculation")


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # A pace per mile asked per km, and back, by the request's factor where it says one.
        (
            "my easy pace is 8:00 min/mile, what's that in min per km (1 mile = 1.609344 km)",
            4.97097,
        ),
        ("running 5:00 per km, what is that per mile", 8.04672),
        ("my pace is 9:30 min/mile, in min/km?", 9.5 / 1.609344),
        ("8:00 min/mile in min per km (1 km = 0.621 miles)", 8 * 0.621),
    ],
)
def test_a_pace_asked_per_another_length(instruction: str, result: float) -> None:
    assert run(instruction, capability="calculation")["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # A sum of money named by what it is: a claim, a bill, a spend.
        (
            "Context: Drive 22 miles a day, 5 days a week, 48 weeks, claiming 45p a mile. "
            "Task: Total claim.",
            2376,
        ),
        (
            "Context: Cycle 12 miles a day, 4 days a week for 40 weeks at 25p a mile. "
            "Task: Claim total?",
            480,
        ),
        ("Context: Petrol 1.48 a litre, 42 litres. Task: Total spend.", 62.16),
    ],
)
def test_money_asked_by_its_name(instruction: str, result: float) -> None:
    assert run(instruction, capability="calculation")["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "instruction",
    [
        "Reviews: 42 five star, 15 four star, 6 three star, 3 two star and 4 one star. "
        "average rating",
        "Feedback: 12 happy, 5 neutral, 3 unhappy. total responses",
    ],
)
def test_a_figure_of_counts_taken_for_a_text_is_refused(instruction: str) -> None:
    with pytest.raises(AgentInputError, match="taken for a text"):
        run(instruction, capability="sentiment")


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        # A rate per the unit the listed amounts are in, applied to their total.
        ("add up the drives in km 120, 80, 95 then at 6 l per 100 km how many litres", 17.7),
        ("total my runs 3, 5, 6.2 miles then at 100 kcal per mile burned", 1420),
        ("add up 3.5, 4, 2.5 hours then times by £12 per hour", 120),
    ],
)
def test_a_rate_per_the_unit_of_the_amounts_listed(instruction: str, result: float) -> None:
    assert run(instruction, capability="statistics")["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    "instruction",
    [
        # The rate is per another unit than the amounts', or gives another than asked.
        "add up 12, 15, 9 kwh then at £0.30 per hour",
        "total 120, 80, 95 km then at 6 l per 100 km how many kg",
    ],
)
def test_a_rate_per_another_unit_than_the_amounts_listed_is_refused(instruction: str) -> None:
    with pytest.raises(AgentInputError):
        run(instruction, capability="statistics")


@pytest.mark.parametrize(
    "instruction",
    [
        "lesson is 70 an hour plus kit hire, how much for 3 hrs",
        "Context: cleaner is 15 an hour plus travel. Task: how much for 4 hours?",
        "van hire 60 a day + fuel, cost for 5 days?",
    ],
)
def test_a_part_added_with_no_amount_is_refused(instruction: str) -> None:
    # The rate alone times the hours would be answered as the whole price.
    with pytest.raises(AgentInputError, match="amount is not given"):
        run(instruction, capability="calculation")


def test_a_part_added_and_priced_in_another_clause_is_read() -> None:
    instruction = "van hire 60 a day plus fuel. fuel is 25 a day, cost for 5 days?"
    assert unpriced_addition(instruction) is None
    assert unpriced_addition("what is 12 plus forty five") is None
    assert unpriced_addition("nineteen plus twenty-three") is None


@pytest.mark.parametrize(
    ("instruction", "share", "rest"),
    [
        # The share named after its percentage and asked by its name, then the balance.
        ("40% deposit on a 1,350 job, deposit and balance", 540, 810),
        ("the platform takes 15% on 2,340 of bookings. commission and what i keep", 351, 1989),
    ],
)
def test_a_share_taken_and_the_rest_are_each_answered(
    instruction: str, share: float, rest: float
) -> None:
    data = run(instruction, capability="calculation")
    assert [s["result"] for s in data["steps"]] == pytest.approx([share, rest])


def test_two_figures_named_and_one_read_is_refused() -> None:
    # "deposit and the balance": the balance alone (1800) would drop the deposit asked.
    with pytest.raises(AgentInputError, match="asks 2 things"):
        run("25% deposit on a 2,400 kitchen, deposit and the balance?", capability="calculation")


def test_an_earlier_amount_at_a_rate_per_its_unit() -> None:
    titles = {"s1": "Add up my mileage this week 42, 67, 38, 91, 55"}
    read = read_result_at_rate("Work out the allowance at £0.45 a mile. Use ⟨s1⟩.", titles)
    assert read is not None and render(read[0]) == "s1 * 0.45"
    # A rate per a unit the earlier amount is not in is not read.
    sales = {"s1": "Total the sales 40, 50, 60"}
    assert read_result_at_rate("Work out the fee at 2 a mile. Use ⟨s1⟩.", sales) is None


def test_tallest_and_shortest_of_a_list_are_its_highest_and_lowest() -> None:
    instruction = "Tree heights on the job in m 14.2 18.6 11.9 22.4 16.8 tallest and shortest?"
    data = run(instruction, capability="statistics")
    assert data["figures"] == {"max": 22.4, "min": 11.9}

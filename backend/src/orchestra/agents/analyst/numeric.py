"""The analyst's statistics and calculation: read the request, compute, show every value.

Both operations read the request the same way (`wording.read_numeric_request`): "the
average of 3, 5 and 10" is as much a calculation as "12 * 7" is. A table (CSV, JSON
records, Markdown), in the message or from an earlier step, goes to the table statistics
instead. A reading below the confidence threshold is refused with what was understood
and what to rephrase: a wrong number reported as an answer is worse than no answer.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from orchestra.agents.analyst.additions import unpriced_addition
from orchestra.agents.analyst.asks import (
    answer_in_turn,
    asks_of,
    elliptic_asks,
    statement_and_questions,
)
from orchestra.agents.analyst.calculator import CalculationError, evaluate, format_number
from orchestra.agents.analyst.commissions import read_fee_plus_vat
from orchestra.agents.analyst.conversions import read_conversions
from orchestra.agents.analyst.corrections import apply_corrections
from orchestra.agents.analyst.durations import read_durations
from orchestra.agents.analyst.earnings import read_earnings
from orchestra.agents.analyst.exchange import read_exchanged, read_rate_got, signs_named
from orchestra.agents.analyst.formulas import (
    asks_speed,
    is_unit,
    mixed_units,
    names_unit,
    read_formula,
    read_pointed_conversion,
    result_in_unit,
    same_unit,
    units_apart,
    unsized_gallon,
)
from orchestra.agents.analyst.giftaid import read_gift_aid
from orchestra.agents.analyst.improvements import read_time_improvement
from orchestra.agents.analyst.marks import read_marks
from orchestra.agents.analyst.materials import read_materials
from orchestra.agents.analyst.measures import read_measured
from orchestra.agents.analyst.meters import read_meter
from orchestra.agents.analyst.money import read_money
from orchestra.agents.analyst.periods import without_spanned_period
from orchestra.agents.analyst.points import read_league_points
from orchestra.agents.analyst.portions import (
    read_result_at_rate,
    read_result_in_portions,
    read_result_in_unit,
    read_result_lasting,
    without_result_unit,
)
from orchestra.agents.analyst.problems import (
    PERIODS_IN,
    period_asked_apart,
    read_amortised_loan,
    read_amount_left,
    read_asked_count_at_price,
    read_balance_and_interest,
    read_before_change,
    read_break_even,
    read_change_given,
    read_change_over_period,
    read_count_at_price,
    read_count_at_price_and_one,
    read_discount_then_voucher,
    read_equity_share,
    read_grown_each_period,
    read_held_less_taken,
    read_interest,
    read_interest_only_payment,
    read_listed_costs_total,
    read_loan_repaid,
    read_macro_grams,
    read_markup_on_cost,
    read_markup_then_margin,
    read_named_share,
    read_part_of_whole,
    read_per_period,
    read_percentage_asked_twice,
    read_percentage_problem,
    read_points_and_relative_change,
    read_price_per_one_counted,
    read_pro_rata,
    read_rate_for_periods,
    read_rates_in_turn,
    read_relative_change,
    read_saving,
    read_scaled_amount,
    read_share_and_kept,
    read_share_and_rest,
    read_share_of_income,
    read_share_per_person,
    read_share_set_aside,
    read_share_spent,
    read_stated_problem,
    read_still_owed,
    read_still_to_go,
    read_toward_limit,
    read_two_discounts,
    read_unit_price,
    read_value_after_years,
    read_whole_from_part,
    read_yearly_against_monthly,
    share_over_periods,
    spelt,
    states_count_and_price,
    states_rate_and_duration,
    under_period_heading,
)
from orchestra.agents.analyst.quantities import (
    kinds_apart,
    split_question,
    unit_asked_apart,
    unit_of,
    working_period_unsaid,
)
from orchestra.agents.analyst.ratios import read_part_of_ratio
from orchestra.agents.analyst.recipes import read_recipe
from orchestra.agents.analyst.references import Inputs, read_inputs
from orchestra.agents.analyst.rounds import read_round
from orchestra.agents.analyst.rows import (
    ID_COLUMNS as _ID_COLUMNS,
)
from orchestra.agents.analyst.rows import (
    amount_columns,
    check_rows_named,
    count_of_flag,
    count_of_named_value,
    count_of_outcome,
    names_rows,
    rows_counted,
)
from orchestra.agents.analyst.shares import read_share_by_nights, read_split_shares, split_among
from orchestra.agents.analyst.stated_formula import read_stated_formula
from orchestra.agents.analyst.statistics import (
    Headline,
    choose_headline,
    correlation,
    describe,
    group_by,
    headline_value,
    names_a_figure,
    strip_parameter_numbers,
)
from orchestra.agents.analyst.substitution import read_given_formula
from orchestra.agents.analyst.tables import (
    Table,
    find_table_text,
    parse_number,
    parse_table,
    table_from_data,
)
from orchestra.agents.analyst.tariffs import priced_and_counted, read_priced_counts
from orchestra.agents.analyst.triangles import read_right_triangle
from orchestra.agents.analyst.wording import (
    CONFIDENCE_THRESHOLD,
    MIXED_NUMBER,
    Call,
    Clause,
    Name,
    Neg,
    Node,
    Num,
    Op,
    Reading,
    decimal_comma,
    factorial_sign,
    mixed_number,
    read_numeric_request,
    render,
    spell_thousands,
    without_scale_maximum,
)
from orchestra.agents.protocol import (
    REPLY_INPUT,
    AgentInputError,
    NeedsInput,
    StepRequest,
    StepResult,
)

__all__ = ["calculation_operation", "formula_answer", "statistics_operation"]

MAX_VALUES_ECHOED = 1_000

_CONTEXT = re.compile(r"^\s*Context:\s*(?P<context>.*?)\s+Task:\s*(?P<task>.*)$", re.S)
# "I spent 12, 30 and 8, what's the total?", "the site is 2.5 acres — how many hectares is
# that": a statement and its question in one sentence, after a comma or a dash,
# read as the planner's "Context: ... Task: ..." is. The statement asks nothing itself:
# "Multiply 6 by 7, what do you get?" is arithmetic, read whole.
_STATED_THEN_ASKED = re.compile(
    r"^(?P<context>(?!\s*(?:what|how|which|calculate|compute|find|give|tell|add|sum|work|"
    r"multiply|divide|subtract|double|triple|halve|square|take|increase|decrease|reduce|"
    r"round|convert|raise|lower)\b)"
    r"[^?\n]*\d[^?\n]*?)(?:,|\s*[\u2014\u2013]|\s+-)\s*(?:so\s+)?"
    # "5 notebooks at 3.20 each, total?", "62 for 4 passes, price of a single pass?"
    r"(?P<task>(?:what|whats|how|(?:the\s+)?total|(?:the\s+)?(?:price|cost)\s+(?:of|for)\s+"
    r"(?:one|each|a\s+single|1)\b)\b[^,\n]*\??)\s*$",
    re.I,
)
# A number standing alone: "4.1kg" is not 4 (a number against letters is none of its own).
_NUMBER = re.compile(r"(?<![\w.])-?(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?(?![\w]|\.\d)")
# "61.4s", "5g speeds": a number written against letters, not set apart as a unit.
_AGAINST_LETTERS = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?(?!st\b|nd\b|rd\b|th\b)[a-z]+\b", re.I)
# Words asking for a subset or a condition the table statistics cannot apply.
_TABLE_QUALIFIERS = re.compile(
    r"\b(?:where|only|excluding|except|without|greater|less|more than|fewer|"
    r"top|bottom|first|last|if|unless|between|after|before|since|until)\b"
    # "above 50" is a condition; "the expenses below" is where the table is.
    r"|\b(?:above|below|over|under)\b(?=\s+(?:[-$€£\d]|the\s+(?:average|mean|median)|average))"
    # "How many users are active?", "how many orders came from Spain?" count the rows that
    # meet a condition; "how many orders are there (in here)?" counts them all, and "how
    # many kg of each crop" asks a figure of each group.
    r"|\bhow many\s+\w+\s+(?!(?:(?:are|were|is|was)\s+)?(?:there|listed|in|here|shown|"
    r"included|altogether|total|recorded)\b|of\s+(?:each|every)\b|(?:do|does|did)\s+(?:we|i|you|they|it|this|these|the\s+\w+)\s+(?:have|contain)\b)"
    r"\w+",
    re.I,
)


# A pace asked with no length it is per ("what was my pace?").
_PACE_ALONE = re.compile(r"\bpace\b(?!.*\bper\b)", re.I | re.S)


def _corrected(request: StepRequest) -> StepRequest:
    """The request with the corrections its user said after it applied ("whats 54 x 18?
    sorry, I meant 45 not 54"): never computed on the number corrected."""
    said = request.task if request.task != request.instruction else ""
    instruction = apply_corrections(request.instruction, said)
    return (
        request if instruction == request.instruction else replace(request, instruction=instruction)
    )


def statistics_operation(request: StepRequest) -> StepResult:
    """Statistics of a table, or of numbers named in the request or given by earlier steps."""
    request = _corrected(request)
    listed = _bulleted_amounts(request.instruction)
    if listed is not None:
        request = replace(request, instruction=listed)
    # "tree heights in m 14.2 18.6 11.9 tallest and shortest?": the highest and the lowest,
    # said so before the figures asked are looked for.
    said = _heaviest_said(
        _tallest_said(request.instruction, request.instruction), request.instruction
    )
    if said != request.instruction:
        request = replace(request, instruction=said)
    inputs = read_inputs(request.instruction, request.inputs)
    block = find_table_text(request.instruction)
    values = _object_values(block, request.instruction) if block else None
    if block and values is not None:
        # '{"a": 5, "b": 7, "c": 9} what's the sum of the values': the values, listed.
        prose = inputs.text.replace(block, " ").strip().rstrip(" .?:")
        inputs.text = f"{prose}: {', '.join(values)}"
    elif block and not _is_number_list(block):
        prose = request.instruction.replace(block, " ")
        return _table_statistics(prose, parse_table(block))
    table = _given_table(request, inputs)
    if table is not None and not _has_own_numbers(inputs.text):
        return _table_statistics(_without_markers(inputs.text), table)
    return _in_turn_if_not_whole(
        request,
        lambda r: _answer(
            r, inputs if r is request else read_inputs(r.instruction, r.inputs), statistics=True
        ),
    )


# "- dress £1,150", "• suit hire: 185": a bullet, words naming an item, and its amount.
_BULLETED_AMOUNT = re.compile(
    r"^\s*[-*\u2022]\s+(?P<item>[^\W\d_][^\d\n:=]{0,30}?)(?:\s+(?P<number>\d{1,3})(?=[\s:=]))?\s*[:=]?\s*"
    r"(?P<sign>[$\u20ac\u00a3\u00a5\u20b9]?)(?P<amount>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"\s*$"
)


_BULLET_AFTER_COLON = re.compile(r":[ \t]+(?=[-*\u2022]\s+[^\W\d_][^\n]*\n\s*[-*\u2022]\s)")


def _bulleted_amounts(text: str) -> str | None:
    """ "wedding spend so far, add it up:\n- dress £1,150\n- rings £640": lines of items
    and their amounts, as the list of the amounts after the words around them ("wedding
    spend so far, add it up: 1150, 640"); the items name the amounts and are no numbers.
    None unless there are two or more such lines, one after the other, every bullet line
    is one, they share their currency sign (or have none), and the words around them have
    no number of their own."""
    # "add up the party costs: - hall 120\n- food 86.40": the first bullet run on after the
    # colon (as a plan's step writes it) is a line of its own.
    lines = _BULLET_AFTER_COLON.sub(":\n", text.strip()).splitlines()
    found = [(i, _BULLETED_AMOUNT.match(line)) for i, line in enumerate(lines)]
    rows = [(i, m) for i, m in found if m is not None]
    if len(rows) < 2 or rows[-1][0] - rows[0][0] != len(rows) - 1:
        return None
    others = [line for i, line in enumerate(lines) if i < rows[0][0] or i > rows[-1][0]]
    if any(re.match(r"\s*[-*\u2022]\s", line) for line in others):
        return None  # another bullet, not of an item and an amount
    if any(re.search(r"\d", line) for line in others):
        return None  # "budget 5,000, spent so far:": is the 5,000 a value? unsaid
    if len({m.group("sign") for _, m in rows}) != 1:
        return None  # "£" and "$" amounts are not added as they stand
    if not _numbered_items([m for _, m in rows]):
        return None  # "- eggs 12 3.20": 12 eggs, or egg number 12? unsaid
    head = " ".join(line.strip() for line in lines[: rows[0][0]]).rstrip(" :")
    tail = " ".join(line.strip() for line in lines[rows[-1][0] + 1 :])
    amounts = ", ".join(m.group("amount").replace(",", "") for _, m in rows)
    return f"{head}: {amounts}" + (f". {tail}" if tail else "")


def _numbered_items(rows: list[re.Match[str]]) -> bool:
    """Whether each item written with a number before its amount is one of a numbered
    run ("- washer 1 42.50\n- washer 2 38.00": washers 1 and 2, a name and no count): its
    words are on another line with another number. "- eggs 12 3.20" alone may be twelve
    eggs for 3.20, and is not read."""
    numbered = [(m.group("item").strip().lower(), m.group("number")) for m in rows]
    return all(
        any(other == item and n != number for other, n in numbered if n is not None)
        for item, number in numbered
        if number is not None
    )


def _is_number_list(block: str) -> bool:
    """Whether a JSON block is a plain list of numbers ("[3, 9, 4]"): values, not a table."""
    try:
        value = json.loads(block)
    except json.JSONDecodeError:
        return False
    return isinstance(value, list) and bool(value) and all(_is_number(v) for v in value)


def _object_values(block: str, instruction: str) -> list[str] | None:
    """The values of a JSON object whose values are all numbers, when the request names
    none of its keys ('{"a": 5, "b": 7} what's the sum of the values'); else None."""
    try:
        value = json.loads(block)
    except json.JSONDecodeError:
        return None
    if not isinstance(value, dict) or not value or not all(_is_number(v) for v in value.values()):
        return None
    prose = instruction.replace(block, " ").lower()
    if any(re.search(rf"(?<!\w){re.escape(str(k).lower())}(?!\w)", prose) for k in value):
        return None  # "the average of b": which key is meant is not for a list to say
    return [json.dumps(v) for v in value.values()]


def calculation_operation(request: StepRequest) -> StepResult:
    """The value of the arithmetic a request asks for, in symbols or in words."""
    request = _corrected(request)
    code = _CODE.search(request.instruction)
    if code is not None:
        # "the model number is RX-2450 and it's 20% off": 2450 names the model, and read
        # as an amount it would be the price.
        raise AgentInputError(
            f"Not sure enough to answer, so nothing was computed: '{code.group(0)}' looks like "
            "a code or a name, not an amount. Give the amount itself, e.g. 'it costs 349 "
            "and it's 20% off'."
        )
    block = find_table_text(request.instruction)
    if block and not _is_number_list(block) and len(parse_table(block).columns) > 1:
        # "total quantity ordered" over an order,qty table: a figure of one column, as
        # statistics reads it; the arithmetic of all its cells would add the order numbers.
        return statistics_operation(request)
    listed = _bulleted_amounts(request.instruction)
    if listed is not None and _NUMBERED_ITEM.search(request.instruction):
        # "- till 1: 310\n- till 2: 295.40, add them up": the tills' numbers name them
        # and are not added, whichever of the two figures the step was planned as.
        request = replace(request, instruction=listed)
    return _in_turn_if_not_whole(
        request, lambda r: _answer(r, read_inputs(r.instruction, r.inputs), statistics=False)
    )


# "- washer 2 38.00": a bullet item written with its number before its amount.
_NUMBERED_ITEM = re.compile(
    r"^\s*[-*\u2022]\s+[^\W\d_][^\d\n:=]{0,30}?\s\d{1,3}(?=[\s:=])\s*[:=]?\s*\S*\d", re.M
)


# An ask said as a question: "how much extra a year", "whats the % rise".
_QUESTION_ASKED = re.compile(
    r"(?:and\s+)?(?:so\s+)?(?:how|what|what's|whats|wats|which|is\s+that|does\s+that)\b", re.I
)


# An ask said as the name of its figure alone, no question's words: "litres, and how many
# 2.5 l tins", "yearly cost and whats that per hour", "number of frames and length of the
# clip". It is an ask all the same: a reading that answers only the other leaves it unsaid.
_FIGURE_NAMED = re.compile(
    r"(?:and\s+)?(?:the\s+|my\s+|our\s+|a\s+)?(?:[a-z]+\s+){0,2}(?:cost|costs|total|price|"
    r"profit|fees?|amount|number|length|duration|area|volume|weight|distance|pay|saving|"
    r"savings|difference|average|mean|sum|margin|deposit|balance|commission|tip|change|"
    r"interest|discount|refund|rest|vat|tax)\b(?:\s+(?:of|per|in|a|an|each)\s+[a-z ]+)?"
    r"\s*[?.!]*",
    re.I,
)


# The last clause of a request, after its last comma or full stop: "deposit and balance".
_LAST_CLAUSE = re.compile(r"[,.;:]\s*(?P<clause>[^,.;:\d]+?)\s*[?.!]*\s*$")


def _named_asks(text: str) -> list[str]:
    """The figures a request's last clause names, joined by "and", when each is an ask
    ("40% deposit on a 1,350 job, deposit and balance": the deposit, and the balance),
    else none: a reading with one result for two figures named drops one of them."""
    last = _LAST_CLAUSE.search(text.strip())
    if last is None:
        return []
    asks = [a.strip() for a in re.split(r"\s+(?:and|&)\s+", last.group("clause"), flags=re.I)]
    return asks if 2 <= len(asks) <= 3 and all(_is_asked(a) for a in asks) else []


# A question's words in a part: "how many" anywhere ("for a 160 l tank how many cm of fish
# is that"), "what" first ("which is 40% of my goal" says what the amount is).
_QUESTION_IN = re.compile(
    r"\bhow\s+(?:many|much|long|far)\b|^\s*(?:and\s+)?(?:what|what's|whats|which)\b", re.I
)


def _asks_after_statement(text: str) -> tuple[str, str] | None:
    """A statement of amounts and two or three asks after it, all in one sentence parted by
    commas ("5 litres per person per day, 28 people, 4 days, litres needed and how many 25 l
    jerry cans"): the statement, and the asks from the first part that asks something."""
    parts = re.split(r"\s*[,;]\s+", text.strip(" ?.!"))
    for index in range(1, len(parts)):
        statement, question = ", ".join(parts[:index]), ", ".join(parts[index:])
        asks = _asks_in(question)
        if (
            re.search(r"\d", statement)
            and 2 <= len(asks) <= 3
            and all(_asked_with_no_amount(a) for a in asks)
        ):
            return statement, question
    return None


def _asks_in(question: str) -> list[str]:
    """The asks of ``question``: as `asks_of` parts them, or else at each "and"."""
    return asks_of(question) or re.split(r"\s+(?:and|&)\s+", question)


def _asked_with_no_amount(ask: str) -> bool:
    """Whether ``ask`` asks a figure, a power of a unit ("volume in m3") being no amount."""
    ask = re.sub(r"(?<=[a-z])[23\u00b2\u00b3]\b", "", ask, flags=re.I)
    if re.match(r"\s*which\b", ask, re.I) and re.search(r"\d", ask):
        return False  # "1,200, which is 40% of my goal": what the amount before it is
    return _is_asked(ask) or bool(_QUESTION_IN.search(ask)) or _figure_named(ask)


# What a figure asked is called, said with no number: "extra per year", "% rise", "new rent".
_CHANGE_ASKED = re.compile(
    r"(?:^|\s)%|\b(?:extra|rise|increase|decrease|new\s+[a-z]+|per\s+(?:year|month|week|day))\b",
    re.I,
)


def _figure_named(part: str) -> bool:
    """Whether ``part`` names a figure asked with no number: a unit first ("litres needed",
    "kg for the month") or a word of a change ("extra per year", "% rise")."""
    words = re.sub(r"^(?:and|&)\s+", "", part.strip(" ?.!"), flags=re.I).split()
    if re.search(r"\d", part) or not 1 <= len(words) <= 4:
        return False
    unit_first = len(words[0]) > 1 and unit_of(words[0]) is not None
    return unit_first or bool(_CHANGE_ASKED.search(part))


def _is_asked(ask: str) -> bool:
    """Whether ``ask``, one part of a question, asks something: as a question, or as the
    name of a figure or of a unit alone ("litres", "yearly cost"), with no number (a part
    with numbers may be a statement the planner left in the task)."""
    if _QUESTION_ASKED.match(ask):
        return True
    words = ask.strip(" ?.!").split()
    if re.search(r"\d", ask) or not 1 <= len(words) <= 8:
        return False
    return bool(_FIGURE_NAMED.fullmatch(ask.strip())) or (
        len(words) <= 2 and unit_of(words[-1]) is not None
    )


# A count or hours at a price: "6.5h @ 60", "3 x 12.99", "2 hrs at £45".
_PRICED_AT = re.compile(
    r"(?<![\w.])\d+(?:\.\d+)?\s*(?:(?:h|hrs?|hours?)\s*(?:@|\bat\b)|@|(?:x|\u00d7)(?=\s*[$\u20ac\u00a3]?\d))"
    r"\s*[$\u20ac\u00a3]?\d+(?:\.\d+)?",
    re.I,
)
# "12 at 19.99", "3 at £35": a number at another, which a list's figure does not take as two
# of its values.
_COUNT_AT_PRICE = re.compile(
    r"(?<![\w.,])(?P<count>\d[\d,]*(?:\.\d+)?)\s+(?:[a-z]+\s+)?(?:at|@)\s+[$\u20ac\u00a3]?"
    r"(?P<price>\d[\d,]*(?:\.\d+)?)(?![\w%:]|\.\d)",
    re.I,
)


def _plain_number(said: str) -> float:
    return float(said.replace(",", ""))


# "whats that in km a week and over 44 weeks": an amount a period, then the total over so
# many of those periods, the second ask said without its question's words.
_RATE_THEN_SPAN = re.compile(
    r"^(?P<first>.*?\b(?:a|an|per|each|every)\s+(?P<per>day|week|month|year|fortnight))\s*,?"
    r"\s+(?:and|&)\s+(?:(?:the\s+)?total\s+)?(?:over|for|across|in)\s+(?:(?:the\s+)?next\s+)?"
    r"(?P<n>\d+(?:\.\d+)?|an?|one)\s+(?P<unit>days?|weeks?|months?|years?|fortnights?)\s*[?.!]*$",
    re.I,
)
# "daily cost and for a 5 day week", "the weekly total and over a 4 week month": the figure
# of a period said by its adverb, then the total over so many of those periods said as the
# length of a longer one ("a 5 day week": 5 days).
_ADVERB_THEN_SPAN = re.compile(
    r"^(?P<first>(?:[a-z']+\s+){0,2}?(?P<adverb>daily|weekly|monthly|yearly)\s+[a-z]+(?:\s+[a-z]+)?)"
    r"\s*,?\s+(?:and|&)\s+(?:(?:the\s+)?total\s+)?(?:over|for|across|in)\s+(?:an?\s+)?"
    r"(?P<n>\d+)[\s-]+(?P<unit>day|week|month)s?\s+(?:working\s+)?"
    r"(?:week|month|year|fortnight)\s*[?.!]*$",
    re.I,
)
_ADVERB_PER = {"daily": "day", "weekly": "week", "monthly": "month", "yearly": "year"}


def _span_asked(task: str) -> dict[str, str] | None:
    """The first ask, the period it is per, and the count and unit of the span asked after
    it ("cost a day and over 5 days", "daily cost and for a 5 day week"), else None."""
    said = _RATE_THEN_SPAN.match(task)
    if said is not None:
        return {k: said[k] for k in ("first", "per", "n", "unit")}
    said = _ADVERB_THEN_SPAN.match(task)
    if said is None:
        return None
    per = _ADVERB_PER[said["adverb"].lower()]
    return {"first": said["first"], "per": per, "n": said["n"], "unit": f"{said['unit']}s"}


def _rate_then_span(
    request: StepRequest,
    context: str,
    spanned: dict[str, str],
    answer: Callable[[StepRequest], StepResult],
    planned: bool,
) -> StepResult:
    """ "cycle 7.5 km each way 4 days a week. whats that in km a week and over 44 weeks":
    the amount a week asked first, then that amount times the weeks; refused unless the
    first is read and the span is counted in the period it is per."""
    per, unit = spanned["per"].lower(), spanned["unit"].lower().rstrip("s")
    first, n = spanned["first"].strip(), spanned["n"]
    n = n if n[0].isdigit() else "1"  # "over a year"
    refusal = AgentInputError(
        "Not sure enough to answer, so nothing was computed: the request asks two things "
        f"('{first}' and the total over {spanned['n']} {spanned['unit']}) and not both were "
        "read. Ask them one at a time."
    )
    if per != unit:
        raise refusal  # "a week ... over 2 years": how many weeks make the span is unsaid
    said = f"Context: {context} Task: {first}" if planned else f"{context}. {first}"
    try:
        rate = answer(replace(request, instruction=said))
    except AgentInputError:
        raise refusal from None
    value = rate.data.get("result")
    if (
        rate.data.get("operation") != "calculation"
        or isinstance(value, bool)
        or not isinstance(value, int | float)
        or len(rate.data.get("steps") or [rate.data]) != 1
    ):
        raise refusal
    total = float(value) * float(n)
    steps = [
        *(rate.data.get("steps") or []),
        {"expression": f"{format_number(float(value))} * {n}", "result": total},
    ]
    lines = [
        f"1. {first}: {rate.data.get('expression', '')} = {format_number(float(value))}",
        f"2. over {n} {spanned['unit']}: {format_number(float(value))} * {n} = "
        f"{format_number(total)}",
    ]
    return StepResult(
        text=f"**Result: {format_number(total)}**\n\n" + "\n".join(lines),
        data={
            "operation": "calculation",
            "expression": steps[-1]["expression"],
            "result": total,
            "formatted": format_number(total),
            "steps": steps,
            "asks": [first, f"over {n} {spanned['unit']}"],
        },
    )


# A figure of a list asked in a planner's context: "median of 12, 7, 15, 9", "the average
# of 3.5, 4 and 6".
_ASK_IN_CONTEXT = re.compile(
    r"\b(?:median|mean|average|mode|range|standard\s+deviation|std\s*dev|stdev|variance)\s+"
    r"of\s+(?:the\s+)?-?\d[\d.]*(?:\s*(?:,|,?\s*and)\s*-?\d[\d.]*){1,}",
    re.I,
)
# The task speaks of the result before it: "what's that as a %".
_OF_THE_LAST = re.compile(r"\b(?:that|it|this|the\s+result|the\s+answer)\b", re.I)


def _in_turn_if_not_whole(
    request: StepRequest, answer: Callable[[StepRequest], StepResult]
) -> StepResult:
    """The answer to the request read whole, or else to each of its asks in turn
    (`asks.answer_in_turn`); the whole request's refusal when neither is read."""
    stated = _CONTEXT.match(request.instruction)
    parts = (
        (stated.group("context"), stated.group("task"))
        if stated
        else statement_and_questions(request.instruction)
    )

    def in_turn() -> StepResult | None:
        if parts is None or request.data is not None or request.inputs:
            return None
        return answer_in_turn(
            parts[0], parts[1], lambda said: answer(replace(request, instruction=said))
        )

    spanned = (
        _span_asked(parts[1].strip())
        if parts is not None and request.data is None and not request.inputs
        else None
    )
    if parts is not None and spanned is not None:
        return _rate_then_span(request, parts[0], spanned, answer, bool(stated))
    if parts is not None and elliptic_asks(parts[1]) is not None:
        # "how much malt in kg and hops in g": read whole, the second ask would be left
        # unanswered; each ask is answered, or the request refused.
        elliptic = in_turn()
        if elliptic is None:
            raise AgentInputError(
                "Not sure enough to answer, so nothing was computed: the request asks two "
                "things, and not both were read. Ask each in turn."
            )
        return elliptic
    try:
        whole = answer(request)
    except NeedsInput:
        raise
    except AgentInputError:
        turn = in_turn()
        if turn is None:
            raise
        return turn
    left = _ASK_IN_CONTEXT.search(stated.group("context")) if stated else None
    if (
        stated is not None
        and left is not None
        and whole.data.get("operation") == "calculation"
        and not _OF_THE_LAST.search(stated.group("task"))
    ):
        # "hey, median of 12, 7, 15, 9 and what's 15% of 860": the context asks a figure of
        # its own list, which the task's arithmetic leaves unanswered; half an answer is
        # none.
        first = left.group(0).strip().rstrip(".")
        second = stated.group("task").strip()
        raise AgentInputError(
            "Not sure enough to answer, so nothing was computed: the request asks two "
            f"things ('{first}' and '{second}') and only the second was read. Ask them one "
            "at a time."
        )
    # Only the asks said as questions count: the planner's task may carry a statement
    # ("7.5 mile job, what should the meter say"), which is no ask.
    # ("litres, and how many tins": a figure named alone is asked too.)
    asks = (
        [a for a in asks_of(parts[1]) or [] if _is_asked(a)]
        if parts
        else _named_asks(request.instruction)
    )
    if len(asks) < 2 and request.data is None and not request.inputs:
        # "going from 118 to 149 a month, extra per year and % rise", "4 days, litres needed
        # and how many 25 l jerry cans": asks said after the amounts with only commas
        # between (one of them, maybe, in the statement); read whole, one was left unsaid.
        said = f"{parts[0].rstrip(' .')}, {parts[1]}" if parts else request.instruction
        found = _asks_after_statement(said)
        if found is not None:
            parts = found
            asks = _asks_in(found[1])
    if whole.data.get("operation") != "calculation" or len(asks) < 2:
        return whole  # figures of a list ("which is tallest and what's the median") say each
    if len(whole.data.get("steps") or [whole.data]) >= len(asks):
        return whole
    # "up from 875 to 940 a month. how much extra a year, and whats the % rise": a reading
    # of the whole with fewer results than the question has asks answered one of them and
    # left the rest unsaid; each ask read in turn answers them all, or none is answered.
    turn = in_turn()
    if turn is None:
        raise AgentInputError(
            "Not sure enough to answer, so nothing was computed: the request asks "
            f"{len(asks)} things ({'; '.join(asks)}) and only one of them was read. Ask them "
            "one at a time, e.g. '" + asks[0] + "'."
        )
    return turn


# A code or a name written with a number: "RX-2450", "SKU-1182", "B-52" (not "x-2", an
# operation, nor "COVID-19" said of cases, which is refused all the same when read).
_CODE = re.compile(r"(?<![\w-])[A-Za-z]{2,5}-\d{2,}(?![\w.])")


# --- numbers named in the request ---------------------------------------------------------


def formula_answer(request: StepRequest) -> StepResult | None:
    """The answer to a request that is wholly a known formula ("5 miles to km"), else None.

    A context of words alone (the planner's "Context: '<a review>' Task: Convert 5 miles to
    km", where the quote was for another step) gives the formula nothing: the task is read
    on its own."""
    if read_formula(request.instruction) is not None:
        return calculation_operation(request)
    stated = _CONTEXT.match(request.instruction)
    if (
        stated is None
        or re.search(r"\d", stated.group("context"))
        or read_formula(stated.group("task")) is None
    ):
        return None
    return calculation_operation(replace(request, instruction=stated.group("task")))


# "60k", "1.2 million", "8.5 lakh": an amount with its scale, written out as digits for the
# readers of word problems, which read digits only ("60k a year" per month was 5, and
# "8.5 lakh a year" 0.71). A lakh is 100,000 and a crore 10,000,000 (India, Pakistan).
_SCALED = re.compile(
    r"(?<![\w.,])(\d+(?:\.\d+)?)\s*(thousand|million|billion|lakhs?|lacs?|crores?)\b", re.I
)


def _plain_scales(text: str) -> str:
    return _SCALED.sub(
        lambda m: format_number(float(m.group(1)) * _scale_size(m.group(2))),
        spell_thousands(text),
    )


# "10:40 to 17:15", "19:45 till 08:15", "08:30-17:00": how long from one clock time to the
# other, on a 24-hour clock ("10:40 to 5:15" may be 6 h 35 min or 18 h 35 min: not read).
# A pace or a split ("5:40-5:50 per km") is no time of day.
_CLOCK = r"(?P<{0}h>[01]?\d|2[0-3]):(?P<{0}m>[0-5]\d)"
_CLOCK_SPAN = re.compile(
    rf"(?<![\d:.])(?:from\s+)?{_CLOCK.format('a')}\s*(?:to|till|til|until|-|\u2013)\s*"
    rf"{_CLOCK.format('b')}(?![\d:]|\.\d|\s*(?:[ap]\.?m\b|per\b|/))",
    re.I,
)
_PACE_SAID = re.compile(r"\b(?:pace|paces|splits?|laps?|per\s+(?:km|mile|mi)|min/km)\b", re.I)


def _clock_spans(text: str, *, in_hours: bool = False) -> str:
    """``text`` with each span between two clock times said as the time it lasts, in hours
    when that is a short decimal (8.5 hours) and else in hours and minutes (6 h 35 min);
    always in hours when ``in_hours`` (to compare with the units of other amounts)."""
    if _PACE_SAID.search(text):
        return text

    def lasts(match: re.Match[str]) -> str:
        start = int(match.group("ah")) * 60 + int(match.group("am"))
        end = int(match.group("bh")) * 60 + int(match.group("bm"))
        if end <= start and int(match.group("ah")) < 13:
            return match.group(0)  # over midnight only on a clock that is plainly 24-hour
        minutes = (end - start) % (24 * 60)
        if minutes % 3 == 0 or in_hours:
            return f"{format_number(minutes / 60)} hours"
        return f"{minutes // 60} h {minutes % 60} min"

    return _CLOCK_SPAN.sub(lasts, text)


# Amounts written as people write money outside the English-speaking world, each read
# only where its separators can mean one thing:
# "1.234,50" (a point groups thousands, so the comma is a decimal one; Germany, Brazil),
_POINT_GROUPS = re.compile(r"(?<![\d.,'])(\d{1,3}(?:\.\d{3})+),(\d{1,2})(?![\d.,])")
# "3'480.00" (Switzerland),
_APOSTROPHE_GROUPS = re.compile(
    r"(?<![\d.,'\u2019])\d{1,3}(?:['\u2019]\d{3})+(?:\.\d{1,2})?(?![\d'\u2019])"
)
# "1,25,000" (India: lakhs grouped by two digits, which no other grouping does),
_LAKH_GROUPS = re.compile(r"(?<![\d.,])\d{1,2},(?:\d{2},)+\d{3}(?!\d|,\d|\.\d)")
# and beside a currency that is written so: "12 500 kr", "R 2 300", "3 200,50 €", "890,00 €"
# (a space groups thousands; a comma before two digits is a decimal one).
_LOCAL_CURRENCY = r"(?:\u20ac|R\$|kr|CHF|SEK|NOK|DKK|EUR|z\u0142|PLN|R)"
_LOCAL_AMOUNT = r"(?P<amount>\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d{1,2})?|\d+,\d{2})(?![\d,.])"
_BESIDE_CURRENCY = re.compile(
    rf"(?<![\w$])(?P<before>{_LOCAL_CURRENCY})[ \u00a0]?{_LOCAL_AMOUNT}"
    rf"|(?<![\d.,]){_LOCAL_AMOUNT.replace('amount', 'after')}[ \u00a0]?(?={_LOCAL_CURRENCY}(?!\w))",
)
# "1.500 €": 1500 in Germany, 1.5 to others; neither is read.
_POINT_OR_GROUP = re.compile(
    rf"(?:(?<![\w$]){_LOCAL_CURRENCY}\s?\d{{1,3}}\.\d{{3}}(?![\d,.])"
    rf"|(?<![\d.,])\d{{1,3}}\.\d{{3}}\s?{_LOCAL_CURRENCY}(?!\w))"
)


def _plain_amounts(text: str) -> str:
    """``text`` with amounts written in other countries' ways in plain digits ("1.234,50"
    as 1234.50, "CHF 3'480.00" as CHF 3480.00, "₹1,25,000" as ₹125000, "12 500 kr" as 12500
    kr); refused where a point may group thousands or mark decimals ("1.500 €")."""
    doubt = _POINT_OR_GROUP.search(text)
    if doubt:
        raise AgentInputError(
            f"Not sure enough to answer, so nothing was computed: in '{doubt.group(0)}' the "
            "point may group thousands (1500) or mark decimals (1.5). Write the amount "
            "without it ('1500 €') or with its decimals ('1.500,00 €')."
        )
    text = _POINT_GROUPS.sub(lambda m: f"{m.group(1).replace('.', '')}.{m.group(2)}", text)
    text = _APOSTROPHE_GROUPS.sub(lambda m: re.sub("['\u2019]", "", m.group(0)), text)
    text = _LAKH_GROUPS.sub(lambda m: m.group(0).replace(",", ""), text)

    def plain(match: re.Match[str]) -> str:
        amount = match.group("amount") or match.group("after")
        digits = re.sub(r"[ \u00a0\u202f]", "", amount).replace(",", ".")
        return f"{match.group('before')} {digits}" if match.group("before") else f"{digits} "

    text = _listed_by_slashes(_BESIDE_CURRENCY.sub(plain, text))
    text = _pence_as_pounds(text)
    # "₹98,500", "¥18,600": signs the reading of words does not know, and which change no
    # arithmetic (as "$" and "€" do not).
    # A rate said with them ("$1 = ¥149.5") keeps them, as the currency's name.
    named = signs_named(text)
    return named if named is not None else re.sub(r"[\u20b9\u00a5](?=\s?\d)", "", text)


# "45p a mile", "27.5p per kWh": pence, written as pounds when the request is about
# pounds or the pence are a rate (a "p" is also a video's lines, "1080p", or a page).
_PENCE = re.compile(
    r"(?<![\w.,])(\d+(?:\.\d+)?)p\b(?=\s*(?:/|(?:per|a|an|each|every)\b)|.*[\u00a3])", re.I | re.S
)
_POUNDS_SAID = re.compile(r"[\u00a3]|\b(?:pounds?|quid|gbp|pence)\b", re.I)


def _pence_as_pounds(text: str) -> str:
    def pounds(match: re.Match[str]) -> str:
        amount = float(match.group(1)) / 100
        return f"\u00a3{format_number(amount)}"

    found = _PENCE.sub(pounds, text)
    # One amount in pence makes the others pence too: "went from 24.5p to 27.03p per kWh"
    # is two prices, the first no less than the second ("1080p" stays a video's lines).
    # Asked in pence, though, pence written as pounds would give pounds.
    in_pence = re.search(r"\bpence\b", text, re.I)
    if (found == text and _POUNDS_SAID.search(text)) or (found != text and not in_pence):
        found = re.sub(
            r"(?<![\w.,])(?!(?:144|240|360|480|720|1080|1440|2160)p)(\d+(?:\.\d+)?)p\b",
            pounds,
            found,
            flags=re.I,
        )
    return found


# "1234.50 € / 890.00 € / 2015.75 €": three amounts of money with slashes between them are a
# list; no one divides money by money by money.
_MONEY = (
    r"(?:[$\u20ac\u00a3\u00a5\u20b9]\s?\d[\d.]*|\d[\d.]*\s?(?:[$\u20ac\u00a3\u00a5\u20b9]|kr\b))"
)
_SLASHED_MONEY = re.compile(rf"{_MONEY}(?:\s*/\s*{_MONEY}){{2,}}")


# "daily steps: 8,412 / 11,250 / 9,870", "températures : 18,5 / 21,0 / 19,5": three or more
# numbers with spaced slashes between them after a label and a colon are a list of what
# the label names; the label asks nothing ("work out: 100 / 5 / 2" divides).
_SLASHED_ITEM = r"-?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?)"
_SLASHED_AFTER_LABEL = re.compile(
    rf"(?P<label>[^\d\n:]*[^\W\d_]\s*:\s*)(?P<list>{_SLASHED_ITEM}(?:\s+/\s+{_SLASHED_ITEM}){{2,}})"
    r"(?![\d/]|[.,]\d|\s*/)"
)


def _slashed_list(match: re.Match[str]) -> str:
    label = match.group("label")
    if _ASKING_LABEL.search(label) or names_a_figure(label):
        return match.group(0)
    items = re.split(r"\s+/\s+", match.group("list"))
    commas = [item for item in items if "," in item]
    if all(re.fullmatch(r"-?\d+,\d{1,2}", item) for item in commas):
        # "18,5": a decimal comma (no group of thousands has fewer than three digits).
        items = [item.replace(",", ".") for item in items]
    elif all(re.fullmatch(r"-?\d{1,3}(?:,\d{3})+(?:\.\d+)?", item) for item in commas):
        items = [item.replace(",", "") for item in items]
    else:
        return match.group(0)  # "1,5 / 2,500": decimals and thousands, one of them unsaid
    return label + ", ".join(items)


# "ages 6/7/6/8/7 - which is most common": four or more whole numbers run together by
# slashes are no date (a date has three parts) and, where a figure of them is asked, a list;
# "100/5/2/2" asked as arithmetic names no figure and is left to divide.
_SLASHED_RUN = re.compile(r"(?<![\d/.,])\d+(?:/\d+){3,}(?![\d/]|[.,]\d)")


def _listed_by_slashes(text: str) -> str:
    text = _SLASHED_AFTER_LABEL.sub(_slashed_list, text)
    if names_a_figure(_SLASHED_RUN.sub(" ", text)) and not _ASKS_ARITHMETIC.search(text):
        text = _SLASHED_RUN.sub(lambda m: ", ".join(m.group(0).split("/")), text)
    return _SLASHED_MONEY.sub(lambda m: re.sub(r"\s*/\s*", ", ", m.group(0)), text)


# "divide 100/5/2/2", "work out 64/2/2/2": slashes said to divide.
_ASKS_ARITHMETIC = re.compile(r"\b(?:divided?|divisions?|work\s+out|calculate|compute)\b", re.I)
# "¿total?", "¡vale!": the Spanish opening marks ask or exclaim, as the closing ones do; a
# "- ¿" read as a subtraction of a word was refused.
_OPENING_MARKS = re.compile(r"[\u00bf\u00a1]")
# "total hours and hours per exam", "the total cost and what each pays": two asks.
_TOTAL_AND_ANOTHER = re.compile(
    r"^\s*(?:(?:what(?:'s|s|\s+is|\s+are)|work\s+out)\s+)?(?:the\s+|my\s+|our\s+)?"
    r"(?P<first>total(?:\s+[a-z]+)?)\s+and\s+(?P<second>(?!total\b)[a-z].*)$",
    re.I | re.S,
)
# Words that multiply some of a request's numbers: "at time and a half", "double time".
_MULTIPLIED = re.compile(
    r"\btime\s+and\s+a\s+(?:half|third|quarter)\b|\b(?:double|triple|treble)\s+time\b"
    r"|\b(?:twice|double|triple|treble)\b|\bhalf\s+(?:price|rate|off)\b",
    re.I,
)
# "overtime is time and a half or double depending on the day": two values, and which one
# applies is not given; either answer would be a guess.
_CHOICE_WORD = r"\b(?!(?:is|are|was|were|be|costs?|at|of|for|on|in|to)\b)[\w.%]+"
_UNDECIDED = re.compile(
    rf"(?P<choice>(?:either\s+)?{_CHOICE_WORD}(?:\s+{_CHOICE_WORD}){{0,3}}\s+or\s+[\w.%]+"
    r"(?:\s+[\w.%]+){0,2})\s*,?\s+(?P<depending>depending\s+on\s+[\w' ]+?)(?=\s*[,.;?!]|$)",
    re.I,
)


# "add up the papers returned 14, 9, 22 then at 1.85 each whats the credit": the sum, then
# at a price for each one of it, is the sum times the price.
_PRICED_AFTER_THEN = re.compile(
    r"\bthen\s+(?:at|@)\s+[$\u00a3\u20ac]?(?P<price>\d+(?:\.\d+)?)\s+"
    r"(?:(?:each|apiece)|(?:a|per|an)\s+(?P<unit>[a-z]+(?:\s+[a-z]+)?))\s*,?\s*"
    r"(?:(?:what'?s|whats|what\s+is|how\s+much\s+is)\s+)?(?:the\s+)?(?:total\s+)?"
    r"(?:[a-z]+\s+)?(?:cost|credit|price|value|bill|total|charge)\s*[?.!]*\s*$",
    re.I,
)


# "-18 c, whats that in f (c x 1.8 + 32)": the rule of the conversion asked, said aside;
# it is the rule the conversion uses, and adds nothing to read.
_TEMPERATURE_RULE = re.compile(
    r"\s*\(\s*(?:f\s*=\s*)?c\s*[x\u00d7*]\s*(?:1\.8|9\s*/\s*5)\s*\+\s*32\s*\)"
    r"|\s*\(\s*(?:c\s*=\s*)?\(\s*f\s*-\s*32\s*\)\s*(?:/\s*1\.8|[x\u00d7*]\s*5\s*/\s*9)\s*\)",
    re.I,
)


def _priced_after_then(text: str) -> str:
    """``text`` with "then at 1.85 each, what's the credit" said as "then multiply by 1.85";
    a price "a sq m" only when the amounts before it are said in that unit too."""
    said = _PRICED_AFTER_THEN.search(text)
    if said is None:
        return text
    unit = said.group("unit")
    if unit and not re.search(rf"\d\s*{re.escape(unit)}\b", text[: said.start()], re.I):
        return text
    return f"{text[: said.start()]}then multiply by {said.group('price')}"


def _answer(request: StepRequest, inputs: Inputs, *, statistics: bool) -> StepResult:
    slashed = _SLASHED_RUN.search(inputs.text)
    inputs.text = _plain_amounts(_OPENING_MARKS.sub("", inputs.text))
    # "ages 6/7/6/8 - most common?" planned as arithmetic: the slashes were a list, and a
    # figure of it is asked, so it is read as a list to describe.
    a_list = statistics or (slashed is not None and not _SLASHED_RUN.search(inputs.text))
    if unsized_gallon(inputs.text):
        raise AgentInputError(
            "Not sure enough to answer, so nothing was computed: a US gallon is 3.785 litres "
            "and a UK (imperial) gallon 4.546, and the request does not say which it means. "
            "Say 'US gallons' or 'UK gallons'."
        )
    undecided = _UNDECIDED.search(inputs.text)
    if undecided is not None:
        raise AgentInputError(
            "Not sure enough to answer, so nothing was computed: the request gives "
            f"'{undecided.group('choice')}' {undecided.group('depending')}, and does not say "
            "which applies. Say which, or ask for each in turn."
        )
    text = _plain_scales(factorial_sign(_mixed_numbers(units_apart(_clock_spans(inputs.text)))))
    text = _TEMPERATURE_RULE.sub("", _priced_after_then(text))
    if statistics:
        text = _FIGURES_LISTED.sub(r"\g<a>, \g<b> and \g<c>", text)
        text = _SIGNED_SPACE_LIST.sub(lambda m: m.group(0).replace(m.group(1), ""), text)
        # "sales were 4,200 5,100 4,650 -": a dash the sentence broke off at (the rest
        # went to a later step) takes nothing away from a list to describe.
        text = re.sub(r"(?<=\d)\s+[-\u2013\u2014]\s*([.?!]?)\s*$", r"\1", text)
    # "the pups' birth weights": a plural's apostrophe, no quotation mark to read.
    text = re.sub(r"(?<=[a-z]s)'(?=\s+[a-z])", "", text, flags=re.I)
    text = _PREAMBLE_DASH.sub(r"\g<head>: ", text)
    on_dates = _dates_said_on(text)
    if on_dates is not None:
        raise AgentInputError(
            f"Not sure enough to answer, so nothing was computed: 'on {on_dates}' reads as "
            "dates (day.month), not amounts. Give the amounts alone, e.g. 'i spent 12.50, 8 "
            "and 20, what's the total'."
        )
    against = _figure_against_bound(text)
    if against is not None:
        return against
    material: list[Node] = []
    stated = _CONTEXT.match(text) or _STATED_THEN_ASKED.match(text)
    left = read_held_less_taken(stated.group("context"), stated.group("task")) if stated else None
    if left is not None:
        # "Float was 200. Receipts: 12.40, 36.85. What's left?": the list is what was taken
        # from the amount before it, not values whose label is the rest of the context.
        return _expression_result(
            Reading((Clause(left[1], left[0]),)), inputs, 1.0, [_evaluate(left[0], inputs)]
        )
    if a_list and stated is None:
        text = _figure_asked_first(text)
    context = _listed_context(stated, text, whole=a_list)
    if context:
        # The planner's "Context: ... Task: ...": the task asks, the context may give numbers.
        apart = unit_asked_apart(context.group("context"), context.group("task"))
        if apart is not None:
            raise AgentInputError(
                f"Not sure enough to answer, so nothing was computed: the numbers are in "
                f"{apart[0]} and the request asks for {apart[1]}, which this reading does not "
                f"convert. Ask in {apart[0]}, or convert first (e.g. '510 minutes in hours')."
            )
        text = _total_of_listed(context.group("context"), context.group("task"))
        comma = decimal_comma(context.group("context"))
        if comma and not find_table_text(context.group("context")):
            # "I paid 3,50 and 2,25": 3.50 and 2.25, or four numbers? Either is a guess.
            raise AgentInputError(
                f"Not sure enough to answer, so nothing was computed: '{comma}' may be a "
                "number with a decimal comma. Write it with a point ('3.50') or put a space "
                "after the comma of a list."
            )
        material = _context_numbers(context.group("context"))
        counted = (
            _count_beyond_listed(context.group("context"), context.group("task"), material)
            if statistics
            else None
        )
        if counted is not None:
            return counted
    # "add up 186, 212, 94 km then at 9.2 l per 100 km": a rate per the listed amounts' unit.
    text = _rate_on_listed(text)
    text = _warmest_said(_fastest_said(text, inputs.text), inputs.text)
    text = _heaviest_said(_tallest_said(text, inputs.text), inputs.text)
    compared = None if context else _comparison(text, inputs)
    if compared is not None:
        return compared
    if not material and isinstance(request.data, list) and request.data:
        material = [Num(float(v), repr(v)) for v in request.data if _is_number(v)]
    implicit = None
    if not inputs.mentioned and inputs.only is not None:
        implicit = inputs.only
        if isinstance(inputs.numbers[implicit], list) and not material:
            material = [Name(implicit)]
    # "ten mile race, how many km": a number in words, read as the conversion of it in figures.
    formula = read_formula(text) or (read_formula(spelt(text)) if spelt(text) != text else None)
    if formula is None and not context:
        formula = _conversion_with_factor_said(text)  # "96 inches wide, in cm? (2.54)"
    if formula is not None and context and _numbers(context.group("context")):
        # "Context: HO scale is 1:87. Task: the loco is 19.5 m long, the model in cm?": a
        # conversion of the task alone would leave the context's numbers out.
        formula = None
    if formula is None and context:
        # "A car travels 150 km in 2 hours. What's its average speed?" is a speed, not the
        # average of 150 and 2: a formula may be stated in one sentence and asked in another.
        formula = read_formula(f"{context.group('context')} {text}") or read_pointed_conversion(
            context.group("context"), text
        )
    found: tuple[Clause, ...] | None = (
        None if formula is None else (Clause(formula[1], formula[0]),)
    )
    if found is None and inputs.titles:
        # "how many 60 L bags is the result of step s1 (How many litres of soil)".
        portions = read_result_in_portions(text, inputs.titles)
        # "what's the result of step s1 (How many days between ...) in weeks".
        portions = portions or read_result_in_unit(text, inputs.titles)
        # "work out the allowance at 45p a mile" of a total of miles: the amount priced.
        portions = portions or read_result_at_rate(text, inputs.titles)
        # "how many days does that last at 0.65 kg a day" of a total in kg: used up so.
        portions = portions or read_result_lasting(text, inputs.titles)
        found = None if portions is None else (Clause(portions[1], portions[0]),)
        if found is None:
            # "work out 20% of it in litres" of a result in litres: no conversion asked.
            text = without_result_unit(text, inputs.titles)
    if found is None:
        # "5 km in miles, 10 kg in lb and 30 C in F": each conversion, in turn.
        listed = read_conversions(f"{context.group('context')} {text}" if context else text)
        found = None if listed is None else tuple(Clause(n, e) for e, n in listed)
    periods = (
        share_over_periods(f"{context.group('context')} {text}" if context else text)
        if found is None
        else None
    )
    if periods is not None:
        # "rent £240 a week and i earn £2,800 a month. what % goes on rent": not 240 of
        # 2,800, and a month is no whole number of weeks to convert by.
        raise AgentInputError(
            f"Not sure enough to answer, so nothing was computed: the request asks for a share "
            f"of amounts said over different periods (a {periods[0]} and a {periods[1]}), and "
            f"one is not a share of the other until both are for the same period. Give both "
            f"for one period, e.g. both a {periods[0]} or both a {periods[1]}."
        )
    unpriced = (
        unpriced_addition(f"{context.group('context')} {text}" if context else text)
        if found is None
        else None
    )
    if unpriced is not None:
        # "lesson is 70 an hour plus kit hire, how much for 3 hrs": 210 is the lesson alone.
        raise AgentInputError(
            f"Not sure enough to answer, so nothing was computed: '{unpriced}' is added to the "
            f"price, but its amount is not given, so the total is not known. Give it, e.g. "
            f"'{unpriced} is 25'."
        )
    if found is None:
        # Word problems, with their short forms written out ("a dozen", "18.75/hr").
        found = _word_problem(spelt(context.group("context")) if context else None, spelt(text))
    if found is None:
        # "8 mi in km, and then half of that": a conversion, then arithmetic on its result
        # (as the planner's "Context: 3 km in miles. Task: Multiply that by 4." too).
        found = _formula_then(f"{context.group('context')} then {text}" if context else text)
    if found is None and asks_speed(f"{context.group('context')} {text}" if context else text):
        # "150 km in 2 hours and then 50 km in 1 hour": a speed over several legs is not
        # read, and no figure of the numbers given is one.
        raise AgentInputError(
            "Not sure enough to answer, so nothing was computed: the request asks for a speed "
            "but does not give one distance covered in one time. Say the arithmetic, e.g. "
            "'(150 + 50) / (2 + 1)'."
        )
    if found is None and _PACE_ALONE.search(text):
        # "ran 10 km in 50 minutes, what was my pace": minutes per km or per mile, or seconds
        # per 500 m? A pace is a time per a length the request must name.
        raise AgentInputError(
            "Not sure enough to answer, so nothing was computed: a pace is a time per length, "
            "and the request does not say per what. Ask e.g. 'my pace per km in minutes'."
        )
    # "thu 07:30-14:00, fri 07:30-15:15. 30 min unpaid break on each one. paid hrs total?":
    # spans in hours and a break in minutes are no list of one unit.
    # ("min" after a number is minutes here, which the units table leaves out for "min 5").
    spans = re.sub(r"(?<=\d)\s*min\b", " minutes", _clock_spans(inputs.text, in_hours=True))
    mixed = mixed_units(spans) if found is None else None
    # "what's 15% of 2 hours, in minutes": the arithmetic in its one unit, then converted.
    in_unit = result_in_unit(text) if mixed is not None and not context else None
    if in_unit is not None:
        text, mixed = in_unit[0], None
    if mixed is not None:
        # "I walked 2 km and then 500 m. How far in total?" is not 502: the words are read
        # as numbers as they stand, with no conversion between units.
        raise AgentInputError(
            "Not sure enough to answer, so nothing was computed: the request has amounts in "
            f"'{mixed[0]}' and '{mixed[1]}', which this reading does not convert between. "
            f"Convert first (e.g. '500 m to km'), then give the arithmetic in one unit."
        )
    if found is not None:
        # "Convert 5 miles to km": a known formula, read whole.
        reading = Reading(found)
    else:
        _check_numbers_alone(context.group("context") if context else "")
        _check_lines_of_pairs(inputs.text)
        if (
            not names_a_figure(text)
            and _WHAT_THAT_IS_A_PERIOD.search(text)
            # Not "I earn 3200 a month and spend 2450. How much is that a year?": which
            # amount "that" is, is not said.
            and under_period_heading(inputs.text)
            and period_asked_apart(inputs.text) is not None
        ):
            # "yearly car costs: insurance 540, road tax 190. what's that per month": the
            # amounts together, in the period asked (below).
            text = _WHAT_THAT_IS_A_PERIOD.sub("what's the total", text, count=1)
        reading = read_numeric_request(text, inputs.numbers, implicit=implicit, material=material)
    if in_unit is not None and reading.expression is not None and not reading.figures:
        _, factor, unit = in_unit
        last = Clause(f"in {unit}", Op("*", reading.expression, Num(factor, f"{factor:.15g}")))
        reading = replace(reading, clauses=(*reading.clauses, last))
    elif in_unit is not None:
        # "the average of 2, 4 and 6 km in meters": figures are not converted.
        doubt = f"figures of amounts asked in {in_unit[2]}, which are not converted"
        reading = replace(reading, confidence=0.0, doubts=(*reading.doubts, doubt))
    confidence = reading.confidence
    if any(r in inputs.from_text for r in reading.references):
        confidence = round(confidence - 0.1, 3)
    if reading.expression is None or confidence < CONFIDENCE_THRESHOLD:
        unsaid = working_period_unsaid(request.instruction)
        if unsaid is not None:
            # "I earn £50 a day, how much a week": not 350, and the refusal says why.
            raise AgentInputError(
                f"Not sure enough to answer, so nothing was computed: the amount is for "
                f"{'an' if unsaid[0] == 'hour' else 'a'} {unsaid[0]} and a {unsaid[1]} is "
                f"asked, but how many {unsaid[0]}s of work or opening make the {unsaid[1]} "
                f"is not said (a working {unsaid[1]} "
                f"is not the clock's). Say it, e.g. '£50 a day, 5 days a week: how much a "
                f"week?'"
            )
        refusal = _refusal(reading, confidence, statistics, bool(material))
        if refusal == NO_NUMBERS:
            raise NeedsInput(refusal)  # asked: the reply may give them (`answered`)
        raise AgentInputError(refusal)
    if reading.counts_numbers and _counts_something_else(text, request.instruction):
        # "12 boxes with 24 bottles each. How many bottles is that?" asks for arithmetic,
        # not how many numbers were given.
        raise AgentInputError(
            "Not sure enough to answer, so nothing was computed: the request asks how many "
            "of something the numbers measure, not how many numbers there are. Say the "
            "arithmetic, e.g. '12 times 24'."
        )
    if context and reading.figures and states_count_and_price(context.group("context")):
        # "3 tickets cost 45. What's the total?" is not 48, nor "There are 3 of us. Each
        # pays 20. What's the total?" 23: a count and an amount are not values of one list.
        raise AgentInputError(
            "Not sure enough to answer, so nothing was computed: the numbers given are a "
            "number of items or people, or a price or rate ('14 a head'), and amounts, not "
            "values of one list. Say the arithmetic, e.g. '45 / 3' or '3 times 45'."
        )
    multiplied = (
        _MULTIPLIED.search(context.group("context")) if context and reading.figures else None
    )
    if multiplied is not None:
        # "8 hrs saturday at time and a half and 8 hrs sunday at double time, base 17.90.
        # total?" is not 33.9: some numbers are to be multiplied, which no figure of them as
        # they stand does.
        raise AgentInputError(
            f"Not sure enough to answer, so nothing was computed: the request says "
            f"'{multiplied.group(0)}', which changes some of its numbers, and a figure of "
            "the numbers as they stand would leave it out. Say the arithmetic, e.g. "
            "'8 * 17.90 * 1.5 + 8 * 17.90 * 2'."
        )
    chosen = _labels_chosen(inputs.text) if reading.figures else None
    if chosen is not None:
        # "ucas points: A* = 56, A = 48, B = 40. i got A*, B and B. total": the numbers are
        # a table of what each name is worth and the names got are listed after it; a
        # figure of the table (144) is none of what was got.
        raise AgentInputError(
            "Not sure enough to answer, so nothing was computed: the numbers are what each of "
            f"{', '.join(chosen[0])} is worth, and '{chosen[1]}' names which were got, which "
            "this reading does not look up. Say the arithmetic, e.g. '56 + 40 + 40'."
        )
    priced = _PRICED_AT.search(inputs.text) if reading.figures else None
    if priced is not None:
        # "design 6.5h @ 60, stock photos 3 x 12.99. total?" is not the sum of 6.5, 60, 3
        # and 12.99: a count or hours at a price is a product, no two values of a list.
        raise AgentInputError(
            "Not sure enough to answer, so nothing was computed: "
            f"'{priced.group(0).strip()}' is a count or hours at a price, not two values of "
            "one list, and not every line was read as one. Write each line as 'count x item "
            "@ price' (e.g. '3 x photos @ 12.99'), or say the arithmetic."
        )
    periods = period_asked_apart(inputs.text) if reading.figures else None
    if periods is not None:
        # "netflix 10.99, spotify 11.99 and disney+ 7.99 a month - how much is that a year":
        # the month's total, then so many months; no other figure is asked of another period.
        many = PERIODS_IN.get(periods)
        if reading.figures != ("sum",) or many is None:
            raise AgentInputError(
                f"Not sure enough to answer, so nothing was computed: the amounts are each "
                f"{periods[0]} and the request asks for a {periods[1]}, which this reading "
                f"does not turn one into the other. Ask for the {periods[0]}'s figure, or say "
                f"the arithmetic."
            )
        total = Call("sum", reading.values)
        # "yearly ... per month": over 12, said exactly, not times 0.0833333.
        over = round(1 / many, 9)
        scaled = (
            Op("*", total, Num(many, f"{many:g}"))
            if many >= 1
            else Op("/", total, Num(over, f"{over:g}"))
        )
        said = f"{many:g} of them" if many >= 1 else f"over {over:g}"
        reading = Reading(
            (
                Clause(f"the total a {periods[0]}", total),
                Clause(f"a {periods[1]}: {said}", scaled),
            ),
            references=reading.references,
            confidence=reading.confidence,
        )
    elif reading.figures and states_rate_and_duration(inputs.text):
        # "putting 175 aside each month for 2 years, what's the total saved" is not 177:
        # an amount at a rate and a number of periods are not values of one list.
        raise AgentInputError(
            "Not sure enough to answer, so nothing was computed: the numbers given are an "
            "amount at a rate and how long it runs, not values of one list. Say the "
            "arithmetic, e.g. '175 * 24'."
        )
    paired = _COUNT_AT_PRICE.search(inputs.text) if reading.figures else None
    if paired is not None and {
        _plain_number(paired.group("count")),
        _plain_number(paired.group("price")),
    } <= _numbers_used(reading):
        # "bought 12 at 19.99 and 3 at 35, total?" is not 69.99: a count at a price is a
        # product (12 * 19.99), and no figure of a list takes both as values.
        raise AgentInputError(
            "Not sure enough to answer, so nothing was computed: "
            f"'{paired.group(0).strip()}' is a count at a price, not two values of one list. "
            "Say the arithmetic, e.g. '12 * 19.99 + 3 * 35'."
        )
    apart = (
        kinds_apart(inputs.text, _numbers_used(reading))
        if found is None and _joins_values(reading)
        else None
    )
    if apart is not None:
        # "2 kg of potatoes, 1.5 litres of milk and 6 eggs, how much altogether", "40 euros,
        # 25 dollars and 30 pounds": no total of amounts of different kinds is a number.
        raise AgentInputError(
            "Not sure enough to answer, so nothing was computed: the request joins amounts "
            f"of different kinds ('{apart[0]}' and '{apart[1]}': units, currencies or things "
            "counted), which no total or average adds as they stand. Give the amounts in one "
            "unit or currency (convert first), or say the arithmetic."
        )
    both = _TOTAL_AND_ANOTHER.match(context.group("task")) if context else None
    if both is not None and len(reading.clauses) == 1 and not reading.figures:
        # "6 exams, 35 days left, 4 hours a day. total hours and hours per exam": one
        # expression (35 * 4 / 6) answers the second ask only, and the total goes unshown.
        raise AgentInputError(
            "Not sure enough to answer, so nothing was computed: the request asks two things "
            f"('{both.group('first')}' and '{both.group('second').strip(' ?.!')}') and one "
            "reading answers only one of them. Ask them one at a time."
        )
    if statistics and not reading.figures and _is_describe(text) and reading.values:
        reading = Reading(reading.clauses, ("mean",), reading.values, reading.references)
    values = _evaluate_clauses(reading, inputs)
    if reading.figures:
        return _figures_result(reading, inputs, confidence, values)
    return _expression_result(reading, inputs, confidence, values)


# "A* = 56", "grade B: 40", "small = 2.50": a short name given a value.
_LABEL_VALUE = re.compile(
    r"(?<![\w*+])(?P<label>[A-Za-z][\w*+-]{0,11})\s*(?:=|:)\s*[$\u20ac\u00a3]?\d+(?:\.\d+)?"
)


def _labels_chosen(text: str) -> tuple[list[str], str] | None:
    """The names given values ("A* = 56, A = 48, B = 40") and the words after them that name
    some of those names again ("i got A*, B and B"), when two or more are given and one is
    named again after the last; else None."""
    given = list(_LABEL_VALUE.finditer(text))
    labels = {m["label"].lower() for m in given}
    if len(labels) < 2:
        return None
    after = text[given[-1].end() :]
    named = [
        w
        for w in re.findall(r"(?<![\w*+])[A-Za-z][\w*+-]*", after)
        if w.lower() in labels
        and (w.lower() != "a" or re.search(r"\ba\s*[,.;]|\band\s+a\b", after))
    ]
    if not named:
        return None
    said = after.strip(" .,;:")
    said = re.split(r"(?<!\d)\.(?!\d)|[?!]", said)[0].strip()
    return [m["label"] for m in given], said


def _joins_values(reading: Reading) -> bool:
    """Whether the reading adds its numbers as values of one list: figures of it (a total,
    an average), or a sum or difference of the numbers as said."""
    if reading.figures:
        return True
    expression = reading.expression

    def added(node: Node) -> bool:
        if isinstance(node, Op) and node.symbol in {"+", "-"}:
            return added(node.left) and added(node.right)
        return isinstance(node, Num)

    return isinstance(expression, Op) and added(expression)


def _numbers_used(reading: Reading) -> set[float]:
    """The numbers the reading's clauses compute on."""
    found: set[float] = set()

    def walk(node: Node) -> None:
        if isinstance(node, Num):
            found.add(node.value)
        elif isinstance(node, Op):
            walk(node.left)
            walk(node.right)
        elif isinstance(node, Neg):
            walk(node.operand)
        elif isinstance(node, Call):
            for arg in node.args:
                walk(arg)

    for clause in reading.clauses:
        walk(clause.expression)
    return found


# "min max and mean": figures listed without their commas, as a list of them.
_FIGURE = r"(?:min|max|minimum|maximum|mean|median|mode|range|average)"
_FIGURES_LISTED = re.compile(
    rf"\b(?P<a>{_FIGURE})\s+(?P<b>{_FIGURE})\s+(?:and|&)\s+(?P<c>{_FIGURE})\b", re.I
)

# "tips tonight £4.50 £2 £0 £6 median?": amounts in one currency, each with its sign and
# only spaces between, are a list to describe as "4.50 2 0 6" is.
_SIGNED_SPACE_LIST = re.compile(
    r"(?<![\w.,])([\u00a3$\u20ac])\d+(?:\.\d+)?(?:[ \t]+\1\d+(?:\.\d+)?){2,}(?![\w.,]?\d)"
)

# "which was my fastest" of times is the lowest, of speeds the highest: what the values
# are says which, and when the request says neither (or both) the word is left unread.
_FASTEST = re.compile(r"\b(?P<fast>fastest|quickest)|(?P<slow>slowest)\b", re.I)
_TIMES_SAID = re.compile(
    r"\b(?:times|mins?|minutes|secs?|seconds|hours|hrs|durations?|pace|splits)\b|\d:\d\d",
    re.I,
)
_SPEEDS_SAID = re.compile(r"\b(?:speeds?|km/h|kph|kmh|mph|knots|m/s)(?!\w)", re.I)


def _fastest_said(task: str, said: str) -> str:
    """``task`` with "fastest" and "slowest" said as "lowest" and "highest" (of times) or
    the other way round (of speeds), when ``said`` (the whole request) says which."""
    times, speeds = bool(_TIMES_SAID.search(said)), bool(_SPEEDS_SAID.search(said))
    if times == speeds:
        return task

    def said_as(match: re.Match[str]) -> str:
        return "lowest" if bool(match.group("fast")) == times else "highest"

    return _FASTEST.sub(said_as, task)


# "hottest and coolest day?" of a list said to be temperatures ("thermometer", "temps"):
# the highest and the lowest of it.
_TEMPERATURES_SAID = re.compile(
    r"\b(?:temps?|temperatures?|thermometer|degrees|celsius|fahrenheit)\b|\u00b0", re.I
)


def _warmest_said(task: str, said: str) -> str:
    """``task`` with "hottest" and "coldest" said as "highest" and "lowest", when ``said``
    (the whole request) says the values are temperatures (of a table, the column is named
    by `_said_as_temperature`)."""
    if not _TEMPERATURES_SAID.search(said) or find_table_text(said):
        return task
    return _COLDEST.sub("lowest", _WARMEST.sub("highest", task))


# "shortest and tallest?" of a list of heights, "longest" of lengths or times: whatever the
# values measure, the tallest or longest is the highest of them and the shortest the lowest
# (of a table, the column is named by `_said_as_length`).
_TALLEST = re.compile(r"\b(?:tallest|longest)\b", re.I)
_SHORTEST_SAID = re.compile(r"\bshortest\b", re.I)


def _tallest_said(task: str, said: str) -> str:
    """``task`` with "tallest", "longest" and "shortest" said as "highest" and "lowest",
    when ``said`` (the whole request) has no table."""
    if find_table_text(said):
        return task
    return _SHORTEST_SAID.sub("lowest", _TALLEST.sub("highest", task))


# "heaviest and lightest?" of a list said to be weights ("weight", "kg"): the highest and
# the lowest of it.
_WEIGHTS_SAID = re.compile(
    r"\b(?:weigh\w*|weights?|kilos?|kilograms?|grams?|tonnes?)\b|\d\s*(?:kgs?|g|lbs?|oz)\b",
    re.I,
)


def _heaviest_said(task: str, said: str) -> str:
    """``task`` with "heaviest" and "lightest" said as "highest" and "lowest", when ``said``
    (the whole request) says the values are weights and has no table (`_HEAVIEST` and
    `_LIGHTEST` are defined with `_said_as_weight`, which reads them of a table)."""
    if not _WEIGHTS_SAID.search(said) or find_table_text(said):
        return task
    return _LIGHTEST.sub("lowest", _HEAVIEST.sub("highest", task))


# A list of numbers: "14, 17, 9 and 20" (a comma before a space: "3,50 and 2,25" may have
# decimal commas), or with spaces only ("132 128 141"), which takes three numbers at least
# (two are as often one number grouped by a space, "12 500").
_ITEM = r"-?(?:\d{1,3}(?:,\d{3})+(?![\d,])|\d+)(?:\.\d+)?"
_COMMA_LIST = rf"{_ITEM}(?:\s*,\s+(?:and\s+)?{_ITEM}|\s+and\s+{_ITEM})+"
_SPACE_LIST = rf"{_ITEM}(?:[ \t]+{_ITEM}){{2,}}"
# "fasting glucose mmol/L: 5.8, 6.4, 7.1", "power on my last 5 intervals was 310, 305,
# 318 watts": what the list is, then the list and the unit of its values.
_LABELLED = re.compile(
    rf"^(?P<label>[^\n]*?)(?P<colon>:)?[ \t]*(?<![\d.,])(?P<list>{_COMMA_LIST}|{_SPACE_LIST})"
    r"(?P<unit>[ \t]*(?:[a-z]+(?:/[a-z]+)?|%))?(?![\w.,]?\d)(?P<rest>.*)$",
    re.I | re.S,
)
# Where the list ends and the question begins: a full stop, a comma, a dash.
_ASK_AFTER = re.compile(
    r"^\s*(?:[,.;?!]|\s[\u2014\u2013-]|[\u2014\u2013])\s*(?P<task>.*\S)\s*$", re.S
)
# "runs this week 5.2 8.0 6.4 total?", "scores 14, 17, 9 sample standard deviation": the
# figure asked right after the list, with no comma or dash between. Only figure words may
# follow ("5, 8, 6 total cost at 4 each" asks more than a figure of the list), and "min"
# is not one of them: "lap times 24, 25, 26 min" are minutes. Asking nicely asks nothing
# more ("mean and median pls").
_FIGURE_WORDS_ONLY = re.compile(
    r"^\s*(?:(?:the|and|its|their|sample|population|please|pls|plz|thanks|thx|"
    r"(?:std\.?\s*dev|standard deviation|stdev|"
    r"variance|median|mode|most common|range|minimum|max|maximum|sum|total|average|mean|"
    r"avg|lowest|highest|smallest|largest))\b[\s,&]*)+[?.!]*\s*$",
    re.I,
)


def _figure_asked_after(rest: str) -> bool:
    """Whether ``rest`` (what follows a list, "total?") is only the figure asked of it."""
    return bool(_FIGURE_WORDS_ONLY.match(rest)) and names_a_figure(rest)


# "my last 5 intervals", "the past 7 days": a count of what the list's values measure;
# so is "my 6 flats", "our 4 shops" (one's own things, counted: "the 3 shops" is unsaid).
_LAST_FEW = re.compile(
    r"\b(?:last|past|previous|latest|(?:my|our)(?=\s+\w+\s+[a-z]+s\b))\s+"
    r"(?P<count>\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b",
    re.I,
)
_COUNT_WORDS = dict(
    zip(
        "two three four five six seven eight nine ten eleven twelve".split(),  # noqa: SIM905
        map(str, range(2, 13)),
        strict=True,
    )
)
# A label that asks itself ("total of 19.99, 24.50 and 5.75, then round"): read whole.
_ASKING_LABEL = re.compile(
    r"\b(?:what|whats|how|which|calculate|compute|find|give|tell|add|sum|work|multiply|divide|"
    r"subtract|convert|round|then)\b",
    re.I,
)
# "how long each alteration took in mins: 25, 40, 15": a question said of each value, which
# names what the values are and asks nothing itself ("how long did each take" asks).
_SAID_OF_EACH = re.compile(
    r"\bhow\s+(?:long|much|many|far|fast|often)\s+(?=(?:each|every)\b)", re.I
)


# "tips 4.50 2 0 6 median tip?", "scores 14 17 9 average score?": the figure asked, then
# the thing the label counts, said again in the singular.
_NOUN_AFTER_FIGURE = re.compile(
    r"^(?P<figure>[^\n]*\S)\s+(?P<noun>[a-z]+)(?P<end>[?.!]*)\s*$", re.I
)


def _without_noun_of_label(rest: str, text: str) -> str:
    """``rest`` (what follows a list) without a last word that names again what the label
    before the list says the values are ("median tip?" after "tips tonight ..."), when
    what is left is only the figure asked; as it is otherwise."""
    said = _NOUN_AFTER_FIGURE.match(rest) if len(rest) <= 80 else None
    if said is None or not _figure_asked_after(said.group("figure")):
        return rest
    noun = said.group("noun").lower()
    label = set(re.findall(r"[a-z]+", text[: len(text) - len(rest)].lower()))
    if {noun, f"{noun}s", f"{noun}es"} & label:
        return said.group("figure") + said.group("end")
    return rest


def _listed_context(
    context: re.Match[str] | None, text: str, *, whole: bool
) -> re.Match[str] | None:
    """The planner's "Context: ... Task: ..." (or a statement then a question) with the
    context cut to its list of numbers when a label before the list says what they are:
    "year 7 quiz scores out of 20: 14, 17, 9" has no value 7 nor 20, and the 5 of "my last
    5 intervals were 310, 305, 318, 297, 322" counts the values. A request that is a label,
    a list and a question ("systolic readings 132 128 141 125, median?") is read so too
    when ``whole``: by the statistics step, since a list to describe is no arithmetic the
    planner gave a calculation step. The label's numbers are left out only after a colon,
    or when they count the list."""
    if context is not None:
        rows = _label_value_rows(context.group("context"))
        if rows is not None:
            return _CONTEXT.match(f"Context: {rows} Task: {context.group('task')}")
        found = _labelled_list(context.group("context"))
        task = context.group("task")
        if found is None or found[1].strip(" .;"):
            return context
        if _numbers(found[0]) == _numbers(context.group("context")):
            return context  # no number of the label left out: the context as it is
    elif whole:
        found = _labelled_list(text)
        ask = _ASK_AFTER.match(found[1]) if found else None
        if found is None or (ask is None and not _figure_asked_after(found[1])):
            return None
        task = _without_list_again(ask.group("task") if ask else found[1].strip(), found[0])
        if re.search(r"\d", task) or not re.search(r"[a-z]", task, re.I):
            return None
    else:
        return None
    return _CONTEXT.match(f"Context: {found[0]} Task: {task}")


# "max temps this week: 31, 27, 34", "daily min temperatures": each value is the day's
# highest or lowest reading, which the label says of them; it asks no figure of the list.
_FIGURE_OF_EACH = re.compile(
    r"\b(?:max|min|maximum|minimum|high|low|average|avg|mean)\s+(?:daily\s+)?"
    r"(?:temps?|temperatures?|readings?)\b",
    re.I,
)


# "sample variance of my 5k times in mins: 26.4, 25.8, 27.1": the figure asked, then what
# the values are, then the list; said as the list then the question, so that the words of
# what they are ("times", "mins") are read as its label, not as arithmetic.
# "average my income over the last 4 weeks (420, 465, 390, 505)": the figure said as a verb
# of what the values are, the list in brackets.
_FIGURE_OF_LABEL = re.compile(
    rf"^(?P<ask>[^:\d\n]*?)\s+(?:of\s+)?"
    rf"(?P<what>(?:the|my|our|his|her|their|these|this)\b[^:\n]*?)"
    rf"(?::\s*(?P<list>{_COMMA_LIST}|{_SPACE_LIST})|\s*\(\s*(?P<bracketed>{_COMMA_LIST})\s*\))"
    r"\s*[.?!]?\s*$",
    re.I,
)


# "the last three numbers", "the top 3 values", "the first five": some values of the list,
# which the figure is of ("my 5k times" are all of them: a 5k is a run).
_SOME_OF_THEM = re.compile(
    r"\b(?:first|last|top|bottom|largest|smallest|biggest|highest|lowest|latest|previous|"
    r"next|past|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen)\b",
    re.I,
)


def _figure_asked_first(text: str) -> str:
    """``text`` ("the median of my 5k times: 26, 27, 25") said as the list, then the
    figure asked ("my 5k times: 26, 27, 25 - the median?"), or as it is."""
    asked = _FIGURE_OF_LABEL.match(text.strip())
    if asked is None or not names_a_figure(asked.group("ask")):
        return text
    what = asked.group("what")
    if names_a_figure(what):
        return text  # "the average of the max temps: ...": two figures, which is asked?
    some = _SOME_OF_THEM.findall(what)
    last = _LAST_FEW.search(what)
    count = _COUNT_WORDS.get(last.group("count").lower(), last.group("count")) if last else ""
    listed = asked.group("list") or asked.group("bracketed")
    items = re.findall(_ITEM, listed)
    counts_them = (
        last is not None
        and count == str(len(items))
        and {w.lower() for w in some} <= set(last.group(0).lower().split())
    )
    if some and not counts_them:
        # "the average of the last three numbers": of some of the list only ("my last five
        # 5k times" of five values are all of them).
        return text
    return f"{asked.group('what')}: {listed} - {asked.group('ask').strip()}?"


# "2 bed rents", "5 star ratings", "3 bedroom house prices": a number that, with the
# singular noun after it, describes the plural thing the values are of; it counts none of
# them and is no value.
_NOT_A_NOUN = (
    r"(?!(?:and|or|of|to|in|on|at|by|x|for|from|with|the|a|an|per|my|our|your|his|her|their|"
    r"this|that|is|was|are|were|be)\b)(?![a-z]*s\b)"
)
_MODIFYING_NUMBER = re.compile(
    rf"(?<![\w.,])\d+[\s-]{_NOT_A_NOUN}[a-z]+(?:\s+{_NOT_A_NOUN}[a-z]+)?\s+[a-z]+s\b",
    re.I,
)


# "bins done per day last 2 wks 84 112 96 128": the time the list covers, said last in its
# label; its number counts weeks, not values, and is none of them.
_PERIOD_COVERED = re.compile(
    r"\b(?:last|past|previous|over\s+the\s+(?:last|past))\s+(?P<count>\d+)\s+"
    r"(?:days|wks|weeks|fortnights|months|mths|years|yrs)\s*$",
    re.I,
)


def _labelled_list(text: str) -> tuple[str, str] | None:
    """The list of numbers ``text`` gives after its label, written with commas and with
    its unit, and what follows the list; None when the label asks something itself or has
    numbers that may be values."""
    match = _LABELLED.match(text.strip())
    label_text = match.group("label") if match else ""
    described = _FIGURE_OF_EACH.sub(" ", label_text)
    asks = _ASKING_LABEL.search(_SAID_OF_EACH.sub(" ", label_text))
    if match is None or asks or names_a_figure(described):
        return None
    items = [i.replace(",", "") for i in re.findall(_ITEM, match.group("list"))]
    label = _numbers(match.group("label"))
    last = _LAST_FEW.search(match.group("label"))
    count = _COUNT_WORDS.get(last.group("count").lower(), last.group("count")) if last else ""
    # "my last 5 intervals", "my last five columns": the count of the values, no value.
    said_as = (
        label if count.isdigit() and last and last.group("count").isdigit() else [*label, count]
    )
    counts_them = last is not None and said_as == [count] == [str(len(items))]
    describes = bool(label) and len(_MODIFYING_NUMBER.findall(match.group("label"))) == len(label)
    covered = _PERIOD_COVERED.search(match.group("label"))
    over_period = covered is not None and label == [covered.group("count")]
    if label and not match.group("colon") and not counts_them and not describes and not over_period:
        return None  # "the 3 shops made 200, 300 and 250": is the 3 a value? unsaid
    if match.group("colon") and decimal_comma(text):
        return None  # "3,50 and 2,25": refused as the request is
    unit, rest = match.group("unit") or "", match.group("rest")
    asked = _without_noun_of_label(unit + rest, text) if unit else ""
    if unit and _figure_asked_after(asked) and not names_unit(unit.strip().lower()):
        unit, rest = "", asked  # "5.2 8.0 6.4 total?": "total" asks, it is no unit
    if label or match.group("colon") or counts_them:
        # The values alone: a label before a colon says only what they are ("mmol/L" is no
        # division), and their unit, said with a count, would read as things counted.
        return ", ".join(items), rest
    listed = f"{label_text.strip()} {', '.join(items)}{unit}"
    return listed.strip(), rest


# One row of "week 1: 6", "• Mon: 14.5 km": a label (which may hold a number of its own),
# a colon and a space, then the row's value. A first row may say what they all are before
# ("attendance: week 1: 6"). "9:30" has no space after its colon: a time, no row.
_ROW = re.compile(
    rf"^(?:(?P<header>[^:\d]+?):\s+)?(?P<label>[^:]*?[^\s:]):\s+(?P<value>{_ITEM})"
    r"(?:\s*(?P<unit>[a-z]+|%))?\s*[.;]?$",
    re.I,
)
_ROW_BREAK = re.compile(r"\s*(?:\n|(?<=[.;])\s+)\s*[\u2022\u00b7*-]?\s*")


def _label_value_rows(context: str) -> str | None:
    """ "attendance: week 1: 6. week 2: 4. week 3: 7": rows of a label and a value, as the
    list of their values ("attendance: 6, 4, 7"), so that the week numbers are no values;
    None unless every piece is such a row, some label holds a number, and the rows share a
    unit (or have none)."""
    pieces = [p for p in _ROW_BREAK.split(context.strip().lstrip("\u2022\u00b7*- ")) if p]
    header = ""
    if pieces and re.fullmatch(r"[^:\d]+:", pieces[0]):
        header, pieces = pieces[0][:-1], pieces[1:]  # "lap times:" on a line of its own
    rows = [_ROW.match(p) for p in pieces]
    if len(rows) < 2 or any(r is None for r in rows):
        return None
    matched = [r for r in rows if r is not None]
    if any(r.group("header") for r in matched[0 if header else 1 :]) or not any(
        re.search(r"\d", r.group("label")) for r in matched
    ):
        return None
    units = {(r.group("unit") or "").lower() for r in matched}
    if len(units) != 1:
        return None
    header = header or matched[0].group("header") or "values"
    values = ", ".join(r.group("value").replace(",", "") for r in matched)
    return f"{header}: {values}{' ' + units.pop() if units != {''} else ''}."


def _without_list_again(task: str, listed: str) -> str:
    """ "Mean and standard deviation: 5.8, 6.4, 7.1": the question, without the list it
    repeats."""
    again = re.match(rf"^(?P<ask>.*?)\s*:\s*(?P<list>{_COMMA_LIST})\s*[.?!]*$", task, re.S)
    if again is None:
        return task
    items = ", ".join(i.replace(",", "") for i in re.findall(_ITEM, again.group("list")))
    return again.group("ask") if items == listed else task


# "... then at 9.2 l per 100 km how many litres", "... then times by £0.245 per kwh saved":
# the total of the amounts listed before "then", at a rate per their unit.
_RATE_ON_LISTED = re.compile(
    r"\s*,?\s+(?:and\s+)?then\s+(?:(?:times|multiplied|multiply(?:\s+(?:it|that))?)\s+by|at)"
    r"\s+[\u00a3$\u20ac]?(?P<rate>\d+(?:\.\d+)?)\s*(?:(?P<got>[a-z]+\d?)\s+)?per\s+"
    r"(?:(?P<per>\d+(?:\.\d+)?)\s*)?(?P<unit>[a-z]+\d?)\b(?P<tail>[^\d]*)$",
    re.I,
)
# The unit of the amounts listed: after the last of them ("6.4, 12.9 kwh") or before the
# first ("in km 186, 212").
_LISTED_UNIT = re.compile(
    r"\d\s*(?P<after>[a-z]+\d?)\s*$|\bin\s+(?P<before>[a-z]+\d?)\s+(?=\d)", re.I
)
# What may follow the rate: a word saying which units it is of ("per kwh saved"), or the
# question of the amount the rate gives ("how many litres").
_RATE_TAIL = re.compile(
    r"^\s*(?:(?P<of>[a-z]+ed)|how\s+many\s+(?P<asked>[a-z]+))?\s*[.?!]?\s*$", re.I
)


def _rate_on_listed(text: str) -> str:
    """ "add up our driving in km 186, 212, 94 then at 9.2 l per 100 km how many litres" as
    "... then times 9.2 / 100": read only when the rate is per the unit the amounts listed
    are in, and any amount asked after it is in the unit the rate gives; the text as it
    stands otherwise."""
    rate = _RATE_ON_LISTED.search(text)
    if rate is None:
        return text
    head = text[: rate.start()]
    units = [m.group("after") or m.group("before") for m in _LISTED_UNIT.finditer(head)]
    listed = unit_of(units[0]) if len(units) == 1 else None
    if listed is None or unit_of(rate.group("unit")) != listed:
        return text
    if len(re.findall(r"\d+(?:\.\d+)?", head)) < 2:
        return text  # no amounts listed to total
    tail = _RATE_TAIL.match(rate.group("tail"))
    if tail is None:
        return text
    got = rate.group("got")
    if got is not None and unit_of(got) is None:
        return text  # "15p per kwh": a rate in a unit this reading does not know
    if tail.group("asked") and (got is None or unit_of(tail.group("asked")) != unit_of(got)):
        return text  # "how many litres" of a rate in pounds, or in gallons
    per = rate.group("per")
    return f"{head} then times {rate.group('rate')}" + (f" / {per}" if per else "")


# ", and then half of that": where a formula's clause ends and arithmetic on it begins.
_THEN = re.compile(r"\s*,?\s+(?:and\s+)?then\s+", re.I)


def _formula_then(text: str) -> tuple[Clause, ...] | None:
    """ "8 mi in km, and then half of that": the formula's clause, then the clauses after
    "then" read on its result; None unless the part before "then" is wholly a formula and
    the part after names no unit (its amounts would be in a unit not converted)."""
    parts = _THEN.split(text, maxsplit=1)
    if len(parts) != 2:
        return None
    formula = read_formula(parts[0])
    if formula is None or any(names_unit(w) for w in re.findall(r"[a-z/]+", parts[1].lower())):
        return None
    expression, label = formula
    reading = read_numeric_request(f"{render(expression)}, then {parts[1]}")
    if not reading.trusted or reading.figures or reading.references or len(reading.clauses) < 2:
        return None
    return (Clause(label, expression), *reading.clauses[1:])


# Word problems stated in one sentence and asked in the next, tried in this order.
_WORD_PROBLEMS: tuple[Callable[[str, str], tuple[Node, str] | None], ...] = (
    # "After a 15% pay cut I earn 3,400. What did I earn before?": not 15% off 3,400.
    read_before_change,
    # "raised 3,780, which is 63% of our target. what's the target?"
    read_whole_from_part,
    # "6 packs of batteries at 7.99 each. What's the total?"
    read_count_at_price,
    # "3 bags of dog food at 18.75 each and a 6 chew toy, whats that come to"
    read_count_at_price_and_one,
    # "school trip is 18 per kid and there are 27 kids, how much altogether"
    read_price_per_one_counted,
    # "A TV is 500 and 20% off. What do I pay?": an amount changed by a percentage.
    read_percentage_problem,
    # "48 of our 640 survey replies said yes. What percent is that?"
    read_part_of_whole,
    # "12,400 in donations and 1,860 went on admin. What percent is admin?"
    read_named_share,
    # "I earn 2800 a month and rent is 950. What percent of my income goes to rent?"
    read_share_of_income,
    # "28 days holiday full time, works 3 days out of 5. Pro rata entitlement?"
    read_pro_rata,
    # "Sales fell from 80 to 60. What's the percentage decrease?"
    read_relative_change,
    # "rent up from 875 to 940 a month. how much extra a year?"
    read_change_over_period,
    # "We're 4 people and the bill is 138. How much does each person pay?"
    read_share_per_person,
    # "I have $200 and spend $45.75. How much is left?"
    read_amount_left,
    # "Groceries cost 63.40 and I paid with a 100 note. How much change do I get?"
    read_change_given,
    # "essay limit is 3000 words and ive done 2,170 so far. how many more?"
    read_still_to_go,
    # "isa allowance 20k, ive put 650 a month in for 7 months. how much allowance left"
    read_toward_limit,
    # "lent my brother 600, he paid back 175 and then another 240. how much does he owe"
    read_still_owed,
    # "I earn 2,800 a month and save 15% of it. how much do I save each month?"
    read_share_set_aside,
    # "been given 360 for my birthday and already spent 45. what % is gone"
    read_share_spent,
    # "van cost 24,000 and loses 15% of its value every year. value after 3 yrs?"
    read_value_after_years,
    # "running 20 km a week and adding 10% each week. how many km after 3 increases"
    read_grown_each_period,
    # "on 2,200 kcal a day with 30% from protein, protein is 4 kcal per gram. grams?"
    read_macro_grams,
    # "interest only mortgage of 165,000 at 4.6% a year, what's the monthly payment"
    read_interest_only_payment,
    # "gym wants 420 up front for the year or 39 a month. how much cheaper is yearly?"
    read_yearly_against_monthly,
    # "cases cost me 2.40 each and i flog them at 9. markup on cost in %?"
    read_markup_on_cost,
    # "stall costs 63, each bracelet costs me 1.80 and i sell them at 6. break even?"
    read_break_even,
    # "costs: hall 1,200, set 650. tickets are 12 each. total costs": the costs, no ticket
    read_listed_costs_total,
    # "house is valued at 340,000 and 212,500 is left on the mortgage. what % is equity"
    read_equity_share,
    # "I make 3,200 a month and spend 2,450. How much do I save each month?"
    read_saving,
    # "I saved 150 a month for 8 months. How much do I have?"
    read_rate_for_periods,
    # "15 a week for the first 26 weeks then 25 a week for the next 26. how much in total?"
    read_rates_in_turn,
    # "I'm doubling a recipe that needs 250 g of flour, how much flour?"
    read_scaled_amount,
    # "A subscription is 12.99 a month. How much is that per year?"
    read_per_period,
)


# "water bill for the site was £1,386", "the bill came to 240": one sum of money, said
# alone, with no other number (in figures or words) nor a word that it is per something.
_ONE_SUM_SAID = re.compile(
    r"^(?!.*\b(?:each|per|every|a\s+head|half|double|twice|third|quarter|dozen|one|two|three|four|"
    r"five|six|seven|eight|nine|ten|eleven|twelve|hundred|thousand|k)\b)"
    r"(?=.*(?:[$\u00a3\u20ac]\s*\d|\b(?:bill|cost|total|fare|rent|price|came\s+to)\b))"
    r"[^\d%]*(?<![\w.,])(?P<amount>\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?(?![\w.,%]?\d|\s*%)"
    r"[^\d%]*$",
    re.I | re.S,
)


def _one_sum(statement: str) -> Num | None:
    """The one sum of money ``statement`` says and nothing else, or None."""
    said = _ONE_SUM_SAID.match(statement.strip())
    if said is None:
        return None
    raw = said.group(0)[said.start("amount") :]
    amount = re.match(r"[\d,]+(?:\.\d+)?", raw)
    if amount is None:
        return None
    plain = amount.group(0).replace(",", "")
    return Num(float(plain), plain)


# "sign is 96 inches wide, in cm? (2.54)": the factor of the conversion, said bare in
# brackets at the end.
_FACTOR_SAID = re.compile(r"\s*\(\s*(?P<factor>\d+(?:\.\d+)?)\s*\)\s*[?.!]*\s*$")


def _conversion_with_factor_said(text: str) -> tuple[Node, str] | None:
    """The conversion ``text`` asks, when the bare number in brackets at its end is that
    conversion's factor (either way round: 2.54 for inches in cm or cm in inches); None
    otherwise, as a number that is no such factor may be one this reading would leave out."""
    said = _FACTOR_SAID.search(text)
    formula = read_formula(text[: said.start()]) if said else None
    amounts = _numbers(text[: said.start()]) if said else []
    if said is None or formula is None or len(amounts) != 1 or float(amounts[0]) == 0:
        return None
    try:
        result = float(evaluate(render(formula[0])))
    except CalculationError:
        return None
    factor, amount = float(said.group("factor")), float(amounts[0])
    given = Num(amount, amounts[0]), Num(factor, said.group("factor"))
    # The factor said is the one used: "5 miles in km (1.609)" is 5 * 1.609.
    if math.isclose(result / amount, factor, rel_tol=1e-3):
        return Op("*", *given), formula[1]
    if result and math.isclose(amount / result, factor, rel_tol=1e-3):
        return Op("/", *given), formula[1]
    return None


def _word_problem(context: str | None, text: str) -> tuple[Clause, ...] | None:
    """The expression of an everyday word problem the request states and asks, or None;
    ``context`` is the statement, when it comes before the question ``text``."""
    among = split_among(context, text)
    if among is not None and (alone := _one_sum(among[0])) is not None:
        # "water bill for the site was £1,386, split evenly across 63 plots. each?": the
        # one sum said, shared by the count.
        return (Clause("each one's share", Op("/", alone, among[2])),)
    if among is not None:
        # "3 pizzas at 17.99 each, 40% off, split between 5 of us. each?": the total read
        # alone, then shared by the count.
        whole = _word_problem(among[0], among[1])
        if whole is not None:
            share = Clause("each one's share", Op("/", whole[-1].expression, among[2]))
            return (*whole, share)
    marks = read_marks(context, text)  # a mark needed, weighted, attended, in percent
    if marks is not None:
        return tuple(Clause(label, expression) for expression, label in marks)
    # "8,000 loan at 6.9% apr over 4 years, standard amortisation": the monthly payment;
    # "was 58%, now 71%. how many percentage points up and what % increase": each asked.
    loan = read_amortised_loan(context, text) or read_points_and_relative_change(context, text)
    if loan is None:
        # "pb went from 27:40 to 25:55. seconds quicker and % improvement on the old time"
        loan = read_time_improvement(context, text)
    if loan is None:
        # "agent takes 12% plus 20% vat on their fee, rent 975. fee and what i get"
        loan = read_fee_plus_vat(context, text)
    if loan is None:
        # "raised 2,460, 65% of it gift aid eligible, gift aid adds 25%. gift aid and total"
        loan = read_gift_aid(context, text)
    if loan is not None:
        return tuple(Clause(label, expression) for expression, label in loan)
    split = read_split_shares(context, text)  # "splitting it 60/40 between", "by room size"
    if split is None:
        split = read_league_points(context, text)  # "3 pts for a win ... won 9, drawn 4"
    if split is not None:
        return tuple(Clause(label, expression) for expression, label in split)
    given = read_given_formula(context, text)  # "10 x weight in kg + 5. i'm 78 kg"
    if given is None:
        given = read_stated_formula(context, text)  # "target = (max - resting) x 0.7 + ..."
    if given is None:
        given = read_share_by_nights(context, text)  # "each 3-night person pay"
    if given is None:
        given = read_part_of_ratio(context, text)  # "boys to girls is 3:4 ... how many girls"
    if given is not None:
        return (Clause(given[1], given[0]),)
    if context is None and (parts := split_question(text)) is not None:
        # "scored 38 from 51 attempts on saturday, shooting %?": a share or a change in
        # percent asked after a comma, with no sentence of its own.
        # "came to 18,450 for 123 guests, cost per head": the amount for each one counted.
        asked = (
            read_part_of_whole(*parts)
            or read_relative_change(*parts)
            or read_share_per_person(*parts)
            # "membership is 240, 7% rise, new fee?": an amount changed by a percentage.
            or read_percentage_problem(*parts)
        )
        if asked is not None:
            return (Clause(asked[1], asked[0]),)
    if context is None and _HOW_MUCH_EACH.search(text) and split_question(text) is None:
        # "work out how much each of the 9 of us needs to pay towards a 1,323 deposit": the
        # share asked and its amounts said in one clause ("14.50 per person ... for 2 of us"
        # asks no share).
        asked = read_share_per_person("", text)
        if asked is not None:
            return (Clause(asked[1], asked[0]),)
    if context is not None:
        # "A 500 jacket gets 20% off, then an extra 10% off. What do I pay?": each price.
        # "95 with 20% off, then a 5 voucher": the discounted price, then less the voucher;
        # "borrowed 12,000 and pay 238.60 a month for 60 months": the total repaid, then the
        # interest in it.
        stages = (
            read_two_discounts(context, text)
            or read_discount_then_voucher(context, text)
            or read_loan_repaid(context, text)
            # "going up 6.5%. new rent, and how much extra a year": each ask of the change.
            or read_percentage_asked_twice(context, text)
            # "60% markup on 12.50. selling price and my margin %": a margin is no markup.
            or read_markup_then_margin(context, text)
            # "target is 2,000, on 1,365 so far. what % of the target and how much to go"
            or read_share_and_rest(context, text)
            # "rent is 18% of my takings, took 2,340. how much is rent and what do i keep"
            or read_share_and_kept(context, text)
        )
        if stages is not None:
            return tuple(Clause(label, expression) for expression, label in stages)
    # "If 3 tickets cost $45, how much is one?", stated in one sentence or two.
    formula = read_unit_price(f"{context} {text}" if context is not None else text)
    if formula is None and context is None:  # "whats 7 nights at 135"
        formula = read_asked_count_at_price(text)
    if context is not None:
        for reader in _WORD_PROBLEMS:
            if formula is not None:
                break
            formula = reader(context, text)
    if formula is None:
        # "2,500 at 4.5% compounded annually for 2 years. what will it be at the end and how
        # much of that is interest": the amount, then the interest in it.
        both = read_balance_and_interest(f"{context} {text}" if context is not None else text)
        if both is not None:
            return tuple(Clause(label, expression) for expression, label in both)
        # "I put 2000 in savings at 5% a year. How much interest do I earn in 3 years
        # without compounding?"
        formula = read_interest(f"{context} {text}" if context is not None else text)
    if formula is None:  # "1 CHF = 0.89 GBP. total in pounds?"
        exchanged = read_exchanged(context, text) or read_rate_got(context, text)
        if exchanged is not None:
            return tuple(Clause(label, expression) for expression, label in exchanged)
    if formula is None:  # pay at an hourly rate, rates in bands, a pay rise, tax and a tip
        earned = read_earnings(context, text)
        if earned is not None:
            return tuple(Clause(label, expression) for expression, label in earned)
    if formula is None:  # a recipe scaled, the parts of a mix, a roasting time by weight
        recipe = read_recipe(context, text)
        if recipe is not None:
            return tuple(Clause(label, expression) for expression, label in recipe)
    if formula is None:  # round containers, pizzas, meter readings, materials and their cost
        said = f"{context} {text}" if context is not None else text
        rounded = (
            read_round(said)
            or read_meter(said)
            or read_materials(said)
            or read_right_triangle(said)  # a ladder against a wall, a screen's sides
        )
        if rounded is not None:
            return tuple(Clause(label, expression) for expression, label in rounded)
    if formula is None:  # fence posts, tiles, rain on a roof, clock times, invoice lines
        formula = read_measured(f"{context} {text}" if context is not None else text)
    if formula is None:  # times, dates, paces, downloads, pay for hours, cost per use
        formula = read_durations(f"{context} {text}" if context is not None else text)
    if formula is None and (money := read_money(context, text)) is not None:
        # Shopping and bills: "3 for 2", a pass against paying each time.
        return tuple(Clause(label, expression) for expression, label in money)
    if formula is None:  # "mini valet 25, full valet 65. did 14 minis and 5 fulls, takings?"
        # "adult 240 a year, junior 95. we have 86 adults and 54 juniors. total income"
        formula = read_priced_counts(context, text)
    if formula is None:
        # "38.4 tonnes off 4.8 ha, what's that per hectare", "knock 10% off then add 20%".
        stages = read_stated_problem(context, text)
        if stages is None and priced_and_counted(context, text):
            raise AgentInputError(
                "Not sure enough to answer, so nothing was computed: the numbers are prices "
                "of kinds and counts of those kinds, and the request asks neither their total "
                "(the takings) nor another figure read from them; added up as one list they "
                "mean nothing. Ask e.g. 'the total takings' or 'how many in all: 14 + 5'."
            )
        return None if stages is None else tuple(Clause(s[1], s[0]) for s in stages)
    return None if formula is None else (Clause(formula[1], formula[0]),)


_HOW_MUCH_EACH = re.compile(r"\bhow\s+much\s+(?:(?:does|do|should|will|would)\s+)?each\b", re.I)


def _numbers(text: str) -> list[str]:
    return _NUMBER.findall(strip_parameter_numbers(text))


_PERCENT_AFTER = re.compile(r"\s*(?:%|percent\b|per\s+cent\b)", re.I)


_SCALE_AFTER = re.compile(r"\s+(thousand|million|billion|lakhs?|lacs?|crores?)\b", re.I)
_SCALE_SIZES = {
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "lakh": 100_000,
    "lac": 100_000,
    "crore": 10_000_000,
}


def _scale_size(word: str) -> int:
    return _SCALE_SIZES[word.lower().removesuffix("s")]


# "7/10", "3/4": a fraction, one number; "12/05/2024" is a date, no number to compute on.
_FRACTION = re.compile(r"(?<![\w./])(\d+(?:\.\d+)?)/(\d+(?:\.\d+)?)(?![\w/]|\.\d)")
_DATE = re.compile(r"(?<![\d.])\d+(?:/\d+){2,}(?!\d|\.\d)")
# "In 2023 we sold 40, 50 and 60": a year says when, and is no value to add.
_YEAR = re.compile(
    r"\b(?:in|since|during|by|from|until|till|before|after|for|of|"
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\s+(?:19|20)\d{2}\b"
    r"(?![\d.,]*\s*(?:%|percent|dollars|euros|people|units|items)\b)",
    re.I,
)


# "spent money on 12.03, 15.03 and 20.03", "paid on 12.03.2024", "12.50 on 12.03":
# day.month after "on", listed, with its year or after an amount, is when, not how much
# ("a 10% tip on 12.10", one alone, is an amount).
_DOTTED_DAY = r"(?:0?[1-9]|[12]\d|3[01])\.(?:0[1-9]|1[0-2])"
_DATES_ON = re.compile(
    rf"\bon\s+(?:the\s+)?(?P<dates>{_DOTTED_DAY}(?:\.\d{{2,4}})?"
    rf"(?:\s*(?:,\s*and|,|and|&)\s*{_DOTTED_DAY}(?:\.\d{{2,4}})?)+"
    rf"|{_DOTTED_DAY}\.(?:\d{{2}}|\d{{4}})"
    # "spent 12.50 on 12.03": an amount, then when
    rf"|(?<=\d\son\s){_DOTTED_DAY})(?![\d.]*\d)",
    re.I,
)


def _dates_said_on(text: str) -> str | None:
    """The dates said as day.month after "on" ("on 12.03, 15.03 and 20.03"), or None."""
    found = _DATES_ON.search(text)
    return None if found is None else found.group("dates")


def _check_numbers_alone(context: str) -> None:
    """Refuses a context with a number written against letters ("61.4s", "5g"): its numbers
    are read alone, so that one would be left out and a figure computed on the others."""
    glued = _AGAINST_LETTERS.search(context)
    if glued:
        raise AgentInputError(
            f"Not sure enough to answer, so nothing was computed: '{glued.group(0)}' is a "
            "number written against letters, which may be a unit this reading does not know "
            "or a name ('5g speeds'). Put a space between a number and its unit ('61.4 s'), "
            "or leave out a number that is no value."
        )


# "- eggs 12 3.20", "room 1 42": a line (or a sentence) naming a thing, then two numbers.
_PAIR_NAMED = re.compile(
    r"\s*(?:[-*\u2022]\s+)?[^\W\d_][^\d\n:=]{0,30}?\s*[:=]?\s*[$\u20ac\u00a3]?\d[\d,]*(?:\.\d+)?"
    r"\s+[$\u20ac\u00a3]?\d[\d,]*(?:\.\d+)?\s*[.]?\s*"
)
# Where a line or a sentence ends: "Room 1 42. Room 2 30." is how the planner passes lines.
_LINE_END = re.compile(r"\n|(?<=\d)\.\s+(?=[^\W\d_])|\b(?:Context|Task):")


def _check_lines_of_pairs(text: str) -> None:
    """Refuses lines that each name a thing with two numbers ("- eggs 12 3.20\n- milk 2
    1.80"): twelve eggs for 3.20, or egg number 12? Read as one list, every number would be
    added (19); which of the two is the value is not said."""
    if sum(1 for line in _LINE_END.split(text) if _PAIR_NAMED.fullmatch(line)) >= 2:
        raise AgentInputError(
            "Not sure enough to answer, so nothing was computed: each line names a thing "
            "with two numbers (a count and a price, or a number and an amount), and which "
            "is the value is not said. Say it, e.g. '12 eggs at 3.20 and 2 milk at 1.80', "
            "or paste a table with headings."
        )


def _mixed_numbers(text: str) -> str:
    # "1 3/4 cups" is 1.75 cups, not 1 and the fraction 3/4.
    return MIXED_NUMBER.sub(mixed_number, text)


def _context_numbers(context: str) -> list[Node]:
    """The numbers a task's context states. Beside amounts, a percentage stays one: "the
    price is 80 and the rate is 10%" must not become 80 and 10 to add up (an aggregate of
    both kinds is refused); "grades of 80%, 90% and 70%" are all of a kind and average to
    80. A fraction ("7/10") is one number, a scale word ("1.2 million") multiplies the one
    before it, and a date gives none."""
    said = without_scale_maximum(context)
    text = strip_parameter_numbers(_YEAR.sub(" ", _DATE.sub(" ", said)))
    found: list[tuple[Node, bool]] = []
    position = 0
    while (match := _NUMBER.search(text, position)) is not None:
        fraction = _FRACTION.match(text, match.start())
        if fraction:
            a, b = fraction.group(1), fraction.group(2)
            found.append((Op("/", Num(float(a), a), Num(float(b), b)), False))
            position = fraction.end()
            continue
        raw = match.group(0).replace(",", "")
        number: Node = Num(float(raw), raw)
        scale = _SCALE_AFTER.match(text, match.end())
        if scale:
            size = _scale_size(scale.group(1))
            number = Num(float(raw) * size, format_number(float(raw) * size))
        found.append((number, bool(_PERCENT_AFTER.match(text, match.end()))))
        position = match.end()
    mixed = len({percent for _, percent in found}) > 1
    return [
        Op("/", node, Num(100, "100")) if percent and mixed else node for node, percent in found
    ]


# What "how many" may count among numbers given: the numbers themselves.
_COUNTED = re.compile(
    r"\bhow many\s+(?!(?:numbers?|values?|figures?|items?|entries|entry|elements?|data|"
    r"points?|amounts?|scores?|readings?|measurements?|are|were|is|there|of)\b)[a-z]+",
    re.I,
)


# "5, 6, 4 and 7 eggs": one list of amounts of one thing, the word after its last number.
_LISTED = re.compile(
    r"(?<![\w.])\d[\d,]*(?:\.\d+)?(?:\s*(?:,\s*(?:and\s+)?|\s+and\s+)\d[\d,]*(?:\.\d+)?)+"
    r"\s+(?P<noun>[a-z]+)",
    re.I,
)
# "how many eggs altogether?", "how many tickets did we sell in total": the question ends
# with its "altogether", and the few words between ask nothing more ("how many eggs except
# the brown ones altogether" is a condition).
_HOW_MANY_IN_ALL = re.compile(
    r"^\s*how\s+many\s+(?P<noun>[a-z]+)"
    r"(?:\s+(?!(?:minus|plus|less|more|fewer|without|except|excluding|but|left|each|per|"
    r"average|if|than|times|half|double|not|after|before)\b)[a-z']+){0,4}?"
    r"\s+(?:altogether|all\s+together|in\s+total|in\s+all|combined|all\s+told)"
    r"(?:\s+this\s+(?:week|month|year|season))?\s*[?.!]*\s*$",
    re.I,
)


def _total_of_listed(context: str, task: str) -> str:
    """``task`` asking "how many eggs altogether?" of "the hens laid 5, 6 and 4 eggs" as the
    total of the list: each number is an amount of what is counted, and they add up. Kept
    as it is unless every number of the context is in that one list ("3 boxes of 12 eggs"
    is a product, and is refused as a count of something else)."""
    asked = _HOW_MANY_IN_ALL.match(task)
    listed = _LISTED.search(context)
    if asked is None or listed is None or len(_numbers(context)) != len(_numbers(listed.group(0))):
        return task
    noun, said = asked.group("noun").lower(), listed.group("noun").lower()
    if noun.rstrip("s") != said.rstrip("s"):
        return task
    return "what is the total"


# "How many are left?" asks what remains after the arithmetic, not how many numbers.
_LEFT_OVER = re.compile(r"\bhow many\b.*\b(?:left|remain|remaining|left over)\b", re.I)


# "how many points" of "3 points for a win": a word a number measures elsewhere in the
# request is what is counted, not the numbers given ("how many points are there" of a list
# of data points says no number of them).
_MEASURE_ASKED = re.compile(r"\bhow many\s+(?P<word>points?|scores?|amounts?|readings?)\b", re.I)


def _counts_something_else(text: str, said: str) -> bool:
    """Whether "how many" in ``text`` (the task) asks a number of things the numbers
    measure, not how many numbers there are; ``said`` is the whole request, its context
    too."""
    asked = _MEASURE_ASKED.search(text)
    if asked is not None:
        stem = asked.group("word").lower().rstrip("s")
        if re.search(rf"\d\s*{stem}s?\b", said, re.I):
            return True
    return bool(_COUNTED.search(text) or _LEFT_OVER.search(text))


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _is_describe(text: str) -> bool:
    return bool(re.search(r"\b(?:describe|statistics|stats|summar\w*|analy[sz]e)\b", text, re.I))


def _evaluate_clauses(reading: Reading, inputs: Inputs) -> list[Any]:
    """The value of each clause, in order (a clause of several figures gives a list)."""
    values: list[Any] = []
    for clause in reading.clauses:
        expression = clause.expression
        if isinstance(expression, Call) and expression.function == "figures":
            values.append([_evaluate(c, inputs) for c in expression.args])
        else:
            values.append(_evaluate(expression, inputs))
    return values


def _evaluate(node: Node, inputs: Inputs) -> float | int:
    try:
        value = evaluate(render(node), inputs.numbers)
        # 12 significant digits: 200 * 1.1 is 220, not 220.00000000000003.
        return float(f"{value:.12g}") if isinstance(value, float) else value
    except CalculationError as error:
        if isinstance(node, Call) or not _uses_list(node, inputs):
            raise
        raise CalculationError(
            f"{error} A list of numbers from an earlier step can only be used inside "
            "sum, mean, median, min, max or count."
        ) from error


def _uses_list(node: Node, inputs: Inputs) -> bool:
    return any(isinstance(inputs.numbers.get(name), list) for name in inputs.numbers) and bool(
        re.search(r"\b(?:" + "|".join(map(re.escape, inputs.numbers)) + r")\b", render(node))
    )


def _shown(node: Node, inputs: Inputs) -> str:
    """The expression with earlier steps' results written as their values."""

    def value(name: str) -> str:
        found = inputs.numbers.get(name)
        if isinstance(found, float):
            return format_number(found)
        if isinstance(found, list):
            more = ", …" if len(found) > 8 else ""
            return f"[{', '.join(format_number(v) for v in found[:8])}{more}]"
        return name

    return render(node, value)


def _sources(reading: Reading, inputs: Inputs) -> str:
    lines = []
    for name in reading.references:
        found = inputs.numbers.get(name)
        shown = (
            format_number(found) if isinstance(found, float) else f"the {len(found or [])} values"
        )
        if name.endswith("_values"):
            lines.append(f"{shown} are those of step {name.removesuffix('_values')}")
            continue
        verb = "is" if isinstance(found, float) else "are"
        origin = "read from the text of" if name in inputs.from_text else "the result of"
        # A person's reply to the agent's question is an input named like a step.
        source = "your reply" if name == REPLY_INPUT else f"step {name}"
        lines.append(f"{shown} {verb} {origin} {source}")
    return ("\n\nwhere " + "; ".join(lines) + ".") if lines else ""


def _expression_result(
    reading: Reading, inputs: Inputs, confidence: float, values: list[Any]
) -> StepResult:
    final = values[-1]
    expression = reading.clauses[-1].expression
    if isinstance(final, list) and len(final) > 1:
        # Several figures of values that are not one plain list ("the lowest and highest of
        # 2 + 3, 4"): one result would answer one of the asks and drop the others.
        raise AgentInputError(
            "Not sure enough to answer, so nothing was computed: the request asks for "
            f"several figures ({render(expression)}) of values that are not one list of "
            "numbers. Ask for one figure at a time, or list the numbers plainly."
        )
    if isinstance(final, list):
        final = final[0]
    lines = []
    steps = [
        {"expression": render(c.expression), "result": v}
        for c, v in zip(reading.clauses, values, strict=True)
    ]
    if len(reading.clauses) == 1:
        lines.append(f"**{_shown(expression, inputs)} = {_fmt(final)}**")
        if isinstance(expression, Call) and expression.function == "ceil":
            # Whole tins (or sales) rounded up: the exact amount is worth seeing too.
            (exact,) = expression.args
            amount = _evaluate(exact, inputs)
            lines[-1] += f" ({_fmt(amount)} before rounding up)"
            steps.insert(0, {"expression": render(exact), "result": amount})
    else:
        lines.append(f"**Result: {_fmt(final)}**\n")
        for number, (clause, value) in enumerate(zip(reading.clauses, values, strict=True), 1):
            lines.append(f"{number}. {_shown(clause.expression, inputs)} = {_fmt(value)}")
    text = "\n".join(lines) + _sources(reading, inputs)
    return StepResult(
        text=text,
        data={
            "operation": "calculation",
            "expression": render(expression),
            "result": final,
            "formatted": _fmt(final),
            "steps": steps,
            "inputs": _wire_inputs(reading, inputs),
            "confidence": confidence,
            "understood": reading.understood(),
        },
    )


# "is 18% of 2,400 more than 400?": one amount against another, asked yes or no; "what's
# 12.5% of 360 and 360 / 8, are they the same": two amounts, then whether they are equal.
_MORE = "more|greater|bigger|larger|higher"
_LESS = "less|smaller|lower|fewer"
_IS_THAN = re.compile(
    rf"^\s*(?:so\s+)?is\s+(?P<a>.+?)\s+(?P<way>{_MORE}|{_LESS})\s+than\s+(?P<b>[^?]+?)\s*[?.!]*\s*$",
    re.I,
)
_SAME_ASKED = re.compile(
    r"^(?P<both>.+?)\s*(?:[,;.]|\s-|\s\u2013)?\s+(?:and\s+)?(?:are\s+(?:they|the\s+two|both)(?:\s+the)?\s+"
    r"(?P<way>same|equal)|is\s+(?:it|that)\s+the\s+(?P<way2>same))\s*[?.!]*\s*$",
    re.I,
)


def _comparison(text: str, inputs: Inputs) -> StepResult | None:
    """The answer to a yes-or-no comparison of two amounts, each read whole on its own, or
    None when the text asks none or an amount is not read surely."""
    than, same = _IS_THAN.match(text), _SAME_ASKED.match(text)
    if than is not None:
        readings = [_amount_read(than.group(side), inputs) for side in "ab"]
        clauses = [r.clauses for r in readings]
    elif same is not None:
        readings = [read_numeric_request(same.group("both"), inputs.numbers)]
        clauses = [readings[0].clauses]
        if len(clauses[0]) != 2 or _uses_clause(clauses[0][1].expression, clauses[0][0]):
            return None  # "5 times 3 and then half of that": the second is of the first
        clauses = [clauses[0][:1], clauses[0][1:]]
    else:
        return None
    if any(r.figures or not r.trusted for r in readings) or any(len(c) != 1 for c in clauses):
        return None
    reading = Reading(
        (clauses[0][0], clauses[1][0]), confidence=min(r.confidence for r in readings)
    )
    first, second = _evaluate_clauses(reading, inputs)
    equal = math.isclose(first, second, rel_tol=1e-9, abs_tol=1e-12)
    shown = [
        f"{_shown(c.expression, inputs)} = {_fmt(v)}"
        for c, v in zip(reading.clauses, (first, second), strict=True)
    ]
    if than is not None:
        way = than.group("way").lower()
        more = re.fullmatch(_MORE, way) is not None
        holds = not equal and (first > second) == more
        answer = f"{'Yes' if holds else 'No'}: {shown[0]}, " + (
            f"the same as {_fmt(second)}"
            if equal
            else f"{'more' if first > second else 'less'} than {_fmt(second)}"
        )
    else:
        answer = f"{'Yes' if equal else 'No'}: {shown[0]} and {shown[1]}" + (
            ", the same" if equal else ", not the same"
        )
    return StepResult(
        text=f"**{answer}.**" + _sources(reading, inputs),
        data={
            "operation": "calculation",
            "expression": render(reading.clauses[0].expression),
            "result": first,
            "formatted": _fmt(first),
            "steps": [
                {"expression": render(c.expression), "result": v}
                for c, v in zip(reading.clauses, (first, second), strict=True)
            ],
            "answer": "yes" if (holds if than is not None else equal) else "no",
            "inputs": _wire_inputs(reading, inputs),
            "confidence": reading.confidence,
            "understood": reading.understood(),
        },
    )


_PLAIN_AMOUNT = re.compile(r"\s*[$\u20ac\u00a3]?(?P<n>\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*")


def _amount_read(text: str, inputs: Inputs) -> Reading:
    """An amount compared: arithmetic read as any request is, or one number as it stands
    (which, asked alone, would ask nothing of it)."""
    if _PLAIN_AMOUNT.fullmatch(text):
        number = re.sub(r"[^\d.]", "", text)
        return Reading((Clause(number, Num(float(number), number)),))
    return read_numeric_request(text, inputs.numbers)


def _uses_clause(node: Node, clause: Clause) -> bool:
    """Whether ``node`` holds the expression of ``clause`` (a later clause works on it)."""
    if node == clause.expression:
        return True
    if isinstance(node, Op):
        return _uses_clause(node.left, clause) or _uses_clause(node.right, clause)
    if isinstance(node, Call):
        return any(_uses_clause(arg, clause) for arg in node.args)
    return False


_LABELS = {
    "mean": "mean (average)",
    "stdev": "standard deviation",
    "pstdev": "population standard deviation",
    "pvariance": "population variance",
    "sum": "sum",
    "count": "count",
    "min": "minimum",
    "max": "maximum",
    "median": "median",
    "range": "range",
    "variance": "variance",
    "product": "product",
}


def _figures_result(
    reading: Reading, inputs: Inputs, confidence: float, values: list[Any]
) -> StepResult:
    numbers = _flat(reading.values, inputs)
    summary = describe(numbers)
    results = values[0] if isinstance(values[0], list) else [values[0]]
    figures = dict(zip(reading.figures, results, strict=True))
    first = reading.figures[0]
    percentile = None
    expression = reading.clauses[0].expression
    if first == "percentile" and isinstance(expression, Call):
        head = expression.args[0]
        percentile = head.value if isinstance(head, Num) else None
    headline = ", ".join(
        f"{_label(name, percentile)}: {_fmt(value)}" for name, value in figures.items()
    )
    shown = ", ".join(format_number(v) for v in numbers[:20]) + (" …" if len(numbers) > 20 else "")
    text = (
        f"**{headline[0].upper()}{headline[1:]}**\n\nValues ({len(numbers)}): {shown}"
        f"{_sources(reading, inputs)}\n\n{_summary_table(summary)}"
    )
    source = "data" if reading.references else "instruction"
    return StepResult(
        text=text,
        data={
            "operation": first,
            "percentile": percentile,
            "result": results[0],
            "figures": figures,
            "values": [_as_number(v) for v in numbers[:MAX_VALUES_ECHOED]],
            "valuesTruncated": len(numbers) > MAX_VALUES_ECHOED,
            "source": "inputs" if set(reading.references) & set(inputs.from_text) else source,
            "inputs": _wire_inputs(reading, inputs),
            "confidence": confidence,
            "understood": reading.understood(),
            **summary,
        },
    )


def _wire_inputs(reading: Reading, inputs: Inputs) -> dict[str, Any]:
    """The earlier steps' values the answer used, keyed by step id, or ``<id>Values`` for
    a step's list of values (camelCase on the wire; ``<id>_values`` inside)."""
    return {
        (f"{n.removesuffix('_values')}Values" if n.endswith("_values") else n): inputs.numbers[n]
        for n in reading.references
    }


def _label(name: str, percentile: float | None) -> str:
    if name == "percentile":
        return f"{percentile or 50:g}th percentile"
    return _LABELS.get(name, name)


def _flat(items: tuple[Node, ...], inputs: Inputs) -> list[float]:
    numbers: list[float] = []
    for item in items:
        if isinstance(item, Num):
            numbers.append(item.value)
        elif isinstance(item, Name):
            found = inputs.numbers.get(item.name)
            if isinstance(found, list):
                numbers.extend(found)
            elif found is not None:
                numbers.append(found)
    return numbers


NO_NUMBERS = (
    "No numbers found to compute on. Give them in the instruction ('the average of "
    "3, 5 and 10'), as a CSV/JSON table, or as the output of an earlier step."
)


def _refusal(reading: Reading, confidence: float, statistics: bool, given: bool = False) -> str:
    if not reading.clauses and given:
        return (
            "Not sure enough to answer, so nothing was computed: the request names no "
            "figure to compute on the numbers given (average, total, median, maximum, ...). "
            "Name one, e.g. 'the average of these numbers'."
        )
    if not reading.clauses and not any(re.search(r"\d", w) for w in reading.unread):
        return NO_NUMBERS
    understood = reading.understood() if reading.clauses else "no computation"
    unclear = "; ".join(reading.doubts) or "the request names no numbers to compute on"
    example = (
        "'the average of 3, 5 and 10' or 'the median of the result of step s1 and 4'"
        if statistics
        else "'144 / 12 + 3' or '15% of 80'"
    )
    return (
        f"Not sure enough to answer, so nothing was computed (confidence "
        f"{confidence:.2f}, needed {CONFIDENCE_THRESHOLD:.2f}). Understood: {understood}. "
        f"Unclear: {unclear}. Rephrase the request with the operation and exactly the "
        f"numbers to use, e.g. {example}."
    )


# --- tables -------------------------------------------------------------------------------


def _given_table(request: StepRequest, inputs: Inputs) -> Table | None:
    if request.data is not None:
        table = table_from_data(request.data)
        if table is not None and table.rows:
            return table
        if isinstance(request.data, str) and (block := find_table_text(request.data)):
            return parse_table(block)
    for step_id in inputs.mentioned or list(inputs.tables):
        if step_id in inputs.tables:
            return inputs.tables[step_id]
    for item in request.inputs:
        if item.step_id not in inputs.numbers and (block := find_table_text(item.text)):
            return parse_table(block)
    return None


def _has_own_numbers(text: str) -> bool:
    return bool(_numbers(_without_markers(text)))


def _without_markers(text: str) -> str:
    return re.sub(r"\u27e8[^\u27e9]*\u27e9", " ", text)


def _fmt(value: Any) -> str:
    if isinstance(value, float | int) and not isinstance(value, bool):
        return format_number(value)
    if isinstance(value, list):
        return ", ".join(_fmt(v) for v in value) or "none"
    return "n/a" if value is None else str(value)


_FIGURES = [
    ("count", "Count"),
    ("sum", "Sum"),
    ("mean", "Mean"),
    ("median", "Median"),
    ("mode", "Mode"),
    ("stdev", "Std. deviation (sample)"),
    ("min", "Min"),
    ("max", "Max"),
    ("range", "Range"),
    ("p25", "25th percentile"),
    ("p75", "75th percentile"),
    ("p90", "90th percentile"),
]


def _headline_label(headline: Headline) -> str:
    if headline.operation == "percentile":
        return f"{headline.percentile:g}th percentile"
    return _LABELS.get(headline.operation, headline.operation)


def _summary_table(summary: dict[str, Any]) -> str:
    rows = [f"| {label} | {_fmt(summary.get(key))} |" for key, label in _FIGURES]
    return "| Figure | Value |\n|---|---:|\n" + "\n".join(rows)


# Column names written short, and the words people ask for them with ("total quantity"
# of a column "qty").
_ABBREVIATIONS = {
    "qty": ("quantity", "quantities"),
    "amt": ("amount", "amounts"),
    "pct": ("percent", "percentage"),
    "pts": ("points",),
    "temp": ("temperature", "temperatures"),
    "hrs": ("hours",),
    "kcal": ("calories", "calorie"),
    "cal": ("calories", "calorie"),
    "km": ("kilometres", "kilometers"),
    "mins": ("minutes",),
}


# What a column's name may end with to say the unit of its values ("split_min",
# "price_usd"), beside the units `names_unit` knows.
_UNIT_SUFFIXES = frozenset(
    """min mins sec secs s h hr hrs km mi m kg g lb lbs usd eur gbp pct kwh""".split()  # noqa: SIM905
)


def _named_without_unit(name: str, columns: list[str]) -> str | None:
    """ "split" of a column "split_min": the name before the unit it ends with, when no
    other column begins with that word."""
    parts = re.split(r"[_ ]+", name)
    if len(parts) != 2 or not parts[0].isalpha() or len(parts[0]) < 3:
        return None
    if parts[1] not in _UNIT_SUFFIXES and not names_unit(parts[1]):
        return None
    others = [c for c in columns if re.split(r"[_ ]+", c.lower())[0] == parts[0]]
    return parts[0] if len(others) == 1 else None


def _mentioned_columns(instruction: str, columns: list[str]) -> list[str]:
    text = instruction.lower()
    found: list[tuple[int, str]] = []
    for column in columns:
        name = column.lower()
        variants = {name, name.replace("_", " "), name.replace(" ", "_")}
        short = _named_without_unit(name, columns)
        if short is not None:
            variants.add(short)
        for variant in (*variants, *_ABBREVIATIONS.get(name, ())):
            match = re.search(rf"(?<![\w]){re.escape(variant)}(?![\w])", text)
            if match:
                found.append((match.start(), column))
                break
    asked = [
        column for start, column in found if re.search(r"\b(?:which|what|whose)\s+$", text[:start])
    ]
    if asked and len(asked) < len(found):
        # "which table had the fewest covers" of numbered tables: the column after "which"
        # names the rows asked for; the other column named is what is compared.
        found = [(start, column) for start, column in found if column not in asked]
    return [column for _, column in sorted(found)]


_GROUP_BY = re.compile(
    r"\b(?:group(?:ed)?\s+by|by|per|for each|for every|across|broken down by)\s+"
)


def _group_compound_head(prose: str, table: Table) -> str:
    """ "total per job type" of columns "job" and "type": "job type" is a kind of type, so
    the head noun "type" names the groups and "job" is no column asked of; the prose is
    given back as "total per type"."""

    def head(match: re.Match[str]) -> str:
        names = {c.lower().replace("_", " ") for c in table.columns}
        modifier, noun = match.group("modifier"), match.group("noun")
        if modifier.replace("_", " ") in names and noun.replace("_", " ") in names:
            return match.group("by") + noun
        return match.group(0)

    return _GROUP_COMPOUND.sub(head, prose)


# "per job type", "by customer region": a group named by two words.
_GROUP_COMPOUND = re.compile(
    r"(?P<by>\b(?:by|per|for each|for every|across|broken down by)\s+)"
    r"(?P<modifier>[a-z_]+)\s+(?P<noun>[a-z_]+)\b",
    re.I,
)


def _group_key(instruction: str, table: Table, numeric: list[str]) -> str | None:
    text = instruction.lower()
    for match in _GROUP_BY.finditer(text):
        after = text[match.end() :]
        for column in table.columns:
            name = column.lower()
            if after.startswith(name) or after.startswith(name.replace("_", " ")):
                return column
        word = re.match(r"[a-z]+", after)
        if word is None:
            continue
        named = [c for c in table.columns if _names_column(word.group(0), c.lower())]
        if len(named) == 1:
            return named[0]
        categorical = [c for c in table.columns if c not in numeric]
        if categorical and _asks_groups(text, match, word.group(0)):
            # "mean salary by department" of a table whose groups are "team": the figure of
            # all rows would answer another question than the one asked.
            raise AgentInputError(
                f"Not sure enough to answer, so nothing was computed: the request asks for "
                f"figures by '{word.group(0)}', which names no column of the table "
                f"({', '.join(table.columns)}). Say the column to group by, e.g. "
                f"'by {categorical[0]}'."
            )
    # "group by" with no column named: the only non-numeric column is the natural key.
    if re.search(r"\bgroup(?:ed)?\s+by\b", text):
        categorical = [c for c in table.columns if c not in numeric]
        if len(categorical) == 1:
            return categorical[0]
        raise AgentInputError(f"Group by which column? The table has: {', '.join(table.columns)}.")
    return _key_of_each(text, table, numeric)


# "each person", "each of us", "per head": the people the rows are about, named by the
# table's column of names whatever its header ("who", "name"). Not "everyone", which is
# as often all of them together ("what did everyone pay altogether").
_EACH_PERSON = re.compile(
    r"\b(?:for\s+)?(?:each|every)(?:\s+(?:single|one\s+of))?\s+(?:person|one|individual|"
    r"member|of\s+(?:us|them|you))\b"
)
_PER_PERSON = re.compile(r"\bper\s+(?:person|head|individual)\b")
# "each <noun>" where the noun is no group of rows: a part of the table, or how often.
_EACH_NOT_A_GROUP = frozenset(
    """column columns value values number numbers figure row rows entry line time way other
    and of""".split()  # noqa: SIM905
)


# The figures a group of rows is given (`statistics.group_by`).
_GROUP_FIGURES = frozenset({"sum", "mean", "median", "min", "max"})


def _group_figure(text: str, table: Table, numeric: list[str]) -> str:
    """The figure asked of each group: "how many kg of each crop" of a column "kg" is the
    amount each group's rows hold, added up, not how many rows it has."""
    figure = choose_headline(text).operation
    if figure == "count" and _counted_column(text, table, numeric) is not None:
        return "sum"
    return figure


def _check_group_figure(text: str, said: str, table: Table, numeric: list[str]) -> None:
    """Refuse a figure of each group that the groups are not given ("the spread of payments
    for each person" would be each one's average)."""
    figure = _group_figure(text, table, numeric)
    if figure not in _GROUP_FIGURES:
        raise AgentInputError(
            f"Not sure enough to answer, so nothing was computed: the request asks the {figure} "
            f"of the rows of '{said}', and the rows of a group are given only their total, "
            "average, median, lowest or highest. Ask for one of those."
        )


def _key_of_each(text: str, table: Table, numeric: list[str]) -> str | None:
    """The column whose groups "each person" or "each <column>" asks a figure of: the
    figure of all rows (the total paid, where each person's total was asked) would answer
    another question. None where nothing is asked of each, or the rows are each one already
    ("per person" of one row a person is over the rows); refused where it is unclear."""
    labels = [c for c in table.columns if c not in numeric]
    repeated = [c for c in labels if len({_cell_text(r, c) for r in table.rows}) < len(table.rows)]
    person = _EACH_PERSON.search(text)
    if person is None and _PER_PERSON.search(text) and repeated:
        person = _PER_PERSON.search(text)
        if person is not None and choose_headline(text).operation != "sum":
            # "the average paid per person" of a table naming someone twice: each person's
            # average payment, or the total shared out per person, is not said.
            raise AgentInputError(
                f"Not sure enough to answer, so nothing was computed: the request asks "
                f"'{person.group(0)}', and the table names someone in several rows; whether "
                "each person's own figure or the total shared per person is meant is not said. "
                f"Ask e.g. 'the total of {numeric[0]} by {repeated[0]}'."
            )
    if person is not None:
        if len(labels) != 1:
            raise AgentInputError(
                f"Not sure enough to answer, so nothing was computed: the request asks for "
                f"'{person.group(0)}', and "
                + (
                    "no column of the table names them"
                    if not labels
                    else f"the columns {', '.join(labels)} could each name them"
                )
                + ". Say the column to group by, e.g. 'by "
                + (labels[0] if labels else table.columns[0])
                + "'."
            )
        if labels[0] not in repeated and choose_headline(text).operation != "sum":
            # "the average each person scored" of one row a person: over the rows.
            return None
        if labels[0] in repeated and not names_a_figure(text):
            raise AgentInputError(
                f"Not sure enough to answer, so nothing was computed: the request asks for "
                f"'{person.group(0)}', and does not say which figure of their rows. Ask e.g. "
                f"'the total of {numeric[0]} by {labels[0]}'."
            )
        _check_group_figure(text, person.group(0), table, numeric)
        return labels[0]
    for each in re.finditer(r"\b(?<!for )(?:each|every)\s+([a-z]+)", text):
        word = each.group(1)
        if word in _EACH_NOT_A_GROUP or word in _EACH_A_ROW:
            continue
        named = [c for c in labels if _names_column(word, c.lower()) or word == c.lower()]
        if named:
            # "what did each team score" of a column "team": by it, where it repeats (a
            # team of one row has its figure already, and "the average each month" of one
            # row a month is over the rows).
            if named[0] not in repeated:
                return None
            _check_group_figure(text, each.group(0), table, numeric)
            return named[0]
        if labels and not any(word == c.lower() for c in numeric):
            raise AgentInputError(
                f"Not sure enough to answer, so nothing was computed: the request asks for "
                f"each '{word}', which names no column of the table ({', '.join(table.columns)}"
                f"). Say the column to group by, e.g. 'by {labels[0]}'."
            )
    return None


def _names_column(word: str, name: str) -> bool:
    """Whether ``word`` names the column ``name``, in full where the column is written short
    ("department" of "dept", "quantity" of "qty"): a known long form, or a column name of
    three letters or more that begins the word and whose letters all come in it in order."""
    if word in _ABBREVIATIONS.get(name, ()):
        return True
    if len(name) < 3 or not name.isalpha() or len(word) <= len(name) or word[0] != name[0]:
        return False
    letters = iter(word)
    return all(letter in letters for letter in name)


# After "by", "per": words that say how, when or how many rather than a group ("by far",
# "per cent", "per person" of a table of people).
_NOT_GROUPS = frozenset(
    """far the a an each every one person head cent percent itself themselves hand name
    value""".split()  # noqa: SIM905
)


def _asks_groups(text: str, match: re.Match[str], word: str) -> bool:
    """Whether a group word ("by", "per") asks for figures of groups of rows named by the
    word after it: not a number, nor "by far", "per cent", nor "divided by", "sorted by"."""
    before = text[: match.start()].split()
    if word in _NOT_GROUPS or (before and before[-1] in _BY_VERBS):
        return False
    # "the average per day", "per order" of a table with a row each is over its rows
    # (`_average_over_rows`), not of groups.
    return not (match.group(0).strip() == "per" and word in _EACH_A_ROW)


_EACH_A_ROW = frozenset(
    """hour day week month year night shift visit order item row""".split()  # noqa: SIM905
)


# Verbs whose "by" is no grouping: "divided by 4", "sorted by date", "rounded by".
_BY_VERBS = frozenset(
    """divided divide multiplied multiply sorted sort ordered order ranked rank rounded round
    increased increase decreased decrease raised reduced grew fell rose dropped went up down
    followed""".split()  # noqa: SIM905
)


def _average_over_rows(prose: str, table: Table, key: str) -> bool:
    """Whether "the average per day" of a table with one row a day asks for the average
    over the rows: an average of each day's one value would only repeat the table."""
    values = [row.get(key) for row in table.rows]
    if len(set(values)) != len(values):
        return False
    pattern = rf"\b(?:average|avg|mean|median)\b[\w\s]*?\bper\s+{re.escape(key.lower())}"
    return re.search(pattern, prose.lower()) is not None


# A share of rows, or arithmetic between columns: not a figure of one column.
_SHARE_OR_COLUMNS = re.compile(
    r"\b(?:percent(?:age)?|proportion|share|ratio|fraction)\b|%"
    r"|\b(?:times|multiplied by|divided by|minus|plus)\b|[*/×÷]",
    re.I,
)


def _named_cells(words: str, table: Table) -> list[tuple[str, str]]:
    """The values of the table that the request names ("for north"), with their column."""
    said = set(re.findall(r"[a-z][a-z'-]+", words.lower()))
    named: dict[tuple[str, str], None] = {}
    for column in table.columns:
        for row in table.rows:
            value = _cell_text(row, column)
            # "for Acme Legal": a value of several words, said as they stand.
            phrase = " " in value and re.search(rf"(?<!\w){re.escape(value)}(?!\w)", words.lower())
            if len(value) > 2 and value not in _STOP_VALUES and (value in said or phrase):
                named[(column, value)] = None
    return list(named)


def _cell_text(row: dict[str, Any], column: str) -> str:
    return str(row.get(column) or "").strip().lower()


# Values too common in requests to mean a condition when they appear in the prose.
_STOP_VALUES = frozenset(
    {"the", "and", "all", "total", "average", "sum", "mean", "other", "none", "any"}
)


_MONTH_SAID = re.compile(
    r"\b(?:in|during|for|since|until)\s+(january|february|march|april|"
    r"may|june|july|august|september|october|november|december)\b",
    re.I,
)


def _check_table_request(
    prose: str, table: Table, numeric: list[str], key: str | None, named: list[tuple[str, str]]
) -> None:
    """Refuse what the table statistics would get wrong rather than answer it."""
    words = _without_markers(prose)
    qualifier = _TABLE_QUALIFIERS.search(re.sub(r"\b(?:group(?:ed)?\s+)?by\s+\w+", " ", words))
    if qualifier:
        raise AgentInputError(
            f"Not sure enough to answer, so nothing was computed: the request asks for "
            f"'{qualifier.group(0)}', a condition on the rows that this operation does not "
            "apply. Filter the table first, or ask for a figure of a whole column."
        )
    month = _MONTH_SAID.search(words)
    if month and month.group(1).lower() not in {value for _, value in named}:
        # "total words in March" of a table with no March in it: a time the rows are not
        # marked with, so the whole column would answer something else.
        raise AgentInputError(
            f"Not sure enough to answer, so nothing was computed: the request asks about "
            f"'{month.group(0)}', and no row of the table says it. Filter the table first, "
            "or ask for a figure of a whole column."
        )
    if len(named) > 1 or (named and key is not None):
        # "Sum of sales for north and south": which rows, and how they combine, is not
        # said; one value names the rows to take (see `_table_statistics`).
        values = "', '".join(value for _, value in named)
        raise AgentInputError(
            f"Not sure enough to answer, so nothing was computed: the request names "
            f"'{values}', values in the table, as if only some rows counted. Ask about one "
            "of them, or for a figure of a whole column."
        )
    share = _SHARE_OR_COLUMNS.search(words)
    if share:
        # "What percentage of the total does north make up?", "price times qty": a share
        # of a row, or arithmetic between columns, which the table figures do not do.
        raise AgentInputError(
            f"Not sure enough to answer, so nothing was computed: the request asks for "
            f"'{share.group(0)}', which the statistics of a column do not give. Ask for a "
            "figure of one column, e.g. 'the total of "
            + (numeric[0] if numeric else "a")
            + "', and compute the rest from it."
        )
    unit = _unit_asked_of_table(words, table)
    if unit is not None:
        # "the total of the km column in miles" is not the total in km: the figures of a
        # column are in its own unit, and none is converted.
        raise AgentInputError(
            f"Not sure enough to answer, so nothing was computed: the request asks the "
            f"figure in '{unit}', and the figures of a column are not converted. Ask for the "
            f"figure, then convert it in a step of its own (e.g. '32 km to {unit}')."
        )
    # "scores out of 20": the most a value may be, said of the table's values; no value.
    stray = _numbers(without_scale_maximum(words))
    if stray:
        raise AgentInputError(
            f"Not sure enough to answer, so nothing was computed: the numbers "
            f"{', '.join(stray)} in the request are not in the table, and it is unclear what "
            "they are for. Ask for a figure of a column, e.g. 'the average of price'."
        )
    if key is None and not names_a_figure(words):
        # "Make this a CSV: <table>" sent here asks for no figure: none is made up.
        raise AgentInputError(
            "Not sure enough to answer, so nothing was computed: the request names no "
            "figure to compute on the table (average, total, median, maximum, ...). Name "
            "one, e.g. 'the average of " + (numeric[0] if numeric else "a column") + "'."
        )
    mentioned = [c for c in _mentioned_columns(prose, table.columns) if c in numeric]
    asked = {op for pattern, op in _FIGURE_WORDS if re.search(pattern, words.lower())}
    if key is None and len(mentioned) > 1 and len(asked) > 1:
        # "the lowest price and the total stock": one figure of one column is the answer,
        # and the other ask would be dropped (it was the total of price).
        raise AgentInputError(
            "Not sure enough to answer, so nothing was computed: the request asks for "
            f"several figures of the columns {', '.join(mentioned)}, and one step gives one "
            f"figure of one column. Ask for each on its own, e.g. 'the {sorted(asked)[0]} of "
            f"{mentioned[0]}'."
        )
    if key is None and _asks_which(words):
        headline = choose_headline(words)
        figures = {op for pattern, op in _FIGURE_WORDS if re.search(pattern, words.lower())}
        if headline.operation not in ("min", "max") or figures - {"min", "max"}:
            raise AgentInputError(
                "Not sure enough to answer, so nothing was computed: the request asks which "
                "row it is, and only the row with the highest or lowest value of a column "
                "can be named (e.g. 'which row has the highest "
                + (numeric[0] if numeric else "value")
                + "'). For a figure per group, say 'the average of a column per category'."
            )
    if key is None and len(numeric) > 1 and not mentioned and not _counts_rows(words):
        raise AgentInputError(
            "Not sure enough to answer, so nothing was computed: which column? The table "
            f"has the numeric columns {', '.join(numeric)}; name one, e.g. "
            f"'the average of {numeric[0]}'."
        )


# "how much has each person put into the kitty", "how much have we contributed": what was
# put in, added up; a verb of giving into a pot says the total ("how much did each of us
# pay" does not: it may be each one's share of a bill).
_HOW_MUCH_PUT_IN = re.compile(
    r"\bhow\s+much\b(?=[^.?!\n]*\b(?:put|paid|chip|chipped|pitch|pitched|putting)\s+"
    # "put in", "paid into the pot"; not "paid in euros", a unit.
    r"(?:into\b|in(?=\s*(?:[.?!,]|$)|\s+(?:so\s+far|the|a|our|my|for|each|per)\b))"
    r"|[^.?!\n]*\b(?:contributed|donated)\b)",
    re.I,
)


# "what's that per month", "how much is that a year": the amounts said, in another period.
_WHAT_THAT_IS_A_PERIOD = re.compile(
    r"\b(?:what(?:'s|s|\s+is|\s+does)|how\s+much\s+(?:is|does))\s+(?:that|it|this)"
    r"(?:\s+(?:come|comes|work|works)\s+out|\s+(?:come|comes)\s+to)?"
    r"(?=\s+(?:(?:a|an|per|each|every|over\s+a|for\s+a|in\s+a)\s+(?:week|month|year|quarter|"
    r"fortnight)\b|(?:monthly|yearly|weekly|annually)\b))",
    re.I,
)


def _said_as_contributed(prose: str) -> str:
    """ "how much has each person put in" read as "how much in total", where no other
    figure is named; "what have i spent on guitar stuff" as the total spent."""
    if names_a_figure(prose):
        return prose
    prose = _HOW_MUCH_SPENT.sub(r"\g<0> in total", prose, count=1)
    return _HOW_MUCH_PUT_IN.sub("how much in total", prose, count=1)


# "what have i spent", "how much did we spend (on it)": what the rows cost, added up. Not
# "each" ("how much did each of us spend" is per person) nor "a month" (an average).
_HOW_MUCH_SPENT = re.compile(
    r"\b(?:what|how\s+much)\s+(?:have|had|did|has)\s+(?:i|we|you|they|he|she)\s+"
    r"(?:spent|spend|paid|pay)\b(?![^.?!\n]*\b(?:each|per|a\s+(?:day|week|month|year)|"
    r"every|average)\b)",
    re.I,
)


# "cheapest item?", "the most expensive one": the lowest or highest price, when the table
# has exactly one column of prices; with none or several, the words name no column.
_CHEAPEST = re.compile(r"\b(?:cheapest|least\s+expensive|lowest[-\s]priced)\b", re.I)
_DEAREST = re.compile(r"\b(?:priciest|most\s+expensive|dearest|highest[-\s]priced)\b", re.I)
_PRICE_COLUMN = re.compile(
    # "cheapest" of a tutor's "rate" or a hire "charge": what is paid, however it is called.
    r"\b(?:price|prices|cost|costs|fee|fees|fare|fares|rent|quote|quotes|rate|rates|charge|"
    r"charges|tariff|tariffs)\b",
    re.I,
)


# What the request calls the values when they are prices ("day rates", "the fees").
_PRICES_SAID = re.compile(
    r"\b(?:prices|costs|fees|fares|rates|charges|tariffs|quotes|rents)\b", re.I
)


def _without_table(prose: str) -> str:
    """``prose`` without the table pasted into it: what the request says, not its cells."""
    table = find_table_text(prose)
    return prose.replace(table, " ") if table else prose


def _said_as_price(prose: str, numeric: list[str]) -> str:
    """ "cheapest item?" read as "lowest price item?" on a table with one price column."""
    said = _CHEAPEST.search(prose) or _DEAREST.search(prose)
    if said is None:
        return prose
    prices = [c for c in numeric if _PRICE_COLUMN.search(c.replace("_", " "))]
    if not prices:
        # "cheapest per night" of a per_night column: the one column named as what is
        # cheap or dear holds the prices, whatever its name.
        prices = _mentioned_columns(prose, numeric)
    if not prices and len(numeric) == 1 and _PRICES_SAID.search(_without_table(prose)):
        # "nursery day rates, which is cheapest?" of one numeric column "daily": the request
        # says the values are prices, and there is one column of values.
        prices = numeric
    if len(prices) != 1:
        # "the most expensive car" on horsepower and weight: "most" alone would be the
        # largest of whatever column there is.
        raise AgentInputError(
            f"Not sure enough to answer, so nothing was computed: the request asks for "
            f"'{said.group(0).lower()}', and the table has "
            + ("several columns of prices" if prices else "no column of prices")
            + f" (numeric columns: {', '.join(numeric)}). Name the column, e.g. 'the lowest "
            f"{numeric[0]}'."
        )
    prose = _CHEAPEST.sub(f"lowest {prices[0]}", prose)
    return _DEAREST.sub(f"highest {prices[0]}", prose)


# "which city is the warmest": the highest temperature, when the table has exactly one
# column of temperatures; with none or several, the words name no column.
_WARMEST = re.compile(r"\b(?:warmest|hottest)\b", re.I)
_COLDEST = re.compile(r"\b(?:coldest|coolest)\b", re.I)
_TEMPERATURE_COLUMN = re.compile(
    r"\b(?:temp|temps|temperature|temperatures|degrees|celsius|fahrenheit)\b", re.I
)


def _said_as_temperature(prose: str, numeric: list[str]) -> str:
    """ "which city is the warmest" read as "the highest temp" on a table with one column
    of temperatures."""
    said_as = (_WARMEST, _COLDEST)
    return _said_of_column(prose, numeric, said_as, _TEMPERATURE_COLUMN, "temperatures")


# "which parcel is heaviest?": the highest weight, when the table has exactly one column of
# weights.
_HEAVIEST = re.compile(r"\bheaviest\b", re.I)
_LIGHTEST = re.compile(r"\blightest\b", re.I)
_WEIGHT_COLUMN = re.compile(r"\b(?:kg|kgs|kilos|g|grams|lb|lbs|weight|mass)\b", re.I)


def _said_as_weight(prose: str, numeric: list[str]) -> str:
    """ "which parcel is heaviest?" read as "the highest kg" on a table with one column of
    weights."""
    said_as = (_HEAVIEST, _LIGHTEST)
    return _said_of_column(prose, numeric, said_as, _WEIGHT_COLUMN, "weights")


# "longest ride?", "the shortest walk": the highest or lowest distance or duration, when
# the table has exactly one column of either ("longest" of km and minutes is either).
_LONGEST = re.compile(r"\b(?:longest|furthest|farthest)\b", re.I)
_SHORTEST = re.compile(r"\bshortest\b", re.I)
# Distances and durations, as a column names them ("km", "distance_km", "minutes"); not
# "m", "h" or "min", which as often mean millions, heights or minima ("revenue_m").
_LENGTH_WORD = (
    r"(?:km|kms|kilometres|kilometers|mi|miles|metres|meters|distance|dist|length|"
    r"minutes|mins|hours|hrs|seconds|secs|duration|time|days)"
)
# A column of distances or durations; "miles_per_gallon", "km/h" are rates, not lengths.
_LENGTH_COLUMN = re.compile(rf"^(?!.*(?:\bper\b|/)).*\b{_LENGTH_WORD}\b", re.I)
# What is long in time or distance, after "longest" ("the longest ride"); "the longest name"
# is long in letters, which no column of numbers measures.
_LONG_THING = re.compile(
    rf"(?:{_LENGTH_WORD}|(?:ride|run|walk|hike|trip|journey|drive|flight|route|leg|stage|"
    r"swim|commute|race|session|call|river|road|trail)s?|one)",
    re.I,
)


def _said_as_length(prose: str, numeric: list[str]) -> str:
    """ "longest ride?" read as "the highest km" on a table with one column of distances or
    durations, when what is longest is a trip or a session, or is not said."""
    said = _LONGEST.search(prose) or _SHORTEST.search(prose)
    if said is None:
        return prose
    after = re.match(r"\s*([a-z]+)", prose[said.end() :], re.I)
    if after and not _LONG_THING.fullmatch(after.group(1)):
        return prose  # "the longest name", "the longest word": not a figure, refused as none
    return _said_of_column(prose, numeric, (_LONGEST, _SHORTEST), _LENGTH_COLUMN, "lengths")


# "which path was slowest": the highest of the table's one column of durations ("ms",
# "seconds", "latency"), "fastest" the lowest; rates ("km/h", "per") are no durations.
_SLOWEST = re.compile(r"\bslowest\b", re.I)
_QUICKEST = re.compile(r"\b(?:fastest|quickest)\b", re.I)
_DURATION_COLUMN = re.compile(
    r"^(?!.*(?:\bper\b|/)).*\b(?:ms|millis\w*|secs?|seconds|mins|minutes|hours|hrs|"
    r"time|times|duration|latency|elapsed)\b",
    re.I,
)


def _said_as_duration(prose: str, numeric: list[str]) -> str:
    """ "which path was slowest" read as "the highest ms" on a table with one column of
    durations."""
    said_as = (_SLOWEST, _QUICKEST)
    return _said_of_column(prose, numeric, said_as, _DURATION_COLUMN, "durations")


# "quietest day at the museum": the lowest of the table's one column of how many came
# (visitors, customers, calls), "busiest" the highest.
_BUSIEST = re.compile(r"\bbusiest\b", re.I)
_QUIETEST = re.compile(r"\b(?:quietest|least\s+busy)\b", re.I)
_VISITS_COLUMN = re.compile(
    r"\b(?:visitors?|visits|customers|footfall|guests|attendance|attendees|callers|calls|"
    r"bookings|covers|tickets|passengers|patients|people|shoppers|diners|riders|entries|"
    # "busiest month" of a column of the work that came in: jobs, orders, appointments
    r"jobs|orders|appointments|clients|deliveries|enquiries|requests|callouts)\b",
    re.I,
)


def _said_as_busy(prose: str, numeric: list[str]) -> str:
    """ "quietest day?" read as "the lowest visitors" on a table with one column of how many
    came."""
    said_as = (_BUSIEST, _QUIETEST)
    return _said_of_column(prose, numeric, said_as, _VISITS_COLUMN, "visits")


# "who's our top scorer": the highest of the one column of what is scored (goals, points).
_TOP_SCORER = re.compile(r"\b(?:top|leading|highest|best)[-\s]+(?:goal[-\s]?)?scorer\b", re.I)
_LOWEST_SCORER = re.compile(r"\b(?:lowest|bottom|worst)[-\s]+(?:goal[-\s]?)?scorer\b", re.I)
_SCORED_COLUMN = re.compile(r"\b(?:goals?|points?|pts|scores?|runs|tries|baskets)\b", re.I)


def _said_of_column(
    prose: str,
    numeric: list[str],
    said_as: tuple[re.Pattern[str], re.Pattern[str]],
    column_of: re.Pattern[str],
    kind: str,
) -> str:
    """``prose`` with a superlative that names no column ("warmest", "longest") said as the
    highest or lowest of the table's one column of its kind; refused with none or several."""
    high, low = said_as
    said = high.search(prose) or low.search(prose)
    if said is None:
        return prose
    columns = [c for c in numeric if column_of.search(c.replace("_", " "))]
    if len(columns) != 1:
        raise AgentInputError(
            f"Not sure enough to answer, so nothing was computed: the request asks for "
            f"'{said.group(0).lower()}', and the table has "
            + (f"several columns of {kind}" if columns else f"no column of {kind}")
            + f" (numeric columns: {', '.join(numeric)}). Name the column, e.g. 'the highest "
            f"{numeric[0]}'."
        )
    prose = high.sub(f"highest {columns[0]}", prose)
    return low.sub(f"lowest {columns[0]}", prose)


# "which was the wettest month": the most rain, of the table's one column of rainfall.
_WETTEST = re.compile(r"\b(?:wettest|rainiest)\b", re.I)
_DRIEST = re.compile(r"\bdriest\b", re.I)
_RAIN_COLUMN = re.compile(r"\b(?:rain|rainfall|precip|precipitation|mm)\b", re.I)


# "which day was windiest": the highest of the table's one column of wind speeds.
_WINDIEST = re.compile(r"\b(?:windiest|gustiest)\b", re.I)
_CALMEST = re.compile(r"\b(?:calmest|least\s+windy)\b", re.I)
_WIND_COLUMN = re.compile(r"\b(?:wind|winds|gust|gusts|knots|kts|kn|mph|km/h|kmh)\b", re.I)


# "what was our best seller": the row with the most sold, of a column of how many sold.
# ("top seller by units": the column it is by is the one said).
_SOLD = r"(?:sold|sales|units|qty|quantity|orders)"
_SELLER = rf"sell(?:er|ing(?:\s+(?:item|product|line))?)(?:\s+(?:by|in)\s+{_SOLD})?\b"
_BEST_SELLER = re.compile(rf"\b(?:best|top)[-\s]?{_SELLER}", re.I)
_WORST_SELLER = re.compile(rf"\bworst[-\s]?{_SELLER}", re.I)
_SOLD_COLUMN = re.compile(rf"\b{_SOLD}\b", re.I)


def _said_as_highest(prose: str, numeric: list[str]) -> str:
    """ "who has the top score?" read as "the highest score" when "score" is a numeric
    column ("the top 3 scores" asks for rows, and is still refused as a condition)."""
    for column in numeric:
        name = re.escape(column.replace("_", " "))
        prose = re.sub(rf"\btop\s+(?={name}s?\b)", "highest ", prose, flags=re.I)
        prose = re.sub(rf"\bbottom\s+(?={name}s?\b)", "lowest ", prose, flags=re.I)
    if len(numeric) == 1 and not _LOWER_IS_BETTER.search(numeric[0].replace("_", " ")):
        # "which track is doing best" of one column of streams: the most of it. Of times,
        # ranks or costs the best is the least, so those are left unread.
        column = numeric[0]
        prose = _DOING_BEST.sub(f"has the highest {column}", prose)
        prose = _DOING_WORST.sub(f"has the lowest {column}", prose)
    return prose


_DOING_BEST = re.compile(
    r"\b(?:is|was|are|were)\s+(?:doing|performing|selling)\s+(?:the\s+)?best\b"
    # "who's top of the catan league": the most of a league's one column (of wins, points).
    r"|(?:\b(?:is|was|are)\s+|'s\s+|\u2019s\s+)(?:at\s+the\s+)?top\s+of\s+(?:the|our|my)\s+"
    r"(?:[a-z-]+\s+){0,3}?(?:league|leaderboard|standings|ladder|league\s+table)\b"
    r"|\b(?:is|was)\s+(?:the\s+)?most\s+popular\b",
    re.I,
)
_DOING_WORST = re.compile(
    r"\b(?:is|was|are|were)\s+(?:doing|performing|selling)\s+(?:the\s+)?worst\b"
    r"|(?:\b(?:is|was|are)\s+|'s\s+|\u2019s\s+)(?:at\s+the\s+)?bottom\s+of\s+(?:the|our|my)\s+"
    r"(?:[a-z-]+\s+){0,3}?(?:league|leaderboard|standings|ladder|league\s+table)\b"
    r"|\b(?:is|was)\s+(?:the\s+)?least\s+popular\b",
    re.I,
)
# Columns where less is better: a "best" of them is their lowest, not read here.
_LOWER_IS_BETTER = re.compile(
    r"\b(?:time|times|secs?|seconds|mins?|minutes|hours|duration|pace|rank|ranking|position|"
    r"place|cost|costs|price|spend|errors?|complaints?|returns?|defects?|delay|wait|score|"
    # A golfer's strokes, a team's losses: the least of them leads a league.
    r"strokes?|shots|handicap|losses|lost|defeats|conceded|against|faults|penalties)\b",
    re.I,
)


# "where is it cheapest?", "where did we pay the most": "where" opening a question asks
# which row, as "which" does (and only a row with the highest or lowest value is named);
# "the sum of price where region is north" stays a condition.
_WHERE_ASKED = re.compile(
    r"(?:^|(?<=[.?!;:]\s)|(?<=\n))\s*where(?=\s+(?:is|was|are|were|do|does|did|can|could|"
    r"would|should|will)\b)",
    re.I,
)


# "over 50", "at least 75", "70 or above", "under £20": one bound on a column's values,
# and whether the bound itself is in ("over 80" leaves 80 out, "80 or above" takes it).
_NUMBER_SAID = r"[$\u20ac\u00a3]?(?P<bound>-?\d[\d,]*(?:\.\d+)?)(?![\d%])"
# "ovr 500", "abve 60", "undr 20": the words of a bound as they are often typed.
_BOUND_SLIPS = re.compile(
    r"\b(?:(?P<over>ovr|ovre|oevr)|(?P<above>abv|abve|abov)|(?P<under>undr|udner))\b(?=\s+[$\u20ac\u00a3]?\d)",
    re.I,
)
_BOUNDS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"\b(?:at\s+least|no\s+less\s+than)\s+{_NUMBER_SAID}", re.I), ">="),
    (re.compile(rf"{_NUMBER_SAID}\s+(?:or|and)\s+(?:above|more|over|higher|up)\b", re.I), ">="),
    (re.compile(rf"\b(?:at\s+most|no\s+more\s+than)\s+{_NUMBER_SAID}", re.I), "<="),
    (re.compile(rf"{_NUMBER_SAID}\s+(?:or|and)\s+(?:below|less|fewer|under|lower)\b", re.I), "<="),
    (
        re.compile(
            rf"\b(?:over|above|more\s+than|greater\s+than|higher\s+than|exceeding)\s+{_NUMBER_SAID}",
            re.I,
        ),
        ">",
    ),
    (
        re.compile(
            rf"\b(?:under|below|less\s+than|fewer\s+than|lower\s+than)\s+{_NUMBER_SAID}", re.I
        ),
        "<",
    ),
]
_COMPARE: dict[str, Callable[[float, float], bool]] = {
    ">": lambda v, b: v > b,
    ">=": lambda v, b: v >= b,
    "<": lambda v, b: v < b,
    "<=": lambda v, b: v <= b,
}
# Words that ask more than one bound, or something besides the count of rows within it.
_BEYOND_THE_BOUND = re.compile(
    r"\b(?:where|only|excluding|except|without|between|and|or|not|if|unless|per|each|"
    r"average|mean|total|sum|top|bottom|first|last|after|before|since|until|percent\w*|"
    r"in|from|during|on|by|at|for)\b|%",
    re.I,
)


# After the bound, words that say where the rows are, adding no condition: "over 50 in this
# lot", "more than 1000 in" (an account has it in), "under 50 in stock" (of a column stock,
# taken out before).
_IN_THE_TABLE = re.compile(
    r"^\s*(?:in\s+(?:it|them|there|here|this(?:\s+lot|\s+list)?|that(?:\s+lot|\s+list)?|"
    r"these|those|the\s+(?:list|table|lot|data))\b|in|so\s+far)\s*(?=[?.!\n]*\s*$)",
    re.I,
)


def _without_columns(text: str, table: Table) -> str:
    """``text`` without the table's column names ("a total of at most 45" of a total column)."""
    for column in table.columns:
        text = re.sub(rf"\b{re.escape(column.replace('_', ' '))}s?\b", " ", text, flags=re.I)
    return text


def _is_column_named(word: str, column: str) -> bool:
    """Whether ``word`` is the column's name, in the singular or the plural ("bin" of bins)."""
    word, column = word.lower(), column.lower()
    return column in {word, f"{word}s", f"{word}es"} or word in {f"{column}s", f"{column}es"}


def _without_unit_of(after: str, table: Table, numeric: list[str]) -> str:
    """The words after a bound without a unit that the table's one numeric column is in
    ("more than 60 minutes" of wait_min, "over 5 kg" of weight_kg); as they are otherwise."""
    said = re.match(r"\s*([a-z]+)\b", after, re.I)
    if said is not None and len(numeric) == 1 and _is_column_named(said.group(1), numeric[0]):
        # "how many days did i do over 90 bins" of a bins column: what the bound counts is
        # what the column holds.
        return after[said.end() :]
    if said is None or not is_unit(said.group(1)) or len(numeric) != 1:
        return after
    unit = said.group(1).lower()
    parts = [p.lower() for p in re.split(r"[\W_]+", numeric[0]) if p]
    # "min" of wait_min is not a unit of its own ("min" is as often the minimum).
    if any(same_unit(p, unit) or (len(p) >= 3 and unit.startswith(p)) for p in parts):
        return after[said.end() :]
    return after


# "15 minutes or more": a unit between the bound and the words that make it one.
_UNIT_BEFORE_BOUND_WORD = re.compile(
    r"\d(?P<unit>\s+[a-z]+)(?=\s+(?:or|and)\s+(?:above|more|over|higher|up|below|less|fewer|"
    r"under|lower)\b)",
    re.I,
)
# "delayed by", "late by", "over budget by" right before the bound: by how much.
_MEASURED_BY = re.compile(r"\b(?P<verb>[a-z]+)\s+(?P<by>by)\s*$", re.I)


def _measures(verb: str, numeric: list[str]) -> bool:
    """Whether ``verb`` ("delayed") is said of what the one numeric column measures
    ("delay_min"): a part of the column's name of four letters or more begins it."""
    parts = [p.lower() for p in re.split(r"[\W_]+", numeric[0]) if len(p) >= 4]
    return len(numeric) == 1 and any(verb.lower().startswith(p) for p in parts)


def _count_beyond(prose: str, table: Table, numeric: list[str]) -> StepResult | None:
    """The number of rows whose one column is beyond one bound ("how many orders were over
    50?"), or None when the request is not that, or its column is not clear: the column
    compared is the one numeric column, or the one named, leaving out the one that names
    the rows counted ("orders" of an order-number column)."""
    words = _BOUND_SLIPS.sub(lambda m: str(m.lastgroup), _without_markers(prose))
    if not _counts_rows(words) or len(_numbers(words)) != 1:
        return None
    said_in_unit = _UNIT_BEFORE_BOUND_WORD.search(words)
    if said_in_unit and not _without_unit_of(said_in_unit.group("unit"), table, numeric).strip():
        # "15 minutes or more" of a delay_min column: the bound in the column's own unit.
        words = words[: said_in_unit.start("unit")] + words[said_in_unit.end("unit") :]
    found = [(m, op) for pattern, op in _BOUNDS for m in pattern.finditer(words)]
    if len(found) != 1:
        return None
    match, op = found[0]
    rest = words[: match.start()]
    measured = _MEASURED_BY.search(rest)
    if measured and _measures(measured.group("verb"), numeric):
        # "how many were delayed by 15 minutes or more": "by" says the amount of the
        # delay, which the column holds, and groups nothing ("early by 15 minutes" of a
        # delay column is another thing, and is not read).
        rest = rest[: measured.start("by")]
    # "finished in under 30 minutes": "in" before the bound says within it; no place or time.
    rest = re.sub(r"\bin\s*$", "", rest)
    after = _without_unit_of(words[match.end() :], table, numeric)
    after = _IN_THE_TABLE.sub(" ", _without_columns(after, table))
    if (
        after.strip(" ?.!\n")  # "over 50 in March": a second condition
        or _BEYOND_THE_BOUND.search(_without_columns(rest, table))
        or _named_cells(rest, table)  # "orders from Spain over 50"
    ):
        return None
    how_many = _HOW_MANY.search(rest)
    counted = how_many.group(1).lower() if how_many else ""
    rows_named = _mentioned_columns(counted, table.columns) if counted else []
    # "how many orders": not the order column; "how many scored": a verb, not "score"s.
    candidates = [
        c
        for c in numeric
        if c not in rows_named and c.lower() not in (counted, counted.removesuffix("s"))
    ]
    # "how many orders over 100" of order_id,amount: an identifier is no amount to bound.
    candidates = [c for c in candidates if not _ID_COLUMNS.match(c.strip())] or candidates
    named = [c for c in _mentioned_columns(rest, table.columns) if c in candidates]
    columns = named or candidates
    if len(columns) != 1:
        return None
    column, bound = columns[0], float(match.group("bound").replace(",", ""))
    holding = [
        row
        for row in table.rows
        if (value := parse_number(row.get(column))) is not None and _COMPARE[op](value, bound)
    ]
    said = f"{column} {op} {format_number(bound)}"
    return StepResult(
        text=f"**Count of rows with {said}: {len(holding)}** (of {len(table.rows)} rows)",
        data={
            "operation": "count",
            "column": column,
            "condition": said,
            "result": len(holding),
            "rows": len(table.rows),
            "matchingRows": holding,
            "confidence": 1.0,
        },
    )


# "how many got 70 or more (thats a grade A)": an aside naming what the request already
# says, with no number of its own, adds no condition.
_ASIDE = re.compile(r"\s*\((?:that'?s|that\s+is|which\s+is|i\.?e\.?|aka)\b[^()\d]*\)", re.I)


def _how_many_of_column(prose: str, numeric: list[str]) -> str:
    """ "how many words did i translate (for each client)" of a numeric column "words"
    read as "total words": how much of what the column measures someone did, not a count
    of rows. Only the question alone, or per group: "in March" would be a condition."""
    for column in numeric:
        name = re.escape(column.replace("_", " "))
        prose = re.sub(
            rf"\bhow\s+many\s+{name}\s+(?:did|do|does|have|has)\s+"
            r"(?:i|we|you|they|he|she|it)\s+(?=[a-z]+(?:\s+(?:for\s+each|for\s+every|per|"
            r"by)\s+[a-z]+)?\s*[.?!]*\s*$)",
            f"total {column} ",
            prose,
            flags=re.I,
        )
        # "how many hours has each volunteer done": each one's total, as "for each" is.
        prose = re.sub(
            rf"\bhow\s+many\s+{name}\s+(?:did|do|does|have|has)\s+each\s+(?P<key>[a-z]+)\s+"
            r"(?P<verb>[a-z]+)\b",
            rf"total {column} \g<verb> for each \g<key>",
            prose,
            flags=re.I,
        )
    return prose


# "how many jars did we shift at the stall in total": of a table of how many of each sold,
# the column added up. Only the question alone (where, when so far): "to Bob", "in March"
# would be a condition on the rows.
_HOW_MANY_SOLD = re.compile(
    r"\bhow\s+many(?:\s+[a-z]+)?\s+(?:did|have|do)\s+(?:i|we|you|they)\s+"
    r"(?:sell|sold|shift|shifted|move|moved|flog|flogged|get\s+through|got\s+through)"
    r"(?:\s+(?:at|from|on)\s+(?:the|our|my)\s+[a-z]+)?"
    r"(?:\s+(?:in\s+total|altogether|all\s+told|today|this\s+week|so\s+far))*\s*[?.!]*\s*$",
    re.I,
)


def _how_many_sold(prose: str, numeric: list[str]) -> str:
    """ "how many jars did we shift in total" read as "total sold" on a table with one
    column of how many sold."""
    columns = [c for c in numeric if _SOLD_COLUMN.search(c.replace("_", " "))]
    if len(columns) != 1:
        return prose
    return _HOW_MANY_SOLD.sub(f"total {columns[0]}", prose.strip())


# "quick q - range of 41, 37, 52": a dash after words with no number, before a figure
# asked, sets the question apart; it subtracts nothing ("-range(...)" would be wrong).
_PREAMBLE_DASH = re.compile(
    r"(?P<head>(?:^|\bTask:\s*)(?![^\d\n:]*\b(?:pi|e|half|twice|double)\b)[^\d\n:]*?[a-z])"
    r"\s+[-\u2013\u2014]\s+(?=(?:the\s+|an?\s+)?(?:range|mean|average|avg|median|mode|sum|"
    r"total|min|minimum|max|maximum|standard|variance|count)\b)",
    re.I,
)


# "my marks are 68%, 74%, 71% - is my average above 70?": a figure of a list asked against
# one bound, as a statement then the question (or the planner's "Context: ... Task: ...").
_FIGURE_AGAINST_BOUND = re.compile(
    r"^(?:\s*Context:\s*)?(?P<context>[^?]*?)\s*(?:[-\u2013\u2014,.;:]|\s+Task:)\s*"
    r"is\s+(?:my|the|our|their|his|her|its)\s+(?P<figure>average|mean|median|total)\s+"
    r"(?P<word>above|over|below|under|more\s+than|less\s+than|higher\s+than|lower\s+than|"
    r"at\s+least)\s+(?P<bound>\d+(?:\.\d+)?)\s*(?P<percent>%)?\s*[?.!]*\s*$",
    re.I,
)
_BOUND_WORDS = {"above": ">", "over": ">", "more than": ">", "higher than": ">",
                "below": "<", "under": "<", "less than": "<", "lower than": "<",
                "at least": ">="}  # fmt: skip


def _figure_against_bound(text: str) -> StepResult | None:
    """The figure of a list asked against a bound ("is my average above 70?"): the figure,
    and whether it is beyond the bound; None unless the statement before is one list of
    values (all percentages or none) and the question is only that."""
    asked = _FIGURE_AGAINST_BOUND.match(text)
    if asked is None:
        return None
    context = asked.group("context")
    listed = _labelled_list(context.replace("%", ""))
    if listed is None or listed[1].strip(" .;"):
        return None
    values = [float(n.replace(",", "")) for n in _numbers(listed[0])]
    percents = len(re.findall(r"\d%", context))
    if len(values) < 2 or len(_numbers(context)) != len(values) or percents not in (0, len(values)):
        return None  # "I have 3 kids aged 4, 7 and 10": the 3 is no value, nor unsaid
    figure_word = asked.group("figure").lower()
    name = {"average": "mean", "total": "sum"}.get(figure_word, figure_word)
    figure = describe(values)[name]
    word = re.sub(r"\s+", " ", asked.group("word").lower())
    op, bound = _BOUND_WORDS[word], float(asked.group("bound"))
    holds = _COMPARE[op](figure, bound)
    said = f"{'' if holds else 'not '}{word} {format_number(bound)}"
    return StepResult(
        text=f"**{'Yes' if holds else 'No'}: the {_label(name, None)} is {_fmt(figure)}**, {said}",
        data={
            "operation": name,
            "result": figure,
            "figures": {name: figure},
            "condition": f"{op} {format_number(bound)}",
            "holds": holds,
            "values": [_as_number(v) for v in values],
            "confidence": 1.0,
        },
    )


def _count_beyond_listed(context: str, task: str, material: list[Node]) -> StepResult | None:
    """How many of the values listed are beyond one bound ("daily highs were 24, 27, 29.
    How many days were above 25?"), or None when the task is not only that: a context that
    is one list of values, one count, one bound whose number is the task's only one, and
    nothing said after it."""
    listed = _labelled_list(context)
    if listed is None or listed[1].strip(" .;") or len(_numbers(listed[0])) != len(material):
        return None  # "3 boxes of 12 eggs" is no list of values
    words = _BOUND_SLIPS.sub(lambda m: str(m.lastgroup), task)
    if len(material) < 2 or not all(isinstance(n, Num) for n in material):
        return None
    if not _counts_rows(words) or len(_numbers(words)) != 1:
        return None
    found = [(m, op) for pattern, op in _BOUNDS for m in pattern.finditer(words)]
    if len(found) != 1:
        return None
    match, op = found[0]
    if words[match.end() :].strip(" ?.!\n") or _BEYOND_THE_BOUND.search(words[: match.start()]):
        return None  # "above 25 in August", "how many of the first days were above 25"
    bound = float(match.group("bound").replace(",", ""))
    values = [n.value for n in material if isinstance(n, Num)]
    holding = [v for v in values if _COMPARE[op](v, bound)]
    said = f"{op} {format_number(bound)}"
    shown = ", ".join(format_number(v) for v in holding)
    return StepResult(
        text=f"**Count of values {said}: {len(holding)}** (of {len(values)})"
        + (f"\n\nThose values: {shown}" if holding else ""),
        data={
            "operation": "count",
            "condition": said,
            "result": len(holding),
            "matching": [_as_number(v) for v in holding],
            "values": [_as_number(v) for v in values],
            "confidence": 1.0,
        },
    )


def _table_statistics(prose: str, table: Table) -> StepResult:
    prose = without_spanned_period(_ASIDE.sub(" ", prose), table)
    counted_value = (
        count_of_flag(prose, table)
        or _count_of_value(prose, table)
        or count_of_outcome(prose, table)
        or count_of_named_value(prose, table)
    )
    if counted_value is not None:
        return counted_value
    prose = _BOUND_THOUSANDS.sub(
        lambda m: f"{m.group('word')} {m.group('sign')}{format_number(float(m.group('n')) * 1000)}",
        prose,
    )
    numeric = table.numeric_columns()
    if not numeric:
        raise AgentInputError(
            f"The table has no numeric column to compute on (columns: {', '.join(table.columns)})."
        )
    prose = _said_as_contributed(prose)
    prose = _said_as_weight(_said_as_temperature(_said_as_price(prose, numeric), numeric), numeric)
    prose = _said_as_highest(prose, numeric)
    prose = _said_as_length(prose, numeric)
    prose = _said_as_busy(prose, numeric)
    prose = _said_as_duration(prose, numeric)
    prose = _how_many_of_column(prose, numeric)
    prose = _how_many_sold(prose, numeric)
    prose = _said_of_column(prose, numeric, (_TOP_SCORER, _LOWEST_SCORER), _SCORED_COLUMN, "scores")
    prose = _said_of_column(prose, numeric, (_BEST_SELLER, _WORST_SELLER), _SOLD_COLUMN, "sales")
    prose = _said_of_column(prose, numeric, (_WETTEST, _DRIEST), _RAIN_COLUMN, "rainfall")
    prose = _said_of_column(prose, numeric, (_WINDIEST, _CALMEST), _WIND_COLUMN, "wind speeds")
    counted = _count_beyond(prose, table, numeric)
    if counted is not None:
        return counted
    prose = _WHERE_ASKED.sub("which", prose)
    prose = _group_compound_head(prose, table)
    headline = choose_headline(prose)
    mentioned = [c for c in _mentioned_columns(prose, table.columns) if c in numeric]
    if headline.operation == "correlation":
        return _correlation(table, mentioned, numeric)
    key = _group_key(prose, table, numeric)
    if key is not None and _average_over_rows(prose, table, key):
        key = None
    named = _named_cells(_without_markers(prose), table)
    _check_table_request(prose, table, numeric, key, named)
    if named:
        # "Sum of sales for north": the rows that hold the value named.
        column, value = named[0]
        rows = [row for row in table.rows if _cell_text(row, column) == value]
        result = _table_statistics_of(prose, Table(table.columns, rows), numeric, key)
        where = f" (rows where {column} is {value})"
        lines = result.text.split("\n", 1)
        text = lines[0] + where + ("\n" + lines[1] if len(lines) > 1 else "")
        return StepResult(text=text, data={**result.data, "where": {column: value}})
    return _table_statistics_of(prose, table, numeric, key)


# "under 300k", "over £1.2k": a bound in thousands (said of a column, not "a 5k run").
_BOUND_THOUSANDS = re.compile(
    r"\b(?P<word>under|over|above|below|than|least|most|exceeding)\s+(?P<sign>[$\u20ac\u00a3]?)"
    r"(?P<n>\d+(?:\.\d+)?)k\b",
    re.I,
)
# "how many yeses so far", "how many said no": a count of the rows holding a value.
# "how many cats are booked in", "how many adults are coming": being on the list the table
# is, which every row is; no condition of its own.
_ON_THE_LIST = (
    r"(?:are|were)\s+(?:booked(?:\s+in)?|coming|attending|going|staying|registered|"
    r"enrolled|entered|signed\s+up|listed|on\s+the\s+list)"
)
_HOW_MANY_OF_VALUE = re.compile(
    # "how many orders are still pending": the noun of the rows, then their value.
    rf"\bhow\s+many\s+(?:(?P<noun>[a-z]+\s+)?(?!{_ON_THE_LIST}\s*[?.!]*\s*$)"
    # "how many deliveries came short": the value the rows came in as.
    r"(?:said|answered|replied|voted|are|were|have|came|come|arrived)\s+"
    r"(?:still\s+|currently\s+|now\s+)?)?"
    r"['\"]?(?P<value>[a-z]+)['\"]?(?:'?s)?"
    # "how many failed their MOT today", "how many have paid their league fee": the verb of
    # the value, said of what it was in.
    r"(?:\s+(?:their|the|its)\s+[a-z]+(?:\s+[a-z]+)?)?(?:\s+(?:today|this\s+week|this\s+year))?"
    r"(?:\s+(?:so\s+far|are\s+there|in\s+total|"
    # "how many errors are in here?", of lines pasted in.
    r"(?:are\s+)?in\s+(?:here|there|this|these)|"
    # "how many nights am i on this week": shifts of a rota, the value being the shift.
    r"(?:am|are|is)\s+(?:i|we|you|they|he|she)\s+(?:on|working|doing|down\s+for)"
    r"(?:\s+(?:today|this\s+week|this\s+month|this\s+year|this\s+rota))?|"
    rf"altogether|have\s+we\s+got|do\s+we\s+have|{_ON_THE_LIST}))?\s*[?.!]*\s*$",
    re.I,
)


# "how many machines are out of order": the rows' noun, then a value of several words.
_HOW_MANY_ARE_PHRASE = re.compile(
    r"\bhow\s+many\s+(?P<noun>[a-z]+)\s+(?:are|were|is)\s+(?:still\s+|currently\s+|now\s+)?"
    r"(?P<value>[a-z&'-]+(?:\s+[a-z&'-]+){1,4})\s*[?.!]*\s*$",
    re.I,
)


def _count_of_phrase(prose: str, table: Table) -> StepResult | None:
    """ "how many machines are out of order" of a column holding "out of order": how many
    rows hold that value of several words; None unless it is a whole cell of exactly one
    column and the noun names the rows."""
    asked = _HOW_MANY_ARE_PHRASE.search(prose.strip())
    if asked is None or not names_rows(asked.group("noun").lower(), table):
        return None
    value = asked.group("value").lower()
    columns = [
        c for c in table.columns if any(_cell_text(r, c).lower() == value for r in table.rows)
    ]
    if len(columns) != 1:
        return None
    count = sum(_cell_text(r, columns[0]).lower() == value for r in table.rows)
    return rows_counted(table, {columns[0]: value}, count)


def _count_of_value(prose: str, table: Table) -> StepResult | None:
    """ "how many yeses so far" of a table whose one column holds "yes": how many rows hold
    it; None unless the word (or its singular) is a value of exactly one column and the
    request has no number of its own."""
    if re.search(r"\d", prose):
        return None
    phrased = _count_of_phrase(prose, table)
    if phrased is not None:
        return phrased
    asked = _HOW_MANY_OF_VALUE.search(prose.strip())
    if asked is None:
        return None
    noun = (asked.group("noun") or "people").strip().lower()
    if noun != "people" and not names_rows(noun, table):
        return None  # "how many refunds are pending" of rows that are not refunds
    word = asked.group("value").lower()
    amounts = {c.lower() for c in amount_columns(table)}
    right_after = re.match(
        r"how\s+many\s+['\"]?[a-z]+['\"]?(?:'?s)?\s*[?.!]*$", asked.group(0), re.I
    )
    if right_after is not None and amounts:
        # "how many apples" of an item,kg table: the amount of them is asked, not the
        # number of rows holding them.
        return None
    forms: tuple[str, ...] = (
        word,
        word.removesuffix("es"),
        word.removesuffix("s"),
        word.removesuffix("ed"),
    )
    if word.endswith("ies"):
        forms += (word[:-3] + "y",)  # "earlies" of an "early" shift
    for value in dict.fromkeys(forms):
        columns = [
            c for c in table.columns if any(_cell_text(r, c).lower() == value for r in table.rows)
        ]
        if len(columns) == 1:
            column = columns[0]
            count = sum(_cell_text(r, column).lower() == value for r in table.rows)
            return rows_counted(table, {column: value}, count)
        if len(columns) > 1:
            return None
    return None


def _amount_columns(table: Table, numeric: list[str]) -> list[str]:
    """The numeric columns that hold amounts: not one that numbers the rows 1, 2, 3, ...
    ("job,type,amount" with jobs 1 to 7: "total per type" adds up the amounts, not the
    job numbers), unless it is the only one."""
    numbering = [
        c
        for c in numeric
        if [_cell_text(row, c) for row in table.rows]
        == [str(i) for i in range(1, len(table.rows) + 1)]
    ]
    amounts = [c for c in numeric if c not in numbering]
    return amounts or numeric


def _table_statistics_of(
    prose: str, table: Table, numeric: list[str], key: str | None
) -> StepResult:
    """The figure a request asks of a table's rows, checked by `_check_table_request`."""
    headline = choose_headline(prose)
    mentioned = [c for c in _mentioned_columns(prose, table.columns) if c in numeric]
    if key is not None:
        values = [c for c in (mentioned or _amount_columns(table, numeric)) if c != key]
        figure = _group_figure(prose, table, numeric)
        aggregate = figure if figure in ("sum", "mean", "median", "min", "max") else "mean"
        groups = group_by(table, key, values, aggregate)
        text = (
            f"**{aggregate.capitalize()} of {', '.join(values)} grouped by {key}** "
            f"({len(groups)} groups, {len(table.rows)} rows)\n\n"
            f"{_groups_table(groups, key, values, aggregate).to_markdown()}"
        )
        return StepResult(
            text=text,
            data={
                "operation": "group_by",
                "aggregate": aggregate,
                "groupBy": key,
                "valueColumns": values,
                "result": groups,
                "confidence": 1.0,
            },
        )
    counted = _counted_column(prose, table, numeric) if headline.operation == "count" else None
    if counted is not None:
        # "how many calories altogether" of a kcal column: the amount the column holds,
        # added up, not how many rows hold it (that was 3 dishes).
        if not _ALTOGETHER.search(prose):
            raise AgentInputError(
                "Not sure enough to answer, so nothing was computed: the request asks how "
                f"many of what the column {counted} measures, not how many rows there are, "
                f"and does not say which figure of it. Ask e.g. 'the total of {counted}'."
            )
        headline = Headline("sum")
        mentioned = [counted, *(c for c in mentioned if c != counted)]
    if headline.operation == "count" and counted is None and _counts_a_measure(prose):
        # "how many calories altogether" of a table with no calories column: not its rows.
        raise AgentInputError(
            "Not sure enough to answer, so nothing was computed: the request asks how many "
            "of an amount no column of the table is named for, not how many rows there are. "
            "Ask for a figure of a column, e.g. 'the total of "
            + (numeric[0] if numeric else "a column")
            + "'."
        )
    if headline.operation == "count" and not mentioned:
        # "How many orders are there?": the rows are counted, when the noun names them.
        check_rows_named(prose, table)
        return StepResult(
            text=f"**Count of rows: {len(table.rows)}**",
            data={
                "operation": "count",
                "column": None,
                "result": len(table.rows),
                "rows": len(table.rows),
                "confidence": 1.0,
            },
        )
    columns = mentioned or numeric
    summaries = {c: describe(table.column_values(c)) for c in columns}
    first = columns[0]
    result = headline_value(table.column_values(first), summaries[first], headline)
    holding: list[dict[str, Any]] = []
    if headline.operation in ("min", "max"):
        # The rows that hold the extreme value answer "which ..." and "who ...".
        holding = [
            row
            for row in table.typed_rows()
            if _is_number(row.get(first)) and row.get(first) == result
        ]
    named = ""
    labels = [c for c in table.columns if c not in numeric]
    if holding and labels:
        named = (
            " ("
            + "; ".join(", ".join(f"{c}: {_fmt(r.get(c))}" for c in labels) for r in holding)
            + ")"
        )
    lines = [
        f"**{_headline_label(headline).capitalize()} of {first}: {_fmt(result)}{named}** "
        f"({len(table.rows)} rows)"
    ]
    for column in columns:
        lines.append(f"\n**{column}**\n\n{_summary_table(summaries[column])}")
    data: dict[str, Any] = {
        # The column's figures by name, as a list of numbers gives them ("stdev", "mean").
        **summaries[first],
        "operation": headline.operation,
        "percentile": headline.percentile,
        "column": first,
        "result": result,
        "columns": summaries,
        "rows": len(table.rows),
        "confidence": 1.0,
    }
    if headline.operation in ("min", "max"):
        data["matchingRows"] = holding
    return StepResult(text="\n".join(lines), data=data)


def _groups_table(
    groups: list[dict[str, Any]], key: str, values: list[str], aggregate: str
) -> Table:
    """The groups as a table to show: one column per figure ("sum of units")."""
    figures = [aggregate] if aggregate == "sum" else [aggregate, "sum"]
    columns = [key, "count"] + [f"{f} of {c}" for f in figures for c in values]
    rows = [
        {
            key: group[key],
            "count": group["count"],
            **{f"{f} of {c}": group[f][c] for f in figures for c in values},
        }
        for group in groups
    ]
    return Table(columns=columns, rows=rows)


# "Which city ...", "who scored ...", "whose sales ...": a row is asked for, not a figure.
_WHICH = re.compile(r"\b(?:which|who|whose)\b", re.I)
# The figures a request names, to tell "the highest score" from "the highest average".
_FIGURE_WORDS = [
    (r"\b(?:average|mean|avg)\b", "mean"),
    (r"\b(?:sum|total)\b", "sum"),
    (r"\bmedian\b", "median"),
    (r"\b(?:min|minimum|lowest|smallest|fewest|least)\b", "min"),
    (r"\b(?:max|maximum|highest|largest|greatest|biggest|most)\b", "max"),
]


def _asks_which(text: str) -> bool:
    return bool(_WHICH.search(text))


# "how many calories": the thing counted, right after "how many".
_HOW_MANY = re.compile(r"\bhow\s+many\s+([\w']+)", re.I)
# "altogether", "in total", "combined": the amounts added up.
_ALTOGETHER = re.compile(
    r"\b(?:altogether|all\s+together|in\s+total|total|combined|all\s+told)\b", re.I
)


# "in miles", "into hours", "to kg": a unit a figure is asked in.
_IN_UNIT = re.compile(r"\b(?:in|into|to|as)\s+([a-z]+(?:/[a-z]+)?)\b", re.I)


def _unit_asked_of_table(words: str, table: Table) -> str | None:
    """The unit a figure of the table is asked in when no column is in it ("in miles" of a
    km column), else None."""
    named = {w for c in table.columns for w in re.findall(r"[a-z]+", c.lower())}
    for match in _IN_UNIT.finditer(words.lower()):
        unit = match.group(1)
        if names_unit(unit) and unit not in named:
            return unit
    return None


def _counted_column(prose: str, table: Table, numeric: list[str]) -> str | None:
    """The numeric column "how many" names ("how many points" of a points column), else
    None: what is counted is then an amount the column holds, not the rows."""
    match = _HOW_MANY.search(prose)
    if match is None:
        return None
    named = _mentioned_columns(match.group(1), table.columns)
    return named[0] if named and named[0] in numeric else None


# Amounts "how many" may ask of a table that are not things its rows are.
_MEASURES = frozenset(
    re.findall(
        r"\w+",
        """calories calorie kcal km kilometres kilometers miles metres meters kilos kilograms
        kg grams litres liters hours minutes seconds points goals steps euros dollars pounds""",
    )
)


def _counts_a_measure(prose: str) -> bool:
    match = _HOW_MANY.search(prose)
    return match is not None and match.group(1).lower() in _MEASURES


def _counts_rows(text: str) -> bool:
    return choose_headline(text).operation == "count"


def _correlation(table: Table, mentioned: list[str], numeric: list[str]) -> StepResult:
    pair = (mentioned + [c for c in numeric if c not in mentioned])[:2]
    if len(pair) < 2:
        raise AgentInputError("Correlation needs two numeric columns.")
    pairs = [(parse_number(row.get(pair[0])), parse_number(row.get(pair[1]))) for row in table.rows]
    xs = [x for x, y in pairs if x is not None and y is not None]
    ys = [y for x, y in pairs if x is not None and y is not None]
    r = correlation(xs, ys)
    strength = "strong" if abs(r) >= 0.7 else "moderate" if abs(r) >= 0.4 else "weak"
    direction = "positive" if r > 0 else "negative" if r < 0 else "no"
    text = (
        f"**Correlation (Pearson r) between {pair[0]} and {pair[1]}: {r:.4f}** "
        f"({strength} {direction} relationship, n = {len(xs)})."
    )
    return StepResult(
        text=text,
        data={
            "operation": "correlation",
            "result": r,
            "columns": pair,
            "n": len(xs),
            "strength": strength,
            "direction": direction,
            "confidence": 1.0,
        },
    )


def _as_number(value: float) -> float | int:
    return int(value) if value.is_integer() and abs(value) < 2**53 else value

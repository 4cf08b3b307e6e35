"""Requests that ask two or three things of one statement, each ask answered in turn.

"paying 289 a month for 48 months on an 11,500 loan. total repaid, and how much of that is
interest", "a 1 kg bag of beans, 18 g a shot, 3 shots a day: how many days does it last and
what's the cost per shot": the readers of the analyst each read a statement and ONE
question. When the request as a whole is not read, its question is parted where a new ask
starts (", and how ...", "? what ...", "; ..."), and each ask is answered on the statement
as the whole request would be. An ask that speaks of the one before ("how much of that is
interest", "and what's that per month") is answered on that ask's result alone, said in
its place. Every ask must be answered, or none is: half an answer would leave the rest
silently unanswered.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from orchestra.agents.analyst.calculator import format_number
from orchestra.agents.protocol import AgentInputError, StepResult

__all__ = [
    "PERIOD_OF_WORD",
    "answer_in_turn",
    "asks_of",
    "asks_per_period_unsaid",
    "elliptic_asks",
    "statement_and_questions",
]

# Where a new ask starts: after a comma, semicolon, question mark or full stop, or "and", before a
# question's word; or after ", and" whatever follows ("volume in m³, and tonnes at 1.6 t").
_ASK_BREAK = re.compile(
    r"(?:\s*[,;?.]\s*(?:and\s+)?(?:then\s+)?|\s+and\s+(?:then\s+)?|\s+(?:plus|also)\s+)"
    r"(?=(?:how|what|what's|whats|wats|which|is\s+that|does\s+that)\b)"
    r"|\s*,\s*and\s+(?:also\s+)?",
    re.I,
)
# An ask that speaks of the result of the one before it.
_OF_THE_LAST = re.compile(r"\b(?:that|it|this|the\s+result|the\s+total)\b", re.I)
# A question's words alone name no ask: "and what", "how much".
_EMPTY = re.compile(r"^\s*(?:and\s+)?(?:how\s+(?:much|many)|what|whats|what's)?\s*[?.!]*\s*$", re.I)


# Where the statement ends and the questions start: the first piece of the request, after
# a sentence's end, a comma or a dash, that starts with a question's word.
_QUESTION_START = re.compile(
    r"(?:(?<=[.?!:,;])\s+|\s+[-\u2013\u2014]\s+)(?=(?:so\s+)?(?:how|what|what's|whats|wats|"
    r"which)\b)",
    re.I,
)


def statement_and_questions(text: str) -> tuple[str, str] | None:
    """The statement of a request and its questions, parted at the first question."""
    start = _QUESTION_START.search(text)
    if start is None or not start.start():
        return None
    return text[: start.start()].strip(" ,;.-\u2013\u2014"), text[start.end() :].strip()


# "how much malt in kg and hops in g": a second ask said without its question's words,
# which are the first ask's.
_ELLIPTIC = re.compile(
    r"^(?P<lead>[^?]*?[,:;.]\s+|\s*)(?P<how>how\s+(?:much|many))\s+"
    r"(?P<first>[a-z][a-z ]{0,30}?\s+in\s+[a-z]+)\s+"
    r"and\s+(?!how\b|what\b)(?P<second>[a-z][a-z ]{0,30}?\s+in\s+[a-z]+)\s*[?.!]*\s*$",
    re.I,
)


# "earnings and per hour", "total, and per head": a figure, then the same figure per a unit.
_ELLIPTIC_RATE = re.compile(
    r"^(?P<first>[a-z][a-z ]{0,30}?)\s*,?\s+and\s+(?P<rate>(?:per|an?|each)\s+[a-z]+)\s*[?.!]*\s*$",
    re.I,
)


def elliptic_asks(question: str) -> list[str] | None:
    """The two asks of "how much malt in kg and hops in g", each with the question's words
    (and what is said before them: "scaling to 15 litres, "), or of "earnings and per
    hour" (the earnings, and the earnings per hour); else None."""
    rate = _ELLIPTIC_RATE.match(question.strip())
    if rate is not None:
        return [rate["first"], f"{rate['first']} {rate['rate']}"]
    said = _ELLIPTIC.match(question)
    if said is None:
        return None
    lead = said["lead"].strip()
    lead = f"{lead} " if lead else ""
    return [f"{lead}{said['how']} {said['first']}", f"{lead}{said['how']} {said['second']}"]


def asks_of(question: str) -> list[str] | None:
    """The asks of ``question`` in order, when it makes two or three; else None."""
    elliptic = elliptic_asks(question)
    if elliptic is not None:
        return elliptic
    asks = [a.strip(" ,;.") for a in _ASK_BREAK.split(question)]
    if not 2 <= len(asks) <= 3 or any(_EMPTY.match(a) for a in asks):
        return None
    return asks


# What the first ask says before its question's words: "for a 160 l tank how many ...".
_LEAD = re.compile(
    r"^(?P<lead>(?:(?!\b(?:how|what|what's|whats|which)\b)[^?])+?)[\s,;:-]+"
    r"(?=(?:how|what|what's|whats|which)\b)",
    re.I,
)


Answer = Callable[[str], StepResult]


# "how many minutes", "the weight in kg": the unit an ask names for its answer.
_UNIT_NAMED = re.compile(
    r"\bhow\s+many\s+(?P<many>[a-z]+)|\bin\s+(?P<within>[a-z]+)\s*[?.!]*$", re.I
)


def _unit_asked(ask: str) -> str:
    """ " minutes" when ``ask`` asks "how many minutes": said after its answer in the next
    ask ("and how many hours is that": "178 minutes"), else ""."""
    # Imported here: the units solver reads asks with this module's parting of them.
    from orchestra.agents.analyst.quantities import unit_of

    named = _UNIT_NAMED.search(ask)
    word = (named.group("many") or named.group("within")).lower() if named else ""
    return f" {word}" if word and unit_of(word) is not None else ""


def answer_in_turn(context: str, question: str, answer: Answer) -> StepResult | None:
    """Each ask of ``question`` answered on ``context`` by ``answer`` (the analyst's reading
    of one instruction), or None unless every one of them is."""
    asks = asks_of(question)
    if asks is None:
        return None
    lead = _LEAD.match(asks[0])
    if lead is not None and re.search(r"\d", lead["lead"]):
        # "for a 160 l tank how many cm of fish, and how many 4 cm tetras": what is said
        # before the first ask is said of them all.
        context = f"{context.rstrip(' .')}. {lead['lead'].strip(' ,;:-')}."
        asks = [asks[0][lead.end() :], *asks[1:]]
    # The statement as a sentence, as the planner writes it ("its 5.4 kg. Task: ...").
    context = f"{context.rstrip(' .')}."
    steps: list[dict[str, Any]] = []
    lines: list[str] = []
    last: float | None = None
    unit = ""
    for ask in asks:
        ask = _unit_alone_asked(ask)
        if last is not None and _OF_THE_LAST.search(ask):
            # "what's 15% of that": the last ask's result, said in its place, alone or on the
            # statement ("how much of that is interest" needs the loan too).
            said = _OF_THE_LAST.sub(f"{format_number(last)}{unit}", ask, count=1)
            result = _answered(said, answer) or _answered(
                f"Context: {context} Task: {said}", answer
            )
        else:
            result = _answered(f"Context: {context} Task: {ask}", answer)
        if result is None:
            return None
        shown = result.data.get("steps") or [
            {"expression": result.data.get("expression", ask), "result": result.data["result"]}
        ]
        steps.extend(shown)
        last = float(result.data["result"])
        unit = _unit_asked(ask)
        expression = result.data.get("expression", "")
        lines.append(f"{len(lines) + 1}. {ask}: {expression} = {format_number(last)}")
    return StepResult(
        text=f"**Result: {format_number(last or 0.0)}**\n\n" + "\n".join(lines),
        data={
            "operation": "calculation",
            "expression": steps[-1].get("expression", ""),
            "result": last,
            "formatted": format_number(last or 0.0),
            "steps": steps,
            "asks": asks,
        },
    )


def _unit_alone_asked(ask: str) -> str:
    """ "how many litres" for an ask that names a unit alone ("litres, and how many tins"):
    the amount in it is what is asked; any other ask as it is."""
    from orchestra.agents.analyst.quantities import unit_of

    word = ask.strip(" ?.!")
    if re.fullmatch(r"(?:and\s+)?[a-z0-9]+", word, re.I) and unit_of(word.split()[-1]):
        return f"how many {word.split()[-1].lower()}"
    return ask


def _answered(instruction: str, answer: Answer) -> StepResult | None:
    """The answer to one instruction when it is one number, or None."""
    try:
        result = answer(instruction)
    except AgentInputError:
        return None
    value = result.data.get("result")
    if result.data.get("operation") != "calculation" or isinstance(value, bool):
        return None
    return result if isinstance(value, int | float) else None


# "profit per day?", "a week", "monthly": a figure asked for each of a period.
_PERIOD_ASKED = re.compile(
    r"\b(?:per|a|an|each|every)\s+(?P<noun>hour|day|night|shift|week|fortnight|month|year)\b|"
    r"\b(?P<adverb>hourly|daily|nightly|weekly|fortnightly|monthly|yearly|annual(?:ly)?)\b",
    re.I,
)
# The period a word of one names: "daily" a day, "pcm" a month, "per annum" a year.
PERIOD_OF_WORD = {"hourly": "hour", "daily": "day", "nightly": "night", "weekly": "week",
                  "fortnightly": "fortnight", "monthly": "month", "yearly": "year",
                  "annual": "year", "annually": "year", "annum": "year", "pa": "year",
                  "pcm": "month", "pw": "week"}  # fmt: skip
_ADVERB_OF_PERIOD = {"day": "daily", "hour": "hourly", "night": "nightly", "week": "weekly",
                     "fortnight": "fortnightly", "month": "monthly", "year": "yearly|annual",
                     "shift": "shift"}  # fmt: skip


def asks_per_period_unsaid(statement: str, question: str) -> bool:
    """Whether ``question`` asks a figure for each of a period that ``statement`` never
    speaks of: "sales 500, costs 320. profit per day?" would need the number of days, and
    the amounts' difference is no answer to it. "sales 500 a day ... profit per day?" and
    "daily takings 500 ... profit a day" speak of it."""
    for asked in _PERIOD_ASKED.finditer(question):
        adverb = (asked.group("adverb") or "").lower()
        period = asked.group("noun").lower() if asked.group("noun") else PERIOD_OF_WORD[adverb]
        said = rf"\b(?:{period}s?|{_ADVERB_OF_PERIOD[period]})\b"
        if not re.search(said, statement, re.I):
            return True
    return False

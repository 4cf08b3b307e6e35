"""Marks and shares of a whole: what a person scored, weighted, needed or attended.

"Coursework counts 40% and the exam 60%. I got 72 in the coursework. What do I need in
the exam to get 65 overall?": (65 - 72 * 40 / 100) / (60 / 100); "68 (20 credits), 74 (20
credits) and 59 (40 credits), average weighted by credits": the sum of each mark times its
credits over the credits; "missed 9 days out of 190, attendance %?": (190 - 9) / 190 * 100;
"18/25, 22/30 and 41/50, the percentage for each": each mark over its maximum, in percent;
"34/40 on paper 1, 27/35 on paper 2 ... as a % overall": the marks together over the marks
possible; "paper is out of 80 and the boundary is 61%. how many marks is that": 61% of 80.
Each is read only when the request says every number it needs and nothing besides, so no
number is guessed at or left out.
"""

from __future__ import annotations

import re

from orchestra.agents.analyst.wording import Node, Num, Op

__all__ = ["read_marks"]

_AMOUNT = r"\d+(?:\.\d+)?"
_ANY_NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+)?(?![\w.]*\d)")
_DETERMINER = r"(?:(?:the|my|his|her|their|our|your)\s+)?"


def _num(text: str) -> Num:
    return Num(float(text), text)


def _percent_of(value: Node, weight: Num) -> Node:
    return Op("*", value, Op("/", weight, Num(100, "100")))


def _numbers(text: str) -> list[float]:
    return [float(m.group(0)) for m in _ANY_NUMBER.finditer(text)]


def _same_noun(a: str, b: str) -> bool:
    a, b = a.lower(), b.lower()
    return a == b or a.removesuffix("s") == b.removesuffix("s")


# --- the mark needed in the rest of a course -------------------------------------------

# "coursework counts 40%", "the exam is worth 60%", "and the exam 60%", "exam: 60%".
_WEIGHT_AFTER = re.compile(
    rf"\b(?P<name>[a-z]+)\s*(?::\s*|\s+(?:counts?(?:\s+for)?|is\s+worth|worth|weighs|is|"
    rf"makes\s+up|carries)\s+|\s+)(?P<pct>{_AMOUNT})\s*%",
    re.I,
)
# "40% coursework and 60% exam", "60% for the exam".
_WEIGHT_BEFORE = re.compile(
    rf"(?<![\d.])(?P<pct>{_AMOUNT})\s*%\s+(?:(?:is|for|on)\s+)?(?:the\s+)?(?P<name>[a-z]+)", re.I
)
_NOT_NAMES = frozenset({"and", "the", "is", "of", "for", "counts", "worth", "a", "an", "it"})
# "I got 72 in the coursework", "scored 72% on coursework".
_MARK = re.compile(
    rf"\b(?:got|scored|have|had|averaged|achieved|am\s+on|i'?m\s+on)\s+(?:an?\s+)?"
    rf"(?P<mark>{_AMOUNT})\s*%?\s+(?:in|on|for)\s+{_DETERMINER}(?P<name>[a-z]+)",
    re.I,
)
# "what do I need in the exam to get 65 overall", "how much do i need on the exam to end up
# with 70".
_NEEDED = re.compile(
    rf"\b(?:what|how\s+much)\s+(?:mark\s+|score\s+)?(?:do|would|will|does|should)\s+"
    rf"(?:i|we|he|she|they)\s+need\s+(?:to\s+(?:get|score)\s+)?(?:in|on|for)\s+{_DETERMINER}"
    rf"(?P<name>[a-z]+)\s+to\s+(?:get|end\s+up\s+with|finish\s+with|reach|achieve|hit|pass\s+"
    rf"with)\s+(?:an?\s+)?(?P<target>{_AMOUNT})\s*%?\s*(?:overall|in\s+total|final|"
    rf"for\s+the\s+(?:module|course|year|class|subject))?\s*[?.!]*\s*$",
    re.I,
)


def _weights(text: str) -> dict[str, Num]:
    found: dict[str, Num] = {}
    for pattern in (_WEIGHT_AFTER, _WEIGHT_BEFORE):
        for match in pattern.finditer(text):
            name = match.group("name").lower()
            if name not in _NOT_NAMES:
                found.setdefault(name, _num(match.group("pct")))
    return found


def _weight_of(name: str, weights: dict[str, Num]) -> Num | None:
    return next((w for n, w in weights.items() if _same_noun(n, name)), None)


def _mark_needed(text: str) -> tuple[Node, str] | None:
    """The mark needed in the part of a course left for an overall target, or None."""
    asked = _NEEDED.search(text)
    if asked is None:
        return None
    stated = text[: asked.start()]
    marks = list(_MARK.finditer(stated))
    weights = _weights(stated)
    if len(marks) != 1 or len(weights) != 2:
        return None
    mark = marks[0]
    done = _weight_of(mark.group("name"), weights)
    left = _weight_of(asked.group("name"), weights)
    if done is None or left is None or done is left or done.value + left.value != 100:
        return None  # the weights of the two parts must be the whole grade
    if sorted(_numbers(text)) != sorted(
        [done.value, left.value, float(mark.group("mark")), float(asked.group("target"))]
    ):
        return None  # a number the reading leaves out
    target = _num(asked.group("target"))
    gained = _percent_of(_num(mark.group("mark")), done)
    needed = Op("/", Op("-", target, gained), Op("/", left, Num(100, "100")))
    return needed, f"the mark needed in the {asked.group('name').lower()}"


# --- the mark the last test needs for an average over all of them ---------------------

_COUNTED = r"(?P<count>\d+|two|three|four|five|six|seven|eight|nine|ten)"
_TESTS = r"(?:tests?|exams?|quizz?e?s?|papers?|assessments?|assignments?|essays?|mocks?)"
# "4 tests so far averaging 68", "averaged 68 over 4 tests", "after 5 exams my average is 62".
_AVERAGE_SO_FAR = (
    re.compile(
        rf"(?<![\w.]){_COUNTED}\s+{_TESTS}\s+(?:so\s+far\s+|done\s+|in\s+)?(?:,\s*)?"
        rf"(?:averaging|averaged|with\s+an?\s+average\s+of|at\s+an\s+average\s+of)\s+"
        rf"(?P<average>{_AMOUNT})\b",
        re.I,
    ),
    re.compile(
        rf"\b(?:averaged|averaging|average\s+of)\s+(?P<average>{_AMOUNT})\s*%?\s+"
        rf"(?:over|across|in|on|for)\s+(?:the\s+|my\s+|his\s+|her\s+|their\s+)?"
        rf"(?:first\s+)?{_COUNTED}\s+{_TESTS}\b",
        re.I,
    ),
    re.compile(
        rf"\bafter\s+(?:the\s+first\s+)?{_COUNTED}\s+{_TESTS},?\s+(?:my|his|her|their|our|"
        rf"the)\s+average\s+is\s+(?P<average>{_AMOUNT})\b",
        re.I,
    ),
)
# "to average 72 over all 5", "an average of 75 across all 4 quizzes".
_AVERAGE_OVER_ALL = re.compile(
    rf"\b(?:average|an?\s+average\s+of|a\s+mean\s+of)\s+(?P<target>{_AMOUNT})\s*%?\s+"
    rf"(?:over|across|for|in)\s+(?:all\s+|the\s+)?(?:(?P<total>\d+|two|three|four|five|six|seven|"
    rf"eight|nine|ten)\b(?:\s+{_TESTS})?|{_TESTS}|them)",
    re.I,
)
# "what does he need on the last one", "what do i need in the final exam".
_NEEDS_LAST = re.compile(
    r"\bneeds?\s+(?:to\s+(?:get|score)\s+)?(?:on|in|for)\s+the\s+(?:last|final)\b", re.I
)
# "one left", "one more to go", "one remaining".
_ONE_LEFT = re.compile(r"\b(?:one|1)\s+(?:more\s+)?(?:left|to\s+go|remaining|more)\b", re.I)
_COUNT_WORDS = dict(
    zip("two three four five six seven eight nine ten".split(), range(2, 11), strict=True)  # noqa: SIM905
)


def _counted(word: str) -> int:
    return _COUNT_WORDS.get(word.lower()) or int(word)


def _mark_for_average_so_far(text: str) -> tuple[Node, str] | None:
    """ "4 tests so far averaging 68, one left. what does he need on the last one to average
    72 over all 5": the target times all the tests, less the average so far times the tests
    done, 72 * 5 - 68 * 4; None unless only one test is left and no other number is said."""
    so_far = next((m for p in _AVERAGE_SO_FAR if (m := p.search(text)) is not None), None)
    wanted = _AVERAGE_OVER_ALL.search(text)
    if so_far is None or wanted is None or not _NEEDS_LAST.search(text):
        return None
    done = _counted(so_far.group("count"))
    if wanted.group("total"):
        total = _counted(wanted.group("total"))
    elif _ONE_LEFT.search(text):
        total = done + 1
    else:
        return None  # "over all of them" with no word of how many are left
    if total != done + 1:
        return None  # more than one test left: what each needs is not one mark
    said = [float(so_far.group("average")), float(wanted.group("target"))]
    said += [float(n) for n in (so_far.group("count"), wanted.group("total") or "") if n.isdigit()]
    spoken = re.sub(r"\b(?:last|final|next)\s+1\b", " ", text, flags=re.I)  # "the last 1"
    if sorted(_numbers(spoken)) != sorted(said):
        return None  # a number the reading leaves out
    all_marks = Op("*", _num(wanted.group("target")), Num(float(total), str(total)))
    got = Op("*", _num(so_far.group("average")), Num(float(done), str(done)))
    return Op("-", all_marks, got), "the mark needed on the last one for the average wanted"


# --- an average weighted by what each mark is worth ------------------------------------

# "68 (20 credits)", "74% (30%)": a mark and, in brackets, what it is worth.
_WEIGHTED_ITEM = re.compile(
    rf"(?<![\w.])(?P<value>{_AMOUNT})\s*%?\s*\(\s*(?P<weight>{_AMOUNT})\s*"
    r"(?P<unit>%|[a-z]+)\s*\)",
    re.I,
)
_ASKS_WEIGHTED = re.compile(
    r"\bweighted\s+(?:average|mean)\b|\b(?:average|mean)\s+weighted\s+by\s+(?P<by>[a-z]+)\b|"
    r"\b(?:average|mean)\b[^.?!]*\bweight(?:ed|ing)?\s+by\s+(?P<by2>[a-z]+)\b",
    re.I,
)


def _weighted_average(text: str) -> tuple[Node, str] | None:
    """The average of marks weighted by what each is said to be worth, or None."""
    asked = _ASKS_WEIGHTED.search(text)
    items = list(_WEIGHTED_ITEM.finditer(text))
    if asked is None or len(items) < 2:
        return None
    units = {m.group("unit").lower().removesuffix("s") for m in items}
    by = (asked.group("by") or asked.group("by2") or "").lower()
    if len(units) != 1 or (by and not _same_noun(by, units.pop())):
        return None  # weights of different kinds, or weighted by something else
    said = [float(m.group(n)) for m in items for n in ("value", "weight")]
    if sorted(_numbers(text)) != sorted(said):
        return None  # a number the reading leaves out
    products: Node | None = None
    weights: Node | None = None
    for match in items:
        product = Op("*", _num(match.group("value")), _num(match.group("weight")))
        products = product if products is None else Op("+", products, product)
        weight = _num(match.group("weight"))
        weights = weight if weights is None else Op("+", weights, weight)
    if products is None or weights is None or not any(float(m.group("weight")) for m in items):
        return None
    return Op("/", products, weights), "the weighted average"


# --- attendance ---------------------------------------------------------------------------

# "missed 9 days out of 190", "was absent for 6 of the 38 lessons".
_MISSED = re.compile(
    rf"\b(?:missed|skipped|was\s+(?:absent|off)(?:\s+for)?|were\s+(?:absent|off)(?:\s+for)?)\s+"
    rf"(?P<missed>{_AMOUNT})\s+(?:(?P<noun>[a-z]+)\s+)?(?:out\s+of|of)\s+(?:the\s+)?"
    rf"(?P<total>{_AMOUNT})\b",
    re.I,
)
_ASKS_ATTENDANCE = re.compile(
    r"\battendance\b(?:\s+(?:%|percent(?:age)?|rate|figure|record))?|"
    r"\b(?:what|which)\s+(?:%|percent(?:age)?)\s+(?:of\s+(?:the\s+)?[a-z]+\s+)?(?:did|was|were)\s+"
    r"(?:i|he|she|they|we)\s+(?:attend|in|there|present)\b",
    re.I,
)


def _attendance(text: str) -> tuple[Node, str] | None:
    """The share attended, in percent, of a number missed out of a total, or None."""
    missed = _MISSED.search(text)
    if missed is None or _ASKS_ATTENDANCE.search(text[missed.end() :]) is None:
        return None
    absent, total = _num(missed.group("missed")), _num(missed.group("total"))
    if total.value <= 0 or absent.value > total.value or len(_numbers(text)) != 2:
        return None
    attended = Op("/", Op("-", total, absent), total)
    return Op("*", attended, Num(100, "100")), "the attendance in percent"


# --- each mark as a percentage --------------------------------------------------------------

# "34/40", "34 out of 40": a mark over the most it could be.
_FRACTION = re.compile(
    rf"(?<![\w./])(?P<got>{_AMOUNT})(?:\s*/\s*|\s+out\s+of\s+)(?P<of>{_AMOUNT})(?![\w/]|\.\d)",
    re.I,
)
# "what's the percentage for each", "as percentages", "each as a %".
_ASKS_EACH_PERCENT = re.compile(
    r"\b(?:percent(?:age)?s?|%)\s+(?:for|of|on)\s+(?:each|every|all)\b|"
    r"\beach\b[^.?!]*\b(?:as|in|into)\s+(?:an?\s+)?(?:percent(?:age)?s?|%)|"
    r"\b(?:as|in|into)\s+percent(?:age)?s\b|\bpercent(?:age)?s\s+(?:of|for)\s+(?:them|those|these)\b",
    re.I,
)
# One figure of the marks together is not each one's percentage.
_TOGETHER = re.compile(r"\b(?:overall|total|altogether|combined|average|mean|in\s+all)\b", re.I)


def _each_as_percent(text: str) -> tuple[tuple[Node, str], ...] | None:
    """Each mark said as "got/out of" in percent, when that is asked of each, or None."""
    fractions = list(_FRACTION.finditer(text))
    if len(fractions) < 2 or not _ASKS_EACH_PERCENT.search(text) or _TOGETHER.search(text):
        return None
    said = [float(m.group(n)) for m in fractions for n in ("got", "of")]
    # "on my three quizzes" (spelt "3 quizzes"): how many marks there are, no mark.
    counted = re.sub(rf"(?<![\w./]){len(fractions)}\s+(?=[a-z])", " ", text, count=1, flags=re.I)
    if sorted(_numbers(counted)) != sorted(said):
        return None  # a number the reading leaves out
    if any(
        float(m.group("of")) <= 0 or float(m.group("got")) > float(m.group("of")) for m in fractions
    ):
        return None  # more than the whole: no mark out of it, maybe a date or a ratio
    return tuple(
        (
            Op("*", Op("/", _num(m.group("got")), _num(m.group("of"))), Num(100, "100")),
            f"{m.group('got')}/{m.group('of')} in percent",
        )
        for m in fractions
    )


# "as a % overall", "percentage in total": one percentage of the marks pooled. (An average
# of the marks' percentages is another figure: "average" and "mean" are not read here.)
_ASKS_POOLED_PERCENT = re.compile(
    r"(?:\bpercent(?:age)?\b|%)[^.?!]*\b(?:overall|in\s+total|altogether|combined|in\s+all)\b"
    r"|\b(?:overall|total|combined)\s+(?:percent(?:age)?|%)",
    re.I,
)
# "on paper 1", "in test 2": the number names the paper, it is no mark.
_NAMED_BY_NUMBER = re.compile(
    r"\b(?:paper|test|exam|quiz|unit|module|section|assignment|part|question|q|grade|level|"
    r"year|band)\s*\d+\b(?!\s*(?:%|out\s+of\b|/))",
    re.I,
)


def _pooled_percent(text: str) -> tuple[Node, str] | None:
    """ "34/40 on paper 1, 27/35 on paper 2. add the marks together - what's that as a %
    overall": the marks over the marks possible, in percent, or None."""
    fractions = list(_FRACTION.finditer(text))
    if len(fractions) < 2 or not _ASKS_POOLED_PERCENT.search(text):
        return None
    if re.search(r"\b(?:average|mean|each)\b", text, re.I):
        return None
    said = [float(m.group(n)) for m in fractions for n in ("got", "of")]
    if sorted(_numbers(_NAMED_BY_NUMBER.sub(" ", text))) != sorted(said):
        return None  # a number the reading leaves out
    if any(float(m.group("got")) > float(m.group("of")) for m in fractions):
        return None
    got: Node = _num(fractions[0].group("got"))
    out_of: Node = _num(fractions[0].group("of"))
    for m in fractions[1:]:
        got, out_of = Op("+", got, _num(m.group("got"))), Op("+", out_of, _num(m.group("of")))
    return Op("*", Op("/", got, out_of), Num(100, "100")), "the marks together in percent"


# "what % is that", "as a percentage?": one mark's share of its whole, asked of it.
_ASKS_ONE_PERCENT = re.compile(
    r"\bwhat\s+(?:percent(?:age)?|%)\s+(?:is|was|are)\s+(?:that|it|this)\b"
    r"|\b(?:as|in)\s+(?:an?\s+)?(?:percent(?:age)?|%)\s*[?.!]*\s*$",
    re.I,
)


# "missed 3 out of 12", "got 4 wrong out of 20": the number said is what was not got.
_NOT_GOT = re.compile(
    r"\b(?:missed|miss|lost|lose|wrong|failed|fail|dropped|skipped|absent|incorrect)\b", re.I
)


def _one_as_percent(text: str) -> tuple[Node, str] | None:
    """ "grade 7 boundary is 186 out of 240. what % is that": the one mark over its whole,
    in percent, or None. A number naming a grade, paper or year is no value; any other
    number besides the two is, and the reading is then left to others."""
    fractions = [m for m in _FRACTION.finditer(text) if "out" in m.group(0).lower()]
    if len(fractions) != 1 or not _ASKS_ONE_PERCENT.search(text, fractions[0].end()):
        return None
    if _NOT_GOT.search(text):
        return None  # "missed 3 out of 12": the share got is of the rest, not of the 3
    got, of = float(fractions[0].group("got")), float(fractions[0].group("of"))
    if sorted(_numbers(_NAMED_BY_NUMBER.sub(" ", text))) != sorted([got, of]):
        return None  # a number the reading leaves out
    if of <= 0 or got > of:
        return None
    share = Op("/", _num(fractions[0].group("got")), _num(fractions[0].group("of")))
    return Op("*", share, Num(100, "100")), "the mark in percent of the whole"


# "paper is out of 80", "the exam is out of 120": the marks possible, said alone.
_OUT_OF_ALONE = re.compile(
    r"(?<![\d.]\s)(?<![\d.])\bout\s+of\s+(?P<of>\d+(?:\.\d+)?)\b(?!\s*%)", re.I
)
_PERCENT_SAID = re.compile(r"(?<![\w.])(?P<pct>\d+(?:\.\d+)?)\s*(?:%|percent\b|per\s+cent\b)", re.I)
_ASKS_MARKS = re.compile(r"\bhow\s+many\s+marks\b", re.I)


def _marks_for_percent(text: str) -> tuple[Node, str] | None:
    """ "paper is out of 80 and the grade 7 boundary is 61%. how many marks is that": the
    percentage of the marks possible, or None. A number naming a grade, paper or year is no
    value; any other number besides the two is, and the reading is then left to others."""
    whole, percent = _OUT_OF_ALONE.search(text), _PERCENT_SAID.search(text)
    if whole is None or percent is None or not _ASKS_MARKS.search(text):
        return None
    of, pct = float(whole.group("of")), float(percent.group("pct"))
    if sorted(_numbers(_NAMED_BY_NUMBER.sub(" ", text))) != sorted([of, pct]):
        return None  # a number the reading leaves out
    if of <= 0 or pct > 100:
        return None
    share = Op("/", _num(percent.group("pct")), Num(100, "100"))
    return Op("*", share, _num(whole.group("of"))), "the marks for the percentage"


def read_marks(context: str | None, text: str) -> tuple[tuple[Node, str], ...] | None:
    """The expressions and labels of a mark needed, a weighted average, an attendance or
    marks in percent that the request (``context`` then ``text``) states and asks; None
    when it asks none of them."""
    whole = f"{context} {text}" if context is not None else text
    each = _each_as_percent(whole)
    if each is not None:
        return each
    for reader in (
        _mark_needed,
        _mark_for_average_so_far,
        _weighted_average,
        _attendance,
        _pooled_percent,
        _one_as_percent,
        _marks_for_percent,
    ):
        found = reader(whole)
        if found is not None:
            return (found,)
    return None

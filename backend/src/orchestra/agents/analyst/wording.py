"""Reading a numeric request written in words: which computation, on which numbers, how sure.

"What is 144 divided by 12, plus 3?" becomes ``144 / 12 + 3``; "the average of the result
of step s1 and 10" becomes ``mean(s1, 10)``; "Take 250, subtract 15%, then add 20" becomes
three clauses, each working on the value of the one before. The usual precedence holds
(times before plus), and a comma before an operator closes what came before it, as the
sentence says it ("2 plus 3, times 4" is 20).

Every word and number of the request is accounted for. A number the reading does not use,
a word it does not understand inside the arithmetic, or a qualifier it cannot apply
("the three biggest", "excluding") lowers the `Reading.confidence`; callers refuse to
answer below `CONFIDENCE_THRESHOLD` rather than compute on a guess.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from orchestra.english import is_word

__all__ = [
    "AND_A_PART",
    "CONFIDENCE_THRESHOLD",
    "DAILY_TIMES_DAYS",
    "MIXED_NUMBER",
    "Call",
    "Name",
    "Node",
    "Num",
    "Op",
    "Reading",
    "decimal_comma",
    "factorial_sign",
    "mixed_number",
    "read_numeric_request",
    "render",
    "spell_thousands",
    "whole_and_part",
    "without_scale_maximum",
]

CONFIDENCE_THRESHOLD = 0.6
"""Below this a reading is not trusted: the step fails and says what was understood."""

# How much a doubt costs. A number left unused costs everything: a result must never
# leave out part of what was asked, nor use numbers that were not.
_UNKNOWN_INSIDE = 0.45
_UNKNOWN_OUTSIDE = 0.12
_QUALIFIER = 0.5
_TYPO = 0.05
_UNUSED_INPUT = 0.3

# --- the expression tree ------------------------------------------------------------------


@dataclass(frozen=True)
class Num:
    """A number as the user wrote it."""

    value: float
    text: str


@dataclass(frozen=True)
class Name:
    """A named value: an earlier step's result (``s1``) or an unknown name."""

    name: str


@dataclass(frozen=True)
class Op:
    """A binary operation; ``symbol`` is one of + - * / // % **."""

    symbol: str
    left: Node
    right: Node


@dataclass(frozen=True)
class Neg:
    """A negated operand."""

    operand: Node


@dataclass(frozen=True)
class Call:
    """A function or aggregate applied to arguments (``mean(3, 5, 10)``)."""

    function: str
    args: tuple[Node, ...]


Node = Num | Name | Op | Neg | Call

_PRECEDENCE = {"+": 1, "-": 1, "*": 2, "/": 2, "//": 2, "%": 2, "**": 4}


def render(node: Node, names: Callable[[str], str] | None = None) -> str:
    """The expression as text, with the fewest parentheses that keep its meaning.

    Args:
        node: The expression.
        names: How to show a name (default: the name itself), e.g. its value.
    """

    def show(item: Node, parent: int = 0, right: bool = False) -> str:
        if isinstance(item, Num):
            return item.text
        if isinstance(item, Name):
            return names(item.name) if names else item.name
        if isinstance(item, Neg):
            return f"-{show(item.operand, 3)}"
        if isinstance(item, Call):
            return f"{item.function}({', '.join(show(a) for a in item.args)})"
        level = _PRECEDENCE[item.symbol]
        if item.symbol == "**":
            text = f"{show(item.left, level + 1)} ** {show(item.right, level, True)}"
        else:
            text = f"{show(item.left, level)} {item.symbol} {show(item.right, level, True)}"
        tight = level < parent or (level == parent and right and item.symbol != "**")
        return f"({text})" if tight else text

    return show(node)


# --- the reading ------------------------------------------------------------------------


@dataclass(frozen=True)
class Clause:
    """One computation of a request: its words and its expression."""

    text: str
    expression: Node


@dataclass(frozen=True)
class Reading:
    """What a numeric request asks for, and how sure the reading is.

    Attributes:
        clauses: The computations in the order the request says them; each later one
            may use the value of the one before (already inlined in its expression).
        figures: When the request asks for figures of one list of numbers ("the mean
            and median of ..."), their aggregate names, else empty.
        values: The list those figures are about, else empty.
        references: Names of earlier steps' results the expressions use.
        confidence: 0..1; below `CONFIDENCE_THRESHOLD` the reading must not be used.
        doubts: Why the confidence is below 1, for people.
        unread: The words and numbers that were not understood.
    """

    clauses: tuple[Clause, ...]
    figures: tuple[str, ...] = ()
    values: tuple[Node, ...] = ()
    references: tuple[str, ...] = ()
    confidence: float = 1.0
    doubts: tuple[str, ...] = ()
    unread: tuple[str, ...] = ()

    @property
    def expression(self) -> Node | None:
        """The expression of the last clause: the answer asked for."""
        return self.clauses[-1].expression if self.clauses else None

    @property
    def trusted(self) -> bool:
        """Whether the reading may be computed."""
        return bool(self.clauses) and self.confidence >= CONFIDENCE_THRESHOLD

    @property
    def counts_numbers(self) -> bool:
        """Whether it answers how many numbers there are, as a figure or inside arithmetic
        ("count(1, 3 / 4)")."""
        calls = (c for clause in self.clauses for c in _calls(clause.expression))
        return "count" in self.figures or any(call.function == "count" for call in calls)

    def understood(self) -> str:
        """What the reading understood, in one line for people."""
        if not self.clauses:
            return "nothing to compute"
        return "; then ".join(render(c.expression) for c in self.clauses)


# --- tokens -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Token:
    """A number, percentage, ordinal, reference, symbol or word of the request."""

    kind: str  # num pct ord ref sym word end comma colon
    text: str
    value: float = 0.0


_NUMBER_WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}

_TOKEN_RE = re.compile(
    r"(?P<ref>\u27e8(?P<refname>[A-Za-z0-9_.-]+)\u27e9)"
    r"|(?P<num>(?:\d{1,3}(?:,\d{3})+(?!\d|,\d)|\d+)(?:\.\d+)?(?:e[-+]?\d+)?|\.\d+)"
    # "4.1kg" is not 4 then ".1kg": a number against letters is no number, not its digits
    # before the point.
    r"(?P<suffix>st|nd|rd|th)?(?![a-z]|\.\d)"
    r"|(?P<sym>\*\*|//|[-+*/^()%\u00d7\u00f7\u2212=])"
    # "m3", "ps5": digits written against a word's letters are part of it (a power of a
    # unit, a name), no number; "x3" is still times 3.
    # "weigh-ins", "top-ups", "add-ons": a noun made of a verb and its particle, one word
    # (no minus sign, and no "add" asked).
    r"|(?P<word>[a-z]+-(?:ins|ups|outs|offs|ons|downs|overs)\b"
    r"|(?!x\d)[a-z]+(?:'[a-z]+)?(?:\d+(?![\d.,]?\d))?)"
    r"|(?P<comma>,)"
    r"|(?P<colon>:)"
    r"|(?P<end>[.;!?]+|\n\s*\n)"
    r"|(?P<other>\S)",
    re.I,
)
_PERCENT_WORDS = ("percent", "pct", "percentage")
# Blank lines between lines that each hold one number ("12\n18\n\n30"): one list, whose
# last number must not become a clause of its own, asking nothing and left out.
_NUMBER_LINE = r"[ \t]*[-+]?[$\u20ac\u00a3]?\d[\d,]*(?:\.\d+)?%?[ \t]*"
_GAP_IN_NUMBER_LINES = re.compile(rf"(?m)^({_NUMBER_LINE})\n(?:[ \t]*\n)+(?={_NUMBER_LINE}$)")


# "72 bpm, 80 bpm, 76 bpm": one unit said after each listed number is the list's unit, as
# in "72, 80, 76 bpm"; kept after the last number only. Words of arithmetic are no unit.
_REPEATED_UNIT = re.compile(
    r"(\d)\s*(?!(?:times|plus|minus|percent|squared|cubed|and|or|of|to|by|over)\b)"
    r"([a-z]+)\b(?=\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)[-+$\u20ac\u00a3]?\d[\d,]*(?:\.\d+)?\s*\2\b)",
    re.I,
)


def _tokens(text: str) -> list[Token]:
    """Tokens of a lower-cased request; "15 percent" and "15%" are one percentage token."""
    text = _GAP_IN_NUMBER_LINES.sub(lambda m: m.group(1) + "\n", text)
    text = _REPEATED_UNIT.sub(r"\1", text)
    raw: list[Token] = []
    for match in _TOKEN_RE.finditer(text):
        if match.group("ref"):
            raw.append(Token("ref", match.group("refname")))
        elif match.group("num"):
            number = match.group("num")
            value = float(number.replace(",", ""))
            kind = "ord" if match.group("suffix") else "num"
            raw.append(Token(kind, number.replace(",", ""), value))
        elif match.group("sym") == "-" and _dash_between_words(text, match, raw):
            raw.append(Token("colon", ":"))
        elif match.group("sym"):
            symbol = {"\u00d7": "*", "\u00f7": "/", "\u2212": "-", "^": "**"}.get(
                match.group("sym"), match.group("sym")
            )
            raw.append(Token("sym", symbol))
        elif match.group("word"):
            raw.append(Token("word", match.group("word").lower()))
        elif match.group("comma"):
            raw.append(Token("comma", ","))
        elif match.group("colon"):
            raw.append(Token("colon", ":"))
        elif match.group("end"):
            raw.append(Token("end", match.group("end")))
        elif match.group("other") in "$\u20ac\u00a3":
            continue  # currency signs say nothing about the arithmetic
        else:
            raw.append(Token("word", match.group("other")))
    # Number words first: "twenty five percent" is one percentage.
    return _merge_percentages(_merge_number_words(raw))


def _dash_between_words(text: str, match: re.Match[str], raw: list[Token]) -> bool:
    """Whether a spaced dash joins two words ("quick q - range of 3, 5"): punctuation, as a
    colon is, and no minus sign on what follows. A word that is itself an operand ("half -
    a third", "the result - half of it") keeps the dash a minus."""
    start, end = match.span()
    before, after = text[:start], text[end:]
    return (
        bool(raw)
        and raw[-1].kind == "word"
        and raw[-1].text not in _FRACTIONS.keys() | _CONSTANT_WORDS | _PRONOUNS | _RESULT_NOUNS
        and before[-1:].isspace()
        and re.match(r"\s+[a-z]", after, re.I) is not None
    )


def _merge_percentages(tokens: list[Token]) -> list[Token]:
    merged: list[Token] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        after = tokens[index + 2] if index + 2 < len(tokens) else None
        if token.kind == "num" and following is not None:
            if following.kind == "sym" and following.text == "%":
                # "7 % 3" is a remainder; "15% of" and "15%" alone are percentages.
                if after is None or after.kind not in ("num", "ref"):
                    merged.append(Token("pct", token.text, token.value))
                    index += 2
                    continue
            elif following.kind == "word" and following.text in _PERCENT_WORDS:
                merged.append(Token("pct", token.text, token.value))
                index += 2
                continue
            elif (
                following.kind == "word"
                and following.text == "per"
                and after is not None
                and after.text == "cent"
            ):
                merged.append(Token("pct", token.text, token.value))
                index += 3
                continue
        merged.append(token)
        index += 1
    return merged


def _merge_number_words(tokens: list[Token]) -> list[Token]:
    """ "twenty five" -> 25, "3 and a half" -> 3.5, "a dozen" -> 12."""
    merged: list[Token] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        words = [t.text for t in tokens[index : index + 4]]
        if words[:2] == ["a", "dozen"]:
            merged.append(Token("num", "12", 12))
            index += 2
            continue
        if words[0] == "a" and words[1:2] and words[1] in _SCALES:
            # "10 percent of a thousand", "a million divided by 4": one of the scale.
            token = Token("word", "one")
            tokens = [*tokens[:index], token, *tokens[index + 1 :]]
        if token.kind == "word" and (token.text in _NUMBER_WORDS or token.text in _SCALES):
            value, used = _number_from_words(tokens, index)
            if used:
                merged.append(Token("num", _plain(value), value))
                index += used
                continue
        if token.text in ("dozen", "dozens") and merged and merged[-1].kind == "num":
            # "two dozen", "0.5 dozen": twelve times the number before.
            value = merged[-1].value * 12
            merged[-1] = Token("num", _plain(value), value)
            index += 1
            continue
        if token.kind == "num" and words[1:2] and words[1] in _SCALES:
            # "1.2 million", "3 thousand": the scale multiplies the digits before it.
            value = token.value * _SCALES[words[1]]
            merged.append(Token("num", _plain(value), value))
            index += 2
            continue
        if (
            token.kind == "num"
            and words[1:4] == ["and", "a", "half"]
            and not (merged and merged[-1].kind == "num")
        ):
            value = token.value + 0.5
            merged.append(Token("num", _plain(value), value))
            index += 4
            continue
        merged.append(token)
        index += 1
    return merged


def _number_from_words(tokens: list[Token], start: int) -> tuple[float, int]:
    total = 0.0
    current = 0.0
    used = 0
    index = start
    while index < len(tokens) and tokens[index].kind == "word":
        word = tokens[index].text
        if word in _NUMBER_WORDS and _adds_to(current, _NUMBER_WORDS[word]):
            current += _NUMBER_WORDS[word]
        elif word in _SCALES and (current or word == "hundred"):
            current = (current or 1) * _SCALES[word]
            if _SCALES[word] > 100:
                total += current
                current = 0
        elif (
            word == "and"
            and used
            and tokens[index - 1].text in _SCALES
            and index + 1 < len(tokens)
            and tokens[index + 1].text in (_NUMBER_WORDS)
        ):
            pass  # "a hundred and five": "and" joins only after a scale word
        else:
            break
        used = index - start + 1
        index += 1
    if used and tokens[start].text == "one" and used == 1:
        # "which one", "one of them": not a number worth reading alone unless it is data.
        following = tokens[start + 1].text if start + 1 < len(tokens) else ""
        if following in {"of", "more", "another"}:
            return 0.0, 0
    return total + current, used


def _adds_to(said: float, word: int) -> bool:
    """Whether a number word goes on the number said so far: "twenty one" is 21 and "one
    hundred five" 105, but "fifteen twenty" or "twelve, fifteen and twenty-one" are several
    numbers: a word adds only units to whole tens, or anything to whole hundreds."""
    below_hundred = said % 100
    return below_hundred == 0 or (word < 10 and below_hundred >= 20 and below_hundred % 10 == 0)


def _plain(value: float) -> str:
    # Every digit counts: "g" alone would keep six ("3.14159" for 3.1415926).
    return str(int(value)) if float(value).is_integer() else f"{value:.15g}"


# --- vocabulary ---------------------------------------------------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Request words that carry no arithmetic: dropped before reading ("then minus another 10%
# of that" is minus 10% of that).
_FILLER = _words(
    """what what's whats is are was were be been the a an please kindly calculate compute
    evaluate determine find get give tell show me us can could would will you i we i'd
    i'm exactly just quick quickly hey hi ok okay so now also let lets let's know need
    want like solve do does did my our your their his her equal equals equal answer
    expression wat wot
    mean? if roughly approximately about work out figure check another"""
) - {"mean?", "if", "about", "figure"}
# Words that describe the material ("the average of these sales figures"): harmless there.
_DESCRIPTIVE_OK = _words(
    """numbers number values value figures figure list data series set items entries
    following these those given below above provided attached column row scores amounts
    totals subtotals here there all of in for from on"""
)
# "this month", "each week": a time the material is of, said in two words.
_TIME_SAID = _words("this each every per")
_PERIOD_NOUNS = _words("day week month year season term quarter shift")
# Words that ask for something this reader cannot apply: never skipped as descriptions.
_QUALIFIERS = _words(
    """top biggest largest smallest highest lowest excluding exclude except without only
    above below over under greater less more fewer between weighted first
    last if when where unless not odd even positive negative nearest ignoring ignore
    besides other remaining instead"""
)
# Unit words after a number that do not change the arithmetic.
_UNITS = _words(
    """dollars dollar usd euros euro eur pounds gbp bucks cents units items pieces people
    persons ways parts friends groups"""
)
_AGGREGATE_WORDS: dict[str, str] = {
    "sum": "sum",
    "total": "sum",
    # "What did I spend altogether?", "their combined weight"
    "altogether": "sum",
    "combined": "sum",
    # "12,40 € / 7,95 € - Summe?": the word for a sum in German, French, Spanish and Dutch,
    # said of amounts written the way those countries write them.
    "summe": "sum",
    "somme": "sum",
    "suma": "sum",
    "totaal": "sum",
    # ... and for a mean (for "media", see `_EVERYDAY`).
    "promedio": "mean",
    "moyenne": "mean",
    "durchschnitt": "mean",
    "gemiddelde": "mean",
    "average": "mean",
    "avg": "mean",
    "mean": "mean",
    "median": "median",
    "mode": "mode",
    "minimum": "min",
    "min": "min",
    "lowest": "min",
    "smallest": "min",
    "maximum": "max",
    "max": "max",
    "highest": "max",
    "largest": "max",
    "biggest": "max",
    "greatest": "max",
    "range": "range",
    "product": "product",
    "count": "count",
    "variance": "variance",
    "stdev": "stdev",
}
# Multiword aggregate names.
_AGGREGATE_PHRASES: tuple[tuple[tuple[str, ...], str], ...] = (
    # "population standard deviation": of every member, divided by n, not n - 1.
    (("population", "standard", "deviation"), "pstdev"),
    (("population", "std", "dev"), "pstdev"),
    (("population", "stdev"), "pstdev"),
    (("population", "variance"), "pvariance"),
    (("sample", "standard", "deviation"), "stdev"),
    (("sample", "std", "dev"), "stdev"),
    (("sample", "variance"), "variance"),
    (("standard", "deviation"), "stdev"),
    (("std", "dev"), "stdev"),
    (("std",), "stdev"),
    # "sample sd": the standard deviation written short, as statisticians write it.
    (("population", "sd"), "pstdev"),
    (("sample", "sd"), "stdev"),
    (("sd",), "stdev"),
    (("count", "how", "many"), "count"),
    (("how", "many"), "count"),
    (("most", "common"), "mode"),
    # How far values lie from their mean: the standard deviation, as the table reader says.
    (("spread",), "stdev"),
    (("most", "frequent"), "mode"),
    (("number", "of"), "count"),
    (("added", "up"), "sum"),
    (("add", "up"), "sum"),
)
_AGGREGATE_NAMES = frozenset(_AGGREGATE_WORDS.values()) | {"percentile", "pstdev", "pvariance"}
_FUNCTION_WORDS = _words(
    "sqrt cbrt abs round log ln log10 log2 exp sin cos tan floor ceil factorial"
)
_CONSTANT_WORDS = _words("pi tau")
# "the top 3", "the first 2", "the last 4" / "the 3 biggest", "the 2 smallest".
_SELECT_FIRST = {"top": "largest", "first": "first", "last": "last", "bottom": "smallest"}
_SELECT_AFTER = {
    "biggest": "largest",
    "largest": "largest",
    "highest": "largest",
    "greatest": "largest",
    "smallest": "smallest",
    "lowest": "smallest",
}
# "the first quartile of ...": the percentile it names.
_QUARTILES = {"first": 25.0, "lower": 25.0, "second": 50.0, "third": 75.0, "upper": 75.0}
_FRACTIONS = {"half": 2.0, "third": 3.0, "quarter": 4.0, "fifth": 5.0, "tenth": 10.0}
_MULTIPLIERS = {"double": 2.0, "twice": 2.0, "triple": 3.0, "thrice": 3.0, "quadruple": 4.0}
_PRONOUNS = _words("it that this them its")
# "half of", "twice", "double" before a list change its values: they name no material and
# are never skipped as its description ("min and max of half of 8, 5, 9" is not of 8, 5, 9).
_CHANGES_VALUES = frozenset(_FRACTIONS) | frozenset(_MULTIPLIERS) | _words("halves thirds quarters")
_RESULT_NOUNS = _words("result answer total sum value figure number amount outcome")
_CHAIN_WORDS = _words("then afterwards finally")
# Words that start a new question ("..., and what's 3 squared?").
_QUESTIONS = _words("what what's whats how calculate compute find give tell")
_CONNECTIVES = _words("and then also so now or")
_TYPO_TARGETS = _words(
    """what whats average calculate compute median divided multiply multiplied subtract
    percent percentage square minus times deviation standard total evaluate maximum
    minimum product difference plus increase decrease"""
)
# Ordinary words one slip from a word above that the English word list leaves out (it
# knows "time", "different", "present": a column named "time" is not "times").
_NOT_SLIPS = _words("wheats mins tyres")
_VERBS = _words(
    """add subtract multiply divide split share double triple halve square cube increase
    raise decrease reduce lower cut round take use"""
)
_GRAMMAR = _words(
    """plus minus times multiplied divided by over of to from and added subtracted into
    squared cubed root power raised decimal decimals places place digits dp whole integer
    with in for difference ratio quotient percent percentage change growth rise drop fall
    mod modulo less x as up off between among across down percentile quartile"""
)
_KNOWN = (
    _FILLER
    | _DESCRIPTIVE_OK
    | _QUALIFIERS
    | _UNITS
    | set(_AGGREGATE_WORDS)
    | _FUNCTION_WORDS
    | _CONSTANT_WORDS
    | set(_FRACTIONS)
    | set(_MULTIPLIERS)
    | _PRONOUNS
    | _RESULT_NOUNS
    | _CHAIN_WORDS
    | _VERBS
    | _GRAMMAR
)


def _close(word: str, target: str) -> bool:
    """Whether ``word`` is one edit from ``target`` (two for long words); a swap is one."""
    if word == target or word[0] != target[0]:
        return False
    limit = 1 if len(target) <= 6 else 2
    if abs(len(word) - len(target)) > limit:
        return False
    before: list[int] = []
    previous = list(range(len(target) + 1))
    for i, a in enumerate(word, 1):
        current = [i]
        for j, b in enumerate(target, 1):
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a != b))
            if i > 1 and j > 1 and a == target[j - 2] and word[i - 2] == b:
                value = min(value, before[j - 2] + 1)
            current.append(value)
        before, previous = previous, current
    return previous[-1] <= limit


def _corrected(tokens: list[Token]) -> tuple[list[Token], list[str]]:
    """Tokens with typos of the arithmetic vocabulary fixed ("avrage" -> "average")."""
    result: list[Token] = []
    notes: list[str] = []
    for token in tokens:
        if (
            token.kind == "word"
            and len(token.text) >= 4
            and token.text not in _KNOWN
            and token.text not in _NOT_SLIPS
            and not is_word(token.text)
        ):
            target = next((t for t in sorted(_TYPO_TARGETS) if _close(token.text, t)), None)
            if target is not None:
                notes.append(f"read '{token.text}' as '{target}'")
                token = Token("word", target)
        result.append(token)
    # "35 percnt" read as "35 percent" is a percentage, as written right would have been.
    return (_merge_percentages(result) if notes else result), notes


def _without_filler(tokens: list[Token]) -> list[Token]:
    """The tokens without request words ("what is", "please calculate", "how much")."""
    words = [t.text for t in tokens]
    drop = {i for i, t in enumerate(tokens) if t.kind == "word" and t.text in _FILLER}
    for index, word in enumerate(words[:-1]):
        if (word, words[index + 1]) in {("how", "much"), ("work", "out"), ("figure", "out")}:
            drop.update((index, index + 1))
    return [t for i, t in enumerate(tokens) if i not in drop]


# --- the parser ---------------------------------------------------------------------------


class _Unreadable(Exception):
    """The words at the cursor do not form the expected part of an expression."""


_INFIX: dict[str, tuple[str, int]] = {
    "+": ("+", 10),
    "plus": ("+", 10),
    "-": ("-", 10),
    "minus": ("-", 10),
    "less": ("-", 10),
    "*": ("*", 20),
    "x": ("*", 20),
    "times": ("*", 20),
    "/": ("/", 20),
    "//": ("//", 20),
    "%": ("%", 20),
    "mod": ("%", 20),
    "modulo": ("%", 20),
    "**": ("**", 30),
}
_INFIX_PHRASES: tuple[tuple[tuple[str, ...], str, int], ...] = (
    (("raised", "to", "power", "of"), "**", 30),
    (("raised", "to", "power"), "**", 30),
    (("to", "power", "of"), "**", 30),
    # "3 to the power 4": "of" is often left out.
    (("to", "power"), "**", 30),
    (("raised", "to"), "**", 30),
    (("multiplied", "by"), "*", 20),
    (("divided", "by"), "/", 20),
    (("added", "to"), "+", 10),
    (("take", "away"), "-", 10),
)
_OPERAND_KINDS = ("num", "pct", "ref", "ord")
# Words that begin an operator: "times", "minus", "divided (by)", "raised (to)".
_INFIX_WORDS = frozenset(w for w in _INFIX if w.isalpha()) | {p[0][0] for p in _INFIX_PHRASES}


@dataclass
class _Parser:
    """A Pratt parser over the tokens of one clause; records which tokens it used."""

    tokens: list[Token]
    previous: Node | None
    position: int = 0
    material: Sequence[Node] = ()
    used: set[int] = field(default_factory=set)
    described: set[int] = field(default_factory=set)

    # -- cursor --

    def peek(self, offset: int = 0) -> Token | None:
        index = self.position + offset
        return self.tokens[index] if 0 <= index < len(self.tokens) else None

    def at(self, *words: str, offset: int = 0) -> bool:
        return all(
            (token := self.peek(offset + i)) is not None and token.text == word
            for i, word in enumerate(words)
        )

    def take(self, count: int = 1) -> list[Token]:
        taken = self.tokens[self.position : self.position + count]
        self.used.update(range(self.position, self.position + len(taken)))
        self.position += len(taken)
        return taken

    def expect(self, *words: str) -> None:
        token = self.peek()
        if token is None or token.text not in words:
            raise _Unreadable(f"expected '{' or '.join(words)}'")
        self.take()

    def optional(self, *words: str) -> bool:
        token = self.peek()
        if token is not None and token.text in words:
            self.take()
            return True
        return False

    # -- expressions --

    def expression(self, min_power: int = 0) -> Node:
        left = self.prefix()
        while (token := self.peek()) is not None:
            if token.kind == "comma" and not self.at(",", "rounded"):
                # "144 divided by 12, plus 3": a comma before an operator closes what came
                # before it, so only the outermost level continues after it.
                if min_power == 0 and self._infix(1) is not None:
                    self.take()
                    continue
                break
            if (token.kind == "comma" or token.text == "rounded") and min_power > 0:
                # ", rounded to ..." and "... rounded to ..." apply to the whole expression:
                # "100 divided by 3 rounded to 2 decimals" rounds the quotient, not the 3.
                break
            postfix = self._postfix(left)
            if postfix is not None:
                left = postfix
                continue
            if self.at("of") and _is_fraction(left):
                # "1/3 of 90"
                self.take()
                left = Op("*", left, self.expression(30))
                continue
            ordinal = self.peek(1)
            if (
                self.at("to")
                and ordinal is not None
                and ordinal.kind == "ord"
                and self.at("power", offset=2)
            ):
                # "2 to the 10th power"
                self.take(3)
                left = Op("**", left, Num(ordinal.value, _plain(ordinal.value)))
                continue
            infix = self._infix(0)
            if infix is None:
                break
            symbol, power, width = infix
            if power < min_power or (power == min_power and symbol != "**"):
                break
            self.take(width)
            if symbol in {"+", "-"} and (percent := self._bare_percentage()) is not None:
                # "100 minus 37%" is 100 * (1 - 37/100), not 100 - 0.37.
                left = Op("*", left, Op(symbol, Num(1, "1"), percent))
                continue
            right = self.expression(power if symbol == "**" else power + 1)
            left = Op(symbol, left, right)
        return left

    def _infix(self, offset: int) -> tuple[str, int, int] | None:
        token = self.peek(offset)
        if token is None:
            return None
        for words, symbol, power in _INFIX_PHRASES:
            if self.at(*words, offset=offset):
                return symbol, power, len(words)
        if token.kind in ("sym", "word") and token.text in _INFIX:
            after = self.peek(offset + 1)
            if token.text == "x" and (after is None or after.kind not in _OPERAND_KINDS):
                return None
            symbol, power = _INFIX[token.text]
            return symbol, power, 1
        return None

    def _bare_percentage(self) -> Node | None:
        """A percentage standing alone ("minus 37%"), as a fraction; None if not there."""
        token = self.peek()
        if token is None or token.kind != "pct" or self.at("of", offset=1):
            return None
        self.take()
        return Op("/", Num(token.value, token.text), Num(100, "100"))

    def _postfix(self, left: Node) -> Node | None:
        token = self.peek()
        if token is None:
            return None
        if token.text in {"squared", "cubed"}:
            self.take()
            power = "2" if token.text == "squared" else "3"
            return Op("**", left, Num(float(power), power))
        if token.text == "factorial":
            self.take()  # "5 factorial"
            return Call("factorial", (left,))
        if token.kind == "word" and token.text in _UNITS:
            self.take()  # "2,400 dollars", "4 people"
            return left
        if token.text == "rounded" or (token.kind == "comma" and self.at("rounded", offset=1)):
            # "40% of 250, rounded to the nearest whole number"
            self.take(1 if token.text == "rounded" else 2)
            return _rounding(self, left)
        return None

    def prefix(self) -> Node:
        token = self.peek()
        if token is None:
            raise _Unreadable("expected a number")
        if (
            self.position == 0
            and self.previous is not None
            and token.kind == "word"
            and self._infix(0) is not None
        ):
            # "..., then times 4": the clause goes on from the value before it.
            return self.previous
        if token.kind == "num":
            self.take()
            return Num(token.value, token.text)
        if token.kind == "pct":
            self.take()
            fraction = Op("/", Num(token.value, token.text), Num(100, "100"))
            if self.optional("of"):
                return Op("*", fraction, self.expression(30))
            if self.optional("off"):
                # "15% off 80" is what is left after the discount.
                return Op("*", self.expression(30), Op("-", Num(1, "1"), fraction))
            return fraction
        if token.kind == "ord" and self.at("percentile", offset=1):
            self.take(2)
            self.optional("of", "for", "in")
            return Call("percentile", (Num(token.value, token.text), *self.items()))
        if token.kind == "ref":
            self.take()
            return Name(token.text)
        if token.text == "(":
            self.take()
            inner = self.expression()
            self.expect(")")
            return inner
        if token.text in {"-", "+"}:
            self.take()
            operand = self.expression(25)
            return Neg(operand) if token.text == "-" else operand
        if token.kind != "word":
            raise _Unreadable("expected a number")
        return self._word(token.text)

    def _word(self, word: str) -> Node:
        if self.at("(", offset=1):
            self.take()  # "max(1, 5)"; an unknown "foo(3)" is refused by name when evaluated
            return self.function(word)
        if word in _QUARTILES and self.at(word, "quartile"):
            self.take(2)
            self.optional("of", "for", "in")
            items = self.items()
            if not items:
                raise _Unreadable(f"no numbers for the {word} quartile")
            share = _QUARTILES[word]
            return Call("percentile", (Num(share, _plain(share)), *items))
        names = self.aggregate_names()
        if names is not None:
            return self.aggregate(names)
        if word in ("negative", "minus") and self._operand_start(1):
            # "negative twelve times four", "minus 7 plus 20": a sign, as "-12" writes it.
            self.take()
            return Neg(self.expression(25))
        if word in _CONSTANT_WORDS:
            self.take()
            return Name(word)
        if word in {"square", "cube"} and self.at(word, "root"):
            self.take(2)
            self.optional("of")
            return Call("sqrt" if word == "square" else "cbrt", (self.expression(30),))
        if word in _FRACTIONS and self.at(word, "of"):
            self.take(2)
            divisor = _FRACTIONS[word]
            return Op("/", self.expression(30), Num(divisor, _plain(divisor)))
        if word in _MULTIPLIERS:
            self.take()
            self.optional("of")
            factor = _MULTIPLIERS[word]
            return Op("*", Num(factor, _plain(factor)), self.expression(30))
        if word == "difference" and self.at("between", offset=1):
            # "the difference between 5 and 12" is 7, whichever comes first.
            self.take(2)
            first = self.expression(11)
            self.expect("and")
            return Call("abs", (Op("-", first, self.expression(11)),))
        if word in {"ratio", "quotient"} and self.at("of", offset=1):
            self.take(2)
            first = self.expression(21)
            self.expect("to", "and", "by", "over")
            return Op("/", first, self.expression(21))
        reference = self.pronoun()
        if reference is not None:
            return reference
        if word in _FUNCTION_WORDS:
            self.take()
            return self.function(word)
        before = self.peek(-1)
        if before is not None and before.kind == "sym" and before.text in _INFIX:
            self.take()  # "2 * foo": kept, so the answer names what is unknown
            return Name(word)
        raise _Unreadable(f"'{word}'")

    def pronoun(self) -> Node | None:
        """ "it", "that result", "its square root": the value worked on, if there is one."""
        token = self.peek()
        if token is None or self.previous is None:
            return None
        if token.text in _RESULT_NOUNS and not self.at(token.text, "of"):
            self.take()
            return self.previous
        if token.text not in _PRONOUNS:
            return None
        self.take()
        if (noun := self.peek()) is not None and noun.text in _RESULT_NOUNS:
            self.take()
        if token.text == "its":
            if self.at("square", "root") or self.at("cube", "root"):
                function = "sqrt" if self.peek().text == "square" else "cbrt"  # type: ignore[union-attr]
                self.take(2)
                return Call(function, (self.previous,))
            if self.optional("square"):
                return Op("**", self.previous, Num(2, "2"))
        return self.previous

    def function(self, name: str) -> Node:
        if self.optional("("):
            args = [self.expression()]
            while self.optional(","):
                args.append(self.expression())
            self.expect(")")
            return Call(name, tuple(args))
        self.optional("of")
        return Call(name, (self.expression(30),))

    # -- aggregates --

    def _aggregate_at(self, offset: int) -> tuple[str, int] | None:
        for words, name in _AGGREGATE_PHRASES:
            if self.at(*words, offset=offset):
                return name, len(words)
        token = self.peek(offset)
        if token is not None and token.kind == "word" and token.text in _AGGREGATE_WORDS:
            return _AGGREGATE_WORDS[token.text], 1
        return None

    def aggregate_names(self) -> tuple[list[str], int] | None:
        """ "mean, median and standard deviation": the names and how many tokens they take."""
        first = self._aggregate_at(0)
        if first is None:
            return None
        token = self.peek()
        assert token is not None
        if token.text in _RESULT_NOUNS and self.previous is not None:
            before = self.peek(-1)
            if before is not None and before.text in _PRONOUNS:
                return None  # "that total" refers back
            if not self._items_follow(first[1]):
                return None  # "the sum" alone, after an earlier result, is that result
        names = [first[0]]
        width = first[1]
        while True:
            gap = 0
            if self.at(",", offset=width):
                gap = 2 if self.at("and", offset=width + 1) else 1
            elif any(self.at(joiner, offset=width) for joiner in ("and", "&", "n")):
                # "lowest n highest?": "n" for "and", between two figures only.
                gap = 1
            if not gap or (found := self._aggregate_at(width + gap)) is None:
                break
            names.append(found[0])
            width += gap + found[1]
        return names, width

    def _items_follow(self, width: int) -> bool:
        following = self.peek(width)
        return following is not None and (
            following.text in {"of", "for", "in", ":"} or following.kind in _OPERAND_KINDS
        )

    def aggregate(self, names: tuple[list[str], int] | list[str]) -> Node:
        found = names if isinstance(names, tuple) else (names, 0)
        self.take(found[1])
        self.optional("of", "for", "in", "from")
        # "which is the biggest: 4, 11 or 3": a choice among them lists them with "or".
        items = self.items(choice=set(found[0]) <= {"max", "min"})
        if not items:
            raise _Unreadable("no numbers for the " + " and ".join(found[0]))
        calls = tuple(Call(name, tuple(items)) for name in dict.fromkeys(found[0]))
        return calls[0] if len(calls) == 1 else Call("figures", calls)

    def _changes_values(self) -> bool:
        """Whether a fraction or multiple of the values comes next ("half of 8, 5",
        "twice 4, 6"), which changes them and is no description of them."""
        token = self.peek()
        return (
            token is not None
            and token.text in _CHANGES_VALUES
            and (self.at(token.text, "of") or self._operand_start(1))
        )

    def items(self, *, choice: bool = False) -> list[Node]:
        """Operands listed: "3, 5 and 10", "5 3 9", "these expenses: 1, 2", "s1 and 10";
        with ``choice``, "3, 5 or 10" too."""
        joiners = ("and", "&", "or") if choice else ("and", "&")
        selected = self._selection()
        if selected is not None:
            return [selected]
        skipped = 0
        # "the mean and kurtosis of 3, 5": words joined on by "and" name another figure,
        # unread, not the material; they must count against the reading.
        joined = self.at("and") or self.at("&")
        # "hours i worked each week this month": a time said of the material ("this
        # month") is one word of its description, not two.
        timed = 0
        while (token := self.peek()) is not None and not self._operand_start():
            if (
                token.text in _TIME_SAID
                and (period := self.peek(1)) is not None
                and period.text in _PERIOD_NOUNS
            ):
                timed += 1
            # Words naming the material ("these sales figures:") before the numbers.
            if token.kind == "colon" or (
                token.kind == "word"
                and token.text not in _QUALIFIERS
                and not self._changes_values()
                and skipped - timed < 5
            ):
                after_and = joined and skipped > 0
                if token.kind == "word" and token.text not in _DESCRIPTIVE_OK and not after_and:
                    self.described.add(self.position)
                self.position += 1
                skipped += 1
                continue
            break
        if not self._operand_start():
            self.position -= skipped
            self.described -= set(range(self.position, self.position + skipped))
            # "What is their average?": the numbers were given apart from the request.
            return list(self.material)
        self._skip_count_of_list()
        items: list[Node] = []
        while self._operand_start():
            # Only powers bind inside a list: "the sum of 2 and 4 times 3" is (2 + 4) * 3.
            items.append(self.expression(25))
            if self.peek() is not None and self.peek().kind in ("num", "ref"):  # type: ignore[union-attr]
                continue  # "5 3 9 1 7", or one number per line
            gap = 0
            if self.at(","):
                gap = 2 if any(self.at(word, offset=1) for word in joiners) else 1
            elif any(self.at(word) for word in joiners):
                gap = 1
            if not gap or not self._operand_start(gap):
                break
            self.take(gap)
        return items

    def _skip_count_of_list(self) -> None:
        """Steps over a number that counts the list after it: "average these 4 mat quotes
        18.99, 22.50, 16.75, 20.40" is the mean of the four quotes, and 4 names how many
        there are (as "these 4 mat quotes:" would). Only when one to four words stand
        between the count and the list and the list holds exactly that many numbers."""
        count = self.peek()
        if count is None or count.kind != "num" or not 2 <= count.value <= 50:
            return
        if count.value != int(count.value):
            return
        offset = 1
        while (token := self.peek(offset)) is not None and token.kind == "word" and offset <= 4:
            if token.text in _QUALIFIERS or token.text in _JOINED_IN_LIST:
                return
            offset += 1
        if offset == 1:
            return
        words_end = offset
        first = offset + ((self.peek(offset) or count).kind == "colon")
        offset = first
        listed, expect_number = 0, True
        while (token := self.peek(offset)) is not None:
            if token.kind == "num":  # "4, 5 and 9", "5 3 9"
                listed, expect_number = listed + 1, False
            elif not expect_number and (token.kind == "comma" or token.text in _JOINED_IN_LIST):
                expect_number = True
            else:
                break
            offset += 1
        if listed != int(count.value) or expect_number:
            return
        self.used.add(self.position)
        self.described.update(range(self.position + 1, self.position + words_end))
        self.position += first

    def _selection(self) -> Node | None:
        """ "the top 3 values: ...", "the three biggest numbers in ...", "the last 2 of ..."."""
        first, second = self.peek(), self.peek(1)
        if first is None or second is None:
            return None
        if first.text in _SELECT_FIRST and second.kind == "num":
            function, count = _SELECT_FIRST[first.text], second
        elif first.kind == "num" and second.text in _SELECT_AFTER:
            function, count = _SELECT_AFTER[second.text], first
        else:
            return None
        start = self.position
        self.take(2)
        while (token := self.peek()) is not None and (
            token.text in _DESCRIPTIVE_OK | {"ones", "among", ":"} or token.kind == "colon"
        ):
            self.take()
        items = self.items()
        if not items or not count.value.is_integer() or count.value < 1:
            self.position = start
            return None
        return Call(function, (Num(count.value, count.text), *items))

    def _operand_start(self, offset: int = 0) -> bool:
        token = self.peek(offset)
        if token is None:
            return False
        if token.kind in ("num", "pct", "ref"):
            return True
        if token.text in {"(", "-"}:
            return True
        if token.text in _CONSTANT_WORDS:
            return True
        if token.text == "square" and self.at("square", "root", offset=offset):
            return True
        return self.previous is not None and (
            token.text in _PRONOUNS
            or (token.text in _RESULT_NOUNS and not self.at(token.text, "of", offset=offset))
        )


# --- imperative frames --------------------------------------------------------------------


def _frame(parser: _Parser) -> Node | None:
    """ "add 5 to 10", "divide it by 4", "round it to 2 decimals": the verb at the cursor."""
    token = parser.peek()
    if token is None or token.kind != "word" or token.text not in _VERBS:
        return None
    verb = token.text
    if (
        (verb == "add" and parser.at("add", "up"))
        or parser.at(verb, "root")
        or parser.at(verb, "quartile")
    ):
        # "add up 3, 4 and 5" is a sum; "square root of 9" a function; "lower quartile" a
        # percentile
        return None
    parser.take()
    previous = parser.previous
    if verb == "take":
        if parser.optional("away"):
            # "take away 5 from 20"; "take 5 away from 20" is the same.
            amount = parser.expression(11)
            if parser.optional("from"):
                return Op("-", parser.expression(11), amount)
            return Op("-", _earlier(previous, "take away from"), amount)
        taken = parser.expression()
        if parser.optional("away"):
            parser.expect("from")
            return Op("-", parser.expression(11), taken)
        return taken
    if verb == "add":
        percent = parser._bare_percentage()
        if percent is not None:
            # "add 10% to 200" is 220
            base = parser.expression(11) if parser.optional("to") else previous
            return Op("*", _earlier(base, "add to"), Op("+", Num(1, "1"), percent))
        items = parser.items()
        if not items:
            raise _Unreadable("add what")
        first: Node = items[0] if len(items) == 1 else Call("sum", tuple(items))
        if parser.optional("to"):
            return Op("+", first, parser.expression(11))
        if len(items) > 1:
            return first
        return Op("+", _earlier(previous, "add to"), first)
    if verb == "subtract":
        percent = parser._bare_percentage()
        if percent is not None:
            base = parser.expression(11) if parser.optional("from") else previous
            return Op("*", _earlier(base, "subtract from"), Op("-", Num(1, "1"), percent))
        amount = parser.expression(11)
        if parser.optional("from"):
            return Op("-", parser.expression(11), amount)
        return Op("-", _earlier(previous, "subtract from"), amount)
    if verb in {"multiply", "divide"}:
        symbol = "*" if verb == "multiply" else "/"
        if parser.optional("by"):
            return Op(symbol, _earlier(previous, verb), parser.expression(21))
        first = parser.expression(21)
        joiners = ("by", "with", "and", "times") if verb == "multiply" else ("by",)
        if parser.optional(*joiners):
            return Op(symbol, first, parser.expression(21))
        raise _Unreadable(f"{verb} {render(first)} by what")
    if verb in {"split", "share"}:
        first = parser.expression(21)
        parser.expect("between", "among", "into", "by", "across")
        return Op("/", first, parser.expression(21))
    if verb in {"double", "triple", "halve", "square", "cube"}:
        base = _operand_or_earlier(parser, verb)
        if verb == "halve":
            return Op("/", base, Num(2, "2"))
        if verb in {"square", "cube"}:
            power = "2" if verb == "square" else "3"
            return Op("**", base, Num(float(power), power))
        return Op("*", Num(_MULTIPLIERS[verb], _plain(_MULTIPLIERS[verb])), base)
    if verb in {"increase", "raise", "decrease", "reduce", "lower", "cut"}:
        changed = previous if parser.at("by") else parser.expression(21)
        parser.expect("by")
        sign = "+" if verb in {"increase", "raise"} else "-"
        base = _earlier(changed, verb)
        percent = parser._bare_percentage()
        if percent is not None:
            return Op("*", base, Op(sign, Num(1, "1"), percent))
        return Op(sign, base, parser.expression(11))
    if verb == "round":
        rounded = previous
        if parser.pronoun() is None and not parser.at("to") and not parser.at("off"):
            rounded = parser.expression(11)
        return _rounding(parser, _earlier(rounded, "round"))
    if verb == "use":
        raise _Unreadable("use what")
    return None


_ROUNDING_STEPS = frozenset({10.0, 100.0, 1_000.0, 10_000.0, 100_000.0, 1_000_000.0})


def _rounding(parser: _Parser, base: Node) -> Node:
    parser.optional("off")
    if parser.at("to", "whole"):
        # "round it to a whole number" ("a" is filler)
        parser.take(2)
        parser.optional("number")
        return Call("round", (base,))
    if parser.at("to", "nearest"):
        parser.take(2)
        places = {"whole": 0, "integer": 0, "tenth": 1, "hundredth": 2, "thousandth": 3}
        unit = parser.peek()
        size: float | None = None
        if unit is not None and unit.kind == "word" and unit.text in _SCALES:
            size = float(_SCALES[unit.text])
        if unit is not None and unit.kind == "num" and unit.value in _ROUNDING_STEPS:
            size = unit.value
        if size is not None:
            # "to the nearest hundred" (read as 100): a multiple of it, halves away from zero.
            parser.take()
            step = Num(size, _plain(size))
            return Op("*", Call("round", (Op("/", base, step),)), step)
        if unit is None or unit.text not in places:
            raise _Unreadable("round to the nearest what")
        parser.take()
        parser.optional("number")
        digits = places[unit.text]
        if not digits:
            return Call("round", (base,))
        return Call("round", (base, Num(digits, str(digits))))
    if parser.optional("to"):
        count = parser.peek()
        if count is None or count.kind != "num":
            raise _Unreadable("round to how many decimals")
        parser.take()
        if not parser.optional("decimal", "decimals", "dp", "places", "digits"):
            raise _Unreadable("round to how many decimals")
        parser.optional("places", "place")
        return Call("round", (base, Num(count.value, count.text)))
    return Call("round", (base,))


def _operand_or_earlier(parser: _Parser, verb: str) -> Node:
    reference = parser.pronoun()
    if reference is not None:
        return reference
    if parser.peek() is None:
        return _earlier(parser.previous, verb)
    return parser.expression(30)


def _earlier(node: Node | None, what: str) -> Node:
    if node is None:
        raise _Unreadable(f"{what}: there is no earlier result to work on")
    return node


# --- percentages that word order alone does not give ---------------------------------------

_CHANGE_RE = re.compile(
    r"\b(?:percent(?:age)?|%)\s+(?:change|increase|decrease|growth|rise|drop|fall|difference)\b"
    r"|\b(?:change|increase|decrease|growth|rise|drop|fall)\s+in\s+(?:percent(?:age)?|%)"
    r"|\bby\s+(?:what|how\s+many)\s+(?:percent(?:age)?|%)"
)
_SHARE_RE = re.compile(
    r"\bwhat\s+(?:percent(?:age)?|%|share)\b|\bas\s+a\s+(?:percent(?:age)?|%)\s+of\b"
    r"|\bis\s+what\s+(?:percent(?:age)?|%)"
    # "the percentage of 18 out of 24", "18 out of 24 as a percentage"
    r"|\b(?:percent(?:age)?|%)\b.*\bout\s+of\b|\bout\s+of\b.*\b(?:percent(?:age)?|%)"
)


# "what % is that of the 1,950 deposits taken": the share the value worked on is of the one
# number said, with what that number counts after it.
_SHARE_OF_IT = re.compile(
    r"^(?:so\s+|and\s+|then\s+)*what\s+(?:percent(?:age)?|share)\s+(?:is|was)\s+"
    r"(?:that|it|this)\s+of(?:\s+(?:the|my|our|their|your|his|her))?$"
)


def _said_after_of(words: list[str], index: int) -> bool:
    """Whether the word at ``index`` follows "of", or "of" and a word saying whose ("what
    percentage is that of our 400 members")."""
    before = words[max(0, index - 2) : index]
    return before[-1:] == ["of"] or (before[:1] == ["of"] and before[1] in _WHOSE)


_WHOSE = frozenset({"the", "my", "our", "their", "your", "his", "her"})


def _percent_frame(tokens: list[Token], previous: Node | None = None) -> Node | None:
    """ "the percent change from 80 to 100", "what percentage is 45 of 180"; "what percent
    is that of 1950", of the value ``previous`` worked on."""
    words = [t.text for t in tokens]
    text = " ".join(words)
    numbers = [i for i, t in enumerate(tokens) if t.kind in ("num", "ref")]
    if (
        previous is not None
        and len(numbers) == 1
        and not any(t.kind == "pct" for t in tokens)
        and _SHARE_OF_IT.match(" ".join(words[: numbers[0]]))
    ):
        return Op("*", Op("/", previous, _operand(tokens[numbers[0]])), Num(100, "100"))
    if len(numbers) != 2 or any(t.kind == "pct" for t in tokens):
        return None
    first, second = numbers
    if _CHANGE_RE.search(text):
        if words[first + 1 : second] not in (["to"], ["and"]) or words[first - 1 : first] not in (
            ["from"],
            ["between"],
        ):
            return None
        return _change_said_to_go(words, tokens[first], tokens[second])
    if _SHARE_RE.search(text):
        # The number right after "of" is the whole: "45 of 180", "what percent of 180 is 45".
        whole = second if _said_after_of(words, second) else first
        if not _said_after_of(words, whole):
            return None
        part = first if whole == second else second
        return Op("*", Op("/", _operand(tokens[part]), _operand(tokens[whole])), Num(100, "100"))
    return None


# Words that say which way a value went: "dropped from 125 to 100, by what percentage?"
# asks for a drop of 20, not a change of -20.
_WENT_DOWN = _words("decrease decreased drop dropped drops fall fell falls decline declined down")
_WENT_UP = _words("increase increased rise rose risen rises grew grow growth gain gained up")


def _change_said_to_go(words: list[str], old: Token, new: Token) -> Node | None:
    """The relative change from ``old`` to ``new`` in percent, as large as it went the way
    the words say; None when the words say one way and the numbers went the other."""
    down, up = bool(_WENT_DOWN.intersection(words)), bool(_WENT_UP.intersection(words))
    if down == up:
        return Call("percent_change", (_operand(old), _operand(new)))
    if (down and new.value > old.value) or (up and new.value < old.value):
        return None
    higher, lower = (old, new) if down else (new, old)
    change = Op("-", _operand(higher), _operand(lower))
    return Op("*", Op("/", change, _operand(old)), Num(100, "100"))


def _is_bare_percentage(node: Node) -> bool:
    """ "15%" alone: a percentage of nothing ("What's a 15% tip?" without its amount)."""
    return _is_percentage(node) and isinstance(node, Op) and isinstance(node.left, Num)


def _is_percentage(node: Node) -> bool:
    return isinstance(node, Op) and node.symbol == "/" and node.right == Num(100, "100")


def _is_fraction(node: Node) -> bool:
    return (
        isinstance(node, Op)
        and node.symbol == "/"
        and isinstance(node.left, Num)
        and isinstance(node.right, Num)
    )


def _operand(token: Token) -> Node:
    return Name(token.text) if token.kind == "ref" else Num(token.value, token.text)


# --- clauses ------------------------------------------------------------------------------


def _clauses(tokens: list[Token]) -> list[list[Token]]:
    """Split at sentence ends, "then" / "after that", and ", <verb>" / "and <verb>"."""
    clauses: list[list[Token]] = [[]]
    index = 0
    while index < len(tokens):
        token = tokens[index]
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        pair = f"{token.text} {following.text}" if following is not None else ""
        if token.kind == "end":
            clauses.append([])
        elif pair in ("after that", "and then"):
            clauses.append([])
            index += 1
        elif (
            token.text in _CHAIN_WORDS
            or (
                token.text in {"and", ","}
                and following is not None
                and (following.text in _VERBS - {"take", "use"} or _takes_earlier(tokens, index))
                and any(t.kind in _OPERAND_KINDS for t in clauses[-1])
                and not (
                    following.text == "add"
                    and index + 2 < len(tokens)
                    and tokens[index + 2].text == "up"
                )
            )
            or (
                token.text == "and"
                and following is not None
                and following.text in _QUESTIONS
                and any(t.kind in _OPERAND_KINDS for t in clauses[-1])
            )
        ) or (
            # "2+2 and 3*3", "the square root of 2025, 15% of 86": two whole pieces.
            token.text in {"and", ","} and _two_expressions(clauses[-1], tokens[index + 1 :])
        ):
            clauses.append([])
        elif token.kind == "comma" and following is not None and following.text == "and":
            after = tokens[index + 2] if index + 2 < len(tokens) else None
            if after is not None and (
                after.text in _VERBS - {"take", "use"} or after.text in _QUESTIONS
            ):
                clauses.append([])
                index += 1
            else:
                clauses[-1].append(token)
        else:
            clauses[-1].append(token)
        index += 1
    return [c for c in clauses if any(t.kind not in ("comma", "colon") for t in c)]


_SETTER_WORDS = _words("use using with from based on take")


def _takes_earlier(tokens: list[Token], index: int) -> bool:
    """ ", take its square root", "and take away 3": "take" works on the value before, so a
    new clause starts ("and take 20% of 90" may be a second question and does not split)."""
    words = [t.text for t in tokens[index + 1 : index + 4]]
    return words[:1] == ["take"] and (
        words[1:2] in (["its"], ["it"], ["that"], ["away"])
        or (words[1:2] == ["the"] and words[2:3] != [] and words[2] in _RESULT_NOUNS)
    )


def _two_expressions(before: list[Token], after: list[Token]) -> bool:
    """ "2+2 and 3*3": "and" between two whole pieces of arithmetic, not inside a list."""

    def arithmetic(tokens: list[Token]) -> bool:
        # An operator written as a sign or a word ("times", "divided by"), or a percentage
        # of an amount ("12.5% of 360"), between numbers: "5 times 3 and 20 divided by 4".
        said = any(t.text in _INFIX and t.kind == "sym" for t in tokens) or any(
            one.kind in _OPERAND_KINDS
            and two.kind == "word"
            and (two.text in _INFIX_WORDS or (one.kind == "pct" and two.text == "of"))
            for one, two in pairwise(tokens)
        )
        # "the square root of 2025": a root of a number is a whole piece of arithmetic too.
        rooted = any(
            one.text in ("square", "cube") and two.text == "root" for one, two in pairwise(tokens)
        )
        said = said or (rooted and any(t.kind in _OPERAND_KINDS for t in tokens))
        # "square" of "square root" is no verb asking of a list ("square 3, 4 and 5").
        verbs = _VERBS - {"square", "cube"} if rooted else _VERBS
        return said and not any(t.text in _AGGREGATE_WORDS or t.text in verbs for t in tokens)

    rest: list[Token] = []
    for token in after:
        if token.kind in ("end", "comma") or token.text == "and":
            break
        rest.append(token)
    return arithmetic(before) and arithmetic(rest)


def _setter(tokens: list[Token]) -> tuple[str | None, list[Token]]:
    """ "Use the result of step s1 to ...", "With that result, ...": what to work on.

    Returns the name set ("" for "the value before", None when the clause sets nothing)
    and the rest of the clause.
    """
    index = 0
    while index < len(tokens) and tokens[index].text in _SETTER_WORDS:
        index += 1
    if not index or index >= len(tokens):
        return None, tokens
    name: str | None = None
    if tokens[index].kind == "ref":
        name = tokens[index].text
        index += 1
        while (
            index + 1 < len(tokens)
            and tokens[index].text in {"and", ","}
            and (tokens[index + 1].kind == "ref")
        ):
            name = ""  # several results: no single one to work on implicitly
            index += 2
    elif tokens[index].text in _PRONOUNS | _RESULT_NOUNS and tokens[0].text != "take":
        name = ""
        index += 1
        if index < len(tokens) and tokens[index].text in _RESULT_NOUNS:
            index += 1
    if name is None or (index < len(tokens) and tokens[index].kind in _OPERAND_KINDS):
        return None, tokens
    rest = tokens[index:]
    while rest and rest[0].text in {",", "to", "as", "input", "and", "in", "for"}:
        rest = rest[1:]
    return name, rest


def _statement_of_numbers(tokens: list[Token]) -> list[Node] | None:
    """ "I have the numbers 10, 20, 30 and 40.": numbers given, nothing asked of them."""
    operators = _VERBS | set(_AGGREGATE_WORDS) | set(_INFIX) | _FUNCTION_WORDS | _GRAMMAR
    if any(t.text in operators - {"of", "in", "for", "and", "from", "as"} for t in tokens):
        return None
    start = next((i for i, t in enumerate(tokens) if t.kind == "num"), None)
    if start is None:
        return None
    parser = _Parser(tokens, None, position=start)
    items = parser.items()
    numbers = [t for t in tokens if t.kind in _OPERAND_KINDS]
    if len(items) < 2 or len(items) != len(numbers) or parser.position != len(tokens):
        return None
    return items


# --- reading a request --------------------------------------------------------------------


# Numbers joined by two slashes or more, with no spaces.
# Two numbers joined by a comma without a space, the second of one or two digits ("1,5"):
# a decimal comma as much as a list.
_DECIMAL_COMMA = re.compile(r"(?<![\d.,])\d+,\d{1,2}(?![\d,])")


def decimal_comma(text: str) -> str | None:
    """A number written with what may be a decimal comma ("1,5", "3,50"), or None."""
    found = _DECIMAL_COMMA.search(text)
    return found.group(0) if found else None


_SLASHED = re.compile(r"(?<![\d.])\d+(?:/\d+){2,}(?!\d|\.\d)")

# How many parts, and of what size: "three quarters" is 3/4.
_FRACTION_COUNTS: dict[str, int] = {
    "a": 1,
    "an": 1,
    **{word: n for word, n in _NUMBER_WORDS.items() if 1 <= n <= 9},
}
_FRACTION_PARTS: dict[str, int] = {
    "half": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fifth": 5,
    "fifths": 5,
    "sixth": 6,
    "sixths": 6,
    "seventh": 7,
    "sevenths": 7,
    "eighth": 8,
    "eighths": 8,
    "ninth": 9,
    "ninths": 9,
    "tenth": 10,
    "tenths": 10,
}
# "2 and a quarter", "one and a half": a whole number and a part of one.
_WHOLE_WORDS = {
    word: number
    for number, word in enumerate(
        """one two three four five six seven eight nine ten eleven twelve thirteen fourteen
        fifteen sixteen seventeen eighteen nineteen twenty""".split(),  # noqa: SIM905
        start=1,
    )
}
# "twelve and a half percent": the whole may be any number word up to twenty; "3 and
# three quarter hours", "2 and two thirds": more than one of the part.
_PARTS_COUNTED = {"a": 1, "one": 1, "two": 2, "three": 3}
AND_A_PART = re.compile(
    rf"\b(?P<whole>\d+|{'|'.join(_WHOLE_WORDS)})\s+and\s+(?P<count>a|one|two|three)\s+"
    r"(?P<part>half|thirds?|quarters?)\b"
)


def whole_and_part(match: re.Match[str]) -> str:
    whole = match.group("whole")
    value = int(whole) if whole.isdigit() else _WHOLE_WORDS[whole]
    count = _PARTS_COUNTED[match.group("count")]
    part = _FRACTION_PARTS[match.group("part")]
    if count >= part:
        return match.group(0)  # "2 and two halves" is no part of one, and is left as said
    return _plain(value + count / part)


# "1 3/4 cups", "2 1/2 hours": a whole number and a proper fraction, written as one mixed
# number (not 1 and then 3/4).
MIXED_NUMBER = re.compile(r"(?<![\w.,/])(\d+)\s+(\d+)/(\d+)(?![\w/]|\.\d)")


def mixed_number(match: re.Match[str]) -> str:
    whole, numerator, denominator = (int(part) for part in match.groups())
    if not 0 < numerator < denominator:
        return match.group(0)  # "3 6/2" is no mixed number, and is left to read as it is
    return _plain(whole + numerator / denominator)


# "test scores out of 100: 78, 85", "ratings (out of 5)": the most a value may be, said of
# values named before any number is; it is no value itself. "18 out of 24" (a share) and
# "out of 44, 91 and 67" (among them) are not this.
_SCALE_MAXIMUM = re.compile(
    r"(?m)(?P<before>(?:^|[.:;!?]\s+)[^\d\n.:;!?]*?)\s*\(?\bout\s+of\s+\d+(?:\.\d+)?\)?"
    r"(?!\s*(?:,|and\b|or\b|%|percent\b)|\d|\.\d)",
    re.I,
)


# "14, 18, 11, 20 (out of 20)": the maximum said in brackets after a list of values.
_SCALE_MAXIMUM_AFTER = re.compile(
    r"(?P<before>\d(?:\s*,\s*(?:and\s+)?\d+(?:\.\d+)?){2,})\s*"
    r"\(\s*(?:all\s+|each\s+)?out\s+of\s+\d+(?:\.\d+)?\s*\)",
    re.I,
)


def without_scale_maximum(text: str) -> str:
    """``text`` without the maximum of the scale its values are on ("scores out of 100")."""
    return _SCALE_MAXIMUM_AFTER.sub(r"\g<before>", _SCALE_MAXIMUM.sub(r"\g<before>", text))


_LONGEST_RANGE = 1000


def _listed_range(first: int, last: int) -> str:
    """The whole numbers from ``first`` to ``last`` as a list ("1, 2, 3 and 4"); empty when
    the range runs backwards or is too long to write out."""
    if last <= first or last - first >= _LONGEST_RANGE:
        return ""
    numbers = [str(n) for n in range(first, last + 1)]
    return ", ".join(numbers[:-1]) + " and " + numbers[-1]


# "to the fourth power": the power an ordinal names.
_ORDINAL_WORDS: dict[str, int] = {
    word: index
    for index, word in enumerate(
        ["second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"],
        start=2,
    )
}
_DIGIT_WORDS = {
    word: str(digit)
    for digit, word in enumerate(
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    )
}
# A number of shares, in digits or in words ("split it three ways").
_SHARES = r"\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"


# What a figure's name may be glossed with in brackets: "middle value (median)", "range
# (max minus min)", "average (mean)".
_GLOSSES: dict[str, str] = {
    "median": "median",
    "middle value": "median",
    "middle number": "median",
    "mean": "mean",
    "average": "mean",
    "arithmetic mean": "mean",
    "sum": "sum",
    "total": "sum",
    "max minus min": "range",
    "maximum minus minimum": "range",
    "highest minus lowest": "range",
    "largest minus smallest": "range",
    "biggest minus smallest": "range",
}
_GLOSS = re.compile(rf"\s*\(\s*(?:the\s+)?(?P<gloss>{'|'.join(_GLOSSES)})\s*\)")


def _without_gloss(match: re.Match[str]) -> str:
    """ "(median)" after "middle value", "(max minus min)" after "range": dropped when the
    figure it names is named outside the brackets too, as a second name of one figure;
    kept (and read, or refused) when it would ask something else."""
    figure = _GLOSSES[match.group("gloss")]
    outside = match.string[: match.start()] + " " + match.string[match.end() :]
    named = {_AGGREGATE_WORDS.get(word) for word in re.findall(r"[a-z]+", outside)}
    return "" if figure in named else match.group(0)


# The two ends of a list of values, as the range between them is said.
_LOW_END = r"(?:cheapest|least\s+expensive|lowest|smallest|min(?:imum)?)"
_HIGH_END = r"(?:dearest|priciest|most\s+expensive|highest|largest|biggest|max(?:imum)?)"
_END_NOUN = r"(?:\s+(?:one|value|number|figure|price|quote|bid))?"
# An amount in digits or in number words ("96", "ninety six"), as "go into" reads it.
_NUMBER_WORD = (
    r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety|hundred|thousand|million)"
)
_AMOUNT_SAID = rf"\d[\d,]*(?:\.\d+)?|{_NUMBER_WORD}(?:\s+(?:and\s+)?{_NUMBER_WORD})*"
# A unit said once after a list of amounts of it ("62.1, 61.4 and 63.0 seconds"): it names
# what the values measure and changes none of them, unlike "dozen", "k" or "squared".
_LIST_UNIT = (
    r"(?:seconds|secs?|s|minutes|mins?|hours|hrs?|h|ms|days|weeks|months|years|km|kms|miles|"
    r"metres|meters|cm|mm|kg|kilos|grams|g|lbs?|litres|liters|ml|points|pts|runs|goals)\b"
)


# Everyday ways of saying arithmetic, said the plain way before reading.
# "7.5 hours x 22 days", "45 minutes x 3 days": so much a day (a time) times a number of
# days, which is no mix of two units of time (`formulas.mixed_units` reads it so too).
DAILY_TIMES_DAYS = re.compile(
    r"(?P<amount>\d+(?:\.\d+)?)\s*(?P<unit>hours?|hrs?|h|minutes?|mins?)\s*(?:x|\*|times)\s*"
    r"(?P<count>\d+)\s+(?:days|weeks|shifts)\b",
    re.I,
)
_DENOMINATORS = {"quarters": 4, "thirds": 3, "fifths": 5, "eighths": 8, "tenths": 10}


def _listed_in_brackets(match: re.Match[str]) -> str:
    """ "my last 4 bills (72, 81, 69, 78)" as "my last 4 bills: 72, 81, 69, 78"; a
    function's arguments ("max(3, 5)") stay."""
    name = match.group(1)
    if name in _FUNCTION_WORDS or name in _AGGREGATE_WORDS or name in _AGGREGATE_NAMES:
        return match.group(0)
    return f"{name}: {match.group(2)}"


def _with_the_asker(match: re.Match[str]) -> str:
    """ "between me and my 2 flatmates": the others said, and the asker: 3 people."""
    others = match.group(2)
    count = int(others) if others.isdigit() else _NUMBER_WORDS[others.lower()]
    return f"{match.group(1)} {count + 1} people"


def _trip_said_of_double(match: re.Match[str]) -> str:
    """ "double it for the round trip": the trip says why it is doubled, nothing more."""
    return (
        "" if re.search(r"\b(?:double|twice)\b", match.string[: match.start()]) else match.group(0)
    )


# Amounts named as taken off what is owed: "the 500 deposit already paid", "the 10 coupon".
_DEDUCTION = (
    r"(?:deposit|coupon|voucher|refund|credit|down\s?payment)"
    r"(?:\s+(?:(?:i|we|they|you|he|she)\s+)?(?:have\s+|had\s+)?(?:already\s+)?"
    r"(?:paid|put\s+down|used))?"
)


def _taken_off(match: re.Match[str]) -> str:
    """ "take off 500", "take 10 off ⟨s1⟩", "knock the 500 deposit off 2,000": "subtract 500
    (from ...)", when "off" is said once, before the amount or right after it."""
    if bool(match.group("first")) == bool(match.group("after")):
        return match.group(0)
    amount = match.group("amount")
    if match.group("after") and re.match(
        r"\s*(?:\u27e8|[\u00a3$\u20ac]?\d)", match.string[match.end() :]
    ):
        return f"subtract {amount} from"
    return f"subtract {amount}"


# Charges named after a percentage added to an amount: "20% vat", "25% gift aid".
_ADDED_CHARGE = (
    r"(?:vat|tax|gst|hst|tip|service(?:\s+charge)?|gratuity|gift\s+aid|contingency|"
    r"mark-?up|surcharge)"
)


_EVERYDAY: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]], ...] = (
    # "son's homework: 3/4 + 2/5", "maths hw q: ...", "... for my physics homework": whose
    # homework it is says nothing of the arithmetic.
    (
        re.compile(
            r"^\s*(?:(?:my|our)\s+)?(?:[a-z]+'s\s+)?(?:(?:maths?|math|physics|science|"
            r"chemistry|school)\s+)?(?:homework|hw)(?:\s+(?:question|q))?\s*:\s*"
        ),
        "",
    ),
    (
        re.compile(
            r"[\s,]+for\s+(?:my|our|his|her|their|the)\s+(?:[a-z]+'s\s+)?"
            r"(?:(?:maths?|math|physics|science|chemistry|school)\s+)?(?:homework|hw)\b"
        ),
        "",
    ),
    # "the cancellations this quarter 4, 7, 3": a quarter of the year, said as a period, is
    # no fraction of the numbers after it ("a quarter of 80" is).
    (re.compile(r"\b(this|last|next|each|every|per)\s+quarter\b(?!\s+of\b)"), r"\1 qtr"),
    # "my highest breaks this month 34 52 41 67 - mean and median": whose list it is, named
    # by what its values are, with the figure asked after the numbers; not their maximum.
    (
        re.compile(
            r"\b(my|our|his|her|their)\s+(?:highest|lowest|top|biggest|longest|fastest)\s+"
            r"(?=[a-z]+s\b(?:\s+[a-z]+){0,3}\s+\d[\d.,\s]*\d\s*[-:,]+\s*(?:the\s+)?"
            r"(?:mean|median|average|sum|total|mode|range)\b)"
        ),
        r"\1 ",
    ),
    # "wat's 3 quaters of 1,260": slips in the words of a fraction.
    (re.compile(r"\bquaters\b"), "quarters"),
    # "best and worst? (lowest and highest)": the figures the words in brackets name.
    (
        re.compile(
            r"\b(?:best|worst|top|bottom)(?:\s+and\s+(?:best|worst|top|bottom))?\s*"
            r"\(((?:lowest|highest|min|max|smallest|largest)(?:\s+and\s+"
            r"(?:lowest|highest|min|max|smallest|largest))?)\)"
        ),
        r"\1",
    ),
    # "3 quarters of 1,260", "2 thirds of 90": a fraction said with its digit.
    (
        re.compile(r"\b(\d+)\s+(quarters|thirds|fifths|eighths|tenths)\s+of\b"),
        lambda m: f"{m.group(1)}/{_DENOMINATORS[m.group(2)]} of",
    ),
    (re.compile(r"\bwat(?:'s|s)\b"), "what's"),
    # "take 10% off it as a cautious forecast": what the figure is for, nothing to compute.
    (
        re.compile(
            r"\s+as\s+(?:a|an|my|our)\s+(?:\w+\s+)?(?:forecast|estimate|guess|target|budget|"
            r"buffer|projection)\b"
        ),
        "",
    ),
    # "15% of that for the firm's cut", "times by 12 for a yearly figure": after the value
    # worked on or the number it is taken by, what the result is for ends the request and
    # changes nothing (words only, no time: "for the first 3 months", "for a year" may scale it).
    (
        re.compile(
            r"\b((?:of|by)\s+(?:that|it|this|them|\d[\d,]*(?:\.\d+)?"
            r"|\u27e8s\d+\u27e9))\s+for\s+"
            r"(?:the|a|an|my|our|his|her|their)\s+"
            r"(?!(?:first|last|next|other|rest|remaining|whole|same|day|week|fortnight|month|year|"
            r"hour|night|quarter|term|season)s?\b)"
            r"[a-z]+(?:'s)?(?:\s[a-z]+){0,2}(?=\s*(?:[.?!;]|$))"
        ),
        r"\1",
    ),
    # "tell me what that gives per head if 5 of us go for the meal": split between 5.
    (
        re.compile(
            r"\b(?:tell\s+me\s+)?what(?:\s+(?:that|it|this)\s+(?:gives|comes\s+to|is|makes|"
            r"works\s+out(?:\s+at)?)|(?:'s|\s+is)\s+(?:that|it|this))\s+(?:per|a)\s+(?:head|person)"
            r"\s+(?:if|for|with|when)\s+"
            r"(?:there\s+(?:are|is)\s+)?(\d+)\s+(?:of\s+us|people|persons|guests)"
            r"(?:\s+(?:go|are\s+going|come|are\s+coming|eat)\b[^.?!]*)?"
        ),
        r"split it between \1 people",
    ),
    # "split it between me and my 2 flatmates", "among me and 3 friends": the asker is one
    # of the shares too, so 3 and 4 people.
    (
        re.compile(
            rf"\b(between|among|amongst)\s+me\s+and\s+(?:my\s+)?({_SHARES}|one)\s+"
            r"(?:flat\s?mates|house\s?mates|room\s?mates|mates|friends|pals|colleagues|"
            r"co-?workers|siblings|sisters|brothers|kids|children|others|people|mates)\b"
        ),
        _with_the_asker,
    ),
    # "split it evenly between our 3 charities": between 3.
    (re.compile(r"\b(between|among|amongst)\s+(?:our|my|the|their)\s+(?=\d)"), r"\1 "),
    # The planner's "then double the result of the previous part": the value before.
    (re.compile(r"\bthe\s+result\s+of\s+the\s+previous\s+part\b"), "it"),
    (
        re.compile(r"\s+for\s+(?:the|a)\s+(?:round|return)\s+(?:trip|journey)\b"),
        _trip_said_of_double,
    ),
    # "whats the new round total", "a round's worth", "earnings per round": a round of
    # work (a milk round, a window cleaner's), named, not a total rounded; the verb has no
    # "new" or "each" before it.
    (
        re.compile(
            r"\b(a|an|my|our|his|her|their|this|that|each|per|every|new|whole|full|weekly|"
            r"daily|monthly)\s+round(?:'s)?\s+(?=(?:total|worth|cost|price|takings|earnings|"
            r"income|value|sum|money|pay)\b)"
        ),
        r"\1 ",
    ),
    # "7.5 hours x 22 days": so much a day times a number of days (in hours).
    (DAILY_TIMES_DAYS, r"\g<amount> times \g<count>"),
    # "how much is left of my 250 budget", after a step that added up what was spent: the
    # amount less the value worked on (with none, "it" is not read and the request refused).
    (
        re.compile(
            r"\b(?:how\s+much|what)(?:'s|\s+is|\s+will\s+be|\s+do\s+i\s+have)?\s+(?:left|remaining)"
            r"\s+(?:of|from|in)\s+(?:my|the|our)?\s*(\$?\d[\d,]*(?:\.\d+)?)(?:\s+budget)?"
        ),
        r"\1 minus it",
    ),
    # "average my last 4 electric bills (72, 81, 69, 78)": numbers listed in brackets after
    # what they are, as after a colon.
    (
        re.compile(
            r"\b([a-z]{2,})\s*\(\s*(-?\d[\d,]*(?:\.\d+)?(?:,\s+-?\d[\d,]*(?:\.\d+)?)+)\s*\)"
        ),
        _listed_in_brackets,
    ),
    # "480 + gst (10%)", "plus vat (20 %)": the tax's rate in brackets after it, which is no
    # function of the rate ("gst(10%)").
    (
        re.compile(r"\b(gst|hst|vat|tax|mwst|iva|tva)\s*\(\s*(\d+(?:\.\d+)?)\s*%\s*\)"),
        r"\2% \1",
    ),
    # "3 days at 240 + 165 materials": so many at a price for each one, as the line of a sum
    # it is ("3 * 240 + 165"); a price for another unit ("2 vans at 60 a day + ...": for
    # how many days?) is left as it is.
    (
        re.compile(
            r"(?<![\w.,])(\d+)\s+([a-z]+)(?:\s+[a-z]+)?\s+at\s+[\u00a3$\u20ac]?(\d+(?:\.\d+)?)"
            r"(?:\s+each|\s+(?:a|an|per)\s+([a-z]+))?"
            # The amount added names a line of its own ("+ 165 materials"); "at 135 plus 20"
            # may be at 155 each.
            r"(?=\s*(?:\+|plus)\s+[\u00a3$\u20ac]?\d+(?:\.\d+)?\s+(?!(?:a|an|per|each|for)\b)[a-z]{3,})"
        ),
        lambda m: (
            f"{m.group(1)} * {m.group(3)}"
            if m.group(4) is None or re.sub(r"s$", "", m.group(2)) == m.group(4)
            else m.group(0)
        ),
    ),
    # "avg 6.5, 8, 7.25 then times by my 35/hr rate", "... then times that by my £85 avg job
    # value": the words after the number only name it; the arithmetic is "times by 35".
    (
        re.compile(
            r"\b((?:times|multiply|multiplied)\s+(?:(?:that|it|this)\s+)?by\s+(?:my|our|the)\s+"
            r"[\u00a3$\u20ac]?\d+(?:\.\d+)?)(?:\s*/\s*(?:hr|hour|h|day|night|week|month))?"
            r"(?:\s+(?!(?:and|then|plus|minus|times|of|for|per|each|a|an|in|to)\b)[a-z]+){1,3}"
            r"\s*(?=[.?!]|$)"
        ),
        r"\1",
    ),
    # "add up my hours 3.5, 2.25, 4 then charge at 32/hr": the hours at the rate, as "then
    # times by 32"; hours said in minutes ("30, 45 mins") are no hours to charge so.
    (
        re.compile(
            r"\bthen\s+(?:charge|bill)\s+(?:(?:it|that|them)\s+)?at\s+([\u00a3$\u20ac]?\d+(?:\.\d+)?)"
            r"\s*(?:/\s*(?:hr|hour|h)|(?:an?|per)\s+(?:hour|hr))\b"
        ),
        lambda m: (
            f"then times by {m.group(1)}"
            if re.search(r"\b(?:hours|hrs)\b", m.string[: m.start()])
            and not re.search(r"\bmin(?:ute)?s?\b", m.string[: m.start()])
            else m.group(0)
        ),
    ),
    # "battery 96 plus 20 fitting, then 20% vat on the lot": the tax added to what came
    # before, as "then add 20%"; read as it stood, "20% vat" asked nothing of its numbers.
    (
        re.compile(
            r"\bthen\s+(\d+(?:\.\d+)?)\s*%\s+(?:vat|tax|gst|hst|sales\s+tax)"
            r"(?:\s+on\s+(?:the\s+lot|that|it|top|the\s+total))?\s*(?=[.?!,;]|$)"
        ),
        r"then add \1%",
    ),
    # "take off the 500 deposit already paid. use ⟨s1⟩", "take 10 off ⟨s1⟩", "knock 50 off
    # 245": an amount (no percentage) taken away, as "subtract"; a deposit, coupon or
    # voucher named after it says only what it is.
    (
        re.compile(
            r"\b(?:take|knock)\s+(?P<first>off\s+)?(?:(?:the|a|my|our)\s+)?"
            r"(?P<amount>[\u00a3$\u20ac]?\d+(?:\.\d+)?)(?![\d.,]*\d)(?:\s+" + _DEDUCTION + r")?"
            r"(?P<after>\s+off\b)?"
            r"(?=\s*(?:[.?!,;]|$|(?:from|use|and|then)\b|\u27e8|[\u00a3$\u20ac]?\d))"
        ),
        _taken_off,
    ),
    # "20% on top of 45", "put 20% vat on top of ⟨s1⟩": the amount with the percentage added,
    # not the percentage of it (9 of 45 is what was added, not what is paid).
    (
        re.compile(
            r"(?:\b(?:add|put)\s+(?:an?\s+)?)?(\d+(?:\.\d+)?\s*%)(?:\s+" + _ADDED_CHARGE + r")?"
            r"\s+on\s+top\s+of\s+(?:(?:the|a|an|my|our)\s+)?"
            r"([\u00a3$\u20ac]?\d+(?:\.\d+)?(?![\d.,]*\d)|\u27e8[^\u27e9]+\u27e9)"
        ),
        lambda m: (
            # "what's the 20% vat on top of 45": the charge itself may be asked.
            m.group(0)
            if re.search(r"\b(?:the|much(?:\s+is)?)\s*$", m.string[: m.start()])
            else f"{m.group(2)} plus {m.group(1)}"
        ),
    ),
    # "put 20% vat on top", "put 25% gift aid on the lot": a charge put on is added.
    (
        re.compile(
            r"\bput\s+(?:an?\s+(?:extra\s+)?)?(?=\d+(?:\.\d+)?\s*%(?:\s+" + _ADDED_CHARGE + r")?"
            r"\s+on\b)"
        ),
        "add ",
    ),
    # "add 25% gift aid on all of it", "add 20% vat on the lot": on the whole amount before,
    # as "on top"; "on all of ⟨s1⟩" is that result.
    (
        re.compile(
            r"(\badd\s+(?:an?\s+)?\d+(?:\.\d+)?\s*%(?:\s+" + _ADDED_CHARGE + r")?)\s+on\s+"
            r"(?:the\s+(?:whole\s+)?lot|everything|it\s+all|all\s+of\s+(?:it|that))"
            r"(?=\s*(?:[.?!,;]|use\b|$))"
        ),
        r"\1 on top",
    ),
    (
        re.compile(
            r"(\badd\s+(?:an?\s+)?\d+(?:\.\d+)?\s*%(?:\s+" + _ADDED_CHARGE + r")?)\s+on\s+"
            r"(?:all\s+of\s+|the\s+whole\s+of\s+)?(?=\u27e8)"
        ),
        r"\1 to ",
    ),
    # "add 20% vat on top", "12.5% service on top": the percentage added to the amount
    # before; "on top" says no more.
    (
        re.compile(r"(\d%(?:\s+" + _ADDED_CHARGE + r")?)\s+on\s+top\b(?!\s+of\b)"),
        r"\1",
    ),
    # "add 20% vat to the average": the tax named is the percentage added, as "add 20% to";
    # so is a restaurant's service charge ("add 12.5% service"), gift aid on donations or a
    # builder's contingency.
    (
        re.compile(r"\b(add\s+\d+(?:\.\d+)?\s*%)\s+" + _ADDED_CHARGE + r"\s*(?=to\b|[.?!,]|$)"),
        r"\1 ",
    ),
    # "23,40 € / 17,85 € - media?": Spanish and Italian for a mean, asked at the end (no
    # slip for "median"; "social media" is none).
    (re.compile(r"(?<!social\s)\bmedia(?=\s*[?.!]*\s*$)"), "mean"),
    # "sq root of 1764", "sq. rt of 81": the square root, abbreviated.
    (re.compile(r"\bsq\.?\s+(?:root|rt)\b"), "square root"),
    # "gimme 23 x 17 real quick": words of haste, which ask nothing ("real" was read as what
    # "23 x 17" measures).
    (re.compile(r"\bgimme\b"), "give me"),
    # "lap times 62.1, 61.4 and 63.0: the mean", "race times were 31, 29 and 35": the
    # plural of a time taken, named by what was timed, is the material and no operator.
    (
        re.compile(
            r"\b(lap|race|run|running|finish|finishing|journey|commute|commuting|travel|"
            r"response|reaction|waiting|wait|delivery|sprint|swim|ride)\s+times\b"
            r"(?!\s+(?:by|that|it|this)\b)"
        ),
        r"\1 values",
    ),
    (re.compile(r"\b(?:real|really|super)\s+(?=quick(?:ly)?\b)"), ""),
    # "4,782 to the nearest 100", "what's 3.6 to the nearest whole number": rounding, when
    # a number opens the clause that asks it.
    (
        re.compile(
            r"(?:^|(?<=^what's\s)|(?<=^whats\s)|(?<=^what\sis\s)|(?<=[,;:]\s))"
            r"(\d[\d,]*(?:\.\d+)?)\s+(?=to\s+the\s+nearest\b)"
        ),
        r"round \1 ",
    ),
    # "a 0.5% fee on 20000 is how much": how much is a 0.5% fee on 20000.
    (
        re.compile(
            r"^(?P<asked>[^?\n]+?)\s+(?:is|comes\s+to|would\s+be)\s+how\s+much\s*[?.!]*\s*$"
        ),
        r"how much is \g<asked>",
    ),
    # "tip of 15 percent on a 18.40 lunch": a 15 percent tip on 18.40.
    (
        re.compile(
            r"\b(tip|fee|tax|commission|charge)\s+of\s+(\d[\d,]*(?:\.\d+)?\s*(?:%|percent\b))"
            r"\s+on\s+(?:a\s+|an\s+|the\s+|my\s+)?(?=\$?\d)"
        ),
        r"\2 \1 on ",
    ),
    # "what's the total if I add an 18% tip to a 65 bill": the total is what adding gives.
    (
        re.compile(
            r"\bwhat(?:'s|s|\s+is|\s+would\s+be)\s+the\s+total\s+if\s+(?:i|we|you)\s+(?=add\b)"
        ),
        "",
    ),
    # "add 8% sales tax to 75": 75 plus 8% sales tax.
    (
        re.compile(
            r"\badd\s+(?:an?\s+)?(\d[\d,]*(?:\.\d+)?\s*(?:%|percent\b))((?:\s+[a-z]+){0,2}?)"
            # "add 20% tax to it", "... to the result": the value at hand.
            r"\s+to\s+(?:(?:a|an|the|my|our)\s+)?(\$?\d[\d,]*(?:\.\d+)?|\u27e8[^\u27e9]+\u27e9|"
            r"(?<=to\s)(?:it|that|this|the\s+result|the\s+answer)\b)"
        ),
        r"\3 plus \1\2",
    ),
    # "the difference between the biggest and smallest of ...": the range of them.
    (
        re.compile(
            r"\b(?:the\s+)?difference\s+between\s+the\s+(?:biggest|largest|highest|max(?:imum)?)"
            r"\s+and\s+(?:the\s+)?(?:smallest|lowest|min(?:imum)?)(?:\s+(?:ones?|numbers?|values?))?"
            r"(?=\s+(?:of|in)\b)"
        ),
        "the range",
    ),
    # "forty-two": the hyphen joins tens and units ("forty-two times three" was 40 - 2 * 3);
    # "ninety - nine", spaced, stays a subtraction.
    (
        re.compile(
            r"\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-"
            r"(one|two|three|four|five|six|seven|eight|nine)\b"
        ),
        r"\1 \2",
    ),
    # "one point five": a decimal said in words, digit by digit after the point.
    (
        re.compile(
            r"\b(zero|one|two|three|four|five|six|seven|eight|nine)\s+point((?:\s+(?:zero|one|two|"
            r"three|four|five|six|seven|eight|nine)\b)+)"
        ),
        lambda m: (
            _DIGIT_WORDS[m.group(1)] + "." + "".join(_DIGIT_WORDS[w] for w in m.group(2).split())
        ),
    ),
    # "what do you get if you add 7 to 5": the question is the arithmetic after it.
    (
        re.compile(
            r"\bwhat\s+(?:do|would|will)\s+(?:you|i|we)\s+get\s+(?:if|when)\s+(?:you|i|we)\s+"
        ),
        "",
    ),
    # "the price after a 15% discount on 80": the amount the change leaves, not the share
    # (read as "15% of 80" it was 12).
    (
        re.compile(
            r"\bafter\s+(?:an?\s+)?(\d+(?:\.\d+)?)\s*(?:%|percent\b)\s*(?:discount|reduction|"
            r"cut|markdown)\s+(?:on|of|from)\s+(\$?\d[\d,]*(?:\.\d+)?)"
        ),
        r"decrease \2 by \1%",
    ),
    (
        re.compile(
            r"\bafter\s+(?:an?\s+)?(\d+(?:\.\d+)?)\s*(?:%|percent\b)\s*(?:tax|vat|tip|markup|"
            r"surcharge|raise|increase)\s+(?:on|of|to)\s+(\$?\d[\d,]*(?:\.\d+)?)"
        ),
        r"increase \2 by \1%",
    ),
    # "a 15% tip on 64", "7% sales tax on 250": a share of the amount; "a 20% tip for 3
    # people" names a count of people or things, which is no amount to take a share of.
    (
        re.compile(
            r"(\d+(?:\.\d+)?\s*(?:%|percent\b))\s+(?:[a-z]+\s+)?(?:tip|tax|vat|commission|"
            r"fee|charge|markup|surcharge|deposit|discount)\s+(?:on|of|for)\b"
            r"(?!\s*\d[\d,]*(?:\.\d+)?\s+(?:people|persons|of\s+us|(?!dollars|euros|pounds|bucks|"
            r"cents)[a-z]+s)\b)"
        ),
        r"\1 of",
    ),
    # "250 after a 20% discount", "80 after a 5% raise", "120 after 25% off": the amount
    # the change leaves.
    (
        re.compile(
            r"(\d[\d,]*(?:\.\d+)?)\s+after\s+(?:an?\s+)?(\d+(?:\.\d+)?)\s*(?:%|percent\b)\s*"
            r"(?:off\b|discount\b|reduction\b|cut\b|decrease\b|markdown\b|drop\b)"
        ),
        r"decrease \1 by \2%",
    ),
    (
        re.compile(
            r"(\d[\d,]*(?:\.\d+)?)\s+after\s+(?:an?\s+)?(\d+(?:\.\d+)?)\s*(?:%|percent\b)\s*"
            r"(?:raise\b|rise\b|increase\b|markup\b|surcharge\b|tax\b|tip\b)"
        ),
        r"increase \1 by \2%",
    ),
    # "Highest of 1,200; 950; 1,450": a list of numbers separated by semicolons, whose
    # numbers have thousands separators, so that commas would be unclear.
    (
        re.compile(r"-?\$?\d[\d,]*(?:\.\d+)?%?(?:\s*;\s*-?\$?\d[\d,]*(?:\.\d+)?%?){2,}"),
        lambda m: re.sub(r"\s*;\s*", ", ", m.group(0)),
    ),
    # "split a $95 bill between 4 people", "split a $84.60 taxi fare among 3 friends": the
    # amount divided by the number of shares.
    (
        re.compile(
            r"\bsplit\s+(?:an?\s+|the\s+)?(\$?\d[\d,]*(?:\.\d+)?)(?:\s+[a-z]+){0,3}?\s+"
            r"(?:between|among|amongst|by|into)\s+(\d+)(?:\s+(?:people|persons|friends|ways|"
            r"colleagues|of us|parts|shares))?"
        ),
        r"\1 divided by \2",
    ),
    # "what's the % increase", "what % of 80 is 20": the sign alone stands for the word.
    (re.compile(r"(?:(?<=\s)|^)%(?=\s)"), "percent"),
    # "how many times does 15 go into 225": whole times, as at school.
    (
        re.compile(
            rf"\bhow\s+many\s+times\s+(?:does|do|will|can|would|could)\s+({_AMOUNT_SAID})\s+"
            rf"(?:go|fit)\s+into\s+({_AMOUNT_SAID})(?!\w|\.\d)"
        ),
        r"\2 // \1",
    ),
    # "total 120 + 80 + 55": the sum is written out already.
    (re.compile(r"^(?:total|sum)\s+(?=\$?\d[\d,]*(?:\.\d+)?\s*\+\s*\$?\d)"), ""),
    # "share it equally among 3 people", "split that evenly between 4": the value at hand
    # divided by the number of shares.
    (
        re.compile(
            r"\b(?:share|split|divide)\s+(it|that|this|the\s+result|\u27e8[^\u27e9]+\u27e9)\s+"
            rf"(?:equally|evenly)\s+(?:among|amongst|between)\s+({_SHARES})"
            r"(?:\s+(?:people|persons|friends|of\s+us|colleagues))?\b"
        ),
        r"divide \1 by \2",
    ),
    # "add up 1,250 + 980 + 3,400": the sum is written out already.
    (
        re.compile(r"\b(?:add|sum|total)\s+up\s+(?=\$?\d[\d,]*(?:\.\d+)?\s*\+\s*\$?\d)"),
        "",
    ),
    # "what's that per month over 12 months": a result pointed at, spread evenly over the
    # periods (never a number: "50 a month over 12 months" is a rate, its total asked).
    (
        re.compile(
            r"(?<!\w)(it|that|this|the\s+result|\u27e8[^\u27e9]+\u27e9)\s+(?:per|a|an|each)\s+"
            r"(?P<period>day|week|fortnight|month|quarter|year)\s+(?:over|across)\s+(?:the\s+)?"
            r"(?P<count>\d+)\s+(?P=period)s\b"
        ),
        r"\1 divided by \g<count>",
    ),
    # "split it 3 ways", "split 90 three ways": the amount, then the number of shares.
    (
        re.compile(
            r"\bsplit\s+(it|that|this|the\s+result|\u27e8[^\u27e9]+\u27e9|\$?\d[\d,]*(?:\.\d+)?)\s+"
            rf"({_SHARES})\s+ways\b"
        ),
        r"\1 divided by \2",
    ),
    # "half a million", "a quarter of a billion", "half a dozen": that part of the scale.
    (
        re.compile(
            r"\b(?:a\s+|one\s+)?(?P<part>half|quarter)\s+(?:of\s+)?an?\s+"
            r"(?P<scale>thousand|million|billion|dozen)\b"
        ),
        lambda m: f"{1 / _FRACTION_PARTS[m.group('part')]:g} {m.group('scale')}",
    ),
    # "three quarters of 96", "two thirds of 90", "a fifth of 40": a fraction of an amount.
    (
        re.compile(
            # "two-thirds of", hyphenated, too.
            r"\b(?:(?P<count>a|an|one|two|three|four|five|six|seven|eight|nine)(?:\s+|-))"
            r"(?P<part>half|thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?|"
            r"tenths?)\s+of\b"
        ),
        lambda m: f"{_FRACTION_COUNTS[m.group('count')]}/{_FRACTION_PARTS[m.group('part')]} of",
    ),
    # "reduce 3,600 by a third", "increase 90 by a half": the amount and that part of it.
    (
        re.compile(
            r"\b(reduce|decrease|cut|lower|increase|raise)\s+(\d[\d,]*(?:\.\d+)?)\s+by\s+(?:a|one)\s+"
            r"(half|third|quarter|fifth|tenth)\b"
        ),
        lambda m: (
            f"{m.group(2)} {'plus' if m.group(1) in ('increase', 'raise') else 'minus'} "
            f"{m.group(2)} divided by {_FRACTION_PARTS[m.group(3)]}"
        ),
    ),
    # "21°C, 24°C": a temperature's unit, said after each number as "21 c" would be.
    (re.compile(r"(?<=\d)\s*\u00b0\s*([cfk])\b"), r" \1"),
    # "82.40, 95.10, 77.65 — mean and median", "5, 10, 15 -> sum", "lap times 62.1, 61.4
    # and 63.0 seconds: mean and standard deviation", "5 8 3 - total?": a list (and its
    # unit), then what is asked of it, as a sentence after it would ask ("- 5" after a list
    # stays a subtraction, "- then" goes on with it).
    (
        re.compile(
            # "12.40 €, 9.55 € - sum?": the currency said after each amount, as a unit.
            r"((?:,\s*(?:and\s+)?|\s+and\s+|(?<=\d)\s+)[-+]?[$\u20ac\u00a3]?\d[\d,]*(?:\.\d+)?%?"
            r"(?:\s?[\u20ac\u00a3])?)"
            rf"(?:\s*{_LIST_UNIT})?(?:\s*(?:\u2014|\u2013|->|\u2192|=>|:)\s*|\s+-\s+)"
            r"(?=[a-z])(?!then\b)"
        ),
        r"\1. ",
    ),
    # "2 and a quarter hours", "one and a half times 60": 2.25, 1.5.
    (AND_A_PART, whole_and_part),
    (MIXED_NUMBER, mixed_number),
    (_SCALE_MAXIMUM, r"\g<before>"),
    (_SCALE_MAXIMUM_AFTER, r"\g<before>"),
    # "27 is how many percent of 180", "what fraction of 240 is 60, as a percent": what
    # percentage of 180 is 27, of 240 is 60.
    (
        re.compile(
            r"\b(\d[\d,]*(?:\.\d+)?)\s+is\s+how\s+many\s+(?:percent|per\s+cent|%)\s+of\s+"
            r"(\d[\d,]*(?:\.\d+)?)"
        ),
        r"what percentage of \2 is \1",
    ),
    (
        re.compile(
            r"\bwhat\s+fraction\s+of\s+(\d[\d,]*(?:\.\d+)?)\s+is\s+(\d[\d,]*(?:\.\d+)?)\s*,?\s*"
            r"(?:as|in)\s+(?:a\s+)?(?:percent|percentage|per\s+cent|%)"
        ),
        r"what percentage of \1 is \2",
    ),
    # "begin with 200, knock off 20%": start with 200, subtract 20%.
    (re.compile(r"\bbegin\s+with\b"), "start with"),
    (
        # "take off another 10%", "take off an extra 5%": of the value at hand.
        re.compile(
            # "take off the 15% commission": the share named, of the value at hand too.
            r"\b(?:knock|take)\s+off\s+(?:another\s+|an?\s+(?:extra|further)\s+|the\s+)?"
            r"(?=\d[\d,]*(?:\.\d+)?\s*(?:%|percent\b))"
        ),
        "subtract ",
    ),
    # "take 15% staff discount off the total", "knock 10% loyalty discount off it": the
    # discount's name says no more than "off" does.
    (
        re.compile(
            r"\b(take|knock)\s+(\d[\d,]*(?:\.\d+)?\s*(?:%|percent\b))\s+(?:[a-z]+\s+)?"
            r"(?:discount|reduction)\s+off\b"
        ),
        r"\1 \2 off",
    ),
    # "the mean of 14, 16, 21 - then times it by 4": a dash before "then" ends the clause.
    (re.compile(r"\s+[-\u2013\u2014]\s+(?=then\b)"), ", "),
    # "45% of 360, after which add 38": then.
    (re.compile(r"\bafter\s+which\b"), "then"),
    # "out of 44, 91 and 67 take the largest": the largest of them.
    (
        re.compile(
            r"\bout\s+of\s+(-?\d[\d,]*(?:\.\d+)?(?:\s*,\s*-?\d[\d,]*(?:\.\d+)?)*"
            r"(?:\s*,?\s*and\s+-?\d[\d,]*(?:\.\d+)?))\s*,?\s+(?:take|pick|find|get)\s+the\s+"
            r"(biggest|largest|highest|greatest|smallest|lowest)(?:\s+(?:one|number|value))?\b"
        ),
        r"take the \2 of \1",
    ),
    # "for 3, 9, 4 i need the mean and the biggest one": the figures of that list.
    (
        re.compile(
            r"^for\s+(-?\d[\d,]*(?:\.\d+)?(?:\s*,\s*(?:and\s+)?-?\d[\d,]*(?:\.\d+)?)+)\s*,?\s+"
            r"(?:i|we)\s+(?:need|want|would\s+like|'d\s+like)\s+([a-z ,]+?)\s*[?.!]*$"
        ),
        r"\2 of \1",
    ),
    # "how many percent is 18 of 80?" is "what percentage of 80 is 18?".
    (
        re.compile(
            r"\bhow\s+many\s+percent\s+is\s+(\d[\d,]*(?:\.\d+)?)\s+of\s+(\d[\d,]*(?:\.\d+)?)"
        ),
        r"what percentage of \2 is \1",
    ),
    # "bump 450 up by 12%", "knock 80 down by 5": an increase and a decrease said as verbs.
    (
        re.compile(r"\b(?:bump|push|put|mark)\s+(?:up\s+)?(\d[\d,]*(?:\.\d+)?)\s+(?:up\s+)?by\b"),
        r"increase \1 by",
    ),
    (
        re.compile(r"\b(?:knock|bring|mark)\s+(?:down\s+)?(\d[\d,]*(?:\.\d+)?)\s+(?:down\s+)?by\b"),
        r"decrease \1 by",
    ),
    # "all the numbers from 1 to 10": every whole number of the range, listed.
    (
        re.compile(
            r"\b(?:all\s+)?(?:of\s+)?(?:the\s+)?(?:whole\s+)?(?:numbers|integers)\s+"
            r"(?:from\s+)?(\d+)\s+(?:to|through|thru)\s+(\d+)\b"
        ),
        lambda m: _listed_range(int(m.group(1)), int(m.group(2))) or m.group(0),
    ),
    # "20 percent more than 50", "30% less than 200": an increase and a decrease.
    (
        re.compile(
            r"(\d+(?:\.\d+)?)\s*(?:%|percent\b|per\s+cent\b)\s+more\s+than\s+"
            r"(\d[\d,]*(?:\.\d+)?)"
        ),
        r"increase \2 by \1%",
    ),
    (
        re.compile(
            r"(\d+(?:\.\d+)?)\s*(?:%|percent\b|per\s+cent\b)\s+(?:less|lower|cheaper)\s+"
            r"than\s+(\d[\d,]*(?:\.\d+)?)"
        ),
        r"decrease \2 by \1%",
    ),
    # "the natural log of 5", "log base 10 of 1000", "the logarithm of": a named base.
    (re.compile(r"\bnatural\s+log(?:arithm)?\b"), "ln"),
    (
        re.compile(r"\blog(?:arithm)?\s+base\s+(\d+)\s+of\s+(\d[\d,]*(?:\.\d+)?)"),
        r"log(\2, \1)",
    ),
    (
        re.compile(r"\bcommon\s+log(?:arithm)?\s+of\s+(\d[\d,]*(?:\.\d+)?)"),
        r"log(\1, 10)",
    ),
    (re.compile(r"\blogarithm\b"), "log"),
    # "10% of whatever that comes to": the value before, however it is pointed at.
    (re.compile(r"\bwhatever\s+(?:that|it|this)\s+(?:comes\s+to|is|gives)\b"), "that"),
    # "then divide the whole thing by 4": the value before, all of it.
    (re.compile(r"\b(?:the\s+)?whole\s+thing\b"), "that"),
    # "3 to the fourth power", "2 to the 5th power": the power said as an ordinal.
    (
        re.compile(
            r"\bto\s+the\s+(?:(?P<word>second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
            r"tenth)|(?P<digits>\d+)(?:st|nd|rd|th))\s+power\b"
        ),
        lambda m: f"to the power {m.group('digits') or _ORDINAL_WORDS[m.group('word')]}",
    ),
    # "1000 divided by 1.035 to the 4", "2 to the 5th": a number to a power, "power" left
    # out; never "from 3 to the 4th" (a range), and only where the power ends the phrase.
    (
        re.compile(
            r"(?<!from\s)(?P<base>\b\d[\d,]*(?:\.\d+)?)\s+to\s+the\s+(?P<power>\d+)"
            r"(?:st|nd|rd|th)?(?=\s*(?:[),;?!]|\.(?!\d)|$|\s(?:and|then|times|minus|plus|"
            r"divided|multiplied)\b))"
        ),
        r"\g<base> to the power \g<power>",
    ),
    # "the biggest number out of 56, 102 and 87": the largest of them, not a share nor a
    # "number of" them.
    (
        re.compile(
            r"\b(biggest|largest|highest|greatest|smallest|lowest)(?:\s+(?:number|value|one))?"
            r"\s+out\s+of\b"
        ),
        r"\1 of",
    ),
    # "range between cheapest and dearest", "the difference between the highest and the
    # lowest", "gap from the smallest to the largest": the range, the two ends in either order.
    (
        re.compile(
            rf"\b(?:range|difference|gap|spread)\s+(?:between|from)\s+(?:the\s+)?"
            rf"(?:{_LOW_END}{_END_NOUN}\s+(?:and|to)\s+(?:the\s+)?{_HIGH_END}|"
            rf"{_HIGH_END}{_END_NOUN}\s+(?:and|to)\s+(?:the\s+)?{_LOW_END}){_END_NOUN}\b"
        ),
        "range",
    ),
    # "the cheapest of 4.99, 3.49 and 5.25", "the most expensive: 12, 40, 33": prices, so
    # the lowest and the highest.
    (re.compile(r"\b(?:cheapest|least\s+expensive)\b"), "lowest"),
    (re.compile(r"\b(?:priciest|most\s+expensive|dearest)\b"), "highest"),
    # "2/3 as a percentage", "3/4 in percent": the share out of a hundred; "0.45 as a
    # percent", a decimal, likewise.
    (
        re.compile(
            r"(?<![\d.])(\d+(?:\.\d+)?)\s*/\s*(\d+(?:\.\d+)?)\s+(?:as\s+an?|as|in)\s+"
            r"(?:percentage\b|percent\b|%)(?!\s+of\b)"
        ),
        r"\1 out of \2 as a percentage",
    ),
    (
        re.compile(
            r"(?<![\d.])(\d*\.\d+)\s+(?:as\s+an?|as|in)\s+(?:percentage\b|percent\b|%)"
            r"(?!\s+of\b)"
        ),
        r"\1 * 100",
    ),
    # "the middle value of 8, 1, 6": the median.
    (re.compile(r"\bmiddle\s+(?:value|number|one)\b"), "median"),
    # "then add 10 to whatever you get": the value before, as "whatever that comes to".
    (re.compile(r"\bwhatever\s+(?:you|we|i)\s+(?:get|got|end\s+up\s+with)\b"), "that"),
    # "times that by 5", "then times by 12": the verb "to times", as "multiply".
    (
        re.compile(
            r"(?:^|(?<=[,;:.]\s)|(?<=\bthen\s)|(?<=\band\s))times\s+(?=(?:(?:it|that|this|"
            r"the\s+result|the\s+answer|\u27e8[^\u27e9]+\u27e9|\$?\d[\d,]*(?:\.\d+)?)\s+)?by\b)"
        ),
        "multiply ",
    ),
    # "5 to the 4th", "2 to the tenth": a power said as an ordinal with no "power", after a
    # number and ending its clause ("5 to the 4th floor" is no power).
    (
        re.compile(
            r"(\d+(?:\.\d+)?)\s+to\s+the\s+(?:(?P<word>second|third|fourth|fifth|sixth|"
            r"seventh|eighth|ninth|tenth)|(?P<digits>\d+)(?:st|nd|rd|th))"
            r"(?=\s*(?:$|[,.?!;)]|\s+(?:and|then|plus|minus|times)\b))"
        ),
        lambda m: (
            f"{m.group(1)} to the power {m.group('digits') or _ORDINAL_WORDS[m.group('word')]}"
        ),
    ),
    # "10 factorial over 8 factorial", "45 over 9": a quotient, when a number ends the
    # clause after "over" (a condition, "orders over 100", has no number before it).
    (
        re.compile(
            r"(\d[\d,]*(?:\.\d+)?(?:\s+factorial|!)?)\s+over\s+(?=\d[\d,]*(?:\.\d+)?"
            r"(?:\s+factorial|!)?\s*(?:$|[,.?!;)]|\s+(?:and|then)\b))"
        ),
        r"\1 divided by ",
    ),
    # "250 with 12% added on", "80 with 20% on top": an increase.
    (
        re.compile(
            r"(\d[\d,]*(?:\.\d+)?)\s+with\s+(?:an?\s+(?:extra\s+)?)?(\d+(?:\.\d+)?)\s*"
            r"(?:%|percent\b)\s+(?:added(?:\s+on)?|on\s+top)\b"
        ),
        r"increase \1 by \2%",
    ),
    # "60 is 25% of what number?": the whole the part is a percentage of.
    (
        re.compile(
            r"(\d[\d,]*(?:\.\d+)?)\s+is\s+(\d+(?:\.\d+)?)\s*(?:%|percent\b)\s+of\s+"
            r"what(?:\s+(?:number|amount|total|value))?\b"
        ),
        r"\1 / (\2 / 100)",
    ),
    # "middle value (median) of 31, 17, 45", "range of 4.2, 9.8 (max minus min)": a figure's
    # second name in brackets.
    (_GLOSS, _without_gloss),
    # "12, 15, 18, 21, 24 - average?", "3, 8, 1: median": a list, then the figure asked of
    # it, alone ("- 5" after a list stays a subtraction).
    (
        re.compile(
            r"^\s*(?P<list>-?\d[\d,]*(?:\.\d+)?(?:\s*,\s*(?:and\s+)?-?\d[\d,]*(?:\.\d+)?)+)"
            r"\s*(?:-|:|\u2013|\u2014)\s*(?:the\s+|what(?:'s|\s+is)\s+the\s+)?"
            r"(?P<figure>average|avg|mean|median|mode|total|sum|range|max(?:imum)?|min(?:imum)?|"
            r"highest|lowest|biggest|smallest|largest)\s*[?.!]*\s*$"
        ),
        r"the \g<figure> of \g<list>",
    ),
    # "1,250 split evenly 5 ways", "90 shared equally 3 ways", "153 split 3 ways": the
    # amount, then the shares.
    (
        re.compile(
            r"(\$?\d[\d,]*(?:\.\d+)?)\s+(?:split|shared|divided)\s+(?:(?:evenly|equally|out)\s+)?"
            rf"({_SHARES})\s+ways\b"
        ),
        r"\1 divided by \2",
    ),
    # "the ages are 34, 41, 29 - what's the mean age": a dash between the numbers and a
    # question ends the sentence that gives them; "20 - 5" stays a subtraction.
    (
        re.compile(
            r"(\d)\s*(?:\s-|\u2013|\u2014|->|\u2192)\s+(?=(?:what's|whats|what|how|which)\b)"
        ),
        r"\1. ",
    ),
    # "which size came up most often", "the score that occurred most", "which size comes
    # back most" (of returns): the mode.
    (
        re.compile(
            r"\b(?:came|comes|come|turned|turns)\s+(?:up|back)\s+(?:the\s+)?most(?:\s+often)?\b"
            r"|\b(?:occurred|occurs|appeared|appears)\s+(?:the\s+)?most(?:\s+often)?\b"
        ),
        "is the most frequent",
    ),
    # "40 lots of 2.5": 40 times 2.5, when a number is on each side.
    (
        re.compile(r"(\d[\d,]*(?:\.\d+)?)\s+lots\s+of\s+(?=\$?\d[\d,]*(?:\.\d+)?\s*(?:$|[,.?!;]))"),
        r"\1 times ",
    ),
)


# "compute 8!", "what's 12!": the factorial sign after the request's only number, ending it.
_FACTORIAL_SIGN = re.compile(r"^(?P<before>[^\d]*?)(?<![\w.])(?P<number>\d+)!\s*\??\s*$")


def factorial_sign(text: str) -> str:
    """``text`` with "8!" written "8 factorial" when it is the whole request's only number
    and ends it; elsewhere "!" may end a sentence ("add 5 and 3!", and the planner's
    "Context: 1. Task: What is 5!" of "what is 5! plus 1"), which is no factorial."""
    return _FACTORIAL_SIGN.sub(r"\g<before>\g<number> factorial", text)


_THOUSANDS = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)k\b", re.I)
# "ran a 10k", "a 5k run": a race's distance, in kilometres.
_RACE_KM = (
    re.compile(
        r"\b(?P<ran>(?:ran|run|runs|running|jog|jogs|jogged|jogging|raced|racing|walked)\s+"
        r"(?:a|the|my|another|in\s+a|in\s+the)\s+)(?P<km>\d+(?:\.\d+)?)k\b(?!\s*[$\u00a3\u20ac%])",
        re.I,
    ),
    # "ran 10k in 52:30", "jogged 5k this morning": a run done, its distance said bare.
    re.compile(
        r"\b(?P<ran>(?:ran|jogged|raced|walked)\s+)(?P<km>\d+(?:\.\d+)?)k\b"
        r"(?!\s*(?:[$\u00a3\u20ac%]|steps\b|of\b|up\b))",
        re.I,
    ),
    re.compile(r"(?<![\w.])(?P<ran>)(?P<km>\d+(?:\.\d+)?)k(?=\s+(?:run|race|fun\s+run)\b)", re.I),
)


def spell_thousands(text: str) -> str:
    """``text`` with "2.5k" and "80K" written "2.5 thousand": thousands as people write
    them in money and counts, read like any other scale word; a race run ("ran a 10k",
    "a 5k run") is kilometres."""
    for race in _RACE_KM:
        text = race.sub(r"\g<ran>\g<km> km", text)
    return _THOUSANDS.sub(r"\1 thousand", text)


# "twelve hundred", "three point five": an amount said in number words, whole.
_SAID_IN_WORDS = re.compile(
    # "ninety-nine" is one number; "ninety - nine" a subtraction.
    rf"\b{_NUMBER_WORD}(?:(?:\s+|-)(?:and\s+)?{_NUMBER_WORD})*"
    r"(?:\s+point(?P<decimals>(?:\s+(?:zero|one|two|three|four|five|six|seven|eight|nine))+))?"
    r"\b"
)


_FRACTION_AFTER = re.compile(
    r"[\s-]+(?:halves|half|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|"
    r"ninths?|tenths?)\b"
)


def _digits_for_words(match: re.Match[str]) -> str:
    """ "twelve hundred" as "1200", "three point five" as "3.5", so that the everyday
    phrasings read in digits ("1200 shared out 15 ways") read it too; "one" alone stays
    ("which one")."""
    said = match.group(0)
    after = match.string[match.end() :]
    if said == "one" or _FRACTION_AFTER.match(after):
        return said  # "three quarters", "two-fifths": a fraction, read as one
    whole = said[: match.start("decimals") - match.start()] if match.group("decimals") else said
    words = [Token("word", w) for w in re.findall(r"[a-z]+", whole) if w != "point"]
    value, used = _number_from_words(words, 0)
    if used != len(words):
        return said
    decimals = "".join(_DIGIT_WORDS[w] for w in (match.group("decimals") or "").split())
    return _plain(value) + (f".{decimals}" if decimals else "")


def _everyday(text: str) -> str:
    text = spell_thousands(text)
    text = _SAID_IN_WORDS.sub(_digits_for_words, text)
    for pattern, plain in _EVERYDAY:
        text = pattern.sub(plain, text)
    return text


_PERCENTAGE_ASKED = frozenset({"percent", "percentage", "percentages", "pct", "%"})


def read_numeric_request(
    text: str,
    references: Mapping[str, Any] | None = None,
    *,
    implicit: str | None = None,
    material: Sequence[Node] = (),
) -> Reading:
    """Read a request for a computation.

    Args:
        text: The request, with earlier steps' results marked ``⟨s1⟩`` (see
            `orchestra.agents.analyst.references`).
        references: The earlier steps' values by name (numbers or lists of numbers).
        implicit: The name of the value a clause without its own operand works on
            ("multiply by 3"), e.g. the only earlier step's result.
        material: Numbers given apart from the request (the task's context, an earlier
            step's values), used when an aggregate names none of its own ("their average").
    """
    values = dict(references or {})
    tokens, notes = _corrected(_tokens(_everyday(text.lower())))
    confidence = 1.0 - _TYPO * len(notes)
    doubts = list(notes)
    slashed = _SLASHED.search(text)
    if slashed:
        # "12/05/2024", "the 50/30/20 rule": a date or a name, not two divisions.
        confidence = 0.0
        doubts.append(f"'{slashed.group(0)}' reads as a date or a name, not a division")
    comma = decimal_comma(text)
    if comma:
        # "the average of 1,5 and 2,5": 1.5 and 2.5 written with a decimal comma, or four
        # numbers? Either reading is a guess.
        confidence = 0.0
        doubts.append(f"'{comma}' may be a number with a decimal comma")
    if any(t.text == "log" and following.kind != "sym" for t, following in pairwise(tokens)):
        # "the log of 1000" is 3 on a calculator and 6.9 in a program: the base is not said.
        confidence = 0.0
        doubts.append("'log' names no base: say 'natural log' or 'log base 10'")
    unread: list[str] = []

    pieces = _clauses(tokens)
    kept: list[list[Token]] = []
    given = list(material)
    for piece in pieces:
        name, rest = _setter(_without_filler(piece))
        if name:
            implicit = name
            if isinstance(values.get(name), list) and not given:
                # "Give me the median. Use the values of step s1": the numbers a figure
                # that names none of its own is of.
                given = [Name(name)]
        statement = _statement_of_numbers(_without_filler(piece))
        if statement is not None and len(pieces) > 1:
            given = statement  # the numbers a later "what is their average?" is about
            continue
        if name is None or rest:
            kept.append(piece if name is None else rest)

    previous: Node | None = Name(implicit) if implicit else None
    share_read = False
    clauses: list[Clause] = []
    for piece in kept:
        content = _without_filler(piece)
        if not content:
            continue
        expression, parser = _read_clause(piece, content, previous, given)
        if (
            expression is not None
            and previous is not None
            and _is_bare_percentage(expression)
            and any(t.text in _ASKS_A_SHARE for t in piece)
        ):
            # "3 times 45, and with the result work out 20%": a share asked of the value
            # the clause works on, as "20% of it" would say.
            expression = Op("*", expression, previous)
        cost, clause_doubts, clause_unread = _coverage(
            content,
            parser,
            expression is not None,
            frozenset(values),
            taken_off=expression is not None and _takes_off(expression),
        )
        confidence -= cost
        doubts.extend(clause_doubts)
        unread.extend(clause_unread)
        remainder = [t.text for t in content if t.text in _REMAINDER_WORDS]
        if expression is None and share_read and remainder:
            # "28% of 4750 and whats left": what remains of the whole is a second figure,
            # asked in a clause of its own; 1330 alone would drop it.
            confidence -= 1.0
            doubts.append(f"did not work out what is '{remainder[0]}' after the share")
        if expression is not None:
            clauses.append(Clause(" ".join(t.text for t in piece), expression))
            previous = expression
            share_read = _share_read(content, parser.used) and not _takes_off(expression)

    last = clauses[-1] if clauses else None
    if last is not None and (
        _is_bare_percentage(last.expression)
        or (
            isinstance(last.expression, Num | Name)
            and not re.match(r"\s*(?:take|start with)\b", last.text)
            # "whats the result of step s1": the earlier value itself, asked back.
            and not (
                isinstance(last.expression, Name)
                and len(clauses) == 1
                and re.fullmatch(r"\s*(?:what(?:'s|s|\s+is)|whats)\s+\w+\s*[.?!]*", last.text)
            )
        )
    ):
        # A number alone is not a computation: "the area of a circle with radius 3" is 3
        # only to a reader that skipped the words it did not know. "Take 49, take its
        # square root" starts from 49; "take 15%" alone is a share of nothing, not 0.15.
        confidence = 0.0
        doubts.append(f"'{last.text}' asks nothing of its numbers")
    for clause in clauses:
        for call in _calls(clause.expression):
            kinds = {_is_percentage(a) for a in call.args}
            if call.function in _AGGREGATE_NAMES and len(kinds) > 1:
                confidence -= _QUALIFIER
                doubts.append(f"{call.function} of percentages and plain numbers together")
    size = _SIZE.search(text.lower())
    if (
        size
        and size.group("noun") in set(unread) - _UNITS
        and not _ASKS.intersection(re.findall(r"[\w']+|[=?]", text.lower()))
    ):
        # "10 x 10 room ideas", "4x6 photo frames": a size naming a thing, with nothing
        # asking for its product; the request is about the thing, not the arithmetic.
        confidence = 0.0
        doubts.append(f"'{size.group(0)}' names a size, not a product asked for")
    if _PERCENTAGE_ASKED.intersection(unread):
        # "2/3 as a percentage" read as 2/3 is a hundred times off: a percentage asked
        # and not computed is no small doubt.
        confidence = 0.0
    left = [w for w in unread if re.fullmatch(r"[\d.]+%?|\u27e8.*", w)]
    if left:
        confidence = 0.0
        doubts.append("did not use " + _some(left))
    if not clauses:
        confidence = 0.0
    for clause in clauses:
        for call in _calls(clause.expression):
            if call.function in _AGGREGATE_NAMES and _single_number(call, values):
                confidence = 0.0
                doubts.append(f"a {call.function} of a single number")
    used = sorted({n.name for c in clauses for n in _names(c.expression)} & values.keys())
    if values and clauses and not used:
        confidence -= _UNUSED_INPUT
        doubts.append("did not use the earlier results: " + ", ".join(sorted(values)))
    figures, listed = _figures(_same_list_figures(clauses))
    if figures:
        clauses = _same_list_figures(clauses)
    return Reading(
        clauses=tuple(clauses),
        figures=figures,
        values=listed,
        references=tuple(used),
        confidence=max(0.0, round(min(1.0, confidence), 3)),
        doubts=tuple(dict.fromkeys(doubts)),
        unread=tuple(unread),
    )


def _read_clause(
    raw: list[Token], content: list[Token], previous: Node | None, material: Sequence[Node]
) -> tuple[Node | None, _Parser]:
    """The reading of one clause that accounts for the most of its tokens."""
    framed = _percent_frame(raw, previous)
    if framed is not None:
        parser = _Parser(content, previous)
        parser.used.update(range(len(content)))
        return framed, parser
    best: tuple[Node | None, _Parser] = (None, _Parser(content, previous))
    for start in range(len(content)):
        if start and content[start - 1].kind in _OPERAND_KINDS:
            continue  # not from the middle of a list
        parser = _Parser(content, previous, position=start, material=material)
        try:
            expression = _frame(parser)
            if expression is None:
                parser.position = start
                expression = parser.expression()
        except _Unreadable:
            continue
        if len(parser.used) > len(best[1].used):
            best = (expression, parser)
    return best


# "10 x 10 room", "4x6 photo": two numbers with "x" between and a noun after them.
_SIZE = re.compile(r"(?<![\w.])\d+(?:\.\d+)?\s*[x\u00d7]\s*\d+(?:\.\d+)?\s*(?P<noun>[a-z]+)")
# Words that ask for arithmetic to be done, whatever else the request says.
_ASKS = _words(
    """what what's whats how calculate calculates compute work solve equals equal is are
    area multiply times product = ?"""
)

# Verbs that ask for a percentage of the value at hand when it is given alone.
_ASKS_A_SHARE = _words("work find calculate compute get take what what's whats")


def _coverage(
    tokens: list[Token],
    parser: _Parser,
    read: bool,
    names: frozenset[str] = frozenset(),
    *,
    taken_off: bool = False,
) -> tuple[float, list[str], list[str]]:
    """What the tokens a clause's reading did not use cost, and why; ``taken_off`` when
    the reading is what is left once a share is taken off (`_takes_off`)."""
    used = parser.used if read else set()
    first, last = (min(used), max(used)) if used else (len(tokens), -1)
    cost = 0.0
    doubts: list[str] = []
    unread: list[str] = []
    for index, token in enumerate(tokens):
        if index in used or token.kind in ("comma", "colon", "end"):
            continue
        if token.kind in _OPERAND_KINDS:
            unread.append(token.text + ("%" if token.kind == "pct" else ""))
            continue
        if index > last and token.text not in names and _asks_form(tokens, index):
            # "2 + 2 in binary", "7 times 8 in roman numerals", "15 + 5 in words": the
            # result asked in a form this reader does not write; the plain number is not it.
            unread.append(token.text)
            cost += 1.0
            doubts.append(f"the result asked in '{token.text}', which is not written")
            continue
        if token.text in _CONNECTIVES | _UNITS | {"=", "?", "of"} and not first < index < last:
            continue
        if index > last and token.text in _REMAINDER_WORDS and taken_off:
            # "take off 15% for stock, whats left": the rest is the value read.
            continue
        if index > last and token.text in _REMAINDER_WORDS and _share_read(tokens, used):
            # "15% of 200, and the rest?" read as one clause: the same second figure.
            unread.append(token.text)
            cost += 1.0
            doubts.append(f"did not work out what is '{token.text}' after the share")
            continue
        unread.append(token.text)
        if token.text in _CHANGES_VALUES | _words("dozen dozens"):
            # "half a million", "half of 3 quarters": a fraction or a multiple left out of
            # the reading changes the value several times over; no small doubt.
            cost += 1.0
            doubts.append(f"did not use '{token.text}', which changes the value")
        elif token.text in _QUALIFIERS:
            cost += _QUALIFIER
            doubts.append(f"cannot apply '{token.text}'")
        elif token.text in _OPERATOR_WORDS or (token.kind == "sym" and token.text in _INFIX):
            # "subtract" left out of a reading changes what is computed.
            cost += _QUALIFIER
            doubts.append(f"did not use '{token.text}'")
        elif index in parser.described or token.text in _DESCRIPTIVE_OK:
            continue
        elif first < index < last:
            cost += _UNKNOWN_INSIDE
            doubts.append(f"did not understand '{token.text}'")
        else:
            cost += _UNKNOWN_OUTSIDE
            doubts.append(f"ignored '{token.text}'")
    if not read:
        cost = max(cost, 0.0)
        doubts.append("could not read '" + _clipped(" ".join(t.text for t in tokens)) + "'")
    return cost, doubts, unread


# A reason is read by a person, in a list of tasks too: a request of kilobytes of numbers
# should not come back quoted whole in it.
_LISTED_AT_MOST = 8
_QUOTED_AT_MOST = 120


def _some(items: list[str]) -> str:
    """``items`` joined, the first few of a long list and how many more: "1, 2, ... and 392
    more"."""
    if len(items) <= _LISTED_AT_MOST:
        return ", ".join(items)
    shown = ", ".join(items[:_LISTED_AT_MOST])
    return f"{shown} and {len(items) - _LISTED_AT_MOST} more"


def _clipped(text: str) -> str:
    """``text``, cut after a sentence's length with an ellipsis."""
    if len(text) <= _QUOTED_AT_MOST:
        return text
    return text[:_QUOTED_AT_MOST].rstrip() + "…"


# Words that join the numbers of a list ("4, 5 and 9").
_JOINED_IN_LIST = _words("and &")
_POINTERS = _words("it them this that these those here there result answer reply message")
# Forms a result may be asked in that are the plain number this reader gives.
_PLAIN_FORMS = _words("total all decimal decimals digits numbers figures sum short full")


# What remains of a whole once a share of it is taken, asked after the share.
_REMAINDER_WORDS = _words("left leftover remains remain rest remainder")


def _share_read(tokens: list[Token], used: set[int]) -> bool:
    """Whether the reading took a percentage of something ("28% of 4750")."""
    return any(tokens[index].kind == "pct" for index in used)


def _takes_off(node: Node) -> bool:
    """Whether the reading takes something off ("take off 15% for stock" of an earlier
    total, s1 * (1 - 15 / 100)): what is left is then the value read, and a "whats left"
    after it asks that value, not a second figure."""
    if isinstance(node, Op):
        return node.symbol == "-" or _takes_off(node.left) or _takes_off(node.right)
    return False


def _asks_form(tokens: list[Token], index: int) -> bool:
    """Whether the word at ``index`` names a form or unit the result is asked in ("in
    binary", "as a fraction", "in roman numerals"), after "in", "as", "into" or "to"."""
    token = tokens[index]
    if token.kind != "word" or token.text in _PLAIN_FORMS | _DESCRIPTIVE_OK | _POINTERS:
        return False
    before = index - 1
    while before >= 0 and tokens[before].text in _WORDS_BEFORE_FORM:
        before -= 1
    return before >= 0 and tokens[before].text in ("in", "as", "into")


# Words that may stand between "in" and the form ("in roman numerals", "as a mixed fraction").
_WORDS_BEFORE_FORM = _words("a an roman mixed scientific standard base hexadecimal")


_OPERATOR_WORDS = (
    _VERBS
    | set(_AGGREGATE_WORDS)
    | _FUNCTION_WORDS
    | set(_MULTIPLIERS)
    | _words("plus minus times multiplied divided squared cubed root power raised mod percent")
)


def _names(node: Node) -> list[Name]:
    if isinstance(node, Name):
        return [node]
    if isinstance(node, Op):
        return _names(node.left) + _names(node.right)
    if isinstance(node, Neg):
        return _names(node.operand)
    if isinstance(node, Call):
        return [n for a in node.args for n in _names(a)]
    return []


def _calls(node: Node) -> list[Call]:
    if isinstance(node, Call):
        return [node, *(c for a in node.args for c in _calls(a))]
    if isinstance(node, Op):
        return _calls(node.left) + _calls(node.right)
    if isinstance(node, Neg):
        return _calls(node.operand)
    return []


def _single_number(call: Call, values: Mapping[str, Any]) -> bool:
    """Whether an aggregate is over one plain number ("the average of 6")."""
    args = call.args[1:] if call.function == "percentile" else call.args
    if len(args) != 1:
        return False
    only = args[0]
    if isinstance(only, Name):
        return not isinstance(values.get(only.name), list | tuple)
    return not isinstance(only, Call)


def _same_list_figures(clauses: Sequence[Clause]) -> list[Clause]:
    """ "3.40, 2.90, 3.20. Total please. Then average please.": clauses that each ask a
    figure of the same list (none of them using the one before) are the figures of that
    list, as "the total and average of ..." is; other clauses stay as they are."""
    calls = [c.expression for c in clauses]
    if len(calls) < 2 or not all(
        isinstance(c, Call) and c.function in _AGGREGATE_NAMES and c.function != "percentile"
        for c in calls
    ):
        return list(clauses)
    if len({c.args for c in calls if isinstance(c, Call)}) != 1:
        return list(clauses)
    text = " and ".join(c.text for c in clauses)
    return [Clause(text, Call("figures", tuple(calls)))]


def _figures(clauses: Sequence[Clause]) -> tuple[tuple[str, ...], tuple[Node, ...]]:
    """The aggregates asked of one list of numbers, and that list; else empty."""
    if len(clauses) != 1:
        return (), ()
    expression = clauses[0].expression
    calls = (
        expression.args
        if isinstance(expression, Call) and expression.function == "figures"
        else (expression,)
    )
    names: list[str] = []
    lists: set[tuple[Node, ...]] = set()
    for call in calls:
        if not isinstance(call, Call) or call.function not in _AGGREGATE_NAMES:
            return (), ()
        names.append(call.function)
        lists.add(call.args[1:] if call.function == "percentile" else call.args)
    if len(lists) != 1:
        return (), ()
    # "9, -3, 14": a negative number listed is a value of the list, as "3" is.
    items = tuple(
        Num(-i.operand.value, f"-{i.operand.text}")
        if isinstance(i, Neg) and isinstance(i.operand, Num)
        else i
        for i in next(iter(lists))
    )
    if not all(isinstance(i, Num | Name) for i in items):
        return (), ()
    return tuple(names), items

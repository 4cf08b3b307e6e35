"""A formula the request states as "figure = arithmetic of named quantities", with the
value of each name given elsewhere in the request.

"karvonen: target = (max - resting) x 0.7 + resting. max is 185, resting 58. target?" is
(185 - 58) * 0.7 + 58; "apparent attenuation = (og - fg) / (og - 1) x 100. og 1.060, fg
1.012" is (1.060 - 1.012) / (1.060 - 1) * 100; "payment = P x r / (1 - (1+r)^-n) with P
256,500, r = 4.8%/12 and n = 360" puts 0.048 / 12 for r. A name is any run of up to four
words between the formula's operators ("daily use x lead time + safety stock").

A value is a name's when it is said right after the name ("max is 185", "og 1.060",
"resting hr is 58") or right before it ("297 darts", "500 ml"); when exactly one name and
one number are left after that, the number is the name's. The reading is strict: every
name gets exactly one value, every number of the request outside the formula is used
once, and the words left over are only the figure's name, the names, and words that ask
nothing else ("what's my", "estimated"); otherwise it is None and other readers (which
refuse) see the request. A value in percent is read only for a name the formula adds to
or takes from 1 ("(1 + r)^-n"), where it can only be a fraction; "5.5% abv" in "ml x abv
/ 1000" may be 5.5 or 0.055 and is not read.
"""

from __future__ import annotations

import re

from orchestra.agents.analyst.formulas import is_unit
from orchestra.agents.analyst.wording import Node, read_numeric_request

__all__ = ["read_stated_formula"]

_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_TOKEN = re.compile(
    rf"(?P<num>{_NUMBER})|(?P<word>[a-z][a-z0-9]*)|(?P<op>[-+*/^\u00d7])|(?P<open>\()"
    r"|(?P<close>\))|(?P<space>\s+)|(?P<other>.)",
    re.I,
)
_WORD_OPERATORS = {"x": "*", "times": "*", "plus": "+", "minus": "-"}
_FUNCTIONS = frozenset({"ln", "log", "sqrt", "exp"})
# Words that are no part of a quantity's name: they ask, join or refer.
_NOT_IN_NAMES = frozenset(
    re.findall(
        r"\w+",
        """how what whats is are was were that this the my i im so and or with for of to if
    then per each a an it do does you we pls please using where when by divided
    multiplied all your our their his her its be on at from into as than so than but
    gives give get got which who much many""",
    )
)
# Words the rest of the request may hold besides names, values and the figure's name.
_FILLER = frozenset(
    re.findall(
        r"\w+",
        """what whats what's is are was were the my i im i'm me so and with for of to it its
    a an at how much many please pls can you tell work out calculate estimated estimate
    roughly about then be would will does do did got get my our your that this using
    use formula question q with scored benched lifted did had have ran""",
    )
)
# Units of time said after a value that no unit table holds ("300 months").
_COUNTED = frozenset({"months", "month", "years", "year", "yrs", "weeks", "days"})
_COPULA = r"(?:is|was|were|=|:|of)"


def _tokens(text: str) -> list[tuple[str, str, int, int]]:
    return [
        (str(m.lastgroup), m.group(0), m.start(), m.end())
        for m in _TOKEN.finditer(text)
        if m.lastgroup != "space"
    ]


def _arithmetic_after(text: str, start: int) -> tuple[int, list[tuple[str, str]]] | None:
    """The arithmetic of numbers and names from ``start``: its end and its pieces (kind,
    text), the names as runs of words; None when it is not arithmetic of names."""
    tokens = _tokens(text[start:])
    pieces: list[tuple[str, str]] = []
    good: tuple[int, int] | None = None  # (end, pieces) where an operand closed
    depth, i, want_operand = 0, 0, True
    while i < len(tokens):
        kind, said, _, end = tokens[i]
        low = said.lower()
        if want_operand:
            if kind == "open":
                depth += 1
                pieces.append(("open", "("))
            elif kind == "op" and said == "-":
                pieces.append(("op", "-"))
            elif kind == "num":
                pieces.append(("num", said.replace(",", "")))
                want_operand = False
            elif kind == "word" and low in _FUNCTIONS and i + 1 < len(tokens):
                if tokens[i + 1][0] != "open":
                    break
                pieces.append(("fn", low))
            elif kind == "word" and low not in _WORD_OPERATORS:
                run = [low]
                while (
                    i + 1 < len(tokens)
                    and tokens[i + 1][0] == "word"
                    and tokens[i + 1][1].lower() not in _WORD_OPERATORS
                ):
                    i += 1
                    run.append(tokens[i][1].lower())
                if len(run) > 4 or any(w in _NOT_IN_NAMES for w in run if w != "in"):
                    break
                if run[0] == "in" or run[-1] == "in":
                    break
                pieces.append(("name", " ".join(run)))
                end = tokens[i][3]
                want_operand = False
            else:
                break
            if not want_operand and depth == 0:
                good = (start + end, len(pieces))
        else:
            if kind == "close" and depth > 0:
                depth -= 1
                pieces.append(("close", ")"))
                if depth == 0:
                    good = (start + end, len(pieces))
            elif kind == "op" or (kind == "word" and low in _WORD_OPERATORS):
                symbol = _WORD_OPERATORS.get(low, said.replace("\u00d7", "*"))
                pieces.append(("op", symbol))
                want_operand = True
                if symbol == "^" and i + 1 < len(tokens) and tokens[i + 1][1] == "-":
                    pieces.append(("op", "-"))
                    i += 1
            elif kind == "open":
                break  # "0.88 (12% shrinkage)": an aside, not a product
            else:
                break
        i += 1
    if good is None:
        return None
    end, count = good
    pieces = pieces[:count]
    if not any(k == "name" for k, _ in pieces) or not any(k == "op" for k, _ in pieces):
        return None
    return end, pieces


_LABEL_BEFORE = re.compile(r"(?:^|[.:;!?(]\s*|,\s*)(?P<lhs>[a-z0-9][a-z0-9 ]{0,40}?)\s*$", re.I)


def _formula(text: str) -> tuple[int, int, str, list[tuple[str, str]]] | None:
    """The one formula of names the request states: its span, the figure's name and its
    pieces; None when there is none or more than one."""
    found = []
    for equals in re.finditer(r"=", text):
        read = _arithmetic_after(text, equals.end())
        if read is None:
            continue
        lhs = _LABEL_BEFORE.search(text[: equals.start()])
        if lhs is None or len(lhs.group("lhs").split()) > 4:
            return None
        figure = lhs.group("lhs").lower().split()
        while figure and figure[0] in _NOT_IN_NAMES:
            figure = figure[1:]  # "using epley 1rm", "and weekly rent"
        if not figure:
            return None
        found.append((lhs.start("lhs"), read[0], " ".join(figure), read[1]))
    return found[0] if len(found) == 1 else None


_VALUE = rf"(?P<n>{_NUMBER})(?P<pct>\s*%)?(?:\s*(?:/|divided\s+by)\s*(?P<d>{_NUMBER}))?"


def _forms(name: str) -> str:
    last = name.split()[-1]
    stem = re.escape(name[: len(name) - len(last)]).replace(r"\ ", r"\s+")
    ends = {last, last + "s", last + "es"} | ({last[:-1]} if last.endswith("s") else set())
    return stem + "(?:" + "|".join(re.escape(e) for e in sorted(ends, key=len, reverse=True)) + ")"


def _candidates(rest: str, name: str) -> tuple[list[re.Match[str]], list[re.Match[str]]]:
    """Values said right after the name ("max is 185", "resting hr is 58") and right
    before it ("297 darts")."""
    said = _forms(name)
    after = list(
        re.finditer(
            rf"(?<![\w.]){said}(?:\s+[a-z]+\s+{_COPULA}|\s*{_COPULA})?\s*{_VALUE}", rest, re.I
        )
    )
    before = list(
        re.finditer(
            rf"(?<![\w.,])(?P<n>{_NUMBER})(?P<pct>\s*%)?(?P<d>(?!x)x)?\s*{said}\b", rest, re.I
        )
    )
    return after, before


def _time(unit: str) -> bool:
    return unit.lower() in _COUNTED or unit.lower().rstrip("s") in {
        "second",
        "sec",
        "min",
        "minute",
        "hour",
        "hr",
        "day",
        "week",
        "month",
        "year",
    }


def read_stated_formula(context: str | None, text: str) -> tuple[Node, str] | None:
    """The stated formula with the values given put in (see the module docstring)."""
    whole = f"{context} {text}" if context is not None else text
    whole = whole.replace("\u00b3", "3").replace("\u00b2", "2").replace("\u2212", "-")
    formula = _formula(whole)
    if formula is None:
        return None
    start, end, figure, pieces = formula
    names = list(dict.fromkeys(p for k, p in pieces if k == "name"))
    # The words before a colon ahead of the formula say what it is ("karvonen: ").
    rest = whole[:start] + " ; " + whole[end:]
    label = re.match(r"^[^:=\d]*:", rest)
    if label is not None:
        rest = " " * label.end() + rest[label.end() :]
    for word in figure.split():
        if re.search(r"[a-z]", word):  # "estimated 1rm?": the figure asked by its name
            rest = re.sub(
                rf"(?<![\w.]){re.escape(word)}\b", lambda m: " " * len(m.group(0)), rest, flags=re.I
            )
    spans: dict[str, tuple[int, int, re.Match[str]]] = {}
    for pick in ("after", "before", "both"):
        spans = {}
        for name in names:
            after, before = _candidates(rest, name)
            chosen = {"after": after, "before": before, "both": after + before}[pick]
            if len({m.span("n") for m in chosen}) == 1:
                spans[name] = (chosen[0].start(), chosen[0].end(), chosen[0])
        if len(spans) == len(names):
            break
    numbers = [m for m in re.finditer(rf"(?<![\w.]){_NUMBER}(?![\w.]\d)", rest)]
    used = {m.span("n") for _, _, m in spans.values()} | {
        m.span("d") for _, _, m in spans.values() if m.group("d")
    }
    left = [m for m in numbers if m.span() not in used]
    unbound = [n for n in names if n not in spans]
    if len(unbound) == 1 and len(left) == 1:
        # "i scored 4,512 with 297 darts": the one number left is the one name's left.
        hit = re.match(_VALUE, rest[left[0].start() :])
        unit = re.match(rf"{_NUMBER}\s*([a-z]+)", rest[left[0].start() :], re.I)
        done = re.search(r"\b[a-z]+ed\s*$", rest[: left[0].start()], re.I)
        measured = unit is not None and is_unit(unit.group(1)) and not _time(unit.group(1))
        if hit is None or not (measured or done):
            return None  # "and i'm 30": whose that is, and whether it is this, is not said
        spans[unbound[0]] = (left[0].start(), left[0].start() + hit.end(), hit)
        shifted = left[0].start()
        used |= {(shifted + hit.start("n"), shifted + hit.end("n"))}
        left = []
    elif unbound or left:
        return None
    if len({s[:2] for s in spans.values()}) != len(spans):
        return None  # one value said for two names
    values: dict[str, str] = {}
    for name, (_, _, m) in spans.items():
        value = m.group("n").replace(",", "")
        if m.group("pct"):
            fraction = rf"\b1\s*[-+]\s*{re.escape(name)}\b|\b{re.escape(name)}\s*[-+]\s*1\b"
            if not re.search(fraction, " ".join(p for _, p in pieces)):
                return None  # "5.5% abv": 5.5 or 0.055, not said
            value = f"{value} / 100"
        if m.group("d"):
            value = f"{value} / {m.group('d').replace(',', '')}"  # spaced: "6/100/12" is a date
        values[name] = f"({value})"
    # What is left of the request asks for the figure and nothing else.
    leftover = rest
    for s, e, _ in sorted(spans.values(), key=lambda span: span[0], reverse=True):
        # "n is 300 months", "80 kg": the unit the value is in goes with it.
        unit = re.match(r"\s*([a-z]+)\b", leftover[e:], re.I)
        if unit is not None and (is_unit(unit.group(1)) or unit.group(1).lower() in _COUNTED):
            e += unit.end()
        leftover = leftover[:s] + " " + leftover[e:]
    words = set(re.findall(r"[a-z][a-z0-9]*", leftover.lower().replace("'", "")))
    known = _FILLER | set(figure.split()) | {w for n in names for w in n.split()}
    known |= {w + "s" for n in names for w in n.split()}
    if words - known or re.search(r"\d", leftover):
        return None
    arithmetic = " ".join(values[p] if k == "name" else p for k, p in pieces)
    reading = read_numeric_request(arithmetic)
    if not reading.trusted or reading.expression is None or len(reading.clauses) != 1:
        return None
    return reading.expression, f"{figure} with the values given"

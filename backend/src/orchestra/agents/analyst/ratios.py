"""A whole shared in a ratio: how many of one part there are.

"Boys to girls in the class is 3:4 and there are 28 kids. How many girls?": the 28 are
shared 3 to 4, so the girls are 28 * 4 / (3 + 4) = 16. "3 boys for every 4 girls" says the
same ratio. It is read only when the ratio names its two parts, one whole is given with
a noun that is neither part, the question asks one of the parts by its name, no other
number is said, and the part comes out whole (a count of people is no fraction).
"""

from __future__ import annotations

import re

from orchestra.agents.analyst.wording import Node, Num, Op

__all__ = ["read_part_of_ratio"]

_WORD = r"[a-z]+"
# "boys to girls (in the class) is 3:4", "the ratio of boys to girls is 3 : 4".
_RATIO_SAID = re.compile(
    rf"\b(?P<a>{_WORD})\s+to\s+(?P<b>{_WORD})(?:\s+(?!is\b|are\b|was\b){_WORD}){{0,4}}?\s+"
    r"(?:is|are|was|=)\s+(?:in\s+the\s+ratio\s+(?:of\s+)?)?"
    r"(?P<p>\d+)\s*:\s*(?P<q>\d+)(?![\d:])",
    re.I,
)
# "3 boys for every 4 girls", "3 boys to every 4 girls".
_FOR_EVERY = re.compile(
    rf"(?<![\d.:])(?P<p>\d+)\s+(?P<a>{_WORD})\s+(?:for|to)\s+every\s+(?P<q>\d+)\s+(?P<b>{_WORD})\b",
    re.I,
)
# "there are 28 kids", "28 kids in total", "28 pupils altogether".
_WHOLE = re.compile(
    rf"(?<![\d.:])(?P<n>\d+)\s+(?P<noun>{_WORD})\b",
    re.I,
)
_ASKED = re.compile(rf"\bhow\s+many\s+(?P<part>{_WORD})\b", re.I)
_ANY_NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+)?(?![\w.]|\.\d)")


def _same(word: str, other: str) -> bool:
    """Whether two nouns are one, in the singular or the plural ("girl", "girls")."""
    a, b = word.lower(), other.lower()
    return a == b or a.rstrip("s") == b.rstrip("s")


def read_part_of_ratio(context: str | None, text: str) -> tuple[Node, str] | None:
    """How many of one part of a whole shared in a ratio, or None."""
    whole_text = f"{context} {text}" if context is not None else text
    said = _RATIO_SAID.search(whole_text) or _FOR_EVERY.search(whole_text)
    asked = _ASKED.search(whole_text)
    if said is None or asked is None:
        return None
    a, b = said.group("a"), said.group("b")
    if _same(asked.group("part"), a):
        share = said.group("p")
    elif _same(asked.group("part"), b):
        share = said.group("q")
    else:
        return None
    wholes = [
        m
        for m in _WHOLE.finditer(whole_text)
        if not (said.start() <= m.start() < said.end())
        and not _same(m.group("noun"), a)
        and not _same(m.group("noun"), b)
    ]
    numbers = _ANY_NUMBER.findall(whole_text)
    if len(wholes) != 1 or len(numbers) != 3:
        return None  # "28 kids and 2 teachers": which is shared, and what is the 2?
    whole, p, q = (float(x) for x in (wholes[0].group("n"), said.group("p"), said.group("q")))
    if p <= 0 or q <= 0 or (whole * float(share)) % (p + q):
        return None  # 3:4 of 30 kids is no whole number of girls: the figures disagree
    part = Op(
        "/",
        Op("*", Num(whole, wholes[0].group("n")), Num(float(share), share)),
        Op("+", Num(p, said.group("p")), Num(q, said.group("q"))),
    )
    return (
        part,
        f"the {asked.group('part').lower()} of {wholes[0].group('n')} shared {int(p)}:{int(q)}",
    )

"""Parts of a price added by name, with no amount given for them.

"lesson is 70 an hour plus kit hire, how much for 3 hrs": the price is 70 an hour and the
kit hire on top, whose amount is not said; 210 would be the lesson alone, answered as the
whole. A part added with "plus" (or " + ") that is only words, up to the end of its
clause, with no amount said of it anywhere else in the request ("plus shipping. shipping
is 4.50" says it), leaves the total unknown. Earlier results ("plus that", "plus the
result") and numbers in words ("plus forty five") are values, not unpriced parts.
"""

from __future__ import annotations

import re

__all__ = ["unpriced_addition"]

# "plus kit hire,", "+ parking.": an added part named by words alone, to its clause's end.
_ADDED_BY_NAME = re.compile(
    r"(?:\bplus|(?<=\s)\+)\s+(?:the\s+|a\s+|an\s+|some\s+)?"
    r"(?P<item>[a-z][a-z'-]*(?:\s+[a-z][a-z'-]*){0,2}?)\s*"
    # The clause ends at its punctuation, or where the question starts when the comma
    # before it was dropped ("plus kit hire how much for 3 hrs").
    r"(?=[,.;?!]|$|\s+(?:how|what|whats|what's|and\s+how|and\s+what)\b)",
    re.I | re.M,
)
# Words that stand for a value ("plus that", "plus the result"), or are no part added.
_VALUES = frozenset(
    """it that this them those these result answer total sum value what how which more extra
    zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy
    eighty ninety hundred thousand million half quarter squared cubed""".split()  # noqa: SIM905
)
# A clause of the request: up to a comma, a full stop, a semicolon or a question mark.
_CLAUSE = re.compile(r"[^,.;?!\n]+")


def unpriced_addition(text: str) -> str | None:
    """The name of a part added to a price with no amount given for it ("kit hire" of
    "70 an hour plus kit hire, how much for 3 hrs"), else None."""
    for match in _ADDED_BY_NAME.finditer(text):
        item = match.group("item").lower()
        words = re.split(r"[\s-]+", item)  # "twenty-three": two number words
        if any(word in _VALUES for word in words) or re.search(r"\d", item):
            continue
        if not _priced_elsewhere(text, match, words[-1]):
            return item
    return None


def _priced_elsewhere(text: str, added: re.Match[str], head: str) -> bool:
    """Whether another clause names the part with a number ("shipping is 4.50")."""
    for clause in _CLAUSE.finditer(text):
        if clause.start() <= added.start() < clause.end():
            continue
        words = re.findall(r"[a-z]+", clause.group(0).lower())
        if head in words and re.search(r"\d", clause.group(0)):
            return True
    return False

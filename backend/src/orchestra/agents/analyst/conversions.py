"""Several unit conversions asked in one request, each answered in turn.

"three quick ones: 5 km in miles, 10 kg in lb, and 30 C in F": each piece of the list is
wholly a conversion (`formulas.read_formula`), and is answered as it would be asked alone.
A list is read only when every piece of it is one: a piece that is not ("5 km in miles, and
double it") leaves the whole request to the other readers, which refuse what they do not
read.
"""

from __future__ import annotations

import re

from orchestra.agents.analyst.formulas import read_formula
from orchestra.agents.analyst.wording import Node

__all__ = ["read_conversions"]

# "three quick ones:", "convert these:": words that open the list, with no number of their own.
_OPENING = re.compile(r"^[^\d:]*:\s*")
# Where one piece of the list ends: a comma, a semicolon, a full stop before the next.
_PIECE_BREAK = re.compile(r"\s*[,;]\s*|\.\s+|\s*\n\s*")
_AND = re.compile(r"^\s*(?:and|&|also|then)\s+", re.I)
# "5 km in miles and 10 kg in lb": pieces joined by "and" alone, tried when a piece is
# not one conversion whole ("5 feet and 10 inches to cm" is).
_AND_BREAK = re.compile(r"\s+and\s+(?=-?\d)", re.I)


def _pieces(text: str) -> list[str]:
    pieces = []
    for piece in _PIECE_BREAK.split(_OPENING.sub("", text.strip())):
        piece = _AND.sub("", piece).strip(" .?!")
        if piece:
            pieces.append(piece)
    return pieces


def read_conversions(text: str) -> list[tuple[Node, str]] | None:
    """Each conversion of a list of them ``text`` asks, in order, with its label; None
    unless there are at least two and every piece of the list is one."""
    found: list[tuple[Node, str]] = []
    for piece in _pieces(text):
        whole = read_formula(piece)
        if whole is not None:
            found.append(whole)
            continue
        parts = [read_formula(part) for part in _AND_BREAK.split(piece)]
        if len(parts) < 2 or any(part is None for part in parts):
            return None
        found.extend(part for part in parts if part is not None)
    return found if len(found) >= 2 else None

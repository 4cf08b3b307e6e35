"""Earlier steps' results named in an instruction, and the values they stand for.

The planner writes "the result of step s1 (Compute the sum of 12.5 and 7.25)"; the
numbers in that title are not data. Each such mention becomes a marker ``⟨s1⟩`` that
`orchestra.agents.analyst.wording` reads as a name, bound to the structured output of
step s1 (its ``result``, or its ``values``), never to numbers copied from text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from orchestra.agents.analyst.statistics import extract_numbers
from orchestra.agents.analyst.tables import Table, table_from_data
from orchestra.agents.protocol import StepInput

__all__ = ["Inputs", "marker", "read_inputs"]

_MENTION = re.compile(
    r"(?:\bthe\s+)?(?:(?P<noun>results?|outputs?|answers?|values?|figures?|numbers?|data)\s+"
    r"(?:of|from|in)\s+)?(?:the\s+)?\bsteps?\s+(?P<id>[A-Za-z0-9_.-]+)",
    re.I,
)
# Nouns that name an earlier step's list of values rather than its single result.
_LIST_NOUNS = frozenset({"values", "figures", "numbers", "data"})
_MORE = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:step\s+)?(?P<id>[A-Za-z0-9_.-]+)", re.I)
_PREVIOUS = re.compile(
    r"(?:\bthe\s+)?\b(?:previous|last|earlier|prior)\s+(?:step(?:'s)?\s+)?"
    r"(?:results?|outputs?|answers?|values?|figures?|numbers?|step)\b",
    re.I,
)


def marker(step_id: str) -> str:
    """The marker standing for step ``step_id``'s result in a marked instruction."""
    return f"\u27e8{step_id}\u27e9"


@dataclass
class Inputs:
    """An instruction with earlier steps' results marked, and what those results hold.

    Attributes:
        text: The instruction with each mention of a dependency replaced by its marker.
        mentioned: Ids of the dependencies the instruction names, in order.
        numbers: Each dependency's numeric result (a number, or a list of numbers) by its
            id, and its list of values by ``<id>_values`` when it has both.
        tables: Each dependency's tabular result (conversion records, group-by rows).
        from_text: Ids whose numbers were read from their text, for want of data.
        titles: Each mentioned dependency's title as the instruction gives it ("How many
            litres of soil"), which may say the unit of its result.
    """

    text: str
    mentioned: list[str] = field(default_factory=list)
    numbers: dict[str, float | list[float]] = field(default_factory=dict)
    tables: dict[str, Table] = field(default_factory=dict)
    from_text: list[str] = field(default_factory=list)
    titles: dict[str, str] = field(default_factory=dict)

    @property
    def only(self) -> str | None:
        """The one dependency whose numbers a request without its own operand works on."""
        steps = [name for name in self.numbers if not name.endswith("_values")]
        return steps[0] if len(steps) == 1 else None


def read_inputs(instruction: str, inputs: Sequence[StepInput]) -> Inputs:
    """Mark the dependencies named in ``instruction`` and read their results."""
    ids = {i.step_id for i in inputs}
    by_number = {re.sub(r"^\D+", "", i): i for i in ids}
    found = Inputs(text=instruction)
    for item in inputs:
        _read_value(item, found)

    def resolve(raw: str) -> str | None:
        if raw in ids:
            return raw
        if raw.isdigit() and raw in by_number:
            return by_number[raw]
        return None

    pieces: list[str] = []
    position = 0
    for match in _MENTION.finditer(instruction):
        if match.start() < position:
            continue
        step_id = resolve(match.group("id"))
        if step_id is None:
            continue
        end = _after_title(instruction, match.end())
        noun = (match.group("noun") or "").lower()
        if noun in _LIST_NOUNS and f"{step_id}_values" in found.numbers:
            # "the values from step 1": its numbers, not its headline result.
            pieces.append(instruction[position : match.start()])
            pieces.append(marker(f"{step_id}_values"))
            found.mentioned.append(step_id)
            position = end
            continue
        markers = [marker(step_id)]
        found.mentioned.append(step_id)
        found.titles[step_id] = instruction[match.end() : end].strip(" ()")
        while (more := _MORE.match(instruction, end)) and resolve(more.group("id")):
            extra = resolve(more.group("id"))
            assert extra is not None
            markers.append(marker(extra))
            found.mentioned.append(extra)
            end = _after_title(instruction, more.end())
        pieces.append(instruction[position : match.start()])
        pieces.append(" and ".join(markers))
        position = end
    pieces.append(instruction[position:])
    text = "".join(pieces)
    if len(ids) == 1:
        (only,) = ids
        text, count = _PREVIOUS.subn(marker(only), text)
        if count:
            found.mentioned.append(only)
    found.text = text
    return found


def _after_title(text: str, index: int) -> int:
    """The index after a parenthesised step title that follows a mention, if any."""
    match = re.match(r"\s*\(", text[index:])
    if not match:
        return index
    depth = 0
    for position in range(index + match.end() - 1, len(text)):
        if text[position] == "(":
            depth += 1
        elif text[position] == ")":
            depth -= 1
            if depth == 0:
                return position + 1
    return index


def _read_value(item: StepInput, found: Inputs) -> None:
    data = item.data
    if isinstance(data, dict):
        result = data.get("result")
        values = data.get("values")
        if isinstance(values, list) and len(values) > 1 and all(_is_number(v) for v in values):
            found.numbers[f"{item.step_id}_values"] = [float(v) for v in values]
        if isinstance(result, int | float) and not isinstance(result, bool):
            found.numbers[item.step_id] = float(result)
            return
        if isinstance(result, list) and result and all(isinstance(r, dict) for r in result):
            rows = table_from_data(result)  # group-by rows
            if rows is not None:
                found.tables[item.step_id] = rows
                return
        if isinstance(result, list) and result and all(_is_number(v) for v in result):
            found.numbers[item.step_id] = [float(v) for v in result]
            return
        values = data.get("values")
        if isinstance(values, list) and values and all(_is_number(v) for v in values):
            found.numbers[item.step_id] = [float(v) for v in values]
            return
    table = table_from_data(data) if data is not None else None
    if table is not None and table.rows:
        found.tables[item.step_id] = table
        return
    if isinstance(data, list) and data and all(_is_number(v) for v in data):
        found.numbers[item.step_id] = [float(v) for v in data]
        return
    numbers = extract_numbers(item.text) if item.text else []
    if numbers:
        found.numbers[item.step_id] = numbers[0] if len(numbers) == 1 else numbers
        found.from_text.append(item.step_id)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)

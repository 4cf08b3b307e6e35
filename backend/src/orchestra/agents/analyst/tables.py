"""Tabular data for the analyst: read CSV, JSON records (a list, or one object a line) or
Markdown tables; write any of them."""

from __future__ import annotations

import csv
import io
import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from orchestra.agents.protocol import AgentInputError

__all__ = [
    "Format",
    "Table",
    "detect_format",
    "find_table_text",
    "parse_number",
    "parse_table",
    "table_from_data",
]

Format = Literal["csv", "json", "markdown"]
Cell = str | float | int | bool | None

_NUMBER = re.compile(r"^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][-+]?\d+)?%?$")
_MD_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


def parse_number(value: Any) -> float | None:
    """A number from a cell ("1,234.5", "12%", 3) or None; booleans are not numbers."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return float(value) if math.isfinite(value) else None
    text = str(value).strip().replace("$", "").replace("€", "").replace("£", "")
    if not text or not any(c.isdigit() for c in text) or not _NUMBER.match(text):
        return None
    try:
        return float(text.rstrip("%").replace(",", ""))
    except ValueError:
        return None


@dataclass
class Table:
    """Rows of named cells, in column order."""

    columns: list[str]
    rows: list[dict[str, Cell]]

    def numeric_columns(self) -> list[str]:
        """Columns where every non-empty cell is a number (and at least one is)."""
        numeric: list[str] = []
        for column in self.columns:
            cells = [r.get(column) for r in self.rows if r.get(column) not in (None, "")]
            if cells and all(parse_number(c) is not None for c in cells):
                numeric.append(column)
        return numeric

    def column_values(self, column: str) -> list[float]:
        values = (parse_number(r.get(column)) for r in self.rows)
        return [v for v in values if v is not None]

    def typed_rows(self) -> list[dict[str, Cell]]:
        """Rows with numeric columns as numbers (ints when whole), for JSON output."""
        numeric = set(self.numeric_columns())
        typed: list[dict[str, Cell]] = []
        for row in self.rows:
            out: dict[str, Cell] = {}
            for column in self.columns:
                cell = row.get(column)
                if column in numeric and cell not in (None, ""):
                    number = parse_number(cell)
                    out[column] = (
                        int(number) if number is not None and number.is_integer() else number
                    )
                else:
                    out[column] = None if cell == "" else cell
            typed.append(out)
        return typed

    def to_csv(self) -> str:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=self.columns, lineterminator="\n")
        writer.writeheader()
        for row in self.rows:
            writer.writerow({c: _cell_text(row.get(c)) for c in self.columns})
        return buffer.getvalue()

    def to_json(self) -> str:
        return json.dumps(self.typed_rows(), indent=2, ensure_ascii=False)

    def to_markdown(self) -> str:
        numeric = set(self.numeric_columns())
        header = "| " + " | ".join(_md_escape(c) for c in self.columns) + " |"
        align = "|" + "|".join("---:" if c in numeric else "---" for c in self.columns) + "|"
        lines = [header, align]
        for row in self.rows:
            cells = (_md_escape(_cell_text(row.get(c))) for c in self.columns)
            lines.append("| " + " | ".join(cells) + " |")
        return "\n".join(lines) + "\n"

    def render(self, fmt: Format) -> str:
        if fmt == "csv":
            return self.to_csv()
        if fmt == "json":
            return self.to_json()
        return self.to_markdown()


def _cell_text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, bool):
        return "true" if cell else "false"
    return str(cell)


def _md_escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def table_from_data(data: Any) -> Table | None:
    """A table from JSON-like data: a list of objects, {"rows": [...]}, or a list of lists."""
    if isinstance(data, Mapping):
        for key in ("rows", "records", "data", "items", "table"):
            # A count under "rows" (as in a conversion's answer) is not the rows.
            if isinstance(data.get(key), Sequence | Mapping) and not isinstance(data[key], str):
                return table_from_data(data[key])
        # A dict of equal-length lists is a column-oriented table.
        lists = {k: v for k, v in data.items() if isinstance(v, list)}
        if lists and len(lists) == len(data) and len({len(v) for v in lists.values()}) == 1:
            length = len(next(iter(lists.values())))
            rows = [{str(k): _cell(v[i]) for k, v in lists.items()} for i in range(length)]
            return Table(columns=[str(k) for k in lists], rows=rows) if rows else None
        return None
    if not isinstance(data, Sequence) or isinstance(data, str) or not data:
        return None
    if all(isinstance(item, Mapping) for item in data):
        columns: list[str] = []
        for item in data:
            for key in item:
                if str(key) not in columns:
                    columns.append(str(key))
        rows = [{str(k): _cell(v) for k, v in item.items()} for item in data]
        return Table(columns=columns, rows=rows)
    if all(isinstance(item, Sequence) and not isinstance(item, str) for item in data):
        header = [str(c) for c in data[0]]
        body = [[_cell(c) for c in row] for row in data[1:]]
        return Table(columns=header, rows=[dict(zip(header, row, strict=False)) for row in body])
    return None


def _cell(value: Any) -> Cell:
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return json.dumps(value, ensure_ascii=False)


def detect_format(text: str) -> Format | None:
    """Which tabular format a text is in, if any."""
    stripped = _strip_fence(text).strip()
    if not stripped:
        return None
    if stripped[0] in "[{":
        try:
            json.loads(stripped)
        except json.JSONDecodeError:
            return "json" if _json_lines(stripped) is not None else None
        return "json"
    lines = [ln for ln in stripped.splitlines() if ln.strip()]
    if len(lines) >= 2 and lines[0].lstrip().startswith("|") and _MD_SEPARATOR.match(lines[1]):
        return "markdown"
    if len(lines) >= 2 and _csv_dialect(lines) is not None:
        return "csv"
    return None


def _json_lines(text: str) -> list[Any] | None:
    """The objects of NDJSON (one JSON object a line, as logs are written), or None when
    any line is not one or there are fewer than two."""
    records: list[Any] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            return None
        if not isinstance(record, dict):
            return None
        records.append(record)
    return records if len(records) >= 2 else None


def _strip_fence(text: str) -> str:
    match = re.search(r"```[a-zA-Z]*\n(.*?)```", text, re.DOTALL)
    return match.group(1) if match else text


def _csv_dialect(lines: Sequence[str]) -> str | None:
    # A delimiter that splits every line (outside quotes) into the same number (>= 2) of fields.
    for delimiter in (",", "\t", ";", "|"):
        counts = {len(next(csv.reader([ln], delimiter=delimiter))) for ln in lines[:50]}
        if len(counts) == 1 and counts.pop() >= 2:
            return delimiter
    return None


def parse_table(text: str, fmt: Format | None = None) -> Table:
    """Parse CSV, JSON records or a Markdown table.

    Raises:
        AgentInputError: the text is not a table in any supported format.
    """
    body = _strip_fence(text).strip()
    fmt = fmt or detect_format(body)
    if fmt == "json":
        try:
            table = table_from_data(json.loads(body))
        except json.JSONDecodeError as error:
            records = _json_lines(body)
            if records is None:
                raise AgentInputError(
                    f"The JSON could not be parsed: {error.msg} at line {error.lineno}."
                ) from error
            table = table_from_data(records)
        if table is None:
            raise AgentInputError("The JSON is not a table: expected a list of objects.")
        return table
    if fmt == "markdown":
        return _parse_markdown(body)
    if fmt == "csv":
        return _parse_csv(body)
    raise AgentInputError(
        "No table found: send CSV (a header line and rows with the same number of "
        "comma-separated fields), a JSON list of objects, or a Markdown table."
    )


def _parse_csv(text: str) -> Table:
    lines = [ln for ln in text.splitlines() if ln.strip()]
    delimiter = _csv_dialect(lines)
    if delimiter is None:
        raise AgentInputError(
            "The CSV could not be parsed: every line needs the same number of fields as the header."
        )
    reader = csv.reader(lines, delimiter=delimiter)
    header = [h.strip() for h in next(reader)]
    if len(set(header)) != len(header) or any(not h for h in header):
        raise AgentInputError("The CSV header needs a unique, non-empty name for each column.")
    rows = [
        {column: cell.strip() for column, cell in zip(header, record, strict=True)}
        for record in reader
    ]
    if not rows:
        raise AgentInputError("The CSV has a header but no rows.")
    return Table(columns=header, rows=rows)  # type: ignore[arg-type]


def _parse_markdown(text: str) -> Table:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip().startswith("|")]

    def cells(line: str) -> list[str]:
        inner = line.strip().strip("|")
        return [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", inner)]

    header = cells(lines[0])
    rows = []
    for line in lines[2:]:
        values = cells(line)
        if len(values) != len(header):
            raise AgentInputError(
                f"The Markdown table row {line!r} has {len(values)} cells; the header has "
                f"{len(header)}."
            )
        rows.append(dict(zip(header, values, strict=True)))
    return Table(columns=header, rows=rows)  # type: ignore[arg-type]


def _plausible_header(fields: Sequence[str]) -> bool:
    # A sentence split on its commas is not a header: headers are short names.
    short = all(0 < len(f.strip()) <= 40 and len(f.split()) <= 4 for f in fields)
    return short and any(parse_number(f) is None for f in fields)


def find_table_text(text: str) -> str | None:
    """The tabular block inside a longer message, wherever it starts.

    "Convert to JSON:\n a,b\n 1,2", "Turn this into CSV: | a | b |\n|---|---|\n...",
    "Total the units: region,units\nnorth,5" and JSON records after a question all work:
    a table may start at a line's beginning, after a colon, or at its first "|".
    """
    fenced = re.search(r"```[a-zA-Z]*\n(.*?)```", text, re.DOTALL)
    if fenced and detect_format(fenced.group(1)):
        return fenced.group(1)
    starts = [i for i in (text.find("["), text.find("{")) if i >= 0]
    if starts:
        candidate = text[min(starts) :]
        end = max(candidate.rfind("]"), candidate.rfind("}"))
        if end > 0 and detect_format(candidate[: end + 1]) == "json":
            return candidate[: end + 1]
    lines = text.splitlines()
    for number, line in enumerate(lines[:50]):
        for header in _header_candidates(line):
            block = _table_from(header, lines[number + 1 :])
            if block is not None:
                return block
    return None


def _header_candidates(line: str) -> list[str]:
    """Where a table's first line may start inside ``line``."""
    candidates = []
    # After the request on the same line: "Sum this: a,b", "Which is warmest? city,temp".
    for mark in (": ", "? ", "! "):
        found = line.rfind(mark)
        if found >= 0:
            candidates.append(line[found + 2 :].strip())
    bar = line.find("|")
    if bar > 0:
        candidates.append(line[bar:].strip())
    candidates.append(line.strip())
    return [c for c in dict.fromkeys(candidates) if c]


def _table_from(header: str, following: list[str]) -> str | None:
    """The table made of ``header`` and the lines after it, if they form one."""
    if header.startswith("|") and following and _MD_SEPARATOR.match(following[0]):
        rows = [header]
        for line in following:
            if not line.strip().startswith("|"):
                break
            rows.append(line.strip())
        return "\n".join(rows)
    for delimiter in (",", "\t", ";", "|"):
        fields = next(csv.reader([header], delimiter=delimiter))
        if len(fields) < 2 or not _plausible_header(fields):
            continue
        block = [header]
        for line in following:
            if not line.strip():
                break
            if len(next(csv.reader([line], delimiter=delimiter))) != len(fields):
                break
            block.append(line.strip(" "))
        if len(block) >= 2:
            return "\n".join(block)
    return None

"""What "how many ..." counts of a table: its rows, only when the noun names what they are.

"How many pupils?" of a name,score table counts its rows (a row is a pupil), and so does
"how many rows / entries / orders are there" of an order_id table; "how many errors are in
here?" of a table with no column of errors does not: the rows are something else, and
their count answered as the errors would be a wrong number. A noun names the rows when it
is a word for rows in general, a column's name (or a word of it) in the singular or the
plural, a word for people on a table with a column of names, or any noun on a table
whose rows each have an identifier ("how many tickets" of an id,status table: each row is
a thing the request names).

"How many failed logins" of a table with a yes-or-no column of success ("ok", "success")
counts the rows where it says no, among the rows that are logins (`count_of_outcome`);
"how many kids haven't paid" of a yes-or-no column "paid" counts the rows where it says no
(`count_of_flag`).
"""

from __future__ import annotations

import re
from typing import Any

from orchestra.agents.analyst.tables import Table
from orchestra.agents.protocol import AgentInputError, StepResult

__all__ = [
    "check_rows_named",
    "count_of_flag",
    "count_of_outcome",
    "names_rows",
    "noun_counted",
    "rows_counted",
]

# "how many (distinct) customers": the noun after "how many" and any words that qualify it.
_HOW_MANY = re.compile(
    r"\bhow\s+many\s+(?:(?:distinct|unique|different|separate|individual|total|of\s+the)\s+)*"
    r"(?P<noun>[a-z]+)",
    re.I,
)
# Words after "how many" that are no noun ("how many are there", "how many of them").
_NO_NOUN = frozenset(
    re.findall(
        r"\w+",
        """are were is was there do does did have has had of in times more less fewer
    them these those they we you i it""",
    )
)
# Words for rows whatever they hold.
_ROW_WORDS = frozenset(
    re.findall(
        r"\w+",
        """rows row entries entry records record items item lines line values value
    observations observation data datapoints points readings reading results result
    things cases elements samples measurements numbers figures scores listed""",
    )
)
# Words for people, which the rows of a table with a column of names are.
_PEOPLE = frozenset(
    re.findall(
        r"\w+",
        """people persons person pupils pupil students student employees employee staff
    members member customers customer users user players player children child kids
    participants participant respondents respondent patients patient workers worker
    volunteers volunteer guests guest attendees attendee applicants applicant
    candidates candidate athletes athlete runners runner names individuals
    clients client contacts contact""",
    )
)
# Columns that name the people of their rows.
_NAME_COLUMNS = re.compile(
    r"^(?:(?:first|last|full|sur)?_?name|who|person|student|pupil|employee|member|"
    r"customer|user|player|child|participant|patient|worker|guest|athlete|runner|client)s?$",
    re.I,
)

# Columns that identify the thing each row is.
_ID_COLUMNS = re.compile(r"^(?:id|\w+[_ ]id|ids|ref|reference|no|number|#)$", re.I)


def noun_counted(prose: str) -> str | None:
    """The noun "how many" asks of ("errors" of "how many errors are in here?"), or None
    when no noun follows it ("how many are there")."""
    match = _HOW_MANY.search(prose)
    if match is None or match.group("noun").lower() in _NO_NOUN:
        return None
    return match.group("noun").lower()


def _forms(noun: str) -> set[str]:
    """``noun`` in the singular and the plural, as far as a word's ending says."""
    forms = {noun, f"{noun}s", f"{noun}es"}
    if noun.endswith("ies"):
        forms.add(f"{noun[:-3]}y")
    if noun.endswith("y"):
        forms.add(f"{noun[:-1]}ies")
    if noun.endswith("es"):
        forms.add(noun[:-2])
    if noun.endswith("s"):
        forms.add(noun[:-1])
    return forms


def names_rows(noun: str, table: Table) -> bool:
    """Whether ``noun`` is what each row of ``table`` is (see the module docstring)."""
    if noun in _ROW_WORDS or any(_ID_COLUMNS.match(c.strip()) for c in table.columns):
        return True
    forms = _forms(noun)
    for column in table.columns:
        name = column.lower().strip()
        if name in forms or forms & set(re.findall(r"[a-z]+", name)):
            return True
    return noun in _PEOPLE and any(_NAME_COLUMNS.match(c.strip()) for c in table.columns)


def check_rows_named(prose: str, table: Table) -> None:
    """Refuse a count of ``table``'s rows when "how many" in ``prose`` asks of a noun that
    does not name them ("how many errors are in here?" of rows that are not errors)."""
    noun = noun_counted(prose)
    if noun is not None and not names_rows(noun, table):
        raise AgentInputError(
            f"Not sure enough to answer, so nothing was computed: the request asks how many "
            f"{noun} there are, and the table has no column of {noun} (its columns: "
            f"{', '.join(table.columns)}), so its rows may not be {noun}. Ask how many rows "
            "there are, or for a figure of a column."
        )


# A column that says yes or no to whether the row's event went well.
_OUTCOME_COLUMNS = re.compile(
    r"^(?:ok|is_?ok|okay|success|successful|succeeded|passed|pass)$",
    re.I,
)
# "how many failed logins (in this)", "how many successful payments are there".
_OUTCOME_ASKED = re.compile(
    r"\bhow\s+many\s+(?:(?P<failed>failed|unsuccessful)|successful|succeeded|passed)\s+"
    r"(?P<noun>[a-z]+)(?:\s+(?:are|were)\s+there|\s+(?:are\s+|were\s+)?in\s+(?:here|there|"
    r"this|these|the\s+log|the\s+list|the\s+table)|\s+altogether|\s+in\s+total)?\s*[?.!:]*\s*$",
    re.I,
)
_YES = frozenset({"true", "yes", "y", "1"})
_NO = frozenset({"false", "no", "n", "0"})


def _said_yes(value: Any) -> bool | None:
    """A cell's yes or no (True, "false", "yes", 0), or None when it says neither."""
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    return True if text in _YES else False if text in _NO else None


def count_of_outcome(prose: str, table: Table) -> StepResult | None:
    """ "how many failed logins" of a table with one yes-or-no column of success: how many
    rows say no (or yes, for "successful"), among those the noun names: all of them when it
    names the rows, else those whose one text column holds the noun ("logins" of an event
    column of "login"); None when the request or the table is not that."""
    asked = _OUTCOME_ASKED.search(prose.strip())
    if asked is None:
        return None
    flags = [
        c
        for c in table.columns
        if _OUTCOME_COLUMNS.match(c.strip())
        and all(_said_yes(row.get(c)) is not None for row in table.rows)
    ]
    if len(flags) != 1:
        return None
    flag, wanted = flags[0], asked.group("failed") is None
    noun = asked.group("noun").lower()
    rows = table.rows
    where: dict[str, Any] = {}
    if not names_rows(noun, table):
        # "logins" of rows whose event is "login": those rows, the others are not counted.
        holding = [
            c
            for c in table.columns
            if c != flag and any(str(r.get(c, "")).strip().lower() in _forms(noun) for r in rows)
        ]
        if len(holding) != 1:
            return None
        column = holding[0]
        rows = [r for r in rows if str(r.get(column, "")).strip().lower() in _forms(noun)]
        where[column] = str(rows[0].get(column, "")).strip()
    count = sum(_said_yes(r.get(flag)) is wanted for r in rows)
    where[flag] = wanted
    return rows_counted(table, where, count)


# "how many kids havent paid for the trip yet", "how many have RSVPd", "how many are
# unpaid": a verb or state said of the rows, maybe denied, and what it is said about.
_FLAG_ASKED = re.compile(
    r"\bhow\s+many(?:\s+(?:of\s+(?:them|us|the\s+)?)?(?P<noun>[a-z]+))??\s+"
    r"(?:have|has|had|did|do|does|are|were|is|was)(?P<neg>n'?t|\s+not)?\s+"
    r"(?:(?:yet|already|still|actually)\s+)?(?P<verb>[a-z]+)\b(?P<rest>[^?.!\d]*)[?.!]*\s*$",
    re.I,
)
# Words after the verb that add no condition of their own ("for the trip yet").
_FLAG_FILLER = frozenset(
    re.findall(
        r"\w+",
        """yet so far already still up now in total""",
    )
)


# "paid for the trip", "paid their subs": what it was done for, or to.
_DETERMINER = r"(?:the|a|an|this|that|their|our|my|his|her|your)"
_FOR_WHAT = re.compile(rf"(?:\bfor\s+(?:{_DETERMINER}\s+)?|\b{_DETERMINER}\s+)(?P<what>[a-z]+)")


def _said_in_words(value: Any) -> bool | None:
    """A cell's yes or no said as one (True, "no"), or None: an "active" of 1 and 0 may
    as well count something ("how many users are active" of it is not read)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return None
    return None if str(value).strip() in ("0", "1") else _said_yes(value)


def count_of_flag(prose: str, table: Table) -> StepResult | None:
    """ "how many kids haven't paid" of a table whose column "paid" says yes or no on every
    row: how many rows say no ("have paid": yes; "are unpaid": no); None unless the verb
    is that column's name (or "un" and it), the noun names the rows, and the words after
    it name nothing of the table."""
    asked = _FLAG_ASKED.search(prose.strip())
    if asked is None:
        return None
    noun = (asked.group("noun") or "").lower()
    if noun and noun not in _NO_NOUN and not names_rows(noun, table):
        return None
    verb = asked.group("verb").lower()
    denied = asked.group("neg") is not None
    flags = [
        c
        for c in table.columns
        if c.strip().lower() in (verb, verb.removeprefix("un"))
        and all(_said_in_words(row.get(c)) is not None for row in table.rows)
    ]
    if len(flags) != 1:
        return None
    flag = flags[0]
    negated = verb != flag.strip().lower()  # "unpaid"
    if negated and denied:
        return None  # "how many are not unpaid": read as it is said, or refused
    rest = asked.group("rest").lower()
    paid_for = _FOR_WHAT.search(rest)
    cells = {str(v).strip().lower() for r in table.rows for v in r.values()}
    if paid_for and paid_for.group("what") not in cells | {c.lower() for c in table.columns}:
        # "for the trip", "their subs": what it was for, which every row is about; not a
        # row's value.
        rest = rest[: paid_for.start()] + rest[paid_for.end() :]
    if set(re.findall(r"[a-z]+", rest)) - _FLAG_FILLER:
        return None  # "how many haven't paid in March": a condition besides the flag
    wanted = not (denied or negated)
    count = sum(_said_yes(r.get(flag)) is wanted for r in table.rows)
    return rows_counted(table, {flag: wanted}, count)


def rows_counted(table: Table, where: dict[str, Any], count: int) -> StepResult:
    """The answer "how many rows hold these values": ``count`` of the table's rows."""
    said = ", ".join(f"{c} is {str(v).lower()}" for c, v in where.items())
    return StepResult(
        text=f"**Count of rows where {said}:** {count} (of {len(table.rows)} rows)",
        data={
            "operation": "count",
            "result": count,
            "where": where,
            "rows": len(table.rows),
            "confidence": 1.0,
        },
    )

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
    "ID_COLUMNS",
    "amount_columns",
    "check_rows_named",
    "count_of_flag",
    "count_of_named_value",
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
ID_COLUMNS = re.compile(r"^(?:id|\w+[_ ]id|ids|ref|reference|no|number|#)$", re.I)


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
    if noun in _ROW_WORDS or any(ID_COLUMNS.match(c.strip()) for c in table.columns):
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


# "how many (of the) <noun words> <verb> ... <value> ...": the words the question may hold
# besides the rows' noun, the value and the table's column names; any other word may be a
# condition of its own, and the request is left to the other readers.
_VALUE_FILLER = frozenset(
    re.findall(
        r"\w+",
        """how many of the a an have has had been are were is was got get gotten did do does
    said say answered replied voted come came back with from in on at as so far still now
    currently yet already altogether total there here this that these those lot list
    table today tonight tonights tonight's this week their its my our your them they""",
    )
)
# Words that deny, compare or join: "how many are not paid", "more yes than no", "yes or
# maybe"; a count of the rows holding one value is not what they ask.
_NOT_ONE_VALUE = re.compile(
    r"\b(?:not|no\s+longer|never|without|except|excluding|other|besides|than|more|less|"
    r"fewer|most|least|or|and|nor|per|each|every|by|between|percent\w*|proportion|share)\b"
    r"|\b(?:have|has|had|did|do|does|is|are|was|were|ca|wo|could|should|would)n'?t\b|%",
    re.I,
)
_QUESTION_WORDS = re.compile(r"[a-z0-9]+(?:'[a-z]+)?", re.I)


def amount_columns(table: Table) -> set[str]:
    """The numeric columns of ``table`` that hold amounts: not those that name or number
    its rows (an order_id, a flat 1, 2, 3)."""
    return {
        c
        for c in table.numeric_columns()
        if not ID_COLUMNS.match(c.strip())
        and [str(r.get(c) or "").strip() for r in table.rows]
        != [str(i) for i in range(1, len(table.rows) + 1)]
    }


def count_of_named_value(prose: str, table: Table) -> StepResult | None:
    """ "how many got a distinction", "how many jobs still open", "how many DNAs in that
    list" of a table with a text column holding that value: how many rows hold it.

    None unless the question starts with "how many", names exactly one value of exactly one
    text column (the word as it stands, or its singular or plural), no numeric column, and
    otherwise only the rows' noun, column names and words that add no condition; and unless
    it denies, compares or joins nothing. The value may be the noun itself ("how many DNAs")
    only of a table without amounts, where a count of rows is the only count there is
    ("how many apples" of an item,kg table asks the kg)."""
    question = prose.strip().lower()
    if not question.startswith("how many") or _NOT_ONE_VALUE.search(question):
        return None
    words = _QUESTION_WORDS.findall(question.replace("(", " ").replace(")", " "))
    numeric = set(table.numeric_columns())
    texts = [c for c in table.columns if c not in numeric]
    found: dict[tuple[str, str], set[int]] = {}
    for column in texts:
        for row in table.rows:
            value = str(row.get(column) or "").strip().lower()
            if not value or value in _ROW_WORDS or value in {c.lower() for c in table.columns}:
                continue
            parts = value.split()
            for i in range(len(words) - len(parts) + 1):
                said = words[i : i + len(parts)]
                if said[:-1] == parts[:-1] and (
                    said[-1] == parts[-1] or (len(said[-1]) > 2 and said[-1] in _forms(parts[-1]))
                ):
                    found.setdefault((column, value), set()).update(range(i, i + len(parts)))
    if len(found) != 1:
        return None
    (column, value), at = next(iter(found.items()))
    column_words = {w for c in table.columns for w in re.findall(r"[a-z0-9]+", c.lower())}
    amounts = amount_columns(table)
    if any(_forms(w) & {n.lower() for n in amounts} for w in words):
        return None  # "how many tubs of vanilla" of a tubs column: the column, not a count
    rest = [w for i, w in enumerate(words) if i not in at and i >= 2]
    # The rows' noun: the words after "how many" (and "of the") before a verb.
    noun = rest[: next((i for i, w in enumerate(rest) if w in _VALUE_FILLER), len(rest))]
    if 2 in at and amounts:
        return None  # "how many apples" of amounts of apples
    if noun and not names_rows(noun[-1], table):
        return None  # "how many refunds are pending" of rows that are not refunds
    named = rest[: len(noun) - 1] + rest[len(noun) :] if noun else rest
    if any(w not in _VALUE_FILLER and not _forms(w) & column_words for w in named):
        return None  # "how many orders were delivered late", "how many large orders": more
    if re.search(r"\d", " ".join(w for i, w in enumerate(words) if i not in at)):
        return None
    count = sum(str(r.get(column) or "").strip().lower() == value for r in table.rows)
    return rows_counted(table, {column: value}, count)

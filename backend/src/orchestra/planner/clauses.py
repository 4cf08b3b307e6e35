"""Wording for the deterministic planner: stems, tokens, requests, clauses and topics.

Everything here is a pure function of its arguments, and works on the *masked* task (see
`orchestra.planner.material`): the user's material is behind placeholders, so its
punctuation and connectives never split a step and its words never steer the choice of
capability.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from orchestra.agents.analyst.formulas import names_unit
from orchestra.agents.analyst.quantities import unit_of
from orchestra.planner.material import PLACEHOLDER_RE

__all__ = [
    "AMBIGUOUS_VERBS",
    "Clause",
    "Token",
    "content_stems",
    "is_action_start",
    "names_a_text_ask",
    "split_clauses",
    "stem",
    "strip_request_prefix",
    "tokenize",
    "topic_of",
]


def _words(text: str) -> frozenset[str]:
    """A set of the whitespace-separated words of ``text`` (keeps long word lists readable)."""
    return frozenset(text.split())


# --- stemming ------------------------------------------------------------------------

STOPWORDS = _words(
    """a an the of for to in on at by with from and or but nor is are was were be been
    being am it its it's this that these those i me my mine we us our you your yours he
    him his she her they them their theirs as into about over than then also please can
    could would should will shall may might must do does did done doing have has had
    having not no so if what which who whom whose how when where why there here some any
    all each every both more most other such only own same too very just up down out off
    again further once s t don now after before while get got let lets let's i'd i'm
    i've you'd we'd kindly tell give show make me want need like would something one
    ones whats hows whos wheres whens whys wat wats"""
) | _words(
    # Request verbs that ask for an answer without saying what kind of work it takes;
    # "find" would otherwise match "findings" in some capability's example.
    """find finding findings determine identify provide know"""
)

# Spelling variants and abbreviations only: the planner must not smuggle in knowledge of
# particular capabilities through synonyms.
_EXCEPTIONS = {
    "analysis": "analy",
    "analyses": "analy",
    "analyse": "analy",
    "analysed": "analy",
    "analysing": "analy",
    "analyze": "analy",
    "analyzed": "analy",
    "analyzing": "analy",
    "analytic": "analy",
    "analytical": "analy",
    "analytics": "analy",
    "analyst": "analy",
    "analysts": "analy",
    "written": "writ",
    "wrote": "writ",
    "stats": "statistic",
    # A weight, not a tone ("2 tons of hay" is no question of sentiment).
    "ton": "tonne",
    "tons": "tonne",
    "tonnes": "tonne",
    "avg": "averag",
    "calc": "calcul",
    "pct": "percent",
    "percentage": "percent",
    "percentages": "percent",
    "explanation": "explain",
    "explanations": "explain",
    "comparison": "compar",
    "comparisons": "compar",
    "maximum": "max",
    "maxima": "max",
    "minimum": "min",
    "minima": "min",
    "maths": "math",
    "mathematics": "math",
    "mathematical": "math",
    "tldr": "summar",
    # A flyer is a leaflet, not flying ("fly a drone over a beach").
    "flyer": "flyer",
    "flyers": "flyer",
}

_SUFFIXES = sorted(
    (
        ("izations", ""),
        ("isations", ""),
        ("ization", ""),
        ("isation", ""),
        ("ically", "ic"),
        ("ical", "ic"),
        ("ics", "ic"),
        ("ersion", "ert"),
        ("ations", ""),
        ("ation", ""),
        ("ators", ""),
        ("ator", ""),
        ("ating", ""),
        ("ated", ""),
        ("ates", ""),
        ("ate", ""),
        ("izing", ""),
        ("ising", ""),
        ("ized", ""),
        ("ised", ""),
        ("izes", ""),
        ("ises", ""),
        ("ize", ""),
        ("ise", ""),
        ("ments", ""),
        ("ment", ""),
        ("ness", ""),
        ("ities", ""),
        ("ity", ""),
        ("ings", ""),
        ("ing", ""),
        ("ies", ""),
        ("ied", ""),
        ("ers", ""),
        ("er", ""),
        ("ed", ""),
        ("es", ""),
        ("ly", ""),
        ("s", ""),
        ("y", ""),
        ("e", ""),
    ),
    key=lambda rule: -len(rule[0]),
)

_MIN_STEM = 3


def stem(word: str) -> str:
    """Light stemmer: summarize/summarise/summary -> ``summar``, calculation -> ``calcul``.

    It only needs to map the forms of a word to one key consistently; the keys are not
    meant to be real words.
    """
    word = word.lower()
    if word in _EXCEPTIONS:
        return _EXCEPTIONS[word]
    # Two passes so that "positively" -> "positive" -> "positiv" matches "positive".
    for _ in range(2):
        if len(word) <= _MIN_STEM:
            break
        for suffix, replacement in _SUFFIXES:
            if not word.endswith(suffix):
                continue
            if suffix == "s" and word.endswith("ss"):
                continue
            candidate = word[: len(word) - len(suffix)] + replacement
            if len(candidate) >= _MIN_STEM:
                word = candidate
                break
        else:
            break
    return word


# --- tokens --------------------------------------------------------------------------


@dataclass(frozen=True)
class Token:
    """A word, number, placeholder or punctuation mark of a masked text, with its span."""

    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        """The token in lower case."""
        return self.text.lower()

    @property
    def is_word(self) -> bool:
        """Whether the token is a word (letters, maybe with an apostrophe)."""
        return self.text[0].isalpha()

    @property
    def is_number(self) -> bool:
        """Whether the token is a number."""
        return self.text[0].isdigit()

    @property
    def is_material(self) -> bool:
        """Whether the token is a placeholder for masked material."""
        return self.text.startswith("\u27e6")


_TOKEN_RE = re.compile(r"\u27e6\d+\u27e7|[A-Za-z]+(?:'[A-Za-z]+)?|\d+(?:[.,]\d+)*%?|[^\sA-Za-z\d]")


def _percentage_of_amount(tokens: list[Token], at: int) -> bool:
    """Whether a percentage of a number starts at ``at``: "20% of 40", "20 percent of 40"."""
    if at < 0 or at >= len(tokens) or not tokens[at].is_number:
        return False
    rest = [t.low for t in tokens[at : at + 4]]
    if rest[0].endswith("%"):
        return rest[1:2] == ["of"] and len(tokens) > at + 2 and tokens[at + 2].is_number
    return rest[1:3] == ["percent", "of"] and len(tokens) > at + 3 and tokens[at + 3].is_number


def _last_percentage(tokens: list[Token], start: int, end: int) -> int:
    """Where the last percentage of a number before ``end`` starts, or -1."""
    found = [i for i in range(start, end) if _percentage_of_amount(tokens, i)]
    return found[-1] if found else -1


def tokenize(text: str) -> list[Token]:
    """Split a masked text into tokens, keeping character spans."""
    return [Token(m.group(0), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]


# A year after a preposition ("sales in 2024", "the crisis of 2008") dates the subject; it
# is not a quantity to compute on.
_YEAR_RE = re.compile(
    r"\b(?:in|of|since|from|until|till|by|for|during|before|after|between|around)\s+"
    r"(?:the\s+)?(?:early\s+|late\s+|mid-?)?(?:1[5-9]|20)\d\d(?:s|'s)?\b(?![.,]\d)"
    # "the 1929 crash", "the 2016 Olympics": a year naming an event.
    r"|\bthe\s+(?:1[5-9]|20)\d\d(?=\s+[A-Za-z])",
    re.I,
)
_NUMBER_LIST_RE = re.compile(r"-?\d+(?:\.\d+)?(?:\s*(?:,|,?\s*and|;)\s*-?\d+(?:\.\d+)?){2,}")
# "tank litres 1870 1912 1845 1901": a list with spaces only, three numbers at least. Numbers
# of three digits after the first may be one number grouped by spaces ("12 500 000"), so one
# of them at least must have another length or a decimal point.
_SPACED_LIST_RE = re.compile(
    r"(?<![\d.,])-?\d+(?:\.\d+)?(?:[ \t]+-?\d+(?:\.\d+)?){2,}(?![\d.,]?\d)"
)
_GROUPED_RE = re.compile(r"-?\d+(?:[ \t]+\d{3})+")
_OPERATION_RE = re.compile(
    r"(?:\d|\))\s*(?:[-+*/^\u00d7\u00f7]|plus|minus|times|divided by|to the power of)"
    r"\s*(?:\d|\()",
    re.I,
)


def content_stems(text: str) -> frozenset[str]:
    """Stems of the content words of ``text``, plus shape features of its numbers.

    Material placeholders are ignored: what the user wants done is in the instruction,
    not in the text they want it done to. Shape features (``<num>``, ``<numlist>``,
    ``<op>``) let a clause with a list of numbers resemble an example with one.
    """
    text = PLACEHOLDER_RE.sub(" ", text).replace("%", " percent ")
    text = _SCHOOL_SUBJECT_RE.sub(" ", text)
    stems = {
        stem(word)
        for word in re.findall(r"[a-z]+", text.lower())
        if word not in STOPWORDS and len(word) > 1
    }
    if re.search(
        r"\d", _DESCRIPTOR_RE.sub(" ", _COUNT_OF_IDEAS_RE.sub(" ", _YEAR_RE.sub(" ", text)))
    ) or any(unit_of(m.group(1).lower()) for m in _NUMBER_WORD_BEFORE_RE.finditer(text)):
        stems.add("<num>")
    if _NUMBER_LIST_RE.search(text) or any(
        not _GROUPED_RE.fullmatch(m.group(0)) for m in _SPACED_LIST_RE.finditer(text)
    ):
        stems.add("<numlist>")
    if _OPERATION_RE.search(_SLASHED_RE.sub(" ", text)):
        stems.add("<op>")
    return frozenset(stems)


# "his maths homework marks", "34 out of 40 in maths": maths as the school subject marked,
# not arithmetic asked for.
_SCHOOL_SUBJECT_RE = re.compile(
    r"\b(?:maths?|mathematics)(?=\s+(?:homework|tests?|quiz(?:zes)?|exams?|marks?|scores?|"
    r"grades?|results?|papers?|class(?:es)?|lessons?|teachers?|tutors?|sets?|mocks?|gcses?|"
    r"coursework|worksheets?|assignments?|reports?)\b)"
    r"|(?<=\bin )(?:maths?|mathematics)\b(?!\s*:)",
    re.I,
)

# "ten mile race", "two kilos": a number said in words before a unit, an amount as "10 mile".
_NUMBER_WORD_BEFORE_RE = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand)\s+([a-z]+)",
    re.I,
)
# "3 tips", "five ideas", "10 reasons": how many of something to write, not data.
_COUNT_OF_IDEAS_RE = re.compile(
    r"\b\d{1,2}\s+(?:\w+\s+)?(?:tips|ideas|reasons|ways|examples|facts|questions|names|"
    r"suggestions|titles|slogans|taglines|headlines|captions|jokes|hashtags|options|"
    r"alternatives|arguments|benefits|myths|mistakes|books|films|movies|songs|places)\b",
    re.I,
)

# "a 3-day meal plan", "a 6-week plan", "8 year olds", "a first 10k": a number that says what
# kind of thing is meant, not a quantity to compute on.
_DESCRIPTOR_RE = re.compile(
    r"\b\d+-(?:day|week|month|year|step|part|course)s?\s+(?:\w+\s+)?(?:plan|course|program|"
    r"programme|schedule|trip|itinerary|challenge|diet|workout|routine|guide)s?\b"
    r"|\b\d+[- ]?(?:year|yr)[- ]olds?\b|\b(?:a|my|our|first|the)\s+\d+k\b"
    # "in your 40s", "the 80s", "the '90s": a decade of life or of history.
    r"|\b(?:your|my|his|her|their|our|the|in|early|late|mid)\s+'?\d0'?s\b"
    # "we open at 7am", "at 9:30": a time of day.
    r"|\b\d{1,2}(?::\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.)(?![a-z])",
    re.I,
)

# "12/05/2024", "the 50/30/20 rule": numbers joined by slashes name a date or a thing.
_SLASHED_RE = re.compile(r"(?<![\d.])\d+(?:/\d+){2,}(?!\d|\.\d)")


# --- verbs and requests --------------------------------------------------------------

# Imperative verbs that are rarely nouns: a connective followed by one starts a new clause.
_VERBS = _words(
    """add analyse analyze answer assess calculate categorize categorise classify collect
    combine compile compose compute condense convert create define derive describe detect
    determine discuss divide draft edit elaborate estimate evaluate examine explain explore
    export extract figure find format gather generate give identify illustrate investigate
    list look multiply name outline paraphrase prepare produce proofread propose provide
    recommend rephrase rewrite say shorten show solve subtract suggest summarise summarize
    tabulate tell transform translate turn write build compare contrast highlight predict
    rate rank recap research review search sort study check count plot chart forecast
    measure note plan design map total sum average avg report pull put get make
    create double triple halve square cube round increase decrease reduce split take work
    use weigh gather brainstorm decide conclude advise choose prioritize prioritise justify
    critique interpret read dig delve boil"""
)

# Verbs that are often nouns too ("pros and cons and report on..."): they start a clause
# only when something that can be their object follows.
AMBIGUOUS_VERBS = _words(
    """research review report list count plot chart outline rank sort format check search
    estimate forecast study plan design note answer measure map total sum average avg draft
    rate name turn look figure put pull double square cube round split take work use read"""
)

_NOT_AN_OBJECT = _words(
    """of for and or on in to with about at by from as is are was were be 's , . ; : ? !
    ) then also"""
)

_QUESTION_WORDS = _words(
    """what how why which who whom when where whether is are does do can could should
    was were will would
    whats hows whos wheres whens whys wat wats"""
)
# (The last line: "what's" typed without its apostrophe, or with a slip, as people do.)

# Polite or indirect openings; what follows them is the actual request.
_REQUEST_PREFIXES = tuple(
    tuple(prefix.split())
    for prefix in sorted(
        (
            "please",
            "kindly",
            "can you",
            "could you",
            "would you",
            # "can u write ...": typed short.
            "can u",
            "could u",
            "would u",
            "will you",
            "can you please",
            "could you please",
            "would you please",
            # "would you be able to work out ...": asked whether it can be done, meant as an ask.
            "would you be able to",
            "could you be able to",
            "are you able to",
            "would you mind",
            "i want you to",
            "i need you to",
            "i would like you to",
            "i'd like you to",
            "help me",
            "help me to",
            "i want to",
            "i need to",
            "i would like to",
            "i'd like to",
            "we need to",
            "we want to",
            "let's",
            "lets",
            "now",
            "and",
            "so",
            "ok",
            "okay",
            "first",
            "firstly",
            "next",
            "finally",
            "lastly",
            "also",
            "separately",
            "independently",
            # "and unrelated but how many km is 13.1 miles": a second ask, told apart.
            "unrelated",
            "unrelated but",
            "btw",
            "by the way",
            "on another note",
            "one more thing",
            "another thing",
            "different question",
            "separate question",
        ),
        key=lambda p: -len(p.split()),
    )
)

# Prefixes that tell a second ask apart from the first.
_TOLD_APART = _words("also separately independently unrelated btw another different separate")

_REQUEST_OPENINGS = (
    ("i", "need"),
    ("i", "want"),
    ("i'd", "like"),
    ("i", "would", "like"),
    ("we", "need"),
    ("we", "want"),
    ("i'm", "looking"),
    ("i", "am", "looking"),
    ("i", "wonder"),
    # "Start with 81, take its square root": the value a computation starts from.
    ("start", "with"),
    ("begin", "with"),
)

# Figures of numbers: "plus" after one adds it to what follows.
_FIGURE_WORDS = _words("sum total average mean median mode max maximum min minimum range product")
# Connectives that join clauses; the sequential ones order the steps.
SEQUENTIAL = frozenset(
    {"then", "after that", "afterwards", "subsequently", "finally", "next", "with that"}
)
# "sum 12, 18 and 30, with that compute 25% of it": the result before, carried on.
_WITH_THAT = {"with that", "with this", "using that", "using this", "with the result"}
_CONNECTIVES = frozenset(
    {",", "and", "also", "additionally", "plus", "lastly", "as well"} | SEQUENTIAL
)


# Verbs that are shapes too ("round planter", "square patio").
_SHAPE_WORDS = _words("round square")
# Verbs that say what a thing is or measures ("the water butt is 200 l", "tank holds 40").
_STATING_VERBS = _words("is are was were measures measuring has holds")
# Words before a noun that say which one (one set for the whole module: it was defined
# three times, and the last definition was the one every use saw).
_DETERMINERS = _words("the a an this that these those my our your their its")


def _names_a_subject(tokens: list[Token], index: int) -> bool:
    """Whether one to three bare words from ``index`` are the subject of an "is" after them
    ("water butt is", "paddling pool, 2.4 m"): a thing named, with no determiner or number."""
    for width in range(1, 4):
        words = tokens[index : index + width]
        if len(words) < width or any(
            t.is_number or t.low in _DETERMINERS or not t.low.isalpha() for t in words
        ):
            return False
        after = tokens[index + width] if index + width < len(tokens) else None
        if after is not None and (after.low in _STATING_VERBS or after.text == ","):
            return True
    return False


def is_action_start(tokens: list[Token], index: int, extra_verbs: frozenset[str]) -> bool:
    """Whether the token at ``index`` starts an imperative clause ("compute the ...")."""
    if index >= len(tokens):
        return False
    word = tokens[index].low
    following = tokens[index + 1].low if index + 1 < len(tokens) else ""
    if word in _SHAPE_WORDS and _names_a_subject(tokens, index + 1):
        # "Round water butt is 0.6 m across": the shape of the thing said, not "round it".
        return False
    if word == "avg" and any(t.text == ":" for t in tokens[index:]):
        # "avg speeds from my last six rides (km/h): 42.5, 38.0, ...": what the values are,
        # said before their colon; "avg visits per month 8, 12, 5 then ..." asks the mean.
        return False
    if word in AMBIGUOUS_VERBS or (word in extra_verbs and word not in _VERBS):
        return bool(following) and following not in _NOT_AN_OBJECT
    if word == "times" and following in {"it", "that", "this", "them"}:
        # "then times it by 12.50": the verb, not "my 5k times".
        return True
    if (
        word == "times"
        and following == "by"
        and index + 2 < len(tokens)
        and tokens[index + 2].is_number
    ):
        # "average them and times by 12": the verb, its object left unsaid.
        return True
    return word in _VERBS


def _skip_request_prefix(tokens: list[Token], index: int) -> int:
    """Index of the first token after any polite prefix starting at ``index``."""
    changed = True
    while changed:
        changed = False
        for prefix in _REQUEST_PREFIXES:
            words = [t.low for t in tokens[index : index + len(prefix)]]
            if (
                tuple(words) == prefix
                and index + len(prefix) < len(tokens)
                and not _ordinal_of(tokens, index, len(prefix))
            ):
                index += len(prefix)
                if index + 1 < len(tokens) and tokens[index].low == ",":
                    index += 1  # "separately, what's ...": the comma after the prefix
                changed = True
                break
    return index


# What "first", "next" or "last" may qualify in a request about data ("the first quartile",
# "the first five values"), where they are not the order of the steps.
_ORDINAL_NOUNS = _words(
    """quartile quartiles half quarter row rows column columns value values item items
    number numbers entry entries one two three four five six seven eight nine ten few"""
)


def _ordinal_of(tokens: list[Token], index: int, width: int) -> bool:
    following = tokens[index + width]
    return (
        width == 1
        and tokens[index].low in {"first", "next", "lastly", "finally"}
        and (following.is_number or following.low in _ORDINAL_NOUNS)
    )


def strip_request_prefix(text: str) -> str:
    """Drop polite openings ("Please", "Can you") so a clause starts with its verb."""
    tokens = tokenize(text)
    index = _skip_request_prefix(tokens, 0)
    if index == 0 or index >= len(tokens):
        return text
    rest = text[tokens[index].start :]
    if text.rstrip().endswith("?") and tokens[0].low in {"can", "could", "would", "will"}:
        # "Can you summarize X?" asks for an action, so it reads as "Summarize X."
        rest = rest.rstrip().rstrip("?").rstrip() + "."
    return rest


def _is_request(tokens: list[Token], extra_verbs: frozenset[str]) -> bool:
    """Whether a sentence asks for something (imperative, question or "I need ...")."""
    if not tokens:
        return False
    index = _skip_request_prefix(tokens, 0)
    if _labels_an_amount(tokens) or _heads_data(tokens):
        return False
    if _TARGET_SET_RE.match(" ".join(t.low for t in tokens)):
        # "i need my average across 3 tests to be 80.": a target set, asked of later.
        return False
    if _states_a_change(tokens) and (
        tokens[-1].text != "?" or (len(tokens) > 1 and tokens[-2].text in {"?", "!"})
    ):
        # "average daily passengers fell from 1,600 to 1,368.": what happened, not an ask;
        # "broadband's gone from 28.50 to 31.35 a month??": said in surprise, not asked.
        return False
    if is_action_start(tokens, index, extra_verbs):
        return True
    if len(tokens) - index == 1 and tokens[index].low in _VERBS:
        # A lone verb ("Research and write a report on X") shares the next clause's object.
        return True
    if index < len(tokens) and tokens[index].low.split("'")[0] in _QUESTION_WORDS:
        return True
    if (
        index + 2 < len(tokens)
        and tokens[index].low == "by"
        and tokens[index + 1].low in {"what", "how"}
    ):
        # "by what percent did they fall", "by how much": a question, "by" first.
        return True
    if (
        index + 2 < len(tokens)
        and tokens[index].low == "as"
        and tokens[index + 1].low in {"a", "an"}
        and any(_is_question_word(t) for t in tokens[index + 3 :])
    ):
        # "as a percentage increase (not points) how much is that": what the answer is to be,
        # said first, then the question.
        return True
    if any(
        tokens[i].text in {"-", "\u2013", "\u2014", ","}
        and tokens[i + 1].low in _FIGURE_VERBS
        and tokens[i + 2].low in {"them", "it", "these", "those", "that"}
        for i in range(index, len(tokens) - 2)
    ):
        # "lake temps 14, 16.5 and 15 c - average them": the ask after what it is of.
        return True
    if tokens[-1].text == "?":
        return True
    said = [t.low for t in tokens if t.is_word]
    if len(said) > 1 and said[-1] in _PLEASE and tokens[-1].low in {said[-1], ".", "!"}:
        # "the 1 litre bottle is 8.40 and the 500ml one is 4.50. pence per 100 ml for both
        # pls": a sentence that ends asking nicely asks, "?" or not.
        return True
    if any(
        tokens[i].text in {",", "-", "\u2014"}
        and _is_question_word(tokens[i + 1])
        # "we've raised 3,780, which is 63% of our target.": a relative clause says more.
        and not (
            tokens[i + 1].low == "which"
            and i + 2 < len(tokens)
            and tokens[i + 2].low in _RELATIVE_VERBS
        )
        for i in range(index, len(tokens) - 1)
    ):
        # "i have 7 planters, how many litres in total": a question after what it is about.
        return True
    if (
        index + 1 < len(tokens)
        and tokens[index].low in _VERBS
        and tokens[index + 1].low == "of"
        and any(t.is_number or t.is_material for t in tokens[index + 2 :])
    ):
        # "Sum of 1.1, 2.2 and 3.3": a request whose verb is left out.
        return True
    if _names_figure_of_numbers(tokens, index) or _only_arithmetic(tokens[index:]):
        return True
    unit = _UNIT_ASKED_RE.fullmatch(" ".join(t.text for t in tokens))
    if unit is not None and names_unit(unit.group("unit")):
        # "A marathon is 26.2 miles. In km please": the statement before is the amount.
        return True
    if _only_figures(tokens[index:]):
        return True
    if not any(t.is_number for t in tokens) and _WHAT_IS_ASKED_RE.fullmatch(
        " ".join(t.low for t in tokens)
    ):
        # "3 kW kettle, 4 min a boil, 26p per kWh. Cost per day in pence.": the answer named
        # alone, after the statement of the amounts it is of.
        return True
    if _names_measure_asked(tokens):
        return True  # "litres for the month", "volume in m³": a measure named alone
    if (
        _percentage_of_amount(tokens, index)
        and all(t.text in {".", "!", "?", ","} for t in tokens[index + 3 :])
        and tokens[index + 1].low == "of"
    ):
        # "12% of 300" alone, one of several asks listed: a request whose verb is left out.
        return True
    words = tuple(t.low for t in tokens[index : index + 3])
    return any(words[: len(opening)] == opening for opening in _REQUEST_OPENINGS)


# Words that may stand beside figure names in an ask of figures alone ("total and daily
# average", "mean and median pls").
_BESIDE_FIGURES = _words(
    """and the its their daily weekly monthly yearly overall average pls please plz also too
    & , ? . ! - sample population"""
)


# The extremes of a list named by a superlative ("cheapest and dearest", "lowest and
# highest"): figures too, but matched exactly ("higher" is no slip of "highest").
_EXTREMES = _words("lowest highest smallest largest biggest cheapest dearest priciest")


def _only_figures(tokens: list[Token]) -> bool:
    """ "total and daily average", "mean and median pls", "cheapest and dearest": figures
    named and nothing else, an ask of the numbers stated before, not a statement."""
    words = " ".join(t.low for t in tokens if t.low not in _BESIDE_FIGURES)
    # "mean and sample standard deviation": a figure of two words.
    figures = re.sub(r"\bstandard\s+deviation\b", "stdev", words).split()
    if any(word in _EXTREMES for word in figures) and all(
        word in _EXTREMES | _ITEM_NOUNS for word in figures
    ):
        # "lowest and highest figure", "the biggest value": the extremes of the numbers
        # stated, named with the items they are (not "total number", which may count them).
        return True
    return bool(figures) and all(word in _EXTREMES or _names_figure(word) for word in figures)


# Nouns for the items of a list, named after its extremes ("the highest value").
_ITEM_NOUNS = _words("figure figures value values number numbers one ones")


def _names_figure(word: str) -> bool:
    """A figure's name, or a slip of the keys for one ("meidan", "avrage")."""
    return word in _FIGURE_NOUNS or (
        len(word) >= 5
        and any(
            sorted(word) == sorted(name)
            or difflib.SequenceMatcher(None, word, name).ratio() >= _SLIP_RATIO
            for name in _FIGURE_NOUNS
            if len(name) >= 5
        )
    )


# How alike a word must be to a figure's name to be taken for a slip of it.
_SLIP_RATIO = 0.83


def _labels_an_amount(tokens: list[Token]) -> bool:
    """ "Total due: £1,640.00.", "Paid on account: 500": a label of two words or more, a
    colon and one amount, which states it (a line of an invoice), asks nothing."""
    colon = next((i for i, t in enumerate(tokens) if t.text == ":"), None)
    if colon is None or colon < 2 or colon > 4:
        return False
    label, rest = tokens[:colon], tokens[colon + 1 :]
    # One number, a unit at most ("82 kg"), a currency sign and a full stop besides.
    numbers = sum(1 for t in rest if t.is_number)
    words = sum(1 for t in rest if t.is_word)
    return all(t.is_word for t in label) and numbers == 1 and words <= 1 and len(rest) <= 4


_TARGET_SET_RE = re.compile(
    r"(?:i|we)\s+(?:need|want)\s+(?:my|our|the)\s+[\w\s]{1,40}?\s+to\s+be\s+(?:at\s+least\s+)?\d"
)
_FIGURE_VERBS = _words("average total sum add tally count")
_CHANGE_VERBS = _words(
    "fell rose dropped went increased decreased grew climbed jumped slipped shrank gone "
    "risen fallen grown"
)


def _states_a_change(tokens: list[Token]) -> bool:
    return any(
        tokens[i].low in _CHANGE_VERBS and tokens[i + 1].low == "from" and tokens[i + 2].is_number
        for i in range(len(tokens) - 2)
    )


_RELATIVE_VERBS = _words("is was are were means meant makes made comes came gives gave")


def _converts_amount(tokens: list[Token], index: int) -> bool:
    """Whether an amount in a unit, asked in another, starts at ``index`` ("10 km to
    miles")."""
    return (
        index + 3 < len(tokens)
        and tokens[index].is_number
        and names_unit(tokens[index + 1].low)
        and tokens[index + 2].low in {"to", "into", "in"}
        and names_unit(tokens[index + 3].low)
    )


def _heads_data(tokens: list[Token]) -> bool:
    """ "what i spent on lunch each day this week: <data>.": "what" and who did it, then a
    colon and the data alone, says what the data is, and asks nothing."""
    colon = next((i for i, t in enumerate(tokens) if t.text == ":"), None)
    return (
        colon is not None
        and len(tokens) > 2
        and tokens[0].low == "what"
        and tokens[1].low in _OWN_SUBJECTS
        and all(t.is_material or t.text in {".", "!"} for t in tokens[colon + 1 :])
        # "what ive spent on xmas bits so far:" and the items on the lines below it.
        and (colon == len(tokens) - 1 or any(t.is_material for t in tokens[colon + 1 :]))
    )


# "in km please", "and into grams": a unit asked for, the amount said before.
_UNIT_ASKED_RE = re.compile(
    r"(?:(?:and|so|now|then|ok|okay)\s+)*(?:in|into|to)\s+(?P<unit>[a-z]+)"
    r"(?:\s+(?:then|instead|please|pls|now))?(?:\s*[.!?])*",
    re.I,
)


# "Cost per day in pence.", "Yearly saving in £.", "Litres needed.": what is asked, named alone;
# so is a share named in percent ("Attendance %.", "Germination rate %").
_WHAT_IS_ASKED_RE = re.compile(
    r"(?:(?:the|yearly|annual|daily|weekly|monthly|total)\s+)*"
    r"(?:(?:cost|costs|saving|savings|spend|bill)(?:\s+(?:per|a|each)\s+(?:day|week|month|year))?"
    r"(?:\s+in\s+(?:\u00a3|\$|\u20ac|pounds|pence|p|dollars|euros|cents))?"
    r"|[a-z]+\s+(?:needed|required)"
    r"|[a-z]+(?:\s+(?:rate|ratio))?\s*(?:%|percent|percentage))"
    r"(?:\s*[.!?])*",
    re.I,
)


# Figures a sentence may name without a verb and still ask for ("The mean of 1, 2, 3.").
_FIGURE_NOUNS = _words(
    """average mean median mode total sum range product maximum minimum max min
    variance stdev sd std"""
)


_ARITHMETIC_WORDS = _words(
    """plus minus times x divided multiplied by over squared cubed to the power of and
    + - * / ^ ( ) % × ÷ . ? ! ="""
)
_OPERATORS = _words("plus minus times x divided multiplied over squared cubed power + - * / ^ × ÷")


def _only_arithmetic(tokens: list[Token]) -> bool:
    """ "3 times 45", "(12 + 8) / 4": arithmetic and nothing else, an ask with its verb
    left out, not a statement of context."""
    numbers = sum(1 for t in tokens if t.is_number)
    return (
        numbers >= 1
        and any(t.low in _OPERATORS for t in tokens)
        and all(t.is_number or t.low in _ARITHMETIC_WORDS for t in tokens)
    )


def _arithmetic_piece(tokens: list[Token]) -> bool:
    """ "1,250 divided by 8", "17 squared", "6% of 3,300": arithmetic whole in itself, from
    a number to a number (or "squared"), not the rest of the arithmetic before it."""
    while tokens and tokens[-1].text in {".", "?", "!"}:
        tokens = tokens[:-1]
    return (
        len(tokens) >= 2
        and tokens[0].is_number
        and (tokens[-1].is_number or tokens[-1].low in {"squared", "cubed"})
        and any(t.low in _OPERATORS or t.low.endswith("%") for t in tokens)
        and all(t.is_number or t.low in _ARITHMETIC_WORDS or t.low == "of" for t in tokens)
        and not any(t.low == "and" for t in tokens)
    )


def _after_header(tokens: list[Token]) -> list[Token]:
    """The tokens after a header of words and a colon ("quick maths: 365 x 24" gives
    "365 x 24"), which names what follows and is no part of its arithmetic."""
    colon = next((i for i, t in enumerate(tokens) if t.text == ":"), None)
    if colon is None or colon == 0 or any(t.is_number for t in tokens[:colon]):
        return tokens
    return tokens[colon + 1 :]


# Measures asked by their name alone: "area of the wall", "volume in m³".
_MEASURE_NAMES = _words("area volume weight length perimeter height width depth")


def _names_measure_asked(tokens: list[Token]) -> bool:
    """ "litres for the month", "volume in m³", "tonnes at 1.6 t per m³": a measure or a
    unit named first and asked with no verb, in a few words."""
    words = [t for t in tokens if t.text not in {".", "!", "?"}]
    while words and words[0].low in {"the", "total", "and", "so"}:
        words = words[1:]
    if not 2 <= len(words) <= 10 or not words[0].is_word or words[1].low not in _MEASURE_LINKS:
        return False
    if any(t.is_material or _is_question_word(t) or t.low in _STATING_VERBS for t in words):
        return False  # "volume in the tank is 200 litres": said, not asked
    first = words[0].low
    return first in _MEASURE_NAMES or names_unit(first) or unit_of(first) is not None


_MEASURE_LINKS = _words("for at in of per needed")


def _up_to_comma(tokens: list[Token], at: int) -> list[Token]:
    """The tokens from ``at`` to the next comma (or the end)."""
    end = next((i for i in range(at, len(tokens)) if tokens[i].text == ","), len(tokens))
    return tokens[at:end]


def _names_figure_of_numbers(tokens: list[Token], index: int) -> bool:
    """ "The mean of 1, 2, 3.", "and the median of 4, 9": a figure of listed numbers and
    nothing else, an ask with its verb left out. A statement says something of its
    numbers ("The total of my bills was 300") and is not one."""
    if index < len(tokens) and tokens[index].low in {"and", "also", "plus"}:
        index += 1
    if index < len(tokens) and tokens[index].low == "the":
        index += 1
    if index + 2 >= len(tokens) or tokens[index].low not in _FIGURE_NOUNS:
        return False
    if tokens[index + 1].low != "of":
        return False
    rest = tokens[index + 2 :]
    return any(t.is_number or t.is_material for t in rest) and all(
        t.is_number or t.is_material or t.low in {",", "and", ".", "?", "!", "-"} for t in rest
    )


# --- clauses -------------------------------------------------------------------------


@dataclass(frozen=True)
class Clause:
    """One candidate step of a task, in masked text.

    Attributes:
        text: The clause, without the connective that introduced it.
        connectives: The connectives that introduced it ("then", "and", ...).
        sentence: Index of the sentence the clause comes from.
        is_request: False for a statement that only gives context ("My data is ...").
    """

    text: str
    connectives: frozenset[str]
    sentence: int
    is_request: bool = True

    @property
    def sequential(self) -> bool:
        """Whether a connective says this clause comes after the previous one."""
        return bool(self.connectives & SEQUENTIAL)


_ABBREVIATIONS = _words(
    "e.g i.e etc vs mr mrs ms dr prof no approx fig u.s u.k st incl excl inc exc est"
)
_BULLET_RE = re.compile(r"^\s*(?:[-*\u2022]|\(?\d{1,2}[.)]|step\s+\d+\s*[:.)-])\s+", re.I)


def _sentences(text: str) -> list[str]:
    """Split masked text into sentences and list items.

    A line that holds only material (a pasted table, numbers one per line) belongs to the
    sentence before it, or the one after it when it comes first, with its line break kept.
    """
    sentences: list[str] = []
    leading: list[str] = []
    for raw in text.splitlines():
        if _only_material(raw):
            if sentences:
                sentences[-1] += "\n" + raw.strip()
            else:
                leading.append(raw.strip())
            continue
        line = _BULLET_RE.sub("", raw).strip()
        start = 0
        found: list[str] = []
        for match in re.finditer(r"[.!?]+(?=\s+|$)", line):
            before = line[start : match.start()].split()
            last = before[-1].lower().rstrip(".") if before else ""
            if match.group(0) == "." and last in _ABBREVIATIONS:
                continue
            found.append(line[start : match.end()].strip())
            start = match.end()
        found.append(line[start:].strip())
        found = [f for f in found if re.search(r"[A-Za-z\d\u27e6]", f)]
        # "Is this complaint angry? '...'": material after the question belongs to it.
        for position in range(len(found) - 1, 0, -1):
            if _only_material(found[position]):
                found[position - 1] += " " + found.pop(position)
        if found and leading:
            found[0] = "\n".join(leading) + "\n" + found[0]
            leading = []
        sentences.extend(found)
    if leading:
        sentences.append("\n".join(leading))
    return sentences


def _only_material(line: str) -> bool:
    return bool(line.strip()) and not PLACEHOLDER_RE.sub("", line).strip(" \t.,;:")


# "the average of 4; 8; 12", "1,200; 950; 1,450": numbers listed with semicolons are one
# list, not clauses.
_SEMICOLON_LIST_RE = re.compile(
    r"-?\$?\d[\d,]*(?:\.\d+)?%?(?:\s*;\s*-?\$?\d[\d,]*(?:\.\d+)?%?){2,}"
)


def _semicolon_parts(sentence: str) -> list[str]:
    """The sentence split at its semicolons, except those of a list of numbers ("tl;dr" is
    no semicolon either)."""
    listed = [m.span() for m in _SEMICOLON_LIST_RE.finditer(sentence)]
    parts: list[str] = []
    start = 0
    for match in re.finditer(r"(?<!\btl);(?!dr\b)", sentence, flags=re.I):
        if any(begin < match.start() < end for begin, end in listed):
            continue
        parts.append(sentence[start : match.start()])
        start = match.end()
    parts.append(sentence[start:])
    return parts


def _connective_run(tokens: list[Token], index: int) -> tuple[int, list[str]]:
    """Parse connectives from ``index``; return the index after them and their words."""
    words: list[str] = []
    while index < len(tokens):
        low = tokens[index].low
        pair = " ".join(t.low for t in tokens[index : index + 2])
        triple = " ".join(t.low for t in tokens[index : index + 3])
        if pair in {"after that", "after this", "as well", "and then"}:
            words.extend(["and", "then"] if pair == "and then" else [pair])
            index += 2
        elif pair in _WITH_THAT or triple in _WITH_THAT:
            words.append("with that")
            index += 3 if triple in _WITH_THAT else 2
        elif (
            low in _DASHES
            and index + 1 < len(tokens)
            and tokens[index + 1].low in (_CONNECTIVES | _TOLD_APART) - {","}
        ):
            # "... '<review>' - and separately, what's 153 split 3 ways": a dash before a
            # connective parts the asks as a comma does ("2 - 3" stays a subtraction).
            words.append(",")
            index += 1
        elif (
            low in _DASHES
            and index + 1 < len(tokens)
            and tokens[index + 1].low in _CONVERTING_VERBS
            and is_action_start(tokens, index + 1, frozenset())
        ):
            # "flour sack says 5 lb - convert that to grams and after that ...": a dash
            # before a verb of converting parts the statement from its first ask.
            words.append(",")
            index += 1
        elif low in _DASHES and _dash_before_figures(tokens, index):
            # "splits 31.4, 33.8, 30.9 - total time and average per leg": a dash after a list
            # of numbers, before the figures asked of them, parts them as a comma does.
            words.append(",")
            index += 1
        elif low in _CONNECTIVES and not (
            # "when the next eclipse is": "next" after a determiner is no step's order.
            low == "next" and index > 0 and tokens[index - 1].low in _DETERMINERS
        ):
            words.append(low)
            index += 1
        else:
            break
    return index, words


_DASHES = frozenset({"-", "\u2013", "\u2014"})
_CONVERTING_VERBS = _words("convert turn change express")


def _dash_before_figures(tokens: list[Token], index: int) -> bool:
    """Whether the dash at ``index`` ends a list of numbers ("31.4, 33.8, 30.9 -") and a
    figure of them is named after it ("- total time", "- the average"): "what's 100 - the
    sum of 2 and 3" subtracts, its dash after one number."""
    if index < 3 or index + 1 >= len(tokens):
        return False
    before = tokens[index - 3 : index]
    if not (before[0].is_number and before[1].text == "," and before[2].is_number):
        return False
    after = index + 2 if tokens[index + 1].low in _DETERMINERS else index + 1
    return after < len(tokens) and tokens[after].low in _FIGURE_WORDS


def split_clauses(text: str, extra_verbs: Iterable[str] = ()) -> list[Clause]:
    """Split a masked task into clauses, one per requested action.

    Sentences, list items and semicolons always separate clauses. Inside a sentence a
    comma or a coordinator ("and", "then", "also", "after that", ...) separates clauses
    only when an imperative verb follows it, so that "3, 5 and 10" or "the arguments for
    and against" stay whole while "... and compute the average" starts a new clause.

    Args:
        text: Masked task text (see `mask_material`).
        extra_verbs: More verbs that may start a clause (e.g. the first words of the
            capabilities' examples); they are treated as possibly being nouns.
    """
    verbs = frozenset(v.lower() for v in extra_verbs)
    clauses: list[Clause] = []
    for sentence_index, sentence in enumerate(_sentences(text)):
        sentence_clauses: list[Clause] = []
        for part in _semicolon_parts(sentence):
            tokens = tokenize(part)
            if not tokens:
                continue
            start, leading = _connective_run(tokens, 0)
            if start >= len(tokens):
                continue
            clause_start = tokens[start].start
            clause_token = start
            connectives = set(leading)
            index = start + 1
            while index < len(tokens):
                after, words = _connective_run(tokens, index)
                if not words:
                    index += 1
                    continue
                verb_at = _skip_request_prefix(tokens, after)
                # ", and separately what's 7.5 x 22": a second ask, told apart.
                told_apart = bool(
                    ({t.low for t in tokens[after:verb_at]} | set(words)) & _TOLD_APART
                )
                strong = bool(set(words) - {",", "and"}) or told_apart
                question = verb_at < len(tokens) and _is_question_word(tokens[verb_at])
                starts = (
                    is_action_start(tokens, verb_at, verbs)
                    or (strong and question)
                    # "shorten this, then is it friendly? '...'": a yes-or-no question of
                    # what was made.
                    or (strong and _asks_of_it(tokens, verb_at))
                    # "What's the average of 4 and 10, (and) what's 3 squared?"
                    or (
                        words in ([","], [",", "and"])
                        and question
                        and _is_question_word(tokens[start])
                    )
                    # "the median of 1, 3, 5 and also the sum of 2, 2, 2"
                    or (strong and _is_elliptical_request(tokens, verb_at))
                    # "how does this read '...' and separately 3 x 14.99": a sum of its own,
                    # told apart.
                    or (told_apart and _is_bare_arithmetic(tokens, verb_at))
                    # "What's 30% of 120, the average of 2, 4 and 9, and ...": a figure
                    # asked after a comma, the ask before it having its operands.
                    or (
                        words in ([","], [",", "and"])
                        and _names_a_figure_asked(tokens[verb_at:], operand=False)
                        and _has_operand(tokens[start:index])
                    )
                    # "the median of 8, 1, 6 and the mean of 10, 20": a figure of its own
                    # numbers after one of others ("the difference between the sum of
                    # 2 and 3 and the product of 4 and 5" is one ask).
                    or (
                        words == ["and"]
                        and _is_elliptical_request(tokens, verb_at)
                        and tokens[verb_at + 1].low in _FIGURE_WORDS
                        and _has_operand(tokens[verb_at:])
                        and _has_operand(tokens[start:index])
                        and not any(t.low == "between" for t in tokens[start:index])
                    )
                    # "the sentiment of '...' and what is 30% of 50?": a question with its
                    # own operands is not the object of the one before ("what causes it").
                    or (
                        words == ["and"]
                        and question
                        and _has_operand(tokens[verb_at:])
                        and not _auxiliary_goes_on(tokens, verb_at)
                    )
                    # "the median of 3, 9, 4 and the sentiment of '...'": an ask about text
                    # after one about numbers is not one more operand of it.
                    # ("the keywords and the sentiment of '...'" ask both of one text.)
                    or (
                        words in (["and"], ["plus"])
                        and _is_text_ask(tokens, verb_at)
                        and _has_operand(tokens[verb_at:])
                        and _has_operand(tokens[start:index])
                    )
                )
                # "litres for the month, and how many fills of the butt", "volume in m³,
                # and tonnes at 1.6 t per m³": a measure asked by its name alone, then
                # another ask.
                starts = starts or (
                    words in ([","], [",", "and"])
                    and _names_measure_asked(tokens[clause_token:index])
                    and (question or _names_measure_asked(_up_to_comma(tokens, verb_at)))
                )
                # "convert 3 kg to lb and 10 km to miles": a conversion of its own after one.
                starts = starts or (
                    words in (["and"], [",", "and"], [","])
                    and _converts_amount(tokens, verb_at)
                    and any(_converts_amount(tokens, i) for i in range(start, index))
                )
                # "10% of 90 and 20% of 40": a percentage of its own amount after another.
                starts = starts or (
                    words in (["and"], [","], [",", "and"])
                    and _percentage_of_amount(tokens, verb_at)
                    and _percentage_of_amount(tokens, _last_percentage(tokens, start, index))
                )
                # "1,250 divided by 8, 17 squared, and 6% of 3,300": sums of their own
                # numbers listed ("2 plus 3, times 4" goes on with the one before).
                starts = starts or (
                    words in ([","], [",", "and"])
                    and _arithmetic_piece(_after_header(tokens[clause_token:index]))
                    and _arithmetic_piece(_up_to_comma(tokens, verb_at))
                )
                if (
                    starts
                    and words == ["and"]
                    and any(t.low in _OWN_SUBJECTS for t in tokens[clause_token:index])
                    and tokens[verb_at].low not in _ASKING_VERBS
                    and not _is_request(tokens[clause_token:index], verbs)
                ):
                    # "i read about 40 pages an hour and read 45 mins every night", "saving
                    # for a holiday, i've got 950 and put away 220 a month": the same
                    # subject doing more, not a request to read or to put away.
                    starts = False
                if (
                    starts
                    and words == ["and"]
                    and tokens[index - 1].low in _FIGURE_WORDS
                    and tokens[verb_at].low in _FIGURE_WORDS
                    and verb_at == after
                    and not _has_operand(tokens[verb_at:])
                ):
                    # "8200, 10400, 7650, total and average per day": two figures of the
                    # numbers before them, one ask ("average" is no verb here).
                    starts = False
                if (
                    words == ["plus"]
                    and (tokens[index - 1].low in _FIGURE_WORDS or tokens[index - 1].is_number)
                    # "the average of 2, 4, 6 plus the keywords of '...'": an ask about text
                    # is no figure to add.
                    and not _is_text_ask(tokens, verb_at)
                ):
                    # "the sum plus the average of 3, 4, 5", "the median of 1, 3, 5 plus the
                    # sum of 2, 2, 2" add two figures: one ask, arithmetic.
                    starts = False
                if starts and after < len(tokens):
                    piece = part[clause_start : tokens[index].start].strip(" ,")
                    if piece:
                        sentence_clauses.append(
                            Clause(piece, frozenset(connectives), sentence_index)
                        )
                    clause_start = tokens[after].start
                    clause_token = after
                    connectives = set(words)
                    index = after + 1
                else:
                    index = after if after > index else index + 1
            piece = part[clause_start:].strip(" ,")
            if piece:
                if not connectives and sentence_clauses:
                    connectives = {";"}
                sentence_clauses.append(Clause(piece, frozenset(connectives), sentence_index))
        if sentence_clauses:
            first = sentence_clauses[0]
            request = _is_request(tokenize(first.text), verbs) or (
                len(sentence_clauses) > 1
                and (
                    _names_a_figure_asked(tokenize(first.text))
                    or names_a_text_ask(tokenize(first.text))
                    # "vibe of '...' and whats 4 chairs at 85 each": an ask about a text,
                    # its article left out, then one of its own.
                    or _is_text_ask(tokenize(first.text), 0)
                    or _figure_of_listed(tokenize(first.text))
                    # "quick maths: 365 x 24, 1000 divided by 7": the first of sums listed.
                    or _arithmetic_piece(_after_header(tokenize(first.text)))
                )
            )
            sentence_clauses[0] = Clause(
                first.text, first.connectives, first.sentence, is_request=request
            )
            sentence_clauses = [
                Clause(c.text, c.connectives, c.sentence, is_request=False)
                if position and c.connectives == {";"} and _tells_own_state(c.text, verbs)
                else c
                for position, c in enumerate(sentence_clauses)
            ]
        clauses.extend(sentence_clauses)

    last = clauses[-1] if clauses else None
    if (
        last is not None
        and not last.is_request
        and _QUANTITY_NAMED_LAST.fullmatch(last.text)
        and all(c.sentence != last.sentence for c in clauses[:-1])
        and any(re.search(r"\d|<num>", c.text) for c in clauses[:-1])
        and not any(_asks_itself(c.text, verbs) for c in clauses[:-1])
    ):
        # "car finance on 9,600 over 48 months at a flat 4.9% a year. monthly payment": the
        # quantity named alone after the amounts is what is asked of them, "?" or not.
        clauses = [Clause(c.text, c.connectives, c.sentence, is_request=c is last) for c in clauses]
    if clauses and not any(c.is_request for c in clauses):
        # Nothing reads as a request ("A summary of X."): take every statement as one, or,
        # where some sentences ask in their middle ("EV has a 64 kWh battery. charging it
        # ... costs how much in pounds"), those, the others being what they ask about.
        asking = {
            c.sentence
            for c in clauses
            if _ASKS_WITHIN.search(c.text) or _COST_ASKED_LAST.search(c.text)
        }
        clauses = [
            Clause(c.text, c.connectives, c.sentence, is_request=not asking or c.sentence in asking)
            for c in clauses
        ]
    return clauses


# "monthly payment", "final balance.", "credit weighted gpa", "each pays": a quantity named
# alone, in a sentence of its own after the amounts.
_QUANTITY_NAMED_LAST = re.compile(
    r"(?:(?:so|and|the|my|our)\s+)*(?:(?:total|final|monthly|weekly|yearly|annual|daily|new|net|"
    r"gross|overall|average|credit|weighted|hourly)\s+)*(?:payment|balance|price|total|fare|"
    r"cost|bill|profit|gpa|amount|interest|saving|savings|pay|change|each\s+pays?)"
    # "profit on the logs", "total cost for the trip": what the quantity is of
    r"(?:\s+(?:on|for|from|of)\s+(?:(?:the|my|our|a|this|that|each)\s+)?[a-z]+(?:\s+[a-z]+)?)?"
    r"\s*[.!]*",
    re.I,
)


def _asks_itself(text: str, verbs: frozenset[str]) -> bool:
    """Whether a clause is an ask of its own: a question, or one that starts with a verb."""
    tokens = tokenize(text)
    return bool(tokens) and (
        tokens[-1].text == "?" or is_action_start(tokens, _skip_request_prefix(tokens, 0), verbs)
    )


# A question asked inside a sentence rather than at its start: "... costs how much in pounds",
# "for a 250 mile trip how many kWh is that".
_ASKS_WITHIN = re.compile(r"\bhow\s+(?:much|many|long|far|old|big|often)\b|\bwhat(?:'s|s)?\b", re.I)
# "24.5p/kWh, cost per year (365 days)", "electric is 24.5p/kWh, cost of each in pence",
# "... a year - annual cost of each", "annual bill and the monthly direct debit over 12": the
# cost named alone after the amounts (or as a sentence of its own), what they are the
# amounts of; "the bill for may was 80" says a cost, it does not ask one. So are what they
# bring in: "ep got 18,400 downloads, ad cpm is $22. ad revenue for the episode".
_COST_ASKED_LAST = re.compile(
    r"(?:^|[,\-\u2013\u2014]\s*)(?:the\s+)?(?:(?:total|annual|yearly|monthly|weekly|daily)\s+)?"
    r"(?:cost|bill|saving|(?:ad\s+)?(?:revenue|income|takings|earnings))"
    r"(?:\s+(?:of|for|per|in|a|each|and)\b"
    r"(?![^,;:.!?]*\b(?:is|was|were|are|will)\b)[^,;:.!?]*)?[.!?]*\s*$",
    re.I,
)


# "; i've written 1,120", "; we're at 40": what the user has done or is at, told after a
# semicolon, is context like a sentence of its own, not a new ask.
_OWN_SUBJECTS = _words("i i've ive i'm im we we've we're my our")
# Verbs by which a request addresses whoever answers it ("i earn 500 and tell me ...").
_ASKING_VERBS = _words(
    """tell give work calculate compute show find convert figure add sum total average list
    summarise summarize write draft translate check estimate round split divide multiply
    subtract compare explain help let"""
)


def _tells_own_state(text: str, verbs: frozenset[str]) -> bool:
    tokens = tokenize(text)
    return bool(tokens) and tokens[0].low in _OWN_SUBJECTS and not _is_request(tokens, verbs)


def _asks_of_it(tokens: list[Token], index: int) -> bool:
    """ "is it ...", "does this ...": a yes-or-no question about something named before."""
    return (
        index + 1 < len(tokens)
        and tokens[index].low in {"is", "was", "does", "did", "would"}
        and tokens[index + 1].low in {"it", "this", "that"}
    )


# Words that ask "should I", "will it", "does the bus": a question's auxiliary, and who or
# what it asks about.
_AUXILIARIES = _words("can could should would will shall may might must do does did")
_ASKED_SUBJECTS = _words(
    """i we you it they he she there this that these those the a an my our your its their
    his her i'm im i've ive we're"""
)


def _auxiliary_goes_on(tokens: list[Token], index: int) -> bool:
    """Whether an auxiliary at ``index`` goes on with the subject before it ("panels cost
    7,400 and should save 620 a year", "and will take 3 hours"): followed by a verb, not
    by who or what a question asks about ("and should I ...", "and will it ...")."""
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    return (
        tokens[index].low in _AUXILIARIES
        and following is not None
        and following.is_word
        and following.low not in _ASKED_SUBJECTS
    )


def _is_question_word(token: Token) -> bool:
    return token.low.split("'")[0] in _QUESTION_WORDS - {"is", "are", "was", "were"}


def _is_elliptical_request(tokens: list[Token], index: int) -> bool:
    """ "(also) the sum of ...", "(also) 10% of 70": a request whose verb is left out."""
    return index + 2 < len(tokens) and (
        (
            tokens[index].low in {"the", "a", "an"}
            and tokens[index + 1].is_word
            and tokens[index + 2].low == "of"
        )
        or (
            tokens[index].is_number
            and tokens[index].low.endswith("%")
            and tokens[index + 1].low == "of"
            and tokens[index + 2].is_number
        )
    )


_COPULAS = _words("is are was were be been")
_PLEASE = _words("please pls plz plez thanks thx ta")


def _is_bare_arithmetic(tokens: list[Token], index: int) -> bool:
    """ "3 x 14.99", "120 / 8": a number, an operator and a number, with no verb before."""
    return (
        index + 2 < len(tokens)
        and tokens[index].is_number
        and tokens[index + 1].low in _OPERATORS
        and any(t.is_number for t in tokens[index + 2 : index + 4])
    )


# Figures of a list, named by a noun that is no verb ("average", "total" are verbs too and
# ask as such) nor names things ("product", "range").
_LIST_FIGURES = _words("median mean mode sd std stdev variance max maximum min minimum")


def _figure_of_listed(tokens: list[Token]) -> bool:
    """ "2 things: median stops per route 112, 98, 121, 105 and separately ...": a figure of
    a list named first, what the list is of, then three numbers or more and nothing else,
    an ask with its verb and its "of" left out (as "average temps 14, 16, 15" asks with
    "average" read as the verb). A statement says what its numbers are ("median prices
    were 120, 130, 140") and is not one."""
    colon = next((i for i, t in enumerate(tokens) if t.text == ":"), None)
    if colon is not None and colon <= 3:
        # "2 things:", "quick ones:": a header counting the asks, no part of the first.
        tokens = tokens[colon + 1 :]
    words = [t for t in tokens if t.text not in {".", "!", "?"}]
    index = 1 if words and words[0].low == "the" else 0
    if index >= len(words) or words[index].low not in _LIST_FIGURES:
        return False
    end = next((i for i in range(index + 1, len(words)) if words[i].is_number), len(words))
    label, listed = words[index + 1 : end], words[end:]
    if len(label) > 5 or any(
        not t.is_word or t.low in _STATING_VERBS or t.low in _COPULAS or _is_question_word(t)
        for t in label
    ):
        return False
    if listed and listed[-1].is_word and names_unit(listed[-1].low):
        listed = listed[:-1]  # "7.9, 10.6 kg": the unit of the values
    return sum(1 for t in listed if t.is_number) >= 3 and all(
        t.is_number or t.low in {",", "and"} for t in listed
    )


def _names_a_figure_asked(tokens: list[Token], operand: bool = True) -> bool:
    """ "the median of 1, 3, 5" before "and also the sum of ...": an ask whose verb is left
    out, not a statement (which says what something is: "the price of the coat is 90").
    With ``operand`` false the operands may come later in the sentence."""
    # "median of 8, 1, 6 and the mean of 10, 20": the article may be left out too.
    bare = len(tokens) > 2 and tokens[0].low in _FIGURE_WORDS and tokens[1].low == "of"
    return (
        (
            bare
            or (_is_elliptical_request(tokens, 0) and tokens[1].low in _FIGURE_WORDS | _TEXT_ASKS)
        )
        and (_has_operand(tokens) or not operand)
        and not any(t.low in _COPULAS for t in tokens)
    )


# What is asked of a text, named as a noun ("the sentiment of", "the keywords of").
# ("vibe" is a tone said casually: "vibe of '...' and whats 4 chairs at 85 each".)
_TEXT_ASKS = frozenset({"sentiment", "tone", "mood", "vibe", "keywords", "summary", "gist"})


_GIVING = _words("give get do write make send")


def names_a_text_ask(tokens: list[Token]) -> bool:
    """ "one sentence summary" before "and then tell me if it sounds positive": a summary,
    keywords or a tone asked as a noun of a few words, the verb left out or one of giving
    ("give me a one sentence summary")."""
    if tokens and tokens[0].low in _GIVING:
        tokens = tokens[1:]
        if tokens and tokens[0].low in {"me", "us"}:
            tokens = tokens[1:]
    return (
        1 <= len(tokens) <= 5
        and tokens[-1].low in _TEXT_ASKS
        and not any(t.low in _COPULAS or t.is_material for t in tokens)
    )


def _is_text_ask(tokens: list[Token], index: int) -> bool:
    """ "the sentiment of '...'", "keywords of '...'": an ask about a text, its article
    left out or not."""
    if index < len(tokens) and tokens[index].low in {"the", "a"}:
        index += 1
    return (
        index + 1 < len(tokens)
        and tokens[index].low in _TEXT_ASKS
        and tokens[index + 1].low in {"of", "in", "for"}
    )


def _has_operand(tokens: Iterable[Token]) -> bool:
    return any(t.is_number or t.is_material for t in tokens)


# --- topics --------------------------------------------------------------------------

_TOPIC_PREPOSITIONS = _words(
    "about on of for regarding concerning into against around behind between"
)


def topic_of(text: str, extra_verbs: frozenset[str] = frozenset()) -> str:
    """The subject a clause is about: the phrase after its last topic preposition, else
    its object ("Research electric cars" -> "electric cars")."""
    text = strip_request_prefix(text).strip().rstrip(".!?").strip()
    tokens = tokenize(text)
    if not tokens:
        return ""
    index = 0
    if is_action_start(tokens, 0, extra_verbs) or tokens[0].low in _VERBS:
        index = 1
        while index < len(tokens) and tokens[index].low in {"out", "up", "me", "us", "into"}:
            index += 1
    last_prep = None
    for position in range(index, len(tokens) - 1):
        if tokens[position].low in _TOPIC_PREPOSITIONS:
            last_prep = position
    if last_prep is not None:
        index = last_prep + 1
    while index < len(tokens) and tokens[index].low in _DETERMINERS:
        index += 1
    if index >= len(tokens):
        return ""
    return text[tokens[index].start :].strip(" ,")

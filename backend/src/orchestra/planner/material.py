"""The user's material in a task: found, set aside behind placeholders, and put back intact.

The planner works on a *masked* copy of the task: quoted strings, code, pasted data (CSV,
TSV, JSON, Markdown tables, numbers one per line) wherever they start, and text after a
colon ("Summarize this text: ...") are replaced by placeholders ``⟦n⟧``, so that their
punctuation and connectives never split a step and their words never steer the choice of
capability. `MaskedText.restore` puts the exact characters back: an agent receives the
user's data byte for byte.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable
from dataclasses import dataclass

__all__ = [
    "MaskedText",
    "ends_with_material",
    "mask_material",
    "placeholder",
    "placeholders_in",
]

PLACEHOLDER_RE = re.compile(r"\u27e6(\d+)\u27e7")

# Words that, shortly before a colon, announce that what follows is data to work on
# rather than more instructions ("Do the following: ..." is deliberately absent).
_MATERIAL_NOUNS = frozenset(
    """text texts article articles paragraph paragraphs passage passages review reviews
    comment comments data dataset csv json tsv table tables numbers values list sentence
    sentences document notes message messages email emails tweet tweets post posts
    feedback answers responses quote quotes story transcript content input string strings
    markdown figures series rows records survey excerpt these this following below""".split()  # noqa: SIM905
)
# Words that announce material only when it starts on the next line: "Give me the main
# points:\n<text>" (while "... the key points: costs, risks and benefits" lists them).
_MATERIAL_ON_NEXT_LINE = frozenset({"points", "gist"})
# "Here are my talking points:" presents points to work on next, perhaps with a request on a
# later line; only a request for the points ("Give me the main points:") takes the lines.
_PRESENTS = re.compile(r"\s*(?:here\s+(?:are|is)|these\s+are|those\s+are|my|our)\b", re.I)

_INSTRUCTIONS_FOLLOW = frozenset({"do", "follow", "steps", "instructions", "tasks"})
# One word before a colon that heads a request rather than naming one ("Task: ..."), or a
# line of a message's header ("From: ...", "Subject: ...").
_HEADINGS = frozenset(
    """task tasks question questions note notes context request todo goal update
    reminder hint example step steps important warning ps fyi
    from to cc bcc subject date sent re fwd guest""".split()  # noqa: SIM905
)

# "wedding: 126 guests, tables seat 9 each. how many tables do we need": after a topic and a
# colon, numbers stated and a question of them, which is the request, not text to work on.
_ASKS_OF_ITS_NUMBERS = re.compile(
    r"\d.*[.!?,]\s+(?:so\s+|and\s+)?(?:how\s+(?:many|much|long|far)|whats|what(?:'s|\s+is|\s+do|"
    r"\s+does|\s+will)?|which)\b[^.!?]*[?]?\s*$",
    re.I | re.S,
)

# "karvonen: target = (max - resting) x 0.7 + resting. max is 185, resting 58. target heart
# rate?": numbers stated, then a few words asked of them, is the request too.
# ("gastos: 15,60 € / 8,90 €. ¿total?": in Spanish, with its opening mark.)
_SHORT_ASK_OF_ITS_NUMBERS = re.compile(
    r"\d[^?]*[.!,]\s+\u00bf?[a-z\u00c0-\u00ff][a-z\u00c0-\u00ff '%-]{0,40}\?\s*$", re.I | re.S
)

# "quote for a job: labour 6.5 hrs at £55/hr plus parts 184.20, add those up then ...":
# numbers stated and then an ask to compute on them, the request itself, not text to work on.
_COMPUTES_ITS_NUMBERS = re.compile(
    r"\d.*[,.;]\s+(?:so\s+|then\s+|and\s+)?(?:add|sum|total|work\s+out|calculate|compute|"
    r"divide|multiply|split|take\s+off)\b",
    re.I | re.S,
)
# Where the last sentence of a statement starts: after a full stop that is no decimal point,
# a question or exclamation mark, a semicolon, a dash between spaces, or a line break.
_SENTENCE_BREAK = re.compile(r"(?:(?<!\d)\.|\.(?!\d)|[!?;]|\s[-\u2013\u2014]+)\s+|\s*\n\s*")
# A last sentence that asks a figure: a question word or a verb of computing first ("how many
# kg of jam and how many 340g jars", "and the cost if i buy 9 packs at 17.99"), or a few
# words naming the figure ("profit", "cost per head?", "the total each").
_ASKS_A_FIGURE = re.compile(
    r"(?:so\s+|and\s+|then\s+)?(?:how\s+(?:many|much|long|far|big|old)|whats|what(?:'s|\s+is|"
    r"\s+are|\s+do|\s+does|\s+did|\s+will|\s+would|(?!\s+an?\b))|which|work\s+out|calculate|compute|"
    r"add|sum|total)\b"
    r"|(?:the\s+|my\s+|our\s+)?(?:total|net|gross|vat|tax|pay|profit|loss|cost|change|"
    r"difference|average|mean|sum|balance|margin|surplus|saving|left|remaining|fare|price|"
    r"bill|charge|fee|fees|rent|wage|takings|turnover|income)"
    # "net, vat and total pls"
    r"(?:,?\s+[\w%]+){0,5}\s*\??\s*$",
    re.I,
)


# One word before a colon that asks for a text skill's work: what follows is its text, however
# it ends ("tone: we sold 40 cakes in an hour. what a day").
_TEXT_SKILL_WORDS = frozenset(
    """sentiment tone mood keywords summary summarize summarise tldr tl;dr gist classify
    translate proofread rewrite rephrase""".split()  # noqa: SIM905
)


# Nouns that name a text of words (not data) before a colon: "quote:", "email:".
_TEXT_NOUNS = frozenset(
    """text article paragraph passage review comment document notes message email post
    feedback quote story transcript content excerpt""".split()  # noqa: SIM905
)
# A last sentence that asks something of a text, not a figure: "what's the tone".
_ASKS_OF_A_TEXT = re.compile(
    r"\b(?:tone|sentiment|mood|vibe|feel|feels|sound|sounds|read|reads|come\s+across|positive|"
    r"negative|summar\w*|gist|keywords?|about|mean|means|say|says|polite|rude|angry|happy)\b",
    re.I,
)


def _sentences_of(after: str) -> list[str]:
    """The sentences of what follows a colon; said in one, run together with commas
    ("string 14, grip 4, 20 mins at 36/hr, and the cost of a restring"), its parts, the last
    without the "and" that joins it: what is asked of the amounts before it."""
    sentences = _SENTENCE_BREAK.split(after.strip())
    if len(sentences) > 1:
        return sentences
    parts = re.split(r",\s+", after.strip())
    return [*parts[:-1], re.sub(r"^(?:and|so|then)\s+", "", parts[-1], flags=re.I)]


def _asks_a_figure_of_its_numbers(after: str) -> bool:
    """Whether what follows a text's name and a colon states numbers and asks a figure of
    them ("plasterer quote: 3 days at 220, materials 165. whats the total"), which is the
    request; "email: we hit 120% of target. what's the tone" asks of a text."""
    if not _asks_of_its_numbers(after):
        return False
    last = _sentences_of(after)[-1]
    return len(re.findall(r"\d+", after)) >= 2 and not _ASKS_OF_A_TEXT.search(last)


# "karvonen: target hr = resting + % x (max - resting). resting 58, max 184, at 70%": a
# formula in words (a name, "=", operators between names) and then its values is arithmetic
# to do, however nothing is asked in words; no text to judge is written so.
_FORMULA_THEN_VALUES = re.compile(
    r"\b[a-z][a-z ]{0,30}?\s*=\s*[^.=\d]*[a-z)%]\s*(?:[-+*/\u00d7]|\bx\b)\s*[(a-z%][^=]*?"
    r"[.;,\n]\s*[^=]*\d[^=]*\d",
    re.I | re.S,
)
# "... played back at 25 fps. number of frames and length of the clip in seconds": a last
# sentence that only names the figures asked ("the number of ...", "length of ...").
_FIGURES_NAMED = (
    r"(?:the\s+)?(?:number|count|length|duration|size|area|volume|weight|cost|price|total)\s+of\s+"
)
_NAMES_FIGURES = re.compile(
    rf"(?:so\s+|and\s+)?{_FIGURES_NAMED}(?:(?!\b(?:is|was|were|are|has|had|seems?|felt)\b)"
    r"[\w ,%])+\??\s*$",
    re.I,
)


def _asks_of_its_numbers(after: str) -> bool:
    """Whether the words after a topic and a colon state numbers and then ask a figure of
    them, which makes them the request and not a text to work on: "raffle: sold 340 tickets
    at £2, prizes cost us 165. profit", "jam: 1 kg of fruit makes 1.6 kg. i've got 3.5 kg
    - how many jars"."""
    if _ASKS_OF_ITS_NUMBERS.search(after) or _SHORT_ASK_OF_ITS_NUMBERS.search(after):
        return True
    if _FORMULA_THEN_VALUES.search(after):
        return True
    sentences = _sentences_of(after)
    stated = " ".join(sentences[:-1])
    if len(sentences) < 2 or not re.search(r"\d", stated):
        return False
    if re.fullmatch(r"[\d\s.,;/%\u00a3$\u20ac-]+", stated):
        return False  # "38 39 40 39 41 - which size most": a list, the data asked of

    last = sentences[-1].strip()
    return bool(
        _ASKS_A_FIGURE.match(last) or _NAMES_FIGURES.match(last) or _lists_figures(last, stated)
    )


# One item of a list of figures: "labour", "the total inc materials".
_LIST_ITEM_SPLIT = re.compile(r"\s*(?:,\s*(?:and\s+)?|\band\b|&)\s*", re.I)


def _lists_figures(last: str, stated: str) -> bool:
    """Whether ``last`` lists the figures asked of the numbers ``stated``, each by a word of
    theirs or by a figure's name: "18 hrs labour at 28/hr, plus 15% handling on the 520 of
    materials. labour, handling, and the total inc materials" names three figures, not a
    text ("loved the view, the staff and the food" names none of a sentence before it)."""
    items = [i for i in _LIST_ITEM_SPLIT.split(last.strip(" ?.!")) if i]
    if len(items) < 2 or any(len(i.split()) > 4 for i in items):
        return False
    stated_words = set(re.findall(r"[a-z]{3,}", stated.lower()))
    return any(_ASKS_A_FIGURE.match(i) for i in items) and all(
        _ASKS_A_FIGURE.match(i) or i.lower().split()[0] in stated_words for i in items
    )


_ASK_AFTER_QUOTE = re.compile(
    r"\u27e6\d+\u27e7\s*(?:[.!]\s+|\s[-\u2013\u2014]+\s+|\s+)"
    r"(?:[^\u27e6\n?]{1,40}\?|(?:what|how|is|does|did|would|which)\b[^\u27e6\n?]{0,40}\??)\s*",
    re.I,
)
# A quote, then a few words on its line that are no sentence: what is asked of the quote
# ("... ' sentiment pls", "... ' positive, negative or neutral"); more words would be more
# text.
_WORDS_AFTER_QUOTE = re.compile(
    r"\u27e6\d+\u27e7\s*(?:[.!]\s+|\s[-\u2013\u2014]+\s+|\s+)"
    r"(?:(?:[A-Za-z][\w'-]*[,/]?\s+){0,5}[A-Za-z][\w'-]*)\s*[.!]?\s*",
)

_QUOTE_PATTERNS = (
    re.compile(r"```.*?```", re.S),
    re.compile(r'"[^"\n]*"'),
    re.compile(r"\u201c[^\u201d]*\u201d"),
    re.compile(r"\u2018[^\u2019]*\u2019(?![A-Za-z])"),
    # A single quote opens only after a non-letter and closes before a non-letter, so the
    # apostrophes of "don't" or "users' reviews" are not taken for quotes.
    re.compile(r"(?<![A-Za-z0-9])'(?=\S)[^'\n]*?(?:'(?=[A-Za-z])[^'\n]*?)*'(?![A-Za-z0-9])"),
)
# A comma between digits with three after it and no more: "4,200" is one number.
_GROUPING_COMMA = re.compile(r"(?<=\d),(?=\d{3}(?![\d.,]))")
_MD_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_NUMBER_LINE = re.compile(r"^\s*(?:[-*\u2022]\s+)?[-+]?\$?\d[\d,]*(?:\.\d+)?%?\s*$")
# "- suit hire £185", "• rings: 640": a bullet, a few words naming an item, and its amount;
# "- washer 2 38.00": an item numbered among others of its name (the analyst checks it is).
_ITEM_LINE = re.compile(
    r"^\s*[-*\u2022]\s+[A-Za-z][A-Za-z '&/]{0,30}?(?:\s+\d{1,3}(?=[\s:=]))?\s*[:=]?\s*"
    r"[$\u20ac\u00a3\u00a5\u20b9]?"
    r"\d[\d,]*(?:\.\d+)?\s*$"
)


@dataclass(frozen=True)
class MaskedText:
    """A task text whose material is replaced by placeholders ``⟦n⟧``.

    Attributes:
        text: The text with placeholders.
        material: The original text of placeholder ``n`` at index ``n``; it may itself
            contain placeholders of earlier material.
        data: The placeholders (``⟦n⟧``) that stand for pasted data: a table, JSON,
            numbers one per line, or a list of numbers after a colon.
    """

    text: str
    material: tuple[str, ...]
    data: frozenset[str] = frozenset()

    def restore(self, text: str) -> str:
        """Put the original material back into (a part of) the masked text."""
        for _ in range(len(self.material) + 1):
            restored = PLACEHOLDER_RE.sub(lambda m: self.material[int(m.group(1))], text)
            if restored == text:
                break
            text = restored
        return text


def placeholder(index: int) -> str:
    """The placeholder standing for material number ``index``."""
    return f"\u27e6{index}\u27e7"


def placeholders_in(text: str) -> list[str]:
    """The placeholders that occur in ``text``, in order."""
    return [m.group(0) for m in PLACEHOLDER_RE.finditer(text)]


def ends_with_material(text: str) -> bool:
    """Whether (masked) text ends with a placeholder, maybe followed by spaces."""
    return bool(re.search(r"\u27e7\s*$", text))


# A forwarded or pasted message's header: "---------- Forwarded message ---------", then
# "From: ...", "Subject: ..." lines.
_FORWARDED_RE = re.compile(
    r"^[ \t]*-{2,}[ \t]*(?:forwarded|original)\s+message[ \t]*-*[ \t]*$", re.I
)
_HEADER_LINE_RE = re.compile(
    r"^[ \t]*(?P<name>from|to|cc|bcc|subject|date|sent|reply-to)[ \t]*:[ \t]*(?P<value>.*?)[ \t]*$",
    re.I,
)


def _without_header(text: str) -> str:
    """The text without a message header pasted before its body: its lines are no requests,
    and "From:" or "Subject:" no colon that gives the text to work on. (The agents still
    read the whole task, header and all.)"""
    lines = text.split("\n")
    out: list[str] = []
    index = 0
    while index < len(lines):
        forwarded = bool(_FORWARDED_RE.match(lines[index]))
        start = index + 1 if forwarded else index
        fields: list[tuple[str, str]] = []
        end = start
        while end < len(lines) and (header := _HEADER_LINE_RE.match(lines[end])):
            fields.append((header.group("name").lower(), header.group("value")))
            end += 1
        if fields and (forwarded or len(fields) >= 2):
            index = end
            continue
        out.append(lines[index])
        index += 1
    return "\n".join(out)


def mask_material(text: str) -> MaskedText:
    """Replace pasted data, quoted strings, code and post-colon text by placeholders."""
    text = _without_header(text)
    material: list[str] = []
    data: set[str] = set()

    def keep(found: str) -> str:
        material.append(found)
        return placeholder(len(material) - 1)

    def keep_data(found: str) -> str:
        kept = keep(found)
        data.add(kept)
        return kept

    text = _mask_spans(text, _data_spans(text), keep_data)
    for pattern in _QUOTE_PATTERNS:
        text = pattern.sub(lambda m: keep(m.group(0)), text)
    # "Here are my sales: Mon 120, Tue 95, Wed 140. Which day was best?"
    text = _mask_spans(text, [m.span("data") for m in _COLON_LIST.finditer(text)], keep_data)

    colon = _material_colon(text)
    if colon is None and (below := _TEXT_ON_NEXT_LINE.match(text)):
        # "can you give me a 2 sentence summary of this text\n<text>": the line break
        # introduces the text as a colon would.
        colon = below.end() - 1
    if colon is not None:
        start = colon + 1
        while start < len(text) and text[start] in " \t\r\n":
            start += 1
        payload = text[start:]
        # A payload that is already a single placeholder needs no second mask.
        listed = _NUMBER_LIST_THEN_TEXT.match(payload)
        if listed:
            # "My sales: Mon 120, Tue 95, Wed 140. Which day was best?": the list is the
            # data, the question after it is a request.
            end = start + len(listed.group("data"))
            text = text[:start] + keep_data(text[start:end]) + text[end:]
        elif payload.strip() and not _masked_already(payload, data):
            text = text[:start] + (keep_data if _NUMBER_LIST.fullmatch(payload) else keep)(payload)
    elif trailing := _TRAILING_NUMBERS.search(text):
        start = trailing.start() + len(trailing.group(0)) - len(trailing.group(0).lstrip())
        text = text[:start] + keep_data(text[start:])
    # "my grades: 78, 85 and 88 - what's my average": a dash between the data and the words
    # after it ends a sentence; left as it is, the request reads it as a minus.
    text = _DASH_AFTER_DATA.sub(
        lambda m: f"{m.group(1)}. " if m.group(1) in data else m.group(0), text
    )
    return MaskedText(text=text, material=tuple(material), data=frozenset(data))


_DASH_AFTER_DATA = re.compile(r"(\u27e6\d+\u27e7)\s+[-\u2013\u2014]+\s+(?=[A-Za-z])")


# A list of numbers after a colon ("Sum these: 3, 5 and 10", "Mon 120, Tue 95, Wed 140")
# is data too.
# An item may carry a currency before it ("₹1,25,000") and degrees after it ("12°C, 15°C").
_ITEM = (
    r"(?:[A-Za-z][A-Za-z ]{0,15}?\s*[:=]?\s*)?[-+]?[$€£¥₹₩₽]?\d[\d,]*(?:\.\d+)?"
    # "285k", "1.2m": thousands and millions in short.
    r"(?:%|°[CF]?|[kKmM]\b)?"
)
_NUMBER_LIST = re.compile(rf"\s*{_ITEM}(?:\s*(?:,|;|\band\b|\s)\s*{_ITEM})+\s*[.]?\s*")
# The unit the list is in, after its last number ("5.2, 3.8, 6.0, 4.5 km. What's ...").
_UNIT_AFTER = r"(?:\s+[A-Za-z]{1,12})?"
# "14, 18, 11 (out of 20)": the scale of the values, in brackets after the list, is of it.
_SCALE_AFTER = r"(?:\s*\(\s*(?:all\s+|each\s+)?out\s+of\s+\d+(?:\.\d+)?\s*\))?"
# The question may follow the list after a full stop or a dash ("...: 78, 85 and 88 -
# what's my average").
_COLON_LIST = re.compile(
    rf":\s*(?P<data>{_ITEM}(?:\s*(?:,|;|\band\b)\s*{_ITEM}){{2,}}{_UNIT_AFTER}{_SCALE_AFTER})"
    r"(?=[.!?]?\s*$|[.!?]\s|\s+[-\u2013\u2014]+\s)"
)
_NUMBER_LIST_THEN_TEXT = re.compile(
    rf"(?P<data>\s*{_ITEM}(?:\s*(?:,|;|\band\b)\s*{_ITEM}){{2,}}{_UNIT_AFTER}(?=\.\s+[A-Z])"
    # "3 2 4 3 1 3 2. which number comes up most": plain numbers apart by spaces alone.
    # "38 39 40 39 41 - which size comes back most": or a dash before the question.
    r"|\s*\d+(?:\.\d+)?(?:[ \t]+\d+(?:\.\d+)?){3,}(?=\.\s+[A-Za-z]|\s+[-\u2013\u2014]+\s+[A-Za-z]))"
    r"(?:\.\s+|(?=\s))"
)
# Numbers asked about in the sentence before ("What's the spread? 10, 12, 15, 30").
_TRAILING_NUMBERS = re.compile(
    r"(?<=[?!]\s)\s*[-+]?\d[\d.]*%?(?:\s*(?:,|;|\band\b)\s*[-+]?\d[\d.]*%?){2,}\s*[.]?\s*$"
)


def _masked_already(payload: str, data: set[str]) -> bool:
    """Whether the text after a colon is a placeholder alone, or data masked already and
    then a sentence of its own ("My runs this week: <list>. What's the average?", or the
    question on the line below the data: the question is a request, not more material)."""
    if re.fullmatch(r"\u27e6\d+\u27e7[.!?]?\s*", payload):
        return True
    if _ASK_AFTER_QUOTE.fullmatch(payload) or _WORDS_AFTER_QUOTE.fullmatch(payload):
        # "coach's message: '...' — sentiment?", "feedback: '...' what's the vibe": the
        # quote, then the ask of it.
        return True
    listed = re.match(
        r"(\u27e6\d+\u27e7)(?:[.!?]\s+|\s+[-\u2013\u2014]+\s+|[ \t]*\n\s*)\S", payload
    )
    return listed is not None and listed.group(1) in data


def _mask_spans(text: str, spans: list[tuple[int, int]], keep: Callable[[str], str]) -> str:
    pieces: list[str] = []
    position = 0
    for start, end in spans:
        pieces.append(text[position:start])
        pieces.append(keep(text[start:end]))
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


# A first line that ends naming the text the next lines give.
_TEXT_ON_NEXT_LINE = re.compile(
    r"[^\n]*\b(?:this|the\s+following|the\s+below)\s+(?:\w+\s+)?(?:text|article|passage|"
    r"paragraph|email|e-mail|message|review|post|story|note|letter|statement|announcement|"
    r"notice|report)\s*[.!?]?[ \t]*\n(?=[ \t]*\S)",
    re.I,
)


# Words that point at what follows ("summarize this:"), unless they say when, before numbers
# stated and a question of them: "car boot this morning: pitch was 12, sold 23 bits at 2
# each ... what did i clear" is the request ("daily max this week: 24.5 31.2 ..." is data).
_POINTERS = frozenset({"this", "these", "following", "below"})


def _names_material(word: str, before: list[str], after: str) -> bool:
    """Whether ``word``, one of the few ``before`` a colon, says that material follows."""
    if word in _POINTERS:
        said = [w for w in before if w not in {"please", "pls", "plz", "thanks"}]
        return (bool(said) and word == said[-1]) or not _asks_of_its_numbers(after)
    return word in _MATERIAL_NOUNS


def _material_colon(text: str) -> int | None:
    """Index of the first colon that introduces data to work on, if any."""
    for match in re.finditer(r":(?=\s|$)", text):
        before = [
            w.lower()
            for w in re.findall(r"[A-Za-z]+", text[max(0, match.start() - 60) : match.start()])
        ][-5:]
        if _INSTRUCTIONS_FOLLOW & set(before):
            continue  # "Do the following: research X, then ..." is more instructions
        after = text[match.end() :]
        if (
            any(_names_material(word, before, after) for word in before)
            and not (
                _COMPUTES_ITS_NUMBERS.search(after)
                # "plasterer quote: 3 days at 220 ... whats the total": a text's name is no text
                or (_TEXT_NOUNS.intersection(before[-1:]) and _asks_a_figure_of_its_numbers(after))
            )
        ):
            return match.start()
        next_line = re.match(r"[ \t]*\n", text[match.end() :])
        line = text[text.rfind("\n", 0, match.start()) + 1 : match.start()]
        if next_line and _MATERIAL_ON_NEXT_LINE & set(before) and not _PRESENTS.match(line):
            return match.start()
        opening = text[: match.start()].strip()
        if (
            re.fullmatch(
                # "sum up: ...", "boil it down: ...": a verb with its particle.
                r"(?:please\s+)?[A-Za-z]+(?:;[A-Za-z]+)?(?:\s+(?:it\s+|this\s+)?(?:up|down))?"
                r"(?:\s+(?:please|pls|plz))?",
                opening,
                re.I,
            )
            and opening.lower().split()[0] not in _HEADINGS
            and (
                opening.lower().split()[0] in _TEXT_SKILL_WORDS
                or not _asks_of_its_numbers(text[match.end() :])
            )
            # "mocks: 34/40 on paper 1, 27/35 on paper 2. add the marks together": a topic,
            # then numbers and a sum of them asked, is the request.
            and not _COMPUTES_ITS_NUMBERS.search(text[match.end() :])
        ):
            # "Summarize: ...", "tl;dr please: ...": a request of one word, then what it is
            # for.
            return match.start()
    return None


# --- pasted data --------------------------------------------------------------------------


def _data_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of pasted data blocks, in order and not overlapping."""
    spans: list[tuple[int, int]] = []
    spans.extend(_json_spans(text))
    lines = _lines(text)
    index = 0
    while index < len(lines):
        found = _table_at(text, lines, index) or _number_lines_at(text, lines, index)
        if found is None:
            index += 1
            continue
        start, end, next_index = found
        if not any(a < end and start < b for a, b in spans):
            spans.append((start, end))
        index = next_index
    return sorted(spans)


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line, without its line break."""
    found = []
    position = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        found.append((position, position + len(body)))
        position += len(line)
    return found


def _json_spans(text: str) -> list[tuple[int, int]]:
    decoder = json.JSONDecoder()
    spans: list[tuple[int, int]] = []
    position = 0
    while True:
        starts = [i for i in (text.find("[", position), text.find("{", position)) if i >= 0]
        if not starts:
            return spans
        start = min(starts)
        try:
            value, end = decoder.raw_decode(text, start)
        except json.JSONDecodeError:
            position = start + 1
            continue
        if isinstance(value, dict) or (
            isinstance(value, list)
            and (len(value) >= 2 or any(isinstance(v, dict | list) for v in value))
        ):
            spans.append((start, end))
        position = end


def _table_at(text: str, lines: list[tuple[int, int]], index: int) -> tuple[int, int, int] | None:
    """A Markdown, CSV or TSV table whose header is on line ``index``.

    The header may start after a colon or at the first "|" of the line ("Convert to
    CSV: | a | b |"), so a table pasted on the line of the request is found too.
    """
    line_start, line_end = lines[index]
    line = text[line_start:line_end]
    following = [text[a:b] for a, b in lines[index + 1 :]]
    for offset in _header_offsets(line):
        header = line[offset:].rstrip()
        if header.lstrip().startswith("|") and following and _MD_SEPARATOR.match(following[0]):
            count = 1
            while count < len(following) and following[count].strip().startswith("|"):
                count += 1
            last = index + count
            return line_start + offset, lines[last][1], last + 1
        for delimiter in (",", "\t", ";"):
            fields = _fields(header, delimiter)
            if len(fields) < 2 or not _plausible_header(fields):
                continue
            if delimiter == "," and header.count(",") == len(_GROUPING_COMMA.findall(header)):
                continue  # "Jan 4,200": every comma groups thousands, none delimits
            if delimiter == "," and following and _ITEM_LINE.match(following[0]):
                continue  # "- dress £1,150": an item and its amount, no row of a table

            count = 0
            while count < len(following) and len(_fields(following[count], delimiter)) == len(
                fields
            ):
                count += 1
            if count:
                last = index + count
                return line_start + offset, lines[last][1], last + 1
    return None


def _header_offsets(line: str) -> list[int]:
    offsets = []
    # After the request on the same line: "Sum this: a,b", "Which is warmest? city,temp".
    for mark in (": ", "? ", "! "):
        found = line.rfind(mark)
        if found >= 0:
            offsets.append(found + 2)
    bar = line.find("|")
    if bar > 0:
        offsets.append(bar)
    offsets.append(len(line) - len(line.lstrip()))
    return list(dict.fromkeys(offsets))


def _fields(line: str, delimiter: str) -> list[str]:
    if not line.strip():
        return []
    return next(csv.reader([line.strip()], delimiter=delimiter))


def _plausible_header(fields: list[str]) -> bool:
    # A sentence split on its commas is not a header: headers are short names, without
    # the conjunctions and the full stop of prose.
    return all(
        0 < len(f.strip()) <= 40
        and len(f.split()) <= 4
        and not re.search(r"\b(?:and|or|then)\b|[.!?]$", f.strip(), re.I)
        for f in fields
    )


def _number_lines_at(
    text: str, lines: list[tuple[int, int]], index: int
) -> tuple[int, int, int] | None:
    """Two or more lines that each hold only a number ("12\n15\n18"), or each a bullet with
    an item and its amount ("- dress £1,150\n- rings £640").

    Blank lines between them do not end the list ("12\n18\n\n30" is three numbers): a
    number left after a blank line would otherwise be read as a statement of its own, and
    the list answered without it.
    """
    numbers, last, position = 0, index, index
    first = text[slice(*lines[index])]
    while position < len(lines):
        line = text[slice(*lines[position])]
        if _NUMBER_LINE.match(line) or (_ITEM_LINE.match(line) and _ITEM_LINE.match(first)):
            numbers, last = numbers + 1, position
        elif line.strip() or not numbers:
            break
        position += 1
    if numbers < 2:
        return None
    return lines[index][0], lines[last][1], last + 1

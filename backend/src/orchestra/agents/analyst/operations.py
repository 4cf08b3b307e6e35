"""The analyst's six operations: pick one from the request, find its material, compute, report.

Each operation returns a `StepResult` (Markdown text + data dict) or raises
`AgentInputError` with a message that tells the caller what to send instead.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from orchestra.agents import prose
from orchestra.agents.analyst.formulas import names_unit
from orchestra.agents.analyst.numeric import (
    calculation_operation,
    formula_answer,
    statistics_operation,
)
from orchestra.agents.analyst.statistics import extract_numbers, strip_parameter_numbers
from orchestra.agents.analyst.tables import (
    Format,
    Table,
    detect_format,
    find_table_text,
    parse_table,
    table_from_data,
)
from orchestra.agents.protocol import AgentInputError, StepInput, StepRequest, StepResult
from orchestra.agents.sentiment import Sentiment, sentiment

__all__ = [
    "ASKS_CONVERSION",
    "OPERATIONS",
    "SEPARATOR_SWAP",
    "format_names",
    "infer_operation",
    "run_operation",
]

logger = logging.getLogger(__name__)

MAX_VALUES_ECHOED = 1_000

_ALIASES = {
    "stats": "statistics",
    "statistic": "statistics",
    "calculate": "calculation",
    "calculator": "calculation",
    "calc": "calculation",
    "math": "calculation",
    "summary": "summarization",
    "summarize": "summarization",
    "summarise": "summarization",
    "summarisation": "summarization",
    "keyword": "keywords",
    "keyword-extraction": "keywords",
    "sentiment-analysis": "sentiment",
    "convert": "conversion",
    "format-conversion": "conversion",
}

_INFERENCE: list[tuple[str, re.Pattern[str]]] = [
    (
        "conversion",
        re.compile(
            r"\b(?:convert|conversion|transform|reformat|export)\b|"
            r"\b(?:to|into|as)\s+(?:a\s+)?(?:csv|json|markdown|md)\b|\bmarkdown table\b"
        ),
    ),
    (
        "sentiment",
        re.compile(r"\bsentiment|\btone\b|\bpositive or negative\b|\bopinion\b|\bmood\b"),
    ),
    (
        "keywords",
        re.compile(
            r"\bkey ?words?\b|\bkey ?phrases?\b|\bkey terms\b|\btopics\b|\bthemes\b|\btags\b"
        ),
    ),
    (
        "summarization",
        re.compile(
            r"\bsummar|\bcondense|\btl;?dr\b|\bkey points\b|\bmain points\b|\bgist\b|\brecap\b"
        ),
    ),
]
_ARITHMETIC = re.compile(
    r"\d\s*(?:[-+*/^x×÷%]|\*\*|//)\s*[\d(.]|\b(?:plus|minus|times|multiplied|divided|squared|"
    r"cubed|sqrt|square root|percent of|power of)\b|%\s*of\b|\(\s*\d"
    # A name in arithmetic ("2 * foo") is still a calculation, to be refused by name.
    r"|\d\s*(?:\*\*|[*/^])\s*[a-z_]|[a-z_]\s*(?:\*\*|[*/^])\s*\d"
)
_STATISTICS = re.compile(
    r"\b(?:statistic\w*|stats|average|mean|median|mode|sum|total|stdev|std|standard deviation|"
    r"variance|percentile|quartile|correlat\w*|group(?:ed)? by|min|minimum|max|maximum|"
    r"count|how many|range|distribution|aggregate)\b"
)


def infer_operation(request: StepRequest) -> str:
    """The operation named by the step's capability, or inferred from the instruction."""
    if request.capability:
        capability = _ALIASES.get(request.capability, request.capability)
        if capability not in OPERATIONS:
            raise AgentInputError(
                f"Unknown operation '{request.capability}'. This agent offers: "
                f"{', '.join(OPERATIONS)}."
            )
        return capability
    words = request.instruction.lower()
    for operation, pattern in _INFERENCE:
        if pattern.search(words):
            return operation
    if _ARITHMETIC.search(words) and not find_table_text(request.instruction):
        return "calculation"
    if _STATISTICS.search(words) or len(extract_numbers(strip_parameter_numbers(words))) >= 2:
        return "statistics"
    raise AgentInputError(
        "Cannot tell which operation is wanted. Name one in the step's capability or in "
        f"the instruction: {', '.join(OPERATIONS)}."
    )


def run_operation(request: StepRequest) -> StepResult:
    """Run the request's operation synchronously (callers offload it to a thread)."""
    operation = infer_operation(request)
    logger.info("analyst operation=%s step=%s", operation, request.step_id or "-")
    return OPERATIONS[operation](request)


# --- material -----------------------------------------------------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_QUOTES = (
    re.compile(r'"([^"\n]{2,}?)"'),
    re.compile(r"\u201c([^\u201d]{2,}?)\u201d"),
    re.compile(r"\u2018([^\u2019]{2,}?)\u2019(?![A-Za-z])"),
    # A single quote opens after a non-letter and closes before one, so the apostrophes
    # of "don't" or "users' reviews" are not taken for quotes.
    re.compile(r"(?<![A-Za-z0-9])'((?=\S)[^'\n]*?(?:'(?=[A-Za-z])[^'\n]*?)*)'(?![A-Za-z0-9])"),
)
_TASK = re.compile(r"^\s*Context:\s*(?P<context>.*?)\s+Task:\s*(?P<task>.*)$", re.S)
# Words of a request about text ("what is the sentiment of this review"), not the text.
_REQUEST_WORDS = _words(
    """what what's whats is are was the a an of this that these those in on for to me
    please tell give find show check determine analyze analyse identify extract list
    get rate sentiment tone mood opinion feeling positive negative neutral or and
    whether how does sound review reviews text message comment comments email tweet
    post sentence feedback keywords keyword key words terms topics themes phrases
    summarize summarise summary condense shorten main top important it its overall"""
)


def _quoted(text: str) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for pattern in _QUOTES:
        for match in pattern.finditer(text):
            if any(a <= match.start() < b for a, b in taken):
                continue
            taken.append((match.start(), match.end()))
            found.append((match.start(), match.group(1)))
    # "'Oh great, "unexpected item" again.'": a quote inside another is part of its text,
    # not a text of its own (taken twice, its words would be read twice, and out of place).
    spans = [(start, start + len(text)) for start, text in found]
    return sorted(
        (start, text)
        for start, text in found
        if not any(
            a <= start and start + len(text) <= b and (a, b) != (start, start + len(text))
            for a, b in spans
        )
    )


def _quotes_removed(text: str) -> str:
    for start, quoted in reversed(_quoted(text)):
        text = text[:start] + text[start:].replace(quoted, " ", 1)
    return text


def _instruction_material(instruction: str) -> str:
    """Text the instruction carries to operate on: quoted, or after a colon / first line."""
    task = _TASK.match(instruction)
    if task:
        return (
            _instruction_material(task.group("task"))
            or _instruction_material(task.group("context"))
            or task.group("context")
        )
    quotes = _quoted(instruction)
    if quotes:
        return "\n".join(text for _, text in quotes)
    head, sep, rest = instruction.partition("\n")
    if sep and rest.strip():
        head_colon = head.rstrip().endswith(":")
        return rest.strip() if head_colon or len(head) < 200 else instruction
    # Not the colon of a link ("tl;dr https://..."): what follows it is no text set apart.
    colon = re.search(r":(?!//)", instruction)
    first, after = (instruction[: colon.start()], instruction[colon.end() :]) if colon else ("", "")
    if colon and len(first) < 120 and len(after.strip()) > 0:
        return after.strip()
    return ""


# A link to a page ("https://...", "www.example.com/..."): its words are an address, not the
# page's text, which is not fetched here.
_LINK = re.compile(r"\b(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/\S*", re.I)
# Words said of a link besides the request's own ("tl;dr this pls <link>").
_ABOUT_A_LINK = _words("pls plz link links page article site website url at from here can you")


def _only_links(text: str) -> bool:
    """Whether ``text`` is one link or more and, besides, only words that ask about it."""
    if not _LINK.search(text):
        return False
    rest = _ASKS_SUMMARY.sub(" ", _LINK.sub(" ", text))
    own = [w for w in prose.tokenize(rest) if w not in _REQUEST_WORDS | _ABOUT_A_LINK]
    return len(own) < 3


def _no_page(text: str) -> AgentInputError:
    link = _LINK.search(text)
    return AgentInputError(
        f"There is no text to work on: the request gives a link ({link.group(0) if link else ''})"
        ", and the page it points to is not read here. Paste the text itself (quoted, or after "
        "a colon), or have the page looked up in an earlier step."
    )


# Words of a request for a summary or keywords: an instruction that holds them is the
# request, not the text ("Give me a summary of the French Revolution" summarised itself).
_ASKS_SUMMARY = re.compile(
    r"\b(?:summar\w*|sum\s+up|gist|recap|condense|shorten|tl;?dr|key\s*words?|key\s+"
    r"(?:points|terms|phrases)|main\s+points)\b",
    re.I,
)


# "How many steps did I walk yesterday?": a question opened by a question word asks for
# something; it is not the text whose tone or gist is wanted.
_OPEN_QUESTION = re.compile(r"\s*(?:how|what|which|who|whom|whose|when|where|why)\b", re.I)
# "Is my last post positive or negative?": a yes-or-no question naming a label asks of a
# text it does not hold; its own words ("positive", "negative") are no opinion to read.
_LABEL_QUESTION = re.compile(
    r"\s*(?:is|are|was|were|does|do|did|would|will|could)\b.*\b(?:positive|negative|neutral)\b",
    re.I | re.S,
)
# "Does my boss's reply sound angry?", "Is my email too harsh?": a yes-or-no question of how
# a text sounds, or naming a tone, asks of a text it does not hold, as a label does.
_TONE_QUESTION = re.compile(
    r"\s*(?:is|are|was|were|does|do|did|would|will|could)\b.*\b(?:(?:sounds?|comes?\s+"
    r"across)(?:\s+[\w'-]+){1,3}|angry|annoyed|upset|rude|harsh|polite|friendly|sarcastic|"
    r"passive[-\s]aggressive|happy|sad|cross|mad)\W*$",
    re.I | re.S,
)


# "Is the tone of my neighbour's note ok?", "boil down my lecture notes", "tags for my blog
# post": a text named by whose or which it is, and not given; the request's own words
# are no part of that text, whatever they ask.
_NAMED_TEXT = re.compile(
    r"\b(?:my|his|her|their|our|your|the|this|that|these|those)\s+(?:[\w'\u2019-]+\s+){0,3}?"
    r"(?:notes?|e-?mails?|messages?|texts?|letters?|reports?|essays?|reviews?|posts?|"
    r"repl(?:y|ies)|comments?|tweets?|articles?|documents?|docs?|memos?|speech(?:es)?|"
    r"stor(?:y|ies)|papers?|chapters?|thesis|minutes|bio|toast|feedback|cards?|captions?|"
    r"announcements?|newsletters?|statements?|drafts?|transcripts?|scripts?|poems?|"
    r"voicemails?|write-?ups?|proposals?|cv|resume|dms?|sms)\b",
    re.I,
)


def _computed(item: StepInput) -> bool:
    """Whether an earlier step's output is a figure it computed (a number, not a text)."""
    data = item.data
    return isinstance(data, dict) and isinstance(data.get("result"), int | float)


def _text_material(request: StepRequest, names_itself: re.Pattern[str] | None = None) -> str:
    texts = [i for i in request.inputs if not _computed(i)]
    parts = [_instruction_material(request.instruction)]
    parts.extend(i.text for i in texts if i.text.strip())
    if request.data is not None and isinstance(request.data, str):
        parts.append(request.data)
    parts.extend(i.data for i in texts if isinstance(i.data, str))
    material = "\n\n".join(p for p in parts if p.strip())
    if material and _only_links(material):
        raise _no_page(material)
    if material:
        return material
    if request.inputs and not texts:
        # "Add 2 and 3, then tell me its sentiment": the tone of a number is no answer, and
        # the request's own words are not the text either.
        raise AgentInputError(
            "There is no text to work on: the earlier step's result is a number it "
            "computed. Quote the text to judge ('...') or put it after a colon."
        )
    if _only_links(request.instruction):
        raise _no_page(request.instruction)
    named = _NAMED_TEXT.search(request.instruction)
    if named:
        raise AgentInputError(
            f"There is no text to work on: the request names '{named.group(0)}' but does not "
            "give it. Quote the text ('...'), put it after a colon, or send it as the output "
            "of an earlier step."
        )
    # Nothing set apart: the instruction itself may be the text ("I love it but it's
    # slow"), but not when it only asks ("What is the sentiment of the reviews?").
    own = [w for w in prose.tokenize(request.instruction) if w not in _REQUEST_WORDS]
    if (
        len(own) >= 3
        and not (names_itself and names_itself.search(request.instruction))
        and not _OPEN_QUESTION.match(request.instruction)
        and not _LABEL_QUESTION.match(request.instruction)
        and not _TONE_QUESTION.match(request.instruction)
    ):
        return request.instruction
    raise AgentInputError(
        "There is no text to work on: quote it ('...'), put it after a colon, or send it "
        "as the output of an earlier step."
    )


def _table_from_any(data: Any) -> tuple[Table | None, Format | None]:
    """A table from structured data, or from CSV/JSON/Markdown text sent as data."""
    if isinstance(data, str):
        block = find_table_text(data)
        if not block:
            return None, None
        source = detect_format(block)
        return parse_table(block, source), source
    table = table_from_data(data)
    return (table, "json") if table is not None and table.rows else (None, None)


def _find_table(request: StepRequest) -> Table | None:
    block = find_table_text(request.instruction)
    if block:
        return parse_table(block)
    for data in request.input_data():
        table, _source = _table_from_any(data)
        if table is not None:
            return table
    for item in request.inputs:
        block = find_table_text(item.text)
        if block:
            return parse_table(block)
    return None


def _numbers_from_data(data: Any) -> list[float] | None:
    if isinstance(data, list) and data and all(isinstance(v, int | float) for v in data):
        return [float(v) for v in data]
    if isinstance(data, dict):
        for key in ("values", "numbers", "data"):
            found = _numbers_from_data(data.get(key))
            if found:
                return found
    return None


# --- text operations -----------------------------------------------------------------------

_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "a single": 1,
    "a": 1,
}


# "a couple of sentences", "a couple of bullets": two, as the words say.
_COUPLE = r"a\s+couple(?:\s+of)?"


def _count_before(instruction: str, nouns: str) -> int | None:
    text = instruction.lower()
    counts = "|".join(_NUMBER_WORDS)
    # "2 sentences", "three short bullets", and joined by a hyphen: "a one-line summary".
    # The word between may not be a count itself: "a 2 sentence summary" is two, not the
    # "a" before them, and "a few sentences" is not one.
    between = rf"(?:(?!(?:\d+|{counts}|couple|few|handful)\b)\w+\s+)?"
    match = re.search(rf"\b({_COUPLE}|\d+|{counts})[\s-]+{between}(?:{nouns})\b", text)
    if not match:
        match = re.search(r"\btop\s+(\d+)\b", text)
    if not match:
        return None
    token = match.group(1)
    if token.isdigit():
        return int(token)
    return 2 if token.startswith("a") and "couple" in token else _NUMBER_WORDS[token]


def _sentences_said(count: int) -> str:
    return "one sentence" if count == 1 else f"{count} sentences"


def summarization_operation(request: StepRequest) -> StepResult:
    material = _text_material(request, _ASKS_SUMMARY)
    sentences = prose.split_sentences(material)
    if not sentences:
        raise AgentInputError("There is no text to summarize.")
    wanted = _count_before(
        request.instruction, "sentences?|bullets?|bullet points?|points?|lines?|liners?"
    )
    if wanted is None:
        words = request.instruction.lower()
        if re.search(r"\b(?:short|brief|tl;?dr)\b", words):
            wanted = 2
        elif re.search(r"\b(?:detailed|long|thorough)\b", words):
            wanted = 6
        else:
            wanted = max(1, min(5, round(len(sentences) * 0.3)))
    elif wanted > len(sentences):
        # "summarise in 2 sentences: <one long sentence>": the text is already shorter than
        # the summary asked for, and handing it back whole would be no summary.
        raise AgentInputError(
            f"The text is already {_sentences_said(len(sentences))} long, shorter than the "
            f"{wanted} asked for, so there is nothing to summarize. Give a longer text, or "
            "ask for fewer sentences."
        )
    wanted = max(1, min(wanted, 20))
    word_limit = re.search(
        r"\b(?:in|under|within|max(?:imum)?|at most)\s+(\d+)\s+words\b", request.instruction.lower()
    )
    max_chars = int(word_limit.group(1)) * 7 if word_limit else 1500
    focus = prose.content_words(request.task, drop_instruction_words=True)
    summary = prose.summarize(material, max_sentences=wanted, max_chars=max_chars, focus=focus)
    bullets = bool(re.search(r"\bbullet|\bpoints\b|\blist\b", request.instruction.lower()))
    body = "\n".join(f"- {s}" for s in summary) if bullets else " ".join(summary)
    top = prose.keywords(material, top_n=5)
    text = f"**Summary** ({len(summary)} of {len(sentences)} sentences)\n\n{body}"
    if top:
        text += "\n\n_Key terms:_ " + ", ".join(k.phrase for k in top)
    return StepResult(
        text=text,
        data={
            "operation": "summarization",
            "summary": " ".join(summary),
            "sentences": summary,
            "sourceSentences": len(sentences),
            "sourceCharacters": len(material),
            "keywords": [k.phrase for k in top],
        },
    )


def keywords_operation(request: StepRequest) -> StepResult:
    material = _text_material(request, _ASKS_SUMMARY)
    top_n = max(
        1,
        min(
            _count_before(
                request.instruction, "keywords?|key ?phrases?|terms?|topics?|tags?|themes?"
            )
            or 10,
            50,
        ),
    )
    exclude = set(prose.tokenize(request.instruction)) if material != request.instruction else set()
    found = prose.keywords(material, top_n=top_n, exclude=exclude & prose.INSTRUCTION_WORDS)
    if not found:
        raise AgentInputError("No keywords found: the text has no content words.")
    lines = [f"{i}. **{k.phrase}** (score {k.score:g}, {k.count}×)" for i, k in enumerate(found, 1)]
    return StepResult(
        text=f"**Top {len(found)} keywords**\n\n" + "\n".join(lines),
        data={"operation": "keywords", "keywords": [asdict(k) for k in found]},
    )


# A figure asked of numbers: "average rating", "the total", "how many".
_FIGURE_ASKED = re.compile(
    r"\b(?:average|mean|median|total|sum|how\s+many|percentage)\b(?:\s+[a-z]+)?", re.I
)
# Sarcasm and irony say the opposite of their words: a lexicon cannot tell them.
_SARCASM = re.compile(r"\b(?:sarcas\w*|ironic\w*|irony|passive[- ]aggressive\w*|joking)\b", re.I)


def _sarcasm_read(result: Sentiment) -> bool:
    """Whether the analysis itself read the text's only praise as irony of a complaint
    ("thanks a lot for losing my luggage", "oh great, the printer jammed"): sarcastic or
    not, the text is then a complaint, and asking whether it is sarcastic has an answer."""
    return bool(result.ironic) and result.label == "negative" and not result.positive_terms


def sentiment_operation(request: StepRequest) -> StepResult:
    asked = _TASK.sub(lambda m: m.group("task"), request.instruction)
    question = "\n".join(line for line in asked.splitlines() if line.strip())
    material = _text_material(request)
    figure = _FIGURE_ASKED.search(_quotes_removed(question))
    if figure is not None and len(re.findall(r"(?<![\w.])\d", material)) >= 3:
        # "reviews: 42 five star, 15 four star, ... average rating": a figure of counts, and
        # no tone; "one star" judged as a complaint came back "negative".
        raise AgentInputError(
            f"Not sure enough to answer: the request asks for '{figure.group(0)}' of numbers "
            "that were taken for a text whose tone to judge. Give the arithmetic, e.g. "
            "'(42 * 5 + 15 * 4) / (42 + 15)'."
        )
    result = sentiment(material)
    if _SARCASM.search(_quotes_removed(question)) and not _sarcasm_read(result):
        raise AgentInputError(
            "Not sure enough to answer: sarcasm and irony mean the opposite of their words, "
            "and this sentiment analysis reads the words. Ask for the sentiment or tone of "
            "the text instead, knowing it takes the words at face value."
        )
    if result.unsure:
        # A label read from the words around an opinion it cannot read is a guess.
        raise AgentInputError(
            "Not sure enough to answer: the text says an opinion in words this sentiment "
            f"analysis does not know ({', '.join(result.unsure[:3])}), so its label would be "
            "a guess. Rephrase the text with plain words of opinion, or ask a person."
        )
    if result.unread:
        # No word was read: "neutral" would say no opinion is held, which is not known.
        raise AgentInputError(
            "Not sure enough to answer: no word or phrase of opinion this sentiment analysis "
            "knows was found in the text, and it is not a plain statement of fact (a time, a "
            "date, an amount, a request), so calling it neutral would be a guess. Rephrase "
            "the text with plain words of opinion, or ask a person."
        )
    lines = [f"**Sentiment: {result.label}** (score {result.score:+.2f} on -1..1)"]
    if result.ironic:
        said = ", ".join(f"'{words}'" for words in result.ironic[:3])
        lines.append(f"\nRead as sarcasm: {said}, praise said of something bad.")
    if result.positive_terms:
        lines.append(f"\nPositive terms: {', '.join(result.positive_terms[:15])}")
    if result.negative_terms:
        lines.append(f"\nNegative terms: {', '.join(result.negative_terms[:15])}")
    if len(result.sentences) > 1:
        lines.append("\n| Sentence | Label | Score |\n|---|---|---:|")
        for item in result.sentences[:15]:
            sentence = item.sentence if len(item.sentence) <= 120 else item.sentence[:117] + "…"
            lines.append(f"| {sentence.replace('|', '/')} | {item.label} | {item.score:+.2f} |")
    data = {
        "operation": "sentiment",
        "label": result.label,
        "score": result.score,
        "positive": result.positive,
        "negative": result.negative,
        "neutralWords": result.neutral_words,
        "positiveTerms": result.positive_terms,
        "negativeTerms": result.negative_terms,
        "sentences": [asdict(s) for s in result.sentences[:100]],
        "ironic": result.ironic,
    }
    return StepResult(text="\n".join(lines), data=data)


# --- conversion ----------------------------------------------------------------------------

_FORMAT_WORDS: dict[str, Format] = {
    "csv": "csv",
    "json": "json",
    "markdown": "markdown",
    "md": "markdown",
}


ASKS_CONVERSION = re.compile(
    r"\b(?:convert\w*|transform\w*|reformat\w*|export\w*|turn\w*|make|put|render\w*|"
    r"format\w*|tabulate\w*|change\w*|rewrite|write|output|give|show|display|present)\b|"
    r"\b(?:to|into|as|in)\s+(?:a\s+)?(?:csv|json|markdown|md|table)\b|"
    # "json -> csv", "tsv → markdown": a target after an arrow.
    r"(?:->|=>|\u2192)\s*(?:csv|json|markdown|md|table)\b|"
    # "markdown table from this tsv", "a json version of this": the format named first.
    r"\b(?:csv|json|markdown|md)\s+(?:table|version|file|format|copy)\s+(?:from|of|for)\b|"
    # "need this comma separated for excel", "i want it as json": the format wanted of it.
    r"\b(?:need|want|like|prefer)\s+(?:this|it|that|these|them)\s+(?:as\s+|in\s+)?(?:an?\s+)?"
    r"(?:csv|json|markdown|md)\b|"
    # "this is semicolon separated, i need a normal csv": the format wanted, of the table.
    r"\b(?:need|want)\s+(?:a\s+|an\s+)?(?:normal|proper|regular|plain|standard)\s+"
    r"(?:csv|json|markdown|md)\b|"
    # "json please:", "CSV?", "csv version please": a format alone, asked for the table
    # that follows.
    r"^\W*(?:an?\s+)?(?:csv|json|markdown|md)(?:\s+(?:version|copy|format|file))?"
    r"(?:\s+(?:please|pls|thanks))?\W*$|"
    # "glossary for the client, json please", "csv pls for the spreadsheet": a format
    # asked for politely wherever it stands.
    r"\b(?:csv|json|markdown|md)\s+(?:please|pls|plz)\b|"
    # "json for the training app": the format first, then what it is for.
    r"^\W*(?:csv|json|markdown|md)\s+for\s+(?:the|my|our|an?|this|that)\b",
    re.I,
)


# "swap the tabs for commas": CSV asked for by its separator.
SEPARATOR_SWAP = re.compile(
    r"\b(?:swap|replace|change|switch)\s+(?:the\s+|all\s+(?:the\s+)?)?(?:tabs|semicolons|"
    r"pipes)\s+(?:for|with|to|into)\s+commas\b",
    re.I,
)


def format_names(text: str) -> str:
    """``text`` in lower case with formats said in words named as formats ("comma
    separated" is CSV, "tab separated" TSV)."""
    text = re.sub(r"\bcomma[-\s]+separated(?:\s+values?)?\b", "csv", text.lower())
    # "swap the tabs for commas": into CSV; "as plain csv": as CSV.
    text = SEPARATOR_SWAP.sub("convert to csv", text)
    text = re.sub(r"\b(as|to|into)\s+(?:plain|simple|normal|regular)\s+(?=csv|json)", r"\1 ", text)
    return re.sub(r"\btab[-\s]+separated(?:\s+values?)?\b", "tsv", text)


def _target_format(instruction: str, source: Format | None) -> Format:
    text = format_names(instruction)
    if re.search(r"\b(?:to|into|as|in)\s+(?:an?\s+)?tsv\b|\bmake\s+(?:this|it)\s+tsv\b", text):
        # TSV is read, not written: a table in another format would not be what was asked.
        raise AgentInputError(
            "TSV (tab separated) is not an output this converter writes: ask for CSV, JSON "
            "or a Markdown table."
        )
    explicit = re.search(
        r"\b(?:to|into|as|in)\s+(?:a\s+)?(csv|json|markdown|md)\b"
        # "make this comma separated", "need it as csv": the format wanted, even the one it
        # is in.
        r"|\b(?:make|need|want|like|prefer)\s+(?:this|it|that)\s+(?:as\s+|in\s+)?(?:an?\s+)?"
        r"(csv|json|markdown|md)\b"
        r"(?!\s+(?:\w+\s+)?(?:into|to|as)\b)"
        # "i need a normal csv" of a table with semicolons: CSV, the usual way.
        r"|\b(?:need|want)\s+(?:a\s+|an\s+)?(?:normal|proper|regular|plain|standard)\s+"
        r"(csv|json|markdown|md)\b",
        text,
    )
    if explicit:
        return _FORMAT_WORDS[explicit.group(1) or explicit.group(2) or explicit.group(3)]
    named = [
        (_FORMAT_WORDS[m.group(1)], m.start())
        for m in re.finditer(r"\b(csv|json|markdown|md)\b", text)
    ]
    others = [fmt for fmt, _ in sorted(named, key=lambda item: item[1]) if fmt != source]
    if others:
        return others[-1]
    if "table" in text and source != "markdown":
        return "markdown"
    return {"csv": "json", "json": "csv", "markdown": "csv"}.get(source or "csv", "json")  # type: ignore[return-value]


def conversion_operation(request: StepRequest) -> StepResult:
    table: Table | None = None
    source: Format | None = None
    block = find_table_text(request.instruction)
    if block:
        source = detect_format(block)
        table = parse_table(block, source)
    else:
        for data in request.input_data():
            table, source = _table_from_any(data)
            if table is not None:
                break
        if table is None:
            for item in request.inputs:
                block = find_table_text(item.text)
                if block:
                    source = detect_format(block)
                    table = parse_table(block, source)
                    break
    if table is None and (converted := formula_answer(request)) is not None:
        return converted  # "Convert 100 degrees Fahrenheit to Celsius" is arithmetic
    if table is None:
        raise AgentInputError(
            "No table found to convert: send CSV, a JSON list of objects or a Markdown table "
            "in the message or as an earlier step's output."
        )
    if not ASKS_CONVERSION.search(format_names(_without_table(request.instruction))):
        # "From this JSON, how many users are active?" asks a question about the data;
        # converting it would answer something else.
        raise AgentInputError(
            "Not sure what is wanted, so nothing was converted: the request does not ask "
            "for another format. Say which one, e.g. 'convert this to CSV', or ask for a "
            "figure of a column ('the total of amount')."
        )
    unit = _unit_asked(_without_table(request.instruction))
    if unit is not None:
        # "convert the total to miles": a unit asked, not a format; the table rendered as
        # JSON would answer something else.
        raise AgentInputError(
            f"Not sure what is wanted, so nothing was converted: the request asks for "
            f"'{unit}', a unit, not a table format. Convert the number itself, e.g. "
            f"'32 km to {unit}', or ask for CSV, JSON or a Markdown table."
        )
    target = _target_format(request.instruction, source)
    output = table.render(target)
    fence = {"csv": "csv", "json": "json", "markdown": ""}[target]
    shown = output if target == "markdown" else f"```{fence}\n{output.rstrip()}\n```"
    text = (
        f"**Converted {source or 'table'} to {target}** "
        f"({len(table.rows)} rows, {len(table.columns)} columns)\n\n{shown}"
    )
    return StepResult(
        text=text,
        data={
            "operation": "conversion",
            "from": source,
            "to": target,
            "columns": table.columns,
            "rows": len(table.rows),
            "output": output,
            "records": table.typed_rows(),
        },
    )


def _unit_asked(text: str) -> str | None:
    """The unit a request asks a value in ("convert the total to miles"), when it names no
    table format; else None."""
    words = format_names(text)
    if re.search(r"\b(?:csv|json|markdown|md|tsv|table)\b", words):
        return None
    match = re.search(r"\b(?:to|into|in)\s+([a-z]+(?:/[a-z]+)?)\b", words)
    return match.group(1) if match and names_unit(match.group(1)) else None


def _without_table(instruction: str) -> str:
    block = find_table_text(instruction)
    return instruction.replace(block, " ") if block else instruction


OPERATIONS: dict[str, Callable[[StepRequest], StepResult]] = {
    "statistics": statistics_operation,
    "calculation": calculation_operation,
    "summarization": summarization_operation,
    "keywords": keywords_operation,
    "sentiment": sentiment_operation,
    "conversion": conversion_operation,
}

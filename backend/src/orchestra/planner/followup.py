"""Resolving follow-up requests ("now do the same for 2025") against session history.

Deliberately simple and deterministic: a follow-up repeats the previous task with its
subject swapped for the new one. Anything that is not recognisably a follow-up is
returned unchanged and planned on its own.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from orchestra.agents.analyst.formulas import is_unit, names_unit, same_unit, units_apart
from orchestra.agents.analyst.quantities import singular
from orchestra.planner.clauses import split_clauses, topic_of
from orchestra.planner.material import mask_material

__all__ = [
    "REVISION",
    "follow_up_subject",
    "period_unapplied",
    "resolve_follow_up",
    "size_unapplied",
]

_LEAD = (
    r"^(?:(?:ok(?:ay)?|great|thanks|thank you|now|and|so|please|then|hmm+|hm+|um+|uh+|oh|"
    r"well|right|cool)[\s,!.]+)*"
)
# The figures of descriptive statistics, as people name them.
_FIGURE = (
    # "the sample variance", "the population standard deviation": a figure, qualified.
    r"(?:(?:sample|population)\s+)?"
    r"(?:average|mean|median|mode|sum|total|range|variance|standard\s+deviation|stdev|"
    # "and the sample sd", "the std dev": the standard deviation, shortened.
    r"sd|std\.?\s*dev|"
    # "whats the most common score": the mode, said in words.
    r"most\s+(?:common|frequent)|commonest|"
    r"max(?:imum)?|min(?:imum)?|highest|lowest|largest|smallest|biggest|greatest)"
)
# "and the fastest and slowest?": one figure or two, a superlative of the values too.
_ASKED_FIGURE = (
    r"(?:" + _FIGURE + r"|fastest|slowest|quickest|tallest|shortest|longest|cheapest|dearest|"
    r"hottest|coldest|coolest|warmest|wettest|driest|heaviest|lightest)"
)
_ASKED_FIGURES = _ASKED_FIGURE + r"(?:\s+and\s+(?:the\s+)?" + _ASKED_FIGURE + r")?"
# "the biggest one", "the lowest number", "the most common score": the figure, said of one
# of the numbers, with a noun any list of values is of.
_ONE_OF_THEM = r"(?:\s+(?:one|number|value|figure|score|result|reading|mark))?"
# What is asked of a text, named as a noun.
_TEXT_ASK = r"(?:keywords|key\s+words|key\s+terms|summary|gist|sentiment|tone)"
# "now do 'the waiter was rude'", "try 'it broke'", "check this one too: '...'": a new
# quote after a verb that names no skill of its own is the earlier request with it.
_VERB_THEN_QUOTE = re.compile(
    _LEAD + r"(?:(?:can|could|would)\s+you\s+|please\s+)*"
    r"(?:do|try|run|check|test|redo|repeat)\s+(?:(?:the\s+same(?:\s+thing)?|this|that|it)"
    r"(?:\s+one)?(?:\s+too)?\s*)?(?:(?:for|with|on)\s+)?[:-]?\s*"
    r"(?P<subject>\"[^\"]*\"|\u201c[^\u201d]*\u201d|'[^\n]*')\s*(?:too|as\s+well)?\s*[.!?]*$",
    re.I | re.S,
)
_FOLLOW_UP_PATTERNS = (
    re.compile(
        _LEAD + r"(?:can you |could you |would you |please |now )*"
        r"(?:do|repeat|run|redo|try|apply)\s+(?:the\s+same(?:\s+thing)?|that|this|it)"
        r"(?:\s+again)?\s+(?:for|with|on|about|using|to)\s+(?P<subject>.+?)\s*[.!?]*$",
        re.I | re.S,
    ),
    re.compile(_LEAD + r"(?:what|how)\s+about\s+(?P<subject>.+?)\s*[.!?]*$", re.I | re.S),
    # "now about a cat", "and about the ocean?": the same, without "what".
    re.compile(
        r"^(?:now|and|ok(?:ay)?|so)[\s,]+(?:now\s+)?about\s+(?P<subject>.+?)\s*[.!?]*$",
        re.I | re.S,
    ),
    # "now one about spring", "another one on owls", "a new one about trains": another
    # piece of the same kind, on a new subject.
    re.compile(
        _LEAD + r"(?:(?:can you |could you )?(?:give me |write |do |make )?)?"
        r"(?:another(?:\s+one)?|one(?:\s+more)?|a\s+new\s+one|a\s+different\s+one)\s+"
        r"(?:about|on)\s+(?P<subject>.+?)(?:,?\s+(?:please|pls))?\s*[.!?]*$",
        re.I | re.S,
    ),
    # "make it about winter instead", "can you change it to be about mountains?"
    re.compile(
        _LEAD + r"(?:can you |could you |would you |please )*(?:make|change|switch|turn)\s+"
        r"(?:it|that|this)\s+(?:to\s+(?:be\s+)?)?(?:about|on)\s+(?P<subject>.+?)"
        r"(?:\s+instead)?\s*[.!?]*$",
        re.I | re.S,
    ),
    re.compile(
        # "same again with 23%"
        _LEAD + r"(?:the\s+)?same\s+(?:thing\s+)?(?:again\s+)?(?:but\s+)?(?:for|with|about|but)\s+"
        r"(?P<subject>.+?)\s*[.!?]*$",
        re.I | re.S,
    ),
    # "and this one: '...'", "this one too? '...'", "how about this: '...'", "now for '...'"
    re.compile(
        _LEAD + r"(?:(?:what|how)\s+about\s+)?(?:(?:this|that)(?:\s+one)?(?:\s+too)?|for|with)"
        r"\s*[:?!-]?\s*(?P<subject>\"[^\"]*\"|\u201c[^\u201d]*\u201d|'[^\n]*')\s*[.!?]*$",
        re.I | re.S,
    ),
    _VERB_THEN_QUOTE,
    # "and 'the packaging was torn'?": a new quote, said with "and" alone.
    re.compile(
        r"^(?:and|or|also)\s+(?P<subject>\"[^\"]*\"|\u201c[^\u201d]*\u201d|'[^\n]*')\s*[.!?]*$",
        re.I | re.S,
    ),
    # "and the median?", "what about the max", "what's the max?": another figure of the
    # same numbers; "and the keywords?": another ask of the same text.
    re.compile(
        _LEAD
        # "and which is the biggest?", "which one was lowest": the figure, of one of them.
        + r"(?:(?:what|how)\s+about\s+|what(?:'s|s|\s+is|\s+are)\s+"
        + r"|which(?:\s+(?:one|number|value))?(?:'s|\s+is|\s+was)\s+)?(?:the\s+)?(?P<subject>"
        + _ASKED_FIGURES
        + "|"
        + _TEXT_ASK
        # "mean of them?", "median too?": the same numbers, pointed at.
        + r")"
        + _ONE_OF_THEM
        + r"(?:\s+of\s+(?:them|those|these|the\s+same(?:\s+numbers)?))?"
        r"(?:\s+(?:too|as\s+well))?\s*[.!?]*$",
        re.I | re.S,
    ),
    # "and of 300?": the same percentage of another amount.
    re.compile(
        _LEAD + r"(?:(?:what|how)\s+about\s+)?(?P<subject>of\s+\$?\d[\d,]*(?:\.\d+)?)\s*[.!?]*$",
        re.I | re.S,
    ),
    # "and 35%?", "now for 12 km", "ok, 2, 8 and 6?", "and if it were 22%?": a new
    # quantity, nothing else.
    re.compile(
        # "now do 172": the same, for another amount.
        _LEAD + r"(?:for\s+|with\s+|at\s+|on\s+|do\s+|make\s+it\s+"
        r"|(?:what\s+)?if\s+(?:(?:it|that)\s+"
        # "and if its 9%": the apostrophe left out.
        r"(?:were|was|is|had\s+been)|it's|that's|its|thats"
        # "what if i saved 80 a week instead": what the user does, by another amount.
        r"|(?:i|we)\s+(?:saved|save|paid|pay|put|spent|spend|earned|earn|ran|run|walked|walk|"
        r"used|use|made|make|sold|sell|bought|buy|ate|eat|did|do|drove|drive)"
        # "what if i put in 137.50 a month", "put aside", "put away".
        r"(?:\s+(?:away|in|aside|by))?)\s+)?"
        # "and the 31 mile one", "and for the 8.5 kg terrier": the amount, said of a thing.
        r"(?:an?\s+|the\s+)?"
        r"(?P<subject>\$?\d[\d,]*(?:\.\d+)?\s*(?:%|percent\b|"
        r"(?!instead\b)[A-Za-z]+\b)?"
        # "and 12 st 4 lb?": one amount said in two units, the larger first.
        r"(?:\s+\d+(?:\.\d+)?\s*[A-Za-z]+\b)?"
        r"(?:\s*(?:,|,?\s*and)\s*\$?\d[\d,]*(?:\.\d+)?)*)"
        # "and for a 28 kg child?": the amount, said of whom it is.
        r"(?:\s+(?!instead\b)[a-z]+)?"
        # "and 14,800 yen for the museum and dinner": what the amount is for, which changes
        # nothing of the sum.
        r"(?:\s+for\s+(?:the|my|our|a|an|this|next)\s+[a-z][a-z' ]*?)?"
        # "make it 15% instead": the word saying it replaces the other is no unit.
        r"(?:\s+instead)?\s*[.!?]*$",
        re.I | re.S,
    ),
)

_QUOTED_RE = re.compile(
    r"\"[^\"]*\"|\u201c[^\u201d]*\u201d|(?<![A-Za-z0-9])'[^\n]*?'(?![A-Za-z0-9])"
)
# A comma before three digits and no more groups thousands ("1,360"), it lists nothing.
_NUMBERS_RE = re.compile(
    r"-?\d+(?:\.\d+)?(?:\s*(?:,(?!\d{3}(?![\d.]))|,?\s*and|;)\s*-?\d+(?:\.\d+)?)+"
)
_YEAR_RE = re.compile(r"\b(?:19|20)\d{2}\b")
# A piece of arithmetic: "20% of 80", "144 / 12 + 3", "7 times 8".
_NUMBER = r"\$?\d[\d,]*(?:\.\d+)?%?"
_EXPRESSION_RE = re.compile(
    rf"\(?{_NUMBER}\)?(?:\s*(?:[-+*/^x\u00d7\u00f7]|of|plus|minus|times|divided by|"
    rf"multiplied by|to the power of|percent(?: of)?)\s*\(?{_NUMBER}\)?)+",
    re.I,
)


_POINTER_RE = re.compile(
    r"(?:this|that)(?:\s+one)?(?:\s+too)?\s*[:?!-]?\s*"
    r"(?P<quote>\"[^\"]*\"|\u201c[^\u201d]*\u201d|'[^\n]*')",
    re.I | re.S,
)


# "what's the max then", "and 30% now?": a word closing the follow-up that only says it
# follows on, and is no part of its subject.
_CLOSING_WORD_RE = re.compile(r"[\s,]+(?:then|now|please|pls)\s*(?P<mark>[.!?]*)\s*$", re.I)


# "what do they add up to?": the sum of the same numbers, asked in a question.
_ADD_UP_RE = re.compile(
    _LEAD + r"what\s+(?:do|does|would|will)\s+(?:they|those|these|it|that)\s+(?:all\s+)?"
    r"(?:add\s+up\s+to|come\s+to|total)"
    # "what do those come to added together": the adding said twice.
    r"(?:\s+(?:added\s+(?:up|together)|all\s+together|altogether|in\s+total))?"
    r"\s*(?:then\s*)?(?P<mark>[.!?]*)\s*$",
    re.I,
)


# "and for a 3 piece that needs 3.9 m", "what about a bigger room that takes 14 litres": the
# thing named says what the new amount is for; the amount alone is the subject.
_THING_THAT_NEEDS_RE = re.compile(
    r"\b(?P<lead>for\s+|about\s+)?(?:a|an|the|my|our)\s+[\w-]+(?:\s+[\w-]+){0,2}?\s+"
    r"(?:that|which)\s+(?:needs|takes|uses|requires)\s+(?=\$?\d[\d,.]*\s*[a-z]+\s*[.!?]*$)",
    re.I,
)


def follow_up_subject(text: str) -> str | None:
    """The new subject of a follow-up request, or None when ``text`` is not one."""
    text = _CLOSING_WORD_RE.sub(lambda m: m.group("mark"), text.strip())
    text = _THING_THAT_NEEDS_RE.sub(lambda m: m.group("lead") or "", text)
    text = _ADD_UP_RE.sub(lambda m: "the sum" + m.group("mark"), text)
    for pattern in _FOLLOW_UP_PATTERNS:
        match = pattern.match(text.strip())
        if match:
            # "how about 60% instead": the subject, not the word saying it replaces another.
            subject = re.sub(r"\s+instead$", "", match.group("subject").strip(), flags=re.I)
            # "what about for 3 people?": a quantity, said for whom.
            quantity = re.fullmatch(r"for\s+(?P<rest>\$?\d.*)", subject, re.I)
            if quantity and _QUANTITY_RE.fullmatch(quantity.group("rest")):
                subject = quantity.group("rest")
            # "what about 62 miles for the audax": a quantity with what it is for, which
            # names the occasion and changes nothing of the sum.
            purpose = re.fullmatch(
                r"(?P<amount>\$?\d\S*(?:\s+[A-Za-z]+)?)\s+for\s+(?:the|my|our|a|an|this|next)"
                r"\s+[A-Za-z][\w' -]*?(?P<mark>[.!?]*)",
                subject,
                re.I,
            )
            if purpose and _QUANTITY_RE.fullmatch(purpose.group("amount")):
                subject = purpose.group("amount") + purpose.group("mark")
            # "how about this: '...'": the quote is the subject, "this" only points at it.
            pointed = _POINTER_RE.fullmatch(subject)
            return pointed.group("quote") if pointed else subject
    return None


_COUNT = r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten)"
# "double that", "now divide it by 3", "add 5 to the result": arithmetic on the answer before.
_EARLIER = r"(?:it|that|this|the result|the answer|the total)"
_CONTINUES_ARITHMETIC = re.compile(
    _LEAD
    # "what's double that", "and half of it?": the value before, asked about.
    + r"(?:(?:what(?:'s|\s+is)|how\s+much\s+is)\s+)?"
    + r"(?P<rest>(?:(?:double|twice|triple|halve|half\s+of|square|cube|round)\s+"
    + _EARLIER
    + r"|(?:add|subtract)\s+\S+\s+(?:to|from)\s+"
    + _EARLIER
    # "take that off 860", "take it away from 500": the value before, subtracted.
    + r"|(?:take|knock)\s+"
    + _EARLIER
    + r"\s+(?:off|away\s+from|from)\s+(?:of\s+)?\d[\d,]*(?:\.\d+)?(?!\s*(?:%|percent))"
    # "take 15% off that", "knock 10 percent off it": the value before, less a share of it.
    + r"|(?:take|knock)\s+\d[\d,]*(?:\.\d+)?\s*(?:%|percent)\s+off\s+(?:of\s+)?"
    + _EARLIER
    # "take 15% of that", "now 20 percent of it": a share of the value before.
    + r"|(?:take\s+|get\s+|find\s+)?\d[\d,]*(?:\.\d+)?\s*(?:%|percent)\s+of\s+"
    + _EARLIER
    + r"|(?:multiply|divide|times)\s+"
    + _EARLIER
    + r"\s+by\s+\S+"
    # "split that between the three of us", "share it 4 ways": the value before, shared.
    + r"|(?:split|share|divide)\s+"
    + _EARLIER
    + r"\s+(?:(?:evenly|equally)\s+)?(?:(?:between|among(?:st)?)\s+(?:the\s+)?"
    + _COUNT
    + r"(?:\s+(?:of\s+us|of\s+them|people|ways|friends))?|"
    + _COUNT
    + r"\s+ways)"
    # "now times 2", "that minus 15", "plus 10%": an operator and its operand, the value
    # before it understood.
    + r"|(?:"
    + _EARLIER
    + r"\s+)?(?:times|plus|minus|divided\s+by|multiplied\s+by)\s+\d[\d,]*(?:\.\d+)?%?)"
    r"(?:\s+to\s+\d+\s+decimals?(?:\s+places?)?"
    # "round that to the nearest ten", "... to the nearest whole number".
    r"|\s+to\s+the\s+nearest\s+(?:whole(?:\s+number)?|integer|ten|hundred|thousand|"
    r"\d+))?)\s*[.!?]*$",
    re.I | re.S,
)


# "make it shorter", "can you make it more formal?", "make it rhyme", "make it sound more
# professional", "make it kid-friendly": the earlier piece, changed.
REVISION = (
    r"(?:a\s+(?:bit|little)\s+)?(?:(?:sound\s+)?(?:more|less)\s+[a-z-]+|sound\s+[a-z-]+|"
    r"[a-z]+er|rhyme|[a-z]+-friendly)"
)
_REVISES = re.compile(
    _LEAD + r"(?:can you |could you |would you |please )*(?:make|keep)\s+(?:it|that|this)\s+"
    r"(?P<change>" + REVISION + r")\s*(?:please)?\s*[.!?]*$",
    re.I | re.S,
)
# "shorter please", "a bit more formal?", "funnier": the change alone, the piece understood.
# Comparatives are listed: a word in "-er" alone ("later", "never") is no change to a piece.
_CHANGE_ALONE = re.compile(
    _LEAD + r"(?P<change>(?:a\s+(?:bit|little)\s+)?(?:(?:more|less)\s+[a-z-]+|shorter|longer|"
    r"simpler|funnier|clearer|friendlier|warmer|snappier|punchier|briefer|tighter|"
    r"stronger|softer|bolder|happier|sadder))\s*(?:please|pls)?\s*[.!?]*$",
    re.I | re.S,
)


_COMPARATIVE = (
    r"(?:a\s+(?:bit|little)\s+)?(?:(?:more|less)\s+[a-z-]+|shorter|longer|simpler|funnier|"
    r"clearer|friendlier|warmer|snappier|punchier|briefer|tighter|stronger|softer|bolder|"
    r"happier|sadder|better)"
)
# "can the rhymes be stronger", "could the ending be happier", "make the title punchier": a
# part of the piece changed.
_PART_CHANGE = re.compile(
    _LEAD + r"(?:(?:can|could|would)\s+(?:you\s+)?)?(?:make\s+)?(?:the|its)\s+(?P<part>[a-z]+)"
    r"\s+(?:be\s+|sound\s+)?(?P<change>" + _COMPARATIVE + r")\s*(?:please|pls)?\s*[.!?]*$",
    re.I | re.S,
)

# "can you cut it down to four lines", "shorten it", "trim that to 50 words": made shorter.
_CUTS = re.compile(
    _LEAD + r"(?:can you |could you |would you |please )*(?:cut|trim|shorten|condense)\s+"
    r"(?:it|that|this)(?:\s+down)?(?:\s+to\s+(?P<size>(?:\w+|\d+)\s+(?:lines?|words?|"
    r"sentences?|paragraphs?|verses?)))?\s*(?:please)?\s*[.!?]*$",
    re.I | re.S,
)

# "now in one sentence", "as 3 bullet points": the length asked, nothing else.
_SIZE_ALONE = re.compile(
    _LEAD + r"(?:can you |could you |please )*(?:(?:do|put|say|give)\s+(?:it|that|this)\s+)?"
    r"(?:in|as|to)\s+(?P<size>(?:one|two|three|four|five|a|\d+)\s+(?:lines?|words?|"
    r"sentences?|paragraphs?|bullet\s+points?|bullets?))\s*(?:please|pls)?\s*[.!?]*$",
    re.I | re.S,
)


# "too stiff, make it warmer", "way too long": what is wrong with the piece, said first or
# alone.
_COMPLAINT_RE = re.compile(
    _LEAD + r"(?:(?:it's|its|it\s+is|that's|thats|that\s+is|this\s+is|a\s+bit|bit|way|much|"
    r"far|a\s+little|little)\s+)*too\s+(?P<fault>[a-z-]+)\s*(?:[,.!;:-]+\s*|$)",
    re.I,
)
# What the piece becomes when its fault is taken away; any other fault is made less.
_REMEDIES = {"long": "shorter", "wordy": "shorter", "short": "longer", "brief": "longer"}
# "loosen it up a bit", "tone it down", "jazz it up": a change said with a phrasal verb, and
# the change it makes.
_PHRASAL_CHANGES = {
    ("loosen", "up"): "more relaxed",
    ("loosen", ""): "more relaxed",
    ("tone", "down"): "softer",
    ("dial", "down"): "softer",
    ("soften", ""): "softer",
    ("soften", "up"): "softer",
    ("calm", "down"): "calmer",
    ("jazz", "up"): "livelier",
    ("spice", "up"): "livelier",
    ("liven", "up"): "livelier",
    ("pep", "up"): "livelier",
    ("warm", "up"): "warmer",
    ("cheer", "up"): "more cheerful",
    ("lighten", "up"): "lighter",
    ("brighten", "up"): "brighter",
    ("beef", "up"): "stronger",
    ("punch", "up"): "punchier",
    ("tighten", ""): "tighter",
    ("tighten", "up"): "tighter",
    ("smooth", "out"): "smoother",
    ("dress", "up"): "more formal",
    ("dress", "down"): "more casual",
    ("simplify", ""): "simpler",
    ("polish", ""): "more polished",
    ("polish", "up"): "more polished",
}
_PHRASAL_RE = re.compile(
    _LEAD + r"(?:can you |could you |would you |please )*(?P<verb>[a-z]+)\s+(?:it|that|this)"
    r"(?:\s+(?P<particle>up|down|out))?(?P<degree>\s+a\s+(?:bit|little|touch|tad))?"
    r"\s*(?:please|pls)?\s*[.!?]*$",
    re.I,
)


def _phrasal_change(text: str) -> str | None:
    """The change a phrasal revision makes ("tone it down" -> "softer"), or None."""
    match = _PHRASAL_RE.match(text)
    if match is None:
        return None
    change = _PHRASAL_CHANGES.get(
        (match.group("verb").lower(), (match.group("particle") or "").lower())
    )
    if change is None:
        return None
    return f"a bit {change}" if match.group("degree") else change


def _changes(text: str) -> bool:
    """Whether ``text`` is a change to a piece, said in one of the ways `_revises` reads."""
    text = text.strip()
    return bool(
        _CUTS.match(text)
        or _SIZE_ALONE.match(text)
        or _REVISES.match(text)
        or _CHANGE_ALONE.match(text)
        or _PART_CHANGE.match(text)
        or _phrasal_change(text)
    )


def _revises(text: str, earlier: Sequence[str]) -> str | None:
    """ "make it shorter" after "Write a poem about cats" is "Write a poem about cats, and
    make it shorter": the same piece, asked again with the change. "too stiff, loosen it up"
    and "too formal" are changes too: the complaint says what to take away. "make it
    firmer, it's been three weeks now": the change, then why, which the request keeps."""
    text = text.strip()
    addition = _ADDS_RE.search(text)
    if addition is not None and (addition.start() == 0 or _changes(text[: addition.start()])):
        # "make it funnier and add a line about my cat", "mention the discord too": the
        # piece changed, and more put into it.
        head = text[: addition.start()].strip()
        revised = _revised(head, earlier) if head else _piece_before(earlier)
        added = addition.group("added").strip().rstrip(".!?")
        return f"{revised.rstrip(' .?!')}, and {added}" if revised else None
    head, comma, tail = text.partition(",")
    if comma and tail.strip() and not _changes(text) and _changes(head):
        revised = _revised(head, earlier)
        reason = tail.strip().rstrip(".!?")
        return f"{revised}. {reason[:1].upper()}{reason[1:]}." if revised else None
    return _revised(text, earlier)


# Verbs that put more into a piece ("add a line about my cat", "mention the discord").
ADDITION = r"(?:add|include|mention|work\s+in|throw\s+in|put\s+in)"
# "add a line about my cat", "and mention the discord": something more put into the piece
# (alone, or after a change with "and").
_ADDS_RE = re.compile(
    r"(?:^" + _LEAD[1:] + r"|\s+and\s+(?:also\s+)?)(?:can you |could you |please )*"
    r"(?P<added>" + ADDITION + r"\s+"
    # Not the numbers of arithmetic: "add 5", "add those up", "add them together".
    r"(?!\d|(?:up|them|those|these|it|all|everything|both)\b|.*\b(?:up|together)\W*$)"
    # "add that to the total" is arithmetic; "mention that i'm a sworn translator" and
    # "mention that everything is glazed by hand" say what.
    r"(?!(?:that|this)\b(?=\s*(?:$|[,.!?]|(?:to|on|onto|in|into|too|as|up|with|and)\b)))"
    r"\S.*)$",
    re.I | re.S,
)


# "write a press release about our 10k run": a piece asked for, whatever numbers it names.
_ASKS_FOR_PIECE_RE = re.compile(
    _LEAD + r"(?:(?:can|could|would)\s+you\s+|please\s+)*(?:write|draft|compose|create|"
    r"prepare|put\s+together|come\s+up\s+with)\b",
    re.I,
)


def _is_piece(request: str) -> bool:
    """Whether an earlier request asked for a piece of text, not arithmetic: it asks to
    write one, or names no number, or quotes the text it works on."""
    return bool(
        _ASKS_FOR_PIECE_RE.match(request)
        or not re.search(r"\d", request)
        or _QUOTED_RE.search(request)
    )


def _piece_before(earlier: Sequence[str]) -> str | None:
    """The earlier request, if it asked for a piece of text (not arithmetic)."""
    if not earlier:
        return None
    previous = resolve_follow_up(earlier[-1], earlier[:-1])
    return previous if _is_piece(previous) else None


def _revised(text: str, earlier: Sequence[str]) -> str | None:
    text = text.strip()
    complaint = _COMPLAINT_RE.match(text)
    if complaint is not None:
        text = text[complaint.end() :].strip()
    cut = _CUTS.match(text) or _SIZE_ALONE.match(text)
    match = _REVISES.match(text) or _CHANGE_ALONE.match(text)
    part = _PART_CHANGE.match(text)
    phrasal = _phrasal_change(text)
    if match is None and cut is None and part is None and phrasal is None:
        if complaint is None or text or not earlier:
            return None
        fault = complaint.group("fault").lower()
        phrasal = _REMEDIES.get(fault, f"less {fault}")
    if not earlier:
        return None
    previous = resolve_follow_up(earlier[-1], earlier[:-1])
    if not _is_piece(previous):
        return None  # arithmetic is not made shorter
    if part is not None and match is None and cut is None:
        return (
            f"{previous.rstrip(' .?!')}, and make the {part.group('part')} {part.group('change')}"
        )
    if phrasal is not None and match is None and cut is None:
        return f"{previous.rstrip(' .?!')}, and make it {phrasal}"
    if cut is not None:
        if cut.group("size"):
            # "Write a poem about autumn in four lines": the length asked of the piece;
            # "Summarize this in one sentence: <text>", before the text given.
            head, colon, given = previous.partition(":")
            if colon and given.strip():
                return f"{head.rstrip()} in {cut.group('size')}:{given}"
            return f"{previous.rstrip(' .?!')} in {cut.group('size')}"
        change = "shorter"
    else:
        change = match.group("change")  # type: ignore[union-attr]
    return f"{previous.rstrip(' .?!')}, and make it {change}"


_SHARE_RE = re.compile(r"(?:%|\bpercent)\s+of\b", re.I)


# "and with 10% extra for cuts?", "plus 15% for waste", "add 5% on top": a share more of
# the earlier answer, for what is lost in the doing.
_EXTRA_SHARE = re.compile(
    _LEAD + r"(?:(?:what\s+about|how\s+about)\s+)?(?:with|plus|add(?:ing)?|allow(?:ing)?)\s+"
    r"(?:an?\s+)?(?:extra\s+|another\s+)?(?P<share>\d+(?:\.\d+)?\s*(?:%|percent))"
    r"(?:\s+(?:extra|more|on\s+top))?"
    # "and with 20% vat" after "... - total?": the tax added to the total.
    # "and with a 10% tip on top": a tip or service charge, added the same way.
    r"(?:\s+(?:vat|tax|gst|hst|sales\s+tax|tip|service(?:\s+charge)?|gratuity)"
    r"(?:\s+on\s+top)?)?"
    r"(?:\s+(?:for|to\s+allow\s+for)\s+(?:the\s+)?(?:cuts|cutting|waste|wastage|breakages?|"
    r"spares?|offcuts|mistakes|contingency))?\s*[.!?]*$",
    re.I,
)


def _continues_arithmetic(text: str, earlier: Sequence[str]) -> str | None:
    """ "double that" after "What's 15 + 6?" is "What's 15 + 6, then double that": the
    arithmetic goes on from the earlier request, which is computed again."""
    match = _CONTINUES_ARITHMETIC.match(text.strip())
    if match is None or not earlier:
        return None
    previous = resolve_follow_up(earlier[-1], earlier[:-1])
    if not re.search(r"\d", previous) or _QUOTED_RE.search(previous):
        return None
    if _SHARE_RE.search(match.group("rest")) and _OF_AMOUNT_RE.search(previous):
        # "40 percent of it" after "25% of 360": of 360 or of the 90 found? Not said.
        return None
    rest = match.group("rest")
    # "take that off 860": said as the subtraction it is.
    rest = re.sub(
        rf"^(?:take|knock)\s+({_EARLIER})\s+(?:off|away\s+from|from)\s+(?:of\s+)?",
        lambda m: f"subtract {m.group(1)} from ",
        rest,
        flags=re.I,
    )
    # "knock 10% off that": said as the "take ... off" it is.
    rest = re.sub(r"^knock(?=\s+\d[\d,.]*\s*(?:%|percent)\s+off\b)", "take", rest, flags=re.I)
    shares = r"(?:split|divide)\s+(?!by\b)|take\s+\d[\d,.]*\s*(?:%|percent)\s+off\b"
    if re.match(shares, rest, re.I) and previous.rstrip().endswith("?"):
        # "total?" then "split that between the three of us": the question, then its share.
        return f"{previous.rstrip()} then {rest}"
    return f"{previous.rstrip(' .?!')}, then {rest}"


# "another one", "one more please": the earlier request, asked again.
_ANOTHER_RE = re.compile(
    _LEAD
    + r"(?:(?:can you |could you )?(?:give me |write |do )?)?(?:another(?:\s+one)?|one\s+more)"
    r"(?:\s+please)?\s*[.!?]*$",
    re.I,
)


# "the standard deviation (sample)": the kind of a figure, said in brackets after it.
_KIND_IN_BRACKETS = re.compile(
    r"\b(standard\s+deviation|std\s+dev|stdev|variance|sd)\s*\(\s*(sample|population)\s*\)",
    re.I,
)


# "how many 60x60 cm tiles would that take, no waste" after "area of a kitchen floor 4.2 m
# by 3.6 m": pieces laid over the area asked before.
_PIECES_OVER = re.compile(
    _LEAD + r"(?P<ask>how\s+many\s+[^?!]*?\b(?:tiles|slabs|pavers|panels|sheets)\b)\s+"
    r"(?:would|will|do|does|does\s+it|would\s+it)?\s*(?:that|it|this)\s+"
    r"(?:take|need|use|cover)\b(?P<rest>[^?!]*)[?!.]*\s*$",
    re.I,
)
_AREA_OF = re.compile(
    r"^\s*(?:(?:what(?:'s|\s+is)|work\s+out|find)\s+)?(?:the\s+)?area\s+of\s+(?P<what>[^?!]*?)"
    r"[?!.]*\s*$",
    re.I,
)


def _pieces_over_area(text: str, earlier: Sequence[str]) -> str | None:
    """ "how many 60x60 cm tiles would that take" after "area of a floor 4.2 m by 3.6 m" is
    "a floor 4.2 m by 3.6 m, how many 60x60 cm tiles"; None unless the earlier request
    asked an area and nothing else."""
    match = _PIECES_OVER.match(text.strip())
    if match is None or not earlier:
        return None
    area = _AREA_OF.match(earlier[-1])
    if area is None:
        return None
    rest = match.group("rest").strip(" ,")
    return f"{area.group('what').strip()}, {match.group('ask')}" + (f", {rest}" if rest else "")


# "and whats the price after that discount", "so the discounted price?", "what do i pay
# with the discount": the price left once the earlier request's discount is taken off.
_AFTER_DISCOUNT_RE = re.compile(
    _LEAD + r"(?:(?:what(?:'s|s|\s+is|\s+would\s+be|\s+will\s+be)|how\s+much\s+is)\s+)?"
    r"(?:the\s+|my\s+)?(?:(?:discounted|reduced|sale)\s+(?:price|cost|total)"
    r"|(?:(?:new|final)\s+)?(?:price|cost|total|it|that)\s+(?:after|with)\s+"
    r"(?:the\s+|that\s+|this\s+)?(?:discount|reduction)"
    r"|(?:what|how\s+much)\s+(?:do|would|will|does)\s+(?:i|we|they|you|he|she|it)\s+"
    r"(?:pay|cost|come\s+to)\s+(?:after|with)\s+(?:the\s+|that\s+|this\s+)?discount)"
    r"(?:\s+(?:then|now|please|pls))?\s*[.!?]*$",
    re.I,
)
# A percentage said as a discount: "15% off", "a 10% discount", "discount of 20%".
_DISCOUNT_SAID_RE = re.compile(
    r"(?<![\w.])\d+(?:\.\d+)?\s*(?:%|percent\b)\s*(?:off\b|discount)"
    r"|\bdiscount\s+of\s+\d+(?:\.\d+)?\s*(?:%|percent\b)",
    re.I,
)
_AMOUNT_OR_SHARE_RE = re.compile(
    r"(?<![\w.,])(?P<amount>[$\u20ac\u00a3]?\d[\d,]*(?:\.\d+)?)(?P<share>\s*(?:%|percent\b))?"
)


def _after_discount(text: str, earlier: Sequence[str]) -> str | None:
    """ "and whats the price after that discount" after "gel mani is £28, how much is 15% off
    for new clients" is "£28 less 15%"; None unless the earlier request says its percentage
    as a discount and gives exactly one percentage and one other amount (which price the
    discount is of is otherwise not said)."""
    if _AFTER_DISCOUNT_RE.match(text.strip()) is None or not earlier:
        return None
    previous = resolve_follow_up(earlier[-1], earlier[:-1])
    if _DISCOUNT_SAID_RE.search(previous) is None:
        return None
    found = list(_AMOUNT_OR_SHARE_RE.finditer(previous))
    share = _only([m for m in found if m["share"]])
    amount = _only([m for m in found if not m["share"]])
    if share is None or amount is None:
        return None
    return f"{amount['amount']} less {share['amount']}%"


def _only(found: list[re.Match[str]]) -> re.Match[str] | None:
    """The one match of ``found``; None for none or several (which one is meant is not said)."""
    return found[0] if len(found) == 1 else None


def _spliced(text: str, span: tuple[int, int], new: str) -> str:
    """``text`` with ``new`` in place of what ``span`` covers."""
    return text[: span[0]] + new + text[span[1] :]


# "what if it was thirty five percent": a percentage spelled out, in figures.
_UNITS_SPELLED = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS_SPELLED = [
    "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen",
]  # fmt: skip
_TENS_SPELLED = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_SPELLED_VALUES = {
    **{w: i + 1 for i, w in enumerate(_UNITS_SPELLED)},
    **{w: i + 10 for i, w in enumerate(_TEENS_SPELLED)},
    **{w: 10 * (i + 2) for i, w in enumerate(_TENS_SPELLED)},
}
_SPELLED_PERCENT_RE = re.compile(
    r"\b(?:(?P<tens>"
    + "|".join(_TENS_SPELLED)
    + r")(?:[\s-]+(?P<unit>"
    + "|".join(_UNITS_SPELLED)
    + r"))?|(?P<alone>"
    + "|".join(_UNITS_SPELLED + _TEENS_SPELLED)
    + r"))\s*(?:percent|per\s+cent)\b",
    re.I,
)


def _percent_in_figures(match: re.Match[str]) -> str:
    """ "thirty five percent" as "35 percent"."""
    words = [w.lower() for w in (match["tens"], match["unit"], match["alone"]) if w]
    return f"{sum(_SPELLED_VALUES[w] for w in words)} percent"


def resolve_follow_up(text: str, history: Sequence[str]) -> str:
    """Rewrite a follow-up as the previous task with the new subject; else return ``text``.

    Args:
        text: The new user message.
        history: The session's recent user messages, oldest first. The message being
            planned may or may not be included as the last one.
    """
    earlier = [h for h in history if h.strip()]
    while earlier and earlier[-1].strip() == text.strip():
        earlier.pop()
    text = _KIND_IN_BRACKETS.sub(r"\2 \1", text)
    text = _SPELLED_PERCENT_RE.sub(_percent_in_figures, text)
    # "and 12 per cent?": one word, or "per" was read as the unit of 12.
    text = re.sub(r"(?<=\d)\s*per\s+cent\b", " percent", text, flags=re.I)
    if _IN_UNIT_RE.fullmatch(text.strip()):
        # "now in feet": the earlier conversion in another unit, or, with none before,
        # planned alone, to be refused for want of an amount.
        return _new_target_unit(text, earlier) or text
    if _ANOTHER_RE.match(text.strip()) and earlier:
        previous = resolve_follow_up(earlier[-1], earlier[:-1])
        # Another piece of writing or research; "another one" after arithmetic says nothing.
        if not re.search(r"\d", previous):
            return previous
    shared = (
        _new_count_after(text, earlier)
        or _pieces_over_area(text, earlier)
        or _after_discount(text, earlier)
    )
    if shared is not None:
        return shared
    joined = _more_join(text, earlier)
    if joined is not None:
        return joined
    on_top = _another_on_top(text, earlier)
    if on_top is not None:
        return on_top
    counted = _new_quantity_of(text, earlier)
    if counted is not None:
        return counted
    extra = _EXTRA_SHARE.match(text.strip())
    if extra and not _CONTINUES_ARITHMETIC.match(text.strip()):
        # Said as the continuation it is: "..., then add 10% to that".
        return _continues_arithmetic(f"add {extra.group('share')} to that", earlier) or text
    rated = (
        _new_rate(text, earlier)
        or _new_speed(text, earlier)
        or _what_if(text, earlier)
        or _new_price_at(text, earlier)
        or _new_span(text, earlier)
        or _new_count_done(text, earlier)
        or _reached(text, earlier)
        or _named_what_if(text, earlier)
        or _new_size(text, earlier)
        or _parallel_amounts(text, earlier)
        or _new_out_of(text, earlier)
        or _new_count_before_verb(text, earlier)
    )
    if rated is not None:
        return rated
    bare = _POINTED_BARE.match(text.strip())
    if bare and earlier:
        # "try this one: loved the pool" after a sentiment of a quote: the new text, quoted
        # where the earlier request quoted its own.
        previous = resolve_follow_up(earlier[-1], earlier[:-1])
        quoted = _QUOTED_RE.search(previous)
        if quoted:
            new = bare.group("text").replace('"', "'")
            return f'{previous[: quoted.start()]}"{new}"{previous[quoted.end() :]}'
    named = _NAMED_ONE_RE.match(text.strip())
    if named and earlier:
        # "now the one my sister sent" after the sentiment of a quote: the same ask of a
        # text named, not given, which the skill then says is missing.
        previous = resolve_follow_up(earlier[-1], earlier[:-1])
        quoted = _QUOTED_RE.search(previous)
        if quoted:
            message = f"the message {named.group('who')} {named.group('verb')}"
            return f"{previous[: quoted.start()]}{message}{previous[quoted.end() :]}"
    text = _items_unnamed(text, earlier)
    subject = follow_up_subject(text)
    if subject is None:
        return _continues_arithmetic(text, earlier) or _revises(text, earlier) or text
    if not earlier:
        return text
    # The previous message may itself be a follow-up: resolve the chain first.
    previous = resolve_follow_up(earlier[-1], earlier[:-1])
    if follow_up_subject(previous) is not None:
        return text
    if _VERB_THEN_QUOTE.match(text.strip()) and not _QUOTED_RE.search(previous):
        # "check 'the food was fine'" after arithmetic: no text before for the quote to
        # take the place of; the request is planned on its own.
        return text
    return _substitute(previous, subject) or text


# "lowest and highest day?", "and the biggest week": figures of the earlier numbers, said
# of the items they count.
_FIGURES_OF_ITEMS_RE = re.compile(
    r"(?P<figures>.*\b" + _ASKED_FIGURES + r")\s+(?P<noun>[a-z]+)"
    r"(?P<rest>(?:\s+(?:too|as\s+well))?\s*[.!?]*)$",
    re.I | re.S,
)


# The period whose parts a list over it is said of: the days of a week, the weeks of a month.
_PARTS_OF = {"day": "week", "week": "month", "month": "year"}


def _items_unnamed(text: str, earlier: Sequence[str]) -> str:
    """ "lowest and highest day?" after "eggs collected each day 158, 171, 149" is "lowest
    and highest?": the noun names the items of the earlier list when the earlier request
    names them so (any other noun, "highest price" after a list of weights, may ask of
    something else, and is left as said)."""
    match = _FIGURES_OF_ITEMS_RE.match(text.strip())
    if not match or not earlier:
        return text
    noun = singular(match.group("noun"))
    named = {singular(w) for w in re.findall(r"[a-z]+", earlier[-1].lower())}
    # "and the mean and median day?" after "takings this week: 412.50, 388.20, ...": the
    # items of a list over a period are its parts.
    named |= {part for part, whole in _PARTS_OF.items() if whole in named}
    if noun not in named or len(re.findall(r"\d+(?:\.\d+)?", earlier[-1])) < 3:
        return text
    candidate = match.group("figures") + match.group("rest")
    return candidate if follow_up_subject(candidate) is not None else text


# "now the one my sister sent", "what about the one he wrote": another text, named, not given.
_NAMED_ONE_RE = re.compile(
    _LEAD + r"(?:(?:what|how)\s+about\s+|(?:do|try)\s+)?the\s+(?:one|message|text|email)\s+"
    r"(?P<who>(?:my|our|his|her|their)\s+\w+|i|he|she|they|we)\s+"
    r"(?P<verb>sent|wrote|posted|left|forwarded)(?:\s+(?:me|us))?\s*[.!?]*$",
    re.I,
)


# "try this one: loved the pool", "and this: the room was tiny": a new text pointed at and
# given after a colon, unquoted.
_POINTED_BARE = re.compile(
    _LEAD + r"(?:(?:can\s+you\s+|could\s+you\s+|please\s+)*(?:try|check|do|run|test)\s+|"
    r"(?:what|how)\s+about\s+)?(?:this|that)(?:\s+one)?(?:\s+too)?\s*:\s*"
    r"(?P<text>[^\s\"\u201c'][^\n]*?)\s*$",
    re.I,
)


# "and between 5?" after "Split 120 dollars between 4 people", "what about among 6?",
# "and into 3?": the number after the same word, swapped.
_COUNT_WORDS = r"(?:between|among|amongst|into|by|for)"
_NEW_COUNT_RE = re.compile(
    _LEAD + r"(?:(?:what|how)\s+about\s+)?(?P<word>" + _COUNT_WORDS + r")\s+"
    r"(?P<number>\d+)(?:\s+(?:people|persons|friends|ways|of us|parts|shares))?\s*[.!?]*$",
    re.I,
)


def _new_count_after(text: str, earlier: Sequence[str]) -> str | None:
    """ "and between 5?" after "Split 120 dollars between 4 people" is "Split 120 dollars
    between 5 people"; None unless the earlier request has exactly one number after that
    word."""
    match = _NEW_COUNT_RE.match(text.strip())
    if match is None or not earlier:
        return None
    previous = resolve_follow_up(earlier[-1], earlier[:-1])
    found = list(
        re.finditer(rf"\b{re.escape(match.group('word'))}\s+(?P<number>\d+)\b", previous, re.I)
    )
    if len(found) > 1 and re.search(
        r"\b(?:how\s+(?:much|many)|what)\b", previous[found[-2].end() : found[-1].start()], re.I
    ):
        # "recipe for 6 uses 450 g of rice, how much for 4 people": the number asked about
        # is the one in the question, the other the recipe's.
        found = found[-1:]
    if len(found) != 1:
        return None
    old = found[0]
    return previous[: old.start("number")] + match.group("number") + previous[old.end("number") :]


# "and for two coats?" after "... how many tins for one coat", "what about 35% off" after
# "what's 20% off 65", "and if i stay 6 hours" after "... i'll be there 3 and a half hours":
# a new number of a thing the earlier request gave a number of, the rest of it the same.
_SPELLED_NUMBER = r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
_NEW_QUANTITY_OF_RE = re.compile(
    _LEAD + r"(?:(?:what|how)\s+about\s+)?(?:(?:what\s+)?if\s+(?:i|we|it|they)\s+[a-z]+\s+"
    # "and if i skip sundays so 26 days": the reason, then the new number it comes to.
    r"(?:(?:[a-z']+\s+){0,3}?[a-z']+[\s,]+(?:so|that's|thats|which\s+is|making(?:\s+it)?)\s+)?)?"
    r"(?:for\s+|with\s+)?(?P<quantity>(?:\d+(?:\.\d+)?(?P<percent>%)?|" + _SPELLED_NUMBER + r")"
    r"\s*(?<=\s|%)(?P<noun>[a-z]+))\s*[.!?]*$",
    re.I,
)
_QUANTITY_OF_RE = re.compile(
    r"(?<![\w.])(?:\d+(?:\.\d+)?(?P<percent>%)?(?:\s+and\s+a\s+(?:half|quarter))?"
    r"|\b(?:" + _SPELLED_NUMBER + r"))\s*(?<=\s|%)(?P<noun>[a-z]+)\b",
    re.I,
)


def _new_quantity_of(text: str, earlier: Sequence[str]) -> str | None:
    """ "and for two coats?" after "... how many tins for one coat" is "... how many tins
    for two coats"; None unless the earlier request gives exactly one number of that noun."""
    match = _NEW_QUANTITY_OF_RE.match(text.strip())
    if match is None or not earlier:
        return None
    previous = resolve_follow_up(earlier[-1], earlier[:-1])
    noun = singular(match.group("noun"))
    # A percentage for a percentage, a number for a number.
    found = [
        m
        for m in _QUANTITY_OF_RE.finditer(previous)
        if singular(m.group("noun")) == noun
        and bool(m.group("percent")) == bool(match.group("percent"))
    ]
    old = _only(found)
    return None if old is None else _spliced(previous, old.span(), match.group("quantity"))


# "they've bumped me up to 13.85, same hours?", "i got a raise to 14.50 an hour, same
# hours": a new rate an hour for the earlier request's one rate, its hours the same.
_NEW_RATE_RE = re.compile(
    _LEAD + r"(?:[a-z']+\s+){0,4}?(?:(?:bumped|put|moved|raised|gone|went|goes|go|going)\s+"
    r"(?:me\s+|it\s+|my\s+(?:hourly\s+)?(?:rate|pay)\s+)?up\s+to|(?:pay\s+)?(?:raise|rise)\s+to)"
    r"\s+[\u00a3$\u20ac]?(?P<rate>\d+(?:\.\d+)?)(?:\s*(?:an?|per|/)\s*(?:hour|hr)\b)?"
    r"(?P<same>[\s,.-]+(?:on\s+|for\s+|with\s+)?(?:the\s+)?same\s+hours)?\s*[.!?]*$",
    re.I,
)
_RATE_AN_HOUR_RE = re.compile(
    r"(?<![\w.,])[\u00a3$\u20ac]?(?P<rate>\d+(?:\.\d+)?)\s*(?:an?|per|/)\s*(?:hour|hr)\b"
    r"|\bhours?\s+at\s+[\u00a3$\u20ac]?(?P<at>\d+(?:\.\d+)?)(?![\w%.]|\.\d)",
    re.I,
)


def _new_rate(text: str, earlier: Sequence[str]) -> str | None:
    """ "they've bumped me up to 13.85, same hours?" after "13.20 an hour for 31 hours,
    what's my pay" is "13.85 an hour for 31 hours, what's my pay"; None unless the earlier
    request gives exactly one rate an hour."""
    match = _NEW_RATE_RE.match(text.strip())
    if match is None or not earlier:
        return None
    previous = resolve_follow_up(earlier[-1], earlier[:-1])
    old = _only(list(_RATE_AN_HOUR_RE.finditer(previous)))
    if old is None:
        return None
    return _spliced(previous, old.span("rate" if old.group("rate") else "at"), match["rate"])


# "what if i only average 50", "what if we drive at 70 instead": the earlier journey again at
# another speed, said of how the traveller goes.
_NEW_SPEED_RE = re.compile(
    _LEAD + r"(?:and\s+|ok\s+|so\s+)?what\s+if\s+(?:i|we|you|he|she|they)\s+"
    r"(?:only\s+|just\s+|can\s+only\s+|could\s+only\s+)?"
    r"(?:average|averaged|do|did|go|went|manage|managed|(?:drive|drove|travel|cycle|ride|walk|"
    r"run|sit|sat|stay|stayed)\s+at)\s+(?:an?\s+average\s+of\s+)?"
    r"(?P<speed>\d+(?:\.\d+)?)\s*(?P<unit>mph|km/h|kph|kmh)?(?:\s+instead)?\s*[.!?]*$",
    re.I,
)
_SPEED_SAID_RE = re.compile(
    r"(?<![\w.])(?P<speed>\d+(?:\.\d+)?)\s*(?P<unit>mph|km/h|kph|kmh|miles?\s+(?:an|per)\s+hour|"
    r"km\s+(?:an|per)\s+hour)(?!\w)",
    re.I,
)


def _new_speed(text: str, earlier: Sequence[str]) -> str | None:
    """ "what if i only average 50" after "how long to drive 210 miles at 60 mph" is the same
    request at 50 mph; None unless the earlier request gives exactly one speed (and, when
    the new one names its unit, one of that unit)."""
    match = _NEW_SPEED_RE.match(text.strip())
    if match is None or not earlier:
        return None
    previous = resolve_follow_up(earlier[-1], earlier[:-1])
    old = _only(list(_SPEED_SAID_RE.finditer(previous)))
    if old is None:
        return None
    unit = (match.group("unit") or "").lower()
    if unit and (unit == "mph") != old.group("unit").lower().startswith(("mph", "mile")):
        return None  # 50 km/h for a speed said in mph: a conversion not asked for
    return _spliced(previous, old.span("speed"), match.group("speed"))


# "what if its over 5 years", "and after 4 years?", "what about 10 years instead": the earlier
# request again over another length of time, said in the unit it gave its own in.
_NEW_SPAN_RE = re.compile(
    _LEAD
    + r"(?:and\s+|ok\s+|so\s+)?(?:(?:what|how)\s+about\s+|what\s+if\s+(?:it'?s|it\s+(?:was|is)|"
    r"we\s+(?:do|did|go\s+for|take)\s+(?:it\s+)?|i\s+(?:do|did|go\s+for|take)\s+(?:it\s+)?)\s*)?"
    r"(?:(?:over|for|after|in)\s+)?(?P<count>\d+)\s+(?P<unit>years?|yrs?|months?|weeks?|days?)"
    r"(?:\s+instead)?\s*[.!?]*$",
    re.I,
)
_SPAN_UNITS = {"yr": "year", "yrs": "year", "years": "year", "months": "month", "weeks": "week"}


def _new_span(text: str, earlier: Sequence[str]) -> str | None:
    """ "what if its over 5 years" after "8k loan at 6.9% over 4 years, monthly payment?" is
    the same request over 5 years; None unless the earlier request gives exactly one count of
    the new one's unit (a loan over 4 years at 5 years' fixed rate is not said which)."""
    match = _NEW_SPAN_RE.match(text.strip())
    if match is None or not earlier:
        return None
    unit = match.group("unit").lower()
    unit = _SPAN_UNITS.get(unit, unit.rstrip("s"))
    previous = resolve_follow_up(earlier[-1], earlier[:-1])
    said = [
        m
        for m in re.finditer(r"(?<![\w.,])(?P<count>\d+)\s*-?\s*(?P<unit>[a-z]+)\b", previous, re.I)
        if _SPAN_UNITS.get(m["unit"].lower(), m["unit"].lower().rstrip("s")) == unit
    ]
    old = _only(said)
    return None if old is None else _spliced(previous, old.span("count"), match.group("count"))


# A length unit said after a size or each of its sides: "18 x 12 m", "6m by 4m".
_LENGTH_UNIT = r"(?:mm|cm|m|km|in|ft|yd|yds|metres?|meters?|feet|foot|inch(?:es)?|yards?)"
_SIDE = r"\d+(?:\.\d+)?(?:\s*" + _LENGTH_UNIT + r"(?![a-z]))?"
_TIMES = r"\s*(?:x|by|\u00d7|\*)\s*"
_SIZE = _SIDE + _TIMES + _SIDE + r"(?:" + _TIMES + _SIDE + r")?"
# "and the gym is 22 x 15", "what about the back bedroom at 4 by 3.5 m", "and if it was 6 x
# 4": another thing, or the same one, of a new size, with no ask of its own.
_NEW_SIZE_RE = re.compile(
    _LEAD + r"(?:(?:what|how)\s+about\s+|(?:and\s+|what\s+)?if\s+)?"
    r"(?:(?:the|a|an|my|our|his|her|their|its)\s+)?"
    r"(?:(?P<name>[a-z][a-z'-]*(?:\s+[a-z][a-z'-]*){0,2}?)\s*"
    r"(?:(?:is|are|was|were|at|measures|measuring|of)\s+|[:=]\s*|\s))?"
    r"(?P<size>" + _SIZE + r")(?:\s+instead)?\s*[.!?]*$",
    re.I,
)
# Words that make the size an ask of its own: "area of 22 x 15", "what's 22 x 15".
_ASKS_OF_A_SIZE = frozenset(
    [
        "area",
        "perimeter",
        "volume",
        "diagonal",
        "size",
        "what",
        "what's",
        "whats",
        "calculate",
        "compute",
        "work",
        "multiply",
        "product",
        "times",
    ]
)
_SIZE_SAID_RE = re.compile(r"(?<![\w.])" + _SIZE, re.I)
_SIDE_RE = re.compile(r"(?P<number>\d+(?:\.\d+)?)\s*(?P<unit>[a-z]+)?", re.I)


def _sides(size: str) -> list[tuple[str, str]]:
    """The sides of ``size`` with their units: "6m by 4 m" is [("6", "m"), ("4", "m")]."""
    sides = [(m["number"], (m["unit"] or "").lower()) for m in _SIDE_RE.finditer(size)]
    return [(number, "" if unit in ("x", "by") else unit) for number, unit in sides]


def _bare_size(text: str) -> re.Match[str] | None:
    """The match of ``text`` as a new size with no ask of its own, or None."""
    match = _NEW_SIZE_RE.match(text.strip())
    if match and match["name"] and _ASKS_OF_A_SIZE.intersection(match["name"].lower().split()):
        return None
    return match


def size_unapplied(text: str, history: Sequence[str]) -> str | None:
    """Why a new size could not take the place of the earlier request's, and how to ask
    instead; None if it is no bare size, or was applied, or nothing before gave a size.

    Planned alone, "and the gym is 22 x 15" after "hall 18 x 12 m and corridor 10 x 2 m,
    seal does 10 m2 a litre, how many litres?" would come back as the area, an answer to
    another question; which size the new one replaces is not said.
    """
    earlier = [h for h in history if h.strip()]
    while earlier and earlier[-1].strip() == text.strip():
        earlier.pop()
    if not earlier or _bare_size(text) is None or _new_size(text, earlier) is not None:
        return None
    previous = resolve_follow_up(earlier[-1], earlier[:-1])
    if not _SIZE_SAID_RE.search(previous):
        return None
    return (
        "it gives a new size for the request before, which gives sizes it could not be "
        "said to replace. Ask it again in full with the new size, e.g. 'gym 22 x 15 m, "
        "seal does 10 m2 a litre, 2 coats: how many litres?'"
    )


# "and over a year (365 days), in mins", "and per month?", "what about a week": the request
# before asked again over another period, with no count of it to put in its place.
_NEW_PERIOD_RE = re.compile(
    _LEAD + r"(?:(?:what|how)\s+about\s+)?(?:(?:over|for|in|per|across)\s+)?"
    r"(?:(?:a|an|one|the|each|every)\s+)?(?:(?:whole|full)\s+)?"
    r"(?:year|month|week|day|fortnight|decade)(?:\s*\([^()]*\))?"
    r"(?:\s*,?\s*(?:in|as)\s+[a-z]+)?\s*[.!?]*$",
    re.I,
)


def period_unapplied(text: str, history: Sequence[str]) -> str | None:
    """Why a new period could not be applied to the request before, and how to ask
    instead; None if the text is no bare period, or it was applied, or nothing came before.

    Planned alone, "and over a year (365 days), in mins" after "clock loses 7 secs a day,
    how many secs in a week" is the minutes in a year, an answer to another question.
    """
    earlier = [h for h in history if h.strip()]
    while earlier and earlier[-1].strip() == text.strip():
        earlier.pop()
    if not earlier or _NEW_PERIOD_RE.match(text.strip()) is None:
        return None
    if resolve_follow_up(text, earlier) != text or not re.search(r"\d", earlier[-1]):
        return None
    return (
        "it asks the request before again over another period, which could not be put in "
        "its place. Ask it again in full, e.g. 'clock loses 7 secs a day, how many minutes "
        "in 365 days?'"
    )


def _new_size(text: str, earlier: Sequence[str]) -> str | None:
    """ "and the gym is 22 x 15" after "hall is 18 x 12 m, seal does 10 m2 a litre, 2 coats,
    how many litres?" is that request with "22 x 15 m"; None unless the earlier request
    gives exactly one size of as many sides (a size of a floor for a room's, or one of two
    rooms, is not said which; see `size_unapplied`)."""
    match = _bare_size(text)
    if match is None or not earlier:
        return None
    previous = resolve_follow_up(earlier[-1], earlier[:-1])
    old = _only(list(_SIZE_SAID_RE.finditer(previous)))
    if old is None:
        return None
    new_sides, old_sides = _sides(match["size"]), _sides(old.group(0))
    if len(new_sides) != len(old_sides):
        return None
    if any(unit for _, unit in new_sides):
        # "and the gym is 22 x 15 ft": the size as said, in its own unit, which the earlier
        # request's rates in metres are then converted to.
        return _spliced(previous, old.span(), match["size"])
    # The new sides in the places of the old ones, the units said before kept: "18 x 12 m"
    # with "22 x 15" is "22 x 15 m".
    numbers = list(re.finditer(r"\d+(?:\.\d+)?", old.group(0)))
    size = old.group(0)
    for number, (side, _) in reversed(list(zip(numbers, new_sides, strict=True))):
        size = _spliced(size, number.span(), side)
    return _spliced(previous, old.span(), size)


# "what if it was 1.39", "and what if the price is 2.10?": the earlier request again with the
# one number of its kind (a decimal, or a whole number) in place of the new one.
_WHAT_IF_RE = re.compile(
    _LEAD + r"(?:and\s+|ok\s+|so\s+)?what\s+if\s+(?:it|that|the\s+\w+|\w+)\s+"
    r"(?:was|were|is|'s|went\s+(?:up|down)\s+to|dropped\s+to|rose\s+to)\s+"
    r"[\u00a3$\u20ac]?(?P<value>\d+(?:\.\d+)?)\s*[.!?]*$",
    re.I,
)
_PLAIN_NUMBER_RE = re.compile(r"(?<![\w.,%])\d+(?:\.\d+)?(?![\w%]|[.,]\d)")


# "what about at 74.9p", "and at £1.62?": the earlier request again at another price, the
# one it gave after "at".
_AT_PRICE = r"[$\u20ac\u00a3]?\d+(?:\.\d+)?p?"
_NEW_PRICE_AT_RE = re.compile(
    _LEAD + r"(?:(?:what|how)\s+about\s+|what\s+if\s+(?:it\s+was|it's|its)\s+)?"
    # "what about the cheaper one at 24.95", "and in the gold one at 22.80 a metre": another
    # of the same thing, at its own price.
    r"(?:(?:in|with|for)\s+)?(?:the\s+[a-z]+(?:\s+[a-z]+)?\s+one\s+)?at\s+"
    r"(?P<price>" + _AT_PRICE + r")"
    # "and at 30 a minute": the rate said with what it is per, which the earlier one was.
    r"(?:\s+(?P<per>(?:a|an|per)\s+[a-z]+))?(?:\s+instead)?\s*[.!?]*$"
    # "and if the rate drops to 1.12": the one rate said after "at", changed.
    r"|" + _LEAD + r"(?:what\s+)?if\s+the\s+(?:exchange\s+)?rate\s+"
    r"(?:is|was|were|drops\s+to|dropped\s+to|falls\s+to|fell\s+to|rises\s+to|rose\s+to|"
    r"goes\s+(?:up|down)\s+to|went\s+(?:up|down)\s+to|changes\s+to)\s+"
    r"(?P<rate>" + _AT_PRICE + r")(?:\s+instead)?\s*[.!?]*$",
    re.I,
)
# "27p per kwh", "£1.55 a litre": a price per something, said without "at".
_PRICE_PER_RE = re.compile(
    r"(?<![\w.,])(?P<price>" + _AT_PRICE + r")(?=\s*(?:a|an|per|/)\s*[a-z])", re.I
)
_PRICE_AT_RE = re.compile(r"\bat\s+(?P<price>" + _AT_PRICE + r")(?![\w.,%/])", re.I)
# What follows a price said after "at": "a litre", "per kg", "each", or nothing.
_AFTER_PRICE_RE = re.compile(r"\s*(?:$|[,.;?!]|(?:a|an|per|each|/)\b)", re.I)
# What follows a rate said after "at": "1.16 to the pound", "1.17 euros to the pound", "28
# changes a minute": a number of one thing per another.
_AFTER_RATE_RE = re.compile(
    r"\s*(?:[a-z]+\s+)?(?P<per>(?:a|an|per)\s+[a-z]+|to\s+(?:the|a|one)\s+[a-z]+)\b", re.I
)


def _is_money(price: str) -> bool:
    return price[0] in "$\u20ac\u00a3" or price.lower().endswith("p")


def _new_price_at(text: str, earlier: Sequence[str]) -> str | None:
    """ "what about at 74.9p" after "heating oil, 900 litres at 68.5p a litre. total?" is the
    same request at 74.9p a litre; None unless the earlier request says exactly one price
    after "at" (a money amount, not "at 60 mph" or "at 3pm"), and the new one is money too
    or a plain number for a plain one."""
    match = _NEW_PRICE_AT_RE.match(text.strip())
    if match is None or not earlier:
        return None
    previous = resolve_follow_up(earlier[-1], earlier[:-1])
    found = [
        m
        for m in _PRICE_AT_RE.finditer(previous)
        if (
            _AFTER_PRICE_RE.match(previous, m.end())
            and (
                _is_money(m["price"]) or re.match(r"\s*(?:a|an|per|each|/)\b", previous[m.end() :])
            )
        )
        or _AFTER_RATE_RE.match(previous, m.end())
    ]
    new = match.group("price") or match.group("rate")
    if not found and match["price"] and _is_money(new):
        # "and at 24.5p" after "27p per kwh": the one price of its kind said per something,
        # with no "at" before it.
        pence = new.lower().endswith("p")
        found = [
            m
            for m in _PRICE_PER_RE.finditer(previous)
            if _is_money(m["price"]) and m["price"].lower().endswith("p") == pence
        ]
    elif not found and match["per"]:
        # "and at 22.80 a metre" after "moulding is 14.50 a metre": the one price said per
        # the same thing.
        per = match["per"].split()[-1].lower()
        found = [
            m
            for m in _PRICE_PER_RE.finditer(previous)
            if re.match(rf"\s*(?:a|an|per|/)\s*{re.escape(per)}s?\b", previous[m.end() :], re.I)
            and _is_money(m["price"]) == _is_money(new)
        ]
    old = _only(found)
    if old is None:
        return None
    rate = _AFTER_RATE_RE.match(previous, old.end())
    if match["per"] and (
        rate is None or rate["per"].split()[-1].lower() != match["per"].split()[-1].lower()
    ):
        return None  # "and at 30 a minute" after a price a litre: not the same rate
    if match["rate"] and (rate is None or _is_money(old["price"])):
        return None  # "if the rate was 1.12" after a price: no rate was said
    if not _is_money(new) and _is_money(old["price"]):
        return None  # "at 80" for "at 68.5p": pence or pounds, not said
    return _spliced(previous, old.span("price"), new)


# "and if i sell 50" after "... sold 38 at £22, fees?": a new number of what the earlier
# request did (said in any tense), the rest of it the same.
_NEW_COUNT_DONE_RE = re.compile(
    _LEAD + r"(?:what\s+)?if\s+(?:i|we|they|he|she|you)\s+(?:(?:only|just|then)\s+)?"
    # "and if we use 3,400": thousands grouped with commas.
    r"(?P<verb>[a-z]+)\s+(?P<count>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*[.!?]*$",
    re.I,
)
# Past forms not made by adding "ed" or "d".
_PAST_OF = {
    "sell": "sold",
    "buy": "bought",
    "make": "made",
    "get": "got",
    "run": "ran",
    "ride": "rode",
    "drive": "drove",
    "swim": "swam",
    "spend": "spent",
    "pay": "paid",
    "send": "sent",
    "take": "took",
    "eat": "ate",
    "do": "did",
    "win": "won",
    "have": "had",
}


def _forms_of(verb: str) -> set[str]:
    """The forms a verb is said in: "sell", "sells", "selling", "sold"."""
    verb = verb.lower()
    base = next((b for b, past in _PAST_OF.items() if verb == past), verb)
    stem = base[:-1] if base.endswith("e") else base
    return {base, f"{base}s", f"{stem}ing", f"{stem}ed", f"{base}d", _PAST_OF.get(base, base)}


def _new_count_done(text: str, earlier: Sequence[str]) -> str | None:
    """ "and if i sell 50" after "etsy takes 6.5% of each sale, sold 38 at £22, fees?" is
    that request with "sold 50"; None unless the earlier request gives exactly one number
    right after a form of the same verb."""
    match = _NEW_COUNT_DONE_RE.match(text.strip())
    if match is None or not earlier:
        return None
    previous = resolve_follow_up(earlier[-1], earlier[:-1])
    forms = "|".join(sorted(_forms_of(match["verb"])))
    old = _only(
        list(
            re.finditer(
                rf"\b(?:{forms})\s+(?P<count>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)(?![\d.,%])",
                previous,
                re.I,
            )
        )
    )
    return None if old is None else _spliced(previous, old.span("count"), match["count"])


# "and last week 33 came" after "38 in the choir, 29 came tonight. attendance %?": a new
# number of those who did what the earlier request said, on another occasion.
_WHEN = (
    r"(?:(?:last|this|next)\s+(?:week|month|year|time|night|season|term)|yesterday|today|"
    r"tonight|on\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day)"
)
_NEW_COUNT_BEFORE_VERB_RE = re.compile(
    _LEAD + r"(?:" + _WHEN + r"[\s,]+)?(?:(?:only|just)\s+)?(?P<count>\d+)\s+(?P<verb>[a-z]+)"
    r"(?:[\s,]+" + _WHEN + r")?\s*[.!?]*$",
    re.I,
)


def _new_count_before_verb(text: str, earlier: Sequence[str]) -> str | None:
    """ "and last week 33 came" after "38 in the choir, 29 came tonight. attendance %?" is
    that request with "33 came"; None unless the earlier request says exactly one whole
    number right before a form of the same verb."""
    match = _NEW_COUNT_BEFORE_VERB_RE.match(text.strip())
    if match is None or not earlier or is_unit(match["verb"]):
        return None
    previous = resolve_follow_up(earlier[-1], earlier[:-1])
    forms = "|".join(sorted(_forms_of(match["verb"])))
    old = _only(list(re.finditer(rf"(?<![\w.,])\d+(?=\s+(?:{forms})\b)", previous, re.I)))
    return None if old is None else _spliced(previous, old.span(), match["count"])


# "and if we hit 25,000" after "18,400 downloads at $22 cpm, ad revenue?": the count the
# earlier request gave, reached another number, the rest of it the same.
_REACHED_RE = re.compile(
    _LEAD + r"(?:what\s+)?if\s+(?:i|we|they|he|she|you|it)\s+(?:(?:only|just)\s+)?"
    r"(?:hit|hits|reach|reaches|reached|get\s+to|gets\s+to|got\s+to)\s+"
    r"(?P<value>\d{1,3}(?:,\d{3})+|\d+)\s*[.!?]*$",
    re.I,
)
# A whole number with no money sign before it and no percent, decimal or letters after it.
_COUNT_SAID_RE = re.compile(
    r"(?<![\w.,%$\u00a3\u20ac])(?:\d{1,3}(?:,\d{3})+|\d+)(?![\w%]|[.,]\d|\s*(?:%|percent\b))",
    re.I,
)


def _reached(text: str, earlier: Sequence[str]) -> str | None:
    """ "and if we hit 25,000" after "18,400 downloads at $22 cpm, ad revenue?" is that
    request with 25,000 downloads; None unless the earlier request says exactly one whole
    number that is no money and no percentage (which of two counts is reached is not
    said)."""
    match = _REACHED_RE.match(text.strip())
    if match is None or not earlier:
        return None
    previous = resolve_follow_up(earlier[-1], earlier[:-1])
    old = _only(list(_COUNT_SAID_RE.finditer(previous)))
    return None if old is None else _spliced(previous, old.span(), match["value"])


def _what_if(text: str, earlier: Sequence[str]) -> str | None:
    """ "what if it was 1.39" after "petrol's 1.48 a litre and i put 42 litres in, how much"
    is the same request at 1.39 a litre; None unless exactly one number of the earlier
    request is of the new one's kind (decimal or whole)."""
    match = _WHAT_IF_RE.match(text.strip())
    if match is None or not earlier:
        return None
    previous = resolve_follow_up(earlier[-1], earlier[:-1])
    decimal = "." in match.group("value")
    old = _only([m for m in _PLAIN_NUMBER_RE.finditer(previous) if ("." in m[0]) == decimal])
    return None if old is None else _spliced(previous, old.span(), match.group("value"))


# "and if full valet was 70" after "mini valet 25, full valet 65. did 14 minis and 5
# fulls, takings?": the amount said right after the thing named, changed.
_NAMED_WHAT_IF_RE = re.compile(
    _LEAD + r"(?:what\s+)?if\s+(?:the\s+|a\s+|an\s+)?(?P<name>[a-z]+(?:\s+[a-z]+){0,2}?)\s+"
    r"(?:was|were|is|are|cost|costs|(?:went|go|goes)\s+(?:up|down)\s+to)\s+"
    r"[\u00a3$\u20ac]?(?P<value>\d+(?:\.\d+)?)\s*[.!?]*$",
    re.I,
)
# Names that point at something said before, not one the earlier request names.
_NO_NAME = frozenset({"it", "that", "this", "they", "them", "he", "she", "i", "we", "you", "there"})


def _named_what_if(text: str, earlier: Sequence[str]) -> str | None:
    """ "and if full valet was 70" after "mini valet 25, full valet 65. ..." is that request
    with "full valet 70"; None unless the earlier request says the name, right before an
    amount (after "is", ":" or "=", or nothing), exactly once."""
    match = _NAMED_WHAT_IF_RE.match(text.strip())
    if match is None or not earlier or match["name"].split()[0].lower() in _NO_NAME:
        return None
    previous = resolve_follow_up(earlier[-1], earlier[:-1])
    name = r"\s+".join(map(re.escape, match["name"].split()))
    said = re.compile(
        # "12 trims at 40": the price of each, said after "at".
        rf"\b{name}s?\s*(?:is\s+|are\s+|at\s+|:\s*|=\s*)?[\u00a3$\u20ac]?"
        r"(?P<amount>\d+(?:\.\d+)?)(?![\d%]|[.,]\d|\s*%)",
        re.I,
    )
    old = _only(list(said.finditer(previous)))
    return None if old is None else _spliced(previous, old.span("amount"), match["value"])


# "1 knot = 1.15078 mph", "£1 = 188 yen": a unit defined by another, whose amounts are no
# amounts of the request that a follow-up could change.
_DEFINITION_RE = re.compile(
    r"(?<![\w.])[\u00a3$\u20ac]?1\s*(?:[a-z]+\s*)?=\s*[\u00a3$\u20ac]?\d[\d,]*(?:\.\d+)?"
    r"(?:\s*[a-z]+)?",
    re.I,
)


def _defined(text: str, match: re.Match[str]) -> bool:
    """Whether ``match`` lies in a definition of a unit said in ``text``."""
    return any(
        d.start() <= match.start() and match.end() <= d.end() for d in _DEFINITION_RE.finditer(text)
    )


# "and 2000 m in 38:20" after "swam 1500 m in 27:45, pace per 100m in seconds?", "and if id
# done 49:45" after "ran 10k in 52:30, pace per km?": new amounts in the place of the
# earlier request's own, each of a unit (or a time on a clock) it says exactly once.
_CLOCK = r"\d{1,2}:\d{2}(?::\d{2})?"
_PARALLEL_AMOUNT_RE = re.compile(
    rf"(?<![\w.:,])(?:(?P<clock>{_CLOCK})|(?P<number>\d+(?:\.\d+)?)\s*(?P<unit>[a-z]+)\b"
    # "12 l a day": an amount per something, which only takes the place of one per the same.
    r"(?:\s+(?P<per>(?:a|an|per)\s+[a-z]+)\b)?)"
    r"(?![:\d])",
    re.I,
)
# The words such a follow-up is said with, besides its amounts.
_PARALLEL_WORDS = frozenset(
    [
        "and",
        "what",
        "about",
        "how",
        "if",
        "i",
        "we",
        "id",
        "i'd",
        "had",
        "have",
        "done",
        "did",
        "do",
        "ran",
        "run",
        "swam",
        "walked",
        "rode",
        "cycled",
        "in",
        "instead",
        "then",
        "ok",
        "okay",
        "so",
        "now",
        "only",
        "just",
        "cut",
        "down",
        "up",
        "to",
        "use",
        "used",
        "drop",
        "go",
        "went",
    ]
)


def _parallel_amounts(text: str, earlier: Sequence[str]) -> str | None:
    """ "and 2000 m in 38:20" after "swam 1500 m in 27:45, pace per 100m in seconds?" is
    "swam 2000 m in 38:20, pace per 100m in seconds?"; None unless the follow-up is only
    amounts (and words saying it follows on) and each amount has exactly one of its unit in
    the earlier request (a time on a clock for a time on a clock; an amount after "per" or
    in a unit's definition is no candidate)."""
    said = text.strip().rstrip(".!?")
    new = list(_PARALLEL_AMOUNT_RE.finditer(said))
    if not new or not earlier:
        return None
    rest = _PARALLEL_AMOUNT_RE.sub(" ", said)
    if re.search(r"\d", rest) or any(
        w not in _PARALLEL_WORDS for w in re.findall(r"[a-z']+", rest.lower())
    ):
        return None
    if any(m["unit"] and not names_unit(m["unit"]) for m in new):
        return None
    previous = resolve_follow_up(earlier[-1], earlier[:-1])
    olds = [
        m
        for m in _PARALLEL_AMOUNT_RE.finditer(previous)
        if not _defined(previous, m) and not re.search(r"\bper\s*$", previous[: m.start()], re.I)
    ]
    spans: list[tuple[tuple[int, int], str]] = []
    for m in new:
        if m["clock"]:
            same = [o for o in olds if o["clock"]]
        else:
            same = [
                o
                for o in olds
                if o["unit"]
                and (
                    o["unit"].lower().rstrip("s") == m["unit"].lower().rstrip("s")
                    or same_unit(o["unit"], m["unit"])
                )
                and (
                    not m["per"] or (o["per"] or "").split()[-1:] == [m["per"].split()[-1].lower()]
                )
            ]
        old = _only(same)
        if old is None:
            return None
        # The amount in its own words: "7 ft" for "4 feet", the unit as the follow-up says it.
        span = old.span("clock") if old["clock"] else (old.start("number"), old.end("unit"))
        new_amount = m["clock"] or said[m.start("number") : m.end("unit")]
        spans.append((span, new_amount))
    if len({span for span, _ in spans}) != len(spans):
        return None
    for span, value in sorted(spans, reverse=True):
        previous = _spliced(previous, span, value)
    return previous


# "and 54 out of 65 on the resit" after "got 47 out of 65 on my mock, as a %": another score
# out of a total, in the place of the one the earlier request gave.
_NEW_OUT_OF_RE = re.compile(
    _LEAD + r"(?:(?:what|how)\s+about\s+|(?:what\s+)?if\s+(?:i|we|you|he|she|they)\s+"
    r"(?:got|get|gets|scored|score|scores|had)\s+)?"
    r"(?P<score>\d+(?:\.\d+)?\s+out\s+of\s+\d+(?:\.\d+)?)"
    # "on the resit", "in the final": which test it was, which changes nothing of the sum.
    r"(?:\s+(?:on|in|for|at)\s+(?:the|my|her|his|our|their|a|an)\s+[a-z]+(?:\s+[a-z]+)?)?"
    r"(?:\s+(?:then|instead))?\s*[.!?]*$",
    re.I,
)
_OUT_OF_RE = re.compile(r"(?<![\w.])\d+(?:\.\d+)?\s+out\s+of\s+\d+(?:\.\d+)?(?![\w.]|\.\d)", re.I)


def _new_out_of(text: str, earlier: Sequence[str]) -> str | None:
    """ "and 54 out of 65 on the resit" after "got 47 out of 65 on my chem mock, as a %" is
    "got 54 out of 65 on my chem mock, as a %"; None unless the earlier request gives
    exactly one score out of a total."""
    match = _NEW_OUT_OF_RE.match(text.strip())
    if match is None or not earlier:
        return None
    previous = resolve_follow_up(earlier[-1], earlier[:-1])
    old = _only(list(_OUT_OF_RE.finditer(previous)))
    return None if old is None else _spliced(previous, old.span(), match["score"])


# "actually 2 more are coming", "and 3 more people joining", "and if 4 more kids come":
# the count of people the earlier request shared among or was for, grown by so many.
_MORE_JOIN_RE = re.compile(
    _LEAD + r"(?:actually[\s,]+|oh[\s,]+)*(?:(?:what\s+)?if\s+)?(?P<more>\d+)\s+more"
    r"(?:\s+(?:people|friends|guests|of\s+us|(?P<who>[a-z]+s)))?\s+(?:are\s+|is\s+)?"
    r"(?:coming|joining|come|join|on\s+(?:their|the)\s+way|turning\s+up|turn\s+up)"
    r"(?:\s+(?:too|now|as\s+well))?\s*[.!?]*$",
    re.I,
)


def _more_join(text: str, earlier: Sequence[str]) -> str | None:
    """ "actually 2 more are coming" after "split 96 between 4 people" is "split 96 between
    6 people"; None unless the earlier request shares among exactly one number."""
    match = _MORE_JOIN_RE.match(text.strip())
    if match is None or not earlier:
        return None
    previous = resolve_follow_up(earlier[-1], earlier[:-1])
    old = _only(
        list(
            re.finditer(
                rf"\b{_COUNT_WORDS}\s+(?P<number>\d+)\b(?:\s+(?P<who>[a-z]+))?", previous, re.I
            )
        )
    )
    if old is None:
        return None
    who = match.group("who")
    if who and (old.group("who") is None or singular(old.group("who")) != singular(who)):
        return None  # "4 more kids" after "between 4 people": the kids were not counted
    total = int(old.group("number")) + int(match.group("more"))
    return _spliced(previous, old.span("number"), str(total))


# "oh and parking is another 15 a night on top, whats the new total": a charge at the same
# rate per period as the earlier request's one, added to it.
_ANOTHER_ON_TOP_RE = re.compile(
    _LEAD
    + r"(?:actually[\s,]+|oh[\s,]+|and[\s,]+)*(?:(?:the\s+)?[a-z]+(?:\s+[a-z]+)?\s+(?:is|costs?)\s+"
    r"(?:another|an\s+extra|a\s+further)\s+[$\u20ac\u00a3]?(?P<more>\d+(?:\.\d+)?)\s+(?:a|per)\s+"
    r"(?P<per>night|day|week|month|person|head)(?:\s+on\s+top)?[\s,.]*"
    r"(?:what(?:'s|s|\s+is)|whats)\s+(?:the\s+)?new\s+total"
    # "add 35 a day for the excess waiver", "plus another 12 a night for parking": the
    # charge said as what to add.
    r"|(?:add|plus)\s+(?:(?:another|an\s+extra|a\s+further)\s+)?[$\u20ac\u00a3]?"
    r"(?P<added>\d+(?:\.\d+)?)\s+(?:a|per)\s+(?P<added_per>night|day|week|month|person|head)"
    r"(?:\s+for\s+(?:the\s+|a\s+|an\s+)?[a-z]+(?:\s+[a-z]+){0,2})?(?:\s+on\s+top)?"
    r"(?:[\s,]+(?:too|as\s+well|please|pls))?)\s*[.!?]*$",
    re.I,
)


def _another_on_top(text: str, earlier: Sequence[str]) -> str | None:
    """ "parking is another 15 a night on top, whats the new total" after "hotel is 94 a night
    for 5 nights, total?" is "hotel is 109 a night for 5 nights, total?"; None unless the
    earlier request says exactly one amount at that rate per period."""
    match = _ANOTHER_ON_TOP_RE.match(text.strip())
    if match is None or not earlier:
        return None
    previous = resolve_follow_up(earlier[-1], earlier[:-1])
    per = match.group("per") or match.group("added_per")
    rated = rf"(?<![\w.])[$\u20ac\u00a3]?(?P<rate>\d+(?:\.\d+)?)\s+(?:a|per)\s+{per}\b"
    old = _only(list(re.finditer(rated, previous, re.I)))
    if old is None:
        return None
    rate, more = old.group("rate"), match.group("more") or match.group("added")
    places = max(len(n.partition(".")[2]) for n in (rate, more))
    return _spliced(previous, old.span("rate"), f"{float(rate) + float(more):.{places}f}")


# "now in feet", "and in yards?", "what about in ounces": the same amount in another unit.
_IN_UNIT_RE = re.compile(
    _LEAD
    # "what is that in metres", "how much is it in pounds": the same ask, about "that".
    + r"(?:(?:what(?:'s|\s+is|\s+was)|how\s+much\s+is)\s+(?:that|it|this)\s+"
    r"|what\s+would\s+(?:that|it)\s+be\s+"
    # "same thing in fahrenheit", "do the same but in miles".
    r"|(?:do\s+)?(?:the\s+)?same(?:\s+thing)?(?:\s+but)?\s+)?"
    r"(?:(?:what|how)\s+about\s+)?(?:in|into|to)\s+(?P<target>[a-z]+(?:/[a-z]+)?)"
    # "in grams then?", "to miles instead": a word closing the ask changes nothing.
    r"(?:[\s,]+(?:then|instead|please|now))?\s*[.!?]*",
    re.I,
)
# "Convert 3 meters to inches", "2 kg in pounds?": the unit a conversion ends with.
_CONVERSION_TARGET_RE = re.compile(
    r"\d\S*\s*(?:degrees\s+)?[A-Za-z]+(?:/[A-Za-z]+)?\s+(?:to|in|into)\s+(?:degrees\s+)?"
    r"(?P<unit>[A-Za-z]+(?:/[A-Za-z]+)?)\s*[.!?]*$",
)


# Temperature scales, which the unit table converts by formula and does not list as units.
_TEMPERATURES = frozenset({"c", "f", "k", "celsius", "fahrenheit", "centigrade", "kelvin"})


def _unit(word: str) -> bool:
    return names_unit(word) or word.lower() in _TEMPERATURES


def _new_target_unit(text: str, earlier: Sequence[str]) -> str | None:
    """ "now in feet" after "Convert 3 meters to inches" is "Convert 3 meters to feet"; None
    when the earlier request is no conversion of an amount, or the unit is none."""
    match = _IN_UNIT_RE.fullmatch(text.strip())
    if match is None or not _unit(match.group("target")) or not earlier:
        return None
    previous = resolve_follow_up(earlier[-1], earlier[:-1])
    conversion = _CONVERSION_TARGET_RE.search(previous)
    if conversion is None or not _unit(conversion.group("unit")):
        return None
    return (
        previous[: conversion.start("unit")]
        + match.group("target")
        + previous[conversion.end("unit") :]
    )


_QUANTITY_RE = re.compile(
    r"(?P<number>\$?\d[\d,]*(?:\.\d+)?)\s*(?:(?P<percent>%|percent\b)|(?P<unit>[A-Za-z]+))?"
)
_QUANTITY_IN_TEXT_RE = re.compile(
    r"(?<![\w.])\$?\d[\d,]*(?:\.\d+)?(?:\s*(?P<percent>%|percent\b)|\s+(?P<unit>[A-Za-z]+))?"
)


def _swap_quantity(previous: str, quantity: re.Match[str]) -> str | None:
    """ "What's 20% of 150?" with "35%" is "What's 35% of 150?"; "Convert 10 miles to km"
    with "26.2 miles" is "Convert 26.2 miles to km": a percentage for a percentage, an
    amount of a unit for an amount of the same unit, a lone number for a lone number."""
    # "(1 knot = 1.15078 mph)": a unit's definition holds no amount of the request.
    found = [m for m in _QUANTITY_IN_TEXT_RE.finditer(previous) if not _defined(previous, m)]
    if quantity.group("percent"):
        same = [m for m in found if m.group("percent")]
    elif quantity.group("unit"):
        unit = quantity.group("unit").lower()
        same = [
            m
            for m in found
            if (m.group("unit") or "").lower().rstrip("s") == unit.rstrip("s")
            # "6 ft" after "5 feet in cm": one unit, said two ways.
            or same_unit(m.group("unit") or "", unit)
        ]
    else:
        # "and on 1,360?" after "add 15% gst to 240": the one number that is neither a
        # percentage nor an amount of a unit.
        bare = [m for m in found if not m.group("percent") and not m.group("unit")]
        same = found if len(found) == 1 else bare
    if len(same) != 1:
        return None
    old = same[0]
    if not quantity.group("percent") and not quantity.group("unit"):
        # "what about 100?" after "Convert 50 fahrenheit to celsius": only the number
        # changes; the unit or the percent sign it had stays.
        number = _QUANTITY_RE.match(old.group(0))
        assert number is not None
        return (
            previous[: old.start()]
            + quantity.group(0)
            + previous[old.start() + number.end("number") :]
        )
    return previous[: old.start()] + quantity.group(0) + previous[old.end() :]


# "12 stone 4 lb", "2 hours 15 minutes": one amount in two units of one dimension.
_TWO_UNITS_RE = re.compile(
    r"(?P<amount>\d+(?:\.\d+)?\s*(?P<larger>[A-Za-z]+)\s+(?:and\s+)?\d+(?:\.\d+)?\s*"
    r"(?P<smaller>[A-Za-z]+))"
)


def _swap_two_units(previous: str, amount: re.Match[str]) -> str | None:
    """ "15 stone in kg" with "12 st 4 lb" is "12 stone 4 lb in kg": the amount in the
    larger unit swapped for the one said in both; None unless there is exactly one."""
    larger, smaller = amount.group("larger"), amount.group("smaller")
    if not is_unit(larger) or not is_unit(smaller):
        return None
    same = [
        m
        for m in _QUANTITY_IN_TEXT_RE.finditer(previous)
        if m.group("unit")
        and (
            m.group("unit").lower().rstrip("s") == larger.lower().rstrip("s")
            or same_unit(m.group("unit"), larger)
        )
    ]
    if len(same) != 1:
        return None
    return previous[: same[0].start()] + amount.group("amount") + previous[same[0].end() :]


_FIGURE_RE = re.compile(r"\b" + _FIGURE + r"\b", re.I)
_SHORT_SPREAD_RE = re.compile(r"\b(?:sd|std\.?\s*dev)\b", re.I)
_OF_AMOUNT_RE = re.compile(r"(?:%|\bpercent)\s+of\s+(?P<amount>\$?\d[\d,]*(?:\.\d+)?)", re.I)


# What joins the figures of a list of them: "mean and median", "the mean, the median and the
# mode".
_FIGURE_JOIN_RE = re.compile(r"\s*(?:,|&|\band\b|,\s*and\b)\s*(?:the\s+)?", re.I)


def _swap_figure(previous: str, figure: str) -> str | None:
    """ "What's the average of 4, 8 and 12?" with "the median" is "What's the median of 4,
    8 and 12?", and "scores 9.2 8.8 9.6, mean and median?" with "lowest and highest?" is
    "scores 9.2 8.8 9.6, lowest and highest?" (the figures asked, one list of them, in
    place of the other). "and the sample sd" after "mean and median?" asks one figure more
    of the same values, whose earlier figures were answered: it takes the list's place
    too. None unless the earlier request names one figure, or one list of them."""
    found = list(_FIGURE_RE.finditer(previous))
    if not found or any(
        not _FIGURE_JOIN_RE.fullmatch(previous[a.end() : b.start()])
        for a, b in itertools.pairwise(found)
    ):
        return None
    return previous[: found[0].start()] + figure + previous[found[-1].end() :]


def _swap_amount(previous: str, amount: str) -> str | None:
    """ "Calculate 15% of 80" with "of 300" is "Calculate 15% of 300"; None unless the earlier
    request takes exactly one percentage of an amount."""
    found = list(_OF_AMOUNT_RE.finditer(previous))
    if len(found) != 1:
        return None
    return previous[: found[0].start("amount")] + amount + previous[found[0].end("amount") :]


# "what about the keywords?" after the sentiment of a quote: another ask of the same text.
_TEXT_ASK_RE = re.compile(r"(?:the\s+)?(?P<ask>" + _TEXT_ASK + ")", re.I)


def _substitute(previous: str, subject: str) -> str | None:
    """Replace the subject of ``previous`` by ``subject``, matching like with like; None when
    the subject is a figure or an amount that the earlier request has no place for."""
    text_ask = _TEXT_ASK_RE.fullmatch(subject)
    if text_ask:
        quoted = _QUOTED_RE.search(previous)
        return f"Give me the {text_ask.group('ask')} of {quoted.group(0)}" if quoted else None
    figure = re.fullmatch(
        r"(?:the\s+)?(?P<figure>" + _ASKED_FIGURES + r")" + _ONE_OF_THEM, subject, re.I
    )
    if figure:
        # "the sample sd": the figure by its full name, which the skills are known by.
        named = _SHORT_SPREAD_RE.sub("standard deviation", figure.group("figure"))
        swapped = _swap_figure(previous, named)
        numbers = _NUMBERS_RE.search(previous)
        if swapped is None and numbers and not _FIGURE_RE.search(previous):
            # "and the largest one?" after "add up 12, 30 and 7": the same numbers, asked
            # for the figure the earlier request computed without naming it.
            return f"What's the {named} of {numbers.group(0)}"
        return swapped
    of_amount = re.fullmatch(r"of\s+(?P<amount>\$?\d[\d,]*(?:\.\d+)?)", subject, re.I)
    if of_amount:
        return _swap_amount(previous, of_amount.group("amount"))
    if _QUOTED_RE.fullmatch(subject):
        quoted = _QUOTED_RE.search(previous)
        if quoted:
            return previous[: quoted.start()] + subject + previous[quoted.end() :]
    if _EXPRESSION_RE.fullmatch(subject):
        spans = list(_EXPRESSION_RE.finditer(previous))
        if spans:
            span = max(spans, key=lambda m: len(m.group(0)))
            return previous[: span.start()] + subject + previous[span.end() :]
    two_units = _TWO_UNITS_RE.fullmatch(units_apart(subject))
    if two_units:
        return _swap_two_units(previous, two_units)
    quantity = _QUANTITY_RE.fullmatch(subject)
    if quantity:
        swapped = _swap_quantity(previous, quantity)
        if swapped is not None:
            return swapped
    if _NUMBERS_RE.fullmatch(subject):
        numbers = _NUMBERS_RE.search(previous)
        if numbers:
            return previous[: numbers.start()] + subject + previous[numbers.end() :]
    if _YEAR_RE.fullmatch(subject):
        if _YEAR_RE.search(previous):
            return _YEAR_RE.sub(subject, previous)
        return f"{previous.rstrip(' .')} for {subject}"

    if re.fullmatch(r"[\u00a3$\u20ac]?\d[\d,]*(?:\.\d+)?%?", subject.strip(" .!?")):
        # "and if i sell 50" after "... sold 38 at £22, fees?": a number alone takes the place
        # of no topic of words ("each sale, sold 38 at £22, fees" became "50"); which
        # number of the earlier request it replaces is not said.
        return None
    masked = mask_material(previous)
    requests = [c for c in split_clauses(masked.text) if c.is_request]
    old = masked.restore(topic_of(requests[0].text)) if requests else ""
    old = old.rstrip(" .!?")
    if old and old.lower() != subject.lower() and old.lower() in previous.lower():
        start = previous.lower().index(old.lower())
        if re.search(r"\b(?:a|an|the)\s+$", previous[:start], re.I):
            # "a lighthouse keeper" with "a train driver": one article, not two.
            subject = re.sub(r"^(?:a|an|the)\s+", "", subject, flags=re.I)
        return re.sub(re.escape(old), lambda _: subject, previous, flags=re.I)
    return f"{previous.rstrip(' .')} for {subject}"

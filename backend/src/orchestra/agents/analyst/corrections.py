"""Corrections said after a request: "whats 54 x 18? sorry, I meant 45 not 54".

People fix a number they typed in the next breath ("I meant 45 not 54", "the 54 should be
45", "sorry, 45 not 54"). Computing on the number corrected would report a wrong answer
as done, so a correction is applied before the request is read: the sentence that says it
is taken out, and the old number, when the rest of the request gives it exactly once, is
replaced by the new one. A correction that cannot be applied so (no new number said,
"sorry typo" alone, an old number given twice or not at all) is refused with its reason.
"""

from __future__ import annotations

import re

from orchestra.agents.protocol import AgentInputError

__all__ = ["apply_corrections"]

_NUMBER = r"-?\d[\d,]*(?:\.\d+)?"
# Words that open a correction: "sorry,", "oops", "typo:", "correction -".
_CUES = (
    r"(?:(?:sorry|soz|oops|whoops|correction|typo|my\s+bad|edit|wait|actually|hang\s+on)\b"
    r"[\s,:;!.-]*)"
)
# The readings of a correction: the new number and the old one.
_READINGS = (
    # "I meant 45 not 54", "meant 45 instead of 54", "it's 45, not 54", "45 not 54"
    re.compile(
        rf"(?:\bi\s+mean(?:t)?\s+|\bit'?s\s+|\bshould\s+(?:have\s+)?(?:be|been)\s+)?"
        rf"(?P<new>{_NUMBER})%?\s*,?\s+(?:not|instead\s+of|rather\s+than)\s+(?P<old>{_NUMBER})(?:%|\b)",
        re.I,
    ),
    # "the 54 should be 45", "54 should have been 45", "the 54 was meant to be 45"
    re.compile(
        rf"\b(?:the\s+)?(?P<old>{_NUMBER})\s+(?:should\s+(?:have\s+)?(?:be|been)|"
        rf"(?:was|is)\s+(?:meant|supposed)\s+to\s+be|(?:is|was)\s+(?:actually|really))\s+"
        rf"(?P<new>{_NUMBER})\b",
        re.I,
    ),
    # "not 54 but 45", "not 54, 45"
    re.compile(rf"\bnot\s+(?P<old>{_NUMBER})\s*,?\s+(?:but\s+)?(?P<new>{_NUMBER})\b", re.I),
)
# A sentence that says a number was wrong, though no reading above finds which.
_SAYS_CORRECTION = re.compile(
    r"\b(?:i\s+meant|typo|correction)\b|"
    r"\b(?:sorry|soz|oops|whoops|my\s+bad)\b.*\b(?:meant|should|instead|wrong)\b",
    re.I,
)
# Where a correction starts: its cue, or "I meant".
_STARTS = re.compile(rf"{_CUES}|\bi\s+mean(?:t)?\b", re.I)
# A sentence of the request, with the mark that ends it (not the point of "3.5").
_SENTENCE = re.compile(r"(?:[^.?!;\n\u2014\u2013]|\.(?=\d))+(?:[.?!;\n\u2014\u2013]+|$)")


def apply_corrections(text: str, said: str = "") -> str:
    """``text`` with each correction it says applied and the words saying them taken
    out; ``text`` as it is when it says none. A correction the user ``said`` (the whole
    request, of which ``text`` is one step) that ``text`` leaves out is applied to it too
    when its old number is in it: the step must not compute on it either. Raises
    `AgentInputError` for a correction that cannot be applied."""
    original = text
    for sentence in _sentences(text):
        found = (
            _reading(sentence)
            or _made_that(sentence, text)
            or _restated(sentence, text)
            or _count_now(sentence, text)
            or _unit_again(sentence, text)
        )
        if found is None:
            if _SAYS_CORRECTION.search(sentence):
                words = re.sub(r"\b(?:Context|Task):\s*", "", sentence).strip(" .,;\n")
                raise AgentInputError(_refusal(f"'{words}' corrects a number"))
            continue
        new, old, start = found
        at = text.index(sentence)
        text = _replaced(f"{text[: at + start]} {text[at + len(sentence) :]}", old, new)
    if text == original:
        for sentence in _sentences(said):
            found = _reading(sentence)
            if found is not None and _occurrences(text, found[1]):
                text = _replaced(text, found[1], found[0])
    return text if text == original else _tidy(text)


def _sentences(text: str) -> list[str]:
    return [m.group(0) for m in _SENTENCE.finditer(text) if m.group(0).strip()]


def _reading(sentence: str) -> tuple[str, str, int] | None:
    """The new and old number of a sentence that is a correction, and where in it the
    correction starts; None for no correction. "45 not 54" is one only after a cue
    ("sorry", "I meant"): alone it may be part of a question."""
    cue = _STARTS.search(sentence)
    for number, pattern in enumerate(_READINGS):
        match = pattern.search(sentence)
        if match is None or (cue is None and number != 1):
            continue
        start = min(match.start(), cue.start()) if cue else match.start()
        return match.group("new"), match.group("old"), start
    return None


# "actually no sorry, make that 25%": the new number alone, the old one being the one of its
# kind (a percentage, or a plain number) that the request gives.
_MAKE_THAT = re.compile(
    rf"\bmake\s+(?:that|it)\s+(?P<new>{_NUMBER})\s*(?P<percent>%|percent\b)?(?:\s+instead)?"
    r"\s*[.!]*\s*$",
    re.I,
)
_PERCENTAGE = re.compile(rf"(?<![\d.,])({_NUMBER})\s*(?:%|percent\b)", re.I)
_PLAIN = re.compile(rf"(?<![\d.,])({_NUMBER})(?![\d]|[.,]\d|\s*(?:%|percent\b))", re.I)


def _made_that(sentence: str, text: str) -> tuple[str, str, int] | None:
    cue = _STARTS.search(sentence)
    made = _MAKE_THAT.search(sentence)
    if cue is None or made is None or cue.start() > made.start():
        return None
    before = text[: text.index(sentence) + cue.start()]
    olds = (_PERCENTAGE if made.group("percent") else _PLAIN).findall(before)
    if len(olds) != 1:
        raise AgentInputError(
            _refusal(f"'make that {made.group('new')}' does not say which number it replaces")
        )
    return made.group("new"), olds[0], cue.start()


# "times 48 by 15 for me - wait no, sorry, 48 by 16": the pair said again, one number new.
_PAIR_AGAIN = re.compile(
    rf"(?P<a>{_NUMBER})\s+(?P<op>by|x|times|of|plus|minus|and)\s+(?P<new>{_NUMBER})\s*[.!?]*\s*$",
    re.I,
)


def _restated(sentence: str, text: str) -> tuple[str, str, int] | None:
    cue = _STARTS.search(sentence)
    again = _PAIR_AGAIN.search(sentence)
    if cue is None or again is None or cue.start() > again.start():
        return None
    before = text[: text.index(sentence) + cue.start()]
    said = re.findall(
        rf"(?<![\d.,]){_written(again['a'].replace(',', ''))}\s+{again['op']}\s+({_NUMBER})",
        before,
        re.I,
    )
    if len(said) != 1 or said[0] == again["new"]:
        return None
    return again["new"], said[0], cue.start()


# "no hang on, there's 8 now", "wait, there are 8 of us", "actually it's 8": a new number
# alone, said as how many there are now ("it's" names no kind: the one number of its own).
_COUNT_NOW = re.compile(
    rf"\b(?:(?P<it>it'?s|it\s+is|it\s+was)|there'?s|there\s+is|there\s+are|we'?re|we\s+are)\s+"
    rf"(?P<new>{_NUMBER})(?P<percent>\s*(?:%|percent\b))?(?:\s+of\s+us)?(?:\s+now)?"
    r"(?:\s+instead)?\s*[.!]*\s*$",
    re.I,
)
# How many share: "6 of us", "6 people", "between 6" (not "between 6 and 8").
_PEOPLE = re.compile(
    r"(?<![\d.,])(?P<count>\d+)\s+(?:of\s+us|people|persons|ways|friends|guests|mates)\b"
    r"|\bbetween\s+(?P<between>\d+)\b(?!\s*(?:and|-|%|[.,]\d))",
    re.I,
)


# "23 each for 5 of us, no hang on, 6 of us": the new count said alone with who it counts.
_COUNT_ALONE = re.compile(
    r"(?<![\d.,])(?P<new>\d+)\s+(?:of\s+us|people|persons|friends|guests|mates)"
    r"(?:\s+now)?(?:\s+instead)?\s*[.!]*\s*$",
    re.I,
)


def _count_now(sentence: str, text: str) -> tuple[str, str, int] | None:
    cue = _STARTS.search(sentence)
    now = _COUNT_NOW.search(sentence) or _COUNT_ALONE.search(sentence)
    if cue is None or now is None or cue.start() > now.start():
        return None
    if now.re is _COUNT_ALONE and sentence[cue.end() : now.start()].strip(" ,"):
        return None  # words between the cue and the count: not the count said again
    # The rest of the request, before or after (the planner may set the correction first),
    # and the ask it follows in its own sentence ("split 240 between 6, no hang on, ...").
    at = text.index(sentence)
    rest = f"{text[: at + cue.start()]} {text[at + len(sentence) :]}"
    if now.re is _COUNT_NOW and now["it"]:
        olds = (_PERCENTAGE if now["percent"] else _PLAIN).findall(rest)
        if len(olds) > 1 and not now["percent"]:
            # "28 hrs at 11.60 - oh wait, it was 26": a whole number corrects the one whole
            # number given, not an amount written with decimals (nor the other way).
            olds = [old for old in olds if ("." in old) == ("." in now["new"])]
    elif now.re is _COUNT_NOW and now["percent"]:
        return None
    else:
        olds = list({m["count"] or m["between"] for m in _PEOPLE.finditer(rest)})
    if len(olds) != 1:
        raise AgentInputError(
            _refusal(f"'{now.group(0).strip(' .!')}' does not say which number it replaces")
        )
    # "oh wait, no, ...": a "no" or "oh" before the cue goes with it.
    said_no = re.search(r"(?:\b(?:no|nah|oh|um|erm?)\b[\s,]*)+$", sentence[: cue.start()], re.I)
    return now["new"], olds[0], said_no.start() if said_no else cue.start()


# "36 hours at 12.40... no wait, it was 38 hours": the new number with its unit, the old one
# being the one number the rest of the request gives in that unit.
_UNIT_AGAIN = re.compile(
    rf"\b(?:it\s+was|it'?s|it\s+is|(?:make|made)\s+(?:that|it)|i\s+meant|should\s+be|was)\s+"
    rf"(?:actually\s+|really\s+)?(?P<new>{_NUMBER})\s+(?P<unit>[a-z]{{2,}}?)s?"
    r"(?:\s+instead)?\s*[.!]*\s*$",
    re.I,
)


# "14 dozen at 3.20 a dozen - no sorry, 16 dozen": the new number with its unit, said
# straight after the cue.
_UNIT_ALONE = re.compile(
    rf"(?<![\d.,])(?P<new>{_NUMBER})\s+(?P<unit>[a-z]{{2,}}?)s?(?:\s+instead)?\s*[.!]*\s*$", re.I
)


def _unit_again(sentence: str, text: str) -> tuple[str, str, int] | None:
    cue = _STARTS.search(sentence)
    again = _UNIT_AGAIN.search(sentence)
    if again is None and cue is not None:
        alone = _UNIT_ALONE.search(sentence, cue.end())
        if alone is not None and not sentence[cue.end() : alone.start()].strip(" ,:-"):
            again = alone
    if cue is None or again is None or cue.start() > again.start():
        return None
    at = text.index(sentence)
    rest = f"{text[: at + cue.start()]} {text[at + len(sentence) :]}"
    unit = re.escape(again["unit"])
    olds = set(re.findall(rf"(?<![\d.,])({_NUMBER})\s+{unit}s?\b", rest, re.I))
    if not olds:
        return None
    if len(olds) != 1:
        raise AgentInputError(
            _refusal(f"'{again.group(0).strip(' .!')}' does not say which number it replaces")
        )
    # "no wait, ...": a "no" before the cue goes with it.
    said_no = re.search(r"(?:\b(?:no|nah|oh|um|erm?)\b[\s,]*)+$", sentence[: cue.start()], re.I)
    return again["new"], olds.pop(), said_no.start() if said_no else cue.start()


def _replaced(text: str, old: str, new: str) -> str:
    """``text`` with the one number ``old`` replaced by ``new``."""
    pattern = _pattern(old)
    found = pattern.findall(text)
    if len(found) != 1:
        said = "does not give" if not found else "gives more than once"
        raise AgentInputError(
            _refusal(f"the correction names {old}, which the rest of the request {said}")
        )
    return pattern.sub(new.replace(",", ""), text)


def _pattern(number: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\d.,]){_written(number.replace(',', ''))}(?![\d]|[.,]\d)")


def _occurrences(text: str, number: str) -> int:
    return len(_pattern(number).findall(text))


def _written(number: str) -> str:
    """A pattern for ``number`` as written, with or without thousands separators."""
    whole, _, fraction = number.lstrip("-").partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    pattern = ",?".join(re.escape(g) for g in groups)
    if fraction:
        pattern += re.escape(f".{fraction}")
    return ("-" if number.startswith("-") else "") + pattern


def _tidy(text: str) -> str:
    """The request once a sentence was taken out: no empty "Context:", no stray marks."""
    text = re.sub(r"^\s*Context:\s*[\W_]*\s*Task:\s*", "", text)
    text = re.sub(r"\s+[\u2014\u2013,;:-]?\s*$|[\u2014\u2013,;:]\s*$", "", text)
    return re.sub(r"[ \t]{2,}", " ", text).strip()


def _refusal(why: str) -> str:
    return (
        f"Not sure enough to answer, so nothing was computed: {why}, and which number "
        "to use instead is not clear. Send the request again with the right numbers."
    )

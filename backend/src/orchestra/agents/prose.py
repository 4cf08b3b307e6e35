"""Plain-text algorithms shared by both agents: sentences, tokens, summaries, keywords.

Everything here is deterministic, dependency-free and CPU-light, so the agents give
useful answers offline; callers run it directly (inputs are bounded to about 1 MB).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = [
    "INSTRUCTION_WORDS",
    "STOPWORDS",
    "Keyword",
    "content_words",
    "keywords",
    "split_sentences",
    "strip_inflection",
    "summarize",
    "tokenize",
    "word_frequencies",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOPWORDS: frozenset[str] = _words(
    "a about above after again against all also am an and any are aren't as at be because "
    "been before being below between both but by can can't cannot could couldn't did "
    "didn't do does doesn't doing don't down during each either etc few for from further "
    "get gets got had hadn't has hasn't have haven't having he he'd he'll he's her here "
    "here's hers herself him himself his how how's however i i'd i'll i'm i've if in into "
    "is isn't it it's its itself just let's like may me might more most much must mustn't "
    "my myself neither no nor not now of off on once one only or other ought our ours "
    "ourselves out over own per rather same say says shall shan't she she'd she'll she's "
    "should shouldn't since so some such than that that's the their theirs them "
    "themselves then there there's these they they'd they'll they're they've this those "
    "though through thus to too under until up upon us use used using very via was wasn't "
    "we we'd we'll we're we've were weren't what what's when when's where where's whether "
    "which while who who's whom whose why why's will with within without won't would "
    "wouldn't yet you you'd you'll you're you've your yours yourself yourselves many well "
    "even still often"
)

# Words of the request itself ("summarize the text below") that carry no topic.
INSTRUCTION_WORDS: frozenset[str] = _words(
    "summarize summarise summary analyze analyse analysis explain describe overview give "
    "write list compare evaluate discuss provide report article main key points arguments "
    "argument pros cons text following below above please tell show find make create "
    "draft paragraph sentences sentence short brief detailed"
)

_ABBREVIATIONS = _words(
    "mr mrs ms dr prof sr jr st vs etc e.g i.e fig no approx inc ltd co u.s jan feb mar "
    "apr jun jul aug sep sept oct nov dec"
)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])")
# Text written all in lower case ("the park opens at 8. dogs must be on a lead.") starts
# its sentences with a small letter.
_SENTENCE_END_LOWER = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[a-z0-9])")
_TOKEN = re.compile(r"[a-z0-9]+(?:['’\-][a-z0-9]+)*")
_BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")


def split_sentences(text: str) -> list[str]:
    """Split text into sentences, treating lines (bullets, headings) as boundaries too.

    Markdown table rows and fenced code are data, not prose: they are left out.
    """
    sentences: list[str] = []
    text = _without_tables_and_code(text)
    for block in re.split(r"\n\s*\n|\n(?=\s*(?:[-*•#]|\d+[.)])\s)", text):
        line = " ".join(_BULLET.sub("", raw).strip() for raw in block.splitlines())
        line = re.sub(r"^#+\s*", "", line).strip()
        if not line:
            continue
        start = 0
        ends = _SENTENCE_END if line != line.lower() else _SENTENCE_END_LOWER
        for match in ends.finditer(line):
            candidate = line[start : match.start()].strip()
            last_word = candidate.rsplit(" ", 1)[-1].rstrip(".").lower()
            # "Dr. Smith" or "e.g. this" must not end a sentence.
            if last_word in _ABBREVIATIONS or (len(last_word) == 1 and last_word.isalpha()):
                continue
            if candidate:
                sentences.append(candidate)
            start = match.end()
        tail = line[start:].strip()
        if tail:
            sentences.append(tail)
    return sentences


def _without_tables_and_code(text: str) -> str:
    kept: list[str] = []
    fenced = False
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("```"):
            fenced = not fenced
            continue
        if fenced or (stripped.startswith("|") and stripped.endswith("|")):
            # A blank line keeps the prose on either side in separate blocks.
            kept.append("")
            continue
        kept.append(line)
    return "\n".join(kept)


def tokenize(text: str) -> list[str]:
    """Lower-case word tokens (letters, digits, inner apostrophes and hyphens)."""
    return _TOKEN.findall(text.lower().replace("’", "'"))


def content_words(text: str, *, drop_instruction_words: bool = False) -> list[str]:
    """Tokens without stopwords, one-letter words and bare numbers."""
    skip = STOPWORDS | INSTRUCTION_WORDS if drop_instruction_words else STOPWORDS
    return [t for t in tokenize(text) if len(t) > 1 and t not in skip and not t.isdigit()]


def strip_inflection(word: str) -> str:
    """A light suffix-stripper so "workers", "working" and "worked" match "work"."""
    for suffix, keep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""), ("ly", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            return word[: -len(suffix)] + keep
    return word


def word_frequencies(text: str) -> dict[str, float]:
    """Content-word frequencies normalised to the most frequent word (1.0)."""
    counts = Counter(content_words(text))
    if not counts:
        return {}
    top = max(counts.values())
    return {word: count / top for word, count in counts.items()}


def summarize(
    text: str,
    *,
    max_sentences: int = 3,
    max_chars: int = 1200,
    focus: Iterable[str] = (),
) -> list[str]:
    """Extractive summary: the best-scoring sentences, in their original order.

    A sentence scores the mean normalised frequency of its content words (so long
    sentences do not win by length alone), plus a bonus for words in `focus` (the
    question's terms) and a small one for coming first, where writers put the point.
    """
    sentences = split_sentences(text)
    if not sentences:
        return []
    frequencies = word_frequencies(text)
    focus_words = {w for w in (t.lower() for t in focus) if w}
    scored: list[tuple[float, int]] = []
    for index, sentence in enumerate(sentences):
        words = content_words(sentence)
        if not words:
            continue
        score = sum(frequencies.get(w, 0.0) for w in words) / math.sqrt(len(words))
        score += 0.5 * sum(1 for w in set(words) if w in focus_words)
        score += 0.15 if index == 0 else 0.0
        scored.append((score, index))
    scored.sort(key=lambda item: (-item[0], item[1]))
    chosen: list[int] = []
    used = 0
    for _score, index in scored:
        if len(chosen) >= max(1, max_sentences):
            break
        length = len(sentences[index]) + 1
        if chosen and used + length > max_chars:
            continue
        chosen.append(index)
        used += length
    summary = [sentences[i] for i in sorted(chosen)]
    if len(summary) == 1 and len(summary[0]) > max_chars:
        summary = [summary[0][: max_chars - 1].rstrip() + "…"]
    return summary


@dataclass(frozen=True)
class Keyword:
    """A key phrase with its RAKE score and how often it occurs."""

    phrase: str
    score: float
    count: int


def _runs(text: str) -> list[list[str]]:
    """Runs of content words between stopwords and punctuation (RAKE's candidate phrases)."""
    runs: list[list[str]] = []
    for fragment in re.split(r"[.,;:!?()\[\]{}\"\n\t]|\s[-–—]\s", text.lower()):
        current: list[str] = []
        for token in tokenize(fragment):
            if token in STOPWORDS or token.isdigit() or len(token) < 2:
                if current:
                    runs.append(current)
                current = []
            else:
                current.append(token)
        if current:
            runs.append(current)
    return runs


def keywords(
    text: str,
    *,
    top_n: int = 10,
    max_words: int = 3,
    exclude: Iterable[str] = (),
) -> list[Keyword]:
    """Key phrases: repeated n-grams and short natural phrases, scored by use.

    Candidates are words and 2..`max_words`-grams inside runs of content words; a
    multi-word one counts only if it recurs or is a whole run (RAKE's phrase), so one long
    sentence does not flood the list. Score = occurrences x mean word frequency x a bonus
    per extra word; a word scores only its uses outside repeated phrases.
    Phrases whose words are all in `exclude` (e.g. the request's own verbs) are skipped.
    """
    excluded = {w.lower() for w in exclude}
    runs = _runs(text)
    word_count: Counter[str] = Counter(w for run in runs for w in run)
    grams: Counter[tuple[str, ...]] = Counter()
    whole_runs: set[tuple[str, ...]] = set()
    for run in runs:
        if len(run) <= max_words:
            whole_runs.add(tuple(run))
        for size in range(2, max_words + 1):
            for start in range(len(run) - size + 1):
                grams[tuple(run[start : start + size])] += 1
    # A one-off run is a phrase only when short; longer ones are mostly sentence fragments.
    phrases = {g: c for g, c in grams.items() if c >= 2 or (g in whole_runs and len(g) == 2)}
    # Keep only maximal phrases: "nuclear power" hides "nuclear" inside "nuclear power plant"
    # only when they always occur together (same count).
    maximal = {
        g: c
        for g, c in phrases.items()
        if not any(len(h) > len(g) and c == phrases[h] and _contains(h, g) for h in phrases)
    }
    # A word's own weight is its uses outside repeated phrases, so "power" does not
    # compete with "nuclear power".
    residual = Counter(word_count)
    for gram, count in maximal.items():
        if count >= 2:
            for word in set(gram):
                residual[word] -= count
    ranked: list[Keyword] = []
    for word, count in residual.items():
        if count > 0 and word not in excluded:
            ranked.append(Keyword(phrase=word, score=float(count * word_count[word]), count=count))
    for gram, count in maximal.items():
        if set(gram) <= excluded:
            continue
        mean_frequency = sum(word_count[w] for w in gram) / len(gram)
        score = count * mean_frequency * (1.0 + 0.5 * (len(gram) - 1))
        ranked.append(Keyword(phrase=" ".join(gram), score=round(score, 3), count=count))
    ranked.sort(key=lambda k: (-k.score, -k.count, k.phrase))
    selected: list[Keyword] = []
    for keyword in ranked:
        # Parts of a chosen phrase add nothing; one-off extensions of it add little.
        if any(
            f" {keyword.phrase} " in f" {chosen.phrase} "
            or (keyword.count < 2 and f" {chosen.phrase} " in f" {keyword.phrase} ")
            for chosen in selected
        ):
            continue
        selected.append(keyword)
        if len(selected) >= top_n:
            break
    return selected


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    size = len(shorter)
    return any(longer[i : i + size] == shorter for i in range(len(longer) - size + 1))

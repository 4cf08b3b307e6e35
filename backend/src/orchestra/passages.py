"""Passages of text and their BM25 ranking: the research agent's corpus and the documents
users upload are cut and searched the same way."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from orchestra.agents.prose import content_words, split_sentences, strip_inflection

__all__ = ["Passage", "ScoredPassage", "bm25_rank", "passages_of", "terms_of"]

PASSAGE_SENTENCES = 4


@dataclass(frozen=True)
class Passage:
    """A few consecutive sentences of one text (a corpus file, an uploaded document)."""

    source: str
    index: int
    text: str


@dataclass(frozen=True)
class ScoredPassage:
    passage: Passage
    score: float


def passages_of(source: str, text: str) -> list[Passage]:
    """The text's passages: up to PASSAGE_SENTENCES sentences of one paragraph each, those
    with at least three content words (headings and lone lines say too little to rank)."""
    passages: list[Passage] = []
    for paragraph in (p for p in text.split("\n\n") if p.strip()):
        sentences = split_sentences(paragraph)
        for start in range(0, len(sentences), PASSAGE_SENTENCES):
            chunk = " ".join(sentences[start : start + PASSAGE_SENTENCES])
            if len(content_words(chunk)) >= 3:
                passages.append(Passage(source=source, index=len(passages), text=chunk))
    return passages


def terms_of(text: str, *, query: bool = False) -> list[str]:
    """The words a passage is ranked by: its content words, without inflection. A `query`
    also drops the words of asking ("summarize", "explain"): they say what to do, not
    what about."""
    words = content_words(text, drop_instruction_words=query)
    return [strip_inflection(w) for w in words]


def bm25_rank(
    query_terms: Sequence[str],
    documents: Sequence[Sequence[str]],
    *,
    k1: float = 1.5,
    b: float = 0.75,
) -> list[float]:
    """Okapi BM25 score of each tokenised document for the query terms."""
    if not documents:
        return []
    count = len(documents)
    average_length = sum(len(d) for d in documents) / count or 1.0
    document_frequency: Counter[str] = Counter()
    for document in documents:
        document_frequency.update(set(document))
    terms = set(query_terms)
    scores: list[float] = []
    for document in documents:
        frequencies = Counter(document)
        score = 0.0
        for term in terms:
            tf = frequencies.get(term, 0)
            if not tf:
                continue
            df = document_frequency[term]
            idf = math.log(1.0 + (count - df + 0.5) / (df + 0.5))
            norm = tf + k1 * (1.0 - b + b * len(document) / average_length)
            score += idf * tf * (k1 + 1.0) / norm
        scores.append(score)
    return scores

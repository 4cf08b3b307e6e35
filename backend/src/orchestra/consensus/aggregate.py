"""Aggregating a consensus step's answers: majority vote, the most central answer, and the
step's output (`output_data["consensus"]`) in the one shape the dashboard reads.

Offline and deterministic: similarity is rapidfuzz's token-sort ratio (words compared in
sorted order, case and punctuation ignored), sentiment the analyst's own lexicon reading.
The `llm` aggregator's model call is the executor's (`orchestra.executor.consensus`); its
text comes back here to be put in the same shape.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from rapidfuzz import fuzz, utils

from orchestra.agents.sentiment import sentiment

__all__ = [
    "Answer",
    "Decision",
    "central",
    "consensus_data",
    "decide",
    "similarity_matrix",
    "value_of",
    "vote",
]

Value = float | int | str
_NUMBER = re.compile(r"[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[eE][-+]?\d+)?")


@dataclass(frozen=True)
class Answer:
    """One participant of a consensus, as its step ended.

    Attributes:
        label: The participant's profile or agent name.
        step_id: Its step, `<id>@<label>`.
        agent: The agent that ran it (name), if one was assigned.
        profile: The model profile it was pinned to (None: an agent participant).
        model: The model its instance runs, as its card says (None: not said).
        status: "completed", or "failed" (also for a step stopped or never started).
        text: Its answer (None unless completed).
        data: Its answer's data part.
        error: Why it failed.
    """

    label: str
    step_id: str
    agent: str | None
    profile: str | None
    model: str | None
    status: str
    text: str | None = None
    data: dict[str, Any] | None = None
    error: str | None = None

    @property
    def answered(self) -> bool:
        return self.status == "completed"


@dataclass(frozen=True)
class Decision:
    """What an aggregator decided: the consensus text, the vote's winner, its share."""

    answer: str
    value: Value | None = None
    vote_share: float | None = None


def value_of(answer: Answer) -> Value | None:
    """What an answer votes for: its data's numeric `result`, else its data's `label`, else
    the first number in its text; None when it has none of them."""
    if not answer.answered:
        return None
    data = answer.data or {}
    result = data.get("result")
    if isinstance(result, int | float) and not isinstance(result, bool) and math.isfinite(result):
        return _number(float(result))
    label = data.get("label")
    if isinstance(label, str) and label.strip():
        return label.strip()
    found = _NUMBER.search(answer.text or "")
    if found is None:
        return None
    return _number(float(found.group().replace(",", "")))


def _number(value: float) -> float | int:
    """42.0 and 42 are one vote: whole numbers as int."""
    return int(value) if value.is_integer() and abs(value) < 2**53 else value


def _ballot(value: Value) -> Value:
    """The key votes are counted by: labels without case or surrounding space."""
    return value.casefold() if isinstance(value, str) else value


def similarity(a: str, b: str) -> float:
    """How alike two answers are, 0..1 (1: the same words)."""
    return round(fuzz.token_sort_ratio(a, b, processor=utils.default_process) / 100, 4)


def similarity_matrix(texts: Sequence[str]) -> list[list[float]]:
    """Pairwise similarity of the answers, 1.0 on the diagonal."""
    size = len(texts)
    matrix = [[1.0] * size for _ in range(size)]
    for i, j in combinations(range(size), 2):
        matrix[i][j] = matrix[j][i] = similarity(texts[i], texts[j])
    return matrix


def agreement_score(matrix: list[list[float]]) -> float:
    """The mean pairwise similarity (1.0 for one answer, 0.0 for none)."""
    pairs = [matrix[i][j] for i, j in combinations(range(len(matrix)), 2)]
    if not pairs:
        return 1.0 if matrix else 0.0
    return round(sum(pairs) / len(pairs), 4)


def central(answers: Sequence[Answer], matrix: list[list[float]]) -> Decision:
    """The answer most like the others (highest mean similarity to them; the first of equals)."""
    answered = [a for a in answers if a.answered]
    if not answered:
        return Decision("")
    if len(answered) == 1:
        return Decision(answered[0].text or "")
    means = [(sum(row) - 1.0) / (len(row) - 1) for row in matrix]
    best = max(range(len(answered)), key=lambda i: (means[i], -i))
    return Decision(answered[best].text or "")


def vote(answers: Sequence[Answer], matrix: list[list[float]]) -> Decision:
    """Majority vote on the answers' values (`value_of`).

    The winner's answer is the first answer that voted for it; its share is its votes over
    the participants that answered. A tie is said as such, with no winner. When no answer
    holds a number or a label, there is nothing to vote on: the most central answer is taken.
    """
    answered = [a for a in answers if a.answered]
    votes = [(a, value_of(a)) for a in answered]
    counted = Counter(_ballot(v) for _, v in votes if v is not None)
    if not counted:
        return central(answers, matrix)
    ranked = counted.most_common()
    top = ranked[0][1]
    share = round(top / len(answered), 4)
    leaders = [key for key, count in ranked if count == top]
    if len(leaders) > 1:
        shown = [
            next(str(v) for _, v in votes if v is not None and _ballot(v) == k) for k in leaders
        ]
        each = "vote" if top == 1 else "votes"
        return Decision(
            f"No majority: {', '.join(shown[:-1])} and {shown[-1]} got {top} {each} each.",
            None,
            share,
        )
    winner, value = next((a, v) for a, v in votes if v is not None and _ballot(v) == leaders[0])
    return Decision(winner.text or str(value), value, share)


def decide(aggregator: str, answers: Sequence[Answer]) -> tuple[Decision, list[list[float]]]:
    """The offline aggregators' decision (`vote` or `central`) and the similarity matrix of
    the answers that came."""
    matrix = similarity_matrix([a.text or "" for a in answers if a.answered])
    if aggregator == "central":
        return central(answers, matrix), matrix
    return vote(answers, matrix), matrix


def consensus_data(
    aggregator: str,
    decision: Decision,
    answers: Sequence[Answer],
    matrix: list[list[float]],
) -> dict[str, Any]:
    """The consensus step's `output_data`."""
    return {
        "consensus": {
            "aggregator": aggregator,
            "answer": decision.answer,
            "value": decision.value,
            "agreement": {
                "score": agreement_score(matrix),
                "vote_share": decision.vote_share,
                "labels": [a.label for a in answers if a.answered],
                "similarity": matrix,
            },
            "participants": [_participant(a) for a in answers],
        }
    }


def _participant(answer: Answer) -> dict[str, Any]:
    read = sentiment(answer.text) if answer.answered and answer.text else None
    return {
        "label": answer.label,
        "step_id": answer.step_id,
        "agent": answer.agent,
        "profile": answer.profile,
        "model": answer.model,
        "status": "completed" if answer.answered else "failed",
        "answer": answer.text if answer.answered else None,
        "value": value_of(answer),
        "error": None if answer.answered else (answer.error or "the participant did not answer"),
        "sentiment": None if read is None else {"label": read.label, "score": read.score},
    }

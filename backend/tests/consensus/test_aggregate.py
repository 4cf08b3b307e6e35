"""The offline aggregators: what a vote counts, how ties and central answers are decided."""

from __future__ import annotations

from typing import Any

from orchestra.consensus.aggregate import Answer, consensus_data, decide, value_of


def _answer(label: str, text: str | None, data: dict[str, Any] | None = None) -> Answer:
    status = "completed" if text is not None else "failed"
    error = None if text is not None else "unreachable"
    return Answer(label, f"s1@{label}", "research", label, None, status, text, data, error)


def test_a_vote_counts_the_data_result_before_the_text() -> None:
    answers = [
        _answer("a", "I computed it: 7 of them", {"result": 42.0}),
        _answer("b", "42"),
        _answer("c", "41"),
    ]
    assert value_of(answers[0]) == 42
    decision, _ = decide("vote", answers)
    assert (decision.value, decision.vote_share) == (42, 0.6667)
    assert decision.answer == "I computed it: 7 of them"


def test_labels_are_voted_on_without_case() -> None:
    answers = [
        _answer("a", "Mostly good.", {"label": "Positive"}),
        _answer("b", "Good overall.", {"label": "positive "}),
        _answer("c", "Bad.", {"label": "negative"}),
    ]
    decision, _ = decide("vote", answers)
    assert decision.value == "Positive"
    assert decision.vote_share == 0.6667


def test_a_tie_has_no_winner_and_says_so() -> None:
    decision, _ = decide("vote", [_answer("a", "It is 3."), _answer("b", "It is 4.")])
    assert decision.value is None
    assert decision.answer == "No majority: 3 and 4 got 1 vote each."
    assert decision.vote_share == 0.5


def test_a_failed_participant_has_no_vote_and_no_row_in_the_matrix() -> None:
    answers = [_answer("a", "5"), _answer("b", None), _answer("c", "5 apples")]
    decision, matrix = decide("vote", answers)
    assert (decision.value, decision.vote_share) == (5, 1.0)
    assert len(matrix) == 2
    data = consensus_data("vote", decision, answers, matrix)["consensus"]
    assert data["agreement"]["labels"] == ["a", "c"]
    failed = data["participants"][1]
    assert (failed["status"], failed["answer"], failed["value"]) == ("failed", None, None)
    assert (failed["error"], failed["sentiment"]) == ("unreachable", None)


def test_nothing_to_count_falls_back_to_the_most_central_answer() -> None:
    answers = [
        _answer("a", "Tides come from the moon's pull."),
        _answer("b", "The moon's pull makes the tides."),
        _answer("c", "Wind."),
    ]
    decision, matrix = decide("vote", answers)
    assert decision.value is None and decision.vote_share is None
    assert decision.answer == decide("central", answers)[0].answer
    assert decision.answer != "Wind."
    assert matrix[0][1] > matrix[0][2]


def test_sentiment_is_the_analysts_reading_of_each_answer() -> None:
    answers = [_answer("a", "This is excellent and wonderful."), _answer("b", "Awful, terrible.")]
    decision, matrix = decide("central", answers)
    rows = consensus_data("central", decision, answers, matrix)["consensus"]["participants"]
    assert [r["sentiment"]["label"] for r in rows] == ["positive", "negative"]

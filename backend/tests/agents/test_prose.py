"""Unit tests for the shared prose algorithms (sentences, keywords, summary)."""

from __future__ import annotations

from orchestra.agents import prose

ARTICLE = (
    "Remote work lets employees skip the daily commute. Remote work also gives people "
    "flexibility over their schedule. However, remote work can cause isolation and "
    "loneliness. Companies save money on office space when teams adopt remote work. "
    "Managers worry that collaboration suffers without shared offices."
)


def test_split_sentences_keeps_abbreviations_and_decimals() -> None:
    found = prose.split_sentences("Dr. Smith paid 3.5 dollars. He left at 5 p.m. Then? Yes!")
    assert found == ["Dr. Smith paid 3.5 dollars.", "He left at 5 p.m.", "Then?", "Yes!"]


def test_split_sentences_treats_bullets_as_sentences() -> None:
    found = prose.split_sentences("Points:\n- first point\n- second point")
    assert found == ["Points:", "first point", "second point"]


def test_tokenize_and_content_words() -> None:
    assert prose.tokenize("Don't STOP the 2 trains!") == ["don't", "stop", "the", "2", "trains"]
    assert prose.content_words("The cat and the hat, 42 times") == ["cat", "hat", "times"]


def test_stem_matches_inflections() -> None:
    assert {prose.strip_inflection(w) for w in ("workers", "working", "worked")} == {
        "worker",
        "work",
    }
    assert prose.strip_inflection("studies") == "study"
    assert prose.strip_inflection("glass") == "glass"


def test_summarize_picks_central_sentences_in_original_order() -> None:
    summary = prose.summarize(ARTICLE, max_sentences=2)
    assert len(summary) == 2
    sentences = prose.split_sentences(ARTICLE)
    assert [sentences.index(s) for s in summary] == sorted(sentences.index(s) for s in summary)
    assert all("remote work" in s.lower() for s in summary)


def test_summarize_respects_character_bound() -> None:
    summary = prose.summarize(ARTICLE, max_sentences=5, max_chars=120)
    assert sum(len(s) for s in summary) <= 120 + len(summary)


def test_summarize_empty_text() -> None:
    assert prose.summarize("") == []


def test_keywords_prefer_repeated_phrases() -> None:
    found = prose.keywords(ARTICLE, top_n=5)
    assert found[0].phrase == "remote work"
    assert found[0].count == 4
    # A word inside a chosen phrase is not listed again on its own.
    assert "remote" not in [k.phrase for k in found]


def test_keywords_exclude_words() -> None:
    found = prose.keywords("summarize summarize the nuclear debate", exclude={"summarize"})
    assert "summarize" not in [k.phrase for k in found]


def test_tables_and_code_are_not_sentences() -> None:
    from orchestra.agents.prose import split_sentences

    text = (
        "**Mean: 6**\n\n| Figure | Value |\n|---|---:|\n| Count | 3 |\n\n"
        "```\nprint(1)\n```\nThe mean is six. It is fine."
    )
    assert split_sentences(text) == ["**Mean: 6**", "The mean is six.", "It is fine."]


def test_sentences_written_all_in_lower_case_are_split() -> None:
    text = "the park opens at 8. dogs must be on a lead, e.g. a short one. the cafe closes at 6."
    assert prose.split_sentences(text) == [
        "the park opens at 8.",
        "dogs must be on a lead, e.g. a short one.",
        "the cafe closes at 6.",
    ]


def test_a_small_letter_after_a_full_stop_in_capitalised_text_goes_on() -> None:
    assert prose.split_sentences("It costs approx. twelve pounds. Fine.") == [
        "It costs approx. twelve pounds.",
        "Fine.",
    ]

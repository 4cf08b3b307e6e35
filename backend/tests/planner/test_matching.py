"""Capability choice for single clauses."""

from __future__ import annotations

import pytest

from orchestra.planner import CapabilitySpec
from orchestra.planner.clauses import content_stems
from orchestra.planner.matching import CapabilityMatcher, general_capability
from orchestra.planner.material import mask_material

from .capabilities import BUILTIN, THIRD_PARTY


def best(clause: str, capabilities: tuple[CapabilitySpec, ...] = BUILTIN) -> str:
    stems = content_stems(mask_material(clause).text)
    return CapabilityMatcher(capabilities).best(stems).capability


@pytest.mark.parametrize(
    ("clause", "capability"),
    [
        ("Summarize the main arguments for and against remote work", "research"),
        ("Summarize this text: the cat sat on the mat and then it slept", "summarization"),
        ("compute the average of 3, 5 and 10", "statistics"),
        ("What is the median of 4, 9 and 1?", "statistics"),
        ("Calculate (17 * 4) + 256 / 8", "calculation"),
        ("Evaluate the expression 3 * (4 + 5)", "calculation"),
        ("Find the sentiment of 'I love this product'", "sentiment"),
        ("Is this review positive or negative: 'meh'", "sentiment"),
        ("extract keywords from 'I love this product'", "keywords"),
        ("Convert this CSV to JSON: a,b\n1,2", "conversion"),
        ("Write a blog post about meditation", "writing"),
        ("Draft an email to the team", "writing"),
        ("Explain how vaccines work", "research"),
        ("Compare Python and Rust for web servers", "analysis"),
        ("Analyse the risks of the new supplier", "analysis"),
    ],
)
def test_best_capability(clause: str, capability: str) -> None:
    assert best(clause) == capability


def test_nothing_matching_falls_back_to_the_general_capability() -> None:
    matcher = CapabilityMatcher(BUILTIN)
    match = matcher.best(content_stems("Plan a birthday party for my grandmother"))
    assert match.capability == "research"
    assert not match.confident


@pytest.mark.parametrize(
    ("names", "general"),
    [
        (["statistics", "writing", "research"], "research"),
        (["statistics", "writing"], "writing"),
        (["statistics", "sentiment"], "statistics"),
    ],
)
def test_general_capability_preference(names: list[str], general: str) -> None:
    assert general_capability([CapabilitySpec(n) for n in names]) == general


def test_works_with_any_capability_set() -> None:
    assert best("Translate 'thank you' into German", THIRD_PARTY) == "translate"
    assert best("Draw a picture of a lighthouse", THIRD_PARTY) == "image-generation"
    assert best("Look up recent sources on fusion", THIRD_PARTY) == "web-search"


def test_capability_name_with_separators_matches_its_words() -> None:
    caps = (CapabilitySpec("image-generation"), CapabilitySpec("web-search"))
    assert best("generate an image of a cat", caps) == "image-generation"


def test_ties_go_to_the_first_listed_capability() -> None:
    caps = (CapabilitySpec("alpha", tags=("widget",)), CapabilitySpec("beta", tags=("widget",)))
    assert best("make a widget", caps) == "alpha"
    assert best("make a widget", caps[::-1]) == "beta"


def test_words_shared_by_many_capabilities_count_less() -> None:
    caps = (
        CapabilitySpec("one", tags=("text", "poem")),
        CapabilitySpec("two", tags=("text",)),
        CapabilitySpec("three", tags=("text", "limerick")),
    )
    matcher = CapabilityMatcher(caps)
    scores = matcher.scores(content_stems("a limerick text"))
    assert scores["three"] > scores["one"] == scores["two"]


@pytest.mark.parametrize(
    ("text", "corrected"),
    [
        ("whats the sentimnt of it", "whats the sentiment of it"),
        ("sumarize this", "summarize this"),
        ("extarct the keywords", "extract the keywords"),
        # A real word one letter away from a capability's word is left alone.
        ("the United States economy", "the United States economy"),
        ("statistics", "statistics"),
        # English words one slip from a capability's word are meant as themselves.
        ("22 per person, 6 mins of waiting", "22 per person, 6 mins of waiting"),
        ("a 12 mile commute, 3 pints", "a 12 mile commute, 3 pints"),
        ("the concert contract", "the concert contract"),
    ],
)
def test_slips_are_corrected_to_the_capabilities_words(text: str, corrected: str) -> None:
    assert CapabilityMatcher(BUILTIN).corrected(text) == corrected

"""Scoring a clause against the available capabilities by weighted word overlap."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from orchestra.english import is_word
from orchestra.planner.clauses import STOPWORDS, content_stems, stem
from orchestra.planner.schema import CapabilitySpec

__all__ = [
    "MIN_SCORE_WITH_MATERIAL",
    "CapabilityMatcher",
    "Match",
    "general_capability",
]

# Where a word is found says how much it means: a capability's own name is the strongest
# evidence, tags and examples are curated keywords, descriptions are prose.
NAME_WEIGHT = 3.0
TAG_WEIGHT = 2.5
EXAMPLE_WEIGHT = 1.5
DESCRIPTION_WEIGHT = 1.0
PHRASE_BONUS = 1.0
EXAMPLE_SIMILARITY_WEIGHT = 3.0

# Words shorter than this are not corrected: too many short words are one slip apart.
_MIN_TYPO_LENGTH = 5


# Below this a clause shares too little with any capability to trust the choice.
MIN_SCORE = 1.5
# A clause that carries the user's text to work on trusts a weaker match: the general
# capability would only look up the text's words.
MIN_SCORE_WITH_MATERIAL = 1.0

_GENERAL_PREFERENCE = ("research", "writing")


@dataclass(frozen=True)
class Match:
    """The best capability for a clause, its score, and whether it is trustworthy.

    Attributes:
        capability: Name of the chosen capability.
        score: Its score (0 when nothing matched).
        strong: Whether the clause names the capability or one of its tags.
        confident: Whether the score reached `MIN_SCORE`.
    """

    capability: str
    score: float
    strong: bool
    confident: bool


@dataclass(frozen=True)
class _Profile:
    name: str
    name_stems: frozenset[str]
    tag_stems: frozenset[str]
    tag_phrases: tuple[frozenset[str], ...]
    single_tag_stems: frozenset[str]
    example_sets: tuple[frozenset[str], ...]
    example_stems: frozenset[str]
    description_stems: frozenset[str]

    @property
    def all_stems(self) -> frozenset[str]:
        return self.name_stems | self.tag_stems | self.example_stems | self.description_stems


def _name_stems(name: str) -> frozenset[str]:
    words = name.replace("-", " ").replace("_", " ").replace(".", " ")
    return frozenset(stem(w) for w in words.split() if w)


def _profile(spec: CapabilitySpec) -> _Profile:
    tag_sets = [content_stems(tag) for tag in spec.tags]
    examples = tuple(s for s in (content_stems(e) for e in spec.examples) if s)
    return _Profile(
        name=spec.name,
        name_stems=_name_stems(spec.name),
        tag_stems=frozenset().union(*tag_sets),
        tag_phrases=tuple(s for s in tag_sets if len(s) > 1),
        single_tag_stems=frozenset().union(*(s for s in tag_sets if len(s) == 1)),
        example_sets=examples,
        example_stems=frozenset().union(*examples),
        description_stems=content_stems(spec.description),
    )


def general_capability(capabilities: Sequence[CapabilitySpec]) -> str:
    """The capability to use when nothing matches: research, else writing, else the first."""
    names = [c.name for c in capabilities]
    for preferred in _GENERAL_PREFERENCE:
        if preferred in names:
            return preferred
    return names[0]


def _is_typo_of(typo: str, word: str) -> bool:
    """Whether ``typo`` is ``word`` with one slip of the keyboard: two neighbouring letters
    swapped, a letter left out, a doubled letter left single or doubled, or (in a long
    word) one letter wrong. A stray extra letter is not counted: "states" is no typo of
    "stats"."""
    if typo == word or typo[0] != word[0]:
        return False
    if len(typo) == len(word):
        diffs = [i for i, (a, b) in enumerate(zip(typo, word, strict=True)) if a != b]
        if len(diffs) == 2 and diffs[1] == diffs[0] + 1:
            i = diffs[0]
            return typo[i] == word[i + 1] and typo[i + 1] == word[i]
        return len(diffs) == 1 and len(word) >= 7
    if len(typo) == len(word) - 1:
        # A letter left out ("avrage", "sumarize").
        return any(word[:i] + word[i + 1 :] == typo for i in range(1, len(word)))
    if len(typo) == len(word) + 1:
        # Only a doubled letter ("summmary", "callculate").
        return any(
            typo[:i] + typo[i + 1 :] == word and typo[i] == typo[i - 1] for i in range(1, len(typo))
        )
    return False


class CapabilityMatcher:
    """Scores clauses against a fixed set of capabilities.

    Words shared by many capabilities ("text", "data") count less than words only one
    capability uses, like inverse document frequency in search.
    """

    def __init__(self, capabilities: Sequence[CapabilitySpec]) -> None:
        self._profiles = [_profile(spec) for spec in capabilities]
        self._general = general_capability(capabilities)
        frequency: dict[str, int] = {}
        for profile in self._profiles:
            for word in profile.all_stems:
                frequency[word] = frequency.get(word, 0) + 1
        self._weight_of = {word: 1.0 / math.sqrt(count) for word, count in frequency.items()}
        self.vocabulary: frozenset[str] = frozenset().union(
            *(p.name_stems | p.tag_stems | p.description_stems for p in self._profiles)
        )
        self._intent = self.vocabulary | {"<num>", "<numlist>", "<op>"}
        # The words the capabilities are described with, to recognise them misspelt.
        self._words = sorted(
            {
                word
                for spec in capabilities
                for text in (spec.name, spec.description, *spec.tags, *spec.examples)
                for word in re.findall(r"[a-z]+", text.lower())
                if len(word) >= _MIN_TYPO_LENGTH
            }
        )
        self._known_stems = frozenset().union(*(p.all_stems for p in self._profiles))

    def corrected(self, text: str) -> str:
        """``text`` with words that are slips of a capability's words spelt right
        ("sentimnet" -> "sentiment", "sumarize" -> "summarize"); other words unchanged."""

        def fix(match: re.Match[str]) -> str:
            word = match.group(0)
            low = word.lower()
            if len(low) < _MIN_TYPO_LENGTH or low in STOPWORDS or stem(low) in self._known_stems:
                return word
            found = [w for w in self._words if _is_typo_of(low, w)]
            return found[0] if len(found) == 1 and not is_word(low) else word

        return re.sub(r"[A-Za-z]+", fix, text)

    @property
    def names(self) -> frozenset[str]:
        """The names of the capabilities scored."""
        return frozenset(p.name for p in self._profiles)

    @property
    def general(self) -> str:
        """The fallback capability (see `general_capability`)."""
        return self._general

    def scores(self, stems: frozenset[str]) -> dict[str, float]:
        """Score of every capability for a clause's content stems."""
        return {p.name: self._score(p, stems) for p in self._profiles}

    def _score(self, profile: _Profile, stems: frozenset[str]) -> float:
        score = 0.0
        for word in stems:
            if word in profile.name_stems:
                weight = NAME_WEIGHT
            elif word in profile.tag_stems:
                weight = TAG_WEIGHT
            elif word in profile.example_stems and word in self._intent:
                weight = EXAMPLE_WEIGHT
            elif word in profile.description_stems:
                weight = DESCRIPTION_WEIGHT
            else:
                continue
            score += weight * self._weight_of.get(word, 1.0)
        score += PHRASE_BONUS * sum(1 for phrase in profile.tag_phrases if phrase <= stems)
        # Examples are compared on the words that say what to do, not on their subjects:
        # "Research solar power" is no closer to "Compare solar and wind power" for sharing
        # "solar" and "power".
        intent = stems & self._intent
        if intent and profile.example_sets:
            similarity = max(
                len(intent & example)
                / math.sqrt(len(intent) * len(example & self._intent or example))
                for example in profile.example_sets
            )
            score += EXAMPLE_SIMILARITY_WEIGHT * similarity
        return score

    def strong_names(self, stems: frozenset[str]) -> set[str]:
        """Capabilities whose name or a tag occurs in the stems."""
        return {
            p.name
            for p in self._profiles
            if stems & (p.name_stems | p.single_tag_stems)
            or any(phrase <= stems for phrase in p.tag_phrases)
        }

    def best(self, stems: frozenset[str], min_score: float = MIN_SCORE) -> Match:
        """The best capability for the stems; the general one below ``min_score``.

        Ties go to the capability listed first, so the result never depends on set order.
        """
        scores = self.scores(stems)
        name, score = max(scores.items(), key=lambda item: item[1])
        strong = name in self.strong_names(stems)
        if score < min_score:
            return Match(self._general, score, strong=False, confident=False)
        return Match(name, score, strong=strong, confident=True)

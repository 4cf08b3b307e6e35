"""English words: whether a word is one people write, so that a word one slip away from a
word the readers look for is meant as itself ("present" is no "percent", "per person" no
"pearson", "waiting" no "writing")."""

from __future__ import annotations

import functools

from spellchecker import SpellChecker


@functools.cache
def _words() -> SpellChecker:
    # Loaded on first use (about 40 MB), once per process.
    return SpellChecker(language="en", distance=1)


def is_word(word: str) -> bool:
    """Whether ``word`` (lower case) is an English word."""
    return word in _words()

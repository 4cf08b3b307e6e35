"""Local research corpus: passages from DATA_DIR/corpus/*.txt|*.md, ranked with BM25.

The corpus is the research agent's only offline source of facts besides what the
orchestrator passes in; it is re-read when files change (by path, size and mtime).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from orchestra.agents.prose import strip_inflection
from orchestra.passages import Passage, ScoredPassage, bm25_rank, passages_of, terms_of

__all__ = ["Corpus", "Passage", "ScoredPassage", "bm25_rank", "load_passages"]

logger = logging.getLogger(__name__)

MAX_FILE_BYTES = 2_000_000
MAX_FILES = 500


def load_passages(directory: Path) -> list[Passage]:
    """Read every .txt/.md file under `directory` (blocking; call it in a thread)."""
    passages: list[Passage] = []
    files = sorted(p for p in directory.rglob("*") if p.suffix.lower() in {".txt", ".md"})
    for path in files[:MAX_FILES]:
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                logger.warning("corpus file %s skipped: larger than %d bytes", path, MAX_FILE_BYTES)
                continue
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError as error:
            logger.warning("corpus file %s unreadable: %s", path, error)
            continue
        passages.extend(passages_of(str(path.relative_to(directory)), text))
    return passages


Signature = tuple[tuple[str, int, int], ...]


@dataclass(frozen=True)
class _Index:
    """One version of the corpus: passages, their tokens, and the files they came from."""

    signature: Signature | None
    passages: tuple[Passage, ...] = ()
    tokens: tuple[list[str], ...] = ()
    by_key: dict[tuple[str, int], Passage] = field(default_factory=dict)


class Corpus:
    """Passages of a directory, cached until its files change.

    Searched from worker threads (one per step at once): a search reads one `_Index`,
    replaced whole, so it never pairs passages of one version with tokens of another; a
    change is loaded by one thread while the others wait for it.
    """

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._index = _Index(signature=None)
        self._loading = threading.Lock()

    def _current_signature(self) -> Signature:
        if not self.directory.is_dir():
            return ()
        entries = []
        for path in sorted(self.directory.rglob("*")):
            if path.suffix.lower() in {".txt", ".md"} and path.is_file():
                stat = path.stat()
                entries.append((str(path), stat.st_size, stat.st_mtime_ns))
        return tuple(entries)

    def _current(self) -> _Index:
        signature = self._current_signature()
        if self._index.signature == signature:
            return self._index
        with self._loading:
            index = self._index
            if index.signature != signature:  # not loaded meanwhile by another thread
                passages = tuple(load_passages(self.directory)) if signature else ()
                index = _Index(
                    signature,
                    passages,
                    tuple(terms_of(p.text) for p in passages),
                    {(p.source, p.index): p for p in passages},
                )
                self._index = index
                logger.info("corpus %s: %d passages", self.directory, len(passages))
            return index

    def search(self, query_terms: Sequence[str], limit: int = 6) -> list[ScoredPassage]:
        """Best passages for the terms (blocking file access; call it in a thread)."""
        index = self._current()
        if not index.passages or not query_terms:
            return []
        scores = bm25_rank([strip_inflection(t) for t in query_terms], index.tokens)
        ranked = sorted(
            (ScoredPassage(p, s) for p, s in zip(index.passages, scores, strict=True) if s > 0),
            key=lambda item: -item.score,
        )[:limit]
        # A hit's next passage usually continues its argument without repeating the
        # query words ("Radioactive waste..." after "Nuclear power..."): add it at half score.
        chosen = {(r.passage.source, r.passage.index) for r in ranked}
        for hit in list(ranked):
            key = (hit.passage.source, hit.passage.index + 1)
            if len(ranked) >= limit:
                break
            if key in index.by_key and key not in chosen:
                ranked.append(ScoredPassage(index.by_key[key], hit.score / 2))
                chosen.add(key)
        return ranked

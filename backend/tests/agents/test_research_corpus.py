"""The research corpus shared by concurrent steps, searched from worker threads at once."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from orchestra.agents.research import corpus as corpus_module
from orchestra.agents.research.corpus import Corpus, Passage

SEARCHERS = 6
WAIT = 60.0
#: How long the first load holds on, so that every unlocked search would be loading too.
OVERLAP = 1.0
TERMS = ["reactor", "electricity", "grid"]


def _version(tag: str, passages: int) -> str:
    """A file of `passages` paragraphs about reactors, each naming its version."""
    return "\n\n".join(
        f"Reactor {tag} number {n} produces steady electricity. Grid operators value reactor "
        f"{tag} output. Reactor {tag} fuel lasts long."
        for n in range(passages)
    )


def test_concurrent_searches_load_a_change_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Searches that meet a changed corpus together load it once, and all see that load."""
    (tmp_path / "reactors.md").write_text(_version("alpha", 12))
    loads: list[int] = []
    all_loading = threading.Event()
    real_load = corpus_module.load_passages

    def load(directory: Path) -> list[Passage]:
        loads.append(1)
        if len(loads) == SEARCHERS:
            all_loading.set()
        # Unlocked, every search would be in here together; locked, this waits in vain.
        all_loading.wait(OVERLAP)
        return real_load(directory)

    monkeypatch.setattr(corpus_module, "load_passages", load)
    corpus = Corpus(tmp_path)
    start = threading.Barrier(SEARCHERS, timeout=WAIT)

    def search(_: int) -> list[str]:
        start.wait()
        return [f.passage.text for f in corpus.search(TERMS, 8)]

    with ThreadPoolExecutor(SEARCHERS) as pool:
        found = [f.result(WAIT) for f in [pool.submit(search, n) for n in range(SEARCHERS)]]
    assert len(loads) == 1
    assert found[0] and all(f == found[0] for f in found)

"""Fixtures for executor tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.executor.slow import Slow


@pytest.fixture
def slow(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Slow]:
    delay, fail = getattr(request, "param", (0.5, ()))
    running = Slow(tmp_path, delay, fail)
    yield running
    running.close()

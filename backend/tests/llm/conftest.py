"""Fixtures of the LLM provider tests: a fake OpenAI-compatible server per test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from .fake_provider import FakeProvider


@pytest.fixture
def server() -> Iterator[FakeProvider]:
    """A fresh fake provider on a free loopback port, stopped after the test."""
    with FakeProvider() as running:
        yield running

"""Fixtures shared by the planner tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from orchestra.planner import CapabilitySpec
from tests.llm.fake_provider import FakeProvider

from .capabilities import BUILTIN


@pytest.fixture
def capabilities() -> tuple[CapabilitySpec, ...]:
    """The built-in agents' capabilities."""
    return BUILTIN


@pytest.fixture
def capability_names(capabilities: tuple[CapabilitySpec, ...]) -> list[str]:
    """Names of the built-in capabilities."""
    return [c.name for c in capabilities]


@pytest.fixture
def server() -> Iterator[FakeProvider]:
    """A fake OpenAI-compatible provider on a free loopback port, stopped after the test."""
    with FakeProvider() as running:
        yield running

"""Fixtures shared by the planner tests."""

from __future__ import annotations

import pytest

from orchestra.planner import CapabilitySpec

from .capabilities import BUILTIN


@pytest.fixture
def capabilities() -> tuple[CapabilitySpec, ...]:
    """The built-in agents' capabilities."""
    return BUILTIN


@pytest.fixture
def capability_names(capabilities: tuple[CapabilitySpec, ...]) -> list[str]:
    """Names of the built-in capabilities."""
    return [c.name for c in capabilities]

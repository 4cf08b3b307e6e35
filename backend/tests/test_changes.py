"""A change's events are of the documented types only: clients act on that list."""

from __future__ import annotations

import pytest

from orchestra.changes import Change


def test_an_event_of_an_undocumented_type_is_refused() -> None:
    change = Change("t1")
    change.event("step.completed", "s1", status="completed")
    assert change.events[0]["type"] == "step.completed"
    with pytest.raises(ValueError, match=r"step\.exploded"):
        change.event("step.exploded", "s1")

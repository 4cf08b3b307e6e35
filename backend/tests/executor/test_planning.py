"""What the workflow reads of a plan: step ids, also in summaries recorded by older code."""

from __future__ import annotations

from orchestra.executor.planning import step_id_of


def test_a_plan_summary_names_its_step_by_step_id() -> None:
    assert step_id_of({"step_id": "s2", "depends_on": ["s1"], "agent_id": "a"}) == "s2"


def test_a_summary_recorded_before_the_rename_still_names_its_step() -> None:
    # A workflow pending across the upgrade replays the summary its plan step recorded then.
    assert step_id_of({"key": "s1", "depends_on": [], "agent_id": "a"}) == "s1"

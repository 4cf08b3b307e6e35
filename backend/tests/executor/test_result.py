"""The offline task result: the steps' outputs joined, each step's headline first."""

from __future__ import annotations

from orchestra.db import TaskStep
from orchestra.executor.result import join_step_outputs


def step(step_id: str, title: str, output: str, depends_on: list[str]) -> TaskStep:
    return TaskStep(
        task_id="t",
        step_id=step_id,
        position=int(step_id[1:]),
        title=title,
        instruction=title,
        capability="statistics",
        depends_on=depends_on,
        output=output,
        output_data={"result": output},
        agent_name="Analyst Agent",
    )


def test_a_chain_shows_each_intermediate_value_before_the_sections() -> None:
    steps = [
        step("s1", "Sum", "**Sum: 19.75**\n\nValues (2): 12.5, 7.25", []),
        step("s2", "Average", "**Mean (average): 14.875**\n\nValues (2): 19.75, 10", ["s1"]),
    ]
    text, data = join_step_outputs(steps)
    assert text.startswith(
        "- s1, Sum: **Sum: 19.75**\n- s2 (after s1), Average: **Mean (average): 14.875**\n\n"
    )
    assert "## Sum\n\n**Sum: 19.75**\n\nValues (2): 12.5, 7.25" in text
    assert data["steps"]["s2"]["depends_on"] == ["s1"]
    assert data["steps"]["s1"]["data"] == {"result": steps[0].output}


def test_one_step_is_its_own_section() -> None:
    text, _ = join_step_outputs([step("s1", "Sum", "**Sum: 3**", [])])
    assert text == "## Sum\n\n**Sum: 3**"

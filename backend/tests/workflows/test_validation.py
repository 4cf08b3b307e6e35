"""A workflow's problems, all of them and where they are; a run's inputs and their defaults."""

from __future__ import annotations

from typing import Any

from orchestra.workflows.definition import WorkflowDefinition
from orchestra.workflows.validation import apply_defaults, input_problems, workflow_problems

SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "numbers": {"type": "array", "items": {"type": "number"}},
        "mode": {"enum": ["fast", "slow"], "default": "fast"},
    },
    "required": ["numbers"],
}


def _definition(**changes: Any) -> WorkflowDefinition:
    body: dict[str, Any] = {
        "name": "w",
        "input_schema": SCHEMA,
        "steps": [
            {"id": "s1", "title": "S1", "capability": "statistics",
             "instruction": "mean of {{ inputs.numbers }}"},
            {"id": "s2", "title": "S2", "capability": "calculation", "depends_on": ["s1"],
             "instruction": "{{ steps.s1.data.mean }} * 2", "condition": "steps.s1.data.mean > 1"},
        ],
        "outputs": {"mean": "steps.s1.data.mean"},
    }  # fmt: skip
    body.update(changes)
    return WorkflowDefinition.model_validate(body)


def test_a_good_workflow_has_no_problem() -> None:
    assert workflow_problems(_definition(), ["statistics", "calculation"], 10) == []


def test_the_plan_checks_are_the_planner_s_with_locations() -> None:
    problems = workflow_problems(_definition(), ["statistics"], 1)
    assert {p["field"] for p in problems} == {"steps", "steps.1.capability"}


def test_a_schema_that_is_not_an_object_of_inputs_is_refused() -> None:
    problems = workflow_problems(
        _definition(input_schema={"type": "array"}), ["statistics", "calculation"], 10
    )
    assert problems[0]["field"] == "input_schema.type"
    # What names inputs is not checked against a broken schema: one problem, not many.
    assert [p["field"] for p in problems] == ["input_schema.type"]


def test_a_condition_and_outputs_are_checked_like_templates() -> None:
    definition = _definition(outputs={"x": "inputs.missing", "y": "steps.s1.txt"})
    definition.steps[1].condition = "steps.s2.data.mean > 1"  # itself: not an ancestor
    problems = workflow_problems(definition, ["statistics", "calculation"], 10)
    fields = [p["field"] for p in problems]
    assert fields == ["steps.1.condition", "outputs.x", "outputs.y"], problems


def test_inputs_get_their_defaults_then_are_checked() -> None:
    assert apply_defaults(SCHEMA, {"numbers": [1]}) == {"numbers": [1], "mode": "fast"}
    assert apply_defaults(SCHEMA, {"numbers": [1], "mode": "slow"})["mode"] == "slow"
    assert input_problems(SCHEMA, {"numbers": [1], "mode": "fast"}) == []
    problems = input_problems(SCHEMA, {"mode": "quick"})
    assert {p["field"] for p in problems} == {"inputs.numbers", "inputs.mode"}


def test_a_schema_is_never_fetched_from_elsewhere_and_must_build() -> None:
    remote = {
        "type": "object",
        "properties": {"n": {"$ref": "http://169.254.169.254/latest/meta-data"}},
    }
    capabilities = ["statistics", "calculation"]
    problems = workflow_problems(_definition(input_schema=remote), capabilities, 10)
    assert problems[0]["field"] == "input_schema", problems
    assert "is not fetched" in problems[0]["problem"]
    broken = {"type": "object", "properties": {"n": {"type": "string", "pattern": "("}}}
    problems = workflow_problems(_definition(input_schema=broken), capabilities, 10)
    assert problems[0]["field"] == "input_schema" and "regex" in problems[0]["problem"]


def test_defaults_are_checked_where_they_are_even_through_references() -> None:
    schema = {
        "type": "object",
        "$defs": {"count": {"type": "integer", "minimum": 1}},
        "properties": {"n": {"$ref": "#/$defs/count", "default": 0}},
        "required": ["other"],
    }
    problems = workflow_problems(
        _definition(input_schema=schema), ["statistics", "calculation"], 10
    )
    fields = [p["field"] for p in problems]
    assert "input_schema.properties.n.default" in fields, problems
    assert "input_schema.required" in fields  # 'other' is not declared


def test_for_each_names_a_list_input_and_only_its_step_sees_item() -> None:
    schema = {
        "type": "object",
        "properties": {"xs": {"type": "array"}, "word": {"type": "string"}},
    }
    definition = _definition(input_schema=schema)
    definition.steps[0].instruction = "mean of {{ item }} at {{ index }}"
    definition.steps[0].for_each = "inputs.xs"
    assert workflow_problems(definition, ["statistics", "calculation"], 10) == []
    definition.steps[1].instruction = "{{ item }} * 2"  # not a step with for_each
    definition.steps[1].condition = None
    definition.steps[0].for_each = "inputs.word"
    problems = workflow_problems(definition, ["statistics", "calculation"], 10)
    assert [p["field"] for p in problems] == ["steps.0.for_each", "steps.1.instruction"]
    assert "array" in problems[0]["problem"] and "'item'" in problems[1]["problem"]


def test_for_each_over_a_step_s_data_names_an_earlier_step() -> None:
    definition = _definition()
    definition.steps[1].for_each = "steps.s1.data.values"
    definition.steps[1].instruction = "{{ item }} * {{ steps.s1.data.mean }}"
    assert workflow_problems(definition, ["statistics", "calculation"], 10) == []
    wrong = {
        "steps.s9.data.values": "names step 's9', which is not a step of this workflow",
        "steps.s2.data.values": "names step 's2', which is not a step this one depends on",
        "steps.s1": "names a step, not its data",
        "steps.s1.output": "a step has data, text, status, title",
    }
    for path, problem in wrong.items():
        definition.steps[1].for_each = path
        problems = workflow_problems(definition, ["statistics", "calculation"], 10)
        assert [p["field"] for p in problems] == ["steps.1.for_each"], (path, problems)
        assert problem in problems[0]["problem"], (path, problems)

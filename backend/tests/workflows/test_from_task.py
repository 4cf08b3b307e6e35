"""A task's description and plan made into a workflow: its values as inputs, its
instructions as templates that render the same text with the inputs' defaults."""

from __future__ import annotations

from orchestra.planner import Plan
from orchestra.workflows.from_task import given_values, templated, workflow_of
from orchestra.workflows.templates import render
from orchestra.workflows.validation import apply_defaults, workflow_problems


def test_quoted_texts_then_numbers_outside_them_each_once() -> None:
    found = given_values(
        "Compare \"Q3 sales\" with 'last year' for 3 regions, top 2.5%, v2 of step s1, 3 again;"
        " it's the user's “big one”, the cats' toys' colors"
    )
    assert [(g.name, g.value) for g in found] == [
        ("text_1", "Q3 sales"),
        ("text_2", "last year"),
        ("text_3", "big one"),
        ("number_1", 3),
        ("number_2", 2.5),
    ]


def test_an_instruction_names_the_inputs_where_their_values_are_written() -> None:
    values = given_values('Find "Q3 sales" of 3 shops, then 13 and 3.5 and s3')
    instruction = "Search Q3 sales figures for 3 shops; skip 13, 3.5 and s3 {{ raw }} {% x %}"
    template = templated(instruction, values)
    assert template.count("{{ inputs.") == 4, template  # 13 and s3 are not the given 3
    assert "{{ inputs.text_1 }}" in template and "{{ inputs.number_1 }}" in template
    defaults = {g.name: g.value for g in values}
    assert render(template, {"inputs": defaults}) == instruction  # braces kept as text
    changed = render(template, {"inputs": {**defaults, "number_1": 7, "text_1": "Q4 costs"}})
    assert changed == "Search Q4 costs figures for 7 shops; skip 13, 3.5 and s3 {{ raw }} {% x %}"


def test_the_workflow_is_valid_and_runs_the_plan_as_it_was() -> None:
    plan = Plan.model_validate(
        {
            "steps": [
                {"id": "step-1", "title": "Mean", "capability": "statistics",
                 "instruction": "Compute the mean of 4, 8, 15"},
                {"id": "step-2", "title": "Double", "capability": "calculation",
                 "depends_on": ["step-1"], "instruction": "Double the mean"},
            ]
        }
    )  # fmt: skip
    definition = workflow_of("Means", "The mean of 4, 8 and 15, doubled", plan)
    assert [s.id for s in definition.steps] == ["step_1", "step_2"]
    assert definition.steps[1].depends_on == ["step_1"]
    assert workflow_problems(definition, ["statistics", "calculation"], 10) == []
    inputs = apply_defaults(definition.input_schema, {})
    assert inputs == {"number_1": 4, "number_2": 8, "number_3": 15}
    assert render(definition.steps[0].instruction, {"inputs": inputs}) == plan.steps[0].instruction

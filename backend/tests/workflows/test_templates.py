"""Templates, conditions and paths: Jinja2's sandbox, strict names, dotted paths."""

from __future__ import annotations

import pytest

from orchestra.workflows.templates import (
    Reference,
    TemplateProblem,
    evaluate,
    expression_references,
    parse_path,
    render,
    select,
    template_references,
)

CONTEXT = {"inputs": {"n": [1, 2]}, "steps": {"s1": {"data": {"mean": 12, "rows": [{"x": 3}]}}}}


def test_a_template_renders_inputs_and_step_data() -> None:
    text = "Mean of {{ inputs.n | join(', ') }} is {{ steps.s1.data.mean }}"
    assert render(text, CONTEXT) == "Mean of 1, 2 is 12"


@pytest.mark.parametrize(
    "source",
    [
        "{{ inputs.n.__class__.__mro__ }}",  # Python's internals
        "{{ ''.__class__.__subclasses__() }}",
        "{{ inputs.n.append(3) }}",  # a method that changes what it is given
    ],
)
def test_the_sandbox_refuses_what_is_unsafe(source: str) -> None:
    with pytest.raises(TemplateProblem):
        render(source, CONTEXT)
    assert CONTEXT["inputs"]["n"] == [1, 2]


def test_a_missing_name_is_an_error_not_an_empty_string() -> None:
    with pytest.raises(TemplateProblem, match="no attribute 'median'"):
        render("{{ steps.s1.data.median }}", CONTEXT)
    with pytest.raises(TemplateProblem, match="median"):
        evaluate("steps.s1.data.median > 1", CONTEXT)


def test_conditions_are_expressions() -> None:
    assert evaluate("steps.s1.data.mean > 10", CONTEXT) is True
    assert evaluate("steps.s1.data.mean > 10 and inputs.n | length > 5", CONTEXT) is False
    with pytest.raises(TemplateProblem):
        evaluate("steps.s1.data.mean > 'x'", CONTEXT)  # no order between a number and text
    with pytest.raises(TemplateProblem, match="after the expression"):
        expression_references("1 }}{{ 2")


def test_references_name_what_a_template_uses() -> None:
    found = template_references(
        "{% for v in inputs.n %}{{ v }}{% endfor %}{{ steps['s1'].data.mean }}{{ other }}"
    )
    assert Reference("inputs", ("n",)) in found
    assert Reference("steps", ("s1", "data", "mean")) in found
    assert Reference("other") in found
    assert all(r.root != "v" for r in found)  # a loop's own variable
    with pytest.raises(TemplateProblem):
        template_references("{{ unclosed")


def test_paths_select_values_and_null_where_there_is_none() -> None:
    assert parse_path("steps.s1.data.rows.0.x") == Reference(
        "steps", ("s1", "data", "rows", "0", "x")
    )
    assert select("steps.s1.data.rows.0.x", CONTEXT) == 3
    assert select("steps.s1.data.rows.5.x", CONTEXT) is None
    assert select("steps.s2.data", CONTEXT) is None
    for bad in ("step.s1", "inputs", "inputs..n", "inputs.n[0]", "steps.s1.data.mean + 1"):
        with pytest.raises(TemplateProblem):
            parse_path(bad)

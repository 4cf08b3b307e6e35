"""A workflow run's record after a replan: replanned steps stand for the steps they replace."""

from __future__ import annotations

from typing import Any

from orchestra.workflows import run
from orchestra.workflows.definition import WorkflowDefinition

DEFINITION = WorkflowDefinition.model_validate(
    {
        "name": "per item then sum",
        "replan": True,
        "input_schema": {"type": "object", "properties": {"xs": {"type": "array"}}},
        "steps": [
            {"id": "first", "title": "First", "capability": "c", "instruction": "go"},
            {"id": "each", "title": "Each", "capability": "c", "for_each": "inputs.xs",
             "depends_on": ["first"], "instruction": "{{ item }}"},
            {"id": "sum", "title": "Sum", "capability": "c", "depends_on": ["each"],
             "instruction": "{{ steps.first.data.n }} {{ steps.each.data | sum }}"},
        ],
        "outputs": {"each": "steps.each.data", "first": "steps.first.data.n"},
    }
)  # fmt: skip


def _done(data: Any) -> dict[str, Any]:
    return {"status": "completed", "title": "t", "text": "", "data": data}


def test_the_run_records_that_its_workflow_may_be_replanned() -> None:
    _, record = run.start(DEFINITION, {"xs": [1, 2]})
    assert record["replan"] is True
    plain = DEFINITION.model_copy(update={"replan": False})
    assert "replan" not in run.start(plain, {"xs": [1, 2]})[1]


def test_a_replanned_item_and_a_replanned_step_are_read_in_place_of_the_old_ones() -> None:
    _, record = run.start(DEFINITION, {"xs": [1, 2]})
    record = run.replanned(record, {"each#1": "r1-each#1", "sum": "r1-sum"})
    # A second replan of the same work: the newest step stands for it.
    record = run.replanned(record, {"r1-each#1": "r2-each#1"}, rewritten=["r2-each#1"])
    assert run.current(record, "each#1") == "r2-each#1"
    # Prepared as the item it replaces; its instruction is the replan's own.
    assert record["steps"]["r2-each#1"] == {"item": 2, "index": 1}
    # Sum reads a step further up than its own dependencies: that one is kept as it was.
    assert run.reads(record, "r1-sum", ["each#0", "r2-each#1"]) == ["each#0", "r2-each#1", "first"]
    assert run.reads(record, "other", ["each"]) == ["each#0", "r2-each#1"]
    results = {
        "first": _done({"n": 7}),
        "each#0": _done(10),
        "each#1": {"status": "failed", "title": "t", "text": "", "data": None},
        "r2-each#1": _done(20),
    }
    prepared = run.prepare(record, "r1-sum", ["each#0", "r2-each#1"], results)
    assert isinstance(prepared, run.Prepared)
    assert prepared.instruction == "7 30"
    assert run.outputs_of(record, results) == {"each": [10, 20], "first": 7}


def test_a_step_the_replan_wrote_anew_keeps_its_own_instruction() -> None:
    _, record = run.start(DEFINITION, {"xs": [1]})
    kept = run.replanned(record, {"sum": "r1-sum"})["steps"]["r1-sum"]
    assert kept["instruction"] == DEFINITION.steps[2].instruction
    rewritten = run.replanned(record, {"sum": "r1-sum"}, rewritten=["r1-sum"])
    assert "instruction" not in rewritten["steps"]["r1-sum"]
    assert rewritten["steps"]["r1-sum"]["reads"] == ["each#0", "first"]

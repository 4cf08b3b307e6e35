"""A workflow's definition: its input schema, its steps and its outputs, as saved and versioned.

These models are the request body of `POST/PUT /api/workflows` and the stored form of a
version (`workflow_versions.definition`). Their shape is checked here (types, lengths, names);
what needs the whole definition or the registry (cycles, capabilities, templates, references)
is checked by `orchestra.workflows.validation`, which reports every problem at once.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from orchestra.planner.schema import Aggregator, ConsensusParticipants

__all__ = ["WorkflowDefinition", "WorkflowStep"]

STEP_ID_PATTERN = r"^[A-Za-z_][A-Za-z0-9_]{0,39}$"
"""Step ids are names templates can use as attributes (`steps.s1.data`), short enough for
the `#<n>` of a fanned-out step's runs within a task step's 50 characters."""


class WorkflowStep(BaseModel):
    """One step of a workflow: a capability, the instruction its agent gets, and when it runs
    (or a person's approval of what the instruction says)."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=STEP_ID_PATTERN, description='Unique id of the step, e.g. "s1".')
    title: str = Field(min_length=1, max_length=200)
    capability: str = Field(
        default="", max_length=100, description="What its agent offers (none for an approval)."
    )
    instruction: str = Field(
        min_length=1,
        max_length=20_000,
        description="A Jinja2 template of the agent's instruction: `{{ inputs.topic }}`, "
        "`{{ steps.s1.data.mean }}` (only steps this one depends on, directly or not).",
    )
    depends_on: list[str] = Field(default_factory=list, max_length=100)
    condition: str | None = Field(
        default=None,
        max_length=2000,
        description="A Jinja2 expression; the step runs only when it is true, else it is "
        "skipped. E.g. `steps.s1.data.mean > 10`.",
    )
    when_skipped: Literal["skip", "run"] = Field(
        default="skip",
        description="What this step does when a step it depends on was skipped: be skipped "
        "too (the default) or run anyway (that step's `data` is then null).",
    )
    for_each: str | None = Field(
        default=None,
        max_length=200,
        description="A list input (`inputs.<name>`) or a list in an earlier step's data "
        "(`steps.<id>.data.<name>`): the step runs once per item, in parallel, as `<id>#0`, "
        "`<id>#1`...; its template sees `item` and `index`, and the steps after it see "
        "`steps.<id>.data` as the list of the items' results, in order.",
    )
    inputs: dict[str, str] = Field(
        default_factory=dict,
        max_length=100,
        description="Values put in the `data` of the step's message, by name: each a path "
        "such as `inputs.numbers` or `steps.s1.data.values`.",
    )
    expected_output: str = Field(default="", max_length=2000)
    timeout_seconds: float | None = Field(
        default=None, gt=0, le=86_400, description="One attempt's limit (else the default)."
    )
    max_attempts: int | None = Field(
        default=None, ge=1, le=20, description="Attempts in all (else the default)."
    )
    kind: Literal["agent", "consensus", "approval"] = Field(
        default="agent",
        description='"consensus": the instruction goes to several participants in parallel '
        "(`<id>@<label>`) and their answers are aggregated; later steps read the consensus "
        'as `steps.<id>` (its data is `{consensus: {...}}`). "approval": no agent and no '
        "capability; a person approves or rejects what the instruction says (rendered as "
        "any step's) before the steps after it run; its data is `{approved, comment}`.",
    )
    participants: ConsensusParticipants | None = Field(
        default=None, description='A consensus step\'s {"profiles": [...]} or {"agents": [...]}.'
    )
    aggregator: Aggregator | None = Field(
        default=None, description="vote (the default), central or llm."
    )
    aggregator_profile: str | None = Field(
        default=None, max_length=50, description="The model profile of an llm aggregation."
    )
    quorum: int | None = Field(
        default=None, ge=1, description="Participants that must answer (default 1)."
    )


class WorkflowDefinition(BaseModel):
    """A workflow as saved: every save of it makes a new version."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=200)
    description: str = Field(default="", max_length=20_000)
    input_schema: dict[str, Any] = Field(
        default_factory=lambda: {"type": "object", "properties": {}},
        description="JSON Schema of a run's inputs: an object whose properties are the "
        "inputs (types, `required`, `default`, `enum`...).",
    )
    steps: list[WorkflowStep] = Field(min_length=1, max_length=100)
    outputs: dict[str, str] = Field(
        default_factory=dict,
        max_length=100,
        description="The run's result (`result_data.outputs`), by name: each a path such as "
        "`steps.s1.data.mean`. A skipped step's values are null.",
    )
    replan: bool = Field(
        default=False,
        description="Whether a run's step that failed for good (after its retries and "
        "failover) has the work left planned again, as a task's is (at most MAX_REPLANS "
        "times); by default the run fails with the step. A replanned step `r<n>-<id>` "
        "stands for step `<id>` in later templates and in the outputs.",
    )

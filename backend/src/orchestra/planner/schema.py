"""Plan data model: capabilities offered by agents, and the step graph a planner produces.

`PlanStep` and `Plan` double as the LLM's structured-output schema, so their field
descriptions are written for a model as much as for people.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["CapabilitySpec", "Plan", "PlanStep", "PlannerKind"]


@dataclass(frozen=True)
class CapabilitySpec:
    """One capability (an A2A agent-card skill) offered by at least one registered agent.

    Attributes:
        name: The skill id, e.g. ``"statistics"``; steps refer to it in ``capability``.
        description: The skill's description from the agent card.
        tags: The skill's tags (short keywords).
        examples: The skill's example requests (whole sentences).
    """

    name: str
    description: str = ""
    tags: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()


class PlannerKind(StrEnum):
    """Which planner produced a task's plan (recorded on the task)."""

    OFFLINE = "offline"
    """The deterministic planner, because no LLM is configured."""
    LLM = "llm"
    """The LLM's first plan was valid."""
    LLM_REPAIRED = "llm-repaired"
    """The LLM's first plan was invalid; its second attempt, given the errors, was valid."""
    FALLBACK = "fallback"
    """The LLM failed or stayed invalid; the deterministic planner produced the plan."""
    USER = "user"
    """The plan came with the task (a workflow given as a DAG); it was validated, not made."""
    WORKFLOW = "workflow"
    """The task is a run of a saved workflow (`orchestra.workflows`): its version's steps."""


class PlanStep(BaseModel):
    """One step of a plan: a self-contained instruction for one agent capability."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(description='Short unique id of the step, e.g. "s1".')
    title: str = Field(description="Short human title of the step (at most 60 characters).")
    instruction: str = Field(
        description="What the agent must do, self-contained: include every subject, number "
        "and text the agent needs, because it does not see the rest of the task."
    )
    capability: str = Field(
        description="Name of the one capability needed; must be one of the available ones."
    )
    depends_on: list[str] = Field(
        default_factory=list,
        description="Ids of the steps whose results this step needs; empty when it can "
        "run right away, in parallel with others.",
    )
    expected_output: str = Field(default="", description="Brief description of the result.")


class Plan(BaseModel):
    """A task's plan: a directed acyclic graph of steps (edges are ``depends_on``)."""

    model_config = ConfigDict(extra="forbid")

    steps: list[PlanStep] = Field(description="The steps, in a sensible reading order.")

"""Plan data model: capabilities offered by agents, and the step graph a planner produces.

`PlanStep` and `Plan` double as the LLM's structured-output schema, so their field
descriptions are written for a model as much as for people.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Literal, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

__all__ = [
    "Aggregator",
    "CapabilitySpec",
    "ConsensusParticipants",
    "Plan",
    "PlanStep",
    "PlannerKind",
]

Aggregator = Literal["vote", "central", "llm"]
"""How a consensus step turns its participants' answers into one (see `orchestra.consensus`)."""


@dataclass(frozen=True)
class CapabilitySpec:
    """One capability (an A2A agent-card skill) offered by at least one registered agent.

    Attributes:
        name: The skill id, e.g. ``"statistics"``; steps refer to it in ``capability``.
        description: The skill's description from the agent card.
        tags: The skill's tags (short keywords).
        examples: The skill's example requests (whole sentences).
        profiles: The model profiles the instances of its agents serve (their cards say
            so), in registration order: what a consensus of models can ask.
    """

    name: str
    description: str = ""
    tags: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()
    profiles: tuple[str, ...] = ()


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


class ConsensusParticipants(BaseModel):
    """Who answers a consensus step: model profiles of the capability's agent (the instances
    whose card names the profile), or agents that offer the capability. One of the two."""

    model_config = ConfigDict(extra="forbid")

    profiles: list[str] | None = Field(
        default=None,
        max_length=10,
        description='Model profiles, e.g. ["fast", "smart", "local"]: each asks an instance '
        "of the capability's agent that serves that profile.",
    )
    agents: list[str] | None = Field(
        default=None,
        max_length=10,
        description="Names of registered agents that offer the capability.",
    )

    @model_validator(mode="after")
    def _one_kind(self) -> Self:
        if (self.profiles is None) == (self.agents is None):
            raise ValueError("give either profiles or agents (one of the two)")
        return self

    @property
    def labels(self) -> list[str]:
        """Each participant's label (its profile or agent name), in order."""
        return list(self.profiles if self.profiles is not None else self.agents or [])


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
        default="",
        description="Name of the one capability needed; must be one of the available ones "
        "(an approval step has none).",
    )
    depends_on: list[str] = Field(
        default_factory=list,
        description="Ids of the steps whose results this step needs; empty when it can "
        "run right away, in parallel with others.",
    )
    expected_output: str = Field(default="", description="Brief description of the result.")
    kind: Literal["agent", "consensus", "approval"] = Field(
        default="agent",
        description='"agent" (the default): one agent runs the step. "consensus": several '
        "participants answer the same instruction in parallel and their answers are "
        'aggregated into one. "approval" (only in plans written by people): no agent; a '
        "person approves or rejects what the instruction names before the steps after it run.",
    )
    participants: ConsensusParticipants | None = Field(
        default=None, description="A consensus step's participants (only with kind consensus)."
    )
    aggregator: Aggregator | None = Field(
        default=None,
        description='A consensus step\'s aggregation: "vote" (majority on the numbers or '
        'labels; the default), "central" (the answer most like the others) or "llm" (a '
        "model writes the consensus from the answers).",
    )
    aggregator_profile: str | None = Field(
        default=None, description="The model profile that writes an llm aggregation."
    )
    quorum: int | None = Field(
        default=None,
        ge=1,
        description="How many participants must answer for the consensus to complete (default 1).",
    )


class Plan(BaseModel):
    """A task's plan: a directed acyclic graph of steps (edges are ``depends_on``)."""

    model_config = ConfigDict(extra="forbid")

    steps: list[PlanStep] = Field(description="The steps, in a sensible reading order.")

"""The planner the executor calls: one async interface, offline or LLM with fallback.

`build_planner(settings)` picks the implementation once per process: `OfflinePlanner`
(the deterministic planner) when the ``PLANNER_MODEL`` profile is offline, else
`LLMPlanner` (structured output, one repair, deterministic fallback). Either way the
result is a `PlanOutcome` that says which planner made the plan, why, and the tokens it
cost.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from orchestra.config import Settings
from orchestra.offload import Overtime, offload
from orchestra.planner.deterministic import plan_deterministic
from orchestra.planner.errors import OvertimeError
from orchestra.planner.replanning import Setback, replan_offline
from orchestra.planner.schema import CapabilitySpec, Plan, PlannerKind

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

    from orchestra.llm import ModelProfile

__all__ = ["OfflinePlanner", "PlanOutcome", "TaskPlanner", "build_planner", "plan_offline"]

#: How long the deterministic planner may read one request (``PLAN_TIMEOUT_SECONDS``).
PLAN_DEADLINE = Settings.model_fields["plan_timeout_seconds"].default


async def plan_offline(
    description: str,
    capabilities: Sequence[CapabilitySpec],
    max_steps: int,
    history: Sequence[str],
    deadline: float = PLAN_DEADLINE,
) -> Plan:
    """`plan_deterministic` in a worker process, off the event loop (`orchestra.offload`).

    Raises:
        PlannerError: As `plan_deterministic` does; `OvertimeError` past the deadline.
    """
    try:
        return await offload(
            deadline,
            plan_deterministic,
            description,
            tuple(capabilities),
            max_steps,
            tuple(history),
        )
    except Overtime:
        raise OvertimeError(deadline) from None


@dataclass(frozen=True)
class PlanOutcome:
    """A plan and how it was made, as the task records it.

    Attributes:
        plan: The plan; it passes `validate_plan` for the capabilities and ``max_steps``
            it was made for.
        kind: Which planner produced it: offline, llm, llm-repaired or fallback.
        reason: Why this planner (for fallback: what went wrong with the LLM), one line
            meant for people.
        tokens_in: Prompt tokens of every LLM call made for this plan (0 offline).
        tokens_out: Completion tokens of those calls.
        model: The model that was called, None when no LLM was involved.
        thinking: A reasoning model's ``<think>`` text, kept apart from the plan.
    """

    plan: Plan
    kind: PlannerKind
    reason: str
    tokens_in: int = 0
    tokens_out: int = 0
    model: str | None = None
    thinking: str = ""


class TaskPlanner(Protocol):
    """Anything that turns a task into a validated plan."""

    async def plan(
        self,
        description: str,
        capabilities: Sequence[CapabilitySpec],
        history: Sequence[str],
        max_steps: int,
    ) -> PlanOutcome:
        """Plan a task.

        Args:
            description: The task in plain language.
            capabilities: The capabilities of healthy registered agents.
            history: The session's recent user messages, oldest first, without this task.
            max_steps: The largest number of steps the plan may have.

        Raises:
            EmptyTaskError: The description has no words.
            NoCapabilityError: ``capabilities`` is empty.
        """
        ...

    async def replan(
        self, setback: Setback, capabilities: Sequence[CapabilitySpec], max_steps: int
    ) -> PlanOutcome:
        """Plan the work left after a step failed for good (`orchestra.planner.replanning`).

        The plan's steps may depend on the completed steps by id; `adopt` checks it.

        Raises:
            ReplanError: There is no other plan (the reason is shown on the task).
        """
        ...


class OfflinePlanner:
    """The deterministic planner behind the async interface (no LLM configured)."""

    def __init__(self, deadline: float = PLAN_DEADLINE) -> None:
        self._deadline = deadline

    async def plan(
        self,
        description: str,
        capabilities: Sequence[CapabilitySpec],
        history: Sequence[str],
        max_steps: int,
    ) -> PlanOutcome:
        plan = await plan_offline(description, capabilities, max_steps, history, self._deadline)
        return PlanOutcome(
            plan, PlannerKind.OFFLINE, "no LLM provider is configured (LLM_PROVIDER=offline)"
        )

    async def replan(
        self, setback: Setback, capabilities: Sequence[CapabilitySpec], max_steps: int
    ) -> PlanOutcome:
        failed = ", ".join(s.id for s in setback.failed)
        return PlanOutcome(
            replan_offline(setback),
            PlannerKind.OFFLINE,
            f"the work of step {failed} is sent again to another agent offering its capability",
        )


def build_planner(
    settings: Settings, model: BaseChatModel | None = None, profile: ModelProfile | None = None
) -> TaskPlanner:
    """The planner for these settings; build it once per process and reuse it.

    Args:
        settings: ``PLANNER_MODEL`` names the model profile (``default``: LLM_PROVIDER's);
            an offline profile plans offline.
        model: A chat model to use instead of building one from the profile (e.g. one
            shared with the synthesizer); ignored offline.
        profile: The profile itself, when the caller has resolved it already.

    Raises:
        UnknownProfileError: ``PLANNER_MODEL`` names no profile.
    """
    deadline = settings.plan_timeout_seconds
    if profile is None:
        if settings.planner_model == "default" and settings.llm_provider == "offline":
            return OfflinePlanner(deadline)  # the common case, without loading the LLM clients
        from orchestra.llm import ModelProfiles

        profile = ModelProfiles.from_settings(settings).get_profile(
            settings.planner_model, "PLANNER_MODEL"
        )
    if profile.offline:
        return OfflinePlanner(deadline)
    # Imported here: the LLM path pulls in the provider clients, offline does not need them.
    from orchestra.llm import LLMPolicy, build_chat_model
    from orchestra.planner.llm import LLMPlanner

    chat_model = model or build_chat_model(settings, profile)
    if chat_model is None:  # pragma: no cover - build_chat_model returns None only offline
        return OfflinePlanner(deadline)
    return LLMPlanner(
        chat_model,
        model_name=profile.model,
        method=profile.structured_output,
        policy=LLMPolicy.from_settings(settings),
        offline_deadline=deadline,
    )

"""The LLM planner: a structured plan from the model, validated, repaired once, else fallback.

One call asks for a `Plan` through ``with_structured_output`` (tools, JSON schema or JSON
mode); an answer in text, such as JSON in a fenced code block after a ``<think>`` block, is
parsed too. An invalid plan goes back to the model once with the list of errors; if it is
still invalid, or a call fails or times out, the deterministic planner plans the task.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage
from langchain_core.runnables import Runnable
from pydantic import ValidationError

from orchestra.config import StructuredOutputMethod
from orchestra.llm import (
    PROVIDER_ERRORS,
    LLMPolicy,
    TokenUsage,
    describe_provider_error,
    extract_json,
    message_text,
)
from orchestra.planner.errors import EmptyTaskError, NoCapabilityError
from orchestra.planner.replanning import ReplanError, Setback, describe, replan_offline
from orchestra.planner.schema import CapabilitySpec, Plan, PlannerKind
from orchestra.planner.service import PLAN_DEADLINE, PlanOutcome, plan_offline
from orchestra.planner.validation import validate_plan

__all__ = ["LLMPlanner", "build_messages", "build_replan_messages"]

logger = logging.getLogger(__name__)

# Longest history message and previous answer quoted back to the model, in characters.
_HISTORY_CHARS = 1_500
_ANSWER_CHARS = 8_000
# Longest output of a completed step shown in a replan prompt.
_OUTPUT_CHARS = 600

REPLAN_RULES = """
This task was planned and run already, and a step failed for good (its agent was retried \
and other instances tried). Plan only the work that is left, in the same format:
- The completed steps' results exist: do not plan their work again. A step of yours may \
depend on a completed step by its id; its result is then that step's input.
- Do the failed step's work another way if there is one: another capability, smaller \
steps, or other wording. Do the work of the steps that did not run too.
- Your step ids are your own ("s1", "s2", ...); do not reuse a completed step's id."""

# What a failed call raises: the clients' errors after their retries, or our deadline.
_CALL_ERRORS: tuple[type[Exception], ...] = (*PROVIDER_ERRORS, TimeoutError)

SYSTEM_PROMPT = """\
You are the planner of Orchestra, a platform that runs each step of a plan on an agent \
offering one capability. Turn the user's task into a plan of steps. Rules:
- Every step uses exactly one capability, spelled exactly as in the list of capabilities. \
Never invent a capability.
- Use as few steps as the task needs, and never more than {max_steps}. A task that one \
capability can do in one go is one step.
- Each instruction must stand on its own: the agent sees only its instruction and the \
results of the steps it depends on. Copy into it every subject, number, quoted text and \
piece of data it needs.
- depends_on lists the ids of the steps whose results a step needs. Steps that do not \
need each other's results get no dependency, so they run in parallel. No cycles.
- Step ids are "s1", "s2", ... in order; titles are short (at most 60 characters).
- If the task refers to earlier messages of the conversation ("now do the same for \
2025", "what about spring?"), work out the full request from them and write complete \
instructions; an instruction never says "the same" or refers to the conversation.
- Plan the task; do not carry it out.
Return the plan with the Plan tool if one is offered; otherwise answer with only a JSON \
object of this shape:
{{"steps": [{{"id": "s1", "title": "...", "instruction": "...", "capability": "...", \
"depends_on": [], "expected_output": "..."}}]}}"""


def build_messages(
    description: str,
    capabilities: Sequence[CapabilitySpec],
    history: Sequence[str],
    max_steps: int,
) -> list[BaseMessage]:
    """The planning prompt: rules, the capabilities with their examples, history, task."""
    lines = ["Capabilities:"]
    for spec in capabilities:
        lines.append(f"- {spec.name}: {spec.description or '(no description)'}")
        if spec.tags:
            lines.append(f"  tags: {', '.join(spec.tags)}")
        if spec.examples:
            lines.append(f"  examples: {'; '.join(repr(e) for e in spec.examples)}")
        if len(spec.profiles) >= 2:
            # Only when asked for several models: a step of kind consensus asks these.
            lines.append(
                f"  models: {', '.join(spec.profiles)} (when the task asks several models, "
                'a step of kind "consensus" with participants {"profiles": [...]} asks them)'
            )
    if history:
        lines += ["", "Earlier messages of this conversation, oldest first:"]
        lines += [
            f"{number}. {_shorten(message, _HISTORY_CHARS)}"
            for number, message in enumerate(history, start=1)
        ]
    lines += ["", "Task to plan:", '"""', description.strip(), '"""']
    return [
        SystemMessage(content=SYSTEM_PROMPT.format(max_steps=max_steps)),
        HumanMessage(content="\n".join(lines)),
    ]


def build_replan_messages(
    setback: Setback, capabilities: Sequence[CapabilitySpec], max_steps: int
) -> list[BaseMessage]:
    """The replanning prompt: the planning prompt of the task, the replan's rules, and what
    completed (outputs cut short), what failed and why, and what is left."""
    system, human = build_messages(setback.description, capabilities, (), max_steps)
    lines = [str(human.content), "", *describe(setback, _OUTPUT_CHARS)]
    return [
        SystemMessage(content=str(system.content) + "\n" + REPLAN_RULES),
        HumanMessage(content="\n".join(lines)),
    ]


def _repair_message(errors: Sequence[str], names: Sequence[str], max_steps: int) -> HumanMessage:
    problems = "\n".join(f"- {error}" for error in errors)
    return HumanMessage(
        content=f"That plan cannot be used:\n{problems}\n"
        f"Return the whole corrected plan in the same format. Available capabilities: "
        f"{', '.join(names)}. At most {max_steps} steps."
    )


@dataclass(frozen=True)
class _Answer:
    """One answer of the model, read as a plan."""

    plan: Plan | None
    errors: list[str]
    text: str
    thinking: str
    usage: TokenUsage


class LLMPlanner:
    """Plans with a chat model, with one repair round and the deterministic fallback.

    Args:
        model: The LangChain chat model (from `orchestra.llm.build_chat_model`).
        model_name: The configured model name, recorded when the answer names none.
        method: How ``with_structured_output`` steers the model; "function_calling" works
            with OpenAI, Groq, Ollama and vLLM's tool parsers, "json_schema" and
            "json_mode" serve models without tools (e.g. some reasoning models).
        policy: Timeout and retries; the client applies them per request, the planner
            bounds each call by ``policy.deadline_seconds``.
    """

    def __init__(
        self,
        model: BaseChatModel,
        *,
        model_name: str,
        method: StructuredOutputMethod = "function_calling",
        policy: LLMPolicy | None = None,
        offline_deadline: float = PLAN_DEADLINE,
    ) -> None:
        self._model_name = model_name
        self._offline_deadline = offline_deadline
        self._policy = policy or LLMPolicy()
        self._structured: Runnable[Any, Any] = model.with_structured_output(
            Plan, method=method, include_raw=True
        )

    async def plan(
        self,
        description: str,
        capabilities: Sequence[CapabilitySpec],
        history: Sequence[str],
        max_steps: int,
    ) -> PlanOutcome:
        """Plan a task; never raises for an LLM failure (see `TaskPlanner.plan`)."""
        if not capabilities:
            raise NoCapabilityError()
        if not re.search(r"\w", description):
            raise EmptyTaskError()
        if max_steps < 1:
            raise ValueError(f"max_steps must be at least 1, got {max_steps}")
        names = [spec.name for spec in capabilities]
        messages = build_messages(description, capabilities, history, max_steps)
        usage = TokenUsage(model=self._model_name)
        thinking: list[str] = []

        def outcome(plan: Plan, kind: PlannerKind, reason: str) -> PlanOutcome:
            return PlanOutcome(
                plan,
                kind,
                reason,
                usage.input_tokens,
                usage.output_tokens,
                usage.model,
                "\n\n".join(t for t in thinking if t),
            )

        async def fallback(why: str) -> PlanOutcome:
            logger.warning("LLM planner falling back to the deterministic planner: %s", why)
            plan = await plan_offline(
                description, capabilities, max_steps, history, self._offline_deadline
            )
            return outcome(plan, PlannerKind.FALLBACK, f"{why}; the deterministic planner planned")

        try:
            first = await self._ask(messages)
        except _CALL_ERRORS as error:
            return await fallback(f"the LLM call failed: {self._describe(error)}")
        usage += first.usage
        thinking.append(first.thinking)
        errors = first.errors or _validate(first.plan, names, max_steps)
        if not errors and first.plan is not None:
            return outcome(first.plan, PlannerKind.LLM, "the LLM's plan passed validation")

        logger.info("LLM plan invalid, asking for a repair: %s", errors)
        repair = [*messages]
        if first.text:
            repair.append(AIMessage(content=_shorten(first.text, _ANSWER_CHARS)))
        repair.append(_repair_message(errors, names, max_steps))
        try:
            second = await self._ask(repair)
        except _CALL_ERRORS as error:
            return await fallback(
                f"the LLM's plan was invalid ({_summary(errors)}) and the repair call failed: "
                f"{self._describe(error)}"
            )
        usage += second.usage
        thinking.append(second.thinking)
        still = second.errors or _validate(second.plan, names, max_steps)
        if not still and second.plan is not None:
            return outcome(
                second.plan,
                PlannerKind.LLM_REPAIRED,
                f"the LLM's first plan was invalid ({_summary(errors)}); "
                "its repaired plan passed validation",
            )
        return await fallback(
            f"the LLM's plan was still invalid after a repair ({_summary(still)})"
        )

    async def replan(
        self, setback: Setback, capabilities: Sequence[CapabilitySpec], max_steps: int
    ) -> PlanOutcome:
        """Plan the work left after a step failed for good (see `TaskPlanner.replan`).

        One call, no repair: an answer that is not a plan raises `ReplanError` with the
        reasons (the executor checks a plan that is one with `adopt`). A call that fails
        falls back to the offline replan.
        """
        if not capabilities:
            raise NoCapabilityError()
        messages = build_replan_messages(setback, capabilities, max_steps)
        try:
            answer = await self._ask(messages)
        except _CALL_ERRORS as error:
            why = f"the LLM call failed: {self._describe(error)}"
            logger.warning("LLM replan falling back to the offline replan: %s", why)
            plan = replan_offline(setback)
            return PlanOutcome(
                plan, PlannerKind.FALLBACK, f"{why}; the failed work is sent to another agent"
            )
        if answer.plan is None:
            raise ReplanError("the replanned plan is invalid: " + _summary(answer.errors))
        return PlanOutcome(
            answer.plan,
            PlannerKind.LLM,
            "the LLM planned the remaining work",
            answer.usage.input_tokens,
            answer.usage.output_tokens,
            answer.usage.model,
            answer.thinking,
        )

    async def _ask(self, messages: list[BaseMessage]) -> _Answer:
        """One structured call, read into a plan or a list of reasons it is not one."""
        try:
            async with asyncio.timeout(self._policy.deadline_seconds):
                result = await self._structured.ainvoke(messages)
        except ValidationError as error:
            # OpenAI's json_schema path parses inside the client call, so an unusable answer
            # arrives as this error, without the raw text.
            return _Answer(None, _schema_errors(error), "", "", TokenUsage())
        raw = result["raw"]
        usage = TokenUsage.of(raw, self._model_name)
        text, thinking = message_text(raw)
        tool_calls = getattr(raw, "tool_calls", None) or []
        invalid_calls = getattr(raw, "invalid_tool_calls", None) or []
        candidate: Any
        if tool_calls:
            candidate = tool_calls[0]["args"]
            shown = json.dumps(candidate, ensure_ascii=False)
            parsed = result.get("parsed")
            if isinstance(parsed, Plan):
                return _Answer(parsed, [], shown, thinking, usage)
        else:
            # A text answer (JSON mode, a model without tools, a fenced code block): read it
            # ourselves, from the text without <think> blocks, never from the thinking.
            shown = str(invalid_calls[0].get("args") or "") if invalid_calls else text
            try:
                candidate = extract_json(shown)
            except ValueError as error:
                return _Answer(
                    None, [f"The answer is not a plan: {error}."], shown, thinking, usage
                )
        plan, errors = _to_plan(candidate)
        return _Answer(plan, errors, shown, thinking, usage)

    def _describe(self, error: BaseException) -> str:
        if isinstance(error, TimeoutError):
            return (
                f"no answer within {self._policy.deadline_seconds:g}s "
                f"(LLM_TIMEOUT_SECONDS={self._policy.timeout_seconds:g}, "
                f"LLM_MAX_RETRIES={self._policy.max_retries})"
            )
        description = describe_provider_error(error)
        if description == "the request timed out":
            return (
                f"the request timed out after {self._policy.timeout_seconds:g}s "
                f"(LLM_TIMEOUT_SECONDS) and {self._policy.max_retries} retries"
            )
        return description


def _to_plan(candidate: Any) -> tuple[Plan | None, list[str]]:
    if isinstance(candidate, list):
        candidate = {"steps": candidate}
    try:
        return Plan.model_validate(candidate), []
    except ValidationError as error:
        return None, _schema_errors(error)


def _schema_errors(error: ValidationError) -> list[str]:
    """Pydantic's errors as sentences a model can act on."""
    messages = []
    for item in error.errors()[:10]:
        where = ".".join(str(part) for part in item["loc"])
        if where:
            messages.append(f"The plan does not match the schema at {where}: {item['msg']}.")
        else:
            messages.append(f"The answer is not a valid plan: {item['msg']}.")
    return messages


def _validate(plan: Plan | None, names: Sequence[str], max_steps: int) -> list[str]:
    if plan is None:
        return ["The answer is not a plan."]
    return validate_plan(plan, names, max_steps)


def _summary(errors: Sequence[str], limit: int = 3) -> str:
    shown = "; ".join(e.rstrip(".") for e in errors[:limit])
    more = len(errors) - limit
    return shown + (f"; and {more} more" if more > 0 else "")


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"

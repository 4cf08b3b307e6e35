"""The final synthesis: the LLM turns a task's step outputs into one answer.

Offline there is no synthesizer (`build_synthesizer` returns None) and the executor joins
the step outputs itself; with an LLM, a failed synthesis raises `LLMCallError`, and the
executor falls back to joining them the same way.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import BaseMessage, HumanMessage, SystemMessage

from orchestra.config import Settings
from orchestra.llm import (
    PROVIDER_ERRORS,
    LLMCallError,
    LLMPolicy,
    LLMTimeoutError,
    ModelProfile,
    ModelProfiles,
    TokenUsage,
    build_chat_model,
    describe_provider_error,
    message_text,
)

__all__ = ["StepOutput", "Synthesis", "Synthesizer", "build_synthesizer"]

# Longest step output quoted to the model, in characters; long outputs keep their start.
_OUTPUT_CHARS = 12_000

SYSTEM_PROMPT = (
    "You write the final answer to a user's task from the results of the steps that "
    "carried it out. Use only those results; keep their numbers, names and quotes exact; "
    "say plainly when a result is missing or a step failed. Answer the task directly in "
    "Markdown, without mentioning steps, agents or this instruction."
)


@dataclass(frozen=True)
class StepOutput:
    """What one step of a task produced.

    Attributes:
        id: The step's id in the plan (e.g. "s1").
        title: The step's title.
        capability: The capability that ran it.
        text: The step's output as text (empty when it produced nothing).
    """

    id: str
    title: str
    capability: str
    text: str


@dataclass(frozen=True)
class Synthesis:
    """The task's result as the LLM wrote it, and what it cost."""

    text: str
    thinking: str
    tokens_in: int
    tokens_out: int
    model: str | None
    profile: str | None = None
    """The model profile that wrote it (its prices cost the tokens)."""


def build_prompt(description: str, outputs: Sequence[StepOutput]) -> list[BaseMessage]:
    """The synthesis prompt: the task, then each step's output under its id and title."""
    parts = ["Task:", '"""', description.strip(), '"""', "", "Results of the steps:"]
    for output in outputs:
        text = output.text.strip() or "(no output)"
        if len(text) > _OUTPUT_CHARS:
            text = text[:_OUTPUT_CHARS] + "\n[... output shortened ...]"
        parts += ["", f"## {output.id}: {output.title} ({output.capability})", text]
    return [SystemMessage(content=SYSTEM_PROMPT), HumanMessage(content="\n".join(parts))]


class Synthesizer:
    """Writes a task's result from its step outputs with a chat model."""

    def __init__(
        self,
        model: BaseChatModel,
        *,
        model_name: str,
        policy: LLMPolicy | None = None,
        profile: str | None = None,
    ) -> None:
        self._model = model
        self._model_name = model_name
        self._profile = profile
        self._policy = policy or LLMPolicy()

    async def synthesize(self, description: str, outputs: Sequence[StepOutput]) -> Synthesis:
        """One LLM call that answers the task from the step outputs.

        Raises:
            LLMTimeoutError: No answer within the policy's deadline or the client's timeout.
            LLMCallError: The call failed after the client's retries, or the answer was
                empty once its ``<think>`` blocks were removed.
        """
        messages = build_prompt(description, outputs)
        try:
            async with asyncio.timeout(self._policy.deadline_seconds):
                answer = await self._model.ainvoke(messages)
        except TimeoutError as error:
            raise LLMTimeoutError(
                f"synthesis got no answer within {self._policy.deadline_seconds:g}s"
            ) from error
        except PROVIDER_ERRORS as error:
            what = describe_provider_error(error)
            if what == "the request timed out":
                raise LLMTimeoutError(f"synthesis: {what}") from error
            raise LLMCallError(f"synthesis failed: {what}") from error
        usage = TokenUsage.of(answer, self._model_name)
        text, thinking = message_text(answer)
        if not text:
            raise LLMCallError("synthesis failed: the model's answer was empty")
        return Synthesis(
            text, thinking, usage.input_tokens, usage.output_tokens, usage.model, self._profile
        )


def build_synthesizer(
    settings: Settings, model: BaseChatModel | None = None, profile: ModelProfile | None = None
) -> Synthesizer | None:
    """The synthesizer for these settings, or None offline (the executor joins outputs).

    Args:
        settings: ``SYNTHESIS_MODEL`` names the model profile (``default``: LLM_PROVIDER's).
        model: A chat model to share (e.g. with the planner) instead of building one.
        profile: The profile itself, when the caller has resolved it already.

    Raises:
        UnknownProfileError: ``SYNTHESIS_MODEL`` names no profile.
    """
    if profile is None:
        profile = ModelProfiles.from_settings(settings).get_profile(
            settings.synthesis_model, "SYNTHESIS_MODEL"
        )
    if profile.offline:
        return None
    chat_model = model or build_chat_model(settings, profile)
    if chat_model is None:  # pragma: no cover - only offline
        return None
    return Synthesizer(
        chat_model,
        model_name=profile.model,
        policy=LLMPolicy.from_settings(settings),
        profile=profile.name,
    )

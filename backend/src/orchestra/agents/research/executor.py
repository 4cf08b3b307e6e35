"""The research agent's A2A executor: runs the LangGraph per task, streaming node progress
and the answer as the model writes it.

Each run is its own LangGraph thread, named after the A2A task: two steps of one task, or
two tasks of one session, never share checkpoints. A run that a restart of the agent
interrupted is sent again under the same task id (`orchestra.agents.idempotency`) and
resumes from its last checkpoint; a task that reached a final state has its thread
deleted, so checkpoints (up to the graph's material bound each) do not pile up. A run that a
shutdown stopped and that nobody sent again (its task was canceled or deleted meanwhile)
has its thread deleted when the agent starts after CHECKPOINT_DAYS.
Cancelling the task cancels the asyncio task that drives the graph (see `StepExecutor`).

A request with no subject ("research something for me") and no material is asked about
(`NeedsInput`) rather than answered from nothing; the reply names the subject.
"""

from __future__ import annotations

import json
import logging
import uuid
from contextlib import AsyncExitStack
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.runnables import RunnableConfig
from langgraph.checkpoint.sqlite.aio import AsyncSqliteSaver
from langgraph.types import Durability, StreamMode

from orchestra.agents import prose
from orchestra.agents.executor import Progress, StepExecutor
from orchestra.agents.protocol import NeedsInput, StepRequest, StepResult
from orchestra.agents.research.corpus import Corpus
from orchestra.agents.research.graph import ResearchState, build_research_graph

__all__ = ["ResearchExecutor"]

logger = logging.getLogger(__name__)

#: "custom" carries the nodes' progress messages, "values" the state after each step.
_STREAM_MODES: list[StreamMode] = ["custom", "values"]


class ResearchExecutor(StepExecutor):
    """Research, analysis and writing over the material a step receives."""

    artifact_name = "answer"

    def __init__(
        self,
        *,
        checkpoint_path: Path | None,
        corpus_dir: Path,
        model: BaseChatModel | None = None,
        llm_timeout_seconds: float = 120.0,
        checkpoint_days: float = 1.0,
        profile: str | None = None,
    ) -> None:
        super().__init__()
        self._checkpoint_path = checkpoint_path
        self._corpus = Corpus(corpus_dir)
        self._model = model
        self._profile = profile
        self._llm_timeout_seconds = llm_timeout_seconds
        self._checkpoints_kept = timedelta(days=checkpoint_days)
        self._saver: AsyncSqliteSaver | None = None
        # Offline-ready before startup (tests, in-memory use); startup swaps in persistence.
        self._graph = build_research_graph(corpus=self._corpus, model=model, profile=profile)

    async def startup(self, stack: AsyncExitStack) -> None:
        if self._checkpoint_path is None:
            return
        self._checkpoint_path.parent.mkdir(parents=True, exist_ok=True)
        saver = await stack.enter_async_context(
            AsyncSqliteSaver.from_conn_string(str(self._checkpoint_path))
        )
        await saver.setup()
        self._saver = saver
        await self._drop_abandoned(saver)
        self._graph = build_research_graph(
            corpus=self._corpus,
            model=self._model,
            checkpointer=saver,
            llm_timeout_seconds=self._llm_timeout_seconds,
            profile=self._profile,
        )
        logger.info("research graph checkpoints in %s", self._checkpoint_path)

    def answered(self, request: StepRequest) -> StepRequest:
        """The replies name what to research: they are the instruction now."""
        said = " ".join(r.text for r in request.replies if r.text.strip())
        return replace(request, instruction=said or request.instruction)

    async def run(self, request: StepRequest, progress: Progress) -> StepResult:
        if _no_subject(request):
            raise NeedsInput(NO_SUBJECT)
        state: ResearchState = {
            "instruction": request.instruction,
            "task": request.task,
            "capability": request.capability,
            "inputs": [
                {"step_id": i.step_id, "title": i.title, "text": _input_text(i.text, i.data)}
                for i in request.inputs
                # An earlier research step that found nothing says so in prose; quoting that
                # prose as if it were a source would dress up "no material" as findings.
                if not _found_nothing(i.data)
            ],
            "empty_inputs": [
                i.title or i.step_id for i in request.inputs if _found_nothing(i.data)
            ],
            "extra_texts": [_as_text(request.data)] if request.data is not None else [],
            "documents": [
                {"document": d.document, "passage": d.passage, "text": d.text}
                for d in request.documents
            ],
        }
        config: RunnableConfig = {
            "configurable": {"thread_id": request.task_id or uuid.uuid4().hex}
        }
        graph_input: ResearchState | None = state
        if self._saver is not None:
            left = await self._graph.aget_state(config)
            if left.next:
                logger.info(
                    "task %s: resuming the research graph at %s",
                    request.task_id,
                    ", ".join(left.next),
                )
                graph_input = None
        # "sync": a node's checkpoint is written before the next node starts, so a resumed
        # run repeats no finished node (LangGraph's default writes them behind the run).
        durability: Durability | None = "sync" if self._saver is not None else None
        final: dict[str, Any] = {}
        async for mode, chunk in self._graph.astream(
            graph_input, config=config, stream_mode=_STREAM_MODES, durability=durability
        ):
            if mode == "custom" and isinstance(chunk, dict) and "status" in chunk:
                await progress(str(chunk["status"]))
            elif mode == "custom" and isinstance(chunk, dict) and "delta" in chunk:
                await progress.text(str(chunk["delta"]))
            elif mode == "values" and isinstance(chunk, dict):
                final = chunk
        return _result(final)

    async def _drop_abandoned(self, saver: AsyncSqliteSaver) -> None:
        """Delete the threads whose newest checkpoint is older than CHECKPOINT_DAYS."""
        newest: dict[str, str] = {}
        async for saved in saver.alist(None):
            thread_id = str(saved.config["configurable"]["thread_id"])
            newest[thread_id] = max(newest.get(thread_id, ""), saved.checkpoint["ts"])
        cutoff = (datetime.now(UTC) - self._checkpoints_kept).isoformat()
        abandoned = [thread for thread, ts in newest.items() if ts < cutoff]
        for thread_id in abandoned:
            await saver.adelete_thread(thread_id)
        if abandoned:
            logger.info("dropped the checkpoints of %d abandoned research runs", len(abandoned))

    async def ended(self, task_id: str) -> None:
        if self._saver is not None:
            await self._saver.adelete_thread(task_id)


NO_SUBJECT = (
    "What should I research? The request names no subject, and no material came with it. "
    "Reply with the subject (e.g. 'the benefits of remote work')."
)
# Words of a request that say what to do, not what about: "find some information for me".
_NOT_A_SUBJECT = frozenset(
    {
        "research",
        "look",
        "find",
        "search",
        "source",
        "sources",
        "information",
        "info",
        "topic",
        "subject",
        "something",
        "anything",
        "thing",
        "stuff",
        "please",
        "some",
        "bit",
        "it",
        "this",
        "that",
        "up",
        "into",
        "me",
        "us",
    }
)


def _no_subject(request: StepRequest) -> bool:
    """Whether the request gives nothing to research: no subject, inputs, data or documents."""
    if request.inputs or request.data is not None or request.documents:
        return False
    words = prose.content_words(request.instruction, drop_instruction_words=True)
    return all(word in _NOT_A_SUBJECT for word in words)


def _result(values: dict[str, Any]) -> StepResult:
    return StepResult(
        text=str(values.get("answer", "")),
        data=dict(values.get("result", {})),
        thinking=str(values.get("thinking", "")),
    )


def _as_text(data: Any) -> str:
    return data if isinstance(data, str) else json.dumps(data, ensure_ascii=False, indent=1)


def _input_text(text: str, data: Any) -> str:
    # Structured-only outputs (e.g. the analyst's figures) still count as material.
    if text.strip() or data is None:
        return text
    return _as_text(data)


def _found_nothing(data: object) -> bool:
    """An earlier research step's answer that it found no source material."""
    return isinstance(data, dict) and data.get("materialFound") is False

"""The research agent's A2A executor: runs the LangGraph per task, streaming node progress.

Cancelling the task cancels the asyncio task that drives the graph (see `StepExecutor`).
"""

from __future__ import annotations

import json
import logging
from contextlib import AsyncExitStack
from pathlib import Path
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.runnables import RunnableConfig
from langgraph.checkpoint.sqlite.aio import AsyncSqliteSaver
from langgraph.types import StreamMode

from orchestra.agents.executor import Progress, StepExecutor
from orchestra.agents.protocol import StepRequest, StepResult
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
    ) -> None:
        super().__init__()
        self._checkpoint_path = checkpoint_path
        self._corpus = Corpus(corpus_dir)
        self._model = model
        self._llm_timeout_seconds = llm_timeout_seconds
        # Offline-ready before startup (tests, in-memory use); startup swaps in persistence.
        self._graph = build_research_graph(corpus=self._corpus, model=model)

    async def startup(self, stack: AsyncExitStack) -> None:
        if self._checkpoint_path is None:
            return
        self._checkpoint_path.parent.mkdir(parents=True, exist_ok=True)
        saver = await stack.enter_async_context(
            AsyncSqliteSaver.from_conn_string(str(self._checkpoint_path))
        )
        await saver.setup()
        self._graph = build_research_graph(
            corpus=self._corpus,
            model=self._model,
            checkpointer=saver,
            llm_timeout_seconds=self._llm_timeout_seconds,
        )
        logger.info("research graph checkpoints in %s", self._checkpoint_path)

    async def run(self, request: StepRequest, progress: Progress) -> StepResult:
        state: ResearchState = {
            "instruction": request.instruction,
            "task": request.task,
            "capability": request.capability,
            "inputs": [
                {"step_id": i.step_id, "title": i.title, "text": _input_text(i.text, i.data)}
                for i in request.inputs
                # An earlier research step that found nothing says so in prose; quoting that
                # prose as if it were a source would dress up "no material" as findings.
                if not (isinstance(i.data, dict) and i.data.get("materialFound") is False)
            ],
            "extra_texts": [_as_text(request.data)] if request.data is not None else [],
        }
        # One LangGraph thread per A2A context, so a context's turns share checkpoints.
        config: RunnableConfig = {
            "configurable": {"thread_id": request.context_id or request.task_id}
        }
        final: dict[str, Any] = {}
        async for mode, chunk in self._graph.astream(
            state, config=config, stream_mode=_STREAM_MODES
        ):
            if mode == "custom" and isinstance(chunk, dict) and "status" in chunk:
                await progress(str(chunk["status"]))
            elif mode == "values" and isinstance(chunk, dict):
                final = chunk
        return StepResult(
            text=str(final.get("answer", "")),
            data=dict(final.get("result", {})),
            thinking=str(final.get("thinking", "")),
        )


def _as_text(data: Any) -> str:
    return data if isinstance(data, str) else json.dumps(data, ensure_ascii=False, indent=1)


def _input_text(text: str, data: Any) -> str:
    # Structured-only outputs (e.g. the analyst's figures) still count as material.
    if text.strip() or data is None:
        return text
    return _as_text(data)

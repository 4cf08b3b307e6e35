"""The analyst's A2A executor: runs one deterministic operation per task, off the event loop."""

from __future__ import annotations

import asyncio

from orchestra.agents.analyst.operations import infer_operation, run_operation
from orchestra.agents.executor import Progress, StepExecutor
from orchestra.agents.protocol import StepRequest, StepResult

__all__ = ["AnalystExecutor"]


class AnalystExecutor(StepExecutor):
    """Statistics, calculation, summaries, keywords, sentiment and conversion, no LLM."""

    artifact_name = "analysis"

    async def run(self, request: StepRequest, progress: Progress) -> StepResult:
        operation = infer_operation(request)
        await progress(f"Running {operation}")
        # Up to 1 MB of CSV or text is CPU work; a thread keeps the server responsive.
        return await asyncio.to_thread(run_operation, request)

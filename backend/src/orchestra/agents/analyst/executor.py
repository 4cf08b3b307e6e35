"""The analyst's A2A executor: runs one deterministic operation per task, off the event loop."""

from __future__ import annotations

from orchestra.agents.analyst.operations import infer_operation, run_operation
from orchestra.agents.executor import Progress, StepExecutor
from orchestra.agents.protocol import AgentInputError, StepRequest, StepResult
from orchestra.config import Settings
from orchestra.offload import Overtime, offload

__all__ = ["AnalystExecutor"]

#: How long one step may take (``ANALYSIS_TIMEOUT_SECONDS``).
ANALYSIS_DEADLINE = Settings.model_fields["analysis_timeout_seconds"].default


class AnalystExecutor(StepExecutor):
    """Statistics, calculation, summaries, keywords, sentiment and conversion, no LLM."""

    artifact_name = "analysis"

    def __init__(self, deadline: float = ANALYSIS_DEADLINE) -> None:
        super().__init__()
        self._deadline = deadline

    async def run(self, request: StepRequest, progress: Progress) -> StepResult:
        # Reading a request is CPU work that holds the GIL (regular expressions, up to 1 MB
        # of CSV or text): worker processes keep the server responsive and the deadline
        # stops a request that would read for minutes.
        try:
            operation = await offload(self._deadline, infer_operation, request)
            await progress(f"Running {operation}")
            return await offload(self._deadline, run_operation, request)
        except Overtime:
            raise AgentInputError(
                f"The analysis took longer than {self._deadline:g} s, so it was stopped. "
                "Send less data, or split the request into smaller steps."
            ) from None

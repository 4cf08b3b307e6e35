"""Consensus steps: one instruction answered by several participants (model profiles or
agents) in parallel, and their answers aggregated into one.

`expand` turns a plan's consensus step into ordinary participant steps (`<id>@<label>`,
pinned to their profile or agent) plus the aggregate step, which keeps the step's id and
runs in the orchestrator; `aggregate` reads the participants' answers and writes the
consensus (`vote`, `central`; `llm` through `orchestra.executor.consensus`).
"""

from __future__ import annotations

from orchestra.consensus.aggregate import Answer, Decision, central, consensus_data, decide, vote
from orchestra.consensus.plan import Planned, expand, participant_step_id

__all__ = [
    "Answer",
    "Decision",
    "Planned",
    "central",
    "consensus_data",
    "decide",
    "expand",
    "participant_step_id",
    "vote",
]

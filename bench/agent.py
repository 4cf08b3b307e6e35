"""The bench agent: one `bench` skill that answers at once, or after the delay it is told.

An instruction of the form `wait 1.5` makes the step take 1.5 s; anything else is answered
immediately, so what a benchmark measures is the orchestrator's own cost. No call log, no
progress messages beyond the executor's own, A2A tasks kept in memory: as little agent-side
work as A2A allows.

Run: python -m bench.agent PORT NAME
"""

from __future__ import annotations

import asyncio
import re
import sys

import uvicorn
from a2a.types import AgentSkill

from orchestra.agents.executor import Progress, StepExecutor
from orchestra.agents.protocol import StepRequest, StepResult
from orchestra.agents.server import build_agent_app, build_card
from orchestra.config import Settings

CAPABILITY = "bench"
_WAIT = re.compile(r"^\s*wait\s+([0-9]*\.?[0-9]+)")


def delay_of(instruction: str) -> float:
    """Seconds the step must take: `wait N` at the start of the instruction, else 0."""
    match = _WAIT.match(instruction)
    return float(match.group(1)) if match else 0.0


def instruction_for(delay: float) -> str:
    return f"wait {delay:g}" if delay > 0 else "answer now"


class BenchExecutor(StepExecutor):
    async def run(self, request: StepRequest, progress: Progress) -> StepResult:
        delay = delay_of(request.instruction)
        if delay > 0:
            await asyncio.sleep(delay)
        return StepResult(
            text=f"done {request.step_id}", data={"step": request.step_id}
        )


def main() -> None:
    port, name = int(sys.argv[1]), sys.argv[2]
    settings = Settings()
    skill = AgentSkill(
        id=CAPABILITY,
        name=CAPABILITY,
        description="Answers at once, or after `wait N` seconds.",
        tags=[CAPABILITY],
    )
    card = build_card(
        name=name,
        description="Benchmark agent",
        version="1",
        skills=[skill],
        settings=settings,
        port=port,
    )
    # A2A tasks in memory: the shipped agents' durable task store would cost this agent
    # more CPU per call than the orchestrator spends, on the same two cores.
    app = build_agent_app(
        "bench-agent", card, BenchExecutor(), settings, port, durable=False
    )
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


if __name__ == "__main__":
    main()

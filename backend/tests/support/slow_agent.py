"""A controllable A2A agent for executor tests: answers after a delay, counts what it is sent.

Run: python -m tests.support.slow_agent PORT NAME DELAY CALLS_FILE [FAIL_KEYS] [CAPABILITIES]
Its capabilities are `wait-a`, `wait-b` and `wait-c` unless CAPABILITIES (comma-separated)
names others. Every call appends "<task id> <step key>" to CALLS_FILE, so a test can count
exactly which steps reached an agent, and how often. Steps listed in FAIL_KEYS end `failed`;
FAULT (see `tests.support.faults`) breaks its first protocol calls; steps in FLAKY
fail once with an internal (retryable) error. An instruction "ask ..." asks how long to
wait (input-required, logged "<task id> <step key> asked"); the reply is the number of
seconds (logged "<task id> <step key> reply <text>").
"""

from __future__ import annotations

import asyncio
import os
import re
import sys
from pathlib import Path

import uvicorn
from a2a.types import AgentSkill

from orchestra.agents.executor import Progress, StepExecutor
from orchestra.agents.protocol import AgentInputError, NeedsInput, StepRequest, StepResult
from orchestra.agents.server import build_agent_app, build_card
from orchestra.config import Settings
from tests.support.faults import FaultInjector

CAPABILITIES = ("wait-a", "wait-b", "wait-c")
# An instruction "wait N ..." makes that step take N seconds instead of the agent's delay.
WAIT = re.compile(r"^wait ([0-9.]+)")


class SlowExecutor(StepExecutor):
    def __init__(self, delay: float, calls: Path, fail: set[str]) -> None:
        super().__init__()
        self.delay = delay
        self.calls = calls
        self.fail = fail
        self.flaked: set[tuple[str, str]] = set()

    async def run(self, request: StepRequest, progress: Progress) -> StepResult:
        asks = request.instruction.startswith("ask")
        said = f" reply {request.replies[-1].text}" if asks and request.replies else ""
        with self.calls.open("a") as log:
            # context = our task id
            log.write(
                f"{request.context_id} {request.step_id}{' asked' if asks and not said else said}\n"
            )
        if asks and not request.replies:
            raise NeedsInput("How many seconds shall I wait?", {"unit": "s"})
        told = WAIT.match(request.instruction)
        delay = float(told.group(1)) if told else self.delay
        if said:
            delay = float(request.replies[-1].text)
        await progress(f"waiting {delay} s")
        await asyncio.sleep(delay)
        if request.step_id in self.fail:
            raise AgentInputError(f"step {request.step_id} was told to fail")
        flaky = os.environ.get("FLAKY", "").split(",")
        key = (request.context_id, request.step_id)
        if request.step_id in flaky and key not in self.flaked:
            self.flaked.add(key)
            raise RuntimeError("a passing fault inside the agent")
        seen = sorted(i.step_id for i in request.inputs)
        data = {
            "step": request.step_id,
            "inputs": seen,
            # What each dependency's own data said it was: inputs passed whole, not empty.
            "from": {i.step_id: (i.data or {}).get("step") for i in request.inputs},
        }
        if request.data is not None:
            data["given"] = request.data  # a workflow step's mapped values, sent back
        return StepResult(text=f"waited {delay} s for {request.step_id}; inputs: {seen}", data=data)


def main() -> None:
    port, name, delay, calls = int(sys.argv[1]), sys.argv[2], float(sys.argv[3]), sys.argv[4]
    fail = set(sys.argv[5].split(",")) if len(sys.argv) > 5 and sys.argv[5] else set()
    capabilities = sys.argv[6].split(",") if len(sys.argv) > 6 else CAPABILITIES
    settings = Settings()
    skills = [
        AgentSkill(id=c, name=c, description=f"Waits, then answers ({c}).", tags=[c])
        for c in capabilities
    ]
    card = build_card(
        name=name,
        description="Test agent",
        version="1",
        skills=skills,
        settings=settings,
        port=port,
    )
    app = build_agent_app(
        "slow-agent", card, SlowExecutor(delay, Path(calls), fail), settings, port
    )
    uvicorn.run(FaultInjector(app), host="127.0.0.1", port=port, log_level="warning")


if __name__ == "__main__":
    main()

"""Long lists of amounts with every kind of ending are planned and answered at once.

The offline planner and analyst are regular expressions, run in a thread that holds the
interpreter while it matches: one that backtracks through every way to cut "£1,240 £1,085
..." into numbers stalls the whole orchestrator (a held-out request did, for minutes). Each
request here gets a generous bound, far above the fraction of a second it takes.
"""

from __future__ import annotations

import pytest

from orchestra.planner.answering import run_analyst_steps
from orchestra.planner.cli import REFERENCE_CAPABILITIES
from orchestra.planner.deterministic import plan_deterministic
from orchestra.planner.errors import PlannerError

LISTS = {
    "pounds grouped": " ".join(f"£{n:,}" for n in range(1_001, 1_601, 40)),
    "grouped with commas": ", ".join(f"{n:,}" for n in range(1_001, 1_601, 40)),
    "decimals": " ".join(f"{n / 10:.1f}" for n in range(101, 160, 4)),
    "slashed": "/".join(str(n) for n in range(10, 40, 2)),
    "glued units": ", ".join(f"{n}kg" for n in range(10, 40, 2)),
}
ENDINGS = [
    "- lowest and highest week",
    "what's the average of those, ta",
    "sum then half it then add 3 then ...",
    "and the % change from first to last week thing",
]


@pytest.mark.timeout(20)
@pytest.mark.parametrize("ending", ENDINGS)
@pytest.mark.parametrize("listed", LISTS.values(), ids=list(LISTS))
def test_a_long_list_with_any_ending_is_planned_and_answered_at_once(
    listed: str, ending: str
) -> None:
    text = f"takings last weeks: {listed} {ending}"
    try:
        plan = plan_deterministic(text, REFERENCE_CAPABILITIES, 8, ())
    except PlannerError:
        return  # refused at once is fine: only a hang is not
    # a step that fails stops the rest: what matters is that it came back
    assert run_analyst_steps(plan, text)

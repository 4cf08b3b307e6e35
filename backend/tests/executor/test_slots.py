"""Agent slots: the cap per agent, a step keeping its slot when run again, freed slots reused."""

from __future__ import annotations

from pathlib import Path

from orchestra.db import Database, upgrade
from orchestra.executor import slots


async def test_an_agent_never_has_more_steps_than_slots(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'slots.db'}"
    await upgrade(url)
    db = Database(url)

    async def take(step_id: str, agent: str = "a1") -> bool:
        return await db.run(
            lambda c: slots.take(
                c,
                agent_id=agent,
                task_id="t1",
                step_id=step_id,
                instance_id="i1",
                executor_id="e1",
                cap=2,
            )
        )

    try:
        assert await take("s1") and await take("s2")
        assert not await take("s3")  # both slots taken
        assert await take("s1")  # a step run again keeps the slot it holds
        assert await take("s4", agent="a2")  # another agent has slots of its own
        await db.run(lambda c: slots.free(c, "t1", "s1"))
        assert await take("s3")
        assert await db.run(lambda c: slots.free_of_executors(c, ["e1"])) == 3
        assert await take("s5") and await take("s6")
    finally:
        await db.close()

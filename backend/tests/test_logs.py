"""Log lines carry the task and step they are about."""

from __future__ import annotations

import asyncio
import json
import logging

import pytest

from orchestra import logs


def test_json_lines_carry_bound_task_and_step(capsys: pytest.CaptureFixture[str]) -> None:
    logs.configure("INFO", "json")
    try:

        async def work() -> None:
            logs.bind("t1", "s2")
            logging.getLogger("orchestra.test").info("sent %s", "it")

        asyncio.run(work())
        logging.getLogger("orchestra.test").info("outside")
        lines = [json.loads(line) for line in capsys.readouterr().err.splitlines()]
        assert lines[0]["message"] == "sent it"
        assert lines[0]["task_id"] == "t1" and lines[0]["step_id"] == "s2"
        assert "task_id" not in lines[1]  # the binding stayed in its own context
    finally:
        logs.configure("WARNING", "text")


def test_text_lines_show_the_task(capsys: pytest.CaptureFixture[str]) -> None:
    logs.configure("INFO", "text")
    try:

        async def work() -> None:
            logs.bind("t9")
            logging.getLogger("orchestra.test").warning("slow")

        asyncio.run(work())
        assert "slow [task=t9]" in capsys.readouterr().err
    finally:
        logs.configure("WARNING", "text")

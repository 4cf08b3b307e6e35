"""Agents that ask: a request lacking what a person can give ends in input-required with the
question; a follow-up message naming that task is the reply, and the same task goes on."""

from __future__ import annotations

from a2a.types import TaskState

from orchestra.agents.analyst.numeric import NO_NUMBERS
from orchestra.agents.research.executor import NO_SUBJECT
from tests.agents.helpers import COMPLETED, FAILED, AgentServer, make_client, send, user_message

INPUT_REQUIRED = TaskState.TASK_STATE_INPUT_REQUIRED


async def test_the_analyst_asks_for_numbers_and_computes_on_the_reply(
    analyst_server: AgentServer,
) -> None:
    client = await make_client(analyst_server.url)
    try:
        asked = await send(client, user_message("compute the average"))
        assert asked.state == INPUT_REQUIRED
        assert asked.reason == NO_NUMBERS  # the refusal it gave before, now a question
        replied = await send(
            client,
            user_message("4, 8 and 15", task_id=asked.task.id, context_id=asked.task.context_id),
        )
        assert replied.task.id == asked.task.id
        assert replied.state == COMPLETED, replied.reason
        assert replied.data["mean"] == 9
        assert "Mean (average): 9" in replied.text
    finally:
        await client.close()


async def test_a_reply_without_numbers_is_asked_about_again(analyst_server: AgentServer) -> None:
    client = await make_client(analyst_server.url)
    try:
        asked = await send(client, user_message("what is the average?"))
        again = await send(client, user_message("I don't know", task_id=asked.task.id))
        assert again.task.id == asked.task.id and again.state == INPUT_REQUIRED
        third = await send(client, user_message("2 and 4", task_id=asked.task.id))
        assert third.state == COMPLETED and third.data["mean"] == 3
    finally:
        await client.close()


async def test_an_impossible_request_still_fails(analyst_server: AgentServer) -> None:
    client = await make_client(analyst_server.url)
    try:
        # Numbers given, but nothing it can compute on them: no question would help.
        failed = await send(client, user_message("compute the flux capacitance of 3 and 5"))
        assert failed.state == FAILED
    finally:
        await client.close()


async def test_the_research_agent_asks_for_a_subject(research_server: AgentServer) -> None:
    client = await make_client(research_server.url)
    try:
        asked = await send(client, user_message("Research something for me"))
        assert asked.state == INPUT_REQUIRED and asked.reason == NO_SUBJECT
        replied = await send(client, user_message("nuclear power", task_id=asked.task.id))
        assert replied.task.id == asked.task.id
        assert replied.state == COMPLETED, replied.reason
        assert "nuclear" in replied.text.lower()
        assert replied.data["materialFound"] is True
    finally:
        await client.close()

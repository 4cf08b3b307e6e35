"""Offline answers through the real services: a real orchestrator and real agents, no LLM.

Each request is one a person would type; the answer is read back from the REST API as a
user would see it.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.stack import wait_for_task

CHAIN = "Compute the sum of 12.5 and 7.25, then compute the average of that result and 10"


def answer(api: httpx.Client, description: str) -> dict[str, Any]:
    response = api.post("/api/tasks", json={"description": description})
    assert response.status_code == 202, response.text
    return wait_for_task(api, response.json()["id"], ("completed", "failed"))


def test_a_chain_computes_on_the_first_steps_data_and_shows_each_value(
    api: httpx.Client,
) -> None:
    task = answer(api, CHAIN)
    assert task["status"] == "completed", task
    first, second = task["steps"]
    assert first["output_data"]["result"] == 19.75
    assert "19.75" in first["output"]  # the intermediate value is visible on its step
    assert second["depends_on"] == [first["id"]]
    # The later step computed on the first step's structured result, which travelled in
    # the A2A data part, not on the numbers of the text (12.5 + 7.25 + 10 would be 9.92).
    assert second["output_data"]["inputs"] == {first["id"]: 19.75}
    assert second["output_data"]["result"] == pytest.approx(14.875)
    assert "**Sum: 19.75**" in task["result"] and "14.875" in task["result"]


@pytest.mark.parametrize(
    ("description", "expected"),
    [
        ("What is 144 divided by 12, plus 3?", 15),
        ("Whats 100 minus 37 percent?", 63),
        ("Convert 5 miles to km", 8.04672),
    ],
)
def test_arithmetic_in_words(api: httpx.Client, description: str, expected: float) -> None:
    task = answer(api, description)
    assert task["status"] == "completed", task
    assert task["steps"][-1]["output_data"]["result"] == pytest.approx(expected)


def test_a_table_pasted_on_the_line_of_the_request_is_found(api: httpx.Client) -> None:
    task = answer(api, "Convert to CSV: | name | age |\n|---|---|\n| Ann | 31 |\n| Bob | 27 |")
    assert task["status"] == "completed", task
    assert task["steps"][0]["output_data"]["output"] == "name,age\nAnn,31\nBob,27\n"


def test_data_at_the_end_of_a_task_reaches_the_agent_byte_for_byte(api: httpx.Client) -> None:
    data = "city,population\nLyon,522000"
    task = answer(api, f"Please convert this CSV to JSON:\n{data}")
    assert task["status"] == "completed", task
    (step,) = task["steps"]
    assert step["instruction"].endswith(data)
    assert step["output_data"]["records"] == [{"city": "Lyon", "population": 522000}]


def test_an_unclear_request_fails_with_what_was_understood_and_is_not_retried(
    api: httpx.Client,
) -> None:
    task = answer(api, "Average of the three biggest numbers above 2: 4, 9, 1, 12")
    assert task["status"] == "failed", task
    (step,) = task["steps"]
    assert step["attempts"] == 1
    assert "Not sure enough to answer" in step["error"]
    assert "Understood:" in step["error"] and "Rephrase" in step["error"]
    assert step["output_data"] is None


def test_sentiment_has_a_neutral_band_and_shows_its_evidence(api: httpx.Client) -> None:
    task = answer(api, "What's the sentiment of this: 'The update is fine, nothing special'")
    assert task["status"] == "completed", task
    (step,) = task["steps"]
    assert step["output_data"]["label"] == "neutral"
    assert step["output_data"]["positiveTerms"] == ["fine"]
    assert "Negative terms: nothing special" in step["output"]


def test_a_question_about_pasted_data_is_answered_by_the_analyst(api: httpx.Client) -> None:
    task = answer(api, "Which product sold the most?\nproduct,units\nLamp,12\nDesk,30\nChair,18")
    assert task["status"] == "completed", task
    (step,) = task["steps"]
    assert step["capability"] == "statistics"
    assert step["output_data"]["result"] == 30
    assert step["output_data"]["matchingRows"] == [{"product": "Desk", "units": 30}]
    assert "(product: Desk)" in task["result"]


def test_how_a_quoted_message_sounds_is_its_sentiment(api: httpx.Client) -> None:
    task = answer(api, "How does this sound: 'Not great, not terrible.'")
    assert task["status"] == "completed", task
    (step,) = task["steps"]
    assert step["capability"] == "sentiment"
    assert step["output_data"]["label"] == "neutral"


def test_a_recommendation_waits_for_the_research_it_is_about(api: httpx.Client) -> None:
    task = answer(
        api,
        "Investigate why customers cancel subscriptions and write a short memo for the board",
    )
    assert task["status"] == "completed", task
    research, memo = task["steps"]
    assert (research["capability"], memo["capability"]) == ("research", "writing")
    assert memo["depends_on"] == [research["id"]]


def test_a_request_of_a_shape_the_planner_does_not_know_fails_as_a_whole(
    api: httpx.Client,
) -> None:
    # A text of the user's named and not given: research would make an answer up.
    task = answer(api, "which of my invoices is overdue")
    assert task["status"] == "failed", task
    assert task["steps"] == []  # nothing was planned, so nothing half-done
    assert 'I could not plan "which of my invoices is overdue"' in task["error"], task
    assert "paste it" in task["error"]

"""League points from results won, drawn and lost (`analyst.points`)."""

from __future__ import annotations

from typing import Any

import pytest

from orchestra.agents.analyst.operations import run_operation
from orchestra.agents.protocol import AgentInputError, StepRequest


def run(instruction: str) -> dict[str, Any]:
    return run_operation(StepRequest(instruction=instruction, capability="calculation")).data


def test_points_and_points_per_game() -> None:
    data = run(
        "Context: quiz league is 3 pts for a win and 1 for a draw. we've won 9, drawn 4 and "
        "lost 5. Task: how many points and how many points per game"
    )
    assert [s["result"] for s in data["steps"]] == pytest.approx([31, 31 / 18])


@pytest.mark.parametrize(
    ("instruction", "result"),
    [
        (
            "it's 2 points a win and 1 a draw. the team has 7 wins, 3 draws and 6 losses. how "
            "many points do they have",
            17,
        ),
        (
            "3 points a win and 1 a draw, we have 12 wins, 5 draws and 3 losses. what's our "
            "points per game",
            41 / 20,
        ),
    ],
)
def test_points_from_results(instruction: str, result: float) -> None:
    assert run(instruction)["result"] == pytest.approx(result)


@pytest.mark.parametrize(
    ("instruction", "results"),
    [
        (
            "sunday league, 3 pts for a win and 1 for a draw. we've played 18, won 9, drawn 4. "
            "how many points and points per game",
            [31, 31 / 18],
        ),
        (
            "pub quiz league gives 2 points a win and 1 a draw, played 12 games, won 7 and drew "
            "2. our points, and points per match?",
            [16, 16 / 12],
        ),
        (
            "3 points for a win, 1 for a draw. we have played 14 games, won 6 and drawn 5. "
            "what's our points per game",
            [23 / 14],
        ),
    ],
)
def test_the_games_played_count_the_losses_not_said(instruction: str, results: list[float]) -> None:
    data = run(instruction)
    assert [s["result"] for s in data["steps"]] == pytest.approx(results)


@pytest.mark.parametrize(
    "instruction",
    [
        # more results than games played
        "3 points for a win, 1 for a draw. played 10, won 8, drawn 4. points per game?",
        # the losses said, and the results not adding up to the games played
        "3 points for a win, 1 for a draw. played 20, won 8, drawn 4, lost 5. points per game?",
    ],
)
def test_games_played_that_do_not_add_up_are_not_read(instruction: str) -> None:
    with pytest.raises(AgentInputError):
        run(instruction)


@pytest.mark.parametrize(
    "instruction",
    [
        # 17 games said, 16 counted: which is right?
        "3 points for a win, 1 for a draw. we won 10, drew 2 and lost 4 in 17 games. points "
        "per game?",
        # a draw is worth points, and how many were drawn is not said
        "3 points for a win, 1 for a draw. we won 10 and lost 4. points per game?",
    ],
)
def test_results_that_do_not_add_up_are_not_read(instruction: str) -> None:
    with pytest.raises(AgentInputError):
        run(instruction)


def test_points_then_that_per_game() -> None:
    # "what's that per game" asks the points a game after the points.
    data = run(
        "season so far: won 11, drew 5, lost 6. 3 points for a win and 1 for a draw. how many "
        "points have we got and then what's that per game"
    )
    assert [s["result"] for s in data["steps"]] == pytest.approx([38, 38 / 22])

"""Instance choice: each balancing strategy, and the rules every strategy keeps."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass

import pytest

from orchestra.registry import STRATEGIES, Strategy, choose_instance


@dataclass
class Instance:
    id: str
    health: str = "healthy"
    in_flight: int = 0
    latency_ms: float | None = None
    turn: int = 0


def test_least_loaded_takes_the_fewest_in_flight_then_the_fastest() -> None:
    pool = [Instance("a", in_flight=3), Instance("b", in_flight=1, latency_ms=90)]
    pool.append(Instance("c", in_flight=1, latency_ms=40))
    assert choose_instance(pool, strategy="least_loaded").id == "c"  # type: ignore[union-attr]


def test_round_robin_goes_to_the_instance_whose_turn_came_longest_ago() -> None:
    pool = [Instance("a"), Instance("b"), Instance("c")]
    order = []
    for turn in range(1, 7):
        chosen = choose_instance(pool, strategy="round_robin")
        assert chosen is not None
        chosen.turn = turn  # as `Registry.choose` marks it
        order.append(chosen.id)
    assert order == ["a", "b", "c", "a", "b", "c"]


def test_round_robin_ignores_load() -> None:
    pool = [Instance("a", in_flight=9, turn=1), Instance("b", in_flight=0, turn=2)]
    assert choose_instance(pool, strategy="round_robin").id == "a"  # type: ignore[union-attr]


def test_fastest_takes_the_lowest_latency_and_measures_new_instances_first() -> None:
    pool = [Instance("slow", latency_ms=300), Instance("quick", latency_ms=20, in_flight=5)]
    assert choose_instance(pool, strategy="fastest").id == "quick"  # type: ignore[union-attr]
    pool.append(Instance("new"))
    assert choose_instance(pool, strategy="fastest").id == "new"  # type: ignore[union-attr]


def test_random_spreads_over_every_healthy_instance() -> None:
    pool = [Instance("a"), Instance("b"), Instance("c"), Instance("sick", health="unhealthy")]
    rng = random.Random(7)
    seen = Counter(
        choose_instance(pool, strategy="random", rng=rng).id  # type: ignore[union-attr]
        for _ in range(300)
    )
    assert set(seen) == {"a", "b", "c"}
    assert min(seen.values()) > 60


@pytest.mark.parametrize("strategy", STRATEGIES)
def test_healthy_instances_come_first_whatever_the_strategy(strategy: Strategy) -> None:
    # The unhealthy one wins every strategy's own criterion: idle, fastest, never chosen.
    sick = Instance("sick", health="unhealthy", in_flight=0, latency_ms=1, turn=0)
    well = Instance("well", in_flight=7, latency_ms=900, turn=5)
    for _ in range(20):
        assert choose_instance([sick, well], strategy=strategy) is well


@pytest.mark.parametrize("strategy", STRATEGIES)
def test_retries_exclude_instances_tried_whatever_the_strategy(strategy: Strategy) -> None:
    tried = Instance("tried", in_flight=0, latency_ms=1, turn=0)
    other = Instance("other", in_flight=7, latency_ms=900, turn=5)
    for _ in range(20):
        assert choose_instance([tried, other], exclude={"tried"}, strategy=strategy) is other
    # Once every instance was tried, any may be tried again; an unhealthy one only last.
    assert choose_instance([tried, other], exclude={"tried", "other"}, strategy=strategy)
    sick = Instance("sick", health="unhealthy")
    assert choose_instance([sick, other], exclude={"other"}, strategy=strategy) is sick


def test_no_instance_no_choice() -> None:
    for strategy in STRATEGIES:
        assert choose_instance([], strategy=strategy) is None

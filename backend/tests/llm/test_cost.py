"""Prices per profile and what LLM calls cost: per call, and a task's bill by profile."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from orchestra.api.app import create_app
from orchestra.api.schemas import ModelPublic
from orchestra.config import Settings
from orchestra.llm import LLMConfigurationError, ModelProfiles
from orchestra.llm.cost import add_usage, cost_usd, task_cost

PRICED = {"provider": "offline", "input_price": 2.5, "output_price": 10}


def _settings(**values: Any) -> Settings:
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


def _profiles(**specs: dict[str, Any]) -> ModelProfiles:
    return ModelProfiles.from_settings(_settings(model_profiles=specs))


def test_a_cost_is_the_tokens_at_the_profile_prices_per_million() -> None:
    profiles = _profiles(priced=PRICED)
    assert profiles["priced"].input_price == 2.5
    assert profiles["priced"].output_price == 10.0
    # 1200 prompt tokens at $2.50/M and 300 completion tokens at $10/M.
    assert cost_usd(profiles, "priced", 1200, 300) == pytest.approx(0.003 + 0.003)
    assert cost_usd(profiles, "priced", 1_000_000, 0) == 2.5


def test_a_cost_without_a_price_is_unknown_not_free() -> None:
    profiles = _profiles(
        unpriced={"provider": "offline"},
        half={"provider": "offline", "input_price": 1.0},
    )
    assert profiles["unpriced"].input_price is None
    assert cost_usd(profiles, "unpriced", 10, 10) is None
    assert cost_usd(profiles, "half", 10, 10) is None  # the completion tokens have no price
    assert cost_usd(profiles, "half", 1_000_000, 0) == 1.0  # what it used has a price
    assert cost_usd(profiles, "nowhere", 10, 10) is None  # a profile this side does not know
    assert cost_usd(profiles, None, 10, 10) is None
    assert cost_usd(profiles, "unpriced", 0, 0) == 0.0  # no tokens cost nothing


def test_the_default_profile_takes_its_prices_from_settings() -> None:
    settings = _settings(llm_input_price=0.15, llm_output_price=0.6)
    default = ModelProfiles.from_settings(settings)["default"]
    assert (default.input_price, default.output_price) == (0.15, 0.6)


def test_a_task_total_adds_what_is_known_and_says_when_a_price_was_missing() -> None:
    own = add_usage(None, "planner", "m1", 100, 10, 0.001)
    own = add_usage(own, "planner", "m1", 50, 5, 0.0005)  # its synthesis, same profile
    steps = [
        {"tokens_in": 1000, "tokens_out": 200, "llm_profile": "priced", "llm_model": "m2",
         "cost_usd": 0.004},
        {"tokens_in": 0, "tokens_out": 0, "llm_profile": None, "llm_model": None,
         "cost_usd": None},  # an offline agent: not in the bill
        {"tokens_in": 70, "tokens_out": 7, "llm_profile": "local", "llm_model": "m3",
         "cost_usd": None},
    ]  # fmt: skip
    bill = task_cost(own, steps)
    assert bill.usage == [
        {"profile": "planner", "model": "m1", "tokens_in": 150, "tokens_out": 15,
         "cost_usd": 0.0015},
        {"profile": "priced", "model": "m2", "tokens_in": 1000, "tokens_out": 200,
         "cost_usd": 0.004},
        {"profile": "local", "model": "m3", "tokens_in": 70, "tokens_out": 7, "cost_usd": None},
    ]  # fmt: skip
    assert bill.cost_usd == pytest.approx(0.0055)
    assert bill.cost_complete is False
    # Every price known: the total is the whole cost.
    priced = task_cost(own, steps[:2])
    assert (priced.cost_usd, priced.cost_complete) == (pytest.approx(0.0055), True)
    # Tokens and not one price: the cost is unknown, not zero.
    unknown = task_cost(None, steps[2:])
    assert (unknown.cost_usd, unknown.cost_complete) == (None, False)
    # No LLM used at all: nothing to pay.
    nothing = task_cost(None, steps[1:2])
    assert (nothing.usage, nothing.cost_usd, nothing.cost_complete) == ([], 0.0, True)


def test_an_unknown_part_of_a_profile_entry_keeps_it_unknown() -> None:
    usage = add_usage(None, "p", "m", 10, 1, 0.01)
    usage = add_usage(usage, "p", "m", 10, 1, None)
    assert usage == [{"profile": "p", "model": "m", "tokens_in": 20, "tokens_out": 2,
                      "cost_usd": None}]  # fmt: skip


@pytest.mark.parametrize("price", ["input_price", "output_price"])
def test_a_negative_price_stops_the_orchestrator_at_start(price: str) -> None:
    settings = _settings(model_profiles={"cheap": {"provider": "offline", price: -1}})
    with pytest.raises(LLMConfigurationError) as raised:
        create_app(settings)
    message = str(raised.value)
    assert "the profile 'cheap' is not valid" in message
    assert f"{price}: Input should be greater than or equal to 0" in message


def test_a_negative_default_price_is_refused_by_the_settings() -> None:
    with pytest.raises(ValidationError, match="llm_output_price"):
        _settings(llm_output_price=-0.5)


def test_the_models_list_shows_prices_and_never_keys() -> None:
    settings = _settings(
        model_profiles={
            "paid": {
                "provider": "openai",
                "model": "m",
                "api_key_env": "PAID_KEY",
                "input_price": 3,
                "output_price": 15,
            }
        }
    )
    profile = ModelProfiles.from_settings(settings)["paid"]
    shown = ModelPublic.of(profile, None, {"tokens_in": 12, "tokens_out": 3, "cost_usd": 0.5})
    assert (shown.input_price, shown.output_price) == (3.0, 15.0)
    assert shown.usage.model_dump() == {"tokens_in": 12, "tokens_out": 3, "cost_usd": 0.5}
    assert "key" not in {k for k in shown.model_dump() if k != "key_set"}
    unused = ModelPublic.of(ModelProfiles.from_settings(_settings())["default"])
    assert (unused.input_price, unused.usage.cost_usd, unused.usage.tokens_in) == (None, None, 0)

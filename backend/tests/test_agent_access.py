"""What a card's security schemes ask of each call, and how credentials are kept."""

from __future__ import annotations

from typing import Any

from orchestra.registry.credentials import Vault, access


def card(schemes: dict[str, Any], requirements: list[list[str]] | None = None) -> dict[str, Any]:
    document: dict[str, Any] = {
        "name": "a",
        "supportedInterfaces": [
            {"url": "http://127.0.0.1:1", "protocolBinding": "JSONRPC", "protocolVersion": "1.0"}
        ],
        "skills": [{"id": "s", "name": "s", "description": "", "tags": []}],
        "securitySchemes": schemes,
    }
    if requirements is not None:
        document["securityRequirements"] = [
            {"schemes": {name: {} for name in names}} for names in requirements
        ]
    return document


BEARER = {"bearer": {"httpAuthSecurityScheme": {"scheme": "Bearer"}}}
API_KEY = {"key": {"apiKeySecurityScheme": {"location": "header", "name": "X-Api-Key"}}}
OAUTH = {"oauth": {"oauth2SecurityScheme": {"flows": {}}}}


def test_an_open_card_needs_nothing() -> None:
    assert access(card({}), None).headers == {} and access(card({}), None).problem is None


def test_bearer_and_header_api_keys_carry_the_credential() -> None:
    assert access(card(BEARER, [["bearer"]]), "t").headers == {"Authorization": "Bearer t"}
    assert access(card(API_KEY), "t").headers == {"X-Api-Key": "t"}


def test_a_needed_scheme_without_a_credential_or_that_cannot_be_provided_is_a_problem() -> None:
    missing = access(card(BEARER, [["bearer"]]), None)
    assert missing.problem and "'bearer'" in missing.problem and "credential" in missing.problem
    oauth = access(card(OAUTH, [["oauth"]]), "t")
    assert oauth.problem and "oauth2" in oauth.problem and "cannot provide" in oauth.problem
    # Any one requirement set will do.
    either = access(card({**OAUTH, **BEARER}, [["oauth"], ["bearer"]]), "t")
    assert either.problem is None and either.headers == {"Authorization": "Bearer t"}


def test_credentials_are_sealed_and_read_back_under_the_same_secret_only() -> None:
    sealed = Vault(b"one").seal("token")
    assert "token" not in sealed
    assert Vault(b"one").open(sealed) == "token"
    assert Vault(b"two").open(sealed) is None

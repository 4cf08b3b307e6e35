"""Agents' credentials: kept encrypted, turned into the headers each call to the agent needs.

An agent registered with a `credential` (a token) keeps it encrypted at rest with Fernet
(AES-128-CBC and HMAC-SHA256), under a key derived from SECRET_KEY; the API never returns
it. What the credential is sent as comes from the security schemes the agent's card
declares: `Authorization: Bearer <it>` for an HTTP bearer scheme, the named header for an
API key in a header. A card that needs a scheme Orchestra cannot provide, or a credential
it was not given, makes the agent unusable, with the reason on the agent.
"""

from __future__ import annotations

import base64
import logging
from dataclasses import dataclass, field
from typing import Any

from a2a.client.card_resolver import parse_agent_card
from a2a.types import SecurityScheme
from cryptography.fernet import Fernet, InvalidToken

from orchestra import secret_key

log = logging.getLogger(__name__)


class Vault:
    """Encrypts credentials for the database and decrypts them for calls."""

    def __init__(self, secret: bytes) -> None:
        key = secret_key.derive(secret, "agent-credentials")
        self._fernet = Fernet(base64.urlsafe_b64encode(key))

    def seal(self, credential: str) -> str:
        return self._fernet.encrypt(credential.encode()).decode()

    def open(self, sealed: str) -> str | None:
        """The credential; None if it was sealed under another SECRET_KEY (logged)."""
        try:
            return self._fernet.decrypt(sealed.encode()).decode()
        except InvalidToken:
            log.warning("an agent credential cannot be read: was SECRET_KEY changed?")
            return None


@dataclass(frozen=True)
class Access:
    """How to call an instance: the headers to send, or why it cannot be called."""

    headers: dict[str, str] = field(default_factory=dict)
    problem: str | None = None


def access(card: dict[str, Any], credential: str | None) -> Access:
    """What the card's security requirements ask of a call, given the agent's credential.

    Any one of the card's requirement sets will do; a card that declares schemes but no
    requirements is taken to need one of them.
    """
    parsed = parse_agent_card(card)
    schemes = dict(parsed.security_schemes)
    needed = [list(r.schemes.keys()) for r in parsed.security_requirements]
    if not needed:
        needed = [[name] for name in schemes]
    if not needed:
        return Access()
    problems: list[str] = []
    for names in needed:
        headers: dict[str, str] = {}
        for name in names:
            header, problem = _header(name, schemes.get(name))
            if problem:
                problems.append(problem)
                break
            if header:
                headers[header] = name
        else:
            if credential is None:
                wanted = " and ".join(f"'{n}'" for n in names)
                problems.append(
                    f"its card requires {wanted} authentication and Orchestra has no "
                    "credential for it: register it again with one "
                    "(POST /api/agents {card_url, credential})"
                )
                continue
            return Access({h: _value(schemes[n], credential) for h, n in headers.items()})
    return Access(problem="; or ".join(dict.fromkeys(problems)))


def _header(name: str, scheme: SecurityScheme | None) -> tuple[str, str | None]:
    """The header a scheme is sent in, or why Orchestra cannot provide it."""
    if scheme is None:
        return "", f"its card requires scheme '{name}', which it does not declare"
    kind = scheme.WhichOneof("scheme")
    if kind == "http_auth_security_scheme":
        if scheme.http_auth_security_scheme.scheme.lower() == "bearer":
            return "Authorization", None
        what = f"HTTP {scheme.http_auth_security_scheme.scheme} authentication"
    elif kind == "api_key_security_scheme":
        api_key = scheme.api_key_security_scheme
        if api_key.location.lower() == "header" and api_key.name:
            return api_key.name, None
        what = f"an API key in the {api_key.location or 'unnamed location'}"
    else:
        what = (kind or "an unknown scheme").removesuffix("_security_scheme").replace("_", " ")
    return "", f"its card requires '{name}' ({what}), which Orchestra cannot provide"


def _value(scheme: SecurityScheme, credential: str) -> str:
    if scheme.WhichOneof("scheme") == "http_auth_security_scheme":
        return f"Bearer {credential}"
    return credential

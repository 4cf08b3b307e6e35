"""Fetch and read A2A agent cards: the registry's only source of truth about an agent."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpx
from a2a.client.card_resolver import parse_agent_card
from a2a.types import AgentCard
from a2a.utils.constants import AGENT_CARD_WELL_KNOWN_PATH, VERSION_HEADER
from google.protobuf.json_format import MessageToDict

from orchestra.errors import AgentCardError, InvalidInputError

# Bindings we can call, in order of preference.
BINDINGS = ("JSONRPC", "HTTP+JSON")
MAX_CARD_BYTES = 512 * 1024


@dataclass(frozen=True)
class CardInfo:
    """What the registry keeps of a card."""

    card_url: str
    name: str
    description: str
    version: str
    url: str
    protocol_binding: str
    skills: list[dict[str, Any]]
    card: dict[str, Any]


def normalize_card_url(url: str) -> str:
    """Accept an agent's base URL or its card URL; return the card URL."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise InvalidInputError(
            f"card_url must be an http(s) URL such as http://127.0.0.1:8001, got '{url}'.",
            code="invalid_card_url",
        )
    if parts.path.endswith(".json"):
        return url
    return url.rstrip("/") + AGENT_CARD_WELL_KNOWN_PATH


def read_card(card_url: str, document: dict[str, Any]) -> CardInfo:
    """Validate a card document and pick the interface we will call."""
    try:
        card = parse_agent_card(document)
    except Exception as exc:  # the SDK raises protobuf ParseError, ValueError, KeyError...
        raise AgentCardError(f"{card_url} is not an A2A agent card: {exc}") from exc
    if not card.name:
        raise AgentCardError(f"The agent card at {card_url} has no name.")
    interface = _pick_interface(card)
    if interface is None:
        offered = [i.protocol_binding for i in card.supported_interfaces] or ["none"]
        raise AgentCardError(
            f"The agent card at {card_url} offers no interface Orchestra can call "
            f"(offered: {', '.join(offered)}; supported: {', '.join(BINDINGS)}).",
        )
    url, binding = interface
    skills = [
        {
            "id": skill.id,
            "name": skill.name,
            "description": skill.description,
            "tags": list(skill.tags),
            "examples": list(skill.examples),
        }
        for skill in card.skills
    ]
    if not skills:
        raise AgentCardError(f"The agent card at {card_url} declares no skills.")
    return CardInfo(
        card_url=card_url,
        name=card.name,
        description=card.description,
        version=card.version,
        url=url,
        protocol_binding=binding,
        skills=skills,
        card=MessageToDict(card),
    )


def _pick_interface(card: AgentCard) -> tuple[str, str] | None:
    for binding in BINDINGS:
        for interface in card.supported_interfaces:
            if interface.protocol_binding.upper() == binding and interface.url:
                return interface.url, binding
    return None


async def fetch_card(http: httpx.AsyncClient, card_url: str, timeout: float) -> CardInfo:
    """GET the card; every way this can go wrong becomes an AgentCardError that says which."""
    try:
        response = await http.get(
            card_url, timeout=timeout, headers={VERSION_HEADER: "1.0"}, follow_redirects=False
        )
    except httpx.HTTPError as exc:
        raise AgentCardError(
            f"Could not reach the agent card at {card_url}: {exc.__class__.__name__} {exc}".strip(),
            code="agent_card_unreachable",
        ) from exc
    if response.status_code != 200:
        raise AgentCardError(
            f"The agent card at {card_url} answered HTTP {response.status_code}, not 200.",
            code="agent_card_unreachable",
        )
    if len(response.content) > MAX_CARD_BYTES:
        raise AgentCardError(f"The agent card at {card_url} is larger than 512 KiB.")
    try:
        document = response.json()
    except ValueError as exc:
        raise AgentCardError(f"The agent card at {card_url} is not JSON.") from exc
    if not isinstance(document, dict):
        raise AgentCardError(f"The agent card at {card_url} is not a JSON object.")
    return read_card(card_url, document)

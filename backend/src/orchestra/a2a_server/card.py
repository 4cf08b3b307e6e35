"""Orchestra's own agent card: one skill, `orchestrate`, describing its agents' capabilities.

The card is made per request from the registry, which the orchestrator keeps in memory:
it costs nothing, and an orchestrator that registers another one always reads the agents
this one has now, not those it had at start. `Cache-Control` bounds how long a client
may keep it.
"""

from __future__ import annotations

from a2a.types import (
    AgentCapabilities,
    AgentCard,
    AgentSkill,
    HTTPAuthSecurityScheme,
    SecurityRequirement,
    SecurityScheme,
    StringList,
)

from orchestra import __version__
from orchestra.agents.server import interfaces
from orchestra.config import Settings
from orchestra.registry import Capability

__all__ = ["JSONRPC_PATH", "PREFIX", "SKILL_ID", "base_card", "with_capabilities"]

#: Where the A2A endpoints live on the orchestrator's port: JSON-RPC at `/a2a/`, HTTP+JSON
#: under `/a2a` (`/a2a/message:send`, `/a2a/tasks/{id}`). Not at `/`, which serves the
#: dashboard. The JSON-RPC URL ends with a slash because clients join paths to it as to a
#: base URL (the TCK posts to "/" of it).
PREFIX = "/a2a"
JSONRPC_PATH = PREFIX + "/"
SKILL_ID = "orchestrate"
BEARER = "bearer"
INPUT_MODES = ["text/plain", "application/json"]
OUTPUT_MODES = ["text/markdown", "application/json"]
_SKILL_LEAD = (
    "Plans a request into steps and runs each on the agent whose capability fits, in "
    "parallel where it can; answers with the combined result."
)
#: Examples copied from the agents' skills, at most this many (the card stays small).
_MAX_EXAMPLES = 12


def base_card(settings: Settings) -> AgentCard:
    """The card without the capabilities of the agents (filled in per request)."""
    base = f"http://{settings.advertised_host}:{settings.port}"
    card = AgentCard(
        name="Orchestra",
        description="Orchestra, a multi-agent orchestrator: give it a task in plain language.",
        version=__version__,
        supported_interfaces=interfaces(base + JSONRPC_PATH, base + PREFIX),
        capabilities=AgentCapabilities(streaming=True, push_notifications=True),
        default_input_modes=INPUT_MODES,
        default_output_modes=OUTPUT_MODES,
        skills=[_skill({})],
    )
    if settings.auth_enabled:
        card.security_schemes[BEARER].CopyFrom(
            SecurityScheme(
                http_auth_security_scheme=HTTPAuthSecurityScheme(
                    scheme="Bearer",
                    bearer_format="Orchestra API key (orc_...)",
                    description="An API key made with `orchestra keys create`.",
                )
            )
        )
        card.security_requirements.append(SecurityRequirement(schemes={BEARER: StringList()}))
    return card


def with_capabilities(card: AgentCard, capabilities: dict[str, Capability]) -> AgentCard:
    """`card` with the `orchestrate` skill describing these capabilities."""
    served = AgentCard()
    served.CopyFrom(card)
    del served.skills[:]
    served.skills.append(_skill(capabilities))
    return served


def _skill(capabilities: dict[str, Capability]) -> AgentSkill:
    lines = [_SKILL_LEAD]
    if capabilities:
        lines.append("Capabilities of its agents:")
        for name in sorted(capabilities):
            description = capabilities[name].spec.description.strip()
            lines.append(f"- {name}: {description}" if description else f"- {name}")
    else:
        lines.append("No agent is registered yet.")
    tags = [SKILL_ID, *sorted(capabilities)]
    for name in sorted(capabilities):
        tags.extend(t for t in capabilities[name].spec.tags if t not in tags)
    examples: list[str] = []
    for name in sorted(capabilities):
        examples.extend(capabilities[name].spec.examples[:2])
    return AgentSkill(
        id=SKILL_ID,
        name="Orchestrate",
        description="\n".join(lines),
        tags=tags,
        examples=examples[:_MAX_EXAMPLES],
        input_modes=INPUT_MODES,
        output_modes=OUTPUT_MODES,
    )

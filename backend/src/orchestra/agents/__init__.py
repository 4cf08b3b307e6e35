"""Orchestra's own A2A agents: the research agent (LangGraph) and the analyst agent.

`create_agent_app(kind, settings, port)` builds the FastAPI app the CLI serves; the
message contract both agents speak is described in `orchestra.agents.protocol`.
"""

from __future__ import annotations

from fastapi import FastAPI

from orchestra.config import Settings

__all__ = ["AGENT_KINDS", "create_agent_app"]

AGENT_KINDS = ("research-agent", "analyst-agent")


def create_agent_app(kind: str, settings: Settings, port: int) -> FastAPI:
    """The A2A server app for one agent kind, advertising http://{advertised_host}:{port}.

    Raises:
        ValueError: `kind` is not one of `AGENT_KINDS`.
    """
    # Imported here so importing the package (e.g. for AGENT_KINDS) stays cheap.
    if kind == "research-agent":
        from orchestra.agents.research import create_research_app
        from orchestra.llm import build_chat_model

        # The configured provider's chat model (None offline: the agent's own algorithms).
        return create_research_app(settings, port, model=build_chat_model(settings))
    if kind == "analyst-agent":
        from orchestra.agents.analyst import create_analyst_app

        return create_analyst_app(settings, port)
    raise ValueError(f"Unknown agent kind {kind!r}; expected one of {', '.join(AGENT_KINDS)}.")

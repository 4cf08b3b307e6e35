"""Orchestra's own A2A agents: the research agent (LangGraph) and the analyst agent.

`create_agent_app(kind, settings, port)` builds the FastAPI app the CLI serves; the
message contract both agents speak is described in `orchestra.agents.protocol`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the analyst's readings, imported by worker processes, need neither
    from fastapi import FastAPI

    from orchestra.config import Settings

__all__ = ["AGENT_KINDS", "create_agent_app"]

AGENT_KINDS = ("research-agent", "analyst-agent")


def create_agent_app(kind: str, settings: Settings, port: int, model: str | None = None) -> FastAPI:
    """The A2A server app for one agent kind, advertising http://{advertised_host}:{port}.

    Args:
        kind: One of `AGENT_KINDS`.
        settings: The process's settings.
        port: The port it will listen on (its card's URLs name it).
        model: The model profile the research agent runs (``--model``; None: ``default``,
            LLM_PROVIDER's); its card says which. The analyst agent runs no model.

    Raises:
        ValueError: `kind` is not one of `AGENT_KINDS`.
        UnknownProfileError: `model` names no profile.
        LLMConfigurationError: The profile cannot be used, or the analyst was given one.
    """
    # Imported here so importing the package (e.g. for AGENT_KINDS) stays cheap.
    if kind == "research-agent":
        from orchestra.agents.research import create_research_app
        from orchestra.llm import DEFAULT_PROFILE, ModelProfiles, build_chat_model

        profile = ModelProfiles.from_settings(settings).get_profile(
            model or DEFAULT_PROFILE, "--model"
        )
        # The profile's chat model (None offline: the agent's own algorithms).
        return create_research_app(
            settings, port, model=build_chat_model(settings, profile), profile=profile
        )
    if kind == "analyst-agent":
        from orchestra.agents.analyst import create_analyst_app

        if model is not None:
            from orchestra.llm import LLMConfigurationError

            raise LLMConfigurationError(
                "The analyst agent runs no model (its operations are computed): start it "
                "without --model."
            )
        return create_analyst_app(settings, port)
    raise ValueError(f"Unknown agent kind {kind!r}; expected one of {', '.join(AGENT_KINDS)}.")

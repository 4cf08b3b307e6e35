"""Capability fixtures: the built-in agents' skills, and an unrelated set of agents."""

from __future__ import annotations

from orchestra.planner import CapabilitySpec
from orchestra.planner.evaluate import REFERENCE_CAPABILITIES

# The research agent (research, analysis, writing) and the analyst agent (statistics,
# calculation, summarization, keywords, sentiment, conversion), as their cards describe
# them; the evaluation set is scored against the same set.
BUILTIN: tuple[CapabilitySpec, ...] = REFERENCE_CAPABILITIES

# Third-party agents with none of the built-in names, to show the planner is not tied to
# them.
THIRD_PARTY: tuple[CapabilitySpec, ...] = (
    CapabilitySpec(
        name="translate",
        description="Translates text between languages.",
        tags=("translation", "translate", "language", "french", "german", "spanish"),
        examples=("Translate 'good morning' into French",),
    ),
    CapabilitySpec(
        name="image-generation",
        description="Generates an image from a description.",
        tags=("image", "picture", "illustration", "draw", "logo"),
        examples=("Draw a logo for a coffee shop",),
    ),
    CapabilitySpec(
        name="web-search",
        description="Searches the web and returns relevant pages with snippets.",
        tags=("search", "web", "google", "look up", "sources"),
        examples=("Search the web for recent news about fusion energy",),
    ),
)

"""The research agent's card: research, analysis and writing skills for the planner to match."""

from __future__ import annotations

from a2a.types import AgentCard, AgentSkill

from orchestra.agents.server import build_card, skill
from orchestra.config import Settings
from orchestra.llm.profiles import ModelProfile

__all__ = ["SKILLS", "research_card"]

NAME = "Research Agent"
VERSION = "1.0.0"
DESCRIPTION = (
    "Researches a question and writes a structured, sourced answer with a LangGraph "
    "workflow (understand, gather, analyze, write). Uses the outputs of earlier steps, text "
    "in the request and a local document corpus as sources, and says plainly when there is "
    "no material rather than inventing facts. Streams progress while it works."
)


SKILLS: tuple[AgentSkill, ...] = (
    skill(
        "research",
        "Research a topic",
        "Finds and organises what the available sources say about a topic or question: an "
        "overview, the key points, arguments for and against, key terms, and the sources used.",
        [
            "research",
            "investigate",
            "find out",
            "look up",
            "explore",
            "overview",
            "background",
            "explain",
            "describe",
            "what is",
            "why",
            "how",
            "facts",
            "arguments",
            "pros and cons",
            "for and against",
            "advantages",
            "disadvantages",
            "sources",
            "literature",
            "topic",
            "question",
            # "what are the rules for claiming ...": what is laid down, to be looked up.
            "rules",
            "regulations",
            "requirements",
            "eligibility",
        ],
        [
            "Summarize the main arguments for and against remote work",
            "Explain the pros and cons of nuclear power",
            "Give an overview of the history of electric cars",
            "Research what customers say about our onboarding process",
        ],
    ),
    skill(
        "analysis",
        "Analyse and compare",
        "Analyses material from earlier steps or the request: compares options, weighs "
        "strengths against weaknesses and risks, evaluates claims, and draws out themes.",
        [
            "analyze",
            "analyse",
            "analysis",
            "compare",
            "comparison",
            "contrast",
            "evaluate",
            "assess",
            "assessment",
            "critique",
            "review",
            "weigh",
            "strengths",
            "weaknesses",
            "risks",
            "swot",
            "implications",
            # As one word: "trade" alone ("a sole trader") is no weighing of options.
            "tradeoffs",
            "tradeoff",
            "versus",
            "interpret",
        ],
        [
            "Analyse the findings and list strengths and weaknesses",
            "Compare solar and wind power",
            "Evaluate the risks of the proposed migration plan",
        ],
    ),
    skill(
        "writing",
        "Write a document",
        "Writes a report, article, summary, email or memo from the material of earlier "
        "steps, in readable prose with sections and sources.",
        [
            "write",
            "draft",
            "compose",
            "report",
            "article",
            "essay",
            "blog post",
            "email",
            "letter",
            "memo",
            "summary",
            "document",
            "brief",
            "newsletter",
            "rewrite",
            "present",
            "conclusion",
            # Short copy people ask for without a verb of writing ("suggest five slogans").
            "slogan",
            "slogans",
            "tagline",
            "taglines",
            "caption",
            "captions",
            "headline",
            "headlines",
            # "a tweet announcing our new hours" (a tweet alone may be the text to judge).
            "announcement",
            # Playful short pieces: "a punny name for my van", "tell me a joke".
            "pun",
            "puns",
            "punny",
            "joke",
            "jokes",
            "limerick",
            "haiku",
            "toast",
            "nickname",
            # Pieces made for a class or an occasion ("story" would take "store" with it).
            "quiz",
            "quizzes",
            "worksheet",
            "poem",
            "speech",
            "bio",
            "invitation",
            "riddle",
            # Pieces made from what was found ("a one page handout for my year 10s").
            "handout",
            "explainer",
            "leaflet",
            "flyer",
            "factsheet",
            "brochure",
            "faq",
            "cheat sheet",
        ],
        [
            "Write a short report on the findings",
            "Draft an email to the team summarizing the results",
            "Write an article about the benefits of remote work",
        ],
    ),
)


def research_card(settings: Settings, port: int, model: ModelProfile | None = None) -> AgentCard:
    """The card; `model`: the profile it writes with, named on the card (offline too)."""
    return build_card(
        name=NAME,
        description=DESCRIPTION,
        version=VERSION,
        skills=SKILLS,
        settings=settings,
        port=port,
        model=model,
        reads_documents=True,
    )

"""The analyst agent's card: its skills, described so a planner can match task clauses to them."""

from __future__ import annotations

from a2a.types import AgentCard, AgentSkill

from orchestra.agents.server import build_card, skill
from orchestra.config import Settings

__all__ = ["SKILLS", "analyst_card"]

NAME = "Analyst Agent"
VERSION = "1.0.0"
DESCRIPTION = (
    "Deterministic data and text operations, no LLM: descriptive statistics (also on CSV or "
    "JSON tables, with group-by and correlation), safe arithmetic, extractive summaries, "
    "keyword extraction, lexicon sentiment, and CSV/JSON/Markdown table conversion. "
    "Send the instruction as text; put material in a data part ({'data': ...} or the "
    "outputs of earlier steps under 'inputs')."
)


SKILLS: tuple[AgentSkill, ...] = (
    skill(
        "statistics",
        "Descriptive statistics",
        "Computes statistics of numbers given in the text, found in earlier steps' output, or "
        "in a CSV / JSON table: count, sum, mean (average), median, mode, standard deviation, "
        "variance, min, max, range, percentiles and quartiles; Pearson correlation of two "
        "columns; group-by aggregates (per category totals and averages).",
        [
            "statistics",
            "stats",
            "average",
            "mean",
            "median",
            "mode",
            "sum",
            "total",
            "count",
            "min",
            "minimum",
            "max",
            "maximum",
            "range",
            "stdev",
            "standard deviation",
            "variance",
            "percentile",
            "quartile",
            "correlation",
            "group by",
            "aggregate",
            "per category",
            "distribution",
            "numbers",
            "dataset",
            "csv",
            "table",
            "data analysis",
        ],
        [
            "Compute the average of 3, 5 and 10",
            "What is the median and standard deviation of these sales figures?",
            "Group the CSV by region and total the revenue",
            "Find the correlation between price and units sold",
        ],
    ),
    skill(
        "calculation",
        "Calculator",
        "Evaluates an arithmetic expression exactly and safely: + - * / // % and powers, "
        "parentheses, percentages ('15% of 200') and functions sqrt, abs, round, min, max, "
        "log, ln, exp, floor, ceil, factorial. Accepts plain language such as 'what is 12 "
        "times 7'.",
        [
            "calculate",
            "calculation",
            "compute",
            "evaluate",
            "arithmetic",
            "math",
            "expression",
            "formula",
            "add",
            "plus",
            "subtract",
            "minus",
            "multiply",
            "times",
            "divide",
            "divided by",
            "power",
            "square root",
            "percentage",
            "percent of",
        ],
        [
            "What is 12 * (3 + 4)?",
            "Calculate 15% of 2,400",
            "Compute sqrt(144) + 2^10",
        ],
    ),
    skill(
        "summarization",
        "Extractive summary",
        "Summarizes text (given in the message or produced by earlier steps) by selecting its "
        "most representative sentences, in their original order; length is bounded and can "
        "be set ('in 2 sentences'). Quotes the source, never invents.",
        [
            "summarize",
            "summarise",
            "summary",
            "condense",
            "shorten",
            "tl;dr",
            "digest",
            "key points",
            "main points",
            "gist",
            "abstract",
            "recap",
            "brief",
            "extract",
        ],
        [
            "Summarize the research findings in 3 sentences",
            "Give me a short summary of this article",
            "Summarise this customer review",
            "Condense the previous step's output into its key points",
        ],
    ),
    skill(
        "keywords",
        "Keyword extraction",
        "Extracts the key phrases and terms of a text (RAKE-style scoring with stopwords), "
        "ranked by importance, with how often each occurs.",
        [
            "keywords",
            "key phrases",
            "keyphrases",
            "topics",
            "terms",
            "tags",
            "themes",
            "extract keywords",
            "important words",
            "main topics",
            "entities",
            "index terms",
        ],
        [
            "Extract the top 10 keywords from this text",
            "What are the main topics of the report?",
            "List the key phrases in the customer feedback",
        ],
    ),
    skill(
        "sentiment",
        "Sentiment analysis",
        "Scores the sentiment of text with a lexicon that handles negation, intensifiers and "
        "contrast ('but'): overall label (positive, negative, neutral, mixed), a score from "
        "-1 to 1, the words that drove it, and a per-sentence breakdown. Answers how a "
        "message sounds, reads or comes across: harsh, rude, polite, upbeat or flat, OK or not.",
        [
            "sentiment",
            "tone",
            "opinion",
            "mood",
            "emotion",
            "positive",
            "negative",
            "neutral",
            "polarity",
            "attitude",
            "feedback",
            "reviews",
            "satisfaction",
            "feel",
            "angry",
            "happy",
            "upset",
            "complaint",
            "like or dislike",
            "vibe",
            "happy or sad",
            # "classify this review": a text sorted as positive, negative or neutral.
            "classify",
            # "is this sarcastic: '...'": praise meant as a complaint is still its tone.
            "sarcastic",
            "sarcasm",
            # "'...' good or bad?": which way a text goes, asked in two words.
            "good or bad",
        ],
        [
            "What is the sentiment of these customer reviews?",
            "Is the tone of this email positive or negative?",
            "What's the mood of this match report?",
            "Analyze the sentiment of the previous step's findings",
        ],
    ),
    skill(
        "conversion",
        "Table format conversion",
        "Converts tabular data between CSV, JSON (list of records) and Markdown tables, "
        "typing numeric columns; also turns a table into a readable Markdown table.",
        [
            "convert",
            "conversion",
            "transform",
            "format",
            "reformat",
            "csv",
            "json",
            "markdown",
            "table",
            "to csv",
            "to json",
            "to markdown",
            "export",
            "parse",
            "records",
        ],
        [
            "Convert this CSV to JSON",
            "Turn the JSON records into a Markdown table",
            "Export the table as CSV",
        ],
    ),
)


def analyst_card(settings: Settings, port: int) -> AgentCard:
    return build_card(
        name=NAME,
        description=DESCRIPTION,
        version=VERSION,
        skills=SKILLS,
        settings=settings,
        port=port,
    )

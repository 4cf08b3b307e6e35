"""Unit tests for the research agent's pieces: thinking split, topic, BM25, graph offline."""

from __future__ import annotations

from pathlib import Path

from langgraph.checkpoint.memory import InMemorySaver

from orchestra.agents.research.compose import classify_question, extract_topic
from orchestra.agents.research.corpus import Corpus, bm25_rank
from orchestra.agents.research.graph import build_research_graph, choose_skill
from orchestra.agents.research.llm import split_thinking
from orchestra.llm import build_chat_model
from tests.llm.fake_provider import FakeProvider, Reply, settings_for


def test_split_thinking() -> None:
    assert split_thinking("<think>plan it</think>\nThe answer.") == ("The answer.", "plan it")
    assert split_thinking("No thinking here.") == ("No thinking here.", "")
    assert split_thinking("<think>a</think>X<think>b</think>Y") == ("XY", "a\n\nb")
    # Unclosed (cut off mid-thought) and a close tag without its opening tag.
    assert split_thinking("Answer<think>still going") == ("Answer", "still going")
    assert split_thinking("hidden reasoning</think>Final") == ("Final", "hidden reasoning")


def test_extract_topic_and_kind() -> None:
    question = "Summarize the main arguments for and against remote work"
    assert extract_topic(question) == "remote work"
    assert classify_question(question) == "for_against"
    assert extract_topic("Explain the pros and cons of nuclear power") == "nuclear power"
    assert classify_question("Compare solar and wind power") == "compare"
    assert extract_topic("Give an overview of the history of electric cars") == (
        "history of electric cars"
    )
    assert classify_question("Give an overview of electric cars") == "explain"


async def test_compare_sections_follow_the_sides(tmp_path: Path) -> None:
    (tmp_path / "e.md").write_text(
        "Nuclear power runs around the clock. Wind power depends on the weather. "
        "Both nuclear and wind produce little carbon."
    )
    graph = build_research_graph(corpus=Corpus(tmp_path))
    result = await graph.ainvoke(
        {
            "instruction": "Compare nuclear and wind power",
            "task": "",
            "capability": "",
            "inputs": [],
            "extra_texts": [],
        }
    )
    sections = {s["title"]: s["content"] for s in result["result"]["sections"]}
    assert "around the clock" in sections["Nuclear power"]
    assert "weather" in sections["Wind power"] and "clock" not in sections["Wind power"]


def test_choose_skill() -> None:
    assert choose_skill("writing", "anything") == "writing"
    assert choose_skill("", "Write a short report on the findings") == "writing"
    assert choose_skill("", "Compare solar and wind power") == "analysis"
    assert choose_skill("", "Explain the pros and cons of nuclear power") == "research"


def test_bm25_prefers_matching_documents() -> None:
    scores = bm25_rank(["nuclear"], [["nuclear", "power"], ["tomato", "garden"], ["nuclear"]])
    assert scores[1] == 0
    assert scores[2] > scores[0] > 0


def test_corpus_search_and_refresh(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("Nuclear reactors produce steady electricity for grids.")
    (tmp_path / "b.txt").write_text("Tomatoes like sunny gardens and regular watering.")
    corpus = Corpus(tmp_path)
    found = corpus.search(["nuclear", "electricity"])
    assert [f.passage.source for f in found] == ["a.md"]
    (tmp_path / "c.md").write_text("Electricity prices rose sharply this winter season.")
    assert {f.passage.source for f in corpus.search(["electricity"])} == {"a.md", "c.md"}
    assert Corpus(tmp_path / "missing").search(["x"]) == []


async def test_graph_offline_answer(tmp_path: Path) -> None:
    graph = build_research_graph(corpus=Corpus(tmp_path), checkpointer=InMemorySaver())
    config = {"configurable": {"thread_id": "ctx-1"}}
    material = (
        "Remote work saves commuting time and improves flexibility for employees. "
        "However, remote work can cause isolation and weaker team culture."
    )
    state = {
        "instruction": "Summarize the main arguments for and against remote work",
        "task": "",
        "capability": "",
        "inputs": [{"step_id": "s1", "title": "Notes", "text": material}],
        "extra_texts": [],
    }
    first = await graph.ainvoke(state, config=config)
    titles = [s["title"] for s in first["result"]["sections"]]
    assert titles[:3] == ["Overview", "Arguments for", "Arguments against"]
    assert "Sources" in titles
    sections = {s["title"]: s["content"] for s in first["result"]["sections"]}
    assert "saves commuting time" in sections["Arguments for"]
    assert "isolation" in sections["Arguments against"]


async def test_graph_with_llm_separates_thinking(tmp_path: Path) -> None:
    # The model streams its answer (the thinking split across pieces), with its usage last,
    # as OpenAI-compatible servers do.
    content = "<think>weigh sources</think>## Answer\nIt depends."
    pieces = ("<think>weigh ", "sources</th", "ink>## Answer\n", "It depends.")
    with FakeProvider() as server:
        server.script(Reply(content=content, chunks=pieces, tokens=(42, 7)))
        model = build_chat_model(settings_for("openai", server))
        assert model is not None
        graph = build_research_graph(corpus=Corpus(tmp_path), model=model, profile="thinker")
        result = await graph.ainvoke(
            {
                "instruction": "Explain tides",
                "task": "",
                "capability": "",
                "inputs": [],
                "extra_texts": [],
            }
        )
    assert server.chat_requests[0].body["stream"] is True
    assert result["answer"] == "## Answer\nIt depends."
    assert result["thinking"] == "weigh sources"
    assert result["result"]["mode"] == "llm"
    # Reported for the orchestrator, which records it on the step.
    assert result["result"]["usage"]["inputTokens"] == 42
    assert result["result"]["usage"]["outputTokens"] == 7
    assert result["result"]["usage"]["profile"] == "thinker"  # whose prices cost them


def test_a_topic_leaves_out_what_is_in_brackets() -> None:
    question = (
        "Write a short report based on the results of steps s1 (Summarize the main arguments "
        "for and against remote work) and s2 (Compute the average of 3, 5 and 10)"
    )
    assert extract_topic(question) == "results of steps s1 and s2"


ANALYST_ANSWER = """## Compute the average of 3, 5 and 10

**Mean (average): 6**

Values (3): 3, 5, 10

| Figure | Value |
|---|---:|
| Mean | 6 |
"""


async def test_a_report_on_earlier_figures_quotes_them(tmp_path: Path) -> None:
    graph = build_research_graph(corpus=Corpus(tmp_path))
    result = await graph.ainvoke(
        {
            "instruction": "Write a short report based on the results of steps s1 and s2",
            "task": "",
            "capability": "writing",
            "inputs": [{"step_id": "s2", "title": "Average", "text": ANALYST_ANSWER}],
            "empty_inputs": ["Arguments on remote work"],
            "extra_texts": [],
        }
    )
    sections = {s["title"]: s["content"] for s in result["result"]["sections"]}
    assert "**Mean (average): 6**" in sections["Average"]
    assert "| Mean" not in sections["Average"]
    assert "no source material" in sections["Arguments on remote work"]
    assert "Sources" in sections


async def test_no_material_names_the_earlier_steps_that_found_none(tmp_path: Path) -> None:
    graph = build_research_graph(corpus=Corpus(tmp_path))
    result = await graph.ainvoke(
        {
            "instruction": "Explain the history of tea",
            "task": "",
            "capability": "research",
            "inputs": [],
            "empty_inputs": ["Arguments on remote work"],
            "extra_texts": [],
        }
    )
    sections = {s["title"]: s["content"] for s in result["result"]["sections"]}
    assert "(Arguments on remote work) found none either" in sections["No source material"]
    assert result["result"]["materialFound"] is False

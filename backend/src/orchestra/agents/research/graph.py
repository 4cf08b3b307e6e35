"""The research agent's LangGraph: understand -> gather -> analyze -> write.

Each node reports progress through LangGraph's custom stream ({"status": "..."}), which
the executor turns into A2A `working` updates; the write node streams the model's answer
there too as it comes ({"delta": "..."}), which the executor sends on as artifact chunks.
State is plain JSON so any checkpointer can store it; each run is its own thread (see
`orchestra.agents.research.executor`).
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Awaitable, Callable
from dataclasses import asdict
from typing import Any, TypedDict

from langchain_core.language_models import BaseChatModel
from langgraph.checkpoint.base import BaseCheckpointSaver
from langgraph.config import get_stream_writer
from langgraph.graph import END, START, StateGraph
from langgraph.graph.state import CompiledStateGraph

from orchestra import tracing
from orchestra.agents import prose
from orchestra.agents.research.compose import (
    Material,
    SentenceInfo,
    analyze_material,
    classify_question,
    extract_topic,
    write_draft,
)
from orchestra.agents.research.corpus import Corpus
from orchestra.agents.research.llm import generate_answer

__all__ = ["ResearchState", "build_research_graph", "choose_skill"]

logger = logging.getLogger(__name__)

SKILLS = ("research", "analysis", "writing")
MAX_MATERIAL_CHARS = 200_000


class ResearchState(TypedDict, total=False):
    """Graph state; inputs first, then what each node adds."""

    instruction: str
    task: str
    capability: str
    inputs: list[dict[str, str]]
    empty_inputs: list[str]  # titles of earlier steps that found no source material
    extra_texts: list[str]
    documents: list[dict[str, Any]]  # passages of the user's documents: document, passage, text
    skill: str
    kind: str
    question: str
    topic: str
    focus: list[str]
    materials: list[dict[str, str]]
    sentences: list[dict[str, Any]]
    keywords: list[str]
    answer: str
    thinking: str
    result: dict[str, Any]


_WRITING = re.compile(
    r"\b(?:write|draft|compose|rewrite|article|essay|blog|post|email|letter|memo|report|"
    r"newsletter|press release|copy)\b"
)
_ANALYSIS = re.compile(
    r"\b(?:analy[sz]e|analysis|compare|comparison|evaluate|evaluation|assess|assessment|"
    r"critique|review|versus|vs|strengths|weaknesses|swot|implications)\b"
)


def choose_skill(capability: str, instruction: str) -> str:
    """The step's capability when it is ours, else inferred from the instruction's verbs."""
    if capability in SKILLS:
        return capability
    lowered = instruction.lower()
    first_clause = re.split(r"[.;:\n]", lowered, maxsplit=1)[0]
    if _WRITING.search(first_clause):
        return "writing"
    if _ANALYSIS.search(first_clause):
        return "analysis"
    return "research"


def _emit(status: str) -> None:
    get_stream_writer()({"status": status})


async def understand(state: ResearchState) -> ResearchState:
    _emit("Understanding the question")
    instruction = state.get("instruction", "").strip()
    question = instruction or state.get("task", "").strip()
    skill = choose_skill(state.get("capability", ""), question)
    topic = extract_topic(question)
    focus = list(
        dict.fromkeys(
            prose.content_words(topic) + prose.content_words(question, drop_instruction_words=True)
        )
    )
    return {
        "question": question,
        "skill": skill,
        "kind": classify_question(question),
        "topic": topic,
        "focus": focus[:20],
    }


def _material_from_instruction(instruction: str) -> str:
    # Text pasted after "...:" or on following lines is material; a one-line ask is not.
    _head, sep, rest = instruction.partition("\n")
    if sep and len(rest.strip()) > 80:
        return rest.strip()
    _first, colon, after = instruction.partition(":")
    if colon and len(after.strip()) > 200:
        return after.strip()
    return ""


def make_gather(corpus: Corpus | None) -> Any:
    async def gather(state: ResearchState) -> ResearchState:
        _emit("Gathering sources")
        materials: list[Material] = []
        for item in state.get("inputs", []):
            if item.get("text", "").strip():
                title = item.get("title") or item.get("step_id") or "earlier step"
                materials.append(
                    Material(str(len(materials) + 1), f"Step '{title}'", "input", item["text"])
                )
        pasted = _material_from_instruction(state.get("instruction", ""))
        if pasted:
            materials.append(Material(str(len(materials) + 1), "Request text", "message", pasted))
        for text in state.get("extra_texts", []):
            materials.append(Material(str(len(materials) + 1), "Request data", "data", text))
        for given in state.get("documents", []):
            title = f"{given['document']}, passage {given['passage']}"
            materials.append(Material(str(len(materials) + 1), title, "document", given["text"]))
        if corpus is not None:
            found = await asyncio.to_thread(corpus.search, state.get("focus", []), 6)
            for scored in found:
                passage = scored.passage
                materials.append(
                    Material(
                        str(len(materials) + 1),
                        f"{passage.source} #{passage.index + 1}",
                        "corpus",
                        passage.text,
                    )
                )
        # Bound the work: later material is dropped, not truncated mid-sentence.
        kept: list[Material] = []
        total = 0
        for material in materials:
            total += len(material.text)
            if total > MAX_MATERIAL_CHARS and kept:
                break
            kept.append(material)
        logger.info("research gathered %d sources", len(kept))
        return {"materials": [asdict(m) for m in kept]}

    return gather


async def analyze(state: ResearchState) -> ResearchState:
    _emit("Analyzing the material")
    materials = [Material(**m) for m in state.get("materials", [])]
    sentences, keywords = await asyncio.to_thread(
        analyze_material, materials, state.get("focus", [])
    )
    return {"sentences": [asdict(s) for s in sentences], "keywords": keywords}


def _prompt(state: ResearchState, materials: list[Material]) -> str:
    sources = "\n\n".join(f"[{m.label}] {m.title}:\n{m.text[:6000]}" for m in materials)
    return (
        f"Task: {state.get('task') or state.get('question')}\n"
        f"Your step ({state.get('skill')}): {state.get('question')}\n\n"
        f"Material:\n{sources or '(none)'}\n\n"
        "Write the answer in Markdown with sections. If the material is missing or thin, "
        "say so instead of guessing."
    )


def make_write(
    model: BaseChatModel | None, timeout_seconds: float, profile: str | None = None
) -> Any:
    async def write(state: ResearchState) -> ResearchState:
        _emit("Writing the answer")
        materials = [Material(**m) for m in state.get("materials", [])]
        sentences = [SentenceInfo(**s) for s in state.get("sentences", [])]
        draft = write_draft(
            question=state.get("question", ""),
            topic=state.get("topic", ""),
            skill=state.get("skill", "research"),
            kind=state.get("kind", "explain"),  # type: ignore[arg-type]
            materials=materials,
            sentences=sentences,
            keywords=state.get("keywords", []),
            focus=state.get("focus", []),
            found_nothing=state.get("empty_inputs", []),
        )
        answer = draft.to_markdown()
        thinking = ""
        mode = "offline"
        usage: dict[str, Any] | None = None
        if model is not None:
            write_live = get_stream_writer()
            generated = await generate_answer(
                model,
                _prompt(state, materials),
                timeout_seconds=timeout_seconds,
                # The answer as it is written: the executor streams it to the caller.
                on_text=lambda text: write_live({"delta": text}),
            )
            answer, thinking, mode = generated.text, generated.thinking, "llm"
            # The orchestrator records these on the step (data part "usage").
            usage = {
                "inputTokens": generated.input_tokens,
                "outputTokens": generated.output_tokens,
                "model": _model_name(model),
            }
            if profile:  # its prices cost these tokens at the orchestrator
                usage["profile"] = profile
        result: dict[str, Any] = {
            "skill": state.get("skill"),
            "question": state.get("question"),
            "topic": state.get("topic"),
            "kind": state.get("kind"),
            "mode": mode,
            "title": draft.title,
            "sections": [
                {"title": s.title, "content": s.body, "items": s.items} for s in draft.sections
            ],
            "keywords": draft.keywords,
            "sources": [{"label": m.label, "title": m.title, "kind": m.kind} for m in materials],
            "materialFound": bool(materials),
        }
        if usage is not None:
            result["usage"] = usage
        return {"answer": answer, "thinking": thinking, "result": result}

    return write


def _spanned(name: str, node: Callable[[ResearchState], Awaitable[ResearchState]]) -> Any:
    """The node inside a tracing span, so a trace shows where the agent's time went."""

    async def run(state: ResearchState) -> ResearchState:
        with tracing.span(f"research.{name}"):
            return await node(state)

    return run


def _model_name(model: BaseChatModel) -> str:
    for attribute in ("model_name", "model"):
        value = getattr(model, attribute, None)
        if isinstance(value, str) and value:
            return value
    return type(model).__name__


def build_research_graph(
    *,
    corpus: Corpus | None,
    model: BaseChatModel | None = None,
    checkpointer: BaseCheckpointSaver[Any] | None = None,
    llm_timeout_seconds: float = 120.0,
    profile: str | None = None,
) -> CompiledStateGraph[Any, Any, Any, Any]:
    """Compile the graph; `model=None` is offline mode (real algorithms, no LLM).

    `profile`: the name of the model profile `model` was built from, named in its usage.
    """
    graph = StateGraph(ResearchState)
    graph.add_node("understand", _spanned("understand", understand))
    graph.add_node("gather", _spanned("gather", make_gather(corpus)))
    graph.add_node("analyze", _spanned("analyze", analyze))
    graph.add_node("write", _spanned("write", make_write(model, llm_timeout_seconds, profile)))
    graph.add_edge(START, "understand")
    graph.add_edge("understand", "gather")
    graph.add_edge("gather", "analyze")
    graph.add_edge("analyze", "write")
    graph.add_edge("write", END)
    return graph.compile(checkpointer=checkpointer)

"""Offline answer writing for the research agent: structure gathered material into sections.

No facts are invented: every sentence of an answer comes from the material (dependency
outputs, the message, the local corpus) and carries its source label; with no material
the answer says so and lists what would need to be found out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from orchestra.agents import prose, sentiment

__all__ = [
    "Draft",
    "Material",
    "QuestionKind",
    "Section",
    "SentenceInfo",
    "analyze_material",
    "classify_question",
    "extract_topic",
    "write_draft",
]

QuestionKind = Literal["for_against", "compare", "explain"]


@dataclass(frozen=True)
class Material:
    """One source of text, with the label answers cite it by ([1], [2], ...)."""

    label: str
    title: str
    kind: str  # "input" (an earlier step), "message", "data", "document" or "corpus"
    text: str


@dataclass(frozen=True)
class SentenceInfo:
    text: str
    label: str
    stance: str  # "pro", "con" or "neutral"
    relevance: float


@dataclass
class Section:
    title: str
    body: str
    items: list[str] = field(default_factory=list)


@dataclass
class Draft:
    title: str
    sections: list[Section]
    keywords: list[str]

    def to_markdown(self) -> str:
        parts = [f"# {self.title}"]
        for section in self.sections:
            parts.append(f"## {section.title}\n\n{section.body}".rstrip())
        return "\n\n".join(parts) + "\n"


_FOR_AGAINST = re.compile(
    r"\bfor and against\b|\bpros? and cons?\b|\bpros\b|\bcons\b|\badvantages?\b|"
    r"\bdisadvantages?\b|\bbenefits? and (?:risks?|drawbacks?|costs?)\b|\barguments?\b|"
    r"\bstrengths? and weaknesses\b|\bupsides?\b|\bdownsides?\b|\bdebate\b"
)
_COMPARE = re.compile(r"\bcompare\b|\bcomparison\b|\bversus\b|\bvs\.?\s|\bdifference between\b")


def classify_question(question: str) -> QuestionKind:
    lowered = question.lower()
    if _FOR_AGAINST.search(lowered):
        return "for_against"
    if _COMPARE.search(lowered):
        return "compare"
    return "explain"


_TOPIC_PATTERNS = [
    r"\bfor and against\s+(.+)",
    r"\bpros and cons of\s+(.+)",
    r"\b(?:advantages|disadvantages|benefits|risks|arguments)\b.*?\b(?:of|for|about)\s+(.+)",
    r"\bcompare\s+(.+)",
    r"\bdifference between\s+(.+)",
    r"\b(?:overview|summary|explanation|report|article|essay|email|post) (?:of|on|about)\s+(.+)",
    r"\b(?:explain|describe|research|investigate|analy[sz]e|evaluate|assess|discuss)\s+(.+)",
    r"\b(?:about|on|of)\s+(.+)",
]


# Text in brackets qualifies a subject but is not it: plans name earlier steps so ("the
# results of steps s1 (Summarize ... remote work) and s2 (...)").
_BRACKETED = re.compile(r"\s*\([^()]*\)")


def extract_topic(question: str) -> str:
    """The subject of a request: "...arguments for and against remote work" -> "remote work"."""
    first_sentence = prose.split_sentences(question)[:1] or [question]
    sentence = _BRACKETED.sub("", first_sentence[0]).strip().rstrip("?.!")
    for pattern in _TOPIC_PATTERNS:
        match = re.search(pattern, sentence, re.IGNORECASE)
        if match:
            topic = re.sub(r"^(?:the|a|an)\s+", "", match.group(1).strip(), flags=re.IGNORECASE)
            topic = re.split(
                r"\s+(?:in \d+ \w+|for (?:a|an|the) \w+|and (?:write|summari[sz]e|list)\b)", topic
            )[0]
            if topic:
                return topic[:120]
    words = prose.content_words(sentence, drop_instruction_words=True)
    return " ".join(words[:6]) or sentence[:120]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_PRO_CUES = _words(
    "benefit benefits beneficial advantage advantages improve improves improved improvement "
    "allow allows allowing enable enables helps help save saves saving savings boost boosts "
    "gain gains opportunity opportunities flexibility flexible efficient efficiency cheaper "
    "reliable clean safer safe productive productivity growth supports support pro pros "
    "upside strength strengths positive freedom"
)
_CON_CUES = _words(
    "however but although though risk risks drawback drawbacks downside downsides "
    "disadvantage disadvantages concern concerns cost costs costly expensive danger dangerous "
    "problem problems challenge challenges worry worries critics criticism harm harmful lack "
    "lacks isolation isolated waste accident accidents difficult difficulty negative cons con "
    "weakness weaknesses threat threats limitation limitations burnout loneliness"
)


def _stance(sentence: str) -> str:
    tokens = prose.tokenize(sentence)
    cue = sum(1 for t in tokens if t in _PRO_CUES) - sum(1 for t in tokens if t in _CON_CUES)
    score = cue + 2.0 * sentiment.sentiment(sentence).score
    if score >= 0.5:
        return "pro"
    if score <= -0.5:
        return "con"
    return "neutral"


def analyze_material(
    materials: Sequence[Material], focus: Sequence[str]
) -> tuple[list[SentenceInfo], list[str]]:
    """Sentences of all material with stance and relevance, plus the material's keywords."""
    focus_stems = {prose.strip_inflection(w) for w in focus}
    combined = "\n\n".join(m.text for m in materials)
    frequencies = prose.word_frequencies(combined)
    seen: set[str] = set()
    infos: list[SentenceInfo] = []
    for material in materials:
        for sentence in prose.split_sentences(material.text):
            key = re.sub(r"\W+", " ", sentence.lower()).strip()
            words = prose.content_words(sentence)
            # Headings and fragments are not statements worth quoting.
            if key in seen or len(words) < 3 or len(sentence) < 25:
                continue
            seen.add(key)
            overlap = sum(1 for w in set(words) if prose.strip_inflection(w) in focus_stems)
            density = sum(frequencies.get(w, 0.0) for w in words) / max(len(words), 1) ** 0.5
            infos.append(
                SentenceInfo(
                    text=sentence,
                    label=material.label,
                    stance=_stance(sentence),
                    relevance=round(overlap * 1.0 + density, 4),
                )
            )
    keywords = [k.phrase for k in prose.keywords(combined, top_n=8, exclude=focus)]
    return infos, keywords


def _cite(info: SentenceInfo) -> str:
    return f"{info.text} [{info.label}]"


def _bullets(infos: Sequence[SentenceInfo]) -> str:
    return "\n".join(f"- {_cite(i)}" for i in infos)


def _best(infos: Sequence[SentenceInfo], limit: int) -> list[SentenceInfo]:
    ranked = sorted(infos, key=lambda i: -i.relevance)[:limit]
    order = {id(info): index for index, info in enumerate(infos)}
    return sorted(ranked, key=lambda i: order[id(i)])


def _overview(materials: Sequence[Material], focus: Sequence[str], sentences: int) -> list[str]:
    combined = "\n\n".join(m.text for m in materials)
    return prose.summarize(combined, max_sentences=sentences, max_chars=900, focus=focus)


def _label_of(summary_sentence: str, infos: Sequence[SentenceInfo]) -> str:
    for info in infos:
        if info.text == summary_sentence:
            return _cite(info)
    return summary_sentence


def _sources_section(materials: Sequence[Material]) -> Section:
    kinds = {
        "input": "output of an earlier step",
        "message": "text in the request",
        "data": "data in the request",
        "corpus": "local corpus",
        "document": "uploaded document",
    }
    lines = [f"[{m.label}] {m.title} ({kinds.get(m.kind, m.kind)})" for m in materials]
    body = "\n".join(f"- {line}" for line in lines)
    body += (
        "\n\nOffline mode: every statement above is quoted from these sources; "
        "nothing was added from outside them."
    )
    return Section("Sources", body, lines)


def _no_material_draft(
    question: str,
    topic: str,
    kind: QuestionKind,
    skill: str,
    materials: Sequence[Material],
    found_nothing: Sequence[str],
) -> Draft:
    questions = {
        "for_against": [
            f"What are the main benefits of {topic}, and for whom?",
            f"What are the main risks or costs of {topic}, and how large are they?",
            "What evidence (studies, data) supports each side?",
        ],
        "compare": [
            "On which criteria should the options be compared?",
            "What data exists for each option on those criteria?",
            "Which option is better for which situation?",
        ],
        "explain": [
            f"What is {topic}, and how does it work?",
            f"Why does {topic} matter, and to whom?",
            "What are the current facts and figures?",
        ],
    }[kind]
    terms = prose.content_words(question, drop_instruction_words=True)
    if materials:
        given = ", ".join(m.title for m in materials)
        missing = (
            f"The material this request came with ({given}) holds no statement to answer it "
            "from, and no uploaded document or local corpus passage matched"
        )
    elif found_nothing:
        missing = (
            f"No source material was available for this request: the earlier steps it builds "
            f"on ({', '.join(found_nothing)}) found none either, and no uploaded document or "
            "local corpus passage matched"
        )
    else:
        missing = (
            "No source material was available for this request: it carried no output from "
            "earlier steps, no text to work on, and no uploaded document or local corpus "
            "passage matched"
        )
    sections = [
        Section(
            "No source material",
            f"{missing} (upload documents on the dashboard's Documents page or to "
            "POST /api/documents). Working offline, this "
            f"agent does not invent facts, so it cannot yet answer: *{question.strip()}*",
        ),
        Section(
            "What to find out",
            "\n".join(f"- {q}" for q in questions),
            questions,
        ),
        Section("Sources", "None.", []),
    ]
    if skill == "writing":
        sections.insert(1, Section("Outline", "\n".join(f"1. {q}" for q in questions), questions))
    return Draft(title=_title(topic), sections=sections, keywords=list(dict.fromkeys(terms))[:8])


def _compiled_report(topic: str, inputs: Sequence[Material], found_nothing: Sequence[str]) -> Draft:
    """A report on earlier steps' results whose texts hold no statements to weigh (figures,
    tables): what each step found, in its own words, in the plan's order, and which steps
    found no source material."""
    sections = [Section(m.title.removeprefix("Step ").strip("'"), _gist(m.text)) for m in inputs]
    sections.extend(
        Section(title, "This step found no source material, so nothing of it is reported.")
        for title in found_nothing
    )
    sections.append(_sources_section(inputs))
    return Draft(title=_title(topic), sections=sections, keywords=[])


# Lines of a step's Markdown answer that carry its findings (not headings, tables or rules).
_GIST_LINES = 4


def _gist(text: str) -> str:
    lines = [line.strip() for line in text.splitlines()]
    kept = [line for line in lines if line and not line.startswith(("#", "|", "---"))]
    return "\n\n".join(kept[:_GIST_LINES]) or "(no text)"


def _title(topic: str) -> str:
    return topic[:1].upper() + topic[1:] if topic else "Findings"


def write_draft(
    *,
    question: str,
    topic: str,
    skill: str,
    kind: QuestionKind,
    materials: Sequence[Material],
    sentences: Sequence[SentenceInfo],
    keywords: Sequence[str],
    focus: Sequence[str],
    found_nothing: Sequence[str] = (),
) -> Draft:
    """Structured Markdown answer from analysed material (see the module docstring).

    `found_nothing`: the titles of earlier steps that found no source material (their
    answers are not material, but a report on the earlier steps says what they lacked).
    """
    inputs = [m for m in materials if m.kind == "input"]
    if not sentences and skill == "writing" and inputs:
        return _compiled_report(topic, inputs, found_nothing)
    if not materials or not sentences:
        return _no_material_draft(question, topic, kind, skill, materials, found_nothing)
    pros = [i for i in sentences if i.stance == "pro"]
    cons = [i for i in sentences if i.stance == "con"]
    chosen_for, chosen_against = _best(pros, 6), _best(cons, 6)
    listed = {i.text for i in chosen_for + chosen_against}
    # The overview frames the topic; statements listed below are not repeated in it.
    summary = _overview(materials, focus, 4)
    overview = [_label_of(s, sentences) for s in summary if s not in listed][:3]
    if not overview:
        overview = [_label_of(s, sentences) for s in summary[:1]]
    used = listed | {s for s in summary}
    details = _best([i for i in sentences if i.text not in used], 6)
    if skill == "writing":
        sections = _writing_sections(overview, chosen_for, chosen_against, details, topic)
        sections = _as_letter(sections) if _LETTER.search(question.lower()) else sections
    else:
        sections = [Section("Overview", " ".join(overview), overview)]
        if kind == "compare":
            sections.extend(_comparison_sections(topic, sentences))
            sections.append(Section("Assessment", _balance(len(pros), len(cons))))
        elif kind == "for_against" or (skill == "analysis" and (pros or cons)):
            for_title, against_title = (
                ("Arguments for", "Arguments against")
                if kind == "for_against"
                else ("Strengths", "Weaknesses and risks")
            )
            empty = "The material states no clear argument on this side."
            sections.append(
                Section(for_title, _bullets(chosen_for) or empty, [_cite(i) for i in chosen_for])
            )
            sections.append(
                Section(
                    against_title,
                    _bullets(chosen_against) or empty,
                    [_cite(i) for i in chosen_against],
                )
            )
            sections.append(Section("Assessment", _balance(len(pros), len(cons))))
        elif details:
            sections.append(Section("Key points", _bullets(details), [_cite(i) for i in details]))
    if keywords:
        sections.append(Section("Key terms", ", ".join(keywords), list(keywords)))
    sections.append(_sources_section(materials))
    return Draft(title=_title(topic), sections=sections, keywords=list(keywords))


def _balance(pros: int, cons: int) -> str:
    lean = "lean positive" if pros > cons else "lean critical" if cons > pros else "are balanced"
    return f"{pros} supporting and {cons} critical statements were found; the sources {lean}."


def _comparison_sections(topic: str, sentences: Sequence[SentenceInfo]) -> list[Section]:
    parts = re.split(r"\s+(?:and|vs\.?|versus|with|to)\s+", topic)
    sides = [p.strip() for p in parts if p.strip()][:2]
    words = [prose.content_words(side) for side in sides]
    titles = list(sides)
    if len(sides) == 2 and len(words[0]) == 1 and len(words[1]) > 1:
        # "nuclear and wind power" means nuclear power and wind power.
        titles[0] = f"{sides[0]} {words[1][-1]}"
        words[1] = words[1][:-1]
    stems = [{prose.strip_inflection(w) for w in side_words} for side_words in words]
    shared = set.intersection(*stems) if len(stems) > 1 else set()
    sections: list[Section] = []
    for title, side_stems in zip(titles, stems, strict=True):
        # Only the words that tell the sides apart decide which statements are about which.
        key = side_stems - shared or side_stems
        about = [
            i
            for i in sentences
            if key & {prose.strip_inflection(w) for w in prose.content_words(i.text)}
        ]
        chosen = _best(about, 5)
        sections.append(
            Section(
                _title(title),
                _bullets(chosen) or f"The material says nothing specific about {title}.",
                [_cite(i) for i in chosen],
            )
        )
    return sections


_LETTER = re.compile(r"\bemail\b|\bletter\b|\bmemo\b")


def _writing_sections(
    overview: list[str],
    pros: Sequence[SentenceInfo],
    cons: Sequence[SentenceInfo],
    details: Sequence[SentenceInfo],
    topic: str,
) -> list[Section]:
    """Writing requests get paragraphs: introduction, discussion, conclusion."""
    paragraphs: list[str] = []
    if pros:
        paragraphs.append(" ".join(_cite(i) for i in pros))
    if cons:
        # Only a connective is added; the statements themselves stay quoted as found.
        paragraphs.append("On the other hand: " + " ".join(_cite(i) for i in cons))
    if details:
        paragraphs.append(" ".join(_cite(i) for i in details))
    sections = [Section("Introduction", " ".join(overview), overview)]
    if paragraphs:
        sections.append(Section("Discussion", "\n\n".join(paragraphs), paragraphs))
    if pros or cons:
        conclusion = _balance(len(pros), len(cons))
    else:
        conclusion = f"The material above is what the sources say about {topic}."
    sections.append(Section("Conclusion", conclusion))
    return sections


def _as_letter(sections: list[Section]) -> list[Section]:
    body = "\n\n".join(s.body for s in sections)
    return [Section("Message", f"Hello,\n\n{body}\n\nBest regards")]

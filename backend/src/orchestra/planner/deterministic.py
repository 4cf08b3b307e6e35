"""The deterministic planner: turns a task into a plan by capability matching, offline.

It is the default planner when no LLM is configured and the fallback when the LLM fails,
so it aims for plans a person would accept, with no randomness and no I/O:

1. resolve a follow-up ("now do the same for 2025") against the session history;
2. mask the user's material (quotes, data after a colon) and split the task into clauses;
3. score every clause against every capability and pick the best;
4. decide dependencies from the wording ("then", "based on it", "using the results");
5. merge neighbouring clauses that make one step, cap the number of steps, and write each
   step's instruction so that it stands on its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from orchestra.agents.analyst.formulas import names_unit, read_formula, same_unit
from orchestra.agents.analyst.operations import ASKS_CONVERSION, SEPARATOR_SWAP, format_names
from orchestra.agents.analyst.stated_formula import read_stated_formula
from orchestra.agents.analyst.wording import read_numeric_request
from orchestra.agents.sentiment import sentiment
from orchestra.planner.clauses import (
    STOPWORDS,
    Clause,
    Token,
    content_stems,
    is_action_start,
    names_a_text_ask,
    split_clauses,
    strip_request_prefix,
    tokenize,
    topic_of,
)
from orchestra.planner.consensus import asks_several_models, with_consensus
from orchestra.planner.doubt import (
    DOCUMENTS,
    MAKING_VERBS,
    MESSAGES,
    ONLY_FIGURE_NAMES_RE,
    WHO_SAID_RE,
    change_unapplied,
    doubt,
    nouns_re,
)
from orchestra.planner.errors import EmptyTaskError, NoCapabilityError, UnclearRequestError
from orchestra.planner.followup import (
    ADDITION,
    REVISION,
    period_unapplied,
    resolve_follow_up,
    size_unapplied,
)
from orchestra.planner.matching import MIN_SCORE_WITH_MATERIAL, CapabilityMatcher
from orchestra.planner.material import (
    PLACEHOLDER_RE,
    MaskedText,
    ends_with_material,
    mask_material,
    placeholders_in,
)
from orchestra.planner.schema import CapabilitySpec, Plan, PlanStep

__all__ = ["plan_deterministic"]

TITLE_MAX = 60

# The pronoun a later clause uses for an earlier result is replaced by this marker until
# step ids are known; then it becomes "the results of step s1".
_REF = "\u27eaREF\u27eb"

# Words that say something about the form of a result, not what it is about: a clause made
# only of these and capability words ("write a short comparison") has no subject of its
# own and works on the previous result.
_FORM_WORDS = frozenset(
    content_stems(
        """short long brief detailed concise simple quick final overall full main key top
        paragraph sentence sentences bullet points point page words word list version
        draft text result results output one two three four five few several new nice
        good clear formal informal polite friendly kids children beginners students
        managers team colleagues customers parents readers audience employees executives
        boss newsletter recommendation recommendations proposal verdict conclusion
        conclusions decision advice suggestion suggestions takeaway takeaways strategy
        executive page one-page together guide tutorial checklist faq cheat sheet outline
        pitch plan script speech post tweet thread poem haiku song story limerick slogan piece
        pieces
        slogans caption captions headline headlines"""
    )
)
# "... for our company", "... to the product team": whom a piece of writing is for, not
# what it is about.
_AUDIENCE_RE = re.compile(
    r"\s+(?:for|to)\s+(?:(?:the|our|my|your|a|an)\s+)?[A-Za-z-]+(?:\s+[A-Za-z-]+){0,3}\s*[.!?]?\s*$"
)

_PLURAL_RESULT_RE = re.compile(
    r"\b(?:using|use|based on|from|with|combine|combining|of|on|about|into)\s+"
    r"(?:all\s+)?(?:the|these|those|both)\s+(?:results|findings|outputs|answers)\b"
    r"|\b(?:both|all)\s+(?:results|findings|outputs|answers)\b",
    re.I,
)
# "total it up and then tell me what that gives per head": the figure before, worked on.
_WHAT_THAT_GIVES_RE = re.compile(
    r"\bwhat\s+(?:that|it|this)\s+(?:gives|comes\s+to|makes|works\s+out(?:\s+at)?|is)\s+"
    r"(?:per|a|an|each|for\s+each|between|divided|split|over)\b",
    re.I,
)
_SINGULAR_RESULT_RE = re.compile(
    r"\b(?:using|use|based on|from|with|of|on|about|into)\s+(?:the|that|this)\s+"
    r"(?:result|output|answer|research|analysis|summary|report|above|previous\s+\w+)\b"
    r"|\bthe above\b"
    r"|\b(?:that|this|those|these)\s+(?:total|sum|value|values|number|numbers|figure|figures|"
    r"list|summary|report|findings|information|research|analysis|results?)\b",
    re.I,
)
_OBJECT_PRONOUN_RE = re.compile(
    r"\b(?:it|them)\b(?!')"
    # "how many 500 g boxes is that (just divide)": a remark in brackets after it.
    r"|\b(?:this|that|these|those)\b(?=\s*(?:$|[.,;:!?()]|(?:in|into|to|as|for|with|from|"
    r"using|based)\b"
    # "whats that per month", "what's that a week": the value pointed at, over a period.
    r"|per\b|(?:a|an|each|every)\s+(?:hour|day|week|fortnight|month|quarter|year)\b))",
    re.I,
)
# "the cheaper ones", "tell me which one to pick": a choice among what came before.
_ONES_RE = re.compile(r"\bones\b|\b(?:which|best|right|winning)\s+one\b", re.I)
# An earlier result named as a value ("that total", "the result"), not "the sum of ...".
_RESULT_PHRASE_RE = re.compile(
    r"\b(?:that|this|the)\s+(?:result|total|sum|answer|value|number|figure|amount|output)\b"
    r"(?!\s+(?:of|for|from)\b)"
    # "then convert that average to miles": the figure the step before found, not a new
    # figure of its numbers ("the average" may be one, "that average" is not).
    r"|\b(?:that|this)\s+(?:average|mean|median)\b(?!\s+of\b)",
    re.I,
)
_POSSESSIVE_RE = re.compile(r"\b(?:its|their)\b", re.I)
# "Write a summary of this: '...'": the summary is the piece asked for, not a document
# (an email, a report) that would summarise; of the user's own text, it is extractive.
# "the gist of this letter", "the short version of this": a summary too.
_SUMMARY_RE = re.compile(
    r"\bsumm(?:ary|aries|ari[sz]e)\b|\bgist\b|\btl;?dr\b|\bshort\s+version\b", re.I
)
# "make this into a csv", "as JSON": a format to turn the data into. "csv" alone names
# statistics' input as much as conversion's output; the target decides a tie.
_TARGET_FORMAT_RE = re.compile(
    r"\b(?:into|to|as)\s+(?:an?\s+)?(?:plain\s+|simple\s+|normal\s+|regular\s+)?"
    r"(?:csv|json|markdown|tsv)\b"
    r"|\bmake\s+(?:this|it|that|these)\s+(?:into\s+)?an?\s+(?:csv|json|markdown|tsv)\b"
    # "markdown table from this tsv", "a json version of this": the format wanted, named
    # before what it is made from.
    r"|\b(?:csv|json|markdown|tsv)\s+(?:table|version|file|format|copy)\s+(?:from|of|for)\b",
    re.I,
)
_FORMAT_ALONE_RE = re.compile(
    r"\W*(?:(?:make|turn|put|get|give\s+me)\s+(?:this|it|that|these)?\s*)?"
    r"(?:in\s+|as\s+|into\s+)?(?:an?\s+|the\s+)?"
    r"(?:csv|json|markdown|md|tsv|comma[-\s]separated(?:\s+values)?|tab[-\s]separated)"
    # "csv version please", "a json copy": the format wanted, named with what it makes.
    r"(?:\s+(?:version|copy|format|file|table))?(?:\s+(?:please|pls|thanks))?"
    # "csv please for the choir spreadsheet", "json for the training app": what it is for.
    r"(?:\s+for\s+(?:the|my|our|a|an|this)\s+[\w\s'-]{1,40}?)?(?:\s+(?:please|pls|thanks))?\W*",
    re.I,
)
# "..., then make it funnier", "and make it more formal": the piece just made, changed.
_REVISES_PREVIOUS_RE = re.compile(
    r"(?:(?:and|then)\s+)*make\s+(?:it|that|this|them|the\s+[a-z]+|its\s+[a-z]+)\s+"
    + REVISION
    # "..., and mention the parkrun": more put into the piece, besides.
    + r"(?:,?\s+and\s+"
    + ADDITION
    + r"\b.*)?"
    + r"\s*[.!?]*$",
    re.I,
)
# "and add a line about my cat", "include a joke": more words put into the piece before.
_ADDS_TO_PIECE_RE = re.compile(
    r"(?:(?:and|also|then)\s+)*" + ADDITION + r"\s+"
    r"(?:a|an|one|some|another|the)?\s*(?:short\s+|little\s+|quick\s+|funny\s+)?"
    r"(?:line|sentence|paragraph|bit|section|word|joke|note|reference|pun|quote|verse|"
    r"call\s+to\s+action|hashtag|emoji)s?\b",
    re.I,
)
# "explain what a median is", "tell me what a mode means": a notion explained, not computed.
_EXPLAINS_NOTION_RE = re.compile(
    r"^(?:(?:and|also|then)\s+)*(?:explain|tell\s+me|describe|define)\s+(?:to\s+me\s+)?"
    r"what\s+(?:an?\s+|the\s+)?[a-z][a-z -]*?\s+(?:is|are|means?)\s*[.!?]*$",
    re.I,
)
# "explain what the result means", "what this number is": an earlier result, explained.
_POINTS_BACK_RE = re.compile(
    r"\b(?:it|its|this|that|these|those|result|results|answer|answers|figure|figures|number|"
    r"numbers|value|values)\b",
    re.I,
)
# "the difference between weather and climate": things compared, not numbers subtracted.
_DIFFERENCE_OF_THINGS_RE = re.compile(r"\bdifferences?\s+between\s+[a-z]", re.I)
# "find out what ...", "look up why ...": a question to be looked into.
_RESEARCH_ASK_RE = re.compile(
    r"\s*(?:please\s+)?(?:find\s+out|look\s+up|look\s+into|research|investigate)\s+"
    r"(?:what|why|how|who|when|where|which|whether|if)\b",
    re.I,
)
# "look up the average price", "find out the median age": a figure to look up.
_LOOKS_UP_RE = re.compile(
    r"\s*(?:please\s+)?(?:look\s+up|find\s+out|research|search\s+(?:for|online)|google|"
    # "find the current price of ...": a figure of today, found, not computed.
    r"find\s+(?:the\s+|out\s+)?(?:current|latest|today'?s|live|present|going)\b|"
    r"check\s+online)\b",
    re.I,
)
_OF_TODAY_RE = re.compile(r"\b(?:current|latest|today'?s|this\s+year'?s|going)\b", re.I)
# "what's this email about?": what a text says, in short.
_WHAT_ABOUT_RE = re.compile(
    r"\bwhat(?:'s|\s+is|\s+are)\s+(?:this|these|that|the)\s+(?:\w+\s+){0,2}about\b", re.I
)
# "summarize the report", "sum up my notes": a text named, not given.
_SUMMARIZE_GIVEN_RE = re.compile(
    r"(?:summ(?:ari[sz]e)|sum\s+up)\s+(?:the|this|that|my|our|your|his|her|their)\s+"
    r"(?:\w+\s+)?(?:report|article|essay|document|doc|paper|email|e-mail|letter|memo|"
    r"notes|minutes|text|chapter|book|story|thread|transcript|message|file|pdf|contract|"
    r"lease|agreement|policy|terms|statement|invoice|proposal|brief|feedback|review)"
    # "... the email my son's teacher sent": who the text is from.
    r"(?:\s+(?:that\s+|which\s+)?(?:my|our|his|her|their|the|i|we|he|she|they)\s+[\w' ]{1,40}?"
    r"(?:sent|wrote|posted|forwarded|shared|gave|left|got|received|emailed|texted)"
    r"(?:\s+(?:me|us))?)?\s*[.!?]*",
    re.I,
)
_DOCUMENT_RE = re.compile(
    # "this report", "the following email" name the text to summarise, not a piece to write.
    r"(?<!\bthis )(?<!\bthat )(?<!\bthe following )(?<!\bmy )"
    r"\b(?:report|article|essay|blog|post|email|e-mail|letter|memo|newsletter|tweet|"
    r"speech|story|poem|message|note|slides?|press release)\b",
    re.I,
)
# "for the newsletter", "for my blog": where a piece goes, not a piece to write.
# Names of a text that, when the text is given, say what it is rather than what to write.
# "what does '...' actually mean": the meaning of a saying or a phrase.
_MEANING_RE = re.compile(
    r"\bwhat\s+(?:does|do|did)\s+.+?\s+(?:actually\s+|really\s+|even\s+)?mean\b", re.I
)
# Words that ask a text skill's own work of a text or table by name.
# A list of three or more amounts, a dash, and only figures of the list asked after it.
_LIST_END = (
    r"(?:lowest|highest|cheapest|dearest|priciest|smallest|biggest|largest|min|max|minimum|"
    r"maximum|average|mean|median|range|(?:most|least)\s+expensive)"
)
# The items are taken possessively: "£1,240 £1,085 ..." can be cut into numbers in many
# ways, and a request that did not end as asked backtracked through all of them (minutes).
_LIST_THEN_ITS_ENDS_RE = re.compile(
    r"(?:[$\u20ac\u00a3]?\d[\d,]*(?:\.\d+)?\s*,?\s*){3,}+[-\u2013\u2014]\s*(?:the\s+)?"
    rf"{_LIST_END}(?:\s+and\s+(?:the\s+)?{_LIST_END})?"
    r"(?:\s+(?:week|month|day|year|one|value|figure|quote|price|score|time))?\s*[?.!]*\s*$",
    re.I,
)
# "is this nice?", "was it rude", "is the reply ok": a question of a text pointed at.
_POINTED_RE = re.compile(
    r"^\s*(?:is|was|are|were|does|did|do|would|will|could)\s+(?:this|that|these|those|they|"
    # not "is it bad to run every day": an "it" that stands for what follows
    r"he|she|it\b(?!\s+(?:[\w'-]+\s+){1,2}(?:to|for|if|that)\b)|the\s+\w+\s+(?:from|by)\b)",
    re.I,
)
_NAMES_A_TEXT_RE = re.compile(rf"\b{nouns_re(DOCUMENTS)}\b", re.I)
_NAMES_TEXT_WORK_RE = re.compile(
    r"\b(?:key\s*words?|keyphrases?|key\s+(?:phrases|terms)|summar\w*|tl;?dr|gist|"
    r"sentiment|tone|mood|vibe|opinions?)\b",
    re.I,
)
_DOCUMENT_STEMS = content_stems(
    " ".join(DOCUMENTS)
    # "parent wrote '...'", "someone posted '...'": a text said to be given, not to write.
    + " wrote posted sent texted emailed"
)
# A piece put together: "write a ...", "put together a one page handout", "do a short
# explainer", "draft me ...".
_PUTS_TOGETHER_RE = re.compile(
    r"\s*(?:(?:write|draft|compose|produce|create|prepare|make|do|put\s+together|"
    r"knock\s+up|whip\s+up)\s+(?:up\s+)?(?:a|an|me\s+a|us\s+a|some)\b"
    r"|(?:write|draft|compose)\s+(?:up\s+)?(?:the|my|our|me)\b)",
    re.I,
)
# A piece's own subject, which may not be what was looked into.
_ABOUT_RE = re.compile(r"\b(?:about|regarding|concerning)\b", re.I)
# The work that finds and weighs what a piece is made of.
_FINDS = frozenset({"research", "analysis"})
# "write a ...", "draft an ...": a piece to make.
_WRITES_RE = re.compile(
    r"\s*(?:(?:write|draft|compose)\s+(?:a|an|the|my|our|some|me)\b"
    # "give me 5 ideas for a 3 x 4 m garden": pieces asked by their number.
    r"|(?:give|get|send)\s+(?:me|us)\s+(?:\d+|a\s+few|some)\s+(?:\w+\s+)?(?:ideas|suggestions|"
    r"names|slogans|taglines|titles|captions|tips|options|themes|ways|questions)\b)",
    re.I,
)
# A question, or a verb asking for something, in a clause.
_ASKS_RE = re.compile(
    r"\?|\b(?:what|how|why|who|when|where|which|can|could|would|please|pls)\b", re.I
)
# Verbs that make a piece from a text given ("draft a reply to this: '...'").
_MAKES_RE = re.compile(rf"\b(?:{MAKING_VERBS}|answer)\b", re.I)
_DESTINATION_RE = re.compile(r"\bfor\s+(?:the|my|our|a|an|his|her|their)\s+(?:\w+\s+)?\w+", re.I)
_FORWARD_MATERIAL_RE = re.compile(
    r"\b(?:this|these|the following|the given|the attached|the same|the)\s+(?:\w+\s+)?"
    r"(?:text|texts|article|paragraph|passage|review|reviews|comment|comments|data|csv|json|"
    r"table|numbers|values|list|sentence|sentences|document|notes|message|email|tweet|post|"
    r"feedback|answers|responses|quote|story|transcript|content|input|survey|column|columns|"
    r"rows|spreadsheet|sheet|records|entries)\b"
    r"|\b(?:it|them)\b(?!')"
    # "condense this to one sentence then ...: '...'": "this" alone, the text to come.
    r"|\bthis\b(?=\s+(?:to|into|in|for|down|up|as)\b|\s*$)",
    re.I,
)
# What pasted data contributes to a clause's words when they alone match no capability.
_DATA_FEATURES = content_stems("data table") | {"<num>", "<numlist>"}
_ARITHMETIC_FEATURES = frozenset({"<num>", "<op>"})

# Verbs that only prepare ("Read this review and ..."): not a step of their own.
_PREPARATORY = frozenset({"read", "consider", "take", "open", "see", "use", "here", "given"})
# Figures of data that make "take ..." a computation rather than a preparation.
_FIGURE_WORDS = frozenset(
    """total sum average mean median mode max maximum min minimum highest lowest largest
    smallest biggest range count""".split()  # noqa: SIM905
)

# Operations that make "take the ..." a computation ("take the square root", "take the
# reciprocal"): not a preparation to drop.
_OPERATIONS = frozenset(
    "square cube root sqrt reciprocal log logarithm inverse absolute half third quarter".split()  # noqa: SIM905
)

# How the result of a clause is described, by its verb; "{}" is the clause's object.
# Verbs not listed produce their object itself ("compute the average" -> "The average").
_OUTPUT_BY_VERB = {
    "research": "An overview of {}",
    "investigate": "An overview of {}",
    "explore": "An overview of {}",
    "study": "An overview of {}",
    "look": "An overview of {}",
    "explain": "An explanation of {}",
    "describe": "A description of {}",
    "summarize": "A summary of {}",
    "summarise": "A summary of {}",
    "analyze": "An analysis of {}",
    "analyse": "An analysis of {}",
    "assess": "An assessment of {}",
    "compare": "A comparison of {}",
    "convert": "The converted data ({})",
    "turn": "The converted data ({})",
    "transform": "The converted data ({})",
    "tabulate": "The data as a table ({})",
    "translate": "The translation of {}",
    "calculate": "The value of {}",
    "evaluate": "The value of {}",
    "check": "The answer: {}",
    "tell": "The answer: {}",
}


@dataclass
class _Part:
    """One action clause on its way to becoming (part of) a step."""

    index: int
    clause: Clause
    text: str
    capability: str
    refs: tuple[int, ...] = ()
    has_topic: bool = True
    material: tuple[str, ...] = ()
    # Why its capability would be a guess (`doubt`); the request is then refused.
    doubt: str | None = None


@dataclass
class _Group:
    """Parts that become one step."""

    parts: list[_Part] = field(default_factory=list)

    @property
    def capability(self) -> str:
        return self.parts[0].capability


def plan_deterministic(
    description: str,
    capabilities: Sequence[CapabilitySpec],
    max_steps: int,
    history: Sequence[str] = (),
) -> Plan:
    """Plan a task by matching its clauses to capabilities.

    Args:
        description: The task in plain language.
        capabilities: The capabilities registered agents offer; order breaks ties.
        max_steps: The largest number of steps the plan may have (at least 1).
        history: The session's recent user messages, oldest first; used only to
            resolve follow-ups such as "now do the same for 2025".

    Returns:
        A plan that passes `validate_plan` for these capabilities and ``max_steps``.

    Raises:
        NoCapabilityError: No capability is available.
        EmptyTaskError: The description has no words.
        ValueError: ``max_steps`` is smaller than 1.
    """
    if not capabilities:
        raise NoCapabilityError()
    if max_steps < 1:
        raise ValueError(f"max_steps must be at least 1, got {max_steps}")
    if not re.search(r"\w", description):
        raise EmptyTaskError()
    # "hi, quick one: is my horse overweight": the request as if said without its opening,
    # so that every reading sees where it starts (and earlier messages said with one too).
    description = with_apostrophes(without_opening(description))
    history = [with_apostrophes(without_opening(h)) for h in history]

    several = asks_several_models(description)
    if several is not None and any(len(c.profiles) >= 2 for c in capabilities):
        # "Ask several models what causes tides": plan the question, ask it of the models.
        planned = plan_deterministic(several, capabilities, max_steps, history)
        return with_consensus(planned, capabilities)

    text = resolve_follow_up(description.strip(), history)
    # "two things: mean of 3, 4, 5, and separately 15% of 80": the count of the asks is
    # no ask, and its colon gives no text to work on.
    text = _ASKS_COUNTED_RE.sub("", text, count=1)
    # "best and worst? (lowest and highest)": words in brackets after a question are of it.
    text = _BRACKETS_AFTER_QUESTION_RE.sub(r" \1?", text)
    # "my calculator says 15% of 80 is 10.5?? what is it actually": the arithmetic claimed,
    # asked again; the figure claimed is no number to compute on.
    # "which is bigger, a third of 870 or 35% of 820?": each worked out, to compare.
    text = _WHICH_IS_BIGGER_RE.sub(r"what is \g<a>, and what is \g<b>?", text, count=1)
    claimed = _CLAIMED_RE.match(text)
    if claimed is not None:
        # "adding 20% vat to 75": the arithmetic, said as an ask ("add 20% vat to 75").
        text = re.sub(r"^(add|subtract|multiply|divid)ing\b", r"\1", claimed["arithmetic"])
        text = re.sub(r"^divid\b", "divide", text) + "?"
    masked = mask_material(text)
    # "reorder point = daily use x lead time + safety stock. daily use 42, lead time 5 days,
    # safety stock 60": a formula of named quantities and their values is one calculation,
    # its plus an operator between names.
    stated_formula = (
        not history and not masked.material and read_stated_formula(None, text) is not None
    )
    if not stated_formula:
        # "short summary + keywords for this": a plus between words joins two asks, as "and".
        masked = replace(masked, text=_WORD_PLUS_RE.sub(" and ", masked.text))
    matcher = CapabilityMatcher(capabilities)
    extra_verbs = _example_verbs(capabilities)
    clauses = _corrections_joined(split_clauses(masked.text, extra_verbs))

    context = [c.text for c in clauses if not c.is_request]
    actions = _drop_preparatory([c for c in clauses if c.is_request])
    # "Hello! Could you turn this into JSON ...": a greeting or thanks asks for nothing.
    actions = [c for c in actions if not _PLEASANTRY_RE.fullmatch(c.text)] or actions
    # "increase 80 by 15%, then decrease the answer by 15%. what do you get each time": a
    # last question asking only the results of the asks before is no ask of its own.
    if len(actions) > 1 and _RESULTS_ASKED_RE.fullmatch(actions[-1].text):
        actions = actions[:-1]
    actions = _share_bare_verbs(actions, extra_verbs, matcher)
    actions = _split_coordinated_objects(actions, matcher)
    if not actions or stated_formula:
        actions = [Clause(masked.text, frozenset(), 0)]
        context = [] if stated_formula else context

    # Data stated apart from the request ("price\n4.50\n3.20. What's the average?") is
    # what a request without material of its own works on.
    context_data = masked.data.intersection(p for c in context for p in placeholders_in(c))
    # "A jacket costs 120 euros and is 25% off. What do I pay?": the numbers are stated,
    # the question asks for arithmetic on them.
    context_numbers = any("<num>" in content_stems(c) for c in context)
    parts = _parts(
        actions,
        matcher,
        masked.data,
        bool(context_data) or context_numbers,
        stated=" ".join(context),
    )
    # A stated formula is understood whole, whatever its words sound like ("homebrew
    # question: ... so what's my abv").
    unsure = next((p for p in parts if p.doubt and not stated_formula), None)
    if stated_formula and "calculation" in matcher.names:
        for stated in parts:
            stated.capability = "calculation"
    if unsure is not None:
        # A guess would come back completed with an answer to another question.
        part = _short_material(masked, unsure.clause.text).strip()
        raise UnclearRequestError(part, unsure.doubt or "")
    if history:
        unapplied = (
            change_unapplied(description, history[-1], {p.capability for p in parts})
            or size_unapplied(description, history)
            or period_unapplied(description, history)
        )
        if unapplied is not None:
            raise UnclearRequestError(description.strip(), unapplied)
    groups = _merge_groups(parts)
    groups = _cap(groups, max_steps, matcher.general)
    return _plan(groups, masked, context)


# "work out 15% of 240 - actually no sorry, make that 25%": a number of the ask before,
# corrected, which the analyst applies to it; not an ask of its own.
_BRACKETS_AFTER_QUESTION_RE = re.compile(r"\?[ \t]*(\([^()\n'\"]{1,40}\))[ \t]*$")
# "knock 17.5% off 480 ... no wait, the discount is 12.5% not 17.5%": a number of the ask
# before, corrected.
_CORRECTS_RE = re.compile(
    r"\W*(?:(?:no|sorry|oops|whoops|wait|actually|hang\s+on)\b[\s,!.]*)+.*?"
    r"-?\d[\d,.]*\s*%?\s*,?\s+(?:not|instead\s+of|rather\s+than)\s+-?\d[\d,.]*\s*%?\s*[.!]*",
    re.I,
)
_MAKE_THAT_RE = re.compile(
    r"\s*make\s+(?:that|it)\s+-?\d[\d,]*(?:\.\d+)?\s*(?:%|percent)?(?:\s+instead)?\s*[.!]*",
    re.I,
)
# "split 240 between 6 of us... no hang on, there's 8 now": a number of the ask before,
# corrected with nothing said of what it replaces; with the ask, the analyst sees it (and
# says so if it cannot tell which number it replaces), where as context it went unread.
_CORRECTS_NUMBER_RE = re.compile(
    r"\W*(?:(?:no|sorry|oops|whoops|wait|actually|hang\s+on)\b[\s,!.]*)+"
    r"(?:(?:there(?:'s|s|\s+is|\s+are|'re)|it's|its|it\s+is)\s+)?-?\d[\d,]*(?:\.\d+)?\s*%?"
    r"(?:\s+(?:now|of\s+us|people|instead))*\s*[.!]*",
    re.I,
)
_CUE_AT_END_RE = re.compile(r"\b(?:actually|sorry|soz|oops|whoops|wait|no)\W*$", re.I)


def _corrections_joined(clauses: list[Clause]) -> list[Clause]:
    joined: list[Clause] = []
    for clause in clauses:
        if joined and (
            (_MAKE_THAT_RE.fullmatch(clause.text) and _CUE_AT_END_RE.search(joined[-1].text))
            or _CORRECTS_RE.fullmatch(clause.text)
            or _CORRECTS_NUMBER_RE.fullmatch(clause.text)
        ):
            previous = joined[-1]
            text = f"{previous.text.rstrip(' .')}, {clause.text.strip()}"
            joined[-1] = replace(previous, text=text)
            continue
        joined.append(clause)
    return joined


def _example_verbs(capabilities: Sequence[CapabilitySpec]) -> frozenset[str]:
    """First words of the capabilities' examples: the verbs users of them start with."""
    verbs = set()
    for spec in capabilities:
        for example in spec.examples:
            words = re.findall(r"[A-Za-z]+", example)
            if words and words[0].lower() not in STOPWORDS | {"what", "how", "is", "are"}:
                verbs.add(words[0].lower())
    return frozenset(verbs)


# --- clause adjustments ---------------------------------------------------------------


_ASKS_COUNTED_RE = re.compile(
    r"^\W*(?:(?:i\s+)?(?:need|have|got)\s+)?(?:a\s+)?"
    r"(?:two|three|four|2|3|4|a\s+couple\s+of|couple\s+of|a\s+few|few)\s+"
    # "2 unrelated things:", "few sums while ur there:"
    # "couple of bits -", "two quick jobs:": asks named loosely
    r"(?:(?:quick|unrelated|separate|different|small)\s+)?(?:things|questions|asks|ones|sums|"
    r"bits|jobs|queries|tasks|requests|"
    # "two separate q's:", "2 qs:", "a couple of qns:": a question, shortened
    r"q'?s|qns)"
    r"(?:\s+(?:please|pls|while\s+(?:you're|youre|ur|you\s+are)\s+(?:there|at\s+it)))?"
    r"\s*[:\u2013\u2014-]\s+",
    re.I,
)
_WHICH_IS_BIGGER_RE = re.compile(
    r"^\W*which(?:\s+one)?(?:\s+is|'s)\s+(?:bigger|larger|greater|more|higher|smaller|less|"
    r"lower)\s*[,:]?\s+(?P<a>[^?,]*\d[^?,]*?)\s+or\s+(?P<b>[^?,]*\d[^?,]*?)\s*\?\s*"
    r"(?:(?:can\s+you\s+|please\s+)?(?:give|show|tell)\s+me\s+both(?:\s+(?:please|pls))?)?[.!?]*$",
    re.I,
)
_CLAIMED_RE = re.compile(
    r"^\W*(?:(?:my|our|the|a|his|her)\s+)?[\w']+\s+(?:says?|reckons?|thinks?|claims?|insists?|"
    r"told\s+me|worked\s+out|got|gets)\s+(?:that\s+)?"
    r"(?P<arithmetic>(?=[^?!]*\d)[^?!]*?(?:%|\bpercent\b|\bof\b|\bplus\b|\bminus\b|\btimes\b|"
    r"\bdivided\b|\badding\b|\badd\b|[-+*/x])[^?!]*?)"
    r"\s+(?:is|gives|makes|comes\s+to|equals|=)\s+[$\u00a3\u20ac]?\d[\d,]*(?:\.\d+)?"
    r"(?:\s+which\s+seems\s+\w+|\s+but\s+that\s+seems\s+\w+)?\s*[?!.]+\s*"
    r"(?:so\s+|but\s+)?(?:what(?:'s|s|\s+is)\s+(?:it|the\s+(?:actual|real|right|correct)\s+"
    r"(?:figure|answer|number|amount|total))(?:\s+(?:actually|really))?"
    r"|is\s+(?:that|it|he|she|they)\s+(?:right|correct))\s*[?!.]*\s*$",
    re.I,
)
_SUMS_UP_RE = re.compile(
    r"\bsum\s+(?:it|them|this|that|these|those|everything|(?:the|my|our)\s+\w+)\s+up\b"
    r"(?!\s+(?:to|for\s+me\s*:?\s*\d))",
    re.I,
)
_FIGURE_OF_DATA_RE = re.compile(
    r"\s*(?:add\s+(?:up|together)|total(?:\s+up)?|sum(?:\s+up)?|tally(?:\s+up)?|average)\s+"
    # "average our last 4 quarterly gas bills": a few words may say which of them.
    r"(?:what|all|everything|(?:the|my|our)\s+(?:\w+\s+){0,4}?(?:amounts?|figures?|numbers?|costs?|"
    r"spending|money|takings|sales|scores|hours|bills?|receipts?|expenses|prices|payments|fares|"
    r"invoices|donations|readings|marks|points|values|totals|"
    # "total the bar tab", "add up the shopping": what is spent, under its everyday names.
    r"tabs?|drinks|purchases|shopping|spend|outgoings|"
    # "add up the kwh for the quarter": what a meter reads, by its unit.
    r"kwh|units|litres|miles|km|steps))\b"
    # "total these up and convert to pounds <list>", "add up this shop then ...": the data
    # pasted after, pointed at.
    r"|\s*(?:add|total|sum|tally|average)(?:\s+up)?\s+(?:these|those|them|this)"
    r"(?:\s+(?:up|together))?\b",
    re.I,
)
# "convert to pounds at 1.17 euros per £", "change it into dollars at 1.27": a value changed
# at a rate the clause states, no table converted to another format.
_CONVERTS_AT_A_RATE_RE = re.compile(
    r"\s*(?:convert|change|turn|put)\s+(?:[^\s\d]+\s+){0,8}?"
    r"(?:in)?to\s+(?:[a-z$\u00a3\u20ac\u00a5]+)\s+(?:at|using)\s+(?:a\s+rate\s+of\s+)?\d",
    re.I,
)
_ORDINAL_RE = re.compile(r"\b\d+(?:st|nd|rd|th)\b", re.I)
# "one line for the swim club group chat: '...'": a summary asked by its length alone.
_LENGTH_FOR_RE = re.compile(
    r"^\s*(?:in\s+)?(?:one|a|1|two|2|three|3)\s+(?:line|lines|sentence|sentences)\b", re.I
)
_WORTH_IT_RE = re.compile(
    r"\b(?:is|would|will)\s+(?:it|that|this|they)\s+(?:still\s+|really\s+)?(?:be\s+)?worth\s+"
    r"(?:it|the\s+money|getting|buying)\b|\bhow\s+does\s+(?:the\s+|a\s+)?[\w\s-]{1,30}?\s+work\b",
    re.I,
)
_WHEN_RE = re.compile(
    r"\s*when(?:'s|s|\s+is|\s+are|\s+do|\s+does|\s+did|\s+was|\s+should)?\b", re.I
)
# "hi, ", "hey there! ", "good morning all - ": a greeting before the request; "quick one:",
# "quick question -", "i wonder if you could help -": a word about the request before it.
_GREETING_FIRST_RE = re.compile(
    r"^\s*(?:(?:hello|hi|hey|hiya|heya|howdy|good\s+(?:morning|afternoon|evening))"
    r"(?:\s+(?:there|all|everyone|team|guys|folks))?\s*[,!.:;\-\u2013\u2014]+\s*)+",
    re.I,
)
_ABOUT_THE_ASK_FIRST_RE = re.compile(
    r"^\s*(?:(?:a\s+|just\s+a\s+)?quick\s+(?:one|q|question|query)|(?:i\s+)?(?:have|got)\s+a\s+"
    r"(?:quick\s+)?question(?:\s+for\s+you)?|(?:i\s+)?(?:wonder(?:ed)?\s+if\s+you\s+could|"
    r"(?:can|could|would)\s+you)\s+help(?:\s+(?:me|us))?(?:\s+out)?(?:\s+please)?)"
    r"\s*[,!.:;?\-\u2013\u2014]+\s*",
    re.I,
)


# "pls ", "please, ": asking nicely, before the request.
_PLEASE_FIRST_RE = re.compile(r"^\s*(?:pls|plz|please|kindly)\b[\s,:;\-]*", re.I)
# "... thanks!", "... thank you so much", "... cheers": thanks after the request, which are
# no text to judge and end no request ("and the largest? thanks!").
# "what's 15% of 80, please?", "too cheesy, please": asking nicely after the request, which
# is no part of what is asked (a clause of its own, it was planned as something to look up).
_PLEASE_LAST_RE = re.compile(r"\s*,\s*(?:please|pls|plz)(?=[\s.!?]*$)", re.I)
_THANKS_LAST_RE = re.compile(
    r"[\s,;\-\u2013\u2014]*\b(?:many\s+)?(?:thanks|thank\s+you|thx|cheers|ty)"
    r"(?:\s+(?:so|very)\s+much)?(?:\s+(?:in\s+advance|again|a\s+lot|x+))?[\s.!:)x]*$",
    re.I,
)


# "whats", "wats", "thats", "what\u2019s": "what's" and "that's" typed short or with a curly
# apostrophe, as every reading of a request expects them.
_SHORT_IS_RE = re.compile(
    r"\b(?:(what|that|how|where|who)’s|(what|that|how|where|who)s|(wat)s)\b", re.I
)


def _is_spelt(match: re.Match[str]) -> str:
    word = match.group(1) or match.group(2) or "what"
    return f"{word}'s"


def with_apostrophes(text: str) -> str:
    """``text`` with "whats", "thats" and curly apostrophes in its first line written
    "what's", "that's"; the lines after it (pasted data) are kept as they are."""
    first, newline, rest = text.partition("\n")
    return _SHORT_IS_RE.sub(_is_spelt, first) + newline + rest


def without_opening(text: str) -> str:
    """``text`` without a greeting, a word about the request or a "pls" said before it ("hi,
    quick one: ...") and ", please" or thanks said after it, unless nothing would be left."""
    rest = _ABOUT_THE_ASK_FIRST_RE.sub("", _GREETING_FIRST_RE.sub("", text, count=1), count=1)
    rest = _PLEASE_FIRST_RE.sub("", _PLEASE_LAST_RE.sub("", rest, count=1), count=1)
    rest = _THANKS_LAST_RE.sub("", rest, count=1)
    return rest if re.search(r"\w", rest) else text


_PLEASANTRY_RE = re.compile(
    r"\W*(?:(?:hello|hi|hey|hiya|howdy|greetings|good\s+(?:morning|afternoon|evening)|"
    r"thanks|thank\s+you|many\s+thanks|cheers|ta)(?:\s+(?:so|very)\s+much)?"
    r"(?:\s+(?:there|all|everyone|team|again|in\s+advance))?[\W]*)+",
    re.I,
)


# "what do you get each time", "what are the two results", "give me both answers": the
# results of the asks before, asked again with nothing of their own.
_RESULTS_ASKED_RE = re.compile(
    r"\W*(?:and\s+|so\s+)?(?:(?:what\s+(?:do|did|does|would|will)\s+(?:you|i|we)\s+(?:get|end\s+up"
    r"\s+with)|what\s+(?:are|were)\s+the\s+(?:two\s+|both\s+)?(?:results|answers|numbers|"
    r"values))(?:\s+(?:each|every)\s+time|\s+at\s+each\s+(?:step|stage)|\s+for\s+both|"
    r"\s+each)?|(?:give|show|tell)\s+me\s+both(?:\s+(?:results|answers|numbers))?)\W*",
    re.I,
)


def _drop_preparatory(actions: list[Clause]) -> list[Clause]:
    """Drop "Read this review" when a later clause of its sentence says what to do."""
    kept: list[Clause] = []
    for position, clause in enumerate(actions):
        tokens = tokenize(strip_request_prefix(clause.text))
        has_successor = any(c.sentence == clause.sentence for c in actions[position + 1 :])
        # "Take 250, subtract 15%" starts a computation: its number is not preparation.
        carries = any(t.is_number or t.is_material for t in tokens)
        # "Read up on composting" is research, not preparation.
        up = len(tokens) > 1 and tokens[1].low == "up"
        # "take its square root", "take away 6" work on the value before, and "take the
        # highest value of the amount column" names a figure: computations ("take a look
        # at the total sales" stays a preparation).
        words = [t.low for t in tokens[:3]]
        named = words[2:3] if words[1:2] == ["the"] else words[1:2]
        computes = words[:1] == ["take"] and (
            words[1:2] in (["its"], ["away"]) or bool(set(named) & (_FIGURE_WORDS | _OPERATIONS))
        )
        if (
            tokens
            and tokens[0].low in _PREPARATORY
            and has_successor
            and not (carries or up or computes)
        ):
            continue
        kept.append(clause)
    return kept


_FORWARD_POINTERS = frozenset({"this", "it", "these"})


def _share_bare_verbs(
    actions: list[Clause], verbs: frozenset[str], matcher: CapabilityMatcher
) -> list[Clause]:
    """ "Research and write a report on X": give the lone verb the next clause's subject.

    The second clause then comes after the first, because the verbs are listed in the
    order the work is done. When that subject names a kind of work itself ("summarise and
    give keywords: '...'"), the lone verb shares only the material, and the two asks stay
    side by side.
    """
    result = list(actions)
    for position in range(len(result) - 1):
        clause, following = result[position], result[position + 1]
        words = [
            t
            for t in tokenize(strip_request_prefix(clause.text))
            if t.is_word or t.is_number or t.is_material
        ]
        if following.sentence != clause.sentence:
            continue
        if len(words) == 2 and words[1].low in _FORWARD_POINTERS:
            # "Summarize this and tell me if it's positive: '...'": "this" is the text the
            # next clause of the sentence gives, which both work on.
            material = " ".join(placeholders_in(following.text))
            if material:
                text = strip_request_prefix(clause.text).strip(" ,")
                result[position] = Clause(
                    f"{text}: {material}", clause.connectives, clause.sentence, clause.is_request
                )
            continue
        if len(words) != 1:
            continue
        subject = topic_of(following.text, verbs)
        if not subject:
            continue
        verb = strip_request_prefix(clause.text).strip(" ,")
        named = content_stems(subject) - {"<num>", "<numlist>", "<op>"}
        if named and all(matcher.strong_names(frozenset({s})) for s in named):
            material = " ".join(placeholders_in(subject))
            if material:
                result[position] = Clause(
                    f"{verb}: {material}", clause.connectives, clause.sentence, clause.is_request
                )
            continue
        result[position] = Clause(
            f"{verb} {subject}", clause.connectives, clause.sentence, clause.is_request
        )
        result[position + 1] = Clause(
            following.text,
            following.connectives | {"then"},
            following.sentence,
            following.is_request,
        )
    return result


_TRAILING_MATERIAL_RE = re.compile(r"\s*:?\s*((?:\u27e6\d+\u27e7[\s,]*)+)[.!?]?\s*$")


def _split_coordinated_objects(actions: list[Clause], matcher: CapabilityMatcher) -> list[Clause]:
    """ "Tell me the keywords and the sentiment: '...'" asks for two things: split it.

    A clause is split at "and" or a comma only when both sides name different
    capabilities outright (name or tag), never inside lists of numbers or quotes.
    """
    result: list[Clause] = []
    pending = list(actions)
    while pending:
        clause = pending.pop(0)
        split = _coordination_split(clause, matcher)
        if split is None:
            result.append(clause)
        else:
            pending[:0] = split
    return result


def _coordination_split(clause: Clause, matcher: CapabilityMatcher) -> list[Clause] | None:
    text = clause.text
    trailing = ""
    match = _TRAILING_MATERIAL_RE.search(text)
    if match:
        trailing = ": " + match.group(1).strip(" ,")
        text = text[: match.start()]
    tokens = tokenize(text)
    if _tells_what_happened(tokens):
        # "i weighed 82 kg and lost 4% of that, how many kg did i lose": what happened,
        # told in one breath, and one question about it; not two asks.
        return None
    # "keywords and sentiment of '...'": with no verb first ("can I get ..." has one
    # after), the asks start the clause.
    head_end = _head_end(tokens)
    if tokens and tokens[0].low not in _LEADS and not is_action_start(tokens, 0, frozenset()):
        head_end = 0
    for position in range(head_end + 1, len(tokens) - 1):
        token = tokens[position]
        width = _coordinator_width(tokens, position)
        if not width:
            continue
        neighbours = (tokens[position - 1], tokens[position + width])
        if any(t.is_number or t.is_material for t in neighbours):
            continue
        left = text[: token.start].strip(" ,")
        right_start = position + width
        while right_start < len(tokens) and tokens[right_start].low in {"and", ","}:
            right_start += 1
        if right_start >= len(tokens):
            continue
        right_only = text[tokens[right_start].start :]
        head = text[: tokens[head_end].start] if head_end < len(tokens) else ""
        left_best = matcher.best(content_stems(left))
        right_best = matcher.best(content_stems(right_only))
        if left_best.strong and right_best.strong and left_best.capability != right_best.capability:
            right = (head + right_only).strip()
            return [
                Clause(left + trailing, clause.connectives, clause.sentence),
                Clause(right + trailing, frozenset({"and"}), clause.sentence),
            ]
    return None


_BOILED_DOWN_RE = re.compile(
    r"\b(?:boil|pare|whittle|cut|trim)\s+(?:this|it|that|these|the\s+\w+)\s+down\b"
    r"|\bin\s+a\s+nutshell\b"
    # "what's this email basically saying? '...'": what it says, in short.
    r"|\bwhat(?:'s|s|\s+is|\s+does)\s+(?:this|it|that|the\s+\w+)(?:\s+\w+)?\s+"
    r"(?:basically|actually|essentially|really)\s+(?:saying|say|says|on\s+about)\b",
    re.I,
)


def _converter_asked(text: str, matcher: CapabilityMatcher, stems: frozenset[str]) -> bool:
    """Whether a clause about a table asks for it in a format, as the converter reads formats
    ("comma separated" is CSV), naming no figure of it ("the average of this csv")."""
    words = format_names(PLACEHOLDER_RE.sub(" ", text))
    return (
        bool(re.search(r"\b(?:csv|json|markdown)\b", words))
        and bool(ASKS_CONVERSION.search(words))
        # "the average of this csv" names a figure; "csv" alone names the format.
        and "statistics" not in matcher.strong_names(stems - _FORMAT_STEMS)
    )


_FORMAT_STEMS = content_stems("csv json markdown tsv table tables")


_COUNT_OF_QUESTIONS_RE = re.compile(r"\b(?:\d+|a\s+few|several)[\s-]+questions?\b", re.I)
_QUESTION_STEMS = content_stems("question questions")
_UNIT_TARGET_RE = re.compile(r"\b(?:to|into|in)\s+(?P<unit>[a-z\u00b0/]+)\s*[.!?]*$", re.I)
# "which table", "per table": tables of a room or an event, rows of the data, not a format.
_TABLE_AS_ROWS_RE = re.compile(r"\b(?P<word>which|what|each|every|per|by)\s+tables?\b", re.I)
_NAMES_FORMAT_RE = re.compile(r"\b(?:csv|json|markdown|tsv|table|spreadsheet)\b", re.I)

_HOW_IT_SOUNDS_RE = re.compile(
    r"\bhow\s+(?:does|did|do|would|will)\s+(?:this|that|it|these|the\s+\w+|my\s+\w+)"
    r"(?:\s+\w+){0,4}?\s+(?:sound|read|come\s+across|seem|feel|land)\b"
    # "say how it comes across", "tell me how it sounds"
    r"|\bhow\s+(?:it|this|that|they|these)\s+(?:comes?\s+across|sounds?|reads?|lands?)\b",
    re.I,
)

# "is this nice? '...'", "would you say this is a complaint?": a yes-or-no question of a
# given text, in a word of opinion.
_YES_NO_RE = re.compile(
    r"^\s*(?:(?:(?:would|do|did|does)\s+(?:you|anyone|people)\s+)?(?:say|think|call|consider)"
    r"\s+(?:this|that|it)\b"
    r"|(?:is|was|are|does|did|do|would|will|could)\b)",
    re.I,
)
# Words of opinion that ask whether a text is so in fact, not how it comes across.
# "how angry is it", "how rude does it sound": a degree of a word of opinion asked of a text.
_HOW_MUCH_SO_RE = re.compile(
    r"^\s*how\s+(?:very\s+)?[\w-]+\s+(?:is|was|are|were|does|did|do)\b", re.I
)
_FACT_WORDS = frozenset(
    "accurate correct true right factual legit valid real grammatical".split()  # noqa: SIM905
)
_MAX_JUDGING_WORDS = 10


# Words of how a message comes across that the lexicon does not score as opinion.
_TONE_WORDS = frozenset(
    """aggressive passive-aggressive sarcastic snarky condescending patronising patronizing
    curt blunt pushy cold formal professional defensive hostile passive cross livid irate
    furious grumpy mad snippy""".split()  # noqa: SIM905
)
# "my landlord's reply", "her last message": a message named, not given.
_NAMED_MESSAGE_RE = re.compile(
    rf"\b(?:my|our|his|her|their|the)\s+(?:[\w-]+'s\s+)?(?:\w+\s+)?{nouns_re(MESSAGES)}\b",
    re.I,
)


def _judges_quote(text: str) -> bool:
    """Whether a clause asks, yes or no, whether the text it carries is something that
    words of opinion say ("nice", "a complaint", "rude"), or how much so ("how angry is
    it"), not whether it is true. The question may follow what the text is ("email from a
    parent, is it nice?")."""
    asked = PLACEHOLDER_RE.sub(" ", text)
    words = [t.low for t in tokenize(asked) if t.is_word]
    questions = re.split(r"[,;:]\s*|\u27e6\d+\u27e7\s*", text)
    if (
        not any(_YES_NO_RE.match(q) or _HOW_MUCH_SO_RE.match(q) for q in questions)
        or not words
        or len(words) > _MAX_JUDGING_WORDS
    ):
        return False
    if _FACT_WORDS.intersection(words):
        return False
    return bool(_TONE_WORDS.intersection(words)) or any(
        sentiment(word).score != 0 for word in words
    )


def _judges_named_message(text: str) -> bool:
    """Whether a clause asks, yes or no, how a message it names but does not give comes
    across ("is my landlord's reply passive aggressive?"): the sentiment skill's, which
    says the text is missing."""
    return bool(_NAMED_MESSAGE_RE.search(text)) and _judges_quote(text)


_SUBJECTS = frozenset({"i", "we", "he", "she", "they", "my", "our"})
_PAST = frozenset(
    """paid spent got had made ran ate bought sold lost took gave drove went was were saw
    put sent won swam rode flew grew wrote""".split()  # noqa: SIM905
)


def _tells_what_happened(tokens: list[Token]) -> bool:
    """Whether a clause opens by telling what someone did ("i weighed 82 kg", "we paid")."""
    if len(tokens) < 2 or tokens[0].low not in _SUBJECTS:
        return False
    verb = tokens[1].low
    return verb in _PAST or (verb.endswith("ed") and len(verb) > 4)


# "a summary plus the key terms", "the sentiment as well as a summary": "and" in other words.
_COORDINATORS = (("and",), (",",), ("plus",), ("&",), ("as", "well", "as"), ("along", "with"))


def _coordinator_width(tokens: list[Token], position: int) -> int:
    """How many tokens the coordinator at ``position`` spans (0 if there is none)."""
    for words in _COORDINATORS:
        if tuple(t.low for t in tokens[position : position + len(words)]) == words:
            return len(words) if position + len(words) < len(tokens) else 0
    return 0


_ASKING = frozenset({"can", "could", "would", "will"})
# Words before a clause's verb (see `_head_end`).
_LEADS = _ASKING | {"please", "kindly", "now", "also", "i", "we"}


def _head_end(tokens: list[Token]) -> int:
    """Index just after a clause's verb and its indirect object ("tell me", "give us")."""
    index = 0
    while index < len(tokens) and tokens[index].low in {"please", "kindly", "now", "also"}:
        index += 1
    words = [t.low for t in tokens[index : index + 2]]
    if len(words) == 2 and words[0] in _ASKING and words[1] in {"i", "you", "we"}:
        index += 2  # "can I get", "could you give me": the verb comes after
    elif len(words) == 2 and words[0] in {"i", "we"} and words[1] in {"want", "need"}:
        index += 1  # "I want the keywords": the request is the verb after "I"
    index += 1
    while index < len(tokens) and tokens[index].low in {"me", "us", "out", "up"}:
        index += 1
    return min(index, len(tokens))


_QUESTION_OPENERS = frozenset(
    {"what", "what's", "how", "why", "which", "who", "when", "where", "whether", "is", "are"}
)


# --- parts, dependencies and groups --------------------------------------------------


def _parts(
    actions: list[Clause],
    matcher: CapabilityMatcher,
    data: frozenset[str] = frozenset(),
    data_in_context: bool = False,
    stated: str = "",
) -> list[_Part]:
    """Choose each clause's capability and the earlier clauses it depends on.

    ``data`` holds the placeholders of pasted data (tables, JSON, numbers);
    ``data_in_context`` says whether a statement apart from the requests holds some;
    ``stated`` is what the request states apart from its asks.
    """
    parts: list[_Part] = []
    # Pasted data at a sentence's end that an earlier clause of it was given.
    lent: set[str] = set()
    for index, clause in enumerate(actions):
        text = strip_request_prefix(clause.text).strip(" ,")
        refs: tuple[int, ...] = ()
        material = tuple(placeholders_in(text))
        previous = parts[-1] if parts else None

        if not material:
            forward = _FORWARD_MATERIAL_RE.search(text)
            later = next(
                (
                    placeholders_in(c.text)
                    for c in actions[index + 1 :]
                    if c.sentence == clause.sentence and placeholders_in(c.text)
                ),
                [],
            )
            pronoun = _OBJECT_PRONOUN_RE.search(text)
            refers_back = bool(pronoun) or _is_anaphoric(text) or not _has_topic(text, matcher)
            if (
                refers_back
                and previous is not None
                and previous.material
                and not (_SINGULAR_RESULT_RE.search(text) or _PLURAL_RESULT_RE.search(text))
                # "sum these: 2, 4, 6. Then double it": arithmetic goes on from the sum,
                # not from the numbers the sum was of.
                and not (_continues_arithmetic(text) and data.issuperset(previous.material))
            ):
                # "... of 'I love it' and extract keywords from it": "it" is the quote, and
                # so is the unstated object of "... and extract the keywords".
                material = previous.material
                if pronoun:
                    joined = " and ".join(material)
                    text = _replace_span(text, pronoun.start(), pronoun.end(), joined)
                else:
                    text = text.rstrip(" .") + ": " + " ".join(material)
            elif (
                (
                    forward and later and not _OBJECT_PRONOUN_RE.search(text[: forward.start()])
                    # "one sentence summary and then tell me if it sounds positive: '...'": the
                    # text at the end is what the summary is of.
                )
                or (later and names_a_text_ask(tokenize(text)))
                or (
                    # "add up what i've spent and then ... <table>": a figure of the data pasted
                    # at the sentence's end.
                    later and data.issuperset(later) and _FIGURE_OF_DATA_RE.match(text)
                )
            ):
                # "Find the terms in this text and tell me its tone: '...'"
                material = tuple(later)
                text = text.rstrip(" .") + ": " + " ".join(material)
                if data.issuperset(material):
                    lent.update(material)
        elif (
            previous is not None
            and lent.issuperset(material)
            and (
                _OBJECT_PRONOUN_RE.search(_without_payload(text))
                # "add up the cost column and then add 20% tax: <table>"
                or _continues_arithmetic(_without_payload(text))
                # "add up what i've spent and then how much is left of my 250: <table>"
                or _WHAT_REMAINS_RE.search(_without_payload(text))
                # "total it up and then tell me what that gives per head <table>"
                or _WHAT_THAT_GIVES_RE.search(_without_payload(text))
                # "total these up and convert to pounds at 1.17 euros per £ <list>"
                or _CONVERTS_AT_A_RATE_RE.match(_without_payload(text))
            )
        ):
            # "Sum the price column, then take 15% of it: <table>": the table was for the
            # sum; "it" is the sum.
            text = _without_payload(text)
            material = ()

        if previous is not None:
            refs = _references(text, clause, material, parts, matcher)
            if refs:
                pronoun = _OBJECT_PRONOUN_RE.search(text)
                result = _RESULT_PHRASE_RE.search(text)
                if result and not material:
                    # "multiply the result by 3": say which result, where it stands.
                    text = _replace_span(text, result.start(), result.end(), _REF)
                elif pronoun and not material:
                    text = _replace_span(text, pronoun.start(), pronoun.end(), _REF)

        if previous is not None and not refs and not material and _POSSESSIVE_RE.search(text):
            # "Research bitcoin and list its crashes": this step will not see the first
            # clause, so say what "its" is.
            topic = topic_of(previous.text)
            if topic and topic.lower() not in text.lower():
                text = f"{text.rstrip(' .')} (about {topic})"

        worded = _summed_up(text, material, data)
        if data.intersection(material):
            # "which table took the most" of a bake sale's tables: "table" after "which" or
            # "by" names rows of the data (a column may be called "table"), not a format.
            worded = _TABLE_AS_ROWS_RE.sub(r"\g<word> row", worded)
        stems = content_stems(matcher.corrected(worded))
        if _COUNT_OF_QUESTIONS_RE.search(text):
            # "a 10 question quiz", "5 questions for my interview": questions counted are
            # items of a piece, not a question to look into.
            stems -= _QUESTION_STEMS
        has_topic = bool(material) or _has_topic(text.replace(_REF, " "), matcher)
        match = matcher.best(stems)
        on_data = data.intersection(material) or (data_in_context and not material)
        if not match.strong and on_data:
            # "What's the highest amount? [...]": a question whose words name no kind of
            # work, about pasted data, is work on data; the data's shape says which.
            match = matcher.best(stems | _DATA_FEATURES)
        elif (
            not match.confident
            and not material
            and len(_SPELLED_NUMBER_RE.findall(text)) >= 2
            and _FIGURE_WORDS.intersection(t.low for t in tokenize(text))
        ):
            # "which is largest: three hundred, two hundred and ninety, or three hundred and
            # ten": a figure of numbers said in words, as of numbers in digits.
            match = matcher.best(stems | {"<num>", "<numlist>"})
        elif previous is None and not match.confident and _continues_arithmetic(text):
            # "Double that." with nothing before it is still arithmetic: the calculator
            # says what it misses, where the general capability would make something up.
            match = matcher.best(stems | _ARITHMETIC_FEATURES)
        elif (
            previous is None
            and not material
            and (
                not match.confident
                or match.capability in _TEXT_CAPABILITIES
                # "what was my score on the last quiz": no piece to make of a quiz.
                or (match.capability == "writing" and not _MAKES_RE.search(text))
            )
            and (_asks_units(text) or _OWN_AMOUNT_RE.search(text) or _asks_own_measure(text))
        ):
            # "how many seconds in a day", "and in feet?" with nothing before to convert:
            # a conversion, whose digits may be missing, is the calculator's, which says
            # what it misses; the general capability would make an answer up. So is "How
            # much did I spend last week?": only the user knows the amounts. A text skill
            # is no answer either, however well the words match its card ("how many steps
            # did I walk" is no text to judge).
            match = matcher.best(stems | _ARITHMETIC_FEATURES)
        elif refs and not material and _WORKS_OUT_RE.match(strip_request_prefix(text)):
            # "look up the weekly state pension, then work out what that comes to over a
            # year": a figure worked out of the earlier result is arithmetic, whatever
            # else the words match ("comes to" is no tone of a text).
            match = matcher.best(stems | _ARITHMETIC_FEATURES)
        elif not match.confident and (material or refs):
            # "How does this sound: '...'", "draft an email and check that it sounds
            # friendly": with the user's text or an earlier result at hand, a weak match
            # says more than the general capability, which would look up its words.
            match = matcher.best(stems, MIN_SCORE_WITH_MATERIAL)
        capability = match.capability
        if (
            capability in _NUMERIC_CAPABILITIES
            and "writing" in matcher.names
            and _WRITES_RE.match(strip_request_prefix(text))
        ):
            # "write a job ad for a dispenser, 20 hrs a week": hours and weeks say what the
            # piece tells, the verb what to make.
            capability = "writing"
        if (
            capability in ("statistics", "calculation")
            and _DIFFERENCE_OF_THINGS_RE.search(text)
            and not material
            and not refs
            and not any(t.is_number for t in tokenize(text))
        ):
            # With no number to subtract, what differs is explained, not computed.
            capability = matcher.general
        if (
            capability in _NUMERIC_CAPABILITIES
            and not material
            and not refs
            and _LOOKS_UP_RE.match(text)
            # "the current minimum wage for over 21s": a figure of today, whatever numbers
            # say whose.
            and (not any(t.is_number for t in tokenize(text)) or _OF_TODAY_RE.search(text))
            and matcher.general == "research"
        ):
            # "look up the average house price in Leeds": a figure to be found, not computed
            # from numbers the request gives (it gives none).
            capability = "research"
        if (
            capability == "statistics"
            and not material
            and (read_formula(text) is not None or read_stated_formula(None, text) is not None)
        ):
            # "45 miles per hour to km per hour" is wholly a known formula, a calculation;
            # "per" made it sound like a figure per group.
            capability = "calculation"
        if (
            capability == "calculation"
            and data.intersection(material)
            and "statistics" in matcher.names
            and not any(t.is_number for t in tokenize(PLACEHOLDER_RE.sub(" ", text)))
        ):
            # "what do these add up to?" below a table: arithmetic words with no number of
            # their own work on the table's columns, which the calculator does not read.
            capability = "statistics"
        if (
            capability != "research"
            and material
            and not data.intersection(material)
            and "research" in matcher.names
            and (_MEANING_RE.search(text) or WHO_SAID_RE.search(text))
        ):
            # "what does 'the proof of the pudding is in the eating' mean?": a saying
            # explained, not a mean computed; "who really wrote '...'": a fact about it, not
            # a piece to write.
            capability = "research"
        if capability in ("statistics", "calculation") and not material and _explains_notion(text):
            # "explain what a median is" names a figure but gives nothing to compute it on.
            capability = matcher.general
        if (
            capability != "conversion"
            and _TARGET_FORMAT_RE.search(text)
            and matcher.scores(stems).get("conversion", -1.0) >= match.score
        ):
            capability = "conversion"
        if (
            capability != "conversion"
            and data.intersection(material)
            and "conversion" in matcher.names
            and (
                _FORMAT_ALONE_RE.fullmatch(PLACEHOLDER_RE.sub(" ", text))
                or _converter_asked(text, matcher, stems)
            )
        ):
            # "csv please: [...]", "need this comma separated for excel: [...]": a format
            # wanted of a table, whatever the card of another skill says of the words.
            capability = "conversion"
        if (
            capability == "writing"
            and material
            and not data.intersection(material)
            and (_SUMMARY_RE.search(text) or _WHAT_ABOUT_RE.search(text) or _SUM_UP_RE.search(text))
            and not _DOCUMENT_RE.search(_DESTINATION_RE.sub(" ", text))
            and "summarization" in matcher.names
        ):
            # "sum this up in one sentence for the newsletter: '...'": a summary of the text
            # given, whatever it is for.
            capability = "summarization"
        elif (
            capability == "writing"
            and not material
            and not refs
            and _SUMMARIZE_GIVEN_RE.fullmatch(strip_request_prefix(text).strip())
            and "summarization" in matcher.names
        ):
            # "summarize the report": a text to be given, not a piece to write; the
            # summariser says it is missing, where writing would make one up.
            capability = "summarization"
        kinds = {p.index: p.capability for p in parts}
        numbers_before = bool(refs) and all(kinds.get(r) in _NUMERIC_CAPABILITIES for r in refs)
        if (
            capability in _TEXT_CAPABILITIES
            and not match.strong
            and not material
            and (not refs or numbers_before)
            and (previous is None or numbers_before)
            and (any(t.is_number for t in tokenize(text)) or _OPERATOR_WORD_RE.search(text))
        ):
            # After a computation, "split it among 3 people" is arithmetic on its result:
            # a text skill would judge the words of the request itself.
            # "What will my score be if I get 8 out of 10?" shares "score" with the keyword
            # skill's card, but gives numbers and no text: the keywords of the question
            # itself would be an answer to nothing ("one point five times four" is no
            # summary of its "points" either, and "250g of flour for 4 people" no opinion
            # of "people").
            capability = _best_on_no_text(matcher, stems)
        elif (
            capability in _GENERAL_CAPABILITIES
            and not match.strong
            and not material
            and refs
            and "calculation" in matcher.names
            and _QUANTITY_ASK_RE.search(text)
        ):
            # "find the populations of Norway and Denmark, then tell me which is bigger and
            # by how many people": a quantity asked of what was found is arithmetic on it;
            # no text skill judges "people", and no second search is needed.
            capability = "calculation"
        if (
            capability not in ("calculation", "conversion", "statistics")
            and not material
            and not refs
            and "calculation" in matcher.names
            and _read_whole_as_arithmetic(text)
        ):
            # "split 90 3 ways": every word of the clause is read as arithmetic on its own
            # numbers, whatever its words share with a general capability's card.
            capability = "calculation"
        if (
            capability == "statistics"
            and not material
            and numbers_before
            and "calculation" in matcher.names
            and _SHARED_OUT_RE.search(text.replace(_REF, " "))
        ):
            # "add up the fees 35, 42, 60, then split it between the 3 of us": one result
            # shared out between a count is a division, not a figure of a list.
            capability = "calculation"
        if (
            (
                capability not in ("calculation", "conversion", "statistics")
                and not material
                and "calculation" in matcher.names
                and _amount_in_unit(text)
            )
            or (
                capability not in ("calculation", "conversion")
                and not material
                and not refs  # "..., then my speed in km/h": of the step before, not the amount
                and "calculation" in matcher.names
                and _unit_asked_of_amount(text, stated)
            )
            or (
                # "my bag is 55 lb, convert that to kg": no table to convert, an amount.
                capability == "conversion"
                and not material
                and not any(t.is_number for t in tokenize(text))
                and "calculation" in matcher.names
                and _unit_asked_of_amount(text, stated)
            )
        ):
            # "the oven says 200C, what's that in F": an amount read off something, asked
            # in another unit, is a conversion, however the reading was said ("says"); so is
            # "bike ride today: 64 km. in miles?", however much "64" looks like data.
            capability = "calculation"
        if (
            capability != "research"
            and not material
            and not refs
            and "research" in matcher.names
            and _RESEARCH_ASK_RE.match(text)
            and not any(t.is_number for t in tokenize(text))
        ):
            # "find out what the main causes of ... are": a question to look into, whatever
            # its words share with a text skill's card ("main topics").
            capability = "research"
        if (
            # "126 guests, tables seat 9 each. how many tables": no table to convert either,
            # nor a list of values to count ("45 kids, 6 per car. how many cars").
            (
                capability in _GENERAL_CAPABILITIES
                or (capability == "conversion" and not data)
                or (
                    capability == "statistics"
                    and not data.intersection(placeholders_in(stated))
                    and not any(t.is_number for t in tokenize(text))
                )
            )
            and not material
            and not refs
            and "calculation" in matcher.names
            and _computes_given_numbers(text, data_in_context, stated)
        ) or (
            capability == "statistics"
            and not material
            and not refs
            and "calculation" in matcher.names
            and (
                (data_in_context and _WHAT_REMAINS_RE.search(text))
                # "6 km with 8 mins of waiting, fare?": the price of a job, no figure of a list.
                or _PRICE_NAMED_LAST_RE.search(text)
            )
        ):
            # "recipe says 250 g for 6 people, i'm cooking for 9, how much do i need", "nine
            # to the fourth": a quantity asked of numbers the request gives is arithmetic,
            # which the calculator reads or refuses; a general agent would make an answer up.
            # What remains of numbers stated ("10000 steps, walked 6,420, how many more") is
            # a difference, not a figure of them as data.
            capability = "calculation"
        if (
            capability != "conversion"
            and data.intersection(material)
            and "conversion" in matcher.names
            and SEPARATOR_SWAP.search(text)
        ):
            capability = "conversion"
        if (
            capability == "conversion"
            and not data.intersection(material)
            and refs
            and all(kinds.get(r) in ("research", "writing", "analysis") for r in refs)
            and not _NAMES_FORMAT_RE.search(text)
            and "writing" in matcher.names
        ):
            # "read up on training for a 10k, then turn it into a 6-week plan": a piece made
            # from what was found, not a table turned into another format.
            capability = "writing"
        if (
            capability in ("conversion", *_GENERAL_CAPABILITIES)
            and not material
            and refs
            and all(kinds.get(r) in _NUMERIC_CAPABILITIES for r in refs)
            and _CONVERTS_AT_A_RATE_RE.match(strip_request_prefix(text))
            and "calculation" in matcher.names
        ):
            # "total these up and convert to pounds at 1.17 euros per £": a figure changed
            # at the rate stated, arithmetic, not a table in another format.
            capability = "calculation"
        unit = _UNIT_TARGET_RE.search(text)
        if (
            capability in ("conversion", *_GENERAL_CAPABILITIES)
            and not data.intersection(material)
            and refs
            and all(kinds.get(r) in _NUMERIC_CAPABILITIES for r in refs)
            and unit is not None
            and names_unit(unit.group("unit"))
            and "calculation" in matcher.names
        ):
            # "average of my rides in miles ..., then convert that average to km": a figure
            # in another unit, arithmetic, not a table in another format ("give me that in
            # fahrenheit" after a figure: not something to look up either).
            capability = "calculation"
        if (
            capability != "summarization"
            and material
            and not data.intersection(material)
            and "summarization" in matcher.names
            and _LENGTH_FOR_RE.match(text)
        ):
            # "one line for the group chat: '...'": the text in so many lines.
            capability = "summarization"
        if (
            capability != "summarization"
            and not data.intersection(material)
            and not data_in_context
            and not re.search(r"\d", _LENGTH_RE.sub(" ", PLACEHOLDER_RE.sub(" ", clause.text)))
            and "summarization" in matcher.names
            and _SUMS_UP_RE.search(clause.text)
        ):
            # "research the rules and sum them up in 3 bullet points": a summary of words,
            # not a sum of numbers.
            capability = "summarization"
        elif (
            capability == "summarization"
            and (data_in_context or data.intersection(material))
            and "statistics" in matcher.names
            and _SUMS_UP_RE.search(clause.text)
        ):
            # "here are my costs 3, 4, 5, sum them up": the numbers added.
            capability = "statistics"
        if (
            capability != "summarization"
            and material
            and not data.intersection(material)
            and "summarization" in matcher.names
            and _BOILED_DOWN_RE.search(text)
        ):
            # "boil this down to two sentences: '...'": a summary, said as a kitchen verb.
            capability = "summarization"
        if (
            (
                capability != "sentiment"
                and material
                and not data.intersection(material)
                and "sentiment" in matcher.names
                and (_HOW_IT_SOUNDS_RE.search(text) or _judges_quote(text))
            )
            or (
                capability in _GENERAL_CAPABILITIES
                and not material
                and not refs
                and "sentiment" in matcher.names
                and _judges_named_message(text)
            )
            or (
                capability in _GENERAL_CAPABILITIES
                and not material
                and not refs
                and "sentiment" in matcher.names
                and stated.strip()
                and not data_in_context
                and (_HOW_IT_SOUNDS_RE.search(text) or _judges_quote(text))
            )
        ):
            # "how does this read?" above the message, "is this a good one?" below it: the
            # text stated apart is what is judged.
            # "how does this text from my sister read: '...'", "is this nice? '...'": how a
            # quoted message comes across is its tone, whatever else its words name ("text",
            # "say").
            capability = "sentiment"
        if (
            capability in _TEXT_CAPABILITIES
            and material
            and data.issuperset(material)
            and not _NAMES_TEXT_WORK_RE.search(text)
            and "statistics" in matcher.names
        ):
            # "[{...price...}] which is cheapest for the half term trip": a question of a
            # table is a figure of it, however a word of it sounds like a skill's ("term").
            capability = "statistics"
        if (
            (
                capability in _GENERAL_CAPABILITIES - _TEXT_CAPABILITIES
                # "text from my tenant: '...'": "text" names the message, not its keywords.
                or (
                    capability in _TEXT_CAPABILITIES
                    and matcher.scores(stems).get(capability)
                    and not matcher.scores(stems - _DOCUMENT_STEMS).get(capability)
                )
            )
            and material
            and not data.intersection(material)
            and not _MAKES_RE.search(PLACEHOLDER_RE.sub(" ", text))
        ):
            # "what's this club blog post about in keywords: '...'", "letter from a tenant:
            # '...' how angry is it": with the text given and nothing to make, "post" and
            # "letter" name the text, not a piece to write; what is asked of it decides.
            judged = matcher.best(stems - _DOCUMENT_STEMS, MIN_SCORE_WITH_MATERIAL)
            if judged.capability in _TEXT_CAPABILITIES:
                capability = judged.capability
            elif (
                "sentiment" in matcher.names
                and not any(matcher.scores(stems - _DOCUMENT_STEMS).values())
                and not _ASKS_RE.search(PLACEHOLDER_RE.sub(" ", text))
                and not _YES_NO_RE.match(text)
            ):
                # "card sent to the charity: '...'": a message given with only what it is,
                # nothing asked: how it reads, as "airline review: '...'" is taken.
                capability = "sentiment"
        if (
            capability in _NUMERIC_CAPABILITIES
            and not material
            and not refs
            and not data_in_context
            and _WORTH_IT_RE.search(text)
            and sum(1 for t in tokenize(text) if t.is_number) < 2
            and matcher.general in _GENERAL_CAPABILITIES
        ):
            # "how does the japan rail pass work now, is it still worth it for a 10 day
            # trip": how a thing works and whether it pays are looked up, not computed.
            capability = matcher.general
        if (
            capability in _NUMERIC_CAPABILITIES
            and not material
            and not refs
            and not data_in_context
            and "<num>" not in stems
            and not _SPELLED_NUMBER_RE.search(text)
            and _WHEN_RE.match(text)
            and matcher.general in _GENERAL_CAPABILITIES
        ):
            # "when's the best time to see cherry blossom in kyoto": a time asked with no
            # number to compute on is a fact to look up ("time" sounds like arithmetic).
            capability = matcher.general
        if (
            capability in _TEXT_CAPABILITIES
            and not material
            and not refs
            and "calculation" in matcher.names
            and not _NAMES_TEXT_WORK_RE.search(text)
            and sum(1 for t in tokenize(f"{stated} {text}") if t.is_number) >= 2
        ):
            # "bar job pays 11.44/hr ... weekly pay and over a 10 week term?": a text skill
            # with no text to work on and numbers given is a guess from a word ("term");
            # the numbers are what is asked of.
            capability = "calculation"
        if (
            capability == "sentiment"
            and not material
            and not refs
            and not stated.strip()
            and "research" in matcher.names
            and _YES_NO_RE.match(text)
            and not _POINTED_RE.match(text)
            # "is the latest review on my page good or bad": a text named, not given, which
            # the sentiment skill says is missing
            and not _NAMES_A_TEXT_RE.search(text)
            and not _NAMES_TEXT_WORK_RE.search(text)
            and not _judges_named_message(text)
        ):
            # "is coffee bad for my teeth", "is sugar good for kids": whether a thing is
            # good or bad for something is a fact to look up; the tone of the question's own
            # words ("bad") is no answer to it.
            capability = "research"
        if (
            capability == "calculation"
            and not material
            and "statistics" in matcher.names
            and _LIST_THEN_ITS_ENDS_RE.search(text)
        ):
            # "quotes £3,450 £4,120 £2,980 - lowest and highest": the dash ends the list
            # before the figures asked of it; it subtracts nothing.
            capability = "statistics"
        revises = bool(
            _REVISES_PREVIOUS_RE.match(strip_request_prefix(clause.text))
            or _ADDS_TO_PIECE_RE.match(strip_request_prefix(clause.text))
        )
        if (
            previous is not None
            and refs
            # "and make it sound more professional": a change to the piece, however much
            # its words sound like another kind of work.
            and (
                revises or (not match.confident and (_continues_arithmetic(text) or not has_topic))
            )
        ):
            # "..., then double it", "write a product description and also suggest five
            # slogans": the same kind of work goes on with what was made.
            capability = previous.capability
            if (
                capability in ("statistics", "conversion")
                and not material
                and _continues_arithmetic(text)
                and "calculation" in matcher.names
            ):
                # "the total of 120, 85 and 60, then split it 3 ways", "convert 10 miles to
                # km and then double it": arithmetic on a figure is the calculator's,
                # whatever computed the figure (the table converter does no arithmetic).
                capability = "calculation"
        parts.append(
            _Part(
                index=index,
                clause=clause,
                text=text,
                capability=capability,
                refs=refs,
                has_topic=has_topic,
                material=material,
                # A clause working on an earlier result is no guess, unless it only names
                # figures and fell to a general capability ("..., then 20% vat on top. price
                # with markup and price with vat" went to research on the result).
                doubt=None
                if refs
                and not (
                    capability in ("research", "writing", "analysis")
                    and ONLY_FIGURE_NAMES_RE.match(strip_request_prefix(text))
                )
                else doubt(
                    text,
                    capability,
                    material,
                    # "my nan's 90th": an ordinal is no number to compute on.
                    "<num>" in content_stems(_ORDINAL_RE.sub(" ", text)),
                    data_in_context and not material,
                    matcher.names,
                ),
            )
        )
    return parts


def _references(
    text: str,
    clause: Clause,
    material: tuple[str, ...],
    earlier: list[_Part],
    matcher: CapabilityMatcher,
) -> tuple[int, ...]:
    """Indices of the earlier parts whose results this clause needs."""
    previous = (earlier[-1].index,)
    # The parts nothing else depends on yet: "then" after parallel work waits for all of it.
    used = {ref for part in earlier for ref in part.refs}
    frontier = tuple(p.index for p in earlier if p.index not in used)
    if _explains_notion(text):
        # "find the max of 8, 3, 12 and explain what a median is": a notion of its own.
        return ()
    if clause.sequential or _PLURAL_RESULT_RE.search(text):
        return frontier
    if material:
        return ()
    if _continues_arithmetic(text) or _CONVERTS_AT_A_RATE_RE.match(strip_request_prefix(text)):
        # "... and convert to pounds at 1.17 euros per £": the value just worked out.
        return previous
    if _SINGULAR_RESULT_RE.search(text):
        return previous
    if _OBJECT_PRONOUN_RE.search(text) or _ONES_RE.search(text) or _is_anaphoric(text):
        return previous
    if (
        _PUTS_TOGETHER_RE.match(strip_request_prefix(text))
        and not _ABOUT_RE.search(text)
        and any(p.capability in _FINDS for p in earlier)
    ):
        # "research four budgeting apps, compare them and write a recommendation for a
        # student on a tight budget": a piece asked in the same breath as the looking into
        # is made of what was found; its other words say for whom, how long, in what form.
        return frontier
    if not _has_topic(text, matcher) or _same_subject(text, earlier, matcher):
        # "... and write a blog post", "... and write a recommendation for our company":
        # with no subject of its own, or only the one of the earlier clauses, it is about
        # everything done so far that nothing else has used.
        return frontier
    if _POSSESSIVE_RE.search(text):
        # "Look into the main CRM tools and compare their pricing": "their" is what the
        # previous clause found.
        return previous
    return ()


# Verbs of arithmetic that, given one number or none ("subtract 15%", "multiply by 3",
# "round to 2 decimals"), work on the value computed just before.
# "work out what that comes to", "figure out how much that is a month": working out.
_WORKS_OUT_RE = re.compile(r"(?:work|figure)\s+out\b|calculate\b|compute\b", re.I)

_ARITHMETIC_VERBS = frozenset(
    """add subtract multiply divide double triple halve square cube round increase
    decrease reduce raise lower take split share knock deduct""".split()  # noqa: SIM905
)


def _continues_arithmetic(text: str) -> bool:
    tokens = tokenize(strip_request_prefix(text))
    if not tokens or any(t.is_material for t in tokens):
        return False
    # "times by 12": the verb "times", not "my 5k times".
    times_by = tokens[0].low == "times" and len(tokens) > 1 and tokens[1].low == "by"
    if tokens[0].low not in _ARITHMETIC_VERBS and not times_by:
        return _points_at_a_value(tokens)
    return sum(1 for t in tokens if t.is_number) < 2


# "what's double that", "half of it?", "that squared": arithmetic on a value pointed at.
_POINTERS = frozenset({"that", "it", "this", "result", "answer"})
_ARITHMETIC_WORDS = frozenset(
    """double twice triple half halve squared square cubed cube times plus minus percent
    root rounded round""".split()  # noqa: SIM905
)
_TOPIC_WORDS = frozenset({"what", "what's", "is", "how", "much", "and", "of", "the", "by", "to"})


def _points_at_a_value(tokens: list[Token]) -> bool:
    """Whether a clause is only arithmetic on a value it points at: its words are a pointer,
    words of arithmetic, numbers and question words, with no subject of its own that
    research could look up ("what's double that" is no topic)."""
    words = {t.low for t in tokens if not t.is_number and any(c.isalpha() for c in t.low)}
    return (
        bool(words & _POINTERS)
        and bool(words & _ARITHMETIC_WORDS)
        and words <= _POINTERS | _ARITHMETIC_WORDS | _TOPIC_WORDS
    )


_UNITS_IN_ONE_RE = re.compile(
    r"(?:how many|what number of)\s+(?P<target>[a-z]+)\s+(?:are there\s+|are\s+|is there\s+)?"
    r"in\s+(?:a|an|one)\s+(?P<source>[a-z]+)\s*[?.!]*",
    re.I,
)
_IN_UNIT_RE = re.compile(
    r"(?:(?:ok(?:ay)?|and|now|so|then)[\s,]+)*(?:(?:what|how)\s+about\s+)?(?:in|into|to)\s+"
    r"(?P<target>[a-z]+(?:/[a-z]+)?)(?:[\s,]+(?:then|instead|please|now))?\s*[?.!]*",
    re.I,
)


# "sum up in one sentence: ...", "sum it up": a summary, where "sum" alone is a total.
_SUM_UP_RE = re.compile(r"\bsum(?:s|med|ming)?\s+(?:(?:it|this|that|them)\s+)?up\b", re.I)


def _summed_up(text: str, material: tuple[str, ...], data: frozenset[str]) -> str:
    """The clause's words for matching: "sum up" read as "summarize" when there is text to
    sum up and no numbers ("sum up 3, 4 and 5" is still a total)."""
    text = text.replace(_REF, " ")
    if data.intersection(material) or any(t.is_number for t in tokenize(text)):
        return text
    return _SUM_UP_RE.sub("summarize", text)


_TEXT_CAPABILITIES = frozenset({"keywords", "summarization", "sentiment"})
_NUMERIC_CAPABILITIES = frozenset({"calculation", "statistics"})


def _best_on_no_text(matcher: CapabilityMatcher, stems: frozenset[str]) -> str:
    """The best capability for a clause with no text to work on, leaving out those that
    work on a text ("Research the top 3 coding languages" is research, not a summary of
    its own words)."""
    scores = matcher.scores(stems)
    others = {name: score for name, score in scores.items() if name not in _TEXT_CAPABILITIES}
    if not others or max(others.values()) <= 0:
        return matcher.general
    return max(others, key=lambda name: others[name])


# Arithmetic said in words, with the numbers in words too.
def _read_whole_as_arithmetic(text: str) -> bool:
    """Whether the calculator reads every word of ``text`` as arithmetic on numbers it
    gives, without a doubt ("split 90 3 ways"); "give me 3 tips" leaves words unread."""
    if not any(t.is_number for t in tokenize(text)) and not _SPELLED_NUMBER_RE.search(text):
        return False
    reading = read_numeric_request(text)
    return reading.expression is not None and reading.confidence >= 1.0 and not reading.unread


_WORD_PLUS_RE = re.compile(r"(?<=[A-Za-z]{2})(?:\s+\+\s+|\+)(?=[A-Za-z])")

# "negative twelve times four", "two dozen minus 5": numbers said in words.
_SPELLED_NUMBER_RE = re.compile(
    r"\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety|hundred|thousand|million|billion|dozen)\b",
    re.I,
)

# A result shared out between a count of people or parts: "split it between the 3 of us",
# "share that among 4", "divide it into 5 equal parts".
_SHARED_OUT_RE = re.compile(
    r"\b(?:split|share|divide|divvy(?:\s+up)?|shared|split\s+up)\b.*\b(?:between|among|amongst|"
    r"into|by|across)\s+(?:the\s+|all\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\b",
    re.I,
)
_OPERATOR_WORD_RE = re.compile(
    r"\b(?:plus|minus|times|divided\s+by|multiplied\s+by|squared|cubed)\b", re.I
)


# "How much did I spend last week?", "what did we earn in March": an amount of the user's
# own, which only numbers the user gives can answer.
_OWN_AMOUNT_RE = re.compile(
    r"\b(?:how\s+(?:much|many)|what)\s+(?:\w+\s+)?(?:did|do|have|had|will)\s+"
    # "did I burn", "did that spin class burn": the user, or something the user did.
    r"(?:(?:i|we)\s+|(?:that|my|our)\s+(?:\w+\s+){0,2}?)"
    r"(?:spend|spent|earn|earned|pay|paid|owe|owed|save|saved|make|made|lose|lost|sell|sold|"
    r"buy|bought|use|used|"
    # "how many calories did I burn", "how far did we walk": what the user did, measured.
    r"burn|burned|burnt|walk|walked|run|ran|drive|drove|cycle|cycled|swim|swam|eat|ate|"
    r"drink|drank|sleep|slept|travel|travell?ed)\b"
    # "How much will my rent be next year?", "what will our bill come to": an amount of the
    # user's own things, past or to come.
    r"|\bhow\s+much\s+(?:will|would|is|was|does|did|do)\s+(?:my|our)\s+\w+"
    r"|\bwhat\s+(?:will|would)\s+(?:my|our)\s+(?:\w+\s+){1,3}(?:be|cost|come\s+to)\b"
    # "How much should I tip?", "what do we tip": a tip is on the user's own bill.
    r"|\b(?:how\s+much|what)\s+(?:should|do|must|would|shall)\s+(?:i|we)\s+tip\b"
    # "everyone's share of the bill", "split the rent": a share of the user's own amount.
    r"|\b(?:share|split|part|portion|cut)\s+of\s+(?:the|my|our)\s+(?:bill|check|tab|rent|"
    r"costs?|total)\b"
    r"|\bsplit\s+(?:the|my|our)\s+(?:bill|check|tab|rent|costs?|total)\b"
    # "which one is cheaper?": prices the user has in mind, compared.
    r"|\bwhich\s+(?:one\s+)?(?:of\s+(?:them|these|those|the\s+two)\s+)?(?:is|was|would\s+be)\s+"
    r"(?:cheaper|dearer|pricier|costlier|(?:more|less)\s+expensive|the\s+cheapest|"
    r"better\s+value)\b"
    # "ok which of them has the lowest monthly fee", "which of them is cheapest to lisbon":
    # figures of things named, never given.
    r"|\bwhich\s+(?:one\s+)?of\s+(?:them|these|those|the\s+\w+)\s+(?:(?:has|have|had|charges?|"
    r"costs?)\s+(?:got\s+)?(?:the\s+)?(?:lowest|highest|cheapest|biggest|smallest|best|worst)\s+"
    r"(?:\w+\s+)?(?:fees?|prices?|costs?|rates?|rents?|bills?|charges?|salary|pay|tariffs?)"
    r"|(?:is|are|was|would\s+be)\s+(?:the\s+)?(?:cheapest|dearest|priciest|"
    r"(?:most|least)\s+expensive))\b"
    # "which of my shifts paid the most": the user's own things, ranked.
    r"|\bwhich\s+of\s+(?:my|our)\s+\w+\s+(?:\w+\s+)?(?:the\s+)?(?:most|least|best|worst|"
    r"highest|lowest|longest|shortest|cheapest)\b"
    # "how much paint do i need for my living room", "what grade do i need on the final":
    # what the user's own case needs, which only the user's numbers settle.
    r"|\bhow\s+(?:much|many)\s+\w+\s+(?:do|will|would)\s+(?:i|we)\s+need\s+for\s+(?:my|our)\b"
    r"|\bwhat\s+(?:grade|mark|score|percentage)\s+do\s+(?:i|we)\s+need\b",
    re.I,
)


# "how long did I sleep", "how far is it to my office", "what's my bmi", "how old will I
# be in 2040": a measure of the user's own life, which only numbers the user gives can
# answer. Advice ("how much sleep do I need", "how long should I boil an egg") is not one.
_MEASURE_ASKED_RE = re.compile(
    r"^\s*(?:(?:roughly|about|approximately|so|ok|okay|and)[\s,]+)*"
    r"(?:how\s+(?:much|many|long|far|old|often|big|heavy|tall|fast)\b"
    r"|what(?:'s|s|\s+is|\s+was|\s+will\s+be)\s+(?:my|our)\b)",
    re.I,
)
_OWN_RE = re.compile(
    r"\b(?:did|was|were|have|had)\s+(?:i|we)\b|\b(?:will|would)\s+(?:i|we)\s+be\b"
    # "how long will it take me to drive there": the user's own trip.
    r"|\b(?:take|took|takes|taking)\s+(?:me|us)\b"
    # "how many hours ahead of me", "the lunch i just had": where the user is, what the
    # user did ("how far is the moon from us" is no measure of the user's own).
    r"|\b(?:ahead\s+of|behind)\s+(?:me|us)\b"
    # "the cake i baked", "the lunch i just had": a thing of the user's own doing.
    r"|\b(?:i|we)\s+(?:just\s+)?(?:[a-z]{2,}ed|" + "|".join(sorted(_PAST)) + r"|did|drank)\b"
    r"|\b(?:am\s+i|are\s+we)\b|\b(?:my|our)\s+[a-z]+|\bus\b",
    re.I,
)
_ADVICE_RE = re.compile(
    r"\b(?:should|shall|must|ought\s+to|can|could)\s+(?:i|we|you)\b"
    r"|\bneeds?\b|\bhow\s+to\b|\brecommended\b",
    re.I,
)


# "how many bags of compost do i need for the new border": what the user's own job takes,
# which its measurements settle (advice is "how much sleep does a baby need").
_OWN_JOB_RE = re.compile(
    r"\b(?:do|will|would)\s+(?:i|we)\s+need\s+(?:to\s+\w+\s+)?for\s+(?:the|my|our|this)\b",
    re.I,
)


def _asks_own_measure(text: str) -> bool:
    """Whether a question asks a measure of the user's own life (see `_MEASURE_ASKED_RE`)."""
    request = strip_request_prefix(text).strip()
    return bool(
        _MEASURE_ASKED_RE.match(request)
        and _OWN_RE.search(request)
        and (not _ADVICE_RE.search(request) or _OWN_JOB_RE.search(request))
    )


# "what's that in F", "how much is it in pounds": the amount just given, in another unit.
_THAT_IN_UNIT_RE = re.compile(
    r"\b(?:what(?:'s|\s+is|\s+would\s+be)|how\s+much\s+is|how\s+many\s+\w+\s+is)\s+"
    r"(?:that|this|it)\s+in\s+(?:degrees\s+)?(?P<target>[a-z]+(?:/[a-z]+)?)\s*[?.!]*$",
    re.I,
)
_TEMPERATURES = frozenset({"c", "f", "celsius", "fahrenheit", "centigrade", "kelvin"})


def _amount_in_unit(text: str) -> bool:
    """Whether a clause gives a number and asks for "that" in a unit."""
    asked = _THAT_IN_UNIT_RE.search(text)
    if asked is None or not any(t.is_number for t in tokenize(text)):
        return False
    target = asked.group("target")
    return target.lower() in _TEMPERATURES or names_unit(target)


# "64 km. in miles?", "425°F — celsius?", "weighed 165 lb at the clinic, kg?": a unit alone,
# asked at the end of a request.
_BARE_UNIT_ASKED_RE = re.compile(
    r"(?:^|[\s,.;:!\u2014\u2013-])(?:(?:and|so|now|then)\s+)?(?:(?:in|into|to|as)\s+)?"
    r"(?:degrees\s+)?(?P<target>[a-z]+)\s*\?+\s*$"
    # "convert that to kg", "in km please": a unit the clause ends on, after its preposition
    # (a speed too: "in km/h").
    r"|\b(?:in|into|to|as)\s+(?:degrees\s+)?(?P<unit>[a-z]+(?:/[a-z]+)?)(?:\s+(?:please|pls))?"
    r"\s*[.!?]*\s*$",
    re.I,
)
# An amount given in a unit: "64 km", "425°F", "165lb", "5'7\"" (feet and inches).
_AMOUNT_GIVEN_RE = re.compile(
    r"\d(?:[\d,.]*\d)?\s*(?:(?P<scale>\u00b0\s*[cfk]\b)|(?:degrees\s+|(?:uk|us|imperial|"
    r"metric|square|sq|cubic)\s+)?(?P<unit>[a-z]+)\b)"
    r"|\b\d+\s*'\s*\d+(?:\.\d+)?\s*\"",
    re.I,
)


def _unit_asked_of_amount(text: str, stated: str) -> bool:
    """Whether a clause ends by asking a unit alone ("kg?") of an amount the request gives
    in another unit, in the clause or in what it states apart."""
    asked = _BARE_UNIT_ASKED_RE.search(text) or _HOW_MANY_UNIT_RE.search(text)
    if asked is None:
        return False
    target = next(t for t in asked.groups() if t).lower()
    if not (target in _TEMPERATURES or names_unit(target)):
        return False
    for given in _AMOUNT_GIVEN_RE.finditer(f"{stated} {text[: asked.start()]}"):
        unit = (given.group("unit") or "").lower()
        if given.group("scale") or (unit and names_unit(unit) and not same_unit(unit, target)):
            return True
        if unit in ("c", "f") and target in _TEMPERATURES and target[0] != unit:
            return True  # "101.3 F. what is that in celsius"
        if not given.group("scale") and not given.group("unit"):
            return True  # feet and inches
    return False


def _asks_units(text: str) -> bool:
    """Whether a request asks for units only: how many of one unit are in one of another,
    or an amount "in feet" with no amount."""
    request = strip_request_prefix(text).strip()
    one = _UNITS_IN_ONE_RE.fullmatch(request)
    if one is not None:
        return names_unit(one.group("target")) and names_unit(one.group("source"))
    bare = _IN_UNIT_RE.fullmatch(request)
    return bare is not None and names_unit(bare.group("target"))


_GENERAL_CAPABILITIES = frozenset(
    {"research", "writing", "analysis", "summarization", "keywords", "sentiment"}
)
# "..., fare?", "... - total cost?": what is paid, named alone after the amounts.
_PRICE_NAMED_LAST_RE = re.compile(
    r"[,\u2013\u2014-]\s*(?:the\s+)?(?:total\s+)?(?:fare|cost|price|bill|charge|fee)\s*\?+\s*$",
    re.I,
)


# Questions of a quantity: "how much butter do i need", "what do i set it to", "round that
# to the nearest thousand", "shared out fifteen ways", "400 lots of 3.5", "nine to the fourth".
_QUANTITY_ASK_RE = re.compile(
    r"\bhow\s+(?:much|many|long|far|heavy)\b|\bwhat\s+(?:do|should|would|shall)\s+i\s+set\b"
    r"|\bround\s+(?:that|it|this|the\s+\w+)\s+(?:up\s+|down\s+|off\s+)?to\b"
    r"|\bshared?\s+(?:out\s+)?\w+\s+ways\b|\blots\s+of\b"
    r"|\bto\s+the\s+(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\b"
    # "what current in amps", "what's the speed in km/h": a quantity asked in a unit.
    r"|\bwhat(?:'s|s|\s+is|\s+would\s+be)?\s+(?:the\s+)?[a-z]+\s+in\s+[a-z]+(?:/[a-z]+)?\s*[?.!]*$"
    # "what's my w/kg", "whats my k/d": a ratio of the amounts given, in its short name.
    r"|\bwhat(?:'s|s|\s+is|\s+was)\s+(?:my|the|our|his|her|their)\s+[a-z]{1,4}/[a-z]{1,4}\b"
    # "62 for 4 concert passes, price of a single pass?": the price of one of them.
    r"|\b(?:price|cost)\s+(?:of|for)\s+(?:a\s+single|one|each)\b"
    # "7.5 miles with 6 mins of waiting, fare?": what is paid, named alone after the amounts.
    rf"|{_PRICE_NAMED_LAST_RE.pattern}"
    # "what do i quote", "what should we charge": the price the user asks for a job.
    r"|\bwhat\s+(?:do|should|would|shall)\s+(?:i|we)\s+(?:quote|charge|invoice|bill)\b",
    re.I,
)


# "how much water should I drink": advice, which numbers stated do not settle.
_ADVICE_ASKED_RE = re.compile(r"\b(?:should|ought|recommended|advisable|safe)\b", re.I)
# "how many more", "how much is left", "how many to go": what remains of an amount.
_WHAT_REMAINS_RE = re.compile(
    r"\bhow\s+(?:much|many)\s+(?:\w+\s+)?(?:more|left|remaining|fewer|less|to\s+go)\b"
    # "what's still outstanding", "the balance due": what is left to pay.
    r"|\b(?:still\s+)?(?:outstanding|owing|unpaid)\b|\bbalance\s+(?:due|left|remaining)\b",
    re.I,
)
_A_YEAR_RE = re.compile(r"\b(?:1[5-9]|20)\d\d\b")
# "how many kg is that": the unit an amount is asked in.
_HOW_MANY_UNIT_RE = re.compile(r"\bhow\s+many\s+([a-z]+)\s+(?:is|are|in)\b", re.I)


def _computes_given_numbers(text: str, numbers_in_context: bool, stated: str = "") -> bool:
    """Whether a clause asks a quantity of numbers it gives, with nothing else to look up:
    "how much" of two or more (or of one beside numbers stated apart, or of one amount asked
    in a unit); an operation that names its other operand ("to the fourth", "lots of",
    "shared out N ways", "round that to") of one."""
    asked = _QUANTITY_ASK_RE.search(text)
    if not asked:
        return False
    plain = _LENGTH_RE.sub(" ", _A_YEAR_RE.sub(" ", text))
    given = sum(1 for t in tokenize(plain) if t.is_number) + len(_SPELLED_NUMBER_RE.findall(plain))
    if not asked.group(0).lower().startswith("how") or given >= 2:
        return given >= 1
    if given == 0 and not _ADVICE_ASKED_RE.search(text):
        # "126 guests, tables seat 9 each. how many tables do we need": a quantity asked
        # of two numbers or more stated before it.
        plain_stated = _LENGTH_RE.sub(" ", _A_YEAR_RE.sub(" ", stated))
        if sum(1 for t in tokenize(plain_stated) if t.is_number) >= 2:
            return True
    if numbers_in_context and _WHAT_REMAINS_RE.search(text):
        # "limit is 3000 words and i've done 2,170. how many more do i need to write": what
        # is left of numbers stated before, a difference.
        return True
    unit = _HOW_MANY_UNIT_RE.search(text)
    return given >= 1 and (numbers_in_context or (unit is not None and names_unit(unit.group(1))))


def _explains_notion(text: str) -> bool:
    """Whether a clause asks what a notion is, with no number or earlier result to use."""
    request = strip_request_prefix(text).strip()
    if not _EXPLAINS_NOTION_RE.match(request) or _POINTS_BACK_RE.search(request):
        return False
    return not any(t.is_number or t.is_material for t in tokenize(request))


# "a 200-word article", "in 3 paragraphs", "5 bullet points": the length of a piece, its
# form rather than its subject.
_LENGTH_RE = re.compile(
    r"\b\d+\s*[- ]?\s*(?:words?|pages?|lines?|sentences?|paragraphs?|bullets?|"
    r"bullet\s+points?|points?|minutes?|slides?|tweets?|verses?|stanzas?)\b(?:\s+long)?",
    re.I,
)


def _has_topic(text: str, matcher: CapabilityMatcher) -> bool:
    """Whether a clause names its own subject matter (beyond capability and form words,
    and whom it is for)."""
    return bool(_topic_stems(text, matcher))


def _topic_stems(text: str, matcher: CapabilityMatcher) -> frozenset[str]:
    """The stems that say what a clause is about ({"<num>"} for numbers or material)."""
    if placeholders_in(text):
        return frozenset({"<num>"})
    text = strip_request_prefix(_LENGTH_RE.sub(" ", _AUDIENCE_RE.sub("", text)))
    tokens = tokenize(text)
    if tokens and is_action_start(tokens, 0, frozenset()):
        # The verb says what to do with the subject; it is not the subject.
        text = text[tokens[0].end :]
    stems = content_stems(text)
    if "<num>" in stems:
        return frozenset({"<num>"})
    return stems - matcher.vocabulary - _FORM_WORDS


def _same_subject(text: str, earlier: list[_Part], matcher: CapabilityMatcher) -> bool:
    """Whether a clause is about what earlier clauses were about ("find out how rivals
    price their plans, ... and suggest a pricing strategy"): all its subject words occur
    in them."""
    topic = _topic_stems(text, matcher)
    if not topic or "<num>" in topic:
        return False
    seen = frozenset().union(*(content_stems(p.text.replace(_REF, " ")) for p in earlier))
    return topic <= seen


_ANAPHORIC_BLOCKERS = frozenset(
    {"of", "about", "on", "for", "in", "regarding", "concerning", "from", "between", "behind"}
)


def _is_anaphoric(text: str) -> bool:
    """Whether the clause's object is a bare definite description ("summarize the key
    milestones"): with no "of ..." saying whose, it means those of the previous clause."""
    tokens = tokenize(strip_request_prefix(text))
    start = _head_end(tokens)
    if start >= len(tokens) or tokens[start].low != "the":
        return False
    return not any(
        t.low in _ANAPHORIC_BLOCKERS or t.is_number or t.is_material for t in tokens[start + 1 :]
    )


def _replace_span(text: str, start: int, end: int, replacement: str) -> str:
    return text[:start] + replacement + text[end:]


def _merge_groups(parts: list[_Part]) -> list[_Group]:
    """Group neighbouring parts that are one piece of work for one capability.

    Same capability alone is not enough: two independent questions for the same agent stay
    two steps, so they can run in parallel. They merge when the second continues the first
    (it needs only the first's result), works on the same material, or has no subject.
    """
    groups: list[_Group] = []
    for part in parts:
        if groups:
            last = groups[-1]
            previous = last.parts[-1]
            continues = bool(part.refs) and set(part.refs) <= {p.index for p in last.parts}
            same_material = bool(part.material) and part.material == previous.material
            # A computation that uses an earlier one stays a step of its own, so that each
            # intermediate value is shown and travels as data to the next.
            computes = continues and (_on_data(part) or _on_data(previous))
            if (
                part.capability == last.capability
                and not computes
                and (continues or same_material or not part.has_topic)
            ):
                last.parts.append(part)
                continue
        groups.append(_Group([part]))
    return groups


def _on_data(part: _Part) -> bool:
    """Whether a part computes on numbers or pasted data."""
    return bool(part.material) or any(t.is_number for t in tokenize(part.text))


def _cap(groups: list[_Group], max_steps: int, general: str) -> list[_Group]:
    """Merge the tail so there are at most ``max_steps`` groups.

    A merged step that mixes kinds of work goes to the general capability: a specialised
    one (statistics, say) could not do the rest, a general one may manage all of it.
    """
    if len(groups) <= max_steps:
        return groups
    head, tail = groups[: max_steps - 1], groups[max_steps - 1 :]
    tail_parts = [part for group in tail for part in group.parts]
    names = [part.capability for part in tail_parts]
    capability = names[0] if len(set(names)) == 1 else general
    for part in tail_parts:
        part.capability = capability
    return [*head, _Group(tail_parts)]


# --- writing the plan ----------------------------------------------------------------


def _plan(groups: list[_Group], masked: MaskedText, context: list[str]) -> Plan:
    step_of: dict[int, str] = {}
    for number, group in enumerate(groups, start=1):
        for part in group.parts:
            step_of[part.index] = f"s{number}"
    titles = {f"s{n}": _title(g.parts[0].text, masked) for n, g in enumerate(groups, start=1)}
    context_text = _joined([_sentence(c, masked) for c in context], masked)

    steps: list[PlanStep] = []
    for number, group in enumerate(groups, start=1):
        step_id = f"s{number}"
        depends_on: list[str] = []
        sentences: list[str] = []
        for position, part in enumerate(group.parts):
            external = [step_of[r] for r in part.refs if step_of[r] != step_id]
            for dependency in external:
                if dependency not in depends_on:
                    depends_on.append(dependency)
            sentences.append(_part_sentence(part, position, external, titles, masked))
        instruction = _joined(sentences, masked)
        if context_text:
            # A line break after pasted data keeps its last row intact.
            joiner = "\n" if context_text.endswith(tuple(masked.material)) else " "
            instruction = f"Context: {context_text}{joiner}Task: {instruction}"
        first = group.parts[0]
        steps.append(
            PlanStep(
                id=step_id,
                title=titles[step_id],
                instruction=instruction,
                capability=group.capability,
                depends_on=sorted(depends_on, key=lambda s: int(s[1:])),
                expected_output=_expected_output(first.text, masked),
            )
        )
    return Plan(steps=steps)


def _part_sentence(
    part: _Part, position: int, external: list[str], titles: dict[str, str], masked: MaskedText
) -> str:
    text = part.text
    if external:
        reference = _results_of(external, titles)
        if _REF in text:
            text = text.replace(_REF, reference, 1)
            text = _sentence(text, masked)
        else:
            if _names_figure_alone(text):
                # "What's the mean of 2, 4, 6? Also give me the median": a figure of the
                # numbers the step before worked on, not of the one number it found.
                reference = reference.replace("the result of step", "the values of step", 1)
            text = _sentence(text, masked)
            # After the user's data, a line break keeps its last row intact.
            text += ("\n" if ends_with_material(text) else " ") + f"Use {reference}."
    else:
        # The result referred to is an earlier part of this same step.
        text = _sentence(text.replace(_REF, "the result of the previous part"), masked)
    if position > 0 and part.clause.sequential:
        text = "Then " + text[0].lower() + text[1:]
    return text


_SPREAD_WORDS = frozenset({"deviation", "std", "stdev", "variance", "spread"})


def _names_figure_alone(text: str) -> bool:
    """Whether a clause asks for a figure of numbers ("give me the median") and gives none."""
    tokens = tokenize(text)
    words = {t.low for t in tokens}
    return bool(words & (_FIGURE_WORDS | _SPREAD_WORDS)) and not any(
        t.is_number or t.is_material for t in tokens
    )


def _joined(sentences: list[str], masked: MaskedText) -> str:
    """Masked sentences restored and joined; a line break after one that ends with data."""
    text = ""
    for sentence in sentences:
        if text:
            text += "\n" if text.endswith(tuple(masked.material)) else " "
        text += masked.restore(sentence)
    return text


def _results_of(step_ids: list[str], titles: dict[str, str]) -> str:
    described = [f"{s} ({titles[s]})" for s in step_ids]
    if len(described) == 1:
        return f"the result of step {described[0]}"
    return "the results of steps " + ", ".join(described[:-1]) + " and " + described[-1]


def _sentence(text: str, masked: MaskedText) -> str:
    """Capitalise, and end with a full stop unless the text ends with punctuation already
    or with the user's material, which must reach the agent exactly as written."""
    text = text.strip().strip(",;").strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    if ends_with_material(text):
        return text
    if masked.restore(text).rstrip()[-1:] not in {".", "!", "?", ":", ";", "\u2026"}:
        text += "."
    return text


def _short_material(masked: MaskedText, text: str, limit: int = 24) -> str:
    restored = text
    for placeholder in placeholders_in(text):
        original = " ".join(masked.restore(placeholder).split())
        if len(original) > limit:
            original = original[: limit - 1].rstrip() + "\u2026"
            if original[0] in "'\"\u201c\u2018":
                original += original[0] if original[0] in "'\"" else "\u201d"
        restored = restored.replace(placeholder, original, 1)
    return restored


def _without_payload(text: str) -> str:
    """The clause without the data after its colon ("Summarize this text: ...") or on the
    lines below it ("then take 20% of it\n<table>")."""
    match = _TRAILING_MATERIAL_RE.search(text)
    if (
        match
        and (":" in match.group(0) or "\n" in match.group(0))
        and text[: match.start()].strip()
    ):
        return text[: match.start()].rstrip()
    return text


def _title(text: str, masked: MaskedText) -> str:
    text = _without_payload(text)
    title = " ".join(_short_material(masked, text.replace(_REF, "previous results")).split())
    title = title.strip(" .,:;")
    title = title[0].upper() + title[1:] if title else "Step"
    if len(title) > TITLE_MAX:
        cut = title[: TITLE_MAX - 1]
        if " " in cut:
            cut = cut[: cut.rfind(" ")]
        title = cut.rstrip(" ,:;") + "\u2026"
        # "Average our sales (4200, 3850, 4600…)": a bracket the cut left open is closed,
        # or the title put in brackets after "the result of step s1" would run on into
        # the instruction.
        title += ")" * max(0, title.count("(") - title.count(")"))
    return title


def _expected_output(text: str, masked: MaskedText) -> str:
    """A brief description of the step's result, from its verb and object."""
    text = _without_payload(text)
    text = strip_request_prefix(text.replace(_REF, "the previous results")).strip()
    tokens = tokenize(text)
    if not tokens:
        return "The result"
    if tokens[0].low in _QUESTION_OPENERS or text.endswith("?"):
        return "The answer to the question"
    start = _head_end(tokens)
    while start < len(tokens) and tokens[start].low in {"into", "about", "on"}:
        start += 1
    obj = text[tokens[start].start :] if start < len(tokens) else ""
    obj = " ".join(_short_material(masked, obj).split()).rstrip(" .!?")
    if not obj:
        return "The result"
    template = _OUTPUT_BY_VERB.get(tokens[0].low, "{}")
    described = template.format(obj)
    described = described[0].upper() + described[1:]
    if len(described) > TITLE_MAX + 20:
        described = described[: TITLE_MAX + 19].rsplit(" ", 1)[0].rstrip(" ,:;") + "\u2026"
    return described

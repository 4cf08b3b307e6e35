"""Questions about the user's own case, and about what is to come: no source can answer.

"is my chimney safe to use", "why is my cat not eating", "do i need glasses" ask about a
thing or a body only the user (or someone who sees it: a sweep, a vet, an optician) knows.
"will our new single get in the charts", "who will win the championship this year", "will
the river be too high this weekend" ask what has not happened yet. Research would look up
the words and come back with a general page, reported as the answer to the user's case, so
such a clause, asked without a research verb ("research why cats stop eating" is a
question of the world), is refused with what to ask instead (`own_case`, `prediction`).
"""

from __future__ import annotations

import re

__all__ = ["opinion", "own_case", "prediction"]

# A thing of the user's: "my chimney", "our new single", "my son's eczema".
_OWN = r"(?:my|our)\s+"

# A yes/no question about a thing of the user's, or about how a thing suits it: "is my
# chimney safe to use this winter", "is my horse lame or just a bit stiff", "are our gutters
# blocked", "is this soap safe for my son's eczema", "are these boots ok for my flat feet".
_OWN_STATE_RE = re.compile(
    rf"^\W*(?:is|are|was|were|isn'?t|aren'?t)\s+{_OWN}"
    r"|^\W*(?:is|are)\s+(?:this|that|these|those|it)\s+(?:[\w'-]+\s+){0,3}?(?:safe|ok|okay|"
    rf"fine|suitable|alright|all\s+right|good|bad)\s+(?:to\s+\w+\s+)?(?:for|with|on)\s+"
    r"(?:my|our|me|us)\b"
    # Whether a thing named suits a body or a pet of the user's: "is raw feeding safe for my
    # dog with kidney problems", "are grapes ok for our rabbit", "is ibuprofen fine for my
    # son's asthma" ("is coffee bad for my teeth" asks of coffee, and is looked up).
    r"|^\W*(?:is|are)\s+(?:[\w'-]+\s+){1,4}?(?:safe|ok|okay|fine|suitable|alright|"
    r"all\s+right)\s+(?:to\s+\w+\s+)?(?:for|with|on)\s+(?:my|our)\s"
    # Whether a thing done to a pet, a body or a thing of the user's is good for it: "is it
    # bad to wash my spaniel every week", "is it ok to leave our rabbit out at night". It
    # turns on the animal or the thing, which only someone who sees it can judge ("is it
    # bad to wash dogs every week" asks of dogs, and is looked up).
    r"|^\W*is\s+it\s+(?:(?:really|too|very|that)\s+)?(?:bad|ok|okay|safe|fine|alright|"
    r"all\s+right|cruel|harmful|unhealthy|wrong)\s+(?:for\s+(?:me|us|him|her|them)\s+)?"
    r"to\s+[\w'-]+\s+(?:[\w'-]+\s+){0,2}?(?:my|our)\s"
    # A thing found on or in something of the user's: "is this lump on my heel anything
    # serious", "is the ash in my back garden going to come down" (seen, not looked up; a
    # text there, "is the latest review on my page good or bad", is judged as a text).
    r"|^\W*(?:is|are)\s+(?:this|that|these|those|the)\s+"
    r"(?!(?:[\w'-]+\s+){0,3}?(?:reviews?|comments?|posts?|messages?|emails?|replies|reply|"
    r"texts?|tweets?|notes?|feedback|letters?)\b)"
    r"(?:[\w'-]+\s+){1,3}?(?:on|in|under|behind|inside)\s+(?:my|our)\s"
    # What a remedy will do in the user's case: "will a sports massage fix my sciatica",
    # "would a dehumidifier sort our damp" ("does massage help sciatica" is looked up).
    r"|^\W*(?:will|would)\s+(?:(?:a|an|the|some|this|that)\s+)?(?:[\w'-]+\s+){1,3}?"
    r"(?:fix|cure|heal|help|sort|solve|clear\s+up|get\s+rid\s+of)\s+(?:out\s+)?(?:my|our)\s",
    re.I,
)
# Why a thing of the user's is as it is: "why is my cat not eating since she came home",
# "why does my car pull to the left", "why has our boiler stopped firing". What went wrong
# in their case is seen, not looked up ("why do cats stop eating" asks of cats).
_OWN_WHY_RE = re.compile(
    rf"^\W*why\s+(?:is|are|was|does|do|did|has|have|won'?t|isn'?t|doesn'?t|can'?t|keeps?)\s+{_OWN}",
    re.I,
)
# Whether the user needs a thing, in their own case: "do i need glasses?", "do i need council
# permission to take down the ash in my back garden", "do we need a new boiler". "do i need
# a visa for canada" asks a rule of the world and is looked up.
_OWN_NEED_RE = re.compile(
    r"^\W*(?:do|does|will|would)\s+(?:i|we|my\s+[\w'-]+|our\s+[\w'-]+)\s+(?:really\s+)?need\s+"
    r"(?:(?:a|an|some|new)\s+)?(?:[\w'-]+\s*[?.!]*\s*$|.*\b(?:my|our)\b)",
    re.I,
)
# A count of a recent day or season of the user's own affairs, kept only in their records:
# "how many kids signed up for tap last september", "how many came to the open day last
# saturday" ("how many people died in the great fire" is history, with no "last").
_MONTHS = r"january|february|march|april|may|june|july|august|september|october|november|december"
_DAYS = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_RECENT_COUNT_RE = re.compile(
    rf"^\W*how\s+many\b.*\blast\s+(?:{_MONTHS}|{_DAYS}|week|weekend|month|term|night|season|"
    r"session|class|lesson|meeting)\b",
    re.I,
)

# An opinion asked of the assistant: "is the old gaol actually haunted do u reckon", "d'you
# think the loch ness monster is real", "in your opinion, was the ending any good". What
# it thinks is asked, not what sources say.
_OPINION_RE = re.compile(
    r"\b(?:do|d'|d)\s*(?:you|u|ya|ye)\s+(?:reckon|think)\b"
    r"|\bin\s+your\s+(?:opinion|view)\b"
    r"|\bwhat(?:'s|s|\s+is)\s+your\s+(?:opinion|view|take|verdict)\b",
    re.I,
)

# The future asked: "will ...", "who will win", "what ... are going to be in next year".
_WILL_RE = re.compile(r"\bwill\b|\b(?:is|are|it's|its)\s+(?:going\s+to|gonna)\b", re.I)
# What is to come of the user's own affairs: "will our new single get in the charts", "will
# my dog be ok on his own while im at work", "how busy will we be this bank holiday", "will
# we sell out".
_OWN_FUTURE_RE = re.compile(
    # ("will i need a visa for japan" asks a rule of the world, `_OWN_NEED_RE`)
    rf"^\W*will\s+(?:{_OWN}|(?:i|we)\b(?!\s+(?:really\s+)?need\b))"
    r"|^\W*how\s+(?:[\w'-]+\s+){1,2}?will\s+(?:i|we)\s+be\b",
    re.I,
)
# Someone else's decision to come, about the user: "will the vicar let us ring for the
# anniversary", "would the council approve our extension", "is my landlord going to let me
# keep a cat". Only they can say; research would answer with their rules in general.
_DECISION_RE = re.compile(
    r"^\W*(?:will|would|is|are)\s+(?:the|my|our|he|she|they)\s+(?:[\w'-]+\s+){0,2}?"
    r"(?:going\s+to\s+|gonna\s+)?(?:let|allow|permit|approve|accept|agree\s+to|sign\s+off|"
    r"say\s+yes\s+to|refund|give)\s+(?:me|us|my|our)\b",
    re.I,
)
# What a thing is going to do or be like, asked of someone other than the user: "what are
# hop prices going to do after next harvest", "what's the pound gonna do after the
# election", "whats the viz gonna be like at the quarry", "how is the wedding going to go"
# ("what will baking soda do to a stain" asks what it does, and "i'm going to be in leeds"
# tells a plan).
_GOING_TO_RE = re.compile(
    r"^\W*(?:what|how)(?:'s|s|\s+is|\s+are)\s+(?:[\w'-]+\s+){1,4}?"
    r"(?<!\bi'm\s)(?<!\bim\s)(?<!\bwe're\s)(?:going\s+to|gonna)\s+"
    r"(?:do|be|go|look|turn\s+out)\b(?!\s+(?:to|for|with|if|when)\b)",
    re.I,
)
# Who wins a contest to come: "who will win the world snooker championship this year",
# "who's going to win the league".
_WINNER_RE = re.compile(
    r"^\W*who(?:'s|\s+is)?\s+(?:will|going\s+to|gonna|do\s+you\s+think\s+will)\s+win\b", re.I
)
# How things will sell: "which snacks will sell best in the new gym machine", "will the
# lavender candles sell well at the fair". Sales to come, which no source has ("which
# snacks sell best in vending machines" asks what is known of sales, and is looked up).
_SALES_TO_COME_RE = re.compile(
    r"\b(?:will|would|(?:is|are)\s+(?:going\s+to|gonna))\s+(?:[\w'-]+\s+){0,4}?"
    r"(?:sell|shift)\s+(?:the\s+)?(?:best|better|worst|most|more|well|badly|ok|okay|"
    r"fastest|quickest|out|at\s+all)\b",
    re.I,
)
# How busy a place will be: "will town be dead", "will the pubs be packed", "is the beach
# going to be rammed". A night or a day to come, which no source has ("why is the high
# street so quiet" asks what is known).
_PLACES = (
    r"(?:town|the\s+town|(?:the\s+)?(?:city|town)\s+centre|(?:the\s+)?high\s+street|it|there|"
    r"(?:the\s+)?(?:pubs?|bars?|clubs?|shops?|restaurants?|beach|beaches|roads?|motorways?|"
    r"traffic|park|market|centre|place|airport|station|trains?|streets?|rank|taxi\s+rank))"
)
_BUSY_TO_COME_RE = re.compile(
    rf"\b(?:will|(?:is|are)\s+{_PLACES}\s+(?:going\s+to|gonna))\s+(?:{_PLACES}\s+)?be\s+"
    r"(?:(?:really|very|too|so|any|that|dead)\s+)?(?:dead|busy|quiet|packed|heaving|rammed|"
    r"crowded|empty|mobbed|manic|buzzing|slow)\b",
    re.I,
)
# A time to come: "this weekend", "next year", "this bank holiday", "in april". Asked with
# "will", it is a forecast no source has: "will the river be too high to hire boats out this
# weekend", "what wedding dress styles are going to be in next year", "will it be warm
# enough to glamp in the lakes in april" ("what's the weather usually like in paris in may"
# asks of the climate, and is looked up).
_TO_COME_RE = re.compile(
    # "this year's harvest", "this years crop": the time as a possessive
    r"\b(?:this|next)\s+(?:weekend|week|month|year|season|summer|winter|spring|autumn|"
    r"bank\s+holiday|easter|christmas|half[\s-]+term)(?:'s|s'|s)?\b"
    # "saturday morning", "friday night": a day to come, named without "on"
    rf"|\b(?:{_DAYS})\s+(?:morning|afternoon|evening|night|lunchtime)\b"
    # "better than last year", "busier than last season": this time, compared with the last
    r"|\bthan\s+(?:last|the\s+last|the\s+previous)\s+(?:year|season|time|month|week|"
    r"harvest|summer|winter|term)\b"
    r"|\b(?:tomorrow|tmrw|tonight)\b"
    rf"|\b(?:in|on|by|this|next)\s+(?:{_MONTHS}|{_DAYS})\b"
    # "after next harvest", "before the next election": a time named by what comes next
    r"|\b(?:after|before|by|until|till)\s+(?:the\s+)?next\s+[a-z]+",
    re.I,
)


def own_case(text: str) -> str | None:
    """Why ``text`` asks about the user's own case, which no source here can see, and how
    to ask instead; None if it does not.

    Args:
        text: The clause, asked without a research verb, with no numbers or material.
    """
    if _OWN_STATE_RE.search(text) or _OWN_WHY_RE.search(text) or _OWN_NEED_RE.search(text):
        return (
            "it asks about your own case (a thing, a pet, your health), which only someone "
            "who sees it can judge and no source here can. Ask for the facts of the world, "
            "e.g. 'research the signs to look for, and when to ask someone who can see it'"
        )
    if _RECENT_COUNT_RE.search(text):
        return (
            "it asks for a count from your own records, which only you have. Give the "
            "figures, e.g. '12 signed up in september and 9 in january: the total?'"
        )
    return None


def prediction(text: str) -> str | None:
    """Why ``text`` asks what is to come, which no source here can know, and how to ask
    instead; None if it does not.

    Args:
        text: The clause, asked without a research verb, with no numbers or material.
    """
    if (
        _OWN_FUTURE_RE.search(text)
        or _WINNER_RE.search(text)
        or _SALES_TO_COME_RE.search(text)
        or _BUSY_TO_COME_RE.search(text)
        or _DECISION_RE.search(text)
        or _GOING_TO_RE.search(text)
        or (_WILL_RE.search(text) and _TO_COME_RE.search(text))
    ):
        return (
            "it asks what is to come (a result, a forecast, how your own plans turn out), "
            "which no source here can know. Ask for the facts to judge by, e.g. 'research "
            "what it depends on' or the figures of past years"
        )
    return None


def opinion(text: str) -> str | None:
    """Why ``text`` asks what the assistant itself thinks, which no source here settles,
    and how to ask instead; None if it does not.

    Args:
        text: The clause, asked without a research verb, with no numbers or material.
    """
    if _OPINION_RE.search(text):
        return (
            "it asks for an opinion, which no source here settles. Ask for the facts or "
            "what is claimed, e.g. 'research what is said about it'"
        )
    return None

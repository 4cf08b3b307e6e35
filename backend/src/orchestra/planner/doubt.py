"""When the offline planner would be guessing: a clause of a shape it does not know.

The planner gives each clause the capability whose card its words match; a clause whose
words match no card well goes to a general capability (research, writing, analysis). That
is right for a question about the world ("why do cats purr") and a guess when the clause
brings what only the user has: a text of theirs, their numbers, their own affairs. Research
would look up the words of a message the user wants judged, writing would make a piece
nobody asked for, analysis would weigh numbers it was meant to add up, and the task would
come back completed with an answer to another question. A wrong answer reported as done is
worse than an honest refusal, so such a clause is not planned: the planner refuses the
request and says what it did not understand and how to ask (`doubt`).

A clause that names the general capability's work in its own words ("research ...",
"write a reply to this: '...'", "compare these") is no guess, whatever it brings.
"""

from __future__ import annotations

import re

from orchestra.planner.clauses import strip_request_prefix
from orchestra.planner.own_case import opinion, own_case, prediction

__all__ = [
    "DOCUMENTS",
    "MAKING_VERBS",
    "MESSAGES",
    "ONLY_FIGURE_NAMES_RE",
    "WHO_SAID_RE",
    "change_unapplied",
    "doubt",
    "nouns_re",
]

# Verbs that make a piece, or make one from a text given ("draft a reply to this: '...'").
MAKING_VERBS = (
    # "write offs", "written off": a loss booked, no piece written
    r"write(?![\s-]*offs?\b)|draft|compose|reply|respond|rewrite|rephrase|reword|redo|turn|make|create|"
    r"prepare|translate|proofread|edit|polish|improve|craft|generate|come\s+up|suggest|"
    r"expand|continue|finish|shorten|simplify|fix"
)

# The capabilities that work on a text or data given, and on numbers given.
_ON_TEXT = frozenset({"sentiment", "summarization", "keywords"})
_ON_NUMBERS = frozenset({"calculation", "statistics"})

# Words by which a clause asks for each general capability's own work (the capabilities a
# clause falls to when its words match no card well): a verb of the
# request ("reply to this", "can you compare them"), or a noun that names the work
# ("the history of", "pros and cons"). A verb elsewhere is no request: "my landlord's
# reply", "i weigh 71 kg".
_VERBS = {
    "research": r"research|investigate|find\s+out|look\s+(?:up|into)|explore|read\s+up|gather|"
    r"search|google|explain|describe|tell\s+(?:me|us)\s+about|learn\s+about|dig\s+into|"
    r"check",
    # "do me a poster", not "do i need glasses" (a question, `own_case`) nor "what are
    # prices going to do after the harvest" (what a thing does, `prediction`)
    # ("do u think she liked it" asks an opinion, `opinion`)
    "writing": MAKING_VERBS + r"|put\s+together|do(?!\s+(?:i|we|you|u|ya|ye|they|he|she|"
    r"after|before|next|now|then|over|when|if)\b)(?!\s*[?.!]*\s*$)",
    "analysis": r"analy[sz]e|compare|contrast|evaluate|assess|weigh\s+up|critique|interpret|"
    r"review",
}
_NOUNS = {
    "research": r"background|overview|history|origins?|meaning|means?|facts|sources?|"
    r"come\s+from|accurate|true|myth|fact-?check|worth\s+(?:it|the\s+money)",
    # "give me 5 ideas for a 3 x 4 m garden": pieces named by what they are.
    "writing": r"ideas|suggestions|slogans|taglines|captions",
    "analysis": r"analysis|comparison|pros\s+and\s+cons|versus|vs|strengths|weaknesses|risks|"
    r"swot|tradeoffs?",
}
# Research asked for in its own words: "research ...", "look up ..." (its verbs only).
_ASKS_RESEARCH_RE = re.compile(
    rf"(?:^\s*|\b(?:to|and|then|please|pls|me|you|us)\s+)(?:{_VERBS['research']})\b", re.I
)
_NAMES_WORK = {
    name: re.compile(
        rf"(?:^\s*|\b(?:to|and|then|please|pls|me|you|us)\s+)(?:{_VERBS[name]})\b"
        rf"|\b(?:{_NOUNS[name]})\b",
        re.I,
    )
    for name in _VERBS
}
# "who actually said '...'", "did marie antoinette really say '...'": who said a thing, a
# fact to look up (the planner sends it to research, whatever "wrote" sounds like).
WHO_SAID_RE = re.compile(
    r"\bwho\s+(?:\w+\s+)?(?:said|says|wrote|sang|coined)\b"
    # Someone named, not a text ("what does my contract say" asks what a text says).
    r"|\b(?:did|does)\s+(?!(?:my|our|your|the|this|that|it)\b)(?:\w+\s+){1,3}?"
    r"(?:really\s+|actually\s+|ever\s+)?(?:say|write)\b",
    re.I,
)

# A measure of what the user did or had, or a choice among their own things: "how many
# calories was the lunch i just had", "which of my shifts paid the most". Only the user
# knows them.
_OWN_MEASURE_RE = re.compile(
    r"\bhow\s+(?:much|many|long|far)\b.*\b(?:did|was|were|had|i've|we've|i\s+just)\b"
    r"|\bhow\s+(?:much|many|long|far)\b.*\b(?:has|have)\s+(?:we|i)\b"
    r"|\bwhich\s+of\s+(?:my|our)\b"
    # "which month did we spend the most on takeaways"
    r"|\bwhich\s+\w+\s+did\s+(?:i|we)\b",
    re.I,
)
# The same of someone or something close to the user, said without "my": "so how many days
# has he missed", "which stall made the most at the fete on saturday".
_CLOSE_MEASURE_RE = re.compile(
    r"\bhow\s+many\s+(?:days|lessons|classes|shifts|sessions|games|matches)\s+(?:has|have)\s+"
    r"(?:he|she|they)\s+(?:missed|had\s+off|been\s+off|been\s+absent|skipped)\b"
    r"|\bwhich\s+\w+(?:\s+\w+)?\s+(?:made|sold|earned|raised|took|scored)\s+(?:the\s+)?"
    r"(?:most|least|more|less)\b.*\b(?:at\s+the\s+(?:fete|fair|party|sale|market|meeting|match|"
    r"game|event|show|quiz)|on\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|"
    r"last\s+(?:night|week)|today|this\s+(?:morning|week))\b"
    # "how many days has it been broken now", "how long has she been off sick"
    r"|\bhow\s+(?:many\s+(?:days|weeks|months|hours|years)|long)\s+(?:has|have)\s+"
    r"(?:it|he|she|they)\s+been\s+(?:broken|off|down|out|ill|sick|away|gone|missing|closed|"
    r"leaking|faulty|not\s+working|playing\s+up)\b",
    re.I,
)
# How much of a material a space of the user's takes, with none of its measurements: "how
# many tins of paint for the hallway", "how much turf do i need for my lawn".
_MATERIAL_FOR_SPACE_RE = re.compile(
    r"\bhow\s+(?:many|much)\s+(?:[\w-]+\s+){0,3}?(?:(?:do|will|would|should)\s+(?:i|we)\s+"
    r"(?:need|want|buy|get)\s+)?(?:to\s+(?:do|cover|paint|tile|fill|carpet|turf)\s+|for\s+)"
    r"(?:the|my|our)\s+(?:[\w-]+\s+)?(?:hall|hallway|landing|stairs|room|bedroom|kitchen|"
    r"bathroom|lounge|living\s+room|dining\s+room|garden|lawn|fence|wall|walls|floor|ceiling|"
    r"shed|deck|decking|patio|path|drive|driveway|loft|garage|house|flat|pond|roof)\b(?!.*\d)",
    re.I,
)
# A figure asked with a verb of working out and none of its numbers: "work out the vat on
# the quote", "calculate my tax".
_WORKS_OUT_NOTHING_RE = re.compile(
    r"^\s*(?:please\s+)?(?:work\s+out|calculate|compute|figure\s+out)\s+(?:the|my|our)\s+"
    # "work out the catering cost for the party": the figure may be named with a word or two
    r"(?:[\w-]+\s+){0,2}?(?:vat|tax|total|cost|price|interest|tip|percentage|average|mean|sum|difference|profit|"
    r"margin|discount|change|balance|bill|mileage|overtime|pay|wage|salary)\b(?!.*\d)",
    re.I,
)
# Arithmetic asked on a price the request never gives: "what's half price on the jacket",
# "how much is double the cost of the tickets", "what's a third off the sofa". (With the
# price given, the clause has numbers and is the calculator's; "why do shops sell at half
# price" asks for no figure.)
_PRICE_ARITHMETIC_RE = re.compile(
    r"^\s*(?:what(?:'s|s|\s+is|\s+would\s+be|\s+will\s+be)|how\s+much)\b.*?"
    r"(?:\b(?:half|double|twice|triple|treble)[\s-]+(?:the\s+)?(?:price|cost|fare|bill|amount)\b"
    r"|\b(?:half|a\s+third|a\s+quarter)\s+off\b"
    r"|\b(?:percent|per\s+cent)\s+off\b)",
    re.I,
)
# A measure of a serving of something, which depends on the thing: "how many grams is a cup
# of rice", "how many ml in a glass of wine".
_SERVING_RE = re.compile(
    r"\bhow\s+many\s+(?:grams?|g|kg|kilos?|ml|millilitres?|milliliters?|litres?|liters?|"
    r"ounces?|oz|pounds?|lbs?)\s+(?:is|are|in|does|do|would)\s+(?:there\s+in\s+)?(?:a|an|one)\s+"
    r"(?:cup|glass|spoon|tablespoon|teaspoon|tbsp|tsp|mug|bowl|handful|slice|pinch|scoop|"
    r"portion|serving|splash|shot|measure)\s+of\b",
    re.I,
)
# A figure of the user's own affairs asked with none of its figures: "what does my commute
# cost me a year", "what do i need to get on the final to pass the module".
_OWN_FIGURE_RE = re.compile(
    r"\bwhat\s+(?:does|do|did|will|would)\s+(?:my|our)\s+(?:[\w'-]+\s+){1,3}?cost\s+(?:me|us)\b"
    r"|\b(?:what|how\s+much)\s+(?:do|will|would|should)\s+(?:i|we)\s+need\s+to\s+"
    r"(?:get|score)\s+(?:on|in)\s+(?:the|my|our)\b"
    r"|\bto\s+pass\s+(?:the|my|this)\s+(?:module|course|class|unit|year|exam|paper)\b"
    r"|\bhow\s+much\s+(?:do|will|would)\s+(?:i|we)\s+(?:owe|get\s+back)\b"
    # "what will the petrol cost to get to my mum's"
    r"|\bcost\s+(?:me\s+|us\s+)?to\s+(?:get|go|drive|travel)\s+to\s+(?:my|our)\b"
    # "how much stamp duty will i pay on a 400k house", "how much should i be putting away"
    r"|\bhow\s+(?:much|many)\b.*\b(?:will|should|would|do|must)\s+(?:i|we)\s+(?:be\s+)?"
    r"(?:pay|paying|put(?:ting)?\s+away|sav(?:e|ing)|owe|spend(?:ing)?|budget(?:ing)?)\b"
    # "our fixed rate ends next month, what will the new monthly payment be"
    r"|\bwhat\s+will\s+(?:the|my|our)\s+(?:new\s+)?(?:\w+\s+)?(?:payments?|repayments?|"
    r"bill|rent|premium|instalments?)\s+be\b"
    # "how many miles until the car's next service", "how long till my next payday"
    r"|\bhow\s+(?:many\s+\w+|much|long)\s+(?:until|till|til|before)\s+(?:the|my|our)\s+"
    r"(?:[\w'-]+\s+)?next\b"
    # "is it cheaper to drive or get the train to leeds": costs compared, none given
    r"|\b(?:is|would)\s+it\s+(?:be\s+)?(?:cheaper|dearer|quicker|faster)\s+to\b(?!.*\d)",
    re.I,
)
# A price in the future: "what will petrol cost next month", "how much will rent be next
# year". No source here can know it.
_FUTURE_PRICE_RE = re.compile(
    r"\b(?:what|how\s+much)\s+will\b.*\b(?:cost|be|go\s+up|go\s+down)\b.*\bnext\s+"
    r"(?:week|month|year|spring|summer|autumn|winter)\b",
    re.I,
)
# What a thing of the user's needs, with none of its figures: "knitting a jumper for my dad,
# how many balls of wool do i need", "how many tiles will we need for the bathroom".
_NEED_WITHOUT_FIGURES_RE = re.compile(
    r"\bhow\s+(?:many|much)\s+(?:[\w'-]+\s+){0,4}?(?:do|will|would|shall)\s+(?:i|we)\s+"
    r"(?:need|have\s+to\s+(?:buy|get))\b(?!.*\d)",
    re.I,
)
# A fare or price at a time to come, which only a live search could give: "how much would it
# cost to fly to lisbon next friday".
_FARE_RE = re.compile(
    r"\bhow\s+much\s+(?:would|will|does|is)\s+(?:it\s+)?(?:cost|be)\s+(?:me\s+|us\s+)?"
    r"to\s+(?:fly|get|go|travel|take|stay|hire|book)\b(?!.*\d)"
    # "how much is a taxi from the station to mine"
    r"|\bhow\s+much\s+(?:is|are|would\s+be|will\s+be)\s+(?:a|an|the)\s+(?:taxi|cab|uber|train|bus|"
    r"coach|flight|ferry|ticket|tickets)\s+(?:from|to|into|back)\b(?!.*\d)",
    re.I,
)
# What the user should ask for a thing of theirs, or how far their own vehicle goes, with
# none of the figures: "how much should i ask for it", "fuel gauge is on a quarter, how far
# can i get".
_OWN_THING_RE = re.compile(
    r"\bhow\s+much\s+(?:should|could|can|do)\s+(?:i|we)\s+(?:ask|charge|sell\s+\w+|get|want)\s+"
    r"for\b(?!.*\d)"
    r"|\bhow\s+(?:far|many\s+(?:miles|km|kilometres|kilometers))\s+(?:can|could|will|would)\s+"
    r"(?:i|we)\s+(?:get|go|drive|do|make\s+it)\b(?!.*\d)",
    re.I,
)
# How long a text takes to read or say, with no text and no word count: "how long will it
# take to read out" (the speech asked for before, which no step here has written).
_READING_TIME_RE = re.compile(
    r"\bhow\s+(?:long|many\s+(?:minutes|mins|seconds|secs|hours))\b.*\b(?:read|say|deliver|present|recite)(?:\s+(?:out|aloud|it|this|that))?"
    # "... read out at the dinner", "... say at the wedding"
    r"(?:\s+(?:at|in|during|on|for)\s+(?:the|my|our)\s+[\w'-]+)?\s*[?.!]*\s*$(?<!\d)",
    re.I,
)
# How someone the user knows came across, with nothing of what they said: "did my boss
# sound annoyed in the meeting this morning", "did they sound apologetic in their reply".
_SOMEONE = (
    r"(?:(?:my|our|the)\s+(?:[\w'-]+\s+){1,2}?|(?:they|he|she|people|customers|everyone|"
    r"everybody)\s+)"
)
_FELT = (
    r"(?:annoyed|angry|upset|happy|pleased|cross|mad|sad|keen|interested|rude|off|friendly|"
    r"apologetic|sorry|sincere|genuine|polite|sarcastic|defensive|hostile|dismissive)\b"
)
_CAME_ACROSS_RE = re.compile(
    rf"\b(?:did|does|do|was|were|is)\s+{_SOMEONE}(?:sound|seem|come\s+across|look)\s+(?:\w+\s+)?"
    rf"{_FELT}"
    # "was he annoyed when he replied", "is she happy with the quote"
    rf"|\b(?:was|were|is|are)\s+{_SOMEONE}(?:\w+\s+)?{_FELT}"
    # "does the customer sound like theyll come back"
    rf"|\b(?:did|does|do)\s+{_SOMEONE}(?:sound|seem)\s+like\b"
    # "how did the team take the announcement yesterday"
    r"|\bhow\s+did\s+(?:the|my|our)\s+(?:[\w'-]+\s+){1,2}?(?:take|react\s+to|receive|"
    r"feel\s+about)\b"
    # "how did they react", "how did everyone take it"
    r"|\bhow\s+did\s+(?:they|he|she|people|everyone|everybody|the\s+others)\s+(?:react|"
    r"respond|take\s+(?:it|that|this|the\s+news))\b"
    # "did the hirers take it well", "did my mum take the news badly"
    r"|\b(?:did|do|will|would)\s+(?:the\s+|my\s+|our\s+)?[\w'-]+\s+take\s+(?:it|that|this|"
    r"the\s+(?:news|notice|message|email|letter))\s+(?:well|badly|ok|okay|alright|all\s+right|"
    r"hard|personally|the\s+wrong\s+way)\b"
    # How a piece of the user's was received: "did people respond well to it", "have the
    # customers reacted badly to our post", "did it go down well", "was it well received"
    # ("did the public react well to the poll tax" asks of history, and is looked up).
    r"|\b(?:did|do|have|has)\s+(?:the\s+|my\s+|our\s+)?[\w'-]+\s+(?:respond(?:ed)?|"
    r"react(?:ed)?|take\s+to|taken\s+to)\s+(?:well|badly|positively|negatively|warmly|"
    r"favou?rably|kindly|ok|okay)\b(?:\s+to\s+(?:it|that|this|them|my|our)\b|\s*[?.!]*\s*$)"
    r"|\b(?:did|has|have)\s+(?:it|that|this|they|the\s+[\w'-]+|my\s+[\w'-]+|our\s+[\w'-]+)\s+"
    r"(?:go|gone|land|landed)\s+(?:down\s+)?(?:well|badly|ok|okay|alright)\b"
    r"|\b(?:was|were)\s+(?:it|that|this|they)\s+(?:well|badly|warmly)\s+received\b"
    # Whether people liked a piece or an event of the user's: "did people like it", "did
    # the kids enjoy our show". Only what they said would show it ("did people like the
    # poll tax" asks of history, and is looked up).
    r"|\b(?:did|have|has)\s+(?:the\s+|my\s+|our\s+)?[\w'-]+\s+(?:(?:really|actually)\s+)?"
    r"(?:like|liked|love|loved|enjoy|enjoyed|hate|hated|dislike|disliked|rate|rated)\s+"
    r"(?:(?:it|that|this|them)\s*[?.!]*\s*$|(?:my|our)\b)",
    re.I,
)
# A question of what is to come, by its first word: "will ...", "is ... going to".
_ASKS_TO_COME_RE = re.compile(r"^\W*(?:will|would|is|are|who|what|how)\b", re.I)
_CAME_ACROSS = (
    "it asks how someone came across, which only their words would show. Quote what they "
    "said or wrote ('...') and ask for its tone"
)
# The kinds of message people send each other, whose tone can be judged.
_MESSAGE_WORDS = """email e-mail message text reply response answer note letter review comment
    post tweet voicemail dm"""
MESSAGES = _MESSAGE_WORDS.split()
# The texts a person may have: their messages, and documents.
_DOCUMENT_WORDS = """report article essay blog memo newsletter announcement notice caption bio
    card contract feedback cv resume document lease invoice statement transcript minutes draft
    speech story poem agreement policy handbook"""
DOCUMENTS = MESSAGES + _DOCUMENT_WORDS.split()


def nouns_re(nouns: list[str]) -> str:
    """An alternation of ``nouns``, each also in its plural ("reply", "replies")."""

    def forms(noun: str) -> str:
        if noun.endswith("y") and noun[-2:] not in ("ey", "ay", "oy"):
            return re.escape(noun[:-1]) + "(?:y|ies)"
        if noun.endswith(("ch", "sh", "x", "s")):
            return re.escape(noun) + "(?:es)?"
        return re.escape(noun) + "s?"

    return "(?:" + "|".join(forms(n) for n in nouns) + ")"


# A text of the user's named and not given: "my landlord's reply", "the email my son's
# teacher sent", "the contract the estate agent emailed me".
_DOCUMENT = nouns_re(DOCUMENTS)
_NAMED_TEXT_RE = re.compile(
    rf"\b(?:my|our)\s+(?:[\w-]+(?:'s|s')\s+)?(?:[\w-]+\s+)?{_DOCUMENT}\b"
    rf"|\bthe\s+(?:[\w-]+\s+)?{_DOCUMENT}\s+(?:that\s+|which\s+)?(?:[\w'-]+\s+){{1,3}}?"
    r"(?:just\s+)?(?:sent|emailed|wrote|posted|forwarded|texted|left|gave|shared)\b",
    re.I,
)
# A reading of where the user is, now: "the temperature outside right now".
_HERE_RE = re.compile(
    r"\b(?:outside|out\s+there|here|near\s+me|where\s+i\s+am|in\s+my\s+(?:area|town|street))\b",
    re.I,
)
_NOW_RE = re.compile(r"\b(?:right\s+now|now|currently|at\s+the\s+moment|today|tonight)\b", re.I)
# A live reading asked for, of any place: "what's the temperature in edinburgh right now",
# "how cold is it in oslo at the moment". No agent here has current readings, wherever
# they are of ("why is edinburgh colder than london" asks for no reading).
_READING_ASKED_RE = re.compile(
    r"\bwhat(?:'s|s|\s+is|\s+are)\s+(?:the\s+)?(?:current\s+)?(?:temperature|temp|weather|"
    r"humidity|wind\s+speed|exchange\s+rate|(?:share\s+|stock\s+)?price)\b"
    r"|\bhow\s+(?:hot|cold|warm|windy|wet|humid)\s+is\s+it\b",
    re.I,
)
# The weather where the user is, soon, with no place named: "will it rain enough tomorrow
# that i can skip watering the veg beds" ("will it rain in leeds tomorrow" names one, and
# asks for a forecast, `_FORECAST_ASKED_RE`).
_WEATHER_RE = re.compile(
    r"\b(?:rain|raining|snow|snowing|frost|frosty|sunny|windy|storms?|weather|forecast|"
    r"thunder|hail|drizzle|gusts?|gusty|breezy|heatwave|fog|foggy)\b"
    # "the wind", "strong winds", "wind speed" (not "wind down", "wind up the meeting")
    r"|\b(?:the|any|much|strong|high|light|a)\s+winds?\b(?!\s+(?:up|down|back|on|in|off)\b)"
    r"|\bwind\s+(?:speeds?|directions?|chill)\b",
    re.I,
)
_SOON_RE = re.compile(
    # "tmrw", "2moro": tomorrow, short
    r"\b(?:tomorrow|tmrw|tmr|tmoz|2moro|today|tonight|later|this\s+(?:weekend|afternoon|evening|morning|week)|"
    r"over\s+the\s+weekend|(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day|"
    r"next\s+(?:weekend|week|few\s+days)|"
    # "will my tomatoes ripen before the first frost this year"
    r"this\s+(?:year|month|season|spring|summer|autumn|fall|winter))\b",
    re.I,
)
_PLACE_NAMED_RE = re.compile(
    r"\b(?:in|at|for|near|over|around)\s+(?!(?:the|a|an|my|our|this|that|these|those|it|"
    r"tomorrow|today|tonight|time|case|order|future|morning|afternoon|evening|weekend)\b)"
    r"[a-z]",
    re.I,
)
# A place named with "the": "in the peak district", "over the yorkshire dales".
_PLACE_WITH_THE_RE = re.compile(
    r"\b(?:in|at|for|near|over|around)\s+the\s+(?:[a-z]+\s+){1,2}?(?:district|lakes|dales|"
    r"highlands|moors?|hills|valley|mountains|forest|coast|peninsula|islands?|alps|national\s+"
    r"park)\b",
    re.I,
)
_ADVICE_RE = re.compile(r"\b(?:should|ought|recommended|advisable|safe)\b", re.I)
_FIRST_PERSON_RE = re.compile(r"\b(?:i|i'm|i've|my|me|we|our|us)\b", re.I)

# A forecast asked, of any place: "will it rain at our camp in the peak district next
# weekend", "is it going to be windy in whitby tomorrow", "what's the forecast for york on
# saturday". No source here has forecasts, wherever they are of.
_FORECAST_ASKED_RE = re.compile(
    r"\b(?:will|is|it's|its)\s+(?:it|there)?\s*(?:be\s+|going\s+to\s+(?:be\s+)?|gonna\s+"
    r"(?:be\s+)?)?(?:any\s+)?(?:rain|raining|snow|snowing|frost|frosty|sunny|windy|storms?|"
    r"stormy|thunder|hail|drizzle|dry|wet)\b"
    # How warm or cold it is, or is judged to be: "is it too hot to walk the dogs today",
    # "will it be cold enough for ice on the pond tonight". Asked of a day, it turns on
    # that day's reading ("is it too hot to walk dogs" alone asks no reading).
    r"|\b(?:will|is|it's|its)\s+it\s+(?:be\s+|going\s+to\s+be\s+|gonna\s+be\s+)?"
    r"(?:too\s+|very\s+|really\s+|so\s+|warm\s+or\s+|hot\s+or\s+)?(?:hot|cold|warm|chilly|"
    r"freezing|icy|humid|muggy|foggy|misty|cloudy|breezy|gusty|mild)\b"
    r"|\bwhat(?:'s|s|\s+is|\s+will)\s+the\s+(?:weather|forecast)\b"
    # "whats the wind going to be like on saturday", "what will the temperature be tomorrow"
    r"|\bwhat(?:'s|s|\s+is|\s+will)\s+the\s+(?:wind|winds|temperature|temp|humidity|"
    r"visibility|swell|surf)\s+(?:going\s+to\s+be|gonna\s+be|be|like|doing)\b",
    re.I,
)
# Where a thing of the user's is, or when it comes: "where is my parcel right now", "when
# will my refund arrive". Only its tracking or its sender knows; no source here does
# ("where is my nearest post office" asks of a place, and "where is my liver" of a body).
_TRACKED = (
    r"(?:parcel|package|order|delivery|shipment|refund|post|letter|card|passport|luggage|"
    r"suitcase|bag|taxi|cab|uber|driver|courier|food|takeaway)s?"
)
_TRACKING_RE = re.compile(
    rf"\bwhere(?:'s|s|\s+is|\s+are)\s+(?:my|our)\s+(?!(?:nearest|closest|local)\b)"
    rf"(?:[\w'-]+\s+){{0,2}}?{_TRACKED}\b"
    rf"|\bwhen\s+(?:will|is|does|do|should)\s+(?:my|our)\s+(?:[\w'-]+\s+){{0,2}}?{_TRACKED}\s+"
    r"(?:arrive|come|get\s+here|turn\s+up|be\s+(?:delivered|here|back|ready|paid)|land|"
    r"due|coming|arriving)\b"
    rf"|\b(?:has|have|did)\s+(?:my|our)\s+(?:[\w'-]+\s+){{0,2}}?{_TRACKED}\s+(?:been\s+)?"
    r"(?:arrived?|come|shipped|sent|posted|dispatched|delivered|left|gone\s+out)\b",
    re.I,
)
# Whether a medicine may be taken by the user, with another or with a condition of theirs:
# "is it ok to take ibuprofen with my blood pressure tablets", "can i have a drink on these
# antibiotics". Only a pharmacist or a doctor who knows their case can say.
_MEDICINES = (
    r"(?:tablets?|pills?|medication|medications|medicines?|meds|prescriptions?|antibiotics|"
    r"painkillers?|inhalers?|injections?|jabs?|vaccines?|supplements?|ibuprofen|paracetamol|"
    r"aspirin|codeine|antihistamines?|statins?|the\s+pill)"
)
_MEDICAL_ADVICE_RE = re.compile(
    r"\b(?:is\s+it\s+(?:ok|okay|safe|fine|alright|all\s+right|bad|dangerous)\s+(?:for\s+(?:me|us|"
    r"him|her|my\s+\w+)\s+)?to|can\s+(?:i|we|he|she|my\s+\w+)|should\s+(?:i|we)|"
    r"(?:am\s+i|are\s+we)\s+(?:ok|okay|allowed|safe)\s+to)\s+(?:still\s+)?"
    r"(?:take|have|mix|combine|drink|use|give|start|stop|double\s+up)\b"
    rf"(?=.*\b{_MEDICINES}\b)(?=.*\b(?:with|on|while|alongside|and|after|before|together|"
    r"if|when)\b)",
    re.I,
)
# A change by a rate the request names but does not give: "rent is going up by the cpi
# figure, whats the new rent", "my salary rises in line with inflation, what will it be".
_UNGIVEN_RATE_RE = re.compile(
    r"\b(?:go(?:es|ing)?\s+up|went\s+up|go(?:es|ing)?\s+down|ris(?:e|es|ing)|rose|"
    r"increas(?:e|es|ed|ing)|rais(?:e|es|ed|ing)|index(?:ed|-linked)?|linked|pegged|tracks?|"
    r"track(?:ing|ed)|goes|going|moves?|moving)\s+(?:up\s+)?(?:by|in\s+line\s+with|with|to\s+match|"
    r"at)\s+(?:the\s+)?(?:(?:latest|current|new|annual|this\s+year's|last\s+year's|official)\s+)?"
    r"(?:cpi|rpi|cpih|inflation|base\s+rate|bank\s+rate|going\s+rate|living\s+wage|"
    r"minimum\s+wage)\b(?!.*\d)",
    re.I,
)
# A figure asked: "how much will the vet charge", "whats a fair price to charge", "whats the
# density of the rock", "work out the club's surplus".
_FIGURE_ASKED_RE = re.compile(
    r"\bhow\s+(?:much|many)\b"
    r"|\bwhat(?:'s|s|\s+is|\s+are|\s+will\s+be|\s+would\s+be)\s+(?:a|an|the|my|our)?\s*"
    r"(?:[\w'-]+\s+){0,2}?(?:price|prices|rate|rates|cost|costs|charge|fee|fees|density|"
    r"surplus|profit|deficit|loss|total|balance|bill|budget|salary|wage|amount|value|worth|"
    r"weight|mass|volume|area|speed|score|headcount)\b"
    r"|\b(?:work\s+out|calculate|figure\s+out)\s+(?:the|my|our)\b"
    # "when will i hit my target", "when will we have paid it off"
    r"|\bwhen\s+will\s+(?:i|we)\s+(?:hit|reach|get\s+to|have|be|pay|afford|break\s+even)\b"
    # "when will my mortgage be paid off if i start overpaying"
    r"|\bwhen\s+will\s+(?:my|our)\s+(?:[\w'-]+\s+){1,2}?(?:be|get)\s+(?:paid|cleared|done|"
    r"finished|ready)\b"
    # "what will the plumber charge"
    r"|\bwhat\s+(?:will|would|does|do|did)\s+(?:the|a|an|my|our)\s+(?:[\w'-]+\s+){1,2}?"
    r"(?:charge|cost|ask|want)\b"
    # "what day rate should i charge", "what mpg am i getting", "what grade will i get"
    r"|\bwhat\s+(?:[\w'-]+\s+){1,2}?(?:should|will|would|can|could|do|am|are)\s+(?:i|we)\s+"
    r"(?:charge|ask|get|getting|earn|earning|make|making|average|averaging|pay|paying)\b",
    re.I,
)
# Things as they are at this moment: "which bank has the best savings rate right now",
# "whats petrol at the tesco round the corner today", "when's the next train to leeds". No
# source here has live prices, rankings or timetables, and research would find nothing.
_LIVE_NOW_RE = re.compile(
    r"\b(?:right\s+now|currently|at\s+the\s+moment|today|tonight|this\s+(?:week|morning|season))\b"
    # "these days", "nowadays", "this autumn": the present, said more loosely
    r"|\b(?:these\s+days|nowadays|at\s+present|this\s+(?:month|year|spring|summer|autumn|fall|"
    r"winter))\b"
    # "who's the best striker in the league": a standing of this season
    r"|\b(?:in|of|on)\s+the\s+(?:league|table|charts?|standings|premiership|premier\s+league)\b"
    r"|\bnow\s*[?.!]*\s*$"
    # "how much are locksmiths charging for a lockout rn": "right now", "at the moment", short
    r"|\b(?:rn|atm)\s*[?.!]*\s*$",
    re.I,
)
_LIVE_ASKED_RE = re.compile(
    # "the best way to learn python today" asks for advice, not a ranking.
    r"\b(?:cheapest|dearest|best|worst|highest|lowest|fastest|quickest|top|bottom|"
    r"most\s+expensive)\b"
    r"(?!\s+(?:ways?|time|times|practice|approach|method|thing|things|advice)\b)"
    r"|\b(?:price|prices|rate|rates|tariff|tariffs|fare|fares|petrol|diesel|unleaded|fuel|"
    r"gold|bitcoin|shares?|stocks?|odds|queue|traffic|delays?)\b"
    # "whats a jar of honey going for in tesco right now", "is the path up snowdon open today"
    r"|\b(?:going|selling)\s+for\b|\b(?:open|closed|shut|running|delayed|cancelled)\b"
    # "what does a boiler service go for these days", "what do plumbers charge nowadays"
    r"|\b(?:go|goes|sell|sells|fetch|fetches)\s+for\b|\b(?:cost|costs|charge|charges|charging)\b"
    # "the most popular nail colour this autumn", "whats trending this summer": what is in
    # fashion, which changes with the season
    r"|\b(?:most\s+popular|trending|trendy|in\s+fashion|fashionable|in\s+style|on[\s-]+trend|"
    r"in\s+vogue|all\s+the\s+rage)\b"
    # "how much is surge pricing in leeds tonight", "how long is the waiting list for a
    # dentist at the moment", "are the tickets sold out now", "how busy is the tip today"
    r"|\b(?:pricing|surge|availability|sold\s+out|how\s+busy)\b"
    r"|\b(?:waiting\s+lists?|wait(?:ing)?\s+times?|the\s+wait)\b"
    # "who's winning the tour de france at the moment": a race or a contest as it stands
    r"|\bwho(?:'s|s|\s+is|\s+are)\s+(?:winning|leading|ahead|top|in\s+the\s+lead)\b",
    re.I,
)
_NEXT_DEPARTURE_RE = re.compile(
    r"\b(?:when(?:'s|s|\s+is|\s+does)?|what\s+time\s+is)\s+(?:the\s+)?next\s+(?:train|bus|tram|"
    r"flight|ferry|coach|boat|departure|service)\b",
    re.I,
)
# Whose the figure is: the user's ("my", "we"), a thing of theirs said with its owner ("the
# dog's knee op", "the club's surplus"), where they are ("round here"), or an event of
# theirs ("coming to the party").
_OWNED_RE = re.compile(
    r"\b(?:i|i'm|i've|i'd|my|we|we're|we've|our|us)\b"
    r"|\b(?:the|this|that)\s+[\w-]+'s\b"
    r"|\b(?:round|around|near)\s+(?:here|me|us)\b|\blocally\b|\bin\s+my\s+area\b"
    r"|\b(?:coming|going|invited|turning\s+up)\s+to\s+(?:the|my|our)\b"
    # "how many hours is sarah down for on the rota next week": a schedule of theirs
    r"|\bon\s+the\s+(?:rota|roster|schedule)\b",
    re.I,
)
# What sources say of a body's needs, first person or not: "how much water should I drink
# each day", "how much sleep do we need".
_BODY_ADVICE_RE = re.compile(
    r"\b(?:drink|eat|sleep|exercise|walk|rest|stretch|weigh|need\s+to\s+sleep)\b.*"
    r"\b(?:a|each|every|per)\s+(?:day|night|week)\b"
    r"|\bhow\s+(?:much|many\s+(?:hours|minutes|glasses|cups|grams|calories|steps)\s+of)\s+"
    r"(?:sleep|water|exercise|protein|fibre|fiber|salt|sugar|caffeine)\b"
    r"|\bhow\s+many\s+(?:calories|steps)\b",
    re.I,
)
# A choice of the user's own with none of the figures that decide it: "should i get the
# railcard or not", "should we book the hotel or the airbnb".
_OWN_CHOICE_RE = re.compile(
    r"\bshould\s+(?:i|we)\s+(?:(?:get|buy|take|book|choose|go\s+for|pick|renew|switch|"
    r"sign\s+up|keep|sell|rent|lease)\b|"
    # "should i overpay my mortgage or put the money in savings": a thing of theirs
    r"(?:[a-z]+\s+){1,2}(?:my|our)\b).*\bor\b(?!.*\d)",
    re.I,
)
# Which of two things is better, with none of the figures that decide it: "whats better, a
# heat pump or a new gas boiler". It turns on costs and needs only the user has.
_BETTER_OF_TWO_RE = re.compile(
    r"\b(?:what(?:'s|s|\s+is|\s+would\s+be)|which(?:'s|s|\s+is|\s+would\s+be)?)\s+"
    # things had or bought, said with an article ("python or javascript" is no purchase)
    r"(?:the\s+)?(?:better|best|cheaper|the\s+better)\b.*\bor\s+(?:a|an|the|my|our)\s+(?!.*\d)",
    re.I,
)
# A judgement of the user's own affairs: "is it fair that i pay more of the rent than my
# boyfriend". It turns on what only they know, and on values no source settles.
_JUDGED_OWN_RE = re.compile(
    r"\bis\s+it\s+(?:fair|right|reasonable|normal|ok|okay|unfair)\s+(?:that|for|to)\s+"
    r"(?:i|we|me|us|my|our)\b(?!.*\d)",
    re.I,
)
# A recommendation: "whats the best yeast for a neipa". Taste and needs decide it.
_BEST_FOR_RE = re.compile(
    r"\bwhat(?:'s|s|\s+is|\s+are)\s+the\s+best\s+(?!(?:ways?|time|times|practice|approach|"
    r"method|thing|things|advice)\b)[a-z]+\s+for\b(?!.*\d)",
    re.I,
)
# Whether a thing pays in the user's own case: "will solar panels be worth it on my house",
# "is a heat pump worth the money for us". It turns on their figures (bills, use, prices),
# which only they have; "is the japan rail pass still worth it for a 10 day trip" is nobody's
# own and is looked up.
_WORTH = r"worth\s+(?:it|the\s+(?:money|cost|price|investment|outlay|extra))\b"
_OWN_WORTH_RE = re.compile(
    rf"\b{_WORTH}.*\b(?:my|our|me|us|i|we)\b"
    rf"|\b(?:my|our|i|we)\b.*\b{_WORTH}"
    # "is it worth me working new years eve", "is it worth our while opening on sundays"
    r"|\bworth\s+(?:me|us)\s+[\w'-]+ing\b|\bworth\s+(?:my|our)\s+while\b",
    re.I,
)
# Which of many things are worth the user's while: "which festivals are worth doing this
# summer", "what films are worth seeing". A recommendation: taste and needs decide it.
_WORTH_WHICH_RE = re.compile(
    r"\b(?:which|what)\s+(?:[\w'-]+\s+){1,3}?(?:are|is)\s+(?:(?:really|actually|most|"
    r"even|still)\s+)?worth\s+(?:it\b|the\s+(?:money|trip|effort)\b|[a-z]+ing\b)",
    re.I,
)
# A choice of taste: "what font would look best on my bakery sign", "which colour would go
# best with our grey sofa". Taste decides it, not a source.
_TASTE_RE = re.compile(
    r"\b(?:what|which)\s+(?:[\w'-]+\s+){1,3}?(?:would|will|does|do|might|could)\s+"
    r"(?:look|work|go|suit|sound|fit|read)\s+(?:the\s+)?(?:best|better|nicest|good|nice|right)\b",
    re.I,
)
# What buyers would pay for a thing described, with no price of it: "what would an etsy buyer
# pay for a handmade leather journal", "how much would a collector pay for a signed first
# edition". A market of the moment and the thing itself decide it; no source here has them.
_BUYER_PAYS_RE = re.compile(
    r"\b(?:what|how\s+much)\s+(?:would|will|could|might|do|does)\s+(?:a|an|the|people|someone|"
    r"buyers|customers|collectors|dealers)\b(?:\s+[\w'-]+){0,3}?\s+(?:pay|give|spend|offer)\s+"
    r"(?:me\s+|us\s+)?for\b(?!.*\d)",
    re.I,
)
_RECOMMENDATION = (
    "it asks for a recommendation, which turns on taste and needs, and no source here "
    "settles it. Ask for facts to compare, e.g. 'research the yeasts used for NEIPA and how "
    "they differ'"
)
# A change to the earlier figures said in words, with no figure: "what if im not vat
# registered", "and if we go on a weekday".
_WHAT_IF_IN_WORDS_RE = re.compile(
    r"^\s*(?:so\s+|and\s+|but\s+)?(?:what|and)\s+if\s+(?:i|we|i'm|im|we're|it|it's|they|"
    r"he|she|my|our)\b(?!.*\d)",
    re.I,
)
# A market's or a price's course to come: "is the dollar going to get stronger before our
# trip", "will house prices go down this year". No source here can know it.
_FORECAST_RE = re.compile(
    r"\b(?:is|are|will)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+(?:going\s+to\s+|gonna\s+)?"
    r"(?:get|go|be|become|rise|fall|drop|climb)\s+(?:any\s+)?(?:stronger|weaker|cheaper|dearer|"
    r"higher|lower|up|down|more\s+expensive)\b",
    re.I,
)


# A clause that only names figures: "price with markup and price with vat", "postage and
# total". Which arithmetic gives them is not said, and no general capability computes.
ONLY_FIGURE_NAMES_RE = re.compile(
    r"^\W*(?:(?:the|a|and|with|after|before|plus|incl|including|price|prices|cost|costs|"
    r"total|totals|amount|vat|tax|markup|mark-up|fee|fees|profit|net|gross|margin|discount|"
    r"postage|deposit|balance|each|per|item|unit)\b\W*)+$",
    re.I,
)


def doubt(
    text: str,
    capability: str,
    material: tuple[str, ...],
    numbers: bool,
    numbers_stated: bool,
    offered: frozenset[str],
) -> str | None:
    """Why planning ``text`` on ``capability`` would be a guess, and how to ask instead;
    None if it would not be one.

    Args:
        text: The clause, its material behind placeholders.
        capability: The capability chosen for it.
        material: The placeholders of the user's text or data the clause works on.
        numbers: Whether the clause gives numbers of its own (quantities, not years).
        numbers_stated: Whether the request states numbers apart from its asks.
        offered: The capabilities registered: the guess is a guess only where another
            agent could do the work (with nothing but research registered, research is
            the only one to ask, whatever the request).
    """
    asked = strip_request_prefix(text)
    if capability in _ON_TEXT and not material and _CAME_ACROSS_RE.search(text):
        # "was my boss upset in the meeting": the words are a question about someone, not a
        # text of theirs; judged as a text, the question's own "upset" would be the answer.
        return _CAME_ACROSS
    if capability in _ON_TEXT and not material and not numbers and not _NAMED_TEXT_RE.search(text):
        # "are these boots ok for my flat feet": a question of the user's own case, no text
        # of theirs ("is my dad's text passive aggressive" names one); judged as a text, the
        # question's own "ok" would be the answer.
        # "will the council let us keep the shed": what is to come, asked as a question, no
        # text to judge either ("summarize: our office will switch ... in may" gives one).
        reason = own_case(asked) or (prediction(asked) if _ASKS_TO_COME_RE.match(asked) else None)
        if reason:
            return reason
    if (
        capability in _NAMES_WORK
        and not numbers
        and not material
        # "analyse whether solar is worth it on my house", "research which festivals are
        # worth it": the work named is asked for
        and not _NAMES_WORK["analysis"].search(asked)
        and not _ASKS_RESEARCH_RE.search(asked)
        # "write a post on whether solar is worth it for our street": a piece asked for
        and not (capability == "writing" and _NAMES_WORK["writing"].search(asked))
    ):
        if _WORTH_WHICH_RE.search(asked):
            return _RECOMMENDATION
        if _OWN_WORTH_RE.search(asked):
            return (
                "it asks whether a thing pays in your own case, which turns on figures only "
                "you have (costs, savings, use). Give them, e.g. 'panels cost 6,500 and save "
                "540 a year: how many years to pay back?'"
            )
    if (
        capability not in _NAMES_WORK
        or any(n.search(asked) for n in _NAMES_WORK.values())
        or WHO_SAID_RE.search(asked)
    ):
        # "analyse the pros and cons of ...", planned as research: which general capability
        # does the work is a choice among them, not a guess at what is asked.
        return None
    if ONLY_FIGURE_NAMES_RE.match(asked) and offered & _ON_NUMBERS:
        return (
            "it names figures but does not say how to compute them. Say it, e.g. 'the price "
            "with a 15% markup, then that with 20% vat on top'"
        )
    if material and offered >= _ON_TEXT:
        return (
            "it gives a text or data but does not say what to do with it. Say what you want "
            "of it: its sentiment, a summary, its keywords, a figure of the data or another "
            "format"
        )
    if (numbers or numbers_stated) and offered & _ON_NUMBERS:
        return (
            "it gives numbers but does not say what to compute. Say it, e.g. 'the total of "
            "12, 30 and 8.50', '15% of 80' or '3 times 12.50'"
        )
    if _HERE_RE.search(text) and _NOW_RE.search(text):
        return (
            "it asks for a reading where you are, now, which no source here has. Give the "
            "reading, e.g. 'it is 12 C outside, what is that in F?'"
        )
    if _READING_ASKED_RE.search(text) and _NOW_RE.search(text):
        return (
            "it asks for a live reading (weather, temperature, a price now), which no source "
            "here has. Give the reading, e.g. 'it is 12 C in Edinburgh, what is that in F?'"
        )
    if (
        (_LIVE_NOW_RE.search(text) and _LIVE_ASKED_RE.search(text))
        or _NEXT_DEPARTURE_RE.search(text)
    ) and not (numbers or material):
        return (
            "it asks about things as they are now (prices, rates, rankings, fashions, "
            "timetables), which no source here has. Give the figures to work with, e.g. "
            "'petrol is 1.42 a litre, what does a 50 litre tank cost?'"
        )
    if (
        (_WEATHER_RE.search(text) or (_FORECAST_ASKED_RE.search(text) and not numbers))
        and _SOON_RE.search(text)
        and not _PLACE_NAMED_RE.search(text)
        and not _PLACE_WITH_THE_RE.search(text)
    ):
        return (
            "it asks about the weather where you are without saying where, and no source "
            "here has forecasts. Give the forecast's figures to work with, e.g. 'the forecast "
            "says 25 knot gusts, what is that in km/h?'"
        )
    if _FORECAST_ASKED_RE.search(text) and _SOON_RE.search(text) and not numbers:
        return (
            "it asks for a weather forecast, which no source here has. Give the forecast's "
            "figures to work with, e.g. 'the forecast says 25 knot gusts, what is that in "
            "km/h?'"
        )
    if _TRACKING_RE.search(text) and not numbers:
        return (
            "it asks where a thing of yours is or when it comes (a parcel, an order, a "
            "refund), which only its tracking or its sender knows and no source here can "
            "look up. Check the tracking, or give the figures, e.g. 'posted on the 3rd, 2 to "
            "4 working days: by when?'"
        )
    if _MEDICAL_ADVICE_RE.search(text) and not numbers and not material:
        return (
            "it asks for medical advice on your own case, which only a pharmacist or a "
            "doctor who knows it can give. Ask them; or ask for the facts, e.g. 'research "
            "how ibuprofen interacts with blood pressure medicines'"
        )
    if _UNGIVEN_RATE_RE.search(text):
        return (
            "it asks for a change by a rate it names but does not give (inflation, the cpi, "
            "the base rate), which changes over time and no source here has. Give the rate, "
            "e.g. 'rent is 950 and goes up by cpi, which is 3.4%: the new rent?'"
        )
    if _NAMED_TEXT_RE.search(text):
        return (
            "it names a text of yours that the request does not give. Quote it ('...') or "
            "paste it after a colon"
        )
    if _CAME_ACROSS_RE.search(text):
        return _CAME_ACROSS
    if _CLOSE_MEASURE_RE.search(text):
        return (
            "it asks about your own things, which only you know and no source can look "
            "up. Give the figures, e.g. 'the cake stall made 84, the tombola 120: which "
            "made the most?'"
        )
    if _MATERIAL_FOR_SPACE_RE.search(text):
        return (
            "it asks how much a space of yours takes without its measurements, which only "
            "you know. Give them, e.g. 'walls 4 m by 2.4 m, two coats, a litre covers 12 m²: "
            "how many litres?'"
        )
    if _WORKS_OUT_NOTHING_RE.search(asked):
        return (
            "it asks to work out a figure but gives none of its numbers. Give them, e.g. "
            "'the vat at 20% on a quote of 1,450'"
        )
    if _PRICE_ARITHMETIC_RE.search(asked):
        return (
            "it asks for arithmetic on a price it does not give. Give the price, e.g. "
            "'what is half price on a jacket of 85?'"
        )
    if _SERVING_RE.search(text):
        return (
            "it asks what a serving of something measures, which depends on the thing "
            "(rice, flour and water weigh differently). Give its weight or volume, or ask "
            "for a conversion between units of one kind"
        )
    if _FUTURE_PRICE_RE.search(text):
        return (
            "it asks for a price in the future, which no source here can know. Give the "
            "price to work with, e.g. 'if petrol is 1.45 a litre next month, what does a "
            "45 litre tank cost?'"
        )
    if _FARE_RE.search(text):
        return (
            "it asks for a fare or price, which only a live search could give. Give the "
            "price to work with, e.g. 'flights are 89 each way, what do 2 of us pay?'"
        )
    if _OWN_THING_RE.search(text):
        return (
            "it asks about a thing of yours (its worth, how far it goes) without the figures "
            "it depends on, which only you have. Give them, e.g. 'a quarter of a 50 litre "
            "tank at 6 litres per 100 km: how far?'"
        )
    if _READING_TIME_RE.search(text) and not material and not numbers:
        return (
            "it asks how long a text takes to read without the text or its length. Paste "
            "the text, or give its word count and a pace, e.g. '900 words at 130 a minute'"
        )
    if _NEED_WITHOUT_FIGURES_RE.search(text) and not _ADVICE_RE.search(text):
        return (
            "it asks how much you need of something without the figures it depends on (a "
            "pattern, measurements, amounts), which only you have. Give them, e.g. 'the "
            "pattern needs 1,150 m and a ball has 133 m: how many balls?'"
        )
    if _OWN_FIGURE_RE.search(text):
        return (
            "it asks for a figure of your own affairs without the figures or rates it "
            "depends on, which only you know. Give them, e.g. '12 km each way, 5 days a "
            "week, at 0.30 a km: what does that cost a year?'"
        )
    if _OWN_CHOICE_RE.search(text) and not numbers and not material:
        return (
            "it asks which of your own choices pays, without the figures that decide it, "
            "which only you have. Give them, e.g. 'railcard 30 for a third off, I spend 25 "
            "a month on trains: is it worth it?'"
        )
    if _JUDGED_OWN_RE.search(text) and not numbers and not material:
        return (
            "it asks for a judgement of your own affairs, which turns on figures and values "
            "only you have. Give the figures, e.g. 'i earn 2,400 and he earns 1,800, rent is "
            "1,100: what is each share in proportion to pay?'"
        )
    if (_BEST_FOR_RE.search(text) or _TASTE_RE.search(text)) and not numbers and not material:
        return _RECOMMENDATION
    if _BUYER_PAYS_RE.search(text) and not material:
        return (
            "it asks what buyers would pay for a thing, which turns on the thing and on a "
            "market of the moment that no source here has. Give your figures, e.g. "
            "'materials cost 14 and it takes 3 hours at 15 an hour: what price with 30% on "
            "top?'"
        )
    if _BETTER_OF_TWO_RE.search(text) and not numbers and not material:
        return (
            "it asks which of two things is better without the figures that decide it "
            "(prices, running costs, sizes), which only you have. Give them, e.g. 'heat pump "
            "9,000 and 700 a year to run, boiler 3,000 and 1,100 a year: which costs less "
            "over 10 years?'"
        )
    if _WHAT_IF_IN_WORDS_RE.search(text) and not numbers and not material:
        return (
            "it asks what changes, in words that give no new figure. Say the figure that "
            "changes, e.g. 'what if the vat is 0' or 'what if it's 20 hours'"
        )
    if _FORECAST_RE.search(text) and not numbers:
        return (
            "it asks where a price or a market is going, which no source here can know. "
            "Give the figures to work with, e.g. 'if the rate goes from 1.17 to 1.20, how "
            "many more euros do I get for 500 pounds?'"
        )
    if (
        _FIGURE_ASKED_RE.search(text)
        and _OWNED_RE.search(text)
        and not numbers
        and not material
        and not _BODY_ADVICE_RE.search(text)
    ):
        # "how much will the vet charge for the dog's knee op", "whats a fair price to charge
        # for my brownies": a figure of the user's own affairs, with none of its figures.
        # Research would come back with no source; the figures are the user's to give.
        return (
            "it asks for a figure of your own affairs without the figures it depends on, "
            "which only you have and no source here can look up. Give them, e.g. 'ingredients "
            "cost 6.40 for 16 brownies and I want 50% on top: what price each?'"
        )
    if (
        _OWN_MEASURE_RE.search(text)
        and _FIRST_PERSON_RE.search(text)
        # "how much water should I drink": advice, which sources give.
        and not _ADVICE_RE.search(text)
    ):
        return (
            "it asks about your own things, which only you know and no source can look "
            "up. Give the figures, e.g. 'I spent 12, 30 and 8.50 this week: the total?'"
        )
    if not numbers and not material:
        # "is my chimney safe to use this winter", "will our new single get in the charts":
        # the user's own case, or what is to come, which research would answer with a page
        # about something else.
        return own_case(asked) or prediction(asked) or opinion(asked)
    return None


# A follow-up that changes the request before: "and if i overseed at half that rate", "what
# about at double that", "and with the old prices?".
_CHANGE_OF_EARLIER_RE = re.compile(
    r"^\s*(?:(?:so|and|but|ok(?:ay)?|hmm+)[\s,]+)*(?:what|and|how)?\s*(?:if|about|at|with|for)\b",
    re.I,
)
# A figure asked of what the request before made or named: "how much will all that cost"
# after "write me a shopping list for a roast", "how many calories is that".
_FIGURE_OF_EARLIER_RE = re.compile(
    r"^\s*(?:(?:so|and|but|ok(?:ay)?|right)[\s,]+)*(?:how\s+(?:much|many)|what)\b.*"
    r"\b(?:all\s+(?:that|this|of\s+(?:that|it|them))|it\s+all|the\s+lot|that|those|them|it)\b"
    r"\s*(?:cost|come\s+to|be|add\s+up\s+to|weigh|take)?\s*[?.!]*\s*$",
    re.I,
)


def change_unapplied(text: str, earlier: str | None, capabilities: set[str]) -> str | None:
    """Why a follow-up about the request before is no question for a general capability,
    and how to ask instead; None if it is not one.

    When a follow-up could not be applied to the request before, it is planned on its own,
    and research would look up its words and find nothing: "lawn is 7 x 5 m, seed at 35 g
    per m2, how many grams", then "and if i overseed the old lawn at half that rate" (the
    earlier figures, worked again), or "write me a shopping list for a roast", then "how
    much will all that cost" (a figure of what came before, whose prices were never given).
    """
    if (
        earlier is None
        or not capabilities
        or not capabilities <= set(_NAMES_WORK)
        # "and what about the history of lawns": the general work named, a new question.
        or any(n.search(text) for n in _NAMES_WORK.values())
    ):
        return None
    if re.search(r"\d", earlier) and _CHANGE_OF_EARLIER_RE.search(text):
        return (
            "it changes the request before it in words that could not be applied to it. Ask it "
            "again in full with the new figures, e.g. 'lawn 7 x 5 m, seed at 17.5 g per m2: "
            "how many grams?'"
        )
    if _FIGURE_OF_EARLIER_RE.search(text) and not re.search(r"\d", text):
        return (
            "it asks for a figure of what came before without the figures it depends on "
            "(prices, amounts), which were never given. Give them, e.g. 'beef 18.50, veg 6, "
            "gravy 1.20: the total?'"
        )
    return None

"""Lexicon sentiment, offline: a label, a score in -1..1 and the words that decided it.

In the spirit of VADER: word valences from a compact lexicon; negation within a short
window ("not good") turns a word mildly the other way; intensifiers scale it ("really
really good", "badly outdated"); after a contrast ("but") the writer's verdict weighs more,
while a clause conceded against ("..., although ...") holds both sides. A text is
*neutral* inside a band around zero (one mild word such as "fine" does not make a review
positive), and *mixed* when strong opinions on both sides balance out; "less so" turns
the praise said before it for another thing ("The kids loved it. The adults, less so."),
and praise "let down by" a fault after it stands beside the fault: mixed.
Some things said as what happened are read as the opinion they carry (a long wait, a call
hung up, something owed not given or not ready when due, someone due who did not come,
something still missing, a thing less than its photos showed, a win, a personal best, a
person growing in confidence, joy said in idioms such as "can't stop smiling", damage done
to a thing, a way blocked, a service down again, a thing that gave way soon after it was
done and a charge to put it right, a worn thing brought back to life, a question of
disbelief such as "who on earth ..."), and praise exclaimed beside a complaint is read as
irony only when the words show it (a complaint that keeps happening, praise of the very
service that failed, praise alone after "sure, because", praise at both ends of a thing
that happens again or of a complaint with praise of paying for it, "oh brilliant, train
cancelled, love paying 40 quid for this"), and praise exclaimed at a complaint then praise
of another thing is not guessed; words whose side depends on what they are said of
("flaky", "unbelievable", "crushed", "cracking", "slaps", a cold kept) are read only where
that shows; otherwise the text is not guessed.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from orchestra.agents.prose import split_sentences
from orchestra.agents.sentiment_told import charged_to_put_right, failure_told, sleep_taken

__all__ = ["NEUTRAL_BAND", "SentenceSentiment", "Sentiment", "sentence_sentiment", "sentiment"]

NEUTRAL_BAND = 0.3
"""Scores with an absolute value below this are neutral (unless mixed)."""

MIXED_BALANCE = 0.6
"""Mixed: the weaker side has at least this share of the stronger one."""

CONTRAST_WEIGHT = 1.5
"""How much more an opinion after a contrast ("but") weighs: the writer's verdict."""


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# A compact general-purpose opinion lexicon (valence -3..3), after AFINN/VADER in spirit.
_LEXICON: dict[str, float] = {
    **dict.fromkeys(
        _words(
            """good great nice happy glad pleased helpful useful positive benefit benefits
            beneficial advantage advantages gain gains improve improves improved improvement
            success successful effective efficient reliable safe secure strong strength
            strengths opportunity opportunities growth grow grows growing win wins winning
            easy easier flexible flexibility convenient comfortable clean cheap cheaper
            affordable productive productivity recommend recommended like
            likes liked enjoy enjoyed enjoys satisfied satisfying profitable profit profits
            better best boost boosts promising stable valuable fast faster friendly accurate
            clear innovative freedom balance healthy abundant renewable quick quickly smooth
            smoothly lovely helpful kind polite tasty spacious bright
            comfortable fresh fun funny hilarious pleasant generous responsive intuitive solid
            worth worthwhile thank thanks grateful appreciate appreciated happy glad
            impressed proud calm cozy cosy charming attentive courteous welcoming
            cheerful handy neat tidy sturdy helped painless effortless seamless
            hassle-free stress-free trouble-free worry-free comfy relaxing refreshing
            soothing engaging moreish thrive thrives thrived thriving flourish flourished
            flourishing blossomed"""
        ),
        2.0,
    ),
    **dict.fromkeys(
        _words(
            """excellent amazing awesome outstanding fantastic wonderful superb brilliant
            perfect love loved loves loving delighted impressive exceptional remarkable thrilled
            gorgeous incredible stunning flawless invaluable terrific phenomenal
            immaculate spotless heavenly overjoyed elated ecstatic chuffed magical delicious
            beautiful"""
        ),
        3.0,
    ),
    **dict.fromkeys(
        _words("ok okay fine fair adequate acceptable decent modest reasonable special"),
        1.0,
    ),
    **dict.fromkeys(
        _words(
            """bad poor sad unhappy worse negative problem problems issue issues risk risks
            risky drawback drawbacks disadvantage disadvantages cost costly expensive slow
            slowly difficult hard harder weak weakness weaknesses loss losses lose loses
            losing lost fail fails failed failure concern concerns worry worried danger
            dangerous unsafe harm harmful damage damaged damages pollution waste toxic
            unreliable unstable broken bug bugs buggy error errors complaint complaints
            decline declines declined decrease decreased isolation isolated lonely stress
            stressful burnout distraction distractions conflict threat threats accident
            accidents disaster scarce shortage delay delays delayed late inefficient
            confusing annoying annoyed hate hates dislike disappointed disappointing
            disappoint disappoints nasty flimsy
            disappointment crash crashes crashed crashing overpriced limited limitation
            limitations challenge challenges criticism critics rude dirty cold noisy
            uncomfortable unhelpful frustrating frustrated angry upset died dead complains
            uninstall uninstalled uninstalling refund cancel cancelled canceled wrong
            missing mess messy ugly boring bored tired lag laggy freezes freezing unusable
            complain complained complaining broke overcharged lousy worthless sloppy
            careless mistake mistakes inaccurate lazy unprofessional harsh ridiculous
            regret regrets regretted filthy grimy gross smelly stinks stank stinky
            greasy soggy stale bland cramped shabby mouldy moldy sticky leak leaky leaking leaks
            torn ripped cracked scratched dented faulty defective breaks breaking dies dying
            wasting wasted ruin ruined ruins ruining letdown let-down
            unbearable awkward clumsy sluggish dull ignored ignores ignoring forgot
            forgotten junk junky rubbish garbage trash trashy crap crappy outdated
            hurt hurts hurting painful blister blisters"""
        ),
        -2.0,
    ),
    # A machine failing, said as what happened: "the phone overheats", "the printer
    # jammed", "a glitch", "another outage" (no word of opinion, and a complaint).
    **dict.fromkeys(
        _words(
            """overheat overheats overheated overheating jammed glitch glitches glitchy
            glitching malfunction malfunctions malfunctioned malfunctioning outage outages"""
        ),
        -2.0,
    ),
    # Goods spoiled or hurt, said as what happened to them: "the plants arrived wilted",
    # "the milk had spilt", "the toilets were a biohazard"; and pain: "the saddle is agony",
    # "the shop shutting at 4 was a real pain" ("smashed it", "crushed it", praise in slang,
    # are left out).
    **dict.fromkeys(
        _words(
            """wilted withered drooping spilled spilt squashed shattered bruised rotten
            rotting stained leaked biohazard agony agonising agonizing torture excruciating
            pain"""
        ),
        -2.0,
    ),
    # A made thing that came out askew, said of how it came out: "the eyes on my owl are
    # wonky", "the shelves went up crooked", "a lopsided cake" ("skewed" and "uneven" are
    # left out: a skewed distribution and the uneven bars are named, not faulted).
    **dict.fromkeys(_words("wonky crooked lopsided misaligned wobbly"), -2.0),
    # Food and drink served wrong, said of how it came: "the coffee was lukewarm", "rubbery
    # eggs" ("stale", "soggy", "bland" are above; "chewy" and "crunchy" are praise as often).
    **dict.fromkeys(
        _words("lukewarm tepid rubbery overcooked undercooked overdone mushy watery"),
        -2.0,
    ),
    # A story or a match that holds its audience: "a gripping thriller", "the second half
    # was riveting" (as strong as "brilliant"; holding a thing, "gripping the rail", is read
    # as none in `_PHRASES`).
    **dict.fromkeys(_words("gripping riveting unputdownable"), 3.0),
    # Praise of how a thing is thought out: "a really clever game", "an ingenious design".
    **dict.fromkeys(_words("clever ingenious"), 2.0),
    # Praise of how a thing is looked after or done: "the car came back gleaming", "a
    # really thorough check-up"; and a place said to be bleak: "the loo was grim".
    **dict.fromkeys(_words("gleaming thorough"), 2.0),
    "grim": -2.0,
    # A price charged above what is due, in the forms "overcharged" (listed above) lacks:
    # "they didn't overcharge" turns it, as "not bad" is turned.
    **dict.fromkeys(_words("overcharge overcharges overcharging"), -2.0),
    # Food praised for how it tastes or feels: "buttery croissants", "fluffy pancakes".
    **dict.fromkeys(_words("buttery fluffy creamy juicy"), 2.0),
    # Damage done, said as what happened: "the fence was wrecked", "slugs destroyed the
    # lettuces" ("destroyed it", praise in slang, is read in `_damage_at`).
    **dict.fromkeys(_words("wrecked mangled busted"), -2.0),
    # The result of a match or contest, said as what happened: "we still won 3-1", "a
    # heavy defeat" (a win or a loss is good or bad news with no word of opinion).
    **dict.fromkeys(_words("won victory victories triumph"), 2.0),
    **dict.fromkeys(_words("defeat defeats defeated thrashing drubbing hammering"), -2.0),
    # An exam or a show failed, said in everyday words: "totally bombed chemistry", "I
    # flunked the theory test" (a bombing, the other sense, is bad news as well).
    **dict.fromkeys(_words("bombed flunked flunk flunks"), -2.0),
    # Grief and dismay said in everyday words: "absolutely gutted", "heartbroken".
    **dict.fromkeys(_words("gutted devastated heartbroken"), -3.0),
    # A hard time had, said of what was had: "the hangover was brutal", "a gruelling shift".
    **dict.fromkeys(_words("brutal gruelling grueling"), -2.0),
    # Praise of how people dealt with the writer: "the garage were honest" ("to be honest"
    # and "honestly" are fillers, read as none; see `_PHRASES` and `_NOT_ADVERBS`).
    "honest": 2.0,
    # Hurt to the body, said as what happened: "sprained my wrist", "a knee injury".
    **dict.fromkeys(_words("sprained injured injury injuries"), -2.0),
    # A thing that fell in, said as what happened: "the shelf collapsed".
    "collapsed": -2.0,
    # Bad luck on the road and news given as bad: "three punctures", "unfortunately we
    # can't", "sadly it closed"; a state of being worn out; regret ("what a shame").
    **dict.fromkeys(
        _words(
            """puncture punctures punctured unfortunately sadly regrettably exhausted
            shame pity"""
        ),
        -2.0,
    ),
    # What was given taken away, told to the one who had it: "your membership has been
    # suspended", "the licence was revoked".
    **dict.fromkeys(_words("suspended revoked"), -2.0),
    # An apology, which comes with bad news or a fault owned: "We're sorry, but ..."; mild,
    # so that alone ("sorry to bother you") it leaves a text neutral.
    "sorry": -1.0,
    # A price said to hurt: "the bill was eye-watering", "extortionate parking".
    **dict.fromkeys(_words("eye-watering exorbitant extortionate"), -2.0),
    # Sound and picture that are not clear: "tinny speakers", "a grainy video".
    **dict.fromkeys(
        _words("tinny muffled distorted crackly crackling blurry blurred grainy pixelated"),
        -2.0,
    ),
    # Conduct condemned as without shame: as strong as "disgraceful".
    **dict.fromkeys(_words("shameless shameful scandal scandalous"), -3.0),
    # Sounds of annoyance said as words: "ugh, Monday again"; "smh" (shaking my head) is
    # disapproval typed as letters.
    **dict.fromkeys(_words("ugh urgh argh smh"), -2.0),
    # A place left untended, and a smell of neglect: "the plot was overgrown", "a musty
    # room", "the hall reeked".
    **dict.fromkeys(_words("overgrown unkempt musty reeked reeks reeking"), -2.0),
    # Praise in slang whose words have no other sense in a review: "proper bangin".
    **dict.fromkeys(_words("bangin"), 2.0),
    # Misspellings so common that they are words of their own, and no other word's slip
    # ("so disapointed", "the wrost pizza"); other slips are not guessed (see `_SLIPS`).
    **dict.fromkeys(_words("disapointed dissapointed dissappointed disapointing"), -2.0),
    **dict.fromkeys(_words("dissapointing wrost"), -3.0),
    **dict.fromkeys(
        _words(
            """terrible awful horrible worst disastrous catastrophic catastrophe useless
            hated dreadful appalling abysmal fatal deadly disgusting pathetic scam
            nightmare rip-off ripoff outrageous atrocious horrendous disgraceful"""
        ),
        -3.0,
    ),
    "adore": 3.0,
    "adored": 3.0,
    "adores": 3.0,
    # Faces and hands that say an opinion as plainly as a word ("ugh 😡", "the park 😀");
    # a laughing face is left out, being laughter at something good or bad alike.
    **dict.fromkeys(
        _words(
            "\U0001f600 \U0001f603 \U0001f604 \U0001f601 \U0001f60a \U0001f642 "
            "\U0001f60d \U0001f970 \U0001f929 \U0001f44d \U0001f44f \u2764 "
            "\U0001f389"
        ),
        2.0,
    ),
    **dict.fromkeys(
        _words(
            "\U0001f621 \U0001f620 \U0001f92c \U0001f61e \U0001f614 \U0001f622 "
            "\U0001f62d \U0001f629 \U0001f62b \U0001f644 \U0001f44e \U0001f92e "
            "\U0001f612"
        ),
        -2.0,
    ),
}
# Something that does not do what it is for: "nothing works", "the charger doesn't work",
# "they never replied", "my order never arrived": a complaint without a word of opinion.
_FAILURES: dict[tuple[str, ...], float] = {
    (negation, *verb): -2.5
    # "the wifi barely worked", "it hardly charges": next to not at all, the same failure.
    for negation in ("nothing", "never", "doesn't", "didn't", "don't", "won't", "barely", "hardly")
    for verb in (
        *(
            (form,)
            for stem in ("work", "answer", "respond", "load", "charge", "arrive", "connect", "sync")
            for form in (stem, f"{stem}s", f"{stem.removesuffix('e')}ed")
        ),
        # "the bread didn't rise": a bake that did not do what it is for.
        ("rise",),
        ("rises",),
        ("reply",),
        ("replies",),
        ("replied",),
        ("turn", "on"),
        ("turns", "on"),
        ("turned", "on"),
        # "never got back to me", "didn't call back", "never showed up": no answer, no visit.
        *(
            (verb, "back")
            for verb in ("get", "gets", "got", "call", "calls", "called", "hear", "heard")
        ),
        # "they never called me back", "she didn't ring us back": the same, said to whom.
        *(
            (verb, whom, "back")
            for verb in ("call", "calls", "called", "ring", "rang", "phone", "phoned")
            for whom in ("me", "us")
        ),
        *((verb, "up") for verb in ("show", "shows", "showed", "turn", "turns", "turned")),
        # "the landlord never picks up his phone", "she didn't pick up": no answer.
        *((verb, "up") for verb in ("pick", "picks", "picked")),
    )
}
# "it didn't even turn on", "never even replied", "it doesn't actually work": the same,
# with "even" or "actually" stressing it.
_FAILURES.update(
    {
        (phrase[0], stress, *phrase[1:]): v
        for phrase, v in list(_FAILURES.items())
        for stress in ("even", "actually")
    }
)
# "the smart meter doesn't send readings", "the app never sent the code": a thing that
# does not send what it is for ("don't send cash", an instruction, is left out, and "I
# didn't send it", a person's own doing, is none; see `_no_failure`).
_SENDS = _words("send sends sent")
_FAILURES.update(
    {
        (*negation, *stress, verb): -2.5
        for negation in (
            ("doesn't",),
            ("didn't",),
            ("never",),
            ("won't",),
            ("does", "not"),
            ("did", "not"),
            ("hasn't",),
            ("haven't",),
        )
        for stress in ((), ("even",), ("actually",))
        for verb in _SENDS
    }
)
# "half the machines are out of order": broken, and (of what people do) unacceptable.
_FAILURES[("out", "of", "order")] = -2.5
# "two hours on hold and no answer", "still no reply": the same complaint, said with "no".
_FAILURES.update({("no", word): -2.5 for word in ("answer", "reply", "response", "refund", "help")})
# "the shop won't refund me", "they refused to replace it", "they wouldnt fix them": what
# is owed, refused (the negation also typed without its apostrophe).
_FAILURES.update(
    {
        (*refusal, act): -2.5
        for refusal in (
            ("won't",),
            ("wouldn't",),
            ("wont",),
            ("wouldnt",),
            ("will", "not"),
            ("would", "not"),
            *((verb, "to") for verb in ("refuse", "refuses", "refused", "refusing")),
        )
        for act in ("refund", "repay", "replace", "repair", "exchange", "fix", "redo")
    }
)
# "it does not work", "they did not reply": the same, with the negation in two words.
_FAILURES.update(
    {
        (aux, "not", *phrase[1:]): valence
        for phrase, valence in list(_FAILURES.items())
        if phrase[0] in ("doesn't", "didn't", "don't")
        for aux in ({"doesn't": "does", "didn't": "did", "don't": "do"}[phrase[0]],)
    }
)
# "my statement hasn't arrived again", "they haven't replied": the same, said of what is
# still owed (the past participle, "arrived", is the past form read above).
_FAILURES.update(
    {
        (*negation, *phrase[1:]): valence
        for phrase, valence in list(_FAILURES.items())
        if phrase[0] == "didn't"
        for negation in (("hasn't",), ("haven't",), ("has", "not"), ("have", "not"))
    }
)
# "my deposit has still not been returned", "we haven't been paid": what is owed, not
# given ("still" is read by the same phrase without it).
_OWED = _words("returned refunded repaid paid fixed repaired delivered answered resolved collected")
_FAILURES.update(
    {
        (*negation, *still, "been", done): -2.5
        for negation in (("not",), ("never",), ("hasn't",), ("haven't",))
        for still in ((), ("yet",))
        for done in _OWED
    }
)
# "my prescription wasn't ready when I came in", "the bins weren't collected", "the
# repair was still not finished": what was owed or expected at a time, not there when it was
# due ("I wasn't ready" is said of a person, and is none; see `_phrase_at`).
_DUE = _OWED | _words("ready collected sent finished")
# States of a person as well as of a thing: "I wasn't ready", "we weren't finished".
_PERSONS_STATES = _words("ready finished")
_NOT_DUE: dict[tuple[str, ...], float] = {
    (*negation, done): -2.5
    for negation in (
        ("wasn't",),
        ("weren't",),
        ("was", "not"),
        ("were", "not"),
        ("still", "not"),
    )
    for done in _DUE
}
_FAILURES.update(_NOT_DUE)
# "you were meant to be here at 8", "the parcel was supposed to arrive on Monday", "he
# should have been here by now": someone or something due that did not come, told to the
# one who let it happen ("we're meant to be there at 8", a plan, is none).
_CAME = (
    *((verb,) for verb in ("arrive", "come", "call", "ring", "phone")),
    *(("be", where) for where in ("here", "there", "back", "delivered", "ready", "fixed", "done")),
    ("turn", "up"),
    ("show", "up"),
)
_FAILURES.update(
    {
        (was, due, "to", *came): -2.0
        for was in ("was", "were")
        for due in ("meant", "supposed")
        for came in _CAME
    }
)
_FAILURES.update(
    {
        ("should", "have", *came): -2.0
        for came in (
            # "You should have been here last night!", "you should have come" regret a
            # good time missed, and are left out.
            ("been", "here", "by"),
            ("been", "ready"),
            ("been", "delivered"),
            ("arrived",),
        )
    }
)
# "the battery doesn't last", "the lid didn't fit": a thing that does not hold up or fit.
_FAILURES.update(
    {
        (*negation, form): -2.5
        for negation in (
            ("doesn't",),
            ("didn't",),
            ("don't",),
            ("won't",),
            ("never",),
            ("does", "not"),
            ("did", "not"),
        )
        for form in ("last", "lasts", "lasted", "fit", "fits")
    }
)
# "we won't be able to pay this invoice", "can't afford the rent": what is owed or needed,
# said to be out of reach (a complaint or bad news, with no word of opinion).
_FAILURES.update(
    {
        (*unable, verb): -2.5
        for unable in (
            *((negation, "be", "able", "to") for negation in ("won't", "not", "never")),
            ("unable", "to"),
            ("can't",),
            ("cannot",),
            ("couldn't",),
            ("could", "not"),
        )
        for verb in ("pay", "afford", "repay")
    }
)
# "couldn't get hold of a copy in time", "we can't get through to anyone": what was sought,
# not reached (a complaint said as what happened, with no word of opinion).
_FAILURES.update(
    {
        (*unable, "get", *reached): -2.5
        for unable in (
            ("can't",),
            ("cannot",),
            ("cant",),
            ("couldn't",),
            ("could", "not"),
            ("never",),
            ("unable", "to"),
        )
        for reached in (("hold", "of"), ("through", "to"))
    }
)
# "management never listened to any of us": people not heard by those over them ("I never
# listened to the album" is none: only a hearing owed to people is read).
_FAILURES.update(
    {
        (*negation, verb, "to", *whom): -2.5
        for negation in (("never",), ("didn't",), ("doesn't",), ("don't",), ("won't",))
        for verb in ("listen", "listens", "listened")
        for whom in (("us",), ("me",), ("any", "of", "us"), ("anyone",), ("staff",))
    }
)
# "then they hung up on me": a call cut off on the writer, help refused.
_FAILURES.update(
    {
        (verb, "up", "on", whom): -2.5
        for verb in ("hung", "hangs", "hang", "hanging")
        for whom in ("me", "us")
    }
)
# "nobody came", "no one answered": help that did not come, with no word of opinion.
_FAILURES.update(
    {
        (*nobody, *verb): -2.5
        for nobody in (("nobody",), ("no", "one"), ("noone",))
        for verb in (
            ("came",),
            ("showed", "up"),
            ("turned", "up"),
            ("answered",),
            ("answers",),
            ("replied",),
            ("replies",),
            ("responded",),
            ("responds",),
            ("helped",),
            ("helps",),
            ("called", "back"),
            # "nobody called me back", "no one got back to us": the same, said to whom.
            *(
                (verb, whom, "back")
                for verb in ("called", "rang", "phoned")
                for whom in ("me", "us")
            ),
            *(("got", "back", "to", whom) for whom in ("me", "us")),
            ("picked", "up"),
            ("cared",),
            ("cares",),
        )
    }
)
# "the bin's been missed again", "our street was missed": a round that passed a house by,
# a thing due not done. Read only of what a round calls at ("you've been missed" and "he
# was missed at the party" are said of people, and fondly; see `_missed_round`).
_ROUNDS = _words(
    """bin bins bin's collection collections delivery deliveries parcel parcels post street
    street's road house stop pickup pick-up appointment recycling rubbish"""
)
_MISSED: dict[tuple[str, ...], float] = {
    (was, "missed"): -2.5 for was in ("been", "was", "were", "got", "gets", "is", "are")
}
_FAILURES.update(_MISSED)
_ROUND_GAP = 3
# Services that can be down ("the wifi is down"), where "prices are down" is no failure.
_SERVICES = _words(
    """wifi wi-fi internet server servers site website app network system power connection
    service email phones signal"""
)
# A personal best, and what is done to one: "smashed my PB", "set a new personal best".
_RECORDS = (("pb",), ("pbs",), ("personal", "best"), ("personal", "record"), ("pr",))
_RECORD_VERBS = _words("smashed smash smashes beat beats broke breaks set sets got hit")
# What a thing needs is a repair due; what a person needs ("she needs new shoes") is none.
_NEEDS = _words("needs needed")
_PERSONS_NEEDS = _words("he she i we you they who baby kid child son daughter")
# Phrases whose meaning is not that of their words.
_PHRASES: dict[tuple[str, ...], float] = {
    ("nothing", "special"): -0.5,
    # "To be fair, ...", "in fairness": a concession about to be made, no praise itself.
    ("to", "be", "fair"): 0.0,
    ("in", "fairness"): 0.0,
    ("not", "bad"): 1.5,
    ("not", "too", "bad"): 1.5,
    ("never", "again"): -2.0,
    ("fed", "up"): -2.5,
    # Boredom said of those there: "half the table lost interest", "the kids lose interest".
    **{(verb, "interest"): -2.5 for verb in ("lost", "lose", "loses", "losing")},
    # A test or an inspection passed: "the car passed its MOT", "she passed her driving
    # test" (good news with no word of opinion; "passed away" is none of these).
    **{
        ("passed", whose, test): 2.5
        for whose in ("its", "his", "her", "my", "our", "their", "the", "your")
        for test in _words("mot test exam exams inspection audit assessment driving")
    },
    # A top grade, said as what happened: "got an A in maths", "she got an A*" ("an a" is
    # the letter of the grade; good news with no word of opinion).
    **{
        (verb, "an", "a"): 2.5
        for verb in ("got", "get", "gets", "getting", "achieved", "scored", "awarded")
    },
    # A thing that needs parts or work, said as what it needs: "it needs two new tyres",
    # "the boiler needs replacing" (a repair due, bad news; said of a person, "he needs new
    # glasses", it is none; see `_PERSONS_NEEDS`).
    **{
        (verb, *amount, "new"): -2.0
        for verb in ("needs", "needed")
        for amount in ((), ("a",), ("some",), *((n,) for n in _words("two three four 2 3 4")))
    },
    **{
        (verb, work): -2.0
        for verb in ("needs", "needed")
        for work in _words("replacing fixing repairing mending replacement repairs")
    },
    # Tradesmen scorned as "cowboys": "absolute cowboys", "a bunch of cowboys", "cowboy
    # builders" ("the cowboys won", a team or a film, is none).
    **{
        (*lead, "cowboys"): -2.5
        for lead in (
            ("absolute",),
            ("total",),
            ("complete",),
            ("utter",),
            ("proper",),
            ("right",),
            ("bunch", "of"),
            ("load", "of"),
            ("pack", "of"),
            ("such",),
        )
    },
    **{
        (lead, "cowboy"): -2.5
        for lead in ("absolute", "total", "complete", "utter", "proper", "right", "such")
    },
    **{
        ("cowboy", trade): -2.5
        for trade in _words(
            """builder builders plumber plumbers tiler tilers electrician electricians
            roofer roofers trader traders outfit firm firms company garage landlord"""
        )
    },
    # A price said to be theft, as "a rip-off" is: "the tickets were daylight robbery".
    ("daylight", "robbery"): -3.0,
    # Indifference said of people who should care: "the staff couldn't care less".
    **{
        (*could, "care", "less"): -2.5
        for could in (("couldn't",), ("could", "not"), ("couldnt",), ("could",))
    },
    # A thing done well, said of how it was done: "really well taught", "a well made
    # chair" ("not well organised" is turned as a word is).
    **{
        (how, done): 2.0
        # "properly maintained tables": done as it should be, the same praise.
        for how in ("well", "properly")
        for done in _words(
            """taught made written built organised organized run designed presented
            explained maintained kept equipped planned thought-out executed cooked"""
        )
    },
    # Not coming back, said in other words than "never again".
    ("never", "coming", "back"): -2.5,
    ("never", "going", "back"): -2.5,
    ("not", "coming", "back"): -2.5,
    ("won't", "be", "back"): -2.5,
    # A warning, not a negated waste: "Don't waste your money" was positive.
    **{
        (*negation, "waste", "your", what): -3.0
        for negation in (("don't",), ("do", "not"), ("dont",))
        for what in ("money", "time")
    },
    # Better had elsewhere; hopes that were high; nothing to fault; what was needed.
    ("had", "better"): -2.0,
    ("seen", "better"): -2.0,
    ("had", "high", "hopes"): -2.0,
    ("can't", "fault"): 2.0,
    ("cannot", "fault"): 2.0,
    ("couldn't", "fault"): 2.0,
    ("exactly", "what", "i", "needed"): 2.5,
    ("just", "what", "i", "needed"): 2.5,
    ("value", "for", "money"): 2.0,
    # Service beyond what was owed; a refund wanted; the wrong thing sent; as described.
    ("above", "and", "beyond"): 2.5,
    ("my", "money", "back"): -2.0,
    ("our", "money", "back"): -2.0,
    **{
        ("not", "what", who, did): -2.0
        for who in ("i", "we")
        for did in ("ordered", "paid", "asked", "expected", "wanted", "booked")
    },
    ("says", "on", "the", "tin"): 1.5,
    ("zero", "stars"): -2.5,
    ("0", "stars"): -2.5,
    ("waste", "of", "money"): -3.0,
    ("waste", "of", "time"): -3.0,
    ("so", "so"): -0.5,
    ("no", "problem"): 1.0,
    # "No issues so far", "zero problems": nothing to fault, a verdict of its own ("no
    # problem" alone is politeness, and stays mild).
    **{
        (none, fault): 2.0
        for none in ("no", "zero")
        for fault in ("problems", "issues", "faults", "complaints", "regrets")
    },
    # Getting better, said of a person or a pet: "recovering well", "healing nicely", "on
    # the mend" (good news, with no word of opinion; "not doing well" is turned).
    **{
        (verb, how): 2.0
        for verb in (
            "recovering",
            "recovered",
            "recovers",
            "healing",
            "healed",
            "heals",
            "progressing",
            "doing",
        )
        for how in ("well", "nicely", "brilliantly")
    },
    ("on", "the", "mend"): 2.0,
    # "patient" is praise when said of someone ("the coach is so patient"), and no opinion
    # as a noun ("the patient was discharged").
    **{(verb, "patient"): 2.0 for verb in ("is", "was", "are", "were", "be", "been", "so")},
    # Food eaten to the last and more asked for: "asked for seconds", "went back for more"
    # ("asked for more napkins" is no praise, and is not read).
    **{(verb, "for", "seconds"): 2.5 for verb in ("asked", "ask", "asking", "back", "begged")},
    ("back", "for", "more"): 2.5,
    # Food eaten to the last: "not a scrap left", "licked their plates clean", "every last
    # crumb" ("not a scrap of paper left" names what is gone, and is not read).
    **{
        ("not", "a", bit, "left"): 2.5 for bit in ("scrap", "crumb", "morsel", "crumb's", "scrap's")
    },
    **{
        (verb, whose, plates, "clean"): 2.5
        for verb in ("licked", "licking", "licks", "cleared", "scraped")
        for whose in ("their", "his", "her", "my", "our", "the")
        for plates in ("plate", "plates", "bowl", "bowls")
    },
    ("every", "last", "crumb"): 2.5,
    # Progress said of a learner or a skill: "her reading has come on loads", "his
    # fractions are coming on in leaps and bounds" ("come on!" alone is impatience).
    **{
        (verb, "on", *how): 2.5
        for verb in ("come", "came", "comes", "coming")
        for how in (
            ("loads",),
            ("massively",),
            ("hugely",),
            ("brilliantly",),
            ("so", "much"),
            ("a", "lot"),
            ("leaps", "and", "bounds"),
            ("in", "leaps", "and", "bounds"),
            ("really", "well"),
            ("so", "well"),
            ("well",),
            ("nicely",),
        )
    },
    # "Average", "about what you'd expect": a middling verdict, read as neutral.
    **{(verb, "average"): 0.0 for verb in ("is", "was", "are", "were")},
    **{
        ("what", *who, "expect"): 0.0
        for who in (("you'd",), ("you", "would"), ("you", "might"), ("one", "would"))
    },
    # A personal best, beaten or set: "smashed my PB", "a new personal best" (good news
    # said without a word of opinion; "best" alone would be praise of a thing).
    **{
        (*lead, *record): 2.5
        for lead in (
            *(
                (verb, whose)
                for verb in _RECORD_VERBS
                for whose in ("my", "a", "his", "her", "our", "their", "another")
            ),
            ("new",),
        )
        for record in _RECORDS
    },
    **{record: 2.0 for record in _RECORDS if len(record) > 1},
    # "engaging in talks", "engaging with the council": taking part, no praise.
    ("engaging", "in"): 0.0,
    ("engaging", "with"): 0.0,
    # "gripping the rail", "riveting the panels on": holding or fixing a thing, no praise.
    **{
        (verb, what): 0.0
        for verb in ("gripping", "riveting")
        for what in _words("the a an my his her their our your it them onto on tightly hard")
    },
    # Idioms of praise and of disappointment whose words say neither.
    # "The chef knows his stuff", "she knew her onions": mastery praised.
    **{
        (verb, whose, what): 2.0
        for verb in ("know", "knows", "knew", "knowing")
        for whose in ("his", "her", "their", "your", "my", "our", "its")
        for what in ("stuff", "onions")
    },
    ("top", "notch"): 3.0,
    ("top-notch",): 3.0,
    # "top lads", "a top bloke": people praised in British slang (not "the top team", a
    # rank).
    **{("top", who): 2.5 for who in _words("lad lads bloke blokes chap chaps fella fellas")},
    # "Mia is a genius", "what a genius", "an absolute genius": a person praised.
    **{
        (*before, "genius"): 2.5
        for before in (
            ("is", "a"),
            ("was", "a"),
            ("what", "a"),
            ("absolute",),
            ("total",),
            ("proper",),
            ("such", "a"),
        )
    },
    # "a proper craftsman", "a real craftsman": a tradesman praised for the skill of his
    # work ("the craftsman who made it", a trade named, is none).
    **{
        (*before, who): 2.5
        for before in (
            ("proper",),
            ("real",),
            ("true",),
            ("absolute",),
            ("such", "a"),
            ("what", "a"),
        )
        for who in _words("craftsman craftsmen craftswoman artisan")
    },
    # A worn or tired thing made new again: "breathed new life into my old sofa" (see
    # `_set_phrase` for "brought my boots back to life").
    **{(verb, "new", "life", "into"): 2.5 for verb in ("breathed", "breathes", "breathe")},
    # "a charming production let down by its singing": a fault said to spoil what was
    # praised before it, a complaint that does not take the praise back (see
    # `_praise_let_down`); said alone ("we were let down by the builder") a complaint.
    **{
        ("let", "down", *degree, "by"): -2.0
        for degree in (
            (),
            ("only",),
            ("slightly",),
            ("somewhat",),
            ("badly",),
            ("a", "bit"),
            ("a", "little"),
            ("rather",),
        )
    },
    ("game", "changer"): 3.0,
    ("game-changer",): 3.0,
    ("second", "to", "none"): 3.0,
    ("worth", "every", "penny"): 3.0,
    ("blew", "me", "away"): 3.0,
    ("blown", "away"): 3.0,
    ("over", "the", "moon"): 3.0,
    # Joy said in idioms whose words say no opinion, or say it with a negation: "I can't
    # stop smiling", "grinning from ear to ear", "on cloud nine", "it made my day".
    **{
        (*negation, "stop", joy): 3.0
        for negation in (("can't",), ("cannot",), ("cant",), ("couldn't",), ("could", "not"))
        for joy in ("smiling", "grinning", "beaming")
    },
    ("from", "ear", "to", "ear"): 2.5,
    ("on", "cloud", "nine"): 3.0,
    ("tears", "of", "joy"): 3.0,
    ("walking", "on", "air"): 2.5,
    **{
        (verb, whose, when): 3.0
        for verb in ("made", "makes", "make")
        for whose in ("my", "our", "his", "her", "their")
        for when in ("day", "week", "year", "month", "weekend", "night")
    },
    ("hit", "the", "spot"): 2.5,
    ("hits", "the", "spot"): 2.5,
    # A fine to pay is no fine weather: "another parking fine".
    **{(kind, "fine"): -2.0 for kind in ("parking", "speeding", "library", "late", "penalty")},
    ("a", "superstar"): 3.0,
    # A person praised as a star: "what a star", "you're a star", "an absolute star" ("a
    # star" alone may be a rating or a sign, and is not read).
    **{
        (*lead, "star"): 3.0
        for lead in (
            ("what", "a"),
            ("such", "a"),
            ("you're", "a"),
            ("youre", "a"),
            ("you", "are", "a"),
            ("she's", "a"),
            ("he's", "a"),
            ("an", "absolute"),
            ("a", "total"),
            ("a", "real"),
            ("a", "proper"),
        )
    },
    # A person, a pet or a thing praised as an angel or a dream, stressed: "the dog was a
    # total angel", "the dress is an absolute dream", "it runs like a dream" ("she was an
    # angel in the nativity", "I had a dream", unstressed, are none and not read).
    **{
        (*lead, noun): 3.0
        for lead in (
            ("absolute",),
            ("total",),
            ("such", "a"),
            ("what", "a"),
            ("a", "real"),
            ("a", "proper"),
        )
        for noun in ("angel", "dream")
    },
    ("little", "angel"): 2.5,
    ("like", "a", "dream"): 3.0,
    # Indifference shown to the writer: "the attendant just shrugged at me" ("she shrugged
    # it off", taking a thing in her stride, is none).
    ("just", "shrugged"): -2.0,
    **{("shrugged", "at", whom): -2.0 for whom in ("me", "us")},
    # Sleep taken by a noise or a worry: "the road noise kept us up every night", "the
    # dog barks all night and keeps me awake" ("kept us up to date" is none).
    **{
        (verb, whom, awake): -2.5
        for verb in ("kept", "keeps", "keep", "keeping")
        for whom in ("me", "us", "him", "her", "them", "everyone", "everybody")
        for awake in ("awake", "up")
    },
    **{
        (verb, whom, "up", "to", what): 0.0
        for verb in ("kept", "keeps", "keep", "keeping")
        for whom in ("me", "us", "him", "her", "them", "everyone", "everybody")
        for what in ("date", "speed")
    },
    # A noise that goes on through the night: "the dog barks all night", "drilling every
    # night" (a complaint said as what happens; "we danced all night" is none).
    **{
        (noise, *when): -2.5
        for noise in _words(
            """bark barks barked barking yap yaps yapped yapping howl howls howled howling
            bang bangs banged banging scream screams screamed screaming shout shouts
            shouted shouting snore snores snored snoring drill drills drilled drilling
            blaring blasting thumping"""
        )
        for when in (
            ("all", "night"),
            ("every", "night"),
            ("all", "night", "long"),
            ("through", "the", "night"),
            ("half", "the", "night"),
        )
    },
    ("an", "absolute", "superstar"): 3.0,
    **{(verb, "apart"): -2.5 for verb in ("fell", "falls", "falling", "fall", "came", "coming")},
    **{(verb, "short"): -2.0 for verb in ("fell", "falls", "falling", "fall")},
    **{(verb, "downhill"): -2.5 for verb in ("went", "gone", "going", "goes")},
    # Being a fan of something, or not ("not a fan of the new layout").
    ("not", "a", "fan"): -2.0,
    ("not", "a", "big", "fan"): -2.0,
    ("not", "a", "huge", "fan"): -2.0,
    ("not", "much", "of", "a", "fan"): -2.0,
    ("big", "fan"): 2.0,
    ("huge", "fan"): 2.5,
    ("does", "the", "job"): 1.0,
    ("keeps", "crashing"): -3.0,
    ("stopped", "working"): -2.5,
    ("thank", "you"): 2.0,
    ("could", "be", "better"): -1.0,
    ("meh",): -0.5,
    ("mediocre",): -1.0,
    # Verdicts said in set phrases.
    ("thanks", "for", "nothing"): -2.5,
    ("thanks", "a", "lot", "for", "nothing"): -2.5,
    ("thanks", "so", "much", "for", "nothing"): -2.5,
    ("thank", "you", "for", "nothing"): -2.5,
    ("could", "have", "been", "worse"): 0.5,
    ("could", "be", "worse"): 0.5,
    ("buy", "again"): 2.0,
    ("five", "stars"): 2.0,
    ("5", "stars"): 2.0,
    ("one", "star"): -2.0,
    ("1", "star"): -2.0,
    ("kept", "crashing"): -3.0,
    ("keeps", "dropping"): -2.5,
    ("kept", "dropping"): -2.5,
    ("keeps", "disconnecting"): -2.5,
    ("kept", "disconnecting"): -2.5,
    ("kept", "freezing"): -2.5,
    ("keeps", "jamming"): -2.5,
    ("kept", "jamming"): -2.5,
    ("paper", "jam"): -2.0,
    # A service that is down does not work: "the wifi is down again", "the site went down".
    **{
        (name, verb, "down"): -2.5
        for name in _SERVICES
        for verb in ("is", "was", "are", "were", "went", "goes")
    },
    **{(f"{name}'s", "down"): -2.5 for name in _SERVICES},
    # The same said without a verb, as a headline, when it keeps happening or goes on:
    # "servers down AGAIN", "wifi still down" ("phones down" alone is put away).
    **{(name, "down", "again"): -2.5 for name in _SERVICES},
    **{(name, "still", "down"): -2.5 for name in _SERVICES},
    # Impatience ("can't wait any longer") is listed before eagerness, which it starts like.
    ("can't", "wait", "any", "longer"): -2.0,
    ("cannot", "wait", "any", "longer"): -2.0,
    ("can't", "wait", "anymore"): -2.0,
    # Eagerness and delight said with a negation: "can't wait", "couldn't be happier".
    ("can't", "wait"): 2.0,
    ("cant", "wait"): 2.0,
    ("cannot", "wait"): 2.0,
    ("looking", "forward"): 2.0,
    ("look", "forward"): 2.0,
    ("couldn't", "be", "happier"): 3.0,
    ("could", "not", "be", "happier"): 3.0,
    ("couldn't", "be", "better"): 3.0,
    # "the food made up for it": amends, a verdict for what follows.
    ("made", "up", "for"): 2.5,
    ("makes", "up", "for"): 2.5,
    ("make", "up", "for"): 2.5,
    # Expectations: disappointment and delight said without a word of opinion.
    ("expected", "more"): -2.0,
    ("expected", "better"): -2.0,
    ("expecting", "more"): -2.0,
    ("expecting", "better"): -2.0,
    # Worse was feared, and did not come: mild relief.
    ("expected", "worse"): 1.5,
    ("expecting", "worse"): 1.5,
    ("hoping", "for", "more"): -2.0,
    ("hoping", "for", "better"): -2.0,
    ("hoped", "for", "more"): -2.0,
    ("hoped", "for", "better"): -2.0,
    # Expectations met or not: "below expectations", "fell short of my expectations";
    # "didn't meet my expectations" turns "met", as a negation does.
    **{
        (where, *whose, "expectations"): -2.0
        for where in ("below", "short")
        for whose in ((), ("my",), ("our",), ("of",), ("of", "my"), ("of", "our"))
        if (where, *whose) != ("below", "of")
    },
    **{
        (verb, *whose, "expectations"): 2.0
        for verb in ("meet", "met", "meets")
        for whose in ((), ("my",), ("our",), ("all",), ("the",))
    },
    ("exceeded", "my", "expectations"): 2.5,
    ("exceeded", "expectations"): 2.5,
    ("exceeded", "all", "expectations"): 2.5,
    ("live", "up", "to"): 2.0,
    # The praise a thing is given: "everything it's cracked up to be"; "not all it's
    # cracked up to be" turns it, as a negation does.
    ("cracked", "up", "to", "be"): 2.0,
    ("lives", "up", "to"): 2.0,
    ("lived", "up", "to"): 2.0,
    # Beyond what was hoped for: delight said without a word of opinion.
    **{
        ("beyond", "what", who, hoped): 2.5
        for who in ("i", "we", "you", "anyone")
        for hoped in ("hoped", "expected", "imagined", "wanted", "asked")
    },
    **{("beyond", whose, "expectations"): 2.5 for whose in ("my", "our", "all", "any")},
    # A warning to others: "save your money", "save yourself the trouble", "steer clear".
    **{("save", "your", what): -2.5 for what in ("money", "cash", "time")},
    ("save", "yourself", "the"): -2.5,
    ("steer", "clear"): -2.5,
    ("stay", "away", "from"): -2.5,
    # Scorn: "a joke of a company", "what a joke", "the service is a joke".
    ("joke", "of", "a"): -2.5,
    ("joke", "of", "an"): -2.5,
    **{(lead, "a", "joke"): -2.5 for lead in ("what", "such", "is", "was", "total", "complete")},
    # The same scorn in other nouns: "the room was a total dump", "what a shambles" ("the
    # dump" where rubbish goes is none).
    **{
        (lead, "a", scorn): -2.5
        for lead in ("what", "such", "is", "was", "total", "complete", "absolute")
        for scorn in ("dump", "shambles", "farce", "disgrace", "hovel")
    },
    # A good time had: "had a blast", "having a ball", "the time of our lives".
    **{
        (verb, "a", fun): 3.0
        for verb in ("had", "have", "having", "has")
        for fun in ("blast", "ball")
    },
    ("time", "of", "my", "life"): 3.0,
    ("time", "of", "our", "lives"): 3.0,
    ("time", "of", "their", "lives"): 3.0,
    # A suggestion, not a pain: "it wouldn't hurt to add more seats".
    **{
        (negation, "hurt", "to"): 0.0
        for negation in ("wouldn't", "won't", "doesn't", "couldn't", "can't", "never")
    },
    # Weariness of a thing that goes on: "absolutely sick of it", "sick and tired".
    ("sick", "of"): -2.5,
    ("sick", "and", "tired"): -2.5,
    # A complaint asked as a question: "is it too much to ask for a bus on time?".
    ("too", "much", "to", "ask"): -2.0,
    # A meeting that wasted the time of all there: "could have been an email".
    **{(*could, "been", "an", "email"): -2.0 for could in (("could", "have"), ("could've",))},
    # A fine to pay, given on the road: "a speeding ticket", "got a parking ticket" ("buy
    # a parking ticket at the machine" is none, and is not read).
    ("speeding", "ticket"): -2.0,
    ("another", "parking", "ticket"): -2.0,
    **{
        (verb, "a", "parking", "ticket"): -2.0
        for verb in ("got", "get", "gets", "getting", "given", "received")
    },
    # A thing that should be there, gone: "the parcel is nowhere to be found".
    ("nowhere", "to", "be", "found"): -2.5,
    ("nowhere", "to", "be", "seen"): -2.5,
    # A lead or a chance squandered: "threw it all away after the break", "bottled it".
    **{(verb, "it", "all", "away"): -2.5 for verb in ("threw", "thrown", "throw", "throwing")},
    ("bottled", "it"): -2.5,
    # Things done behind others' backs: "changing the rota without telling anyone".
    **{
        ("without", verb, whom): -2.0
        for verb in ("telling", "asking", "consulting", "warning")
        for whom in ("anyone", "anybody", "us", "me", "them", "people", "staff")
    },
    # A bad smell, said of a room or a thing: "smelled of smoke", "smells like damp".
    **{
        (verb, link, smell): -2.0
        for verb in ("smelled", "smelt", "smells", "smell", "smelling", "stank", "stinks")
        for link in ("of", "like")
        for smell in (
            "smoke",
            "cigarettes",
            "damp",
            "mould",
            "mold",
            "sweat",
            "urine",
            "wee",
            "sewage",
            "drains",
            "vomit",
        )
    },
    # The same smell said with no "of" or "like": "the sheets came back smelling damp".
    **{(verb, "damp"): -2.0 for verb in ("smelled", "smelt", "smells", "smell", "smelling")},
    # A shock, told as one ("the bill nearly gave me a heart attack"), or the news of one:
    # bad either way.
    ("heart", "attack"): -2.0,
    # Someone meant to be attending, on their phone throughout: "the trainer was on her
    # phone the whole time" (said of the writer, "I was on my phone", it is none).
    **{
        ("on", whose, phone, *throughout): -2.0
        for whose in ("her", "his", "their")
        for phone in ("phone", "phones", "mobile")
        for throughout in (
            ("the", "whole", "time"),
            ("the", "entire", "time"),
            ("all", "the", "time"),
            ("throughout",),
            *(("the", "whole", part) for part in ("lesson", "class", "session", "meal", "day")),
        )
    },
    # Fobbed off: a complaint put off rather than dealt with ("they keep fobbing me off",
    # "I was fobbed off again", "gave us the runaround", "messing me about").
    **{
        (verb, *whom, "off"): -2.5
        for verb in ("fob", "fobs", "fobbed", "fobbing")
        for whom in ((), *((w,) for w in _words("me us him her them people customers")))
    },
    **{(verb, "the", "runaround"): -2.5 for verb in ("gave", "give", "gives", "giving", "got")},
    **{
        (verb, whom, about): -2.5
        for verb in ("messed", "messing", "mess")
        for whom in ("me", "us", "him", "her", "them")
        for about in ("about", "around")
    },
    # Trouble spared the writer, said as what happened: "saved me a tow", "it saves us a
    # trip into town" ("save me a seat", asked, is not read).
    **{(verb, whom): 2.0 for verb in ("saved", "saves") for whom in ("me", "us")},
    # Money saved for the writer, said as what happened: "saved me a fortune", "it'll save
    # you loads" ("save your money", a warning, is above).
    **{
        (verb, whom, *amount): 2.5
        for verb in ("saved", "saves", "save", "saving")
        for whom in ("me", "us", "you", "him", "her", "them")
        for amount in (
            ("a", "fortune"),
            ("a", "packet"),
            ("a", "bomb"),
            ("a", "lot"),
            ("loads",),
            ("so", "much"),
        )
    },
    # An injury, said as what happened: "pulled my calf", "twisted her ankle", "tore a
    # muscle" (no word of opinion, and bad news; "pulled my socks up" is none of these).
    **{
        (verb, whose, *side, part): -2.5
        for verb in _words(
            "pulled pull tore torn twisted strained broke broken hurt injured sprained"
        )
        for whose in ("my", "his", "her", "their", "our", "your", "a")
        for side in ((), ("left",), ("right",))
        for part in _words(
            """calf calves hamstring hamstrings muscle ankle knee wrist back neck shoulder
            groin achilles thigh hip elbow toe finger leg arm ligament"""
        )
    },
    # A bake that failed, said as what it did: "the cake sank in the middle".
    **{(verb, "in", "the", "middle"): -2.0 for verb in ("sank", "sunk", "sinks", "sinking")},
    # A name of a kind of account, no praise of it: "your easy access account", "an easy
    # access saver" (easy is a word of its name).
    **{
        ("easy", "access", kind): 0.0
        for kind in _words("account accounts saver savers savings isa isas bond")
    },
    # Fillers that say how frankly a thing is said, no praise: "to be honest, ...".
    ("to", "be", "honest"): 0.0,
    ("in", "all", "honesty"): 0.0,
    # No verdict yet, said so: read, and neutral.
    **{("too", when, "to", verb): 0.0 for when in ("early", "soon") for verb in ("say", "tell")},
    **_FAILURES,
}
_NEGATIONS = _words(
    """not no never none nobody nothing neither nor without hardly barely isn't aren't
    wasn't weren't don't doesn't didn't won't wouldn't can't cannot couldn't shouldn't
    lack lacks lacking"""
)
# "I can't believe how good it is": surprise, not negation.
_NOT_NEGATING = {("can't", "believe"), ("cannot", "believe"), ("couldn't", "believe")}
# "It was supposed to be fast", "I wanted to love it", "it should have been better": what
# was expected and did not come turns the opinion after it, as a negation does.
_COUNTERFACTUAL = {
    ("supposed", "to", "be"),
    ("meant", "to", "be"),
    ("should", "have", "been"),
    ("would", "have", "been"),
    ("could", "have", "been"),
    *((wish, "to", verb) for wish in ("wanted", "hoped") for verb in ("love", "like", "enjoy")),
    *(("would", "have", verb) for verb in ("loved", "liked", "enjoyed")),
}
_NEGATION_WINDOW = 3
_NEVER_SO = {
    (verb, degree)
    for verb in ("been", "felt", "seen", "had", "was", "were", "be")
    for degree in ("so", "more", "this", "that", "as")
}
# "haven't felt this good in years", "hasn't looked this tidy since": as much as then.
_NOT_SINCE = _words("haven't hasn't hadn't")
_NOT_SINCE_SO = {
    (verb, degree)
    for verb in ("been", "felt", "looked", "seen", "had", "slept", "eaten")
    for degree in ("this", "that")
}
# "supposed to be fast", "should have been better": the opinion is three words on.
_COUNTERFACTUAL_WINDOW = 4
_INTENSIFIERS: dict[str, float] = {
    "very": 1.3,
    "really": 1.3,
    "extremely": 1.6,
    "highly": 1.4,
    "so": 1.3,
    "too": 1.2,
    "incredibly": 1.6,
    "particularly": 1.2,
    "absolutely": 1.5,
    "totally": 1.4,
    "completely": 1.4,
    "super": 1.4,
    "truly": 1.3,
    "quite": 1.1,
    # Better or worse than was expected: "surprisingly decent" is more than "decent".
    "surprisingly": 1.3,
    "unexpectedly": 1.3,
    "slightly": 0.6,
    "fairly": 0.9,
    "somewhat": 0.7,
    "barely": 0.5,
}
# "until": "perfect until the bill came" weighs what came after, as "but" does.
_CONTRAST = frozenset({"but", "however", "although", "though", "yet", "nevertheless", "until"})
# Words that end a negation's reach: a new clause starts.
_SCOPE_ENDS = _CONTRAST | {"and", "or", "because", "while", ".", ",", ";", ":", "!", "?"}


@dataclass(frozen=True)
class SentenceSentiment:
    """Sentiment of one sentence; `score` is normalised to -1..1."""

    sentence: str
    score: float
    label: str


@dataclass(frozen=True)
class Sentiment:
    """Lexicon sentiment of a text: label, normalised score and the words that drove it.

    Attributes:
        label: positive, negative, neutral (inside the band) or mixed.
        score: -1..1.
        positive: Summed positive valence.
        negative: Summed negative valence (a positive number).
        neutral_words: Words without valence.
        positive_terms: The words (or phrases, "not bad") that counted positive.
        negative_terms: The words (or phrases, "not good") that counted negative.
        sentences: Each sentence's own score and label.
        unsure: The words that say an opinion this lexicon cannot read ("really filthy",
            the words after "but" with none it knows); when there are any, the label is a
            guess, and callers should not report it as the text's sentiment.
        unread: No word or phrase of the text was read, and it is not plainly factual (a
            time, a date, an amount, a request, a plan): "neutral" then only says that no
            opinion was recognised, not that none is held, and callers should not report
            it as the text's sentiment.
        ironic: Words of praise read as irony, said of something bad ("thanks a lot for
            losing my luggage", "oh great, ..." before a complaint): what was read as
            sarcasm, and not counted as praise.
    """

    label: str
    score: float
    positive: float
    negative: float
    neutral_words: int
    positive_terms: list[str] = field(default_factory=list)
    negative_terms: list[str] = field(default_factory=list)
    sentences: list[SentenceSentiment] = field(default_factory=list)
    unsure: list[str] = field(default_factory=list)
    unread: bool = False
    ironic: list[str] = field(default_factory=list)


@dataclass
class _Tally:
    positive: float = 0.0
    negative: float = 0.0
    neutral: int = 0
    positive_terms: list[str] = field(default_factory=list)
    negative_terms: list[str] = field(default_factory=list)
    contrast: bool = False
    # Valence that came from negated words ("not great"): hedges, not opinions held.
    hedged_positive: float = 0.0
    hedged_negative: float = 0.0
    # Opinions held, before a contrast weighed the side after it.
    held_positive: float = 0.0
    held_negative: float = 0.0
    # The opinions held before the first contrast, once one is read.
    held_before: tuple[float, float] | None = None
    # The opinions held before a concession said after a clause ("..., although ..."),
    # at the first one (see `_conceded_on_both_sides`).
    conceded: tuple[float, float] | None = None
    # Why the words that decide the label were not read (see `Sentiment.unsure`).
    unread: list[str] = field(default_factory=list)
    last_hedged: bool = False
    # The valence of the last opinion held (see `_read_less_so`).
    last_held: float = 0.0
    # A service that failed the writer was read: a long wait, a call cut off, no answer
    # (see `_closing_praise_of_a_thing`).
    service_failed: bool = False
    # Phrases read as saying no opinion ("too early to tell", "if it doesn't work").
    read_neutral: int = 0
    # Praise read as irony (see `Sentiment.ironic`).
    ironic: list[str] = field(default_factory=list)
    # Whether the first contrast turns from one thing judged to another ("lovely staff but
    # the rooms were tired"), see `_turns_to_another_thing`.
    turns: bool = False
    # A complaint after a contrast said as a poor fit for the writer ("but way too slow
    # for me"), see `_too_for_the_writer`.
    to_taste: bool = False
    # The opinion held of long waits and other failures told as what happened, read after
    # the first contrast ("but we sat there 40 mins", "but they left sawdust all over my
    # car"), see `_praise_then_a_wait`.
    waited_after: float = 0.0
    # The opinions held before the first "let down by" ("a charming production let down by
    # the singing"), see `_praise_let_down`.
    let_down: tuple[float, float] | None = None

    def add(self, term: str, valence: float, hedged: bool = False, weight: float = 1.0) -> None:
        self.last_hedged = hedged
        if not hedged:
            self.last_held = valence
            if valence > 0:
                self.held_positive += valence / weight
            else:
                self.held_negative += -valence / weight
        if hedged:
            if valence > 0:
                self.hedged_positive += valence
            else:
                self.hedged_negative += -valence
        if valence > 0:
            self.positive += valence
            self.positive_terms.append(term)
        elif valence < 0:
            self.negative += -valence
            self.negative_terms.append(term)


# "expected more" and "expected better service" are disappointment; "expected more
# problems" is not: an expectation of something bad is no verdict, nor a complaint.
_EXPECTATIONS = frozenset({"expected", "expecting", "hoped", "hoping"})
# "We're expecting more visitors next week", "hoping for better weather": a hope still
# held is no disappointment; "was expecting more" is one that came to nothing.
_ONGOING_HOPES = frozenset({"expecting", "hoping"})
_PAST_AUXILIARIES = frozenset({"was", "were", "been"})


def _hope_past(tokens: Sequence[str], index: int) -> bool:
    """Whether the word at ``index``, if a hope still going on, is said of the past."""
    return tokens[index] not in _ONGOING_HOPES or (
        index > 0 and tokens[index - 1] in _PAST_AUXILIARIES
    )


# "If it doesn't work, call us": a failure supposed is no complaint.
_CONDITIONS = frozenset({"if", "unless", "whether"})
# "I don't work on Mondays": a person not working is no thing failing.
_PEOPLE = frozenset({"i", "we", "you", "they", "he", "she"})
_WORKING = frozenset({"work", "works", "worked"})


def _no_failure(phrase: tuple[str, ...], tokens: Sequence[str], index: int) -> bool:
    """Whether a phrase of failure ("doesn't work") complains of nothing where it stands."""
    # "If it doesn't work", "if the lift is out of order": a condition in its clause.
    start = index
    while start > 0 and tokens[start - 1] not in _SCOPE_ENDS:
        start -= 1
    if _CONDITIONS.intersection(tokens[start:index]):
        return True
    end = index + len(phrase)
    if end < len(tokens) and _LEXICON.get(tokens[end], 0.0) < 0:
        # "never arrived late": the bad thing did not happen.
        return True
    return phrase[-1] in _WORKING | _SENDS and _said_of_a_person(tokens, index)


def _missed_round(tokens: Sequence[str], index: int) -> bool:
    """Whether the "missed" said from ``index`` is said of a thing a round calls at ("the
    bins were missed", "our street always gets missed"), in its clause."""
    for position in range(index - 1, max(-1, index - 1 - _ROUND_GAP), -1):
        if tokens[position] in _SCOPE_ENDS:
            return False
        if tokens[position] in _ROUNDS:
            return True
    return False


def _said_of_a_person(tokens: Sequence[str], index: int) -> bool:
    return index > 0 and tokens[index - 1] in _PEOPLE


# "would buy this again", "wouldn't order from them again": a customer coming back, with
# what is bought between the act and "again"; said so, it is a verdict ("would", "will"),
# where "I had to buy it again" is none.
_CUSTOM = _words(
    """buy buying order ordering book booking stay staying visit visiting shop shopping use
    using eat eating"""
)
_INTENT = _words("would will i'd we'd i'll we'll definitely certainly happily gladly be")
_AGAIN_GAP = 3


def _custom_again(tokens: Sequence[str], index: int) -> int:
    """How many tokens "buy ... again" spans from ``index`` with up to three words between,
    said with intent or turned by a negation ("wouldn't buy this again"); 0 when none."""
    if tokens[index] not in _CUSTOM:
        return 0
    before = tokens[max(0, index - 3) : index]
    if not _INTENT.intersection(before) and not any(
        t in _NEGATIONS or t.endswith("n't") for t in before
    ):
        return 0
    for width in range(2, _AGAIN_GAP + 3):
        end = index + width - 1
        if end >= len(tokens) or tokens[end] in _SCOPE_ENDS:
            return 0
        if tokens[end] == "again":
            return width
    return 0


# "This is the last time I book with you", "that was the last time we'll ever stay here":
# said to be the last, a customer's visit is one who will not come back, as "never again"
# says; "the last time I ordered, it came late" tells of an earlier order, and is none.
_LAST_TIME = ("last", "time")
_LAST_TIME_SAID = _words("is was be it's that's")
_LAST_TIME_BETWEEN = _words("i we i'll we'll will ever")
_LAST_TIME_GAP = 3


def _last_custom(tokens: Sequence[str], index: int) -> int:
    """How many tokens "last time I ... book" spans from ``index``, said after "is the"
    or "will be the", or 0 when none."""
    said = index >= 2 and tokens[index - 1] == "the" and tokens[index - 2] in _LAST_TIME_SAID
    if not said or tuple(tokens[index : index + 2]) != _LAST_TIME:
        return 0
    end = index + 2
    while end < len(tokens) and end - index - 2 <= _LAST_TIME_GAP:
        if tokens[end] in _CUSTOM:
            return end - index + 1 if end > index + 2 else 0
        if tokens[end] not in _LAST_TIME_BETWEEN:
            return 0
        end += 1
    return 0


# "I can't recommend this enough", "can't thank you enough": praise as much as can be said,
# not a negated recommendation.
_NOT_ENOUGH = _words("recommend thank praise")
_ENOUGH_GAP = 3
_ENOUGH_VALENCE = 3.0
# "I wish I had bought it sooner" is delight; "I wish I'd never bought it", regret.
_WISHES = (("wish", "i", "had"), ("wish", "i'd"), ("wish", "we", "had"), ("wish", "we'd"))
_WISH_VALENCE = 2.5


# "brought my old boots back to life", "brings the garden back to life": a worn or
# neglected thing restored.
_BRINGS = _words("bring brings brought bringing")
_RESTORED_GAP = 6
_RESTORED_VALENCE = 2.5


def _span_to(tokens: Sequence[str], index: int, word: str, gap: int) -> int:
    """How many tokens from ``index`` up to ``word`` with at most ``gap`` words between, in
    one clause; 0 when there is no such word."""
    for width in range(2, gap + 3):
        end = index + width - 1
        if end >= len(tokens) or tokens[end] in _SCOPE_ENDS:
            return 0
        if tokens[end] == word:
            return width
    return 0


def _set_phrase(tokens: Sequence[str], index: int) -> tuple[tuple[str, ...], float] | None:
    """The phrases with words between their parts: "can't recommend this enough", "wish I
    had bought it sooner", "wish I had never bought it"."""
    token = tokens[index]
    following = tokens[index + 1] if index + 1 < len(tokens) else ""
    if token in ("can't", "cannot", "cant", "couldn't") and following in _NOT_ENOUGH:
        width = _span_to(tokens, index + 1, "enough", _ENOUGH_GAP)
        if width:
            return tuple(tokens[index : index + 1 + width]), _ENOUGH_VALENCE
    if token in ("can't", "cannot", "cant", "couldn't") and following == "do":
        # "the staff couldn't do enough for us": help beyond what was asked ("I can't do
        # enough exercise" does nothing for anyone, and is none).
        width = _span_to(tokens, index + 1, "enough", _ENOUGH_GAP)
        end = index + 1 + width
        if width and end < len(tokens) and tokens[end] == "for":
            return tuple(tokens[index : end + 1]), _ENOUGH_VALENCE
    if token in _BRINGS:
        # "brought my 20 year old boots back to life": a worn thing restored, praise of
        # the work however many words name the thing.
        width = _span_to(tokens, index, "back", _RESTORED_GAP)
        end = index + width
        if width and tuple(tokens[end : end + 2]) == ("to", "life"):
            return tuple(tokens[index : end + 2]), _RESTORED_VALENCE
    wish = next((w for w in _WISHES if tuple(tokens[index : index + len(w)]) == w), None)
    if wish is not None:
        after = index + len(wish)
        if after < len(tokens) and tokens[after] == "never":
            return tuple(tokens[index : after + 1]), -_WISH_VALENCE
        for word in ("sooner", "earlier"):
            width = _span_to(tokens, after - 1, word, _ENOUGH_GAP)
            if width:
                return tuple(tokens[index : after - 1 + width]), _WISH_VALENCE
    return None


# "Your prescription is ready for collection", "the parcel is now ready to collect": a
# notice that a thing can be fetched, no opinion ("wasn't ready for collection", a thing
# not there when due, is read by `_NOT_DUE`, which starts a word before).
# "tastes a bit like cardboard", "tasted like soap": food or drink likened to what is no
# food, a complaint without a word of opinion.
_PHRASES.update(
    {
        (verb, *degree, "like", thing): -2.0
        for verb in ("taste", "tastes", "tasted", "tasting")
        for degree in ((), ("a", "bit"), ("a", "little"), ("kind", "of"), ("more",))
        for thing in ("cardboard", "soap", "dishwater", "plastic", "sawdust", "chemicals")
    }
)
_PHRASES.update(
    {
        (*said, "ready", *fetch): 0.0
        for said in (("is",), ("are",), ("is", "now"), ("are", "now"), ("now",))
        for fetch in (
            ("for", "collection"),
            ("for", "pickup"),
            ("for", "pick-up"),
            ("to", "collect"),
            ("to", "pick", "up"),
        )
    }
)


# The longest phrase that starts at a word is the one said: "thank you for nothing" is not
# "thank you" and three more words.
_PHRASES_LONGEST_FIRST = sorted(_PHRASES.items(), key=lambda item: -len(item[0]))


def _by_first_word(
    phrases: Iterable[tuple[tuple[str, ...], float]],
) -> dict[str, list[tuple[tuple[str, ...], float]]]:
    """The phrases by their first word, each list in the order given ("an" is filed with
    "a", which a phrase said with a stress inside may be spoken as)."""
    indexed: dict[str, list[tuple[tuple[str, ...], float]]] = {}
    for phrase, valence in phrases:
        indexed.setdefault(_FIRST_WORDS.get(phrase[0], phrase[0]), []).append((phrase, valence))
    return indexed


# A phrase is only ever said from its first word: looked up by it, not tried one by one
# at every word (there are thousands).
_FIRST_WORDS = {"an": "a"}
_PHRASES_LONGEST_FIRST_BY_WORD = _by_first_word(_PHRASES_LONGEST_FIRST)
_PHRASES_BY_WORD = _by_first_word(_PHRASES.items())


# "Still no hot water", "still no sign of the engineer": a thing waited for and still
# missing; "still no problems" counts none of a bad thing, and is read as "no problems".
_STILL_NONE = ("still", "no")
_STILL_NONE_VALENCE = -2.0
_STILL_NONE_WORDS = 4
# Words that do not end what is missing: "still no sign of the engineer" names it after.
_NOT_THE_END = _words("the a an my our your this that of from for in at on")


def _still_none(tokens: Sequence[str], index: int) -> int:
    """How many tokens "still no ..." spans from ``index``, what is missing included (up to
    three words, in its clause), or 0 when it is none or is a phrase of its own."""
    if tuple(tokens[index : index + 2]) != _STILL_NONE or index + 2 >= len(tokens):
        return 0
    missing = tokens[index + 2]
    if missing in _SCOPE_ENDS or _LEXICON.get(missing, 0.0) < 0 or ("no", missing) in _PHRASES:
        return 0
    end = index + 3
    while end < len(tokens) and end - index - 2 < _STILL_NONE_WORDS:
        if tokens[end] in _SCOPE_ENDS:
            break
        end += 1
    while end > index + 3 and tokens[end - 1] in _NOT_THE_END:
        end -= 1
    return end - index


# Time taken off a personal best: "knocked 2 minutes off my 10k PB", "shaved 30 seconds
# off my parkrun pb" (good news said without a word of opinion, as a record beaten is).
_CUTS = _words("knocked knock knocks took take takes shaved shave shaves cut cuts chopped")
_CUT_GAP = 4  # "2 minutes", "a full minute": words between the verb and "off"
_RECORD_OF = 2  # "10k", "half marathon": what the record is of
_RECORD_WHOSE = _words("my his her our their your")
_TIME_OFF_VALENCE = 2.5


def _time_off_a_record(tokens: Sequence[str], index: int) -> int:
    """How many tokens "<cut> ... off my [10k] PB" spans from ``index``, or 0."""
    if tokens[index] not in _CUTS:
        return 0
    off = next(
        (i for i in range(index + 1, min(index + 2 + _CUT_GAP, len(tokens))) if tokens[i] == "off"),
        None,
    )
    if off is None or off + 1 >= len(tokens) or tokens[off + 1] not in _RECORD_WHOSE:
        return 0
    if any(t in _SCOPE_ENDS for t in tokens[index + 1 : off]):
        return 0
    for start in range(off + 2, min(off + 3 + _RECORD_OF, len(tokens))):
        if any(t in _SCOPE_ENDS for t in tokens[off + 2 : start]):
            return 0
        for record in _RECORDS:
            if tuple(tokens[start : start + len(record)]) == record:
                return start + len(record) - index
    return 0


def _phrase_at(tokens: Sequence[str], index: int) -> tuple[tuple[str, ...], float] | None:
    if tokens[index] in _NEEDS and index > 0 and tokens[index - 1] in _PERSONS_NEEDS:
        # "he needs new glasses": what a person needs is no repair due.
        return None
    still = _still_none(tokens, index)
    if still:
        return tuple(tokens[index : index + still]), _STILL_NONE_VALENCE
    again = _custom_again(tokens, index)
    if again:
        return tuple(tokens[index : index + again]), _PHRASES[("buy", "again")]
    last = _last_custom(tokens, index)
    if last:
        return tuple(tokens[index : index + last]), _PHRASES[("never", "again")]
    record = _time_off_a_record(tokens, index)
    if record:
        return tuple(tokens[index : index + record]), _TIME_OFF_VALENCE
    said = _set_phrase(tokens, index)
    if said is not None:
        return said
    first = _FIRST_WORDS.get(tokens[index], tokens[index])
    for phrase, valence in _PHRASES_LONGEST_FIRST_BY_WORD.get(first, ()):
        end = _said_end(phrase, tokens, index)
        if end is not None and _hope_past(tokens, index):
            spoken = tuple(tokens[index:end])
            if (
                phrase in _NOT_DUE
                and phrase[-1] in _PERSONS_STATES
                and _said_of_a_person(tokens, index)
            ):
                # "I wasn't ready for that ending": a person, in no verdict the words tell.
                continue
            if phrase in _MISSED and not _missed_round(tokens, index):
                continue
            if phrase in _FAILURES and _no_failure(phrase, tokens, index):
                return phrase, 0.0
            if (
                phrase[0] in _EXPECTATIONS
                and end < len(tokens)
                and _LEXICON.get(tokens[end], 0.0) < 0
            ):
                # The bad thing expected did not happen: neither a verdict nor a complaint.
                return (*spoken, tokens[end]), 0.0
            return spoken, valence
    for phrase, valence in _PHRASES_BY_WORD.get(first, ()):
        if phrase in _FAILURES or phrase[0] in _EXPECTATIONS:
            continue
        stressed = _intensified_phrase_end(phrase, tokens, index)
        if stressed is not None:
            return tuple(tokens[index:stressed]), valence
    return None


# "expected much more", "was expecting a lot better", "hoped for far more": a degree
# before the comparison stresses the same disappointment.
_DEGREES_OF_COMPARISON = _words("much far way lot a bit little so even")
_DEGREE_GAP = 3


def _said_end(phrase: tuple[str, ...], tokens: Sequence[str], index: int) -> int | None:
    """Where ``phrase`` ends when it is said at ``index``, an expectation with a degree
    before its comparison included ("expected so much more"); None when it is not said."""
    if tuple(tokens[index : index + len(phrase)]) == phrase:
        return index + len(phrase)
    if phrase[0] not in _EXPECTATIONS:
        return None
    position = index + len(phrase) - 1
    if tuple(tokens[index:position]) != phrase[:-1]:
        return None
    start = position
    while (
        position < len(tokens)
        and tokens[position] in _DEGREES_OF_COMPARISON
        and position - start < _DEGREE_GAP
    ):
        position += 1
    if position == start or position >= len(tokens) or tokens[position] != phrase[-1]:
        return None
    return position + 1


# Words that intensify a set phrase from inside it: "had an absolute blast", "a total joke".
_INSIDE_PHRASE = frozenset(_INTENSIFIERS) | _words("absolute real total complete proper right")
_INSIDE_PHRASE_GAP = 2


def _intensified_phrase_end(
    phrase: tuple[str, ...], tokens: Sequence[str], index: int
) -> int | None:
    """Where ``phrase`` ends when it is said at ``index`` with an intensifier inside it
    ("had an absolute blast" is "had a blast", stressed), else None."""
    position, skipped = index, 0
    for number, word in enumerate(phrase):
        while (
            number
            and position < len(tokens)
            and tokens[position] != word
            and tokens[position] in _INSIDE_PHRASE
            and skipped < _INSIDE_PHRASE_GAP
        ):
            position, skipped = position + 1, skipped + 1
        if position >= len(tokens):
            return None
        if tokens[position] != word and {tokens[position], word} != {"a", "an"}:
            return None
        position += 1
    return position


# "nothing special", "not bad": a mild phrase made with a negation says what a thing is
# not, a hedge as "not great" is ("nothing special, but nothing wrong either" is neutral).
_MILD = 1.5


def _mild_negation(words: Sequence[str], valence: float) -> bool:
    return words[0] in _NEGATIONS and 0 < abs(valence) <= _MILD


_MODALS = frozenset({"could", "can", "would"})
_MODAL_NEGATIONS = frozenset({"couldn't", "can't", "cannot", "wouldn't"})


def _cannot_be_more(tokens: Sequence[str], position: int, index: int) -> bool:
    """Whether the negation at ``position`` says that the comparative at ``index`` is as much
    as can be ("couldn't have been better", "could not have been nicer", "can't be worse"):
    the comparative's own verdict, at its highest, not its opposite."""
    token = tokens[position]
    modal = token in _MODAL_NEGATIONS or (
        token == "not" and position > 0 and tokens[position - 1] in _MODALS
    )
    if not modal:
        return False
    between = tuple(tokens[position + 1 : index])
    return _is_comparative(tokens[index]) and between in (("be",), ("have", "been"), ("ever", "be"))


def _is_comparative(word: str) -> bool:
    return word in {"better", "worse"} or (
        word.endswith("er") and _comparative_of(word) is not None
    )


# "I thought it would be better", "we expected the staff to be friendlier": a hope held
# before, with "would" or "to" saying it was a hope and not a verdict.
_HOPING = _words("thought expected expecting hoped hoping assumed imagined")
_HOPE_MODALS = _words("would to for will i'd we'd it'd it'll would've")
_HOPE_WINDOW = 8


def _hope_before(tokens: Sequence[str], index: int) -> int | None:
    """Where the hope starts ("thought" in "thought it would be better") when the word at
    ``index`` says what was hoped for or expected in its clause, else None."""
    modal = False
    for position in range(index - 1, max(-1, index - 1 - _HOPE_WINDOW), -1):
        token = tokens[position]
        if token in _SCOPE_ENDS:
            return None
        if token in _HOPE_MODALS:
            modal = True
        elif token in _HOPING:
            # "I never expected it to be this good": no hope was held, and the word is the
            # verdict, beyond what was thought.
            denied = position > 0 and (
                tokens[position - 1] in _NEGATIONS or tokens[position - 1].endswith("n't")
            )
            return position if modal and not denied else None
    return None


# "never had a single problem", "haven't had any issues": words stressing that none was
# had, which the negation reaches over.
_NONE_STRESSED = _words("single any")


def _negated(tokens: Sequence[str], index: int) -> bool:
    stressed = 0
    back = 0
    while back < _COUNTERFACTUAL_WINDOW + stressed:
        back += 1
        position = index - back
        if position < 0:
            return False
        token = tokens[position]
        if token in _SCOPE_ENDS:
            return False
        if back == 2 and tokens[position : position + 2] == ["short", "of"]:
            # "nothing short of magical", "can't say it was anything short of superb", "not
            # short of problems": the word itself, said with its negation taken back.
            return False
        following = tokens[position + 1] if position + 1 < len(tokens) else ""
        if token in _NONE_STRESSED:
            stressed += 1
        if (token in _NEGATIONS or token.endswith("n't")) and back - stressed <= _NEGATION_WINDOW:
            # "could not be more disappointed": as much as can be, not its opposite.
            if tokens[position + 1 : position + 3] in (["be", "more"], ["be", "any"]):
                return False
            if _cannot_be_more(tokens, position, index):
                return False
            # "never been so disappointed", "never felt more at home": more than ever
            # before, an intensifier, not a negation.
            if token == "never" and tuple(tokens[position + 1 : position + 3]) in _NEVER_SO:
                return False
            # "haven't felt this good in years": not since, as good as then.
            if token in _NOT_SINCE and tuple(tokens[position + 1 : position + 3]) in _NOT_SINCE_SO:
                return False
            return (token, following) not in _NOT_NEGATING
        if (
            back <= _COUNTERFACTUAL_WINDOW
            and tuple(tokens[position : position + 3]) in _COUNTERFACTUAL
        ):
            return True
    return _negated_subject(tokens, index)


# "I can't say I didn't enjoy it", "I wouldn't say it wasn't worth it": a saying denied
# of a negation, which takes it back.
_DENIED_SAYING = _words("can't cannot cant couldn't wouldn't won't")
_SAID_WHO = _PEOPLE | _words("it that this they it's")


def _denied_saying(tokens: Sequence[str], index: int) -> bool:
    """Whether the negation that turns the word at ``index`` is itself said under a denied
    saying ("can't say I didn't ...", "wouldn't say that it wasn't ...")."""
    for position in range(index - 1, max(-1, index - 1 - _NEGATION_WINDOW), -1):
        token = tokens[position]
        if token in _SCOPE_ENDS:
            return False
        if token in _NEGATIONS or token.endswith("n't"):
            before = list(tokens[max(0, position - 4) : position])
            if len(before) >= 2 and before[-2] in _DETERMINERS and before[-1].isalpha():
                # "wouldn't say the food wasn't good": the thing said of, named.
                del before[-2:]
            while before and before[-1] in _SAID_WHO | {"that"}:
                before.pop()
            return len(before) >= 2 and before[-1] == "say" and before[-2] in _DENIED_SAYING
    return False


# "Not a single egg was cracked", "none of the plates were broken": the subject said to be
# none turns what is said of it, however many words it takes ("nothing was damaged").
# ("no" alone is left out: "no the glasses were broken" is an answer, then a complaint.)
# "Not once did the kids say they were bored", "at no point was it cold": the same of a time
# that is none.
_NO_SUBJECT = (
    ("not", "a", "single"),
    ("not", "one"),
    ("none", "of"),
    ("nothing",),
    ("not", "once"),
    ("never", "once"),
    ("at", "no", "point"),
)
_SAID_OF = _words("is was are were been had has have arrived came got went goes")
_SUBJECT_WINDOW = 8


def _negated_subject(tokens: Sequence[str], index: int) -> bool:
    """Whether the word at ``index`` is said of a subject that is none, in its clause."""
    start = index
    while start > 0 and tokens[start - 1] not in _SCOPE_ENDS:
        start -= 1
    clause = tuple(tokens[start:index])
    return (
        len(clause) <= _SUBJECT_WINDOW
        and any(clause[: len(none)] == none for none in _NO_SUBJECT)
        and bool(_SAID_OF.intersection(clause))
    )


_NONE_WORKING = -2.5
# "none of us worked on Sunday": people not working is no thing failing.
_OF_PEOPLE = _words("us you")


def _none_working(tokens: Sequence[str], index: int) -> bool:
    """Whether the working verb at ``index`` is said of a subject that is none, in its
    clause ("not one of the lights was working", "none of the sockets work")."""
    start = index
    while start > 0 and tokens[start - 1] not in _SCOPE_ENDS:
        start -= 1
    clause = tuple(tokens[start:index])
    none = next((n for n in _NO_SUBJECT if clause[: len(n)] == n), None)
    if none is None or none == ("nothing",) or len(clause) > _SUBJECT_WINDOW:
        # "nothing works" is a failure phrase of its own.
        return False
    whose = clause[len(none) : len(none) + 2]
    turned = any(t in _NEGATIONS or t.endswith("n't") for t in clause[len(none) :])
    return not _OF_PEOPLE.intersection(whose) and not turned


def _far_from(tokens: Sequence[str], index: int) -> bool:
    """Whether "far from" comes right before the word, or before its article."""
    start = index
    while start > 0 and tokens[start - 1] in {"the", "a", "an", "being"}:
        start -= 1
    return start >= 2 and tuple(tokens[start - 2 : start]) == ("far", "from")


def _intensity(tokens: Sequence[str], index: int) -> float:
    """The product of the intensifiers right before a word ("really really good"), and of
    an adverb of opinion that says only how much ("badly outdated", see `_degree_adverb`)."""
    factor = 1.0
    position = index - 1
    while position >= 0 and tokens[position] in _INTENSIFIERS:
        factor *= _INTENSIFIERS[tokens[position]]
        position -= 1
    if position == index - 1 and position >= 0 and _degree_adverb(tokens, position):
        factor *= _DEGREE_ADVERB
    return factor


# An adverb made from a word of opinion, right before another one, says how much of it
# ("badly outdated", "ridiculously cheap", "painfully slow") and is no opinion of its own:
# "ridiculously cheap" is praise, not a complaint beside it. "Clearly" says how sure the
# writer is before anything ("clearly knew her stuff", "clearly didn't care"), and is
# praise only of how a thing was done, ending its clause ("explained it clearly").
_DEGREE_ADVERB = 1.3
_SURELY = _words("clearly")


# Words that say only how much, in everyday speech, before a word of opinion: "dead easy",
# "dead good", "proper annoying" ("the battery is dead" is a complaint, read as said).
_SPOKEN_DEGREES = _words("dead proper")


def _degree_adverb(tokens: Sequence[str], index: int) -> bool:
    token = tokens[index]
    if token in _SPOKEN_DEGREES and index + 1 < len(tokens):
        return _known_valence(tokens[index + 1]) is not None
    if token in _LEXICON or _adverb_of(token) is None or index + 1 >= len(tokens):
        return False
    following = tokens[index + 1]
    if token in _SURELY:
        return following not in _SCOPE_ENDS
    return _known_valence(following) is not None


# "mixed feelings", "hit and miss": an opinion held both ways at once.
_BOTH_WAYS = (
    ("mixed", "feelings"),
    ("mixed", "bag"),
    ("hit", "and", "miss"),
    ("hit", "or", "miss"),
    ("love", "hate"),
)
_BOTH_WAYS_VALENCE = 1.5


# A question of disbelief that anyone would do a thing: "Who on earth designed this
# checkout?", "why in the world would you ...", "who in their right mind ..." ("how on
# earth did you do it?" may be amazement, and is not read).
_DISBELIEF_QUESTIONS = (
    *((who, "on", "earth") for who in ("who", "why")),
    *((who, "in", "the", "world") for who in ("who", "why")),
    ("who", "in", "their", "right", "mind"),
)
_DISBELIEF_VALENCE = -2.0


def _disbelief_question(tokens: Sequence[str], index: int) -> int:
    """How many tokens a question of disbelief opens with at ``index``, or 0."""
    for asked in _DISBELIEF_QUESTIONS:
        if tuple(tokens[index : index + len(asked)]) == asked:
            return len(asked)
    return 0


def _praise_until_the_end(tokens: Sequence[str], index: int) -> bool:
    """Whether a word of praise comes from ``index`` to the end of its sentence."""
    while index < len(tokens) and tokens[index] not in _SENTENCE_ENDS:
        if (_known_valence(tokens[index]) or 0.0) > 0:
            return True
        index += 1
    return False


def _never_again(tokens: Sequence[str], index: int) -> int:
    """How many tokens "never ... again" spans from ``index`` with up to four words between
    ("never ordering from here again"), or 0 when there is no such phrase."""
    if tokens[index] != "never":
        return 0
    for width in range(3, 7):
        end = index + width - 1
        if end >= len(tokens) or tokens[end] in _SCOPE_ENDS:
            return 0
        if tokens[end] == "again":
            return width
    return 0


# A wait said in hours, days or without end ("waited over an hour", "the wait was two
# hours", "waiting forever") or in half an hour and more of minutes ("waited 45 minutes") is a
# complaint said as what happened; "only waited an hour" or "waited 10 minutes" is not.
_WAITS = _words("wait waits waited waiting queue queued queuing queueing")
# "kept me on hold for an hour", "on hold for 40 minutes": a wait on the phone.
_ON_HOLD = ("on", "hold")
_LONG = _words("hour hours ages forever eternity")
# "we waited four months to get them", "waiting weeks for a refund": days and more are a
# long wait for what was due; "I've waited years to see them live", "waited months for
# this" look forward to a thing wanted, and are no complaint.
_DAYS = _words("days weeks months years")
_LOOKED_FORWARD = (
    *(("to", verb) for verb in ("see", "meet", "hear", "watch", "visit", "try", "play")),
    ("for", "this"),
)
# "waiting for my holiday in three weeks": a time ahead, not how long the wait was.
_AHEAD = _words("in until till next")
_MINUTES = _words("minutes mins")
_SHORT = _words("only just less under barely")
_WAIT_GAP = 8
_LONG_WAIT = -2.0
# A failure told as what happened (see `orchestra.agents.sentiment_told`), as bad as a
# long wait.
_TOLD_FAILURE = _LONG_WAIT
_LONG_MINUTES = 30


def _long_wait(tokens: Sequence[str], index: int) -> int:
    """How many tokens a long wait spans from the wait at ``index`` ("waited over an hour"
    is 4), or 0 when it is none."""
    on_hold = tuple(tokens[index : index + 2]) == _ON_HOLD
    if (tokens[index] not in _WAITS and not on_hold) or (index and tokens[index - 1] in _SHORT):
        return 0
    for width in range(2, _WAIT_GAP + 2):
        end = index + width - 1
        if end >= len(tokens) or tokens[end] in _SCOPE_ENDS or tokens[end] in _SHORT:
            return 0
        word = tokens[end]
        before = tokens[end - 1]
        if word in _LONG or (
            word in _MINUTES and before.isdigit() and int(before) >= _LONG_MINUTES
        ):
            return width
        if word in _DAYS:
            ahead = _AHEAD.intersection(tokens[index + 1 : end])
            return 0 if ahead or _looked_forward(tokens, end + 1) else width
    return 0


def _looked_forward(tokens: Sequence[str], index: int) -> bool:
    """Whether the clause from ``index`` says what the wait was for is a thing wanted."""
    while index < len(tokens) and tokens[index] not in _SCOPE_ENDS:
        if any(tuple(tokens[index : index + len(p)]) == p for p in _LOOKED_FORWARD):
            return True
        index += 1
    return False


# "fixed the broken heater", "solved my problem": a bad thing put right.
_REPAIRS = _words(
    """fix fixed fixes fixing solve solved solves solving resolve resolved resolving repair
    repairs repaired repairing sorted"""
)
_PUT_RIGHT_VALENCE = 1.5


def _put_right(tokens: Sequence[str], index: int) -> bool:
    """Whether the bad word at ``index`` is the object of a repair ("thanks for fixing the
    broken heater", "they solved my problem in minutes"): the bad thing is gone."""
    position = index - 1
    while position >= 0 and tokens[position] in _DETERMINERS | {"every", "all", "those"}:
        position -= 1
    if position >= 1 and tokens[position] in _REPAIR_OBJECTS and tokens[position - 1] in _REPAIRS:
        # "a great repair on the broken zip", "a quick fix for the leaking tap": the repair
        # named as a thing done, and what it was done to.
        return not _repair_named(tokens, position - 1)
    return position >= 0 and tokens[position] in _REPAIRS and not _repair_named(tokens, position)


# Between a repair and what it put right: "a repair on the zip", "a fix for the leak".
_REPAIR_OBJECTS = _words("on of to for")


def _repair_named(tokens: Sequence[str], position: int) -> bool:
    """Whether the repair word at ``position`` names the repair after a determiner ("the
    repair cost a fortune", "the fix broke it"): a thing, not the act of putting right."""
    return position > 0 and tokens[position - 1] in _DETERMINERS


_RELIEF_VALENCE = 1.5

# "I expected the worst but it was lovely", "feared a disaster": the bad thing expected is
# neither a verdict nor a complaint, as "expected more problems" is none.
_FEARING = _words("expected expecting feared fearing anticipated")


def _feared(tokens: Sequence[str], index: int) -> bool:
    """Whether the bad word at ``index`` is what was expected ("expected the worst")."""
    position = index - 1
    while position >= 0 and tokens[position] in _DETERMINERS:
        position -= 1
    return position >= 0 and tokens[position] in _FEARING


# "you made the worst week of our lives so much easier", "they helped us through a really
# hard month": the bad words name the hard time the writer was helped through, not the
# writer's opinion of the help (as "expected the worst" names what was feared).
_MADE = _words("made make makes making")
_HELPED = _words("helped help helps helping got get gets saw see sees carried pulled guided")
_EASED = _words("bearable manageable")
_HARDSHIP_WINDOW = 6


def _hardship_eased(tokens: Sequence[str], index: int) -> bool:
    """Whether the bad word at ``index`` is said of a hard time made better ("made the worst
    week of our lives so much easier") or helped through ("got us through a horrible
    month"), within its clause; "made a bad situation worse" is none."""
    for position in range(index - 1, max(-1, index - 1 - _HARDSHIP_WINDOW), -1):
        token = tokens[position]
        if token in _SCOPE_ENDS:
            return False
        if token == "through":
            return any(t in _HELPED for t in tokens[max(0, position - 3) : position])
        if token in _MADE:
            break
    else:
        return False
    for position in range(index + 1, min(len(tokens), index + 1 + 2 * _HARDSHIP_WINDOW)):
        token = tokens[position]
        if token in _SCOPE_ENDS:
            return False
        valence = _known_valence(token)
        if token in _EASED or (_is_comparative(token) and valence is not None and valence > 0):
            return True
    return False


# "It cost less than I thought", "the repair cost me nothing", "costs only 5": a low price,
# which is no complaint of cost.
_COSTS = _words("cost costs")
_PAID_BY = _words("me us you them him her")
_LITTLE = _words("less little nothing only just barely")
# Verbs that link a subject to what is said of it: "the cost was low", "the gym is rammed".
_LINKING_VERBS = _words("was is were are seemed seems")
_LOW = _words("low lower reasonable minimal modest")
_LOW_COST_VALENCE = 1.5


def _low_cost(tokens: Sequence[str], index: int) -> int:
    """How many tokens a cost said to be low spans from ``index`` ("cost me nothing", "the
    cost was low"), or 0."""
    position = index + 1
    if position < len(tokens) and tokens[position] in _PAID_BY:
        position += 1
    if position < len(tokens) and tokens[position] in _LINKING_VERBS:
        said = position + 1
        low = tokens[index] in _COSTS and said < len(tokens) and tokens[said] in _LOW | _LITTLE
        return said - index + 1 if low else 0
    low = tokens[index] in _COSTS and position < len(tokens) and tokens[position] in _LITTLE
    return position - index + 1 if low else 0


def _stopped(tokens: Sequence[str], index: int) -> bool:
    """Whether the negated bad word at ``index`` is said to have stopped: "anymore" after it
    in its clause ("it doesn't crash anymore"), or "no longer" before it ("no longer
    hurts")."""
    if tuple(tokens[max(0, index - 2) : index]) == ("no", "longer"):
        return True
    position = index + 1
    while position < len(tokens) and tokens[position] not in _SCOPE_ENDS:
        if tokens[position] == "anymore" or tokens[position : position + 2] == ["any", "more"]:
            return True
        position += 1
    return False


_THANKS = frozenset({"thanks", "thank"})
# Words between "for" and what the thanks is for: "for the", "for ruining my".
_DETERMINERS = frozenset({"the", "a", "an", "my", "our", "your", "this", "that", "such", "all"})


def _ironic_thanks(tokens: Sequence[str], index: int) -> bool:
    """Whether the thanks at ``index`` is for something bad ("thanks a lot for breaking my
    phone", "thank you so much for the awful service"): irony, not gratitude. Thanks for
    putting a bad thing right ("thanks for fixing the broken heater") names the repair
    first, and stays thanks."""
    window = tokens[index + 1 : index + 5]
    if "for" not in window:
        return False
    position = index + 1 + window.index("for") + 1
    while position < len(tokens) and tokens[position] in _DETERMINERS:
        position += 1
    return position < len(tokens) and _LEXICON.get(tokens[position], 0.0) < 0


def _terms(tally: _Tally) -> int:
    return len(tally.positive_terms) + len(tally.negative_terms)


# "Great, another meeting", "Oh wonderful, my flight got cancelled": a word of praise
# said on its own before the rest of the text, as an exclamation. Said of what follows, it
# is praise when that is good, irony when that is bad, and unreadable when what follows
# says no opinion the lexicon knows (sincere or ironic is not in the words).
_EXCLAMATION_LEAD = _words("oh ah well just yeah so wow")
_EXCLAMATION_ENDS = frozenset(",!.")


def _opening_exclamation(tokens: Sequence[str]) -> int:
    """The number of tokens of an opening exclamation of praise, its mark included
    ("great ,", "oh wonderful ,"), or 0 when the text does not open with one."""
    start = 1 if tokens and tokens[0] in _EXCLAMATION_LEAD else 0
    if start + 2 >= len(tokens):
        return 0
    word, mark = tokens[start], tokens[start + 1]
    if _LEXICON.get(word, 0.0) <= 0 or mark not in _EXCLAMATION_ENDS:
        return 0
    return start + 2


def _closing_exclamation(tokens: Sequence[str]) -> int:
    """The number of tokens of a closing exclamation of praise, a sentence of its own after
    others ("Arrived broken. Great."), or 0."""
    end = len(tokens)
    while end and tokens[end - 1] in _EXCLAMATION_ENDS:
        end -= 1
    start = end - 1
    if start > 0 and tokens[start - 1] in _EXCLAMATION_LEAD:
        start -= 1
    if start < 2 or tokens[start - 1] not in _SENTENCE_ENDS | {"!"}:
        return _closing_set_phrase(tokens, end)
    if _LEXICON.get(tokens[end - 1], 0.0) <= 0:
        return 0
    return len(tokens) - start


# What a service is praised as: "Brilliant customer service.", "Great support, guys."
_SERVICE_NOUNS = _words("service support communication care helpline help")
_PRAISED_THING_WORDS = 3


def _closing_praise_of_a_thing(tokens: Sequence[str]) -> int:
    """The number of tokens of a closing sentence of praise that names a thing after
    others ("... . Brilliant customer service."), its marks included, or 0."""
    end = len(tokens)
    while end and tokens[end - 1] in _EXCLAMATION_ENDS:
        end -= 1
    for start in range(end - 2, max(0, end - 1 - _PRAISED_THING_WORDS) - 1, -1):
        praise = start
        if praise > 0 and tokens[praise - 1] in _EXCLAMATION_LEAD | _STRONG_INTENSIFIERS:
            praise -= 1
        # After a comma too: "... hung up on me, brilliant customer service." (the praise
        # is read as irony only of the service that failed, however it is joined).
        if praise < 2 or tokens[praise - 1] not in _SENTENCE_ENDS | {"!", ","}:
            continue
        named = tokens[start + 1 : end]
        if (_LEXICON.get(tokens[start]) or 0.0) > 0 and all(_names_a_thing(w) for w in named):
            return len(tokens) - praise
    return 0


# Thanks said to sign off a notice, a courtesy and no opinion of what it says.
_SIGN_OFFS = _words("thanks cheers")


# A closing sentence of thanks with praise and nothing else: "Cheers for that, really
# helpful.", "Thanks a lot, very useful!". After a complaint and nothing good it thanks for
# the complaint, which is irony, as "Arrived broken. Great." is.
_CLOSING_THANKS = _SIGN_OFFS | _words("thank ta")
_THANKS_FILLERS = _words("you for that this a lot so much very loads , !")


def _closing_thanks(tokens: Sequence[str]) -> int:
    """The number of tokens of a closing sentence of thanks and praise after others, its
    marks included, or 0."""
    end = len(tokens)
    while end and tokens[end - 1] in _EXCLAMATION_ENDS:
        end -= 1
    start = end
    while start > 0 and tokens[start - 1] not in _SENTENCE_ENDS:
        start -= 1
    # "... for the third time, cheers for that, really helpful.": thanks after a comma start
    # the closing sentence as well.
    after_comma = [
        i for i in range(start + 1, end) if tokens[i - 1] == "," and tokens[i] in _CLOSING_THANKS
    ]
    if start < end and tokens[start] not in _CLOSING_THANKS and after_comma:
        start = after_comma[-1]
    said = tokens[start:end]
    if start < 2 or not said or said[0] not in _CLOSING_THANKS:
        return 0
    praised = [w for w in said[1:] if (_LEXICON.get(w) or 0.0) > 0 and w not in _CLOSING_THANKS]
    others = [
        w
        for w in said[1:]
        if w not in _THANKS_FILLERS and w not in _INTENSIFIERS and w not in praised
    ]
    return len(tokens) - start if praised and not others else 0


# Set phrases of praise said as a sentence of their own after others, as "Great." is:
# "Another parking fine. Just what I needed." is irony, "Hot soup. Just what I needed."
# is not, and the sentence before tells which.
_EXCLAIMED_PHRASES = frozenset(
    (lead, "what", who, "needed") for lead in ("just", "exactly") for who in ("i", "we")
)


_TIME_AFTER = _words("this week today tonight morning again now right")


def _closing_set_phrase(tokens: Sequence[str], end: int) -> int:
    """The number of tokens of a closing set phrase of praise that is a sentence of its
    own after others ("... . Just what I needed."), its marks included, or 0."""
    # "Just what I needed this week.": a time said after the phrase is part of it.
    while end > 2 and tokens[end - 1] in _TIME_AFTER:
        end -= 1
    for phrase in _EXCLAIMED_PHRASES:
        start = end - len(phrase)
        if (
            start >= 2
            and tuple(tokens[start:end]) == phrase
            and tokens[start - 1] in _SENTENCE_ENDS | {"!"}
        ):
            return len(tokens) - start
    return 0


# Praise exclaimed beside a complaint, joined by a comma rather than said as a sentence of
# its own: "wow great matchmaking, another 0-13 loss", "arrived broken, love it". Said of
# something that happens again and again ("another", "again", "as usual"), or exclaimed at
# both ends of the complaint, it is sarcasm; otherwise "small scratch on the lid, love it"
# may be sincere, and the label is not guessed.
_NAMED_LEAD = _words("oh wow ah yeah just")
_NAMED_GAP = 2
_JOINED_PRAISE = (
    ("love", "it"),
    ("loving", "it"),
    ("love", "this"),
    ("love", "that"),
    # "oh great, another doorstop with no plot, just what i needed": glad of what came
    # before, as "love it" is.
    *((lead, "what", who, "needed") for lead in ("just", "exactly") for who in ("i", "we")),
    # "..., really makes my week": joy said of what came before it.
    *(
        (*stress, verb, "my", when)
        for stress in ((), ("really",), ("just",))
        for verb in ("makes", "made")
        for when in ("day", "week")
    ),
)
# "..., love that for me": the same praise, said of what befell the writer.
_FOR_THE_WRITER = (("for", "me"), ("for", "us"))
_AGAIN_AND_AGAIN = _words("another again usual always every")


def _opening_praise_of_a_thing(tokens: Sequence[str]) -> int:
    """The number of tokens of an opening exclamation of praise that names its thing, its
    comma included ("wow great matchmaking ,", "oh, lovely weather ,"), or 0."""
    start = 1 if tokens and tokens[0] in _NAMED_LEAD else 0
    if not start:
        return 0
    if start < len(tokens) and tokens[start] == ",":
        start += 1
    if start >= len(tokens) or (_LEXICON.get(tokens[start]) or 0.0) <= 0:
        return 0
    for end in range(start + 2, min(start + 2 + _NAMED_GAP, len(tokens) - 1)):
        named = tokens[start + 1 : end]
        if not all(_names_a_thing(word) for word in named):
            return 0
        if tokens[end] == ",":
            return end + 1
    return 0


def _praise_framing_a_recurrence(tokens: Sequence[str]) -> _Tally | None:
    """The complaint mocked by an opening exclamation of praise ("oh great ,") said of
    words with no opinion read that tell of a thing happening again ("..., the printer
    again"), when praise closes them too (see `_joined_closing`); or None. Opened alone
    ("Oh great, another meeting."), sincere or sarcastic is not in the words."""
    opening = _opening_praise_of_a_thing(tokens) or _opening_exclamation(tokens)
    if not opening:
        return None
    told = tokens[opening:]
    if _terms(_score_words(told)) or not _AGAIN_AND_AGAIN.intersection(told):
        return None
    said = " ".join(t for t in tokens[:opening] if t not in _PUNCTUATION)
    framed = _Tally(ironic=[said])
    praise = max(_LEXICON.get(t, 0.0) for t in tokens[:opening])
    framed.add(f"{said} ... {' '.join(t for t in told if t in _AGAIN_AND_AGAIN)}", -praise)
    return framed


def _names_a_thing(word: str) -> bool:
    return (
        word.isalpha()
        and word not in _NOT_COUNTED
        and word not in _SCOPE_ENDS
        and _known_valence(word) is None
    )


def _joined_closing(tokens: Sequence[str]) -> int:
    """The number of tokens of closing praise joined to what came before by a comma
    ("..., love it", "..., great!", "..., love that for me"), or said in a set phrase as a
    sentence of its own ("... again. Love that for me."), its marks included, or 0 (a lone
    word as a sentence of its own, "... . Great.", is `_closing_exclamation`'s)."""
    end = len(tokens)
    while end and tokens[end - 1] in _EXCLAMATION_ENDS:
        end -= 1
    # "love that for me" is "love that", said of the writer's lot (a lone word is not:
    # "..., great for me" is more often sincere).
    for_writer = 2 if tuple(tokens[end - 2 : end]) in _FOR_THE_WRITER else 0
    # "... . love this ref", "..., love this app": "love this" said of a thing it names,
    # the thing of the complaint, is the same praise.
    thing = _thing_named_last(tokens, end)
    for said in (*_JOINED_PRAISE, None):
        width = len(said) if said else 1
        named = thing if said and said[-1] in ("this", "that") and not for_writer else 0
        start = end - width - (for_writer if said else 0) - named
        end_said = start + width
        if start < 2:
            continue
        words = tuple(tokens[start:end_said])
        if said is None and (_LEXICON.get(words[0]) or 0.0) <= 0:
            continue
        if said is not None and words != said:
            continue
        if start > 2 and tokens[start - 1] in _EXCLAMATION_LEAD:
            start -= 1
        if tokens[start - 1] == "," or (
            said is not None and tokens[start - 1] in _SENTENCE_ENDS | {"!"}
        ):
            return len(tokens) - start
    return 0


_NAMED_LAST = 2


def _thing_named_last(tokens: Sequence[str], end: int) -> int:
    """The number of words (up to two) naming a thing right before ``end`` after "this" or
    "that" ("love this ref", "love this new app"), or 0."""
    for width in range(1, _NAMED_LAST + 1):
        start = end - width
        if start < 1 or not all(_names_a_thing(w) for w in tokens[start:end]):
            return 0
        if tokens[start - 1] in ("this", "that"):
            return width
    return 0


def _praise_of_a_complaint(rest: _Tally, said: str, rest_tokens: Sequence[str]) -> None:
    """Read the praise ``said`` beside a complaint as irony when the complaint is of a thing
    that keeps happening, or is itself framed by praise read as irony; else not guessed."""
    if rest.ironic or _AGAIN_AND_AGAIN.intersection(rest_tokens):
        rest.ironic.append(said)
    else:
        rest.unread.append(f"'{said}' said beside a complaint, sincere or sarcastic")


# "Yeah right, ...", "Sure, because ...", "as if ...": said before a statement, they mean
# its opposite; the words of the statement alone cannot be trusted.
_SARCASM_OPENINGS = (("yeah", "right"), ("sure", ",", "because"), ("as", "if"), ("oh", "sure"))


# "Sure, because leaving the dishes for me is SO helpful": after these openings, praise is
# said to mean its opposite ("oh sure, happy to help" and "as if by magic" may be sincere).
_TURNING_OPENINGS = (("sure", ",", "because"), ("yeah", "right"))


def _after_a_sarcasm_opening(tokens: Sequence[str], marker: tuple[str, ...]) -> _Tally:
    """Read a text that opens with a marker of sarcasm: praise alone after one that turns
    it is the complaint it mocks; anything else is not guessed."""
    rest = tokens[len(marker) :]
    tally = _score_plain(rest)
    said = " ".join(t for t in marker if t not in _PUNCTUATION)
    # "yeah right, like that will ever work": "like" says "as if", no praise to turn.
    as_if = next((t for t in rest if t not in _PUNCTUATION), "") == "like"
    turned_praise = tally.held_positive and not tally.held_negative and not as_if
    if marker in _TURNING_OPENINGS and turned_praise:
        turned = _Tally(ironic=[f"{said} ... {' '.join(tally.positive_terms)}"])
        turned.add(f"{said} ... {tally.positive_terms[-1]}", -tally.held_positive)
        return turned
    tally = _score_plain(tokens)
    tally.unread.append(f"'{said} ...'")
    return tally


# "I love how my train gets cancelled every Monday", "gotta love how ...": praise of how a
# thing goes, said before what goes (see `_check_object_clauses` for the same said later).
_LOVE_HOW_LEADS = (
    (),
    ("i",),
    ("i", "just"),
    ("just",),
    ("gotta",),
    ("got", "to"),
    ("you", "gotta"),
)
_LOVE_HOW = tuple(
    (*lead, love, *how)
    for lead in _LOVE_HOW_LEADS
    for love in ("love", "loving")
    for how in (("how",), ("that",), ("the", "way"))
)


def _opening_love_how(tokens: Sequence[str]) -> int:
    """The number of tokens of an opening "love how" ("i just love how"), or 0."""
    said = next((o for o in _LOVE_HOW if tuple(tokens[: len(o)]) == o), None)
    return len(said) if said is not None and len(tokens) > len(said) else 0


def _is_face(token: str) -> bool:
    return len(token) == 1 and not token.isascii()


def _score_tokens(tokens: Sequence[str]) -> _Tally:
    faces = [t for t in tokens if _is_face(t) and t in _LEXICON]
    words = [t for t in tokens if not _is_face(t)]
    if faces and len(words) < len(tokens):
        tally = _score_words(words)
        said = sum(_LEXICON[f] for f in faces)
        if (tally.held_positive and said < 0) or (tally.held_negative and said > 0):
            # "my flight got cancelled 🙂", "the food was cold 👍": a face saying the
            # opposite of the words is irony or putting a brave face on it; the words
            # alone do not tell which.
            scored = _score_words(list(tokens))
            scored.unread.append(f"'{' '.join(faces)}' said against the words' opinion")
            return scored
    return _score_words(tokens)


def _score_words(tokens: Sequence[str]) -> _Tally:
    marker = next(
        (m for m in _SARCASM_OPENINGS if tuple(tokens[: len(m)]) == m and len(tokens) > len(m)),
        None,
    )
    if marker is not None:
        return _after_a_sarcasm_opening(tokens, marker)
    closing = _closing_exclamation(tokens)
    if closing:
        rest = _score_words(tokens[:-closing])
        if rest.held_negative and not rest.held_positive:
            # "Arrived broken. Great.": praise after a complaint is irony.
            rest.ironic.append(" ".join(t for t in tokens[-closing:] if t not in _PUNCTUATION))
            return rest
        said = " ".join(t for t in tokens[-closing:] if t not in _PUNCTUATION)
        if said in _SIGN_OFFS and not _terms(rest) and _plainly_factual(tokens[:-closing]):
            # "The car park will be resurfaced next week. Thanks": a notice signed off.
            rest.read_neutral += 1
            return rest
        if not _terms(rest) and not rest.read_neutral:
            rest.unread.append(f"'..., {said}' said of words with no opinion read")
            return rest
    thanked = _closing_thanks(tokens)
    if thanked:
        rest = _score_words(tokens[:-thanked])
        if rest.held_negative and not rest.held_positive:
            # "Viewing cancelled again. Cheers for that, really helpful.": irony.
            rest.ironic.append(" ".join(t for t in tokens[-thanked:] if t not in _PUNCTUATION))
            return rest
    thing = _closing_praise_of_a_thing(tokens)
    if thing:
        rest = _score_words(tokens[:-thing])
        served = rest.service_failed and bool(_SERVICE_NOUNS.intersection(tokens[-thing:]))
        if served and rest.held_negative and not rest.held_positive:
            # "Two hours on hold, then they hung up. Brilliant customer service.": praise of
            # the service that failed is irony ("Food was cold. Lovely staff." praises
            # another thing, and is read as it is said).
            rest.ironic.append(" ".join(t for t in tokens[-thing:] if t not in _PUNCTUATION))
            return rest
    joined = _joined_closing(tokens)
    if joined:
        rest = _score_words(tokens[:-joined])
        said = " ".join(t for t in tokens[-joined:] if t not in _PUNCTUATION)
        if rest.held_negative and not rest.held_positive:
            # "another 0-13 loss, love it": praise said of a complaint, after a comma.
            _praise_of_a_complaint(rest, said, tokens[:-joined])
            return rest
        framed = _praise_framing_a_recurrence(tokens[:-joined])
        if framed is not None:
            # "Oh great, the self-checkout again. Love that for me.": praise at both ends of
            # a thing that keeps happening is sarcasm, however plain its words.
            framed.ironic.append(said)
            return framed
    loved = _opening_love_how(tokens)
    if loved:
        rest = _score_words(tokens[loved:])
        if rest.held_negative and not rest.held_positive:
            # "love how my train gets cancelled every single monday": praise of a bad thing
            # that keeps happening is irony; of a bad word once ("love how cold it keeps my
            # water") it may be the quality wanted, and is not guessed.
            said = " ".join(tokens[:loved])
            _praise_of_a_complaint(rest, said, tokens[loved:])
            return rest
    named = _opening_praise_of_a_thing(tokens)
    if named:
        rest = _score_words(tokens[named:])
        said = " ".join(t for t in tokens[:named] if t not in _PUNCTUATION)
        if rest.held_negative and not rest.held_positive:
            # "wow great matchmaking, another 0-13 loss": praise of a thing, then only a
            # bad fact about it.
            _praise_of_a_complaint(rest, said, tokens[named:])
            return rest
        if not _terms(rest) and not rest.read_neutral:
            rest.unread.append(f"'{said}, ...' said of words with no opinion read")
            return rest
    opening = _opening_exclamation(tokens)
    if opening:
        rest = _score_words(tokens[opening:])
        said = " ".join(t for t in tokens[:opening] if t not in _PUNCTUATION)
        if rest.held_negative and not rest.held_positive:
            # "Oh wonderful, my flight got cancelled again": praise of a bad thing is irony;
            # what follows is the verdict.
            rest.ironic.append(said)
            return rest
        framed = _complaint_framed_by_praise(tokens[opening:])
        if framed is not None:
            # "oh brilliant, the van's broken down. perfect start to the day": praise
            # exclaimed before a complaint and remarked again after it is sarcasm.
            framed.ironic.insert(0, said)
            return framed
        remarked = _remark_on_plain_words(tokens, opening)
        if remarked is not None:
            return remarked
        if rest.held_positive and _opens_with_a_complaint(tokens[opening:]):
            # "oh wonderful, flight delayed three hours, lovely views from the gate": the
            # praise exclaimed is contradicted by the bad event said right after it, and
            # whether the later praise is sincere is not in the words.
            rest.unread.append(f"'{said}, ...' exclaimed at a complaint, then praise")
            return rest
        if not _terms(rest) and not rest.read_neutral:
            rest.unread.append(f"'{said}, ...' said of words with no opinion read")
            return rest
    return _score_plain(tokens)


# A short remark of praise closing a text, after a sentence end or a comma, said of how
# the day or the occasion is going and of no thing of its own: "... . perfect start to the
# day", "..., great way to begin the week", "..., perfect timing" ("... . lovely views from
# the window" praises another thing, and may be sincere).
_REMARK_WORDS = 6
_OCCASION = _words(
    """start starts started end way begin begins kick off timing time day week morning
    afternoon evening night weekend month year holiday holidays trip journey commute to
    the a an my our this of what just exactly i we you needed wanted want"""
)


def _closing_remark(tokens: Sequence[str]) -> int:
    """The number of tokens of a short closing remark after a sentence end or a comma, its
    marks included, or 0."""
    end = len(tokens)
    while end and tokens[end - 1] in _EXCLAMATION_ENDS:
        end -= 1
    start = end
    while start > 0 and tokens[start - 1] not in _SENTENCE_ENDS | {",", "!"}:
        start -= 1
    if start < 2 or not 0 < end - start <= _REMARK_WORDS + _PAID_WORDS * _said_for_it(
        tokens[start:end]
    ):
        return 0
    return len(tokens) - start


# "..., love paying 40 quid for this", "..., great value for that": a remark that ends on
# what it is said of, the thing just complained of.
_FOR_IT = (("for", "this"), ("for", "that"), ("for", "it"), ("for", "the", "privilege"))
# A remark said for the complaint may name what it costs: "love paying £40 a month for this".
_PAID_WORDS = 4


def _said_for_it(remark: Sequence[str]) -> bool:
    """Whether a closing remark ends on "for this" (or "that", "it", "the privilege")."""
    words = [t for t in remark if t not in _PUNCTUATION]
    return any(tuple(words[-len(said) :]) == said for said in _FOR_IT)


def _remark_on_plain_words(tokens: Sequence[str], opening: int) -> _Tally | None:
    """An opening exclamation of praise and a closing remark of praise said of the
    complaint ("..., love paying for this"), around words with no opinion read: sarcasm
    when those words tell of a thing happening again ("great, broadband down again, love
    paying for this"), as `_praise_framing_a_recurrence` reads them; otherwise ("great,
    broadband down, love paying for this") sincere or sarcastic is not in the words. None
    when the text is not so."""
    told = tokens[opening:]
    closing = _closing_remark(told)
    if not closing or not _said_for_it(told[-closing:]):
        return None
    middle = _score_words(told[:-closing])
    remark = _score_words(told[-closing:])
    if _terms(middle) or middle.read_neutral or not remark.held_positive or remark.negative:
        return None
    said = " ".join(t for t in told[-closing:] if t not in _PUNCTUATION)
    framed = _praise_framing_a_recurrence(tokens[:-closing])
    if framed is not None:
        framed.ironic.append(said)
        return framed
    remark.unread.append(f"'..., {said}' said of words with no opinion read")
    return remark


def _opens_with_a_complaint(told: Sequence[str]) -> bool:
    """Whether the first clause of ``told`` (up to its first comma or sentence end) is a
    complaint and nothing else ("train cancelled again ,")."""
    end = next((i for i, t in enumerate(told) if t in _SENTENCE_ENDS | {","}), len(told))
    if not end or end == len(told):
        return False
    first = _score_words(told[:end])
    return bool(first.held_negative) and not first.held_positive and not first.positive


def _complaint_framed_by_praise(told: Sequence[str]) -> _Tally | None:
    """What follows an opening exclamation of praise, when it is a complaint and nothing
    else ("the removal van's broken down on the m6"), closed by a short remark of praise
    and nothing else, said of the occasion ("perfect start to the day") or of the complaint
    ("love paying 40 quid for this"), or after a thing that happens again ("train cancelled
    AGAIN, ..."): the complaint, with the remark read as irony; else None. A remark with a
    concession in it ("..., lovely views though"), a complaint with a turn in it ("..., but
    the AA came quickly") or any praise of its own is not read so."""
    closing = _closing_remark(told)
    if not closing:
        return None
    complaint = _score_words(told[:-closing])
    remark = _score_words(told[-closing:])
    plain_complaint = (
        complaint.held_negative
        and not complaint.held_positive
        and not complaint.positive
        and not complaint.contrast
        and not complaint.unread
    )
    plain_praise = (
        remark.held_positive
        and not remark.negative
        and not remark.hedged_positive
        and not remark.contrast
        and not remark.unread
        and not remark.ironic
    )
    said_of = [
        t
        for t in told[-closing:]
        if t not in _NOT_COUNTED and _known_valence(t) is None and t not in _FACTUAL
    ]
    if not (plain_complaint and plain_praise) or _CONCESSIONS.intersection(told[-closing:]):
        return None
    # The remark is of the occasion ("perfect start to the day"), of the complaint itself
    # ("love paying 40 quid for this"), or closes a complaint of a thing that happens again
    # ("train cancelled AGAIN, ..."): the praise at both ends is said of the complaint.
    of_the_complaint = _said_for_it(told[-closing:])
    recurring = _AGAIN_AND_AGAIN.intersection(told[:-closing])
    if not (set(said_of) <= _OCCASION or of_the_complaint or recurring):
        return None
    complaint.ironic.append(" ".join(t for t in told[-closing:] if t not in _PUNCTUATION))
    return complaint


# "To be fair, the ref was decent", "in fairness it was fine": credit granted. A mild word
# of praise ("decent", "fine", "okay") said after it, in its sentence, is a point conceded
# in the writer's own judgement, praise held rather than a shrug.
_GRANTING = (("to", "be", "fair"), ("in", "fairness"), ("in", "all", "fairness"))
_MILD_PRAISE = 1.0
_GRANTED = 1.5


def _granted(tokens: Sequence[str], index: int) -> bool:
    """Whether credit is granted ("to be fair") before ``index`` in its sentence, with no
    contrast between ("to be fair it was fine, but ..." grants what comes before "but")."""
    position = index - 1
    while position >= 0 and tokens[position] not in _SENTENCE_ENDS | _CONTRAST:
        if any(tuple(tokens[position : position + len(g)]) == g for g in _GRANTING):
            return True
        position -= 1
    return False


# A request ("please ...", "kindly ...") and the purpose it is made for: "so we can send
# you an accurate bill", "so that your account stays secure", "to ensure a smooth move".
# The words of the purpose say what is aimed at, and no opinion of anything; outside a
# request, "so we can't wait to go back" is as often a consequence, and is read as said.
_REQUESTS = _words("please kindly")
_PURPOSE_OPENINGS = (
    ("so", "that"),
    ("so", "as", "to"),
    ("in", "order", "to"),
    ("to", "ensure"),
    ("to", "make", "sure"),
    *(
        ("so", who, can)
        for who in ("we", "you", "i", "they", "he", "she", "it")
        for can in ("can", "could", "will", "may")
    ),
    *(("so", who) for who in ("we'll", "you'll", "they'll", "it'll", "we're", "you're")),
)


def _purpose_of_a_request(tokens: Sequence[str], index: int) -> int:
    """The number of tokens of the purpose clause opened at ``index`` ("so we can send you
    an accurate bill"), to the end of its sentence or clause, when a request opens its
    sentence before it; else 0."""
    opener = next(
        (o for o in _PURPOSE_OPENINGS if tuple(tokens[index : index + len(o)]) == o), None
    )
    if opener is None:
        return 0
    start = index
    while start > 0 and tokens[start - 1] not in _SENTENCE_ENDS:
        start -= 1
    if not _REQUESTS.intersection(tokens[start:index]):
        return 0
    end = index + len(opener)
    while end < len(tokens) and tokens[end] not in _SENTENCE_ENDS | _CONTRAST:
        end += 1
    return end - index


def _less_purpose_openings(tokens: Sequence[str]) -> list[str]:
    """The tokens of a text less the words that open the purpose clauses of its requests
    ("so we can"): the rest of the clause is kept ("so I can actually enjoy it" says a
    feeling in "actually")."""
    kept: list[str] = []
    index = 0
    while index < len(tokens):
        if _purpose_of_a_request(tokens, index):
            opener = next(
                o for o in _PURPOSE_OPENINGS if tuple(tokens[index : index + len(o)]) == o
            )
            index += len(opener)
            continue
        kept.append(tokens[index])
        index += 1
    return kept


_ZERO_VALENCE = 2.0
# "until next month", "until the end of June", "until 5pm": a time, which sets nothing
# against what came before, where "perfect until the bill came" does.
_TIME_WORDS = _words("next this the end of a an few couple later then further notice after")


def _until_a_time(tokens: Sequence[str], index: int) -> bool:
    """Whether "until" at ``index`` is followed by a time only, to the end of its clause."""
    if tokens[index] != "until":
        return False
    position = index + 1
    while position < len(tokens) and tokens[position] not in _SCOPE_ENDS:
        word = tokens[position]
        if word not in _TIME_WORDS and word not in _FACTUAL and not word[0].isdigit():
            return False
        position += 1
    return position > index + 1


def _zero_of_bad(tokens: Sequence[str], index: int) -> bool:
    """Whether "zero" at ``index`` counts none of a bad thing ("zero blisters after 10k",
    "zero lag"), as "no problems" does; "zero stars" is a phrase of its own."""
    return (
        tokens[index] == "zero"
        and index + 1 < len(tokens)
        and _LEXICON.get(tokens[index + 1], 0.0) < 0
    )


# "For a five star hotel it was very average", "for a luxury spa, the towels were just
# okay": a high standard said to be the yardstick makes a middling verdict a disappointment
# ("for the price it was fine", a low yardstick, stays middling).
_HIGH_STANDARDS = _words(
    """five-star 5-star luxury luxurious premium high-end upmarket posh michelin flagship
    top-end expensive pricey"""
)
_STARS = _words("five 5 four 4")
_STANDARD_GAP = 3
_MIDDLING = _words("ok okay fine adequate acceptable decent reasonable average special expect")
_BELOW_STANDARD = -2.0


def _high_standard(tokens: Sequence[str]) -> str | None:
    """The high standard a text sets as its yardstick ("for a five star hotel"), or None."""
    for index in range(len(tokens) - 2):
        if tokens[index] != "for" or tokens[index + 1] not in ("a", "an"):
            continue
        if index and tokens[index - 1] not in _SCOPE_ENDS | _MIDDLING:
            # "looking for a luxury hotel" names what is sought, no yardstick.
            continue
        words = tokens[index + 2 : index + 2 + _STANDARD_GAP]
        for number, word in enumerate(words):
            if word in _SCOPE_ENDS:
                break
            starred = word in _STARS and words[number + 1 : number + 2] == ["star"]
            if word in _HIGH_STANDARDS or starred:
                end = index + 2 + number + (2 if starred else 1)
                if end < len(tokens) and tokens[end] not in _SCOPE_ENDS:
                    end += 1
                return " ".join(tokens[index + 2 : end])
    return None


def _below_standard(words: Sequence[str], valence: float) -> bool:
    """Whether ``words`` say a middling verdict ("average", "fine", "nothing special")."""
    return -1.0 <= valence <= 1.0 and bool(_MIDDLING.intersection(words))


def _score_plain(tokens: Sequence[str]) -> _Tally:
    tally = _Tally()
    weight = 1.0
    index = 0
    # The contrast whose verdict is still to be read, and the terms counted before it.
    verdict: tuple[int, int] | None = None
    standard = _high_standard(tokens)
    # Words of disbelief and the weight of the clause they were said in.
    disbelief: list[tuple[int, float]] = []
    while index < len(tokens):
        token = tokens[index]
        if verdict is not None and token in _SENTENCE_ENDS:
            _check_verdict(tokens, verdict, index, tally)
            verdict = None
        if tally.conceded is None and _concession_at(tokens, index):
            tally.conceded = (tally.held_positive, tally.held_negative)
        if token in _CONTRAST and not _until_a_time(tokens, index):
            # What follows "but" usually carries the writer's verdict.
            weight = CONTRAST_WEIGHT
            tally.contrast = True
            if tally.held_before is None:
                tally.held_before = (tally.held_positive, tally.held_negative)
                tally.turns = _turns_to_another_thing(tokens, index)
            # "supposed to be fast but took three weeks": after a hope that did not come
            # true, "but" tells what came instead, and the verdict is already read.
            verdict = None if tally.last_hedged else (index, _terms(tally))
            index += 1
            continue
        purpose = _purpose_of_a_request(tokens, index)
        if purpose:
            # "Please submit a reading so we can send you an accurate bill": what a request
            # is for is no opinion of anything ("accurate" is the aim, not praise).
            tally.neutral += purpose
            index += purpose
            continue
        if (
            index + 1 < len(tokens)
            and tokens[index + 1] == ":"
            and (index == 0 or tokens[index - 1] in _SENTENCE_ENDS | {","})
        ):
            # "Issue: password reset.", "Problem: none": a field's name before its colon
            # says what the field holds, no opinion of it; so it does after a comma, fields
            # listed in one sentence ("Ticket closed, Issue: password reset").
            tally.neutral += 1
            index += 2
            continue
        asked = _disbelief_question(tokens, index)
        if asked:
            said = " ".join(tokens[index : index + asked])
            if _praise_until_the_end(tokens, index + asked):
                # "Who on earth makes cakes this good?": admiring, or scornful of praise.
                tally.unread.append(f"'{said} ...' asked of praise")
            else:
                # "Who on earth designed this page?": disbelief that anyone would, scorn.
                tally.add(said, _DISBELIEF_VALENCE * weight, weight=weight)
            index += asked
            continue
        again = _never_again(tokens, index)
        if again:
            # "I'm never ordering from here again": "never again" with the act between.
            tally.add(" ".join(tokens[index : index + again]), -2.0 * weight, weight=weight)
            index += again
            continue
        wait = _long_wait(tokens, index) or failure_told(tokens, index)
        if wait and not _negated(tokens, index):
            # "we waited over an hour for a table": a long wait is a complaint; and so is a
            # service that failed the writer, told as what happened ("the glasses took 5
            # weeks to come in", "they left sawdust all over my car").
            tally.service_failed = True
            tally.add(" ".join(tokens[index : index + wait]), _LONG_WAIT * weight, weight=weight)
            if tally.held_before is not None:
                tally.waited_after -= _LONG_WAIT
            index += wait
            continue
        charged = charged_to_put_right(tokens, index) if tally.held_negative else 0
        if charged and not _negated(tokens, index):
            # "lifted after 3 days and they wanted to charge me to fix them": paying to have
            # put right what failed is a second complaint, not a bill.
            tally.add(
                " ".join(tokens[index : index + charged]), _TOLD_FAILURE * weight, weight=weight
            )
            index += charged
            continue
        woken = sleep_taken(tokens, index)
        if woken and not _negated(tokens, index):
            # "the van played its jingle at 9pm and woke the baby": sleep taken, a complaint.
            tally.add(
                " ".join(tokens[index : index + woken]), _TOLD_FAILURE * weight, weight=weight
            )
            index += woken
            continue
        if token in _THANKS and _ironic_thanks(tokens, index):
            # "Thanks a lot for breaking my phone": the thanks is no praise; the act is read.
            thanks = tokens[index : index + 6]
            tally.ironic.append(" ".join(thanks[: thanks.index("for") + 1]))
            index += 1
            continue
        both = next((p for p in _BOTH_WAYS if tuple(tokens[index : index + len(p)]) == p), None)
        if both is not None:
            term = " ".join(both)
            tally.add(term, _BOTH_WAYS_VALENCE)
            tally.add(term, -_BOTH_WAYS_VALENCE)
            index += len(both)
            continue
        phrase = _phrase_at(tokens, index)
        if phrase is not None:
            words, valence = phrase
            term = " ".join(words)
            if not valence:
                tally.read_neutral += 1
            # "not looking forward" turns a phrase as "not good" turns a word.
            negated = _negated(tokens, index)
            if standard and not negated and _below_standard(words, valence):
                # "For a five star hotel it was very average": middling is disappointing.
                valence, term = _BELOW_STANDARD, f"{term} for a {standard}"
            if negated:
                valence = -valence * 0.75
                term = f"not {term}"
            elif words in _FAILURES and valence < 0:
                tally.service_failed = True
            if words[:2] == _LET_DOWN and not negated and tally.let_down is None:
                tally.let_down = (tally.held_positive, tally.held_negative)
            tally.add(
                term,
                valence * weight * _intensity(tokens, index),
                hedged=negated or _mild_negation(words, valence),
                weight=weight,
            )
            # A hedge said in a set phrase does not end the reading of a "but" after it.
            tally.last_hedged = negated
            index += len(words)
            continue
        shown, valence = _against_what_was_shown(tokens, index)
        if shown:
            # "much smaller than the photos": less than was shown is a complaint.
            tally.add(" ".join(tokens[index : index + shown]), valence * weight, weight=weight)
            index += shown
            continue
        if token in _WORKING | {"working"} and _none_working(tokens, index):
            # "Not one of the lights was working": the things said to be none do not work.
            tally.add(f"none {token}", _NONE_WORKING * weight, weight=weight)
            index += 1
            continue
        if _zero_of_bad(tokens, index):
            # "zero blisters", "zero delays": none of a bad thing is a verdict of its own.
            tally.add(
                f"zero {tokens[index + 1]}",
                _ZERO_VALENCE * weight * _intensity(tokens, index),
                weight=weight,
            )
            index += 2
            continue
        if token == "like" and (
            (index > 0 and tokens[index - 1] in _BEFORE_A_COMPARISON)
            or (index > 1 and tokens[index - 2] in {"a", "an"})
        ):
            # "dies in like an hour", "it's like a brick": a comparison or a filler word;
            # "a chain like this" too (after "a chain" the verb would be "likes").
            tally.neutral += 1
            index += 1
            continue
        if token in _DEGREE_WORDS and _after_a_verb(tokens, index):
            # "laughed so hard", "worked hard": how much a thing was done, no opinion of it.
            tally.neutral += 1
            index += 1
            continue
        if token in _TURNING_DOWN and verdict is not None and _ends_clause(tokens, index):
            # "Nice try, but no.": the verdict after the contrast is a refusal of what came
            # before it, however kind its words.
            tally.add(f"but {token}", -2.0 * weight, weight=weight)
            index += 1
            continue
        if _degree_adverb(tokens, index):
            # "badly outdated": the word after it is read, stressed (see `_intensity`).
            index += 1
            continue
        hold = _long_hold(tokens, index)
        if hold:
            # "two hours on hold": a long wait on the phone, told duration first.
            tally.service_failed = True
            tally.add(" ".join(tokens[index : index + hold]), _LONG_WAIT * weight, weight=weight)
            if tally.held_before is not None:
                tally.waited_after -= _LONG_WAIT
            index += hold
            continue
        if _less_so(tokens, index):
            _read_less_so(tally, weight)
            index += 2
            continue
        if _verb_clear(tokens, index):
            # "please clear it within 28 days": an order to clear a thing, no praise.
            tally.neutral += 1
            index += 1
            continue
        if token == "late" and _shift_named(tokens, index):
            # "changed to a late (13:00-21:30)", "on the late shift": a shift, not a delay.
            tally.neutral += 1
            index += 1
            continue
        known = _known_valence(token)
        if _kept_quality(tokens, index):
            # "it keeps my water cold": the cold kept is the quality wanted, no complaint.
            known = _KEPT_VALENCE
        if known is None:
            # "a cracking location", "this burger slaps", "everything got soaked": words
            # read only where what they are said of shows their sense.
            known = _said_in_sense(tokens, index)
        if token in _ADDICTIVE and _said_of_a_pastime(tokens, index):
            # "the gameplay is addictive": a game hard to put down is praised.
            known = _ADDICTIVE_VALENCE
        if token in _GROWN and _said_of(tokens, index, _QUALITIES):
            # "Jamal's confidence in reading has grown so much": a person gaining a quality.
            known = _GROWN_VALENCE
        if token in _QUIET and _said_of(tokens, index, _MACHINES):
            # "the new boiler is so quiet": a machine that makes little noise is praised.
            known = _QUIET_VALENCE
        if token in _MUDDY and _said_of_a_sound(tokens, index):
            # "the sound was muddy all night": a sound not clear is a complaint.
            known = _MUDDY_VALENCE
        if known is not None and _how_it_works(tokens, index):
            # "the car runs beautifully now": a verdict on how the thing works, held as firmly
            # as a mild word stressed ("very well made").
            known *= _HOW_IT_WORKS
        if token in _PRICE_OR_MAKE and _said_of_make(tokens, index):
            # "cheap and nasty", "feels cheap": a poor make, not a low price.
            known = -2.0
        if known is None and _damage_at(tokens, index):
            # "the box was crushed", "slugs destroyed the lettuces": damage done to things.
            known = _DAMAGE_VALENCE
        if known is None and _encouraging_at(tokens, index):
            # "the teacher is really encouraging": praise, not "encouraging people to vote".
            known = _ENCOURAGING_VALENCE
        if known is None and token in _FLAKY:
            known = _flaky_valence(tokens, index)
        if known is None and _blocked_at(tokens, index):
            # "the hedge is blocking the pavement", "the sink is blocked": a way shut.
            known = _BLOCKED_VALENCE
        excess = known is None and _excess(tokens, index)
        if excess:
            # "way too loud", "far too small": more of a thing than wanted is a complaint,
            # whatever the thing ("not too loud" is none, and stays unread).
            known = _EXCESS_VALENCE
        if known is None and _crowded_at(tokens, index):
            # "the gym is always rammed": crowding, which a gig or a party is glad of and a
            # gym or a train is not; the label would be a guess.
            tally.neutral += 1
            tally.unread.append(f"'{token}' said of a place, a crowd welcome or not")
            index += 1
            continue
        if known is None and token in _DISBELIEF:
            # "unbelievable": read once the whole text is (see `_read_disbelief`).
            tally.neutral += 1
            disbelief.append((index, weight))
            index += 1
            continue
        if known is None:
            if token not in _NOT_COUNTED:
                tally.neutral += 1
                if _intensified_unknown(tokens, index):
                    # "really filthy": an opinion is held, in a word this lexicon lacks.
                    tally.unread.append(f"'{tokens[index - 1]} {token}'")
                elif token in _SLIPS:
                    # "The food was terible.": a slip in a word of opinion, which is not
                    # guessed ("please" is a word, not a slip for "pleased").
                    tally.unread.append(f"'{token}'")
            index += 1
            continue
        if _kind_of_verdict(tokens, index, known):
            # "a confusing mess", "an absolute nightmare": the word says what kind of
            # verdict the noun after it is, one opinion and not two; the noun is read.
            tally.neutral += 1
            index += 1
            continue
        valence = known
        if token in _REGRETS and _regret_of_a_bad_thing(tokens, index):
            # "shame about the three punctures": the punctures are the complaint, and the
            # regret said of them only stresses it.
            valence = _REGRET_OF_A_BAD_THING
        if valence < 0 and (_feared(tokens, index) or _hardship_eased(tokens, index)):
            # Not read as neutral either: "I expected the worst, and got it" is a complaint
            # said without a word of opinion, and a text with nothing else is not guessed.
            tally.neutral += 1
            index += 1
            continue
        term = f"too {token}" if excess else token
        negated = _negated(tokens, index)
        if tally.contrast and valence < 0 and not negated and _too_for_the_writer(tokens, index):
            tally.to_taste = True
        if standard and not negated and _below_standard((token,), valence):
            # "For a luxury spa the towels were just okay."
            valence, term = _BELOW_STANDARD, f"{token} for a {standard}"
        if _far_from(tokens, index):
            # "far from good" is the opposite of "good", and an opinion held.
            valence = -valence
            term = f"far from {token}"
            negated = False
        elif valence < 0 and _put_right(tokens, index):
            # "fixed the bug" is praise; "never fixed the bug" is the bug, complained of.
            if negated:
                term = f"not put right: {token}"
            else:
                valence, term = _PUT_RIGHT_VALENCE, f"put right: {token}"
            negated = False
        elif (hope := _hope_before(tokens, index)) is not None and not negated:
            if _is_comparative(token) and _hope_past(tokens, hope):
                # "I thought it would be better": the hope, set against what came, is
                # disappointment ("... would be worse", relief), as "should have been" is.
                valence, negated = -valence * 0.75, True
                term = " ".join(tokens[hope : index + 1])
            else:
                # "I expected it to be good" may have come true or not, and "I'm hoping
                # for better weather" is still to come: not guessed.
                tally.unread.append(f"'{' '.join(tokens[hope : index + 1])}'")
        elif valence < 0 and not negated and _low_cost(tokens, index):
            # "cost me nothing": a low price is praise, where "cost" alone is a complaint.
            valence = _LOW_COST_VALENCE
            term = " ".join(tokens[index : index + _low_cost(tokens, index)])
        elif negated and valence < 0 and _stopped(tokens, index):
            # "my feet never hurt anymore": a bad thing that stopped is relief, an opinion
            # held, not a hedge as "not bad" is.
            valence, term, negated = _RELIEF_VALENCE, f"no longer {token}", False
        elif negated and _denied_saying(tokens, index):
            # "I can't say I didn't enjoy it": a negation denied is understated praise (or
            # blame), the word's own side said mildly, as "not bad" is.
            valence = valence * 0.75
            term = f"not not {token}"
        elif negated:
            # "not good" is mildly negative, not the opposite of "good".
            valence = -valence * 0.75
            term = f"not {token}"
        if not negated and 0 < valence <= _MILD_PRAISE and _granted(tokens, index):
            # "to be fair the ref was decent all game": mild praise granted is praise held.
            valence *= _GRANTED
        tally.add(term, valence * _intensity(tokens, index) * weight, hedged=negated, weight=weight)
        index += 1
    if verdict is not None:
        _check_verdict(tokens, verdict, len(tokens), tally)
    for position, at in disbelief:
        _read_disbelief(tokens, position, at, tally)
    _check_object_clauses(tokens, tally)
    if tally.contrast:
        _check_predicates(tokens, tally)
    return tally


# Nouns that are a verdict of their own ("it was a mess", "a total nightmare").
_VERDICT_NOUNS = _words(
    """mess nightmare disaster catastrophe failure letdown let-down rip-off ripoff scam junk
    rubbish garbage trash shambles joke success"""
)


def _kind_of_verdict(tokens: Sequence[str], index: int, valence: float) -> bool:
    """Whether the word at ``index``, of ``valence``, is said of a noun of verdict of the
    same side right after it ("a confusing mess", "a dreadful letdown")."""
    following = tokens[index + 1] if index + 1 < len(tokens) else ""
    return (
        following in _VERDICT_NOUNS
        and _LEXICON.get(following, 0.0) * valence > 0
        and not _negated(tokens, index)
    )


# "two hours on hold", "an hour in the queue": a long wait, said with its length first.
_HELD = (("on", "hold"), ("in", "the", "queue"), ("in", "a", "queue"))


def _long_hold(tokens: Sequence[str], index: int) -> int:
    """How many tokens a long wait told duration first spans from ``index`` ("hours on
    hold" is 3), or 0 ("ten minutes on hold" is no long wait)."""
    token = tokens[index]
    long = token in _LONG or (
        token in _MINUTES
        and index > 0
        and tokens[index - 1].isdigit()
        and int(tokens[index - 1]) >= _LONG_MINUTES
    )
    if not long or (index > 1 and _SHORT.intersection(tokens[index - 2 : index])):
        return 0
    held = next((h for h in _HELD if tuple(tokens[index + 1 : index + 1 + len(h)]) == h), None)
    return 1 + len(held) if held is not None else 0


# "The kids loved it. The adults, less so.", "the food, not so much": the opinion said
# just before, turned for another thing (a side of its own, as a negation turns a word).
_LESS_SO = (("less", "so"), ("not", "so", "much"))


def _less_so(tokens: Sequence[str], index: int) -> bool:
    """Whether "less so" at ``index`` stands as a clause's verdict: after a comma or a
    subject, and ending its clause or followed by why ("- fourteen quid for ...")."""
    said = next((s for s in _LESS_SO if tuple(tokens[index : index + len(s)]) == s), None)
    if said is None or index == 0:
        return False
    # "no less so than before" compares, and "not so much a hotel as a hostel" names;
    # only "X, less so" and "X, not so much." turn.
    following = tokens[index + len(said)] if index + len(said) < len(tokens) else "."
    if following == "than" or (said[0] == "not" and following not in _SCOPE_ENDS):
        return False
    return tokens[index - 1] not in _NEGATIONS and tokens[index - 1] not in _INTENSIFIERS


_LESS_SO_TURN = 0.75


def _read_less_so(tally: _Tally, weight: float) -> None:
    """Count "less so" against the praise held before it; said of a complaint ("the food
    was awful, the service less so") it is no praise, and is not guessed."""
    if tally.last_held > 0:
        tally.add("less so", -tally.last_held * _LESS_SO_TURN * weight, weight=weight)
    else:
        tally.unread.append("'less so' said of no praise read")


# "please clear it", "clear the path": "clear" as an order or an act, no praise of a thing
# ("clear instructions", "the sign was clear" are praise).
_CLEARED = _words("it them the your my our his her their this that these those up out away off")


def _verb_clear(tokens: Sequence[str], index: int) -> bool:
    following = tokens[index + 1] if index + 1 < len(tokens) else "."
    return tokens[index] == "clear" and following in _CLEARED


# "cracking" is praise before a thing ("a cracking location") and damage of one ("the
# paint is cracking"); "slaps" is praise ending its clause of a thing ("this burger
# slaps") and a blow given ("he slaps the table"); "soaked" is damage done to goods or
# people by water ("everything got soaked", "arrived soaked") and a step of a recipe
# ("soaked the beans overnight", "soaked through by morning"), and damage again where the
# rain that did it is named ("left out in the rain and the box was soaked through").
# In slang, "legends" is praise of people ("absolute legends", "what a legend"; a map's
# legend, or "legend has it", is none); "fire" praises a thing ending its clause after
# "is" ("the new menu is fire"; "the house is on fire" is none); "buzzing" is joy said
# of people ("I'm buzzing", "still buzzing" with no subject; "the fridge is buzzing" is a
# noise).
_SENSES = _words("cracking slaps slapped soaked drenched legend legends fire buzzing")
_NOT_PRAISED = _words("sound noise noises sounds")
_SOAKED_AS = _words("got get gets getting arrived came")
_RAIN = _words("rain raining rained downpour storm shower showers wet")
_LEGEND_BEFORE = _words("absolute total proper utter complete real actual such living")
_LEGEND_A = _words("what you're youre ur he's she's")
_LEGENDS_ARE = _words("you're youre they're ur are")
_SLANG_PRAISE = 2.5
# A thing said to be cracking as it breaks: "already cracking", "started cracking".
_CRACKING_STARTED = _words("already started starting begun beginning keep keeps kept")
_FIRE_AFTER = _words("is was are were 's straight pure lowkey literally")
_SLANG_ENDS = _words("ngl tbh honestly fr lol lmao tho though")
_BUZZING_PEOPLE = _words("i'm im we're am he's she's they're")
_BUZZING_STRESS = _words("still so proper well absolutely")


def _said_in_sense(tokens: Sequence[str], index: int) -> float | None:
    """The valence of a word of two senses where what it is said of shows one, else None."""
    token = tokens[index]
    if token not in _SENSES:
        return None
    before = tokens[index - 1] if index else ""
    following = tokens[index + 1] if index + 1 < len(tokens) else "."
    if token == "cracking" and before in _CRACKING_STARTED:
        # "the tiles are already cracking", "the paint has started cracking": damage.
        return _DAMAGE_VALENCE
    if token == "cracking":
        praised = before in ("a", "some", "absolutely", "really", "proper")
        return 2.0 if praised and following.isalpha() and following not in _NOT_PRAISED else None
    if token in ("slaps", "slapped"):
        ends = following in _SCOPE_ENDS or following in ("ngl", "tbh", "honestly", "fr")
        named = before.isalpha() and before not in _PEOPLE | _NOT_COUNTED | _words("it")
        return 2.5 if ends and named and before not in _words("him her them me us") else None
    if token in ("legend", "legends"):
        two_before = tokens[index - 2] if index > 1 else ""
        # "you are a legend", "he is a legend": a person, said to be one.
        person_is = (
            two_before in ("is", "are", "was") and index > 2 and tokens[index - 3] in _PEOPLE
        )
        praised = before in _LEGEND_BEFORE or (
            (token == "legend" and before in ("a", "an") and (two_before in _LEGEND_A or person_is))
            or (token == "legends" and before in _LEGENDS_ARE)
        )
        return _DISBELIEF_PRAISE if praised else None
    if token == "fire":
        ends = following in _SCOPE_ENDS or following in _SLANG_ENDS
        return _SLANG_PRAISE if ends and before in _FIRE_AFTER else None
    if token == "buzzing":
        return _SLANG_PRAISE if _buzzing_person(tokens, index) else None
    if before in _SOAKED_AS or (before in ("was", "were") and _rain_said(tokens, index)):
        return _DAMAGE_VALENCE
    return None


def _buzzing_person(tokens: Sequence[str], index: int) -> bool:
    """Whether "buzzing" at ``index`` is said of people ("I'm buzzing", "we're still
    buzzing"), or opens its clause with no subject ("..., still buzzing")."""
    position = index - 1
    while position >= 0 and tokens[position] in _BUZZING_STRESS:
        position -= 1
    if position > 0 and tokens[position] == "are" and tokens[position - 1] == "we":
        return True  # "we are buzzing" ("my ears are buzzing" is a noise)
    return position < 0 or tokens[position] in _BUZZING_PEOPLE | _SCOPE_ENDS


def _rain_said(tokens: Sequence[str], index: int) -> bool:
    """Whether the sentence of the word at ``index`` names rain before it."""
    position = index - 1
    while position >= 0 and tokens[position] not in _SENTENCE_ENDS:
        if tokens[position] in _RAIN:
            return True
        position -= 1
    return False


# "It keeps my water cold for hours", "how cold it keeps my water": a warmth or a cold that
# a flask or a cool box keeps is what it is for ("the radiator keeps going cold", "it kept
# me cold all night" are complaints, and are read as said).
_KEPT = _words("cold hot warm cool chilled")
_KEEPS = _words("keep keeps kept keeping")
_NOT_KEPT = _words("going getting turning coming running me us him her")
_KEPT_GAP = 3
_KEPT_VALENCE = 2.0


def _kept_quality(tokens: Sequence[str], index: int) -> bool:
    """Whether the word at ``index`` is a warmth or cold a thing keeps, in its clause."""
    if tokens[index] not in _KEPT:
        return False
    after = tokens[index + 1 : index + 1 + _KEPT_GAP]
    # "how cold it keeps my water": the quality first, then the thing that keeps it.
    if len(after) >= 2 and after[0] in ("it", "they", "this") and after[1] in _KEEPS:
        return True
    start = max(0, index - 1 - _KEPT_GAP)
    for position in range(index - 1, start, -1):
        if tokens[position] in _SCOPE_ENDS:
            return False
        if tokens[position] in _KEEPS:
            between = tokens[position + 1 : index]
            return bool(between) and not _NOT_KEPT.intersection(between)
    return False


# "Unbelievable", "unreal": disbelief, at something bad ("servers down again, unreal") or
# good ("you lot were unbelievable!"). Beside a complaint it only stresses it; exclaimed of
# people with no complaint read, it is praise of them; otherwise ("the queue was
# unbelievable!") the words do not say whether it is praise or a complaint.
# A place full of people, in everyday words: "the gym is always rammed", "the pub was
# heaving", "the train was packed". A crowd is a complaint of a gym or a train and the
# atmosphere of a gig or a party: said of a place, the side is not in the words.
_CROWDED = _words("rammed heaving packed")
_HOW_OFTEN = _words("always usually often normally constantly generally sometimes totally")
# "its always rammed": "it's" typed without its apostrophe.
_CROWDED_SUBJECTS = _LINKING_VERBS | _words("its")


def _crowded_at(tokens: Sequence[str], index: int) -> bool:
    """Whether the word at ``index`` says a place is crowded: a word of crowding said of
    the subject ("was rammed", "is always packed"), ending its clause or before "out"."""
    if tokens[index] not in _CROWDED:
        return False
    following = tokens[index + 1] if index + 1 < len(tokens) else "."
    if following not in _SCOPE_ENDS and following != "out":
        return False
    before = index - 1
    while before >= 0 and tokens[before] in _NOT_COUNTED | _HOW_OFTEN:
        before -= 1
    return before >= 0 and tokens[before] in _CROWDED_SUBJECTS


_DISBELIEF = _words("unbelievable unreal")
_DISBELIEF_PRAISE = 3.0


def _read_disbelief(tokens: Sequence[str], index: int, weight: float, tally: _Tally) -> None:
    if _set_against_a_complaint(tokens, index, tally):
        # "the view was unreal but the road noise kept us up": disbelief at one thing, set
        # against a complaint of another after "but", is praise of the first.
        before_positive, before_negative = tally.held_before or (0.0, 0.0)
        tally.add(tokens[index], _DISBELIEF_PRAISE)
        tally.held_before = (before_positive + _DISBELIEF_PRAISE, before_negative)
        return
    if tally.held_negative:
        return
    if tally.held_positive and not _CONTRAST.intersection(tokens):
        # "that gig was unreal, still buzzing": beside praise, with nothing set against it,
        # disbelief stresses the praise as beside a complaint it stresses the complaint.
        tally.add(tokens[index], _DISBELIEF_PRAISE * weight, weight=weight)
        return
    end = index + 1
    while end < len(tokens) and tokens[end] not in _SENTENCE_ENDS:
        end += 1
    exclaimed = end < len(tokens) and tokens[end] == "!"
    if exclaimed and _said_of(tokens, index, _PEOPLE):
        tally.add(tokens[index], _DISBELIEF_PRAISE * weight, weight=weight)
    else:
        tally.unread.append(f"'{tokens[index]}', disbelief at something good or bad")


def _set_against_a_complaint(tokens: Sequence[str], index: int, tally: _Tally) -> bool:
    """Whether the word at ``index`` comes before the first contrast of the text, with no
    opinion held before the contrast, and only complaint after it."""
    first = next(
        (
            position
            for position, token in enumerate(tokens)
            if token in _CONTRAST and not _until_a_time(tokens, position)
        ),
        None,
    )
    if first is None or index > first or tally.held_before is None:
        return False
    before_positive, before_negative = tally.held_before
    return (
        not before_positive
        and not before_negative
        and tally.held_negative > 0
        and tally.held_positive == 0
        and not _SENTENCE_ENDS.intersection(tokens[index:first])
    )


# "What a shame.", "a pity": regret is a complaint of its own; said of a bad thing ("shame
# the waiter forgot half our order") it only introduces the complaint the bad word makes.
_REGRETS = _words("shame pity")
_REGRET_OF_A_BAD_THING = -1.0


def _regret_of_a_bad_thing(tokens: Sequence[str], index: int) -> bool:
    """Whether the clause after the regret at ``index`` names a bad thing."""
    position = index + 1
    while position < len(tokens) and tokens[position] not in _SCOPE_ENDS:
        if (_known_valence(tokens[position]) or 0.0) < 0:
            return True
        position += 1
    return False


# "Addictive" is praise of a thing made to be enjoyed ("the gameplay is addictive", "an
# addictive podcast") and a harm elsewhere ("social media is addictive"), not read.
_ADDICTIVE = _words("addictive addicting")
# A pastime hard to put down: the strongest praise of one.
_ADDICTIVE_VALENCE = 3.0
_PASTIMES = _words(
    """game games gameplay puzzle puzzles show series book books novel song songs album
    podcast podcasts soundtrack snack snacks crisps chips flavour flavor taste sauce recipe"""
)
_PASTIME_GAP = 2


def _said_of_a_pastime(tokens: Sequence[str], index: int) -> bool:
    """Whether the word at ``index`` is said of a pastime in its clause: its subject before
    it ("the gameplay is addictive") or the noun right after it ("an addictive game")."""
    return _said_of(tokens, index, _PASTIMES)


# Damage done to a thing, said as what happened to it. "Crushed", "smashed" and "chipped"
# are read only as what a thing was or came ("the box was crushed", "arrived smashed"):
# "crushed garlic", "smashed it" (praise in slang) and "chipped in" are none.
_DAMAGED_AS = _words("crushed smashed chipped")
# ("got smashed" is as often a night out as a thing broken, and is left out.)
_CAME_AS = _words("is was are were been arrived came looked looks")
# "Slugs destroyed the lettuces" is damage; "she destroyed it on stage", "we destroyed
# them 5-0" are praise or a win in slang, and are not read.
_DESTROYS = _words("destroy destroys destroyed destroying")
_SLANG_OBJECTS = _words("it them him her us me everyone everybody")
_DAMAGE_VALENCE = -2.0


def _damage_at(tokens: Sequence[str], index: int) -> bool:
    """Whether the word at ``index`` tells of damage done to a thing."""
    token = tokens[index]
    if token in _DAMAGED_AS:
        return index > 0 and tokens[index - 1] in _CAME_AS
    following = tokens[index + 1] if index + 1 < len(tokens) else "."
    return token in _DESTROYS and following not in _SLANG_OBJECTS


# "Encouraging", "reassuring", "inspiring" are praise as a verdict ("the coach is really
# encouraging", "it was reassuring.") and a plain act as a verb ("encouraging residents to
# recycle"): read only stressed or ending their clause.
_ENCOURAGING = _words("encouraging reassuring inspiring heartening uplifting motivating")
_ENCOURAGING_VALENCE = 2.0


def _encouraging_at(tokens: Sequence[str], index: int) -> bool:
    following = tokens[index + 1] if index + 1 < len(tokens) else "."
    return tokens[index] in _ENCOURAGING and (
        following in _SCOPE_ENDS or (index > 0 and tokens[index - 1] in _INTENSIFIERS)
    )


# "Flaky" is praise of pastry ("flaky croissants") and a complaint of a connection ("the
# wifi is flaky"); said of anything else (a person, a test) it is not read.
_FLAKY = _words("flaky flakey")
_PASTRY = _words(
    """croissant croissants pastry pastries crust crusts pie pies scone scones biscuit
    biscuits tart tarts"""
)


def _flaky_valence(tokens: Sequence[str], index: int) -> float | None:
    if _said_of(tokens, index, _PASTRY):
        return 2.0
    if _said_of(tokens, index, _SERVICES):
        return -2.0
    return None


# A way or a pipe blocked: "your hedge is blocking the pavement", "a van blocked our
# drive", "the sink is blocked again" (blocking spam calls, or a blind that blocks the
# light, is none).
_BLOCKS = _words("blocks blocked blocking obstructed obstructing")
_WAYS = _words(
    """pavement pavements path footpath drive driveway road entrance exit door doorway
    gate access view sink drain drains toilet loo pipe pipes gutter gutters"""
)
_BLOCKED_VALENCE = -2.0
# "The road will be blocked on Monday", "the path is blocked until Friday": a notice of
# a plan or a time, no complaint.
_NOTICE = _words("will shall be until till from")


def _blocked_at(tokens: Sequence[str], index: int) -> bool:
    """Whether the word at ``index`` complains of a way or a pipe blocked, in a clause that
    is no notice of a plan or a time."""
    if tokens[index] not in _BLOCKS or not _said_of(tokens, index, _WAYS):
        return False
    start, end = index, index
    while start > 0 and tokens[start - 1] not in _SCOPE_ENDS:
        start -= 1
    while end < len(tokens) and tokens[end] not in _SCOPE_ENDS:
        end += 1
    clause = tokens[start:end]
    return not any(t in _NOTICE or t in _FACTUAL or any(c.isdigit() for c in t) for t in clause)


# A thing set against how it was shown or described: "the flat was much smaller than the
# photos", "bigger than it looked in the pictures", "looks nothing like the listing". Less
# than was shown is a complaint as firm as a failure; more, a delight.
_SHOWN = _words(
    """photos photo pictures picture pics pictured listing advert ad advertised described
    description shown website brochure"""
)
_SHOWN_GAP = 5
_SHOWN_VALENCE = 2.5
_LESS = _words("smaller tinier shorter narrower older darker dingier pokier poorer")
_MORE = _words("bigger larger roomier brighter newer")


def _against_what_was_shown(tokens: Sequence[str], index: int) -> tuple[int, float]:
    """How many tokens a comparison with what was shown spans from ``index`` ("smaller than
    the photos" is 4), and its valence; (0, 0.0) when there is none."""
    token = tokens[index]
    if tuple(tokens[index : index + 3]) in (("nothing", "like", "the"), ("nothing", "like", "its")):
        start, valence = index + 3, -_SHOWN_VALENCE
    elif index + 1 < len(tokens) and tokens[index + 1] == "than":
        known = _known_valence(token) or 0.0
        if token in _LESS or (known < 0 and _is_comparative(token)):
            valence = -_SHOWN_VALENCE
        elif token in _MORE or (known > 0 and _is_comparative(token)):
            valence = _SHOWN_VALENCE
        else:
            return 0, 0.0
        start = index + 2
    else:
        return 0, 0.0
    for end in range(start, min(start + _SHOWN_GAP, len(tokens))):
        if tokens[end] in _SCOPE_ENDS:
            break
        if tokens[end] in _SHOWN:
            return end - index + 1, valence
    return 0, 0.0


# Growth is good news of a quality a person gains ("her confidence has grown so much", "he
# grew in confidence") and none of a debt or a queue, which grow too: read only of one.
_GROWN = _words("grown grew increased soared")
_GROWN_VALENCE = 2.0
_QUALITIES = _words(
    """confidence self-confidence self-esteem skills skill independence understanding
    knowledge fluency vocabulary friendship friendships"""
)
# "Muddy" is a complaint of a sound ("the sound was muddy", "a muddy mix") and a fact of a
# field or a dog ("muddy boots"), read only of a sound.
_MUDDY = _words("muddy murky boomy")
_MUDDY_VALENCE = -2.0
_SOUNDS = _words(
    """sound sounds audio mix bass vocals vocal speaker speakers recording recordings
    acoustics headphones earbuds"""
)


# "Quiet" is praise of a machine ("the dishwasher is whisper quiet") and of no sure side
# said of a place or a person ("the pub was quiet", "she's quiet"): read only of a machine.
_QUIET = _words("quiet quieter silent")
_QUIET_VALENCE = 2.0
_MACHINES = _words(
    """boiler boilers fridge fridges freezer dishwasher fan fans engine engines car hoover
    vacuum washer dryer machine laptop keyboard printer heater pump extractor aircon
    air-con generator mower blender kettle"""
)


def _said_of_a_sound(tokens: Sequence[str], index: int) -> bool:
    """Whether the word at ``index`` is said of a sound in its clause ("the sound was
    muddy", "a muddy mix")."""
    return _said_of(tokens, index, _SOUNDS)


def _said_of(tokens: Sequence[str], index: int, things: frozenset[str]) -> bool:
    """Whether the word at ``index`` is said of one of ``things``: its subject before it in
    its clause, or the noun right after it."""
    after = tokens[index + 1 : index + 1 + _PASTIME_GAP]
    if things.intersection(after):
        return True
    position = index - 1
    while position >= 0 and tokens[position] not in _SCOPE_ENDS:
        if tokens[position] in things:
            return True
        position -= 1
    return False


# Words of a rota: "late" said among them names a shift ("swapped to a late", "the late
# shift"), where "the train was late" is a delay.
_ROTA = _words("shift shifts rota rotas rostered roster")
_SHIFT_AFTER = _words("shift shifts instead on")


def _shift_named(tokens: Sequence[str], index: int) -> bool:
    """Whether "late" at ``index`` names a shift: after an article, and either before
    "shift" or ending its clause or before a time, in a sentence about a rota."""
    before = tokens[index - 1] if index else ""
    following = tokens[index + 1] if index + 1 < len(tokens) else "."
    if following in ("shift", "shifts"):
        return before in _DETERMINERS | _words("on") or before.isdigit()
    start = index
    while start > 0 and tokens[start - 1] not in _SENTENCE_ENDS:
        start -= 1
    end = index
    while end < len(tokens) and tokens[end] not in _SENTENCE_ENDS:
        end += 1
    return (
        before in ("a", "an")
        and bool(_ROTA.intersection(tokens[start:end]))
        and (following in _SCOPE_ENDS or following[0].isdigit() or following in _SHIFT_AFTER)
    )


def _known_valence(token: str) -> float | None:
    """The valence of a word the lexicon knows, itself or as a word made from one."""
    return _LEXICON.get(
        token,
        _prefix_negated(token)
        or _adverb_of(token)
        or _comparative_of(token)
        or _superlative_of(token),
    )


# "The hike was exhausting", "it felt predictable": a word said of the subject, ending its
# clause, is a verdict on it, whether or not the lexicon knows the word.
_COPULAS = _words(
    """is was are were be been it's that's he's she's they're we're you're i'm feel feels
    felt seem seems seemed look looks looked sound sounds sounded became becomes got gets"""
)
# Words that end a clause after a verb and are no verdict ("it was over", "that's it").
_NO_VERDICT = _words(
    "it this that there here over out in on up down off done back home so found seen"
)


def _unread_predicate(tokens: Sequence[str], index: int) -> bool:
    """Whether the word at ``index`` is said of the subject (after "was", "felt", with
    intensifiers or a negation between) and ends its clause, in a word the lexicon does
    not know: "the plot was predictable, although ...", "... but it was exhausting"."""
    token = tokens[index]
    following = tokens[index + 1] if index + 1 < len(tokens) else "."
    before = index - 1
    while before >= 0 and tokens[before] in _NOT_COUNTED:
        before -= 1
    return (
        before >= 0
        and tokens[before] in _COPULAS
        and following in _SCOPE_ENDS
        and token.isalpha()
        and token not in _PLAIN | _NO_VERDICT | _FACTUAL | _NOT_COUNTED
        and _known_valence(token) is None
        and not (token in _ADDICTIVE and _said_of_a_pastime(tokens, index))
        and not _damage_at(tokens, index)
        and not _encouraging_at(tokens, index)
        and not (token in _FLAKY and _flaky_valence(tokens, index) is not None)
    )


def _check_predicates(tokens: Sequence[str], tally: _Tally) -> None:
    """Where a contrast sets two parts against each other, each part's verdict counts: a
    part that says its verdict in a word this lexicon lacks ("The hike was exhausting but
    the view was incredible") leaves only the other side read, and a label from it alone
    would be a guess (one-sided where the writer was of two minds)."""
    read = set(tally.positive_terms) | set(tally.negative_terms)
    for index in range(len(tokens)):
        if tokens[index] in _DISBELIEF and tokens[index] in read:
            continue
        if _unread_predicate(tokens, index):
            tally.unread.append(f"'{tokens[index]}'")


# Words after which "like" compares or fills ("in like an hour", "was like a sauna"), and
# is no liking.
_BEFORE_A_COMPARISON = _words(
    "in for about at on of after within is was are were be been it's that's looks look "
    "looked feels feel felt sounds seems just took takes lasted lasts"
)
# "hard" after a verb says how much it was done ("laughed so hard", "trained hard").
_DEGREE_WORDS = _words("hard harder")
_DEGREE_VERBS = _words(
    """work works try tries laugh laughs cry cries push pushes train trains rain rains
    study studies think thinks play plays hit hits fall falls"""
)
_BETWEEN_VERB_AND_DEGREE = _words("so really very pretty super too")


def _after_a_verb(tokens: Sequence[str], index: int) -> bool:
    before = index - 1
    if before > 0 and tokens[before] in _BETWEEN_VERB_AND_DEGREE:
        before -= 1
    if before < 0:
        return False
    word = tokens[before]
    return word in _DEGREE_VERBS or (len(word) > 4 and word.endswith(("ed", "ing")))


# "but no.", "but nope": a verdict after a contrast that turns down what came before it.
_TURNING_DOWN = _words("no nope nah")


def _ends_clause(tokens: Sequence[str], index: int) -> bool:
    following = tokens[index + 1] if index + 1 < len(tokens) else "."
    return tokens[index - 1] in _CONTRAST and following in _SENTENCE_ENDS | {",", "!"}


# "cheap" is a low price, or a poor make: "cheap and nasty", "feels cheap", "cheap, flimsy".
_PRICE_OR_MAKE = _words("cheap cheaply")
_SEEMS = _words("feels feel felt looks look looked sounds seems made built")


def _said_of_make(tokens: Sequence[str], index: int) -> bool:
    """Whether "cheap" at ``index`` is said of how a thing is made or feels: after "feels"
    or "looks", or joined by "and" or a comma to a word of complaint."""
    if index > 0 and tokens[index - 1] in _SEEMS:
        return True
    for step in (1, -1):
        joint, other = index + step, index + 2 * step
        if (
            0 <= other < len(tokens)
            and tokens[joint] in ("and", ",")
            and _LEXICON.get(tokens[other], 0.0) < 0
        ):
            return True
    return False


# "I love how cold it keeps my water", "I hate how cheap it feels": the clause after the
# verb is what is loved or hated. A word of the other side in it is either the quality
# praised ("cold" water is wanted) or irony ("I love how it crashes every time"), and the
# words alone do not tell which.
_OPINION_VERBS = _words("love loved loves like likes liked hate hated hates enjoy enjoyed adore")
_OBJECT_CLAUSES = (("how",), ("that",), ("the", "way"))


def _negates_a_bad_word(tokens: Sequence[str], index: int) -> bool:
    """Whether the negation at ``index`` turns a bad word of its clause ("never crashes")."""
    position = index + 1
    while position < len(tokens) and tokens[position] not in _SCOPE_ENDS:
        if _LEXICON.get(tokens[position], 0.0) < 0:
            return True
        position += 1
    return False


def _check_object_clauses(tokens: Sequence[str], tally: _Tally) -> None:
    for index, token in enumerate(tokens):
        if token not in _OPINION_VERBS:
            continue
        opener = next(
            (o for o in _OBJECT_CLAUSES if tuple(tokens[index + 1 : index + 1 + len(o)]) == o),
            None,
        )
        if opener is None:
            continue
        held = _LEXICON[token] * (-1.0 if _negated(tokens, index) else 1.0)
        clause = " ".join(tokens[index : index + 1 + len(opener)])
        position = index + 1 + len(opener)
        while position < len(tokens) and tokens[position] not in _SCOPE_ENDS:
            word = tokens[position]
            valence = _KEPT_VALENCE if _kept_quality(tokens, position) else _LEXICON.get(word, 0.0)
            if valence * held < 0 and not _negated(tokens, position):
                tally.unread.append(f"'{clause} ... {word}'")
            elif (
                held > 0
                and (word in _NEGATIONS or word.endswith("n't"))
                and not _negates_a_bad_word(tokens, position)
            ):
                # "I love that they never fixed it": praise of a thing not done is irony
                # as often as not; "I love that it never crashes" praises a bad thing that
                # does not happen, and is read.
                tally.unread.append(f"'{clause} ... {word}'")
            position += 1


def _slips_of(words: Iterable[str]) -> frozenset[str]:
    """Each word with one letter left out, two letters swapped or one letter doubled."""
    slips: set[str] = set()
    for word in words:
        slips.update(word[:i] + word[i + 1 :] for i in range(len(word)))
        slips.update(word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1))
        slips.update(word[:i] + word[i] + word[i:] for i in range(len(word)))
    return frozenset(slips)


# Slips of the keyboard in long words of opinion ("terible", "amazng", "awsome"), less the
# real words among them, which are not slips.
_SLIPS = (
    _slips_of(w for w in _LEXICON if len(w) >= 7 and w.isalpha())
    - _LEXICON.keys()
    - _words(
        """please health freeze treats peasant trilled lawless braking racked cashed cashing
        cashes sunning prefect rowing wining inning critic smoothy ignore butter rubber
        angled mangle garage through cooked rooked"""
    )
)
_SENTENCE_ENDS = frozenset(".!?;")
# Intensifiers that only ever qualify an opinion ("so" and "too" also join clauses).
_STRONG_INTENSIFIERS = _words(
    "very really extremely incredibly absolutely totally completely super truly highly"
)
# Words an intensifier may come before that are no opinion ("really did", "very much",
# "the very end").
_PLAIN = _words(
    """much many well the a an it is was are were be been do did does have has had
    i we you they he she this that not end beginning start first last same"""
)


_EXCESS_VALENCE = -1.5
# "too much", "too many", "too" before a number: a quantity, not a quality in excess.
_NO_EXCESS = _words("much many few little often")


def _excess(tokens: Sequence[str], index: int) -> bool:
    """Whether the word at ``index`` (one the lexicon does not know) is said to be in
    excess: "too" right before it ("way too loud"), not negated, and not "too early to
    tell" (an excess for a purpose, which says no verdict)."""
    token = tokens[index]
    following = tokens[index + 1] if index + 1 < len(tokens) else "."
    return (
        index > 0
        and tokens[index - 1] == "too"
        and token.isalpha()
        and token not in _PLAIN
        and token not in _NOT_COUNTED
        and token not in _NO_EXCESS
        and following != "to"
        and not _negated(tokens, index - 1)
    )


def _intensified_unknown(tokens: Sequence[str], index: int) -> bool:
    """Whether the unknown word at ``index`` is an intensified verdict ending its clause
    ("the staff were really unhelpful.", "extremely grimy, and ..."); "really made my
    day" and "a very large room" go on, and are not read as one."""
    following = tokens[index + 1] if index + 1 < len(tokens) else "."
    return (
        index > 0
        and tokens[index - 1] in _STRONG_INTENSIFIERS
        and tokens[index] not in _PLAIN
        and following in _SCOPE_ENDS
    )


def _check_verdict(
    tokens: Sequence[str], verdict: tuple[int, int], end: int, tally: _Tally
) -> None:
    """After "but", the writer's verdict: when its words hold no opinion this lexicon
    knows ("I love the camera but the battery lasts two hours"), the label would be the
    side before it, which the writer went on to weigh against something unread."""
    start, terms_before = verdict
    words = [t for t in tokens[start + 1 : end] if t not in _NOT_COUNTED]
    if len(words) >= 2 and _terms(tally) == terms_before:
        tally.unread.append(f"'{tokens[start]} {' '.join(words)}'")


# "unfriendly", "impolite", "dishonest": a positive word turned by its prefix. (Words that
# only look prefixed, such as "invaluable", are in the lexicon and never reach this.)
_NEGATING_PREFIXES = ("un", "dis", "in", "im")


def _prefix_negated(token: str) -> float | None:
    for prefix in _NEGATING_PREFIXES:
        rest = token[len(prefix) :]
        if token.startswith(prefix) and len(rest) >= 4 and _LEXICON.get(rest, 0.0) > 0:
            return -2.0
    return None


# "honestly, it was terrible": how frankly a thing is said, no praise of anything.
_NOT_ADVERBS = _words("honestly")


def _adverb_of(token: str) -> float | None:
    """The valence of the word an adverb is made from: "fits perfectly", "badly made",
    "happily", "horribly" (none of them in the lexicon, each a verdict)."""
    # "hardly anyone came": a negation, not the adverb of "hard".
    if not token.endswith("ly") or token in _INTENSIFIERS or token in _NEGATIONS:
        return None
    if token in _NOT_ADVERBS:
        return None
    stem = token[:-2]
    for word in (stem, f"{stem}e", f"{token[:-3]}y"):
        if len(word) >= 3 and word in _LEXICON:
            return _LEXICON[word]
    return None


def _comparative_of(token: str) -> float | None:
    """The valence of the word a comparative is made from: "could have been friendlier",
    "nicer", "poorer" (the lexicon lists "better", "worse", "cheaper" itself)."""
    return _degree_of(token, "er")


def _degree_of(token: str, ending: str) -> float | None:
    """The valence of the word ``token`` is made from with ``ending`` ("er", "est"): the
    "y" of "friendlier" and "comfiest" back, or the word with or without its last "e"."""
    if token.endswith(f"i{ending}"):
        candidates: tuple[str, ...] = (f"{token[: -len(ending) - 1]}y",)
    elif token.endswith(ending):
        candidates = (token[: -len(ending)], token[: -len(ending) + 1])
    else:
        return None
    for word in candidates:
        if len(word) >= 4 and word in _LEXICON:
            return _LEXICON[word]
    return None


# Superlatives that are no degree of the word they end like: "the latest update" is the
# newest, not the most late.
_NOT_SUPERLATIVES = _words("latest")


def _superlative_of(token: str) -> float | None:
    """The valence of the word a superlative is made from: "the comfiest chair", "the
    friendliest staff", "the nicest room" (the lexicon lists "best" and "worst" itself)."""
    if token in _NOT_SUPERLATIVES:
        return None
    return _degree_of(token, "est")


def _normalise(raw: float) -> float:
    # VADER's squashing: keeps the score in -1..1 whatever the text length.
    return raw / math.sqrt(raw * raw + 15.0)


def _label(tally: _Tally, score: float) -> str:
    contrast = tally.contrast
    # Only opinions held count as a side of a mixed verdict: "not great, not terrible"
    # hedges both ways and is neutral, not mixed.
    positive = tally.positive - tally.hedged_positive
    negative = tally.negative - tally.hedged_negative
    if tally.positive and tally.negative and not positive and not negative:
        # "It's not bad, but not good either": hedges both ways, "but" or not.
        return "neutral"
    if _conceded_on_both_sides(tally) or _praise_let_down(tally):
        return "mixed"
    stronger, weaker = max(positive, negative), min(positive, negative)
    balanced = weaker >= 1.5 and weaker / stronger >= MIXED_BALANCE and abs(score) < 0.5
    if balanced and not contrast:
        return "mixed"
    # "gorgeous but awful": a strong opinion on each side is mixed, "but" or not; a mild one
    # before it ("clean but the wifi kept dropping") only leads to the verdict after it.
    if contrast and (
        _strong_on_both_sides(tally)
        or _complaint_then_kind_words(tally)
        or _praise_then_complaint(tally)
        or _praise_then_a_wait(tally)
        or (tally.turns and _one_side_each(tally, tally.held_before, CONTRAST_WEIGHT))
        # "friendly enough, but way too slow for me": the thing does not suit the writer,
        # which takes nothing back of the praise, and is no verdict outweighing it.
        or (tally.to_taste and _one_side_each(tally, tally.held_before, 1.0))
    ):
        return "mixed"
    # After a "but" the writer has weighed both sides: a smaller lead says who won.
    band = NEUTRAL_BAND / 2 if contrast else NEUTRAL_BAND
    if score >= band:
        return "positive"
    if score <= -band:
        return "negative"
    return "mixed" if balanced else "neutral"


STRONG_OPINION = 3.0
"""The valence of one strong word ("gorgeous", "awful"): an opinion firmly held."""

FIRM_PRAISE = 2.5
"""Praise held firmly enough to stand against a complaint: a strong word, or a mild one
stressed ("really good", "very well made": 2.0 x 1.3), where a mild word alone ("clean",
"lovely") or barely stressed ("quite nice") is a concession before the complaint."""


# "The instructor knew her stuff, although the handouts were outdated": a clause said,
# then conceded against ("although", "though", "while"), holds both sides at once. Said
# first ("Although the ending was rushed, the cast ..."), the concession leads to the main
# clause, and its sides are both after what went before; said last ("we still won, though")
# it has nothing after it to set against.
_CONCESSIONS = _words("although though while whilst")


def _concession_at(tokens: Sequence[str], index: int) -> bool:
    return (
        tokens[index] in _CONCESSIONS
        and index + 1 < len(tokens)
        and tokens[index + 1] not in _SENTENCE_ENDS | {","}
    )


def _conceded_on_both_sides(tally: _Tally) -> bool:
    """Whether the clause before a concession holds one side only, and what follows it the
    other only, about as firmly (unweighted: a concession is no verdict that outweighs
    what it concedes to): mixed, not a label of the side the words happened to stress."""
    return _one_side_each(tally, tally.conceded, 1.0)


_LET_DOWN = ("let", "down")


def _praise_let_down(tally: _Tally) -> bool:
    """Whether praise, and only praise, is said to be let down by a fault after it ("a
    charming production let down by some very shaky singing", "great food, let down by
    awful service"): the fault spoils the thing without taking the praise back, so both
    sides stand, however much heavier the fault is said; mixed. Praise after the fault, or
    a complaint before it, is weighed as any other text."""
    if tally.let_down is None:
        return False
    before_positive, before_negative = tally.let_down
    after_positive = tally.held_positive - before_positive
    after_negative = tally.held_negative - before_negative
    return bool(before_positive and not before_negative and after_negative and not after_positive)


def _one_side_each(tally: _Tally, before: tuple[float, float] | None, weight: float) -> bool:
    """Whether the opinions held ``before`` a point are of one side only and those after it
    of the other only, the two about as firm once the later ones are ``weight``-ed: a side
    far heavier than the other is the verdict ("great food but the service was slow, rude
    and chaotic")."""
    if before is None:
        return False
    before_positive, before_negative = before
    after_positive = tally.held_positive - before_positive
    after_negative = tally.held_negative - before_negative
    if before_positive and not before_negative and after_negative and not after_positive:
        sides = (before_positive, after_negative * weight)
    elif before_negative and not before_positive and after_positive and not after_negative:
        sides = (before_negative, after_positive * weight)
    else:
        return False
    return min(sides) / max(sides) >= MIXED_BALANCE


_AMENDS = frozenset(f"{verb} up for" for verb in ("made", "makes", "make"))


def _complaint_then_kind_words(tally: _Tally) -> bool:
    """Whether a complaint before the contrast is followed only by mild praise, however
    stressed ("the train was late, but the staff were really friendly"): the praise is of
    something else and does not take the complaint back, as a concession before "but"
    does ("nice, but too expensive" is negative). Strong praise ("slow but fantastic") or
    amends ("slow but the food made up for it") is the verdict."""
    if tally.held_before is None or _AMENDS.intersection(tally.positive_terms):
        return False
    before_positive, before_negative = tally.held_before
    after_positive = tally.held_positive - before_positive
    after_negative = tally.held_negative - before_negative
    return (
        not before_positive
        and not after_negative
        and before_negative > 0
        and 0 < after_positive < STRONG_OPINION
    )


def _praise_then_complaint(tally: _Tally) -> bool:
    """Whether firm praise before the contrast is set against a complaint after it that,
    weighed as a verdict, matches it ("Gorgeous colours, but it fell apart after one wash",
    "the croissants were flaky and buttery, but the coffee was lukewarm"): both held, so
    mixed; so is praise stressed ("the course was really well taught but the exam was a
    total shambles"). Mild praise before ("clean, but the wifi kept dropping") is a
    concession, and a complaint far heavier than the praise ("lovely, but awful, filthy and
    loud") the verdict."""
    if tally.held_before is None:
        return False
    before_positive, before_negative = tally.held_before
    after_positive = tally.held_positive - before_positive
    after_negative = (tally.held_negative - before_negative) * CONTRAST_WEIGHT
    return (
        not before_negative
        and not after_positive
        and before_positive >= FIRM_PRAISE
        and after_negative > 0
        and min(before_positive, after_negative) / max(before_positive, after_negative)
        >= MIXED_BALANCE
    )


def _praise_then_a_wait(tally: _Tally) -> bool:
    """Whether praise held before the contrast, mild or not, is set against nothing after it
    but a long wait told as what happened ("the receptionist was lovely but i sat in the
    waiting room 40 mins past my appointment", "nice staff, but we queued over an hour"):
    a service that failed, said as a fact with no word of verdict, takes nothing back of
    the praise, so both sides stand: mixed. A complaint said in words of opinion after
    mild praise ("the waiter was polite, but the soup arrived cold") is the verdict, and a
    wait told with such words ("..., but we waited an hour and the food was cold") too."""
    if tally.held_before is None or not tally.waited_after:
        return False
    after_negative = tally.held_negative - tally.held_before[1]
    return (
        math.isclose(after_negative, tally.waited_after)
        and not tally.hedged_positive
        and _one_side_each(tally, tally.held_before, 1.0)
    )


# Verbs of a thing working, said with an adverb of opinion: "runs beautifully", "works
# smoothly", "handles brilliantly".
_WORKS_AS = _words(
    """run runs ran running work works worked working perform performs performed handle
    handles handled drive drives drove"""
)
_HOW_IT_WORKS = 1.3


def _how_it_works(tokens: Sequence[str], index: int) -> bool:
    """Whether the word at ``index`` is an adverb of opinion right after a verb of a thing
    working ("runs beautifully"), not a word of the lexicon itself."""
    token = tokens[index]
    return (
        index > 0
        and tokens[index - 1] in _WORKS_AS
        and token not in _LEXICON
        and _adverb_of(token) is not None
    )


# "too slow for me", "far too sweet for our taste": more of a thing than suits the writer.
_FOR_THE_WRITERS = (
    ("for", "me"),
    ("for", "us"),
    *(("for", whose, taste) for whose in ("my", "our") for taste in ("liking", "taste", "tastes")),
)


def _too_for_the_writer(tokens: Sequence[str], index: int) -> bool:
    """Whether the word at ``index`` is said as too much for the writer ("too slow for me",
    "a bit too loud for our liking"): a fit, not a fault of the thing."""
    if index == 0 or tokens[index - 1] != "too":
        return False
    return any(tuple(tokens[index + 1 : index + 1 + len(f)]) == f for f in _FOR_THE_WRITERS)


# Words that open a clause on a thing of its own: "but the rooms ...", "but their app ...".
_OWN_SUBJECT = _words("the their its our my his her this that these those")


def _turns_to_another_thing(tokens: Sequence[str], index: int) -> bool:
    """Whether the contrast at ``index`` follows praise or blame of a thing named with it
    ("lovely staff", "great food") and opens on a thing of its own ("but the rooms ..."):
    two things judged, each on its side, not a concession about one ("nice, but too
    expensive")."""
    start = index
    while start > 0 and tokens[start - 1] not in _SENTENCE_ENDS:
        start -= 1
    named = any(
        _LEXICON.get(tokens[i]) is not None
        and tokens[i + 1].isalpha()
        and tokens[i + 1] not in _LEXICON
        and tokens[i + 1] not in _CONTRAST
        # "loved the show": praise of a thing named after a verb is no thing's quality.
        and tokens[i + 1] not in _OWN_SUBJECT | _words("a an and or to it")
        for i in range(start, index - 1)
    )
    opens = index + 2 < len(tokens) and tokens[index + 1] in _OWN_SUBJECT
    end = index + 1
    while end < len(tokens) and tokens[end] not in _SENTENCE_ENDS:
        end += 1
    after = " ".join(tokens[index + 1 : end])
    # "nice screen, but the laptop overheats all the time": a fault said to be constant is
    # the verdict on the whole, not one side of two.
    constant = re.search(r"\b(?:all the time|constantly|every time|always|non-stop)\b", after)
    if constant:
        return False
    if named and opens and tokens[index + 2].isalpha():
        return True
    return _judged_in_turn(tokens, start, index)


# Links of a subject to the one word judging it: "the lesson was good", "turnout is rubbish".
_SUBJECT_LINKS = _words("is was are were")
# "the lesson itself was good": the thing praised set apart from the rest of the outing.
_SET_APART = _words("itself themselves")
# States told as what happened rather than judged: "but the train was late" is the news
# that decides the day, which mild praise before it only concedes against.
_TOLD_STATES = _words("late delayed cancelled canceled cold lost missing slow expensive")
# Subjects that name no thing of their own: "it was lovely but the price is steep" judges
# one thing and its price, not two things each on its side.
_NO_OWN_THING = _words(
    """it this that these those they them he she we i you there here everything everyone
    everybody all what which who"""
)


def _subject_of(tokens: Sequence[str], link: int, start: int) -> str | None:
    """The noun before the link at ``link`` (not before ``start``) that names a thing of its
    own ("owner" in "yard owner is", "lesson" in "the lesson itself was"), else None."""
    position = link - 1
    if position >= start and tokens[position] in _SET_APART:
        position -= 1
    if position < start:
        return None
    noun = tokens[position]
    if (
        not noun.isalpha()
        or noun in _NO_OWN_THING | _NOT_COUNTED | _CONTRAST | _SET_APART
        or _known_valence(noun) is not None
    ):
        return None
    return noun


def _judged_in_turn(tokens: Sequence[str], start: int, index: int) -> bool:
    """Whether the contrast at ``index`` sets one thing said to be of one opinion word ("the
    yard owner is lovely", "the lesson itself was good") against another thing named on its
    own: judged the same way ("but turnout is rubbish", not a state told as "but the train
    was late"), or after a thing set apart with
    "itself" ("... but the wetsuits stank"). Two things judged, each on its side, not a
    concession about one ("the hotel was nice but way too expensive") nor a complaint told
    of another after mild praise ("the waiter was polite, but the soup arrived cold")."""
    end = index - 1 if index > 0 and tokens[index - 1] == "," else index
    judged = end - 1
    if judged < start or _known_valence(tokens[judged]) is None:
        return False
    link = judged - 1
    while link >= start and tokens[link] in _INTENSIFIERS:
        link -= 1
    if link < start or tokens[link] not in _SUBJECT_LINKS:
        return False
    subject = _subject_of(tokens, link, start)
    if subject is None:
        return False
    set_apart = tokens[link - 1] in _SET_APART
    after = index + 1
    if after < len(tokens) and tokens[after] in _OWN_SUBJECT:
        after += 1
    other = next(
        (p for p in range(after, min(after + 3, len(tokens))) if tokens[p] in _SUBJECT_LINKS),
        None,
    )
    if other is not None and other > after:
        named = _subject_of(tokens, other, after)
        said = other + 1
        while said < len(tokens) and tokens[said] in _INTENSIFIERS:
            said += 1
        if (
            named is not None
            and named != subject
            and said < len(tokens)
            and tokens[said] not in _TOLD_STATES
            and _known_valence(tokens[said]) is not None
        ):
            return True
    # "the lesson itself was good but the wetsuits stank": the other thing named, whatever
    # is said of it.
    return (
        set_apart
        and after > index + 1
        and after < len(tokens)
        and tokens[after].isalpha()
        and tokens[after] not in _NO_OWN_THING
        and tokens[after] != subject
    )


def _strong_on_both_sides(tally: _Tally) -> bool:
    stronger = max(tally.held_positive, tally.held_negative)
    weaker = min(tally.held_positive, tally.held_negative)
    return weaker >= STRONG_OPINION and weaker / stronger >= MIXED_BALANCE


_TOKEN = re.compile(
    r"[a-z0-9]+(?:['’-][a-z0-9]+)*|[.,;:!?]"
    # Faces, hands and hearts, each a token of its own (a variation selector dropped).
    r"|[\U0001f300-\U0001faff\u2600-\u27bf]"
)
_PUNCTUATION = frozenset(".,;:!?")
# Tokens that are neither opinion nor neutral content.
_NOT_COUNTED = _NEGATIONS | _INTENSIFIERS.keys() | _PUNCTUATION


# Negations typed without their apostrophe ("the wifi didnt work", "it doesnt charge"),
# so common in messages that they are the same words: read as the negations they are.
_UNMARKED_NEGATIONS = {
    f"{stem}nt": f"{stem}n't"
    for stem in _words(
        "did does do is was were are could would should have has had ca wo need must"
    )
}


def _tokens(text: str) -> list[str]:
    """Words, and punctuation marks where a negation's reach ends ("nobody came. Great.")."""
    text = re.sub(r"\bso-so\b", "so so", text.lower().replace("’", "'"))
    return [_UNMARKED_NEGATIONS.get(token, token) for token in _TOKEN.findall(text)]


def sentence_sentiment(sentence: str) -> SentenceSentiment:
    """Sentiment of a single sentence."""
    tally = _score_tokens(_tokens(sentence))
    score = _normalise(tally.positive - tally.negative)
    return SentenceSentiment(
        sentence=sentence,
        score=round(score, 4),
        label=_label(tally, score),
    )


# What makes a text with no word of opinion plainly factual: when (days, months, times),
# how many (numbers), or a request, plan or condition ("please", "will", "if"), or a
# document sent ("attached"). Without one, "the kids had a blast" or "checkout was
# painless" read no word, and "neutral" would be a guess.
_FACTUAL = _words(
    """monday tuesday wednesday thursday friday saturday sunday weekday weekdays weekend
    january february march april may june july august september october november december
    today tomorrow yesterday tonight morning afternoon evening noon midnight week month
    year am pm o'clock one two three four five six seven eight nine ten twelve hundred
    please will shall if unless whether attached enclosed scheduled dispatched shipped
    handed posted processed confirmed renewed registered forwarded available annual
    monthly quarterly"""
)
# (The last words are those of a notice of where a thing is in its handling: "your parcel
# has been handed to the courier", "your order has been dispatched", "your annual
# statement is now available".)


# Signs that a person is saying how they feel, whatever words they feel it in: a negation
# ("still no hot water", "wasn't ready"), an exclamation, emphasis ("honestly", "again").
# A text with one is no plain statement of fact, dates and amounts or not: "Still no hot
# water and you were meant to be here at 8." is not neutral for holding a time.
_FEELING = _words(
    """no not never nothing nobody nowhere none cannot can't won't wasn't isn't aren't
    weren't don't doesn't didn't haven't hasn't hadn't couldn't wouldn't shouldn't ! !!
    honestly really so such still again even finally actually expected ever always
    literally seriously totally absolutely"""
)


# The parts of a book, a film or a show: a text that tells of them is a review, whose
# verdict may be in words this lexicon lacks ("dragged on for 300 pages and the twist was
# obvious from chapter two"); its page count makes it no statement of fact.
_PARTS_OF_A_WORK = _words(
    """plot plots twist twists ending endings chapter chapters page pages episode episodes
    storyline pacing finale cast acting characters dialogue"""
)


def _plainly_factual(tokens: Sequence[str]) -> bool:
    # "Please send a reading by 30 June so we can bill you": the "so" of a request's purpose
    # is no emphasis.
    tokens = _less_purpose_openings(tokens)
    return any(t in _FACTUAL or any(c.isdigit() for c in t) for t in tokens) and not any(
        t in _FEELING or t in _PARTS_OF_A_WORK for t in tokens
    )


def sentiment(text: str) -> Sentiment:
    """Sentiment of a text, with the terms that decided it and a per-sentence breakdown."""
    tokens = _tokens(text)
    tally = _score_tokens(tokens)
    score = _normalise(tally.positive - tally.negative)
    return Sentiment(
        label=_label(tally, score),
        score=round(score, 4),
        positive=round(tally.positive, 3),
        negative=round(tally.negative, 3),
        neutral_words=tally.neutral,
        positive_terms=list(dict.fromkeys(tally.positive_terms)),
        negative_terms=list(dict.fromkeys(tally.negative_terms)),
        sentences=[sentence_sentiment(s) for s in split_sentences(text)],
        unsure=list(dict.fromkeys(tally.unread)),
        unread=not _terms(tally) and not tally.read_neutral and not _plainly_factual(tokens),
        ironic=list(dict.fromkeys(tally.ironic)),
    )

"""Lexicon sentiment: neutral band, mixed, negation, intensifiers, contrast, evidence terms."""

from __future__ import annotations

import pytest

from orchestra.agents.sentiment import NEUTRAL_BAND, sentiment


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("I love this, it is excellent and reliable.", "positive"),
        ("This is terrible and the service was awful.", "negative"),
        ("The meeting is on Tuesday in room four.", "neutral"),
        # One mild word and a shrug are not a positive review.
        ("The update is fine, nothing special", "neutral"),
        ("Great camera, terrible battery.", "mixed"),
        # "hilarious" praises as "funny" does; said of a mishap it is sarcasm.
        ("the magician was hilarious, the kids haven't stopped talking about it", "positive"),
        ("oh hilarious, the bus broke down again", "negative"),
        ("Not bad at all, honestly quite impressed.", "positive"),
        ("The service was not good and the food was not great either.", "negative"),
        # "Can't believe" is surprise, not a negation of "slow".
        ("Can't believe how slow this update is. Uninstalling.", "negative"),
        # After "but" the writer's verdict decides.
        ("Delivery was quick, but the box arrived damaged.", "negative"),
        # Eagerness said with a negation; impatience, which starts the same, is not.
        ("Can't wait to see you all at the launch!", "positive"),
        ("I cannot wait for the new season", "positive"),
        ("We are looking forward to working with you.", "positive"),
        ("Couldn't be happier with the new team.", "positive"),
        ("I can't wait any longer, this is ridiculous", "negative"),
        # A negation turns a phrase as it turns a word.
        ("I am not looking forward to Monday.", "negative"),
        ("Nobody is looking forward to the audit.", "negative"),
        ("Not a waste of money at all.", "positive"),
        # "Far from good" is the opposite of good, not a hedge.
        ("The service was far from perfect.", "negative"),
        ("Not the worst, but far from good", "negative"),
        ("far from the best hotel in town", "negative"),
        # Set phrases whose verdict is not that of their words.
        ("Thanks for nothing.", "negative"),
        # The longest set phrase said is the one that counts: not "thank you" alone.
        ("thank you for nothing", "negative"),
        ("thanks a lot for nothing", "negative"),
        ("Could have been worse.", "neutral"),
        ("Five stars, would buy again.", "positive"),
        ("I would not buy again.", "negative"),
        ("The room was clean but the wifi kept dropping.", "negative"),
    ],
)
def test_labels(text: str, label: str) -> None:
    assert sentiment(text).label == label


def test_a_mild_word_stays_inside_the_neutral_band() -> None:
    result = sentiment("The update is fine.")
    assert 0 < result.score < NEUTRAL_BAND
    assert result.label == "neutral"
    assert result.positive_terms == ["fine"]


def test_negation_turns_a_word_mildly_and_is_shown() -> None:
    negated = sentiment("The product is not good.")
    assert negated.label == "negative"
    assert negated.negative_terms == ["not good"]
    assert abs(negated.score) < abs(sentiment("The product is good.").score)


def test_negation_does_not_reach_past_a_new_clause() -> None:
    result = sentiment("It is not cheap and the staff are lovely.")
    assert "lovely" in result.positive_terms and "not cheap" in result.negative_terms


def test_intensifiers_stack() -> None:
    plain = sentiment("The result is good.").score
    strong = sentiment("The result is extremely good.").score
    stronger = sentiment("The result is really really good.").score
    assert stronger > plain and strong > plain > 0


def test_contrast_weighs_the_verdict() -> None:
    contrast = sentiment("The screen is nice, but the battery is terrible.")
    assert contrast.score < 0 and contrast.label == "negative"
    assert contrast.positive_terms == ["nice"] and contrast.negative_terms == ["terrible"]
    assert -1.0 <= contrast.score <= 1.0


def test_phrases_count_as_one_term() -> None:
    result = sentiment("Never again. The app keeps crashing.")
    assert result.negative_terms == ["never again", "keeps crashing"]


def test_each_sentence_is_scored() -> None:
    result = sentiment("The room was lovely. The food was cold.")
    assert [s.label for s in result.sentences] == ["positive", "negative"]


def test_negation_stops_at_punctuation() -> None:
    result = sentiment("I waited two hours and nobody helped me. Terrible.")
    # "nobody helped" is a complaint of its own; "Terrible" is not turned by "nobody".
    assert result.label == "negative"
    assert result.negative_terms == ["waited two hours", "nobody helped", "terrible"]
    # "Nobody" is within three words of "Great", but a sentence ends between them.
    assert sentiment("Nobody came. Great food.").positive_terms == ["great"]
    # A lone "Great." after the complaint is irony, not the complaint turned.
    assert sentiment("Nobody came. Great.").label == "negative"


def test_complaints_denied_are_praise() -> None:
    assert sentiment("Nothing to complain about").label == "positive"
    assert sentiment("Would not recommend").label == "negative"


def test_hedges_both_ways_are_neutral_not_mixed() -> None:
    # Negated words hedge; only opinions held make a mixed verdict.
    result = sentiment("Not great, not terrible.")
    assert result.label == "neutral"
    assert sentiment("Great food, terrible service.").label == "mixed"


def test_careless_work_is_negative() -> None:
    assert sentiment("Your report was sloppy and full of mistakes.").label == "negative"


def test_a_prefix_turns_a_positive_word() -> None:
    result = sentiment("The staff were unfriendly and the answer was impolite.")
    assert result.label == "negative"
    assert result.negative_terms == ["unfriendly", "impolite"]
    assert sentiment("Your advice was invaluable").label == "positive"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Honestly I expected better from this brand.", "negative"),
        ("We hoped for more after all the hype.", "negative"),
        ("It didn't live up to the reviews.", "negative"),
        ("The hotel exceeded my expectations.", "positive"),
    ],
)
def test_expectations_met_or_not(text: str, label: str) -> None:
    assert sentiment(text).label == label


def test_a_strong_opinion_on_each_side_of_but_is_mixed() -> None:
    assert sentiment("The camera is stunning but the software is terrible.").label == "mixed"
    assert sentiment("Amazing food, though the service was horrible.").label == "mixed"
    # A mild opinion before "but" only leads to the verdict after it.
    assert sentiment("Nice idea but a terrible app.").label == "negative"
    assert sentiment("The room was clean but the wifi kept dropping").label == "negative"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("I expected better service.", "negative"),
        # Something bad expected that did not come is no complaint.
        ("I expected more problems, but it was great.", "positive"),
        ("I expected more delays but it was fine.", "positive"),
    ],
)
def test_what_was_expected(text: str, label: str) -> None:
    assert sentiment(text).label == label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # What was expected and did not come turns the opinion after it.
        ("The delivery was supposed to be fast but took three weeks.", "negative"),
        ("I wanted to love it.", "negative"),
        ("It should have been better.", "negative"),
        ("I would have loved it if it worked.", "negative"),
        # "should have seen how good" is no expectation unmet.
        ("You should have seen how good it was.", "positive"),
    ],
)
def test_expectations_that_did_not_come(text: str, label: str) -> None:
    assert sentiment(text).label == label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # "could not be more" is as much as can be, not the opposite.
        ("Could not be more disappointed.", "negative"),
        ("I couldn't be more pleased.", "positive"),
        # Regret, and regret denied.
        ("I regret buying this.", "negative"),
        ("Absolutely no regrets buying this.", "positive"),
        # Amends after "but" are the verdict.
        ("Service was slow but the food made up for it.", "positive"),
        # An opinion held both ways at once.
        ("I have mixed feelings about it.", "mixed"),
        ("It is a bit hit and miss.", "mixed"),
    ],
)
def test_set_phrases_of_degree_regret_amends_and_both_ways(text: str, label: str) -> None:
    assert sentiment(text).label == label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # Something that does not do what it is for.
        ("Nothing works and support never answers.", "negative"),
        ("The charger doesn't work.", "negative"),
        ("I emailed them twice and they never replied.", "negative"),
        ("My order never arrived.", "negative"),
        # ... next to not at all, or out of order.
        ("Gorgeous cottage, though the wifi barely worked.", "mixed"),
        ("The phone hardly charges any more.", "negative"),
        ("but half the machines are out of order", "negative"),
        ("If the lift is out of order, please use the stairs.", "neutral"),
        # A failure supposed, a person not working, a bad thing that did not happen.
        ("If it doesn't work, call us on Monday.", "neutral"),
        ("I don't work on Mondays.", "neutral"),
        ("It never arrived late, always on time.", "positive"),
    ],
)
def test_failures_said_without_a_word_of_opinion(text: str, label: str) -> None:
    assert sentiment(text).label == label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # Thanks for something bad is irony; thanks for putting it right is not.
        ("Thanks a lot for ruining my weekend.", "negative"),
        ("Thank you so much for the awful service.", "negative"),
        ("Thanks for the quick reply!", "positive"),
        # An adverb has the valence of the word it is made from.
        ("Everything fits perfectly.", "positive"),
        ("The shelf was badly made.", "negative"),
        # No answer is the complaint that "never answers" is.
        ("Still no reply after three emails.", "negative"),
        ("The mug arrived cracked.", "negative"),
    ],
)
def test_irony_adverbs_and_everyday_complaints(text: str, label: str) -> None:
    assert sentiment(text).label == label
    assert not sentiment(text).unsure


@pytest.mark.parametrize(
    "text",
    [
        # The verdict after "but" holds no word of opinion: the label would be a guess.
        "I love the screen but the speakers crackle constantly.",
        # An intensified word the lexicon lacks is an opinion it cannot read.
        "The room was really pokey.",
    ],
)
def test_an_opinion_in_words_the_lexicon_lacks_is_unsure(text: str) -> None:
    assert sentiment(text).unsure


@pytest.mark.parametrize(
    "text",
    [
        # After a hope that did not come true, "but" says what came instead.
        "The delivery was supposed to be fast but took three weeks.",
        "Thank you so much, this really made my day!",
        "A very large room with a view of the harbour.",
    ],
)
def test_readings_that_are_not_unsure(text: str) -> None:
    assert not sentiment(text).unsure


@pytest.mark.parametrize(
    ("text", "unread"),
    [
        # A contrast sets two verdicts against each other; one said in a word the lexicon
        # lacks leaves only the other read, and a one-sided label would be a guess.
        ("The queue was endless, but the rides were fantastic.", "'endless'"),
        ("The lecture felt repetitive, yet the examples were brilliant.", "'repetitive'"),
        ("Though the ending was rushed, the cast were excellent.", "'rushed'"),
    ],
)
def test_an_unknown_verdict_set_against_a_known_one_is_unsure(text: str, unread: str) -> None:
    assert unread in sentiment(text).unsure


@pytest.mark.parametrize(
    "text",
    [
        # What was said of the subject is a place, a time or a fact, not a verdict.
        "The flight was at 6am but the crew were lovely.",
        "I ordered it on Monday but it arrived broken.",
        # Without a contrast, the known words are the verdict read.
        "the course was extremely useful and the teacher was patient",
    ],
)
def test_a_contrast_with_no_unknown_verdict_is_read(text: str) -> None:
    assert not sentiment(text).unsure


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # A bad thing put right is praise; not put right, it is the complaint.
        ("Thanks for fixing the broken heater.", "positive"),
        ("They solved my problem in minutes.", "positive"),
        ("They never fixed the bug.", "negative"),
        ("They didn't solve my problem.", "negative"),
        # Not coming back, said with the act between "never" and "again", or other words.
        ("I'm never ordering from here again.", "negative"),
        ("We won't be back.", "negative"),
        ("Zero stars if I could.", "negative"),
        ("Total rip-off.", "negative"),
    ],
)
def test_things_put_right_and_not_coming_back(text: str, label: str) -> None:
    assert sentiment(text).label == label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # A warning is not a negated waste.
        ("Don't waste your money.", "negative"),
        ("Do not waste your time on this.", "negative"),
        # Set phrases of disappointment and of praise without a word of opinion.
        ("I've had better.", "negative"),
        ("I had high hopes.", "negative"),
        ("Can't fault it.", "positive"),
        ("This is exactly what I needed.", "positive"),
        ("Decent value for money.", "positive"),
        # A comparative has the valence of its word; here an expectation unmet turns it.
        ("The staff could have been friendlier.", "negative"),
        ("The new version is nicer.", "positive"),
        # Hedges both ways are neutral, "but" between them or not.
        ("Not great, but not terrible.", "neutral"),
        ("Not the best, but not the worst.", "neutral"),
    ],
)
def test_warnings_set_phrases_comparatives_and_hedges(text: str, label: str) -> None:
    assert sentiment(text).label == label


def test_until_weighs_what_came_after_as_but_does() -> None:
    # "perfect until the bill came" was positive: what came after is the verdict, unread.
    assert sentiment("Everything was perfect until the bill came.").unsure
    assert sentiment("It was great until it broke.").label == "negative"
    assert sentiment("Really enjoyed the first half, the ending was a letdown.").label == "mixed"
    # "the very end" is no intensified opinion.
    assert sentiment("Loved it until the very end.").unsure == ["'until the end'"]


@pytest.mark.parametrize("text", ["The food was terible.", "awsome service!", "it was amazng"])
def test_a_slip_in_a_word_of_opinion_is_not_guessed(text: str) -> None:
    # It was neutral, the lexicon knowing no word of it.
    assert sentiment(text).unsure


def test_real_words_that_look_like_slips_are_words() -> None:
    assert not sentiment("Please find the invoice attached.").unsure
    assert sentiment("Please find the invoice attached.").label == "neutral"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # Coming back as a customer, with what is bought between the act and "again".
        ("I wouldn't buy this again.", "negative"),
        ("I won't be staying here again.", "negative"),
        ("I'd definitely order from them again!", "positive"),
        ("Will be buying again!", "positive"),
        ("We would book this hotel again.", "positive"),
        # Bought again for want of another: no verdict of its own.
        ("I had to buy it again.", "neutral"),
    ],
)
def test_a_customer_coming_back_or_not(text: str, label: str) -> None:
    assert sentiment(text).label == label


@pytest.mark.parametrize(
    "text",
    [
        # What is loved holds a word of the other side: a quality wanted, or irony. (A cold
        # a thing keeps, and a fault that comes every time, are read: see batch 22.)
        "I love how cold the beer was.",
        "I love how it crashed.",
        "I hate how cheap it feels.",
        "Loved how the waiter forgot our order.",
        # Praise of a thing not done, where nothing bad is what is not done: irony as often.
        "I love that they never fixed it.",
    ],
)
def test_a_word_of_the_other_side_in_what_is_loved_is_unsure(text: str) -> None:
    assert sentiment(text).unsure


@pytest.mark.parametrize(
    "text",
    ["I love how quiet it is.", "I like that it's not expensive.", "I love that it never crashes."],
)
def test_what_is_loved_in_words_of_the_same_side_is_read(text: str) -> None:
    assert not sentiment(text).unsure
    assert sentiment(text).label == "positive"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # Praise as much as can be said, not a negated recommendation.
        ("I can't recommend this place enough!", "positive"),
        ("We can't thank you enough.", "positive"),
        ("I can't recommend this.", "negative"),
        # A wish of sooner is delight; a wish of never, regret.
        ("I wish I had bought it sooner.", "positive"),
        ("Wish I'd found this app earlier!", "positive"),
        ("I wish I had never booked this trip.", "negative"),
    ],
)
def test_praise_with_cant_and_enough_and_wishes(text: str, label: str) -> None:
    assert sentiment(text).label == label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Nobody helped us.", "negative"),
        ("They helped us straight away.", "positive"),
        ("The waiter ignored us for an hour.", "negative"),
        # "ignore" is a word, not a slip for "ignored".
        ("Please ignore my last email.", "neutral"),
    ],
)
def test_help_not_given_and_people_ignored(text: str, label: str) -> None:
    assert sentiment(text).label == label
    assert not sentiment(text).unsure


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("The staff went above and beyond.", "positive"),
        ("I want my money back.", "negative"),
        ("This is not what I ordered.", "negative"),
        ("Never disappoints.", "positive"),
        # "disappoint" is a word, not a slip for "disappoints".
        ("This café won't disappoint.", "positive"),
        ("Does what it says on the tin.", "positive"),
    ],
)
def test_verdicts_said_in_everyday_phrases(text: str, label: str) -> None:
    assert sentiment(text).label == label
    assert not sentiment(text).unsure


@pytest.mark.parametrize(
    ("text", "label", "term"),
    [
        # Idioms whose words say no opinion.
        ("Customer care was top notch.", "positive", "top notch"),
        ("A top-notch team.", "positive", "top-notch"),
        ("Honestly a game changer for my mornings.", "positive", "game changer"),
        ("Worth every penny.", "positive", "worth every penny"),
        ("The second season fell short.", "negative", "fell short"),
        ("The strap came apart on day two.", "negative", "came apart"),
        ("This café has gone downhill.", "negative", "gone downhill"),
        # Being a fan, or not.
        ("Not a fan of the font.", "negative", "not a fan"),
        ("Huge fan of this little shop.", "positive", "huge fan"),
        # Nothing to fault is a verdict; "no problem" alone stays polite and mild.
        ("Zero issues in a year.", "positive", "zero issues"),
        ("No complaints here.", "positive", "no complaints"),
        # A thing that does not hold up or fit, or help that did not come.
        ("The cable does not work.", "negative", "does not work"),
        ("These tyres didn't last a season.", "negative", "didn't last"),
        ("The cover never fits.", "negative", "never fits"),
        ("We called twice and no one picked up.", "negative", "no one picked up"),
        ("I waited an hour and nobody showed up.", "negative", "nobody showed up"),
        # More of a thing than wanted.
        ("The music was way too loud.", "negative", "too loud"),
        ("Sizes run a bit too small.", "negative", "too small"),
    ],
)
def test_idioms_failures_and_excess(text: str, label: str, term: str) -> None:
    result = sentiment(text)
    assert result.label == label
    assert term in result.positive_terms + result.negative_terms


@pytest.mark.parametrize(
    "text",
    [
        "No problem, I'll send it tomorrow.",
        "It's too early to tell.",
        "I liked it too.",
        "Too many people asked, so we moved rooms.",
        "Not too loud, not too quiet.",
        "If no one answers, leave a message.",
        "I do not work on Fridays.",
    ],
)
def test_no_verdict_in_politeness_purpose_quantity_or_supposition(text: str) -> None:
    result = sentiment(text)
    assert result.label in ("neutral", "positive"), result
    assert not any(t.startswith("too ") for t in result.negative_terms)
    assert not [t for t in result.negative_terms if "answer" in t or "work" in t]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("I've never been so disappointed.", "negative"),
        ("We have never felt more welcome and happy.", "positive"),
        ("The meal was never good.", "negative"),
        # not since then, as good as then
        ("my feet havent felt this good in years, she was so gentle", "positive"),
        ("It hasn't been good at all.", "negative"),
    ],
)
def test_never_been_so_intensifies_rather_than_negates(text: str, label: str) -> None:
    assert sentiment(text).label == label


@pytest.mark.parametrize(
    ("text", "label", "term"),
    [
        # Delight beyond what was hoped for, a good time had, an easy experience.
        ("It went beyond what we expected.", "positive", "beyond what we expected"),
        ("We had a ball at the fair.", "positive", "had a ball"),
        ("Returns were hassle-free.", "positive", "hassle-free"),
        # A warning to others, scorn, junk, a failure stressed with "even".
        ("Save your cash.", "negative", "save your cash"),
        ("The support line is a joke.", "negative", "is a joke"),
        ("Total garbage.", "negative", "garbage"),
        ("The app doesn't even load.", "negative", "doesn't even load"),
    ],
)
def test_everyday_idioms_of_praise_and_scorn(text: str, label: str, term: str) -> None:
    result = sentiment(text)
    assert result.label == label
    assert term in result.positive_terms + result.negative_terms


def test_mild_phrases_with_a_negation_hedge_both_ways() -> None:
    # "nothing special" and "nothing wrong" each say what a thing is not: neutral.
    assert sentiment("Nothing special, but nothing wrong either.").label == "neutral"
    assert sentiment("Not bad at all.").label == "positive"


@pytest.mark.parametrize(
    ("text", "unread"),
    [
        ("The kids rolled their eyes.", True),
        ("The waiter shrugged and walked off.", True),
        ("The meeting is at 3pm.", False),
        ("Please send the form.", False),
        ("It is too early to tell.", False),
        ("Great food.", False),
    ],
)
def test_a_text_with_no_word_read_is_flagged_unless_plainly_factual(
    text: str, unread: bool
) -> None:
    assert sentiment(text).unread is unread


@pytest.mark.parametrize(
    ("text", "label", "unsure"),
    [
        # Praise said of a bad thing is irony; what follows is the verdict.
        ("Perfect, the train is late again.", "negative", False),
        ("Oh great, the app crashed and I lost my work", "negative", False),
        # Praise said of a good thing is praise.
        ("Wonderful! The kids loved every minute.", "positive", False),
        # Said of words with no opinion read, sincere or ironic is not in the words.
        ("Lovely, it's raining on my day off.", "neutral", True),
        # A word of praise before its noun is no exclamation.
        ("Great product, works well.", "positive", False),
    ],
)
def test_an_opening_exclamation_of_praise_is_read_by_what_follows(
    text: str, label: str, unsure: bool
) -> None:
    result = sentiment(text)
    assert result.label == label
    assert bool(result.unsure) is unsure


@pytest.mark.parametrize(
    ("text", "label", "unsure"),
    [
        # A lone word of praise after a complaint is irony; after praise, praise.
        ("It broke on day two. Oh great.", "negative", False),
        ("Love it. Perfect!", "positive", False),
        # After words with no opinion read, sincere or ironic is not in the words.
        ("The delivery came today. Great.", "neutral", True),
        # Openings that say the opposite of what follows.
        ("Yeah right, like that will ever work.", None, True),
        ("Sure, because waiting three hours is so much fun.", None, True),
    ],
)
def test_a_closing_exclamation_and_sarcastic_openings(
    text: str, label: str | None, unsure: bool
) -> None:
    result = sentiment(text)
    assert label is None or result.label == label
    assert bool(result.unsure) is unsure


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # "could not have been nicer": the comparative at its highest, not its opposite.
        ("The staff could not have been nicer.", "positive"),
        ("It couldn't have been better.", "positive"),
        ("It could not be worse.", "negative"),
        # Without the modal, the negation turns the comparative as before.
        ("It was not better than the old one.", "negative"),
    ],
)
def test_a_comparative_that_cannot_be_exceeded(text: str, label: str) -> None:
    assert sentiment(text).label == label


def test_a_set_phrase_keeps_its_meaning_with_an_intensifier_inside() -> None:
    result = sentiment("We had an absolute blast at the fair")
    assert result.label == "positive"
    assert "had an absolute blast" in result.positive_terms


@pytest.mark.parametrize(
    ("text", "label"),
    [("new phone arrived today \U0001f60d", "positive"), ("late again \U0001f44e", "negative")],
)
def test_faces_and_hands_say_an_opinion(text: str, label: str) -> None:
    assert sentiment(text).label == label


def test_a_face_against_the_words_makes_the_label_unsure() -> None:
    # Irony or a brave face: the words alone do not tell which.
    assert sentiment("my flight got cancelled \U0001f642").unsure
    assert not sentiment("the kids loved it \U0001f600").unsure


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Cheap and nasty.", "negative"),
        ("It feels cheap.", "negative"),
        ("Great price, so cheap!", "positive"),
        ("Nice try, but no.", "negative"),
    ],
)
def test_a_poor_make_and_a_turning_down_after_but(text: str, label: str) -> None:
    assert sentiment(text).label == label


def test_hard_after_a_verb_is_how_much_not_an_opinion() -> None:
    assert sentiment("I laughed so hard.").unread
    assert sentiment("The exam was so hard.").label == "negative"


def test_like_after_a_preposition_is_no_liking() -> None:
    result = sentiment("The battery died in like an hour.")
    assert "like" not in result.positive_terms
    assert "like" in sentiment("I like the new design.").positive_terms


@pytest.mark.parametrize(
    "text", ["Customer service never got back to me.", "The plumber never showed up."]
)
def test_no_answer_and_no_visit_are_complaints(text: str) -> None:
    assert sentiment(text).label == "negative"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # Better or worse than expected: surprise raises a mild word out of the band.
        ("The sequel was unexpectedly fine.", "positive"),
        ("Honestly surprisingly okay for a budget phone", "positive"),
        ("The update is fine.", "neutral"),
    ],
)
def test_surprise_intensifies_a_mild_word(text: str, label: str) -> None:
    assert sentiment(text).label == label


@pytest.mark.parametrize(
    ("text", "label", "term"),
    [
        # A long wait, said as what happened, is a complaint; a short one is none.
        ("We waited two hours for our starters.", "negative", "waited two hours"),
        ("the wait was over an hour", "negative", "wait was over an hour"),
        (
            "The wait at the clinic was over an hour.",
            "negative",
            "wait at the clinic was over an hour",
        ),
        ("Waited 45 minutes for a coffee.", "negative", "waited 45 minutes"),
        ("Stunning views, but we waited forever for the lift.", "mixed", "waited forever"),
        # Mild praise, then nothing but a long wait told as what happened: the service that
        # failed takes nothing back of the praise, so both sides stand.
        (
            "the nurse was kind but we sat in the waiting room 50 mins after our slot",
            "mixed",
            "waiting room 50 mins",
        ),
        ("staff were friendly but i was on hold for an hour", "mixed", "on hold for an hour"),
        # ... where a complaint said in words of opinion is the verdict.
        ("friendly staff but we waited an hour and the food was cold", "negative", "cold"),
        # A machine failing, said as what happened.
        ("Gorgeous screen, but the laptop overheats all the time.", "mixed", "overheats"),
        # A mild word before "but" only leads to the verdict after it.
        ("Nice screen, but the laptop overheats all the time.", "negative", "overheats"),
        ("The copier jammed twice this morning.", "negative", "jammed"),
        ("Another outage at the office.", "negative", "outage"),
        # A service that is down.
        ("The internet was down all weekend.", "negative", "internet was down"),
        ("ugh, the site's down", "negative", "site's down"),
        ("Ugh. Monday.", "negative", "ugh"),
        # Pain, and pain that stopped: relief, not a hedge.
        ("My knee hurts after every run.", "negative", "hurts"),
        ("My back doesn't hurt anymore.", "positive", "no longer hurt"),
        ("The app no longer crashes.", "positive", "no longer crashes"),
        ("Really comfy sofa.", "positive", "comfy"),
    ],
)
def test_complaints_said_as_events_and_relief(text: str, label: str, term: str) -> None:
    result = sentiment(text)
    assert result.label == label
    assert term in result.positive_terms + result.negative_terms


@pytest.mark.parametrize(
    "text",
    [
        # A short wait, or one said as short, is no complaint.
        "We only waited an hour.",
        # A suggestion, not a pain.
        "It wouldn't hurt to add more seats.",
        # Prices that are down are no service failing.
        "Prices are down.",
    ],
)
def test_no_complaint_in_short_waits_suggestions_or_prices(text: str) -> None:
    result = sentiment(text)
    assert not result.negative_terms and not result.positive_terms


@pytest.mark.parametrize(
    ("text", "ironic"),
    [
        ("Thanks a lot for breaking my phone.", ["thanks a lot for"]),
        ("Oh perfect, the lift is broken again.", ["oh perfect"]),
        ("Came cracked. Lovely.", ["lovely"]),
        ("Thanks a lot for the help.", []),
    ],
)
def test_praise_read_as_irony_is_named(text: str, ironic: list[str]) -> None:
    result = sentiment(text)
    assert result.ironic == ironic


@pytest.mark.parametrize(
    ("text", "label", "unsure"),
    [
        # A set phrase of praise as a sentence of its own after a complaint is irony.
        ("My bus broke down again. Exactly what I needed.", "negative", False),
        # After words with no opinion read, sincere or ironic is not in the words.
        ("Another dentist bill. Just what we needed!", "neutral", True),
        ("Lovely, a flat tyre on Monday. Just what I needed.", "neutral", True),
        # After praise it is praise.
        ("The tea was lovely. Just what I needed.", "positive", False),
    ],
)
def test_a_closing_set_phrase_of_praise_is_read_by_what_came_before(
    text: str, label: str, unsure: bool
) -> None:
    result = sentiment(text)
    assert result.label == label
    assert bool(result.unsure) is unsure


@pytest.mark.parametrize(
    ("text", "label", "term"),
    [
        # None of a bad thing, counted with "zero", is a verdict.
        ("Zero blisters on the whole hike.", "positive", "zero blisters"),
        ("Two months in and zero crashes.", "positive", "zero crashes"),
        ("No regrets at all about the move.", "positive", "no regrets"),
        # "Loving" is "love", said as it goes on.
        ("Really loving the new kitchen.", "positive", "loving"),
        ("The spa was so relaxing.", "positive", "relaxing"),
        # Getting better, said of a person or a pet.
        ("Dad is healing nicely after the fall.", "positive", "healing nicely"),
        ("Our cat is on the mend.", "positive", "on the mend"),
        # "patient" said of someone; as a noun it says nothing.
        ("Her tutor was so patient with her.", "positive", "was so patient"),
        # More food asked for.
        ("The guests went back for seconds.", "positive", "back for seconds"),
        # Strong words of scorn.
        ("The delivery charge is atrocious.", "negative", "atrocious"),
    ],
)
def test_absence_of_bad_things_recovery_and_praise_of_people(
    text: str, label: str, term: str
) -> None:
    result = sentiment(text)
    assert result.label == label
    assert term in result.positive_terms + result.negative_terms


@pytest.mark.parametrize(
    "text",
    [
        "The patient was moved to ward six on Monday.",
        "The rooms were average, about what you would expect.",
    ],
)
def test_a_noun_patient_and_a_middling_verdict_are_neutral(text: str) -> None:
    result = sentiment(text)
    assert result.label == "neutral"
    assert not result.unread


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # A complaint that stands, then praise of something else no stronger than it.
        ("The train was late, but the conductor was friendly.", "mixed"),
        ("Our bags were lost, though the staff were helpful.", "mixed"),
        ("The train was late, but the guard was really kind.", "mixed"),
        # Praise stronger than the complaint, or amends, is the verdict.
        ("The train was late, but the views were stunning.", "positive"),
        ("The room was very dirty but the food made up for it.", "positive"),
        # A concession before "but" leads to the verdict after it.
        ("The staff were friendly, but the train was late.", "negative"),
    ],
)
def test_a_complaint_then_kind_words_is_mixed(text: str, label: str) -> None:
    assert sentiment(text).label == label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # A superlative says what its word says, at its most.
        ("Easily the friendliest hostel we stayed in.", "positive"),
        ("The comfiest sofa in the shop.", "positive"),
        ("By far the dirtiest carriage on the train.", "negative"),
        # "latest" is the newest, no degree of "late".
        ("The latest version ships on Monday.", "neutral"),
    ],
)
def test_a_superlative_reads_as_its_word(text: str, label: str) -> None:
    assert sentiment(text).label == label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # Nouns of scorn said of a thing, as "a joke" is.
        ("Honestly the flat was a complete dump.", "negative"),
        ("What an absolute shambles the check-in was.", "negative"),
        # The dump where rubbish goes is no scorn.
        ("We drove the old fridge to the dump on Sunday.", "neutral"),
    ],
)
def test_nouns_of_scorn(text: str, label: str) -> None:
    assert sentiment(text).label == label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # Said to be the last, a customer's visit is "never again".
        ("That will be the last time we ever shop there.", "negative"),
        ("It's the last time I'll stay at this hotel.", "negative"),
        # "the last time I ordered" tells of an earlier order: its verdict is read.
        ("The last time I ordered from them it was lovely.", "positive"),
        # A word of delight the lexicon once lacked.
        ("The chocolate mousse was heavenly.", "positive"),
    ],
)
def test_a_last_visit_and_everyday_words_of_delight(text: str, label: str) -> None:
    assert sentiment(text).label == label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # A degree before the comparison stresses the same disappointment.
        ("We expected so much more from them.", "negative"),
        ("Was expecting a lot better for that price.", "negative"),
        ("I hoped for far more from the sequel.", "negative"),
        ("Was hoping for more, to be honest.", "negative"),
        # A bad thing expected that did not come is still no complaint.
        ("We expected far more delays but the drive was fine.", "positive"),
        # Worse was feared and did not come: relief.
        ("Honestly I expected worse.", "positive"),
    ],
)
def test_disappointment_said_with_a_degree(text: str, label: str) -> None:
    assert sentiment(text).label == label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # A better thing hoped for, set against what came, is disappointment.
        ("I thought the sequel would be better.", "negative"),
        ("We expected the staff to be friendlier.", "negative"),
        # Not hoped for: the word is the verdict.
        ("I never expected it to be this good.", "positive"),
        ("I thought the food was great.", "positive"),
    ],
)
def test_a_comparison_hoped_for(text: str, label: str) -> None:
    assert sentiment(text).label == label


def test_a_plain_word_hoped_for_is_not_guessed() -> None:
    # "I expected it to be lovely" may have come true or not.
    assert sentiment("I expected the room to be lovely.").unsure


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # After a determiner a repair word names the repair, and puts nothing right.
        ("The repair cost a fortune.", "negative"),
        ("The fix broke the login page again.", "negative"),
        # The act of putting right is still praise.
        ("They repaired the broken gate in a day.", "positive"),
    ],
)
def test_a_repair_named_is_no_repair_made(text: str, label: str) -> None:
    assert sentiment(text).label == label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # Goods spoiled, said as what happened to them, and pain: complaints.
        ("The roses came withered and the vase was shattered.", "negative"),
        ("Half the apples were bruised.", "negative"),
        ("Those seats were torture on a long flight.", "negative"),
    ],
)
def test_goods_spoiled_and_pain(text: str, label: str) -> None:
    assert sentiment(text).label == label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # A subject said to be none turns what is said of it, however far.
        ("Not a single glass in the box was broken, great packing.", "positive"),
        ("None of the waiters were polite.", "negative"),
        # ... and a time said to be none.
        ("Not once did the kids say they were bored - a first for us!", "positive"),
        ("At no point was the room cold.", "positive"),
        ("The kids were bored by lunchtime.", "negative"),
        # "No" alone may be an answer before a complaint.
        ("No the lid was cracked.", "negative"),
        ("Not a good start: the lid was cracked.", "negative"),
    ],
)
def test_a_subject_said_to_be_none(text: str, label: str) -> None:
    assert sentiment(text).label == label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # A hope that came to nothing, with "for" before what was hoped.
        ("We hoped for something a bit better.", "negative"),
        ("I was hoping for a much better view.", "negative"),
        # A hope still held is no disappointment.
        ("We're expecting more guests next weekend.", "neutral"),
        # The praise a thing is given, turned.
        ("Sadly the spa is not all it's cracked up to be.", "negative"),
        ("The pizza is everything it's cracked up to be.", "positive"),
        # After "a place", "like" compares: the verb would be "likes".
        ("I'd expected far better from a place like this.", "negative"),
    ],
)
def test_hopes_held_and_come_to_nothing(text: str, label: str) -> None:
    assert sentiment(text).label == label


def test_a_hope_still_held_is_not_guessed() -> None:
    assert sentiment("We're hoping for better weather on Saturday.").unsure


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # A cost said to be low is no complaint of cost.
        ("The new tyres cost less than I feared.", "positive"),
        ("Having it serviced cost us nothing.", "positive"),
        ("The cost was low and the fitting quick.", "positive"),
        ("The new tyres cost a fortune.", "negative"),
        ("The cost was huge.", "negative"),
    ],
)
def test_a_low_cost(text: str, label: str) -> None:
    assert sentiment(text).label == label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # The bad thing expected is no complaint: what came instead is the verdict.
        ("We expected the worst, but the hotel was lovely.", "positive"),
        ("They feared a disaster but the launch went smoothly.", "positive"),
    ],
)
def test_the_bad_thing_expected(text: str, label: str) -> None:
    assert sentiment(text).label == label


def test_the_bad_thing_expected_alone_is_not_guessed() -> None:
    assert sentiment("Honestly I expected the worst.").unread


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # Expectations not met are disappointment; met, praise.
        ("Sadly the tour was well below expectations.", "negative"),
        ("The spa fell a long way short of our expectations.", "negative"),
        ("The course did not meet my expectations.", "negative"),
        ("The new phone met all expectations.", "positive"),
    ],
)
def test_expectations_said_met_or_not(text: str, label: str) -> None:
    assert sentiment(text).label == label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # "To be fair" opens a concession: no praise of its own.
        ("To be fair, the wifi was slow.", "negative"),
        ("To be fair, the room was tiny.", "neutral"),
        ("To be fair, the staff were lovely.", "positive"),
    ],
)
def test_to_be_fair_is_no_praise(text: str, label: str) -> None:
    assert sentiment(text).label == label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # A result, a record and bad luck said as what happened.
        ("Smashed my PB on the hill climb today!!", "positive"),
        ("Set a new personal best at parkrun.", "positive"),
        ("we still won 3-1 though", "positive"),
        ("Another heavy defeat for the club.", "negative"),
        ("Two punctures on the way home.", "negative"),
        ("Unfortunately the museum is shut on Mondays.", "negative"),
        ("the car park charges are a scandal", "negative"),
        ("Gameplay is addictive but the microtransactions are shameless.", "mixed"),
    ],
)
def test_results_records_and_bad_luck(text: str, label: str) -> None:
    assert sentiment(text).label == label


def test_addictive_is_praise_only_of_a_pastime() -> None:
    assert sentiment("A really addictive puzzle game.").label == "positive"
    assert sentiment("Social media is addictive.").unread


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # Regret said of a bad thing introduces it: one complaint, not two.
        ("Lovely route and great cafe stop, shame about the three punctures.", "mixed"),
        ("The chef clearly knows his stuff, shame the waiter forgot half our order.", "mixed"),
        ("What a shame.", "negative"),
    ],
)
def test_regret_said_of_a_bad_thing(text: str, label: str) -> None:
    assert sentiment(text).label == label


@pytest.mark.parametrize(
    ("text", "term"),
    [
        # What is owed and not given, a wait on the phone, a debt out of reach.
        ("My parcel hasn't arrived again.", "hasn't arrived"),
        ("They have not replied to any of my emails.", "have not replied"),
        ("My deposit has still not been returned.", "not been returned"),
        ("The helpline kept me on hold for an hour.", "on hold for an hour"),
        ("We won't be able to pay the invoice.", "won't be able to pay"),
        ("Not one of the lights was working", "none working"),
        ("none of the sockets work", "none work"),
    ],
)
def test_things_owed_not_given(text: str, term: str) -> None:
    result = sentiment(text)
    assert result.label == "negative"
    assert term in result.negative_terms


def test_a_person_not_working_and_a_supposed_failure_are_no_complaint() -> None:
    assert sentiment("None of us worked on Sunday.").label == "neutral"
    assert sentiment("If you cannot pay, call us on Monday.").label == "neutral"


def test_until_a_time_is_no_contrast() -> None:
    result = sentiment("Unfortunately we won't be able to pay this invoice until next month.")
    assert result.label == "negative"
    assert not result.unsure
    # "until" before an event still weighs what came after it.
    assert sentiment("The hotel was perfect until the bill came.").unsure


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # Sarcasm: praise exclaimed beside a bad fact that keeps happening.
        ("wow great matchmaking, another 0-13 loss, love it", "negative"),
        ("oh lovely weather, my train got cancelled again", "negative"),
        ("another delayed train, love it", "negative"),
    ],
)
def test_praise_exclaimed_beside_a_repeated_complaint_is_irony(text: str, label: str) -> None:
    result = sentiment(text)
    assert result.label == label
    assert result.ironic
    assert not result.positive_terms


def test_praise_joined_to_a_single_complaint_is_not_guessed() -> None:
    # Sincere ("small scratch, love it anyway") or sarcastic: the words do not tell.
    assert sentiment("Arrived broken, great.").unsure
    assert sentiment("Great food, terrible service, love it").label == "mixed"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # A high standard as the yardstick makes a middling verdict a disappointment.
        ("For a five star hotel it was very average", "negative"),
        ("It was just okay for a luxury spa.", "negative"),
        ("For the price it was fine.", "neutral"),
        ("Looking for a luxury hotel that is fine with dogs.", "neutral"),
    ],
)
def test_a_middling_verdict_against_a_high_standard(text: str, label: str) -> None:
    assert sentiment(text).label == label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # A repair named as a thing done, and what it was done to.
        ("They did a great repair on the broken zip", "positive"),
        ("The repair on the broken zip failed within a week", "negative"),
    ],
)
def test_a_repair_done_on_a_bad_thing(text: str, label: str) -> None:
    assert sentiment(text).label == label


@pytest.mark.parametrize(
    ("text", "label", "term"),
    [
        # Something due that did not come, or is still missing.
        ("The room wasn't ready when we checked in at four.", "negative", "wasn't ready"),
        ("Our bins were not collected on Tuesday.", "negative", "were not collected"),
        ("Still no heating in the flat.", "negative", "still no heating"),
        ("still no sign of the courier", "negative", "still no sign of the courier"),
        ("The courier was supposed to arrive by noon.", "negative", "was supposed to arrive"),
        ("The fitter should have been here by nine.", "negative", "should have been here"),
        # Joy said in idioms.
        ("Passed my driving test and I couldn't stop grinning.", "positive", "couldn't stop"),
        ("Your card really made my week.", "positive", "made my week"),
        ("We are on cloud nine after the scan.", "positive", "on cloud nine"),
    ],
)
def test_what_did_not_come_and_idioms_of_joy(text: str, label: str, term: str) -> None:
    result = sentiment(text)
    assert result.label == label
    assert any(t.startswith(term) for t in result.positive_terms + result.negative_terms)


@pytest.mark.parametrize(
    "text",
    [
        # Said of a person, or as a plan: no complaint read.
        "I wasn't ready for that ending.",
        "We are meant to be there at eight.",
        "You should have been here last night.",
    ],
)
def test_a_person_not_ready_and_a_plan_are_no_complaint(text: str) -> None:
    assert not sentiment(text).negative_terms


def test_still_none_of_a_bad_thing_is_no_complaint() -> None:
    result = sentiment("Still no problems after a month of use.")
    assert result.label == "positive"


def test_praise_for_the_writer_beside_a_repeated_complaint_is_irony() -> None:
    # "oh wow," opens, "love that for us" closes: both are irony of the repeated delay.
    result = sentiment("oh wow, the bus is late again, love that for us")
    assert result.label == "negative"
    assert "love that for us" in result.ironic
    assert not result.positive_terms


@pytest.mark.parametrize(
    ("text", "label", "term"),
    [
        # A wait of days and more for what was due.
        ("We waited three weeks for the refund.", "negative", "waited three weeks"),
        ("Gorgeous cake, but we waited six weeks to get it.", "mixed", "waited six weeks"),
        # A price said to hurt; a sound not clear.
        ("The parking was extortionate.", "negative", "extortionate"),
        ("The mix was muddy and the vocals were lost.", "negative", "muddy"),
        # A person gaining a quality.
        ("Her confidence has grown so much this term.", "positive", "grown"),
        ("He grew in confidence over the summer.", "positive", "grew"),
        # Set against how it was shown.
        ("The cabin was tiny, smaller than the pictures.", "negative", "smaller than the"),
        (
            "Lovely host, nice view, but the room looked nothing like the listing.",
            "mixed",
            "nothing like",
        ),
        ("The garden was bigger than it looked in the photos!", "positive", "bigger than"),
    ],
)
def test_long_waits_prices_sounds_growth_and_what_was_shown(
    text: str, label: str, term: str
) -> None:
    result = sentiment(text)
    assert result.label == label
    assert any(t.startswith(term) for t in result.positive_terms + result.negative_terms)


@pytest.mark.parametrize(
    "text",
    [
        # Waiting for a thing wanted is no complaint.
        "I've waited years to see them live!",
        "Waiting for my holiday in three weeks.",
        # Mud on boots, and a debt that grew, are read as no opinion here.
        "Our boots were muddy after the walk.",
        "The debt has grown since March.",
        "It is smaller than the old one.",
    ],
)
def test_no_opinion_read_where_the_words_do_not_say_one(text: str) -> None:
    result = sentiment(text)
    assert not result.positive_terms and not result.negative_terms


@pytest.mark.parametrize(
    ("text", "unread"),
    [
        ("The bus comes at 8 on Monday.", False),
        # A time or a date makes no plain fact of a text that says how someone feels
        # (a negation, emphasis, an exclamation): with no word of opinion read, unread.
        ("The bus didn't come at 8 again.", True),
        ("Honestly, the parcel came on Tuesday.", True),
        ("Third time this week the parcel came at 9!", True),
    ],
)
def test_signs_of_feeling_are_no_plain_fact(text: str, unread: bool) -> None:
    assert sentiment(text).unread is unread


@pytest.mark.parametrize(
    ("text", "label", "term"),
    [
        # Damage done to things, said as what happened.
        ("Foxes destroyed half the strawberry beds last night.", "negative", "destroyed"),
        ("The parcel arrived crushed and the vase was chipped.", "negative", "crushed"),
        # Food served wrong, and food praised for how it feels.
        ("The tea was tepid and the scones were stale.", "negative", "tepid"),
        ("Lovely fluffy pancakes.", "positive", "fluffy"),
        # Praise said as a verdict, stressed or ending its clause.
        ("Our new manager is really reassuring.", "positive", "reassuring"),
        ("The coaches are brilliant and super motivating", "positive", "motivating"),
        # A way blocked; a service down again, said as a headline.
        ("The neighbours' van is blocking our driveway again.", "negative", "blocking"),
        ("wifi down again at the library", "negative", "wifi down again"),
        # A question of disbelief that anyone would do it.
        ("Why on earth is the exit hidden behind the bins?", "negative", "why on earth"),
        # Disbelief exclaimed of people, with no complaint: praise of them.
        ("The choir tonight? They were unbelievable!", "positive", "unbelievable"),
        # Firm praise before "but", matched by the complaint after it: both held.
        ("Stunning photos, but the album fell apart in a month.", "mixed", "fell apart"),
        ("The pastries were flaky and buttery, but the tea was tepid.", "mixed", "flaky"),
    ],
)
def test_damage_food_blocked_ways_disbelief_and_praise_then_complaint(
    text: str, label: str, term: str
) -> None:
    result = sentiment(text)
    assert not result.unsure and not result.unread
    assert result.label == label
    assert any(t.startswith(term) for t in result.positive_terms + result.negative_terms)


@pytest.mark.parametrize(
    "text",
    [
        # Slang praise, cooking and a verb are not damage or praise.
        "She destroyed it on stage.",
        "Add the crushed garlic to the pan.",
        "We are encouraging residents to recycle.",
        "Motivating staff to work weekends again.",
        # Disbelief at what the words do not tell, and praise asked in disbelief.
        "The queue was unbelievable!",
        "Who on earth makes cakes this good?",
        # Flaky said of a person: unreliable or not, not read.
        "My cousin is flaky.",
    ],
)
def test_words_whose_side_depends_on_what_they_are_said_of_are_not_guessed(
    text: str,
) -> None:
    result = sentiment(text)
    assert result.unsure or result.unread


@pytest.mark.parametrize(
    "text",
    [
        # A notice of a plan or a time is no complaint of a blocked way.
        "The road will be blocked from 9 to 5 on Sunday.",
        "Put your phones down and listen.",
    ],
)
def test_notices_are_not_read_as_complaints(text: str) -> None:
    result = sentiment(text)
    assert not result.negative_terms


@pytest.mark.parametrize("text", ["Melt 250 g of butter.", "The rubber seal is 5 mm thick."])
def test_real_words_near_new_lexicon_words_are_no_slips(text: str) -> None:
    # "butter" is one letter short of "buttery", and a word of its own.
    assert not sentiment(text).unsure


@pytest.mark.parametrize(
    ("text", "label", "terms"),
    [
        # An adverb of opinion before another word of opinion says how much of it.
        ("The room was ridiculously cheap.", "positive", ["cheap"]),
        ("The handouts were badly outdated.", "negative", ["outdated"]),
        # "Clearly" says how sure the writer is, and is no praise beside a complaint.
        ("The waiter was clearly annoyed with us.", "negative", ["annoyed"]),
        ("She clearly knows her stuff.", "positive", ["knows her stuff"]),
        # Said of how a thing was done, it is praise.
        ("The steps were explained clearly.", "positive", ["clearly"]),
    ],
)
def test_an_adverb_of_degree_stresses_the_word_after_it(
    text: str, label: str, terms: list[str]
) -> None:
    result = sentiment(text)
    assert result.label == label
    assert result.positive_terms + result.negative_terms == terms


def test_an_adverb_of_degree_weighs_as_an_intensifier() -> None:
    stressed = sentiment("The handouts were badly outdated.")
    assert stressed.score < sentiment("The handouts were outdated.").score


def test_clearly_before_no_word_of_opinion_is_none() -> None:
    # Not praise: "clearly didn't care" is a complaint in words the lexicon does not read.
    result = sentiment("The staff clearly didn't care.")
    assert not result.positive_terms and result.unread


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # Praise of one thing named, then a complaint about another: both sides held.
        ("Lovely staff but the rooms were tired and dated.", "mixed"),
        ("great food but the service was slow", "mixed"),
        # A concession about one thing, a fault said to be constant, or a complaint far
        # heavier than the praise is the verdict.
        ("nice, but too expensive", "negative"),
        ("Nice screen, but the laptop overheats all the time.", "negative"),
        ("great food but the service was slow, rude and chaotic", "negative"),
    ],
)
def test_a_contrast_that_turns_to_another_thing_holds_both_sides(text: str, label: str) -> None:
    assert sentiment(text).label == label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Not a single thing went wrong on the day - our florist was a superstar.", "positive"),
        ("Oh great, another parking fine. Just what I needed this week.", "negative"),
        ("the weather was fine", "neutral"),
    ],
)
def test_batch_21_sentiments(text: str, label: str) -> None:
    assert sentiment(text).label == label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        (
            "The instructor clearly knew her stuff, although the handouts were badly outdated.",
            "mixed",
        ),
        ("The teacher knew her stuff, though the room was far too cold.", "mixed"),
        ("The kit was damaged, while the staff were helpful.", "mixed"),
        # A mild reservation conceded does not take back strong praise.
        ("Absolutely loved the show, although the seats were slightly uncomfortable.", "positive"),
        # Said first, the concession leads to the main clause; said last, it sets nothing.
        ("I loved it while it lasted.", "positive"),
        (
            "Although the room was small, the view was stunning and the staff were lovely.",
            "positive",
        ),
    ],
)
def test_a_clause_conceded_against_holds_both_sides(text: str, label: str) -> None:
    assert sentiment(text).label == label


@pytest.mark.parametrize(
    ("text", "label", "term"),
    [
        # A place left untended; "clear" as an order to clear a thing is no praise.
        (
            "Your plot was found to be overgrown at the last inspection. Please clear it "
            "within 28 days or your tenancy may be ended.",
            "negative",
            "overgrown",
        ),
        # "less so" turns the praise said just before it, for another thing.
        (
            "The kids loved the farm park. The adults, less so - fourteen quid for two sandwiches.",
            "mixed",
            "less so",
        ),
        ("I liked the first film. The sequel, not so much.", "mixed", "less so"),
        # Slang praise, where what it is said of shows the sense.
        (
            "Spotless flat and a cracking location, though the bed was rock hard.",
            "mixed",
            "cracking",
        ),
        ("that new ramen place is proper bangin, go go go", "positive", "bangin"),
        ("ngl this burger slaps", "positive", "slaps"),
        ("this playlist slaps fr", "positive", "slaps"),
        # Complaints said in everyday phrases.
        (
            "but she keeps changing the rota without telling anyone",
            "negative",
            "without telling anyone",
        ),
        (
            "third time this month the bins haven't been collected, absolutely sick of it",
            "negative",
            "sick of",
        ),
        (
            "third time this month the bins haven't been collected",
            "negative",
            "haven't been collected",
        ),
        ("Is it too much to ask for a bus that turns up on time?", "negative", "too much to ask"),
        ("ths is the wrost pizza ive ever had smh", "negative", "smh"),
        ("the wrost pizza ive ever had", "negative", "wrost"),
        ("I'm so disapointed with this", "negative", "disapointed"),
        (
            "The courier left the parcel in the rain and everything got soaked.",
            "negative",
            "soaked",
        ),
        ("The room was tiny and smelled of smoke.", "negative", "smelled of smoke"),
        ("The hall reeked of bleach.", "negative", "reeked"),
        ("He got a speeding ticket on the way home.", "negative", "speeding ticket"),
        # A lead squandered after praise of how it was built: both sides held.
        (
            "We played brilliantly in the first half but threw it all away after the break.",
            "mixed",
            "threw it all away",
        ),
        # A flask keeps the cold it is for.
        ("I love how cold it keeps my water", "positive", "cold"),
        ("This flask keeps tea hot for 12 hours.", "positive", "hot"),
        ("Wow, two hours on hold and then they hung up on me.", "negative", "hours on hold"),
        ("The staff hung up on me twice.", "negative", "hung up on me"),
    ],
)
def test_batch_22_readings(text: str, label: str, term: str) -> None:
    result = sentiment(text)
    assert result.label == label
    assert term in result.positive_terms + result.negative_terms
    assert not result.unsure


@pytest.mark.parametrize(
    "text",
    [
        "Please clear the path before Friday.",
        "I bought a parking ticket for 3 hours.",
        "Soak the beans overnight, they should be soaked through by morning.",
        "He slaps the table when he laughs.",
        "The radiator keeps going cold.",
        "The duvet kept me cold all night.",
        "It's not so much a hotel as a hostel.",
        "if they hang up on you, call again",
    ],
)
def test_words_of_two_senses_are_read_only_in_the_sense_shown(text: str) -> None:
    # "clear it" is an order, a ticket may be bought, beans are soaked, a table slapped, a
    # radiator going cold is no flask keeping it cold, and a call cut off is only supposed.
    result = sentiment(text)
    assert not result.positive_terms
    assert "soaked" not in result.negative_terms
    assert not any("hung up" in t or "hang up" in t for t in result.negative_terms)
    assert not any("less so" in t for t in result.negative_terms)


def test_less_so_said_of_a_complaint_is_not_guessed() -> None:
    # Less awful is no praise.
    assert sentiment("The food was awful, the service less so.").unsure


@pytest.mark.parametrize(
    ("text", "ironic"),
    [
        # Praise of the very service that failed the writer.
        (
            "Wow, two hours on hold and then they hung up on me. Brilliant customer service.",
            "brilliant customer service",
        ),
        # The same praise after a comma.
        (
            "Wow, two hours on hold and then they hung up on me, Brilliant customer service.",
            "brilliant customer service",
        ),
        # "love how" said of a bad thing that keeps happening, with joy said after it.
        (
            "love how my train gets cancelled every single monday, really makes my week",
            "love how",
        ),
        ("Great, another Monday meeting that could have been an email.", "great"),
        ("Fantastic, another parking ticket. Just what I needed.", "fantastic"),
        ("I love how it crashes every time.", "i love how"),
        # Praise alone after "sure, because" means its opposite.
        ("Sure, because leaving the dishes for me is SO helpful.", "sure because ... helpful"),
    ],
)
def test_sarcasm_read_in_batch_22(text: str, ironic: str) -> None:
    result = sentiment(text)
    assert result.label == "negative"
    assert ironic in result.ironic
    assert not result.positive_terms
    assert not result.unsure


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # Praise of another thing than the complaint is read as said.
        ("Food was cold. Lovely staff.", "mixed"),
        ("We waited an hour for a table. Lovely food.", "mixed"),
    ],
)
def test_closing_praise_of_another_thing_is_no_irony(text: str, label: str) -> None:
    result = sentiment(text)
    assert result.label == label
    assert not result.ironic


@pytest.mark.parametrize(
    "text", ["Oh sure, happy to help!", "I love how cold the beer was", "The paint is cracking."]
)
def test_sincere_or_not_stays_unread(text: str) -> None:
    # "oh sure" may be sincere; loving how cold a thing was may be either; paint cracking
    # is damage in a word this lexicon reads only as praise.
    result = sentiment(text)
    assert result.unsure or result.unread


def test_like_after_yeah_right_is_no_praise_to_turn() -> None:
    # "like" says "as if" here: the text is not read as a complaint of praise turned.
    result = sentiment("Yeah right, like that will ever work.")
    assert result.unsure
    assert not result.ironic


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # People not heard by those over them; a thing owed, nowhere to be found.
        ("I loved my team but management never listened to any of us.", "mixed"),
        (
            "Parcel marked as delivered but it is nowhere to be found and nobody answers the "
            "phone.",
            "negative",
        ),
        # "garage" is a word, not a slip for "garbage".
        (
            "Never have I had such friendly service at a garage - they even valeted the car.",
            "positive",
        ),
        # A notice signed off with thanks says no opinion.
        (
            "Hi all,\nJust a reminder that the car park will be resurfaced next week.\nThanks",
            "neutral",
        ),
    ],
)
def test_people_not_heard_things_not_found_and_notices_signed_off(text: str, label: str) -> None:
    result = sentiment(text)
    assert result.label == label
    assert not result.unsure
    assert not result.unread


def test_listening_to_a_thing_is_no_failure_and_thanks_after_a_complaint_is_unread() -> None:
    assert not sentiment("I never listened to the album.").negative_terms
    assert sentiment("The car park is closed again. Thanks.").unsure


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # Slang praise: "legends" of people, "fire" ending its clause, "buzzing" of people.
        ("The bin men put the bins back where they found them, absolute legends.", "positive"),
        ("You are a legend, thank you", "positive"),
        ("ngl the new menu is fire", "positive"),
        ("that burger was fire tbh", "positive"),
        ("I'm buzzing!", "positive"),
        # Disbelief beside praise, with nothing set against it, stresses the praise.
        ("that gig was unreal, still buzzing", "positive"),
        # Soaked where the rain that did it is named: damage to goods.
        ("Parcel was left out in the rain and the box was soaked through.", "negative"),
        # A notice that a thing can be fetched says no opinion; not ready when due is one.
        ("Your prescription is ready for collection from the pharmacy.", "neutral"),
        ("The parcel is now ready to collect.", "neutral"),
        ("My prescription wasn't ready for collection.", "negative"),
    ],
)
def test_slang_praise_rain_soaked_and_notices_of_collection(text: str, label: str) -> None:
    result = sentiment(text)
    assert result.label == label
    assert not result.unsure
    assert not result.unread


@pytest.mark.parametrize(
    "text",
    [
        "the legend on the map is small",
        "the house is on fire",
        "the fridge is buzzing again",
        "my ears are still buzzing",
        "soaked the beans overnight",
    ],
)
def test_slang_words_in_their_other_senses_stay_unread(text: str) -> None:
    result = sentiment(text)
    assert result.unread
    assert not result.positive_terms


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # Praise of one thing, a price called theft: both held, so mixed.
        ("Kids adored the panto; the ticket prices were daylight robbery.", "mixed"),
        ("The show was daylight robbery.", "negative"),
        # Indifference said of people who should care, against firm praise of the place.
        ("the gym itself is spotless but the staff couldn't care less", "mixed"),
        ("The receptionist could not care less.", "negative"),
        # A thing done well, said of how it was done; praise stressed is held firmly
        # enough to stand against the complaint after "but".
        ("the course was really well taught but the exam was a total shambles", "mixed"),
        ("The book is well written.", "positive"),
        ("The event was not well organised.", "negative"),
        # An apology with the news it comes with; something given taken away.
        (
            "We're sorry, but due to repeated late payments your membership has been suspended.",
            "negative",
        ),
        ("Your account was suspended.", "negative"),
        ("Sorry to bother you, could you send the file?", "neutral"),
        # No answer, said as what happened: "never picks up", "didn't pick up".
        ("the landlord never picks up his phone tho", "negative"),
        ("She didn't pick up when I called.", "negative"),
    ],
)
def test_prices_called_theft_indifference_things_done_well_apologies_and_no_answer(
    text: str, label: str
) -> None:
    result = sentiment(text)
    assert result.label == label
    assert not result.unsure
    assert not result.unread


@pytest.mark.parametrize(
    "text",
    [
        # Mild praise alone before "but" stays a concession to the verdict after it.
        "The hotel was lovely but the breakfast was terrible.",
        "The room was clean but the wifi kept dropping.",
    ],
)
def test_mild_praise_before_a_complaint_stays_a_concession(text: str) -> None:
    assert sentiment(text).label == "negative"


def test_a_failure_said_as_a_condition_is_no_complaint() -> None:
    assert not sentiment("If he doesn't pick up, text him.").negative_terms


@pytest.mark.parametrize(
    "text",
    [
        'Oh great, "unexpected item in the bagging area" again. Love that for me.',
        "Oh great, rain again. Love that for me.",
        "Oh great, the printer jammed again. Love that for me.",
        "Another 0-13 loss. Love that for me.",
    ],
)
def test_praise_framing_a_thing_that_keeps_happening_is_sarcasm(text: str) -> None:
    result = sentiment(text)
    assert result.label == "negative"
    assert result.ironic
    assert not result.positive_terms


@pytest.mark.parametrize(
    "text",
    [
        # Opened alone, or closed on a complaint said once: sincere or sarcastic is not
        # in the words.
        "Oh great, rain again.",
        "Arrived broken. Love it.",
    ],
)
def test_praise_beside_plain_words_or_a_single_complaint_stays_unread(text: str) -> None:
    result = sentiment(text)
    assert result.unsure
    assert not result.positive_terms or result.label != "positive"


@pytest.mark.parametrize(
    "text",
    [
        "Third time the bin's been missed this month. Fantastic service as always.",
        "Fourth week running our street got missed. Brilliant service.",
        "The recycling was missed again. Great service as usual!",
    ],
)
def test_praise_of_the_service_after_a_missed_round_is_sarcasm(text: str) -> None:
    result = sentiment(text)
    assert result.label == "negative"
    assert result.ironic


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # Said of people, "missed" is fondness, and is not read as a round passed by.
        ("He was missed at the party.", "neutral"),
        ("Third time we've stayed here this year. Fantastic service as always.", "positive"),
    ],
)
def test_missed_is_read_only_of_a_round(text: str, label: str) -> None:
    assert sentiment(text).label == label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("I can't say I didn't enjoy it.", "positive"),
        ("I wouldn't say the food wasn't good.", "positive"),
        ("We can't say that we didn't like the place.", "positive"),
        ("I can't say it wasn't awful.", "negative"),
        ("I can't say I enjoyed it.", "negative"),
    ],
)
def test_a_denied_saying_of_a_negation_takes_it_back(text: str, label: str) -> None:
    assert sentiment(text).label == label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("The knitting class was friendly enough, but way too slow for me.", "mixed"),
        ("The gym was clean enough, but far too crowded for us.", "mixed"),
        ("Lovely hotel, but a bit too noisy for my liking.", "mixed"),
        # Faint praise against it, or no praise at all, leaves the complaint the verdict.
        ("The yoga class was fine, but too slow for me.", "negative"),
        ("The class was way too slow for me.", "negative"),
    ],
)
def test_too_much_for_the_writer_is_a_fit_not_a_verdict(text: str, label: str) -> None:
    assert sentiment(text).label == label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("cheap, cheerful, and the staff couldn't do enough for us", "positive"),
        ("The nurses couldn't do enough for my mum.", "positive"),
        ("We couldn't thank them enough.", "positive"),
        ("the car runs beautifully now, but the bill nearly gave me a heart attack", "mixed"),
        ("the van drives beautifully but the price gave me a heart attack", "mixed"),
        ("the trainer was on her phone the whole time", "negative"),
        ("the waiter was on his phone all the time", "negative"),
    ],
)
def test_help_beyond_asked_how_a_thing_runs_a_shock_and_a_phone(text: str, label: str) -> None:
    result = sentiment(text)
    assert result.label == label
    assert not result.unsure
    assert not result.unread


@pytest.mark.parametrize(
    "text", ["I can't do enough exercise.", "I was on my phone the whole time."]
)
def test_no_help_and_the_writers_own_phone_stay_unread(text: str) -> None:
    assert sentiment(text).unread


@pytest.mark.parametrize(
    "text",
    [
        "Flat viewing cancelled for the third time. Cheers for that, really helpful.",
        "The plumber never showed up. Thanks a lot, very useful!",
        "Parcel lost again. Thanks for that, brilliant.",
        # The thanks after a comma.
        "Flat viewing cancelled for the third time, Cheers for that, really helpful.",
    ],
)
def test_closing_thanks_after_a_complaint_is_irony(text: str) -> None:
    result = sentiment(text)
    assert result.label == "negative"
    assert result.ironic


def test_closing_thanks_after_a_repair_stays_thanks() -> None:
    assert sentiment("The engineer fixed it same day. Cheers for that, really helpful.").label == (
        "positive"
    )
    assert sentiment("The engineer fixed it same day, cheers for that, really helpful.").label == (
        "positive"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Never had a single problem with them in six years of walking our dogs.",
        "We have not had any issues with the boiler since it was fitted.",
        "Never had one single complaint from the kids about the club.",
    ],
)
def test_none_stressed_is_still_in_the_negations_reach(text: str) -> None:
    assert sentiment(text).label == "positive"


@pytest.mark.parametrize(
    "text",
    [
        "The fish arrived dead and the shop won't refund me.",
        "The kettle leaked and they refused to replace it.",
        "Parcel came damaged and the seller wouldn't exchange it.",
    ],
)
def test_what_is_owed_refused_is_a_complaint(text: str) -> None:
    result = sentiment(text)
    assert result.label == "negative"
    assert not result.positive_terms


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Your shift on 14 March has been changed to a late (13:00-21:30).", "neutral"),
        ("Your Friday shift has been swapped to a late, 2pm to 10pm.", "neutral"),
        ("You are on the late shift on Saturday 3 May.", "neutral"),
        ("The bus was late again and I missed my shift.", "negative"),
        ("My shift started late.", "negative"),
    ],
)
def test_a_late_on_a_rota_is_a_shift_not_a_delay(text: str, label: str) -> None:
    assert sentiment(text).label == label


@pytest.mark.parametrize(
    "text",
    [
        "Stall was in a great spot but it poured all day and hardly anyone came.",
        "The hall was lovely but hardly anyone came.",
    ],
)
def test_hardly_is_a_negation_not_the_adverb_of_hard(text: str) -> None:
    # Whether few coming outweighs the praise is not read: not guessed, not "hard".
    result = sentiment(text)
    assert "hardly" not in result.negative_terms
    assert result.unsure


@pytest.mark.parametrize(
    "text",
    [
        "I can't say the festival was anything short of magical.",
        "The wedding was nothing short of magical.",
        "Honestly it wasn't anything short of superb.",
    ],
)
def test_short_of_takes_the_negation_back(text: str) -> None:
    assert sentiment(text).label == "positive"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("batch came out flat and tastes a bit like cardboard 🙃", "negative"),
        ("The coffee tasted like dishwater.", "negative"),
        ("This cider tastes kind of like soap.", "negative"),
        ("but the toilets were a biohazard by sunday", "negative"),
        (
            "Lovely pitch and spotless showers, but the site shop shut at 4 which was a real pain.",
            "mixed",
        ),
        ("Great pool and friendly staff, but parking was a real pain.", "mixed"),
    ],
)
def test_food_likened_to_no_food_a_biohazard_and_a_pain(text: str, label: str) -> None:
    result = sentiment(text)
    assert result.label == label
    assert not result.unsure


@pytest.mark.parametrize(
    "text",
    [
        "oh brilliant, the removal van's broken down on the m6. perfect start to the day",
        "oh great, my train's been cancelled. lovely start to the week",
        "Wonderful, the boiler has broken again, perfect timing!",
        "fantastic, the dog ruined the new carpet. great way to start the weekend",
    ],
)
def test_praise_at_both_ends_of_a_complaint_is_sarcasm(text: str) -> None:
    result = sentiment(text)
    assert result.label == "negative"
    assert result.ironic and not result.unsure


def test_closing_praise_of_another_thing_is_not_read_as_sarcasm() -> None:
    # "nice views" praises a thing of its own, which may be sincere.
    result = sentiment("oh lovely, the train was late. nice views from the window")
    assert not result.ironic


@pytest.mark.parametrize(
    "text",
    [
        # Praise exclaimed, a bad event said flatly, praise of paying for it.
        "oh brilliant, train cancelled AGAIN, love paying 40 quid for this",
        "oh brilliant, train cancelled, love paying 40 quid for this",
        "oh brilliant, train cancelled again, love paying £40 a month for this",
        "oh fantastic, the bus didn't turn up again, love paying 5 pounds a day for that",
        "oh perfect, wifi down AGAIN, love paying for this",
        "oh fantastic!! the lift is broken AGAIN... love paying 900 a month in fees for this",
        # A thing happening again, in words with no opinion read, framed by praise.
        "Great, broadband down again, really love paying for the privilege",
    ],
)
def test_praise_exclaimed_and_praise_of_paying_for_a_complaint_is_sarcasm(text: str) -> None:
    result = sentiment(text)
    assert result.label == "negative"
    assert result.ironic and not result.unsure


@pytest.mark.parametrize(
    "text",
    [
        # Praise exclaimed at a bad event, then praise of something else: not guessed.
        "oh wonderful, flight delayed three hours, lovely views from the gate though",
        "oh great, parcel lost again, lovely driver though",
        "oh lovely, the train was late. nice views from the window",
        # Praise of paying for words with no opinion read: not guessed either.
        "Great, broadband down, love paying for this",
    ],
)
def test_praise_exclaimed_at_a_complaint_then_other_praise_is_not_guessed(text: str) -> None:
    result = sentiment(text)
    assert result.unsure
    assert not result.ironic


@pytest.mark.parametrize(
    "text",
    [
        "Please submit a meter reading by 30 June so we can send you an accurate bill.",
        "Please return the form by Friday so that we can give you a faster, smoother service.",
        "Please update your details by 5 March to ensure your account stays secure.",
        "Please note the office will be closed on Monday so we can carry out repairs.",
    ],
)
def test_purpose_of_a_request_is_no_opinion(text: str) -> None:
    result = sentiment(text)
    assert result.label == "neutral"
    assert not result.unread and not result.unsure


def test_feeling_in_the_purpose_of_a_request_is_not_called_neutral() -> None:
    assert sentiment("Please fix this so I can actually enjoy my holiday").unread


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("to be fair the ref was decent all game", "positive"),
        ("In fairness, the food was fine.", "positive"),
        ("in all fairness the hotel was okay", "positive"),
        ("the ref was decent", "neutral"),
        ("to be fair it wasn't decent", "neutral"),
    ],
)
def test_mild_praise_granted_to_be_fair_is_praise_held(text: str, label: str) -> None:
    assert sentiment(text).label == label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # Food eaten to the last.
        ("the kids wolfed down the lasagne, not a scrap left", "positive"),
        ("the guests polished off the trifle, not a crumb left", "positive"),
        ("the children licked their plates clean", "positive"),
        # Progress of a learner.
        ("Miss Patel says Leo's fractions have come on loads this term.", "positive"),
        ("his swimming has really come on in leaps and bounds", "positive"),
        ("her reading is coming on so well", "positive"),
        # A person praised as a star.
        ("Our neighbour left a bag of courgettes on our gate again, what a star", "positive"),
        ("thanks for walking the dog, you're a star", "positive"),
        # Sleep lost to a noise.
        ("but the neighbours dog barks all night", "negative"),
        ("the people upstairs were banging and shouting half the night", "negative"),
        ("the party next door kept me awake until 3am", "negative"),
        ("the newsletter kept us up to date", "neutral"),
        # Tradesmen scorned, and a thing cracking as it breaks.
        (
            "absolute cowboys, the tiles are already cracking and he won't answer his phone",
            "negative",
        ),
        ("total cowboys, the plaster has started cracking already", "negative"),
        ("a cracking day out", "positive"),
        # A test passed, and a repair due.
        ("the car passed its mot but it needs two new tyres and brake pads soon", "mixed"),
        ("the boiler passed its inspection but it needs a new pump", "mixed"),
        ("Tom passed his exams!", "positive"),
        ("the roof needs repairs", "negative"),
        # Disbelief at one thing set against a complaint of another.
        ("the view from the terrace was unreal but the road noise kept us up every night", "mixed"),
        ("the gig was unreal, but the queues for the bar were ridiculous", "mixed"),
        # Boredom of those there, against a clever thing.
        (
            "the game is gorgeous and really clever but it took us 4 hours and half the table "
            "lost interest",
            "mixed",
        ),
        (
            "the film looked stunning and the plot was clever but it dragged on and the kids "
            "lost interest",
            "mixed",
        ),
        # A notice of where a thing is in its handling.
        ("Your parcel has been handed to the courier.", "neutral"),
        ("Your order has been dispatched.", "neutral"),
        ("Your booking has been confirmed and your tickets have been posted.", "neutral"),
    ],
)
def test_batch_28_29_readings(text: str, label: str) -> None:
    result = sentiment(text)
    assert result.label == label
    assert not result.unsure and not result.unread


@pytest.mark.parametrize(
    "text",
    [
        "he needs new glasses",
        "we watched the cowboys game",
        "the queue was unreal but we got in eventually",
        "your parcel has been handed to the courier AGAIN, still not here",
    ],
)
def test_batch_28_29_readings_not_guessed(text: str) -> None:
    result = sentiment(text)
    assert result.unread or result.unsure


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # Negations typed without their apostrophe are the negations they are.
        ("but the wifi didnt work the entire week", "negative"),
        ("the new charger doesnt charge my phone", "negative"),
        ("the heating wasnt fixed when they said", "negative"),
        # Grief, a hard time and a failed exam, in everyday words.
        ("absolutely gutted, my sourdough starter has died after 3 years", "negative"),
        ("heartbroken, the old oak in the park was cut down", "negative"),
        ("but the hangover on sunday was brutal and i lost my phone", "negative"),
        ("the night shift was gruelling", "negative"),
        ("totally bombed my driving theory test", "negative"),
        # Honesty praised; "honestly" and "to be honest" are fillers.
        ("garage were honest, told me what didnt need doing and saved me a fortune", "positive"),
        ("the plumber was honest and the new tap has saved us loads", "positive"),
        ("honestly, it was terrible", "negative"),
        # Put off, and hurt, said as what happened.
        (
            "sent my lens off for repair 6 weeks ago, still not back and they keep fobbing me off",
            "negative",
        ),
        ("rang the council three times and got fobbed off every time", "negative"),
        ("then pulled my calf on the cool down", "negative"),
        ("twisted my ankle on the last lap", "negative"),
        # A thing that does not send, connect or rise, as "doesn't work" is.
        ("the doorbell doesnt actually connect to the app", "negative"),
        ("the bread didnt rise at all", "negative"),
        # A top grade said as what happened, then a failed exam: both held.
        ("got an A in maths which im buzzing about but totally bombed chemistry", "mixed"),
        ("got an A in history which im chuffed about but completely flunked physics", "mixed"),
        # "dead easy" is very easy; the sunk cake after "but" a complaint as firm.
        ("recipe was dead easy to follow but the cake sank in the middle", "mixed"),
        ("the instructions were dead clear but the loaf sank in the middle", "mixed"),
        ("the battery is dead", "negative"),
        # A machine that makes little noise is praised.
        ("the new boiler is so quiet and the house heats up in minutes", "positive"),
        ("our new dishwasher is really quiet", "positive"),
    ],
)
def test_batch_31_32_everyday_words(text: str, label: str) -> None:
    result = sentiment(text)
    assert result.label == label
    assert not result.unsure and not result.unread


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # The name of a kind of account, and a notice, hold no opinion.
        (
            "The interest rate on your easy access account will change to 3.85% from 1 July.",
            "neutral",
        ),
        ("Your easy access saver will pay 4.1% interest from 1 June.", "neutral"),
        ("Your annual energy statement is now available in your online account.", "neutral"),
        ("Your monthly bill is now available to download.", "neutral"),
    ],
)
def test_batch_31_32_notices_are_neutral(text: str, label: str) -> None:
    result = sentiment(text)
    assert result.label == label and not result.positive_terms
    assert not result.unsure and not result.unread


@pytest.mark.parametrize(
    "text",
    [
        "oh great, another penalty given against us for absolutely nothing. love this ref",
        "oh brilliant, another bus that never turned up. love this company",
        "oh great, another queue at the post office. love this town",
        "wow great, the app logged me out again. love this app",
        "yeah great, another smart meter that doesnt actually send any readings",
        "oh lovely, another courier that never actually sent the tracking code",
    ],
)
def test_batch_31_32_praise_framing_a_complaint_is_sarcasm(text: str) -> None:
    result = sentiment(text)
    assert result.label == "negative" and result.ironic
    assert not result.unsure


def test_batch_31_32_love_this_thing_after_praise_is_sincere() -> None:
    assert sentiment("Brilliant film. Love this director").label == "positive"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # An adjective said of a noun of verdict of its side is one opinion, not two.
        (
            "the pattern is beautiful when finished but the instructions are a confusing mess",
            "mixed",
        ),
        ("the finished quilt looks gorgeous but the instructions were an awful mess", "mixed"),
        ("the yarn is really lovely but the pattern is a confusing mess", "mixed"),
        ("the venue was stunning but the booking system was a terrible nightmare", "mixed"),
    ],
)
def test_batch_31_32_a_kind_of_verdict_is_one_opinion(text: str, label: str) -> None:
    assert sentiment(text).label == label


@pytest.mark.parametrize(
    "text",
    [
        "gym has loads of new kit which is nice but its always rammed and the showers are freezing",
        "the pub was absolutely heaving",
        "the beach is usually rammed but the sea is lovely",
        "the train was packed out, no seats",
        "the pub was quiet",
    ],
)
def test_batch_31_32_crowds_and_quiet_places_are_not_guessed(text: str) -> None:
    result = sentiment(text)
    assert result.unsure or result.unread


@pytest.mark.parametrize(
    "text",
    [
        "oh great, another 600 page doorstop with no plot, just what i needed",
        "oh brilliant, another delay on the train, exactly what we needed",
    ],
)
def test_just_what_i_needed_closing_a_recurrence_is_sarcasm(text: str) -> None:
    result = sentiment(text)
    assert result.label == "negative"
    assert any("needed" in said for said in result.ironic)


def test_just_what_i_needed_alone_is_sincere() -> None:
    assert sentiment("new trainers arrived a day early, just what i needed").label == "positive"


@pytest.mark.parametrize(
    "text",
    [
        "Ticket #48213 closed. Issue: password reset. Resolution time: 2 days.",
        "Order 5521. Issue: change of address. Status: dispatched.",
        # The fields listed in one sentence, parted by commas.
        "Ticket #48213 closed, Issue: password reset, Resolution time: 2 days.",
    ],
)
def test_a_fields_name_before_its_colon_is_no_opinion(text: str) -> None:
    assert sentiment(text).label == "neutral"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # Time taken off a personal best, said as what happened.
        ("knocked 2 minutes off my 10k PB this morning!!", "positive"),
        ("shaved 30 seconds off my parkrun pb today", "positive"),
        # A story that holds its reader, as strong as "brilliant".
        ("a gripping thriller", "positive"),
        ("the second half was riveting", "positive"),
        ("the first half was gripping but it totally fell apart at the end", "mixed"),
        # What was sought, not reached.
        ("but half of us couldn't get hold of a copy in time", "negative"),
        ("we can't get hold of anyone at the council", "negative"),
        ("i couldn't get through to the helpline all week", "negative"),
    ],
)
def test_records_cut_stories_that_grip_and_no_one_reached(text: str, label: str) -> None:
    assert sentiment(text).label == label


@pytest.mark.parametrize(
    "text",
    [
        # Time off something that is no record, a hand on a rail, and a condition.
        "knocked 2 minutes off the price",
        "she was gripping the rail the whole way down",
        "if you can't get hold of me, ring the office",
    ],
)
def test_time_off_a_thing_holding_on_and_a_condition_are_no_verdict(text: str) -> None:
    assert sentiment(text).label == "neutral"


@pytest.mark.parametrize(
    "text",
    [
        "dragged on for 300 pages and the twist was obvious from chapter two",
        "the pacing across 400 pages was glacial",
    ],
)
def test_a_review_with_its_verdict_in_unknown_words_is_no_statement_of_fact(text: str) -> None:
    # neutral would be a guess: the count of pages or minutes is no sign of a plain fact here
    assert sentiment(text).unread


@pytest.mark.parametrize(
    "text",
    [
        "food was delicious but way overpriced for the portion size",
        "the curry was delicious but the service was painfully slow",
    ],
)
def test_delicious_is_praise_firm_enough_to_stand_against_a_complaint(text: str) -> None:
    assert sentiment(text).label == "mixed"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("had my wheel trued and back to me same day, top lads", "positive"),
        ("top bloke, sorted my boiler", "positive"),
        ("obsessed with my chrome nails, Mia is a genius", "positive"),
        ("Tom at the desk is a genius, sorted it in minutes", "positive"),
        ("lifted after 4 days and they wouldnt fix them without charging me again", "negative"),
        ("the garage wont fix the dent unless I pay twice", "negative"),
    ],
)
def test_slang_praise_of_people_and_a_repair_refused(text: str, label: str) -> None:
    assert sentiment(text).label == label


@pytest.mark.parametrize("text", ["they are the top team in the league", "he is not a genius"])
def test_a_rank_or_a_denied_genius_is_no_praise(text: str) -> None:
    assert sentiment(text).positive == 0


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # A service that failed, told as what happened: slow, late, a mess left, money kept.
        ("the sofa took 4 months to arrive", "negative"),
        ("the hot water took a whole day to heat up", "negative"),
        ("the extension took two weeks longer than quoted", "negative"),
        ("the plumber rolled in 2 hours later than he said", "negative"),
        ("the painters left drips all over the floor", "negative"),
        ("the ATM swallowed my card on a Sunday", "negative"),
        ("the parking meter kept my 2 quid", "negative"),
        # Word owed of how a thing due was going, never given.
        ("paid in May and zero updates since", "negative"),
        ("no communication from the builder at all", "negative"),
        # Sleep taken by someone else's noise.
        ("the bin lorry woke us at 5am", "negative"),
        # Praise before such a failure stands: both sides held.
        ("lovely dentist, really thorough, but the crown took 6 weeks to come back", "mixed"),
        ("great with the kids but always arrives 20 mins after she says", "mixed"),
        ("nice neat job on the hedge but they left clippings all over the drive", "mixed"),
    ],
)
def test_failures_told_as_what_happened(text: str, label: str) -> None:
    assert sentiment(text).label == label


@pytest.mark.parametrize(
    "text",
    [
        # An effort told, the writer's own waking, a battery outlasting what was said.
        "took 3 days to walk the whole route",
        "I woke the kids at 7 for school",
        "we left flyers all over town",
        "I kept my change in a jar",
        "the battery lasted 3 hours longer than promised",
        # News missing that no one owed: a setting, a saying.
        "my phone is current, no updates available",
    ],
)
def test_times_taken_and_wakings_that_are_no_failure(text: str) -> None:
    assert sentiment(text).negative == 0


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("the puppy was a total angel at the vets on Monday", "positive"),
        ("the whole day felt like a dream", "positive"),
        ("the cake was an absolute dream but it arrived 2 hours late", "mixed"),
        ("the garage saved us a trip to the dealer, 10 min job", "positive"),
        ("the receptionist was really thorough", "positive"),
        ("the van came back gleaming", "positive"),
        ("they didn't overcharge me", "positive"),
        ("the cabin was so comfy but the shower block was grim", "mixed"),
        ("comfy seats, properly maintained, but the bar staff couldnt care less", "mixed"),
        ("the waiter just shrugged", "negative"),
        ("nobody rang us back", "negative"),
        ("no one got back to me about the quote", "negative"),
        ("the baby was a little angel all night", "positive"),
        ("they never called me back", "negative"),
    ],
)
def test_praise_and_complaints_said_in_everyday_words(text: str, label: str) -> None:
    assert sentiment(text).label == label


@pytest.mark.parametrize(
    "text", ["my daughter was an angel in the nativity", "she shrugged it off and carried on"]
)
def test_an_unstressed_angel_and_a_shrug_off_are_no_opinion(text: str) -> None:
    assert sentiment(text).positive == sentiment(text).negative == 0


@pytest.mark.parametrize(
    "text",
    [
        "the eyes on my owl are wonky",
        "the shelves went up crooked",
        "the cake came out lopsided",
    ],
)
def test_a_made_thing_come_out_askew_is_a_fault(text: str) -> None:
    assert sentiment(text).label == "negative"


def test_a_real_word_one_letter_from_a_word_of_opinion_is_no_slip() -> None:
    # "cooked" is "crooked" with a letter left out, and a word of its own.
    assert sentiment("the lamb was cooked perfectly").unsure == []


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # One thing said to be one word, then another thing said to be one word: two things
        # judged, each on its side.
        ("the coach is lovely but parking is rubbish", "mixed"),
        ("the staff were friendly, but the kitchen was dirty", "mixed"),
        # A thing set apart with "itself", then another thing named, whatever is said of it.
        ("the course itself was great but the chairs wobbled and stank", "mixed"),
        ("the walk itself was good but the boots leaked", "mixed"),
        # Near misses: a complaint far heavier than the praise is the verdict; praise of
        # "it" is no thing of its own; mild praise, then a complaint told of another thing.
        ("the course itself was fine but the venue was awful", "negative"),
        ("the cottage is lovely but the road is incredibly noisy", "negative"),
        ("it was lovely but the price is rubbish", "negative"),
        ("the barista was polite, but the latte arrived cold", "negative"),
        ("the guide was lovely, but the coach was late", "negative"),
    ],
)
def test_two_things_each_judged_in_a_word_are_mixed(text: str, label: str) -> None:
    assert sentiment(text).label == label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # The bad words name the hard time the writer was helped through, not the help.
        ("you made a horrible month so much better for all of us", "positive"),
        ("the midwives got us through the hardest night, cant thank them enough", "positive"),
        # Near misses: a bad time made worse, or gone through with no one's help.
        ("they made a bad situation even worse", "negative"),
        ("we went through a horrible week", "negative"),
    ],
)
def test_a_hard_time_eased_is_no_complaint(text: str, label: str) -> None:
    assert sentiment(text).label == label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("the towels were returned smelling damp", "negative"),
        ("my coat smells damp after a night in the car", "negative"),
        ("the cellar smells damp but the rooms are lovely", "mixed"),
    ],
)
def test_a_damp_smell_said_without_of_is_a_complaint(text: str, label: str) -> None:
    assert sentiment(text).label == label


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("she brought my nan's old armchair back to life in a week", "brought"),
        ("the new owners have brought the pub back to life", "brought"),
        ("they breathed new life into our old kitchen", "breathed new life into"),
        ("took my watch in and the man is a proper craftsman", "proper craftsman"),
        ("what a craftsman, the shelves fit to the millimetre", "what a craftsman"),
    ],
)
def test_a_worn_thing_restored_and_a_craftsman_are_praise(text: str, term: str) -> None:
    result = sentiment(text)
    assert result.label == "positive"
    assert any(t.startswith(term) for t in result.positive_terms)


@pytest.mark.parametrize(
    "text",
    [
        # A trade named, and the way back as a place: no praise.
        "the craftsman who made the table lives in the next village",
        "we brought the kids back to the hotel after lunch",
    ],
)
def test_a_craftsman_named_or_a_thing_brought_back_is_no_praise(text: str) -> None:
    assert sentiment(text).positive == 0


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("a lovely hotel let down by the breakfast", "mixed"),
        ("Beautiful pictures, let down slightly by a flimsy frame.", "mixed"),
        # However heavy the fault, the praise before it stands.
        ("great food let down by awful, rude service", "mixed"),
        # Said alone, being let down is the complaint.
        ("we were let down by the builder again", "negative"),
    ],
)
def test_praise_let_down_by_a_fault_is_mixed(text: str, label: str) -> None:
    result = sentiment(text)
    assert result.label == label
    assert result.negative_terms[0].startswith("let down")


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("my gel nails started lifting after two days", "lifting after two days"),
        ("the sole came off after a week", "came off after a week"),
        ("the varnish chipped after only a day", "chipped after only a day"),
    ],
)
def test_a_thing_that_gave_way_soon_after_is_a_complaint(text: str, term: str) -> None:
    result = sentiment(text)
    assert result.label == "negative"
    assert term in result.negative_terms


@pytest.mark.parametrize(
    "text",
    [
        # Good news lifted, or a thing that lasted long.
        "the fog lifted after 3 days and we finally saw the hills",
        "the ban was lifted after a week",
        "the paint peeled after twenty years",
    ],
)
def test_a_thing_lifted_or_worn_with_time_is_no_complaint(text: str) -> None:
    assert sentiment(text).negative == 0


def test_a_charge_to_put_right_what_failed_is_a_complaint() -> None:
    result = sentiment("the tiles cracked and the firm charged us 200 quid to redo them")
    assert result.label == "negative"
    assert "charged us 200 quid to redo them" in result.negative_terms
    # A repair billed, with nothing said to have failed, is a bill.
    assert sentiment("the garage charged me 80 quid to fix it").negative == 0


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # "beautiful" is strong praise, as "gorgeous" is: held against a fault after it
        (
            "the envelopes looked beautiful but two of the names were spelt wrong and it was "
            "too late to redo them",
            "mixed",
        ),
        # mild praise before a complaint is a concession; the complaint is the verdict
        ("the food was lovely but it came too late to eat before the show", "negative"),
    ],
)
def test_beautiful_is_praise_held_against_a_fault(text: str, label: str) -> None:
    assert sentiment(text).label == label

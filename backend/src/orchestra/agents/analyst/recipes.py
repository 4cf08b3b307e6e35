"""Recipes and mixes: a recipe scaled, a mix in parts, a roasting time by weight.

"lasagne recipe for 6 people uses 750 g mince and 450 ml passata. making it for 10 - how
much mince and how much passata": each amount asked times 10 / 6, in its own unit.
"halving a brownie recipe: 185 g butter, 275 g sugar and 3 eggs. how much butter, sugar and
how many eggs for half": each times 0.5 (half an egg is what halving says). "1:16 coffee to
water and 500 g of water, grams of coffee": the amount of one part over its share, times the
share asked; "1:2:4 cement:sand:gravel and 0.35 m3 in total": the whole over the sum of the
parts, times each. "1 part bleach to 10 parts water" is a mix of 1:10; "filling a 500 ml
spray bottle" gives the whole; "how many ml of oil for 5 litres of petrol" is asked in
another unit of the same kind (volume, mass), converted. "a 2.4 kg chicken at 20 min per
kg plus 20 min": the weight times the rate, plus the time added once. "1 kg bag of sugar,
used 450 g and the recipe needs 340 g, how much will be left": the pack less each amount
taken, in the smallest unit said. "2,500g flour, salt at 2%, water 68% (bakers %). grams of
salt and water": each percentage of the flour's weight. Each is read only
when every number of the request is one it uses, and every thing asked is one it gives;
otherwise the other readers have it.
"""

from __future__ import annotations

import re

from orchestra.agents.analyst.wording import Node, Num, Op

__all__ = ["read_recipe"]

_AMOUNT = r"\d+(?:\.\d+)?"
# Numbers standing alone: not a unit's power ("m3"), not part of a word.
_ANY_NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+)?(?![\d])")
# The units a recipe's amounts are said in.
_UNIT = (
    r"(?:kg|g|grams?|kilos?|kilograms?|mg|ml|millilit(?:re|er)s?|l|lit(?:re|er)s?|cl|dl|oz|"
    r"ounces?|lbs?|pounds?|tbsps?|tablespoons?|tsps?|teaspoons?|cups?|pinch(?:es)?|cloves?|"
    r"tins?|cans?|m3|m\u00b3|cubic\s+met(?:re|er)s?|sticks?|slices?|sheets?)"
)
# Words after a number that are no ingredient.
_NOT_INGREDIENTS = frozenset(
    """people persons person servings serving portions portion guests of us and or the a
    to for in at by is are was it its people's kids adults minutes mins min hours hrs""".split()  # noqa: SIM905
)
# "750 g mince", "450 ml of passata", "3 eggs", "2 tbsp olive oil": an amount and its thing.
_INGREDIENT = re.compile(
    rf"(?<![\w.])(?P<amount>{_AMOUNT})\s*(?P<unit>{_UNIT}\b)?\s*(?:of\s+)?(?P<noun>[a-z]+)\b",
    re.I,
)
_PEOPLE = r"(?:people|persons|servings|portions|guests|adults|of\s+us)"
# "recipe for 6 people", "serves 4", "feeds 8": how many the recipe is for.
_BASE = re.compile(
    rf"\b(?:recipe|it|this)\s+(?:is\s+)?(?:for|serves|feeds)\s+(?P<n>\d+)(?:\s+{_PEOPLE})?\b"
    rf"|\b(?:serves|feeds)\s+(?P<served>\d+)\b",
    re.I,
)
# "making it for 10", "cooking for 10 people", "need to feed 10": how many it is wanted for.
_TARGET = re.compile(
    rf"\b(?:making|make|cooking|cook|baking|bake|scale|scaling|need|want|feeding|feed|do|"
    rf"doing)\s+(?:it\s+|this\s+|enough\s+)?(?:to\s+feed\s+|for\s+|to\s+)?(?P<n>\d+)"
    rf"(?:\s+{_PEOPLE})?\b(?!\s*(?:{_UNIT}\b|%))"
    # "how much flour for 6": the people wanted, said last in the question.
    rf"|\bfor\s+(?P<last>\d+)(?:\s+{_PEOPLE})?\s*[?.!]*$",
    re.I,
)
# "halving a recipe", "for half", "double it": how many times the recipe.
_SCALES = {
    "half": 0.5, "halve": 0.5, "halving": 0.5, "halved": 0.5,
    "double": 2.0, "doubling": 2.0, "doubled": 2.0,
    "triple": 3.0, "tripling": 3.0, "tripled": 3.0,
}  # fmt: skip
_SCALE = re.compile(
    r"\b(?P<word>halv(?:e|ing|ed)|doubl(?:e|ing|ed)|tripl(?:e|ing|ed))\s+(?:a|an|the|my|our|"
    r"this|it)\b|\bfor\s+(?:a\s+)?(?P<for>half|double)(?:\s+(?:the\s+)?(?:recipe|batch|"
    r"amount|quantit(?:y|ies)))?\b",
    re.I,
)
_ASKED = re.compile(r"\bhow\s+(?:much|many)\b", re.I)
# "in kg", "in grams": the unit an amount is asked in.
_IN_UNIT = re.compile(rf"\b(?:in|into|as)\s+(?P<unit>{_UNIT})(?![\w\u00b3])", re.I)
_ASKED_THING = re.compile(r"\bhow\s+(?:much|many)\s+(?:of\s+)?(?:the\s+)?(?P<thing>[a-z]+)", re.I)
_EACH = re.compile(r"\bhow\s+much\s+of\s+(?:each|everything|them|it\s+all)\b", re.I)
_PERCENT = re.compile(r"%|\bpercent\b", re.I)


def _singular(word: str) -> str:
    word = word.lower()
    if word.endswith("oes") or word.endswith("ches"):
        return word[:-2]
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _num(raw: str) -> Num:
    value = float(raw)
    return Num(value, f"{value:.15g}")


def _asked_things(question: str, nouns: list[str]) -> list[int] | None:
    """Which of the things given (by index) the question asks for, in its order: each
    named after "how much" or "how many", and those listed with them ("butter, sugar and
    how many eggs"); None when it asks for something not given, or nothing."""
    if _EACH.search(question):
        return list(range(len(nouns)))
    start = _ASKED.search(question)
    if start is None:
        return None
    for thing in _ASKED_THING.finditer(question):
        if thing["thing"].lower() == "for" and len(nouns) == 1:
            return [0]  # "uses 800 g beef, how much for 10": the one amount the recipe gives
        if _singular(thing["thing"]) not in nouns:
            return None  # "how much will it cost": not a thing the recipe gives
    asked: list[int] = []
    for word in re.findall(r"[a-z]+", question[start.start() :].lower()):
        if _singular(word) in nouns and nouns.index(_singular(word)) not in asked:
            asked.append(nouns.index(_singular(word)))
    return asked or None


def _scaled_recipe(text: str) -> list[tuple[Node, str]] | None:
    """Each amount of a recipe asked for, scaled to the people wanted or by a word of scale."""
    if _PERCENT.search(text):
        return None
    ask = _ASKED.search(text)
    if ask is None:
        return None
    sentence_start = max(text.rfind(". ", 0, ask.start()), text.rfind("? ", 0, ask.start()))
    statement, question = text[: ask.start()], text[max(0, sentence_start) :]
    base, scale = _BASE.search(text), _SCALE.findall(text)
    used: set[int] = set()
    factor: Node
    if base is not None:
        n = base["n"] or base["served"]
        used.add(base.start("n") if base["n"] else base.start("served"))
        targets = {t.start(k): t[k] for t in _TARGET.finditer(text) for k in ("n", "last") if t[k]}
        targets = {at: m for at, m in targets.items() if at not in used}
        if scale or len(targets) != 1:
            return None
        ((at, wanted),) = targets.items()
        used.add(at)
        factor = Op("/", _num(wanted), _num(n))
        label = f"for {wanted} instead of {n}"
    else:
        words = {(w or f).lower() for w, f in scale}
        sizes = {_SCALES[w] for w in words}
        if len(sizes) != 1:
            return None
        (size,) = sizes
        factor = Num(size, f"{size:g}")
        label = f"times {size:g}"
    ingredients = [
        m
        for m in _INGREDIENT.finditer(statement)
        if m.start() not in used
        and m["noun"].lower() not in _NOT_INGREDIENTS
        and not (m["unit"] is None and m["noun"].lower() in {"g", "kg", "ml", "l"})
    ]
    nouns = [_singular(m["noun"]) for m in ingredients]
    if len(ingredients) < 1 or len(set(nouns)) != len(nouns):
        return None
    read = used | {m.start() for m in ingredients}
    if any(m.start() not in read for m in _ANY_NUMBER.finditer(text)):
        return None  # a number that is neither an amount nor how many the recipe is for
    asked = _asked_things(question, nouns)
    if asked is None:
        return None
    # "how much mince in kg": the amounts asked in a unit said after the question.
    units_asked = {u["unit"].lower() for u in _IN_UNIT.finditer(question)}
    if len(units_asked) > 1:
        return None  # asked in two units
    found: list[tuple[Node, str]] = []
    for index in asked:
        ingredient = ingredients[index]
        unit = f" {ingredient['unit']}" if ingredient["unit"] else ""
        amount: Node = _num(ingredient["amount"])
        if units_asked:
            (wanted_unit,) = units_asked
            if not ingredient["unit"]:
                return None  # "how many eggs in grams": a count asked in a unit
            if not _same_unit(ingredient["unit"], wanted_unit):
                size_from, size_to = _size_of(ingredient["unit"]), _size_of(wanted_unit)
                if size_from is None or size_to is None or size_from[0] != size_to[0]:
                    return None  # a unit not converted here, or of another kind
                ratio = size_from[1] / size_to[1]
                amount = Op("*", amount, Num(ratio, f"{ratio:.15g}"))
                unit = f" {wanted_unit}"
        found.append((Op("*", amount, factor), f"{ingredient['noun']}{unit}, {label}"))
    return found


# "1:16 coffee to water", "1:2:4 cement:sand:gravel": a mix in parts, named after them.
_PARTS = rf"(?P<parts>{_AMOUNT}(?:\s*:\s*{_AMOUNT}){{1,4}})"
# "1:2:2 (starter:flour:water)": the names in brackets after the parts.
_MIX_NAMED_AFTER = re.compile(
    rf"(?<![\w.:]){_PARTS}\s+(?:ratio\s+(?:of\s+)?)?\(?(?P<names>[a-z]+(?:\s*(?::|\bto\b)\s*[a-z]+){{1,4}})\b\)?",
    re.I,
)
# "coffee to water ratio of 1:16", "cement, sand and gravel at 1:2:4".
_MIX_NAMED_BEFORE = re.compile(
    r"\b(?P<names>[a-z]+(?:\s*(?:,|\bto\b|\band\b|:)\s*[a-z]+){1,4})\s+(?:ratio\s+)?"
    rf"(?:(?:is|of|at|in\s+the\s+ratio(?:\s+of)?|in\s+a\s+ratio\s+of)\s+)?{_PARTS}(?![\d.:])",
    re.I,
)
_NAME_BREAK = re.compile(r"\s*(?:,|:|\bto\b|\band\b)\s*", re.I)
_GIVEN = re.compile(
    rf"(?<![\w.:])(?P<amount>{_AMOUNT})\s*(?P<unit>{_UNIT})(?![\w\u00b3])"
    r"(?:\s+(?:of\s+)?(?:the\s+)?(?P<noun>[a-z]+))?",
    re.I,
)
_WHOLE = re.compile(r"\b(?:in\s+total|total|altogether|in\s+all|overall|of\s+mix)\b", re.I)
_UNIT_ASKED = re.compile(
    rf"\b(?:in|into|as)\s+(?P<unit>{_UNIT})(?![\w\u00b3])|\b(?:how\s+many\s+)?(?P<named>{_UNIT})"
    r"\s+of\s+[a-z]+",
    re.I,
)
# The same unit, however it is written.
_UNIT_NAMES = {
    "g": "g", "gram": "g", "grams": "g", "kg": "kg", "kilo": "kg", "kilos": "kg",
    "kilogram": "kg", "kilograms": "kg", "ml": "ml", "l": "l", "litre": "l", "litres": "l",
    "liter": "l", "liters": "l", "m3": "m3", "m\u00b3": "m3", "cup": "cup", "cups": "cup",
    "oz": "oz", "ounce": "oz", "ounces": "oz", "lb": "lb", "lbs": "lb",
}  # fmt: skip


def _same_unit(one: str, other: str) -> bool:
    one, other = " ".join(one.lower().split()), " ".join(other.lower().split())
    return one == other or _UNIT_NAMES.get(one, one) == _UNIT_NAMES.get(other, other)


# "1 part bleach to 10 parts water": the parts each said with its thing, written "1:10
# bleach to water" for reading.
_PARTS_SAID = re.compile(
    rf"(?<![\w.:])(?P<one>{_AMOUNT})\s+parts?\s+(?:of\s+)?(?P<first>[a-z]+)\s+to\s+"
    rf"(?P<other>{_AMOUNT})\s+parts?\s+(?:of\s+)?(?P<second>[a-z]+)\b",
    re.I,
)
# "2 stroke mix", "4-stroke": the kind of engine, no number of the mix.
_STROKE = re.compile(r"(?<![\w.])[24]\s*-?\s*stroke\b", re.I)
# "filling a 500 ml spray bottle", "making a 2 litre jug": the amount of the whole mix is
# the size of what it fills, named in a word or two after it.
_CONTAINER = re.compile(
    r"\s+(?:[a-z]+\s+)?(?:jugs?|bottles?|buckets?|cans?|tanks?|jars?|jerry\s*cans?|"
    r"containers?|sprayers?|batch(?:es)?|watering\s+cans?)\b",
    re.I,
)
# The sizes of the units a mix may be given and asked in, by dimension.
_SIZES = {
    "ml": ("volume", 0.001), "cl": ("volume", 0.01), "dl": ("volume", 0.1), "l": ("volume", 1.0),
    "g": ("mass", 0.001), "kg": ("mass", 1.0), "mg": ("mass", 0.000001),
}  # fmt: skip
_SIZE_NAMES = {
    "millilitre": "ml", "milliliter": "ml", "millilitres": "ml", "milliliters": "ml",
    "mg": "mg", "cl": "cl", "dl": "dl",
}  # fmt: skip


def _size_of(unit: str) -> tuple[str, float] | None:
    name = " ".join(unit.lower().split())
    return _SIZES.get(_SIZE_NAMES.get(name, _UNIT_NAMES.get(name, name)))


def _mix(text: str) -> list[tuple[Node, str]] | None:
    """Each part of a mix asked for, from the amount of one part or of the whole."""
    text = _PARTS_SAID.sub(r"\g<one>:\g<other> \g<first> to \g<second>", text)
    text = _STROKE.sub("stroke", text)
    mix = _MIX_NAMED_AFTER.search(text) or _MIX_NAMED_BEFORE.search(text)
    if mix is None:
        return None
    parts = [p.strip() for p in mix["parts"].split(":")]
    names = [_singular(n) for n in _NAME_BREAK.split(mix["names"].strip()) if n]
    if len(names) != len(parts) or len(set(names)) != len(names):
        return None
    rest = text[: mix.start()] + " " * (mix.end() - mix.start()) + text[mix.end() :]
    given = list(_GIVEN.finditer(rest))
    if len(given) != 1:
        return None
    amount = given[0]
    if any(m.start() != amount.start() for m in _ANY_NUMBER.finditer(rest)):
        return None  # another number: not one of the mix
    after = rest[amount.end() : amount.end() + 20]
    noun = _singular(amount["noun"]) if amount["noun"] else ""
    whole = noun not in names and bool(
        _WHOLE.search(after) or _WHOLE.match(noun) or _CONTAINER.match(rest, amount.end("unit"))
    )
    if noun not in names and not whole:
        return None  # an amount of what is not said
    ask = _ASKED.search(rest, amount.end()) or re.search(
        rf"\b(?:{_UNIT})\s+of\s+[a-z]+\s*\?", rest[amount.end() :], re.I
    )
    question = rest[amount.end() :]
    if ask is None:
        # "how many ml of oil for 5 litres of petrol": the question, then the amount given.
        before = [a for a in _ASKED.finditer(rest, mix.end(), amount.start())]
        if not before:
            return None
        start = before[-1].start()
        question = f"{rest[start : amount.start()]} {rest[amount.end() :]}"
    asked = [
        names.index(_singular(w))
        for w in re.findall(r"[a-z]+", question.lower())
        if _singular(w) in names
    ]
    if _EACH.search(question):
        asked = list(range(len(names)))  # "how much of each": every part of the mix
    if not whole:
        asked = [i for i in asked if i != names.index(noun)]
    asked = list(dict.fromkeys(asked))
    if not asked:
        return None
    value: Node = _num(amount["amount"])
    unit_said = amount["unit"]
    units = [u["unit"] or u["named"] for u in _UNIT_ASKED.finditer(question)]
    others = {u.lower() for u in units if not _same_unit(u, amount["unit"])}
    if others:
        size_from, size_to = _size_of(amount["unit"]), _size_of(units[0])
        if len({u.lower() for u in units}) != 1 or size_from is None or size_to is None:
            return None  # asked in two units, or in one not converted here
        if size_from[0] != size_to[0]:
            return None  # asked in a unit of another kind
        # "5 litres of petrol, how many ml of oil": the amount in the unit asked.
        value = Op("*", value, Num(size_from[1] / size_to[1], f"{size_from[1] / size_to[1]:.15g}"))
        unit_said = units[0]
    found: list[tuple[Node, str]] = []
    for index in asked:
        share = _num(parts[index])
        if whole:
            total: Node = _num(parts[0])
            for part in parts[1:]:
                total = Op("+", total, _num(part))
            expression: Node = Op("/", Op("*", value, share), total)
        else:
            expression = Op("/", Op("*", value, share), _num(parts[names.index(noun)]))
        found.append((expression, f"{names[index]} in {unit_said}, {mix['parts']} parts"))
    return found


# "a 2.4 kg chicken at 20 min per kg plus 20 min", "20 minutes per 500 g and an extra 20":
# a time for each unit of weight, and a time added once.
_WEIGHTS = {"kg": 1000.0, "kilo": 1000.0, "kilogram": 1000.0, "g": 1.0, "gram": 1.0,
            "lb": 453.59237, "pound": 453.59237}  # fmt: skip
_WEIGHT = r"(?:kg|kilos?|kilograms?|g|grams?|lbs?|pounds?)"
_MINUTES = {"min": 1.0, "minute": 1.0, "mins": 1.0, "hour": 60.0, "hr": 60.0, "h": 60.0}
_TIME = r"(?:mins?|minutes?|hours?|hrs?|h)"
_ROAST = re.compile(
    rf"(?<![\w.])(?P<weight>{_AMOUNT})\s*(?P<wunit>{_WEIGHT})\b[^.?!\d]{{0,30}}?\b"
    rf"(?:at\s+|for\s+|allow\s+|takes\s+)?(?P<rate>{_AMOUNT})\s*(?P<runit>{_TIME})\s+"
    rf"(?:per|a|an|each|every|for\s+each|for\s+every)\s+(?:(?P<per>{_AMOUNT})\s*)?"
    rf"(?P<punit>{_WEIGHT})\b\s*,?\s*(?:plus|and|then|\+)\s+(?:an?\s+)?(?:extra\s+|further\s+|"
    rf"another\s+)?(?P<extra>{_AMOUNT})\s*(?P<eunit>{_TIME})?(?:\s+(?:extra|more|on\s+top))?\b",
    re.I,
)
# "how long", "how many minutes", "total minutes in the oven": the time is asked.
_HOW_LONG = re.compile(
    r"\bhow\s+long\b|\b(?:how\s+many|total)\s+(?:minutes|mins|hours|hrs)\b|\btime\b", re.I
)
# The units of time the question asks the answer in ("in minutes and in hours").
_TIME_ASKED = re.compile(r"\b(minutes?|mins?|hours?|hrs?)\b", re.I)


def _unit_of(table: dict[str, float], word: str) -> float:
    word = word.lower()
    return table.get(word, table.get(word.rstrip("s"), 0.0))


def _roasting_time(text: str) -> list[tuple[Node, str]] | None:
    """The weight times the time for each unit of it, plus the time added once, in the
    rate's unit of time."""
    roast = _ROAST.search(text)
    if roast is None or not _HOW_LONG.search(text):
        return None
    numbers = [m.start() for m in _ANY_NUMBER.finditer(text)]
    read = {roast.start(k) for k in ("weight", "rate", "per", "extra") if roast[k]}
    if set(numbers) != read:
        return None
    rate_unit = _unit_of(_MINUTES, roast["runit"])
    extra_unit = _unit_of(_MINUTES, roast["eunit"] or roast["runit"])
    weight, per = _unit_of(_WEIGHTS, roast["wunit"]), _unit_of(_WEIGHTS, roast["punit"])
    if not (rate_unit and extra_unit and weight and per):
        return None
    units: Node = _num(roast["weight"])
    size = weight / per / (float(roast["per"]) if roast["per"] else 1.0)
    if size != 1.0:
        units = Op("*", units, Num(size, f"{size:.15g}"))
    extra: Node = _num(roast["extra"])
    if extra_unit != rate_unit:
        extra = Op("*", extra, Num(extra_unit / rate_unit, f"{extra_unit / rate_unit:.15g}"))
    time = Op("+", Op("*", units, _num(roast["rate"])), extra)
    # "how long in hours", "how long in minutes and in hours": each unit asked, in turn.
    asked: list[str] = []
    for word in _TIME_ASKED.findall(text[roast.end() :]):
        if _unit_of(_MINUTES, word) not in [_unit_of(_MINUTES, a) for a in asked]:
            asked.append(word)
    if len(asked) > 2 or (
        len(asked) == 2 and _unit_of(_MINUTES, asked[0]) > _unit_of(_MINUTES, asked[1])
    ):
        return None  # "in hours and minutes" asks one time in both ("1 h 50 min")
    if not asked:
        return [(time, f"the time by weight plus the time added, in {roast['runit']}")]
    found: list[tuple[Node, str]] = []
    for word in asked:
        factor = rate_unit / _unit_of(_MINUTES, word)
        said: Node = time
        if factor > 1.0:
            said = Op("*", time, Num(factor, f"{factor:.15g}"))
        elif factor < 1.0:
            said = Op("/", time, Num(1 / factor, f"{1 / factor:.15g}"))
        found.append((said, f"the time by weight plus the time added, in {word.lower()}"))
    return found


# "1 kg bag of sugar", "a 500 ml bottle of oil": what there is, the size of its pack.
_PACK = re.compile(
    rf"(?<![\w.])(?P<amount>{_AMOUNT})\s*(?P<unit>{_UNIT})\s+(?:bag|tub|bottle|jar|carton|pack|"
    r"packet|tin|box|block|jug)\s+of\s+[a-z]+\b",
    re.I,
)
# "used 450 g", "the recipe needs 340 g": an amount taken out of it, after a verb of taking.
_TAKEN = re.compile(
    r"\b(?:used|use|using|uses|need|needs|needed|takes?|took|taken|poured|pour|ate|eaten|"
    r"added|add|adding|requires?|required|calls\s+for)\s+(?:up\s+)?(?:another\s+|a\s+further\s+)?"
    rf"(?P<amount>{_AMOUNT})\s*(?P<unit>{_UNIT})(?![\w\u00b3])",
    re.I,
)
_LEFT_ASKED = re.compile(
    r"\bhow\s+much\s+(?:[a-z]+\s+)?(?:will\s+(?:there\s+)?be|would\s+be|is|'s|do\s+i\s+have|"
    r"will\s+i\s+have)\s+(?:left|remaining)(?:\s+(?:over|in\s+(?:the\s+)?[a-z]+))?\s*[?.!]*$",
    re.I,
)


def _left_in_pack(text: str) -> list[tuple[Node, str]] | None:
    """ "1 kg bag of sugar, already used 450 g of it and the recipe needs 340 g. how much
    will be left": the pack less each amount taken, in the smallest unit said; None unless
    every number is the pack or an amount taken, all of one kind (mass, volume), and no
    more is taken than there is."""
    pack = _PACK.search(text)
    if pack is None or not _LEFT_ASKED.search(text):
        return None
    taken = [m for m in _TAKEN.finditer(text) if m.start() > pack.end()]
    amounts = [pack, *taken]
    if not taken or {m.start("amount") for m in amounts} != {
        m.start() for m in _ANY_NUMBER.finditer(text)
    }:
        return None  # a number neither the pack nor an amount taken
    sizes = [_size_of(m["unit"]) for m in amounts]
    if any(size is None for size in sizes) or len({size[0] for size in sizes if size}) != 1:
        return None
    smallest = min(size[1] for size in sizes if size)
    unit = next(
        m["unit"] for m, size in zip(amounts, sizes, strict=True) if size and size[1] == smallest
    )

    def in_smallest(match: re.Match[str], size: float) -> Node:
        amount = _num(match["amount"])
        if size == smallest:
            return amount
        return Op("*", amount, Num(size / smallest, f"{size / smallest:.15g}"))

    pairs = [(m, size[1]) for m, size in zip(amounts, sizes, strict=True) if size]
    if sum(float(m["amount"]) * s for m, s in pairs[1:]) > float(pack["amount"]) * pairs[0][1]:
        return None  # more taken than there is
    left = in_smallest(*pairs[0])
    for match, size in pairs[1:]:
        left = Op("-", left, in_smallest(match, size))
    return [(left, f"left in the {pack['unit']} pack, in {unit}")]


# --- baker's percentages ----------------------------------------------------------------

# "(bakers %)", "baker's percentages": each ingredient given as a percentage of the flour.
_BAKERS = re.compile(r"\bbakers?'?s?'?\s*(?:%|percent(?:ages?|s)?\b)", re.I)
_FLOUR = re.compile(
    r"(?<![\w.])(?P<amount>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(?P<unit>kg|g|grams?|kilos?)\s+"
    r"(?:of\s+)?(?:[a-z]+\s+)?flour\b",
    re.I,
)
# "salt at 2%", "yeast 1.5%", "70% water": an ingredient and its percentage.
_OF_FLOUR = re.compile(
    r"\b(?!(?:with|and|at|of|is|plus|the|an?|to|on|in|for|then)\b)(?P<name>[a-z]+)\s+"
    r"(?:at\s+|is\s+|of\s+)?(?P<pct>\d+(?:\.\d+)?)\s*%"
    r"|(?<![\w.])(?P<pct_first>\d+(?:\.\d+)?)\s*%\s+(?:of\s+)?(?P<name_after>[a-z]+)",
    re.I,
)
# What is asked is a weight: "grams of salt", "how much water".
_WEIGHT_ASKED = re.compile(r"\b(?:how\s+(?:much|many)|grams?|g|kg|kilos?|weights?)\b", re.I)
# "how much does the salt cost": money, or anything but the weight, is not read.
_NOT_WEIGHT = re.compile(
    r"\b(?:cost|costs|price|prices|pay|spend|calories|kcal|litres?|ml)\b|[$\u00a3\u20ac]", re.I
)
_GRAMS = re.compile(r"\b(?:grams?|g)\b", re.I)
_KILOS = re.compile(r"\b(?:kg|kilos?)\b", re.I)


def _bakers_percentages(text: str) -> list[tuple[Node, str]] | None:
    """ "2,500g flour, salt at 2%, yeast 1.5%, water 68% (bakers %). grams of salt, yeast and
    water": the flour times each percentage asked, in the order asked; None unless every
    number is the flour's weight or an ingredient's percentage, and the question after them
    asks the weight of ingredients given and names nothing else with a number."""
    bakers, flour = _BAKERS.search(text), _FLOUR.search(text)
    if bakers is None or flour is None:
        return None
    parts = list(_OF_FLOUR.finditer(text))
    names = [(m["name"] or m["name_after"]).lower() for m in parts]
    if not parts or len(set(names)) != len(names) or "flour" in names:
        return None
    if len(_ANY_NUMBER.findall(text.replace(",", ""))) != 1 + len(parts):
        return None  # a number that is none of these: a count of loaves, a price
    tail = text[max(parts[-1].end(), bakers.end()) :]
    if re.search(r"\d", tail) or not _WEIGHT_ASKED.search(tail) or _NOT_WEIGHT.search(tail):
        return None
    # "grams of salt, yeast and water": each thing listed ends with an ingredient given.
    listed = [re.findall(r"[a-z]+", item) for item in re.split(r",|\band\b", tail.lower())]
    last = [words[-1] for words in listed if words]
    if not last or any(word not in names for word in last):
        return None  # "how much water and sugar": sugar is not given
    asked = [names.index(word) for word in dict.fromkeys(last)]
    grams = flour["unit"].lower().startswith("g")
    if (grams and _KILOS.search(tail)) or (not grams and _GRAMS.search(tail)):
        return None  # asked in another unit than the flour's
    weight = _num(flour["amount"].replace(",", ""))
    unit = "g" if grams else "kg"
    found: list[tuple[Node, str]] = []
    for i in asked:
        share = Op("/", _num(parts[i]["pct"] or parts[i]["pct_first"]), Num(100, "100"))
        found.append((Op("*", weight, share), f"{names[i]}, in {unit}"))
    return found


def read_recipe(context: str | None, task: str) -> list[tuple[Node, str]] | None:
    """The amounts a request about a recipe or a mix asks, each with its label: a recipe
    scaled, parts of a mix, a roasting time by weight; None when it is none of them."""
    text = " ".join((task if context is None else f"{context} {task}").split())
    return (
        _mix(text)
        or _roasting_time(text)
        or _scaled_recipe(text)
        or _left_in_pack(text)
        or _bakers_percentages(text)
    )

"""League points from results: so many points a win and a draw, and the games won, drawn, lost.

"quiz league is 3 pts for a win and 1 for a draw. we've won 9, drawn 4 and lost 5. how many
points and how many points per game": the points are 3 * 9 + 1 * 4 = 31, and per game they
are over all the games played, 31 / (9 + 4 + 5); or over the games said played ("we've played
18, won 9, drawn 4": 31 / 18), when they are at least the results counted. A loss scores
nothing unless the request gives it points too. It is read only when the points of a win
are said, every result played is counted once, no other number is said, and the question
asks the points or the points a game.
"""

from __future__ import annotations

import re

from orchestra.agents.analyst.wording import Node, Num, Op

__all__ = ["read_league_points"]

_AMOUNT = r"\d+(?:\.\d+)?"
_POINTS = r"(?:points?|pts?)"
_RESULTS = {"win": "win", "draw": "draw", "loss": "loss", "tie": "draw", "defeat": "loss"}
# "3 pts for a win", "1 for a draw", "3 points a win", "0 for a loss".
_POINTS_FOR = re.compile(
    rf"(?<![\w.])(?P<points>{_AMOUNT})\s*(?:{_POINTS}\s+)?(?:for\s+(?:an?\s+|each\s+|every\s+)?|"
    r"an?\s+|per\s+)(?P<result>win|draw|tie|loss|defeat)\b",
    re.I,
)
# "won 9, drawn 4 and lost 5", "9 wins, 4 draws and 5 losses".
_PLAYED = re.compile(
    r"\b(?P<verb>won|drawn|drew|tied|lost)\s+(?P<count>\d+)\b|"
    r"(?<![\w.])(?P<count2>\d+)\s+(?P<noun>wins|win|draws|draw|ties|tie|losses|loss|defeats)\b",
    re.I,
)
# "we've played 18", "played 18 games": all the games, the losses among them unsaid.
_PLAYED_ALL = re.compile(r"\bplayed\s+(?P<games>\d+)(?:\s+(?:games|matches))?(?![\w.])", re.I)
_VERB_RESULT = {"won": "win", "drawn": "draw", "drew": "draw", "tied": "draw", "lost": "loss"}
_ASKS_POINTS = re.compile(
    rf"\b(?:how\s+many|total|what\s+are\s+(?:our|my|the)|our|my)\s+{_POINTS}\b", re.I
)
_ASKS_PER_GAME = re.compile(
    rf"\b(?:{_POINTS}|that|it|this|the\s+result\s+of\s+the\s+previous\s+part)\s+(?:per|a|each)\s+"
    r"(?:game|match|round|fixture)\b|"
    rf"\baverage\s+{_POINTS}\b",
    re.I,
)
_NUMBER = re.compile(rf"(?<![\w.]){_AMOUNT}(?!\w|\.\d)")


def _num(text: str) -> Num:
    return Num(float(text), text)


def read_league_points(context: str | None, text: str) -> tuple[tuple[Node, str], ...] | None:
    """The points from the results played, and the points a game, as asked; or None."""
    whole = f"{context} {text}" if context is not None else text
    points: dict[str, str] = {}
    for m in _POINTS_FOR.finditer(whole):
        result = _RESULTS[m.group("result").lower()]
        if result in points:
            return None  # a result given two scores
        points[result] = m.group("points")
    played: dict[str, str] = {}
    for m in _PLAYED.finditer(whole):
        if m.group("verb"):
            result, count = _VERB_RESULT[m.group("verb").lower()], m.group("count")
        else:
            result = _RESULTS[m.group("noun").lower().rstrip("s").replace("losse", "loss")]
            count = m.group("count2")
        if result in played:
            return None
        played[result] = count
    if "win" not in points or "win" not in played:
        return None
    if any(r not in played for r in points if r != "loss") or any(
        r not in points and r != "loss" for r in played
    ):
        return None  # draws counted with no points said for one, or the other way round
    played_all = list(_PLAYED_ALL.finditer(whole))
    if len(played_all) > 1:
        return None
    all_games = played_all[0].group("games") if played_all else None
    if all_games is not None:
        counted = sum(float(n) for n in played.values())
        if float(all_games) < counted or ("loss" in played and float(all_games) != counted):
            return None  # more results than games, or the losses said and not adding up
    said = sorted(float(n) for n in _NUMBER.findall(whole))
    read = [*points.values(), *played.values(), *([all_games] if all_games else [])]
    if said != sorted(float(n) for n in read):
        return None  # a number the reading leaves out
    asks_points, asks_per_game = _ASKS_POINTS.search(whole), _ASKS_PER_GAME.search(whole)
    if asks_points is None and asks_per_game is None:
        return None
    if asks_per_game is None and re.search(r"\b(?:per|a|each)\s+(?:game|match)\b", whole, re.I):
        return None  # something a game is asked that is not read: not the points alone
    total: Node | None = None
    for result, count in played.items():
        if result in points:
            scored = Op("*", _num(points[result]), _num(count))
            total = scored if total is None else Op("+", total, scored)
    games: Node | None = None
    for count in played.values():
        games = _num(count) if games is None else Op("+", games, _num(count))
    if all_games is not None:
        games = _num(all_games)
    if total is None or games is None:
        return None
    asked: list[tuple[Node, str]] = []
    if asks_points is not None and (
        asks_per_game is None or asks_points.end() <= asks_per_game.start()
    ):  # "our points per game" asks the points a game alone
        asked.append((total, "the points"))
    if asks_per_game is not None:
        asked.append((Op("/", total, games), "the points per game"))
    return tuple(asked)

"""What a unit counter says, without drawing it: the NATO-style type symbol, the size mark, the
short designation and the strength figure. Kept apart from pygame so any front end (and a test)
reads the same marks from the scenario's data."""

from __future__ import annotations

import re

from game.rules.state import GameState, UnitState
from game.scenario.models import UnitType

SHORT_MAX = 6  # characters of an abbreviated designation
THOUSAND = 1000
TEN_THOUSAND = 10_000
MILLION = 999_500  # from here "1000k" would be five characters

# The NATO-style symbol each unit category draws (see counters.py for the drawings).
KIND_OF_CATEGORY = {
    "infantry": "infantry",
    "cavalry": "cavalry",
    "armour": "armour",
    "motorized": "mechanized",
    "artillery": "artillery",
    "airborne": "airborne",
    "garrison": "fortress",
    "engineer": "engineers",
    "headquarters": "hq",
    "naval": "naval",
}
# Words in a type's name that say more than its category does ("Cavalry-mechanized group").
KIND_WORDS = (
    ("anti-tank", "antitank"),
    ("rear", "supply"),
    ("air army", "air"),
    ("aviation", "air"),
    ("engineer", "engineers"),
    ("fortified", "fortress"),
    ("headquarters", "hq"),
)
# Size marks over the symbol, smallest first: the word in a unit's or type's name that sets it.
SIZE_WORDS = (
    ("battalion", "II"),
    ("detachment", "II"),
    ("regiment", "III"),
    ("brigade", "X"),
    ("division", "XX"),
    ("corps", "XXX"),
    ("group", "XXX"),
    ("army", "XXXX"),
    ("front", "XXXXX"),
)
ORDINAL = re.compile(r"^(\d+)(st|nd|rd|th)?$", re.IGNORECASE)


def unit_kind(utype: UnitType) -> str:
    """The symbol of a unit type: its category's, unless its name says something finer."""
    name = utype.name.lower()
    for word, kind in KIND_WORDS:
        if word in name:
            return kind
    return KIND_OF_CATEGORY.get(utype.category, "infantry")


def size_mark(unit_name: str, utype: UnitType) -> str:
    """The echelon mark (II, III, X, XX, XXX, XXXX): the unit's own name wins over its type's,
    and the name before any bracket counts first ("119th Division (4th Army)" is a division)."""
    head = re.split(r"[(:,]", unit_name, maxsplit=1)[0].lower()
    for text in (head, unit_name.lower(), utype.name.lower()):
        found = [mark for word, mark in SIZE_WORDS if re.search(rf"\b{word}", text)]
        if found:
            return max(found, key=len)
    return ""


def short_name(unit_name: str, short: str = "") -> str:
    """The designation printed on a counter: the scenario's `short`; else the ordinal number and
    the initials of the capitalised words before any bracket, when the number comes first or
    second ("5th Guards Tank Corps (6th...)"
    is "5GTC"); else the initials of three or more capitalised words ("Chuguevka Operational
    Group" is "COG"); else the first word cut to SHORT_MAX letters."""
    if short:
        return short
    head = re.split(r"[(:,]", unit_name, maxsplit=1)[0]
    words = head.replace("-", " ").split() or [unit_name]
    number = next((m.group(1) for w in words[:2] if (m := ORDINAL.match(w))), "")
    initials = "".join(w[0] for w in words if w[:1].isupper())
    if number:
        return (number + initials)[:SHORT_MAX]
    if len(initials) >= 3:
        return initials[:SHORT_MAX]
    return words[0][:SHORT_MAX]


def strength_text(men: int) -> str:
    """Men as a figure of at most four characters, so it always fits on a counter: 950, 4.5k,
    116k, 1.2M."""
    if men >= MILLION:
        return f"{men / MILLION:.1f}M"
    if men >= TEN_THOUSAND:
        return f"{round(men / THOUSAND)}k"
    if men >= THOUSAND:
        return f"{men / THOUSAND:.1f}k".replace(".0k", "k")
    return str(men)


def armour_text(tanks: int) -> str:
    """Tanks under the men's figure, when the unit has any."""
    return f"{tanks}t" if tanks else ""


def counter_marks(state: GameState, u: UnitState) -> tuple[str, str, str, str, str]:
    """(symbol kind, size mark, designation, men, tanks) for one unit on the map."""
    key = (id(state.scenario), u.id, u.type, u.name)
    fixed = _FIXED.get(key)
    if fixed is None:
        utype = state.scenario.unit_types[u.type]
        short = _shorts(state).get(u.id, "")
        fixed = _FIXED[key] = (
            unit_kind(utype),
            size_mark(u.name, utype),
            short_name(u.name, short),
        )
    return (*fixed, strength_text(u.men), armour_text(u.tanks))


# What never changes during a game, per scenario object and unit (a counter is drawn each frame).
_FIXED: dict[tuple[int, str, str, str], tuple[str, str, str]] = {}


_SHORTS: dict[int, dict[str, str]] = {}


def _shorts(state: GameState) -> dict[str, str]:
    """Each unit's `short` from the scenario, looked up once per scenario object."""
    key = id(state.scenario)
    found = _SHORTS.get(key)
    if found is None:
        found = _SHORTS[key] = {m.id: m.short for m in state.scenario.units if m.short}
    return found

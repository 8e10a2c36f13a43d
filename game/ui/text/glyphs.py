"""What each character of the text map means, and the `legend` that says so.

A hex is three characters and a gap. A hex with no unit shows its terrain glyph three times; the
middle one gives way to a crossing (on a river) or the best route through the hex, and the first
to `@` at a named place. A hex with units shows the side's letter, the unit's one-letter code
(or the number of units in a stack) and the terrain glyph. The gap after a hex shows `|` where
a zone's edge runs between it and its eastern neighbour, `!` where a national border does, or a
mark (such as a movement cost).
Unit codes are one character, one per unit symbol of the scenario, so a code means one thing
in a scenario; `unit_codes` gives the most common symbols the best letters.
"""

from __future__ import annotations

import textwrap
from collections import Counter

from game.rules.state import GameState, UnitState
from game.ui.map_contents import glyph_of
from game.ui.map_overlays import national_borders

CROSSING_GLYPH = {"bridge": "H", "pontoon": "P", "ford": "%"}
ROUTE_GLYPH = {"railway": "+", "road": "-", "track": "'"}  # the first a hex has is drawn
ROUTE_ORDER = ("railway", "road", "track")
PLACE_GLYPH = "@"
ZONE_EDGE = "|"
BORDER_EDGE = "!"
MANY = "+"  # a stack of ten or more
MARK = "<"  # a hex picked out by the front end
LEGEND_WIDTH = 90  # characters a wrapped legend line may take


def symbol_of(state: GameState, u: UnitState) -> str:
    utype = state.scenario.unit_types[u.type]
    return utype.symbol or utype.name


def unit_codes(state: GameState) -> dict[str, str]:
    """Symbol -> one-character code, unique within the scenario: the commonest symbols first,
    each the first free of its letters (lower case, then upper case), else any free letter."""
    count = Counter(symbol_of(state, u) for u in state.units.values())
    taken: set[str] = set()
    codes: dict[str, str] = {}
    for symbol, _ in sorted(count.items(), key=lambda kv: (-kv[1], kv[0])):
        letters = [c for c in symbol if c.isalpha()]
        options = [letters[0].lower(), letters[0].upper()] if letters else []
        options += [c.lower() for c in letters[1:]] + [c.upper() for c in letters[1:]]
        options += [chr(c) for c in range(ord("a"), ord("z") + 1)]
        options += [chr(c) for c in range(ord("A"), ord("Z") + 1)]
        code = next((c for c in options if c not in taken), "?")
        taken.add(code)
        codes[symbol] = code
    return codes


def side_letter(state: GameState, side: str) -> str:
    """First letter of the side's adjective, upper case; the second side gets a different one."""
    first, second = state.board.sides
    a = (state.board.adjective[first] or first)[0].upper()
    b = (state.board.adjective[second] or second)[0].upper()
    if a == b:
        b = b.lower()
    return a if side == first else b


def route_glyph(kinds: tuple[str, ...]) -> str:
    return next((ROUTE_GLYPH[k] for k in ROUTE_ORDER if k in kinds), "")


def legend_lines(state: GameState) -> list[str]:
    """Every glyph the map can show in this scenario, every unit code, and the places."""
    board = state.board
    terrain = sorted({tid for tid in board.terrain_id.values()})
    lines = ["Each hex is three characters; the gap after it may hold a mark.", "Terrain:"]
    lines += [f"  {glyph_of(state, t) * 3}  {state.scenario.terrain[t].name}" for t in terrain]
    crossings = sorted(set(board.crossing.values()))
    routes = [k for k in ROUTE_ORDER if any(k in v for v in board.route_kinds.values())]
    if crossings or routes:
        lines.append("Crossings and routes (the middle character):")
        river = next((glyph_of(state, t) for t in terrain if state.scenario.terrain[t].river), "~")
        lines += [f"  {river}{CROSSING_GLYPH[k]}{river}  {k} over the river" for k in crossings]
        lines += [f"  .{ROUTE_GLYPH[k]}.  {k}" for k in routes]
    lines.append("Units (side letter, unit code or number in the stack, terrain):")
    for side in board.sides:
        lines.append(f"  {side_letter(state, side)}..  {board.adjective[side]}")
    lines.append(f"  X3.  three units in one hex ({MANY} for ten or more); 'info HEX' lists them")
    codes = unit_codes(state)
    names: dict[str, list[str]] = {}
    for u in state.units.values():
        utype = state.scenario.unit_types[u.type]
        kinds = names.setdefault(symbol_of(state, u), [])
        if utype.name.lower() not in kinds:
            kinds.append(utype.name.lower())
    lines.append("Unit codes:")
    for symbol, code in sorted(codes.items(), key=lambda kv: kv[1].lower() + kv[1]):
        lines.append(f"  {code}  {symbol}: {', '.join(sorted(names[symbol]))}")
    lines.append("Other marks:")
    lines.append(f"  {PLACE_GLYPH}..  a named place (listed below)")
    if board.zones:
        zones = ", ".join(z.name for z in board.zone_models.values())
        lines.append(f"  {ZONE_EDGE}    the edge of a zone between two hexes ({zones})")
    borders = national_borders(board)
    if borders.edges:
        lines.append(
            f"  {BORDER_EDGE}    a national border between two hexes; 'info HEX' names the country"
        )
        lines += textwrap.wrap(
            "(" + ", ".join(borders.names) + ")",
            LEGEND_WIDTH,
            initial_indent=" " * 7,
            subsequent_indent=" " * 8,
        )
    lines.append("  .3.  on 'reach UNIT': the movement points it costs to get there (+ above 9)")
    lines.append("Places:")
    for p in state.scenario.places:
        owner = state.place_owner.get(p.id, "")
        held = f", held by {board.adjective.get(owner, owner)}" if owner else ""
        vp = f", {p.vp} VP" if p.vp else ""
        lines.append(f"  [{p.at[0]},{p.at[1]}] {p.name}{vp}{held}")
    return lines

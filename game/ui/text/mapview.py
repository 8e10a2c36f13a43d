"""The hex map as text: offset rows, terrain glyphs, unit markers, coordinates on the edges.

Each hex is three characters wide plus a gap; odd rows are shifted two characters right, as the
odd-r layout of the scenario's map rows. A hex with units shows the side's letter and the top
unit's symbol ("STk"), or the count when several share the hex ("S*3"); a named place with no
unit shows "@". Colour comes from `Palette`, which is empty when colour is off.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.hexes import Coord, Hex, coord
from game.rules.state import GameState, UnitState
from game.ui.map_contents import glyph_of, stacks

CELL = 4  # characters per hex, including the gap


@dataclass(frozen=True)
class Palette:
    """ANSI escapes per side and for places; all empty means plain text."""

    side: dict[str, str]
    place: str = ""
    reset: str = ""

    @staticmethod
    def plain() -> Palette:
        return Palette(side={})

    @staticmethod
    def ansi(state: GameState) -> Palette:
        colours = {}
        for s in state.scenario.sides:
            r, g, b = (int(s.colour[i : i + 2], 16) for i in (1, 3, 5))
            colours[s.id] = f"\x1b[1;38;2;{r};{g};{b}m"
        return Palette(side=colours, place="\x1b[1;4m", reset="\x1b[0m")


def side_letter(state: GameState, side: str) -> str:
    """First letter of the side's adjective, upper case; the second side gets a different one."""
    first, second = state.board.sides
    a = (state.board.adjective[first] or first)[0].upper()
    b = (state.board.adjective[second] or second)[0].upper()
    if a == b:
        b = b.lower()
    return a if side == first else b


def unit_symbol(state: GameState, u: UnitState) -> str:
    utype = state.scenario.unit_types[u.type]
    return (utype.symbol or utype.name)[:2]


def hex_cell(
    state: GameState, h: Hex, units: list[UnitState] | None, palette: Palette, marked: bool
) -> str:
    board = state.board
    glyph = glyph_of(state, board.terrain_id[h])
    if units:
        top = units[0]
        letter = side_letter(state, top.side)
        body = f"{letter}*{len(units)}" if len(units) > 1 else letter + unit_symbol(state, top)
        body = body.ljust(3)[:3]
        colour = palette.side.get(top.side, "")
        text = f"{colour}{body}{palette.reset}" if colour else body
    elif h in board.place_at:
        body = "@" + glyph * 2
        text = f"{palette.place}{body}{palette.reset}" if palette.place else body
    else:
        text = glyph * 3
    return text + ("<" if marked else " ")


def render_map(
    state: GameState,
    palette: Palette | None = None,
    visible: set[str] | None = None,
    area: tuple[Coord, Coord] | None = None,
    marks: frozenset[Coord] = frozenset(),
) -> str:
    """The map (or the area between two corners) with coordinates, a legend and place list."""
    palette = palette or Palette.plain()
    board = state.board
    (c0, r0), (c1, r1) = area or ((0, 0), (board.width - 1, board.height - 1))
    c0, c1 = max(0, min(c0, c1)), min(board.width - 1, max(c0, c1))
    r0, r1 = max(0, min(r0, r1)), min(board.height - 1, max(r0, r1))
    by_hex = stacks(state, visible)
    lines = []
    header = "    " + "".join(f"{c:<{CELL}}" for c in range(c0, c1 + 1))
    lines.append(header.rstrip())
    for row in range(r0, r1 + 1):
        indent = "  " if row % 2 else ""
        cells = []
        for col in range(c0, c1 + 1):
            h = Hex.from_offset(col, row)
            if h not in board.coord:
                cells.append(" " * CELL)
                continue
            cells.append(hex_cell(state, h, by_hex.get(h), palette, (col, row) in marks))
        lines.append(f"{row:>3} {indent}{''.join(cells)}".rstrip() + f"  {row}")
    lines.append(header.rstrip())
    lines.append("")
    lines.append(legend(state, area=(coord(c0, r0), coord(c1, r1))))
    return "\n".join(lines)


def legend(state: GameState, area: tuple[Coord, Coord]) -> str:
    board = state.board
    (c0, r0), (c1, r1) = area
    seen: dict[str, str] = {}
    for h, tid in board.terrain_id.items():
        col, row = board.coord[h]
        if c0 <= col <= c1 and r0 <= row <= r1:
            seen.setdefault(tid, board.terrain[h].name)
    terrain = "  ".join(f"{glyph_of(state, t) * 2} {name}" for t, name in sorted(seen.items()))
    first, second = board.sides
    units = (
        f"{side_letter(state, first)}.. {board.adjective[first]} unit  "
        f"{side_letter(state, second)}.. {board.adjective[second]} unit  "
        "X*3 three units  @ named place  < marked"
    )
    places = []
    for p in state.scenario.places:
        col, row = p.at
        if not (c0 <= col <= c1 and r0 <= row <= r1):
            continue
        owner = state.place_owner.get(p.id, "")
        held = f", held by {board.adjective.get(owner, owner)}" if owner else ""
        vp = f", {p.vp} VP" if p.vp else ""
        places.append(f"  @ [{col},{row}] {p.name}{vp}{held}")
    return "\n".join(["Terrain: " + terrain, "Units:   " + units, "Places:", *places])

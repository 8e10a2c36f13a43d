"""The hex map as text: offset rows, terrain, crossings, routes, zone edges, national borders,
units and places,
with coordinates on the edges, cut to a viewport that fits the terminal.

Each hex is three characters wide plus a gap; odd rows are shifted two characters right, as the
odd-r layout of the scenario's map rows. game/ui/text/glyphs.py says what each character means.
Colour comes from `Palette`, which is empty when colour is off.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from game.hexes import Coord, Hex, coord
from game.rules.state import GameState, UnitState
from game.ui.map_contents import glyph_of, stacks
from game.ui.map_overlays import national_borders
from game.ui.text.glyphs import (
    BORDER_EDGE,
    CROSSING_GLYPH,
    MANY,
    PLACE_GLYPH,
    ZONE_EDGE,
    route_glyph,
    side_letter,
    symbol_of,
    unit_codes,
)

CELL = 4  # characters per hex, including the gap
LEFT = 6  # the row label and the odd rows' indent
RIGHT = 4  # the row label on the right
MAP_CHROME_ROWS = 3  # column labels above and below the map, and the line under it
MAX_STACK_DIGIT = 9


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


def fit(columns: int, rows: int) -> tuple[int, int]:
    """How many hex columns and rows fit in a block of text `columns` wide and `rows` high."""
    return max(1, (columns - LEFT - RIGHT) // CELL), max(1, rows - MAP_CHROME_ROWS)


def terrain_body(state: GameState, h: Hex) -> str:
    """Three characters for a hex without units: terrain, with a crossing or route in the
    middle and the place mark first."""
    board = state.board
    glyph = glyph_of(state, board.terrain_id[h])
    middle = CROSSING_GLYPH.get(board.crossing.get(h, ""), "") if h in board.river else ""
    middle = middle or route_glyph(board.route_kinds.get(h, ())) or glyph
    first = PLACE_GLYPH if h in board.place_at else glyph
    return first + middle + glyph


def unit_body(state: GameState, h: Hex, units: list[UnitState], codes: dict[str, str]) -> str:
    """Three characters for a hex with units: side letter, unit code or stack size, terrain."""
    top = units[0]
    if len(units) == 1:
        code = codes.get(symbol_of(state, top), "?")
    else:
        code = str(len(units)) if len(units) <= MAX_STACK_DIGIT else MANY
    return side_letter(state, top.side) + code + terrain_body(state, h)[2]


def zone_edge(state: GameState, h: Hex, col: int, row: int) -> bool:
    """Whether a zone's edge runs between the hex and its eastern neighbour."""
    east = Hex.from_offset(col + 1, row)
    if east not in state.board.coord:
        return False
    return any((h in hexes) != (east in hexes) for hexes in state.board.zones.values())


def border_edge(state: GameState, col: int, row: int) -> bool:
    """Whether a national border runs between the hex and its eastern neighbour."""
    country = national_borders(state.board).country
    here, east = country.get(coord(col, row)), country.get(coord(col + 1, row))
    return here is not None and east is not None and here != east


def edge_mark(state: GameState, h: Hex, col: int, row: int) -> str:
    """The gap after a hex: a national border, else a zone's edge, else blank (a zone drawn along
    a border, such as the ground the Kwantung Army may not enter, shows as the border)."""
    if border_edge(state, col, row):
        return BORDER_EDGE
    return ZONE_EDGE if zone_edge(state, h, col, row) else " "


def hex_cell(
    state: GameState,
    h: Hex,
    units: list[UnitState] | None,
    palette: Palette,
    mark: str,
    codes: dict[str, str],
) -> str:
    col, row = state.board.coord[h]
    if units:
        body = unit_body(state, h, units, codes)
        colour = palette.side.get(units[0].side, "")
        text = f"{colour}{body}{palette.reset}" if colour else body
    else:
        body = terrain_body(state, h)
        if mark:  # in the middle of an empty hex, so it plainly belongs to it
            body, mark = body[0] + mark + body[2], ""
        place = body.startswith(PLACE_GLYPH) and palette.place
        text = f"{palette.place}{body}{palette.reset}" if place else body
    gap = mark or edge_mark(state, h, col, row)
    return text + gap


def clip_area(state: GameState, area: tuple[Coord, Coord] | None) -> tuple[Coord, Coord]:
    board = state.board
    (c0, r0), (c1, r1) = area or ((0, 0), (board.width - 1, board.height - 1))
    c0, c1 = max(0, min(c0, c1)), min(board.width - 1, max(c0, c1))
    r0, r1 = max(0, min(r0, r1)), min(board.height - 1, max(r0, r1))
    return coord(c0, r0), coord(c1, r1)


def render_map(
    state: GameState,
    palette: Palette | None = None,
    visible: set[str] | None = None,
    area: tuple[Coord, Coord] | None = None,
    marks: Mapping[Coord, str] | None = None,
) -> str:
    """The map (or the area between two corners) with coordinates on every edge; `marks` puts
    a character in the middle of some hexes (in the gap after one with units)."""
    palette = palette or Palette.plain()
    marks = marks or {}
    board = state.board
    (c0, r0), (c1, r1) = clip_area(state, area)
    by_hex = stacks(state, visible)
    codes = unit_codes(state)
    header = "    " + "".join(f"{c:<{CELL}}" for c in range(c0, c1 + 1))
    lines = [header.rstrip()]
    for row in range(r0, r1 + 1):
        indent = "  " if row % 2 else ""
        cells = []
        for col in range(c0, c1 + 1):
            h = Hex.from_offset(col, row)
            if h not in board.coord:
                cells.append(" " * CELL)
                continue
            mark = marks.get(coord(col, row), "")
            cells.append(hex_cell(state, h, by_hex.get(h), palette, mark, codes))
        body = "".join(cells)
        lines.append(f"{row:>3} {indent}{body}".rstrip() + f"  {row}")
    lines.append(header.rstrip())
    return "\n".join(lines)


@dataclass
class Viewport:
    """The part of the map the terminal shows: its top-left hex; its size comes from the
    terminal each time the map is drawn."""

    col: int = 0
    row: int = 0

    def area(self, state: GameState, columns: int, rows: int) -> tuple[Coord, Coord]:
        """The hexes shown in a block `columns` by `rows`, the view kept on the map."""
        n_cols, n_rows = fit(columns, rows)
        width, height = state.board.width, state.board.height
        self.col = max(0, min(self.col, width - n_cols))
        self.row = max(0, min(self.row, height - n_rows))
        return coord(self.col, self.row), coord(self.col + n_cols - 1, self.row + n_rows - 1)

    def centre(self, state: GameState, at: Coord, columns: int, rows: int) -> None:
        n_cols, n_rows = fit(columns, rows)
        self.col, self.row = at[0] - n_cols // 2, at[1] - n_rows // 2
        self.area(state, columns, rows)

    def scroll(self, state: GameState, direction: str, columns: int, rows: int) -> None:
        """Move half a view north, south, east or west."""
        n_cols, n_rows = fit(columns, rows)
        dc, dr = {"n": (0, -1), "s": (0, 1), "e": (1, 0), "w": (-1, 0)}[direction]
        self.col += dc * max(1, n_cols // 2)
        self.row += dr * max(1, n_rows // 2)
        self.area(state, columns, rows)


def view_summary(state: GameState, area: tuple[Coord, Coord]) -> str:
    """The line under the map: what part of the map it is, and how to see the rest."""
    (c0, r0), (c1, r1) = area
    board = state.board
    if (c0, r0) == (0, 0) and (c1, r1) == (board.width - 1, board.height - 1):
        return "The whole map; 'legend' says what the letters mean."
    return (
        f"Columns {c0}-{c1}, rows {r0}-{r1} of {board.width}x{board.height}; "
        "map N/S/E/W, map PLACE, legend"
    )

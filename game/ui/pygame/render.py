"""Drawing the hex map and its counters onto a pygame Surface.

Text-forward, in the tradition of hex-and-counter wargames: terrain is a flat colour with its
glyph, places carry their names, and each unit counter shows its type symbol, a short
designation and its strength. The renderer reads the state and never changes it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pygame

from game.hexes import Coord, Hex
from game.rules.state import GameState, UnitState
from game.scenario.library import fonts_dir
from game.ui.map_contents import glyph_of, stacks
from game.ui.pygame.layout import HexLayout

Colour = tuple[int, int, int]
FONT_DIR = fonts_dir()

INK: Colour = (30, 28, 24)
PAPER: Colour = (236, 230, 214)
GRID: Colour = (120, 110, 90)
ROAD: Colour = (150, 90, 50)
RAIL: Colour = (40, 40, 40)
SELECT: Colour = (255, 255, 255)
REACH: Colour = (255, 250, 160)
TARGET: Colour = (220, 40, 40)


def hex_colour(text: str) -> Colour:
    return (int(text[1:3], 16), int(text[3:5], 16), int(text[5:7], 16))


def shade(c: Colour, f: float) -> Colour:
    return (min(255, int(c[0] * f)), min(255, int(c[1] * f)), min(255, int(c[2] * f)))


class Fonts:
    """Monospace fonts at a few sizes, from assets/ (pygame's own font if missing)."""

    def __init__(self) -> None:
        self._cache: dict[tuple[int, bool], pygame.font.Font] = {}

    def get(self, size: int, bold: bool = False) -> pygame.font.Font:
        key = (size, bold)
        if key not in self._cache:
            name = "DejaVuSansMono-Bold.ttf" if bold else "DejaVuSansMono.ttf"
            path = FONT_DIR / name
            self._cache[key] = pygame.font.Font(str(path) if path.is_file() else None, size)
        return self._cache[key]


@dataclass
class MapMarks:
    """What the player has picked: the selected unit, hexes it can reach, a target."""

    selected_hex: Coord | None = None
    reachable: frozenset[Coord] = frozenset()
    targets: frozenset[Coord] = frozenset()
    path: list[Coord] = field(default_factory=list)


def draw_map(
    surf: pygame.Surface,
    state: GameState,
    layout: HexLayout,
    fonts: Fonts,
    marks: MapMarks | None = None,
    visible: set[str] | None = None,
) -> None:
    marks = marks or MapMarks()
    board = state.board
    size = layout.size
    glyph_font = fonts.get(max(8, int(size * 0.55)))
    for h in board.hexes:
        c = board.coord[h]
        terrain = board.terrain[h]
        fill = hex_colour(terrain.colour)
        if c in marks.reachable:
            fill = tuple(int(a * 0.6 + b * 0.4) for a, b in zip(fill, REACH, strict=True))  # type: ignore[assignment]
        pts = layout.corners(c)
        pygame.draw.polygon(surf, fill, pts)
        pygame.draw.polygon(surf, shade(fill, 0.8), pts, 1)
        if size >= 10:
            g = glyph_font.render(glyph_of(state, board.terrain_id[h]), True, shade(fill, 0.55))
            cx, cy = layout.centre(c)
            surf.blit(g, g.get_rect(center=(cx, cy + size * 0.45)))
    _draw_zones(surf, state, layout)
    _draw_routes(surf, state, layout)
    _draw_crossings(surf, state, layout, fonts)
    _draw_places(surf, state, layout, fonts)
    if marks.path:
        pts = [layout.centre(c) for c in marks.path]
        if len(pts) > 1:
            pygame.draw.lines(surf, SELECT, False, pts, max(2, int(size / 8)))
    by_hex = stacks(state, visible)
    for h, units in by_hex.items():
        draw_counter(surf, state, layout, fonts, board.coord[h], units)
    for target in marks.targets:
        pygame.draw.polygon(surf, TARGET, layout.corners(target, inset=2), max(2, int(size / 9)))
    if marks.selected_hex is not None:
        pygame.draw.polygon(
            surf, SELECT, layout.corners(marks.selected_hex, inset=1), max(2, int(size / 8))
        )


def _draw_zones(surf: pygame.Surface, state: GameState, layout: HexLayout) -> None:
    """Restricted zones get a dashed red edge where they border the outside."""
    board = state.board
    for zone_id, hexes in board.zones.items():
        z = board.zone_models[zone_id]
        if not z.restricted_for:
            continue
        for h in hexes:
            for i, n in enumerate(h.neighbours()):
                if n in hexes or n not in board.coord:
                    continue
                a, b = _edge_points(layout, board.coord[h], i)
                pygame.draw.line(surf, (190, 30, 30), a, b, max(2, int(layout.size / 7)))


# Corner indices of the edge facing each neighbour direction (E, NE, NW, W, SW, SE).
_EDGE = ((0, 1), (5, 0), (4, 5), (3, 4), (2, 3), (1, 2))


def _edge_points(
    layout: HexLayout, c: Coord, direction: int
) -> tuple[tuple[float, float], tuple[float, float]]:
    corners = layout.corners(c)
    i, j = _EDGE[direction]
    return corners[i], corners[j]


def _draw_routes(surf: pygame.Surface, state: GameState, layout: HexLayout) -> None:
    board = state.board
    drawn: set[tuple[Hex, Hex]] = set()
    for (a, b), _cost in board.route_move.items():
        if (b, a) in drawn:
            continue
        drawn.add((a, b))
        kinds = set(board.route_kinds.get(a, ())) & set(board.route_kinds.get(b, ()))
        pa, pb = layout.centre(board.coord[a]), layout.centre(board.coord[b])
        if "railway" in kinds:
            pygame.draw.line(surf, RAIL, pa, pb, max(2, int(layout.size / 9)))
        if kinds & {"road", "track"}:
            pygame.draw.line(surf, ROAD, pa, pb, max(1, int(layout.size / 12)))


def _draw_crossings(
    surf: pygame.Surface, state: GameState, layout: HexLayout, fonts: Fonts
) -> None:
    board = state.board
    for h, kind in board.crossing.items():
        cx, cy = layout.centre(board.coord[h])
        s = layout.size * 0.45
        colour = INK if kind == "bridge" else (90, 60, 30)
        width = max(2, int(layout.size / 8))
        if kind == "ford":
            pygame.draw.line(surf, colour, (cx - s, cy - s / 2), (cx + s, cy - s / 2), 1)
            pygame.draw.line(surf, colour, (cx - s, cy + s / 2), (cx + s, cy + s / 2), 1)
        else:
            pygame.draw.line(surf, colour, (cx - s, cy - s / 3), (cx + s, cy - s / 3), width)
            pygame.draw.line(surf, colour, (cx - s, cy + s / 3), (cx + s, cy + s / 3), width)


def _draw_places(surf: pygame.Surface, state: GameState, layout: HexLayout, fonts: Fonts) -> None:
    board = state.board
    font = fonts.get(max(9, int(layout.size * 0.42)), bold=True)
    for pid, h in board.place_hex.items():
        p = board.places[pid]
        cx, cy = layout.centre(board.coord[h])
        owner = state.place_owner.get(pid, "")
        dot = hex_colour(_side_colour(state, owner)) if owner else INK
        r = max(3, int(layout.size / 6))
        pygame.draw.circle(surf, dot, (int(cx), int(cy - layout.size * 0.55)), r)
        pygame.draw.circle(surf, INK, (int(cx), int(cy - layout.size * 0.55)), r, 1)
        label = p.name + (f" ({p.vp})" if p.vp else "")
        text = font.render(label, True, INK)
        rect = text.get_rect(midbottom=(cx, cy - layout.size * 0.55 - r))
        back = pygame.Surface((rect.width + 4, rect.height), pygame.SRCALPHA)
        back.fill((*PAPER, 190))
        surf.blit(back, (rect.x - 2, rect.y))
        surf.blit(text, rect)


def _side_colour(state: GameState, side: str) -> str:
    for s in state.scenario.sides:
        if s.id == side:
            return s.colour
    return "#808080"


def counter_lines(state: GameState, u: UnitState) -> tuple[str, str, str]:
    """The three lines printed on a counter: symbol, short designation, strength."""
    utype = state.scenario.unit_types[u.type]
    symbol = utype.symbol or utype.name[:3]
    name = u.name
    for word in (" Brigade", " Regiment", " Division", " Army", " Corps", " Group", " Detachment"):
        name = name.replace(word, "")
    short = name.replace("Motorized", "Mot").replace("Infantry", "Inf").replace("Cavalry", "Cav")
    if u.men >= 10_000:
        men = f"{u.men / 1000:.0f}k"
    elif u.men >= 1000:
        men = f"{u.men / 1000:.1f}k"
    else:
        men = str(u.men)
    strength = men + (f" {u.tanks}t" if u.tanks else "")
    return symbol, short, strength


def draw_counter(
    surf: pygame.Surface,
    state: GameState,
    layout: HexLayout,
    fonts: Fonts,
    c: Coord,
    units: list[UnitState],
) -> None:
    top = units[0]
    cx, cy = layout.centre(c)
    w = layout.size * 1.25
    h = layout.size * 1.05
    rect = pygame.Rect(0, 0, int(w), int(h))
    rect.center = (int(cx), int(cy + layout.size * 0.05))
    colour = hex_colour(_side_colour(state, top.side))
    if len(units) > 1:  # a shadow counter says there are more underneath
        under = rect.move(3, -3)
        pygame.draw.rect(surf, shade(colour, 0.7), under, border_radius=2)
        pygame.draw.rect(surf, INK, under, 1, border_radius=2)
    pygame.draw.rect(surf, colour, rect, border_radius=2)
    pygame.draw.rect(surf, INK, rect, 1, border_radius=2)
    if not top.supplied:
        pygame.draw.line(surf, (250, 220, 0), rect.topleft, rect.topright, 3)
    light = sum(colour) > 380
    ink = INK if light else (245, 245, 240)
    lines = counter_lines(state, top)
    size = max(7, int(layout.size * 0.33))
    font = fonts.get(size)
    bold = fonts.get(size, bold=True)
    y = rect.top + 1
    for i, text in enumerate(lines):
        f = bold if i == 0 else font
        label = (
            text
            if f.size(text)[0] <= rect.width - 2
            else text[: max(1, len(text) * (rect.width - 2) // max(1, f.size(text)[0]))]
        )
        img = f.render(label, True, ink)
        surf.blit(img, img.get_rect(midtop=(rect.centerx, y)))
        y += f.get_linesize() - 1
    if len(units) > 1:
        badge = fonts.get(size, bold=True).render(str(len(units)), True, INK)
        br = badge.get_rect(topright=(rect.right + 4, rect.top - 6))
        pygame.draw.circle(surf, PAPER, br.center, max(br.width, br.height) // 2 + 1)
        surf.blit(badge, br)

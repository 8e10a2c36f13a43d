"""Country names on the map, as atlases print them: faint capitals inside each country, so the
player sees which side of a national border is whose. Drawn under place names and counters.

A name goes where it fits wholly inside its country (checked at points across the label), clear
of named places, counters and crossings, trying the hexes deepest inside the country first; a
country too small for its name at this zoom goes unnamed (the hex panel still names it); a large
one is named again, up to MAX_REPEATS times, REPEAT_GAP_PX apart on screen, so most views show
whose ground is whose. Placed once per board, zoom and set of occupied hexes, then only moved.
"""

from __future__ import annotations

import math
import weakref
from collections import OrderedDict

import pygame

from game.hexes import Hex
from game.rules.board import Board
from game.ui.map_overlays import country_cores, national_borders
from game.ui.pygame.layout import HexLayout
from game.ui.pygame.palette import Colour

NAME_INK: Colour = (92, 18, 96)  # the border's own ink
NAME_HALO: Colour = (250, 240, 248)
NAME_ALPHA = 190  # of 255: the names sit back behind the map's marks
MIN_NAME_PX, MAX_NAME_PX = 10, 26
NAME_SHARE = 0.6  # of the hex size: the names' letter size
PLACE_CLEARANCE = 4  # hexes kept free either side of a place: its name runs out beside it
KEPT_PLACINGS = 8  # placings kept per board (zoom levels and unit positions seen lately)
MAX_REPEATS = 8  # a large country is named again in its other parts, as atlases do
REPEAT_GAP_PX = 450  # pixels on screen between two of one country's names

# (country, picture, where) in map pixels, hex [0,0] centred at (0, 0)
Placed = list[tuple[str, pygame.Surface, pygame.Rect]]
_PLACED: weakref.WeakKeyDictionary[Board, OrderedDict[tuple[float, frozenset[Hex]], Placed]] = (
    weakref.WeakKeyDictionary()
)


def short_name(name: str) -> str:
    """The name as the map prints it: capitals, without a bracketed gloss ("Korea (Japan)")."""
    return name.split(" (")[0].upper()


def name_picture(text: str, font: pygame.font.Font) -> pygame.Surface:
    """Dark capitals in a thin pale halo, a little transparent."""
    ink = font.render(text, True, NAME_INK)
    halo = font.render(text, True, NAME_HALO)
    picture = pygame.Surface((ink.get_width() + 2, ink.get_height() + 2), pygame.SRCALPHA)
    for dx, dy in ((0, 0), (2, 0), (0, 2), (2, 2), (1, 0), (0, 1), (2, 1), (1, 2)):
        picture.blit(halo, (dx, dy))
    picture.blit(ink, (1, 1))
    picture.set_alpha(NAME_ALPHA)
    return picture


def _fits(board: Board, name: str, rect: pygame.Rect, layout: HexLayout) -> bool:
    """Whether every point sampled across `rect` lies in a hex of country `name`."""
    country = national_borders(board).country
    step = max(4, int(layout.size / 2))
    xs = [*range(rect.left, rect.right, step), rect.right]
    for y in (rect.top, rect.centery, rect.bottom):
        for x in xs:
            if country.get(layout.at_pixel(x, y)) != name:
                return False
    return True


def _clear_of(
    marks: list[tuple[float, float]], rect: pygame.Rect, reach: tuple[float, float]
) -> bool:
    """Whether none of the `marks` (hex centres) lies within `reach` (pixels across, down) of
    `rect`."""
    near = rect.inflate(int(reach[0]), int(reach[1]))
    return not any(near.collidepoint(p) for p in marks)


def place_names(
    board: Board, size: float, font: pygame.font.Font, occupied: frozenset[Hex] = frozenset()
) -> Placed:
    """Each country's name picture and where it goes, in map pixels (hex [0,0] centred at the
    origin), clear of named places and of the `occupied` hexes (counters); worked out once per
    board, hex size and set of occupied hexes (the last few are kept)."""
    kept = _PLACED.setdefault(board, OrderedDict())
    key = (size, occupied)
    hit = kept.get(key)
    if hit is not None:
        kept.move_to_end(key)
        return hit
    layout = HexLayout(size, (0.0, 0.0))
    places = [layout.centre(board.coord[h]) for h in board.place_at]
    marks = [layout.centre(board.coord[h]) for h in occupied | set(board.crossing)]
    place_reach = (layout.width * PLACE_CLEARANCE * 2, size * 3)
    mark_reach = (size * 2, size * 2)
    gap = max(4, math.ceil(REPEAT_GAP_PX / layout.width))
    placed: Placed = []
    for name, hexes in country_cores(board).items():
        picture = name_picture(short_name(name), font)
        spots: list[Hex] = []
        for c in hexes:
            h = Hex.from_offset(*c)
            if len(spots) == MAX_REPEATS:
                break
            if any(h.distance(o) < gap for o in spots):
                continue
            rect = picture.get_rect(center=tuple(round(v) for v in layout.centre(c)))
            if (
                _clear_of(places, rect, place_reach)
                and _clear_of(marks, rect, mark_reach)
                and _fits(board, name, rect, layout)
            ):
                placed.append((name, picture, rect))
                spots.append(h)
    kept[key] = placed
    if len(kept) > KEPT_PLACINGS:
        kept.popitem(last=False)
    return placed


def draw_country_names(
    surf: pygame.Surface,
    board: Board,
    layout: HexLayout,
    font: pygame.font.Font,
    occupied: frozenset[Hex] = frozenset(),
) -> None:
    """The names that fit, moved to the view's origin."""
    if not national_borders(board).edges:
        return
    view = surf.get_clip()
    ox, oy = round(layout.origin[0]), round(layout.origin[1])
    for _name, picture, rect in place_names(board, layout.size, font, occupied):
        at = rect.move(ox, oy)
        if at.colliderect(view):
            surf.blit(picture, at)


def name_size(hex_size: float) -> int:
    """Letter size of the country names at a hex size."""
    return max(MIN_NAME_PX, min(MAX_NAME_PX, int(hex_size * NAME_SHARE)))

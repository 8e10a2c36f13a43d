"""Drawing the hex map and its counters onto a pygame Surface.

Text-forward, in the tradition of hex-and-counter wargames: terrain is a flat colour with its
glyph, places carry their names, and each unit counter shows its type symbol, a short
designation and its strength. The renderer reads the state and never changes it.
"""

from __future__ import annotations

import functools
import math
import weakref
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

import pygame

from game.hexes import Coord, Hex, coord
from game.rules.state import GameState, UnitState
from game.scenario.library import fonts_dir
from game.ui.counter_marks import counter_marks
from game.ui.map_contents import glyph_of, stacks
from game.ui.map_overlays import national_borders, places_by_priority
from game.ui.pygame.counters import CounterLook, counter_pad, counter_picture, counter_rect
from game.ui.pygame.country_names import draw_country_names, name_size
from game.ui.pygame.layout import SQRT3, HexLayout
from game.ui.pygame.palette import Colour, glyph_ink, hex_colour, mix, shade, side_fills

__all__ = ["Colour", "hex_colour", "shade"]
FONT_DIR = fonts_dir()

INK: Colour = (30, 28, 24)
PAPER: Colour = (236, 230, 214)
GRID: Colour = (120, 110, 90)
ROAD: Colour = (150, 90, 50)
RAIL: Colour = (40, 40, 40)
SELECT: Colour = (255, 255, 255)
TARGET: Colour = (220, 40, 40)
FOG: Colour = (120, 124, 132)
FOG_SHARE = 0.55  # of the fog's grey in a hex the viewer cannot see into
UNREACHABLE_SHADE = 0.55  # brightness left to a hex the selected unit cannot reach
FRONT: Colour = (20, 18, 16)
FRONT_CORE: Colour = (255, 236, 140)
ZOC: Colour = (150, 20, 60)
PONTOON: Colour = (120, 70, 20)
HALO_LIGHT: Colour = (245, 245, 240)
ZONE_EDGE: Colour = (140, 40, 170)  # restricted zones: purple, apart from both sides' colours
ZONE_LINE: Colour = (50, 80, 150)  # other zones: slate blue, dashed
# National borders, as atlases draw them: a dark dash-dot line on a pale ribbon, so the line reads
# on dark forest and pale steppe alike and is told from the solid front line by its pattern.
BORDER_INK: Colour = (92, 18, 96)
BORDER_RIBBON: Colour = (246, 218, 240)
MIN_BORDER_PATTERN_HEX = 12.0  # below this hex size the dash-dot closes up into a solid line
MIN_GLYPH_HEX = 10.0  # hex size from which terrain glyphs are drawn
MIN_COORD_HEX = 16.0  # and from which coordinates fit
MIN_MINOR_LABEL_HEX = 14.0  # below this hex size only places worth victory points are named
FULL_NAME_HEX = 34.0  # from this hex size a name keeps its bracket ("Khamar-Daba (...)")
MIN_LABEL_PX = 8


class CachedFont(pygame.font.Font):
    """A font that remembers the text it has rendered and measured: a frame draws mostly the
    same labels, panel lines and glyphs as the one before, and rendering and measuring text were
    the costliest part of it. Callers only blit what render() returns, never draw on it."""

    MAX_TEXTS = 1024

    def __init__(self, path: str | None, size: int) -> None:
        super().__init__(path, size)
        self._rendered: dict[tuple[object, ...], pygame.Surface] = {}
        self._sizes: dict[str, tuple[int, int]] = {}

    def render(self, text: Any, antialias: Any, color: Any, bgcolor: Any = None) -> pygame.Surface:
        key = (text, bool(antialias), tuple(color), None if bgcolor is None else tuple(bgcolor))
        hit = self._rendered.get(key)
        if hit is None:
            if len(self._rendered) >= self.MAX_TEXTS:
                self._rendered.clear()
            hit = super().render(text, antialias, color, bgcolor)
            self._rendered[key] = hit
        return hit

    def size(self, text: Any) -> tuple[int, int]:
        hit = self._sizes.get(text)
        if hit is None:
            if len(self._sizes) >= self.MAX_TEXTS:
                self._sizes.clear()
            hit = self._sizes[text] = super().size(text)
        return hit


class Fonts:
    """Monospace fonts at a few sizes, from assets/ (pygame's own font if missing). One Fonts
    belongs to one window, and so does the map's drawing cache (see map_cache)."""

    def __init__(self) -> None:
        self._cache: dict[tuple[int, bool], pygame.font.Font] = {}

    def get(self, size: int, bold: bool = False) -> pygame.font.Font:
        key = (size, bold)
        if key not in self._cache:
            name = "DejaVuSansMono-Bold.ttf" if bold else "DejaVuSansMono.ttf"
            path = FONT_DIR / name
            self._cache[key] = CachedFont(str(path) if path.is_file() else None, size)
        return self._cache[key]


@dataclass
class MapMarks:
    """What the player has picked: the selected unit, hexes it can reach, a target."""

    selected_hex: Coord | None = None
    reachable: frozenset[Coord] = frozenset()
    targets: frozenset[Coord] = frozenset()
    path: list[Coord] = field(default_factory=list)
    palette: str = "standard"
    layer: LayerMarks = field(default_factory=lambda: LayerMarks())


@dataclass(frozen=True)
class LayerMarks:
    """What the kept terrain layer shows besides the terrain: the hexes a selected unit can
    reach (the others are darkened), fogged hexes, the enemy's zones of control, hex
    coordinates and the front line. A change of any of them redraws the layer."""

    reach: frozenset[Coord] = frozenset()
    fog: frozenset[Coord] = frozenset()
    zoc: frozenset[Coord] = frozenset()
    coords: bool = False
    front: frozenset[tuple[Coord, int]] = frozenset()


def draw_map(
    surf: pygame.Surface,
    state: GameState,
    layout: HexLayout,
    fonts: Fonts,
    marks: MapMarks | None = None,
    visible: set[str] | None = None,
) -> None:
    """Draw the part of the map inside the surface's clip (the whole surface if none): terrain,
    routes and crossings come from a kept layer, places and counters from kept pictures."""
    marks = marks or MapMarks()
    layout = HexLayout(layout.size, (round(layout.origin[0]), round(layout.origin[1])))
    view = surf.get_clip()
    cache = map_cache(fonts)
    layer = marks.layer
    if marks.reachable and not layer.reach:
        layer = replace(layer, reach=marks.reachable)
    cache.terrain.draw(surf, state, layout, fonts, layer, view)
    board = state.board
    size = layout.size
    shown = {h: units for h, units in stacks(state, visible).items()}
    name_font = fonts.get(name_size(size), True)
    draw_country_names(surf, board, layout, name_font, frozenset(shown))
    boxes = [_counter_box(layout, board.coord[h]) for h in shown]
    _draw_places(surf, state, layout, fonts, view, cache, marks.palette, boxes)
    if marks.path:
        pts = [layout.centre(c) for c in marks.path]
        if len(pts) > 1:
            pygame.draw.lines(surf, SELECT, False, pts, max(2, int(size / 8)))
    near = view.inflate(int(size * 4), int(size * 4))
    for h, units in shown.items():
        c = board.coord[h]
        if near.collidepoint(layout.centre(c)):
            draw_counter(surf, state, layout, fonts, c, units, marks.palette)
    for target in marks.targets:
        pygame.draw.polygon(surf, TARGET, layout.corners(target, inset=2), max(2, int(size / 9)))
    if marks.selected_hex is not None:
        pygame.draw.polygon(
            surf, SELECT, layout.corners(marks.selected_hex, inset=1), max(2, int(size / 8))
        )


# --- the terrain layer, drawn once and scrolled -----------------------------------------------

MAX_PICTURES = 512  # counters and place labels kept per window
# Corner offsets of a pointy-top hex of size 1, clockwise from the east-south-east corner.
_UNIT_CORNERS = tuple(
    (math.cos(math.radians(60 * i - 30)), math.sin(math.radians(60 * i - 30))) for i in range(6)
)


class TerrainLayer:
    """The terrain, zones, routes and crossings under the map view, kept between frames. They
    change only with the zoom, the board, the view's size or the lit (reachable) hexes; when the
    map is dragged the layer scrolls and only the strips that come into view are drawn."""

    def __init__(self) -> None:
        self.key: tuple[object, ...] = ()
        self.surface: pygame.Surface | None = None
        self.origin = (0, 0)

    def draw(
        self,
        surf: pygame.Surface,
        state: GameState,
        layout: HexLayout,
        fonts: Fonts,
        marks: LayerMarks,
        view: pygame.Rect,
    ) -> None:
        key = (state.board, layout.size, marks, view.size)
        origin = (int(layout.origin[0]) - view.left, int(layout.origin[1]) - view.top)
        w, h = view.size
        dx, dy = origin[0] - self.origin[0], origin[1] - self.origin[1]
        self.origin = origin
        if self.surface is None or key != self.key or abs(dx) >= w or abs(dy) >= h:
            self.key = key
            self.surface = pygame.Surface(view.size)
            self._paint(state, fonts, marks, self.surface.get_rect())
        elif dx or dy:
            self.surface.scroll(dx, dy)
            strips = [
                pygame.Rect(0, 0, dx, h) if dx > 0 else pygame.Rect(w + dx, 0, -dx, h),
                pygame.Rect(0, 0, w, dy) if dy > 0 else pygame.Rect(0, h + dy, w, -dy),
            ]
            for strip in strips:
                if strip.width and strip.height:
                    self._paint(state, fonts, marks, strip)
        surf.blit(self.surface, view.topleft)

    def _paint(self, state: GameState, fonts: Fonts, marks: LayerMarks, area: pygame.Rect) -> None:
        """Draw everything of the terrain layer that falls inside `area` of the layer. It is drawn
        on a scratch surface with a margin wider than a hex and copied, because pygame draws a
        polygon cut by a surface's edge or clip a little differently from a whole one, and a
        strip drawn this way must match the layer drawn at once."""
        assert self.surface is not None
        size = self.key[1]
        assert isinstance(size, float)
        margin = int(2 * size) + 2
        scratch = pygame.Surface((area.width + 2 * margin, area.height + 2 * margin))
        scratch.fill(PAPER)
        shift = (self.origin[0] - area.left + margin, self.origin[1] - area.top + margin)
        local = HexLayout(size, (float(shift[0]), float(shift[1])))
        hexes = _hexes_near(state, size, area.move(-self.origin[0], -self.origin[1]))
        _draw_hexes(scratch, state, local, fonts, hexes, marks)
        inside = set(hexes)
        _draw_zones(scratch, state, local, inside)
        _draw_borders(scratch, state, local, inside)
        _draw_routes(scratch, state, local, inside)
        _draw_crossings(scratch, state, local, inside)
        _draw_front(scratch, state, local, inside, marks.front)
        _draw_border_beads(scratch, state, local, inside, marks.front)
        if marks.zoc:
            _draw_zoc(scratch, state, local, hexes, marks.zoc)
        if marks.coords:
            _draw_coords(scratch, state, local, fonts, hexes)
        self.surface.blit(scratch, area.topleft, pygame.Rect(margin, margin, *area.size))


def _hexes_near(state: GameState, size: float, area: pygame.Rect) -> list[Hex]:
    """Hexes that may show in `area` of map space (pixels from the centre of hex [0, 0]), in
    the board's order, which is the order they are drawn in."""
    board = state.board
    width, pitch, margin = SQRT3 * size, 1.5 * size, size + 2
    r0 = max(0, math.floor((area.top - margin) / pitch))
    r1 = min(board.height - 1, math.ceil((area.bottom + margin) / pitch))
    c0 = max(0, math.floor((area.left - margin) / width - 0.5))
    c1 = min(board.width - 1, math.ceil((area.right + margin) / width))
    out = []
    for r in range(r0, r1 + 1):
        for c in range(c0, c1 + 1):
            h = board.hex_at(coord(c, r))
            if h is not None:
                out.append(h)
    return out


def _draw_hexes(
    surf: pygame.Surface,
    state: GameState,
    layout: HexLayout,
    fonts: Fonts,
    hexes: list[Hex],
    marks: LayerMarks,
) -> None:
    """Each hex in its terrain's colour with a darker edge and the glyph; while a unit is
    selected the hexes it cannot reach are darkened, and fogged hexes are greyed."""
    board = state.board
    size = layout.size
    width, pitch = SQRT3 * size, 1.5 * size
    ox, oy = layout.origin
    glyph_font = fonts.get(max(8, int(size * 0.55)))
    looks: dict[tuple[str, bool, bool], tuple[Colour, Colour, pygame.Surface | None]] = {}
    for h in hexes:
        c = board.coord[h]
        tid = board.terrain_id[h]
        dim = bool(marks.reach) and c not in marks.reach
        fogged = c in marks.fog
        look = looks.get((tid, dim, fogged))
        if look is None:
            fill = hex_colour(board.terrain[h].colour)
            if fogged:
                fill = mix(fill, FOG, FOG_SHARE)
            if dim:
                fill = shade(fill, UNREACHABLE_SHADE)
            glyph = glyph_font.render(glyph_of(state, tid), True, glyph_ink(fill))
            look = looks[(tid, dim, fogged)] = (
                fill,
                shade(fill, 0.8),
                glyph if size >= MIN_GLYPH_HEX else None,
            )
        cx = ox + width * (c[0] + 0.5 * (c[1] & 1))
        cy = oy + pitch * c[1]
        pts = [(cx + size * dx, cy + size * dy) for dx, dy in _UNIT_CORNERS]
        pygame.draw.polygon(surf, look[0], pts)
        pygame.draw.polygon(surf, look[1], pts, 1)
        if look[2] is not None:
            surf.blit(look[2], look[2].get_rect(center=(cx, cy + size * 0.45)))


def _draw_front(
    surf: pygame.Surface,
    state: GameState,
    layout: HexLayout,
    inside: set[Hex],
    front: frozenset[tuple[Coord, int]],
) -> None:
    """The front line: a bold dark line with a light core along the edges between the sides."""
    width = front_width(layout.size)
    for c, direction in front:
        if Hex.from_offset(*c) not in inside:
            continue
        a, b = _edge_points(layout, c, direction)
        pygame.draw.line(surf, FRONT, a, b, width)
        pygame.draw.line(surf, FRONT_CORE, a, b, max(1, width // 3))


def front_width(size: float) -> int:
    """Pixels across the front line at a hex size (the border's ribbon is wider, see
    draw_border)."""
    return max(4, int(size / 4))


def _draw_zoc(
    surf: pygame.Surface,
    state: GameState,
    layout: HexLayout,
    hexes: list[Hex],
    zoc: frozenset[Coord],
) -> None:
    """The enemy's zones of control: hexes hatched in dark red."""
    board = state.board
    size = layout.size
    for h in hexes:
        c = board.coord[h]
        if c not in zoc:
            continue
        cx, cy = layout.centre(c)
        step = max(4.0, size / 3)
        k = -size
        while k < size:
            pygame.draw.line(surf, ZOC, (cx + k, cy + size * 0.5), (cx + k + size * 0.5, cy), 1)
            k += step
        pygame.draw.polygon(surf, ZOC, layout.corners(c, inset=2), 1)


def _draw_coords(
    surf: pygame.Surface, state: GameState, layout: HexLayout, fonts: Fonts, hexes: list[Hex]
) -> None:
    """Each hex's [col,row], as the command line names it."""
    if layout.size < MIN_COORD_HEX:
        return
    font = fonts.get(max(7, int(layout.size * 0.3)))
    board = state.board
    for h in hexes:
        c = board.coord[h]
        cx, cy = layout.centre(c)
        img = font.render(f"{c[0]},{c[1]}", True, INK)
        surf.blit(img, img.get_rect(midtop=(cx, cy - layout.size * 0.92)))


def _draw_zones(
    surf: pygame.Surface, state: GameState, layout: HexLayout, inside: set[Hex]
) -> None:
    """Every zone's outline where it borders the outside: restricted zones in solid purple,
    the others (a claimed line, a sector) dashed in slate blue; the legend names them. No line
    along the sea or a lake: nobody crosses there, so the edge tells a player nothing."""
    board = state.board
    width = max(2, int(layout.size / 7))
    for zone_id, hexes in board.zones.items():
        restricted = bool(board.zone_models[zone_id].restricted_for)
        for h in hexes & inside:
            for i, n in enumerate(h.neighbours()):
                if n in hexes or n not in board.coord or not board.terrain[n].move_cost:
                    continue
                a, b = _edge_points(layout, board.coord[h], i)
                if restricted:
                    pygame.draw.line(surf, ZONE_EDGE, a, b, width)
                else:
                    draw_dashes(surf, ZONE_LINE, a, b, max(2, width - 1), layout.size / 4)


def _draw_borders(
    surf: pygame.Surface, state: GameState, layout: HexLayout, inside: set[Hex]
) -> None:
    """National borders along the hex edges between two countries ([map.countries]): the
    ribbons first, then the dash-dot lines, so where borders meet no ribbon covers a line."""
    edges = [
        _edge_points(layout, c, d)
        for c, d in national_borders(state.board).edges
        if Hex.from_offset(*c) in inside
    ]
    for a, b in edges:
        draw_border(surf, a, b, layout.size, ribbon_only=True)
    for a, b in edges:
        draw_border(surf, a, b, layout.size, ribbon_only=False)


def _draw_border_beads(
    surf: pygame.Surface,
    state: GameState,
    layout: HexLayout,
    inside: set[Hex],
    front: frozenset[tuple[Coord, int]],
) -> None:
    """Where the front line runs along a national border it covers the border's line: the
    border's dots are drawn again on top, beads on the front, so the border still shows."""
    if not front:
        return
    board = state.board
    on_front = {_edge_key(board, c, d) for c, d in front}
    for c, d in national_borders(board).edges:
        if Hex.from_offset(*c) in inside and _edge_key(board, c, d) in on_front:
            for end in _edge_points(layout, c, d):
                _border_dot(surf, end, layout.size)


def _edge_key(board: Any, c: Coord, direction: int) -> frozenset[Coord]:
    """A hex edge named by the two hexes it parts, whichever side it was seen from."""
    n = Hex.from_offset(*c).neighbours()[direction]
    return frozenset((c, board.coord.get(n, c)))


def _border_dot(surf: pygame.Surface, at: tuple[float, float], size: float) -> None:
    ink = max(2, int(size / 9))
    radius = max(1.0, ink * 0.7)
    pygame.draw.circle(surf, BORDER_RIBBON, at, radius + 1.5)
    pygame.draw.circle(surf, BORDER_INK, at, radius)


def draw_border(
    surf: pygame.Surface,
    a: tuple[float, float],
    b: tuple[float, float],
    size: float,
    ribbon_only: bool = False,
) -> None:
    """One stretch of national border, a hex edge long (the legend draws its sample the same
    way): a pale ribbon under a dark line of a long dash between two dots, the dots on the
    hex corners so the pattern runs on unbroken from edge to edge."""
    ink = max(2, int(size / 9))
    if ribbon_only:  # wider than the front line, so it shows either side of a front along it
        ribbon = front_width(size) + 2 * max(2, int(size / 20))
        pygame.draw.line(surf, BORDER_RIBBON, a, b, ribbon)
        for end in (a, b):
            pygame.draw.circle(surf, BORDER_RIBBON, end, ribbon / 2)
        return
    if size < MIN_BORDER_PATTERN_HEX:
        pygame.draw.line(surf, BORDER_INK, a, b, ink)
        return
    dx, dy = b[0] - a[0], b[1] - a[1]
    pygame.draw.line(
        surf,
        BORDER_INK,
        (a[0] + dx * 0.25, a[1] + dy * 0.25),
        (a[0] + dx * 0.75, a[1] + dy * 0.75),
        ink,
    )
    for end in (a, b):
        pygame.draw.circle(surf, BORDER_INK, end, max(1.0, ink * 0.7))


# Corner indices of the edge facing each neighbour direction (E, NE, NW, W, SW, SE).
_EDGE = ((0, 1), (5, 0), (4, 5), (3, 4), (2, 3), (1, 2))


def _edge_points(
    layout: HexLayout, c: Coord, direction: int
) -> tuple[tuple[float, float], tuple[float, float]]:
    corners = layout.corners(c)
    i, j = _EDGE[direction]
    return corners[i], corners[j]


def _draw_routes(
    surf: pygame.Surface, state: GameState, layout: HexLayout, inside: set[Hex]
) -> None:
    """Railways as dark lines with cross-ties, roads as solid brown lines, tracks dashed."""
    board = state.board
    drawn: set[tuple[Hex, Hex]] = set()
    for (a, b), _cost in board.route_move.items():
        if (b, a) in drawn or (a not in inside and b not in inside):
            continue
        drawn.add((a, b))
        kinds = set(board.route_kinds.get(a, ())) & set(board.route_kinds.get(b, ()))
        pa, pb = layout.centre(board.coord[a]), layout.centre(board.coord[b])
        if "railway" in kinds:
            draw_rail(surf, pa, pb, layout.size)
        if "road" in kinds:
            pygame.draw.line(surf, ROAD, pa, pb, max(2, int(layout.size / 10)))
        elif "track" in kinds:
            draw_dashes(surf, ROAD, pa, pb, max(1, int(layout.size / 14)), layout.size / 5)


def draw_rail(
    surf: pygame.Surface, a: tuple[float, float], b: tuple[float, float], size: float
) -> None:
    """A railway: a dark line crossed by ties, so it never reads as a road."""
    pygame.draw.line(surf, RAIL, a, b, max(2, int(size / 12)))
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = max(1.0, math.hypot(dx, dy))
    nx, ny = -dy / length * size * 0.14, dx / length * size * 0.14
    for f in (0.25, 0.5, 0.75):
        x, y = a[0] + dx * f, a[1] + dy * f
        pygame.draw.line(surf, RAIL, (x - nx, y - ny), (x + nx, y + ny), max(1, int(size / 18)))


def draw_dashes(
    surf: pygame.Surface,
    colour: Colour,
    a: tuple[float, float],
    b: tuple[float, float],
    width: int,
    dash: float,
) -> None:
    dx, dy = b[0] - a[0], b[1] - a[1]
    steps = max(1, int(math.hypot(dx, dy) / max(2.0, dash)))
    for i in range(0, steps, 2):
        f0, f1 = i / steps, min(1.0, (i + 1) / steps)
        pygame.draw.line(
            surf, colour, (a[0] + dx * f0, a[1] + dy * f0), (a[0] + dx * f1, a[1] + dy * f1), width
        )


def _draw_crossings(
    surf: pygame.Surface, state: GameState, layout: HexLayout, inside: set[Hex]
) -> None:
    board = state.board
    for h, kind in board.crossing.items():
        if h in inside:
            draw_crossing(surf, kind, layout.centre(board.coord[h]), layout.size)


def draw_crossing(
    surf: pygame.Surface, kind: str, centre: tuple[float, float], size: float
) -> None:
    """A bridge (two dark rails with splayed ends), a pontoon bridge (a row of boats under a
    deck) or a ford (a pale dotted line through the water): three marks told apart at a
    glance, drawn the same way in the legend."""
    cx, cy = centre
    s = size * 0.45
    width = max(2, int(size / 8))
    if kind == "ford":
        r = max(1, int(size / 12))
        for i in range(-2, 3):
            pygame.draw.circle(surf, HALO_LIGHT, (int(cx + i * s / 2), int(cy)), r + 1)
            pygame.draw.circle(surf, INK, (int(cx + i * s / 2), int(cy)), r, 1)
    elif kind == "pontoon":
        pygame.draw.line(surf, PONTOON, (cx - s, cy - s / 4), (cx + s, cy - s / 4), width)
        for i in range(-2, 3):
            boat = pygame.Rect(0, 0, max(3, int(s / 3)), max(2, int(s / 4)))
            boat.center = (int(cx + i * s / 2.2), int(cy + s / 6))
            pygame.draw.ellipse(surf, PONTOON, boat)
    else:
        for sign in (-1, 1):
            y = cy + sign * s / 3
            pygame.draw.line(surf, INK, (cx - s, y), (cx + s, y), width)
            pygame.draw.line(surf, INK, (cx - s, y), (cx - s * 1.3, y + sign * s / 3), width)
            pygame.draw.line(surf, INK, (cx + s, y), (cx + s * 1.3, y + sign * s / 3), width)


# --- what changes during a game: places and counters, drawn from kept pictures -----------------


def _draw_places(
    surf: pygame.Surface,
    state: GameState,
    layout: HexLayout,
    fonts: Fonts,
    view: pygame.Rect,
    cache: MapCache,
    palette: str = "standard",
    counters: list[pygame.Rect] | None = None,
) -> None:
    """Place dots in the holder's colour, then the names that found room (see place_labels)."""
    board = state.board
    hs = layout.size
    near = view.inflate(int(hs * 12), int(hs * 4))
    r = max(3, int(hs / 6))
    for pid, h in board.place_hex.items():
        cx, cy = layout.centre(board.coord[h])
        if near.collidepoint(cx, cy):
            owner = state.place_owner.get(pid, "")
            dot = side_fill(state, owner, palette) if owner else INK
            centre = (int(cx), int(cy - hs * 0.55))
            pygame.draw.circle(surf, PAPER, centre, r + 1)
            pygame.draw.circle(surf, dot, centre, r)
            pygame.draw.circle(surf, INK, centre, r, 1)
    for _pid, picture, rect in place_labels(state, layout, fonts, view, cache, counters):
        surf.blit(picture, rect)


def place_labels(
    state: GameState,
    layout: HexLayout,
    fonts: Fonts,
    view: pygame.Rect,
    cache: MapCache,
    counters: list[pygame.Rect] | None = None,
) -> list[tuple[str, pygame.Surface, pygame.Rect]]:
    """Place names placed by priority (victory points, then size), sized by the zoom: each takes
    the first spot above, below, right or left of its place that is clear of other names and of
    the `counters`; a name worth victory points with no such spot takes the first spot clear
    of names only (it may go under a counter); any other is left out rather than drawn over
    another name."""
    board = state.board
    hs = layout.size
    near = view.inflate(int(hs * 12), int(hs * 4))
    r = max(3, int(hs / 6))
    placed: list[tuple[str, pygame.Surface, pygame.Rect]] = []
    taken: list[pygame.Rect] = []
    for pid in places_by_priority(state):
        cx, cy = layout.centre(board.coord[board.place_hex[pid]])
        p = board.places[pid]
        if not near.collidepoint(cx, cy) or (not p.vp and hs < MIN_MINOR_LABEL_HEX):
            continue
        size = max(MIN_LABEL_PX, int(hs * (0.42 if p.vp else 0.34)))
        name = p.name if hs >= FULL_NAME_HEX else p.name.split(" (")[0]
        label = name + (f" ({p.vp})" if p.vp else "")
        picture = cache.picture(
            ("place", label, size), functools.partial(_place_label, fonts, label, size)
        )
        spots = [picture.get_rect(**{a: pt}) for a, pt in _label_spots(cx, cy, hs, r)]
        free = [x for x in spots if x.collidelist(taken) < 0]
        clear = [x for x in free if x.collidelist(counters or []) < 0]
        rect = clear[0] if clear else (free[0] if free and p.vp else None)
        if rect is not None:
            taken.append(rect)
            placed.append((pid, picture, rect))
    return placed


def _label_spots(cx: float, cy: float, hs: float, r: int) -> list[tuple[str, tuple[float, float]]]:
    """Where a place's name may go, best first."""
    top = cy - hs * 0.55 - r
    return [
        ("midbottom", (cx, top)),
        ("midtop", (cx, cy + hs * 0.62)),
        ("midleft", (cx + hs * 0.7, cy - hs * 0.3)),
        ("midright", (cx - hs * 0.7, cy - hs * 0.3)),
    ]


def _place_label(fonts: Fonts, label: str, size: int) -> pygame.Surface:
    """A place's name on a pale, half-transparent band."""
    text = fonts.get(size, bold=True).render(label, True, INK)
    out = pygame.Surface((text.get_width() + 4, text.get_height()), pygame.SRCALPHA)
    out.fill((*PAPER, 190))
    out.blit(text, (2, 0))
    return out


def side_fill(state: GameState, side: str, palette: str) -> Colour:
    """A side's counter fill in the window's palette."""
    key = (id(state.scenario), palette)
    fills = _FILLS.get(key)
    if fills is None:
        sides = state.scenario.sides
        colours = side_fills([d.colour for d in sides], palette)
        fills = _FILLS[key] = {d.id: c for d, c in zip(sides, colours, strict=True)}
    return fills.get(side, (128, 128, 128))


_FILLS: dict[tuple[int, str], dict[str, Colour]] = {}


def counter_look(
    state: GameState, units: list[UnitState], palette: str, side_moving: str
) -> CounterLook:
    """What the counter of a stack shows: its top unit, how many are under it, and its state."""
    top = units[0]
    kind, mark, name, men, tanks = counter_marks(state, top)
    own_turn = top.side == side_moving
    return CounterLook(
        fill=side_fill(state, top.side, palette),
        kind=kind,
        size_mark=mark,
        name=name,
        men=men,
        tanks=tanks,
        stacked=len(units),
        out_of_supply=not top.supplied,
        encircled=top.encircled,
        entrenched=top.entrenched,
        moved=own_turn and top.moved,
        fought=top.has_attacked or top.in_combat,
    )


def _counter_box(layout: HexLayout, c: Coord) -> pygame.Rect:
    """Where the counter on hex `c` sits on the map."""
    cx, cy = layout.centre(c)
    return counter_rect(layout.size).move(int(cx), int(cy + layout.size * 0.05))


def draw_counter(
    surf: pygame.Surface,
    state: GameState,
    layout: HexLayout,
    fonts: Fonts,
    c: Coord,
    units: list[UnitState],
    palette: str = "standard",
) -> None:
    """The counter of the top unit of a stack, from the kept picture of its look."""
    cx, cy = layout.centre(c)
    look = counter_look(state, units, palette, state.side)
    picture = map_cache(fonts).picture(
        ("counter", look, layout.size),
        lambda: counter_picture(fonts.get, layout.size, look),
    )
    rect = counter_rect(layout.size)
    pad = counter_pad(layout.size)
    surf.blit(picture, (int(cx) + rect.x - pad, int(cy + layout.size * 0.05) + rect.y - pad))


# --- one window's memory of drawings -------------------------------------------------------------


class MapCache:
    """The terrain layer and the pictures (counters, place labels) of one window."""

    def __init__(self) -> None:
        self.terrain = TerrainLayer()
        self.pictures: OrderedDict[tuple[object, ...], pygame.Surface] = OrderedDict()

    def picture(
        self, key: tuple[object, ...], make: Callable[[], pygame.Surface]
    ) -> pygame.Surface:
        hit = self.pictures.get(key)
        if hit is None:
            hit = make()
            self.pictures[key] = hit
            if len(self.pictures) > MAX_PICTURES:
                self.pictures.popitem(last=False)
        return hit


_CACHES: weakref.WeakKeyDictionary[Fonts, MapCache] = weakref.WeakKeyDictionary()


def map_cache(fonts: Fonts) -> MapCache:
    """The drawing cache of the window that owns `fonts` (made on first use, gone with it)."""
    cache = _CACHES.get(fonts)
    if cache is None:
        cache = _CACHES[fonts] = MapCache()
    return cache


def forget_drawings(fonts: Fonts) -> None:
    """Drop a window's terrain layer and pictures, so the next frame draws the map anew."""
    _CACHES.pop(fonts, None)

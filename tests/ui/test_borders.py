"""National borders on the map: worked out from [map.countries], drawn by the window as a dash-dot
line on a pale ribbon (checked pixel by pixel), named in both legends and in the terminal map."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

os.environ["SDL_VIDEODRIVER"] = "dummy"

import pygame

from game.hexes import Coord, Hex, coord
from game.rules import Options, new_game
from game.rules.state import GameState
from game.scenario import load_scenario
from game.ui.controller import Controller
from game.ui.map_overlays import front_edges, national_borders
from game.ui.players import computer_player
from game.ui.pygame.app import Window, start_window
from game.ui.pygame.country_names import name_size, place_names
from game.ui.pygame.hud import draw_legend
from game.ui.pygame.layout import HexLayout
from game.ui.pygame.palette import (
    SEPARATION_STEP,
    contrast,
    hex_colour,
    side_fills,
    worst_difference,
)
from game.ui.pygame.render import (
    BORDER_INK,
    BORDER_RIBBON,
    FRONT,
    FRONT_CORE,
    Fonts,
    LayerMarks,
    MapMarks,
    draw_map,
)
from game.ui.pygame.settings import Settings
from game.ui.text.glyphs import BORDER_EDGE, legend_lines
from game.ui.text.mapview import render_map
from tests.conftest import SCENARIOS

M1945 = SCENARIOS / "manchuria_1945.toml"
K1939 = SCENARIOS / "khalkhin_gol_1939.toml"
SUIFENHE, GRODEKOVO = coord(32, 22), coord(33, 22)


@pytest.fixture(autouse=True)
def sdl() -> Iterator[None]:
    pygame.display.init()
    pygame.font.init()
    pygame.display.set_mode((64, 64))
    yield
    pygame.quit()


def state_of(path: object) -> GameState:
    return new_game(load_scenario(path), 1)  # type: ignore[arg-type]


def neighbour(c: Coord, direction: int, s: GameState) -> Coord | None:
    return s.board.coord.get(Hex.from_offset(*c).neighbours()[direction])


def quiet_edges(s: GameState) -> list[tuple[Coord, int]]:
    """Border edges with nothing drawn over them: no unit, place or route in either hex or
    next to it (counters, labels and route lines cross hex edges)."""
    busy: set[Coord] = set()
    for h in s.board.hexes:
        c = s.board.coord[h]
        if (
            h in s.board.place_at
            or s.board.route_kinds.get(h)
            or any(u.active and u.pos == h for u in s.units.values())
        ):
            busy.add(c)
            busy.update(s.board.coord[n] for n in h.neighbours() if n in s.board.coord)
    out = []
    for c, d in sorted(national_borders(s.board).edges):
        other = neighbour(c, d, s)
        if c not in busy and other not in busy:
            out.append((c, d))
    return out


def edge_points(layout: HexLayout, c: Coord, d: int) -> tuple[tuple[float, float], ...]:
    corners = layout.corners(c)
    i, j = ((0, 1), (5, 0), (4, 5), (3, 4), (2, 3), (1, 2))[d]
    return corners[i], corners[j]


def along(a: tuple[float, float], b: tuple[float, float], f: float) -> tuple[int, int]:
    return round(a[0] + (b[0] - a[0]) * f), round(a[1] + (b[1] - a[1]) * f)


def colour_at(surf: pygame.Surface, at: tuple[int, int]) -> tuple[int, int, int]:
    r, g, b, _ = surf.get_at(at)
    return (r, g, b)


# --- the borders, worked out -------------------------------------------------------------------


def test_the_1945_borders_part_soviet_and_manchukuo_hexes_and_never_touch_the_sea() -> None:
    s = state_of(M1945)
    borders = national_borders(s.board)
    parted = {frozenset((c, neighbour(c, d, s))) for c, d in borders.edges}
    assert frozenset((SUIFENHE, GRODEKOVO)) in parted
    assert all(None not in pair for pair in parted)
    for c, d in borders.edges:
        other = neighbour(c, d, s)
        assert other is not None and borders.country[c] != borders.country[other]
    assert "Manchukuo" in borders.names and "Soviet Union" in borders.names


def test_a_scenario_without_countries_has_no_borders() -> None:
    borders = national_borders(state_of(K1939).board)
    assert not borders.edges and not borders.country and borders.names == ()


# --- the window draws them ---------------------------------------------------------------------


def drawn(s: GameState, c: Coord, marks: MapMarks) -> tuple[pygame.Surface, HexLayout]:
    """The map drawn at hex size 40 with hex `c` in the middle of a 400 x 400 picture."""
    layout = HexLayout(40.0, (0.0, 0.0))
    x, y = layout.centre(c)
    layout = HexLayout(40.0, (200 - x, 200 - y))
    surf = pygame.Surface((400, 400))
    draw_map(surf, s, layout, Fonts(), marks)
    return surf, layout


def test_a_border_is_a_dash_between_dots_on_a_pale_ribbon() -> None:
    s = state_of(M1945)
    c, d = quiet_edges(s)[0]
    surf, layout = drawn(s, c, MapMarks())
    a, b = edge_points(layout, c, d)
    assert colour_at(surf, along(a, b, 0.5)) == BORDER_INK  # the dash
    assert colour_at(surf, along(a, b, 0.0)) == BORDER_INK  # a dot on the corner
    assert colour_at(surf, along(a, b, 0.14)) == BORDER_RIBBON  # the gap between them
    # the ribbon shows either side of the line
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = (dx * dx + dy * dy) ** 0.5
    mx, my = along(a, b, 0.5)
    for side in (-1, 1):
        at = (round(mx - dy / length * 4 * side), round(my + dx / length * 4 * side))
        assert colour_at(surf, at) == BORDER_RIBBON


def test_a_front_along_a_border_keeps_the_border_dots_on_top() -> None:
    s = state_of(M1945)
    c, d = quiet_edges(s)[0]
    surf, layout = drawn(s, c, MapMarks(layer=LayerMarks(front=frozenset({(c, d)}))))
    a, b = edge_points(layout, c, d)
    assert colour_at(surf, along(a, b, 0.5)) in (FRONT, FRONT_CORE)
    assert colour_at(surf, along(a, b, 0.0)) == BORDER_INK


def window_on(path: object, palette: str) -> Window:
    scenario = load_scenario(path)  # type: ignore[arg-type]
    controller = Controller(
        scenario,
        path,  # type: ignore[arg-type]
        {scenario.sides[0].id},
        seed=1,
        options=Options(fog=False),
        new_computer_player=computer_player(),
    )
    window = start_window(controller, (1600, 900), Settings(width=1600, height=900))
    window.hud.banner_until = 0
    window.hud.playback.skip()
    window.hud.popups.clear()
    window.settings.palette = palette
    return window


@pytest.mark.parametrize("palette", ["standard", "colour-blind"])
def test_the_1945_opening_screen_shows_the_border_along_its_edges(palette: str) -> None:
    w = window_on(M1945, palette)
    surf = pygame.Surface((1600, 900))
    w.draw(surf)
    s = w.controller.state
    front = {frozenset((c, neighbour(c, d, s))) for c, d in front_edges(s, None)}
    view = w.map_rect().inflate(-80, -80)
    checked = 0
    for c, d in quiet_edges(s):
        if frozenset((c, neighbour(c, d, s))) in front:
            continue
        a, b = edge_points(w.layout, c, d)
        mid = along(a, b, 0.5)
        if view.collidepoint(mid) and not w.hud.minimap_rect.inflate(20, 20).collidepoint(mid):
            assert colour_at(surf, mid) == BORDER_INK, (c, d)
            checked += 1
    assert checked >= 5  # the eastern border is in the opening view, much of it under units


def test_the_legend_shows_the_border_only_where_there_is_one() -> None:
    for path, expected in ((M1945, True), (K1939, False)):
        w = window_on(path, "standard")
        surf = pygame.Surface((1600, 900))
        surf.fill((0, 255, 0))
        draw_legend(surf, w, w.map_rect())
        ink = pygame.mask.from_threshold(surf, (*BORDER_INK, 255), (1, 1, 1, 255))
        assert (ink.count() > 0) == expected, path


def test_the_border_reads_on_every_terrain_and_stays_apart_from_the_sides() -> None:
    assert contrast(BORDER_INK, BORDER_RIBBON) >= 4.5
    for path in (M1945, K1939):
        s = load_scenario(path)
        for t in s.terrain.values():
            ground = hex_colour(t.colour)
            assert max(contrast(BORDER_INK, ground), contrast(BORDER_RIBBON, ground)) >= 3.0
        for palette in ("standard", "colour-blind"):
            for fill in side_fills([side.colour for side in s.sides], palette):
                assert worst_difference([BORDER_INK, fill]) >= SEPARATION_STEP


@pytest.mark.parametrize("size", [8.0, 29.25, 60.0])
def test_country_names_sit_inside_their_countries_clear_of_places(size: float) -> None:
    s = state_of(M1945)
    placed = place_names(s.board, size, Fonts().get(name_size(size), True))
    names = [name for name, _, _ in placed]
    assert "Manchukuo" in names and "Soviet Union" in names
    layout = HexLayout(size, (0.0, 0.0))
    country = national_borders(s.board).country
    places = [layout.centre(s.board.coord[h]) for h in s.board.place_at]
    for name, _, rect in placed:
        for corner in (rect.topleft, rect.topright, rect.bottomleft, rect.bottomright):
            assert country[layout.at_pixel(*corner)] == name
        assert not any(rect.collidepoint(p) for p in places)
    assert place_names(state_of(K1939).board, size, Fonts().get(name_size(size))) == []


# --- the terminal -------------------------------------------------------------------------------


def test_the_terminal_map_marks_the_border_and_its_legend_names_the_countries() -> None:
    s = state_of(M1945)
    row = render_map(s, area=(SUIFENHE, GRODEKOVO)).splitlines()[1]
    assert row.startswith(" 22 ")  # then Suifenhe's three characters and the gap after them
    assert row[4 + 3] == BORDER_EDGE
    legend = "\n".join(legend_lines(s))
    assert "national border" in legend and "Manchukuo" in legend and "Mongolian" in legend
    old = state_of(K1939)
    assert "national border" not in "\n".join(legend_lines(old))
    assert BORDER_EDGE not in render_map(old)

"""What the map shows besides terrain and counters: the front line, the opening view, fog,
zones of control and place names that never overlap (real scenarios, real pygame)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

os.environ["SDL_VIDEODRIVER"] = "dummy"

import pygame

from game.rules import Game, Options
from game.scenario import load_scenario
from game.ui.map_overlays import (
    control_map,
    enemy_zoc,
    front_edges,
    main_force_hex,
    places_by_priority,
    sight_hexes,
)
from game.ui.pygame.layout import HexLayout
from game.ui.pygame.render import Fonts, map_cache, place_labels
from tests.conftest import SCENARIOS

CAMPAIGNS = ["khalkhin_gol_1939", "manchuria_1945"]


def game(name: str, fog: bool = False) -> Game:
    return Game(load_scenario(SCENARIOS / f"{name}.toml"), 1, Options(fog=fog))


@pytest.mark.parametrize("name", CAMPAIGNS)
def test_the_front_runs_between_the_two_sides(name: str) -> None:
    s = game(name).state
    owner = control_map(s, None)
    edges = front_edges(s, None)
    assert edges
    for c, direction in edges:
        h = s.board.hex_at(c)
        assert h is not None
        other = h.neighbours()[direction]
        assert {owner[h], owner[other]} == set(s.board.sides)


@pytest.mark.parametrize("name", CAMPAIGNS)
def test_the_opening_view_is_on_the_main_force(name: str) -> None:
    s = game(name).state
    for side in s.board.sides:
        c = main_force_hex(s, side)
        own = [u for u in s.units.values() if u.active and u.side == side and u.coord == c]
        assert own, "the view opens on a hex holding the side's own units"


def test_fog_and_zones_of_control() -> None:
    s = game("khalkhin_gol_1939", fog=True).state
    seen = sight_hexes(s, "soviet")
    assert 0 < len(seen) < len(s.board.hexes)
    for u in s.units.values():
        if u.active and u.side == "soviet" and u.coord:
            assert u.coord in seen
    zoc = enemy_zoc(s, "soviet")
    japanese = {u.coord for u in s.units.values() if u.active and u.side == "japanese"}
    assert zoc and any(c in zoc for c in japanese)


@pytest.fixture
def fonts() -> Iterator[Fonts]:
    pygame.font.init()
    yield Fonts()
    pygame.quit()


@pytest.mark.parametrize("name", CAMPAIGNS)
@pytest.mark.parametrize("size", [10.0, 18.0, 26.0, 40.0, 64.0])
def test_place_names_never_overlap(fonts: Fonts, name: str, size: float) -> None:
    s = game(name).state
    layout = HexLayout(size, (size, size))
    view = pygame.Rect(0, 0, 4000, 4000)
    placed = place_labels(s, layout, fonts, view, map_cache(fonts))
    rects = [r for _, _, r in placed]
    for i, a in enumerate(rects):
        assert a.collidelist(rects[i + 1 :]) < 0
    # The most important place is always named.
    assert placed and placed[0][0] == places_by_priority(s)[0]

"""The window's kept drawings: a map dragged, zoomed or lit frame by frame looks exactly like the
same map drawn from nothing (real pygame under SDL's dummy driver)."""

from __future__ import annotations

import os
from collections.abc import Iterator

os.environ["SDL_VIDEODRIVER"] = "dummy"

import pygame
import pytest

from game.scenario import load_scenario
from game.ui.controller import Controller
from game.ui.players import computer_player
from game.ui.pygame.app import Window
from game.ui.pygame.render import forget_drawings
from tests.conftest import SCENARIOS

MAP_1945 = SCENARIOS / "manchuria_1945.toml"


@pytest.fixture
def window() -> Iterator[Window]:
    pygame.display.init()
    pygame.font.init()
    scenario = load_scenario(MAP_1945)
    controller = Controller(
        scenario, MAP_1945, humans={"soviet"}, seed=1, new_computer_player=computer_player()
    )
    yield Window(controller, (1600, 900))
    pygame.quit()


def frame(w: Window) -> bytes:
    surf = pygame.Surface(w.size)
    w.draw(surf)
    return pygame.image.tobytes(surf.subsurface(w.map_rect()), "RGB")


def drawn_anew(w: Window) -> bytes:
    forget_drawings(w.fonts)
    return frame(w)


def drag(w: Window, steps: list[tuple[int, int]]) -> None:
    x, y = w.map_rect().center
    w.handle(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(x, y), button=1))
    for dx, dy in steps:
        x, y = x + dx, y + dy
        w.handle(pygame.event.Event(pygame.MOUSEMOTION, pos=(x, y), rel=(dx, dy), buttons=(1,)))
        frame(w)
    w.handle(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=(x, y), button=1))


def test_a_dragged_map_looks_like_one_drawn_anew(window: Window) -> None:
    frame(window)
    drag(window, [(9, 5), (9, 5), (-30, 12), (4, -40), (-3, -2)])
    assert frame(window) == drawn_anew(window)
    drag(window, [(700, 300)])  # further than the view: everything comes into view at once
    assert frame(window) == drawn_anew(window)


def test_zoom_and_selection_redraw_what_they_change(window: Window) -> None:
    before = frame(window)
    window.zoom(1, window.map_rect().center)
    zoomed = frame(window)
    assert zoomed != before and zoomed == drawn_anew(window)
    s = window.controller.state
    unit = next(u for u in s.units.values() if u.active and u.coord and u.side == "soviet")
    assert unit.coord is not None
    window.centre_on(unit.coord)
    frame(window)
    x, y = (int(v) for v in window.layout.centre(unit.coord))
    window.click((x, y), 1, False)
    assert window.sel.reach
    lit = frame(window)
    assert lit == drawn_anew(window)
    window.handle(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_ESCAPE, mod=0, unicode=""))
    assert frame(window) != lit

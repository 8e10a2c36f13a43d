"""What a frame costs at 1600 x 900 in both campaigns, printed for the record: steady (nothing
changed: only the blinking prompt is drawn), repaint (the pointer moved: the frame is painted
from the kept terrain layer, counters and panel), pan (the map dragged), full (a zoom with every
kept drawing dropped) and an idle window's CPU share through the real loop."""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import pytest

os.environ["SDL_VIDEODRIVER"] = "dummy"

import pygame

from game.scenario import load_scenario
from game.ui.controller import Controller
from game.ui.players import computer_player
from game.ui.pygame.app import Window, play_window
from game.ui.pygame.render import forget_drawings
from tests.conftest import SCENARIOS

SIZE = (1600, 900)
FRAMES = 15
IDLE_FRAMES = 4  # frames of an idle window: one each time the cursor blinks


def cpu_ms(frame: Callable[[], None]) -> float:
    frame()
    times = []
    for _ in range(FRAMES):
        t0 = time.process_time()
        frame()
        times.append((time.process_time() - t0) * 1000)
    return statistics.median(times)


@pytest.mark.parametrize("name", ["khalkhin_gol_1939", "manchuria_1945"])
def test_frame_cost(name: str) -> None:
    path: Path = SCENARIOS / f"{name}.toml"
    pygame.display.init()
    pygame.font.init()
    try:
        screen = pygame.display.set_mode(SIZE)
        scenario = load_scenario(path)
        controller = Controller(
            scenario, path, {scenario.sides[0].id}, 1, new_computer_player=computer_player()
        )
        window = Window(controller, SIZE)
        window.hud.banner_until = 0
        steady = cpu_ms(lambda: window.draw(screen))
        way = [1]

        def full() -> None:
            way[0] = -way[0]
            window.zoom(way[0], window.map_rect().center)
            forget_drawings(window.fonts)
            window.draw(screen)

        redraw = cpu_ms(full)
        spot = [0]

        def repaint() -> None:  # the mouse moves: the frame is painted from the kept layers
            spot[0] = (spot[0] + 37) % 400
            window.handle(
                pygame.event.Event(
                    pygame.MOUSEMOTION, pos=(200 + spot[0], 300), rel=(1, 0), buttons=(0, 0, 0)
                )
            )
            window.log_scroll = spot[0] % 2  # something in the frame changes
            window.draw(screen)

        repainted = cpu_ms(repaint)
        centre = window.map_rect().center
        window.handle(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=centre, button=1))
        drag = [centre[0], centre[1], 1]

        def pan() -> None:  # dragging the map: the kept terrain layer scrolls
            drag[2] = -drag[2] if abs(drag[0] - centre[0]) > 80 else drag[2]
            drag[0] += 9 * drag[2]
            drag[1] += 5 * drag[2]
            window.handle(
                pygame.event.Event(
                    pygame.MOUSEMOTION, pos=(drag[0], drag[1]), rel=(9, 5), buttons=(1, 0, 0)
                )
            )
            window.draw(screen)

        panning = cpu_ms(pan)
        window.handle(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=(drag[0], drag[1]), button=1))
        play_window(window, max_frames=2)
        t0 = time.process_time()
        wall = time.perf_counter()
        play_window(window, max_frames=IDLE_FRAMES)
        idle = (time.process_time() - t0) / (time.perf_counter() - wall)
    finally:
        pygame.quit()
    print(
        f"\n{name} at {SIZE[0]}x{SIZE[1]}: steady {steady:.2f} ms, repaint {repainted:.2f} ms, "
        f"pan {panning:.2f} ms, full {redraw:.2f} ms, idle {idle:.1%} of a core (dummy driver)"
    )
    assert steady < repainted < redraw

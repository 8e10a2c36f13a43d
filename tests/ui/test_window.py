"""The pygame window under SDL's dummy driver: real pygame, real events, real drawing."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ["SDL_VIDEODRIVER"] = "dummy"

import pygame

from game.rules import AttackCommand, EndTurnCommand
from game.scenario import load_scenario
from game.ui.controller import Controller
from game.ui.players import computer_player
from game.ui.pygame.app import Window
from game.ui.pygame.render import hex_colour
from tests.conftest import EXAMPLE, ROOT


@pytest.fixture
def window() -> Iterator[Window]:
    """A window on the example; SDL shuts down afterwards, so no later test forks a process
    with SDL's threads running (the child could hang on a lock they held)."""
    pygame.display.init()
    pygame.font.init()
    scenario = load_scenario(EXAMPLE)
    controller = Controller(
        scenario, EXAMPLE, humans={"red"}, seed=2, new_computer_player=computer_player()
    )
    yield Window(controller, (1280, 800))
    pygame.quit()


def click(w: Window, c: tuple[int, int], button: int = 1) -> None:
    x, y = (int(v) for v in w.layout.centre(c))
    w.handle(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(x, y), button=button))
    if button == 1:
        w.handle(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=(x, y), button=button))


def test_click_selects_and_moves_a_unit(window: Window) -> None:
    click(window, (4, 4))
    assert window.sel.units == ["r-2tb"]
    assert (8, 4) in window.sel.reach
    click(window, (8, 4))
    assert window.controller.state.units["r-2tb"].coord == (8, 4)
    assert any("move r-2tb 8,4" in text for text, _ in window.log)


def test_clicking_an_enemy_shows_odds_then_attacks(window: Window) -> None:
    window.controller.handle("move r-2tb 8,3")
    click(window, (8, 3))
    click(window, (9, 2))
    assert window.sel.target == (9, 2)
    assert window.panel_extra[0].startswith("Odds ")
    click(window, (9, 2))
    assert window.controller.state.units["r-2tb"].has_attacked


def test_typed_command_line(window: Window) -> None:
    for ch in "move r-1rr 6,3":
        window.handle(pygame.event.Event(pygame.TEXTINPUT, text=ch))
    window.handle(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0, unicode="\r"))
    assert window.controller.state.units["r-1rr"].coord == (6, 3)
    assert window.command == ""


def test_drag_pans_and_wheel_zooms(window: Window) -> None:
    origin = window.layout.origin
    window.handle(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(300, 300), button=1))
    window.handle(
        pygame.event.Event(pygame.MOUSEMOTION, pos=(260, 280), rel=(-40, -20), buttons=(1, 0, 0))
    )
    window.handle(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=(260, 280), button=1))
    assert window.layout.origin != origin
    assert window.sel.units == []  # a drag is not a click
    size = window.layout.size
    window.zoom(2, (300, 300))
    assert window.layout.size > size


def test_frame_shows_counters_in_side_colours(window: Window, tmp_path: Path) -> None:
    surf = pygame.Surface(window.size)
    window.draw(surf)
    red = hex_colour("#c03028")
    x, y = (int(v) for v in window.layout.centre((4, 4)))
    # The counter of the tank brigade fills the middle of its hex with Red's colour.
    found = any(
        tuple(surf.get_at((x + dx, y + dy)))[:3] == red
        for dx in range(-8, 9)
        for dy in range(-8, 9)
    )
    assert found
    pygame.image.save(surf, str(tmp_path / "frame.png"))
    assert (tmp_path / "frame.png").stat().st_size > 10_000


def test_play_screenshot_subprocess(tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy"}
    result = subprocess.run(
        [sys.executable, "-m", "game", "play", str(EXAMPLE), "--screenshot", str(shot)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    image = pygame.image.load(str(shot))
    assert image.get_size() == (1280, 800)


def test_play_without_display_falls_back_to_terminal(tmp_path: Path) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER")
    }
    result = subprocess.run(
        [sys.executable, "-m", "game", "play", str(EXAMPLE)],
        cwd=ROOT,
        env=env,
        input="quit\n",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "no display found; playing in the terminal" in result.stderr
    assert "Farewell." in result.stdout


def test_end_turn_button_lets_the_computer_reply(window: Window) -> None:
    window.draw(pygame.Surface(window.size))  # lays out the buttons
    rect = next(r for action, r in window.buttons if action == EndTurnCommand())
    window.handle(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=rect.center, button=1))
    window.handle(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=rect.center, button=1))
    state = window.controller.state
    assert state.turn == 2 and state.side == "red"
    assert any("Blue detachment to move" in text for text, _ in window.log)


def test_clicks_build_commands_the_rules_record(window: Window) -> None:
    window.controller.handle("move r-2tb 8,3")
    click(window, (8, 3))
    click(window, (9, 2))
    click(window, (9, 2))
    attack = window.controller.game.commands[-1]
    assert isinstance(attack, AttackCommand)
    assert attack.target == (9, 2) and attack.units == ("r-2tb",)
    assert any(text == "> attack 9,2 with r-2tb" for text, _ in window.log)

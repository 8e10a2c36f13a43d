"""Fog of war in what the player reads: enemy dispatches and hex owners only where the player's
side can see (both front ends read them from the controller)."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from pathlib import Path

import pygame
import pytest

from game.rules import Command, EndTurnCommand, GameState, MoveCommand, Options
from game.scenario import load_scenario
from game.ui.controller import CommandSource, Controller
from game.ui.pygame.app import Window
from tests.rules.conftest import scenario_text, unit

# 16 x 5 open steppe, 10 km hexes; every unit sees 2 hexes (20 km).
ROWS = ["." * 16] * 5
UNITS = [
    unit("r-inf", "red", "inf", (1, 2), name="Red Rifles"),
    unit("b-near", "blue", "inf", (5, 2), name="Blue Pickets"),
    unit("b-far", "blue", "inf", (14, 2), name="Blue Reserve"),
]


def scripted(commands: list[Command]) -> Callable[[], CommandSource]:
    """A computer player that plays the given commands, then ends its turns."""
    queue = iter(commands)

    def player(state: GameState) -> Command:
        return next(queue, EndTurnCommand())

    return lambda: player


def table(tmp_path: Path, blue_moves: list[Command], fog: bool = True) -> Controller:
    path = tmp_path / "fog.toml"
    path.write_text(scenario_text(ROWS, UNITS), encoding="utf-8")
    return Controller(
        load_scenario(path),
        path,
        humans={"red"},
        options=Options(fog=fog),
        new_computer_player=scripted(blue_moves),
    )


BLUE_MOVES: list[Command] = [
    MoveCommand(unit="b-far", to=(12, 1)),  # far out of sight
    MoveCommand(unit="b-near", to=(3, 2)),  # into sight of the red rifles
]


def test_enemy_moves_out_of_sight_are_not_reported(tmp_path: Path) -> None:
    t = table(tmp_path, BLUE_MOVES)
    reply = t.handle("end")
    text = "\n".join(reply.lines)
    assert "Blue Pickets moves" in text  # it came into view
    assert "Blue Reserve" not in text
    assert "Blue Reserve" not in "\n".join(t.handle("log 50").lines)


def test_without_fog_every_move_is_reported(tmp_path: Path) -> None:
    reply = table(tmp_path, BLUE_MOVES, fog=False).handle("end")
    text = "\n".join(reply.lines)
    assert "Blue Pickets moves" in text and "Blue Reserve moves" in text


def test_info_on_a_hex_out_of_sight_does_not_say_who_holds_it(tmp_path: Path) -> None:
    t = table(tmp_path, [])
    far = "\n".join(t.handle("info 14,2").lines)
    assert "held by" not in far and "Blue Reserve" not in far
    own = "\n".join(t.handle("info 1,2").lines)
    assert "held by Red" in own
    clear = "\n".join(table(tmp_path, [], fog=False).handle("info 14,2").lines)
    assert "held by Blue" in clear and "Blue Reserve" in clear


@pytest.fixture
def display() -> Iterator[None]:
    pygame.display.init()
    pygame.font.init()
    yield
    pygame.quit()


def test_the_window_log_hides_enemy_moves_out_of_sight(tmp_path: Path, display: None) -> None:
    window = Window(table(tmp_path, BLUE_MOVES), (1280, 800))
    window.draw(pygame.Surface(window.size))
    rect = next(r for action, r in window.buttons if action == EndTurnCommand())
    window.handle(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=rect.center, button=1))
    window.handle(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=rect.center, button=1))
    log = [text for text, _ in window.log]
    assert any("Blue Pickets moves" in line for line in log)
    assert not any("Blue Reserve" in line for line in itertools.chain(log, window.panel_extra))

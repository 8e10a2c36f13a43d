"""Random pygame events to the window raise nothing and never hang: clicks anywhere, drags,
wheel turns, resizes, keys and typed text (junk and real commands), with a frame drawn between
them, from a fixed seed so every run sends the same events."""

from __future__ import annotations

import os
import random
import string
from collections.abc import Iterator

import pytest

os.environ["SDL_VIDEODRIVER"] = "dummy"

import pygame

from game.scenario import load_scenario
from game.ui.controller import Controller
from game.ui.players import computer_player
from game.ui.pygame.app import Window
from tests.conftest import EXAMPLE

KEYS = [
    pygame.K_RETURN,
    pygame.K_KP_ENTER,
    pygame.K_BACKSPACE,
    pygame.K_ESCAPE,
    pygame.K_UP,
    pygame.K_DOWN,
    pygame.K_PAGEUP,
    pygame.K_PAGEDOWN,
    pygame.K_F1,
    pygame.K_a,
]
TEXTS = [
    "move r-2tb 7,4",
    "odds 9,2 with r-2tb",
    "log ²",
    "map 1,1-99,99",
    "info 3,3",
    "undo",
    "end",
]


@pytest.fixture
def window(tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> Iterator[Window]:
    monkeypatch.setenv("TWO_AUGUSTS_SAVE_DIR", str(tmp_path))
    pygame.display.init()
    pygame.font.init()
    controller = Controller(
        load_scenario(EXAMPLE), EXAMPLE, {"red"}, seed=4, new_computer_player=computer_player()
    )
    yield Window(controller, (1024, 700))
    pygame.quit()


def _position(rng: random.Random, size: tuple[int, int]) -> tuple[int, int]:
    return rng.randint(-50, size[0] + 50), rng.randint(-50, size[1] + 50)


def random_event(rng: random.Random, size: tuple[int, int]) -> pygame.event.Event:
    kind = rng.randrange(8)
    if kind == 0:
        return pygame.event.Event(
            pygame.MOUSEBUTTONDOWN, pos=_position(rng, size), button=rng.choice([1, 2, 3])
        )
    if kind == 1:
        return pygame.event.Event(
            pygame.MOUSEBUTTONUP, pos=_position(rng, size), button=rng.choice([1, 3])
        )
    if kind == 2:
        return pygame.event.Event(pygame.MOUSEMOTION, pos=_position(rng, size), rel=(0, 0))
    if kind == 3:
        return pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=rng.randint(-5, 5))
    if kind == 4:
        return pygame.event.Event(pygame.KEYDOWN, key=rng.choice(KEYS), mod=0, unicode="")
    if kind == 5:
        junk = "".join(rng.choice(string.printable + "²٣é") for _ in range(rng.randint(1, 12)))
        return pygame.event.Event(pygame.TEXTINPUT, text=rng.choice([junk, *TEXTS]))
    if kind == 6 and rng.random() < 0.1:
        return pygame.event.Event(
            pygame.VIDEORESIZE, w=rng.randint(200, 1600), h=rng.randint(150, 1000)
        )
    return pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0, unicode="\r")


def test_random_events_raise_nothing(window: Window) -> None:
    rng = random.Random(1945)
    surface = pygame.Surface((1600, 1000))
    for n in range(2000):
        window.handle(random_event(rng, window.size))
        if n % 20 == 0:
            window.draw(surface)
    assert window.running

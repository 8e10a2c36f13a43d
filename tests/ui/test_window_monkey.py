"""Random keys, clicks, drags, wheel turns and resizes thrown at the game screen and the title
screen: nothing raises. A few thousand in the default suite, 20,000 in the slow one."""

from __future__ import annotations

import os
import random
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ["SDL_VIDEODRIVER"] = "dummy"

import pygame

from game.scenario import load_scenario
from game.ui.controller import Controller
from game.ui.players import computer_player
from game.ui.pygame.app import Window, start_window
from game.ui.pygame.settings import Settings
from game.ui.pygame.title import TitleScreen
from tests.conftest import EXAMPLE

KEYS = [
    pygame.K_RETURN, pygame.K_ESCAPE, pygame.K_BACKSPACE, pygame.K_UP, pygame.K_DOWN,
    pygame.K_PAGEUP, pygame.K_PAGEDOWN, pygame.K_TAB, pygame.K_SPACE, pygame.K_PLUS,
    pygame.K_MINUS, pygame.K_y, pygame.K_s, pygame.K_F1, pygame.K_F2, pygame.K_F3, pygame.K_F4,
    pygame.K_F6, pygame.K_F7, pygame.K_F8, pygame.K_F9, pygame.K_F11, pygame.K_a,
]  # fmt: skip
WORDS = ["end", "undo", "units", "help", "move r-2tb 8,4", "odds 9,2 with r-2tb", "zz", "9999"]
DRAW_EVERY = 40  # events between frames


def random_event(rng: random.Random, size: tuple[int, int]) -> pygame.event.Event:
    pos = (rng.randrange(-20, size[0] + 20), rng.randrange(-20, size[1] + 20))
    kind = rng.random()
    if kind < 0.3:
        button = rng.choice([1, 1, 1, 3, 2])
        t = rng.choice([pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP])
        return pygame.event.Event(t, pos=pos, button=button)
    if kind < 0.5:
        return pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(1, 1), buttons=(1, 0, 0))
    if kind < 0.6:
        return pygame.event.Event(
            pygame.MOUSEWHEEL, x=0, y=rng.choice([-3, -1, 1, 2]), flipped=False
        )
    if kind < 0.8:
        return pygame.event.Event(pygame.KEYDOWN, key=rng.choice(KEYS), mod=0, unicode="")
    if kind < 0.95:
        return pygame.event.Event(pygame.TEXTINPUT, text=rng.choice(WORDS + list("abc 1,")))
    w, h = rng.randrange(200, 2400), rng.randrange(150, 1400)
    return pygame.event.Event(pygame.VIDEORESIZE, w=w, h=h, size=(w, h))


@pytest.fixture
def display(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TWO_AUGUSTS_SAVE_DIR", str(tmp_path / "saves"))
    pygame.display.init()
    pygame.font.init()
    pygame.display.set_mode((1280, 800))
    yield
    pygame.quit()


def monkey(events: int, seed: int) -> Window:
    rng = random.Random(seed)
    scenario = load_scenario(EXAMPLE)
    controller = Controller(scenario, EXAMPLE, {"red"}, 3, new_computer_player=computer_player())
    w = start_window(controller, (1280, 800), Settings())
    title = TitleScreen(Settings(), (1280, 800))
    for i in range(events):
        event = random_event(rng, w.size)
        if event.type == pygame.KEYDOWN and event.key == pygame.K_RETURN and rng.random() < 0.3:
            w.command = rng.choice(WORDS)
        w.handle(event)
        if event.type in (pygame.MOUSEBUTTONDOWN, pygame.KEYDOWN, pygame.MOUSEWHEEL):
            title.handle(event)
            title.chosen = None
        w.running = title.running = True
        if i % DRAW_EVERY == 0:
            w.draw(pygame.Surface(w.size))
            title.size = w.size
            title.draw(pygame.Surface(w.size))
    return w


def test_monkey_a_few_thousand_events(display: None) -> None:
    w = monkey(3000, seed=7)
    # The monkey got somewhere: it gave commands the rules took, and the window still draws.
    assert w.controller.state.turn > 1 or w.controller.game.commands
    assert sum(1 for text, _ in w.log if text.startswith("> ")) > 10
    w.draw(pygame.Surface(w.size))


@pytest.mark.slow
def test_monkey_twenty_thousand_events(display: None) -> None:
    w = monkey(20_000, seed=11)
    assert w.controller.state.turn > 1 or w.controller.game.commands
    w.draw(pygame.Surface(w.size))

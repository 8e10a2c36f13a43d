"""`two-augusts screenshot`: a screen of the game drawn off screen into a PNG, for the README,
bug reports and tests. The game is played by the computer up to the turn asked for, so a
screenshot of turn 3 shows a real turn 3."""

from __future__ import annotations

import os
from pathlib import Path


class ShotError(Exception):
    """A screenshot that cannot be made (a bad side, a screen this build cannot draw)."""


def screenshot(
    scenario_path: Path,
    out: Path,
    size: tuple[int, int] = (1600, 900),
    turn: int = 1,
    side: str | None = None,
    screen: str = "game",
    fog: bool = False,
) -> None:
    """Draw one screen of `scenario_path` at `size` into the PNG `out`."""
    os.environ["SDL_VIDEODRIVER"] = "dummy"  # off screen, whatever display there is
    import pygame

    from game.rules import EndTurnCommand, Options
    from game.scenario import load_scenario
    from game.ui.controller import Controller
    from game.ui.players import computer_player
    from game.ui.pygame.app import shoot_game
    from game.ui.pygame.settings import Settings
    from game.ui.pygame.title import TitleScreen
    from game.ui.setup import SetupError, humans_for

    scenario = load_scenario(scenario_path)
    try:
        humans = humans_for(scenario, side)
    except SetupError as exc:
        raise ShotError(str(exc)) from None
    pygame.display.init()
    pygame.font.init()
    try:
        pygame.display.set_mode(size)
        settings = Settings(width=size[0], height=size[1])
        if screen == "title":
            title = TitleScreen(settings, size)
            for i, e in enumerate(title.state.entries):
                if e.path.resolve() == scenario_path.resolve():
                    title.pick(i)
            surface = pygame.Surface(size)
            title.draw(surface)
            pygame.image.save(surface, str(out))
            return
        controller = Controller(
            scenario, scenario_path, set(), seed=1, options=Options(fog=fog),
            new_computer_player=computer_player(),
        )  # fmt: skip
        game = controller.game
        while game.state.turn < turn and not game.state.game_over:
            cmd = controller.computer_player(game.state.side)(game.state)
            game.apply(EndTurnCommand() if game.validate(cmd) else cmd)
        controller.humans = humans
        shoot_game(controller, size, settings, report=screen == "report").save_to(out)
    finally:
        pygame.quit()

"""Shared helpers for AI and simulation tests: the shipped scenarios (skipped while a scenario
does not exist or does not load) and a game loop that checks every command through a session."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from game.ai import AIPlayer, RandomPlayer
from game.rules import EndTurnCommand, Game, Options
from game.scenario import load_scenario
from game.scenario.models import Scenario
from tests.conftest import EXAMPLE, SCENARIOS

KG_1939 = SCENARIOS / "khalkhin_gol_1939.toml"
MAN_1945 = SCENARIOS / "manchuria_1945.toml"


@cache
def scenario(path: Path) -> Scenario:
    """A shipped scenario, loaded once (a broken one fails the test: they must all validate)."""
    return load_scenario(path)


def example() -> Scenario:
    return scenario(EXAMPLE)


def play_checked(
    s: Scenario,
    seed: int,
    difficulty: str = "normal",
    random_side: str | None = None,
    fog: bool = False,
) -> Game:
    """Play a whole game through a Game session; every command the AI (or the random player)
    issues must pass validate() in the session before it is applied."""
    game = Game(s, seed, Options(fog=fog))
    ai = AIPlayer(difficulty)
    rnd = RandomPlayer()
    for _ in range(10_000):
        if game.state.game_over:
            break
        st = game.state
        if st.side == random_side:
            _, cmds = rnd.play_turn(st)
            cmds = [*cmds, EndTurnCommand()]
        else:
            cmds = ai.commands(st)
        for cmd in cmds:
            if game.state.game_over:
                break
            reasons = game.validate(cmd)
            assert reasons == [], f"seed {seed}, turn {st.turn}, {st.side}: {cmd!r}: {reasons}"
            game.apply(cmd)
    assert game.state.game_over
    return game

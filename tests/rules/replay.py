"""Real games, state by state: the invariant tests of the rules' caches (occupancy carried from
state to state, remembered previews, the linked supply net) check every state the AI's commands
pass through, on the shipped scenarios."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from game.ai.player import AIPlayer
from game.rules import EndTurnCommand, GameState, apply, new_game
from game.scenario import load_scenario

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = ["examples/river_crossing.toml", "khalkhin_gol_1939.toml"]


def ai_states(name: str, seed: int, turns: int) -> Iterator[GameState]:
    """Each state of the first `turns` side-turns of a hard-against-hard game of the shipped
    scenario `name`: the start of each turn, then the state after each of its commands (the AI
    plays the turn, and its commands are applied again one at a time from the turn's start)."""
    state = new_game(load_scenario(ROOT / "scenarios" / name), seed)
    player = AIPlayer("hard")
    for _ in range(turns):
        if state.game_over:
            return
        yield state
        for cmd in [*player.play_turn(state).commands, EndTurnCommand()]:
            state, _ = apply(state, cmd)
            yield state
            if state.game_over:
                return

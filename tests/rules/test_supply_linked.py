"""The hexes joined to a side's sources (what decides who is encircled) are the hexes its supply
would reach at an unlimited range, in every position of real games."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.ai.player import AIPlayer
from game.rules import EndTurnCommand, GameState, apply, new_game
from game.rules.supply import linked, trace
from game.scenario import load_scenario

ROOT = Path(__file__).resolve().parents[2]
UNLIMITED = 1e12  # a supply factor no map is wide enough to use up


def _unlimited_reach(state: GameState, side: str) -> frozenset[object]:
    """Where the side's supply would reach if its range had no end."""
    wide = state.copy()
    wide.sides[side] = wide.sides[side].clone()
    wide.sides[side].supply_factor = UNLIMITED
    return frozenset(trace(wide, side))


@pytest.mark.parametrize("name", ["examples/river_crossing.toml", "khalkhin_gol_1939.toml"])
def test_linked_hexes_are_those_an_unlimited_trace_reaches(name):
    scenario = load_scenario(ROOT / "scenarios" / name)
    state = new_game(scenario, 2)
    player = AIPlayer("hard")
    checked = 0
    for _ in range(12):
        if state.game_over:
            break
        for cmd in [*player.play_turn(state).commands, EndTurnCommand()]:
            state, _ = apply(state, cmd)
            for side in state.board.sides:
                joined = linked(state, side)
                assert joined == _unlimited_reach(state, side)
                assert set(trace(state, side)) <= joined
                checked += 1
            if state.game_over:
                break
    assert checked > 20

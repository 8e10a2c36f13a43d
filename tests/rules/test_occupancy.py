"""The occupancy a command's state derives from the previous state's (only the units it wrote
moved) equals the occupancy counted afresh from every unit, after every command of real games."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.ai.player import AIPlayer
from game.rules import EndTurnCommand, GameState, apply, new_game
from game.rules.zoc import Occupancy, full_occupancy, occupancy
from game.scenario import load_scenario

ROOT = Path(__file__).resolve().parents[2]


def _facts(occ: Occupancy) -> tuple[object, ...]:
    return (
        occ.units_at,
        occ.side_at,
        occ.stack,
        occ.stack_i,
        {s: set(v) for s, v in occ.hexes_i.items()},
        {s: set(v) for s, v in occ.zoc_i.items()},
        occ.hexes,
        occ.zoc,
    )


def _replay_turn(state: GameState, player: AIPlayer) -> tuple[GameState, int]:
    """The AI's turn again, command by command, checking the occupancy after each."""
    result = player.play_turn(state)
    # the Hex sets are carried from state to state once asked for: ask, so they are
    assert all(occupancy(state).hexes.values())
    checked = 0
    for cmd in [*result.commands, EndTurnCommand()]:
        state, _ = apply(state, cmd)
        assert _facts(occupancy(state)) == _facts(full_occupancy(state))
        checked += 1
        if state.game_over:
            break
    return state, checked


@pytest.mark.parametrize("name", ["examples/river_crossing.toml", "khalkhin_gol_1939.toml"])
def test_occupancy_carried_from_command_to_command_equals_a_fresh_count(name):
    scenario = load_scenario(ROOT / "scenarios" / name)
    state = new_game(scenario, 3)
    player = AIPlayer("hard")
    checked = 0
    for _ in range(6):
        if state.game_over:
            break
        state, n = _replay_turn(state, player)
        checked += n
    assert checked > 10

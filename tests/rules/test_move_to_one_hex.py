"""A move's validation and path search stop once the destination's cost is known: for every
unit and every hex near it, on states of real games, they agree with the whole search behind
reachable() (the hexes a move may end in, and the path to each)."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.ai.player import AIPlayer
from game.rules import EndTurnCommand, GameState, MoveCommand, apply, new_game, path, reachable
from game.rules import validate as legal
from game.scenario import load_scenario
from tests.rules.conftest import unit

ROOT = Path(__file__).resolve().parents[2]


def _forget(state: GameState) -> None:
    """Nothing remembered of earlier searches: the next question is answered afresh."""
    state.cache.clear()
    state.board.move_memo.clear()


def _check_units(state: GameState) -> int:
    checked = 0
    b = state.board
    for u in list(state.units.values()):
        if not u.active or u.pos is None or u.side != state.side:
            continue
        near = [h for h in b.within(u.pos, min(int(u.mp) + 2, 4)) if h != u.pos]
        for h in near:
            to = b.coord[h]
            _forget(state)
            ok = not legal(state, MoveCommand(unit=u.id, to=to))
            by_goal = path(state, u.id, to) if ok else None
            _forget(state)
            everywhere = reachable(state, u.id)
            assert ok == (to in everywhere), (u.id, to)
            if ok:
                assert by_goal == path(state, u.id, to), (u.id, to)
                checked += 1
    return checked


@pytest.mark.parametrize("name", ["examples/river_crossing.toml", "khalkhin_gol_1939.toml"])
def test_a_move_judged_alone_agrees_with_every_reachable_hex(name):
    scenario = load_scenario(ROOT / "scenarios" / name)
    state = new_game(scenario, 2)
    player = AIPlayer("hard")
    checked = 0
    for _ in range(2):
        if state.game_over:
            break
        checked += _check_units(state)
        result = player.play_turn(state)
        commands = [*result.commands, EndTurnCommand()]
        for cmd in commands[: len(commands) // 2]:  # a state in the middle of a turn too
            state, _ = apply(state, cmd)
        checked += _check_units(state)
        for cmd in commands[len(commands) // 2 :]:
            state, _ = apply(state, cmd)
    assert checked > 30


def test_the_one_dear_step_is_legal_when_asked_first(start):
    """A unit with all its points may enter a hex dearer than its points: the move is legal
    and made, asked of a fresh state (no reachable() worked out before)."""
    rows = [".........", ".........", ".........", "..^......", ".........", "........."]
    g = start(
        rows, [unit("i", "red", "inf", (1, 3)), unit("b", "blue", "inf", (8, 0))], hex_km=35.0
    )
    assert g.units["i"].mp < 1
    assert legal(g, MoveCommand(unit="i", to=(2, 3))) == []
    assert path(g, "i", (2, 3)) == [(1, 3), (2, 3)]
    g2, _ = apply(g, MoveCommand(unit="i", to=(2, 3)))
    assert g2.units["i"].pos == g2.board.hex_at((2, 3))
    assert legal(g, MoveCommand(unit="i", to=(3, 3)))  # two hexes on: beyond its points

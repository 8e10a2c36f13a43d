"""The hexes joined to a side's sources (what decides who is encircled) are the hexes its supply
would reach at an unlimited range, in every position of real games."""

from __future__ import annotations

import pytest

from game.rules import GameState
from game.rules.supply import linked, trace
from tests.rules.replay import SCENARIOS, ai_states

UNLIMITED = 1e12  # a supply factor no map is wide enough to use up


def _unlimited_reach(state: GameState, side: str) -> frozenset[object]:
    """Where the side's supply would reach if its range had no end."""
    wide = state.copy()
    wide.sides[side] = wide.sides[side].clone()
    wide.sides[side].supply_factor = UNLIMITED
    return frozenset(trace(wide, side))


@pytest.mark.parametrize("name", SCENARIOS)
def test_linked_hexes_are_those_an_unlimited_trace_reaches(name):
    checked = 0
    for state in ai_states(name, seed=2, turns=12):
        for side in state.board.sides:
            joined = linked(state, side)
            assert joined == _unlimited_reach(state, side)
            assert set(trace(state, side)) <= joined
            checked += 1
    assert checked > 20

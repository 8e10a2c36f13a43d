"""The occupancy a command's state derives from the previous state's (only the units it wrote
moved) equals the occupancy counted afresh from every unit, after every command of real games."""

from __future__ import annotations

import pytest

from game.rules.zoc import Occupancy, full_occupancy, occupancy
from tests.rules.replay import SCENARIOS, ai_states


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


@pytest.mark.parametrize("name", SCENARIOS)
def test_occupancy_carried_from_command_to_command_equals_a_fresh_count(name):
    checked = 0
    for state in ai_states(name, seed=3, turns=6):
        assert _facts(occupancy(state)) == _facts(full_occupancy(state))
        checked += 1
    assert checked > 10

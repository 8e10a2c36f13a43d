"""An attack's preview remembers the faces of its die by everything they read: after every
command of real games, each possible attack previews the same with the faces remembered from
earlier states as worked out afresh."""

from __future__ import annotations

import pytest

from game.ai.player import AIPlayer
from game.rules import AttackCommand, EndTurnCommand, GameState, apply, new_game, preview
from game.rules import validate as legal
from game.rules.zoc import occupancy
from game.scenario import load_scenario
from tests.rules.replay import ROOT, SCENARIOS, ai_states


def _attacks(state: GameState) -> list[AttackCommand]:
    """Every enemy hex next to units of the side to move, attacked by all of them."""
    b = state.board
    occ = occupancy(state)
    out = []
    for target, side in sorted(occ.side_at.items()):
        if side == state.side:
            continue
        units = sorted(
            uid
            for n in b.neighbours[target]
            if occ.side_at.get(n) == state.side
            for uid in occ.units_at[n]
            if not state.units[uid].has_attacked and b.types[state.units[uid].type].attack > 0
        )
        cmd = AttackCommand(target=b.coord[target], units=tuple(units))
        if units and not legal(state, cmd):
            out.append(cmd)
    return out


def _check(state: GameState) -> tuple[int, int]:
    """Previews of every attack, remembered and afresh; how many and how many were known."""
    memo = state.board.faces_memo
    checked = known = 0
    for cmd in _attacks(state):
        before = len(memo)
        remembered = preview(state, cmd)
        known += len(memo) == before
        saved = dict(memo)
        memo.clear()
        assert preview(state, cmd) == remembered, cmd
        memo.clear()
        memo.update(saved)
        checked += 1
    return checked, known


@pytest.mark.parametrize("name", SCENARIOS)
def test_a_remembered_preview_equals_one_worked_out_afresh(name):
    checked = known = 0
    for state in ai_states(name, seed=4, turns=8):
        n, k = _check(state)
        checked, known = checked + n, known + k
    assert checked > 20 and known > 0


def test_a_defender_worn_down_since_is_previewed_anew():
    """The same attack on a state where only a defender's share of losses taken this turn
    differs (the odds the same) is not the remembered one."""
    from game.rules.state import Transaction

    scenario = load_scenario(ROOT / "scenarios" / "khalkhin_gol_1939.toml")
    state = new_game(scenario, 4)
    player = AIPlayer("hard")
    while not _attacks(state):
        state, _ = apply(player.play_turn(state).state, EndTurnCommand())
    cmd = _attacks(state)[0]
    first = preview(state, cmd)
    tx = Transaction(state)
    target = state.board.hex_at(cmd.target)
    for uid in occupancy(state).units_at[target]:
        tx.unit(uid).fire_taken = 1.0  # no more losses to fire this turn
    worn = tx.state
    again = preview(worn, cmd)
    worn.board.faces_memo.clear()
    assert again == preview(worn, cmd)
    assert again.ratio == first.ratio and again.defender_losses != first.defender_losses

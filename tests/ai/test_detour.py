"""An attacker whose straight way to its objective runs into the enemy's line looks for a way
round (hard level). In 1939 the Southern group's straight way from the bridgehead to
Nomonhan-Burd-Obo runs into the Japanese centre; the historical pincer swung round its flank."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from game.ai import AIPlayer, Difficulty, level
from game.rules import EndTurnCommand, GameState, apply, new_game
from game.scenario import load_scenario
from tests.ai.helpers import KG_1939

SEED = 10  # a game in which the straight way is barred on 22-24 August
MEETING = dt.datetime(1939, 8, 24, 6)


def _southern_group_nearest_nomonhan(diff: Difficulty) -> int:
    """Hexes between Nomonhan-Burd-Obo and the nearest unit of the Southern group on the
    morning of 24 August, both sides playing at `diff`."""
    state: GameState = new_game(load_scenario(KG_1939), SEED)
    ai = AIPlayer(diff)
    while state.date < MEETING:
        state = ai.play_turn(state).state
        state, _ = apply(state, EndTurnCommand())
    nomonhan = state.board.place_hex["nomonhan"]
    return min(
        u.pos.distance(nomonhan)
        for u in state.units.values()
        if u.group == "Southern" and u.active and u.pos is not None
    )


def test_the_southern_pincer_goes_round_the_japanese_centre_to_nomonhan() -> None:
    hard = level("hard")
    assert hard.detour
    assert _southern_group_nearest_nomonhan(hard) <= 2
    # Without the detour the group stays in front of the Japanese centre.
    assert _southern_group_nearest_nomonhan(replace(hard, detour=False)) > 2

"""Playing for the score (hard): which objective leads an attack and when the last turns begin,
on the shipped 1945 scenario."""

from __future__ import annotations

from pathlib import Path

from game.ai.endgame import lead_objective, turns_left
from game.hexes import Hex
from game.rules import AttackCommand, GameState, new_game
from game.scenario import load_scenario
from tests.ai.position_play import play_position

ROOT = Path(__file__).resolve().parents[2]


def _state() -> GameState:
    return new_game(load_scenario(ROOT / "scenarios" / "manchuria_1945.toml"), 1)


def _hex(state: GameState, place: str) -> Hex:
    return state.board.place_hex[place]


def test_an_attack_leads_with_the_place_that_far_outweighs_the_first() -> None:
    s = _state()
    plan = [_hex(s, p) for p in ("jiamusi", "heihe", "qiqihar", "harbin")]
    assert lead_objective(s, plan)[0] == _hex(s, "harbin")
    assert sorted(lead_objective(s, plan)) == sorted(plan)


def test_the_plans_order_stands_between_places_of_like_value() -> None:
    s = _state()
    plan = [_hex(s, p) for p in ("changchun", "mukden", "qiqihar")]
    assert lead_objective(s, plan) == plan


def test_turns_are_counted_down_to_the_last() -> None:
    s = _state()
    assert turns_left(s) == len(s.board.turns) - 1


def test_normal_keeps_its_thresholds_on_the_last_turn() -> None:
    (t,) = play_position("last_turn", "normal")
    assert not [c for c in t.result.commands if isinstance(c, AttackCommand)]

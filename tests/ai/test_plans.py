"""The operational layer reads the scenario's [[ai]] plans: group plans beat side-wide ones, later
phases beat earlier ones, events' postures override, and sensible defaults fill the gaps."""

from __future__ import annotations

import datetime as dt

from game.ai.plans import ATTACKING, task_for, tasks
from game.hexes import Hex
from game.rules import new_game
from tests.ai.helpers import KG_1939, example, play_checked, scenario


def test_group_plan_and_its_objectives() -> None:
    s = example()
    st = new_game(s, 1)
    t = task_for(st, "red", "Assault")
    assert t.posture == "attack"
    assert t.objectives == (Hex.from_offset(11, 4), Hex.from_offset(11, 3))


def test_plan_ends_then_side_wide_plan_or_default() -> None:
    s = example()
    st = new_game(s, 1)
    assert task_for(st, "red", "Flank").posture == "advance"
    later = dt.datetime(1939, 6, 5, 6)
    st.turn = next(i for i, d in enumerate(st.board.turns, 1) if d >= later)
    t = task_for(st, "red", "Flank")
    # No plan for the Flank group any more and no side-wide red plan: hold the places of value
    # red owns (none: the depot is worth nothing), that is, stay put.
    assert t.posture == "hold"
    assert t.objectives == ()


def test_side_wide_plan_covers_groups_without_their_own() -> None:
    s = example()
    st = new_game(s, 1)
    t = task_for(st, "blue", "Relief")
    assert t.posture == "defend"
    assert t.objectives[0] == Hex.from_offset(11, 4)


def test_event_posture_overrides_the_plan() -> None:
    s = example()
    st = new_game(s, 1)
    st.postures["blue/Garrison"] = "withdraw"
    assert task_for(st, "blue", "Garrison").posture == "withdraw"
    assert task_for(st, "blue", "Relief").posture == "defend"
    st.postures["blue"] = "delay"
    assert task_for(st, "blue", "Relief").posture == "delay"
    assert task_for(st, "blue", "Garrison").posture == "withdraw"


def test_phases_of_the_1939_plans() -> None:
    s = scenario(KG_1939)
    st = new_game(s, 1)
    assert task_for(st, "japanese", "Kobayashi").posture == "attack"
    aug = dt.datetime(1939, 8, 20, 6)
    st.turn = next(i for i, d in enumerate(st.board.turns, 1) if d >= aug)
    ts = tasks(st, "soviet")
    assert ts["Southern"].posture in ATTACKING
    assert ts["Reserve"].posture == "reserve"
    # The group plan (Kobayashi has none in August) falls back to the side-wide defence.
    assert task_for(st, "japanese", "Kobayashi").posture == "defend"


def test_a_later_phase_beats_a_plan_without_a_start_before_1970_too() -> None:
    """Dates before 1970 have negative timestamps; a plan that started in 1939 still ranks
    above one with no start."""
    s = scenario(KG_1939)
    st = new_game(s, 1)
    aug = dt.datetime(1939, 8, 20, 6)
    st.turn = next(i for i, d in enumerate(st.board.turns, 1) if d >= aug)
    phased = next(p for p in s.ai if p.group == "Southern" and p.start == aug)
    timeless = phased.model_copy(update={"start": None, "end": None, "posture": "hold"})
    st.scenario = s.model_copy(update={"ai": (timeless, *s.ai)})
    assert task_for(st, "soviet", "Southern").posture == phased.posture


def test_a_scenario_without_plans_still_gets_an_opponent() -> None:
    s = example().model_copy(update={"ai": ()})
    st = new_game(s, 1)
    red = task_for(st, "red", "Assault")
    assert red.posture == "attack"  # red is the side that must score
    assert set(red.objectives) == {Hex.from_offset(11, 4), Hex.from_offset(11, 3)}
    blue = task_for(st, "blue", "Garrison")
    assert blue.posture == "defend"
    game = play_checked(s, 1, "hard")
    assert game.state.result is not None

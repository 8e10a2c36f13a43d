"""Fog of war and undo: a side sees enemies only within sight; moves that revealed nothing can be
taken back until the side attacks or ends its turn."""

from __future__ import annotations

import pytest

from game.rules import (
    AttackCommand,
    EndTurnCommand,
    Game,
    IllegalCommand,
    MoveCommand,
    Options,
    visible_units,
)
from tests.rules.conftest import OPEN, unit

WIDE = ["." * 12] * 5


def ids(units):
    return sorted(u.id for u in units)


def test_without_fog_everything_is_seen(start):
    g = start(WIDE, [unit("r", "red", "inf", (0, 2)), unit("b", "blue", "inf", (11, 2))])
    assert ids(visible_units(g, "red")) == ["b", "r"]


def test_with_fog_enemies_are_seen_only_within_sight(start):
    # sight 20 km over 10 km hexes: two hexes
    units = [
        unit("r", "red", "inf", (0, 2)),
        unit("b", "blue", "inf", (3, 2)),
        unit("c", "blue", "inf", (1, 1)),
    ]
    g = start(WIDE, units, fog=True)
    assert ids(visible_units(g, "red")) == ["c", "r"]
    assert ids(visible_units(g, "blue")) == ["b", "c", "r"]


def test_hills_between_block_sight_but_not_next_door(start):
    rows = ["............", "............", ".^..........", "............", "............"]
    units = [unit("r", "red", "inf", (0, 2)), unit("b", "blue", "inf", (2, 2))]
    g = start(rows, units, fog=True)
    assert ids(visible_units(g, "red")) == ["r"]
    units = [unit("r", "red", "inf", (0, 2)), unit("b", "blue", "inf", (0, 1))]
    g = start(rows, units, fog=True)
    assert ids(visible_units(g, "red")) == ["b", "r"]


def test_moves_can_be_undone_until_an_attack(build):
    s = build(
        OPEN,
        [
            unit("r", "red", "inf", (0, 3)),
            unit("t", "red", "inf", (3, 3)),
            unit("b", "blue", "inf", (4, 3)),
        ],
    )
    game = Game(s, seed=3)
    start = game.state
    game.apply(MoveCommand(unit="r", to=(1, 2)))
    assert game.can_undo()
    game.undo()
    assert game.state is start and game.commands == []
    game.apply(MoveCommand(unit="r", to=(1, 2)))
    game.apply(AttackCommand(target=(4, 3), units=("t",)))
    assert not game.can_undo()
    with pytest.raises(IllegalCommand):
        game.undo()


def test_end_of_turn_cannot_be_undone(build):
    s = build(OPEN, [unit("r", "red", "inf", (0, 3)), unit("b", "blue", "inf", (8, 3))])
    game = Game(s)
    game.apply(MoveCommand(unit="r", to=(1, 2)))
    game.apply(EndTurnCommand())
    assert not game.can_undo()


def test_a_move_that_reveals_an_enemy_cannot_be_undone(build):
    s = build(WIDE, [unit("r", "red", "inf", (0, 2)), unit("b", "blue", "inf", (5, 2))])
    game = Game(s, options=Options(fog=True))
    assert ids(visible_units(game.state, "red")) == ["r"]
    game.apply(MoveCommand(unit="r", to=(3, 2)))
    assert ids(visible_units(game.state, "red")) == ["b", "r"]
    assert not game.can_undo()


def test_with_fog_moves_plan_around_seen_enemies_and_stop_at_unseen_ones(start):
    from game.rules import apply, reachable

    rows = ["............", "............", "............", "............", "............"]
    units = [unit("r", "red", "cav", (0, 2)), unit("b", "blue", "inf", (4, 2))]
    clear = start(rows, units)
    foggy = start(rows, units, fog=True)
    assert (5, 2) not in reachable(clear, "r")  # it knows the enemy is there
    assert (4, 2) in reachable(foggy, "r")  # it does not
    g, events = apply(foggy, MoveCommand(unit="r", to=(4, 2)))
    assert g.units["r"].coord == (3, 2) and g.units["r"].mp == 0.0
    assert "runs into unseen enemy troops" in events[0].text
    assert ids(visible_units(g, "red")) == ["b", "r"]

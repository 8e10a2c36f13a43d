"""Transport by train: a fresh unit on a railway rides it far beyond a day's march, as many units
a turn as the side's trains allow, along line the enemy neither holds nor watches."""

from __future__ import annotations

import json

from game.rules import (
    EndTurnCommand,
    Game,
    GameState,
    MoveCommand,
    Options,
    RailCommand,
    apply,
    command_to_dict,
    parse_command,
    rail_reachable,
    reachable,
    validate,
)
from tests.rules.conftest import unit

# A long strip of steppe with a railway along its top row, 10 km hexes: infantry marches 3 hexes
# a day; a train at 100 km a day runs 10.
STRIP = ["." * 20] * 4
LINE = '[[map.routes]]\nkind = "railway"\npath = [[0, 0], [19, 0]]\n'
ONE_TRAIN = "units_per_turn = 1\nkm_per_day = 100"


def _start(start, units, rail=ONE_TRAIN, **kw) -> GameState:
    return start(STRIP, units, extra=LINE + kw.pop("extra", ""), red_rail=rail, **kw)


def _far(state: GameState, uid: str) -> int:
    """The furthest column the unit can reach by train now."""
    return max((c[0] for c in rail_reachable(state, uid)), default=-1)


def test_a_train_carries_a_unit_far_beyond_its_march_and_ends_its_move(start):
    s = _start(start, [unit("r", "red", "inf", (0, 0))])
    marched = max(c[0] for c in reachable(s, "r"))  # along the embankment, on foot
    assert _far(s, "r") == 10 > 2 * marched
    s2, events = apply(s, RailCommand(unit="r", to=(10, 0)))
    r = s2.units["r"]
    assert s2.board.coord[r.pos] == (10, 0) and r.mp == 0 and r.moved
    assert "by train" in events[0].text
    assert events[0].hexes[0] == (0, 0) and events[0].hexes[-1] == (10, 0)
    assert validate(s2, MoveCommand(unit="r", to=(11, 0)))  # no march after the ride


def test_the_trains_carry_only_so_many_units_a_turn(start):
    s = _start(start, [unit("a", "red", "inf", (0, 0)), unit("b", "red", "inf", (1, 0))])
    s, _ = apply(s, RailCommand(unit="a", to=(8, 0)))
    why = validate(s, RailCommand(unit="b", to=(9, 0)))
    assert why and "all they can" in why[0]
    assert rail_reachable(s, "b") == {}
    s, _ = apply(s, EndTurnCommand())
    s, _ = apply(s, EndTurnCommand())
    assert not validate(s, RailCommand(unit="b", to=(9, 0)))


def test_a_unit_that_has_moved_or_stands_off_the_line_cannot_entrain(start):
    s = _start(start, [unit("a", "red", "inf", (0, 0)), unit("off", "red", "inf", (0, 2))])
    moved, _ = apply(s, MoveCommand(unit="a", to=(1, 0)))
    assert "fresh unit" in validate(moved, RailCommand(unit="a", to=(8, 0)))[0]
    assert "not on a railway" in validate(s, RailCommand(unit="off", to=(8, 0)))[0]
    assert "not on a railway" in validate(s, RailCommand(unit="a", to=(8, 2)))[0]


def test_a_side_without_trains_is_told_so(start):
    s = _start(start, [unit("r", "red", "inf", (0, 0))], rail="")
    why = validate(s, RailCommand(unit="r", to=(5, 0)))
    assert why and "no transport by train" in why[0]


def test_the_enemy_zone_of_control_cuts_the_line(start):
    units = [unit("r", "red", "inf", (0, 0)), unit("b", "blue", "inf", (6, 1))]
    s = _start(start, units)
    assert _far(s, "r") == 5  # short of [6,0], next to the enemy at [6,1]
    why = validate(s, RailCommand(unit="r", to=(9, 0)))
    assert why and "watches" in why[0]


def test_a_unit_in_contact_cannot_entrain(start):
    units = [unit("r", "red", "inf", (5, 0)), unit("b", "blue", "inf", (5, 1))]
    s = _start(start, units)
    assert "in contact" in validate(s, RailCommand(unit="r", to=(0, 0)))[0]


def test_line_the_enemy_holds_is_closed_to_trains(start):
    town = '[[places]]\nid = "t"\nname = "Junction"\nat = [6, 0]\nowner = "blue"\n'
    s = _start(start, [unit("r", "red", "inf", (0, 0))], extra=town)
    assert _far(s, "r") == 5


def test_under_fog_a_train_stops_where_it_runs_into_unseen_enemy(start):
    units = [unit("r", "red", "inf", (0, 0)), unit("b", "blue", "inf", (8, 1))]
    s = _start(start, units, fog=True)
    assert (10, 0) in rail_reachable(s, "r")  # the enemy is out of sight
    s2, events = apply(s, RailCommand(unit="r", to=(10, 0)))
    stopped = s2.board.coord[s2.units["r"].pos]
    assert stopped[0] < 10 and "unseen enemy" in events[0].text


def test_a_train_ride_is_saved_replayed_and_undone_like_a_move(start, build):
    s = _start(start, [unit("r", "red", "inf", (0, 0))])
    cmd = RailCommand(unit="r", to=(7, 0))
    assert parse_command(json.loads(json.dumps(command_to_dict(cmd)))) == cmd
    game = Game(s.scenario, seed=1, options=Options(fog=False))
    game.apply(cmd)
    d = game.state.to_dict()
    assert GameState.from_dict(game.scenario, json.loads(json.dumps(d))).to_dict() == d
    assert game.state.sides["red"].rail_used == 1
    assert game.can_undo()
    game.undo()
    assert game.state.board.coord[game.state.units["r"].pos] == (0, 0)
    assert game.state.sides["red"].rail_used == 0

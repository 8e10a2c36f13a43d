"""Movement: points per turn, terrain per movement class, roads, rivers, ZOC, stacking, zones."""

from __future__ import annotations

import itertools

import pytest

from game.rules import (
    EndTurnCommand,
    IllegalCommand,
    MoveCommand,
    apply,
    max_mp,
    path,
    reachable,
    validate,
)
from game.rules.ai_api import step_costs
from tests.rules.conftest import MARSH_BELT, MARSH_ROAD, OPEN, unit


def test_movement_points_come_from_speed_turn_length_and_hex_size(start):
    g = start(OPEN, [unit("i", "red", "inf", (1, 3)), unit("b", "blue", "inf", (8, 3))])
    # 30 km a day, 24-hour turns, 10 km hexes
    assert max_mp(g, g.units["i"]) == pytest.approx(3.0)
    assert g.units["i"].mp == pytest.approx(3.0)


def test_terrain_cost_depends_on_movement_class(start):
    rows = [
        ".........",
        ".........",
        ".........",
        "..^^^^...",
        ".........",
        ".........",
        ".........",
    ]
    g = start(
        rows,
        [
            unit("i", "red", "inf", (1, 3)),
            unit("t", "red", "truck", (2, 2)),
            unit("b", "blue", "inf", (8, 0)),
        ],
    )
    assert reachable(g, "i")[(2, 3)] == 2.0  # hills cost foot 2
    assert reachable(g, "t")[(2, 3)] == 3.0  # wheeled 3
    assert (3, 3) not in reachable(g, "i")  # 2 + 2 > 3 points


def test_a_class_left_out_cannot_enter_and_lakes_stop_everyone(start):
    rows = [
        ".........",
        ".........",
        ".........",
        "..,=.....",
        ".........",
        ".........",
        ".........",
    ]
    g = start(
        rows,
        [
            unit("c", "red", "cav", (1, 3)),
            unit("i", "red", "inf", (1, 2)),
            unit("b", "blue", "inf", (8, 0)),
        ],
    )
    assert (2, 3) not in reachable(g, "c")  # marsh has no horse cost
    assert validate(g, MoveCommand(unit="c", to=(2, 3))) == [
        "Marsh at [2,3] cannot be entered by horse units"
    ]
    assert (3, 3) not in reachable(g, "i")


def test_roads_make_movement_cheaper(start):
    rows, road = MARSH_BELT, MARSH_ROAD
    g = start(rows, [unit("i", "red", "inf", (0, 3)), unit("b", "blue", "inf", (8, 0))], extra=road)
    r = reachable(g, "i")
    assert r[(1, 3)] == 0.5 and r[(6, 3)] == 3.0  # six road hexes for 3 points
    assert (7, 3) not in r


def test_a_unit_with_all_its_points_may_always_move_one_hex(start):
    rows = [
        ".........",
        ".........",
        ".........",
        "..^......",
        ".........",
        ".........",
        ".........",
    ]
    # 30 km/day over 35 km hexes: 0.86 points, yet it may enter hills costing 2
    g = start(
        rows, [unit("i", "red", "inf", (1, 3)), unit("b", "blue", "inf", (8, 0))], hex_km=35.0
    )
    assert g.units["i"].mp < 1
    assert (2, 3) in reachable(g, "i")
    g2, _ = apply(g, MoveCommand(unit="i", to=(2, 3)))
    assert g2.units["i"].mp == 0.0
    assert reachable(g2, "i") == {}


def test_the_one_hex_move_survives_the_rounding_of_a_new_turns_points(start):
    """30 km/day over 21 km hexes: 1.4285714... points, stored rounded down at a new turn; the
    unit still has all its points and may enter hills costing 2."""
    rows = [".........", ".........", ".........", "..^......", ".........", "........."]
    g = start(
        rows, [unit("i", "red", "inf", (1, 3)), unit("b", "blue", "inf", (8, 0))], hex_km=21.0
    )
    for _ in range(2):
        g, _events = apply(g, EndTurnCommand())
    assert g.side == "red" and g.units["i"].mp < 30 / 21
    assert (2, 3) in reachable(g, "i")
    assert validate(g, MoveCommand(unit="i", to=(2, 3))) == []


def test_entering_an_enemy_zone_of_control_stops_the_move(start):
    g = start(OPEN, [unit("t", "red", "tank", (1, 3)), unit("b", "blue", "inf", (4, 3))])
    r = reachable(g, "t")
    assert (3, 3) in r  # next to the enemy: may enter...
    assert (5, 3) not in r  # ...but not pass through the zone beside it
    assert (4, 1) in r  # going round it is fine
    g2, events = apply(g, MoveCommand(unit="t", to=(3, 3)))
    assert g2.units["t"].mp == 0.0
    assert "halts in contact" in events[0].text


def test_leaving_an_enemy_zone_of_control_costs_extra(start):
    g = start(OPEN, [unit("i", "red", "inf", (3, 3)), unit("b", "blue", "inf", (4, 3))])
    assert reachable(g, "i")[(2, 3)] == 2.0  # 1 for steppe + 1 for leaving


def test_units_without_zoc_do_not_stop_movement(start):
    g = start(OPEN, [unit("t", "red", "tank", (1, 3)), unit("s", "blue", "screen", (4, 3))])
    assert (5, 3) in reachable(g, "t")


RIVER = [".....~...", ".....~...", ".....~...", ".....~...", ".....~...", ".....~...", ".....~..."]


def test_river_hexes_need_a_bridge_or_ford(start):
    g = start(RIVER, [unit("t", "red", "tank", (4, 3)), unit("b", "blue", "inf", (8, 0))])
    assert validate(g, MoveCommand(unit="t", to=(5, 3))) == [
        "[5,3] is a river hex with no bridge or ford"
    ]
    assert not any(c[0] >= 5 for c in reachable(g, "t"))


def test_bridges_carry_every_class(start):
    bridge = '[[map.crossings]]\nat = [5, 3]\nkind = "bridge"\n'
    g = start(
        RIVER, [unit("t", "red", "tank", (4, 3)), unit("b", "blue", "inf", (8, 0))], extra=bridge
    )
    assert (5, 3) in reachable(g, "t") and (6, 3) in reachable(g, "t")


def test_fords_carry_foot_and_horse_only(start):
    ford = '[[map.crossings]]\nat = [5, 3]\nkind = "ford"\n'
    g = start(
        RIVER,
        [
            unit("t", "red", "tank", (4, 3)),
            unit("i", "red", "inf", (4, 2)),
            unit("b", "blue", "inf", (8, 0)),
        ],
        extra=ford,
    )
    assert (5, 3) in reachable(g, "i")
    assert validate(g, MoveCommand(unit="t", to=(5, 3))) == [
        "[5,3] is a river hex with only a ford, which carries foot and horse"
    ]


def test_bridging_units_cross_anywhere(start):
    g = start(RIVER, [unit("e", "red", "eng", (4, 3)), unit("b", "blue", "inf", (8, 0))])
    assert (5, 3) in reachable(g, "e") and (6, 3) in reachable(g, "e")


def test_a_road_across_a_river_carries_a_bridge(start):
    road = '[[map.routes]]\nkind = "road"\npath = [[0, 3], [8, 3]]\n'
    g = start(
        RIVER, [unit("t", "red", "tank", (4, 3)), unit("b", "blue", "inf", (8, 0))], extra=road
    )
    assert (6, 3) in reachable(g, "t")


def test_stacking_limit_applies_where_a_move_ends_not_on_the_way(start):
    units = [
        unit("a", "red", "big", (3, 3)),
        unit("c", "red", "inf", (3, 3)),
        unit("t", "red", "tank", (2, 3)),
        unit("b", "blue", "inf", (8, 0)),
    ]
    g = start(OPEN, units)
    assert (3, 3) not in reachable(g, "t")
    assert validate(g, MoveCommand(unit="t", to=(3, 3))) == [
        "[3,3] would hold 4 stacking points; the limit is 3"
    ]
    assert path(g, "t", (4, 3)) == [(2, 3), (3, 3), (4, 3)]


def test_restricted_zones_cannot_be_entered(start):
    zone = (
        '[[zones]]\nid = "claimed"\nname = "Mongolia claimed"\nrestricted_for = ["red"]\n'
        "rows = [" + ",".join(['"......###"'] * 7) + "]\n"
    )
    g = start(
        OPEN, [unit("t", "red", "tank", (4, 3)), unit("b", "blue", "inf", (8, 0))], extra=zone
    )
    assert validate(g, MoveCommand(unit="t", to=(6, 3))) == [
        "Red units may not enter the zone Mongolia claimed"
    ]
    assert not any(c[0] >= 6 for c in reachable(g, "t"))


def test_moves_beyond_the_points_left_say_what_they_cost(start):
    g = start(OPEN, [unit("i", "red", "inf", (0, 3)), unit("b", "blue", "inf", (8, 0))])
    assert validate(g, MoveCommand(unit="i", to=(5, 3))) == [
        "i has 3.0 movement points left; [5,3] costs 5.0"
    ]
    with pytest.raises(IllegalCommand):
        apply(g, MoveCommand(unit="i", to=(5, 3)))


def test_a_move_spends_points_takes_hexes_and_never_changes_the_input(start):
    town = '[[places]]\nid = "t1"\nname = "Tamsag"\nat = [2, 3]\nvp = 3\nowner = "blue"\n'
    g = start(OPEN, [unit("i", "red", "inf", (0, 3)), unit("b", "blue", "inf", (8, 0))], extra=town)
    before = g.to_dict()
    g2, events = apply(g, MoveCommand(unit="i", to=(2, 3)))
    assert g.to_dict() == before
    assert g2.units["i"].coord == (2, 3)
    assert g2.place_owner["t1"] == "red"
    assert [e.kind for e in events] == ["move", "capture"]
    assert "Red troops take Tamsag" in events[1].text


def test_walking_through_a_place_does_not_take_it(start):
    town = '[[places]]\nid = "t1"\nname = "Tamsag"\nat = [2, 3]\nvp = 3\nowner = "blue"\n'
    g = start(OPEN, [unit("i", "red", "inf", (0, 3)), unit("b", "blue", "inf", (8, 0))], extra=town)
    g2, events = apply(g, MoveCommand(unit="i", to=(3, 3)))
    assert g2.units["i"].coord == (3, 3) and g2.units["i"].mp == 0.0
    assert g2.place_owner["t1"] == "blue"
    assert [e.kind for e in events] == ["move"]


def test_only_the_side_to_move_moves_its_own_units(start):
    g = start(OPEN, [unit("i", "red", "inf", (0, 3)), unit("b", "blue", "inf", (8, 0))])
    assert validate(g, MoveCommand(unit="b", to=(7, 0))) == ["b is Blue; Red side is to move"]
    assert validate(g, MoveCommand(unit="x", to=(7, 0))) == ["there is no unit 'x'"]


def test_pontoons_carry_every_class(start):
    pontoon = '[[map.crossings]]\nat = [5, 3]\nkind = "pontoon"\n'
    g = start(
        RIVER,
        [unit("t", "red", "tank", (4, 3)), unit("b", "blue", "inf", (8, 0))],
        extra=pontoon,
    )
    assert (6, 3) in reachable(g, "t")


def test_the_same_state_gives_the_same_reachable_hexes_after_a_round_trip(start):
    from game.rules import GameState

    g = start(OPEN, [unit("t", "red", "tank", (1, 3)), unit("b", "blue", "inf", (4, 3))])
    again = GameState.from_dict(g.scenario, g.to_dict())
    assert reachable(again, "t") == reachable(g, "t")


def test_fresh_reach_shows_what_an_enemy_could_reach_next_turn(start):
    g = start(OPEN, [unit("r", "red", "inf", (1, 3)), unit("b", "blue", "inf", (7, 3))])
    assert reachable(g, "b") == {}  # not blue's turn: no points now
    threat = reachable(g, "b", fresh=True)
    assert threat[(4, 3)] == 3.0 and (3, 3) not in threat


def test_calendar_phases_change_the_turn_length_and_so_the_movement_points(start):
    from game.rules import EndTurnCommand

    cal = (
        "start = 1939-08-20T06:00:00\nend = 1939-08-30T06:00:00\nturn_hours = 24\n"
        'first_side = "red"\n[[calendar.phases]]\nname = "Lull"\n'
        "start = 1939-08-21T06:00:00\nturn_hours = 72"
    )
    g = start(
        OPEN, [unit("i", "red", "inf", (0, 3)), unit("b", "blue", "inf", (8, 0))], calendar=cal
    )
    assert g.units["i"].mp == pytest.approx(3.0) and g.phase == ""
    g, _ = apply(g, EndTurnCommand())
    g, events = apply(g, EndTurnCommand())
    assert g.turn == 2 and g.phase == "Lull" and g.turn_hours == 72
    assert g.units["i"].mp == pytest.approx(9.0)
    assert "(Lull)" in next(e.text for e in events if e.kind == "turn")


def test_the_step_prices_a_planner_gets_add_up_to_what_moves_cost(start):
    """The AI walks its own way across the map but pays the rules' prices: along the rules'
    cheapest path, the step costs it is given sum to the cost of the move, road, marsh and the
    extra for leaving an enemy zone of control included."""
    tank, infantry = unit("t", "red", "tank", (1, 3)), unit("i", "red", "inf", (5, 4))
    g = start(MARSH_BELT, [tank, infantry, unit("b", "blue", "inf", (5, 3))], extra=MARSH_ROAD)
    b = g.board
    leave = step_costs(g, g.units["i"])
    here, west, further = b.hex_at((5, 4)), b.hex_at((4, 4)), b.hex_at((3, 4))
    assert leave(here)[west] > leave(west)[further]  # steppe both, but the first leaves a zone
    for uid in ("t", "i"):
        u = g.units[uid]
        prices = step_costs(g, u)
        for to, cost in reachable(g, uid).items():
            hexes = [b.hex_at(c) for c in path(g, uid, to)]
            steps = list(itertools.pairwise(hexes))
            if len(steps) == 1 and prices(hexes[0]).get(hexes[1], 0.0) > u.mp:
                continue  # the one hex a unit with all its points may always move
            total = sum(prices(a)[n] for a, n in steps)
            assert total == pytest.approx(cost, abs=1e-6), (uid, to)

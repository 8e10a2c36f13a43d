"""Reinforcements and scripted events: every trigger and effect type at the right time."""

from __future__ import annotations

import datetime as dt

import pytest

from game.rules import AttackCommand, EndTurnCommand, MoveCommand, apply
from game.scenario.errors import ScenarioError
from tests.rules.conftest import OPEN, unit

BASE = [unit("r", "red", "inf", (1, 3)), unit("b", "blue", "inf", (8, 0))]


def end(g, n=1):
    for _ in range(n):
        g, _ = apply(g, EndTurnCommand())
    return g


def event(eid, trigger, effects, title="Something happens"):
    return (
        f'[[events]]\nid = "{eid}"\ntitle = "{title}"\ntrigger = {trigger}\n'
        f"effects = [{', '.join(effects)}]\n"
    )


def test_reinforcements_arrive_on_their_date_at_their_hex(start):
    units = [*BASE, unit("n", "blue", "inf", (7, 3), arrives="1939-08-21T06:00:00")]
    g = start(OPEN, units)
    assert g.units["n"].status == "pool" and g.units["n"].pos is None
    g = end(g)  # blue, 20 Aug
    assert g.units["n"].status == "pool"
    g = end(g, 2)  # blue, 21 Aug
    assert g.units["n"].status == "active" and g.units["n"].coord == (7, 3)
    assert g.units["n"].mp > 0
    assert any(e.kind == "arrival" and "n (1,000 men) arrives" in e.text for e in g.log)


def test_reinforcements_take_the_nearest_free_hex_when_theirs_is_full(start):
    units = [
        unit("r", "red", "inf", (1, 3)),
        unit("b", "blue", "big", (7, 3)),
        unit("n", "blue", "big", (7, 3), arrives="1939-08-20T06:00:00"),
    ]
    g = end(start(OPEN, units))
    assert g.units["n"].active
    assert g.units["n"].pos.distance(g.units["b"].pos) == 1


def test_units_released_by_an_event_enter_when_it_fires(start):
    extra = (
        '[[places]]\nid = "hill"\nname = "Hill 733"\nat = [2, 3]\nowner = "blue"\n'
        + event(
            "reserve",
            '{ type = "place_captured", place = "hill", by = "red" }',
            ['{ type = "release_units" }'],
        )
        + event(
            "after",
            '{ type = "event_fired", event = "reserve" }',
            ['{ type = "message", text = "Reserve moves up." }'],
        )
    )
    units = [*BASE, unit("x", "red", "inf", (0, 0), released_by="reserve")]
    g = start(OPEN, units, extra=extra)
    assert g.units["x"].status == "pool"
    g, events = apply(g, MoveCommand(unit="r", to=(2, 3)))
    kinds = [e.kind for e in events]
    assert kinds[:3] == ["move", "capture", "event"]
    assert g.units["x"].active and g.units["x"].coord == (0, 0)
    assert g.fired == ["reserve", "after"]
    assert any(e.text == "Reserve moves up." for e in events)


def test_date_and_turn_triggers_fire_at_the_start_of_their_turn(start):
    extra = event(
        "tired",
        '{ type = "date", date = 1939-08-21T06:00:00 }',
        [
            '{ type = "doctrine", side = "red", '
            "set = { attacker_losses = 2.0, rigid_orders = true } }"
        ],
    ) + event("t3", '{ type = "turn", turn = 3 }', ['{ type = "message", text = "Third day." }'])
    g = start(OPEN, BASE, extra=extra)
    assert g.fired == []
    g = end(g)
    assert g.fired == []
    g = end(g)
    assert g.fired == ["tired"]
    assert g.sides["red"].doctrine.attacker_losses == 2.0 and g.sides["red"].doctrine.rigid_orders
    g = end(g, 2)
    assert g.fired == ["tired", "t3"]


def test_morale_supply_air_posture_and_victory_point_effects(start):
    extra = event(
        "boost",
        '{ type = "turn", turn = 1 }',
        [
            '{ type = "morale", side = "red", change = 0.2 }',
            '{ type = "supply", side = "blue", range_factor = 0.5 }',
            '{ type = "air", side = "red", aircraft = 30 }',
            '{ type = "posture", side = "blue", posture = "withdraw" }',
            '{ type = "victory_points", side = "red", vp = 4 }',
        ],
    )
    g = start(OPEN, BASE, extra=extra, red="morale = 0.5")
    assert g.units["r"].morale == 0.7
    assert g.sides["blue"].supply_factor == 0.5
    assert g.sides["red"].aircraft == 30
    assert g.postures == {"blue": "withdraw"}
    assert g.sides["red"].vp_bonus == 4


def test_surrender_effect_and_unit_destroyed_trigger(start):
    extra = event(
        "gone",
        '{ type = "unit_destroyed", unit = "b" }',
        ['{ type = "surrender", side = "blue", group = "rest", fraction = 1.0 }'],
    )
    units = [
        unit("r", "red", "inf", (3, 3), men=10000),
        unit("b", "blue", "militia", (4, 3)),
        unit("c", "blue", "inf", (8, 0), group="rest"),
        unit("d", "blue", "inf", (8, 6), group="rest"),
    ]
    g = start(OPEN, units, extra=extra)
    g, events = apply(g, AttackCommand(target=(4, 3), units=("r",)))
    assert g.fired == ["gone"]
    assert g.units["c"].status == "surrendered" and g.units["d"].status == "surrendered"
    assert any(e.kind == "surrender" and len(e.changes) == 2 for e in events)


def test_strength_below_and_zone_clear_triggers_and_end_game(start):
    zone = (
        '[[zones]]\nid = "bank"\nname = "East bank"\nrows = ['
        + ",".join(['"....#####"'] * 7)
        + "]\n"
    )
    extra = (
        zone
        + event(
            "weak",
            '{ type = "strength_below", side = "blue", fraction = 0.5 }',
            ['{ type = "message", text = "Blue is bled white." }'],
        )
        + event(
            "clear",
            '{ type = "zone_clear", zone = "bank", side = "blue" }',
            ['{ type = "end_game", text = "The bank is clear." }'],
        )
    )
    units = [unit("r", "red", "inf", (3, 3), men=10000), unit("b", "blue", "militia", (4, 3))]
    g = start(OPEN, units, extra=extra)
    assert g.fired == []
    g, _ = apply(g, AttackCommand(target=(4, 3), units=("r",), advance=False))
    assert g.fired == ["weak", "clear"]
    assert g.game_over and g.result is not None and g.result["reason"] == "event"
    assert any(e.text == "The bank is clear." for e in g.log)


def test_withdraw_effect_takes_units_away_without_losses(start):
    extra = event(
        "recalled",
        '{ type = "turn", turn = 2 }',
        ['{ type = "withdraw", side = "blue", group = "tanks", units = ["e"] }'],
    )
    units = [
        unit("r", "red", "inf", (1, 3)),
        unit("c", "blue", "inf", (8, 0), group="tanks"),
        unit("d", "blue", "inf", (8, 6), group="tanks"),
        unit("e", "blue", "inf", (6, 6)),
        unit("f", "blue", "inf", (6, 2)),
    ]
    g = start(OPEN, units, extra=extra)
    lost_before = g.sides["blue"].men_lost
    g = end(g, 2)
    assert g.fired == ["recalled"]
    assert [g.units[u].status for u in "cdef"] == ["withdrawn"] * 3 + ["active"]
    assert all(g.units[u].pos is None for u in "cde")
    assert g.sides["blue"].men_lost == lost_before  # not a loss: no victory points for red
    assert any(e.kind == "withdraw" for e in g.log)


def test_not_before_holds_a_trigger_back_until_its_date(start):
    extra = (
        event("late", '{ type = "turn", turn = 1 }', ['{ type = "message", text = "Late." }'])
        + "not_before = 1939-08-23T06:00:00\n"
    )
    g = start(OPEN, BASE, extra=extra)
    assert g.fired == []
    while g.date < dt.datetime(1939, 8, 23, 6):
        assert "late" not in g.fired
        g = end(g)
    assert g.fired == ["late"]


def test_all_and_any_combine_conditions_and_losses_cost_men_without_a_fight(start):
    town = '[[places]]\nid = "t1"\nname = "Kholm"\nat = [2, 3]\nvp = 3\nowner = "blue"\n'
    event = """
[[events]]
id = "bombing"
title = "Bombing"
trigger = { type = "all", of = [
  { type = "turn", turn = 2 },
  { type = "any", of = [
    { type = "place_held", place = "t1", by = "red" },
    { type = "turn", turn = 99 },
  ] },
] }
effects = [{ type = "losses", side = "red", share = 0.1, text = "Blue bombers" }]
"""
    units = [unit("r", "red", "inf", (1, 3), men=1000), unit("b", "blue", "inf", (8, 0))]
    g = start(OPEN, units, extra=town + event)
    g, _ = apply(g, MoveCommand(unit="r", to=(2, 3)))  # red takes Kholm on turn 1
    g, _ = apply(g, EndTurnCommand())
    assert "bombing" not in g.fired  # the date part does not hold yet
    g, events = apply(g, EndTurnCommand())
    assert "bombing" in g.fired
    hit = next(e for e in events if e.kind == "losses")
    assert hit.text.startswith("Blue bombers: Red losses 100 men")
    red = g.sides["red"]
    assert red.men_lost == 100 and red.men_killed + red.men_wounded == 100


def test_a_wrong_id_deep_in_a_combined_trigger_is_located(start):
    event = """
[[events]]
id = "e"
title = "E"
trigger = { type = "any", of = [
  { type = "turn", turn = 2 },
  { type = "place_held", place = "nowhere", by = "red" },
] }
"""
    with pytest.raises(ScenarioError) as info:
        start(OPEN, BASE, extra=event)
    err = info.value.errors[0]
    assert err.message == "unknown place 'nowhere'"
    assert err.path.endswith("trigger.of[1].place") and err.line > 0 and err.col > 0


def test_units_near_fires_when_enough_men_of_the_group_stand_close_enough(start):
    """Two pincers meet: the event waits until the named group has its men within reach of the
    place, and other units near it do not count."""
    town = '[[places]]\nid = "t1"\nname = "Kholm"\nat = [5, 3]\nvp = 3\nowner = "blue"\n'
    meet = event(
        "met",
        '{ type = "units_near", side = "red", group = "north", place = "t1", '
        "within_km = 20, men = 1500 }",
        ['{ type = "message", text = "The pincers meet." }'],
    )
    units = [
        unit("n", "red", "inf", (1, 3), men=2000, group="north"),
        unit("s", "red", "inf", (3, 4), men=2000, group="south"),
        unit("b", "blue", "inf", (8, 0)),
    ]
    g = start(OPEN, units, extra=town + meet)
    assert "met" not in g.fired  # only the wrong group is near
    g, _ = apply(g, MoveCommand(unit="n", to=(2, 3)))
    assert "met" not in g.fired  # three hexes (30 km) away: too far
    g, _ = apply(g, MoveCommand(unit="n", to=(3, 3)))
    assert "met" in g.fired


def test_units_near_names_a_wrong_group_or_place_with_its_position(start):
    meet = event(
        "met",
        '{ type = "units_near", side = "red", group = "nobody", place = "nowhere" }',
        ['{ type = "message", text = "The pincers meet." }'],
    )
    with pytest.raises(ScenarioError) as info:
        start(OPEN, BASE, extra=meet)
    found = {(e.message, e.path.rsplit(".", 1)[-1]) for e in info.value.errors}
    assert ("unknown place 'nowhere'", "place") in found
    assert any("no units in group 'nobody'" in m and p == "group" for m, p in found)
    assert all(e.line > 0 and e.col > 0 for e in info.value.errors)

"""Air power: interdiction slows the enemy, air superiority shoots down and contests, losses are
counted, and missions end when the side's next turn begins."""

from __future__ import annotations

from game.rules import AirCommand, EndTurnCommand, apply, reachable, supply_map, validate
from game.rules.air import superiority_share
from tests.rules.conftest import OPEN, unit

UNITS = [unit("r", "red", "inf", (1, 3)), unit("b", "blue", "inf", (7, 3))]


def test_interdiction_slows_enemy_movement_and_supply_near_its_target(start):
    g = start(OPEN, UNITS, red_air="aircraft = 40", blue="supply_range_km = 40")
    before = reachable(g, "r")
    g, _ = apply(g, AirCommand(mission="interdiction", aircraft=20, target=(7, 3)))
    g, _ = apply(g, EndTurnCommand())  # blue moves under interdiction
    assert reachable(g, "b")[(6, 3)] == 1.5
    assert supply_map(g, "blue")[(7, 3)] == 1.5
    g, _ = apply(g, EndTurnCommand())  # red's turn: its missions are over
    assert g.air == []
    assert reachable(g, "r") == before


def test_air_superiority_shoots_down_enemy_aircraft_and_counts_losses(start):
    g = start(OPEN, UNITS, red_air="aircraft = 400\nquality = 1.5", blue_air="aircraft = 200")
    g2, events = apply(g, AirCommand(mission="air_superiority", aircraft=400))
    assert g2.sides["blue"].aircraft < 200
    assert g2.sides["blue"].aircraft_lost == 200 - g2.sides["blue"].aircraft
    assert g2.sides["red"].aircraft + g2.sides["red"].aircraft_lost == 400
    assert "enemy aircraft shot down" in events[0].text


def test_enemy_air_superiority_weakens_and_bleeds_missions(start):
    def red_support(blue_cap: bool):
        g = start(OPEN, UNITS, red_air="aircraft = 100", blue_air="aircraft = 300")
        g, _ = apply(g, EndTurnCommand())
        if blue_cap:
            g, _ = apply(g, AirCommand(mission="air_superiority", aircraft=300))
        g, _ = apply(g, EndTurnCommand())
        share = superiority_share(g, "red")
        g, _ = apply(g, AirCommand(mission="support", aircraft=90, target=(1, 3)))
        return g, share

    (free, no_cap), (contested, cap) = red_support(False), red_support(True)
    assert no_cap == 0 and cap > 0.5
    # same 90 aircraft: the contested mission has fewer effective sorties
    assert contested.air[-1].strength < free.air[-1].strength


def test_aircraft_are_committed_once_a_turn_and_replaced_daily(start):
    g = start(OPEN, UNITS, red_air="aircraft = 10\nreplacements_per_day = 4")
    g, _ = apply(g, AirCommand(mission="air_superiority"))  # 0 = every free aircraft
    assert g.sides["red"].air_allocated == 10
    assert validate(g, AirCommand(mission="support", target=(7, 3))) == [
        "no aircraft are free this turn"
    ]
    assert validate(g, AirCommand(mission="support")) != []
    have = g.sides["red"].aircraft
    g, _ = apply(g, EndTurnCommand())
    g, _ = apply(g, EndTurnCommand())
    assert g.sides["red"].aircraft == have + 4 and g.sides["red"].air_allocated == 0


def test_one_aircraft_a_day_arrives_even_with_half_day_turns(start):
    cal = (
        "start = 1939-08-20T06:00:00\nend = 1939-08-30T06:00:00\nturn_hours = 12\n"
        'first_side = "red"'
    )
    g = start(OPEN, UNITS, red_air="aircraft = 10\nreplacements_per_day = 1", calendar=cal)
    counts = []
    for _ in range(4):  # four half-day turns
        g, _ = apply(g, EndTurnCommand())
        g, _ = apply(g, EndTurnCommand())
        counts.append(g.sides["red"].aircraft)
    assert counts == [10, 11, 11, 12]

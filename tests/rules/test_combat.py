"""Combat: each modifier one at a time, the odds, losses, retreat, rout, surrender, doctrine."""

from __future__ import annotations

import pytest

from game.rules import (
    AirCommand,
    AttackCommand,
    BombardCommand,
    EndTurnCommand,
    MoveCommand,
    apply,
    preview,
    validate,
)
from game.rules import constants as C
from game.rules.attrition import combat_days
from tests.rules.conftest import OPEN, unit

RED = unit("r", "red", "inf", (3, 3))
BLUE = unit("b", "blue", "inf", (4, 3))
HIT = AttackCommand(target=(4, 3), units=("r",))


def ratio(g, cmd=HIT):
    assert validate(g, cmd) == []
    return preview(g, cmd).ratio


def test_equal_forces_on_open_ground_meet_at_one_to_one(start):
    g = start(OPEN, [RED, BLUE])
    o = preview(g, HIT)
    assert o.ratio == pytest.approx(1.0)
    assert sum(o.outcomes.values()) == pytest.approx(1.0)
    # the die shifts 1:1 to 0.5 (repulsed), 0.7/0.85/1.0 (held), 1.2/1.5 (retreat)
    assert o.outcomes["repulsed"] == pytest.approx(1 / 6)
    assert o.outcomes["held"] == pytest.approx(3 / 6)
    assert o.outcomes["retreat"] == pytest.approx(2 / 6)


def test_terrain_multiplies_defence(start):
    rows = [
        ".........",
        ".........",
        ".........",
        "....o....",
        ".........",
        ".........",
        ".........",
    ]
    o = preview(start(rows, [RED, BLUE]), HIT)
    assert o.factors["terrain"] == 1.5
    assert o.ratio == pytest.approx(1 / 1.5, rel=1e-3)


def test_entrenchment_multiplies_defence_by_the_doctrine_bonus(start):
    g = start(
        OPEN, [RED, unit("b", "blue", "inf", (4, 3), entrenched=True)], blue="entrench_bonus = 0.5"
    )
    assert preview(g, HIT).factors["entrenched"] == 1.5
    assert ratio(g) == pytest.approx(1 / 1.5, rel=1e-3)


def test_attacking_out_of_a_river_hex_halves_the_attack(start):
    rows = [
        ".........",
        ".........",
        ".........",
        "...~.....",
        ".........",
        ".........",
        ".........",
    ]
    ford = '[[map.crossings]]\nat = [3, 3]\nkind = "ford"\n'
    g = start(rows, [RED, BLUE], extra=ford)
    assert preview(g, HIT).factors["river"] == 0.5
    assert ratio(g) == pytest.approx(0.5, rel=1e-3)


def test_combined_arms_needs_armour_infantry_and_guns(start):
    units = [
        unit("r", "red", "inf", (3, 3)),
        unit("t", "red", "tank", (4, 2), men=500, tanks=20),
        unit("a", "red", "art", (2, 3), men=200, guns=10),
        unit("b", "blue", "inf", (4, 3), men=5000),
    ]
    g = start(OPEN, units, red="combined_arms = 0.5")
    full = preview(g, AttackCommand(target=(4, 3), units=("r", "t"), support=("a",)))
    half = preview(g, AttackCommand(target=(4, 3), units=("r", "t")))
    alone = preview(g, AttackCommand(target=(4, 3), units=("r",), support=("a",)))
    assert full.factors["combined_arms"] == pytest.approx(1.5)
    assert half.factors["combined_arms"] == pytest.approx(1.25)
    assert "combined_arms" not in alone.factors
    # a side without the doctrine gets nothing
    g0 = start(OPEN, units)
    assert (
        "combined_arms" not in preview(g0, AttackCommand(target=(4, 3), units=("r", "t"))).factors
    )


def test_quality_scales_strength(start):
    g = start(OPEN, [unit("r", "red", "inf", (3, 3), quality=2.0), BLUE])
    assert ratio(g) == pytest.approx(2.0)


def test_morale_scales_strength(start):
    g = start(OPEN, [RED, BLUE], red="morale = 1.0", blue="morale = 0.5")
    assert ratio(g) == pytest.approx(1.4 / 1.0)


def test_an_attacker_out_of_supply_is_weaker(start):
    g = start(OPEN, [RED, BLUE], red="supply_range_km = 10", red_supply="at = [0, 0]")
    assert not g.units["r"].supplied
    assert ratio(g) == pytest.approx(0.5)


def test_a_defender_out_of_supply_is_weaker(start):
    g = start(OPEN, [RED, BLUE], blue="supply_range_km = 10", blue_supply="at = [8, 6]")
    assert not g.units["b"].supplied
    assert ratio(g) == pytest.approx(1 / 0.75, rel=1e-3)


def test_tanks_count_by_their_tank_factor(start):
    g = start(OPEN, [unit("r", "red", "tank", (3, 3), men=0, tanks=40), BLUE])
    # 40 tanks x 0.25 x tank_factor 1.0 x type attack 1.2 = 12 against 10 men-points
    assert ratio(g) == pytest.approx(1.2)


def test_doctrine_loss_multipliers(start):
    big = [unit("r", "red", "inf", (3, 3), men=10000), unit("b", "blue", "inf", (4, 3), men=10000)]
    plain = preview(start(OPEN, big), AttackCommand(target=(4, 3), units=("r",)))
    harsh = preview(
        start(OPEN, big, red="attacker_losses = 2.0", blue="defender_losses = 0.5"),
        AttackCommand(target=(4, 3), units=("r",)),
    )
    assert harsh.attacker_losses[0] == pytest.approx(2 * plain.attacker_losses[0], rel=0.01)
    assert harsh.defender_losses[0] == pytest.approx(0.5 * plain.defender_losses[0], rel=0.02)


def test_rigid_orders_stop_attackers_moving_again(start):
    g = start(OPEN, [RED, BLUE], red="rigid_orders = true")
    g2, _ = apply(g, HIT)
    assert g2.units["r"].mp == 0.0 and g2.units["r"].has_attacked
    if g2.units["r"].coord == (3, 3):
        assert validate(g2, MoveCommand(unit="r", to=(2, 3))) == [
            "r has attacked this turn and its orders are rigid: it may not move"
        ]


def test_initiative_is_the_share_of_movement_left_after_attacking(start):
    g = start(OPEN, [RED, BLUE], red="initiative = 0.5")
    g2, _ = apply(g, AttackCommand(target=(4, 3), units=("r",), advance=False))
    assert g2.units["r"].mp == pytest.approx(1.5)
    assert validate(g2, HIT) == ["r has already attacked this turn"]


def test_artillery_in_range_adds_its_fire(start):
    units = [RED, BLUE, unit("a", "red", "art", (2, 3), men=200, guns=10)]
    g = start(OPEN, units)
    cmd = AttackCommand(target=(4, 3), units=("r",), support=("a",))
    o = preview(g, cmd)
    assert o.factors["artillery"] == pytest.approx(10 * 0.2)
    far = start(OPEN, [RED, BLUE, unit("a", "red", "art", (0, 3), men=200, guns=10)])
    assert validate(far, cmd) == ["a is out of range: [4,3] is 4 hexes away, its range is 2"]


def test_bombardment_causes_losses_without_retreat_or_loss_to_the_guns(start):
    units = [
        unit("a", "red", "art", (2, 3), men=200, guns=60),
        unit("b", "blue", "inf", (4, 3), men=2000),
    ]
    g = start(OPEN, units)
    g2, events = apply(g, BombardCommand(unit="a", target=(4, 3)))
    assert g2.units["b"].men < 2000 and g2.units["b"].coord == (4, 3)
    assert g2.units["a"].men == 200 and g2.units["a"].guns == 60
    assert events[0].kind == "bombard" and events[0].changes


def test_air_support_adds_to_attacks_near_its_target(start):
    g = start(OPEN, [RED, BLUE], red_air="aircraft = 50\nsorties_per_day = 1")
    g2, events = apply(g, AirCommand(mission="support", aircraft=50, target=(4, 3)))
    assert events[0].kind == "air"
    o = preview(g2, HIT)
    assert o.factors["air"] > 0
    assert o.ratio > 1.0
    assert g2.sides["red"].air_allocated == 50
    assert validate(g2, AirCommand(mission="support", aircraft=1, target=(4, 3))) == [
        "no aircraft are free this turn"
    ]


def test_the_outcome_of_an_attack_is_one_the_preview_allows(start):
    g0 = start(OPEN, [RED, BLUE])
    o = preview(g0, HIT)
    seen = set()
    for seed in range(40):
        g = start(OPEN, [RED, BLUE], seed=seed)
        _, events = apply(g, HIT)
        combat = next(e for e in events if e.kind == "combat")
        for name, words in {
            "repulsed": "is repulsed",
            "held": "is held",
            "retreat": "drives the defenders back",
        }.items():
            if words in combat.text:
                seen.add(name)
    assert seen <= {k for k, v in o.outcomes.items() if v > 0}
    assert len(seen) >= 2


def test_overwhelming_odds_rout_the_defender_who_falls_back_away_and_is_followed(start):
    g = start(OPEN, [unit("r", "red", "inf", (3, 3), men=10000), BLUE])
    assert preview(g, HIT).outcomes["rout"] == 1.0
    g2, events = apply(g, HIT)
    b = g2.units["b"]
    assert b.active and b.coord is not None
    assert b.pos.distance(g2.units["r"].pos) >= 2 or g2.units["r"].coord == (4, 3)
    assert g2.units["r"].coord == (4, 3)  # the attacker advanced into the emptied hex
    assert b.morale < g.units["b"].morale
    text = " ".join(e.text for e in events)
    assert "routs to" in text and "advances into" in text


def _boxed_in() -> list:
    """Blue at [4,3] with red on every side it could fall back to."""
    return [
        unit("r", "red", "inf", (3, 3), men=10000),
        unit("n", "red", "inf", (5, 1)),
        unit("e", "red", "inf", (6, 3)),
        unit("s", "red", "inf", (5, 5)),
        BLUE,
    ]


def end_both_turns(g):
    for _ in range(2):
        g, _events = apply(g, EndTurnCommand())
    return g


def test_a_defender_with_no_way_out_is_overrun_not_taken_whole(start):
    units = _boxed_in()
    g = start(OPEN, units, blue="capture_share = 0.0")
    o = preview(g, HIT)
    assert o.outcomes["overrun"] + o.outcomes["destroyed"] == pytest.approx(1.0)
    g2, events = apply(g, HIT)
    b = g2.units["b"]
    lost = g2.sides["blue"]
    # It fights where it stands: heavy losses, but no prisoners from a side that does not give up
    assert lost.men_captured == 0
    assert lost.men_lost > 0.1 * g.units["b"].men
    assert b.status in ("active", "destroyed")
    if b.active:
        assert b.coord == (4, 3)
        assert "no way out" in " ".join(e.text for e in events)


def test_a_pocket_is_destroyed_by_days_of_fighting(start):
    """Attack a boxed-in unit turn after turn: it is ground down and finally broken up."""
    units = _boxed_in()
    g = start(OPEN, units, blue="capture_share = 0.05")
    for _ in range(12):
        if not g.units["b"].active:
            break
        g, _ev = apply(g, HIT)
        g = end_both_turns(g)
    assert g.units["b"].status == "destroyed"
    blue = g.sides["blue"]
    assert blue.men_lost == 1000
    assert blue.men_captured < 0.1 * blue.men_lost


def test_a_side_that_surrenders_readily_loses_prisoners_when_overrun(start):
    units = _boxed_in()
    g = start(OPEN, units, blue="capture_share = 0.9")
    g2, _ = apply(g, HIT)
    blue = g2.sides["blue"]
    assert blue.men_captured > blue.men_killed


def test_losses_are_recorded_in_men_tanks_and_guns(start):
    units = [
        unit("r", "red", "tank", (3, 3), men=2000, tanks=100, guns=20),
        unit("b", "blue", "inf", (4, 3), men=3000, guns=30),
    ]
    g = start(OPEN, units)
    g2, events = apply(g, HIT)
    combat = next(e for e in events if e.kind == "combat")
    for uid, men, tanks, guns in combat.changes:
        u0, u1 = g.units[uid], g2.units[uid]
        assert (u1.men - u0.men, u1.tanks - u0.tanks, u1.guns - u0.guns) == (men, tanks, guns)
    assert g2.sides["red"].men_lost == 2000 - g2.units["r"].men


def test_units_that_may_dissolve_melt_away_when_attacked(start):
    g = start(OPEN, [RED, unit("b", "blue", "militia", (4, 3))])
    assert preview(g, HIT).dissolve_chance == 1.0
    g2, events = apply(g, HIT)
    assert g2.units["b"].status == "destroyed"
    assert "melts away" in events[0].text
    assert g2.units["r"].coord == (4, 3)


def test_attacks_must_come_from_next_door_at_an_enemy(start):
    g = start(OPEN, [unit("r", "red", "inf", (1, 3)), BLUE])
    assert validate(g, HIT) == ["r at [1,3] is not next to [4,3]"]
    assert validate(g, AttackCommand(target=(5, 3), units=("r",))) == [
        "there is no enemy unit at [5,3]",
        "r at [1,3] is not next to [5,3]",
    ]


def test_advancing_into_a_place_takes_it(start):
    town = '[[places]]\nid = "t"\nname = "Nomonhan"\nat = [4, 3]\nvp = 5\nowner = "blue"\n'
    g = start(OPEN, [unit("r", "red", "inf", (3, 3), men=10000), BLUE], extra=town)
    g2, events = apply(g, HIT)
    assert g2.place_owner["t"] == "red"
    assert [e.kind for e in events][:2] == ["combat", "capture"]


def test_retreats_keep_out_of_restricted_zones_and_enemy_zones_of_control(start):
    zone = (
        '[[zones]]\nid = "home"\nname = "Home"\nrestricted_for = ["blue"]\n'
        "rows = [" + ",".join(['"......###"'] * 7) + "]\n"
    )
    units = [
        unit("r", "red", "inf", (3, 3), men=10000),
        unit("n", "red", "inf", (4, 1)),  # its zone of control covers the hexes north of [4,3]
        BLUE,
    ]
    g = start(OPEN, units, extra=zone)
    g2, _ = apply(g, AttackCommand(target=(4, 3), units=("r",), advance=False))
    b = g2.units["b"]
    assert b.active and b.coord is not None
    assert b.coord[0] < 6  # not into the zone it may not enter
    from game.rules.zoc import occupancy

    red_zoc = occupancy(g).zoc["red"]
    assert b.pos not in red_zoc
    assert b.pos.distance(g2.units["r"].pos) == 2  # routed two hexes away


@pytest.mark.parametrize(("home", "north_of_start"), [("north", True), ("south", False)])
def test_a_routed_unit_falls_back_towards_its_own_lines(start, home, north_of_start):
    """Of the hexes as far from the attacker, a routed unit takes those towards its supply
    sources: driven east, a unit whose lines lie north falls back north-east, one whose lines
    lie south falls back south-east."""
    units = [unit("r", "red", "inf", (3, 3), men=10000), BLUE]
    g = start(OPEN, units, blue_supply=f'edge = "{home}"')
    g2, _ = apply(g, AttackCommand(target=(4, 3), units=("r",), advance=False))
    b = g2.units["b"]
    assert b.active and b.coord is not None
    assert b.pos.distance(g2.units["r"].pos) == 3  # routed two hexes further away
    assert (b.coord[1] < 3) is north_of_start and b.coord[1] != 3


def test_the_odds_of_an_impossible_attack_say_why(start):
    from game.rules import IllegalCommand

    g = start(OPEN, [unit("r", "red", "inf", (1, 3)), BLUE])
    with pytest.raises(IllegalCommand, match="not next to"):
        preview(g, HIT)


GUNS = [(2, 3), (3, 2), (3, 4), (4, 1)]


def _shell_with_every_gun(g):
    """Each red gun unit shells blue at [4,3] once, in the same turn."""
    for i in range(len(GUNS)):
        g, _events = apply(g, BombardCommand(unit=f"a{i}", target=(4, 3)))
    return g


def _guns() -> list:
    return [unit(f"a{i}", "red", "art", at, men=300, guns=80) for i, at in enumerate(GUNS)]


def _ceiling_men(g, uid: str) -> float:
    """Dupuy's daily ceiling on a defender's losses, for one turn, in men."""
    u = g.units[uid]
    days = combat_days(g.turn_hours)
    return C.DEFENDER_RATE_CAP * days * g.sides[u.side].doctrine.defender_losses * u.men


def test_a_turns_fire_on_a_unit_stays_within_the_days_ceiling(start):
    """However many guns and attacks fall on a supplied unit in one turn, it loses no more to
    fire than Dupuy's ceiling for a day's fighting; the next turn it can be hit again."""
    g = start(OPEN, [*_guns(), unit("b", "blue", "inf", (4, 3), men=3000)])
    one, _events = apply(g, BombardCommand(unit="a0", target=(4, 3)))
    first = 3000 - one.units["b"].men
    assert first > 0
    shelled = _shell_with_every_gun(g)
    lost = 3000 - shelled.units["b"].men
    assert lost < len(GUNS) * first  # the ceiling bit
    assert lost <= _ceiling_men(g, "b") + len(GUNS)  # (rounding to whole men)
    again = _shell_with_every_gun(end_both_turns(shelled))
    assert again.units["b"].men < shelled.units["b"].men


def test_an_encircled_unit_has_no_ceiling_to_shelter_it(start):
    """Cut off from supply, every gun and every attack costs a unit in full: pockets are
    destroyed in days, not held for ever at a day's ceiling."""
    units = [*_boxed_in(), *_guns()]
    g = start(OPEN, units)
    assert g.units["b"].encircled
    shelled = _shell_with_every_gun(g)
    assert g.units["b"].men - shelled.units["b"].men > _ceiling_men(g, "b") + len(GUNS)


def test_a_second_attack_in_the_same_turn_costs_the_defender_less(start):
    """Once a supplied defender has had a day's fighting, the next attack that turn takes a
    smaller share of its men (its ceiling is partly used, and a unit standing fast is overrun
    once a turn); the next turn it is as exposed as before."""
    attackers = [(3, 3), (4, 2), (4, 4)]  # the east side stays open: blue is not cut off
    units = [unit(f"r{i}", "red", "inf", at, men=9000) for i, at in enumerate(attackers)]
    units.append(unit("b", "blue", "inf", (4, 3), men=3000))
    second = AttackCommand(target=(4, 3), units=("r1",))

    def share(state) -> float:
        return preview(state, second).defender_losses[0] / state.units["b"].men

    for seed in range(20):  # the first game in which blue stands after the first attack
        g = start(OPEN, units, seed=seed, blue="stands_fast = true")
        fresh = share(g)
        hit, _events = apply(g, AttackCommand(target=(4, 3), units=("r0",)))
        if hit.units["b"].coord == (4, 3):
            break
    assert not hit.units["b"].encircled and hit.units["b"].coord == (4, 3)
    assert share(hit) < fresh
    assert share(end_both_turns(hit)) >= fresh

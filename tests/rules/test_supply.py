"""Supply: traced from sources through passable hexes, cut by enemy units and zones of control,
extended by roads; out of supply means attrition and, after long isolation, surrender."""

from __future__ import annotations

from game.rules import BombardCommand, EndTurnCommand, MoveCommand, apply, supply_map
from tests.rules.conftest import MARSH_BELT, MARSH_ROAD, OPEN, unit

CORRIDOR = ["=========", ".........", ".........", "========="]


def end(g, n=1):
    for _ in range(n):
        g, _ = apply(g, EndTurnCommand())
    return g


def test_supply_reaches_as_far_as_the_range_allows(start):
    g = start(
        OPEN,
        [unit("r", "red", "inf", (1, 3)), unit("b", "blue", "inf", (8, 0))],
        red="supply_range_km = 30",
    )
    m = supply_map(g, "red")
    assert m[(0, 3)] == 0 and m[(3, 3)] == 3.0
    assert (4, 3) not in m


def test_terrain_supply_cost_and_roads(start):
    rows, road = MARSH_BELT, MARSH_ROAD
    units = [unit("r", "red", "inf", (1, 1)), unit("b", "blue", "inf", (8, 0))]
    g = start(rows, units, red="supply_range_km = 30")
    assert (2, 3) not in supply_map(g, "red") or supply_map(g, "red")[(2, 3)] > 2  # marsh costs 3
    g = start(rows, units, red="supply_range_km = 30", extra=road)
    assert supply_map(g, "red")[(6, 3)] == 3.0  # road: 0.5 a hex


def test_enemy_units_and_their_zones_of_control_cut_supply(start):
    units = [unit("r", "red", "inf", (8, 2)), unit("b", "blue", "inf", (4, 1))]
    g = start(CORRIDOR, units, red="supply_range_km = 1000", blue_supply="at = [4, 1]")
    assert not g.units["r"].supplied
    m = supply_map(g, "red")
    assert (3, 2) in m and (4, 2) not in m and (5, 2) not in m


def test_friendly_units_keep_a_line_open_through_enemy_zones_of_control(start):
    units = [
        unit("r", "red", "inf", (8, 2)),
        unit("p", "red", "inf", (4, 2)),
        unit("q", "red", "inf", (5, 2)),
        unit("b", "blue", "inf", (4, 1)),
    ]
    g = start(CORRIDOR, units, red="supply_range_km = 1000", blue_supply="at = [4, 1]")
    assert g.units["r"].supplied


def test_cut_off_units_suffer_attrition_and_lose_morale(start):
    units = [unit("r", "red", "inf", (8, 2), men=1000), unit("b", "blue", "inf", (4, 1))]
    g = start(
        CORRIDOR,
        units,
        red="supply_range_km = 1000\nsurrender_after_turns = 50",
        blue_supply="at = [4, 1]",
    )
    g2 = end(g, 2)  # red's next turn begins
    u = g2.units["r"]
    assert u.men == 980 and u.turns_out == 1 and u.morale < g.units["r"].morale
    attrition = [e for e in g2.log if e.kind == "attrition"]
    assert attrition and attrition[-1].changes == (("r", -20, 0, 0),)


def _pocket(start, doctrine: str):
    units = [unit("r", "red", "inf", (8, 2), men=1000), unit("b", "blue", "inf", (4, 1))]
    return start(
        CORRIDOR,
        units,
        red="supply_range_km = 1000\nsurrender_after_turns = 2\n" + doctrine,
        blue_supply="at = [4, 1]",
    )


def test_an_encircled_unit_gives_up_in_batches_not_whole(start):
    g = _pocket(start, "capture_share = 0.5")
    assert g.units["r"].encircled
    g = end(g, 2)  # one red turn cut off: not yet
    assert g.units["r"].status == "active" and g.units["r"].turns_out == 1
    batches = []
    for _ in range(7):
        before = g.units["r"].men
        g = end(g, 2)
        if g.units["r"].status != "active":
            break
        if g.sides["red"].men_captured and before - g.units["r"].men > 20:
            batches.append(before - g.units["r"].men)
    assert batches and all(n < 500 for n in batches)  # never the whole unit in one roll
    assert any("give up" in e.text for e in g.log)
    assert g.sides["red"].men_captured > 0


def test_an_encircled_unit_worn_down_lays_down_its_arms(start):
    g = _pocket(start, "capture_share = 1.0")
    for _ in range(8):
        g = end(g, 2)
        if g.units["r"].status != "active":
            break
    assert g.units["r"].status == "surrendered"
    assert any("lays down its arms" in e.text for e in g.log)


def test_a_side_that_does_not_surrender_fights_on_in_its_pocket(start):
    g = _pocket(start, "capture_share = 0.0")
    g = end(g, 16)
    assert g.units["r"].status == "active"
    assert g.sides["red"].men_captured == 0
    assert g.sides["red"].men_lost > 0  # hunger and thirst all the same


def test_a_unit_beyond_its_supply_range_starves_but_is_no_pocket(start):
    units = [unit("r", "red", "inf", (8, 3)), unit("b", "blue", "inf", (1, 0))]
    g = start(
        OPEN,
        units,
        red="supply_range_km = 20\nsurrender_after_turns = 1\ncapture_share = 1.0",
    )
    assert not g.units["r"].supplied and not g.units["r"].encircled
    g = end(g, 16)
    assert g.units["r"].status == "active" and g.sides["red"].men_captured == 0


def test_replacements_make_good_losses_in_supply(start):
    units = [
        unit("r", "red", "inf", (3, 3), men=1000),
        unit("a", "blue", "art", (5, 3), men=100, guns=200),
    ]
    g = start(OPEN, units, red="replacement_rate = 0.5")
    g = end(g)
    g, _ = apply(g, BombardCommand(unit="a", target=(3, 3)))
    hit = g.units["r"].men
    assert hit < 1000
    g = end(g)  # red's turn: it fought since its last turn began, so no replacements yet
    assert g.units["r"].men == hit
    g = end(g, 2)
    assert g.units["r"].men == hit + round((1000 - hit) * 0.5)
    assert any(e.kind == "replacements" for e in g.log)


def test_no_replacements_out_of_supply(start):
    units = [
        unit("r", "red", "inf", (3, 3), men=1000),
        unit("a", "blue", "art", (5, 3), men=100, guns=200),
    ]
    g = start(
        OPEN, units, red="replacement_rate = 0.5\nsupply_range_km = 10", red_supply="at = [0, 0]"
    )
    g = end(g)
    g, _ = apply(g, BombardCommand(unit="a", target=(3, 3)))
    hit = g.units["r"].men
    g = end(g, 3)
    assert g.units["r"].men < hit


def test_a_depot_taken_by_the_enemy_supplies_no_more(start):
    depot = (
        '[[places]]\nid = "depot"\nname = "Depot"\nat = [0, 3]\nowner = "red"\nkind = "railhead"\n'
    )
    units = [unit("r", "red", "inf", (2, 3)), unit("b", "blue", "cav", (1, 1))]
    g = start(OPEN, units, extra=depot, red="supply_range_km = 40", red_supply='at = "depot"')
    assert g.units["r"].supplied and supply_map(g, "red")[(0, 3)] == 0
    g = end(g)
    g, _ = apply(g, MoveCommand(unit="b", to=(0, 3)))
    assert g.place_owner["depot"] == "blue"
    g, _ = apply(g, MoveCommand(unit="b", to=(0, 1)))  # the raiders leave; the depot is lost
    assert supply_map(g, "red") == {}
    g = end(g)
    assert not g.units["r"].supplied


def test_a_dug_in_unit_lives_on_the_stocks_in_its_positions_before_it_starves(start):
    """Cut off, a unit dug in counts as supplied while the ammunition, food and water stored in
    its positions last (a few days); then it starves like any other."""
    units = [
        unit("r", "red", "inf", (8, 2), men=1000, entrenched=True),
        unit("b", "blue", "inf", (4, 1)),
    ]
    g = start(
        CORRIDOR,
        units,
        red="supply_range_km = 1000\nsurrender_after_turns = 50",
        blue_supply="at = [4, 1]",
    )
    turns = 0
    while g.units["r"].men == 1000 and turns < 20:
        g = end(g, 2)  # red's next turn begins
        turns += 1
        if g.units["r"].men == 1000:
            assert g.units["r"].supplied and g.units["r"].turns_out == turns
    assert 1 < turns < 20  # it held for more than a day on its stocks, then began to starve
    assert not g.units["r"].supplied and g.units["r"].men < 1000

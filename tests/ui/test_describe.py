"""What the player reads about units, hexes, odds, forces and the log (both front ends)."""

from __future__ import annotations

import re

from game.rules import (
    AttackCommand,
    EndTurnCommand,
    EntrenchCommand,
    Game,
    MoveCommand,
    Options,
    preview,
)
from game.scenario import load_scenario
from game.ui import describe
from tests.conftest import EXAMPLE


def example_game(fog: bool = False) -> Game:
    return Game(load_scenario(EXAMPLE), seed=1, options=Options(fog=fog))


def test_unit_details_say_strength_place_supply_and_movement() -> None:
    game = example_game()
    tank = game.state.units["r-2tb"]
    lines = describe.unit_lines(game.state, tank)
    text = "\n".join(lines)
    assert lines[0] == "2nd Tank Brigade [r-2tb] - Red tank brigade"
    strength = f"{tank.men:,} men, {tank.tanks} tanks, {tank.guns} guns"
    assert f"{strength} (at start {tank.men:,} / {tank.tanks} / {tank.guns})" in text
    assert "at [4,4], open steppe; group Assault; status active" in text
    assert "in supply" in text
    full = re.search(r"movement (\d+\.\d) of (\d+\.\d) points", text)
    assert full is not None and full.group(1) == full.group(2)  # nothing spent yet


def test_unit_details_flag_contact_and_digging_in() -> None:
    game = example_game()
    game.apply(MoveCommand(unit="r-2tb", to=(8, 3)))
    game.apply(EntrenchCommand(unit="r-1rr"))
    tank = "\n".join(describe.unit_lines(game.state, game.state.units["r-2tb"]))
    assert "in enemy zone of control" in tank
    assert "movement 0.0 of" in tank
    rifles = "\n".join(describe.unit_lines(game.state, game.state.units["r-1rr"]))
    assert "entrenched" in rifles
    game.apply(AttackCommand(target=(9, 2), units=("r-2tb",)))
    tank = "\n".join(describe.unit_lines(game.state, game.state.units["r-2tb"]))
    assert "has attacked" in tank


def test_hex_details_name_crossings_routes_owner_zones_and_units() -> None:
    state = example_game().state
    assert describe.hex_lines(state, (7, 4)) == [
        "[7,4]: River (defence x1)",
        "  bridge Tsagan bridge; road",
        "  Next to it: [8,4] open steppe; [7,3] river; [6,3] marsh and wet valley; "
        "[6,4] open steppe; [6,5] marsh and wet valley; [7,5] river",
    ]
    # the six neighbours of a hex, with who stands there
    around = describe.hex_lines(state, (5, 4))[-1]
    assert around.count("[") == 6 and "[5,3] open steppe, Red units" in around
    assert describe.hex_lines(state, (7, 2))[1] == "  river, no crossing"
    town = describe.hex_lines(state, (11, 4))
    assert town[0] == "Urga-Ail [11,4]: Town (defence x1.5)"
    assert "held by Blue" in town[1] and "zone: East bank" in town[1]
    assert "  10 victory points" in town
    garrison = state.units["b-1ir"]
    assert f"  Blue 1st Infantry Regiment [b-1ir]: {describe.strength_text(garrison)}" in town
    assert "zone: East bank, Beyond the railway" in describe.hex_lines(state, (13, 2))[1]


def test_a_hex_off_the_map_says_so() -> None:
    assert describe.hex_lines(example_game().state, (40, 2)) == ["40,2 is off the map"]


def test_odds_preview_gives_ratio_results_and_losses_of_both_sides() -> None:
    game = example_game()
    game.apply(MoveCommand(unit="r-2tb", to=(8, 3)))
    odds = preview(game.state, AttackCommand(target=(9, 2), units=("r-2tb",)))
    lines = describe.odds_lines(game.state, odds)
    assert lines[0] == (
        f"Odds {odds.ratio:.2f} to 1 (attack {odds.attack:.1f} against defence {odds.defence:.1f})"
    )
    results = next(ln for ln in lines if ln.startswith("  results: "))
    shares = [int(x) for x in re.findall(r"(\d+)%", results)]
    assert shares and all(0 < s <= 100 for s in shares)
    losses = next(ln for ln in lines if ln.startswith("  expected losses: "))
    assert "attacker" in losses and "defender" in losses


def test_unit_list_groups_units_and_says_when_the_others_come() -> None:
    game = example_game()
    game.apply(MoveCommand(unit="r-2tb", to=(8, 3)))
    red = describe.units_lines(game.state, "red")
    on_map = sum(1 for u in game.state.units.values() if u.side == "red" and u.active)
    others = sum(1 for u in game.state.units.values() if u.side == "red" and not u.active)
    assert red[0] == f"Red Army group: {on_map} units on the map, {others} others"
    assert red.index(" Assault:") < red.index(" Flank:")
    tank = next(r for r in red if r.startswith("  r-2tb"))
    assert "8,3" in tank and "(done)" in tank  # moved into contact: no points left
    reserve = next(r for r in red if r.startswith("  r-res"))
    assert "on event red_reserve" in reserve
    blue = describe.units_lines(game.state, "blue")
    assert "due 02 Jun 18:00" in next(r for r in blue if r.startswith("  b-tk"))
    garrison = describe.units_lines(game.state, "blue", "Garrison")
    assert garrison[0].startswith("Blue detachment, group Garrison: ")
    assert not any(r.startswith("  b-tk") for r in garrison)


def test_overview_hides_enemy_numbers_under_fog() -> None:
    state = example_game().state
    blue, red = state.active_units("blue"), state.active_units("red")
    clear = describe.overview_lines(state, "red")
    assert any(
        ln.startswith(f"  Blue: {len(blue)} units, {sum(u.men for u in blue):,} men, ")
        for ln in clear
    )
    assert "  Urga-Ail (10 VP): Blue" in clear
    fog = describe.overview_lines(example_game(fog=True).state, "red")
    assert f"  Blue: {len(blue)} units (estimates hidden by fog of war)" in fog
    assert any(
        ln.startswith(f"  Red: {len(red)} units, {sum(u.men for u in red):,} men") for ln in fog
    )


def test_status_line_and_log_follow_the_game() -> None:
    game = example_game()
    assert describe.status_line(game.state).startswith(
        "Turn 1/10, 1 Jun 1939 06:00 - Red to move - "
    )
    game.apply(MoveCommand(unit="r-cav", to=(6, 1)))
    game.apply(EndTurnCommand())
    assert " - Blue to move - " in describe.status_line(game.state)
    last = describe.log_lines(game.state.log, 1)
    assert len(last) == 1 and last == describe.log_lines(game.state.log)[-1:]
    moved = [ln for ln in describe.log_lines(game.state.log) if "5th Cavalry Regiment" in ln]
    assert moved and moved[0].startswith("1939-06-01 06:00  ")


def test_hex_text_and_strength() -> None:
    state = example_game().state
    assert describe.fmt_hex(None) == "-" and describe.fmt_hex((3, 4)) == "3,4"
    engineers = state.units["r-eng"]
    assert not engineers.tanks and not engineers.guns  # no tanks or guns: they are not named
    assert describe.strength_text(engineers) == f"{engineers.men:,} men"

"""Events that change the map during a game: crossings built and destroyed, zones switched on and
off. Moves, attacks, zones of control and supply read the map as the events left it, and saves
and the states before the change keep their own map."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.rules import AttackCommand, EndTurnCommand, GameState, MoveCommand, apply, validate
from game.rules.movement import reachable
from game.rules.supply import supply_map
from game.rules.zoc import in_enemy_zoc
from game.scenario import ScenarioError, load_scenario
from tests.rules.conftest import OPEN, ZONE, scenario_text, unit

RIVER = [".....~..."] * 7
ROAD = '[[map.routes]]\nkind = "road"\nname = "Kholm road"\npath = [[0, 3], [8, 3]]\n'


def on_turn_two(eid: str, *effects: str) -> str:
    return (
        f'[[events]]\nid = "{eid}"\ntitle = "{eid}"\ntrigger = {{ type = "turn", turn = 2 }}\n'
        f"effects = [{', '.join(effects)}]\n"
    )


def next_red_turn(g: GameState) -> GameState:
    for _ in range(2):
        g, _ = apply(g, EndTurnCommand())
    assert g.side == "red" and g.turn == 2
    return g


TANKS = [unit("t", "red", "tank", (4, 3)), unit("b", "blue", "inf", (8, 0))]


def test_a_crossing_built_by_an_event_carries_units_over_the_river(start):
    pontoon = on_turn_two("pontoon", '{ type = "build_crossing", at = [5, 3], name = "Ferry" }')
    before = start(RIVER, TANKS, extra=pontoon)
    assert (5, 3) not in reachable(before, "t")
    after = next_red_turn(before)
    assert (5, 3) in reachable(after, "t") and (6, 3) in reachable(after, "t")
    moved, _ = apply(after, MoveCommand(unit="t", to=(6, 3)))
    assert moved.units["t"].coord == (6, 3)
    assert any(e.kind == "crossing" and "pontoon" in e.text for e in after.log)
    # the states before the event still have the river unbridged (undo, replays)
    assert (5, 3) not in reachable(before, "t")


def test_a_destroyed_bridge_blocks_moves_and_supply_over_the_river(start):
    blown = on_turn_two("blown", '{ type = "destroy_crossing", at = [5, 3] }')
    before = start(RIVER, TANKS, extra=ROAD + blown)
    assert (6, 3) in reachable(before, "t")
    assert (6, 3) in supply_map(before, "red")
    after = next_red_turn(before)
    assert not any(c[0] >= 5 for c in reachable(after, "t"))
    assert validate(after, MoveCommand(unit="t", to=(5, 3))) == [
        "[5,3] is a river hex with no bridge or ford"
    ]
    assert not any(c[0] >= 5 for c in supply_map(after, "red"))
    assert any(e.kind == "crossing" and "destroyed" in e.text for e in after.log)


def test_attacks_are_allowed_once_a_zone_is_switched_off(start):
    units = [unit("r", "red", "inf", (4, 3)), unit("b", "blue", "inf", (5, 3))]
    lifted = on_turn_two("lifted", '{ type = "disable_zone", zone = "beyond" }')
    g = start(OPEN, units, extra=ZONE.format(flags="no_attack = true") + lifted)
    attack = AttackCommand(target=(5, 3), units=("r",))
    (why,) = validate(g, attack)
    assert "may not attack" in why
    assert (5, 2) not in reachable(g, "r")
    g = next_red_turn(g)
    assert validate(g, attack) == []
    assert (5, 2) in reachable(g, "r")  # and the zone may be entered
    assert any(e.kind == "zone" and "lifted" in e.text for e in g.log)


def test_a_zone_switched_on_closes_its_hexes(start):
    units = [unit("r", "red", "inf", (3, 3)), unit("b", "blue", "inf", (8, 0))]
    closed = on_turn_two("closed", '{ type = "enable_zone", zone = "beyond" }')
    g = start(OPEN, units, extra=ZONE.format(flags="active = false") + closed)
    assert (5, 3) in reachable(g, "r")
    g = next_red_turn(g)
    assert not any(c[0] >= 5 for c in reachable(g, "r"))
    assert validate(g, MoveCommand(unit="r", to=(5, 3))) == [
        "Red units may not enter the zone Across the border"
    ]


def test_a_zone_switched_off_no_longer_stops_zones_of_control(start):
    units = [unit("r", "red", "inf", (4, 3)), unit("b", "blue", "inf", (7, 3))]
    lifted = on_turn_two("lifted", '{ type = "disable_zone", zone = "beyond" }')
    g = start(OPEN, units, extra=ZONE.format(flags="stops_zoc = true") + lifted)
    h = g.board.hex_at((5, 3))
    assert h is not None
    assert not in_enemy_zoc(g, "blue", h)
    assert in_enemy_zoc(next_red_turn(g), "blue", h)


def test_saves_keep_the_changed_map(start):
    pontoon = on_turn_two("pontoon", '{ type = "build_crossing", at = [5, 3], kind = "bridge" }')
    lifted = on_turn_two("lifted", '{ type = "disable_zone", zone = "beyond" }')
    g = start(RIVER, TANKS, extra=ZONE.format(flags="") + pontoon + lifted)
    assert "map_changes" not in g.to_dict()  # files without changes read as before
    g = next_red_turn(g)
    saved = g.to_dict()
    assert saved["map_changes"] == {"zones": {"beyond": False}, "crossings": [[5, 3, "bridge", ""]]}
    back = GameState.from_dict(g.scenario, saved)
    assert back.to_dict() == saved
    assert back.board is g.board
    assert reachable(back, "t") == reachable(g, "t")


def _write(tmp_path: Path, rows: list[str], extra: str) -> Path:
    path = tmp_path / "map_events.toml"
    path.write_text(scenario_text(rows, TANKS, extra=extra), encoding="utf-8")
    return path


def test_map_effects_name_a_zone_and_a_river_hex(tmp_path: Path) -> None:
    bad = on_turn_two(
        "bad",
        '{ type = "disable_zone", zone = "beyound" }',
        '{ type = "build_crossing", at = [2, 3] }',
        '{ type = "destroy_crossing", at = [5, 1] }',
    )
    path = _write(tmp_path, RIVER, ZONE.format(flags="") + bad)
    with pytest.raises(ScenarioError) as exc:
        load_scenario(path)
    text = path.read_text(encoding="utf-8").splitlines()
    by_message = {p.message: p for p in exc.value.problems}
    zone = by_message["unknown zone 'beyound'"]
    assert "did you mean 'beyond'" in zone.hint
    assert text[zone.line - 1][zone.col - 1 :].startswith('"beyound"')
    off = by_message["a crossing built at [2, 3] would not be on a river hex"]
    assert text[off.line - 1][off.col - 1 :].startswith("[2, 3]")
    (nothing,) = [p for p in exc.value.problems if p.severity == "warning"]
    assert nothing.message == "there is no crossing at [5, 1] to destroy"
    assert text[nothing.line - 1][nothing.col - 1 :].startswith("[5, 1]")

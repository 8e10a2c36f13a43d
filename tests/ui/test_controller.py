"""The controller both front ends share, driven by typed lines and by built commands."""

from __future__ import annotations

from pathlib import Path

from game.rules import AttackCommand, MoveCommand, Options
from game.scenario import load_scenario
from game.ui.controller import Controller
from game.ui.language import format_command, parse
from game.ui.players import computer_player
from game.ui.requests import Odds, ShowMap
from tests.conftest import EXAMPLE


def red_table(fog: bool = False) -> Controller:
    scenario = load_scenario(EXAMPLE)

    return Controller(
        scenario,
        EXAMPLE,
        humans={"red"},
        seed=2,
        options=Options(fog=fog),
        new_computer_player=computer_player(),
    )


def test_artillery_named_in_an_attack_fires_in_support() -> None:
    table = red_table()
    assert table.handle("move r-2tb 8,3").ok
    assert table.handle("move r-art 5,2").ok
    reply = table.handle("attack 9,2 with r-2tb, r-art")
    assert reply.ok, reply.lines
    attack = table.game.commands[-1]
    assert isinstance(attack, AttackCommand)
    assert attack.units == ("r-2tb",) and attack.support == ("r-art",)


def test_a_built_command_and_its_typed_text_do_the_same() -> None:
    typed, built = red_table(), red_table()
    typed.handle("move r-2tb 8,3")
    built.perform(MoveCommand(unit="r-2tb", to=(8, 3)))
    assert typed.state.to_dict() == built.state.to_dict()
    odds = Odds(AttackCommand(target=(9, 2), units=("r-2tb",)))
    assert typed.handle(format_command(odds)).lines == built.perform(odds).lines


def test_every_parsed_line_has_a_handler() -> None:
    table = red_table()
    lines = ("help", "undo", "info r-2tb", "info 7,4", "units", "map", "log 3", "quit")
    for line in (*lines, "legend", "reach r-2tb", "report", "continue"):
        reply = table.perform(parse(line, table.names()))
        assert reply.lines or reply.map_request or reply.legend or reply.quit, line


def test_map_request_asks_the_front_end_for_an_area() -> None:
    reply = red_table().perform(ShowMap(((0, 0), (5, 5))))
    assert reply.map_request == ShowMap(((0, 0), (5, 5)))


def test_reach_marks_the_hexes_only_a_train_reaches_and_rail_sends_it() -> None:
    path = Path(__file__).parents[1] / "ai" / "positions" / "train.toml"
    table = Controller(load_scenario(path), path, humans={"red"}, seed=1)
    reply = table.handle("reach r-reserve")
    assert reply.ok and any(line.startswith("By train") for line in reply.lines)
    assert reply.marks[(15, 2)] == "=" and reply.marks[(1, 2)] != "="
    assert table.handle("move r-reserve 15,2 by rail").ok
    assert table.state.units["r-reserve"].coord == (15, 2)
    refused = table.handle("rail r-reserve 20,2")
    assert not refused.ok and "all they can" in " ".join(refused.lines)
    undone = table.handle("undo")
    assert undone.ok and "Took back 94th Rifle Division's move" in undone.lines[0]
    assert table.state.units["r-reserve"].coord == (0, 2)

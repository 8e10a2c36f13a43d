"""`reload`: a modder edits the scenario file during a game and sees the change at once; a
broken file is reported where it is broken and the game goes on unchanged."""

from __future__ import annotations

import re
from pathlib import Path

from game.rules import Options
from game.scenario import load_scenario
from game.ui.controller import Controller
from game.ui.players import computer_player
from tests.conftest import EXAMPLE


def table_on_copy(tmp_path: Path) -> tuple[Controller, Path]:
    path = tmp_path / "crossing.toml"
    path.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    controller = Controller(
        load_scenario(path),
        path,
        humans={"red"},
        seed=2,
        options=Options(),
        new_computer_player=computer_player(),
    )
    return controller, path


def test_reload_replays_the_game_on_the_edited_file(tmp_path: Path) -> None:
    table, path = table_on_copy(tmp_path)
    assert table.handle("move r-2tb 8,3").ok
    text = path.read_text(encoding="utf-8").replace('name = "Hill 41"', 'name = "Hill 42"')
    path.write_text(text, encoding="utf-8")
    reply = table.handle("reload")
    assert reply.ok and reply.new_position
    assert reply.lines[0] == f"Reloaded {path}: replayed 1 of 1 commands."
    assert table.state.units["r-2tb"].coord == (8, 3)
    assert any(p.name == "Hill 42" for p in table.scenario.places)


def test_a_broken_file_is_reported_with_its_place_and_the_game_goes_on(tmp_path: Path) -> None:
    table, path = table_on_copy(tmp_path)
    assert table.handle("move r-2tb 8,3").ok
    before = table.game
    path.write_text(path.read_text(encoding="utf-8").replace("vp = 10", "vp = ten"), "utf-8")
    reply = table.handle("reload")
    assert not reply.ok
    assert reply.lines[0].endswith("the game goes on unchanged:")
    assert re.search(rf"{re.escape(str(path))}:\d+:\d+: error", "\n".join(reply.lines))
    assert table.game is before and table.state.units["r-2tb"].coord == (8, 3)


def test_a_command_the_new_file_forbids_ends_the_replay_there(tmp_path: Path) -> None:
    table, path = table_on_copy(tmp_path)
    assert table.handle("move r-2tb 8,3").ok
    assert table.handle("move r-1rr 6,3").ok
    text = path.read_text(encoding="utf-8")
    moved = text.replace('id = "r-2tb"', 'id = "r-2tb-new"')
    assert moved != text
    path.write_text(moved, encoding="utf-8")
    reply = table.handle("reload")
    assert "replayed 0 of 2 commands" in reply.lines[0]
    assert "Command 1 (move r-2tb 8,3) is not allowed now" in reply.lines[1]

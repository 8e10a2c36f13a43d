"""Saves under attack: damaged, tampered, foreign and killed-mid-write saves each give one clear
line, and the save before them always loads.

Every damaged save is made from a real one, so each case differs from a good save in exactly
the way its name says.
"""

from __future__ import annotations

import io
import json
import os
import random
import shutil
import signal
import stat
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from game.cli import main
from game.rules import EndTurnCommand, Game, MoveCommand
from game.saves import SaveError, checksum, load_save, read_save_data, save_file, write_save
from game.scenario import load_scenario
from game.ui.setup import save_to_load
from tests.conftest import EXAMPLE, SCENARIOS

MOVES = [MoveCommand(unit="r-2tb", to=(7, 4)), MoveCommand(unit="r-cav", to=(6, 1))]


def game_after(commands: list[Any], seed: int = 5) -> Game:
    game = Game(load_scenario(EXAMPLE), seed=seed)
    for c in commands:
        game.apply(c)
    return game


@pytest.fixture(scope="module")
def good_save(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    path = tmp_path_factory.mktemp("saves") / "good.json"
    write_save(path, game_after([*MOVES, EndTurnCommand()]), EXAMPLE)
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def sealed(data: dict[str, Any]) -> dict[str, Any]:
    """Edited on purpose and given a matching checksum: only the replay can tell."""
    return {**data, "checksum": checksum(data)}


def _set(key: str, value: Any) -> Callable[[dict[str, Any]], str]:
    return lambda d: json.dumps(sealed({**d, key: value}))


def _strength(d: dict[str, Any]) -> str:
    d = json.loads(json.dumps(d))
    d["snapshot"]["units"][0]["men"] = 10**9
    return json.dumps(sealed(d))


def _command(cmd: dict[str, Any]) -> Callable[[dict[str, Any]], str]:
    return lambda d: json.dumps(sealed({**d, "commands": [cmd, *d["commands"]]}))


DAMAGED: list[tuple[str, Callable[[dict[str, Any]], str], str]] = [
    ("truncated", lambda d: json.dumps(d)[:300], "is damaged"),
    ("one byte changed", lambda d: json.dumps(d).replace('"r-cav"', '"r-cAv"', 1), "checksum"),
    ("seed 1e400", lambda d: json.dumps(d).replace(f'"seed": {d["seed"]}', '"seed": 1e400'), "out"),
    (
        "seed of 5,000 digits",
        lambda d: json.dumps(d).replace(f'"seed": {d["seed"]}', '"seed": 1' + "0" * 5000),
        "digits",
    ),
    ("seed NaN", lambda d: json.dumps(d).replace(f'"seed": {d["seed"]}', '"seed": NaN'), "NaN"),
    ("seed too big", _set("seed", 2**64), "the seed is"),
    ("seed a float", _set("seed", 1.5), "the seed is"),
    ("options a string", _set("options", "fog"), "the options are"),
    ("options a list", _set("options", ["fog"]), "the options are"),
    ("fog a string", _set("options", {"fog": "no"}), "the options are"),
    ("commands a table", _set("commands", {"a": 1}), "no list of commands"),
    ("a command a number", _set("commands", [7]), "command 1 is 7"),
    ("100,000 nested brackets", lambda d: "[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ("a list, not a save", lambda d: "[1, 2]", "not a Two Augusts save"),
    ("format version a string", _set("format_version", "1"), "format version is"),
    ("format version from the future", _set("format_version", 99), "newer version"),
    ("another scenario", _set("scenario_id", "manchuria_1945"), "is for scenario"),
    ("strength 10^9", _strength, "does not give the saved position"),
    (
        "a unit moved onto an enemy",
        _command({"type": "move", "unit": "r-2tb", "to": [11, 4]}),
        "illegal on replay",
    ),
    (
        "an unknown unit",
        _command({"type": "move", "unit": "z-99", "to": [1, 1]}),
        "illegal on replay",
    ),
    ("an unknown command", _command({"type": "teleport", "unit": "r-2tb"}), "cannot be read"),
    ("not UTF-8", lambda d: "\udcff", "not UTF-8"),
]


@pytest.mark.parametrize(("name", "damage", "message"), DAMAGED, ids=[c[0] for c in DAMAGED])
def test_each_damaged_save_gives_one_line(
    name: str,
    damage: Callable[[dict[str, Any]], str],
    message: str,
    good_save: dict[str, Any],
    tmp_path: Path,
) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(damage(good_save).encode("utf-8", errors="surrogateescape"))
    with pytest.raises(SaveError) as info:
        load_save(path, EXAMPLE)
    text = str(info.value)
    assert message in text and "\n" not in text, text


def _special_saves(tmp_path: Path) -> list[tuple[Path, str]]:
    (tmp_path / "folder.json").mkdir()
    (tmp_path / "binary.json").write_bytes(bytes(range(256)))
    found = [
        (tmp_path / "folder.json", "is a folder"),
        (tmp_path / "binary.json", "binary file"),
        (Path("/dev/zero"), "is a device"),
        (tmp_path / "missing.json", "no save file"),
    ]
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe.json")
        found.append((tmp_path / "pipe.json", "named pipe"))
    return found


def test_special_files_given_to_play_load_get_one_line_each(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for path, message in _special_saves(tmp_path):
        if path.is_absolute() and not path.exists() and "missing" not in path.name:
            continue
        start = time.perf_counter()
        code = main(["play", str(EXAMPLE), "--text", "--load", str(path)])
        err = capsys.readouterr().err.strip()
        assert code == 1 and message in err and "\n" not in err, (path, err)
        assert time.perf_counter() - start < 10, path  # no hang on a pipe, no reading /dev/zero


def test_saving_after_the_scenario_file_changed_or_vanished(tmp_path: Path) -> None:
    copy = tmp_path / "river.toml"
    shutil.copy(EXAMPLE, copy)
    game = Game(load_scenario(copy), seed=2)
    game.apply(MOVES[0])
    copy.write_text(copy.read_text(encoding="utf-8") + "\n[oops\n", encoding="utf-8")
    write_save(tmp_path / "changed.json", game, copy)  # the game holds what it loaded
    copy.unlink()
    write_save(tmp_path / "vanished.json", game, copy)
    for name in ("changed", "vanished"):
        loaded = load_save(tmp_path / f"{name}.json", EXAMPLE)
        assert loaded.state.to_dict() == game.state.to_dict()


def test_leftover_temporary_files_are_cleaned_and_the_mode_kept(tmp_path: Path) -> None:
    target = tmp_path / "slot.json"
    write_save(target, game_after(MOVES), EXAMPLE)
    os.chmod(target, 0o640)
    leftover = tmp_path / ".slot.json.abc123.tmp"
    leftover.write_text("{half a sa", encoding="utf-8")
    write_save(target, game_after(MOVES[:1]), EXAMPLE)
    assert not leftover.exists()
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["slot.json"]


def test_a_save_finds_its_scenario_from_any_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(SCENARIOS)
    save = tmp_path / "g.json"
    write_save(save, game_after(MOVES), Path("examples") / EXAMPLE.name)  # a relative path
    monkeypatch.chdir(tmp_path)
    assert load_save(save).scenario.meta.id == "example_river_crossing"
    moved = sealed({**read_save_data(save), "scenario_path": "/nowhere/river.toml"})
    save.write_text(json.dumps(moved), encoding="utf-8")
    assert load_save(save).scenario.meta.id == "example_river_crossing"  # found by its id


def test_play_load_takes_a_save_name_as_save_printed_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TWO_AUGUSTS_SAVE_DIR", str(tmp_path / "saves"))
    monkeypatch.chdir(tmp_path)
    (tmp_path / "saves").mkdir()
    write_save(tmp_path / "saves" / "evening.json", game_after(MOVES), EXAMPLE)
    assert save_to_load(Path("evening")) == tmp_path / "saves" / "evening.json"
    assert save_to_load(Path("evening.json")) == tmp_path / "saves" / "evening.json"
    monkeypatch.setattr("sys.stdin", io.StringIO("quit\n"))
    assert main(["play", "--text", "--load", "evening"]) == 0


@pytest.mark.parametrize("name", ["../escape", "/etc/passwd", "..", "", "a/b", "x\x00y", "~"])
def test_save_names_cannot_leave_the_save_folder(name: str, tmp_path: Path) -> None:
    with pytest.raises(SaveError):
        save_file(name, tmp_path)


# --- killed while saving ---------------------------------------------------------------------


def _save_for_ever(target: Path, games: list[Game]) -> None:
    """The child: save the two games in turn until killed."""
    n = 0
    while True:
        write_save(target, games[n % 2], EXAMPLE)
        n += 1


def kill_while_saving(target: Path, kills: int, seed: int) -> tuple[int, int]:
    """Kill a process saving over `target` `kills` times at random moments; after each kill the
    save must be whole (one of the two games). Returns (kills, kills that left a temporary
    file behind, i.e. landed in the middle of a save)."""
    games = [game_after(MOVES), game_after(MOVES[:1], seed=9)]
    expected = {json.dumps(g.state.to_dict(), sort_keys=True) for g in games}
    write_save(target, games[0], EXAMPLE)
    rng = random.Random(seed)
    torn = 0
    for k in range(kills):
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child never returns
            try:
                _save_for_ever(target, games)
            finally:
                os._exit(0)
        time.sleep(rng.uniform(0.0005, 0.012))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        torn += any(p.suffix == ".tmp" for p in target.parent.iterdir())
        data = read_save_data(target)  # whole: parses and its checksum holds
        assert json.dumps(data["snapshot"], sort_keys=True) in expected
        if k % 50 == 0:
            load_save(target, EXAMPLE)
    return kills, torn


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_save_killed_at_random_moments_always_leaves_a_whole_save(tmp_path: Path) -> None:
    kills, torn = kill_while_saving(tmp_path / "slot.json", 200, seed=1939)
    assert kills == 200 and torn > 0  # some kills did land in the middle of a save
    write_save(tmp_path / "slot.json", game_after(MOVES), EXAMPLE)
    assert [p.name for p in tmp_path.iterdir()] == ["slot.json"]  # leftovers cleaned


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_thousands_of_kills_while_saving(tmp_path: Path) -> None:
    kills, torn = kill_while_saving(tmp_path / "slot.json", 2000, seed=1945)
    assert kills == 2000 and torn > 0


def test_typed_save_names_stay_in_the_save_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from game.ui.controller import Controller
    from game.ui.players import computer_player

    monkeypatch.setenv("TWO_AUGUSTS_SAVE_DIR", str(tmp_path / "saves"))
    table = Controller(
        load_scenario(EXAMPLE), EXAMPLE, {"red"}, new_computer_player=computer_player()
    )
    for line in ("save ../outside", "save /tmp/x", "save a/../../b", "load ../../etc/passwd"):
        assert not table.handle(line).ok, line
    assert table.handle("save fine").ok
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == ["fine.json"]


def test_a_scenario_path_no_file_system_takes_is_looked_up_by_id(
    good_save: dict[str, Any], tmp_path: Path
) -> None:
    path = tmp_path / "long.json"
    path.write_text(json.dumps(sealed({**good_save, "scenario_path": "x" * 5000})), "utf-8")
    assert load_save(path).scenario.meta.id == "example_river_crossing"

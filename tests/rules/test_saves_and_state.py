"""State serialisation, determinism, saves on disk and the purity of game.rules."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from game.rules import (
    AttackCommand,
    EndTurnCommand,
    Game,
    GameState,
    MoveCommand,
    apply,
    command_to_dict,
    new_game,
    parse_command,
)
from game.saves import SaveError, checksum, load_save, write_save
from game.scenario import load_scenario
from tests.conftest import EXAMPLE, ROOT

PLAY = [
    MoveCommand(unit="r-2tb", to=(7, 4)),
    MoveCommand(unit="r-cav", to=(6, 1)),
    EndTurnCommand(),
    MoveCommand(unit="b-2ir", to=(9, 3)),
    EndTurnCommand(),
]


def played(seed=5):
    game = Game(load_scenario(EXAMPLE), seed=seed)
    for c in PLAY:
        game.apply(c)
    return game


def test_state_round_trips_through_json_exactly():
    game = played()
    d = game.state.to_dict()
    again = GameState.from_dict(game.scenario, json.loads(json.dumps(d)))
    assert again.to_dict() == d


def test_same_scenario_seed_and_commands_give_the_same_state():
    assert played(7).state.to_dict() == played(7).state.to_dict()


def test_commands_round_trip_through_json():
    for c in [*PLAY, AttackCommand(target=(9, 2), units=("a", "b"), support=("c",))]:
        assert parse_command(json.loads(json.dumps(command_to_dict(c)))) == c


def test_a_save_written_and_loaded_replays_to_the_same_game(tmp_path):
    game = played()
    path = tmp_path / "game.json"
    other = tmp_path / "other.txt"
    other.write_text("keep me")
    write_save(path, game, EXAMPLE)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["game.json", "other.txt"]
    loaded = load_save(path, EXAMPLE)
    assert loaded.state.to_dict() == game.state.to_dict()
    assert loaded.commands == game.commands
    # and play goes on identically
    assert (
        apply(loaded.state, EndTurnCommand())[0].to_dict()
        == apply(game.state, EndTurnCommand())[0].to_dict()
    )


def test_a_changed_scenario_file_is_detected(tmp_path):
    scen_dir = tmp_path / "examples"
    scen_dir.mkdir()
    (tmp_path / "rulesets").mkdir()
    copy = scen_dir / "river.toml"
    copy.write_text(EXAMPLE.read_text())
    ruleset = ROOT / "scenarios" / "rulesets" / "steppe_and_manchuria.toml"
    (tmp_path / "rulesets" / ruleset.name).write_text(ruleset.read_text())
    game = Game(load_scenario(copy), seed=1)
    game.apply(MoveCommand(unit="r-2tb", to=(7, 4)))
    save = tmp_path / "s.json"
    write_save(save, game, copy)
    load_save(save, copy)
    copy.write_text(copy.read_text().replace("men = 2800", "men = 2900"))
    with pytest.raises(SaveError, match="scenario file has changed"):
        load_save(save, copy)


def test_broken_and_tampered_saves_give_clear_errors(tmp_path):
    game = played()
    path = tmp_path / "g.json"
    write_save(path, game, EXAMPLE)
    data = json.loads(path.read_text())
    bad = tmp_path / "bad.json"
    bad.write_text(path.read_text()[:200])
    with pytest.raises(SaveError, match="damaged"):
        load_save(bad, EXAMPLE)
    data["snapshot"]["units"][0]["men"] += 1
    bad.write_text(json.dumps(data))
    with pytest.raises(SaveError, match="checksum does not match"):
        load_save(bad, EXAMPLE)
    data["checksum"] = checksum(data)  # a save edited and sealed again: the replay catches it
    bad.write_text(json.dumps(data))
    with pytest.raises(SaveError, match="does not give the saved position"):
        load_save(bad, EXAMPLE)
    data = json.loads(path.read_text())
    data["commands"][0] = {"type": "move", "unit": "r-2tb", "to": [13, 4]}
    data["checksum"] = checksum(data)
    bad.write_text(json.dumps(data))
    with pytest.raises(SaveError, match="illegal on replay"):
        load_save(bad, EXAMPLE)
    with pytest.raises(SaveError, match="no save file"):
        load_save(tmp_path / "missing.json", EXAMPLE)
    assert json.loads(path.read_text())["commands"]  # the good save is untouched


def test_importing_the_rules_does_not_import_pygame():
    code = "import sys, game.rules, game.saves; print('pygame' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert out.stdout.strip() == "False"


def test_new_game_is_deterministic_and_does_not_share_mutable_state():
    s = load_scenario(EXAMPLE)
    a, b = new_game(s, 1), new_game(s, 1)
    assert a.to_dict() == b.to_dict()
    a2, _ = apply(a, MoveCommand(unit="r-2tb", to=(7, 4)))
    assert a.to_dict() == b.to_dict() and a2.to_dict() != a.to_dict()


def test_rules_package_has_no_file_or_terminal_io():
    src = "\n".join(p.read_text() for p in (ROOT / "game" / "rules").rglob("*.py"))
    for banned in ("open(", "print(", "input(", "import pygame", "random.seed", "random.random()"):
        assert banned not in src, banned
    assert Path(ROOT / "game" / "saves.py").exists()


_PLAY_SCRIPT = """
import hashlib, json, random
from collections import defaultdict
from game.rules import apply, new_game
from game.scenario import load_scenario
from tests.conftest import EXAMPLE
from tests.rules.test_properties import candidates
g = new_game(load_scenario(EXAMPLE), 11)
pick = random.Random(4)
for _ in range(60):
    if g.game_over:
        break
    kinds = defaultdict(list)
    for c in candidates(g):
        kinds[c.type].append(c)
    g, _ = apply(g, pick.choice(kinds[pick.choice(sorted(kinds))]))
print(hashlib.sha256(json.dumps(g.to_dict(), sort_keys=True).encode()).hexdigest())
"""


def test_games_are_identical_whatever_the_hash_seed():
    import os

    outs = set()
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        out = subprocess.run(
            [sys.executable, "-c", _PLAY_SCRIPT],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env=env,
            check=True,
        )
        outs.add(out.stdout.strip())
    assert len(outs) == 1


def test_a_failed_write_leaves_the_old_save_and_no_litter(tmp_path, monkeypatch):
    import os

    game = played()
    path = tmp_path / "g.json"
    write_save(path, game, EXAMPLE)
    good = path.read_text()
    game.apply(MoveCommand(unit="r-2tb", to=(6, 4)))

    def crash(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(SaveError, match="No space left"):
        write_save(path, game, EXAMPLE)
    assert path.read_text() == good
    assert [p.name for p in tmp_path.iterdir()] == ["g.json"]
    monkeypatch.undo()
    with pytest.raises(SaveError, match="cannot write a save"):
        write_save(tmp_path / "missing" / "g.json", game, EXAMPLE)


def test_a_written_unit_or_side_keeps_every_other_value():
    """apply() copies a unit or side before changing it: the copy must carry every field, so a
    unit that moves keeps its strength, morale and entrenchment, and its side its totals."""
    game = played()
    before = game.state
    after, _ = apply(before, MoveCommand(unit="r-cav", to=(6, 2)))
    old, new = before.units["r-cav"].to_dict(), after.units["r-cav"].to_dict()
    changed = {k for k in old if old[k] != new[k]}
    assert changed <= {"pos", "mp", "moved", "entrenched"}
    assert "pos" in changed
    for sid, side in before.sides.items():
        assert side.clone() == side
        assert side.clone() is not side
        assert after.sides[sid].to_dict() == side.to_dict()


def test_a_cloned_unit_carries_every_field_in_its_place():
    """A unit's copy is made field by field in order: with a different value in every field,
    each field of the copy reads the unit's own (no two are swapped)."""
    from dataclasses import fields

    from game.rules.state import UnitState

    names = [f.name for f in fields(UnitState)]
    u = UnitState(*[f"value of {name}" for name in names])  # type: ignore[arg-type]
    copy = u.clone()
    assert copy is not u
    assert [getattr(copy, n) for n in names] == [f"value of {n}" for n in names]

"""Loading a save tells a damaged save (a one-line reason, other saves untouched) from a failure
of the rules while replaying it (a bug to report, with the traceback under --debug)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from game.rules import EndTurnCommand, Game, MoveCommand
from game.rules.session import from_save, to_save
from game.saves import ReplayFailed, SaveError, checksum, load_save, write_save
from game.scenario import load_scenario
from game.ui.controller import replay_bug_lines
from tests.conftest import EXAMPLE


def saved_game() -> Game:
    game = Game(load_scenario(EXAMPLE), seed=4)
    game.apply(MoveCommand(unit="r-2tb", to=(7, 4)))
    game.apply(EndTurnCommand())
    return game


def damage(data: dict[str, Any], how: str) -> dict[str, Any]:
    broken = dict(data)
    if how == "seed":
        broken["seed"] = "four"
    elif how == "commands":
        broken["commands"] = {"type": "move"}
    elif how == "command":
        broken["commands"] = [*data["commands"][:1], ["move", "r-2tb"]]
    elif how == "unreadable command":
        broken["commands"] = [{"type": "march", "unit": "r-2tb"}]
    elif how == "options":
        broken["options"] = "fog"
    return broken


@pytest.mark.parametrize("how", ["seed", "commands", "command", "unreadable command", "options"])
def test_a_damaged_save_is_one_line_and_other_saves_are_untouched(tmp_path: Path, how: str) -> None:
    game = saved_game()
    good, bad = tmp_path / "good.json", tmp_path / "bad.json"
    write_save(good, game, EXAMPLE)
    write_save(bad, game, EXAMPLE)
    bad.write_text(json.dumps(damage(json.loads(bad.read_text()), how)), encoding="utf-8")
    before = good.read_bytes()
    with pytest.raises(SaveError) as info:
        load_save(bad, EXAMPLE)
    message = str(info.value)
    assert "\n" not in message and str(bad) in message
    assert "damaged" in message or "cannot be read" in message
    assert good.read_bytes() == before
    assert load_save(good, EXAMPLE).state.to_dict() == game.state.to_dict()


def test_an_illegal_command_in_a_save_is_a_mismatch_not_a_bug(tmp_path: Path) -> None:
    game = saved_game()
    path = tmp_path / "illegal.json"
    write_save(path, game, EXAMPLE)
    data = json.loads(path.read_text())
    data["commands"].insert(0, {"type": "move", "unit": "b-1ir", "to": [0, 0]})
    data["checksum"] = checksum(data)  # written on purpose, not damaged: the replay catches it
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SaveError, match="command 1 is illegal on replay"):
        load_save(path, EXAMPLE)


def rules_failure() -> ReplayFailed:
    """A real failure of the rules during a replay: the scenario in memory lost a unit type
    after it was validated, which no file can do, so the rules meet a world they cannot handle."""
    data = to_save(saved_game(), "")
    broken = load_scenario(EXAMPLE)
    broken.unit_types.pop("tank_brigade")
    with pytest.raises(ReplayFailed) as info:
        from_save(broken, data)
    return info.value


def test_a_rules_failure_during_replay_is_reported_as_a_bug_not_as_damage() -> None:
    failure = rules_failure()
    assert isinstance(failure.error, KeyError)
    assert "damaged" not in str(failure)
    assert failure.__cause__ is failure.error  # the traceback leads to where the rules failed


def test_the_player_reads_a_bug_report_and_the_traceback_only_with_debug() -> None:
    failure = rules_failure()
    quiet = replay_bug_lines("first", failure, debug=False)
    assert quiet[0].startswith("Could not load 'first': a bug in the game, not damage")
    assert "--debug" in quiet[1] and not any("Traceback" in ln for ln in quiet)
    loud = replay_bug_lines("first", failure, debug=True)
    assert any(ln.startswith("Traceback") for ln in loud)
    assert any("KeyError" in ln for ln in loud)

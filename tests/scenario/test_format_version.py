"""A file from a newer version of the format gets one clear error, not a list of puzzles."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.scenario import FORMAT_VERSION, ScenarioError, load
from tests.conftest import EXAMPLE, SCENARIOS


def test_a_newer_scenario_gets_one_clear_error(tmp_path: Path) -> None:
    newer = FORMAT_VERSION + 1
    text = EXAMPLE.read_text(encoding="utf-8")
    text = text.replace(f"format_version = {FORMAT_VERSION}", f"format_version = {newer}")
    # A key this version does not know, as a newer file would have: not reported on its own.
    text = text.replace("[scale]", 'weather = "clear"\n[scale]')
    path = tmp_path / "newer.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ScenarioError) as info:
        load(path)
    (error,) = info.value.problems
    line = text.splitlines().index(f"format_version = {newer}") + 1
    assert (error.line, error.col) == (line, len("format_version = ") + 1)
    assert f"format version {newer}" in error.message
    assert f"reads format version {FORMAT_VERSION}" in error.message
    assert "update Two Augusts" in error.hint


def test_a_newer_included_ruleset_is_named(tmp_path: Path) -> None:
    ruleset = (SCENARIOS / "rulesets" / "steppe_and_manchuria.toml").read_text(encoding="utf-8")
    newer = ruleset.replace("[ruleset]", f"format_version = {FORMAT_VERSION + 1}\n[ruleset]", 1)
    (tmp_path / "rules.toml").write_text(newer, encoding="utf-8")
    text = EXAMPLE.read_text(encoding="utf-8").replace("ruleset:steppe_and_manchuria", "rules.toml")
    (tmp_path / "s.toml").write_text(text, encoding="utf-8")
    with pytest.raises(ScenarioError) as info:
        load(tmp_path / "s.toml")
    (error,) = info.value.problems
    assert error.file.endswith("rules.toml")


def test_a_ruleset_may_state_the_current_version(tmp_path: Path) -> None:
    ruleset = (SCENARIOS / "rulesets" / "steppe_and_manchuria.toml").read_text(encoding="utf-8")
    (tmp_path / "rules.toml").write_text(
        ruleset.replace("[ruleset]", f"format_version = {FORMAT_VERSION}\n[ruleset]", 1),
        encoding="utf-8",
    )
    text = EXAMPLE.read_text(encoding="utf-8").replace("ruleset:steppe_and_manchuria", "rules.toml")
    (tmp_path / "s.toml").write_text(text, encoding="utf-8")
    assert "dunes" in load(tmp_path / "s.toml").scenario.terrain

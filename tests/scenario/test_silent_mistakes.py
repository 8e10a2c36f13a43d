"""Mistakes that used to pass without a word now get an error or a warning at their line."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.scenario import ScenarioError, load
from tests.conftest import EXAMPLE, SCENARIOS

RULESET = SCENARIOS / "rulesets" / "steppe_and_manchuria.toml"


def _line(text: str, fragment: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if fragment in line)


def _with_own_ruleset(tmp_path: Path, ruleset_text: str) -> Path:
    (tmp_path / "rules.toml").write_text(ruleset_text, encoding="utf-8")
    text = EXAMPLE.read_text(encoding="utf-8").replace("ruleset:steppe_and_manchuria", "rules.toml")
    path = tmp_path / "s.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_include_under_the_ruleset_header_of_an_included_file(tmp_path: Path) -> None:
    ruleset = RULESET.read_text(encoding="utf-8")
    broken = ruleset.replace("[ruleset]\n", '[ruleset]\ninclude = ["more.toml"]\n', 1)
    with pytest.raises(ScenarioError) as info:
        load(_with_own_ruleset(tmp_path, broken))
    (error,) = info.value.errors
    assert error.file.endswith("rules.toml")
    assert error.line == _line(broken, 'include = ["more.toml"]')
    assert error.message == "unknown key 'include'"
    assert "before the first table header" in error.hint


def test_a_misspelt_key_under_an_included_ruleset_header(tmp_path: Path) -> None:
    ruleset = RULESET.read_text(encoding="utf-8")
    broken = ruleset.replace("[ruleset]\n", '[ruleset]\ntitel = "x"\n', 1)
    with pytest.raises(ScenarioError) as info:
        load(_with_own_ruleset(tmp_path, broken))
    (error,) = info.value.errors
    assert (error.message, error.hint) == ("unknown key 'titel'", "did you mean 'title'?")
    assert error.line == _line(broken, 'titel = "x"')


def test_include_under_a_scenario_table(tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    text = text.replace('include = ["ruleset:steppe_and_manchuria"]\n', "")
    text = text.replace("[meta]\n", '[meta]\ninclude = ["ruleset:steppe_and_manchuria"]\n', 1)
    path = tmp_path / "s.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ScenarioError) as info:
        load(path)
    misplaced = [e for e in info.value.errors if e.path == "meta.include"]
    assert len(misplaced) == 1
    assert "below [meta] it is read as part of that table" in misplaced[0].hint


def test_an_ai_objective_the_side_may_never_enter_is_a_warning(tmp_path: Path) -> None:
    # far_east (the last column) is closed to red; aim red's flank plan at [13, 2].
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        "objectives = [[9, 1]]", "objectives = [[13, 2]]"
    )
    path = tmp_path / "s.toml"
    path.write_text(text, encoding="utf-8")
    (warning,) = load(path).warnings
    assert warning.line == _line(text, "objectives = [[13, 2]]")
    assert "lies in zone 'far_east', which side 'red' may not enter" in warning.message


def test_a_short_zone_row_is_named(tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    start = text.index('id = "far_east"')
    row = '  ".............#",\n'
    at = text.index(row, start) + len(row) * 3  # the fourth row of the zone
    text = text[:at] + '  "............#",\n' + text[at + len(row) :]
    path = tmp_path / "s.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ScenarioError) as info:
        load(path)
    (error,) = info.value.errors
    assert error.message == "zone 'far_east' row 3 has 13 characters; the map's row 3 has 14"
    assert error.line == text[:at].count("\n") + 1
    assert error.path == "zones[1].rows[3]"

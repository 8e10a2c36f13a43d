"""Includes merge under the including file and keep their own locations; docs match the models."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.scenario import Ruleset, ScenarioError, load, load_any
from game.scenario.reference import DOC, SCHEMA, markdown, schema
from tests.conftest import EXAMPLE, SCENARIOS


def test_included_terrain_and_types_are_merged() -> None:
    loaded = load(EXAMPLE)
    s = loaded.scenario
    assert "dunes" in s.terrain and "tank_brigade" in s.unit_types
    assert len(loaded.files) == 2


def test_error_inside_an_included_file_points_into_that_file(tmp_path: Path) -> None:
    ruleset = (SCENARIOS / "rulesets" / "steppe_and_manchuria.toml").read_text(encoding="utf-8")
    broken = ruleset.replace(
        'move_class = "tracked"\nspeed_km = 80', 'move_class = "treads"\nspeed_km = 80'
    )
    assert broken != ruleset
    (tmp_path / "rulesets").mkdir()
    (tmp_path / "rulesets" / "steppe_and_manchuria.toml").write_text(broken, encoding="utf-8")
    main = tmp_path / "s.toml"
    text = EXAMPLE.read_text(encoding="utf-8")
    text = text.replace("ruleset:steppe_and_manchuria", "rulesets/steppe_and_manchuria.toml")
    main.write_text(text, encoding="utf-8")
    with pytest.raises(ScenarioError) as info:
        load(main)
    (err,) = info.value.errors
    assert err.file.endswith("rulesets/steppe_and_manchuria.toml")
    lines = broken.splitlines()
    line = next(n for n, t in enumerate(lines, 1) if t == 'move_class = "treads"')
    assert (err.line, err.col) == (line, len('move_class = "'))
    assert err.path == "unit_types.tank_brigade.move_class"
    assert "expected 'foot', 'horse', 'wheeled' or 'tracked'" in err.message


def test_including_file_overrides_included_values(tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    text += '\n[terrain.dunes]\nname = "Soft dunes"\nmove_cost = { foot = 3.0 }\n'
    path = tmp_path / "s.toml"
    path.write_text(text, encoding="utf-8")
    s = load(path).scenario
    assert s.terrain["dunes"].name == "Soft dunes"
    # Tables merge key by key: what the including file leaves out comes from the ruleset.
    assert s.terrain["dunes"].move_cost == {
        "foot": 3.0,
        "horse": 1.5,
        "wheeled": 4.0,
        "tracked": 2.0,
    }
    assert s.terrain["dunes"].glyph == ":"


def test_include_cycle_is_reported(tmp_path: Path) -> None:
    a = tmp_path / "a.toml"
    b = tmp_path / "b.toml"
    a.write_text('include = ["b.toml"]\n[ruleset]\nid = "a"\ntitle = "A"\n', encoding="utf-8")
    b.write_text('include = ["a.toml"]\n[ruleset]\nid = "b"\ntitle = "B"\n', encoding="utf-8")
    with pytest.raises(ScenarioError) as info:
        load_any(a)
    (err,) = info.value.errors
    assert err.file.endswith("b.toml") and (err.line, err.col) == (1, 12)
    assert err.message == "include cycle: a.toml -> b.toml -> a.toml"


def test_diamond_includes_merge_the_shared_file_once(tmp_path: Path) -> None:
    # main includes left and right; both include base. base's unit types are merged once, and
    # the later include (right) overrides the earlier one (left).
    base = 'unit_types.scout = { name = "Scout", category = "cavalry", move_class = "horse", '
    (tmp_path / "base.toml").write_text(
        f'{base}speed_km = 40 }}\n[ruleset]\nid = "base"\ntitle = "Base"\n', encoding="utf-8"
    )
    for name, speed in (("left", 50), ("right", 60)):
        (tmp_path / f"{name}.toml").write_text(
            f'include = ["base.toml"]\n[ruleset]\nid = "{name}"\ntitle = "{name}"\n'
            f"[unit_types.scout]\nspeed_km = {speed}\n",
            encoding="utf-8",
        )
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        'include = ["ruleset:steppe_and_manchuria"]',
        'include = ["ruleset:steppe_and_manchuria", "left.toml", "right.toml"]',
    )
    main = tmp_path / "main.toml"
    main.write_text(text, encoding="utf-8")
    loaded = load(main)
    assert [p.name for p in loaded.files].count("base.toml") == 1
    assert loaded.scenario.unit_types["scout"].speed_km == 60


def test_a_shipped_ruleset_is_named_from_anywhere(tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    assert 'include = ["ruleset:steppe_and_manchuria"]' in text
    path = tmp_path / "elsewhere" / "s.toml"
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    assert "dunes" in load(path).scenario.terrain


def test_an_unknown_ruleset_name_gets_a_suggestion(tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        "ruleset:steppe_and_manchuria", "ruleset:steppe_and_manchura"
    )
    path = tmp_path / "s.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ScenarioError) as info:
        load(path)
    (err,) = info.value.errors
    assert err.message == "no ruleset named 'steppe_and_manchura'"
    assert err.hint == "did you mean 'steppe_and_manchuria'?"


def test_ruleset_file_validates_on_its_own() -> None:
    result = load_any(SCENARIOS / "rulesets" / "steppe_and_manchuria.toml")
    assert isinstance(result, Ruleset)
    assert result.terrain["river"].river


def test_generated_reference_is_up_to_date() -> None:
    assert DOC.read_text(encoding="utf-8") == markdown(), (
        "docs/scenario-format.md is stale: run python -m game.scenario.reference"
    )
    assert SCHEMA.read_text(encoding="utf-8") == schema(), (
        "scenarios/scenario.schema.json is stale: run python -m game.scenario.reference"
    )

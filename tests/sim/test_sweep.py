"""`two-augusts sweep`: one batch per combination of scenario values, as a modder runs it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from game.scenario import load_scenario
from game.sim.sweep import SweepError, parse_setting, with_value
from tests.conftest import EXAMPLE, ROOT

LOSSES = "sides.red.doctrine.attacker_losses"
MORALE = "sides.blue.doctrine.morale"


def sweep(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "game", "sweep", str(EXAMPLE), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_a_two_by_two_sweep_reports_every_combination() -> None:
    settings = ("--set", f"{LOSSES}=1.0,1.6", "--set", f"{MORALE}=0.5,0.9")
    done = sweep(*settings, "--runs", "3", "--json", "--workers", "2")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["settings"] == {LOSSES: [1.0, 1.6], MORALE: [0.5, 0.9]}
    combos = [c["set"] for c in data["combinations"]]
    assert combos == [
        {LOSSES: 1.0, MORALE: 0.5},
        {LOSSES: 1.0, MORALE: 0.9},
        {LOSSES: 1.6, MORALE: 0.5},
        {LOSSES: 1.6, MORALE: 0.9},
    ]
    for c in data["combinations"]:
        s = c["summary"]
        assert sum(s["winners"].values()) == 3
        assert set(s["mean_losses"]) == {"red", "blue"}
        for place in s["places"].values():
            assert 0 <= place["captured_games"] <= 3
            assert (place["captured_median"] is None) == (place["captured_games"] == 0)
    table = sweep(*settings, "--runs", "3", "--workers", "2")
    assert table.returncode == 0, table.stderr
    assert "red wins" in table.stdout and "blue men lost" in table.stdout
    assert len([ln for ln in table.stdout.splitlines() if ln.lstrip().startswith("1.")]) >= 2


def test_a_changed_value_is_validated_and_the_file_is_left_alone() -> None:
    scenario = load_scenario(EXAMPLE)
    changed = with_value(scenario, LOSSES, 1.5)
    red = next(s for s in changed.sides if s.id == "red")
    assert red.doctrine.attacker_losses == 1.5
    original = next(s for s in scenario.sides if s.id == "red")
    assert original.doctrine.attacker_losses != 1.5
    with pytest.raises(SweepError, match="less than or equal"):
        with_value(scenario, LOSSES, 50.0)
    with pytest.raises(SweepError, match="no item 'green'"):
        with_value(scenario, "sides.green.doctrine.morale", 0.5)


def test_a_bad_setting_is_one_line_not_a_traceback() -> None:
    done = sweep("--set", "sides.red.doctrine.no_such_field=1", "--runs", "1")
    assert done.returncode == 2
    assert "no such field" in done.stderr and "Traceback" not in done.stderr
    done = sweep("--set", "just-a-path", "--runs", "1")
    assert done.returncode == 2 and "PATH=V1,V2" in done.stderr


def test_nested_values_are_split_only_at_top_level_commas() -> None:
    setting = parse_setting('units.0.at=[1, 2],[3, 4],{a = {b = [5, 6]}},"x,y"')
    assert setting.values == ((1, 2), (3, 4), {"a": {"b": (5, 6)}}, "x,y")
    with pytest.raises(SweepError, match="not a TOML value"):
        parse_setting(f"{LOSSES}=[1")


def test_a_bad_part_deep_in_a_value_is_named_by_its_whole_path() -> None:
    scenario = load_scenario(EXAMPLE)
    with pytest.raises(SweepError, match=r"^sides\.red\.doctrine\.attacker_losses = "):
        with_value(scenario, "sides.red.doctrine", {"attacker_losses": {"x": {"y": 1}}})
    with pytest.raises(SweepError, match=r"^sides\.red\.supply_sources\.0\.at\.1 = "):
        with_value(scenario, "sides.red.supply_sources", ({"at": (1, {"x": 2})},))


def test_a_value_that_breaks_a_reference_is_refused_before_any_game() -> None:
    done = sweep("--set", "units.0.at=[1, [2, 3]]", "--runs", "1")
    assert done.returncode == 2, done.stdout
    assert "units.0.at.1" in done.stderr and "Traceback" not in done.stderr
    assert "internal error" not in done.stderr
    done = sweep("--set", "units.0.at=no_such_place", "--runs", "1")
    assert done.returncode == 2, done.stdout
    assert "unknown place 'no_such_place'" in done.stderr and "internal error" not in done.stderr

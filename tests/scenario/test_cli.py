"""The validate and inspect commands, run as a user runs them: a real subprocess on real files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import EXAMPLE, ROOT, SCENARIOS


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "game", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


def shipped_files() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in SCENARIOS.rglob("*.toml"))


def test_every_shipped_file_validates() -> None:
    files = shipped_files()
    assert any("examples" in f for f in files)
    result = run("validate", *files)
    assert result.returncode == 0, result.stdout + result.stderr
    ok_lines = [line for line in result.stdout.splitlines() if line.startswith("ok: ")]
    assert len(ok_lines) == len(files)
    assert "error:" not in result.stdout


def test_validate_reports_good_file_summary() -> None:
    result = run("validate", str(EXAMPLE.relative_to(ROOT)))
    assert result.returncode == 0
    assert result.stdout.strip() == (
        "ok: scenarios/examples/river_crossing.toml: Example: The Crossing at Tsagan Ford "
        "(9 units, 14x9 hexes, 10 turns)"
    )


def test_validate_reports_every_problem_with_location(tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    text = text.replace("tanks = 150", "tnaks = 150").replace("men = 2800", "men = -5")
    bad = tmp_path / "bad.toml"
    bad.write_text(text, encoding="utf-8")
    result = run("validate", str(bad), str(EXAMPLE))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    errors = [line for line in lines if ": error: " in line]
    assert len(errors) == 2
    assert any(line.startswith(f"{bad}:") and "unknown key 'tnaks'" in line for line in errors)
    assert any("input should be greater than or equal to 0 (got -5)" in line for line in errors)
    assert any("did you mean 'tanks'?" in line for line in lines)
    assert lines[-1].startswith("ok: ")  # the good file is still checked after the bad one
    assert "Traceback" not in result.stdout + result.stderr


def test_validate_missing_file_and_garbage_give_errors_not_tracebacks(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.toml"
    garbage.write_bytes(b"\xff\xfe not text")
    result = run("validate", str(tmp_path / "nope.toml"), str(garbage))
    assert result.returncode == 1
    assert f"{tmp_path / 'nope.toml'}:1:1: error: no such file" in result.stdout
    assert f"{garbage}:1:1: error: file is not UTF-8 text" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_warnings_do_not_fail(tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    text = text.replace("men = 500\n", "men = 0\n")
    path = tmp_path / "warn.toml"
    path.write_text(text, encoding="utf-8")
    result = run("validate", str(path))
    assert result.returncode == 0, result.stdout
    assert "warning: unit 'r-eng' has no men, tanks or guns" in result.stdout
    assert result.stdout.splitlines()[-1].startswith("ok: ")


def test_inspect_json_shape() -> None:
    result = run("inspect", str(EXAMPLE), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["id"] == "example_river_crossing"
    assert data["start"] == "1939-06-01T06:00"
    assert data["end"] == "1939-06-07T18:00"
    assert data["turns"] == 10
    assert data["hex_km"] == 3.0
    assert data["map"]["width"] == 14 and data["map"]["height"] == 9
    assert data["map"]["terrain_counts"]["river"] == 9
    assert [s["id"] for s in data["sides"]] == ["red", "blue"]
    assert data["sides"][0]["units"] == 6
    tank = next(u for u in data["units"] if u["id"] == "b-tk")
    assert tank["hex"] == [13, 4] and tank["arrives"] == "1939-06-02T18:00"
    assert tank["group"] == "Relief" and tank["tanks"] == 35
    assert {"name": "Urga-Ail", "hex": [11, 4], "vp": 10}.items() <= data["places"][0].items()
    dated = {e["id"]: e["date"] for e in data["events"]}
    assert dated["red_tires"] == "1939-06-05T06:00"
    assert dated["opening"] == "1939-06-01T06:00"
    assert dated["red_reserve"] is None
    timeline = data["timeline"]
    assert len(timeline) == 10
    # Blue's tank company arrives on the evening of 2 June: turn 4 (12-hour turns from 06:00).
    assert timeline[2]["sides"]["blue"]["tanks"] == 0
    assert timeline[3]["date"] == "1939-06-02T18:00"
    assert timeline[3]["sides"]["blue"] == {"men": 4900, "tanks": 35, "guns": 34, "aircraft": 30}
    # The lull phase from 4 June runs in 24-hour turns.
    assert timeline[6]["date"] == "1939-06-04T06:00"
    assert timeline[7]["date"] == "1939-06-05T06:00"


def test_inspect_text_and_errors() -> None:
    result = run("inspect", str(EXAMPLE))
    assert result.returncode == 0
    assert "Example: The Crossing at Tsagan Ford" in result.stdout
    bad = run("inspect", "no/such/file.toml")
    assert bad.returncode == 1
    assert "no/such/file.toml:1:1: error: no such file" in bad.stderr


def test_scenario_and_validate_do_not_import_pygame() -> None:
    code = (
        "import sys, game.scenario, game.rules, game.hexes, game.cli\n"
        "from game.cli import main\n"
        "rc = main(['validate', 'scenarios/examples/river_crossing.toml'])\n"
        "assert rc == 0\n"
        "assert 'pygame' not in sys.modules, 'pygame was imported'\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr

"""`two-augusts simulate`, run as a user runs it: a real subprocess on the example scenario."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import EXAMPLE, ROOT


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "game", "simulate", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_json_shape_and_same_output_whatever_the_workers() -> None:
    one = run(str(EXAMPLE), "--runs", "3", "--seed", "4", "--json", "--workers", "1")
    two = run(str(EXAMPLE), "--runs", "3", "--seed", "4", "--json", "--workers", "2")
    assert one.returncode == 0, one.stderr
    assert two.returncode == 0, two.stderr
    assert one.stdout == two.stdout
    assert "AI time per side-turn" in one.stderr
    data = json.loads(one.stdout)
    assert data["scenario"] == "example_river_crossing"
    assert data["runs"] == 3 and data["seed"] == 4
    assert sum(data["summary"]["winners"].values()) == 3
    assert [g["seed"] for g in data["games"]] == [4, 5, 6]
    sides = {"red", "blue"}
    for g in data["games"]:
        assert g["winner"] in sides | {"draw"}
        assert g["level"] in ("decisive", "marginal", "draw")
        assert isinstance(g["turns_played"], int) and g["turns_played"] >= 1
        assert len(g["end_date"]) == 16 and g["end_date"][10] == "T"
        assert set(g["vp"]) == sides and all(isinstance(v, int) for v in g["vp"].values())
        for side in sides:
            loss = g["losses"][side]
            assert {"men", "tanks", "guns", "aircraft"} <= set(loss)
            split = ("killed", "wounded", "captured", "dispersed")
            assert sum(loss[k] for k in split) == loss["men"]
            assert all(isinstance(v, int) and v >= 0 for v in loss.values())
            assert 0 <= g["surrendered"][side]["men"] <= loss["men"]
        for p in g["places"]:
            assert set(p) >= {"name", "owner", "captured"}
            assert p["owner"] in sides | {None}
            if p["captured"] is not None:
                assert p["owner"] is not None
        for e in g["events"]:
            assert set(e) == {"id", "date"}
        turns = [t["turn"] for t in g["timeline"]]
        assert turns == sorted(set(turns)) and turns[0] == 1
        assert g["timeline"][-1]["final"] and turns[-1] == g["turns_played"]
        for t in g["timeline"]:
            assert set(t["sides"]) == sides
            for grp in t["groups"].values():
                assert set(grp) >= {"side", "men", "units", "mean_advance_km", "max_advance_km"}
                assert 0.0 <= grp["mean_advance_km"] <= grp["max_advance_km"]
        for u in g["units"]:
            assert u["status"] in ("active", "destroyed", "surrendered", "pool")
            assert (u["hex"] is None) == (u["status"] != "active")


def test_readable_summary_and_out_file(tmp_path: Path) -> None:
    out = tmp_path / "report.txt"
    r = run(str(EXAMPLE), "--runs", "2", "--workers", "1", "--out", str(out))
    assert r.returncode == 0, r.stderr
    text = out.read_text(encoding="utf-8")
    assert "outcomes:" in text
    assert "mean losses red" in text and "mean losses blue" in text
    assert "Urga-Ail" in text
    assert "AI time per side-turn: median" in text
    assert "2/2 games" in r.stderr  # the progress bar


def test_against_random_player() -> None:
    r = run(str(EXAMPLE), "--vs", "random", "--side", "blue", "--json", "--workers", "1")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["players"] == {"red": "random", "blue": "ai"}


def test_bad_scenario_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    r = run(str(tmp_path / "missing.toml"))
    assert r.returncode != 0
    assert "Traceback" not in r.stderr

"""bench/run.py, run as `make bench` runs it, in its quick pass on the small example scenario:
the JSON has every figure in the agreed shape (timings are never asserted)."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import EXAMPLE, ROOT


def is_number(x: object) -> bool:
    return isinstance(x, int | float) and not isinstance(x, bool) and x >= 0


def test_quick_bench_prints_every_figure_in_the_agreed_shape() -> None:
    done = subprocess.run(
        [sys.executable, "bench/run.py", "--quick", "--json", "--scenario", str(EXAMPLE)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    f = json.loads(done.stdout)
    sid = "example_river_crossing"
    assert f["machine"]["cores"] >= 1 and f["machine"]["python"].count(".") == 2
    assert is_number(f["load_ms"][sid])
    assert set(f["ai_turn_ms"][sid]) >= {"median", "p95", "max"}
    assert all(is_number(v) for v in f["ai_turn_ms"][sid].values())
    assert is_number(f["game_s"][sid]) and is_number(f["games_per_minute"][sid])
    assert is_number(f["game_cpu_s"][sid])
    assert set(f["path_us"]) >= {"ours", "networkx", "ratio"}
    assert f["path_us"]["same_costs"] is True
    assert set(f["frame_ms"]) == {"steady", "pan", "full"}
    for key in (
        "idle_cpu_pct",
        "first_prompt_s",
        "first_prompt_cpu_s",
        "first_frame_s",
        "peak_rss_mb",
    ):
        assert is_number(f[key]), key
    g = f["growth"]
    assert g["sizes"] == sorted(g["sizes"]) and len(g["sizes"]) >= 2
    assert len(g["ai_turn_ms"]) == len(g["rss_mb"]) == len(g["sizes"])
    assert isinstance(g["exponent"], float)
    assert {t["figure"] for t in f["targets"]} >= {"frame_ms.steady", "first_prompt_s"}
    assert all(isinstance(t["met"], bool) for t in f["targets"])


def test_bench_refuses_a_missing_scenario_in_one_line() -> None:
    done = subprocess.run(
        [sys.executable, "bench/run.py", "--quick", "--scenario", "no/such.toml"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "no such scenario" in done.stderr and "Traceback" not in done.stderr

"""bench/ai_ablation.py, run as a user runs it, on the example with two games a variant: a row
for hard as it is and one for each feature asked for; an unknown feature is refused by name."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import EXAMPLE, ROOT


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "bench/ai_ablation.py", "--scenario", str(EXAMPLE), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_each_feature_asked_for_gets_a_row_against_the_normal_baseline() -> None:
    done = _run("--side", "red", "--games", "2", "--workers", "1", "--only", "noise,lookahead")
    assert done.returncode == 0, done.stderr
    rows = [line for line in done.stdout.splitlines() if line.startswith("| ") and "[" in line]
    names = [row.split("|")[1].strip() for row in rows]
    assert names == ["(nothing: hard as it is)", "noise", "lookahead"]


def test_an_unknown_feature_or_side_is_refused_with_the_known_ones() -> None:
    done = _run("--side", "red", "--only", "bravery")
    assert done.returncode == 2
    assert "unknown feature bravery" in done.stderr and "lookahead" in done.stderr
    done = _run("--side", "green")
    assert done.returncode == 2 and "no side 'green'" in done.stderr

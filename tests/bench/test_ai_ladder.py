"""bench/ai_ladder.py, run as a user runs it, on the example with two games a cell: a row for
each side, level and opponent level, and the cells it was asked for in the JSON."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import EXAMPLE, ROOT


def test_the_ladder_compares_hard_with_normal_on_the_same_seeds(tmp_path: Path) -> None:
    out = tmp_path / "ladder.json"
    args = ["--games", "2", "--pairs", "head", "--scenario", str(EXAMPLE), "--json", str(out)]
    done = subprocess.run(
        [sys.executable, "bench/ai_ladder.py", *args, "--workers", "1"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    rows = [line for line in done.stdout.splitlines() if line.startswith("| example")]
    assert len(rows) == 6  # three cells, two sides
    hard_red = [r for r in rows if "| red | hard | normal |" in r]
    assert len(hard_red) == 1 and "[" in hard_red[0]  # a difference with its interval
    (result,) = json.loads(out.read_text(encoding="utf-8"))
    assert set(result["cells"]) == {"normal-normal", "hard-normal", "normal-hard"}
    for cell in result["cells"].values():
        assert cell["games"] == 2
        assert all(len(v) == 2 for v in cell["scores"].values())

"""Scripted terminal sessions: a real subprocess playing a real scenario file from a script."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import EXAMPLE, ROOT

SCRIPT = """\
help move
move r-2tb 8,3
move r-1rr 11,4
odds 9,2 with r-2tb
attack 9,2 with r-2tb
save first
end
info b-2ir
load first
info r-2tb
mvoe r-cav 6,0
"""


def play(script: str, saves: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TWO_AUGUSTS_SAVE_DIR": str(saves), "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "game", "play", "--text", *args],
        input=script,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )


def test_scripted_session(tmp_path: Path) -> None:
    result = play(SCRIPT, tmp_path, str(EXAMPLE), "--side", "red", "--seed", "3")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Traceback" not in out + result.stderr
    # help for one command
    assert "> help move\nmove UNIT HEX" in out
    # a move, told in the dispatch log with its date
    assert "1939-06-01 06:00  2nd Tank Brigade moves from [4,4] to [8,3]" in out
    # an illegal move and its reason
    assert "> move r-1rr 11,4\nNot allowed: [11,4] is held by the enemy" in out
    # the odds before an attack, then the attack at the odds the preview gave
    odds = re.search(r"> odds 9,2 with r-2tb\nOdds (\d+\.\d+) to 1", out)
    assert odds is not None, out
    ratio = float(odds.group(1))
    results = re.search(r"results: (.*)", out.split("> odds", 1)[1])
    assert results is not None
    chances = [int(p) for p in re.findall(r"(\d+)%", results.group(1))]
    assert chances and abs(sum(chances) - 100) <= len(chances)  # each share rounds on its own
    assert f"2nd Tank Brigade attacks [9,2] at {ratio:.1f}:1" in out
    # save, the other side's turn, then load puts the position back
    assert f"Saved as 'first' ({tmp_path / 'first.json'})." in " ".join(out.split())
    after_end = out.split("> end\n", 1)[1]
    assert "Blue detachment to move." in after_end
    assert "Turn 2/10, 1 Jun 1939 18:00 - Red to move" in after_end
    assert "Loaded 'first'.\nTurn 1/10, 1 Jun 1939 06:00 - Red to move" in out
    assert "at [9,2], open steppe; group Assault" in out.split("> load first", 1)[1]
    # a mistyped command says what was meant
    assert "? unknown command 'mvoe' - did you mean 'move'?" in out
    assert (tmp_path / "first.json").is_file()


def test_same_script_and_seed_print_the_same_text(tmp_path: Path) -> None:
    a = play(SCRIPT, tmp_path / "a", str(EXAMPLE), "--side", "red", "--seed", "5")
    b = play(SCRIPT, tmp_path / "b", str(EXAMPLE), "--side", "red", "--seed", "5")
    assert a.returncode == b.returncode == 0
    assert a.stdout.replace(str(tmp_path / "a"), "") == b.stdout.replace(str(tmp_path / "b"), "")


def test_resume_with_load_flag_and_broken_saves(tmp_path: Path) -> None:
    first = play("move r-2tb 8,3\nsave here\n", tmp_path, str(EXAMPLE), "--side", "red")
    assert first.returncode == 0
    resumed = play("info r-2tb\n", tmp_path, "--side", "red", "--load", str(tmp_path / "here.json"))
    assert resumed.returncode == 0, resumed.stderr
    assert "at [8,3]" in resumed.stdout
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "two-augusts-save", "commands": [', encoding="utf-8")
    bad = play("", tmp_path, str(EXAMPLE), "--load", str(broken))
    assert bad.returncode == 1
    assert "damaged" in bad.stderr and "Traceback" not in bad.stderr
    # The good save is untouched by the failed load.
    assert play("", tmp_path, "--load", str(tmp_path / "here.json")).returncode == 0


def test_unknown_side_is_refused(tmp_path: Path) -> None:
    result = play("", tmp_path, str(EXAMPLE), "--side", "green")
    assert result.returncode == 2
    assert "this scenario's sides are red, blue (or both, none); not 'green'" in result.stderr


def test_map_requests_print_the_map_and_quit_leaves(tmp_path: Path) -> None:
    result = play("map 9,1-12,4\n# a comment is skipped\nmap\nquit\nend\n", tmp_path, str(EXAMPLE))
    assert result.returncode == 0, result.stderr
    part = result.stdout.split("> map 9,1-12,4\n", 1)[1].split("> map\n", 1)[0]
    assert part.splitlines()[0].split() == ["9", "10", "11", "12"]
    assert "Columns 9-12, rows 1-4 of 14x9" in part
    whole = result.stdout.split("> map\n", 1)[1]
    assert whole.splitlines()[0].split()[:3] == ["0", "1", "2"]
    assert "Farewell." in whole and "> end" not in whole  # nothing runs after quit
    assert "\x1b[" not in result.stdout  # NO_COLOR and no terminal: plain text


def test_watching_the_computer_play_both_sides_ends_with_the_result(tmp_path: Path) -> None:
    result = play("", tmp_path, str(EXAMPLE), "--side", "none", "--seed", "2")
    assert result.returncode == 0, result.stderr
    assert "GAME OVER on " in result.stdout
    assert "Briefing" not in result.stdout  # nobody to brief

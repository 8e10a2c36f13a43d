"""The after-action report: built from a game record, the same for a save, a simulated batch
and a game at the table; losses split by kind beside the record; fits the terminal."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from game.ai.player import AIPlayer
from game.rules.session import Game
from game.scenario import load_scenario
from game.sim.game import play
from game.ui.report import build_report, comparison_lines, record_of_game, render_text
from game.ui.victory_words import standing_text
from tests.conftest import EXAMPLE, ROOT, SCENARIOS
from tests.ui.terminal import play_piped


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "game", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=240,
    )


def test_report_of_a_simulated_game_has_every_part_and_fits_80_columns() -> None:
    scenario = load_scenario(EXAMPLE)
    rec, _, _ = play(scenario, 4, {s.id: AIPlayer("hard") for s in scenario.sides})
    report = build_report(scenario, rec)
    text = render_text(report, 80)
    assert all(len(line) <= 80 for line in text.splitlines())
    lost = rec["losses"]["blue"]
    row = next(line for line in text.splitlines() if line.startswith("  Blue "))
    assert row.split()[1:] == [
        f"{lost[k]:,}"
        for k in ("men", "killed", "wounded", "captured", "dispersed", "tanks", "guns", "aircraft")
    ]
    assert "men killed wounded captured scattered tanks guns planes" in text
    words = " ".join(text.split())
    assert "The score is Red VP minus Blue VP. Red decisive win at 15 or more" in words
    assert "Course of the battle:" in text and "The crossing begins" in text
    assert any(ch in text for ch in "▁▂▃▄▅▆▇█")
    plain = render_text(report, 80, unicode=False)
    assert plain.isascii()


def test_standing_says_who_leads_and_what_the_next_level_needs() -> None:
    scenario = load_scenario(SCENARIOS / "khalkhin_gol_1939.toml")
    adjective = {"soviet": "Soviet", "japanese": "Japanese"}
    text = standing_text(scenario.victory, {"soviet": 71.91, "japanese": 22.37}, adjective)
    assert text == (
        "Soviet lead 49.54: a Japanese decisive win if it ended now; "
        "a Japanese marginal win from a Soviet lead of 50"
    )
    text = standing_text(scenario.victory, {"soviet": 90, "japanese": 0}, adjective)
    assert text == (
        "Soviet lead 90: a Soviet marginal win if it ended now; "
        "a Soviet decisive win from a Soviet lead of 108"
    )
    text = standing_text(scenario.victory, {"soviet": 0, "japanese": 10}, adjective)
    assert text.startswith("Japanese lead 10: a Japanese decisive win")


def test_report_command_reads_a_save_and_a_batch_and_draws_a_png(tmp_path: Path) -> None:
    saved = play_piped("end\nend\nsave two\n", tmp_path, str(EXAMPLE), "--side", "red")
    assert saved.returncode == 0, saved.stderr
    of_save = run_cli("report", str(tmp_path / "two.json"))
    assert of_save.returncode == 0, of_save.stderr
    assert "AFTER-ACTION REPORT: Example: The Crossing at Tsagan Ford" in of_save.stdout
    assert "Losses:" in of_save.stdout
    sim = tmp_path / "sim.json"
    made = run_cli(
        "simulate", str(EXAMPLE), "--runs", "1", "--workers", "1", "--json", "--out", str(sim)
    )
    assert made.returncode == 0, made.stderr
    png = tmp_path / "report.png"
    of_batch = run_cli("report", str(sim), "--game", "1", "--png", str(png), "--ascii")
    assert of_batch.returncode == 0, of_batch.stderr
    game = json.loads(sim.read_text(encoding="utf-8"))["games"][0]
    scenario = load_scenario(EXAMPLE)
    assert of_batch.stdout == render_text(build_report(scenario, game), 80, unicode=False) + "\n"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    bad = run_cli("report", str(sim), "--game", "3")
    assert bad.returncode == 1 and f"{sim} has games 1 to 1, not 3" in bad.stderr
    junk = tmp_path / "junk.json"
    junk.write_text("[1, 2]", encoding="utf-8")
    refused = run_cli("report", str(junk))
    assert refused.returncode == 1 and "neither a save nor" in refused.stderr
    assert "Traceback" not in refused.stderr + bad.stderr


def test_the_end_shows_the_report_then_the_map_and_saving_still_work(tmp_path: Path) -> None:
    script = "end\n" * 12 + "map\nend\nsave after\n"
    result = play_piped(script, tmp_path, str(EXAMPLE), "--side", "red", "--seed", "2")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    end = out.index("AFTER-ACTION REPORT")
    assert "GAME OVER on " in out[:end]
    after = out[end:]
    assert "The game is over: look at the map ('map', 'info'), 'report', 'save NAME'" in " ".join(
        after.split()
    )
    assert "> map\n" in after and "The whole map" in after.split("> map\n", 1)[1]
    assert "Result: " in after and any(
        words in " ".join(after.split())
        for words in ("the last turn was played", "one side held every objective")
    )
    assert (tmp_path / "after.json").is_file()


def test_a_game_still_being_played_is_not_judged_against_dates_still_to_come() -> None:
    """On the first turn of 1939 the ring of 23-26 August has not failed: it has not come yet."""
    game = Game(load_scenario(SCENARIOS / "khalkhin_gol_1939.toml"), seed=1)
    rec = record_of_game(game)
    so_far = comparison_lines(build_report(game.scenario, rec), 200)
    assert so_far[0] == "Against the record (the game so far):"
    assert not any("unlike history" in line for line in so_far)
    ring = next(line.strip() for line in so_far if "Ring closed at Nomonhan" in line)
    assert ring.startswith("[not so far]") and "this game not yet" in ring
    over = comparison_lines(build_report(game.scenario, {**rec, "game_over": True}), 200)
    assert over[0] == "Against the record:"
    ring = next(line.strip() for line in over if "Ring closed at Nomonhan" in line)
    assert ring.startswith("[unlike history]") and "this game never" in ring

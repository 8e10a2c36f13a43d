"""A whole computer-against-computer game of each scenario through the terminal front end: the
report it prints at the end has the same figures as the simulation's record of the same seed."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.ai.player import AIPlayer
from game.scenario import load_scenario
from game.sim.game import play
from game.ui.report import build_report, render_text
from tests.conftest import EXAMPLE, SCENARIOS
from tests.ui.terminal import play_piped

SEED = 3
LEVEL = "hard"  # the simulation's default level


def check_report_equals_simulation(path: Path, tmp_path: Path) -> None:
    scenario = load_scenario(path)
    result = play_piped(
        "", tmp_path, str(path), "--side", "none", "--seed", str(SEED), "--difficulty", LEVEL
    )
    assert result.returncode == 0, result.stderr
    rec, _, _ = play(scenario, SEED, {s.id: AIPlayer(LEVEL) for s in scenario.sides})
    expected = render_text(build_report(scenario, rec), 80)
    assert expected in result.stdout
    assert "Losses:" in expected and f"after {rec['turns_played']} turns" in expected


def test_example_game_report_equals_the_simulation(tmp_path: Path) -> None:
    check_report_equals_simulation(EXAMPLE, tmp_path)


@pytest.mark.slow
@pytest.mark.parametrize("name", ["khalkhin_gol_1939", "manchuria_1945"])
def test_shipped_scenario_report_equals_the_simulation(name: str, tmp_path: Path) -> None:
    check_report_equals_simulation(SCENARIOS / f"{name}.toml", tmp_path)

"""AI-versus-AI batches of the historical scenarios against the record (history.md section 4).

The slow run plays 360 games of each scenario (hard against hard) and checks every target that
docs/history.md says the game reproduces in at least 70% of runs; the table there lists every
target, met or not. 360 rather than 40 or 120: a share of 40 games is good to about 14 points
either way and one of 120 to about 8 (the 1939 zone is cleared in 74%, 68% and 76% of the three
sets of 120 the slow run plays, 73% of all 360). The default run checks the checking on one game.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest

from game.sim.batch import Setup, run_batch
from game.sim.history import TARGET_SHARE, TARGETS, evaluate, table
from tests.ai.helpers import KG_1939, MAN_1945

RUNS = 360
SEED = 1
# Targets below 70% today, by scenario (none on 1 December 2026), each explained in
# docs/history.md (what the game does instead, and why): measured and published, not asserted.
NOT_YET_MET: dict[str, set[str]] = {}


@cache
def batch(path: str, runs: int) -> tuple[dict[str, Any], ...]:
    games, _, refused = run_batch(Setup(path, "hard"), runs, SEED, workers=2)
    assert refused == 0
    return tuple(games)


def test_one_game_of_1945_is_measured_against_every_target() -> None:
    games = batch(str(MAN_1945), 1)
    rows = evaluate("manchuria_1945", games)
    assert [r.target for r in rows] == list(TARGETS["manchuria_1945"])
    assert all(r.share in (0.0, 1.0) for r in rows)
    by_name = {r.target.name: r for r in rows}
    assert by_name["Japan's broadcast on 15 August (H20)"].share == 1.0
    assert "| target |" in table(rows, 1)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("path", "scenario"), [(KG_1939, "khalkhin_gol_1939"), (MAN_1945, "manchuria_1945")]
)
def test_most_runs_reproduce_the_record(path: object, scenario: str) -> None:
    rows = evaluate(scenario, batch(str(path), RUNS))
    missed = [
        f"{r.target.name}: {r.share:.0%}"
        for r in rows
        if r.target.name not in NOT_YET_MET.get(scenario, set()) and r.share < TARGET_SHARE
    ]
    assert not missed, "\n" + table(rows, RUNS)


def test_the_targets_not_yet_met_are_targets_of_their_scenario() -> None:
    """A misspelt name would silently excuse nothing (or hide a target that is met)."""
    for scenario, names in NOT_YET_MET.items():
        known = {t.name for t in TARGETS[scenario]}
        assert names <= known, names - known

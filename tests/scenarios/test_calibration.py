"""AI-versus-AI batches of the historical scenarios against the record (history.md section 4).

The slow run plays 120 games of each scenario (hard against hard) and checks every target that
docs/history.md says the game reproduces in at least 70% of runs; the table there lists every
target, met or not. 120 rather than 40: a share of 40 games is good to about 7 points either
way, which is wider than the margin some targets keep. The default run checks the checking on
one game.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest

from game.sim.batch import Setup, run_batch
from game.sim.history import TARGET_SHARE, TARGETS, evaluate, table
from tests.ai.helpers import KG_1939, MAN_1945

RUNS = 120
SEED = 1
# Targets below 70% today, each explained in docs/history.md section 4 (what the game does
# instead, and why); they are measured and published, not asserted.
NOT_YET_MET: set[str] = set()


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
        if r.target.name not in NOT_YET_MET and r.share < TARGET_SHARE
    ]
    assert not missed, "\n" + table(rows, RUNS)

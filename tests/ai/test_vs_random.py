"""The AI beats a player that moves and attacks at random, playing either side: a small batch in
the default run (the example only: whole historical games are slow), 20 games a side and
scenario in the slow run (target: at least 95%).

A small batch may lose a game to bad luck without the AI being worse; it must still win nearly
all of them, and the random player must never win more than that one."""

from __future__ import annotations

import pytest

from game.sim.batch import Setup, run_batch
from tests.ai.helpers import KG_1939, MAN_1945, scenario
from tests.conftest import EXAMPLE


def ai_wins(path: object, ai_side: str, runs: int, seed: int = 1) -> tuple[int, list[str]]:
    s = scenario(path)  # type: ignore[arg-type]
    vs = {x.id: ("ai" if x.id == ai_side else "random") for x in s.sides}
    games, _, refused = run_batch(Setup(str(path), "hard", vs), runs, seed, workers=2)
    assert refused == 0
    return sum(1 for g in games if g["winner"] == ai_side), [g["winner"] for g in games]


SMALL_BATCH = 6
LUCK = 1  # games of a small batch the AI may lose or draw to luck


@pytest.mark.parametrize("side", ["red", "blue"])
def test_example_ai_beats_random(side: str) -> None:
    wins, winners = ai_wins(EXAMPLE, side, SMALL_BATCH)
    assert wins >= SMALL_BATCH - LUCK, winners
    assert sum(1 for w in winners if w not in (side, None)) <= LUCK, winners


@pytest.mark.slow  # two whole 1945 games: about ten seconds
def test_1945_soviet_ai_beats_random_quick() -> None:
    wins, winners = ai_wins(MAN_1945, "soviet", 2)
    assert wins >= 1 and "japanese" not in winners, winners


@pytest.mark.slow
@pytest.mark.parametrize(
    ("path", "side"),
    [
        (EXAMPLE, "red"),
        (EXAMPLE, "blue"),
        (KG_1939, "soviet"),
        (KG_1939, "japanese"),
        (MAN_1945, "soviet"),
        (MAN_1945, "japanese"),
    ],
    ids=["example-red", "example-blue", "1939-soviet", "1939-japanese", "1945-soviet", "1945-jp"],
)
def test_ai_beats_random_in_95_percent(path: object, side: str) -> None:
    wins, winners = ai_wins(path, side, 20)
    assert wins >= 19, winners

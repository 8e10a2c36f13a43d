"""AI-versus-AI games of the historical scenarios against the calibration targets of history.md
section 4. Slow (about a minute each): run with `pytest -m slow tests/scenarios`.

A target holds when most games (two of three seeds) reproduce it; the AI is allowed bad days.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path
from typing import Any

import pytest

import game.rules  # noqa: F401  (the rules before the scenario package, as game.sim does)
from game.scenario import load_scenario
from game.sim.game import make_player, play

ROOT = Path(__file__).resolve().parent.parent.parent
SEEDS = (1, 2, 3)

pytestmark = pytest.mark.slow


@cache
def games(name: str) -> tuple[dict[str, Any], ...]:
    s = load_scenario(ROOT / "scenarios" / name)
    out = []
    for seed in SEEDS:
        players = {side.id: make_player("ai", "normal") for side in s.sides}
        record, _, _ = play(s, seed, players)
        out.append(record)
    return tuple(out)


def most(flags: list[bool]) -> bool:
    return sum(flags) * 3 >= len(flags) * 2


def when(record: dict[str, Any], event_id: str) -> dt.datetime | None:
    for e in record["events"]:
        if e["id"] == event_id:
            return dt.datetime.fromisoformat(e["date"])
    return None


def owner(record: dict[str, Any], place: str) -> str | None:
    return next(p["owner"] for p in record["places"] if p["id"] == place)


def test_1939_bain_tsagan_crossing_thrown_back_within_72_hours() -> None:
    flags = []
    for r in games("khalkhin_gol_1939.toml"):
        lost, back = when(r, "bain_tsagan_lost"), when(r, "bain_tsagan_retaken")
        flags.append(lost is None or (back is not None and back - lost <= dt.timedelta(hours=72)))
    assert most(flags)


def test_1939_july_leaves_both_sides_weakened() -> None:
    """H7: heavy losses on both sides by the end of July: each loses at least a fifth of the
    most men it had on the map in July (reinforcements and replacements keep head-counts up, so
    the losses themselves are measured)."""
    flags = []
    for r in games("khalkhin_gol_1939.toml"):
        july = [t for t in r["timeline"] if t["date"] <= "1939-07-26T06:00"]
        late = july[-1]["sides"]
        flags.append(
            all(
                late[x]["men_lost"] >= 0.2 * max(t["sides"][x]["men"] for t in july)
                for x in ("soviet", "japanese")
            )
        )
    assert most(flags)


def test_1939_zone_cleared_late_in_august() -> None:
    flags = []
    for r in games("khalkhin_gol_1939.toml"):
        cleared = when(r, "zone_cleared")
        flags.append(
            cleared is not None
            and dt.datetime(1939, 8, 21) <= cleared <= dt.datetime(1939, 8, 31, 18)
            and owner(r, "nomonhan") == "soviet"
        )
    assert most(flags)


def test_1939_history_is_a_marginal_soviet_win() -> None:
    flags = [
        r["winner"] == "soviet" and r["level"] == "marginal"
        for r in games("khalkhin_gol_1939.toml")
    ]
    assert most(flags)


def test_1945_the_great_cities_fall_by_20_august() -> None:
    flags = [
        all(owner(r, p) == "soviet" for p in ("changchun", "mukden", "harbin"))
        for r in games("manchuria_1945.toml")
    ]
    assert most(flags)


def test_1945_history_is_a_marginal_soviet_win() -> None:
    flags = [
        r["winner"] == "soviet" and r["level"] == "marginal" for r in games("manchuria_1945.toml")
    ]
    assert most(flags)


def test_1945_broadcast_and_surrender() -> None:
    for r in games("manchuria_1945.toml"):
        assert when(r, "broadcast") == dt.datetime(1945, 8, 15)
        assert r["surrendered"]["japanese"]["men"] >= 500_000

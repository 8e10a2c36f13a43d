"""The AI ladder: each level against each level, as each side, on the shipped scenarios, so a
change to the AI is measured by how it plays rather than by how it looks.

    python bench/ai_ladder.py                       every cell, 40 games each (hours on 2 cores)
    python bench/ai_ladder.py --games 8 --pairs head   only the cells hard-vs-normal needs
    python bench/ai_ladder.py --json FILE           also write every cell's figures

For each side and level it reports, against each opponent level, the mean score from that side's
point of view (the scenario's score, negated for the side that does not score) and its share of
wins, and the difference from the normal-vs-normal baseline against the same opponent: the mean
of the per-seed differences (both cells play the same seeds) with a 95% interval.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.ai import LEVELS  # noqa: E402
from game.scenario import load_scenario  # noqa: E402
from game.sim.batch import Setup, run_batch  # noqa: E402

SCENARIOS = [
    ROOT / "scenarios" / "khalkhin_gol_1939.toml",
    ROOT / "scenarios" / "manchuria_1945.toml",
    ROOT / "scenarios" / "examples" / "river_crossing.toml",
]
BASELINE = "normal"
Z95 = 1.96  # the normal quantile of a two-sided 95% interval


def side_score(game: dict[str, Any], side: str, score_side: str) -> float:
    """The game's score from `side`'s point of view."""
    return float(game["score"]) if side == score_side else -float(game["score"])


def interval(xs: list[float]) -> tuple[float, float, float]:
    """Mean and 95% interval (normal approximation; a single game gives a zero-width one)."""
    m = statistics.fmean(xs)
    if len(xs) < 2:
        return m, m, m
    half = Z95 * statistics.stdev(xs) / math.sqrt(len(xs))
    return m, m - half, m + half


def cells(levels: list[str], pairs: str) -> list[tuple[str, str]]:
    """(first side's level, second side's level) to play: every pair, or only those that
    compare hard with normal against a normal opponent ("head")."""
    if pairs == "all":
        return [(a, b) for a in levels for b in levels]
    return [(BASELINE, BASELINE), ("hard", BASELINE), (BASELINE, "hard")]


def play_scenario(
    path: Path, levels: list[str], pairs: str, games: int, seed: int, workers: int | None
) -> dict[str, Any]:
    """Every cell of one scenario: its games' scores by side."""
    sc = load_scenario(path)
    a, b = (s.id for s in sc.sides)
    out: dict[str, Any] = {"scenario": sc.meta.id, "sides": [a, b], "cells": {}}
    for la, lb in cells(levels, pairs):
        setup = Setup(str(path), f"{a}={la},{b}={lb}")
        played, times, _ = run_batch(setup, games, seed, workers)
        out["cells"][f"{la}-{lb}"] = {
            "scores": {
                s: [side_score(g, s, sc.victory.score_side) for g in played] for s in (a, b)
            },
            "wins": {s: sum(1 for g in played if g["winner"] == s) for s in (a, b)},
            "games": len(played),
            "p95_ms": sorted(times)[int(0.95 * (len(times) - 1))] * 1000 if times else 0.0,
        }
        print(f"  {sc.meta.id} {a}={la} {b}={lb}: done", file=sys.stderr)
    return out


def rows(result: dict[str, Any]) -> list[str]:
    """Markdown rows: per side, level and opponent level, the mean score, win share and the
    difference from the baseline level against the same opponent."""
    a, b = result["sides"]
    out = []
    order = {name: i for i, name in enumerate(LEVELS)}
    for side, mine in ((a, 0), (b, 1)):

        def by_levels(item: tuple[str, Any], mine: int = mine) -> tuple[int, int]:
            levels = item[0].split("-")
            return order[levels[1 - mine]], order[levels[mine]]

        for key, cell in sorted(result["cells"].items(), key=by_levels):
            levels = key.split("-")
            me, opp = levels[mine], levels[1 - mine]
            base_key = f"{BASELINE}-{opp}" if mine == 0 else f"{opp}-{BASELINE}"
            base = result["cells"].get(base_key)
            xs = cell["scores"][side]
            m, _, _ = interval(xs)
            diff = "baseline"
            if base is not None and me != BASELINE:
                d = [x - y for x, y in zip(xs, base["scores"][side], strict=True)]
                dm, lo, hi = interval(d)
                diff = f"{dm:+.1f} [{lo:+.1f}, {hi:+.1f}]"
            elif base is None:
                diff = "n/a"
            share = cell["wins"][side] / max(cell["games"], 1)
            out.append(
                f"| {result['scenario']} | {side} | {me} | {opp} | {cell['games']} | "
                f"{m:+.1f} | {share:.0%} | {diff} |"
            )
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--games", type=int, default=40, help="games a cell (seeds S, S+1, ...)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--workers", type=int, default=None)
    p.add_argument("--pairs", choices=["all", "head"], default="all")
    p.add_argument("--scenario", action="append", help="scenario file (default: the shipped three)")
    p.add_argument("--json", metavar="FILE", help="write every cell's scores as JSON")
    args = p.parse_args(argv)
    paths = [Path(s) for s in args.scenario] if args.scenario else SCENARIOS
    levels = list(LEVELS)
    results = [
        play_scenario(path, levels, args.pairs, args.games, args.seed, args.workers)
        for path in paths
    ]
    print("| scenario | side | level | against | games | mean score | wins | vs normal (95%) |")
    print("|---|---|---|---|---|---|---|---|")
    for r in results:
        for line in rows(r):
            print(line)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Which of hard's features earn its score: hard plays one side against a normal opponent with
one feature at a time set back to normal's value, and each variant is compared, seed by seed,
with normal on that side. A feature whose removal leaves the figure unchanged does nothing on
that side of that scenario; the ladder (bench/ai_ladder.py) says only whether hard is ahead.

    python bench/ai_ablation.py --scenario scenarios/manchuria_1945.toml --side japanese
    python bench/ai_ablation.py --scenario ... --side soviet --games 400 --only noise,lookahead

The features are the fields of game.ai.difficulty.Difficulty on which hard and normal differ
(the weights are shared, so they are not among them).
"""

from __future__ import annotations

import argparse
import statistics
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import fields, replace
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ai_ladder import interval, side_score  # noqa: E402

from game.ai import AIPlayer  # noqa: E402
from game.ai.difficulty import Difficulty, level  # noqa: E402
from game.scenario import Scenario, load_scenario  # noqa: E402
from game.sim.game import Player, play  # noqa: E402

HARD = "hard"
BASELINE = "normal"


def features() -> list[str]:
    """Difficulty fields on which hard differs from normal."""
    hard, normal = level(HARD), level(BASELINE)
    return [
        f.name
        for f in fields(Difficulty)
        if f.name != "name" and getattr(hard, f.name) != getattr(normal, f.name)
    ]


def without(feature: str | None) -> Difficulty:
    """Hard with `feature` set back to normal's value (None: hard as it is)."""
    hard = level(HARD)
    if feature is None:
        return hard
    return replace(hard, **{feature: getattr(level(BASELINE), feature)})


@cache
def scenario_at(path: str) -> Scenario:
    """The scenario, loaded once a process."""
    return load_scenario(path)


def one_game(path: str, side: str, diff: Difficulty | None, seed: int) -> float:
    """One game: `side` plays at `diff` (None: normal) against normal; the score from `side`'s
    point of view."""
    scenario = scenario_at(path)
    other = next(s.id for s in scenario.sides if s.id != side)
    players: dict[str, Player] = {side: AIPlayer(diff or BASELINE), other: AIPlayer(BASELINE)}
    record, _, _ = play(scenario, seed, players)
    return side_score(record, side, scenario.victory.score_side)


def scores(
    pool: ProcessPoolExecutor, path: str, side: str, diff: Difficulty | None, seeds: range
) -> list[float]:
    n = len(seeds)
    return list(pool.map(one_game, [path] * n, [side] * n, [diff] * n, seeds))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--scenario", required=True, help="scenario file")
    p.add_argument("--side", required=True, help="the side hard plays")
    p.add_argument("--games", type=int, default=400, help="games a variant (seeds S, S+1, ...)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--workers", type=int, default=None)
    p.add_argument("--only", help="comma-separated features (default: every one)")
    args = p.parse_args(argv)
    scenario = load_scenario(args.scenario)
    if args.side not in {s.id for s in scenario.sides}:
        p.error(f"no side '{args.side}' in {args.scenario}")
    known = features()
    chosen = args.only.split(",") if args.only else known
    unknown = sorted(set(chosen) - set(known))
    if unknown:
        p.error(f"unknown feature {unknown[0]}; hard differs from normal in {', '.join(known)}")
    seeds = range(args.seed, args.seed + args.games)
    with ProcessPoolExecutor(args.workers) as pool:
        base = scores(pool, args.scenario, args.side, None, seeds)
        print(f"{args.side} at normal against normal: mean {statistics.fmean(base):+.2f}")
        print("| hard without | games | mean score | vs normal (95%) |")
        print("|---|---|---|---|")
        for feature in [None, *chosen]:
            got = scores(pool, args.scenario, args.side, without(feature), seeds)
            m, lo, hi = interval([a - b for a, b in zip(got, base, strict=True)])
            name = feature or "(nothing: hard as it is)"
            print(
                f"| {name} | {len(got)} | {statistics.fmean(got):+.2f} | "
                f"{m:+.2f} [{lo:+.2f}, {hi:+.2f}] |",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

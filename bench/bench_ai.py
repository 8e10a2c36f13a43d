"""Benchmark: AI side-turn times (median, p95, worst) and whole AI-vs-AI game times per shipped
scenario, plus the share of a game spent in the rules' own end of turn. Prints JSON.

    python bench/bench_ai.py [--games N] [--difficulty hard] [scenario.toml ...]

Targets (issue 5, on a 2-core machine): AI turn p95 <= 100 ms (1939) and <= 300 ms (1945);
a full game <= 2 s (1939) and <= 5 s (1945).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from game.rules import EndTurnCommand, apply, new_game
from game.scenario import load_scenario
from game.sim.batch import timing
from game.sim.game import make_player, play

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = [
    ROOT / "scenarios" / "examples" / "river_crossing.toml",
    ROOT / "scenarios" / "khalkhin_gol_1939.toml",
    ROOT / "scenarios" / "manchuria_1945.toml",
]


def end_turns_only(path: Path) -> float:
    """Seconds for a game in which nobody does anything: the floor set by the rules."""
    s = load_scenario(path)
    st = new_game(s, 1)
    t0 = time.perf_counter()
    while not st.game_over:
        st, _ = apply(st, EndTurnCommand())
    return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("scenarios", nargs="*", type=Path)
    parser.add_argument("--games", type=int, default=5)
    parser.add_argument("--difficulty", default="hard")
    args = parser.parse_args()
    out = []
    for path in args.scenarios or [p for p in DEFAULT if p.is_file()]:
        s = load_scenario(path)
        sides = [x.id for x in s.sides]
        times: list[float] = []
        games: list[float] = []
        refused = 0
        for seed in range(1, args.games + 1):
            players = {side: make_player("ai", args.difficulty) for side in sides}
            t0 = time.perf_counter()
            _, t, r = play(s, seed, players)
            games.append(time.perf_counter() - t0)
            times.extend(t)
            refused += r
        out.append(
            {
                "scenario": s.meta.id,
                "games": args.games,
                "difficulty": args.difficulty,
                "ai_turn": timing(times),
                "game_s": {
                    "median": round(statistics.median(games), 3),
                    "worst": round(max(games), 3),
                },
                "end_turns_only_s": round(end_turns_only(path), 3),
                "refused_commands": refused,
            }
        )
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()

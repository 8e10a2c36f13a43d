"""Benchmark: how long loading and validating each shipped scenario takes (prints JSON).

Run: .venv/bin/python bench/bench_load.py [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from game.scenario import load

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    results = []
    for path in sorted((ROOT / "scenarios").rglob("*.toml")):
        if "rulesets" in path.parts:
            continue
        times = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            loaded = load(path)
            times.append(time.perf_counter() - t0)
        results.append(
            {
                "scenario": str(path.relative_to(ROOT)),
                "units": len(loaded.scenario.units),
                "load_ms_median": round(statistics.median(times) * 1000, 2),
                "load_ms_max": round(max(times) * 1000, 2),
            }
        )
    print(json.dumps({"benchmark": "scenario_load", "repeat": args.repeat, "results": results}))


if __name__ == "__main__":
    main()

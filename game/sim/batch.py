"""Batches of headless games over seeds S, S+1, ...: in worker processes, with a progress bar,
and a result that does not depend on the number of workers (games are independent and are
collected in seed order)."""

from __future__ import annotations

import multiprocessing as mp
import os
import statistics
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from game.ai.difficulty import side_levels
from game.scenario import load_scenario
from game.scenario.models import Scenario
from game.sim.game import make_player, play

GameResult = tuple[dict[str, Any], list[float], int]


@dataclass(frozen=True)
class Setup:
    """What every game of a batch shares."""

    scenario_path: str
    difficulty: str = "normal"  # a level for both sides, or by side: "soviet=hard,japanese=easy"
    vs: dict[str, str] = field(default_factory=dict)  # side -> "ai" or "random"

    def levels(self, scenario: Scenario) -> dict[str, str]:
        """Each side's AI level (raises ValueError for a side the scenario does not have)."""
        return side_levels(self.difficulty, [s.id for s in scenario.sides])


_SCENARIO: dict[str, Scenario] = {}
# The scenario a worker process plays, installed once per process by the pool's initializer.
_INSTALLED: list[Scenario] = []


def _scenario(path: str) -> Scenario:
    hit = _SCENARIO.get(path)
    if hit is None:
        hit = load_scenario(path)
        _SCENARIO.clear()
        _SCENARIO[path] = hit
    return hit


def play_seed(scenario: Scenario, setup: Setup, seed: int) -> GameResult:
    """One game of the batch: the unit of work on a local process or a cluster worker."""
    levels = setup.levels(scenario)
    players = {
        side.id: make_player(setup.vs.get(side.id, "ai"), levels[side.id])
        for side in scenario.sides
    }
    return play(scenario, seed, players)


def run_one(setup: Setup, seed: int) -> GameResult:
    """One game of the batch on the scenario in `setup`'s file."""
    return play_seed(_scenario(setup.scenario_path), setup, seed)


def _install(scenario: Scenario) -> None:
    _INSTALLED[:] = [scenario]


def _job(args: tuple[Setup, int]) -> GameResult:
    return play_seed(_INSTALLED[0], *args)


def _bar(done: int, total: int, out: TextIO) -> None:
    width = 30
    filled = width * done // max(total, 1)
    out.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} games")
    if done == total:
        out.write("\n")
    out.flush()


def run_batch(
    setup: Setup,
    runs: int,
    seed: int,
    workers: int | None = None,
    progress: TextIO | None = None,
    *,
    scenario: Scenario | None = None,
    cluster: str | None = None,
) -> tuple[list[dict[str, Any]], list[float], int]:
    """Play `runs` games; returns their records in seed order, every AI side-turn time (s) and
    the number of refused commands. `scenario` (default: the one in setup's file) may be one
    changed in memory, as a sweep does; `cluster` sends the games to a Dask scheduler (see
    game.sim.cluster) instead of local processes, with the same results."""
    played = scenario if scenario is not None else _scenario(setup.scenario_path)
    seeds = [seed + i for i in range(runs)]
    results: list[GameResult] = []
    bar = progress if runs > 1 else None

    finished = [0]

    def done() -> None:
        finished[0] += 1
        if bar is not None:
            _bar(finished[0], runs, bar)

    if cluster is not None:
        from game.sim.cluster import run_on_cluster

        results = run_on_cluster(cluster, played, play_seed, setup, seeds, done, workers)
        return _collect(results)
    n = max(1, min(workers or os.cpu_count() or 1, runs))
    if n == 1:
        for s in seeds:
            results.append(play_seed(played, setup, s))
            done()
    else:
        ctx = mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")
        with ctx.Pool(n, initializer=_install, initargs=(played,)) as pool:
            for r in pool.imap(_job, [(setup, s) for s in seeds]):
                results.append(r)
                done()
    return _collect(results)


def _collect(
    results: list[GameResult],
) -> tuple[list[dict[str, Any]], list[float], int]:
    games = [r[0] for r in results]
    times = [t for r in results for t in r[1]]
    refused = sum(r[2] for r in results)
    return games, times, refused


def timing(times: list[float]) -> dict[str, float]:
    """Median, 95th percentile and worst AI side-turn, in milliseconds."""
    if not times:
        return {"median_ms": 0.0, "p95_ms": 0.0, "worst_ms": 0.0, "turns": 0}
    xs = sorted(times)
    p95 = xs[min(len(xs) - 1, round(0.95 * (len(xs) - 1)))]
    return {
        "median_ms": round(statistics.median(xs) * 1000, 2),
        "p95_ms": round(p95 * 1000, 2),
        "worst_ms": round(xs[-1] * 1000, 2),
        "turns": len(xs),
    }


LOSS_KEYS = ("men", "killed", "wounded", "captured", "dispersed", "tanks", "guns", "aircraft")


def summarize(scenario: Scenario, games: list[dict[str, Any]]) -> dict[str, Any]:
    """Outcome counts, mean losses by side, and when each place fell (per place: how often it
    ended in each side's hands and the mean date of capture)."""
    sides = [s.id for s in scenario.sides]
    winners: dict[str, int] = {}
    levels: dict[str, int] = {}
    for g in games:
        winners[g["winner"]] = winners.get(g["winner"], 0) + 1
        key = f"{g['winner']} {g['level']}" if g["winner"] != "draw" else "draw"
        levels[key] = levels.get(key, 0) + 1
    n = max(len(games), 1)
    losses = {
        side: {k: round(sum(g["losses"][side].get(k, 0) for g in games) / n, 1) for k in LOSS_KEYS}
        for side in sides
    }
    places: dict[str, dict[str, Any]] = {}
    for p in scenario.places:
        owners: dict[str, int] = {}
        dates: list[str] = []
        for g in games:
            for gp in g["places"]:
                if gp.get("id") == p.id:
                    o = gp["owner"] or "none"
                    owners[o] = owners.get(o, 0) + 1
                    if gp["captured"]:
                        dates.append(gp["captured"])
        dates.sort()
        places[p.id] = {
            "name": p.name,
            "owners": owners,
            "captured_games": len(dates),
            "captured_median": dates[len(dates) // 2] if dates else None,
            "captured_first": dates[0] if dates else None,
            "captured_last": dates[-1] if dates else None,
        }
    events: dict[str, int] = {}
    for g in games:
        for e in g["events"]:
            events[e["id"]] = events.get(e["id"], 0) + 1
    return {
        "winners": dict(sorted(winners.items())),
        "levels": dict(sorted(levels.items())),
        "mean_losses": losses,
        "mean_turns": round(sum(g["turns_played"] for g in games) / n, 1),
        "places": places,
        "events": events,
    }


def report(
    path: str | Path, scenario: Scenario, batch: dict[str, Any], timing_: dict[str, float]
) -> str:
    """The readable summary of a batch."""
    s = batch["summary"]
    lines = [f"{scenario.meta.title}: {batch['runs']} game(s) from seed {batch['seed']}"]
    lines.append(
        "  outcomes: " + (", ".join(f"{k} {v}" for k, v in sorted(s["levels"].items())) or "none")
    )
    for side, loss in s["mean_losses"].items():
        lines.append(
            f"  mean losses {side}: {loss['men']:,.0f} men ({loss['killed']:,.0f} killed, "
            f"{loss['wounded']:,.0f} wounded, {loss['captured']:,.0f} captured), "
            f"{loss['tanks']:.0f} tanks, {loss['guns']:.0f} guns, {loss['aircraft']:.0f} aircraft"
        )
    lines.append("  places (final owner in how many games; capture date median [first-last]):")
    for p in s["places"].values():
        own = ", ".join(f"{k} {v}" for k, v in sorted(p["owners"].items()))
        when = (
            f"{p['captured_median']} [{p['captured_first']} - {p['captured_last']}]"
            if p["captured_median"]
            else "never changed hands"
        )
        lines.append(f"    {p['name']}: {own}; {when}")
    lines.append(
        f"  AI time per side-turn: median {timing_['median_ms']:.1f} ms, "
        f"p95 {timing_['p95_ms']:.1f} ms, worst {timing_['worst_ms']:.1f} ms "
        f"over {timing_['turns']} turns"
    )
    return "\n".join(lines)

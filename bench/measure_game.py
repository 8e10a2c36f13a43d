"""Figures measured on the rules and the AI: load, AI turns, whole games, batch throughput, path
search against networkx, peak memory of a game and growth with the map's size."""

from __future__ import annotations

import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from game.rules import constants as C
from game.rules import new_game, path, reachable
from game.rules.air import interdicted_i
from game.rules.fog import known_enemy
from game.rules.state import GameState, UnitState
from game.scenario import load, load_scenario
from game.sim.batch import Setup, run_batch
from game.sim.game import make_player, play

HERE = Path(__file__).resolve().parent
CHILD = HERE / "child.py"
DIFFICULTY = "hard"


def percentile(xs: list[float], q: float) -> float:
    ys = sorted(xs)
    return ys[min(len(ys) - 1, round(q * (len(ys) - 1)))]


def load_ms(paths: list[Path], repeat: int) -> dict[str, float]:
    """Median milliseconds to read, validate and cross-check each scenario."""
    out = {}
    for p in paths:
        times = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            loaded = load(p)
            times.append((time.perf_counter() - t0) * 1000)
        out[loaded.scenario.meta.id] = round(statistics.median(times), 2)
    return out


def ai_games(
    paths: list[Path], games: int, cpu: dict[str, float] | None = None
) -> tuple[dict[str, Any], dict[str, float]]:
    """AI side-turn times (median, p95, worst, ms) over `games` AI-versus-AI games per scenario,
    and the median seconds of a whole game. `cpu` receives the median CPU seconds of this
    process per game: on a shared machine, the time the game itself needed."""
    turns: dict[str, Any] = {}
    whole: dict[str, float] = {}
    for p in paths:
        s = load_scenario(p)
        times: list[float] = []
        spans: list[float] = []
        used: list[float] = []
        for seed in range(1, games + 1):
            players = {side.id: make_player("ai", DIFFICULTY) for side in s.sides}
            t0, c0 = time.perf_counter(), time.process_time()
            _, t, _ = play(s, seed, players)
            spans.append(time.perf_counter() - t0)
            used.append(time.process_time() - c0)
            times.extend(t)
        if cpu is not None:
            cpu[s.meta.id] = round(statistics.median(used), 3)
        turns[s.meta.id] = {
            "median": round(statistics.median(times) * 1000, 2),
            "p95": round(percentile(times, 0.95) * 1000, 2),
            "max": round(max(times) * 1000, 2),
            "side_turns": len(times),
        }
        whole[s.meta.id] = round(statistics.median(spans), 3)
    return turns, whole


def games_per_minute(paths: list[Path], runs: int) -> dict[str, float]:
    """Games a minute when a batch uses every core (pool start-up included)."""
    out = {}
    for p in paths:
        s = load_scenario(p)
        t0 = time.perf_counter()
        run_batch(Setup(str(p), DIFFICULTY), runs, 1000, workers=os.cpu_count())
        out[s.meta.id] = round(runs / (time.perf_counter() - t0) * 60, 1)
    return out


def _widest_unit(g: GameState) -> UnitState:
    """The unit of the side to move that can reach the most hexes: the biggest search."""
    own = [u for u in g.units.values() if u.active and u.pos is not None and u.side == g.side]
    return max(own, key=lambda u: (len(reachable(g, u.id)), u.id))


def _forget_searches(g: GameState) -> None:
    """Drop remembered searches but keep the facts of the position (enemy zones, blocked and
    interdicted hexes), which networkx gets for free in its prebuilt graph. The searches the
    board remembers across states go too: the figure times a search, not a look-up."""
    for key in [k for k in g.cache if isinstance(k, tuple) and k[0] in ("search", "reach")]:
        del g.cache[key]
    g.board.move_memo.clear()


def _forget_everything(g: GameState) -> None:
    """A cold search: nothing of the position remembered either."""
    g.cache.clear()
    g.board.move_memo.clear()


def _nx_graph(g: GameState, u: UnitState) -> Any:
    """The graph our search walks for unit `u`, as a networkx DiGraph: entering a hex costs its
    terrain (or the route, if cheaper), known enemies and restricted zones cannot be entered,
    nothing leaves an enemy zone of control but the start, which pays to leave it."""
    import networkx as nx

    b = g.board
    t = b.types[u.type]
    enter = b.enter_i[(t.move_class, t.bridging)]
    blocked = known_enemy(g, u.side)[0] | b.restricted_i[u.side]
    zoc = known_enemy(g, u.side)[1]
    slow = interdicted_i(g, u.side)
    assert u.pos is not None
    start = b.index[u.pos]
    n_hex = len(b.nbr)
    graph = nx.DiGraph()
    for h, nbrs in enumerate(b.nbr):
        if h in zoc and h != start:
            continue
        extra = C.ZOC_LEAVE if h == start and h in zoc else 0.0
        for n in nbrs:
            c = enter[n]
            if c is None or n in blocked:
                continue
            r = b.route_move_i.get(h * n_hex + n)
            c = r if r is not None and r < c else c
            c = c * C.INTERDICTION_FACTOR if n in slow else c
            graph.add_edge(h, n, weight=c + extra)
    return graph


def path_us(scenario_path: Path, repeat: int) -> dict[str, Any]:
    """Reachable hexes plus the path to the farthest of them for the unit of the side to move
    with the most hexes in reach, ours against networkx's Dijkstra on the same graph (median
    microseconds). `ours_cold` also recomputes the position's facts each time."""
    import networkx as nx

    g = new_game(load_scenario(scenario_path), 1)
    u = _widest_unit(g)
    dest = max(reachable(g, u.id).items(), key=lambda kv: (kv[1], kv[0]))[0]
    graph = _nx_graph(g, u)
    b = g.board
    assert u.pos is not None
    start, goal = b.index[u.pos], b.index[b.hex_at(dest)]  # type: ignore[index]
    ours: list[float] = []
    cold: list[float] = []
    theirs: list[float] = []
    dist: dict[int, float] = {}
    # Turn about, so a busy moment of a shared machine slows all three alike.
    for _ in range(repeat):
        for forget, into in ((_forget_searches, ours), (_forget_everything, cold)):
            forget(g)
            t0 = time.perf_counter()
            reachable(g, u.id)
            path(g, u.id, dest)
            into.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        dist, paths = nx.single_source_dijkstra(graph, start, cutoff=u.mp + 1e-9)
        paths.get(goal)
        theirs.append(time.perf_counter() - t0)
    mine = reachable(g, u.id)
    same = all(
        abs(dist[b.index[b.hex_at(c)]] - cost) < 1e-6  # type: ignore[index]
        for c, cost in mine.items()
        if b.index[b.hex_at(c)] in dist  # type: ignore[index]
    )
    o, n = statistics.median(ours) * 1e6, statistics.median(theirs) * 1e6
    return {
        "ours": round(o, 1),
        "networkx": round(n, 1),
        "ratio": round(o / n, 3),
        "ours_cold": round(statistics.median(cold) * 1e6, 1),
        "scenario": g.scenario.meta.id,
        "unit": u.id,
        "hexes": len(mine),
        "same_costs": same,
    }


def run_child(*args: str, timeout: float = 600) -> tuple[dict[str, Any], float]:
    """Run bench/child.py in a fresh process: its JSON and its peak RSS in MB."""
    done = subprocess.run(
        [sys.executable, str(CHILD), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"bench child {args} failed: {done.stderr.strip()[-500:]}")
    data: dict[str, Any] = json.loads(done.stdout)
    return data, float(data["peak_rss_mb"])


def peak_rss_mb(scenario_path: Path) -> float:
    """Peak resident memory of a process that loads the scenario and plays an AI game."""
    _, rss = run_child("game", str(scenario_path))
    return rss


def fit_exponent(xs: list[float], ys: list[float]) -> float:
    """b in y = a * x**b, by least squares on the logarithms."""
    lx, ly = [math.log(x) for x in xs], [math.log(max(y, 1e-9)) for y in ys]
    mx, my = statistics.fmean(lx), statistics.fmean(ly)
    num = sum((a - mx) * (b - my) for a, b in zip(lx, ly, strict=True))
    den = sum((a - mx) ** 2 for a in lx)
    return round(num / den, 3) if den else 0.0


def growth(sizes: list[int], side_turns: int) -> dict[str, Any]:
    """AI side-turn time (median) and peak memory on generated maps of each size, in fresh
    processes; the exponents are against the number of hexes (units grow with it)."""
    times, rss, units = [], [], []
    with tempfile.TemporaryDirectory() as d:
        for size in sizes:
            data, mb = run_child("growth", str(size), str(side_turns), d)
            times.append(data["ai_turn_ms"])
            units.append(data["units"])
            rss.append(mb)
    hexes = [float(s * s) for s in sizes]
    return {
        "sizes": sizes,
        "units": units,
        "ai_turn_ms": times,
        "rss_mb": rss,
        "exponent": fit_exponent(hexes, times),
        "rss_exponent": fit_exponent(hexes, rss),
    }

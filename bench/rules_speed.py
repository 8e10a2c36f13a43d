"""Speed of the rules' hot calls on the shipped scenarios and a synthetic 40 x 36 map with 120
units (the size of Manchuria 1945). Prints figures; nothing gates on them.

    python bench/rules_speed.py [scenario.toml ...]
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from game.rules import (
    AttackCommand,
    EndTurnCommand,
    GameState,
    MoveCommand,
    apply,
    new_game,
    preview,
    reachable,
    supply_map,
    validate,
)
from game.scenario import load_scenario

ROOT = Path(__file__).resolve().parent.parent


def synthetic(path: Path, width: int = 40, height: int = 36, per_side: int = 60) -> Path:
    """A 35 km map of steppe, hills, forest, marsh and a river with bridges, and 2 x per_side
    units facing each other."""
    rng = random.Random(1)
    rows = []
    for _ in range(height):
        row = []
        for c in range(width):
            if c == width // 2:
                row.append("~")
            else:
                row.append(rng.choice("....^,f"))
        rows.append("".join(row))
    units = []
    for side, cols in (
        ("red", range(2, width // 2 - 1)),
        ("blue", range(width // 2 + 2, width - 2)),
    ):
        spots = [(c, r) for c in cols for r in range(height)]
        rng.shuffle(spots)
        for k in range(per_side):
            c, r = spots[k]
            kind = "tank_brigade" if k % 3 == 0 else "rifle_division"
            units.append(
                f'[[units]]\nid = "{side}-{k}"\nname = "{side} {k}"\nside = "{side}"\n'
                f'type = "{kind}"\nat = [{c}, {r}]\nmen = 9000\ntanks = {100 if k % 3 == 0 else 0}'
                "\nguns = 100\n"
            )
    crossings = "".join(
        f'[[map.crossings]]\nat = [{width // 2}, {r}]\nkind = "bridge"\n'
        for r in range(2, height, 6)
    )
    rail = f'[[map.routes]]\nkind = "railway"\npath = [[0, 5], [{width - 1}, 30]]\n'
    ruleset = (ROOT / "scenarios" / "rulesets" / "steppe_and_manchuria.toml").as_posix()
    text = f"""format_version = 1
include = ["{ruleset}"]
[meta]
id = "bench"
title = "Bench"
[calendar]
start = 1945-08-09T00:00:00
end = 1945-08-20T00:00:00
turn_hours = 24
[scale]
hex_km = 35
[map]
stacking = 3
rows = [{", ".join(f'"{r}"' for r in rows)}]
[map.legend]
"." = "steppe"
"^" = "hills"
"," = "marsh"
"f" = "forest"
"~" = "river"
{crossings}
{rail}
[[sides]]
id = "red"
name = "Red"
[sides.doctrine]
supply_range_km = 600
[[sides.supply_sources]]
edge = "west"
[[sides]]
id = "blue"
name = "Blue"
[[sides.supply_sources]]
edge = "east"
{"".join(units)}
[victory]
score_side = "red"
decisive = 10
marginal = 5
opponent_marginal = -5
opponent_decisive = -10
"""
    path.write_text(text)
    return path


def timeit(fn, n: int) -> tuple[float, float]:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def bench(name: str, g: GameState) -> None:
    own = [u for u in g.units.values() if u.active and u.side == g.side]
    print(f"\n{name}: {len(g.board.hexes)} hexes, {len(g.active_units())} units on the map")

    def reach_all() -> None:
        g.cache.clear()
        for u in own:
            reachable(g, u.id)

    med, p95 = timeit(reach_all, 20)
    print(f"  reachable, every unit of the side to move ({len(own)}): {med:.1f} ms (p95 {p95:.1f})")
    one = max(own, key=lambda u: u.mp)

    def reach_one() -> None:
        g.cache.clear()
        reachable(g, one.id)

    med, p95 = timeit(reach_one, 200)
    print(f"  reachable, fastest unit ({one.mp:.1f} points): {med:.2f} ms (p95 {p95:.2f})")
    dest = max(reachable(g, one.id).items(), key=lambda kv: kv[1])[0]
    cmd = MoveCommand(unit=one.id, to=dest)

    def move() -> None:
        g.cache.clear()
        validate(g, cmd)
        apply(g, cmd)

    med, p95 = timeit(move, 200)
    print(f"  validate + apply move: {med:.2f} ms (p95 {p95:.2f})")

    def supply() -> None:
        g.cache.clear()
        g.board.supply_memo.clear()
        supply_map(g, g.side)

    med, p95 = timeit(supply, 100)
    print(f"  supply trace: {med:.2f} ms (p95 {p95:.2f})")

    def supply_again() -> None:
        g.cache.clear()
        supply_map(g, g.side)

    med, p95 = timeit(supply_again, 100)
    print(f"  supply trace, nothing relevant changed (remembered): {med:.2f} ms (p95 {p95:.2f})")
    med, p95 = timeit(lambda: apply(g, EndTurnCommand()), 50)
    print(f"  end turn (supply, replacements, events): {med:.2f} ms (p95 {p95:.2f})")
    for u in own:
        assert u.pos is not None
        for e in g.units.values():
            if e.active and e.side != u.side and e.pos is not None and e.pos.distance(u.pos) == 1:
                att = AttackCommand(target=g.board.coord[e.pos], units=(u.id,))
                if not validate(g, att):
                    med, p95 = timeit(lambda a=att: (g.cache.clear(), preview(g, a)), 200)
                    print(f"  preview attack: {med:.2f} ms (p95 {p95:.2f})")
                    med, p95 = timeit(lambda a=att: apply(g, a), 200)
                    print(f"  apply attack: {med:.2f} ms (p95 {p95:.2f})")
                    return


def main(paths: list[str]) -> None:
    if not paths:
        paths = [str(p) for p in sorted((ROOT / "scenarios").glob("*.toml"))]
        paths.append(str(ROOT / "scenarios" / "examples" / "river_crossing.toml"))
    for p in paths:
        try:
            bench(Path(p).name, new_game(load_scenario(p), 1))
        except Exception as exc:  # a scenario still being written should not stop the bench
            print(f"\n{p}: skipped ({exc.__class__.__name__}: {str(exc)[:200]})")
    with tempfile.TemporaryDirectory() as d:
        g = new_game(load_scenario(synthetic(Path(d) / "bench.toml")), 1)
        bench("synthetic 40 x 36, 35 km hexes", g)


if __name__ == "__main__":
    main(sys.argv[1:])

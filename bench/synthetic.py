"""Generated scenarios for the growth figures: square maps of steppe, hills, marsh and forest cut
by a river with bridges, a railway across, a town per side, and units in proportion to the area
(two sides facing each other across the river). Same size, same file."""

from __future__ import annotations

import random
from pathlib import Path

RULESET = "ruleset:steppe_and_manchuria"  # a scenario may only include by path inside its folder
HEXES_PER_UNIT = 64  # both sides together: 16 units on 32 x 32, 1024 on 256 x 256
BRIDGE_EVERY = 6  # rows between bridges
TERRAIN = "....^,f"  # mostly steppe


def _rows(size: int, rng: random.Random) -> list[str]:
    river = size // 2
    return [
        "".join("~" if c == river else rng.choice(TERRAIN) for c in range(size))
        for _ in range(size)
    ]


def _units(size: int, rng: random.Random) -> str:
    per_side = max(1, size * size // HEXES_PER_UNIT // 2)
    river = size // 2
    out = []
    for side, cols in (("red", range(1, river - 1)), ("blue", range(river + 2, size - 1))):
        spots = [(c, r) for c in cols for r in range(size)]
        rng.shuffle(spots)
        for k, (c, r) in enumerate(spots[:per_side]):
            tank = k % 3 == 0
            out.append(
                f'[[units]]\nid = "{side}-{k}"\nname = "{side} {k}"\nside = "{side}"\n'
                f'type = "{"tank_brigade" if tank else "rifle_division"}"\nat = [{c}, {r}]\n'
                f"men = 9000\ntanks = {100 if tank else 0}\nguns = 100\n"
            )
    return "".join(out)


def _places(size: int) -> str:
    mid = size // 2
    return (
        f'[[places]]\nid = "west_town"\nname = "West Town"\nat = [{mid // 2}, {mid}]\n'
        f'owner = "red"\nvp = 5\n'
        f'[[places]]\nid = "east_town"\nname = "East Town"\nat = [{mid + mid // 2}, {mid}]\n'
        f'owner = "blue"\nvp = 5\n'
    )


def scenario_text(size: int, seed: int = 1) -> str:
    """The TOML of a size x size scenario."""
    rng = random.Random(seed)
    rows = ", ".join(f'"{r}"' for r in _rows(size, rng))
    crossings = "".join(
        f'[[map.crossings]]\nat = [{size // 2}, {r}]\nkind = "bridge"\n'
        for r in range(1, size, BRIDGE_EVERY)
    )
    return f"""format_version = 1
include = ["{RULESET}"]
[meta]
id = "growth_{size}"
title = "Generated {size} x {size}"
[calendar]
start = 1945-08-09T00:00:00
end = 1945-08-14T00:00:00
turn_hours = 24
[scale]
hex_km = 10
[map]
stacking = 3
rows = [{rows}]
[map.legend]
"." = "steppe"
"^" = "hills"
"," = "marsh"
"f" = "forest"
"~" = "river"
{crossings}
[[map.routes]]
kind = "railway"
path = [[0, {size // 3}], [{size - 1}, {2 * size // 3}]]
[[sides]]
id = "red"
name = "Red"
[[sides.supply_sources]]
edge = "west"
[[sides]]
id = "blue"
name = "Blue"
[[sides.supply_sources]]
edge = "east"
{_places(size)}
{_units(size, rng)}
[victory]
score_side = "red"
decisive = 10
marginal = 5
opponent_marginal = -5
opponent_decisive = -10
"""


def write(directory: Path, size: int) -> Path:
    path = directory / f"growth_{size}.toml"
    path.write_text(scenario_text(size), encoding="utf-8")
    return path

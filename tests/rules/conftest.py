"""Hand-built test scenarios: an ASCII hex map and a few units, written as TOML text and loaded
through the real loader, so the rules are tested on exactly what modders write."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from game.rules import GameState, Options, new_game
from game.scenario import Scenario, load_scenario

_COUNTER = itertools.count()

TERRAIN = """
[terrain.steppe]
name = "Steppe"
move_cost = { foot = 1.0, horse = 1.0, wheeled = 1.0, tracked = 1.0 }

[terrain.hills]
name = "Hills"
move_cost = { foot = 2.0, horse = 2.0, wheeled = 3.0, tracked = 2.0 }
defence = 1.5
sight_block = true

[terrain.river]
name = "River"
move_cost = { foot = 2.0, horse = 2.0, wheeled = 2.0, tracked = 2.0 }
supply_cost = 2.0
river = true

[terrain.marsh]
name = "Marsh"
move_cost = { foot = 2.0, wheeled = 4.0, tracked = 3.0 }
defence = 1.2
supply_cost = 3.0

[terrain.lake]
name = "Lake"
move_cost = {}

[terrain.town]
name = "Town"
move_cost = { foot = 1.0, horse = 1.0, wheeled = 1.0, tracked = 1.0 }
defence = 1.5

[terrain.dunes]
name = "Dunes"
move_cost = { foot = 1.0, horse = 1.0, wheeled = 2.0, tracked = 1.0 }
attrition = 0.8
armour = 0.5

[terrain.fort]
name = "Fortified region"
move_cost = { foot = 1.0, horse = 1.0, wheeled = 1.0, tracked = 1.0 }
fortified = true
protection = 0.3
stocks_days = 6

[unit_types.inf]
name = "Infantry"
category = "infantry"
move_class = "foot"
speed_km = 30
sight_km = 20

[unit_types.tank]
name = "Tanks"
category = "armour"
move_class = "tracked"
speed_km = 50
attack = 1.2
tank_factor = 1.0
sight_km = 20

[unit_types.truck]
name = "Motor rifles"
category = "motorized"
move_class = "wheeled"
speed_km = 40
sight_km = 20

[unit_types.cav]
name = "Cavalry"
category = "cavalry"
move_class = "horse"
speed_km = 40
sight_km = 30

[unit_types.art]
name = "Artillery"
category = "artillery"
move_class = "wheeled"
speed_km = 20
attack = 0.3
bombard_km = 20
sight_km = 10

[unit_types.eng]
name = "Pontoon engineers"
category = "engineer"
move_class = "wheeled"
speed_km = 30
bridging = true
sight_km = 10

[unit_types.militia]
name = "Militia"
category = "infantry"
move_class = "foot"
speed_km = 30
dissolve_chance = 1.0
sight_km = 10

[unit_types.screen]
name = "Screen"
category = "cavalry"
move_class = "horse"
speed_km = 40
zoc = false
sight_km = 10

[unit_types.big]
name = "Army"
category = "infantry"
move_class = "foot"
speed_km = 30
stack = 2
sight_km = 20
"""

LEGEND = """
[map.legend]
"." = "steppe"
"^" = "hills"
"~" = "river"
"," = "marsh"
"=" = "lake"
"o" = "town"
":" = "dunes"
"#" = "fort"
"""


def unit(
    uid: str, side: str, type_: str, at: tuple[int, int] | str, men: int = 1000, **kw: Any
) -> str:
    """One [[units]] table."""
    where = f'"{at}"' if isinstance(at, str) else f"[{at[0]}, {at[1]}]"
    lines = [
        "[[units]]",
        f'id = "{uid}"',
        f'name = "{kw.pop("name", uid)}"',
        f'side = "{side}"',
        f'type = "{type_}"',
        f"at = {where}",
        f"men = {men}",
    ]
    for k, v in kw.items():
        if isinstance(v, bool):
            lines.append(f"{k} = {'true' if v else 'false'}")
        elif isinstance(v, str) and not v.startswith("19"):
            lines.append(f'{k} = "{v}"')
        else:
            lines.append(f"{k} = {v}")
    return "\n".join(lines) + "\n"


def scenario_text(
    rows: list[str],
    units: list[str],
    *,
    extra: str = "",
    red: str = "",
    blue: str = "",
    red_supply: str = 'edge = "west"',
    blue_supply: str = 'edge = "east"',
    red_air: str = "",
    blue_air: str = "",
    red_rail: str = "",
    calendar: str = "",
    hex_km: float = 10.0,
    stacking: int = 3,
    victory: str = "",
) -> str:
    cal = calendar or (
        "start = 1939-08-20T06:00:00\nend = 1939-08-30T06:00:00\nturn_hours = 24\n"
        'first_side = "red"'
    )
    rows_text = ",\n".join(f'  "{r}"' for r in rows)
    vic = victory or (
        'score_side = "red"\ndecisive = 10\nmarginal = 5\nopponent_marginal = -5\n'
        "opponent_decisive = -10"
    )
    return f"""format_version = 1

[meta]
id = "test_{next(_COUNTER)}"
title = "Test"

[calendar]
{cal}

[scale]
hex_km = {hex_km}

{TERRAIN}

[map]
stacking = {stacking}
rows = [
{rows_text}
]
{LEGEND}

{extra}

[[sides]]
id = "red"
name = "Red side"
adjective = "Red"
[sides.doctrine]
{red}
[sides.air]
{red_air}
{"[sides.rail]" if red_rail else ""}
{red_rail}
[[sides.supply_sources]]
{red_supply}

[[sides]]
id = "blue"
name = "Blue side"
adjective = "Blue"
[sides.doctrine]
{blue}
[sides.air]
{blue_air}
[[sides.supply_sources]]
{blue_supply}

{"".join(units)}

[victory]
{vic}
"""


Build = Callable[..., Scenario]


@pytest.fixture
def build(tmp_path: Path) -> Build:
    """build(rows, units, **options) -> Scenario loaded from a temporary TOML file."""

    def _build(rows: list[str], units: list[str], **kw: Any) -> Scenario:
        text = scenario_text(rows, units, **kw)
        path = tmp_path / f"s{next(_COUNTER)}.toml"
        path.write_text(text, encoding="utf-8")
        return load_scenario(path)

    return _build


@pytest.fixture
def start(build: Build) -> Callable[..., GameState]:
    """start(rows, units, seed=0, fog=False, **options) -> a new game on a built scenario."""

    def _start(
        rows: list[str], units: list[str], seed: int = 0, fog: bool = False, **kw: Any
    ) -> GameState:
        return new_game(build(rows, units, **kw), seed, Options(fog=fog))

    return _start


OPEN = ["." * 9] * 7  # a 9 x 7 map of open steppe
# Columns 5-8 of OPEN: a zone red may not enter; {flags} takes its other flags.
ZONE = """
[[zones]]
id = "beyond"
name = "Across the border"
restricted_for = ["red"]
{flags}
rows = [
  ".....####", ".....####", ".....####", ".....####", ".....####", ".....####", ".....####",
]
"""
# Open steppe with a belt of marsh across row 3, and a road along that belt.
MARSH_BELT = ["." * 9] * 3 + ["," * 9] + ["." * 9] * 3
MARSH_ROAD = '[[map.routes]]\nkind = "road"\npath = [[0, 3], [8, 3]]\n'

"""Facts derived from a Scenario that loaders, rules and front ends all need: the terrain grid,
where places and zones are, which hexes roads run through, and the dates of every turn."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass

from game.hexes import Coord as MapCoord
from game.hexes import coord, offset_line
from game.scenario.models import Calendar, Route, Scenario, Zone

Coord = tuple[int, int]


@dataclass(frozen=True)
class Grid:
    """The map text turned into terrain ids; unknown legend characters become ''."""

    width: int
    height: int
    cells: tuple[tuple[str, ...], ...]

    def on_map(self, c: Coord) -> bool:
        col, row = c
        return 0 <= row < self.height and 0 <= col < len(self.cells[row])

    def terrain(self, c: Coord) -> str:
        """The terrain id at `c`; '' off the map (as for an unknown legend character), so a
        coordinate from a damaged file can never index past the rows or wrap round from -1."""
        return self.cells[c[1]][c[0]] if self.on_map(c) else ""

    def coords(self) -> list[Coord]:
        return [(col, row) for row in range(self.height) for col in range(len(self.cells[row]))]


def build_grid(s: Scenario) -> Grid:
    rows = s.map.rows
    cells = tuple(tuple(s.map.legend.get(ch, "") for ch in row) for row in rows)
    return Grid(width=max(len(r) for r in rows), height=len(rows), cells=cells)


def place_hexes(s: Scenario) -> dict[str, Coord]:
    return {p.id: p.at for p in s.places}


def resolve(
    s: Scenario, ref: Coord | str | None, places: dict[str, Coord] | None = None
) -> MapCoord | None:
    """A [col, row] or place id as [col, row]; None if the place is unknown."""
    if ref is None:
        return None
    if isinstance(ref, str):
        at = (places if places is not None else place_hexes(s)).get(ref)
        return None if at is None else coord(*at)
    return coord(*ref)


def route_hexes(s: Scenario, route: Route) -> list[Coord]:
    """Every hex the route passes through, waypoints joined by hex lines."""
    places = place_hexes(s)
    points = [resolve(s, p, places) for p in route.path]
    out: list[Coord] = []
    for a, b in itertools.pairwise(points):
        if a is None or b is None:
            continue
        for c in offset_line(a, b):
            if not out or out[-1] != c:
                out.append(c)
    return out


def zone_hexes(zone: Zone) -> frozenset[Coord]:
    return frozenset(
        (col, row) for row, text in enumerate(zone.rows) for col, ch in enumerate(text) if ch == "#"
    )


def turn_starts(cal: Calendar) -> list[dt.datetime]:
    """Start date-time of every turn: the turn length follows the phase in force."""
    phases = sorted(cal.phases, key=lambda p: p.start)
    out: list[dt.datetime] = []
    t = cal.start
    while t <= cal.end and len(out) < 10_000:
        out.append(t)
        hours = cal.turn_hours
        for p in phases:
            if p.start <= t:
                hours = p.turn_hours
        try:
            t = t + dt.timedelta(hours=hours)
        except OverflowError:  # a calendar that runs into the year 9999 ends there
            break
    return out


def phase_name(cal: Calendar, when: dt.datetime) -> str:
    name = ""
    for p in sorted(cal.phases, key=lambda p: p.start):
        if p.start <= when:
            name = p.name
    return name

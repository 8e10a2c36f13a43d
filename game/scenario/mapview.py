"""A scenario's map as text with coordinates, places and zones, for placing units by hand.

Two hexes take four characters so the half-hex shift of odd rows shows; column numbers are
printed above (tens over units) and row numbers on the left, as the format counts them: [col, row]
from 0, north up.
"""

from __future__ import annotations

import string

from game.scenario.geometry import build_grid, zone_hexes
from game.scenario.models import Scenario

PLACE_MARKS = string.ascii_uppercase + string.ascii_lowercase
ZONE_MARKS = string.digits[1:] + string.ascii_uppercase


def _header(width: int, margin: int) -> list[str]:
    tens = " " * margin + " ".join(str(c // 10) if c >= 10 else " " for c in range(width))
    units = " " * margin + " ".join(str(c % 10) for c in range(width))
    return [tens.rstrip(), units] if width > 10 else [units]


def _grid_lines(rows: list[list[str]]) -> list[str]:
    margin = len(str(len(rows) - 1)) + 1
    out = _header(max(len(r) for r in rows), margin + 1)
    for r, cells in enumerate(rows):
        shift = " " if r % 2 else ""
        out.append(f"{r:>{margin}} {shift}" + " ".join(cells))
    return out


def render_text(s: Scenario) -> str:
    """The terrain map with places marked by letters, then a map of the zones, with keys."""
    grid = build_grid(s)
    rows = [list(row) for row in s.map.rows]
    lines = [
        f"{s.meta.title}: {grid.width} x {grid.height} hexes of {s.scale.hex_km:g} km, "
        "[col, row] from 0; odd rows are drawn half a hex to the right",
        "",
    ]
    key: list[str] = []
    for n, place in enumerate(s.places):
        mark = PLACE_MARKS[n % len(PLACE_MARKS)]
        col, row = place.at
        if grid.on_map(place.at):
            rows[row][col] = mark
        owner = f", held by {place.owner}" if place.owner else ""
        key.append(f"  {mark}  {place.id} [{col}, {row}] {place.name} ({place.kind}{owner})")
    lines += _grid_lines(rows)
    lines += ["", "Terrain:"]
    lines += [f"  {ch}  {terrain}" for ch, terrain in s.map.legend.items()]
    lines += ["", "Places:", *key] if key else []
    if s.zones:
        lines += ["", "Zones ('+' where zones overlap):"]
        zone_rows = [["." for _ in row] for row in s.map.rows]
        for n, zone in enumerate(s.zones):
            for col, row in zone_hexes(zone):
                if 0 <= row < len(zone_rows) and 0 <= col < len(zone_rows[row]):
                    mark = ZONE_MARKS[n % len(ZONE_MARKS)]
                    zone_rows[row][col] = mark if zone_rows[row][col] == "." else "+"
        lines += _grid_lines(zone_rows)
        for n, zone in enumerate(s.zones):
            barred = f", closed to {', '.join(zone.restricted_for)}" if zone.restricted_for else ""
            lines.append(f"  {ZONE_MARKS[n % len(ZONE_MARKS)]}  {zone.id}: {zone.name}{barred}")
    return "\n".join(lines) + "\n"

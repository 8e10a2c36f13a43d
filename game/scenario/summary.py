"""The `inspect --json` summary: what a scenario contains and what each side fields on each turn.

Tools and tests read this shape, so keys are only ever added, never renamed.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from game.scenario.geometry import build_grid, place_hexes, resolve, turn_starts
from game.scenario.models import DateTrigger, Scenario, TurnTrigger, Unit


def iso(when: dt.datetime | None) -> str | None:
    return when.strftime("%Y-%m-%dT%H:%M") if when is not None else None


def event_dates(s: Scenario) -> dict[str, dt.datetime]:
    """Events whose date is known before play: date and turn triggers, and event_fired chains."""
    turns = turn_starts(s.calendar)
    known: dict[str, dt.datetime] = {}
    for e in s.events:
        if isinstance(e.trigger, DateTrigger):
            later = [t for t in turns if t >= max(e.trigger.date, e.not_before or e.trigger.date)]
            if later:
                known[e.id] = later[0]
        elif isinstance(e.trigger, TurnTrigger) and e.trigger.turn <= len(turns):
            when = turns[e.trigger.turn - 1]
            later = [t for t in turns if t >= max(when, e.not_before or when)]
            if later:
                known[e.id] = later[0]
    changed = True
    while changed:
        changed = False
        for e in s.events:
            if e.id not in known and e.trigger.type == "event_fired" and e.trigger.event in known:
                known[e.id] = known[e.trigger.event]
                changed = True
    return known


def arrival(s: Scenario, u: Unit, dates: dict[str, dt.datetime]) -> dt.datetime | None:
    """When the unit enters play: None if it starts on the map, else its date (max if unknown)."""
    if u.arrives is not None:
        return u.arrives
    if u.released_by:
        return dates.get(u.released_by, dt.datetime.max)
    return None


def withdrawals(s: Scenario, dates: dict[str, dt.datetime]) -> dict[str, dt.datetime]:
    """Units that withdraw events take off the map on a date known before play."""
    out: dict[str, dt.datetime] = {}
    for e in s.events:
        when = dates.get(e.id)
        if when is None:
            continue
        for fx in e.effects:
            if fx.type == "withdraw":
                for u in s.units:
                    if u.side == fx.side and (
                        (fx.group and u.group == fx.group) or u.id in fx.units
                    ):
                        out.setdefault(u.id, when)
    return out


def summarize(s: Scenario) -> dict[str, Any]:
    """The whole summary: the scenario's facts, its units, and each side's strength by turn."""
    grid = build_grid(s)
    turns = turn_starts(s.calendar)
    dates = event_dates(s)
    arrivals = {u.id: arrival(s, u, dates) for u in s.units}
    withdrawn = withdrawals(s, dates)
    counts = Counter(grid.terrain(c) for c in grid.coords())
    return {
        "id": s.meta.id,
        "title": s.meta.title,
        "start": iso(s.calendar.start),
        "end": iso(s.calendar.end),
        "turns": len(turns),
        "hex_km": s.scale.hex_km,
        "map": {
            "width": grid.width,
            "height": grid.height,
            "terrain_counts": dict(sorted(counts.items())),
        },
        "sides": [
            {
                "id": side.id,
                "name": side.name,
                "units": sum(1 for u in s.units if u.side == side.id),
                "aircraft": side.air.aircraft,
                "doctrine": side.doctrine.model_dump(),
                "groups": sorted({u.group for u in s.units if u.side == side.id and u.group}),
            }
            for side in s.sides
        ],
        "units": _unit_rows(s, arrivals, withdrawn),
        "places": [
            {"id": p.id, "name": p.name, "hex": list(p.at), "vp": p.vp, "owner": p.owner or None}
            for p in s.places
        ],
        "zones": [
            {"id": z.id, "name": z.name, "restricted_for": list(z.restricted_for)} for z in s.zones
        ],
        "events": [
            {"id": e.id, "date": iso(dates.get(e.id)), "title": e.title, "trigger": e.trigger.type}
            for e in s.events
        ],
        "timeline": [
            {"turn": n, "date": iso(when), "sides": _strengths(s, when, dates, arrivals, withdrawn)}
            for n, when in enumerate(turns, start=1)
        ],
    }


def _strengths(
    s: Scenario,
    when: dt.datetime,
    dates: dict[str, dt.datetime],
    arrivals: dict[str, dt.datetime | None],
    withdrawn: dict[str, dt.datetime],
) -> dict[str, dict[str, int]]:
    """Each side's men, tanks, guns and aircraft in play on the turn starting `when`, as far as
    is known before play: units arrived and not withdrawn, aircraft added by dated events."""
    sides: dict[str, dict[str, int]] = {}
    for side in s.sides:
        here = [
            u
            for u in s.units
            if u.side == side.id
            and _arrived(arrivals[u.id], when)
            and not (u.id in withdrawn and withdrawn[u.id] <= when)
        ]
        aircraft = side.air.aircraft
        for e in s.events:
            if e.id in dates and dates[e.id] <= when:
                aircraft += sum(
                    fx.aircraft for fx in e.effects if fx.type == "air" and fx.side == side.id
                )
        sides[side.id] = {
            "men": sum(u.men for u in here),
            "tanks": sum(u.tanks for u in here),
            "guns": sum(u.guns for u in here),
            "aircraft": max(0, aircraft),
        }
    return sides


def _arrived(arrives: dt.datetime | None, when: dt.datetime) -> bool:
    return arrives is None or arrives <= when


def _unit_rows(
    s: Scenario, arrivals: dict[str, dt.datetime | None], withdrawn: dict[str, dt.datetime]
) -> list[dict[str, Any]]:
    """One row per unit: who it is, its strength, where it starts and when it comes and goes."""
    places = place_hexes(s)
    rows = []
    for u in s.units:
        at = resolve(s, u.at, places)
        arr = arrivals[u.id]
        rows.append(
            {
                "id": u.id,
                "name": u.name,
                "side": u.side,
                "type": u.type,
                "group": u.group,
                "men": u.men,
                "tanks": u.tanks,
                "guns": u.guns,
                "quality": u.quality,
                "hex": list(at) if at is not None else None,
                "arrives": iso(arr) if arr is not None and arr != dt.datetime.max else None,
                "released_by": u.released_by or None,
                "withdrawn": iso(withdrawn.get(u.id)),
            }
        )
    return rows

"""Pass 3: references between parts of a scenario that the models alone cannot check.

Unknown ids, duplicates, units off the map or on ground they cannot stand on, ragged map rows,
over-stacked hexes, sides without supply, events and AI plans that point at nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from game.scenario.errors import Problem
from game.scenario.geometry import (
    Coord,
    build_grid,
    resolve,
    route_hexes,
    turn_starts,
    zone_hexes,
)
from game.scenario.locator import Locator
from game.scenario.models import NO_COUNTRY, Doctrine, HexOrPlace, Scenario, Trigger
from game.scenario.positions import Path
from game.scenario.suggest import did_you_mean


class _Checker:
    def __init__(self, s: Scenario, loc: Locator, ignored: frozenset[str]) -> None:
        self.s = s
        self.loc = loc
        self.ignored = ignored
        self.out: list[Problem] = []
        self.grid = build_grid(s)
        self.sides = [side.id for side in s.sides]
        self.places = {p.id: p.at for p in s.places}
        self.units = {u.id for u in s.units}
        self.events = {e.id for e in s.events}
        self.zones = {z.id for z in s.zones}
        self.groups: dict[str, set[str]] = {}
        for u in s.units:
            if u.group:
                self.groups.setdefault(u.side, set()).add(u.group)

    # --- helpers --------------------------------------------------------------------------------

    def error(self, path: Path, message: str, hint: str = "", **kw: int | bool) -> None:
        self.out.append(self.loc.problem(path, message, hint, **kw))  # type: ignore[arg-type]

    def warn(self, path: Path, message: str, hint: str = "") -> None:
        self.out.append(self.loc.problem(path, message, hint, severity="warning"))

    def ref(self, path: Path, value: str, known: Iterable[str], what: str) -> bool:
        known = list(known)
        if value in known:
            return True
        if value in self.ignored:
            return False  # defined, but left out for a problem already reported
        self.error(path, f"unknown {what} '{value}'", did_you_mean(value, known))
        return False

    def duplicates(self, ids: list[str], base: Path, what: str) -> None:
        counts = Counter(ids)
        first: dict[str, int] = {}
        for n, i in enumerate(ids):
            if counts[i] > 1:
                if i in first:
                    self.error(
                        (*base, n, "id"),
                        f"duplicate {what} id '{i}'",
                        f"already used by {base[-1]}[{first[i]}]; ids must be unique",
                    )
                else:
                    first[i] = n

    def hex_ref(self, path: Path, ref: HexOrPlace | None) -> Coord | None:
        if ref is None:
            return None
        if isinstance(ref, str):
            if not self.ref(path, ref, self.places, "place"):
                return None
            at = self.places[ref]
            return at if self.grid.on_map(at) else None  # the place's own error says where
        if not self.grid.on_map(ref):
            self.error(
                path,
                f"hex [{ref[0]}, {ref[1]}] is off the map",
                f"the map has columns 0-{self.grid.width - 1} and rows 0-{self.grid.height - 1}",
            )
            return None
        return ref

    def group_ref(self, path: Path, side: str, group: str) -> None:
        if group and group not in self.groups.get(side, set()) and group not in self.ignored:
            self.error(
                path,
                f"side '{side}' has no units in group '{group}'",
                did_you_mean(group, self.groups.get(side, set())),
            )

    # --- checks ---------------------------------------------------------------------------------

    def check_map(self) -> None:
        m = self.s.map
        for ch, terrain in m.legend.items():
            if len(ch) != 1:
                self.error(
                    ("map", "legend", ch),
                    f"legend key '{ch}' must be a single character",
                    want_key=True,
                )
            self.ref(("map", "legend", ch), terrain, self.s.terrain, "terrain")
        width = len(m.rows[0])
        ragged = any(len(row) != width for row in m.rows)
        for r, row in enumerate(m.rows):
            if len(row) != width:
                self.error(
                    ("map", "rows", r),
                    f"map row {r} has {len(row)} hexes, row 0 has {width}",
                    "every row must have the same number of characters",
                )
            for c, ch in enumerate(row):
                if ch not in m.legend:
                    self.error(
                        ("map", "rows", r),
                        f"unknown map character '{ch}' at [{c}, {r}]",
                        f"add '{ch}' to [map.legend], or use one of: " + " ".join(sorted(m.legend)),
                        col_offset=c + 1,
                    )
        for n, x in enumerate(m.crossings):
            at = self.hex_ref(("map", "crossings", n, "at"), x.at)
            if at is not None and self.grid.terrain(at) in self.s.terrain:
                if not self.s.terrain[self.grid.terrain(at)].river:
                    self.warn(
                        ("map", "crossings", n, "at"),
                        f"{x.kind} at [{at[0]}, {at[1]}] is not on a river hex",
                        "crossings only matter on terrain with river = true",
                    )
        for n, route in enumerate(m.routes):
            for k, p in enumerate(route.path):
                self.hex_ref(("map", "routes", n, "path", k), p)
        for n, zone in enumerate(self.s.zones):
            if not ragged:
                self.check_zone_shape(n)
            for k, side in enumerate(zone.restricted_for):
                self.ref(("zones", n, "restricted_for", k), side, self.sides, "side")
        self.duplicates([z.id for z in self.s.zones], ("zones",), "zone")
        if not ragged:
            self.check_countries()

    def check_countries(self) -> None:
        """[map.countries]: single-character names, and rows of the map's shape holding only
        those characters or '.' (no country); each mistake located at its character."""
        countries, rows = self.s.map.countries, self.s.map.rows
        if countries is None:
            return
        base = ("map", "countries")
        for ch, name in countries.names.items():
            if len(ch) != 1 or ch == NO_COUNTRY:
                self.error(
                    (*base, "names", ch),
                    f"country key '{ch}' must be a single character other than '{NO_COUNTRY}'",
                    f"'{NO_COUNTRY}' marks a hex of no country (the open sea)",
                    want_key=True,
                )
            if not name.strip():
                self.error((*base, "names", ch), f"country '{ch}' has no name")
        if len(countries.rows) != len(rows):
            self.error(
                (*base, "rows"),
                f"map.countries has {len(countries.rows)} rows; the map has {len(rows)}",
                "copy the map rows and put a country's character in each hex",
            )
            return
        known = set(countries.names) | {NO_COUNTRY}
        for r, (mine, theirs) in enumerate(zip(countries.rows, rows, strict=True)):
            if len(mine) != len(theirs):
                self.error(
                    (*base, "rows", r),
                    f"map.countries row {r} has {len(mine)} characters; the map's row {r} "
                    f"has {len(theirs)}",
                    "each row must have one character per hex of the map",
                )
                continue
            for c, ch in enumerate(mine):
                if ch not in known:
                    self.error(
                        (*base, "rows", r),
                        f"unknown country '{ch}' at [{c}, {r}]",
                        f"add '{ch}' to [map.countries] names, or use one of: "
                        + " ".join(sorted(known)),
                        col_offset=c + 1,
                    )
                    break

    def check_zone_shape(self, n: int) -> None:
        """A zone's rows must copy the map's shape; name the first row that does not."""
        zone, rows = self.s.zones[n], self.s.map.rows
        hint = "copy the map rows and mark the zone's hexes with '#'"
        if len(zone.rows) != len(rows):
            self.error(
                ("zones", n, "rows"),
                f"zone '{zone.id}' has {len(zone.rows)} rows; the map has {len(rows)}",
                hint,
            )
            return
        for r, (mine, theirs) in enumerate(zip(zone.rows, rows, strict=True)):
            if len(mine) != len(theirs):
                self.error(
                    ("zones", n, "rows", r),
                    f"zone '{zone.id}' row {r} has {len(mine)} characters; the map's row {r} "
                    f"has {len(theirs)}",
                    hint,
                )
                return

    def check_places(self) -> None:
        self.duplicates([p.id for p in self.s.places], ("places",), "place")
        for n, p in enumerate(self.s.places):
            self.hex_ref(("places", n, "at"), p.at)
            if p.owner:
                self.ref(("places", n, "owner"), p.owner, self.sides, "side")

    def check_sides(self) -> None:
        self.duplicates(list(self.sides), ("sides",), "side")
        cal = self.s.calendar
        if cal.first_side:
            self.ref(("calendar", "first_side"), cal.first_side, self.sides, "side")
        for side in self.s.meta.briefing:
            self.ref(("meta", "briefing", side), side, self.sides, "side")
        for n, side_def in enumerate(self.s.sides):
            if not side_def.supply_sources:
                self.error(
                    ("sides", n),
                    f"side '{side_def.id}' has no supply source",
                    'add [[sides.supply_sources]] with at = [col, row] or edge = "west"',
                )
            for k, src in enumerate(side_def.supply_sources):
                path: Path = ("sides", n, "supply_sources", k)
                if (src.at is None) == (src.edge is None):
                    self.error(path, "a supply source needs exactly one of 'at' or 'edge'")
                self.hex_ref((*path, "at"), src.at)

    def check_calendar(self) -> None:
        cal = self.s.calendar
        if cal.end <= cal.start:
            self.error(("calendar", "end"), "the calendar ends before it starts")
        for n, p in enumerate(cal.phases):
            if not cal.start <= p.start <= cal.end:
                self.error(("calendar", "phases", n, "start"), "phase starts outside the calendar")
        if len(turn_starts(cal)) >= 10_000:
            self.error(("calendar",), "more than 10,000 turns", "use longer turns")

    def check_units(self) -> None:
        s = self.s
        self.duplicates([u.id for u in s.units], ("units",), "unit")
        stacks: Counter[tuple[str, Coord]] = Counter()
        restricted = {
            side: [(z, zone_hexes(z)) for z in s.zones if side in z.restricted_for]
            for side in self.sides
        }
        for n, u in enumerate(s.units):
            path: Path = ("units", n)
            self.ref((*path, "side"), u.side, self.sides, "side")
            known_type = self.ref((*path, "type"), u.type, s.unit_types, "unit type")
            if u.released_by:
                self.ref((*path, "released_by"), u.released_by, self.events, "event")
            if u.at is None:
                self.error(path, f"unit '{u.id}' has no hex", "add at = [col, row] or a place id")
                continue
            at = self.hex_ref((*path, "at"), u.at)
            if at is None:
                continue
            if u.men == 0 and u.tanks == 0 and u.guns == 0:
                self.warn((*path, "men"), f"unit '{u.id}' has no men, tanks or guns")
            if u.arrives is not None and not s.calendar.start <= u.arrives <= s.calendar.end:
                self.warn((*path, "arrives"), f"unit '{u.id}' arrives outside the calendar")
            terrain_id = self.grid.terrain(at)
            if known_type and terrain_id in s.terrain:
                utype = s.unit_types[u.type]
                terrain = s.terrain[terrain_id]
                if utype.move_class not in terrain.move_cost and not terrain.river:
                    self.error(
                        (*path, "at"),
                        f"unit '{u.id}' ({utype.move_class}) stands on impassable "
                        f"{terrain.name} at [{at[0]}, {at[1]}]",
                        "move it to a hex its movement class can enter",
                    )
            for zone, hexes in restricted.get(u.side, []):
                if at in hexes:
                    self.error(
                        (*path, "at"),
                        f"unit '{u.id}' starts in zone '{zone.id}', which side '{u.side}' "
                        "may not enter",
                    )
            if u.arrives is None and not u.released_by and known_type:
                stacks[(u.side, at)] += s.unit_types[u.type].stack
        for (side, at), points in stacks.items():
            if points > s.map.stacking:
                first = next(
                    n
                    for n, u in enumerate(s.units)
                    if u.side == side and resolve(s, u.at, self.places) == at
                )
                self.error(
                    ("units", first, "at"),
                    f"hex [{at[0]}, {at[1]}] holds {points} stacking points of side '{side}' "
                    f"at the start; the limit is {s.map.stacking}",
                    "spread the units over neighbouring hexes or raise map.stacking",
                )

    def check_trigger(self, tp: Path, t: Trigger, event_id: str) -> None:
        """The ids a trigger (or a `when` condition) names must exist."""
        s = self.s
        if t.type in ("place_captured", "place_held"):
            self.ref((*tp, "place"), t.place, self.places, "place")
            self.ref((*tp, "by"), t.by, self.sides, "side")
        elif t.type == "unit_destroyed":
            self.ref((*tp, "unit"), t.unit, self.units, "unit")
        elif t.type == "units_near":
            self.ref((*tp, "place"), t.place, self.places, "place")
            if self.ref((*tp, "side"), t.side, self.sides, "side"):
                self.group_ref((*tp, "group"), t.side, t.group)
        elif t.type == "strength_below":
            if self.ref((*tp, "side"), t.side, self.sides, "side"):
                self.group_ref((*tp, "group"), t.side, t.group)
        elif t.type == "event_fired":
            self.ref((*tp, "event"), t.event, self.events, "event")
            if t.event == event_id:
                self.error((*tp, "event"), "an event cannot be triggered by itself")
        elif t.type == "zone_clear":
            self.ref((*tp, "zone"), t.zone, self.zones, "zone")
            self.ref((*tp, "side"), t.side, self.sides, "side")
        elif t.type == "encircled":
            self.ref((*tp, "side"), t.side, self.sides, "side")
            if t.zone:
                self.ref((*tp, "zone"), t.zone, self.zones, "zone")
        elif t.type in ("all", "any"):
            for i, c in enumerate(t.of):
                self.check_trigger((*tp, "of", i), c, event_id)
        elif t.type == "date" and not s.calendar.start <= t.date <= s.calendar.end:
            self.warn((*tp, "date"), f"event '{event_id}' is dated outside the calendar")

    def check_events(self) -> None:
        s = self.s
        self.duplicates([e.id for e in s.events], ("events",), "event")
        released = {u.released_by for u in s.units if u.released_by}
        doctrine_fields = list(Doctrine.model_fields)
        for n, e in enumerate(s.events):
            self.check_trigger(("events", n, "trigger"), e.trigger, e.id)
            if e.when is not None:
                self.check_trigger(("events", n, "when"), e.when, e.id)
            if e.not_before is not None and not s.calendar.start <= e.not_before <= s.calendar.end:
                self.warn(("events", n, "not_before"), f"event '{e.id}' waits past the calendar")
            for k, fx in enumerate(e.effects):
                fp: Path = ("events", n, "effects", k)
                if fx.type == "message" and fx.when is not None:
                    self.check_trigger((*fp, "when"), fx.when, e.id)
                side = getattr(fx, "side", None)
                if side is not None and self.ref((*fp, "side"), side, self.sides, "side"):
                    self.group_ref((*fp, "group"), side, getattr(fx, "group", ""))
                if fx.type == "doctrine":
                    for key in fx.set:
                        if key not in doctrine_fields:
                            self.error(
                                (*fp, "set", key),
                                f"unknown doctrine field '{key}'",
                                did_you_mean(key, doctrine_fields),
                                want_key=True,
                            )
                if fx.type in ("withdraw", "losses"):
                    for j, uid in enumerate(fx.units):
                        self.ref((*fp, "units", j), uid, self.units, "unit")
                if fx.type == "withdraw" and not fx.group and not fx.units:
                    self.error(fp, "a withdraw effect needs a group or a list of units")
                if fx.type == "release_units" and e.id not in released:
                    self.warn(fp, f'no unit has released_by = "{e.id}"')
                if fx.type in ("enable_zone", "disable_zone"):
                    self.ref((*fp, "zone"), fx.zone, self.zones, "zone")
                if fx.type in ("build_crossing", "destroy_crossing"):
                    self.check_crossing_effect(fp, fx.type, fx.at)

    def check_crossing_effect(self, fp: Path, kind: str, ref: HexOrPlace) -> None:
        """A crossing is built on a river hex, and destroyed where there is one to destroy (on
        the map, carried by a road or railway, or built by an event)."""
        at = self.hex_ref((*fp, "at"), ref)
        if at is None or self.grid.terrain(at) not in self.s.terrain:
            return
        verb = "built" if kind == "build_crossing" else "destroyed"
        if not self.s.terrain[self.grid.terrain(at)].river:
            self.error(
                (*fp, "at"),
                f"a crossing {verb} at [{at[0]}, {at[1]}] would not be on a river hex",
                "crossings only matter on terrain with river = true",
            )
        elif kind == "destroy_crossing" and at not in self.crossing_hexes():
            self.warn(
                (*fp, "at"),
                f"there is no crossing at [{at[0]}, {at[1]}] to destroy",
                "crossings come from [[map.crossings]], roads and railways over a river, "
                "and build_crossing effects",
            )

    def crossing_hexes(self) -> set[Coord]:
        """Every hex that has a crossing at the start or can get one from an event."""
        s = self.s
        out: set[Coord | None] = {resolve(s, x.at) for x in s.map.crossings}
        for route in s.map.routes:
            if route.kind in ("road", "railway"):
                out.update((c[0], c[1]) for c in route_hexes(s, route))
        for e in s.events:
            for fx in e.effects:
                if fx.type == "build_crossing":
                    out.add(resolve(s, fx.at))
        return {c for c in out if c is not None}

    def check_victory(self) -> None:
        v = self.s.victory
        self.ref(("victory", "score_side"), v.score_side, self.sides, "side")
        if not v.decisive >= v.marginal >= v.opponent_marginal >= v.opponent_decisive:
            self.error(
                ("victory",),
                "victory thresholds must satisfy decisive >= marginal >= opponent_marginal "
                ">= opponent_decisive",
            )
        for n, z in enumerate(v.zones):
            self.ref(("victory", "zones", n, "zone"), z.zone, self.zones, "zone")
            self.ref(("victory", "zones", n, "side"), z.side, self.sides, "side")
        for side, places in v.sudden_death.items():
            self.ref(("victory", "sudden_death", side), side, self.sides, "side")
            for k, p in enumerate(places):
                self.ref(("victory", "sudden_death", side, k), p, self.places, "place")

    def check_ai(self) -> None:
        for n, plan in enumerate(self.s.ai):
            path: Path = ("ai", n)
            if self.ref((*path, "side"), plan.side, self.sides, "side"):
                self.group_ref((*path, "group"), plan.side, plan.group)
            barred = [(z, zone_hexes(z)) for z in self.s.zones if plan.side in z.restricted_for]
            for k, obj in enumerate(plan.objectives):
                at = self.hex_ref((*path, "objectives", k), obj)
                zone = next((z for z, hexes in barred if at in hexes), None)
                if zone is not None and at is not None:
                    self.warn(
                        (*path, "objectives", k),
                        f"objective [{at[0]}, {at[1]}] lies in zone '{zone.id}', which side "
                        f"'{plan.side}' may not enter",
                        "the AI can never reach it: choose a hex outside the zone",
                    )
            if plan.start and plan.end and plan.end < plan.start:
                self.error((*path, "end"), "the plan ends before it starts")

    def run(self) -> list[Problem]:
        self.check_map()
        self.check_places()
        self.check_sides()
        self.check_calendar()
        self.check_units()
        self.check_events()
        self.check_victory()
        self.check_ai()
        return self.out


def cross_check(s: Scenario, loc: Locator, ignored: frozenset[str] = frozenset()) -> list[Problem]:
    """Every cross-reference problem in the scenario, errors and warnings.

    `ignored` names ids of parts left out because the models rejected them: references to
    those are not reported again.
    """
    return _Checker(s, loc, ignored).run()

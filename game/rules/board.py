"""Static facts of one scenario's map, computed once and shared by every state of a game.

Everything is keyed by axial Hex so the hot loops (movement, supply) do plain dict look-ups.
"""

from __future__ import annotations

import datetime as dt
import itertools
import weakref
from collections import deque
from collections.abc import Iterator, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Any

from game.hexes import Coord, Hex, coord
from game.rules import constants as C
from game.rules.search import steps_from
from game.scenario.geometry import Grid, build_grid, phase_name, resolve, route_hexes, turn_starts
from game.scenario.models import (
    MOVE_CLASSES,
    Event,
    MoveClass,
    Place,
    Scenario,
    Terrain,
    Unit,
    UnitType,
    Zone,
)

_ROUTE_MOVE = {"road": C.ROAD_MOVE, "track": C.TRACK_MOVE, "railway": C.RAILWAY_MOVE}
_ROUTE_SUPPLY = {"road": C.ROAD_SUPPLY, "track": C.TRACK_SUPPLY, "railway": C.RAILWAY_SUPPLY}


# What events have changed of a scenario's map so far (see MapChanges): the key of its board.
ZoneSwitches = tuple[tuple[str, bool], ...]  # zone id -> restrictions on, for switched zones
CrossingChanges = tuple[tuple[Hex, str | None, str], ...]  # hex, kind built (None: destroyed), name


@dataclass(frozen=True)
class MapChanges:
    """The map's state that events change during a game: zones switched on or off and crossings
    built or destroyed. The game state keeps it (so saves, replays and undo carry it) and each
    distinct one has its own board, so every search reads the map as it stands."""

    zones: ZoneSwitches = ()
    crossings: CrossingChanges = ()

    def switch_zone(self, zone: str, active: bool) -> MapChanges:
        rest = tuple(z for z in self.zones if z[0] != zone)
        return MapChanges(tuple(sorted((*rest, (zone, active)))), self.crossings)

    def set_crossing(self, h: Hex, kind: str | None, name: str) -> MapChanges:
        rest = tuple(x for x in self.crossings if x[0] != h)
        changed = tuple(sorted((*rest, (h, kind, name)), key=lambda x: (x[0].r, x[0].q)))
        return MapChanges(self.zones, changed)


NO_CHANGES = MapChanges()


class HexCosts(Mapping[Hex, float]):
    """What entering each hex costs, read by Hex from the list by hex number the searches use
    (a Hex-keyed dict per movement class beside it cost 20 MB on a 256x256 map). A hex that
    cannot be entered is not in it."""

    __slots__ = ("_costs", "_hexes", "_index")

    def __init__(self, index: dict[Hex, int], hexes: list[Hex], costs: list[float | None]):
        self._index, self._hexes, self._costs = index, hexes, costs

    def __getitem__(self, h: object) -> float:
        i = self._index.get(h)  # type: ignore[call-overload]
        c = None if i is None else self._costs[i]
        if c is None:
            raise KeyError(h)
        return float(c)

    def __contains__(self, h: object) -> bool:
        i = self._index.get(h)  # type: ignore[call-overload]
        return i is not None and self._costs[i] is not None

    def __iter__(self) -> Iterator[Hex]:
        return (h for h, c in zip(self._hexes, self._costs, strict=True) if c is not None)

    def __len__(self) -> int:
        return sum(1 for c in self._costs if c is not None)


# A movement search as the board remembers it: (start, move class, bridging, side, points) ->
# (the enemy units, zones of control and interdicted hex numbers it read, (costs, predecessors)).
MoveMemoKey = tuple[int, MoveClass, bool, str, float]
MoveFacts = tuple[AbstractSet[int], AbstractSet[int], AbstractSet[int]]


@dataclass(eq=False)
class Board:
    """The map and calendar of a scenario in the form the rules use (compared by identity: one
    board per scenario)."""

    scenario: Scenario
    changes: MapChanges = NO_CHANGES
    width: int = 0
    height: int = 0
    hexes: list[Hex] = field(default_factory=list)
    coord: dict[Hex, Coord] = field(default_factory=dict)
    terrain_id: dict[Hex, str] = field(default_factory=dict)
    terrain: dict[Hex, Terrain] = field(default_factory=dict)
    neighbours: dict[Hex, tuple[Hex, ...]] = field(default_factory=dict)
    crossing: dict[Hex, str] = field(default_factory=dict)  # river hex -> bridge/ford/pontoon
    crossing_name: dict[Hex, str] = field(default_factory=dict)
    river: frozenset[Hex] = frozenset()
    # (move class, bridging) -> hex -> cost to enter; a missing hex cannot be entered
    enter: dict[tuple[MoveClass, bool], HexCosts] = field(default_factory=dict)
    route_move: dict[tuple[Hex, Hex], float] = field(default_factory=dict)
    route_supply: dict[tuple[Hex, Hex], float] = field(default_factory=dict)
    route_kinds: dict[Hex, tuple[str, ...]] = field(default_factory=dict)
    rail_links: dict[Hex, tuple[Hex, ...]] = field(default_factory=dict)  # along railways
    supply_cost: dict[Hex, float] = field(default_factory=dict)  # missing: supply cannot pass
    sight_block: frozenset[Hex] = frozenset()
    zones: dict[str, frozenset[Hex]] = field(default_factory=dict)
    zone_models: dict[str, Zone] = field(default_factory=dict)
    restricted: dict[str, list[tuple[Zone, frozenset[Hex]]]] = field(default_factory=dict)
    restricted_hexes: dict[str, frozenset[Hex]] = field(default_factory=dict)
    # hexes of zones a side may not attack into, and where its zone of control stops
    no_attack_hexes: dict[str, frozenset[Hex]] = field(default_factory=dict)
    zoc_stop_i: dict[str, frozenset[int]] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)
    place_hex: dict[str, Hex] = field(default_factory=dict)
    place_at: dict[Hex, Place] = field(default_factory=dict)
    sources: dict[str, list[Hex]] = field(default_factory=dict)
    sides: tuple[str, str] = ("", "")
    side_name: dict[str, str] = field(default_factory=dict)
    adjective: dict[str, str] = field(default_factory=dict)
    turns: list[dt.datetime] = field(default_factory=list)
    turn_hours: list[int] = field(default_factory=list)
    types: dict[str, UnitType] = field(default_factory=dict)
    # Static facts computed on demand (e.g. the hexes an air mission covers), kept for the game.
    memo: dict[object, frozenset[Hex]] = field(default_factory=dict, repr=False, compare=False)
    # The same facts keyed by hex number (index into `hexes`) for the hot loops.
    index: dict[Hex, int] = field(default_factory=dict)
    coord_i: list[Coord] = field(default_factory=list)
    nbr: list[tuple[int, ...]] = field(default_factory=list)
    enter_i: dict[tuple[MoveClass, bool], list[float | None]] = field(default_factory=dict)
    route_move_i: dict[int, float] = field(default_factory=dict)  # key a * len(hexes) + b
    route_supply_i: dict[int, float] = field(default_factory=dict)
    supply_cost_i: list[float | None] = field(default_factory=list)
    routed_i: frozenset[int] = frozenset()  # hex numbers a route step starts from (or ends in)
    # the last few supply traces, by everything they depend on (see supply._trace)
    supply_memo: dict[
        tuple[str, float, frozenset[int], frozenset[int], frozenset[int], frozenset[int]],
        dict[Hex, float],
    ] = field(default_factory=dict, repr=False, compare=False)
    # the last few nets of hexes joined to a side's sources (see supply.linked)
    linked_memo: dict[
        tuple[str, frozenset[int], frozenset[int], frozenset[int]], frozenset[Hex]
    ] = field(default_factory=dict, repr=False, compare=False)
    restricted_i: dict[str, frozenset[int]] = field(default_factory=dict)
    # by side and hex number: whether supply passes the hex on an empty map
    supply_open_i: dict[str, list[bool]] = field(default_factory=dict)
    # by side and hex number: hexes from the side's nearest supply source on an empty map (the
    # way back to its own lines, which a beaten unit falls back along)
    home_i: dict[str, list[int]] = field(default_factory=dict)
    unit_models: dict[str, Unit] = field(default_factory=dict)
    move_memo: dict[MoveMemoKey, tuple[MoveFacts, tuple[dict[int, float], dict[int, int]]]] = field(
        default_factory=dict, repr=False, compare=False
    )
    # the targets of interdiction missions -> the hexes they cover, as Hexes and hex numbers
    interdiction_memo: dict[tuple[Coord, ...], tuple[frozenset[Hex], frozenset[int]]] = field(
        default_factory=dict, repr=False, compare=False
    )
    # (move class, bridging, side or "") -> per hex number, the neighbours the class can enter
    # outside the zones closed to the side (search.open_neighbours: movement, distance fields)
    open_nbr: dict[tuple[MoveClass, bool, str], list[tuple[int, ...]]] = field(
        default_factory=dict, repr=False, compare=False
    )
    # an attack's six faces of the die by what they read (see combat_result.all_faces)
    faces_memo: dict[tuple[object, ...], tuple[object, list[Any]]] = field(
        default_factory=dict, repr=False, compare=False
    )
    # date -> the scenario's events that may fire on it (see events._live)
    events_on: dict[dt.datetime, tuple[Event, ...]] = field(
        default_factory=dict, repr=False, compare=False
    )
    # (centre, radius) -> the hexes of the map within radius (see within), and their numbers
    discs: dict[tuple[Hex, int], tuple[Hex, ...]] = field(
        default_factory=dict, repr=False, compare=False
    )
    discs_i: dict[tuple[Hex, int], tuple[int, ...]] = field(
        default_factory=dict, repr=False, compare=False
    )

    # --- helpers -----------------------------------------------------------------------------

    def hex_at(self, c: Coord) -> Hex | None:
        """The hex at map text [col, row], or None off the map."""
        h = Hex.from_offset(c[0], c[1])
        return h if h in self.coord else None

    def other(self, side: str) -> str:
        return self.sides[1] if side == self.sides[0] else self.sides[0]

    def name_of(self, h: Hex) -> str:
        """How the dispatch log names a hex: its place name, or [col,row]."""
        p = self.place_at.get(h)
        c = self.coord[h]
        return f"{p.name} [{c[0]},{c[1]}]" if p else f"[{c[0]},{c[1]}]"

    def hexes_for_km(self, km: float) -> int:
        """A range in km as whole hexes, at least one."""
        return max(1, int(km / self.scenario.scale.hex_km + 1e-9))

    def within(self, centre: Hex, radius: int) -> tuple[Hex, ...]:
        """The hexes of the map at most `radius` steps from `centre`, ring by ring outwards
        (Hex.spiral's order); remembered, since the AI asks for the same discs every turn."""
        key = (centre, radius)
        hit = self.discs.get(key)
        if hit is None:
            hit = tuple(h for h in centre.spiral(radius) if h in self.coord)
            self.discs[key] = hit
        return hit

    def within_i(self, centre: Hex, radius: int) -> tuple[int, ...]:
        """within() as hex numbers (index into `hexes`), in the same order; remembered."""
        key = (centre, radius)
        hit = self.discs_i.get(key)
        if hit is None:
            index = self.index
            hit = tuple(index[h] for h in self.within(centre, radius))
            self.discs_i[key] = hit
        return hit

    def phase(self, turn_index: int) -> str:
        return phase_name(self.scenario.calendar, self.turns[turn_index])


def _turn_hours(s: Scenario, turns: list[dt.datetime]) -> list[int]:
    phases = sorted(s.calendar.phases, key=lambda p: p.start)
    out = []
    for t in turns:
        hours = s.calendar.turn_hours
        for p in phases:
            if p.start <= t:
                hours = p.turn_hours
        out.append(hours)
    return out


def build_board(s: Scenario, changes: MapChanges = NO_CHANGES) -> Board:
    """The rules' form of a scenario's map as `changes` leave it, in stages: each stage reads
    what the earlier ones built (crossings before routes, which bridge rivers; both before
    movement costs)."""
    grid = build_grid(s)
    b = Board(scenario=s, width=grid.width, height=grid.height, changes=changes)
    _lay_out_hexes(b, grid)
    _place_places(b)
    _add_crossings(b)
    _add_routes(b, grid)
    _change_crossings(b)
    _entry_costs(b)
    _supply_costs(b)
    _add_zones(b, grid)
    _add_sides(b, grid)
    b.turns = turn_starts(s.calendar)
    b.turn_hours = _turn_hours(s, b.turns)
    b.types = dict(s.unit_types)
    _index(b)
    b.unit_models = {u.id: u for u in s.units}
    return b


def _lay_out_hexes(b: Board, grid: Grid) -> None:
    """Every hex of the map text with its terrain, neighbours, rivers and sight blocks."""
    s = b.scenario
    for row in range(grid.height):
        for col in range(len(grid.cells[row])):
            tid = grid.cells[row][col]
            h = Hex.from_offset(col, row)
            b.hexes.append(h)
            b.coord[h] = coord(col, row)
            b.terrain_id[h] = tid
            b.terrain[h] = s.terrain.get(tid) or Terrain(name="?", move_cost={})
    b.index = {h: i for i, h in enumerate(b.hexes)}
    onmap = {h: h for h in b.hexes}  # neighbours share the map's Hex objects, not copies
    for h in b.hexes:
        b.neighbours[h] = tuple(onmap[n] for n in h.neighbours() if n in onmap)
    b.river = frozenset(h for h in b.hexes if b.terrain[h].river)
    b.sight_block = frozenset(h for h in b.hexes if b.terrain[h].sight_block)


def _place_places(b: Board) -> None:
    s = b.scenario
    b.places = {p.id: p for p in s.places}
    b.place_hex = {p.id: Hex.from_offset(*p.at) for p in s.places}
    b.place_at = {Hex.from_offset(*p.at): p for p in s.places}


def _add_crossings(b: Board) -> None:
    """Bridges, fords and pontoons over river hexes; a bridge or pontoon beats a ford."""
    s = b.scenario
    for x in s.map.crossings:
        at = resolve(s, x.at)
        if at is None:
            continue
        h = Hex.from_offset(*at)
        if b.crossing.get(h) in ("bridge", "pontoon") and x.kind == "ford":
            continue
        b.crossing[h] = x.kind
        b.crossing_name[h] = x.name


def _add_routes(b: Board, grid: Grid) -> None:
    """Roads, tracks and railways: the cheaper cost of each step along them, and the bridge a
    road or railway carries over a river hex without a crossing."""
    s = b.scenario
    kinds: dict[Hex, list[str]] = {}
    links: dict[Hex, list[Hex]] = {}
    for route in s.map.routes:
        path = [Hex.from_offset(*c) for c in route_hexes(s, route) if grid.on_map(c)]
        for h in path:
            kinds.setdefault(h, [])
            if route.kind not in kinds[h]:
                kinds[h].append(route.kind)
            if h in b.river and route.kind in ("road", "railway") and h not in b.crossing:
                b.crossing[h] = "bridge"
                b.crossing_name[h] = route.name
        for a, c in itertools.pairwise(path):
            if a.distance(c) != 1:
                continue
            if route.kind == "railway":
                links.setdefault(a, []).append(c)
                links.setdefault(c, []).append(a)
            for key in ((a, c), (c, a)):
                mv = _ROUTE_MOVE[route.kind]
                sp = _ROUTE_SUPPLY[route.kind]
                b.route_move[key] = min(b.route_move.get(key, mv), mv)
                b.route_supply[key] = min(b.route_supply.get(key, sp), sp)
    b.route_kinds = {h: tuple(k) for h, k in kinds.items()}
    b.rail_links = {h: tuple(dict.fromkeys(n)) for h, n in links.items()}


def _change_crossings(b: Board) -> None:
    """Crossings events have built or destroyed (a destroyed road bridge is gone too)."""
    for h, kind, name in b.changes.crossings:
        if h not in b.index:
            continue  # a saved game's change off this map (the scenario was edited since)
        if kind is None:
            b.crossing.pop(h, None)
            b.crossing_name.pop(h, None)
        else:
            b.crossing[h] = kind
            b.crossing_name[h] = name


def _entry_costs(b: Board) -> None:
    """What entering each hex costs each movement class, with and without bridging equipment:
    a river hex needs a crossing (a ford carries only foot and horse) unless the unit bridges."""
    for cls in MOVE_CLASSES:
        for bridging in (False, True):
            costs: list[float | None] = []
            for h in b.hexes:
                t = b.terrain[h]
                cost = t.move_cost.get(cls)
                if cost is not None and t.river and not bridging:
                    kind = b.crossing.get(h)
                    if kind is None or (kind == "ford" and cls not in ("foot", "horse")):
                        cost = None
                costs.append(cost)
            b.enter_i[(cls, bridging)] = costs
            b.enter[(cls, bridging)] = HexCosts(b.index, b.hexes, costs)


def _supply_costs(b: Board) -> None:
    """Supply passes passable ground, and river hexes only at a crossing."""
    for h in b.hexes:
        t = b.terrain[h]
        if not t.move_cost:
            continue
        if t.river and h not in b.crossing:
            continue
        b.supply_cost[h] = t.supply_cost


def _add_zones(b: Board, grid: Grid) -> None:
    for z in b.scenario.zones:
        hexes = frozenset(
            Hex.from_offset(col, row)
            for row, text in enumerate(z.rows)
            for col, ch in enumerate(text)
            if ch == "#" and grid.on_map((col, row))
        )
        b.zones[z.id] = hexes
        b.zone_models[z.id] = z


def _add_sides(b: Board, grid: Grid) -> None:
    """Each side's names, the zones it may not enter and its supply sources."""
    s = b.scenario
    active = {z.id: z.active for z in s.zones} | dict(b.changes.zones)
    b.sides = (s.sides[0].id, s.sides[1].id)
    for side in s.sides:
        b.side_name[side.id] = side.name
        b.adjective[side.id] = side.adjective or side.name
        b.restricted[side.id] = [
            (z, b.zones[z.id]) for z in s.zones if side.id in z.restricted_for and active[z.id]
        ]
        b.restricted_hexes[side.id] = frozenset().union(*(hx for _, hx in b.restricted[side.id]))
        closed = b.restricted[side.id]
        b.no_attack_hexes[side.id] = frozenset().union(*(hx for z, hx in closed if z.no_attack))
        srcs: list[Hex] = []
        for src in side.supply_sources:
            if src.at is not None:
                at = resolve(s, src.at)
                if at is not None and grid.on_map(at):
                    srcs.append(Hex.from_offset(*at))
            elif src.edge is not None:
                srcs.extend(_edge(b, src.edge))
        b.sources[side.id] = list(dict.fromkeys(srcs))


def _index(b: Board) -> None:
    n = len(b.hexes)
    b.coord_i = [b.coord[h] for h in b.hexes]
    b.nbr = [tuple(b.index[x] for x in b.neighbours[h]) for h in b.hexes]
    b.route_move_i = {b.index[x] * n + b.index[y]: c for (x, y), c in b.route_move.items()}
    b.route_supply_i = {b.index[x] * n + b.index[y]: c for (x, y), c in b.route_supply.items()}
    b.supply_cost_i = [b.supply_cost.get(h) for h in b.hexes]
    b.routed_i = frozenset(k // n for k in b.route_move_i)
    b.zoc_stop_i = {
        side: frozenset(b.index[h] for z, hx in closed if z.stops_zoc for h in hx)
        for side, closed in b.restricted.items()
    }
    b.restricted_i = {
        side: frozenset(b.index[h] for h in hx) for side, hx in b.restricted_hexes.items()
    }
    b.supply_open_i = {
        side: [c is not None and i not in closed for i, c in enumerate(b.supply_cost_i)]
        for side, closed in b.restricted_i.items()
    }
    b.home_i = {
        side: steps_from((b.index[h] for h in b.sources[side]), b.nbr, b.supply_open_i[side])
        for side in b.sides
    }


def _edge(b: Board, edge: str) -> list[Hex]:
    out = []
    for h in b.hexes:
        col, row = b.coord[h]
        if (
            (edge == "north" and row == 0)
            or (edge == "south" and row == b.height - 1)
            or (edge == "west" and col == 0)
            or (edge == "east" and col == b.width - 1)
        ):
            out.append(h)
    return out


# Boards by the identity of their scenario and the changes events made to its map, held weakly:
# a board lives while a state, the AI or the recent list below uses it. A live board keeps its
# scenario alive, so the id cannot have been reused by another object. The recent list keeps a
# batch of games on one scenario from rebuilding the board (and the AI's fields cached on it)
# between games.
_BOARDS: weakref.WeakValueDictionary[tuple[int, MapChanges], Board] = weakref.WeakValueDictionary()
_RECENT: deque[Board] = deque(maxlen=4)


def board_for(s: Scenario, changes: MapChanges = NO_CHANGES) -> Board:
    """The Board of a scenario with `changes` made to its map, built once while it is in use."""
    key = (id(s), changes)
    b = _BOARDS.get(key)
    if b is None or b.scenario is not s:
        b = build_board(s, changes)
        _BOARDS[key] = b
    if not _RECENT or _RECENT[-1] is not b:
        _RECENT.append(b)
    return b

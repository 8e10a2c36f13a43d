"""What the map shows besides terrain and counters, worked out from the state without drawing:
the hexes a side can see (the rest is fogged), the enemy's zones of control, the front line
between the two sides' forces, the national borders, the hex to open the view on, and the order
place names are placed in. Pure functions of the state (no pygame), so they are tested without
a window."""

from __future__ import annotations

import weakref
from dataclasses import dataclass

from game.hexes import Coord, Hex, coord
from game.rules.board import Board
from game.rules.state import GameState
from game.rules.zoc import occupancy
from game.scenario.models import NO_COUNTRY

FRONT_REACH = 12  # hexes: how far from its units a side's part of the map reaches
MAIN_FORCE_RADIUS = 3  # hexes round a hex that count towards the force gathered there
KIND_RANK = {
    "city": 0,
    "fort": 1,
    "port": 2,
    "railhead": 3,
    "town": 4,
    "depot": 5,
    "height": 6,
    "landmark": 7,
}


def sight_hexes(state: GameState, side: str) -> frozenset[Coord]:
    """Hexes `side` can see into: within sight of one of its units, with no blocking hex (hills,
    forest, dunes) between; the same sight rule the rules use for enemy units."""
    b = state.board
    block = b.sight_block
    out: set[Hex] = set()
    for u in state.units.values():
        if not u.active or u.side != side or u.pos is None:
            continue
        reach = b.hexes_for_km(b.types[u.type].sight_km)
        for h in u.pos.spiral(reach):
            if h in out or h not in b.coord:
                continue
            if u.pos.distance(h) <= 1 or not any(x in block for x in u.pos.line_to(h)[1:-1]):
                out.add(h)
    return frozenset(b.coord[h] for h in out)


def enemy_zoc(state: GameState, side: str) -> frozenset[Coord]:
    """Hexes in the zone of control of `side`'s enemy."""
    b = state.board
    return frozenset(b.coord[h] for h in occupancy(state).zoc[b.other(side)] if h in b.coord)


def control_map(state: GameState, visible: set[str] | None) -> dict[Hex, str]:
    """Which side's forces are nearer each hex, up to FRONT_REACH hexes from them: a
    breadth-first search from every unit at once (a hex as near to both goes to the side whose
    search reached it first, so the front is one unbroken line; a hex holding both sides'
    units belongs to neither)."""
    b = state.board
    owner: dict[Hex, str] = {}
    dist: dict[Hex, int] = {}
    passable = b.enter.get(("foot", False))  # the front stops at lakes and the sea
    frontier: list[Hex] = []
    for u in sorted(state.units.values(), key=lambda u: u.id):
        if not u.active or u.pos is None or (visible is not None and u.id not in visible):
            continue
        if u.pos in owner and owner[u.pos] != u.side:
            owner[u.pos] = ""
        elif u.pos not in owner:
            owner[u.pos], dist[u.pos] = u.side, 0
            frontier.append(u.pos)
    for step in range(1, FRONT_REACH + 1):
        nxt: list[Hex] = []
        for h in frontier:
            for n in b.neighbours.get(h, ()):
                if n not in dist and owner[h] and (passable is None or n in passable):
                    dist[n], owner[n] = step, owner[h]
                    nxt.append(n)
        frontier = nxt
    return {h: s for h, s in owner.items() if s}


def front_edges(state: GameState, visible: set[str] | None) -> frozenset[tuple[Coord, int]]:
    """Hex edges (hex, direction 0-5) between the two sides' parts of the map: the front line."""
    b = state.board
    owner = control_map(state, visible)
    out: set[tuple[Coord, int]] = set()
    for h, side in owner.items():
        for direction, n in enumerate(h.neighbours()):
            other = owner.get(n)
            if other and other != side and side < other:
                out.add((b.coord[h], direction))
    return frozenset(out)


def main_force_hex(state: GameState, side: str) -> Coord | None:
    """The hex with the most of `side`'s men within MAIN_FORCE_RADIUS: where its main force
    stands, to open the view on."""
    own = [u for u in state.units.values() if u.active and u.pos is not None and u.side == side]
    best: tuple[int, Coord] | None = None
    for u in own:
        assert u.pos is not None
        men = sum(
            o.men for o in own if o.pos is not None and u.pos.distance(o.pos) <= MAIN_FORCE_RADIUS
        )
        c = state.board.coord[u.pos]
        if best is None or (men, c) > best:
            best = (men, c)
    return best[1] if best else None


def places_by_priority(state: GameState) -> list[str]:
    """Place ids, the most important first: victory points, then the size of the place."""
    places = state.board.places
    return sorted(places, key=lambda p: (-places[p].vp, KIND_RANK.get(places[p].kind, 9), p))


@dataclass(frozen=True)
class Borders:
    """The national borders of a board: each hex's country name (hexes of no country left out),
    the hex edges (hex, direction 0-5) between two countries, each edge once, and the names of
    the countries on the map in the scenario's order."""

    country: dict[Coord, str]
    edges: frozenset[tuple[Coord, int]]
    names: tuple[str, ...]


_BORDERS: weakref.WeakKeyDictionary[Board, Borders] = weakref.WeakKeyDictionary()


def national_borders(board: Board) -> Borders:
    """The borders drawn from the scenario's [map.countries] (none without it); worked out
    once per board, as they never change in play."""
    hit = _BORDERS.get(board)
    if hit is not None:
        return hit
    countries = board.scenario.map.countries
    country: dict[Coord, str] = {}
    if countries is not None:
        for r, row in enumerate(countries.rows):
            for c, ch in enumerate(row):
                if ch != NO_COUNTRY and ch in countries.names:
                    country[coord(c, r)] = countries.names[ch]
    edges: set[tuple[Coord, int]] = set()
    for h in board.hexes:
        mine = country.get(board.coord[h])
        if mine is None:
            continue
        for direction, n in enumerate(h.neighbours()):
            theirs = country.get(board.coord[n]) if n in board.coord else None
            if theirs is not None and theirs != mine and board.coord[h] < board.coord[n]:
                edges.add((board.coord[h], direction))
    shown = set(country.values())
    names = tuple(n for n in (countries.names.values() if countries else ()) if n in shown)
    found = _BORDERS[board] = Borders(country, frozenset(edges), names)
    return found


_CORES: weakref.WeakKeyDictionary[Board, dict[str, list[Coord]]] = weakref.WeakKeyDictionary()


def country_cores(board: Board) -> dict[str, list[Coord]]:
    """Each country's hexes, the deepest inside it first (hexes from its border, the sea or the
    map's edge), then by position: where its name fits best on the map. Worked out once per
    board."""
    hit = _CORES.get(board)
    if hit is not None:
        return hit
    country = national_borders(board).country
    depth: dict[Coord, int] = {}
    frontier: list[Coord] = []
    for c, name in country.items():
        h = Hex.from_offset(*c)
        if any(country.get(board.coord.get(n, c)) != name or n not in board.coord
               for n in h.neighbours()):  # fmt: skip
            depth[c] = 0
            frontier.append(c)
    while frontier:
        nxt: list[Coord] = []
        for c in frontier:
            for n in Hex.from_offset(*c).neighbours():
                nc = board.coord.get(n)
                if nc is not None and nc in country and nc not in depth:
                    depth[nc] = depth[c] + 1
                    nxt.append(nc)
        frontier = nxt
    cores: dict[str, list[Coord]] = {}
    for c in sorted(country, key=lambda c: (-depth[c], c[1], c[0])):
        cores.setdefault(country[c], []).append(c)
    _CORES[board] = cores
    return cores

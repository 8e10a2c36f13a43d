"""Transport by train: a unit that has not moved rides its side's railways a long way in one turn.

Armies of the 1930s and 1940s moved divisions between fronts by train far faster than they could
march (the Kwantung Army's plan of 1945 rested on the Manchurian railways). A scenario gives each
side a number of units it may move by train each turn and how far a train runs in a day. A unit
may entrain if it stands on a railway, has all its movement points and is not in contact with the
enemy; the train runs along railway hexes the enemy does not hold, outside the enemy's zones of
control, over bridges (not fords or pontoons), and counts a hex under enemy air interdiction
as INTERDICTION_FACTOR hexes. The unit detrains where the train stops and moves no more that turn.
"""

from __future__ import annotations

import heapq

from game.hexes import Coord, Hex
from game.rules import constants as C
from game.rules.air import interdicted_i
from game.rules.fog import known_enemy
from game.rules.movement import has_full_points
from game.rules.stand import stand_reason
from game.rules.state import GameState, UnitState
from game.scenario.models import RailTransport

_EPS = 1e-9


def _transport(state: GameState, side: str) -> RailTransport:
    return next(s.rail for s in state.scenario.sides if s.id == side)


def rail_range(state: GameState, side: str) -> int:
    """Railway hexes a train of `side` runs in one turn (0: the side has no trains)."""
    rail = _transport(state, side)
    if rail.units_per_turn <= 0:
        return 0
    km = rail.km_per_day * state.turn_hours / 24.0
    return int(km / state.scenario.scale.hex_km + _EPS)


def trains_left(state: GameState, side: str) -> int:
    """Units `side` may still move by train this turn."""
    return max(0, _transport(state, side).units_per_turn - state.sides[side].rail_used)


def entrain_reason(state: GameState, unit: UnitState) -> str:
    """Why `unit` may not move by train now, or '' if it may."""
    b = state.board
    side = unit.side
    adjective = b.adjective[side]
    if rail_range(state, side) <= 0:
        return f"{adjective} troops have no transport by train in this scenario"
    if trains_left(state, side) <= 0:
        cap = _transport(state, side).units_per_turn
        units = "1 unit" if cap == 1 else f"{cap} units"
        return f"the {adjective} railways have carried {units} this turn, all they can"
    if unit.pos is None or unit.pos not in b.rail_links:
        return f"{unit.name} is not on a railway"
    if not has_full_points(state, unit):
        return f"{unit.name} has moved or fought this turn; only a fresh unit may entrain"
    if b.index[unit.pos] in known_enemy(state, side)[1]:
        return f"{unit.name} is in contact with the enemy and cannot entrain"
    return ""


def rail_paths(state: GameState, unit: UnitState) -> dict[Hex, list[Hex]]:
    """Every hex the unit may go to by train now, with the railway path there (start
    included); {} if it may not entrain (entrain_reason says why). Kept on the state."""
    key = ("rail", unit.id, unit.pos, unit.mp, unit.moved, unit.has_attacked)
    hit = state.cache.get(key)
    if hit is not None:
        return hit  # type: ignore[no-any-return]
    out: dict[Hex, list[Hex]] = {}
    if unit.active and not entrain_reason(state, unit):
        assert unit.pos is not None
        pred = _search(state, unit.side, unit.pos, rail_range(state, unit.side))
        for h in pred:
            if h != unit.pos and not stand_reason(state, unit, h, check_ground=False):
                out[h] = _walk_back(pred, h)
    state.cache[key] = out
    return out


def _closed_line(state: GameState, side: str) -> frozenset[int]:
    """Railway hex numbers closed to `side`'s trains: held by the enemy, known enemy units and
    their zones of control, and the zones the side may not enter. Kept on the state."""
    key = ("rail closed", side)
    hit = state.cache.get(key)
    if hit is not None:
        return hit  # type: ignore[no-any-return]
    b = state.board
    enemy = b.other(side)
    units, zoc = known_enemy(state, side)
    index = b.index
    closed = frozenset(
        i
        for h in b.rail_links
        if (i := index[h]) in units
        or i in zoc
        or i in b.restricted_i[side]
        or state.control.get(h) == enemy
    )
    state.cache[key] = closed
    return closed


def _search(state: GameState, side: str, start: Hex, limit: int) -> dict[Hex, Hex | None]:
    """Dijkstra over the railway links from `start`, up to `limit` hexes of run: each hex's
    predecessor on the cheapest run."""
    b = state.board
    closed = _closed_line(state, side)
    slow = interdicted_i(state, side)
    cost: dict[Hex, float] = {start: 0.0}
    pred: dict[Hex, Hex | None] = {start: None}
    heap: list[tuple[float, int, Hex]] = [(0.0, b.index[start], start)]
    while heap:
        c, _, h = heapq.heappop(heap)
        if c > cost[h] + _EPS:
            continue
        for n in b.rail_links.get(h, ()):
            i = b.index[n]
            if i in closed or (n in b.river and b.crossing.get(n) != "bridge"):
                continue
            nc = c + (C.INTERDICTION_FACTOR if i in slow else 1.0)
            if nc <= limit + _EPS and nc + _EPS < cost.get(n, float("inf")):
                cost[n], pred[n] = nc, h
                heapq.heappush(heap, (nc, i, n))
    return pred


def _walk_back(pred: dict[Hex, Hex | None], h: Hex) -> list[Hex]:
    out = [h]
    while (p := pred[out[-1]]) is not None:
        out.append(p)
    return out[::-1]


def rail_reachable(state: GameState, unit_id: str) -> dict[Coord, list[Coord]]:
    """Public form: {(col, row): railway path [(col, row), ...]} for every hex the unit may go
    to by train now."""
    b = state.board
    unit = state.units[unit_id]
    return {b.coord[h]: [b.coord[x] for x in p] for h, p in rail_paths(state, unit).items()}

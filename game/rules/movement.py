"""Movement: points per turn, the cost of each step, reachable hexes and the cheapest path.

One Dijkstra search serves reachable(), path() and validation. Entering an enemy zone of control
ends a move; leaving one costs ZOC_LEAVE more; a unit with all its points may always move one hex.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass

from game.rules import constants as C
from game.rules.air import interdicted
from game.rules.board import Coord
from game.rules.hexes import Hex
from game.rules.state import GameState, UnitState
from game.rules.zoc import occupancy

_EPS = 1e-9


def max_mp(state: GameState, unit: UnitState) -> float:
    """Movement points a unit gets each turn: its speed over a turn's hours, in hexes."""
    t = state.board.types[unit.type]
    return t.speed_km * state.turn_hours / 24.0 / state.scenario.scale.hex_km


@dataclass
class Search:
    """Result of one movement search from a unit's hex."""

    cost: dict[Hex, float]
    pred: dict[Hex, Hex]
    stack_ok: dict[Hex, bool]


def can_stand(state: GameState, unit: UnitState, h: Hex) -> bool:
    """Stacking: would the unit fit in hex h with its friends already there?"""
    occ = occupancy(state)
    here = occ.stack.get(h, 0) if occ.side_at.get(h) == unit.side else 0
    if unit.pos == h:
        return True
    return here + state.board.types[unit.type].stack <= state.scenario.map.stacking


def search(state: GameState, unit: UnitState, limit: float | None) -> Search:
    """Cheapest cost to every hex the unit can get to, up to `limit` points (None: no limit)."""
    b = state.board
    t = b.types[unit.type]
    enter = b.enter[(t.move_class, t.bridging)]
    occ = occupancy(state)
    enemy = b.other(unit.side)
    enemy_hexes = occ.hexes[enemy]
    enemy_zoc = occ.zoc[enemy]
    restricted = b.restricted_hexes[unit.side]
    slow = interdicted(state, unit.side)
    route = b.route_move
    neighbours = b.neighbours
    start = unit.pos
    assert start is not None
    cost: dict[Hex, float] = {start: 0.0}
    pred: dict[Hex, Hex] = {}
    heap: list[tuple[float, int, Hex]] = [(0.0, 0, start)]
    n_push = 0
    while heap:
        d, _, h = heapq.heappop(heap)
        if d > cost[h] + _EPS:
            continue
        extra = 0.0
        if h in enemy_zoc:
            if h != start:
                continue  # entering an enemy zone of control ends the move
            extra = C.ZOC_LEAVE
        for n in neighbours[h]:
            c = enter.get(n)
            if c is None or n in enemy_hexes or n in restricted:
                continue
            r = route.get((h, n))
            if r is not None and r < c:
                c = r
            if n in slow:
                c *= C.INTERDICTION_FACTOR
            nd = d + c + extra
            if limit is not None and nd > limit + _EPS:
                continue
            if nd < cost.get(n, float("inf")) - _EPS:
                cost[n] = nd
                pred[n] = h
                n_push += 1
                heapq.heappush(heap, (nd, n_push, n))
    return Search(cost, pred, {})


def _full(state: GameState, unit: UnitState) -> bool:
    return not unit.moved and not unit.has_attacked and unit.mp >= max_mp(state, unit) - _EPS


def _first_steps(state: GameState, unit: UnitState) -> dict[Hex, float]:
    """Neighbours a unit with all its points may always enter, whatever they cost."""
    b = state.board
    t = b.types[unit.type]
    enter = b.enter[(t.move_class, t.bridging)]
    occ = occupancy(state)
    enemy_hexes = occ.hexes[b.other(unit.side)]
    restricted = b.restricted_hexes[unit.side]
    assert unit.pos is not None
    return {
        n: unit.mp
        for n in b.neighbours[unit.pos]
        if n in enter and n not in enemy_hexes and n not in restricted
    }


def reachable_hexes(state: GameState, unit: UnitState) -> dict[Hex, float]:
    """Hexes the unit may end its move in this turn, with the points each costs."""
    if not unit.active or unit.pos is None or unit.mp <= _EPS:
        return {}
    s = search(state, unit, unit.mp)
    out = dict(s.cost)
    if _full(state, unit):
        for n, c in _first_steps(state, unit).items():
            if n not in out:
                out[n] = c
    out.pop(unit.pos, None)
    return {h: c for h, c in out.items() if can_stand(state, unit, h)}


def reachable(state: GameState, unit_id: str) -> dict[Coord, float]:
    """Public form: {(col, row): movement points} for every hex the unit may move to now."""
    unit = state.units[unit_id]
    key = f"reach:{unit_id}"
    hit = state.cache.get(key)
    if isinstance(hit, dict):
        return hit
    coord = state.board.coord
    out = {coord[h]: round(c, 6) for h, c in reachable_hexes(state, unit).items()}
    state.cache[key] = out
    return out


def path_hexes(state: GameState, unit: UnitState, to: Hex) -> list[Hex] | None:
    """Cheapest path from the unit's hex to `to` within its points (start included)."""
    if unit.pos is None:
        return None
    s = search(state, unit, unit.mp)
    if to not in s.cost:
        if _full(state, unit) and to in _first_steps(state, unit):
            return [unit.pos, to]
        return None
    out = [to]
    while out[-1] != unit.pos:
        out.append(s.pred[out[-1]])
    out.reverse()
    return out


def path(state: GameState, unit_id: str, to: Coord) -> list[Coord] | None:
    """Public form: the hexes [(col, row), ...] of the cheapest legal move, or None."""
    unit = state.units[unit_id]
    h = state.board.hex_at(to)
    if h is None:
        return None
    p = path_hexes(state, unit, h)
    return None if p is None else [state.board.coord[x] for x in p]


def cost_without_limit(state: GameState, unit: UnitState, to: Hex) -> float | None:
    """What reaching `to` would cost with unlimited points (for the reason a move is refused)."""
    s = search(state, unit, None)
    return s.cost.get(to)

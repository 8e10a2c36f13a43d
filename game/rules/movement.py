"""Movement: points per turn, the cost of each step, reachable hexes and the cheapest path.

One Dijkstra search per unit and state (cached on the state) serves reachable(), path() and
validation. Entering an enemy zone of control ends a move; leaving one costs ZOC_LEAVE more; a unit
with all its points may always move one hex. The search runs on hex numbers (Board.index), not
Hex tuples, because it is the AI's hottest loop.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from collections.abc import Set as AbstractSet
from typing import cast

from game.hexes import Coord, Hex
from game.rules import constants as C
from game.rules.air import interdicted_i
from game.rules.board import Board, MoveFacts, MoveMemoKey
from game.rules.fog import known_enemy
from game.rules.search import move_paths, open_neighbours, reverse_paths
from game.rules.state import GameState, UnitState
from game.rules.zoc import occupancy
from game.scenario.models import MoveClass

_EPS = 1e-9
MP_DIGITS = 6  # movement points are kept to this many decimal places
_INF = float("inf")
MOVE_MEMO_SIZE = 128  # searches the board remembers across states


def max_mp(state: GameState, unit: UnitState) -> float:
    """Movement points a unit gets each turn: its speed over a turn's hours, in hexes."""
    t = state.board.types[unit.type]
    return t.speed_km * state.turn_hours / 24.0 / state.scenario.scale.hex_km


def _blocked(state: GameState, side: str) -> AbstractSet[int]:
    """Hex numbers `side` may not enter: known enemy units and restricted zones."""
    key = ("blocked", side)
    hit = state.cache.get(key)
    if hit is None:
        hit = known_enemy(state, side)[0] | state.board.restricted_i[side]
        state.cache[key] = hit
    return hit


def _search(
    state: GameState, unit: UnitState, limit: float | None, goal: int = -1
) -> tuple[dict[int, float], dict[int, int]]:
    """Cheapest cost to every hex number the unit can get to, up to `limit` points (None: no
    limit), and each hex's predecessor on the cheapest path. Kept on the state, and on the
    board by what the search reads (see _remembered_search).

    With a `goal` hex number the search may stop once the goal's cost is known: then only the
    goal's cost, and the predecessors along its path, are those of the whole search (a move's
    validation and its path need no more). Kept on the state apart from whole searches."""
    key = ("search", unit.id, unit.pos, limit)
    hit = state.cache.get(key)
    if hit is not None:
        return hit  # type: ignore[no-any-return]
    if goal >= 0:
        part_key = ("search", unit.id, unit.pos, limit, goal)
        hit = state.cache.get(part_key)
        if hit is not None:
            return hit  # type: ignore[no-any-return]
    b = state.board
    assert unit.pos is not None
    t = b.types[unit.type]
    top = _INF if limit is None else limit + _EPS
    enemy_hexes, enemy_zoc = known_enemy(state, unit.side)
    slow = interdicted_i(state, unit.side)
    facts = (enemy_hexes, enemy_zoc, slow)
    memo_key = (b.index[unit.pos], t.move_class, t.bridging, unit.side, top)
    found = _remembered_search(b, memo_key, facts)
    if found is not None:
        state.cache[key] = found
        return found
    found = move_paths(
        b.index[unit.pos],
        _open_in(b, t.move_class, t.bridging),
        _entered(b, t.move_class, t.bridging),
        (b.route_move_i, b.routed_i),
        _blocked(state, unit.side),
        enemy_zoc,
        (slow, C.INTERDICTION_FACTOR),
        top,
        _EPS,
        C.ZOC_LEAVE,
        goal,
    )
    if goal >= 0:
        state.cache[part_key] = found
        return found
    if len(b.move_memo) >= MOVE_MEMO_SIZE:
        b.move_memo.pop(next(iter(b.move_memo)))
    b.move_memo[memo_key] = (facts, found)
    state.cache[key] = found
    return found


def _remembered_search(
    b: Board, key: MoveMemoKey, facts: MoveFacts
) -> tuple[dict[int, float], dict[int, int]] | None:
    """The board's last search from the same hex, by the same kind of unit, with the same
    points, if the enemy units, zones of control and interdiction it read are still the same
    (from one move of a side to the next they are, mostly the very same sets)."""
    entry = b.move_memo.get(key)
    if entry is None:
        return None
    then, found = entry
    for a, c in zip(then, facts, strict=True):
        if a is not c and a != c:
            return None
    return found


def _open_in(
    b: Board, move_class: MoveClass, bridging: bool, side: str = ""
) -> list[tuple[int, ...]]:
    """search.open_neighbours of a movement class (and the zones closed to `side`, if one is
    named), worked out once per board."""
    key = (move_class, bridging, side)
    found = b.open_nbr.get(key)
    if found is None:
        closed = b.restricted_i[side] if side else frozenset()
        found = b.open_nbr[key] = open_neighbours(b.nbr, b.enter_i[(move_class, bridging)], closed)
    return found


def _entered(b: Board, move_class: MoveClass, bridging: bool) -> Sequence[float]:
    """The cost to enter each hex, as read only for the neighbours _open_in lists (never
    None there)."""
    return cast("Sequence[float]", b.enter_i[(move_class, bridging)])


def has_full_points(state: GameState, unit: UnitState) -> bool:
    """Whether the unit has not moved or fought and has all its points (it may then always
    move one hex, whatever the hex costs)."""
    # Points are stored rounded to MP_DIGITS places: compare at that precision, or a unit whose
    # points round down could never make its one-hex move.
    full = round(max_mp(state, unit), MP_DIGITS)
    return not unit.moved and not unit.has_attacked and round(unit.mp, MP_DIGITS) >= full


def step_costs(state: GameState, unit: UnitState) -> Callable[[Hex], dict[Hex, float]]:
    """The steps the unit may take out of a hex and what each costs, exactly as the movement
    search counts them for a move from where the unit stands: leaving an enemy zone of control
    it starts in costs more, and no step leads out of one it has entered. For a planner that
    walks its own way across the map (the AI) but must pay the rules' prices."""
    b = state.board
    assert unit.pos is not None
    t = b.types[unit.type]
    nbr_in = _open_in(b, t.move_class, t.bridging)
    enter = _entered(b, t.move_class, t.bridging)
    enemy_zoc = known_enemy(state, unit.side)[1]
    blocked = _blocked(state, unit.side)
    slow = interdicted_i(state, unit.side)
    route, routed = b.route_move_i, b.routed_i
    hexes, index, n_hex = b.hexes, b.index, len(b.nbr)
    start = index[unit.pos]

    def steps(h: Hex) -> dict[Hex, float]:
        i = index[h]
        extra = 0.0
        if i in enemy_zoc:
            if i != start:
                return {}
            extra = C.ZOC_LEAVE
        base = i * n_hex if i in routed else -1
        out = {}
        for n in nbr_in[i]:
            if n in blocked:
                continue
            c = enter[n]
            if base >= 0:
                r = route.get(base + n)
                if r is not None and r < c:
                    c = r
            if slow and n in slow:
                c *= C.INTERDICTION_FACTOR
            out[hexes[n]] = extra + c
        return out

    return steps


def _reach_key(unit: UnitState) -> tuple[object, ...]:
    return ("reach", unit.id, unit.pos, unit.mp, unit.moved, unit.has_attacked)


def _reach_i(state: GameState, unit: UnitState) -> dict[int, float]:
    key = _reach_key(unit)
    hit = state.cache.get(key)
    if hit is not None:
        return hit  # type: ignore[no-any-return]
    out: dict[int, float] = {}
    if unit.active and unit.pos is not None and unit.mp > _EPS:
        b = state.board
        t = b.types[unit.type]
        cost, _ = _search(state, unit, unit.mp)
        out = dict(cost)
        # neighbours a unit with all its points may always enter, whatever they cost
        enter = b.enter_i[(t.move_class, t.bridging)]
        blocked = _blocked(state, unit.side)
        start = b.index[unit.pos]
        beyond = [
            n for n in b.nbr[start] if n not in out and enter[n] is not None and n not in blocked
        ]
        if beyond and has_full_points(state, unit):
            for n in beyond:
                out[n] = unit.mp
        out.pop(start, None)
        occ = occupancy(state)
        own = occ.hexes_i[unit.side]
        room = state.scenario.map.stacking - t.stack
        stack = occ.stack_i
        for h in out.keys() & own:  # no room to stop beside own units: dropped in place
            if stack.get(h, 0) > room:
                del out[h]
    state.cache[key] = out
    return out


def reachable_hexes(state: GameState, unit: UnitState) -> dict[Hex, float]:
    """Hexes the unit may end its move in this turn, with the points each costs."""
    hexes = state.board.hexes
    return {hexes[i]: c for i, c in _reach_i(state, unit).items()}


def move_cost(state: GameState, unit: UnitState, to: Hex) -> float | None:
    """Points a legal move to `to` costs now, or None if the unit cannot end its move there.
    What _reach_i would say for that one hex: from the unit's reachable hexes if they are
    known, else from a search that stops at `to` (most moves go a short way for the points a
    unit has)."""
    i = state.board.index.get(to)
    if i is None:
        return None
    reach = state.cache.get(_reach_key(unit))
    if reach is not None:
        return reach.get(i)  # type: ignore[no-any-return]
    if not (unit.active and unit.pos is not None and unit.mp > _EPS):
        return None
    b = state.board
    start = b.index[unit.pos]
    if i == start:
        return None
    t = b.types[unit.type]
    cost, _ = _search(state, unit, unit.mp, goal=i)
    c = cost.get(i)
    if c is None:
        # the one hex a unit with all its points may always enter, whatever it costs
        enter = b.enter_i[(t.move_class, t.bridging)]
        if i not in b.nbr[start] or enter[i] is None or i in _blocked(state, unit.side):
            return None
        if not has_full_points(state, unit):
            return None
        c = unit.mp
    occ = occupancy(state)
    if (
        i in occ.hexes_i[unit.side]
        and occ.stack_i.get(i, 0) > state.scenario.map.stacking - t.stack
    ):
        return None  # no room to stop beside own units
    return c


def reachable(state: GameState, unit_id: str, fresh: bool = False) -> dict[Coord, float]:
    """Public form: {(col, row): movement points} for every hex the unit may move to now.
    fresh=True: where it could go with a whole turn's points, as if its turn had just begun
    (for judging enemy threats)."""
    b = state.board
    unit = state.units[unit_id]
    if fresh and unit.active:
        unit = unit.clone()
        unit.mp = max_mp(state, unit)
        unit.moved = unit.has_attacked = False
    coord = b.coord_i
    return {coord[i]: round(c, 6) for i, c in _reach_i(state, unit).items()}


def path_hexes(state: GameState, unit: UnitState, to: Hex) -> list[Hex] | None:
    """Cheapest path from the unit's hex to `to` within its points (start included)."""
    if unit.pos is None or move_cost(state, unit, to) is None:
        return None
    b = state.board
    start, goal = b.index[unit.pos], b.index[to]
    _, pred = _search(state, unit, unit.mp, goal=goal)
    if goal not in pred:
        return [unit.pos, to]  # the one-hex move a unit with all its points may always make
    out = [goal]
    while out[-1] != start:
        out.append(pred[out[-1]])
    return [b.hexes[i] for i in reversed(out)]


def path(state: GameState, unit_id: str, to: Coord) -> list[Coord] | None:
    """Public form: the hexes [(col, row), ...] of the cheapest legal move, or None."""
    unit = state.units[unit_id]
    h = state.board.hex_at(to)
    if h is None:
        return None
    p = path_hexes(state, unit, h)
    return None if p is None else [state.board.coord[x] for x in p]


def cost_without_limit(state: GameState, unit: UnitState, to: Hex) -> float | None:
    """What reaching `to` would cost with unlimited points (for the reason a move is refused):
    a search that stops once it knows."""
    i = state.board.index.get(to)
    if i is None:
        return None
    cost, _ = _search(state, unit, None, goal=i)
    return cost.get(i)


def distances_to(
    b: Board,
    side: str,
    move_class: MoveClass,
    bridging: bool,
    targets: Iterable[Hex],
    bound: float = _INF,
    blocked_target_cost: float = _INF,
) -> dict[Hex, float]:
    """What reaching the nearest target costs a unit of this movement class from every hex
    within `bound`, over the empty map: terrain and routes as moves pay them, the zones `side`
    may not enter closed, no units, zones of control or interdiction. Stepping into a target
    the class cannot enter costs `blocked_target_cost`. One search from the targets outwards
    answers for every hex at once (the AI's distance fields)."""
    index = b.index
    sources = [index[t] for t in targets if t in index]
    enter = b.enter_i[(move_class, bridging)]
    cost, reached = reverse_paths(
        sources,
        _open_in(b, move_class, bridging, side),
        enter,
        (b.route_move_i, b.routed_i),
        blocked_target_cost,
        bound,
    )
    hexes = b.hexes
    if len(reached) * 8 < len(hexes):  # a field of small reach: sort the few hexes it has
        return {hexes[i]: cost[i] for i in sorted(reached)}
    return {h: c for h, c in zip(hexes, cost, strict=True) if c != _INF}

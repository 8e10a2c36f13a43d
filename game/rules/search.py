"""The shortest-path searches: movement, the supply trace and the AI's distance fields.

They work on the board's hex numbers (Board.index) because they are the AI's hottest loops.
`cheapest_paths` is the general one: each caller says what a step costs through `steps`. The
three searches the rules run thousands of times a game each have their own copy of the same loop
with the step costs written inline (`move_paths`, `supply_paths`, `reverse_paths`): asking a
callback for each expanded hex and building a list of its steps was 40 % of an AI game. Every
loop pops hexes by (cost, hex number) and relaxes neighbours in board order with the same
arithmetic, so all of them break ties the same way and results never depend on set or dict order.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Sequence
from collections.abc import Set as AbstractSet

INF = float("inf")

# The steps out of a hex number: (neighbour, what the step costs). A hex it must not be left from
# (say, a zone of control that ends a move) has no steps.
Steps = Callable[[int], Iterable[tuple[int, float]]]
# Per hex number: the hex numbers next to it (Board.nbr).
Neighbours = Sequence[tuple[int, ...]]


def cheapest_paths(
    sources: Iterable[int],
    steps: Steps,
    limit: float = INF,
    margin: float = 0.0,
) -> tuple[dict[int, float], dict[int, int]]:
    """Cheapest cost from the nearest source to every hex number within `limit` (inclusive), and
    each hex's predecessor on that path. A path replaces a known one only when it is cheaper by
    more than `margin`. The costs are in the order hexes were first reached; ties go to the hex
    popped first from the heap, which orders by (cost, hex number), so results never depend on
    set or dict order."""
    cost, heap = _start(sources)
    pred: dict[int, int] = {}
    pop, push, known = heapq.heappop, heapq.heappush, cost.get
    while heap:
        d, h = pop(heap)
        if d > cost[h]:
            continue
        for n, c in steps(h):
            nd = d + c
            if nd <= limit and nd < known(n, INF) - margin:
                cost[n] = nd
                pred[n] = h
                push(heap, (nd, n))
    return cost, pred


def _start(sources: Iterable[int]) -> tuple[dict[int, float], list[tuple[float, int]]]:
    cost: dict[int, float] = {}
    heap: list[tuple[float, int]] = []
    for s in sources:
        if s not in cost:
            cost[s] = 0.0
            heap.append((0.0, s))
    heapq.heapify(heap)
    return cost, heap


def move_paths(
    start: int,
    nbr_in: Neighbours,
    enter: Sequence[float],
    route: tuple[dict[int, float], AbstractSet[int]],
    blocked: AbstractSet[int],
    stop: AbstractSet[int],
    slow: tuple[AbstractSet[int], float],
    limit: float,
    margin: float,
    leave_extra: float,
    goal: int = -1,
) -> tuple[dict[int, float], dict[int, int]]:
    """A unit's move from `start` to the neighbours `nbr_in` gives (open_neighbours: those
    its class can enter, so enter[n] is never None for them): a step into n costs enter[n],
    or the route from h to n
    (route[0][h * len(nbr_in) + n]; route[1]: the
    hexes with any) if cheaper, times slow[1] into the hexes slow[0]; `blocked` hexes are never
    entered; no step leads out of a `stop` hex except the start, and leaving the start when it
    is one costs `leave_extra` more. The result of cheapest_paths with those steps.

    The search stops when it takes the hex number `goal` off the heap: no step costs less than
    nothing, so nothing found later could lower its cost or change its path, and its cost and
    the predecessors back to the start are those of the whole search (other hexes' are not).
    A goal not in the result cannot be reached within `limit`."""
    cost = {start: 0.0}
    heap = [(0.0, start)]
    pred: dict[int, int] = {}
    pop, push, known, route_of = heapq.heappop, heapq.heappush, cost.get, route[0].get
    routed = route[1]
    slow_hexes, slow_factor = slow
    n_hex = len(nbr_in)
    while heap:
        d, h = pop(heap)
        if d > cost[h]:
            continue
        if h == goal:
            break
        if h in stop:
            if h != start:
                continue
            # leaving the start costs more: its steps cost 0.0 + (extra + c), which is exactly
            # extra + c, so they are counted from d = extra
            d = leave_extra
        if h in routed or slow_hexes:
            base = h * n_hex if h in routed else -1
            for n in nbr_in[h]:
                if n in blocked:
                    continue
                c = enter[n]
                if base >= 0:
                    r = route_of(base + n)
                    if r is not None and r < c:
                        c = r
                if slow_hexes and n in slow_hexes:
                    c *= slow_factor
                nd = d + c
                if nd <= limit and nd < known(n, INF) - margin:
                    cost[n] = nd
                    pred[n] = h
                    push(heap, (nd, n))
            continue
        for n in nbr_in[h]:  # the plain case: no routes out of h, no interdiction
            nd = d + enter[n]
            if nd <= limit and nd < known(n, INF) - margin and n not in blocked:
                cost[n] = nd
                pred[n] = h
                push(heap, (nd, n))
    return cost, pred


def supply_paths(
    sources: Iterable[int],
    nbr: Neighbours,
    route: tuple[dict[int, float], AbstractSet[int]],
    cost_of: Sequence[float],
    factor: Sequence[float],
    slowed: bool,
    limit: float,
) -> dict[int, float]:
    """The supply trace: a step into n costs cost_of[n] (INF: closed), or the route's cost from
    h to n (route[0][h * len(nbr) + n]; route[1]: the hexes with any) times factor[n] when
    `slowed`, if cheaper. The costs of cheapest_paths with those steps, in hex-number order.
    Costs are kept in a list by hex number while searching (cheaper to read than a dict)."""
    n_hex = len(nbr)
    best, heap, reached = _start_by_number(n_hex, sources)
    pop, push, route_of, add = heapq.heappop, heapq.heappush, route[0].get, reached.append
    routed = route[1]
    while heap:
        d, h = pop(heap)
        if d > best[h]:
            continue
        if h not in routed:
            for n in nbr[h]:  # the plain case: each step costs what entering its hex costs
                nd = d + cost_of[n]
                if nd <= limit and nd < best[n]:
                    if best[n] == INF:
                        add(n)
                    best[n] = nd
                    push(heap, (nd, n))
            continue
        base = h * n_hex
        for n in nbr[h]:
            c = cost_of[n]
            if c == INF:
                continue
            r = route_of(base + n)
            if r is not None:
                if slowed:
                    r *= factor[n]
                if r < c:
                    c = r
            nd = d + c
            if nd <= limit and nd < best[n]:
                if best[n] == INF:
                    add(n)
                best[n] = nd
                push(heap, (nd, n))
    reached.sort()
    return {i: best[i] for i in reached}


def open_neighbours(
    nbr: Neighbours, enter: Sequence[float | None], closed: AbstractSet[int]
) -> list[tuple[int, ...]]:
    """Per hex number, its neighbours that can be entered and are not `closed` (worked out
    once per board and movement class, for move_paths, and per side, for reverse_paths). A hex
    whose neighbours all are shares the board's own tuple: a list per class on a 256x256 map
    costs half a megabyte, not tens."""
    out: list[tuple[int, ...]] = []
    for ns in nbr:
        ok = tuple(n for n in ns if enter[n] is not None and n not in closed)
        out.append(ns if len(ok) == len(ns) else ok)
    return out


def reverse_paths(
    sources: Iterable[int],
    open_nbr: Neighbours,
    enter: Sequence[float | None],
    route: tuple[dict[int, float], AbstractSet[int]],
    blocked_target_cost: float,
    limit: float,
) -> tuple[list[float], list[int]]:
    """What reaching the nearest source costs from every hex, searching from the sources
    outwards: the step from n into h costs enter[h] (blocked_target_cost where h cannot be
    entered), or the route from n to h (route[0][n * len(nbr) + h]; route[1]: the hexes with
    any) if cheaper; steps start only in `open_nbr[h]` (open_neighbours: no step starts in a
    hex that cannot be entered or is closed). The costs of cheapest_paths with those steps, as
    a list by hex number (INF out of reach: cheaper to read than a dict while searching), and
    the hex numbers reached. A step from a hex without routes costs the same into every
    neighbour, so it is added once."""
    n_hex = len(open_nbr)
    best, heap, reached = _start_by_number(n_hex, sources)
    pop, push, route_of = heapq.heappop, heapq.heappush, route[0].get
    routed = route[1]
    add = reached.append
    while heap:
        d, h = pop(heap)
        if d > best[h]:
            continue
        c_h = enter[h]
        if c_h is None:
            c_h = blocked_target_cost
        if h in routed:
            for n in open_nbr[h]:
                c = c_h
                r = route_of(n * n_hex + h)
                if r is not None and r < c:
                    c = r
                nd = d + c
                if nd <= limit and nd < best[n]:
                    if best[n] == INF:
                        add(n)
                    best[n] = nd
                    push(heap, (nd, n))
            continue
        nd = d + c_h
        if nd > limit:
            continue
        for n in open_nbr[h]:
            if nd < best[n]:
                if best[n] == INF:
                    add(n)
                best[n] = nd
                push(heap, (nd, n))
    return best, reached


def flood(sources: Iterable[int], nbr: Neighbours, passable: Sequence[bool]) -> set[int]:
    """The hex numbers joined to a source through `passable` hexes (the sources included,
    whatever they are): every hex a search from them reaches when distance is no limit."""
    seen = set(sources)
    todo = list(seen)
    pop, push, add = todo.pop, todo.append, seen.add
    while todo:
        for n in nbr[pop()]:
            if n not in seen and passable[n]:
                add(n)
                push(n)
    return seen


def steps_from(sources: Iterable[int], nbr: Neighbours, passable: Sequence[bool]) -> list[int]:
    """Per hex number, the fewest steps from a source through `passable` hexes (breadth first);
    len(nbr) for a hex no source reaches, more than any real count of steps."""
    far = len(nbr)
    steps = [far] * far
    ring: list[int] = []
    for s in sources:
        if steps[s] == far:
            steps[s] = 0
            ring.append(s)
    depth = 0
    while ring:
        depth += 1
        nxt: list[int] = []
        for h in ring:
            for n in nbr[h]:
                if steps[n] == far and passable[n]:
                    steps[n] = depth
                    nxt.append(n)
        ring = nxt
    return steps


def _start_by_number(
    n_hex: int, sources: Iterable[int]
) -> tuple[list[float], list[tuple[float, int]], list[int]]:
    """A search's starting point: every source at cost 0 (each once), the rest out of reach;
    the heap of sources, and the hex numbers reached so far."""
    best = [INF] * n_hex
    heap: list[tuple[float, int]] = []
    reached: list[int] = []
    for s in sources:
        if best[s] == INF:
            best[s] = 0.0
            reached.append(s)
            heap.append((0.0, s))
    heapq.heapify(heap)
    return best, heap, reached

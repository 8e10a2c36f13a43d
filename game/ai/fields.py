"""Distance fields: the movement cost from every hex to a set of target hexes, ignoring units.

One reverse Dijkstra answers "how far is this hex from the objective" for every hex at once, so
scoring hundreds of candidate moves is a dict look-up each. Fields over the static map are cached
per board for the whole game; fields over moving things (enemy units) live for one turn.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable

from game.rules.board import Board
from game.rules.hexes import Hex

INF = float("inf")
Field = dict[Hex, float]

_CACHE: dict[int, tuple[Board, dict[tuple[object, ...], Field]]] = {}


def _board_cache(b: Board) -> dict[tuple[object, ...], Field]:
    hit = _CACHE.get(id(b))
    if hit is not None and hit[0] is b:
        return hit[1]
    if len(_CACHE) >= 8:
        _CACHE.pop(next(iter(_CACHE)))
    fields: dict[tuple[object, ...], Field] = {}
    _CACHE[id(b)] = (b, fields)
    return fields


def compute(b: Board, side: str, move_class: str, bridging: bool, targets: Iterable[Hex]) -> Field:
    """Cost for a unit of this movement class to reach the nearest target from each hex."""
    enter = b.enter[(move_class, bridging)]  # type: ignore[index]
    restricted = b.restricted_hexes[side]
    route = b.route_move
    neighbours = b.neighbours
    dist: Field = {}
    heap: list[tuple[float, int, Hex]] = []
    n = 0
    for t in targets:
        if t in b.coord and t not in dist:
            dist[t] = 0.0
            heap.append((0.0, n, t))
            n += 1
    heapq.heapify(heap)
    while heap:
        d, _, h = heapq.heappop(heap)
        if d > dist[h]:
            continue
        # Step from neighbour nb into h costs what entering h costs from nb.
        c_h = enter.get(h)
        for nb in neighbours[h]:
            if nb in restricted or nb not in enter:
                continue
            c = c_h if c_h is not None else 50.0  # a target the class cannot enter: adjacent
            r = route.get((nb, h))
            if r is not None and r < c:
                c = r
            nd = d + c
            if nd < dist.get(nb, INF):
                dist[nb] = nd
                n += 1
                heapq.heappush(heap, (nd, n, nb))
    return dist


def static_field(
    b: Board, side: str, move_class: str, bridging: bool, targets: tuple[Hex, ...]
) -> Field:
    """A field to fixed targets (objectives, supply sources), cached for the whole game."""
    cache = _board_cache(b)
    key = (side, move_class, bridging, targets)
    hit = cache.get(key)
    if hit is None:
        if len(cache) > 512:
            cache.clear()
        hit = compute(b, side, move_class, bridging, targets)
        cache[key] = hit
    return hit

"""Distance fields: the movement cost from every hex to a set of target hexes, ignoring units.

One reverse Dijkstra answers "how far is this hex from the objective" for every hex at once, so
scoring hundreds of candidate moves is a dict look-up each. Fields over the static map are cached
per board for the whole game; fields over moving things (enemy units) live for one turn.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable

from game.hexes import Hex
from game.rules.board import Board
from game.rules.search import by_hex_number, cheapest_paths

INF = float("inf")
Field = dict[Hex, float]

# Fields over the static map, per board, dropped with the board.
_CACHE: weakref.WeakKeyDictionary[Board, dict[tuple[object, ...], Field]] = (
    weakref.WeakKeyDictionary()
)


def _board_cache(b: Board) -> dict[tuple[object, ...], Field]:
    fields = _CACHE.get(b)
    if fields is None:
        fields = {}
        _CACHE[b] = fields
    return fields


def compute(
    b: Board,
    side: str,
    move_class: str,
    bridging: bool,
    targets: Iterable[Hex],
    bound: float = INF,
) -> Field:
    """Cost for a unit of this movement class to reach the nearest target from each hex (only
    hexes within `bound`). Runs on the board's hex numbers, as the rules' searches do."""
    enter = b.enter_i[(move_class, bridging)]  # type: ignore[index]
    restricted = b.restricted_i[side]
    route = b.route_move_i
    nbr = b.nbr
    n_hex = len(nbr)

    def steps(h: int) -> list[tuple[int, float]]:
        # Stepping from neighbour n into h costs what entering h costs from n (the search runs
        # from the targets outwards).
        c_h = enter[h]
        if c_h is None:
            c_h = 50.0  # a target the class cannot enter: it is enough to stand next to it
        out = []
        for n in nbr[h]:
            if enter[n] is None or n in restricted:
                continue
            c = c_h
            r = route.get(n * n_hex + h)
            if r is not None and r < c:
                c = r
            out.append((n, c))
        return out

    index = b.index
    sources = [index[t] for t in targets if t in index]
    cost = by_hex_number(cheapest_paths(sources, steps, bound)[0])
    hexes = b.hexes
    return {hexes[i]: d for i, d in cost.items()}


def static_field(
    b: Board,
    side: str,
    move_class: str,
    bridging: bool,
    targets: tuple[Hex, ...],
    bound: float = INF,
) -> Field:
    """A field to fixed targets (objectives, supply sources), cached for the whole game; also
    fields to enemy units (bounded: they change every turn), cached while the enemy stands."""
    cache = _board_cache(b)
    key = (side, move_class, bridging, targets, bound)
    hit = cache.get(key)
    if hit is None:
        if len(cache) > 512:
            cache.clear()
        hit = compute(b, side, move_class, bridging, targets, bound)
        cache[key] = hit
    return hit

"""Distance fields: the movement cost from every hex to a set of target hexes, ignoring units.

One reverse Dijkstra answers "how far is this hex from the objective" for every hex at once, so
scoring hundreds of candidate moves is a dict look-up each. Fields over the static map are cached
per board for the whole game; fields over moving things (enemy units) live for one turn.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable

from game.hexes import Hex
from game.rules.ai_api import Board, MoveClass, distances_to

INF = float("inf")
Field = dict[Hex, float]
# What stepping into a target the movement class cannot enter counts for (a river hex without
# a crossing, say): high, so the field leads next to it, where standing is enough.
BLOCKED_TARGET_COST = 50.0
# Fields kept per board: the objectives' and sources' fields are asked for all game, the
# enemy's change every turn, so the least recently used goes first.
FIELDS_KEPT = 512

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
    move_class: MoveClass,
    bridging: bool,
    targets: Iterable[Hex],
    bound: float = INF,
) -> Field:
    """Cost for a unit of this movement class to reach the nearest target from each hex (only
    hexes within `bound`), at the rules' prices over the empty map."""
    return distances_to(b, side, move_class, bridging, targets, bound, BLOCKED_TARGET_COST)


def static_field(
    b: Board,
    side: str,
    move_class: MoveClass,
    bridging: bool,
    targets: tuple[Hex, ...],
    bound: float = INF,
) -> Field:
    """A field to fixed targets (objectives, supply sources), cached for the whole game; also
    fields to enemy units (bounded: they change every turn), cached while the enemy stands."""
    cache = _board_cache(b)
    key = (side, move_class, bridging, targets, bound)
    hit = cache.pop(key, None)
    if hit is None:
        if len(cache) >= FIELDS_KEPT:
            del cache[next(iter(cache))]  # the least recently used
        hit = compute(b, side, move_class, bridging, targets, bound)
    cache[key] = hit  # (again) the most recently used
    return hit

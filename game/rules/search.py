"""The one shortest-path search: movement, the supply trace and the AI's distance fields all run it.

It works on the board's hex numbers (Board.index) because it is the AI's hottest loop. Each caller
says what a step costs through `steps`; the search itself knows nothing of terrain, units or
zones of control, so the three uses cannot drift apart in how they break ties.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable

INF = float("inf")

# The steps out of a hex number: (neighbour, what the step costs). A hex it must not be left from
# (say, a zone of control that ends a move) has no steps.
Steps = Callable[[int], Iterable[tuple[int, float]]]


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
    cost: dict[int, float] = {}
    heap: list[tuple[float, int]] = []
    for s in sources:
        if s not in cost:
            cost[s] = 0.0
            heap.append((0.0, s))
    heapq.heapify(heap)
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


def by_hex_number(cost: dict[int, float]) -> dict[int, float]:
    """The same costs ordered by hex number (map order), for callers that list them."""
    return {i: cost[i] for i in sorted(cost)}

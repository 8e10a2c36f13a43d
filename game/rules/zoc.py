"""Who stands where, and the zones of control they project: derived from a state and cached on it
(a state never changes after apply() returns it, so the cache stays true)."""

from __future__ import annotations

from dataclasses import dataclass

from game.rules.hexes import Hex
from game.rules.state import GameState


@dataclass(frozen=True)
class Occupancy:
    """Active units by hex and side, stacking points, and each side's zone of control."""

    units_at: dict[Hex, tuple[str, ...]]
    side_at: dict[Hex, str]
    stack: dict[Hex, int]
    zoc: dict[str, frozenset[Hex]]  # hexes in the zone of control OF this side
    hexes: dict[str, frozenset[Hex]]  # hexes holding units of this side
    zoc_i: dict[str, frozenset[int]]  # the same by hex number (Board.index)
    hexes_i: dict[str, frozenset[int]]
    stack_i: dict[int, int]


def occupancy(state: GameState) -> Occupancy:
    hit = state.cache.get("occ")
    if isinstance(hit, Occupancy):
        return hit
    b = state.board
    units_at: dict[Hex, list[str]] = {}
    side_at: dict[Hex, str] = {}
    stack: dict[Hex, int] = {}
    zoc: dict[str, set[Hex]] = {s: set() for s in b.sides}
    hexes: dict[str, set[Hex]] = {s: set() for s in b.sides}
    for u in state.units.values():
        if u.status != "active" or u.pos is None:
            continue
        h = u.pos
        units_at.setdefault(h, []).append(u.id)
        side_at[h] = u.side
        t = b.types[u.type]
        stack[h] = stack.get(h, 0) + t.stack
        hexes[u.side].add(h)
        if t.zoc:
            z = zoc[u.side]
            z.add(h)
            z.update(b.neighbours[h])
    ix = b.index
    occ = Occupancy(
        {h: tuple(v) for h, v in units_at.items()},
        side_at,
        stack,
        {s: frozenset(v) for s, v in zoc.items()},
        {s: frozenset(v) for s, v in hexes.items()},
        {s: frozenset(ix[h] for h in v) for s, v in zoc.items()},
        {s: frozenset(ix[h] for h in v) for s, v in hexes.items()},
        {ix[h]: n for h, n in stack.items()},
    )
    state.cache["occ"] = occ
    return occ


def in_enemy_zoc(state: GameState, side: str, h: Hex) -> bool:
    return h in occupancy(state).zoc[state.board.other(side)]

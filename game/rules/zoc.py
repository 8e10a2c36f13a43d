"""Who stands where, and the zones of control they project: derived from a state and cached on it
(a state never changes after apply() returns it, so the cache stays true)."""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from functools import cached_property

from game.hexes import Hex
from game.rules.board import Board
from game.rules.state import GameState


class Occupancy:
    """Active units by hex and side, stacking points, and each side's zone of control.
    The hex-number sets (`*_i`) are built eagerly for the searches; Hex sets on first use."""

    def __init__(
        self,
        board: Board,
        units_at: dict[Hex, tuple[str, ...]],
        side_at: dict[Hex, str],
        stack: dict[Hex, int],
        hexes_i: dict[str, AbstractSet[int]],
        zoc_i: dict[str, AbstractSet[int]],
        stack_i: dict[int, int],
    ) -> None:
        self.board = board
        self.units_at = units_at
        self.side_at = side_at
        self.stack = stack
        self.hexes_i = hexes_i  # hex numbers holding units of this side
        self.zoc_i = zoc_i  # hex numbers in the zone of control OF this side
        self.stack_i = stack_i

    @cached_property
    def hexes(self) -> dict[str, frozenset[Hex]]:
        hexes = self.board.hexes
        return {s: frozenset(hexes[i] for i in v) for s, v in self.hexes_i.items()}

    @cached_property
    def zoc(self) -> dict[str, frozenset[Hex]]:
        hexes = self.board.hexes
        return {s: frozenset(hexes[i] for i in v) for s, v in self.zoc_i.items()}


def occupancy(state: GameState) -> Occupancy:
    hit = state.cache.get("occ")
    if isinstance(hit, Occupancy):
        return hit
    b = state.board
    index, nbr, types = b.index, b.nbr, b.types
    units_at: dict[Hex, list[str]] = {}
    side_at: dict[Hex, str] = {}
    stack: dict[Hex, int] = {}
    zoc: dict[str, set[int]] = {s: set() for s in b.sides}
    hexes: dict[str, set[int]] = {s: set() for s in b.sides}
    for u in state.units.values():
        h = u.pos
        if u.status != "active" or h is None:
            continue
        t = types[u.type]
        if h in units_at:
            units_at[h].append(u.id)
            stack[h] += t.stack
        else:
            units_at[h] = [u.id]
            stack[h] = t.stack
        side_at[h] = u.side
        i = index[h]
        hexes[u.side].add(i)
        if t.zoc:
            z = zoc[u.side]
            z.add(i)
            z.update(nbr[i])
    for side, stop in b.zoc_stop_i.items():
        if stop:  # a zone closed to the side stops its zone of control at the edge
            zoc[side] -= stop
    occ = Occupancy(
        b,
        {h: tuple(v) for h, v in units_at.items()},
        side_at,
        stack,
        dict(hexes),  # plain sets, never changed after this: no copies
        dict(zoc),
        {index[h]: n for h, n in stack.items()},
    )
    state.cache["occ"] = occ
    return occ


def in_enemy_zoc(state: GameState, side: str, h: Hex) -> bool:
    return h in occupancy(state).zoc[state.board.other(side)]

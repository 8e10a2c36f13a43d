"""Fog of war: a side sees its own units, and enemy units within sight of one of its own.
Sight is the unit type's sight_km in hexes (at least one); a hex that blocks sight (hills,
forest, dunes) between the two hides the enemy, and an adjacent enemy is always seen."""

from __future__ import annotations

from game.rules.hexes import Hex
from game.rules.state import GameState, UnitState


def _sees(state: GameState, a: Hex, b_: Hex, reach: int) -> bool:
    d = a.distance(b_)
    if d <= 1:
        return True
    if d > reach:
        return False
    block = state.board.sight_block
    if not block:
        return True
    return not any(h in block for h in a.line_to(b_)[1:-1])


def seen_hexes(state: GameState, side: str) -> frozenset[Hex]:
    """Hexes holding enemy units that `side` can see."""
    key = f"seen:{side}"
    hit = state.cache.get(key)
    if isinstance(hit, frozenset):
        return hit
    b = state.board
    own = [
        (u.pos, b.hexes_for_km(b.types[u.type].sight_km))
        for u in state.units.values()
        if u.active and u.side == side and u.pos is not None
    ]
    out: set[Hex] = set()
    for e in state.units.values():
        if not e.active or e.side == side or e.pos is None or e.pos in out:
            continue
        if any(_sees(state, p, e.pos, r) for p, r in own):
            out.add(e.pos)
    res = frozenset(out)
    state.cache[key] = res
    return res


def visible_units(state: GameState, side: str) -> list[UnitState]:
    """Units `side` may know about: all its own, and enemy units on the map it can see
    (every enemy unit on the map when fog of war is off)."""
    out = []
    seen = seen_hexes(state, side) if state.options.fog else None
    for u in state.units.values():
        if u.side == side:
            out.append(u)
        elif u.active and u.pos is not None and (seen is None or u.pos in seen):
            out.append(u)
    return out

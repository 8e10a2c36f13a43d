"""Fog of war: a side sees its own units, and enemy units within sight of one of its own.
Sight is the unit type's sight_km in hexes (at least one); a hex that blocks sight (hills,
forest, dunes) between the two hides the enemy, and an adjacent enemy is always seen.

With fog on, movement plans around the enemy units a side can see; a move that runs into an
unseen enemy stops short (actions/move.py)."""

from __future__ import annotations

from collections.abc import Set as AbstractSet

from game.hexes import Hex
from game.rules.state import GameState, UnitState
from game.rules.zoc import occupancy


def _clear_line(block: frozenset[Hex], a: Hex, b: Hex) -> bool:
    return not any(h in block for h in a.line_to(b)[1:-1])


def seen_hexes(state: GameState, side: str) -> frozenset[Hex]:
    """Hexes holding enemy units that `side` can see."""
    key = f"seen:{side}"
    hit = state.cache.get(key)
    if isinstance(hit, frozenset):
        return hit
    b = state.board
    occ = occupancy(state)
    enemy_hexes = occ.hexes[b.other(side)]
    block = b.sight_block
    out: set[Hex] = set()
    for u in state.units.values():
        if not u.active or u.side != side or u.pos is None:
            continue
        reach = b.hexes_for_km(b.types[u.type].sight_km)
        p = u.pos
        if (3 * reach * (reach + 1) + 1) < len(enemy_hexes):
            near = [h for h in p.spiral(reach) if h in enemy_hexes]
        else:
            near = [h for h in enemy_hexes if p.distance(h) <= reach]
        for h in near:
            if h not in out and (p.distance(h) <= 1 or not block or _clear_line(block, p, h)):
                out.add(h)
    res = frozenset(out)
    state.cache[key] = res
    return res


def known_enemy(state: GameState, side: str) -> tuple[AbstractSet[int], AbstractSet[int]]:
    """Hex numbers of the enemy units `side` knows of, and of their zones of control: all of
    them without fog of war, the ones it can see with it."""
    occ = occupancy(state)
    enemy = state.board.other(side)
    if not state.options.fog:
        return occ.hexes_i[enemy], occ.zoc_i[enemy]
    key = f"known:{side}"
    hit = state.cache.get(key)
    if hit is not None:
        return hit  # type: ignore[no-any-return]
    b = state.board
    seen = seen_hexes(state, side)
    hexes = frozenset(b.index[h] for h in seen)
    zoc: set[int] = set()
    for h in seen:
        if any(b.types[state.units[uid].type].zoc for uid in occ.units_at[h]):
            i = b.index[h]
            zoc.add(i)
            zoc.update(b.nbr[i])
    res = (hexes, frozenset(zoc))
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

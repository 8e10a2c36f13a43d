"""Checks several commands share: whose unit it is, whether a hex is on the map, whether a gun
can fire at a hex."""

from __future__ import annotations

from game.hexes import Coord, Hex
from game.rules.combat import bombard_range
from game.rules.state import GameState, UnitState
from game.rules.zoc import occupancy


def fmt(c: Coord) -> str:
    """A map position as the dispatches and messages write it."""
    return f"[{c[0]},{c[1]}]"


WHY_NOT_ACTIVE = {
    "active": "is in play",
    "pool": "has not arrived yet",
    "destroyed": "has been destroyed",
    "surrendered": "has surrendered",
    "withdrawn": "has been withdrawn from the front",
}


def own_unit(state: GameState, uid: str, errs: list[str]) -> UnitState | None:
    """The active unit `uid` of the side to move, or None with the reason added to errs."""
    u = state.units.get(uid)
    if u is None:
        errs.append(f"there is no unit '{uid}'")
        return None
    if u.side != state.side:
        errs.append(
            f"{u.name} is {state.board.adjective[u.side]}; "
            f"{state.board.side_name[state.side]} is to move"
        )
        return None
    if u.status != "active":
        errs.append(f"{u.name} {WHY_NOT_ACTIVE[u.status]}")
        return None
    return u


def target_hex(state: GameState, c: Coord, errs: list[str]) -> Hex | None:
    """The hex at map position c, or None with the reason added to errs."""
    h = state.board.hex_at(c)
    if h is None:
        errs.append(f"{fmt(c)} is off the map")
    return h


def unit_and_hex(
    state: GameState, uid: str, c: Coord, errs: list[str]
) -> tuple[UnitState, Hex] | None:
    """The side to move's unit `uid` and the hex at c, or None with the reasons added to errs."""
    u = own_unit(state, uid, errs)
    h = target_hex(state, c, errs)
    return None if u is None or h is None else (u, h)


def unseen_enemy_stop(state: GameState, side: str, p: list[Hex]) -> tuple[list[Hex], str]:
    """Under fog of war a move is planned around the enemy the side could see: the path cut
    where it runs into enemy it could not (short of a unit, or in its zone of control), and
    the words the dispatch adds ("" if it does not)."""
    if not state.options.fog:
        return p, ""
    b = state.board
    occ = occupancy(state)
    enemy = b.other(side)
    for k in range(1, len(p)):
        h = p[k]
        if occ.side_at.get(h) == enemy:
            return p[:k], f" and runs into unseen enemy troops at {b.name_of(h)}"
        if b.index[h] in occ.zoc_i[enemy] and k < len(p) - 1:
            return p[: k + 1], " and runs into unseen enemy troops"
    return p, ""


def sent_unit(state: GameState, uid: str, c: Coord) -> tuple[UnitState, Hex] | list[str]:
    """The side to move's unit `uid` and the hex c it is sent to (by a move or a train), or
    the reasons it cannot be sent there: not its unit, off the map, or already there."""
    errs: list[str] = []
    found = unit_and_hex(state, uid, c, errs)
    if found is None:
        return errs
    u, h = found
    if h == u.pos:
        return [f"{u.name} is already at {fmt(c)}"]
    return u, h


def closed_to_attack(state: GameState, side: str, h: Hex) -> str:
    """Why `side` may not attack or shell hex h (a zone its orders forbid), or ""."""
    b = state.board
    if h not in b.no_attack_hexes[side]:
        return ""
    zone = next(z for z, hexes in b.restricted[side] if z.no_attack and h in hexes)
    return f"{fmt(b.coord[h])} is in {zone.name}, which {b.adjective[side]} troops may not attack"


def fire_reasons(state: GameState, u: UnitState, h: Hex, c: Coord) -> list[str]:
    """Why artillery unit u cannot fire at hex h (map position c) now, or []."""
    rng = bombard_range(state, u)
    assert u.pos is not None
    if rng <= 0:
        return [f"{u.name} has no artillery range"]
    closed = closed_to_attack(state, u.side, h)
    if closed:
        return [closed]
    if u.has_attacked:
        return [f"{u.name} has already fired or fought this turn"]
    d = u.pos.distance(h)
    if d > rng:
        return [f"{u.name} is out of range: {fmt(c)} is {d} hexes away, its range is {rng}"]
    return []

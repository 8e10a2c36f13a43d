"""MoveCommand: a unit moves along its cheapest legal path."""

from __future__ import annotations

import random

from game.rules.actions.common import fmt, sent_unit, unseen_enemy_stop
from game.rules.commands import MoveCommand
from game.rules.movement import MP_DIGITS, cost_without_limit, move_cost, path_hexes
from game.rules.stand import stand_reason
from game.rules.state import GameState, Transaction
from game.rules.zoc import occupancy


def validate(state: GameState, cmd: MoveCommand) -> list[str]:
    found = sent_unit(state, cmd.unit, cmd.to)
    if isinstance(found, list):
        return found
    u, h = found
    if u.has_attacked and state.sides[u.side].doctrine.rigid_orders:
        return [f"{u.name} has attacked this turn and its orders are rigid: it may not move"]
    if u.mp <= 1e-9:
        return [f"{u.name} has no movement points left"]
    why = stand_reason(state, u, h)
    if why:
        return [why]
    if move_cost(state, u, h) is None:
        cost = cost_without_limit(state, u, h)
        if cost is None:
            return [
                f"{fmt(cmd.to)} cannot be reached: enemy units, zones of control, rivers "
                "or impassable ground are in the way"
            ]
        return [f"{u.name} has {u.mp:.1f} movement points left; {fmt(cmd.to)} costs {cost:.1f}"]
    return []


def apply(tx: Transaction, cmd: MoveCommand, old: GameState, rng: random.Random) -> None:
    """Move along the cheapest path, worked out on the state before the move (whose cached
    search validate() has just filled). Under fog of war the path was planned around the enemy
    the side could see; the move stops where it runs into enemy it could not."""
    b = old.board
    u0 = old.units[cmd.unit]
    to = b.hex_at(cmd.to)
    assert to is not None and u0.pos is not None
    cost = move_cost(old, u0, to)
    assert cost is not None
    p = path_hexes(old, u0, to) or [u0.pos, to]
    p, surprise = unseen_enemy_stop(old, u0.side, p)
    to = p[-1]
    stops = bool(surprise) or b.index[to] in occupancy(old).zoc_i[b.other(u0.side)]
    start = u0.pos
    u = tx.unit(cmd.unit)
    u.pos = to
    u.mp = 0.0 if stops else max(0.0, round(u.mp - cost, MP_DIGITS))
    u.moved = True
    u.entrenched = False
    tx.touch()
    if to == start:
        text = f"{u.name} sets out from {b.name_of(start)}{surprise}; it holds its ground."
    else:
        text = f"{u.name} moves from {b.name_of(start)} to {b.name_of(to)}" + (
            f"{surprise}."
            if surprise
            else (" and halts in contact with the enemy." if stops else ".")
        )
    tx.emit("move", text, u.side, tuple(b.coord[h] for h in p))
    for h in p[1:]:
        tx.take_hex(h, u.side, place_too=h == to)

"""RailCommand: a unit goes by train along its side's railways (game/rules/rail.py)."""

from __future__ import annotations

import random

from game.rules.actions.common import fmt, sent_unit, unseen_enemy_stop
from game.rules.commands import RailCommand
from game.rules.rail import entrain_reason, rail_paths, rail_range
from game.rules.stand import stand_reason
from game.rules.state import GameState, Transaction


def validate(state: GameState, cmd: RailCommand) -> list[str]:
    found = sent_unit(state, cmd.unit, cmd.to)
    if isinstance(found, list):
        return found
    u, h = found
    why = entrain_reason(state, u) or stand_reason(state, u, h, check_ground=False)
    if why:
        return [why]
    if h in rail_paths(state, u):
        return []
    if h not in state.board.rail_links:
        return [f"{fmt(cmd.to)} is not on a railway"]
    return [
        f"no train can take {u.name} to {fmt(cmd.to)} this turn: it is more than "
        f"{rail_range(state, u.side)} hexes of open line away, or the enemy holds or watches "
        "the line, or a bridge on it is down"
    ]


def apply(tx: Transaction, cmd: RailCommand, old: GameState, rng: random.Random) -> None:
    """Run along the railway path worked out on the state before the move. Under fog of war
    the train stops where it runs into enemy troops the side could not see."""
    b = old.board
    u0 = old.units[cmd.unit]
    to = b.hex_at(cmd.to)
    assert to is not None and u0.pos is not None
    p, surprise = unseen_enemy_stop(old, u0.side, rail_paths(old, u0)[to])
    start, end = u0.pos, p[-1]
    u = tx.unit(cmd.unit)
    u.pos = end
    u.mp = 0.0
    u.moved = True
    u.entrenched = False
    tx.side(u.side).rail_used += 1
    tx.touch()
    if surprise:
        text = (
            f"{u.name} goes by train from {b.name_of(start)} towards {b.name_of(to)}{surprise}; "
            f"it detrains at {b.name_of(end)}."
        )
    else:
        text = f"{u.name} goes by train from {b.name_of(start)} to {b.name_of(end)}."
    tx.emit("move", text, u.side, tuple(b.coord[h] for h in p))
    for h in p[1:]:
        tx.take_hex(h, u.side, place_too=h == end)

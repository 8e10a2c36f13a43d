"""EntrenchCommand: a unit that has not moved or fought this turn digs in."""

from __future__ import annotations

import random

from game.rules.actions.common import own_unit
from game.rules.commands import EntrenchCommand
from game.rules.state import GameState, Transaction


def validate(state: GameState, cmd: EntrenchCommand) -> list[str]:
    errs: list[str] = []
    u = own_unit(state, cmd.unit, errs)
    if u is None:
        return errs
    if u.entrenched:
        errs.append(f"{u.name} is already entrenched")
    if u.moved:
        errs.append(f"{u.name} has moved this turn and cannot dig in")
    if u.has_attacked:
        errs.append(f"{u.name} has fought this turn and cannot dig in")
    return errs


def apply(tx: Transaction, cmd: EntrenchCommand, old: GameState, rng: random.Random) -> None:
    b = old.board
    u = tx.unit(cmd.unit)
    u.entrenched = True
    u.mp = 0.0
    u.moved = True
    assert u.pos is not None
    tx.emit("entrench", f"{u.name} digs in at {b.name_of(u.pos)}.", u.side, (b.coord[u.pos],))

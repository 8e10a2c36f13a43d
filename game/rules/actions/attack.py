"""AttackCommand: adjacent units attack an enemy hex, artillery in range firing in support."""

from __future__ import annotations

import random

from game.rules import battle
from game.rules.actions.common import closed_to_attack, fire_reasons, fmt, own_unit, target_hex
from game.rules.commands import AttackCommand
from game.rules.state import GameState, Transaction
from game.rules.zoc import occupancy


def validate(state: GameState, cmd: AttackCommand) -> list[str]:
    errs: list[str] = []
    b = state.board
    h = target_hex(state, cmd.target, errs)
    if not cmd.units:
        errs.append("choose at least one unit to attack with")
    if h is None:
        return errs
    if occupancy(state).side_at.get(h) != state.enemy:
        errs.append(f"there is no enemy unit at {fmt(cmd.target)}")
    closed = closed_to_attack(state, state.side, h)
    if closed:
        errs.append(closed)
    seen: set[str] = set()
    for uid in (*cmd.units, *cmd.support):
        if uid in seen:
            errs.append(f"{state.units[uid].name if uid in state.units else uid} is listed twice")
        seen.add(uid)
    for uid in cmd.units:
        u = own_unit(state, uid, errs)
        if u is None:
            continue
        assert u.pos is not None
        if u.has_attacked:
            errs.append(f"{u.name} has already attacked this turn")
        elif u.pos.distance(h) != 1:
            errs.append(f"{u.name} at {fmt(b.coord[u.pos])} is not next to {fmt(cmd.target)}")
        elif b.types[u.type].attack <= 0:
            errs.append(f"{u.name} cannot attack")
    for uid in cmd.support:
        u = own_unit(state, uid, errs)
        if u is not None:
            errs.extend(fire_reasons(state, u, h, cmd.target))
    return errs


def apply(tx: Transaction, cmd: AttackCommand, old: GameState, rng: random.Random) -> None:
    h = old.board.hex_at(cmd.target)
    assert h is not None
    battle.attack(tx, h, list(cmd.units), list(cmd.support), cmd.advance, rng)

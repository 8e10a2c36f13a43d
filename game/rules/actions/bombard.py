"""BombardCommand: artillery fires at an enemy hex within its range."""

from __future__ import annotations

import random

from game.rules import battle
from game.rules.actions.common import fire_reasons, fmt, unit_and_hex
from game.rules.commands import BombardCommand
from game.rules.fog import seen_hexes
from game.rules.state import GameState, Transaction
from game.rules.zoc import occupancy


def validate(state: GameState, cmd: BombardCommand) -> list[str]:
    errs: list[str] = []
    found = unit_and_hex(state, cmd.unit, cmd.target, errs)
    if found is not None:
        u, h = found
        in_sight = not state.options.fog or h in seen_hexes(state, state.side)
        if occupancy(state).side_at.get(h) != state.enemy or not in_sight:
            errs.append(f"there is no enemy unit in sight at {fmt(cmd.target)}")
        errs.extend(fire_reasons(state, u, h, cmd.target))
    return errs


def apply(tx: Transaction, cmd: BombardCommand, old: GameState, rng: random.Random) -> None:
    h = old.board.hex_at(cmd.target)
    assert h is not None
    battle.bombard(tx, cmd.unit, h, rng)

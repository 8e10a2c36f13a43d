"""AirCommand: aircraft fly a support, interdiction or air superiority mission this turn."""

from __future__ import annotations

import random

from game.rules import air
from game.rules.actions.common import target_hex
from game.rules.commands import AirCommand
from game.rules.state import GameState, Transaction


def validate(state: GameState, cmd: AirCommand) -> list[str]:
    errs: list[str] = []
    ss = state.sides[state.side]
    free = ss.aircraft - ss.air_allocated
    if free <= 0:
        errs.append("no aircraft are free this turn")
    elif cmd.aircraft > free:
        errs.append(f"only {free} aircraft are free this turn")
    if cmd.mission in ("support", "interdiction"):
        if cmd.target is None:
            errs.append(f"a {cmd.mission} mission needs a target hex")
        else:
            target_hex(state, cmd.target, errs)
    return errs


def apply(tx: Transaction, cmd: AirCommand, old: GameState, rng: random.Random) -> None:
    ss = old.sides[old.side]
    count = cmd.aircraft or ss.aircraft - ss.air_allocated
    air.fly(tx, cmd.mission, count, cmd.target, rng)

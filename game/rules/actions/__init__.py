"""One handler per command class: how it is validated and how it is applied, registered in one
table. Adding a command means a class in commands.py, a module here and a row in HANDLERS.

Every handler's validate(state, cmd) returns readable reasons the command is illegal ([] if it
may be applied); apply(tx, cmd, old, rng) makes its changes on the transaction, given the state
before the command (whose caches validate() has just filled) and the command's random generator.
engine.validate and engine.apply add what every command shares (game over, events, victory).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from game.rules.actions import air_mission, attack, bombard, end_turn, entrench, move, rail
from game.rules.commands import (
    AirCommand,
    AttackCommand,
    BombardCommand,
    EndTurnCommand,
    EntrenchCommand,
    MoveCommand,
    RailCommand,
)
from game.rules.state import GameState, Transaction

C = TypeVar("C")


@dataclass(frozen=True)
class Handler(Generic[C]):
    """The rules of one command class."""

    validate: Callable[[GameState, C], list[str]]
    apply: Callable[[Transaction, C, GameState, random.Random], None]


HANDLERS: dict[type[Any], Handler[Any]] = {
    MoveCommand: Handler(move.validate, move.apply),
    RailCommand: Handler(rail.validate, rail.apply),
    AttackCommand: Handler(attack.validate, attack.apply),
    BombardCommand: Handler(bombard.validate, bombard.apply),
    AirCommand: Handler(air_mission.validate, air_mission.apply),
    EntrenchCommand: Handler(entrench.validate, entrench.apply),
    EndTurnCommand: Handler(end_turn.validate, end_turn.apply),
}

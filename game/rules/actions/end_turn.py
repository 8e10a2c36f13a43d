"""EndTurnCommand: the side to move is done; the other side moves next, or the next turn begins.
start_side_turn also opens the first side's turn of a new game."""

from __future__ import annotations

import random

from game.rules import air
from game.rules.commands import EndTurnCommand
from game.rules.events import due_arrivals
from game.rules.movement import MP_DIGITS, max_mp
from game.rules.state import GameState, Transaction
from game.rules.supply import update_supply


def validate(state: GameState, cmd: EndTurnCommand) -> list[str]:
    return []


def apply(tx: Transaction, cmd: EndTurnCommand, old: GameState, rng: random.Random) -> None:
    s = tx.state
    b = s.board
    first = s.scenario.calendar.first_side or b.sides[0]
    nxt = b.other(s.side)
    if nxt == first:
        if s.turn >= len(b.turns):
            s.game_over = True
            s.result = {"reason": "calendar"}
            tx.emit("end", "The calendar has run out: the fighting ends.")
            return
        s.turn += 1
        tx.touch()
        air.replacements(tx)
    s.side = nxt
    start_side_turn(tx, nxt, rng)


def start_side_turn(tx: Transaction, side: str, rng: random.Random, effects: bool = True) -> None:
    """A side's turn begins: air missions end, units get their movement points, reinforcements
    arrive and supply is traced (effects=False: traced only, at the start of a game)."""
    s = tx.state
    air.start_of_turn(tx, side)
    if s.sides[side].rail_used:
        tx.side(side).rail_used = 0
    for u in list(s.units.values()):
        if u.side == side and u.active:
            w = tx.unit(u.id)
            w.mp = round(max_mp(s, w), MP_DIGITS)
            w.moved = False
            w.has_attacked = False
        elif u.active and (u.fire_taken or u.overrun_taken):
            w = tx.unit(u.id)  # a new enemy turn: the day's ceilings on its losses start again
            w.fire_taken = w.overrun_taken = 0.0
    due_arrivals(tx, side)
    update_supply(tx, side, rng, effects)
    when = s.date.strftime("%d %B %Y, %H:%M")
    phase = f" ({s.phase})" if s.phase else ""
    tx.emit("turn", f"Turn {s.turn}, {when}{phase}: {s.board.side_name[side]} to move.", side)

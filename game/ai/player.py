"""The computer player: reads the plans, then moves, fights, flies and digs in, one side-turn at
a time, through the same validate/apply as a human.

Deterministic: its only randomness is a generator seeded from the game seed, the turn and the
side, so the same game and seed give the same commands. Under fog of war a player remembers
what its side saw on earlier turns of the game (memory.py); a game resumed from a save starts
with an empty memory.
"""

from __future__ import annotations

import random
import zlib
from dataclasses import dataclass

from game.ai.context import AITurn, is_artillery, is_mobile, prepare
from game.ai.difficulty import Difficulty, level, parse_levels
from game.ai.endgame import in_endgame
from game.ai.fighting import attack_all, bombard_all, candidates, fly_air
from game.ai.maneuver import assign_targets, grab_places, move_units
from game.ai.memory import Memory
from game.ai.plans import ATTACKING, tasks
from game.ai.pockets import break_out, close_rings
from game.ai.rear import guard_sources
from game.ai.trains import ride_trains
from game.rules import Command, EndTurnCommand, EntrenchCommand, GameState, UnitState

DIG_RADIUS = 3  # entrench only within this many hexes of an enemy unit


def turn_rng(state: GameState, side: str) -> random.Random:
    """The AI's generator for one side-turn (no global random, no hash())."""
    return random.Random(state.seed * 1_000_003 + state.turn * 7 + zlib.crc32(side.encode()))


@dataclass
class TurnResult:
    state: GameState  # after the commands, before the end of the turn
    commands: list[Command]  # not including the end of the turn
    refused: int  # commands validate() refused (should stay 0)


class AIPlayer:
    """A computer opponent for one side (or both: it plays whichever side is to move)."""

    def __init__(self, difficulty: str | Difficulty = "normal") -> None:
        """`difficulty`: a level, its name, or levels by side as the command line writes them
        ("soviet=hard,japanese=normal"; see difficulty.parse_levels)."""
        self.by_side: dict[str, Difficulty] = {}
        self.memory: dict[str, Memory] = {}
        if isinstance(difficulty, Difficulty):
            self.diff = difficulty
        else:
            default, named = parse_levels(difficulty)
            self.diff = level(default)
            self.by_side = {side: level(name) for side, name in named.items()}

    def level_for(self, side: str) -> Difficulty:
        """The level this player plays `side` at."""
        return self.by_side.get(side, self.diff)

    def play_turn(self, state: GameState) -> TurnResult:
        """Every command of the side to move, applied in order; ending the turn is left to the
        caller (a front end may want to show the result first)."""
        side = state.side
        ctx = AITurn(state, side, self.level_for(side), turn_rng(state, side), tasks(state, side))
        if state.game_over:
            return TurnResult(state, [], 0)
        memory = self.memory.setdefault(side, Memory())
        ctx.remembered = memory.recall(state, side, ctx.diff.memory_turns)
        prepare(ctx)
        assign_targets(ctx)
        guard_sources(ctx)
        ride_trains(ctx)
        units = _move_order(ctx)
        break_out(ctx)
        close_rings(ctx)
        grab_places(ctx)
        if in_endgame(ctx) and not state.sides[side].doctrine.rigid_orders:
            attack_all(ctx, only_scoring=True)  # (rigid units that attacked could not move on)
        move_units(ctx, units)
        fly_air(ctx, candidates(ctx))
        attack_all(ctx)
        bombard_all(ctx)
        again = [
            u
            for u in units
            if ctx.task(u).posture in ATTACKING and not ctx.state.sides[side].doctrine.rigid_orders
        ]
        if again:
            assign_targets(ctx)
            guard_sources(ctx)
            move_units(ctx, again)
        _dig_in(ctx)
        return TurnResult(ctx.state, ctx.commands, ctx.refused)

    def commands(self, state: GameState) -> list[Command]:
        """The side's whole turn as commands, ending with EndTurnCommand (for a Game session)."""
        r = self.play_turn(state)
        return [*r.commands, EndTurnCommand()]


def _move_order(ctx: AITurn) -> list[UnitState]:
    """Fast attacking units first (they open the way), guns last (they follow the front)."""
    s = ctx.state

    def key(u: UnitState) -> tuple[int, int, int, str]:
        posture = ctx.task(u).posture
        return (
            0 if posture in ATTACKING else 1,
            0 if is_mobile(s, u) else 1,
            1 if is_artillery(s, u) else 0,
            u.id,
        )

    return sorted(ctx.own_units(), key=key)


def _dig_in(ctx: AITurn) -> None:
    """Units that neither moved nor fought dig in where the enemy is near."""
    enemy = sorted(ctx.enemy_hexes())
    if not enemy:
        return
    for u in ctx.own_units():
        u = ctx.state.units[u.id]
        if not u.active or u.entrenched or u.moved or u.has_attacked or u.pos is None:
            continue
        if any(e.distance(u.pos) <= DIG_RADIUS for e in enemy):
            ctx.issue(EntrenchCommand(unit=u.id))

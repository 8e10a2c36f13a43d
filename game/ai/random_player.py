"""A player that moves and attacks at random (legally): the floor any real AI must beat."""

from __future__ import annotations

import random
import zlib

from game.rules import AttackCommand, Command, GameState, MoveCommand, apply, validate
from game.rules.ai_api import occupancy, reachable_hexes


class RandomPlayer:
    """Each unit moves to a random reachable hex half the time, then attacks a random adjacent
    enemy hex alone half the time."""

    def __init__(self, seed_offset: int = 0) -> None:
        self.seed_offset = seed_offset

    def play_turn(self, state: GameState) -> tuple[GameState, list[Command]]:
        side = state.side
        rng = random.Random(
            state.seed * 9_176_723 + state.turn * 13 + zlib.crc32(side.encode()) + self.seed_offset
        )
        cmds: list[Command] = []
        ids = sorted(u.id for u in state.units.values() if u.side == side and u.active)
        rng.shuffle(ids)
        for uid in ids:
            u = state.units[uid]
            if not u.active or rng.random() < 0.5:
                continue
            reach = sorted(reachable_hexes(state, u))
            if not reach:
                continue
            cmd: Command = MoveCommand(unit=uid, to=state.board.coord[rng.choice(reach)])
            if not validate(state, cmd):
                state, _ = apply(state, cmd)
                cmds.append(cmd)
        for uid in ids:
            u = state.units[uid]
            if not u.active or u.pos is None or u.has_attacked or rng.random() < 0.5:
                continue
            occ = occupancy(state)
            enemy = occ.hexes[state.board.other(side)]
            near = sorted(n for n in state.board.neighbours[u.pos] if n in enemy)
            if not near:
                continue
            cmd = AttackCommand(target=state.board.coord[rng.choice(near)], units=(uid,))
            if not validate(state, cmd):
                state, _ = apply(state, cmd)
                cmds.append(cmd)
            if state.game_over:
                break
        return state, cmds

"""Playing a test position (tests/ai/positions/*.toml): the AI's side-turns from the start, with
the other side either standing still or making the moves a test scripts for it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from game.ai import AIPlayer, TurnResult
from game.hexes import Hex, coord
from game.rules import Command, EndTurnCommand, GameState, Options, apply, new_game, validate
from game.rules.supply import linked
from game.scenario import load_scenario
from game.scenario.models import Scenario

POSITIONS = Path(__file__).parent / "positions"
SEED = 5


@cache
def position(name: str) -> Scenario:
    return load_scenario(POSITIONS / f"{name}.toml")


@dataclass
class Turn:
    """One side-turn of the AI: the state it started from and what it did."""

    before: GameState
    result: TurnResult

    @property
    def after(self) -> GameState:
        return self.result.state


def play_position(
    name: str,
    level: str,
    turns: int = 1,
    fog: bool = False,
    replies: Sequence[Sequence[Command]] = (),
) -> list[Turn]:
    """The AI's first `turns` side-turns; between them the other side plays `replies[i]` (or
    nothing) and ends its turn. Every AI command must be legal."""
    state = new_game(position(name), SEED, Options(fog=fog))
    ai = AIPlayer(level)
    out: list[Turn] = []
    for i in range(turns):
        r = ai.play_turn(state)
        assert r.refused == 0, f"{name}: {r.refused} command(s) refused"
        out.append(Turn(state, r))
        state, _ = apply(r.state, EndTurnCommand())
        for cmd in replies[i] if i < len(replies) else ():
            assert validate(state, cmd) == [], cmd
            state, _ = apply(state, cmd)
        if state.game_over:
            break
        state, _ = apply(state, EndTurnCommand())
    return out


def at(state: GameState, col: int, row: int) -> Hex:
    h = state.board.hex_at(coord(col, row))
    assert h is not None
    return h


def unit_hex(state: GameState, uid: str) -> Hex:
    pos = state.units[uid].pos
    assert pos is not None, uid
    return pos


def cut_off(state: GameState, side: str) -> list[str]:
    """Ids of the side's units no path joins to its sources (encircled)."""
    net = linked(state, side)
    return sorted(
        u.id
        for u in state.units.values()
        if u.side == side and u.active and u.pos is not None and u.pos not in net
    )

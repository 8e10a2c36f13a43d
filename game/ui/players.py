"""Which computer player the front ends seat at the sides no human commands."""

from __future__ import annotations

from collections.abc import Callable

from game.ai import AIPlayer
from game.rules import Command, EndTurnCommand, GameState
from game.ui.controller import Player


class QueuedAI:
    """Hands out an AI side-turn one command at a time, so the session applies (and the front
    end shows) each of them exactly as it would a player's."""

    def __init__(self, ai: AIPlayer) -> None:
        self.ai = ai
        self.queue: list[Command] = []
        self.turn: tuple[int, str] | None = None

    def __call__(self, state: GameState) -> Command:
        key = (state.turn, state.side)
        if key != self.turn or not self.queue:
            self.turn = key
            self.queue = list(self.ai.commands(state)) or [EndTurnCommand()]
        return self.queue.pop(0)


def computer_player(difficulty: str = "normal") -> Callable[[], Player]:
    """A factory of computer players, one per side it is asked for. The AI needs nothing else:
    it reads the side, the scenario and the seed from the game state, so the same game and seed
    give the same replies."""
    return lambda: QueuedAI(AIPlayer(difficulty))

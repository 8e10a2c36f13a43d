"""Which computer player the front ends seat at the sides no human commands."""

from __future__ import annotations

from collections.abc import Callable

from game.ai import AIPlayer
from game.rules import Command, EndTurnCommand, GameState
from game.ui.controller import CommandSource


class QueuedAI:
    """Hands out an AI side-turn one command at a time, so the controller applies (and the front
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


def computer_player(difficulty: str = "normal") -> Callable[[], CommandSource]:
    """A factory of computer players at one level (each reads its side and the seed from the
    game state, so the same game and seed give the same replies)."""
    return lambda: QueuedAI(AIPlayer(difficulty))

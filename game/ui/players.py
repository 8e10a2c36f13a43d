"""Which computer player the front ends seat at the sides no human commands."""

from __future__ import annotations

from collections.abc import Callable

from game.ai import AIPlayer
from game.rules import Command, EndTurnCommand, GameState
from game.scenario.models import Scenario
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


def computer_player(scenario: Scenario, difficulty: str = "normal") -> Callable[[str, int], Player]:
    """A factory: (side, seed) -> the computer player for that side (the AI reads the seed
    from the game state, so the same game and seed give the same replies)."""
    return lambda side, seed: QueuedAI(AIPlayer(difficulty))

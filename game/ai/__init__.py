"""Computer players: they read the state and the scenario's AI plans and emit the same commands
a human does, through validate() and apply().

    AIPlayer(difficulty="normal").play_turn(state) -> TurnResult(state, commands, refused)
    AIPlayer(...).commands(state) -> [Command, ..., EndTurnCommand()]
    RandomPlayer().play_turn(state) -> (state, commands)
    LEVELS: easy, normal, hard
"""

from __future__ import annotations

from game.ai.difficulty import LEVELS, Difficulty, level
from game.ai.player import AIPlayer, TurnResult
from game.ai.random_player import RandomPlayer

__all__ = ["LEVELS", "AIPlayer", "Difficulty", "RandomPlayer", "TurnResult", "level"]

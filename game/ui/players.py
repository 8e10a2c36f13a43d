"""Which computer player the front ends seat at the sides no human commands."""

from __future__ import annotations

from collections.abc import Callable

from game.rules import Command, EndTurnCommand, GameState
from game.scenario.models import Scenario
from game.ui.controller import Player


def _passive(state: GameState) -> Command:
    """A side with no computer player simply ends its turns."""
    return EndTurnCommand()


def computer_player(scenario: Scenario, difficulty: str = "normal") -> Callable[[str, int], Player]:
    """A factory: (side, seed) -> the computer player for that side."""
    try:
        from game.ai import create_player
    except ImportError:
        return lambda side, seed: _passive
    return lambda side, seed: create_player(scenario, side, seed, difficulty)

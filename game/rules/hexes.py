"""Hex geometry for the rules; it lives in game/hexes.py because the scenario format uses it too
(and game.scenario must not import game.rules)."""

from __future__ import annotations

from game.hexes import (
    DIRECTION_NAMES,
    Hex,
    offset_distance,
    offset_line,
    round_hex,
)

__all__ = ["DIRECTION_NAMES", "Hex", "offset_distance", "offset_line", "round_hex"]

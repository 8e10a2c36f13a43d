"""Difficulty levels: how well the computer plays, never extra strength for its units.

Easier levels look at fewer moves, attack piecemeal without artillery or air, ignore supply and
encirclement; harder ones concentrate, coordinate fire and air, and aim pincers behind the enemy.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Difficulty:
    name: str
    attack_odds: float  # least odds for an attack by a group in attack posture
    advance_odds: float  # ... in advance posture (push on, fight only when it pays)
    counter_odds: float  # ... for a counter-attack by a holding group
    concentrate: bool  # bring every adjacent unit into one attack
    support: bool  # artillery fires in support and bombards
    air: bool  # fly air missions
    encircle: bool  # fast units aim behind the enemy; avoid being cut off
    supply_care: bool  # keep to hexes in supply
    breadth: int  # candidate hexes scored per unit move (0: all)
    noise: float  # jitter on move scores (sloppiness)


LEVELS: dict[str, Difficulty] = {
    "easy": Difficulty("easy", 1.0, 1.6, 1.6, False, False, False, False, False, 12, 3.0),
    "normal": Difficulty("normal", 1.5, 2.2, 2.0, True, True, True, False, True, 0, 0.3),
    "hard": Difficulty("hard", 1.4, 2.0, 1.8, True, True, True, True, True, 0, 0.05),
}


def level(name: str) -> Difficulty:
    """The named level; raises KeyError with the known names."""
    try:
        return LEVELS[name]
    except KeyError:
        raise KeyError(f"unknown difficulty '{name}'; choose from {', '.join(LEVELS)}") from None

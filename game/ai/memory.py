"""Memory under fog of war: where enemy units were last seen, fading over the turns.

A sighting counts fully on the turn it is made and less each turn after, until after the level's
memory_turns it is forgotten; it is also forgotten when the unit is known destroyed, or when one
of our units stands next to the hex and sees it empty. Remembered units steer the threat map,
hunting and counter-attacks and the answer to raids; attacks go only at enemies in sight.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.hexes import Hex
from game.rules import GameState
from game.rules.ai_api import occupancy, seen_hexes


@dataclass
class Memory:
    """One side's sightings in one game (a new game, or a turn played again, starts afresh)."""

    game: tuple[str, int] | None = None
    last_turn: int = -1
    seen: dict[str, tuple[Hex, int]] = field(default_factory=dict)  # unit id -> (hex, turn)

    def recall(self, state: GameState, side: str, turns: int) -> dict[str, tuple[Hex, float]]:
        """Note what is in sight now; return the enemy units remembered but not in sight, each
        with where it was last seen and how much that still counts (1 seen now .. 0 forgotten)."""
        game = (state.scenario.meta.id, state.seed)
        if game != self.game or state.turn <= self.last_turn:
            self.game, self.seen = game, {}
        self.last_turn = state.turn
        if not state.options.fog or turns <= 0:
            return {}
        enemy = state.board.other(side)
        visible = seen_hexes(state, side)
        for u in state.units.values():
            if u.side == enemy and u.active and u.pos in visible:
                self.seen[u.id] = (u.pos, state.turn)
        own = occupancy(state).hexes[side]
        out: dict[str, tuple[Hex, float]] = {}
        for uid, (h, turn) in sorted(self.seen.items()):
            unit = state.units.get(uid)
            age = state.turn - turn
            in_view = h in own or any(n in own for n in state.board.neighbours[h])
            if unit is None or not unit.active or age >= turns or (age and in_view):
                del self.seen[uid]
                continue
            if age:
                out[uid] = (h, 1.0 - age / turns)
        return out

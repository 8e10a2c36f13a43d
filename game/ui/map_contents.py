"""What both map views draw on a hex: the terrain's glyph and the stack of units, in the
order the counters are drawn. The terminal map and the window share it, so they agree."""

from __future__ import annotations

from game.hexes import Hex
from game.rules.state import GameState, UnitState

STACK_WEIGHT_TANK = 20  # a stack shows its strongest unit on top: a tank counts as 20 men
STACK_WEIGHT_GUN = 10  # and a gun as 10


def stacks(state: GameState, visible: set[str] | None) -> dict[Hex, list[UnitState]]:
    """Units on the map per hex, in a stable order (strongest first)."""
    out: dict[Hex, list[UnitState]] = {}
    for u in state.units.values():
        if not u.active or u.pos is None:
            continue
        if visible is not None and u.id not in visible:
            continue
        out.setdefault(u.pos, []).append(u)
    for units in out.values():
        units.sort(key=lambda u: (-strength(u), u.id))
    return out


def strength(u: UnitState) -> int:
    """How strong a unit looks on the map, to put the strongest counter of a stack on top."""
    return u.men + STACK_WEIGHT_TANK * u.tanks + STACK_WEIGHT_GUN * u.guns


def glyph_of(state: GameState, terrain_id: str) -> str:
    """The terrain's own glyph, else the character the map's legend uses for it."""
    t = state.scenario.terrain.get(terrain_id)
    if t is not None and t.glyph:
        return t.glyph
    for ch, tid in state.scenario.map.legend.items():
        if tid == terrain_id:
            return ch
    return "?"

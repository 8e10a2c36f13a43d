"""What the player's side may know under fog of war, for what the front ends say: which
dispatches of the enemy it would have heard of, and which hexes it knows the holder of.

The rules decide what a side sees (game.rules.visible_units); this module only applies it to the
dispatch log and to hex details. A side knows the hexes where its units stand, the hexes next to
them (an adjacent enemy is always seen) and the hexes of the enemy units it sees.
"""

from __future__ import annotations

from collections.abc import Iterable

from game.hexes import Hex
from game.rules import GameEvent, GameState

# Dispatches of the enemy that tell no secret: the calendar, scenario events, places changing
# hands (every player sees who holds the places), the result.
PUBLIC_KINDS = frozenset(
    {"start", "turn", "event", "message", "end", "victory", "capture", "doctrine", "withdraw"}
)


def hexes_in_view(state: GameState, viewer: str, visible: set[str]) -> frozenset[Hex]:
    """The hexes `viewer` knows about now (`visible`: the unit ids it sees)."""
    out: set[Hex] = set()
    for u in state.units.values():
        if not u.active or u.pos is None:
            continue
        if u.side == viewer:
            out.add(u.pos)
            out.update(u.pos.neighbours())
        elif u.id in visible:
            out.add(u.pos)
    return frozenset(out)


def event_known(state: GameState, viewer: str, in_view: frozenset[Hex], event: GameEvent) -> bool:
    """Whether the viewer's side would know of this dispatch: its own, a public one, one that
    changed its units, or one that took place where it can see."""
    if event.side in ("", viewer) or event.kind in PUBLIC_KINDS:
        return True
    if any(state.units[uid].side == viewer for uid, *_ in event.changes if uid in state.units):
        return True
    return any(Hex.from_offset(*c) in in_view for c in event.hexes)


def known_events(
    state: GameState, viewer: str, visible: set[str] | None, events: Iterable[GameEvent]
) -> list[GameEvent]:
    """The events the viewer may read (all of them when `visible` is None: no fog)."""
    if visible is None:
        return list(events)
    in_view = hexes_in_view(state, viewer, visible)
    return [e for e in events if event_known(state, viewer, in_view, e)]

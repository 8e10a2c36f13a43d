"""May this unit stand in that hex? One answer for moves, retreats, arrivals and the AI.

A unit may stand where its movement class can enter the ground (a river hex needs a bridge, or a
ford for foot and horse), outside the zones its side may not enter, where no enemy unit stands,
and where its friends leave room under the stacking limit.
"""

from __future__ import annotations

from game.hexes import Hex
from game.rules.fog import known_enemy
from game.rules.state import GameState, UnitState
from game.rules.zoc import occupancy


def stand_reason(
    state: GameState,
    unit: UnitState,
    h: Hex,
    *,
    as_known: bool = True,
    extra_stack: int = 0,
    check_ground: bool = True,
) -> str:
    """Why `unit` may not stand in `h`, or '' if it may.

    as_known: judge enemy units as the unit's side knows them (fog of war, for a player's
    orders); False judges them as they really stand (retreats, arrivals).
    extra_stack: stacking points already promised to the hex (units retreating into it).
    check_ground: False lets a unit stand on ground its class cannot enter (a reinforcement
    arriving at its own river hex)."""
    b = state.board
    t = b.types[unit.type]
    i = b.index.get(h)
    side = unit.side
    # asked tens of thousands of times a game (the AI's candidate hexes, every retreat): the
    # lists and sets by hex number, not Board.enter's Mapping or the Hex sets
    if check_ground and (i is None or b.enter_i[(t.move_class, t.bridging)][i] is None):
        return _ground_reason(state, unit, h)
    if i is None or i in b.restricted_i[side]:
        if h in b.restricted_hexes[side]:
            zone = next(z for z, hexes in b.restricted[side] if h in hexes)
            return f"{b.adjective[side]} units may not enter the zone {zone.name}"
    occ = occupancy(state)
    holder = occ.side_at.get(h)
    if as_known:
        enemy_here = i is not None and i in known_enemy(state, side)[0]
    else:
        enemy_here = holder is not None and holder != side
    if enemy_here:
        return f"{_at(state, h)} is held by the enemy"
    have = extra_stack
    if holder == side and unit.pos != h:
        have += occ.stack.get(h, 0)
    limit = state.scenario.map.stacking
    if have + t.stack > limit:
        return f"{_at(state, h)} would hold {have + t.stack} stacking points; the limit is {limit}"
    return ""


def _at(state: GameState, h: Hex) -> str:
    c = state.board.coord[h]
    return f"[{c[0]},{c[1]}]"


def _ground_reason(state: GameState, unit: UnitState, h: Hex) -> str:
    b = state.board
    at = _at(state, h)
    t = b.types[unit.type]
    terrain = b.terrain[h]
    if terrain.river and t.move_class in terrain.move_cost:
        if b.crossing.get(h) == "ford":
            return f"{at} is a river hex with only a ford, which carries foot and horse"
        return f"{at} is a river hex with no bridge or ford"
    return f"{terrain.name} at {at} cannot be entered by {t.move_class} units"

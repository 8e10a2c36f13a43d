"""Playing for the score: the scenario is scored on its last turn (places held, zones cleared),
so a player who knows when the game ends fights differently in its last turns, and puts its
strength where the points are.

Used by hard only (Difficulty.endgame_turns, value_first); normal plays the plans as written.
"""

from __future__ import annotations

from game.ai.context import AITurn
from game.ai.fields import INF, static_field
from game.hexes import Hex
from game.rules import GameState
from game.rules.ai_api import max_mp, occupancy

# The most valuable open objective leads an attack when it is worth this many times the first
# one of the plan (the plan's order stands between objectives of like value).
LEAD_VALUE_FACTOR = 2.0
ENDGAME_ODDS = 0.8  # least odds of an attack on ground that scores, in the last turns
REACH_SLACK = 1  # turns beyond the last one in which an enemy arrival still counts


def turns_left(state: GameState) -> int:
    """Turns still to come after this one (0 on the last turn of the calendar)."""
    return max(0, len(state.board.turns) - state.turn)


def in_endgame(ctx: AITurn) -> bool:
    """The last turns of the side that must gain points, in which ground counts more than men
    (the other side stands on what it holds; its counter-attacks keep their usual odds)."""
    s = ctx.state
    return (
        ctx.diff.endgame_turns > 0
        and ctx.side == s.scenario.victory.score_side
        and turns_left(s) < ctx.diff.endgame_turns
    )


def hex_value(state: GameState, h: Hex) -> float:
    """Victory points of the place in hex h (0 for a hex without one)."""
    place = state.board.place_at.get(h)
    return float(place.vp) if place is not None else 0.0


def scored_zone(ctx: AITurn, side: str) -> frozenset[Hex]:
    """Hexes of the zones `side` scores for clearing of its enemy."""
    s = ctx.state
    out: set[Hex] = set()
    for z in s.scenario.victory.zones:
        if z.side == side:
            out |= s.board.zones.get(z.zone, frozenset())
    return frozenset(out)


def scoring_targets(ctx: AITurn) -> frozenset[Hex]:
    """Enemy-held hexes whose taking changes the score: places of value, and any enemy hex
    inside a zone this side scores for clearing."""
    s = ctx.state
    zones = scored_zone(ctx, ctx.side)
    return frozenset(
        h for h in occupancy(s).hexes[ctx.enemy] if h in zones or hex_value(s, h) > 0.0
    )


def lead_objective(state: GameState, open_: list[Hex]) -> list[Hex]:
    """The open objectives with the most valuable first when it far outweighs the plan's first
    (the fast units of an attack go to the first: the decisive place, not a way station)."""
    if len(open_) < 2:
        return open_
    best = max(open_, key=lambda h: hex_value(state, h))  # the first of equals
    if hex_value(state, best) < LEAD_VALUE_FACTOR * max(hex_value(state, open_[0]), 1.0):
        return open_
    return [best, *(h for h in open_ if h != best)]


def final_turn_last_mover(ctx: AITurn) -> bool:
    """This is the last side-turn of the game: nothing the enemy could do follows it."""
    s = ctx.state
    first = s.scenario.calendar.first_side or s.board.sides[0]
    return ctx.diff.endgame_turns > 0 and turns_left(s) == 0 and ctx.side != first


def threatened(ctx: AITurn, objectives: tuple[Hex, ...]) -> tuple[Hex, ...]:
    """The objectives worth holding for the score: places of value some enemy unit in sight can
    reach before the game ends, and every objective without a value (a way point). A place the
    enemy cannot get to scores without a garrison; its troops count for more where he can. All
    of them when none is in reach."""
    s = ctx.state
    b = s.board
    left = turns_left(s) + REACH_SLACK
    occ = occupancy(s)
    enemy = [s.units[x] for h in sorted(ctx.enemy_hexes()) for x in occ.units_at.get(h, ())]

    def reached(h: Hex) -> bool:
        for u in enemy:
            t = b.types[u.type]
            if t.attack <= 0 or u.pos is None:
                continue
            dist = static_field(b, ctx.enemy, t.move_class, t.bridging, (h,)).get(u.pos, INF)
            if dist <= left * max(max_mp(s, u), 0.1):
                return True
        return False

    valued = [h for h in objectives if hex_value(s, h) > 0.0]
    keep = {h for h in valued if reached(h)}
    if not keep:
        return objectives
    return tuple(h for h in objectives if h in keep or hex_value(s, h) <= 0.0)

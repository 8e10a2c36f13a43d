"""The rear: enemy units that reach our supply sources (a cavalry raid round the front, as the
Japanese made to the Soviet supply edge in 1939) are answered by the nearest units not needed
at the front, before they cut the lines every other unit lives on."""

from __future__ import annotations

from game.ai.context import AITurn, is_artillery
from game.ai.fields import INF, static_field
from game.ai.plans import ATTACKING
from game.hexes import Hex
from game.rules import UnitState
from game.rules.ai_api import attack_value, defence_value, occupancy

RAID_RADIUS = 1  # an enemy unit this near one of our sources (on it or next to it) is a raid
FRONT_RADIUS = 3  # units this near another enemy unit are holding the front: not sent back
RAID_ODDS = 2.0  # units are sent until their attack is this many times the raider's defence
RAID_MOST = 3  # more enemy hexes than this near our sources are the front itself, not a raid


def raiders(ctx: AITurn) -> list[Hex]:
    """Enemy-held hexes (seen or remembered) near our supply sources; none if there are so many
    that our sources are at the front (1945: the Soviet railheads at the border)."""
    sources = frozenset(ctx.state.board.sources[ctx.side])
    if not sources:
        return []
    out = []
    near = ctx.state.board.within  # the map's hexes of the disc (sources lie on the map)
    for e in sorted(ctx.suspected()):
        if any(h in sources for h in near(e, RAID_RADIUS)):
            out.append(e)
    return out if len(out) <= RAID_MOST else []


def _spare(ctx: AITurn, u: UnitState, front: list[Hex]) -> bool:
    """A unit that may leave what it is doing to chase a raider."""
    if u.pos is None or is_artillery(ctx.state, u) or u.id in ctx.placed:
        return False
    if ctx.state.board.types[u.type].attack <= 0:
        return False
    if ctx.task(u).posture in ATTACKING | {"withdraw", "delay"}:
        return False  # an attack under way deals with the enemy its own way
    # Garrisons too: one far from the enemy's front guards nothing the raider does not threaten.
    return not any(u.pos.distance(e) <= FRONT_RADIUS for e in front)


def guard_sources(ctx: AITurn) -> None:
    """Send the nearest spare units (by movement cost) at each raider until their attack is
    RAID_ODDS times its defence, however far they must go; once it is gone they take up their
    own tasks again (targets are shared out afresh every turn)."""
    if not ctx.diff.guard_rear:
        return
    found = raiders(ctx)
    if not found:
        return
    s = ctx.state
    b = s.board
    occ = occupancy(s)
    front = [e for e in ctx.suspected() if e not in found]
    sent: set[str] = set()
    for r in found:
        held = occ.units_at.get(r, ())
        need = RAID_ODDS * sum(defence_value(s, s.units[x]) for x in held) if held else 1.0
        pool = []
        for u in ctx.own_units():
            if u.id in sent or not _spare(ctx, u, front):
                continue
            t = b.types[u.type]
            fld = static_field(b, ctx.side, t.move_class, t.bridging, (r,))
            d = fld.get(u.pos, INF) if u.pos is not None else INF
            if d < INF:
                pool.append((d / max(u.mp, 0.1), u.id, u))
        got = 0.0
        for _, _, u in sorted(pool, key=lambda x: (x[0], x[1])):
            if got >= need:
                break
            ctx.hunting.pop(u.id, None)
            ctx.targets[u.id] = (r,)
            sent.add(u.id)
            got += attack_value(s, u)

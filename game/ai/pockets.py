"""Pockets, both ways: closing a ring round the enemy that has one hex still open, and breaking
out of a ring round our own units towards our lines instead of waiting to give up.

The chosen ring-closing move is tried with the rules themselves (apply the move, trace the
enemy's link to its sources), so the AI only closes what really closes.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet

from game.ai.context import AITurn, is_artillery
from game.ai.fields import INF, static_field
from game.ai.plans import HOLDING
from game.hexes import Hex
from game.rules import AttackCommand, GameState, MoveCommand, UnitState, apply, validate
from game.rules.ai_api import (
    linked_hexes,
    occupancy,
    reachable_hexes,
    stand_reason,
    strengths,
)

RING_RADIUS = 6  # gaps are looked for this near a known enemy unit
RING_GAP_OPEN = 4  # a gap: a hex of the enemy's link with at most this many open neighbours
RING_GAP_OURS = 2  # ... and at least this many of them ours (a gap between our units)
FLOOD_REACH = 10  # a ring is judged closed only if the enemy inside cannot get this far out
BREAKOUT_ODDS = 0.5  # a ring hex is attacked from inside at these odds or better
BREAKOUT_UNITS_MOST = 12  # trapped units looked at per turn


def _cut_off_men(ctx: AITurn, state_after: GameState) -> int:
    """Men of known enemy units with no link to their sources in a state."""
    net = linked_hexes(state_after, ctx.enemy)
    known = ctx.enemy_hexes()
    return sum(
        u.men
        for u in state_after.units.values()
        if u.side == ctx.enemy and u.active and u.pos in known and u.pos not in net
    )


def _gaps(ctx: AITurn) -> list[Hex]:
    """Narrow hexes of the enemy's link to its sources near enemy units (few neighbours still
    open to him: our units, zones of control, lakes or the map's edge close the rest), those
    most closed by our units first, then the narrowest: the last ways out of a ring, the passes
    a supply line runs through."""
    s = ctx.state
    b = s.board
    occ = occupancy(s)
    ours = occ.hexes[ctx.side] | occ.zoc[ctx.side]
    theirs = occ.hexes[ctx.enemy]
    enemy = sorted(ctx.enemy_hexes())
    net = linked_hexes(s, ctx.enemy)
    touching = {n for h in ours for n in b.neighbours[h] if n not in ours}
    scored: list[tuple[int, int, int, Hex]] = []
    for h in touching:
        if h in theirs or h not in net:
            continue
        by_us = sum(1 for n in b.neighbours[h] if n in ours)
        open_ = sum(1 for n in b.neighbours[h] if n in net and n not in ours)
        if by_us < RING_GAP_OURS or open_ > RING_GAP_OPEN:
            continue
        d = min((h.distance(e) for e in enemy), default=RING_RADIUS + 1)
        if d <= RING_RADIUS:
            scored.append((-by_us, open_, d, h))
    scored.sort()
    return [x[-1] for x in scored]


def _free_for_ring(ctx: AITurn, u: UnitState) -> bool:
    if not u.active or u.pos is None or u.mp <= 1e-9 or u.has_attacked:
        return False
    if is_artillery(ctx.state, u) or u.id in ctx.placed:
        return False
    task = ctx.task(u)
    return not (task.posture in HOLDING and u.pos in task.objectives)


def _stays_linked(
    ctx: AITurn, net: frozenset[Hex], closed: AbstractSet[Hex], start: Hex, sources: frozenset[Hex]
) -> bool:
    """Whether an enemy unit at `start` keeps a way out with more hexes closed: a flood over
    his present link (closing only ever shrinks it) that gets out of the ring once it reaches
    one of his `sources` or ground FLOOD_REACH hexes from where it started."""
    return _flood_out(ctx, net, closed, start, sources)[0]


def _flood_out(
    ctx: AITurn, net: frozenset[Hex], closed: AbstractSet[Hex], start: Hex, sources: frozenset[Hex]
) -> tuple[bool, list[Hex]]:
    """_stays_linked, and the hexes its flood took in turn."""
    b = ctx.state.board
    todo = [start]
    seen = {start}
    taken: list[Hex] = []
    while todo:
        h = todo.pop()
        taken.append(h)
        if h.distance(start) >= FLOOD_REACH or h in sources:
            return True, taken
        for n in b.neighbours[h]:
            if n in net and n not in seen and n not in closed:
                seen.add(n)
                todo.append(n)
    return False, taken


class _WaysOut:
    """_stays_linked for the enemy units round several gaps, each flooded once with nothing
    closed: a unit with no way out then has none with more closed, and one whose flood took
    none of the hexes a gap closes takes the very same hexes in the same order with them
    closed (they are only left off the stack), so it gets out the same way. Only the others
    are flooded again."""

    def __init__(self, ctx: AITurn, net: frozenset[Hex], sources: frozenset[Hex]) -> None:
        self.ctx, self.net, self.sources = ctx, net, sources
        self.free: dict[Hex, tuple[bool, frozenset[Hex]]] = {}

    def stays(self, closed: AbstractSet[Hex], start: Hex) -> bool:
        run = self.free.get(start)
        if run is None:
            out, taken = _flood_out(self.ctx, self.net, frozenset(), start, self.sources)
            run = self.free[start] = (out, frozenset(taken))
        if not run[0]:
            return False
        if run[1].isdisjoint(closed):
            return True
        return _stays_linked(self.ctx, self.net, closed, start, self.sources)


def _closing(ctx: AITurn, gap: Hex) -> set[Hex]:
    """The hexes a unit of ours standing in `gap` closes to the enemy's supply: the hex and its
    neighbours without an enemy unit (its zone of control; the rules' trace checks the rest)."""
    b = ctx.state.board
    enemy_at = occupancy(ctx.state).hexes[ctx.enemy]
    return {gap} | {n for n in b.neighbours[gap] if n not in enemy_at}


def close_rings(ctx: AITurn) -> None:
    """Move a unit into the gap whose closing cuts off the most enemy men: the level's first
    few gaps are weighed by a flood over the enemy's link, the best one a unit can reach is
    then tried with the rules (apply the move, trace his link) before it is made. One gap a
    turn."""
    if not ctx.diff.ring_trials or not ctx.enemy_hexes():
        return
    s = ctx.state
    if s.sides[ctx.side].doctrine.rigid_orders:
        return  # a rigid army does what its plans say: no rings closed on a unit's initiative
    gaps = _gaps(ctx)
    if not gaps:
        return
    net = linked_hexes(s, ctx.enemy)
    known = [x for x in s.units.values() if x.side == ctx.enemy and x.active]
    known = [x for x in known if x.pos in ctx.enemy_hexes()]
    trials = ctx.diff.ring_trials  # gaps weighed
    best: tuple[int, float, str, Hex] | None = None
    free = [u for u in ctx.own_units() if _free_for_ring(ctx, u)]
    reaches: dict[str, dict[Hex, float]] = {}
    ways = _WaysOut(ctx, net, frozenset(s.board.sources[ctx.enemy]))
    for gap in gaps[:trials]:
        near = [x for x in known if x.pos is not None and x.pos.distance(gap) <= RING_RADIUS]
        closed = _closing(ctx, gap)
        gain = sum(x.men for x in near if x.pos in net and not ways.stays(closed, x.pos))
        if gain <= 0:
            continue
        for u in free:
            if u.pos is None or u.pos.distance(gap) > u.mp + 1:
                continue
            if u.id not in reaches:
                reaches[u.id] = reachable_hexes(s, u)
            reach = reaches[u.id]
            if gap not in reach or stand_reason(s, u, gap):
                continue
            key = (gain, -reach[gap], u.id, gap)
            if best is None or key > best:
                best = key
    if best is None:
        return
    _, _, uid, gap = best
    cmd = MoveCommand(unit=uid, to=s.board.coord[gap])
    if validate(s, cmd):
        return
    after, _ = apply(s, cmd)
    if _cut_off_men(ctx, after) > _cut_off_men(ctx, s) and ctx.issue(cmd):
        ctx.placed.add(uid)


def _toward_home(ctx: AITurn, u: UnitState) -> dict[Hex, float]:
    b = ctx.state.board
    t = b.types[u.type]
    return static_field(b, ctx.side, t.move_class, t.bridging, tuple(b.sources[ctx.side]))


def break_out(ctx: AITurn) -> None:
    """Units in a pocket move out through any gap to hexes linked to our sources; those that
    cannot, attack together the weakest adjacent ring hex on the way home."""
    if not ctx.diff.break_out:
        return
    s = ctx.state
    if s.sides[ctx.side].doctrine.stands_fast:
        return  # doctrine: a pocket fights where it stands (the Japanese of 1939)
    net = linked_hexes(s, ctx.side)
    trapped = [u for u in ctx.own_units() if u.pos is not None and u.pos not in net]
    if not trapped:
        return
    stuck: list[UnitState] = []
    for u in trapped[:BREAKOUT_UNITS_MOST]:
        if u.mp <= 1e-9 or u.has_attacked:
            continue
        home = _toward_home(ctx, u)
        out = [h for h in reachable_hexes(ctx.state, u) if h in net]
        out = [h for h in out if not stand_reason(ctx.state, u, h)]
        if out:
            to = min(out, key=lambda h: (home.get(h, INF), h))
            if ctx.issue(MoveCommand(unit=u.id, to=ctx.state.board.coord[to])):
                ctx.placed.add(u.id)
                continue
        stuck.append(u)
    _attack_ring(ctx, stuck)


def _attack_ring(ctx: AITurn, stuck: list[UnitState]) -> None:
    """The trapped units next to the ring attack, all together, the adjacent enemy hex with
    the best odds, the one nearer home breaking ties."""
    s = ctx.state
    b = s.board
    occ = occupancy(s)
    enemy = ctx.enemy_hexes()
    by_target: dict[Hex, list[str]] = {}
    for u in stuck:
        if u.pos is None or b.types[u.type].attack <= 0:
            continue
        for n in b.neighbours[u.pos]:
            if n in enemy and n not in b.no_attack_hexes[ctx.side]:
                by_target.setdefault(n, []).append(u.id)
    if not by_target:
        for u in stuck:
            ctx.targets[u.id] = tuple(b.sources[ctx.side])
        return
    home = _toward_home(ctx, stuck[0])
    best: tuple[float, float, Hex] | None = None
    for h, ids in by_target.items():
        if not occ.units_at.get(h):
            continue
        ratio = strengths(s, h, sorted(ids), []).ratio
        key = (ratio, -home.get(h, INF), h)
        if best is None or key > best:
            best = key
    if best is None or best[0] < BREAKOUT_ODDS:
        return
    target = best[2]
    attackers = tuple(sorted(by_target[target]))
    if ctx.issue(AttackCommand(target=b.coord[target], units=attackers, advance=True)):
        ctx.placed.update(attackers)

"""Pockets, both ways: closing a ring round the enemy that has one hex still open, and breaking
out of a ring round our own units towards our lines instead of waiting to give up.

A candidate ring-closing move is tried with the rules themselves (apply the move, trace the
enemy's link to its sources), so the AI only closes what really closes.
"""

from __future__ import annotations

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
    enemy = sorted(ctx.enemy_hexes())
    net = linked_hexes(s, ctx.enemy)
    near: set[Hex] = set()
    for e in enemy:
        near.update(h for h in e.spiral(RING_RADIUS) if h in b.coord)
    scored: list[tuple[int, int, int, Hex]] = []
    for h in near:
        if h in ours or h in occ.hexes[ctx.enemy] or h not in net:
            continue
        open_ = sum(1 for n in b.neighbours[h] if n in net and n not in ours)
        if open_ <= RING_GAP_OPEN:
            by_us = sum(1 for n in b.neighbours[h] if n in ours)
            scored.append((-by_us, open_, min(h.distance(e) for e in enemy), h))
    scored.sort()
    return [x[-1] for x in scored]


def _free_for_ring(ctx: AITurn, u: UnitState) -> bool:
    if not u.active or u.pos is None or u.mp <= 1e-9 or u.has_attacked:
        return False
    if is_artillery(ctx.state, u) or u.id in ctx.placed:
        return False
    task = ctx.task(u)
    return not (task.posture in HOLDING and u.pos in task.objectives)


def close_rings(ctx: AITurn) -> None:
    """Move a unit into the gap whose closing cuts off the most enemy men (tried with the
    rules), one gap after another while trials last."""
    if not ctx.diff.ring_trials or not ctx.enemy_hexes():
        return
    trials = ctx.diff.ring_trials
    while trials > 0 and not ctx.state.game_over:
        s = ctx.state
        before = _cut_off_men(ctx, s)
        best: tuple[int, float, str, Hex] | None = None
        free = [u for u in ctx.own_units() if _free_for_ring(ctx, u)]
        reaches: dict[str, dict[Hex, float]] = {}
        for gap in _gaps(ctx):
            for u in free:
                if trials <= 0 or u.pos is None or u.pos.distance(gap) > u.mp + 1:
                    continue
                if u.id not in reaches:
                    reaches[u.id] = reachable_hexes(s, u)
                reach = reaches[u.id]
                if gap not in reach or stand_reason(s, u, gap):
                    continue
                trials -= 1
                cmd = MoveCommand(unit=u.id, to=s.board.coord[gap])
                if validate(s, cmd):
                    continue
                after, _ = apply(s, cmd)
                gain = _cut_off_men(ctx, after) - before
                key = (gain, -reach[gap], u.id, gap)
                if gain > 0 and (best is None or key > best):
                    best = key
        if best is None:
            return
        _, _, uid, gap = best
        if ctx.issue(MoveCommand(unit=uid, to=s.board.coord[gap])):
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

"""Playing for a zone: where a scenario scores a zone cleared of the enemy, one enemy unit left
anywhere in it on the last turn decides its points.

- The side that scores hunts stragglers: units that broke out the wrong way or wandered behind
  the front stand where no one is fighting, and the attacking groups are busy with their
  objectives and the pockets. In the last turns hard sends spare units after each: the nearest
  ones not in contact, enough to attack it at good odds and to close round it.
- The side that holds the zone leaves a rearguard when its orders are to withdraw from it: the
  unit that stands strongest stays, dug in, so the zone is not handed over for nothing.

Used by hard only (Difficulty.sweep_turns, value_first).
"""

from __future__ import annotations

from game.ai.context import AITurn, is_artillery, is_mobile
from game.ai.endgame import hex_value, scored_zone, turns_left
from game.ai.fields import INF, static_field
from game.hexes import Hex
from game.rules import UnitState
from game.rules.ai_api import attack_value, defence_value, max_mp, occupancy

HUNT_ODDS = 2.5  # hunters are sent until their strength is this many times the straggler's
HUNTERS_LEAST = 3  # ... and at least this many, to close round it (a lone hunter only drives
# it back: a unit routed falls back two hexes and lives)
REACH_SLACK = 1  # a hunter may need this many turns more than are left (the last attack counts)


def stragglers(ctx: AITurn) -> list[Hex]:
    """Enemy hexes inside a zone this side scores for clearing with none of our units next to
    them: nobody is fighting them, and the zone's points hang on them."""
    s = ctx.state
    b = s.board
    zones = scored_zone(ctx, ctx.side)
    mine = occupancy(s).hexes[ctx.side]
    return sorted(
        e for e in ctx.enemy_hexes() if e in zones and not any(n in mine for n in b.neighbours[e])
    )


def in_sweep(ctx: AITurn) -> bool:
    """The last turns of the side that scores, at a level that hunts stragglers."""
    s = ctx.state
    return (
        ctx.diff.sweep_turns > 0
        and ctx.side == s.scenario.victory.score_side
        and turns_left(s) < ctx.diff.sweep_turns
    )


def hunt_stragglers(ctx: AITurn) -> None:
    """Send spare units after every straggler in a zone that scores (see the module's text)."""
    if not in_sweep(ctx):
        return
    targets = stragglers(ctx)
    if not targets:
        return
    free = _spare_units(ctx)
    for e in targets:
        if not free:
            return
        hunters = _hunters(ctx, e, free)
        for u, goal in zip(hunters, _closing_hexes(ctx, e, hunters), strict=True):
            free.remove(u)
            ctx.targets[u.id] = (goal,)
            ctx.hunting.pop(u.id, None)


def _closing_hexes(ctx: AITurn, target: Hex, hunters: list[UnitState]) -> list[Hex]:
    """Where each hunter goes: the nearest straight at the straggler, the others round to its
    far side (the way it would fall back), so that it has nowhere left to go."""
    if not hunters:
        return []
    b = ctx.state.board
    near = hunters[0].pos
    assert near is not None
    around = sorted(
        (n for n in b.neighbours[target] if "foot" in b.terrain[n].move_cost),
        key=lambda n: (-n.distance(near), n),
    )
    far = around or [target]
    return [target] + [far[i % len(far)] for i in range(len(hunters) - 1)]


def _spare_units(ctx: AITurn) -> list[UnitState]:
    """Units that can be sent: fighting units not in contact with the enemy and not standing
    on a place of value (its garrison)."""
    s = ctx.state
    b = s.board
    enemy = ctx.enemy_hexes()
    out = []
    for u in ctx.own_units():
        if u.pos is None or is_artillery(s, u) or b.types[u.type].attack <= 0:
            continue
        if any(n in enemy for n in b.neighbours[u.pos]) or hex_value(s, u.pos) > 0.0:
            continue
        out.append(u)
    return out


def _hunters(ctx: AITurn, target: Hex, free: list[UnitState]) -> list[UnitState]:
    """The nearest spare units (in turns of movement, fast units first among equals) whose
    strength together reaches HUNT_ODDS against the straggler, if they can get there in time."""
    s = ctx.state
    b = s.board
    occ = occupancy(s)
    defence = sum(defence_value(s, s.units[x]) for x in occ.units_at.get(target, ()))
    need = HUNT_ODDS * defence * b.terrain[target].defence
    horizon = turns_left(s) + REACH_SLACK
    timed: list[tuple[float, bool, str, UnitState]] = []
    for u in free:
        if u.pos is None:
            continue
        t = b.types[u.type]
        dist = static_field(b, ctx.side, t.move_class, t.bridging, (target,)).get(u.pos, INF)
        turns = dist / max(max_mp(s, u), 0.1)
        if turns <= horizon:
            timed.append((turns, not is_mobile(s, u), u.id, u))
    out: list[UnitState] = []
    got = 0.0
    for _, _, _, u in sorted(timed, key=lambda x: x[:3]):
        if got >= need and len(out) >= HUNTERS_LEAST:
            break
        out.append(u)
        got += attack_value(s, u)
    return out


def hold_zones(ctx: AITurn) -> None:
    """Leave a rearguard in a zone the enemy scores for clearing when every unit of ours in it
    is ordered out (see the module's text)."""
    if not ctx.diff.value_first:
        return
    zone = scored_zone(ctx, ctx.enemy)
    inside = [u for u in ctx.own_units() if u.pos is not None and u.pos in zone]
    leaving = [u for u in inside if ctx.task(u).posture == "withdraw"]
    if len(leaving) < len(inside):  # others hold the zone: only a cut-off unit stays behind
        leaving = [u for u in leaving if not u.supplied or u.encircled]
    if not leaving:
        return
    inside = leaving
    s = ctx.state
    b = s.board

    def standing(u: UnitState) -> tuple[bool, float, str]:
        assert u.pos is not None
        return (u.entrenched, defence_value(s, u) * b.terrain[u.pos].defence, u.id)

    rear = max(inside, key=standing)
    assert rear.pos is not None
    ctx.targets[rear.id] = (rear.pos,)
    ctx.hunting.pop(rear.id, None)

"""Moving by train (game/rules/rail.py): a unit far from where its orders send it rides the
railway when the train saves it more than a turn's march. Hard also watches its valuable places:
one the enemy can reach within a few turns (in the last turns, every one), held by fewer than
GARRISON units, gets the strongest unit a train can bring (or one brought a day's ride nearer,
for tomorrow's train), and the units in such a place stay in it.

Every level rides trains for distance (it is the plain use of the railways); only hard reinforces
by rail (Difficulty.rail_reinforce), because it asks which place the enemy goes for next.
"""

from __future__ import annotations

from game.ai.context import AITurn
from game.ai.endgame import hex_value, turns_left
from game.ai.fields import INF, static_field
from game.hexes import Hex
from game.rules import RailCommand, UnitState
from game.rules.ai_api import (
    defence_value,
    max_mp,
    occupancy,
    rail_paths,
    rail_range,
    trains_left,
)

TRAIN_GAIN_TURNS = 1.0  # a ride must bring a unit this many turns' march nearer than marching
GARRISON = 2  # units a threatened place of value should hold (hard fills it by train)
THREAT_TURNS = 2  # an enemy this many turns' march from a place threatens it
LEAVE_SHARE = 0.5  # a unit leaves a place of value for one worth at least twice as much


def ride_trains(ctx: AITurn) -> None:
    """This turn's train rides: reinforcements first (hard), then the longest marches saved."""
    left = trains_left(ctx.state, ctx.side)
    if left > 0 and ctx.diff.rail_reinforce:
        left -= _reinforce(ctx, left)
    if left > 0:
        _save_marches(ctx, left)


def _save_marches(ctx: AITurn, left: int) -> None:
    """Units whose target a train brings at least TRAIN_GAIN_TURNS nearer than a turn's march
    would, the greatest savings first."""
    s = ctx.state
    rides: list[tuple[float, str, Hex]] = []
    for u in ctx.own_units():
        targets = ctx.targets.get(u.id)
        if not targets or u.id in ctx.placed or u.pos is None:
            continue
        paths = rail_paths(s, u)
        if not paths:
            continue
        t = s.board.types[u.type]
        fld = static_field(s.board, ctx.side, t.move_class, t.bridging, targets)
        best = min(paths, key=lambda h: (fld.get(h, INF), s.board.index[h]))
        there = fld.get(best, INF)
        march = max_mp(s, u)
        if there < INF and fld.get(u.pos, INF) - there - march >= TRAIN_GAIN_TURNS * march:
            rides.append((there - fld.get(u.pos, INF), u.id, best))
    for _, uid, h in sorted(rides)[:left]:
        _ride(ctx, uid, h, ctx.targets[uid])


def _ride(ctx: AITurn, uid: str, h: Hex, targets: tuple[Hex, ...]) -> bool:
    """Send unit `uid` by train to h, with `targets` as its targets for the rest of the turn."""
    ok = ctx.issue(RailCommand(unit=uid, to=ctx.state.board.coord[h]))
    if ok:
        ctx.placed.add(uid)
        ctx.targets[uid] = targets
    return ok


def threatened_places(ctx: AITurn, below: int = GARRISON) -> list[Hex]:
    """Our places of value held by fewer than `below` of our units that an enemy unit we know
    of can reach within THREAT_TURNS turns, or, in the last turns (Difficulty.endgame_turns),
    all of them: the score is counted on the last turn, and airborne troops or a column out of
    sight can be at any of them by then. The most valuable first."""
    s = ctx.state
    b = s.board
    occ = occupancy(s)
    enemy = [s.units[x] for h in sorted(ctx.suspected()) for x in occ.units_at.get(h, ())]
    enemy = [u for u in enemy if u.pos is not None and b.types[u.type].attack > 0]
    late = turns_left(s) < ctx.diff.endgame_turns
    out: list[tuple[float, int, Hex]] = []
    for p in s.scenario.places:
        h = b.place_hex[p.id]
        if p.vp <= 0 or s.place_owner.get(p.id) != ctx.side:
            continue
        if len(occ.units_at.get(h, ())) >= below or not (late or _reached(ctx, h, enemy)):
            continue
        out.append((-hex_value(s, h), b.index[h], h))
    return [h for _, _, h in sorted(out)]


def _reached(ctx: AITurn, h: Hex, enemy: list[UnitState]) -> bool:
    s = ctx.state
    b = s.board
    for u in enemy:
        t = b.types[u.type]
        assert u.pos is not None
        dist = static_field(b, ctx.enemy, t.move_class, t.bridging, (h,)).get(u.pos, INF)
        if dist <= THREAT_TURNS * max(max_mp(s, u), 0.1):
            return True
    return False


def _reinforce(ctx: AITurn, left: int) -> int:
    """Bring the strongest unit a train can carry into each threatened place, while trains are
    left (see _may_leave for who may go), or one a day's ride nearer. Rides made."""
    s = ctx.state
    b = s.board
    made = 0
    for h in threatened_places(ctx):
        if made >= left:
            break
        free = [
            u
            for u in ctx.own_units()
            if u.id not in ctx.placed
            and u.pos is not None
            and _may_leave(ctx, u.pos, hex_value(s, h))
            and b.types[u.type].attack > 0
            and h in rail_paths(s, u)
        ]
        if free:
            best = max(free, key=lambda u: (defence_value(s, u), u.id))
            made += _ride(ctx, best.id, h, (h,))
        else:
            made += _ride_towards(ctx, h)
    return made


def _ride_towards(ctx: AITurn, h: Hex) -> bool:
    """No train reaches place h today: bring the unit a ride takes nearest to it (measured in
    hexes) a day's ride closer, if that saves it TRAIN_GAIN_TURNS of marching, so that
    tomorrow's train can take it in."""
    s = ctx.state
    b = s.board
    best: tuple[int, str, Hex] | None = None
    for u in ctx.own_units():
        if u.id in ctx.placed or u.pos is None or b.types[u.type].attack <= 0:
            continue
        if not _may_leave(ctx, u.pos, hex_value(s, h)):
            continue
        paths = rail_paths(s, u)
        if not paths:
            continue
        end = min(paths, key=lambda x: (x.distance(h), b.index[x]))
        saved = u.pos.distance(h) - end.distance(h)
        if saved >= (1 + TRAIN_GAIN_TURNS) * max_mp(s, u) and (
            best is None or (end.distance(h), u.id) < best[:2]
        ):
            best = (end.distance(h), u.id, end)
    return best is not None and _ride(ctx, best[1], best[2], (h,))


def _may_leave(ctx: AITurn, at: Hex, worth: float) -> bool:
    """Whether a unit at `at` may leave for a place worth `worth`: it holds no place of
    value, or one worth at most LEAVE_SHARE of it that another of our units still holds."""
    value = hex_value(ctx.state, at)
    if value <= 0.0:
        return True
    return value <= LEAVE_SHARE * worth and len(occupancy(ctx.state).units_at.get(at, ())) > 1


def keep_garrisons(ctx: AITurn) -> None:
    """Hard, for a side with trains: units standing in a threatened place of value stay to hold
    it (the other half of reinforcing by rail; without trains to refill the places, marching
    units stay free for the plans)."""
    if not ctx.diff.rail_reinforce or rail_range(ctx.state, ctx.side) <= 0:
        return
    occ = occupancy(ctx.state)
    for h in threatened_places(ctx, below=GARRISON + 1):
        for uid in occ.units_at.get(h, ()):
            if uid in ctx.targets:
                ctx.targets[uid] = (h,)

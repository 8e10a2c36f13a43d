"""Moving: which hexes each unit heads for (its share of the group's task) and the best hex it
can reach this turn, scored by distance fields, supply, threat, terrain and encirclement."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from game.ai.context import AITurn, is_artillery, is_mobile
from game.ai.endgame import (
    final_turn_last_mover,
    lead_objective,
    scored_zone,
    threatened,
    turns_left,
)
from game.ai.fields import INF, Field, compute, static_field
from game.ai.plans import ATTACKING
from game.ai.trains import keep_garrisons
from game.ai.zones import hold_zones, hunt_stragglers
from game.hexes import Hex
from game.rules import GameState, MoveCommand, UnitState, validate
from game.rules.ai_api import (
    bombard_range,
    defence_value,
    has_full_points,
    max_mp,
    occupancy,
    reachable_hexes,
    stand_reason,
    step_costs,
)

HUNT_REACH = 12.0  # movement points around hunted enemy units a hunting field covers
HUNT_RADIUS = 4  # hexes around the objectives in which an attacking group hunts the enemy
BROKEN = 0.5  # an attacking unit below this share of its men falls back
INTRUDER_RADIUS = 4  # enemies this near a held objective are counter-attacked
HOLDING = ("hold", "defend", "withdraw")  # postures that keep ground (hard: what is threatened)


@dataclass(frozen=True)
class Orders:
    """One group's units and its task this turn."""

    units: list[UnitState]
    objectives: tuple[Hex, ...]
    posture: str


def _achieved(state: GameState, side: str, h: Hex) -> bool:
    """An objective is taken when the side owns the place there (or controls the hex) and no
    enemy unit stands in it."""
    b = state.board
    occ = occupancy(state)
    if h in occ.hexes[b.other(side)]:
        return False
    place = b.place_at.get(h)
    if place is not None:
        return state.place_owner.get(place.id) == side
    return state.control.get(h) == side


def _field(ctx: AITurn, u: UnitState, targets: tuple[Hex, ...]) -> Field:
    b = ctx.state.board
    t = b.types[u.type]
    return static_field(b, ctx.side, t.move_class, t.bridging, targets)


def _dist(ctx: AITurn, u: UnitState, h: Hex) -> float:
    """Movement cost from the unit to hex h over the empty map."""
    if u.pos is None:
        return INF
    return _field(ctx, u, (h,)).get(u.pos, INF)


def _enemy_field(ctx: AITurn, u: UnitState, cache: dict[tuple[str, bool], Field]) -> Field:
    """Distance to the nearest enemy unit, seen or remembered (a one-turn field)."""
    b = ctx.state.board
    t = b.types[u.type]
    key = (t.move_class, t.bridging)
    hit = cache.get(key)
    if hit is None:
        enemy = sorted(ctx.suspected())
        hit = compute(b, ctx.side, t.move_class, t.bridging, enemy)
        cache[key] = hit
    return hit


def assign_targets(ctx: AITurn) -> None:
    """Share out each group's objectives among its units: the deepest objective to the fast units
    (the pincers), the nearest open ones to the rest, and one garrison per held objective."""
    ctx.targets.clear()
    ctx.hunting.clear()
    by_group: dict[str, list[UnitState]] = {}
    for u in ctx.own_units():
        by_group.setdefault(u.group, []).append(u)
    enemy_hexes = ctx.suspected()
    for group, units in by_group.items():
        task = ctx.tasks.get(group)
        g = Orders(units, task.objectives if task else (), task.posture if task else "hold")
        if ctx.diff.value_first and g.posture in HOLDING and g.objectives:
            g = Orders(units, threatened(ctx, g.objectives), g.posture)
        if not g.objectives:
            for u in units:
                ctx.targets[u.id] = ()
        elif g.posture in ATTACKING:
            _attack_targets(ctx, g, enemy_hexes)
        elif g.posture == "withdraw":
            for u in units:
                ctx.targets[u.id] = g.objectives
        else:
            _hold_targets(ctx, g)
            _counter_attack(ctx, g, enemy_hexes)
    _fall_back(ctx)
    hunt_stragglers(ctx)
    hold_zones(ctx)
    keep_garrisons(ctx)


def _attack_targets(ctx: AITurn, g: Orders, enemy_hexes: frozenset[Hex]) -> None:
    """An attacking group: every open objective gets its nearest unit, the pincers the deepest
    one, the rest the open objective nearest them, spread out."""
    s = ctx.state
    open_ = [h for h in g.objectives if not _achieved(s, ctx.side, h)]
    if not open_:
        _clear_around(ctx, g, enemy_hexes)
        return
    if ctx.diff.value_first:
        open_ = lead_objective(s, open_)
    pincers = ctx.diff.encircle and g.posture in ("attack", "assault")
    load = _one_to_each(ctx, g.units, open_, pincers)
    spread = ctx.diff.weights.load_attacking
    for u in sorted(g.units, key=lambda u: (not is_mobile(s, u), u.id)):
        if u.id in ctx.targets:
            continue
        if pincers and is_mobile(s, u):
            ctx.targets[u.id] = (open_[0],)
            load[open_[0]] += 1
            continue
        best = min(open_, key=lambda h: _dist(ctx, u, h) + spread * load[h])
        load[best] += 1
        ctx.targets[u.id] = (best,)


def _clear_around(ctx: AITurn, g: Orders, enemy_hexes: frozenset[Hex]) -> None:
    """Every objective taken: clear the enemy from the ground around them, then stand on them
    (a later plan says where to go next)."""
    zones = scored_zone(ctx, ctx.side)
    near = sorted(
        e
        for e in enemy_hexes
        if e in zones or min(e.distance(o) for o in g.objectives) <= HUNT_RADIUS
    )
    # Playing for the score, enemies left in a zone that scores are hunted however far they are
    # (the zone's points are lost to a single unit left in it).
    sweep = ctx.diff.value_first and any(e in zones for e in near)
    for u in g.units:
        ctx.targets[u.id] = tuple(near) or g.objectives
        if near and not sweep:
            ctx.hunting[u.id] = g.objectives


def _one_to_each(
    ctx: AITurn, units: list[UnitState], open_: list[Hex], pincers: bool
) -> dict[Hex, int]:
    """Every open objective gets the unit that can reach it soonest, so none is forgotten; the
    pincers keep at least half the fast units for the deepest (first) objective. Returns how
    many units each objective has."""
    s = ctx.state
    load = {h: 0 for h in open_}
    free = list(units)
    fast_left = sum(1 for u in units if is_mobile(s, u))
    keep = (fast_left + 1) // 2 if pincers else 0
    for h in open_[1:] if pincers else open_:
        pool = [u for u in free if not is_mobile(s, u) or fast_left > keep]

        def turns(u: UnitState, h: Hex = h) -> tuple[float, str]:
            mp = max(max_mp(s, u), 0.1)
            return (_dist(ctx, u, h) / mp, u.id)

        u = min(pool, key=turns) if pool else None
        if ctx.diff.value_first and free and (u is None or turns(u)[0] > turns_left(s)):
            u = min(free, key=turns)  # none the pincers can spare gets there before the end
        if u is None:
            break
        if turns(u)[0] == INF:
            continue
        free.remove(u)
        fast_left -= 1 if is_mobile(s, u) else 0
        ctx.targets[u.id] = (h,)
        load[h] += 1
    return load


def _hold_targets(ctx: AITurn, g: Orders) -> None:
    """A holding group: each unit to the objective nearest it, spread out, except a unit that
    keeps a place it took."""
    load = {h: 0 for h in g.objectives}
    spread = ctx.diff.weights.load_holding
    for u in g.units:
        if u.pos is not None and _keeps_place(ctx, u, g.objectives):
            ctx.targets[u.id] = (u.pos,)
            continue
        best = min(g.objectives, key=lambda h: _dist(ctx, u, h) + spread * load[h])
        load[best] += 1
        ctx.targets[u.id] = (best,)


def _fall_back(ctx: AITurn) -> None:
    """Attacking units bled below half their men pull back towards their supply sources to
    recover (replacements come only out of contact) instead of dying in place."""
    s = ctx.state
    sources = tuple(s.board.sources[ctx.side])
    if not sources:
        return
    for u in ctx.own_units():
        if ctx.task(u).posture not in ATTACKING or is_artillery(s, u):
            continue
        if u.men0 > 0 and u.men < BROKEN * u.men0:
            ctx.targets[u.id] = sources


def _keeps_place(ctx: AITurn, u: UnitState, objectives: tuple[Hex, ...]) -> bool:
    """A holding unit that stands alone on a place of value it took from the enemy (not one of
    its objectives) stays there rather than hand it back."""
    s = ctx.state
    if u.pos is None or u.pos in objectives:
        return False
    place = s.board.place_at.get(u.pos)
    if place is None or place.vp <= 0 or place.owner == ctx.side:
        return False
    if s.place_owner.get(place.id) != ctx.side:
        return False
    return occupancy(s).units_at.get(u.pos, ())[:1] == (u.id,)


def _counter_attack(ctx: AITurn, g: Orders, enemy_hexes: frozenset[Hex]) -> None:
    """A holding group sends the units not garrisoning an objective against enemies that have
    got in among its objectives; a reserve sends all of them."""
    units, objectives, posture = g.units, g.objectives, g.posture
    if posture == "delay" or not objectives:
        return
    s = ctx.state
    radius = INTRUDER_RADIUS + (2 if posture == "reserve" else 0)
    intruders = sorted(e for e in enemy_hexes if min(e.distance(o) for o in objectives) <= radius)
    if not intruders:
        return
    on_post = {h for u in units if u.pos in objectives for h in (u.pos,)}
    for u in units:
        if u.pos in objectives and posture != "reserve":
            continue  # the garrison stays
        if is_artillery(s, u):
            continue
        target = ctx.targets.get(u.id, ())
        if posture != "reserve" and target and target[0] not in on_post:
            continue  # its objective still needs it
        ctx.hunting[u.id] = target or objectives[:1]
        ctx.targets[u.id] = tuple(intruders)


def _enemy_places(ctx: AITurn) -> tuple[Hex, ...]:
    """Places of value the side does not hold and may enter."""
    s = ctx.state
    b = s.board
    restricted = b.restricted_hexes[ctx.side]
    return tuple(
        b.place_hex[p.id]
        for p in sorted(s.scenario.places, key=lambda p: p.id)
        if p.vp > 0 and s.place_owner.get(p.id) != ctx.side and b.place_hex[p.id] not in restricted
    )


def grab_places(ctx: AITurn) -> None:
    """Walk into places of value the enemy has left empty, with the nearest unit that can get
    there this turn and is not the garrison of an objective, if the place is not too exposed."""
    s = ctx.state
    b = s.board
    ids = [u.id for u in ctx.own_units()]
    unanswered = final_turn_last_mover(ctx)  # no enemy turn follows to take it back
    for h in _enemy_places(ctx):
        s = ctx.state
        occ = occupancy(s)
        if h in ctx.enemy_hexes() or h in occ.hexes[ctx.side]:
            continue
        best: tuple[float, str] | None = None
        for uid in ids:
            u = s.units[uid]
            if (
                not u.active
                or u.pos is None
                or u.mp <= 1e-9
                or u.has_attacked
                or u.id in ctx.placed
                or is_artillery(s, u)
            ):
                continue
            task = ctx.task(u)
            if task.posture in ("withdraw", "delay"):
                continue
            if u.pos in task.objectives and task.posture not in ATTACKING:
                continue
            if u.pos.distance(h) > u.mp + 1:
                continue
            d = _field(ctx, u, (h,)).get(u.pos, INF)
            if d > u.mp + 1e-9:
                continue
            exposure = ctx.diff.weights.grab_exposure
            threat = 0.0 if unanswered else ctx.threat.get(h, 0.0)
            if threat > exposure * defence_value(s, u) * b.terrain[h].defence:
                continue
            if best is None or (d, u.id) < best:
                best = (d, u.id)
        if best is not None:
            cmd = MoveCommand(unit=best[1], to=b.coord[h])
            if not validate(s, cmd):
                ctx.issue(cmd)


def _behind(ctx: AITurn, h: Hex, enemy_at: list[Hex], src: Field) -> int:
    """How many nearby enemy units this hex is behind (nearer their supply sources than they)."""
    w = ctx.diff.weights
    d = src.get(h, INF)
    n = 0
    for e in enemy_at:
        if e.distance(h) <= w.behind_radius and src.get(e, INF) > d + w.behind_margin:
            n += 1
    return n


def _walk(ctx: AITurn, u: UnitState, fld: Field) -> tuple[list[Hex], float]:
    """Hexes down the field's slope from the unit, as far as its movement points go, at the
    rules' prices (routes, interdiction, leaving and entering enemy zones of control). The cost
    is INF once the walk enters an enemy zone of control (the move ends there)."""
    s = ctx.state
    assert u.pos is not None
    steps_from = step_costs(s, u)
    enemy_zoc = ctx.enemy_zoc()
    full = has_full_points(s, u)
    h = u.pos
    cost = 0.0
    path: list[Hex] = []
    while True:
        here = fld.get(h, INF)
        steps = steps_from(h)
        best: tuple[float, Hex] | None = None
        for n in steps:
            f = fld.get(n, INF)
            if f < here - 1e-9 and (best is None or (f, n) < best):
                best = (f, n)
        if best is None:
            break
        n = best[1]
        c = steps[n]
        if cost + c > u.mp + 1e-9:
            if not path and full:
                return [n], INF
            break
        cost += c
        path.append(n)
        h = n
        if n in enemy_zoc:
            return path, INF
    return path, cost


def _candidates(ctx: AITurn, u: UnitState, fld: Field) -> list[Hex]:
    """A few hexes worth scoring: the way down the field and the ground around both ends that
    the unit's points still reach (at the rules' prices), where it may stand."""
    s = ctx.state
    assert u.pos is not None
    path, spent = _walk(ctx, u, fld)
    out = dict.fromkeys(path)
    full = has_full_points(s, u)
    steps_from = step_costs(s, u)
    for base, used in ((u.pos, 0.0), (path[-1] if path else None, spent)):
        if base is None or used == INF:
            continue
        for n, c in steps_from(base).items():
            if n not in out and (used + c <= u.mp + 1e-9 or (base == u.pos and full)):
                out[n] = None
    return [h for h in out if h != u.pos and not stand_reason(s, u, h)]


def best_move(
    ctx: AITurn, u: UnitState, enemy_cache: dict[tuple[str, bool], Field], full: bool = False
) -> Hex | None:
    """The hex this unit should move to now, or None to stay. Scores a few likely hexes, or
    (full=True) every hex the rules say it can reach."""
    s = ctx.state
    assert u.pos is not None
    attacking = ctx.task(u).posture in ATTACKING
    fld = _move_field(ctx, u, enemy_cache, attacking)
    if not fld:
        return None
    if not attacking and not is_artillery(s, u) and fld.get(u.pos, INF) == 0.0:
        return None  # holding its objective
    cands = list(reachable_hexes(s, u)) if full else _candidates(ctx, u, fld)
    if not cands:
        return None
    if ctx.diff.breadth and len(cands) > ctx.diff.breadth:
        cands.sort(key=lambda h: (fld.get(h, INF), h))
        cands = cands[: ctx.diff.breadth]
    score = _scorer(ctx, u, fld, attacking)
    best, best_h = score(u.pos) + ctx.diff.weights.stay, None
    for h in cands:
        v = score(h)
        if v > best:
            best, best_h = v, h
    if best_h is None and not full and _detours(ctx, u, fld, attacking):
        # The straight way runs into the enemy's line: look over all the ground the unit can
        # reach for a way round it (the 1939 pincers swung round the Japanese flanks).
        return best_move(ctx, u, enemy_cache, full=True)
    return best_h


def _detours(ctx: AITurn, u: UnitState, fld: Field, attacking: bool) -> bool:
    """Whether a unit that found no better hex on the straight way to its objective should look
    for a way round: an attacker (at a level that does) still short of a place it was sent to,
    and not yet in contact (a unit already engaged fights where it stands)."""
    if not (attacking and ctx.diff.detour and ctx.targets.get(u.id)) or u.id in ctx.hunting:
        return False
    if u.pos is None or fld.get(u.pos, INF) <= 0:
        return False
    enemy = ctx.enemy_hexes()
    return not any(n in enemy for n in ctx.state.board.neighbours[u.pos])


def _move_field(
    ctx: AITurn, u: UnitState, enemy_cache: dict[tuple[str, bool], Field], attacking: bool
) -> Field:
    """The distance field the unit moves down: to its targets; to the enemy for an attacker
    without targets; none (it stays) for anyone else."""
    targets = ctx.targets.get(u.id, ())
    if not targets:
        return _enemy_field(ctx, u, enemy_cache) if attacking else {}
    home = ctx.hunting.get(u.id)
    if home is None:
        return _field(ctx, u, targets)
    # Hunting enemy units near its objectives: a field of limited reach around them; a unit
    # beyond it first makes for its objectives.
    b = ctx.state.board
    t = b.types[u.type]
    fld = static_field(b, ctx.side, t.move_class, t.bridging, targets, HUNT_REACH)
    return fld if u.pos in fld else _field(ctx, u, home)


def _scorer(ctx: AITurn, u: UnitState, fld: Field, attacking: bool) -> Callable[[Hex], float]:
    """How good a hex is for this unit to end its move in: nearer its target, in supply, guns in
    range but out of contact, holding units in cover and out of danger, pincers behind the
    enemy, plus the level's noise."""
    s = ctx.state
    b = s.board
    w = ctx.diff.weights
    targets = ctx.targets.get(u.id, ())
    posture = ctx.task(u).posture
    enemy_hexes = ctx.enemy_hexes()
    enemy_zoc = ctx.enemy_zoc()
    arty = is_artillery(s, u)
    rng_hexes = bombard_range(s, u) if arty else 0
    own_def = defence_value(s, u)
    fast = ctx.diff.encircle and attacking and is_mobile(s, u)
    enemy_at = sorted(enemy_hexes) if fast else []
    src: Field = {}
    if fast:
        et = b.types[u.type]
        src = static_field(b, ctx.enemy, et.move_class, True, tuple(b.sources[ctx.enemy]))
    holding_target = targets[0] if targets and not attacking else None

    def score(h: Hex) -> float:
        f = fld.get(h, INF)
        if f == INF:
            return -INF
        sc = -f
        if ctx.diff.supply_care and h not in ctx.supplied:
            sc -= w.out_of_supply_attacking if attacking else w.out_of_supply_holding
        adj_enemy = any(n in enemy_hexes for n in b.neighbours[h])
        if arty:
            if adj_enemy:
                sc -= w.guns_next_to_enemy
            elif any(e.distance(h) <= rng_hexes for e in enemy_hexes):
                sc += w.guns_in_range
        elif not attacking:
            sc += (b.terrain[h].defence - 1.0) * w.cover
            danger = ctx.threat.get(h, 0.0)
            if danger > w.danger_ratio * own_def * b.terrain[h].defence and h != holding_target:
                sc -= w.danger
        elif posture == "advance" and adj_enemy:
            if ctx.threat.get(h, 0.0) > w.advance_danger_ratio * own_def:
                sc -= w.advance_danger
        if fast and h in ctx.enemy_supplied and h not in enemy_zoc:
            sc += w.behind_enemy * min(w.behind_enemy_most, _behind(ctx, h, enemy_at, src))
        if ctx.diff.noise:
            sc += ctx.rng.random() * ctx.diff.noise
        return sc

    return score


def move_units(ctx: AITurn, units: list[UnitState]) -> None:
    """Move each unit to its best reachable hex (fast units and the front first)."""
    enemy_cache: dict[tuple[str, bool], Field] = {}
    for u0 in units:
        u = ctx.state.units.get(u0.id)
        if u is None or not u.active or u.pos is None or u.mp <= 1e-9 or u.id in ctx.placed:
            continue
        if u.has_attacked and ctx.state.sides[u.side].doctrine.rigid_orders:
            continue
        if ctx.state.game_over:
            return
        to = best_move(ctx, u, enemy_cache)
        if to is None:
            continue
        cmd = MoveCommand(unit=u.id, to=ctx.state.board.coord[to])
        if validate(ctx.state, cmd):
            # The quick look was wrong (a blocked way): ask the rules where it can go.
            to = best_move(ctx, u, enemy_cache, full=True)
            if to is None:
                continue
            cmd = MoveCommand(unit=u.id, to=ctx.state.board.coord[to])
        ctx.issue(cmd)

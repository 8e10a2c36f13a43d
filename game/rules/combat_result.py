"""What one face of the die does to an attack: who gives ground, and each unit's losses.

Pure functions of a state (nothing is changed), so the odds preview runs every face of the die
and the attack itself runs the one it rolled. The casualty rates are Dupuy's
(game/rules/attrition.py); the result bands are constants.OUTCOMES.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.hexes import Hex
from game.rules import constants as C
from game.rules.attrition import (
    EngagementRest,
    Losses,
    combat_days,
    displacement_losses,
    displacement_share,
    fire_losses,
    rates_of,
    result_at,
)
from game.rules.stand import stand_reason
from game.rules.state import GameState, UnitState
from game.rules.zoc import occupancy
from game.scenario.models import Doctrine, Terrain


def retreat_path(
    state: GameState,
    u: UnitState,
    steps: int,
    attackers: set[Hex],
    extra_stack: dict[Hex, int],
) -> list[Hex] | None:
    """Where a unit falls back: away from the attackers, never into enemy units, enemy zones of
    control (unless friends hold the hex), restricted zones or over-stacked hexes; of the hexes
    as far from the attackers, towards its own lines (its supply sources), then onto ground its
    side holds. None if it cannot move even one hex (it is then overrun).

    Towards its own lines because that is where a beaten unit goes: the remnants of the pockets
    of 1939 broke out east across the border, not deeper into the ground the enemy was taking."""
    b = state.board
    occ = occupancy(state)
    side_at = occ.side_at
    enemy_zoc = occ.zoc_i[b.other(u.side)]
    index = b.index
    home = b.home_i[u.side]
    assert u.pos is not None
    here = u.pos
    seen = {here}
    out: list[Hex] = []
    for _ in range(steps):
        best: tuple[int, int, int, tuple[int, int], Hex] | None = None
        for n in b.neighbours[here]:
            if n in seen or (side_at.get(n) != u.side and index[n] in enemy_zoc):
                continue
            extra = extra_stack.get(n, 0)
            if stand_reason(state, u, n, as_known=False, extra_stack=extra):
                continue
            away = min((n.distance(x) for x in attackers), default=0)
            col, row = b.coord[n]
            own = 1 if state.control.get(n) == u.side else 0
            key = (away, -home[index[n]], own, (-row, -col), n)
            if best is None or key[:4] > best[:4]:
                best = key
        if best is None:
            break
        here = best[4]
        seen.add(here)
        out.append(here)
    return out or None


@dataclass(frozen=True)
class Result:
    """What one face of the die does to an attack.

    `outcome` is the result of the odds (repulsed, held, retreat, rout), or `overrun` when
    defenders had to give ground but could not, or `destroyed` when every defender broke."""

    outcome: str
    attacker_losses: dict[str, Losses]
    defender_losses: dict[str, Losses]
    retreats: dict[str, list[Hex]]
    overrun: tuple[str, ...]
    broken: tuple[str, ...]
    retreat_steps: int
    fortress: bool = False
    stood: tuple[str, ...] = ()  # defenders whose doctrine made them stand and be overrun
    # each defender's share of men lost to fire, and overrun where it stood, in its enemy's turn
    # so far, this attack included (the day's ceilings hold for all of a turn's attacks)
    fire_taken: dict[str, float] = field(default_factory=dict)
    overrun_taken: dict[str, float] = field(default_factory=dict)


def _engagement_rest(state: GameState, target: Hex, attackers: list[str]) -> EngagementRest:
    """Everything of an Engagement but the odds (the same for every face of the die)."""
    b = state.board
    defenders = [state.units[d] for d in occupancy(state).units_at.get(target, ())]
    a_side = state.units[attackers[0]].side
    d_side = b.other(a_side)
    terrain = b.terrain[target]
    protection = terrain.protection
    dug_in = any(u.entrenched for u in defenders)
    if dug_in:
        protection *= C.ENTRENCHED_PROTECTION
    attacking = [state.units[a] for a in attackers]
    return (
        combat_days(state.turn_hours),
        sum(state.units[a].men for a in attackers),
        sum(u.men for u in defenders),
        terrain.attrition,
        protection,
        state.sides[a_side].doctrine.attacker_losses,
        state.sides[d_side].doctrine.defender_losses,
        _mean_quality(attacking),
        _mean_quality(defenders),
    )


class FaceMemo:
    """What every face of the die shares in one odds preview, worked out once: the engagement
    but for its odds, whether the defenders stand fast, the retreat paths for each number of
    hexes to fall back (they depend on nothing else), and each defender's doctrine and shelter
    from fire."""

    def __init__(self) -> None:
        self.rest: EngagementRest | None = None
        self.stands: bool | None = None
        self.paths: dict[int, list[list[Hex] | None]] = {}
        self.defenders: list[tuple[str, UnitState, Doctrine, float | None]] | None = None


def _mean_quality(units: list[UnitState]) -> float:
    """Quality of a force, weighted by its men."""
    men = sum(u.men for u in units)
    if men <= 0:
        return 1.0
    return sum(u.quality * u.men for u in units) / men


def roll_result(
    state: GameState,
    target: Hex,
    attackers: list[str],
    ratio: float,
    die: int,
    memo: FaceMemo | None = None,
) -> Result:
    """What the die roll `die` does to this attack at these odds (pure: the state is unchanged).
    `memo`: shared by the calls for the faces of one preview (the same state and attack)."""
    b = state.board
    memo = memo or FaceMemo()
    eff = ratio * C.DIE[die]
    outcome, steps = result_at(eff)
    fortress = b.terrain[target].fortified and steps > 0
    stands = False
    if outcome == "retreat":
        if memo.stands is None:
            memo.stands = _stands_fast(state, target)
        stands = memo.stands
    if fortress or stands:
        steps = 0
    # Defenders who will not give ground keep firing: the attacker pays as in a fight that holds.
    fire_result = "held" if stands else outcome
    if memo.rest is None:
        memo.rest = _engagement_rest(state, target, attackers)
    rate_a, rate_d = rates_of(eff, memo.rest, fire_result)
    a_doc = state.sides[state.units[attackers[0]].side].doctrine
    tank_country = b.terrain[target].armour
    a_loss = {
        uid: _fire(state.units[uid], rate_a, a_doc.wounded_per_killed, tank_country)
        for uid in attackers
    }
    d_hits, retreats, overrun, stood = _defenders(
        state, target, attackers, rate_d, (outcome, eff), (steps, stands), memo
    )
    d_loss = {uid: hit.losses for uid, hit in d_hits.items()}
    beaten = steps or fortress or stands
    losers = list(d_loss) if beaten else (attackers if outcome == "repulsed" else [])
    losses = {**a_loss, **d_loss}
    broken = tuple(x for x in losers if _breaks(state.units[x], losses[x], outcome))
    for uid in broken:
        retreats.pop(uid, None)
    if d_loss and all(d in broken for d in d_loss):
        outcome = "destroyed"
    elif (overrun or stood) and not retreats:
        outcome = "overrun"
    elif fortress:
        outcome = "held"
    return Result(
        outcome=outcome,
        attacker_losses=a_loss,
        defender_losses=d_loss,
        retreats=retreats,
        overrun=tuple(overrun),
        broken=broken,
        retreat_steps=steps,
        fortress=b.terrain[target].fortified,
        stood=tuple(stood),
        fire_taken={uid: hit.fire_taken for uid, hit in d_hits.items()},
        overrun_taken={uid: hit.overrun_taken for uid, hit in d_hits.items()},
    )


# Hexes a defender may fall back at most (the retreat paths of an attack lie within them).
RETREAT_MOST = max(steps for _, _, steps in C.OUTCOMES)
FACES_KEPT = 256  # sets of an attack's faces the board remembers


def all_faces(state: GameState, target: Hex, attackers: list[str], ratio: float) -> list[Result]:
    """roll_result for every face of the die. Remembered on the board by everything they read
    (see _faces_key): the AI previews its best few attacks again after every attack it makes,
    and an attack elsewhere seldom changes them."""
    key, keep = _faces_key(state, target, attackers, ratio)
    memo = state.board.faces_memo
    hit = memo.get(key)
    if hit is not None:
        return hit[1]
    shared = FaceMemo()
    out = [roll_result(state, target, attackers, ratio, die, shared) for die in range(len(C.DIE))]
    if len(memo) >= FACES_KEPT:
        del memo[next(iter(memo))]  # the oldest
    memo[key] = (keep, out)
    return out


def _faces_key(
    state: GameState, target: Hex, attackers: list[str], ratio: float
) -> tuple[tuple[object, ...], tuple[object, ...]]:
    """What the faces of an attack read: the odds; the turn (its hours); the attacking and
    defending units (a state's units are never changed, a written one is a new object, so a
    unit is known by its identity) and both sides' doctrines, kept alive with the memo so no
    other object can take their identity; and, within RETREAT_MOST hexes of the target, who
    holds each hex, its stacking, its control and the zones of control over it (the retreat
    paths). Returns the key and the objects to keep."""
    b = state.board
    occ = occupancy(state)
    defenders = occ.units_at.get(target, ())
    units = tuple(state.units[x] for x in (*attackers, *defenders))
    doctrines = tuple(state.sides[side].doctrine for side in b.sides)
    side_at, stack, control, index = occ.side_at, occ.stack, state.control, b.index
    zocs = [occ.zoc_i[side] for side in b.sides]
    ground = tuple(
        (side_at.get(h), stack.get(h, 0), control.get(h), *(index[h] in z for z in zocs))
        for h in b.within(target, RETREAT_MOST)
    )
    key = (
        target,
        tuple(attackers),
        ratio,
        state.turn_index,
        defenders,
        tuple(map(id, units)),
        tuple(map(id, doctrines)),
        ground,
    )
    return key, (units, doctrines)


def _defenders(
    state: GameState,
    target: Hex,
    attackers: list[str],
    rate: float,
    result: tuple[str, float],
    moves: tuple[int, bool],
    memo: FaceMemo,
) -> tuple[dict[str, DefenderLoss], dict[str, list[Hex]], list[str], list[str]]:
    """Each defender's losses, and where it falls back to, or whether it is overrun because it
    cannot (no way out) or will not (its doctrine stands fast)."""
    steps, stands = moves
    d_loss: dict[str, DefenderLoss] = {}
    retreats: dict[str, list[Hex]] = {}
    overrun: list[str] = []
    stood: list[str] = []
    ids = occupancy(state).units_at.get(target, ())
    paths = _retreat_paths(state, ids, attackers, steps, memo)
    if memo.defenders is None:
        memo.defenders = [
            (uid, u, state.sides[u.side].doctrine, fire_room(state, u))
            for uid in ids
            for u in (state.units[uid],)
        ]
    days = combat_days(state.turn_hours)
    ground = state.board.terrain[target]
    for (uid, u, doctrine, room), path in zip(memo.defenders, paths, strict=True):
        blocked = steps > 0 and path is None
        d_loss[uid] = _defender_loss(
            u, ground, rate, result, (blocked, path is None), (doctrine, days, room)
        )
        if path is not None:
            retreats[uid] = path
        elif blocked:
            overrun.append(uid)
        elif stands:
            stood.append(uid)
    return d_loss, retreats, overrun, stood


def _retreat_paths(
    state: GameState, ids: tuple[str, ...], attackers: list[str], steps: int, memo: FaceMemo
) -> list[list[Hex] | None]:
    """Each defender's way back, in order (a hex one takes is fuller for the next), or None."""
    hit = memo.paths.get(steps)
    if hit is not None:
        return hit
    b = state.board
    out: list[list[Hex] | None] = []
    attacker_hexes = {p for a in attackers if (p := state.units[a].pos) is not None}
    extra: dict[Hex, int] = {}
    for uid in ids:
        u = state.units[uid]
        path = retreat_path(state, u, steps, attacker_hexes, extra) if steps else None
        if path is not None:
            extra[path[-1]] = extra.get(path[-1], 0) + b.types[u.type].stack
        out.append(path)
    memo.paths[steps] = out
    return out


def _stands_fast(state: GameState, target: Hex) -> bool:
    """Whether the defenders of `target` refuse to give ground when driven back (their side's
    doctrine); a rout breaks even them."""
    units = occupancy(state).units_at.get(target, ())
    return bool(units) and state.sides[state.units[units[0]].side].doctrine.stands_fast


def fire_room(state: GameState, u: UnitState) -> float | None:
    """The share of its men a defender can still lose to fire (attacks and shelling together)
    in its enemy's turn: Dupuy's daily defender ceiling for the turn's hours, less what it has
    lost already. None for a unit out of supply or encircled: nothing shelters it."""
    if not u.supplied or u.encircled:
        return None
    doctrine = state.sides[u.side].doctrine
    ceiling = C.DEFENDER_RATE_CAP * combat_days(state.turn_hours) * doctrine.defender_losses
    return max(0.0, ceiling - u.fire_taken)


@dataclass(frozen=True, slots=True)
class DefenderLoss:
    """A defender's losses in one attack, and its shares lost in its enemy's turn so far."""

    losses: Losses
    fire_taken: float
    overrun_taken: float


def _defender_loss(
    u: UnitState,
    terrain: Terrain,
    rate: float,
    result: tuple[str, float],
    blocked_stays: tuple[bool, bool],
    shelter: tuple[Doctrine, float, float | None],
) -> DefenderLoss:
    """A defender's losses: fire, then the stragglers of a retreat, the men overrun when it
    cannot fall back, or (in a fortress, which never falls back) the works lost one by one.

    Dupuy's ceilings are a day's losses: a unit attacked again and again in one turn loses to
    fire no more than the ceiling for the turn's hours, and where it stays put it is overrun
    once (the worst of the turn's attacks), not once for every attack. A unit out of supply
    has no such shelter: with no ammunition, water or evacuation coming, every attack costs it
    in full (this is how the pockets of 1939 were destroyed in days). `terrain`: the ground
    it holds; `shelter`: its side's doctrine, the days of fighting and its fire_room."""
    outcome, eff = result
    blocked, stays = blocked_stays
    doctrine, days, room = shelter
    sheltered = room is not None
    if room is not None:
        rate = min(rate, room)
    loss = _fire(u, rate, doctrine.wounded_per_killed, None)
    if terrain.fortified:
        share = C.DISPLACE_SHARE.get(outcome, 0.0) * terrain.protection
    else:
        # driven back: stragglers; standing fast: the same share lost where it stands;
        # unable to fall back (blocked): overrun, a larger share
        share = displacement_share(outcome, eff, blocked)
    share *= doctrine.defender_losses * days
    overrun_taken = u.overrun_taken
    if stays and sheltered and not terrain.fortified:  # storm groups take works one by one
        share, overrun_taken = max(0.0, share - overrun_taken), max(share, overrun_taken)
    fire_taken = u.fire_taken + rate
    if share <= 0.0:
        return DefenderLoss(loss, fire_taken, overrun_taken)
    loss = loss + _displaced(u, loss, share, doctrine.capture_share, doctrine.wounded_per_killed)
    return DefenderLoss(loss, fire_taken, overrun_taken)


def _fire(u: UnitState, rate: float, wounded_per_killed: float, armour: float | None) -> Losses:
    """Losses to fire at `rate`; `armour` is the tank country an attacker goes into (None for
    a defender): attacking tanks are lost faster where the ground favours the anti-tank gun."""
    if armour is None:
        tank_f, gun_f = C.DEFENDER_TANK_FACTOR, C.DEFENDER_GUN_FACTOR
    else:
        tank_f, gun_f = C.ATTACKER_TANK_FACTOR / max(armour, 0.1), C.ATTACKER_GUN_FACTOR
    return fire_losses(u.men, u.tanks, u.guns, rate, wounded_per_killed, tank_f, gun_f)


def _displaced(
    u: UnitState, fire: Losses, share: float, capture_share: float, wounded_per_killed: float
) -> Losses:
    """Stragglers and abandoned weapons of a unit driven back (from what fire left it)."""
    return displacement_losses(
        u.men - fire.men,
        u.tanks - fire.tanks,
        u.guns - fire.guns,
        share,
        capture_share,
        wounded_per_killed,
    )


def _breaks(u: UnitState, loss: Losses, outcome: str) -> bool:
    """A beaten unit breaks up when it has no men and no tanks left, or fewer men than
    BREAK_SHARE of its strength on entering play; a routed one already below BREAK_SHARE_ROUT."""
    men, tanks = u.men - loss.men, u.tanks - loss.tanks
    if men <= 0 and tanks <= 0:
        return True
    share = C.BREAK_SHARE_ROUT if outcome == "rout" else C.BREAK_SHARE
    return u.men0 > 0 and men < share * u.men0

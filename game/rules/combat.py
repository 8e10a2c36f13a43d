"""Combat: strengths and their modifiers, the odds a player sees, and the result of an attack.

The random element is one die of six faces that shifts the odds (constants.DIE); everything else
is arithmetic, so preview() can list the exact probability of every outcome. The result (who
gives ground) follows from the shifted odds; the casualties of both sides follow from Dupuy's
attrition rates (game/rules/attrition.py), so a bad-odds attack costs the attacker dearly and a
crushing one breaks the defender.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass, field

from game.hexes import Hex
from game.rules import constants as C
from game.rules.air import support_strength
from game.rules.attrition import (
    NO_LOSSES,
    Engagement,
    Losses,
    combat_days,
    displacement_losses,
    displacement_share,
    fire_losses,
    fire_rates,
    result_at,
)
from game.rules.losses import changes_of, inflict, remove_unit
from game.rules.movement import MP_DIGITS
from game.rules.stand import stand_reason
from game.rules.state import GameState, Transaction, UnitState
from game.rules.supply import linked
from game.rules.text import losses_text, men_text, names
from game.rules.zoc import occupancy

INFANTRY_LIKE = frozenset({"infantry", "motorized", "airborne", "cavalry", "engineer", "garrison"})


def points(state: GameState, u: UnitState, armour: float = 1.0) -> float:
    """Raw fighting power of a unit's men, tanks and guns; `armour` is what the ground fought
    over leaves of the tanks' power (dunes, forest and towns are poor tank country)."""
    t = state.board.types[u.type]
    tanks = u.tanks * C.TANK_POINTS * t.tank_factor * armour
    return u.men * C.MEN_POINTS + tanks + u.guns * C.GUN_POINTS


def morale_factor(morale: float) -> float:
    """0.6 at no morale, 1.0 at 0.5, 1.4 at full morale."""
    return 0.6 + 0.8 * morale


def attack_value(state: GameState, u: UnitState, armour: float = 1.0) -> float:
    t = state.board.types[u.type]
    v = points(state, u, armour) * t.attack * u.quality * morale_factor(u.morale)
    return v if u.supplied else v * C.OUT_OF_SUPPLY_ATTACK


def defence_value(state: GameState, u: UnitState, armour: float = 1.0) -> float:
    t = state.board.types[u.type]
    v = points(state, u, armour) * t.defence * u.quality * morale_factor(u.morale)
    if not u.supplied:
        v *= C.OUT_OF_SUPPLY_DEFENCE
    if u.entrenched:
        v *= 1.0 + state.sides[u.side].doctrine.entrench_bonus
    return v


def fire_value(state: GameState, u: UnitState) -> float:
    """Artillery fire at range: guns only."""
    v = u.guns * C.GUN_POINTS * C.SUPPORT_FIRE * u.quality
    return v if u.supplied else v * C.OUT_OF_SUPPLY_ATTACK


def bombard_range(state: GameState, u: UnitState) -> int:
    km = state.board.types[u.type].bombard_km
    return 0 if km <= 0 else state.board.hexes_for_km(km)


@dataclass
class Strengths:
    attack: float
    defence: float
    factors: dict[str, float] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def ratio(self) -> float:
        return self.attack / max(self.defence, 0.01)


def strengths(state: GameState, target: Hex, attackers: list[str], support: list[str]) -> Strengths:
    """Attack and defence strength of an attack, with each modifier named for the player."""
    b = state.board
    occ = occupancy(state)
    side = state.units[attackers[0]].side if attackers else state.side
    doctrine = state.sides[side].doctrine
    atk = [state.units[a] for a in attackers]
    dfn = [state.units[d] for d in occ.units_at.get(target, ())]
    terrain = b.terrain[target]
    a = sum(attack_value(state, u, terrain.armour) for u in atk)
    d = sum(defence_value(state, u, terrain.armour) for u in dfn)
    factors: dict[str, float] = {}
    notes: list[str] = []
    if terrain.armour != 1.0 and any(u.tanks for u in atk + dfn):
        factors["armour"] = terrain.armour
        notes.append(f"{terrain.name}: tanks fight at x{terrain.armour:g}")
    if terrain.defence != 1.0:
        factors["terrain"] = terrain.defence
        notes.append(f"{terrain.name}: defence x{terrain.defence:g}")
    d *= terrain.defence
    if any(u.entrenched for u in dfn):
        bonus = 1.0 + state.sides[dfn[0].side].doctrine.entrench_bonus
        factors["entrenched"] = bonus
        notes.append(f"entrenched: defence x{bonus:g}")
    if target in b.river or any(u.pos in b.river for u in atk):
        factors["river"] = C.RIVER_ATTACK
        notes.append(f"attack across a river: attack x{C.RIVER_ATTACK:g}")
        a *= C.RIVER_ATTACK
    cats = {b.types[u.type].category for u in atk}
    has_guns = "artillery" in cats or bool(support)
    if "armour" in cats and cats & INFANTRY_LIKE and doctrine.combined_arms > 0:
        share = 1.0 if has_guns else C.COMBINED_ARMS_PARTIAL
        f = 1.0 + doctrine.combined_arms * share
        factors["combined_arms"] = f
        what = "armour, infantry and guns" if has_guns else "armour and infantry"
        notes.append(f"combined arms ({what}): attack x{f:.2f}")
        a *= f
    if any(not u.supplied for u in atk):
        notes.append(f"attackers out of supply: x{C.OUT_OF_SUPPLY_ATTACK:g}")
        factors["attacker_supply"] = C.OUT_OF_SUPPLY_ATTACK
    if any(not u.supplied for u in dfn):
        notes.append(f"defenders out of supply: x{C.OUT_OF_SUPPLY_DEFENCE:g}")
        factors["defender_supply"] = C.OUT_OF_SUPPLY_DEFENCE
    fire = sum(fire_value(state, state.units[s]) for s in support)
    if fire:
        factors["artillery"] = fire
        notes.append(f"artillery support: +{fire:.1f}")
        a += fire
    air = support_strength(state, side, target)
    if air:
        factors["air"] = air
        notes.append(f"air support: +{air:.1f}")
        a += air
    return Strengths(a, d, factors, notes)


def retreat_path(
    state: GameState,
    u: UnitState,
    steps: int,
    attackers: set[Hex],
    extra_stack: dict[Hex, int],
) -> list[Hex] | None:
    """Where a unit falls back: away from the attackers, never into enemy units, enemy zones of
    control (unless friends hold the hex), restricted zones or over-stacked hexes.
    None if it cannot move even one hex (it then surrenders)."""
    b = state.board
    occ = occupancy(state)
    side_at = occ.side_at
    enemy_zoc = occ.zoc_i[b.other(u.side)]
    index = b.index
    assert u.pos is not None
    here = u.pos
    seen = {here}
    out: list[Hex] = []
    for _ in range(steps):
        best: tuple[int, int, tuple[int, int], Hex] | None = None
        for n in b.neighbours[here]:
            if n in seen or (side_at.get(n) != u.side and index[n] in enemy_zoc):
                continue
            extra = extra_stack.get(n, 0)
            if stand_reason(state, u, n, as_known=False, extra_stack=extra):
                continue
            away = min((n.distance(x) for x in attackers), default=0)
            col, row = b.coord[n]
            key = (away, 1 if state.control.get(n) == u.side else 0, (-row, -col), n)
            if best is None or key[:3] > best[:3]:
                best = key
        if best is None:
            break
        here = best[3]
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


def engagement(state: GameState, target: Hex, attackers: list[str], ratio: float) -> Engagement:
    """The numbers the casualty rates of an attack on `target` depend on."""
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
    return Engagement(
        ratio=ratio,
        days=combat_days(state.turn_hours),
        attacker_men=sum(state.units[a].men for a in attackers),
        defender_men=sum(u.men for u in defenders),
        terrain=terrain.attrition,
        protection=protection,
        attacker_doctrine=state.sides[a_side].doctrine.attacker_losses,
        defender_doctrine=state.sides[d_side].doctrine.defender_losses,
        attacker_quality=_mean_quality(attacking),
        defender_quality=_mean_quality(defenders),
    )


def _mean_quality(units: list[UnitState]) -> float:
    """Quality of a force, weighted by its men."""
    men = sum(u.men for u in units)
    if men <= 0:
        return 1.0
    return sum(u.quality * u.men for u in units) / men


def roll_result(
    state: GameState, target: Hex, attackers: list[str], ratio: float, die: int
) -> Result:
    """What the die roll `die` does to this attack at these odds (pure: the state is unchanged)."""
    b = state.board
    eff = ratio * C.DIE[die]
    outcome, steps = result_at(eff)
    fortress = b.terrain[target].fortified and steps > 0
    stands = outcome == "retreat" and _stands_fast(state, target)
    if fortress or stands:
        steps = 0
    # Defenders who will not give ground keep firing: the attacker pays as in a fight that holds.
    fire_result = "held" if stands else outcome
    rates = fire_rates(engagement(state, target, attackers, eff), fire_result)
    a_doc = state.sides[state.units[attackers[0]].side].doctrine
    tank_country = b.terrain[target].armour
    a_loss = {
        uid: _fire(state.units[uid], rates.attacker, a_doc.wounded_per_killed, tank_country)
        for uid in attackers
    }
    d_loss, retreats, overrun, stood = _defenders(
        state, target, attackers, rates.defender, (outcome, eff), (steps, stands)
    )
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
    )


def _defenders(
    state: GameState,
    target: Hex,
    attackers: list[str],
    rate: float,
    result: tuple[str, float],
    moves: tuple[int, bool],
) -> tuple[dict[str, Losses], dict[str, list[Hex]], list[str], list[str]]:
    """Each defender's losses, and where it falls back to, or whether it is overrun because it
    cannot (no way out) or will not (its doctrine stands fast)."""
    b = state.board
    steps, stands = moves
    d_loss: dict[str, Losses] = {}
    retreats: dict[str, list[Hex]] = {}
    overrun: list[str] = []
    stood: list[str] = []
    attacker_hexes = {p for a in attackers if (p := state.units[a].pos) is not None}
    extra: dict[Hex, int] = {}
    for uid in occupancy(state).units_at.get(target, ()):
        u = state.units[uid]
        path = retreat_path(state, u, steps, attacker_hexes, extra) if steps else None
        blocked = steps > 0 and path is None
        d_loss[uid] = _defender_loss(state, u, target, rate, result, blocked)
        if path is not None:
            retreats[uid] = path
            extra[path[-1]] = extra.get(path[-1], 0) + b.types[u.type].stack
        elif blocked:
            overrun.append(uid)
        elif stands:
            stood.append(uid)
    return d_loss, retreats, overrun, stood


def _stands_fast(state: GameState, target: Hex) -> bool:
    """Whether the defenders of `target` refuse to give ground when driven back (their side's
    doctrine); a rout breaks even them."""
    units = occupancy(state).units_at.get(target, ())
    return bool(units) and state.sides[state.units[units[0]].side].doctrine.stands_fast


def _defender_loss(
    state: GameState,
    u: UnitState,
    target: Hex,
    rate: float,
    result: tuple[str, float],
    blocked: bool,
) -> Losses:
    """A defender's losses: fire, then the stragglers of a retreat, the men overrun when it
    cannot fall back, or (in a fortress, which never falls back) the works lost one by one."""
    outcome, eff = result
    doctrine = state.sides[u.side].doctrine
    loss = _fire(u, rate, doctrine.wounded_per_killed, None)
    terrain = state.board.terrain[target]
    if terrain.fortified:
        share = C.DISPLACE_SHARE.get(outcome, 0.0) * terrain.protection
    else:
        # driven back: stragglers; standing fast: the same share lost where it stands;
        # unable to fall back (blocked): overrun, a larger share
        share = displacement_share(outcome, eff, blocked)
    if share <= 0.0:
        return loss
    share *= doctrine.defender_losses * combat_days(state.turn_hours)
    return loss + _displaced(u, loss, share, doctrine.capture_share, doctrine.wounded_per_killed)


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


@dataclass(frozen=True)
class Odds:
    """What a player sees before attacking."""

    ratio: float
    attack: float
    defence: float
    outcomes: dict[str, float]  # result -> probability (repulsed ... rout, overrun, destroyed)
    attacker_losses: tuple[float, float, float]  # expected men, tanks, guns
    defender_losses: tuple[float, float, float]
    dissolve_chance: float  # chance at least one defender melts away before the fight
    factors: dict[str, float]
    notes: tuple[str, ...]

    def summary(self) -> str:
        parts = [f"{k} {v:.0%}" for k, v in self.outcomes.items() if v > 0]
        return f"odds {self.ratio:.2f}:1 - " + ", ".join(parts)


OUTCOME_NAMES = ("repulsed", "held", "retreat", "rout", "overrun", "destroyed")


def odds(state: GameState, target: Hex, attackers: list[str], support: list[str]) -> Odds:
    """The exact chances and expected losses of an attack, over the six faces of the die."""
    st = strengths(state, target, attackers, support)
    counts = dict.fromkeys(OUTCOME_NAMES, 0)
    al = [0.0, 0.0, 0.0]
    dl = [0.0, 0.0, 0.0]
    p = 1.0 / len(C.DIE)
    for die in range(len(C.DIE)):
        r = roll_result(state, target, attackers, st.ratio, die)
        counts[r.outcome] += 1
        whole = _lost_whole(state, r.broken)
        _add_expected(al, r.attacker_losses.items(), state, whole, p)
        _add_expected(dl, r.defender_losses.items(), state, whole, p)
    keep = 1.0
    for uid in occupancy(state).units_at.get(target, ()):
        keep *= 1.0 - state.board.types[state.units[uid].type].dissolve_chance
    return Odds(
        round(st.ratio, 4),
        round(st.attack, 3),
        round(st.defence, 3),
        {k: n / len(C.DIE) for k, n in counts.items()},
        (round(al[0], 1), round(al[1], 1), round(al[2], 1)),
        (round(dl[0], 1), round(dl[1], 1), round(dl[2], 1)),
        round(1.0 - keep, 4),
        st.factors,
        tuple(st.notes),
    )


def _lost_whole(state: GameState, broken: tuple[str, ...]) -> tuple[str, ...]:
    """Broken units whose remnants are lost too: those with no way back to their lines."""
    return tuple(
        uid
        for uid in broken
        if (u := state.units[uid]).pos is None or u.pos not in linked(state, u.side)
    )


def _add_expected(
    acc: list[float],
    items: Iterable[tuple[str, Losses]],
    state: GameState,
    broken: tuple[str, ...],
    p: float,
) -> None:
    """Add one die face's losses (a unit broken in a pocket loses everything) to expected
    totals."""
    for uid, v in items:
        u = state.units[uid]
        men, tanks, guns = (u.men, u.tanks, u.guns) if uid in broken else (v.men, v.tanks, v.guns)
        acc[0] += men * p
        acc[1] += tanks * p
        acc[2] += guns * p


def _names(state: GameState, uids: list[str]) -> str:
    return names([state.units[u].name for u in uids])


@dataclass
class Report:
    """What an attack did, gathered for its dispatch."""

    changes: list[tuple[str, int, int, int]] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    attacker: Losses = NO_LOSSES
    defender: Losses = NO_LOSSES

    def lost(self, uid: str, losses: Losses) -> None:
        self.changes.append(changes_of(uid, losses))

    def add(self, uid: str, losses: Losses, attacking: bool) -> None:
        """Record a unit's losses and add them to its side's total."""
        self.lost(uid, losses)
        if attacking:
            self.attacker = self.attacker + losses
        else:
            self.defender = self.defender + losses


def _clamp_morale(value: float) -> float:
    return min(C.MORALE_MAX, max(C.MORALE_MIN, value))


def _dissolve(tx: Transaction, defenders: list[str], rng: random.Random, rep: Report) -> list[str]:
    """Some units melt away at the first blow (dissolve_chance); returns those still there."""
    b = tx.state.board
    for uid in sorted(defenders):
        chance = b.types[tx.state.units[uid].type].dissolve_chance
        if chance > 0 and rng.random() < chance:
            rep.add(uid, remove_unit(tx, uid, "dispersed", 0.0), attacking=False)
            rep.texts.append(f"{tx.state.units[uid].name} melts away before the attack.")
    return [d for d in defenders if tx.state.units[d].active]


def _apply_losses(tx: Transaction, r: Result, rep: Report) -> None:
    """Both sides' losses taken from their units and added to the report's totals."""
    for attacking, losses in ((True, r.attacker_losses), (False, r.defender_losses)):
        for uid, loss in losses.items():
            rep.add(uid, inflict(tx, uid, loss), attacking)


def _apply_morale(tx: Transaction, r: Result, attackers: list[str], defenders: list[str]) -> None:
    base = r.outcome if r.outcome in C.MORALE_CHANGE else "rout"
    am, dm = C.MORALE_CHANGE[base]
    for uid in attackers:
        u = tx.unit(uid)
        u.morale = _clamp_morale(u.morale + am)
    for uid in defenders:
        u = tx.unit(uid)
        extra = C.OVERRUN_MORALE if uid in r.overrun else 0.0
        u.morale = _clamp_morale(u.morale + dm + extra)


def _break_up(tx: Transaction, r: Result, rep: Report, attackers: list[str]) -> None:
    """Units beaten below their breaking point break up. With a way back to their lines the
    remnants scatter to the rear and leave the battle (not lost); in a pocket they are lost."""
    for uid in r.broken:
        u = tx.state.units[uid]
        if not u.active:
            continue
        if u.pos is not None and u.men > 0 and u.pos in linked(tx.state, u.side):
            w = tx.unit(uid)
            w.status = "withdrawn"
            w.pos = None
            tx.touch()
            rep.texts.append(
                f"{u.name} is broken up; its last {men_text(u.men)} get back to their lines."
            )
            continue
        capture = tx.state.sides[u.side].doctrine.capture_share
        rep.add(uid, remove_unit(tx, uid, "destroyed", capture), uid in attackers)
        rep.texts.append(f"{u.name} is broken up and destroyed.")


def _fall_back(tx: Transaction, r: Result, rep: Report) -> None:
    """Defenders driven back move; those that could not are overrun where they stand."""
    b = tx.state.board
    for uid, p in r.retreats.items():
        u = tx.unit(uid)
        u.pos = p[-1]
        u.entrenched = False
        verb = "routs" if r.retreat_steps > 1 else "falls back"
        rep.texts.append(f"{u.name} {verb} to {b.name_of(p[-1])}.")
    for uid in r.overrun:
        u = tx.state.units[uid]
        if u.active:
            rep.texts.append(f"{u.name}, with no way out, is overrun but fights on.")
    for uid in r.stood:
        u = tx.state.units[uid]
        if u.active:
            rep.texts.append(f"{u.name} will not give ground and is overrun in its positions.")
    if r.retreats:
        tx.touch()


def _after_attack(tx: Transaction, attackers: list[str], support: list[str], rep: Report) -> None:
    """Attackers have attacked: their movement by doctrine; supporting guns have fired."""
    doctrine = tx.state.sides[tx.state.side].doctrine
    for uid in attackers:
        u = tx.unit(uid)
        if u.active and u.men <= 0 and u.tanks <= 0:
            rep.lost(uid, remove_unit(tx, uid, "destroyed", doctrine.capture_share))
            rep.texts.append(f"{u.name} is destroyed.")
            u = tx.unit(uid)
        u.has_attacked = True
        u.entrenched = False
        u.mp = 0.0 if doctrine.rigid_orders else round(u.mp * doctrine.initiative, MP_DIGITS)
    for uid in support:
        u = tx.unit(uid)
        u.has_attacked = True
        u.mp = 0.0
    tx.touch()


def _advance(tx: Transaction, target: Hex, attackers: list[str], rep: Report) -> bool:
    """Attackers move into the emptied hex as far as stacking allows; True if any did. A unit
    that alone holds a place stays on it (advancing must not hand the place to the enemy)."""
    s = tx.state
    b = s.board
    occ = occupancy(s)
    if occ.units_at.get(target):
        return False
    advanced: list[str] = []
    stack = 0
    for uid in attackers:
        u = s.units[uid]
        t = b.types[u.type]
        if not u.active or u.pos is None or target not in b.enter[(t.move_class, t.bridging)]:
            continue
        if target in b.restricted_hexes[s.side] or stack + t.stack > s.scenario.map.stacking:
            continue
        staying = [x for x in occ.units_at.get(u.pos, ()) if x != uid and x not in advanced]
        if u.pos in b.place_at and not staying:
            continue
        tx.unit(uid).pos = target
        stack += t.stack
        advanced.append(uid)
    if advanced:
        tx.touch()
        verb = "advances" if len(advanced) == 1 else "advance"
        rep.texts.append(f"{_names(s, advanced)} {verb} into {b.name_of(target)}.")
    return bool(advanced)


RESULT_TEXT = {
    "repulsed": "is repulsed",
    "held": "is held",
    "retreat": "drives the defenders back",
    "rout": "routs the defenders",
    "overrun": "overruns the defenders",
    "destroyed": "destroys the defenders",
    "dissolved": "meets no resistance",
}


def attack(
    tx: Transaction,
    target: Hex,
    attackers: list[str],
    support: list[str],
    advance: bool,
    rng: random.Random,
) -> None:
    """Resolve an attack on the hex `target` and record it."""
    b = tx.state.board
    side = tx.state.side
    d_side = b.other(side)
    rep = Report()
    defenders = _dissolve(tx, list(occupancy(tx.state).units_at.get(target, ())), rng, rep)
    for uid in attackers + support + defenders:
        tx.unit(uid).in_combat = True
    outcome, ratio, fortress = "dissolved", 0.0, False
    if defenders:
        ratio = strengths(tx.state, target, attackers, support).ratio
        r = roll_result(tx.state, target, attackers, ratio, rng.randrange(len(C.DIE)))
        outcome, fortress = r.outcome, r.fortress and r.outcome == "held"
        _apply_losses(tx, r, rep)
        _apply_morale(tx, r, attackers, defenders)
        _break_up(tx, r, rep, attackers)
        _fall_back(tx, r, rep)
        rep.texts.insert(
            0,
            f"{b.adjective[side]} losses {losses_text(rep.attacker)}; "
            f"{b.adjective[d_side]} losses {losses_text(rep.defender)}.",
        )
    _after_attack(tx, attackers, support, rep)
    took = advance and _advance(tx, target, attackers, rep)
    s = tx.state
    held = " The fortress holds." if fortress else ""
    head = (
        f"{_names(s, attackers)} attack{'s' if len(attackers) == 1 else ''} {b.name_of(target)}"
        + (f" at {ratio:.1f}:1" if defenders else "")
        + f": the attack {RESULT_TEXT[outcome]}.{held}"
    )
    spots = [target] + [x for a in attackers if (x := s.units[a].pos) is not None]
    hexes = tuple(dict.fromkeys(b.coord[h] for h in spots))
    tx.emit("combat", " ".join([head, *rep.texts]), side, hexes, tuple(rep.changes))
    if took:
        tx.take_hex(target, side)


def bombard_share(state: GameState, uid: str, target: Hex, die: float) -> float:
    """Share of the men in `target` a gun unit's fire kills or wounds: shells kill in proportion
    to the shells fired and the men under them, not to the strength they hit. Cover (terrain
    attrition, dug-in or fortified protection) and the defenders' doctrine cut it; capped at
    BOMBARD_MAX of the men."""
    b = state.board
    defenders = [state.units[x] for x in occupancy(state).units_at.get(target, ())]
    men = sum(u.men for u in defenders)
    if men <= 0:
        return 0.0
    terrain = b.terrain[target]
    cover = terrain.attrition * terrain.protection
    if any(u.entrenched for u in defenders):
        cover *= C.ENTRENCHED_PROTECTION
    gun = state.units[uid]
    doctrine = state.sides[b.other(gun.side)].doctrine
    days = combat_days(state.turn_hours)
    hit = fire_value(state, gun) * C.BOMBARD_MEN_PER_POINT_DAY * days * die * cover
    return min(C.BOMBARD_MAX, hit * doctrine.defender_losses / men)


def bombard(tx: Transaction, uid: str, target: Hex, rng: random.Random) -> None:
    """Artillery fire at range: losses to the defenders, no retreat, no losses to the guns."""
    s = tx.state
    b = s.board
    gun = s.units[uid]
    defenders = list(occupancy(s).units_at.get(target, ()))
    d_side = b.other(gun.side)
    doctrine = s.sides[d_side].doctrine
    share = bombard_share(s, uid, target, C.DIE[rng.randrange(len(C.DIE))])
    rep = Report()
    for x in defenders:
        u = s.units[x]
        loss = fire_losses(
            u.men,
            u.tanks,
            u.guns,
            share,
            doctrine.wounded_per_killed,
            C.BOMBARD_TANK_FACTOR,
            C.BOMBARD_GUN_FACTOR,
        )
        rep.add(x, inflict(tx, x, loss), attacking=False)
        w = tx.unit(x)
        w.in_combat = True
        w.morale = _clamp_morale(w.morale + C.BOMBARD_MORALE)
        if w.men <= 0 and w.tanks <= 0:
            rep.add(x, remove_unit(tx, x, "destroyed", doctrine.capture_share), attacking=False)
            rep.texts.append(f"{w.name} is destroyed.")
    g = tx.unit(uid)
    g.has_attacked = True
    g.in_combat = True
    g.mp = 0.0
    tx.touch()
    tx.emit(
        "bombard",
        f"{gun.name} shells {b.name_of(target)}: {b.adjective[d_side]} losses "
        f"{losses_text(rep.defender)}." + "".join(" " + t for t in rep.texts),
        gun.side,
        (b.coord[target],) if gun.pos is None else (b.coord[gun.pos], b.coord[target]),
        tuple(rep.changes),
    )

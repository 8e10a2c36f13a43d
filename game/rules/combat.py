"""Combat: strengths and their modifiers, the odds a player sees, and the result of an attack.

The random element is one die of six faces that shifts the odds (constants.DIE); everything else
is arithmetic, so preview() can list the exact probability of every outcome.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from game.hexes import Hex
from game.rules import constants as C
from game.rules.air import support_strength
from game.rules.losses import Fate, record_loss, remove_unit
from game.rules.stand import stand_reason
from game.rules.state import GameState, Transaction, UnitState
from game.rules.text import strength
from game.rules.zoc import occupancy

INFANTRY_LIKE = frozenset({"infantry", "motorized", "airborne", "cavalry", "engineer", "garrison"})


def points(state: GameState, u: UnitState) -> float:
    """Raw fighting power of a unit's men, tanks and guns."""
    t = state.board.types[u.type]
    return u.men * C.MEN_POINTS + u.tanks * C.TANK_POINTS * t.tank_factor + u.guns * C.GUN_POINTS


def morale_factor(morale: float) -> float:
    """0.6 at no morale, 1.0 at 0.5, 1.4 at full morale."""
    return 0.6 + 0.8 * morale


def attack_value(state: GameState, u: UnitState) -> float:
    t = state.board.types[u.type]
    v = points(state, u) * t.attack * u.quality * morale_factor(u.morale)
    return v if u.supplied else v * C.OUT_OF_SUPPLY_ATTACK


def defence_value(state: GameState, u: UnitState) -> float:
    t = state.board.types[u.type]
    v = points(state, u) * t.defence * u.quality * morale_factor(u.morale)
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
    a = sum(attack_value(state, u) for u in atk)
    d = sum(defence_value(state, u) for u in dfn)
    factors: dict[str, float] = {}
    notes: list[str] = []
    terrain = b.terrain[target]
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


def outcome_row(eff: float) -> tuple[float, str, float, float, int]:
    for row in C.OUTCOMES:
        if eff < row[0]:
            return row
    return C.OUTCOMES[-1]


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


@dataclass
class Result:
    """What one face of the die does to an attack."""

    outcome: str
    attacker_losses: dict[str, tuple[int, int, int]]
    defender_losses: dict[str, tuple[int, int, int]]
    retreats: dict[str, list[Hex]]
    surrenders: list[str]
    destroyed: list[str]
    retreat_steps: int


def roll_result(
    state: GameState, target: Hex, attackers: list[str], ratio: float, die: int
) -> Result:
    """What the die roll `die` does to this attack at these odds: losses, retreats, surrenders."""
    occ = occupancy(state)
    b = state.board
    row = outcome_row(ratio * C.DIE[die])
    _, name, a_share, d_share, steps = row
    a_side = state.units[attackers[0]].side
    d_side = b.other(a_side)
    a_share *= state.sides[a_side].doctrine.attacker_losses
    d_share *= state.sides[d_side].doctrine.defender_losses
    a_loss: dict[str, tuple[int, int, int]] = {}
    for uid in attackers:
        u = state.units[uid]
        a_loss[uid] = (
            min(u.men, round(u.men * a_share)),
            min(u.tanks, round(u.tanks * a_share * C.ATTACKER_TANK_LOSS)),
            min(u.guns, round(u.guns * a_share * C.ATTACKER_GUN_LOSS)),
        )
    d_loss: dict[str, tuple[int, int, int]] = {}
    retreats: dict[str, list[Hex]] = {}
    surrenders: list[str] = []
    destroyed: list[str] = []
    attacker_hexes = {state.units[a].pos for a in attackers if state.units[a].pos is not None}
    extra: dict[Hex, int] = {}
    for uid in occ.units_at.get(target, ()):
        u = state.units[uid]
        gun_share = d_share * C.DEFENDER_GUN_LOSS[name]
        loss = (
            min(u.men, round(u.men * d_share)),
            min(u.tanks, round(u.tanks * d_share)),
            min(u.guns, round(u.guns * gun_share)),
        )
        d_loss[uid] = loss
        if u.men - loss[0] <= 0 and u.tanks - loss[1] <= 0:
            destroyed.append(uid)
            continue
        if steps:
            p = retreat_path(state, u, steps, attacker_hexes, extra)  # type: ignore[arg-type]
            if p is None:
                surrenders.append(uid)
            else:
                retreats[uid] = p
                extra[p[-1]] = extra.get(p[-1], 0) + b.types[u.type].stack
    if d_loss and len(surrenders) + len(destroyed) == len(d_loss) and surrenders:
        name = "surrender"
    return Result(name, a_loss, d_loss, retreats, surrenders, destroyed, steps)


@dataclass(frozen=True)
class Odds:
    """What a player sees before attacking."""

    ratio: float
    attack: float
    defence: float
    outcomes: dict[str, float]  # outcome -> probability (repulsed, held, retreat, rout, surrender)
    attacker_losses: tuple[float, float, float]  # expected men, tanks, guns
    defender_losses: tuple[float, float, float]
    dissolve_chance: float  # chance at least one defender melts away before the fight
    factors: dict[str, float]
    notes: tuple[str, ...]

    def summary(self) -> str:
        parts = [f"{k} {v:.0%}" for k, v in self.outcomes.items() if v > 0]
        return f"odds {self.ratio:.2f}:1 - " + ", ".join(parts)


def odds(state: GameState, target: Hex, attackers: list[str], support: list[str]) -> Odds:
    st = strengths(state, target, attackers, support)
    ratio = st.ratio
    counts = dict.fromkeys(("repulsed", "held", "retreat", "rout", "surrender"), 0)
    al = [0.0, 0.0, 0.0]
    dl = [0.0, 0.0, 0.0]
    p = 1.0 / len(C.DIE)
    for die in range(len(C.DIE)):
        r = roll_result(state, target, attackers, ratio, die)
        counts[r.outcome] += 1
        for v in r.attacker_losses.values():
            for i in range(3):
                al[i] += v[i] * p
        for uid, v in r.defender_losses.items():
            u = state.units[uid]
            if uid in r.surrenders:
                v = (u.men, u.tanks, u.guns)
            for i in range(3):
                dl[i] += v[i] * p
    outcomes = {k: n / len(C.DIE) for k, n in counts.items()}
    keep = 1.0
    for uid in occupancy(state).units_at.get(target, ()):
        keep *= 1.0 - state.board.types[state.units[uid].type].dissolve_chance
    return Odds(
        round(ratio, 4),
        round(st.attack, 3),
        round(st.defence, 3),
        outcomes,
        (round(al[0], 1), round(al[1], 1), round(al[2], 1)),
        (round(dl[0], 1), round(dl[1], 1), round(dl[2], 1)),
        round(1.0 - keep, 4),
        st.factors,
        tuple(st.notes),
    )


def _names(state: GameState, uids: list[str]) -> str:
    names = [state.units[u].name for u in uids]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _fmt_loss(total: tuple[int, int, int]) -> str:
    return strength(*total)


def _take_out(
    tx: Transaction, uid: str, changes: list[tuple[str, int, int, int]], fate: Fate
) -> tuple[int, int, int]:
    """Remove a unit from play (destroyed or surrendered) and record what it had left."""
    lost = remove_unit(tx, uid, fate=fate)
    changes.append((uid, -lost[0], -lost[1], -lost[2]))
    return lost


def _lose(tx: Transaction, uid: str, loss: tuple[int, int, int]) -> None:
    u = tx.unit(uid)
    u.men -= loss[0]
    u.tanks -= loss[1]
    u.guns -= loss[2]
    record_loss(tx, u.side, *loss)


def attack(
    tx: Transaction,
    target: Hex,
    attackers: list[str],
    support: list[str],
    advance: bool,
    rng: random.Random,
) -> None:
    """Resolve an attack on the hex `target` and record it."""
    s = tx.state
    b = s.board
    side = s.side
    doctrine = s.sides[side].doctrine
    occ = occupancy(s)
    defenders = list(occ.units_at.get(target, ()))
    d_side = b.other(side)
    changes: list[tuple[str, int, int, int]] = []
    texts: list[str] = []
    taken: list[tuple[Hex, str]] = []  # hexes entered, taken after the combat is reported
    where = b.name_of(target)
    # Some units melt away at the first blow (dissolve_chance).
    for uid in sorted(defenders):
        chance = b.types[s.units[uid].type].dissolve_chance
        if chance > 0 and rng.random() < chance:
            _take_out(tx, uid, changes, "destroyed")
            texts.append(f"{s.units[uid].name} melts away before the attack.")
    s = tx.state
    defenders = [d for d in defenders if s.units[d].active]
    for uid in attackers + support:
        u = tx.unit(uid)
        u.in_combat = True
    for uid in defenders:
        tx.unit(uid).in_combat = True
    outcome = "dissolved"
    ratio = 0.0
    if defenders:
        st = strengths(s, target, attackers, support)
        ratio = st.ratio
        die = rng.randrange(len(C.DIE))
        r = roll_result(s, target, attackers, ratio, die)
        outcome = r.outcome
        a_total = [0, 0, 0]
        d_total = [0, 0, 0]
        for uid, loss in r.attacker_losses.items():
            _lose(tx, uid, loss)
            changes.append((uid, -loss[0], -loss[1], -loss[2]))
            for i in range(3):
                a_total[i] += loss[i]
        for uid, loss in r.defender_losses.items():
            _lose(tx, uid, loss)
            changes.append((uid, -loss[0], -loss[1], -loss[2]))
            for i in range(3):
                d_total[i] += loss[i]
        am, dm = C.MORALE_CHANGE.get(outcome if outcome != "surrender" else "rout", (0.0, 0.0))
        for uid in attackers:
            u = tx.unit(uid)
            u.morale = min(C.MORALE_MAX, max(C.MORALE_MIN, u.morale + am))
        moved: list[str] = []
        for uid in defenders:
            u = tx.unit(uid)
            u.morale = min(C.MORALE_MAX, max(C.MORALE_MIN, u.morale + dm))
            if uid in r.destroyed:
                lost = _take_out(tx, uid, changes, "destroyed")
                for i in range(3):
                    d_total[i] += lost[i]
                texts.append(f"{u.name} is destroyed.")
            elif uid in r.surrenders:
                lost = _take_out(tx, uid, changes, "surrendered")
                for i in range(3):
                    d_total[i] += lost[i]
                texts.append(f"{u.name}, with no way out, surrenders.")
            elif uid in r.retreats:
                p = r.retreats[uid]
                u.pos = p[-1]
                u.entrenched = False
                for h in p:
                    taken.append((h, d_side))
                moved.append(uid)
                verb = "routs" if r.retreat_steps > 1 else "falls back"
                texts.append(f"{u.name} {verb} to {b.name_of(p[-1])}.")
        if moved:
            tx.touch()
        texts.insert(
            0,
            f"{b.adjective[side]} losses {_fmt_loss((a_total[0], a_total[1], a_total[2]))}; "
            f"{b.adjective[d_side]} losses {_fmt_loss((d_total[0], d_total[1], d_total[2]))}.",
        )
    for uid in attackers:
        u = tx.unit(uid)
        if u.active and u.men <= 0 and u.tanks <= 0:
            _take_out(tx, uid, changes, "destroyed")
            texts.append(f"{u.name} is destroyed.")
            u = tx.unit(uid)
        u.has_attacked = True
        u.entrenched = False
        u.mp = 0.0 if doctrine.rigid_orders else round(u.mp * doctrine.initiative, 6)
    for uid in support:
        u = tx.unit(uid)
        u.has_attacked = True
        u.mp = 0.0
    tx.touch()
    s = tx.state
    advanced: list[str] = []
    if advance and not occupancy(s).units_at.get(target):
        for uid in attackers:
            u = s.units[uid]
            if not u.active:
                continue
            t = b.types[u.type]
            if target not in b.enter[(t.move_class, t.bridging)]:
                continue
            if target in b.restricted_hexes[side]:
                continue
            stack = sum(b.types[s.units[x].type].stack for x in advanced)
            if stack + t.stack > s.scenario.map.stacking:
                continue
            w = tx.unit(uid)
            w.pos = target
            advanced.append(uid)
        if advanced:
            tx.touch()
            taken.append((target, side))
            texts.append(
                f"{_names(s, advanced)} advance{'s' if len(advanced) == 1 else ''} into {where}."
            )
    names = {
        "repulsed": "is repulsed",
        "held": "is held",
        "retreat": "drives the defenders back",
        "rout": "routs the defenders",
        "surrender": "forces a surrender",
        "dissolved": "meets no resistance",
    }
    head = (
        f"{_names(s, attackers)} attack{'s' if len(attackers) == 1 else ''} {where}"
        + (f" at {ratio:.1f}:1" if defenders else "")
        + f": the attack {names[outcome]}."
    )
    spots = [target] + [x for a in attackers if (x := s.units[a].pos) is not None]
    hexes = tuple(dict.fromkeys(b.coord[h] for h in spots))
    tx.emit("combat", " ".join([head, *texts]), side, hexes, tuple(changes))
    for h, who in taken:
        tx.take_hex(h, who)


def bombard(tx: Transaction, uid: str, target: Hex, rng: random.Random) -> None:
    """Artillery fire at range: losses to the defenders, no retreat, no losses to the guns."""
    s = tx.state
    b = s.board
    occ = occupancy(s)
    gun = s.units[uid]
    defenders = list(occ.units_at.get(target, ()))
    fire = fire_value(s, gun)
    d = sum(defence_value(s, s.units[x]) for x in defenders) * b.terrain[target].defence
    die = rng.randrange(len(C.DIE))
    d_side = b.other(gun.side)
    share = min(C.BOMBARD_MAX, C.BOMBARD_LOSS * fire / max(d, 0.01) * C.DIE[die])
    share *= s.sides[d_side].doctrine.defender_losses
    changes: list[tuple[str, int, int, int]] = []
    total = [0, 0, 0]
    extra: list[str] = []
    for x in defenders:
        u = s.units[x]
        loss = (
            min(u.men, round(u.men * share)),
            min(u.tanks, round(u.tanks * share * 0.3)),
            min(u.guns, round(u.guns * share * 0.5)),
        )
        _lose(tx, x, loss)
        w = tx.unit(x)
        w.in_combat = True
        w.morale = max(C.MORALE_MIN, w.morale - 0.02)
        changes.append((x, -loss[0], -loss[1], -loss[2]))
        for i in range(3):
            total[i] += loss[i]
        if w.men <= 0 and w.tanks <= 0:
            _take_out(tx, x, changes, "destroyed")
            extra.append(f"{w.name} is destroyed.")
    g = tx.unit(uid)
    g.has_attacked = True
    g.in_combat = True
    g.mp = 0.0
    tx.touch()
    tx.emit(
        "bombard",
        f"{gun.name} shells {b.name_of(target)}: {b.adjective[d_side]} losses "
        f"{_fmt_loss((total[0], total[1], total[2]))}."
        + ("" if not extra else " " + " ".join(extra)),
        gun.side,
        (b.coord[target],) if gun.pos is None else (b.coord[gun.pos], b.coord[target]),
        tuple(changes),
    )

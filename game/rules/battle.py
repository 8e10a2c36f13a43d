"""Carrying out an attack or a bombardment on the state: losses, morale, units breaking up,
falling back and advancing, and the dispatch that tells of it."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from game.hexes import Hex
from game.rules import constants as C
from game.rules.attrition import NO_LOSSES, Losses, combat_days, fire_losses
from game.rules.combat import fire_value, strengths
from game.rules.combat_result import Result, fire_room, roll_result
from game.rules.losses import changes_of, inflict, remove_unit
from game.rules.movement import MP_DIGITS
from game.rules.state import GameState, Transaction
from game.rules.supply import linked
from game.rules.text import losses_text, men_text, names, verb_for
from game.rules.zoc import occupancy


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
    for uid, taken in r.fire_taken.items():
        u = tx.unit(uid)
        u.fire_taken = taken
        u.overrun_taken = r.overrun_taken.get(uid, u.overrun_taken)


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
        went = (
            verb_for(u.name, "routs", "rout")
            if r.retreat_steps > 1
            else verb_for(u.name, "falls back", "fall back")
        )
        rep.texts.append(f"{u.name} {went} to {b.name_of(p[-1])}.")
    for uid in r.overrun:
        u = tx.state.units[uid]
        if u.active:
            rep.texts.append(f"{u.name}, with no way out, is overrun but fights on.")
    for uid in r.stood:
        u = tx.state.units[uid]
        if u.active:
            rep.texts.append(
                f"{u.name} will not give ground: its forward positions are overrun, "
                "but it fights on where it stands."
            )
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
    """Share of the men in `target` a gun unit's fire kills or wounds. Shells kill in proportion
    to the shells fired and to how thickly men stand under them: a crowded hex loses about the
    fire's full toll, a thin garrison a toll in proportion to its men (BOMBARD_SPREAD_MEN). Cover
    (terrain attrition, dug-in or fortified protection) and the defenders' doctrine cut it; capped
    at BOMBARD_MAX of the men (and bombard() keeps it within the defenders' daily ceiling)."""
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
    return min(C.BOMBARD_MAX, hit * doctrine.defender_losses / (men + C.BOMBARD_SPREAD_MEN))


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
        # shelling and the attacks of a turn together stay within the day's ceiling
        room = fire_room(s, u)
        hit = share if room is None else min(share, room)
        loss = fire_losses(
            u.men,
            u.tanks,
            u.guns,
            hit,
            doctrine.wounded_per_killed,
            C.BOMBARD_TANK_FACTOR,
            C.BOMBARD_GUN_FACTOR,
        )
        rep.add(x, inflict(tx, x, loss), attacking=False)
        w = tx.unit(x)
        w.in_combat = True
        w.fire_taken += hit
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

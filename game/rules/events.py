"""Scripted events (trigger -> effects), reinforcements, and the arrival of units on the map."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from typing import Any

from game.hexes import Hex
from game.rules import constants as C
from game.rules.attrition import NO_LOSSES, fire_losses
from game.rules.losses import changes_of, inflict, remove_unit
from game.rules.movement import max_mp
from game.rules.stand import stand_reason
from game.rules.state import GameState, Transaction, UnitState
from game.rules.text import losses_text, plural, strength
from game.rules.zoc import occupancy
from game.scenario.geometry import resolve
from game.scenario.models import (
    AirEffect,
    BuildCrossingEffect,
    DestroyCrossingEffect,
    DisableZoneEffect,
    Doctrine,
    DoctrineEffect,
    EnableZoneEffect,
    EndGameEffect,
    Event,
    LossesEffect,
    MessageEffect,
    MoraleEffect,
    PostureEffect,
    ReleaseUnitsEffect,
    SupplyEffect,
    SurrenderEffect,
    Trigger,
    Unit,
    VictoryPointsEffect,
    WithdrawEffect,
)

GONE = ("pool", "withdrawn")  # statuses of units a strength_below trigger leaves out


def _triggered(s: GameState, e: Event, date: dt.datetime) -> bool:
    return holds(s, e.trigger, date) and (e.when is None or holds(s, e.when, date))


def holds(s: GameState, t: Trigger, date: dt.datetime | None = None) -> bool:
    """Whether a trigger (or a `when` condition) holds now. `date`: the state's date, if the
    caller has it (every event is checked after every command)."""
    b = s.board
    if t.type == "date":
        return (s.date if date is None else date) >= t.date
    if t.type == "turn":
        return s.turn >= t.turn
    if t.type == "place_captured":
        return (t.place, t.by) in s.captures
    if t.type == "place_held":
        return s.place_owner.get(t.place) == t.by
    if t.type == "unit_destroyed":
        u = s.units.get(t.unit)
        return u is not None and u.status in ("destroyed", "surrendered")
    if t.type == "strength_below":
        start = now = 0  # checked after every command: one pass over the units
        side, group = t.side, t.group
        for u in s.units.values():
            if u.side == side and u.status not in GONE and (not group or u.group == group):
                start += u.men0
                now += u.men
        return start > 0 and now < t.fraction * start
    if t.type == "event_fired":
        return t.event in s.fired
    if t.type == "zone_clear":
        hexes = b.zones.get(t.zone, frozenset())
        side_at = occupancy(s).side_at
        if len(hexes) < len(side_at):
            return not any(side_at.get(h) == t.side for h in hexes)
        return not any(side == t.side and h in hexes for h, side in side_at.items())
    if t.type == "encircled":
        return _encircled_share(s, t.side, t.zone) >= t.share
    if t.type == "units_near":
        return _men_near(s, t.side, t.group, b.place_hex[t.place], t.within_km) >= t.men
    if t.type == "all":
        return all(holds(s, c, date) for c in t.of)
    if t.type == "any":
        return any(holds(s, c, date) for c in t.of)
    return False


def _men_near(s: GameState, side: str, group: str, at: Hex, within_km: float) -> int:
    """Men of a side's active units (of `group`, if named) standing within `within_km` of `at`."""
    reach = int(within_km / s.scenario.scale.hex_km + 1e-9)
    return sum(
        u.men
        for u in s.units.values()
        if u.side == side
        and u.active
        and (not group or u.group == group)
        and u.pos is not None
        and u.pos.distance(at) <= reach
    )


def _encircled_share(s: GameState, side: str, zone: str) -> float:
    """Share of a side's men (in `zone`, if named) in units cut off from every source."""
    hexes = s.board.zones.get(zone) if zone else None
    units = [
        u
        for u in s.units.values()
        if u.side == side and u.active and (hexes is None or u.pos in hexes)
    ]
    men = sum(u.men for u in units)
    return sum(u.men for u in units if u.encircled) / men if men else 0.0


def check_events(tx: Transaction, rng: random.Random) -> None:
    """Fire every event whose trigger holds, repeating so chains of events fire together."""
    for _ in range(100):
        s = tx.state
        fired = set(s.fired)
        date = s.date
        due = [e for e in _live(s, date) if e.id not in fired and _triggered(s, e, date)]
        if not due:
            return
        for e in due:
            fire(tx, e, rng)


def _live(s: GameState, date: dt.datetime) -> tuple[Event, ...]:
    """The scenario's events, in order, but those that cannot fire on `date`: held back by
    `not_before`, or waiting for a later date (trigger or `when`). Worked out once a date:
    events are checked after every command."""
    memo = s.board.events_on
    hit = memo.get(date)
    if hit is None:
        hit = tuple(
            e
            for e in s.scenario.events
            if (e.not_before is None or date >= e.not_before)
            and not _before(e.trigger, date)
            and not (e.when is not None and _before(e.when, date))
        )
        memo[date] = hit
    return hit


def _before(t: Trigger, date: dt.datetime) -> bool:
    """Whether `t` is a date not yet reached on `date`."""
    return t.type == "date" and not date >= t.date


def fire(tx: Transaction, e: Event, rng: random.Random) -> None:
    """Fire one event: mark it fired, write its dispatch, then apply its effects in order."""
    tx.state.fired.append(e.id)
    tx.emit("event", f"{e.title}. {e.text}".strip(), "")
    for fx in e.effects:
        _EFFECTS[type(fx)](tx, e, fx, rng)


def _message(tx: Transaction, e: Event, fx: MessageEffect, rng: random.Random) -> None:
    if fx.when is None or holds(tx.state, fx.when):
        tx.emit("message", fx.text)


def _losses(tx: Transaction, e: Event, fx: LossesEffect, rng: random.Random) -> None:
    """A share of the chosen units' men, tanks and guns is lost (killed or wounded)."""
    s = tx.state
    chosen = sorted(
        u.id
        for u in s.units.values()
        if u.side == fx.side
        and u.active
        and (not fx.group or u.group == fx.group)
        and (not fx.units or u.id in fx.units)
    )
    wounded_per_killed = s.sides[fx.side].doctrine.wounded_per_killed
    changes = []
    total = NO_LOSSES
    for uid in chosen:
        u = tx.state.units[uid]
        lost = inflict(
            tx, uid, fire_losses(u.men, u.tanks, u.guns, fx.share, wounded_per_killed, 1.0, 1.0)
        )
        changes.append(changes_of(uid, lost))
        total = total + lost
    if total:
        what = fx.text or e.title
        tx.emit(
            "losses",
            f"{what}: {s.board.adjective[fx.side]} losses {losses_text(total)}.",
            fx.side,
            changes=tuple(changes),
        )


def _release_units(tx: Transaction, e: Event, fx: ReleaseUnitsEffect, rng: random.Random) -> None:
    """Units held in the pool until this event arrive now."""
    s = tx.state
    for u in sorted(s.units.values(), key=lambda u: u.id):
        model = _model(s, u.id)
        if u.status == "pool" and model is not None and model.released_by == e.id:
            arrive(tx, u.id)


def _doctrine(tx: Transaction, e: Event, fx: DoctrineEffect, rng: random.Random) -> None:
    ss = tx.side(fx.side)
    data = ss.doctrine.model_dump()
    data.update(fx.set)
    ss.doctrine = Doctrine.model_validate(data, strict=False)
    tx.touch()
    tx.emit(
        "doctrine",
        f"{tx.state.board.adjective[fx.side]} doctrine changes: "
        + "; ".join(doctrine_words(k, v) for k, v in fx.set.items())
        + ".",
        fx.side,
    )


def doctrine_words(name: str, value: float | bool | int) -> str:
    """A doctrine change in words, from the field's own description: 'share of movement left
    after attacking now 10%' rather than 'initiative = 0.1'."""
    field = Doctrine.model_fields.get(name)
    what = (field.description or name) if field else name.replace("_", " ")
    what = what.split(";")[0].split(" (")[0].rstrip(".")
    what = what[:1].lower() + what[1:]
    if isinstance(value, bool):
        return f"{what}: {'yes' if value else 'no'}"
    if what.startswith("share") and 0 <= value <= 1:
        return f"{what} now {value:.0%}"
    return f"{what} now {value:g}"


def _morale(tx: Transaction, e: Event, fx: MoraleEffect, rng: random.Random) -> None:
    for u in list(tx.state.units.values()):
        if u.side == fx.side and (not fx.group or u.group == fx.group):
            if u.status in ("active", "pool"):
                w = tx.unit(u.id)
                w.morale = min(C.MORALE_MAX, max(C.MORALE_MIN, w.morale + fx.change))


def _supply(tx: Transaction, e: Event, fx: SupplyEffect, rng: random.Random) -> None:
    tx.side(fx.side).supply_factor *= fx.range_factor
    tx.touch()


def _air(tx: Transaction, e: Event, fx: AirEffect, rng: random.Random) -> None:
    ss = tx.side(fx.side)
    ss.aircraft = max(0, ss.aircraft + fx.aircraft)


def _surrender(tx: Transaction, e: Event, fx: SurrenderEffect, rng: random.Random) -> None:
    """A share of a side's (or group's) active units, drawn at random, lays down its arms."""
    s = tx.state
    pool = sorted(
        u.id
        for u in s.units.values()
        if u.side == fx.side and u.active and (not fx.group or u.group == fx.group)
    )
    n = round(len(pool) * fx.fraction)
    chosen = sorted(rng.sample(pool, n)) if n < len(pool) else pool
    changes = [changes_of(uid, remove_unit(tx, uid, fate="surrendered")) for uid in chosen]
    if chosen:
        tx.emit(
            "surrender",
            f"{plural(len(chosen), s.board.adjective[fx.side] + ' unit')} "
            + ("lays" if len(chosen) == 1 else "lay")
            + " down their arms.",
            fx.side,
            changes=tuple(changes),
        )


def _withdraw(tx: Transaction, e: Event, fx: WithdrawEffect, rng: random.Random) -> None:
    s = tx.state
    gone = sorted(
        u.id
        for u in s.units.values()
        if u.side == fx.side
        and u.status in ("active", "pool")
        and ((fx.group and u.group == fx.group) or u.id in fx.units)
    )
    for uid in gone:
        u = tx.unit(uid)
        u.status = "withdrawn"
        u.pos = None
    if gone:
        tx.touch()
        names = ", ".join(s.units[uid].name for uid in gone)
        tx.emit("withdraw", f"Withdrawn from the front: {names}.", fx.side)


def _posture(tx: Transaction, e: Event, fx: PostureEffect, rng: random.Random) -> None:
    key = fx.side + (f"/{fx.group}" if fx.group else "")
    tx.state.postures[key] = fx.posture


def _victory_points(tx: Transaction, e: Event, fx: VictoryPointsEffect, rng: random.Random) -> None:
    tx.side(fx.side).vp_bonus += fx.vp


def _end_game(tx: Transaction, e: Event, fx: EndGameEffect, rng: random.Random) -> None:
    tx.state.game_over = True
    if fx.text:
        tx.emit("end", fx.text)


def _switch_zone(
    tx: Transaction, e: Event, fx: EnableZoneEffect | DisableZoneEffect, rng: random.Random
) -> None:
    """A zone's restrictions (who may not enter, attack into it, or project a zone of control
    across its edge) are switched on or off from now on."""
    s = tx.state
    on = fx.type == "enable_zone"
    zone = s.board.zone_models[fx.zone]
    active = dict(s.map_changes.zones).get(fx.zone, zone.active)
    if active == on:
        return
    s.change_map(s.map_changes.switch_zone(fx.zone, on))
    tx.touch()
    tx.emit("zone", f"{zone.name}: restrictions {'in force' if on else 'lifted'}.")


def _change_crossing(
    tx: Transaction, e: Event, fx: BuildCrossingEffect | DestroyCrossingEffect, rng: random.Random
) -> None:
    """A crossing over a river hex is built (or replaced) or destroyed from now on."""
    s = tx.state
    at = resolve(s.scenario, fx.at)
    h = None if at is None else s.board.hex_at(at)
    if h is None:
        return
    b = s.board
    if isinstance(fx, BuildCrossingEffect):
        name = fx.name or b.crossing_name.get(h, "")
        s.change_map(s.map_changes.set_crossing(h, fx.kind, name))
        text = f"A {fx.kind} is built at {s.board.name_of(h)}."
    else:
        if h not in b.crossing:
            return
        text = f"The {b.crossing[h]} at {b.name_of(h)} is destroyed."
        s.change_map(s.map_changes.set_crossing(h, None, ""))
    tx.touch()
    tx.emit("crossing", text, "", (b.coord[h],))


# What each kind of effect does, one function per effect class of the scenario format.
_EFFECTS: dict[type[Any], Callable[[Transaction, Event, Any, random.Random], None]] = {
    LossesEffect: _losses,
    EnableZoneEffect: _switch_zone,
    DisableZoneEffect: _switch_zone,
    BuildCrossingEffect: _change_crossing,
    DestroyCrossingEffect: _change_crossing,
    MessageEffect: _message,
    ReleaseUnitsEffect: _release_units,
    DoctrineEffect: _doctrine,
    MoraleEffect: _morale,
    SupplyEffect: _supply,
    AirEffect: _air,
    SurrenderEffect: _surrender,
    WithdrawEffect: _withdraw,
    PostureEffect: _posture,
    VictoryPointsEffect: _victory_points,
    EndGameEffect: _end_game,
}


def _model(s: GameState, uid: str) -> Unit | None:
    return s.board.unit_models.get(uid)


def arrival_hex(s: GameState, u: UnitState, want: Hex) -> Hex | None:
    """The unit's own arrival hex, or the nearest one it may stand in (no enemy, stacking,
    ground it can enter, not a restricted zone)."""
    b = s.board
    for radius in range(0, max(b.width, b.height) + 1):
        ring = sorted(want.ring(radius), key=lambda h: (h.r, h.q))
        for h in ring:
            if h not in b.coord:
                continue
            own_hex = h == want and bool(b.terrain[h].move_cost)
            if not stand_reason(s, u, h, as_known=False, check_ground=not own_hex):
                return h
    return None


def arrive(tx: Transaction, uid: str) -> None:
    """Bring a unit from the pool onto the map with full movement points if its side moves."""
    s = tx.state
    b = s.board
    model = _model(s, uid)
    u0 = s.units[uid]
    want = None
    if model is not None:
        at = resolve(s.scenario, model.at)
        if at is not None:
            want = b.hex_at(at)
    if want is None:
        return
    h = arrival_hex(s, u0, want)
    if h is None:
        tx.emit(
            "arrival",
            f"{u0.name} cannot reach the front: every hex near "
            f"{b.name_of(want)} is full or held by the enemy.",
            u0.side,
        )
        return
    u = tx.unit(uid)
    u.status = "active"
    u.pos = h
    u.mp = max_mp(s, u) if u.side == s.side else 0.0
    tx.touch()
    tx.emit(
        "arrival",
        f"{u.name} ({strength(u.men, u.tanks, u.guns)}) arrives at {b.name_of(h)}.",
        u.side,
        (b.coord[h],),
        ((uid, u.men, u.tanks, u.guns),),
    )
    tx.take_hex(h, u.side)


def due_arrivals(tx: Transaction, side: str) -> None:
    """Reinforcements whose date has come enter at the start of their side's turn."""
    s = tx.state
    for m in s.scenario.units:
        u = s.units.get(m.id)
        if u is None or u.status != "pool" or u.side != side or m.arrives is None:
            continue
        if m.arrives <= s.date:
            arrive(tx, m.id)

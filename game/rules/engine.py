"""new_game, validate and apply: the only ways a game changes.

apply() never mutates its input: it works on a copy-on-write state.Transaction. Each command draws
its randomness from random.Random derived from (seed, command index), so a replay of the same
commands on the same scenario and seed gives the same state, bit for bit.
"""

from __future__ import annotations

import random

from game.hexes import Coord, Hex
from game.rules import air
from game.rules.board import board_for
from game.rules.combat import Odds, bombard_range, odds
from game.rules.combat import attack as resolve_attack
from game.rules.combat import bombard as resolve_bombard
from game.rules.commands import (
    AirCommand,
    AttackCommand,
    BombardCommand,
    Command,
    EndTurnCommand,
    EntrenchCommand,
    MoveCommand,
)
from game.rules.events import check_events, due_arrivals
from game.rules.fog import seen_hexes
from game.rules.movement import (
    cost_without_limit,
    max_mp,
    move_cost,
    path_hexes,
)
from game.rules.stand import stand_reason
from game.rules.state import GameEvent, GameState, Options, SideState, Transaction, UnitState
from game.rules.supply import update_supply
from game.rules.victory import status, sudden_death
from game.rules.zoc import occupancy
from game.scenario.geometry import resolve
from game.scenario.models import Scenario


class IllegalCommand(ValueError):
    """apply() was given a command validate() refuses; `reasons` says why."""

    def __init__(self, reasons: list[str]) -> None:
        super().__init__("; ".join(reasons))
        self.reasons = reasons


def command_rng(seed: int, index: int) -> random.Random:
    """The random generator of command number `index` (setup uses -1)."""
    return random.Random(seed * 1_000_003 + index + 1)


def _fmt(c: tuple[int, int]) -> str:
    return f"[{c[0]},{c[1]}]"


# --- new game --------------------------------------------------------------------------------


def new_game(scenario: Scenario, seed: int = 0, options: Options | None = None) -> GameState:
    """The state at the start of the scenario: units placed, supply traced, first side to move."""
    b = board_for(scenario)
    opts = options or Options()
    doctrines = {s.id: s.doctrine for s in scenario.sides}
    units: dict[str, UnitState] = {}
    for m in scenario.units:
        at = resolve(scenario, m.at)
        pos = Hex.from_offset(*at) if at is not None else None
        waiting = m.arrives is not None or bool(m.released_by)
        units[m.id] = UnitState(
            id=m.id,
            side=m.side,
            type=m.type,
            name=m.name,
            group=m.group,
            pos=None if waiting else pos,
            men=m.men,
            tanks=m.tanks,
            guns=m.guns,
            men0=m.men,
            tanks0=m.tanks,
            guns0=m.guns,
            quality=m.quality,
            morale=doctrines[m.side].morale,
            status="pool" if waiting else "active",
            entrenched=m.entrenched,
        )
    sides = {
        s.id: SideState(
            id=s.id, doctrine=s.doctrine, aircraft=s.air.aircraft, air_quality=s.air.quality
        )
        for s in scenario.sides
    }
    control: dict[Hex, str] = {}
    owner: dict[str, str] = {}
    for p in scenario.places:
        if p.owner:
            owner[p.id] = p.owner
            control[Hex.from_offset(*p.at)] = p.owner
    for u in units.values():
        if u.pos is not None:
            control[u.pos] = u.side
            place = b.place_at.get(u.pos)
            if place is not None and place.id not in owner:
                owner[place.id] = u.side
    first = scenario.calendar.first_side or b.sides[0]
    state = GameState(
        scenario=scenario,
        board=b,
        seed=seed,
        options=opts,
        turn=1,
        side=first,
        units=units,
        sides=sides,
        control=control,
        place_owner=owner,
        captures=[],
        fired=[],
        postures={},
        air=[],
        log=[],
    )
    tx = Transaction(state)
    rng = command_rng(seed, -1)
    tx.emit("start", f"{scenario.meta.title}: the game begins. {b.side_name[first]} to move.")
    update_supply(tx, b.other(first), rng, effects=False)
    _start_side_turn(tx, first, rng, effects=False)
    check_events(tx, rng)
    _after(tx, start=True)
    tx.state.cache.clear()
    return tx.state


# --- validation ------------------------------------------------------------------------------


def _own_unit(state: GameState, uid: str, errs: list[str]) -> UnitState | None:
    u = state.units.get(uid)
    if u is None:
        errs.append(f"there is no unit '{uid}'")
        return None
    if u.side != state.side:
        errs.append(
            f"{u.name} is {state.board.adjective[u.side]}; "
            f"{state.board.side_name[state.side]} is to move"
        )
        return None
    if u.status != "active":
        where = {"pool": "has not arrived yet", "destroyed": "has been destroyed"}
        errs.append(f"{u.name} {where.get(u.status, 'has surrendered')}")
        return None
    return u


def _target(state: GameState, c: Coord, errs: list[str]) -> Hex | None:
    h = state.board.hex_at(c)
    if h is None:
        errs.append(f"{_fmt(c)} is off the map")
    return h


def validate(state: GameState, cmd: Command) -> list[str]:
    """Readable reasons why `cmd` is illegal now; an empty list means it may be applied."""
    if state.game_over:
        return ["the game is over"]
    errs: list[str] = []
    b = state.board
    if isinstance(cmd, MoveCommand):
        u = _own_unit(state, cmd.unit, errs)
        h = _target(state, cmd.to, errs)
        if u is None or h is None:
            return errs
        assert u.pos is not None
        if h == u.pos:
            return [f"{u.name} is already at {_fmt(cmd.to)}"]
        if u.has_attacked and state.sides[u.side].doctrine.rigid_orders:
            return [f"{u.name} has attacked this turn and its orders are rigid: it may not move"]
        if u.mp <= 1e-9:
            return [f"{u.name} has no movement points left"]
        why = stand_reason(state, u, h)
        if why:
            return [why]
        if move_cost(state, u, h) is None:
            cost = cost_without_limit(state, u, h)
            if cost is None:
                return [
                    f"{_fmt(cmd.to)} cannot be reached: enemy units, zones of control, rivers "
                    "or impassable ground are in the way"
                ]
            return [
                f"{u.name} has {u.mp:.1f} movement points left; {_fmt(cmd.to)} costs {cost:.1f}"
            ]
        return []
    if isinstance(cmd, AttackCommand):
        h = _target(state, cmd.target, errs)
        if not cmd.units:
            errs.append("choose at least one unit to attack with")
        if h is None:
            return errs
        occ = occupancy(state)
        if occ.side_at.get(h) != state.enemy:
            errs.append(f"there is no enemy unit at {_fmt(cmd.target)}")
        seen: set[str] = set()
        for uid in (*cmd.units, *cmd.support):
            if uid in seen:
                errs.append(
                    f"{state.units[uid].name if uid in state.units else uid} is listed twice"
                )
            seen.add(uid)
        for uid in cmd.units:
            u = _own_unit(state, uid, errs)
            if u is None:
                continue
            assert u.pos is not None
            if u.has_attacked:
                errs.append(f"{u.name} has already attacked this turn")
            elif u.pos.distance(h) != 1:
                errs.append(f"{u.name} at {_fmt(b.coord[u.pos])} is not next to {_fmt(cmd.target)}")
            elif b.types[u.type].attack <= 0:
                errs.append(f"{u.name} cannot attack")
        for uid in cmd.support:
            u = _own_unit(state, uid, errs)
            if u is not None:
                errs.extend(_fire_reasons(state, u, h, cmd.target))
        return errs
    if isinstance(cmd, BombardCommand):
        u = _own_unit(state, cmd.unit, errs)
        h = _target(state, cmd.target, errs)
        if u is None or h is None:
            return errs
        if occupancy(state).side_at.get(h) != state.enemy or (
            state.options.fog and h not in seen_hexes(state, state.side)
        ):
            errs.append(f"there is no enemy unit in sight at {_fmt(cmd.target)}")
        errs.extend(_fire_reasons(state, u, h, cmd.target))
        return errs
    if isinstance(cmd, AirCommand):
        ss = state.sides[state.side]
        free = ss.aircraft - ss.air_allocated
        if free <= 0:
            errs.append("no aircraft are free this turn")
        elif cmd.aircraft > free:
            errs.append(f"only {free} aircraft are free this turn")
        if cmd.mission in ("support", "interdiction"):
            if cmd.target is None:
                errs.append(f"a {cmd.mission} mission needs a target hex")
            else:
                _target(state, cmd.target, errs)
        return errs
    if isinstance(cmd, EntrenchCommand):
        u = _own_unit(state, cmd.unit, errs)
        if u is None:
            return errs
        if u.entrenched:
            errs.append(f"{u.name} is already entrenched")
        if u.moved:
            errs.append(f"{u.name} has moved this turn and cannot dig in")
        if u.has_attacked:
            errs.append(f"{u.name} has fought this turn and cannot dig in")
        return errs
    if isinstance(cmd, EndTurnCommand):
        return []
    return [f"unknown command {cmd!r}"]


def _fire_reasons(state: GameState, u: UnitState, h: Hex, c: tuple[int, int]) -> list[str]:
    rng = bombard_range(state, u)
    assert u.pos is not None
    if rng <= 0:
        return [f"{u.name} has no artillery range"]
    if u.has_attacked:
        return [f"{u.name} has already fired or fought this turn"]
    d = u.pos.distance(h)
    if d > rng:
        return [f"{u.name} is out of range: {_fmt(c)} is {d} hexes away, its range is {rng}"]
    return []


# --- applying --------------------------------------------------------------------------------


def apply(state: GameState, cmd: Command) -> tuple[GameState, list[GameEvent]]:
    """The state after `cmd` and what happened; raises IllegalCommand if validate() objects."""
    errs = validate(state, cmd)
    if errs:
        raise IllegalCommand(errs)
    rng = command_rng(state.seed, state.command_count)
    tx = Transaction(state)
    tx.state.command_count += 1
    b = state.board
    if isinstance(cmd, MoveCommand):
        _move(tx, cmd, state)
    elif isinstance(cmd, AttackCommand):
        h = b.hex_at(cmd.target)
        assert h is not None
        resolve_attack(tx, h, list(cmd.units), list(cmd.support), cmd.advance, rng)
    elif isinstance(cmd, BombardCommand):
        h = b.hex_at(cmd.target)
        assert h is not None
        resolve_bombard(tx, cmd.unit, h, rng)
    elif isinstance(cmd, AirCommand):
        ss = state.sides[state.side]
        count = cmd.aircraft or ss.aircraft - ss.air_allocated
        air.fly(tx, cmd.mission, count, cmd.target, rng)
    elif isinstance(cmd, EntrenchCommand):
        u = tx.unit(cmd.unit)
        u.entrenched = True
        u.mp = 0.0
        u.moved = True
        assert u.pos is not None
        tx.emit("entrench", f"{u.name} digs in at {b.name_of(u.pos)}.", u.side, (b.coord[u.pos],))
    elif isinstance(cmd, EndTurnCommand):
        _end_turn(tx, rng)
    check_events(tx, rng)
    _after(tx)
    tx.state.cache.clear()
    return tx.state, tx.events


def _move(tx: Transaction, cmd: MoveCommand, old: GameState) -> None:
    """Move along the cheapest path, worked out on the state before the move (whose cached
    search validate() has just filled). Under fog of war the path was planned around the enemy
    the side could see; the move stops where it runs into enemy it could not."""
    s = tx.state
    b = s.board
    u0 = old.units[cmd.unit]
    to = b.hex_at(cmd.to)
    assert to is not None and u0.pos is not None
    cost = move_cost(old, u0, to)
    assert cost is not None
    p = path_hexes(old, u0, to) or [u0.pos, to]
    occ = occupancy(old)
    enemy = b.other(u0.side)
    surprise = ""
    if old.options.fog:
        for k in range(1, len(p)):
            h = p[k]
            if occ.side_at.get(h) == enemy:
                p = p[:k]
                surprise = f" and runs into unseen enemy troops at {b.name_of(h)}"
                break
            if b.index[h] in occ.zoc_i[enemy] and k < len(p) - 1:
                p = p[: k + 1]
                surprise = " and runs into unseen enemy troops"
                break
        to = p[-1]
    stops = bool(surprise) or b.index[to] in occ.zoc_i[enemy]
    start = u0.pos
    u = tx.unit(cmd.unit)
    u.pos = to
    u.mp = 0.0 if stops else max(0.0, round(u.mp - cost, 6))
    u.moved = True
    u.entrenched = False
    tx.touch()
    if to == start:
        text = f"{u.name} sets out from {b.name_of(start)}{surprise}; it holds its ground."
    else:
        text = f"{u.name} moves from {b.name_of(start)} to {b.name_of(to)}" + (
            f"{surprise}."
            if surprise
            else (" and halts in contact with the enemy." if stops else ".")
        )
    tx.emit("move", text, u.side, tuple(b.coord[h] for h in p))
    for h in p[1:]:
        tx.take_hex(h, u.side)


def _start_side_turn(tx: Transaction, side: str, rng: random.Random, effects: bool = True) -> None:
    s = tx.state
    air.start_of_turn(tx, side)
    for u in list(s.units.values()):
        if u.side == side and u.active:
            w = tx.unit(u.id)
            w.mp = round(max_mp(s, w), 6)
            w.moved = False
            w.has_attacked = False
    due_arrivals(tx, side)
    update_supply(tx, side, rng, effects)
    when = s.date.strftime("%d %B %Y, %H:%M")
    phase = f" ({s.phase})" if s.phase else ""
    tx.emit("turn", f"Turn {s.turn}, {when}{phase}: {s.board.side_name[side]} to move.", side)


def _end_turn(tx: Transaction, rng: random.Random) -> None:
    s = tx.state
    b = s.board
    ending = s.side
    first = s.scenario.calendar.first_side or b.sides[0]
    nxt = b.other(ending)
    if nxt == first:
        if s.turn >= len(b.turns):
            s.game_over = True
            s.result = {"reason": "calendar"}
            tx.emit("end", "The calendar has run out: the fighting ends.")
            return
        s.turn += 1
        tx.touch()
        air.replacements(tx)
    s.side = nxt
    _start_side_turn(tx, nxt, rng)


def _after(tx: Transaction, start: bool = False) -> None:
    """Sudden death and the final result, checked after every command (sudden death only once
    play has begun, so a side cannot win by holding its objectives at the start)."""
    s = tx.state
    if not s.game_over and not start:
        winner = sudden_death(s)
        if winner:
            s.game_over = True
            s.result = {"reason": "sudden death", "winner": winner}
            tx.emit(
                "victory",
                f"{s.board.side_name[winner]} holds every objective: sudden death.",
                winner,
            )
    if s.game_over and (s.result is None or "level" not in s.result):
        reason = s.result["reason"] if s.result else "event"
        st = status(s)
        s.result = {
            "reason": reason,
            "winner": st.winner,
            "level": st.level,
            "score": st.score,
            "vp": st.vp,
        }
        if st.winner:
            text = f"{s.board.side_name[st.winner]} wins a {st.level} victory (score {st.score:g})."
        else:
            text = f"The game ends in a draw (score {st.score:g})."
        hist = s.scenario.victory.historical
        tx.emit("victory", text + (f" Historically: {hist}" if hist else ""), st.winner)


def preview(state: GameState, cmd: AttackCommand) -> Odds:
    """The odds of an attack before it is made: ratio, expected losses, chance of each outcome.
    Raises IllegalCommand (with validate()'s reasons) for an attack that could not be made."""
    errs = validate(state, cmd)
    if errs:
        raise IllegalCommand(errs)
    h = state.board.hex_at(cmd.target)
    assert h is not None
    return odds(state, h, list(cmd.units), list(cmd.support))

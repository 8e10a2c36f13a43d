"""new_game, validate and apply: the only ways a game changes.

apply() never mutates its input: it works on a copy-on-write state.Transaction. Each command draws
its randomness from random.Random derived from (seed, command index), so a replay of the same
commands on the same scenario and seed gives the same state, bit for bit.
"""

from __future__ import annotations

import random
from typing import Any

from game.hexes import Hex
from game.rules.actions import HANDLERS
from game.rules.actions.end_turn import start_side_turn
from game.rules.board import board_for
from game.rules.combat import Odds, odds
from game.rules.commands import AttackCommand, Command
from game.rules.events import check_events
from game.rules.state import GameEvent, GameState, Options, SideState, Transaction, UnitState
from game.rules.supply import update_supply
from game.rules.victory import status, sudden_death
from game.scenario.geometry import resolve
from game.scenario.models import Scenario


class IllegalCommand(ValueError):
    """apply() was given a command validate() refuses; `reasons` says why."""

    def __init__(self, reasons: list[str]) -> None:
        super().__init__("; ".join(reasons))
        self.reasons = reasons


def command_rng(seed: int, index: int) -> random.Random:
    """The random generator of command number `index` (setup uses -1)."""
    return SeededOnUse(seed * 1_000_003 + index + 1)


class SeededOnUse(random.Random):
    """random.Random(x), seeded only when first drawn from: most commands (moves) draw
    nothing, and seeding the generator costs more than the rest of a small command. The numbers
    drawn are those of random.Random(x), whatever is drawn first (it defines both random() and
    getrandbits(), so the base class's way of drawing integers is kept)."""

    def __init__(self, x: int) -> None:  # no super().__init__(): that seeds at once
        self._x = x
        self._started = False
        self.gauss_next = None

    def _start(self) -> None:
        self._started = True
        random.Random.seed(self, self._x)

    def random(self) -> float:
        if not self._started:
            self._start()
        return super().random()

    def getrandbits(self, k: int) -> int:
        if not self._started:
            self._start()
        return super().getrandbits(k)

    def getstate(self) -> tuple[Any, ...]:
        if not self._started:
            self._start()
        return super().getstate()

    def setstate(self, state: tuple[Any, ...]) -> None:
        self._started = True
        super().setstate(state)

    def seed(self, *args: Any, **kwargs: Any) -> None:
        self._started = True
        super().seed(*args, **kwargs)


# --- new game --------------------------------------------------------------------------------


def new_game(scenario: Scenario, seed: int = 0, options: Options | None = None) -> GameState:
    """The state at the start of the scenario: units placed, supply traced, first side to move."""
    b = board_for(scenario)
    units = _starting_units(scenario)
    control, owner = _starting_control(scenario, units)
    first = scenario.calendar.first_side or b.sides[0]
    state = GameState(
        scenario=scenario,
        board=b,
        seed=seed,
        options=options or Options(),
        turn=1,
        side=first,
        units=units,
        sides={
            s.id: SideState(
                id=s.id, doctrine=s.doctrine, aircraft=s.air.aircraft, air_quality=s.air.quality
            )
            for s in scenario.sides
        },
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
    start_side_turn(tx, first, rng, effects=False)
    check_events(tx, rng)
    _after(tx, start=True)
    tx.touch()
    return tx.state


def _starting_units(scenario: Scenario) -> dict[str, UnitState]:
    """Every unit of the scenario at full strength: on the map, or in the pool if it arrives
    later or waits for an event."""
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
    return units


def _starting_control(
    scenario: Scenario, units: dict[str, UnitState]
) -> tuple[dict[Hex, str], dict[str, str]]:
    """Who controls which hexes and owns which places at the start: the places' owners, then
    the hexes units stand in (a unit also owns an unowned place it stands on)."""
    b = board_for(scenario)
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
    return control, owner


# --- validation and applying -----------------------------------------------------------------


def validate(state: GameState, cmd: Command) -> list[str]:
    """Readable reasons why `cmd` is illegal now; an empty list means it may be applied."""
    if state.game_over:
        return ["the game is over"]
    handler = HANDLERS.get(type(cmd))
    if handler is None:
        return [f"unknown command {cmd!r}"]
    return handler.validate(state, cmd)


def apply(state: GameState, cmd: Command) -> tuple[GameState, list[GameEvent]]:
    """The state after `cmd` and what happened; raises IllegalCommand if validate() objects."""
    errs = validate(state, cmd)
    if errs:
        raise IllegalCommand(errs)
    rng = command_rng(state.seed, state.command_count)
    tx = Transaction(state)
    tx.state.command_count += 1
    HANDLERS[type(cmd)].apply(tx, cmd, state, rng)
    check_events(tx, rng)
    _after(tx)
    tx.touch()
    return tx.state, tx.events


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

"""One headless game to the end: players take turns through validate/apply, and a Recorder
notes what the `simulate --json` record needs (losses, surrenders, captures, events, timeline)."""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Protocol

from game.ai.player import AIPlayer
from game.ai.random_player import RandomPlayer
from game.hexes import Coord
from game.rules import EndTurnCommand, apply, new_game, status
from game.rules.state import GameState
from game.scenario.models import Scenario

MAX_COMMANDS = 200_000  # a guard against a player that never ends its turn
# Objects allocated between passes of the garbage collector over its youngest generation
# while a game is played (Python's default is 700). A game makes millions of short-lived
# states, dicts and tuples that hold no reference cycles; at the default the collector
# scanned them again and again, some 7 % of a game's time.
GC_YOUNG = 10_000


class Player(Protocol):
    def play_turn(self, state: GameState) -> Any: ...


def _fmt(d: Any) -> str:
    return str(d.strftime("%Y-%m-%dT%H:%M"))


@dataclass
class Recorder:
    """Watches a game command by command."""

    start_hex: dict[str, Coord] = field(default_factory=dict)
    captured: dict[str, tuple[str, str]] = field(default_factory=dict)  # place -> (side, date)
    events: list[dict[str, str]] = field(default_factory=list)
    timeline: list[dict[str, Any]] = field(default_factory=list)
    n_fired: int = 0
    n_captures: int = 0

    def note_positions(self, state: GameState) -> None:
        for u in state.units.values():
            if u.active and u.pos is not None and u.id not in self.start_hex:
                self.start_hex[u.id] = state.board.coord[u.pos]

    def after(self, before: GameState, state: GameState) -> None:
        """Record captures and events fired since `before`."""
        date = _fmt(state.date)
        for place, side in state.captures[self.n_captures :]:
            self.captured[place] = (side, date)
        self.n_captures = len(state.captures)
        for eid in state.fired[self.n_fired :]:
            self.events.append({"id": eid, "date": date})
        self.n_fired = len(state.fired)
        self.note_positions(state)

    def snapshot(self, state: GameState, final: bool = False) -> None:
        """One timeline entry at the start of a turn: strength by side and group, and how far
        groups have come. The final entry (the state at the end) replaces the start of the
        last turn, so every turn appears once."""
        b = state.board
        km = state.scenario.scale.hex_km
        sides: dict[str, dict[str, int]] = {}
        for side in b.sides:
            ss = state.sides[side]
            sides[side] = {
                "men": 0,
                "tanks": 0,
                "guns": 0,
                "aircraft": ss.aircraft,
                "men_lost": ss.men_lost,  # so far, all causes (extra key)
                "tanks_lost": ss.tanks_lost,
            }
        groups: dict[str, dict[str, Any]] = {}
        adv: dict[str, list[float]] = {}
        zones: dict[str, dict[str, int]] = {z: dict.fromkeys(b.sides, 0) for z in b.zones}
        for u in sorted(state.units.values(), key=lambda u: u.id):
            if not u.active or u.pos is None:
                continue
            for z, hexes in b.zones.items():
                if u.pos in hexes:
                    zones[z][u.side] += u.men
            sd = sides[u.side]
            sd["men"] += u.men
            sd["tanks"] += u.tanks
            sd["guns"] += u.guns
            g = groups.setdefault(u.group, {"side": u.side, "men": 0, "units": 0})
            g["men"] += u.men
            g["units"] += 1
            start = self.start_hex.get(u.id)
            if start is not None:
                h0 = b.hex_at(start)
                d = 0.0 if h0 is None else h0.distance(u.pos) * km
                adv.setdefault(u.group, []).append(d)
        for name, g in groups.items():
            a = adv.get(name, [0.0])
            g["mean_advance_km"] = round(sum(a) / len(a), 1)
            g["max_advance_km"] = round(max(a), 1)
        entry = {
            "turn": state.turn,
            "date": _fmt(state.date),
            "sides": sides,
            "groups": dict(sorted(groups.items())),
            "zones": zones,  # men of each side standing in each zone
        }
        if final:
            entry["final"] = True
            if self.timeline and self.timeline[-1]["turn"] == state.turn:
                self.timeline.pop()
        self.timeline.append(entry)


def make_player(kind: str, difficulty: str) -> Player:
    return RandomPlayer() if kind == "random" else AIPlayer(difficulty)


def play(
    scenario: Scenario,
    seed: int,
    players: dict[str, Player],
) -> tuple[dict[str, Any], list[float], int]:
    """Play one game to the end; returns its record, the AI's time per side-turn (seconds) and
    the number of commands the players had refused."""
    with _fewer_collections():
        return _play(scenario, seed, players)


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """The collector's youngest generation collected every GC_YOUNG objects, not more often,
    for the length of the block (the setting is restored after)."""
    before = gc.get_threshold()
    gc.set_threshold(max(before[0], GC_YOUNG), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _play(
    scenario: Scenario,
    seed: int,
    players: dict[str, Player],
) -> tuple[dict[str, Any], list[float], int]:
    state = new_game(scenario, seed)
    rec = Recorder()
    rec.note_positions(state)
    times: list[float] = []
    refused = 0
    last_turn = 0
    n = 0
    while not state.game_over and n < MAX_COMMANDS:
        if state.turn != last_turn:
            rec.snapshot(state)
            last_turn = state.turn
        player = players[state.side]
        before = state
        t0 = time.perf_counter()
        result = player.play_turn(state)
        times.append(time.perf_counter() - t0)
        if isinstance(result, tuple):
            new_state, cmds = result
        else:
            new_state, cmds, r = result.state, result.commands, result.refused
            refused += r
        n += len(cmds) + 1
        state = new_state
        rec.after(before, state)
        if state.game_over:
            break
        prev = state
        state, _ = apply(state, EndTurnCommand())
        rec.after(prev, state)
    rec.snapshot(state, final=True)
    return record(scenario, seed, state, rec), times, refused


def record(scenario: Scenario, seed: int, state: GameState, rec: Recorder) -> dict[str, Any]:
    """The per-game record in the shape of `simulate --json`."""
    b = state.board
    st = status(state)
    result = state.result or {}
    winner = result.get("winner", st.winner) or "draw"
    lvl = result.get("level", st.level) or "draw"
    losses = {}
    for side in b.sides:
        ss = state.sides[side]
        losses[side] = {
            "men": ss.men_lost,
            "killed": ss.men_killed,
            "wounded": ss.men_wounded,
            "captured": ss.men_captured,
            "dispersed": ss.men_dispersed,
            "tanks": ss.tanks_lost,
            "guns": ss.guns_lost,
            "aircraft": ss.aircraft_lost,
        }
    places = []
    for p in scenario.places:
        owner = state.place_owner.get(p.id)
        cap = rec.captured.get(p.id)
        when = cap[1] if cap is not None and cap[0] == owner else None
        places.append({"name": p.name, "id": p.id, "owner": owner, "captured": when})
    units = []
    for u in sorted(state.units.values(), key=lambda u: u.id):
        units.append(
            {
                "id": u.id,
                "side": u.side,
                "group": u.group,
                "status": u.status,
                "hex": None if u.pos is None else list(b.coord[u.pos]),
                "men": u.men,
                "tanks": u.tanks,
                "guns": u.guns,
            }
        )
    return {
        "seed": seed,
        "winner": winner,
        "level": lvl,
        "score": st.score,
        "reason": result.get("reason", ""),
        "game_over": state.game_over,  # False: the record of a game still being played
        "turns_played": state.turn,
        "end_date": _fmt(state.date),
        "vp": {side: round(v) for side, v in st.vp.items()},
        "losses": losses,
        # prisoners of every cause: overrun in combat, pockets giving up, ordered surrenders
        "surrendered": {side: {"men": state.sides[side].men_captured} for side in b.sides},
        "places": places,
        "events": rec.events,
        "timeline": rec.timeline,
        "units": units,
    }

"""The game state: plain dataclasses, a cheap copy for apply(), and an exact JSON-able dict form.

A state is never changed after apply() returns it; apply() works on a copy whose units and sides
are cloned only when first written (copy on write), so the AI can try thousands of commands.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from typing import Any, Literal, TypeVar, cast

from game.hexes import Coord, Hex, coord
from game.rules.board import NO_CHANGES, Board, MapChanges, board_for
from game.scenario.models import Doctrine, Scenario

Status = Literal["active", "pool", "destroyed", "surrendered", "withdrawn"]
STATE_FORMAT = 1
T = TypeVar("T")


@dataclass(frozen=True)
class Options:
    """Choices made when a game starts."""

    fog: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"fog": self.fog}

    @staticmethod
    def from_dict(d: dict[str, Any]) -> Options:
        return Options(fog=bool(d.get("fog", False)))


@dataclass(slots=True)
class UnitState:
    """One unit as it stands now; `*0` fields are its strength when it entered play."""

    id: str
    side: str
    type: str
    name: str
    group: str
    pos: Hex | None
    men: int
    tanks: int
    guns: int
    men0: int
    tanks0: int
    guns0: int
    quality: float
    morale: float
    status: Status = "active"
    supplied: bool = True
    turns_out: int = 0  # consecutive own turns out of supply
    encircled: bool = False  # no way to any supply source at all, however far (a pocket)
    entrenched: bool = False
    mp: float = 0.0  # movement points left this turn
    moved: bool = False
    has_attacked: bool = False
    in_combat: bool = False  # fought since its side's last turn began (no replacements)
    # Shares of its men this unit has lost, while defending, since the enemy's turn began: the
    # day's ceilings on losses hold for all the attacks of a turn together, not for each one.
    fire_taken: float = 0.0  # to fire: attacks and bombardment
    overrun_taken: float = 0.0  # overrun where it stands

    @property
    def coord(self) -> Coord | None:
        return None if self.pos is None else self.pos.to_offset()

    @property
    def active(self) -> bool:
        return self.status == "active"

    def clone(self) -> UnitState:
        # positional: a unit is cloned for every write to it, thousands of times a game
        return UnitState(
            self.id,
            self.side,
            self.type,
            self.name,
            self.group,
            self.pos,
            self.men,
            self.tanks,
            self.guns,
            self.men0,
            self.tanks0,
            self.guns0,
            self.quality,
            self.morale,
            self.status,
            self.supplied,
            self.turns_out,
            self.encircled,
            self.entrenched,
            self.mp,
            self.moved,
            self.has_attacked,
            self.in_combat,
            self.fire_taken,
            self.overrun_taken,
        )

    def to_dict(self) -> dict[str, Any]:
        d = {f.name: getattr(self, f.name) for f in fields(self)}
        d["pos"] = None if self.pos is None else list(self.pos.to_offset())
        return d

    @staticmethod
    def from_dict(d: dict[str, Any]) -> UnitState:
        d = dict(d)
        pos = d.pop("pos")
        u = UnitState(pos=None if pos is None else Hex.from_offset(pos[0], pos[1]), **d)
        return u


@dataclass(frozen=True)
class AirMission:
    """Aircraft of one side flying one mission; lasts until that side's next turn begins."""

    side: str
    mission: str  # support, interdiction, air_superiority
    aircraft: int
    target: Coord | None
    strength: float  # effective sorties after enemy air superiority

    def to_dict(self) -> dict[str, Any]:
        return {
            "side": self.side,
            "mission": self.mission,
            "aircraft": self.aircraft,
            "target": None if self.target is None else list(self.target),
            "strength": self.strength,
        }

    @staticmethod
    def from_dict(d: dict[str, Any]) -> AirMission:
        t = d["target"]
        return AirMission(
            side=d["side"],
            mission=d["mission"],
            aircraft=d["aircraft"],
            target=None if t is None else coord(t[0], t[1]),
            strength=d["strength"],
        )


@dataclass(slots=True)
class SideState:
    """A side's resources and running totals."""

    id: str
    doctrine: Doctrine
    supply_factor: float = 1.0
    aircraft: int = 0
    aircraft_lost: int = 0
    air_allocated: int = 0  # aircraft committed this turn
    air_quality: float = 1.0
    men_lost: int = 0  # the side's own losses, all causes (the enemy scores them)
    men_killed: int = 0  # ... of which killed,
    men_wounded: int = 0  # wounded
    men_captured: int = 0  # taken prisoner
    men_dispersed: int = 0  # and melted away before a fight (deserters)
    tanks_lost: int = 0
    guns_lost: int = 0
    vp_bonus: int = 0  # from victory_points effects
    rail_used: int = 0  # units moved by train this turn

    def clone(self) -> SideState:
        # positional, as UnitState.clone (dataclasses.replace is slow)
        return SideState(
            self.id,
            self.doctrine,
            self.supply_factor,
            self.aircraft,
            self.aircraft_lost,
            self.air_allocated,
            self.air_quality,
            self.men_lost,
            self.men_killed,
            self.men_wounded,
            self.men_captured,
            self.men_dispersed,
            self.tanks_lost,
            self.guns_lost,
            self.vp_bonus,
            self.rail_used,
        )

    def to_dict(self) -> dict[str, Any]:
        d = {f.name: getattr(self, f.name) for f in fields(self)}
        d["doctrine"] = self.doctrine.model_dump()
        return d

    @staticmethod
    def from_dict(d: dict[str, Any]) -> SideState:
        d = dict(d)
        doc = Doctrine.model_validate(d.pop("doctrine"), strict=False)
        return SideState(doctrine=doc, **d)


@dataclass(frozen=True)
class GameEvent:
    """Something that happened, for the dispatch log and for animation."""

    date: str  # ISO date-time of the turn
    kind: str  # move, combat, bombard, air, entrench, turn, supply, arrival, event, victory...
    text: str  # the dispatch, in prose
    side: str = ""
    hexes: tuple[Coord, ...] = ()
    # (unit id, men, tanks, guns) added (+) or lost (-): every change of strength on the map is
    # recorded (losses, replacements, arrivals of reinforcements)
    changes: tuple[tuple[str, int, int, int], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.date,
            "kind": self.kind,
            "text": self.text,
            "side": self.side,
            "hexes": [list(h) for h in self.hexes],
            "changes": [list(c) for c in self.changes],
        }

    @staticmethod
    def from_dict(d: dict[str, Any]) -> GameEvent:
        return GameEvent(
            date=d["date"],
            kind=d["kind"],
            text=d["text"],
            side=d.get("side", ""),
            hexes=tuple(coord(h[0], h[1]) for h in d.get("hexes", [])),
            changes=tuple((c[0], c[1], c[2], c[3]) for c in d.get("changes", [])),
        )


@dataclass
class GameState:
    """Everything that changes during a game; the scenario and board are shared, not copied."""

    scenario: Scenario
    board: Board
    seed: int
    options: Options
    turn: int  # from 1
    side: str  # side to move
    units: dict[str, UnitState]
    sides: dict[str, SideState]
    control: dict[Hex, str]  # hexes some side has entered (or held at the start)
    place_owner: dict[str, str]
    captures: list[tuple[str, str]]  # (place id, side) every time a place changed hands
    fired: list[str]  # event ids, in order
    postures: dict[str, str]  # "side" or "side/group" -> AI posture set by events
    air: list[AirMission]
    log: list[GameEvent]
    command_count: int = 0
    game_over: bool = False
    result: dict[str, Any] | None = None
    # zones switched and crossings built or destroyed by events; `board` is the map as they
    # leave it (board_for(scenario, map_changes))
    map_changes: MapChanges = NO_CHANGES
    # Facts derived from this state, by a key naming the fact and what it depends on.
    cache: dict[object, Any] = field(default_factory=dict, repr=False, compare=False)

    # --- derived -----------------------------------------------------------------------------

    @property
    def turn_index(self) -> int:
        return min(self.turn - 1, len(self.board.turns) - 1)

    @property
    def date(self) -> dt.datetime:
        return self.board.turns[self.turn_index]

    @property
    def turn_hours(self) -> int:
        return self.board.turn_hours[self.turn_index]

    @property
    def phase(self) -> str:
        return self.board.phase(self.turn_index)

    @property
    def enemy(self) -> str:
        return self.board.other(self.side)

    def unit(self, uid: str) -> UnitState:
        return self.units[uid]

    def remember(self, key: str, make: Callable[[], T]) -> T:
        """A fact derived from this state, computed on first use and kept in its cache (a state
        never changes after apply() returns it, and a transaction clears the cache on write)."""
        if key in self.cache:
            return cast(T, self.cache[key])
        value = make()
        self.cache[key] = value
        return value

    def active_units(self, side: str | None = None) -> list[UnitState]:
        return [u for u in self.units.values() if u.active and (side is None or u.side == side)]

    # --- copying -----------------------------------------------------------------------------

    def copy(self) -> GameState:
        """A shallow copy: containers are new, units and sides are shared until written, and
        so is the log (only Transaction.emit adds to it, copying it first: a game's log grows
        to thousands of dispatches, and most commands add one or none)."""
        return GameState(
            scenario=self.scenario,
            board=self.board,
            seed=self.seed,
            options=self.options,
            turn=self.turn,
            side=self.side,
            units=dict(self.units),
            sides=dict(self.sides),
            control=self.control,
            place_owner=dict(self.place_owner),
            captures=list(self.captures),
            fired=list(self.fired),
            postures=dict(self.postures),
            air=list(self.air),
            log=self.log,
            command_count=self.command_count,
            game_over=self.game_over,
            result=self.result,
            map_changes=self.map_changes,
        )

    def change_map(self, changes: MapChanges) -> None:
        """Events changed the map: the state reads it through the board of those changes."""
        self.map_changes = changes
        self.board = board_for(self.scenario, changes)

    # --- serialising -------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """Exact JSON-able form: from_dict(scenario, to_dict()) equals this state. The map's
        changes are written only when events made some, so other saves read as before."""
        out = {
            "state_format": STATE_FORMAT,
            "scenario_id": self.scenario.meta.id,
            "seed": self.seed,
            "options": self.options.to_dict(),
            "turn": self.turn,
            "side": self.side,
            "units": [u.to_dict() for u in self.units.values()],
            "sides": [s.to_dict() for s in self.sides.values()],
            "control": sorted(
                [[*self.board.coord[h], side] for h, side in self.control.items()],
                key=lambda x: (x[1], x[0]),
            ),
            "place_owner": dict(sorted(self.place_owner.items())),
            "captures": [list(c) for c in self.captures],
            "fired": list(self.fired),
            "postures": dict(sorted(self.postures.items())),
            "air": [m.to_dict() for m in self.air],
            "log": [e.to_dict() for e in self.log],
            "command_count": self.command_count,
            "game_over": self.game_over,
            "result": self.result,
        }
        if self.map_changes != NO_CHANGES:
            out["map_changes"] = _changes_to_dict(self.board, self.map_changes)
        return out

    @staticmethod
    def from_dict(scenario: Scenario, d: dict[str, Any]) -> GameState:
        if d.get("state_format") != STATE_FORMAT:
            raise ValueError(f"unknown state format {d.get('state_format')!r}")
        if d.get("scenario_id") != scenario.meta.id:
            raise ValueError(
                f"the state is for scenario '{d.get('scenario_id')}', not '{scenario.meta.id}'"
            )
        units = [UnitState.from_dict(u) for u in d["units"]]
        sides = [SideState.from_dict(s) for s in d["sides"]]
        changes = _changes_from_dict(d.get("map_changes", {}))
        return GameState(
            scenario=scenario,
            board=board_for(scenario, changes),
            seed=d["seed"],
            options=Options.from_dict(d["options"]),
            turn=d["turn"],
            side=d["side"],
            units={u.id: u for u in units},
            sides={s.id: s for s in sides},
            control={Hex.from_offset(c, r): side for c, r, side in d["control"]},
            place_owner=dict(d["place_owner"]),
            captures=[(a, b) for a, b in d["captures"]],
            fired=list(d["fired"]),
            postures=dict(d["postures"]),
            air=[AirMission.from_dict(m) for m in d["air"]],
            log=[GameEvent.from_dict(e) for e in d["log"]],
            command_count=d["command_count"],
            game_over=d["game_over"],
            result=d["result"],
            map_changes=changes,
        )


def _changes_to_dict(b: Board, changes: MapChanges) -> dict[str, Any]:
    return {
        "zones": dict(changes.zones),
        "crossings": [[*b.coord[h], kind, name] for h, kind, name in changes.crossings],
    }


def _changes_from_dict(d: dict[str, Any]) -> MapChanges:
    out = NO_CHANGES
    for zone, active in d.get("zones", {}).items():
        out = out.switch_zone(zone, bool(active))
    for col, row, kind, name in d.get("crossings", []):
        out = out.set_crossing(Hex.from_offset(col, row), kind, name)
    return out


class Transaction:
    """One command's changes: clones units, sides and the control map the first time each is
    written, so the input state is never touched."""

    def __init__(self, old: GameState) -> None:
        self.state = old.copy()
        self._units: set[str] = set()
        self._sides: set[str] = set()
        self._control = False
        self._log = False  # the log copied from the old state's yet
        self.events: list[GameEvent] = []
        # The occupancy of the old state and the units written since: the new state's occupancy
        # is that one with those units moved (zoc.occupancy), not a count of every unit. If
        # nobody has asked for the old state's yet, the old state itself: its occupancy is
        # derived from its own predecessor's when the new state's is asked for.
        occ = old.cache.get("occ")
        self._occ_from: object | None = (
            occ if occ is not None or "occ_from" not in old.cache else old
        )
        self.touch()

    def unit(self, uid: str) -> UnitState:
        if uid not in self._units:
            self.state.units[uid] = self.state.units[uid].clone()
            self._units.add(uid)
            self.touch()
        return self.state.units[uid]

    def side(self, sid: str) -> SideState:
        if sid not in self._sides:
            self.state.sides[sid] = self.state.sides[sid].clone()
            self._sides.add(sid)
        return self.state.sides[sid]

    def set_control(self, h: Hex, side: str) -> None:
        if self.state.control.get(h) == side:
            return
        if not self._control:
            self.state.control = dict(self.state.control)
            self._control = True
        self.state.control[h] = side

    def take_hex(self, h: Hex, side: str, place_too: bool = True) -> None:
        """A side's unit enters hex h: the side controls it and, if the unit stops there
        (`place_too`), takes the place there; passing through a place does not take it."""
        self.set_control(h, side)
        b = self.state.board
        place = b.place_at.get(h)
        if place_too and place is not None and self.state.place_owner.get(place.id) != side:
            self.state.place_owner[place.id] = side
            self.state.captures.append((place.id, side))
            self.emit(
                "capture",
                f"{b.adjective[side]} troops take {place.name}.",
                side,
                (b.coord[h],),
            )

    def touch(self) -> None:
        """Positions or strengths changed: drop derived caches."""
        self.state.cache.clear()
        if self._occ_from is not None:
            self.state.cache["occ_from"] = (self._occ_from, self._units)

    def emit(
        self,
        kind: str,
        text: str,
        side: str = "",
        hexes: tuple[Coord, ...] = (),
        changes: tuple[tuple[str, int, int, int], ...] = (),
    ) -> GameEvent:
        e = GameEvent(
            date=self.state.date.isoformat(),
            kind=kind,
            text=text,
            side=side,
            hexes=hexes,
            changes=changes,
        )
        self.events.append(e)
        if not self._log:
            self.state.log = list(self.state.log)
            self._log = True
        self.state.log.append(e)
        return e

"""The command language both front ends, scripts and bug reports share.

    move UNIT HEX                 attack HEX with UNIT[,UNIT...]    bombard HEX with UNIT
    air MISSION [HEX] [with N]    entrench UNIT                     end
    undo                          info UNIT|HEX                     odds HEX with UNIT[,UNIT...]
    units [GROUP]                 map [AREA]                        log [N]
    save NAME                     load NAME                         help [COMMAND]    quit

UNIT is an id, a designation or a unique prefix of either; HEX is `col,row` or a place name.
`parse` turns a line into an Order (something the rules judge) or a UI request; `format` gives
the canonical text, so `parse(format(parse(line))) == parse(line)`. Errors say what was wrong
and suggest the nearest valid unit, place or command.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from game.scenario.suggest import closest

Coord = tuple[int, int]
AREA_AROUND = (6, 5)  # `map PLACE` shows this many columns and rows either side of the place

VERBS = (
    "move",
    "attack",
    "bombard",
    "air",
    "entrench",
    "end",
    "undo",
    "info",
    "odds",
    "units",
    "map",
    "log",
    "save",
    "load",
    "help",
    "quit",
)
ALIASES = {
    "m": "move",
    "a": "attack",
    "e": "end",
    "i": "info",
    "q": "quit",
    "exit": "quit",
    "?": "help",
}
MISSIONS = ("support", "interdiction", "air_superiority")
MISSION_ALIASES = {
    "superiority": "air_superiority",
    "interdict": "interdiction",
    "cap": "air_superiority",
}

USAGE = {
    "move": "move UNIT HEX          move a unit, e.g. move 11tb 7,4 or move 11tb Bain-Tsagan",
    "attack": "attack HEX with UNIT[,UNIT...]   attack the units in HEX",
    "bombard": "bombard HEX with UNIT  artillery fires on HEX from range",
    "air": "air MISSION [HEX] [with N]   support or interdiction at HEX, or air_superiority; "
    "N aircraft (default: all free)",
    "entrench": "entrench UNIT          dig in (the unit must not have moved this turn)",
    "end": "end                    end your turn",
    "undo": "undo                   take back the last move, if it revealed nothing new",
    "info": "info UNIT|HEX          details of a unit or a hex",
    "odds": "odds HEX with UNIT[,UNIT...]     the odds of an attack, without making it",
    "units": "units [GROUP]          list your units (of one group)",
    "map": "map [AREA]             the map, or AREA as COL,ROW-COL,ROW or around a place",
    "log": "log [N]                the last N dispatches (default 10)",
    "save": "save NAME              save the game",
    "load": "load NAME              load a saved game",
    "help": "help [COMMAND]         this list, or one command",
    "quit": "quit                   leave the game",
}


class LanguageError(Exception):
    """A line that is not a command: says why, and what was probably meant."""

    def __init__(self, message: str, suggestion: str = "") -> None:
        self.message = message
        self.suggestion = suggestion
        super().__init__(message + (f" (did you mean {suggestion}?)" if suggestion else ""))


@dataclass(frozen=True)
class Order:
    """A command for the rules: move, attack, bombard, air, entrench, end."""

    verb: str
    units: tuple[str, ...] = ()
    hex: Coord | None = None
    mission: str = ""
    aircraft: int = 0  # air missions: how many fly (0: every free aircraft)


@dataclass(frozen=True)
class Request:
    """A command for the front end: undo, info, odds, units, map, log, save, load, help, quit."""

    verb: str
    units: tuple[str, ...] = ()
    hex: Coord | None = None
    arg: str = ""
    area: tuple[Coord, Coord] | None = None
    number: int | None = None


Parsed = Order | Request


@dataclass
class Names:
    """What a line may name: units, places and groups of the game being played."""

    unit_names: dict[str, str]  # unit id -> designation
    places: dict[str, Coord]  # place name -> hex (ids are added too)
    place_names: dict[Coord, str] = field(default_factory=dict)  # hex -> canonical name
    groups: tuple[str, ...] = ()
    width: int = 0
    height: int = 0

    # --- units -----------------------------------------------------------------------------

    def unit(self, text: str) -> str:
        """The unit id that `text` names, or LanguageError with the nearest unit."""
        t = text.strip().lower()
        if not t:
            raise LanguageError("a unit is missing")
        for uid, name in self.unit_names.items():
            if t == uid.lower() or t == name.lower():
                return uid
        hits = [
            uid
            for uid, name in self.unit_names.items()
            if uid.lower().startswith(t) or name.lower().startswith(t)
        ]
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            shown = ", ".join(sorted(hits)[:6])
            raise LanguageError(f"'{text}' could be several units: {shown}")
        options = list(self.unit_names) + list(self.unit_names.values())
        best = closest(text, options) or closest(t, [o.lower() for o in options])
        raise LanguageError(f"no unit called '{text}'", f"'{best}'" if best else "")

    def unit_list(self, text: str) -> tuple[str, ...]:
        parts = [p for p in re.split(r"\s*[,;]\s*|\s+and\s+", text.strip()) if p]
        if not parts:
            raise LanguageError("no units given", "'... with UNIT,UNIT'")
        out: list[str] = []
        for p in parts:
            uid = self.unit(p)
            if uid not in out:
                out.append(uid)
        return tuple(out)

    # --- hexes ---------------------------------------------------------------------------

    def hex(self, text: str) -> Coord:
        t = text.strip()
        m = re.fullmatch(r"\[?\s*(-?\d+)\s*[, ]\s*(-?\d+)\s*\]?", t)
        if m:
            c = (int(m.group(1)), int(m.group(2)))
            if self.width and not (0 <= c[0] < self.width and 0 <= c[1] < self.height):
                raise LanguageError(
                    f"hex {c[0]},{c[1]} is off the map (columns 0-{self.width - 1}, "
                    f"rows 0-{self.height - 1})"
                )
            return c
        if not t:
            raise LanguageError("a hex is missing: give col,row or a place name")
        low = t.lower()
        for name, c in self.places.items():
            if low == name.lower():
                return c
        hits = {c for name, c in self.places.items() if name.lower().startswith(low)}
        if len(hits) == 1:
            return hits.pop()
        best = closest(t, list(self.places))
        raise LanguageError(f"no place called '{t}'", f"'{best}'" if best else "")

    def clamp(self, c: Coord) -> Coord:
        """The nearest hex on the map (columns and rows never below 0 nor past the edge)."""
        col, row = max(0, c[0]), max(0, c[1])
        if self.width:
            col, row = min(col, self.width - 1), min(row, self.height - 1)
        return col, row

    def hex_text(self, c: Coord) -> str:
        return f"{c[0]},{c[1]}"


def _split_with(rest: str, verb: str) -> tuple[str, str]:
    m = re.match(r"^(.*?)\s+with\s+(.*)$", rest, flags=re.IGNORECASE)
    if not m:
        raise LanguageError(f"{verb} needs 'with': {USAGE[verb].split('  ')[0]}")
    return m.group(1), m.group(2)


def _verb(word: str) -> str:
    w = word.lower()
    w = ALIASES.get(w, w)
    if w in VERBS:
        return w
    hits = [v for v in VERBS if v.startswith(w)]
    if len(hits) == 1:
        return hits[0]
    best = closest(w, VERBS)
    raise LanguageError(f"unknown command '{word}'", f"'{best}'" if best else "'help'")


def parse(line: str, names: Names) -> Parsed:
    """One line of the language as an Order or Request; LanguageError if it is not one."""
    text = line.strip()
    if not text:
        raise LanguageError("empty command", "'help'")
    head, _, rest = text.partition(" ")
    verb = _verb(head)
    rest = rest.strip()
    if verb == "move":
        return _parse_move(rest, names)
    if verb in ("attack", "odds"):
        target, units = _split_with(rest, verb)
        order = (names.hex(target), names.unit_list(units))
        if verb == "attack":
            return Order("attack", units=order[1], hex=order[0])
        return Request("odds", units=order[1], hex=order[0])
    if verb == "bombard":
        target, unit = _split_with(rest, verb)
        return Order("bombard", units=(names.unit(unit),), hex=names.hex(target))
    if verb == "air":
        return _parse_air(rest, names)
    if verb == "entrench":
        return Order("entrench", units=(names.unit(rest),))
    if verb == "end":
        _no_args(verb, rest)
        return Order("end")
    if verb in ("undo", "quit"):
        _no_args(verb, rest)
        return Request(verb)
    if verb == "info":
        if not rest:
            raise LanguageError("info needs a unit or a hex: info UNIT|HEX")
        try:
            return Request("info", units=(names.unit(rest),))
        except LanguageError as unit_error:
            try:
                return Request("info", hex=names.hex(rest))
            except LanguageError:
                raise unit_error from None
    if verb == "units":
        if rest and names.groups:
            group = next((g for g in names.groups if g.lower() == rest.lower()), None)
            if group is None:
                best = closest(rest, names.groups)
                raise LanguageError(f"no group called '{rest}'", f"'{best}'" if best else "")
            return Request("units", arg=group)
        return Request("units", arg=rest)
    if verb == "map":
        return Request("map", area=_parse_area(rest, names) if rest else None)
    if verb == "log":
        if rest and not rest.isdigit():
            raise LanguageError(f"log takes a number of dispatches, not '{rest}'")
        return Request("log", number=int(rest) if rest else None)
    if verb in ("save", "load"):
        if not rest:
            raise LanguageError(f"{verb} needs a name: {verb} NAME")
        if not re.fullmatch(r"[A-Za-z0-9_.\-]+", rest) or rest.startswith("."):
            raise LanguageError(f"save names use letters, digits, '_', '-' and '.', not '{rest}'")
        return Request(verb, arg=rest)
    topic = rest.lower()
    if topic and topic not in USAGE:
        best = closest(topic, USAGE)
        raise LanguageError(f"no help on '{rest}'", f"'help {best}'" if best else "'help'")
    return Request("help", arg=topic)


def _no_args(verb: str, rest: str) -> None:
    if rest:
        raise LanguageError(f"'{verb}' takes nothing after it, not '{rest}'")


def _parse_move(rest: str, names: Names) -> Order:
    words = rest.split()
    if len(words) < 2:
        raise LanguageError("move needs a unit and a hex: move UNIT HEX")
    found: list[Order] = []
    first_error: LanguageError | None = None
    # The hex is at the end; try each split between unit and hex, longest hex last.
    for k in range(len(words) - 1, 0, -1):
        try:
            unit = names.unit(" ".join(words[:k]))
            where = names.hex(" ".join(words[k:]))
        except LanguageError as exc:
            first_error = first_error or exc
            continue
        order = Order("move", units=(unit,), hex=where)
        if order not in found:
            found.append(order)
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        raise LanguageError(f"'{rest}' can be read more than one way: use a unit id and col,row")
    assert first_error is not None
    raise first_error


def _parse_air(rest: str, names: Names) -> Order:
    aircraft = 0
    m_with = re.match(r"^(.*?)\s*\bwith\s+(\S+)\s*(?:aircraft|planes)?$", rest, flags=re.IGNORECASE)
    if m_with:
        rest, count = m_with.group(1), m_with.group(2)
        if not count.isdigit() or int(count) < 1:
            raise LanguageError(f"'with {count}': give the number of aircraft, e.g. with 50")
        aircraft = int(count)
    mission, _, where = rest.partition(" ")
    m = mission.lower()
    m = MISSION_ALIASES.get(m, m)
    if m not in MISSIONS:
        best = closest(m, MISSIONS)
        raise LanguageError(
            f"unknown air mission '{mission}' (support, interdiction or air_superiority)",
            f"'{best}'" if best else "",
        )
    if m != "air_superiority" and not where.strip():
        raise LanguageError(f"air {m} needs a target hex: air {m} HEX")
    if m == "air_superiority" and where.strip():
        raise LanguageError("air_superiority covers the whole front: give no hex")
    target = names.hex(where) if where.strip() else None
    return Order("air", mission=m, hex=target, aircraft=aircraft)


def _parse_area(text: str, names: Names) -> tuple[Coord, Coord]:
    """Two corners, or the hexes around a place; always inside the map when its size is known,
    so the canonical text of the area (`map C,R-C,R`) is one the parser reads back."""
    m = re.fullmatch(r"\s*(\d+)\s*,\s*(\d+)\s*-\s*(\d+)\s*,\s*(\d+)\s*", text)
    if m:
        a, b, c, d = (int(x) for x in m.groups())
        return names.clamp((a, b)), names.clamp((c, d))
    centre = names.hex(text)
    dc, dr = AREA_AROUND
    return (
        names.clamp((centre[0] - dc, centre[1] - dr)),
        names.clamp((centre[0] + dc, centre[1] + dr)),
    )


def format_command(cmd: Parsed, names: Names | None = None) -> str:
    """The canonical text of a command: unit ids, col,row hexes."""
    h = f"{cmd.hex[0]},{cmd.hex[1]}" if cmd.hex is not None else ""
    units = ",".join(cmd.units)
    if isinstance(cmd, Order):
        if cmd.verb == "move":
            return f"move {units} {h}"
        if cmd.verb in ("attack", "bombard"):
            return f"{cmd.verb} {h} with {units}"
        if cmd.verb == "air":
            count = f" with {cmd.aircraft}" if cmd.aircraft else ""
            return f"air {cmd.mission}" + (f" {h}" if h else "") + count
        if cmd.verb == "entrench":
            return f"entrench {units}"
        return "end"
    if cmd.verb == "odds":
        return f"odds {h} with {units}"
    if cmd.verb == "info":
        return f"info {units or h}"
    if cmd.verb == "map" and cmd.area is not None:
        (a, b), (c, d) = cmd.area
        return f"map {a},{b}-{c},{d}"
    if cmd.verb == "log" and cmd.number is not None:
        return f"log {cmd.number}"
    return f"{cmd.verb} {cmd.arg}".strip()

"""The command language both front ends, scripts and bug reports share.

    move UNIT HEX                 attack HEX with UNIT[,UNIT...]    bombard HEX with UNIT
    rail UNIT HEX                 move UNIT HEX by rail             (the same: by train)
    air MISSION [HEX] [with N]    entrench UNIT                     end
    undo                          info UNIT|HEX                     odds HEX with UNIT[,UNIT...]
    units [GROUP]                 map [N|S|E|W|PLACE|all]           log [N]
    save NAME                     load NAME                         continue
    help [COMMAND]                quit

UNIT is an id, a designation or a unique prefix of either; HEX is `col,row` or a place name.
`parse` turns a line into a rules Command (game/rules/commands.py) or a UI Request
(game/ui/requests.py); `format_command` gives the canonical text of either, so
`parse(format_command(x)) == x`. Each verb is one entry of VERBS: its usage, its parser and the
classes it formats, so a new command adds one entry here and one handler where it is carried out.
Errors say what was wrong and suggest the nearest valid unit, place or command.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, get_args

from game.hexes import Coord
from game.rules import (
    AirCommand,
    AttackCommand,
    BombardCommand,
    Command,
    EndTurnCommand,
    EntrenchCommand,
    MoveCommand,
    RailCommand,
)
from game.scenario.models import AirMissionKind
from game.scenario.suggest import closest
from game.ui.names import LanguageError, Names
from game.ui.numbers import whole_number
from game.ui.requests import (
    AirStatus,
    ContinueGame,
    Help,
    HexInfo,
    ListUnits,
    LoadGame,
    Odds,
    Quit,
    Reach,
    Reload,
    Request,
    SaveGame,
    ShowLegend,
    ShowLog,
    ShowMap,
    ShowReport,
    Undo,
    UnitInfo,
)

__all__ = ["VERBS", "LanguageError", "Names", "Parsed", "format_command", "parse", "usage"]

Parsed = Command | Request
MISSIONS: tuple[AirMissionKind, ...] = get_args(AirMissionKind)
MISSION_ALIASES: dict[str, AirMissionKind] = {
    "superiority": "air_superiority",
    "interdict": "interdiction",
    "cap": "air_superiority",
}
ALIASES = {
    "m": "move",
    "a": "attack",
    "e": "end",
    "i": "info",
    "q": "quit",
    "exit": "quit",
    "?": "help",
}
SAVE_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.\-]*")


@dataclass(frozen=True)
class Verb:
    """One word of the language: how it reads, what it makes, and how that is written back."""

    usage: str
    parse: Callable[[str, Names], Parsed]
    makes: tuple[type, ...]
    format: Callable[[Any], str]


# --- parsing each verb -------------------------------------------------------------------------


def _no_args(verb: str, made: Parsed) -> Callable[[str, Names], Parsed]:
    """The parser of a verb that takes nothing after it and always means `made`."""

    def parse_bare(rest: str, names: Names) -> Parsed:
        if rest:
            raise LanguageError(f"'{verb}' takes nothing after it, not '{rest}'")
        return made

    return parse_bare


def _need(usage_text: str) -> Parsed:
    head = usage_text.split()[0]
    raise LanguageError(f"{head} needs {usage_text.split(' ', 1)[1].lower()}: {usage_text}")


def _split_with(rest: str, verb: str) -> tuple[str, str]:
    m = re.match(r"^(.*?)\s+with\s+(.*)$", rest, flags=re.IGNORECASE)
    if not m:
        raise LanguageError(f"{verb} needs 'with': {usage(verb)}")
    return m.group(1), m.group(2)


_BY_TRAIN = re.compile(r"\s+by\s+(rail|train)$", flags=re.IGNORECASE)


def _parse_move(rest: str, names: Names) -> MoveCommand | RailCommand:
    """move UNIT HEX, or move UNIT HEX by rail (the same as rail UNIT HEX)."""
    by_train = _BY_TRAIN.search(rest)
    if by_train:
        return _parse_unit_to(rest[: by_train.start()], names, RailCommand, "rail")
    return _parse_unit_to(rest, names, MoveCommand, "move")


def _parse_rail(rest: str, names: Names) -> MoveCommand | RailCommand:
    return _parse_unit_to(_BY_TRAIN.sub("", rest), names, RailCommand, "rail")


def _parse_unit_to(
    rest: str, names: Names, kind: type[MoveCommand] | type[RailCommand], verb: str
) -> MoveCommand | RailCommand:
    """UNIT HEX, the hex at the end: each split between unit and hex is tried, and the line
    must read one way only."""
    words = rest.split()
    if len(words) < 2:
        raise LanguageError(f"{verb} needs a unit and a hex: {verb} UNIT HEX")
    found: list[MoveCommand | RailCommand] = []
    first_error: LanguageError | None = None
    for k in range(len(words) - 1, 0, -1):
        try:
            unit = names.own_unit(" ".join(words[:k]))
            where = names.hex(" ".join(words[k:]))
        except LanguageError as exc:
            first_error = first_error or exc
            continue
        cmd = kind(unit=unit, to=where)
        if cmd not in found:
            found.append(cmd)
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        raise LanguageError(f"'{rest}' can be read more than one way: use a unit id and col,row")
    assert first_error is not None  # at least one split was tried and failed
    raise first_error


def _parse_attack_order(rest: str, names: Names, verb: str) -> AttackCommand:
    """`HEX with UNITS [support UNITS] [no advance]`: units listed after `with` attack (the
    controller moves artillery out of contact to support), those after `support` fire only."""
    advance = True
    m_hold = re.match(r"^(.*?)\s+no\s+advance$", rest, flags=re.IGNORECASE)
    if m_hold:
        rest, advance = m_hold.group(1), False
    target, units = _split_with(rest, verb)
    support_text = ""
    m_support = re.match(r"^(.*?)\s+support\s+(.*)$", units, flags=re.IGNORECASE)
    if m_support:
        units, support_text = m_support.group(1), m_support.group(2)
    support = names.unit_list(support_text, own=True) if support_text else ()
    return AttackCommand(
        target=names.hex(target),
        units=names.unit_list(units, own=True),
        support=support,
        advance=advance,
    )


def _parse_attack(rest: str, names: Names) -> AttackCommand:
    return _parse_attack_order(rest, names, "attack")


def _parse_odds(rest: str, names: Names) -> Odds:
    return Odds(_parse_attack_order(rest, names, "odds"))


def _parse_bombard(rest: str, names: Names) -> BombardCommand:
    target, unit = _split_with(rest, "bombard")
    return BombardCommand(unit=names.own_unit(unit), target=names.hex(target))


def _parse_air(rest: str, names: Names) -> AirCommand | AirStatus:
    if not rest:
        return AirStatus()
    aircraft = 0
    m_with = re.match(r"^(.*?)\s*\bwith\s+(\S+)\s*(?:aircraft|planes)?$", rest, flags=re.IGNORECASE)
    if m_with:
        rest, count = m_with.group(1), m_with.group(2)
        digits = count.isascii() and count.isdigit()
        aircraft = whole_number(count, "the number of aircraft") if digits else 0
        if aircraft < 1:
            raise LanguageError(f"'with {count}': give the number of aircraft, e.g. with 50")
    word, _, where = rest.partition(" ")
    low = word.lower()
    mission = MISSION_ALIASES.get(low) or next((m for m in MISSIONS if m == low), None)
    if mission is None:
        best = closest(low, MISSIONS)
        raise LanguageError(
            f"unknown air mission '{word}' (support, interdiction or air_superiority)",
            f"'{best}'" if best else "",
        )
    if mission != "air_superiority" and not where.strip():
        raise LanguageError(f"air {mission} needs a target hex: air {mission} HEX")
    if mission == "air_superiority" and where.strip():
        raise LanguageError("air_superiority covers the whole front: give no hex")
    target = names.hex(where) if where.strip() else None
    return AirCommand(mission=mission, aircraft=aircraft, target=target)


def _parse_entrench(rest: str, names: Names) -> EntrenchCommand:
    return EntrenchCommand(unit=names.own_unit(rest))


def _parse_info(rest: str, names: Names) -> UnitInfo | HexInfo:
    if not rest:
        raise LanguageError("info needs a unit or a hex: info UNIT|HEX")
    try:
        return UnitInfo(names.unit(rest))
    except LanguageError as unit_error:
        try:
            return HexInfo(names.hex(rest))
        except LanguageError:
            raise unit_error from None


def _parse_units(rest: str, names: Names) -> ListUnits:
    return ListUnits(names.group(rest) if rest else "")


DIRECTIONS = {"n": "n", "north": "n", "s": "s", "south": "s", "e": "e", "east": "e"}
DIRECTIONS |= {"w": "w", "west": "w", "up": "n", "down": "s", "right": "e", "left": "w"}


def _parse_map(rest: str, names: Names) -> ShowMap:
    """`map`, `map N/S/E/W`, `map all`, `map C,R-C,R` (an area, kept inside the map so its
    canonical text reads back) or `map PLACE|HEX` (centred there)."""
    if not rest:
        return ShowMap()
    word = rest.lower()
    if word in DIRECTIONS:
        return ShowMap(scroll=DIRECTIONS[word])
    if word in ("all", "whole"):
        return ShowMap(everything=True)
    m = re.fullmatch(r"\s*([0-9]+)\s*,\s*([0-9]+)\s*-\s*([0-9]+)\s*,\s*([0-9]+)\s*", rest)
    if m:
        a, b, c, d = (whole_number(x, "a map corner") for x in m.groups())
        return ShowMap(area=(names.clamp((a, b)), names.clamp((c, d))))
    return ShowMap(centre=names.hex(rest))


def _parse_log(rest: str, names: Names) -> ShowLog:
    return ShowLog(whole_number(rest, "the number of dispatches") if rest else None)


def _save_name(verb: str, rest: str) -> str:
    if not rest:
        raise LanguageError(f"{verb} needs a name: {verb} NAME")
    if not SAVE_NAME.fullmatch(rest):
        raise LanguageError(f"save names use letters, digits, '_', '-' and '.', not '{rest}'")
    return rest


def _parse_save(rest: str, names: Names) -> SaveGame:
    return SaveGame(_save_name("save", rest))


def _parse_load(rest: str, names: Names) -> LoadGame:
    return LoadGame(_save_name("load", rest))


def _parse_help(rest: str, names: Names) -> Help:
    topic = rest.lower()
    if topic and topic not in VERBS:
        best = closest(topic, list(VERBS))
        raise LanguageError(f"no help on '{rest}'", f"'help {best}'" if best else "'help'")
    return Help(topic)


# --- formatting --------------------------------------------------------------------------------


def _hex(c: Coord) -> str:
    return f"{c[0]},{c[1]}"


def _format_attack_order(verb: str, cmd: AttackCommand) -> str:
    text = f"{verb} {_hex(cmd.target)} with {','.join(cmd.units)}"
    if cmd.support:
        text += f" support {','.join(cmd.support)}"
    return text if cmd.advance else text + " no advance"


def _format_air(cmd: AirCommand | AirStatus) -> str:
    if isinstance(cmd, AirStatus):
        return "air"
    where = f" {_hex(cmd.target)}" if cmd.target is not None else ""
    count = f" with {cmd.aircraft}" if cmd.aircraft else ""
    return f"air {cmd.mission}{where}{count}"


def _format_info(r: UnitInfo | HexInfo) -> str:
    return f"info {r.unit}" if isinstance(r, UnitInfo) else f"info {_hex(r.at)}"


def _format_map(r: ShowMap) -> str:
    if r.area is not None:
        return f"map {_hex(r.area[0])}-{_hex(r.area[1])}"
    if r.scroll:
        return f"map {r.scroll.upper()}"
    if r.centre is not None:
        return f"map {_hex(r.centre)}"
    return "map all" if r.everything else "map"


# --- the table ---------------------------------------------------------------------------------

VERBS: dict[str, Verb] = {
    "move": Verb(
        "move UNIT HEX          move a unit, e.g. move 11tb 7,4 or move 11tb Bain-Tsagan",
        _parse_move,
        (MoveCommand,),
        lambda c: f"move {c.unit} {_hex(c.to)}",
    ),
    "rail": Verb(
        "rail UNIT HEX          go by train along your railways, e.g. rail 148d Harbin "
        "(or: move UNIT HEX by rail)",
        _parse_rail,
        (RailCommand,),
        lambda c: f"rail {c.unit} {_hex(c.to)}",
    ),
    "attack": Verb(
        "attack HEX with UNIT[,UNIT...]   attack the units in HEX (add 'support UNIT,...' "
        "for artillery that only fires, 'no advance' to stay put)",
        _parse_attack,
        (AttackCommand,),
        lambda c: _format_attack_order("attack", c),
    ),
    "bombard": Verb(
        "bombard HEX with UNIT  artillery fires on HEX from range",
        _parse_bombard,
        (BombardCommand,),
        lambda c: f"bombard {_hex(c.target)} with {c.unit}",
    ),
    "air": Verb(
        "air [MISSION [HEX] [with N]]   your aircraft; or fly support or interdiction at HEX, "
        "or air_superiority, with N aircraft (default: all free)",
        _parse_air,
        (AirCommand, AirStatus),
        _format_air,
    ),
    "entrench": Verb(
        "entrench UNIT          dig in (the unit must not have moved this turn)",
        _parse_entrench,
        (EntrenchCommand,),
        lambda c: f"entrench {c.unit}",
    ),
    "end": Verb(
        "end                    end your turn",
        _no_args("end", EndTurnCommand()),
        (EndTurnCommand,),
        lambda c: "end",
    ),
    "undo": Verb(
        "undo                   take back the last move, if it revealed nothing new",
        _no_args("undo", Undo()),
        (Undo,),
        lambda r: "undo",
    ),
    "info": Verb(
        "info UNIT|HEX          details of a unit or a hex",
        _parse_info,
        (UnitInfo, HexInfo),
        _format_info,
    ),
    "odds": Verb(
        "odds HEX with UNIT[,UNIT...]     the odds of an attack, without making it",
        _parse_odds,
        (Odds,),
        lambda r: _format_attack_order("odds", r.attack),
    ),
    "units": Verb(
        "units [GROUP]          list your units (of one group)",
        _parse_units,
        (ListUnits,),
        lambda r: f"units {r.group}".strip(),
    ),
    "map": Verb(
        "map [N|S|E|W|PLACE|all]   the map; scroll it, centre it on a place or hex, show it all "
        "(or an area COL,ROW-COL,ROW)",
        _parse_map,
        (ShowMap,),
        _format_map,
    ),
    "legend": Verb(
        "legend                 what each character of the map means, and the places",
        _no_args("legend", ShowLegend()),
        (ShowLegend,),
        lambda r: "legend",
    ),
    "reach": Verb(
        "reach UNIT             mark where the unit can move this turn, with the cost",
        lambda rest, names: Reach(names.unit(rest)) if rest else _need("reach UNIT"),
        (Reach,),
        lambda r: f"reach {r.unit}",
    ),
    "log": Verb(
        "log [N]                the last N dispatches (default 10)",
        _parse_log,
        (ShowLog,),
        lambda r: "log" if r.count is None else f"log {r.count}",
    ),
    "report": Verb(
        "report                 the after-action report of the game so far",
        _no_args("report", ShowReport()),
        (ShowReport,),
        lambda r: "report",
    ),
    "save": Verb(
        "save NAME              save the game", _parse_save, (SaveGame,), lambda r: f"save {r.name}"
    ),
    "load": Verb(
        "load NAME              load a saved game",
        _parse_load,
        (LoadGame,),
        lambda r: f"load {r.name}",
    ),
    "continue": Verb(
        "continue               resume the newest autosave of this scenario",
        _no_args("continue", ContinueGame()),
        (ContinueGame,),
        lambda r: "continue",
    ),
    "reload": Verb(
        "reload                 read the scenario file again and replay this game on it",
        _no_args("reload", Reload()),
        (Reload,),
        lambda r: "reload",
    ),
    "help": Verb(
        "help [COMMAND]         this list, or one command",
        _parse_help,
        (Help,),
        lambda r: f"help {r.topic}".strip(),
    ),
    "quit": Verb(
        "quit                   leave the game", _no_args("quit", Quit()), (Quit,), lambda r: "quit"
    ),
}
_VERB_OF: dict[type, Verb] = {kind: verb for verb in VERBS.values() for kind in verb.makes}


def usage(verb: str) -> str:
    """The usage line of a verb, up to its explanation."""
    return VERBS[verb].usage.split("  ")[0]


def _verb(word: str) -> str:
    w = word.lower()
    w = ALIASES.get(w, w)
    if w in VERBS:
        return w
    hits = [v for v in VERBS if v.startswith(w)]
    if len(hits) == 1:
        return hits[0]
    best = closest(w, list(VERBS))
    raise LanguageError(f"unknown command '{word}'", f"'{best}'" if best else "'help'")


def parse(line: str, names: Names) -> Parsed:
    """One line of the language as a rules Command or a UI Request; LanguageError if neither."""
    text = line.strip()
    if not text:
        raise LanguageError("empty command", "'help'")
    head, _, rest = text.partition(" ")
    return VERBS[_verb(head)].parse(rest.strip(), names)


def format_command(parsed: Parsed) -> str:
    """The canonical text of a command or request: unit ids, col,row hexes."""
    return _VERB_OF[type(parsed)].format(parsed)

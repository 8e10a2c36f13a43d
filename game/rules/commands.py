"""The one command language: the UIs, the AI, replays and tests all build these objects.

Hexes are (col, row) of the map text. `parse_command` reads the JSON form (saves, replays);
`parse_text` reads the typed form, e.g. `move r-2tb 7,4` or `attack 9,2 r-1rr r-2tb support r-art`.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from game.scenario.models import AirMissionKind

CoordT = tuple[int, int]


class _Cmd(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class MoveCommand(_Cmd):
    """Move a unit to a hex along its cheapest legal path."""

    type: Literal["move"] = "move"
    unit: str
    to: CoordT


class AttackCommand(_Cmd):
    """Attack the enemy in `target` with adjacent units, artillery in range firing in support;
    if the hex is emptied the attackers advance into it (unless advance is false)."""

    type: Literal["attack"] = "attack"
    target: CoordT
    units: tuple[str, ...]
    support: tuple[str, ...] = ()
    advance: bool = True


class BombardCommand(_Cmd):
    """Artillery fires at an enemy hex within its range."""

    type: Literal["bombard"] = "bombard"
    unit: str
    target: CoordT


class AirCommand(_Cmd):
    """Commit aircraft to a mission this turn; support and interdiction need a target hex.
    aircraft = 0 commits every aircraft still free this turn."""

    type: Literal["air"] = "air"
    mission: AirMissionKind
    aircraft: int = Field(default=0, ge=0)
    target: CoordT | None = None


class EntrenchCommand(_Cmd):
    """A unit that has not moved or fought this turn digs in (it spends its movement)."""

    type: Literal["entrench"] = "entrench"
    unit: str


class EndTurnCommand(_Cmd):
    """The side to move is done; the other side moves next (or the next turn begins)."""

    type: Literal["end_turn"] = "end_turn"


Command = Annotated[
    MoveCommand | AttackCommand | BombardCommand | AirCommand | EntrenchCommand | EndTurnCommand,
    Field(discriminator="type"),
]
_ADAPTER: TypeAdapter[Command] = TypeAdapter(Command)


def parse_command(data: dict[str, Any]) -> Command:
    """A command from its JSON form (raises pydantic.ValidationError)."""
    return _ADAPTER.validate_python(data)


def command_to_dict(cmd: Command) -> dict[str, Any]:
    """The JSON form of a command (tuples become lists)."""
    d: dict[str, Any] = _ADAPTER.dump_python(cmd, mode="json")
    return d


class CommandSyntaxError(ValueError):
    """A typed command that does not parse; the message says what was expected."""


def _coord(word: str) -> CoordT:
    parts = word.strip("[]()").replace(";", ",").split(",")
    if len(parts) != 2:
        raise CommandSyntaxError(f"'{word}' is not a hex; write col,row such as 7,4")
    try:
        return (int(parts[0]), int(parts[1]))
    except ValueError:
        raise CommandSyntaxError(f"'{word}' is not a hex; write col,row such as 7,4") from None


USAGE = {
    "move": "move UNIT COL,ROW",
    "attack": "attack COL,ROW UNIT [UNIT...] [support UNIT...] [noadvance]",
    "bombard": "bombard UNIT COL,ROW",
    "air": "air support|interdiction|superiority [AIRCRAFT] [COL,ROW]",
    "entrench": "entrench UNIT",
    "end": "end",
}


def parse_text(text: str) -> Command:
    """A command from its typed form; unit ids as in the scenario."""
    words = text.split()
    if not words:
        raise CommandSyntaxError("empty command; try: " + ", ".join(USAGE.values()))
    verb, args = words[0].lower(), words[1:]
    try:
        if verb == "move" and len(args) == 2:
            return MoveCommand(unit=args[0], to=_coord(args[1]))
        if verb == "attack" and len(args) >= 2:
            units: list[str] = []
            support: list[str] = []
            advance = True
            into = units
            for w in args[1:]:
                if w.lower() == "support":
                    into = support
                elif w.lower() == "noadvance":
                    advance = False
                else:
                    into.append(w)
            return AttackCommand(
                target=_coord(args[0]), units=tuple(units), support=tuple(support), advance=advance
            )
        if verb == "bombard" and len(args) == 2:
            return BombardCommand(unit=args[0], target=_coord(args[1]))
        if verb == "air" and 1 <= len(args) <= 3:
            mission = {"superiority": "air_superiority"}.get(args[0], args[0])
            rest = args[1:]
            count = int(rest.pop(0)) if rest and rest[0].isdigit() else 0
            return AirCommand.model_validate(
                {"mission": mission, "aircraft": count, "target": _coord(rest[0]) if rest else None}
            )
        if verb == "entrench" and len(args) == 1:
            return EntrenchCommand(unit=args[0])
        if verb in ("end", "end_turn") and not args:
            return EndTurnCommand()
    except (ValueError, TypeError) as exc:
        if isinstance(exc, CommandSyntaxError):
            raise
        raise CommandSyntaxError(f"cannot read '{text}': {USAGE.get(verb, '')}") from None
    if verb in USAGE:
        raise CommandSyntaxError(f"usage: {USAGE[verb]}")
    raise CommandSyntaxError(f"unknown command '{verb}'; try: " + ", ".join(USAGE))

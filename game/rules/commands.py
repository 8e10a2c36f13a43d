"""The one command language: the UIs, the AI, replays and tests all build these objects.

Hexes are (col, row) of the map text. `parse_command` reads the JSON form (saves, replays); the
typed form players use (`move 11tb 7,4`, `attack 9,2 with a,b`) is game/ui/language.py.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from game.hexes import Coord
from game.scenario.models import AirMissionKind

CoordT = Coord  # a [col, row] of the map text


class _Cmd(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class MoveCommand(_Cmd):
    """Move a unit to a hex along its cheapest legal path."""

    type: Literal["move"] = "move"
    unit: str
    to: CoordT


class RailCommand(_Cmd):
    """Move a unit by train along its side's railways (see game/rules/rail.py)."""

    type: Literal["rail"] = "rail"
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
    MoveCommand
    | RailCommand
    | AttackCommand
    | BombardCommand
    | AirCommand
    | EntrenchCommand
    | EndTurnCommand,
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

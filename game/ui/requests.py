"""What a player may ask of the front end rather than of the rules: look, list, save, leave.

Each request is a small frozen value; the controller has one handler per class. Rules commands
(game/rules/commands.py) and these requests together are everything a typed line can mean.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.hexes import Coord
from game.rules import AttackCommand

Area = tuple[Coord, Coord]


@dataclass(frozen=True)
class Undo:
    """Take back the last move, if it revealed nothing."""


@dataclass(frozen=True)
class Quit:
    """Leave the game."""


@dataclass(frozen=True)
class Help:
    """The list of commands, or the usage of one (`topic` is a verb)."""

    topic: str = ""


@dataclass(frozen=True)
class UnitInfo:
    """Everything the player may know about one unit."""

    unit: str


@dataclass(frozen=True)
class HexInfo:
    """Terrain, owner and visible units of one hex."""

    at: Coord


@dataclass(frozen=True)
class Odds:
    """The odds of an attack, without making it."""

    attack: AttackCommand


@dataclass(frozen=True)
class ListUnits:
    """The viewer's units, all or of one group."""

    group: str = ""


@dataclass(frozen=True)
class ShowMap:
    """The map: the view the front end keeps (nothing set), scrolled half a view (`scroll`:
    n, s, e or w), centred on a hex, the hexes between two corners, or all of it."""

    area: Area | None = None
    scroll: str = ""
    centre: Coord | None = None
    everything: bool = False


@dataclass(frozen=True)
class ShowLog:
    """The last `count` dispatches (None: the default number)."""

    count: int | None = None


@dataclass(frozen=True)
class SaveGame:
    name: str


@dataclass(frozen=True)
class LoadGame:
    name: str


@dataclass(frozen=True)
class AirStatus:
    """The side's aircraft: how many, how many already flying this turn, the missions."""


@dataclass(frozen=True)
class Reload:
    """Read the scenario file again and replay the game's commands on it (for modders)."""


@dataclass(frozen=True)
class ShowLegend:
    """What every character of the text map means, and the places."""


@dataclass(frozen=True)
class Reach:
    """Where a unit can move this turn, and what it costs."""

    unit: str


@dataclass(frozen=True)
class ShowReport:
    """The after-action report of the game so far."""


@dataclass(frozen=True)
class ContinueGame:
    """Resume the newest autosave of this scenario."""


Request = (
    Undo
    | Quit
    | Help
    | UnitInfo
    | HexInfo
    | Odds
    | ListUnits
    | ShowMap
    | ShowLog
    | SaveGame
    | LoadGame
    | ContinueGame
    | ShowReport
    | ShowLegend
    | Reach
    | AirStatus
    | Reload
)

"""A game in progress: the command list, undo of moves that revealed nothing, and the save data.

The rules give and take a plain dict; game/saves.py writes it to disk. Loading replays the
commands from the start and checks the result against the snapshot, so a save can never quietly
disagree with the rules that load it.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from game.rules.commands import Command, MoveCommand, RailCommand, command_to_dict, parse_command
from game.rules.engine import IllegalCommand, apply, new_game, validate
from game.rules.fog import visible_units
from game.rules.state import GameEvent, GameState, Options
from game.scenario.models import Scenario

SAVE_FORMAT = "two-augusts-save"
SAVE_VERSION = 2  # 2: a checksum of the contents (game/saves.py); 1 is still read
MAX_SEED = 2**63  # seeds are whole numbers of at most 64 bits, either sign
_QUIET = frozenset({"move"})  # events a move may cause and still be taken back


class SaveMismatch(ValueError):
    """Save data that does not fit this scenario or these rules."""


class Game:
    """One game: the current state, every command applied so far, and an undo stack."""

    def __init__(self, scenario: Scenario, seed: int = 0, options: Options | None = None) -> None:
        self.scenario = scenario
        self.seed = seed
        self.options = options or Options()
        self.state: GameState = new_game(scenario, seed, self.options)
        self.commands: list[Command] = []
        self._undo: list[GameState] = []

    def validate(self, cmd: Command) -> list[str]:
        return validate(self.state, cmd)

    def apply(self, cmd: Command) -> list[GameEvent]:
        """Apply a command (raises IllegalCommand); remember it for undo if it may be taken
        back: a move (on foot or by train) whose only consequence is the move and that brought
        no enemy into view."""
        before = self.state
        after, events = apply(before, cmd)
        undoable = isinstance(cmd, (MoveCommand, RailCommand)) and all(
            e.kind in _QUIET for e in events
        )
        if undoable and self.options.fog:
            seen = {u.id for u in visible_units(before, before.side) if u.side != before.side}
            now = {u.id for u in visible_units(after, before.side) if u.side != before.side}
            undoable = now <= seen
        if undoable:
            self._undo.append(before)
        else:
            self._undo.clear()
        self.state = after
        self.commands.append(cmd)
        return events

    def forget_undo(self) -> None:
        """Nothing done so far can be taken back (a game just loaded starts afresh)."""
        self._undo.clear()

    def can_undo(self) -> bool:
        return bool(self._undo)

    def undo(self) -> None:
        """Take back the last move; only moves since the last attack, fire, air mission, event
        or end of turn can be taken back."""
        if not self._undo:
            raise IllegalCommand(["there is nothing to undo"])
        self.state = self._undo.pop()
        self.commands.pop()


def to_save(game: Game, scenario_hash: str) -> dict[str, Any]:
    """Everything needed to restore a game: scenario identity, seed, commands and a snapshot."""
    return {
        "format": SAVE_FORMAT,
        "format_version": SAVE_VERSION,
        "scenario_id": game.scenario.meta.id,
        "scenario_hash": scenario_hash,
        "seed": game.seed,
        "options": game.options.to_dict(),
        "commands": [command_to_dict(c) for c in game.commands],
        "snapshot": game.state.to_dict(),
    }


class ReplayFailed(Exception):
    """The rules raised an unexpected error while rebuilding a saved game: a bug in the game,
    not damage in the save. `step` says where (0: setting up the game, N: command N)."""

    def __init__(self, step: int, command: Command | None, error: Exception) -> None:
        self.step = step
        self.command = command
        self.error = error
        where = f"replaying command {step} ({command_to_dict(command)})" if command else "setup"
        super().__init__(f"the rules failed during {where}: {error!r}")


def _check_header(scenario: Scenario, data: dict[str, Any], scenario_hash: str) -> None:
    """SaveMismatch unless the data is a save of this version, scenario and scenario file."""
    if not isinstance(data, dict) or data.get("format") != SAVE_FORMAT:
        raise SaveMismatch("this is not a Two Augusts save")
    version = data.get("format_version")
    if isinstance(version, bool) or not isinstance(version, int) or not 1 <= version:
        raise SaveMismatch(f"the save data is damaged: its format version is {version!r:.40}")
    if version > SAVE_VERSION:
        raise SaveMismatch(
            f"the save is in format {version}, from a newer version of Two Augusts; this "
            f"version reads formats 1 to {SAVE_VERSION}"
        )
    if data.get("scenario_id") != scenario.meta.id:
        raise SaveMismatch(
            f"the save is for scenario '{data.get('scenario_id')}', not '{scenario.meta.id}'"
        )
    if scenario_hash and data.get("scenario_hash") != scenario_hash:
        raise SaveMismatch(
            "the scenario file has changed since the game was saved "
            f"(hash {data.get('scenario_hash')} then, {scenario_hash} now)"
        )


def _read_record(data: dict[str, Any]) -> tuple[int, Options, list[Command]]:
    """The seed, options and commands of a save; SaveMismatch naming the first damaged part."""
    seed = data.get("seed")
    if isinstance(seed, bool) or not isinstance(seed, int) or not -MAX_SEED <= seed < MAX_SEED:
        raise SaveMismatch(
            f"the save data is damaged: the seed is {seed!r:.40}, not a whole number of 64 bits"
        )
    options = data.get("options", {})
    if not isinstance(options, dict) or not isinstance(options.get("fog", False), bool):
        raise SaveMismatch(f"the save data is damaged: the options are {options!r:.60}")
    raw_commands = data.get("commands")
    if not isinstance(raw_commands, list):
        raise SaveMismatch("the save data is damaged: it has no list of commands")
    commands = []
    for n, raw in enumerate(raw_commands, start=1):
        if not isinstance(raw, dict):
            raise SaveMismatch(f"the save data is damaged: command {n} is {raw!r:.60}")
        try:
            commands.append(parse_command(raw))
        except ValidationError as exc:
            raise SaveMismatch(f"command {n} cannot be read: {exc.errors()[0]['msg']}") from None
        except (TypeError, ValueError) as exc:
            raise SaveMismatch(f"command {n} cannot be read: {exc}") from None
    return seed, Options.from_dict(options), commands


def _replay(scenario: Scenario, seed: int, options: Options, commands: list[Command]) -> Game:
    """The game the commands make. An illegal command means the save does not fit these rules
    (SaveMismatch); any other error is the rules' own (ReplayFailed, with the original)."""
    try:
        game = Game(scenario, seed, options)
    except Exception as exc:
        raise ReplayFailed(0, None, exc) from exc
    for n, cmd in enumerate(commands, start=1):
        try:
            game.apply(cmd)
        except IllegalCommand as exc:
            raise SaveMismatch(f"command {n} is illegal on replay: {exc}") from None
        except Exception as exc:
            raise ReplayFailed(n, cmd, exc) from exc
    return game


def from_save(scenario: Scenario, data: dict[str, Any], scenario_hash: str = "") -> Game:
    """Rebuild a game from save data by replaying its commands. Raises SaveMismatch if the data
    is damaged, for another scenario or version, or does not replay to its snapshot; raises
    ReplayFailed if the rules themselves fail (a bug, whatever the save holds)."""
    _check_header(scenario, data, scenario_hash)
    seed, options, commands = _read_record(data)
    game = _replay(scenario, seed, options, commands)
    snap = data.get("snapshot")
    if snap is not None and game.state.to_dict() != snap:
        raise SaveMismatch(
            "replaying the saved commands does not give the saved position "
            "(the rules or the scenario have changed)"
        )
    game.forget_undo()
    return game

"""Seating a game from the `play` options: sides, seed, fog, difficulty, a save to resume.

Both front ends start the same way, so they share this; a bad option becomes a SetupError with
the message and exit code the command line reports.
"""

from __future__ import annotations

from pathlib import Path

from game.rules import Options
from game.saves import ReplayFailed, SaveError, load_save, save_file
from game.scenario.models import Scenario
from game.ui.autosave import AutoSaver, autosave_dir
from game.ui.controller import Controller, replay_bug_lines, save_dir
from game.ui.options import PlayOptions
from game.ui.players import computer_player

INTERNAL_ERROR = 70  # exit code of a bug in the game (EX_SOFTWARE of sysexits.h)


class SetupError(Exception):
    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


def humans_for(scenario: Scenario, side: str | None) -> set[str]:
    """The sides a human commands: one side id, both (hot-seat) or none (watch the AI)."""
    ids = [s.id for s in scenario.sides]
    if side is None:
        return {ids[0]}
    if side.lower() == "both":
        return set(ids)
    if side.lower() == "none":
        return set()
    wanted = side.lower()
    for s in scenario.sides:
        if wanted in (s.id.lower(), s.name.lower(), (s.adjective or "").lower()):
            return {s.id}
    raise SetupError(f"this scenario's sides are {', '.join(ids)} (or both, none); not '{side}'", 2)


def save_to_load(given: Path) -> Path:
    """What `--load` names: a save file, else a save as `save NAME` printed it (a name in the
    save folder, with or without .json)."""
    if given.exists() or len(given.parts) != 1:
        return given
    try:
        named = save_file(given.name, save_dir())
    except SaveError:
        return given
    return named if named.exists() else given


def make_controller(scenario: Scenario, path: Path, options: PlayOptions) -> Controller:
    """The controller the options ask for (raises SetupError)."""
    humans = humans_for(scenario, options.side)
    game = None
    if options.load is not None:
        try:
            game = load_save(options.load, path)
        except SaveError as exc:
            raise SetupError(f"cannot load {options.load}: {exc}", 1) from None
        except ReplayFailed as exc:
            lines = replay_bug_lines(str(options.load), exc, options.debug)
            raise SetupError("\n".join(lines), INTERNAL_ERROR) from None
    return Controller(
        scenario,
        path,
        humans,
        seed=options.seed,
        options=Options(fog=options.fog),
        new_computer_player=computer_player(options.difficulty),
        game=game,
        debug=options.debug,
        autosaver=AutoSaver(autosave_dir(save_dir())),
    )

"""Autosaves: the game is written at the start of every human turn into a small rotating set, so
a closed terminal, a crash or a hasty `quit` never costs more than the turn being played.

The files live in an `autosave` folder beside the named saves, one per turn and side
(`SCENARIO-tNN-SIDE.json`, so the same game and seed write the same names); only the newest
`KEEP` are kept. game/saves.py writes each file atomically; this module only names, rotates and
finds them. `continue` (and `two-augusts play --continue`) resumes the newest.
"""

from __future__ import annotations

import os
from pathlib import Path

from game.rules.session import Game
from game.saves import SaveError, write_save

KEEP = 5  # autosaves kept; older ones are deleted as new ones are written
FOLDER = "autosave"


def autosave_dir(saves: Path) -> Path:
    """The autosave folder inside the folder of named saves."""
    return saves / FOLDER


def autosave_name(game: Game) -> str:
    """The file name of the autosave of the game's current turn and side."""
    s = game.state
    return f"{game.scenario.meta.id}-t{s.turn:02d}-{s.side}.json"


def autosaves(directory: Path) -> list[Path]:
    """Every autosave in the folder, newest first (by the time written, then by name)."""
    if not directory.is_dir():
        return []
    files = [p for p in directory.glob("*.json") if p.is_file()]
    return sorted(files, key=lambda p: (p.stat().st_mtime_ns, p.name), reverse=True)


def newest(directory: Path, scenario_id: str | None = None) -> Path | None:
    """The newest autosave (of one scenario when `scenario_id` is given), or None."""
    for path in autosaves(directory):
        if scenario_id is None or path.name.startswith(f"{scenario_id}-t"):
            return path
    return None


def side_of_autosave(path: Path) -> str | None:
    """The side to move in an autosave, read from its name (a human side: autosaves are written
    at the start of a human turn)."""
    _, sep, side = path.stem.rpartition("-")
    return side if sep and side else None


class AutoSaver:
    """Writes the autosave of each human turn and keeps the newest KEEP of them."""

    def __init__(self, directory: Path, keep: int = KEEP) -> None:
        self.directory = directory
        self.keep = keep
        self.last: Path | None = None  # the file written most recently, for the goodbye line
        self.error: str = ""  # why the last autosave failed, if it did

    def save(self, game: Game, scenario_path: Path) -> Path | None:
        """Write the game's autosave and delete the oldest beyond KEEP; None (and `error`
        set) if it could not be written, which never stops the game."""
        target = self.directory / autosave_name(game)
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            write_save(target, game, scenario_path)
        except (SaveError, OSError) as exc:
            self.error = str(exc)
            return None
        self.error = ""
        # A rewrite of the same turn (after a load) must count as the newest.
        os.utime(target)
        self.last = target
        self.rotate()
        return target

    def rotate(self) -> None:
        for old in autosaves(self.directory)[self.keep :]:
            try:
                old.unlink()
            except OSError:
                pass

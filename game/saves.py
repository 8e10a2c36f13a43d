"""Save files on disk: the rules give and take the data (game.rules.session); this module only
writes it safely and reads it back.

Writes go to a temporary file in the same directory, are flushed and fsynced, then renamed over
the target, so a crash leaves either the old save or the new one, never half of one; no other
file is touched.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from game.rules.session import Game, ReplayFailed, SaveMismatch, from_save, to_save

__all__ = ["ReplayFailed", "SaveError", "load_save", "read_save_data", "write_save"]
from game.scenario import ScenarioError, load_scenario, scenario_hash


class SaveError(Exception):
    """A save that cannot be written or loaded; the message says why, for the player."""


def write_save(
    path: str | os.PathLike[str], game: Game, scenario_path: str | os.PathLike[str]
) -> None:
    """Write the game to `path` atomically."""
    target = Path(path)
    data = to_save(game, scenario_hash(Path(scenario_path)))
    data["scenario_path"] = str(scenario_path)
    text = json.dumps(data, indent=1, sort_keys=False, ensure_ascii=False)
    directory = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise SaveError(f"cannot write a save in {directory}: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise SaveError(f"cannot write {target}: {exc.strerror}") from None
    try:  # make the rename itself durable where the platform allows it
        dfd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
    except OSError:
        pass


def read_save_data(path: str | os.PathLike[str]) -> dict[str, object]:
    """The JSON of a save file, or SaveError."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SaveError(f"no save file {p}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SaveError(f"cannot read {p}: {exc}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SaveError(f"{p} is damaged: {exc.msg} at line {exc.lineno}") from None
    if not isinstance(data, dict):
        raise SaveError(f"{p} is not a Two Augusts save")
    return data


def load_save(
    path: str | os.PathLike[str], scenario_path: str | os.PathLike[str] | None = None
) -> Game:
    """Load a save: check the scenario file is the one it was played on, replay its commands and
    check the snapshot. `scenario_path` defaults to the path recorded in the save. A save that
    cannot be used raises SaveError (one line for the player); a failure of the rules while
    replaying it raises ReplayFailed (a bug to report, with its traceback)."""
    data = read_save_data(path)
    sp = scenario_path if scenario_path is not None else data.get("scenario_path")
    if not isinstance(sp, (str, os.PathLike)):
        raise SaveError(f"{path} does not say which scenario it belongs to")
    try:
        scenario = load_scenario(Path(sp))
        digest = scenario_hash(Path(sp))
    except ScenarioError as exc:
        raise SaveError(f"the scenario of {path} cannot be loaded:\n{exc}") from None
    try:
        return from_save(scenario, data, digest)
    except SaveMismatch as exc:
        raise SaveError(f"{path}: {exc}") from None

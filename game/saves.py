"""Save files on disk: the rules give and take the data (game.rules.session); this module only
writes it safely and reads it back.

Writes go to a temporary file in the same directory, are flushed and fsynced, then renamed over
the target, so a crash leaves either the old save or the new one, never half of one; temporary
files a killed game left behind are removed by the next save. Each save carries a checksum of
its contents, so damage is named as damage; the replay of its commands (game.rules.session)
then makes sure no save, however written, loads into a position the rules could not reach.
A save records the absolute path and the id of its scenario, so it finds its scenario from any
folder; the scenario's digest is taken from the game in memory, so a game can still be saved
after its scenario file was edited or deleted.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import os
import re
import stat
import tempfile
from pathlib import Path
from typing import Any

from game.rules.session import (
    SAVE_FORMAT,
    SAVE_VERSION,
    Game,
    ReplayFailed,
    SaveMismatch,
    from_save,
    to_save,
)
from game.scenario import ScenarioError, load_scenario
from game.scenario.library import find_scenario
from game.scenario.loader import scenario_digest
from game.scenario.sandbox import Refused, is_binary, read_regular_file

__all__ = [
    "ReplayFailed",
    "SaveError",
    "load_save",
    "read_save_data",
    "save_file",
    "save_scenario",
    "write_save",
]

MAX_SAVE_BYTES = 64 * 1024 * 1024  # a whole campaign's commands and snapshot take under 2 MB
MAX_INT_DIGITS = 20  # every number in a save fits in 64 bits
SAVE_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.\-]{0,99}")
CHECKSUM_FROM_VERSION = 2  # saves of format 1 were written without a checksum


class SaveError(Exception):
    """A save that cannot be written or loaded; the message says why, for the player."""


def checksum(data: dict[str, Any]) -> str:
    """The SHA-256 of everything in the save but the checksum itself, in one canonical form."""
    body = {k: v for k, v in data.items() if k != "checksum"}
    text = json.dumps(body, sort_keys=True, ensure_ascii=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("ascii")).hexdigest()


# --- writing -----------------------------------------------------------------------------------


def _remove_leftovers(target: Path) -> None:
    """Temporary files of earlier saves to `target` that a killed game never renamed."""
    for leftover in target.parent.glob(f".{glob_escape(target.name)}.*.tmp"):
        with contextlib.suppress(OSError):
            leftover.unlink()


def glob_escape(name: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", name)


def _new_file_mode(target: Path) -> int:
    """The mode the save keeps: the old save's, else what the umask gives a new file."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def _write_atomically(target: Path, text: str) -> None:
    directory = target.parent if str(target.parent) else Path(".")
    mode = _new_file_mode(target)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise SaveError(f"cannot write a save in {directory}: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fchmod(f.fileno(), mode)
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise SaveError(f"cannot write {target}: {exc.strerror}") from None
    try:  # make the rename itself durable where the platform allows it
        dfd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
    except OSError:
        pass


def write_save(
    path: str | os.PathLike[str], game: Game, scenario_path: str | os.PathLike[str]
) -> None:
    """Write the game to `path` atomically (SaveError if it cannot be written)."""
    target = Path(path)
    data = to_save(game, scenario_digest(game.scenario))
    data["scenario_path"] = str(Path(scenario_path).resolve())
    data["checksum"] = checksum(data)
    text = json.dumps(data, indent=1, sort_keys=False, ensure_ascii=False)
    _remove_leftovers(target)
    _write_atomically(target, text)


def save_file(name: str, folder: Path) -> Path:
    """The file of the save called `name` in `folder` (`.json` added); SaveError for a name
    that could lead anywhere else (a path, '..', an empty or strange name)."""
    if not SAVE_NAME.fullmatch(name):
        raise SaveError(f"'{name[:40]}' is not a save name: use letters, digits, '_', '-' and '.'")
    path = folder / (name if name.endswith(".json") else f"{name}.json")
    if path.resolve().parent != folder.resolve():
        raise SaveError(f"'{name}' leads outside the save folder {folder}")
    return path


# --- reading -----------------------------------------------------------------------------------


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise ValueError(
            f"a number of {len(text):,} digits (a save holds at most {MAX_INT_DIGITS})"
        )
    return int(text)


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"the number {text} is out of range")
    return value


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number a save holds")


def _parse_json(text: str, p: Path) -> Any:
    try:
        return json.loads(
            text,
            parse_int=_bounded_int,
            parse_float=_finite_float,
            parse_constant=_no_constant,
        )
    except json.JSONDecodeError as exc:
        raise SaveError(f"{p} is damaged: {exc.msg} at line {exc.lineno}") from None
    except RecursionError:
        raise SaveError(f"{p} is damaged: it is nested too deeply to be a save") from None
    except ValueError as exc:
        raise SaveError(f"{p} is damaged: {exc}") from None


def _check_version(data: dict[str, Any], p: Path) -> None:
    if data.get("format") != SAVE_FORMAT:
        raise SaveError(f"{p} is not a Two Augusts save")
    version = data.get("format_version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise SaveError(f"{p} is damaged: its format version is {json.dumps(version)[:40]}")
    if version > SAVE_VERSION:
        raise SaveError(
            f"{p} was written by a newer version of Two Augusts (save format {version}; this "
            f"version reads formats 1 to {SAVE_VERSION}): update the game to load it"
        )
    if version < 1:
        raise SaveError(f"{p} is damaged: its format version is {version}")
    if version >= CHECKSUM_FROM_VERSION and data.get("checksum") != checksum(data):
        raise SaveError(f"{p} is damaged or was edited: its checksum does not match its contents")


def read_save_data(path: str | os.PathLike[str]) -> dict[str, Any]:
    """The JSON of a save file, checked for damage, or SaveError saying in one line why not."""
    p = Path(path)
    try:
        raw = read_regular_file(p, MAX_SAVE_BYTES, "save")
    except Refused as exc:
        if exc.message == "no such file":
            raise SaveError(f"no save file {p}") from None
        raise SaveError(f"cannot read {p}: {exc.message}") from None
    if is_binary(raw):
        raise SaveError(f"{p} is not a Two Augusts save (it is a binary file)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise SaveError(f"{p} is damaged: it is not UTF-8 text") from None
    data = _parse_json(text, p)
    if not isinstance(data, dict):
        raise SaveError(f"{p} is not a Two Augusts save")
    _check_version(data, p)
    return data


def save_scenario(data: dict[str, Any], save: Path) -> Path | None:
    """The scenario file a save was played on: the path it recorded (absolute; older saves
    recorded it relative to the working folder or the save), else a scenario with its id."""
    recorded = data.get("scenario_path")
    if isinstance(recorded, str) and "\x00" not in recorded:
        for candidate in (Path(recorded), save.parent / recorded):
            with contextlib.suppress(OSError):  # a name too long for the file system, say
                if candidate.is_file():
                    return candidate
    scenario_id = data.get("scenario_id")
    if isinstance(scenario_id, str) and SAVE_NAME.fullmatch(scenario_id):
        return find_scenario(scenario_id)
    return None


def load_save(
    path: str | os.PathLike[str], scenario_path: str | os.PathLike[str] | None = None
) -> Game:
    """Load a save: check the scenario file is the one it was played on, replay its commands and
    check the snapshot. `scenario_path` defaults to the scenario the save names. A save that
    cannot be used raises SaveError (one line for the player); a failure of the rules while
    replaying it raises ReplayFailed (a bug to report, with its traceback)."""
    data = read_save_data(path)
    sp = Path(scenario_path) if scenario_path is not None else save_scenario(data, Path(path))
    if sp is None:
        raise SaveError(
            f"cannot find the scenario '{str(data.get('scenario_id'))[:64]}' that {path} was "
            "played on; name it: two-augusts play SCENARIO --load SAVE"
        )
    try:
        scenario = load_scenario(sp)
    except ScenarioError as exc:
        first = str(exc.errors[0]).splitlines()[0] if exc.errors else str(exc)
        raise SaveError(f"the scenario of {path} cannot be loaded: {first}") from None
    try:
        return from_save(scenario, data, scenario_digest(scenario))
    except SaveMismatch as exc:
        raise SaveError(f"{path}: {exc}") from None

"""`two-augusts report FILE`: the after-action report of a save, or of a game in a
`simulate --json` batch, read from disk. A file that is neither says so in one line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from game.saves import MAX_SAVE_BYTES, ReplayFailed, SaveError, load_save
from game.scenario import ScenarioError, load_scenario
from game.scenario.library import find_scenario
from game.scenario.sandbox import Refused, read_regular_file
from game.ui.report import Report, build_report, report_of_game


class ReportError(Exception):
    """A file the report cannot be made from; the message says why."""


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(read_regular_file(path, MAX_SAVE_BYTES, "file").decode("utf-8"))
    except Refused as exc:
        if exc.message == "no such file":
            raise ReportError(f"no such file {path}") from None
        raise ReportError(f"cannot read {path}: {exc.message}") from None
    except UnicodeDecodeError as exc:
        raise ReportError(f"cannot read {path}: {exc}") from None
    except json.JSONDecodeError as exc:
        raise ReportError(f"{path} is not JSON: {exc.msg} at line {exc.lineno}") from None
    except (RecursionError, ValueError):  # nested too deeply, or a number Python refuses
        raise ReportError(f"{path} is neither a save nor a `simulate --json` file") from None
    if not isinstance(data, dict):
        raise ReportError(f"{path} is neither a save nor a `simulate --json` file")
    return data


def _report_of_save(path: Path) -> Report:
    try:
        game = load_save(path)
    except SaveError as exc:
        raise ReportError(str(exc)) from None
    except ReplayFailed as exc:
        raise ReportError(f"{path}: {exc}") from None
    return report_of_game(game)


def _report_of_batch(path: Path, data: dict[str, Any], number: int, scenario: str | None) -> Report:
    games = data.get("games")
    if not isinstance(games, list) or not games:
        raise ReportError(f"{path} has no games")
    if not 1 <= number <= len(games):
        raise ReportError(f"{path} has games 1 to {len(games)}, not {number}")
    name = scenario or str(data.get("scenario", ""))
    found = find_scenario(name) if name else None
    if found is None:
        raise ReportError(f"cannot find the scenario '{name}' of {path}; name it with --scenario")
    try:
        loaded = load_scenario(found)
    except ScenarioError as exc:
        raise ReportError(f"the scenario of {path} cannot be loaded:\n{exc}") from None
    try:
        return build_report(loaded, games[number - 1])
    except (KeyError, TypeError, ValueError) as exc:
        raise ReportError(f"game {number} of {path} is not a full game record ({exc!r})") from None


def report_of_file(path: Path, number: int = 1, scenario: str | None = None) -> Report:
    """The report of a save file, or of game `number` (from 1) of a `simulate --json` file."""
    data = _read_json(path)
    if data.get("format") == "two-augusts-save":
        return _report_of_save(path)
    if "games" in data:
        return _report_of_batch(path, data, number, scenario)
    raise ReportError(f"{path} is neither a save nor a `simulate --json` file")

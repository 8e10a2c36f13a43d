"""Every scenario the game can find, each with its title, where it came from and whether it loads.

`list` prints this. A broken scenario is listed with its first error, never left out: a modder
whose file silently vanished from the menu would not know where to look.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from game.scenario.errors import ScenarioError
from game.scenario.library import meta_table, scenario_files, sources
from game.scenario.loader import Part, load_any
from game.scenario.models import Ruleset


@dataclass(frozen=True)
class Entry:
    name: str
    title: str
    source: str
    path: Path
    status: str
    ok: bool


def _title_of_broken(path: Path) -> str:
    title = meta_table(path).get("title")
    return title if isinstance(title, str) and title else "?"


def describe(path: Path, source: str) -> Entry:
    """Load one file and say what it is."""
    try:
        result = load_any(path)
    except ScenarioError as exc:
        first = (exc.errors or exc.problems)[0]
        status = f"error: {first.file}:{first.line}:{first.col}: {first.message}"
        more = len(exc.errors) - 1
        if more > 0:
            status += f" (and {more} more)"
        return Entry(path.stem, _title_of_broken(path), source, path, status, False)
    except OSError as exc:
        return Entry(path.stem, "?", source, path, f"error: cannot read: {exc.strerror}", False)
    if isinstance(result, Ruleset):
        return Entry(path.stem, result.ruleset.title, source, path, "ruleset", True)
    if isinstance(result, Part):
        return Entry(path.stem, "(part of a scenario)", source, path, "part", True)
    warnings = len(result.warnings)
    status = f"ok ({warnings} warning{'s' if warnings != 1 else ''})" if warnings else "ok"
    return Entry(path.stem, result.scenario.meta.title, source, path, status, True)


def catalogue(extra_dirs: Sequence[str | Path] = ()) -> list[Entry]:
    """Every scenario in --scenario-dir folders, the user's folder and the shipped ones.

    A name found twice plays the first one found; the later ones say so (play them by path).
    """
    entries: list[Entry] = []
    first: dict[str, Path] = {}
    for source in sources(extra_dirs):
        for path in scenario_files(source.folder):
            entry = describe(path, source.label)
            if entry.name in first:
                note = f"; the name plays {first[entry.name]}, so play this one by path"
                entry = dataclasses.replace(entry, status=entry.status + note)
            first.setdefault(entry.name, path)
            entries.append(entry)
    return entries

"""Where scenarios, rulesets, the schema and the fonts live, and finding a scenario by name.

Installed from a wheel, the data ships inside the package as `game/data/` (the build copies the
repository's top-level scenarios/ and assets/fonts/ there, see setup.py). In a source checkout
or an editable install there is no `game/data/`, and the repository folders are used directly.
Scenarios are looked up in this order: folders given with --scenario-dir, the user's folder,
then the shipped ones, so a modder's file can stand in for a shipped one of the same name.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

APP_NAME = "two-augusts"
USER_DIR_ENV = "TWO_AUGUSTS_USER_DIR"
RULESET_PREFIX = "ruleset:"
_REPO_ROOT = Path(__file__).resolve().parents[2]
_REPO_FOLDERS = {"scenarios": _REPO_ROOT / "scenarios", "fonts": _REPO_ROOT / "assets" / "fonts"}


def data_dir(kind: str) -> Path:
    """The folder of shipped `scenarios` or `fonts`: packaged copy first, else the repository's."""
    packaged = resources.files("game") / "data" / kind
    if packaged.is_dir():
        return Path(str(packaged))
    return _REPO_FOLDERS[kind]


def shipped_scenarios() -> Path:
    return data_dir("scenarios")


def shipped_rulesets() -> Path:
    return shipped_scenarios() / "rulesets"


def schema_path() -> Path:
    return shipped_scenarios() / "scenario.schema.json"


def fonts_dir() -> Path:
    return data_dir("fonts")


def user_dir() -> Path:
    """The per-user scenario folder (created on demand by `new-scenario`, never on reading)."""
    override = os.environ.get(USER_DIR_ENV)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "scenarios"


@dataclass(frozen=True)
class Source:
    """A folder scenarios are found in, and what `list` calls it."""

    label: str
    folder: Path


def sources(extra: Sequence[str | Path] = ()) -> list[Source]:
    found = [Source(f"dir {d}", Path(d)) for d in extra]
    found.append(Source("user", user_dir()))
    found.append(Source("shipped", shipped_scenarios()))
    return found


NOT_SCENARIOS = ("rulesets", "parts")  # folders of files that scenarios include


def scenario_files(folder: Path) -> Iterator[Path]:
    """TOML files in a folder and its sub-folders, rulesets/ and parts/ folders left out (they
    hold files that scenarios include, not scenarios)."""
    if not folder.is_dir():
        return
    for path in sorted(folder.rglob("*.toml"), key=lambda p: (len(p.parts), p)):
        if not set(NOT_SCENARIOS) & set(path.relative_to(folder).parts[:-1]):
            yield path


def ruleset_folders() -> tuple[Path, ...]:
    """Where `ruleset:NAME` looks: the shipped rulesets, then the user's rulesets/ folder."""
    return (shipped_rulesets(), user_dir() / "rulesets")


def ruleset_path(name: str) -> Path | None:
    """`ruleset:NAME` -> the shipped ruleset NAME.toml, or one in the user's rulesets/ folder."""
    for folder in ruleset_folders():
        candidate = folder / f"{name}.toml"
        if candidate.is_file():
            return candidate
    return None


def ruleset_names() -> list[str]:
    return sorted({p.stem for f in ruleset_folders() if f.is_dir() for p in f.glob("*.toml")})


def meta_table(path: Path) -> dict[str, object]:
    """The [meta] table of a TOML file, read as cheaply and safely as the loader reads (a pipe,
    a huge or deeply nested file gives {}), for listings that must not stop at a broken file."""
    import tomli

    from game.scenario.limits import MAX_FILE_BYTES
    from game.scenario.sandbox import Refused, read_regular_file

    try:
        text = read_regular_file(path, MAX_FILE_BYTES).decode("utf-8")
        meta = tomli.loads(text).get("meta", {})
    except (Refused, UnicodeDecodeError, tomli.TOMLDecodeError, RecursionError):
        return {}
    return meta if isinstance(meta, dict) else {}


def _meta_id(path: Path) -> str | None:
    value = meta_table(path).get("id")
    return value if isinstance(value, str) else None


def find_scenario(name: str, extra: Sequence[str | Path] = ()) -> Path | None:
    """A scenario by file path, file name without .toml, or meta.id; None if nothing matches."""
    as_path = Path(name)
    if as_path.is_file():
        return as_path
    if as_path.suffix == ".toml" or len(as_path.parts) > 1:
        return None
    files = [p for s in sources(extra) for p in scenario_files(s.folder)]
    for path in files:
        if path.stem == name:
            return path
    for path in files:
        if _meta_id(path) == name:
            return path
    return None


def scenario_names(extra: Iterable[str | Path] = ()) -> list[str]:
    return sorted({p.stem for s in sources(list(extra)) for p in scenario_files(s.folder)})

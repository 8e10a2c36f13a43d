"""`new-scenario`: a small, valid, commented scenario to start from, or a copy of another one.

A copy gets a new meta.id (saves tell scenarios apart by it), its relative includes rewritten
so they still reach the same files from the new place (shipped rulesets become `ruleset:NAME`,
which works from anywhere), and a `#:schema` line that points at this installation's schema.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from pathlib import Path

from game.scenario.library import RULESET_PREFIX, schema_path, shipped_rulesets

_ID_CHARS = re.compile(r"[^a-z0-9_\-]+")
_INCLUDE = re.compile(r"^include\s*=\s*\[[^\]]*\]", re.MULTILINE)
_META_ID = re.compile(r'^(\[meta\][^\[]*?^id\s*=\s*)"[^"\n]*"', re.MULTILINE | re.DOTALL)

TEMPLATE = """{schema}
# A new Two Augusts scenario. Check it with:  two-augusts validate {file}
# Every key is listed in docs/scenario-format.md; docs/modding.md walks through them.
format_version = 1
# Terrain and unit types come from the shipped ruleset; add [terrain.X] or [unit_types.X] here
# to define your own or to change some keys of a shipped one.
include = ["ruleset:steppe_and_manchuria"]

[meta]
id = "{id}"
title = "{title}"
author = ""
description = "What the battle is about, in a paragraph."

[calendar]
start = 1939-08-20T06:00:00   # a bare TOML date-time, no quotes
end = 1939-08-23T18:00:00
turn_hours = 12

[scale]
hex_km = 2.0

# The map: one string per row, one legend character per hex; odd rows sit half a hex right.
# Coordinates are [col, row] from 0: see them with  two-augusts render-map {file}
[map]
rows = [
  "....~....",
  "....~....",
  "..^.~....",
  "....~..^.",
  "....~....",
]
[map.legend]
"." = "steppe"
"^" = "hills"
"~" = "river"

[[map.crossings]]
at = [4, 2]
kind = "bridge"
name = "The bridge"

[[places]]
id = "the_bridge"
name = "The bridge"
at = [4, 2]
vp = 10
owner = "blue"

[[sides]]
id = "red"
name = "Red"
colour = "#c03028"
[[sides.supply_sources]]
edge = "west"

[[sides]]
id = "blue"
name = "Blue"
colour = "#2850a8"
[[sides.supply_sources]]
edge = "east"

[[units]]
id = "red-1"
name = "1st Rifle Regiment"
side = "red"
type = "rifle_regiment"
at = [1, 2]
men = 2500
guns = 20

[[units]]
id = "blue-1"
name = "1st Infantry Regiment"
side = "blue"
type = "infantry_regiment"
at = [6, 2]
men = 2000
guns = 16

[victory]
score_side = "red"   # score = red's victory points minus blue's
decisive = 10
marginal = 5
opponent_marginal = -5
opponent_decisive = -10
"""


def scenario_id(path: Path) -> str:
    """A valid meta.id from a file name: 'My Battle.toml' -> 'my_battle'."""
    name = _ID_CHARS.sub("_", path.stem.lower()).strip("_-")
    return name or "new_scenario"


def schema_line(target: Path) -> str:
    schema = schema_path().resolve()
    try:
        ref = os.path.relpath(schema, target.resolve().parent)
    except ValueError:  # another drive on Windows
        ref = str(schema)
    if Path(ref).parts[:3] == ("..", "..", ".."):
        ref = str(schema)  # far away: an absolute path reads better and survives a move
    return f"#:schema {Path(ref).as_posix()}"


def new_text(target: Path) -> str:
    title = target.stem.replace("_", " ").replace("-", " ").strip().title() or "New scenario"
    return TEMPLATE.format(
        schema=schema_line(target), file=target.name, id=scenario_id(target), title=title
    )


def _rewrite_include(inc: str, source: Path, target: Path) -> str:
    """A shipped ruleset by name; any other include keeps its path (the file is copied along,
    see included_copies: a scenario may only include files in its own folder)."""
    if inc.startswith(RULESET_PREFIX):
        return inc
    included = (source.parent / inc).resolve()
    shipped = (shipped_rulesets() / included.name).resolve()
    if included == shipped:
        return RULESET_PREFIX + included.stem
    return inc


def included_copies(files: Sequence[Path], source: Path, target: Path) -> list[tuple[Path, Path]]:
    """(file, copy) for each file a scenario includes from its own folder, placed the same way
    beside its copy so the copy's includes still find them."""
    home = source.resolve().parent
    copies = []
    for f in files:
        real = f.resolve()
        if real != source.resolve() and real.is_relative_to(home):
            copies.append((real, target.parent / real.relative_to(home)))
    return copies


def copied_text(source: Path, target: Path, includes: list[str]) -> str:
    """The source scenario's text with a new id, includes that work from `target`, schema line."""
    text = source.read_text(encoding="utf-8")
    lines = text.split("\n")
    if lines and lines[0].startswith("#:schema"):
        lines = lines[1:]
    text = "\n".join([schema_line(target), *lines])
    if includes:
        rewritten = ", ".join(f'"{_rewrite_include(i, source, target)}"' for i in includes)
        text = _INCLUDE.sub(lambda _: f"include = [{rewritten}]", text, count=1)
    return _META_ID.sub(lambda m: f'{m.group(1)}"{scenario_id(target)}"', text, count=1)

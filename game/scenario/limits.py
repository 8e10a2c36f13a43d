"""Limits on the size and shape of a scenario, checked before any costly work.

A scenario file may come from anyone. Without limits a 50 MB string, 10,000 nested arrays or a
map of four million hexes would cost minutes and gigabytes (or overflow Python's recursion)
before the first error could be reported. Each limit is far above anything a real scenario
needs (the 1945 campaign has 88 units on a 41 x 44 map in 63 KB) and is checked on the cheapest
form that shows it: the file's size before reading, the number of [[tables]] on the raw text
before parsing, and the depth and sizes of the parsed data before positions are indexed or
models validated. Nesting too deep for the parser itself (it recurses once per level) stops it
with a RecursionError, which the loader turns into the same message, located by text_nesting.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from game.scenario.positions import Path

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_NESTING = 32  # arrays, inline tables and dotted keys inside one another
MAX_STRING_CHARS = 20_000  # any one string or key
MAX_ARRAY_ITEMS = 10_000  # any one array or table
MAX_MAP_COLUMNS = 400  # the benchmarks play generated maps of 256 x 256
MAX_MAP_ROWS = 400
MAX_UNITS = 2_000
MAX_EVENTS = 1_000
MAX_INCLUDE_DEPTH = 8  # a file that includes a file that includes ... this many deep
MAX_INCLUDED_FILES = 32  # files read for one scenario, the scenario itself included

# Strings, comments and brackets of TOML text: enough to measure bracket nesting without parsing.
_TOKENS = re.compile(
    r'"""[^"\\]*(?:(?:\\.|"(?!""))[^"\\]*)*"""'
    r"|'''.*?'''"
    r'|"[^"\\\n]*(?:\\.[^"\\\n]*)*"'
    r"|'[^'\n]*'"
    r"|#[^\n]*"
    r"|[\[\]{}]",
    re.DOTALL,
)


@dataclass(frozen=True)
class Exceeded:
    """One limit broken: where (a data path, or a line and column of the text) and which."""

    message: str
    hint: str
    path: Path = ()
    line: int = 0
    col: int = 0


def text_nesting(text: str) -> Exceeded | None:
    """The first place the text nests brackets deeper than MAX_NESTING (it stops there, so it
    is quick on any text the parser gave up on)."""
    depth = 0
    for m in _TOKENS.finditer(text):
        token = m.group()
        if token in "[{":
            depth += 1
            if depth > MAX_NESTING:
                line = text.count("\n", 0, m.start()) + 1
                col = m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1
                return Exceeded(
                    f"arrays or tables nested more than {MAX_NESTING} levels deep",
                    "no scenario needs this much nesting; flatten the value",
                    line=line,
                    col=col,
                )
        elif token in "]}":
            depth = max(0, depth - 1)
    return None


_TABLE_ARRAY_HEADER = re.compile(r"(?m)^[ \t]*\[\[[ \t]*([A-Za-z0-9_.\-]+)[ \t]*\]\]")
_COUNTED = {"units": (MAX_UNITS, "units"), "events": (MAX_EVENTS, "events")}


def text_counts(text: str) -> Exceeded | None:
    """Too many [[units]], [[events]] or other [[tables]] in the raw text, found before parsing
    (a file of 100,000 short units is small, but slow to parse)."""
    seen: dict[str, int] = {}
    for m in _TABLE_ARRAY_HEADER.finditer(text):
        name = m.group(1)
        seen[name] = seen.get(name, 0) + 1
        limit, what = _COUNTED.get(name, (MAX_ARRAY_ITEMS, f"[[{name}]] tables"))
        if seen[name] > limit:
            line = text.count("\n", 0, m.start()) + 1
            return Exceeded(f"more than {limit:,} {what}; the limit is {limit:,}", "", line=line)
    return None


def _walk(data: Any) -> Iterator[tuple[Path, Any]]:
    """Every (path, value) of parsed TOML, without recursion."""
    stack: list[tuple[Path, Any]] = [((), data)]
    while stack:
        path, value = stack.pop()
        yield path, value
        if len(path) > MAX_NESTING:
            continue  # reported by data_limits; its insides need not be walked
        if isinstance(value, dict):
            stack.extend(((*path, k), v) for k, v in reversed(list(value.items())))
        elif isinstance(value, list):
            stack.extend(((*path, n), v) for n, v in reversed(list(enumerate(value))))


def _general_limit(path: Path, value: Any) -> Exceeded | None:
    if len(path) > MAX_NESTING:
        return Exceeded(
            f"keys and values nested more than {MAX_NESTING} levels deep",
            "no scenario needs this much nesting; use shorter dotted keys",
            path[:MAX_NESTING],
        )
    key = path[-1] if path else ""
    if isinstance(key, str) and len(key) > MAX_STRING_CHARS:
        return Exceeded(
            f"a key of {len(key):,} characters; the limit is {MAX_STRING_CHARS:,}",
            "",
            path[:-1],
        )
    if isinstance(value, str) and len(value) > MAX_STRING_CHARS:
        return Exceeded(
            f"a text of {len(value):,} characters; the limit is {MAX_STRING_CHARS:,}",
            "shorten it",
            path,
        )
    if isinstance(value, (list, dict)) and len(value) > MAX_ARRAY_ITEMS:
        return Exceeded(
            f"{len(value):,} entries in one array or table; the limit is {MAX_ARRAY_ITEMS:,}",
            "",
            path,
        )
    return None


def _count_limit(data: dict[str, Any], key: str, limit: int, what: str) -> Exceeded | None:
    value = data.get(key)
    if isinstance(value, list) and len(value) > limit:
        return Exceeded(f"{len(value):,} {what}; the limit is {limit:,}", "", (key,))
    return None


def _map_limit(data: dict[str, Any]) -> Exceeded | None:
    game_map = data.get("map")
    rows = game_map.get("rows") if isinstance(game_map, dict) else None
    if not isinstance(rows, list):
        return None
    hint = f"the largest map this game plays is {MAX_MAP_COLUMNS} x {MAX_MAP_ROWS} hexes"
    if len(rows) > MAX_MAP_ROWS:
        return Exceeded(
            f"a map of {len(rows):,} rows; the limit is {MAX_MAP_ROWS}", hint, ("map", "rows")
        )
    for n, row in enumerate(rows):
        if isinstance(row, str) and len(row) > MAX_MAP_COLUMNS:
            return Exceeded(
                f"map row {n} has {len(row):,} hexes; the limit is {MAX_MAP_COLUMNS}",
                hint,
                ("map", "rows", n),
            )
    return None


def data_limits(data: dict[str, Any]) -> Exceeded | None:
    """The first limit the parsed data breaks: the scale of the game (map, units, events)
    first, as the most telling, then sizes and depths anywhere in it."""
    found = (
        _map_limit(data)
        or _count_limit(data, "units", MAX_UNITS, "units")
        or _count_limit(data, "events", MAX_EVENTS, "events")
    )
    if found is not None:
        return found
    for path, value in _walk(data):
        found = _general_limit(path, value)
        if found is not None:
            return found
    return None

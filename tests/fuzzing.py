"""A mutation fuzzer for scenario and ruleset files, shared by the fuzz tests and by hand runs.

Each case is a seed text changed by one to three mutations of the kinds a hostile or clumsy
author produces: flipped bytes, deleted, duplicated or swapped lines, a value swapped for one of
another type, huge and negative numbers, unicode, NUL bytes, deep nesting, very long strings and
keys. Everything is driven by a `random.Random(seed)`, so a case number always gives the same
text and a failure can be replayed from its number alone.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from pathlib import Path

from tests.conftest import SCENARIOS

Mutation = Callable[[random.Random, str], str]

SEED_FILES = (
    SCENARIOS / "examples" / "tutorial_bridgehead.toml",
    SCENARIOS / "examples" / "river_crossing.toml",
    SCENARIOS / "rulesets" / "steppe_and_manchuria.toml",
    SCENARIOS / "khalkhin_gol_1939.toml",
    SCENARIOS / "manchuria_1945.toml",
)
_VALUE = re.compile(r"(=\s*)([^\n#]+)")
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_WEIRD_VALUES = (
    '""',
    "0",
    "-1",
    "-99999999999999999999",
    "99999999999999999999999",
    "1e400",
    "-1e400",
    "nan",
    "inf",
    "true",
    "[]",
    "{}",
    "[[]]",
    '"\\u0000"',
    "1939-07-02T06:00:00",
    "9999-12-31T23:59:59",
    "0001-01-01T00:00:00",
    "[99999, 99999]",
    "[-1, -1]",
    "[1]",
    '"²"',
    '"Ⅻ"',
    '"x"',
    "3.5",
    "{ a = 1 }",
)
_SNIPPETS = (
    "\x00",
    "\ufeff",
    "é",
    "\u202e",
    "𝕏",
    "[",
    "]]",
    "{",
    '"',
    "'''",
    '"""',
    "=",
    ".",
    "\n[[units]]\n",
    "\n[map]\n",
    "\ninclude = ['../../../../etc/passwd']\n",
    "\ninclude = ['/etc/hostname']\n",
    "\ninclude = ['ruleset:nothing']\n",
)


def _lines(text: str) -> list[str]:
    return text.splitlines(keepends=True) or [""]


def flip_bytes(rng: random.Random, text: str) -> str:
    raw = bytearray(text.encode("utf-8", errors="surrogateescape"))
    for _ in range(rng.randint(1, 4)):
        if raw:
            raw[rng.randrange(len(raw))] ^= 1 << rng.randrange(8)
    return raw.decode("utf-8", errors="surrogateescape")


def delete_line(rng: random.Random, text: str) -> str:
    lines = _lines(text)
    del lines[rng.randrange(len(lines))]
    return "".join(lines)


def duplicate_line(rng: random.Random, text: str) -> str:
    lines = _lines(text)
    n = rng.randrange(len(lines))
    lines.insert(n, lines[n])
    return "".join(lines)


def swap_lines(rng: random.Random, text: str) -> str:
    lines = _lines(text)
    a, b = rng.randrange(len(lines)), rng.randrange(len(lines))
    lines[a], lines[b] = lines[b], lines[a]
    return "".join(lines)


def swap_value(rng: random.Random, text: str) -> str:
    """A value replaced by one of another type, or by an extreme or odd one."""
    found = list(_VALUE.finditer(text))
    if not found:
        return text
    m = rng.choice(found)
    return text[: m.start(2)] + rng.choice(_WEIRD_VALUES) + text[m.end(2) :]


def extreme_number(rng: random.Random, text: str) -> str:
    found = list(_NUMBER.finditer(text))
    if not found:
        return text
    m = rng.choice(found)
    new = rng.choice(("-1", "0", "10" * rng.randint(1, 30), "-" + "9" * 25, "1e400", "4294967296"))
    return text[: m.start()] + new + text[m.end() :]


def insert_snippet(rng: random.Random, text: str) -> str:
    at = rng.randrange(len(text) + 1)
    return text[:at] + rng.choice(_SNIPPETS) + text[at:]


def deep_nesting(rng: random.Random, text: str) -> str:
    depth = rng.choice((50, 300, 999, 1500, 5000))
    kind = rng.randrange(3)
    if kind == 0:
        value = "[" * depth + "1" + "]" * depth
    elif kind == 1:
        value = "{a=" * depth + "1" + "}" * depth
    else:
        return text + "\n[" + ".".join(["k"] * depth) + "]\nx = 1\n"
    return text + f"\ndeep = {value}\n"


def long_string(rng: random.Random, text: str) -> str:
    size = rng.choice((1_000, 70_000, 300_000))
    if rng.random() < 0.5:
        return text + f"\nlong_key_{'k' * size} = 1\n"
    found = list(re.finditer(r'"[^"\n]*"', text))
    if not found:
        return text
    m = rng.choice(found)
    return text[: m.start()] + '"' + "W" * size + '"' + text[m.end() :]


MUTATIONS: tuple[Mutation, ...] = (
    flip_bytes,
    delete_line,
    duplicate_line,
    swap_lines,
    swap_value,
    swap_value,
    extreme_number,
    extreme_number,
    insert_snippet,
    deep_nesting,
    long_string,
)


def mutate(rng: random.Random, text: str) -> str:
    for _ in range(rng.randint(1, 3)):
        text = rng.choice(MUTATIONS)(rng, text)
    return text


def case_text(seed_text: str, case: int) -> str:
    """Case number `case` of the fuzzer over `seed_text` (the same text every time)."""
    return mutate(random.Random(case), seed_text)


def write_case(folder: Path, text: str, name: str = "case.toml") -> Path:
    path = folder / name
    path.write_bytes(text.encode("utf-8", errors="surrogateescape"))
    return path


# --- TOML text from data, for generated documents ---------------------------------------------


def toml_value(value: object) -> str:
    """A value as inline TOML (tables inline, strings as JSON-escaped basic strings)."""
    import datetime as dt
    import json

    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        text = repr(value)
        return {"inf": "inf", "-inf": "-inf", "nan": "nan"}.get(text, text)
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dict):
        inner = ", ".join(
            f"{json.dumps(str(k), ensure_ascii=False)} = {toml_value(v)}" for k, v in value.items()
        )
        return "{" + inner + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    raise TypeError(type(value))


def toml_document(data: dict[str, object]) -> str:
    """A whole document: one `key = value` line per top-level key."""
    import json

    return "".join(
        f"{json.dumps(str(k), ensure_ascii=False)} = {toml_value(v)}\n" for k, v in data.items()
    )

"""Generates the modders' format reference (Markdown) and JSON Schema from the models.

Run `python -m game.scenario.reference` after changing models.py; a test fails when the
committed files are out of date, so the docs can never drift from what the validator enforces.
"""

from __future__ import annotations

import types
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from game.scenario.models import Ruleset, Scenario
from game.scenario.schema import schema_text

ROOT = Path(__file__).resolve().parent.parent.parent
DOC = ROOT / "docs" / "scenario-format.md"
SCHEMA = ROOT / "scenarios" / "scenario.schema.json"

_INTRO = """# Scenario format v1 (reference)

Generated from `game/scenario/models.py` by `python -m game.scenario.reference`; do not edit by
hand. The modding guide (docs/modding.md) explains how to use it; this page lists every table and
key. Editors that understand JSON Schema can use `scenarios/scenario.schema.json` for completion.

Conventions: hexes are `[col, row]` of the map's text rows counted from 0 (or a place id where
the type says so); dates are bare TOML date-times such as `1939-07-02T06:00:00`; unknown keys
are errors.
"""


def _type_name(ann: Any) -> str:
    origin = typing.get_origin(ann)
    args = typing.get_args(ann)
    if origin is typing.Annotated:
        return _type_name(args[0])
    if origin in (typing.Union, types.UnionType):
        return " or ".join(_type_name(a) for a in args)
    if origin is typing.Literal:
        return " | ".join(f'"{a}"' if isinstance(a, str) else str(a) for a in args)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return f"array of {_type_name(args[0])}"
        return "[" + ", ".join(_type_name(a) for a in args) + "]"
    if origin is dict:
        return f"table of {_type_name(args[0])} -> {_type_name(args[1])}"
    if ann is type(None):
        return "none"
    if isinstance(ann, type) and issubclass(ann, BaseModel):
        return f"[{ann.__name__}](#{ann.__name__.lower()})"
    names = {int: "integer", float: "number", str: "string", bool: "boolean"}
    if isinstance(ann, type):
        return names.get(ann, ann.__name__)
    return str(ann)


def _default(info: FieldInfo) -> str:
    if info.is_required():
        return "**required**"
    if info.default_factory is not None:
        return "(empty)"
    if info.default is PydanticUndefined:
        return ""
    value = info.default
    if isinstance(value, bool):
        return str(value).lower()
    if value in ((), "", None):
        return "(empty)"
    return f"`{value}`"


def _models(root: type[BaseModel]) -> list[type[BaseModel]]:
    seen: list[type[BaseModel]] = []

    def walk(ann: Any) -> None:
        if isinstance(ann, type) and issubclass(ann, BaseModel):
            if ann in seen:
                return
            seen.append(ann)
            for info in ann.model_fields.values():
                walk(info.annotation)
            return
        for arg in typing.get_args(ann):
            walk(arg)

    walk(root)
    return seen


def markdown() -> str:
    out = [_INTRO]
    for model in _models(Scenario) + [m for m in _models(Ruleset) if m not in _models(Scenario)]:
        out.append(f"## {model.__name__}\n")
        doc = (model.__doc__ or "").strip()
        if doc and not doc.startswith("!!!"):
            out.append(doc.splitlines()[0] + "\n")
        out.append("| key | type | default | meaning |")
        out.append("|---|---|---|---|")
        for name, info in model.model_fields.items():
            meaning = (info.description or "").replace("|", "\\|")
            out.append(
                f"| `{name}` | {_type_name(info.annotation)} | {_default(info)} | {meaning} |"
            )
        out.append("")
    return "\n".join(out)


def schema() -> str:
    return schema_text()


def main() -> None:
    DOC.parent.mkdir(exist_ok=True)
    DOC.write_text(markdown(), encoding="utf-8")
    SCHEMA.write_text(schema(), encoding="utf-8")
    print(f"wrote {DOC.relative_to(ROOT)} and {SCHEMA.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

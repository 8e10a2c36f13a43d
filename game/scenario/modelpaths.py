"""Paths in scenario data and the models that validate them (shared by loader and repair)."""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel

from game.scenario.positions import Path


def data_path(data: Any, loc: tuple[int | str, ...]) -> Path:
    """Pydantic's loc minus union tags and type names: the path that exists in the data."""
    out: list[str | int] = []
    node = data
    for part in loc:
        if isinstance(node, dict) and part in node:
            out.append(part)
            node = node[part]
        elif isinstance(node, (list, tuple)) and isinstance(part, int) and 0 <= part < len(node):
            out.append(part)
            node = node[part]
        elif isinstance(node, dict) and isinstance(part, str) and part not in node:
            # A missing key, or a union/function tag: keep a real-looking key name only once.
            if part.isidentifier() and not any(c in part for c in "[]-"):
                out.append(part)
                node = None
    return tuple(out)


def model_at(path: Path, data: Any, root: type[BaseModel]) -> type[BaseModel] | None:
    """The model class that validates the table at `path` (for suggesting key names)."""
    ann: Any = root
    node = data
    for part in path:
        ann = unwrap(ann, node)
        if isinstance(ann, type) and issubclass(ann, BaseModel) and isinstance(part, str):
            info = ann.model_fields.get(part)
            if info is None:
                return None
            ann = info.annotation
        else:
            origin = typing.get_origin(ann)
            args = typing.get_args(ann)
            if origin is tuple and args:
                ann = args[0]
            elif origin is dict and len(args) == 2:
                ann = args[1]
            else:
                return None
        if isinstance(node, dict):
            node = node.get(part)
        elif isinstance(node, (list, tuple)) and isinstance(part, int) and part < len(node):
            node = node[part]
        else:
            node = None
    ann = unwrap(ann, node)
    return ann if isinstance(ann, type) and issubclass(ann, BaseModel) else None


def unwrap(ann: Any, node: Any) -> Any:
    """Strip Annotated/Optional; pick the union member whose `type` tag matches the data."""
    while True:
        origin = typing.get_origin(ann)
        if origin is typing.Annotated:
            ann = typing.get_args(ann)[0]
        elif origin in (typing.Union, types.UnionType):
            members = [a for a in typing.get_args(ann) if a is not type(None)]
            tag = node.get("type") if isinstance(node, dict) else None
            chosen = members[0]
            for m in members:
                if isinstance(m, type) and issubclass(m, BaseModel):
                    lit = m.model_fields.get("type")
                    if lit is not None and tag in typing.get_args(lit.annotation):
                        chosen = m
            ann = chosen
        else:
            return ann


def field_description(path: Path, data: Any, root: type[BaseModel]) -> str:
    if not path or not isinstance(path[-1], str):
        return ""
    model = model_at(path[:-1], data, root)
    if model is None:
        return ""
    info = model.model_fields.get(path[-1])
    return info.description or "" if info else ""


def independent_errors(errors: list[Any]) -> list[Any]:
    """Pydantic's errors less those that only follow from another one.

    An array whose element fails is also reported as too short ("at least 2 items after
    validation, not 1"); that goes away with the element's own error, so it is left out.
    """
    locs = [tuple(e["loc"]) for e in errors]

    def follows(err: Any) -> bool:
        loc = tuple(err["loc"])
        return err["type"] in ("too_short", "too_long") and any(
            other[: len(loc)] == loc and other != loc for other in locs
        )

    return [e for e in errors if not follows(e)]

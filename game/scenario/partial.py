"""The parts of a scenario that did validate, so cross-checks can run after a model error.

A modder with ten mistakes should see ten problems in one run. When the models reject some
values, this module reads each bad value leniently if it can ("12" as 12), else leaves out the
smallest part that holds it (a key that has a default, else the array element or table entry
around it), and validates what remains. The
cross-checks then run on that scenario; ids of the parts left out are remembered so that
references to them do not turn into "unknown id" errors of their own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from game.scenario.modelpaths import data_path, independent_errors, model_at
from game.scenario.positions import Path

MAX_ROUNDS = 6


@dataclass
class Repaired:
    """A scenario built from the valid parts, and how to map its paths back to the file."""

    model: BaseModel
    ignored: frozenset[str]
    kept: dict[Path, list[int]] = field(default_factory=dict)

    def original_path(self, path: Path) -> Path:
        """A path in the repaired data -> the same place in the data as written."""
        return _original_path(self.kept, path)


def _original_path(kept: dict[Path, list[int]], path: Path) -> Path:
    out: list[str | int] = []
    for part in path:
        if isinstance(part, int):
            indices = kept.get(tuple(out))
            part = indices[part] if indices is not None and part < len(indices) else part
        out.append(part)
    return tuple(out)


@dataclass
class _Edits:
    """What the repair does to the data as written: parts left out, values read leniently."""

    removed: set[Path] = field(default_factory=set)
    replaced: dict[Path, Any] = field(default_factory=dict)


def _filtered(node: Any, path: Path, edits: _Edits, kept: dict[Path, list[int]]) -> Any:
    if path in edits.replaced:
        return edits.replaced[path]
    if isinstance(node, dict):
        return {
            k: _filtered(v, (*path, k), edits, kept)
            for k, v in node.items()
            if (*path, k) not in edits.removed
        }
    if isinstance(node, (list, tuple)):
        indices = [n for n in range(len(node)) if (*path, n) not in edits.removed]
        if len(indices) != len(node):
            kept[path] = indices
        return tuple(_filtered(node[n], (*path, n), edits, kept) for n in indices)
    return node


_NOTHING = object()


def _leniently(path: Path, value: Any, data: Any, root: type[BaseModel]) -> Any:
    """The value as a lenient reader would take it ("12" as 12, a quoted date as a date), so a
    required key written the wrong way still lets the checks run; _NOTHING if it cannot be."""
    if not path or not isinstance(path[-1], str) or isinstance(value, (dict, list, tuple)):
        return _NOTHING
    model = model_at(path[:-1], data, root)
    info = model.model_fields.get(path[-1]) if model else None
    if info is None:
        return _NOTHING
    ann: Any = info.annotation
    if info.metadata:
        ann = Annotated[(ann, *info.metadata)]
    try:
        return TypeAdapter(ann).validate_python(value, strict=False)
    except (ValidationError, TypeError, ValueError):
        return _NOTHING


def _value(data: Any, path: Path) -> Any:
    node = data
    for part in path:
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, (list, tuple)) and isinstance(part, int) and part < len(node):
            node = node[part]
        else:
            return None
    return node


def _part_to_leave_out(
    err: dict[str, Any], path: Path, data: Any, root: type[BaseModel]
) -> Path | None:
    """The smallest part of the data that holds the error and may be left out."""
    if err["type"] == "extra_forbidden":
        return path
    if path and err["type"] != "missing" and isinstance(path[-1], str):
        model = model_at(path[:-1], data, root)
        info = model.model_fields.get(path[-1]) if model else None
        if info is not None and not info.is_required():
            return path
    for n in range(len(path), 0, -1):
        prefix = path[:n]
        if isinstance(prefix[-1], int):
            return prefix
        parent = prefix[:-1]
        if parent and isinstance(_value(data, parent), dict) and not model_at(parent, data, root):
            return prefix
    return None


def _ids_of(node: Any, path: Path) -> set[str]:
    """Names other parts may use for a left-out part: its id, group, or table key."""
    names: set[str] = set()
    if path and isinstance(path[-1], str):
        names.add(path[-1])
    if isinstance(node, dict):
        for key in ("id", "group"):
            if isinstance(node.get(key), str):
                names.add(node[key])
    return names


def repair(data: dict[str, Any], exc: ValidationError, root: type[BaseModel]) -> Repaired | None:
    """The valid remainder of `data`, or None when a part it cannot do without is broken."""
    edits = _Edits()
    ignored: set[str] = set()
    current: Any = data
    kept: dict[Path, list[int]] = {}
    error: ValidationError | None = exc
    for _ in range(MAX_ROUNDS):
        assert error is not None
        for err in independent_errors(error.errors()):
            path = data_path(current, tuple(err["loc"]))
            lenient = _leniently(path, err.get("input"), current, root)
            if lenient is not _NOTHING:
                edits.replaced[_original_path(kept, path)] = lenient
                continue
            part = _part_to_leave_out(dict(err), path, current, root)
            if part is None:
                return None
            original = _original_path(kept, part)
            edits.removed.add(original)
            ignored |= _ids_of(_value(data, original), original)
        kept = {}
        current = _filtered(data, (), edits, kept)
        try:
            model = root.model_validate(current)
        except ValidationError as again:
            error = again
            continue
        return Repaired(model, frozenset(ignored), kept)
    return None

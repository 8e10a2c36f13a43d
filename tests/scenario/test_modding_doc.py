"""docs/modding.md is a tutorial that must stay true: its TOML builds the shipped example, and
every key, table or value it names in `code` exists in the models."""

from __future__ import annotations

import re
import types
import typing
from pathlib import Path
from typing import Any

import pytest
import tomli
from pydantic import BaseModel

from game.scenario import Ruleset, Scenario, load
from tests.conftest import ROOT, SCENARIOS

DOC = ROOT / "docs" / "modding.md"
TUTORIAL = SCENARIOS / "examples" / "tutorial_bridgehead.toml"
RULESET = SCENARIOS / "rulesets" / "steppe_and_manchuria.toml"
FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.MULTILINE | re.DOTALL)
SPAN = re.compile(r"`([^`\n]+)`")
PLACEHOLDER = re.compile(r"^[A-Z]+$")  # [terrain.ID]: any id
FILE_NAME = re.compile(r"\.(toml|json|md|png)$")
COMMANDS = {"list", "validate", "inspect", "simulate", "play", "render-map", "new-scenario"}


def _doc() -> str:
    return DOC.read_text(encoding="utf-8")


def _toml_blocks() -> list[str]:
    return [body.rstrip("\n") for lang, body in FENCE.findall(_doc()) if lang == "toml"]


def _prose() -> str:
    return FENCE.sub("", _doc())


def test_the_tutorial_blocks_build_the_shipped_example(tmp_path: Path) -> None:
    built = "\n\n".join(_toml_blocks()) + "\n"
    assert built == TUTORIAL.read_text(encoding="utf-8"), (
        "docs/modding.md and scenarios/examples/tutorial_bridgehead.toml differ"
    )
    path = tmp_path / "examples" / "tutorial_bridgehead.toml"
    path.parent.mkdir()
    path.write_text(built, encoding="utf-8")
    loaded = load(path)
    assert loaded.warnings == ()
    assert loaded.scenario.meta.id == "tutorial_bridgehead"


def _unwrap(ann: Any) -> list[Any]:
    """The models (or plain types) an annotation stands for; containers give their items."""
    origin = typing.get_origin(ann)
    args = typing.get_args(ann)
    if origin is typing.Annotated:
        return _unwrap(args[0])
    if origin in (typing.Union, types.UnionType):
        return [m for a in args for m in _unwrap(a)]
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return _unwrap(args[0])
    return [ann]


def _children(node: Any, part: str) -> list[Any]:
    """What `part` leads to from `node`: a model's field, or any key of a table of models."""
    out: list[Any] = []
    for model in _unwrap(node):
        if isinstance(model, type) and issubclass(model, BaseModel):
            info = model.model_fields.get(part)
            if info is not None:
                out.append(info.annotation)
        elif typing.get_origin(model) is dict:
            out.append(typing.get_args(model)[1])  # a table keyed by ids
    return out


def _resolves(dotted: str) -> bool:
    nodes: list[Any] = [Scenario, Ruleset]
    for part in dotted.split("."):
        if PLACEHOLDER.match(part):
            nodes = [
                typing.get_args(m)[1]
                for n in nodes
                for m in _unwrap(n)
                if typing.get_origin(m) is dict
            ]
        else:
            nodes = [c for n in nodes for c in _children(n, part)]
        if not nodes:
            return False
    return True


def _all_models() -> list[type[BaseModel]]:
    seen: list[type[BaseModel]] = []

    def walk(ann: Any) -> None:
        for m in _unwrap(ann):
            if isinstance(m, type) and issubclass(m, BaseModel) and m not in seen:
                seen.append(m)
                for info in m.model_fields.values():
                    walk(info.annotation)
            for arg in typing.get_args(m):
                walk(arg)

    walk(Scenario)
    walk(Ruleset)
    return seen


def _known_words() -> set[str]:
    """Field names, allowed literal values, and ids the tutorial and its ruleset define."""
    words: set[str] = set(COMMANDS)
    for model in _all_models():
        words.update(model.model_fields)
        for info in model.model_fields.values():
            for ann in _unwrap(info.annotation):
                for arg in [ann, *typing.get_args(ann)]:
                    if typing.get_origin(arg) is typing.Literal:
                        words.update(str(v) for v in typing.get_args(arg))
    for path in (TUTORIAL, RULESET):
        data = tomli.loads(path.read_text(encoding="utf-8"))
        words.update(data.get("terrain", {}))
        words.update(data.get("unit_types", {}))
        for kind in ("places", "zones", "sides", "units", "events"):
            words.update(item["id"] for item in data.get(kind, []))
        words.update(u.get("group", "") for u in data.get("units", []))
    return words


def _spans() -> list[str]:
    return SPAN.findall(_prose())


def test_every_key_and_table_the_doc_names_exists() -> None:
    checked = 0
    for span in _spans():
        if FILE_NAME.search(span):
            continue
        header = re.fullmatch(r"\[\[?([A-Za-z_.]+)\]\]?", span)
        assignment = re.fullmatch(r"([a-z_][a-z0-9_.]*)\s*=.*", span)
        dotted = re.fullmatch(r"[a-z_]+(\.[a-z_]+)+", span)
        name = header or assignment or dotted
        if name is None:
            continue
        key = name.group(1) if (header or assignment) else span
        if assignment and "." not in key:
            known = any(key in m.model_fields for m in _all_models())  # a key in some table
        else:
            known = _resolves(key)  # a path from the top of the file
        assert known, f"docs/modding.md names `{span}`, which is not in the format"
        checked += 1
    assert checked >= 10


def test_every_bare_word_in_code_is_a_field_value_or_id() -> None:
    known = _known_words()
    words = [s for s in _spans() if re.fullmatch(r"[a-z][a-z0-9_]*", s)]
    assert len(words) >= 50
    unknown = sorted({w for w in words if w not in known})
    assert unknown == [], f"docs/modding.md names these, which the format does not know: {unknown}"


@pytest.mark.parametrize("wrong", ["designation", "hex"])
def test_the_checker_catches_a_wrong_key(wrong: str) -> None:
    # The old guide called the unit keys "designation" and "hex"; neither exists.
    assert wrong not in _known_words()
    assert not _resolves(f"units.{wrong}")


def _tag_values(union: Any) -> set[str]:
    return {
        str(v)
        for model in _unwrap(union)
        if isinstance(model, type) and issubclass(model, BaseModel)
        for v in typing.get_args(model.model_fields["type"].annotation)
    }


def test_every_trigger_and_effect_is_in_the_tutorial() -> None:
    event_fields = Scenario.model_fields["events"].annotation
    (event,) = [m for m in _unwrap(event_fields) if isinstance(m, type)]
    kinds = _tag_values(event.model_fields["trigger"].annotation)
    kinds |= _tag_values(event.model_fields["effects"].annotation)
    spans = set(_spans())
    assert kinds - spans == set(), "docs/modding.md does not mention these"

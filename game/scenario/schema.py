"""The JSON Schema for editors (taplo, Even Better TOML), generated from the models.

Pydantic's own schema describes the *merged* scenario, which editors never see: they check one
file at a time. So this module reshapes it for the files modders actually write:

- dates are TOML local date-times, which taplo hands to the schema as strings without an offset;
  JSON Schema's "date-time" demands an offset, so they get "partial-date-time" and a pattern;
- a file with `include = [...]` may leave out anything its includes supply and may override an
  included table partially, so such files are checked against "patch" variants of the models
  reached through tables, with no required keys (array elements stay whole: arrays of tables are
  joined, never merged);
- a part of a scenario (a file it includes that has no [meta], such as a border overlay in a
  parts/ folder) is checked the same way;
- a ruleset file (it has a [ruleset] table) is checked against the ruleset model instead.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from game.scenario.models import FORMAT_VERSION, Ruleset, Scenario

LOCAL_DATE_TIME = {
    "type": "string",
    "format": "partial-date-time",
    "pattern": r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$",
}
PATCH = "Patch"
DEFS = "$defs"


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/{DEFS}/{name}"}


def _ref_name(node: Any) -> str | None:
    if isinstance(node, dict) and isinstance(node.get("$ref"), str):
        return str(node["$ref"]).rsplit("/", 1)[-1]
    return None


def _local_dates(node: Any) -> Any:
    """Every "date-time" string becomes a TOML local date-time."""
    if isinstance(node, dict):
        if node.get("format") == "date-time":
            extra = {k: v for k, v in node.items() if k not in ("type", "format")}
            return {**extra, **LOCAL_DATE_TIME}
        return {k: _local_dates(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_local_dates(v) for v in node]
    return node


def _table_refs(prop: dict[str, Any]) -> list[tuple[tuple[str, ...], str]]:
    """Models a property reaches through tables only: itself, or the values of a table of them."""
    found: list[tuple[tuple[str, ...], str]] = []
    name = _ref_name(prop)
    if name:
        found.append(((), name))
    values = prop.get("additionalProperties")
    name = _ref_name(values)
    if name:
        found.append((("additionalProperties",), name))
    return found


def _patches(defs: dict[str, Any], roots: list[str]) -> dict[str, Any]:
    """'XPatch' for every model reached from the roots through tables: no required keys."""
    patches: dict[str, Any] = {}
    todo = list(roots)
    while todo:
        name = todo.pop()
        if name + PATCH in patches:
            continue
        patch = copy.deepcopy(defs[name])
        patch.pop("required", None)
        for prop in patch.get("properties", {}).values():
            for where, target in _table_refs(prop):
                node = prop
                for key in where:
                    node = node[key]
                node["$ref"] = f"#/{DEFS}/{target}{PATCH}"
                todo.append(target)
        patches[name + PATCH] = patch
    return patches


def _model_schema(model: type[Scenario] | type[Ruleset]) -> tuple[dict[str, Any], dict[str, Any]]:
    data = _local_dates(model.model_json_schema(mode="validation", ref_template="#/$defs/{model}"))
    defs = data.pop(DEFS, {})
    return data, defs


def build_schema() -> dict[str, Any]:
    """The whole schema document: scenario or ruleset, complete or patched by includes."""
    scenario, defs = _model_schema(Scenario)
    ruleset, ruleset_defs = _model_schema(Ruleset)
    defs.update(ruleset_defs)
    defs["Scenario"] = scenario
    defs["Ruleset"] = ruleset
    defs.update(_patches(defs, ["Scenario", "Ruleset"]))
    # Whatever a file includes, it says which version of the format it is written in.
    defs["Scenario" + PATCH]["required"] = ["format_version"]
    defs["Ruleset" + PATCH]["required"] = ["ruleset"]

    def complete_or_patch(name: str, part: dict[str, Any]) -> dict[str, Any]:
        return {
            "if": {"anyOf": [{"required": ["include"]}, part]},
            "then": _ref(name + PATCH),
            "else": _ref(name),
        }

    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": f"Two Augusts scenario or ruleset, format v{FORMAT_VERSION}",
        "description": "Scenario files and the ruleset files they include. Check one with "
        "`taplo check FILE` or `two-augusts validate FILE`.",
        "type": "object",
        "if": {"required": ["ruleset"]},
        "then": complete_or_patch("Ruleset", {"required": ["include"]}),
        # A part of a scenario (a file it includes, such as a border overlay) has no [meta].
        "else": complete_or_patch("Scenario", {"not": {"required": ["meta"]}}),
        DEFS: dict(sorted(defs.items())),
    }


def schema_text() -> str:
    return json.dumps(build_schema(), indent=2, sort_keys=True) + "\n"

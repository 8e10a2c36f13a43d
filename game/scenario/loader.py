"""load_scenario: TOML syntax, then the models, then cross-references; every problem located.

Three passes, each reporting every problem it finds with file:line:col, the dotted path and a
hint. Included ruleset files are merged underneath the including file, and positions are traced
back to whichever file a value came from.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path as FsPath
from typing import Any

import tomli
from pydantic import BaseModel, ValidationError

from game.scenario import limits
from game.scenario.crossref import cross_check
from game.scenario.errors import Problem, ScenarioError
from game.scenario.library import (
    RULESET_PREFIX,
    ruleset_folders,
    ruleset_names,
    ruleset_path,
)
from game.scenario.locator import Locator, SourceFile, dotted, rough_position
from game.scenario.modelpaths import data_path, field_description, independent_errors, model_at
from game.scenario.models import FORMAT_VERSION, Ruleset, Scenario
from game.scenario.partial import repair
from game.scenario.positions import Path, Pos
from game.scenario.sandbox import RULESET_NAME, Refused, Sandbox, is_binary, read_regular_file
from game.scenario.suggest import did_you_mean

MAX_INCLUDE_DEPTH = limits.MAX_INCLUDE_DEPTH
_NOT_TEXT = "a scenario is a TOML text file; is this the right file?"


def _display(path: FsPath) -> str:
    """The path as the user would type it: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(FsPath.cwd().resolve()))
    except ValueError:
        return os.path.normpath(path)


# --- pass 1: reading TOML (with includes) -----------------------------------------------------


def _read(path: FsPath, display: str) -> SourceFile:
    """One file parsed, after the checks that keep a hostile file cheap to refuse: its kind and
    size before reading, its count of tables before parsing, its depth and scale before
    anything else."""
    try:
        raw = read_regular_file(path, limits.MAX_FILE_BYTES)
    except Refused as exc:
        raise ScenarioError([Problem(display, 1, 1, exc.message, hint=exc.hint)]) from None
    if is_binary(raw):
        raise ScenarioError(
            [Problem(display, 1, 1, "this is a binary file, not TOML text", hint=_NOT_TEXT)]
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise ScenarioError(
            [Problem(display, line, col, "file is not UTF-8 text", hint="save it as UTF-8")]
        ) from None
    counted = limits.text_counts(text)
    if counted is not None:
        raise ScenarioError([Problem(display, counted.line, 1, counted.message)])
    data = _parse(text, display)
    over = limits.data_limits(data)
    if over is not None:
        pos = rough_position(text, over.path)
        raise ScenarioError(
            [Problem(display, pos.line, pos.col, over.message, dotted(over.path), over.hint)]
        )
    return SourceFile(path, display, text, data)


def _parse(text: str, display: str) -> dict[str, Any]:
    try:
        return tomli.loads(text)
    except tomli.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", 1) or 1
        col = getattr(exc, "colno", 1) or 1
        msg = getattr(exc, "msg", str(exc)).replace("'\\n'", "(end of line)")
        raise ScenarioError(
            [Problem(display, line, col, f"TOML syntax: {msg}", hint=_syntax_hint(text, line))]
        ) from None
    except RecursionError:  # nesting deeper than the parser can follow: say where it starts
        deep = limits.text_nesting(text) or limits.Exceeded(
            f"keys nested more than {limits.MAX_NESTING} levels deep",
            "no scenario needs this much nesting; use shorter dotted keys",
            line=1,
            col=1,
        )
        where = Problem(display, deep.line, deep.col, deep.message, hint=deep.hint)
        raise ScenarioError([where]) from None


def _syntax_hint(text: str, line: int) -> str:
    lines = text.splitlines()
    src = lines[line - 1] if 0 < line <= len(lines) else ""
    if src.count('"') % 2 == 1:
        return "a string is not closed: check the quotes on this line"
    if "=" not in src and not src.strip().startswith("["):
        return "each line needs 'key = value' or a [table] header"
    return "see https://toml.io for the syntax of keys, strings, arrays and dates"


def _load_files(path: FsPath) -> tuple[list[SourceFile], list[Problem], list[int]]:
    """The file and everything it includes: files in reading order (the main file first),
    problems, and the order to merge them in (lowest precedence first: a file's includes in
    their order, then the file itself). A file included along two paths is read once."""
    files: list[SourceFile] = []
    problems: list[Problem] = []
    merge_order: list[int] = []
    done: set[FsPath] = set()
    chain: list[tuple[FsPath, str]] = []
    sandbox = Sandbox.for_scenario(path, ruleset_folders())

    def visit(p: FsPath) -> None:
        src = _read(p, _display(p))
        fid = len(files)
        files.append(src)
        chain.append((p.resolve(), src.display))
        includes = src.data.get("include", [])
        for n, inc in enumerate(includes if isinstance(includes, list) else []):
            if isinstance(inc, str):
                follow(p, inc, _IncludeSite(src, n))
        chain.pop()
        done.add(p.resolve())
        merge_order.append(fid)

    def follow(base: FsPath, inc: str, where: _IncludeSite) -> None:
        target, missing, hint = _include_target(base, inc, sandbox)
        if target is None:
            problems.append(_with(where, missing, hint))
        elif target.resolve() in done:
            return  # already merged once (two files include the same ruleset)
        elif any(real == target.resolve() for real, _ in chain):
            start = next(n for n, (real, _) in enumerate(chain) if real == target.resolve())
            home = chain[0][0].parent
            names = [os.path.relpath(real, home) for real, _ in (*chain[start:], chain[start])]
            problems.append(
                _with(where, "include cycle: " + " -> ".join(names), "remove one of these includes")
            )
        elif len(chain) > MAX_INCLUDE_DEPTH:
            problems.append(
                _with(where, f"includes are nested more than {MAX_INCLUDE_DEPTH} files deep", "")
            )
        elif len(files) >= limits.MAX_INCLUDED_FILES:
            problems.append(
                _with(
                    where,
                    f"more than {limits.MAX_INCLUDED_FILES} files included",
                    "merge some of the included files",
                )
            )
        else:
            try:
                visit(target)
            except ScenarioError as exc:
                problems.extend(exc.problems)

    visit(path)
    return files, problems, merge_order


def _include_target(base: FsPath, inc: str, sandbox: Sandbox) -> tuple[FsPath | None, str, str]:
    """The file an include names, or None with the message and hint saying what was wrong."""
    if inc.startswith(RULESET_PREFIX):
        name = inc[len(RULESET_PREFIX) :]
        found = ruleset_path(name) if RULESET_NAME.fullmatch(name) else None
        hint = did_you_mean(name, ruleset_names()) or "no shipped ruleset has that name"
        return found, f"no ruleset named '{name}'", hint
    try:
        target = sandbox.include(base, inc)
        if target.is_file() or (target.exists() and not target.is_dir()):
            return target, "", ""  # a device or pipe is refused, with its kind, when read
        folder = target.parent
        near = [q.name for q in folder.glob("*.toml")] if folder.is_dir() else []
    except Refused as exc:
        return None, exc.message, exc.hint
    except OSError as exc:  # a name too long for the file system, say
        return None, f"included file '{inc[:60]}' cannot be opened: {exc.strerror}", ""
    return (
        None,
        f"included file '{inc}' not found (looked for {_display(target)})",
        did_you_mean(target.name, near)
        or "paths are relative to the file that includes them; ruleset:NAME names a shipped one",
    )


def _newer_format(src: SourceFile) -> Problem | None:
    """A clear error for a file written for a later version of the format, else None."""
    version = src.data.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version <= FORMAT_VERSION:
        return None
    pos = src.positions.value(("format_version",)) or Pos(1, 1)
    return Problem(
        src.display,
        pos.line,
        pos.col,
        f"this file is written in scenario format version {version}; this version of Two Augusts "
        f"reads format version {FORMAT_VERSION}",
        path="format_version",
        hint="update Two Augusts (pip install --upgrade two-augusts), or ask the author for a "
        f"file in format version {FORMAT_VERSION}",
    )


@dataclass(frozen=True)
class _IncludeSite:
    """Include number `n` of a file: located only if it turns out to be wrong, so a file whose
    includes are all fine is never indexed for positions."""

    src: SourceFile
    n: int


def _with(site: _IncludeSite, message: str, hint: str) -> Problem:
    pos = site.src.positions.value(("include", site.n)) or Pos(1, 1)
    return Problem(site.src.display, pos.line, pos.col, message, f"include[{site.n}]", hint)


def _merge(files: list[SourceFile], order: list[int], locator: Locator) -> dict[str, Any]:
    """Included files underneath, the including file on top; arrays of tables are joined."""
    layers: list[tuple[int, Any, Path]] = []
    for fid in order:  # lowest precedence first
        data = dict(files[fid].data)
        if fid != 0:
            for own in ("include", "ruleset", "format_version"):
                data.pop(own, None)
        layers.append((fid, data, ()))
    merged: dict[str, Any] = _merge_values(layers, (), locator)
    return merged


def _merge_values(items: list[tuple[int, Any, Path]], path: Path, loc: Locator) -> Any:
    if len(items) == 1:
        fid, value, orig = items[0]
        loc.origins[path] = (fid, orig)
        return value
    if all(isinstance(v, dict) for _, v, _ in items):
        keys: list[str] = []
        for _, v, _ in items:
            keys.extend(k for k in v if k not in keys)
        return {
            k: _merge_values(
                [(fid, v[k], (*orig, k)) for fid, v, orig in items if k in v], (*path, k), loc
            )
            for k in keys
        }
    if all(isinstance(v, list) for _, v, _ in items):
        out: list[Any] = []
        for fid, v, orig in items:
            for n, element in enumerate(v):
                loc.origins[(*path, len(out))] = (fid, (*orig, n))
                out.append(element)
        return out
    fid, value, orig = items[-1]
    loc.origins[path] = (fid, orig)
    return value


# --- pass 2: the models -------------------------------------------------------------------------


_TYPE_WORDS = {
    "int": "a whole number",
    "float": "a number",
    "str": "text in quotes",
    "bool": "true or false",
    "datetime": "a date-time like 1939-07-02T06:00:00",
    "list": "an array [ ... ]",
    "tuple": "an array [ ... ]",
    "dict": "a table",
    "model": "a table",
}


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, str):
        return f'"{value}"' if len(value) <= 40 else f'"{value[:37]}..."'
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, (list, tuple)):
        return "an array"
    return str(value)


def _model_problems(
    exc: ValidationError, data: Any, loc: Locator, root: type[BaseModel]
) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[tuple[Path, str]] = set()
    for err in independent_errors(exc.errors()):
        etype = err["type"]
        path = data_path(data, tuple(err["loc"]))
        ctx = err.get("ctx") or {}
        given = err.get("input")
        key = path[-1] if path else ""
        if etype == "missing":
            parent = path[:-1]
            desc = field_description(path, data, root)
            where = dotted(parent) or "the top level"
            problem = loc.problem(
                parent,
                f"missing required key '{key}' in {where}",
                f"add {key} = ...  ({desc})" if desc else f"add {key} = ...",
                want_key=True,
            )
            problem = Problem(**{**problem.__dict__, "path": dotted(path)})
        elif etype == "extra_forbidden":
            hint = _unknown_key_hint(path, data, root)
            problem = loc.problem(path, f"unknown key '{key}'", hint, want_key=True)
        elif etype in ("union_tag_invalid", "union_tag_not_found"):
            tags = str(ctx.get("expected_tags", ""))
            if etype == "union_tag_not_found":
                problem = loc.problem(path, "missing key 'type'", f"add type = one of {tags}")
            else:
                tag = str(ctx.get("tag", ""))
                choices = [t.strip().strip("'") for t in tags.split(",")]
                problem = loc.problem(
                    (*path, "type"),
                    f"unknown type '{tag}'",
                    did_you_mean(tag, choices),
                )
        elif etype == "literal_error":
            expected = str(ctx.get("expected", ""))
            choices = [t.strip().strip("'") for t in expected.replace(" or ", ", ").split(",")]
            problem = loc.problem(
                path,
                f"{_describe(given)} is not allowed here; expected {expected}",
                did_you_mean(str(given), choices),
            )
        else:
            msg = err["msg"]
            if msg.startswith("Value error, "):
                msg = msg[len("Value error, ") :]
            if not isinstance(given, (dict, list)) or etype.endswith("_type"):
                msg = f"{msg} (got {_describe(given)})"
            hint = _type_hint(etype, given, str(ctx.get("pattern", "")))
            problem = loc.problem(path, _lower_first(msg), hint)
        if (path, problem.message) not in seen:
            seen.add((path, problem.message))
            problems.append(problem)
    return problems


def _unknown_key_hint(path: Path, data: Any, root: type[BaseModel]) -> str:
    """The likely key meant, or where a top-of-file key written under a table belongs."""
    if not path:
        return ""
    key = str(path[-1])
    if key in ("include", "format_version") and len(path) > 1:
        return (
            f"{key} belongs at the top of the file, before the first table header; "
            f"below [{dotted(path[:-1])}] it is read as part of that table"
        )
    model = model_at(path[:-1], data, root)
    return did_you_mean(key, list(model.model_fields) if model else [])


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _type_hint(etype: str, given: Any, pattern: str = "") -> str:
    if etype == "datetime_type" and isinstance(given, str):
        return "write dates without quotes, e.g. start = 1939-07-02T06:00:00"
    if etype in ("int_type", "int_from_float") and isinstance(given, float):
        return "write a whole number without a decimal point"
    if etype.startswith(("float", "int")) and isinstance(given, str):
        return "write numbers without quotes"
    if etype == "string_type":
        return "put the text in double quotes"
    if etype == "bool_type":
        return "write true or false, without quotes"
    if etype == "string_pattern_mismatch" and pattern.startswith("^#"):
        return "write a colour as #rrggbb, e.g. #c03028"
    if etype == "string_pattern_mismatch":
        return "ids use lower-case letters, digits, '_' and '-'"
    for word, meaning in _TYPE_WORDS.items():
        if etype.startswith(word):
            return f"expected {meaning}"
    return ""


# --- entry point ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Loaded:
    """A loaded scenario with the warnings that did not stop it, and how to locate paths."""

    scenario: Scenario
    warnings: tuple[Problem, ...]
    locator: Locator
    files: tuple[FsPath, ...]


def _read_all(path: str | FsPath) -> tuple[dict[str, Any], Locator]:
    files, problems, order = _load_files(FsPath(path))
    newer = [p for f in files if (p := _newer_format(f)) is not None]
    if newer:
        raise ScenarioError(newer)  # the rest would be noise from a format this game cannot read
    locator = Locator(files)
    data = _merge(files, order, locator)
    if problems:
        raise ScenarioError(problems)
    over = limits.data_limits(data)  # each file was within the limits; together they may not be
    if over is not None:
        raise ScenarioError([locator.problem(over.path, over.message, over.hint)])
    return data, locator


def as_tuples(value: Any) -> Any:
    """TOML arrays as tuples, at every depth, so the strict frozen models accept them."""
    if isinstance(value, list):
        return tuple(as_tuples(v) for v in value)
    if isinstance(value, dict):
        return {k: as_tuples(v) for k, v in value.items()}
    return value


def is_ruleset(data: dict[str, Any]) -> bool:
    return "ruleset" in data and "meta" not in data


def _all_problems(exc: ValidationError, data: dict[str, Any], locator: Locator) -> list[Problem]:
    """The model errors, and the cross-check problems of the parts that did validate."""
    problems = _model_problems(exc, data, locator, Scenario)
    repaired = repair(data, exc, Scenario)
    if repaired is not None and isinstance(repaired.model, Scenario):
        remapped = dataclasses.replace(locator, remap=repaired.original_path)
        problems += cross_check(repaired.model, remapped, repaired.ignored)
    return sorted(problems, key=locator.file_order)


def _included_ruleset_problems(locator: Locator) -> list[Problem]:
    """The [ruleset] table of each included file: the merge leaves it out, so check it here."""
    problems: list[Problem] = []
    for src in locator.files[1:]:
        if "ruleset" not in src.data:
            continue
        own = {"ruleset": src.data["ruleset"]}
        try:
            Ruleset.model_validate(as_tuples(own))
        except ValidationError as exc:
            problems += _model_problems(exc, own, Locator([src]), Ruleset)
    return problems


def load(path: str | FsPath) -> Loaded:
    """Read, validate and cross-check a scenario; raise ScenarioError with every problem."""
    data, locator = _read_all(path)
    if is_ruleset(data):
        raise ScenarioError(
            [
                locator.problem(
                    ("ruleset",),
                    "this is a ruleset file, not a scenario",
                    'include it from a scenario with include = ["..."]',
                    want_key=True,
                )
            ]
        )
    included = _included_ruleset_problems(locator)
    try:
        scenario = Scenario.model_validate(as_tuples(data))
    except ValidationError as exc:
        problems = _all_problems(exc, data, locator) + included
        raise ScenarioError(sorted(problems, key=locator.file_order)) from None
    problems = sorted(cross_check(scenario, locator) + included, key=locator.file_order)
    if any(p.severity == "error" for p in problems):
        raise ScenarioError(problems)
    return Loaded(scenario, tuple(problems), locator, tuple(f.path for f in locator.files))


@dataclass(frozen=True)
class Part:
    """A file that scenarios include which is neither a scenario nor a ruleset (a border overlay,
    say): it has no [meta] and no [ruleset]. Checked through the scenarios that include it."""

    path: FsPath
    scenarios: tuple[Loaded, ...]


def is_part(data: dict[str, Any]) -> bool:
    return "meta" not in data and "ruleset" not in data


def _includers(part: FsPath) -> list[FsPath]:
    """Scenarios in the part's folder or the one above that include it by a relative path."""
    target = part.resolve()
    found: list[FsPath] = []
    for folder in (part.parent, part.parent.parent):
        for candidate in sorted(folder.glob("*.toml")):
            if candidate.resolve() == target:
                continue
            try:
                text = read_regular_file(candidate, limits.MAX_FILE_BYTES).decode("utf-8")
                includes = tomli.loads(text).get("include", [])
            except (Refused, UnicodeDecodeError, tomli.TOMLDecodeError, RecursionError):
                continue
            names = includes if isinstance(includes, list) else []
            if any(
                isinstance(i, str) and (candidate.parent / i).resolve() == target for i in names
            ):
                found.append(candidate)
    return found


def load_any(path: str | FsPath) -> Loaded | Ruleset | Part:
    """A scenario, a ruleset file checked on its own, or a part of a scenario checked through
    the scenarios that include it (what `validate` accepts). A file without [meta] that no
    scenario includes is read as a scenario, whose errors say what is missing."""
    data, locator = _read_all(path)
    includers = _includers(FsPath(path)) if is_part(data) else []
    if includers:
        return Part(FsPath(path), tuple(load(p) for p in includers))
    if not is_ruleset(data):
        return load(path)
    try:
        ruleset = Ruleset.model_validate(as_tuples(data))
    except ValidationError as exc:
        raise ScenarioError(_model_problems(exc, data, locator, Ruleset)) from None
    return ruleset


def load_scenario(path: str | FsPath) -> Scenario:
    """The frozen Scenario in the file, or ScenarioError listing every problem found."""
    return load(path).scenario


def scenario_digest(scenario: Scenario) -> str:
    """A hash of the scenario as loaded (every value, whichever file it came from): saves hold
    it to notice that the scenario changed, without reading any file again."""
    return hashlib.sha256(scenario.model_dump_json().encode("utf-8")).hexdigest()[:16]


def scenario_hash(path: str | FsPath) -> str:
    """The digest of the scenario in a file (ScenarioError if it does not load)."""
    return scenario_digest(load_scenario(path))

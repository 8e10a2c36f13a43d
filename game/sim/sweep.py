"""Balance sweeps: a batch of AI games for every combination of scenario values.

`two-augusts sweep SCENARIO --set sides.red.doctrine.attacker_losses=1.2,1.4 --runs 20` changes
the loaded scenario in memory (the file is never touched), validates each changed value with the
format's own models, and runs one batch per combination, locally or on a Dask cluster. Paths name
fields with dots; in a list of things with ids (sides, units, places, ...) the next part is the id.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TextIO

import tomli
from pydantic import BaseModel, ValidationError

from game.scenario.loader import as_tuples
from game.scenario.models import Scenario
from game.sim.batch import Setup, run_batch, summarize


class SweepError(Exception):
    """A --set the sweep cannot use; the message says why, for the user."""


@dataclass(frozen=True)
class Setting:
    """One --set: a dotted path into the scenario and the values it takes."""

    path: str
    values: tuple[Any, ...]


def parse_value(text: str) -> Any:
    """A value as TOML would read it (1.2, 3, true, "text", [1, 2], {a = 1}); a bare word stays
    a string (an id, say). Something that starts as a list, table or quoted string but does not
    read as one is refused."""
    try:
        value = tomli.loads(f"v = {text}")["v"]
    except tomli.TOMLDecodeError:
        if text[:1] in OPENERS:
            raise SweepError(f"{text!r} is not a TOML value (a list, table or string)") from None
        return text
    return as_tuples(value)


OPENERS = "[{\"'"  # what starts a TOML list, inline table or string
CLOSERS = {"[": "]", "{": "}"}


def split_values(text: str) -> list[str]:
    """The comma-separated values of a --set, cut only at commas outside brackets, braces and
    quotes (so `[1, 2],[3, 4]` is two lists)."""
    out, depth, quote, start = [], 0, "", 0
    for i, ch in enumerate(text):
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch in CLOSERS:
            depth += 1
        elif ch in CLOSERS.values():
            depth = max(0, depth - 1)
        elif ch == "," and depth == 0:
            out.append(text[start:i].strip())
            start = i + 1
    out.append(text[start:].strip())
    return out


def parse_setting(text: str) -> Setting:
    """`PATH=V1,V2,...` as a Setting."""
    path, sep, values = text.partition("=")
    path = path.strip()
    if not sep or not path or not values.strip():
        raise SweepError(f"--set {text!r}: expected PATH=V1,V2,... (e.g. sides.red.morale=0.6,0.8)")
    parts = split_values(values)
    if not all(parts):
        raise SweepError(f"--set {text!r}: an empty value between commas")
    try:
        return Setting(path, tuple(parse_value(v) for v in parts))
    except SweepError as exc:
        raise SweepError(f"--set {path}: {exc}") from None


def _item(seq: tuple[Any, ...], key: str, where: str) -> int:
    """Index in a list of the item whose id is `key` (or of the number `key`)."""
    for i, item in enumerate(seq):
        if getattr(item, "id", None) == key:
            return i
    if key.isdigit() and int(key) < len(seq):
        return int(key)
    ids = [str(getattr(x, "id", "")) for x in seq]
    raise SweepError(f"{where}: no item {key!r} here (ids: {', '.join(ids) or 'none'})")


def _replace(node: Any, keys: list[str], value: Any, where: str) -> Any:
    """`node` with the value at `keys` replaced, each changed model validated again."""
    if not keys:
        return value
    key, rest = keys[0], keys[1:]
    here = f"{where}.{key}" if where else key
    if isinstance(node, BaseModel):
        fields = type(node).model_fields
        if key not in fields:
            raise SweepError(f"{here}: no such field (fields: {', '.join(fields)})")
        data = {name: getattr(node, name) for name in fields}
        data[key] = _replace(data[key], rest, value, here)
        try:
            return type(node).model_validate(data)
        except ValidationError as exc:
            raise SweepError(_invalid(exc, node, here, key, value)) from None
    if isinstance(node, tuple):
        i = _item(node, key, here)
        return (*node[:i], _replace(node[i], rest, value, here), *node[i + 1 :])
    if isinstance(node, dict):
        if key not in node:
            raise SweepError(f"{here}: no such key (keys: {', '.join(map(str, node))})")
        return {**node, key: _replace(node[key], rest, value, here)}
    raise SweepError(f"{where}: is a value, it has no part {key!r}")


def _invalid(exc: ValidationError, node: BaseModel, here: str, key: str, value: Any) -> str:
    """The first error of a changed model, naming the path of the bad part within the value
    (`sides.red.doctrine.attacker_losses`, not just `sides.red.doctrine`)."""
    err = exc.errors()[0]
    # pydantic names the member of a union it tried ("tuple[int, int]"): not a part of the path
    loc = [str(x) for x in err.get("loc", ()) if not any(c in str(x) for c in "[( ")]
    base = here[: -len(key)].rstrip(".") if here.endswith(key) else here
    bad = ".".join([base, *loc] if base else loc) if loc else here
    given = err.get("input", value)
    return f"{bad} = {given!r}: {err['msg']}"


def with_value(scenario: Scenario, path: str, value: Any) -> Scenario:
    """The scenario with the value at dotted `path` set to `value` (validated)."""
    changed = _replace(scenario, path.split("."), value, "")
    assert isinstance(changed, Scenario)
    return changed


def cross_checker(path: str) -> Callable[[Scenario], None]:
    """A check that a changed scenario still fits together (places, units and zones it names
    exist, positions lie on the map...), as loading the file checks it."""
    from game.scenario import load
    from game.scenario.crossref import cross_check

    locator = load(path).locator

    def check(changed: Scenario) -> None:
        for p in cross_check(changed, locator):
            if p.severity == "error":
                raise SweepError(f"{p.path}: {p.message}" if p.path else p.message)

    return check


def combinations(settings: list[Setting]) -> list[dict[str, Any]]:
    """Every combination of the settings' values, the first setting varying slowest."""
    paths = [s.path for s in settings]
    every = itertools.product(*(s.values for s in settings))
    return [dict(zip(paths, vs, strict=True)) for vs in every]


def run_sweep(
    scenario: Scenario,
    setup: Setup,
    settings: list[Setting],
    runs: int,
    seed: int,
    workers: int | None = None,
    cluster: str | None = None,
    progress: TextIO | None = None,
    check: Callable[[Scenario], None] | None = None,
) -> dict[str, Any]:
    """One batch per combination (same seeds for each, so they differ only by the values).
    `check` raises SweepError for a changed scenario whose parts no longer fit together."""
    plans = []
    for combo in combinations(settings):
        changed = scenario
        for path, value in combo.items():
            changed = with_value(changed, path, value)
        if check is not None:
            try:
                check(changed)
            except SweepError as exc:
                where = ", ".join(f"{k}={v!r}" for k, v in combo.items())
                raise SweepError(f"with {where}: {exc}") from None
        plans.append((combo, changed))  # every combination checked before any game is played
    out = []
    for combo, changed in plans:
        if progress is not None:
            progress.write(", ".join(f"{k}={v}" for k, v in combo.items()) + "\n")
        games, _, _ = run_batch(
            setup, runs, seed, workers, progress, scenario=changed, cluster=cluster
        )
        out.append({"set": combo, "summary": summarize(changed, games)})
    return {
        "scenario": scenario.meta.id,
        "runs": runs,
        "seed": seed,
        "difficulty": setup.difficulty,
        "settings": {s.path: list(s.values) for s in settings},
        "combinations": out,
    }


def _share(count: int, runs: int) -> str:
    return f"{100 * count / max(runs, 1):.0f}%"


def sweep_table(scenario: Scenario, result: dict[str, Any]) -> str:
    """The readable table: one row per combination, then the places that fell in each."""
    sides = [s.id for s in scenario.sides]
    runs = result["runs"]
    names = list(result["settings"])
    head = [*names, *(f"{s} wins" for s in sides), "draw", *(f"{s} men lost" for s in sides)]
    rows = []
    for c in result["combinations"]:
        s = c["summary"]
        rows.append(
            [
                *(str(c["set"][n]) for n in names),
                *(_share(s["winners"].get(side, 0), runs) for side in sides),
                _share(s["winners"].get("draw", 0), runs),
                *(f"{s['mean_losses'][side]['men']:,.0f}" for side in sides),
            ]
        )
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(head)]
    lines = [
        f"{scenario.meta.title}: {len(rows)} combination(s), {runs} game(s) each "
        f"from seed {result['seed']}",
        "  ".join(h.rjust(w) for h, w in zip(head, widths, strict=True)),
    ]
    lines += ["  ".join(v.rjust(w) for v, w in zip(r, widths, strict=True)) for r in rows]
    lines.append("Outcome levels and places taken (games it changed hands, median date):")
    for i, c in enumerate(result["combinations"], 1):
        s = c["summary"]
        levels = ", ".join(f"{k} {_share(v, runs)}" for k, v in s["levels"].items())
        fell = [
            f"{p['name']} {p['captured_games']}/{runs} {p['captured_median']}"
            for p in s["places"].values()
            if p["captured_games"]
        ]
        lines.append(f"  {i}. {levels}; " + ("; ".join(fell) or "no place changed hands"))
    return "\n".join(lines)


def command(args: Any, scenario: Scenario) -> int:
    """`two-augusts sweep` on a loaded scenario: parse the settings, run the batches, print the
    table or JSON (args as the command line's parser gives them)."""
    import json
    import sys
    from pathlib import Path

    from game.sim.cluster import ClusterError

    if args.runs < 1:
        print("--runs must be at least 1", file=sys.stderr)
        return 2
    setup = Setup(str(Path(args.scenario).resolve()), args.difficulty)
    try:
        settings = [parse_setting(text) for text in args.set]
        result = run_sweep(
            scenario,
            setup,
            settings,
            args.runs,
            args.seed,
            args.workers,
            args.cluster,
            sys.stderr,
            check=cross_checker(args.scenario),
        )
    except (SweepError, ClusterError) as exc:
        print(f"two-augusts: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result, indent=1, ensure_ascii=False))
    else:
        print(sweep_table(scenario, result))
    return 0

"""Fuzzing the loader: whatever the file holds, loading ends in a Scenario (or a Ruleset) or in a
ScenarioError whose every error has a file, a line, a column and a message; never in another
exception, never in a hang.

Three sources of inputs, all derandomized (the same cases on every run):
- the mutation fuzzer of tests/fuzzing.py over the shipped scenarios and ruleset;
- hypothesis: random TOML documents, built from random values;
- hypothesis: the tutorial scenario with one value anywhere in it replaced by a random one.
The default suite runs a few thousand cases; `make test-slow` runs far more.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

import pytest
import tomli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.scenario import Loaded, Ruleset, ScenarioError, load_any
from tests.fuzzing import SEED_FILES, case_text, toml_document, write_case

SMALL_SEEDS = SEED_FILES[:3]  # the two examples and the ruleset: quick to load
LARGE_SEEDS = SEED_FILES[3:]  # the two campaigns


def outcome(path: Path) -> str:
    """'loaded' or 'refused'; fails the test on anything else."""
    try:
        result = load_any(path)
    except ScenarioError as exc:
        assert exc.errors, "a ScenarioError without an error"
        for p in exc.errors:
            assert p.file and p.line >= 1 and p.col >= 1 and p.message, str(p)
        return "refused"
    assert isinstance(result, (Loaded, Ruleset))
    return "loaded"


def run_cases(seeds: tuple[Path, ...], cases: range) -> dict[str, int]:
    counts = {"loaded": 0, "refused": 0}
    texts = [s.read_text(encoding="utf-8") for s in seeds]
    with tempfile.TemporaryDirectory() as tmp:
        for case in cases:
            path = write_case(Path(tmp), case_text(texts[case % len(texts)], case))
            counts[outcome(path)] += 1
    return counts


CHUNK = 250


@pytest.mark.parametrize("chunk", range(6))
def test_mutated_examples_and_ruleset_load_or_give_located_errors(chunk: int) -> None:
    counts = run_cases(SMALL_SEEDS, range(chunk * CHUNK, (chunk + 1) * CHUNK))
    assert sum(counts.values()) == CHUNK
    assert counts["refused"] > 0 and counts["loaded"] > 0  # the fuzzer reaches both outcomes


def test_mutated_campaigns_load_or_give_located_errors() -> None:
    counts = run_cases(LARGE_SEEDS, range(100_000, 100_080))
    assert sum(counts.values()) == 80


@pytest.mark.slow
@pytest.mark.parametrize("chunk", range(8))
def test_many_more_mutations_of_every_shipped_file(chunk: int) -> None:
    size = 1250
    counts = run_cases(SEED_FILES, range(1_000_000 + chunk * size, 1_000_000 + (chunk + 1) * size))
    assert sum(counts.values()) == size


# --- hypothesis ---------------------------------------------------------------------------------

KEYS = st.sampled_from(
    ["meta", "map", "units", "rows", "id", "at", "men", "x", "include", "format_version", "é", ""]
)
SCALARS = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.text(max_size=30),
    st.datetimes(min_value=dt.datetime(1, 1, 1), max_value=dt.datetime(9999, 12, 31)),
    st.dates(),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(KEYS | st.text(max_size=8), inner, max_size=4),
    ),
    max_leaves=20,
)


def _load_text(text: str) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        return outcome(write_case(Path(tmp), text))


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(KEYS | st.text(max_size=8), VALUES, max_size=6))
def test_random_toml_documents_load_or_give_located_errors(data: dict[str, Any]) -> None:
    _load_text(toml_document(data))


TUTORIAL = tomli.loads(SEED_FILES[0].read_text(encoding="utf-8"))


def _paths(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(node, dict):
        for k, v in node.items():
            found += _paths(v, (*path, k))
    elif isinstance(node, list):
        for n, v in enumerate(node):
            found += _paths(v, (*path, n))
    return found


PATHS = _paths(TUTORIAL)[1:]


def _replaced(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    head, rest = path[0], path[1:]
    if isinstance(data, dict):
        return {k: (_replaced(v, rest, value) if k == head else v) for k, v in data.items()}
    return [(_replaced(v, rest, value) if n == head else v) for n, v in enumerate(data)]


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(PATHS), VALUES)
def test_any_value_of_a_scenario_replaced_loads_or_gives_located_errors(
    path: tuple[Any, ...], value: Any
) -> None:
    _load_text(toml_document(_replaced(TUTORIAL, path, value)))


@pytest.mark.slow
@settings(max_examples=3000, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(PATHS), VALUES)
def test_many_more_values_replaced(path: tuple[Any, ...], value: Any) -> None:
    _load_text(toml_document(_replaced(TUTORIAL, path, value)))

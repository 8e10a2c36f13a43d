"""Property tests: no edit of a scenario file makes the loader crash, and every position the
scanner records points at the key it names."""

from __future__ import annotations

import tempfile
from pathlib import Path

import tomli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.scenario import ScenarioError, load
from game.scenario.positions import index_positions
from tests.conftest import EXAMPLE

TEXT = EXAMPLE.read_text(encoding="utf-8")
LINES = TEXT.splitlines(keepends=True)
JUNK = st.sampled_from(
    ["", "x", "=", "[", "]", '"', "{", "}", "0", "-1", "1e9", "true", ",", "\n", "#", "[[units]]"]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    line=st.integers(0, len(LINES) - 1),
    col=st.integers(0, 80),
    cut=st.integers(0, 6),
    junk=JUNK,
)
def test_any_edit_gives_a_located_error_or_a_scenario(
    line: int, col: int, cut: int, junk: str
) -> None:
    lines = list(LINES)
    src = lines[line]
    col = min(col, len(src))
    lines[line] = src[:col] + junk + src[col + cut :]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "edited.toml"
        path.write_text("".join(lines), encoding="utf-8")
        try:
            load(path)
        except ScenarioError as exc:
            assert exc.problems
            n_lines = len("".join(lines).splitlines()) + 1
            for p in exc.problems:
                assert 1 <= p.line <= n_lines, str(p)
                assert p.col >= 1 and p.message


def _get(data: object, path: tuple[str | int, ...]) -> object:
    for part in path:
        data = data[part]  # type: ignore[index]
    return data


def test_positions_point_at_their_keys() -> None:
    data = tomli.loads(TEXT)
    index = index_positions(TEXT)
    lines = TEXT.splitlines()
    checked = 0
    for path, pos in index.keys.items():
        last = path[-1]
        if isinstance(last, int):
            continue
        _get(data, path)  # the path exists in the parsed data
        text_at = lines[pos.line - 1][pos.col - 1 :]
        assert text_at.startswith((last, f'"{last}"')), (path, pos, text_at)
        checked += 1
    assert checked > 150


def test_positions_of_values_in_arrays() -> None:
    index = index_positions(TEXT)
    lines = TEXT.splitlines()
    pos = index.value(("map", "rows", 4))
    assert pos is not None
    assert lines[pos.line - 1][pos.col - 1 :].startswith('"..n....~...o..",')
    pos = index.value(("events", 2, "effects", 1, "range_factor"))
    assert pos is not None
    assert lines[pos.line - 1][pos.col - 1 :].startswith("0.8")

"""The editor schema, checked by the real `taplo` (the TOML language server editors run).

Every shipped scenario, example and ruleset passes with zero errors; broken files fail at the
lines of their mistakes. taplo is a dev dependency, so a missing binary fails rather than skips.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE, SCENARIOS

SCHEMA = SCENARIOS / "scenario.schema.json"
SHIPPED = sorted(p for p in SCENARIOS.rglob("*.toml"))
LOCATION = re.compile(r"┌─ (?P<file>.+?):(?P<line>\d+):(?P<col>\d+)")


def _taplo() -> str:
    beside = Path(sys.executable).parent / "taplo"
    found = str(beside) if beside.is_file() else shutil.which("taplo")
    assert found, "taplo is missing: install the dev dependencies (pip install -e '.[dev]')"
    return found


def taplo_check(*files: Path) -> tuple[int, list[tuple[str, int]]]:
    """Exit code and (message, line) of every diagnostic taplo prints."""
    run = subprocess.run(
        [_taplo(), "check", "--no-auto-config", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=files[0].parent,
    )
    found: list[tuple[str, int]] = []
    message = ""
    for line in (run.stdout + run.stderr).splitlines():
        if line.startswith("error: "):
            message = line[len("error: ") :]
        match = LOCATION.search(line)
        if match and message:
            found.append((message, int(match["line"])))
            message = ""
    return run.returncode, found


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: str(p.relative_to(SCENARIOS)))
def test_shipped_files_start_with_their_schema_line(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("#:schema "), f"{path} must start with its #:schema line"
    assert (path.parent / first.split(maxsplit=1)[1]).resolve() == SCHEMA.resolve()


def test_taplo_accepts_every_shipped_scenario_and_ruleset() -> None:
    code, errors = taplo_check(*SHIPPED)
    assert errors == []
    assert code == 0


def _broken_copy(tmp_path: Path, replacements: list[tuple[str, str]]) -> tuple[Path, str]:
    text = EXAMPLE.read_text(encoding="utf-8")
    text = text.replace("#:schema ../scenario.schema.json", f"#:schema {SCHEMA.resolve()}")
    for old, new in replacements:
        assert text.count(old) >= 1, old
        text = text.replace(old, new, 1)
    path = tmp_path / "broken.toml"
    path.write_text(text, encoding="utf-8")
    return path, text


def _line_of(text: str, fragment: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if fragment in line)


def test_taplo_reports_mistakes_at_their_lines(tmp_path: Path) -> None:
    path, text = _broken_copy(
        tmp_path,
        [
            ("men = 2800", 'men = "many"'),
            ("start = 1939-06-01T06:00:00", 'start = "the first of June"'),
            ('kind = "ford"', 'kind = "ferry"'),
            ('adjective = "Red"', 'adjectiv = "Red"'),
        ],
    )
    code, errors = taplo_check(path)
    assert code != 0
    lines = {message: {line for m, line in errors if m == message} for message, _ in errors}
    assert lines['"many" is not of type "integer"'] == {_line_of(text, 'men = "many"')}
    pattern = next(m for m in lines if m.startswith('"the first of June" does not match'))
    assert lines[pattern] == {_line_of(text, "the first of June")}
    ferry = next(m for m in lines if m.startswith('"ferry" is not one of'))
    assert lines[ferry] == {_line_of(text, 'kind = "ferry"')}
    extra = next(m for m in lines if "'adjectiv' was unexpected" in m)
    assert _line_of(text, "adjectiv =") in lines[extra]
    assert len(lines) == 4, lines


def test_taplo_requires_every_part_of_a_file_without_includes(tmp_path: Path) -> None:
    path, text = _broken_copy(tmp_path, [])
    path.write_text(text.replace("include = [", "# include = ["), encoding="utf-8")
    _, errors = taplo_check(path)
    messages = {m for m, _ in errors}
    assert messages == {
        '"terrain" is a required property',
        '"unit_types" is a required property',
    }


def test_taplo_accepts_a_partial_override_of_an_included_terrain(tmp_path: Path) -> None:
    path, text = _broken_copy(tmp_path, [])
    path.write_text(text + '\n[terrain.dunes]\nname = "Soft dunes"\n', encoding="utf-8")
    assert taplo_check(path) == (0, [])


def test_taplo_knows_the_effects_that_change_the_map(tmp_path: Path) -> None:
    path, text = _broken_copy(tmp_path, [])
    zone = re.search(r'\[\[zones\]\]\nid = "(\w+)"', text)
    assert zone is not None
    text += f"""
[[events]]
id = "map_changes"
title = "The map changes"
trigger = {{ type = "turn", turn = 2 }}
effects = [
  {{ type = "disable_zone", zone = "{zone[1]}" }},
  {{ type = "enable_zone", zone = "{zone[1]}" }},
  {{ type = "destroy_crossing", at = [3, 3] }},
  {{ type = "build_crossing", at = [3, 3], kind = "ferry" }},
]
"""
    path.write_text(text, encoding="utf-8")
    code, errors = taplo_check(path)
    assert code != 0
    # one mistake, reported (once per kind of effect it might have been) at its own line
    assert {line for _, line in errors} == {_line_of(text, 'kind = "ferry"')}

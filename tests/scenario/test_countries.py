"""[map.countries]: the national borders a scenario may draw, kept in an included part file.

They are display data: they load, validate with located errors, agree with who holds what at
the start, and never reach the rules.
"""

from __future__ import annotations

import functools
import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.rules import new_game
from game.scenario import Part, Scenario, ScenarioError, load, load_any, load_scenario
from game.scenario.catalogue import catalogue
from game.scenario.models import NO_COUNTRY
from tests.conftest import EXAMPLE, ROOT, SCENARIOS

MANCHURIA = SCENARIOS / "manchuria_1945.toml"
BORDERS = SCENARIOS / "parts" / "manchuria_1945_borders.toml"
SOVIET_SIDE = {"Soviet Union", "Mongolia (Mongolian People's Republic)"}
JAPANESE_SIDE = {"Manchukuo", "Korea (under Japanese rule)", "Kwantung (leased territory of Japan)"}


@functools.cache
def manchuria() -> Scenario:
    return load_scenario(MANCHURIA)


def country_at(at: tuple[int, int]) -> str:
    countries = manchuria().map.countries
    assert countries is not None
    ch = countries.rows[at[1]][at[0]]
    return "" if ch == NO_COUNTRY else countries.names[ch]


def test_the_1945_borders_load_from_their_part_and_cover_the_map() -> None:
    loaded = load(MANCHURIA)
    assert BORDERS.resolve() in {f.resolve() for f in loaded.files}
    s = loaded.scenario
    assert s.map.countries is not None
    assert [len(r) for r in s.map.countries.rows] == [len(r) for r in s.map.rows]
    land = {
        (c, r)
        for r, row in enumerate(s.map.rows)
        for c, ch in enumerate(row)
        if s.map.legend[ch] != "lake"
    }
    rows = s.map.countries.rows
    sea = {(c, r) for r, row in enumerate(rows) for c, ch in enumerate(row) if ch == NO_COUNTRY}
    assert not land & sea, "every land hex belongs to a country"


def test_every_place_lies_in_a_country_of_its_holder() -> None:
    s = manchuria()
    for p in s.places:
        where = country_at(p.at)
        if p.owner == "soviet":
            assert where in SOVIET_SIDE, p.id
        else:
            assert where in JAPANESE_SIDE, p.id


def test_the_rivers_and_towns_on_the_border_fall_where_history_puts_them() -> None:
    assert country_at((23, 1)) == "Manchukuo"  # Heihe, across the Amur from
    assert country_at((24, 0)) == "Soviet Union"  # Blagoveshchensk
    assert country_at((0, 3)) == "Manchukuo"  # Manzhouli, beside
    assert country_at((0, 2)) == "Soviet Union"  # Otpor
    assert (
        country_at((1, 11)) == "Mongolia (Mongolian People's Republic)"
    )  # the Tamsag-Bulak salient
    assert country_at((2, 34)) == "Manchukuo"  # Chengde: Jehol was a Manchukuo province
    assert country_at((24, 38)) == "Korea (under Japanese rule)"  # Hamhung


def test_the_rules_never_read_the_borders() -> None:
    with_borders = load_scenario(MANCHURIA)
    without = with_borders.model_copy(
        update={"map": with_borders.map.model_copy(update={"countries": None})}
    )
    assert new_game(with_borders, 1).to_dict() == new_game(without, 1).to_dict()


def test_the_part_validates_through_the_scenario_that_includes_it() -> None:
    part = load_any(BORDERS)
    assert isinstance(part, Part)
    assert [loaded.files[0].resolve() for loaded in part.scenarios] == [MANCHURIA.resolve()]
    run = subprocess.run(
        [sys.executable, "-m", "game", "validate", str(BORDERS.relative_to(ROOT))],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "part of" in run.stdout and "manchuria_1945.toml" in run.stdout


def test_parts_are_not_listed_as_scenarios() -> None:
    listed = {e.path.resolve() for e in catalogue()}
    assert MANCHURIA.resolve() in listed
    assert BORDERS.resolve() not in listed


# --- a broken border entry is reported at its file, line and column ---------------------------

COUNTRIES = """
[map.countries]
names = {{ R = "Redland", B = "Blueland" }}
rows = [
{rows}]
"""


def _scenario_with(tmp_path: Path, rows: list[str], names: str = "") -> Path:
    """The example with a [map.countries] part of the given rows, included from a parts/ folder."""
    text = EXAMPLE.read_text(encoding="utf-8")
    text = text.replace('include = ["ruleset:', 'include = ["parts/borders.toml", "ruleset:', 1)
    assert "parts/borders.toml" in text
    scenario = tmp_path / "scenario.toml"
    scenario.write_text(text, encoding="utf-8")
    (tmp_path / "parts").mkdir()
    body = COUNTRIES.format(rows="".join(f'  "{r}",\n' for r in rows))
    if names:
        body = body.replace('{ R = "Redland", B = "Blueland" }', names)
    (tmp_path / "parts" / "borders.toml").write_text("format_version = 1\n" + body)
    return scenario


def _example_shape() -> list[int]:
    return [len(r) for r in load_scenario(EXAMPLE).map.rows]


def _problems(path: Path) -> list[str]:
    """Each error as file:line:col: message."""
    with pytest.raises(ScenarioError) as exc:
        load(path)
    return [f"{p.file}:{p.line}:{p.col}: {p.message}" for p in exc.value.errors]


def test_an_unknown_country_is_located_at_its_character(tmp_path: Path) -> None:
    rows = ["R" * w for w in _example_shape()]
    rows[2] = rows[2][:5] + "X" + rows[2][6:]
    errors = _problems(_scenario_with(tmp_path, rows))
    # format_version, a blank line, [map.countries], names and "rows = [" come first, so row 2
    # is on line 8; the X is its sixth character, after the indent and the quote: column 9
    part = tmp_path / "parts" / "borders.toml"
    assert errors == [f"{part}:8:9: unknown country 'X' at [5, 2]"]


def test_rows_of_the_wrong_shape_and_a_reserved_key_are_errors(tmp_path: Path) -> None:
    rows = ["B" * w for w in _example_shape()][:-1]
    errors = _problems(_scenario_with(tmp_path, rows, '{ "." = "Nowhere", B = "Blueland" }'))
    assert any("borders.toml:4:" in e and "'.'" in e for e in errors)
    assert any("borders.toml:5:" in e and "rows; the map has" in e for e in errors)


def test_finding_who_includes_a_part_skips_pipes_and_broken_files(tmp_path: Path) -> None:
    scenario = _scenario_with(tmp_path, ["R" * w for w in _example_shape()])
    os.mkfifo(tmp_path / "a_pipe.toml")  # read, it would block forever
    (tmp_path / "broken.toml").write_text("include = [", encoding="utf-8")
    part = load_any(tmp_path / "parts" / "borders.toml")
    assert isinstance(part, Part)
    assert [loaded.files[0] for loaded in part.scenarios] == [scenario]

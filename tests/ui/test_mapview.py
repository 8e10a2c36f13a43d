"""The terminal map: what a player reads off it (units, places, marks, fog, colour, areas)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from game.rules import Game, MoveCommand, Options, visible_units
from game.scenario import load_scenario
from game.ui.text.mapview import Palette, render_map
from tests.conftest import EXAMPLE, SCENARIOS

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def example_game(fog: bool = False) -> Game:
    return Game(load_scenario(EXAMPLE), seed=1, options=Options(fog=fog))


def cell(text: str, col: int, row: int, first_col: int = 0) -> str:
    """The three characters (and the mark) drawn for hex (col, row) of a rendered map."""
    for line in text.splitlines():
        label = line[:3].strip()
        if label.isdigit() and int(label) == row:
            start = 4 + (2 if row % 2 else 0) + 4 * (col - first_col)
            return line[start : start + 4]
    raise AssertionError(f"row {row} not in the map")


def test_the_whole_map_has_coordinates_on_every_edge() -> None:
    state = example_game().state
    text = render_map(state)
    lines = text.splitlines()
    width, height = state.board.width, state.board.height
    header = lines[0].split()
    assert header == [str(c) for c in range(width)]
    assert lines[height + 1] == lines[0]  # the column numbers again below the map
    for row in range(height):
        line = lines[1 + row]
        assert line.split()[0] == str(row) and line.split()[-1] == str(row)


def test_units_show_their_side_letter_and_symbol() -> None:
    state = example_game().state
    text = render_map(state)
    assert cell(text, 4, 4) == "RTk "  # the red tank brigade
    assert cell(text, 9, 2) == "BIn "  # a blue infantry regiment
    assert cell(text, 7, 4) == "~~~ "  # river with no unit: the terrain glyph


def test_a_stack_shows_its_size() -> None:
    game = example_game()
    game.apply(MoveCommand(unit="r-2tb", to=(5, 3)))  # joins the rifle regiment
    assert cell(render_map(game.state), 5, 3) == "R*2 "


def test_places_without_units_are_marked_and_listed_with_their_owner() -> None:
    text = render_map(example_game().state)
    assert cell(text, 11, 3) == "@^^ "  # Hill 41 on hills
    assert "@ [11,3] Hill 41, 5 VP, held by Blue" in text
    assert "@ [0,4] Red depot, held by Red" in text


def test_legend_names_the_terrain_and_both_sides() -> None:
    text = render_map(example_game().state)
    legend = text.split("Terrain: ", 1)[1]
    assert ".. Open steppe" in legend and "~~ River" in legend
    assert "oo Town" in legend  # a terrain without its own glyph uses the map legend's
    assert "R.. Red unit" in legend and "B.. Blue unit" in legend


def test_an_area_shows_only_its_hexes_whichever_corner_comes_first() -> None:
    state = example_game().state
    text = render_map(state, area=((8, 5), (3, 1)), marks=frozenset({(5, 3)}))
    assert text.splitlines()[0].split() == [str(c) for c in range(3, 9)]
    map_rows = text.split("\n\n", 1)[0].splitlines()[1:-1]
    assert [ln.split()[0] for ln in map_rows] == ["1", "2", "3", "4", "5"]
    assert cell(text, 5, 3, first_col=3) == "RIn<"  # the marked hex
    assert "Urga-Ail" not in text  # a place outside the area is not listed


def test_an_area_past_the_edge_is_cut_to_the_map() -> None:
    state = example_game().state
    text = render_map(state, area=((10, 6), (40, 40)))
    assert text.splitlines()[0].split() == [str(c) for c in range(10, state.board.width)]


def test_fog_hides_what_the_side_cannot_see() -> None:
    state = example_game(fog=True).state
    seen = {u.id for u in visible_units(state, "red")}
    assert "b-1ir" not in seen  # the town garrison is out of sight at the start
    text = render_map(state, visible=seen)
    assert cell(text, 11, 4) != cell(render_map(state), 11, 4)
    assert "BIn" not in cell(text, 11, 4)


def test_colour_wraps_counters_and_places_and_plain_text_has_none() -> None:
    state = example_game().state
    coloured = render_map(state, Palette.ansi(state))
    plain = render_map(state, Palette.plain())
    assert "\x1b[" not in plain
    red = "\x1b[1;38;2;192;48;40m"  # #c03028, Red's colour in the scenario
    assert f"{red}RTk\x1b[0m" in coloured
    assert "\x1b[1;4m@^^\x1b[0m" in coloured
    assert ANSI.sub("", coloured) == plain


def test_sides_with_the_same_initial_get_different_letters(tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace('adjective = "Blue"', 'adjective = "Rose"')
    (tmp_path / "examples").mkdir()
    shutil.copytree(SCENARIOS / "rulesets", tmp_path / "rulesets")
    copy = tmp_path / "examples" / "same_initial.toml"
    copy.write_text(text, encoding="utf-8")
    state = Game(load_scenario(copy), seed=1).state
    rendered = render_map(state)
    assert cell(rendered, 4, 4) == "RTk "
    assert cell(rendered, 9, 2) == "rIn "
    assert "r.. Rose unit" in rendered


def test_rendering_does_not_change_the_game() -> None:
    state = example_game().state
    before = state.to_dict()
    render_map(state, Palette.ansi(state), area=((0, 0), (5, 5)))
    assert state.to_dict() == before

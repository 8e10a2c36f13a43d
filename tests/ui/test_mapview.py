"""The terminal map: what a player reads off it (units, places, marks, fog, colour, areas)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from game.rules import Game, MoveCommand, Options, visible_units
from game.scenario import load_scenario
from game.ui.map_contents import stacks
from game.ui.text.glyphs import CROSSING_GLYPH, ROUTE_GLYPH, legend_lines, unit_codes
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


def test_units_show_side_letter_code_and_the_terrain_under_them() -> None:
    state = example_game().state
    text = render_map(state)
    codes = unit_codes(state)
    assert cell(text, 4, 4) == f"R{codes['Tk']}. "  # the red tank brigade on open steppe
    assert cell(text, 9, 2) == f"B{codes['Inf']}. "  # a blue infantry regiment
    assert cell(text, 7, 4) == "~H~|"  # a bridge, and the edge of a zone east of it


def test_unit_codes_are_one_character_and_unique_in_each_scenario() -> None:
    for path in (EXAMPLE, SCENARIOS / "khalkhin_gol_1939.toml", SCENARIOS / "manchuria_1945.toml"):
        state = Game(load_scenario(path), seed=1).state
        codes = unit_codes(state)
        assert all(len(c) == 1 and c.isalpha() for c in codes.values())
        assert len(set(codes.values())) == len(codes)


def test_a_stack_shows_its_size() -> None:
    game = example_game()
    game.apply(MoveCommand(unit="r-2tb", to=(5, 3)))  # joins the rifle regiment
    assert cell(render_map(game.state), 5, 3) == "R2. "


def test_places_crossings_and_routes_are_drawn() -> None:
    state = example_game().state
    text = render_map(state)
    assert cell(text, 11, 3) == "@^^ "  # Hill 41 on hills
    board = state.board
    empty = set(board.coord) - set(stacks(state, None))
    crossings = [h for h in board.crossing if h in board.river and h in empty]
    routed = [h for h in board.route_kinds if h not in board.river and h in empty]
    assert crossings and routed
    for h in crossings:
        assert cell(text, *board.coord[h])[1] == CROSSING_GLYPH[board.crossing[h]]
    for h in routed:
        assert cell(text, *board.coord[h])[1] in ROUTE_GLYPH.values()


def test_legend_explains_every_character_the_map_uses() -> None:
    for path in (EXAMPLE, SCENARIOS / "khalkhin_gol_1939.toml", SCENARIOS / "manchuria_1945.toml"):
        state = Game(load_scenario(path), seed=1).state
        text = render_map(state)
        legend = "\n".join(legend_lines(state))
        explained = {line.strip()[:3] for line in legend.splitlines() if line.startswith("  ")}
        chars = set("".join(explained)) | {"|"}
        rows = text.splitlines()[1:-1]
        for line in rows:
            body = line[4:].rstrip().rsplit(" ", 1)[0]
            for ch in set(body) - {" "}:
                if ch.isdigit():
                    continue  # stack sizes, explained as "X3."
                assert ch in chars, (path.name, ch)
        assert "Unit codes:" in legend and "Places:" in legend


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
    assert cell(text, 11, 4)[0] != "B"


def test_colour_wraps_counters_and_places_and_plain_text_has_none() -> None:
    state = example_game().state
    coloured = render_map(state, Palette.ansi(state))
    plain = render_map(state, Palette.plain())
    assert "\x1b[" not in plain
    red = "\x1b[1;38;2;192;48;40m"  # #c03028, Red's colour in the scenario
    assert f"{red}R{unit_codes(state)['Tk']}.\x1b[0m" in coloured
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
    assert cell(rendered, 4, 4)[0] == "R"
    assert cell(rendered, 9, 2)[0] == "r"
    assert "  r..  Rose" in legend_lines(state)


def test_rendering_does_not_change_the_game() -> None:
    state = example_game().state
    before = state.to_dict()
    render_map(state, Palette.ansi(state), area=((0, 0), (5, 5)))
    assert state.to_dict() == before

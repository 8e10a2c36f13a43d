"""Counters that read on every terrain, in both palettes, for every unit of both campaigns:
contrast is computed (WCAG), the strength figure is measured in the font that draws it."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ["SDL_VIDEODRIVER"] = "dummy"

import pygame

from game.rules import Game
from game.scenario import load_scenario
from game.scenario.models import Scenario
from game.ui.counter_marks import short_name, size_mark, strength_text, unit_kind
from game.ui.pygame.counters import (
    SYMBOLS,
    TEXT_HEX,
    CounterLook,
    counter_picture,
    counter_rect,
    fitted_font,
)
from game.ui.pygame.palette import (
    GLYPH_MIN,
    PALETTES,
    contrast,
    glyph_ink,
    hex_colour,
    ink_on,
    outline_contrast,
    shade,
    side_fills,
    worst_difference,
)
from game.ui.pygame.render import UNREACHABLE_SHADE, Fonts, counter_look
from tests.conftest import SCENARIOS

CAMPAIGNS = [SCENARIOS / "khalkhin_gol_1939.toml", SCENARIOS / "manchuria_1945.toml"]
OUTLINE_MIN = 3.0  # WCAG 1.4.11, graphics against what is next to them
TEXT_MIN = 4.5  # WCAG 1.4.3, text
DISTINCT_MIN = 20.0  # CIE76: plainly different colours


@pytest.fixture(scope="module")
def campaigns() -> list[Scenario]:
    return [load_scenario(p) for p in CAMPAIGNS]


@pytest.fixture
def fonts() -> Iterator[Fonts]:
    pygame.font.init()
    yield Fonts()
    pygame.quit()


def test_outline_stands_out_on_every_terrain(campaigns: list[Scenario]) -> None:
    report = []
    for sc in campaigns:
        for tid, terrain in sc.terrain.items():
            ratio = outline_contrast(hex_colour(terrain.colour))
            report.append((ratio, sc.meta.id, tid))
            assert ratio >= OUTLINE_MIN, f"{sc.meta.id} {tid}: {ratio:.2f}"
    print("weakest outline contrast:", min(report))


def test_terrain_glyphs_read_on_their_hexes(campaigns: list[Scenario]) -> None:
    for sc in campaigns:
        for tid, terrain in sc.terrain.items():
            fill = hex_colour(terrain.colour)
            assert contrast(glyph_ink(fill), fill) >= GLYPH_MIN, (sc.meta.id, tid)


def test_unreachable_hexes_stand_apart_from_reachable_ones(campaigns: list[Scenario]) -> None:
    """A selected unit's range reads at a glance: every terrain darkened differs from itself
    lit by at least 2:1 (the old reachable tint was 1.17:1)."""
    for sc in campaigns:
        for tid, terrain in sc.terrain.items():
            fill = hex_colour(terrain.colour)
            assert contrast(fill, shade(fill, UNREACHABLE_SHADE)) >= 2.0, (sc.meta.id, tid)


@pytest.mark.parametrize("palette", PALETTES)
def test_counter_text_reads_on_each_side_fill(campaigns: list[Scenario], palette: str) -> None:
    for sc in campaigns:
        for fill in side_fills([s.colour for s in sc.sides], palette):
            assert contrast(ink_on(fill), fill) >= TEXT_MIN, (sc.meta.id, palette, fill)


@pytest.mark.parametrize("palette", PALETTES)
def test_side_fills_differ_under_colour_blindness(campaigns: list[Scenario], palette: str) -> None:
    for sc in campaigns:
        fills = side_fills([s.colour for s in sc.sides], palette)
        worst = worst_difference(fills)
        print(f"{sc.meta.id} {palette}: the closest pair of sides differs by {worst:.0f}")
        assert worst >= DISTINCT_MIN


def test_every_unit_gets_a_symbol_and_a_short_name(campaigns: list[Scenario]) -> None:
    for sc in campaigns:
        for u in sc.units:
            utype = sc.unit_types[u.type]
            assert unit_kind(utype) in SYMBOLS
            short = short_name(u.name, u.short)
            assert 1 <= len(short) <= 8
    assert short_name("5th Guards Tank Corps (6th Guards Tank Army)") == "5GTC"
    assert short_name("39th Army (Lyudnikov)", "39 A") == "39 A"
    utype = campaigns[1].unit_types[campaigns[1].units[0].type]
    assert size_mark("119th Division (4th Army)", utype) == "XX"


@pytest.mark.parametrize("hex_size", [TEXT_HEX, 22.0, 30.0, 44.0, 80.0])
def test_strength_figure_fits_without_cutting(fonts: Fonts, hex_size: float) -> None:
    width = counter_rect(hex_size).width - 4
    for men in (150, 950, 4_500, 12_000, 116_000, 184_000, 1_999_999):
        text = strength_text(men)
        font = fitted_font(fonts.get, text, width, int(hex_size / 2.5), True)
        assert font is not None and font.size(text)[0] <= width, (hex_size, text)


def test_counter_pictures_for_a_whole_campaign(campaigns: list[Scenario], fonts: Fonts) -> None:
    """Every counter of the 1945 opening, in both palettes, is drawn and is not blank."""
    game = Game(campaigns[1], 1)
    s = game.state
    for palette in PALETTES:
        for u in list(s.units.values())[:40]:
            look = counter_look(s, [u], palette, s.side)
            picture = counter_picture(fonts.get, 30.0, look)
            colours = {
                picture.get_at((x, picture.get_height() // 2))[:3]
                for x in range(0, picture.get_width(), 2)
            }
            assert look.fill in colours and len(colours) > 3


def test_markers_and_badge_change_the_picture(fonts: Fonts) -> None:
    plain = CounterLook((192, 48, 40), "armour", "X", "6TB", "2.7k", "")
    marked = CounterLook(
        (192, 48, 40), "armour", "X", "6TB", "2.7k", "", 3, True, True, True, True, True
    )
    a = pygame.image.tobytes(counter_picture(fonts.get, 30.0, plain), "RGBA")
    b = pygame.image.tobytes(counter_picture(fonts.get, 30.0, marked), "RGBA")
    assert a != b


def test_short_field_in_the_format(tmp_path: Path) -> None:
    """A scenario's `short` is what the counter prints; without it, the abbreviation."""
    source = SCENARIOS / "examples" / "river_crossing.toml"
    text = source.read_text().replace(
        'name = "2nd Tank Brigade"', 'name = "2nd Tank Brigade"\nshort = "2 Tk"', 1
    )
    path = tmp_path / "short.toml"
    path.write_text(text)
    s = Game(load_scenario(path), 1).state
    assert counter_look(s, [s.units["r-2tb"]], "standard", s.side).name == "2 Tk"
    assert counter_look(s, [s.units["r-1rr"]], "standard", s.side).name == "1RR"

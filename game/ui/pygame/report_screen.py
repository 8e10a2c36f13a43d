"""The after-action report in the window: the result with the score thresholds explained, the
victory points by place, each side's losses beside the record, the comparisons with history and
a chart of each side's men over time.

The figures come from the shared Report (game/ui/report.py), so the window, the terminal and
`two-augusts report` agree. The charts are drawn with pygame rather than matplotlib: it needs no
other library, uses the window's fonts and side colours, and draws in a few milliseconds.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.ui.counter_marks import strength_text
from game.ui.pygame.layout import Metrics
from game.ui.pygame.palette import Colour, hex_colour
from game.ui.pygame.render import INK, PAPER, Fonts
from game.ui.pygame.widgets import MUTED_INK, text_block
from game.ui.report import (
    Report,
    StrengthPoint,
    comparison_lines,
    losses_lines,
    places_lines,
)

CHART_GRID: Colour = (190, 182, 165)
BAND_HOT: Colour = (250, 236, 190)
HEAD_INK: Colour = (90, 40, 20)
TICKS = 4  # grid lines across the chart


@dataclass
class ReportView:
    """Which report is shown, and how far it is scrolled."""

    report: Report
    side_colours: dict[str, Colour]
    final: bool = True  # the game is over (else: the report of the game so far)
    offset: int = 0
    height: int = 0  # of everything drawn, for the scroll limit

    def scroll(self, pixels: int, view_h: int) -> None:
        self.offset = max(0, min(max(0, self.height - view_h), self.offset + pixels))


def side_colours(sides: list[tuple[str, str]]) -> dict[str, Colour]:
    return {side: hex_colour(colour) for side, colour in sides}


def draw_report(surf: pygame.Surface, fonts: Fonts, view: ReportView, metrics: Metrics) -> None:
    """The whole report on `surf`, scrolled by view.offset: text on the left, chart right."""
    surf.fill(PAPER)
    w, h = surf.get_size()
    m = metrics
    pad = m.px(20)
    r = view.report
    text_w = int(w * 0.55) - pad
    y = pad - view.offset
    y = text_block(
        surf, fonts, f"After-action report: {r.title}", (pad, y), m.font(22), w - 2 * pad, INK, True
    )
    how = f" ({r.reason})" if r.reason else ""
    when = r.end_date.replace("T", " ")
    said = f"{r.result.capitalize()} on {when} after {r.turns_played} turns{how}."
    if not view.final:
        said = f"The game so far ({r.turns_played} turns, {when}): if it ended now, {r.result}."
    y = text_block(surf, fonts, said, (pad, y + m.px(6)), m.font(16), text_w, HEAD_INK, True)
    vps = ", ".join(f"{r.adjective[s]} {r.vp[s]:g} VP" for s in r.sides)
    y = text_block(
        surf,
        fonts,
        f"Score {r.score:+g} ({vps}). {r.score_explained}",
        (pad, y + m.px(4)),
        m.font(12),
        text_w,
        hang=False,
    )
    y = _draw_bands(surf, fonts, r, pad, y + m.px(8), text_w, m)
    chars = max(40, text_w // fonts.get(m.font(12)).size("M")[0])
    for lines in (places_lines(r, chars), losses_lines(r, chars), comparison_lines(r, chars)):
        if lines:
            y = _draw_section(surf, fonts, lines[0], lines[1:], pad, y + m.px(12), text_w, m)
    if r.historical:
        y = _draw_section(surf, fonts, "History:", [], pad, y + m.px(12), text_w, m)
        y = text_block(surf, fonts, r.historical, (pad, y), m.font(12), text_w, hang=False)
    chart = pygame.Rect(
        text_w + 2 * pad, m.px(110) - view.offset, w - text_w - 3 * pad, int(h * 0.4)
    )
    draw_chart(surf, fonts, view, chart, m, "men")
    draw_chart(surf, fonts, view, chart.move(0, chart.height + pad), m, "tanks")
    y = text_block(
        surf,
        fonts,
        "Esc: back to the map. Wheel or Page Up/Down: scroll.",
        (pad, y + m.px(16)),
        m.font(12),
        text_w,
        MUTED_INK,
    )
    view.height = y + view.offset + pad


def _draw_bands(
    surf: pygame.Surface, fonts: Fonts, r: Report, x: int, y: int, width: int, m: Metrics
) -> int:
    """The levels of result with their score ranges; the one this game reached is marked."""
    font = fonts.get(m.font(12))
    lh = font.get_linesize()
    for band in r.bands:
        text = f"{band.name}: score {_band_range(band.low, band.high)}"
        row = pygame.Rect(x, y, width, lh)
        if band.low <= r.score < band.high:
            pygame.draw.rect(surf, BAND_HOT, row)
            pygame.draw.rect(surf, INK, row, 1)
            text += "   <- this game"
        surf.blit(font.render(text, True, INK), (x + 4, y))
        y += lh
    return y


def _draw_section(
    surf: pygame.Surface,
    fonts: Fonts,
    head: str,
    lines: list[str],
    x: int,
    y: int,
    width: int,
    m: Metrics,
) -> int:
    """A heading and the report's own lines, already laid out to the width in characters (its
    tables line up in the monospace font, so they are drawn as they are)."""
    y = text_block(surf, fonts, head.rstrip(":"), (x, y), m.font(14), width, HEAD_INK, True)
    font = fonts.get(m.font(12))
    for line in lines:
        surf.blit(font.render(line, True, INK), (x, y))
        y += font.get_linesize()
    return y


def draw_chart(
    surf: pygame.Surface,
    fonts: Fonts,
    view: ReportView,
    area: pygame.Rect,
    m: Metrics,
    measure: str = "men",
) -> None:
    """Each side's men (or tanks) on the map turn by turn, as lines in the side's colour over a
    grid."""
    r = view.report
    points = r.strength

    def value(p: StrengthPoint, side: str) -> int:
        return (p.men if measure == "men" else p.tanks).get(side, 0)

    pygame.draw.rect(surf, (246, 242, 230), area)
    pygame.draw.rect(surf, INK, area, 1)
    font = fonts.get(m.font(11))
    head = fonts.get(m.font(13), True).render(f"{measure.capitalize()} on the map", True, INK)
    surf.blit(head, (area.x + 8, area.y + 6))
    if len(points) < 2:
        surf.blit(
            font.render("(one turn played: nothing to chart yet)", True, MUTED_INK),
            (area.x + 8, area.y + 30),
        )
        return
    peak = _nice_ceiling(max(value(p, side) for p in points for side in r.sides) or 1)
    plot = area.inflate(-m.px(70), -m.px(70)).move(m.px(20), m.px(10))
    for i in range(TICKS + 1):
        y = plot.bottom - plot.height * i // TICKS
        pygame.draw.line(surf, CHART_GRID, (plot.x, y), (plot.right, y), 1)
        label = font.render(_men(peak * i / TICKS), True, MUTED_INK)
        surf.blit(label, label.get_rect(midright=(plot.x - 4, y)))
    for i in (0, len(points) // 2, len(points) - 1):
        x = plot.x + plot.width * i // (len(points) - 1)
        label = font.render(points[i].date[:10], True, MUTED_INK)
        spot = label.get_rect(midtop=(x, plot.bottom + 4))
        surf.blit(label, spot.clamp(area.inflate(-8, 0)))
    for k, side in enumerate(r.sides):
        colour = view.side_colours.get(side, INK)
        pts = [
            (
                plot.x + plot.width * i / (len(points) - 1),
                plot.bottom - plot.height * value(p, side) / peak,
            )
            for i, p in enumerate(points)
        ]
        pygame.draw.lines(surf, INK, False, pts, 5)
        pygame.draw.lines(surf, colour, False, pts, 3)
        key = pygame.Rect(
            area.right - m.px(150) * (len(r.sides) - k), area.y + m.px(10), m.px(18), m.px(10)
        )
        pygame.draw.rect(surf, colour, key)
        pygame.draw.rect(surf, INK, key, 1)
        surf.blit(font.render(r.adjective[side], True, INK), (key.right + 6, key.y - 2))


def _nice_ceiling(n: float) -> float:
    """The chart's top: `n` rounded up to 1, 2, 2.5 or 5 times a power of ten, so its grid
    lines fall on round figures."""
    step = 10.0 ** max(0, len(str(int(n))) - 1)
    for f in (1.0, 2.0, 2.5, 4.0, 5.0):
        if n <= f * step:
            return f * step
    return 10.0 * step


def _band_range(low: float, high: float) -> str:
    if low == float("-inf"):
        return f"below {high:+g}"
    if high == float("inf"):
        return f"{low:+g} and above"
    return f"{low:+g} to {high:+g}"


def _men(n: float) -> str:
    return strength_text(round(n)) if n >= 10_000 else f"{n:,.0f}"

"""The after-action report as a PNG to share: the text of the report beside a chart of each
side's men on the map over time (pygame, offscreen; imported only by `report --png`)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from game.scenario.library import fonts_dir
from game.ui.report import Report, render_text

if TYPE_CHECKING:
    import pygame

TEXT_WIDTH = 80  # characters of report text per line in the image
FONT_SIZE = 13
MARGIN = 16
CHART_SIZE = (560, 300)
INK = (30, 28, 24)
PAPER = (236, 230, 214)
GRID = (190, 182, 165)
SIDE_COLOURS = [(170, 30, 30), (40, 70, 160)]  # when a scenario gives no colour


def _colour(text: str, fallback: tuple[int, int, int]) -> tuple[int, int, int]:
    if len(text) == 7 and text.startswith("#"):
        return (int(text[1:3], 16), int(text[3:5], 16), int(text[5:7], 16))
    return fallback


def render_png(report: Report, out: Path, colours: dict[str, str] | None = None) -> tuple[int, int]:
    """Draw the report into `out`; the image size in pixels."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    pygame.font.init()
    font_file = fonts_dir() / "DejaVuSansMono.ttf"
    font = pygame.font.Font(str(font_file) if font_file.is_file() else None, FONT_SIZE)
    lines = render_text(report, TEXT_WIDTH).splitlines()
    step = font.get_linesize()
    text_w = max((font.size(line)[0] for line in lines if line), default=0)
    chart = pygame.Rect(MARGIN * 2 + text_w, MARGIN + step * 2, *CHART_SIZE)
    size = (
        chart.right + MARGIN,
        max(MARGIN * 2 + step * len(lines), chart.bottom + step * 3 + MARGIN),
    )
    surf = pygame.Surface(size)
    surf.fill(PAPER)
    for n, line in enumerate(lines):
        if line:
            surf.blit(font.render(line, True, INK), (MARGIN, MARGIN + n * step))
    _draw_chart(surf, chart, report, font, colours or {})
    out.parent.mkdir(parents=True, exist_ok=True)
    pygame.image.save(surf, str(out))
    return size


def _draw_chart(
    surf: pygame.Surface,
    box: pygame.Rect,
    report: Report,
    font: pygame.font.Font,
    colours: dict[str, str],
) -> None:
    """Men of each side on the map, one line per side, against the dates."""
    import pygame

    points = report.strength
    peak = max((max(p.men.values()) for p in points), default=0)
    pygame.draw.rect(surf, GRID, box, 1)
    surf.blit(font.render("Men on the map", True, INK), (box.left, box.top - font.get_linesize()))
    if len(points) < 2 or not peak:
        return
    step = font.get_linesize()
    for n, side in enumerate(report.sides):
        colour = _colour(colours.get(side, ""), SIDE_COLOURS[n % len(SIDE_COLOURS)])
        xy = [
            (
                box.left + i * (box.width - 1) / (len(points) - 1),
                box.bottom - 1 - p.men[side] / peak * (box.height - 2),
            )
            for i, p in enumerate(points)
        ]
        pygame.draw.lines(surf, colour, False, xy, 2)
        top = max(p.men[side] for p in points)
        label = font.render(f"{report.adjective[side]} (peak {top:,})", True, colour)
        surf.blit(label, (box.left + 4, box.bottom + 4 + n * step))
    first, last = points[0].date[:10], points[-1].date[:10]
    surf.blit(font.render(first, True, INK), (box.left + 4, box.top + 4))
    end = font.render(last, True, INK)
    surf.blit(end, (box.right - end.get_width() - 4, box.top + 4))

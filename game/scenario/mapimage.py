"""A scenario's map as a PNG with every hex's coordinates, places and zones (pygame, offscreen).

Imported only by `render-map --png`, so validating or listing scenarios never loads pygame.
Hexes are pointy-top with odd rows shifted half a hex right, as the game draws them.
"""

from __future__ import annotations

import math
import os
from pathlib import Path

from game.scenario.geometry import build_grid, zone_hexes
from game.scenario.library import fonts_dir
from game.scenario.models import Scenario

HEX_RADIUS = 26  # pixels from centre to corner
MARGIN = 12
ZONE_COLOURS = [(200, 40, 40), (40, 80, 200), (30, 140, 60), (160, 60, 160), (200, 120, 0)]
INK = (30, 28, 24)
PAPER = (236, 230, 214)


def _centre(col: int, row: int, r: float) -> tuple[float, float]:
    w = math.sqrt(3) * r
    x = MARGIN + w / 2 + col * w + (w / 2 if row % 2 else 0)
    y = MARGIN + r + row * 1.5 * r
    return x, y


def _corners(x: float, y: float, r: float) -> list[tuple[float, float]]:
    return [
        (x + r * math.cos(math.radians(a)), y + r * math.sin(math.radians(a)))
        for a in range(-90, 270, 60)
    ]


def _colour(hex_text: str) -> tuple[int, int, int]:
    return (int(hex_text[1:3], 16), int(hex_text[3:5], 16), int(hex_text[5:7], 16))


def render_png(s: Scenario, out: Path) -> tuple[int, int]:
    """Draw the map into `out`; the image size in pixels."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    pygame.font.init()
    grid = build_grid(s)
    r = HEX_RADIUS
    size = (
        int(2 * MARGIN + math.sqrt(3) * r * (grid.width + 0.5)),
        int(2 * MARGIN + r * (1.5 * grid.height + 0.5)),
    )
    surf = pygame.Surface(size)
    surf.fill(PAPER)
    font_file = fonts_dir() / "DejaVuSansMono.ttf"
    small = pygame.font.Font(str(font_file) if font_file.is_file() else None, 9)
    label = pygame.font.Font(str(font_file) if font_file.is_file() else None, 11)
    for col, row in grid.coords():
        terrain = s.terrain.get(grid.terrain((col, row)))
        x, y = _centre(col, row, r)
        fill = _colour(terrain.colour) if terrain else (255, 255, 255)
        pygame.draw.polygon(surf, fill, _corners(x, y, r))
        pygame.draw.polygon(surf, INK, _corners(x, y, r), 1)
        text = small.render(f"{col},{row}", True, INK)
        surf.blit(text, text.get_rect(center=(x, y + r * 0.55)))
    for n, zone in enumerate(s.zones):
        colour = ZONE_COLOURS[n % len(ZONE_COLOURS)]
        for col, row in zone_hexes(zone):
            if grid.on_map((col, row)):
                pygame.draw.polygon(surf, colour, _corners(*_centre(col, row, r), r * 0.82), 2)
    for place in s.places:
        x, y = _centre(*place.at, r)
        pygame.draw.circle(surf, INK, (int(x), int(y - r * 0.15)), 4)
        text = label.render(place.name, True, INK, PAPER)
        surf.blit(text, text.get_rect(center=(x, y - r * 0.55)))
    out.parent.mkdir(parents=True, exist_ok=True)
    pygame.image.save(surf, str(out))
    return size

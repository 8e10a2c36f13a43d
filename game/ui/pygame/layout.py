"""Pixel geometry of the hex map: pointy-top hexes in the odd-r layout of the map text.

Pure arithmetic (no pygame), so it is tested without a window and shared by drawing and clicks.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from game.hexes import Coord, Hex, round_hex

SQRT3 = math.sqrt(3.0)


@dataclass(frozen=True)
class HexLayout:
    """Hex `size` is the centre-to-corner distance in pixels; `origin` is the centre of [0,0]."""

    size: float
    origin: tuple[float, float]

    @property
    def width(self) -> float:
        return SQRT3 * self.size

    @property
    def height(self) -> float:
        return 2.0 * self.size

    def centre(self, c: Coord) -> tuple[float, float]:
        h = Hex.from_offset(*c)
        x = self.size * SQRT3 * (h.q + h.r / 2.0)
        y = self.size * 1.5 * h.r
        return (self.origin[0] + x, self.origin[1] + y)

    def corners(self, c: Coord, inset: float = 0.0) -> list[tuple[float, float]]:
        cx, cy = self.centre(c)
        r = self.size - inset
        return [
            (
                cx + r * math.cos(math.radians(60 * i - 30)),
                cy + r * math.sin(math.radians(60 * i - 30)),
            )
            for i in range(6)
        ]

    def at_pixel(self, x: float, y: float) -> Coord:
        """The [col, row] of the hex under a pixel (may be off the map)."""
        px, py = x - self.origin[0], y - self.origin[1]
        fq = (SQRT3 / 3 * px - py / 3) / self.size
        fr = (2.0 / 3 * py) / self.size
        return round_hex(fq, fr).to_offset()

    def map_size(self, cols: int, rows: int) -> tuple[int, int]:
        """Pixels needed for the whole map, with the origin placed half a hex in."""
        w = self.width * (cols + 0.5)
        h = self.size * 1.5 * (rows - 1) + self.height
        return (math.ceil(w), math.ceil(h))


def fit_layout(cols: int, rows: int, box_w: int, box_h: int, margin: int = 8) -> HexLayout:
    """The largest layout that fits the map in a box, with the map's top-left at the margin."""
    size_w = (box_w - 2 * margin) / (SQRT3 * (cols + 0.5))
    size_h = (box_h - 2 * margin) / (1.5 * (rows - 1) + 2.0)
    size = max(6.0, min(size_w, size_h))
    return HexLayout(size=size, origin=(margin + SQRT3 * size / 2, margin + size))


# --- the window's layout: panel, log and text follow the window and the UI scale -------------

BASE_SIZE = (1280, 800)  # the window size the base measures below are chosen for
PANEL_BASE = 360  # pixels of side panel at the base size
LOG_BASE = 160  # pixels of dispatch log at the base size
PANEL_SHARE = (0.22, 0.36)  # of the window's width, at least and at most
LOG_SHARE = (0.14, 0.24)  # of its height
SCALE_LIMITS = (0.7, 2.5)
UI_SCALES = (0.8, 1.0, 1.25, 1.5, 2.0)
MIN_WINDOW = (640, 480)


@dataclass(frozen=True)
class Metrics:
    """Sizes of the window's parts for one window size and UI scale (pure arithmetic)."""

    width: int
    height: int
    ui_scale: float = 1.0

    @property
    def scale(self) -> float:
        """Text and chrome grow with the window (and the player's UI scale)."""
        fit = min(self.width / BASE_SIZE[0], self.height / BASE_SIZE[1])
        return min(SCALE_LIMITS[1], max(SCALE_LIMITS[0], fit * self.ui_scale))

    @property
    def panel_w(self) -> int:
        lo, hi = PANEL_SHARE
        return int(min(self.width * hi, max(self.width * lo, PANEL_BASE * self.scale)))

    @property
    def log_h(self) -> int:
        lo, hi = LOG_SHARE
        return int(min(self.height * hi, max(self.height * lo, LOG_BASE * self.scale)))

    def font(self, base: int) -> int:
        """A text size: `base` pixels at the base size, scaled, never below 9."""
        return max(9, round(base * self.scale))

    def px(self, base: float) -> int:
        """A length of chrome (padding, button height) scaled like the text."""
        return max(1, round(base * self.scale))

"""Unit counters drawn in code: a NATO-style type symbol with its size mark, the designation, a
bold strength figure and markers, on the side's colour inside a dark line and a light halo.

Every size in here is a share of the hex size, so a counter reads the same at every zoom; text
is fitted by choosing a smaller font, never by cutting it. A counter is drawn once per look and
kept (see render.MapCache); the map only blits it.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import pygame

from game.ui.pygame.palette import HALO, OUTLINE, Colour, ink_on, shade

PAD_SHARE = 0.4  # room round a counter's picture (for the halo, shadow, markers and badge)
MIN_TEXT = 7  # pixels: below this a counter shows its symbol and strength only
TEXT_HEX = 18.0  # hex size from which a counter carries text
NAME_HEX = 30.0  # hex size from which it also carries its designation
SUPPLY_MARK: Colour = (255, 200, 0)
POCKET_MARK: Colour = (200, 20, 20)
DIG_MARK: Colour = (110, 70, 30)
FOUGHT_MARK: Colour = (200, 20, 20)
MOVED_MARK: Colour = (70, 70, 70)


@dataclass(frozen=True)
class CounterLook:
    """Everything that changes a counter's picture (the key of its cache)."""

    fill: Colour
    kind: str
    size_mark: str
    name: str
    men: str
    tanks: str
    stacked: int = 1
    out_of_supply: bool = False
    encircled: bool = False
    entrenched: bool = False
    moved: bool = False
    fought: bool = False


def counter_rect(hex_size: float) -> pygame.Rect:
    """The counter's box for a hex size, centred on (0, 0)."""
    tall = 1.2 if hex_size >= NAME_HEX else 1.0
    rect = pygame.Rect(0, 0, max(8, int(hex_size * 1.3)), max(7, int(hex_size * tall)))
    rect.center = (0, 0)
    return rect


def counter_pad(hex_size: float) -> int:
    return max(10, int(hex_size * PAD_SHARE))


FontSource = Callable[[int, bool], pygame.font.Font]


def fitted_font(
    fonts: FontSource, text: str, width: int, biggest: int, bold: bool
) -> pygame.font.Font | None:
    """The biggest font, at most `biggest` pixels, in which `text` fits in `width` (None if even
    MIN_TEXT - 1 pixels is too wide)."""
    for px in range(max(biggest, MIN_TEXT - 1), MIN_TEXT - 2, -1):
        font = fonts(px, bold)
        if font.size(text)[0] <= width:
            return font
    return None


def counter_picture(fonts: FontSource, hex_size: float, look: CounterLook) -> pygame.Surface:
    """The whole counter, with counter_pad(hex_size) pixels round it."""
    box = counter_rect(hex_size)
    pad = counter_pad(hex_size)
    out = pygame.Surface((box.width + 2 * pad, box.height + 2 * pad), pygame.SRCALPHA)
    rect = pygame.Rect(pad, pad, box.width, box.height)
    radius = max(1, int(hex_size / 12))
    if look.stacked > 1:  # a second counter peeks out from underneath
        under = rect.move(3, -3)
        pygame.draw.rect(out, HALO, under.inflate(4, 4), border_radius=radius + 2)
        pygame.draw.rect(out, shade(look.fill, 0.75), under, border_radius=radius)
        pygame.draw.rect(out, OUTLINE, under, 1, border_radius=radius)
    if look.encircled:
        pygame.draw.rect(out, POCKET_MARK, rect.inflate(8, 8), 3, border_radius=radius + 4)
    pygame.draw.rect(out, HALO, rect.inflate(4, 4), border_radius=radius + 2)
    pygame.draw.rect(out, look.fill, rect, border_radius=radius)
    pygame.draw.rect(out, OUTLINE, rect, max(1, int(hex_size / 22)), border_radius=radius)
    ink = ink_on(look.fill)
    if hex_size < TEXT_HEX:
        # Zoomed out: the men's figure if it fits whole, else the type symbol.
        small = fitted_font(fonts, look.men, rect.width - 2, rect.height, True)
        if small is not None and small.get_height() <= rect.height + 2:
            img = small.render(look.men, True, ink)
            out.blit(img, img.get_rect(center=rect.center))
        else:
            draw_symbol(out, _symbol_box(rect, 0.7, 0.5, 0.25), look.kind, hex_size)
    else:
        _draw_face(out, fonts, rect, hex_size, look, ink)
    _draw_markers(out, rect, hex_size, look)
    if look.stacked > 1:
        _draw_badge(out, fonts, rect, hex_size, look.stacked)
    return out


def _symbol_box(rect: pygame.Rect, w_share: float, h_share: float, top_share: float) -> pygame.Rect:
    w = max(6, int(rect.width * w_share))
    h = max(4, int(rect.height * h_share))
    box = pygame.Rect(0, 0, w, h)
    box.midtop = (rect.centerx, rect.top + int(rect.height * top_share))
    return box


def _draw_face(
    out: pygame.Surface,
    fonts: FontSource,
    rect: pygame.Rect,
    hex_size: float,
    look: CounterLook,
    ink: Colour,
) -> None:
    """Size mark and designation on top, the symbol box, the strength figure at the bottom."""
    named = hex_size >= NAME_HEX
    top_h = int(rect.height * (0.24 if named else 0.2))
    symbol = _symbol_box(rect, 0.56, 0.32 if named else 0.36, (top_h + 1) / rect.height)
    draw_symbol(out, symbol, look.kind, hex_size)
    mark_px = max(MIN_TEXT - 1, int(top_h * 0.95))
    if named:
        left = fitted_font(fonts, look.name, rect.width // 2 - 2, mark_px, True)
        if left is not None:
            img = left.render(look.name, True, ink)
            out.blit(img, img.get_rect(topleft=(rect.left + 3, rect.top + 1)))
        mark_font = fitted_font(fonts, look.size_mark, rect.width // 2 - 4, mark_px, True)
        if mark_font is not None and look.size_mark:
            img = mark_font.render(look.size_mark, True, ink)
            out.blit(img, img.get_rect(topright=(rect.right - 3, rect.top + 1)))
    elif look.size_mark:
        mark_font = fitted_font(fonts, look.size_mark, rect.width - 4, mark_px, True)
        if mark_font is not None:
            img = mark_font.render(look.size_mark, True, ink)
            out.blit(img, img.get_rect(midbottom=(rect.centerx, symbol.top + 1)))
    strength = look.men + (f" {look.tanks}" if look.tanks else "")
    room = rect.bottom - symbol.bottom - 1
    font = fitted_font(fonts, strength, rect.width - 4, max(MIN_TEXT, room), True)
    if font is None or font.get_height() > room + 4:
        strength = look.men
        font = fitted_font(fonts, strength, rect.width - 4, max(MIN_TEXT, room), True)
    if font is not None:
        img = font.render(strength, True, ink)
        out.blit(img, img.get_rect(midbottom=(rect.centerx, rect.bottom + 1)))


def draw_symbol(out: pygame.Surface, box: pygame.Rect, kind: str, hex_size: float) -> None:
    """A NATO-style frame (pale, so the dark marks read on any side's fill) and its symbol."""
    pygame.draw.rect(out, HALO, box)
    width = max(1, int(hex_size / 18))
    pygame.draw.rect(out, OUTLINE, box, width)
    inner = box.inflate(-2 * width, -2 * width)
    painter = SYMBOLS.get(kind, _infantry)
    painter(out, inner, width)


def _infantry(out: pygame.Surface, b: pygame.Rect, w: int) -> None:
    pygame.draw.line(out, OUTLINE, b.topleft, b.bottomright, w)
    pygame.draw.line(out, OUTLINE, b.bottomleft, b.topright, w)


def _armour(out: pygame.Surface, b: pygame.Rect, w: int) -> None:
    track = b.inflate(-b.width * 0.3, -b.height * 0.4)
    pygame.draw.rect(out, OUTLINE, track, w, border_radius=track.height // 2)


def _mechanized(out: pygame.Surface, b: pygame.Rect, w: int) -> None:
    _infantry(out, b, w)
    _armour(out, b, w)


def _cavalry(out: pygame.Surface, b: pygame.Rect, w: int) -> None:
    pygame.draw.line(out, OUTLINE, b.bottomleft, b.topright, w)


def _artillery(out: pygame.Surface, b: pygame.Rect, w: int) -> None:
    pygame.draw.circle(out, OUTLINE, b.center, max(1, min(b.width, b.height) // 5))


def _antitank(out: pygame.Surface, b: pygame.Rect, w: int) -> None:
    pygame.draw.lines(out, OUTLINE, False, [b.bottomleft, b.midtop, b.bottomright], w)


def _engineers(out: pygame.Surface, b: pygame.Rect, w: int) -> None:
    x0, x1 = b.left + b.width * 0.25, b.right - b.width * 0.25
    y0, y1 = b.top + b.height * 0.35, b.bottom - b.height * 0.3
    pygame.draw.lines(out, OUTLINE, False, [(x0, y1), (x0, y0), (x1, y0), (x1, y1)], w)
    pygame.draw.line(out, OUTLINE, (b.centerx, y0), (b.centerx, y1), w)


def _hq(out: pygame.Surface, b: pygame.Rect, w: int) -> None:
    pygame.draw.rect(out, OUTLINE, pygame.Rect(b.left, b.top, b.width // 2, b.height // 2))


def _fortress(out: pygame.Surface, b: pygame.Rect, w: int) -> None:
    y = b.top + b.height * 0.45
    step = b.width / 6
    pts: list[tuple[float, float]] = [(b.left, b.bottom)]
    for i in range(6):
        top = y - b.height * 0.25 if i % 2 == 0 else y
        pts += [(b.left + i * step, top), (b.left + (i + 1) * step, top)]
    pts.append((b.right, b.bottom))
    pygame.draw.lines(out, OUTLINE, False, pts, w)


def _airborne(out: pygame.Surface, b: pygame.Rect, w: int) -> None:
    _infantry(out, b, w)
    arc = pygame.Rect(
        b.left + b.width * 0.25, b.bottom - b.height * 0.45, b.width * 0.5, b.height * 0.6
    )
    pygame.draw.arc(out, OUTLINE, arc, 0, math.pi, w)


def _air(out: pygame.Surface, b: pygame.Rect, w: int) -> None:
    r = max(2, b.height // 4)
    pygame.draw.circle(out, OUTLINE, (b.centerx - r, b.centery), r, w)
    pygame.draw.circle(out, OUTLINE, (b.centerx + r, b.centery), r, w)


def _supply(out: pygame.Surface, b: pygame.Rect, w: int) -> None:
    y = b.bottom - b.height // 3
    pygame.draw.line(out, OUTLINE, (b.left, y), (b.right, y), w)


def _naval(out: pygame.Surface, b: pygame.Rect, w: int) -> None:
    top = (b.centerx, b.top + b.height * 0.15)
    pygame.draw.line(out, OUTLINE, top, (b.centerx, b.bottom - 1), w)
    arc = pygame.Rect(
        b.centerx - b.width * 0.25, b.centery - b.height * 0.2, b.width * 0.5, b.height * 0.6
    )
    pygame.draw.arc(out, OUTLINE, arc, math.pi, 2 * math.pi, w)


SYMBOLS: dict[str, Callable[[pygame.Surface, pygame.Rect, int], None]] = {
    "infantry": _infantry,
    "armour": _armour,
    "mechanized": _mechanized,
    "cavalry": _cavalry,
    "artillery": _artillery,
    "antitank": _antitank,
    "engineers": _engineers,
    "hq": _hq,
    "fortress": _fortress,
    "airborne": _airborne,
    "air": _air,
    "supply": _supply,
    "naval": _naval,
}


def _draw_markers(
    out: pygame.Surface, rect: pygame.Rect, hex_size: float, look: CounterLook
) -> None:
    """Out of supply (amber triangle, top left), entrenched (earthwork under the counter),
    moved (grey chevron, bottom left) and fought (red cross, bottom right)."""
    r = max(3, int(hex_size / 7))
    if look.out_of_supply:
        x, y = rect.left, rect.top
        tri = [(x, y - r), (x + r, y + r * 0.8), (x - r, y + r * 0.8)]
        pygame.draw.polygon(out, SUPPLY_MARK, tri)
        pygame.draw.polygon(out, OUTLINE, tri, 1)
    if look.entrenched:
        y = rect.bottom + max(3, r // 2 + 2)
        pygame.draw.line(out, DIG_MARK, (rect.left, y), (rect.right, y), max(2, r // 2))
        for i in range(1, 4):
            x = rect.left + rect.width * i // 4
            pygame.draw.circle(out, DIG_MARK, (x, y), max(2, r // 2))
    if look.moved:
        x, y = rect.left - r - 2, rect.bottom
        chevron = [(x, y - r), (x + r, y - r // 2), (x, y)]
        pygame.draw.polygon(out, HALO, chevron)
        pygame.draw.polygon(out, MOVED_MARK, chevron, 2)
    if look.fought:
        x, y = rect.right, rect.bottom
        pygame.draw.line(out, HALO, (x - r, y - r), (x + r, y + r), 4)
        pygame.draw.line(out, HALO, (x - r, y + r), (x + r, y - r), 4)
        pygame.draw.line(out, FOUGHT_MARK, (x - r, y - r), (x + r, y + r), 2)
        pygame.draw.line(out, FOUGHT_MARK, (x - r, y + r), (x + r, y - r), 2)


def _draw_badge(
    out: pygame.Surface, fonts: FontSource, rect: pygame.Rect, hex_size: float, count: int
) -> None:
    """How many units share the hex, in a dark disc at the top right."""
    font = fonts(max(MIN_TEXT, int(hex_size / 3.2)), True)
    img = font.render(str(count), True, HALO)
    radius = max(img.get_width(), img.get_height()) // 2 + 1
    centre = (rect.right + 1, rect.top + 1)
    pygame.draw.circle(out, HALO, centre, radius + 1)
    pygame.draw.circle(out, OUTLINE, centre, radius)
    out.blit(img, img.get_rect(center=centre))

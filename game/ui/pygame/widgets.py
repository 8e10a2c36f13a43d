"""Small drawing helpers the window's screens share: wrapped text, buttons, boxes."""

from __future__ import annotations

import pygame

from game.ui.pygame.palette import Colour
from game.ui.pygame.render import INK, PAPER, Fonts

BUTTON_FILL: Colour = (225, 215, 190)
BUTTON_OFF: Colour = (230, 228, 222)
BUTTON_HOT: Colour = (250, 236, 190)
MUTED_INK: Colour = (150, 145, 135)
SHADOW = (0, 0, 0, 140)


def wrap(font: pygame.font.Font, text: str, width: int, hang: bool = True) -> list[str]:
    """`text` in lines no wider than `width` pixels (a word longer than the width is cut into
    pieces that fit; an indent is kept, and lines carried over are indented two more)."""
    out: list[str] = []
    for paragraph in text.split("\n"):
        indent = " " * (len(paragraph) - len(paragraph.lstrip(" ")))
        line = indent
        for word in paragraph.split():
            trial = f"{line} {word}" if line.strip() else line + word
            if font.size(trial)[0] <= width or not width:
                line = trial
                continue
            if line.strip():
                out.append(line)
                line = indent + ("  " if hang else "")
            while width and font.size(line + word)[0] > width and len(word) > 1:
                room = max(1, len(word) * (width - font.size(line)[0]) // font.size(word)[0])
                out.append(line + word[:room])
                word = word[room:]
            line += word
        out.append(line)
    return out


def text_block(
    surf: pygame.Surface,
    fonts: Fonts,
    text: str,
    pos: tuple[int, int],
    size: int,
    width: int,
    colour: Colour = INK,
    bold: bool = False,
    hang: bool = True,
) -> int:
    """Draw wrapped text (lines carried over indented if `hang`); returns the y below it."""
    font = fonts.get(size, bold)
    x, y = pos
    for line in wrap(font, text, width, hang):
        surf.blit(font.render(line, True, colour), (x, y))
        y += font.get_linesize()
    return y


def button(
    surf: pygame.Surface,
    fonts: Fonts,
    label: str,
    rect: pygame.Rect,
    size: int,
    enabled: bool = True,
    active: bool = False,
) -> None:
    fill = BUTTON_HOT if active else (BUTTON_FILL if enabled else BUTTON_OFF)
    pygame.draw.rect(surf, fill, rect, border_radius=4)
    pygame.draw.rect(surf, INK if enabled else MUTED_INK, rect, 2 if active else 1, border_radius=4)
    font = fonts.get(size, True)
    img = font.render(label, True, INK if enabled else MUTED_INK)
    if img.get_width() > rect.width - 4:
        font = fonts.get(max(8, size * (rect.width - 4) // max(1, img.get_width())), True)
        img = font.render(label, True, INK if enabled else MUTED_INK)
    surf.blit(img, img.get_rect(center=rect.center))


def dialog(
    surf: pygame.Surface,
    fonts: Fonts,
    title: str,
    lines: list[str],
    size: int,
    footer: str = "",
) -> pygame.Rect:
    """A box in the middle of the window over a darkened screen; returns its rectangle."""
    w, h = surf.get_size()
    shade = pygame.Surface((w, h), pygame.SRCALPHA)
    shade.fill(SHADOW)
    surf.blit(shade, (0, 0))
    width = min(w - 40, size * 46)
    font = fonts.get(size)
    body = [ln for line in lines for ln in wrap(font, line, width - 2 * size)]
    height = min(h - 40, (len(body) + 4) * font.get_linesize() + 2 * size)
    box = pygame.Rect(0, 0, width, height)
    box.center = (w // 2, h // 2)
    pygame.draw.rect(surf, PAPER, box, border_radius=6)
    pygame.draw.rect(surf, INK, box, 2, border_radius=6)
    y = text_block(
        surf, fonts, title, (box.x + size, box.y + size // 2), size + 4, width - 2 * size, bold=True
    )
    for line in body:
        if y > box.bottom - 2 * font.get_linesize():
            break
        surf.blit(font.render(line, True, INK), (box.x + size, y))
        y += font.get_linesize()
    if footer:
        img = fonts.get(size, True).render(footer, True, MUTED_INK)
        surf.blit(img, img.get_rect(midbottom=(box.centerx, box.bottom - size // 2)))
    return box

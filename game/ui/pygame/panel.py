"""The side panel: who is to move, then tabs (Unit, Hex, Odds, Forces, Places) whose text
scrolls under the wheel, and the buttons. Sizes follow the window's Metrics."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.hexes import Coord
from game.rules import EndTurnCommand
from game.ui import describe
from game.ui.language import Parsed
from game.ui.pygame.render import INK, side_fill
from game.ui.pygame.widgets import button, text_block, wrap
from game.ui.requests import Help, ListUnits, ShowReport, Undo

if TYPE_CHECKING:
    from game.ui.pygame.game_screen import Window

BUTTONS: tuple[tuple[str, Parsed], ...] = (
    ("End turn", EndTurnCommand()),
    ("Undo", Undo()),
    ("Units", ListUnits()),
    ("Report", ShowReport()),
    ("Help", Help()),
)
ALWAYS_ENABLED = (ListUnits, Help, ShowReport)  # buttons that work whoever is to move
TABS = ("Unit", "Hex", "Odds", "Forces", "Places")
PANEL_BG = (246, 242, 230)
RULE = (180, 170, 150)
HINT_INK = (110, 100, 85)
HELP_TEXT = (
    "Click a unit, then a lit hex to move; click an enemy next to it for the odds, again to "
    "attack. Wheel: zoom (map), scroll (here). F2 zones of control, F3 coordinates, F4 legend, "
    "F5 reload the scenario, F6 minimap, F7 palette, F8 report, F9 UI scale, F11 full screen, "
    "Tab next tab."
)


class Panel:
    """The open tab, each tab's text from the last reply, and how far it is scrolled."""

    def __init__(self) -> None:
        self.tab = "Places"
        self.texts: dict[str, list[str]] = {}
        self.hex: Coord | None = None
        self.offset = 0  # lines scrolled
        self.rows = 0  # lines the last frame showed
        self.total = 0  # lines the open tab has
        self.tab_rects: list[tuple[str, pygame.Rect]] = []

    def key(self) -> tuple[object, ...]:
        return (
            self.tab,
            self.offset,
            self.hex,
            tuple(len(v) for v in self.texts.values()),
            id(self.texts.get(self.tab)),
        )

    def open(self, tab: str) -> None:
        if tab != self.tab:
            self.tab, self.offset = tab, 0

    def next_tab(self) -> None:
        self.open(TABS[(TABS.index(self.tab) + 1) % len(TABS)])

    def put(self, tab: str, lines: list[str]) -> None:
        self.texts[tab] = list(lines)
        self.open(tab)
        self.offset = 0

    def show_hex(self, c: Coord) -> None:
        self.hex = c
        self.open("Hex")
        self.offset = 0

    def scroll(self, lines: int) -> None:
        self.offset = max(0, min(max(0, self.total - self.rows), self.offset + lines))

    def lines(self, w: Window) -> list[str]:
        """The open tab's text, worked out from the state where it can be."""
        c = w.controller
        s = c.state
        if self.tab == "Unit":
            if not w.sel.units:
                return ["No unit selected: click one of yours on the map."]
            out: list[str] = []
            for uid in w.sel.units:
                out += describe.unit_lines(s, s.units[uid])
            return out
        if self.tab == "Hex":
            if self.hex is None:
                return ["Right-click a hex (or click an empty one) for its terrain and units."]
            return describe.hex_lines(s, self.hex, c.visible(), c.viewer)
        if self.tab == "Odds":
            return self.texts.get("Odds") or [
                "Select your units, then click an enemy next to them."
            ]
        if self.tab == "Forces":
            return describe.units_lines(s, c.viewer)
        return describe.overview_lines(s, c.viewer)

    def click(self, w: Window, pos: tuple[int, int]) -> bool:
        for tab, rect in self.tab_rects:
            if rect.collidepoint(pos):
                self.open(tab)
                return True
        return False

    def draw(self, surf: pygame.Surface, w: Window, panel: pygame.Rect) -> None:
        m = w.metrics
        s = w.controller.state
        pygame.draw.rect(surf, PANEL_BG, panel)
        pygame.draw.line(surf, INK, panel.topleft, panel.bottomleft, 2)
        pad = m.px(12)
        x, width = panel.x + pad, panel.width - 2 * pad
        y = text_block(
            surf, w.fonts, s.scenario.meta.title, (x, m.px(8)), m.font(16), width, bold=True
        )
        swatch = m.font(14)
        pygame.draw.rect(surf, side_fill(s, s.side, w.settings.palette), (x, y + 3, swatch, swatch))
        pygame.draw.rect(surf, INK, (x, y + 3, swatch, swatch), 1)
        who = "Game over" if s.game_over else f"{s.board.adjective[s.side]} to move"
        y = text_block(
            surf, w.fonts, who, (x + swatch + 6, y + 1), m.font(14), width - swatch - 6, bold=True
        )
        y = text_block(
            surf, w.fonts, describe.status_line(s), (x, y + 2), m.font(12), width
        ) + m.px(6)
        y = self._draw_tabs(surf, w, x, y, width)
        bottom = panel.bottom - self._buttons_height(w)
        self._draw_text(surf, w, pygame.Rect(x, y, width, bottom - y - m.px(6)))
        self._draw_buttons(surf, w, x, bottom, width)

    def _draw_tabs(self, surf: pygame.Surface, w: Window, x: int, y: int, width: int) -> int:
        m = w.metrics
        size = m.font(12)
        h = size + m.px(10)
        self.tab_rects = []
        tab_w = width // len(TABS)
        for i, tab in enumerate(TABS):
            rect = pygame.Rect(x + i * tab_w, y, tab_w - 2, h)
            button(surf, w.fonts, tab, rect, size, active=tab == self.tab)
            self.tab_rects.append((tab, rect))
        return y + h + m.px(6)

    def _draw_text(self, surf: pygame.Surface, w: Window, area: pygame.Rect) -> None:
        m = w.metrics
        font = w.fonts.get(m.font(12))
        lh = font.get_linesize()
        wrapped = [ln for line in self.lines(w) for ln in wrap(font, line, area.width - m.px(10))]
        self.total, self.rows = len(wrapped), max(1, area.height // lh)
        self.offset = max(0, min(self.offset, self.total - self.rows))
        y = area.y
        for line in wrapped[self.offset : self.offset + self.rows]:
            surf.blit(font.render(line, True, INK), (area.x, y))
            y += lh
        if self.total > self.rows:  # a scroll bar says there is more
            bar = pygame.Rect(area.right - m.px(5), area.y, m.px(5), area.height)
            pygame.draw.rect(surf, RULE, bar)
            share = self.rows / self.total
            thumb = pygame.Rect(
                bar.x,
                bar.y + int(bar.height * self.offset / self.total),
                bar.width,
                max(8, int(bar.height * share)),
            )
            pygame.draw.rect(surf, INK, thumb)

    def _buttons_height(self, w: Window) -> int:
        m = w.metrics
        font = w.fonts.get(m.font(10))
        rows = len(wrap(font, HELP_TEXT, w.panel_rect().width - 2 * m.px(12)))
        return m.font(13) + m.px(12) + rows * font.get_linesize() + m.px(14)

    def _draw_buttons(self, surf: pygame.Surface, w: Window, x: int, top: int, width: int) -> None:
        """The buttons (only those that work now are live), and the mouse help below them."""
        m = w.metrics
        size = m.font(13)
        h = size + m.px(12)
        w.buttons = []
        bw = (width - 3 * m.px(6)) // len(BUTTONS)
        for i, (label, action) in enumerate(BUTTONS):
            rect = pygame.Rect(x + i * (bw + m.px(6)), top, bw, h)
            enabled = w.controller.human_to_move() or isinstance(action, ALWAYS_ENABLED)
            button(surf, w.fonts, label, rect, size, enabled)
            if enabled:
                w.buttons.append((action, rect))
        text_block(surf, w.fonts, HELP_TEXT, (x, top + h + m.px(6)), m.font(10), width, HINT_INK)

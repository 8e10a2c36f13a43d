"""Painting the game screen: a frame is kept and shown again while nothing in it changes, the
panel and the log are kept as pictures of their own, and the map's overlays (fog, zones of
control, the front) are worked out once per position. The game screen (game_screen.Window)
owns what is shown; the Painter only draws it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from game.ui.language import Parsed
from game.ui.map_overlays import enemy_zoc, front_edges, sight_hexes
from game.ui.pygame.render import LayerMarks, MapMarks, draw_map
from game.ui.pygame.report_screen import draw_report
from game.ui.pygame.widgets import wrap

if TYPE_CHECKING:
    from game.ui.pygame.game_screen import Window

LOG_BG = (30, 32, 36)
PROMPT_BAR = (15, 16, 18)
PROMPT_INK = (255, 214, 120)
BLINK_MS = 500  # the prompt's cursor changes every half second


class Painter:
    """Draws one Window's frames, keeping what it can between them."""

    def __init__(self, window: Window) -> None:
        self.w = window
        self._parts: dict[str, tuple[tuple[object, ...], pygame.Surface]] = {}
        self._part_buttons: list[tuple[Parsed, pygame.Rect]] = []
        self._part_tabs: list[tuple[str, pygame.Rect]] = []
        self._frame: pygame.Surface | None = None
        self._shown_on: pygame.Surface | None = None  # the surface the last frame went to
        self._frame_key: tuple[object, ...] = ()
        self._overlay_key: tuple[object, ...] = ()
        self._overlays = LayerMarks()

    def _map_marks(self) -> MapMarks:
        s = self.w.controller.state
        viewer = self.w.controller.viewer
        fog_on = self.w.controller.game.options.fog and bool(self.w.controller.humans)
        key = (
            id(s),
            len(self.w.controller.game.commands),
            s.turn,
            s.side,
            viewer,
            fog_on,
            self.w.show_zoc,
            self.w.show_coords,
        )
        if key != self._overlay_key:
            self._overlay_key = key
            visible = self.w.controller.visible()
            seen = sight_hexes(s, viewer) if fog_on else None
            fog = (
                frozenset(s.board.coord[h] for h in s.board.hexes) - seen
                if seen is not None
                else frozenset()
            )
            self._overlays = LayerMarks(
                fog=fog,
                zoc=enemy_zoc(s, viewer) if self.w.show_zoc else frozenset(),
                coords=self.w.show_coords,
                front=front_edges(s, visible),
            )
        layer = LayerMarks(
            reach=frozenset(self.w.sel.reach) | frozenset(self.w.sel.trains),
            fog=self._overlays.fog,
            zoc=self._overlays.zoc,
            coords=self._overlays.coords,
            front=self._overlays.front,
        )
        return MapMarks(
            selected_hex=self.w.sel.hex,
            reachable=frozenset(self.w.sel.reach) | frozenset(self.w.sel.trains),
            targets=self.w.attack_targets() | ({self.w.sel.target} if self.w.sel.target else set()),
            path=self.w.hover_path,
            palette=self.w.settings.palette,
            layer=layer,
        )

    def frame_key(self) -> tuple[object, ...]:
        """Everything a frame shows: when it is unchanged the last frame is shown again."""
        w = self.w
        s = w.controller.state
        report = w.report_view
        return (
            w.size, w.layout, w.sel.units, w.sel.target, w.hover_path, w.command,
            len(w.log), w.log_scroll, id(w.controller.game), len(w.controller.game.commands),
            s.turn, s.side, w.panel.key(), w.hud.key(), w.show_zoc, w.show_coords,
            w.settings.palette, w.settings.ui_scale, w.mouse if w.sel.target else None,
            w.hover_tip, w.mouse if w.hover_tip else None,
            None if report is None else report.offset, id(report),
        )  # fmt: skip

    def draw(self, surf: pygame.Surface) -> list[pygame.Rect] | None:
        """Paint a frame: kept as it is when nothing changed. Returns the parts of `surf` that
        changed (None: all of it), so the loop shows only those: an idle window redraws just
        its blinking prompt."""
        key = self.frame_key()
        fresh = self._frame is None or self._frame.get_size() != surf.get_size()
        if fresh or key != self._frame_key or self._shown_on is not surf:
            if fresh:
                self._frame = pygame.Surface(surf.get_size())
            assert self._frame is not None
            if key != self._frame_key or fresh:
                self._frame_key = key
                self._paint(self._frame)
            surf.blit(self._frame, (0, 0))
            self._shown_on = surf
            if self.w.report_view is None:
                self._draw_prompt(surf)
            return None
        return [self._draw_prompt(surf)] if self.w.report_view is None else []

    def _paint(self, surf: pygame.Surface) -> None:
        s = self.w.controller.state
        if self.w.report_view is not None:
            draw_report(surf, self.w.fonts, self.w.report_view, self.w.metrics)
            return
        # No fill first: the map, the panel and the log cover the whole frame between them.
        map_rect = self.w.map_rect()
        if self.w.hud.hiding_map(self.w.controller):
            self.w.hud.draw_handover(surf, self.w, map_rect)
        else:
            surf.set_clip(map_rect)
            draw_map(
                surf, s, self.w.layout, self.w.fonts, self._map_marks(), self.w.controller.visible()
            )
            self.w.hud.draw_map_layer(surf, self.w, map_rect)
            surf.set_clip(None)
        self._part(surf, "panel", self.panel_key(), self.w.panel_rect(), self._draw_panel)
        self._part(
            surf, "log", (len(self.w.log), self.w.log_scroll), self.w.log_rect(), self._draw_log
        )
        self.w.hud.draw_top(surf, self.w)

    def panel_key(self) -> tuple[object, ...]:
        w = self.w
        s = w.controller.state
        return (
            w.panel.key(), tuple(w.sel.units), id(w.controller.game), s.turn, s.side,
            len(w.controller.game.commands), w.settings.palette,
        )  # fmt: skip

    def _part(
        self,
        surf: pygame.Surface,
        name: str,
        key: tuple[object, ...],
        rect: pygame.Rect,
        paint: Callable[[pygame.Surface, pygame.Rect], None],
    ) -> None:
        """A part of the window (panel, log) drawn again only when what it shows changed."""
        full_key = (key, rect.size, self.w.settings.ui_scale)
        kept = self._parts.get(name)
        if kept is None or kept[0] != full_key:
            picture = pygame.Surface(rect.size)
            paint(picture, picture.get_rect())
            kept = self._parts[name] = (full_key, picture)
        surf.blit(kept[1], rect)
        if name == "panel":  # the buttons were laid out on the picture: move them on screen
            self.w.buttons = [(a, r.move(rect.topleft)) for a, r in self._part_buttons]
            self.w.panel.tab_rects = [(t, r.move(rect.topleft)) for t, r in self._part_tabs]

    def _draw_panel(self, picture: pygame.Surface, rect: pygame.Rect) -> None:
        self.w.panel.draw(picture, self.w, rect)
        self._part_buttons = list(self.w.buttons)
        self._part_tabs = list(self.w.panel.tab_rects)

    def _draw_log(self, surf: pygame.Surface, rect: pygame.Rect) -> None:
        m = self.w.metrics
        pygame.draw.rect(surf, LOG_BG, rect)
        font = self.w.fonts.get(m.font(13))
        lh = font.get_linesize()
        bar_h = m.font(14) + m.px(12)
        rows = max(1, (rect.height - bar_h - 6) // lh)
        wrapped: list[tuple[str, tuple[int, int, int]]] = []
        end = len(self.w.log) - self.w.log_scroll
        for text, colour in self.w.log[max(0, end - rows) : end]:
            wrapped += [(line, colour) for line in wrap(font, text, rect.width - 20)]
        y = rect.top + 6
        for text, colour in wrapped[-rows:]:
            surf.blit(font.render(text, True, colour), (rect.x + 10, y))
            y += lh

    def _draw_prompt(self, surf: pygame.Surface) -> pygame.Rect:
        """The command line, drawn every frame (its cursor blinks); a long line shows its end."""
        m = self.w.metrics
        bar_h = m.font(14) + m.px(12)
        bar = pygame.Rect(0, self.w.size[1] - bar_h, self.w.size[0], bar_h)
        pygame.draw.rect(surf, PROMPT_BAR, bar)
        font = self.w.fonts.get(m.font(14), True)
        blink = (pygame.time.get_ticks() // BLINK_MS) % 2 == 0
        prompt = f"{self.w.controller.state.side}> "
        shown = self.w.command
        room = bar.width - 20 - font.size(prompt + "_")[0]
        while shown and font.size(shown)[0] > room:
            shown = shown[1:]
        img = font.render(prompt + shown + ("_" if blink else " "), True, PROMPT_INK)
        surf.blit(img, (10, bar.top + (bar_h - img.get_height()) // 2))
        return bar

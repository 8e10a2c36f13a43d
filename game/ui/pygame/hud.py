"""What the game screen draws over the map: the computer's moves played back (arrows, flashes,
results), the turn banner, event pop-ups, the hot-seat hand-over, the end of the game, the
minimap, the legend, the path cost and the odds tooltip."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pygame

from game.hexes import coord
from game.rules import GameEvent
from game.ui import describe
from game.ui.controller import Controller
from game.ui.map_contents import glyph_of
from game.ui.map_overlays import national_borders
from game.ui.pygame.palette import HALO, OUTLINE, hex_colour
from game.ui.pygame.render import (
    FRONT,
    FRONT_CORE,
    INK,
    PAPER,
    ROAD,
    ZOC,
    ZONE_EDGE,
    ZONE_LINE,
    draw_border,
    draw_crossing,
    draw_dashes,
    draw_rail,
    side_fill,
)
from game.ui.pygame.widgets import dialog

if TYPE_CHECKING:
    from game.ui.pygame.game_screen import Window

STEP_MS = 700  # how long one of the computer's actions shows at speed 1
SPEEDS = (0.5, 1.0, 2.0, 4.0)
BORDER_LEGEND = "national border"
BANNER_MS = 1800
PLAYED_KINDS = frozenset({"move", "combat", "bombard", "air", "arrival"})
ARROW: tuple[int, int, int] = (250, 250, 250)
FLASH: tuple[int, int, int] = (255, 120, 0)
MINIMAP_SHARE = 0.16  # of the map view's width
TIP_BG = (255, 250, 225)


@dataclass
class Playback:
    """The computer's actions being shown one at a time."""

    events: list[GameEvent] = field(default_factory=list)
    index: int = 0
    started: int = 0  # ticks when the current one began
    speed: float = 1.0

    def current(self) -> GameEvent | None:
        if self.index >= len(self.events):
            return None
        now = pygame.time.get_ticks()
        step = int(STEP_MS / self.speed)
        while self.index < len(self.events) and now - self.started >= step:
            self.index += 1
            self.started += step
        return self.events[self.index] if self.index < len(self.events) else None

    def skip(self) -> None:
        self.index = len(self.events)


class Hud:
    def __init__(self) -> None:
        self.playback = Playback()
        self.speed = 1.0
        self.banner = ""
        self.banner_until = 0
        self.popups: list[tuple[str, list[str]]] = []
        self.quitting = False  # the quit prompt is up
        self.handover = ""  # the side the screen waits to be handed to (hot-seat with fog)
        self.game_over_seen = False
        self.legend = False
        self.minimap_on = True
        self.minimap_rect = pygame.Rect(0, 0, 0, 0)
        self._minimap: tuple[tuple[object, ...], pygame.Surface] | None = None

    # --- what happens ----------------------------------------------------------------------

    def play(self, controller: Controller, events: list[GameEvent], mover: str) -> None:
        """Queue the computer's actions (those of sides no human holds) and scenario events."""
        humans = controller.humans
        shown = [e for e in events if e.kind in PLAYED_KINDS and e.side not in humans and e.hexes]
        self.playback = Playback(shown, 0, pygame.time.get_ticks(), self.speed)
        for e in events:
            if e.kind == "event":
                self.popups.append((describe.date_text(controller.state), [e.text]))

    def new_turn(self, controller: Controller) -> None:
        s = controller.state
        self.banner = f"Turn {s.turn}  -  {describe.date_text(s)}  -  {s.board.side_name[s.side]}"
        self.banner_until = pygame.time.get_ticks() + BANNER_MS
        if (
            len(controller.humans) > 1
            and controller.game.options.fog
            and s.side in controller.humans
        ):
            self.handover = s.side

    def busy(self) -> bool:
        return self.playback.current() is not None or pygame.time.get_ticks() < self.banner_until

    def modal(self) -> bool:
        """A pop-up waits for an answer (event pop-ups once the playback is over)."""
        waiting = bool(self.popups) and self.playback.current() is None
        return waiting or bool(self.handover or self.quitting)

    def key(self) -> tuple[object, ...]:
        self.playback.current()  # moves on to the action due now
        now = pygame.time.get_ticks()
        return (
            self.playback.index, len(self.playback.events), id(self.playback),
            now < self.banner_until, len(self.popups), self.handover, self.quitting,
            self.game_over_seen, self.legend, self.minimap_on,
        )  # fmt: skip

    def hiding_map(self, controller: Controller) -> bool:
        return bool(self.handover)

    # --- input -----------------------------------------------------------------------------

    def click(self, w: Window, pos: tuple[int, int]) -> bool:
        """A click that dismisses a pop-up or moves the view from the minimap."""
        if self._dismiss(w):
            return True
        if self.minimap_on and self.minimap_rect.collidepoint(pos):
            b = w.controller.state.board
            fx = (pos[0] - self.minimap_rect.x) / max(1, self.minimap_rect.width)
            fy = (pos[1] - self.minimap_rect.y) / max(1, self.minimap_rect.height)
            col, row = min(b.width - 1, int(fx * b.width)), min(b.height - 1, int(fy * b.height))
            w.centre_on(coord(col, row))
            return True
        return False

    def key_event(self, w: Window, k: int) -> bool:
        if self.quitting:
            if k in (pygame.K_y, pygame.K_q):
                w.running = False
            elif k in (pygame.K_s,):
                w.quitting_save()
            self.quitting = False
            return True
        if self.modal() or (w.controller.state.game_over and not self.game_over_seen):
            if k in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_ESCAPE, pygame.K_SPACE):
                self._dismiss(w, to_report=k in (pygame.K_RETURN, pygame.K_KP_ENTER))
            return True
        if self.playback.current() is not None:
            if k in (pygame.K_SPACE, pygame.K_ESCAPE):
                self.playback.skip()
                return True
            if k in (
                pygame.K_PLUS,
                pygame.K_EQUALS,
                pygame.K_KP_PLUS,
                pygame.K_MINUS,
                pygame.K_KP_MINUS,
            ):
                up = k in (pygame.K_PLUS, pygame.K_EQUALS, pygame.K_KP_PLUS)
                i = SPEEDS.index(self.speed) if self.speed in SPEEDS else 1
                self.speed = SPEEDS[max(0, min(len(SPEEDS) - 1, i + (1 if up else -1)))]
                self.playback.speed = self.speed
                return True
        return False

    def _dismiss(self, w: Window, to_report: bool = False) -> bool:
        if self.quitting:
            self.quitting = False
            return True
        if self.handover:
            self.handover = ""
            return True
        if self.popups and self.playback.current() is None:
            self.popups.pop(0)
            return True
        if w.controller.state.game_over and not self.game_over_seen:
            self.game_over_seen = True
            if to_report:
                w.open_report()
            return True
        return False

    # --- drawing ---------------------------------------------------------------------------

    def draw_map_layer(self, surf: pygame.Surface, w: Window, view: pygame.Rect) -> None:
        """Over the map: the playback, the path's cost, the odds tooltip, minimap, legend."""
        self._draw_playback(surf, w)
        m = w.metrics
        if w.hover_path:
            end = w.layout.centre(w.hover_path[-1])
            self._tip(
                surf,
                w,
                "by train" if w.hover in w.sel.trains else f"{w.hover_cost:.1f} MP",
                (int(end[0]), int(end[1] - w.layout.size)),
                m.font(12),
            )
        if w.hover_tip and w.hover is not None:
            x, y = w.layout.centre(w.hover)
            at = (int(x), int(y - w.layout.size * 1.1))
            self._tip(surf, w, w.hover_tip + "  (click for the odds)", at, m.font(13))
        if w.sel.target is not None and w.sel.odds_tip:
            x, y = w.layout.centre(w.sel.target)
            self._tip(
                surf,
                w,
                w.sel.odds_tip + "  (click again to attack)",
                (int(x), int(y - w.layout.size * 1.1)),
                m.font(13),
            )
        if self.minimap_on:
            self._draw_minimap(surf, w, view)
        if self.legend:
            draw_legend(surf, w, view)

    def _tip(
        self, surf: pygame.Surface, w: Window, text: str, at: tuple[int, int], size: int
    ) -> None:
        font = w.fonts.get(size, True)
        img = font.render(text, True, INK)
        rect = img.get_rect(midbottom=at).inflate(10, 6)
        rect.clamp_ip(surf.get_clip())
        pygame.draw.rect(surf, TIP_BG, rect, border_radius=4)
        pygame.draw.rect(surf, INK, rect, 1, border_radius=4)
        surf.blit(img, img.get_rect(center=rect.center))

    def _draw_playback(self, surf: pygame.Surface, w: Window) -> None:
        e = self.playback.current()
        if e is None:
            return
        layout = w.layout
        pts = [layout.centre(c) for c in e.hexes]
        width = max(3, int(layout.size / 5))
        if e.kind == "move" and len(pts) > 1:
            pygame.draw.lines(surf, OUTLINE, False, pts, width + 4)
            pygame.draw.lines(surf, ARROW, False, pts, width)
            _arrow_head(surf, pts[-2], pts[-1], width * 2)
        else:
            for p in pts[-1:]:
                pygame.draw.circle(
                    surf, FLASH, (int(p[0]), int(p[1])), int(layout.size * 0.9), width
                )
        m = w.metrics
        caption = f"{e.text}   [Space: skip, +/-: speed x{self.playback.speed:g}]"
        view = w.map_rect()
        font = w.fonts.get(m.font(13), True)
        from game.ui.pygame.widgets import wrap

        lines = wrap(font, caption, view.width - 40)[:3]
        box = pygame.Rect(
            view.x + 10, view.y + 10, view.width - 20, len(lines) * font.get_linesize() + 10
        )
        pygame.draw.rect(surf, PAPER, box, border_radius=4)
        pygame.draw.rect(surf, INK, box, 1, border_radius=4)
        for i, line in enumerate(lines):
            surf.blit(
                font.render(line, True, INK), (box.x + 6, box.y + 5 + i * font.get_linesize())
            )

    def _draw_minimap(self, surf: pygame.Surface, w: Window, view: pygame.Rect) -> None:
        """The whole map in miniature with the units on it (kept until the game changes) and
        the view's rectangle (drawn each frame)."""
        s = w.controller.state
        b = s.board
        width = max(60, int(view.width * MINIMAP_SHARE))
        cell = max(1.0, width / (b.width + 0.5))
        height = int(cell * (b.height + 0.5))
        game = w.controller.game
        key = (id(b), width, height, id(s), len(game.commands), s.turn, s.side, w.settings.palette)
        if self._minimap is None or self._minimap[0] != key:
            self._minimap = (key, self._minimap_picture(w, width, height, cell))
        rect = pygame.Rect(view.x + 8, view.bottom - height - 8, width, height)
        self.minimap_rect = rect
        pygame.draw.rect(surf, HALO, rect.inflate(6, 6))
        surf.blit(self._minimap[1], rect)
        top_left = w.layout.at_pixel(view.x, view.y)
        bottom_right = w.layout.at_pixel(view.right, view.bottom)
        frame = pygame.Rect(
            rect.x + int(cell * top_left[0]), rect.y + int(cell * top_left[1]),
            int(cell * (bottom_right[0] - top_left[0])),
            int(cell * (bottom_right[1] - top_left[1])),
        )  # fmt: skip
        pygame.draw.rect(surf, OUTLINE, frame.clip(rect), 2)
        pygame.draw.rect(surf, OUTLINE, rect, 1)

    def _minimap_picture(self, w: Window, width: int, height: int, cell: float) -> pygame.Surface:
        s = w.controller.state
        b = s.board
        pic = pygame.Surface((width, height))
        pic.fill(PAPER)
        size = int(cell + 1)
        for h in b.hexes:
            c = b.coord[h]
            x = int(cell * (c[0] + 0.5 * (c[1] & 1)))
            pic.fill(hex_colour(b.terrain[h].colour), (x, int(cell * c[1]), size, size))
        seen = w.controller.visible()
        dot = max(2, int(cell))
        for u in s.units.values():
            if u.active and u.coord and (seen is None or u.id in seen):
                c = u.coord
                x, y = int(cell * (c[0] + 0.5 * (c[1] & 1))), int(cell * c[1])
                pic.fill(side_fill(s, u.side, w.settings.palette), (x, y, dot, dot))
        return pic

    def draw_top(self, surf: pygame.Surface, w: Window) -> None:
        """Over everything: the banner, a pop-up, the end of the game."""
        m = w.metrics
        if self.playback.current() is not None:  # the banner waits for the playback to end
            self.banner_until = max(self.banner_until, pygame.time.get_ticks() + BANNER_MS)
        elif pygame.time.get_ticks() < self.banner_until and not self.handover:
            font = w.fonts.get(m.font(20), True)
            img = font.render(self.banner, True, INK)
            view = w.map_rect()
            rect = img.get_rect(midtop=(view.centerx, view.y + m.px(40))).inflate(
                m.px(30), m.px(14)
            )
            pygame.draw.rect(surf, PAPER, rect, border_radius=6)
            pygame.draw.rect(surf, INK, rect, 2, border_radius=6)
            surf.blit(img, img.get_rect(center=rect.center))
        if self.quitting:
            dialog(surf, w.fonts, "Leave the game?", ["Moves since the last save will be lost.",
                   "Y: leave without saving.  S: save as 'on-leaving' and leave.  Esc: stay."],
                   m.font(14))  # fmt: skip
        elif self.popups and not self.handover and self.playback.current() is None:
            title, lines = self.popups[0]
            dialog(surf, w.fonts, title, lines, m.font(14), "Enter or click to continue")
        elif w.controller.state.game_over and not self.game_over_seen and not self.handover:
            lines = w.controller.result_lines()
            footer = "Enter: the after-action report   Esc: look at the map"
            dialog(surf, w.fonts, "The end of the game", lines, m.font(14), footer)

    def draw_handover(self, surf: pygame.Surface, w: Window, view: pygame.Rect) -> None:
        surf.fill(OUTLINE, view)
        s = w.controller.state
        m = w.metrics
        dialog(surf, w.fonts, f"Hand over to {s.board.side_name[self.handover]}",
               [f"Turn {s.turn}, {describe.date_text(s)}.", "The other player should look away."],
               m.font(15), "Click or press Enter when ready")  # fmt: skip


def _arrow_head(
    surf: pygame.Surface, a: tuple[float, float], b: tuple[float, float], size: int
) -> None:
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = max(1.0, (dx * dx + dy * dy) ** 0.5)
    ux, uy = dx / length, dy / length
    left = (b[0] - ux * size - uy * size * 0.6, b[1] - uy * size + ux * size * 0.6)
    right = (b[0] - ux * size + uy * size * 0.6, b[1] - uy * size - ux * size * 0.6)
    pygame.draw.polygon(surf, ARROW, [b, left, right])
    pygame.draw.polygon(surf, OUTLINE, [b, left, right], 1)


def draw_legend(surf: pygame.Surface, w: Window, view: pygame.Rect) -> None:
    """What the map's colours, glyphs and lines mean, in a box at the top right of the map."""
    s = w.controller.state
    m = w.metrics
    font = w.fonts.get(m.font(12))
    lh = font.get_linesize()
    used = sorted({s.board.terrain_id[h] for h in s.board.hexes})
    zones = [z.name for z in s.scenario.zones if z.restricted_for]
    others = [z.name for z in s.scenario.zones if not z.restricted_for]
    lines = ["road", "track", "railway", "bridge", "pontoon bridge", "ford", "front line"]
    lines += ["enemy zone of control (F2)"] + [f"restricted: {name}" for name in zones]
    lines += [f"zone: {name}" for name in others]
    if national_borders(s.board).edges:
        lines.append(BORDER_LEGEND)
    rows = len(used) + len(lines) + 1
    names = lines + [s.scenario.terrain[t].name for t in used]
    sw = lh - 4
    width = min(view.width - 20, max(font.size(t)[0] for t in names) + 2 * sw + 28)
    box = pygame.Rect(view.right - width - 10, view.y + 10, width, rows * lh + 12)
    pygame.draw.rect(surf, PAPER, box, border_radius=4)
    pygame.draw.rect(surf, INK, box, 1, border_radius=4)
    y = box.y + 6
    surf.blit(w.fonts.get(m.font(12), True).render("Legend (F4)", True, INK), (box.x + 8, y))
    y += lh
    for tid in used:
        t = s.scenario.terrain[tid]
        pygame.draw.rect(surf, hex_colour(t.colour), (box.x + 8, y + 2, sw * 2, sw))
        surf.blit(font.render(glyph_of(s, tid), True, INK), (box.x + 10, y))
        surf.blit(font.render(t.name, True, INK), (box.x + 16 + sw * 2, y))
        y += lh
    for text in lines:
        a, b = (box.x + 8, y + lh // 2), (box.x + 8 + sw * 2, y + lh // 2)
        _legend_sample(surf, text, a, b, lh)
        surf.blit(font.render(text, True, INK), (box.x + 16 + sw * 2, y))
        y += lh


def _legend_sample(
    surf: pygame.Surface, text: str, a: tuple[int, int], b: tuple[int, int], lh: int
) -> None:
    """The map's own mark for a line of the legend, drawn by the map's own code."""
    mid = ((a[0] + b[0]) / 2, float(a[1]))
    if text == "road":
        pygame.draw.line(surf, ROAD, a, b, 3)
    elif text == "track":
        draw_dashes(surf, ROAD, a, b, 2, 4)
    elif text == "railway":
        draw_rail(surf, a, b, lh * 1.2)
    elif text in ("bridge", "pontoon bridge", "ford"):
        kind = {"bridge": "bridge", "pontoon bridge": "pontoon", "ford": "ford"}[text]
        draw_crossing(surf, kind, mid, lh * 0.9)
    elif text == "front line":
        pygame.draw.line(surf, FRONT, a, b, 5)
        pygame.draw.line(surf, FRONT_CORE, a, b, 1)
    elif text.startswith("enemy zone"):
        pygame.draw.rect(surf, ZOC, (a[0], a[1] - lh // 3, b[0] - a[0], 2 * lh // 3), 1)
    elif text.startswith("zone: "):
        draw_dashes(surf, ZONE_LINE, a, b, 3, 4)
    elif text == BORDER_LEGEND:  # one hex edge of it: dot, dash, dot
        draw_border(surf, a, b, lh * 1.6, ribbon_only=True)
        draw_border(surf, a, b, lh * 1.6)
    else:
        pygame.draw.line(surf, ZONE_EDGE, a, b, 3)

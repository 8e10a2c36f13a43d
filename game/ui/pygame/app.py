"""The pygame window: the hex map, a side panel, the dispatch log and a command line.

The mouse builds the same commands the player can type: clicking a unit and then a hex makes a
MoveCommand, clicking an enemy next to the selected units asks for the Odds, and clicking it
again makes the AttackCommand. Every command and every typed line goes through the shared
Controller, so the window, the terminal, scripts and the AI all play by exactly the same rules;
the log echoes each in its canonical text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pygame

from game.hexes import Coord, Hex, coord
from game.rules import AttackCommand, EndTurnCommand, MoveCommand, reachable
from game.ui import describe
from game.ui.controller import Controller, Reply
from game.ui.language import Parsed, format_command
from game.ui.options import PlayOptions
from game.ui.pygame.layout import HexLayout, fit_layout
from game.ui.pygame.render import INK, PAPER, Fonts, MapMarks, draw_map, hex_colour
from game.ui.requests import Help, ListUnits, Odds, Undo

PANEL_W = 400
LOG_H = 190
MIN_HEX = 22.0  # pixels, centre to corner: counters stay readable
MAX_HEX = 44.0
PANEL_BG = (246, 242, 230)
LOG_BG = (30, 32, 36)
LOG_INK = (225, 222, 210)
PROMPT_INK = (255, 214, 120)
ERROR_INK = (255, 140, 120)
BLINK_MS = 500  # the prompt's cursor changes every half second
MAX_FPS = 30  # frames a second at most, while events keep coming
# Video drivers on which SDL sleeps until an event comes; on others (the dummy driver) the window
# looks for events every POLL_MS milliseconds when idle.
WAITING_DRIVERS = frozenset({"x11", "wayland", "windows", "cocoa"})
POLL_MS = 15
BUTTONS: tuple[tuple[str, Parsed], ...] = (
    ("End turn", EndTurnCommand()),
    ("Undo", Undo()),
    ("Units", ListUnits()),
    ("Help", Help()),
)
ALWAYS_ENABLED = (ListUnits, Help)  # buttons that work whoever is to move


class NoWindow(Exception):
    """The display cannot open a window; the caller may play in the terminal instead."""


@dataclass
class Selection:
    units: list[str] = field(default_factory=list)  # own units picked (first one moves)
    hex: Coord | None = None
    reach: dict[Coord, float] = field(default_factory=dict)
    target: Coord | None = None  # enemy hex with odds on show


class Window:
    """One game in a window; `handle` takes pygame events, `draw` paints a frame."""

    def __init__(self, controller: Controller, size: tuple[int, int] = (1280, 800)) -> None:
        self.controller = controller
        self.fonts = Fonts()
        self.size = size
        self.hex_size = 0.0
        self.pan = (0.0, 0.0)
        self.drag_from: tuple[int, int] | None = None
        self.dragged = False
        self.layout = self._fit()
        self.sel = Selection()
        self.command = ""
        self.history: list[str] = []
        self.history_pos = 0
        self.log: list[tuple[str, tuple[int, int, int]]] = []
        self.log_scroll = 0
        self.panel_extra: list[str] = []  # odds, info or help shown in the panel
        self.buttons: list[tuple[Parsed, pygame.Rect]] = []  # what each button does, and where
        self.running = True
        own = [
            u.coord
            for u in controller.state.units.values()
            if u.active and u.coord and u.side == controller.viewer
        ]
        if own:
            middle = coord(sum(c[0] for c in own) // len(own), sum(c[1] for c in own) // len(own))
            self.centre_on(middle)
        for line in controller.dispatch_lines(controller.state.log):
            self.add_log(line)

    # --- geometry --------------------------------------------------------------------------

    def _fit(self) -> HexLayout:
        """Hexes big enough to read (at least MIN_HEX pixels); the map pans when it overflows."""
        b = self.controller.state.board
        w, h = self.size
        fitted = fit_layout(b.width, b.height, w - PANEL_W, h - LOG_H)
        if not self.hex_size:
            self.hex_size = min(MAX_HEX, max(MIN_HEX, fitted.size))
        base = HexLayout(self.hex_size, (8 + self.hex_size, 8 + self.hex_size))
        mw, mh = base.map_size(b.width, b.height)
        view = self.map_rect()
        # Keep at least a quarter of the view filled with map whichever way it is dragged.
        px = min(view.width / 4, max(view.width * 3 / 4 - mw, self.pan[0]))
        py = min(view.height / 4, max(view.height * 3 / 4 - mh, self.pan[1]))
        self.pan = (px, py)
        return HexLayout(self.hex_size, (base.origin[0] + px, base.origin[1] + py))

    def zoom(self, steps: int, about: tuple[int, int]) -> None:
        """Zoom the map by mouse-wheel steps, keeping the hex under the cursor in place."""
        old = self.hex_size
        new = min(80.0, max(8.0, old * (1.15**steps)))
        if new == old:
            return
        ox, oy = self.layout.origin
        f = new / old
        self.hex_size = new
        # The origin moves so that the point under the cursor stays put.
        nx, ny = about[0] - (about[0] - ox) * f, about[1] - (about[1] - oy) * f
        self.pan = (nx - (8 + new), ny - (8 + new))
        self.layout = self._fit()

    def map_rect(self) -> pygame.Rect:
        return pygame.Rect(0, 0, self.size[0] - PANEL_W, self.size[1] - LOG_H)

    def resize(self, size: tuple[int, int]) -> None:
        self.size = (max(800, size[0]), max(560, size[1]))
        self.layout = self._fit()

    def centre_on(self, c: Coord) -> None:
        """Pan so that hex `c` sits in the middle of the map view."""
        view = self.map_rect()
        x, y = self.layout.centre(c)
        self.pan = (self.pan[0] + view.centerx - x, self.pan[1] + view.centery - y)
        self.layout = self._fit()

    # --- input -----------------------------------------------------------------------------

    def add_log(self, line: str, colour: tuple[int, int, int] = LOG_INK) -> None:
        self.log.append((line, colour))
        self.log_scroll = 0

    def run_line(self, line: str) -> Reply:
        """Run a typed command line, and show the reply."""
        self.add_log(f"> {line}", PROMPT_INK)
        return self.show(self.controller.handle(line))

    def run(self, parsed: Parsed) -> Reply:
        """Carry out a command built from clicks, echoed in the log as it would be typed."""
        self.add_log(f"> {format_command(parsed)}", PROMPT_INK)
        return self.show(self.controller.perform(parsed))

    def show(self, reply: Reply) -> Reply:
        """Put a reply in the log or the panel."""
        colour = LOG_INK if reply.ok else ERROR_INK
        if reply.events or not reply.ok:
            for text in reply.lines:
                self.add_log(text, colour)
            self.panel_extra = [] if reply.ok else list(reply.lines)
        else:
            self.panel_extra = list(reply.lines)
        if reply.quit:
            self.running = False
        if reply.new_position:
            self.add_log(describe.status_line(self.controller.state), PROMPT_INK)
        self.refresh_selection()
        return reply

    def refresh_selection(self) -> None:
        s = self.controller.state
        self.sel.units = [u for u in self.sel.units if s.units[u].active]
        if not self.sel.units:
            self.sel = Selection()
            return
        first = s.units[self.sel.units[0]]
        self.sel.hex = first.coord
        human = s.side in self.controller.humans and first.side == s.side
        self.sel.reach = reachable(s, first.id) if human else {}

    def click(self, pos: tuple[int, int], button: int, shift: bool) -> None:
        for action, rect in self.buttons:
            if rect.collidepoint(pos):
                self.run(action)
                return
        if not self.map_rect().collidepoint(pos):
            return
        c = self.layout.at_pixel(*pos)
        s = self.controller.state
        h = Hex.from_offset(*c)
        if h not in s.board.coord:
            return
        seen = self.controller.visible()
        here = [
            u
            for u in s.units.values()
            if u.active and u.pos == h and (seen is None or u.id in seen)
        ]
        mine = [u for u in here if u.side == self.controller.viewer]
        enemy = [u for u in here if u.side != self.controller.viewer]
        if button == 3:
            self.sel = Selection()
            self.panel_extra = describe.hex_lines(s, c, seen, self.controller.viewer)
            return
        if enemy and self.sel.units:
            attack = AttackCommand(target=c, units=tuple(self.sel.units))
            if self.sel.target == c:
                self.run(attack)
                self.sel.target = None
            else:
                reply = self.run(Odds(attack))
                self.sel.target = c if reply.ok else None
            return
        if mine:
            ids = [u.id for u in mine]
            if shift and self.sel.units:
                for uid in ids:
                    if uid not in self.sel.units:
                        self.sel.units.append(uid)
            elif self.sel.units and self.sel.units[0] in ids and len(ids) > 1:
                # Clicking a stack again picks the next unit in it.
                i = ids.index(self.sel.units[0])
                self.sel.units = [ids[(i + 1) % len(ids)]]
            else:
                self.sel.units = [ids[0]]
            self.sel.target = None
            self.refresh_selection()
            self.panel_extra = describe.unit_lines(s, s.units[self.sel.units[0]])
            return
        if self.sel.units and c in self.sel.reach and c != self.sel.hex:
            self.run(MoveCommand(unit=self.sel.units[0], to=c))
            return
        self.sel = Selection()
        self.panel_extra = describe.hex_lines(s, c, seen, self.controller.viewer)

    def key(self, event: pygame.event.Event) -> None:
        if event.key == pygame.K_RETURN or event.key == pygame.K_KP_ENTER:
            line = self.command.strip()
            self.command = ""
            if line:
                self.history.append(line)
                self.history_pos = len(self.history)
                self.run_line(line)
        elif event.key == pygame.K_BACKSPACE:
            self.command = self.command[:-1]
        elif event.key == pygame.K_ESCAPE:
            if self.command:
                self.command = ""
            else:
                self.sel = Selection()
                self.panel_extra = []
        elif event.key == pygame.K_UP and self.history:
            self.history_pos = max(0, self.history_pos - 1)
            self.command = self.history[self.history_pos]
        elif event.key == pygame.K_DOWN and self.history:
            self.history_pos = min(len(self.history), self.history_pos + 1)
            self.command = (
                self.history[self.history_pos] if self.history_pos < len(self.history) else ""
            )
        elif event.key == pygame.K_PAGEUP:
            self.log_scroll = min(max(0, len(self.log) - 3), self.log_scroll + 5)
        elif event.key == pygame.K_PAGEDOWN:
            self.log_scroll = max(0, self.log_scroll - 5)
        elif event.key == pygame.K_F1:
            self.run(Help())

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.QUIT:
            self.running = False
        elif event.type == pygame.VIDEORESIZE:
            self.resize((event.w, event.h))
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            self.drag_from, self.dragged = event.pos, False
        elif event.type == pygame.MOUSEMOTION and self.drag_from is not None:
            dx, dy = event.pos[0] - self.drag_from[0], event.pos[1] - self.drag_from[1]
            if self.dragged or abs(dx) + abs(dy) > 6:
                self.dragged = True
                self.pan = (self.pan[0] + dx, self.pan[1] + dy)
                self.drag_from = event.pos
                self.layout = self._fit()
        elif event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            if not self.dragged:
                shift = bool(pygame.key.get_mods() & pygame.KMOD_SHIFT)
                self.click(event.pos, 1, shift)
            self.drag_from, self.dragged = None, False
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 3:
            self.click(event.pos, 3, False)
        elif event.type == pygame.MOUSEWHEEL:
            mouse = pygame.mouse.get_pos()
            if self.map_rect().collidepoint(mouse):
                self.zoom(event.y, mouse)
            else:
                self.log_scroll = max(0, min(len(self.log) - 3, self.log_scroll + event.y))
        elif event.type == pygame.KEYDOWN:
            self.key(event)
        elif event.type == pygame.TEXTINPUT:
            self.command += event.text

    # --- drawing ---------------------------------------------------------------------------

    def draw(self, surf: pygame.Surface) -> None:
        s = self.controller.state
        surf.fill(PAPER)
        map_rect = self.map_rect()
        surf.set_clip(map_rect)
        marks = MapMarks(
            selected_hex=self.sel.hex,
            reachable=frozenset(self.sel.reach),
            targets=frozenset([self.sel.target]) if self.sel.target else frozenset(),
        )
        draw_map(surf, s, self.layout, self.fonts, marks, self.controller.visible())
        surf.set_clip(None)
        self._draw_panel(surf)
        self._draw_log(surf)

    def _text(
        self,
        surf: pygame.Surface,
        text: str,
        pos: tuple[int, int],
        colour: tuple[int, int, int] = INK,
        size: int = 14,
        bold: bool = False,
        width: int = 0,
    ) -> int:
        """Draw text wrapped to `width` pixels; returns the y below it."""
        font = self.fonts.get(size, bold)
        x, y = pos
        indent = " " * (len(text) - len(text.lstrip(" ")))
        line = indent
        lines = []
        for w in text.split():
            trial = f"{line} {w}" if line.strip() else line + w
            if width and font.size(trial)[0] > width and line.strip():
                lines.append(line)
                line = indent + "  " + w
            else:
                line = trial
        lines.append(line)
        for ln in lines:
            surf.blit(font.render(ln, True, colour), (x, y))
            y += font.get_linesize()
        return y

    def _draw_panel(self, surf: pygame.Surface) -> None:
        s = self.controller.state
        b = s.board
        x0 = self.size[0] - PANEL_W
        panel = pygame.Rect(x0, 0, PANEL_W, self.size[1] - LOG_H)
        pygame.draw.rect(surf, PANEL_BG, panel)
        pygame.draw.line(surf, INK, panel.topleft, panel.bottomleft, 2)
        x, w = x0 + 12, PANEL_W - 24
        y = self._text(surf, s.scenario.meta.title, (x, 10), size=16, bold=True, width=w)
        side_colour = hex_colour(next(d.colour for d in s.scenario.sides if d.id == s.side))
        pygame.draw.rect(surf, side_colour, (x, y + 4, 14, 14))
        y = self._text(
            surf,
            f"{b.side_name[s.side]} to move",
            (x + 20, y + 2),
            size=14,
            bold=True,
            width=w - 20,
        )
        y = self._text(surf, describe.status_line(s), (x, y + 2), size=12, width=w) + 6
        if s.game_over:
            for line in self.controller.result_lines():
                y = self._text(surf, line, (x, y), size=13, bold=True, width=w)
            y += 6
        pygame.draw.line(surf, (180, 170, 150), (x, y), (x + w, y), 1)
        y += 6
        if self.sel.units:
            names = [s.units[u].name for u in self.sel.units]
            y = self._text(
                surf, "Selected: " + ", ".join(names), (x, y), size=13, bold=True, width=w
            )
        extra = self.panel_extra or (
            [] if self.sel.units else describe.overview_lines(s, self.controller.viewer)
        )
        for line in extra[:40]:
            y = self._text(surf, line, (x, y), size=12, width=w)
            if y > panel.bottom - 60:
                break
        self._draw_buttons(surf, x, panel.bottom)

    def _draw_buttons(self, surf: pygame.Surface, x: int, bottom: int) -> None:
        """The buttons along the bottom of the panel (only those that work now are live), and
        the mouse help below them."""
        self.buttons = []
        bx = x
        for label, action in BUTTONS:
            font = self.fonts.get(13, bold=True)
            w_btn = font.size(label)[0] + 18
            rect = pygame.Rect(bx, bottom - 90, w_btn, 26)
            enabled = self.controller.human_to_move() or isinstance(action, ALWAYS_ENABLED)
            pygame.draw.rect(
                surf, (225, 215, 190) if enabled else (230, 228, 222), rect, border_radius=4
            )
            pygame.draw.rect(surf, INK if enabled else (170, 165, 155), rect, 1, border_radius=4)
            img = font.render(label, True, INK if enabled else (150, 145, 135))
            surf.blit(img, img.get_rect(center=rect.center))
            if enabled:
                self.buttons.append((action, rect))
            bx = rect.right + 8
        help_y = bottom - 54
        for line in (
            "Click a unit, then a lit hex to move; click an enemy",
            "next to it for the odds, again to attack (shift-click",
            "adds units). Right-click: hex details. Type commands",
            "below; 'help' lists them, 'end' ends the turn.",
        ):
            help_y = self._text(surf, line, (x, help_y), colour=(110, 100, 85), size=11)

    def _draw_log(self, surf: pygame.Surface) -> None:
        rect = pygame.Rect(0, self.size[1] - LOG_H, self.size[0], LOG_H)
        pygame.draw.rect(surf, LOG_BG, rect)
        font = self.fonts.get(13)
        lh = font.get_linesize()
        rows = (LOG_H - 34) // lh
        chars = max(40, (self.size[0] - 20) // max(1, font.size("M")[0]))
        wrapped: list[tuple[str, tuple[int, int, int]]] = []
        end = len(self.log) - self.log_scroll
        for text, colour in self.log[max(0, end - rows) : end]:
            indent = ""
            while len(indent) + len(text) > chars:
                room = chars - len(indent)
                cut = text.rfind(" ", 0, room)
                cut = cut if cut > room // 2 else room
                wrapped.append((indent + text[:cut], colour))
                text, indent = text[cut:].lstrip(), " " * 18
            wrapped.append((indent + text, colour))
        y = rect.top + 6
        for text, colour in wrapped[-rows:]:
            surf.blit(font.render(text, True, colour), (10, y))
            y += lh
        bar = pygame.Rect(0, self.size[1] - 26, self.size[0], 26)
        pygame.draw.rect(surf, (15, 16, 18), bar)
        prompt = f"{self.controller.state.side}> {self.command}"
        blink = (pygame.time.get_ticks() // BLINK_MS) % 2 == 0
        surf.blit(
            self.fonts.get(14, bold=True).render(
                prompt + ("_" if blink else " "), True, PROMPT_INK
            ),
            (10, bar.top + 4),
        )


def _wait_for_events() -> list[pygame.event.Event]:
    """The events that came first, or none when the cursor's next blink is due."""
    due = BLINK_MS - pygame.time.get_ticks() % BLINK_MS
    if pygame.display.get_driver() in WAITING_DRIVERS:
        event = pygame.event.wait(due)
        return [] if event.type == pygame.NOEVENT else [event]
    # SDL would look for events every millisecond here; looking less often costs less.
    until = pygame.time.get_ticks() + due
    while pygame.time.get_ticks() < until:
        events = pygame.event.get()
        if events:
            return events
        pygame.time.wait(POLL_MS)
    return []


def main(controller: Controller, options: PlayOptions) -> int:
    """Open the window and play; returns the exit code (NoWindow if none can open)."""
    scenario = controller.scenario
    pygame.display.init()
    pygame.font.init()
    try:
        screen = pygame.display.set_mode((1280, 800), pygame.RESIZABLE)
    except pygame.error as exc:
        pygame.quit()
        raise NoWindow(str(exc)) from None
    pygame.display.set_caption(f"Two Augusts - {scenario.meta.title}")
    pygame.key.set_repeat(400, 40)
    window = Window(controller, screen.get_size())
    for line in controller.dispatch_lines(controller.run_ai()):
        window.add_log(line)
    window.add_log(describe.status_line(controller.state), PROMPT_INK)
    clock = pygame.time.Clock()
    shot = options.screenshot
    frames = 0
    while window.running:
        # Sleep until something happens or the prompt's cursor blinks: an idle window draws
        # two frames a second instead of thirty.
        events = [] if frames < 2 else _wait_for_events()
        for event in events + pygame.event.get():
            window.handle(event)
            if event.type == pygame.VIDEORESIZE:
                screen = pygame.display.set_mode(window.size, pygame.RESIZABLE)
        window.draw(screen)
        pygame.display.flip()
        frames += 1
        if shot and frames >= 2:
            pygame.image.save(screen, str(shot))
            break
        clock.tick(MAX_FPS)
    pygame.quit()
    return 0

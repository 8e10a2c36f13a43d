"""The game screen: the hex map, a tabbed side panel, the dispatch log and a command line, with
the turn's banner, pop-ups and the computer's moves played back on the map (see hud.py).

The mouse builds the same commands the player can type: clicking a unit and then a hex makes a
MoveCommand (a RailCommand for a hex only a train reaches), clicking an enemy next to the
selected units asks for the Odds, and clicking it again makes the AttackCommand. Every command
goes through the shared Controller as data (a typed line is parsed into the same data first), so
the window, the terminal, scripts and the AI play by exactly the same rules; the log echoes each
in its canonical text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pygame

from game.hexes import Coord, Hex
from game.rules import (
    AttackCommand,
    MoveCommand,
    RailCommand,
    path,
    preview,
    rail_reachable,
    reachable,
)
from game.ui import describe
from game.ui.controller import Controller, Reply, with_support
from game.ui.language import LanguageError, Parsed, format_command, parse
from game.ui.map_overlays import main_force_hex
from game.ui.pygame.hud import Hud
from game.ui.pygame.layout import MIN_WINDOW, HexLayout, Metrics, fit_layout
from game.ui.pygame.painter import PROMPT_INK, Painter
from game.ui.pygame.panel import Panel
from game.ui.pygame.render import Fonts, side_fill
from game.ui.pygame.report_screen import ReportView, side_colours
from game.ui.pygame.settings import Settings
from game.ui.requests import Help, ListUnits, LoadGame, Odds, Reload, SaveGame, ShowReport

MIN_HEX = 26.0  # pixels, centre to corner: counters stay readable at the opening zoom
MAX_HEX = 44.0
ZOOM_LIMITS = (8.0, 80.0)
ZOOM_STEP = 1.15
LOG_INK = (225, 222, 210)
ERROR_INK = (255, 140, 120)
QUIT_SAVE = "on-leaving"  # the save the quit prompt's S writes (apart from the autosaves)
DRAG_PX = 6  # a press that moves further than this is a drag, not a click


@dataclass
class Selection:
    units: list[str] = field(default_factory=list)  # own units picked (first one moves)
    hex: Coord | None = None
    reach: dict[Coord, float] = field(default_factory=dict)
    trains: dict[Coord, list[Coord]] = field(default_factory=dict)  # only a train reaches them
    target: Coord | None = None  # enemy hex with odds on show
    odds_tip: str = ""  # "3:1 - 62% retreat", shown at the cursor over the target


class Window:
    """One game in a window; `handle` takes pygame events, `draw` paints a frame."""

    def __init__(
        self,
        controller: Controller,
        size: tuple[int, int] = (1280, 800),
        settings: Settings | None = None,
    ) -> None:
        self.controller = controller
        self.settings = settings or Settings()
        self.fonts = Fonts()
        self.size = size
        self.hex_size = 0.0
        self.pan = (0.0, 0.0)
        self.drag_from: tuple[int, int] | None = None
        self.dragged = False
        self.layout = self._fit()
        self.sel = Selection()
        self.hover: Coord | None = None
        self.hover_path: list[Coord] = []
        self.hover_cost = 0.0
        self.hover_tip = ""  # the odds of attacking the enemy under the pointer
        self._targets: tuple[object, frozenset[Coord]] = ((), frozenset())
        self.mouse = (0, 0)
        self.command = ""
        self.history: list[str] = []
        self.history_pos = 0
        self.log: list[tuple[str, tuple[int, int, int]]] = []
        self.log_scroll = 0
        self.panel = Panel()
        self.hud = Hud()
        self.buttons: list[tuple[Parsed, pygame.Rect]] = []  # what each button does, and where
        self.show_zoc = False
        self.show_coords = False
        self.running = True
        self.report_view: ReportView | None = None
        self.frames_drawn = 0  # by the window's loop
        self.saved_at = -1  # number of commands in the game when it was last saved
        self.painter = Painter(self)
        self.open_view()
        for line in controller.dispatch_lines(controller.state.log):
            self.add_log(line)

    # --- geometry --------------------------------------------------------------------------

    @property
    def metrics(self) -> Metrics:
        return Metrics(self.size[0], self.size[1], self.settings.ui_scale)

    def _fit(self) -> HexLayout:
        """Hexes big enough to read (at least MIN_HEX pixels); the map pans when it overflows."""
        b = self.controller.state.board
        view = self.map_rect()
        fitted = fit_layout(b.width, b.height, view.width, view.height)
        if not self.hex_size:
            least, most = self.opening_hex()
            self.hex_size = min(most, max(least, fitted.size))
        base = HexLayout(self.hex_size, (8 + self.hex_size, 8 + self.hex_size))
        mw, mh = base.map_size(b.width, b.height)
        # Keep at least a quarter of the view filled with map whichever way it is dragged.
        px = min(view.width / 4, max(view.width * 3 / 4 - mw, self.pan[0]))
        py = min(view.height / 4, max(view.height * 3 / 4 - mh, self.pan[1]))
        self.pan = (px, py)
        return HexLayout(self.hex_size, (base.origin[0] + px, base.origin[1] + py))

    def opening_hex(self) -> tuple[float, float]:
        """The smallest and largest hex size to open on: counters grow with the window's text
        (its size and the UI scale), so the map keeps pace with the panel."""
        scale = max(1.0, self.metrics.scale)
        return MIN_HEX * scale, MAX_HEX * scale

    def open_view(self) -> None:
        """Open on the viewer's main force (the whole map if it fits at a readable size)."""
        b = self.controller.state.board
        view = self.map_rect()
        fitted = fit_layout(b.width, b.height, view.width, view.height)
        least, most = self.opening_hex()
        if fitted.size >= least:
            self.hex_size = min(most, fitted.size)
            self.layout = self._fit()
            return
        self.hex_size = least
        self.layout = self._fit()
        centre = main_force_hex(self.controller.state, self.controller.viewer)
        if centre is not None:
            self.centre_on(centre)
        # No paper round the map at the start: the view stays inside it.
        mw, mh = HexLayout(self.hex_size, (0, 0)).map_size(b.width, b.height)
        px = min(0.0, max(view.width - mw - 16, self.pan[0]))
        py = min(0.0, max(view.height - mh - 16, self.pan[1]))
        self.pan = (px, py)
        self.layout = self._fit()

    def zoom(self, steps: int, about: tuple[int, int]) -> None:
        """Zoom the map by mouse-wheel steps, keeping the hex under the cursor in place."""
        old = self.hex_size
        new = min(ZOOM_LIMITS[1], max(ZOOM_LIMITS[0], old * (ZOOM_STEP**steps)))
        if new == old:
            return
        ox, oy = self.layout.origin
        f = new / old
        self.hex_size = new
        nx, ny = about[0] - (about[0] - ox) * f, about[1] - (about[1] - oy) * f
        self.pan = (nx - (8 + new), ny - (8 + new))
        self.layout = self._fit()

    def map_rect(self) -> pygame.Rect:
        m = self.metrics
        return pygame.Rect(0, 0, self.size[0] - m.panel_w, self.size[1] - m.log_h)

    def panel_rect(self) -> pygame.Rect:
        m = self.metrics
        return pygame.Rect(self.size[0] - m.panel_w, 0, m.panel_w, self.size[1] - m.log_h)

    def log_rect(self) -> pygame.Rect:
        m = self.metrics
        return pygame.Rect(0, self.size[1] - m.log_h, self.size[0], m.log_h)

    def resize(self, size: tuple[int, int]) -> None:
        self.size = (max(MIN_WINDOW[0], size[0]), max(MIN_WINDOW[1], size[1]))
        self.layout = self._fit()

    def centre_on(self, c: Coord) -> None:
        """Pan so that hex `c` sits in the middle of the map view."""
        view = self.map_rect()
        x, y = self.layout.centre(c)
        self.pan = (self.pan[0] + view.centerx - x, self.pan[1] + view.centery - y)
        self.layout = self._fit()

    # --- replies ---------------------------------------------------------------------------

    @property
    def panel_extra(self) -> list[str]:
        """The lines of the panel's open tab."""
        return self.panel.lines(self)

    def add_log(self, line: str, colour: tuple[int, int, int] = LOG_INK) -> None:
        for part in line.split("\n"):
            self.log.append((part, colour))
        self.log_scroll = 0

    def run_line(self, line: str) -> Reply:
        """Run a typed command line, and show the reply."""
        self.add_log(f"> {line}", PROMPT_INK)
        try:
            parsed = parse(line, self.controller.names())
        except LanguageError:
            return self.show(self.controller.handle(line))  # the controller words the error
        return self._perform(parsed)

    def run(self, parsed: Parsed) -> Reply:
        """Carry out a command built from clicks, echoed in the log as it would be typed."""
        self.add_log(f"> {format_command(parsed)}", PROMPT_INK)
        return self._perform(parsed)

    def _perform(self, parsed: Parsed) -> Reply:
        if isinstance(parsed, ShowReport):
            self.open_report()
            return Reply([])
        reply = self.show(self.controller.perform(parsed), parsed)
        if isinstance(parsed, SaveGame | LoadGame) and reply.ok:
            self.saved_at = len(self.controller.game.commands)
        return reply

    def show(self, reply: Reply, parsed: Parsed | None = None) -> Reply:
        """Put a reply in the log or the panel; play back what the computer did."""
        colour = LOG_INK if reply.ok else ERROR_INK
        if isinstance(parsed, Odds) and reply.ok:
            self.panel.put("Odds", reply.lines)
        elif isinstance(parsed, ListUnits):
            self.panel.put("Forces", reply.lines)
        elif reply.events or not reply.ok or reply.lines:
            for text in reply.lines:
                self.add_log(text, colour)
        if reply.quit:
            self.running = False
        if reply.events:
            self.hud.play(self.controller, reply.events, self.controller.state.side)
        if reply.new_position:
            self.sel.target, self.sel.odds_tip = None, ""
            self.add_log(describe.status_line(self.controller.state), PROMPT_INK)
            self.hud.new_turn(self.controller)
        self.refresh_selection()
        if reply.events:  # the path and tip under the pointer were of the position before
            self.hover = None
            self.hover_at(self.mouse)
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
        trains = rail_reachable(s, first.id) if human else {}
        self.sel.trains = {c: p for c, p in trains.items() if c not in self.sel.reach}

    def open_report(self) -> None:
        """The after-action report of the game so far, over the whole window."""
        c = self.controller
        colours = side_colours([(d.id, d.colour) for d in c.scenario.sides])
        if self.settings.palette != "standard":
            colours = {
                d.id: side_fill(c.state, d.id, self.settings.palette) for d in c.scenario.sides
            }
        self.report_view = ReportView(c.report(), colours, final=c.state.game_over)

    def report_key(self, k: int) -> None:
        """Keys while the report is open: Esc closes it, the page keys scroll it."""
        assert self.report_view is not None
        page = self.size[1] * 3 // 4
        if k in (pygame.K_ESCAPE, pygame.K_RETURN, pygame.K_KP_ENTER):
            self.report_view = None
        elif k in (pygame.K_PAGEDOWN, pygame.K_DOWN, pygame.K_SPACE):
            self.report_view.scroll(page if k != pygame.K_DOWN else 40, self.size[1])
        elif k in (pygame.K_PAGEUP, pygame.K_UP):
            self.report_view.scroll(-page if k != pygame.K_UP else -40, self.size[1])

    # --- input -----------------------------------------------------------------------------

    def units_at(self, c: Coord) -> tuple[list[str], list[str]]:
        """Ids of the viewer's units and of the enemy units in sight on hex `c`."""
        s = self.controller.state
        h = Hex.from_offset(*c)
        seen = self.controller.visible()
        here = [
            u
            for u in s.units.values()
            if u.active and u.pos == h and (seen is None or u.id in seen)
        ]
        viewer = self.controller.viewer
        return [u.id for u in here if u.side == viewer], [u.id for u in here if u.side != viewer]

    def click(self, pos: tuple[int, int], button: int, shift: bool) -> None:
        if self.report_view is not None:
            return
        if self.hud.click(self, pos):
            return
        for action, rect in self.buttons:
            if rect.collidepoint(pos):
                self.run(action)
                return
        if self.panel.click(self, pos):
            return
        if not self.map_rect().collidepoint(pos):
            return
        c = self.layout.at_pixel(*pos)
        s = self.controller.state
        if Hex.from_offset(*c) not in s.board.coord:
            return
        mine, enemy = self.units_at(c)
        if button == 3:
            self.sel = Selection()
            self.panel.show_hex(c)
            return
        if enemy and self.sel.units:
            self.aim(c)
        elif mine:
            self.pick(mine, shift)
        elif self.sel.units and c in self.sel.reach and c != self.sel.hex:
            self.run(MoveCommand(unit=self.sel.units[0], to=c))
        elif self.sel.units and c in self.sel.trains:
            self.run(RailCommand(unit=self.sel.units[0], to=c))
        else:
            self.sel = Selection()
            self.panel.show_hex(c)

    def aim(self, c: Coord) -> None:
        """First click on an enemy: the odds; a second: the attack."""
        attack = AttackCommand(target=c, units=tuple(self.sel.units))
        self.hover_tip = ""  # the odds move from the pointer to the target
        if self.sel.target == c:
            self.run(attack)
            self.sel.target = None
            return
        reply = self.run(Odds(attack))
        self.sel.target = c if reply.ok else None
        self.sel.odds_tip = odds_tip(self.controller, attack) if reply.ok else ""

    def pick(self, ids: list[str], shift: bool) -> None:
        if shift and self.sel.units:
            self.sel.units += [uid for uid in ids if uid not in self.sel.units]
        elif self.sel.units and self.sel.units[0] in ids and len(ids) > 1:
            i = ids.index(self.sel.units[0])  # clicking a stack again picks the next unit in it
            self.sel.units = [ids[(i + 1) % len(ids)]]
        else:
            self.sel.units = [ids[0]]
        self.sel.target = None
        self.refresh_selection()
        self.panel.open("Unit")

    def hover_at(self, pos: tuple[int, int]) -> None:
        """Where the mouse is: the path and cost to a hex the selected unit can reach."""
        self.mouse = pos
        c = self.layout.at_pixel(*pos) if self.map_rect().collidepoint(pos) else None
        if c == self.hover:
            return
        self.hover = c
        self.hover_path, self.hover_cost, self.hover_tip = [], 0.0, ""
        if c is not None and self.sel.units and c in self.sel.reach and c != self.sel.hex:
            route = path(self.controller.state, self.sel.units[0], c)
            if route:
                self.hover_path, self.hover_cost = route, self.sel.reach[c]
        elif c is not None and c in self.sel.trains:
            self.hover_path = self.sel.trains[c]  # the tip says "by train", not a cost
        elif c is not None and c in self.attack_targets() and c != self.sel.target:
            attack = AttackCommand(target=c, units=tuple(self.sel.units))
            if not self.controller.game.validate(with_support(self.controller.state, attack)):
                self.hover_tip = odds_tip(self.controller, attack)

    def attack_targets(self) -> frozenset[Coord]:
        """Hexes of enemy units in sight next to the selected units, while they may attack."""
        c = self.controller
        s = c.state
        if not self.sel.units or not c.human_to_move():
            return frozenset()
        key = (id(s), len(c.game.commands), tuple(self.sel.units))
        if self._targets[0] != key:
            near = {
                n
                for uid in self.sel.units
                if (pos := s.units[uid].pos) is not None and not s.units[uid].has_attacked
                for n in s.board.neighbours.get(pos, ())
            }
            hexes = frozenset(s.board.coord[h] for h in near)
            self._targets = (key, frozenset(h for h in hexes if self.units_at(h)[1]))
        return self._targets[1]

    def key(self, event: pygame.event.Event) -> None:
        k = event.key
        if self.report_view is not None:
            self.report_key(k)
            return
        if k == pygame.K_F8:
            self.open_report()
            return
        if self.hud.key_event(self, k):
            return
        if k in (pygame.K_RETURN, pygame.K_KP_ENTER):
            line = self.command.strip()
            self.command = ""
            if line:
                self.history.append(line)
                self.history_pos = len(self.history)
                self.run_line(line)
        elif k == pygame.K_BACKSPACE:
            self.command = self.command[:-1]
        elif k == pygame.K_ESCAPE:
            if self.command:
                self.command = ""
            else:
                self.sel = Selection()
        elif k == pygame.K_UP and self.history:
            self.history_pos = max(0, self.history_pos - 1)
            self.command = self.history[self.history_pos]
        elif k == pygame.K_DOWN and self.history:
            self.history_pos = min(len(self.history), self.history_pos + 1)
            at_end = self.history_pos >= len(self.history)
            self.command = "" if at_end else self.history[self.history_pos]
        elif k == pygame.K_PAGEUP:
            self.log_scroll = min(max(0, len(self.log) - 3), self.log_scroll + 5)
        elif k == pygame.K_PAGEDOWN:
            self.log_scroll = max(0, self.log_scroll - 5)
        elif k == pygame.K_TAB:
            self.panel.next_tab()
        else:
            self.function_key(k)

    def function_key(self, k: int) -> None:
        """F1 help, F2 zones of control, F3 hex coordinates, F4 legend, F5 reload the scenario
        file, F6 minimap, F7 palette, F8 report, F9 UI scale, F11 full screen; the rest of the
        keyboard types into the command line."""
        if k == pygame.K_F1:
            self.run(Help())
        elif k == pygame.K_F2:
            self.show_zoc = not self.show_zoc
        elif k == pygame.K_F3:
            self.show_coords = not self.show_coords
        elif k == pygame.K_F4:
            self.hud.legend = not self.hud.legend
        elif k == pygame.K_F6:
            self.hud.minimap_on = not self.hud.minimap_on
        elif k == pygame.K_F5:
            self.run(Reload())
        elif k == pygame.K_F7:
            self.settings.cycle_palette()
        elif k == pygame.K_F9:
            self.settings.cycle_scale()
            self.layout = self._fit()
        elif k == pygame.K_F11 and pygame.display.get_surface() is not None:
            try:
                pygame.display.toggle_fullscreen()
                self.settings.fullscreen = not self.settings.fullscreen
            except pygame.error:  # a display that cannot (the dummy driver): stay windowed
                pass

    def handle(self, event: pygame.event.Event) -> None:
        """One pygame event: the mouse, the wheel, keys, typed text, a resize."""
        t = event.type
        if t == pygame.QUIT:
            self.running = False
        elif t == pygame.VIDEORESIZE:  # the surface follows the window: no new window
            self.resize((event.w, event.h))
        elif t == pygame.MOUSEBUTTONDOWN and event.button == 1:
            self.drag_from, self.dragged = event.pos, False
            self.mouse = event.pos
        elif t == pygame.MOUSEMOTION:
            self.motion(event)
        elif t == pygame.MOUSEBUTTONUP and event.button == 1:
            if not self.dragged:
                shift = bool(pygame.key.get_mods() & pygame.KMOD_SHIFT)
                self.click(event.pos, 1, shift)
            self.drag_from, self.dragged = None, False
        elif t == pygame.MOUSEBUTTONDOWN and event.button == 3:
            self.click(event.pos, 3, False)
        elif t == pygame.MOUSEWHEEL:
            self.wheel(event.y)
        elif t == pygame.KEYDOWN:
            self.key(event)
        elif t == pygame.TEXTINPUT and not self.hud.modal() and self.report_view is None:
            self.command += event.text

    def motion(self, event: pygame.event.Event) -> None:
        if self.drag_from is not None:
            dx, dy = event.pos[0] - self.drag_from[0], event.pos[1] - self.drag_from[1]
            if self.dragged or abs(dx) + abs(dy) > DRAG_PX:
                self.dragged = True
                self.pan = (self.pan[0] + dx, self.pan[1] + dy)
                self.drag_from = event.pos
                self.layout = self._fit()
        self.hover_at(event.pos)

    def wheel(self, steps: int) -> None:
        """The wheel zooms the map, scrolls the panel or the log: whichever is under it."""
        mouse = self.mouse  # where the last motion left the pointer
        if self.report_view is not None:
            self.report_view.scroll(-steps * 60, self.size[1])
        elif self.map_rect().collidepoint(mouse):
            self.zoom(steps, mouse)
        elif self.panel_rect().collidepoint(mouse):
            self.panel.scroll(-steps * 3)
        else:
            self.log_scroll = max(0, min(len(self.log) - 3, self.log_scroll + steps))

    # --- drawing (see painter.py) -----------------------------------------------------------

    def draw(self, surf: pygame.Surface) -> list[pygame.Rect] | None:
        """Paint a frame; the parts of `surf` that changed (None: all of it)."""
        return self.painter.draw(surf)

    def quit_prompt(self) -> bool:
        """Asked to leave: leave at once, or first ask when progress is unsaved (a second
        request leaves)."""
        if self.unsaved() and not self.hud.quitting:
            self.hud.quitting = True
            return False
        self.running = False
        return True

    def quitting_save(self) -> None:
        """Save under a fixed name and leave (from the quit prompt)."""
        if self.run(SaveGame(QUIT_SAVE)).ok:
            self.running = False

    def watch_step(self) -> bool:
        """With no human at the table, the computer plays one side-turn and the window plays it
        back, so watching a game is watching it turn by turn. Whether a turn was played."""
        c = self.controller
        if c.humans or c.state.game_over or self.busy() or self.hud.modal():
            return False
        events = c.run_ai(turns=1)
        for line in c.dispatch_lines(events):
            self.add_log(line)
        self.hud.play(c, events, c.state.side)
        self.hud.new_turn(c)
        self.add_log(describe.status_line(c.state), PROMPT_INK)
        return True

    def busy(self) -> bool:
        """Whether something moves on screen by itself (playback, a banner), so the window
        must keep drawing rather than wait for events."""
        return self.hud.busy()

    def unsaved(self) -> bool:
        """Whether leaving now would lose commands given since the last save."""
        n = len(self.controller.game.commands)
        return n > 0 and n != self.saved_at and not self.controller.state.game_over


def odds_tip(controller: Controller, attack: AttackCommand) -> str:
    """The odds of an attack in a few words, for the tooltip at the cursor: "3:1 - 62% retreat"."""
    o = preview(controller.state, with_support(controller.state, attack))
    ratio = f"{o.ratio:.1f}:1" if o.ratio >= 1 else f"1:{1 / max(o.ratio, 1e-6):.1f}"
    ratio = ratio.replace(".0:", ":").replace(":1.0", ":1")
    if o.ratio < 1:
        ratio = ratio.removesuffix(".0")
    likely = max(o.outcomes.items(), key=lambda kv: kv[1]) if o.outcomes else ("", 0.0)
    return f"{ratio} - {likely[1]:.0%} {likely[0]}".strip(" -")

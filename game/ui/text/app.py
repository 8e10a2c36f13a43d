"""The terminal front end: a prompt, the text map, the dispatch log.

Interactive at a terminal; scripted when standard input is a file or a pipe, in which case each
command is echoed with its reply, so the same script and seed always print the same text.
"""

from __future__ import annotations

import os
import shutil
import sys
import textwrap
import time
from typing import TextIO

from game.hexes import Coord, coord
from game.rules import GameEvent
from game.ui import describe
from game.ui.controller import GAME_OVER_HINT, Controller, Reply
from game.ui.options import PlayOptions
from game.ui.report import unicode_ok
from game.ui.requests import Area, ShowMap
from game.ui.text.glyphs import legend_lines
from game.ui.text.mapview import Palette, Viewport, clip_area, fit, render_map, view_summary

DEFAULT_COLUMNS, DEFAULT_ROWS = 80, 24
CLEAR_SCREEN = "\x1b[2J\x1b[H"
STATUS_ROWS = 4  # the status (two lines, three when the score line wraps) and the prompt
MIN_COLUMNS, MIN_ROWS = 40, 12  # narrower than this and nothing reads well; lay out as if this


def use_colour(stream: TextIO) -> bool:
    """ANSI colour only on a real terminal, and never when NO_COLOR is set (no-color.org)."""
    if os.environ.get("NO_COLOR") is not None or os.environ.get("TERM") == "dumb":
        return False
    return stream.isatty()


def paragraphs(text: str) -> list[str]:
    """Text from a scenario file as paragraphs, each on one line for `say` to wrap (the file's
    own line breaks were made for the file, not for the terminal)."""
    blocks = [" ".join(block.split()) for block in text.strip().split("\n\n")]
    out: list[str] = []
    for block in blocks:
        out += [block, ""]
    return out[:-1]


class TextFrontEnd:
    def __init__(self, controller: Controller, out: TextIO, colour: bool) -> None:
        self.controller = controller
        self.out = out
        self.colour = colour
        self.view = Viewport()
        controller.text_width = self.size()[0]
        controller.unicode = unicode_ok(out)

    @staticmethod
    def size() -> tuple[int, int]:
        """Columns and rows of the terminal (COLUMNS and LINES win; 80x24 when not a terminal)."""
        cols, rows = shutil.get_terminal_size((DEFAULT_COLUMNS, DEFAULT_ROWS))
        return max(MIN_COLUMNS, cols), max(MIN_ROWS, rows)

    def say(self, lines: list[str] | str) -> None:
        """Print prose, each line wrapped to the terminal's width under its own indent."""
        width = self.size()[0]
        text = lines if isinstance(lines, str) else "\n".join(lines)
        if not text:
            return
        out = []
        for line in text.split("\n"):
            if len(line) <= width:
                out.append(line)
                continue
            indent = " " * (len(line) - len(line.lstrip(" ")))
            out.extend(
                textwrap.wrap(
                    line,
                    width,
                    subsequent_indent=indent + "  ",
                    break_long_words=False,
                    break_on_hyphens=False,
                )
            )
        print("\n".join(out), file=self.out, flush=True)

    def map_area(self, request: ShowMap) -> Area | None:
        """The hexes to draw: the view (moved as asked) fitted to the terminal, an area cut to
        fit, or the whole map (None) when asked for all of it."""
        state = self.controller.state
        columns, rows = self.size()
        rows -= STATUS_ROWS
        if request.everything:
            return None
        if request.area is not None:
            (c0, r0), (c1, r1) = clip_area(state, request.area)
            n_cols, n_rows = fit(columns, rows)
            return coord(c0, r0), coord(min(c1, c0 + n_cols - 1), min(r1, r0 + n_rows - 1))
        if request.scroll:
            self.view.scroll(state, request.scroll, columns, rows)
        if request.centre is not None:
            self.view.centre(state, request.centre, columns, rows)
        return self.view.area(state, columns, rows)

    def show_map(
        self, request: ShowMap | None = None, marks: dict[Coord, str] | None = None
    ) -> None:
        s = self.controller
        palette = Palette.ansi(s.state) if self.colour else Palette.plain()
        area = self.map_area(request or ShowMap())
        text = render_map(s.state, palette, visible=s.visible(), area=area, marks=marks)
        print(text, file=self.out, flush=True)
        self.say(view_summary(s.state, clip_area(s.state, area)))

    def centre_on_own_units(self) -> None:
        """Start the view where most of the viewer's units on the map are (a front, not the
        empty middle of a ring of fronts)."""
        s = self.controller
        mine = [u.coord for u in s.state.active_units(s.viewer) if u.coord is not None]
        if not mine:
            return
        columns, rows = self.size()
        n_cols, n_rows = fit(columns, rows - STATUS_ROWS)

        def around(c: Coord) -> int:
            return sum(
                1
                for o in mine
                if abs(o[0] - c[0]) <= n_cols // 2 and abs(o[1] - c[1]) <= n_rows // 2
            )

        best = max(sorted(mine), key=around)
        self.view.centre(s.state, best, columns, rows - STATUS_ROWS)

    def show_reply(self, reply: Reply) -> None:
        self.say(reply.lines)
        if reply.map_request is not None:
            self.show_map(reply.map_request, reply.marks)
        if reply.legend:
            self.say(legend_lines(self.controller.state))

    def intro(self) -> None:
        s = self.controller
        meta = s.scenario.meta
        self.say(f"{meta.title}")
        if meta.description:
            self.say(paragraphs(meta.description))
        for side in sorted(s.humans):
            brief = meta.briefing.get(side)
            if brief:
                self.say(["", f"Briefing ({s.state.board.side_name[side]}):", *paragraphs(brief)])
        self.say("")

    def prompt(self) -> str:
        s = self.controller.state
        return f"{s.board.adjective[s.side]} {s.date.strftime('%d %b %H:%M')}> "


class Input:
    """Lines from the player: the prompt at a terminal, or a script on standard input. None
    means the player has gone: end of input, Ctrl-D or Ctrl-C."""

    def __init__(self, ui: TextFrontEnd, interactive: bool) -> None:
        self.ui = ui
        self.interactive = interactive

    def line(self, prompt: str) -> str | None:
        if not self.interactive:
            text = sys.stdin.readline()
            return text if text else None
        try:
            return input(prompt)
        except (EOFError, KeyboardInterrupt):
            print(file=self.ui.out)
            return None


def goodbye(ui: TextFrontEnd, source: Input) -> None:
    """Leaving: at a terminal, offer to save progress made since the last save; always say
    where the newest autosave is."""
    c = ui.controller
    while source.interactive and c.unsaved_progress():
        name = source.line("Save before leaving? A name, or Enter to leave without saving: ")
        if not name or not name.strip():
            break
        reply = c.handle(f"save {name.strip()}")
        ui.say(reply.lines)
        if reply.ok:
            break
    saver = c.autosaver
    if saver is not None and saver.last is not None:
        ui.say(f"The newest autosave is {saver.last} ('two-augusts play --continue' resumes it).")


def start(ui: TextFrontEnd, options: PlayOptions) -> None:
    """The opening: briefing, what happened before the player's first turn, status and map."""
    controller = ui.controller
    ui.intro()
    if options.load is None:
        ui.say(controller.dispatch_lines(controller.state.log))
    ui.say(controller.dispatch_lines(controller.run_ai()))
    ui.centre_on_own_units()
    controller.turn_started()
    controller.saved_commands = len(controller.game.commands)
    if sys.stdin.isatty() and not controller.state.game_over:
        ui.say("Type 'help' for the commands, 'legend' for the map's letters.")
    ui.say(describe.status_lines(controller.state))
    ui.show_map()


def play_lines(ui: TextFrontEnd, source: Input) -> None:
    """Read and carry out lines until the player quits or the input ends."""
    controller = ui.controller
    ended = controller.state.game_over
    if ended:
        the_end(ui)
    while True:
        line = source.line(ui.prompt())
        if line is None:
            goodbye(ui, source)
            return
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if not source.interactive:
            ui.say(f"> {line}")
        before = controller.viewer
        reply = controller.handle(line)
        if reply.quit:
            goodbye(ui, source)
            ui.say(reply.lines)
            return
        if controller.viewer != before and not controller.state.game_over:
            hand_over(ui, source)
        ui.show_reply(reply)
        if reply.new_position and not controller.state.game_over:
            ui.say(describe.status_lines(controller.state))
            ui.show_map()
        if controller.state.game_over and not ended:
            ended = True
            the_end(ui)
        ended = ended and controller.state.game_over  # a save from before the end was loaded


def hand_over(ui: TextFrontEnd, source: Input) -> None:
    """Between two players at one keyboard: under fog the screen is cleared and the game waits
    until the next player is at the keys; the map then starts over their units."""
    c = ui.controller
    name = c.state.board.side_name[c.viewer]
    if c.game.options.fog:
        if ui.out.isatty():
            print(CLEAR_SCREEN, end="", file=ui.out, flush=True)
        ui.say(f"=== Hand over to the player of the {name}. ===")
        if source.interactive:
            source.line("Press Enter when the other player cannot see the screen. ")
            if ui.out.isatty():
                print(CLEAR_SCREEN, end="", file=ui.out, flush=True)
    else:
        ui.say(f"=== {name} to move. ===")
    ui.centre_on_own_units()


def the_end(ui: TextFrontEnd, watching: bool = False) -> None:
    """The result and the after-action report, then what the player may still do."""
    c = ui.controller
    ui.say(c.announce_result())
    c.text_width = ui.size()[0]
    ui.say(["", *c.report_lines(), ""])
    if not watching:
        ui.say(GAME_OVER_HINT)


def pace(ui: TextFrontEnd, delay: float) -> None:
    """Show each computer side-turn as it ends, with the map, and wait `delay` seconds."""

    def shown(events: list[GameEvent]) -> None:
        c = ui.controller
        ui.say(describe.log_lines(events))
        if not c.state.game_over:
            ui.say(describe.status_lines(c.state))
            ui.show_map()
        time.sleep(delay)

    ui.controller.on_ai_turn = shown


def watch(ui: TextFrontEnd, options: PlayOptions) -> None:
    """Nobody plays: the computer plays both sides, paced by --delay, then the report."""
    c = ui.controller
    ui.intro()
    ui.say(c.dispatch_lines(c.state.log))
    if options.delay > 0:
        pace(ui, options.delay)
    ui.say(c.dispatch_lines(c.run_ai()))
    the_end(ui, watching=True)


def main(controller: Controller, options: PlayOptions) -> int:
    """Play in the terminal; returns the exit code."""
    interactive = sys.stdin.isatty()
    if interactive:
        try:
            import readline  # noqa: F401  (line editing and history at the prompt)
        except ImportError:
            pass
    ui = TextFrontEnd(controller, sys.stdout, use_colour(sys.stdout))
    source = Input(ui, interactive)
    if not controller.humans:
        watch(ui, options)
        return 0
    if options.delay > 0:
        pace(ui, options.delay)
    try:
        start(ui, options)
        play_lines(ui, source)
    except KeyboardInterrupt:  # Ctrl-C while the computer plays
        print(file=ui.out)
        goodbye(ui, source)
    return 0

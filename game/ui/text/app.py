"""The terminal front end: a prompt, the text map, the dispatch log.

Interactive at a terminal; scripted when standard input is a file or a pipe, in which case each
command is echoed with its reply, so the same script and seed always print the same text.
"""

from __future__ import annotations

import os
import sys
from typing import TextIO

from game.ui import describe
from game.ui.controller import Controller, Reply
from game.ui.options import PlayOptions
from game.ui.requests import Area
from game.ui.text.mapview import Palette, render_map


def use_colour(stream: TextIO) -> bool:
    """ANSI colour only on a real terminal, and never when NO_COLOR is set (no-color.org)."""
    if os.environ.get("NO_COLOR") is not None or os.environ.get("TERM") == "dumb":
        return False
    return stream.isatty()


class TextFrontEnd:
    def __init__(self, controller: Controller, out: TextIO, colour: bool) -> None:
        self.controller = controller
        self.out = out
        self.colour = colour

    def say(self, lines: list[str] | str) -> None:
        text = lines if isinstance(lines, str) else "\n".join(lines)
        if text:
            print(text, file=self.out, flush=True)

    def show_map(self, area: Area | None = None) -> None:
        s = self.controller
        palette = Palette.ansi(s.state) if self.colour else Palette.plain()
        self.say(render_map(s.state, palette, visible=s.visible(), area=area))

    def show_reply(self, reply: Reply) -> None:
        self.say(reply.lines)
        if reply.full_map or reply.show_map is not None:
            self.show_map(reply.show_map)

    def intro(self) -> None:
        s = self.controller
        meta = s.scenario.meta
        self.say(f"{meta.title}")
        if meta.description:
            self.say(meta.description.strip())
        for side in sorted(s.humans):
            brief = meta.briefing.get(side)
            if brief:
                self.say(f"\nBriefing ({s.state.board.side_name[side]}):\n{brief.strip()}")
        self.say("")

    def prompt(self) -> str:
        s = self.controller.state
        return f"{s.side} {s.date.strftime('%d %b %H:%M')}> "


def main(controller: Controller, options: PlayOptions) -> int:
    """Play in the terminal; returns the exit code."""
    interactive = sys.stdin.isatty()
    if interactive:
        try:
            import readline  # noqa: F401  (line editing and history at the prompt)
        except ImportError:
            pass
    ui = TextFrontEnd(controller, sys.stdout, use_colour(sys.stdout))
    ui.intro()
    if not controller.humans:
        ui.say(controller.dispatch_lines(controller.run_ai()))
        ui.say(controller.announce_result())
        return 0
    if options.load is None:
        ui.say(controller.dispatch_lines(controller.state.log))
    ui.say(controller.dispatch_lines(controller.run_ai()))
    ui.say(describe.status_line(controller.state))
    if interactive:
        ui.show_map()
        ui.say("Type 'help' for the commands, 'map' to see the map again.")
    while not controller.state.game_over:
        try:
            line = input(ui.prompt()) if interactive else sys.stdin.readline()
        except EOFError:
            break
        if not interactive and not line:
            break
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if not interactive:
            ui.say(f"> {line}")
        reply = controller.handle(line)
        ui.show_reply(reply)
        if reply.quit:
            return 0
        if reply.new_position and not controller.state.game_over:
            ui.say(describe.status_line(controller.state))
            if interactive:
                ui.show_map()
    ui.say(controller.announce_result() or describe.status_line(controller.state))
    return 0

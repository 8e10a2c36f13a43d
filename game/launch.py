"""`two-augusts play`: pick the scenario and hand it to a front end.

The window is used when a display is there; without one (ssh, CI, a bare terminal) the game falls
back to the terminal front end, so `make play` always starts something playable.
"""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from pathlib import Path

from game.saves import SaveError, read_save_data, save_scenario
from game.ui.autosave import autosave_dir, newest, side_of_autosave
from game.ui.controller import save_dir
from game.ui.options import PlayOptions
from game.ui.scenario_files import default_scenario, load_or_report
from game.ui.setup import SetupError, make_controller, save_to_load
from game.ui.text import app as text_app


def display_available() -> bool:
    """Whether a window can open: a display server, or an SDL driver chosen on purpose."""
    if os.environ.get("SDL_VIDEODRIVER"):
        return os.environ["SDL_VIDEODRIVER"] not in ("dummy", "offscreen")
    if sys.platform.startswith("linux") or "bsd" in sys.platform:
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def scenario_path(options: PlayOptions) -> Path | None:
    """The scenario named, else the one a save to resume was played on, else the default; None
    after reporting an unreadable save."""
    if options.scenario is not None:
        return options.scenario
    if options.load is not None:
        try:
            saved = save_scenario(read_save_data(options.load), options.load)
        except SaveError as exc:
            print(f"two-augusts: {exc}", file=sys.stderr)
            return None
        if saved is not None:
            return saved
    return default_scenario()


def resumed(options: PlayOptions) -> PlayOptions | None:
    """With --continue, the options with the newest autosave to load; None (after saying so)
    when there is none."""
    if not options.resume:
        return options
    folder = autosave_dir(save_dir())
    found = newest(folder)
    if found is None:
        print(f"two-augusts: no autosave to continue in {folder}", file=sys.stderr)
        return None
    print(f"Continuing {found}", file=sys.stderr)
    # An autosave is written when a human is to move, so its side is the player's by default.
    side = options.side or side_of_autosave(found)
    return replace(options, load=found, side=side)


def run_play(options: PlayOptions) -> int:
    """Start the game the options ask for in the window or the terminal; the exit code."""
    chosen = resumed(options)
    if chosen is None:
        return 1
    options = chosen
    if options.load is not None:
        options = replace(options, load=save_to_load(options.load))
    path = scenario_path(options)
    scenario = load_or_report(path) if path is not None else None
    if path is None or scenario is None:
        return 1
    try:
        controller = make_controller(scenario, path, options)
    except SetupError as exc:
        print(f"two-augusts: {exc}", file=sys.stderr)
        return exc.code
    window = not options.text and (options.screenshot is not None or display_available())
    if not options.text and not window:
        print("two-augusts: no display found; playing in the terminal", file=sys.stderr)
    if window:
        # Imported here: pygame loads only when a window is wanted.
        from game.ui.pygame import app as pygame_app

        try:
            return pygame_app.main(controller, options)
        except pygame_app.NoWindow as exc:
            print(f"two-augusts: no window ({exc}); playing in the terminal", file=sys.stderr)
    return text_app.main(controller, options)

"""`two-augusts play`: pick the scenario and hand it to a front end.

The window is used when a display is there; without one (ssh, CI, a bare terminal) the game falls
back to the terminal front end, so `make play` always starts something playable.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path


def display_available() -> bool:
    """Whether a window can open: a display server, or an SDL driver chosen on purpose."""
    if os.environ.get("SDL_VIDEODRIVER"):
        return os.environ["SDL_VIDEODRIVER"] not in ("dummy", "offscreen")
    if sys.platform.startswith("linux") or "bsd" in sys.platform:
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def run_play(args: argparse.Namespace) -> int:
    from game.cli import default_scenario, load_or_report

    path = Path(args.scenario) if args.scenario else default_scenario()
    if getattr(args, "load", None) and not args.scenario:
        from game.saves import SaveError, read_save_data

        try:
            saved = read_save_data(args.load).get("scenario_path")
        except SaveError as exc:
            print(f"two-augusts: {exc}", file=sys.stderr)
            return 1
        if isinstance(saved, str) and Path(saved).is_file():
            path = Path(saved)
    scenario = load_or_report(path)
    if scenario is None:
        return 1
    from game.ui.setup import SetupError, make_session

    try:
        session = make_session(scenario, path, args)
    except SetupError as exc:
        print(f"two-augusts: {exc}", file=sys.stderr)
        return exc.code
    window = not args.text and (getattr(args, "screenshot", None) or display_available())
    if not args.text and not window:
        print("two-augusts: no display found; playing in the terminal", file=sys.stderr)
    if window:
        from game.ui.pygame import app as pygame_app

        return pygame_app.main(session, args)
    from game.ui.text import app as text_app

    return text_app.main(session, args)

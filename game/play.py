"""`two-augusts play`: pick the scenario and hand it to a front end.

The window is used when a display is there; without one (ssh, CI, a bare terminal) the game falls
back to the terminal front end, so `make play` always starts something playable.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import sys
from pathlib import Path


def run_play(args: argparse.Namespace) -> int:
    from game.cli import default_scenario
    from game.scenario import ScenarioError, load_scenario

    path = Path(args.scenario) if args.scenario else default_scenario()
    try:
        scenario = load_scenario(path)
    except ScenarioError as exc:
        for p in exc.problems:
            print(p, file=sys.stderr)
        return 1
    front_end = "game.ui.text.app" if args.text else "game.ui.pygame.app"
    if importlib.util.find_spec(front_end) is None:
        print(f"{scenario.meta.title}\n")
        print(scenario.meta.description.strip())
        for side, text in scenario.meta.briefing.items():
            print(f"\n[{side}] {text.strip()}")
        print(
            "\nThe playable front ends are not built yet in this version "
            "(see the open issues); `two-augusts inspect` shows the scenario.",
            file=sys.stderr,
        )
        return 2
    module = importlib.import_module(front_end)
    return int(module.main(scenario, path, args))

"""Finding and loading the scenario a command names, with every problem printed for the user."""

from __future__ import annotations

import sys
from pathlib import Path

from game.scenario import ScenarioError, load_scenario
from game.scenario.library import shipped_scenarios
from game.scenario.models import Scenario

DEFAULT_SCENARIO = "khalkhin_gol_1939"
FALLBACK_SCENARIO = "examples/river_crossing.toml"


def default_scenario() -> Path:
    """The shipped scenario `play` starts without arguments (packaged or in the checkout): 1939,
    or the example if it is missing."""
    default = shipped_scenarios() / f"{DEFAULT_SCENARIO}.toml"
    return default if default.is_file() else shipped_scenarios() / FALLBACK_SCENARIO


def load_or_report(path: str | Path) -> Scenario | None:
    """The scenario in `path`, or None after printing every problem (never a traceback)."""
    try:
        return load_scenario(path)
    except ScenarioError as exc:
        for p in exc.problems:
            print(p, file=sys.stderr)
    except OSError as exc:
        print(f"{path}:1:1: error: cannot read file: {exc.strerror}", file=sys.stderr)
    return None

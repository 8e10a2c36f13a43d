"""Finding and loading the scenario a command names, with every problem printed for the user."""

from __future__ import annotations

import sys
from pathlib import Path

from game.scenario import ScenarioError, load_scenario
from game.scenario.models import Scenario

REPOSITORY = Path(__file__).resolve().parent.parent.parent
DEFAULT_SCENARIO = REPOSITORY / "scenarios" / "khalkhin_gol_1939.toml"
FALLBACK_SCENARIO = REPOSITORY / "scenarios" / "examples" / "river_crossing.toml"


def default_scenario() -> Path:
    """The scenario `play` starts with no file named: 1939, or the example if it is missing."""
    return DEFAULT_SCENARIO if DEFAULT_SCENARIO.is_file() else FALLBACK_SCENARIO


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

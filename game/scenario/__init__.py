"""The modder-facing scenario format: models, loading with located errors, cross-checks."""

from __future__ import annotations

from game.scenario.errors import Problem, ScenarioError
from game.scenario.loader import Loaded, Part, load, load_any, load_scenario, scenario_hash
from game.scenario.models import FORMAT_VERSION, Ruleset, Scenario

__all__ = [
    "FORMAT_VERSION",
    "Loaded",
    "Part",
    "Problem",
    "Ruleset",
    "Scenario",
    "ScenarioError",
    "load",
    "load_any",
    "load_scenario",
    "scenario_hash",
]

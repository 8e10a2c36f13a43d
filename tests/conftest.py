"""Shared test setup: the repository paths, hypothesis profiles, and no window ever opens in
rules tests.

Hypothesis runs the "ci" profile unless HYPOTHESIS_PROFILE names another: derandomized (the same
examples on every run and every machine, so `make test` passes or fails the same way each time)
and without a deadline (timing on a loaded machine is not a test failure). "dev" explores new
random examples on each run, and "long" explores many more; use them to hunt bugs locally, e.g.
`HYPOTHESIS_PROFILE=long make test`.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

settings.register_profile(
    "ci",
    derandomize=True,
    database=None,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", deadline=None, print_blob=True)
settings.register_profile(
    "long",
    max_examples=2000,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = ROOT / "scenarios"
EXAMPLE = SCENARIOS / "examples" / "river_crossing.toml"


@pytest.fixture
def root() -> Path:
    return ROOT

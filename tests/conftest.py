"""Shared test setup: the repository paths, and no window ever opens in rules tests."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = ROOT / "scenarios"
EXAMPLE = SCENARIOS / "examples" / "river_crossing.toml"


@pytest.fixture
def root() -> Path:
    return ROOT

"""The options of `two-augusts play`, typed: the command line builds them, the front ends read
them. Kept apart so the command line can build them without importing any front end."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class PlayOptions:
    """What `two-augusts play` was asked for, typed; the command line builds it."""

    scenario: Path | None = None
    text: bool = False
    side: str | None = None  # a side id, "both" (hot-seat) or "none" (watch); None: the first
    seed: int = 1
    load: Path | None = None
    fog: bool = False
    difficulty: str = "normal"
    screenshot: Path | None = None
    debug: bool = False  # show the traceback of an internal error
    resume: bool = False  # --continue: resume the newest autosave
    delay: float = 0.0  # seconds to wait after each computer side-turn in the terminal

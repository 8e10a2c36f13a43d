"""Two Augusts: a turn-based operational wargame of the Soviet-Japanese war."""

from __future__ import annotations

__version__ = "0.1.0"

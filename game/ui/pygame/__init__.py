"""The pygame front end (imported only by `play` without --text; nothing else loads pygame)."""

from __future__ import annotations

import os

# Set before any submodule imports pygame, which prints a banner otherwise.
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

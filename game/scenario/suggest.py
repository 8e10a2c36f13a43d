"""'Did you mean ...?' for misspelt keys and ids."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The nearest choice to `word`, ignoring case, if any is near enough to be a likely typo."""
    lowered = {c.lower(): c for c in choices if c}
    match = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
    return lowered[match[0]] if match else None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A hint sentence, or '' when nothing is close."""
    options = sorted(set(choices))
    best = closest(word, options)
    if best is not None:
        return f"did you mean '{best}'?"
    if 0 < len(options) <= 12:
        return "expected one of: " + ", ".join(options)
    return ""

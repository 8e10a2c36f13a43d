"""Whole numbers typed by the player, read without surprises.

`str.isdigit` and the regex `\\d` accept digits that `int` refuses (`²`) or reads in another
script (`٣`), and `int` refuses numbers of more than 4,300 digits: each of those once ended a
game in a traceback. Every number a typed line holds is read here instead, so a bad one is a
LanguageError like any other typing mistake.
"""

from __future__ import annotations

import re

from game.ui.names import LanguageError

MAX_DIGITS = 9  # more than any count or coordinate of the game
_WHOLE = re.compile(r"-?[0-9]+")


def whole_number(text: str, what: str, negative: bool = False) -> int:
    """`text` as an int: ASCII digits only (a leading '-' if `negative`), at most MAX_DIGITS."""
    t = text.strip()
    shown = t if len(t) <= 20 else t[:17] + "..."
    if not _WHOLE.fullmatch(t) or (t.startswith("-") and not negative):
        raise LanguageError(
            f"{what} must be a whole number written with the digits 0-9, not '{shown}'"
        )
    if len(t.lstrip("-")) > MAX_DIGITS:
        raise LanguageError(f"{what} '{shown}' is too long: at most {MAX_DIGITS} digits")
    return int(t)

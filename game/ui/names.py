"""What a typed line may name: units, places and groups of the game being played.

A name is an id, a designation or a unique prefix of either; a hex is `col,row` or a place name.
Every lookup that fails raises LanguageError with the nearest valid name as a suggestion.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from game.hexes import Coord, coord
from game.scenario.suggest import closest


class LanguageError(Exception):
    """A line that is not a command: says why, and what was probably meant."""

    def __init__(self, message: str, suggestion: str = "") -> None:
        self.message = message
        self.suggestion = suggestion
        super().__init__(message + (f" (did you mean {suggestion}?)" if suggestion else ""))


@dataclass
class Names:
    """The units, places and groups a line may name, and the size of the map."""

    unit_names: dict[str, str]  # unit id -> designation
    places: dict[str, Coord]  # place name -> hex (ids are added too)
    groups: tuple[str, ...] = ()
    width: int = 0
    height: int = 0
    own: frozenset[str] = frozenset()  # the units the player commands (empty: any unit)

    # --- units -----------------------------------------------------------------------------

    def unit(self, text: str) -> str:
        """The unit id that `text` names, or LanguageError with the nearest unit."""
        t = text.strip().lower()
        if not t:
            raise LanguageError("a unit is missing")
        for uid, name in self.unit_names.items():
            if t == uid.lower() or t == name.lower():
                return uid
        hits = [
            uid
            for uid, name in self.unit_names.items()
            if uid.lower().startswith(t) or name.lower().startswith(t)
        ]
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            shown = ", ".join(sorted(hits)[:6])
            raise LanguageError(f"'{text}' could be several units: {shown}")
        options = list(self.unit_names) + list(self.unit_names.values())
        best = closest(text, options) or closest(t, [o.lower() for o in options])
        raise LanguageError(f"no unit called '{text}'", f"'{best}'" if best else "")

    def own_unit(self, text: str) -> str:
        """A unit the player commands: other units are no candidates, and naming one says
        it is not theirs."""
        if not self.own:
            return self.unit(text)
        mine = {uid: name for uid, name in self.unit_names.items() if uid in self.own}
        try:
            return Names(mine, self.places).unit(text)
        except LanguageError as exc:
            try:
                other = self.unit(text)
            except LanguageError:
                raise exc from None
            raise LanguageError(
                f"{self.unit_names[other]} [{other}] is not one of your units"
            ) from None

    def unit_list(self, text: str, own: bool = False) -> tuple[str, ...]:
        """Units separated by commas, semicolons or 'and'; each named once (only the
        player's own with `own`)."""
        parts = [p for p in re.split(r"\s*[,;]\s*|\s+and\s+", text.strip()) if p]
        if not parts:
            raise LanguageError("no units given", "'... with UNIT,UNIT'")
        out: list[str] = []
        for p in parts:
            uid = self.own_unit(p) if own else self.unit(p)
            if uid not in out:
                out.append(uid)
        return tuple(out)

    def group(self, text: str) -> str:
        """The group `text` names (any case), or LanguageError with the nearest group."""
        if not self.groups:
            return text
        found = next((g for g in self.groups if g.lower() == text.lower()), None)
        if found is None:
            best = closest(text, self.groups)
            raise LanguageError(f"no group called '{text}'", f"'{best}'" if best else "")
        return found

    # --- hexes ---------------------------------------------------------------------------

    def hex(self, text: str) -> Coord:
        """The hex `text` names: `col,row` (on the map) or a place name or prefix."""
        t = text.strip()
        m = re.fullmatch(r"\[?\s*(-?[0-9]{1,9})\s*[, ]\s*(-?[0-9]{1,9})\s*\]?", t)
        if m:
            c = coord(int(m.group(1)), int(m.group(2)))
            if self.width and not (0 <= c[0] < self.width and 0 <= c[1] < self.height):
                raise LanguageError(
                    f"hex {c[0]},{c[1]} is off the map (columns 0-{self.width - 1}, "
                    f"rows 0-{self.height - 1})"
                )
            return c
        if not t:
            raise LanguageError("a hex is missing: give col,row or a place name")
        low = t.lower()
        for name, c in self.places.items():
            if low == name.lower():
                return c
        hits = {c for name, c in self.places.items() if name.lower().startswith(low)}
        if len(hits) == 1:
            return hits.pop()
        best = closest(t, list(self.places))
        raise LanguageError(f"no place called '{t}'", f"'{best}'" if best else "")

    def clamp(self, c: tuple[int, int]) -> Coord:
        """The nearest hex on the map (columns and rows never below 0 nor past the edge)."""
        col, row = max(0, c[0]), max(0, c[1])
        if self.width:
            col, row = min(col, self.width - 1), min(row, self.height - 1)
        return coord(col, row)

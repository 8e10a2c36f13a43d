"""Hex geometry on axial coordinates, and the [col, row] of the map's text rows.

The map text uses "odd-r" offset rows (pointy-top hexes, odd rows shifted half a hex right), which
is how a hex map looks when typed in a text editor. All algorithms work on axial Hex values, which
are immutable and hashable, so they can key dicts and sit in sets.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple, NewType

# A [col, row] position of the map text. Both it and Hex are pairs of ints at run time; the
# distinct type lets mypy catch an axial hex passed where a map position is meant, or back.
Coord = NewType("Coord", tuple[int, int])


def coord(col: int, row: int) -> Coord:
    """The map text position [col, row]."""
    return Coord((col, row))


class Hex(NamedTuple):
    """Axial coordinate (q, r); the third cube coordinate is s = -q - r."""

    q: int
    r: int

    @property
    def s(self) -> int:
        return -self.q - self.r

    def __add__(self, other: object) -> Hex:
        if not isinstance(other, Hex):
            return NotImplemented
        return Hex(self.q + other.q, self.r + other.r)

    def neighbours(self) -> tuple[Hex, ...]:
        return tuple(Hex(self.q + dq, self.r + dr) for dq, dr in _DIRECTIONS)

    def distance(self, other: Hex) -> int:
        dq, dr = self.q - other.q, self.r - other.r
        return (abs(dq) + abs(dr) + abs(dq + dr)) // 2

    def ring(self, radius: int) -> list[Hex]:
        """Hexes exactly `radius` steps away, walking round the ring."""
        if radius == 0:
            return [self]
        dq, dr = _DIRECTIONS[4]
        h = Hex(self.q + dq * radius, self.r + dr * radius)
        out: list[Hex] = []
        for side in range(6):
            for _ in range(radius):
                out.append(h)
                sq, sr = _DIRECTIONS[side]
                h = Hex(h.q + sq, h.r + sr)
        return out

    def spiral(self, radius: int) -> Iterator[Hex]:
        """This hex, then each ring out to `radius`."""
        for k in range(radius + 1):
            yield from self.ring(k)

    def line_to(self, other: Hex) -> list[Hex]:
        """Hexes on the straightest line from here to `other`, both ends included."""
        n = self.distance(other)
        if n == 0:
            return [self]
        out = []
        # Nudge to break ties the same way every time (lines along hex edges).
        aq, ar = self.q + 1e-6, self.r + 2e-6
        bq, br = other.q + 1e-6, other.r + 2e-6
        for i in range(n + 1):
            t = i / n
            out.append(_round(aq + (bq - aq) * t, ar + (br - ar) * t))
        return out

    # --- offset conversion ---------------------------------------------------------------------

    @staticmethod
    def from_offset(col: int, row: int) -> Hex:
        """The axial hex of map text position [col, row] (odd-r layout)."""
        return Hex(col - (row - (row & 1)) // 2, row)

    def to_offset(self) -> Coord:
        """This hex as [col, row] of the map text."""
        return Coord((self.q + (self.r - (self.r & 1)) // 2, self.r))


# Order: east, north-east, north-west, west, south-west, south-east.
_DIRECTIONS: tuple[tuple[int, int], ...] = ((1, 0), (1, -1), (0, -1), (-1, 0), (-1, 1), (0, 1))
DIRECTION_NAMES = ("E", "NE", "NW", "W", "SW", "SE")


def _round(fq: float, fr: float) -> Hex:
    fs = -fq - fr
    q, r, s = round(fq), round(fr), round(fs)
    dq, dr, ds = abs(q - fq), abs(r - fr), abs(s - fs)
    if dq > dr and dq > ds:
        q = -r - s
    elif dr > ds:
        r = -q - s
    return Hex(q, r)


def offset_distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Hex steps between two [col, row] positions."""
    return Hex.from_offset(*a).distance(Hex.from_offset(*b))


def offset_line(a: tuple[int, int], b: tuple[int, int]) -> list[Coord]:
    """[col, row] positions on the straightest line from a to b."""
    return [h.to_offset() for h in Hex.from_offset(*a).line_to(Hex.from_offset(*b))]


def round_hex(fq: float, fr: float) -> Hex:
    """The hex containing fractional axial coordinates (for pixel-to-hex conversion)."""
    return _round(fq, fr)

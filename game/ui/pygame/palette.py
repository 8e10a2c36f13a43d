"""Colours that read: WCAG contrast, colour-blind simulation, and the two palettes of the window.

A counter must stand out on every terrain and its text on its fill. Rather than trusting the
scenario's colours, the window measures them: an outline is a dark line inside a light halo, so
one of the two always contrasts with the terrain below; a counter's text is dark or light,
whichever contrasts more with its fill. The colour-blind palette swaps the sides' fills for the
Okabe-Ito colours, which stay apart under every common colour-vision deficiency.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

Colour = tuple[int, int, int]

PALETTES = ("standard", "colour-blind")
SEPARATION_STEP = 20.0  # CIE76 units: separations closer than this count as equal
DARK_INK: Colour = (20, 18, 16)
LIGHT_INK: Colour = (250, 248, 240)
OUTLINE: Colour = (16, 14, 12)
HALO: Colour = (252, 250, 240)
# Okabe and Ito (2008): told apart by protan, deutan and tritan viewers alike.
COLOUR_BLIND_FILLS: tuple[Colour, ...] = (
    (213, 94, 0),  # vermilion
    (86, 180, 233),  # sky blue
    (0, 158, 115),  # bluish green
    (204, 121, 167),  # reddish purple
    (240, 228, 66),  # yellow
)
# Colour-vision deficiencies at full severity in linear RGB (Machado, Oliveira, Fernandes 2009).
DEFICIENCIES: dict[str, tuple[tuple[float, float, float], ...]] = {
    "protan": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216),
               (-0.003882, -0.048116, 1.051998)),
    "deutan": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413),
               (-0.011820, 0.042940, 0.968881)),
    "tritan": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602),
               (0.004733, 0.691367, 0.303900)),
}  # fmt: skip


def hex_colour(text: str) -> Colour:
    return (int(text[1:3], 16), int(text[3:5], 16), int(text[5:7], 16))


def shade(c: Colour, f: float) -> Colour:
    return (min(255, int(c[0] * f)), min(255, int(c[1] * f)), min(255, int(c[2] * f)))


def mix(a: Colour, b: Colour, share_of_b: float) -> Colour:
    return tuple(round(x * (1 - share_of_b) + y * share_of_b) for x, y in zip(a, b, strict=True))  # type: ignore[return-value]


def _linear(channel: int) -> float:
    v = channel / 255
    return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4


def _gamma(v: float) -> int:
    v = min(1.0, max(0.0, v))
    out = 12.92 * v if v <= 0.0031308 else 1.055 * v ** (1 / 2.4) - 0.055
    return round(out * 255)


def luminance(c: Colour) -> float:
    """WCAG relative luminance."""
    r, g, b = (_linear(x) for x in c)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: Colour, b: Colour) -> float:
    """WCAG contrast ratio, 1 to 21."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def outline_contrast(ground: Colour) -> float:
    """How well a counter's outline (dark line in a light halo) stands out on `ground`."""
    return max(contrast(OUTLINE, ground), contrast(HALO, ground))


def ink_on(fill: Colour) -> Colour:
    """Dark or light text, whichever reads better on `fill`."""
    return DARK_INK if contrast(DARK_INK, fill) >= contrast(LIGHT_INK, fill) else LIGHT_INK


GLYPH_MIN = 3.0  # contrast of a terrain glyph against its hex (WCAG 1.4.11, graphics)


def glyph_ink(fill: Colour) -> Colour:
    """A terrain glyph's colour: the fill moved towards dark or light ink just far enough to
    read (GLYPH_MIN), so the glyph stays a quiet texture rather than a shout."""
    ink = ink_on(fill)
    for step in range(5, 11):
        colour = mix(fill, ink, step / 10)
        if contrast(colour, fill) >= GLYPH_MIN:
            return colour
    return ink


def simulate(c: Colour, deficiency: str) -> Colour:
    """How `c` looks to a viewer with the given colour-vision deficiency."""
    lin = [_linear(x) for x in c]
    m = DEFICIENCIES[deficiency]
    return tuple(_gamma(sum(row[i] * lin[i] for i in range(3))) for row in m)  # type: ignore[return-value]


def _lab(c: Colour) -> tuple[float, float, float]:
    r, g, b = (_linear(x) for x in c)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    fx, fy, fz = f(x), f(y), f(z)
    return (116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz))


def difference(a: Colour, b: Colour) -> float:
    """CIE76 colour difference: about 2 is just noticeable, over 20 is plainly different."""
    la, lb = _lab(a), _lab(b)
    return float(sum((x - y) ** 2 for x, y in zip(la, lb, strict=True)) ** 0.5)


def worst_difference(colours: Sequence[Colour]) -> float:
    """The smallest difference between any two colours, seen with normal vision or any of
    the simulated deficiencies."""
    worst = float("inf")
    views: list[str | None] = [None, *DEFICIENCIES]
    for view in views:
        seen = [c if view is None else simulate(c, view) for c in colours]
        for i, a in enumerate(seen):
            for b in seen[i + 1 :]:
                worst = min(worst, difference(a, b))
    return worst


def side_fills(side_colours: Sequence[str], palette: str) -> list[Colour]:
    """The counter fill of each side, in the scenario's order."""
    own = [hex_colour(c) for c in side_colours]
    if palette != "colour-blind":
        return own
    # The Okabe-Ito colours that stay furthest apart under every deficiency (in steps of
    # SEPARATION_STEP); among those, the ones nearest the sides' own colours.
    n = min(len(own), len(COLOUR_BLIND_FILLS))
    choices: list[tuple[Colour, ...]] = list(itertools.permutations(COLOUR_BLIND_FILLS, n))

    def merit(fills: tuple[Colour, ...]) -> tuple[float, float]:
        apart = worst_difference(fills) // SEPARATION_STEP
        return (apart, -sum(difference(f, c) for f, c in zip(fills, own, strict=False)))

    scored = [(merit(c), c) for c in choices]
    best = max(scored)[1]
    return [best[i % len(best)] for i in range(len(own))]

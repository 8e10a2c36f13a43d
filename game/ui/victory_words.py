"""The victory level in words: the five results a score can give, the thresholds explained, and
where the score stands now (the status line, the after-action report and the window share it)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from game.scenario.models import Victory


@dataclass(frozen=True)
class Band:
    """One level of result: the score range that gives it (low inclusive, high exclusive)."""

    name: str  # "Soviet decisive win", "a draw"
    low: float
    high: float


def result_bands(victory: Victory, adjective: dict[str, str], other: str) -> tuple[Band, ...]:
    """The five levels of result from the other side's decisive win up, with their scores."""
    a, b = adjective[victory.score_side], adjective[other]
    inf = math.inf
    return (
        Band(f"a {b} decisive win", -inf, victory.opponent_decisive),
        Band(f"a {b} marginal win", victory.opponent_decisive, victory.opponent_marginal),
        Band("a draw", victory.opponent_marginal, victory.marginal),
        Band(f"a {a} marginal win", victory.marginal, victory.decisive),
        Band(f"a {a} decisive win", victory.decisive, inf),
    )


def band_of(bands: Sequence[Band], score: float) -> int:
    return next(i for i, band in enumerate(bands) if band.low <= score < band.high)


def thresholds_text(victory: Victory, adjective: dict[str, str], other: str) -> str:
    """How the score becomes a result, in words."""
    a, b = adjective[victory.score_side], adjective[other]
    return (
        f"The score is {a} VP minus {b} VP. {a} decisive win at {victory.decisive:g} or more, "
        f"{a} marginal win at {victory.marginal:g} or more; {b} marginal win below "
        f"{victory.opponent_marginal:g}, {b} decisive win below {victory.opponent_decisive:g}; "
        "a draw in between."
    )


def standing_text(victory: Victory, vp: dict[str, float], adjective: dict[str, str]) -> str:
    """Where the score stands against the thresholds, for the status line: who leads, the
    result if the game ended now, and what the next level up would need."""
    other = next(s for s in vp if s != victory.score_side)
    score = round(vp[victory.score_side] - vp[other], 2)
    bands = result_bands(victory, adjective, other)
    i = band_of(bands, score)
    if score > 0:
        lead = f"{adjective[victory.score_side]} lead {score:g}"
    elif score < 0:
        lead = f"{adjective[other]} lead {-score:g}"
    else:
        lead = "level"
    text = f"{lead}: {bands[i].name} if it ended now"
    if i + 1 < len(bands):
        text += f"; {bands[i + 1].name} from {_lead(bands[i + 1].low, adjective, victory, other)}"
    return text


def _lead(score: float, adjective: dict[str, str], victory: Victory, other: str) -> str:
    """A score as the lead it stands for: 'a Soviet lead of 50', 'level scores'."""
    if score > 0:
        return f"a {adjective[victory.score_side]} lead of {score:g}"
    if score < 0:
        return f"a {adjective[other]} lead of {-score:g}"
    return "level scores"

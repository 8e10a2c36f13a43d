"""Losses: the one place where men, tanks and guns leave a unit and enter a side's totals.

Every loss, whatever its cause (combat, bombardment, hunger in a pocket, a surrender, an event),
goes through `inflict` or `remove_unit`, so the side's killed + wounded + captured always add up to
its men lost, and the dispatch log and the reports read the same figures.
"""

from __future__ import annotations

from typing import Literal

from game.rules.attrition import Losses, split_men
from game.rules.state import Transaction

Fate = Literal["destroyed", "surrendered", "dispersed"]


def record_loss(tx: Transaction, side: str, losses: Losses) -> None:
    """Add `losses` to the side's running totals (the enemy scores them)."""
    ss = tx.side(side)
    ss.men_lost += losses.men
    ss.men_killed += losses.killed
    ss.men_wounded += losses.wounded
    ss.men_captured += losses.captured
    ss.men_dispersed += losses.dispersed
    ss.tanks_lost += losses.tanks
    ss.guns_lost += losses.guns


def inflict(tx: Transaction, uid: str, losses: Losses) -> Losses:
    """Take `losses` from a unit, trimmed to what it has; returns what it really lost."""
    u = tx.unit(uid)
    losses = trim(losses, u.men, u.tanks, u.guns)
    u.men -= losses.men
    u.tanks -= losses.tanks
    u.guns -= losses.guns
    record_loss(tx, u.side, losses)
    return losses


def trim(losses: Losses, men: int, tanks: int, guns: int) -> Losses:
    """`losses` cut down to a unit that has only `men`, `tanks` and `guns` (shares kept)."""
    captured, killed, wounded = losses.captured, losses.killed, losses.wounded
    dispersed = losses.dispersed
    if losses.men > men:
        f = men / losses.men
        dispersed = round(dispersed * f)
        captured = min(men - dispersed, round(captured * f))
        killed = min(men - dispersed - captured, round(killed * f))
        wounded = men - dispersed - captured - killed
    return Losses(
        killed=killed,
        wounded=wounded,
        captured=captured,
        dispersed=dispersed,
        tanks=min(tanks, losses.tanks),
        guns=min(guns, losses.guns),
    )


def remove_unit(tx: Transaction, uid: str, fate: Fate, capture_share: float = 0.0) -> Losses:
    """Remove a unit from play; what it had left counts as lost.

    A surrender gives all its men up as prisoners; a destroyed unit's remnants are killed or
    wounded, `capture_share` of them taken prisoner; a dispersed unit's men melt away."""
    u0 = tx.state.units[uid]
    doctrine = tx.state.sides[u0.side].doctrine
    if fate == "dispersed":
        men = Losses(dispersed=u0.men)
    else:
        share = 1.0 if fate == "surrendered" else capture_share
        men = split_men(u0.men, share, doctrine.wounded_per_killed, u0.men)
    lost = Losses(
        killed=men.killed,
        wounded=men.wounded,
        captured=men.captured,
        dispersed=men.dispersed,
        tanks=u0.tanks,
        guns=u0.guns,
    )
    inflict(tx, uid, lost)
    u = tx.unit(uid)
    u.status = "surrendered" if fate == "surrendered" else "destroyed"
    u.pos = None
    u.mp = 0.0
    tx.touch()
    return lost


def changes_of(uid: str, losses: Losses) -> tuple[str, int, int, int]:
    """The (unit, men, tanks, guns) change an event records for a loss."""
    return (uid, -losses.men, -losses.tanks, -losses.guns)

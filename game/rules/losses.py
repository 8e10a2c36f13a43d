"""Losses: every man, tank and gun a side loses is counted here, whatever took it (combat,
bombardment, attrition, surrender), because the enemy scores them."""

from __future__ import annotations

from typing import Literal

from game.rules.state import Transaction

Fate = Literal["surrendered", "destroyed"]


def record_loss(tx: Transaction, side: str, men: int, tanks: int, guns: int) -> None:
    """Add to a side's running totals of what it has lost."""
    ss = tx.side(side)
    ss.men_lost += men
    ss.tanks_lost += tanks
    ss.guns_lost += guns


def remove_unit(tx: Transaction, uid: str, fate: Fate) -> tuple[int, int, int]:
    """Take a unit out of play; its remaining men, tanks and guns count as lost.
    Returns what it lost (the caller records it in its event)."""
    u0 = tx.state.units[uid]
    lost = (u0.men, u0.tanks, u0.guns)
    u = tx.unit(uid)
    record_loss(tx, u.side, *lost)
    u.status = fate
    u.men = u.tanks = u.guns = 0
    u.pos = None
    u.mp = 0.0
    tx.touch()
    return lost

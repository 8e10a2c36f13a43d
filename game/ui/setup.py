"""Seating a game from the `play` arguments: sides, seed, fog, difficulty, a save to resume.

Both front ends start the same way, so they share this; a bad argument becomes a SetupError
with the message and exit code the command line reports.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from game.rules import Options
from game.scenario.models import Scenario
from game.ui.controller import Session
from game.ui.players import computer_player


class SetupError(Exception):
    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


def humans_for(scenario: Scenario, side: str | None) -> set[str]:
    """The sides a human commands: one side id, both (hot-seat) or none (watch the AI)."""
    ids = [s.id for s in scenario.sides]
    if side is None:
        return {ids[0]}
    if side == "both":
        return set(ids)
    if side == "none":
        return set()
    if side not in ids:
        raise SetupError(
            f"this scenario's sides are {', '.join(ids)} (or both, none); not '{side}'", 2
        )
    return {side}


def make_session(scenario: Scenario, path: Path, args: argparse.Namespace) -> Session:
    """The session the arguments ask for (raises SetupError)."""
    from game.saves import SaveError, load_save

    humans = humans_for(scenario, getattr(args, "side", None))
    game = None
    if getattr(args, "load", None):
        try:
            game = load_save(args.load, path)
        except SaveError as exc:
            raise SetupError(f"cannot load {args.load}: {exc}", 1) from None
    return Session(
        scenario,
        path,
        humans,
        seed=getattr(args, "seed", 1),
        options=Options(fog=bool(getattr(args, "fog", False))),
        ai_factory=computer_player(getattr(args, "difficulty", "normal")),
        game=game,
    )

"""What the AI does with its turn on the example scenario: it concentrates, fires its guns, flies,
and its difficulty levels differ in how they play, not in what their units can do."""

from __future__ import annotations

from game.ai import AIPlayer
from game.rules import (
    AirCommand,
    AttackCommand,
    BombardCommand,
    EndTurnCommand,
    MoveCommand,
    apply,
    new_game,
    preview,
)
from game.rules.commands import Command
from tests.ai.helpers import example


def first_turn(difficulty: str, seed: int = 3) -> list[Command]:
    return AIPlayer(difficulty).play_turn(new_game(example(), seed)).commands


def test_hard_ai_moves_flies_and_fires_in_its_first_turn() -> None:
    cmds = first_turn("hard")
    assert any(isinstance(c, MoveCommand) for c in cmds)
    air = [c for c in cmds if isinstance(c, AirCommand)]
    assert {c.mission for c in air} >= {"air_superiority"}
    guns = [c for c in cmds if isinstance(c, BombardCommand)] + [
        c for c in cmds if isinstance(c, AttackCommand) and c.support
    ]
    assert guns, cmds


def test_attacks_concentrate_at_good_odds() -> None:
    st = new_game(example(), 3)
    ai = AIPlayer("hard")
    attacks: list[tuple[AttackCommand, float]] = []
    for _ in range(6):
        r = ai.play_turn(st)
        # Replay the turn to see the odds each attack had when it was made.
        x = st
        for c in r.commands:
            if isinstance(c, AttackCommand):
                attacks.append((c, preview(x, c).ratio))
            x, _ = apply(x, c)
        if r.state.game_over:
            break
        st, _ = apply(r.state, EndTurnCommand())
    assert attacks
    assert any(len(c.units) > 1 for c, _ in attacks)
    assert all(ratio >= 1.0 for _, ratio in attacks)


def test_easy_attacks_alone_and_without_guns_or_air() -> None:
    s = example()
    st = new_game(s, 3)
    ai = AIPlayer("easy")
    for _ in range(8):
        r = ai.play_turn(st)
        for c in r.commands:
            assert not isinstance(c, AirCommand | BombardCommand)
            if isinstance(c, AttackCommand):
                assert len(c.units) == 1 and not c.support
        if r.state.game_over:
            break
        st, _ = apply(r.state, EndTurnCommand())


def test_levels_play_differently() -> None:
    assert first_turn("easy") != first_turn("hard")

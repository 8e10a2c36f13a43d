"""The AI never issues a command the rules refuse: whole games through a Game session, on the
example scenario at every level, and (when they exist) on both historical scenarios."""

from __future__ import annotations

import pytest

from game.ai import AIPlayer
from game.rules import EndTurnCommand, Game, new_game
from tests.ai.helpers import KG_1939, MAN_1945, example, play_checked, scenario


def orders_given(game: Game) -> int:
    """Commands other than ending a turn: the players did something besides waiting."""
    return sum(1 for c in game.commands if not isinstance(c, EndTurnCommand))


@pytest.mark.parametrize("difficulty", ["easy", "normal", "hard"])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_example_games_are_legal(difficulty: str, seed: int) -> None:
    game = play_checked(example(), seed, difficulty)
    assert game.state.game_over and game.state.result is not None
    assert orders_given(game) > 0


@pytest.mark.parametrize("side", ["red", "blue"])
def test_example_against_random_is_legal(side: str) -> None:
    other = "blue" if side == "red" else "red"
    game = play_checked(example(), 7, "hard", random_side=other)
    assert game.state.game_over and game.state.result is not None
    assert orders_given(game) > 0


@pytest.mark.parametrize("seed", [1, 2])
def test_example_games_with_fog_of_war_are_legal(seed: int) -> None:
    game = play_checked(example(), seed, "hard", fog=True)
    assert game.state.options.fog
    assert game.state.game_over and orders_given(game) > 0


@pytest.mark.slow
@pytest.mark.parametrize("path", [KG_1939, MAN_1945], ids=["1939", "1945"])
def test_historical_game_is_legal(path: object) -> None:
    game = play_checked(scenario(path), 1, "hard")  # type: ignore[arg-type]
    assert game.state.game_over and game.state.result is not None
    assert orders_given(game) > 0


def test_same_seed_same_commands() -> None:
    s = example()
    a = AIPlayer("hard").commands(new_game(s, 5))
    b = AIPlayer("hard").commands(new_game(s, 5))
    assert a == b
    assert len(a) > 1  # it did something besides ending the turn


def test_turn_result_is_not_applied_to_the_input() -> None:
    s = example()
    st = new_game(s, 5)
    before = st.to_dict()
    r = AIPlayer("normal").play_turn(st)
    assert st.to_dict() == before
    assert r.refused == 0
    assert r.state.command_count == len(r.commands)


@pytest.mark.slow
@pytest.mark.parametrize("difficulty", ["easy", "normal", "hard"])
def test_example_games_are_legal_over_many_seeds(difficulty: str) -> None:
    for seed in range(10, 40):
        ai_only = play_checked(example(), seed, difficulty)
        against = play_checked(
            example(), seed, difficulty, random_side="blue" if seed % 2 else "red"
        )
        assert ai_only.state.game_over and against.state.game_over


@pytest.mark.slow
@pytest.mark.parametrize("difficulty", ["easy", "normal", "hard"])
@pytest.mark.parametrize("path", [KG_1939, MAN_1945], ids=["1939", "1945"])
def test_historical_games_are_legal_over_seeds(path: object, difficulty: str) -> None:
    s = scenario(path)  # type: ignore[arg-type]
    for seed in range(1, 6):
        game = play_checked(s, seed, difficulty)
        assert game.state.game_over and orders_given(game) > 0

"""The AI never issues a command the rules refuse: whole games through a Game session, on the
example scenario at every level, and (when they exist) on both historical scenarios."""

from __future__ import annotations

import pytest

from game.ai import AIPlayer
from game.rules import new_game
from tests.ai.helpers import KG_1939, MAN_1945, example, play_checked, scenario


@pytest.mark.parametrize("difficulty", ["easy", "normal", "hard"])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_example_games_are_legal(difficulty: str, seed: int) -> None:
    play_checked(example(), seed, difficulty)


@pytest.mark.parametrize("side", ["red", "blue"])
def test_example_against_random_is_legal(side: str) -> None:
    other = "blue" if side == "red" else "red"
    play_checked(example(), 7, "hard", random_side=other)


@pytest.mark.parametrize("seed", [1, 2])
def test_example_games_with_fog_of_war_are_legal(seed: int) -> None:
    play_checked(example(), seed, "hard", fog=True)


def test_1939_game_is_legal() -> None:
    play_checked(scenario(KG_1939), 1, "hard")


def test_1945_game_is_legal() -> None:
    play_checked(scenario(MAN_1945), 1, "hard")


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
        play_checked(example(), seed, difficulty)
        play_checked(example(), seed, difficulty, random_side="red" if seed % 2 else "blue")


@pytest.mark.slow
@pytest.mark.parametrize("difficulty", ["easy", "normal", "hard"])
@pytest.mark.parametrize("path", [KG_1939, MAN_1945], ids=["1939", "1945"])
def test_historical_games_are_legal_over_seeds(path: object, difficulty: str) -> None:
    s = scenario(path)  # type: ignore[arg-type]
    for seed in range(1, 6):
        play_checked(s, seed, difficulty)

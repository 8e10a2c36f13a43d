"""A level for each side: `simulate --difficulty red=hard,blue=easy` seats each side at its own
level and says so in the JSON; a bad level or side is a message, not a traceback."""

from __future__ import annotations

import json

import pytest

from game.ai import AIPlayer
from game.ai.difficulty import parse_levels, side_levels
from game.rules import EndTurnCommand, apply, new_game
from tests.ai.helpers import example
from tests.conftest import EXAMPLE
from tests.sim.test_simulate_cli import run


def test_simulate_records_each_sides_level() -> None:
    r = run(str(EXAMPLE), "--runs", "1", "--json", "--difficulty", "red=hard,blue=easy")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["levels"] == {"red": "hard", "blue": "easy"}


def test_one_level_still_means_both_sides() -> None:
    r = run(str(EXAMPLE), "--runs", "1", "--json", "--difficulty", "easy")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["levels"] == {"red": "easy", "blue": "easy"}


@pytest.mark.parametrize(
    ("spec", "words"),
    [("green=hard", "no side 'green'"), ("red=brutal", "unknown difficulty"), ("hard,easy", "")],
)
def test_bad_levels_are_reported_without_a_traceback(spec: str, words: str) -> None:
    r = run(str(EXAMPLE), "--runs", "1", "--difficulty", spec)
    assert r.returncode == 2
    assert "Traceback" not in r.stderr
    assert words in r.stderr


def test_levels_by_side_with_a_default() -> None:
    assert parse_levels("hard,blue=easy") == ("hard", {"blue": "easy"})
    assert side_levels("red=hard", ["red", "blue"]) == {"red": "hard", "blue": "normal"}


def test_one_player_plays_each_side_at_its_level() -> None:
    """The same seat plays red like a hard player and blue like an easy one."""
    st = new_game(example(), 3)
    mixed = AIPlayer("red=hard,blue=easy")
    for _ in range(4):
        want = AIPlayer("hard" if st.side == "red" else "easy").play_turn(st).commands
        got = mixed.play_turn(st)
        assert got.commands == want
        st, _ = apply(got.state, EndTurnCommand())


def test_play_takes_levels_by_side() -> None:
    from game.cli import build_parser, play_options

    args = build_parser().parse_args(["play", "--difficulty", "red=hard,blue=easy", "--text"])
    assert play_options(args).difficulty == "red=hard,blue=easy"


def test_a_remembering_player_is_still_deterministic() -> None:
    """Under fog of war the memory is part of the game: two players from the same start give
    the same commands, turn after turn."""
    from game.rules import Options

    runs = []
    for _ in range(2):
        st = new_game(example(), 4, Options(fog=True))
        ai = AIPlayer("hard")
        cmds = []
        for _ in range(8):
            r = ai.play_turn(st)
            cmds.append(r.commands)
            if r.state.game_over:
                break
            st, _ = apply(r.state, EndTurnCommand())
        runs.append(cmds)
    assert runs[0] == runs[1]

"""Save, load and replay give the same game: for many seeds on both campaigns, a game played with
random legal commands, saved and loaded again (which replays every command) has the same state
hash as the game that was saved, and the hashes are the same whatever PYTHONHASHSEED is.

The games run in child processes so that each hash seed governs a whole interpreter.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT

_SCRIPT = """
import hashlib, json, random, sys, tempfile
from collections import defaultdict
from pathlib import Path
from game.rules import Game
from game.saves import load_save, write_save
from game.scenario import load_scenario
from tests.conftest import SCENARIOS
from tests.rules.test_properties import candidates

seeds, moves = int(sys.argv[1]), int(sys.argv[2])
for name in ("khalkhin_gol_1939", "manchuria_1945"):
    path = SCENARIOS / f"{name}.toml"
    scenario = load_scenario(path)
    for seed in range(1, seeds + 1):
        game, pick = Game(scenario, seed), random.Random(seed)
        for _ in range(moves):
            if game.state.game_over:
                break
            kinds = defaultdict(list)
            for c in candidates(game.state):
                kinds[type(c).__name__].append(c)
            game.apply(pick.choice(kinds[pick.choice(sorted(kinds))]))
        with tempfile.TemporaryDirectory() as tmp:
            write_save(Path(tmp) / "g.json", game, path)
            again = load_save(Path(tmp) / "g.json")
        digest = [
            hashlib.sha256(json.dumps(g.state.to_dict(), sort_keys=True).encode()).hexdigest()
            for g in (game, again)
        ]
        assert digest[0] == digest[1], (name, seed)
        print(name, seed, len(game.commands), digest[0])
"""


def _hashes(hash_seeds: tuple[str, str], seeds: int, moves: int) -> tuple[list[str], list[str]]:
    """The lines the script prints under each of two hash seeds (run side by side)."""
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", _SCRIPT, str(seeds), str(moves)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": hash_seed},
        )
        for hash_seed in hash_seeds
    ]
    outputs = []
    for run in runs:
        out, err = run.communicate(timeout=1800)
        assert run.returncode == 0, err[-2000:]
        outputs.append(out.splitlines())
    return outputs[0], outputs[1]


def test_save_load_replay_is_the_same_game_whatever_the_hash_seed() -> None:
    first, second = _hashes(("0", "4242"), seeds=2, moves=15)
    assert len(first) == 4 and first == second


@pytest.mark.slow
def test_many_seeds_and_long_games_replay_identically() -> None:
    first, second = _hashes(("1", "987654"), seeds=10, moves=100)
    assert len(first) == 20 and first == second

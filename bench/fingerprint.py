"""A fingerprint of whole AI-versus-AI games, to show an optimisation left the rules' results alone.

    python bench/fingerprint.py [--seeds N] [SCENARIO ...]

For each scenario and seed it plays hard AI against hard AI and prints one line: the number of
side-turns, a SHA-256 over the exact state (GameState.to_dict) after every side-turn and end of
turn, and a SHA-256 of the game's `simulate --json` record. Run it before and after a change to
the rules and compare the output byte for byte.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

from game.rules import EndTurnCommand, apply, new_game
from game.rules.state import GameState
from game.scenario import load_scenario
from game.sim.game import make_player, play

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = [
    ROOT / "scenarios" / "khalkhin_gol_1939.toml",
    ROOT / "scenarios" / "manchuria_1945.toml",
    ROOT / "scenarios" / "examples" / "river_crossing.toml",
]


def _digest(obj: object) -> str:
    return hashlib.sha256(json.dumps(obj, sort_keys=True).encode()).hexdigest()[:16]


def states_digest(path: Path, seed: int) -> tuple[int, str]:
    """Side-turns played and one digest over every state between them."""
    s = load_scenario(path)
    players = {side.id: make_player("ai", "hard") for side in s.sides}
    state: GameState = new_game(s, seed)
    h = hashlib.sha256()
    turns = 0
    while not state.game_over and turns < 1000:
        result = players[state.side].play_turn(state)
        state = result[0] if isinstance(result, tuple) else result.state
        h.update(_digest(state.to_dict()).encode())
        turns += 1
        if state.game_over:
            break
        state, _ = apply(state, EndTurnCommand())
        h.update(_digest(state.to_dict()).encode())
    return turns, h.hexdigest()[:16]


def record_digest(path: Path, seed: int) -> str:
    s = load_scenario(path)
    players = {side.id: make_player("ai", "hard") for side in s.sides}
    rec, _, _ = play(s, seed, players)
    return _digest(rec)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("scenarios", nargs="*", type=Path)
    ap.add_argument("--seeds", type=int, default=2)
    args = ap.parse_args()
    for path in args.scenarios or SHIPPED:
        for seed in range(1, args.seeds + 1):
            turns, states = states_digest(path, seed)
            print(f"{path.stem} seed {seed}: {turns} side-turns states {states}", end=" ")
            print(f"record {record_digest(path, seed)}", flush=True)


if __name__ == "__main__":
    main()

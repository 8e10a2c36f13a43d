"""The bench's fresh processes (run by bench/run.py; prints one JSON line):

child.py game SCENARIO                  an AI-versus-AI game (for its peak memory)
child.py growth SIZE SIDE_TURNS DIR     AI side-turns on a generated SIZE x SIZE map
child.py window SCENARIO SIDE           the real window under SDL's dummy driver, which
                                        prints FRAME when the first frame is on screen
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def peak_rss_mb() -> float:
    """This process's own peak resident memory (VmHWM: unlike ru_maxrss it does not carry the
    parent's peak across fork and exec)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    import resource

    scale = 1 if sys.platform == "darwin" else 1024
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / 2**20, 1)


def report(data: dict[str, object]) -> None:
    print(json.dumps({**data, "peak_rss_mb": peak_rss_mb()}))


def game(scenario: str) -> None:
    from game.scenario import load_scenario
    from game.sim.game import make_player, play

    s = load_scenario(scenario)
    players = {side.id: make_player("ai", "hard") for side in s.sides}
    record, _, _ = play(s, 1, players)
    report({"winner": record["winner"], "turns": record["turns_played"]})


def growth(size: int, side_turns: int, directory: str) -> None:
    import synthetic

    from game.rules import EndTurnCommand, apply, new_game
    from game.scenario import load_scenario
    from game.sim.game import make_player

    s = load_scenario(synthetic.write(Path(directory), size))
    state = new_game(s, 1)
    ai = make_player("ai", "hard")
    times = []
    for _ in range(side_turns):
        t0 = time.perf_counter()
        state = ai.play_turn(state).state
        times.append((time.perf_counter() - t0) * 1000)
        state, _ = apply(state, EndTurnCommand())
    report({"ai_turn_ms": round(statistics.median(times), 2), "units": len(s.units)})


def window(scenario: str, side: str) -> None:
    """Start the game as `two-augusts play` does, with a window under the dummy driver (which
    the launcher would otherwise take for "no display"), and say when the first frame shows."""
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ["PYGAME_HIDE_SUPPORT_PROMPT"] = "1"
    import pygame

    import game.launch
    from game.cli import main

    game.launch.display_available = lambda: True
    flip = pygame.display.flip

    def first_flip() -> None:
        flip()
        pygame.display.flip = flip
        print("FRAME", flush=True)

    pygame.display.flip = first_flip
    sys.exit(main(["play", scenario, "--side", side]))


if __name__ == "__main__":
    kind, *rest = sys.argv[1:]
    if kind == "game":
        game(rest[0])
    elif kind == "growth":
        growth(int(rest[0]), int(rest[1]), rest[2])
    elif kind == "window":
        window(rest[0], rest[1])
    else:
        sys.exit(f"unknown bench child {kind!r}")

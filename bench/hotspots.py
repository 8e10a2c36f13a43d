"""Where the time of a figure goes: a profile of one figure's work, for docs/performance.md.

    python bench/hotspots.py load|ai_game|path|frame|growth [SCENARIO]
    python bench/hotspots.py start            imports on the way to the terminal's first prompt

In-process figures print the functions with the most time of their own (cProfile); `start` prints
the modules that take longest to import (python -X importtime), which is most of a cold start.
"""

from __future__ import annotations

import cProfile
import io
import os
import pstats
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

ROOT = Path(__file__).resolve().parent.parent
MAP_1939 = ROOT / "scenarios" / "khalkhin_gol_1939.toml"
MAP_1945 = ROOT / "scenarios" / "manchuria_1945.toml"
TOP = 14


def _show(work: Callable[[], object]) -> None:
    prof = cProfile.Profile()
    prof.enable()
    work()
    prof.disable()
    out = io.StringIO()
    pstats.Stats(prof, stream=out).strip_dirs().sort_stats("tottime").print_stats(TOP)
    print(out.getvalue())


def _load(path: Path) -> None:
    from game.scenario import load

    _show(lambda: [load(path) for _ in range(10)])


def _ai_game(path: Path) -> None:
    from game.scenario import load_scenario
    from game.sim.game import make_player, play

    s = load_scenario(path)
    players = {side.id: make_player("ai", "hard") for side in s.sides}
    _show(lambda: play(s, 1, players))


def _path(path: Path) -> None:
    import measure_game

    _show(lambda: measure_game.path_us(path, 2000))


def _frame(path: Path) -> None:
    import measure_window

    _show(lambda: measure_window.frame_ms(path, 40))


def _growth(size: int) -> None:
    import synthetic

    from game.rules import new_game
    from game.scenario import load_scenario
    from game.sim.game import make_player

    with tempfile.TemporaryDirectory() as d:
        state = new_game(load_scenario(synthetic.write(Path(d), size)), 1)
        _show(lambda: make_player("ai", "hard").play_turn(state))


def _start(path: Path) -> None:
    """Cumulative import time of the slowest modules on the way to the first prompt."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "game", "play", "--text", str(path)],
        input="quit\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        check=False,
    )
    rows = []
    for line in done.stderr.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[1].strip().isdigit():
            rows.append((int(parts[1]), parts[2].rstrip()))
    print("cumulative import time (ms), slowest first:")
    for us, name in sorted(rows, reverse=True)[:TOP]:
        print(f"{us / 1000:8.1f}  {name}")


def main() -> int:
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    kind = sys.argv[1]
    path = Path(sys.argv[2]) if len(sys.argv) > 2 else None
    actions: dict[str, Callable[[], None]] = {
        "load": lambda: _load(path or MAP_1945),
        "ai_game": lambda: _ai_game(path or MAP_1939),
        "path": lambda: _path(path or MAP_1945),
        "frame": lambda: _frame(path or MAP_1945),
        "growth": lambda: _growth(int(sys.argv[2]) if path else 256),
        "start": lambda: _start(path or MAP_1939),
    }
    if kind not in actions:
        print(f"hotspots: unknown figure {kind!r}; one of {', '.join(actions)}", file=sys.stderr)
        return 2
    actions[kind]()
    return 0


if __name__ == "__main__":
    sys.exit(main())

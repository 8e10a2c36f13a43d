"""Figures a player feels: the window's frame cost at 1600 x 900 under SDL's dummy driver
(steady, panning, full redraw after a zoom), an idle window's CPU, and cold starts to the
terminal's first prompt and the window's first frame (fresh processes)."""

from __future__ import annotations

import os
import pty
import re
import resource
import select
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
HERE = Path(__file__).resolve().parent
CHILD = HERE / "child.py"
SIZE = (1600, 900)
PROMPT = re.compile(rb"\S+ \d\d \w{3} \d\d:\d\d> ")
PAN_STEP = (9, 5)  # pixels the mouse drags the map per frame
PAN_FRAMES_EACH_WAY = 10
SETTLE_S = 1.0  # seconds a new window is left alone before its idle CPU is measured


def _window(scenario_path: Path) -> tuple[Any, Any]:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    import pygame

    from game.scenario import load_scenario
    from game.ui.controller import Controller
    from game.ui.players import computer_player
    from game.ui.pygame.app import Window

    pygame.display.init()
    pygame.font.init()
    screen = pygame.display.set_mode(SIZE)
    scenario = load_scenario(scenario_path)
    human = scenario.sides[0].id
    controller = Controller(
        scenario, scenario_path, {human}, seed=1, new_computer_player=computer_player()
    )
    return Window(controller, SIZE), screen


def _cpu_ms(frame: Callable[[], None], frames: int) -> float:
    """Median CPU milliseconds of `frame` (after two frames to warm up)."""
    frame()
    frame()
    times = []
    for _ in range(frames):
        t0 = time.process_time()
        frame()
        times.append((time.process_time() - t0) * 1000)
    return round(statistics.median(times), 2)


def frame_ms(scenario_path: Path, frames: int) -> dict[str, float]:
    """CPU per frame (draw and flip): nothing changed, dragging the map, and after a zoom with
    the window's drawing cache dropped, so that everything on the map is drawn anew."""
    import pygame

    from game.ui.pygame.render import forget_drawings

    window, screen = _window(scenario_path)
    view = window.map_rect()

    def show() -> None:
        window.draw(screen)
        pygame.display.flip()

    steady = _cpu_ms(show, frames)
    mouse = [view.centerx, view.centery]
    window.handle(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=tuple(mouse), button=1))
    count = [0]

    def pan() -> None:
        way = 1 if (count[0] // PAN_FRAMES_EACH_WAY) % 2 == 0 else -1
        count[0] += 1
        mouse[0] += way * PAN_STEP[0]
        mouse[1] += way * PAN_STEP[1]
        window.handle(
            pygame.event.Event(
                pygame.MOUSEMOTION, pos=tuple(mouse), rel=PAN_STEP, buttons=(1, 0, 0)
            )
        )
        show()

    panning = _cpu_ms(pan, frames)
    window.handle(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=tuple(mouse), button=1))
    zoom = [1]

    def full() -> None:
        zoom[0] = -zoom[0]
        window.zoom(zoom[0], view.center)
        forget_drawings(window.fonts)
        show()

    redraw = _cpu_ms(full, frames)
    pygame.display.quit()
    return {"steady": steady, "pan": panning, "full": redraw}


def _cpu_ticks(pid: int) -> int:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def _stop(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def window_start(scenario_path: Path, side: str, idle_s: float) -> tuple[float, float]:
    """Seconds from launch to the window's first frame, and the percent of a core the window
    then uses over `idle_s` seconds with nobody touching it."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, str(CHILD), "window", str(scenario_path), side],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert proc.stdout is not None
        line = b"-"
        while line and not line.startswith(b"FRAME"):
            line = proc.stdout.readline()
        first = time.perf_counter() - t0
        if not line:
            raise RuntimeError("the window never showed a frame")
        time.sleep(min(SETTLE_S, idle_s))  # let start-up work (fonts, caches) finish first
        hz = os.sysconf("SC_CLK_TCK")
        a, ta = _cpu_ticks(proc.pid), time.perf_counter()
        time.sleep(idle_s)
        b, tb = _cpu_ticks(proc.pid), time.perf_counter()
    finally:
        _stop(proc)
    return round(first, 3), round((b - a) / hz / (tb - ta) * 100, 2)


def compile_bytecode() -> None:
    """Write the game's bytecode, as installing it does (pip compiles every module), so a cold
    start measures starting the game, not compiling it: with PYTHONDONTWRITEBYTECODE set (some
    shells and containers set it) every launch would compile all of game/ from source again."""
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(HERE.parent / "game")],
        check=True,
        stdout=subprocess.DEVNULL,
    )


def first_prompt_cpu(scenario_path: Path, timeout: float = 60) -> tuple[float, float]:
    """first_prompt_s, and the CPU seconds the game's process used to get there (what a
    loaded machine changes least)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = first_prompt_s(scenario_path, timeout)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    used = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall, round(used, 3)


def first_prompt_s(scenario_path: Path, timeout: float = 60) -> float:
    """Seconds from launching `two-augusts play --text` on a terminal to its first prompt."""
    master, slave = pty.openpty()
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "game", "play", "--text", str(scenario_path)],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        close_fds=True,
    )
    os.close(slave)
    seen = b""
    try:
        while not PROMPT.search(seen[-200:]):
            if time.perf_counter() - t0 > timeout:
                raise TimeoutError("no prompt")
            ready, _, _ = select.select([master], [], [], 0.5)
            if ready:
                seen += os.read(master, 65536)
        return round(time.perf_counter() - t0, 3)
    finally:
        _stop(proc)
        os.close(master)

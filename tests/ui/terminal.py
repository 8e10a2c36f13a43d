"""Helpers for scripted terminal tests: a piped session, and a session at a pseudo-terminal
(where the game believes a person is typing, so it asks questions)."""

from __future__ import annotations

import fcntl
import os
import select
import subprocess
import sys
import termios
import time
from pathlib import Path

from tests.conftest import ROOT


def game_env(saves: Path, **extra: str) -> dict[str, str]:
    return {**os.environ, "TWO_AUGUSTS_SAVE_DIR": str(saves), "NO_COLOR": "1", **extra}


def play_piped(
    script: str, saves: Path, *args: str, **env: str
) -> subprocess.CompletedProcess[str]:
    """`two-augusts play --text ARGS` reading `script` from a pipe."""
    return subprocess.run(
        [sys.executable, "-m", "game", "play", "--text", *args],
        input=script,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=game_env(saves, **env),
        timeout=240,
    )


def _own_terminal() -> None:
    """In the child: a new session whose controlling terminal is the pseudo-terminal, so Ctrl-C
    typed there interrupts the game as at a real terminal."""
    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class Terminal:
    """The game running at a pseudo-terminal: type lines, wait for text."""

    def __init__(self, saves: Path, *args: str, columns: int = 80, rows: int = 24) -> None:
        self.master, slave = os.openpty()
        env = game_env(saves, COLUMNS=str(columns), LINES=str(rows), TERM="xterm")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "game", "play", "--text", *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            cwd=ROOT,
            env=env,
            close_fds=True,
            preexec_fn=_own_terminal,
        )
        os.close(slave)
        self.text = ""

    def expect(self, wanted: str, timeout: float = 120, after: int = 0) -> str:
        """Read until `wanted` has appeared (at or beyond character `after` of the text read so
        far, to wait for a prompt to come back); all the text read so far."""
        end = time.monotonic() + timeout
        while wanted not in self.text[after:]:
            left = end - time.monotonic()
            if left <= 0:
                raise AssertionError(f"{wanted!r} never appeared in:\n{self.text[-3000:]}")
            ready, _, _ = select.select([self.master], [], [], left)
            if ready:
                try:
                    chunk = os.read(self.master, 65536)
                except OSError:
                    chunk = b""
                if not chunk:
                    raise AssertionError(f"{wanted!r}: the game ended; it said:\n{self.text}")
                self.text += chunk.decode("utf-8", "replace")
        return self.text

    def type(self, line: str) -> None:
        os.write(self.master, line.encode() + b"\n")

    def send(self, raw: bytes) -> None:
        os.write(self.master, raw)

    def close(self) -> int:
        try:
            return self.proc.wait(timeout=60)
        finally:
            os.close(self.master)

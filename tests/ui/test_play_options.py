"""`two-augusts play` arguments become typed PlayOptions that the front ends read."""

from __future__ import annotations

from pathlib import Path

from game.cli import build_parser, play_options
from game.ui.options import PlayOptions


def test_play_arguments_become_typed_options() -> None:
    line = "play s.toml --text --side both --seed 7 --fog --debug --load game.json "
    line += "--difficulty hard --screenshot shot.png"
    args = build_parser().parse_args(line.split())
    assert play_options(args) == PlayOptions(
        scenario=Path("s.toml"),
        text=True,
        side="both",
        seed=7,
        load=Path("game.json"),
        fog=True,
        difficulty="hard",
        screenshot=Path("shot.png"),
        debug=True,
    )


def test_play_defaults_are_the_options_defaults() -> None:
    assert play_options(build_parser().parse_args(["play"])) == PlayOptions()

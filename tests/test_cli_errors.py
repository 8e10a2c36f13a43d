"""Mistakes on the command line: each exits non-zero with one readable line, before any long
work starts; `--debug` shows the traceback instead."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from game.cli import main
from tests.conftest import EXAMPLE


def _one_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err.strip()
    assert err and "\n" not in err and "Traceback" not in err, err
    return err


def test_simulate_out_into_a_missing_folder_fails_before_the_batch(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    start = time.perf_counter()
    code = main(["simulate", str(EXAMPLE), "--runs", "50", "--out", str(tmp_path / "no" / "x")])
    assert code == 2 and time.perf_counter() - start < 5  # 50 games would take minutes
    assert "there is no folder" in _one_line(capsys)
    assert main(["simulate", str(EXAMPLE), "--out", str(tmp_path)]) == 2
    assert "it is a folder" in _one_line(capsys)


def test_a_file_the_command_cannot_write_is_one_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["new-scenario", "/proc/no-such-folder/x.toml"]) == 1
    assert "/proc/no-such-folder" in _one_line(capsys)


def test_debug_shows_the_traceback_instead() -> None:
    with pytest.raises(OSError):
        main(["--debug", "new-scenario", "/proc/no-such-folder/x.toml"])


@pytest.mark.parametrize(
    "argv",
    [
        ["inspect", "no/such/file.toml"],
        ["play", "--text", "no/such/file.toml"],
        ["simulate", "no/such/file.toml"],
        ["play", "--text", str(EXAMPLE), "--load", "no-such-save"],
        ["play", "--text", str(EXAMPLE), "--side", "martians"],
    ],
    ids=lambda a: " ".join(a[:2]),
)
def test_user_mistakes_exit_non_zero(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) != 0
    err = capsys.readouterr().err
    assert err.strip() and "Traceback" not in err


@pytest.mark.parametrize(
    ("content", "message"),
    [("[" * 100_000, "neither a save"), ('{"seed": 1' + "0" * 5000 + "}", "neither a save")],
)
def test_report_of_a_hostile_file_is_one_line(
    content: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "x.json"
    path.write_text(content, encoding="utf-8")
    assert main(["report", str(path)]) == 1
    assert message in _one_line(capsys)


def test_report_of_a_pipe_or_device_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", "/dev/zero"]) == 1
    assert "device" in _one_line(capsys)

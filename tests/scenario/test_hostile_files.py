"""Scenario files written to hurt: every one is refused with one located line, quickly, and
without reading outside the scenario's folder.

tests/regressions/scenarios/ keeps each input that once crashed the loader (a traceback instead
of a message); its first comment says what it broke, the second what the error must say.
"""

from __future__ import annotations

import os
import shutil
import time
import tracemalloc
from pathlib import Path

import pytest

from game.cli import main
from game.scenario import ScenarioError, limits, load, load_any
from tests.conftest import EXAMPLE, ROOT

REGRESSIONS = ROOT / "tests" / "regressions" / "scenarios"
TUTORIAL = EXAMPLE.parent / "tutorial_bridgehead.toml"


def _expected(path: Path) -> str:
    second = path.read_bytes().split(b"\n", 2)[1].decode("utf-8")
    assert second.startswith("# expect: "), path
    return second[len("# expect: ") :]


@pytest.mark.parametrize("path", sorted(REGRESSIONS.glob("*.toml")), ids=lambda p: p.stem)
def test_each_input_that_once_crashed_gives_its_message(path: Path, tmp_path: Path) -> None:
    copy = tmp_path / path.name  # loaded from a folder of its own, as a stranger's file would be
    shutil.copy(path, copy)
    expected = _expected(path)
    if expected == "ok":
        assert load(copy).scenario
        return
    with pytest.raises(ScenarioError) as info:
        load_any(copy)
    first = info.value.errors[0]
    assert expected in first.message, str(first)
    assert first.file.endswith(path.name) and first.line >= 1 and first.col >= 1


def _refusal(path: Path) -> tuple[str, float, int]:
    """The first error for the file, the seconds it took and the peak memory in bytes (memory
    on a second run: tracing allocations slows the loader several times)."""
    start = time.perf_counter()
    with pytest.raises(ScenarioError) as info:
        load(path)
    seconds = time.perf_counter() - start
    tracemalloc.start()
    try:
        with pytest.raises(ScenarioError):
            load(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return info.value.errors[0].message, seconds, peak


def _big_map(side: int) -> str:
    text = TUTORIAL.read_text(encoding="utf-8")
    rows = "".join(f'  "{"." * side}",\n' for _ in range(side))
    return text.replace("[map]\nrows = [\n", f"[map]\nrows = [\n{rows}", 1)


HUGE = [
    ("a 50 MB file", lambda: 'title = "' + "x" * 50_000_000 + '"\n', "bytes; the limit is"),
    ("10,000 nested arrays", lambda: "a = " + "[" * 10_000 + "]" * 10_000 + "\n", "nested more"),
    ("a 2,000 x 2,000 map", lambda: _big_map(2000), "bytes; the limit is"),
    ("a 1,000 x 1,000 map", lambda: _big_map(1000), f"the limit is {limits.MAX_MAP_ROWS}"),
    ("100,000 units", lambda: '[[units]]\nid = "u"\n' * 100_000, "units; the limit is"),
    ("5,000 events", lambda: '[[events]]\nid = "e"\n' * 5_000, "events; the limit is"),
    ("an array of 50,000 numbers", lambda: "a = [" + "1," * 50_000 + "]\n", "entries in one"),
]


@pytest.mark.parametrize(("what", "make", "message"), HUGE, ids=[h[0] for h in HUGE])
def test_huge_inputs_are_refused_quickly_in_little_memory(
    what: str, make: object, message: str, tmp_path: Path
) -> None:
    path = tmp_path / "huge.toml"
    assert callable(make)
    path.write_text(make(), encoding="utf-8")
    found, seconds, peak = _refusal(path)
    assert message in found, found
    assert seconds < 1.0, f"{what}: {seconds:.2f} s"
    assert peak < 2 * limits.MAX_FILE_BYTES + 40_000_000, f"{what}: {peak / 1e6:.0f} MB"


def _scenario_with_include(folder: Path, include: str) -> Path:
    text = TUTORIAL.read_text(encoding="utf-8").replace(
        'include = ["ruleset:steppe_and_manchuria"]',
        f'include = ["ruleset:steppe_and_manchuria", "{include}"]',
    )
    path = folder / "s.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_symbolic_link_out_of_the_folder_is_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside.toml"
    outside.write_text('[unit_types.rifle]\nname = "Rifle"\nspeed_km = 1000\n', encoding="utf-8")
    home = tmp_path / "home"
    home.mkdir()
    (home / "rules.toml").symlink_to(outside)
    with pytest.raises(ScenarioError) as info:
        load(_scenario_with_include(home, "rules.toml"))
    assert "leads outside the scenario's folder" in info.value.errors[0].message


def test_a_file_in_a_sub_folder_may_be_included(tmp_path: Path) -> None:
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "more.toml").write_text(
        '[ruleset]\nid = "more"\ntitle = "More"\n', encoding="utf-8"
    )
    loaded = load(_scenario_with_include(tmp_path, "rules/../rules/more.toml"))
    assert len(loaded.files) == 3


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX feature")
def test_an_included_pipe_or_device_is_refused_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.toml")
    with pytest.raises(ScenarioError) as info:
        load(_scenario_with_include(tmp_path, "pipe.toml"))
    assert "named pipe" in info.value.errors[0].message
    (tmp_path / "dev.toml").symlink_to("/dev/zero")
    with pytest.raises(ScenarioError) as info:
        load(_scenario_with_include(tmp_path, "dev.toml"))
    assert "outside the scenario's folder" in info.value.errors[0].message


def test_includes_may_not_go_on_for_ever(tmp_path: Path) -> None:
    for n in range(limits.MAX_INCLUDE_DEPTH + 3):
        (tmp_path / f"r{n}.toml").write_text(
            f'include = ["r{n + 1}.toml"]\n[ruleset]\nid = "r{n}"\ntitle = "R"\n',
            encoding="utf-8",
        )
    (tmp_path / f"r{limits.MAX_INCLUDE_DEPTH + 3}.toml").write_text(
        '[ruleset]\nid = "last"\ntitle = "R"\n', encoding="utf-8"
    )
    with pytest.raises(ScenarioError) as info:
        load(_scenario_with_include(tmp_path, "r0.toml"))
    assert f"more than {limits.MAX_INCLUDE_DEPTH} files deep" in info.value.errors[0].message


def test_a_file_including_many_files_is_stopped_at_the_limit(tmp_path: Path) -> None:
    names = [f"r{n}.toml" for n in range(limits.MAX_INCLUDED_FILES + 5)]
    for name in names:
        (tmp_path / name).write_text('[ruleset]\nid = "r"\ntitle = "R"\n', encoding="utf-8")
    text = TUTORIAL.read_text(encoding="utf-8").replace(
        'include = ["ruleset:steppe_and_manchuria"]',
        "include = " + str(["ruleset:steppe_and_manchuria", *names]).replace("'", '"'),
    )
    (tmp_path / "s.toml").write_text(text, encoding="utf-8")
    with pytest.raises(ScenarioError) as info:
        load(tmp_path / "s.toml")
    assert f"more than {limits.MAX_INCLUDED_FILES} files included" in info.value.errors[0].message


def _special_files(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    folder = tmp_path / "folder.toml"
    folder.mkdir()
    binary = tmp_path / "binary.toml"
    binary.write_bytes(bytes(range(256)) * 4)
    found = {
        "a folder": (folder, "this is a folder, not a file"),
        "a binary file": (binary, "this is a binary file, not TOML text"),
        "a missing file": (tmp_path / "missing.toml", "no such file"),
        "a device": (Path("/dev/null"), "this is a device, not a file"),
    }
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe.toml")
        found["a named pipe"] = (tmp_path / "pipe.toml", "this is a named pipe (FIFO)")
    return found


def test_special_files_given_to_validate_get_one_line_each(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for what, (path, message) in _special_files(tmp_path).items():
        if not path.exists() and what != "a missing file":
            continue
        assert main(["validate", str(path)]) == 1, what
        out = capsys.readouterr().out.strip().splitlines()
        assert message in out[0], (what, out)
        assert len([line for line in out if "error:" in line]) == 1, (what, out)


@pytest.mark.parametrize("at", [(-1, 0), (0, -1), (12, 0), (0, 6), (10**20, 3), (3, -(10**20))])
def test_terrain_off_the_map_is_no_terrain(at: tuple[int, int]) -> None:
    from game.scenario.geometry import build_grid

    grid = build_grid(load(TUTORIAL).scenario)
    assert not grid.on_map(at) and grid.terrain(at) == ""
    assert grid.terrain((0, 0)) != ""


def test_reading_scenarios_and_saves_never_runs_code() -> None:
    """The readers parse data (TOML, JSON) and nothing else: none of them can evaluate code."""
    readers = [*sorted((ROOT / "game" / "scenario").glob("*.py")), ROOT / "game" / "saves.py"]
    source = "\n".join(p.read_text(encoding="utf-8") for p in readers)
    for word in ("eval(", "exec(", "pickle", "marshal", "__import__", "importlib.import", "yaml"):
        assert word not in source, word


def test_list_shows_broken_pipes_and_deep_files_without_stopping(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TWO_AUGUSTS_USER_DIR", str(tmp_path))
    shutil.copy(REGRESSIONS / "arrays_nested_1500_deep.toml", tmp_path / "deep.toml")
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe.toml")
    assert main(["list"]) == 1
    out = capsys.readouterr().out
    assert "nested more than" in out
    assert "named pipe" in out or not hasattr(os, "mkfifo")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_file_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "secret.toml"
    shutil.copy(TUTORIAL, path)
    path.chmod(0)
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out.strip().splitlines()
    assert "permission denied" in out[0] and len(out) == 2  # the line and its hint

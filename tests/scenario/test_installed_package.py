"""The game as a user gets it: a wheel built from the repository, installed into a fresh venv.

Offline: the wheel is built without build isolation (setuptools from the test environment), the
fresh venv has no pip of its own and sees the test environment's dependencies through a .pth
file, and nothing is fetched. The game then runs from a folder far from the repository.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT

SOURCES = ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "LICENSE")
TREES = ("game", "scenarios", "assets")
JUNK = shutil.ignore_patterns("__pycache__", "*.pyc", "build", "*.egg-info")


def _run(cmd: list[str], cwd: Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["TWO_AUGUSTS_USER_DIR"] = str(cwd / "user-scenarios")
    return subprocess.run(
        cmd, cwd=cwd, input=stdin, capture_output=True, text=True, timeout=180, env=env
    )


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin/ folder of a fresh venv with the game installed from its wheel."""
    work = tmp_path_factory.mktemp("package")
    src = work / "src"
    src.mkdir()
    for name in SOURCES:
        shutil.copy2(ROOT / name, src / name)
    for tree in TREES:
        shutil.copytree(ROOT / tree, src / tree, ignore=JUNK)
    wheels = work / "wheels"
    pip = [sys.executable, "-m", "pip"]
    build = _run(
        [*pip, "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-w", str(wheels), "."],
        src,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    (wheel,) = wheels.glob("two_augusts-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "game/data/scenarios/khalkhin_gol_1939.toml" in names
    assert "game/data/scenarios/rulesets/steppe_and_manchuria.toml" in names
    assert "game/data/scenarios/scenario.schema.json" in names
    assert "game/data/fonts/DejaVuSansMono.ttf" in names

    env_dir = work / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    fresh = Path(
        sysconfig.get_path("purelib", vars={"base": str(env_dir), "platbase": str(env_dir)})
    )
    (fresh / "test-dependencies.pth").write_text(
        sysconfig.get_path("purelib") + "\n", encoding="utf-8"
    )
    python = env_dir / "bin" / "python"
    install = _run(
        [*pip, "--python", str(python), "install", "--no-deps", "--no-index", str(wheel)], work
    )
    assert install.returncode == 0, install.stdout + install.stderr
    return env_dir / "bin"


def test_the_installed_game_plays_a_shipped_scenario_by_name(
    installed: Path, tmp_path: Path
) -> None:
    where = _run([str(installed / "python"), "-c", "import game; print(game.__file__)"], tmp_path)
    assert Path(where.stdout.strip()).is_relative_to(installed.parent)
    run = _run([str(installed / "two-augusts"), "play", "khalkhin_gol_1939", "--text"], tmp_path)
    assert run.returncode == 0, run.stderr
    assert "Turn 1/72" in run.stdout
    default = _run([str(installed / "two-augusts"), "play", "--text"], tmp_path)
    assert default.returncode == 0, default.stderr
    assert "Khalkhin Gol, July-August 1939" in default.stdout


def test_a_user_scenario_anywhere_uses_the_shipped_ruleset(installed: Path, tmp_path: Path) -> None:
    cli = str(installed / "two-augusts")
    made = _run([cli, "new-scenario", "mine/first_battle.toml"], tmp_path)
    assert made.returncode == 0, made.stderr
    text = (tmp_path / "mine" / "first_battle.toml").read_text(encoding="utf-8")
    schema = Path(text.splitlines()[0].split(maxsplit=1)[1])
    assert (tmp_path / "mine" / schema).resolve().is_file()
    checked = _run([cli, "validate", "mine/first_battle.toml"], tmp_path)
    assert checked.returncode == 0, checked.stdout
    listed = _run([cli, "list", "--scenario-dir", "mine"], tmp_path)
    assert "first_battle" in listed.stdout and "khalkhin_gol_1939" in listed.stdout

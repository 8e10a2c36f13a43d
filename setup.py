"""Build step that puts the game's data inside the package (see pyproject.toml for why).

The repository keeps scenarios/ and assets/fonts/ at the top, where modders and artists find
them; a built wheel carries copies under game/data/ so an installed game finds them with
importlib.resources wherever it runs. Editable installs skip the copy: they read the
repository folders directly (game/scenario/library.py falls back to them).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
DATA = {"scenarios": HERE / "scenarios", "fonts": HERE / "assets" / "fonts"}
PATTERNS = ("*.toml", "*.json", "*.ttf", "*.txt")


class BuildPyWithData(build_py):
    """build_py, then the data folders copied into the built package."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        for name, source in DATA.items():
            target = Path(self.build_lib) / "game" / "data" / name
            shutil.rmtree(target, ignore_errors=True)
            for path in sorted(source.rglob("*")):
                if path.is_file() and any(path.match(p) for p in PATTERNS):
                    dest = target / path.relative_to(source)
                    dest.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy2(path, dest)


setup(cmdclass={"build_py": BuildPyWithData})

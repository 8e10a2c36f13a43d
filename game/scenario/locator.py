"""Where a value came from: paths in the merged scenario mapped back to file:line:col.

Its own module so that the loader (which builds locators) and the cross-checker (which reports
through them) both depend on it rather than on each other.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path as FsPath
from typing import Any

from game.scenario.errors import Problem
from game.scenario.positions import Path, Pos, PositionIndex, index_positions


@dataclass
class SourceFile:
    """One file read: its text, its data, and (when an error needs them) its positions."""

    path: FsPath
    display: str
    text: str
    data: dict[str, Any]

    @cached_property
    def positions(self) -> PositionIndex:
        """Indexed on first use: a file without errors never pays for the scan."""
        return index_positions(self.text)


def rough_position(text: str, path: Path) -> Pos:
    """Where the last key of `path` is first written as a key, found without indexing the
    whole text (used for files refused as too large to index); 1:1 when not found."""
    keys = [part for part in path if isinstance(part, str)]
    if not keys:
        return Pos(1, 1)
    key = re.escape(keys[-1])
    found = re.search(rf'(?m)^[ \t]*(?:\[\[?[^\]\n]*?)?["\']?{key}["\']?[ \t]*[=\].]', text)
    if found is None:
        return Pos(1, 1)
    line = text.count("\n", 0, found.start()) + 1
    col = len(found.group()) - len(found.group().lstrip()) + 1
    return Pos(line, col)


@dataclass
class Locator:
    """Maps a path in the merged data to the file, line and column it came from.

    `remap` turns a path in a repaired copy of the data (invalid parts left out so the
    cross-checks can still run) back into the path in the data as written.
    """

    files: list[SourceFile]
    origins: dict[Path, tuple[int, Path]] = field(default_factory=dict)
    remap: Callable[[Path], Path] | None = None

    def locate(self, path: Path, want_key: bool = False) -> tuple[str, Pos]:
        fid, local = 0, path
        for n in range(len(path), -1, -1):
            hit = self.origins.get(path[:n])
            if hit is not None:
                fid, local = hit[0], hit[1] + path[n:]
                break
        src = self.files[fid]
        pos = src.positions.key(local) if want_key else src.positions.value(local)
        if pos is None:
            near = src.positions.nearest(local)
            pos = near[1] if near else Pos(1, 1)
        return src.display, pos

    def problem(
        self,
        path: Path,
        message: str,
        hint: str = "",
        severity: str = "error",
        want_key: bool = False,
        col_offset: int = 0,
    ) -> Problem:
        if self.remap is not None:
            path = self.remap(path)
        file, pos = self.locate(path, want_key)
        return Problem(
            file=file,
            line=pos.line,
            col=pos.col + col_offset,
            message=message,
            path=dotted(path),
            hint=hint,
            severity="warning" if severity == "warning" else "error",
        )

    def file_order(self, problem: Problem) -> tuple[int, int, int]:
        """Sort key: the main file first, then included files in the order they were read."""
        order = {f.display: n for n, f in enumerate(self.files)}
        return (order.get(problem.file, len(order)), problem.line, problem.col)


def dotted(path: Path) -> str:
    """('units', 3, 'men') -> 'units[3].men'."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + part
    return out

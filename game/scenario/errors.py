"""Problems found in a scenario file, each pinned to file:line:col with a hint for the modder."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or doubtful) in a scenario, in the form `validate` prints."""

    file: str
    line: int
    col: int
    message: str
    path: str = ""
    hint: str = ""
    severity: Severity = "error"

    def __str__(self) -> str:
        text = f"{self.file}:{self.line}:{self.col}: {self.severity}: {self.message}"
        if self.path:
            text += f" [{self.path}]"
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return text


class ScenarioError(Exception):
    """Raised by load_scenario with every problem found, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        errors = [p for p in problems if p.severity == "error"]
        first = str(errors[0]) if errors else "no errors"
        super().__init__(f"{len(errors)} error(s) in scenario; first: {first}")

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

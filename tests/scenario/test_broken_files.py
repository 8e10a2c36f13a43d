"""A table of broken scenario files: each must fail with the exact line, column and message."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from game.scenario import ScenarioError, load_scenario
from tests.conftest import EXAMPLE, SCENARIOS


@dataclass(frozen=True)
class Case:
    name: str
    old: str  # text in the example scenario to replace (must be unique)
    new: str  # what replaces it
    at: str  # text in the broken file where the error must point (first occurrence after `old`)
    message: str  # expected message, exactly
    hint: str = ""  # expected hint, if any
    offset: int = 0  # columns past the start of `at`
    also: tuple[tuple[str, str], ...] = ()  # further (old, new) replacements


CASES = [
    Case(
        "toml syntax error",
        'title = "Example: The Crossing at Tsagan Ford"',
        'title = "Example: The Crossing at Tsagan Ford',
        'title = "Example',
        "TOML syntax: Illegal character (end of line)",
        "a string is not closed: check the quotes on this line",
        offset=len('title = "Example: The Crossing at Tsagan Ford'),
    ),
    Case(
        "wrong type",
        "men = 2800",
        'men = "2800"',
        '"2800"',
        'input should be a valid integer (got "2800")',
        "write numbers without quotes",
    ),
    Case(
        "unknown key",
        "men = 2800",
        "men = 2800\nmorale_bonus = 3",
        "morale_bonus",
        "unknown key 'morale_bonus'",
    ),
    Case(
        "misspelt key",
        "tanks = 150",
        "tnaks = 150",
        "tnaks",
        "unknown key 'tnaks'",
        "did you mean 'tanks'?",
    ),
    Case(
        "unknown unit type",
        'type = "tank_brigade"',
        'type = "tank_brigde"',
        '"tank_brigde"',
        "unknown unit type 'tank_brigde'",
        "did you mean 'tank_brigade'?",
    ),
    Case(
        "duplicate id",
        'id = "r-art"',
        'id = "r-1rr"',
        'id = "r-1rr"\nname = "3rd',
        "duplicate unit id 'r-1rr'",
        "already used by units[0]; ids must be unique",
        offset=len("id = "),
    ),
    Case(
        "unit off the map",
        "at = [2, 3]",
        "at = [22, 3]",
        "[22, 3]",
        "hex [22, 3] is off the map",
        "the map has columns 0-13 and rows 0-8",
    ),
    Case(
        "unknown legend character",
        '"..n....~...o..",',
        '"..n..X.~...o..",',
        '"..n..X',
        "unknown map character 'X' at [5, 4]",
        "add 'X' to [map.legend], or use one of: , . : = ^ n o ~",
        offset=6,
    ),
    Case(
        "ragged rows",
        '"......,~,.....",\n  "..^',
        '"......,~,....",\n  "..^',
        '"......,~,....",',
        "map row 5 has 13 hexes, row 0 has 14",
        "every row must have the same number of characters",
    ),
    Case(
        "bad include path",
        'include = ["ruleset:steppe_and_manchuria"]',
        'include = ["rulesets/steppe_and_manchuria.tml"]',
        '"rulesets/steppe_and_manchuria.tml"',
        "included file 'rulesets/steppe_and_manchuria.tml' not found "
        "(looked for {dir}/examples/rulesets/steppe_and_manchuria.tml)",
        "did you mean 'steppe_and_manchuria.toml'?",
    ),
    Case(
        "include leading out of the scenario's folder",
        'include = ["ruleset:steppe_and_manchuria"]',
        'include = ["../rulesets/steppe_and_manchuria.toml"]',
        '"../rulesets/steppe_and_manchuria.toml"',
        "include '../rulesets/steppe_and_manchuria.toml' leads outside the scenario's folder",
        "keep included files in the scenario's folder (or below it), or use ruleset:NAME for a "
        "shipped ruleset",
    ),
    Case(
        "missing required key",
        "hex_km = 3.0",
        "",
        "[scale]",
        "missing required key 'hex_km' in scale",
        "add hex_km = ...  (Distance across one hex, in kilometres.)",
        offset=1,
    ),
    Case(
        "date written as a string",
        "start = 1939-06-01T06:00:00",
        'start = "1939-06-01T06:00:00"',
        '"1939-06-01T06:00:00"',
        'input should be a valid datetime (got "1939-06-01T06:00:00")',
        "write dates without quotes, e.g. start = 1939-07-02T06:00:00",
    ),
    Case(
        "unknown trigger type",
        'trigger = { type = "turn", turn = 1 }',
        'trigger = { type = "turns", turn = 1 }',
        '"turns"',
        "unknown type 'turns'",
        "did you mean 'turn'?",
    ),
    Case(
        "unit on impassable terrain",
        "at = [2, 3]",
        "at = [3, 7]",
        "[3, 7]",
        "unit 'r-art' (wheeled) stands on impassable Lake or sea at [3, 7]",
        "move it to a hex its movement class can enter",
    ),
    Case(
        "over-stacked start hex",
        "at = [2, 3]",
        "at = [4, 4]",
        "[4, 4]\nmen = 1400",
        "hex [4, 4] holds 2 stacking points of side 'red' at the start; the limit is 1",
        "spread the units over neighbouring hexes or raise map.stacking",
        also=(("stacking = 3", "stacking = 1"),),
    ),
    Case(
        "side without supply",
        '[[sides.supply_sources]]\nedge = "east"\nkind = "edge"\nname = "Railway to the east"\n',
        "",
        '[[sides]]\nid = "blue"',
        "side 'blue' has no supply source",
        'add [[sides.supply_sources]] with at = [col, row] or edge = "west"',
        offset=2,
    ),
    Case(
        "AI plan for a group that does not exist",
        'group = "Assault"\nposture = "attack"',
        'group = "Asault"\nposture = "attack"',
        '"Asault"',
        "side 'red' has no units in group 'Asault'",
        "did you mean 'Assault'?",
    ),
    Case(
        "event pointing at an unknown place",
        'place = "hill_41", by = "red"',
        'place = "hill_14", by = "red"',
        '"hill_14"',
        "unknown place 'hill_14'",
        "did you mean 'hill_41'?",
    ),
    Case(
        "unknown doctrine field in an effect",
        "set = { attacker_losses = 1.4 }",
        "set = { attacker_loss = 1.4 }",
        "attacker_loss =",
        "unknown doctrine field 'attacker_loss'",
        "did you mean 'attacker_losses'?",
    ),
]


def _locate(text: str, needle: str, near: int) -> tuple[int, int]:
    """Line and column of the occurrence of `needle` nearest to offset `near`."""
    hits = [i for i in range(len(text)) if text.startswith(needle, i)]
    assert hits, needle
    i = min(hits, key=lambda h: abs(h - near))
    line = text.count("\n", 0, i) + 1
    col = i - (text.rfind("\n", 0, i) + 1) + 1
    return line, col


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    (tmp_path / "examples").mkdir()
    shutil.copytree(SCENARIOS / "rulesets", tmp_path / "examples" / "rulesets")
    return tmp_path


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_broken_file_is_located(case: Case, workdir: Path) -> None:
    original = EXAMPLE.read_text(encoding="utf-8")
    assert original.count(case.old) >= 1, case.old
    start = original.index(case.old)
    broken = original[:start] + case.new + original[start + len(case.old) :]
    for old, new in case.also:
        broken = broken.replace(old, new, 1)
    path = workdir / "examples" / "broken.toml"
    path.write_text(broken, encoding="utf-8")

    with pytest.raises(ScenarioError) as info:
        load_scenario(path)

    errors = info.value.errors
    line, col = _locate(broken, case.at, start)
    col += case.offset
    message = case.message.format(dir=workdir)
    assert len(errors) == 1, [str(e) for e in errors]
    err = errors[0]
    assert err.message == message
    assert (err.line, err.col) == (line, col), str(err)
    assert err.file.endswith("broken.toml")
    if case.hint:
        assert err.hint == case.hint

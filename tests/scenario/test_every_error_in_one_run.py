"""One run reports every independent problem, model errors and cross-references alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.cli import main
from game.scenario import ScenarioError, load
from tests.conftest import EXAMPLE

# (text in the example, its replacement, words the reported message must contain)
MISTAKES = [
    ('author = "Two Augusts developers"', 'autor = "Two Augusts developers"', "unknown key"),
    ("vp = 5", 'vp = "five"', "valid integer"),
    ('colour = "#c03028"', 'colour = "red"', "should match pattern"),
    ("men = 2400", 'men = "2,400"', "valid integer"),
    ('type = "tank_brigade"', 'type = "tank_brigad"', "unknown unit type 'tank_brigad'"),
    ("at = [2, 3]", "at = [20, 3]", "off the map"),
    ('place = "hill_41"', 'place = "hill_42"', "unknown place 'hill_42'"),
    ('posture = "withdraw"', 'posture = "retreat"', "is not allowed here"),
    ("at = [13, 4]\nmen = 300", "at = [13, 44]\nmen = 300", "off the map"),
    ('restricted_for = ["red"]', 'restricted_for = ["reds"]', "unknown side 'reds'"),
]


def _with_mistakes(tmp_path: Path) -> tuple[Path, str]:
    text = EXAMPLE.read_text(encoding="utf-8")
    for old, new, _ in MISTAKES:
        assert text.count(old) >= 1, old
        text = text.replace(old, new, 1)
    path = tmp_path / "ten_mistakes.toml"
    path.write_text(text, encoding="utf-8")
    return path, text


def _line_of(text: str, fragment: str) -> int:
    first_line = fragment.splitlines()[0]
    return next(n for n, line in enumerate(text.splitlines(), 1) if first_line in line)


def test_ten_independent_mistakes_give_ten_errors_in_file_order(tmp_path: Path) -> None:
    path, text = _with_mistakes(tmp_path)
    with pytest.raises(ScenarioError) as info:
        load(path)
    errors = info.value.errors
    assert len(errors) == len(MISTAKES), "\n".join(map(str, errors))
    expected = sorted((_line_of(text, new), words) for _, new, words in MISTAKES)
    assert [e.line for e in errors] == [line for line, _ in expected]
    for error, (_, words) in zip(errors, expected, strict=True):
        assert words in error.message, str(error)


def test_references_to_a_rejected_part_are_not_reported_again(tmp_path: Path) -> None:
    # The unit b-1ir is rejected (men is not a number), and an event names it: one error only.
    path, _ = _with_mistakes(tmp_path)
    with pytest.raises(ScenarioError) as info:
        load(path)
    assert not any("b-1ir" in e.message for e in info.value.errors)


def test_validate_prints_them_all(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, _ = _with_mistakes(tmp_path)
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert out.count(": error: ") == len(MISTAKES)


def test_a_syntax_error_is_reported_alone_and_first(tmp_path: Path) -> None:
    path, text = _with_mistakes(tmp_path)
    path.write_text(text.replace("[scale]", "[scale"), encoding="utf-8")
    with pytest.raises(ScenarioError) as info:
        load(path)
    (error,) = info.value.problems
    assert error.message.startswith("TOML syntax")


def test_a_required_value_written_as_text_still_lets_the_checks_run(tmp_path: Path) -> None:
    # A quoted date in [calendar] cannot be left out (the calendar needs it); it is read as the
    # date it spells so the units are still checked.
    text = EXAMPLE.read_text(encoding="utf-8")
    text = text.replace("start = 1939-06-01T06:00:00", 'start = "1939-06-01T06:00:00"', 1)
    text = text.replace('type = "tank_brigade"', 'type = "tank_brigad"', 1)
    path = tmp_path / "quoted.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ScenarioError) as info:
        load(path)
    messages = [e.message for e in info.value.errors]
    assert len(messages) == 2, messages
    assert "valid datetime" in messages[0] and "tank_brigad" in messages[1]

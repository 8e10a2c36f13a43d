"""Random typed lines never crash the game: the handler both front ends call answers each one.

The lines are built from the words of the language (verbs, unit ids, hexes, numbers) mixed with
junk (unicode digits, huge numbers, brackets, control characters), from a fixed seed, so every
run types the same lines. Lines that once ended a game in a traceback are kept by name.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from game.rules import Options
from game.scenario import load_scenario
from game.ui.controller import Controller
from game.ui.language import VERBS
from game.ui.players import computer_player
from tests.conftest import EXAMPLE

ONCE_CRASHED = [
    "log ²",
    "log 1" + "0" * 5000,
    "air air_superiority with ²",
    "air support 9,2 with " + "9" * 5000,
    "move r-1rr " + "1" * 5000 + ",1",
    "move r-1rr ٣,٣",
    "map ²,1-3,3",
    "map 1,1-" + "1" * 5000 + ",1",
    "info " + "1" * 30 + ",1",
]
JUNK = ["²", "٣", "Ⅻ", "-", ",", "[", "]", "1e9", "\x00", "\t", "🙂", "with", "support", "no"]


def _table(save_folder: Path, monkeypatch: pytest.MonkeyPatch) -> Controller:
    monkeypatch.setenv("TWO_AUGUSTS_SAVE_DIR", str(save_folder))
    return Controller(
        load_scenario(EXAMPLE),
        EXAMPLE,
        humans={"red"},
        seed=3,
        options=Options(),
        new_computer_player=computer_player("easy"),
    )


def _word(rng: random.Random, table: Controller) -> str:
    units = list(table.names().unit_names)
    kind = rng.randrange(6)
    if kind == 0:
        return rng.choice(units)
    if kind == 1:
        return f"{rng.randint(-3, 30)},{rng.randint(-3, 30)}"
    if kind == 2:
        return str(rng.choice([0, 1, 7, 10**6, 10**12, 10**40]))
    if kind == 3:
        return rng.choice(JUNK)
    if kind == 4:
        return ",".join(rng.sample(units, k=min(len(units), rng.randint(1, 3))))
    return "".join(chr(rng.randint(33, 0x2FFF)) for _ in range(rng.randint(1, 8)))


def random_line(rng: random.Random, table: Controller) -> str:
    verbs = [v for v in VERBS if v not in ("end", "quit")]
    head = rng.choice(verbs) if rng.random() < 0.9 else _word(rng, table)
    return " ".join([head, *(_word(rng, table) for _ in range(rng.randint(0, 5)))])


@pytest.mark.parametrize("line", ONCE_CRASHED, ids=lambda s: s[:30])
def test_lines_that_once_crashed_get_an_answer(
    line: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reply = _table(tmp_path, monkeypatch).handle(line)
    assert not reply.ok and reply.lines[0].startswith("?"), reply.lines


def _type_lines(count: int, seed: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    table = _table(tmp_path, monkeypatch)
    rng = random.Random(seed)
    answered = 0
    for n in range(count):
        line = "end" if n % 500 == 499 else random_line(rng, table)
        reply = table.handle(line)
        assert reply.lines or reply.map_request or reply.legend or reply.quit, line
        answered += 1
    return answered


def test_thousands_of_random_lines_raise_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _type_lines(3000, 14, tmp_path, monkeypatch) == 3000


@pytest.mark.slow
def test_many_more_random_lines_raise_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for seed in range(5):
        assert _type_lines(6000, 100 + seed, tmp_path, monkeypatch) == 6000

"""The terminal that fits: the map is a viewport sized to the terminal (80x24 and 200x60), it
scrolls and centres, `units` wraps cleanly, `reach` marks costs and `legend` explains."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import EXAMPLE, SCENARIOS
from tests.ui.terminal import play_piped

SHIPPED = ["khalkhin_gol_1939", "manchuria_1945"]
STATUS_AND_PROMPT = 3


def map_blocks(out: str) -> list[list[str]]:
    """Each map printed, from its column header to the summary line under it."""
    lines = out.splitlines()
    blocks = []
    for end, line in enumerate(lines):
        if line.startswith(("Columns ", "The whole map")):
            footer = end - 1
            start = max(i for i in range(footer) if lines[i] == lines[footer])
            blocks.append(lines[start : end + 1])
    return blocks


def header_numbers(block: list[str]) -> list[int]:
    return [int(x) for x in block[0].split()]


@pytest.mark.parametrize("name", SHIPPED)
def test_the_map_fits_80_by_24(name: str, tmp_path: Path) -> None:
    script = "map\nmap E\nmap S\nmap all\nunits\n"
    result = play_piped(script, tmp_path, str(SCENARIOS / f"{name}.toml"), COLUMNS="80", LINES="24")
    assert result.returncode == 0, result.stderr
    blocks = map_blocks(result.stdout)
    fitted = [b for b in blocks if not b[-1].startswith("The whole map")]
    assert len(fitted) >= 4  # the first turn's, map, map E, map S
    for block in fitted:
        assert all(len(line) <= 80 for line in block), "\n".join(block)
        assert len(block) + STATUS_AND_PROMPT <= 24
    first, east, south = fitted[1:4]
    assert header_numbers(east)[0] > header_numbers(first)[0]  # scrolled east
    assert int(south[1].split()[0]) > int(east[1].split()[0])  # then south
    # `units` lines never break inside a word at 80 columns
    listing = result.stdout.split("> units\n", 1)[1].split("The newest autosave")[0]
    assert all(len(line) <= 80 for line in listing.splitlines())
    assert "me\nn" not in listing and " me\n" not in listing


@pytest.mark.parametrize("name", SHIPPED)
def test_at_200_by_60_the_whole_map_shows(name: str, tmp_path: Path) -> None:
    result = play_piped("", tmp_path, str(SCENARIOS / f"{name}.toml"), COLUMNS="200", LINES="60")
    assert result.returncode == 0, result.stderr
    block = map_blocks(result.stdout)[0]
    assert block[-1].startswith("The whole map")
    assert all(len(line) <= 200 for line in block)
    assert len(block) + STATUS_AND_PROMPT <= 60


def test_map_place_centres_and_reach_marks_costs(tmp_path: Path) -> None:
    script = "map Urga-Ail\nreach r-2tb\nreach b-2ir\n"
    result = play_piped(script, tmp_path, str(EXAMPLE), "--side", "red", COLUMNS="40", LINES="16")
    out = result.stdout
    centred = map_blocks(out.split("> map Urga-Ail\n", 1)[1])[0]
    assert 11 in header_numbers(centred)
    reach = out.split("> reach r-2tb\n", 1)[1].split("> reach b-2ir", 1)[0]
    assert "2nd Tank Brigade at [4,4] can reach" in " ".join(reach.split())
    rows = [row.split(maxsplit=1)[1].rsplit(maxsplit=1)[0] for row in map_blocks(reach)[0][1:-2]]
    assert any(ch.isdigit() for row in rows for ch in row)
    assert "2nd Infantry Regiment is not yours" in out

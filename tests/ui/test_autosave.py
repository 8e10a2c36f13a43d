"""Never losing a game: autosaves at the start of each human turn, rotating; `continue` and
`play --continue`; leaving asks to save at a terminal and says where the autosave is."""

from __future__ import annotations

from pathlib import Path

from game.ui.autosave import KEEP
from tests.conftest import EXAMPLE
from tests.ui.terminal import Terminal, play_piped

TURNS = KEEP + 2  # enough human turns that the oldest autosaves are deleted

CTRL_C_ATTEMPTS = 5
CTRL_C_WAIT = 10.0  # seconds


def test_every_human_turn_is_autosaved_and_the_oldest_rotate_out(tmp_path: Path) -> None:
    result = play_piped("end\n" * TURNS, tmp_path, str(EXAMPLE), "--side", "red")
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in (tmp_path / "autosave").glob("*.json"))
    # Turns 1..TURNS+1 began with Red to move; only the newest KEEP are left.
    expected = [
        f"example_river_crossing-t{t:02d}-red.json" for t in range(TURNS + 2 - KEEP, TURNS + 2)
    ]
    assert names == expected
    newest = tmp_path / "autosave" / expected[-1]
    said = " ".join(result.stdout.split())
    assert f"The newest autosave is {newest} ('two-augusts play --continue' resumes it)." in said


def test_continue_resumes_the_newest_autosave(tmp_path: Path) -> None:
    first = play_piped("move r-2tb 8,3\nend\nquit\n", tmp_path, str(EXAMPLE), "--side", "red")
    assert first.returncode == 0, first.stderr
    resumed = play_piped("info r-2tb\n", tmp_path, "--continue")
    assert resumed.returncode == 0, resumed.stderr
    assert "example_river_crossing-t02-red.json" in resumed.stderr
    assert "Turn 2/10" in resumed.stdout and "at [8,3]" in resumed.stdout
    # In a game, `continue` goes back to the newest autosave of this scenario.
    again = play_piped("move r-2tb 7,3\ncontinue\ninfo r-2tb\n", tmp_path, str(EXAMPLE))
    assert "Loaded 'example_river_crossing-t01-red'." in again.stdout
    after = again.stdout.split("> continue", 1)[1]
    assert "Turn 1/10" in after and "at [4,4]" in after


def test_continue_with_no_autosave_says_so(tmp_path: Path) -> None:
    result = play_piped("", tmp_path, "--continue")
    assert result.returncode == 1
    assert f"no autosave to continue in {tmp_path / 'autosave'}" in result.stderr
    in_game = play_piped("continue\n", tmp_path / "other", str(EXAMPLE))
    assert "No autosave of this scenario in" not in in_game.stdout  # the first turn was saved


def test_quit_at_a_terminal_asks_to_save_unsaved_progress(tmp_path: Path) -> None:
    term = Terminal(tmp_path, str(EXAMPLE), "--side", "red")
    term.expect("Red 01 Jun 06:00>")
    term.type("move r-2tb 8,3")
    term.expect("moves from [4,4] to [8,3]")
    term.type("quit")
    term.expect("Save before leaving?")
    term.type("evening")
    text = term.expect("Farewell.")
    assert term.close() == 0
    assert "Saved as 'evening'" in text
    assert (tmp_path / "evening.json").is_file()


def test_ctrl_c_and_ctrl_d_ask_too_and_nothing_is_asked_without_progress(tmp_path: Path) -> None:
    term = Terminal(tmp_path, str(EXAMPLE), "--side", "red")
    term.expect("Red 01 Jun 06:00>")
    term.type("move r-2tb 8,3")
    move_line = "moves from [4,4] to [8,3]"
    moved = term.expect(move_line)
    # waiting at the prompt again (it may have come in the same read as the move's dispatch)
    term.expect("Red 01 Jun 06:00>", after=moved.rindex(move_line))
    for _attempt in range(CTRL_C_ATTEMPTS):  # a loaded machine can lose a keystroke's signal
        term.send(bytes([3]))  # Ctrl-C
        try:
            term.expect("Save before leaving?", timeout=CTRL_C_WAIT)
            break
        except AssertionError:
            continue
    term.expect("Save before leaving?")
    term.type("")
    text = term.expect("The newest autosave is")
    assert term.close() == 0
    assert "Traceback" not in text and "interrupted" not in text
    quiet = Terminal(tmp_path, str(EXAMPLE), "--side", "red")
    quiet.expect("Red 01 Jun 06:00>")
    quiet.send(bytes([4]))  # Ctrl-D with nothing done: leaves at once
    text = quiet.expect("The newest autosave is")
    assert quiet.close() == 0
    assert "Save before leaving?" not in text

"""The messages play in the terminal found misleading, each with the text that replaces it."""

from __future__ import annotations

from pathlib import Path

from game.rules import Game
from game.rules.events import doctrine_words
from game.rules.text import verb_for
from game.scenario import load_scenario
from game.ui import describe
from tests.conftest import EXAMPLE, SCENARIOS
from tests.ui.terminal import Terminal, play_piped

KHALKHIN = str(SCENARIOS / "khalkhin_gol_1939.toml")
MANCHURIA = str(SCENARIOS / "manchuria_1945.toml")


def reply_to(out: str, line: str) -> str:
    """What the game answered to one scripted line, on one line of words."""
    part = out.split(f"> {line}\n", 1)[1].split("\n> ", 1)[0].split("The newest autosave")[0]
    return " ".join(part.split())


def test_an_attacker_out_of_range_is_not_next_to_the_target(tmp_path: Path) -> None:
    line = "odds 34,12 with fe2-15a"
    result = play_piped(line + "\n", tmp_path, MANCHURIA, "--side", "soviet")
    said = reply_to(result.stdout, line)
    assert "15th Army (Mamonov) at [35,9] is not next to [34,12]" in said
    assert "The hexes next to [34,12]: [35,12], [34,11], [33,11], [33,12], [33,13], [34,13]." in (
        said
    )
    assert "choose at least one unit" not in said and "out of range" not in said


def test_an_attack_on_a_hex_without_enemies_says_so(tmp_path: Path) -> None:
    line = "odds 6,18 with s-pont1"
    result = play_piped(line + "\n", tmp_path, KHALKHIN, "--side", "soviet")
    said = reply_to(result.stdout, line)
    assert said == "Not allowed: there is no enemy you can see at [6,18] to attack."


def test_move_only_looks_among_the_players_own_units(tmp_path: Path) -> None:
    script = "move 7th 3,11\nmove s-7mab 3,11\n"
    result = play_piped(script, tmp_path, KHALKHIN, "--side", "japanese")
    first = reply_to(result.stdout, "move 7th 3,11")
    assert "could be several units" not in first
    assert "s-7mab" not in first
    enemy = reply_to(result.stdout, "move s-7mab 3,11")
    assert enemy.startswith("?") and "[s-7mab] is not one of your units" in enemy


def test_air_alone_shows_the_air_status(tmp_path: Path) -> None:
    result = play_piped("air\n", tmp_path, KHALKHIN, "--side", "soviet")
    said = reply_to(result.stdout, "air")
    assert said.startswith("Soviet aircraft: ") and "free" in said
    assert "unknown air mission" not in said


def test_undo_says_which_move_it_took_back(tmp_path: Path) -> None:
    script = "move r-2tb 8,3\nundo\n"
    result = play_piped(script, tmp_path, str(EXAMPLE), "--side", "red")
    said = reply_to(result.stdout, "undo")
    assert said.startswith("Took back 2nd Tank Brigade's move to [8,3]: it is at [4,4] again")


def test_side_names_are_read_in_any_case(tmp_path: Path) -> None:
    result = play_piped("", tmp_path, KHALKHIN, "--side", "Soviet")
    assert result.returncode == 0, result.stderr
    assert " - Soviet to move - " in result.stdout
    named = play_piped("", tmp_path, str(EXAMPLE), "--side", "BLUE")
    assert named.returncode == 0, named.stderr


def test_doctrine_changes_are_told_in_words() -> None:
    assert doctrine_words("initiative", 0.1) == "share of movement left after attacking now 10%"
    assert "=" not in doctrine_words("capture_share", 0.9)
    assert doctrine_words("rigid_orders", True).endswith(": yes")


def test_plural_unit_names_take_plural_verbs() -> None:
    assert verb_for("Border guard units (6th Army)", "routs", "rout") == "rout"
    assert verb_for("23rd Reconnaissance (Cavalry) Regiment", "routs", "rout") == "routs"
    assert verb_for("10th Mechanized Corps", "falls back", "fall back") == "falls back"


def test_one_gun_is_one_gun() -> None:
    state = Game(load_scenario(EXAMPLE), seed=1).state
    unit = next(iter(state.units.values()))
    unit.guns, unit.tanks, unit.men = 1, 1, 1
    assert describe.strength_text(unit) == "1 man, 1 tank, 1 gun"
    unit.guns, unit.men = 2, 2000
    assert describe.strength_text(unit) == "2,000 men, 1 tank, 2 guns"
    assert describe.plural(3, "hex") == "3 hexes" and describe.plural(1, "turn") == "1 turn"


def test_piped_input_prints_each_turns_status_and_map_once(tmp_path: Path) -> None:
    result = play_piped("end\nend\n", tmp_path, str(EXAMPLE), "--side", "red")
    out = result.stdout
    for turn in (1, 2, 3):
        assert out.count(f"Turn {turn}/10, ") == 1
    assert out.count("The whole map") == 3


def test_hot_seat_with_fog_hands_over_between_the_players(tmp_path: Path) -> None:
    result = play_piped("end\n", tmp_path, str(EXAMPLE), "--side", "both", "--fog")
    assert result.returncode == 0, result.stderr
    after = result.stdout.split("> end\n", 1)[1]
    assert after.startswith("=== Hand over to the player of the ")
    term = Terminal(tmp_path, str(EXAMPLE), "--side", "both", "--fog")
    term.expect("Red 01 Jun 06:00>")
    term.type("end")
    term.expect("Press Enter when the other player cannot see the screen.")
    term.type("")
    text = term.expect("Blue 01 Jun ")
    assert "\x1b[2J" in text
    term.type("quit")
    term.expect("Save before leaving?")  # the end of Red's turn is unsaved progress
    term.type("")
    term.expect("Farewell.")
    assert term.close() == 0


def test_delay_paces_the_computer_and_shows_each_turn(tmp_path: Path) -> None:
    quick = play_piped("", tmp_path, str(EXAMPLE), "--side", "none", "--seed", "2")
    paced = play_piped(
        "", tmp_path, str(EXAMPLE), "--side", "none", "--seed", "2", "--delay", "0.01"
    )
    assert paced.returncode == 0, paced.stderr
    assert "The whole map" not in quick.stdout
    # each computer side-turn but the last is followed by the status and the map
    assert "Turn 1/10, 1 Jun 1939 06:00 - Blue to move" in paced.stdout
    assert "Turn 2/10, 1 Jun 1939 18:00 - Red to move" in paced.stdout
    assert paced.stdout.count("The whole map") == paced.stdout.count("\nTurn ")
    # the same game either way: the same report at the end
    assert (
        quick.stdout.split("AFTER-ACTION REPORT")[1] == paced.stdout.split("AFTER-ACTION REPORT")[1]
    )

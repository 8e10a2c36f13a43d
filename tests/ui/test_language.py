"""The command language: parsing, canonical formatting, errors with suggestions."""

from __future__ import annotations

from typing import get_args

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.rules import (
    AirCommand,
    AttackCommand,
    BombardCommand,
    Command,
    EndTurnCommand,
    EntrenchCommand,
    MoveCommand,
    RailCommand,
)
from game.ui.language import VERBS, LanguageError, Names, Parsed, format_command, parse
from game.ui.requests import (
    Help,
    HexInfo,
    ListUnits,
    LoadGame,
    Odds,
    Quit,
    Request,
    SaveGame,
    ShowLog,
    ShowMap,
    Undo,
    UnitInfo,
)

NAMES = Names(
    unit_names={
        "11tb": "11th Tank Brigade",
        "7mab": "7th Motorized Armored Brigade",
        "24mrr": "24th Motorized Rifle Regiment",
        "26ir": "26th Infantry Regiment",
        "64ir": "64th Infantry Regiment",
    },
    places={"Bain-Tsagan": (4, 8), "Fui Heights": (12, 5), "Nomonhan": (16, 14)},
    groups=("Northern", "Southern"),
    width=20,
    height=30,
)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("move 11tb 7,4", MoveCommand(unit="11tb", to=(7, 4))),
        ("move 11th Tank Brigade Bain-Tsagan", MoveCommand(unit="11tb", to=(4, 8))),
        ("m 11th fui heights", MoveCommand(unit="11tb", to=(12, 5))),
        ("MOVE 7mab [3, 9]", MoveCommand(unit="7mab", to=(3, 9))),
        ("rail 26ir Nomonhan", RailCommand(unit="26ir", to=(16, 14))),
        ("move 26th Infantry Regiment 7,4 by rail", RailCommand(unit="26ir", to=(7, 4))),
        ("m 64ir fui heights by train", RailCommand(unit="64ir", to=(12, 5))),
        ("attack 12,5 with 11tb, 7mab", AttackCommand(target=(12, 5), units=("11tb", "7mab"))),
        (
            "attack Fui Heights with 11tb and 24mrr",
            AttackCommand(target=(12, 5), units=("11tb", "24mrr")),
        ),
        (
            "attack 12,5 with 11tb support 24mrr no advance",
            AttackCommand(target=(12, 5), units=("11tb",), support=("24mrr",), advance=False),
        ),
        ("bombard Nomonhan with 24", BombardCommand(unit="24mrr", target=(16, 14))),
        ("air support 12,5", AirCommand(mission="support", target=(12, 5))),
        ("air superiority", AirCommand(mission="air_superiority")),
        (
            "air support Fui Heights with 40",
            AirCommand(mission="support", target=(12, 5), aircraft=40),
        ),
        (
            "air interdiction 3,3 with 12 aircraft",
            AirCommand(mission="interdiction", target=(3, 3), aircraft=12),
        ),
        ("entrench 26ir", EntrenchCommand(unit="26ir")),
        ("end", EndTurnCommand()),
        ("undo", Undo()),
        ("info 64", UnitInfo("64ir")),
        ("info Nomonhan", HexInfo((16, 14))),
        ("odds 12,5 with 11tb", Odds(AttackCommand(target=(12, 5), units=("11tb",)))),
        ("units northern", ListUnits("Northern")),
        ("map", ShowMap()),
        ("map 0,0-10,10", ShowMap(((0, 0), (10, 10)))),
        ("log 5", ShowLog(5)),
        ("save first_try", SaveGame("first_try")),
        ("load first_try", LoadGame("first_try")),
        ("help attack", Help("attack")),
        ("quit", Quit()),
    ],
)
def test_parse(line: str, expected: Parsed) -> None:
    assert parse(line, NAMES) == expected
    assert parse(format_command(expected), NAMES) == expected


@pytest.mark.parametrize(
    ("line", "message", "suggestion"),
    [
        ("mvoe 11tb 7,4", "unknown command 'mvoe'", "'move'"),
        ("move 12tb 7,4", "no unit called '12tb'", "'11tb'"),
        ("move 11tb Bain-Tsagn", "no place called 'Bain-Tsagn'", "'Bain-Tsagan'"),
        ("move 11tb 40,4", "hex 40,4 is off the map (columns 0-19, rows 0-29)", ""),
        ("attack 12,5 11tb", "attack needs 'with': attack HEX with UNIT[,UNIT...]", ""),
        (
            "air supprt 3,3",
            "unknown air mission 'supprt' (support, interdiction or air_superiority)",
            "'support'",
        ),
        ("move 2 7,4", "'2' could be several units: 24mrr, 26ir", ""),
        ("units nothern", "no group called 'nothern'", "'Northern'"),
        ("end now", "'end' takes nothing after it, not 'now'", ""),
        ("air support 3,3 with many", "'with many': give the number of aircraft, e.g. with 50", ""),
        ("help atack", "no help on 'atack'", "'help attack'"),
    ],
)
def test_errors_say_why_and_suggest(line: str, message: str, suggestion: str) -> None:
    with pytest.raises(LanguageError) as info:
        parse(line, NAMES)
    assert info.value.message == message
    assert info.value.suggestion == suggestion


WORDS = st.sampled_from(
    [
        *VERBS,
        "with",
        "11tb",
        "7mab",
        "Fui",
        "Heights",
        "Bain-Tsagan",
        "3,4",
        "[2, 9]",
        ",",
        "and",
        "support",
        "no advance",
        "by rail",
        "air_superiority",
        "-",
        "0,0-5,5",
        "99",
        "",
        "ü",
        "with with",
    ]
)


@settings(max_examples=400)
@given(st.lists(WORDS, max_size=6).map(" ".join) | st.text(max_size=40))
def test_no_line_raises_anything_but_language_error(line: str) -> None:
    try:
        cmd = parse(line, NAMES)
    except LanguageError as exc:
        assert exc.message
        return
    # Whatever parsed formats to a canonical line that parses back to the same command.
    text = format_command(cmd)
    assert parse(text, NAMES) == cmd
    assert format_command(parse(text, NAMES)) == text


@pytest.mark.parametrize("place", ["Bain-Tsagan", "Fui Heights", "Nomonhan"])
def test_map_on_a_place_centres_there_and_round_trips(place: str) -> None:
    request = parse(f"map {place}", NAMES)
    assert request == ShowMap(centre=NAMES.places[place])
    assert parse(format_command(request), NAMES) == request


@pytest.mark.parametrize(
    ("line", "wanted"),
    [
        ("map N", ShowMap(scroll="n")),
        ("map south", ShowMap(scroll="s")),
        ("map e", ShowMap(scroll="e")),
        ("map West", ShowMap(scroll="w")),
        ("map all", ShowMap(everything=True)),
        ("map 3,4", ShowMap(centre=(3, 4))),
    ],
)
def test_map_scrolls_centres_and_shows_everything(line: str, wanted: ShowMap) -> None:
    assert parse(line, NAMES) == wanted
    assert parse(format_command(wanted), NAMES) == wanted


def test_map_area_past_the_edge_is_cut_to_the_map() -> None:
    assert parse("map 15,25-40,40", NAMES) == ShowMap(((15, 25), (19, 29)))


def test_every_command_and_request_has_a_verb() -> None:
    made = {kind for verb in VERBS.values() for kind in verb.makes}
    assert set(get_args(get_args(Command)[0])) <= made
    assert set(get_args(Request)) <= made

"""Victory points, levels against the thresholds, sudden death and the end of the calendar."""

from __future__ import annotations

import pytest

from game.rules import EndTurnCommand, MoveCommand, apply, status, validate
from tests.rules.conftest import OPEN, unit

BASE = [unit("r", "red", "inf", (1, 3)), unit("b", "blue", "inf", (8, 0))]


def place(vp, owner, at=(4, 3), pid="p"):
    return (
        f'[[places]]\nid = "{pid}"\nname = "Place {pid}"\nat = [{at[0]}, {at[1]}]\n'
        f'vp = {vp}\nowner = "{owner}"\n'
    )


@pytest.mark.parametrize(
    ("vp", "owner", "level", "winner"),
    [
        (12, "red", "decisive", "red"),
        (6, "red", "marginal", "red"),
        (4, "red", "draw", ""),
        (6, "blue", "marginal", "blue"),
        (12, "blue", "decisive", "blue"),
    ],
)
def test_levels_follow_the_thresholds(start, vp, owner, level, winner):
    g = start(OPEN, BASE, extra=place(vp, owner))
    st = status(g)
    assert (st.level, st.winner) == (level, winner)


def test_enemy_men_put_out_score_points(start):
    victory = (
        'score_side = "red"\ndecisive = 10\nmarginal = 5\nopponent_marginal = -5\n'
        "opponent_decisive = -10\nvp_per_1000_men = 2.0"
    )
    units = [unit("r", "red", "inf", (3, 3), men=10000), unit("b", "blue", "inf", (4, 3), men=3000)]
    from game.rules import AttackCommand

    g = start(OPEN, units, victory=victory)
    g2, _ = apply(g, AttackCommand(target=(4, 3), units=("r",)))
    lost = g2.sides["blue"].men_lost
    assert lost > 0
    assert status(g2).breakdown["red"]["men"] == pytest.approx(lost / 1000 * 2.0, abs=0.01)


def test_zone_objectives_score_when_the_zone_holds_no_enemy(start):
    zone = '[[zones]]\nid = "z"\nname = "Z"\nrows = [' + ",".join(['"....#####"'] * 7) + "]\n"
    victory = (
        'score_side = "red"\ndecisive = 10\nmarginal = 5\nopponent_marginal = -5\n'
        'opponent_decisive = -10\nzones = [{ zone = "z", side = "red", vp = 7 }]'
    )
    g = start(OPEN, BASE, extra=zone, victory=victory)
    assert status(g).breakdown["red"]["zones"] == 0  # blue is in it
    g = start(
        OPEN,
        [unit("r", "red", "inf", (1, 3)), unit("b", "blue", "inf", (0, 0))],
        extra=zone,
        victory=victory,
    )
    assert status(g).level == "marginal"


def test_sudden_death_ends_the_game(start):
    victory = (
        'score_side = "red"\ndecisive = 10\nmarginal = 5\nopponent_marginal = -5\n'
        'opponent_decisive = -10\nsudden_death = { red = ["p"] }'
    )
    g = start(OPEN, BASE, extra=place(1, "blue", at=(2, 3)), victory=victory)
    g, events = apply(g, MoveCommand(unit="r", to=(2, 3)))
    assert g.game_over
    assert g.result["winner"] == "red" and g.result["level"] == "decisive"
    assert validate(g, EndTurnCommand()) == ["the game is over"]
    assert events[-1].kind == "victory"


def test_the_game_ends_when_the_calendar_runs_out(start):
    cal = (
        "start = 1939-08-20T06:00:00\nend = 1939-08-21T06:00:00\nturn_hours = 24\n"
        'first_side = "red"'
    )
    g = start(OPEN, BASE, calendar=cal)
    for _ in range(3):
        g, _ = apply(g, EndTurnCommand())
    assert not g.game_over and g.turn == 2
    g, events = apply(g, EndTurnCommand())
    assert g.game_over and g.result["reason"] == "calendar"
    assert g.result["level"] == "draw"
    assert "draw" in events[-1].text

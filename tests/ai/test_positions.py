"""Test positions: small scenarios (tests/ai/positions/) with one clearly right decision each,
and a check of what the AI did. docs/ai.md lists which level passes which; hard passes all."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from game.ai import AIPlayer, Difficulty, level
from game.hexes import Hex
from game.rules import (
    AttackCommand,
    EndTurnCommand,
    GameState,
    MoveCommand,
    Options,
    RailCommand,
    apply,
    new_game,
)
from game.rules.ai_api import reachable_hexes
from tests.ai.position_play import (
    SEED,
    Turn,
    at,
    cut_off,
    play_position,
    position,
    unit_hex,
)

Check = Callable[[str], None]


def attacks(t: Turn) -> list[AttackCommand]:
    return [c for c in t.result.commands if isinstance(c, AttackCommand)]


def check_close_pocket(level: str) -> None:
    (t,) = play_position("close_pocket", level)
    assert cut_off(t.after, "blue") == ["b-inf-1", "b-inf-2"]


def check_bad_odds(level: str) -> None:
    (t,) = play_position("bad_odds", level)
    assert attacks(t) == []


def check_bad_odds_assault(level: str) -> None:
    (t,) = play_position("bad_odds_assault", level)
    assert [c.target for c in attacks(t)] == [(6, 3)]


def check_cut_supply(level: str) -> None:
    (t,) = play_position("cut_supply", level)
    assert cut_off(t.after, "blue") == ["b-div"]


def check_raid(level: str) -> None:
    (t,) = play_position("raid", level)
    raider = at(t.after, 0, 5)
    hit = any(c.target == (0, 5) for c in attacks(t))
    near = any(
        u.side == "red" and u.pos is not None and u.pos.distance(raider) <= 1
        for u in t.after.units.values()
    )
    assert hit or near


def check_pontoon(level: str) -> None:
    first, second = play_position("pontoon", level, turns=2)
    pontoon = at(first.before, 6, 0)
    start = unit_hex(first.before, "r-rifles")
    assert unit_hex(first.after, "r-rifles").distance(pontoon) < start.distance(pontoon)
    col, _ = second.after.board.coord[unit_hex(second.after, "r-rifles")]
    assert col >= 6  # on the pontoon or over it


def check_rail(level: str) -> None:
    (t,) = play_position("rail", level)
    route = {at(t.before, c, 0) for c in range(18)}
    moves = [c for c in t.result.commands if isinstance(c, MoveCommand)]
    assert moves and all(t.before.board.hex_at(c.to) in route for c in moves)


def check_train(level: str) -> None:
    """The division goes by train and ends nearer the front than a march could take it."""
    (t,) = play_position("train", level)
    rides = [c for c in t.result.commands if isinstance(c, RailCommand)]
    assert [c.unit for c in rides] == ["r-reserve"]
    town = at(t.before, 29, 2)
    marched = max(h.distance(town) for h in reachable_hexes(t.before, t.before.units["r-reserve"]))
    assert unit_hex(t.after, "r-reserve").distance(town) < marched - 10


def check_train_reinforce(level: str) -> None:
    """The empty city the enemy's tanks are about to reach gets the division by train."""
    (t,) = play_position("train_reinforce", level)
    assert unit_hex(t.after, "r-div") == at(t.before, 10, 2)
    assert any(isinstance(c, RailCommand) for c in t.result.commands)


def check_train_endgame(level: str) -> None:
    """The last days: the empty city that scores gets the division by train, threat or none."""
    (t,) = play_position("train_endgame", level)
    assert unit_hex(t.after, "r-div") == at(t.before, 10, 2)


def check_train_two_days(level: str) -> None:
    """No train reaches the empty city today: one takes the division nearer, the next into it."""
    first, second = play_position("train_two_days", level, turns=2)
    city = at(first.before, 10, 2)
    start = unit_hex(first.before, "r-div").distance(city)
    assert unit_hex(first.after, "r-div").distance(city) < start
    assert unit_hex(second.after, "r-div") == city


def check_reserve(level: str) -> None:
    """Turn 1 the front holds: the reserve stays. Then Blue's tanks break in to [9,3]; turn 2
    the reserve goes for them."""
    scripted = [[MoveCommand(unit="b-tanks", to=(9, 3))]]  # type: ignore[arg-type]
    first, second = play_position("reserve", level, turns=2, replies=scripted)
    assert unit_hex(first.after, "r-reserve") == unit_hex(first.before, "r-reserve")
    intruder = at(second.before, 9, 3)
    assert unit_hex(second.before, "b-tanks") == intruder
    went = unit_hex(second.after, "r-reserve").distance(intruder) <= 1
    assert went or any(c.target == (9, 3) for c in attacks(second))


def check_last_turn(level: str) -> None:
    """The game is ending: the place decides the score, so the attack is made at odds an
    attack order alone would not justify, and the attackers go into the place."""
    (t,) = play_position("last_turn", level)
    assert [(c.target, c.advance) for c in attacks(t)] == [((6, 3), True)]


def check_hold_taken(level: str) -> None:
    (t,) = play_position("hold_taken", level)
    objectives = [at(t.after, 3, 2), at(t.after, 3, 4)]
    red = [u for u in t.after.units.values() if u.side == "red" and u.pos is not None]
    for o in objectives:
        assert any(u.pos == o for u in red)
    assert all(min(o.distance(u.pos) for o in objectives) <= 1 for u in red if u.pos)


def _slip_away(state: GameState) -> list[MoveCommand]:
    """Blue's division steps as far out of sight of every Red unit as it can."""
    u = state.units["b-div"]
    red = [x.pos for x in state.units.values() if x.side == "red" and x.pos is not None]
    hidden = sorted(h for h in reachable_hexes(state, u) if all(h.distance(r) >= 2 for r in red))
    assert hidden, "the position leaves Blue no way out of sight"
    far = max(hidden, key=lambda h: (min(h.distance(r) for r in red), h))
    return [MoveCommand(unit="b-div", to=state.board.coord[far])]


def _fog_second_turn(diff: Difficulty) -> tuple[Hex, Hex]:
    """Two turns of the fog position: where Blue was last seen, and where Red's tanks end the
    second turn (after Blue has slipped out of sight)."""
    state = new_game(position("fog_memory"), SEED, Options(fog=True))
    ai = AIPlayer(diff)
    r = ai.play_turn(state)
    state, _ = apply(r.state, EndTurnCommand())
    last_seen = unit_hex(state, "b-div")
    for cmd in _slip_away(state):
        state, _ = apply(state, cmd)
    state, _ = apply(state, EndTurnCommand())
    r2 = ai.play_turn(state)
    assert r2.refused == 0
    return last_seen, unit_hex(r2.state, "r-tanks")


def check_fog_memory(name: str) -> None:
    """After Blue slips out of sight, Red's tanks go where it was last seen, nearer than the
    same level without a memory would."""
    diff = level(name)
    last_seen, remembering = _fog_second_turn(diff)
    _, forgetting = _fog_second_turn(replace(diff, memory_turns=0))
    assert remembering.distance(last_seen) < forgetting.distance(last_seen)


def check_breakout(level: str) -> None:
    (t,) = play_position("breakout", level)
    assert any(c.target == (4, 3) for c in attacks(t)) or not cut_off(t.after, "red")


def _in_zone(state: GameState, uid: str) -> bool:
    return unit_hex(state, uid) in state.board.zones["claimed"]


def check_straggler(level: str) -> None:
    """The last days: Red sends spare units after the Blue regiment left alone in the zone."""
    (t,) = play_position("straggler", level)
    lost = unit_hex(t.before, "b-lost")
    red = ("r-rifles-1", "r-rifles-2", "r-tanks")
    nearer = [
        u for u in red if unit_hex(t.after, u).distance(lost) < unit_hex(t.before, u).distance(lost)
    ]
    assert len(nearer) >= 2, nearer


def check_rearguard(level: str) -> None:
    """Ordered out of the zone Red scores, Blue leaves the regiment on the hill behind and
    takes the other out."""
    (t,) = play_position("rearguard", level)
    assert _in_zone(t.after, "b-hill")
    assert not _in_zone(t.after, "b-open")


def check_rearguard_cut_off(level: str) -> None:
    """The division is ordered out while the garrison holds: the regiment cut off behind Red's
    line stays where it is; the one in supply leaves the zone."""
    (t,) = play_position("rearguard_cut_off", level)
    assert unit_hex(t.after, "b-cut") == unit_hex(t.before, "b-cut")
    assert not _in_zone(t.after, "b-open")


def check_pocket_blows(level: str) -> None:
    """A pocket cut off from supply in the last turns: several attacks, not one."""
    (t,) = play_position("pocket_blows", level)
    assert len(attacks(t)) >= 2
    assert all(c.target == (6, 3) for c in attacks(t))


def check_holder_caution(level: str) -> None:
    """Red holds the place Blue must take: no counter-attack at about 2 to 1."""
    (t,) = play_position("holder_caution", level)
    assert attacks(t) == []


CHECKS: dict[str, Check] = {
    "close_pocket": check_close_pocket,
    "bad_odds": check_bad_odds,
    "bad_odds_assault": check_bad_odds_assault,
    "cut_supply": check_cut_supply,
    "raid": check_raid,
    "pontoon": check_pontoon,
    "rail": check_rail,
    "train": check_train,
    "train_reinforce": check_train_reinforce,
    "train_endgame": check_train_endgame,
    "train_two_days": check_train_two_days,
    "reserve": check_reserve,
    "hold_taken": check_hold_taken,
    "fog_memory": check_fog_memory,
    "breakout": check_breakout,
    "last_turn": check_last_turn,
    "straggler": check_straggler,
    "rearguard": check_rearguard,
    "rearguard_cut_off": check_rearguard_cut_off,
    "pocket_blows": check_pocket_blows,
    "holder_caution": check_holder_caution,
}

# What docs/ai.md promises for each level (hard: every position).
PROMISED: dict[str, tuple[str, ...]] = {
    "easy": (
        "bad_odds",
        "bad_odds_assault",
        "pontoon",
        "rail",
        "train",
        "reserve",
        "hold_taken",
    ),
    "normal": (
        "close_pocket",
        "bad_odds",
        "bad_odds_assault",
        "raid",
        "pontoon",
        "rail",
        "train",
        "reserve",
        "hold_taken",
        "fog_memory",
        "breakout",
    ),
    "hard": tuple(CHECKS),
}


@pytest.mark.parametrize(
    ("level", "name"), [(lv, n) for lv, names in PROMISED.items() for n in names]
)
def test_position(level: str, name: str) -> None:
    CHECKS[name](level)


def test_every_position_file_has_a_check() -> None:
    from tests.ai.position_play import POSITIONS

    assert sorted(p.stem for p in POSITIONS.glob("*.toml")) == sorted(CHECKS)


def test_a_sighting_fades_out() -> None:
    """A memory of one turn has forgotten Blue by the second: the tanks do as if never told."""
    diff = level("hard")
    _, short = _fog_second_turn(replace(diff, memory_turns=1))
    _, none = _fog_second_turn(replace(diff, memory_turns=0))
    assert short == none


def test_pocket_blows_are_a_skill_of_their_own() -> None:
    """The same level without the skill throws every unit round the pocket into one attack
    (the last turns' all-in), so the blows come from the rule, not from the ring's shape."""
    state = new_game(position("pocket_blows"), SEED, Options())
    r = AIPlayer(replace(level("hard"), pocket_blows=False)).play_turn(state)
    blows = [c for c in r.commands if isinstance(c, AttackCommand)]
    assert len(blows) == 1 and len(blows[0].units) == 6


def test_the_holding_sides_caution_is_what_holds_it_back() -> None:
    """The same level without the caution makes the counter-attack the position offers."""
    state = new_game(position("holder_caution"), SEED, Options())
    r = AIPlayer(replace(level("hard"), holder_caution=1.0)).play_turn(state)
    assert [c.target for c in r.commands if isinstance(c, AttackCommand)] == [(7, 3)]


def test_without_the_rearguard_the_cut_off_regiment_marches_on_the_line() -> None:
    """Hard without playing for the score (no rearguard) marches the cut-off regiment east
    towards its objective, so staying is the rule's doing, not the ground's."""
    state = new_game(position("rearguard_cut_off"), SEED, Options())
    r = AIPlayer(replace(level("hard"), value_first=False)).play_turn(state)
    assert [c.unit for c in r.commands if isinstance(c, MoveCommand)][:1] == ["b-cut"]

"""Property tests over random legal command sequences on the example scenario."""

from __future__ import annotations

from collections import Counter, defaultdict

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.rules import (
    AirCommand,
    AttackCommand,
    BombardCommand,
    Command,
    EndTurnCommand,
    EntrenchCommand,
    GameState,
    MoveCommand,
    Options,
    apply,
    new_game,
    reachable,
    validate,
)
from game.rules.combat import bombard_range
from game.scenario import load_scenario
from tests.conftest import EXAMPLE

SCENARIO = load_scenario(EXAMPLE)


def candidates(g: GameState) -> list[Command]:
    """A spread of commands for the side to move (not all legal: validate() filters)."""
    out: list[Command] = [EndTurnCommand()]
    b = g.board
    enemy = [u for u in g.units.values() if u.active and u.side != g.side]
    for u in sorted(g.units.values(), key=lambda u: u.id):
        if not u.active or u.side != g.side or u.pos is None:
            continue
        r = sorted(reachable(g, u.id).items())
        out.extend(MoveCommand(unit=u.id, to=c) for c, _ in r[:: max(1, len(r) // 6)])
        for e in enemy:
            if e.pos is not None and e.pos.distance(u.pos) == 1:
                out.append(AttackCommand(target=b.coord[e.pos], units=(u.id,)))
            rng = bombard_range(g, u)
            if e.pos is not None and rng and e.pos.distance(u.pos) <= rng:
                out.append(BombardCommand(unit=u.id, target=b.coord[e.pos]))
        out.append(EntrenchCommand(unit=u.id))
    if enemy and enemy[0].pos is not None:
        target = b.coord[enemy[0].pos]
        out.append(AirCommand(mission="support", aircraft=5, target=target))
        out.append(AirCommand(mission="interdiction", aircraft=5, target=target))
    out.append(AirCommand(mission="air_superiority", aircraft=5))
    return [c for c in out if not validate(g, c)]


def check_invariants(before: GameState, after: GameState, events) -> None:
    limit = after.scenario.map.stacking
    sides_at: dict = defaultdict(set)
    stack: Counter = Counter()
    for u in after.units.values():
        assert u.men >= 0 and u.tanks >= 0 and u.guns >= 0
        assert 0.0 < u.morale <= 1.0 and u.mp >= 0
        if u.active:
            assert u.pos is not None
            sides_at[u.pos].add(u.side)
            stack[(u.side, u.pos)] += after.board.types[u.type].stack
        else:
            assert u.status != "active"
    assert all(len(s) == 1 for s in sides_at.values()), "a hex held by both sides"
    assert all(v <= limit for v in stack.values()), "stacking exceeded"
    recorded: Counter = Counter()
    for e in events:
        for uid, men, tanks, guns in e.changes:
            recorded[(uid, 0)] += men
            recorded[(uid, 1)] += tanks
            recorded[(uid, 2)] += guns

    def on_map(u):  # strength on the map: units in the pool have not arrived
        return (0, 0, 0) if u.status == "pool" else (u.men, u.tanks, u.guns)

    for uid, u in after.units.items():
        now, then = on_map(u), on_map(before.units[uid])
        for i in range(3):
            assert now[i] - then[i] == recorded[(uid, i)], (uid, i)
        if u.status == "pool":
            assert (u.men, u.tanks, u.guns) == (u.men0, u.tanks0, u.guns0)
    for side in after.board.sides:
        ss = after.sides[side]
        assert ss.aircraft >= 0
        # every man lost is killed, wounded, captured or dispersed, and no side loses more than
        # it ever had on the map
        assert ss.men_killed + ss.men_wounded + ss.men_captured + ss.men_dispersed == ss.men_lost
        assert min(ss.men_killed, ss.men_wounded, ss.men_captured, ss.men_dispersed) >= 0
        had = sum(u.men0 for u in after.units.values() if u.side == side and u.status != "pool")
        refilled = sum(
            c[1]
            for e in after.log
            if e.kind == "replacements"
            for c in e.changes
            if after.units[c[0]].side == side
        )
        assert ss.men_lost <= had + refilled


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(seed=st.integers(0, 2**31), fog=st.booleans(), data=st.data())
def test_random_legal_play_keeps_the_invariants_and_replays_exactly(seed, fog, data):
    g = new_game(SCENARIO, seed, Options(fog=fog))
    commands: list[Command] = []
    for _ in range(data.draw(st.integers(5, 40), label="length")):
        if g.game_over:
            break
        by_kind: dict[str, list[Command]] = defaultdict(list)
        for c in candidates(g):
            by_kind[c.type].append(c)
        kinds = sorted(by_kind)  # pick a kind first, so attacks are not drowned by moves
        options = by_kind[kinds[data.draw(st.integers(0, len(kinds) - 1), label="kind")]]
        cmd = options[data.draw(st.integers(0, len(options) - 1), label="choice")]
        before = g.to_dict()
        after, events = apply(g, cmd)
        assert g.to_dict() == before, "apply() changed its input"
        check_invariants(g, after, events)
        commands.append(cmd)
        g = after
    replay = new_game(SCENARIO, seed, Options(fog=fog))
    for cmd in commands:
        replay, _ = apply(replay, cmd)
    assert replay.to_dict() == g.to_dict()

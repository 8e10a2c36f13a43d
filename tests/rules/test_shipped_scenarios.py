"""The rules on the shipped historical scenarios: random legal play keeps every invariant and
replays exactly (a smoke test on real data; the small hand-built maps test each rule)."""

from __future__ import annotations

import random
from collections import defaultdict

import pytest

from game.rules import Command, apply, new_game
from game.scenario import load_scenario
from tests.conftest import SCENARIOS
from tests.rules.test_properties import candidates, check_invariants

SHIPPED = sorted(SCENARIOS.glob("*.toml"))


@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_random_play_on_a_shipped_scenario(path):
    scenario = load_scenario(path)
    g = new_game(scenario, 3)
    pick = random.Random(3)
    commands: list[Command] = []
    for _ in range(80):
        if g.game_over:
            break
        kinds: dict[str, list[Command]] = defaultdict(list)
        for c in candidates(g):
            kinds[c.type].append(c)
        kind = "attack" if "attack" in kinds and pick.random() < 0.5 else pick.choice(sorted(kinds))
        cmd = pick.choice(kinds[kind])
        after, events = apply(g, cmd)
        check_invariants(g, after, events)
        commands.append(cmd)
        g = after
    replay = new_game(scenario, 3)
    for cmd in commands:
        replay, _ = apply(replay, cmd)
    assert replay.to_dict() == g.to_dict()

"""A game is played with the garbage collector's youngest generation collected less often
(it makes millions of short-lived objects without cycles); the setting is the caller's again
after the game, and the game the same."""

from __future__ import annotations

import gc

from game.scenario import load_scenario
from game.sim.game import GC_YOUNG, make_player, play
from tests.conftest import EXAMPLE


def test_a_game_leaves_the_collector_as_it_found_it():
    scenario = load_scenario(EXAMPLE)
    before = gc.get_threshold()
    seen: list[tuple[int, ...]] = []

    class Watching:
        """The hard AI, noting the collector's setting while it plays."""

        def __init__(self) -> None:
            self.ai = make_player("ai", "hard")

        def play_turn(self, state):
            seen.append(gc.get_threshold())
            return self.ai.play_turn(state)

    players = {side.id: Watching() for side in scenario.sides}
    record, _, _ = play(scenario, 1, players)
    assert gc.get_threshold() == before
    assert seen and all(t[0] >= GC_YOUNG for t in seen)
    again, _, _ = play(scenario, 1, {side.id: make_player("ai", "hard") for side in scenario.sides})
    assert again == record

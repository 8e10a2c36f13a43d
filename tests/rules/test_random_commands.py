"""A stateful test of a game under random commands, legal and illegal, mixed with undo and with
save and load: the rules' invariants hold after every step, an illegal command is refused with
IllegalCommand and changes nothing, undo restores the position before the move, and a game saved
and loaded (a replay of every command) is the same game.

Hypothesis drives it under the derandomized "ci" profile of tests/conftest.py.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from game.rules import (
    AirCommand,
    AttackCommand,
    BombardCommand,
    Command,
    EntrenchCommand,
    Game,
    IllegalCommand,
    MoveCommand,
    from_save,
    to_save,
)
from tests.rules.test_properties import SCENARIO, candidates, check_invariants

UNITS = [*sorted(u.id for u in SCENARIO.units), "no-such-unit", ""]
HEXES = st.tuples(st.integers(-3, 20), st.integers(-3, 20))
UNIT = st.sampled_from(UNITS)
JUNK: st.SearchStrategy[Command] = st.one_of(
    st.builds(MoveCommand, unit=UNIT, to=HEXES),
    st.builds(
        AttackCommand,
        target=HEXES,
        units=st.lists(UNIT, max_size=3).map(tuple),
        support=st.lists(UNIT, max_size=2).map(tuple),
        advance=st.booleans(),
    ),
    st.builds(BombardCommand, unit=UNIT, target=HEXES),
    st.builds(EntrenchCommand, unit=UNIT),
    st.builds(
        AirCommand,
        mission=st.sampled_from(["support", "interdiction", "air_superiority"]),
        aircraft=st.integers(0, 10**6),
        target=st.none() | HEXES,
    ),
)


class RandomCommands(RuleBasedStateMachine):
    """One game; every rule is a thing a player (or a damaged save) might do to it."""

    game: Game
    undoable: list[dict[str, Any]]

    @initialize(seed=st.integers(0, 2**31))
    def start(self, seed: int) -> None:
        self.game = Game(SCENARIO, seed)
        self.undoable = []

    def _apply(self, cmd: Command) -> None:
        before = self.game.state
        snapshot = before.to_dict()
        events = self.game.apply(cmd)
        check_invariants(before, self.game.state, events)
        self.undoable = [*self.undoable, snapshot] if self.game.can_undo() else []

    @precondition(lambda self: not self.game.state.game_over)
    @rule(data=st.data())
    def legal(self, data: st.DataObject) -> None:
        by_kind: dict[str, list[Command]] = defaultdict(list)
        for c in candidates(self.game.state):
            by_kind[c.type].append(c)
        kind = data.draw(st.sampled_from(sorted(by_kind)), label="kind")
        self._apply(data.draw(st.sampled_from(by_kind[kind]), label="command"))

    @rule(cmd=JUNK)
    def anything(self, cmd: Command) -> None:
        if self.game.validate(cmd):
            before = self.game.state.to_dict()
            try:
                self.game.apply(cmd)
            except IllegalCommand:
                assert self.game.state.to_dict() == before, "a refused command changed the game"
            else:
                raise AssertionError(f"{cmd} was refused by validate() but applied")
        else:
            self._apply(cmd)

    @precondition(lambda self: self.game.can_undo())
    @rule()
    def undo(self) -> None:
        self.game.undo()
        assert self.game.state.to_dict() == self.undoable.pop()

    @rule()
    def save_and_load(self) -> None:
        data = json.loads(json.dumps(to_save(self.game, "")))
        again = from_save(SCENARIO, data)
        assert again.state.to_dict() == self.game.state.to_dict()
        assert again.commands == self.game.commands

    @invariant()
    def the_game_is_a_game(self) -> None:
        if hasattr(self, "game"):
            assert self.game.state.side in {s.id for s in SCENARIO.sides}


RandomCommands.TestCase.settings = settings(
    max_examples=80,
    stateful_step_count=30,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
test_random_commands_keep_the_rules_invariants = RandomCommands.TestCase

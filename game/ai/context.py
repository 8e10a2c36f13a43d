"""One side's turn as the AI sees it: the running state, the commands issued so far, and the
per-turn facts (supply net, threats, enemy hexes) computed once and reused by every decision."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from itertools import chain

from game.ai.difficulty import Difficulty
from game.ai.plans import Task
from game.hexes import Hex
from game.rules import Command, GameState, IllegalCommand, UnitState, apply, validate
from game.rules.ai_api import (
    attack_value,
    bombard_range,
    max_mp,
    occupancy,
    seen_hexes,
    supplied_hexes,
)

FAST_CLASSES = frozenset({"wheeled", "tracked"})
MOBILE = frozenset({"armour", "motorized", "cavalry"})
# The threat map counts an enemy unit within half its turn's move plus one hex, at most this far
# (an attack needs the unit to arrive next to its target with points to spare).
THREAT_REACH_MOST = 4


@dataclass
class AITurn:
    """Everything one AI turn decides with."""

    state: GameState
    side: str
    diff: Difficulty
    rng: random.Random
    tasks: dict[str, Task]
    commands: list[Command] = field(default_factory=list)
    refused: int = 0
    supplied: frozenset[Hex] = frozenset()
    _enemy_net: frozenset[Hex] | None = None
    threat: dict[Hex, float] = field(default_factory=dict)  # enemy attack power that can reach
    targets: dict[str, tuple[Hex, ...]] = field(default_factory=dict)  # unit id -> move targets
    skip_targets: set[Hex] = field(default_factory=set)  # enemy hexes not to attack again
    hunting: dict[str, tuple[Hex, ...]] = field(default_factory=dict)  # hunter -> its objectives
    guns: list[str] = field(default_factory=list)  # own artillery units, by id
    placed: set[str] = field(default_factory=set)  # units whose move this turn is decided
    # enemy units out of sight but remembered: id -> (hex last seen, how much it still counts)
    remembered: dict[str, tuple[Hex, float]] = field(default_factory=dict)

    @property
    def enemy(self) -> str:
        return self.state.board.other(self.side)

    def issue(self, cmd: Command) -> bool:
        """Validate, then apply; a refused command is counted, never raised."""
        if self.state.game_over:
            return False
        if validate(self.state, cmd):
            self.refused += 1
            return False
        try:
            self.state, _ = apply(self.state, cmd)
        except IllegalCommand:
            self.refused += 1
            return False
        self.commands.append(cmd)
        return True

    @property
    def enemy_supplied(self) -> frozenset[Hex]:
        """The enemy's supply net at the start of the turn (traced only if asked for)."""
        if self._enemy_net is None:
            self._enemy_net = frozenset(supplied_hexes(self.state, self.enemy))
        return self._enemy_net

    def enemy_hexes(self) -> frozenset[Hex]:
        """Hexes holding enemy units this side knows of (all of them without fog of war)."""
        occ = occupancy(self.state)
        if not self.state.options.fog:
            return occ.hexes[self.enemy]
        return occ.hexes[self.enemy] & seen_hexes(self.state, self.side)

    def suspected(self) -> frozenset[Hex]:
        """Enemy hexes in sight and those where enemy units were seen not long ago (fog of
        war): what to plan moves and answers around; attacks go only at hexes in sight."""
        if not self.remembered:
            return self.enemy_hexes()
        return self.enemy_hexes() | {h for h, _ in self.remembered.values()}

    def enemy_zoc(self) -> frozenset[Hex]:
        """The enemy zone of control as far as this side can see."""
        occ = occupancy(self.state)
        if not self.state.options.fog:
            return occ.zoc[self.enemy]
        b = self.state.board
        out: set[Hex] = set()
        for h in self.enemy_hexes():
            if any(b.types[self.state.units[x].type].zoc for x in occ.units_at[h]):
                out.add(h)
                out.update(b.neighbours[h])
        return frozenset(out)

    def task(self, u: UnitState) -> Task:
        t = self.tasks.get(u.group)
        return t if t is not None else Task(u.group, "hold", ())

    def own_units(self) -> list[UnitState]:
        return sorted(
            (u for u in self.state.units.values() if u.side == self.side and u.active),
            key=lambda u: u.id,
        )


def is_artillery(state: GameState, u: UnitState) -> bool:
    t = state.board.types[u.type]
    return bombard_range(state, u) > 0 and t.category == "artillery"


def is_mobile(state: GameState, u: UnitState) -> bool:
    t = state.board.types[u.type]
    return t.category in MOBILE and t.move_class in FAST_CLASSES | {"horse"}


def prepare(ctx: AITurn) -> None:
    """Per-turn facts: both supply nets and a threat map of where enemy attacks can land."""
    s = ctx.state
    b = s.board
    if ctx.diff.supply_care:
        net = supplied_hexes(s, ctx.side)
        # A hex next to the net is supplied once our unit stands in it (its own ZOC no longer
        # blocks the line), so one step beyond the net counts as supplied.
        ok = set(map(b.index.__getitem__, net))  # by hex number: cheaper to hash than Hexes
        ok.update(chain.from_iterable(map(b.nbr.__getitem__, list(ok))))
        ctx.supplied = frozenset(map(b.hexes.__getitem__, ok))
    ctx.guns = [u.id for u in ctx.own_units() if is_artillery(s, u)]
    # Summed by hex number in a list (each hex adds its units in the same order as a dict
    # would, so the sums are the same), then keyed by Hex in the order hexes were first reached.
    threat = [0.0] * len(b.hexes)
    discs: list[tuple[int, ...]] = []
    known = ctx.enemy_hexes()
    enemy = ctx.enemy
    for u in s.units.values():
        if u.side != enemy or not u.active or b.types[u.type].attack <= 0:
            continue
        if u.pos is not None and u.pos in known:
            at, weight = u.pos, 1.0
        elif u.id in ctx.remembered:
            at, weight = ctx.remembered[u.id]
        else:
            continue
        v = attack_value(s, u) * weight
        reach = max(1, min(THREAT_REACH_MOST, int(max_mp(s, u) / 2) + 1))
        disc = b.within_i(at, reach)
        discs.append(disc)
        for i in disc:
            threat[i] += v
    hexes = b.hexes
    ctx.threat = {hexes[i]: threat[i] for i in dict.fromkeys(chain.from_iterable(discs))}
    occupancy(s)

"""The operational layer: which posture and objectives each group of a side has right now.

A scenario's [[ai]] plans say it (side, group, start, end, posture, objectives); events may
override a posture (state.postures, "side" or "side/group"). Modders write plans, not code, so
every rule of precedence lives here and docs/ai.md describes it.
"""

from __future__ import annotations

import datetime as dt
import weakref
from dataclasses import dataclass

from game.hexes import Hex
from game.rules.ai_api import Board
from game.rules.state import GameState
from game.scenario.geometry import resolve
from game.scenario.models import AIPlan

ATTACKING = frozenset({"attack", "advance", "assault"})
HOLDING = frozenset({"hold", "defend", "delay"})


@dataclass(frozen=True)
class Task:
    """What one group does this turn."""

    group: str
    posture: str
    objectives: tuple[Hex, ...]  # in priority order; may be empty
    note: str = ""


def _active(plan: AIPlan, d: dt.datetime) -> bool:
    return (plan.start is None or plan.start <= d) and (plan.end is None or d < plan.end)


# A plan's objectives as hexes, by board and plan (they depend on nothing else): every group's
# task is worked out every turn.
_OBJECTIVES: weakref.WeakKeyDictionary[Board, dict[int, tuple[AIPlan, tuple[Hex, ...]]]] = (
    weakref.WeakKeyDictionary()
)


def _hexes(state: GameState, plan: AIPlan) -> tuple[Hex, ...]:
    known = _OBJECTIVES.setdefault(state.board, {})
    hit = known.get(id(plan))
    if hit is not None and hit[0] is plan:
        return hit[1]
    out: list[Hex] = []
    for ref in plan.objectives:
        c = resolve(state.scenario, ref)
        if c is None:
            continue
        h = state.board.hex_at(c)
        if h is not None and h not in out:
            out.append(h)
    known[id(plan)] = (plan, tuple(out))
    return tuple(out)


def best_plan(state: GameState, side: str, group: str) -> AIPlan | None:
    """The plan in force for a group: a plan naming the group beats a side-wide one; among
    equals, the one that started last (a later phase) wins, then the later one in the file."""
    best: tuple[int, dt.datetime, int] | None = None
    chosen: AIPlan | None = None
    d = state.date
    for i, p in enumerate(state.scenario.ai):
        if p.side != side or (p.group and p.group != group) or not _active(p, d):
            continue
        key = (1 if p.group else 0, p.start or dt.datetime.min, i)
        if best is None or key > best:
            best, chosen = key, p
    return chosen


def default_posture(state: GameState, side: str) -> str:
    """A group without a plan holds; a side with no plans at all (a scenario written without
    [[ai]]) attacks if it is the side that must gain points, and defends otherwise."""
    if any(p.side == side for p in state.scenario.ai):
        return "hold"
    return "attack" if side == state.scenario.victory.score_side else "defend"


def default_objectives(state: GameState, side: str, posture: str) -> tuple[Hex, ...]:
    """With no objectives written: enemy-held places by value to attack, own places to hold."""
    b = state.board
    places = sorted(state.scenario.places, key=lambda p: (-p.vp, p.id))
    if posture in ATTACKING:
        mine = [p for p in places if p.vp > 0 and state.place_owner.get(p.id) != side]
    else:
        mine = [p for p in places if p.vp > 0 and state.place_owner.get(p.id) == side]
    return tuple(b.place_hex[p.id] for p in mine)


def task_for(state: GameState, side: str, group: str) -> Task:
    """Posture and objectives of one group now; events' postures override the plans."""
    plan = best_plan(state, side, group)
    posture: str = plan.posture if plan else default_posture(state, side)
    objectives = _hexes(state, plan) if plan else ()
    override = state.postures.get(f"{side}/{group}") or state.postures.get(side)
    if override:
        posture = override
    if not objectives:
        side_plan = best_plan(state, side, "")
        if side_plan is not None and not side_plan.group:
            objectives = _hexes(state, side_plan)
    if not objectives:
        objectives = default_objectives(state, side, posture)
    return Task(group, posture, objectives, plan.note if plan else "")


def tasks(state: GameState, side: str) -> dict[str, Task]:
    """Every group of the side that has units on the map, with its task."""
    groups = sorted({u.group for u in state.units.values() if u.side == side and u.active})
    return {g: task_for(state, side, g) for g in groups}

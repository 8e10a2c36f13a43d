"""What computer players may ask the rules beyond the public API (game.rules): a documented
internal API, so the AI never reaches into board, zoc, fog, supply or combat itself.

Everything here reads a state and never changes it. The AI imports only game.rules and this
module; a change to the rules that renames or reshapes one of these names updates this list and
the AI with it.

    Board, MoveClass, Occupancy                    the static map; who stands where
    occupancy(state) -> Occupancy                  units, stacks and zones of control by hex
    seen_hexes(state, side) -> frozenset[Hex]      enemy-held hexes a side can see (fog of war)
    supplied_hexes(state, side) -> {Hex: cost}     a side's supply net
    linked_hexes(state, side) -> frozenset[Hex]    hexes joined to its sources at any distance
    max_mp(state, unit), has_full_points(state, unit)
    reachable_hexes(state, unit) -> {Hex: cost}    where a move may end, and its cost
    step_costs(state, unit) -> (Hex -> {Hex: cost})  each step at the rules' prices
    distances_to(board, side, class, bridging, targets, ...) -> {Hex: cost}  over the empty map
    stand_reason(state, unit, hex) -> str          why the unit may not stand there ('' if it may)
    rail_paths(state, unit) -> {Hex: [Hex, ...]}   where a train may take the unit now
    trains_left(state, side) -> int                units the side may still move by train
    rail_range(state, side) -> int                 railway hexes a train runs in a turn (0: none)
    attack_value, defence_value(state, unit) -> float; bombard_range(state, unit) -> int
    strengths(state, target, attackers, support)   the odds arithmetic preview() builds on
    AIR_AREA_KM                                    the radius an air mission covers
"""

from __future__ import annotations

from game.rules.board import Board
from game.rules.combat import attack_value, bombard_range, defence_value, strengths
from game.rules.constants import AIR_AREA_KM
from game.rules.fog import seen_hexes
from game.rules.movement import (
    distances_to,
    has_full_points,
    max_mp,
    reachable_hexes,
    step_costs,
)
from game.rules.rail import rail_paths, rail_range, trains_left
from game.rules.stand import stand_reason
from game.rules.supply import linked as linked_hexes
from game.rules.supply import trace as supplied_hexes
from game.rules.zoc import Occupancy, occupancy
from game.scenario.models import MoveClass

__all__ = [
    "AIR_AREA_KM",
    "Board",
    "MoveClass",
    "Occupancy",
    "attack_value",
    "bombard_range",
    "defence_value",
    "distances_to",
    "has_full_points",
    "linked_hexes",
    "max_mp",
    "occupancy",
    "rail_paths",
    "rail_range",
    "reachable_hexes",
    "seen_hexes",
    "stand_reason",
    "step_costs",
    "strengths",
    "supplied_hexes",
    "trains_left",
]

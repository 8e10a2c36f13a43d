"""The rules engine: pure Python, no pygame, no file or terminal I/O.

Public API (everything a front end, the AI, replays and saves need):

    new_game(scenario, seed=0, options=Options(fog=False)) -> GameState
    validate(state, cmd) -> list[str]                      readable reasons it is illegal
    apply(state, cmd) -> tuple[GameState, list[GameEvent]] never mutates `state`;
                                                           raises IllegalCommand
    reachable(state, unit_id, fresh=False) -> dict[(col, row), float]
                                                           hexes a unit may move to, and cost
                                                           (fresh: with a whole turn's points)
    path(state, unit_id, (col, row)) -> list[(col, row)] | None
    rail_reachable(state, unit_id) -> dict[(col, row), list[(col, row)]]
                                                           hexes a unit may go to by train
                                                           now, and the railway path there
    entrain_reason(state, unit) -> str                     why it may not go by train, or ''
    max_mp(state, unit) -> float                           movement points per turn
    preview(state, AttackCommand) -> Odds                  odds before an attack
    supply_map(state, side) -> dict[(col, row), float]     hexes a side can supply
    visible_units(state, side) -> list[UnitState]          what a side sees (fog of war)
    status(state) -> VictoryStatus                         VP, score, level, winner
    Game(scenario, seed, options)                          session: .state, .commands,
                                                           .apply(cmd), .can_undo(), .undo()
    to_save(game, scenario_hash) -> dict / from_save(scenario, data, scenario_hash) -> Game
    (files: game.saves.write_save / load_save, outside the rules, raise SaveError)

State: GameState (turn, date, phase, side, units: dict[id, UnitState], sides: dict[id,
SideState], control, place_owner, fired, log, seed, command_count, game_over, result).
Each event in the log and in apply()'s result is a GameEvent(date, kind, text, side, hexes,
changes), `changes` recording every change of men, tanks and guns by unit.

Commands (pydantic, discriminated on `type`; hexes as (col, row) of the map text):
    MoveCommand(unit, to), RailCommand(unit, to),
    AttackCommand(target, units, support=(), advance=True),
    BombardCommand(unit, target), AirCommand(mission, aircraft, target=None),
    EntrenchCommand(unit), EndTurnCommand(); parse_command(dict), command_to_dict(cmd).
    The typed language players use is game/ui/language.py.

GameState serialises exactly: GameState.from_dict(scenario, state.to_dict()) == state.

Computer players use this API and the documented internal one in game/rules/ai_api.py (costs
of steps, distances over the empty map, stand checks, odds arithmetic, occupancy), nothing else.

Inside the package: each command class has one validate/apply handler in game/rules/actions
(registered in actions.HANDLERS); search.cheapest_paths is the one shortest-path search
(movement, supply, the AI's fields); stand.stand_reason the one "may this unit stand here";
losses.inflict / remove_unit the one place losses are booked (killed, wounded, captured,
dispersed). Combat is in three steps: combat.py (strength and odds), combat_result.py (what a
face of the die does, with attrition.py's casualty rates after Dupuy) and battle.py (carrying an
attack out on the state). Map positions are game.hexes.Coord, axial hexes game.hexes.Hex: mypy
tells them apart.
"""

from __future__ import annotations

from game.hexes import Hex
from game.rules.combat import Odds
from game.rules.commands import (
    AirCommand,
    AttackCommand,
    BombardCommand,
    Command,
    EndTurnCommand,
    EntrenchCommand,
    MoveCommand,
    RailCommand,
    command_to_dict,
    parse_command,
)
from game.rules.engine import IllegalCommand, apply, command_rng, new_game, preview, validate
from game.rules.fog import visible_units
from game.rules.movement import max_mp, path, reachable
from game.rules.rail import entrain_reason, rail_reachable
from game.rules.session import Game, SaveMismatch, from_save, to_save
from game.rules.state import GameEvent, GameState, Options, SideState, UnitState
from game.rules.supply import supply_map
from game.rules.victory import VictoryStatus, status

__all__ = [
    "AirCommand",
    "AttackCommand",
    "BombardCommand",
    "Command",
    "EndTurnCommand",
    "EntrenchCommand",
    "Game",
    "GameEvent",
    "GameState",
    "Hex",
    "IllegalCommand",
    "MoveCommand",
    "Odds",
    "Options",
    "RailCommand",
    "SaveMismatch",
    "SideState",
    "UnitState",
    "VictoryStatus",
    "apply",
    "command_rng",
    "command_to_dict",
    "entrain_reason",
    "from_save",
    "max_mp",
    "new_game",
    "parse_command",
    "path",
    "preview",
    "rail_reachable",
    "reachable",
    "status",
    "supply_map",
    "to_save",
    "validate",
    "visible_units",
]

"""The controller both front ends share: typed lines or built commands in, text out.

It reads the command language, carries out UI requests, hands rules commands to the rules, runs
the computer player for the sides no human commands, keeps undo, and saves and loads. Front ends
only read lines (or build commands from clicks), show the reply and draw the state, so the
terminal and the window behave the same.
"""

from __future__ import annotations

import math
import os
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from game.hexes import Coord, Hex, coord
from game.rules import (
    AttackCommand,
    Command,
    EndTurnCommand,
    Game,
    GameEvent,
    GameState,
    IllegalCommand,
    MoveCommand,
    Options,
    RailCommand,
    preview,
    rail_reachable,
    reachable,
    status,
    visible_units,
)
from game.rules.combat import bombard_range
from game.saves import ReplayFailed, SaveError, load_save, write_save
from game.scenario import ScenarioError, load_scenario
from game.scenario.models import Scenario
from game.ui import describe
from game.ui.autosave import AutoSaver, autosave_dir, newest
from game.ui.language import VERBS, LanguageError, Names, Parsed, format_command, parse
from game.ui.report import Report, render_text, report_of_game
from game.ui.requests import (
    AirStatus,
    ContinueGame,
    Help,
    HexInfo,
    ListUnits,
    LoadGame,
    Odds,
    Quit,
    Reach,
    Reload,
    SaveGame,
    ShowLegend,
    ShowLog,
    ShowMap,
    ShowReport,
    Undo,
    UnitInfo,
)
from game.ui.sight import known_events

# A computer player: given the game, the next command of the side to move (EndTurnCommand ends
# its turn).
CommandSource = Callable[[GameState], Command]
DEFAULT_LOG_LINES = 10
GAME_OVER_HINT = (
    "The game is over: look at the map ('map', 'info'), 'report', 'save NAME' or 'quit'."
)
MAX_MARK_COST = 9  # `reach` marks costs up to this as a digit


def cost_mark(cost: float) -> str:
    """One character for a movement cost: its digit rounded up, + beyond MAX_MARK_COST."""
    whole = max(1, math.ceil(cost - 1e-9))
    return str(whole) if whole <= MAX_MARK_COST else "+"


TRAIN_MARK = "="  # marks a hex only a train can reach this turn

MAX_AI_COMMANDS = 5000  # a runaway AI side-turn is cut short, never an endless loop


def save_dir() -> Path:
    """Where `save NAME` writes: $TWO_AUGUSTS_SAVE_DIR, else the user's data folder."""
    env = os.environ.get("TWO_AUGUSTS_SAVE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "two-augusts" / "saves"


@dataclass
class Reply:
    """What a front end shows after a line: text, and whether the game or the play ended."""

    lines: list[str] = field(default_factory=list)
    events: list[GameEvent] = field(default_factory=list)
    ok: bool = True
    quit: bool = False
    map_request: ShowMap | None = None  # draw the map (the front end keeps the view)
    marks: dict[Coord, str] = field(default_factory=dict)  # a character beside some hexes
    legend: bool = False  # show what the map's characters mean
    new_position: bool = False  # the turn or side to move changed, or a game was loaded


def replay_bug_lines(name: str, exc: ReplayFailed, debug: bool) -> list[str]:
    """What to tell the player when the rules fail while loading a save: it is a bug in the game,
    not their save; the traceback only with --debug."""
    lines = [
        f"Could not load '{name}': a bug in the game, not damage in the save: {exc}.",
        "  Please report it with the save file"
        + (" and the traceback below." if debug else "; run with --debug for the traceback."),
    ]
    if debug:
        trace = traceback.format_exception(exc.error)
        lines.extend(line.rstrip("\n") for chunk in trace for line in chunk.splitlines())
    return lines


def with_support(state: GameState, cmd: AttackCommand) -> AttackCommand:
    """The attack with every listed artillery unit out of contact but within its range of the
    target moved to fire in support, so a player may simply name all the units that take part;
    one out of range stays an attacker, and the rules say it is not next to the target."""
    target = Hex.from_offset(*cmd.target)
    adjacent: list[str] = []
    support = list(cmd.support)
    for uid in cmd.units:
        u = state.units.get(uid)
        if u is None or u.pos is None or u.pos.distance(target) <= 1:
            adjacent.append(uid)
        elif u.pos.distance(target) <= bombard_range(state, u):
            support.append(uid)
        else:
            adjacent.append(uid)
    return cmd.model_copy(update={"units": tuple(adjacent), "support": tuple(support)})


class Controller:
    """One game at one table: which sides are human, and the computer for the rest."""

    def __init__(
        self,
        scenario: Scenario,
        scenario_path: Path,
        humans: set[str],
        seed: int = 1,
        options: Options | None = None,
        new_computer_player: Callable[[], CommandSource] | None = None,
        game: Game | None = None,
        debug: bool = False,
        autosaver: AutoSaver | None = None,
    ) -> None:
        self.scenario = scenario
        self.scenario_path = scenario_path
        self.game = game or Game(scenario, seed, options)
        self.humans = humans
        self.new_computer_player = new_computer_player
        self.computer_players: dict[str, CommandSource] = {}
        self.result_announced = False
        self.debug = debug  # internal errors show their traceback
        self.autosaver = autosaver
        self.saved_commands = len(self.game.commands)  # commands in the last save or load
        self._requests: dict[type, Callable[[Any], Reply]] = {
            Quit: lambda r: Reply(["Farewell."], quit=True),
            Help: self._help,
            Undo: self._undo,
            UnitInfo: self._unit_info,
            HexInfo: self._hex_info,
            Odds: self._odds,
            ListUnits: lambda r: Reply(
                describe.units_lines(self.state, self.viewer, r.group, self.text_width)
            ),
            ShowLog: self._log,
            ShowMap: lambda r: Reply([], map_request=r),
            ShowLegend: lambda r: Reply([], legend=True),
            Reach: self._reach,
            AirStatus: self._air,
            Reload: lambda r: self.reload(),
            SaveGame: lambda r: self.save(r.name),
            LoadGame: lambda r: self.load(r.name),
            ContinueGame: lambda r: self.continue_game(),
            ShowReport: lambda r: Reply(self.report_lines()),
        }
        # Called with the events of each computer side-turn as it ends, if set.
        self.on_ai_turn: Callable[[list[GameEvent]], None] | None = None
        self.text_width = 80  # the width the front end lays text out in (the terminal's)
        self.unicode = True  # whether the front end can show block characters
        self._report: tuple[int, Report] | None = None

    # --- reading the state ---------------------------------------------------------------------

    @property
    def state(self) -> GameState:
        return self.game.state

    @property
    def viewer(self) -> str:
        """The side whose eyes the display uses: the human to move, else the first human."""
        if self.state.side in self.humans:
            return self.state.side
        return sorted(self.humans)[0] if self.humans else self.state.side

    def visible(self) -> set[str] | None:
        """Unit ids the viewer may see (None: everything, no fog or no human player)."""
        if not self.game.options.fog or not self.humans:
            return None
        return {u.id for u in visible_units(self.state, self.viewer)}

    def known_events(self, events: list[GameEvent]) -> list[GameEvent]:
        """The events the viewer may read: under fog, only those its side would know of."""
        return known_events(self.state, self.viewer, self.visible(), events)

    def dispatch_lines(self, events: list[GameEvent], n: int | None = None) -> list[str]:
        """The dispatch log lines of the events the viewer may read (the last `n` of them)."""
        return describe.log_lines(self.known_events(events), n)

    def names(self) -> Names:
        """What a typed line may name: the viewer's units, enemy units in sight, places, groups."""
        s = self.state
        seen = self.visible()
        units = {
            u.id: u.name
            for u in s.units.values()
            if u.side == self.viewer or seen is None or u.id in seen
        }
        places: dict[str, Coord] = {}
        for p in s.scenario.places:
            places[p.name] = coord(*p.at)
            places.setdefault(p.id, coord(*p.at))
        groups = tuple(sorted({u.group for u in s.units.values() if u.group}))
        own = frozenset(u.id for u in s.units.values() if u.side == self.viewer)
        return Names(
            units, places, groups=groups, width=s.board.width, height=s.board.height, own=own
        )

    # --- turns ---------------------------------------------------------------------------------

    def human_to_move(self) -> bool:
        return self.state.side in self.humans and not self.state.game_over

    def computer_player(self, side: str) -> CommandSource:
        if side not in self.computer_players:
            if self.new_computer_player is None:
                raise RuntimeError("no computer player available")
            self.computer_players[side] = self.new_computer_player()
        return self.computer_players[side]

    def run_ai(self, turns: int | None = None) -> list[GameEvent]:
        """Let the computer play every side no human holds until a human is to move (or for
        `turns` side-turns). With `on_ai_turn` set, each side-turn's events go to it as they
        happen (a front end pacing the computer's play) instead of into the result."""
        events: list[GameEvent] = []
        budget = MAX_AI_COMMANDS
        played = 0
        while not self.state.game_over and self.state.side not in self.humans:
            side = self.state.side
            cmd = self.computer_player(side)(self.state)
            budget -= 1
            if budget <= 0 or self.game.validate(cmd):
                cmd = EndTurnCommand()  # never let a confused AI stall the game
            events.extend(self.game.apply(cmd))
            if isinstance(cmd, EndTurnCommand):
                played += 1
                budget = MAX_AI_COMMANDS  # the limit is per side-turn
                if self.on_ai_turn is not None:
                    self.on_ai_turn(self.known_events(events))
                    events = []
                if self.state.side == side or (turns is not None and played >= turns):
                    break
        return events

    # --- lines and commands --------------------------------------------------------------------

    def handle(self, line: str) -> Reply:
        """Run one typed line and say what happened (errors never raise)."""
        try:
            parsed = parse(line, self.names())
        except LanguageError as exc:
            hint = f" - did you mean {exc.suggestion}?" if exc.suggestion else ""
            return Reply([f"? {exc.message}{hint}"], ok=False)
        return self.perform(parsed)

    def perform(self, parsed: Parsed) -> Reply:
        """Carry out a command or request built by a front end, as if it had been typed."""
        before = (self.state.turn, self.state.side, id(self.game))
        handler = self._requests.get(type(parsed))
        # Every Request class has a handler, so anything else is one of the rules' Commands.
        reply = handler(parsed) if handler else self.play(cast(Command, parsed))
        reply.new_position = (self.state.turn, self.state.side, id(self.game)) != before
        if reply.new_position and not isinstance(parsed, LoadGame | ContinueGame):
            self.turn_started()
        return reply

    def play(self, cmd: Command) -> Reply:
        """Give a command to the rules for the human to move; the computer answers an end of
        turn."""
        if self.state.game_over:
            return Reply([GAME_OVER_HINT], ok=False)
        if self.state.side not in self.humans:
            return Reply(["It is not your turn."], ok=False)
        if isinstance(cmd, AttackCommand):
            cmd = with_support(self.state, cmd)
        refused = self.refusal(cmd)
        if refused:
            return refused
        try:
            events = self.game.apply(cmd)
        except IllegalCommand as exc:  # validate and apply disagree: say so, lose nothing
            return Reply([f"Not allowed: {r}" for r in exc.reasons], ok=False)
        if isinstance(cmd, EndTurnCommand) and self.new_computer_player is not None:
            events = events + self.run_ai()
        known = self.known_events(events)
        reply = Reply(describe.log_lines(known), events=known)
        reply.lines.extend(self.announce_result())
        return reply

    # --- requests ------------------------------------------------------------------------------

    def _help(self, r: Help) -> Reply:
        if r.topic:
            return Reply([VERBS[r.topic].usage])
        return Reply(["Commands:", *(f"  {v.usage}" for v in VERBS.values())])

    def _undo(self, r: Undo) -> Reply:
        if not self.game.can_undo():
            return Reply(
                [
                    "Nothing to undo: only moves since your last attack, fire, air mission "
                    "or end of turn can be taken back, and only if they revealed no enemy."
                ],
                ok=False,
            )
        last = self.game.commands[-1]
        self.game.undo()
        if isinstance(last, MoveCommand | RailCommand):
            u = self.state.units[last.unit]
            at = f"[{u.coord[0]},{u.coord[1]}]" if u.coord else "its place"
            return Reply(
                [
                    f"Took back {u.name}'s move to [{last.to[0]},{last.to[1]}]: it is at {at} "
                    f"again with {u.mp:.1f} movement points."
                ]
            )
        return Reply(["Took back the last move."])

    def _unit_info(self, r: UnitInfo) -> Reply:
        return Reply(describe.unit_lines(self.state, self.state.units[r.unit]))

    def _hex_info(self, r: HexInfo) -> Reply:
        return Reply(describe.hex_lines(self.state, r.at, self.visible(), self.viewer))

    def refusal(self, cmd: Command) -> Reply | None:
        """Why the rules refuse a command, in the player's terms; None if they allow it. An
        attack on a hex with no enemy says so; 'not next to' names the hexes next to the
        target."""
        if isinstance(cmd, AttackCommand):
            target = Hex.from_offset(*cmd.target)
            seen = self.visible()
            enemies = [
                u
                for u in self.state.units.values()
                if u.active
                and u.pos == target
                and u.side != self.state.side
                and (seen is None or u.id in seen)
            ]
            if not enemies:
                where = f"[{cmd.target[0]},{cmd.target[1]}]"
                return Reply(
                    [f"Not allowed: there is no enemy you can see at {where} to attack."], ok=False
                )
        reasons = self.game.validate(cmd)
        if not reasons:
            return None
        lines = [f"Not allowed: {r}" for r in reasons]
        if any("is not next to" in r for r in reasons) and isinstance(cmd, AttackCommand):
            around = self.neighbours_text(cmd.target)
            lines.append(f"  The hexes next to [{cmd.target[0]},{cmd.target[1]}]: {around}.")
        return Reply(lines, ok=False)

    def neighbours_text(self, c: Coord) -> str:
        """The hexes next to `c`, as 'col,row' in clockwise order from the east."""
        b = self.state.board
        h = Hex.from_offset(*c)
        return ", ".join(f"[{b.coord[n][0]},{b.coord[n][1]}]" for n in b.neighbours.get(h, ()))

    def _air(self, r: AirStatus) -> Reply:
        """The viewer's aircraft, those flying this turn, and how to fly them."""
        s = self.state
        side = self.viewer
        ss = s.sides[side]
        adj = s.board.adjective[side]
        lines = [
            f"{adj} aircraft: {ss.aircraft:,}; {ss.air_allocated:,} flying this turn, "
            f"{max(0, ss.aircraft - ss.air_allocated):,} free."
        ]
        for m in s.air:
            if m.side == side:
                where = f" over [{m.target[0]},{m.target[1]}]" if m.target else ""
                flying = describe.plural(m.aircraft, "aircraft")
                lines.append(f"  {flying} on {m.mission.replace('_', ' ')}{where}")
        lines.append(
            "Fly them: air support HEX, air interdiction HEX or air air_superiority (add 'with N')."
        )
        return Reply(lines)

    def _odds(self, r: Odds) -> Reply:
        cmd = with_support(self.state, r.attack)
        refused = self.refusal(cmd)
        if refused:
            return refused
        return Reply(describe.odds_lines(self.state, preview(self.state, cmd)))

    def _reach(self, r: Reach) -> Reply:
        """The hexes a unit of the side to move can reach this turn, marked with their cost."""
        u = self.state.units[r.unit]
        if u.side != self.viewer:
            return Reply([f"{u.name} is not yours: 'info {u.id}' tells what you know."], ok=False)
        if not u.active or u.pos is None:
            return Reply([f"{u.name} is not on the map ({u.status})."], ok=False)
        here = u.coord
        assert here is not None  # on the map, as checked above
        costs = {c: v for c, v in reachable(self.state, u.id).items() if c != here}
        trains = {c: p for c, p in rail_reachable(self.state, u.id).items() if c not in costs}
        if not costs and not trains:
            why = "it has no movement points left" if u.mp <= 0 else "every way out is closed"
            return Reply([f"{u.name} cannot move this turn: {why}."])
        marks = {c: cost_mark(v) for c, v in costs.items()}
        marks.update({c: TRAIN_MARK for c in trains})
        lines = [
            f"{u.name} at [{here[0]},{here[1]}] can reach {describe.plural(len(costs), 'hex')} "
            f"this turn with {u.mp:.1f} movement points; the figure after each is its cost "
            f"(+ for more than {MAX_MARK_COST}):"
        ]
        if trains:
            lines.append(self._train_line(trains))
        return Reply(lines, map_request=ShowMap(centre=here), marks=marks)

    def _train_line(self, trains: dict[Coord, list[Coord]]) -> str:
        """Where a train could take the unit beyond its march (marked TRAIN_MARK), places
        first by name."""
        b = self.state.board
        named = sorted(
            b.place_at[h].name for c in trains if (h := b.hex_at(c)) is not None and h in b.place_at
        )
        places = f", among them {', '.join(named)}" if named else ""
        return (
            f"By train ({TRAIN_MARK} on the map, 'rail UNIT HEX'): "
            f"{describe.plural(len(trains), 'hex')} more{places}."
        )

    def _log(self, r: ShowLog) -> Reply:
        return Reply(self.dispatch_lines(self.state.log, r.count or DEFAULT_LOG_LINES))

    # --- saves ---------------------------------------------------------------------------------

    def turn_started(self) -> Path | None:
        """Autosave if a human is to move (the start of a human turn); the file, or None."""
        if self.autosaver is None or not self.human_to_move():
            return None
        return self.autosaver.save(self.game, self.scenario_path)

    def unsaved_progress(self) -> bool:
        """Whether commands were given since the game was started, saved or loaded."""
        return len(self.game.commands) != self.saved_commands

    def autosave_folder(self) -> Path:
        return self.autosaver.directory if self.autosaver else autosave_dir(save_dir())

    def continue_game(self) -> Reply:
        """Load the newest autosave of this scenario."""
        path = newest(self.autosave_folder(), self.scenario.meta.id)
        if path is None:
            return Reply([f"No autosave of this scenario in {self.autosave_folder()}."], ok=False)
        return self.load_path(path, path.stem)

    def save_path(self, name: str) -> Path:
        return save_dir() / (name if name.endswith(".json") else f"{name}.json")

    def save(self, name: str) -> Reply:
        path = self.save_path(name)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_save(path, self.game, self.scenario_path)
        except (SaveError, OSError) as exc:
            return Reply([f"Could not save: {exc}"], ok=False)
        self.saved_commands = len(self.game.commands)
        return Reply([f"Saved as '{name}' ({path})."])

    def load(self, name: str) -> Reply:
        return self.load_path(self.save_path(name), name)

    def load_path(self, path: Path, name: str) -> Reply:
        """Load the save at `path` (called `name` in the replies) in place of this game."""
        try:
            game = load_save(path, self.scenario_path)
        except SaveError as exc:
            return Reply([f"Could not load '{name}': {exc}"], ok=False)
        except ReplayFailed as exc:
            return Reply(replay_bug_lines(name, exc, self.debug), ok=False)
        if game.scenario.meta.id != self.scenario.meta.id:
            return Reply([f"'{name}' is a save of another scenario."], ok=False)
        self.game = game
        self.saved_commands = len(game.commands)
        self.result_announced = game.state.game_over and self.result_announced
        self.computer_players.clear()
        return Reply([f"Loaded '{name}'."])

    # --- reloading the scenario (for modders) ---------------------------------------------------

    def reload(self) -> Reply:
        """Read the scenario file again and replay this game's commands on it. A file with
        errors is reported (file:line:col) and the game goes on unchanged; a command the new
        scenario no longer allows ends the replay there, and the game goes on from before it."""
        try:
            scenario = load_scenario(self.scenario_path)
        except ScenarioError as exc:
            lines = [f"Could not reload {self.scenario_path}; the game goes on unchanged:"]
            return Reply(lines + [f"  {p}" for p in exc.problems], ok=False)
        except OSError as exc:
            return Reply([f"Could not read {self.scenario_path}: {exc.strerror}"], ok=False)
        old = self.game
        game = Game(scenario, old.seed, old.options)
        lines = []
        for n, cmd in enumerate(old.commands, start=1):
            reasons = game.validate(cmd)
            if reasons:
                lines.append(
                    f"  Command {n} ({format_command(cmd)}) is not allowed now: {reasons[0]}; "
                    f"the game goes on from before it."
                )
                break
            game.apply(cmd)
        self.scenario, self.game = scenario, game
        self.computer_players.clear()
        self.result_announced = False
        self._report = None
        done = len(game.commands)
        head = f"Reloaded {self.scenario_path}: replayed {done} of {len(old.commands)} commands."
        events = self.run_ai() if self.new_computer_player is not None else []
        return Reply([head, *lines, *self.dispatch_lines(events)], events=events)

    # --- the end -------------------------------------------------------------------------------

    def report(self) -> Report:
        """The after-action report of the game so far (kept until another command is given)."""
        n = len(self.game.commands)
        if self._report is None or self._report[0] != n:
            self._report = (n, report_of_game(self.game))
        return self._report[1]

    def report_lines(self) -> list[str]:
        return render_text(self.report(), self.text_width, self.unicode).splitlines()

    def announce_result(self) -> list[str]:
        """The result, the first time it is asked for after the game ends."""
        if not self.state.game_over or self.result_announced:
            return []
        self.result_announced = True
        return self.result_lines()

    def result_lines(self) -> list[str]:
        s = self.state
        v = status(s)
        b = s.board
        who = f"a {b.adjective[v.winner]} {v.level} win" if v.winner else "a draw"
        lines = [
            f"GAME OVER on {describe.date_text(s)}: {who}.",
            "  " + ", ".join(f"{b.adjective[x]} {v.vp[x]:g} VP" for x in b.sides),
        ]
        if s.scenario.victory.historical:
            lines.append(f"  History: {' '.join(s.scenario.victory.historical.split())}")
        return lines

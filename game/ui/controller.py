"""The player's session, shared by both front ends: typed lines in, text out.

It turns the command language into rules commands, runs the computer player for the sides no
human commands, keeps undo, and saves and loads. Front ends only read lines, show the reply and
draw the state, so the terminal and the window behave the same.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from game.hexes import Hex
from game.rules import (
    AirCommand,
    AttackCommand,
    BombardCommand,
    Command,
    EndTurnCommand,
    EntrenchCommand,
    GameEvent,
    GameState,
    IllegalCommand,
    MoveCommand,
    Options,
    preview,
    visible_units,
)
from game.rules.combat import bombard_range
from game.rules.session import Game
from game.scenario.models import Scenario
from game.ui import describe
from game.ui.language import USAGE, LanguageError, Names, Order, Parsed, Request, parse

# A computer player: given the game, return its next command (EndTurnCommand ends its turn).
Player = Callable[[GameState], Command]


def save_dir() -> Path:
    """Where `save NAME` writes: $TWO_AUGUSTS_SAVE_DIR, else the user's data folder."""
    env = os.environ.get("TWO_AUGUSTS_SAVE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "two-augusts" / "saves"


@dataclass
class Reply:
    """What a front end shows after a line: text, and whether the game or the session ended."""

    lines: list[str] = field(default_factory=list)
    events: list[GameEvent] = field(default_factory=list)
    ok: bool = True
    quit: bool = False
    show_map: tuple[tuple[int, int], tuple[int, int]] | None = None
    full_map: bool = False
    new_position: bool = False  # the turn or side to move changed, or a game was loaded


class Session:
    """One player's seat at a game: which sides are human, and the computer for the rest."""

    def __init__(
        self,
        scenario: Scenario,
        scenario_path: Path,
        humans: set[str],
        seed: int = 1,
        options: Options | None = None,
        ai_factory: Callable[[], Player] | None = None,
        game: Game | None = None,
    ) -> None:
        self.scenario = scenario
        self.scenario_path = scenario_path
        self.game = game or Game(scenario, seed, options)
        self.humans = humans
        self.ai_factory = ai_factory
        self.players: dict[str, Player] = {}
        self.max_ai_commands = 5000  # a runaway AI turn is cut short, never an endless loop
        self.result_announced = False

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

    def names(self) -> Names:
        s = self.state
        seen = self.visible()
        units = {
            u.id: u.name
            for u in s.units.values()
            if u.side == self.viewer or seen is None or u.id in seen
        }
        places: dict[str, tuple[int, int]] = {}
        for p in s.scenario.places:
            places[p.name] = p.at
            places.setdefault(p.id, p.at)
        groups = tuple(sorted({u.group for u in s.units.values() if u.group}))
        return Names(units, places, groups=groups, width=s.board.width, height=s.board.height)

    # --- turns ---------------------------------------------------------------------------------

    def human_to_move(self) -> bool:
        return self.state.side in self.humans and not self.state.game_over

    def player(self, side: str) -> Player:
        if side not in self.players:
            if self.ai_factory is None:
                raise RuntimeError("no computer player available")
            self.players[side] = self.ai_factory()
        return self.players[side]

    def run_ai(self) -> list[GameEvent]:
        """Let the computer play every side no human holds until a human is to move."""
        events: list[GameEvent] = []
        budget = self.max_ai_commands
        while not self.state.game_over and self.state.side not in self.humans:
            side = self.state.side
            cmd = self.player(side)(self.state)
            budget -= 1
            if budget <= 0 or self.game.validate(cmd):
                cmd = EndTurnCommand()  # never let a confused AI stall the game
            events.extend(self.game.apply(cmd))
            if isinstance(cmd, EndTurnCommand) and self.state.side == side:
                break
        return events

    # --- typed lines ---------------------------------------------------------------------------

    def handle(self, line: str) -> Reply:
        """Run one typed line and say what happened (errors never raise)."""
        before = (self.state.turn, self.state.side, id(self.game))
        reply = self._handle(line)
        reply.new_position = (self.state.turn, self.state.side, id(self.game)) != before
        return reply

    def _handle(self, line: str) -> Reply:
        try:
            parsed = parse(line, self.names())
        except LanguageError as exc:
            hint = f" - did you mean {exc.suggestion}?" if exc.suggestion else ""
            return Reply([f"? {exc.message}{hint}"], ok=False)
        if isinstance(parsed, Request):
            return self._request(parsed)
        if self.state.game_over:
            return Reply(["The game is over. Type 'log', 'save NAME' or 'quit'."], ok=False)
        if self.state.side not in self.humans:
            return Reply(["It is not your turn."], ok=False)
        try:
            cmd = self.to_command(parsed)
        except LanguageError as exc:
            return Reply([f"? {exc.message}"], ok=False)
        reasons = self.game.validate(cmd)
        if reasons:
            return Reply([f"Not allowed: {r}" for r in reasons], ok=False)
        try:
            events = self.game.apply(cmd)
        except IllegalCommand as exc:  # validate and apply disagree: say so, lose nothing
            return Reply([f"Not allowed: {r}" for r in exc.reasons], ok=False)
        if isinstance(cmd, EndTurnCommand) and self.ai_factory is not None:
            events = events + self.run_ai()
        reply = Reply(describe.log_lines(events), events=events)
        reply.lines.extend(self.announce_result())
        return reply

    def to_command(self, order: Parsed) -> Command:
        """The rules command for an order: artillery out of contact supports an attack."""
        assert isinstance(order, Order)
        s = self.state
        if order.verb == "move":
            assert order.hex is not None
            return MoveCommand(unit=order.units[0], to=order.hex)
        if order.verb == "attack":
            assert order.hex is not None
            target = Hex.from_offset(*order.hex)
            adjacent, support = [], []
            for uid in order.units:
                u = s.units[uid]
                near = u.pos is not None and u.pos.distance(target) <= 1
                if not near and bombard_range(s, u) > 0:
                    support.append(uid)
                else:
                    adjacent.append(uid)
            return AttackCommand(target=order.hex, units=tuple(adjacent), support=tuple(support))
        if order.verb == "bombard":
            assert order.hex is not None
            return BombardCommand(unit=order.units[0], target=order.hex)
        if order.verb == "air":  # aircraft=0: every free aircraft flies
            return AirCommand(
                mission=order.mission,  # type: ignore[arg-type]
                aircraft=order.aircraft,
                target=order.hex,
            )
        if order.verb == "entrench":
            return EntrenchCommand(unit=order.units[0])
        return EndTurnCommand()

    def _request(self, r: Request) -> Reply:
        s = self.state
        if r.verb == "quit":
            return Reply(["Farewell."], quit=True)
        if r.verb == "help":
            if r.arg:
                return Reply([USAGE[r.arg]])
            return Reply(["Commands:", *(f"  {u}" for u in USAGE.values())])
        if r.verb == "undo":
            if not self.game.can_undo():
                return Reply(
                    [
                        "Nothing to undo: only moves since your last attack, fire, air mission "
                        "or end of turn can be taken back, and only if they revealed no enemy."
                    ],
                    ok=False,
                )
            self.game.undo()
            return Reply(["Move taken back."])
        if r.verb == "info":
            if r.units:
                u = s.units[r.units[0]]
                return Reply(describe.unit_lines(s, u))
            assert r.hex is not None
            return Reply(describe.hex_lines(s, r.hex, self.visible()))
        if r.verb == "odds":
            assert r.hex is not None
            try:
                cmd = self.to_command(Order("attack", r.units, r.hex))
            except LanguageError as exc:
                return Reply([f"? {exc.message}"], ok=False)
            assert isinstance(cmd, AttackCommand)
            reasons = self.game.validate(cmd)
            if reasons:
                return Reply([f"Not allowed: {x}" for x in reasons], ok=False)
            return Reply(describe.odds_lines(s, preview(s, cmd)))
        if r.verb == "units":
            return Reply(describe.units_lines(s, self.viewer, r.arg))
        if r.verb == "log":
            return Reply(describe.log_lines(s.log, r.number or 10))
        if r.verb == "map":
            return Reply([], show_map=r.area, full_map=r.area is None)
        if r.verb == "save":
            return self.save(r.arg)
        return self.load(r.arg)

    # --- saves ---------------------------------------------------------------------------------

    def save_path(self, name: str) -> Path:
        return save_dir() / (name if name.endswith(".json") else f"{name}.json")

    def save(self, name: str) -> Reply:
        from game.saves import SaveError, write_save

        path = self.save_path(name)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_save(path, self.game, self.scenario_path)
        except (SaveError, OSError) as exc:
            return Reply([f"Could not save: {exc}"], ok=False)
        return Reply([f"Saved as '{name}' ({path})."])

    def load(self, name: str) -> Reply:
        from game.saves import SaveError, load_save

        path = self.save_path(name)
        try:
            game = load_save(path, self.scenario_path)
        except SaveError as exc:
            return Reply([f"Could not load '{name}': {exc}"], ok=False)
        if game.scenario.meta.id != self.scenario.meta.id:
            return Reply([f"'{name}' is a save of another scenario."], ok=False)
        self.game = game
        self.players.clear()
        return Reply([f"Loaded '{name}'."])

    # --- the end -------------------------------------------------------------------------------

    def announce_result(self) -> list[str]:
        """The result, the first time it is asked for after the game ends."""
        if not self.state.game_over or self.result_announced:
            return []
        self.result_announced = True
        return self.result_lines()

    def result_lines(self) -> list[str]:
        from game.rules import status

        s = self.state
        v = status(s)
        b = s.board
        who = f"{b.side_name[v.winner]} win ({v.level})" if v.winner else "A draw"
        lines = [
            f"GAME OVER on {describe.date_text(s)}: {who}.",
            "  " + ", ".join(f"{b.adjective[x]} {v.vp[x]:g} VP" for x in b.sides),
        ]
        if s.scenario.victory.historical:
            lines.append(f"  History: {s.scenario.victory.historical}")
        return lines

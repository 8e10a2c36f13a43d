"""The after-action report both front ends and `two-augusts report` show at the end of a game.

It is built from a game record in the shape `simulate --json` writes (game/sim/game.py), so a
game played at the table, a save and a batch of computer games are reported the same way and
with the same figures: `record_of_game` replays a game's commands with the simulation's
Recorder, `build_report` turns a record into plain data (`Report`), and `render_text` writes it
for the terminal. The window draws from the same `Report`; game/ui/report_image.py draws the PNG.
Nothing here imports pygame.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TextIO

from game.rules import apply, new_game
from game.rules.session import Game
from game.scenario.models import Scenario
from game.sim.game import Recorder, record
from game.sim.history import TARGETS
from game.ui.victory_words import Band, result_bands, thresholds_text

Record = dict[str, Any]
BLOCKS = "▁▂▃▄▅▆▇█"  # the strength chart at a terminal that shows Unicode
ASCII_BLOCKS = "_.-=+*#@"  # and where it does not
LABEL_WIDTH = 20  # characters before each chart row: indent, side, peak
DEFAULT_WIDTH = 80
REASON_WORDS = {
    "calendar": "the last turn was played",
    "sudden death": "sudden death: one side held every objective",
    "event": "an event ended the game",
}


# --- the data ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlaceRow:
    name: str
    vp: int
    holder: str  # the holder's adjective, or "nobody"
    taken: str  # date the holder took it during the game ("" if held from the start)


@dataclass(frozen=True)
class SideLosses:
    """A side's losses over the game, and what the record says of them (if the scenario's
    historical targets name it)."""

    side: str
    name: str
    men: int
    killed: int
    wounded: int
    captured: int
    dispersed: int
    tanks: int
    guns: int
    aircraft: int
    record: tuple[str, ...]


@dataclass(frozen=True)
class Comparison:
    """One thing the record says, and what this game did."""

    name: str
    record: str
    this_game: str
    matches: bool


@dataclass(frozen=True)
class StrengthPoint:
    date: str
    men: dict[str, int]
    tanks: dict[str, int]


@dataclass(frozen=True)
class Report:
    """Everything the after-action report says, as data a front end can lay out."""

    title: str
    scenario_id: str
    seed: int
    end_date: str
    turns_played: int
    sides: tuple[str, ...]
    adjective: dict[str, str]
    result: str  # "Soviet decisive win", "a draw"
    reason: str  # how the game ended, if it says
    score: float
    vp: dict[str, float]
    score_explained: str
    bands: tuple[Band, ...]
    places: tuple[PlaceRow, ...]
    losses: tuple[SideLosses, ...]
    comparisons: tuple[Comparison, ...]
    course: tuple[tuple[str, str], ...]  # (date, what happened), in order
    strength: tuple[StrengthPoint, ...]
    historical: str
    final: bool = True  # the game is over (else: the report of the game so far)


# --- from a game to a record to a report -------------------------------------------------------


def record_of_game(game: Game) -> Record:
    """The game's record as `simulate --json` writes it: its commands replayed from the start
    with the simulation's Recorder watching, so the figures are the simulation's own."""
    state = new_game(game.scenario, game.seed, game.options)
    rec = Recorder()
    rec.note_positions(state)
    last_turn = 0
    for cmd in game.commands:
        if state.turn != last_turn:
            rec.snapshot(state)
            last_turn = state.turn
        before = state
        state, _ = apply(state, cmd)
        rec.after(before, state)
    rec.snapshot(state, final=True)
    return record(game.scenario, game.seed, state, rec)


def _adjectives(scenario: Scenario) -> dict[str, str]:
    return {s.id: s.adjective or s.name for s in scenario.sides}


def _losses(scenario: Scenario, rec: Record, adjective: dict[str, str]) -> tuple[SideLosses, ...]:
    targets = TARGETS.get(scenario.meta.id, ())
    rows = []
    for side in scenario.sides:
        lost = rec["losses"][side.id]
        said = tuple(
            t.record
            for t in targets
            if t.unit.startswith("men") and t.name.startswith(adjective[side.id] + " ")
        )
        rows.append(
            SideLosses(
                side=side.id,
                name=adjective[side.id],
                men=int(lost["men"]),
                killed=int(lost["killed"]),
                wounded=int(lost["wounded"]),
                captured=int(lost["captured"]),
                dispersed=int(lost["dispersed"]),
                tanks=int(lost["tanks"]),
                guns=int(lost["guns"]),
                aircraft=int(lost["aircraft"]),
                record=said,
            )
        )
    return tuple(rows)


def _course(scenario: Scenario, rec: Record, adjective: dict[str, str]) -> list[tuple[str, str]]:
    titles = {e.id: e.title for e in scenario.events}
    entries = [(e["date"], titles.get(e["id"], e["id"])) for e in rec["events"]]
    for p in rec["places"]:
        if p["captured"] and p["owner"]:
            entries.append((p["captured"], f"{adjective[p['owner']]} take {p['name']}"))
    return sorted(entries, key=lambda e: e[0])


def _measure_text(value: float | str | None, adjective: dict[str, str]) -> str:
    if value is None:
        return "never"
    if isinstance(value, str) and value in adjective:
        return adjective[value]
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:,g}"
    return _date(value)


def build_report(scenario: Scenario, rec: Record) -> Report:
    """The report of one game record (a `simulate --json` game, or `record_of_game`)."""
    adjective = _adjectives(scenario)
    sides = tuple(s.id for s in scenario.sides)
    victory = scenario.victory
    other = next(s for s in sides if s != victory.score_side)
    vp = {s: float(rec["vp"][s]) for s in sides}
    if rec["winner"] in adjective:
        result = f"{adjective[rec['winner']]} {rec['level']} win"
    else:
        result = "a draw"
    vp_of = {p.id: p.vp for p in scenario.places}
    places = tuple(
        PlaceRow(
            p["name"],
            vp_of.get(p["id"], 0),
            adjective.get(p["owner"] or "", "nobody"),
            p["captured"] or "",
        )
        for p in rec["places"]
        if vp_of.get(p["id"], 0)
    )
    comparisons = tuple(
        Comparison(t.name, t.record, _measure_text(t.measure(rec), adjective), t.holds(rec))
        for t in TARGETS.get(scenario.meta.id, ())
    )
    strength = tuple(
        StrengthPoint(
            t["date"],
            {s: int(t["sides"][s]["men"]) for s in sides},
            {s: int(t["sides"][s]["tanks"]) for s in sides},
        )
        for t in rec["timeline"]
    )
    return Report(
        title=scenario.meta.title,
        scenario_id=scenario.meta.id,
        seed=int(rec["seed"]),
        end_date=str(rec["end_date"]),
        turns_played=int(rec["turns_played"]),
        sides=sides,
        adjective=adjective,
        result=result,
        reason=str(rec.get("reason") or ""),
        final=bool(rec.get("game_over", True)),
        score=float(rec["score"]),
        vp=vp,
        score_explained=thresholds_text(victory, adjective, other),
        bands=result_bands(victory, adjective, other),
        places=places,
        losses=_losses(scenario, rec, adjective),
        comparisons=comparisons,
        course=tuple(_course(scenario, rec, adjective)),
        strength=strength,
        historical=" ".join(victory.historical.split()),
    )


def report_of_game(game: Game) -> Report:
    return build_report(game.scenario, record_of_game(game))


# --- the report as text ------------------------------------------------------------------------


def _wrap(text: str, width: int, indent: str = "  ") -> list[str]:
    return textwrap.wrap(text, width, initial_indent=indent, subsequent_indent=indent + "  ")


def _date(d: str) -> str:
    return d.replace("T", " ")


def result_lines(r: Report, width: int) -> list[str]:
    how = f" ({REASON_WORDS.get(r.reason, r.reason)})" if r.reason else ""
    lines = [f"AFTER-ACTION REPORT: {r.title}"]
    result = f"Result: {r.result} on {_date(r.end_date)} after {r.turns_played} turns{how}."
    lines += _wrap(result, width, "")
    vps = ", ".join(f"{r.adjective[s]} {r.vp[s]:g} VP" for s in r.sides)
    lines += _wrap(f"Score {r.score:+g} ({vps}). {r.score_explained}", width)
    return lines


def places_lines(r: Report, width: int) -> list[str]:
    if not r.places:
        return []
    name_w = min(width - 40, max(len(p.name) for p in r.places))
    lines = ["Victory points by place:"]
    for p in r.places:
        taken = f", taken {_date(p.taken)}" if p.taken else ""
        line = f"  {p.name[:name_w]:<{name_w}} {p.vp:>4} VP  {p.holder}{taken}"
        if len(line) > width and taken:
            line = f"  {p.name[:name_w]:<{name_w}} {p.vp:>4} VP  {p.holder}"
            lines.append(line)
            line = " " * (name_w + 12) + taken[2:]
        lines.append(line[:width])
    return lines


def losses_lines(r: Report, width: int) -> list[str]:
    heads = ("men", "killed", "wounded", "captured", "scattered", "tanks", "guns", "planes")
    rows = [
        (x.men, x.killed, x.wounded, x.captured, x.dispersed, x.tanks, x.guns, x.aircraft)
        for x in r.losses
    ]
    widths = [max(len(h), *(len(f"{row[i]:,}") for row in rows)) + 1 for i, h in enumerate(heads)]
    name_w = max(len(x.name) for x in r.losses)
    head = "".join(f"{h:>{w}}" for h, w in zip(heads, widths, strict=True))
    lines = ["Losses:", " " * (2 + name_w) + head]
    for x, row in zip(r.losses, rows, strict=True):
        cells = "".join(f"{v:>{w},}" for v, w in zip(row, widths, strict=True))
        lines.append(f"  {x.name:<{name_w}}" + cells)
    lines += _wrap(
        "(men: every man lost; killed, wounded, captured and scattered are its parts, "
        "scattered men being stragglers who never came back to their units)",
        width,
    )
    for x in r.losses:
        for said in x.record:
            lines += _wrap(f"The record, {x.name}: {said}", width)
    return lines


def comparison_lines(r: Report, width: int) -> list[str]:
    if not r.comparisons:
        return []
    lines = ["Against the record:" if r.final else "Against the record (the game so far):"]
    for c in r.comparisons:
        # in a game still being played the record's later dates may yet come true
        said = c.this_game
        if not r.final:
            mark = "so far as in history" if c.matches else "not so far"
            said = "not yet" if said == "never" else said
        else:
            mark = "as in history" if c.matches else "unlike history"
        lines += _wrap(f"[{mark}] {c.name}: this game {said}. Record: {c.record}", width)
    return lines


def course_lines(r: Report, width: int) -> list[str]:
    if not r.course:
        return []
    lines = ["Course of the battle:"]
    for date, what in r.course:
        lines += _wrap(f"{_date(date)}  {what}", width)
    return lines


def _resample(values: Sequence[int], n: int) -> list[int]:
    if len(values) <= n:
        return list(values)
    return [values[round(i * (len(values) - 1) / (n - 1))] for i in range(n)]


def _bars(values: Sequence[int], peak: int, blocks: str) -> str:
    top = len(blocks) - 1
    return "".join(blocks[round(v / peak * top)] if peak else blocks[0] for v in values)


def chart_lines(r: Report, width: int, unicode: bool = True) -> list[str]:
    """Men and tanks of each side on the map, turn by turn, one character per turn (turns are
    sampled when there are more than the width holds)."""
    if not r.strength:
        return []
    blocks = BLOCKS if unicode else ASCII_BLOCKS
    cols = max(8, width - LABEL_WIDTH - 1)
    lines = ["Strength on the map over time (each bar's height against the peak shown):"]
    for kind in ("men", "tanks"):
        series = {s: [getattr(p, kind)[s] for p in r.strength] for s in r.sides}
        peak = max(max(v) for v in series.values())
        if not peak:
            continue
        lines.append(f"  {kind.capitalize()}:")
        for s in r.sides:
            label = r.adjective[s][:8]
            bars = _bars(_resample(series[s], cols), peak, blocks)
            lines.append(f"  {label:<8}{max(series[s]):>9,} {bars}")
    first, last = _date(r.strength[0].date)[:10], _date(r.strength[-1].date)[:10]
    span = min(cols, len(r.strength))
    gap = max(1, span - len(first) - len(last))
    lines.append(" " * LABEL_WIDTH + first + " " * gap + last)
    return lines


def unicode_ok(stream: TextIO) -> bool:
    """Whether the stream can print the chart's block characters."""
    try:
        BLOCKS.encode(getattr(stream, "encoding", None) or "ascii")
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def render_text(r: Report, width: int = DEFAULT_WIDTH, unicode: bool = True) -> str:
    """The whole report as text no wider than `width`."""
    sections = [
        result_lines(r, width),
        places_lines(r, width),
        losses_lines(r, width),
        comparison_lines(r, width),
        course_lines(r, width),
        chart_lines(r, width, unicode),
        _wrap(f"History: {r.historical}", width, "") if r.historical else [],
    ]
    return "\n\n".join("\n".join(s) for s in sections if s)

"""What the player reads: status line, unit and hex details, odds, unit lists, the dispatch log.

Shared by the terminal and the pygame front ends so both say the same thing in the same words.
Every function reads the state and returns lines of plain text.
"""

from __future__ import annotations

import textwrap

from game.hexes import Coord, Hex
from game.rules import GameEvent, GameState, Odds, UnitState, max_mp, status
from game.rules.zoc import in_enemy_zoc
from game.ui.map_overlays import national_borders
from game.ui.sight import hexes_in_view
from game.ui.victory_words import standing_text


def fmt_hex(c: Coord | None) -> str:
    return "-" if c is None else f"{c[0]},{c[1]}"


def date_text(state: GameState) -> str:
    return state.date.strftime("%d %b %Y %H:%M").lstrip("0")


def status_lines(state: GameState) -> list[str]:
    """Turn, date, phase, side to move and the score; then the score against the thresholds."""
    b = state.board
    total = len(b.turns)
    phase = f" ({state.phase})" if state.phase else ""
    v = status(state)
    score = ", ".join(f"{b.adjective[s]} {v.vp[s]:.1f}" for s in b.sides)
    standing = standing_text(state.scenario.victory, v.vp, b.adjective)
    return [
        f"Turn {state.turn}/{total}, {date_text(state)}{phase} - {b.adjective[state.side]} "
        f"to move - VP {score}",
        f"  {standing}.",
    ]


def status_line(state: GameState) -> str:
    """The status on one line (the window wraps it to its panel)."""
    first, second = status_lines(state)
    return f"{first}. {second.strip()}"


IRREGULAR = {"man": "men", "aircraft": "aircraft", "hex": "hexes"}


def plural(n: int, word: str) -> str:
    """'1 gun', '36 guns', '1 man', '2,000 men', '3 hexes'."""
    if n == 1:
        return f"1 {word}"
    return f"{n:,} {IRREGULAR.get(word, word + 's')}"


def strength_text(u: UnitState) -> str:
    parts = [plural(u.men, "man")]
    if u.tanks:
        parts.append(plural(u.tanks, "tank"))
    if u.guns:
        parts.append(plural(u.guns, "gun"))
    return ", ".join(parts)


def unit_lines(state: GameState, u: UnitState) -> list[str]:
    """Everything a player may know about one of the units on the map."""
    b = state.board
    utype = state.scenario.unit_types[u.type]
    where = "off the map"
    if u.pos is not None:
        where = b.name_of(u.pos)
        where += f", {b.terrain[u.pos].name.lower()}"
    lines = [
        f"{u.name} [{u.id}] - {b.adjective[u.side]} {utype.name.lower()}",
        f"  {strength_text(u)} (at start {u.men0:,} / {u.tanks0} / {u.guns0})",
        f"  at {where}; group {u.group or '-'}; status {u.status}",
        f"  quality {u.quality:.2f}, morale {u.morale:.2f}, "
        + ("in supply" if u.supplied else f"OUT OF SUPPLY for {plural(u.turns_out, 'turn')}"),
    ]
    if u.active:
        flags = []
        if u.entrenched:
            flags.append("entrenched")
        if u.has_attacked:
            flags.append("has attacked")
        if u.pos is not None and in_enemy_zoc(state, u.side, u.pos):
            flags.append("in enemy zone of control")
        lines.append(
            f"  movement {u.mp:.1f} of {max_mp(state, u):.1f} points; {utype.move_class}, "
            f"{utype.speed_km:g} km/day" + (f"; {', '.join(flags)}" if flags else "")
        )
    note = next((m.note for m in state.scenario.units if m.id == u.id), "")
    if note:
        lines.append(f"  note: {note}")
    return lines


def hex_lines(
    state: GameState, c: Coord, visible: set[str] | None = None, viewer: str = ""
) -> list[str]:
    """Terrain, crossings, routes, holder, zones and the units of a hex. Under fog (`visible`:
    the unit ids `viewer` sees) only visible units are listed, and the holder only where the
    viewer can know it: its own hexes, places (their holders are public) and hexes in view."""
    b = state.board
    h = Hex.from_offset(*c)
    if h not in b.coord:
        return [f"{fmt_hex(c)} is off the map"]
    t = b.terrain[h]
    lines = [f"{b.name_of(h)}: {t.name} (defence x{t.defence:g})"]
    extras = []
    country = national_borders(b).country.get(c)
    if country:
        extras.append(f"country: {country}")
    if h in b.crossing:
        name = b.crossing_name.get(h) or ""
        extras.append(f"{b.crossing[h]}{' ' + name if name else ''}")
    elif h in b.river:
        extras.append("river, no crossing")
    if b.route_kinds.get(h):
        extras.append(" and ".join(b.route_kinds[h]))
    owner = state.control.get(h)
    known = (
        visible is None
        or owner == viewer
        or h in b.place_at
        or h in hexes_in_view(state, viewer, visible)
    )
    if owner and known:
        extras.append(f"held by {b.adjective[owner]}")
    zones = [b.zone_models[z].name for z, hexes in b.zones.items() if h in hexes]
    if zones:
        extras.append("zone: " + ", ".join(zones))
    if extras:
        lines.append("  " + "; ".join(extras))
    p = b.place_at.get(h)
    if p is not None and p.vp:
        lines.append(f"  {p.vp} victory points")
    here = [
        u
        for u in state.units.values()
        if u.active and u.pos == h and (visible is None or u.id in visible)
    ]
    for u in here:
        lines.append(f"  {b.adjective[u.side]} {u.name} [{u.id}]: {strength_text(u)}")
    lines.append("  Next to it: " + neighbours_text(state, h, visible))
    return lines


def neighbours_text(state: GameState, h: Hex, visible: set[str] | None) -> str:
    """The six hexes around one (fewer at the edge), each with its terrain and who stands
    there as far as the viewer can see."""
    b = state.board
    parts = []
    for n in b.neighbours.get(h, ()):
        col, row = b.coord[n]
        sides = {
            b.adjective[u.side]
            for u in state.units.values()
            if u.active and u.pos == n and (visible is None or u.id in visible)
        }
        who = f", {' and '.join(sorted(sides))} units" if sides else ""
        parts.append(f"[{col},{row}] {b.terrain[n].name.lower()}{who}")
    return "; ".join(parts)


def odds_lines(state: GameState, o: Odds) -> list[str]:
    """The odds preview: ratio, each modifier, chance of each result, expected losses."""
    lines = [f"Odds {o.ratio:.2f} to 1 (attack {o.attack:.1f} against defence {o.defence:.1f})"]
    for note in o.notes:
        lines.append(f"  {note}")
    chances = ", ".join(f"{k} {v:.0%}" for k, v in o.outcomes.items() if v > 0)
    lines.append(f"  results: {chances}")
    am, at, ag = o.attacker_losses
    dm, dt_, dg = o.defender_losses
    lines.append(f"  expected losses: attacker {am:,.0f} men, {at:.0f} tanks, {ag:.0f} guns; ")
    lines[-1] += f"defender {dm:,.0f} men, {dt_:.0f} tanks, {dg:.0f} guns"
    if o.dissolve_chance:
        lines.append(f"  chance the defenders melt away: {o.dissolve_chance:.0%}")
    return lines


def units_lines(state: GameState, side: str, group: str = "", width: int = 0) -> list[str]:
    """The side's units by group: those on the map first, then those still to come. Each unit
    takes one line, or two when `width` is too narrow for one: id and name, then where and
    strength (lines are never cut inside a word)."""
    b = state.board
    mine = [u for u in state.units.values() if u.side == side and (not group or u.group == group)]
    order = {"active": 0, "pool": 1, "surrendered": 2, "destroyed": 3}
    mine.sort(key=lambda u: (u.group, order.get(u.status, 4), u.name))
    on_map = sum(1 for u in mine if u.active)
    title = b.side_name[side] + (f", group {group}" if group else "")
    rows = [f"{title}: {on_map} units on the map, {len(mine) - on_map} others"]
    listed = [(u, *_unit_where(state, u)) for u in mine]
    one_line = [
        f"  {u.id:<11} {u.name[:40]:<40} {where:>14}  {strength_text(u)}{flags}"
        for u, where, flags in listed
    ]
    two_lines = bool(width) and any(len(line) > width for line in one_line)
    current = None
    for (u, where, flags), line in zip(listed, one_line, strict=True):
        if u.group != current:
            current = u.group
            rows.append(f" {current or 'No group'}:")
        if not two_lines:
            rows.append(line)
            continue
        indent = " " * 14
        rows += textwrap.wrap(
            f"{u.id:<11} {u.name}", width, initial_indent="  ", subsequent_indent=indent
        )
        rows += textwrap.wrap(
            f"{where}; {strength_text(u)}{flags}",
            width,
            initial_indent=indent,
            subsequent_indent=indent,
        )
    return rows


def _unit_where(state: GameState, u: UnitState) -> tuple[str, str]:
    """Where a unit is (hex, due date or fate) and its warnings."""
    if u.status == "pool":
        m = next((m for m in state.scenario.units if m.id == u.id), None)
        when = m.arrives if m else None
        where = f"due {when:%d %b %H:%M}" if when else f"on event {m.released_by if m else ''}"
    elif not u.active:
        where = u.status
    else:
        where = fmt_hex(u.coord)
    flags = ""
    if u.active and not u.supplied:
        flags += "  OUT OF SUPPLY"
    if u.active and u.mp <= 0:
        flags += "  (done)"
    return where, flags


def log_lines(events: list[GameEvent], n: int | None = None) -> list[str]:
    chosen = events if n is None else events[-n:]
    return [f"{e.date[:16].replace('T', ' ')}  {e.text}" for e in chosen]


def overview_lines(state: GameState, viewer: str) -> list[str]:
    """The state of the war at a glance: each side's strength and who holds the places."""
    b = state.board
    lines = ["Forces on the map:"]
    for side in b.sides:
        units = state.active_units(side)
        ss = state.sides[side]
        men = sum(u.men for u in units)
        tanks = sum(u.tanks for u in units)
        guns = sum(u.guns for u in units)
        known = side == viewer or not state.options.fog
        numbers = (
            f"{len(units)} units, {men:,} men, {tanks} tanks, {guns} guns, {ss.aircraft} aircraft"
            if known
            else f"{len(units)} units (estimates hidden by fog of war)"
        )
        lines.append(f"  {b.adjective[side]}: {numbers}")
        lost = f"{ss.men_lost:,} men, {ss.tanks_lost} tanks, {ss.guns_lost} guns lost"
        lines.append(f"    {lost}")
    lines.append("Places:")
    for p in state.scenario.places:
        if not p.vp:
            continue
        owner = state.place_owner.get(p.id, "")
        held = b.adjective.get(owner, "nobody") if owner else "nobody"
        lines.append(f"  {p.name} ({p.vp} VP): {held}")
    return lines

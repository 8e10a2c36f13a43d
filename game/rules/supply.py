"""Supply: traced from each side's sources (railheads, depots, map edges) over passable hexes that
no enemy unit holds and no enemy zone of control covers (unless a friendly unit stands there),
at each hex's supply cost (cheaper along railways and roads), up to the side's supply range."""

from __future__ import annotations

import random

from game.hexes import Coord, Hex
from game.rules import constants as C
from game.rules.air import interdicted_i
from game.rules.board import Board
from game.rules.search import by_hex_number, cheapest_paths
from game.rules.state import GameState, Tx
from game.rules.text import plural, strength
from game.rules.zoc import occupancy


def supply_range(state: GameState, side: str) -> float:
    """The side's supply range in supply-cost units (hexes of open ground)."""
    ss = state.sides[side]
    return ss.doctrine.supply_range_km * ss.supply_factor / state.scenario.scale.hex_km


def trace(state: GameState, side: str) -> dict[Hex, float]:
    """Supply cost from the nearest source to every hex in supply for `side`."""
    key = f"supply:{side}"
    hit = state.cache.get(key)
    if isinstance(hit, dict):
        return hit
    b = state.board
    hexes = b.hexes
    res = {hexes[i]: c for i, c in _trace_i(state, side).items()}
    state.cache[key] = res
    return res


def _trace_i(state: GameState, side: str) -> dict[int, float]:
    """The trace depends only on which hexes are closed or opened, interdiction and the range;
    the board remembers the last few traces by exactly that (within an AI's turn, most moves
    change none of it)."""
    b = state.board
    occ = occupancy(state)
    enemy = b.other(side)
    own = occ.hexes_i[side]
    # Closed: enemy units and enemy zones of control without a friendly unit (restricted zones
    # and hexes without a supply cost are closed by the board). Opened: river hexes where a
    # friendly bridging unit stands.
    closed = frozenset(occ.hexes_i[enemy] | (occ.zoc_i[enemy] - own))
    opened = frozenset(
        b.index[u.pos]
        for u in state.units.values()
        if u.active and u.side == side and u.pos is not None and b.types[u.type].bridging
    )
    slow = interdicted_i(state, side)
    limit = supply_range(state, side) + 1e-9
    lost = frozenset(
        b.index[h]
        for h in b.sources[side]
        if h in b.place_at and state.place_owner.get(b.place_at[h].id) == enemy
    )
    key = (side, limit, closed, opened, slow, lost)
    hit = b.supply_memo.get(key)
    if hit is not None:
        return hit
    out = _dijkstra(b, side, closed, opened, slow, limit, lost)
    if len(b.supply_memo) >= 16:
        b.supply_memo.pop(next(iter(b.supply_memo)))
    b.supply_memo[key] = out
    return out


def _dijkstra(
    b: Board,
    side: str,
    closed: frozenset[int],
    opened: frozenset[int],
    slow: frozenset[int],
    limit: float,
    lost: frozenset[int] = frozenset(),
) -> dict[int, float]:
    n_hex = len(b.nbr)
    inf = float("inf")
    cost_of = [inf if c is None else c for c in b.supply_cost_i]
    for i in opened:
        t = b.terrain[b.hexes[i]]
        if cost_of[i] == inf and t.move_cost:
            cost_of[i] = t.supply_cost
    for i in closed:
        cost_of[i] = inf
    for i in b.restricted_i[side]:
        cost_of[i] = inf
    factor = [1.0] * n_hex
    for i in slow:
        cost_of[i] *= C.INTERDICTION_FACTOR
        factor[i] = C.INTERDICTION_FACTOR
    edges = b.supply_edges

    def steps(h: int) -> list[tuple[int, float]]:
        out = []
        for n, r in edges[h]:
            c = cost_of[n]
            if c == inf:
                continue
            if r is not None:
                if slow:
                    r *= factor[n]
                if r < c:
                    c = r
            out.append((n, c))
        return out

    sources = [
        i
        for i in (b.index[src] for src in b.sources[side])
        if cost_of[i] < inf and i not in lost
    ]
    return by_hex_number(cheapest_paths(sources, steps, limit)[0])


def supply_map(state: GameState, side: str) -> dict[Coord, float]:
    """Public form: {(col, row): supply cost used} for every hex `side` can supply."""
    coord = state.board.coord
    return {coord[h]: round(c, 6) for h, c in trace(state, side).items()}


def update_supply(tx: Tx, side: str, rng: random.Random, effects: bool = True) -> None:
    """Trace supply for a side's units at the start of its turn; then replacements for units in
    supply that did not fight, attrition for units cut off, and surrender after long isolation."""
    s = tx.s
    b = s.board
    supplied = trace(s, side)
    doctrine = s.sides[side].doctrine
    days = s.turn_hours / 24.0
    occ = occupancy(s)
    enemy = b.other(side)
    gained: list[tuple[str, int, int, int]] = []
    lost: list[tuple[str, int, int, int]] = []
    gave_up: list[str] = []
    for uid in sorted(u.id for u in s.units.values() if u.active and u.side == side):
        ok = s.units[uid].pos in supplied
        if not effects:
            if s.units[uid].supplied != ok:
                tx.unit(uid).supplied = ok
            continue
        u = tx.unit(uid)
        u.supplied = ok
        if ok:
            u.turns_out = 0
            if not u.in_combat and doctrine.replacement_rate > 0:
                f = min(1.0, doctrine.replacement_rate * days)
                dm = round((u.men0 - u.men) * f)
                dt_ = round((u.tanks0 - u.tanks) * f)
                dg = round((u.guns0 - u.guns) * f)
                if dm > 0 or dt_ > 0 or dg > 0:
                    dm, dt_, dg = max(dm, 0), max(dt_, 0), max(dg, 0)
                    u.men += dm
                    u.tanks += dt_
                    u.guns += dg
                    gained.append((uid, dm, dt_, dg))
            if u.morale < doctrine.morale:
                u.morale = min(doctrine.morale, u.morale + C.MORALE_RECOVERY_PER_DAY * days)
        else:
            u.turns_out += 1
            dm = min(u.men, round(u.men * C.ATTRITION_MEN_PER_DAY * days))
            dt_ = min(u.tanks, round(u.tanks * C.ATTRITION_TANKS_PER_DAY * days))
            dg = min(u.guns, round(u.guns * C.ATTRITION_GUNS_PER_DAY * days))
            if dm or dt_ or dg:
                u.men -= dm
                u.tanks -= dt_
                u.guns -= dg
                lost.append((uid, -dm, -dt_, -dg))
                _count_loss(tx, side, dm, dt_, dg)
            u.morale = max(C.MORALE_MIN, u.morale - C.ATTRITION_MORALE_PER_DAY * days)
            if u.turns_out >= doctrine.surrender_after_turns:
                chance = C.SURRENDER_BASE + C.SURRENDER_PER_TURN * (
                    u.turns_out - doctrine.surrender_after_turns
                )
                assert u.pos is not None
                if any(occ.side_at.get(n) == enemy for n in b.neighbours[u.pos]):
                    chance += C.SURRENDER_ENEMY_ADJACENT
                if rng.random() < min(C.SURRENDER_MAX, chance):
                    gave_up.append(uid)
        u.in_combat = False
    adj = b.adjective[side]
    if gained:
        total = strength(
            sum(g[1] for g in gained), sum(g[2] for g in gained), sum(g[3] for g in gained)
        )
        tx.emit(
            "replacements",
            f"{adj} replacements reach {plural(len(gained), 'unit')}: {total}.",
            side,
            changes=tuple(gained),
        )
    if lost:
        total = strength(
            -sum(x[1] for x in lost), -sum(x[2] for x in lost), -sum(x[3] for x in lost)
        )
        tx.emit(
            "attrition",
            f"Cut off from supply, {plural(len(lost), adj + ' unit')} lose {total} "
            "to hunger, thirst and breakdowns.",
            side,
            changes=tuple(lost),
        )
    for uid in gave_up:
        u = s.units[uid]
        pos, name, turns = u.pos, u.name, u.turns_out
        assert pos is not None
        men, tanks, guns = surrender_unit(tx, uid)
        tx.emit(
            "surrender",
            f"{name}, cut off for {turns} turns without supply, lays down its arms "
            f"at {b.name_of(pos)}.",
            side,
            (b.coord[pos],),
            changes=((uid, -men, -tanks, -guns),),
        )


def _count_loss(tx: Tx, side: str, men: int, tanks: int, guns: int) -> None:
    ss = tx.side(side)
    ss.men_lost += men
    ss.tanks_lost += tanks
    ss.guns_lost += guns


def surrender_unit(tx: Tx, uid: str, status: str = "surrendered") -> tuple[int, int, int]:
    """Take a unit out of play; its remaining men, tanks and guns count as lost.
    Returns what it lost (the caller records it in its event)."""
    u0 = tx.s.units[uid]
    lost = (u0.men, u0.tanks, u0.guns)
    u = tx.unit(uid)
    _count_loss(tx, u.side, *lost)
    u.status = "surrendered" if status == "surrendered" else "destroyed"
    u.men = u.tanks = u.guns = 0
    u.pos = None
    u.mp = 0.0
    tx.touch()
    return lost

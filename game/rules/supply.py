"""Supply: traced from each side's sources (railheads, depots, map edges) over passable hexes that
no enemy unit holds and no enemy zone of control covers (unless a friendly unit stands there),
at each hex's supply cost (cheaper along railways and roads), up to the side's supply range."""

from __future__ import annotations

import heapq
import random

from game.rules import constants as C
from game.rules.air import interdicted
from game.rules.board import Coord
from game.rules.hexes import Hex
from game.rules.state import GameState, Tx
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
    occ = occupancy(state)
    enemy = b.other(side)
    enemy_hexes = occ.hexes[enemy]
    own_hexes = occ.hexes[side]
    enemy_zoc = occ.zoc[enemy]
    restricted = b.restricted_hexes[side]
    slow = interdicted(state, side)
    limit = supply_range(state, side) + 1e-9
    cost_of = b.supply_cost
    route = b.route_supply
    bridging_at = {
        u.pos
        for u in state.units.values()
        if u.active and u.side == side and u.pos is not None and b.types[u.type].bridging
    }

    def open_(h: Hex) -> bool:
        if h in enemy_hexes or h in restricted:
            return False
        if h in enemy_zoc and h not in own_hexes:
            return False
        return h in cost_of or (h in bridging_at and bool(b.terrain[h].move_cost))

    dist: dict[Hex, float] = {}
    heap: list[tuple[float, int, Hex]] = []
    n = 0
    for src in b.sources[side]:
        if open_(src) and src not in dist:
            dist[src] = 0.0
            heap.append((0.0, n, src))
            n += 1
    heapq.heapify(heap)
    neighbours = b.neighbours
    while heap:
        d, _, h = heapq.heappop(heap)
        if d > dist[h]:
            continue
        for nb in neighbours[h]:
            if not open_(nb):
                continue
            c = route.get((h, nb))
            base = cost_of.get(nb, 2.0)
            if c is None or c > base:
                c = base
            if nb in slow:
                c *= C.INTERDICTION_FACTOR
            nd = d + c
            if nd <= limit and nd < dist.get(nb, float("inf")):
                dist[nb] = nd
                n += 1
                heapq.heappush(heap, (nd, n, nb))
    state.cache[key] = dist
    return dist


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
    enemy_hexes = occ.hexes[b.other(side)]
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
                if any(n in enemy_hexes for n in b.neighbours[u.pos]):
                    chance += C.SURRENDER_ENEMY_ADJACENT
                if rng.random() < min(C.SURRENDER_MAX, chance):
                    gave_up.append(uid)
        u.in_combat = False
    adj = b.adjective[side]
    if gained:
        tx.emit(
            "replacements",
            f"{adj} replacements reach {len(gained)} unit(s): "
            f"{sum(g[1] for g in gained):,} men, {sum(g[2] for g in gained)} tanks, "
            f"{sum(g[3] for g in gained)} guns.",
            side,
            changes=tuple(gained),
        )
    if lost:
        tx.emit(
            "attrition",
            f"Cut off from supply, {len(lost)} {adj} unit(s) lose "
            f"{-sum(x[1] for x in lost):,} men, {-sum(x[2] for x in lost)} tanks and "
            f"{-sum(x[3] for x in lost)} guns to hunger, thirst and breakdowns.",
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

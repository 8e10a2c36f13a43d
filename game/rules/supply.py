"""Supply: traced from each side's sources (railheads, depots, map edges) over passable hexes that
no enemy unit holds and no enemy zone of control covers (unless a friendly unit stands there),
at each hex's supply cost (cheaper along railways and roads), up to the side's supply range."""

from __future__ import annotations

import random
from collections.abc import Set as AbstractSet

from game.hexes import Coord, Hex
from game.rules import constants as C
from game.rules.air import interdicted_i
from game.rules.attrition import Losses, split_men
from game.rules.board import Board
from game.rules.losses import changes_of, inflict, remove_unit
from game.rules.search import flood, supply_paths
from game.rules.state import GameState, Transaction, UnitState
from game.rules.text import men_text, plural, strength
from game.rules.zoc import occupancy

MEMO_SIZE = 16  # supply traces and linked nets the board remembers


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
    res = _trace(state, side)
    state.cache[key] = res
    return res


def linked(state: GameState, side: str) -> frozenset[Hex]:
    """Hexes joined to a supply source by open ground at any distance: a unit outside them is
    encircled, not merely at the end of a long supply line."""
    key = f"linked:{side}"
    hit = state.cache.get(key)
    if isinstance(hit, frozenset):
        return hit
    b = state.board
    closed, opened, _, lost = _facts(state, side)
    memo_key = (side, closed, opened, lost)
    res = b.linked_memo.get(memo_key)
    if res is None:
        # At no limit of distance the trace's costs do not matter, only which hexes it reaches:
        # a flood fill over the hexes the trace may step into finds the same ones.
        passable = _passable(b, side, closed, opened)
        sources = (b.index[src] for src in b.sources[side])
        starts = [i for i in sources if passable[i] and i not in lost]
        res = frozenset(map(b.hexes.__getitem__, flood(starts, b.nbr, passable)))
        if len(b.linked_memo) >= MEMO_SIZE:
            b.linked_memo.pop(next(iter(b.linked_memo)))
        b.linked_memo[memo_key] = res
    state.cache[key] = res
    return res


# What a side's trace depends on besides the map: hex numbers closed, opened, slowed, and the
# sources the enemy holds.
Facts = tuple[frozenset[int], frozenset[int], frozenset[int], frozenset[int]]


def _facts(state: GameState, side: str) -> Facts:
    """Closed: enemy units and enemy zones of control without a friendly unit (restricted
    zones and hexes without a supply cost are closed by the board). Opened: river hexes where
    a friendly bridging unit stands. Slowed: under enemy interdiction. Lost: sources whose
    place the enemy owns."""
    key = ("facts", side)  # a trace and the linked net of one state read the same facts
    known = state.cache.get(key)
    if known is not None:
        return known  # type: ignore[no-any-return]
    b = state.board
    occ = occupancy(state)
    enemy = b.other(side)
    own = occ.hexes_i[side]
    closed = frozenset(occ.hexes_i[enemy] | (occ.zoc_i[enemy] - own))
    opened = frozenset(
        b.index[u.pos]
        for u in state.units.values()
        if u.active and u.side == side and u.pos is not None and b.types[u.type].bridging
    )
    slow = interdicted_i(state, side)
    lost = frozenset(
        b.index[h]
        for h in b.sources[side]
        if h in b.place_at and state.place_owner.get(b.place_at[h].id) == enemy
    )
    facts = (closed, opened, slow, lost)
    state.cache[key] = facts
    return facts


def _trace(state: GameState, side: str) -> dict[Hex, float]:
    """The trace depends only on which hexes are closed or opened, interdiction and the
    side's supply range; the board remembers the last few traces by exactly that (within an
    AI's turn, most moves change none of it). Callers only read it."""
    b = state.board
    closed, opened, slow, lost = _facts(state, side)
    limit = supply_range(state, side) + 1e-9
    key = (side, limit, closed, opened, slow, lost)
    hit = b.supply_memo.get(key)
    if hit is not None:
        return hit
    cost = _dijkstra(b, side, closed, opened, slow, limit, lost)
    out = dict(zip(map(b.hexes.__getitem__, cost), cost.values(), strict=True))
    if len(b.supply_memo) >= MEMO_SIZE:
        b.supply_memo.pop(next(iter(b.supply_memo)))
    b.supply_memo[key] = out
    return out


def _passable(b: Board, side: str, closed: frozenset[int], opened: frozenset[int]) -> list[bool]:
    """By hex number: whether the trace may step into the hex (those _dijkstra gives a finite
    cost)."""
    passable = list(b.supply_open_i[side])
    hexes, terrain, restricted = b.hexes, b.terrain, b.restricted_i[side]
    for i in opened:
        if terrain[hexes[i]].move_cost and i not in restricted:
            passable[i] = True
    for i in closed:
        passable[i] = False
    return passable


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
    sources = [
        i for i in (b.index[src] for src in b.sources[side]) if cost_of[i] < inf and i not in lost
    ]
    return supply_paths(
        sources, b.nbr, (b.route_supply_i, b.routed_i), cost_of, factor, bool(slow), limit
    )


def supply_map(state: GameState, side: str) -> dict[Coord, float]:
    """Public form: {(col, row): supply cost used} for every hex `side` can supply."""
    coord = state.board.coord
    return {coord[h]: round(c, 6) for h, c in trace(state, side).items()}


Change = tuple[str, int, int, int]  # (unit id, men, tanks, guns) gained (+) or lost (-)


def update_supply(tx: Transaction, side: str, rng: random.Random, effects: bool = True) -> None:
    """Trace supply for a side's units at the start of its turn; then replacements for units in
    supply that did not fight, attrition for units cut off, and surrender after long isolation.
    effects=False only marks who is in supply (the start of a game)."""
    s = tx.state
    supplied = trace(s, side)
    ids = sorted(u.id for u in s.units.values() if u.active and u.side == side)
    # Every hex the trace reaches is linked to a source: the linked net (a flood over the
    # whole map) is needed only if a unit stands outside the trace.
    cut_off = any(s.units[uid].pos not in supplied for uid in ids)
    joined: AbstractSet[Hex] = linked(s, side) if cut_off else supplied.keys()
    gained: list[Change] = []
    lost: list[Change] = []
    gave_up: list[str] = []
    for uid in ids:
        ok = s.units[uid].pos in supplied
        encircled = s.units[uid].pos not in joined
        if not effects:
            if (s.units[uid].supplied, s.units[uid].encircled) != (ok, encircled):
                tx.unit(uid).supplied = ok
                tx.unit(uid).encircled = encircled
            continue
        u = tx.unit(uid)
        u.supplied = ok
        u.encircled = encircled
        if ok:
            got = _resupply(tx, u)
            if got is not None:
                gained.append(got)
        elif _on_stocks(s, u):
            u.supplied = True
            u.turns_out += 1
        else:
            loss = _starve(tx, u)
            if loss is not None:
                lost.append(loss)
            if _gives_up(tx.state, u, rng):
                gave_up.append(uid)
        u.in_combat = False
    _report_supply(tx, side, gained, lost)
    for uid in gave_up:
        _surrender(tx, uid)


def _resupply(tx: Transaction, u: UnitState) -> Change | None:
    """A unit in supply: its isolation count resets, it recovers morale and, if it did not
    fight, receives replacements toward its starting strength."""
    s = tx.state
    doctrine = s.sides[u.side].doctrine
    days = s.turn_hours / 24.0
    u.turns_out = 0
    got = None
    if not u.in_combat and doctrine.replacement_rate > 0:
        f = min(1.0, doctrine.replacement_rate * days)
        men = round((u.men0 - u.men) * f)
        tanks = round((u.tanks0 - u.tanks) * f)
        guns = round((u.guns0 - u.guns) * f)
        if men > 0 or tanks > 0 or guns > 0:
            men, tanks, guns = max(men, 0), max(tanks, 0), max(guns, 0)
            u.men += men
            u.tanks += tanks
            u.guns += guns
            got = (u.id, men, tanks, guns)
    if u.morale < doctrine.morale:
        u.morale = min(doctrine.morale, u.morale + C.MORALE_RECOVERY_PER_DAY * days)
    return got


def _on_stocks(s: GameState, u: UnitState) -> bool:
    """A unit cut off lives on stocks while they last: a fortified region on its works' stocks,
    a unit dug in on the ammunition and water stored in its positions (ENTRENCHED_STOCKS_DAYS),
    so a ring closed round prepared positions is not a starving pocket on its first day."""
    assert u.pos is not None
    terrain = s.board.terrain[u.pos]
    days_out = (u.turns_out + 1) * s.turn_hours / 24.0
    if terrain.fortified and days_out <= terrain.stocks_days:
        return True
    return u.entrenched and days_out <= C.ENTRENCHED_STOCKS_DAYS


def _starve(tx: Transaction, u: UnitState) -> Change | None:
    """A unit cut off: one more turn out of supply, attrition of men (dead, or sick and wounded),
    tanks and guns, and of morale."""
    days = tx.state.turn_hours / 24.0
    wounded_per_killed = tx.state.sides[u.side].doctrine.wounded_per_killed
    u.turns_out += 1
    men = split_men(round(u.men * C.ATTRITION_MEN_PER_DAY * days), 0.0, wounded_per_killed, u.men)
    loss = inflict(
        tx,
        u.id,
        Losses(
            killed=men.killed,
            wounded=men.wounded,
            tanks=round(u.tanks * C.ATTRITION_TANKS_PER_DAY * days),
            guns=round(u.guns * C.ATTRITION_GUNS_PER_DAY * days),
        ),
    )
    u = tx.unit(u.id)
    u.morale = max(C.MORALE_MIN, u.morale - C.ATTRITION_MORALE_PER_DAY * days)
    return changes_of(u.id, loss) if loss else None


def _gives_up(s: GameState, u: UnitState, rng: random.Random) -> bool:
    """Whether men of a unit encircled and cut off long enough give themselves up this turn
    (only a pocket gives up: a unit at the end of a long supply line starves instead; the die is
    rolled only for units past their doctrine's limit, so other units do not shift the random
    sequence). How many do is the side's doctrine (`_surrender`)."""
    limit = s.sides[u.side].doctrine.surrender_after_turns
    if not u.encircled or u.turns_out < limit:
        return False
    b = s.board
    chance = C.SURRENDER_BASE + C.SURRENDER_PER_TURN * (u.turns_out - limit)
    assert u.pos is not None
    side_at = occupancy(s).side_at
    enemy = b.other(u.side)
    if any(side_at.get(n) == enemy for n in b.neighbours[u.pos]):
        chance += C.SURRENDER_ENEMY_ADJACENT
    return rng.random() < min(C.SURRENDER_MAX, chance)


def _report_supply(tx: Transaction, side: str, gained: list[Change], lost: list[Change]) -> None:
    """One dispatch for all of a side's replacements, one for all its attrition."""
    adj = tx.state.board.adjective[side]
    if gained:
        total = _total(gained, 1)
        tx.emit(
            "replacements",
            f"{adj} replacements reach {plural(len(gained), 'unit')}: {total}.",
            side,
            changes=tuple(gained),
        )
    if lost:
        total = _total(lost, -1)
        tx.emit(
            "attrition",
            f"Cut off from supply, {plural(len(lost), adj + ' unit')} lose {total} "
            "to hunger, thirst and breakdowns.",
            side,
            changes=tuple(lost),
        )


def _total(changes: list[Change], sign: int) -> str:
    """The men, tanks and guns of several changes together, in words."""
    men = sign * sum(c[1] for c in changes)
    tanks = sign * sum(c[2] for c in changes)
    guns = sign * sum(c[3] for c in changes)
    return strength(men, tanks, guns)


def _surrender(tx: Transaction, uid: str) -> None:
    """Men of a unit long cut off give themselves up, a batch at a time: the side's
    `capture_share` of half its men; the remnant of a unit worn below its breaking point
    lays down its arms whole. (The Japanese of 1939, at a share near 0, fight on.)"""
    s = tx.state
    b = s.board
    u = s.units[uid]
    pos, name, turns = u.pos, u.name, u.turns_out
    assert pos is not None
    share = C.POCKET_SURRENDER_SHARE * s.sides[u.side].doctrine.capture_share
    n = round(u.men * share)
    if n <= 0:
        return
    if u.men - n < C.BREAK_SHARE * u.men0:
        lost = remove_unit(tx, uid, fate="surrendered")
        text = f"{name}, cut off for {turns} turns without supply, lays down its arms"
    else:
        lost = inflict(
            tx, uid, Losses(captured=n, tanks=round(u.tanks * share), guns=round(u.guns * share))
        )
        text = f"{men_text(n)} of {name}, cut off for {turns} turns, give up"
    tx.emit(
        "surrender",
        f"{text} at {b.name_of(pos)}.",
        u.side,
        (b.coord[pos],),
        changes=(changes_of(uid, lost),),
    )

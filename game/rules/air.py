"""Air power as side-level assets: each turn a side commits aircraft to support, interdiction or
air superiority. Missions last until the side's next turn begins."""

from __future__ import annotations

import math
import random

from game.hexes import Coord, Hex
from game.rules import constants as C
from game.rules.state import AirMission, GameState, Transaction

INTERDICTION_MEMO_SIZE = 64  # sets of interdiction targets the board remembers


def area(state: GameState, target: Coord) -> frozenset[Hex]:
    """Hexes covered by a support or interdiction mission aimed at `target`."""
    b = state.board
    key = ("air_area", target)
    hit = b.memo.get(key)
    if hit is not None:
        return hit
    centre = b.hex_at(target)
    if centre is None:
        return frozenset()
    radius = b.hexes_for_km(C.AIR_AREA_KM)
    res = frozenset(h for h in centre.spiral(radius) if h in b.coord)
    b.memo[key] = res
    return res


def interdicted(state: GameState, side: str) -> frozenset[Hex]:
    """Hexes where `side`'s movement and supply are slowed by enemy interdiction."""
    return _interdiction(state, side)[0]


def interdicted_i(state: GameState, side: str) -> frozenset[int]:
    """interdicted() by hex number."""
    return _interdiction(state, side)[1]


def _interdiction(state: GameState, side: str) -> tuple[frozenset[Hex], frozenset[int]]:
    """The hexes the enemy's interdiction missions cover, as Hexes and as hex numbers; the
    board remembers them by the missions' targets (the same all through a side's turn)."""
    key = ("interdiction", side)  # asked by every search: looked up before anything is made
    known = state.cache.get(key)
    if known is not None:
        return known  # type: ignore[no-any-return]

    def make() -> tuple[frozenset[Hex], frozenset[int]]:
        targets = tuple(
            m.target
            for m in state.air
            if m.side != side and m.mission == "interdiction" and m.target is not None
        )
        b = state.board
        hit = b.interdiction_memo.get(targets)
        if hit is None:
            out: set[Hex] = set()
            for t in targets:
                out |= area(state, t)
            hexes = frozenset(out)
            hit = (hexes, frozenset(b.index[h] for h in hexes))
            if len(b.interdiction_memo) >= INTERDICTION_MEMO_SIZE:
                b.interdiction_memo.pop(next(iter(b.interdiction_memo)))
            b.interdiction_memo[targets] = hit
        return hit

    found = make()
    state.cache[key] = found
    return found


def superiority_share(state: GameState, side: str) -> float:
    """How far the enemy's air superiority missions contest `side`'s air, 0-1."""
    enemy = state.board.other(side)
    sup = sum(m.strength for m in state.air if m.side == enemy and m.mission == "air_superiority")
    own = state.sides[side].aircraft * state.sides[side].air_quality
    if sup <= 0:
        return 0.0
    return sup / (sup + own + 1.0)


def support_strength(state: GameState, side: str, target: Hex) -> float:
    """Air support points over a hex attacked by `side`."""
    total = 0.0
    for m in state.air:
        if m.side == side and m.mission == "support" and m.target is not None:
            if target in area(state, m.target):
                total += m.strength
    return total * C.AIR_POINTS


def sorties(state: GameState, side: str, aircraft: int) -> float:
    air = state.scenario.sides[state.board.sides.index(side)].air
    return aircraft * air.sorties_per_day * state.turn_hours / 24.0 * state.sides[side].air_quality


def fly(
    tx: Transaction, mission: str, aircraft: int, target: Coord | None, rng: random.Random
) -> None:
    """Commit aircraft to a mission: they fly now, take losses and (for superiority) fight."""
    s = tx.state
    side = s.side
    enemy = s.board.other(side)
    contested = superiority_share(s, side)
    strength = sorties(s, side, aircraft) * (1.0 - C.AIR_CONTESTED_EFFECT * contested)
    loss_rate = C.AIR_LOSS_BASE + C.AIR_LOSS_CONTESTED * contested
    lost = _binomial(rng, aircraft, loss_rate)
    shot = 0
    if mission == "air_superiority":
        own_q = s.sides[side].air_quality
        enemy_q = s.sides[enemy].air_quality
        rate = C.AIR_SUPERIORITY_KILLS * own_q / enemy_q
        shot = min(s.sides[enemy].aircraft, _binomial(rng, aircraft, min(1.0, rate)))
        lost += _binomial(rng, aircraft - lost, C.AIR_SUPERIORITY_LOSS * enemy_q / own_q)
    me = tx.side(side)
    me.air_allocated += aircraft
    me.aircraft -= lost
    me.aircraft_lost += lost
    if shot:
        en = tx.side(enemy)
        en.aircraft -= shot
        en.aircraft_lost += shot
    s.air.append(
        AirMission(
            side=side,
            mission=mission,
            aircraft=aircraft - lost,
            target=target,
            strength=round(strength, 6),
        )
    )
    tx.touch()  # (the occupancy is still the old one's: no unit moved)
    adj = s.board.adjective[side]
    where = (
        "" if target is None else f" over {s.board.name_of(s.board.hex_at(target) or Hex(0, 0))}"
    )
    names = {
        "support": "ground support",
        "interdiction": "interdiction",
        "air_superiority": "air superiority",
    }
    text = f"{aircraft} {adj} aircraft fly {names[mission]}{where}; {lost} lost"
    if shot:
        text += f", {shot} enemy aircraft shot down"
    tx.emit("air", text + ".", side, () if target is None else (target,))


def _binomial(rng: random.Random, n: int, p: float) -> int:
    """Losses among n aircraft: exact draws for small n, a rounded expectation with noise above."""
    if n <= 0 or p <= 0:
        return 0
    if n <= 64:
        return sum(1 for _ in range(n) if rng.random() < p)
    mean = n * p
    sd = (n * p * (1 - p)) ** 0.5
    return max(0, min(n, round(rng.gauss(mean, sd))))


def start_of_turn(tx: Transaction, side: str) -> None:
    """A side's missions end when its next turn begins; its allocation resets."""
    s = tx.state
    if any(m.side == side for m in s.air):
        s.air = [m for m in s.air if m.side != side]
        tx.touch()
    if s.sides[side].air_allocated:
        tx.side(side).air_allocated = 0


def replacements(tx: Transaction) -> None:
    """New aircraft for each side at the start of a new turn (date): whole aircraft as the days
    add up, so one a day arrives even with half-day turns."""
    s = tx.state
    i = s.turn_index
    if i <= 0:
        return
    start = s.board.turns[0]
    now = (s.board.turns[i] - start).total_seconds() / 86400.0
    before = (s.board.turns[i - 1] - start).total_seconds() / 86400.0
    for k, side in enumerate(s.board.sides):
        per_day = s.scenario.sides[k].air.replacements_per_day
        n = math.floor(per_day * now + 1e-9) - math.floor(per_day * before + 1e-9)
        if n > 0:
            tx.side(side).aircraft += n

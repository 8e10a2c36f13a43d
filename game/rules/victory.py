"""Victory points, sudden death and the level of victory measured against the scenario's
thresholds (set so the historical result is a draw or near it, and either side can win)."""

from __future__ import annotations

from dataclasses import dataclass

from game.rules.state import GameState
from game.rules.zoc import occupancy


@dataclass(frozen=True)
class VictoryStatus:
    vp: dict[str, float]  # side -> victory points now
    score: float  # score_side's points minus the other side's
    level: str  # decisive, marginal or draw
    winner: str  # side id, or "" for a draw
    breakdown: dict[str, dict[str, float]]  # side -> {places, men, tanks, zones, events}


def victory_points(state: GameState) -> dict[str, dict[str, float]]:
    s = state
    b = s.board
    v = s.scenario.victory
    occ = occupancy(s)
    out: dict[str, dict[str, float]] = {}
    for side in b.sides:
        enemy = b.other(side)
        es = s.sides[enemy]
        places = float(sum(p.vp for p in s.scenario.places if s.place_owner.get(p.id) == side))
        zones = 0.0
        for z in v.zones:
            hexes = b.zones.get(z.zone, frozenset())
            if z.side == side and not any(
                who == enemy and h in hexes for h, who in occ.side_at.items()
            ):
                zones += z.vp
        out[side] = {
            "places": places,
            "men": round(es.men_lost / 1000.0 * v.vp_per_1000_men, 2),
            "tanks": round(es.tanks_lost / 10.0 * v.vp_per_10_tanks, 2),
            "zones": zones,
            "events": float(s.sides[side].vp_bonus),
        }
    return out


def status(state: GameState) -> VictoryStatus:
    """The score and level as if the game ended now (the result once it has)."""
    b = state.board
    v = state.scenario.victory
    br = victory_points(state)
    vp = {side: round(sum(parts.values()), 2) for side, parts in br.items()}
    other = b.other(v.score_side)
    score = round(vp[v.score_side] - vp[other], 2)
    if state.result is not None and state.result.get("reason") == "sudden death":
        return VictoryStatus(vp, score, "decisive", state.result["winner"], br)
    if score >= v.decisive:
        level, winner = "decisive", v.score_side
    elif score >= v.marginal:
        level, winner = "marginal", v.score_side
    elif score < v.opponent_decisive:
        level, winner = "decisive", other
    elif score < v.opponent_marginal:
        level, winner = "marginal", other
    else:
        level, winner = "draw", ""
    return VictoryStatus(vp, score, level, winner, br)


def sudden_death(state: GameState) -> str:
    """The side that holds every one of its sudden-death places, or ""."""
    for side, places in state.scenario.victory.sudden_death.items():
        if places and all(state.place_owner.get(p) == side for p in places):
            return side
    return ""

"""Combat strength: each unit's points and their modifiers, and the odds a player sees.

The random element is one die of six faces that shifts the odds (constants.DIE); everything else
is arithmetic, so odds() can list the exact probability of every result. What a face of the die
does is in combat_result.py; carrying an attack out on the state is in battle.py.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from game.hexes import Hex
from game.rules import constants as C
from game.rules.air import support_strength
from game.rules.attrition import Losses
from game.rules.combat_result import all_faces
from game.rules.state import GameState, UnitState
from game.rules.supply import linked
from game.rules.zoc import occupancy

INFANTRY_LIKE = frozenset({"infantry", "motorized", "airborne", "cavalry", "engineer", "garrison"})


def points(state: GameState, u: UnitState, armour: float = 1.0) -> float:
    """Raw fighting power of a unit's men, tanks and guns; `armour` is what the ground fought
    over leaves of the tanks' power (dunes, forest and towns are poor tank country)."""
    t = state.board.types[u.type]
    tanks = u.tanks * C.TANK_POINTS * t.tank_factor * armour
    return u.men * C.MEN_POINTS + tanks + u.guns * C.GUN_POINTS


def morale_factor(morale: float) -> float:
    """0.6 at no morale, 1.0 at 0.5, 1.4 at full morale."""
    return 0.6 + 0.8 * morale


def attack_value(state: GameState, u: UnitState, armour: float = 1.0) -> float:
    t = state.board.types[u.type]
    v = points(state, u, armour) * t.attack * u.quality * morale_factor(u.morale)
    return v if u.supplied else v * C.OUT_OF_SUPPLY_ATTACK


def defence_value(state: GameState, u: UnitState, armour: float = 1.0) -> float:
    t = state.board.types[u.type]
    v = points(state, u, armour) * t.defence * u.quality * morale_factor(u.morale)
    if not u.supplied:
        v *= C.OUT_OF_SUPPLY_DEFENCE
    if u.entrenched:
        v *= 1.0 + state.sides[u.side].doctrine.entrench_bonus
    return v


def fire_value(state: GameState, u: UnitState) -> float:
    """Artillery fire at range: guns only."""
    v = u.guns * C.GUN_POINTS * C.SUPPORT_FIRE * u.quality
    return v if u.supplied else v * C.OUT_OF_SUPPLY_ATTACK


def bombard_range(state: GameState, u: UnitState) -> int:
    km = state.board.types[u.type].bombard_km
    return 0 if km <= 0 else state.board.hexes_for_km(km)


@dataclass
class Strengths:
    attack: float
    defence: float
    factors: dict[str, float] = field(default_factory=dict)
    terrain: str = ""  # the name of the ground fought over
    with_guns: bool = False  # artillery in the attack (for the combined arms note)

    @property
    def ratio(self) -> float:
        return self.attack / max(self.defence, 0.01)

    @property
    def notes(self) -> list[str]:
        """Each factor in words, in the order it was applied: written only when asked for
        (the AI weighs thousands of attacks a game by their ratio alone)."""
        return [_note(self, k, v) for k, v in self.factors.items()]


def _note(st: Strengths, factor: str, v: float) -> str:
    if factor == "armour":
        return f"{st.terrain}: tanks fight at x{v:g}"
    if factor == "terrain":
        return f"{st.terrain}: defence x{v:g}"
    if factor == "entrenched":
        return f"entrenched: defence x{v:g}"
    if factor == "river":
        return f"attack across a river: attack x{v:g}"
    if factor == "combined_arms":
        what = "armour, infantry and guns" if st.with_guns else "armour and infantry"
        return f"combined arms ({what}): attack x{v:.2f}"
    if factor == "attacker_supply":
        return f"attackers out of supply: x{v:g}"
    if factor == "defender_supply":
        return f"defenders out of supply: x{v:g}"
    if factor == "artillery":
        return f"artillery support: +{v:.1f}"
    return f"air support: +{v:.1f}"


def strengths(state: GameState, target: Hex, attackers: list[str], support: list[str]) -> Strengths:
    """Attack and defence strength of an attack, with each modifier named for the player."""
    b = state.board
    occ = occupancy(state)
    side = state.units[attackers[0]].side if attackers else state.side
    doctrine = state.sides[side].doctrine
    atk = [state.units[a] for a in attackers]
    dfn = [state.units[d] for d in occ.units_at.get(target, ())]
    terrain = b.terrain[target]
    a = sum(attack_value(state, u, terrain.armour) for u in atk)
    d = sum(defence_value(state, u, terrain.armour) for u in dfn)
    factors: dict[str, float] = {}
    if terrain.armour != 1.0 and any(u.tanks for u in atk + dfn):
        factors["armour"] = terrain.armour
    if terrain.defence != 1.0:
        factors["terrain"] = terrain.defence
    d *= terrain.defence
    if any(u.entrenched for u in dfn):
        bonus = 1.0 + state.sides[dfn[0].side].doctrine.entrench_bonus
        factors["entrenched"] = bonus
    if target in b.river or any(u.pos in b.river for u in atk):
        factors["river"] = C.RIVER_ATTACK
        a *= C.RIVER_ATTACK
    cats = {b.types[u.type].category for u in atk}
    has_guns = "artillery" in cats or bool(support)
    if "armour" in cats and cats & INFANTRY_LIKE and doctrine.combined_arms > 0:
        share = 1.0 if has_guns else C.COMBINED_ARMS_PARTIAL
        f = 1.0 + doctrine.combined_arms * share
        factors["combined_arms"] = f
        a *= f
    if any(not u.supplied for u in atk):
        factors["attacker_supply"] = C.OUT_OF_SUPPLY_ATTACK
    if any(not u.supplied for u in dfn):
        factors["defender_supply"] = C.OUT_OF_SUPPLY_DEFENCE
    fire = sum(fire_value(state, state.units[s]) for s in support)
    if fire:
        factors["artillery"] = fire
        a += fire
    air = support_strength(state, side, target)
    if air:
        factors["air"] = air
        a += air
    return Strengths(a, d, factors, terrain.name, has_guns)


@dataclass(frozen=True)
class Odds:
    """What a player sees before attacking."""

    ratio: float
    attack: float
    defence: float
    outcomes: dict[str, float]  # result -> probability (repulsed ... rout, overrun, destroyed)
    attacker_losses: tuple[float, float, float]  # expected men, tanks, guns
    defender_losses: tuple[float, float, float]
    dissolve_chance: float  # chance at least one defender melts away before the fight
    factors: dict[str, float]
    notes: tuple[str, ...]

    def summary(self) -> str:
        parts = [f"{k} {v:.0%}" for k, v in self.outcomes.items() if v > 0]
        return f"odds {self.ratio:.2f}:1 - " + ", ".join(parts)


OUTCOME_NAMES = ("repulsed", "held", "retreat", "rout", "overrun", "destroyed")


def odds(state: GameState, target: Hex, attackers: list[str], support: list[str]) -> Odds:
    """The exact chances and expected losses of an attack, over the six faces of the die."""
    st = strengths(state, target, attackers, support)
    counts = dict.fromkeys(OUTCOME_NAMES, 0)
    al = [0.0, 0.0, 0.0]
    dl = [0.0, 0.0, 0.0]
    p = 1.0 / len(C.DIE)
    for r in all_faces(state, target, attackers, st.ratio):
        counts[r.outcome] += 1
        whole = _lost_whole(state, r.broken)
        _add_expected(al, r.attacker_losses.items(), state, whole, p)
        _add_expected(dl, r.defender_losses.items(), state, whole, p)
    keep = 1.0
    for uid in occupancy(state).units_at.get(target, ()):
        keep *= 1.0 - state.board.types[state.units[uid].type].dissolve_chance
    return Odds(
        round(st.ratio, 4),
        round(st.attack, 3),
        round(st.defence, 3),
        {k: n / len(C.DIE) for k, n in counts.items()},
        (round(al[0], 1), round(al[1], 1), round(al[2], 1)),
        (round(dl[0], 1), round(dl[1], 1), round(dl[2], 1)),
        round(1.0 - keep, 4),
        st.factors,
        tuple(st.notes),
    )


def _lost_whole(state: GameState, broken: tuple[str, ...]) -> tuple[str, ...]:
    """Broken units whose remnants are lost too: those with no way back to their lines."""
    return tuple(
        uid
        for uid in broken
        if (u := state.units[uid]).pos is None or u.pos not in linked(state, u.side)
    )


def _add_expected(
    acc: list[float],
    items: Iterable[tuple[str, Losses]],
    state: GameState,
    broken: tuple[str, ...],
    p: float,
) -> None:
    """Add one die face's losses (a unit broken in a pocket loses everything) to expected
    totals."""
    for uid, v in items:
        u = state.units[uid]
        men, tanks, guns = (u.men, u.tanks, u.guns) if uid in broken else (v.men, v.tanks, v.guns)
        acc[0] += men * p
        acc[1] += tanks * p
        acc[2] += guns * p

"""Difficulty levels: how well the computer plays, never extra strength for its units.

Easier levels look at fewer moves, attack piecemeal without artillery or air, ignore supply and
encirclement; harder ones concentrate, coordinate fire and air, and aim pincers behind the enemy.
The weights the AI scores moves and attacks with are named on each level (Weights), so a level
may tune them; today every level shares the defaults.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace


@dataclass(frozen=True, kw_only=True)
class Weights:
    """What the AI's move and attack scores count, in movement points of distance saved (moves)
    or as plain factors (attacks). Move scores are minus the distance to the unit's target,
    plus or minus these."""

    # --- moving ----------------------------------------------------------------------------
    stay: float = 0.5  # a move must score this much better than staying to be worth its orders
    load_attacking: float = 4.0  # extra distance an attacker accepts per friend on the same target
    load_holding: float = 6.0  # ... a holding unit, per friend already on that objective
    out_of_supply_attacking: float = 4.0  # cost of ending a move outside the supply net
    out_of_supply_holding: float = 8.0
    guns_next_to_enemy: float = 3.0  # artillery keeps out of contact...
    guns_in_range: float = 1.5  # ...but within range of an enemy
    cover: float = 1.5  # per point of terrain defence above 1, for a unit not attacking
    danger_ratio: float = 2.5  # a hex is dangerous where enemy threat passes this x our defence
    danger: float = 2.0  # cost of standing in danger (holding units)
    advance_danger_ratio: float = 2.0  # ... for an advancing unit next to the enemy
    advance_danger: float = 2.0
    behind_enemy: float = 0.8  # per enemy unit a pincer stands behind (nearer its supply)
    behind_enemy_most: int = 3  # enemy units counted at most
    behind_radius: int = 3  # hexes around the pincer in which enemy units count
    behind_margin: float = 0.5  # how much nearer the enemy's sources the hex must be
    grab_exposure: float = 2.0  # an empty place is not grabbed where threat passes this x defence
    # --- fighting --------------------------------------------------------------------------
    boldness: float = 1.2  # odds thresholds are multiplied by boldness - initiative_boldness *
    initiative_boldness: float = 0.4  # ... the side's doctrine initiative (0..1)
    sure_thing: float = 1.5  # delaying or withdrawing groups need this x the counter odds
    promising: float = 0.6  # attacks at this share of their threshold call for air support
    superiority_share: float = 0.5  # aircraft flying air superiority if no attack is promising
    superiority_share_attacking: float = 0.3  # ... if some attack is
    support_share: float = 0.8  # aircraft in support when the enemy flies too (else all)
    least_air: int = 3  # fewer free aircraft than this fly nothing
    objective_value: float = 20.0  # value of an enemy hex on an objective or a place
    odds_cap: float = 4.0  # odds above this rank no higher among attacks
    value_scale: float = 50.0  # attack rank: capped odds x (1 + value / value_scale)
    spare_odds: float = 1.6  # units an attack does not need leave while odds stay this x needed
    bombard_objective: float = 2.0  # a gun's target on an objective counts this many times


@dataclass(frozen=True, kw_only=True)
class Difficulty:
    name: str
    attack_odds: float  # least odds for an attack by a group in attack posture
    advance_odds: float  # ... in advance posture (push on, fight only when it pays)
    counter_odds: float  # ... for a counter-attack by a holding group
    concentrate: bool  # bring every adjacent unit into one attack
    support: bool  # artillery fires in support and bombards
    air: bool  # fly air missions
    encircle: bool  # fast units aim behind the enemy; avoid being cut off
    supply_care: bool  # keep to hexes in supply
    lookahead: int  # best attacks weighed with the full preview and the enemy's reply (0: none)
    ring_trials: int  # gaps of a ring round the enemy weighed a turn (0: no ring closing)
    break_out: bool  # units in a pocket move or fight their way out towards their lines
    guard_rear: bool  # send spare units against enemies near our supply sources
    memory_turns: int  # enemy units seen under fog of war are remembered this many turns
    breadth: int  # candidate hexes scored per unit move (0: all)
    detour: bool = False  # an attacker the enemy's line stops looks for a way round it
    noise: float  # jitter on move scores (sloppiness)
    endgame_turns: int = 0  # last turns in which ground that scores is attacked at worse odds
    value_first: bool = False  # attacks lead with the most valuable place; zones that score swept
    sweep_turns: int = 0  # last turns in which spare units hunt enemies left alone in a zone
    pocket_blows: bool = False  # cut-off enemies get several blows at good odds, not one
    holder_caution: float = 1.0  # the side that does not score: its attack odds times this
    rail_reinforce: bool = False  # trains bring troops to threatened places of value, who stay
    weights: Weights = field(default_factory=Weights)


_NORMAL = Difficulty(
    name="normal",
    attack_odds=1.5,
    advance_odds=2.2,
    counter_odds=2.0,
    concentrate=True,
    support=True,
    air=True,
    encircle=False,
    supply_care=True,
    lookahead=0,
    ring_trials=2,
    break_out=True,
    guard_rear=True,
    memory_turns=3,
    breadth=0,
    noise=0.3,
)

LEVELS: dict[str, Difficulty] = {
    # Piecemeal: one unit per attack, no guns or aircraft, supply ignored, a sloppy short look.
    "easy": replace(
        _NORMAL,
        name="easy",
        attack_odds=1.0,
        advance_odds=1.6,
        counter_odds=1.6,
        concentrate=False,
        support=False,
        air=False,
        supply_care=False,
        ring_trials=0,
        break_out=False,
        guard_rear=False,
        memory_turns=1,
        breadth=12,
        noise=3.0,
    ),
    "normal": _NORMAL,
    # Bolder thresholds, pincers behind the enemy, little noise.
    "hard": replace(
        _NORMAL,
        name="hard",
        attack_odds=1.4,
        advance_odds=2.0,
        counter_odds=1.8,
        encircle=True,
        detour=True,
        lookahead=3,
        ring_trials=4,
        memory_turns=6,
        noise=0.05,
        endgame_turns=4,
        value_first=True,
        sweep_turns=8,
        pocket_blows=True,
        holder_caution=1.3,
        rail_reinforce=True,
    ),
}


def level(name: str) -> Difficulty:
    """The named level; raises KeyError with the known names."""
    try:
        return LEVELS[name]
    except KeyError:
        raise KeyError(f"unknown difficulty '{name}'; choose from {', '.join(LEVELS)}") from None


DEFAULT_LEVEL = "normal"


def parse_levels(spec: str) -> tuple[str, dict[str, str]]:
    """A difficulty as the command line writes it: one level for every side ("hard"), or levels
    by side ("soviet=hard,japanese=normal"), or both ("hard,japanese=easy": hard unless named).
    Returns the level of sides not named and the named ones; raises ValueError with a message a
    user can act on."""
    default = DEFAULT_LEVEL
    by_side: dict[str, str] = {}
    parts = [p.strip() for p in spec.split(",")]
    if not spec.strip() or any(not p for p in parts):
        raise ValueError(f"empty level in '{spec}'; write e.g. hard or soviet=hard,japanese=normal")
    plain = [p for p in parts if "=" not in p]
    if len(plain) > 1:
        raise ValueError(f"more than one level for every side in '{spec}'")
    for p in parts:
        side, _, name = p.rpartition("=")
        name = name.strip()
        if name not in LEVELS:
            raise ValueError(f"unknown difficulty '{name}'; choose from {', '.join(LEVELS)}")
        if "=" not in p:
            default = name
            continue
        side = side.strip()
        if not side or side in by_side:
            raise ValueError(f"a side is missing or named twice in '{spec}'")
        by_side[side] = name
    return default, by_side


def side_levels(spec: str, sides: list[str]) -> dict[str, str]:
    """The level of each of a scenario's sides; raises ValueError for a side it does not have."""
    default, by_side = parse_levels(spec)
    unknown = sorted(set(by_side) - set(sides))
    if unknown:
        raise ValueError(
            f"no side '{unknown[0]}' in this scenario; its sides are {', '.join(sides)}"
        )
    return {s: by_side.get(s, default) for s in sides}

"""Casualties of one engagement, after T. N. Dupuy's Quantified Judgment Model (QJM).

Dupuy fitted daily casualty rates to some two hundred engagements of the Second World War
(Numbers, Predictions and War, 1979; Attrition, 1995). His model, which this module follows in a
reduced form, gives each side a standard share of its men lost per day of combat (an attacker
2.8%, a defender 1.5%) and multiplies it by factors:

- opposition: the force ratio; each side's losses grow with the strength it faces, less than in
  proportion (at 1:4 the attacker's share is twice the 1:1 share and the defender's half of it);
- effectiveness: better troops inflict losses faster (the enemy's quality over one's own);
- size: small forces lose a larger share of their men than large ones;
- terrain: rough ground, dunes, forest and towns cut both sides' rates;
- protection: dug-in and fortified defenders lose less;
- result: the side that loses the engagement loses at a higher rate than the winner;
- duration: the days of fighting in the turn (at most one day: longer turns rest between fights);
- doctrine: a side's own multipliers (the rigid, costly Red Army assaults of 1939).

The results are capped at the ceilings Dupuy observed (an attacker at most about 13% a day, a
defender about 6% a day before it is displaced). Losses from being displaced (stragglers of a
retreat, men overrun when a unit cannot fall back, a broken unit's remnants) come on top, and a
side's doctrine decides how many of those are taken prisoner instead of killed.

Everything here is arithmetic on plain numbers, so the rules, the preview and the tests share it.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.rules import constants as C


@dataclass(frozen=True, slots=True)
class Losses:
    """What a unit or a side lost: men split into killed, wounded, captured and dispersed (troops
    that melt away before a fight: deserters, not casualties), plus equipment."""

    killed: int = 0
    wounded: int = 0
    captured: int = 0
    tanks: int = 0
    guns: int = 0
    dispersed: int = 0

    @property
    def men(self) -> int:
        return self.killed + self.wounded + self.captured + self.dispersed

    def __add__(self, other: Losses) -> Losses:
        return Losses(
            self.killed + other.killed,
            self.wounded + other.wounded,
            self.captured + other.captured,
            self.tanks + other.tanks,
            self.guns + other.guns,
            self.dispersed + other.dispersed,
        )

    def __bool__(self) -> bool:
        return bool(self.men or self.tanks or self.guns)


NO_LOSSES = Losses()


@dataclass(frozen=True, slots=True)
class Engagement:
    """The numbers an engagement's casualty rates depend on."""

    ratio: float  # effective odds, attack / defence, after the die
    days: float  # days of fighting in the turn
    attacker_men: int
    defender_men: int
    terrain: float = 1.0  # the target hex's attrition factor (rough ground < 1)
    protection: float = 1.0  # the defenders' protection (entrenched or fortified < 1)
    attacker_doctrine: float = 1.0  # the attacking side's attacker_losses
    defender_doctrine: float = 1.0  # the defending side's defender_losses
    attacker_quality: float = 1.0  # mean quality of the attacking men
    defender_quality: float = 1.0  # ... and of the defending men


@dataclass(frozen=True, slots=True)
class Rates:
    """Share of each side's men killed or wounded by fire in one engagement."""

    attacker: float
    defender: float


def combat_days(turn_hours: float) -> float:
    """Days of fighting an attack stands for: the turn's length, at most one day."""
    return min(turn_hours, C.COMBAT_HOURS_MAX) / 24.0


def size_factor(men: int) -> float:
    """Dupuy: small forces lose a larger share of their men than large ones."""
    if men <= 0:
        return C.SIZE_FACTOR_MAX
    f = float((C.SIZE_REFERENCE_MEN / men) ** C.SIZE_EXPONENT)
    return min(C.SIZE_FACTOR_MAX, max(C.SIZE_FACTOR_MIN, f))


def opposition(ratio: float) -> tuple[float, float]:
    """Factors on the attacker's and the defender's rate from the force ratio: each side's share
    lost grows with the strength it faces, less than in proportion (Dupuy found that at the odds
    most battles are fought, 1-3:1, both sides' numerical losses are often similar)."""
    r = max(ratio, 1e-6) ** C.OPPOSITION_EXPONENT
    lo, hi = C.OPPOSITION_MIN, C.OPPOSITION_MAX
    return min(hi, max(lo, 1.0 / r)), min(hi, max(lo, r))


def effectiveness(own_quality: float, enemy_quality: float) -> float:
    """Dupuy: more effective troops inflict losses faster. The factor on a side's loss rate is
    the enemy's quality over its own, within EFFECTIVENESS_MIN and EFFECTIVENESS_MAX."""
    f = enemy_quality / max(own_quality, 1e-6)
    return min(C.EFFECTIVENESS_MAX, max(C.EFFECTIVENESS_MIN, f))


def fire_rates(e: Engagement, result: str) -> Rates:
    """Shares of men each side loses to fire (killed and wounded) in the engagement."""
    return Rates(*rates_of(e.ratio, _rest_of(e), result))


def _rest_of(e: Engagement) -> EngagementRest:
    return (
        e.days,
        e.attacker_men,
        e.defender_men,
        e.terrain,
        e.protection,
        e.attacker_doctrine,
        e.defender_doctrine,
        e.attacker_quality,
        e.defender_quality,
    )


# An Engagement's fields after the ratio, in order: what the faces of one attack's die share.
EngagementRest = tuple[float, int, int, float, float, float, float, float, float]


def rates_of(ratio: float, rest: EngagementRest, result: str) -> tuple[float, float]:
    """fire_rates of Engagement(ratio, *rest) as (attacker, defender), without making either
    (the odds preview asks for six faces of every attack it weighs)."""
    days, a_men, d_men, terrain, protection, a_doctrine, d_doctrine, a_quality, d_quality = rest
    on_attacker, on_defender = opposition(ratio)
    won_a, won_d = C.RESULT_LOSS_FACTOR[result]
    common = days * terrain
    a = (
        C.ATTACKER_RATE_PER_DAY
        * common
        * size_factor(a_men)
        * on_attacker
        * won_a
        * effectiveness(a_quality, d_quality)
        * a_doctrine
    )
    d = (
        C.DEFENDER_RATE_PER_DAY
        * common
        * size_factor(d_men)
        * on_defender
        * won_d
        * effectiveness(d_quality, a_quality)
        * protection
        * d_doctrine
    )
    cap_a = C.ATTACKER_RATE_CAP * days * a_doctrine
    cap_d = C.DEFENDER_RATE_CAP * days * d_doctrine
    return min(a, cap_a), min(d, cap_d)


def split_men(men: int, captured_share: float, wounded_per_killed: float, available: int) -> Losses:
    """Split `men` lost into captured, killed and wounded, never more than `available`."""
    killed, wounded, captured = _split(men, captured_share, wounded_per_killed, available)
    return Losses(killed, wounded, captured)


def _split(
    men: int, captured_share: float, wounded_per_killed: float, available: int
) -> tuple[int, int, int]:
    """split_men's killed, wounded and captured, without making a Losses (the odds preview
    splits men thousands of times a game)."""
    men = max(0, min(men, available))
    captured = round(men * captured_share)
    hit = men - captured
    killed = round(hit / (1.0 + wounded_per_killed))
    return killed, hit - killed, captured


def fire_losses(
    men: int,
    tanks: int,
    guns: int,
    rate: float,
    wounded_per_killed: float,
    tank_factor: float,
    gun_factor: float,
) -> Losses:
    """A unit's losses to fire at `rate`; tanks and guns at their own multiples of it."""
    killed, wounded, _ = _split(round(men * rate), 0.0, wounded_per_killed, men)
    return Losses(
        killed,
        wounded,
        0,
        min(tanks, round(tanks * min(1.0, rate * tank_factor))),
        min(guns, round(guns * min(1.0, rate * gun_factor))),
    )


def displacement_share(result: str, ratio: float, blocked: bool) -> float:
    """Share of a defender's men lost when `result` drives it back: it grows with the odds (a
    crushing attack overruns more), and by OVERRUN_FACTOR when the unit cannot fall back."""
    base = C.DISPLACE_SHARE.get(result, 0.0)
    if base <= 0.0:
        return 0.0
    floor = band_floor(result)
    growth = min(C.DISPLACE_ODDS_MAX, max(1.0, ratio / floor)) if floor > 0 else 1.0
    return min(1.0, base * growth * (C.OVERRUN_FACTOR if blocked else 1.0))


def band_floor(result: str) -> float:
    """The lowest effective odds that give `result`."""
    low = 0.0
    for upper, name, _ in C.OUTCOMES:
        if name == result:
            return low
        low = upper
    return low


def result_at(ratio: float) -> tuple[str, int]:
    """The result at effective odds `ratio`, and how many hexes the defender falls back."""
    for upper, name, steps in C.OUTCOMES:
        if ratio < upper:
            return name, steps
    _, name, steps = C.OUTCOMES[-1]
    return name, steps


def displacement_losses(
    men: int, tanks: int, guns: int, share: float, capture_share: float, wounded_per_killed: float
) -> Losses:
    """Men, tanks and guns lost when a unit is driven back or overrun: stragglers and the
    abandoned heavy weapons; `capture_share` of the men fall into enemy hands."""
    killed, wounded, captured = _split(round(men * share), capture_share, wounded_per_killed, men)
    return Losses(
        killed,
        wounded,
        captured,
        min(tanks, round(tanks * min(1.0, share * C.ABANDON_TANK_FACTOR))),
        min(guns, round(guns * min(1.0, share * C.ABANDON_GUN_FACTOR))),
    )

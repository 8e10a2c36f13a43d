"""Scenario format v1: the pydantic models a scenario TOML file must satisfy.

Every field carries a description because the same models generate the JSON Schema and the
format reference in docs/, so modders read what the validator enforces.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

FORMAT_VERSION = 1

MoveClass = Literal["foot", "horse", "wheeled", "tracked"]
MOVE_CLASSES: tuple[MoveClass, ...] = ("foot", "horse", "wheeled", "tracked")
Category = Literal[
    "infantry",
    "cavalry",
    "armour",
    "motorized",
    "artillery",
    "airborne",
    "garrison",
    "engineer",
    "headquarters",
    "naval",
]
PlaceKind = Literal["town", "city", "height", "landmark", "fort", "port", "railhead", "depot"]
Posture = Literal["attack", "assault", "advance", "hold", "defend", "delay", "withdraw", "reserve"]
AirMissionKind = Literal["support", "interdiction", "air_superiority"]


def _as_tuple(value: Any) -> Any:
    """TOML has arrays, not tuples; accept an array of two where a coordinate is expected."""
    return tuple(value) if isinstance(value, list) else value


def _date_to_datetime(value: Any) -> Any:
    """A bare TOML date means midnight of that day."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return dt.datetime(value.year, value.month, value.day)
    return value


Coord = Annotated[
    tuple[int, int],
    BeforeValidator(_as_tuple),
    Field(description="A hex as [col, row] of the map's text rows, counted from 0."),
]
HexOrPlace = Annotated[
    tuple[int, int] | str,
    BeforeValidator(_as_tuple),
    Field(description="A hex as [col, row], or the id of a place defined under [[places]]."),
]


def _no_time_zone(value: dt.datetime) -> dt.datetime:
    """Every date of a scenario is local time of the theatre; one with a time zone could not
    be compared with the others."""
    if value.tzinfo is not None:
        raise ValueError("write the date-time without a time zone (local time of the battle)")
    return value


DateTime = Annotated[
    dt.datetime,
    BeforeValidator(_date_to_datetime),
    AfterValidator(_no_time_zone),
    Field(description="A bare TOML date-time such as 1939-07-02T06:00:00 (no quotes)."),
]
Id = Annotated[
    str,
    Field(
        pattern=r"^[a-z0-9][a-z0-9_\-]*$",
        max_length=64,
        description="Lower-case letters, digits, '_' and '-'; unique within its kind.",
    ),
]
Fraction = Annotated[float, Field(ge=0.0, le=1.0)]


class Model(BaseModel):
    """Base for every format model: unknown keys are errors and values keep their TOML types."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)


# --- metadata and time -----------------------------------------------------------------------


class Meta(Model):
    id: Id = Field(description="Stable id of the scenario; saves refer to it.")
    title: str = Field(min_length=1, description="Title shown in menus and the window.")
    author: str = Field(default="", description="Who wrote the scenario.")
    version: str = Field(default="1.0", description="The scenario's own version.")
    description: str = Field(default="", description="One paragraph shown before play.")
    briefing: dict[str, str] = Field(
        default_factory=dict, description="Briefing text per side id, in the side's voice."
    )
    notes: str = Field(default="", description="Historical notes shown after play.")


class Phase(Model):
    name: str = Field(min_length=1, description="Name of the phase, e.g. 'Build-up'.")
    start: DateTime = Field(description="When the phase begins (must be within the calendar).")
    turn_hours: int = Field(gt=0, le=24 * 14, description="Length of one turn in this phase.")


class Calendar(Model):
    start: DateTime = Field(description="Date and time of the first turn.")
    end: DateTime = Field(description="The game ends when a turn would start after this.")
    turn_hours: int = Field(gt=0, le=24 * 14, description="Length of one turn, in hours.")
    first_side: str = Field(default="", description="Side id that moves first each turn.")
    phases: tuple[Phase, ...] = Field(
        default=(),
        description="Later stretches with their own turn length (e.g. a lull in longer steps).",
    )


class Scale(Model):
    hex_km: float = Field(gt=0, le=500, description="Distance across one hex, in kilometres.")


# --- map ---------------------------------------------------------------------------------------


class Terrain(Model):
    name: str = Field(min_length=1, description="Readable name, e.g. 'Sand dunes'.")
    glyph: str = Field(
        default="", max_length=1, description="Character the text map draws (default: legend)."
    )
    colour: str = Field(
        default="#b0b080",
        pattern=r"^#[0-9a-fA-F]{6}$",
        description="Fill colour in the pygame map, as #rrggbb.",
    )
    move_cost: dict[MoveClass, Annotated[float, Field(gt=0, le=100)]] = Field(
        description=(
            "Movement points to enter, per movement class (foot, horse, wheeled, tracked). "
            "A class left out cannot enter."
        )
    )
    defence: float = Field(
        default=1.0, gt=0, le=5, description="Multiplier on a defender's strength in this hex."
    )
    supply_cost: float = Field(
        default=1.0, gt=0, le=20, description="How much of a supply line one hex of this uses."
    )
    river: bool = Field(
        default=False,
        description="A river hex: entered only at a bridge or ford, or by a bridging unit.",
    )
    sight_block: bool = Field(default=False, description="Blocks sight lines (hills, forest).")
    attrition: float = Field(
        default=1.0,
        gt=0,
        le=2,
        description="Multiplies both sides' casualty rates in fights here (rough ground < 1).",
    )
    armour: float = Field(
        default=1.0,
        gt=0,
        le=1,
        description="Share of tanks' fighting power in fights here (dunes, forest, towns < 1); "
        "attacking tanks are also lost faster here.",
    )
    fortified: bool = Field(
        default=False,
        description=(
            "Permanent fortifications: defenders here never fall back, lose less to fire and "
            "bombardment, and live on their own stocks when cut off (stocks_days)."
        ),
    )
    stocks_days: float = Field(
        default=0.0,
        ge=0,
        le=365,
        description="Days a unit cut off in this terrain lives on its own stocks as if supplied.",
    )
    protection: float = Field(
        default=1.0,
        gt=0,
        le=1,
        description="Multiplies a defender's casualty rate here (concrete works < 1).",
    )


class Crossing(Model):
    at: HexOrPlace = Field(description="River hex crossed here.")
    kind: Literal["bridge", "ford", "pontoon"] = Field(
        description="Bridges and pontoons carry all classes; fords only foot and horse."
    )
    name: str = Field(default="", description="Name shown on the map.")


class Route(Model):
    kind: Literal["road", "railway", "track"] = Field(
        description="Roads and tracks lower movement cost; railways carry supply."
    )
    name: str = Field(default="", description="Name shown in hex details.")
    path: tuple[HexOrPlace, ...] = Field(
        min_length=2,
        description="Waypoints; consecutive ones are joined by the straightest line of hexes.",
    )


class Zone(Model):
    id: Id = Field(description="Referred to by victory objectives, events and AI plans.")
    name: str = Field(min_length=1, description="Readable name.")
    rows: tuple[str, ...] = Field(
        description=(
            "Overlay of the map's shape: '#' marks a hex inside the zone, any other "
            "character a hex outside."
        )
    )
    restricted_for: tuple[str, ...] = Field(
        default=(), description="Side ids whose units may never enter the zone."
    )
    no_attack: bool = Field(
        default=False,
        description="Sides in restricted_for may not attack or shell units standing in the zone.",
    )
    stops_zoc: bool = Field(
        default=False,
        description="Zones of control of sides in restricted_for stop at the zone's edge.",
    )
    active: bool = Field(
        default=True,
        description=(
            "Whether restricted_for, no_attack and stops_zoc hold when the game begins; the "
            "enable_zone and disable_zone effects switch them on and off. The zone still counts "
            "for objectives, triggers and AI plans while switched off."
        ),
    )


NO_COUNTRY = "."  # in map.countries rows: a hex of no country (the open sea)


class Countries(Model):
    """Which country each hex belongs to, so the map can draw national borders. Display only:
    the rules never read it, so a border changes nothing in play."""

    names: dict[str, str] = Field(
        min_length=1,
        description="Map character -> the country's name, as the legend and hex panel show it. "
        "Keys are single characters; '.' is kept for hexes of no country.",
    )
    rows: tuple[str, ...] = Field(
        description="Overlay of the map's shape: one character per hex, a key of names, or '.' "
        "for a hex of no country (the open sea). A border is drawn along every hex edge "
        "between two different countries; none along the sea."
    )


class Map(Model):
    rows: tuple[str, ...] = Field(
        min_length=1,
        description=(
            "The map as text, north up: one string per row, one legend character per hex. "
            "Odd rows are drawn half a hex to the right."
        ),
    )
    legend: dict[str, str] = Field(
        description="Map character -> terrain id. Keys are single characters."
    )
    crossings: tuple[Crossing, ...] = Field(default=(), description="Bridges and fords.")
    routes: tuple[Route, ...] = Field(default=(), description="Roads, tracks and railways.")
    stacking: int = Field(
        default=3, ge=1, le=20, description="Stacking points one side may have in a hex."
    )
    countries: Countries | None = Field(
        default=None,
        description="Countries of the hexes, for the national borders drawn on the map "
        "(no effect on play).",
    )


class Place(Model):
    id: Id = Field(description="Referred to by units, events, victory and AI plans.")
    name: str = Field(min_length=1, description="Name on the map and in the dispatch log.")
    at: Coord = Field(description="The hex of the place.")
    vp: int = Field(default=0, ge=0, le=1000, description="Victory points to its holder.")
    owner: str = Field(default="", description="Side id that holds it at the start.")
    kind: PlaceKind = Field(
        default="landmark", description="What sort of place it is (drawn differently)."
    )


# --- sides and forces --------------------------------------------------------------------------


class SupplySource(Model):
    at: HexOrPlace | None = Field(default=None, description="A hex or place (railhead, depot).")
    edge: Literal["north", "south", "east", "west"] | None = Field(
        default=None, description="Instead of a hex: every hex on that map edge."
    )
    kind: Literal["railhead", "depot", "edge", "port"] = Field(
        default="depot", description="What the source is, for the player's information."
    )
    name: str = Field(default="", description="Name shown in supply details.")


class Doctrine(Model):
    """Numbers that make a side fight like its army did; the rules read only these."""

    combined_arms: float = Field(
        default=0.0,
        ge=0,
        le=2,
        description="Extra attack strength when armour, infantry and guns attack together.",
    )
    initiative: Fraction = Field(
        default=0.5,
        description="Share of movement left after attacking; also how boldly the AI attacks.",
    )
    rigid_orders: bool = Field(
        default=False,
        description="Units that attack cannot move again this turn, and attacks may not be undone.",
    )
    attacker_losses: float = Field(
        default=1.0, gt=0, le=5, description="Multiplier on this side's losses when attacking."
    )
    defender_losses: float = Field(
        default=1.0, gt=0, le=5, description="Multiplier on this side's losses when defending."
    )
    supply_range_km: float = Field(
        default=100.0, gt=0, le=5000, description="How far supply reaches from a source."
    )
    replacement_rate: Fraction = Field(
        default=0.0,
        description="Share of a unit's losses made good per day when in supply and not in combat.",
    )
    morale: Fraction = Field(default=0.7, description="Starting morale of the side's units.")
    entrench_bonus: float = Field(
        default=0.25, ge=0, le=2, description="Extra defence for an entrenched unit."
    )
    surrender_after_turns: int = Field(
        default=3,
        ge=1,
        le=100,
        description="Turns out of supply before men of a cut-off unit start to give up.",
    )
    capture_share: Fraction = Field(
        default=0.5,
        description=(
            "Share of men overrun, broken or cut off who are taken prisoner rather than killed "
            "(the Japanese army of 1939 almost never surrendered: near 0)."
        ),
    )
    stands_fast: bool = Field(
        default=False,
        description="Units driven back do not fall back: they fight where they stand and are "
        "overrun; only a rout moves them (the Japanese army of 1939, whose code forbade "
        "retreat).",
    )
    wounded_per_killed: float = Field(
        default=2.5,
        ge=0,
        le=10,
        description="Wounded for every man killed by fire (most armies: 2-3).",
    )


class AirForce(Model):
    aircraft: int = Field(default=0, ge=0, le=100_000, description="Aircraft at the start.")
    quality: float = Field(default=1.0, gt=0, le=3, description="Pilots and machines.")
    sorties_per_day: float = Field(
        default=1.0, ge=0, le=5, description="How often each aircraft flies in a day."
    )
    replacements_per_day: int = Field(default=0, ge=0, description="New aircraft each day.")


class RailTransport(Model):
    """Moving units by train along the side's railways (see docs/rules.md, section 3)."""

    units_per_turn: int = Field(
        default=0,
        ge=0,
        le=1000,
        description="Units the side may move by train each turn; 0: no transport by train.",
    )
    km_per_day: float = Field(
        default=400.0,
        gt=0,
        le=5000,
        description="How far a train carries a unit in a day along railways the enemy does "
        "not hold.",
    )


class Side(Model):
    id: Id = Field(description="Referred to everywhere a side is named.")
    name: str = Field(min_length=1, description="Readable name of the side.")
    adjective: str = Field(default="", description="e.g. 'Soviet', used in the dispatch log.")
    colour: str = Field(
        default="#808080", pattern=r"^#[0-9a-fA-F]{6}$", description="Counter colour #rrggbb."
    )
    doctrine: Doctrine = Field(default_factory=Doctrine, description="How the side fights.")
    supply_sources: tuple[SupplySource, ...] = Field(
        default=(), description="Where supply lines start; each side needs at least one."
    )
    air: AirForce = Field(default_factory=AirForce, description="Side-level air assets.")
    rail: RailTransport = Field(
        default_factory=RailTransport, description="Transport by train (none unless set)."
    )


class UnitType(Model):
    name: str = Field(min_length=1, description="Readable name, e.g. 'Tank brigade'.")
    symbol: str = Field(
        default="", max_length=4, description="Short counter symbol, e.g. 'Tk', 'Inf'."
    )
    category: Category = Field(description="Role in combat; combined arms needs several.")
    move_class: MoveClass = Field(description="Which terrain costs apply.")
    speed_km: float = Field(
        gt=0, le=1000, description="Distance over open ground in one day of movement."
    )
    attack: float = Field(default=1.0, ge=0, le=10, description="Attack multiplier.")
    defence: float = Field(default=1.0, ge=0, le=10, description="Defence multiplier.")
    tank_factor: float = Field(
        default=1.0, ge=0, le=10, description="Worth of one of this type's tanks (quality of make)."
    )
    bombard_km: float = Field(
        default=0.0, ge=0, le=500, description="Artillery range; 0 means it cannot bombard."
    )
    sight_km: float = Field(default=4.0, gt=0, le=500, description="How far it sees (fog of war).")
    stack: int = Field(default=1, ge=0, le=20, description="Stacking points it takes up.")
    zoc: bool = Field(default=True, description="Exerts a zone of control.")
    bridging: bool = Field(default=False, description="Can cross rivers without a bridge.")
    dissolve_chance: Fraction = Field(
        default=0.0, description="Chance the unit melts away when attacked (e.g. Manchukuo)."
    )


class Unit(Model):
    id: Id = Field(description="Unique unit id; commands may name a unit by it.")
    name: str = Field(min_length=1, description="Designation, e.g. '11th Tank Brigade'.")
    short: str = Field(
        default="",
        max_length=8,
        description="Designation printed on the counter, e.g. '11 Tk'; "
        "empty: abbreviated from the name.",
    )
    side: str = Field(description="Side id.")
    type: str = Field(description="Unit type id from [unit_types].")
    group: str = Field(default="", description="Formation or group it belongs to.")
    at: HexOrPlace | None = Field(
        default=None, description="Starting hex, or arrival hex for a reinforcement."
    )
    men: int = Field(ge=0, le=2_000_000, description="Men at full strength at the start.")
    tanks: int = Field(default=0, ge=0, le=20_000, description="Tanks and self-propelled guns.")
    guns: int = Field(default=0, ge=0, le=50_000, description="Guns and mortars.")
    quality: float = Field(
        default=1.0, gt=0, le=2, description="Training and readiness; 1.0 is a sound unit."
    )
    arrives: DateTime | None = Field(
        default=None, description="If set, the unit enters at 'at' on this date."
    )
    released_by: str = Field(
        default="", description="If set, the unit enters when this event fires."
    )
    entrenched: bool = Field(default=False, description="Starts dug in.")
    note: str = Field(default="", description="Historical note shown in unit details.")


# --- events ------------------------------------------------------------------------------------


class DateTrigger(Model):
    type: Literal["date"] = Field(description="Fires on the first turn at or after the date.")
    date: DateTime = Field(description="When.")


class TurnTrigger(Model):
    type: Literal["turn"] = Field(description="Fires at the start of the given turn.")
    turn: int = Field(ge=1, description="Turn number, from 1.")


class PlaceCapturedTrigger(Model):
    type: Literal["place_captured"] = Field(description="Fires when a side takes the place.")
    place: str = Field(description="Place id.")
    by: str = Field(description="Side id that must take it.")


class PlaceHeldTrigger(Model):
    type: Literal["place_held"] = Field(
        description="Holds while a side owns a place (a condition for `when`, or a trigger)."
    )
    place: str = Field(description="Place id.")
    by: str = Field(description="Side id that holds it.")


class EncircledTrigger(Model):
    type: Literal["encircled"] = Field(
        description="Fires when a share of a side's men (in a zone, if given) are encircled: "
        "cut off from every supply source, however far."
    )
    side: str = Field(description="Side id of the encircled troops.")
    zone: str = Field(default="", description="Only men standing in this zone count.")
    share: Fraction = Field(default=0.5, description="Share of those men that must be encircled.")


class UnitsNearTrigger(Model):
    type: Literal["units_near"] = Field(
        description="Holds while a side's units (of one group, if given) stand at or near a "
        "place: a column arriving, two pincers meeting."
    )
    side: str = Field(description="Side id.")
    group: str = Field(default="", description="Only this group's units count, if set.")
    place: str = Field(description="Place id.")
    within_km: float = Field(
        default=0.0, ge=0, le=1000, description="How far from the place, in km (0: its own hex)."
    )
    men: int = Field(default=1, ge=1, description="Men that must stand there, all units together.")


class UnitDestroyedTrigger(Model):
    type: Literal["unit_destroyed"] = Field(
        description="Fires when the unit is destroyed or surrenders."
    )
    unit: str = Field(description="Unit id.")


class StrengthBelowTrigger(Model):
    type: Literal["strength_below"] = Field(
        description="Fires when a side's (or group's) men fall below a share of the start."
    )
    side: str = Field(description="Side id.")
    group: str = Field(default="", description="Only this group, if set.")
    fraction: Fraction = Field(description="Share of starting men, 0-1.")


class EventFiredTrigger(Model):
    type: Literal["event_fired"] = Field(description="Fires after another event.")
    event: str = Field(description="Event id.")


class ZoneClearTrigger(Model):
    type: Literal["zone_clear"] = Field(description="Fires when a side has no units in a zone.")
    zone: str = Field(description="Zone id.")
    side: str = Field(description="Side id whose units must all be gone from it.")


class AllTrigger(Model):
    type: Literal["all"] = Field(description="Holds when every one of its conditions holds.")
    of: tuple[Trigger, ...] = Field(min_length=1, description="The conditions, as triggers.")


class AnyTrigger(Model):
    type: Literal["any"] = Field(description="Holds when at least one of its conditions holds.")
    of: tuple[Trigger, ...] = Field(min_length=1, description="The conditions, as triggers.")


Trigger = Annotated[
    DateTrigger
    | TurnTrigger
    | PlaceCapturedTrigger
    | PlaceHeldTrigger
    | EncircledTrigger
    | UnitsNearTrigger
    | UnitDestroyedTrigger
    | StrengthBelowTrigger
    | EventFiredTrigger
    | ZoneClearTrigger
    | AllTrigger
    | AnyTrigger,
    Field(discriminator="type"),
]
AllTrigger.model_rebuild()
AnyTrigger.model_rebuild()


class MessageEffect(Model):
    type: Literal["message"] = Field(description="Adds a dispatch to the log.")
    text: str = Field(min_length=1, description="The dispatch.")
    when: Trigger | None = Field(
        default=None,
        description="Shown only if this condition holds when the event fires, so the dispatch "
        "never contradicts the board.",
    )


class ReleaseUnitsEffect(Model):
    type: Literal["release_units"] = Field(
        description="Brings units whose released_by names this event onto the map now."
    )


class DoctrineEffect(Model):
    type: Literal["doctrine"] = Field(description="Changes numbers of a side's doctrine.")
    side: str = Field(description="Side id.")
    set: dict[str, float | bool | int] = Field(description="Doctrine field -> new value.")


class MoraleEffect(Model):
    type: Literal["morale"] = Field(description="Raises or lowers a side's morale.")
    side: str = Field(description="Side id.")
    group: str = Field(default="", description="Only this group, if set.")
    change: float = Field(ge=-1, le=1, description="Added to each unit's morale (0-1).")


class SupplyEffect(Model):
    type: Literal["supply"] = Field(description="Changes a side's supply range.")
    side: str = Field(description="Side id.")
    range_factor: float = Field(gt=0, le=10, description="Multiplies the supply range.")


class AirEffect(Model):
    type: Literal["air"] = Field(description="Adds (or removes) aircraft of a side.")
    side: str = Field(description="Side id.")
    aircraft: int = Field(description="Aircraft added; negative removes.")


class SurrenderEffect(Model):
    type: Literal["surrender"] = Field(
        description="A share of a side's units (or group's) lay down their arms."
    )
    side: str = Field(description="Side id.")
    group: str = Field(default="", description="Only this group, if set.")
    fraction: Fraction = Field(default=1.0, description="Share of the units, chosen at random.")


class WithdrawEffect(Model):
    type: Literal["withdraw"] = Field(
        description="Units leave the map for another front; they do not count as losses."
    )
    side: str = Field(description="Side id.")
    group: str = Field(default="", description="Every unit of this group, if set.")
    units: tuple[str, ...] = Field(default=(), description="These unit ids, if set.")


class PostureEffect(Model):
    type: Literal["posture"] = Field(description="Overrides the AI posture of a side or group.")
    side: str = Field(description="Side id.")
    group: str = Field(default="", description="Only this group, if set.")
    posture: Posture = Field(description="New posture.")


class VictoryPointsEffect(Model):
    type: Literal["victory_points"] = Field(description="Awards victory points.")
    side: str = Field(description="Side id.")
    vp: int = Field(description="Points (negative takes away).")


class EndGameEffect(Model):
    type: Literal["end_game"] = Field(description="Ends the game now; victory is then judged.")
    text: str = Field(default="", description="Closing dispatch.")


class LossesEffect(Model):
    type: Literal["losses"] = Field(
        description="Costs a side men, tanks and guns: a failed assault, a bombing, an epidemic."
    )
    side: str = Field(description="Side id.")
    group: str = Field(default="", description="Only this group's units, if set.")
    units: tuple[str, ...] = Field(default=(), description="Only these units, if set.")
    share: Fraction = Field(description="Share of each unit's men, tanks and guns lost.")
    text: str = Field(default="", description="What caused it, for the dispatch.")


class EnableZoneEffect(Model):
    type: Literal["enable_zone"] = Field(
        description="Switches a zone's restrictions on (restricted_for, no_attack, stops_zoc)."
    )
    zone: str = Field(description="Zone id.")


class DisableZoneEffect(Model):
    type: Literal["disable_zone"] = Field(
        description="Switches a zone's restrictions off: its sides may enter and attack there."
    )
    zone: str = Field(description="Zone id.")


class BuildCrossingEffect(Model):
    type: Literal["build_crossing"] = Field(
        description="Builds a crossing over a river hex (a pontoon bridge thrown across)."
    )
    at: HexOrPlace = Field(description="River hex bridged.")
    kind: Literal["bridge", "ford", "pontoon"] = Field(
        default="pontoon",
        description="Bridges and pontoons carry all classes; fords only foot and horse.",
    )
    name: str = Field(default="", description="Name shown on the map.")


class DestroyCrossingEffect(Model):
    type: Literal["destroy_crossing"] = Field(
        description="Destroys the crossing over a river hex (a blown bridge, a road's too)."
    )
    at: HexOrPlace = Field(description="River hex whose crossing is destroyed.")


Effect = Annotated[
    LossesEffect
    | EnableZoneEffect
    | DisableZoneEffect
    | BuildCrossingEffect
    | DestroyCrossingEffect
    | MessageEffect
    | ReleaseUnitsEffect
    | DoctrineEffect
    | MoraleEffect
    | SupplyEffect
    | AirEffect
    | SurrenderEffect
    | WithdrawEffect
    | PostureEffect
    | VictoryPointsEffect
    | EndGameEffect,
    Field(discriminator="type"),
]


class Event(Model):
    id: Id = Field(description="Unique event id.")
    title: str = Field(min_length=1, description="Headline in the dispatch log.")
    text: str = Field(default="", description="The dispatch in full.")
    trigger: Trigger = Field(description="What makes it fire (once).")
    not_before: DateTime | None = Field(
        default=None,
        description="The trigger is not checked before this date (e.g. a capture that only "
        "counts in the last offensive).",
    )
    when: Trigger | None = Field(
        default=None,
        description="A further condition: the event waits until its trigger and this both hold.",
    )
    effects: tuple[Effect, ...] = Field(default=(), description="What happens when it fires.")


# --- victory and AI ----------------------------------------------------------------------------


class ZoneObjective(Model):
    zone: str = Field(description="Zone id.")
    side: str = Field(description="Side that scores when the zone holds no enemy unit.")
    vp: int = Field(ge=0, description="Points scored at the end of the game.")


class Victory(Model):
    score_side: str = Field(description="Score = this side's VP minus the other side's.")
    decisive: int = Field(description="Score at or above this: score_side wins decisively.")
    marginal: int = Field(description="At or above this: score_side wins marginally.")
    opponent_marginal: int = Field(description="Below this: the other side wins marginally.")
    opponent_decisive: int = Field(description="Below this: the other side wins decisively.")
    vp_per_1000_men: float = Field(
        default=0.0, ge=0, description="VP to a side for every 1,000 enemy men it puts out."
    )
    vp_per_10_tanks: float = Field(default=0.0, ge=0, description="VP per 10 enemy tanks.")
    zones: tuple[ZoneObjective, ...] = Field(default=(), description="Zone objectives.")
    sudden_death: dict[str, tuple[str, ...]] = Field(
        default_factory=dict,
        description="Side id -> place ids; holding all of them ends the game in its favour.",
    )
    historical: str = Field(default="", description="What happened, shown with the result.")


class AIPlan(Model):
    side: str = Field(description="Side id the plan steers.")
    group: str = Field(default="", description="Group it steers; empty means the whole side.")
    start: DateTime | None = Field(default=None, description="From when (default: start).")
    end: DateTime | None = Field(default=None, description="Until when (default: end).")
    posture: Posture = Field(description="What the units should do.")
    objectives: tuple[HexOrPlace, ...] = Field(
        default=(), description="Places or hexes to take or hold, in order of priority."
    )
    note: str = Field(default="", description="Why, for modders reading the plan.")


# --- the whole file ----------------------------------------------------------------------------


class Scenario(Model):
    format_version: Literal[1] = Field(description="Version of this format; must be 1.")
    include: tuple[str, ...] = Field(
        default=(),
        description="Ruleset files merged in first: a path relative to the including file, or "
        "ruleset:NAME for a ruleset that ships with the game. Later includes override earlier "
        "ones; the including file overrides them all.",
    )
    meta: Meta = Field(description="Title, author, briefings.")
    calendar: Calendar = Field(description="Turns and dates.")
    scale: Scale = Field(description="Size of a hex.")
    terrain: dict[str, Terrain] = Field(description="Terrain id -> terrain type.")
    unit_types: dict[str, UnitType] = Field(description="Unit type id -> unit type.")
    map: Map = Field(description="The map as text rows with a legend.")
    places: tuple[Place, ...] = Field(default=(), description="Named places.")
    zones: tuple[Zone, ...] = Field(default=(), description="Named areas of the map.")
    sides: tuple[Side, ...] = Field(
        min_length=2, max_length=2, description="The two sides, in turn order."
    )
    units: tuple[Unit, ...] = Field(description="Every unit, on the map or arriving later.")
    events: tuple[Event, ...] = Field(default=(), description="Scripted events.")
    victory: Victory = Field(description="How the game is won.")
    ai: tuple[AIPlan, ...] = Field(default=(), description="AI plans per side and phase.")


# --- ruleset files ------------------------------------------------------------------------------


class RulesetInfo(Model):
    id: Id = Field(description="Id of the ruleset.")
    title: str = Field(min_length=1, description="What the ruleset is for.")
    description: str = Field(default="", description="Longer description.")


class Ruleset(Model):
    """A file of shared definitions that scenarios include (terrain, unit types)."""

    ruleset: RulesetInfo = Field(description="Marks the file as a ruleset and names it.")
    format_version: Literal[1] = Field(
        default=1, description="Version of the format the ruleset is written in."
    )
    include: tuple[str, ...] = Field(
        default=(), description="Further ruleset files (a relative path, or ruleset:NAME)."
    )
    terrain: dict[str, Terrain] = Field(default_factory=dict, description="Terrain types.")
    unit_types: dict[str, UnitType] = Field(default_factory=dict, description="Unit types.")

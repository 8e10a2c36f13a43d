"""The rules' own numbers, in one place so docs/rules.md and the code cannot drift apart.

Everything a scenario may change lives in the scenario (terrain, unit types, doctrine); these are
the few constants of the game system itself.
"""

from __future__ import annotations

# --- movement --------------------------------------------------------------------------------
ROAD_MOVE = 0.5  # movement points per hex along a road, whatever the terrain
TRACK_MOVE = 0.75  # along a track
RAILWAY_MOVE = 0.75  # marching along a railway embankment (trains: game/rules/rail.py)
ZOC_LEAVE = 1.0  # extra points to leave a hex in an enemy zone of control
INTERDICTION_FACTOR = 1.5  # movement and supply cost in a hex under enemy air interdiction

# --- supply ----------------------------------------------------------------------------------
ROAD_SUPPLY = 0.5  # supply cost per hex along a road
TRACK_SUPPLY = 0.75
RAILWAY_SUPPLY = 0.25
OUT_OF_SUPPLY_ATTACK = 0.5  # strength multiplier of an attacker out of supply
OUT_OF_SUPPLY_DEFENCE = 0.75  # ... and of a defender
ATTRITION_MEN_PER_DAY = 0.02  # share of men lost per day out of supply
ATTRITION_TANKS_PER_DAY = 0.04  # breakdowns without fuel and spares
ATTRITION_GUNS_PER_DAY = 0.01
ATTRITION_MORALE_PER_DAY = 0.04
# Days a unit dug in lives, once cut off, on the ammunition, food and water stored in its
# positions (the 1939 Japanese held their heights for weeks before the ring closed and fought on
# from them for days): it counts as supplied until they are spent, like a fortress on its stocks.
ENTRENCHED_STOCKS_DAYS = 3.0
MORALE_RECOVERY_PER_DAY = 0.04  # back towards the side's doctrine morale, in supply
SURRENDER_BASE = 0.35  # chance men of a unit cut off for surrender_after_turns give up
SURRENDER_PER_TURN = 0.15  # ... plus this per further turn cut off
SURRENDER_ENEMY_ADJACENT = 0.2  # ... plus this if an enemy unit stands next to it
SURRENDER_MAX = 0.95
POCKET_SURRENDER_SHARE = 0.5  # men of a cut-off unit giving up in one turn, times capture_share

# --- combat ----------------------------------------------------------------------------------
MEN_POINTS = 0.01  # strength per man (100 men = 1 point)
TANK_POINTS = 0.25  # per tank, times the type's tank_factor
GUN_POINTS = 0.2  # per gun or mortar
SUPPORT_FIRE = 1.0  # artillery firing in support of an attack: points per gun point
AIR_POINTS = 0.1  # per aircraft sortie of support
RIVER_ATTACK = 0.5  # attack into, or out of, a river hex
COMBINED_ARMS_PARTIAL = 0.5  # share of the bonus with armour and infantry but no guns
DIE = (0.5, 0.7, 0.85, 1.0, 1.2, 1.5)  # the random element: six equally likely shifts of odds
# Result by effective odds (after the die): (upper bound, name, hexes the defender falls back).
OUTCOMES: tuple[tuple[float, str, int], ...] = (
    (0.6, "repulsed", 0),
    (1.2, "held", 0),
    (2.5, "retreat", 1),
    (float("inf"), "rout", 2),
)
MORALE_CHANGE = {  # (attacker, defender) by result
    "repulsed": (-0.05, 0.02),
    "held": (-0.02, 0.0),
    "retreat": (0.02, -0.05),
    "rout": (0.03, -0.15),
}
OVERRUN_MORALE = -0.1  # a defender that must give ground but cannot, on top of the result's

# --- casualties (game/rules/attrition.py; after Dupuy's QJM, docs/rules.md section 4) -------
ATTACKER_RATE_PER_DAY = 0.028  # QJM standard daily loss rate of an attacker at 1:1 ...
DEFENDER_RATE_PER_DAY = 0.015  # ... and of a defender
ATTACKER_RATE_CAP = 0.134  # QJM ceilings of a day's losses to fire
DEFENDER_RATE_CAP = 0.058
COMBAT_HOURS_MAX = 24.0  # an attack is at most one day of fighting, however long the turn
OPPOSITION_EXPONENT = 0.5  # a side's loss rate grows with (odds it faces) ** this
OPPOSITION_MIN = 0.4  # ... and the factor stays within these (defenders always shoot back)
OPPOSITION_MAX = 5.0
EFFECTIVENESS_MIN = 0.67  # the enemy's quality over one's own, as a factor on one's loss rate
EFFECTIVENESS_MAX = 1.5  # (the TNDM's factor for the opponent's combat effectiveness: up to 1.5)
SIZE_REFERENCE_MEN = 10_000  # a force of this size loses the standard share
SIZE_EXPONENT = 0.25  # smaller forces lose a larger share: (reference / men) ** exponent
SIZE_FACTOR_MIN = 0.4
SIZE_FACTOR_MAX = 2.5
RESULT_LOSS_FACTOR = {  # (attacker, defender): losers lose at higher rates than winners
    "repulsed": (1.5, 0.6),
    "held": (1.0, 1.0),
    "retreat": (0.8, 1.3),
    "rout": (0.6, 1.6),
}
ENTRENCHED_PROTECTION = 0.75  # a dug-in defender's loss rate
ATTACKER_TANK_FACTOR = 1.5  # attacking tanks are lost at this multiple of the men's rate
DEFENDER_TANK_FACTOR = 1.0
ATTACKER_GUN_FACTOR = 0.3  # guns behind the attack are rarely hit
DEFENDER_GUN_FACTOR = 0.5
# Displacement: share of a defender's men lost as stragglers when it is driven back in a day of
# fighting, at the result's lowest odds; the share grows with the odds up to DISPLACE_ODDS_MAX
# times, and with the days of fighting like the losses to fire.
DISPLACE_SHARE = {"retreat": 0.01, "rout": 0.05}
DISPLACE_ODDS_MAX = 3.0
OVERRUN_FACTOR = 1.5  # a defender that cannot fall back loses this multiple instead
ABANDON_TANK_FACTOR = 1.5  # tanks and guns abandoned, as a multiple of the men's share
ABANDON_GUN_FACTOR = 2.0
BREAK_SHARE = 0.1  # a unit beaten below this share of its men breaks up: the rest are lost
BREAK_SHARE_ROUT = 0.3  # ... a routed unit already below this share
# Men hit by a day's fire of one point of guns (5 guns) on men in the open, before cover and the
# die: about a hundred rounds a gun a day in a deliberate bombardment, one man hit for every thirty
# to forty rounds.
BOMBARD_MEN_PER_POINT_DAY = 15.0
# Shells hit men in proportion to how thickly they stand under the fire: a target of this many
# men takes half the hits the same fire scores on a crowded one, and a few hundred men dug in on
# a height offer fewer targets still (most rounds fall on empty ground). Without it, seven weeks
# of shelling bled a 600-man garrison to 250 while the same guns took a bare 1% of a division.
BOMBARD_SPREAD_MEN = 1000
BOMBARD_MAX = 0.08  # never more than this share of the men under fire, after the doctrine
BOMBARD_TANK_FACTOR = 0.3  # tanks and guns hit, as a multiple of the men's share
BOMBARD_GUN_FACTOR = 0.5
BOMBARD_MORALE = -0.02

# --- morale ----------------------------------------------------------------------------------
MORALE_MIN = 0.05
MORALE_MAX = 1.0

# --- air -------------------------------------------------------------------------------------
AIR_AREA_KM = 10.0  # radius of a support or interdiction mission (at least one hex)
AIR_LOSS_BASE = 0.01  # share of a mission lost to flak and accidents
AIR_LOSS_CONTESTED = 0.10  # ... plus this times the enemy's share of air superiority
AIR_SUPERIORITY_KILLS = 0.03  # enemy aircraft shot down per superiority aircraft (times quality)
AIR_SUPERIORITY_LOSS = 0.015  # own losses per superiority aircraft
AIR_CONTESTED_EFFECT = 0.5  # missions flown against full enemy superiority lose this share

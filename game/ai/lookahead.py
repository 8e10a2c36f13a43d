"""Hard's look ahead at its attacks: the few best-ranked attacks are weighed with the rules' own
preview (every face of the die: the chance of each result and the expected losses) and a fast
model of the enemy's reply (what his units next to the target could throw at the attackers if
they advance), and the best of them is made.

The enemy model is the rules' strength arithmetic for his adjacent units against ours in the
target hex: cheap enough for every candidate, and it is what his own AI would compare with its
thresholds.
"""

from __future__ import annotations

from game.ai.context import AITurn
from game.hexes import Hex
from game.rules import AttackCommand, Odds
from game.rules.ai_api import attack_value, defence_value, occupancy

# How much of the target's value each result wins (the hex, the enemy's hold on it).
RESULT_GAIN = {
    "repulsed": 0.0,
    "held": 0.1,
    "retreat": 0.6,
    "rout": 0.8,
    "overrun": 1.0,
    "destroyed": 1.0,
}
MEN_VALUE = 1.0 / 500.0  # value of an enemy man lost more than ours (a target of 20 = 10,000 men)
COUNTER_ODDS = 1.5  # an advance is exposed where the enemy's reply could reach these odds
EXPOSED_COST = 0.5  # share of the target's value an exposed advance puts at risk


def counter_odds(ctx: AITurn, target: Hex, units: tuple[str, ...]) -> float:
    """The odds the enemy units next to `target` (as far as we know them) would have against
    our attackers standing in it."""
    s = ctx.state
    b = s.board
    occ = occupancy(s)
    enemy = ctx.enemy_hexes()
    attack = 0.0
    for n in b.neighbours[target]:
        if n in enemy:
            attack += sum(attack_value(s, s.units[x]) for x in occ.units_at.get(n, ()))
    if attack <= 0.0:
        return 0.0
    defence = sum(defence_value(s, s.units[u]) for u in units) * b.terrain[target].defence
    return attack / max(defence, 1e-9)


def worth(ctx: AITurn, cmd: AttackCommand, odds: Odds, value: float) -> float:
    """What an attack is expected to win: the target's value by the chance of each result,
    the men it costs the enemy beyond what it costs us, less the risk of the enemy's reply to
    an advance into the hex."""
    ground = sum(p * RESULT_GAIN.get(k, 0.0) for k, p in odds.outcomes.items()) * value
    men = (odds.defender_losses[0] - odds.attacker_losses[0]) * MEN_VALUE
    risk = 0.0
    if cmd.advance:
        target = ctx.state.board.hex_at(cmd.target)
        assert target is not None
        if counter_odds(ctx, target, cmd.units) >= COUNTER_ODDS:
            risk = EXPOSED_COST * value
    return ground + men - risk

"""Fighting: choosing attacks by their odds, concentrating on one hex, artillery in support and
at range, and the air missions that go with them.

Odds come from the rules' own strength arithmetic (combat.strengths), which is what preview()
builds on, without resolving every face of the die for every candidate.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.ai.context import AITurn, is_artillery
from game.ai.endgame import ENDGAME_ODDS, in_endgame, scoring_targets
from game.ai.lookahead import worth
from game.ai.plans import ATTACKING
from game.ai.zones import in_sweep
from game.hexes import Hex
from game.rules import AirCommand, AttackCommand, BombardCommand, UnitState, preview, validate
from game.rules.ai_api import (
    AIR_AREA_KM,
    attack_value,
    bombard_range,
    defence_value,
    occupancy,
    strengths,
)

MAX_ATTACKS = 60  # per turn, a bound on the work
ASSAULT_ODDS = 0.0  # least odds under assault orders: any
ASSAULT_TRIM_ODDS = 1.2  # ... but units join an assault until its odds reach this
SPLIT_ODDS = 2.5  # each blow at a cut-off enemy (hard): odds that rout on most faces of the die
EXPOSED_NEIGHBOURS = 4  # do not advance into a hex with this many enemy-held neighbours


@dataclass
class Candidate:
    target: Hex
    units: list[str]
    support: list[str]
    ratio: float
    need: float
    value: float
    scoring: bool = False  # the last turns, and taking the hex changes the score


def _threshold(ctx: AITurn, posture: str) -> float:
    """Least odds to attack: by posture, and bolder for a side of more initiative (doctrine)."""
    d = ctx.diff
    w = d.weights
    if posture == "assault":
        return ASSAULT_ODDS  # orders are orders: attack whatever the odds
    bold = w.boldness - w.initiative_boldness * ctx.state.sides[ctx.side].doctrine.initiative
    if ctx.side != ctx.state.scenario.victory.score_side:
        bold *= d.holder_caution  # its points are the ground it keeps, not the men it kills
    if posture == "attack":
        return d.attack_odds * bold
    if posture == "advance":
        return d.advance_odds * bold
    if posture in ("hold", "defend", "reserve"):
        return d.counter_odds * bold
    return d.counter_odds * w.sure_thing  # delay, withdraw: only a sure thing


def _support_for(ctx: AITurn, h: Hex, used: set[str]) -> list[str]:
    if not ctx.diff.support:
        return []
    s = ctx.state
    out = []
    for uid in ctx.guns:
        u = s.units[uid]
        if uid in used or not u.active or u.has_attacked or u.pos is None:
            continue
        if u.guns > 0 and u.pos.distance(h) <= bombard_range(s, u):
            out.append(u.id)
    return out


def candidates(ctx: AITurn) -> list[Candidate]:
    """Every enemy hex our units could attack now, with the odds of throwing all in."""
    s = ctx.state
    b = s.board
    occ = occupancy(s)
    out: list[Candidate] = []
    objectives = {h for t in ctx.tasks.values() for h in t.objectives}
    closed = b.no_attack_hexes[ctx.side]
    scoring = scoring_targets(ctx) if in_endgame(ctx) else frozenset()
    for e in sorted(ctx.enemy_hexes()):
        if e in ctx.skip_targets or e in closed:
            continue
        attackers: list[UnitState] = []
        for n in b.neighbours[e]:
            if occ.side_at.get(n) != ctx.side:
                continue
            for uid in occ.units_at[n]:
                u = s.units[uid]
                if u.has_attacked or b.types[u.type].attack <= 0:
                    continue
                if is_artillery(s, u) and ctx.diff.support:
                    continue  # guns fire in support rather than assault
                attackers.append(u)
        if not attackers:
            continue
        need = min(_threshold(ctx, ctx.task(u).posture) for u in attackers)
        if e in scoring:
            need = min(need, ENDGAME_ODDS)  # the last turns: ground that scores is worth it
        if not ctx.diff.concentrate:
            attackers = [max(attackers, key=lambda u: (attack_value(s, u), u.id))]
        ids = sorted(u.id for u in attackers)
        sup = _support_for(ctx, e, set(ids))
        st = strengths(s, e, ids, sup)
        value = sum(defence_value(s, s.units[d]) for d in occ.units_at.get(e, ())) + (
            ctx.diff.weights.objective_value if e in objectives or e in b.place_at else 0.0
        )
        out.append(Candidate(e, ids, sup, st.ratio, need, value, e in scoring))
    return out


def fly_air(ctx: AITurn, cands: list[Candidate]) -> None:
    """Air superiority when the enemy flies, support where we attack, interdiction otherwise."""
    if not ctx.diff.air:
        return
    s = ctx.state
    w = ctx.diff.weights
    me = s.sides[ctx.side]
    free = me.aircraft - me.air_allocated
    if free < w.least_air:
        return
    enemy_air = s.sides[ctx.enemy].aircraft
    promising = [c for c in cands if c.ratio >= c.need * w.promising]
    sup_share = 0.0
    if enemy_air > 0:
        sup_share = w.superiority_share if not promising else w.superiority_share_attacking
    n_sup = int(free * sup_share)
    if n_sup >= 1:
        ctx.issue(AirCommand(mission="air_superiority", aircraft=n_sup))
    me = ctx.state.sides[ctx.side]
    free = me.aircraft - me.air_allocated
    if free < 1:
        return
    b = s.board
    if promising:
        best: tuple[float, Hex] | None = None
        radius = b.hexes_for_km(AIR_AREA_KM)
        for c in promising:
            gain = sum(x.value for x in promising if x.target.distance(c.target) <= radius)
            if best is None or (gain, c.target) > best:
                best = (gain, c.target)
        assert best is not None
        n = free if enemy_air <= 0 else max(1, int(free * w.support_share))
        ctx.issue(AirCommand(mission="support", aircraft=n, target=b.coord[best[1]]))
        me = ctx.state.sides[ctx.side]
        free = me.aircraft - me.air_allocated
    if free >= 1:
        # Interdict where the enemy masses nearest our objectives or our front.
        objectives = [h for t in ctx.tasks.values() for h in t.objectives]
        enemy = sorted(ctx.enemy_hexes())
        if enemy and objectives:
            tgt = min(enemy, key=lambda e: (min(e.distance(o) for o in objectives), e))
            ctx.issue(AirCommand(mission="interdiction", aircraft=free, target=b.coord[tgt]))


def attack_all(ctx: AITurn, only_scoring: bool = False) -> None:
    """Make every attack whose odds meet the posture's threshold, best first; re-rate after each
    (a won fight changes the ground). With a look ahead (hard), the best few are weighed with
    the full preview and the enemy's reply, and attacks the preview shows doomed are dropped.
    `only_scoring`: only the attacks on ground that scores in the last turns (made before the
    units move, so none walks away from an enemy it should finish)."""
    for _ in range(MAX_ATTACKS):
        if ctx.state.game_over:
            return
        cands = [
            c for c in candidates(ctx) if c.ratio >= c.need and (c.scoring or not only_scoring)
        ]
        if not cands:
            return
        ranked = sorted(cands, key=lambda c: (_rank(ctx, c), c.target), reverse=True)
        pick = _choose(ctx, ranked[: max(1, ctx.diff.lookahead)])
        if pick is not None and not ctx.issue(pick[1]):
            _spent(ctx, pick[0])


def _choose(ctx: AITurn, ranked: list[Candidate]) -> tuple[Candidate, AttackCommand] | None:
    """The attack to make among the best-ranked: the first, or (look ahead) the one the
    preview says wins most. Candidates that cannot or should not be made are spent."""
    best: tuple[float, Candidate, AttackCommand] | None = None
    for c in ranked:
        cmd = _command(ctx, c)
        if cmd is None:
            continue
        if not ctx.diff.lookahead:
            return c, cmd
        odds = preview(ctx.state, cmd)
        assault = any(ctx.task(ctx.state.units[u]).posture == "assault" for u in cmd.units)
        if odds.outcomes.get("repulsed", 0.0) > 0.5 and not assault and not c.scoring:
            _spent(ctx, c)
            continue
        w = worth(ctx, cmd, odds, c.value)
        if best is None or w > best[0]:
            best = (w, c, cmd)
    return None if best is None else (best[1], best[2])


def _command(ctx: AITurn, c: Candidate) -> AttackCommand | None:
    """The attack on a candidate as it would be ordered: the units and guns it needs, and
    whether to advance after it; None (and the target spent) if the rules refuse it."""
    s = ctx.state
    units, support = c.units, c.support
    # Ground that scores at the end gets every unit (under rigid orders too: in the last turns
    # the ground is worth more than the next move of the units that attacked), in one blow.
    # Defenders cut off get blows at good odds each instead (hard): the rules' daily ceiling on
    # their losses no longer holds, so every attack costs them in full.
    cut_off = ctx.diff.pocket_blows and in_sweep(ctx) and _unsheltered(ctx, c.target)
    all_in = c.scoring and not cut_off
    if ctx.diff.concentrate and len(units) + len(support) > 1 and not all_in:
        units, support = _trim(ctx, c, SPLIT_ODDS if cut_off else 0.0)
    postures = {ctx.task(s.units[u]).posture for u in units}
    advance = (bool(postures & ATTACKING) or c.scoring) and not _exposed(ctx, c.target)
    cmd = AttackCommand(
        target=s.board.coord[c.target],
        units=tuple(units),
        support=tuple(support),
        advance=advance,
    )
    if validate(s, cmd):
        ctx.refused += 1
        _spent(ctx, c)
        return None
    return cmd


def _rank(ctx: AITurn, c: Candidate) -> float:
    """Which attack to make first: good odds (up to a cap), then the value of the target."""
    w = ctx.diff.weights
    return min(c.ratio, w.odds_cap) * (1.0 + c.value / w.value_scale)


def _exposed(ctx: AITurn, target: Hex) -> bool:
    """Advance only where the attackers would not be half surrounded: a hex with many
    enemy-held neighbours is a trap (the pontoon hex of 1939 was one)."""
    side_at = occupancy(ctx.state).side_at
    enemy = ctx.state.board.other(ctx.side)
    held = sum(1 for n in ctx.state.board.neighbours[target] if side_at.get(n) == enemy)
    return held >= EXPOSED_NEIGHBOURS


def _trim(ctx: AITurn, c: Candidate, least: float) -> tuple[list[str], list[str]]:
    """Leave out guns, then attackers, the attack does not need (they may fight elsewhere),
    weakest first, while the odds stay comfortably above the threshold."""
    s = ctx.state
    # Under assault orders (any odds will do) units go in until the odds are about even: rigid,
    # piecemeal frontal attacks that cost the attacker dearly, as in 1939.
    spare = ctx.diff.weights.spare_odds
    enough = ASSAULT_TRIM_ODDS if c.need <= ASSAULT_ODDS else c.need * spare
    enough = max(enough, least)
    guns = sorted(c.support, key=lambda u: (s.units[u].guns, u))
    keep_guns = list(guns)
    for uid in guns:
        trial = [x for x in keep_guns if x != uid]
        if strengths(s, c.target, c.units, trial).ratio >= enough:
            keep_guns = trial
    units = sorted(c.units, key=lambda u: (attack_value(s, s.units[u]), u))
    keep = list(units)
    for uid in units:
        if len(keep) <= 1:
            break
        trial = [x for x in keep if x != uid]
        if strengths(s, c.target, trial, keep_guns).ratio >= enough:
            keep = trial
    return sorted(keep), sorted(keep_guns)


def _unsheltered(ctx: AITurn, target: Hex) -> bool:
    """Every defender in the hex is cut off (out of supply or in a pocket): the rules' daily
    ceiling on its losses no longer holds, so each attack costs it in full."""
    s = ctx.state
    ids = occupancy(s).units_at.get(target, ())
    return bool(ids) and all(not s.units[d].supplied or s.units[d].encircled for d in ids)


def _spent(ctx: AITurn, c: Candidate) -> None:
    """An attack that will not be made: leave that hex alone for the rest of the turn."""
    ctx.skip_targets.add(c.target)


def bombard_all(ctx: AITurn) -> None:
    """Guns that have not fired shell the most valuable enemy hex in range."""
    if not ctx.diff.support:
        return
    s = ctx.state
    objectives = {h for t in ctx.tasks.values() for h in t.objectives}
    for u in ctx.own_units():
        s = ctx.state
        u = s.units[u.id]
        if not u.active or u.has_attacked or u.pos is None or not is_artillery(s, u):
            continue
        if u.guns <= 0:
            continue
        rng = bombard_range(s, u)
        occ = occupancy(s)
        best: tuple[float, Hex] | None = None
        for e in ctx.enemy_hexes():
            if e.distance(u.pos) > rng or e in s.board.no_attack_hexes[ctx.side]:
                continue
            v = sum(defence_value(s, s.units[d]) for d in occ.units_at[e])
            v /= 1.0 + s.board.terrain[e].defence
            if e in objectives:
                v *= ctx.diff.weights.bombard_objective
            if best is None or (v, e) > best:
                best = (v, e)
        if best is not None:
            ctx.issue(BombardCommand(unit=u.id, target=s.board.coord[best[1]]))

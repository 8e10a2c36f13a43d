"""The two historical scenarios against the account (claims H1-H21 of history.md) and the record.

Static checks only: they read the shipped files through the loader and the `inspect` summary,
never play a game. Each claim that a static check can show has a test named test_hN_...
"""

from __future__ import annotations

import datetime as dt
import itertools
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from game.scenario import load, load_scenario
from game.scenario.geometry import build_grid, turn_starts, zone_hexes
from game.scenario.models import Scenario, Side, Unit
from game.scenario.summary import event_dates, summarize, withdrawals

ROOT = Path(__file__).resolve().parent.parent.parent
KG = ROOT / "scenarios" / "khalkhin_gol_1939.toml"
MC = ROOT / "scenarios" / "manchuria_1945.toml"
FRONTS = ("Transbaikal Front", "1st Far Eastern Front", "2nd Far Eastern Front")


@cache
def kg() -> Scenario:
    return load_scenario(KG)


@cache
def mc() -> Scenario:
    return load_scenario(MC)


@cache
def summary(which: str) -> dict[str, Any]:
    return summarize(kg() if which == "kg" else mc())


def side(s: Scenario, sid: str) -> Side:
    return next(x for x in s.sides if x.id == sid)


def units(s: Scenario, sid: str) -> list[Unit]:
    return [u for u in s.units if u.side == sid]


def timeline_at(which: str, when: str) -> dict[str, dict[str, int]]:
    for t in summary(which)["timeline"]:
        if t["date"] == when:
            return t["sides"]  # type: ignore[no-any-return]
    raise AssertionError(f"no turn starts at {when}")


def event(s: Scenario, eid: str) -> Any:
    return next(e for e in s.events if e.id == eid)


def event_day(s: Scenario, eid: str) -> dt.date:
    return event_dates(s)[eid].date()


def all_text(s: Scenario) -> str:
    parts = [s.meta.description, s.meta.notes, *s.meta.briefing.values(), s.victory.historical]
    for e in s.events:
        parts += [e.title, e.text]
        parts += [fx.text for fx in e.effects if fx.type in ("message", "end_game")]
    parts += [u.note for u in s.units]
    return "\n".join(parts)


def arrived_by(s: Scenario, u: Unit, when: dt.datetime) -> bool:
    if u.arrives is not None:
        return u.arrives <= when
    if u.released_by:
        d = event_dates(s).get(u.released_by)
        return d is not None and d <= when
    return True


def withdrawn_by(s: Scenario, u: Unit, when: dt.datetime) -> bool:
    """A unit a dated withdraw event has taken off the map (the tank withdrawal of 1939)."""
    gone = withdrawals(s, event_dates(s))
    return u.id in gone and gone[u.id] <= when


# --- both files -----------------------------------------------------------------------------


@pytest.mark.parametrize("path", [KG, MC], ids=["1939", "1945"])
def test_file_loads_without_errors_or_warnings(path: Path) -> None:
    loaded = load(path)
    assert not loaded.warnings, [str(w) for w in loaded.warnings]


@pytest.mark.parametrize("which", ["kg", "mc"])
def test_sides_are_soviet_and_japanese(which: str) -> None:
    s = kg() if which == "kg" else mc()
    assert {x.id for x in s.sides} == {"soviet", "japanese"}
    assert set(s.meta.briefing) == {"soviet", "japanese"}
    assert s.meta.notes and s.victory.historical
    assert s.victory.score_side == "soviet"


def test_ids() -> None:
    assert kg().meta.id == "khalkhin_gol_1939"
    assert mc().meta.id == "manchuria_1945"


def test_dates_and_turn_lengths() -> None:
    cal = kg().calendar
    assert cal.start.date() == dt.date(1939, 7, 2)
    assert cal.end.date() == dt.date(1939, 8, 31)
    assert cal.turn_hours == 12
    starts = turn_starts(cal)
    steps = {b.date(): int((b - a).total_seconds() // 3600) for a, b in itertools.pairwise(starts)}
    assert steps[dt.date(1939, 7, 3)] == 12  # the July offensive at half-day turns
    assert steps[dt.date(1939, 8, 21)] == 12  # the August offensive at half-day turns
    assert max(steps.values()) >= 72  # the lull in long turns
    cal45 = mc().calendar
    assert cal45.start.date() == dt.date(1945, 8, 9)
    assert cal45.end.date() == dt.date(1945, 8, 20)
    assert cal45.turn_hours == 24
    assert len(turn_starts(cal45)) == 12


# --- Khalkhin Gol 1939 ------------------------------------------------------------------------


def test_1939_map_scale_and_places() -> None:
    s = kg()
    assert s.scale.hex_km == 2.0
    grid = build_grid(s)
    assert 18 <= grid.width <= 24 and 28 <= grid.height <= 36
    vp = {p.id: p.vp for p in s.places}
    for pid in (
        "nomonhan",
        "bain_tsagan",
        "khamar_daba",
        "fui_heights",
        "remizov_heights",
        "noro_heights",
        "bridgehead",
        "hill_754",
        "hill_742",
    ):
        assert vp[pid] > 0, pid
    terrain = {grid.terrain(c) for c in grid.coords()}
    assert {"river", "dunes", "bluffs", "steppe", "khailastyn"} <= terrain


def test_1939_river_has_few_crossings() -> None:
    s = kg()
    grid = build_grid(s)
    river = [c for c in grid.coords() if grid.terrain(c) == "river"]
    assert len(river) >= 25
    assert 2 <= len(s.map.crossings) <= 4
    kinds = {x.kind for x in s.map.crossings}
    assert "bridge" in kinds and "pontoon" in kinds


def test_1939_soviet_strength_on_20_august() -> None:
    soviet = timeline_at("kg", "1939-08-20T06:00")["soviet"]
    assert 55_000 <= soviet["men"] <= 60_000
    assert 480 <= soviet["tanks"] <= 520
    assert 500 <= soviet["guns"] <= 634
    assert 500 <= soviet["aircraft"] <= 600


def test_1939_groups() -> None:
    s = kg()
    sov = {u.group for u in units(s, "soviet")}
    assert sov == {"Southern", "Central", "Northern", "Reserve"}
    jap = {u.group for u in units(s, "japanese")}
    assert {"Yasuoka", "Kobayashi"} <= jap


def test_1939_august_arrivals_during_the_lull() -> None:
    s = kg()
    lull = (dt.datetime(1939, 7, 26), dt.datetime(1939, 8, 20))
    names = " ".join(
        u.name for u in units(s, "soviet") if u.arrives and lull[0] <= u.arrives <= lull[1]
    )
    for needle in (
        "57th Rifle",
        "82nd Rifle",
        "6th Tank",
        "5th Rifle-Machine-Gun",
        "212th Airborne",
    ):
        assert needle in names, needle
    assert "185th Artillery" in names


def test_1939_real_designations() -> None:
    names = " ".join(u.name for u in kg().units)
    for needle in (
        "64th Infantry",
        "71st Infantry",
        "72nd Infantry",
        "26th Infantry",
        "28th Infantry",
        "23rd Reconnaissance",
        "3rd Tank Regiment",
        "4th Tank Regiment",
        "Khingan Cavalry",
        "Bargut",
        "11th Tank Brigade",
        "7th Motorized Armoured",
        "8th Motorized Armoured",
        "9th Motorized Armoured",
        "24th Motorized Rifle",
        "36th Motorized Rifle Division",
        "6th Cavalry Division (Mongolian",
        "8th Cavalry Division (Mongolian",
    ):
        assert needle in names, needle


def test_1939_yasuoka_tanks() -> None:
    s = kg()
    yas = [u for u in units(s, "japanese") if u.group == "Yasuoka"]
    tanks = sum(u.tanks for u in yas)
    assert 130 <= tanks <= 140  # about 70-73 tanks and about 64 tankettes
    assert all(u.tanks > 0 for u in yas)
    assert sum(u.tanks for u in s.units if u.id == "s-11tb-a" or u.id == "s-11tb-b") == 182


def test_1939_japanese_have_no_tanks_in_august() -> None:
    s = kg()
    when = dt.datetime(1939, 8, 20, 6)
    left = [
        u.id
        for u in units(s, "japanese")
        if u.tanks and arrived_by(s, u, when) and not withdrawn_by(s, u, when)
    ]
    assert left == []
    assert event_day(s, "yasuoka_withdrawn") <= dt.date(1939, 7, 31)


def test_1939_mongolian_and_manchukuo_units() -> None:
    s = kg()
    assert sum(1 for u in units(s, "soviet") if "Mongolian" in u.name) >= 3
    manchukuo = [u for u in units(s, "japanese") if "Manchukuo" in u.name]
    assert len(manchukuo) >= 2
    assert all(s.unit_types[u.type].dissolve_chance > 0 for u in manchukuo)
    assert all(u.quality < 0.7 for u in manchukuo)


def test_1939_border_zones() -> None:
    s = kg()
    zones = {z.id: z for z in s.zones}
    beyond = zones["beyond_border"]
    assert beyond.restricted_for == ("soviet",)
    claimed = zone_hexes(zones["claimed_zone"])
    assert claimed and not claimed & zone_hexes(beyond)
    assert any(z.zone == "claimed_zone" and z.side == "soviet" for z in s.victory.zones)
    places = {p.id: p.at for p in s.places}
    assert places["nomonhan"] in claimed  # the Soviets may take it, and did
    for pid in ("fui_heights", "remizov_heights", "noro_heights", "hill_754", "hill_742"):
        assert places[pid] in claimed, pid


def test_1939_victory_thresholds_around_history() -> None:
    v = kg().victory
    history = 75 + 20  # every place and the zone
    exchange = (-3.5, 6.5)  # casualty VP, with the withdrawal bonus: see the file's comment
    for x in exchange:
        assert v.marginal <= history + x < v.decisive
    # one height kept in the zone: the place twice and the zone
    assert history + exchange[1] - 2 * 4 - 20 < v.opponent_marginal
    assert v.vp_per_1000_men > 0


# --- Manchuria 1945 ---------------------------------------------------------------------------


def test_1945_map_and_places() -> None:
    s = mc()
    assert s.scale.hex_km == 35.0
    grid = build_grid(s)
    assert 38 <= grid.width <= 42 and 34 <= grid.height <= 46
    vp = {p.id: p.vp for p in s.places}
    for pid in (
        "hailar",
        "manzhouli",
        "qiqihar",
        "harbin",
        "changchun",
        "jilin",
        "mukden",
        "mudanjiang",
        "jiamusi",
        "solun",
        "lubei",
        "tonghua",
        "port_arthur",
        "dairen",
    ):
        assert vp[pid] > 0, pid
    terrain = {grid.terrain(c) for c in grid.coords()}
    assert {"mountains", "desert", "plain", "forest", "river", "lake", "fortified"} <= terrain
    rails = [r for r in s.map.routes if r.kind == "railway"]
    stops = {p for r in rails for p in r.path if isinstance(p, str)}
    assert {"manzhouli", "hailar", "qiqihar", "harbin", "mudanjiang", "suifenhe"} <= stops
    assert {"changchun", "mukden", "dairen", "port_arthur"} <= stops


def test_1945_places_follow_the_projection() -> None:
    """Cities lie in the right order on the map: north is up, east is right."""
    at = {p.id: p.at for p in mc().places}
    assert at["hailar"][1] < at["qiqihar"][1] < at["harbin"][1] < at["changchun"][1]
    assert at["changchun"][1] < at["mukden"][1] < at["dairen"][1]
    assert at["manzhouli"][0] < at["hailar"][0] < at["qiqihar"][0] < at["harbin"][0]
    assert at["harbin"][0] < at["mudanjiang"][0] < at["suifenhe"][0] < at["hutou"][0]


def test_1945_three_fronts() -> None:
    s = mc()
    assert {u.group for u in units(s, "soviet")} == set(FRONTS)


def test_1945_soviet_total_and_fronts() -> None:
    s = mc()
    start = timeline_at("mc", "1945-08-09T00:00")["soviet"]
    assert 1_500_000 <= start["men"] <= 1_700_000
    assert 5_250 <= start["tanks"] <= 5_556
    assert 26_000 <= start["guns"] <= 27_100
    assert 3_700 <= start["aircraft"] <= 5_400
    expect = {  # front: (men low, men high, tanks, guns) from history.md section 3
        "Transbaikal Front": (638_000, 665_000, 2_359, 9_668),
        "1st Far Eastern Front": (586_500, 589_000, 1_974, 11_430),
        "2nd Far Eastern Front": (290_000, 334_700, 917, 5_988),  # less the 16th Army (Sakhalin)
    }
    for front, (lo, hi, tanks, guns) in expect.items():
        here = [u for u in units(s, "soviet") if u.group == front and not u.released_by]
        assert lo <= sum(u.men for u in here) <= hi, front
        assert abs(sum(u.tanks for u in here) - tanks) <= tanks * 0.05, front
        assert abs(sum(u.guns for u in here) - guns) <= guns * 0.05, front


def test_1945_order_of_battle_names() -> None:
    names = " ".join(u.name for u in mc().units)
    for needle in (
        "6th Guards Tank Army",
        "Cavalry-Mechanized Group",
        "17th Army",
        "36th Army",
        "39th Army",
        "53rd Army",
        "1st Red Banner Army",
        "5th Army",
        "25th Army",
        "35th Army",
        "Chuguevka",
        "10th Mechanized Corps",
        "2nd Red Banner Army",
        "15th Army",
        "5th Separate Rifle Corps",
        "Mongolian",
    ):
        assert needle in names, needle


def test_1945_kwantung_army() -> None:
    s = mc()
    jap = units(s, "japanese")
    groups = {u.group for u in jap}
    assert {"1st Area Army", "3rd Area Army", "4th Army", "34th Army", "Manchukuo Army"} <= groups
    in_manchuria = [u for u in jap if u.group not in ("34th Army", "Manchukuo Army")]
    assert 640_000 <= sum(u.men for u in in_manchuria) <= 690_000
    assert 280 <= sum(u.tanks for u in jap) <= 300
    manchukuo = [u for u in jap if u.group == "Manchukuo Army"]
    assert 170_000 <= sum(u.men for u in manchukuo) <= 200_000
    assert all(s.unit_types[u.type].dissolve_chance >= 0.5 for u in manchukuo)
    forts = [u for u in jap if u.type == "fortified_region"]
    assert len(forts) >= 5
    assert side(s, "japanese").air.aircraft <= 230  # the combat-capable share of about 1,200


READINESS = {  # Japanese readiness ratings (history.md 3) -> quality
    "j-39d": 0.80,
    "j-119d": 0.70,
    "j-108d": 0.65,
    "j-107d": 0.60,
    "j-125d": 0.20,
    "j-63d": 0.15,
    "j-117d": 0.15,
    "j-136d": 0.15,
    "j-138d": 0.15,
    "j-79imb": 0.15,
    "j-80imb": 0.15,
    "j-130imb": 0.15,
    "j-133imb": 0.15,
}


def test_1945_quality_from_readiness_ratings() -> None:
    quality = {u.id: u.quality for u in mc().units}
    for uid, q in READINESS.items():
        assert quality[uid] == pytest.approx(q), uid


def test_1945_event_dates() -> None:
    s = mc()
    assert event_day(s, "nagasaki") == dt.date(1945, 8, 9)
    assert event_day(s, "broadcast") == dt.date(1945, 8, 15)
    assert dt.date(1945, 8, 16) <= event_day(s, "ceasefire_tokyo") <= dt.date(1945, 8, 17)
    assert dt.date(1945, 8, 16) <= event_day(s, "ceasefire_yamada") <= dt.date(1945, 8, 17)
    for eid in ("airborne_harbin", "airborne_south"):
        assert dt.date(1945, 8, 18) <= event_day(s, eid) <= dt.date(1945, 8, 19)


def test_1945_airborne_landings() -> None:
    s = mc()
    dropped = {u.at for u in units(s, "soviet") if u.released_by.startswith("airborne")}
    assert {"harbin", "changchun", "mukden", "jilin"} <= dropped
    for u in units(s, "soviet"):
        if u.released_by:
            assert s.unit_types[u.type].category == "airborne"
            assert any(fx.type == "release_units" for fx in event(s, u.released_by).effects)


def test_1945_surrenders_follow_the_ceasefire() -> None:
    s = mc()
    dates = event_dates(s)
    for e in s.events:
        if any(fx.type == "surrender" for fx in e.effects):
            assert dates[e.id].date() >= dt.date(1945, 8, 16), e.id


def test_1945_victory_around_history() -> None:
    s = mc()
    v = s.victory
    vp = {p.id: p.vp for p in s.places}
    held_by_japan = ("port_arthur", "dairen", "tonghua", "hutou")  # on 20 August 1945
    total = sum(vp.values())
    places = total - 2 * sum(vp[p] for p in held_by_japan)
    history = places + 860 * v.vp_per_1000_men - 36 * v.vp_per_1000_men
    assert v.marginal <= history < v.decisive
    # one of the three great cities kept
    assert history - 2 * vp["mukden"] < v.opponent_marginal
    assert set(v.sudden_death.get("soviet", ())) >= {"changchun", "mukden", "harbin"}


# --- the claims -------------------------------------------------------------------------------


def test_h1_border_clashes_from_1935() -> None:
    opening = event(kg(), "may_clashes")
    assert opening.trigger.type == "turn" and opening.trigger.turn == 1
    text = opening.effects[0].text
    assert "1935" in text and "Manchuria" in text


def test_h2_proxies_and_a_vague_border() -> None:
    s = kg()
    assert any("Mongolian" in u.name for u in units(s, "soviet"))
    assert any("Manchukuo" in u.name for u in units(s, "japanese"))
    assert any("soviet" in z.restricted_for for z in s.zones)
    assert "1905" in event(s, "may_clashes").effects[0].text


def test_h3_may_cavalry_clash() -> None:
    s = kg()
    text = event(s, "may_clashes").effects[0].text
    assert "11 May" in text and "Bargut" in text
    assert "May" in s.meta.briefing["soviet"] and "May" in s.meta.briefing["japanese"]


def test_h4_kwantung_army_initiative() -> None:
    s = kg()
    assert side(s, "japanese").doctrine.initiative > side(s, "soviet").doctrine.initiative
    assert side(s, "japanese").doctrine.initiative >= 0.8
    july = [p for p in s.ai if p.side == "japanese" and p.end and p.end.month == 7]
    assert any(p.posture == "attack" for p in july)


def test_h5_zhukov_and_annihilation() -> None:
    s = kg()
    text = event(s, "zhukov").effects[0].text
    assert "Zhukov" in text and "destroy" in text
    august = [p for p in s.ai if p.side == "soviet" and p.start and p.start.month == 8]
    assert {p.group for p in august if p.posture in ("attack", "assault")} >= {
        "Southern",
        "Northern",
    }
    assert s.victory.vp_per_1000_men > 0
    assert "annihilate" in s.meta.briefing["soviet"]


def test_h6_two_pincers_in_july() -> None:
    s = kg()
    plans = {(p.side, p.group): p for p in s.ai if p.start is None}
    kob = plans[("japanese", "Kobayashi")]
    yas = plans[("japanese", "Yasuoka")]
    assert kob.posture == "attack" and kob.objectives[0] == "bain_tsagan"
    assert yas.posture in ("attack", "assault") and yas.objectives[0] == "bridgehead"
    assert any(x.kind == "pontoon" and "Bain-Tsagan" in x.name for x in s.map.crossings)
    assert event_day(s, "july_offensive") == dt.date(1939, 7, 2)
    assert any(
        s.unit_types[u.type].bridging for u in units(s, "japanese") if u.group == "Kobayashi"
    )


def test_h7_stalemate_at_the_end_of_july() -> None:
    s = kg()
    day = event_day(s, "stalemate")
    assert dt.date(1939, 7, 24) <= day <= dt.date(1939, 7, 31)
    assert any(fx.type == "morale" and fx.side == "soviet" for fx in event(s, "stalemate").effects)
    assert any(
        fx.type == "morale" and fx.side == "japanese" for fx in event(s, "stalemate").effects
    )
    lull = [p for p in s.calendar.phases if p.turn_hours >= 72]
    assert lull and lull[0].start.date() == day


def test_h8_faster_soviet_supply_and_replacement() -> None:
    s = kg()
    sov, jap = side(s, "soviet").doctrine, side(s, "japanese").doctrine
    assert sov.supply_range_km > jap.supply_range_km
    assert sov.replacement_rate > jap.replacement_rate
    assert any(fx.type == "supply" and fx.side == "soviet" for fx in event(s, "buildup").effects)
    july = timeline_at("kg", "1939-07-26T06:00")["soviet"]
    august = timeline_at("kg", "1939-08-20T06:00")["soviet"]
    assert august["men"] > 1.5 * july["men"]


def test_h9_crushing_attack_on_20_august() -> None:
    s = kg()
    assert event_day(s, "august_offensive") == dt.date(1939, 8, 20)
    text = event(s, "august_offensive").effects[0].text
    assert "05:45" in text and "08:45" in text
    soviet = timeline_at("kg", "1939-08-20T06:00")["soviet"]
    assert soviet["men"] > 50_000 and soviet["tanks"] >= 450
    assert soviet["guns"] >= 500 and soviet["aircraft"] >= 500


def test_h10_encirclement_and_annihilation() -> None:
    s = kg()
    ring = event(s, "ring_closed")
    # the pincers meet: Nomonhan-Burd-Obo held and troops of both groups there
    assert ring.trigger.type == "all"
    held = {c.place for c in ring.trigger.of if c.type == "place_held"}
    assert held == {"nomonhan"}
    meeting = {(c.group, c.place) for c in ring.trigger.of if c.type == "units_near"}
    assert meeting == {("Northern", "nomonhan"), ("Southern", "nomonhan")}
    assert any(fx.type == "supply" and fx.range_factor < 1 for fx in ring.effects)
    assert event(s, "zone_cleared").trigger.type == "zone_clear"
    assert side(s, "japanese").doctrine.surrender_after_turns <= 10
    assert s.calendar.end.date() == dt.date(1939, 8, 31)


def test_h11_combined_arms_and_an_infantry_army() -> None:
    s = kg()
    assert side(s, "soviet").doctrine.combined_arms > side(s, "japanese").doctrine.combined_arms
    when = dt.datetime(1939, 8, 20, 6)
    jap = [
        u for u in units(s, "japanese") if arrived_by(s, u, when) and not withdrawn_by(s, u, when)
    ]
    foot = sum(
        u.men for u in jap if s.unit_types[u.type].category in ("infantry", "cavalry", "garrison")
    )
    assert foot / sum(u.men for u in jap) >= 0.7
    sov_tanks = [s.unit_types[u.type] for u in units(s, "soviet") if u.tanks]
    jap_tanks = [s.unit_types[u.type] for u in units(s, "japanese") if u.tanks]
    assert min(t.tank_factor for t in sov_tanks) > max(t.tank_factor for t in jap_tanks)
    assert (
        side(mc(), "soviet").doctrine.combined_arms > side(mc(), "japanese").doctrine.combined_arms
    )


def test_h12_rigid_soviet_orders_in_1939() -> None:
    d = side(kg(), "soviet").doctrine
    assert d.rigid_orders is True
    assert d.attacker_losses > 1.0
    assert side(mc(), "soviet").doctrine.rigid_orders is False  # the lesson learned by 1945


def test_h13_ceasefire_in_september() -> None:
    text = event(kg(), "epilogue").effects[0].text
    assert "15 September" in text and "16 September" in text and "20 September" in text
    assert "15 September" in kg().meta.notes


def test_h14_neutrality_pact() -> None:
    for s in (kg(), mc()):
        text = all_text(s)
        assert "1941" in text and ("Neutrality Pact" in text or "neutrality pact" in text)
    assert "four years" in event(mc(), "background").effects[0].text


def test_h15_forces_kept_in_the_east() -> None:
    for s in (kg(), mc()):
        text = all_text(s)
        assert "million" in text and "Siberian" in text


def test_h16_manchuria_a_secondary_theatre() -> None:
    s = mc()
    divisions = [u for u in units(s, "japanese") if u.type == "jp_division_1945"]
    assert sum(u.quality for u in divisions) / len(divisions) < 0.5
    assert side(s, "japanese").doctrine.replacement_rate <= 0.01
    withdraw = [p for p in s.ai if p.side == "japanese" and p.posture == "withdraw"]
    assert withdraw and all("tonghua" in p.objectives or "harbin" in p.objectives for p in withdraw)
    assert "Tonghua" in s.meta.briefing["japanese"]


def test_h17_yalta_and_the_pact_denounced() -> None:
    text = event(mc(), "background").effects[0].text
    assert "Yalta" in text and "April" in text and "May" in text
    assert "three months" in mc().meta.briefing["soviet"]


def test_h18_war_on_three_fronts_on_9_august() -> None:
    s = mc()
    assert s.calendar.start.date() == dt.date(1945, 8, 9)
    assert s.calendar.first_side == "soviet"
    start = timeline_at("mc", "1945-08-09T00:00")["soviet"]
    assert 1_500_000 <= start["men"] <= 1_700_000
    assert {u.group for u in units(s, "soviet")} == set(FRONTS)
    assert "8 August" in event(s, "war_declared").effects[0].text


def test_the_kwantung_army_stays_on_its_side_of_the_border() -> None:
    """The Kwantung Army's orders were to defend: no Japanese unit may enter the Soviet Union or
    Mongolia, and the zone that says so follows the drawn border (every Soviet and Mongolian hex
    of the map's countries, the Soviet places among them)."""
    s = mc()
    (zone,) = [z for z in s.zones if z.id == "soviet_territory"]
    assert zone.restricted_for == ("japanese",)
    assert s.map.countries is not None
    drawn = {
        (col, row)
        for row, text in enumerate(s.map.countries.rows)
        for col, ch in enumerate(text)
        if ch in ("S", "M")
    }
    assert zone_hexes(zone) == drawn
    soviet_places = {p.at for p in s.places if p.owner == "soviet" and not isinstance(p.at, str)}
    assert soviet_places <= drawn


def test_h19_nagasaki_on_the_first_day() -> None:
    s = mc()
    assert event_day(s, "nagasaki") == s.calendar.start.date()
    assert "Nagasaki" in event(s, "nagasaki").effects[0].text
    assert "Hiroshima" in event(s, "war_declared").effects[0].text


def test_h20_broadcast_changes_japanese_behaviour() -> None:
    s = mc()
    e = event(s, "broadcast")
    assert e.trigger.type == "date" and event_day(s, "broadcast") == dt.date(1945, 8, 15)
    kinds = {fx.type for fx in e.effects if getattr(fx, "side", "japanese") == "japanese"}
    assert {"morale", "posture", "doctrine"} <= kinds


def test_h21_end_of_japanese_power() -> None:
    s = mc()
    text = event(s, "epilogue").effects[0].text
    assert "1905" in text and "Port Arthur" in text and "Sakhalin" in text
    assert event(s, "epilogue").trigger.type == "event_fired"

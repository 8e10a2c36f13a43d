"""The shipped historical scenarios against the record: calibration targets checked on AI-versus-AI
batches (`simulate --json` records), and the table docs/history.md publishes.

Each target names what the record says (with its source), a measure read from one game's record
and the test a game passes. `python -m game.sim.history RESULTS.json ...` prints the table for
batches of either scenario; the slow tests assert that each target holds in most runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

Record = dict[str, Any]
TARGET_SHARE = 0.7  # a target holds when at least this share of runs reproduce it

JULY_CROSSING_CHECK = "1939-07-06T06:00"  # 72 hours after the Kobayashi group crossed
JULY_CROSSING_END = "1939-07-05T18:00"
JULY_THROWN_BACK = 0.25  # at most this share of the men who crossed still on the west bank
JULY_STALEMATE = "1939-07-26T06:00"
# Share of its July strength each side has lost by the stalemate: the Japanese strike group lost
# about 5,000 of 38,000 (13%) in July, the Soviet troops more.
JULY_BLED = 0.1
KRIVOSHEEV_1939_SOVIET = 25_655  # dead and missing 9,703, wounded and sick 15,952
JAPANESE_1939 = (17_405, 19_714)  # Japanese army figures (Coox)
KRIVOSHEEV_1945_SOVIET = 36_456  # killed and missing 12,031, wounded and sick 24,425
JAPANESE_1945_KILLED = (21_000, 84_000)  # Japanese figure to Soviet claim


@dataclass(frozen=True)
class Target:
    """One thing the record says, and how a game's record is measured against it."""

    scenario: str
    name: str
    record: str  # what happened, with its source
    unit: str  # of the measure: "date", "men", "share"...
    measure: Callable[[Record], float | str | None]
    holds: Callable[[Record], bool]


def _event(g: Record, event_id: str) -> str | None:
    return next((e["date"] for e in g["events"] if e["id"] == event_id), None)


def _captured(g: Record, place: str) -> str | None:
    p = next((p for p in g["places"] if p["id"] == place), None)
    if p is None or p["owner"] != "soviet":
        return None
    return str(p["captured"] or g["end_date"])


def _west_bank(entry: Record) -> int:
    """Japanese men on the map but outside the claimed zone and the land beyond it."""
    total = entry["sides"]["japanese"]["men"]
    zones = entry.get("zones", {})
    east = sum(zones.get(z, {}).get("japanese", 0) for z in ("claimed_zone", "beyond_border"))
    return int(total - east)


def july_thrown_back(g: Record) -> bool:
    """The Japanese who crossed in July are (nearly all) back east of the river in 72 hours."""
    crossed = max(
        (_west_bank(e) for e in g["timeline"] if e["date"] <= JULY_CROSSING_END), default=0
    )
    after = next((_west_bank(e) for e in g["timeline"] if e["date"] >= JULY_CROSSING_CHECK), None)
    return crossed > 0 and after is not None and after <= JULY_THROWN_BACK * crossed


def july_bled(g: Record) -> bool:
    """Each side has lost at least JULY_BLED of the most men it had on the map in July."""
    july = [t for t in g["timeline"] if t["date"] <= JULY_STALEMATE]
    if not july:
        return False
    late = july[-1]["sides"]
    return all(
        late[x]["men_lost"] >= JULY_BLED * max(t["sides"][x]["men"] for t in july)
        for x in ("soviet", "japanese")
    )


def _men(g: Record, side: str, kind: str = "men") -> int:
    return int(g["losses"][side][kind])


def _casualties(g: Record, side: str) -> int:
    """Killed, wounded and captured: what the published loss figures count. Men who dispersed
    (Manchukuo units that melted away) are not in the Japanese army's figures."""
    lost = g["losses"][side]
    return int(lost["killed"] + lost["wounded"] + lost["captured"])


def _between(value: str | None, first: str, last: str) -> bool:
    return value is not None and first <= value <= last


TARGETS_1939 = (
    Target(
        "khalkhin_gol_1939",
        "July: the crossing is thrown back within 72 hours (H6)",
        "2-5 July: the Kobayashi group back across the river by 5 July (Drea; Coox)",
        "yes/no",
        lambda g: "yes" if july_thrown_back(g) else "no",
        july_thrown_back,
    ),
    Target(
        "khalkhin_gol_1939",
        "July leaves both sides weakened (H7)",
        "23-25 July: the Japanese general offensive fails; both sides dig in, bled (Drea)",
        "yes/no",
        lambda g: "yes" if july_bled(g) else "no",
        july_bled,
    ),
    Target(
        "khalkhin_gol_1939",
        "Ring closed at Nomonhan on 23-26 August (H10)",
        "23-26 August: the pincers meet near Nomonhan-Burd-Obo (Zhukov's report; Coox)",
        "date",
        lambda g: _event(g, "ring_closed"),
        lambda g: _between(_event(g, "ring_closed"), "1939-08-23", "1939-08-26T23:59"),
    ),
    Target(
        "khalkhin_gol_1939",
        "Claimed zone cleared on 26-31 August, not earlier (H10)",
        "26-31 August: the pockets destroyed, Remizov Heights last; zone clear by 31 August",
        "date",
        lambda g: _event(g, "zone_cleared"),
        lambda g: _between(_event(g, "zone_cleared"), "1939-08-26", "1939-08-31T23:59"),
    ),
    Target(
        "khalkhin_gol_1939",
        "Soviet losses exceed the Japanese (H12)",
        "Soviet 25,655 (Krivosheev) against Japanese 17,405-19,714 (Japanese army figures; Coox)",
        "Soviet / Japanese casualties",
        lambda g: round(_casualties(g, "soviet") / max(1, _casualties(g, "japanese")), 2),
        lambda g: _casualties(g, "soviet") > _casualties(g, "japanese"),
    ),
    Target(
        "khalkhin_gol_1939",
        "Soviet losses near the record",
        "25,655 men: 9,703 dead and missing, 15,952 wounded and sick (Krivosheev)",
        "casualties",
        lambda g: _casualties(g, "soviet"),
        lambda g: (
            0.6 * KRIVOSHEEV_1939_SOVIET <= _casualties(g, "soviet") <= 1.4 * KRIVOSHEEV_1939_SOVIET
        ),
    ),
    Target(
        "khalkhin_gol_1939",
        "Japanese losses near the record",
        "17,405-19,714: 8,440 dead, 8,766 wounded and more (Japanese army figures; Coox)",
        "casualties",
        lambda g: _casualties(g, "japanese"),
        lambda g: 0.6 * JAPANESE_1939[0] <= _casualties(g, "japanese") <= 1.4 * JAPANESE_1939[1],
    ),
    Target(
        "khalkhin_gol_1939",
        "Japanese prisoners a few hundred at most",
        "Few Japanese surrendered: pockets fought to the end (Drea; Coox)",
        "men",
        lambda g: _men(g, "japanese", "captured"),
        lambda g: _men(g, "japanese", "captured") <= 500,
    ),
    Target(
        "khalkhin_gol_1939",
        "A Soviet victory",
        "The 6th Army destroyed and the claimed zone cleared by 31 August",
        "winner",
        lambda g: str(g["winner"]),
        lambda g: g["winner"] == "soviet",
    ),
)

TARGETS_1945 = (
    Target(
        "manchuria_1945",
        "Japan's broadcast on 15 August (H20)",
        "15 August, noon: Hirohito's broadcast, whatever the military situation",
        "date",
        lambda g: _event(g, "broadcast"),
        lambda g: _event(g, "broadcast") == "1945-08-15T00:00",
    ),
    Target(
        "manchuria_1945",
        "Hutou holds past 15 August",
        "The Hutou fortified region held out until 26 August (Glantz, August Storm)",
        "date taken",
        lambda g: _captured(g, "hutou") or "held",
        lambda g: (_captured(g, "hutou") or "9999") >= "1945-08-16",
    ),
    Target(
        "manchuria_1945",
        "Changchun and Mukden Soviet by 20 August",
        "19-20 August: airborne landings and mobile forces at Changchun and Mukden",
        "date both taken",
        lambda g: max(_captured(g, "changchun") or "-", _captured(g, "mukden") or "-"),
        lambda g: all(
            (_captured(g, c) or "9999") <= "1945-08-20T23:59" for c in ("changchun", "mukden")
        ),
    ),
    Target(
        "manchuria_1945",
        "Harbin and Jilin Soviet by 20 August",
        "18-20 August: Harbin and Jilin occupied (1st Far Eastern Front; airborne landings)",
        "date both taken",
        lambda g: max(_captured(g, "harbin") or "-", _captured(g, "jilin") or "-"),
        lambda g: all(
            (_captured(g, c) or "9999") <= "1945-08-20T23:59" for c in ("harbin", "jilin")
        ),
    ),
    Target(
        "manchuria_1945",
        "Soviet losses light for the operation's size",
        "36,456 men: 12,031 killed and missing, 24,425 wounded and sick (Krivosheev)",
        "men",
        lambda g: _men(g, "soviet"),
        lambda g: 0.5 * KRIVOSHEEV_1945_SOVIET <= _men(g, "soviet") <= 2 * KRIVOSHEEV_1945_SOVIET,
    ),
    Target(
        "manchuria_1945",
        "Japanese killed a small part of Japanese losses",
        "21,000 (Japanese figures) to 84,000 (Soviet claim) killed; about 600,000 prisoners",
        "men killed",
        lambda g: _men(g, "japanese", "killed"),
        lambda g: (
            JAPANESE_1945_KILLED[0] / 2
            <= _men(g, "japanese", "killed")
            <= JAPANESE_1945_KILLED[1] * 1.2
        ),
    ),
    Target(
        "manchuria_1945",
        "Most Japanese losses are prisoners",
        "About 600,000 taken prisoner after 15-19 August (Glantz; Japanese Monographs 154)",
        "share captured",
        lambda g: round(_men(g, "japanese", "captured") / max(1, _men(g, "japanese")), 2),
        lambda g: _men(g, "japanese", "captured") > 0.5 * _men(g, "japanese"),
    ),
    Target(
        "manchuria_1945",
        "A Soviet victory by 20 August",
        "The Kwantung Army defeated and Manchuria occupied by 20 August",
        "winner",
        lambda g: str(g["winner"]),
        lambda g: g["winner"] == "soviet",
    ),
)

TARGETS = {"khalkhin_gol_1939": TARGETS_1939, "manchuria_1945": TARGETS_1945}


@dataclass(frozen=True)
class Row:
    """A target over a batch: its share of runs, and the median and range of its measure."""

    target: Target
    share: float
    median: str
    low: str
    high: str

    @property
    def holds(self) -> bool:
        return self.share >= TARGET_SHARE


def _summary(values: Sequence[float | str | None]) -> tuple[str, str, str]:
    nums = [v for v in values if isinstance(v, int | float)]
    if nums and len(nums) == len(values):
        return (
            f"{statistics.median(nums):,.2f}".rstrip("0").rstrip("."),
            f"{min(nums):,}",
            f"{max(nums):,}",
        )
    texts = sorted(str(v) if v is not None else "never" for v in values)
    return texts[len(texts) // 2], texts[0], texts[-1]


def evaluate(scenario: str, games: Sequence[Record]) -> list[Row]:
    """Every target of `scenario` over a batch of game records."""
    rows = []
    for t in TARGETS.get(scenario, ()):
        passed = sum(1 for g in games if t.holds(g))
        median, low, high = _summary([t.measure(g) for g in games])
        rows.append(Row(t, passed / max(1, len(games)), median, low, high))
    return rows


def table(rows: Sequence[Row], runs: int) -> str:
    """The markdown table docs/history.md publishes."""
    lines = [
        f"| target | the record | median (range) over {runs} runs | runs that match |",
        "|---|---|---|---|",
    ]
    for r in rows:
        if r.target.unit == "yes/no":
            spread = "-"
        elif r.low == r.high:
            spread = f"{r.median} {r.target.unit}"
        else:
            spread = f"{r.median} ({r.low} to {r.high}) {r.target.unit}"
        mark = "" if r.holds else " (below 70%)"
        lines.append(f"| {r.target.name} | {r.target.record} | {spread} | {r.share:.0%}{mark} |")
    return "\n".join(lines)


def scenario_id(data: Record) -> str:
    return Path(str(data["scenario"])).stem


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("results", nargs="+", help="`simulate --json` output files")
    args = parser.parse_args(argv)
    for path in args.results:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        sid = scenario_id(data)
        games = data["games"]
        print(f"### {sid} ({len(games)} runs, {dt.date.today().isoformat()})\n")
        print(table(evaluate(sid, games), len(games)) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

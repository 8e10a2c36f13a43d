"""The one entry point: `two-augusts SUBCOMMAND ...` (also `python -m game`).

Heavy front ends are imported inside their subcommand, so `validate` and `inspect` never load
pygame. A user's mistake (a bad file, a bad argument) prints a message, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from game import __version__
from game.modding_cli import add_commands, resolve_scenario_names
from game.ui.options import PlayOptions
from game.ui.scenario_files import default_scenario, load_or_report

INTERNAL_ERROR = 70  # the exit code of a bug (EX_SOFTWARE of sysexits.h), as play uses

__all__ = ["build_parser", "default_scenario", "load_or_report", "main", "play_options"]


def _cmd_validate(args: argparse.Namespace) -> int:
    from game.scenario import Part, Ruleset, ScenarioError, load_any
    from game.scenario.geometry import build_grid, turn_starts

    failed = False
    for name in args.files:
        try:
            result = load_any(name)
        except ScenarioError as exc:
            failed = failed or bool(exc.errors)
            for p in exc.problems:
                print(p, file=sys.stdout)
            continue
        except OSError as exc:
            failed = True
            print(f"{name}:1:1: error: cannot read file: {exc.strerror}")
            continue
        if isinstance(result, Part):
            for loaded in result.scenarios:
                for w in loaded.warnings:
                    print(w)
            whose = ", ".join(str(f.files[0]) for f in result.scenarios)
            print(f"ok: {name}: part of {whose}")
            continue
        if isinstance(result, Ruleset):
            print(
                f"ok: {name}: ruleset {result.ruleset.title} ({len(result.terrain)} terrain "
                f"types, {len(result.unit_types)} unit types)"
            )
            continue
        for w in result.warnings:
            print(w)
        s = result.scenario
        grid = build_grid(s)
        print(
            f"ok: {name}: {s.meta.title} ({len(s.units)} units, {grid.width}x{grid.height} "
            f"hexes, {len(turn_starts(s.calendar))} turns)"
        )
    return 1 if failed else 0


def _cmd_inspect(args: argparse.Namespace) -> int:
    from game.scenario.summary import summarize

    scenario = load_or_report(args.scenario)
    if scenario is None:
        return 1
    summary = summarize(scenario)
    if args.json:
        print(json.dumps(summary, indent=2, ensure_ascii=False))
        return 0
    print(f"{summary['title']}  [{summary['id']}]")
    print(f"  {summary['start']} to {summary['end']}, {summary['turns']} turns")
    m = summary["map"]
    print(f"  map {m['width']}x{m['height']} hexes of {summary['hex_km']} km")
    first = summary["timeline"][0]["sides"]
    last = summary["timeline"][-1]["sides"]
    for side in summary["sides"]:
        a, b = first[side["id"]], last[side["id"]]
        print(
            f"  {side['name']}: {side['units']} units; at start {a['men']:,} men, "
            f"{a['tanks']} tanks, {a['guns']} guns, {a['aircraft']} aircraft; "
            f"by the end {b['men']:,} men, {b['tanks']} tanks, {b['guns']} guns"
        )
    for p in summary["places"]:
        print(f"  place {p['name']} at {p['hex']} worth {p['vp']} VP")
    for e in summary["events"]:
        print(f"  event {e['date'] or '(when triggered)'}: {e['title']}")
    return 0


def difficulty_spec(text: str) -> str:
    """An argparse type: a level or levels by side, checked for form and level names (the side
    names are checked against the scenario once it is loaded)."""
    from game.ai.difficulty import parse_levels

    try:
        parse_levels(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return text


def play_options(args: argparse.Namespace) -> PlayOptions:
    """The typed options of `play` from its parsed arguments."""
    return PlayOptions(
        scenario=Path(args.scenario) if args.scenario else None,
        text=args.text,
        side=args.side,
        seed=args.seed,
        load=Path(args.load) if args.load else None,
        fog=args.fog,
        difficulty=args.difficulty,
        screenshot=Path(args.screenshot) if args.screenshot else None,
        debug=args.debug,
        resume=args.resume,
        delay=args.delay,
    )


def _cmd_play(args: argparse.Namespace) -> int:
    from game.launch import run_play

    return run_play(play_options(args))


def _cmd_simulate(args: argparse.Namespace) -> int:
    from game.sim.batch import Setup, report, run_batch, summarize, timing
    from game.sim.cluster import ClusterError

    scenario = load_or_report(args.scenario)
    if scenario is None:
        return 1
    if args.runs < 1:
        print("--runs must be at least 1", file=sys.stderr)
        return 2
    sides = [s.id for s in scenario.sides]
    vs: dict[str, str] = {}
    if args.vs == "random":
        ai_side = args.side or sides[0]
        if ai_side not in sides:
            print(f"--side must be one of {', '.join(sides)}", file=sys.stderr)
            return 2
        vs = {s: ("ai" if s == ai_side else "random") for s in sides}
    problem = _unwritable(args.out) if args.out else None
    if problem:  # found before the batch runs, not after it is lost
        print(f"two-augusts: cannot write --out {args.out}: {problem}", file=sys.stderr)
        return 2
    setup = Setup(str(Path(args.scenario).resolve()), args.difficulty, vs)
    try:
        levels = setup.levels(scenario)
    except ValueError as exc:
        print(f"--difficulty: {exc}", file=sys.stderr)
        return 2
    try:
        games, times, refused = run_batch(
            setup, args.runs, args.seed, args.workers, sys.stderr, cluster=args.cluster
        )
    except ClusterError as exc:
        print(f"two-augusts: {exc}", file=sys.stderr)
        return 2
    summary = summarize(scenario, games)
    batch = {
        "scenario": scenario.meta.id,
        "runs": args.runs,
        "seed": args.seed,
        "difficulty": args.difficulty,
        "levels": {s: levels[s] if vs.get(s, "ai") == "ai" else None for s in sides},
        "players": {s: vs.get(s, "ai") for s in sides},
        "summary": summary,
        "games": games,
    }
    t = timing(times)
    if args.json:
        text = json.dumps(batch, indent=1, ensure_ascii=False)
    else:
        text = report(args.scenario, scenario, batch, t)
    if args.out:
        try:
            Path(args.out).write_text(text + "\n", encoding="utf-8")
        except OSError as exc:
            print(text)  # the batch is not lost: it goes to the terminal instead
            print(f"two-augusts: cannot write {args.out}: {exc.strerror}", file=sys.stderr)
            return 1
    else:
        print(text)
    if args.json or args.out:
        print(
            f"AI time per side-turn: median {t['median_ms']:.1f} ms, p95 {t['p95_ms']:.1f} ms, "
            f"worst {t['worst_ms']:.1f} ms over {t['turns']} turns",
            file=sys.stderr,
        )
    if refused:
        print(f"warning: {refused} AI command(s) were refused by the rules", file=sys.stderr)
    return 0


def _unwritable(out: str) -> str:
    """Why the file `out` cannot be written, or '' if it can (checked without creating it)."""
    path = Path(out)
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        return "it is a folder"
    if not folder.is_dir():
        return f"there is no folder {folder}"
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        return "permission denied"
    return ""


def _cmd_report(args: argparse.Namespace) -> int:
    from game.ui.report import render_text, unicode_ok
    from game.ui.report_files import ReportError, report_of_file

    try:
        report = report_of_file(Path(args.file), args.game, args.scenario)
    except ReportError as exc:
        print(f"two-augusts: {exc}", file=sys.stderr)
        return 1
    print(render_text(report, args.width, unicode_ok(sys.stdout) and not args.ascii))
    if args.png:
        from game.ui.report_image import render_png

        w, h = render_png(report, Path(args.png))
        print(f"wrote {args.png} ({w}x{h})", file=sys.stderr)
    return 0


def _add_report_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`report`: the after-action report of a save or of a `simulate --json` game."""
    r = sub.add_parser("report", help="the after-action report of a save or a simulated game")
    r.add_argument("file", metavar="SAVE|SIM.json", help="a save, or `simulate --json` output")
    r.add_argument("--game", type=int, default=1, help="which game of a batch (from 1)")
    r.add_argument("--scenario", default=None, help="the scenario, if the file cannot say")
    r.add_argument("--png", metavar="OUT", help="also draw the report into the PNG file OUT")
    r.add_argument("--width", type=int, default=80, help="characters per line")
    r.add_argument("--ascii", action="store_true", help="draw the chart in plain ASCII")
    r.set_defaults(func=_cmd_report)


def _cmd_sweep(args: argparse.Namespace) -> int:
    from game.sim.sweep import command

    scenario = load_or_report(args.scenario)
    return 1 if scenario is None else command(args, scenario)


def _batch_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--cluster",
        metavar="ADDRESS",
        default=None,
        help="play the games on a Dask scheduler (tcp://host:8786) or 'local' for a local "
        "Dask cluster; needs pip install 'two-augusts[cluster]'",
    )


def _add_sweep_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`sweep`: a batch for every combination of scenario values (see game.sim.sweep)."""
    w = sub.add_parser("sweep", help="a batch of AI games for every combination of values")
    w.add_argument("scenario", metavar="SCENARIO", help="scenario file")
    w.add_argument(
        "--set",
        action="append",
        required=True,
        metavar="PATH=V1,V2,...",
        help="values to try, e.g. sides.soviet.doctrine.attacker_losses=1.2,1.4 (repeatable)",
    )
    w.add_argument("--runs", type=int, default=10, help="games per combination")
    w.add_argument("--seed", type=int, default=1, help="seed of the first game of each batch")
    w.add_argument("--workers", type=int, default=None, help="processes (default: all cores)")
    w.add_argument("--json", action="store_true", help="print the outcomes as JSON")
    w.add_argument(
        "--difficulty", choices=["easy", "normal", "hard"], default="hard", help="AI level"
    )
    _batch_options(w)
    w.set_defaults(func=_cmd_sweep)


def _add_play_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`play` and its options (read back as PlayOptions by play_options)."""
    p = sub.add_parser("play", help="play a scenario (window, or --text for the terminal)")
    p.add_argument("scenario", nargs="?", metavar="SCENARIO", help="scenario file")
    p.add_argument("--text", action="store_true", help="play in the terminal")
    p.add_argument(
        "--side",
        default=None,
        metavar="SIDE",
        help="soviet, japanese (or another side id), both (hot-seat) or none (watch the "
        "computer play both); default: the first side",
    )
    p.add_argument("--seed", type=int, default=1, help="random seed (same seed, same game)")
    p.add_argument("--load", metavar="SAVEFILE", help="resume a saved game")
    p.add_argument(
        "--continue",
        dest="resume",
        action="store_true",
        help="resume the newest autosave (written at the start of every turn you play)",
    )
    p.add_argument(
        "--delay",
        type=float,
        default=0.0,
        metavar="SECONDS",
        help="in the terminal, wait this long after each computer turn (default: 0)",
    )
    p.add_argument("--fog", action="store_true", help="fog of war: see only what your units see")
    p.add_argument(
        "--difficulty",
        type=difficulty_spec,
        default="normal",
        metavar="LEVEL",
        help="how well the computer plays: easy, normal or hard, or one for each side "
        "(soviet=hard,japanese=normal) (default: %(default)s)",
    )
    p.add_argument(
        "--screenshot",
        metavar="PNG",
        help="open the window, draw the first frame into PNG and exit (for docs and bug reports)",
    )
    p.add_argument(
        "--debug", action="store_true", help="show the full traceback of an internal error"
    )
    p.set_defaults(func=_cmd_play)


def _cmd_screenshot(args: argparse.Namespace) -> int:
    from game.ui.pygame.shots import ShotError, screenshot

    try:
        width, height = (int(v) for v in args.size.lower().split("x"))
    except ValueError:
        print(f"two-augusts: --size wants WIDTHxHEIGHT, e.g. 1600x900; not '{args.size}'",
              file=sys.stderr)  # fmt: skip
        return 2
    if not (320 <= width <= 7680 and 240 <= height <= 4320) or args.turn < 1:
        print("two-augusts: the size must be 320x240 to 7680x4320 and the turn 1 or more",
              file=sys.stderr)  # fmt: skip
        return 2
    if load_or_report(args.scenario) is None:
        return 1
    folder = Path(args.out).parent
    if not folder.is_dir():
        print(f"two-augusts: cannot write {args.out}: no folder {folder}", file=sys.stderr)
        return 1
    try:
        screenshot(Path(args.scenario), Path(args.out), (width, height), args.turn, args.side,
                   args.screen, args.fog)  # fmt: skip
    except ShotError as exc:
        print(f"two-augusts: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"two-augusts: cannot write {args.out}: {exc.strerror}", file=sys.stderr)
        return 1
    print(f"wrote {args.out}")
    return 0


def _add_screenshot_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`screenshot`: one screen drawn off screen into a PNG (see game.ui.pygame.shots)."""
    s = sub.add_parser("screenshot", help="draw a screen of the game into a PNG, off screen")
    s.add_argument("scenario", metavar="SCENARIO", help="scenario file or name")
    s.add_argument("out", metavar="OUT.png", help="the PNG to write")
    s.add_argument("--size", default="1600x900", metavar="WxH", help="default 1600x900")
    s.add_argument("--turn", type=int, default=1, help="the computer plays up to this turn")
    s.add_argument("--side", default=None, help="whose view (a side id, both, none)")
    s.add_argument("--screen", choices=["title", "game", "report"], default="game")
    s.add_argument("--fog", action="store_true", help="fog of war")
    s.set_defaults(func=_cmd_screenshot)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="two-augusts",
        description="Two Augusts: a turn-based wargame of the Soviet-Japanese war, 1939 and 1945.",
    )
    parser.add_argument("--version", action="version", version=f"two-augusts {__version__}")
    parser.add_argument(
        "--debug",
        dest="debug_all",
        action="store_true",
        help="show the full traceback of an internal error (any command)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    v = sub.add_parser("validate", help="check scenario files and report every problem")
    v.add_argument("files", nargs="+", metavar="FILE", help="scenario or ruleset TOML files")
    v.set_defaults(func=_cmd_validate)

    i = sub.add_parser("inspect", help="summarise a scenario (forces, places, events, timeline)")
    i.add_argument("scenario", metavar="SCENARIO")
    i.add_argument("--json", action="store_true", help="print the summary as JSON")
    i.set_defaults(func=_cmd_inspect)

    _add_play_parser(sub)
    _add_screenshot_parser(sub)

    m = sub.add_parser("simulate", help="play computer against computer, headless, in batches")
    m.add_argument("scenario", metavar="SCENARIO", help="scenario file")
    m.add_argument("--runs", type=int, default=1, help="number of games (seeds S, S+1, ...)")
    m.add_argument("--seed", type=int, default=1, help="seed of the first game")
    m.add_argument("--workers", type=int, default=None, help="processes (default: all cores)")
    m.add_argument("--json", action="store_true", help="print every game's record as JSON")
    m.add_argument("--out", metavar="FILE", help="write the output to FILE")
    m.add_argument(
        "--difficulty",
        type=difficulty_spec,
        default="hard",
        metavar="LEVEL",
        help="AI level: easy, normal or hard, or one for each side "
        "(soviet=hard,japanese=normal) (default: %(default)s)",
    )
    m.add_argument("--vs", choices=["ai", "random"], default="ai", help="the opponent of --side")
    m.add_argument("--side", default=None, help="side the AI plays against --vs random")
    _batch_options(m)
    m.set_defaults(func=_cmd_simulate)
    _add_sweep_parser(sub)
    _add_report_parser(sub)
    add_commands(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 0
    failed = resolve_scenario_names(args)
    if failed is not None:
        return failed
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:  # a file the command could not read or write
        if args.debug_all or getattr(args, "debug", False):
            raise
        where = f": {exc.filename}" if exc.filename else ""
        print(f"two-augusts: {exc.strerror or exc}{where}", file=sys.stderr)
        return 1
    except Exception as exc:  # a bug in the game: one line, the traceback only with --debug
        if args.debug_all or getattr(args, "debug", False):
            raise
        print(
            f"two-augusts: internal error: {type(exc).__name__}: {str(exc)[:200]} "
            "(run again with --debug for the traceback, and please report it)",
            file=sys.stderr,
        )
        return INTERNAL_ERROR

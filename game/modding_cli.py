"""The modders' subcommands (list, new-scenario, render-map) and scenarios named instead of pathed.

Kept apart from game/cli.py, which only calls `add_commands` and `resolve_scenario_names`.
Like the rest of the CLI it imports the scenario code only when a command runs.
Scenario arguments accept a file path, a file name without .toml, or a meta.id, looked up in
--scenario-dir folders, then the user's folder, then the shipped scenarios.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

NAMED_COMMANDS = ("play", "inspect", "simulate", "validate")
SCENARIO_DIR_HELP = "also look for scenarios in DIR (may be given more than once)"


def _add_scenario_dir(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--scenario-dir",
        action="append",
        default=[],
        metavar="DIR",
        help=SCENARIO_DIR_HELP,
    )


class DefaultsShown(argparse.HelpFormatter):
    """Help that says what happens when an option is left out, unless the text already does."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        text = action.help or ""
        default = action.default
        quiet = default in (None, False, [], argparse.SUPPRESS) or not action.option_strings
        if quiet or "default" in text:
            return text
        return text + " (default: %(default)s)"


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the modding subcommands, and --scenario-dir on the commands that take names."""
    for name in NAMED_COMMANDS:
        if name in sub.choices:
            _add_scenario_dir(sub.choices[name])
    lst = sub.add_parser("list", help="list every scenario found, with title, source and status")
    _add_scenario_dir(lst)
    lst.set_defaults(func=_cmd_list)

    new = sub.add_parser(
        "new-scenario", help="write a small valid scenario to start from, or copy one"
    )
    new.add_argument("path", metavar="PATH", help="the new file (.toml is added if missing)")
    new.add_argument("--from", dest="source", metavar="SCENARIO", help="copy this scenario")
    _add_scenario_dir(new)
    new.set_defaults(func=_cmd_new_scenario)

    render = sub.add_parser(
        "render-map", help="print the map with coordinates, places and zones (or draw a PNG)"
    )
    render.add_argument("scenario", metavar="SCENARIO")
    render.add_argument("--png", metavar="OUT", help="also draw the map into the PNG file OUT")
    _add_scenario_dir(render)
    render.set_defaults(func=_cmd_render_map)
    for parser in sub.choices.values():
        parser.formatter_class = DefaultsShown


def _resolve(name: str, dirs: list[str]) -> str | None:
    from game.scenario.library import find_scenario, scenario_names
    from game.scenario.suggest import did_you_mean

    found = find_scenario(name, dirs)
    if found is not None:
        try:  # as the user would type it, when it is under the working folder
            return str(found.resolve().relative_to(Path.cwd().resolve()))
        except ValueError:
            return str(found)
    if Path(name).suffix == ".toml" or len(Path(name).parts) > 1:
        return name  # a path: the loader reports "no such file" at it
    hint = did_you_mean(name, scenario_names(dirs)) or "see `two-augusts list` for the names"
    print(f"two-augusts: no scenario named '{name}'; {hint}", file=sys.stderr)
    return None


def resolve_scenario_names(args: argparse.Namespace) -> int | None:
    """Turn scenario names in the arguments into paths; an exit code if one is unknown."""
    dirs = list(getattr(args, "scenario_dir", None) or [])
    for attr in ("scenario", "source"):
        value = getattr(args, attr, None)
        if isinstance(value, str):
            resolved = _resolve(value, dirs)
            if resolved is None:
                return 2
            setattr(args, attr, resolved)
    files = getattr(args, "files", None)
    if args.command == "validate" and isinstance(files, list):
        resolved_files = [_resolve(f, dirs) for f in files]
        if None in resolved_files:
            return 2
        args.files = resolved_files
    return None


def _cmd_list(args: argparse.Namespace) -> int:
    from game.scenario.catalogue import catalogue
    from game.scenario.library import user_dir

    entries = catalogue(args.scenario_dir)
    name_w = max([len("NAME"), *(len(e.name) for e in entries)])
    title_w = min(44, max([len("TITLE"), *(len(e.title) for e in entries)]))
    source_w = max([len("SOURCE"), *(len(e.source) for e in entries)])
    print(f"{'NAME':<{name_w}}  {'TITLE':<{title_w}}  {'SOURCE':<{source_w}}  STATUS")
    for e in entries:
        title = e.title if len(e.title) <= title_w else e.title[: title_w - 3] + "..."
        print(f"{e.name:<{name_w}}  {title:<{title_w}}  {e.source:<{source_w}}  {e.status}")
    print(f"\n{len(entries)} found; user folder: {user_dir()}")
    return 0 if all(e.ok for e in entries) else 1


def _cmd_new_scenario(args: argparse.Namespace) -> int:
    from game.scenario import ScenarioError, load
    from game.scenario.newscenario import copied_text, included_copies, new_text

    target = Path(args.path)
    if target.suffix != ".toml":
        target = target.with_name(target.name + ".toml")
    if target.exists():
        print(f"two-augusts: {target} already exists; choose another name", file=sys.stderr)
        return 1
    copies: list[tuple[Path, Path]] = []
    if args.source:
        try:
            loaded = load(args.source)
        except ScenarioError as exc:
            print(f"two-augusts: {args.source} has errors; fix them first:", file=sys.stderr)
            for p in exc.errors:
                print(p, file=sys.stderr)
            return 1
        text = copied_text(Path(args.source), target, list(loaded.scenario.include))
        copies = included_copies(loaded.files, Path(args.source), target)
    else:
        text = new_text(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    for original, copy in copies:  # the includes beside the copy, as beside the original
        if not copy.exists():
            copy.parent.mkdir(parents=True, exist_ok=True)
            copy.write_bytes(original.read_bytes())
    print(f"wrote {target}; check it with: two-augusts validate {target}")
    return 0


def _cmd_render_map(args: argparse.Namespace) -> int:
    from game.scenario.mapview import render_text
    from game.ui.scenario_files import load_or_report

    scenario = load_or_report(args.scenario)
    if scenario is None:
        return 1
    print(render_text(scenario), end="")
    if args.png:
        from game.scenario.mapimage import render_png

        width, height = render_png(scenario, Path(args.png))
        print(f"wrote {args.png} ({width} x {height} pixels)")
    return 0

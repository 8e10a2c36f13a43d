"""list, new-scenario, render-map, scenario names and the user folder, through the real CLI."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pygame
import pytest

from game.cli import main
from game.scenario import load
from tests.conftest import EXAMPLE, SCENARIOS


@pytest.fixture
def user_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "user"
    folder.mkdir()
    monkeypatch.setenv("TWO_AUGUSTS_USER_DIR", str(folder))
    return folder


def test_list_shows_a_broken_user_scenario_with_its_first_error(
    user_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    (user_folder / "broken_one.toml").write_text(
        text.replace("turn_hours = 12", "turn_hours = twelve"), encoding="utf-8"
    )
    (user_folder / "good_one.toml").write_text(text, encoding="utf-8")
    assert main(["list"]) == 1
    lines = capsys.readouterr().out.splitlines()
    broken = next(line for line in lines if line.startswith("broken_one "))
    assert "user" in broken and "error: " in broken and "broken_one.toml:" in broken
    good = next(line for line in lines if line.startswith("good_one "))
    assert good.endswith("  ok") and "Tsagan Ford" in good
    shipped = next(line for line in lines if line.startswith("khalkhin_gol_1939 "))
    assert "shipped" in shipped and shipped.endswith("  ok")


def test_list_and_play_find_scenarios_in_a_scenario_dir(
    user_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    extra = tmp_path / "mods"
    extra.mkdir()
    (extra / "river_mod.toml").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["list", "--scenario-dir", str(extra)]) == 0
    assert f"dir {extra}" in capsys.readouterr().out
    assert main(["inspect", "river_mod", "--scenario-dir", str(extra)]) == 0
    assert "Tsagan Ford" in capsys.readouterr().out


def test_an_unknown_scenario_name_gets_a_suggestion(
    user_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["inspect", "khalkin_gol_1939"]) == 2
    assert "did you mean 'khalkhin_gol_1939'?" in capsys.readouterr().err


def test_the_user_folder_follows_the_platform_convention(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("XDG_DATA_HOME is the Linux convention")
    monkeypatch.delenv("TWO_AUGUSTS_USER_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    folder = tmp_path / "data" / "two-augusts" / "scenarios"
    folder.mkdir(parents=True)
    (folder / "mine.toml").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    main(["list"])
    out = capsys.readouterr().out
    assert any(line.startswith("mine ") and " user " in line for line in out.splitlines())


def test_new_scenario_is_valid_and_refuses_to_overwrite(
    user_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "My Battle.toml"
    assert main(["new-scenario", str(target)]) == 0
    loaded = load(target)
    assert loaded.scenario.meta.id == "my_battle"
    assert loaded.warnings == ()
    assert target.read_text(encoding="utf-8").startswith("#:schema ")
    before = target.read_text(encoding="utf-8")
    assert main(["new-scenario", str(target)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == before


def test_new_scenario_from_a_scenario_rewrites_id_and_includes(
    user_folder: Path, tmp_path: Path
) -> None:
    source = tmp_path / "src" / "original.toml"
    (tmp_path / "src" / "rules").mkdir(parents=True)
    (tmp_path / "src" / "rules" / "extra.toml").write_text(
        '[ruleset]\nid = "extra"\ntitle = "Extra"\n[terrain.scrub]\nname = "Scrub"\n'
        "move_cost = { foot = 1.0 }\n",
        encoding="utf-8",
    )
    shipped = (SCENARIOS / "rulesets" / "steppe_and_manchuria.toml").resolve()
    relative = Path(os.path.relpath(shipped, source.parent)).as_posix()
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        '"ruleset:steppe_and_manchuria"', f'"{relative}", "rules/extra.toml"'
    )
    source.write_text(text, encoding="utf-8")
    target = tmp_path / "far" / "away" / "copy.toml"
    assert main(["new-scenario", str(target), "--from", str(source)]) == 0
    copied = load(target)
    assert copied.scenario.meta.id == "copy"
    assert "scrub" in copied.scenario.terrain
    assert copied.scenario.include == ("ruleset:steppe_and_manchuria", "rules/extra.toml")
    assert (tmp_path / "far" / "away" / "rules" / "extra.toml").is_file()


def test_new_scenario_from_a_shipped_name_uses_the_ruleset_syntax(
    user_folder: Path, tmp_path: Path
) -> None:
    target = tmp_path / "my_1939.toml"
    assert main(["new-scenario", str(target), "--from", "khalkhin_gol_1939"]) == 0
    s = load(target).scenario
    assert s.meta.id == "my_1939"
    assert s.include == ("ruleset:steppe_and_manchuria",)


def test_render_map_prints_coordinates_places_and_zones(
    user_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["render-map", str(EXAMPLE)]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    header = next(n for n, line in enumerate(lines) if line.strip().startswith("0 1 2 3"))
    row4 = lines[header + 5]
    assert row4.split()[0] == "4"
    cells = row4.split()[1:]
    assert cells[11] == "A"  # Urga-Ail is at [11, 4]
    assert "A  urga_ail [11, 4] Urga-Ail" in out
    assert "far_east: Beyond the railway, closed to red" in out


def test_render_map_png_draws_the_whole_map(
    user_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "map.png"
    assert main(["render-map", "river_crossing", "--png", str(out)]) == 0
    image = pygame.image.load(str(out))
    width, height = image.get_size()
    assert width > 14 * 40 and height > 9 * 30  # 14 x 9 hexes, each tens of pixels wide
    assert f"wrote {out}" in capsys.readouterr().out


def test_help_shows_the_defaults(capsys: pytest.CaptureFixture[str]) -> None:
    for command, default in (("simulate", "(default: hard)"), ("play", "(default: normal)")):
        with pytest.raises(SystemExit):
            main([command, "--help"])
        assert default in " ".join(capsys.readouterr().out.split())


def test_list_says_when_a_name_is_taken_by_an_earlier_folder(
    user_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = user_folder / "river_crossing.toml"
    mine.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    main(["list"])
    lines = [line for line in capsys.readouterr().out.splitlines() if "river_crossing" in line]
    assert len(lines) == 2
    assert " user " in lines[0] and lines[0].endswith("ok")
    assert " shipped " in lines[1] and f"the name plays {mine}" in lines[1]

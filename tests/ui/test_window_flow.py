"""A whole evening in the window, through its real event loop under SDL's dummy driver: events
are posted to pygame's queue and the loop reads them, as it would a player's. Title screen,
a scenario and a side picked, a unit selected and moved, the odds, an attack, the end of the
turn with the computer's moves played back, a save and a load; and screenshots checked."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ["SDL_VIDEODRIVER"] = "dummy"

import pygame

from game.hexes import coord
from game.rules import EndTurnCommand, Options
from game.scenario import load_scenario
from game.ui.controller import Controller
from game.ui.options import PlayOptions
from game.ui.players import computer_player
from game.ui.pygame.app import Window, play_window, run_title, start_window
from game.ui.pygame.hud import TIP_BG
from game.ui.pygame.render import PAPER, side_fill
from game.ui.pygame.settings import Settings
from game.ui.pygame.shots import screenshot
from game.ui.pygame.title import TitleScreen
from tests.conftest import EXAMPLE, SCENARIOS

SIZE = (1280, 800)


@pytest.fixture
def display(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[pygame.Surface]:
    monkeypatch.setenv("TWO_AUGUSTS_SAVE_DIR", str(tmp_path / "saves"))
    monkeypatch.setenv("TWO_AUGUSTS_CONFIG_DIR", str(tmp_path / "config"))
    pygame.display.init()
    pygame.font.init()
    yield pygame.display.set_mode(SIZE)
    pygame.quit()


@pytest.fixture
def window(display: pygame.Surface) -> Window:
    scenario = load_scenario(EXAMPLE)
    controller = Controller(scenario, EXAMPLE, {"red"}, 2, new_computer_player=computer_player())
    w = start_window(controller, SIZE, Settings())
    play_window(w, max_frames=2)
    return w


def post_click(pos: tuple[int, int], button: int = 1) -> None:
    pygame.event.post(
        pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))
    )
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=button))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=button))


def on_hex(w: Window, col: int, row: int) -> tuple[int, int]:
    x, y = w.layout.centre(coord(col, row))
    return int(x), int(y)


def post_text(line: str) -> None:
    for ch in line:
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=ch))
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0, unicode="\r"))


def frames(w: Window, n: int = 2) -> None:
    play_window(w, max_frames=n)


def test_title_screen_picks_a_scenario_and_a_side(display: pygame.Surface) -> None:
    settings = Settings()
    title = TitleScreen(settings, SIZE)
    title.draw(display)
    names = [e.name for e in title.state.entries]
    assert "khalkhin_gol_1939" in names and "manchuria_1945" in names
    row = next(r for r, a in title.hits if a == ("pick", names.index("khalkhin_gol_1939")))
    post_click(row.center)
    for event in pygame.event.get():
        title.handle(event)
    title.draw(display)
    side = next(r for r, a in title.hits if a == ("side", "soviet"))
    fog = next(r for r, a in title.hits if a == "fog")
    start = next(r for r, a in title.hits if a == "start")
    for rect in (side, fog, start):
        post_click(rect.center)
    controller = run_title(settings, SIZE, PlayOptions(), title, max_frames=20)
    assert controller is not None
    assert controller.scenario.meta.id == "khalkhin_gol_1939"
    assert controller.humans == {"soviet"} and controller.game.options.fog


def test_select_move_odds_attack_end_turn_playback(window: Window) -> None:
    w = window
    post_click(on_hex(w, 4, 4))
    frames(w)
    assert w.sel.units == ["r-2tb"] and w.panel.tab == "Unit"
    pygame.event.post(
        pygame.event.Event(pygame.MOUSEMOTION, pos=on_hex(w, 8, 3), rel=(1, 0), buttons=(0, 0, 0))
    )
    frames(w)
    assert w.hover_path and w.hover_path[-1] == (8, 3) and w.hover_cost > 0
    post_click(on_hex(w, 8, 3))
    frames(w)
    assert w.controller.state.units["r-2tb"].coord == (8, 3)
    post_click(on_hex(w, 8, 3))
    frames(w)
    assert (9, 2) in w.attack_targets()
    pygame.event.post(
        pygame.event.Event(pygame.MOUSEMOTION, pos=on_hex(w, 9, 2), rel=(1, 0), buttons=(0, 0, 0))
    )
    frames(w)
    assert ":" in w.hover_tip and "%" in w.hover_tip, "the odds at the cursor over a target"
    post_click(on_hex(w, 9, 2))
    frames(w)
    assert w.sel.target == (9, 2) and w.panel.tab == "Odds" and not w.hover_tip
    assert ":" in w.sel.odds_tip and "%" in w.sel.odds_tip
    post_click(on_hex(w, 9, 2))
    frames(w)
    assert w.controller.state.units["r-2tb"].has_attacked
    end = next(r for a, r in w.buttons if a == EndTurnCommand())
    post_click(end.center)
    frames(w, 1)
    assert w.controller.state.side == "red" and w.controller.state.turn == 2
    assert w.hud.playback.events, "the computer's moves are queued for playback"
    assert w.busy()
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_SPACE, mod=0, unicode=" "))
    frames(w)
    assert w.hud.playback.current() is None


def test_save_and_load_from_the_command_line(window: Window) -> None:
    w = window
    post_text("move r-1rr 6,3")
    post_text("save evening")
    frames(w)
    assert w.controller.state.units["r-1rr"].coord == (6, 3)
    assert not w.unsaved()
    post_text("undo")
    frames(w)
    post_text("load evening")
    frames(w)
    assert w.controller.state.units["r-1rr"].coord == (6, 3)
    assert any("Loaded 'evening'" in text for text, _ in w.log)


def test_wheel_over_the_panel_scrolls_the_panel(display: pygame.Surface) -> None:
    path = SCENARIOS / "manchuria_1945.toml"
    controller = Controller(load_scenario(path), path, {"soviet"}, 1)
    w = start_window(controller, SIZE, Settings())
    w.panel.open("Forces")
    frames(w)
    assert w.panel.total > w.panel.rows, "the forces list is longer than the panel"
    over = w.panel_rect().center
    pygame.event.post(
        pygame.event.Event(pygame.MOUSEMOTION, pos=over, rel=(0, 0), buttons=(0, 0, 0))
    )
    pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-2, flipped=False))
    size = w.layout.size
    frames(w)
    assert w.panel.offset > 0 and w.layout.size == size


def test_layout_follows_the_window_and_the_ui_scale(window: Window) -> None:
    w = window
    w.resize((900, 600))
    small = (w.map_rect().width * w.map_rect().height) / (900 * 600)
    assert small > 0.5, "the map keeps most of a small window"
    w.resize((1920, 1080))
    big_font = w.metrics.font(12)
    panel = w.panel_rect().width
    w.handle(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_F9, mod=0, unicode=""))  # 1.25
    assert w.settings.ui_scale > 1.0
    assert w.metrics.font(12) > big_font > 12 and w.panel_rect().width > panel
    assert w.map_rect().width + w.panel_rect().width == 1920


def test_quit_with_unsaved_progress_asks_first(window: Window) -> None:
    w = window
    post_text("move r-1rr 6,3")
    frames(w)
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    frames(w)
    assert w.running and w.hud.quitting
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_y, mod=0, unicode="y"))
    frames(w, 1)
    assert not w.running


def colours(path: Path) -> set[tuple[int, int, int]]:
    image = pygame.image.load(str(path))
    w, h = image.get_size()
    return {tuple(image.get_at((x, y)))[:3] for x in range(0, w, 7) for y in range(0, h, 7)}  # type: ignore[misc]


@pytest.mark.parametrize("name", ["khalkhin_gol_1939", "manchuria_1945"])
def test_screenshots_of_both_campaigns(tmp_path: Path, name: str) -> None:
    path = SCENARIOS / f"{name}.toml"
    out = tmp_path / f"{name}.png"
    screenshot(path, out, (1600, 900), side="soviet")
    image = pygame.image.load(str(out))
    assert image.get_size() == (1600, 900)
    seen = colours(out)
    assert len(seen) > 40  # terrain, counters, text: not a blank frame
    title = tmp_path / "title.png"
    screenshot(path, title, (1280, 800), screen="title")
    assert len(colours(title)) > 20


def test_screenshot_of_the_odds_tooltip_and_the_playback(window: Window, tmp_path: Path) -> None:
    w = window
    w.controller.handle("move r-2tb 8,3")
    post_click(on_hex(w, 8, 3))
    post_click(on_hex(w, 9, 2))
    frames(w)
    shot = tmp_path / "odds.png"
    pygame.image.save(pygame.display.get_surface(), str(shot))
    screen = pygame.display.get_surface()
    x, y = on_hex(w, 9, 2)
    above = {
        tuple(screen.get_at((x + dx, y - int(w.layout.size * 1.1) - 4)))[:3]
        for dx in range(-30, 30)
    }
    assert TIP_BG in above, "the odds tooltip sits over the target"
    assert len(colours(shot)) > 40
    end = next(r for a, r in w.buttons if a == EndTurnCommand())
    post_click(end.center)
    frames(w, 1)
    assert w.hud.playback.current() is not None
    shot = tmp_path / "playback.png"
    pygame.image.save(pygame.display.get_surface(), str(shot))
    blue = side_fill(w.controller.state, "blue", "standard")
    assert blue in colours(shot)
    assert PAPER in colours(shot), "the caption of the computer's action is on show"


def test_the_end_of_the_game_leads_to_the_report(display: pygame.Surface) -> None:
    """The computer plays the example to its end; the window shows the end, Enter opens the
    after-action report (the result, the places, the chart), Esc goes back to the map."""
    scenario = load_scenario(EXAMPLE)
    controller = Controller(scenario, EXAMPLE, set(), 2, new_computer_player=computer_player())
    controller.run_ai()
    assert controller.state.game_over
    controller.humans = {"red"}
    w = start_window(controller, SIZE, Settings())
    frames(w)
    assert not w.hud.game_over_seen
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0, unicode="\r"))
    frames(w)
    assert w.report_view is not None and w.report_view.final
    screen = pygame.display.get_surface()
    seen = {
        tuple(screen.get_at((x, y)))[:3] for x in range(0, SIZE[0], 5) for y in range(0, SIZE[1], 5)
    }
    for side in ("red", "blue"):
        assert side_fill(controller.state, side, "standard") in seen, "the chart's lines"
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_ESCAPE, mod=0, unicode=""))
    frames(w)
    assert w.report_view is None


def test_report_command_and_report_screenshot(window: Window, tmp_path: Path) -> None:
    post_text("report")
    frames(window)
    assert window.report_view is not None and not window.report_view.final
    out = tmp_path / "report.png"
    screenshot(EXAMPLE, out, (1280, 800), turn=3, side="red", screen="report")
    assert len(colours(out)) > 10


def test_hot_seat_with_fog_hands_the_screen_over(display: pygame.Surface) -> None:
    scenario = load_scenario(EXAMPLE)
    controller = Controller(
        scenario, EXAMPLE, {"red", "blue"}, 2, Options(fog=True), computer_player()
    )
    w = start_window(controller, SIZE, Settings())
    w.hud.handover = ""  # the first player has the screen already
    frames(w)
    end = next(r for a, r in w.buttons if a == EndTurnCommand())
    post_click(end.center)
    frames(w)
    assert controller.state.side == "blue" and w.hud.handover == "blue"
    screen = pygame.display.get_surface()
    view = w.map_rect()
    corner = tuple(screen.get_at((view.x + 5, view.y + 5)))[:3]
    assert corner != PAPER and max(corner) < 40, "the map is hidden until the next player is ready"
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0, unicode="\r"))
    frames(w)
    assert not w.hud.handover and w.controller.viewer == "blue"


def test_watching_the_computer_plays_turn_by_turn(display: pygame.Surface) -> None:
    """With no human side, the first frame shows the opening, then each side-turn is played
    and shown back before the next one (not the whole game before the first frame)."""
    scenario = load_scenario(EXAMPLE)
    controller = Controller(scenario, EXAMPLE, set(), 2, new_computer_player=computer_player())
    w = start_window(controller, SIZE, Settings())
    assert not controller.game.commands, "nothing is played before the first frame"
    assert w.busy(), "the opening banner shows first"
    w.hud.banner_until = 0
    frames(w, 1)
    played = len(controller.game.commands)
    assert played and not controller.state.game_over
    assert w.hud.playback.events and w.busy()
    frames(w, 1)
    assert len(controller.game.commands) == played, "the next turn waits for the playback"
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_SPACE, mod=0, unicode=" "))
    frames(w, 1)
    w.hud.banner_until = 0
    frames(w, 1)
    assert len(controller.game.commands) > played


def test_title_screen_loads_a_save_and_changes_settings(display: pygame.Surface) -> None:
    scenario = load_scenario(EXAMPLE)
    saved = Controller(scenario, EXAMPLE, {"red"}, 2, new_computer_player=computer_player())
    saved.handle("move r-1rr 6,3")
    assert saved.handle("save tuesday").ok
    settings = Settings()
    title = TitleScreen(settings, SIZE)
    title.draw(display)
    post_click(next(r for r, a in title.hits if a == "settings").center)
    for event in pygame.event.get():
        title.handle(event)
    title.draw(display)
    for action in ("set-scale", "set-palette"):
        post_click(next(r for r, a in title.hits if a == action).center)
    for event in pygame.event.get():
        title.handle(event)
    assert settings.ui_scale != 1.0 and settings.palette == "colour-blind"
    post_click(next(r for r, a in title.hits if a == "saves").center)
    for event in pygame.event.get():
        title.handle(event)
    title.draw(display)
    save = next(r for r, a in title.hits if isinstance(a, tuple) and a[0] == "load")
    post_click(save.center)
    controller = run_title(settings, SIZE, PlayOptions(), title, max_frames=20)
    assert controller is not None
    assert controller.state.units["r-1rr"].coord == (6, 3)


def test_overlay_keys_change_the_map(window: Window) -> None:
    """F2 (zones of control), F3 (coordinates), F4 (legend) and F7 (palette) each change what
    the map shows, and pressing the key again puts it back."""
    w = window
    screen = pygame.display.get_surface()

    def shown() -> bytes:
        frames(w, 1)
        return pygame.image.tobytes(screen.subsurface(w.map_rect()), "RGB")

    plain = shown()
    for key in (pygame.K_F2, pygame.K_F3, pygame.K_F4, pygame.K_F7):
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode=""))
        assert shown() != plain, pygame.key.name(key)
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode=""))
        assert shown() == plain, pygame.key.name(key)


def test_a_click_on_the_minimap_moves_the_view(display: pygame.Surface) -> None:
    path = SCENARIOS / "manchuria_1945.toml"
    controller = Controller(load_scenario(path), path, {"soviet"}, 1)
    w = start_window(controller, SIZE, Settings())
    w.hud.banner_until = 0
    frames(w)
    mini = w.hud.minimap_rect
    assert mini.width > 0 and w.map_rect().contains(mini)
    origin = w.layout.origin
    post_click((mini.x + 4, mini.y + 4))  # the north-west corner of the map
    frames(w)
    assert w.layout.origin != origin
    view = w.map_rect()
    assert w.layout.at_pixel(view.centerx, view.centery)[0] < controller.state.board.width // 2


def test_f5_reloads_the_scenario_file(display: pygame.Surface, tmp_path: Path) -> None:
    """A modder edits the scenario beside the window; F5 reads it again and replays the game."""
    path = tmp_path / "crossing.toml"
    path.write_text(EXAMPLE.read_text())
    controller = Controller(
        load_scenario(path), path, {"red"}, 2, new_computer_player=computer_player()
    )
    w = start_window(controller, SIZE, Settings())
    post_text("move r-1rr 6,3")
    frames(w)
    before = pygame.image.tobytes(pygame.display.get_surface(), "RGB")
    path.write_text(EXAMPLE.read_text().replace('name = "Urga-Ail"', 'name = "Urga-Ail Sum"', 1))
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_F5, mod=0, unicode=""))
    frames(w)
    names = {p.name for p in controller.scenario.places}
    assert "Urga-Ail Sum" in names
    assert controller.state.units["r-1rr"].coord == (6, 3), "the game was replayed"
    assert any(text.startswith("Reloaded ") for text, _ in w.log)
    assert pygame.image.tobytes(pygame.display.get_surface(), "RGB") != before


def test_quit_prompt_can_save_first(window: Window, tmp_path: Path) -> None:
    w = window
    post_text("move r-1rr 6,3")
    frames(w)
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_s, mod=0, unicode="s"))
    frames(w, 1)
    assert not w.running
    assert (tmp_path / "saves" / "on-leaving.json").is_file()


def test_screenshot_command_mistakes_are_messages(tmp_path: Path) -> None:
    """Mistakes on the screenshot command line say what is wrong, never a traceback."""
    import subprocess
    import sys

    from tests.conftest import ROOT

    env = {**os.environ, "SDL_VIDEODRIVER": "dummy"}
    cases = [
        (["khalkhin_gol_1939", str(tmp_path / "no" / "x.png")], "no folder"),
        (["khalkhin_gol_1939", str(tmp_path / "x.png"), "--size", "big"], "WIDTHxHEIGHT"),
        (["khalkhin_gol_1939", str(tmp_path / "x.png"), "--side", "martians"], "sides are"),
    ]
    for args, said in cases:
        run = subprocess.run(
            [sys.executable, "-m", "game", "screenshot", *args],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert run.returncode != 0 and said in run.stderr and "Traceback" not in run.stderr


def test_a_hex_only_a_train_reaches_is_lit_and_a_click_sends_the_train(
    display: pygame.Surface, tmp_path: Path
) -> None:
    path = Path(__file__).parents[1] / "ai" / "positions" / "train.toml"
    controller = Controller(load_scenario(path), path, {"red"}, 1)
    w = start_window(controller, SIZE, Settings())
    w.hud.banner_until = 0
    frames(w)
    post_click(on_hex(w, 0, 2))
    frames(w)
    assert w.sel.units == ["r-reserve"]
    assert (15, 2) in w.sel.trains and (15, 2) not in w.sel.reach
    pygame.event.post(
        pygame.event.Event(pygame.MOUSEMOTION, pos=on_hex(w, 15, 2), rel=(1, 0), buttons=(0, 0, 0))
    )
    frames(w)
    assert w.hover_path[0] == (0, 2) and w.hover_path[-1] == (15, 2)
    pygame.image.save(pygame.display.get_surface(), str(tmp_path / "train.png"))
    screen = pygame.display.get_surface()
    x, y = on_hex(w, 15, 2)
    above = {
        tuple(screen.get_at((x + dx, y - int(w.layout.size) - 2)))[:3] for dx in range(-20, 20)
    }
    assert TIP_BG in above, "the 'by train' tip sits over the hex"
    post_click(on_hex(w, 15, 2))
    frames(w)
    assert controller.state.units["r-reserve"].coord == (15, 2)
    assert any("rail r-reserve 15,2" in line for line, _ in w.log)
    assert not w.hover_path, "no stale 'by train' tip over the hex the unit now stands in"

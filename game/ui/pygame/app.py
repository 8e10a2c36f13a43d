"""The pygame window: opening it, the title screen, the game screen's event loop, and
screenshots drawn off screen. The game screen itself is game_screen.Window."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.scenario import load_scenario
from game.ui import describe
from game.ui.controller import Controller
from game.ui.options import PlayOptions
from game.ui.pygame.game_screen import Selection, Window, odds_tip
from game.ui.pygame.painter import BLINK_MS, PROMPT_INK
from game.ui.pygame.settings import Settings, load_settings, save_settings
from game.ui.pygame.title import TitleScreen

__all__ = ["NoWindow", "Selection", "Window", "main", "odds_tip", "play_window", "start_window"]


class NoWindow(Exception):
    """The display cannot open a window; the caller may play in the terminal instead."""


MAX_FPS = 30  # frames a second at most, while events keep coming
POLL_MS = 20  # an idle window looks for events this often


def wait_for_events(busy: bool) -> list[pygame.event.Event]:
    """The events that came first, or none when the cursor's next blink (or, while something
    moves on screen, the next frame) is due. An idle window sleeps here. It polls every
    POLL_MS rather than calling SDL's wait with a timeout, which on X11 costs several times
    more CPU (SDL wakes up every millisecond or so to check the timeout)."""
    due = 1000 // MAX_FPS if busy else BLINK_MS - pygame.time.get_ticks() % BLINK_MS
    until = pygame.time.get_ticks() + due
    while pygame.time.get_ticks() < until:
        events = pygame.event.get()
        if events:
            return events
        pygame.time.wait(min(POLL_MS, max(1, until - pygame.time.get_ticks())))
    return []


def open_display(settings: Settings) -> pygame.Surface:
    """The window (raises NoWindow when no display can open one)."""
    pygame.display.init()
    pygame.font.init()
    flags = pygame.RESIZABLE | (pygame.FULLSCREEN if settings.fullscreen else 0)
    size = (0, 0) if settings.fullscreen else (settings.width, settings.height)
    try:
        screen = pygame.display.set_mode(size, flags)
    except pygame.error as exc:
        pygame.quit()
        raise NoWindow(str(exc)) from None
    pygame.key.set_repeat(400, 40)
    return screen


def play_window(window: Window, max_frames: int = 0) -> None:
    """The game screen's loop until the player leaves (or `max_frames` frames are drawn)."""
    frames = 0
    clock = pygame.time.Clock()
    while window.running:
        events = [] if window.frames_drawn < 2 else wait_for_events(window.busy())
        for event in events + pygame.event.get():
            if event.type == pygame.QUIT:
                window.quit_prompt()
                continue
            window.handle(event)
        window.watch_step()
        screen = pygame.display.get_surface()
        if screen.get_size() != window.size:  # resized: the surface follows, no new window
            window.resize(screen.get_size())
        changed = window.draw(screen)
        if changed is None:
            pygame.display.flip()
        elif changed:
            pygame.display.update(changed)
        frames += 1
        window.frames_drawn += 1
        if max_frames and frames >= max_frames:
            break
        clock.tick(MAX_FPS)


def main(controller: Controller, options: PlayOptions) -> int:
    """Open the window and play; returns the exit code (NoWindow if none can open). Started
    without a scenario or save named, the title screen comes first."""
    settings = load_settings()
    screen = open_display(settings)
    if options.screenshot:
        shoot_game(controller, screen.get_size(), settings).save_to(options.screenshot)
        pygame.quit()
        return 0
    if options.scenario is None and options.load is None:
        picked = run_title(settings, screen.get_size(), options)
        if picked is None:
            save_settings(settings)
            pygame.quit()
            return 0
        controller = picked
        screen = apply_display_settings(settings, screen)
    pygame.display.set_caption(f"Two Augusts - {controller.scenario.meta.title}")
    window = start_window(controller, screen.get_size(), settings)
    play_window(window)
    save_settings(settings)
    pygame.quit()
    return 0


def apply_display_settings(settings: Settings, screen: pygame.Surface) -> pygame.Surface:
    """Size and full screen as the settings say (changed on the title screen)."""
    full = bool(screen.get_flags() & pygame.FULLSCREEN)
    if settings.fullscreen != full:
        try:
            pygame.display.toggle_fullscreen()
        except pygame.error:
            settings.fullscreen = full
    elif not full and (settings.width, settings.height) != screen.get_size():
        pygame.display.set_mode((settings.width, settings.height), pygame.RESIZABLE)
    return pygame.display.get_surface()


def start_window(controller: Controller, size: tuple[int, int], settings: Settings) -> Window:
    """The game screen after the computer has played any sides before the first human."""
    window = Window(controller, size, settings)
    events = controller.run_ai() if controller.humans else []
    for line in controller.dispatch_lines(events):
        window.add_log(line)
    window.hud.play(controller, events, controller.state.side)
    window.hud.new_turn(controller)
    window.add_log(describe.status_line(controller.state), PROMPT_INK)
    window.saved_at = len(controller.game.commands)  # nothing of the player's to lose yet
    return window


@dataclass
class Shot:
    """A frame drawn off screen."""

    surface: pygame.Surface

    def save_to(self, path: object) -> None:
        pygame.image.save(self.surface, str(path))


def shoot_game(
    controller: Controller, size: tuple[int, int], settings: Settings, report: bool = False
) -> Shot:
    """The game screen's first frame, without the banner or the playback in the way (or the
    after-action report, if asked for)."""
    window = start_window(controller, size, settings)
    if report:
        window.open_report()
    window.hud.banner_until = 0
    window.hud.playback.skip()
    window.hud.popups.clear()
    surface = pygame.Surface(size)
    window.draw(surface)
    return Shot(surface)


def run_title(
    settings: Settings,
    size: tuple[int, int],
    options: PlayOptions,
    title: TitleScreen | None = None,
    max_frames: int = 0,
) -> Controller | None:
    """The title screen's loop until a game is chosen (its controller) or the player leaves."""
    from game.ui.setup import SetupError, make_controller

    title = title or TitleScreen(settings, size)
    pygame.display.set_caption("Two Augusts")
    clock = pygame.time.Clock()
    frames = 0
    while title.running and not (max_frames and frames >= max_frames):
        frames += 1
        for event in wait_for_events(False) + pygame.event.get():
            title.handle(event)
        title.size = pygame.display.get_surface().get_size()
        if title.chosen is not None:
            c = title.chosen
            scenario = title.scenarios.get(c.scenario) or load_scenario(c.scenario)
            play = PlayOptions(c.scenario, side=c.side, seed=options.seed, load=c.load,
                               fog=c.fog, difficulty=c.difficulty)  # fmt: skip
            try:
                return make_controller(scenario, c.scenario, play)
            except SetupError as exc:
                title.message = str(exc)
                title.chosen = None
        title.draw(pygame.display.get_surface())
        pygame.display.flip()
        clock.tick(MAX_FPS)
    return None

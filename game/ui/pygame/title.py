"""The title screen: the scenarios the game can find (shipped, examples, the user's folder) with
each one's briefing, notes and a map preview; the side to play (each side, hot-seat or watch),
difficulty and fog; loading a saved game; and the window's settings."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pygame

from game.rules import Game
from game.rules.board import Board
from game.scenario import ScenarioError, load_scenario
from game.scenario.catalogue import Entry, catalogue
from game.scenario.models import Scenario
from game.ui.controller import save_dir
from game.ui.pygame.layout import Metrics
from game.ui.pygame.palette import hex_colour
from game.ui.pygame.render import INK, PAPER, Fonts
from game.ui.pygame.settings import Settings
from game.ui.pygame.widgets import MUTED_INK, button, text_block

DIFFICULTIES = ("easy", "normal", "hard")
TITLE_BG = (226, 218, 196)
LIST_HOT = (250, 236, 190)
ERROR_INK = (170, 30, 20)


@dataclass(frozen=True)
class Choice:
    """What the player chose on the title screen: a scenario and how to play it, or a save."""

    scenario: Path
    side: str  # a side id, "both" or "none"
    difficulty: str = "normal"
    fog: bool = False
    load: Path | None = None


@dataclass
class TitleState:
    entries: list[Entry] = field(default_factory=list)
    picked: int = 0
    side: str = ""
    difficulty: str = "normal"
    fog: bool = False
    list_offset: int = 0
    settings_open: bool = False
    saves_open: bool = False


def prose(text: str) -> str:
    """Scenario text as paragraphs: a single line break in the TOML is a space, a blank line
    starts a new paragraph."""
    return re.sub(r"(?<!\n)\n(?!\n)", " ", text.strip()).replace("\n\n", "\n")


class TitleScreen:
    """Draws the title screen and turns clicks into a Choice (or a setting changed)."""

    def __init__(
        self, settings: Settings, size: tuple[int, int], extra_dirs: tuple[Path, ...] = ()
    ) -> None:
        self.settings = settings
        self.size = size
        self.fonts = Fonts()
        entries = [e for e in catalogue(extra_dirs) if e.ok and e.status not in ("ruleset", "part")]
        self.state = TitleState(entries=entries)
        self.hits: list[tuple[pygame.Rect, object]] = []
        self.scenarios: dict[Path, Scenario | None] = {}
        self.boards: dict[Path, Board] = {}
        self.chosen: Choice | None = None
        self.message = ""  # why the last choice could not start
        self.running = True
        self.pick(0)

    @property
    def metrics(self) -> Metrics:
        return Metrics(self.size[0], self.size[1], self.settings.ui_scale)

    def scenario(self) -> Scenario | None:
        if not self.state.entries:
            return None
        path = self.state.entries[self.state.picked].path
        if path not in self.scenarios:
            try:
                self.scenarios[path] = load_scenario(path)
            except (ScenarioError, OSError):
                self.scenarios[path] = None
        return self.scenarios[path]

    def pick(self, i: int) -> None:
        if not self.state.entries:
            return
        self.state.picked = max(0, min(len(self.state.entries) - 1, i))
        sc = self.scenario()
        self.state.side = sc.sides[0].id if sc else ""

    # --- input -----------------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.QUIT:
            self.running = False
        elif event.type == pygame.VIDEORESIZE:
            self.size = (max(640, event.w), max(480, event.h))
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            for rect, action in reversed(self.hits):
                if rect.collidepoint(event.pos):
                    self.act(action)
                    return
        elif event.type == pygame.MOUSEWHEEL:
            self.state.list_offset = max(
                0, min(len(self.state.entries) - 1, self.state.list_offset - event.y)
            )
        elif event.type == pygame.KEYDOWN:
            self.key(event.key)

    def key(self, k: int) -> None:
        if k == pygame.K_UP:
            self.pick(self.state.picked - 1)
        elif k == pygame.K_DOWN:
            self.pick(self.state.picked + 1)
        elif k in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.act("start")
        elif k == pygame.K_ESCAPE:
            if self.state.settings_open or self.state.saves_open:
                self.state.settings_open = self.state.saves_open = False
            else:
                self.running = False

    def act(self, action: object) -> None:
        st = self.state
        if isinstance(action, tuple) and action[0] == "pick":
            self.pick(int(action[1]))
        elif isinstance(action, tuple) and action[0] == "side":
            st.side = str(action[1])
        elif isinstance(action, tuple) and action[0] == "load":
            self.load(Path(str(action[1])))
        elif action == "difficulty":
            st.difficulty = DIFFICULTIES[
                (DIFFICULTIES.index(st.difficulty) + 1) % len(DIFFICULTIES)
            ]
        elif action == "fog":
            st.fog = not st.fog
        elif action == "start" and st.entries and self.scenario() is not None:
            path = st.entries[st.picked].path
            self.chosen = Choice(path, st.side, st.difficulty, st.fog)
        elif action == "saves":
            st.saves_open, st.settings_open = not st.saves_open, False
        elif action == "settings":
            st.settings_open, st.saves_open = not st.settings_open, False
        elif action == "quit":
            self.running = False
        elif isinstance(action, str) and action.startswith("set-"):
            self.change_setting(action[4:])

    def change_setting(self, what: str) -> None:
        s = self.settings
        if what == "size":
            s.cycle_size()
        elif what == "fullscreen":
            s.fullscreen = not s.fullscreen
        elif what == "scale":
            s.cycle_scale()
        elif what == "palette":
            s.cycle_palette()

    def load(self, save: Path) -> None:
        """Resume a save: of the scenario file it names, else of the listed scenario with its
        id, else of the picked one (the game says so if the save does not fit it)."""
        try:
            data = json.loads(save.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}
        data = data if isinstance(data, dict) else {}
        st = self.state
        path = st.entries[st.picked].path if st.entries else None
        named = data.get("scenario_path")
        for e in st.entries:
            if e.name == data.get("scenario_id"):
                path = e.path
        if isinstance(named, str) and Path(named).is_file():
            path = Path(named)
        if path is not None:
            self.chosen = Choice(path, self.side_in(path), st.difficulty, st.fog, load=save)

    def side_in(self, path: Path) -> str:
        """The side picked, if the scenario in `path` has it; else that scenario's first side
        (a save of another scenario than the one picked in the list)."""
        if path not in self.scenarios:
            try:
                self.scenarios[path] = load_scenario(path)
            except (ScenarioError, OSError):
                self.scenarios[path] = None
        sc = self.scenarios[path]
        ids = [s.id for s in sc.sides] if sc else []
        if self.state.side in ids or self.state.side in ("both", "none") or not ids:
            return self.state.side
        return ids[0]

    # --- drawing ---------------------------------------------------------------------------

    def draw(self, surf: pygame.Surface) -> None:
        self.hits = []
        m = self.metrics
        w, h = surf.get_size()
        surf.fill(TITLE_BG)
        pad = m.px(20)
        y = text_block(surf, self.fonts, "Two Augusts", (pad, pad), m.font(34), w, INK, True)
        y = text_block(
            surf,
            self.fonts,
            "The Soviet-Japanese war: Khalkhin Gol 1939 and Manchuria 1945",
            (pad, y),
            m.font(15),
            w - 2 * pad,
            MUTED_INK,
        )
        list_w = int(w * 0.3)
        top = y + m.px(16)
        self._draw_list(surf, pygame.Rect(pad, top, list_w, h - top - pad - m.px(50)))
        detail = pygame.Rect(pad * 2 + list_w, top, w - list_w - 3 * pad, h - top - pad - m.px(50))
        if self.state.settings_open:
            self._draw_settings(surf, detail)
        elif self.state.saves_open:
            self._draw_saves(surf, detail)
        else:
            self._draw_detail(surf, detail)
        self._draw_buttons(surf, pygame.Rect(pad, h - pad - m.px(40), w - 2 * pad, m.px(40)))
        if self.message:
            text_block(
                surf,
                self.fonts,
                self.message,
                (w // 2, h - pad - m.px(40)),
                m.font(12),
                w // 2 - pad,
                ERROR_INK,
            )

    def _draw_list(self, surf: pygame.Surface, area: pygame.Rect) -> None:
        m = self.metrics
        font = self.fonts.get(m.font(14), True)
        small = self.fonts.get(m.font(11))
        row_h = font.get_linesize() + small.get_linesize() + m.px(8)
        pygame.draw.rect(surf, PAPER, area, border_radius=6)
        pygame.draw.rect(surf, INK, area, 1, border_radius=6)
        y = area.y + m.px(6)
        for i, e in enumerate(
            self.state.entries[self.state.list_offset :], start=self.state.list_offset
        ):
            if y + row_h > area.bottom:
                break
            row = pygame.Rect(area.x + 4, y, area.width - 8, row_h - 4)
            if i == self.state.picked:
                pygame.draw.rect(surf, LIST_HOT, row, border_radius=4)
                pygame.draw.rect(surf, INK, row, 1, border_radius=4)
            text_block(
                surf,
                self.fonts,
                e.title,
                (row.x + 6, row.y + 2),
                m.font(14),
                row.width - 12,
                INK,
                True,
            )
            surf.blit(
                small.render(f"{e.source}: {e.name}", True, MUTED_INK),
                (row.x + 6, row.y + font.get_linesize() + 2),
            )
            self.hits.append((row, ("pick", i)))
            y += row_h

    def _draw_detail(self, surf: pygame.Surface, area: pygame.Rect) -> None:
        m = self.metrics
        sc = self.scenario()
        if sc is None:
            text_block(surf, self.fonts, "No scenario found.", area.topleft, m.font(14), area.width)
            return
        preview_w = int(area.width * 0.42)
        self._draw_preview(
            surf, sc, pygame.Rect(area.right - preview_w, area.y, preview_w, int(area.height * 0.6))
        )
        text_w = area.width - preview_w - m.px(16)
        y = text_block(surf, self.fonts, sc.meta.title, area.topleft, m.font(20), text_w, INK, True)
        y = self._draw_choices(surf, sc, area.x, y + m.px(8), text_w)
        brief = sc.meta.briefing.get(self.state.side, "")
        surf.set_clip(area)
        for text in (sc.meta.description, brief, sc.meta.notes and "Notes: " + sc.meta.notes):
            if text and y < area.bottom - m.px(30):
                block = prose(text)
                at = (area.x, y + m.px(6))
                y = text_block(surf, self.fonts, block, at, m.font(12), text_w, hang=False)
        surf.set_clip(None)

    def _draw_choices(self, surf: pygame.Surface, sc: Scenario, x: int, y: int, width: int) -> int:
        m = self.metrics
        size = m.font(12)
        h = size + m.px(12)
        options = [(side.adjective or side.name.split(" (")[0], side.id) for side in sc.sides]
        options += [("Hot-seat", "both"), ("Watch", "none")]
        bw = max(m.px(60), (width - len(options) * 4) // len(options))
        for i, (label, side) in enumerate(options):
            rect = pygame.Rect(x + i * (bw + 4), y, bw, h)
            button(surf, self.fonts, label, rect, size, active=self.state.side == side)
            self.hits.append((rect, ("side", side)))
        y += h + m.px(6)
        diff = pygame.Rect(x, y, m.px(170), h)
        button(surf, self.fonts, f"Difficulty: {self.state.difficulty}", diff, size)
        self.hits.append((diff, "difficulty"))
        fog = pygame.Rect(diff.right + m.px(8), y, m.px(120), h)
        button(
            surf,
            self.fonts,
            f"Fog: {'on' if self.state.fog else 'off'}",
            fog,
            size,
            active=self.state.fog,
        )
        self.hits.append((fog, "fog"))
        return y + h + m.px(6)

    def _draw_preview(self, surf: pygame.Surface, sc: Scenario, area: pygame.Rect) -> None:
        """The scenario's map in miniature, with the place names worth victory points."""
        path = self.state.entries[self.state.picked].path
        board = self.boards.get(path)
        if board is None:
            board = self.boards[path] = Game(sc, 1).state.board
        cell = max(1.0, min(area.width / (board.width + 0.5), area.height / (board.height + 0.5)))
        for h in board.hexes:
            c = board.coord[h]
            x = area.x + int(cell * (c[0] + 0.5 * (c[1] & 1)))
            surf.fill(
                hex_colour(board.terrain[h].colour),
                (x, area.y + int(cell * c[1]), int(cell + 1), int(cell + 1)),
            )
        font = self.fonts.get(self.metrics.font(10), True)
        taken: list[pygame.Rect] = []
        for p in sorted(sc.places, key=lambda p: -p.vp):
            if p.vp:
                x = area.x + int(cell * (p.at[0] + 0.5 * (p.at[1] & 1)))
                y = area.y + int(cell * p.at[1])
                pygame.draw.circle(surf, INK, (x, y), 3)
                img = font.render(p.name.split(" (")[0], True, INK)
                rect = img.get_rect(midleft=(x + 5, y))
                if rect.collidelist(taken) < 0:
                    taken.append(rect)
                    surf.blit(img, rect)

    def _draw_saves(self, surf: pygame.Surface, area: pygame.Rect) -> None:
        m = self.metrics
        y = text_block(
            surf, self.fonts, "Load a saved game", area.topleft, m.font(18), area.width, INK, True
        )
        folder = save_dir()
        saves = (
            sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
            if folder.is_dir()
            else []
        )
        if not saves:
            text_block(
                surf, self.fonts, f"No saves in {folder}.", (area.x, y + 6), m.font(13), area.width
            )
        size = m.font(13)
        for save in saves[:12]:
            rect = pygame.Rect(area.x, y + 6, min(area.width, m.px(420)), size + m.px(12))
            button(surf, self.fonts, save.stem, rect, size)
            self.hits.append((rect, ("load", str(save))))
            y = rect.bottom

    def _draw_settings(self, surf: pygame.Surface, area: pygame.Rect) -> None:
        m = self.metrics
        s = self.settings
        y = text_block(
            surf, self.fonts, "Settings", area.topleft, m.font(18), area.width, INK, True
        )
        rows = [
            (f"Window size: {s.width} x {s.height}", "set-size"),
            (f"Full screen: {'on' if s.fullscreen else 'off'}", "set-fullscreen"),
            (f"UI scale: {s.ui_scale:g}", "set-scale"),
            (f"Palette: {s.palette}", "set-palette"),
        ]
        size = m.font(13)
        for label, action in rows:
            rect = pygame.Rect(area.x, y + m.px(6), m.px(320), size + m.px(12))
            button(surf, self.fonts, label, rect, size)
            self.hits.append((rect, action))
            y = rect.bottom
        text_block(
            surf,
            self.fonts,
            "Size and full screen apply when the game starts; the rest at once.",
            (area.x, y + m.px(10)),
            m.font(12),
            area.width,
            MUTED_INK,
        )

    def _draw_buttons(self, surf: pygame.Surface, area: pygame.Rect) -> None:
        m = self.metrics
        size = m.font(14)
        labels = [
            ("Start", "start"),
            ("Load game", "saves"),
            ("Settings", "settings"),
            ("Quit", "quit"),
        ]
        bw = m.px(150)
        for i, (label, action) in enumerate(labels):
            rect = pygame.Rect(area.x + i * (bw + m.px(10)), area.y, bw, area.height)
            button(surf, self.fonts, label, rect, size, active=action == "start")
            self.hits.append((rect, action))

"""The window's settings (size, full screen, UI scale, palette), kept in the user's config
folder as JSON so the next game opens the same way. A damaged file is ignored, never fatal."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from game.ui.pygame.layout import UI_SCALES
from game.ui.pygame.palette import PALETTES

WINDOW_SIZES = ((1280, 800), (1600, 900), (1920, 1080), (1024, 700))


@dataclass
class Settings:
    width: int = 1280
    height: int = 800
    fullscreen: bool = False
    ui_scale: float = 1.0
    palette: str = "standard"

    def cycle_scale(self) -> None:
        i = UI_SCALES.index(self.ui_scale) if self.ui_scale in UI_SCALES else 0
        self.ui_scale = UI_SCALES[(i + 1) % len(UI_SCALES)]

    def cycle_palette(self) -> None:
        self.palette = (
            PALETTES[(PALETTES.index(self.palette) + 1) % len(PALETTES)]
            if self.palette in PALETTES
            else PALETTES[0]
        )

    def cycle_size(self) -> None:
        now = (self.width, self.height)
        i = WINDOW_SIZES.index(now) if now in WINDOW_SIZES else -1
        self.width, self.height = WINDOW_SIZES[(i + 1) % len(WINDOW_SIZES)]


def settings_path() -> Path:
    """$TWO_AUGUSTS_CONFIG_DIR/window.json, else the user's config folder."""
    env = os.environ.get("TWO_AUGUSTS_CONFIG_DIR")
    base = (
        Path(env)
        if env
        else Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config") / "two-augusts"
    )
    return base / "window.json"


def load_settings() -> Settings:
    try:
        data = json.loads(settings_path().read_text())
    except (OSError, ValueError):
        return Settings()
    if not isinstance(data, dict):
        return Settings()
    out = Settings()
    for f in fields(Settings):
        value = data.get(f.name)
        wanted = type(getattr(out, f.name))
        if isinstance(value, bool) != (wanted is bool):
            continue
        if isinstance(value, wanted) or (wanted is float and isinstance(value, int)):
            setattr(out, f.name, wanted(value))
    if out.palette not in PALETTES:
        out.palette = "standard"
    if out.ui_scale not in UI_SCALES:
        out.ui_scale = 1.0
    out.width, out.height = max(640, min(out.width, 7680)), max(480, min(out.height, 4320))
    return out


def save_settings(settings: Settings) -> None:
    """Write the settings; a folder that cannot be written is not worth an error."""
    path = settings_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(asdict(settings), indent=2))
    except OSError:
        pass

"""The context every scene receives: settings, theme, sizes, text drawing, translator, caches and services.

One `Context` per running app, passed down explicitly (never a global). It changes only through
its methods (`update_settings`, `resize`), which also invalidate layouts and caches that depend on them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Optional, Sequence

from game.app.browser import WebService
from game.app.history_observer import HistoryService
from game.app.library import ScenarioLibrary
from game.lang.i18n import Translator
from game.store.settings import Settings, save_settings
from game.ui.cache import SurfaceCache
from game.ui.text import TextRenderer
from game.ui.theme import Metrics, Theme, theme_for

KHMER_TEXT_BOOST = 1.1


@dataclass
class Services:
    """What the shell needs beyond drawing: where things are saved and who watches a round."""

    data_dir: Path
    results_dir: Path
    result_file: Optional[Path] = None  # write the result record exactly here (autoplay --out)
    library: Optional[ScenarioLibrary] = None
    observer_factories: Sequence[Callable[[], object]] = ()  # each returns a RoundObserver for a new round
    session: Optional[str] = None
    seed: Optional[int] = None
    shuffle: bool = False
    save_settings: bool = True
    wall_clock: Optional[Callable[[], object]] = None  # returns an aware datetime; None = the real clock
    history: Optional[HistoryService] = None  # learner profiles and history; None when switched off
    warnings: list[str] = field(default_factory=list)
    web: Optional[WebService] = None  # the offline web that verifying opens; None: the verify panel only


class Context:
    def __init__(self, settings: Settings, size: tuple[int, int], services: Services, window: Optional[object] = None) -> None:

        self._text_renderer_class = TextRenderer
        self.settings = settings
        self.services = services
        self.window = window  # game.ui.app.Window, or None in pure tests
        self.time = 0.0  # seconds since the app started, advanced by the app loop (tests and autoplay drive it)
        self.cache = SurfaceCache()
        self._renderers: dict[float, object] = {}
        self.layout_token: tuple = ()
        self.metrics = Metrics.for_window(*size, settings.text_scale)
        self._refresh()

    def _refresh(self) -> None:
        self.theme: Theme = theme_for(self.settings.high_contrast)
        self.tr = Translator(self.settings.language)
        # Khmer glyphs are small for their pixel size; a little more keeps small text readable.
        scale = round(self.metrics.font_scale * (KHMER_TEXT_BOOST if self.settings.language == "km" else 1.0), 3)
        if scale not in self._renderers:
            self._renderers[scale] = self._text_renderer_class(scale=scale)
        self.text = self._renderers[scale]
        self.layout_token = (self.metrics, self.theme.name, self.settings.language)

    @property
    def language(self) -> str:
        return self.settings.language

    @property
    def size(self) -> tuple[int, int]:
        return self.metrics.width, self.metrics.height

    def resize(self, size: tuple[int, int]) -> None:
        width, height = max(320, int(size[0])), max(240, int(size[1]))
        if (width, height) != self.size:
            self.metrics = Metrics.for_window(width, height, self.settings.text_scale)
            self._refresh()

    def update_settings(self, **changes) -> None:
        """Change settings, save them and apply them at once (no restart)."""
        old = self.settings
        self.settings = old.changed(**changes)
        if self.settings == old:
            return
        if self.settings.text_size != old.text_size:
            self.metrics = Metrics.for_window(self.metrics.width, self.metrics.height, self.settings.text_scale)
        self._refresh()
        if self.settings.fullscreen != old.fullscreen and self.window is not None:
            self.window.set_fullscreen(self.settings.fullscreen)
        if self.services.save_settings:
            warning = save_settings(self.services.data_dir, self.settings)
            if warning:
                self.services.warnings.append(warning)

    def wall_now(self):
        """The real date and time (for result records only; rules never see it)."""
        if self.services.wall_clock is not None:
            return self.services.wall_clock()

        return datetime.now(timezone.utc).astimezone()

"""The bundled fonts: where they are and how to open them ready for Khmer.

Holds the font file locations (`assets/fonts/`, found from the package location), a clear error
when they are missing, and `FontSet`, which opens one `pygame.font.Font` per (pixel size, bold, script)
with `set_script` already called ("Khmr" for Khmer runs). Without that call SDL_ttf draws Khmer unshaped.
Must not lay out or draw text (that is `game/ui/text.py`).
"""

from __future__ import annotations

from pathlib import Path

import pygame

FONTS_DIR = Path(__file__).resolve().parent.parent.parent / "assets" / "fonts"
REGULAR_FONT = FONTS_DIR / "NotoSansKhmer-Regular.ttf"
BOLD_FONT = FONTS_DIR / "NotoSansKhmer-Bold.ttf"
EMOJI_FONT = FONTS_DIR / "NotoColorEmoji-Subset.ttf"
LICENSE_FILE = FONTS_DIR / "OFL.txt"
# Noto Color Emoji is a bitmap font with one strike: SDL_ttf only draws it at this size.
EMOJI_FONT_SIZE = 109
KHMER_SCRIPT = "Khmr"
# Latin runs are shaped as Latin: under "Khmr" HarfBuzz skips the font's Latin kerning (AV, To, Wo).
LATIN_SCRIPT = "Latn"


class FontsMissing(RuntimeError):
    """The bundled font files are not where the game expects them."""


def missing_fonts() -> list[Path]:
    """Bundled font files that cannot be found (empty when all is well; `doctor` can show these)."""
    return [path for path in (REGULAR_FONT, BOLD_FONT, EMOJI_FONT) if not path.is_file()]


def open_font(path: Path, pixel_size: int, script: str | None = KHMER_SCRIPT) -> pygame.font.Font:
    """Open a font ready for Khmer: `set_script("Khmr")` is called on every text Font object.

    The emoji font passes `script=None`: under the Khmer script HarfBuzz skips the emoji font's
    ligatures, and flags or ZWJ sequences would come apart.
    """
    if not pygame.font.get_init():
        pygame.font.init()
    if not path.is_file():
        raise FontsMissing(
            f"{path}: font file not found. The game expects its fonts in {FONTS_DIR}; "
            "reinstall the game or run `python tools/build_fonts.py`."
        )
    font = pygame.font.Font(path, pixel_size)
    if script:
        font.set_script(script)
    return font


class FontSet:
    """One shaped Font per (pixel size, bold, script), opened on first use and kept (fonts are small).

    Khmer runs use a Font with script "Khmr", other runs one with "Latn"; both open the same file.
    """

    def __init__(self, regular: Path = REGULAR_FONT, bold: Path = BOLD_FONT):
        self._paths = {False: regular, True: bold}
        self._fonts: dict[tuple[int, bool, str], pygame.font.Font] = {}

    def get(self, pixel_size: int, bold: bool = False, script: str = KHMER_SCRIPT) -> pygame.font.Font:
        key = (max(1, int(pixel_size)), bool(bold), script)
        font = self._fonts.get(key)
        if font is None:
            font = self._fonts[key] = open_font(self._paths[key[1]], key[0], script)
        return font

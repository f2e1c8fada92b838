"""The bundled fonts: where they are and how to open them ready for Khmer.

Holds the font file locations (`assets/fonts/`, found from the package location), a clear error
when they are missing, and `FontSet`, which opens one `pygame.font.Font` per (face, pixel size, bold,
script) with `set_script` already called ("Khmr" for Khmer runs). Without that call SDL_ttf draws
Khmer unshaped. Face 0 is Noto Sans Khmer; faces 1.. are the fallback fonts for the symbols and
letters it lacks (`FALLBACK_FONTS`). `FontSet.covers` says whether a face has a glyph for a
character, read from the font's character map through FreeType (cached per code point).
Must not lay out or draw text (that is `game/ui/text.py`).
"""

from __future__ import annotations

from pathlib import Path

import pygame

from game import resources

FONTS_DIR = resources.fonts_dir()
REGULAR_FONT = FONTS_DIR / "NotoSansKhmer-Regular.ttf"
BOLD_FONT = FONTS_DIR / "NotoSansKhmer-Bold.ttf"
EMOJI_FONT = FONTS_DIR / "NotoColorEmoji-Subset.ttf"
LICENSE_FILE = FONTS_DIR / "OFL.txt"
# Fallback faces, tried in order for characters Noto Sans Khmer has no glyph for (→ ✓ ≤ ′ ₫ ...):
# (regular, bold) pairs cut by tools/build_fonts.py. Today one: a DejaVu Sans subset.
FALLBACK_FONTS = ((FONTS_DIR / "DejaVuSans-Fallback.ttf", FONTS_DIR / "DejaVuSans-Bold-Fallback.ttf"),)
FALLBACK_LICENSE_FILE = FONTS_DIR / "DejaVu-LICENSE.txt"
PRIMARY_FACE = 0
# Noto Color Emoji is a bitmap font with one strike: SDL_ttf only draws it at this size.
EMOJI_FONT_SIZE = 109
KHMER_SCRIPT = "Khmr"
# Latin runs are shaped as Latin: under "Khmr" HarfBuzz skips the font's Latin kerning (AV, To, Wo).
LATIN_SCRIPT = "Latn"


class FontsMissing(RuntimeError):
    """The bundled font files are not where the game expects them."""


def missing_fonts() -> list[Path]:
    """Bundled font files that cannot be found (empty when all is well; `doctor` can show these)."""
    paths = (REGULAR_FONT, BOLD_FONT, EMOJI_FONT, *(path for pair in FALLBACK_FONTS for path in pair))
    return [path for path in paths if not path.is_file()]


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
    """One shaped Font per (face, pixel size, bold, script), opened on first use and kept (fonts are small).

    Face 0 is Noto Sans Khmer: Khmer runs use a Font with script "Khmr", other runs one with
    "Latn" (both open the same file). Faces 1.. are the fallbacks, in order. A missing fallback
    file is not an error: that face then covers nothing (the layout draws a placeholder instead).
    """

    def __init__(self, regular: Path = REGULAR_FONT, bold: Path = BOLD_FONT,
                 fallbacks: tuple[tuple[Path, Path], ...] = FALLBACK_FONTS):
        self._paths = [(regular, bold), *fallbacks]
        self._fonts: dict[tuple[int, int, bool, str], pygame.font.Font] = {}
        self._charmaps: dict[tuple[int, bool], object] = {}
        self._coverage: dict[tuple[int, bool], dict[str, bool]] = {}

    @property
    def face_count(self) -> int:
        return len(self._paths)

    def get(self, pixel_size: int, bold: bool = False, script: str = KHMER_SCRIPT,
            face: int = PRIMARY_FACE) -> pygame.font.Font:
        key = (face, max(1, int(pixel_size)), bool(bold), script)
        font = self._fonts.get(key)
        if font is None:
            font = self._fonts[key] = open_font(self._paths[face][int(key[2])], key[1], script)
        return font

    def covers(self, face: int, bold: bool, ch: str) -> bool:
        """True when `face` has its own glyph for the character `ch` (not the .notdef box).

        Read from the character map with `pygame.freetype` (`get_metrics` gives None for a code
        point the font does not map); SDL_ttf's `Font.metrics` cannot tell, it reports .notdef's
        metrics. Cached per (face, bold, character); a face whose file is missing covers nothing.
        """
        key = (face, bool(bold))
        known = self._coverage.setdefault(key, {})
        answer = known.get(ch)
        if answer is None:
            charmap = self._charmap(face, bool(bold))
            answer = known[ch] = charmap is not None and charmap.get_metrics(ch)[0] is not None
        return answer

    def _charmap(self, face: int, bold: bool):
        key = (face, bold)
        if key not in self._charmaps:
            import pygame.freetype  # only used to read character maps

            if not pygame.freetype.get_init():
                pygame.freetype.init()
            path = self._paths[face][int(bold)]
            if not path.is_file():
                if face == PRIMARY_FACE:
                    open_font(path, 12)  # raises FontsMissing with the usual message
                self._charmaps[key] = None
            else:
                self._charmaps[key] = pygame.freetype.Font(path, 12)
        return self._charmaps[key]

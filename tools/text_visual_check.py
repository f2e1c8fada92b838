"""Draw sample Khmer/English/emoji/symbol paragraphs with highlights to a PNG, for a person to look at.

A visual check of `game/ui/text.py`, not a test: `python tools/text_visual_check.py [OUT.png]`
(default /tmp/feedwise/text-check.png). Line boxes are outlined in faint grey so clipping and
baseline alignment can be judged by eye.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pygame  # noqa: E402

from game.ui.text import TextRenderer  # noqa: E402

def spans(text: str, *pieces: tuple[str, tuple[int, int, int]]) -> list[tuple[int, int, tuple[int, int, int]]]:
    """Highlight spans for the given substrings of `text` (as the rules core would send them)."""
    return [(text.index(piece), text.index(piece) + len(piece), rgb) for piece, rgb in pieces]


YELLOW, BLUE, RED, GREEN = (255, 226, 120), (190, 225, 255), (255, 200, 200), (210, 240, 200)
POST_1 = "ក្រសួងសុខាភិបាលបានប្រកាសថា មិនមានការផ្ទុះជំងឺថ្មីនៅខេត្តសៀមរាបទេ។ សូមកុំចែករំលែកព័ត៌មានមិនពិត! ⚠️🚨"
POST_2 = ("🎁 អបអរសាទរ! អ្នកបានឈ្នះរង្វាន់ $500 ពីធនាគារ ABC Bank 💰💵 ចុចតំណនេះភ្លាមៗ "
          "https://abc-bank-reward.example/claim?id=12345 មុនម៉ោង ១២:០០ ថ្ងៃនេះ! 👉👉")
POST_3 = ("ស្ត្រី ព្រះរាជាណាចក្រកម្ពុជា ក្រសួងសុខាភិបាល ញ្ជ្រូ ក្ត្រ ប៉ុន្តែ គ្រឿង\n"
          "Mixed line: Police say ប៉ូលិសបាននិយាយថា 👮 this is FAKE ❌ 🇰🇭 👍🏽 🦩")
POST_5 = ("ពិន្ទុ d′ ≥ 1.5 → ល្អ ✓ | d′ = 0.8 ✗ ≤ 5 ≈ 3 × 2 ÷ 4 − 1 № 12, 20°C, ½, x², ₫ 50 000, ฿ 100, "
          "$ 5, € 3, ៛ 4000 • “quoted” ‘single’ – — … ← ↑ ↓ ⇒ ★ ✔︎ ✔️ Việt Nam, missing: 中")
POST_4 = "Breaking: Flood warning for Kampong Cham and Takeo 🌊🌧️ — share before it is deleted!!! 😱😱"
SAMPLES = [
    (POST_1, spans(POST_1, ("ក្រសួងសុខាភិបាល", YELLOW), ("សូមកុំចែករំលែកព័ត៌មានមិនពិត", BLUE)), 16, False),
    (POST_2, spans(POST_2, ("https://abc-bank-reward.example/claim?id=12345", RED), ("ភ្លាមៗ", YELLOW)), 16, False),
    (POST_3, spans(POST_3, ("ព្រះរាជាណាចក្រកម្ពុជា", GREEN), ("ប៉ូលិសបាននិយាយថា 👮 this", YELLOW)), 20, False),
    (POST_4, spans(POST_4, ("Breaking:", RED), ("share before it is deleted!!!", YELLOW)), 16, True),
    (POST_5, spans(POST_5, ("d′ ≥ 1.5 → ល្អ", YELLOW), ("≤ 5 ≈ 3", BLUE), ("₫ 50 000, ฿", GREEN)), 18, False),
    (POST_5, spans(POST_5, ("d′ ≥ 1.5 → ល្អ", YELLOW), ("Việt", RED)), 18, True),
]


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/feedwise/text-check.png")
    pygame.font.init()
    renderer = TextRenderer(scale=1.0)
    width = 340
    canvas = pygame.Surface((2 * width + 60, 1600))
    canvas.fill((250, 250, 247))
    x, y = 20, 20
    for text, highlights, size, bold in SAMPLES:
        for column, column_width in enumerate((width, width - 120)):
            layout = renderer.layout(text, column_width, size, bold)
            surface = renderer.render(text, column_width, size, (25, 25, 35), bold, highlights)
            left = x + column * (width + 20)
            for line in layout.lines:
                pygame.draw.rect(canvas, (225, 225, 232), (left, y + line.y, column_width, layout.line_height), 1)
            canvas.blit(surface, (left, y))
        y += max(renderer.layout(text, w, size, bold).height for w in (width, width - 120)) + 24
    picture = canvas.subsurface((0, 0, canvas.get_width(), min(canvas.get_height(), y)))
    pygame.image.save(pygame.transform.scale_by(picture, 2), out)  # doubled, so clipping is easy to see
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

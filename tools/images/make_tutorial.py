"""Draws every image of `scenarios/tutorial/` with the shared kit (deterministic, headless).

Run: `python tools/images/make_tutorial.py`. The prize poster has an English and a Khmer variant.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import kit  # noqa: E402

OUT = kit.REPO_ROOT / "scenarios" / "tutorial" / "images"

TEXT = {
    "en": {"won": "YOU WON!", "prize": "A brand-new motorbike", "fee": "Pay 50,000 riel delivery fee",
           "deadline": "Before 6pm today!"},
    "km": {"won": "អ្នកឈ្នះហើយ!", "prize": "ម៉ូតូថ្មីមួយគ្រឿង", "fee": "បង់ថ្លៃដឹកជញ្ជូន ៥០.០០០ រៀល",
           "deadline": "មុនម៉ោង ៦ល្ងាចថ្ងៃនេះ!"},
}


def make_prize(path: Path, lang: str) -> None:
    t = TEXT[lang]
    c = kit.Canvas(600, 340)
    c.gradient((0, 0, 600, 340), (255, 214, 60), (240, 120, 20))
    c.confetti(90, seed=11)
    c.text(t["won"], (300, 22), 48, kit.DARK_RED, bold=True, anchor="midtop")
    c.text(t["prize"], (300, 92), 22, kit.INK, bold=True, anchor="midtop")
    c.circle((200, 220), 84, (255, 240, 180))
    c.motorbike((200, 270), 2.0, body=kit.RED)
    box = c.rect((340, 150, 240, 170), kit.WHITE, radius=12)
    c.text(t["fee"], (box.centerx, box.top + 10), 15, kit.INK, bold=True, anchor="midtop")
    c.qr_code((box.centerx - 48, box.top + 40, 96, 96), seed=33)
    c.text(t["deadline"], (box.centerx, box.bottom - 30), 15, kit.RED, bold=True, anchor="midtop")
    kit.save(c.surface, path)


def makers() -> dict:
    return kit.makers_table({}, {"prize": make_prize})


if __name__ == "__main__":
    kit.run_makers(makers(), OUT, only=sys.argv[1:] or None)

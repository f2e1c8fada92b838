"""Draws every image of `scenarios/jobs-abroad/` with the shared kit (deterministic, headless).

Run: `python tools/images/make_jobs_abroad.py`. Images with words have an English (`.en.png`) and a
Khmer (`.km.png`) variant; pictures without words are shared by both language files.
"""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import kit  # noqa: E402

OUT = kit.REPO_ROOT / "scenarios" / "jobs-abroad" / "images"

MLO_BLUE = (20, 84, 160)
FAKE_BLUE = (40, 110, 190)

TEXT = {
    "en": {
        "fair_banner": "JOB FAIR  ·  KAMPONG CHAM",
        "fair_free": "FREE ENTRY",
        "desks": ["Garment", "Hotel", "Construction", "Work abroad"],
        "real": "REAL",
        "fake": "FAKE",
        "real_name": "Mekong Labour Office",
        "fake_name": "Mekong Labor Ofice",
        "real_note": "verified · since 2014",
        "fake_note": "no badge · 5 days old",
        "poster_top": "GOVERNMENT PROGRAMME",
        "poster_jobs": "JAPAN · 200 FACTORY JOBS",
        "poster_pay": "$2,000 / month",
        "poster_fee": "Registration fee: 400,000 riel",
        "poster_deadline": "Deadline: tomorrow 5pm",
        "poster_payee": "CHEA SOPHAL",
        "poster_scan": "Scan to pay the officer",
    },
    "km": {
        "fair_banner": "ពិព័រណ៍ការងារ  ·  កំពង់ចាម",
        "fair_free": "ចូលរួមដោយឥតគិតថ្លៃ",
        "desks": ["កាត់ដេរ", "សណ្ឋាគារ", "សំណង់", "ការងារក្រៅប្រទេស"],
        "real": "ពិត",
        "fake": "ក្លែងក្លាយ",
        "real_name": "មន្ទីរការងារមេគង្គ",
        "fake_name": "មន្ទីរការងារមេគង",
        "real_note": "មានសញ្ញាផ្ទៀងផ្ទាត់ · តាំងពីឆ្នាំ២០១៤",
        "fake_note": "គ្មានសញ្ញា · បង្កើតបាន ៥ថ្ងៃ",
        "poster_top": "កម្មវិធីរដ្ឋាភិបាល",
        "poster_jobs": "ជប៉ុន · ការងាររោងចក្រ ២០០ កន្លែង",
        "poster_pay": "$2,000 / ខែ",
        "poster_fee": "ថ្លៃចុះឈ្មោះ៖ ៤០០.០០០ រៀល",
        "poster_deadline": "ផុតកំណត់៖ ថ្ងៃស្អែក ម៉ោង ៥ល្ងាច",
        "poster_payee": "CHEA SOPHAL",
        "poster_scan": "ស្កេន\u200bដើម្បីបង់ប្រាក់\u200bឲ្យមន្ត្រី",
    },
}


def draw_mlo_logo(c: kit.Canvas, center, radius: int, fake: bool = False) -> None:
    """The labour office's round logo; the fake one is off-colour, lopsided and blurred."""
    fill = FAKE_BLUE if fake else MLO_BLUE
    c.circle(center, radius, fill)
    c.circle(center, radius - max(3, radius // 12), kit.WHITE, max(2, radius // 20))
    lotus_center = (center[0] + (radius * 0.06 if fake else 0), center[1] + radius * 0.08)
    c.lotus(lotus_center, round(radius * (0.62 if fake else 0.55)), (250, 200, 210) if fake else (255, 214, 222),
            kit.GOLD)
    c.rect((center[0] - radius * 0.5, center[1] + radius * 0.38, radius, radius * 0.1), kit.GOLD if not fake else (220, 190, 60))


def make_avatar(path: Path, fake: bool) -> None:
    c = kit.Canvas(128, 128, kit.WHITE)
    draw_mlo_logo(c, (64, 64), 62, fake=fake)
    if fake:
        c.pixelate((0, 0, 128, 128), 4)
    kit.save(c.surface, path)


def make_jobfair(path: Path, lang: str) -> None:
    t = TEXT[lang]
    c = kit.Canvas(600, 340)
    c.sky(170, (135, 196, 240), (222, 238, 250))
    c.cloud(70, 40, 0.9)
    c.cloud(430, 30, 1.1)
    c.building((20, 80, 150, 90), (236, 226, 200), roof=(170, 70, 50), rows=2, cols=4)
    c.building((440, 70, 150, 100), (236, 226, 200), roof=(170, 70, 50), rows=2, cols=4)
    c.rect((0, 170, 600, 170), (214, 210, 200))
    for x in range(0, 600, 60):
        c.line((x, 170), (x - 40, 340), (200, 196, 186))
    # banner between two poles
    c.rect((96, 30, 6, 150), (90, 90, 90))
    c.rect((498, 30, 6, 150), (90, 90, 90))
    banner = c.rect((100, 34, 400, 48), MLO_BLUE, radius=4)
    c.text(t["fair_banner"], banner.center, 22, kit.WHITE, bold=True, anchor="center")
    # tents with desks
    for i, label in enumerate(t["desks"]):
        x = 40 + i * 140
        c.polygon([(x - 6, 150), (x + 60, 112), (x + 126, 150)], kit.WHITE)
        c.polygon([(x + 20, 137), (x + 60, 112), (x + 100, 137)], (210, 225, 245))
        c.rect((x, 150, 120, 44), (246, 246, 246))
        c.line((x, 150), (x, 220), (120, 120, 120), 3)
        c.line((x + 120, 150), (x + 120, 220), (120, 120, 120), 3)
        desk = c.rect((x + 12, 196, 96, 22), MLO_BLUE if i % 2 == 0 else (30, 130, 90))
        c.text(label, desk.center, 12, kit.WHITE, bold=True, anchor="center")
        c.person((x + 60, 196), 44, shirt=(240, 240, 240))
    # queue of job-seekers
    shirts = [(200, 60, 60), (60, 140, 200), (240, 180, 40), (90, 160, 90), (150, 90, 170), (230, 120, 60),
              (60, 60, 70), (210, 90, 140), (40, 150, 150), (170, 140, 90)]
    for i, shirt in enumerate(shirts):
        x = 70 + i * 50 + (i % 3) * 6
        c.person((x, 320 - (i % 2) * 8), 72 + (i % 3) * 6, shirt=shirt)
    free = c.rect((470, 290, 118, 36), kit.GREEN, radius=8)
    c.text(t["fair_free"], free.center, 13 if lang == "km" else 15, kit.WHITE, bold=True, anchor="center")
    kit.save(c.surface, path)


def make_office(path: Path) -> None:
    c = kit.Canvas(600, 340, (238, 240, 243))
    # window wall with a city skyline
    c.gradient((0, 0, 600, 170), (160, 205, 240), (225, 238, 248))
    for i, (x, w, h) in enumerate([(10, 60, 120), (80, 50, 150), (140, 70, 100), (230, 40, 140), (280, 80, 120),
                                   (370, 50, 160), (430, 70, 110), (510, 80, 140)]):
        tone = (120 + i * 8, 140 + i * 6, 165 + i * 4)
        c.building((x, 170 - h, w, h), tone, windows=(205, 225, 240), rows=max(3, h // 25), cols=3)
    for x in range(0, 601, 100):
        c.rect((x - 3, 0, 6, 172), (200, 204, 210))
    c.rect((0, 168, 600, 8), (200, 204, 210))
    c.rect((0, 176, 600, 164), (214, 206, 192))
    # desks in perspective rows
    for row, (y, scale) in enumerate(((190, 0.7), (230, 0.85), (280, 1.0))):
        for i in range(5):
            x = 40 + i * 115 + row * 10
            w = 90 * scale
            c.rect((x, y + 24 * scale, w, 8 * scale), kit.WHITE)
            c.rect((x + w * 0.3, y, w * 0.4, 24 * scale), (40, 44, 52), radius=2)
            c.rect((x + w * 0.33, y + 2, w * 0.34, 19 * scale), (90, 150, 210))
            c.rect((x + w * 0.35, y + 32 * scale, w * 0.3, 20 * scale), (60, 60, 70), radius=4)
    c.tree((20, 330), 90, (60, 140, 80))
    c.tree((585, 330), 90, (60, 140, 80))
    kit.save(c.surface, path)


def make_logo_compare(path: Path, lang: str) -> None:
    t = TEXT[lang]
    c = kit.Canvas(600, 300, kit.WHITE)
    for i, fake in enumerate((False, True)):
        x0 = 20 + i * 290
        panel = c.rect((x0, 20, 270, 260), (246, 247, 249), radius=10)
        c.rect(panel, kit.RED if fake else kit.GREEN, radius=10, width=3)
        draw_mlo_logo(c, (panel.centerx, 112), 64, fake=fake)
        if fake:
            c.pixelate((panel.centerx - 66, 46, 132, 132), 3)
        c.text(t["fake_name"] if fake else t["real_name"], (panel.centerx, 190), 18, kit.INK, bold=True, anchor="midtop")
        c.text(t["fake_note"] if fake else t["real_note"], (panel.centerx, 220), 13, kit.GREY, anchor="midtop")
        tag = c.rect((panel.left + 12, panel.top + 12, 96 if lang == "km" else 70, 26), kit.RED if fake else kit.GREEN, radius=6)
        c.text(t["fake"] if fake else t["real"], tag.center, 14, kit.WHITE, bold=True, anchor="center")
        if not fake:
            c.verified_badge((panel.right - 24, panel.top + 24), 10)
    kit.save(c.surface, path)


def make_fake_poster(path: Path, lang: str) -> None:
    t = TEXT[lang]
    c = kit.Canvas(600, 340)
    c.gradient((0, 0, 600, 340), (150, 20, 30), (70, 10, 20))
    draw_mlo_logo(c, (60, 58), 40, fake=True)
    c.pixelate((18, 16, 84, 84), 4)
    c.text(t["poster_top"], (115, 30), 24, kit.GOLD, bold=True)
    c.text(t["poster_jobs"], (115, 66), 20, kit.WHITE, bold=True)
    flag = c.rect((30, 120, 120, 80), kit.WHITE)
    c.circle(flag.center, 24, (200, 20, 40))
    c.rect(flag, (200, 200, 200), width=1)
    c.text(t["poster_pay"], (168, 134), 30, (255, 225, 90), bold=True)
    c.text(t["poster_fee"], (30, 228), 18, kit.WHITE, bold=True)
    c.text(t["poster_deadline"], (30, 262), 18, (255, 200, 80), bold=True)
    c.star((520, 200), 14, kit.GOLD)
    c.star((470, 60), 10, kit.GOLD)
    # KHQR payment card
    card = c.rect((420, 110, 160, 214), kit.WHITE, radius=10)
    head = c.rect((card.left, card.top, card.width, 30), (225, 30, 40), radius=10)
    c.rect((card.left, card.top + 20, card.width, 10), (225, 30, 40))
    c.text("KHQR", head.center, 16, kit.WHITE, bold=True, anchor="center")
    c.qr_code((card.left + 22, card.top + 38, 116, 116), seed=21)
    c.text(t["poster_payee"], (card.centerx, card.top + 160), 13, kit.INK, bold=True, anchor="midtop")
    c.paragraph(t["poster_scan"], (card.left + 8, card.top + 180, card.width - 16, 34), 11, kit.GREY, align="center")
    kit.save(c.surface, path)


def make_border(path: Path) -> None:
    c = kit.Canvas(600, 340)
    c.sky(170, (120, 185, 235), (215, 235, 250))
    c.sun((520, 50), 28)
    c.cloud(120, 50, 1.0)
    c.ground(170, (170, 160, 130))
    c.polygon([(240, 170), (360, 170), (600, 340), (0, 340)], kit.ROAD)
    c.polygon([(297, 170), (303, 170), (310, 340), (290, 340)], (230, 210, 90))
    # checkpoint gate: roof on pillars and a booth
    c.rect((150, 92, 300, 26), (190, 60, 50), radius=3)
    c.polygon([(140, 94), (300, 60), (460, 94)], (200, 150, 60))
    for x in (165, 285, 305, 425):
        c.rect((x, 118, 12, 70), (235, 230, 220))
    c.rect((460, 130, 60, 60), (235, 230, 220))
    c.rect((472, 144, 36, 22), (180, 210, 230))
    c.rect((180, 150, 100, 6), kit.RED)
    c.rect((320, 150, 100, 6), kit.RED)
    c.palm((60, 200), 110)
    c.palm((560, 210), 100)
    # queue of people with bags
    for i in range(7):
        x = 110 + i * 28
        c.person((x, 262 + i * 4), 64 + (i % 2) * 6, shirt=[(60, 120, 190), (200, 80, 60), (90, 150, 90), (230, 180, 60)][i % 4])
        c.rect((x + 6, 238 + i * 4, 14, 16), (120, 90, 60), radius=3)
    c.vehicle((380, 220, 150, 70), (235, 235, 240))
    c.motorbike((250, 330), 0.9, body=(40, 90, 170), rider=(220, 220, 220))
    c.motorbike((500, 330), 0.9, body=kit.RED, rider=(60, 160, 90))
    kit.save(c.surface, path)


def makers() -> dict:
    return kit.makers_table(
        {
            "avatar-mlo.png": partial(make_avatar, fake=False),
            "avatar-mlo-fake.png": partial(make_avatar, fake=True),
            "office.png": make_office,
            "border.png": make_border,
        },
        {"jobfair": make_jobfair, "logo-compare": make_logo_compare, "fake-poster": make_fake_poster},
    )


if __name__ == "__main__":
    kit.run_makers(makers(), OUT, only=sys.argv[1:] or None)

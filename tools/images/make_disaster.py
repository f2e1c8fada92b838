"""Draws every image of `scenarios/disaster/` with the shared kit (deterministic, headless).

Run: `python tools/images/make_disaster.py [name.png ...]`. Images with words have an English
(`.en.png`) and a Khmer (`.km.png`) variant. The flooded street (signs in an invented foreign
script, used out of context) and the village road (a Khmer road sign, as in Cambodia) are shared.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import kit  # noqa: E402
import pygame  # noqa: E402  (after kit, which sets the headless environment)

OUT = kit.REPO_ROOT / "scenarios" / "disaster" / "images"
Z = "\u200b"

TEXT = {
    "en": {
        "chart_title": "Mekong at Kampong Cham: water level (m)",
        "warning": "warning level 15 m",
        "today": "today 13.2 m",
        "days": ["14 days ago", "today"],
        "chart_foot": "National Flood and Disaster Committee · 7:00 update",
        "alert_head": "EMERGENCY ALERT",
        "alert_from": "National Flood Committee",
        "alert_body": "The dam upstream of Battambang has BROKEN. Water will reach the town in 1 hour. Leave your home NOW and go to high ground.",
        "alert_foot": "Share to save lives!",
        "now": "now",
    },
    "km": {
        "chart_title": "ទន្លេមេគង្គ" + Z + "នៅកំពង់ចាម៖ កម្ពស់ទឹក (ម៉ែត្រ)",
        "warning": "កម្រិតប្រុងប្រយ័ត្ន ១៥ ម",
        "today": "ថ្ងៃនេះ ១៣,២ ម",
        "days": ["១៤ ថ្ងៃមុន", "ថ្ងៃនេះ"],
        "chart_foot": "គណៈកម្មាធិការជាតិទឹកជំនន់ និងគ្រោះមហន្តរាយ · ព័ត៌មានម៉ោង ៧:០០",
        "alert_head": "ការជូនដំណឹងបន្ទាន់",
        "alert_from": "គណៈកម្មាធិការជាតិទឹកជំនន់",
        "alert_body": ("ទំនប់ខាងលើ" + Z + "ខេត្តបាត់ដំបង" + Z + "បាក់ហើយ! ទឹកនឹង" + Z + "មកដល់ទីក្រុង" + Z
                       + "ក្នុង ១ ម៉ោង។ ចាកចេញ" + Z + "ពីផ្ទះ" + Z + "ឥឡូវនេះ ហើយ" + Z + "ឡើងទៅ" + Z + "ទីខ្ពស់។"),
        "alert_foot": "ចែករំលែក" + Z + "ដើម្បីសង្គ្រោះជីវិត!",
        "now": "ឥឡូវ",
    },
}


def make_river_chart(path: Path, lang: str) -> None:
    t = TEXT[lang]
    c = kit.Canvas(600, 340, kit.WHITE)
    c.rect((0, 0, 600, 40), kit.NAVY)
    c.text(t["chart_title"].replace(Z, ""), (16, 20), 17, kit.WHITE, bold=True, anchor="midleft")
    levels = [10.6, 10.8, 11.0, 11.1, 11.3, 11.5, 11.7, 11.9, 12.1, 12.3, 12.5, 12.7, 13.0, 13.2]
    rect = pygame.Rect(20, 54, 560, 250)
    c.line_chart(rect, levels, y_min=0, y_max=16, color=kit.FB_BLUE, labels=t["days"], fill_alpha=60)
    plot = pygame.Rect(rect.left + 48, rect.top + 6, rect.width - 56, rect.height - 28)
    y15 = plot.bottom - plot.height * 15 / 16
    for x in range(plot.left, plot.right, 14):
        c.line((x, y15), (min(x + 8, plot.right), y15), kit.RED, 2)
    c.text(t["warning"], (plot.left + 8, y15 - 3), 13, kit.RED, bold=True, anchor="bottomleft")
    last = (plot.right, plot.bottom - plot.height * 13.2 / 16)
    c.circle((round(last[0]), round(last[1])), 6, kit.NAVY)
    c.text(t["today"], (last[0] - 10, last[1] - 8), 13, kit.NAVY, bold=True, anchor="bottomright")
    c.text(t["chart_foot"], (300, 326), 12, kit.GREY, anchor="center")
    kit.save(c.surface, path)


def pseudo_script(c: kit.Canvas, rect, color, seed: int) -> None:
    """Squiggles that read as writing in a foreign script without being any real language."""
    r = pygame.Rect(rect)
    rng = random.Random(seed)
    x = r.left + 4
    while x < r.right - 12:
        w = rng.randrange(8, 14)
        kind = rng.randrange(4)
        mid = r.centery
        if kind == 0:
            pygame.draw.arc(c.surface, color, (x, mid - 7, w, 14), 0, 3.3, 2)
        elif kind == 1:
            c.line((x, mid - 6), (x + w, mid + 6), color, 2)
            c.line((x, mid + 6), (x + w // 2, mid), color, 2)
        elif kind == 2:
            c.circle((x + w // 2, mid), w // 2 - 1, color, 2)
        else:
            c.line((x, mid - 7), (x, mid + 7), color, 2)
            c.line((x, mid - 7), (x + w, mid - 7), color, 2)
        x += w + 3


def make_flood_street(path: Path) -> None:
    c = kit.Canvas(600, 340)
    c.sky(150, (150, 160, 170), (200, 205, 210))
    walls = [(176, 150, 130), (200, 190, 170), (150, 160, 170), (190, 160, 120), (170, 175, 160)]
    for i, x in enumerate(range(-10, 600, 122)):
        h = 150 + (i % 3) * 30
        c.building((x, 230 - h, 116, h + 40), walls[i % len(walls)], windows=(120, 130, 140), rows=4, cols=3)
        board = c.rect((x + 8, 236 - h // 3, 100, 24), [(200, 40, 40), (30, 90, 160), (230, 180, 30)][i % 3])
        pseudo_script(c, board.inflate(-8, 0), kit.WHITE, seed=i + 1)
    for x in (60, 300, 520):
        c.line((x, 230), (x, 60), (70, 70, 70), 4)
    c.line((0, 80), (600, 96), (60, 60, 60), 1)
    # cars half under water, one on its side
    c.rect((60, 186, 130, 44), (180, 30, 30), radius=10)
    c.rect((80, 166, 86, 28), (150, 200, 230), radius=8)
    car = pygame.Surface((130, 46), pygame.SRCALPHA)
    pygame.draw.rect(car, (235, 235, 235), (0, 10, 130, 36), border_radius=10)
    pygame.draw.rect(car, (150, 200, 230), (20, 0, 80, 20), border_radius=8)
    rotated = pygame.transform.rotate(car, 78)
    c.surface.blit(rotated, (410, 120))
    c.water(208, color=(125, 108, 78), wave=(155, 138, 106), seed=7)
    for i, x in enumerate((240, 310, 540)):
        c.person((x, 300 + i * 6), 120, shirt=[(40, 90, 160), (200, 160, 40), (80, 80, 80)][i])
    c.water(252, color=(125, 108, 78), wave=(155, 138, 106), seed=11)
    # floating debris
    c.rect((140, 270, 40, 10), (150, 110, 60), radius=3)
    c.circle((380, 300), 9, (60, 120, 200))
    c.overlay((90, 90, 100), 40)
    kit.save(c.surface, path)


def make_fake_alert(path: Path, lang: str) -> None:
    t = TEXT[lang]
    c = kit.Canvas(600, 340, (40, 44, 60))
    c.gradient((0, 0, 600, 340), (40, 50, 90), (120, 60, 90))
    screen = c.phone_frame((150, 6, 300, 360), screen=(30, 36, 60))
    c.status_bar((screen.left, screen.top + 2, screen.width, 24), "21:47", dark=True)
    c.text("21:47", (screen.centerx, screen.top + 34), 40, kit.WHITE, bold=True, anchor="midtop")
    card = c.rect((screen.left + 10, screen.top + 96, screen.width - 20, 220), (200, 30, 30), radius=14)
    c.warning_triangle((card.left + 26, card.top + 24), 30, fill=(255, 220, 0))
    c.text(t["alert_head"], (card.left + 48, card.top + 24), 18, kit.WHITE, bold=True, anchor="midleft")
    c.text(t["now"], (card.right - 10, card.top + 24), 12, (255, 220, 220), anchor="midright")
    # a blurred, wrong-looking logo
    logo = pygame.Surface((28, 28), pygame.SRCALPHA)
    pygame.draw.circle(logo, (255, 255, 255), (14, 14), 13)
    pygame.draw.circle(logo, (30, 90, 160), (14, 14), 9)
    logo = pygame.transform.smoothscale(pygame.transform.smoothscale(logo, (7, 7)), (28, 28))
    c.surface.blit(logo, (card.left + 12, card.top + 44))
    c.text(t["alert_from"], (card.left + 46, card.top + 58), 13, (255, 230, 230), bold=True, anchor="midleft")
    c.paragraph(t["alert_body"], (card.left + 12, card.top + 80, card.width - 24, 110), 15, kit.WHITE, line_gap=0)
    c.text(t["alert_foot"].replace(Z, ""), (card.centerx, card.bottom - 16), 14, (255, 230, 0), bold=True, anchor="center")
    kit.save(c.surface, path)


def draw_pagoda_roof(c: kit.Canvas, x: int, y: int, w: int) -> None:
    """Stacked, upswept roofs in orange and green with a gold spire: a Khmer pagoda."""
    for i, color in enumerate([(200, 80, 30), (40, 120, 80), (210, 100, 40)]):
        ww = w - i * w // 4
        top = y - i * 22
        cx = x + w // 2
        c.polygon([(cx - ww // 2 - 12, top + 4), (cx - ww // 2, top + 10), (cx + ww // 2, top + 10),
                   (cx + ww // 2 + 12, top + 4), (cx + ww // 3, top - 18), (cx - ww // 3, top - 18)], color)
    c.polygon([(x + w // 2 - 4, y - 62), (x + w // 2 + 4, y - 62), (x + w // 2, y - 96)], kit.GOLD)
    c.rect((x + 20, y + 10, w - 40, 40), (240, 220, 180))


def make_village_road(path: Path) -> None:
    c = kit.Canvas(600, 340)
    c.sky(180, (140, 180, 220), (225, 235, 240))
    c.cloud(80, 50, 1.2)
    c.cloud(420, 36, 1.0)
    c.ground(180, (110, 160, 90))
    draw_pagoda_roof(c, 330, 150, 200)
    for x, h in ((40, 120), (110, 100), (560, 130), (290, 90)):
        c.palm((x, 190), h)
    c.tree((200, 190), 70)
    # the road comes towards us out of the water; the flooded stretch is in the middle
    c.polygon([(150, 340), (450, 340), (330, 196), (280, 196)], (196, 176, 136))
    c.rect((0, 214, 600, 70), (118, 108, 84))
    rng = random.Random(5)
    for _ in range(30):
        x, y = rng.randrange(0, 600), rng.randrange(220, 280)
        c.line((x, y), (x + rng.randrange(14, 40), y), (165, 158, 135), 2)
    # warning sign on the dry shoulder
    c.line((470, 320), (470, 232), (90, 90, 90), 5)
    sign = c.rect((418, 200, 108, 40), kit.RED, radius=6)
    c.text("ប្រយ័ត្ន! ទឹកជន់", sign.center, 15, kit.WHITE, bold=True, anchor="center")
    # a man pushing a motorbike through knee-deep water
    c.person((222, 292), 96, shirt=(60, 110, 170))
    c.circle((246, 272), 16, (30, 30, 30), 5)
    c.circle((322, 272), 16, (30, 30, 30), 5)
    c.polygon([(240, 262), (330, 262), (318, 240), (262, 240)], (190, 30, 40))
    c.rect((256, 230, 46, 12), (30, 30, 30), radius=5)
    c.line((322, 262), (332, 222), (60, 60, 60), 4)
    c.line((324, 222), (342, 222), (60, 60, 60), 4)
    c.circle((336, 236), 5, (250, 240, 180))
    c.line((228, 244), (262, 240), (196, 150, 110), 5)
    c.rect((0, 262, 600, 22), (118, 108, 84))
    for x in range(0, 600, 40):
        c.line((x, 266 + (x // 40) % 3 * 5), (x + 24, 266 + (x // 40) % 3 * 5), (165, 158, 135), 2)
    c.polygon([(163, 326), (437, 326), (420, 284), (180, 284)], (196, 176, 136))
    c.rect((0, 326, 600, 14), (120, 150, 90))
    kit.save(c.surface, path)


def make_market_stall(path: Path) -> None:
    """A vegetable stall under a tarpaulin: bunches of morning glory, tomatoes, a seller and her scales."""
    c = kit.Canvas(600, 340, (236, 228, 210))
    c.rect((0, 0, 600, 70), (40, 110, 170))
    for x in range(0, 600, 60):
        c.polygon([(x, 70), (x + 60, 70), (x + 30, 92)], (40, 110, 170))
    c.rect((0, 250, 600, 90), (120, 100, 80))
    c.person((470, 250), 130, shirt=(200, 60, 90))
    c.rect((30, 170, 540, 90), (150, 110, 70), radius=4)
    rng = random.Random(9)
    for i in range(7):
        x = 50 + i * 44
        for j in range(5):
            c.line((x + j * 5, 214), (x + j * 6 - 6, 150 + rng.randrange(0, 14)), (60, 150, 60), 4)
        c.rect((x - 4, 206, 34, 10), (230, 200, 90), radius=3)
    for i in range(12):
        c.circle((390 + (i % 4) * 22, 222 - (i // 4) * 18), 11, (215, 50, 40))
    c.rect((360, 240, 40, 10), (90, 90, 90), radius=3)
    c.circle((380, 232), 14, (200, 200, 205))
    kit.save(c.surface, path)


def makers() -> dict:
    return kit.makers_table(
        {"flood-street.png": make_flood_street, "village-road.png": make_village_road, "market-stall.png": make_market_stall},
        {"river-level-chart": make_river_chart, "fake-alert": make_fake_alert},
    )


if __name__ == "__main__":
    kit.run_makers(makers(), OUT, only=sys.argv[1:] or None)

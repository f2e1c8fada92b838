"""Draws every image of `scenarios/division/` with the shared kit (deterministic, headless).

Run: `python tools/images/make_division.py [name.png ...]`. Images with words have an English
(`.en.png`) and a Khmer (`.km.png`) variant; the festival crowd and the clean-up have no words
and are shared. Nothing here names or depicts a real group: the targets are invented and generic.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import kit  # noqa: E402
import pygame  # noqa: E402  (after kit, which sets the headless environment)

OUT = kit.REPO_ROOT / "scenarios" / "division" / "images"
Z = "\u200b"

TEXT = {
    "en": {
        "chart_title": "THEFTS EXPLODE!",
        "months": ["March", "April"],
        "arrow": "+300% since the factory opened",
        "page": "Proud True Khmer",
        "list_title": "POLICE STATISTICS – CONFIDENTIAL",
        "rows": [("Crimes by outsiders", "80%"), ("Crimes by locals", "20%")],
        "list_note": "Do not share. Internal use only.",
        "stamp": "SECRET",
        "full_title": "Phone thefts around the central market, per month",
        "full_days": ["2 years ago", "now"],
        "full_factory": "factory opens",
        "full_foot": "Source: Battambang Town Community Safety Office, monthly reports",
        "full_stamp": "FACT CHECK",
        "send_title": "What the money sent home pays for (% of workers)",
        "send_labels": ["school fees", "medicine", "farm costs", "debts", "other"],
        "send_foot": "Survey of 1,200 garment and shoe workers · Tonle Institute for Social Research",
    },
    "km": {
        "chart_title": "ចោរកម្មផ្ទុះឡើង!",
        "months": ["មីនា", "មេសា"],
        "arrow": "+៣០០% តាំងពីរោងចក្របើក",
        "page": "មោទនភាពខ្មែរពិត",
        "list_title": "ស្ថិតិនគរបាល – សម្ងាត់",
        "rows": [("ឧក្រិដ្ឋកម្មដោយអ្នកខាងក្រៅ", "៨០%"), ("ឧក្រិដ្ឋកម្មដោយអ្នកក្នុងតំបន់", "២០%")],
        "list_note": "ហាមចែករំលែក។ ប្រើប្រាស់ផ្ទៃក្នុងតែប៉ុណ្ណោះ។",
        "stamp": "សម្ងាត់",
        "full_title": "ចោរកម្មទូរសព្ទ" + Z + "ជុំវិញផ្សារកណ្ដាល" + Z + "ក្នុងមួយខែ",
        "full_days": ["២ ឆ្នាំមុន", "ឥឡូវ"],
        "full_factory": "រោងចក្របើក",
        "full_foot": "ប្រភព៖ ការិយាល័យសុវត្ថិភាពសហគមន៍ក្រុងបាត់ដំបង របាយការណ៍ប្រចាំខែ",
        "full_stamp": "ពិនិត្យការពិត",
        "send_title": "លុយផ្ញើទៅផ្ទះ" + Z + "ប្រើសម្រាប់អ្វី (% នៃកម្មករ)",
        "send_labels": ["ថ្លៃសាលា", "ថ្នាំពេទ្យ", "ស្រែចម្ការ", "សងបំណុល", "ផ្សេងៗ"],
        "send_foot": "ការស្ទង់មតិលើកម្មករកាត់ដេរ និងស្បែកជើង ១ ២០០ នាក់ · វិទ្យាស្ថានទន្លេសម្រាប់ការស្រាវជ្រាវសង្គម",
    },
}


def make_crime_chart(path: Path, lang: str) -> None:
    t = TEXT[lang]
    c = kit.Canvas(600, 340, (255, 245, 235))
    c.rect((0, 0, 600, 54), kit.DARK_RED)
    c.text(t["chart_title"], (300, 27), 28, kit.WHITE, bold=True, anchor="center")
    c.bar_chart((30, 70, 330, 240), [3, 12], t["months"], y_min=0, y_max=14, color=(200, 120, 110),
                highlight_last=kit.RED, tick_count=7)
    c.line((140, 236), (206, 128), kit.DARK_RED, 7)
    c.polygon([(216, 110), (192, 124), (216, 136)], kit.DARK_RED)
    box = c.rect((372, 110, 210, 120), (255, 230, 0), radius=12)
    c.paragraph(t["arrow"], box.inflate(-24, -24), 22, kit.DARK_RED, bold=True, align="center")
    c.text(t["page"], (586, 326), 13, kit.GREY, bold=True, anchor="bottomright")
    kit.save(c.surface, path)


def make_full_theft_chart(path: Path, lang: str) -> None:
    """The fact-checker's honest chart: two years of monthly figures, axis from zero, no rise."""
    t = TEXT[lang]
    c = kit.Canvas(600, 340, kit.WHITE)
    c.rect((0, 0, 600, 40), kit.NAVY)
    c.text(t["full_title"].replace(Z, ""), (16, 20), 17, kit.WHITE, bold=True, anchor="midleft")
    values = [9, 11, 7, 14, 8, 10, 6, 12, 9, 13, 5, 8, 10, 7, 11, 9, 12, 8, 3, 12, 10, 8, 13, 9]
    rect = pygame.Rect(20, 54, 560, 240)
    c.line_chart(rect, values, y_min=0, y_max=16, color=kit.FB_BLUE, labels=t["full_days"], fill_alpha=50)
    plot = pygame.Rect(rect.left + 48, rect.top + 6, rect.width - 56, rect.height - 28)
    x = plot.left + plot.width * 18.5 / (len(values) - 1)
    for y in range(plot.top, plot.bottom, 12):
        c.line((x, y), (x, min(y + 6, plot.bottom)), kit.GREY, 2)
    c.text(t["full_factory"], (x - 6, plot.top + 34), 12, kit.GREY, bold=True, anchor="topright")
    c.text(t["full_foot"], (300, 318), 11, kit.GREY, anchor="center")
    box = c.rect((436, 50, 148, 30), kit.RED, radius=6)
    c.text(t["full_stamp"], box.center, 15, kit.WHITE, bold=True, anchor="center")
    kit.save(c.surface, path)


def make_remittance_chart(path: Path, lang: str) -> None:
    """The survey's honest bar chart: what the money sent home pays for, axis from zero."""
    t = TEXT[lang]
    c = kit.Canvas(600, 340, kit.WHITE)
    c.rect((0, 0, 600, 40), kit.NAVY)
    c.text(t["send_title"].replace(Z, ""), (16, 20), 17, kit.WHITE, bold=True, anchor="midleft")
    c.bar_chart((20, 56, 560, 240), [64, 48, 41, 22, 15], t["send_labels"], y_min=0, y_max=80,
                color=kit.FB_BLUE, tick_count=4)
    c.text(t["send_foot"], (300, 318), 11, kit.GREY, anchor="center")
    kit.save(c.surface, path)


def make_festival_crowd(path: Path) -> None:
    c = kit.Canvas(600, 340)
    c.gradient((0, 0, 600, 170), (60, 50, 110), (250, 160, 110))
    c.rect((0, 130, 600, 12), (40, 40, 60))
    sky_rng = random.Random(3)
    x = 0
    while x < 600:
        w, h = sky_rng.randrange(24, 70), sky_rng.randrange(10, 50)
        c.rect((x, 130 - h, w, h + 4), (50, 50, 70))
        for wy in range(130 - h + 6, 126, 9):
            for wx in range(x + 5, x + w - 5, 9):
                if sky_rng.random() < 0.35:
                    c.rect((wx, wy, 3, 3), (250, 220, 140))
        x += w + sky_rng.randrange(0, 12)
    for k in range(3):
        tx = 420 + k * 18
        c.polygon([(tx - 10, 100), (tx + 10, 100), (tx, 70 - k * 6)], (50, 50, 70))
    c.water(150, color=(70, 90, 120), wave=(120, 140, 170), seed=4)
    # long racing boats with rows of rowers
    for row, (x0, y0, paint) in enumerate([(30, 176, (200, 40, 40)), (250, 206, (30, 120, 200))]):
        c.polygon([(x0, y0), (x0 + 320, y0), (x0 + 340, y0 - 14), (x0 + 300, y0 + 10), (x0 + 14, y0 + 10)], paint)
        for k in range(22):
            c.circle((x0 + 20 + k * 13, y0 - 6), 4, (40, 30, 30))
            c.line((x0 + 20 + k * 13, y0 - 2), (x0 + 14 + k * 13, y0 + 14), (220, 200, 150), 2)
    # strings of coloured lights
    rng = random.Random(8)
    colours = [(255, 220, 80), (255, 120, 120), (120, 220, 255), (160, 255, 140)]
    for y in (30, 56):
        for x in range(0, 600, 14):
            yy = y + int(10 * ((x / 300.0 - 1) ** 2))
            c.circle((x, yy), 3, colours[rng.randrange(4)])
    # the crowd on the near bank: many heads and shoulders
    c.rect((0, 250, 600, 90), (90, 80, 70))
    shirts = [(230, 230, 235), (200, 80, 80), (80, 140, 210), (240, 190, 60), (120, 90, 170), (60, 150, 120), (240, 140, 60)]
    for layer, (y, size) in enumerate([(268, 9), (292, 11), (320, 13)]):
        for i in range(60):
            x = (i * 37 + layer * 17) % 620 - 10
            c.rect((x - size, y, size * 2, size * 2 + 6), shirts[(i + layer) % len(shirts)], radius=5)
            c.circle((x, y - 2), size - 2, (60, 40, 30))
    c.overlay((255, 200, 150), 20)
    kit.save(c.surface, path)


def make_cleanup(path: Path) -> None:
    c = kit.Canvas(600, 340)
    c.sky(120)
    c.sun((520, 50), 24)
    c.cloud(120, 40, 1.1)
    c.water(120, color=(90, 150, 170), wave=(150, 200, 210), seed=2)
    c.rect((0, 190, 600, 150), (110, 170, 90))
    for x, h in ((30, 90), (560, 110)):
        c.palm((x, 200), h)
    shirts = [(230, 80, 80), (60, 130, 210), (250, 200, 60), (240, 240, 240), (120, 90, 170), (60, 160, 110)]
    for i, x in enumerate(range(70, 560, 70)):
        base = 300 + (i % 2) * 18
        if i == 3:
            # a monk in a saffron robe
            c.polygon([(x - 14, base - 60), (x + 14, base - 60), (x + 18, base), (x - 18, base)], (235, 140, 30))
            c.circle((x, base - 70), 10, (196, 150, 110))
        else:
            c.person((x, base), 80 + (i % 3) * 6, shirt=shirts[i % len(shirts)])
        # rubbish bag held at the side
        c.circle((x + 20, base - 26), 12, (40, 40, 44))
        c.line((x + 12, base - 48), (x + 20, base - 36), (40, 40, 44), 3)
    for x in (40, 560, 500):
        c.circle((x, 320), 14, (40, 40, 44))
    kit.save(c.surface, path)


def make_leaked_list(path: Path, lang: str) -> None:
    t = TEXT[lang]
    c = kit.Canvas(600, 340, (90, 80, 70))
    page = kit.Canvas(460, 340, kit.WHITE)
    page.text(t["list_title"], (230, 14), 20, kit.INK, bold=True, anchor="midtop")
    page.line((30, 52), (430, 52), kit.INK, 2)
    page.text(t["list_note"], (230, 58), 12, kit.GREY, anchor="midtop")
    for i, (label, value) in enumerate(t["rows"]):
        y = 88 + i * 82
        page.rect((30, y, 400, 72), kit.INK, width=2)
        page.text(label, (44, y + 36), 17, kit.INK, anchor="midleft")
        page.text(value, (416, y + 36), 40, kit.DARK_RED if i == 0 else kit.INK, bold=True, anchor="midright")
    page.seal((370, 276), 36, kit.RED, "")
    stamp = pygame.Surface((200, 50), pygame.SRCALPHA)
    pygame.draw.rect(stamp, (*kit.RED, 255), stamp.get_rect(), 4, border_radius=6)
    label = kit.font(26, True).render(t["stamp"], True, kit.RED)
    stamp.blit(label, label.get_rect(center=(100, 25)))
    page.surface.blit(pygame.transform.rotate(stamp, 12), (40, 244))
    rotated = pygame.transform.rotozoom(page.surface, -3, 0.92)
    c.surface.blit(rotated, rotated.get_rect(center=(300, 170)))
    c.overlay((255, 240, 210), 30)
    kit.save(c.surface, path)


def makers() -> dict:
    return kit.makers_table(
        {"festival-crowd.png": make_festival_crowd, "cleanup.png": make_cleanup},
        {"crime-chart": make_crime_chart, "leaked-list": make_leaked_list, "full-theft-chart": make_full_theft_chart,
         "remittance-chart": make_remittance_chart},
    )


if __name__ == "__main__":
    kit.run_makers(makers(), OUT, only=sys.argv[1:] or None)

"""Draws every image of `scenarios/health/` with the shared kit (deterministic, headless).

Run: `python tools/images/make_health.py [name.png ...]`. Images with words have an English
(`.en.png`) and a Khmer (`.km.png`) variant; the fake certificate is in English in both files
(a fake "international" diploma would be), so it is shared.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import kit  # noqa: E402

OUT = kit.REPO_ROOT / "scenarios" / "health" / "images"
Z = "\u200b"  # zero-width space: a line-break point inside Khmer phrases

TEXT = {
    "en": {
        "service": "Kampong Cham Provincial Health Service",
        "poster_title": "Stop dengue at home",
        "steps": ["Empty or cover water jars, tyres and flower pots every week",
                  "Sleep under a mosquito net, also in the daytime",
                  "Fever for 2 days? Go to the health centre"],
        "poster_foot": "Free larvicide at every health centre",
        "tonic": ["MIRACLE", "FOREST", "TONIC"],
        "sticker1": ["CURES", "DENGUE", "IN 3 DAYS!"],
        "sticker2": ["100%", "NATURAL"],
        "price": "45,000 riel",
        "left": "Only 10 left!",
        "chart_title": "SIDE EFFECT REPORTS",
        "months": ["May", "June"],
        "jump": "+400%!!!",
        "chart_foot": "Khmer Health Freedom Network · \"the numbers don't lie\"",
        "letter_head": ["MINISTRY OF HEALTH", "Urgent notice"],
        "letter_body": ("URGENT WARNING TO ALL CITIZENS. Paracetamol tablets stamped P-500 contain a new "
                        "and very deadly virus. Stop using them at once and throw them away. "
                        "Forward this letter to everyone you know."),
        "signature": "(signed)",
    },
    "km": {
        "service": "សេវា" + Z + "សុខាភិបាល" + Z + "ខេត្ត" + Z + "កំពង់ចាម",
        "poster_title": "បញ្ឈប់គ្រុនឈាម" + Z + "នៅផ្ទះ",
        "steps": ["ចាក់ចោល ឬគ្រប" + Z + "ពាងទឹក សំបកកង់ និងផើងផ្កា" + Z + "រៀងរាល់សប្តាហ៍",
                  "ដេកក្នុងមុង" + Z + " ទោះបីពេលថ្ងៃក៏ដោយ",
                  "ក្តៅខ្លួន ២ ថ្ងៃ? " + Z + "ទៅមណ្ឌលសុខភាព"],
        "poster_foot": "ថ្នាំអាបែតឥតគិតថ្លៃ" + Z + "នៅគ្រប់មណ្ឌលសុខភាព",
        "tonic": ["ថ្នាំព្រៃ", "អព្ភូតហេតុ", "១០០%"],
        "sticker1": ["ជាគ្រុនឈាម", "ក្នុង", "៣ ថ្ងៃ!"],
        "sticker2": ["ធម្មជាតិ", "១០០%"],
        "price": "៤៥,០០០ រៀល",
        "left": "សល់តែ ១០ ដប!",
        "chart_title": "របាយការណ៍ផលរំខាន",
        "months": ["ឧសភា", "មិថុនា"],
        "jump": "+៤០០%!!!",
        "chart_foot": "បណ្តាញសេរីភាពសុខភាពខ្មែរ · «តួលេខមិនកុហកទេ»",
        "letter_head": ["ក្រសួងសុខាភិបាល", "សេចក្តីជូនដំណឹងបន្ទាន់"],
        "letter_body": ("ការព្រមានបន្ទាន់" + Z + "ដល់ប្រជាពលរដ្ឋទាំងអស់។ ថ្នាំគ្រាប់" + Z + "ប៉ារ៉ាសេតាមុល" + Z
                        + "ដែលមានអក្សរ P-500 មាន" + Z + "មេរោគថ្មី" + Z + "ដ៏សាហាវបំផុត។ " + "សូមឈប់ប្រើ" + Z
                        + "ភ្លាមៗ ហើយ" + Z + "បោះចោល។ សូមផ្ញើ" + Z + "លិខិតនេះ" + Z + "បន្តទៅ" + Z + "គ្រប់គ្នា។"),
        "signature": "(ហត្ថលេខា)",
    },
}


def draw_mosquito(c: kit.Canvas, center, scale: float = 1.0) -> None:
    """A simple mosquito: striped body, two wings, six thin legs and a proboscis."""
    x, y = center
    s = scale
    wing = (200, 215, 230)
    c.polygon([(x, y), (x - 34 * s, y - 40 * s), (x - 8 * s, y - 44 * s)], wing)
    c.polygon([(x + 6 * s, y), (x + 30 * s, y - 42 * s), (x + 44 * s, y - 30 * s)], wing)
    for i in range(3):
        lx = x - 10 * s + i * 12 * s
        c.line((lx, y + 4 * s), (lx - 22 * s, y + 34 * s), kit.INK, 2)
        c.line((lx + 4 * s, y + 4 * s), (lx + 26 * s, y + 36 * s), kit.INK, 2)
    for i in range(7):
        shade = kit.INK if i % 2 == 0 else (235, 235, 235)
        c.circle((round(x - 18 * s + i * 7 * s), round(y + i * 1.5 * s)), round(8 * s), shade)
    c.circle((round(x - 30 * s), round(y - 4 * s)), round(8 * s), kit.INK)
    c.line((x - 36 * s, y - 4 * s), (x - 58 * s, y + 6 * s), kit.INK, 2)


def draw_jar(c: kit.Canvas, center) -> None:
    x, y = center
    c.polygon([(x - 14, y - 12), (x + 14, y - 12), (x + 18, y + 8), (x + 10, y + 16), (x - 10, y + 16), (x - 18, y + 8)], (150, 95, 60))
    c.rect((x - 17, y - 17, 34, 6), (90, 60, 40), radius=2)


def draw_net(c: kit.Canvas, center) -> None:
    x, y = center
    c.polygon([(x, y - 18), (x + 20, y + 14), (x - 20, y + 14)], (230, 235, 245))
    for i in range(-2, 3):
        c.line((x, y - 18), (x + i * 9, y + 14), kit.GREY, 1)
    c.rect((x - 22, y + 12, 44, 5), kit.GREY)


def draw_thermometer(c: kit.Canvas, center) -> None:
    x, y = center
    c.rect((x - 4, y - 18, 8, 28), kit.WHITE, radius=4)
    c.rect((x - 4, y - 18, 8, 28), kit.GREY, radius=4, width=1)
    c.rect((x - 2, y - 6, 4, 16), kit.RED)
    c.circle((x, y + 12), 7, kit.RED)


def make_poster(path: Path, lang: str) -> None:
    t = TEXT[lang]
    c = kit.Canvas(600, 340, (240, 248, 240))
    c.rect((0, 0, 600, 44), kit.DARK_GREEN)
    c.logo((26, 22), 15, kit.WHITE, "+", color=kit.DARK_GREEN)
    c.text(t["service"].replace(Z, ""), (50, 22), 17, kit.WHITE, bold=True, anchor="midleft")
    c.text(t["poster_title"].replace(Z, ""), (300, 54), 24, kit.DARK_GREEN, bold=True, anchor="midtop")
    draw_mosquito(c, (120, 180), 1.4)
    c.circle((112, 176), 78, kit.RED, 7)
    c.line((58, 122), (166, 230), kit.RED, 8)
    icons = [draw_jar, draw_net, draw_thermometer]
    for i, step in enumerate(t["steps"]):
        top = 100 + i * 64
        c.rect((226, top, 356, 56), kit.WHITE, radius=10)
        c.circle((252, top + 28), 20, (220, 238, 224))
        icons[i](c, (252, top + 28))
        c.paragraph(step, (282, top + 6, 292, 48), 15, kit.INK, line_gap=0)
    c.rect((0, 302, 600, 38), kit.GREEN)
    c.text(t["poster_foot"].replace(Z, ""), (300, 321), 17, kit.WHITE, bold=True, anchor="center")
    kit.save(c.surface, path)


def burst(c: kit.Canvas, center, radius: int, color, points: int = 14) -> None:
    cx, cy = center
    pts = []
    for i in range(points * 2):
        r = radius if i % 2 == 0 else radius * 0.78
        a = math.pi * i / points
        pts.append((cx + math.cos(a) * r, cy + math.sin(a) * r))
    c.polygon(pts, color)


def leaf(c: kit.Canvas, base, angle: float, length: int, color) -> None:
    x, y = base
    dx, dy = math.cos(angle), math.sin(angle)
    px, py = -dy, dx
    tip = (x + dx * length, y + dy * length)
    mid = (x + dx * length / 2, y + dy * length / 2)
    c.polygon([(x, y), (mid[0] + px * length * 0.22, mid[1] + py * length * 0.22), tip,
               (mid[0] - px * length * 0.22, mid[1] - py * length * 0.22)], color)
    c.line((x, y), tip, (40, 90, 40), 2)


def make_bottle(path: Path, lang: str) -> None:
    t = TEXT[lang]
    c = kit.Canvas(600, 340)
    c.gradient((0, 0, 600, 340), (255, 236, 170), (240, 150, 60))
    for i in range(14):
        a = i * math.pi / 7
        c.line((300, 170), (300 + math.cos(a) * 420, 170 + math.sin(a) * 420), (255, 226, 150), 14)
    for i, (bx, by, ang) in enumerate([(190, 300, -2.3), (410, 300, -0.8), (170, 250, -2.8), (430, 250, -0.3), (200, 320, -1.9)]):
        leaf(c, (bx, by), ang, 80, (60, 150, 60) if i % 2 else (80, 170, 70))
    # bottle
    c.shadow((236, 84, 128, 236), radius=24, offset=6, alpha=70)
    c.rect((236, 84, 128, 236), (110, 60, 25), radius=24)
    c.rect((276, 44, 48, 50), (110, 60, 25), radius=6)
    c.rect((270, 26, 60, 26), kit.GOLD, radius=5)
    c.rect((246, 96, 14, 200), (150, 95, 50), radius=7)
    c.rect((246, 150, 108, 120), (250, 244, 220), radius=6)
    y = 156
    for line in t["tonic"]:
        r = c.text(line, (300, y), 20 if lang == "en" else 18, kit.DARK_GREEN, bold=True, anchor="midtop")
        y = r.bottom - 4
    leaf(c, (300, 266), -1.57, 22, kit.GREEN)
    burst(c, (112, 96), 80, kit.RED)
    y = 50 if lang == "en" else 46
    for line in t["sticker1"]:
        r = c.text(line, (112, y), 20 if lang == "en" else 18, kit.WHITE, bold=True, anchor="midtop")
        y = r.bottom - 4
    burst(c, (500, 96), 62, kit.GREEN)
    y = 70
    for line in t["sticker2"]:
        r = c.text(line, (500, y), 20, kit.WHITE, bold=True, anchor="midtop")
        y = r.bottom - 4
    c.rect((420, 200, 160, 50), kit.WHITE, radius=10)
    c.text(t["price"], (500, 225), 22, kit.DARK_RED, bold=True, anchor="center")
    c.rect((420, 262, 160, 40), kit.DARK_RED, radius=10)
    c.text(t["left"], (500, 282), 18, kit.WHITE, bold=True, anchor="center")
    kit.save(c.surface, path)


def make_certificate(path: Path) -> None:
    c = kit.Canvas(600, 340, (214, 200, 170))
    paper = c.rect((20, 14, 560, 312), (252, 246, 228))
    c.rect(paper.inflate(-14, -14), kit.GOLD, width=4)
    c.rect(paper.inflate(-26, -26), kit.GOLD, width=1)
    for cx, cy in ((44, 38), (556, 38), (44, 302), (556, 302)):
        c.star((cx, cy), 12, kit.GOLD)
    c.text("INTERNATIONAL UNIVERSITY OF NATURAL MEDICINE", (300, 44), 15, kit.NAVY, bold=True, anchor="midtop")
    c.text("Certificate of Excellence", (300, 72), 30, (120, 80, 20), bold=True, anchor="midtop")
    c.text("This certifies that", (300, 124), 14, kit.GREY, anchor="midtop")
    c.text("Prof. Dr. Rithy", (300, 144), 30, kit.INK, bold=True, anchor="midtop")
    c.line((170, 190), (430, 190), kit.GOLD, 1)
    c.text("has completed the programme and is awarded the title", (300, 198), 13, kit.GREY, anchor="midtop")
    c.text("DOCTOR OF HOLISTIC HEALTH", (300, 218), 19, kit.DARK_GREEN, bold=True, anchor="midtop")
    c.text("Online programme · 2 weeks · Certificate no. 000000", (300, 250), 11, kit.GREY, anchor="midtop")
    c.seal((110, 262), 40, kit.GOLD, "IUNM")
    c.line((400, 290), (520, 290), kit.INK, 1)
    pts = [(410 + i * 8, 280 + (6 if i % 2 else -6)) for i in range(14)]
    import pygame
    pygame.draw.lines(c.surface, kit.NAVY, False, pts, 2)
    c.text("President", (460, 294), 11, kit.GREY, anchor="midtop")
    kit.save(c.surface, path)


def make_chart(path: Path, lang: str) -> None:
    t = TEXT[lang]
    c = kit.Canvas(600, 340, kit.WHITE)
    c.rect((0, 0, 600, 50), (30, 30, 30))
    c.text(t["chart_title"], (300, 25), 24, (255, 230, 0), bold=True, anchor="center")
    c.bar_chart((40, 66, 380, 240), [20, 101], t["months"], y_min=0, y_max=110, color=(120, 130, 140),
                highlight_last=kit.RED, tick_count=5)
    # a big red arrow from the first bar to the second
    c.line((160, 226), (250, 108), kit.RED, 8)
    c.polygon([(262, 92), (234, 104), (256, 120)], kit.RED)
    burst(c, (510, 160), 76, (255, 230, 0), points=12)
    c.text(t["jump"], (510, 160), 28, kit.DARK_RED, bold=True, anchor="center")
    c.text(t["chart_foot"], (300, 324), 13, kit.GREY, anchor="center")
    kit.save(c.surface, path)


def make_letter(path: Path, lang: str) -> None:
    import pygame
    t = TEXT[lang]
    c = kit.Canvas(600, 340, (120, 100, 80))
    page = kit.Canvas(440, 420, kit.WHITE)
    page.letter((0, 0, 440, 420), t["letter_head"], t["letter_body"], header_color=kit.NAVY,
                body_size=17, signature=t["signature"], seal_color=kit.RED, seal_label="")
    # blur the letterhead like a photo of a photocopy: shrink and grow it back
    head = page.surface.subsurface((0, 0, 440, 64)).copy()
    head = pygame.transform.smoothscale(pygame.transform.smoothscale(head, (110, 16)), (440, 64))
    page.surface.blit(head, (0, 0))
    rotated = pygame.transform.rotozoom(page.surface, 4, 0.78)
    c.surface.blit(rotated, rotated.get_rect(center=(300, 176)))
    c.overlay((255, 240, 200), 28)
    kit.save(c.surface, path)


def water_jar(c: kit.Canvas, base, size: int, lid: bool) -> None:
    """A big clay water jar standing on the ground, with a cloth lid or open."""
    x, y = base
    c.circle((x, y - size), size, (150, 80, 45))
    c.rect((x - size * 0.6, y - size * 2.05, size * 1.2, size * 0.45), (150, 80, 45), radius=6)
    c.rect((x - size * 0.7, y - size * 2.15, size * 1.4, size * 0.18), (120, 60, 35), radius=4)
    if lid:
        c.rect((x - size * 0.75, y - size * 2.3, size * 1.5, size * 0.22), (70, 120, 190), radius=5)
    else:
        c.rect((x - size * 0.55, y - size * 2.12, size * 1.1, size * 0.1), kit.WATER)


def make_jar_check(path: Path) -> None:
    """Village volunteers checking water jars beside a wooden house: no words, shared by both files."""
    c = kit.Canvas(600, 340)
    c.sky(170, (150, 205, 240), (228, 240, 248))
    c.sun((520, 50), 24)
    c.cloud(120, 46, 0.9)
    c.ground(170, (150, 170, 90))
    c.palm((560, 190), 120)
    c.tree((40, 190), 90)
    # a wooden house on stilts
    c.rect((150, 60, 300, 90), (150, 100, 60))
    c.polygon([(130, 64), (300, 10), (470, 64)], (170, 60, 40))
    for x in (160, 250, 350, 440):
        c.rect((x, 150, 10, 60), (110, 75, 45))
    for x in (190, 290, 390):
        c.rect((x, 82, 40, 34), (90, 60, 35))
    # jars: two covered, one open with a volunteer looking in
    water_jar(c, (190, 290), 34, lid=True)
    water_jar(c, (270, 296), 38, lid=True)
    water_jar(c, (380, 300), 40, lid=False)
    c.person((445, 310), 92, shirt=(46, 160, 67), hair=(25, 20, 20))
    c.person((500, 312), 84, shirt=(240, 240, 240), trousers=(30, 50, 100))
    c.line((430, 250), (398, 214), (40, 40, 40), 3)  # the volunteer's torch pointing into the open jar
    c.circle((396, 212), 5, (255, 230, 120))
    c.rect((486, 250, 28, 36), (250, 250, 240), radius=3)  # clipboard
    kit.save(c.surface, path)


def make_vaccination_day(path: Path) -> None:
    """Parents with small children queueing at a health centre: no words, shared by both files."""
    c = kit.Canvas(600, 340)
    c.sky(160, (140, 195, 235), (225, 238, 248))
    c.cloud(430, 36, 1.0)
    c.ground(160, (120, 170, 90))
    centre = c.building((60, 40, 360, 150), (236, 236, 226), roof=(60, 110, 170), rows=2, cols=5)
    c.rect((centre.centerx - 30, centre.bottom - 60, 60, 60), (120, 90, 60))
    c.rect((centre.centerx - 16, centre.top + 8, 32, 32), kit.WHITE, radius=4)
    c.rect((centre.centerx - 5, centre.top + 12, 10, 24), kit.GREEN)  # a green health cross, not the Red Cross emblem
    c.rect((centre.centerx - 12, centre.top + 19, 24, 10), kit.GREEN)
    c.palm((500, 190), 130)
    # a table under an awning with a nurse, and a queue of parents
    c.rect((330, 196, 170, 12), (60, 110, 170))
    for x in (334, 494):
        c.rect((x, 206, 4, 44), (90, 90, 90))  # awning poles
    c.rect((350, 240, 110, 10), (200, 170, 120))
    c.person((420, 244), 70, shirt=kit.WHITE, trousers=(40, 90, 160))
    for i, shirt in enumerate([(210, 80, 90), (90, 140, 200), (240, 180, 60), (120, 80, 160)]):
        x = 300 - i * 60
        c.person((x, 320), 84, shirt=shirt)
        c.person((x + 16, 300), 40, shirt=(250, 220, 120))
    kit.save(c.surface, path)


def makers() -> dict:
    return kit.makers_table(
        {"fake-certificate.png": make_certificate, "jar-check.png": make_jar_check,
         "vaccination-day.png": make_vaccination_day},
        {"dengue-poster": make_poster, "miracle-bottle": make_bottle, "side-effects-chart": make_chart, "virus-letter": make_letter},
    )


if __name__ == "__main__":
    kit.run_makers(makers(), OUT, only=sys.argv[1:] or None)

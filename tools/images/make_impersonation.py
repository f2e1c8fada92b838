"""Draws every image of `scenarios/impersonation/` with the shared kit (deterministic, headless).

Run: `python tools/images/make_impersonation.py`. Images with words have an English (`.en.png`) and
a Khmer (`.km.png`) variant; pictures without words are shared by both language files.
"""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import kit  # noqa: E402
from make_money import make_atb_avatar  # noqa: E402  (the same invented bank's avatar)

OUT = kit.REPO_ROOT / "scenarios" / "impersonation" / "images"

POLICE_NAVY = (24, 40, 80)

TEXT = {
    "en": {
        "incoming": "Incoming video call",
        "caller": "\"Police Officer\"",
        "never": "Real police never ask for money on a video call.",
        "hang_up": "Hang up. Call your local police station.",
        "gift_sender": "ATB-Gift",
        "gift_sms": "Happy Khmer New Year! You receive a 100,000 riel gift from ATB. Claim within 24 hours: atb-newyear-gift.example",
        "blocked_sender": "ATB-Secure",
        "blocked_sms": "ATB: Your account is blocked due to unusual activity. Verify now:",
        "blocked_link": "angkortrust-bank-secure.example",
        "today": "Today 07:12",
        "letter_head": ["MINISTRY OF SOCIAL SUPPORT", "Department of Disaster Relief"],
        "letter_no": "OFFICIAL LETTER No. 1027",
        "letter_body": ("Subject: flood support for families. Every family affected by this year's floods will "
                        "receive 300,000 riel. Register your family book number, bank account and app password at "
                        "flood-support-register.example before 31 March. Families who do not register will lose the support."),
        "signature": "Minister (signed)",
        "warrant_title": "ARREST WARRANT",
        "warrant_lines": ["Name: ____________________", "Offence: sharing illegal content on Facebook",
                          "Fine: $200 · pay within 48 hours", "Contact: Officer Vannak (Telegram)"],
        "warrant_foot": "If you do not pay, police will come to your house.",
    },
    "km": {
        "incoming": "ការហៅជាវីដេអូចូល",
        "caller": "\"មន្ត្រីប៉ូលិស\"",
        "never": "ប៉ូលិសពិត\u200bមិនដែល\u200bសុំលុយ\u200bតាមការហៅ\u200bជាវីដេអូទេ។",
        "hang_up": "បិទទូរសព្ទ។ ហៅទៅ\u200bប៉ុស្តិ៍ប៉ូលិស\u200bក្នុងតំបន់\u200bរបស់អ្នក។",
        "gift_sender": "ATB-Gift",
        "gift_sms": "រីករាយចូលឆ្នាំថ្មី! អ្នកទទួលបានកាដូ ១០០.០០០ រៀល ពី ATB។ ទាមទារក្នុងរយៈពេល ២៤ម៉ោង៖ atb-newyear-gift.example",
        "blocked_sender": "ATB-Secure",
        "blocked_sms": "ATB៖ គណនីរបស់អ្នកត្រូវបានបិទ ដោយសារសកម្មភាពមិនប្រក្រតី។ សូមផ្ទៀងផ្ទាត់ឥឡូវនេះ៖",
        "blocked_link": "angkortrust-bank-secure.example",
        "today": "ថ្ងៃនេះ ០៧:១២",
        "letter_head": ["ក្រសួងគាំពារសង្គម", "នាយកដ្ឋានសង្គ្រោះគ្រោះមហន្តរាយ"],
        "letter_no": "លិខិតផ្លូវការ លេខ ១០២៧",
        "letter_body": ("កម្មវត្ថុ៖ ជំនួយគ្រួសាររងគ្រោះដោយទឹកជំនន់។ គ្រួសារនីមួយៗដែលរងគ្រោះដោយទឹកជំនន់ឆ្នាំនេះ "
                        "នឹងទទួលបាន ៣០០.០០០ រៀល។ សូមចុះឈ្មោះលេខសៀវភៅគ្រួសារ លេខគណនីធនាគារ និងពាក្យសម្ងាត់កម្មវិធី "
                        "នៅ flood-support-register.example មុនថ្ងៃទី៣១ ខែមីនា។ គ្រួសារដែលមិនចុះឈ្មោះ នឹងបាត់បង់ជំនួយ។"),
        "signature": "រដ្ឋមន្ត្រី (ហត្ថលេខា)",
        "warrant_title": "ដីកាចាប់ខ្លួន",
        "warrant_lines": ["ឈ្មោះ៖ ____________________", "បទល្មើស៖ ចែករំលែកមាតិកាខុសច្បាប់លើហ្វេសប៊ុក",
                          "ពិន័យ៖ $200 · បង់ក្នុងរយៈពេល ៤៨ម៉ោង", "ទំនាក់ទំនង៖ មន្ត្រីវណ្ណៈ (តេឡេក្រាម)"],
        "warrant_foot": "បើអ្នកមិនបង់ទេ ប៉ូលិស\u200bនឹងមកដល់\u200bផ្ទះរបស់អ្នក។",
    },
}


def draw_acfo_logo(c: kit.Canvas, center, size: int, fake: bool = False) -> None:
    """A police-style shield with a star; the fake one is lighter, squatter and blurred."""
    cx, cy = center
    fill = (40, 70, 140) if fake else POLICE_NAVY
    w = size * (0.9 if fake else 0.8)
    c.polygon([(cx - w, cy - size * 0.8), (cx + w, cy - size * 0.8), (cx + w, cy + size * 0.1),
               (cx, cy + size), (cx - w, cy + size * 0.1)], fill)
    c.polygon([(cx - w, cy - size * 0.8), (cx + w, cy - size * 0.8), (cx + w, cy + size * 0.1),
               (cx, cy + size), (cx - w, cy + size * 0.1)], (230, 200, 90) if fake else kit.GOLD, 4)
    c.star((cx, cy - size * 0.05), size * 0.45, (230, 200, 90) if fake else kit.GOLD)


def make_acfo_avatar(path: Path, fake: bool) -> None:
    c = kit.Canvas(128, 128, (235, 238, 244) if not fake else (240, 240, 240))
    draw_acfo_logo(c, (64, 60), 54, fake=fake)
    if fake:
        c.pixelate((0, 0, 128, 128), 4)
    kit.save(c.surface, path)


def make_police_call(path: Path, lang: str) -> None:
    t = TEXT[lang]
    c = kit.Canvas(600, 340, (246, 240, 232))
    screen = c.phone_frame((40, 10, 220, 400), screen=(30, 34, 44))
    c.status_bar((screen.left, screen.top, screen.width, 24), dark=True)
    c.text(t["incoming"], (screen.centerx, screen.top + 34), 13, (200, 205, 215), anchor="midtop")
    c.text(t["caller"], (screen.centerx, screen.top + 56), 17, kit.WHITE, bold=True, anchor="midtop")
    c.rect((screen.left + 20, screen.top + 90, screen.width - 40, 150), (70, 80, 100), radius=10)
    c.person((screen.centerx, screen.top + 240), 130, shirt=(50, 80, 60), trousers=(50, 80, 60))
    c.rect((screen.centerx - 22, screen.top + 106, 44, 10), (40, 60, 45), radius=4)
    c.circle((screen.centerx - 50, screen.top + 290), 20, kit.RED)
    c.circle((screen.centerx + 50, screen.top + 290), 20, kit.GREEN)
    # the big red "no" sign over the phone
    c.circle((150, 188), 96, kit.RED, 10)
    c.line((82, 256), (218, 120), kit.RED, 10)
    c.warning_triangle((330, 78), 56)
    c.paragraph(t["never"], (290, 118, 290, 110), 24, kit.DARK_RED, bold=True)
    c.paragraph(t["hang_up"], (290, 240, 290, 80), 17, kit.INK)
    kit.save(c.surface, path)


def sms_screen(c: kit.Canvas, sender: str, day: str) -> tuple:
    """A phone's SMS conversation screen; returns the screen rect and the y where messages start."""
    screen = c.phone_frame((150, 6, 300, 440))
    c.status_bar((screen.left, screen.top, screen.width, 24))
    c.rect((screen.left, screen.top + 26, screen.width, 56), (247, 247, 248))
    c.line((screen.left, screen.top + 82), (screen.right, screen.top + 82), kit.LIGHT)
    c.avatar((screen.centerx, screen.top + 46), 14, (150, 156, 166), sender[:1])
    c.text(sender, (screen.centerx, screen.top + 63), 12, kit.INK, bold=True, anchor="midtop")
    c.text(day, (screen.centerx, screen.top + 92), 11, kit.GREY, anchor="midtop")
    return screen, screen.top + 112


def make_sms_gift(path: Path, lang: str) -> None:
    t = TEXT[lang]
    c = kit.Canvas(600, 340, (228, 232, 238))
    screen, y = sms_screen(c, t["gift_sender"], t["today"])
    c.chat_bubble(screen.left + 12, y, t["gift_sms"], max_width=230, size=14)
    kit.save(c.surface, path)


def make_sms_blocked(path: Path, lang: str) -> None:
    t = TEXT[lang]
    c = kit.Canvas(600, 340, (228, 232, 238))
    screen, y = sms_screen(c, t["blocked_sender"], t["today"])
    bottom = c.chat_bubble(screen.left + 12, y, t["blocked_sms"] + "\n" + t["blocked_link"], max_width=262, size=14)
    line_h = kit.font(14).get_linesize()
    link_rect = c.text(t["blocked_link"], (screen.left + 24, bottom - 7 - line_h), 14, kit.SMS_BLUE)
    c.line((link_rect.left, link_rect.bottom - 3), (link_rect.right, link_rect.bottom - 3), kit.SMS_BLUE, 1)
    c.circle_mark((link_rect.left - 13, link_rect.centery - 14, link_rect.width + 26, 28), kit.RED, 3)
    kit.save(c.surface, path)


def make_roadworks(path: Path) -> None:
    c = kit.Canvas(600, 340)
    c.sky(150, (140, 195, 235), (225, 238, 248))
    c.cloud(400, 40, 1.0)
    c.ground(150, (120, 175, 80))
    for i in range(8):
        c.line((0, 160 + i * 10), (600, 160 + i * 10), (110, 165, 72), 1)
    for x, h in ((40, 90), (110, 110), (520, 100), (575, 80)):
        c.palm((x, 170), h)
    c.polygon([(250, 150), (350, 150), (600, 340), (0, 340)], kit.ROAD)
    c.polygon([(250, 150), (300, 150), (300, 340), (0, 340)], (120, 100, 80))
    for i in range(7):
        y = 170 + i * 26
        x = 300 - (y - 150) * 0.02
        c.cone((round(x), y + 10), 18 + i * 3)
    # excavator on the closed lane
    c.rect((110, 230, 110, 40), (240, 190, 30), radius=6)
    c.rect((130, 200, 50, 34), (240, 190, 30), radius=4)
    c.rect((138, 206, 30, 18), (180, 210, 230))
    c.rect((100, 268, 130, 18), (50, 50, 55), radius=9)
    c.line((200, 236), (250, 190), (220, 170, 20), 10)
    c.line((250, 190), (270, 250), (220, 170, 20), 8)
    c.polygon([(258, 246), (284, 246), (276, 264)], (80, 80, 80))
    # flag worker and waiting traffic
    c.person((330, 250), 70, shirt=(250, 130, 30))
    c.line((340, 200), (360, 180), (90, 90, 90), 3)
    c.rect((360, 172, 18, 12), kit.RED)
    c.vehicle((440, 200, 120, 60), (60, 110, 170))
    c.motorbike((400, 310), 0.9, body=kit.RED, rider=(230, 230, 230))
    c.motorbike((500, 330), 1.0, body=(40, 40, 40), rider=(90, 140, 200))
    kit.save(c.surface, path)


def make_fake_letter(path: Path, lang: str) -> None:
    t = TEXT[lang]
    c = kit.Canvas(600, 340, (200, 196, 188))
    page = c.letter((90, 8, 420, 326), t["letter_head"], "", seal_color=None)
    c.text(t["letter_no"], (page.centerx, page.top + 66), 14, kit.INK, bold=True, anchor="midtop")
    c.paragraph(t["letter_body"], (page.left + 26, page.top + 92, page.width - 52, 160), 12, kit.INK)
    c.text(t["signature"], (page.right - 30, page.bottom - 30), 12, kit.INK, anchor="bottomright")
    c.line((page.right - 150, page.bottom - 36), (page.right - 40, page.bottom - 50), (30, 40, 120), 2)
    c.line((page.right - 140, page.bottom - 46), (page.right - 70, page.bottom - 38), (30, 40, 120), 2)
    c.seal((page.right - 130, page.bottom - 54), 36, (200, 40, 40))
    kit.save(c.surface, path)


def make_fake_warrant(path: Path, lang: str) -> None:
    t = TEXT[lang]
    c = kit.Canvas(600, 340, (60, 64, 72))
    page = c.rect((70, 10, 460, 320), (252, 250, 240))
    c.shadow(page, radius=2, offset=4, alpha=80)
    c.rect(page, (252, 250, 240))
    c.rect(page.inflate(-12, -12), (120, 30, 30), width=2)
    draw_acfo_logo(c, (page.left + 56, page.top + 58), 30, fake=True)
    c.pixelate((page.left + 22, page.top + 24, 70, 70), 3)
    c.text(t["warrant_title"], (page.centerx + 30, page.top + 46), 30, (150, 20, 20), bold=True, anchor="center")
    y = page.top + 104
    for line in t["warrant_lines"]:
        c.text(line, (page.left + 40, y), 16, kit.INK)
        y += 34
    c.paragraph(t["warrant_foot"], (page.left + 40, y + 6, 280, 50), 14, (150, 20, 20), bold=True)
    c.seal((page.right - 80, page.bottom - 70), 44, (200, 40, 40))
    kit.save(c.surface, path)


def make_night_market(path: Path) -> None:
    c = kit.Canvas(600, 340)
    c.gradient((0, 0, 600, 170), (40, 50, 110), (240, 150, 110))
    c.rect((0, 150, 600, 40), (50, 70, 100))
    for i in range(12):
        c.line((i * 55, 160 + (i % 3) * 8), (i * 55 + 30, 160 + (i % 3) * 8), (240, 170, 120), 2)
    c.rect((0, 190, 600, 150), (90, 80, 76))
    # string of lights
    for i in range(0, 600, 18):
        y = 60 + abs(((i // 18) % 10) - 5) * 3
        c.line((i, y), (i + 18, 60 + abs((((i + 18) // 18) % 10) - 5) * 3), (60, 50, 50), 1)
        c.circle((i, y + 4), 4, [(255, 220, 120), (255, 140, 120), (150, 220, 255)][(i // 18) % 3])
    # stalls with striped awnings
    colors = [((220, 60, 60), kit.WHITE), ((40, 120, 200), kit.WHITE), ((240, 170, 30), kit.WHITE), ((60, 160, 90), kit.WHITE)]
    for i in range(5):
        x = 10 + i * 120
        stripe, base = colors[i % 4]
        for s in range(6):
            c.rect((x + s * 18, 110, 18, 26), stripe if s % 2 == 0 else base)
        c.polygon([(x, 136), (x + 108, 136), (x + 102, 144), (x + 6, 144)], stripe)
        c.rect((x + 6, 144, 96, 60), (120, 90, 60))
        c.rect((x + 10, 176, 88, 26), (160, 120, 80))
        for k in range(4):
            c.circle((x + 22 + k * 20, 172), 7, [(250, 200, 60), (230, 90, 60), (120, 200, 90), (250, 240, 220)][k])
        c.rect((x, 110, 4, 94), (80, 60, 50))
        c.rect((x + 104, 110, 4, 94), (80, 60, 50))
    shirts = [(230, 230, 235), (200, 80, 80), (80, 140, 210), (240, 190, 60), (120, 90, 170), (60, 150, 120)]
    for i in range(9):
        c.person((40 + i * 64, 300 + (i % 2) * 20), 70 + (i % 3) * 8, shirt=shirts[i % len(shirts)])
    c.overlay((40, 20, 60), 30)
    kit.save(c.surface, path)


def makers() -> dict:
    return kit.makers_table(
        {
            "avatar-acfo.png": partial(make_acfo_avatar, fake=False),
            "avatar-acfo-fake.png": partial(make_acfo_avatar, fake=True),
            "avatar-atb.png": make_atb_avatar,
            "roadworks.png": make_roadworks,
            "night-market.png": make_night_market,
        },
        {
            "police-call": make_police_call,
            "sms-gift": make_sms_gift,
            "sms-blocked": make_sms_blocked,
            "fake-letter": make_fake_letter,
            "fake-warrant": make_fake_warrant,
        },
    )


if __name__ == "__main__":
    kit.run_makers(makers(), OUT, only=sys.argv[1:] or None)

"""Draws every image of `scenarios/money/` with the shared kit (deterministic, headless).

Run: `python tools/images/make_money.py`. Images with words have an English (`.en.png`) and a
Khmer (`.km.png`) variant; pictures without words are shared by both language files.
The bank avatar is also used by `make_impersonation.py`.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import kit  # noqa: E402

OUT = kit.REPO_ROOT / "scenarios" / "money" / "images"

ATB_NAVY = (16, 46, 92)
ATB_GOLD = (214, 170, 60)
SCHEME_GREEN = (20, 140, 90)

TEXT = {
    "en": {
        "chart_title": "Golden Mekong AI profit",
        "chart_sub": "GUARANTEED · members' balance, USD",
        "months": ["Jan", "Feb", "Mar", "Apr", "May", "Jun"],
        "stamp": "100% SAFE",
        "pay_title": "Payment",
        "pay_to": "Pay to",
        "payee": "KEO VISAL",
        "amount": "Amount",
        "amount_value": "200,000 KHR",
        "purpose": "Purpose",
        "purpose_value": "Loan processing fee",
        "pay_button": "Pay now",
        "maint_title": "ATB Mobile maintenance",
        "maint_when": "Sunday 9 March · 1:00 – 4:00 am",
        "maint_note": "ATMs and card payments work as normal.",
        "maint_foot": "We will never send you a link to update the app.",
        "app_name": "GM Invest",
        "balance": "Total balance",
        "profit": "+$1,650.00 (+825%)",
        "withdraw_ok": "Withdraw successful",
        "history": ["Deposit", "AI profit", "AI profit", "Withdraw"],
    },
    "km": {
        "chart_title": "ប្រាក់ចំណេញ AI មាសមេគង្គ",
        "chart_sub": "ធានា · សមតុល្យសមាជិក គិតជាដុល្លារ",
        "months": ["មករា", "កុម្ភៈ", "មីនា", "មេសា", "ឧសភា", "មិថុនា"],
        "stamp": "សុវត្ថិភាព ១០០%",
        "pay_title": "ការទូទាត់",
        "pay_to": "បង់ទៅ",
        "payee": "KEO VISAL",
        "amount": "ចំនួនទឹកប្រាក់",
        "amount_value": "200,000 KHR",
        "purpose": "គោលបំណង",
        "purpose_value": "ថ្លៃសេវាដំណើរការកម្ចី",
        "pay_button": "បង់ឥឡូវនេះ",
        "maint_title": "ការថែទាំកម្មវិធី ATB Mobile",
        "maint_when": "ថ្ងៃអាទិត្យ ទី៩ ខែមីនា · ម៉ោង ១:០០ – ៤:០០ ព្រឹក",
        "maint_note": "ម៉ាស៊ីន ATM និងការទូទាត់តាមកាត ដំណើរការធម្មតា។",
        "maint_foot": "យើងមិនដែល\u200bផ្ញើតំណ\u200bឲ្យអ្នក\u200bធ្វើបច្ចុប្បន្នភាព\u200bកម្មវិធីទេ។",
        "app_name": "GM Invest",
        "balance": "សមតុល្យសរុប",
        "profit": "+$1,650.00 (+825%)",
        "withdraw_ok": "ដកប្រាក់បានជោគជ័យ",
        "history": ["ដាក់ប្រាក់", "ចំណេញ AI", "ចំណេញ AI", "ដកប្រាក់"],
    },
}


def draw_atb_logo(c: kit.Canvas, center, radius: int) -> None:
    c.circle(center, radius, ATB_NAVY)
    c.circle(center, radius - max(3, radius // 10), ATB_GOLD, max(2, radius // 18))
    # three temple towers above the letters
    cx, cy = center
    for dx, h in ((-0.28, 0.32), (0, 0.42), (0.28, 0.32)):
        x = cx + dx * radius
        c.polygon([(x - radius * 0.1, cy - radius * 0.12), (x, cy - radius * (0.12 + h)), (x + radius * 0.1, cy - radius * 0.12)], ATB_GOLD)
    c.text("ATB", (cx, cy + radius * 0.22), max(10, round(radius * 0.42)), kit.WHITE, bold=True, anchor="center")


def make_atb_avatar(path: Path) -> None:
    c = kit.Canvas(128, 128, kit.WHITE)
    draw_atb_logo(c, (64, 64), 62)
    kit.save(c.surface, path)


def make_profit_chart(path: Path, lang: str) -> None:
    t = TEXT[lang]
    c = kit.Canvas(600, 340, kit.WHITE)
    c.rect((0, 0, 600, 64), SCHEME_GREEN)
    c.text(t["chart_title"], (20, 8), 24, kit.WHITE, bold=True)
    c.text(t["chart_sub"], (20, 40), 14, (210, 245, 225))
    c.bar_chart((20, 80, 560, 250), [100, 101, 102.5, 104, 106, 109.5], t["months"], y_min=98, y_max=110,
                color=(60, 170, 110), highlight_last=(240, 170, 30), tick_format="${:g}", tick_count=4)
    stamp_w = 150 if lang == "km" else 120
    stamp = c.rect((600 - stamp_w - 16, 15, stamp_w, 34), kit.RED, radius=6)
    c.text(t["stamp"], stamp.center, 16, kit.WHITE, bold=True, anchor="center")
    kit.save(c.surface, path)


def make_loan_fee(path: Path, lang: str) -> None:
    t = TEXT[lang]
    c = kit.Canvas(600, 340, (232, 234, 238))
    screen = c.phone_frame((170, 6, 260, 420))
    c.status_bar((screen.left, screen.top, screen.width, 24))
    head = c.rect((screen.left, screen.top + 26, screen.width, 40), (225, 30, 40))
    c.text("KHQR", (head.left + 14, head.centery), 18, kit.WHITE, bold=True, anchor="midleft")
    c.text(t["pay_title"], (head.right - 14, head.centery), 14, kit.WHITE, anchor="midright")
    c.qr_code((screen.centerx - 55, screen.top + 74, 110, 110), seed=5)
    y = screen.top + 192
    for label, value in ((t["pay_to"], t["payee"]), (t["amount"], t["amount_value"]), (t["purpose"], t["purpose_value"])):
        c.text(label, (screen.left + 14, y), 12, kit.GREY)
        c.text(value, (screen.right - 14, y), 13, kit.INK, bold=True, anchor="topright")
        y += 22
        c.line((screen.left + 14, y - 3), (screen.right - 14, y - 3), kit.LIGHT)
    c.button((screen.left + 20, y + 6, screen.width - 40, 34), t["pay_button"], fill=(225, 30, 40))
    kit.save(c.surface, path)


def make_maintenance(path: Path, lang: str) -> None:
    t = TEXT[lang]
    c = kit.Canvas(600, 300, (236, 240, 246))
    card = c.rect((30, 24, 540, 252), kit.WHITE, radius=14)
    c.shadow(card, radius=14)
    c.rect(card, kit.WHITE, radius=14)
    c.rect((card.left, card.top, card.width, 70), ATB_NAVY, radius=14)
    c.rect((card.left, card.top + 50, card.width, 20), ATB_NAVY)
    draw_atb_logo(c, (card.left + 44, card.top + 35), 26)
    c.text(t["maint_title"], (card.left + 84, card.top + 35), 22, kit.WHITE, bold=True, anchor="midleft")
    # wrench icon
    wx, wy = card.left + 60, card.top + 130
    c.circle((wx, wy), 32, (250, 236, 200))
    c.line((wx - 14, wy + 14), (wx + 10, wy - 10), ATB_NAVY, 8)
    c.circle((wx + 12, wy - 12), 10, ATB_NAVY)
    c.circle((wx + 16, wy - 16), 5, (250, 236, 200))
    c.text(t["maint_when"], (card.left + 110, card.top + 100), 19, kit.INK, bold=True)
    c.paragraph(t["maint_note"], (card.left + 110, card.top + 136, card.width - 130, 50), 16, kit.INK)
    c.line((card.left + 24, card.bottom - 54), (card.right - 24, card.bottom - 54), kit.LIGHT, 2)
    c.paragraph(t["maint_foot"], (card.left + 24, card.bottom - 44, card.width - 48, 40), 14, kit.GREY)
    kit.save(c.surface, path)


def make_fake_balance(path: Path, lang: str) -> None:
    t = TEXT[lang]
    c = kit.Canvas(600, 340, (226, 236, 230))
    screen = c.phone_frame((170, 6, 260, 420))
    c.gradient((screen.left, screen.top, screen.width, 170), (16, 120, 80), (30, 170, 110))
    c.status_bar((screen.left, screen.top, screen.width, 24), dark=True)
    c.text(t["app_name"], (screen.left + 16, screen.top + 32), 16, kit.WHITE, bold=True)
    c.circle((screen.right - 24, screen.top + 42), 10, (255, 215, 80))
    c.text(t["balance"], (screen.centerx, screen.top + 70), 13, (220, 245, 230), anchor="midtop")
    c.text("$1,850.00", (screen.centerx, screen.top + 90), 34, kit.WHITE, bold=True, anchor="midtop")
    c.text(t["profit"], (screen.centerx, screen.top + 136), 14, (255, 235, 120), bold=True, anchor="midtop")
    ok = c.rect((screen.left + 16, screen.top + 182, screen.width - 32, 36), (232, 250, 238), radius=18)
    label = c.text(t["withdraw_ok"], (ok.centerx + 10, ok.centery), 14, kit.DARK_GREEN, bold=True, anchor="center")
    c.circle((label.left - 14, ok.centery), 9, kit.GREEN)
    c.line((label.left - 18, ok.centery), (label.left - 15, ok.centery + 4), kit.WHITE, 2)
    c.line((label.left - 15, ok.centery + 4), (label.left - 9, ok.centery - 4), kit.WHITE, 2)
    y = screen.top + 230
    for label, amount in zip(t["history"], ("-$200.00", "+$640.00", "+$1,010.00", "-$1,650.00")):
        c.circle((screen.left + 26, y + 10), 8, (200, 230, 210))
        c.text(label, (screen.left + 42, y + 2), 13, kit.INK)
        c.text(amount, (screen.right - 16, y + 2), 13, kit.GREEN if amount.startswith("+") else kit.INK, bold=True, anchor="topright")
        y += 26
    kit.save(c.surface, path)


def make_hospital(path: Path) -> None:
    c = kit.Canvas(600, 340, (214, 230, 236))
    c.rect((0, 250, 600, 90), (190, 200, 205))
    window = c.rect((380, 40, 160, 120), (240, 248, 252))
    c.rect(window, (150, 160, 170), width=6)
    c.line((window.centerx, window.top), (window.centerx, window.bottom), (150, 160, 170), 4)
    c.palm((420, 150), 70)
    # bed
    c.rect((80, 190, 300, 30), (240, 240, 245), radius=6)
    c.rect((80, 210, 300, 14), (150, 165, 180))
    c.rect((76, 150, 12, 110), (120, 130, 140))
    c.rect((372, 170, 12, 90), (120, 130, 140))
    c.rect((100, 172, 70, 22), kit.WHITE, radius=10)
    # child under a blanket
    c.circle((140, 170), 16, (196, 150, 110))
    c.rect((124, 152, 32, 12), (30, 25, 25), radius=6)
    c.rect((150, 176, 210, 26), (130, 180, 220), radius=12)
    # drip stand
    c.line((420, 120), (420, 260), (140, 140, 150), 4)
    c.line((400, 260), (440, 260), (140, 140, 150), 4)
    c.rect((408, 120, 24, 34), (230, 240, 250), radius=6)
    c.line((420, 154), (330, 186), (170, 190, 200), 2)
    c.overlay((255, 255, 255), 30)
    kit.save(c.surface, path)


def make_sold_motorbike(path: Path) -> None:
    """Chanthy's own photo of the motorbike she sold: an ordinary yard, no words."""
    c = kit.Canvas(600, 340)
    c.sky(230)
    c.sun((520, 60))
    c.cloud(90, 50, 1.1)
    c.ground(230, (196, 170, 120))
    c.building((250, 90, 250, 140), (170, 120, 80), roof=(120, 60, 40))
    c.rect((240, 150, 270, 10), (120, 85, 55))
    c.palm((120, 240), 150)
    c.tree((560, 250), 80)
    c.motorbike((330, 290), 2.4, body=(40, 90, 180))
    kit.save(c.surface, path)


def makers() -> dict:
    return kit.makers_table(
        {"avatar-atb.png": make_atb_avatar, "hospital.png": make_hospital, "sold-motorbike.png": make_sold_motorbike},
        {"profit-chart": make_profit_chart, "loan-fee": make_loan_fee, "maintenance": make_maintenance, "fake-balance": make_fake_balance},
    )


if __name__ == "__main__":
    kit.run_makers(makers(), OUT, only=sys.argv[1:] or None)

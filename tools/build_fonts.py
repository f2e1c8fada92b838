"""Build the bundled fonts in `assets/fonts/` (a build-time tool, not used by the game at runtime).

- `NotoSansKhmer-Regular.ttf` and `NotoSansKhmer-Bold.ttf`: static instances (wght 400 and 700,
  wdth 100) of the variable Noto Sans Khmer from the `fontpkg-noto-sans-khmer` wheel. Static
  instances give a real bold (SDL_ttf can only fake one) and need no variation support.
- `NotoColorEmoji-Subset.ttf`: Noto Color Emoji cut down to the emoji that posts use most
  (see COMMON_EMOJI). ZWJ sequences are kept where all their parts are; skin tones are not kept.
- `OFL.txt`: the SIL Open Font License both fonts are released under.
- `DejaVuSans-Fallback.ttf` and `DejaVuSans-Bold-Fallback.ttf`: the symbols and Latin letters
  Noto Sans Khmer lacks (prime ′, arrows, check marks ✓ ✗, ≤ ≥ ≈ ≠, shapes, №, ½, ², ₫ ฿,
  Vietnamese and Greek letters), cut from DejaVu Sans (see FALLBACK_RANGES). Only code points the
  Khmer font does not have are kept, and none that are drawn as colour emoji by default.
- `DejaVu-LICENSE.txt`: the Bitstream Vera licence DejaVu Sans is released under.

Needs `pip install fonttools fontpkg-noto-sans-khmer` and the Debian packages fonts-noto-color-emoji
and fonts-dejavu-core (or `--emoji-font PATH`, `--fallback-dir DIR`). Run:
`python tools/build_fonts.py`. Output is committed; re-run only to change the emoji list, the
fallback ranges or update a font.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "assets" / "fonts"
DEFAULT_EMOJI_FONT = Path("/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf")
DEFAULT_FALLBACK_DIR = Path("/usr/share/fonts/truetype/dejavu")
DEJAVU_COPYRIGHT = Path("/usr/share/doc/fonts-dejavu-core/copyright")
FALLBACK_OUTPUTS = {"DejaVuSans.ttf": "DejaVuSans-Fallback.ttf", "DejaVuSans-Bold.ttf": "DejaVuSans-Bold-Fallback.ttf"}

# Characters posts, scenarios and the UI may use that Noto Sans Khmer has no glyph for. Inclusive
# (first, last) code point ranges; what the Khmer font already has is dropped when cutting.
FALLBACK_RANGES = (
    (0x0020, 0x0020),  # space: HarfBuzz draws zero-width characters (U+FE0E) with it
    (0x0041, 0x005A), (0x0061, 0x007A),  # A-Z a-z: bases for combining accents the Khmer font lacks
    (0x00A0, 0x017F),  # Latin-1 and Latin Extended-A gaps: ± ² ³ ¹ µ ¼ ½ ¾ ¤ and accented letters
    (0x01A0, 0x01A1), (0x01AF, 0x01B0),  # Vietnamese ơ ư
    (0x02BC, 0x02BC), (0x0300, 0x0315), (0x0323, 0x0328),  # modifier apostrophe, combining accents
    (0x0391, 0x03A9), (0x03B1, 0x03C9),  # Greek letters (μ, π, Δ, Σ, Ω in explanations)
    (0x0E3F, 0x0E3F),  # Thai baht ฿
    (0x1EA0, 0x1EF9),  # Vietnamese letters ạ ả ấ ... ỹ
    (0x2000, 0x206F),  # general punctuation: ′ ″ ‰ † ‡ ‑ ― ⁄ ‼ ...
    (0x2070, 0x209F),  # superscripts and subscripts
    (0x20A0, 0x20C0),  # currency: ₫ ₭ ₩ ₹ ₱ ₿ ...
    (0x2103, 0x2103), (0x2109, 0x2109), (0x2113, 0x2113), (0x2116, 0x2117),  # ℃ ℉ ℓ № ℗
    (0x2120, 0x2122), (0x2126, 0x2126), (0x212E, 0x212E),
    (0x2150, 0x215F), (0x2189, 0x2189),  # fractions
    (0x2190, 0x2199), (0x21A9, 0x21AA), (0x21B0, 0x21B3), (0x21BA, 0x21BB), (0x21C4, 0x21C6),
    (0x21D0, 0x21D5), (0x21E6, 0x21E9),  # arrows → ← ↑ ↓ ↔ ⇒ ...
    (0x2200, 0x2211), (0x2213, 0x221A), (0x221D, 0x221E), (0x2227, 0x222B), (0x2234, 0x2235),
    (0x223C, 0x223C), (0x2243, 0x2243), (0x2245, 0x2245), (0x2248, 0x2248), (0x2260, 0x2265),
    (0x226A, 0x226B), (0x2282, 0x2287), (0x22C5, 0x22C5), (0x22EF, 0x22EF),  # maths: ≤ ≥ ≈ ≠ √ ∞
    (0x2460, 0x2473),  # circled numbers
    (0x25A0, 0x25FF),  # geometric shapes ■ □ ▲ ● ○ ◆ ◦
    (0x2605, 0x2606), (0x2610, 0x2612), (0x261A, 0x261F), (0x2640, 0x2642), (0x2660, 0x2667),
    (0x266A, 0x266B), (0x2690, 0x2691), (0x26A0, 0x26A0),  # ★ ☆ ☐ ☑ ☒ ☞ ♀ ♂ ♠ ♥ ♪ ⚐ ⚠
    (0x2713, 0x2718), (0x271A, 0x271A), (0x2726, 0x272A), (0x2736, 0x2736), (0x2756, 0x2756),
    (0x2776, 0x27BF), (0x27F5, 0x27F9),  # ✓ ✔ ✕ ✖ ✗ ✘ ✚ ✦ ❶ ➔ ➜ ➤ ⟶
    (0x2B00, 0x2B0D),  # ⬅ ⬆ ⬇ ...
)

# Emoji that social-media posts (news, rumours, scams, everyday chat) use most. Faces, hands,
# hearts, alerts, money, phones, health, weather, transport, and a few flags. Anything not here
# falls back in the game (see docs/text-layout.md), never to a tofu box.
COMMON_EMOJI = (
    # faces (the whole Emoticons block, U+1F600-1F64F, is added below) and newer faces
    "🤣🤩🤔🤗🤭🤫🤨🤐🤑🤒🤕🤢🤮🤧🥰🥳🥺🥲🥵🥶🤯🤬🤠🤡🤥🧐🤓😶‍🌫️🫢🫣🫡🫠"
    "☺️☹️💀☠️👻👽🤖💩😺"
    # hands and people
    "👍👎👏🙌👐🤝🙏✌️🤞🤟🤘👌🤌🤏👈👉👆👇☝️✋🤚🖐️🖖👋🤙💪✍️🫶🫰"
    "👀👁️👂👃🧠🫀👶🧒👦👧🧑👨👩🧓👴👵👮👷💂🕵️👩‍⚕️👨‍⚕️🧑‍⚕️👩‍🏫👨‍🌾🧑‍💻👪🙋🙅🙆🤷🤦🙇"
    # hearts and marks
    "❤️♥️🧡💛💚💙💜🖤🤍🤎💔❣️💕💞💓💗💖💘💝💯💢💥💫💦💨💬💭🗯️💤"
    "✅☑️✔️❌❎➕➖❗❓‼️⁉️⚠️🚫⛔🛑🚨🔴🟠🟡🟢🔵🟣⚫⚪🟥🟩⭐🌟✨⚡🔥💧🎉🎊🎁🎈🏆🥇🏅🎯"
    "🔔🔕📢📣📌📍🔗🔒🔓🔑🔎🔍⏰⏳⌛⏱️📅📆🗓️🆕🆓🆗🆘🔝🔞🔟"
    "⬆️⬇️⬅️➡️↗️↘️↙️↖️↩️↪️🔄🔃▶️⏩⏪🔼🔽"
    "0️⃣1️⃣2️⃣3️⃣4️⃣5️⃣6️⃣7️⃣8️⃣9️⃣#️⃣*️⃣"
    # money, work, phones, media
    "💰💵💴💶💷💸💳💲🪙🏦🏧📈📉📊🧾💼🏢🏭🏪🏠🏡🏥🏫🏛️⚖️🛒🛍️📦🚚"
    "📱📲☎️📞📟💻🖥️⌨️🖨️📷📸📹🎥📺📻📰🗞️📄📃📝✉️📧📨📩📤📥🔖🏷️🪪"
    # health, food, nature, weather, disaster
    "💊💉🩺🩹🦠😷🧪🧬🌡️🍚🍜🍲🍛🥭🍌🍉🥥🍺☕🍵🥤🌾🌱🌿🍀🌳🌴🌸🌺🌹🐟🐔🐷🐄🐃🐕🐈🐍🦟"
    "☀️🌤️⛅🌥️☁️🌦️🌧️⛈️🌩️🌪️🌀🌈☔🌊🌋🔥💨❄️🌙🌏🌍"
    # transport and places
    "🚗🚕🚌🚓🚑🚒🏍️🛵🚲🛺🚚🚢⛴️✈️🛫🚉🛣️🚧⛽🏝️🏖️🏯🛕⛪🕌🏨"
    # things
    "📚📖✏️🖊️🎓🎤🎧🎮⚽🏐🏸🎶🎵💡🔦🔋🔌🧯🪧🔨🛠️⚙️🧰💎💍👑🎂🍰🕯️🪔🙈🙉🙊"
    # flags (Cambodia and neighbours) and the white/black flags
    "🇰🇭🇹🇭🇻🇳🇱🇦🇨🇳🇺🇸🇯🇵🇰🇷🇲🇾🇸🇬🏳️🏴🚩"
)

# Skin-tone modifiers are left out on purpose: each one multiplies the people/hand glyphs by five.
# The game draws the base emoji instead (👍🏽 is drawn as 👍).
EXTRA_CODEPOINTS = [*range(0x1F600, 0x1F650), 0x200D, 0xFE0F, 0x20E3]


def ofl_text() -> str:
    """The licence text shipped with the Noto Sans Khmer wheel (SIL OFL 1.1)."""
    spec = importlib.util.find_spec("fontpkg_noto_sans_khmer")
    return (Path(spec.origin).parent / "LICENSE").read_text(encoding="utf-8")


def variable_khmer_font() -> Path:
    spec = importlib.util.find_spec("fontpkg_noto_sans_khmer")
    if spec is None:
        sys.exit("pip install fontpkg-noto-sans-khmer first")
    return next((Path(spec.origin).parent / "files").glob("NotoSansKhmer*.ttf"))


def build_khmer_statics() -> None:
    from fontTools.ttLib import TTFont
    from fontTools.varLib import instancer

    source = variable_khmer_font()
    for style, weight in (("Regular", 400), ("Bold", 700)):
        font = TTFont(source)
        static = instancer.instantiateVariableFont(
            font, {"wght": weight, "wdth": 100}, updateFontNames=False
        )
        names = static["name"]
        names.setName(f"Noto Sans Khmer {style}" if style != "Regular" else "Noto Sans Khmer", 4, 3, 1, 0x409)
        names.setName(style, 2, 3, 1, 0x409)
        if style == "Bold":
            static["OS/2"].usWeightClass = 700
            static["OS/2"].fsSelection = (static["OS/2"].fsSelection | 0x20) & ~0x40
            static["head"].macStyle |= 0x1
        target = OUT / f"NotoSansKhmer-{style}.ttf"
        static.save(target)
        print(f"wrote {target.relative_to(REPO)} ({target.stat().st_size // 1024} kB)")


def build_emoji_subset(emoji_font: Path) -> None:
    from fontTools import subset

    unicodes = sorted({ord(ch) for ch in COMMON_EMOJI} | set(EXTRA_CODEPOINTS))
    options = subset.Options()
    options.layout_features = ["*"]  # keep the ccmp/liga ligatures that build ZWJ, flag and keycap sequences
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.drop_tables = [t for t in options.drop_tables if t not in ("CBDT", "CBLC")]
    font = subset.load_font(str(emoji_font), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)
    target = OUT / "NotoColorEmoji-Subset.ttf"
    subset.save_font(font, str(target), options)
    print(f"wrote {target.relative_to(REPO)} ({target.stat().st_size // 1024} kB, {len(font.getGlyphOrder())} glyphs)")


def emoji_by_default(code: int) -> bool:
    """True for a character drawn as a colour emoji even without U+FE0F (Emoji_Presentation=Yes).

    emoji-test.txt lists such a character alone as fully qualified; a text-default one (✔, ⚠)
    alone is "unqualified". Those stay in the fallback font, for text presentation (U+FE0E)."""
    import emoji

    return emoji.EMOJI_DATA.get(chr(code), {}).get("status") == emoji.STATUS["fully_qualified"]


def bitstream_vera_licence() -> str:
    """The DejaVu licence (Bitstream Vera terms, DejaVu changes in the public domain), from Debian's copyright file."""
    lines = DEJAVU_COPYRIGHT.read_text(encoding="utf-8").splitlines()
    start = lines.index("Files: *")
    end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("Files:"))
    body = []
    for line in lines[start + 1:end]:
        line = line.removeprefix("Copyright: ").removeprefix("License: ")
        body.append("" if line.strip() == "." else line.strip())
    header = ("DejaVu Sans (https://dejavu-fonts.github.io/), subset by tools/build_fonts.py into\n"
              "DejaVuSans-Fallback.ttf and DejaVuSans-Bold-Fallback.ttf.\n\n")
    return header + "\n".join(body).strip() + "\n"


def build_fallback_subsets(fallback_dir: Path) -> None:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    khmer = set()
    for style in ("Regular", "Bold"):
        khmer |= set(TTFont(OUT / f"NotoSansKhmer-{style}.ttf").getBestCmap())
    wanted = {code for first, last in FALLBACK_RANGES for code in range(first, last + 1)
              if (code not in khmer or chr(code).isascii() or 0x0300 <= code <= 0x036F)
              and not emoji_by_default(code)}  # letters and accents too, so a whole accented cluster fits one face
    for source_name, target_name in FALLBACK_OUTPUTS.items():
        options = subset.Options()
        options.hinting = False  # SDL_ttf's light hinting looks the same; saves a third of the size
        options.notdef_outline = True
        options.drop_tables += ["MATH", "FFTM"]
        font = subset.load_font(str(fallback_dir / source_name), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=sorted(wanted & set(font.getBestCmap())))
        subsetter.subset(font)
        target = OUT / target_name
        subset.save_font(font, str(target), options)
        print(f"wrote {target.relative_to(REPO)} ({target.stat().st_size // 1024} kB, "
              f"{len(font.getBestCmap())} characters)")
    (OUT / "DejaVu-LICENSE.txt").write_text(bitstream_vera_licence(), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--emoji-font", type=Path, default=DEFAULT_EMOJI_FONT)
    parser.add_argument("--fallback-dir", type=Path, default=DEFAULT_FALLBACK_DIR,
                        help="folder holding DejaVuSans.ttf and DejaVuSans-Bold.ttf")
    parser.add_argument("--only-fallback", action="store_true",
                        help="only re-cut the fallback fonts (the Khmer fonts must already be built)")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    missing = [name for name in FALLBACK_OUTPUTS if not (args.fallback_dir / name).exists()]
    if missing or not DEJAVU_COPYRIGHT.exists():
        sys.exit(f"DejaVu Sans not found in {args.fallback_dir}: apt-get install fonts-dejavu-core, or pass --fallback-dir")
    if args.only_fallback:
        build_fallback_subsets(args.fallback_dir)
        return 0
    (OUT / "OFL.txt").write_text(ofl_text(), encoding="utf-8")
    build_khmer_statics()
    build_fallback_subsets(args.fallback_dir)
    if not args.emoji_font.exists():
        sys.exit(f"{args.emoji_font} not found: apt-get install fonts-noto-color-emoji, or pass --emoji-font")
    build_emoji_subset(args.emoji_font)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Build the bundled fonts in `assets/fonts/` (a build-time tool, not used by the game at runtime).

- `NotoSansKhmer-Regular.ttf` and `NotoSansKhmer-Bold.ttf`: static instances (wght 400 and 700,
  wdth 100) of the variable Noto Sans Khmer from the `fontpkg-noto-sans-khmer` wheel. Static
  instances give a real bold (SDL_ttf can only fake one) and need no variation support.
- `NotoColorEmoji-Subset.ttf`: Noto Color Emoji cut down to the emoji that posts use most
  (see COMMON_EMOJI). ZWJ sequences are kept where all their parts are; skin tones are not kept.
- `OFL.txt`: the SIL Open Font License both fonts are released under.

Needs `pip install fonttools fontpkg-noto-sans-khmer` and the Debian package fonts-noto-color-emoji
(or `--emoji-font PATH`). Run: `python tools/build_fonts.py`. Output is committed; re-run only to
change the emoji list or update a font.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "assets" / "fonts"
DEFAULT_EMOJI_FONT = Path("/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf")

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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--emoji-font", type=Path, default=DEFAULT_EMOJI_FONT)
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "OFL.txt").write_text(ofl_text(), encoding="utf-8")
    build_khmer_statics()
    if not args.emoji_font.exists():
        sys.exit(f"{args.emoji_font} not found: apt-get install fonts-noto-color-emoji, or pass --emoji-font")
    build_emoji_subset(args.emoji_font)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Draw the small pictures used by `scenarios/example/` (run once; the PNGs are committed).

Usage: python tools/make_example_images.py
"""

from pathlib import Path

from PIL import Image, ImageDraw

IMAGES = Path(__file__).resolve().parent.parent / "scenarios" / "example" / "images"


def flooded_street(path: Path) -> None:
    picture = Image.new("RGB", (480, 270), (150, 185, 215))
    draw = ImageDraw.Draw(picture)
    for left, height, colour in ((20, 150, 0xC8A07A), (140, 190, 0xB5B5A8), (270, 130, 0xD9C38F), (380, 170, 0xA8B8A0)):
        rgb = ((colour >> 16) & 255, (colour >> 8) & 255, colour & 255)
        draw.rectangle((left, 270 - height - 40, left + 100, 230), fill=rgb)
        for row in range(270 - height - 25, 215, 30):
            draw.rectangle((left + 15, row, left + 35, row + 15), fill=(70, 90, 110))
            draw.rectangle((left + 60, row, left + 80, row + 15), fill=(70, 90, 110))
    draw.rectangle((0, 200, 480, 270), fill=(120, 105, 75))
    for wave in range(0, 480, 24):
        draw.arc((wave, 195, wave + 24, 210), 180, 360, fill=(90, 80, 60), width=2)
    picture.save(path, optimize=True)


def avatar(path: Path) -> None:
    picture = Image.new("RGB", (96, 96), (32, 96, 160))
    draw = ImageDraw.Draw(picture)
    draw.ellipse((28, 14, 68, 54), fill=(240, 240, 240))
    draw.pieslice((12, 52, 84, 124), 180, 360, fill=(240, 240, 240))
    picture.save(path, optimize=True)


if __name__ == "__main__":
    IMAGES.mkdir(parents=True, exist_ok=True)
    flooded_street(IMAGES / "flooded-street.png")
    avatar(IMAGES / "city-hall-avatar.png")
    print("wrote", *sorted(p.name for p in IMAGES.iterdir()))

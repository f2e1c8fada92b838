"""Surface caches for the UI layer: pictures (loaded once, scaled per size), avatars, veils, and a
byte-bounded LRU for big surfaces such as rendered post cards.

Keys are content (file, size, colours), never scene objects. Nothing here touches the rules state.
A missing or broken picture gives a placeholder, never a crash.
"""

from __future__ import annotations

import zlib
from collections import OrderedDict
from typing import Any, Callable, Hashable, Optional

import pygame

from game.ui.theme import AVATAR_COLOURS


class LRUSurfaces:
    """Surfaces by key, dropping the least recently used ones past `max_bytes`."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.bytes = 0
        self._items: "OrderedDict[Hashable, tuple[Any, int]]" = OrderedDict()

    @staticmethod
    def _size_of(value: Any) -> int:
        surface = value if isinstance(value, pygame.Surface) else getattr(value, "surface", None)
        if surface is None:
            return 1024
        return surface.get_width() * surface.get_height() * surface.get_bytesize() + 256

    def get(self, key: Hashable) -> Any:
        item = self._items.get(key)
        if item is None:
            return None
        self._items.move_to_end(key)
        return item[0]

    def __contains__(self, key: Hashable) -> bool:
        return key in self._items

    def put(self, key: Hashable, value: Any) -> Any:
        if key in self._items:
            self.bytes -= self._items.pop(key)[1]
        size = self._size_of(value)
        self._items[key] = (value, size)
        self.bytes += size
        while self.bytes > self.max_bytes and len(self._items) > 1:
            _, (_, dropped) = self._items.popitem(last=False)
            self.bytes -= dropped
        return value

    def get_or_make(self, key: Hashable, make: Callable[[], Any]) -> Any:
        value = self.get(key)
        if value is None:
            value = self.put(key, make())
        return value

    def clear(self) -> None:
        self._items.clear()
        self.bytes = 0

    def __len__(self) -> int:
        return len(self._items)


def avatar_colour(name: str) -> tuple[int, int, int]:
    """A stable colour for a name (the same name always gets the same colour)."""
    return AVATAR_COLOURS[zlib.crc32(name.encode("utf-8")) % len(AVATAR_COLOURS)]


def initials(name: str) -> str:
    """Up to two initials from a display name; Khmer names give their first character (a whole cluster is not needed here)."""
    words = [w for w in name.replace("_", " ").split() if w]
    if not words:
        return "?"
    letters = [w[0] for w in words if w[0].isalpha()] or [words[0][0]]
    if len(letters) == 1 or not all(ch.isascii() for ch in letters):
        return letters[0].upper()
    return (letters[0] + letters[-1]).upper()


class SurfaceCache:
    """All the UI's cached surfaces, owned by the `Context`."""

    def __init__(self) -> None:
        self._originals: dict[str, Optional[pygame.Surface]] = {}
        self.scaled = LRUSurfaces(32 * 1024 * 1024)
        self.cards = LRUSurfaces(40 * 1024 * 1024)
        self.card_jobs: dict[Hashable, object] = {}  # cards being painted a step per frame
        self.small: dict[Hashable, pygame.Surface] = {}

    def clear_cards(self) -> None:
        self.cards.clear()
        self.card_jobs.clear()

    def veil(self, size: tuple[int, int], rgba: tuple[int, int, int, int]) -> pygame.Surface:
        key = ("veil", size, rgba)
        veil = self.small.get(key)
        if veil is None:
            veil = pygame.Surface(size, pygame.SRCALPHA)
            veil.fill(rgba)
            self.small = {k: v for k, v in self.small.items() if k[0] != "veil"}
            self.small[key] = veil
        return veil

    def original(self, path: str) -> Optional[pygame.Surface]:
        """The picture as loaded (None when missing or unreadable)."""
        if path not in self._originals:
            try:
                image = pygame.image.load(path)
                if pygame.display.get_surface() is not None:
                    image = image.convert_alpha() if image.get_alpha() is not None else image.convert()
            except (pygame.error, FileNotFoundError, OSError):
                image = None
            self._originals[path] = image
        return self._originals[path]

    def image_size(self, path: str, max_width: int, max_height: int) -> Optional[tuple[int, int]]:
        """The size a picture is shown at within a box, keeping its proportions."""
        image = self.original(path)
        if image is None:
            return None
        width, height = image.get_size()
        if width <= 0 or height <= 0:
            return None
        factor = min(max_width / width, max_height / height)
        return max(1, int(width * factor)), max(1, int(height * factor))

    def image(self, path: str, size: tuple[int, int]) -> Optional[pygame.Surface]:
        def make() -> Optional[pygame.Surface]:
            image = self.original(path)
            if image is None:
                return None
            return pygame.transform.smoothscale(image, size)

        return self.scaled.get_or_make(("image", path, size), make)

    def avatar(self, path: Optional[str], name: str, diameter: int, font_render: Callable[[str], pygame.Surface]) -> pygame.Surface:
        """A round avatar: the account's picture, or initials on a colour from the name."""
        key = ("avatar", path, name, diameter)
        cached = self.small.get(key)
        if cached is not None:
            return cached
        surface = pygame.Surface((diameter, diameter), pygame.SRCALPHA)
        image = self.original(path) if path else None
        if image is not None:
            side = min(image.get_size())
            square = image.subsurface(
                pygame.Rect((image.get_width() - side) // 2, (image.get_height() - side) // 2, side, side)
            )
            scaled = pygame.transform.smoothscale(square, (diameter, diameter))
            mask = pygame.Surface((diameter, diameter), pygame.SRCALPHA)
            pygame.draw.circle(mask, (255, 255, 255, 255), (diameter // 2, diameter // 2), diameter // 2)
            surface.blit(scaled, (0, 0))
            surface.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
        else:
            pygame.draw.circle(surface, avatar_colour(name), (diameter // 2, diameter // 2), diameter // 2)
            letters = font_render(initials(name))
            surface.blit(letters, ((diameter - letters.get_width()) // 2, (diameter - letters.get_height()) // 2))
        self.small[key] = surface
        return surface

"""Surface caches for the UI layer: pictures (loaded once, scaled per size), avatars, veils, a
byte-bounded LRU for big surfaces such as rendered post cards, and a pool that recycles the pixel
memory of dropped cards. `LRUCache` is the one least-recently-used cache of the UI (the text renderer
uses it too).

Keys are content (file, size, colours), never scene objects. Nothing here touches the rules state.
A missing or broken picture gives a placeholder, never a crash.
"""

from __future__ import annotations

import sys
import weakref
import zlib
from collections import OrderedDict
from typing import Any, Callable, Generic, Hashable, Optional, TypeVar

import pygame

from game.ui.theme import AVATAR_COLOURS

CARD_BYTES = 24 * 1024 * 1024  # painted cards kept (about 12 cards at 1280x720); the feed raises it for big windows


Value = TypeVar("Value")


class LRUCache(Generic[Value]):
    """A small least-recently-used cache bounded by entry count and by a total cost (bytes)."""

    def __init__(self, max_entries: int, max_cost: int = 0):
        self._items: OrderedDict[Hashable, tuple[Value, int]] = OrderedDict()
        self.max_entries = max_entries
        self.max_cost = max_cost
        self.cost = 0
        self.hits = 0
        self.misses = 0

    def get(self, key: Hashable) -> Value | None:
        item = self._items.get(key)
        if item is None:
            self.misses += 1
            return None
        self.hits += 1
        self._items.move_to_end(key)
        return item[0]

    def put(self, key: Hashable, value: Value, cost: int = 0) -> Value:
        if key in self._items:
            self.cost -= self._items.pop(key)[1]
        self._items[key] = (value, cost)
        self.cost += cost
        while len(self._items) > self.max_entries or (self.max_cost and self.cost > self.max_cost and len(self._items) > 1):
            self.cost -= self._items.popitem(last=False)[1][1]
        return value

    def clear(self) -> None:
        self._items.clear()
        self.cost = 0

    def __len__(self) -> int:
        return len(self._items)


class LRUSurfaces(LRUCache[Any]):
    """Surfaces by key, dropping the least recently used ones past `max_bytes` (each costs its pixels)."""

    def __init__(self, max_bytes: int) -> None:
        super().__init__(max_entries=sys.maxsize, max_cost=max_bytes)

    @property
    def max_bytes(self) -> int:
        return self.max_cost

    @max_bytes.setter
    def max_bytes(self, value: int) -> None:
        self.max_cost = value

    @property
    def bytes(self) -> int:
        return self.cost

    @staticmethod
    def _size_of(value: Any) -> int:
        surface = value if isinstance(value, pygame.Surface) else getattr(value, "surface", None)
        if surface is None:
            return 1024
        surface = surface.get_parent() or surface  # a pooled card holds its whole buffer
        return surface.get_width() * surface.get_height() * surface.get_bytesize() + 256

    def __contains__(self, key: Hashable) -> bool:
        return key in self._items

    def put(self, key: Hashable, value: Any, cost: Optional[int] = None) -> Any:
        """Keep `value`; its cost is its surface's bytes unless given."""
        return super().put(key, value, self._size_of(value) if cost is None else cost)

    def get_or_make(self, key: Hashable, make: Callable[[], Any]) -> Any:
        value = self.get(key)
        if value is None:
            value = self.put(key, make())
        return value


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


class SurfacePool:
    """Big surfaces made from recycled pixel memory.

    A freshly allocated card-sized surface costs about half a millisecond of page faults the first
    time it is painted (more than painting the card itself), so the memory of cards the LRU drops is
    kept and handed out again. `surface()` returns a subsurface of a pooled buffer of the same width
    and a slightly larger height; the buffer comes back to the pool only when that subsurface is
    garbage (nobody can still be showing it), so a recycled buffer never overwrites a live card.
    """

    HEIGHT_STEP = 64  # buffer heights are rounded up to this, so one buffer fits cards of similar heights

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.bytes = 0  # held by free buffers
        self._free: dict[tuple, list[pygame.Surface]] = {}
        self.reused = 0
        self.made = 0
        self._reserved: Optional[tuple] = None

    @staticmethod
    def _kind(width: int, like: Optional[pygame.Surface]) -> tuple:
        return (width, like.get_bitsize(), like.get_masks()) if like is not None else (width, None, None)

    def _new_buffer(self, width: int, height: int, like: Optional[pygame.Surface]) -> pygame.Surface:
        rounded = -(-height // self.HEIGHT_STEP) * self.HEIGHT_STEP
        self.made += 1
        return pygame.Surface((width, rounded), 0, like) if like is not None else pygame.Surface((width, rounded))

    def reserve(self, size: tuple[int, int], count: int, like: Optional[pygame.Surface] = None) -> None:
        """Make sure `count` free buffers of at least `size` wait in the pool (within `max_bytes`).

        The feed calls this when it opens, so the memory its cards need is touched once, up front,
        not in the middle of a scroll."""
        width, height = int(size[0]), max(1, int(size[1]))
        kind = self._kind(width, like)
        if self._reserved == (kind, height, count):
            return  # already done for this card width: the buffers now circulate between cards and pool
        self._reserved = (kind, height, count)
        for other in [k for k in self._free if k != kind]:  # buffers for another window size are no use now
            self.bytes -= sum(self._bytes(buffer) for buffer in self._free.pop(other))
        free = self._free.setdefault(kind, [])
        ready = sum(1 for buffer in free if buffer.get_height() >= height)
        while ready < count:
            buffer = self._new_buffer(width, height, like)
            if self.bytes + self._bytes(buffer) > self.max_bytes:
                break
            free.append(buffer)
            self.bytes += self._bytes(buffer)
            ready += 1

    def surface(self, size: tuple[int, int], like: Optional[pygame.Surface] = None) -> pygame.Surface:
        """An opaque surface of `size` in the format of `like` (the display), contents undefined."""
        width, height = int(size[0]), max(1, int(size[1]))
        kind = self._kind(width, like)
        free = self._free.get(kind, [])
        best = None
        for index, buffer in enumerate(free):
            if buffer.get_height() >= height and (best is None or buffer.get_height() < free[best].get_height()):
                best = index
        if best is not None:
            buffer = free.pop(best)
            self.bytes -= self._bytes(buffer)
            self.reused += 1
        else:
            buffer = self._new_buffer(width, height, like)
        piece = buffer.subsurface(pygame.Rect(0, 0, width, height))
        weakref.finalize(piece, self._give_back, kind, buffer).atexit = False
        return piece

    @staticmethod
    def _bytes(buffer: pygame.Surface) -> int:
        return buffer.get_pitch() * buffer.get_height()

    def _give_back(self, kind: tuple, buffer: pygame.Surface) -> None:
        size = self._bytes(buffer)
        if self.bytes + size <= self.max_bytes:
            self._free.setdefault(kind, []).append(buffer)
            self.bytes += size

    def clear(self) -> None:
        self._free.clear()
        self.bytes = 0


class SurfaceCache:
    """All the UI's cached surfaces, owned by the `Context`."""

    MAX_CARD_JOBS = 8  # half-painted cards kept; older ones (e.g. of a post that changed) are dropped

    def __init__(self) -> None:
        self._originals: dict[str, Optional[pygame.Surface]] = {}
        self.scaled = LRUSurfaces(32 * 1024 * 1024)
        self.cards = LRUSurfaces(CARD_BYTES)
        self.card_pool = SurfacePool(CARD_BYTES + 8 * 1024 * 1024)
        self.card_jobs: dict[Hashable, object] = {}  # cards being painted a step per frame
        self.painted_on_demand = 0  # cards that had to be painted whole when first drawn
        self.small: dict[Hashable, pygame.Surface] = {}

    def clear_cards(self) -> None:
        self.cards.clear()
        self.card_jobs.clear()

    def add_card_job(self, key: Hashable, job: object) -> None:
        while len(self.card_jobs) >= self.MAX_CARD_JOBS:
            self.card_jobs.pop(next(iter(self.card_jobs)))
        self.card_jobs[key] = job

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

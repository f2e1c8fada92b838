"""Helpers for the text tests: the ink of drawn glyphs, to tell a real glyph from a tofu box."""

import pygame

INK = (20, 20, 30)


def ink_shape(surface):
    """The ink of a surface cropped to its bounding box and scaled to 16x16, as bytes (for comparing shapes)."""
    mask = pygame.mask.from_surface(surface, 40)
    rects = mask.get_bounding_rects()
    if not rects:
        return b""
    box = rects[0].unionall(rects[1:])
    cropped = mask.to_surface().subsurface(box)
    return bytes(pygame.image.tobytes(pygame.transform.scale(cropped, (16, 16)), "RGB"))


def tofu_shape(renderer, size=24, bold=False):
    """The .notdef box as the text font draws it (U+FFFF is in no font), straight from SDL_ttf."""
    return ink_shape(renderer.font(size, bold).render("\uffff", True, INK))

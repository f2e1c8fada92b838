"""Post cards: lay out and paint one post (avatar, name, badge, time, text, picture, link preview,
counts, action buttons, comments) from a `PostView`, as a cached surface.

`card_layout` gives the card's height and its button rectangles (relative to the card) without
painting; `card_surface` paints it once per (view, width, comments open, theme, text scale) and
caches the surface in the context's byte-bounded card cache. Focus and hover are drawn live by the
feed on top of the cached surface.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

import pygame

from game.app.present import PostView
from game.lang.i18n import N_
from game.ui import theme as sizes
from game.ui.widgets import draw_check

if TYPE_CHECKING:
    from game.ui.context import Context

ACTIONS = (
    ("share", N_("Share"), "S"),
    ("flag", N_("Flag"), "F"),
    ("verify", N_("Verify"), "V"),
    ("skip", N_("Not sure"), "N"),
)
ACTION_HINTS = {action: hint for action, _label, hint in ACTIONS}
BACKGROUND_BAND = 192  # rows of card background painted per step


@dataclass(frozen=True)
class CardLayout:
    width: int
    height: int
    header_h: int
    text_y: int
    text_h: int
    image_y: int
    image_size: Optional[tuple[int, int]]
    image_box_h: int
    link_y: int
    link_h: int
    counts_y: int
    actions_y: int
    comments_y: int
    buttons: tuple[tuple[str, str, pygame.Rect], ...]  # (action, label, rect relative to the card)


def _text_width(width: int, ctx: "Context") -> int:
    return max(40, width - 2 * ctx.metrics.px(sizes.CARD_PADDING))


def _link_blocks(view: PostView, width: int, ctx: "Context") -> int:
    if view.link is None:
        return 0
    m = ctx.metrics
    inner = _text_width(width, ctx) - 2 * m.px(10)
    h = m.px(10) + ctx.text.line_height(sizes.FONT_SMALL)
    h += ctx.text.layout(view.link.title, inner, sizes.FONT_BODY, bold=True).height
    if view.link.description:
        h += ctx.text.layout(view.link.description, inner, sizes.FONT_SMALL).height
    return h + m.px(10)


def _comments_height(view: PostView, width: int, ctx: "Context") -> int:
    m = ctx.metrics
    inner = _text_width(width, ctx) - m.px(28) - m.px(8) - 2 * m.px(10)
    total = m.px(6)
    for comment in view.comments:
        total += m.px(6) + ctx.text.line_height(sizes.FONT_SMALL) + ctx.text.layout(comment.text, inner, sizes.FONT_SMALL).height + m.px(6) + m.px(6)
    return total + m.px(4)


def card_layout(view: PostView, width: int, comments_open: bool, ctx: "Context", show_actions: bool = True) -> CardLayout:
    key = ("layout", view, width, comments_open, show_actions, ctx.layout_token)
    cached = ctx.cache.small.get(key)
    if cached is not None:
        return cached
    m = ctx.metrics
    pad = m.px(sizes.CARD_PADDING)
    avatar = m.px(sizes.AVATAR_SIZE)
    header_h = pad + max(avatar, ctx.text.line_height(sizes.FONT_NAME) + ctx.text.line_height(sizes.FONT_SMALL)) + m.px(8)
    if _chip_place(view, width, ctx) == "row":
        header_h += ctx.text.line_height(sizes.FONT_SMALL) + m.px(10)
    text_w = _text_width(width, ctx)
    text_h = ctx.text.layout(view.text, text_w, sizes.FONT_BODY).height
    y = header_h
    text_y = y
    y += text_h + m.px(10)
    image_y = y
    image_size = None
    image_box_h = 0
    if view.image_file:
        image_size = ctx.cache.image_size(view.image_file, width, m.px(380))
        image_box_h = image_size[1] if image_size else m.px(120)
        y += image_box_h + m.px(8)
    link_y = y
    link_h = _link_blocks(view, width, ctx)
    if link_h:
        link_y = y
        y += link_h + m.px(8)
    counts_y = y
    y += ctx.text.line_height(sizes.FONT_SMALL) + m.px(8)
    actions_y = y
    buttons: list[tuple[str, str, pygame.Rect]] = []
    row_h = action_row_height(ctx)
    if show_actions:
        y += m.px(4)
        if view.decision is None:
            slot = (width - 2 * pad) / len(ACTIONS)
            for index, (action, label, _hint) in enumerate(ACTIONS):
                rect = pygame.Rect(round(pad + index * slot) + m.px(2), y, round(slot) - m.px(4), row_h)
                buttons.append((action, label, rect))
        y += row_h + m.px(4)
    # The comments toggle sits on the counts row, on the right.
    comments_label = view.comments_text
    comments_w = ctx.text.measure(comments_label, sizes.FONT_SMALL)[0] + m.px(16)
    buttons.append(
        ("comments", comments_label, pygame.Rect(width - pad - comments_w, counts_y - m.px(4), comments_w, ctx.text.line_height(sizes.FONT_SMALL) + m.px(8)))
    )
    comments_y = y
    if comments_open and view.comments:
        y += _comments_height(view, width, ctx)
    y += pad // 2
    result = CardLayout(width, y, header_h, text_y, text_h, image_y, image_size, image_box_h, link_y, link_h, counts_y, actions_y, comments_y, tuple(buttons))
    ctx.cache.small[key] = result
    return result


def _avatar(view: PostView, ctx: "Context") -> pygame.Surface:
    text = ctx.text
    return ctx.cache.avatar(
        view.avatar_file, view.author_name, ctx.metrics.px(sizes.AVATAR_SIZE),
        lambda letters: text.render_line(letters, sizes.FONT_TITLE - 4, (255, 255, 255), bold=True),
    )


# Drawn once per text style when the feed opens: loads the fonts and their shaping for Latin and Khmer.
WARM_UP_TEXT = "Share 0123 \u1780\u17d2\u179a\u179f\u17bd\u1784 \u17e0\u17e1\u17e2"
CARD_TEXT_STYLES = (
    (sizes.FONT_NAME, True), (sizes.FONT_SMALL, False), (sizes.FONT_SMALL, True),
    (sizes.FONT_BODY, False), (sizes.FONT_BODY, True), (sizes.FONT_TITLE - 4, True),
)


def warm_card_assets(views, width: int, ctx: "Context") -> None:
    """Open the fonts cards use (Latin and Khmer) and scale each distinct picture and avatar once.

    The feed calls this when it opens (like a game loading a level's assets), so painting a card
    while scrolling never waits for a font file or a picture to be scaled."""
    for size, bold in CARD_TEXT_STYLES:
        ctx.text.render_line(WARM_UP_TEXT, size, ctx.theme.text, bold)
    scaled = ctx.cache.scaled
    pictures: set[str] = set()
    avatars: set[tuple] = set()
    for view in views:
        if (view.avatar_file, view.author_name) not in avatars:
            avatars.add((view.avatar_file, view.author_name))
            _avatar(view, ctx)
        if view.image_file and view.image_file not in pictures and scaled.bytes < scaled.max_bytes // 2:
            pictures.add(view.image_file)
            layout = card_layout(view, width, False, ctx)
            if layout.image_size:
                ctx.cache.image(view.image_file, layout.image_size)


def _corner_template(ctx: "Context") -> pygame.Surface:
    """A tiny rounded card (page around it, border on it) whose quarters are the card's four corners."""
    radius = ctx.metrics.px(8)
    key = ("card-corners", radius, ctx.theme.name)
    template = ctx.cache.small.get(key)
    if template is None:
        side = 2 * radius + 2
        template = pygame.Surface((side, side))
        template.fill(ctx.theme.page)
        pygame.draw.rect(template, ctx.theme.card, template.get_rect(), border_radius=radius)
        pygame.draw.rect(template, ctx.theme.card_border, template.get_rect(), width=1, border_radius=radius)
        ctx.cache.small[key] = template
    return template


def _draw_card_frame(surface: pygame.Surface, ctx: "Context") -> None:
    """The rounded border of a card already filled with the card colour (the same look as one rounded
    `draw.rect`, without touching every pixel again)."""
    width, height = surface.get_size()
    border = ctx.theme.card_border
    pygame.draw.line(surface, border, (0, 0), (width - 1, 0))
    pygame.draw.line(surface, border, (0, height - 1), (width - 1, height - 1))
    pygame.draw.line(surface, border, (0, 0), (0, height - 1))
    pygame.draw.line(surface, border, (width - 1, 0), (width - 1, height - 1))
    template = _corner_template(ctx)
    half = template.get_width() // 2
    for x, y in ((0, 0), (width - half, 0), (0, height - half), (width - half, height - half)):
        source_x = 0 if x == 0 else template.get_width() - half
        source_y = 0 if y == 0 else template.get_height() - half
        surface.blit(template, (x, y), area=pygame.Rect(source_x, source_y, half, half))


def _meta_text(view: PostView) -> str:
    return f"{view.handle} · {view.time_text}" if view.handle else view.time_text


def _chip_place(view: PostView, width: int, ctx: "Context") -> str:
    """Where the decision chip goes in the header: beside the name when there is room, else beside
    the handle and time, else (long names, big text) on a row of its own. "" when there is no chip."""
    if not view.decision_text:
        return ""
    m, text = ctx.metrics, ctx.text
    right = width - m.px(sizes.CARD_PADDING)
    name_x = m.px(sizes.CARD_PADDING) + m.px(sizes.AVATAR_SIZE) + m.px(10)
    chip_w = text.measure(view.decision_text, sizes.FONT_SMALL, bold=True)[0] + m.px(20)
    badge_room = m.px(30) if view.verified else m.px(8)
    if name_x + text.measure(view.author_name, sizes.FONT_NAME, bold=True)[0] + badge_room + chip_w <= right:
        return "name"
    if name_x + text.measure(_meta_text(view), sizes.FONT_SMALL)[0] + m.px(8) + chip_w <= right:
        return "meta"
    return "row"


def _middle_of_text(text, size: float) -> int:
    """How far below the top of a line the middle of lower-case letters is (where a "·" sits)."""
    return text.layout("x", 10_000, size).baseline - round(text.pixel_size(size) * 0.27)


def action_row_height(ctx: "Context") -> int:
    """The height of a row of action buttons: a little taller with bigger text (150% Khmer labels)."""
    return ctx.metrics.px(sizes.BUTTON_HEIGHT * max(1.0, (1.0 + ctx.metrics.text_scale) / 2))


def _verified_badge(surface: pygame.Surface, pos: tuple[int, int], diameter: int, ctx: "Context") -> None:
    centre = (pos[0] + diameter // 2, pos[1] + diameter // 2)
    pygame.draw.circle(surface, ctx.theme.accent, centre, diameter // 2)
    draw_check(surface, pygame.Rect(pos[0], pos[1], diameter, diameter), ctx.theme.accent_text, max(2, diameter // 7))


def _highlights(spans, colour) -> tuple:
    return tuple((start, end, colour) for start, end in spans)


def card_key(view: PostView, width: int, comments_open: bool, ctx: "Context", show_actions: bool = True) -> tuple:
    return ("card", view, width, comments_open, show_actions, ctx.layout_token)


def card_surface(view: PostView, width: int, comments_open: bool, ctx: "Context", show_actions: bool = True) -> pygame.Surface:
    """The painted card, from the cache, finishing or starting its painting if needed."""
    key = card_key(view, width, comments_open, ctx, show_actions)
    cached = ctx.cache.cards.get(key)
    if cached is not None:
        return cached
    job = ctx.cache.card_jobs.pop(key, None) or _paint_card(view, width, comments_open, ctx, show_actions)
    ctx.cache.painted_on_demand += 1  # painting ahead did not get there first (benchmarks report it)
    while True:
        try:
            next(job)
        except StopIteration as done:
            return ctx.cache.cards.put(key, done.value)


def card_ready(view: PostView, width: int, comments_open: bool, ctx: "Context", show_actions: bool = True) -> bool:
    """True when the card is painted and cached (drawing it costs only a blit)."""
    return card_key(view, width, comments_open, ctx, show_actions) in ctx.cache.cards


def paint_ahead(view: PostView, width: int, comments_open: bool, ctx: "Context", show_actions: bool = True) -> bool:
    """Do one small step of painting a card that will soon be needed. Returns True when it is ready."""
    key = card_key(view, width, comments_open, ctx, show_actions)
    if key in ctx.cache.cards:
        return True
    job = ctx.cache.card_jobs.get(key)
    if job is None:
        job = _paint_card(view, width, comments_open, ctx, show_actions)
        ctx.cache.add_card_job(key, job)
    try:
        next(job)
    except StopIteration as done:
        ctx.cache.card_jobs.pop(key, None)
        ctx.cache.cards.put(key, done.value)
        return True
    return False


def _paint_card(view: PostView, width: int, comments_open: bool, ctx: "Context", show_actions: bool):
    """Paint a card in small steps (a generator: about one text drawn per step), so the feed can
    spread the work over frames."""
    layout = card_layout(view, width, comments_open, ctx, show_actions)
    theme, m, text = ctx.theme, ctx.metrics, ctx.text
    # Recycled pixel memory in the display's format: a fresh surface this big costs more in page
    # faults than the painting, and a converted surface blits fastest.
    pool = ctx.cache.card_pool
    surface = pool.surface((width, layout.height), pygame.display.get_surface())
    yield
    # The background in bands, a step each (new memory is slow to touch the first time).
    for band_top in range(0, layout.height, BACKGROUND_BAND):
        surface.fill(theme.card, pygame.Rect(0, band_top, width, BACKGROUND_BAND))
        yield
    _draw_card_frame(surface, ctx)
    pad = m.px(sizes.CARD_PADDING)
    avatar_d = m.px(sizes.AVATAR_SIZE)

    # Header: avatar, name, verified badge, handle and time, decision chip.
    surface.blit(_avatar(view, ctx), (pad, pad))
    name_x = pad + avatar_d + m.px(10)
    name = text.render_line(view.author_name, sizes.FONT_NAME, theme.text, bold=True)
    badge_room = m.px(30) if view.verified else m.px(8)
    chip_w = 0  # room the chip takes beside the name
    meta_room = width - name_x - pad
    place = _chip_place(view, width, ctx)
    if place:
        chip_text = text.render_line(view.decision_text, sizes.FONT_SMALL, theme.badge_text, bold=True)
        chip_size = (chip_text.get_width() + m.px(20), chip_text.get_height() + m.px(6))
        if place == "name":
            chip = pygame.Rect((width - pad - chip_size[0], pad), chip_size)
            chip_w = chip_size[0]
        elif place == "meta":
            chip = pygame.Rect((width - pad - chip_size[0], pad + name.get_height()), chip_size)
            meta_room = chip.x - m.px(8) - name_x
        else:
            chip = pygame.Rect((name_x, layout.header_h - chip_size[1] - m.px(8)), chip_size)
        pygame.draw.rect(surface, theme.badge, chip, border_radius=chip.height // 2)
        pygame.draw.rect(surface, theme.badge_text, chip, width=1, border_radius=chip.height // 2)
        surface.blit(chip_text, (chip.x + m.px(10), chip.y + m.px(3)))
    yield
    name_room = width - name_x - pad - chip_w - badge_room
    surface.blit(name, (name_x, pad), area=pygame.Rect(0, 0, max(1, name_room), name.get_height()))
    if view.verified:
        badge_d = m.px(16)
        _verified_badge(surface, (name_x + min(name.get_width(), name_room) + m.px(6), pad + (name.get_height() - badge_d) // 2), badge_d, ctx)
    yield
    # Handle, a dot, then the time: drawn in two parts, so the handle's drawing (the same on every post
    # of an account) comes from the text cache and the dot needs no fallback font.
    meta_y = pad + name.get_height()
    x = name_x
    if view.handle:
        handle = text.render_line(view.handle, sizes.FONT_SMALL, theme.muted)
        surface.blit(handle, (x, meta_y), area=pygame.Rect(0, 0, max(1, meta_room), handle.get_height()))
        x += handle.get_width() + m.px(4)
        if x - name_x < meta_room:
            dot_y = meta_y + _middle_of_text(text, sizes.FONT_SMALL)
            pygame.draw.circle(surface, theme.muted, (x + m.px(2), dot_y), max(1, round(text.pixel_size(sizes.FONT_SMALL) * 0.1)))
        x += m.px(4) + m.px(4)
        yield
    room = meta_room - (x - name_x)
    if room > 0:
        when = text.render_line(view.time_text, sizes.FONT_SMALL, theme.muted)
        surface.blit(when, (x, meta_y), area=pygame.Rect(0, 0, room, when.get_height()))

    yield
    # Text, with evidence highlighted when the view carries spans.
    body = text.render(view.text, _text_width(width, ctx), sizes.FONT_BODY, theme.text, highlights=_highlights(view.text_highlights, theme.highlight))
    surface.blit(body, (pad, layout.text_y))

    # Picture, full card width like a real feed; a placeholder with the alt text when it is missing.
    if view.image_file:
        yield
        image = ctx.cache.image(view.image_file, layout.image_size) if layout.image_size else None
        if image is not None:
            # In two halves, a step each: copying a full-width picture is one of the bigger steps.
            x, half = (width - image.get_width()) // 2, image.get_height() // 2
            surface.blit(image, (x, layout.image_y), area=pygame.Rect(0, 0, image.get_width(), half))
            yield
            surface.blit(image, (x, layout.image_y + half), area=pygame.Rect(0, half, image.get_width(), image.get_height() - half))
        else:
            box = pygame.Rect(pad, layout.image_y, width - 2 * pad, layout.image_box_h)
            pygame.draw.rect(surface, theme.link_card, box)
            alt = text.render(view.image_alt or "[picture]", box.width - m.px(20), sizes.FONT_SMALL, theme.muted, align="center")
            surface.blit(alt, (box.x + m.px(10), box.centery - alt.get_height() // 2), area=pygame.Rect(0, 0, box.width - m.px(20), box.height))

    # Link preview card with the domain.
    if view.link is not None:
        yield
        box = pygame.Rect(pad, layout.link_y, width - 2 * pad, layout.link_h)
        pygame.draw.rect(surface, theme.link_card, box, border_radius=m.px(6))
        pygame.draw.rect(surface, theme.card_border, box, width=1, border_radius=m.px(6))
        inner = box.width - 2 * m.px(10)
        y = box.y + m.px(10)
        domain = text.render_line(view.link.domain, sizes.FONT_SMALL, theme.muted)
        surface.blit(domain, (box.x + m.px(10), y))
        y += text.line_height(sizes.FONT_SMALL)
        title = text.render(view.link.title, inner, sizes.FONT_BODY, theme.text, bold=True, highlights=_highlights(view.link.title_highlights, theme.highlight))
        surface.blit(title, (box.x + m.px(10), y))
        y += title.get_height()
        if view.link.description:
            surface.blit(text.render(view.link.description, inner, sizes.FONT_SMALL, theme.muted), (box.x + m.px(10), y))

    yield
    # Counts: likes on the left; comments and shares on the right.
    y = layout.counts_y
    line_h = text.line_height(sizes.FONT_SMALL)
    dot = m.px(16)
    pygame.draw.circle(surface, theme.accent, (pad + dot // 2, y + line_h // 2), dot // 2)
    _draw_thumb(surface, pygame.Rect(pad, y + (line_h - dot) // 2, dot, dot), theme.accent_text)
    surface.blit(text.render_line(view.likes_text, sizes.FONT_SMALL, theme.muted), (pad + dot + m.px(6), y))
    yield
    comments_rect = next(rect for action, _, rect in layout.buttons if action == "comments")
    shares = text.render_line(view.shares_text, sizes.FONT_SMALL, theme.muted)
    surface.blit(shares, (comments_rect.x - shares.get_width() - m.px(4), y))
    yield
    comments_label = text.render_line(view.comments_text, sizes.FONT_SMALL, theme.accent if view.comments else theme.muted, bold=bool(view.comments))
    surface.blit(comments_label, (comments_rect.centerx - comments_label.get_width() // 2, y))

    # Action row (or the decision once made).
    if show_actions:
        pygame.draw.line(surface, theme.card_border, (pad, layout.actions_y), (width - pad, layout.actions_y))
        if view.decision is None:
            for action, label, rect in layout.buttons:
                if action == "comments":
                    continue
                hint = ACTION_HINTS[action]
                caption = ctx.tr(label)
                full = f"{caption} ({hint})"
                if text.measure(full, sizes.FONT_BODY, bold=True)[0] <= rect.width - m.px(8):
                    caption = full
                colour = theme.bad if action == "flag" else theme.accent if action == "share" else theme.muted
                label_surface = text.render_line(caption, sizes.FONT_BODY, colour, bold=True)
                surface.blit(label_surface, (rect.centerx - label_surface.get_width() // 2, rect.centery - label_surface.get_height() // 2))
        else:
            row = pygame.Rect(pad, layout.actions_y + m.px(4), width - 2 * pad, action_row_height(ctx))
            pygame.draw.rect(surface, theme.link_card, row, border_radius=m.px(6))
            decided = text.render_line(view.decision_text, sizes.FONT_BODY, theme.muted, bold=True)
            surface.blit(decided, (row.centerx - decided.get_width() // 2, row.centery - decided.get_height() // 2))

    # Comments, when opened.
    if comments_open and view.comments:
        yield
        y = layout.comments_y + m.px(6)
        small_d = m.px(28)
        inner = _text_width(width, ctx) - small_d - m.px(8) - 2 * m.px(10)
        for comment in view.comments:
            avatar = ctx.cache.avatar(None, comment.name, small_d, lambda letters: text.render_line(letters, sizes.FONT_SMALL, (255, 255, 255), bold=True))
            surface.blit(avatar, (pad, y + m.px(4)))
            body = text.render(comment.text, inner, sizes.FONT_SMALL, theme.text)
            name = text.render_line(comment.name, sizes.FONT_SMALL, theme.text, bold=True)
            bubble = pygame.Rect(pad + small_d + m.px(8), y, max(body.get_width(), name.get_width()) + 2 * m.px(10), name.get_height() + body.get_height() + m.px(12))
            pygame.draw.rect(surface, theme.link_card, bubble, border_radius=m.px(12))
            if theme.name != "light":
                pygame.draw.rect(surface, theme.card_border, bubble, width=1, border_radius=m.px(12))
            surface.blit(name, (bubble.x + m.px(10), bubble.y + m.px(6)))
            surface.blit(body, (bubble.x + m.px(10), bubble.y + m.px(6) + name.get_height()))
            if comment.likes_text:
                likes = text.render_line(f"♥ {comment.likes_text}", sizes.FONT_SMALL, theme.muted)
                if bubble.right + likes.get_width() + m.px(8) < width - pad:
                    surface.blit(likes, (bubble.right + m.px(8), bubble.bottom - likes.get_height()))
            y = bubble.bottom + m.px(6)
    return surface


def _draw_thumb(surface: pygame.Surface, rect: pygame.Rect, colour: tuple) -> None:
    """A tiny thumbs-up drawn with shapes (no emoji font needed)."""
    w, h = rect.w, rect.h
    palm = pygame.Rect(rect.x + w * 0.42, rect.y + h * 0.42, w * 0.34, h * 0.34)
    pygame.draw.rect(surface, colour, palm, border_radius=max(1, int(w * 0.08)))
    pygame.draw.rect(surface, colour, pygame.Rect(rect.x + w * 0.22, rect.y + h * 0.45, w * 0.14, h * 0.31))
    pygame.draw.polygon(surface, colour, [(rect.x + w * 0.44, rect.y + h * 0.46), (rect.x + w * 0.54, rect.y + h * 0.18), (rect.x + w * 0.64, rect.y + h * 0.26), (rect.x + w * 0.62, rect.y + h * 0.46)])

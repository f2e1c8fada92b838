"""The feed: a column of post cards with a focused post, smooth scrolling, and Share / Flag / Verify /
Not sure on every post; progress and time left in the top bar.

Card buttons and keys become messages ("act", post id, action); this scene turns them into rules
commands through the `RoundDriver`, opens the verify panel, the flag-reasons dialog and the practice
feedback, and moves to the debrief when the round is over. The view-model comes from `present_feed`.

When the focused post's own buttons are not fully on screen (a tall post on a 1024x600 laptop), a
sticky action bar at the bottom of the feed offers the same buttons, labelled with whose post it is.

Frame cost: cards are painted ahead of need in small steps, about 0.1 ms of them per frame while
scrolling (more when the feed is still, and the first screens when it opens); everything else drawn
each frame (top bar, key help, action bar, scrollbar) is a cached surface; only the cards in view are
blitted, in one `fblits` call, into a column that starts on a 16-pixel boundary.
"""

from __future__ import annotations

import bisect
import time
from typing import TYPE_CHECKING, Any, Optional, Protocol

import pygame

from game.app.present import FeedView, present_feed, present_feedback, present_post
from game.app.round_driver import RoundDriver
from game.lang.i18n import N_
from game.rules.commands import EndRound, Flag, Share, Skip, Tick
from game.rules.events import FeedbackReady
from game.ui import theme as sizes
from game.ui.cards import ACTION_HINTS, ACTIONS, action_row_height, card_layout, card_ready, card_surface, paint_ahead, warm_card_assets
from game.ui.dialogs import Confirmed, LeaveRoundScene
from game.ui.input import Intent, UserInput
from game.ui.messages import FlagReasons
from game.ui.parts import draw_toast, draw_top_bar, rejection_text, round_now
from game.ui.scene import Push, Replace, Scene, Transition
from game.ui.scrolling import Scroller
from game.ui.widgets import Button, draw_button, draw_focus_ring

if TYPE_CHECKING:
    from game.ui.context import Context

TICK_EVERY = 0.5  # seconds between Tick commands when the round has a time limit
KEY_HELP = (
    ("J / K", N_("next / previous post")),
    ("S", N_("share")),
    ("F", N_("flag")),
    ("V", N_("verify")),
    ("N", N_("not sure")),
    ("C", N_("comments")),
    ("Tab", N_("buttons")),
    ("Esc", N_("end round")),
)
ACTION_KEYS = {Intent.SHARE: "share", Intent.FLAG: "flag", Intent.VERIFY: "verify", Intent.SKIP: "skip", Intent.COMMENTS: "comments"}
# Card painting per frame, in seconds: while the feed scrolls, painting steps until this much is
# spent (at least one step); while it is still, a bigger share of the idle frame paints further ahead.
SCROLL_PAINT_BUDGET = 0.0001
IDLE_PAINT_BUDGET = 0.004
OPEN_PAINT_BUDGET = 0.015  # when the feed opens or is laid out again
COLUMN_ALIGN = 16  # pixels: where the card column may start


class FeedExits(Protocol):
    """The screens a round opens (game.ui.graph.SceneGraph)."""

    def verify(self, ctx: "Context", driver: RoundDriver, post_id: str) -> Scene: ...

    def reasons(self, state: Any, post_id: str) -> Scene: ...

    def feedback(self, view: Any) -> Scene: ...

    def debrief(self, driver: RoundDriver) -> Scene: ...

    def can_leave(self, ctx: "Context", driver: RoundDriver) -> bool:
        """True when the round can be left unfinished and resumed later ("Save and leave")."""
        ...

    def leave(self, ctx: "Context", driver: RoundDriver) -> Optional[Transition]: ...


class FeedScene(Scene):
    name = "feed"
    holds_round = True

    def __init__(self, driver: RoundDriver, exits: FeedExits, focus_index: int = 0) -> None:
        super().__init__()
        self.driver = driver
        self.exits = exits
        self.focus_index = focus_index
        self.comments_open: set[str] = set()
        self.scroller = Scroller()
        self.view: Optional[FeedView] = None
        self.tops: list[int] = []
        self.heights: list[int] = []
        self.column = pygame.Rect(0, 0, 0, 0)
        self.viewport = pygame.Rect(0, 0, 0, 0)
        self.static_buttons: list[Button] = []
        self.toast = ""
        self.toast_until = 0.0
        self.next_tick = 0.0
        self.pending_flag: Optional[str] = None
        self._placed_offset = -1  # the scroll offset the buttons were placed for
        self._buttons_stale = True
        self._last_offset = -1  # the scroll offset of the previous frame
        self._language = ""
        self.action_bar_height = 0
        # Per post, from the layout: its buttons (action, label, rect relative to the card) and the
        # top and bottom of its action row (None once decided). The sticky bar's rect and slots.
        self._card_buttons: list[tuple[tuple[str, str, pygame.Rect], ...]] = []
        self._action_rows: list[Optional[tuple[int, int]]] = []
        self._bar_rect = pygame.Rect(0, 0, 0, 0)
        self._bar_slots: list[tuple[str, str, str, pygame.Rect]] = []  # (action, label, hint, rect)

    # --- model -----------------------------------------------------------------------------
    @property
    def state(self):
        return self.driver.state

    @property
    def focused_post(self) -> Optional[str]:
        order = self.state.order
        return order[self.focus_index] if 0 <= self.focus_index < len(order) else None

    def refresh_view(self, ctx: "Context") -> None:
        self.view = present_feed(self.state, ctx.tr)
        self._language = ctx.language
        self.relayout()

    # --- layout ----------------------------------------------------------------------------
    def layout(self, ctx: "Context") -> None:
        if self.view is None or self._language != ctx.language:
            self.view = present_feed(self.state, ctx.tr)
            self._language = ctx.language
        m, tr = ctx.metrics, ctx.tr
        bar = m.px(sizes.TOP_BAR_HEIGHT)
        bar_w = m.px(sizes.SCROLLBAR_WIDTH)
        width = min(m.px(sizes.FEED_MAX_WIDTH), m.width - 2 * m.px(16) - 2 * bar_w)
        # The column starts on a 16-pixel (64-byte) boundary and stays centred: SDL copies rows to an
        # aligned place several times faster (0.11 ms instead of 0.6 ms for a card at 1280x720).
        left = -(-(m.width - width) // 2 // COLUMN_ALIGN) * COLUMN_ALIGN
        width = max(COLUMN_ALIGN, m.width - 2 * left)
        self.column = pygame.Rect(left, bar, width, m.height - bar)
        self.viewport = pygame.Rect(0, bar, m.width, m.height - bar)
        gap = m.px(sizes.CARD_GAP)
        self.tops, self.heights = [], []
        y = gap
        for post in self.view.posts:
            height = card_layout(post, width, post.id in self.comments_open, ctx).height
            self.tops.append(y)
            self.heights.append(height)
            y += height + gap
        self.action_bar_height = m.px(8) + ctx.text.line_height(sizes.FONT_SMALL) + m.px(4) + action_row_height(ctx) + m.px(10)
        track = pygame.Rect(m.width - bar_w - m.px(4), bar + m.px(4), bar_w, m.height - bar - m.px(8))
        self.scroller.line = m.px(40)
        # Room at the end so the last card can scroll clear of the action bar.
        self.scroller.set_geometry(self.viewport, track, y + max(m.px(40), self.action_bar_height))
        self._reserve_card_memory(ctx)
        warm_card_assets(self.view.posts, width, ctx)
        self._layout_buttons(ctx)
        # The feed has just opened (or changed size): paint the next screens ahead now, as an idle
        # frame would, rather than in the first frames of a scroll.
        self._prefetch(ctx, OPEN_PAINT_BUDGET)
        button_h = m.px(sizes.BUTTON_HEIGHT) - m.px(4)
        finish_w = ctx.text.measure(tr("Finish round"), sizes.FONT_BODY, bold=True)[0] + m.px(28)
        self.static_buttons = [
            Button("finish", tr("Finish round"), pygame.Rect(m.width - m.px(16) - finish_w, (bar - button_h) // 2, finish_w, button_h), ("finish",)),
        ]
        self.place_buttons()

    def _layout_buttons(self, ctx: "Context") -> None:
        """Where every card's buttons and the sticky bar's buttons sit, worked out once per layout so
        that placing them as the feed scrolls needs no text measuring or translating."""
        assert self.view is not None
        m = ctx.metrics
        labels = {action: ctx.tr(label) for action, label, _hint in ACTIONS}
        self._card_buttons, self._action_rows = [], []
        for post in self.view.posts:
            layout = card_layout(post, self.column.width, post.id in self.comments_open, ctx)
            self._card_buttons.append(tuple((action, labels.get(action, label), rect) for action, label, rect in layout.buttons))
            row = [rect for action, _, rect in layout.buttons if action != "comments"]
            self._action_rows.append((min(r.top for r in row), max(r.bottom for r in row)) if row else None)
        height = min(self.action_bar_height, self.viewport.height)
        self._bar_rect = pygame.Rect(self.column.x, self.viewport.bottom - height, self.column.width, height)
        pad = m.px(sizes.CARD_PADDING)
        slot = (self._bar_rect.width - 2 * pad) / len(ACTIONS)
        row_h = action_row_height(ctx)
        y = self._bar_rect.bottom - m.px(10) - row_h
        self._bar_slots = [
            (action, labels[action], hint, pygame.Rect(round(self._bar_rect.x + pad + number * slot) + m.px(2), y, round(slot) - m.px(4), row_h))
            for number, (action, _label, hint) in enumerate(ACTIONS)
        ]

    def index_range(self, top: float, bottom: float) -> range:
        """Indexes of the posts whose cards overlap content rows [top, bottom)."""
        if not self.tops:
            return range(0)
        first = max(0, bisect.bisect_right(self.tops, top) - 1)
        while first < len(self.tops) and self.tops[first] + self.heights[first] <= top:
            first += 1
        last = bisect.bisect_left(self.tops, bottom)
        return range(first, max(first, last))

    def visible_range(self) -> range:
        offset = int(self.scroller.offset)
        return self.index_range(offset, offset + self.viewport.height)

    def _reserve_card_memory(self, ctx: "Context") -> None:
        """Size the card cache for the window and touch the memory its cards will use now, while the
        feed opens, rather than in the middle of a scroll (new memory costs more than painting)."""
        m = ctx.metrics
        window_bytes = m.width * m.height * 4
        budget = max(ctx.cache.cards.max_bytes, int(3.5 * window_bytes))
        ctx.cache.cards.max_bytes = budget
        ctx.cache.card_pool.max_bytes = max(ctx.cache.card_pool.max_bytes, budget + window_bytes)
        if not self.heights:
            return
        tallest = min(max(self.heights), 2 * self.viewport.height)  # taller cards (rare) get their own memory
        buffer_bytes = self.column.width * tallest * 4
        # As many as the cache holds, plus the cards being painted before the cache lets one go.
        count = min(len(self.heights), max(1, budget // max(1, buffer_bytes)) + 2)
        ctx.cache.card_pool.reserve((self.column.width, tallest), count, pygame.display.get_surface())

    def place_buttons(self) -> None:
        """Ask for the buttons to be placed again (they are placed when next needed)."""
        self._buttons_stale = True

    @property
    def buttons(self) -> list[Button]:
        """The clickable buttons, placed for the current scroll offset when first asked for (a frame
        of plain scrolling asks for none)."""
        if self._buttons_stale or int(self.scroller.offset) != self._placed_offset:
            self._place_buttons()
        return self._buttons

    @buttons.setter
    def buttons(self, value: list[Button]) -> None:
        self._buttons = value

    def _place_buttons(self) -> None:
        """Card buttons follow the scroll. Only buttons wholly on screen can be clicked; when the
        focused post's own buttons are not, the sticky action bar offers them."""
        offset = int(self.scroller.offset)
        self._placed_offset = offset
        self._buttons_stale = False
        if self.view is None or len(self._card_buttons) != len(self.view.posts):
            self._buttons = list(self.static_buttons)
            return
        buttons: list[Button] = []
        focused = self.focused_post
        bar = self.action_bar
        clickable = pygame.Rect(self.viewport)
        if bar is not None:
            clickable.height = bar.top - clickable.top
        posts = self.view.posts
        for index in self.visible_range():
            post_id = posts[index].id
            top = self.viewport.y + self.tops[index] - offset
            for action, label, rect in self._card_buttons[index]:
                absolute = rect.move(self.column.x, top)
                if clickable.contains(absolute):
                    buttons.append(Button(f"{post_id}:{action}", label, absolute, ("act", post_id, action), style="ghost", hint=ACTION_HINTS.get(action, "C"), extra={"post": post_id}))
        if bar is not None and focused is not None:
            # The same keys and labels as on the card, so focus, Tab and a click by label behave the
            # same wherever the buttons are.
            for action, label, hint, rect in self._bar_slots:
                buttons.append(Button(f"{focused}:{action}", label, rect, ("act", focused, action), style="ghost", hint=hint, extra={"post": focused, "bar": True}))
        # The focused post's buttons first, so a label finds the post the learner is on.
        buttons.sort(key=lambda b: b.extra.get("post") != focused)
        self._buttons = buttons + self.static_buttons

    # --- the sticky action bar -------------------------------------------------------------------
    @property
    def action_bar(self) -> Optional[pygame.Rect]:
        """The sticky bar's rect while the focused post is undecided and its own buttons are not
        wholly in view (a tall post on a small screen); None otherwise."""
        index = self.focus_index
        if not (0 <= index < len(self._action_rows)) or len(self.tops) != len(self._action_rows):
            return None
        row = self._action_rows[index]
        if row is None:
            return None
        top = self.viewport.y + self.tops[index] - int(self.scroller.offset)
        if top + row[0] >= self.viewport.top and top + row[1] <= self.viewport.bottom:
            return None
        return self._bar_rect

    def _draw_action_bar(self, surface: pygame.Surface, ctx: "Context", bar: pygame.Rect) -> None:
        assert self.view is not None
        post = self.view.posts[self.focus_index]
        key = ("action-bar", post.id, post.author_name, bar.size, ctx.layout_token)
        painted = ctx.cache.small.get(key)
        if painted is None:
            ctx.cache.small = {k: v for k, v in ctx.cache.small.items() if k[0] != "action-bar"}
            painted = ctx.cache.small[key] = self._paint_action_bar(ctx, bar, self.action_bar_caption(ctx))
        surface.blit(painted, bar.topleft)

    def action_bar_caption(self, ctx: "Context") -> str:
        """Whose post the action bar acts on, e.g. "Post by Kampong Cham Provincial Health Service"."""
        assert self.view is not None
        return ctx.tr("Post by {name}", name=self.view.posts[self.focus_index].author_name)

    def _paint_action_bar(self, ctx: "Context", bar: pygame.Rect, caption_text: str) -> pygame.Surface:
        m, theme, text = ctx.metrics, ctx.theme, ctx.text
        panel = pygame.Surface(bar.size, 0, pygame.display.get_surface()) if pygame.display.get_surface() else pygame.Surface(bar.size)
        panel.fill(theme.page)
        radius = m.px(8)
        box = panel.get_rect()
        pygame.draw.rect(panel, theme.card, box, border_top_left_radius=radius, border_top_right_radius=radius)
        pygame.draw.rect(panel, theme.focus, box, width=max(2, m.px(2)), border_top_left_radius=radius, border_top_right_radius=radius)
        pad = m.px(sizes.CARD_PADDING)
        caption = text.render_line(caption_text, sizes.FONT_SMALL, theme.text, bold=True)
        room = box.width - 2 * pad
        panel.blit(caption, (pad, m.px(8)), area=pygame.Rect(0, 0, room, caption.get_height()))
        for action, caption, hint, slot in self._bar_slots:
            rect = slot.move(-bar.x, -bar.y)
            pygame.draw.rect(panel, theme.card_border, rect, width=max(1, m.px(1)), border_radius=m.px(6))
            words = f"{caption} ({hint})"
            if text.measure(words, sizes.FONT_BODY, bold=True)[0] > rect.width - m.px(8):
                words = caption
            colour = theme.bad if action == "flag" else theme.accent if action == "share" else theme.muted  # as on the card
            label = text.render_line(words, sizes.FONT_BODY, colour, bold=True)
            x = max(rect.x + m.px(4), rect.centerx - label.get_width() // 2)
            panel.blit(label, (x, rect.centery - label.get_height() // 2), area=pygame.Rect(0, 0, rect.width - m.px(8), label.get_height()))
        return panel

    def focusable(self) -> list[Button]:
        """Tab moves through the focused post's buttons, then the top bar."""
        focused = self.focused_post
        return [b for b in self.buttons if b.enabled and (b.extra.get("post") == focused or b.key == "finish")]

    def card_rect(self, index: int) -> pygame.Rect:
        return pygame.Rect(self.column.x, self.viewport.y + self.tops[index] - int(self.scroller.offset), self.column.width, self.heights[index])

    def set_focus(self, index: int, ctx: "Context", scroll: bool = True) -> None:
        if not self.state.order:
            return
        index = max(0, min(len(self.state.order) - 1, index))
        if index != self.focus_index:
            self.focus_key = None
        self.focus_index = index
        if scroll and self.tops:
            margin = ctx.metrics.px(sizes.CARD_GAP)
            self.scroller.ensure_visible(self.tops[index], self.tops[index] + self.heights[index], margin)
        self.place_buttons()

    def next_undecided(self, after: int) -> int:
        order = self.state.order
        for step in range(1, len(order) + 1):
            index = (after + step) % len(order)
            if self.state.decision(order[index]) is None:
                return index
        return after

    # --- input -----------------------------------------------------------------------------
    def handle(self, user_input: UserInput, ctx: "Context") -> Optional[Transition]:
        intent = user_input.intent
        if self.scroller.handle(user_input):
            if intent is Intent.SCROLL_HOME:
                self.set_focus(0, ctx, scroll=False)
            elif intent is Intent.SCROLL_END:
                self.set_focus(len(self.state.order) - 1, ctx, scroll=False)
            return None
        if intent is Intent.NEXT_POST:
            self.set_focus(self.focus_index + 1, ctx)
            return None
        if intent is Intent.PREV_POST:
            self.set_focus(self.focus_index - 1, ctx)
            return None
        if intent in ACTION_KEYS and self.focused_post:
            return self.act(self.focused_post, ACTION_KEYS[intent], ctx)
        on_bar = self.action_bar is not None and self.action_bar.collidepoint(user_input.pos)
        if intent is Intent.POINTER_UP and self.pressed_key is None and not on_bar:
            # A click on a card (not on a button) focuses that post.
            for index in self.visible_range():
                if self.card_rect(index).collidepoint(user_input.pos) and self.viewport.collidepoint(user_input.pos):
                    if index != self.focus_index:
                        self.set_focus(index, ctx, scroll=False)
                    break
        return self.handle_widgets(user_input, ctx)

    def on_back(self, ctx: "Context") -> Optional[Transition]:
        return self.ask_to_finish(ctx)

    def ask_to_finish(self, ctx: "Context") -> Transition:
        return Push(LeaveRoundScene(len(self.state.undecided), self.exits.can_leave(ctx, self.driver)))

    def on_message(self, message: Any, ctx: "Context") -> Optional[Transition]:
        if message[0] == "finish":
            return self.ask_to_finish(ctx)
        if message[0] == "act":
            post_id, action = message[1], message[2]
            index = self.state.order.index(post_id)
            if index != self.focus_index:
                self.set_focus(index, ctx, scroll=False)
            return self.act(post_id, action, ctx)
        return None

    def act(self, post_id: str, action: str, ctx: "Context") -> Optional[Transition]:
        """A learner's action on a post, from a key or a button."""
        if action == "comments":
            self.comments_open ^= {post_id}
            self.relayout()
            return None
        if self.state.decision(post_id) is not None:
            self.say(ctx, rejection_text(ctx, "already-decided"))
            return None
        if action == "verify":
            return Push(self.exits.verify(ctx, self.driver, post_id))
        if action == "flag":
            if self.state.scenario.ask_reasons:
                return Push(self.exits.reasons(self.state, post_id))
            return self.send(Flag(post_id), ctx)
        if action == "share":
            return self.send(Share(post_id), ctx)
        if action == "skip":
            return self.send(Skip(post_id), ctx)
        return None

    def send(self, command: Any, ctx: "Context") -> Optional[Transition]:
        """Send a command to the rules and show what follows: feedback, the next post or the debrief."""
        step = self.driver.apply(command, round_now(ctx, self.driver))
        rejected = step.rejected
        if rejected is not None and not self.driver.over:
            self.say(ctx, rejection_text(ctx, rejected.reason))
            return None
        self.refresh_view(ctx)
        self.focus_key = None
        feedback = next((e for e in step.events if isinstance(e, FeedbackReady)), None)
        if not self.driver.over:
            self.set_focus(self.next_undecided(self.focus_index), ctx)
        if feedback is not None:
            return Push(self.exits.feedback(present_feedback(self.state, feedback.feedback, ctx.tr)))
        return self.after_round_check(ctx)

    def after_round_check(self, ctx: "Context") -> Optional[Transition]:
        if self.driver.over:
            return Replace(self.exits.debrief(self.driver))
        return None

    def on_resume(self, result: Any, ctx: "Context") -> Optional[Transition]:
        self.pressed_key = None
        if isinstance(result, FlagReasons):
            return self.send(Flag(result.post, result.reasons, result.settled_by), ctx)
        if isinstance(result, Confirmed) and result.key == "finish":
            self.driver.apply(EndRound(), round_now(ctx, self.driver))
            return self.after_round_check(ctx)
        if isinstance(result, Confirmed) and result.key == "leave":
            return self.exits.leave(ctx, self.driver)  # unfinished, nothing counted: Resume carries it on
        # Back from the verify panel or feedback: tools may have changed the post or ended the round.
        self.refresh_view(ctx)
        return self.after_round_check(ctx)

    def say(self, ctx: "Context", message: str) -> None:
        self.toast = message
        self.toast_until = ctx.time + 2.5

    # --- time --------------------------------------------------------------------------------
    def update(self, dt: float, ctx: "Context") -> Optional[Transition]:
        if self.state.time_limit is not None and ctx.time >= self.next_tick:
            self.next_tick = ctx.time + TICK_EVERY
            self.driver.apply(Tick(), round_now(ctx, self.driver))
            if self.driver.over:
                return self.after_round_check(ctx)
            self.view = present_feed(self.state, ctx.tr)
        moving = self.scroller.update(dt)
        scrolled = int(self.scroller.offset) != self._last_offset
        self._last_offset = int(self.scroller.offset)
        if scrolled:
            if not moving or self.scroller.dragging:
                self._focus_follows_scroll(ctx)
        self._prefetch(ctx, SCROLL_PAINT_BUDGET if moving or scrolled else IDLE_PAINT_BUDGET)
        return None

    def _focus_follows_scroll(self, ctx: "Context") -> None:
        """After wheel or scrollbar scrolling, keep the focus on a post the learner can see."""
        rect = self.card_rect(self.focus_index)
        if rect.bottom > self.viewport.y and rect.top < self.viewport.bottom:
            return
        anchor = self.viewport.y + self.viewport.height // 3
        for index in range(len(self.tops)):
            if self.card_rect(index).bottom > anchor:
                self.set_focus(index, ctx, scroll=False)
                return

    def _prefetch(self, ctx: "Context", budget: float = SCROLL_PAINT_BUDGET) -> None:
        """Paint the cards just outside the view ahead of need, a small step at a time until `budget`
        seconds are spent (at least one step), so scrolling never waits for painting."""
        if self.view is None:
            return
        started = time.perf_counter()
        offset = int(self.scroller.offset)
        reach = 2 if budget <= SCROLL_PAINT_BUDGET else 3  # viewports ahead
        ahead = self.index_range(offset - self.viewport.height // 2, offset + reach * self.viewport.height)
        # Nearest first: the cards just below the view, then those above.
        order = sorted(ahead, key=lambda i: abs(self.tops[i] - offset - self.viewport.height))
        width = self.column.width
        for index in order:
            post = self.view.posts[index]
            comments_open = post.id in self.comments_open
            if card_ready(post, width, comments_open, ctx):
                continue
            while True:
                done = paint_ahead(post, width, comments_open, ctx)
                if time.perf_counter() - started >= budget:
                    return
                if done:
                    break

    # --- drawing -----------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface, ctx: "Context") -> None:
        assert self.view is not None
        m, theme = ctx.metrics, ctx.theme
        viewport, column = self.viewport, self.column
        offset = int(self.scroller.offset)
        clip = surface.get_clip()
        surface.set_clip(viewport)
        width, x = column.width, column.x
        posts, tops, heights = self.view.posts, self.tops, self.heights
        visible = self.visible_range()
        # The page colour only where no (opaque) card will cover it: beside the column and between cards.
        page = theme.page
        surface.fill(page, (viewport.x, viewport.y, x - viewport.x, viewport.height))
        surface.fill(page, (column.right, viewport.y, viewport.right - column.right, viewport.height))
        y = viewport.y
        for index in visible:
            top = viewport.y + tops[index] - offset
            if top > y:
                surface.fill(page, (x, y, width, top - y))
            y = max(y, top + heights[index])
        if y < viewport.bottom:
            surface.fill(page, (x, y, width, viewport.bottom - y))
        surface.fblits([
            (card_surface(posts[index], width, posts[index].id in self.comments_open, ctx), (x, viewport.y + tops[index] - offset))
            for index in visible
        ])
        focused_rect = self.card_rect(self.focus_index) if tops else None
        if focused_rect is not None and focused_rect.colliderect(viewport):
            draw_focus_ring(surface, focused_rect, ctx, m.px(8))
        bar = self.action_bar
        if bar is not None:
            self._draw_action_bar(surface, ctx, bar)
        if self.hover_key is not None or self.focus_key is not None:
            for button in self.buttons:
                if button.key == "finish":
                    continue
                if button.key == self.hover_key:
                    surface.blit(self._hover_veil(button.rect.size, ctx), button.rect.topleft)
                if button.key == self.focus_key:
                    draw_focus_ring(surface, button.rect, ctx, m.px(6))
        surface.set_clip(clip)
        self.scroller.draw(surface, ctx)
        self._draw_top_bar(surface, ctx)
        self._draw_key_help(surface, ctx)
        if self.toast and ctx.time < self.toast_until:
            draw_toast(surface, ctx, self.toast)

    @staticmethod
    def _hover_veil(size: tuple[int, int], ctx: "Context") -> pygame.Surface:
        rgba = (0, 0, 0, 22) if ctx.theme.name == "light" else (255, 255, 255, 60)
        key = ("hover-veil", size, rgba)
        veil = ctx.cache.small.get(key)
        if veil is None:
            veil = pygame.Surface(size, pygame.SRCALPHA)
            veil.fill(rgba)
            ctx.cache.small = {k: v for k, v in ctx.cache.small.items() if k[0] != "hover-veil"}
            ctx.cache.small[key] = veil
        return veil

    def _draw_top_bar(self, surface: pygame.Surface, ctx: "Context") -> None:
        """The top bar, with its Finish button, as one cached surface (repainted when it changes)."""
        assert self.view is not None
        view = self.view
        finish_state = (self.hover_key == "finish", self.focus_key == "finish")
        key = ("feed-bar", view.progress_text, view.time_left_text, view.time_low, view.decided, view.total, self.column.x, finish_state, ctx.layout_token)
        bar = ctx.cache.small.get(key)
        if bar is None:
            ctx.cache.small = {k: v for k, v in ctx.cache.small.items() if k[0] != "feed-bar"}
            bar = ctx.cache.small[key] = self._paint_top_bar(ctx)
            for button in self.static_buttons:
                draw_button(bar, button, ctx, focused=finish_state[1], hovered=finish_state[0])
        surface.blit(bar, (0, 0))

    def _paint_top_bar(self, ctx: "Context") -> pygame.Surface:
        assert self.view is not None
        m, theme, text = ctx.metrics, ctx.theme, ctx.text
        display = pygame.display.get_surface()
        size = (m.width, m.px(sizes.TOP_BAR_HEIGHT))
        surface = pygame.Surface(size, 0, display) if display is not None else pygame.Surface(size)
        height = draw_top_bar(surface, ctx)
        progress = text.render_line(self.view.progress_text, sizes.FONT_BODY, theme.text, bold=True)
        logo_right = m.px(16) + text.measure("feedwise", sizes.FONT_TITLE + 2, bold=True)[0]
        x = max(self.column.x, logo_right + m.px(24))
        surface.blit(progress, (x, (height - progress.get_height()) // 2))
        # A thin progress bar along the bottom of the top bar.
        if self.view.total:
            done = int(m.width * self.view.decided / self.view.total)
            pygame.draw.rect(surface, theme.accent, pygame.Rect(0, height - m.px(3), done, m.px(3)))
        if self.view.time_left_text:
            colour = theme.bad if self.view.time_low else theme.text
            clock = text.render_line(self.view.time_left_text, sizes.FONT_BODY, colour, bold=True)
            surface.blit(clock, (x + progress.get_width() + m.px(24), (height - clock.get_height()) // 2))
        return surface

    def _draw_key_help(self, surface: pygame.Surface, ctx: "Context") -> None:
        """Key reminders beside the feed when the window is wide enough."""
        m = ctx.metrics
        room = self.column.x - m.px(32)
        if room < m.px(170):
            return
        key = ("key-help", room, ctx.layout_token)
        panel = ctx.cache.small.get(key)
        if panel is None:
            panel = ctx.cache.small[key] = self._paint_key_help(ctx, room)
        surface.blit(panel, (m.px(20), self.viewport.y + m.px(16)))

    def _paint_key_help(self, ctx: "Context", room: int) -> pygame.Surface:
        m, theme, text, tr = ctx.metrics, ctx.theme, ctx.text, ctx.tr
        line_h = text.line_height(sizes.FONT_SMALL)
        size = (room, line_h * (len(KEY_HELP) + 1) + m.px(4))
        display = pygame.display.get_surface()
        panel = pygame.Surface(size, 0, display) if display is not None else pygame.Surface(size)
        panel.fill(theme.page)  # opaque on the page colour: blits faster than a see-through panel
        panel.blit(text.render_line(tr("Keys"), sizes.FONT_SMALL, theme.muted, bold=True), (0, 0))
        y = line_h + m.px(4)
        key_w = m.px(46)
        for key, meaning in KEY_HELP:
            panel.blit(text.render_line(key, sizes.FONT_SMALL, theme.accent, bold=True), (0, y))
            line = text.render_line(tr(meaning), sizes.FONT_SMALL, theme.muted)
            panel.blit(line, (key_w, y), area=pygame.Rect(0, 0, max(1, room - key_w), line.get_height()))
            y += line_h
        return panel

    # --- for autoplay and tests ---------------------------------------------------------------
    def post_view(self, post_id: str, ctx: "Context"):
        return present_post(self.state, post_id, ctx.tr)

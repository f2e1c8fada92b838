"""The feed: a column of post cards with a focused post, smooth scrolling, and Share / Flag / Verify /
Not sure on every post; progress and time left in the top bar.

Card buttons and keys become messages ("act", post id, action); this scene turns them into rules
commands through the `RoundDriver`, opens the verify panel, the flag-reasons dialog and the practice
feedback, and moves to the debrief when the round is over. The view-model comes from `present_feed`.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, Any, Optional

import pygame

from game.i18n import N_
from game.rules.commands import EndRound, Flag, Share, Skip, Tick
from game.rules.events import FeedbackReady, Rejected
from game.ui import theme as sizes
from game.ui.cards import ACTIONS, card_layout, card_surface, paint_ahead
from game.ui.input import Intent, UserInput
from game.ui.present import FeedView, present_feed, present_feedback, present_post
from game.ui.round_driver import RoundDriver
from game.ui.scene import Push, Replace, Scene, Transition
from game.ui.scenes.common import draw_toast, rejection_text, round_now
from game.ui.scrolling import Scroller
from game.ui.widgets import Button, draw_focus_ring

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


class FeedScene(Scene):
    name = "feed"

    def __init__(self, driver: RoundDriver) -> None:
        super().__init__()
        self.driver = driver
        self.focus_index = 0
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
        self._placed_offset = -1
        self._language = ""

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
        self.column = pygame.Rect((m.width - width) // 2, bar, width, m.height - bar)
        self.viewport = pygame.Rect(0, bar, m.width, m.height - bar)
        gap = m.px(sizes.CARD_GAP)
        self.tops, self.heights = [], []
        y = gap
        for post in self.view.posts:
            height = card_layout(post, width, post.id in self.comments_open, ctx).height
            self.tops.append(y)
            self.heights.append(height)
            y += height + gap
        track = pygame.Rect(m.width - bar_w - m.px(4), bar + m.px(4), bar_w, m.height - bar - m.px(8))
        self.scroller.line = m.px(40)
        self.scroller.set_geometry(self.viewport, track, y + m.px(40))
        button_h = m.px(sizes.BUTTON_HEIGHT) - m.px(4)
        finish_w = ctx.text.measure(tr("Finish round"), sizes.FONT_BODY, bold=True)[0] + m.px(28)
        self.static_buttons = [
            Button("finish", tr("Finish round"), pygame.Rect(m.width - m.px(16) - finish_w, (bar - button_h) // 2, finish_w, button_h), ("finish",)),
        ]
        self.place_buttons(ctx)

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

    def place_buttons(self, ctx: "Context") -> None:
        """Card buttons follow the scroll: rebuild them for the cards in view (and always the focused one)."""
        assert self.view is not None
        buttons: list[Button] = []
        offset = int(self.scroller.offset)
        focused = self.focused_post
        indexes = list(self.visible_range())
        if 0 <= self.focus_index < len(self.view.posts) and self.focus_index not in indexes:
            indexes.append(self.focus_index)
        for index in indexes:
            post = self.view.posts[index]
            top = self.viewport.y + self.tops[index] - offset
            visible = top < self.viewport.bottom and top + self.heights[index] > self.viewport.y
            layout = card_layout(post, self.column.width, post.id in self.comments_open, ctx)
            for action, label, rect in layout.buttons:
                absolute = rect.move(self.column.x, top)
                if visible and not absolute.colliderect(self.viewport):
                    absolute = pygame.Rect(absolute.x, -1000, absolute.w, absolute.h)
                hint = dict((a, h) for a, _, h in ACTIONS).get(action, "C")
                buttons.append(Button(f"{post.id}:{action}", ctx.tr(label) if action != "comments" else label, absolute, ("act", post.id, action), style="ghost", hint=hint, extra={"post": post.id}))
        # The focused post's buttons first, so a label finds the post the learner is on.
        buttons.sort(key=lambda b: b.extra.get("post") != focused)
        self.buttons = buttons + self.static_buttons
        self._placed_offset = offset

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
        self.place_buttons(ctx)

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
        if intent is Intent.POINTER_UP and self.pressed_key is None:
            # A click on a card (not on a button) focuses that post.
            for index in range(len(self.tops)):
                if self.card_rect(index).collidepoint(user_input.pos) and self.viewport.collidepoint(user_input.pos):
                    if index != self.focus_index:
                        self.set_focus(index, ctx, scroll=False)
                    break
        return self.handle_widgets(user_input, ctx)

    def on_back(self, ctx: "Context") -> Optional[Transition]:
        return self.ask_to_finish(ctx)

    def ask_to_finish(self, ctx: "Context") -> Transition:
        from game.ui.scenes.confirm import ConfirmScene

        undecided = len(self.state.undecided)
        detail = ctx.tr("{count} posts are not decided yet; they will count as skipped.", count=undecided) if undecided else ""
        return Push(ConfirmScene("finish", ctx.tr("End the round now?"), detail, ctx.tr("End round"), ctx.tr("Keep playing")))

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
            from game.ui.scenes.verify import VerifyScene

            return Push(VerifyScene(self.driver, post_id))
        if action == "flag":
            if self.state.scenario.ask_reasons:
                from game.ui.scenes.reasons import ReasonsScene

                return Push(ReasonsScene(self.state, post_id))
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
            from game.ui.scenes.feedback import FeedbackScene

            return Push(FeedbackScene(present_feedback(self.state, feedback.feedback, ctx.tr)))
        return self.after_round_check(ctx)

    def after_round_check(self, ctx: "Context") -> Optional[Transition]:
        if self.driver.over:
            from game.ui.scenes.debrief import DebriefScene

            return Replace(DebriefScene(self.driver))
        return None

    def on_resume(self, result: Any, ctx: "Context") -> Optional[Transition]:
        from game.ui.scenes.confirm import Confirmed
        from game.ui.scenes.reasons import FlagReasons

        self.pressed_key = None
        if isinstance(result, FlagReasons):
            return self.send(Flag(result.post, result.reasons), ctx)
        if isinstance(result, Confirmed) and result.key == "finish":
            self.driver.apply(EndRound(), round_now(ctx, self.driver))
            return self.after_round_check(ctx)
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
        if int(self.scroller.offset) != self._placed_offset:
            self.place_buttons(ctx)
            if not moving or self.scroller.dragging:
                self._focus_follows_scroll(ctx)
        self._prefetch(ctx)
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

    def _prefetch(self, ctx: "Context") -> None:
        """Paint one card just outside the view per frame, so scrolling never waits for painting."""
        if self.view is None:
            return
        offset = int(self.scroller.offset)
        ahead = self.index_range(offset - self.viewport.height // 2, offset + 2 * self.viewport.height)
        # Nearest first: the cards just below the view, then those above.
        order = sorted(ahead, key=lambda i: abs(self.tops[i] - offset - self.viewport.height))
        for index in order:
            post = self.view.posts[index]
            if not paint_ahead(post, self.column.width, post.id in self.comments_open, ctx):
                return  # one small painting step per frame

    # --- drawing -----------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface, ctx: "Context") -> None:
        assert self.view is not None
        m, theme = ctx.metrics, ctx.theme
        surface.fill(theme.page)
        offset = int(self.scroller.offset)
        clip = surface.get_clip()
        surface.set_clip(self.viewport)
        for index in self.visible_range():
            post = self.view.posts[index]
            top = self.viewport.y + self.tops[index] - offset
            card = card_surface(post, self.column.width, post.id in self.comments_open, ctx)
            surface.blit(card, (self.column.x, top))
        focused_rect = self.card_rect(self.focus_index) if self.tops else None
        if focused_rect is not None and focused_rect.colliderect(self.viewport):
            draw_focus_ring(surface, focused_rect, ctx, m.px(8))
        for button in self.buttons:
            if button.key == "finish":
                continue
            if button.key == self.hover_key:
                veil = ctx.cache.veil(button.rect.size, (0, 0, 0, 22) if theme.name == "light" else (255, 255, 255, 60))
                surface.blit(veil, button.rect.topleft)
            if button.key == self.focus_key:
                draw_focus_ring(surface, button.rect, ctx, m.px(6))
        surface.set_clip(clip)
        self.scroller.draw(surface, ctx)
        self._draw_top_bar(surface, ctx)
        self._draw_key_help(surface, ctx)
        if self.toast and ctx.time < self.toast_until:
            draw_toast(surface, ctx, self.toast)

    def _draw_top_bar(self, surface: pygame.Surface, ctx: "Context") -> None:
        assert self.view is not None
        view = self.view
        key = ("feed-bar", view.progress_text, view.time_left_text, view.time_low, view.decided, view.total, self.column.x, ctx.layout_token)
        bar = ctx.cache.small.get(key)
        if bar is None:
            ctx.cache.small = {k: v for k, v in ctx.cache.small.items() if k[0] != "feed-bar"}
            bar = ctx.cache.small[key] = self._paint_top_bar(ctx)
        surface.blit(bar, (0, 0))
        self.draw_buttons(surface, ctx, self.static_buttons)

    def _paint_top_bar(self, ctx: "Context") -> pygame.Surface:
        from game.ui.scenes.common import draw_top_bar

        assert self.view is not None
        m, theme, text = ctx.metrics, ctx.theme, ctx.text
        surface = pygame.Surface((m.width, m.px(sizes.TOP_BAR_HEIGHT)))
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
        panel = pygame.Surface((room, line_h * (len(KEY_HELP) + 1) + m.px(4)), pygame.SRCALPHA)
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

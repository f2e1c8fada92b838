"""Card painting and its memory: the surface pool recycles the pixels of dropped cards (never of a
card still in use), the LRU counts a pooled card's whole buffer, painting ahead keeps up with a
steady scroll, and the header keeps the decision chip from covering the name or the time."""

import gc

import pygame
import pytest

from game.app.present import PostView
from game.ui.cache import LRUSurfaces, SurfacePool
from game.ui.cards import card_layout, card_surface


@pytest.fixture
def display():
    pygame.display.init()
    yield pygame.display.set_mode((320, 240))
    pygame.display.quit()


class TestSurfacePool:
    def test_a_dropped_surface_gives_its_memory_to_the_next_one(self, display):
        pool = SurfacePool(max_bytes=64 << 20)
        first = pool.surface((200, 100), display)
        parent = first.get_parent()
        del first
        gc.collect()
        second = pool.surface((200, 90), display)
        assert second.get_parent() is parent
        assert second.get_size() == (200, 90)
        assert (pool.made, pool.reused) == (1, 1)

    def test_a_surface_still_in_use_is_never_handed_out_again(self, display):
        pool = SurfacePool(max_bytes=64 << 20)
        kept = pool.surface((200, 100), display)
        kept.fill((10, 20, 30))
        other = pool.surface((200, 100), display)
        other.fill((200, 0, 0))
        assert other.get_parent() is not kept.get_parent()
        assert kept.get_at((5, 5))[:3] == (10, 20, 30)

    def test_reserve_makes_the_buffers_up_front_once_per_card_width(self, display):
        pool = SurfacePool(max_bytes=64 << 20)
        pool.reserve((200, 150), 3, display)
        pool.reserve((200, 150), 3, display)  # laid out again: nothing new
        assert pool.made == 3
        cards = [pool.surface((200, 140), display) for _ in range(3)]
        assert pool.made == 3 and pool.reused == 3
        assert all(card.get_size() == (200, 140) for card in cards)

    def test_free_memory_beyond_the_limit_is_let_go(self, display):
        pool = SurfacePool(max_bytes=0)
        card = pool.surface((200, 100), display)
        del card
        gc.collect()
        assert pool.bytes == 0
        pool.surface((200, 100), display)
        assert pool.made == 2

    def test_the_lru_counts_a_pooled_card_by_its_whole_buffer(self, display):
        pool = SurfacePool(max_bytes=64 << 20)
        card = pool.surface((200, 10), display)  # the buffer is rounded up to 64 rows
        cache = LRUSurfaces(max_bytes=1 << 30)
        cache.put("card", card)
        assert cache.bytes >= 200 * 64 * card.get_bytesize()


def post_view(**changes):
    values = dict(
        id="p1", author_name="Kampong Cham Provincial Health Service", handle="@kpc.health.service", verified=True,
        avatar_file=None, time_text="3 hours ago", text="Dengue season is here.", image_file=None, image_alt="",
        link=None, likes_text="120", comments_text="2 comments", shares_text="14 shares", comments=(),
        decision=None, decision_text="", tools_used=(),
    )
    values.update(changes)
    return PostView(**values)


class TestCardHeader:
    def test_a_chip_that_does_not_fit_beside_a_long_name_gets_its_own_row(self, display):
        from game.store.settings import Settings
        from game.ui.context import Context, Services

        ctx = Context(Settings(text_size=3), (1024, 600), Services(data_dir=None, results_dir=None, save_settings=False))
        undecided = card_layout(post_view(), 480, False, ctx)
        decided = post_view(decision="flag", decision_text="You flagged this post")
        layout = card_layout(decided, 480, False, ctx)
        assert layout.header_h > undecided.header_h
        painted = card_surface(decided, 480, False, ctx)
        assert painted.get_size() == (480, layout.height)

    def test_a_chip_that_fits_beside_a_short_name_leaves_the_header_as_it_was(self, display):
        from game.store.settings import Settings
        from game.ui.context import Context, Services

        ctx = Context(Settings(), (1280, 720), Services(data_dir=None, results_dir=None, save_settings=False))
        undecided = card_layout(post_view(author_name="Dara"), 672, False, ctx)
        decided = card_layout(post_view(author_name="Dara", decision="share", decision_text="You shared this post"), 672, False, ctx)
        assert decided.header_h == undecided.header_h


class TestPaintingAhead:
    def test_a_steady_scroll_never_waits_for_a_card_to_be_painted(self):
        from game.ui.sample import sample_feed_app

        app, window = sample_feed_app(posts=40, size=(1280, 720))
        scene = app.top
        surface = window.refresh()
        app.frame([], 1 / 60, surface)
        before = app.ctx.cache.painted_on_demand
        for _ in range(240):
            scene.scroller.scroll_by(15)
            app.frame([], 1 / 60, surface)
        assert scene.scroller.offset > 2500  # well past the cards painted when the feed opened
        assert app.ctx.cache.painted_on_demand == before
        pygame.display.quit()

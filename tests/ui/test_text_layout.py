"""The text layout and drawing module (game/ui/text.py) with real Khmer, English and emoji."""

import pygame
import pytest

from game.lang.segment import cluster_boundaries, is_cluster_continuation
from game.ui.fonts import REGULAR_FONT, open_font
from game.ui.text import NO_WRAP, TextRenderer

KHMER_SENTENCES = [
    "ក្រសួងសុខាភិបាលបានប្រកាសថា មិនមានការផ្ទុះជំងឺថ្មីនៅខេត្តសៀមរាបទេ។ សូមកុំចែករំលែកព័ត៌មានមិនពិត។",
    "ព្រះរាជាណាចក្រកម្ពុជា ជាតិ សាសនា ព្រះមហាក្សត្រ។ ស្ត្រីម្នាក់បានរកឃើញការងារនៅប្រទេសថៃ ប៉ុន្តែក្រុមហ៊ុននោះមិនមានពិតទេ។",
    "អ្នកបានឈ្នះរង្វាន់ ៥០០ ដុល្លារ! សូមផ្ញើលេខកូដ OTP របស់អ្នកមកយើងខ្ញុំភ្លាមៗ ដើម្បីទទួលបានប្រាក់។",
    "ប៉ូលិសព្រមានប្រជាពលរដ្ឋកុំឲ្យជួលគណនីធនាគារ ឬស៊ីមកាតរបស់ខ្លួនឲ្យអ្នកដទៃ ព្រោះវាជាការលាងលុយ។",
]
INK = (20, 20, 30)


def visible_rows(surface):
    rects = pygame.mask.from_surface(surface, 16).get_bounding_rects()
    return min(r.top for r in rects), max(r.bottom for r in rects)


class KhmerWrapping:
    pass


@pytest.mark.parametrize("text", KHMER_SENTENCES)
@pytest.mark.parametrize("width", [60, 90, 130, 170, 220, 300, 420])
def test_no_wrapped_khmer_line_starts_inside_a_cluster(renderer, text, width):
    layout = renderer.layout(text, width, 16)
    assert len(layout.lines) >= 1
    joined = "".join(line.text for line in layout.lines)
    assert joined.replace(" ", "") == text.replace(" ", "")  # nothing lost, nothing duplicated
    for line in layout.lines:
        assert line.text == text[line.start:line.end]
        assert line.text, "no empty line inside a paragraph"
        assert not is_cluster_continuation(line.text[0]), (width, line.text)
        assert text[line.start - 1] != "\u17d2" if line.start else True
        assert not line.text.startswith(("។", "៖", "ៗ"))


@pytest.mark.parametrize("text", KHMER_SENTENCES)
def test_lines_fit_the_width_and_break_at_word_boundaries(renderer, text):
    width = 200
    layout = renderer.layout(text, width, 16)
    assert len(layout.lines) > 1
    segmenter_words_ends = {0, len(text)} | {k for k in range(len(text)) if text[k - 1] == " "}
    from game.lang.segment import WordSegmenter

    preferred = set(WordSegmenter().break_opportunities(text)) | segmenter_words_ends
    for line in layout.lines:
        assert line.width <= width
        assert line.start in preferred, f"line starts mid-word: {line.text!r}"


def test_zero_width_space_is_a_break_and_is_not_drawn(renderer):
    words = ["ព័ត៌មាន", "មិនពិត", "ត្រូវបាន", "ចែករំលែក", "យ៉ាងឆាប់រហ័ស"]
    text = "\u200b".join(words)
    no_segmenter = TextRenderer(segmenter=__import__("game.lang.segment", fromlist=["WordSegmenter"]).WordSegmenter(
        khmer_words=lambda run: [run]))
    layout = no_segmenter.layout(text, renderer.measure("ព័ត៌មានមិនពិត", 16)[0] + 4, 16)
    assert [line.text.strip("\u200b") for line in layout.lines][0] == "ព័ត៌មាន\u200bមិនពិត"
    for line in layout.lines:
        assert text[line.start - 1] == "\u200b" if line.start else True
        assert not line.text.endswith("\u200b")


def test_khmer_digits_stay_together_and_render(renderer):
    text = "តម្លៃ ០១២៣៤៥៦៧៨៩ រៀល"
    layout = renderer.layout(text, renderer.measure("០១២៣៤៥៦៧៨៩", 16)[0] + 2, 16)
    assert any(line.text == "០១២៣៤៥៦៧៨៩" for line in layout.lines)
    assert renderer.measure("០១២៣៤៥៦៧៨៩", 16)[0] > 0


def test_mixed_khmer_and_english_wrap_at_spaces_and_word_boundaries(renderer):
    text = "ប៉ូលិសបាននិយាយថា Do not share your OTP code ជាមួយនរណាម្នាក់ឡើយ។ Call 1288 now."
    for width in (80, 140, 220):
        layout = renderer.layout(text, width, 16)
        for line in layout.lines:
            assert not line.text.startswith(" ")
            assert line.width <= width or len(cluster_boundaries(line.text)) == 2
            assert line.start == 0 or text[line.start - 1] == " " or "\u1780" <= text[line.start] <= "\u17ff" \
                or "\u1780" <= text[line.start - 1] <= "\u17ff"
        assert "OTP" in "".join(line.text for line in layout.lines)


def test_latin_runs_are_shaped_as_latin_so_they_keep_their_kerning(renderer):
    # Measured finding: through a "Khmr" Font, Latin loses the font's kerning (HarfBuzz applies
    # only the Khmer features), so Latin runs get their own "Latn" Font.
    khmer_font = open_font(REGULAR_FONT, 18)
    latin = "AVAWAYTo Wo"
    assert renderer.measure(latin, 18)[0] < khmer_font.size(latin)[0]
    mixed = "ប៉ូលិស AVAWAYTo ព័ត៌មាន"
    layout = renderer.layout(mixed, NO_WRAP, 18)
    assert [run.kind for run in layout.lines[0].runs] == ["khmer", "latin", "khmer"]
    expected = sum(
        open_font(REGULAR_FONT, 18, script).size(mixed[run.start:run.end])[0]
        for run, script in zip(layout.lines[0].runs, ["Khmr", "Latn", "Khmr"])
    )
    assert layout.width == expected


def test_shaping_is_applied_shaped_khmer_is_narrower(renderer):
    unshaped = pygame.font.Font(REGULAR_FONT, 24)
    text = "ស្ត្រី ព្រះរាជាណាចក្រកម្ពុជា"
    assert renderer.font(24).size(text)[0] < unshaped.size(text)[0]
    assert renderer.measure(text, 24)[0] < unshaped.size(text)[0]


def test_a_long_word_without_break_points_is_cut_at_cluster_boundaries(renderer):
    text = "ព្រះរាជាណាចក្រកម្ពុជាព្រះរាជាណាចក្រកម្ពុជាព្រះរាជាណាចក្រកម្ពុជា"
    only_spaces = TextRenderer(segmenter=__import__("game.lang.segment", fromlist=["WordSegmenter"]).WordSegmenter(
        khmer_words=lambda run: [run]))
    layout = only_spaces.layout(text, 70, 16)
    assert len(layout.lines) > 2
    assert "".join(line.text for line in layout.lines) == text
    boundaries = set(cluster_boundaries(text))
    for line in layout.lines:
        assert line.start in boundaries and line.width <= 70
    url = "https://abc-bank-reward.example/claim?id=12345&ref=facebook"
    assert all(line.width <= 90 for line in renderer.layout(url, 90, 16).lines)
    # even a width narrower than one cluster ends, one cluster per line
    assert len(renderer.layout("ស្ត្រី", 2, 16).lines) == 1


def test_newlines_are_hard_breaks_and_blank_lines_keep_their_height(renderer):
    text = "Line one\n\nខ្សែទីបី"
    layout = renderer.layout(text, NO_WRAP, 16)
    assert [line.text for line in layout.lines] == ["Line one", "", "ខ្សែទីបី"]
    assert layout.height == 3 * renderer.line_height(16)
    assert renderer.measure("ab\ncd", 16)[1] == 2 * renderer.line_height(16)


def test_highlight_spans_follow_the_text_across_lines(renderer):
    text = KHMER_SENTENCES[0]
    evidence = "សូមកុំចែករំលែកព័ត៌មានមិនពិត"
    start = text.index(evidence)
    end = start + len(evidence)
    layout = renderer.layout(text, 150, 16)
    boxes = renderer.span_boxes(layout, start, end)
    touched = [line for line in layout.lines if line.start < end and line.end > start]
    assert len(touched) >= 2, "the evidence should wrap in this test"
    assert [box.y for box in boxes] == [line.y for line in touched]
    font = renderer.font(16)
    first = touched[0]
    assert boxes[0].x == font.size(text[first.start:start])[0]
    assert boxes[0].right == first.width
    assert boxes[-1].x == 0
    last = touched[-1]
    assert boxes[-1].width == font.size(text[last.start:end])[0]


def test_highlights_are_drawn_behind_the_glyphs(renderer):
    text = "Flood warning for Kampong Cham"
    start = text.index("Kampong")
    plain = renderer.render(text, 400, 16, INK)
    marked = renderer.render(text, 400, 16, INK, highlights=[(start, start + 7, (255, 220, 0))])
    layout = renderer.layout(text, 400, 16)
    box = renderer.span_boxes(layout, start, start + 7)[0]
    centre_row = layout.baseline - 4
    yellow = [x for x in range(marked.get_width()) if marked.get_at((x, centre_row))[:3] == (255, 220, 0)]
    assert yellow and box.x - 4 <= min(yellow) and max(yellow) <= box.right + 4
    assert plain.get_at((min(yellow), centre_row)).a == 0


def test_highlight_offsets_inside_a_cluster_cover_the_whole_cluster(renderer):
    text = "ស្ត្រី"
    layout = renderer.layout(text, 400, 16)
    assert renderer.span_boxes(layout, 2, 3)[0].width == layout.lines[0].width


@pytest.mark.parametrize("size", [12, 16, 20, 28, 40])
def test_nothing_is_clipped_vertically(renderer, size):
    for word in ["ស្ត្រី", "ក្រសួងសុខាភិបាល", "ព្រះរាជាណាចក្រកម្ពុជា", "ញ្ជ្រូ ក្ត្រ ប៉ុន្តែ គ្រឿង ឡ្យ៉ូ", "Éjgy|"]:
        line_height = renderer.line_height(size)
        script = "Khmr" if "\u1780" <= word[0] <= "\u17ff" else "Latn"
        free = open_font(REGULAR_FONT, renderer.pixel_size(size), script).render(word, True, INK)  # unclipped
        drawn = renderer.render_line(word, size, INK)
        assert drawn.get_height() == line_height
        top, bottom = visible_rows(drawn)
        assert top > 0 and bottom < line_height, (word, size, top, bottom, line_height)
        free_top, free_bottom = visible_rows(free)
        assert bottom - top == free_bottom - free_top, f"{word!r} lost rows at {size}px"


def test_same_request_returns_the_same_cached_surface(renderer):
    first = renderer.render(KHMER_SENTENCES[1], 240, 16, INK, highlights=[(0, 5, (255, 230, 120))])
    again = renderer.render(KHMER_SENTENCES[1], 240, 16, INK, highlights=[(0, 5, (255, 230, 120))])
    assert again is first
    assert renderer.layout(KHMER_SENTENCES[1], 240, 16) is renderer.layout(KHMER_SENTENCES[1], 240, 16)
    assert renderer.render_line("Share", 16, INK) is renderer.render_line("Share", 16, INK)
    assert renderer.render(KHMER_SENTENCES[1], 240, 16, (200, 0, 0)) is not first


def test_surface_cache_is_bounded():
    small = TextRenderer(surface_cache_bytes=200_000)
    for index in range(60):
        small.render(f"{KHMER_SENTENCES[0]} {index}", 300, 16, INK)
    assert small.cache_stats()["surface_bytes"] <= 200_000


def test_scale_multiplies_sizes():
    normal, large = TextRenderer(1.0), TextRenderer(1.5)
    assert large.font(16).get_height() > normal.font(16).get_height()
    assert large.line_height(16) > normal.line_height(16)
    assert large.measure("ព័ត៌មាន", 16)[0] > normal.measure("ព័ត៌មាន", 16)[0]


def test_align_center_and_right_use_the_given_width(renderer):
    left = renderer.render("Share", 200, 16, INK)
    centre = renderer.render("Share", 200, 16, INK, align="center")
    assert centre.get_width() == 200 and left.get_width() < 200
    x_ink = [r.x for r in pygame.mask.from_surface(centre, 16).get_bounding_rects()]
    assert min(x_ink) > 50
    with pytest.raises(ValueError):
        renderer.render("Share", 200, 16, INK, align="middle")

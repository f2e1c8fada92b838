"""Break opportunities and cluster boundaries (game/lang/segment.py): pure, no pygame needed."""

import subprocess
import sys

import pytest

from game.lang.segment import (
    WordSegmenter,
    cluster_boundaries,
    emoji_spans,
    is_cluster_continuation,
)

SENTENCE = "ក្រសួងសុខាភិបាលបានប្រកាសថាមិនមានការផ្ទុះជំងឺថ្មីនៅខេត្តសៀមរាបទេ។"



def test_segment_module_does_not_import_pygame():
    code = "import sys, game.lang.segment as s; s.WordSegmenter().break_opportunities('ក្រសួង 👍'); print('pygame' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize("word", ["ស្ត្រី", "ក្រសួង", "ព្រះ", "ញ្ជ្រូ", "ប៉ុន្តែ"])
def test_no_boundary_before_a_mark_or_after_a_coeng(word):
    boundaries = cluster_boundaries(word)
    for offset in boundaries[1:-1]:
        assert not is_cluster_continuation(word[offset]), (word, offset)
        assert word[offset - 1] != "\u17d2", (word, offset)


def test_stacked_consonants_form_one_cluster():
    # ស្ត្រី is a single orthographic syllable: base, two subscripts and a vowel.
    assert cluster_boundaries("ស្ត្រី") == [0, 6]
    assert cluster_boundaries("ក្រសួង") == [0, 3, 5, 6]


def test_emoji_sequences_are_never_split():
    text = "ok 👮\u200d♀\ufe0f 🇰🇭 👍🏽 1\ufe0f\u20e3"
    spans = emoji_spans(text)
    assert [text[a:b] for a, b in spans] == ["👮\u200d♀\ufe0f", "🇰🇭", "👍🏽", "1\ufe0f\u20e3"]
    boundaries = set(cluster_boundaries(text))
    for start, end in spans:
        assert not boundaries & set(range(start + 1, end))


def test_khmer_word_boundaries_come_from_the_segmenter():
    opportunities = WordSegmenter().break_opportunities(SENTENCE)
    words = [SENTENCE[a:b] for a, b in zip([0, *opportunities], [*opportunities, len(SENTENCE)])]
    assert "ក្រសួង" in words and "សុខាភិបាល" in words and "សៀមរាប" in words
    assert "".join(words) == SENTENCE
    assert not words[-1].startswith("។") and words[-1].endswith("។")  # no line may start with a full stop


def test_spaces_and_zwsp_are_break_opportunities_and_punctuation_is_kept_with_its_word():
    text = "ព័ត៌មាន\u200bមិនពិត hello, world"
    opportunities = WordSegmenter(khmer_words=lambda run: [run]).break_opportunities(text)
    assert opportunities == [text.index("មិន"), text.index("hello"), text.index("world")]


def test_segmentations_are_cached():
    calls = []

    def counting(run):
        calls.append(run)
        return [run]

    segmenter = WordSegmenter(khmer_words=counting)
    segmenter.break_opportunities(SENTENCE)
    segmenter.break_opportunities(SENTENCE)
    assert calls == [SENTENCE]


def test_a_segmenter_that_loses_characters_is_ignored():
    segmenter = WordSegmenter(khmer_words=lambda run: [run[:2], run[3:]])
    assert segmenter.khmer_word_ends(SENTENCE) == ()


def test_without_khmercut_khmer_still_breaks_at_spaces():
    def missing(run):
        raise ImportError("no khmercut")

    segmenter = WordSegmenter(khmer_words=missing)
    text = "ក្រសួងសុខាភិបាល បានប្រកាស"
    assert segmenter.break_opportunities(text) == [text.index("បាន")]
    assert segmenter.available is False

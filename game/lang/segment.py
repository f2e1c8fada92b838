"""Where a line of text may be broken: grapheme clusters, Khmer word boundaries and emoji runs.

Pure functions and one small caching class; this module must not import pygame, so it can be
tested and reused on its own (the text layout in `game/ui/text.py` is its only caller today).

- `is_cluster_continuation(ch)`: characters that can never start a line (combining marks,
  the Khmer coeng U+17D2, dependent vowels and signs U+17B6-U+17D3, U+17DD, joiners, selectors).
- `cluster_boundaries(text)`: offsets where a break would not split a cluster or an emoji sequence.
- `emoji_spans(text)`: `(start, end)` of each emoji sequence (found by the `emoji` library).
- `script_runs(text)`: Khmer and non-Khmer runs (each is shaped with its own HarfBuzz script).
- `WordSegmenter`: preferred break offsets (spaces, U+200B, Khmer word boundaries found by
  `khmercut`), with a bounded cache of segmentations.
"""

from __future__ import annotations

import re
import unicodedata
from collections import OrderedDict
from collections.abc import Callable, Iterable

COENG = "\u17d2"
ZWSP = "\u200b"
ZWNJ = "\u200c"
ZWJ = "\u200d"
SKIN_TONES = frozenset("\U0001f3fb\U0001f3fc\U0001f3fd\U0001f3fe\U0001f3ff")
VARIATION_SELECTORS = frozenset("\ufe0e\ufe0f")

# Spaces a line may break after (and that are dropped at the end of a line). No-break spaces are not here.
BREAK_SPACES = frozenset(" \t\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u205f\u3000")
# A line must not start with these (closing punctuation, Khmer full stops and the repetition sign).
NO_BREAK_BEFORE = frozenset("។៕៖ៗ៘៙៚.,!?:;)]}>”’»…%\u00a0\u202f")
# A line must not end with these (opening punctuation).
NO_BREAK_AFTER = frozenset("([{<“‘«\u00a0\u202f$៛")

_KHMER_RUN = re.compile("[\u1780-\u17ff\u19e0-\u19ff]+")
# Characters that may begin an emoji sequence; a cheap test before asking the `emoji` library.
_MAYBE_EMOJI = re.compile("[\u00a9\u00ae\u203c-\u3299\U0001f000-\U0001faff#*0-9][\ufe0f\u20e3\U0001f3fb-\U0001f3ff]|[\u2190-\u2bff\u3030\u303d\u3297\u3299\U0001f000-\U0001faff]")


def is_khmer(ch: str) -> bool:
    return "\u1780" <= ch <= "\u17ff" or "\u19e0" <= ch <= "\u19ff"


def is_cluster_continuation(ch: str) -> bool:
    """True for a character that belongs to the cluster before it, so no line may start with it."""
    code = ord(ch)
    if 0x17B4 <= code <= 0x17D3 or code == 0x17DD:
        return True
    if ch in (ZWJ, ZWNJ) or ch in VARIATION_SELECTORS or ch in SKIN_TONES or 0xE0020 <= code <= 0xE007F:
        return True
    return unicodedata.category(ch) in ("Mn", "Mc", "Me")


def _is_neutral(ch: str) -> bool:
    """Spaces, digits, punctuation and symbols: they belong to the script of their neighbours."""
    return not is_khmer(ch) and unicodedata.category(ch)[0] not in "LM"


def script_runs(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, bool]]:
    """`(start, end, is_khmer)` runs of text[start:end], for shaping each run with its own script.

    Neutral characters (spaces, digits, punctuation) join the run before them, or the one after
    them at the start; combining marks stay with their base.
    """
    end = len(text) if end is None else end
    runs: list[tuple[int, int, bool]] = []
    first_strong = next((is_khmer(ch) for ch in text[start:end] if not _is_neutral(ch)), False)
    current = first_strong
    run_start = start
    for offset in range(start, end):
        ch = text[offset]
        if _is_neutral(ch) or is_cluster_continuation(ch):
            continue
        khmer = is_khmer(ch)
        if khmer != current:
            if offset > run_start:
                runs.append((run_start, offset, current))
            run_start, current = offset, khmer
    if end > run_start:
        runs.append((run_start, end, current))
    return runs


def emoji_spans(text: str) -> list[tuple[int, int]]:
    """`(start, end)` offsets of every emoji sequence (ZWJ, flag, keycap and skin-tone sequences count as one)."""
    if not _MAYBE_EMOJI.search(text):
        return []
    import emoji  # imported lazily: only texts that may hold emoji pay for it

    return [(match["match_start"], match["match_end"]) for match in emoji.emoji_list(text)]


def cluster_boundaries(text: str, emoji: Iterable[tuple[int, int]] | None = None) -> list[int]:
    """Sorted offsets (0 and len(text) included) where text can be cut without splitting a cluster.

    A cut never lands before a combining mark, coeng or dependent vowel, never right after a
    coeng or a joiner (the consonant after a coeng is a subscript), and never inside an emoji sequence.
    """
    inside_emoji: set[int] = set()
    for start, end in emoji_spans(text) if emoji is None else emoji:
        inside_emoji.update(range(start + 1, end))
    boundaries = [0]
    for offset in range(1, len(text)):
        ch, before = text[offset], text[offset - 1]
        if offset in inside_emoji or is_cluster_continuation(ch) or before in (COENG, ZWJ):
            continue
        if before == "\r" and ch == "\n":
            continue
        boundaries.append(offset)
    if text:
        boundaries.append(len(text))
    return boundaries


def _default_khmer_words(run: str) -> list[str]:
    import khmercut  # imported lazily; its model (25 MB of RAM) loads on the first Khmer text

    return khmercut.tokenize(run)


class WordSegmenter:
    """Finds the preferred break offsets of a text, remembering the Khmer segmentations it made.

    `khmer_words` splits a run of Khmer characters into words (default: `khmercut.tokenize`);
    when khmercut is not installed, Khmer runs only break at spaces, U+200B and (as the layout's
    last resort) at cluster boundaries.
    """

    def __init__(self, khmer_words: Callable[[str], list[str]] | None = None, cache_size: int = 2048):
        self._khmer_words = khmer_words or _default_khmer_words
        self._cache: OrderedDict[str, tuple[int, ...]] = OrderedDict()
        self._cache_size = cache_size
        self.available = True

    def khmer_word_ends(self, run: str) -> tuple[int, ...]:
        """Offsets inside `run` (a run of Khmer characters) where a Khmer word ends, cached."""
        cached = self._cache.get(run)
        if cached is not None:
            self._cache.move_to_end(run)
            return cached
        ends: list[int] = []
        if self.available:
            try:
                words = self._khmer_words(run)
            except ImportError:
                self.available = False
                words = [run]
            position = 0
            for word in words:
                position += len(word)
                ends.append(position)
            if position != len(run):  # a segmenter that lost characters is not trusted
                ends = []
        result = tuple(end for end in ends if 0 < end < len(run))
        self._cache[run] = result
        if len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)
        return result

    def break_opportunities(self, text: str, emoji: Iterable[tuple[int, int]] | None = None) -> list[int]:
        """Sorted offsets where a new line may start, preferring word boundaries.

        An offset `k` means "a line may end before text[k] and the next one start at text[k]"
        (spaces before `k` are dropped from the end of the first line). Every offset is a
        cluster boundary; `len(text)` is not included. Newlines are not handled here: the layout
        splits paragraphs first.
        """
        emoji = list(emoji_spans(text) if emoji is None else emoji)
        safe = set(cluster_boundaries(text, emoji))
        candidates: set[int] = set()
        for offset, ch in enumerate(text):
            if ch in BREAK_SPACES or ch == ZWSP:
                candidates.add(offset + 1)
        for match in _KHMER_RUN.finditer(text):
            candidates.update(match.start() + end for end in self.khmer_word_ends(match.group()))
        for start, end in emoji:
            candidates.update((start, end))
        opportunities = []
        for offset in sorted(candidates):
            if not 0 < offset < len(text) or offset not in safe:
                continue
            ch, before = text[offset], text[offset - 1]
            if ch in BREAK_SPACES or ch == ZWSP:
                continue  # break after the whole run of spaces, never inside it
            if ch in NO_BREAK_BEFORE or before in NO_BREAK_AFTER:
                continue
            opportunities.append(offset)
        return opportunities

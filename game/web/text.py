"""The one normalising function used both to index pages and to read queries, and the tokens it yields.

`normalise(text)` NFC-normalises the text, turns other word separators (zero-width space,
no-break spaces) into plain spaces, and inserts a zero-width space (U+200B) at every Khmer word
boundary found by the project's segmenter (khmercut). The index stores that text: U+200B is a
separator for SQLite's `unicode61` tokenizer with `categories 'L* N* Co Mc Mn'` (so whole Khmer
words are tokens) and is invisible when a snippet is drawn. `tokens(text)` splits normalised text
the way that tokenizer does (letters, digits, private-use and Khmer marks; case folded), for the
pure-Python fallback ranking and the "did you mean" vocabulary.

Pure: no I/O, no pygame. The segmenter is passed in (or the shared default is used).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Callable, Container, Optional

from game.lang.segment import WordSegmenter

ZWSP = "\u200b"
FTS_TOKENIZE = "unicode61 categories 'L* N* Co Mc Mn'"
_KHMER_RUN = re.compile("[\u1780-\u17ff\u19e0-\u19ff]+")
_SEPARATORS = re.compile("[\u00a0\u1680\u2000-\u200d\u202f\u205f\u2060\u3000\ufeff]+")
_TOKEN_CATEGORIES = ("L", "N", "Co", "Mc", "Mn")

_default: Optional[WordSegmenter] = None


def default_segmenter() -> WordSegmenter:
    """The shared segmenter (khmercut), made on first use; it remembers the runs it has split."""
    global _default
    if _default is None:
        _default = WordSegmenter(cache_size=16384)
    return _default


Memo = dict  # Khmer run -> the offsets where its words end, as the segmenter found them


def normalise(text: str, segmenter: Optional[WordSegmenter] = None, memo: Optional[Memo] = None) -> str:
    """Text as it is indexed and as queries are read: NFC, one kind of space, U+200B between Khmer words.

    `memo` (run -> word ends) remembers segmentations across calls, e.g. from one index build to the next;
    it only ever holds what the segmenter itself returned, so the result is the same with or without it.
    """
    segmenter = segmenter or default_segmenter()
    text = unicodedata.normalize("NFC", text)
    text = _SEPARATORS.sub(" ", text)
    return _KHMER_RUN.sub(lambda match: _split_run(match.group(), segmenter, memo), text)


def _split_run(run: str, segmenter: WordSegmenter, memo: Optional[Memo] = None) -> str:
    """A Khmer run with U+200B between its words and around it (so "ឆ្នាំ2008" is two tokens too)."""
    ends = memo.get(run) if memo is not None else None
    if ends is None:
        ends = segmenter.khmer_word_ends(run)
        if memo is not None:
            memo[run] = tuple(ends)
    pieces, start = [], 0
    for end in ends:
        pieces.append(run[start:end])
        start = end
    pieces.append(run[start:])
    return ZWSP + ZWSP.join(pieces) + ZWSP


@lru_cache(maxsize=65536)
def is_token_char(ch: str) -> bool:
    category = unicodedata.category(ch)
    return category[0] in "LN" or category in _TOKEN_CATEGORIES


def tokens(normalised: str) -> list[str]:
    """The tokens of normalised text, case folded, as the FTS5 tokenizer sees them."""
    found: list[str] = []
    current: list[str] = []
    for ch in normalised:
        if is_token_char(ch):
            current.append(ch)
        elif current:
            found.append("".join(current).casefold())
            current = []
    if current:
        found.append("".join(current).casefold())
    return found


def query_tokens(query: str, segmenter: Optional[WordSegmenter] = None, *, split: Optional[Callable[[str], list[str]]] = None) -> list[str]:
    """The distinct tokens of a query, in order, read with the same `normalise` as the pages."""
    seen: dict[str, None] = {}
    for token in tokens(normalise(query, segmenter)):
        for piece in (split(token) if split else [token]):
            seen.setdefault(piece, None)
    return list(seen)


def is_khmer_token(token: str) -> bool:
    return any("\u1780" <= ch <= "\u17ff" for ch in token)


MAX_JOIN = 3


def fit_to_vocabulary(words: list[str], vocabulary: Container[str]) -> list[str]:
    """Query words matched to the index's words where the segmenter cut a short query differently from a page.

    A segmenter sees less context in a short query than in a page, so it may keep a compound whole
    (ការបោកប្រាស់) that it split on the page (ការ + បោកប្រាស់), or the other way round. A Khmer word the
    index does not know is replaced by the fewest known words that spell it exactly; and two or three
    neighbouring Khmer words that together spell a known word add that word. Other words are kept as they are.
    """
    fitted: list[str] = []
    for word in words:
        pieces = _spell_with(word, vocabulary) if is_khmer_token(word) and word not in vocabulary else None
        fitted.extend(pieces or [word])
    joined = [
        "".join(fitted[start:start + size])
        for size in range(2, MAX_JOIN + 1)
        for start in range(len(fitted) - size + 1)
        if all(is_khmer_token(word) for word in fitted[start:start + size])
    ]
    extra = [word for word in joined if word in vocabulary]
    return list(dict.fromkeys(fitted + extra))


def _spell_with(word: str, vocabulary: Container[str]) -> Optional[list[str]]:
    """The fewest known words (at least 2) that spell `word` exactly, or None."""
    best: list[Optional[list[str]]] = [None] * (len(word) + 1)
    best[0] = []
    for end in range(1, len(word) + 1):
        for start in range(end):
            before = best[start]
            if before is not None and word[start:end] in vocabulary and (best[end] is None or len(before) + 1 < len(best[end])):
                best[end] = before + [word[start:end]]
    found = best[len(word)]
    return found if found and len(found) > 1 else None

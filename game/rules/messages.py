"""Messages: the game's own words as ids with parameters, plus an English rendering.

The rules never produce finished UI sentences: a `Message` is `(id, params)`, for example
`Message("flagged-reliable", {"count": 2})`, and the UI translates it into the learner's language.
`render_en` gives the English text, for the CLI, logs, tests and as the translators' reference.
Text written by a scenario author (clues, notes, explanations) is already in the scenario's language
and never goes through here. No pygame, no clock, no file I/O.
"""

from __future__ import annotations

from typing import Any, Callable, Mapping, NamedTuple


class Message(NamedTuple):
    """A message id with its parameters; unpacks like `("flagged-reliable", {"count": 2})`."""

    id: str
    params: Mapping[str, Any] = {}

    def english(self) -> str:
        """The English text (`render_en`); the UI catalogue (game.lang.i18n) falls back to it."""
        return render_en(self)


def _plural(count: int, one: str, many: str) -> str:
    return one if count == 1 else many


def _number(count: int) -> str:
    words = {0: "no", 1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten"}
    return words.get(count, str(count))


def _source_account(p: Mapping[str, Any]) -> str:
    joined = p.get("joined") or "not shown"
    bio = f"“{p['bio']}”" if p.get("bio") else "empty"
    verified = "yes" if p.get("verified") else "no"
    return (
        f"{p['name']} ({p['handle']}). Account created: {joined}. "
        f"Followers: {int(p.get('followers', 0)):,}. Verified badge: {verified}. Bio: {bio}."
    )


_ENGLISH: dict[str, Callable[[Mapping[str, Any]], str]] = {
    # Default clues, shown when the scenario author wrote none for a tool. Honest and neutral:
    # they never hint at the verdict, because the author did not say what the tool would find.
    "clue-source-account": _source_account,
    "clue-search-inconclusive": lambda p: (
        "The search results neither confirm nor contradict this post. "
        "Judge it by who posted it and how it is written."
    ),
    "clue-reverse-image-inconclusive": lambda p: (
        "The reverse image search found nothing that settles where this picture comes from."
    ),
    "clue-fact-check-none": lambda p: (
        "No fact-check about this claim was found. That alone does not make it true or false."
    ),
    # The overall reading in the debrief.
    "perfect-round": lambda p: "A perfect round: every decision was right.",
    "shared-harmful": lambda p: (
        f"You shared {_number(p['count'])} harmful {_plural(p['count'], 'post', 'posts')}. "
        "Sharing spreads the harm to everyone who trusts you."
    ),
    "missed-misinformation": lambda p: (
        f"You let {_number(p['count'])} misleading {_plural(p['count'], 'post', 'posts')} through without flagging "
        f"{_plural(p['count'], 'it', 'them')}."
    ),
    "flagged-reliable": lambda p: (
        f"You flagged {_number(p['count'])} reliable {_plural(p['count'], 'post', 'posts')}. "
        "Doubting everything is not the same as telling true from false."
    ),
    "bias-too-suspicious": lambda p: "You flagged reliable posts too often: slow down before you call a post fake.",
    "bias-too-trusting": lambda p: "You let too much through: look for the warning signs before you share.",
    "discernment-strong": lambda p: "You told misleading posts from reliable ones very well.",
    "discernment-good": lambda p: "You told misleading posts from reliable ones well.",
    "discernment-weak": lambda p: "You told misleading posts from reliable ones only a little better than chance.",
    "discernment-none": lambda p: "Your answers did not yet tell misleading posts from reliable ones.",
    "practise-technique": lambda p: (
        f"Practise spotting “{p['name']}”: you missed it {_number(p['missed'])} "
        f"{_plural(p['missed'], 'time', 'times')}."
    ),
    "name-the-technique": lambda p: (
        f"You named the right technique in {p['named']} of your {p['flagged']} correct flags. "
        "Naming the trick helps you spot it next time."
    ),
    "verify-before-deciding": lambda p: "Use the verify tools when you are unsure: check the source before you decide.",
    "ran-out-of-time": lambda p: (
        f"Time ran out: {_number(p['skipped'])} {_plural(p['skipped'], 'post was', 'posts were')} counted as skipped."
    ),
    "ended-early": lambda p: (
        f"You ended the round early: {_number(p['skipped'])} {_plural(p['skipped'], 'post was', 'posts were')} "
        "counted as skipped."
    ),
    # Cue lessons (game.rules.cue_lessons): a surface cue misled the trainee about this post.
    "cue-verified-clue": lambda p: (
        f"This page is verified, but checking shows: “{p['clue']}” A badge shows who owns a page, not whether a post is true."
    ),
    "cue-verified": lambda p: (
        "This page is verified, but the post is still misleading: a badge shows who owns a page, not whether a post is true."
    ),
    "cue-established-clue": lambda p: (
        f"This page is old or has many followers, but checking shows: “{p['clue']}” "
        "Years and followers show a page's reach, not whether a post is true."
    ),
    "cue-established": lambda p: (
        "This page is old or has many followers, but the post is still misleading: "
        "years and followers show a page's reach, not whether a post is true."
    ),
    "cue-calm-clue": lambda p: (
        f"This post is calm and polite, but checking shows: “{p['clue']}” Professional scams are often calm, long and polite."
    ),
    "cue-calm": lambda p: (
        "This post is calm and polite, but it is still misleading: professional scams are often calm, long and polite."
    ),
    "cue-loud-clue": lambda p: (
        f"This post is loud, but it is real: “{p['clue']}” Official alerts are often urgent, with “!!”, capitals or emoji."
    ),
    "cue-loud": lambda p: "This post is loud, but it is real: official alerts are often urgent, with “!!”, capitals or emoji.",
    "cue-humble-clue": lambda p: (
        f"This page is new and small, but the post is real: “{p['clue']}” "
        "A new page can report what it saw: judge what it says, not its size."
    ),
    "cue-humble": lambda p: (
        "This page is new and small, but the post is real: a new page can report what it saw: judge what it says, not its size."
    ),
    "cue-money-clue": lambda p: (
        f"This post is about money, but it is real: “{p['clue']}” Real prize draws, aid and price rises exist: check who is behind them."
    ),
    "cue-money": lambda p: (
        "This post is about money, but it is real: real prize draws, aid and price rises exist: check who is behind them."
    ),
}

MESSAGE_IDS = frozenset(_ENGLISH)


def render_en(message: Message | tuple[str, Mapping[str, Any]]) -> str:
    """The English text of a message. An unknown id renders as the id itself (never raises)."""
    message_id, params = message[0], (message[1] if len(message) > 1 else {})
    render = _ENGLISH.get(message_id)
    if render is None:
        return message_id
    try:
        return render(params)
    except (KeyError, TypeError, ValueError):
        return message_id

"""Clues: what a verify tool reveals about a post, and where a technique's evidence sits in the post.

A clue is the author's text for that tool when the scenario has one (already in the scenario's
language), else a neutral default `Message` built from the account data, which the UI translates.
Defaults never hint at the verdict. No pygame, no clock, no file I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Optional

from game.rules.messages import Message, render_en
from game.scenario.model import LoadedScenario, Post, Tool


@dataclass(frozen=True)
class Clue:
    """What `tool` reveals about `post`: the author's `text`, or a default `message` when there is none."""

    post: str
    tool: Tool
    text: Optional[str] = None
    message: Optional[Message] = None

    @property
    def authored(self) -> bool:
        return self.text is not None

    def english(self) -> str:
        """The clue as plain text; an authored clue is returned as written (scenario language)."""
        return self.text if self.text is not None else render_en(self.message or Message("", {}))


def tool_applies(post: Post, tool: Tool) -> bool:
    """Whether the tool can be used on this post: a reverse image search needs a picture."""
    return tool is not Tool.reverse_image or post.image is not None


def clue_for(loaded: LoadedScenario, post: Post, tool: Tool) -> Clue:
    """The clue `tool` reveals for `post`."""
    authored = post.clues.get(tool)
    if authored is not None:
        return Clue(post=post.id, tool=tool, text=authored)
    if tool is Tool.source:
        account = next((a for a in loaded.scenario.accounts if a.id == post.author), None)
        if account is None:
            params = {"name": post.author, "handle": "", "joined": None, "followers": 0, "verified": False, "bio": ""}
        else:
            params = {
                "name": account.name,
                "handle": account.handle,
                "joined": account.joined,
                "followers": account.followers,
                "verified": account.verified,
                "bio": account.bio,
            }
        return Clue(post=post.id, tool=tool, message=Message("clue-source-account", params))
    if tool is Tool.search:
        return Clue(post=post.id, tool=tool, message=Message("clue-search-inconclusive", {}))
    if tool is Tool.reverse_image:
        return Clue(post=post.id, tool=tool, message=Message("clue-reverse-image-inconclusive", {}))
    return Clue(post=post.id, tool=tool, message=Message("clue-fact-check-none", {}))


def all_clues(loaded: LoadedScenario, post: Post) -> tuple[Clue, ...]:
    """What every tool that applies to the post would reveal, in the order of `Tool`."""
    return tuple(clue_for(loaded, post, tool) for tool in Tool if tool_applies(post, tool))


@dataclass(frozen=True)
class EvidenceSpan:
    """Where a technique's evidence sits: `field` ("text" or "link_title") and Python str offsets [start, end)."""

    field: Literal["text", "link_title"]
    start: int
    end: int


def evidence_spans(post: Post, evidence: str) -> tuple[EvidenceSpan, ...]:
    """The first place the quote appears: the post text first, then the link title; () if nowhere."""
    if not evidence:
        return ()
    start = post.text.find(evidence)
    if start >= 0:
        return (EvidenceSpan("text", start, start + len(evidence)),)
    if post.link is not None:
        start = post.link.title.find(evidence)
        if start >= 0:
            return (EvidenceSpan("link_title", start, start + len(evidence)),)
    return ()

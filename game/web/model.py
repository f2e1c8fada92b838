"""Web file format v1: typed, immutable models of the offline web (sites, pages, pictures, queries).

A web file says `kind: web` at its top level. The shared sites live in `scenarios/web/sites.<lang>.yaml`;
a scenario's own sites and pages live next to it in `scenarios/<id>/web.<lang>.yaml`. See docs/web-format.md.
Pure data: this module never reads files, never reads the clock and never imports pygame.
Cross-reference checks (unknown site, post, page or picture ...) live in `game/web/validate.py`.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from game.scenario.model import Id, Language, NonEmpty, TranslationStatus

Day = Annotated[
    str,
    StringConstraints(pattern=r"^[12][0-9]{3}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"),
    Field(description="A simulated date: 'YYYY-MM-DD', or 'YYYY-MM' or 'YYYY' when only that much is known."),
]
Domain = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$"),
    Field(description="A fictional domain in lower case, e.g. 'tonledaily.example'. End it in '.example' so it can never be real."),
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)


class SiteKind(str, Enum):
    """What kind of site it is: shown on its about card, used by the `fact_check` tool."""

    government = "government"
    police = "police"
    news = "news"
    fact_checker = "fact_checker"
    bank = "bank"
    company = "company"
    ngo = "ngo"
    blog = "blog"
    forum = "forum"
    scam = "scam"
    registry = "registry"


SITE_KIND_MEANINGS = {
    "government": "a ministry, a provincial office or another public body",
    "police": "a police office",
    "news": "a news outlet with named editors and reporters",
    "fact_checker": "a fact-checking organisation; opening its pages counts as the fact_check tool",
    "bank": "a licensed bank or microfinance institution",
    "company": "a company (a phone network, a delivery firm ...)",
    "ngo": "a charity or a non-governmental organisation",
    "blog": "a blog or a page of one person or an unknown group",
    "forum": "an open discussion forum",
    "scam": "a scam or look-alike site",
    "registry": "a domain registration lookup",
}


class Role(str, Enum):
    """What a page does for the posts it concerns: the tests and the debrief read it."""

    settles = "settles"
    confirms = "confirms"
    data_void = "data_void"
    distractor = "distractor"
    background = "background"


ROLE_MEANINGS = {
    "settles": "shows that a misleading post is false or a scam (the real notice, a fact-check, a news report)",
    "confirms": "backs a reliable post with an independent source",
    "data_void": "repeats a misleading post's claim, from a low-quality source: what pasting the headline finds",
    "distractor": "on the same topic but settles nothing, so that searching is no give-away",
    "background": "a general page of its site (about us, contacts, how to report fraud); concerns no post",
}


class Said(_Model):
    """One thing others say about a site, as shown on its about card."""

    source: NonEmpty = Field(description="Who says it, e.g. 'Check Before Share' or 'a forum user'.")
    text: NonEmpty = Field(description="What they say.")
    page: Optional[Id] = Field(None, description="Optional: the id of the page where they say it.")


class About(_Model):
    """The 'about this source' card: what a lateral reader finds out about a site from elsewhere."""

    runs_it: NonEmpty = Field(description="Who runs the site, in one line.")
    first_seen: Day = Field(description="When the site was first seen on the web.")
    registered: Day = Field(description="The simulated domain registration date (what a registration lookup shows).")
    registrant: NonEmpty = Field(description="Who registered the domain, as a registration lookup shows it (may be 'hidden by a privacy service').")
    others_say: list[Said] = Field(default_factory=list, description="What other sources say about the site.")


class Site(_Model):
    """A website of the offline web."""

    id: Id
    name: NonEmpty = Field(description="The site's name as it shows itself.")
    domain: Domain
    kind: SiteKind = Field(description="What kind of site it is. " + "; ".join(f"'{key}': {value}" for key, value in SITE_KIND_MEANINGS.items()))
    language: Optional[Language] = Field(None, description="The site's main language, when not the file's.")
    about: About = Field(description="The 'about this source' card.")


class Picture(_Model):
    """A picture shown on a page."""

    file: NonEmpty = Field(description="PNG or JPEG file, relative to the web file.")
    alt: str = Field("", description="What the picture shows.")


class PageLink(_Model):
    """A link on a page: to another page of the web, or to a bare domain (which opens its registration facts)."""

    text: NonEmpty = Field(description="The link's words as shown on the page.")
    page: Optional[Id] = Field(None, description="The id of the page it opens.")
    domain: Optional[Domain] = Field(None, description="Or: a domain, whose registration facts it opens.")


class Page(_Model):
    """One page of the offline web, in the file's language."""

    id: Id
    site: Id = Field(description="The id of its site (in this file or the shared sites).")
    title: NonEmpty = Field(description="The page's title; it ranks higher than the text in search.")
    date: Day = Field(description="The simulated date it was published.")
    author: str = Field("", description="Who wrote it, as the page says.")
    text: NonEmpty = Field(description="The page's text. Paragraphs are separated by a blank line.")
    picture: Optional[Picture] = Field(None, description="An optional picture.")
    links: list[PageLink] = Field(default_factory=list, description="Links shown on the page.")
    concerns: list[Id] = Field(default_factory=list, description="Ids of the scenario's posts this page is about.")
    role: Role = Field(description="What the page does for the posts it concerns. " + "; ".join(f"'{key}': {value}" for key, value in ROLE_MEANINGS.items()))


class Appearance(_Model):
    """One earlier appearance of a picture: one line of the reverse image search result."""

    site: Id = Field(description="The id of the site where the picture appeared.")
    date: Day = Field(description="When it appeared there.")
    caption: NonEmpty = Field(description="The caption it had there.")
    page: Optional[Id] = Field(None, description="Optional: the page where it appeared.")


class PictureHistory(_Model):
    """Where a post's picture appeared before: the reverse image search result."""

    file: NonEmpty = Field(description="The picture file exactly as the scenario's post names it under `image: file:`.")
    appearances: list[Appearance] = Field(min_length=1, description="Its earlier appearances (any order; shown oldest first).")


class Queries(_Model):
    """Model queries for one misleading post, for the tests and the autoplay bots."""

    post: Id = Field(description="The post's id.")
    good: NonEmpty = Field(description="A query a careful checker would type: it must find a page that settles the post in the top 5.")
    headline: NonEmpty = Field(description="What a novice pastes: the post's headline or first words. It must find a data_void page.")


class WebFile(_Model):
    """A web file: sites, pages, picture histories and model queries, all in one language."""

    kind: Literal["web"] = Field(description="Always 'web': tells the library this is not a scenario.")
    id: Id = Field(description="The file's own id, e.g. 'health-web' (and 'health-web-km' for its translation).")
    language: Language = Field(description="The language of every page of this file: 'en' (English) or 'km' (Khmer).")
    translation_of: Optional[Id] = Field(None, description="The id of the web file this file translates. Site, page and post ids must match it.")
    translation_status: TranslationStatus = Field(TranslationStatus.original, description="Review status of this file's language.")
    scenario: Optional[Id] = Field(None, description="The id of the scenario (in the same folder and language) whose posts `concerns`, `pictures` and `queries` name. None for the shared sites.")
    sites: list[Site] = Field(default_factory=list, description="Sites this file adds.")
    pages: list[Page] = Field(default_factory=list, description="Pages this file adds.")
    pictures: list[PictureHistory] = Field(default_factory=list, description="Earlier appearances of the scenario's pictures.")
    queries: list[Queries] = Field(default_factory=list, description="Model queries for each misleading post.")


class LoadedWeb(BaseModel):
    """A web file as the loader hands it on: the parsed file plus where it came from."""

    model_config = ConfigDict(frozen=True)

    web: WebFile
    path: str = Field(description="The file it was loaded from, as given.")
    sha256: str = Field(description="SHA-256 of the file's bytes.")

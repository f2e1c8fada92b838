"""How the autopilot checks a post in the offline browser, as a player would: chips, Enter, a result, the account.

A bot's `UseTool` becomes browsing on the `search` and `page` screens: `search` taps the post's
keyword chips, presses Enter and opens the top result; `fact_check` does the same and opens a
fact-checker's result (searching for a fact-checker by name when the post's words find none);
`source` opens the account's profile; `reverse_image` searches the picture. Then Esc closes the
browser and the bot decides. Every step posts real clicks, text and key presses.
"""

from __future__ import annotations

from typing import Any, Optional

import pygame

from game.ui.input import click_events

FACT_CHECKER = "fact_checker"


class BrowsingPilot:
    """The browsing half of the autopilot: one plan per `UseTool`, carried out a step per frame."""

    def __init__(self, autopilot: Any) -> None:
        self.autopilot = autopilot
        self.tried: set[tuple[str, str]] = set()
        self.tool = ""
        self.stage = 0

    def start(self, command: Any) -> bool:
        """A new check of a post with a tool; False when this very check was tried before (the web lacks it)."""
        tool = command.tool.value if hasattr(command.tool, "value") else str(command.tool)
        if (command.post, tool) in self.tried:
            return False
        self.tried.add((command.post, tool))
        self.tool, self.stage = tool, 0
        return True

    def step(self, scene: Any) -> None:
        pilot = self.autopilot
        pilot.wait_frames = 1
        self.stage += 1
        if self.stage == 1 and self.tool in ("source", "reverse_image"):
            self._click(scene, "profile" if self.tool == "source" else "picture")
        elif self.stage == 1:
            self._click(scene, "chip-0") or pilot.post([pygame.event.Event(pygame.TEXTINPUT, text=scene.browser.post.text[:40])])
        elif self.stage == 2 and self.tool in ("search", "fact_check"):
            pilot.press(pygame.K_RETURN)
        elif self.stage == 3 and self.tool in ("search", "fact_check"):
            self._open_result(scene)
        elif self.stage == 4 and self.tool == "fact_check" and scene.browser.place.kind == "results":
            pilot.press(pygame.K_RETURN)  # the second search, for a fact-checker by name
        elif self.stage == 5 and self.tool == "fact_check" and scene.browser.place.kind == "results":
            self._open_result(scene)
        else:
            pilot.pending = None
            pilot.press(pygame.K_ESCAPE)

    def _open_result(self, scene: Any) -> None:
        browser = scene.browser
        found = browser.results.results if browser.results is not None else ()
        if self.tool == "fact_check":
            checked = next((r for r in found if self._is_fact_checker(browser, r.site)), None)
            if checked is None:
                self._ask_for_fact_checker(scene)
                return
            found = (checked,)
        if found and found[0].rank <= 8:
            self.autopilot.press(getattr(pygame, f"K_{found[0].rank}"))  # digits open a result, scrolled into view or not
        else:
            self.stage = 5  # nothing found: close on the next step

    def _ask_for_fact_checker(self, scene: Any) -> None:
        """No fact-checker in the results: type a fact-checker's name into the query box instead."""
        browser = scene.browser
        names = sorted(site.name for site in browser.pages.sites.values() if site.kind.value == FACT_CHECKER)
        if not names or self.stage > 3:
            self.stage = 5
            return
        self._click(scene, "query")
        erase = [pygame.event.Event(pygame.KEYDOWN, key=pygame.K_BACKSPACE, mod=0, unicode="", scancode=0)] * len(browser.query)
        self.autopilot.post(erase + [pygame.event.Event(pygame.TEXTINPUT, text=names[0])])

    @staticmethod
    def _is_fact_checker(browser: Any, site_id: str) -> bool:
        site = browser.pages.site(site_id)
        return site is not None and site.kind.value == FACT_CHECKER

    def _click(self, scene: Any, key: Optional[str]) -> bool:
        button = scene.button(key) if key else None
        if button is None or not button.enabled:
            return False
        self.autopilot.post(click_events(button.rect.center))
        return True


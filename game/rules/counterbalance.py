"""Counterbalancing the pre/post quick check: which form (A or B) a trainee takes first.

`form_order(seed=None, player_id=None, session=None) -> (first, second)` is deterministic:
- with a `seed` (autoplay's `--seed`): odd seeds start with form A, even seeds with form B;
- else from the trainee's id and the session code:
  - an id ending in a number ("T07", "PC-12", "3") alternates by that number's parity, flipped for the
    whole session by a hash of the session code: numbered trainees split exactly in half (±1);
  - any other id takes one bit of SHA-256("feedwise-check|session|id"): balanced on average, and the
    same trainee in the same session always gets the same order (typing the name again, another PC).
`form_for(moment, order)` is the form of the "pre" or "post" check.

Why not alternate by arrival order? The PCs of a lab share no state but the results folder, and a
counter kept there would race when 20 trainees start at once. A hash needs no shared state. See
docs/checks.md for the consequences and how the report shows the split. No pygame, no clock, no I/O.
"""

from __future__ import annotations

import hashlib
import re
from typing import Optional, Union

from game.rules.check_score import CHECK_MOMENTS
from game.scenario.quiz import Form

FormOrder = tuple[Form, Form]
_TRAILING_NUMBER = re.compile(r"(\d+)\s*$")


def _bit(text: str) -> int:
    return hashlib.sha256(text.encode("utf-8")).digest()[0] & 1


def _order(a_first: bool) -> FormOrder:
    return (Form.A, Form.B) if a_first else (Form.B, Form.A)


def form_order(seed: Union[int, str, None] = None, player_id: Optional[str] = None, session: Optional[str] = None) -> FormOrder:
    """The (first, second) forms for a trainee. A seed wins over the player id; one of them is needed."""
    if seed is not None and not isinstance(seed, bool):
        if isinstance(seed, int) or (isinstance(seed, str) and re.fullmatch(r"-?\d+", seed.strip())):
            return _order(int(seed) % 2 == 1)
        return _order(_bit(f"feedwise-check-seed|{seed}") == 1)
    if player_id is None or not str(player_id).strip():
        raise ValueError("form_order needs a seed or a player id.")
    player = " ".join(str(player_id).split()).casefold()
    session_key = " ".join(str(session or "").split()).casefold()
    number = _TRAILING_NUMBER.search(player)
    if number:
        flip = _bit(f"feedwise-check-session|{session_key}")
        return _order((int(number.group(1)) + flip) % 2 == 1)
    return _order(_bit(f"feedwise-check|{session_key}|{player}") == 1)


def form_for(moment: str, order: FormOrder) -> Form:
    """The form of the "pre" (first) or "post" (second) check."""
    if moment not in CHECK_MOMENTS:
        raise ValueError(f"A check is 'pre' or 'post', not {moment!r}.")
    return order[0] if moment == "pre" else order[1]

"""The pre/post section of the facilitator's report: wording and HTML for the quick check (issue 9).

The numbers come from `checks.summarize_checks` (each trainee's earliest pre and latest post; the
class's mean change in d′ and criterion c with paired 95% t intervals). This module adds:
- `prepost_summary(records)`: the same summary (the entry point for callers outside the report);
- `prepost_reading(summary)`: one plain sentence: is the change mostly better discernment (d′) or
  mostly more scepticism (criterion c falling: more items called fake)?
- `form_split(summary)`: how many trainees took form A first and how many form B first;
- `prepost_html(summary)`: the report section (nothing when there is no check data).

How the sentence decides: a change counts when its 95% interval leaves out 0. "Mostly" compares the
two on one scale: a d′ change moves each z-rate by half of it, a criterion change by all of it, so
|Δd′| / 2 is weighed against |Δc|. Pure: builds text, no file I/O, no pygame.
"""

from __future__ import annotations

from collections.abc import Sequence

from game.report.checks import ItemStat, MeanChange, PrePostSummary, SinglePhase, summarize_checks
from game.report.parts import card as _card, escape, number as _number, text_span


MOST_MISSED_ITEMS = 10


def prepost_summary(records: Sequence[dict]) -> PrePostSummary | None:
    """Pre → post per trainee and the class's mean changes, or None when no trainee has both checks."""
    return summarize_checks(records)


def _signed(value: float) -> str:
    return f"{value:+.2f}".replace("-", "−")


def describe_change(change: MeanChange) -> str:
    """'+0.45 (95% CI +0.12 to +0.78)', or just the mean when there is no interval."""
    if change.low is None or change.high is None:
        return _signed(change.mean)
    return f"{_signed(change.mean)} (95% CI {_signed(change.low)} to {_signed(change.high)})"


def _in_words(name: str, change: MeanChange) -> str:
    """'d′ +0.75, 95% CI −0.28 to +1.78' (for use inside brackets in a sentence)."""
    if change.low is None or change.high is None:
        return f"{name} {_signed(change.mean)}"
    return f"{name} {_signed(change.mean)}, 95% CI {_signed(change.low)} to {_signed(change.high)}"


def _direction(change: MeanChange) -> int:
    """+1 / −1 when the 95% interval lies wholly above / below 0, else 0 (no clear change)."""
    if change.low is None or change.high is None:
        return 0
    if change.low > 0:
        return 1
    if change.high < 0:
        return -1
    return 0


def prepost_reading(summary: PrePostSummary) -> str:
    """One plain sentence on what changed between the pre and the post check."""
    count = len(summary.pairs)
    d_prime, criterion = summary.d_prime_change, summary.criterion_change
    d_text = _in_words("d′", d_prime)
    c_text = _in_words("criterion c", criterion)
    if count < 2:
        return f"Only {count} trainee took both checks: too few to say whether the class changed ({d_text}; {c_text})."
    discernment, bias = _direction(d_prime), _direction(criterion)
    better, worse = discernment > 0, discernment < 0
    sceptical, trusting = bias < 0, bias > 0
    if better and sceptical:
        mostly = "better discernment" if abs(d_prime.mean) / 2 >= abs(criterion.mean) else "more scepticism"
        return (f"The class got better at telling true from false ({d_text}) and also more suspicious, calling more items fake "
                f"({c_text}); the change is mostly {mostly}.")
    if better:
        tail = "and became more trusting" if trusting else "without becoming more suspicious"
        return f"The change is mostly better discernment: the class got better at telling true from false ({d_text}) {tail} ({c_text})."
    if sceptical:
        if worse:
            return (f"The change is mostly more scepticism, and discernment fell: the class called more items fake ({c_text}) "
                    f"and got worse at telling true from false ({d_text}). Discuss what makes a post trustworthy.")
        return (f"The change is mostly more scepticism, not better discernment: the class called more items fake ({c_text}) "
                f"but did not clearly get better at telling true from false ({d_text}). Discuss what makes a post trustworthy.")
    if worse:
        rest = "and also called fewer items fake" if trusting else "while its readiness to call items fake did not clearly change"
        return f"The class got worse at telling true from false ({d_text}), {rest} ({c_text})."
    if trusting:
        return (f"The class became more trusting, calling fewer items fake ({c_text}), without a clear change in telling true from false ({d_text}).")
    return (f"No clear change with {count} trainees: neither discernment ({d_text}) nor scepticism ({c_text}) "
            "moved more than chance would explain.")


def form_split(summary: PrePostSummary) -> dict[str, int]:
    """Trainees by the form of their pre check: {"A": …, "B": …} (other or missing forms under "other")."""
    split = {"A": 0, "B": 0}
    for pair in summary.pairs:
        key = pair.pre_form if pair.pre_form in ("A", "B") else "other"
        split[key] = split.get(key, 0) + 1
    return split


def _score(correct: int | None, items: int | None) -> str:
    if correct is None:
        return "—"
    return f"{correct}/{items}" if items else str(correct)


def singles_html(singles: Sequence[SinglePhase]) -> str:
    """The trainees who took only one check, so nobody disappears from the pre/post table without a word."""
    if not singles:
        return ""
    rows = "".join(
        f"<tr>{text_span(row.name or '—', 'td')}{text_span(row.player_id, 'td', 'id')}"
        f"<td>only the {row.phase} check (form {escape(row.form or '?')})</td><td class=\"num\">{_number(row.d_prime)}</td></tr>"
        for row in singles
    )
    return (f"<h3>Only one check ({len(singles)})</h3><p class=\"note\">Not in the table above or in the mean changes: "
            "a change needs both checks.</p><table id=\"single-phase-table\"><thead><tr><th>Name</th><th>ID</th><th>Took</th>"
            f'<th class="num">d′</th></tr></thead><tbody>{rows}</tbody></table>')  # fmt: skip


def items_html(items: Sequence[ItemStat], count: int = MOST_MISSED_ITEMS) -> str:
    """The check items the class got wrong most (by share of wrong answers)."""
    wrong = [item for item in items if item.wrong][:count]
    if not wrong:
        return ""
    rows = "".join(
        f"<tr><td>{escape(item.form or '?')}</td>{text_span(item.item, 'td', 'id')}<td>{escape(item.verdict)}</td>"
        f'<td class="num">{item.wrong} of {item.answers} ({100 * item.wrong_rate:.0f}%)</td><td class="num">{item.not_sure}</td></tr>'
        for item in wrong
    )
    return ('<h3 id="check-items">Check items got wrong most</h3><table id="check-items-table"><thead><tr><th>Form</th><th>Item</th>'
            '<th>Really</th><th class="num">Wrong</th><th class="num">Not sure</th></tr></thead>'
            f"<tbody>{rows}</tbody></table><p class=\"note\">“Not sure” counts as wrong, as in MIST. Every answer is in check_items.csv.</p>")  # fmt: skip


def prepost_html(summary: PrePostSummary | None, *, singles: Sequence[SinglePhase] = (), items: Sequence[ItemStat] = ()) -> str:
    """The report's pre/post section; an empty string when there is no check data."""
    if summary is None:
        if not singles and not items:
            return ""
        return f'<section id="prepost"><h2>Pre/post check</h2><p>No trainee took both checks yet.</p>{singles_html(singles)}{items_html(items)}</section>'
    rows = "".join(
        f"<tr>{text_span(pair.name or '—', 'td')}{text_span(pair.player_id, 'td', 'id')}"
        f"<td>{escape(pair.pre_form or '?')} → {escape(pair.post_form or '?')}</td>"
        f'<td class="num">{_score(pair.pre_correct, pair.pre_items)} → {_score(pair.post_correct, pair.post_items)}</td>'
        f'<td class="num">{_number(pair.pre_d_prime)} → {_number(pair.post_d_prime)}</td>'
        f'<td class="num">{_number(pair.pre_criterion)} → {_number(pair.post_criterion)}</td></tr>'
        for pair in summary.pairs
    )
    split = form_split(summary)
    split_text = f"{split['A']} started with form A and {split['B']} with form B" + (f" ({split['other']} with another form)" if split.get("other") else "")
    return (
        '<section id="prepost"><h2>Pre/post check</h2>'
        f'<p id="prepost-reading"><strong>{escape(prepost_reading(summary))}</strong></p>'
        f'<div class="cards">{_card(str(len(summary.pairs)), "trainees with both checks")}'
        f'{_card(describe_change(summary.d_prime_change), "mean change in d′ (discernment)", "above 0: better at telling real from fake")}'
        f'{_card(describe_change(summary.criterion_change), "mean change in criterion c (bias)", "below 0: calls more items fake; above 0: trusts more")}</div>'
        f'<p class="note">Paired changes (post − pre) over the trainees who took both checks; 95% confidence intervals from Student\'s t. '
        f"A change is clear when its interval leaves out 0. {escape(split_text)} (forms are counterbalanced). "
        "d′ and c use the log-linear correction (Hautus 1995); a “fake” answer counts as calling an item misinformation, "
        "“not sure” as not. See docs/checks.md.</p>"
        '<table id="prepost-table"><thead><tr><th>Name</th><th>ID</th><th>Forms</th><th class="num">Right pre → post</th>'
        '<th class="num">d′ pre → post</th><th class="num">c pre → post</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>{singles_html(singles)}{items_html(items)}</section>"
    )

"""The report's sections about people: who needs attention, rounds left out, and the sortable Trainees table.

- `attention_section(report)`: comes first on the page; each trainee with a reason (many harmful
  shares, d′ at or below 0, a drop from pre to post check, a round ended early), most reasons first;
- `uncounted_section(report, zone)`: rounds ended early or saved unfinished, with the posts the
  trainee really decided; these are left out of every figure;
- `trainees_section(report, names)`: one row per trainee, needs-attention first, problems
  highlighted, each column sortable (a small inline script; without it the order stays as printed);
  scores read "points of the maximum", and a negative score is explained.

Pure: builds HTML text from a `ClassReport`.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timezone, tzinfo

from game.report.aggregate import MANY_HARMFUL_SHARES, ClassReport, TraineeStat
from game.report.parts import escape, khmer_markup, lang_attribute, number, percent, text_span

SORT_SCRIPT = """
document.querySelectorAll("table.sortable").forEach(function (table) {
  table.querySelectorAll("th[data-type]").forEach(function (th, column) {
    th.tabIndex = 0;
    function sort() {
      var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
      var up = th.getAttribute("aria-sort") !== "ascending", numeric = th.dataset.type === "num";
      rows.sort(function (a, b) {
        var x = a.cells[column].dataset.value, y = b.cells[column].dataset.value;
        if (numeric) { x = x === "" ? -Infinity : +x; y = y === "" ? -Infinity : +y; return up ? x - y : y - x; }
        return up ? x.localeCompare(y) : y.localeCompare(x);
      });
      table.querySelectorAll("th").forEach(function (other) { other.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", up ? "ascending" : "descending");
      rows.forEach(function (row) { body.appendChild(row); });
    }
    th.addEventListener("click", sort);
    th.addEventListener("keydown", function (event) { if (event.key === "Enter" || event.key === " ") { event.preventDefault(); sort(); } });
  });
});
"""


def when(iso: str, zone: tzinfo | None) -> str:
    """A record's ISO time as `YYYY-MM-DD HH:MM` in the given time zone (UTC when none)."""
    try:
        moment = datetime.fromisoformat(iso[:-1] + "+00:00" if iso.endswith("Z") else iso)
    except ValueError:
        return iso[:16]
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(zone or timezone.utc).strftime("%Y-%m-%d %H:%M")


def score_text(points: float, maximum: float) -> str:
    """'62 of 144 points' (a minus sign when below 0)."""
    return f"{points:.0f} of {maximum:.0f} points".replace("-", "−")


def attention_section(report: ClassReport) -> str:
    if not report.attention:
        body = "<p>No trainee shows a sign of needing help: nobody shared many misleading posts, scored d′ at or below 0, " \
               "dropped from the pre to the post check, or ended a round early.</p>"  # fmt: skip
    else:
        items = "".join(
            f"<li>{text_span(trainee.name or trainee.player_id, 'strong')} "
            f"<span class=\"note\">({escape(trainee.player_id)})</span>: {text_span('; '.join(trainee.attention))}</li>"
            for trainee in report.attention
        )
        body = (f'<ul class="attention-list">{items}</ul>'
                f'<p class="note">Signs: {MANY_HARMFUL_SHARES} or more misleading posts shared, mean d′ at or below 0, '
                "a lower d′ in the post check than in the pre check, a round ended early or left unfinished.</p>")  # fmt: skip
    count = len(report.attention)
    return f'<section id="attention"><h2>Needs attention ({count})</h2>{body}</section>'


def uncounted_section(report: ClassReport, zone: tzinfo | None) -> str:
    if not report.uncounted:
        return ""
    rows = "".join(
        f"<tr>{text_span(row.name or '—', 'td')}{text_span(row.player_id, 'td', 'id')}<td>{escape(row.scenario_id)}</td>"
        f"<td>{escape(row.language)}</td><td>{'ended early' if row.status == 'ended-early' else 'not finished'}</td>"
        f'<td class="num">{row.decided} of {row.posts}</td><td class="nowrap">{escape(when(row.started_at, zone))}</td></tr>'
        for row in report.uncounted
    )
    return (
        '<section id="uncounted"><h2>Rounds left out</h2>'
        f"<p>{len(report.uncounted)} round{'s were' if len(report.uncounted) != 1 else ' was'} ended early or not finished. "
        "They are left out of every figure above and below (posts filled in for the trainee are not answers). "
        "Rounds that ran out of time are counted: the time limit is part of the game.</p>"
        '<table id="uncounted-table"><thead><tr><th>Name</th><th>ID</th><th>Scenario</th><th>Language</th><th>Status</th>'
        f'<th class="num">Posts decided</th><th>Started</th></tr></thead><tbody>{rows}</tbody></table></section>'
    )


def _cell(text: str, value: object, css: str = "num", problem: bool = False) -> str:
    classes = css + (" problem" if problem else "")
    return f'<td class="{classes}" data-value="{escape("" if value is None else value)}">{text}</td>'


def _trainee_row(trainee: TraineeStat, names: Mapping[str, str]) -> str:
    accuracy = None if trainee.accuracy is None else 100 * trainee.accuracy
    missed = ", ".join(names.get(t, t) for t in trainee.missed_techniques[:3])
    change = trainee.d_prime_change
    score = "—" if not trainee.max_points else score_text(trainee.points, trainee.max_points)
    attention = "; ".join(trainee.attention)
    return (
        f'<tr class="{"flagged" if attention else ""}">'
        f'<td data-value="{escape((trainee.name or "").casefold())}"{lang_attribute(trainee.name)}>{khmer_markup(trainee.name or "—")}</td>'
        f'<td class="id" data-value="{escape(trainee.player_id)}">{escape(trainee.player_id)}</td>'
        + _cell(str(trainee.rounds) + (f' <span class="note">+{trainee.uncounted_rounds} left out</span>' if trainee.uncounted_rounds else ""),
                trainee.rounds, problem=bool(trainee.uncounted_rounds))
        + _cell(escape(score), trainee.score_percent, problem=trainee.points < 0)
        + _cell(percent(accuracy), accuracy)
        + _cell(number(trainee.mean_d_prime), trainee.mean_d_prime, problem=trainee.mean_d_prime is not None and trainee.mean_d_prime <= 0)
        + _cell(number(trainee.mean_criterion), trainee.mean_criterion)
        + _cell(str(trainee.harmful_shares), trainee.harmful_shares, problem=trainee.harmful_shares >= MANY_HARMFUL_SHARES)
        + _cell("—" if trainee.pre_d_prime is None and trainee.post_d_prime is None
                else f"{number(trainee.pre_d_prime)} → {number(trainee.post_d_prime)}", trainee.post_d_prime)
        + _cell("—" if change is None else f"{change:+.2f}".replace("-", "−"), change,
                problem=change is not None and change < 0)
        + f'<td data-value="{escape(attention)}">{text_span(attention or "—", "span")}</td>'
        + f'<td data-value="{escape(missed)}">{text_span(missed or "—", "span")}</td></tr>'
    )


def trainees_section(report: ClassReport, names: Mapping[str, str]) -> str:
    ordered = list(report.attention) + [trainee for trainee in report.trainees if not trainee.attention]
    rows = "".join(_trainee_row(trainee, names) for trainee in ordered)
    headers = (("Name", "text"), ("ID", "text"), ("Rounds", "num"), ("Score", "num"), ("Correct", "num"), ("d′", "num"),
               ("c", "num"), ("Shared misleading", "num"), ("Check d′ pre → post", "num"), ("Change", "num"),
               ("Needs attention", "text"), ("Missed most", "text"))  # fmt: skip
    num = ' class="num"'
    head = "".join(f'<th data-type="{kind}"{num if kind == "num" else ""}>{escape(label)}</th>' for label, kind in headers)
    return (
        '<section id="trainees"><h2>Trainees</h2><div class="wide"><table id="trainees-table" class="sortable">'
        "<caption>One row per trainee (their counted rounds together), those needing attention first; "
        "click a column heading to sort. Highlighted cells are the problems.</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>"
        '<p class="note">Score: the points earned out of the most that could be earned. Sharing a misleading post loses '
        "points, so a score can fall below 0: that trainee lost more points than they earned (for example by sharing "
        "scams), which is worse than skipping every post. d′ and c are means over the trainee's rounds; the check d′ is "
        "the quick check's, earliest pre and latest post.</p></section>"
    )

"""The facilitator's report as one self-contained HTML page.

`render_html(report, ...)` turns a `ClassReport` (see `aggregate.py`) into a page with inline CSS
and inline SVG charts: no external requests, no fonts or scripts from the network, no JavaScript.
It reads well on screen and prints on A4 (print CSS). Every piece of text is escaped; text in
Khmer script is marked `lang="km"` so the Khmer font stack applies.

Sections: overview, top discussion points, miss rate per technique (chart), per-post table,
per-trainee table, the pre/post check (only when check data exists), and the files not read.

Pure: builds a string; never reads or writes files.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import tzinfo

from game.report.aggregate import ACTION_WORDS, ClassReport, PostKey, PostStat, TechniqueStat, TraineeStat
from game.report.parts import card as _card, escape, khmer_markup, lang_attribute, number as _number, percent as _percent, text_span
from game.report.people import SORT_SCRIPT, attention_section, trainees_section, uncounted_section, when
from game.report.prepost import prepost_html
from game.report.reading import SkippedFile

KHMER_FONTS = '"Noto Sans Khmer", "Khmer OS", "Khmer OS System", "Khmer UI", "Leelawadee UI", sans-serif'
MAX_SKIPPED_ROWS = 300
POSTS_COLUMN_PERCENTS = (27, 12, 21, 8, 12, 11, 9)  # post, verdict, techniques, answers, correct, mistake, seconds

SKIPPED_KIND_WORDS = {
    "empty": "empty",
    "binary": "binary",
    "truncated": "truncated",
    "corrupted": "corrupted",
    "foreign": "not a result",
    "version": "newer format",
    "damaged": "damaged",
    "duplicate": "duplicate",
    "unreadable": "unreadable",
    "too-large": "too large",
}

STYLE = """
:root { --ink: #1d2433; --muted: #5b6474; --line: #d9dee7; --paper: #ffffff; --tint: #f3f6fa;
  --accent: #1f5fa8; --good: #2e7d4f; --warn: #b7791f; --bad: #c0392b; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; background: var(--tint); color: var(--ink); line-height: 1.5; font-size: 15px;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, KHMERFONTS; }
:lang(km) { font-family: KHMERFONTS; line-height: 1.9; }
main { max-width: 1100px; margin: 0 auto; padding: 24px 28px 48px; background: var(--paper); }
header h1 { margin: 0 0 4px; font-size: 28px; color: var(--accent); }
header p { margin: 2px 0; color: var(--muted); }
nav { margin: 16px 0 8px; padding: 8px 0; border-top: 1px solid var(--line); border-bottom: 1px solid var(--line); }
nav a { margin-right: 18px; color: var(--accent); text-decoration: none; white-space: nowrap; }
h2 { margin: 32px 0 12px; font-size: 21px; border-bottom: 2px solid var(--accent); padding-bottom: 4px; }
h3 { margin: 0 0 6px; font-size: 17px; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 10px; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; background: var(--tint); }
.card .value { display: block; font-size: 26px; font-weight: 700; }
.card .label { color: var(--muted); font-size: 13px; }
.reading { margin: 16px 0; padding: 12px 16px 12px 34px; border-left: 5px solid var(--accent); background: #eaf1fb; border-radius: 0 8px 8px 0; }
.reading li { margin: 4px 0; }
.note { color: var(--muted); font-size: 13px; }
.points { list-style: none; padding: 0; margin: 0; counter-reset: point; }
.point { border: 1px solid var(--line); border-left: 6px solid var(--bad); border-radius: 8px; padding: 12px 16px; margin: 0 0 12px; }
.point .tip { margin: 6px 0; }
.point blockquote { margin: 8px 0 0; padding: 8px 12px; background: var(--tint); border-radius: 6px; }
table { width: 100%; border-collapse: collapse; font-size: 14px; }
caption { text-align: left; color: var(--muted); padding: 4px 0; caption-side: top; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--tint); font-weight: 600; }
td.id, .nowrap { white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
tr.group td { background: #e6edf7; font-weight: 600; }
.track { display: inline-block; width: 50px; height: 8px; border-radius: 4px; background: #e3e7ee; vertical-align: middle; margin-left: 6px; overflow: hidden; }
.bar { display: block; height: 8px; background: var(--good); }
.bar.mid { background: var(--warn); } .bar.low { background: var(--bad); }
#posts-table { table-layout: fixed; }
#posts-table td { overflow-wrap: anywhere; }
.tag { white-space: nowrap; }
.tag { display: inline-block; padding: 0 7px; border-radius: 10px; font-size: 12px; border: 1px solid var(--line); background: var(--tint); margin: 1px 2px 1px 0; }
.tag.reliable { background: #e3f4ea; border-color: #b5dcc4; } .tag.misinformation, .tag.scam { background: #fbe5e2; border-color: #efbcb5; }
svg text { font-size: 13px; fill: var(--ink); }
svg .value { fill: var(--muted); font-size: 12px; }
.chart { max-width: 1000px; overflow: visible; }
.problem { background: #fbe5e2; color: #8e2418; font-weight: 600; }
tr.flagged td:first-child { border-left: 4px solid var(--bad); }
table.sortable th[data-type] { cursor: pointer; }
table.sortable th[aria-sort="ascending"]::after { content: " ▲"; }
table.sortable th[aria-sort="descending"]::after { content: " ▼"; }
#attention { border: 2px solid var(--bad); border-radius: 8px; padding: 4px 16px 8px; margin-top: 16px; }
#attention h2 { border-bottom-color: var(--bad); margin-top: 12px; }
.attention-list li { margin: 4px 0; }
.wide { overflow-x: auto; }
#trainees-table { font-size: 13px; }
#trainees-table th, #trainees-table td { padding: 5px 6px; }
footer { margin-top: 36px; padding-top: 10px; border-top: 1px solid var(--line); color: var(--muted); font-size: 13px; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { background: #fff; font-size: 10pt; }
  main { max-width: none; padding: 0; }
  nav { display: none; }
  h2, h3, caption { break-after: avoid; page-break-after: avoid; margin-top: 18px; }
  /* A heading is never left alone at the bottom of a page: it reserves room for what follows it. */
  h2::after, h3::after { content: ""; display: block; height: 35mm; margin-bottom: -35mm; }
  h2 + *, h3 + * { break-before: avoid; page-break-before: avoid; }
  .card, .point, tr, svg, li { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  table { font-size: 9pt; }
  /* Nothing is cut off on paper: cells wrap instead of being clipped, labels keep their full width. */
  #posts-table { table-layout: auto; }
  td, th, td.num, td.id, .nowrap, .tag { white-space: normal; overflow: visible; overflow-wrap: anywhere; }
  .track { display: none; }
  .cards { grid-template-columns: repeat(4, 1fr); }
  .card .value { font-size: 18px; }
  svg.chart { max-width: 100%; height: auto; }
  table.sortable th[aria-sort]::after { content: ""; }
  .wide { overflow: visible; }
  #trainees-table { font-size: 7.5pt; }
  #trainees-table th, #trainees-table td { padding: 3px 3px; }
  a { color: inherit; text-decoration: none; }
}
""".replace("KHMERFONTS", KHMER_FONTS)


def _bar_class(percent: float) -> str:
    return "bar" if percent >= 70 else ("bar mid" if percent >= 40 else "bar low")


def _technique_label(stat_or_name: TechniqueStat | str) -> str:
    name = stat_or_name.text.name if isinstance(stat_or_name, TechniqueStat) else stat_or_name
    return text_span(name)


def _tags(technique_ids: Sequence[str], names: Mapping[str, str]) -> str:
    return "".join(text_span(names.get(t, t), "span", "tag") for t in technique_ids)


def _verdict_tag(verdict: str | None) -> str:
    if verdict is None:
        return "—"
    return f'<span class="tag {escape(verdict)}">{escape(verdict)}</span>'


def _header(report: ClassReport, files_seen: int, zone: tzinfo | None, zone_name: str) -> str:
    overview = report.overview
    title = "Feedwise class report" + (f" · session {report.session}" if report.session else "")
    lines = [f"<h1>{text_span(title)}</h1>"]
    if overview.sessions and not report.session:
        lines.append(f"<p>Sessions: {text_span(', '.join(overview.sessions))}</p>")
    if overview.scenarios:
        titles = "; ".join(f"{text_span(title)} <span class=\"note\">({escape(languages)})</span>" for _, title, languages in overview.scenarios)
        lines.append(f"<p>Scenarios (rounds per language): {titles}</p>")
    if overview.first_started:
        lines.append(
            f"<p>Rounds played from {escape(when(overview.first_started, zone))} to {escape(when(overview.last_finished or '', zone))} "
            f"(times in {escape(zone_name or 'UTC')}) · {files_seen} file{'s' if files_seen != 1 else ''} looked at</p>"
        )
    return "<header>" + "".join(lines) + "</header>"


def _nav(report: ClassReport, skipped: Sequence[SkippedFile]) -> str:
    links = [("attention", "Needs attention"), ("overview", "Overview")]
    if report.uncounted:
        links.append(("uncounted", "Rounds left out"))
    links += [("discussion", "Top discussion points"), ("techniques", "Miss rate per technique"), ("posts", "Posts"),
              ("trainees", "Trainees")]  # fmt: skip
    if report.checks is not None or report.single_phase or report.check_items:
        links.append(("prepost", "Pre/post check"))
    if skipped:
        links.append(("skipped", "Files not read"))
    return "<nav>" + "".join(f'<a href="#{anchor}">{escape(label)}</a>' for anchor, label in links) + "</nav>"


def _score_card(overview) -> str:
    if overview.mean_points is None or not overview.mean_max_points:
        return _card("—", "mean points per round")
    value = f"{overview.mean_points:.0f} of {overview.mean_max_points:.0f}".replace("-", "−")
    label = "mean points per round, of the most possible" + (": below 0, more points were lost than earned" if overview.mean_points < 0 else "")
    return _card(value, label, f"{_percent(overview.mean_score_percent)} of the maximum on average")


def _overview_section(report: ClassReport) -> str:
    overview = report.overview
    accuracy = None if overview.accuracy is None else 100 * overview.accuracy
    cards = [
        _card(str(overview.trainees), "trainees"),
        _card(str(overview.rounds), "rounds counted" + (f" ({overview.unfinished_rounds} more left out: ended early or unfinished)" if overview.unfinished_rounds else "")),
        _score_card(overview),
        _card(_percent(accuracy), "decisions correct"),
        _card(_number(overview.mean_d_prime), "mean d′ (discernment)", "0 = no discernment; above 1 is good"),
        _card(_number(overview.mean_criterion), "mean criterion c (bias)", "below 0: flags too readily; above 0: trusts too readily"),
        _card(str(overview.harmful_shares), "misleading posts shared"),
    ]
    cards += _lateral_cards(report.lateral)
    if len(report.language_rounds) > 1:
        cards.append(_card(", ".join(f"{language} {count}" for language, count in report.language_rounds.items()), "rounds per language"))
    readings = "".join(f"<li>{text_span(sentence, 'span')}</li>" for sentence in overview.readings)
    return (
        '<section id="overview"><h2>Overview</h2>'
        f'<div class="cards">{"".join(cards)}</div>'
        f'<ul class="reading">{readings}</ul>'
        '<p class="note">d′ measures discernment: telling reliable posts from misleading ones (0 means none; above 1 is good). '
        "The criterion c measures bias: below 0 the trainee flags too readily, above 0 lets too much through. "
        "A flag counts as “this is misinformation”; a share or a skip as “not misinformation”.</p></section>"
    )


def _lateral_cards(lateral) -> list[str]:
    """Lateral reading: misleading posts checked on other sources, pages per check, headlines pasted."""
    if lateral is None or not lateral.checks:
        return [_card("—", "posts checked in the offline web", "nobody searched or opened a page")] if lateral is not None and lateral.misleading else []
    rate = None if lateral.lateral_rate is None else 100 * lateral.lateral_rate
    pasted = None if lateral.pasted_rate is None else 100 * lateral.pasted_rate
    return [
        _card(_percent(rate), "misleading posts checked on other sources before deciding (lateral reading)", f"{lateral.misleading_lateral} of {lateral.misleading}"),
        _card(_number(lateral.median_pages), "median pages opened per check", f"{lateral.checks} posts checked"),
        _card(_percent(pasted), "queries that pasted the post's own words", f"{lateral.headline_pasted} of {lateral.queries} queries"),
    ]


def _example_post(post: PostStat, post_texts: Mapping[PostKey, str]) -> str:
    missed = post.answers - post.actions.get("flag", 0)
    wrong = ", ".join(
        f"{ACTION_WORDS[action]} {count}" for action, count in sorted(post.actions.items()) if action != "flag" and count
    )
    details = f"missed by {missed} of {post.answers}" + (f" ({wrong})" if wrong else "")
    text = post_texts.get(post.key)
    quote = f"<blockquote>{text_span(text, 'span')}</blockquote>" if text else ""
    return (
        f"<p>Example post: <strong>{escape(post.key.post)}</strong> in {text_span(post.scenario_title)}: {escape(details)}.</p>"
        + quote
    )


def _discussion_section(report: ClassReport, post_texts: Mapping[PostKey, str]) -> str:
    if not report.discussion:
        body = "<p>No technique was missed: the class caught every misleading post. Ask them how they knew.</p>"
    else:
        items = []
        for number, stat in enumerate(report.discussion, start=1):
            tip = f'<p class="tip"><strong>Tip:</strong> {text_span(stat.text.tip)}</p>' if stat.text.tip else ""
            definition = f"<p>{text_span(stat.text.definition)}</p>" if stat.text.definition else ""
            example = _example_post(stat.example, post_texts) if stat.example else ""
            items.append(
                f'<li class="point"><h3>{number}. {_technique_label(stat)}</h3>'
                f'<p class="note">Missed {stat.missed} of {stat.seen} times ({stat.miss_rate:.0%}).</p>'
                f"{definition}{tip}{example}</li>"
            )
        body = f'<ol class="points">{"".join(items)}</ol>'
    note = '<p class="note">Ranked like the chart below: by miss rate, then by number of misses.</p>' if report.discussion else ""
    return f'<section id="discussion"><h2>Top {len(report.discussion) or 3} discussion points</h2>{note}{body}</section>'


LABEL_LINE = 32  # characters per line of a chart label; longer names wrap onto a second line, never cut


def label_lines(name: str, limit: int = LABEL_LINE) -> list[str]:
    """A chart label in at most two lines, broken at a space (a name without spaces stays on one line)."""
    if len(name) <= limit or " " not in name:
        return [name]
    cut = name.rfind(" ", 0, limit + 1)
    cut = cut if cut > 0 else name.find(" ")
    return [name[:cut], name[cut + 1 :]]


def technique_chart(stats: Sequence[TechniqueStat]) -> str:
    """A horizontal bar chart (inline SVG) of the miss rate per technique; labels are sized to fit, never clipped."""
    lines = [label_lines(stat.text.name) for stat in stats]
    longest = max((len(line) for label in lines for line in label), default=10)
    row_height, top, bar_width = 34, 26, 430
    label_width = min(max(160, int(longest * 7.6) + 16), 420)
    width = label_width + bar_width + 150
    height = top + row_height * len(stats) + 10
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="100%" role="img" aria-labelledby="chart-title" '
        f'xmlns="http://www.w3.org/2000/svg"><title id="chart-title">Miss rate per technique</title>',
        f'<line x1="{label_width}" y1="{top - 6}" x2="{label_width}" y2="{height - 6}" stroke="#9aa3b2"/>',
    ]
    for tick in (0, 25, 50, 75, 100):
        x = label_width + bar_width * tick / 100
        parts.append(f'<text x="{x:.0f}" y="{top - 10}" text-anchor="middle" class="value">{tick}%</text>')
        if tick:
            parts.append(f'<line x1="{x:.0f}" y1="{top - 6}" x2="{x:.0f}" y2="{height - 6}" stroke="#e3e7ee"/>')
    for index, (stat, label) in enumerate(zip(stats, lines)):
        y = top + index * row_height
        percent = 100 * stat.miss_rate
        colour = "#c0392b" if percent >= 50 else ("#d68910" if percent >= 25 else "#2e7d4f")
        first_y = y + 21 if len(label) == 1 else y + 14
        spans = "".join(f'<tspan x="{label_width - 8}" y="{first_y + 14 * number}">{escape(line)}</tspan>' for number, line in enumerate(label))
        parts.append(
            f'<text text-anchor="end"{lang_attribute(stat.text.name)}>{spans}</text>'
            f'<rect x="{label_width}" y="{y + 7}" width="{max(bar_width * stat.miss_rate, 1.5):.1f}" height="20" rx="3" fill="{colour}">'
            f"<title>{escape(stat.text.name)}: missed {stat.missed} of {stat.seen}</title></rect>"
            f'<text x="{label_width + bar_width * stat.miss_rate + 8:.1f}" y="{y + 21}" class="value">'
            f"{percent:.0f}% ({stat.missed} of {stat.seen})</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def _techniques_section(report: ClassReport) -> str:
    if not report.techniques:
        body = "<p>These results do not say which techniques each post used, so there is no chart.</p>"
    else:
        body = (
            technique_chart(report.techniques)
            + '<p class="note">Share of answers on misleading posts using the technique that did not flag the post '
            "(shared or skipped). Most-missed first.</p>"
        )
    return f'<section id="techniques"><h2>Miss rate per technique</h2>{body}</section>'


def _posts_section(report: ClassReport, names: Mapping[str, str], post_texts: Mapping[PostKey, str]) -> str:
    rows = []
    current_scenario = None
    for post in report.posts:
        if post.key.scenario_id != current_scenario:
            current_scenario = post.key.scenario_id
            rows.append(f'<tr class="group"><td colspan="7">{text_span(post.scenario_title)}</td></tr>')
        wrong = post.most_common_wrong_action
        wrong_cell = f'{ACTION_WORDS[wrong[0]]} <span class="nowrap">({wrong[1]} of {post.answers})</span>' if wrong else "—"
        text = post_texts.get(post.key, "")
        excerpt = "<br>" + text_span(text[:90] + ("…" if len(text) > 90 else ""), "span", "note") if text else ""
        rows.append(
            f"<tr><td>{escape(post.key.post)}{excerpt}</td><td>{_verdict_tag(post.verdict)}</td>"
            f"<td>{_tags(post.techniques, names)}</td><td class=\"num\">{post.answers}</td>"
            f'<td class="num">{post.percent_correct:.0f}%<span class="track"><span class="{_bar_class(post.percent_correct)}" '
            f'style="width:{post.percent_correct:.0f}%"></span></span></td>'
            f"<td>{wrong_cell}</td><td class=\"num\">{post.mean_seconds:.0f}</td></tr>"
        )
    columns = "".join(f'<col style="width:{width}%">' for width in POSTS_COLUMN_PERCENTS)
    return (
        '<section id="posts"><h2>Posts</h2><table id="posts-table"><caption>Each post, hardest first within each scenario.</caption>'
        f'{columns}<thead><tr><th>Post</th><th>Verdict</th><th>Techniques</th><th class="num">Answers</th><th class="num">Correct</th>'
        '<th>Most common mistake</th><th class="num">Avg seconds</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></section>"
    )


def _prepost_section(report: ClassReport) -> str:
    """The pre/post check section; nothing at all when there is no check data (see `prepost`)."""
    return prepost_html(report.checks, singles=report.single_phase, items=report.check_items)


def _skipped_section(skipped: Sequence[SkippedFile]) -> str:
    if not skipped:
        return ""
    kinds = Counter(SKIPPED_KIND_WORDS.get(item.kind, item.kind) for item in skipped)
    summary = ", ".join(f"{count} {kind}" for kind, count in kinds.most_common())
    rows = "".join(
        f"<tr><td>{text_span(item.path)}</td><td>{escape(SKIPPED_KIND_WORDS.get(item.kind, item.kind))}</td>"
        f"<td>{escape(item.reason)}</td></tr>"
        for item in skipped[:MAX_SKIPPED_ROWS]
    )
    more = (
        f'<p class="note">… and {len(skipped) - MAX_SKIPPED_ROWS} more (the command lists them all).</p>'
        if len(skipped) > MAX_SKIPPED_ROWS
        else ""
    )
    return (
        f'<section id="skipped"><h2>Files not read</h2><p>{len(skipped)} file{"s were" if len(skipped) != 1 else " was"} '
        f"not read ({escape(summary)}). The report above leaves them out; nothing in them was changed.</p>"
        '<table id="skipped-table"><thead><tr><th>File</th><th>Problem</th><th>Details</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>{more}</section>"
    )


def render_html(
    report: ClassReport,
    *,
    skipped: Sequence[SkippedFile] = (),
    files_seen: int = 0,
    post_texts: Mapping[PostKey, str] | None = None,
    khmer_font_face: str = "",
    zone: tzinfo | None = None,
    zone_name: str = "",
) -> str:
    """The whole report page as a string.

    `khmer_font_face` (a CSS `@font-face` rule, see `sources.khmer_font_face`) is included only
    when the page holds Khmer text.
    """
    post_texts = post_texts or {}
    names = {stat.technique: stat.text.name for stat in report.techniques}
    for trainee in report.trainees:
        for technique in trainee.missed_techniques:
            names.setdefault(technique, technique)
    title = "Feedwise class report" + (f" – {report.session}" if report.session else "")
    sections = (
        _header(report, files_seen, zone, zone_name),
        _nav(report, skipped),
        attention_section(report),
        _overview_section(report),
        uncounted_section(report, zone),
        _discussion_section(report, post_texts),
        _techniques_section(report),
        _posts_section(report, names, post_texts),
        trainees_section(report, names),
        _prepost_section(report),
        _skipped_section(skipped),
        '<footer>Made by Feedwise from the result files. Scores follow docs/scoring.md; '
        "d′ and c use the log-linear correction (Hautus 1995).</footer>",
    )
    body = "\n".join(section for section in sections if section)
    font_face = khmer_font_face if khmer_font_face and 'lang="km"' in body else ""
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{font_face}{STYLE}</style>\n</head>\n<body>\n<main>\n"
        f"{body}\n</main>\n<script>{SORT_SCRIPT}</script>\n</body>\n</html>\n"
    )

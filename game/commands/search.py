"""`python main.py search QUERY [--lang en|km] [--json]`: what a trainee would find in the built-in web, ranked.

Searches the offline web of the built-in scenarios (and of `--folder` folders) with the game's own
index, so authors can see whether a careful query finds the page that settles a post and what
pasting a headline finds. Prints rank, title, domain, date, score and the snippet (matched words
in [brackets]), then "did you mean" when a word is not in the web. `--json` prints a list of
{"page", "site", "title", "score"}, best first. Uses the index cache in the data folder.
Never imports pygame.
"""

from __future__ import annotations

import argparse
import json
import sys

NAME = "search"


def register(subparsers) -> None:
    parser = subparsers.add_parser(NAME, help="search the built-in offline web as a trainee would", description=__doc__.split("\n\n")[0])
    parser.add_argument("query", nargs="+", metavar="QUERY", help="the words to search for (quote them or not)")
    parser.add_argument("--lang", choices=("en", "km"), default="en", help="the language of the web to search (default: en)")
    parser.add_argument("--json", action="store_true", help='print a JSON list of {"page", "site", "title", "score"}, best first')
    parser.add_argument("--folder", action="append", default=[], metavar="FOLDER", help="also search the web files in this folder (may be repeated)")
    parser.add_argument("--limit", type=int, default=8, help="how many results (default: 8, as in the game)")


def _plain(snippet: str) -> str:
    from game.web.index import snippet_parts  # imported when the command runs: the CLI loads every command's parser at start-up

    return " ".join("".join(f"[{text}]" if marked else text for text, marked in snippet_parts(snippet)).split())


def run(args: argparse.Namespace) -> int:
    # Imported when the command runs: the CLI loads every command's parser at start-up.
    from game.store.paths import cache_dir
    from game.resources import scenarios_dir
    from game.web.loader import OfflineWeb

    query = " ".join(args.query).strip()
    if not query:
        print("search: give some words to search for", file=sys.stderr)
        return 2
    web = OfflineWeb([scenarios_dir(), *args.folder], args.lang, cache_dir())
    found = web.search(query, max(1, args.limit))
    if args.json:
        print(json.dumps([{"page": r.page, "site": r.site, "title": r.title, "score": r.score} for r in found.results], indent=2, ensure_ascii=False))
        return 0
    if not found.results:
        print(f"nothing found for \"{query}\"")
    for result in found.results:
        print(f"{result.rank}. {result.title}")
        print(f"   {result.domain or result.site} · {result.date} · score {result.score:.2f} · page {result.page}")
        print(f"   {_plain(result.snippet)}")
    if found.suggestion:
        print(f"did you mean: {found.suggestion}")
    if found.engine != "fts5":
        print("(this Python's SQLite has no FTS5: results come from the slower built-in ranking; see `python main.py doctor`)")
    return 0

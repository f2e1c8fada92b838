"""Benchmark: load and validate a generated 1,000-post scenario (about 565 KB) through the one loader.

`run()` returns {"validate_1000_posts_s": seconds}: the MEDIAN of 5 timed runs of
`check_file` (read, parse with libyaml when present, type checks, cross-references, image checks)
after one warm-up run. Goal on the 2-core reference machine: <= 0.3 s.
Run alone: python benchmarks/bench_validate.py (also prints the parse-only figures for the
event-stream reader and for PyYAML's node graph, for comparison).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.scenario.loader import check_file  # noqa: E402

POSTS = 1000
RUNS = 5
TECHNIQUES = ["emotional-language", "too-good-to-be-true", "urgency-pressure", "impersonation", "clickbait", "conspiracy"]


def _post(number: int) -> str:
    reliable = number % 5 in (0, 1)  # 40% reliable
    technique = TECHNIQUES[number % len(TECHNIQUES)]
    lines = [
        f"  - id: post-{number:04d}",
        f"    author: account-{number % 40:02d}",
        f"    time: {number % 23 + 1}h",
        "    text: >-",
        f"      SHOCKING news number {number} from the river district! Families say prices went up",
        "      again and nobody knows why.",
    ]
    if number % 2:
        lines += ["    stats: {likes: 120, shares: 45, comments: 12}"]
    if number % 3 == 1:
        lines += ["    comments:", "      - name: Dara", "        text: Is this true? My cousin said the same thing."]
    if number % 10 == 0:
        lines += ["    image:", "      file: images/picture.png", "      alt: A crowded market street in the rain."]
    if number % 3 == 0:
        lines += [
            "    link:",
            f"      url: https://news-{number % 7}.example/story/{number}",
            f"      title: Story {number} about the market road",
            f"      domain: news-{number % 7}.example",
        ]
    if reliable:
        lines += ["    verdict: reliable"]
    else:
        lines += [
            "    verdict: misinformation",
            "    techniques:",
            f"      - id: {technique}",
            f"        evidence: SHOCKING news number {number}",
            "        note: Capital letters push readers to share before checking.",
        ]
    lines += [
        "    clues:",
        "      source: The account was created three weeks ago.",
        "      search: No established outlet reports this story.",
        "    explanation: Dramatic wording, no source, and no other outlet reports it.",
    ]
    return "\n".join(lines)


def generate(folder: Path) -> Path:
    """Write a realistic 1,000-post scenario (with a small image) into folder; returns its path."""
    from PIL import Image

    (folder / "images").mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (320, 180), (120, 140, 160)).save(folder / "images" / "picture.png")
    accounts = "\n".join(
        f"  - id: account-{n:02d}\n    name: Account {n}\n    handle: \"@account{n}\"\n    followers: {n * 137}\n"
        f"    joined: \"2019-0{n % 9 + 1}\"\n    bio: A local page about markets and news."
        for n in range(40)
    )
    text = (
        "# yaml-language-server: $schema=../scenario.schema.json\n"
        "id: bench\ntitle: Benchmark feed\nlanguage: en\ndescription: A generated feed for timing the loader.\n"
        f"accounts:\n{accounts}\nposts:\n" + "\n".join(_post(n) for n in range(POSTS)) + "\n"
    )
    path = folder / "bench.en.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _median_seconds(action, runs: int = RUNS) -> float:
    action()  # warm-up: imports, the technique catalogue, Pillow
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def run() -> dict[str, float]:
    with tempfile.TemporaryDirectory() as temporary:
        path = generate(Path(temporary))
        loaded, problems = check_file(path)
        if loaded is None or any(problem.is_error for problem in problems):
            raise RuntimeError("the generated benchmark scenario does not validate: " + "; ".join(p.format() for p in problems[:3]))
        return {"validate_1000_posts_s": round(_median_seconds(lambda: check_file(path)), 4)}


def compare_parsers() -> dict[str, float]:
    """Parse-only timings: our event-stream reader vs PyYAML's composed node graph (+ a walk) and full safe_load."""
    import yaml

    from game.scenario.yamlsafe import parse_yaml

    with tempfile.TemporaryDirectory() as temporary:
        path = generate(Path(temporary))
        text = path.read_text(encoding="utf-8")

        def walk_nodes() -> None:
            root = yaml.compose(text, Loader=yaml.CSafeLoader)
            seen: set[int] = set()
            stack = [root]
            while stack:
                node = stack.pop()
                if id(node) in seen:
                    raise ValueError("alias")
                seen.add(id(node))
                if isinstance(node, yaml.MappingNode):
                    keys = set()
                    for key, value in node.value:
                        if key.value in keys:
                            raise ValueError("duplicate")
                        keys.add(key.value)
                        stack.append(value)
                elif isinstance(node, yaml.SequenceNode):
                    stack.extend(node.value)

        return {
            "size_kb": round(len(text.encode()) / 1024, 1),
            "event_reader_s": round(_median_seconds(lambda: parse_yaml(text, "bench")), 4),
            "node_graph_walk_s": round(_median_seconds(walk_nodes), 4),
            "csafe_load_s": round(_median_seconds(lambda: yaml.load(text, Loader=yaml.CSafeLoader)), 4),
            "pure_python_safe_load_s": round(_median_seconds(lambda: yaml.load(text, Loader=yaml.SafeLoader), runs=1), 4),
        }


if __name__ == "__main__":
    for name, value in {**run(), **compare_parsers()}.items():
        print(f"{name}: {value}")

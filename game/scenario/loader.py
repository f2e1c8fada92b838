"""The one scenario loader: the game, the CLI and the tests all read scenarios through here.

`check_file(path)` reads, parses and validates a scenario file and never raises: it returns
`(LoadedScenario or None, problems)`. `load_scenario(path)` returns the `LoadedScenario` or
raises `ScenarioError` listing every problem. Problems are sorted in file order.
Never imports pygame.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path
from typing import Optional, Union

from game.resources import command_name
from game.scenario.catalogue import catalogue
from game.scenario.errors import Problem, ScenarioError
from game.scenario.model import LoadedScenario, Scenario
from game.scenario.validate import validate_document
from game.scenario.yamlsafe import MAX_BYTES, decode_yaml_bytes, parse_yaml, without_stand_in_follow_ups

PathLike = Union[str, "os.PathLike[str]"]


def _problem(file: str, code: str, message: str, line: int = 0, column: int = 0) -> Problem:
    return Problem(file, line, column, "error", code, message)


def read_source(path: PathLike) -> tuple[Optional[bytes], list[Problem]]:
    """A file's bytes, or a plain problem when it is missing, a folder, unreadable or too large."""
    file = os.fspath(path)
    target = Path(file)
    try:
        if not target.exists():
            return None, [_problem(file, "file-missing", "no such file; check the name and the folder")]
        if target.is_dir():
            return None, [_problem(file, "file-is-folder", "this is a folder, not a scenario file")]
        facts = target.stat()
        if not stat.S_ISREG(facts.st_mode):
            return None, [_problem(file, "file-not-regular", f"this is {_kind_of_special(facts.st_mode)}, not a file; give the path of a .yaml file")]
        size = facts.st_size
        if size > MAX_BYTES:
            return None, [_problem(file, "file-too-large", f"the file is {size / 1048576:.1f} MB; scenario files may be at most {MAX_BYTES // 1048576} MB")]
        with open(target, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as error:
        return None, [_problem(file, "file-unreadable", f"the file cannot be read ({error.strerror or error})")]
    return raw, []


def _kind_of_special(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


SNIFF_BYTES = 64 * 1024


def read_head(path: PathLike, limit: int = SNIFF_BYTES) -> Optional[bytes]:
    """The first `limit` bytes of a regular file, or None when it is missing, special (a pipe never blocks us) or unreadable."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None
        with open(path, "rb") as handle:
            return handle.read(limit)
    except OSError:
        return None


def check_file(path: PathLike, *, decode_images: bool = True) -> tuple[Optional[LoadedScenario], list[Problem]]:
    """Load and check one scenario file. Never raises; returns (scenario or None when there are errors, problems).

    `decode_images=False` checks each picture's header but not its pixels: the game's fast start-up scan.
    """
    file = os.fspath(path) if not isinstance(path, str) else path
    try:
        loaded, problems = _check(file, decode_images)
    except Exception as error:  # the last line of defence: a bug here must not become a traceback
        return None, [_problem(file, "internal-error", f"unexpected problem while checking this file ({type(error).__name__}: {error}); please report it")]
    problems.sort(key=lambda problem: (problem.line, problem.column))
    return loaded, problems


def _check(file: str, decode_images: bool = True) -> tuple[Optional[LoadedScenario], list[Problem]]:
    raw, problems = read_source(file)
    if raw is None:
        return None, problems
    text, problems = decode_yaml_bytes(raw, file)
    if text is None:
        return None, problems
    if not text.strip() or all(line.lstrip().startswith("#") or not line.strip() for line in text.splitlines()):
        return None, [_problem(file, "file-empty", f"the file is empty; start from '{command_name()} new NAME' or docs/scenario-format.md", 1, 1)]
    document, yaml_problems = parse_yaml(text, file)
    if document is None:
        return None, yaml_problems
    # Refusals the reader read past (duplicate keys, aliases, tags) are errors, but the later checks
    # still run on its best reading, so one duplicated field does not hide every other problem.
    if not isinstance(document.data, dict):
        line, column = document.mark(())
        found = {list: "a list", str: "plain text"}.get(type(document.data), "a single value")
        return None, yaml_problems + [_problem(file, "not-a-mapping", f"the top level of a scenario must be fields such as 'id:', 'title:', 'language:' and 'posts:', but this file holds {found}", line, column)]
    language = document.data.get("language")
    techniques = catalogue(language if language in ("en", "km") else "en")
    scenario, problems = validate_document(document, file, Path(file).parent, {key: value.name for key, value in techniques.items()}, decode_images)
    problems = yaml_problems + without_stand_in_follow_ups(document, problems)
    if scenario is None or yaml_problems:
        return None, problems
    return build_loaded(scenario, file, raw, techniques), problems


def build_loaded(scenario: Scenario, path: str, raw: bytes, techniques: dict) -> LoadedScenario:
    """Wrap a checked scenario with its origin and every technique it may use (catalogue + its own)."""
    merged = dict(techniques)
    merged.update({technique.id: technique for technique in scenario.techniques})
    return LoadedScenario(scenario=scenario, path=path, sha256=hashlib.sha256(raw).hexdigest(), techniques=merged)


def load_scenario(path: PathLike) -> LoadedScenario:
    """Load a scenario file, or raise `ScenarioError` with every problem found."""
    loaded, problems = check_file(path)
    if loaded is None:
        raise ScenarioError(problems)
    return loaded
